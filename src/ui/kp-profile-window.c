/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-profile-window.c: one employee's competency profile on one scrolled page.
 *
 * Everything shown is read from the database again after each change made here (feedback,
 * acknowledgement, plan items), so the page never shows a state the model did not accept.
 * The window is used by an HR officer: feedback is given as the employee's recorded supervisor,
 * typed on their behalf, and plan items are approved in that supervisor's name. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"
#include "kompeten/kp-reports.h"

#include "kp-file-chooser.h"
#include "kp-profile-window.h"
#include "kp-profile-window-private.h"
#include "kp-widget-util.h"
#include "kp-window.h"

struct _KpProfileWindow
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkLabel *jpm_label;
  GtkWidget *standard_box;
  GtkDrawingArea *radar;
  GtkGrid *gap_grid;
  GtkListBox *history_list;
  GtkListBox *feedback_list;
  GtkListBox *plan_list;
  GtkDropDown *target_dropdown;
  GtkStringList *target_list;

  /* borrowed: the open Give Feedback dialog's controls */
  AdwMessageDialog *feedback_dialog;
  GtkDropDown *feedback_kind;
  GtkDropDown *feedback_competency;
  GtkTextView *feedback_text;

  /* owned */
  KpDatabase *database;
  KpEmployee *employee;   /* as last read */
  KpRadar *chart;
  GArray *competency_ids; /* the Give Feedback drop-down's choices after "None" */
  GArray *target_ids;     /* gint64 per item of target_list: 0 is the position held */
  gboolean filling_targets;
};

G_DEFINE_FINAL_TYPE (KpProfileWindow, kp_profile_window, ADW_TYPE_WINDOW)

static const char *
dash_if_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

/* An ISO date in the locale's long form ("29 November 2026"); the text itself if not a date. */
static char *
long_date (const char *iso)
{
  g_autofree char *noon = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("—");
  noon = g_strdup_printf ("%sT12:00:00Z", iso);
  dt = g_date_time_new_from_iso8601 (noon, NULL);
  if (dt == NULL)
    return g_strdup (iso);
  return g_strstrip (g_date_time_format (dt, "%e %B %Y"));
}

static void
show_error (KpProfileWindow *self,
            const char      *heading,
            const GError    *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  if (GTK_IS_LIST_BOX (parent))
    {
      kp_list_box_remove_rows (GTK_LIST_BOX (parent));
      return;
    }
  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    gtk_grid_remove (GTK_GRID (parent), child);
}

static GtkWidget *
cell (const char *text,
      const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* A row of the lists: a title and a subtitle, and an optional button at the end. */
static GtkWidget *
list_row (const char *title,
          const char *subtitle,
          GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
    }
  return row;
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               gint64      id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

/* The position whose standard the levels are judged against: 0 for the one held. */
static gint64
selected_target (KpProfileWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->target_dropdown);

  return selected < self->target_ids->len ? g_array_index (self->target_ids, gint64, selected) : 0;
}

typedef struct {
  KpProfileWindow *self;
  KpGaps *gaps;
} JudgeData;

static gboolean
on_judged (const KpEmployeeGaps *gaps,
           gpointer              user_data,
           GError              **error)
{
  JudgeData *data = user_data;
  KpProfileWindow *self = data->self;
  const char *head[] = { _("Code"), _("Competency"), _("Standard"), _("Level"), _("Gap") };
  guint row = 1;

  if (!gaps->has_standard)
    gtk_label_set_text (self->jpm_label, _("No standard: the position has no competency standard yet."));
  else if (!gaps->assessed)
    gtk_label_set_text (self->jpm_label, _("Not assessed yet: the profile fills in after the first assessment."));
  else
    {
      char percent[16];
      g_autofree char *text = NULL;

      kp_ratio_format_percent_locale (gaps->jpm.total, percent);
      if (selected_target (self) != 0)
        /* Translators: the JPM in percent and its category ("Memenuhi Syarat") against the
         * standard of another position, named last */
        text = g_strdup_printf (_("JPM %s %% — %s, for %s"), percent,
                                kp_gaps_get_category_name (data->gaps, gaps->category),
                                gaps->position != NULL ? gaps->position : "");
      else
        /* Translators: the JPM in percent and its category ("Memenuhi Syarat"). */
        text = g_strdup_printf (_("JPM %s %% — %s"), percent,
                                kp_gaps_get_category_name (data->gaps, gaps->category));
      gtk_label_set_text (self->jpm_label, text);
    }
  gtk_widget_set_visible (self->standard_box, gaps->has_standard);

  for (guint c = 0; c < G_N_ELEMENTS (head); c++)
    gtk_grid_attach (self->gap_grid, cell (head[c], "heading"), c, 0, 1, 1);
  for (guint i = 0; i < gaps->n_competencies; i++)
    {
      const KpGapItem *item = &gaps->items[i];
      g_autofree char *required = NULL, *attained = NULL, *gap = NULL;
      int diff = kp_gap (item->attained, item->required);
      GtkWidget *gap_label;

      if (item->required == 0)
        continue;
      kp_radar_add (self->chart, kp_gaps_get_code (data->gaps, i), item->required,
                    item->attained);
      required = g_strdup_printf ("%d", item->required);
      attained = item->attained > 0 ? g_strdup_printf ("%d", item->attained) : g_strdup ("—");
      gap = diff != 0 ? g_strdup_printf ("%+d", diff) : g_strdup ("0");
      gap_label = cell (gap, diff < 0 ? "error" : "success");
      gtk_widget_add_css_class (gap_label, "heading");

      gtk_grid_attach (self->gap_grid, cell (kp_gaps_get_code (data->gaps, i), NULL), 0, row, 1, 1);
      gtk_grid_attach (self->gap_grid, cell (kp_gaps_get_competency_name (data->gaps, i), NULL),
                       1, row, 1, 1);
      gtk_grid_attach (self->gap_grid, cell (required, NULL), 2, row, 1, 1);
      gtk_grid_attach (self->gap_grid, cell (attained, NULL), 3, row, 1, 1);
      gtk_grid_attach (self->gap_grid, gap_label, 4, row, 1, 1);
      row++;
    }
  gtk_widget_set_hexpand (gtk_grid_get_child_at (self->gap_grid, 1, 0), TRUE);
  return TRUE;
}

static void
show_history (KpProfileWindow *self,
              GPtrArray       *outcomes)
{
  for (guint i = 0; i < outcomes->len; i++)
    {
      KpAssessmentOutcome *o = g_ptr_array_index (outcomes, i);
      g_autofree char *date = long_date (o->held_on);
      g_autofree char *title = NULL, *subtitle = NULL, *spread = NULL;
      const char *level_text;
      g_autofree char *level = NULL;

      if (o->level > 0)
        level_text = level = g_strdup_printf (_("level %d"), o->level);
      else
        level_text = _("disagreement without consensus: not counted");
      /* Translators: the competency code and its counted level ("level 3"). */
      title = g_strdup_printf (_("%s: %s"), o->code, level_text);
      if (o->n_assessors > 1)
        /* Translators: how many assessors and the lowest and highest level they gave. */
        spread = g_strdup_printf (_("%d assessors, %d–%d"), o->n_assessors, o->min, o->max);
      else
        spread = g_strdup (_("1 assessor"));
      subtitle = g_strdup_printf ("%s · %s · %s%s", date, o->assessment_name, spread,
                                  o->recorded ? _(" · consensus recorded") : "");
      gtk_list_box_append (self->history_list, list_row (title, subtitle, NULL));
    }
}

static void
show_feedback (KpProfileWindow *self,
               GPtrArray       *feedback)
{
  for (guint i = 0; i < feedback->len; i++)
    {
      KpFeedback *f = g_ptr_array_index (feedback, i);
      g_autofree char *date = long_date (f->given_on);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *kind = f->kind == KP_FEEDBACK_STRENGTH ? _("Strength") : _("To improve");
      GtkWidget *suffix;

      g_string_append_printf (subtitle, "%s · %s", date, kind);
      if (*f->competency_code != '\0')
        g_string_append_printf (subtitle, " · %s %s", f->competency_code, f->competency_name);
      g_string_append_printf (subtitle, " · %s", dash_if_empty (f->supervisor_name));
      if (*f->entered_by != '\0')
        {
          g_string_append (subtitle, " · ");
          /* Translators: the HR officer who typed the supervisor's feedback. */
          g_string_append_printf (subtitle, _("typed by %s for the supervisor"), f->entered_by);
        }

      if (*f->acknowledged_on != '\0')
        {
          g_autofree char *ack_date = long_date (f->acknowledged_on);
          g_autofree char *ack = g_strdup_printf (_("Acknowledged on %s"), ack_date);

          suffix = gtk_label_new (ack);
          gtk_widget_add_css_class (suffix, "dim-label");
        }
      else
        {
          suffix = action_button (_("_Acknowledge"), "profile.acknowledge", f->id);
          gtk_widget_set_tooltip_text (suffix, _("Record that the employee has read this feedback today"));
        }
      gtk_list_box_append (self->feedback_list, list_row (f->text, subtitle->str, suffix));
    }
}

static void
show_plan (KpProfileWindow *self,
           GPtrArray       *plan)
{
  for (guint i = 0; i < plan->len; i++)
    {
      KpIdpItem *item = g_ptr_array_index (plan, i);
      g_autofree char *title = NULL, *target = long_date (item->target_on);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *suffix = NULL;

      title = *item->competency_code != '\0'
                ? g_strdup_printf ("%s %s", item->competency_code, item->competency_name)
                : g_strdup (dash_if_empty (item->activity));
      /* Translators: development form, 70-20-10 pillar, target date, status. */
      g_string_append_printf (subtitle, _("Form: %s · pillar %d · target %s · %s"),
                              *item->form_code != '\0' ? item->form_name : _("to be chosen"),
                              item->pillar, target, kp_idp_status_label (item->status));
      if (*item->approved_by_nip != '\0')
        {
          g_autofree char *approved = long_date (item->approved_on);

          g_string_append (subtitle, " · ");
          /* Translators: the supervisor who approved the item and the date. */
          g_string_append_printf (subtitle, _("approved by %s on %s"),
                                  item->approved_by_name, approved);
        }

      switch (item->status)
        {
        case KP_IDP_DRAFT:
          suffix = action_button (_("Approve"), "profile.advance", item->id);
          gtk_widget_set_tooltip_text (suffix, _("Record the supervisor's approval"));
          break;
        case KP_IDP_APPROVED:
          suffix = action_button (_("Start"), "profile.advance", item->id);
          gtk_widget_set_tooltip_text (suffix, _("Mark the item as in progress"));
          break;
        case KP_IDP_IN_PROGRESS:
          suffix = action_button (_("Mark Done"), "profile.advance", item->id);
          gtk_widget_set_tooltip_text (suffix, _("Mark the item as done"));
          break;
        case KP_IDP_DONE:
        default:
          break;
        }
      gtk_list_box_append (self->plan_list, list_row (title, subtitle->str, suffix));
    }
}

/* "The position held", then every position of the register ("Title — Unit"); the choice stays
 * across reloads, by id. */
static void
fill_targets (KpProfileWindow *self)
{
  GListModel *positions = kp_database_get_positions (self->database);
  guint n = g_list_model_get_n_items (positions);
  g_autoptr(GPtrArray) names = g_ptr_array_new_full (n + 2, g_free);
  gint64 chosen = selected_target (self);
  gint64 held = 0;
  guint selected = 0;

  g_array_set_size (self->target_ids, 0);
  g_array_append_val (self->target_ids, held);
  g_ptr_array_add (names, g_strdup (_("the position held")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpPosition) position = g_list_model_get_item (positions, i);
      gint64 position_id = kp_position_get_id (position);

      g_array_append_val (self->target_ids, position_id);
      /* Translators: a position in the list of standards to compare with: title — unit */
      g_ptr_array_add (names, g_strdup_printf (_("%s — %s"), kp_position_get_title (position),
                                               kp_position_get_unit_name (position)));
      if (position_id == chosen)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);

  self->filling_targets = TRUE;
  gtk_string_list_splice (self->target_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->target_list)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->target_dropdown, selected);
  self->filling_targets = FALSE;
}

/* The JPM, the radar and the gap table against the position chosen; FALSE with @error set. */
static gboolean
show_gaps (KpProfileWindow  *self,
           GError          **error)
{
  g_autoptr(KpGaps) gaps = NULL;
  JudgeData data = { self, NULL };
  gboolean done;

  remove_children (GTK_WIDGET (self->gap_grid));
  g_clear_pointer (&self->chart, kp_radar_free);
  self->chart = kp_radar_new ();

  gaps = kp_gaps_new (self->database, error);
  data.gaps = gaps;
  done = gaps != NULL && kp_gaps_judge (gaps, kp_employee_get_id (self->employee),
                                        selected_target (self), on_judged, &data, error);
  gtk_widget_queue_draw (GTK_WIDGET (self->radar));
  return done;
}

/* Only the comparison changes: the history, feedback and plan stay (and the list of positions
 * is not rebuilt from inside its own drop-down's signal). */
static void
on_target_dropdown_notify_selected_cb (GtkDropDown     *dropdown,
                                       GParamSpec      *pspec,
                                       KpProfileWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->filling_targets || self->database == NULL)
    return;
  if (!show_gaps (self, &error))
    gtk_label_set_text (self->jpm_label, error->message);
}

/* Reads the employee and everything about them again and rebuilds the page. */
static void
reload (KpProfileWindow *self)
{
  g_autoptr(KpEmployee) employee = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) feedback = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  gint64 id;

  employee = kp_register_find_employee (self->database, kp_employee_get_nip (self->employee));
  if (employee != NULL)
    g_set_object (&self->employee, employee);
  id = kp_employee_get_id (self->employee);

  gtk_window_set_title (GTK_WINDOW (self), kp_employee_get_name (self->employee));
  adw_window_title_set_title (self->window_title, kp_employee_get_name (self->employee));
  subtitle = g_strdup_printf ("NIP %s · %s", kp_employee_get_nip (self->employee),
                              dash_if_empty (kp_employee_get_position_title (self->employee)));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  remove_children (GTK_WIDGET (self->history_list));
  remove_children (GTK_WIDGET (self->feedback_list));
  remove_children (GTK_WIDGET (self->plan_list));

  fill_targets (self);
  if (show_gaps (self, &error))
    outcomes = kp_assessment_outcomes (self->database, id, &error);
  if (error == NULL)
    feedback = kp_feedback_list (self->database, id, &error);
  if (error == NULL)
    plan = kp_idp_list (self->database, id, &error);

  if (error != NULL)
    {
      gtk_label_set_text (self->jpm_label, error->message);
      return;
    }
  show_history (self, outcomes);
  show_feedback (self, feedback);
  show_plan (self, plan);
}

static void
draw_radar (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  KpProfileWindow *self = user_data;

  if (self->chart != NULL)
    kp_radar_draw (self->chart, cr, width, height);
}

/* ---- feedback ---------------------------------------------------------------------------- */

static void
on_feedback_dialog_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                gpointer          user_data)
{
  KpProfileWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint competency;
  gint64 competency_id = 0;
  KpFeedbackKind kind;

  if (g_strcmp0 (response, "give") == 0)
    {
      buffer = gtk_text_view_get_buffer (self->feedback_text);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      kind = gtk_drop_down_get_selected (self->feedback_kind) == 0 ? KP_FEEDBACK_STRENGTH
                                                                   : KP_FEEDBACK_IMPROVE;
      competency = gtk_drop_down_get_selected (self->feedback_competency);
      if (competency != GTK_INVALID_LIST_POSITION && competency > 0 &&
          competency <= self->competency_ids->len)
        competency_id = g_array_index (self->competency_ids, gint64, competency - 1);

      if (kp_feedback_give (self->database, kp_employee_get_id (self->employee),
                            kp_employee_get_supervisor_nip (self->employee), kind, competency_id,
                            g_strstrip (text), TRUE, NULL, &error) == 0)
        show_error (self, _("The feedback was not recorded"), error);
      else
        reload (self);
    }

  self->feedback_dialog = NULL;
  self->feedback_kind = NULL;
  self->feedback_competency = NULL;
  self->feedback_text = NULL;
}

static void
give_feedback_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _kp_profile_window_give_feedback (KP_PROFILE_WINDOW (widget));
}

static void
acknowledge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KpProfileWindow *self = KP_PROFILE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!kp_feedback_acknowledge (self->database, g_variant_get_int64 (parameter), NULL, &error))
    show_error (self, _("The acknowledgement was not recorded"), error);
  reload (self);
}

/* ---- development plan -------------------------------------------------------------------- */

static void
add_from_gaps_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpProfileWindow *self = KP_PROFILE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  int added = kp_idp_add_from_gaps (self->database, kp_employee_get_id (self->employee), &error);

  if (added < 0)
    show_error (self, _("No items were added"), error);
  else if (added == 0)
    {
      g_autoptr(GError) none = g_error_new_literal (KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                                                    _("No competency is below the standard without an unfinished item for it already."));

      show_error (self, _("No items were added"), none);
    }
  reload (self);
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KpProfileWindow *self = KP_PROFILE_WINDOW (widget);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  plan = kp_idp_list (self->database, kp_employee_get_id (self->employee), &error);
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      KpIdpItem *item = g_ptr_array_index (plan, i);

      if (item->id != id || item->status == KP_IDP_DONE)
        continue;
      kp_idp_set_status (self->database, id, item->status + 1,
                         item->status == KP_IDP_DRAFT
                           ? kp_employee_get_supervisor_nip (self->employee) : NULL,
                         &error);
      break;
    }
  if (error != NULL)
    show_error (self, _("The plan item was not changed"), error);
  reload (self);
}

/* ---- export ------------------------------------------------------------------------------ */

static void
on_export_chosen (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(KpProfileWindow) self = user_data;

  if (file != NULL)
    _kp_profile_window_export_to (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpProfileWindow *self = KP_PROFILE_WINDOW (widget);
  /* kp_file_chooser_save() offers one filter (plus all files): both kinds go in it, and the
   * extension the user types picks the writer. */
  static const char *const patterns[] = { "*.pdf", "*.xlsx", NULL };
  g_autofree char *name = g_strdup_printf ("profil-%s.pdf", kp_employee_get_nip (self->employee));

  kp_file_chooser_save (GTK_WINDOW (self), _("Export Profile"), name,
                        _("PDF documents or Excel workbooks (*.xlsx)"), patterns, on_export_chosen,
                        g_object_ref (self));
}

static void
on_export_plan_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(KpProfileWindow) self = user_data;

  if (file != NULL)
    _kp_profile_window_export_plan_to (self, file);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KpProfileWindow *self = KP_PROFILE_WINDOW (widget);
  static const char *const patterns[] = { "*.csv", NULL };
  g_autofree char *name = g_strdup_printf ("rencana-%s.csv", kp_employee_get_nip (self->employee));

  kp_file_chooser_save (GTK_WINDOW (self), _("Export Development Plan"), name,
                        _("CSV files (*.csv)"), patterns, on_export_plan_chosen,
                        g_object_ref (self));
}

/* ---- the object -------------------------------------------------------------------------- */

static void
kp_profile_window_dispose (GObject *object)
{
  KpProfileWindow *self = KP_PROFILE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_PROFILE_WINDOW);
  g_clear_object (&self->employee);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_profile_window_parent_class)->dispose (object);
}

static void
kp_profile_window_finalize (GObject *object)
{
  KpProfileWindow *self = KP_PROFILE_WINDOW (object);

  g_clear_pointer (&self->chart, kp_radar_free);
  g_clear_pointer (&self->competency_ids, g_array_unref);
  g_clear_pointer (&self->target_ids, g_array_unref);

  G_OBJECT_CLASS (kp_profile_window_parent_class)->finalize (object);
}

static void
kp_profile_window_class_init (KpProfileWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_profile_window_dispose;
  object_class->finalize = kp_profile_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-profile-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, jpm_label);
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, standard_box);
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, radar);
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, gap_grid);
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, history_list);
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, feedback_list);
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, plan_list);
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KpProfileWindow, target_list);
  gtk_widget_class_bind_template_callback (widget_class, on_target_dropdown_notify_selected_cb);

  gtk_widget_class_install_action (widget_class, "profile.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "profile.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "profile.give-feedback", NULL, give_feedback_action);
  gtk_widget_class_install_action (widget_class, "profile.acknowledge", "x", acknowledge_action);
  gtk_widget_class_install_action (widget_class, "profile.add-from-gaps", NULL, add_from_gaps_action);
  gtk_widget_class_install_action (widget_class, "profile.advance", "x", advance_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "profile.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kp_profile_window_init (KpProfileWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->competency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drawing_area_set_draw_func (self->radar, draw_radar, self, NULL);
}

/* ---- public and private API -------------------------------------------------------------- */

KpProfileWindow *
kp_profile_window_new (GtkWindow  *parent,
                       KpDatabase *database,
                       KpEmployee *employee)
{
  KpProfileWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (KP_IS_EMPLOYEE (employee), NULL);

  self = g_object_new (KP_TYPE_PROFILE_WINDOW, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->employee = g_object_ref (employee);
  reload (self);
  return self;
}

gint64
kp_profile_window_get_employee_id (KpProfileWindow *self)
{
  g_return_val_if_fail (KP_IS_PROFILE_WINDOW (self), 0);
  return kp_employee_get_id (self->employee);
}

GtkLabel *
_kp_profile_window_get_jpm_label (KpProfileWindow *self)
{
  return self->jpm_label;
}

GtkDrawingArea *
_kp_profile_window_get_radar (KpProfileWindow *self)
{
  return self->radar;
}

GtkGrid *
_kp_profile_window_get_gap_grid (KpProfileWindow *self)
{
  return self->gap_grid;
}

GtkListBox *
_kp_profile_window_get_history_list (KpProfileWindow *self)
{
  return self->history_list;
}

GtkListBox *
_kp_profile_window_get_feedback_list (KpProfileWindow *self)
{
  return self->feedback_list;
}

GtkListBox *
_kp_profile_window_get_plan_list (KpProfileWindow *self)
{
  return self->plan_list;
}

AdwMessageDialog *
_kp_profile_window_give_feedback (KpProfileWindow *self)
{
  const char *kinds[] = { _("Strength"), _("To improve"), NULL };
  g_autoptr(GtkStringList) competencies = gtk_string_list_new (NULL);
  GListModel *dictionary = kp_database_get_competencies (self->database);
  g_autofree char *body = NULL;
  GtkWidget *box, *scroller;

  if (self->feedback_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->feedback_dialog));
      return self->feedback_dialog;
    }

  gtk_string_list_append (competencies, _("No one competency"));
  g_array_set_size (self->competency_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (dictionary); i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (dictionary, i);
      g_autofree char *label = g_strdup_printf ("%s %s", kp_competency_get_code (competency),
                                                kp_competency_get_name (competency));
      gint64 id = kp_competency_get_id (competency);

      gtk_string_list_append (competencies, label);
      g_array_append_val (self->competency_ids, id);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->feedback_kind = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->feedback_kind),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of feedback"), -1);
  self->feedback_competency = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (competencies)), NULL));
  gtk_drop_down_set_enable_search (self->feedback_competency, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->feedback_competency),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Competency"), -1);
  self->feedback_text = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->feedback_text, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->feedback_text, FALSE);
  gtk_text_view_set_top_margin (self->feedback_text, 6);
  gtk_text_view_set_left_margin (self->feedback_text, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->feedback_text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Feedback"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->feedback_text));
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->feedback_kind));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->feedback_competency));
  gtk_box_append (GTK_BOX (box), scroller);

  /* Translators: the supervisor's name; the HR officer types the feedback for them. */
  body = g_strdup_printf (_("From %s, typed on their behalf."),
                          dash_if_empty (kp_employee_get_supervisor_name (self->employee)));
  self->feedback_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                      _("Give Feedback"), body));
  adw_message_dialog_set_extra_child (self->feedback_dialog, box);
  adw_message_dialog_add_responses (self->feedback_dialog, "cancel", _("_Cancel"),
                                    "give", _("_Give Feedback"), NULL);
  adw_message_dialog_set_response_appearance (self->feedback_dialog, "give",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->feedback_dialog, "give");
  adw_message_dialog_set_close_response (self->feedback_dialog, "cancel");
  g_signal_connect_object (self->feedback_dialog, "response",
                           G_CALLBACK (on_feedback_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->feedback_dialog));
  return self->feedback_dialog;
}

GtkDropDown *
_kp_profile_window_get_feedback_kind (KpProfileWindow *self)
{
  return self->feedback_kind;
}

GtkDropDown *
_kp_profile_window_get_feedback_competency (KpProfileWindow *self)
{
  return self->feedback_competency;
}

GtkTextView *
_kp_profile_window_get_feedback_text (KpProfileWindow *self)
{
  return self->feedback_text;
}

/* Writes the employee's plan (the columns of kompeten-cli export plans) to @file. */
gboolean
_kp_profile_window_export_plan_to (KpProfileWindow *self,
                                   GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Only a file on this computer can be written"));
  else if (kp_idp_export_csv (self->database, 0, kp_employee_get_id (self->employee), path,
                              &error))
    {
      if (KP_IS_WINDOW (parent))
        {
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved the plan as “%s”"), base);

          kp_window_add_toast (KP_WINDOW (parent), adw_toast_new (message));
        }
      return TRUE;
    }
  show_error (self, _("The plan was not exported"), error);
  return FALSE;
}

gboolean
_kp_profile_window_export_to (KpProfileWindow *self,
                              GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only a file on this computer can be written"));
    }
  else if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX")
             ? kp_report_profile_xlsx (self->database, kp_employee_get_nip (self->employee), path,
                                       &error)
             : kp_report_profile_pdf (self->database, kp_employee_get_nip (self->employee), path,
                                      &error))
    {
      if (KP_IS_WINDOW (parent))
        {
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved the profile as “%s”"), base);

          kp_window_add_toast (KP_WINDOW (parent), adw_toast_new (message));
        }
      return TRUE;
    }
  show_error (self, _("The profile was not exported"), error);
  return FALSE;
}

GtkDropDown *
_kp_profile_window_get_target_dropdown (KpProfileWindow *self)
{
  return self->target_dropdown;
}

void
_kp_profile_window_set_target (KpProfileWindow *self,
                               gint64           position_id)
{
  for (guint i = 0; i < self->target_ids->len; i++)
    if (g_array_index (self->target_ids, gint64, i) == position_id)
      gtk_drop_down_set_selected (self->target_dropdown, i);
}
