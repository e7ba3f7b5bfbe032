/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-assessment-view.c: the assessment entry area. On the left the assessment events, newest
 * first; on the right the outcomes of the chosen one, one row per employee × competency: each
 * assessor's level, their spread, the level that counts and how it came about (one assessor,
 * the computed median, a disagreement that needs a consensus, a recorded consensus). Under the
 * table, the chosen outcome's assessors with their evidence notes.
 *
 * Layout is in kp-assessment-view.ui, the dialogs included: they are windows of the template,
 * hidden on close and shown again, so that a refusal (a duplicate result, a date after today)
 * is said inside the dialog while the user's input stays. Every change goes through
 * kp_assessment_*, which validates and writes one audit event; the view then re-reads the
 * event. The outcomes are a GtkColumnView over a GListStore of small items, filtered by the
 * search and the "Only disagreements" switch and sorted by the column headers.
 *
 * The employee of a new result is found in the register by NIP or name: a GtkListView over a
 * filter of the employees store makes rows only for what is on screen, so it stays quick with
 * 100,000 employees. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-assessment-view.h"
#include "kp-assessment-view-private.h"
#include "kp-file-chooser.h"
#include "kp-import-result.h"
#include "kp-widget-util.h"

/* The status column sorts the outcomes that need someone first. */
typedef enum {
  STATUS_NEEDS_CONSENSUS,
  STATUS_CONSENSUS,
  STATUS_COMPUTED,
  STATUS_SINGLE,
} Status;

/* ---- one outcome, as a row of the table -------------------------------------------------- */

#define KP_TYPE_ASSESSMENT_OUTCOME_ITEM (kp_assessment_outcome_item_get_type ())
G_DECLARE_FINAL_TYPE (KpAssessmentOutcomeItem, kp_assessment_outcome_item, KP,
                      ASSESSMENT_OUTCOME_ITEM, GObject)

struct _KpAssessmentOutcomeItem
{
  GObject parent_instance;

  KpAssessmentOutcome *outcome;
};

G_DEFINE_FINAL_TYPE (KpAssessmentOutcomeItem, kp_assessment_outcome_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_NIP,
  ITEM_PROP_NAME,
  ITEM_PROP_CODE,
  ITEM_PROP_LEVEL,
  ITEM_PROP_STATUS,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static Status
outcome_status (const KpAssessmentOutcome *outcome)
{
  switch (outcome->consensus)
    {
    case KP_CONSENSUS_DISAGREEMENT:
      return outcome->recorded ? STATUS_CONSENSUS : STATUS_NEEDS_CONSENSUS;

    case KP_CONSENSUS_COMPUTED:
      return STATUS_COMPUTED;

    case KP_CONSENSUS_SINGLE:
    case KP_CONSENSUS_NONE:
    default:
      return STATUS_SINGLE;
    }
}

static void
kp_assessment_outcome_item_finalize (GObject *object)
{
  KpAssessmentOutcomeItem *self = KP_ASSESSMENT_OUTCOME_ITEM (object);

  g_clear_pointer (&self->outcome, kp_assessment_outcome_free);

  G_OBJECT_CLASS (kp_assessment_outcome_item_parent_class)->finalize (object);
}

static void
kp_assessment_outcome_item_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  KpAssessmentOutcome *outcome = KP_ASSESSMENT_OUTCOME_ITEM (object)->outcome;

  switch (prop_id)
    {
    case ITEM_PROP_NIP:
      g_value_set_string (value, outcome->nip);
      break;

    case ITEM_PROP_NAME:
      g_value_set_string (value, outcome->employee_name);
      break;

    case ITEM_PROP_CODE:
      g_value_set_string (value, outcome->code);
      break;

    case ITEM_PROP_LEVEL:
      g_value_set_int (value, outcome->level);
      break;

    case ITEM_PROP_STATUS:
      g_value_set_int (value, outcome_status (outcome));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_assessment_outcome_item_class_init (KpAssessmentOutcomeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_assessment_outcome_item_finalize;
  object_class->get_property = kp_assessment_outcome_item_get_property;

  item_properties[ITEM_PROP_NIP] = g_param_spec_string ("nip", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_LEVEL] = g_param_spec_int ("level", NULL, NULL, 0, KP_LEVEL_MAX, 0,
                                                       flags);
  item_properties[ITEM_PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, STATUS_NEEDS_CONSENSUS,
                                                        STATUS_SINGLE, STATUS_SINGLE, flags);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
kp_assessment_outcome_item_init (KpAssessmentOutcomeItem *self)
{
}

/* Takes @outcome. */
static KpAssessmentOutcomeItem *
outcome_item_new (KpAssessmentOutcome *outcome)
{
  KpAssessmentOutcomeItem *item = g_object_new (KP_TYPE_ASSESSMENT_OUTCOME_ITEM, NULL);

  item->outcome = outcome;
  return item;
}

static KpAssessmentOutcome *
item_outcome (gpointer item)
{
  return item != NULL ? KP_ASSESSMENT_OUTCOME_ITEM (item)->outcome : NULL;
}

/* ---- one refused row of an import -------------------------------------------------------- */

#define KP_TYPE_ASSESSMENT_PROBLEM_ITEM (kp_assessment_problem_item_get_type ())
G_DECLARE_FINAL_TYPE (KpAssessmentProblemItem, kp_assessment_problem_item, KP,
                      ASSESSMENT_PROBLEM_ITEM, GObject)

struct _KpAssessmentProblemItem
{
  GObject parent_instance;

  GPtrArray *problems; /* of KpImportProblem: the import's, shared by its items */
  guint index;
};

G_DEFINE_FINAL_TYPE (KpAssessmentProblemItem, kp_assessment_problem_item, G_TYPE_OBJECT)

static void
kp_assessment_problem_item_finalize (GObject *object)
{
  KpAssessmentProblemItem *self = KP_ASSESSMENT_PROBLEM_ITEM (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (kp_assessment_problem_item_parent_class)->finalize (object);
}

static void
kp_assessment_problem_item_class_init (KpAssessmentProblemItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_assessment_problem_item_finalize;
}

static void
kp_assessment_problem_item_init (KpAssessmentProblemItem *self)
{
}

static const KpImportProblem *
item_problem (gpointer item)
{
  KpAssessmentProblemItem *self = item;

  return self != NULL ? g_ptr_array_index (self->problems, self->index) : NULL;
}

/* ---- the view ---------------------------------------------------------------------------- */

struct _KpAssessmentView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  GtkListBox *events_list;
  GtkStack *detail_stack;
  GtkLabel *event_title_label;
  GtkLabel *event_subtitle_label;
  GtkSearchEntry *search_entry;
  GtkCheckButton *disagreements_check;
  GtkStack *outcomes_stack;
  GtkColumnView *column_view;
  GtkWidget *outcome_box;
  GtkLabel *outcome_title_label;
  GtkLabel *outcome_status_label;
  GtkListBox *results_list;
  GtkLabel *status_label;

  /* template dialogs and their fields */
  GtkWindow *new_dialog;
  AdwEntryRow *new_name_row;
  AdwEntryRow *new_period_row;
  AdwEntryRow *new_date_row;
  AdwComboRow *new_method_row;
  GtkWidget *new_create_button;
  GtkLabel *new_error_label;
  GtkWindow *add_dialog;
  GtkSearchEntry *employee_entry;
  GtkListView *employee_list;
  GtkLabel *employee_chosen_label;
  AdwComboRow *competency_row;
  AdwEntryRow *assessor_row;
  GtkSpinButton *level_spin;
  GtkTextView *note_view;
  GtkWidget *add_button;
  GtkLabel *add_error_label;
  GtkWindow *consensus_dialog;
  GtkLabel *consensus_summary_label;
  GtkSpinButton *consensus_spin;
  GtkTextView *reason_view;
  GtkWidget *consensus_button;
  GtkLabel *consensus_error_label;
  GtkWindow *problems_dialog;
  GtkLabel *problems_summary_label;
  AdwMessageDialog *delete_dialog;

  /* template objects */
  GtkSingleSelection *selection;
  GtkCustomFilter *filter;
  GtkFilterListModel *filter_model;
  GListStore *outcomes_store;
  GtkSingleSelection *employee_selection;
  GtkFilterListModel *employee_filter_model;
  GtkCustomFilter *employee_filter;
  GListStore *problems_store;

  /* owned */
  KpDatabase *database;
  GPtrArray *events;            /* of KpAssessment, as listed */
  gint64 event_id;              /* the event shown on the right; 0 for none */
  char *needle;                 /* the folded search; NULL when not searching */
  gint64 chosen_employee_id;    /* the outcome chosen in the table, kept across reloads */
  gint64 chosen_competency_id;
  gboolean selecting;           /* we move the selections ourselves */
  KpEmployee *add_employee;     /* the employee chosen in Add Result */
  char *employee_needle;        /* the folded search of Add Result */
  gint64 consensus_employee_id; /* what the consensus dialog is about */
  gint64 consensus_competency_id;
  gint64 delete_result_id;      /* what the delete question is about */
  GPtrArray *problems;          /* the last import's refused rows (KpImportProblem) */
  char *problems_name;          /* that file's base name */
  gboolean problems_all_refused; /* no row of that file went in */
};

G_DEFINE_FINAL_TYPE (KpAssessmentView, kp_assessment_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const csv_patterns[] = { "*.csv", NULL };

static void show_event (KpAssessmentView *self, gint64 event_id);

/* ---- words ------------------------------------------------------------------------------- */

static const char *
method_title (const char *method)
{
  switch (kp_assessment_method_parse (method))
    {
    case KP_ASSESSMENT_METHOD_CENTRE:
      return _("Assessment centre");

    case KP_ASSESSMENT_METHOD_UJI_KOMPETENSI:
      /* Translators: a method of assessment; keep the Indonesian name */
      return _("Uji kompetensi");

    case KP_ASSESSMENT_METHOD_WAWANCARA:
      /* Translators: a method of assessment (an interview); keep the Indonesian name */
      return _("Wawancara");

    case KP_ASSESSMENT_METHOD_360:
      return _("360° feedback");

    case KP_ASSESSMENT_METHOD_SELF:
      return _("Self-assessment");

    default:
      return method;
    }
}

/* "14 March 2026" from "2026-03-14". */
static char *
format_date (const char *iso)
{
  char text[64];
  GDate date;

  if (!kp_date_parse (iso, KP_DATE_FORMAT_ISO, &date, NULL, NULL) ||
      g_date_strftime (text, sizeof text, "%-d %B %Y", &date) == 0)
    return g_strdup (iso != NULL ? iso : "");
  return g_strdup (text);
}

static char *
describe_status (const KpAssessmentOutcome *outcome)
{
  switch (outcome_status (outcome))
    {
    case STATUS_NEEDS_CONSENSUS:
      /* Translators: the status of assessors 2 or more levels apart */
      return g_strdup (_("Disagreement: needs consensus"));

    case STATUS_CONSENSUS:
      /* Translators: the status of a settled disagreement; %s is the recorded reason */
      return g_strdup_printf (_("Consensus: %s"), outcome->reason);

    case STATUS_COMPUTED:
      /* Translators: the status of assessors within one level of each other */
      return g_strdup (_("Computed median"));

    case STATUS_SINGLE:
    default:
      return g_strdup (_("One assessor"));
    }
}

/* "2, 4": each assessor's level, lowest first. */
static char *
describe_levels (const KpAssessmentOutcome *outcome)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; outcome->levels != NULL && i < outcome->levels->len; i++)
    /* Translators: the separator between the levels several assessors gave, e.g. "2, 4" */
    g_string_append_printf (text, "%s%d", i > 0 ? _(", ") : "",
                            g_array_index (outcome->levels, int, i));

  return g_string_free (text, FALSE);
}

/* ---- cells ------------------------------------------------------------------------------- */

static char *
format_levels (gpointer unused,
               gpointer item)
{
  KpAssessmentOutcome *outcome = item_outcome (item);

  return outcome != NULL ? describe_levels (outcome) : NULL;
}

static char *
format_spread (gpointer unused,
               gpointer item)
{
  KpAssessmentOutcome *outcome = item_outcome (item);

  if (outcome == NULL)
    return NULL;
  if (outcome->n_assessors < 2)
    return g_strdup ("—");
  /* Translators: the lowest and the highest level given, e.g. "2–4" */
  return g_strdup_printf (_("%d–%d"), outcome->min, outcome->max);
}

static char *
format_level (gpointer unused,
              gpointer item)
{
  KpAssessmentOutcome *outcome = item_outcome (item);

  if (outcome == NULL)
    return NULL;
  /* A disagreement without consensus does not count: nothing to show, not a zero. */
  return outcome->level > 0 ? g_strdup_printf ("%d", outcome->level) : g_strdup ("—");
}

static char *
format_status (gpointer unused,
               gpointer item)
{
  KpAssessmentOutcome *outcome = item_outcome (item);

  return outcome != NULL ? describe_status (outcome) : NULL;
}

static GStrv
status_classes (gpointer unused,
                gpointer item)
{
  KpAssessmentOutcome *outcome = item_outcome (item);
  g_autoptr(GStrvBuilder) classes = g_strv_builder_new ();

  if (outcome != NULL)
    switch (outcome_status (outcome))
      {
      case STATUS_NEEDS_CONSENSUS:
        g_strv_builder_add (classes, "error");
        break;

      case STATUS_CONSENSUS:
        g_strv_builder_add (classes, "accent");
        break;

      case STATUS_COMPUTED:
      case STATUS_SINGLE:
      default:
        g_strv_builder_add (classes, "dim-label");
        break;
      }

  return g_strv_builder_end (classes);
}

static char *
format_problem_line (gpointer unused,
                     gpointer item)
{
  const KpImportProblem *problem = item_problem (item);

  return problem != NULL ? g_strdup_printf ("%" PRIu64, problem->line) : NULL;
}

static char *
format_problem_column (gpointer unused,
                       gpointer item)
{
  const KpImportProblem *problem = item_problem (item);

  return problem != NULL ? g_strdup (problem->column) : NULL;
}

static char *
format_problem_value (gpointer unused,
                      gpointer item)
{
  const KpImportProblem *problem = item_problem (item);

  return problem != NULL ? g_strdup (problem->value) : NULL;
}

static char *
format_problem_reason (gpointer unused,
                       gpointer item)
{
  const KpImportProblem *problem = item_problem (item);

  return problem != NULL ? g_strdup (problem->reason) : NULL;
}

/* "M.04 Pelayanan Publik" in the competency drop-down. */
static char *
competency_title (gpointer item)
{
  KpCompetency *competency = item;

  return competency != NULL ? g_strdup_printf ("%s %s", kp_competency_get_code (competency),
                                               kp_competency_get_name (competency))
                            : NULL;
}

/* ---- small things ------------------------------------------------------------------------ */

static void
show_toast (KpAssessmentView *self,
            const char       *text)
{
  /* Toast titles are markup; ours carry names and messages. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows @dialog over our window. */
static void
present_dialog (KpAssessmentView *self,
                GtkWindow        *dialog,
                GtkWidget        *focus)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_set_transient_for (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (dialog);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* A refusal said inside its dialog (NULL hides it). */
static void
set_dialog_error (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static char *
dup_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static const KpAssessment *
find_event (KpAssessmentView *self,
            gint64            event_id)
{
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      const KpAssessment *event = g_ptr_array_index (self->events, i);

      if (event->id == event_id)
        return event;
    }

  return NULL;
}

static KpAssessmentOutcome *
selected_outcome (KpAssessmentView *self)
{
  return item_outcome (gtk_single_selection_get_selected_item (self->selection));
}

static void
update_actions (KpAssessmentView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  KpAssessmentOutcome *outcome = selected_outcome (self);
  gboolean has_database = self->database != NULL;

  gtk_widget_action_set_enabled (widget, "assessment.new", has_database);
  gtk_widget_action_set_enabled (widget, "assessment.import", has_database);
  gtk_widget_action_set_enabled (widget, "assessment.add-result",
                                 has_database && self->event_id > 0);
  /* A recorded consensus can be corrected the same way. */
  gtk_widget_action_set_enabled (widget, "assessment.consensus",
                                 has_database && outcome != NULL &&
                                 outcome->consensus == KP_CONSENSUS_DISAGREEMENT);
  gtk_widget_action_set_enabled (widget, "assessment.delete-result", has_database);
}

/* ---- the events -------------------------------------------------------------------------- */

/* Its date, method and counts: on two lines for the list, on one for the header. */
static char *
describe_event (const KpAssessment *event,
                gboolean            two_lines)
{
  g_autofree char *date = format_date (event->held_on);
  g_autofree char *employees = NULL;
  g_autofree char *results = NULL;
  g_autofree char *counts = NULL;

  if (event->n_results == 0)
    counts = g_strdup (_("no results yet"));
  else
    {
      employees = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u employee", "%u employees",
                                                event->n_employees),
                                   event->n_employees);
      results = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results",
                                              event->n_results),
                                 event->n_results);
      /* Translators: under an assessment event: how many employees and results it has, e.g.
       * "12 employees, 96 results" */
      counts = g_strdup_printf (_("%s, %s"), employees, results);
    }

  if (two_lines)
    /* Translators: under an assessment event in the list: its date and method, then its
     * counts on a line of their own, e.g. "14 March 2026 · Uji kompetensi\n12 employees,
     * 96 results" */
    return g_strdup_printf (_("%s · %s\n%s"), date, method_title (event->method), counts);
  /* Translators: over the results of an assessment event: its date, method and counts, e.g.
   * "14 March 2026 · Uji kompetensi · 12 employees, 96 results" */
  return g_strdup_printf (_("%s · %s · %s"), date, method_title (event->method), counts);
}

static void
reload_events (KpAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = NULL;

  if (self->database != NULL)
    {
      events = kp_assessment_list (self->database, &error);
      if (events == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Cannot read the assessments: %s"),
                                                      error->message);
          show_toast (self, message);
        }
    }

  self->selecting = TRUE;
  kp_list_box_remove_rows (self->events_list);
  self->selecting = FALSE;
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = events;

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const KpAssessment *event = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_event (event, TRUE);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_append (self->events_list, row);
    }

  gtk_stack_set_visible_child_name (self->main_stack,
                                    events != NULL && events->len > 0 ? "events" : "empty");
}

static void
update_event_header (KpAssessmentView *self)
{
  const KpAssessment *event = find_event (self, self->event_id);
  g_autofree char *subtitle = NULL;

  if (event == NULL)
    return;

  subtitle = describe_event (event, FALSE);
  if (event->period[0] != '\0')
    {
      /* Translators: the period of an assessment before its date, method and counts, e.g.
       * "Period 2026 · 14 March 2026 · Uji kompetensi · 12 employees, 96 results" */
      g_autofree char *with_period = g_strdup_printf (_("Period %s · %s"), event->period, subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_period);
    }
  gtk_label_set_label (self->event_title_label, event->name);
  gtk_label_set_label (self->event_subtitle_label, subtitle);
}

/* ---- the outcomes ------------------------------------------------------------------------ */

static gboolean
matches_outcome (gpointer item,
                 gpointer user_data)
{
  KpAssessmentView *self = user_data;
  KpAssessmentOutcome *outcome = item_outcome (item);

  if (gtk_check_button_get_active (self->disagreements_check) &&
      outcome->consensus != KP_CONSENSUS_DISAGREEMENT)
    return FALSE;

  if (self->needle != NULL)
    {
      g_autofree char *name = kp_text_fold (outcome->employee_name);

      return strstr (outcome->nip, self->needle) != NULL || strstr (name, self->needle) != NULL;
    }

  return TRUE;
}

static void
update_status_line (KpAssessmentView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->outcomes_store));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_open = 0;
  g_autofree char *total = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->outcomes_store), i);

      if (outcome_status (item_outcome (item)) == STATUS_NEEDS_CONSENSUS)
        n_open++;
    }

  if (n_shown < n)
    /* Translators: under the table while searching or filtering, e.g. "2 of 36 outcomes" */
    total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u outcome", "%u of %u outcomes",
                                          n),
                             n_shown, n);
  else
    /* Translators: under the table: how many employee × competency outcomes the event has */
    total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outcome", "%u outcomes", n), n);
  if (n_open > 0)
    {
      /* Translators: under the table, e.g. "12 outcomes · 2 disagreements need a consensus" */
      g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u disagreement needs a consensus",
                                                            "%u disagreements need a consensus",
                                                            n_open),
                                               n_open);
      g_autofree char *line = g_strdup_printf (_("%s · %s"), total, open);

      gtk_label_set_label (self->status_label, line);
    }
  else
    gtk_label_set_label (self->status_label, total);
}

static void
update_outcomes_page (KpAssessmentView *self)
{
  const char *page = "table";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->outcomes_store)) == 0)
    page = "no-outcomes";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-matches";
  gtk_stack_set_visible_child_name (self->outcomes_stack, page);
}

static GtkWidget *
new_result_row (const KpAssessmentResult *result)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *level, *button;
  g_autofree char *level_text = NULL;
  g_autofree char *delete_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), result->assessor);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               result->note[0] != '\0' ? result->note : _("No evidence note"));

  /* Translators: the level one assessor gave, e.g. "Level 4" */
  level_text = g_strdup_printf (_("Level %d"), result->level);
  level = gtk_label_new (level_text);
  gtk_widget_add_css_class (level, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assessment.delete-result");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", result->id);
  /* Translators: the button that deletes one assessor's result; %s is the assessor */
  delete_label = g_strdup_printf (_("Delete the result of %s"), result->assessor);
  gtk_widget_set_tooltip_text (button, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* Under the table: the chosen outcome, what its status means, and each assessor. */
static void
update_outcome_panel (KpAssessmentView *self)
{
  KpAssessmentOutcome *outcome = selected_outcome (self);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;

  kp_list_box_remove_rows (self->results_list);
  gtk_widget_set_visible (self->outcome_box, outcome != NULL);
  update_actions (self);
  if (outcome == NULL)
    return;

  /* Translators: over the assessors of one outcome: name, NIP and competency code */
  title = g_strdup_printf (_("%s (%s) · %s"), outcome->employee_name, outcome->nip, outcome->code);
  gtk_label_set_label (self->outcome_title_label, title);

  switch (outcome_status (outcome))
    {
    case STATUS_NEEDS_CONSENSUS:
      status = g_strdup_printf (_("The assessors are %d levels apart: this result does not count "
                                  "until the consensus level is recorded with its reason "
                                  "(Record Consensus)."),
                                outcome->max - outcome->min);
      break;

    case STATUS_CONSENSUS:
      /* Translators: a recorded consensus: its level and its reason */
      status = g_strdup_printf (_("Consensus level %d, recorded because: %s"), outcome->level,
                                outcome->reason);
      break;

    case STATUS_COMPUTED:
      status = g_strdup_printf (_("The assessors are within one level: the counted level %d is "
                                  "their median, rounded down, computed by Kompeten."),
                                outcome->level);
      break;

    case STATUS_SINGLE:
    default:
      status = g_strdup_printf (_("One assessor: the counted level is theirs, %d."), outcome->level);
      break;
    }
  gtk_label_set_label (self->outcome_status_label, status);
  if (outcome_status (outcome) == STATUS_NEEDS_CONSENSUS)
    gtk_widget_add_css_class (GTK_WIDGET (self->outcome_status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_status_label), "error");

  results = kp_assessment_results (self->database, outcome->assessment_id, outcome->employee_id,
                                   outcome->competency_id, &error);
  if (results == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the results: %s"), error->message);

      show_toast (self, message);
      return;
    }
  for (guint i = 0; i < results->len; i++)
    gtk_list_box_append (self->results_list, new_result_row (g_ptr_array_index (results, i)));
}

/* Selects the outcome of @employee_id on @competency_id if the table shows it. */
static void
select_outcome (KpAssessmentView *self,
                gint64            employee_id,
                gint64            competency_id)
{
  GListModel *shown = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (shown);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n && employee_id > 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);
      KpAssessmentOutcome *outcome = item_outcome (item);

      if (outcome->employee_id == employee_id && outcome->competency_id == competency_id)
        {
          position = i;
          break;
        }
    }

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
  update_outcome_panel (self);
}

/* Re-reads the shown event's outcomes: one change to the store. */
static void
reload_outcomes (KpAssessmentView *self)
{
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->outcomes_store));

  if (self->database != NULL && self->event_id > 0)
    {
      outcomes = kp_assessment_event_outcomes (self->database, self->event_id, &error);
      if (outcomes == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Cannot read the results: %s"),
                                                      error->message);
          show_toast (self, message);
        }
    }

  if (outcomes != NULL)
    {
      /* The items take the outcomes. */
      g_ptr_array_set_free_func (outcomes, NULL);
      for (guint i = 0; i < outcomes->len; i++)
        g_ptr_array_add (items, outcome_item_new (g_ptr_array_index (outcomes, i)));
    }

  self->selecting = TRUE;
  g_list_store_splice (self->outcomes_store, 0, n_old, items->pdata, items->len);
  self->selecting = FALSE;

  select_outcome (self, self->chosen_employee_id, self->chosen_competency_id);
  update_outcomes_page (self);
  update_status_line (self);
}

static void
show_event (KpAssessmentView *self,
            gint64            event_id)
{
  GtkListBoxRow *row = NULL;

  if (find_event (self, event_id) == NULL)
    event_id = 0;
  if (event_id != self->event_id)
    {
      self->chosen_employee_id = 0;
      self->chosen_competency_id = 0;
    }
  self->event_id = event_id;

  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    if (((KpAssessment *) g_ptr_array_index (self->events, i))->id == event_id)
      row = gtk_list_box_get_row_at_index (self->events_list, (int) i);

  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->events_list, row);
  else
    gtk_list_box_unselect_all (self->events_list);
  self->selecting = FALSE;

  gtk_stack_set_visible_child_name (self->detail_stack, event_id > 0 ? "detail" : "none");
  update_event_header (self);
  reload_outcomes (self);
  update_actions (self);
}

/* After a change: the events' counts and the shown event's outcomes. */
static void
reload (KpAssessmentView *self,
        gint64            event_id)
{
  reload_events (self);
  if (event_id == 0 && self->events != NULL && self->events->len > 0)
    event_id = ((KpAssessment *) g_ptr_array_index (self->events, 0))->id;
  show_event (self, event_id);
}

/* ---- New assessment ---------------------------------------------------------------------- */

/* Whether the form would be accepted; marks the date row and says why not. */
static gboolean
check_new_form (KpAssessmentView *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row))));
  const char *held_on = gtk_editable_get_text (GTK_EDITABLE (self->new_date_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *problem = NULL;
  GDate date, today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));

  if (!kp_date_parse (held_on, KP_DATE_FORMAT_ANY, &date, NULL, &error))
    problem = held_on[0] != '\0' ? error->message : NULL;
  else if (g_date_compare (&date, &today) > 0)
    problem = _("The date is after today: record an assessment once it has been held.");

  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->new_date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->new_date_row), "error");
  set_dialog_error (self->new_error_label, problem);

  return name[0] != '\0' && error == NULL && problem == NULL;
}

static void
on_new_field_changed_cb (KpAssessmentView *self)
{
  gtk_widget_set_sensitive (self->new_create_button, check_new_form (self));
}

static void
on_new_create_button_clicked_cb (GtkButton        *button,
                                 KpAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->new_name_row));
  guint method = adw_combo_row_get_selected (self->new_method_row);
  gint64 id;

  if (self->database == NULL || !check_new_form (self))
    return;

  id = kp_assessment_create (self->database, name,
                             gtk_editable_get_text (GTK_EDITABLE (self->new_period_row)),
                             gtk_editable_get_text (GTK_EDITABLE (self->new_date_row)),
                             (int) method, &error);
  if (id == 0)
    {
      set_dialog_error (self->new_error_label, error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->new_dialog), FALSE);
  reload (self, id);
  /* Translators: a toast; %s is the new assessment's name */
  message = g_strdup_printf (_("“%s” created: add its results"), name);
  show_toast (self, message);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KpAssessmentView *self = KP_ASSESSMENT_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *year = g_date_time_format (now, "%Y");

  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_period_row), year);
  gtk_editable_set_text (GTK_EDITABLE (self->new_date_row), today);
  adw_combo_row_set_selected (self->new_method_row, KP_ASSESSMENT_METHOD_UJI_KOMPETENSI);
  on_new_field_changed_cb (self);
  present_dialog (self, self->new_dialog, GTK_WIDGET (self->new_name_row));
}

/* ---- Add result -------------------------------------------------------------------------- */

static gboolean
matches_employee (gpointer item,
                  gpointer user_data)
{
  KpAssessmentView *self = user_data;

  return self->employee_needle == NULL ||
         strstr (kp_employee_get_search_key (item), self->employee_needle) != NULL;
}

static void
update_add_form (KpAssessmentView *self)
{
  g_autofree char *assessor = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->assessor_row))));
  gboolean valid = self->add_employee != NULL && assessor[0] != '\0' &&
                   adw_combo_row_get_selected_item (self->competency_row) != NULL;

  if (self->add_employee != NULL)
    {
      /* Translators: in Add Result, the employee chosen: name and NIP */
      g_autofree char *chosen = g_strdup_printf (_("Chosen: %s (%s)"),
                                                 kp_employee_get_name (self->add_employee),
                                                 kp_employee_get_nip (self->add_employee));
      gtk_label_set_label (self->employee_chosen_label, chosen);
      gtk_widget_remove_css_class (GTK_WIDGET (self->employee_chosen_label), "dim-label");
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->employee_filter_model)) == 0)
    {
      gtk_label_set_label (self->employee_chosen_label,
                           _("No employee in the register has this NIP or name."));
      gtk_widget_add_css_class (GTK_WIDGET (self->employee_chosen_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->employee_chosen_label,
                           _("No employee chosen yet: search the register, then click the "
                             "employee or press Enter for the first match."));
      gtk_widget_add_css_class (GTK_WIDGET (self->employee_chosen_label), "dim-label");
    }

  gtk_widget_set_sensitive (self->add_button, valid);
}

static void
on_add_field_changed_cb (KpAssessmentView *self)
{
  set_dialog_error (self->add_error_label, NULL);
  update_add_form (self);
}

static void
choose_employee (KpAssessmentView *self,
                 KpEmployee       *employee)
{
  g_set_object (&self->add_employee, employee);
  on_add_field_changed_cb (self);
}

static void
on_employee_entry_search_changed_cb (GtkSearchEntry   *entry,
                                     KpAssessmentView *self)
{
  g_autofree char *needle = kp_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_clear_pointer (&self->employee_needle, g_free);
  if (needle != NULL && needle[0] != '\0')
    self->employee_needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->employee_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_add_form (self);
}

/* Enter in the search: the first match. */
static void
on_employee_entry_activate_cb (GtkSearchEntry   *entry,
                               KpAssessmentView *self)
{
  g_autoptr(KpEmployee) first = NULL;

  first = g_list_model_get_item (G_LIST_MODEL (self->employee_filter_model), 0);
  if (first == NULL)
    return;
  gtk_single_selection_set_selected (self->employee_selection, 0);
  choose_employee (self, first);
  gtk_widget_grab_focus (GTK_WIDGET (self->competency_row));
}

static void
on_employee_selection_notify_selected_item_cb (GtkSingleSelection *selection,
                                               GParamSpec         *pspec,
                                               KpAssessmentView   *self)
{
  KpEmployee *employee = gtk_single_selection_get_selected_item (selection);

  /* A search that hides the chosen one does not unchoose it. */
  if (employee != NULL)
    choose_employee (self, employee);
}

static void
on_employee_list_activate_cb (GtkListView      *list,
                              guint             position,
                              KpAssessmentView *self)
{
  g_autoptr(KpEmployee) employee = g_list_model_get_item (G_LIST_MODEL (self->employee_selection),
                                                          position);

  if (employee != NULL)
    choose_employee (self, employee);
}

static void
on_add_button_clicked_cb (GtkButton        *button,
                          KpAssessmentView *self)
{
  KpCompetency *competency = adw_combo_row_get_selected_item (self->competency_row);
  g_autofree char *note = dup_text_view_text (self->note_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int level = gtk_spin_button_get_value_as_int (self->level_spin);

  if (self->database == NULL || self->add_employee == NULL || competency == NULL)
    return;

  if (!kp_assessment_record (self->database, self->event_id,
                             kp_employee_get_id (self->add_employee),
                             kp_competency_get_id (competency),
                             gtk_editable_get_text (GTK_EDITABLE (self->assessor_row)), level, note,
                             &error))
    {
      /* The form stays as typed, to correct. */
      set_dialog_error (self->add_error_label, error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->add_dialog), FALSE);
  self->chosen_employee_id = kp_employee_get_id (self->add_employee);
  self->chosen_competency_id = kp_competency_get_id (competency);
  reload (self, self->event_id);

  /* Translators: a toast: level, competency code, employee's name */
  message = g_strdup_printf (_("Level %d for %s added to %s"), level,
                             kp_competency_get_code (competency),
                             kp_employee_get_name (self->add_employee));
  show_toast (self, message);
}

static void
add_result_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpAssessmentView *self = KP_ASSESSMENT_VIEW (widget);
  KpAssessmentOutcome *outcome = selected_outcome (self);

  if (self->database == NULL || self->event_id == 0)
    return;

  /* The next result is often the same person's from another assessor: start from the row
   * chosen in the table, with the assessor, level and note to fill in. */
  g_clear_object (&self->add_employee);
  gtk_editable_set_text (GTK_EDITABLE (self->employee_entry), "");
  gtk_single_selection_set_selected (self->employee_selection, GTK_INVALID_LIST_POSITION);
  if (outcome != NULL)
    {
      GListModel *employees = kp_database_get_employees (self->database);

      for (guint i = 0; i < g_list_model_get_n_items (employees); i++)
        {
          g_autoptr(KpEmployee) employee = g_list_model_get_item (employees, i);

          if (kp_employee_get_id (employee) == outcome->employee_id)
            {
              g_set_object (&self->add_employee, employee);
              break;
            }
        }
      for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (self->competency_row)); i++)
        {
          g_autoptr(KpCompetency) competency =
            g_list_model_get_item (adw_combo_row_get_model (self->competency_row), i);

          if (kp_competency_get_id (competency) == outcome->competency_id)
            adw_combo_row_set_selected (self->competency_row, i);
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->assessor_row), "");
  gtk_spin_button_set_value (self->level_spin, 3);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  on_add_field_changed_cb (self);
  present_dialog (self, self->add_dialog,
                  self->add_employee != NULL ? GTK_WIDGET (self->assessor_row)
                                             : GTK_WIDGET (self->employee_entry));
}

/* ---- Record consensus -------------------------------------------------------------------- */

static void
on_reason_changed_cb (KpAssessmentView *self)
{
  g_autofree char *reason = dup_text_view_text (self->reason_view);

  set_dialog_error (self->consensus_error_label, NULL);
  gtk_widget_set_sensitive (self->consensus_button, reason[0] != '\0');
}

static void
on_consensus_button_clicked_cb (GtkButton        *button,
                                KpAssessmentView *self)
{
  g_autofree char *reason = dup_text_view_text (self->reason_view);
  g_autoptr(GError) error = NULL;
  int level = gtk_spin_button_get_value_as_int (self->consensus_spin);

  if (self->database == NULL)
    return;

  if (!kp_assessment_set_consensus (self->database, self->event_id, self->consensus_employee_id,
                                    self->consensus_competency_id, level, reason, &error))
    {
      set_dialog_error (self->consensus_error_label, error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->consensus_dialog), FALSE);
  self->chosen_employee_id = self->consensus_employee_id;
  self->chosen_competency_id = self->consensus_competency_id;
  reload (self, self->event_id);
  show_toast (self, _("Consensus recorded: the result counts now"));
}

static void
consensus_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KpAssessmentView *self = KP_ASSESSMENT_VIEW (widget);
  KpAssessmentOutcome *outcome = selected_outcome (self);
  g_autofree char *levels = NULL;
  g_autofree char *summary = NULL;

  if (outcome == NULL || outcome->consensus != KP_CONSENSUS_DISAGREEMENT)
    return;

  self->consensus_employee_id = outcome->employee_id;
  self->consensus_competency_id = outcome->competency_id;
  levels = describe_levels (outcome);
  /* Translators: in Record Consensus: name, NIP, competency code and the levels given */
  summary = g_strdup_printf (_("%s (%s) on %s: the assessors gave %s. Record the level they "
                               "agreed on after discussing the evidence."),
                             outcome->employee_name, outcome->nip, outcome->code, levels);
  gtk_label_set_label (self->consensus_summary_label, summary);
  gtk_spin_button_set_value (self->consensus_spin,
                             outcome->recorded ? outcome->level
                                               : (outcome->min + outcome->max) / 2);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view), outcome->reason, -1);
  on_reason_changed_cb (self);
  present_dialog (self, self->consensus_dialog, GTK_WIDGET (self->consensus_spin));
}

/* ---- Delete a result --------------------------------------------------------------------- */

static void
delete_result_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpAssessmentView *self = KP_ASSESSMENT_VIEW (widget);
  KpAssessmentOutcome *outcome = selected_outcome (self);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *body = NULL;
  gint64 result_id = g_variant_get_int64 (parameter);

  /* The buttons are on the chosen outcome's assessors: name the one to delete. */
  if (outcome != NULL)
    results = kp_assessment_results (self->database, outcome->assessment_id,
                                     outcome->employee_id, outcome->competency_id, NULL);
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      KpAssessmentResult *result = g_ptr_array_index (results, i);

      if (result->id == result_id)
        /* Translators: the question before deleting one result: an assessor, a level, a
         * competency code and an employee's name */
        body = g_strdup_printf (_("%s gave level %d on %s to %s. Delete a result entered by "
                                  "mistake, then add the right one. The audit log keeps a "
                                  "record of the deletion."),
                                result->assessor, result->level, outcome->code,
                                outcome->employee_name);
    }
  if (body == NULL)
    return;

  self->delete_result_id = result_id;
  adw_message_dialog_set_body (self->delete_dialog, body);
  present_dialog (self, GTK_WINDOW (self->delete_dialog), NULL);
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              KpAssessmentView *self)
{
  g_autoptr(GError) error = NULL;

  /* Hidden, to be asked again (a response sent from code does not close it by itself). */
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  if (g_strcmp0 (response, "delete") != 0 || self->database == NULL || self->delete_result_id == 0)
    return;

  if (!kp_assessment_delete_result (self->database, self->delete_result_id, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Result deleted"));
  self->delete_result_id = 0;
  reload (self, self->event_id);
}

/* ---- Import ------------------------------------------------------------------------------ */

static void
show_problems (KpAssessmentView *self,
               const char       *summary)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->problems->len; i++)
    {
      KpAssessmentProblemItem *item = g_object_new (KP_TYPE_ASSESSMENT_PROBLEM_ITEM, NULL);

      item->problems = g_ptr_array_ref (self->problems);
      item->index = i;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->problems_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->problems_store)),
                       items->pdata, items->len);

  if (self->problems_all_refused)
    /* Translators: over an import's refused rows when none went in; %s is the summary */
    text = g_strdup_printf (_("%s Correct the rows below in the file and import it again."),
                            summary);
  else
    /* Translators: over an import's refused rows; %s is the summary of the counts */
    text = g_strdup_printf (_("%s The other rows are in. Correct the rows below in the file and "
                              "import it again: results already imported stay as they are."),
                            summary);
  gtk_label_set_label (self->problems_summary_label, text);
  present_dialog (self, self->problems_dialog, NULL);
}

static void
on_problems_saved_cb (gpointer    owner,
                      const char *message)
{
  show_toast (KP_ASSESSMENT_VIEW (owner), message);
}

static void
on_save_problems_button_clicked_cb (GtkButton        *button,
                                    KpAssessmentView *self)
{
  if (self->problems != NULL)
    kp_import_result_save_problems (self->problems_dialog, GTK_WIDGET (self), self->problems_name,
                                    self->problems, on_problems_saved_cb);
}

static void
on_import_file_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  g_autoptr(KpAssessmentView) self = user_data;

  if (file != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)) && self->database != NULL)
    _kp_assessment_view_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  kp_file_chooser_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                        _("Import Assessment Results"), _("CSV (*.csv)"), csv_patterns,
                        on_import_file_chosen_cb, g_object_ref (widget));
}

/* ---- signal handlers --------------------------------------------------------------------- */

static void
on_events_list_row_selected_cb (GtkListBox       *list,
                                GtkListBoxRow    *row,
                                KpAssessmentView *self)
{
  const KpAssessment *event;

  if (self->selecting || row == NULL || self->events == NULL)
    return;

  event = g_ptr_array_index (self->events, gtk_list_box_row_get_index (row));
  show_event (self, event->id);
}

static void
on_selection_notify_selected_item_cb (GtkSingleSelection *selection,
                                      GParamSpec         *pspec,
                                      KpAssessmentView   *self)
{
  KpAssessmentOutcome *outcome = selected_outcome (self);

  /* A reload or a search changes the rows, not the user's choice. */
  if (self->selecting)
    return;

  self->chosen_employee_id = outcome != NULL ? outcome->employee_id : 0;
  self->chosen_competency_id = outcome != NULL ? outcome->competency_id : 0;
  update_outcome_panel (self);
}

/* Enter or a double click on a disagreement: settle it. */
static void
on_column_view_activate_cb (GtkColumnView    *view,
                            guint             position,
                            KpAssessmentView *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "assessment.consensus", NULL);
}

/* Other areas of the window change the register and import results: the view reads them
 * again whenever it comes back on screen. */
static void
on_map_cb (KpAssessmentView *self)
{
  if (self->database != NULL)
    reload (self, self->event_id);
}

static void
refilter (KpAssessmentView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  select_outcome (self, self->chosen_employee_id, self->chosen_competency_id);
  update_outcomes_page (self);
  update_status_line (self);
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry   *entry,
                                   KpAssessmentView *self)
{
  g_autofree char *needle = kp_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_clear_pointer (&self->needle, g_free);
  if (needle != NULL && needle[0] != '\0')
    self->needle = g_steal_pointer (&needle);
  refilter (self);
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry   *entry,
                                KpAssessmentView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_disagreements_check_toggled_cb (GtkCheckButton   *check,
                                   KpAssessmentView *self)
{
  refilter (self);
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
kp_assessment_view_dispose (GObject *object)
{
  KpAssessmentView *self = KP_ASSESSMENT_VIEW (object);

  /* The dialogs are windows of their own: GTK holds them until they are destroyed. */
  if (self->new_dialog != NULL)
    {
      gtk_window_destroy (self->new_dialog);
      gtk_window_destroy (self->add_dialog);
      gtk_window_destroy (self->consensus_dialog);
      gtk_window_destroy (self->problems_dialog);
      gtk_window_destroy (GTK_WINDOW (self->delete_dialog));
      gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
      gtk_custom_filter_set_filter_func (self->employee_filter, NULL, NULL, NULL);
      gtk_filter_list_model_set_model (self->employee_filter_model, NULL);
    }

  /* The toast overlay is both a template child and AdwBin's child: let AdwBin unparent it
   * first, or disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_ASSESSMENT_VIEW);

  g_clear_object (&self->add_employee);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_assessment_view_parent_class)->dispose (object);
}

static void
kp_assessment_view_finalize (GObject *object)
{
  KpAssessmentView *self = KP_ASSESSMENT_VIEW (object);

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->employee_needle, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problems_name, g_free);

  G_OBJECT_CLASS (kp_assessment_view_parent_class)->finalize (object);
}

static void
kp_assessment_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KpAssessmentView *self = KP_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_assessment_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KpAssessmentView *self = KP_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      kp_assessment_view_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_assessment_view_class_init (KpAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_assessment_view_dispose;
  object_class->finalize = kp_assessment_view_finalize;
  object_class->get_property = kp_assessment_view_get_property;
  object_class->set_property = kp_assessment_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names these types. */
  g_type_ensure (KP_TYPE_ASSESSMENT_OUTCOME_ITEM);
  g_type_ensure (KP_TYPE_ASSESSMENT_PROBLEM_ITEM);
  g_type_ensure (KP_TYPE_EMPLOYEE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, events_list);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, event_title_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, event_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, disagreements_check);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, outcomes_stack);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, outcome_title_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, outcome_status_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, results_list);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, new_dialog);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, new_period_row);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, new_date_row);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, new_method_row);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, new_create_button);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, new_error_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, add_dialog);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, employee_entry);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, employee_list);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, employee_chosen_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, competency_row);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, level_spin);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, note_view);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, add_button);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, add_error_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, consensus_dialog);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, consensus_summary_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, consensus_spin);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, reason_view);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, consensus_button);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, consensus_error_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, problems_dialog);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, problems_summary_label);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, delete_dialog);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, selection);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, filter);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, outcomes_store);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, employee_selection);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, employee_filter_model);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, employee_filter);
  gtk_widget_class_bind_template_child (widget_class, KpAssessmentView, problems_store);

  gtk_widget_class_bind_template_callback (widget_class, format_levels);
  gtk_widget_class_bind_template_callback (widget_class, format_spread);
  gtk_widget_class_bind_template_callback (widget_class, format_level);
  gtk_widget_class_bind_template_callback (widget_class, format_status);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
  gtk_widget_class_bind_template_callback (widget_class, format_problem_line);
  gtk_widget_class_bind_template_callback (widget_class, format_problem_column);
  gtk_widget_class_bind_template_callback (widget_class, format_problem_value);
  gtk_widget_class_bind_template_callback (widget_class, format_problem_reason);
  gtk_widget_class_bind_template_callback (widget_class, competency_title);
  gtk_widget_class_bind_template_callback (widget_class, on_events_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_disagreements_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_create_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_employee_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_employee_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_employee_selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_employee_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_consensus_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_problems_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_dialog_response_cb);

  gtk_widget_class_install_action (widget_class, "assessment.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "assessment.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "assessment.add-result", NULL, add_result_action);
  gtk_widget_class_install_action (widget_class, "assessment.consensus", NULL, consensus_action);
  gtk_widget_class_install_action (widget_class, "assessment.delete-result", "x",
                                   delete_result_action);
}

static void
kp_assessment_view_init (KpAssessmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->filter, matches_outcome, self, NULL);
  gtk_custom_filter_set_filter_func (self->employee_filter, matches_employee, self, NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->reason_view), "changed",
                            G_CALLBACK (on_reason_changed_cb), self);
  g_signal_connect_swapped (self->competency_row, "notify::selected",
                            G_CALLBACK (on_add_field_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  reload (self, 0);
}

/* ---- public API -------------------------------------------------------------------------- */

/**
 * kp_assessment_view_new:
 *
 * Returns: (transfer floating): a new view showing no database yet
 */
GtkWidget *
kp_assessment_view_new (void)
{
  return g_object_new (KP_TYPE_ASSESSMENT_VIEW, NULL);
}

/**
 * kp_assessment_view_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose assessments are shown
 */
KpDatabase *
kp_assessment_view_get_database (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return self->database;
}

/**
 * kp_assessment_view_set_database:
 * @database: (nullable): the database whose assessments to show and change
 */
void
kp_assessment_view_set_database (KpAssessmentView *self,
                                  KpDatabase       *database)
{
  g_return_if_fail (KP_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (database == NULL || KP_IS_DATABASE (database));

  if (self->database == database)
    return;

  g_set_object (&self->database, database);
  g_clear_object (&self->add_employee);
  self->event_id = 0;
  gtk_filter_list_model_set_model (self->employee_filter_model,
                                   database != NULL ? kp_database_get_employees (database) : NULL);
  adw_combo_row_set_model (self->competency_row,
                           database != NULL ? kp_database_get_competencies (database) : NULL);
  reload (self, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * kp_assessment_view_focus_search:
 *
 * Moves the keyboard focus to the search of the outcomes, its text selected.
 */
void
kp_assessment_view_focus_search (KpAssessmentView *self)
{
  g_return_if_fail (KP_IS_ASSESSMENT_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
_kp_assessment_view_import_file (KpAssessmentView *self,
                                 GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  KpImportCounts counts = { 0 };

  g_return_if_fail (KP_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->database != NULL);

  /* Good rows go in, the others are listed for correction (as in the employee import). */
  if (!kp_import_result_run (kp_assessments_import, self->database, file, &counts, &summary,
                             &self->problems, &self->problems_name, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot import the results: %s"),
                                                  error->message);
      show_toast (self, message);
      return;
    }

  reload (self, self->event_id);
  if (self->problems == NULL)
    {
      show_toast (self, summary);
      return;
    }

  self->problems_all_refused = counts.rejected == counts.read;
  show_problems (self, summary);
}

gboolean
_kp_assessment_view_save_problems (KpAssessmentView  *self,
                                   GFile             *file,
                                   GError           **error)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), FALSE);
  g_return_val_if_fail (self->problems != NULL, FALSE);

  return kp_import_result_write_problems (self->problems, file, error);
}

const char *
_kp_assessment_view_get_page (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
_kp_assessment_view_get_outcomes_page (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->outcomes_stack);
}

GtkListBox *
_kp_assessment_view_get_events_list (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return self->events_list;
}

gint64
_kp_assessment_view_get_shown_id (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), 0);

  return self->event_id;
}

GtkColumnView *
_kp_assessment_view_get_column_view (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return self->column_view;
}

char *
_kp_assessment_view_describe_row (KpAssessmentView *self,
                                  guint             position)
{
  g_autoptr(GObject) item = NULL;
  g_autofree char *levels = NULL, *spread = NULL, *level = NULL, *status = NULL;
  KpAssessmentOutcome *outcome;

  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item == NULL)
    return NULL;
  outcome = item_outcome (item);
  levels = format_levels (NULL, item);
  spread = format_spread (NULL, item);
  level = format_level (NULL, item);
  status = format_status (NULL, item);
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s", outcome->nip, outcome->employee_name,
                          outcome->code, levels, spread, level, status);
}

gboolean
_kp_assessment_view_row_has_class (KpAssessmentView *self,
                                   guint             position,
                                   const char       *css_class)
{
  g_autoptr(GObject) item = NULL;
  g_auto(GStrv) classes = NULL;

  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), FALSE);

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item == NULL)
    return FALSE;
  classes = status_classes (NULL, item);
  return g_strv_contains ((const char * const *) classes, css_class);
}

void
_kp_assessment_view_select_row (KpAssessmentView *self,
                                guint             position)
{
  g_return_if_fail (KP_IS_ASSESSMENT_VIEW (self));

  gtk_single_selection_set_selected (self->selection, position);
}

GtkListBox *
_kp_assessment_view_get_results_list (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return self->results_list;
}

GtkLabel *
_kp_assessment_view_get_outcome_status_label (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return self->outcome_status_label;
}

GtkLabel *
_kp_assessment_view_get_status_label (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return self->status_label;
}

GtkEditable *
_kp_assessment_view_get_search_entry (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkCheckButton *
_kp_assessment_view_get_disagreements_check (KpAssessmentView *self)
{
  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  return self->disagreements_check;
}

GtkWidget *
_kp_assessment_view_get_widget (KpAssessmentView *self,
                                const char       *id)
{
  GObject *object;

  g_return_val_if_fail (KP_IS_ASSESSMENT_VIEW (self), NULL);

  object = gtk_widget_get_template_child (GTK_WIDGET (self), KP_TYPE_ASSESSMENT_VIEW, id);
  return GTK_IS_WIDGET (object) ? GTK_WIDGET (object) : NULL;
}
