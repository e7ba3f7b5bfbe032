/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-competency-view.c: the Competencies area: the dictionary (issue 4) as a list grouped by
 * type, the chosen competency with its definition, its source and its five levels, and the
 * dialogs that add, change, delete and import competencies.
 *
 * Layout is in kp-competency-view.ui, the five level cards included (a dictionary always has
 * five levels). The list is a GtkListBox bound to a GtkFilterListModel over the database's
 * store: GTK 4.8 list views have no sections, and a listbox's header function gives the type
 * headings for the few dozen entries a dictionary has. The store re-emits its whole list after
 * every change; the handlers around the listbox's own (see kp_competency_view_init ()) put the
 * selection back on the same competency afterwards.
 *
 * Every change goes through kp_competency_*, which validates, writes one audit event and
 * reloads the store; a refusal shows the model's own message and then gives the form back as
 * the user left it, so that a long definition typed by hand is not lost. The dialogs are
 * AdwMessageDialogs built here on demand, one at a time (they are modal).
 *
 * The regulation's texts are never made up here: where a dictionary competency lacks a text,
 * the view says that it was not found and asks for the official one. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-competency-view.h"
#include "kp-competency-view-private.h"
#include "kp-file-chooser.h"
#include "kp-import-result.h"

#define N_LEVELS (KP_LEVEL_MAX - KP_LEVEL_MIN + 1)

/* The model's limits, so that an entry cannot take what would be refused. */
#define CODE_MAX_LENGTH 32
#define NAME_MAX_LENGTH 200

/* Wide enough for a definition to be read while it is typed; the message dialog takes its
 * width from its content. */
#define FORM_WIDTH 460

/* What the dialog on screen is for. */
typedef enum {
  DIALOG_NONE,
  DIALOG_ADD,
  DIALOG_EDIT,          /* subject: the competency */
  DIALOG_EDIT_LEVEL,    /* subject: the competency, with the level */
  DIALOG_DELETE,        /* subject: the competency */
  DIALOG_IMPORT_RESULT, /* rows were refused: they are listed, and can be saved */
  DIALOG_REFUSAL,       /* a form may wait behind it (pending) */
} DialogKind;

/* What a form holds, to fill it again after a refusal. */
typedef struct {
  DialogKind kind;
  gint64 subject;
  int level;
  char *code;
  char *name;
  KpCompetencyType type;
  char *definition;
  char *description;
  char *indicators;
  char *original; /* the form's values as first opened (see form_fingerprint); NULL for Add */
} Form;

struct _KpCompetencyView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListBox *list;
  GtkWidget *technical_hint;
  GtkStack *detail_stack;
  GtkScrolledWindow *detail_scrolled_window;
  GtkWidget *detail_box;
  GtkLabel *kind_label;
  GtkLabel *name_label;
  GtkLabel *definition_label;
  GtkLabel *source_label;
  GtkLabel *note_label;
  GtkWidget *level_cards[N_LEVELS];
  GtkLabel *level_titles[N_LEVELS];
  GtkWidget *level_buttons[N_LEVELS];
  GtkLabel *level_descriptions[N_LEVELS];
  GtkWidget *level_indicators[N_LEVELS];
  GtkLabel *level_missing[N_LEVELS];

  /* template objects */
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;

  /* borrowed from the database */
  GListModel *competencies;

  /* owned */
  KpDatabase *database;
  char *needle;           /* the folded search text; NULL when not searching */
  gint64 competency_id;   /* the competency shown on the right; 0 for none */
  guint shown_position;   /* its row when it was last selected, for a neighbour if it goes */
  gboolean reloading;     /* the listbox is recreating its rows */
  gboolean selecting;     /* we move the selection ourselves */
  gboolean list_had_focus; /* the keyboard was in the list when it began recreating its rows */
  GPtrArray *problems;    /* the last import's refused rows (KpImportProblem), for Save */
  char *problems_name;    /* that file's base name */

  /* the dialog on screen: GTK owns it and its widgets, these are weak pointers */
  AdwMessageDialog *dialog;
  GtkEditable *dialog_code;
  GtkEditable *dialog_name;
  GtkDropDown *dialog_type;
  GtkTextBuffer *dialog_definition;
  GtkTextBuffer *dialog_description;
  GtkTextBuffer *dialog_indicators;
  GtkLabel *dialog_code_error;
  GtkListBox *dialog_problems;
  /* and what it is about */
  DialogKind dialog_kind;
  gint64 dialog_subject;
  int dialog_level;
  char *dialog_original;
  Form *pending;          /* a refused form, given back when its refusal is closed */
};

G_DEFINE_FINAL_TYPE (KpCompetencyView, kp_competency_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const csv_patterns[] = { "*.csv", NULL };

static void
form_free (Form *form)
{
  if (form == NULL)
    return;

  g_free (form->code);
  g_free (form->name);
  g_free (form->definition);
  g_free (form->description);
  g_free (form->indicators);
  g_free (form->original);
  g_free (form);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Form, form_free)

/* ---- words ------------------------------------------------------------------------------- */

static const char *
type_title (KpCompetencyType type)
{
  switch (type)
    {
    case KP_COMPETENCY_MANAGERIAL:
      /* Translators: a type of competency, "manajerial" in PermenPAN-RB 38/2017 */
      return _("Managerial");

    case KP_COMPETENCY_SOCIOCULTURAL:
      /* Translators: a type of competency, "sosial kultural" in PermenPAN-RB 38/2017 */
      return _("Socio-cultural");

    case KP_COMPETENCY_TECHNICAL:
      /* Translators: a type of competency, "teknis" in PermenPAN-RB 38/2017 */
      return _("Technical");

    case KP_COMPETENCY_N_TYPES:
    default:
      return "";
    }
}

static char *
format_n_levels (guint n_levels)
{
  if (n_levels == 0)
    return g_strdup (_("No level texts yet"));
  if (n_levels >= N_LEVELS)
    /* Translators: under a competency in the list: all its levels have a text */
    return g_strdup_printf (_("%u levels"), n_levels);

  /* Translators: under a competency in the list: how many of its five levels have a text,
   * e.g. "3 of 5 levels" */
  return g_strdup_printf (_("%u of %u levels"), n_levels, (guint) N_LEVELS);
}

/* ---- finding things ---------------------------------------------------------------------- */

static KpCompetency *
dup_competency (KpCompetencyView *self,
                gint64            competency_id)
{
  guint n = self->competencies != NULL ? g_list_model_get_n_items (self->competencies) : 0;

  for (guint i = 0; i < n && competency_id > 0; i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (self->competencies, i);

      if (kp_competency_get_id (competency) == competency_id)
        return g_steal_pointer (&competency);
    }

  return NULL;
}

/* The competency of another id with @code, or NULL: codes are unique. */
static KpCompetency *
dup_competency_by_code (KpCompetencyView *self,
                        const char       *code,
                        gint64            except_id)
{
  guint n = self->competencies != NULL ? g_list_model_get_n_items (self->competencies) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (self->competencies, i);

      if (kp_competency_get_id (competency) != except_id &&
          g_strcmp0 (kp_competency_get_code (competency), code) == 0)
        return g_steal_pointer (&competency);
    }

  return NULL;
}

static guint
find_shown_position (KpCompetencyView *self,
                     gint64            competency_id)
{
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (shown);

  for (guint i = 0; i < n && competency_id > 0; i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (shown, i);

      if (kp_competency_get_id (competency) == competency_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static KpCompetency *
row_competency (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "kp-competency");
}

static gboolean
has_technical (KpCompetencyView *self)
{
  guint n = self->competencies != NULL ? g_list_model_get_n_items (self->competencies) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (self->competencies, i);

      if (kp_competency_get_competency_type (competency) == KP_COMPETENCY_TECHNICAL)
        return TRUE;
    }

  return FALSE;
}

/* ---- the list ---------------------------------------------------------------------------- */

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  KpCompetencyView *self = user_data;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  if (self->needle == NULL)
    return TRUE;

  code = kp_text_fold (kp_competency_get_code (item));
  name = kp_text_fold (kp_competency_get_name (item));
  return strstr (code, self->needle) != NULL || strstr (name, self->needle) != NULL;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KpCompetency *competency = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s %s", kp_competency_get_code (competency),
                                            kp_competency_get_name (competency));
  g_autofree char *subtitle = format_n_levels (kp_competency_get_n_levels (competency));

  /* Names are data, not markup: "K3 & Lingkungan" must show as typed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "kp-competency", g_object_ref (competency),
                          g_object_unref);

  return row;
}

/* The store comes ordered by type, then code: a heading wherever the type changes. */
static void
update_row_header (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  KpCompetencyType type = kp_competency_get_competency_type (row_competency (row));
  GtkWidget *header;

  if (before != NULL && kp_competency_get_competency_type (row_competency (before)) == type)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (type_title (type));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
update_list_page (KpCompetencyView *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  gtk_stack_set_visible_child_name (self->list_stack,
                                    n_shown == 0 && self->needle != NULL ? "no-results" : "list");
  gtk_widget_set_visible (self->technical_hint,
                          self->needle == NULL && self->database != NULL && !has_technical (self));
}

/* ---- the chosen competency --------------------------------------------------------------- */

static void
update_actions (KpCompetencyView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_database = self->database != NULL;
  gboolean has_competency = has_database && self->competency_id > 0;

  gtk_widget_action_set_enabled (widget, "competency.add", has_database);
  gtk_widget_action_set_enabled (widget, "competency.import", has_database);
  gtk_widget_action_set_enabled (widget, "competency.edit", has_competency);
  gtk_widget_action_set_enabled (widget, "competency.edit-level", has_competency);
  gtk_widget_action_set_enabled (widget, "competency.delete", has_competency);
}

static void
show_toast (KpCompetencyView *self,
            const char       *text)
{
  /* Toast titles are markup; ours carry names and messages. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* One numbered row per indicator: the number stands apart, so that a long indicator wraps
 * under its own text, not under the number. */
static void
fill_indicators (GtkWidget  *box,
                 const char *indicators)
{
  g_auto(GStrv) lines = g_strsplit (indicators, "\n", -1);
  guint number = 0;

  remove_children (box);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (lines[i]));
      g_autofree char *ordinal = NULL;
      GtkWidget *row, *number_label, *text_label;

      if (text[0] == '\0')
        continue;

      /* Translators: the number before a behaviour indicator, e.g. "1." */
      ordinal = g_strdup_printf (_("%u."), ++number);
      number_label = gtk_label_new (ordinal);
      gtk_label_set_xalign (GTK_LABEL (number_label), 1);
      gtk_label_set_width_chars (GTK_LABEL (number_label), 2);
      gtk_widget_set_valign (number_label, GTK_ALIGN_START);
      gtk_widget_add_css_class (number_label, "numeric");
      gtk_widget_add_css_class (number_label, "dim-label");

      text_label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (text_label), 0);
      gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (text_label, TRUE);

      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (row), number_label);
      gtk_box_append (GTK_BOX (row), text_label);
      gtk_box_append (GTK_BOX (box), row);
    }

  gtk_widget_set_visible (box, number > 0);
}

static void
fill_level (KpCompetencyView        *self,
            int                      level,
            const KpCompetencyLevel *texts,
            gboolean                 from_dictionary)
{
  int i = level - KP_LEVEL_MIN;
  gboolean has_description = texts != NULL && texts->description[0] != '\0';
  gboolean has_indicators = texts != NULL && texts->indicators[0] != '\0';
  g_autofree char *title = NULL;
  g_autofree char *button = NULL;
  const char *missing = NULL;

  /* Translators: the heading of a level's card, e.g. "Level 3" */
  title = g_strdup_printf (_("Level %d"), level);
  gtk_label_set_label (self->level_titles[i], title);
  /* Translators: what a screen reader says for a level's edit button, e.g. "Edit Level 3" */
  button = g_strdup_printf (_("Edit Level %d"), level);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_buttons[i]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button,
                                  -1);

  gtk_label_set_label (self->level_descriptions[i], has_description ? texts->description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->level_descriptions[i]), has_description);
  fill_indicators (self->level_indicators[i], has_indicators ? texts->indicators : "");

  if (texts == NULL)
    missing = "";
  else if (!has_description && !has_indicators && from_dictionary)
    missing = _("The text of this level is not in the dictionary yet: it was not found in a "
                "public copy of the regulation. Add it from the official text.");
  else if (!has_description && !has_indicators)
    missing = _("This level has no text yet. Add its description and behaviour indicators "
                "with Edit Level.");
  else if (!has_indicators)
    missing = _("No behaviour indicators for this level yet.");
  else if (!has_description)
    missing = _("No description for this level yet.");

  gtk_label_set_label (self->level_missing[i], missing != NULL ? missing : "");
  gtk_widget_set_visible (GTK_WIDGET (self->level_missing[i]), missing != NULL && missing[0] != '\0');
}

static void
update_detail (KpCompetencyView *self)
{
  g_autoptr(KpCompetency) competency = dup_competency (self, self->competency_id);
  g_autoptr(GPtrArray) levels = NULL;
  g_autofree char *note = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(GError) error = NULL;
  const char *dictionary;
  const char *definition;
  gboolean from_dictionary;

  update_actions (self);

  if (competency == NULL)
    {
      guint n = self->competencies != NULL ? g_list_model_get_n_items (self->competencies) : 0;

      gtk_stack_set_visible_child_name (self->detail_stack,
                                        self->database != NULL && n == 0 ? "empty" : "none");
      return;
    }

  dictionary = kp_competency_get_dictionary (competency);
  from_dictionary = dictionary != NULL && dictionary[0] != '\0';

  /* Translators: the line above a competency's name: its code and its type, e.g.
   * "M.01 · Managerial" */
  kind = g_strdup_printf (_("%s · %s"), kp_competency_get_code (competency),
                          type_title (kp_competency_get_competency_type (competency)));
  gtk_label_set_label (self->kind_label, kind);
  gtk_label_set_label (self->name_label, kp_competency_get_name (competency));

  definition = kp_competency_get_definition (competency);
  if (definition != NULL && definition[0] != '\0')
    {
      gtk_label_set_label (self->definition_label, definition);
      gtk_widget_remove_css_class (GTK_WIDGET (self->definition_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->definition_label,
                           from_dictionary
                           ? _("The definition is not in the dictionary yet: it was not found in "
                               "a public copy of the regulation. Add it from the official text "
                               "with Edit.")
                           : _("No definition yet. Add it with Edit."));
      gtk_widget_add_css_class (GTK_WIDGET (self->definition_label), "dim-label");
    }

  if (from_dictionary)
    {
      g_autofree char *source = NULL;

      /* Translators: where a competency's texts come from; %s is the regulation, e.g.
       * "Source: PermenPAN-RB 38/2017" */
      source = g_strdup_printf (_("Source: %s"), dictionary);
      gtk_label_set_label (self->source_label, source);
      gtk_widget_add_css_class (GTK_WIDGET (self->source_label), "caption-heading");
      gtk_widget_remove_css_class (GTK_WIDGET (self->source_label), "dim-label");
      note = kp_competency_get_dictionary_note (self->database, self->competency_id, &error);
      if (note == NULL)
        {
          g_debug ("no dictionary note: %s", error->message);
          g_clear_error (&error);
        }
    }
  else
    {
      gtk_label_set_label (self->source_label,
                           _("Not from a published dictionary: added in Kompeten or imported "
                             "from a file."));
      /* A plain remark, not a heading over a note. */
      gtk_widget_remove_css_class (GTK_WIDGET (self->source_label), "caption-heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->source_label), "dim-label");
    }
  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && note[0] != '\0');

  levels = kp_competency_get_levels (self->database, self->competency_id, &error);
  if (levels == NULL)
    {
      /* Not "not in the dictionary": we could not read it. */
      g_autofree char *message = g_strdup_printf (_("Cannot read the levels: %s"), error->message);

      show_toast (self, message);
    }
  for (int level = KP_LEVEL_MIN; level <= KP_LEVEL_MAX; level++)
    fill_level (self, level,
                levels != NULL ? g_ptr_array_index (levels, level - KP_LEVEL_MIN) : NULL,
                from_dictionary);

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* Shows @competency_id on the right and selects its row when the search shows it. */
static void
show_competency (KpCompetencyView *self,
                 gint64            competency_id)
{
  guint position = find_shown_position (self, competency_id);
  GtkListBoxRow *row = NULL;

  if (competency_id != self->competency_id)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->detail_scrolled_window);

      /* Another competency is read from its top. */
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  self->competency_id = competency_id;

  if (position != GTK_INVALID_LIST_POSITION)
    {
      row = gtk_list_box_get_row_at_index (self->list, (int) position);
      self->shown_position = position;
    }

  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  else
    gtk_list_box_unselect_all (self->list);
  self->selecting = FALSE;

  update_detail (self);
}

/* ---- dialogs ----------------------------------------------------------------------------- */

static void on_dialog_response_cb (AdwMessageDialog *dialog,
                                   const char       *response,
                                   KpCompetencyView *self);

static void
clear_dialog (KpCompetencyView *self)
{
  AdwMessageDialog *dialog = self->dialog;

  if (dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (dialog, self);
  if (self->dialog_code != NULL)
    g_signal_handlers_disconnect_by_data (self->dialog_code, self);
  if (self->dialog_name != NULL)
    g_signal_handlers_disconnect_by_data (self->dialog_name, self);
  if (self->dialog_type != NULL)
    g_signal_handlers_disconnect_by_data (self->dialog_type, self);
  if (self->dialog_definition != NULL)
    g_signal_handlers_disconnect_by_data (self->dialog_definition, self);
  if (self->dialog_description != NULL)
    g_signal_handlers_disconnect_by_data (self->dialog_description, self);
  if (self->dialog_indicators != NULL)
    g_signal_handlers_disconnect_by_data (self->dialog_indicators, self);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->dialog_code);
  g_clear_weak_pointer (&self->dialog_name);
  g_clear_weak_pointer (&self->dialog_type);
  g_clear_weak_pointer (&self->dialog_definition);
  g_clear_weak_pointer (&self->dialog_description);
  g_clear_weak_pointer (&self->dialog_indicators);
  g_clear_weak_pointer (&self->dialog_code_error);
  g_clear_weak_pointer (&self->dialog_problems);
  self->dialog_kind = DIALOG_NONE;
  self->dialog_subject = 0;
  self->dialog_level = 0;
  g_clear_pointer (&self->dialog_original, g_free);

  /* A response button has closed it already; this is for every other way in. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static const char *
accept_response (DialogKind kind)
{
  switch (kind)
    {
    case DIALOG_ADD:
      return "add";

    case DIALOG_EDIT:
    case DIALOG_EDIT_LEVEL:
      return "save";

    case DIALOG_DELETE:
      return "delete";

    case DIALOG_IMPORT_RESULT:
      return "save-problems";

    case DIALOG_NONE:
    case DIALOG_REFUSAL:
    default:
      return NULL;
    }
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (buffer == NULL)
    return g_strdup ("");

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
dup_editable_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (editable != NULL ? gtk_editable_get_text (editable) : ""));
}

/* What the form holds now. */
static Form *
read_form (KpCompetencyView *self)
{
  Form *form = g_new0 (Form, 1);
  guint type = self->dialog_type != NULL ? gtk_drop_down_get_selected (self->dialog_type)
                                         : GTK_INVALID_LIST_POSITION;

  form->kind = self->dialog_kind;
  form->subject = self->dialog_subject;
  form->level = self->dialog_level;
  form->code = dup_editable_text (self->dialog_code);
  form->name = dup_editable_text (self->dialog_name);
  form->type = type < KP_COMPETENCY_N_TYPES ? (KpCompetencyType) type : KP_COMPETENCY_TECHNICAL;
  form->definition = dup_buffer_text (self->dialog_definition);
  form->description = dup_buffer_text (self->dialog_description);
  form->indicators = dup_buffer_text (self->dialog_indicators);
  form->original = g_strdup (self->dialog_original);

  return form;
}

/* The values that matter for "changed", as the model would store them (trimmed). */
static char *
form_fingerprint (const Form *form)
{
  g_autofree char *definition = g_strstrip (g_strdup (form->definition));
  g_autofree char *description = g_strstrip (g_strdup (form->description));
  g_autofree char *indicators = g_strstrip (g_strdup (form->indicators));

  if (form->kind == DIALOG_EDIT_LEVEL)
    return g_strdup_printf ("%s\x1f%s", description, indicators);

  return g_strdup_printf ("%s\x1f%s\x1f%d\x1f%s", form->code, form->name, form->type, definition);
}

/* Marks a code another competency has, and says which; Save stays disabled until the record
 * is valid, as everywhere in Kompeten. */
static gboolean
check_code (KpCompetencyView *self,
            const char       *code)
{
  g_autoptr(KpCompetency) other = NULL;
  g_autofree char *reason = NULL;

  if (self->dialog_code == NULL)
    return TRUE;

  other = code[0] != '\0' ? dup_competency_by_code (self, code, self->dialog_subject) : NULL;
  if (other == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->dialog_code), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->dialog_code_error), FALSE);
      return TRUE;
    }

  /* Translators: under the code in the competency form; %s is the other competency's name */
  reason = g_strdup_printf (_("This code is already used by “%s”."), kp_competency_get_name (other));
  gtk_widget_add_css_class (GTK_WIDGET (self->dialog_code), "error");
  gtk_label_set_label (self->dialog_code_error, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->dialog_code_error), TRUE);
  return FALSE;
}

/* The main response stays disabled until it would do something. */
static void
update_dialog_response (KpCompetencyView *self)
{
  g_autoptr(Form) form = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean changed;
  gboolean enabled;

  if (self->dialog_kind != DIALOG_ADD && self->dialog_kind != DIALOG_EDIT &&
      self->dialog_kind != DIALOG_EDIT_LEVEL)
    return;

  form = read_form (self);
  fingerprint = form_fingerprint (form);
  changed = g_strcmp0 (fingerprint, self->dialog_original) != 0;

  if (self->dialog_kind == DIALOG_EDIT_LEVEL)
    enabled = changed;
  else
    enabled = form->code[0] != '\0' && form->name[0] != '\0' && check_code (self, form->code) &&
              (self->dialog_kind == DIALOG_ADD || changed);

  adw_message_dialog_set_response_enabled (self->dialog, accept_response (self->dialog_kind),
                                           enabled);
}

static void
on_dialog_field_changed_cb (KpCompetencyView *self)
{
  update_dialog_response (self);
}

/* A new modal dialog over our window, replacing any other. */
static AdwMessageDialog *
new_dialog (KpCompetencyView *self,
            DialogKind        kind,
            gint64            subject,
            const char       *heading,
            const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  clear_dialog (self);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->dialog, dialog);
  self->dialog_kind = kind;
  self->dialog_subject = subject;

  if (kind == DIALOG_REFUSAL || kind == DIALOG_IMPORT_RESULT)
    {
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_close_response (dialog, "close");
    }
  else
    {
      adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
      adw_message_dialog_set_close_response (dialog, "cancel");
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), self);

  return dialog;
}

static void
add_accept_response (KpCompetencyView      *self,
                     const char            *label,
                     AdwResponseAppearance  appearance)
{
  const char *response = accept_response (self->dialog_kind);

  adw_message_dialog_add_response (self->dialog, response, label);
  adw_message_dialog_set_response_appearance (self->dialog, response, appearance);
  /* A deletion needs a deliberate click; Enter in a form's entry saves. */
  if (appearance == ADW_RESPONSE_DESTRUCTIVE)
    adw_message_dialog_set_default_response (self->dialog, "cancel");
  else
    adw_message_dialog_set_default_response (self->dialog, response);
}

static void
present_dialog (KpCompetencyView *self,
                GtkWidget        *focus)
{
  update_dialog_response (self);
  gtk_window_present (GTK_WINDOW (self->dialog));
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* Shows a refusal in the model's words; @form, when given, comes back once it is closed. */
static void
show_refusal (KpCompetencyView *self,
              const char       *heading,
              const char       *message,
              Form             *form)
{
  new_dialog (self, DIALOG_REFUSAL, 0, heading, message);
  adw_message_dialog_set_default_response (self->dialog, "close");
  g_clear_pointer (&self->pending, form_free);
  self->pending = form;
  present_dialog (self, NULL);
}

/* A heading over a field, whose mnemonic moves there. */
static void
add_field (GtkWidget  *box,
           const char *mnemonic_label,
           const char *accessible_label,
           GtkWidget  *field,
           GtkWidget  *focus_target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic_label);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  if (gtk_widget_get_first_child (box) != NULL)
    gtk_widget_set_margin_top (label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), focus_target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (focus_target),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), field);
}

static GtkWidget *
new_entry (KpCompetencyView  *self,
           GtkEditable      **slot,
           const char        *text,
           int                max_length)
{
  GtkWidget *entry = gtk_entry_new ();

  /* Enter saves (unless Save is disabled). */
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), max_length);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  g_set_weak_pointer (slot, GTK_EDITABLE (entry));
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_dialog_field_changed_cb), self);

  return entry;
}

/* A framed, scrolling text area at least @height pixels high; returns the frame, and the
 * text view in @view. */
static GtkWidget *
new_text_area (KpCompetencyView  *self,
               GtkTextBuffer    **slot,
               const char        *text,
               int                height,
               GtkWidget        **view)
{
  GtkWidget *text_view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  /* Tab leaves the field, as in every other field of the form. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);

  g_set_weak_pointer (slot, buffer);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_dialog_field_changed_cb), self);
  *view = text_view;

  return frame;
}

static GtkWidget *
new_hint (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/* The form of a competency: code, name, type and definition. */
static void
open_competency_form (KpCompetencyView *self,
                      const Form       *form)
{
  const char *types[KP_COMPETENCY_N_TYPES + 1];
  GtkWidget *box, *code, *name, *type, *definition, *definition_view, *code_error;
  g_autofree char *body = NULL;

  for (int i = 0; i < KP_COMPETENCY_N_TYPES; i++)
    types[i] = type_title (i);
  types[KP_COMPETENCY_N_TYPES] = NULL;

  if (form->kind == DIALOG_ADD)
    {
      new_dialog (self, DIALOG_ADD, 0, _("Add Competency"),
                  _("A competency of the dictionary. Technical competencies are the office’s "
                    "own; the managerial and socio-cultural ones come from PermenPAN-RB "
                    "38/2017."));
      add_accept_response (self, _("_Add"), ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      /* Translators: the body of the Edit Competency dialog; %s is its code */
      body = g_strdup_printf (_("The levels, standards and assessment results of %s stay "
                                "with it."),
                              form->code);
      new_dialog (self, DIALOG_EDIT, form->subject, _("Edit Competency"), body);
      add_accept_response (self, _("_Save"), ADW_RESPONSE_SUGGESTED);
    }
  self->dialog_original = g_strdup (form->original);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, FORM_WIDTH, -1);

  code = new_entry (self, &self->dialog_code, form->code, CODE_MAX_LENGTH);
  add_field (box, _("_Code"), _("Code"), code, code);
  code_error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (code_error), 0);
  gtk_label_set_wrap (GTK_LABEL (code_error), TRUE);
  gtk_widget_add_css_class (code_error, "caption");
  gtk_widget_add_css_class (code_error, "error");
  gtk_widget_set_visible (code_error, FALSE);
  g_set_weak_pointer (&self->dialog_code_error, GTK_LABEL (code_error));
  gtk_box_append (GTK_BOX (box), code_error);

  name = new_entry (self, &self->dialog_name, form->name, NAME_MAX_LENGTH);
  add_field (box, _("_Name"), _("Name"), name, name);

  type = gtk_drop_down_new_from_strings (types);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type), form->type);
  g_set_weak_pointer (&self->dialog_type, GTK_DROP_DOWN (type));
  g_signal_connect_swapped (type, "notify::selected", G_CALLBACK (on_dialog_field_changed_cb), self);
  add_field (box, _("_Type"), _("Type"), type, type);

  definition = new_text_area (self, &self->dialog_definition, form->definition, 110,
                              &definition_view);
  add_field (box, _("_Definition"), _("Definition"), definition, definition_view);

  adw_message_dialog_set_extra_child (self->dialog, box);
  present_dialog (self, code);
}

/* The form of one level: its description and its indicators. */
static void
open_level_form (KpCompetencyView *self,
                 const Form       *form)
{
  g_autoptr(KpCompetency) competency = dup_competency (self, form->subject);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *box, *description, *description_view, *indicators, *indicators_view;

  if (competency == NULL)
    return;

  /* Translators: the heading of the level dialog, e.g. "Edit Level 3" */
  heading = g_strdup_printf (_("Edit Level %d"), form->level);
  /* Translators: the body of the level dialog; the first %s is a code, the second a name */
  body = g_strdup_printf (_("%s %s. Copy the texts from the official dictionary; leave them "
                            "empty when you do not have them."),
                          kp_competency_get_code (competency), kp_competency_get_name (competency));
  new_dialog (self, DIALOG_EDIT_LEVEL, form->subject, heading, body);
  self->dialog_level = form->level;
  self->dialog_original = g_strdup (form->original);
  add_accept_response (self, _("_Save"), ADW_RESPONSE_SUGGESTED);
  /* Enter makes a new line in a text area: only a click or Alt+S saves. */
  adw_message_dialog_set_default_response (self->dialog, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, FORM_WIDTH, -1);

  description = new_text_area (self, &self->dialog_description, form->description, 64,
                               &description_view);
  add_field (box, _("_Description"), _("Description"), description, description_view);

  indicators = new_text_area (self, &self->dialog_indicators, form->indicators, 170,
                              &indicators_view);
  add_field (box, _("Behaviour _indicators"), _("Behaviour indicators"), indicators,
             indicators_view);
  gtk_box_append (GTK_BOX (box),
                  new_hint (_("One indicator a line, without numbers: they are numbered in "
                              "this order.")));

  adw_message_dialog_set_extra_child (self->dialog, box);
  present_dialog (self, description_view);
}

static void
open_form (KpCompetencyView *self,
           const Form       *form)
{
  if (form->kind == DIALOG_EDIT_LEVEL)
    open_level_form (self, form);
  else
    open_competency_form (self, form);
}

/* ---- the changes ------------------------------------------------------------------------- */

static void
apply_form (KpCompetencyView *self,
            Form             *form)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *heading = NULL;
  gint64 id;

  switch (form->kind)
    {
    case DIALOG_ADD:
      id = kp_competency_save (self->database, 0, form->code, form->name, form->type,
                               form->definition, &error);
      if (id > 0)
        {
          show_competency (self, id);
          /* Translators: a toast; %s is the new competency's code and name */
          message = g_strdup_printf (_("%s %s added"), form->code, form->name);
          show_toast (self, message);
        }
      else
        heading = _("Cannot Add the Competency");
      break;

    case DIALOG_EDIT:
      if (kp_competency_save (self->database, form->subject, form->code, form->name,
                              form->type, form->definition, &error) == 0)
        heading = _("Cannot Change the Competency");
      break;

    case DIALOG_EDIT_LEVEL:
      if (!kp_competency_set_level (self->database, form->subject, form->level,
                                    form->description, form->indicators, &error))
        heading = _("Cannot Change the Level");
      break;

    case DIALOG_NONE:
    case DIALOG_DELETE:
    case DIALOG_IMPORT_RESULT:
    case DIALOG_REFUSAL:
    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    show_refusal (self, heading, error->message, g_steal_pointer (&form));
  form_free (form);
}

static void
delete_competency (KpCompetencyView *self,
                   gint64            competency_id)
{
  g_autoptr(KpCompetency) competency = dup_competency (self, competency_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (competency == NULL)
    return;

  if (!kp_competency_delete (self->database, competency_id, &error))
    {
      show_refusal (self, _("Cannot Delete the Competency"), error->message, NULL);
      return;
    }

  /* Translators: a toast; %s is the deleted competency's code and name */
  message = g_strdup_printf (_("%s %s deleted"), kp_competency_get_code (competency),
                             kp_competency_get_name (competency));
  show_toast (self, message);
}

static void
on_problems_saved_cb (gpointer    owner,
                      const char *message)
{
  show_toast (KP_COMPETENCY_VIEW (owner), message);
}

static void
save_problems (KpCompetencyView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  kp_import_result_save_problems (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  GTK_WIDGET (self), self->problems_name, self->problems,
                                  on_problems_saved_cb);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       KpCompetencyView *self)
{
  g_autoptr(AdwMessageDialog) hold = g_object_ref (dialog);
  DialogKind kind = self->dialog_kind;
  gint64 subject = self->dialog_subject;
  const char *accept = accept_response (kind);
  g_autoptr(Form) form = NULL;
  Form *pending;
  gboolean accepted;

  /* A disabled response cannot be clicked, but adw_message_dialog_response () can send it. */
  accepted = accept != NULL && g_strcmp0 (response, accept) == 0 &&
             adw_message_dialog_get_response_enabled (dialog, accept);
  if (kind == DIALOG_ADD || kind == DIALOG_EDIT || kind == DIALOG_EDIT_LEVEL)
    form = read_form (self);

  /* The dialog goes first: a refusal opens a new one. */
  clear_dialog (self);

  if (self->database == NULL)
    return;

  switch (kind)
    {
    case DIALOG_ADD:
    case DIALOG_EDIT:
    case DIALOG_EDIT_LEVEL:
      if (accepted)
        apply_form (self, g_steal_pointer (&form));
      break;

    case DIALOG_DELETE:
      if (accepted)
        delete_competency (self, subject);
      break;

    case DIALOG_IMPORT_RESULT:
      if (accepted)
        save_problems (self);
      break;

    case DIALOG_REFUSAL:
      /* The form as the user left it, to correct rather than retype. */
      pending = g_steal_pointer (&self->pending);
      if (pending != NULL)
        {
          open_form (self, pending);
          form_free (pending);
        }
      break;

    case DIALOG_NONE:
    default:
      break;
    }
}

static void
show_import_problems (KpCompetencyView *self,
                      const char       *summary)
{
  GtkWidget *scrolled;
  GtkListBox *problems = NULL;
  g_autofree char *body = NULL;

  /* Translators: the body of the import's result when rows were refused; %s is the summary */
  body = g_strdup_printf (_("%s The other rows are in the dictionary. Correct the rows below in "
                            "the file and import it again: rows already imported are only "
                            "updated."),
                          summary);
  new_dialog (self, DIALOG_IMPORT_RESULT, 0, _("Some Rows Were Not Imported"), body);
  add_accept_response (self, _("_Save as CSV…"), ADW_RESPONSE_DEFAULT);
  adw_message_dialog_set_default_response (self->dialog, "close");

  scrolled = kp_import_result_new_problem_list (self->problems, FORM_WIDTH, &problems);
  g_set_weak_pointer (&self->dialog_problems, problems);

  adw_message_dialog_set_extra_child (self->dialog, scrolled);
  present_dialog (self, NULL);
}

/* ---- actions ----------------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KpCompetencyView *self = KP_COMPETENCY_VIEW (widget);
  Form form = { .kind = DIALOG_ADD, .type = KP_COMPETENCY_TECHNICAL };

  /* The window adds the office's technical competencies; the others come from the
   * regulation, so Technical is the likely choice. */
  open_form (self, &form);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KpCompetencyView *self = KP_COMPETENCY_VIEW (widget);
  g_autoptr(KpCompetency) competency = dup_competency (self, self->competency_id);
  Form form = { .kind = DIALOG_EDIT };

  if (competency == NULL)
    return;

  form.subject = kp_competency_get_id (competency);
  form.code = (char *) kp_competency_get_code (competency);
  form.name = (char *) kp_competency_get_name (competency);
  form.type = kp_competency_get_competency_type (competency);
  form.definition = (char *) kp_competency_get_definition (competency);
  form.description = form.indicators = "";
  form.original = form_fingerprint (&form);
  open_form (self, &form);
  g_free (form.original);
}

static void
edit_level_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpCompetencyView *self = KP_COMPETENCY_VIEW (widget);
  int level = g_variant_get_int32 (parameter);
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GError) error = NULL;
  KpCompetencyLevel *texts;
  Form form = { .kind = DIALOG_EDIT_LEVEL };

  if (self->competency_id == 0 || level < KP_LEVEL_MIN || level > KP_LEVEL_MAX)
    return;

  levels = kp_competency_get_levels (self->database, self->competency_id, &error);
  if (levels == NULL)
    {
      show_refusal (self, _("Cannot Change the Level"), error->message, NULL);
      return;
    }
  texts = g_ptr_array_index (levels, level - KP_LEVEL_MIN);

  form.subject = self->competency_id;
  form.level = level;
  form.code = form.name = form.definition = "";
  form.description = texts->description;
  form.indicators = texts->indicators;
  form.original = form_fingerprint (&form);
  open_form (self, &form);
  g_free (form.original);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpCompetencyView *self = KP_COMPETENCY_VIEW (widget);
  g_autoptr(KpCompetency) competency = dup_competency (self, self->competency_id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (competency == NULL)
    return;

  /* Translators: the heading of the delete dialog; %s is the competency's code */
  heading = g_strdup_printf (_("Delete %s?"), kp_competency_get_code (competency));
  /* Translators: the body of the delete dialog; the first %s is a code, the second a name */
  body = g_strdup_printf (_("%s %s leaves the dictionary with its level texts, and the position "
                            "standards that require it lose it. A competency that assessment "
                            "results refer to cannot be deleted. The audit log keeps a record "
                            "of the deletion."),
                          kp_competency_get_code (competency), kp_competency_get_name (competency));
  new_dialog (self, DIALOG_DELETE, kp_competency_get_id (competency), heading, body);
  add_accept_response (self, _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  present_dialog (self, NULL);
}

static void
on_import_file_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  g_autoptr(KpCompetencyView) self = user_data;

  if (file != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)) && self->database != NULL)
    _kp_competency_view_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  kp_file_chooser_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Import Dictionary"),
                        _("CSV (*.csv)"), csv_patterns, on_import_file_chosen_cb,
                        g_object_ref (widget));
}

/* ---- signal handlers --------------------------------------------------------------------- */

static void
on_list_row_selected_cb (GtkListBox       *list,
                         GtkListBoxRow    *row,
                         KpCompetencyView *self)
{
  if (self->reloading || self->selecting)
    return;

  if (row == NULL)
    {
      self->competency_id = 0;
      update_detail (self);
      return;
    }

  show_competency (self, kp_competency_get_id (row_competency (row)));
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry   *entry,
                                   KpCompetencyView *self)
{
  g_autofree char *needle = kp_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_clear_pointer (&self->needle, g_free);
  if (needle != NULL && needle[0] != '\0')
    self->needle = g_steal_pointer (&needle);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_page (self);
}

/* Enter in the search: the first match, with the keyboard in the list to go on from there. */
static void
on_search_entry_activate_cb (GtkSearchEntry   *entry,
                             KpCompetencyView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);

  if (row == NULL)
    return;

  show_competency (self, kp_competency_get_id (row_competency (row)));
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry   *entry,
                                KpCompetencyView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Runs before the listbox recreates its rows: their removal is not the user choosing. */
static void
on_filter_model_items_changed_before_cb (KpCompetencyView *self,
                                         guint             position,
                                         guint             removed,
                                         guint             added,
                                         GListModel       *model)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->reloading = TRUE;
  self->list_had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));
}

/* Runs after: the selection goes back to the same competency or, if it went, to the one that
 * took its place. */
static void
on_filter_model_items_changed_after_cb (KpCompetencyView *self,
                                        guint             position,
                                        guint             removed,
                                        guint             added,
                                        GListModel       *model)
{
  guint n_shown = g_list_model_get_n_items (model);
  gint64 id = self->competency_id;
  g_autoptr(KpCompetency) shown = dup_competency (self, id);

  self->reloading = FALSE;

  /* Deleted (here or elsewhere): its neighbour, as a file manager does. */
  if (id > 0 && shown == NULL && n_shown > 0)
    {
      g_autoptr(KpCompetency) neighbour = g_list_model_get_item (model, MIN (self->shown_position,
                                                                          n_shown - 1));

      id = kp_competency_get_id (neighbour);
    }
  else if (shown == NULL)
    id = 0;

  /* A form about a competency that has gone has nothing left to change. */
  if (self->dialog != NULL && self->dialog_subject > 0 &&
      (self->dialog_kind == DIALOG_EDIT || self->dialog_kind == DIALOG_EDIT_LEVEL ||
       self->dialog_kind == DIALOG_DELETE))
    {
      g_autoptr(KpCompetency) subject = dup_competency (self, self->dialog_subject);

      if (subject == NULL)
        {
          clear_dialog (self);
          show_toast (self, _("This competency is no longer in the dictionary"));
        }
    }

  show_competency (self, id);
  update_list_page (self);

  /* The focused row was destroyed with the others: a keyboard user goes on from the same
   * competency rather than from nowhere (or from whichever row GTK would pick). */
  if (self->list_had_focus)
    {
      GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);

      self->list_had_focus = FALSE;
      gtk_widget_grab_focus (selected != NULL ? GTK_WIDGET (selected) : GTK_WIDGET (self->list));
    }
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
kp_competency_view_dispose (GObject *object)
{
  KpCompetencyView *self = KP_COMPETENCY_VIEW (object);

  clear_dialog (self);
  g_clear_pointer (&self->pending, form_free);

  /* Dispose may run more than once: the template pointers are NULL after the first time. */
  if (self->filter_model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter_model, self);
      /* Removing the rows is not the user choosing none. */
      self->reloading = TRUE;
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      gtk_filter_list_model_set_model (self->filter_model, NULL);
      /* The filter function points back at us. */
      gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
    }
  self->competencies = NULL;

  /* The toast overlay is both a template child and AdwBin's child: let AdwBin unparent it
   * first, or disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_COMPETENCY_VIEW);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_competency_view_parent_class)->dispose (object);
}

static void
kp_competency_view_finalize (GObject *object)
{
  KpCompetencyView *self = KP_COMPETENCY_VIEW (object);

  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problems_name, g_free);

  G_OBJECT_CLASS (kp_competency_view_parent_class)->finalize (object);
}

static void
kp_competency_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KpCompetencyView *self = KP_COMPETENCY_VIEW (object);

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
kp_competency_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KpCompetencyView *self = KP_COMPETENCY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      kp_competency_view_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The five level cards: level<n>_card, level<n>_title, … in the template. */
#define BIND_LEVEL(n)                                                                              \
  G_STMT_START {                                                                                   \
    gtk_widget_class_bind_template_child_full (widget_class, "level" #n "_card", FALSE,            \
                                               G_STRUCT_OFFSET (KpCompetencyView, level_cards[n - 1])); \
    gtk_widget_class_bind_template_child_full (widget_class, "level" #n "_title", FALSE,           \
                                               G_STRUCT_OFFSET (KpCompetencyView, level_titles[n - 1])); \
    gtk_widget_class_bind_template_child_full (widget_class, "level" #n "_button", FALSE,          \
                                               G_STRUCT_OFFSET (KpCompetencyView, level_buttons[n - 1])); \
    gtk_widget_class_bind_template_child_full (widget_class, "level" #n "_description", FALSE,     \
                                               G_STRUCT_OFFSET (KpCompetencyView, level_descriptions[n - 1])); \
    gtk_widget_class_bind_template_child_full (widget_class, "level" #n "_indicators", FALSE,      \
                                               G_STRUCT_OFFSET (KpCompetencyView, level_indicators[n - 1])); \
    gtk_widget_class_bind_template_child_full (widget_class, "level" #n "_missing", FALSE,         \
                                               G_STRUCT_OFFSET (KpCompetencyView, level_missing[n - 1])); \
  } G_STMT_END

static void
kp_competency_view_class_init (KpCompetencyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_competency_view_dispose;
  object_class->finalize = kp_competency_view_finalize;
  object_class->get_property = kp_competency_view_get_property;
  object_class->set_property = kp_competency_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-competency-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, list);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, technical_hint);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, detail_scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, detail_box);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, name_label);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, definition_label);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, source_label);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, note_label);
  BIND_LEVEL (1);
  BIND_LEVEL (2);
  BIND_LEVEL (3);
  BIND_LEVEL (4);
  BIND_LEVEL (5);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, KpCompetencyView, filter);

  gtk_widget_class_bind_template_callback (widget_class, on_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "competency.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "competency.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "competency.edit-level", "i", edit_level_action);
  gtk_widget_class_install_action (widget_class, "competency.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "competency.import", NULL, import_action);
}

static void
kp_competency_view_init (KpCompetencyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->filter, matches_search, self, NULL);

  /* GLib calls handlers in the order they were connected: "before" runs ahead of the
   * listbox's own handler (connected by bind_model) and "after" behind it. */
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (on_filter_model_items_changed_before_cb), self);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filter_model), create_row, NULL, NULL);
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (on_filter_model_items_changed_after_cb), self);
  gtk_list_box_set_header_func (self->list, update_row_header, NULL, NULL);

  update_list_page (self);
  update_detail (self);
}

/* ---- public API -------------------------------------------------------------------------- */

/**
 * kp_competency_view_new:
 *
 * Returns: (transfer floating): a new view showing no database yet
 */
GtkWidget *
kp_competency_view_new (void)
{
  return g_object_new (KP_TYPE_COMPETENCY_VIEW, NULL);
}

/**
 * kp_competency_view_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose dictionary is shown
 */
KpDatabase *
kp_competency_view_get_database (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->database;
}

/**
 * kp_competency_view_set_database:
 * @database: (nullable): the database whose dictionary to show and change
 */
void
kp_competency_view_set_database (KpCompetencyView *self,
                                 KpDatabase       *database)
{
  g_autoptr(KpCompetency) first = NULL;

  g_return_if_fail (KP_IS_COMPETENCY_VIEW (self));
  g_return_if_fail (database == NULL || KP_IS_DATABASE (database));

  if (self->database == database)
    return;

  clear_dialog (self);
  g_clear_pointer (&self->pending, form_free);
  g_set_object (&self->database, database);
  self->competencies = database != NULL ? kp_database_get_competencies (database) : NULL;
  self->competency_id = 0;
  self->shown_position = 0;
  gtk_filter_list_model_set_model (self->filter_model, self->competencies);

  /* Open on the first entry rather than on an empty pane. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    first = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);
  show_competency (self, first != NULL ? kp_competency_get_id (first) : 0);
  update_list_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * kp_competency_view_focus_search:
 *
 * Moves the keyboard focus to the search entry, its text selected.
 */
void
kp_competency_view_focus_search (KpCompetencyView *self)
{
  g_return_if_fail (KP_IS_COMPETENCY_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
_kp_competency_view_import_file (KpCompetencyView *self,
                                 GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  KpImportCounts counts = { 0 };

  g_return_if_fail (KP_IS_COMPETENCY_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->database != NULL);

  /* A dictionary has tens of competencies: it imports in a blink, on this thread. Rows that
   * can go in do; the others are listed for correction. */
  if (!kp_import_result_run (kp_competency_import, self->database, file, &counts, &summary,
                             &self->problems, &self->problems_name, &error))
    {
      show_refusal (self, _("Cannot Import the Dictionary"), error->message, NULL);
      return;
    }

  if (self->problems != NULL)
    show_import_problems (self, summary);
  else
    show_toast (self, summary);
}

gboolean
_kp_competency_view_save_problems (KpCompetencyView  *self,
                                   GFile             *file,
                                   GError           **error)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), FALSE);
  g_return_val_if_fail (self->problems != NULL, FALSE);

  return kp_import_result_write_problems (self->problems, file, error);
}

GtkListBox *
_kp_competency_view_get_list (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->list;
}

GtkSearchEntry *
_kp_competency_view_get_search_entry (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->search_entry;
}

const char *
_kp_competency_view_get_list_page (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
_kp_competency_view_get_detail_page (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->detail_stack);
}

gint64
_kp_competency_view_get_shown_id (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), 0);

  return g_str_equal (gtk_stack_get_visible_child_name (self->detail_stack), "detail")
         ? self->competency_id : 0;
}

GtkWidget *
_kp_competency_view_get_detail (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->detail_box;
}

GtkWidget *
_kp_competency_view_get_level_card (KpCompetencyView *self,
                                    int               level)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);
  g_return_val_if_fail (level >= KP_LEVEL_MIN && level <= KP_LEVEL_MAX, NULL);

  return self->level_cards[level - KP_LEVEL_MIN];
}

GtkLabel *
_kp_competency_view_get_level_missing_label (KpCompetencyView *self,
                                             int               level)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);
  g_return_val_if_fail (level >= KP_LEVEL_MIN && level <= KP_LEVEL_MAX, NULL);

  return self->level_missing[level - KP_LEVEL_MIN];
}

AdwMessageDialog *
_kp_competency_view_get_dialog (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->dialog;
}

GtkEditable *
_kp_competency_view_get_dialog_code (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->dialog_code;
}

GtkEditable *
_kp_competency_view_get_dialog_name (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->dialog_name;
}

GtkDropDown *
_kp_competency_view_get_dialog_type (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->dialog_type;
}

GtkTextBuffer *
_kp_competency_view_get_dialog_definition (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->dialog_definition;
}

GtkTextBuffer *
_kp_competency_view_get_dialog_description (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->dialog_description;
}

GtkTextBuffer *
_kp_competency_view_get_dialog_indicators (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->dialog_indicators;
}

GtkListBox *
_kp_competency_view_get_dialog_problems (KpCompetencyView *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY_VIEW (self), NULL);

  return self->dialog_problems;
}
