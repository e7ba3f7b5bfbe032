/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-standards-view.c: the position standards (standar kompetensi jabatan, DOMAIN.md): on the
 * left the positions grouped by unit, or the position kinds; on the right every competency of
 * the dictionary with the level the chosen position (or kind, by default) requires; the
 * import and export of the standards file.
 *
 * Layout is in kp-standards-view.ui. The positions list is a GtkListView over a list of our
 * own (position_rows) that interleaves each unit's name with its positions matching the
 * search: GTK 4.8 list views have no sections, and a regency has a few thousand positions, too
 * many for a listbox row each. It is rebuilt from the database's store when that changes or
 * the search does.
 *
 * The table is one row per competency, made when the dictionary changes; a level change only
 * updates the rows (update_levels ()), so that the keyboard stays on the selector the user
 * just changed. Which level applies (the position's own or its kind's default) is the model's
 * answer (kp_standards_for_position ()); the view only shows it. Every change goes through
 * kp_standards_* and writes one audit event; a refusal shows the model's message in a toast.
 *
 * Standards have no store: the table is read again after each change made here, whenever the
 * positions or the dictionary change, and when the view comes on screen (an import elsewhere).
 *
 * Dialogs are AdwMessageDialogs built on demand, one at a time, not in the template: a hidden
 * dialog kept by every view would be a toplevel window of its own from the start. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"
#include "kompeten/kp-reports.h"

#include "kp-file-chooser.h"
#include "kp-import-result.h"
#include "kp-standards-view.h"
#include "kp-standards-view-private.h"
#include "kp-widget-util.h"

/* Wide enough to read a refused row's reason on one or two lines. */
#define PROBLEMS_WIDTH 480

typedef enum {
  DIALOG_NONE,
  DIALOG_APPLY,    /* subject: the kind */
  DIALOG_PROBLEMS, /* an import's refused rows: listed, and can be saved */
  DIALOG_REFUSAL,
} DialogKind;

struct _KpStandardsView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *mode_stack;
  GtkSearchEntry *search_entry;
  GtkStack *positions_stack;
  GtkListView *position_list;
  GtkListBox *kind_list;
  GtkStack *detail_stack;
  GtkScrolledWindow *table_scrolled_window;
  GtkLabel *context_label;
  GtkLabel *title_label;
  GtkLabel *explanation_label;
  GtkWidget *apply_button;
  GtkWidget *groups[KP_COMPETENCY_N_TYPES];
  GtkListBox *lists[KP_COMPETENCY_N_TYPES];

  /* template objects */
  GListStore *position_rows;
  GtkSingleSelection *position_selection;

  /* borrowed from the database */
  GListModel *positions;
  GListModel *competencies;

  /* owned */
  KpDatabase *database;
  char *needle;         /* the folded search text; NULL when not searching */
  gint64 position_id;   /* the position shown in the positions mode; 0 for none */
  int kind;             /* the kind shown in the kinds mode; -1 for none */
  GPtrArray *rows;      /* the table's AdwActionRows (the lists own them), by dictionary order */
  gboolean updating;    /* we set the selectors or the selection ourselves */
  GPtrArray *problems;  /* the last import's refused rows (KpImportProblem), for Save */
  char *problems_name;  /* that file's base name */

  /* the dialog on screen: GTK owns it, these are weak pointers */
  AdwMessageDialog *dialog;
  GtkListBox *dialog_problems;
  DialogKind dialog_kind;
  int dialog_subject;
};

G_DEFINE_FINAL_TYPE (KpStandardsView, kp_standards_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const csv_patterns[] = { "*.csv", NULL };
static const char *const xlsx_patterns[] = { "*.xlsx", NULL };

/* What the level selectors offer: none (the kind's default applies), then levels 1–5. */
static const char *const level_choices[] = { "—", "1", "2", "3", "4", "5", NULL };

static void update_levels (KpStandardsView *self);

/* ---- small things ------------------------------------------------------------------------ */

static gboolean
showing_kinds (KpStandardsView *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "kinds") == 0;
}

static GtkWindow *
get_parent_window (KpStandardsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (KpStandardsView *self,
            const char      *text)
{
  /* Toast titles are markup; ours carry titles, file names and messages. The default
   * timeout (5 s) leaves time to read a refusal. */
  g_autofree char *title = g_markup_printf_escaped ("%s", text);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static KpPosition *
dup_position (KpStandardsView *self,
              gint64           position_id)
{
  guint n = self->positions != NULL ? g_list_model_get_n_items (self->positions) : 0;

  for (guint i = 0; i < n && position_id > 0; i++)
    {
      g_autoptr(KpPosition) position = g_list_model_get_item (self->positions, i);

      if (kp_position_get_id (position) == position_id)
        return g_steal_pointer (&position);
    }

  return NULL;
}

static guint
count_positions_of_kind (KpStandardsView *self,
                         int              kind)
{
  guint n = self->positions != NULL ? g_list_model_get_n_items (self->positions) : 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpPosition) position = g_list_model_get_item (self->positions, i);

      count += kp_position_get_kind (position) == kind;
    }

  return count;
}

static char *
format_n_positions (guint n)
{
  if (n == 0)
    return g_strdup (_("No positions of this kind"));

  /* Translators: under a position kind: how many positions of the register are of it */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u position", "%u positions", n), n);
}

/* ---- the positions list ------------------------------------------------------------------ */

static gboolean
row_is_position (gpointer  unused,
                 GObject  *item)
{
  return KP_IS_POSITION (item);
}

static gboolean
row_is_unit (gpointer  unused,
             GObject  *item)
{
  return GTK_IS_STRING_OBJECT (item);
}

static char *
format_row_unit (gpointer  unused,
                 GObject  *item)
{
  return GTK_IS_STRING_OBJECT (item) ? g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)))
                                     : NULL;
}

static char *
format_row_title (gpointer  unused,
                  GObject  *item)
{
  return KP_IS_POSITION (item) ? g_strdup (kp_position_get_title (KP_POSITION (item))) : NULL;
}

static char *
format_row_kind (gpointer  unused,
                 GObject  *item)
{
  return KP_IS_POSITION (item) ? g_strdup (kp_position_get_kind_name (KP_POSITION (item))) : NULL;
}

static gboolean
position_matches (KpStandardsView *self,
                  KpPosition      *position)
{
  g_autofree char *title = NULL;
  g_autofree char *unit = NULL;

  if (self->needle == NULL)
    return TRUE;

  title = kp_text_fold (kp_position_get_title (position));
  unit = kp_text_fold (kp_position_get_unit_name (position));
  return strstr (title, self->needle) != NULL || strstr (unit, self->needle) != NULL;
}

/* Selects the row of the position shown, or none when the search hides it. */
static void
select_shown_position (KpStandardsView *self)
{
  GListModel *rows = G_LIST_MODEL (self->position_rows);
  guint n = g_list_model_get_n_items (rows);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n && self->position_id > 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (KP_IS_POSITION (item) && kp_position_get_id (KP_POSITION (item)) == self->position_id)
        {
          selected = i;
          break;
        }
    }

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->position_selection, selected);
  self->updating = FALSE;
}

/* The store is ordered by unit, then title: a unit's name goes wherever the unit changes. */
static void
reload_position_rows (KpStandardsView *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->positions != NULL ? g_list_model_get_n_items (self->positions) : 0;
  gint64 unit_id = 0;
  const char *page;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpPosition) position = g_list_model_get_item (self->positions, i);

      if (!position_matches (self, position))
        continue;
      if (rows->len == 0 || kp_position_get_unit_id (position) != unit_id)
        {
          unit_id = kp_position_get_unit_id (position);
          g_ptr_array_add (rows, gtk_string_object_new (kp_position_get_unit_name (position)));
        }
      g_ptr_array_add (rows, g_steal_pointer (&position));
    }

  self->updating = TRUE;
  g_list_store_splice (self->position_rows, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->position_rows)),
                       rows->pdata, rows->len);
  self->updating = FALSE;
  select_shown_position (self);

  if (n == 0)
    page = "empty";
  else if (rows->len == 0)
    page = "no-results";
  else
    page = "list";
  gtk_stack_set_visible_child_name (self->positions_stack, page);
}

/* ---- the kinds list ---------------------------------------------------------------------- */

static void
fill_kind_list (KpStandardsView *self)
{
  for (int kind = 0; kind < KP_POSITION_KIND_COUNT; kind++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kp_position_kind_to_string (kind));
      gtk_list_box_append (self->kind_list, row);
    }
}

static void
update_kind_counts (KpStandardsView *self)
{
  guint counts[KP_POSITION_KIND_COUNT] = { 0, };
  guint n = self->positions != NULL ? g_list_model_get_n_items (self->positions) : 0;

  /* One pass, not one per kind: a regency has thousands of positions. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpPosition) position = g_list_model_get_item (self->positions, i);
      int kind = kp_position_get_kind (position);

      if (kind >= 0 && kind < KP_POSITION_KIND_COUNT)
        counts[kind]++;
    }

  for (int kind = 0; kind < KP_POSITION_KIND_COUNT; kind++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->kind_list, kind);
      g_autofree char *count = format_n_positions (counts[kind]);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count);
    }
}

/* ---- the table --------------------------------------------------------------------------- */

static GtkDropDown *
row_selector (AdwActionRow *row)
{
  return g_object_get_data (G_OBJECT (row), "kp-level-selector");
}

static GtkWidget *
row_reset_button (AdwActionRow *row)
{
  return g_object_get_data (G_OBJECT (row), "kp-reset-button");
}

static gint64
row_competency_id (AdwActionRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "kp-competency-id");

  return *id;
}

static AdwActionRow *
find_row (KpStandardsView *self,
          gint64           competency_id)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    if (row_competency_id (g_ptr_array_index (self->rows, i)) == competency_id)
      return g_ptr_array_index (self->rows, i);

  return NULL;
}

static void on_level_selector_notify_selected_cb (GtkDropDown     *selector,
                                                  GParamSpec      *pspec,
                                                  KpStandardsView *self);

static GtkWidget *
create_table_row (KpStandardsView *self,
                  KpCompetency    *competency)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *selector = gtk_drop_down_new_from_strings (level_choices);
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gint64 *id = g_new (gint64, 1);
  g_autofree char *title = g_strdup_printf ("%s %s", kp_competency_get_code (competency),
                                            kp_competency_get_name (competency));
  g_autofree char *accessible = NULL;

  *id = kp_competency_get_id (competency);
  g_object_set_data_full (G_OBJECT (row), "kp-competency-id", id, g_free);

  /* Names are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  /* The reset button comes first, so that the selectors stay in one column whether it shows
   * or not. */
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reset), "standards.reset");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (reset), "x", *id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
  g_object_set_data (G_OBJECT (row), "kp-reset-button", reset);

  gtk_widget_set_valign (selector, GTK_ALIGN_CENTER);
  /* Translators: what a screen reader says for a level selector; %s is a competency's code
   * and name, e.g. "Required level of M.01 Integritas" */
  accessible = g_strdup_printf (_("Required level of %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (selector),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (selector, _("Required level (— for none)"));
  g_signal_connect (selector, "notify::selected",
                    G_CALLBACK (on_level_selector_notify_selected_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), selector);
  /* Enter or a click on the row opens the selector. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), selector);
  g_object_set_data (G_OBJECT (row), "kp-level-selector", selector);

  return row;
}

/* One row per competency of the dictionary, under its type. */
static void
rebuild_table (KpStandardsView *self)
{
  guint n = self->competencies != NULL ? g_list_model_get_n_items (self->competencies) : 0;
  gboolean has_type[KP_COMPETENCY_N_TYPES] = { FALSE, };

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    g_signal_handlers_disconnect_by_data (row_selector (g_ptr_array_index (self->rows, i)), self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  for (int type = 0; type < KP_COMPETENCY_N_TYPES; type++)
    kp_list_box_remove_rows (self->lists[type]);

  self->rows = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (self->competencies, i);
      KpCompetencyType type = kp_competency_get_competency_type (competency);
      GtkWidget *row;

      if (type >= KP_COMPETENCY_N_TYPES)
        continue;
      row = create_table_row (self, competency);
      gtk_list_box_append (self->lists[type], row);
      g_ptr_array_add (self->rows, row);
      has_type[type] = TRUE;
    }

  for (int type = 0; type < KP_COMPETENCY_N_TYPES; type++)
    gtk_widget_set_visible (self->groups[type], has_type[type]);
}

typedef struct {
  int level;
  gboolean from_kind;
} Requirement;

static void
show_row (KpStandardsView *self,
          AdwActionRow    *row,
          int              level,
          const char      *subtitle,
          gboolean         dimmed,
          const char      *reset_label)
{
  GtkDropDown *selector = row_selector (row);
  GtkWidget *reset = row_reset_button (row);

  level = CLAMP (level, 0, KP_LEVEL_MAX);
  g_object_set_data (G_OBJECT (row), "kp-shown-level", GINT_TO_POINTER (level));
  gtk_drop_down_set_selected (selector, (guint) level);
  if (dimmed)
    gtk_widget_add_css_class (GTK_WIDGET (selector), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (selector), "dim-label");
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : "");

  gtk_widget_set_visible (reset, reset_label != NULL);
  gtk_widget_set_tooltip_text (reset, reset_label);
  if (reset_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (reset),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, reset_label,
                                    -1);
}

static void
update_position_levels (KpStandardsView *self,
                        KpPosition      *position)
{
  g_autoptr(GHashTable) required = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GPtrArray) standards = NULL;
  g_autoptr(GError) error = NULL;
  int kind = kp_position_get_kind (position);
  const char *kind_name = kp_position_get_kind_name (position);
  g_autofree char *default_subtitle = NULL;
  g_autofree char *reset_label = NULL;

  standards = kp_standards_for_position (self->database, kp_position_get_id (position), &error);
  if (standards == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the standard: %s"), error->message);

      show_toast (self, message);
      return;
    }
  for (guint i = 0; i < standards->len; i++)
    {
      KpStandard *standard = g_ptr_array_index (standards, i);
      Requirement *requirement = g_new (Requirement, 1);

      requirement->level = standard->level;
      requirement->from_kind = standard->from_kind;
      g_hash_table_insert (required, &standard->competency_id, requirement);
    }

  /* Translators: under a competency whose level comes from the position's kind; %s is the
   * kind, e.g. "Default of Administrator" */
  default_subtitle = g_strdup_printf (_("Default of %s"), kind_name);
  /* Translators: the tooltip of the button that drops a position's own level; %s is the
   * position's kind, e.g. "Reset to the Default of Administrator" */
  reset_label = g_strdup_printf (_("Reset to the Default of %s"), kind_name);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);
      gint64 competency_id = row_competency_id (row);
      Requirement *requirement = g_hash_table_lookup (required, &competency_id);
      g_autofree char *own_subtitle = NULL;
      int default_level;

      if (requirement == NULL)
        {
          show_row (self, row, 0, _("Not required"), FALSE, NULL);
          continue;
        }
      if (requirement->from_kind)
        {
          show_row (self, row, requirement->level, default_subtitle, TRUE, NULL);
          continue;
        }

      /* The position's own level: say what a reset would bring back. */
      default_level = kp_kind_standard_get (self->database, kind, competency_id);
      if (default_level > 0)
        /* Translators: under a competency for which the position has a level of its own; %s is
         * the kind and %d its default level, e.g. "Own level · default of Administrator: 3" */
        own_subtitle = g_strdup_printf (_("Own level · default of %s: %d"), kind_name, default_level);
      else
        /* Translators: under a competency for which the position has a level of its own and
         * its kind none; %s is the kind */
        own_subtitle = g_strdup_printf (_("Own level · no default for %s"), kind_name);
      show_row (self, row, requirement->level, own_subtitle, FALSE, reset_label);
    }
}

static void
update_kind_levels (KpStandardsView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);
      int level = kp_kind_standard_get (self->database, self->kind, row_competency_id (row));

      show_row (self, row, level, level > 0 ? NULL : _("Not required by default"), FALSE, NULL);
    }
}

static void
update_actions (KpStandardsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_database = self->database != NULL;
  gboolean has_kind = has_database && showing_kinds (self) && self->kind >= 0;

  gtk_widget_action_set_enabled (widget, "standards.import", has_database);
  gtk_widget_action_set_enabled (widget, "standards.export-csv", has_database);
  gtk_widget_action_set_enabled (widget, "standards.export-xlsx", has_database);
  gtk_widget_action_set_enabled (widget, "standards.apply-kind",
                                 has_kind && count_positions_of_kind (self, self->kind) > 0);
}

/* Reads the levels again and shows them; also what the table is about. */
static void
update_levels (KpStandardsView *self)
{
  g_autoptr(KpPosition) position = NULL;
  guint n_competencies = self->competencies != NULL ? g_list_model_get_n_items (self->competencies) : 0;
  guint n_positions = self->positions != NULL ? g_list_model_get_n_items (self->positions) : 0;
  gboolean kinds = showing_kinds (self);
  const char *page = "table";

  update_actions (self);

  if (!kinds)
    position = dup_position (self, self->position_id);

  if (self->database == NULL)
    page = "none";
  else if (!kinds && n_positions == 0)
    page = "empty";
  else if (n_competencies == 0)
    page = "no-competencies";
  else if (kinds ? self->kind < 0 : position == NULL)
    page = "none";

  gtk_stack_set_visible_child_name (self->detail_stack, page);
  gtk_widget_set_visible (self->apply_button, kinds);
  if (!g_str_equal (page, "table"))
    return;

  self->updating = TRUE;
  if (kinds)
    {
      gtk_label_set_label (self->context_label, _("Default standard of a position kind"));
      gtk_label_set_label (self->title_label, kp_position_kind_to_string (self->kind));
      gtk_label_set_label (self->explanation_label,
                           _("The levels a position of this kind requires where it has no level "
                             "of its own. Applying them to the positions makes them their own "
                             "levels."));
      update_kind_levels (self);
    }
  else
    {
      /* Translators: above a position's title: its unit and its kind, e.g.
       * "Dinas Kesehatan · Administrator" */
      g_autofree char *context = g_strdup_printf (_("%s · %s"), kp_position_get_unit_name (position),
                                                  kp_position_get_kind_name (position));

      gtk_label_set_label (self->context_label, context);
      gtk_label_set_label (self->title_label, kp_position_get_title (position));
      gtk_label_set_label (self->explanation_label,
                           _("Dimmed levels are the default of the position’s kind. Choose "
                             "another level to give the position its own; “—” or the reset "
                             "button brings the default back."));
      update_position_levels (self, position);
    }
  self->updating = FALSE;
}

static void
scroll_table_to_top (KpStandardsView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->table_scrolled_window);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
show_position (KpStandardsView *self,
               gint64           position_id)
{
  if (position_id != self->position_id)
    scroll_table_to_top (self);
  self->position_id = position_id;
  update_levels (self);
}

/* ---- dialogs ----------------------------------------------------------------------------- */

static void on_dialog_response_cb (AdwMessageDialog *dialog,
                                   const char       *response,
                                   KpStandardsView  *self);

static void
clear_dialog (KpStandardsView *self)
{
  AdwMessageDialog *dialog = self->dialog;

  if (dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->dialog_problems);
  self->dialog_kind = DIALOG_NONE;
  self->dialog_subject = -1;

  /* A response has closed it already; this is for every other way in. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A modal dialog over our window with a Cancel (or Close) response, replacing any other. */
static AdwMessageDialog *
new_dialog (KpStandardsView *self,
            DialogKind       kind,
            const char      *heading,
            const char      *body)
{
  AdwMessageDialog *dialog;
  gboolean question = kind == DIALOG_APPLY;

  clear_dialog (self);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (dialog, question ? "cancel" : "close",
                                   question ? _("_Cancel") : _("_Close"));
  adw_message_dialog_set_close_response (dialog, question ? "cancel" : "close");
  adw_message_dialog_set_default_response (dialog, question ? "cancel" : "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), self);

  g_set_weak_pointer (&self->dialog, dialog);
  self->dialog_kind = kind;
  return dialog;
}

static void
show_refusal (KpStandardsView *self,
              const char      *heading,
              const char      *message)
{
  gtk_window_present (GTK_WINDOW (new_dialog (self, DIALOG_REFUSAL, heading, message)));
}

static void
show_refused_rows (KpStandardsView      *self,
                   const KpImportCounts *counts,
                   const char           *summary)
{
  AdwMessageDialog *dialog;
  GtkWidget *scrolled;
  GtkListBox *list = NULL;
  g_autofree char *body = NULL;

  if (counts->created + counts->updated + counts->unchanged == 0)
    /* Translators: the body of an import's result when every row was refused; %s is the
     * summary */
    body = g_strdup_printf (_("%s Nothing was imported. Correct these rows in the file and "
                              "import it again."),
                            summary);
  else
    /* Translators: the body of an import's result when some rows were refused; %s is the
     * summary */
    body = g_strdup_printf (_("%s The other rows are in the standards. Correct these rows in "
                              "the file and import it again: levels already imported stay as "
                              "they are."),
                            summary);
  dialog = new_dialog (self, DIALOG_PROBLEMS, _("Some Rows Were Refused"), body);
  adw_message_dialog_add_response (dialog, "save-problems", _("_Save as CSV…"));

  scrolled = kp_import_result_new_problem_list (self->problems, PROBLEMS_WIDTH, &list);
  g_set_weak_pointer (&self->dialog_problems, list);
  adw_message_dialog_set_extra_child (dialog, scrolled);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_problems_saved_cb (gpointer    owner,
                      const char *message)
{
  show_toast (KP_STANDARDS_VIEW (owner), message);
}

static void
save_problems (KpStandardsView *self)
{
  if (self->problems != NULL)
    kp_import_result_save_problems (get_parent_window (self), GTK_WIDGET (self),
                                    self->problems_name, self->problems, on_problems_saved_cb);
}

static void
apply_kind (KpStandardsView *self,
            int              kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_positions = 0;

  if (!kp_standards_apply_kind (self->database, kind, &n_positions, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* Translators: a toast after the defaults of a kind were applied */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Applied to %u position",
                                          "Applied to %u positions", n_positions),
                             n_positions);
  show_toast (self, message);
  update_levels (self);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       KpStandardsView  *self)
{
  DialogKind kind = self->dialog_kind;
  int subject = self->dialog_subject;

  clear_dialog (self);

  if (self->database == NULL)
    return;

  if (kind == DIALOG_APPLY && g_strcmp0 (response, "apply") == 0)
    apply_kind (self, subject);
  else if (kind == DIALOG_PROBLEMS && g_strcmp0 (response, "save-problems") == 0)
    save_problems (self);
}

/* ---- actions ----------------------------------------------------------------------------- */

static void
apply_kind_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpStandardsView *self = KP_STANDARDS_VIEW (widget);
  const char *kind_name;
  guint n_positions;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *accept = NULL;
  AdwMessageDialog *dialog;

  if (self->kind < 0)
    return;

  kind_name = kp_position_kind_to_string (self->kind);
  n_positions = count_positions_of_kind (self, self->kind);
  /* Translators: the heading of the question before applying a kind's defaults; %s is the kind */
  heading = g_strdup_printf (_("Apply the Defaults of %s?"), kind_name);
  /* Translators: the body of that question; %u is how many positions, %s the kind */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u position of kind %s will have these levels as its own: "
                                       "its levels of these competencies are overwritten, its "
                                       "other levels stay.",
                                       "%u positions of kind %s will have these levels as their "
                                       "own: their levels of these competencies are overwritten, "
                                       "their other levels stay.",
                                       n_positions),
                          n_positions, kind_name);
  /* Translators: the button that applies a kind's defaults, e.g. "_Overwrite 12 Positions" */
  accept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Overwrite %u Position",
                                         "_Overwrite %u Positions", n_positions),
                            n_positions);

  dialog = new_dialog (self, DIALOG_APPLY, heading, body);
  self->dialog_subject = self->kind;
  adw_message_dialog_add_response (dialog, "apply", accept);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_DESTRUCTIVE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KpStandardsView *self = KP_STANDARDS_VIEW (widget);
  AdwActionRow *row = find_row (self, g_variant_get_int64 (parameter));

  /* What choosing "—" does: the position's own level goes, the default applies again. The
   * keyboard was on the button, which goes away: it goes on from the selector. */
  if (row != NULL && self->position_id > 0)
    {
      gtk_drop_down_set_selected (row_selector (row), 0);
      gtk_widget_grab_focus (GTK_WIDGET (row_selector (row)));
    }
}

static void
show_kinds_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpStandardsView *self = KP_STANDARDS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->mode_stack, "kinds");
}

static void
on_import_file_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  g_autoptr(KpStandardsView) self = user_data;

  if (file != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)) && self->database != NULL)
    _kp_standards_view_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kp_file_chooser_open (get_parent_window (KP_STANDARDS_VIEW (widget)), _("Import Standards"),
                        _("CSV (*.csv)"), csv_patterns, on_import_file_chosen_cb,
                        g_object_ref (widget));
}

static void
on_export_csv_file_chosen_cb (GFile    *file,
                              gpointer  user_data)
{
  g_autoptr(KpStandardsView) self = user_data;

  if (file != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)) && self->database != NULL)
    _kp_standards_view_export_file (self, file, FALSE);
}

static void
on_export_xlsx_file_chosen_cb (GFile    *file,
                               gpointer  user_data)
{
  g_autoptr(KpStandardsView) self = user_data;

  if (file != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)) && self->database != NULL)
    _kp_standards_view_export_file (self, file, TRUE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gboolean xlsx = g_str_equal (action_name, "standards.export-xlsx");
  /* Translators: the proposed name of an exported standards file, without its extension */
  g_autofree char *suggested = g_strconcat (_("position-standards"), xlsx ? ".xlsx" : ".csv", NULL);

  kp_file_chooser_save (get_parent_window (KP_STANDARDS_VIEW (widget)), _("Export Standards"),
                        suggested,
                        xlsx ? _("Excel workbook (*.xlsx)") : _("CSV (*.csv)"),
                        xlsx ? xlsx_patterns : csv_patterns,
                        xlsx ? on_export_xlsx_file_chosen_cb : on_export_csv_file_chosen_cb,
                        g_object_ref (widget));
}

/* ---- signal handlers --------------------------------------------------------------------- */

static void
on_level_selector_notify_selected_cb (GtkDropDown     *selector,
                                      GParamSpec      *pspec,
                                      KpStandardsView *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (selector), ADW_TYPE_ACTION_ROW);
  g_autoptr(GError) error = NULL;
  int level = (int) gtk_drop_down_get_selected (selector);
  gint64 competency_id;
  gboolean done;

  if (self->updating || row == NULL || self->database == NULL || level > KP_LEVEL_MAX)
    return;
  /* The drop-down may report what we showed after we have shown it (its notifications can
   * come once its selection is done changing): only a level the user changed is a change. */
  if (level == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kp-shown-level")))
    return;

  competency_id = row_competency_id (ADW_ACTION_ROW (row));
  if (showing_kinds (self))
    done = self->kind >= 0 &&
           kp_kind_standard_set (self->database, self->kind, competency_id, level, &error);
  else
    done = self->position_id > 0 &&
           kp_standards_set (self->database, self->position_id, competency_id, level, &error);

  if (!done)
    {
      /* Nothing was written: the selector goes back to what it showed. */
      if (error != NULL)
        show_toast (self, error->message);
      self->updating = TRUE;
      gtk_drop_down_set_selected (selector,
                                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kp-shown-level")));
      self->updating = FALSE;
      return;
    }

  /* What the database now holds: a default may show through again. */
  update_levels (self);
}

static void
on_position_selection_notify_selected_item_cb (GtkSingleSelection *selection,
                                               GParamSpec         *pspec,
                                               KpStandardsView    *self)
{
  GObject *item = gtk_single_selection_get_selected_item (selection);

  if (self->updating || item == NULL)
    return;

  /* A unit's name is a heading, not a choice (a list item's "selectable" cannot be bound in
   * GTK 4.8's templates): the selection stays on the position shown. */
  if (!KP_IS_POSITION (item))
    select_shown_position (self);
  else
    show_position (self, kp_position_get_id (KP_POSITION (item)));
}

static void
on_kind_list_row_selected_cb (GtkListBox      *list,
                              GtkListBoxRow   *row,
                              KpStandardsView *self)
{
  int kind = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (self->updating)
    return;

  if (kind != self->kind)
    scroll_table_to_top (self);
  self->kind = kind;
  update_levels (self);
}

static void
on_mode_stack_notify_visible_child_name_cb (GtkStack        *stack,
                                            GParamSpec      *pspec,
                                            KpStandardsView *self)
{
  /* The kinds open on the first rather than on an empty pane. */
  if (showing_kinds (self) && self->kind < 0)
    gtk_list_box_select_row (self->kind_list, gtk_list_box_get_row_at_index (self->kind_list, 0));
  scroll_table_to_top (self);
  update_levels (self);
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry  *entry,
                                   KpStandardsView *self)
{
  g_autofree char *needle = kp_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));

  /* An empty search shows everything, not what contains "". */
  g_free (self->needle);
  self->needle = needle[0] != '\0' ? g_steal_pointer (&needle) : NULL;
  reload_position_rows (self);
}

/* Enter in the search: the first match, with the keyboard in the list to go on from there. */
static void
on_search_entry_activate_cb (GtkSearchEntry  *entry,
                             KpStandardsView *self)
{
  GListModel *rows = G_LIST_MODEL (self->position_rows);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (KP_IS_POSITION (item))
        {
          gtk_single_selection_set_selected (self->position_selection, i);
          gtk_widget_grab_focus (GTK_WIDGET (self->position_list));
          return;
        }
    }
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry  *entry,
                                KpStandardsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_positions_items_changed_cb (KpStandardsView *self)
{
  reload_position_rows (self);
  update_kind_counts (self);
  update_levels (self);
}

static void
on_competencies_items_changed_cb (KpStandardsView *self)
{
  rebuild_table (self);
  update_levels (self);
}

/* Another area (an import, a deleted competency) may have changed the standards. */
static void
on_map_cb (KpStandardsView *self)
{
  if (self->database != NULL)
    update_levels (self);
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
disconnect_database (KpStandardsView *self)
{
  if (self->positions != NULL)
    g_signal_handlers_disconnect_by_data (self->positions, self);
  if (self->competencies != NULL)
    g_signal_handlers_disconnect_by_data (self->competencies, self);
  self->positions = NULL;
  self->competencies = NULL;
}

static void
kp_standards_view_dispose (GObject *object)
{
  KpStandardsView *self = KP_STANDARDS_VIEW (object);

  clear_dialog (self);
  disconnect_database (self);
  if (self->rows != NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        g_signal_handlers_disconnect_by_data (row_selector (g_ptr_array_index (self->rows, i)), self);
      g_clear_pointer (&self->rows, g_ptr_array_unref);
    }
  /* Taking the lists down selects nothing: that is not the user choosing. Dispose may run
   * more than once: the template pointers are NULL after the first time. */
  if (self->position_selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->position_selection, self);
      g_signal_handlers_disconnect_by_data (self->kind_list, self);
      g_signal_handlers_disconnect_by_data (self->mode_stack, self);
      g_signal_handlers_disconnect_by_data (self->search_entry, self);
    }

  /* The toast overlay is both a template child and AdwBin's child: let AdwBin unparent it
   * first, or disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_STANDARDS_VIEW);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_standards_view_parent_class)->dispose (object);
}

static void
kp_standards_view_finalize (GObject *object)
{
  KpStandardsView *self = KP_STANDARDS_VIEW (object);

  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problems_name, g_free);

  G_OBJECT_CLASS (kp_standards_view_parent_class)->finalize (object);
}

static void
kp_standards_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KpStandardsView *self = KP_STANDARDS_VIEW (object);

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
kp_standards_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KpStandardsView *self = KP_STANDARDS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      kp_standards_view_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_standards_view_class_init (KpStandardsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_standards_view_dispose;
  object_class->finalize = kp_standards_view_finalize;
  object_class->get_property = kp_standards_view_get_property;
  object_class->set_property = kp_standards_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-standards-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, positions_stack);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, position_list);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, kind_list);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, table_scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, context_label);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, apply_button);
  gtk_widget_class_bind_template_child_full (widget_class, "managerial_group", FALSE,
                                             G_STRUCT_OFFSET (KpStandardsView, groups[KP_COMPETENCY_MANAGERIAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "sociocultural_group", FALSE,
                                             G_STRUCT_OFFSET (KpStandardsView, groups[KP_COMPETENCY_SOCIOCULTURAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "technical_group", FALSE,
                                             G_STRUCT_OFFSET (KpStandardsView, groups[KP_COMPETENCY_TECHNICAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "managerial_list", FALSE,
                                             G_STRUCT_OFFSET (KpStandardsView, lists[KP_COMPETENCY_MANAGERIAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "sociocultural_list", FALSE,
                                             G_STRUCT_OFFSET (KpStandardsView, lists[KP_COMPETENCY_SOCIOCULTURAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "technical_list", FALSE,
                                             G_STRUCT_OFFSET (KpStandardsView, lists[KP_COMPETENCY_TECHNICAL]));
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, position_rows);
  gtk_widget_class_bind_template_child (widget_class, KpStandardsView, position_selection);

  gtk_widget_class_bind_template_callback (widget_class, row_is_position);
  gtk_widget_class_bind_template_callback (widget_class, row_is_unit);
  gtk_widget_class_bind_template_callback (widget_class, format_row_unit);
  gtk_widget_class_bind_template_callback (widget_class, format_row_title);
  gtk_widget_class_bind_template_callback (widget_class, format_row_kind);
  gtk_widget_class_bind_template_callback (widget_class, on_position_selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_stack_notify_visible_child_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "standards.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "standards.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "standards.export-xlsx", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "standards.apply-kind", NULL, apply_kind_action);
  gtk_widget_class_install_action (widget_class, "standards.reset", "x", reset_action);
  gtk_widget_class_install_action (widget_class, "standards.show-kinds", NULL, show_kinds_action);
}

static void
kp_standards_view_init (KpStandardsView *self)
{
  self->kind = -1;
  self->dialog_subject = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_kind_list (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  update_levels (self);
}

/* ---- public API -------------------------------------------------------------------------- */

/**
 * kp_standards_view_new:
 *
 * Returns: (transfer floating): a new view showing no database yet
 */
GtkWidget *
kp_standards_view_new (void)
{
  return g_object_new (KP_TYPE_STANDARDS_VIEW, NULL);
}

/**
 * kp_standards_view_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose standards are shown
 */
KpDatabase *
kp_standards_view_get_database (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return self->database;
}

/**
 * kp_standards_view_set_database:
 * @database: (nullable): the database whose standards to show and change
 */
void
kp_standards_view_set_database (KpStandardsView *self,
                                KpDatabase      *database)
{
  g_return_if_fail (KP_IS_STANDARDS_VIEW (self));
  g_return_if_fail (database == NULL || KP_IS_DATABASE (database));

  if (self->database == database)
    return;

  clear_dialog (self);
  disconnect_database (self);
  g_set_object (&self->database, database);
  self->position_id = 0;

  if (database != NULL)
    {
      self->positions = kp_database_get_positions (database);
      self->competencies = kp_database_get_competencies (database);
      g_signal_connect_swapped (self->positions, "items-changed",
                                G_CALLBACK (on_positions_items_changed_cb), self);
      g_signal_connect_swapped (self->competencies, "items-changed",
                                G_CALLBACK (on_competencies_items_changed_cb), self);
    }

  reload_position_rows (self);
  update_kind_counts (self);
  rebuild_table (self);
  update_levels (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * kp_standards_view_focus_search:
 *
 * Shows the positions and moves the keyboard focus to their search entry, its text selected.
 */
void
kp_standards_view_focus_search (KpStandardsView *self)
{
  g_return_if_fail (KP_IS_STANDARDS_VIEW (self));

  gtk_stack_set_visible_child_name (self->mode_stack, "positions");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
_kp_standards_view_import_file (KpStandardsView *self,
                                GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  KpImportCounts counts = { 0 };

  g_return_if_fail (KP_IS_STANDARDS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->database != NULL);

  /* Standards are a few rows per position: the import is quick enough for this thread. Rows
   * that can go in do; the others are listed for correction. */
  if (!kp_import_result_run (kp_standards_import, self->database, file, &counts, &summary,
                             &self->problems, &self->problems_name, &error))
    {
      show_refusal (self, _("Cannot Import the Standards"), error->message);
      return;
    }

  update_levels (self);
  if (self->problems != NULL)
    show_refused_rows (self, &counts, summary);
  else
    show_toast (self, summary);
}

gboolean
_kp_standards_view_export_file (KpStandardsView *self,
                                GFile           *file,
                                gboolean         xlsx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean done;

  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_refusal (self, _("Cannot Export the Standards"),
                    _("Only files on this computer or a mounted network drive can be written."));
      return FALSE;
    }

  /* One row per own level: even a few thousand positions write in a moment. */
  if (xlsx)
    done = kp_report_export_standards_xlsx (self->database, path, &error);
  else
    done = kp_standards_export_csv (self->database, path, &error);
  if (!done)
    {
      show_refusal (self, _("Cannot Export the Standards"), error->message);
      return FALSE;
    }

  name = g_file_get_basename (file);
  /* Translators: a toast; %s is the name of the file written */
  message = g_strdup_printf (_("Standards exported to “%s”"), name);
  show_toast (self, message);
  return TRUE;
}

GtkStack *
_kp_standards_view_get_mode_stack (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return self->mode_stack;
}

GtkSearchEntry *
_kp_standards_view_get_search_entry (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return self->search_entry;
}

GtkSingleSelection *
_kp_standards_view_get_position_selection (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return self->position_selection;
}

GtkListBox *
_kp_standards_view_get_kind_list (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return self->kind_list;
}

const char *
_kp_standards_view_get_positions_page (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->positions_stack);
}

const char *
_kp_standards_view_get_detail_page (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->detail_stack);
}

gint64
_kp_standards_view_get_shown_position (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), 0);

  return !showing_kinds (self) && g_strcmp0 (_kp_standards_view_get_detail_page (self), "table") == 0
         ? self->position_id : 0;
}

int
_kp_standards_view_get_shown_kind (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), -1);

  return showing_kinds (self) && g_strcmp0 (_kp_standards_view_get_detail_page (self), "table") == 0
         ? self->kind : -1;
}

GtkLabel *
_kp_standards_view_get_title_label (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return self->title_label;
}

AdwActionRow *
_kp_standards_view_get_row (KpStandardsView *self,
                            gint64           competency_id)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return find_row (self, competency_id);
}

GtkDropDown *
_kp_standards_view_get_level_selector (KpStandardsView *self,
                                       gint64           competency_id)
{
  AdwActionRow *row;

  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  row = find_row (self, competency_id);
  return row != NULL ? row_selector (row) : NULL;
}

GtkButton *
_kp_standards_view_get_reset_button (KpStandardsView *self,
                                     gint64           competency_id)
{
  AdwActionRow *row;

  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  row = find_row (self, competency_id);
  return row != NULL ? GTK_BUTTON (row_reset_button (row)) : NULL;
}

AdwMessageDialog *
_kp_standards_view_get_dialog (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return self->dialog;
}

GtkListBox *
_kp_standards_view_get_dialog_problems (KpStandardsView *self)
{
  g_return_val_if_fail (KP_IS_STANDARDS_VIEW (self), NULL);

  return self->dialog_problems;
}
