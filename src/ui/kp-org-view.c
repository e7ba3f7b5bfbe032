/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-org-view.c: the organisation: the units as a tree, the positions of the chosen unit, and
 * the dialogs that add, rename, move and delete them.
 *
 * Layout, models and columns are declared in kp-org-view.ui. The tree is a GtkTreeListModel
 * whose root is the top-level units and whose children, for each unit, are a
 * GtkFilterListModel of the units with that parent. It does not read the database's store
 * directly but a snapshot of it (unit_snapshot): the store re-emits its whole list after every
 * change, which would collapse the tree and lose the selection; replacing the snapshot
 * ourselves lets us note what was expanded and selected first and restore it afterwards.
 *
 * Every change goes through kp_register_*, which validates, writes one audit event and reloads
 * the stores; a refusal shows the model's own message. The dialogs are AdwMessageDialogs built
 * here on demand, one at a time (they are modal). */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-org-view.h"
#include "kp-org-view-private.h"

/* What the dialog on screen is for. */
typedef enum {
  DIALOG_NONE,
  DIALOG_ADD_UNIT,        /* subject: the parent unit, 0 for the top level */
  DIALOG_RENAME_UNIT,     /* subject: the unit */
  DIALOG_MOVE_UNIT,       /* subject: the unit */
  DIALOG_DELETE_UNIT,     /* subject: the unit */
  DIALOG_ADD_POSITION,    /* subject: the unit */
  DIALOG_EDIT_POSITION,   /* subject: the position */
  DIALOG_DELETE_POSITION, /* subject: the position */
  DIALOG_REFUSAL,
} DialogKind;

/* Indentation of a sub-unit in the Move dialog's list, per level. */
#define TARGET_INDENT 18

struct _KpOrgView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *main_stack;
  GtkListView *unit_list;
  GtkLabel *unit_title_label;
  GtkLabel *unit_subtitle_label;
  GtkStack *positions_stack;
  GtkColumnView *position_view;

  /* template objects */
  GtkSingleSelection *unit_selection;
  GListStore *unit_snapshot;
  GtkSingleSelection *position_selection;
  GtkFilterListModel *position_filter_model;
  GtkCustomFilter *position_filter;

  /* borrowed from the database */
  GListModel *units;
  GListModel *positions;

  /* owned */
  KpDatabase *database;
  GtkTreeListModel *tree_model;
  GHashTable *parent_ids;  /* set of gint64: the units that have sub-units */
  gint64 unit_id;          /* the unit whose positions are shown; 0 for none */
  gint64 position_id;      /* the selected position, kept across reloads; 0 for none */
  gboolean reloading_units;
  gboolean reloading_positions;

  /* the dialog on screen: GTK owns it, these are weak pointers */
  AdwMessageDialog *dialog;
  GtkEditable *dialog_entry;
  GtkDropDown *dialog_drop_down;
  /* and what it is about */
  DialogKind dialog_kind;
  gint64 dialog_subject;
  char *dialog_original_text;   /* an edit: the name or title it started with */
  guint dialog_original_choice; /* an edit: the drop-down item it started with */
  GHashTable *dialog_depths;    /* Move: unit id → depth in the tree */
};

G_DEFINE_FINAL_TYPE (KpOrgView, kp_org_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- finding things --------------------------------------------------------------------- */

static KpUnit *
dup_unit (KpOrgView *self,
          gint64     unit_id)
{
  GListModel *units = G_LIST_MODEL (self->unit_snapshot);
  guint n = g_list_model_get_n_items (units);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpUnit) unit = g_list_model_get_item (units, i);

      if (kp_unit_get_id (unit) == unit_id)
        return g_steal_pointer (&unit);
    }

  return NULL;
}

static guint
count_sub_units (KpOrgView *self,
                 gint64     unit_id)
{
  GListModel *units = G_LIST_MODEL (self->unit_snapshot);
  guint n = g_list_model_get_n_items (units);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpUnit) unit = g_list_model_get_item (units, i);

      if (kp_unit_get_parent_id (unit) == unit_id)
        count++;
    }

  return count;
}

/* The head count of a unit and everything under it. */
static guint
count_employees_within (KpOrgView *self,
                        gint64     unit_id)
{
  GListModel *units = G_LIST_MODEL (self->unit_snapshot);
  guint n = g_list_model_get_n_items (units);
  g_autoptr(GHashTable) within = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint total = 0;
  gboolean grew = TRUE;

  g_hash_table_add (within, g_memdup2 (&unit_id, sizeof unit_id));

  /* Units come by name, not parents first: sweep until no unit joins (one sweep per level). */
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KpUnit) unit = g_list_model_get_item (units, i);
          gint64 id = kp_unit_get_id (unit);
          gint64 parent_id = kp_unit_get_parent_id (unit);

          if (parent_id > 0 && !g_hash_table_contains (within, &id) &&
              g_hash_table_contains (within, &parent_id))
            {
              g_hash_table_add (within, g_memdup2 (&id, sizeof id));
              grew = TRUE;
            }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpUnit) unit = g_list_model_get_item (units, i);
      gint64 id = kp_unit_get_id (unit);

      if (g_hash_table_contains (within, &id))
        total += kp_unit_get_n_employees (unit);
    }

  return total;
}

static gint64
row_unit_id (GtkTreeListRow *row)
{
  g_autoptr(KpUnit) unit = gtk_tree_list_row_get_item (row);

  return unit != NULL ? kp_unit_get_id (unit) : 0;
}

static KpPosition *
dup_selected_position (KpOrgView *self)
{
  KpPosition *position = gtk_single_selection_get_selected_item (self->position_selection);

  return position != NULL ? g_object_ref (position) : NULL;
}

/* GTK 4.8 has no public scroll_to for list views, but every list view has this action. */
static void
scroll_to (GtkWidget *list_view,
           guint      position)
{
  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

/* ---- the models' functions --------------------------------------------------------------- */

static gboolean
is_top_level (gpointer item,
              gpointer user_data)
{
  return kp_unit_get_parent_id (item) == 0;
}

static gboolean
is_sub_unit_of (gpointer item,
                gpointer user_data)
{
  const gint64 *parent_id = user_data;

  return kp_unit_get_parent_id (item) == *parent_id;
}

/* The children of one row of the tree. NULL for a unit without sub-units, so that its row
 * shows no expander. */
static GListModel *
create_sub_units (gpointer item,
                  gpointer user_data)
{
  KpOrgView *self = user_data;
  gint64 unit_id = kp_unit_get_id (item);
  GtkCustomFilter *filter;

  if (!g_hash_table_contains (self->parent_ids, &unit_id))
    return NULL;

  filter = gtk_custom_filter_new (is_sub_unit_of, g_memdup2 (&unit_id, sizeof unit_id), g_free);
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->unit_snapshot)),
                                                  GTK_FILTER (filter)));
}

static gboolean
is_in_shown_unit (gpointer item,
                  gpointer user_data)
{
  KpOrgView *self = user_data;

  return self->unit_id > 0 && kp_position_get_unit_id (item) == self->unit_id;
}

/* ---- cell formatters, named by the <closure> elements in the .ui -------------------------- */

static char *
format_head_count (guint n_employees)
{
  if (n_employees == 0)
    return g_strdup (_("No employees"));

  /* Translators: the head count of a unit, e.g. "1,234 employees"; %'u prints the number with
   * the locale's digit grouping. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u employee", "%'u employees",
                                       n_employees),
                          n_employees);
}

static char *
format_unit_name (gpointer  unused,
                  KpUnit   *unit)
{
  return unit != NULL ? g_strdup (kp_unit_get_name (unit)) : NULL;
}

static char *
format_unit_head_count (gpointer  unused,
                        KpUnit   *unit)
{
  return unit != NULL ? format_head_count (kp_unit_get_n_employees (unit)) : NULL;
}

static char *
format_position_title (gpointer    unused,
                       KpPosition *position)
{
  return position != NULL ? g_strdup (kp_position_get_title (position)) : NULL;
}

static char *
format_position_kind (gpointer    unused,
                      KpPosition *position)
{
  return position != NULL ? g_strdup (kp_position_get_kind_name (position)) : NULL;
}

static char *
format_position_employees (gpointer    unused,
                           KpPosition *position)
{
  return position != NULL ? g_strdup_printf ("%'u", kp_position_get_n_employees (position)) : NULL;
}

/* ---- showing the state ------------------------------------------------------------------ */

static void
update_actions (KpOrgView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_database = self->database != NULL;
  gboolean has_unit = has_database && self->unit_id > 0;
  gboolean has_position = has_unit &&
                          gtk_single_selection_get_selected_item (self->position_selection) != NULL;

  gtk_widget_action_set_enabled (widget, "org.add-unit", has_database);
  gtk_widget_action_set_enabled (widget, "org.add-sub-unit", has_unit);
  gtk_widget_action_set_enabled (widget, "org.rename-unit", has_unit);
  gtk_widget_action_set_enabled (widget, "org.move-unit", has_unit);
  gtk_widget_action_set_enabled (widget, "org.delete-unit", has_unit);
  gtk_widget_action_set_enabled (widget, "org.add-position", has_unit);
  gtk_widget_action_set_enabled (widget, "org.edit-position", has_position);
  gtk_widget_action_set_enabled (widget, "org.delete-position", has_position);
}

/* The heading of the right pane: the unit's name, where it sits, its size. */
static void
update_header (KpOrgView *self)
{
  g_autoptr(KpUnit) unit = self->unit_id > 0 ? dup_unit (self, self->unit_id) : NULL;
  g_autoptr(KpUnit) parent = NULL;
  g_autofree char *place = NULL;
  g_autofree char *positions = NULL;
  g_autofree char *employees = NULL;
  g_autofree char *subtitle = NULL;
  guint n_positions;

  if (unit == NULL)
    {
      gtk_label_set_label (self->unit_title_label, "");
      gtk_label_set_label (self->unit_subtitle_label, "");
      return;
    }

  if (kp_unit_get_parent_id (unit) > 0)
    parent = dup_unit (self, kp_unit_get_parent_id (unit));
  if (parent != NULL)
    /* Translators: where a unit sits in the organisation; %s is its parent unit */
    place = g_strdup_printf (_("Part of %s"), kp_unit_get_name (parent));
  else
    place = g_strdup (_("Top-level unit"));

  n_positions = g_list_model_get_n_items (G_LIST_MODEL (self->position_filter_model));
  if (n_positions == 0)
    positions = g_strdup (_("No positions"));
  else
    /* Translators: the number of positions in a unit; %'u prints the number with the
     * locale's digit grouping */
    positions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u position", "%'u positions",
                                              n_positions),
                                 n_positions);
  employees = format_head_count (kp_unit_get_n_employees (unit));
  /* A parent's own head count leaves out its sub-units, which the reader would not guess. */
  if (count_sub_units (self, self->unit_id) > 0)
    {
      g_autofree char *own = g_steal_pointer (&employees);

      /* Translators: a unit's own head count, then the count with its sub-units, e.g.
       * "24 employees (94 with sub-units)"; %'u prints the number with digit grouping */
      employees = g_strdup_printf (_("%s (%'u with sub-units)"), own,
                                   count_employees_within (self, self->unit_id));
    }

  /* Translators: the line under a unit's name: where it sits, its positions, its head count,
   * e.g. "Part of Dinas Kesehatan · 12 positions · 24 employees" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), place, positions, employees);

  gtk_label_set_label (self->unit_title_label, kp_unit_get_name (unit));
  gtk_label_set_label (self->unit_subtitle_label, subtitle);
}

static void
update_positions_page (KpOrgView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->position_filter_model));

  gtk_stack_set_visible_child_name (self->positions_stack, n > 0 ? "list" : "empty");
}

static void
update_page (KpOrgView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->unit_snapshot));

  gtk_stack_set_visible_child_name (self->main_stack, n > 0 ? "units" : "empty");
}

/* Follows the tree's selection: the positions, the heading and the actions. */
static void
update_unit (KpOrgView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->unit_selection);
  gint64 unit_id = row != NULL ? row_unit_id (row) : 0;

  if (unit_id != self->unit_id)
    {
      self->unit_id = unit_id;
      self->position_id = 0;
      gtk_filter_changed (GTK_FILTER (self->position_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }

  update_header (self);
  update_positions_page (self);
  update_actions (self);
}

/* Selects the row of @unit_id, expanding its parents so that it has one. */
static gboolean
select_unit (KpOrgView *self,
             gint64     unit_id)
{
  g_autoptr(GHashTable) ancestors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(KpUnit) unit = dup_unit (self, unit_id);
  GListModel *rows = G_LIST_MODEL (self->tree_model);
  guint n_units = g_list_model_get_n_items (G_LIST_MODEL (self->unit_snapshot));
  gint64 at;

  if (unit == NULL)
    return FALSE;

  /* The model refuses loops; the count only keeps a damaged file from hanging us. */
  at = kp_unit_get_parent_id (unit);
  for (guint steps = 0; at > 0 && steps < n_units; steps++)
    {
      g_autoptr(KpUnit) parent = dup_unit (self, at);

      if (parent == NULL)
        break;
      g_hash_table_add (ancestors, g_memdup2 (&at, sizeof at));
      at = kp_unit_get_parent_id (parent);
    }

  /* Expanding a row inserts its children right after it, so one pass top-down reaches them. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      gint64 id = row_unit_id (row);

      if (id == unit_id)
        {
          gtk_single_selection_set_selected (self->unit_selection, i);
          scroll_to (GTK_WIDGET (self->unit_list), i);
          update_unit (self);
          return TRUE;
        }
      if (g_hash_table_contains (ancestors, &id))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }

  return FALSE;
}

static void
select_position (KpOrgView *self,
                 gint64     position_id)
{
  GListModel *rows = G_LIST_MODEL (self->position_selection);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n && position_id > 0; i++)
    {
      g_autoptr(KpPosition) position = g_list_model_get_item (rows, i);

      if (kp_position_get_id (position) == position_id)
        {
          gtk_single_selection_set_selected (self->position_selection, i);
          /* The column view scrolls through the list view inside it. */
          for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->position_view));
               child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LIST_VIEW (child))
              scroll_to (child, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->position_selection, GTK_INVALID_LIST_POSITION);
}

/* Replaces the snapshot with the database's units, keeping the expanded rows expanded and the
 * selected unit selected. */
static void
reload_units (KpOrgView *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *rows = G_LIST_MODEL (self->tree_model);
  gint64 selected = self->unit_id;
  guint n;

  /* Read from the tree while it still shows the old snapshot. */
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);

      if (gtk_tree_list_row_get_expanded (row))
        {
          gint64 id = row_unit_id (row);

          g_hash_table_add (expanded, g_memdup2 (&id, sizeof id));
        }
    }

  /* Before the tree asks which units have children. */
  g_hash_table_remove_all (self->parent_ids);
  n = self->units != NULL ? g_list_model_get_n_items (self->units) : 0;
  for (guint i = 0; i < n; i++)
    {
      KpUnit *unit = g_list_model_get_item (self->units, i);
      gint64 parent_id = kp_unit_get_parent_id (unit);

      if (parent_id > 0)
        g_hash_table_add (self->parent_ids, g_memdup2 (&parent_id, sizeof parent_id));
      g_ptr_array_add (items, unit);
    }

  /* The tree collapses and the selection jumps while the snapshot is replaced: that is not the
   * user choosing another unit. */
  self->reloading_units = TRUE;
  g_list_store_splice (self->unit_snapshot, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->unit_snapshot)),
                       items->pdata, items->len);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      gint64 id = row_unit_id (row);

      if (g_hash_table_contains (expanded, &id))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  self->reloading_units = FALSE;

  update_page (self);
  /* A deleted unit leaves the selection where the list put it. */
  if (selected == 0 || !select_unit (self, selected))
    update_unit (self);
}

/* ---- dialogs --------------------------------------------------------------------------- */

static void
clear_dialog (KpOrgView *self)
{
  AdwMessageDialog *dialog = self->dialog;

  if (dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (dialog, self);
  if (self->dialog_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->dialog_entry, self);
  if (self->dialog_drop_down != NULL)
    g_signal_handlers_disconnect_by_data (self->dialog_drop_down, self);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->dialog_entry);
  g_clear_weak_pointer (&self->dialog_drop_down);
  self->dialog_kind = DIALOG_NONE;
  self->dialog_subject = 0;
  g_clear_pointer (&self->dialog_original_text, g_free);
  g_clear_pointer (&self->dialog_depths, g_hash_table_unref);

  /* A response button has closed it already; this is for every other way in. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static const char *
accept_response (DialogKind kind)
{
  switch (kind)
    {
    case DIALOG_ADD_UNIT:
    case DIALOG_ADD_POSITION:
      return "add";

    case DIALOG_RENAME_UNIT:
      return "rename";

    case DIALOG_MOVE_UNIT:
      return "move";

    case DIALOG_DELETE_UNIT:
    case DIALOG_DELETE_POSITION:
      return "delete";

    case DIALOG_EDIT_POSITION:
      return "save";

    case DIALOG_NONE:
    case DIALOG_REFUSAL:
    default:
      return NULL;
    }
}

/* The entry's text without surrounding spaces (the model strips them too), or NULL. */
static char *
dup_entry_text (KpOrgView *self)
{
  if (self->dialog_entry == NULL)
    return NULL;

  return g_strstrip (g_strdup (gtk_editable_get_text (self->dialog_entry)));
}

static guint
get_choice (KpOrgView *self)
{
  if (self->dialog_drop_down == NULL)
    return GTK_INVALID_LIST_POSITION;

  return gtk_drop_down_get_selected (self->dialog_drop_down);
}

/* The main response stays disabled until it would do something. */
static void
update_dialog_response (KpOrgView *self)
{
  g_autofree char *text = dup_entry_text (self);
  gboolean has_text = text != NULL && text[0] != '\0';
  guint choice = get_choice (self);
  gboolean enabled;

  switch (self->dialog_kind)
    {
    case DIALOG_ADD_UNIT:
      enabled = has_text;
      break;

    case DIALOG_RENAME_UNIT:
      enabled = has_text && g_strcmp0 (text, self->dialog_original_text) != 0;
      break;

    case DIALOG_MOVE_UNIT:
      enabled = choice != GTK_INVALID_LIST_POSITION && choice != self->dialog_original_choice;
      break;

    case DIALOG_ADD_POSITION:
      enabled = has_text && choice != GTK_INVALID_LIST_POSITION;
      break;

    case DIALOG_EDIT_POSITION:
      enabled = has_text && choice != GTK_INVALID_LIST_POSITION &&
                (g_strcmp0 (text, self->dialog_original_text) != 0 ||
                 choice != self->dialog_original_choice);
      break;

    case DIALOG_NONE:
    case DIALOG_DELETE_UNIT:
    case DIALOG_DELETE_POSITION:
    case DIALOG_REFUSAL:
    default:
      return;
    }

  adw_message_dialog_set_response_enabled (self->dialog, accept_response (self->dialog_kind),
                                           enabled);
}

static void
on_dialog_entry_changed_cb (KpOrgView *self)
{
  update_dialog_response (self);
}

static void
on_dialog_drop_down_notify_selected_cb (KpOrgView *self)
{
  update_dialog_response (self);
}

static void on_dialog_response_cb (AdwMessageDialog *dialog,
                                   const char       *response,
                                   KpOrgView        *self);

/* A new modal dialog over our window, replacing any other. */
static AdwMessageDialog *
new_dialog (KpOrgView  *self,
            DialogKind  kind,
            gint64      subject,
            const char *heading,
            const char *body)
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

  if (kind == DIALOG_REFUSAL)
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
add_accept_response (KpOrgView             *self,
                     const char            *label,
                     AdwResponseAppearance  appearance)
{
  const char *response = accept_response (self->dialog_kind);

  adw_message_dialog_add_response (self->dialog, response, label);
  adw_message_dialog_set_response_appearance (self->dialog, response, appearance);
  /* Enter in a form confirms; a deletion needs a deliberate click. */
  if (appearance == ADW_RESPONSE_DESTRUCTIVE)
    adw_message_dialog_set_default_response (self->dialog, "cancel");
  else
    adw_message_dialog_set_default_response (self->dialog, response);
}

static GtkWidget *
new_entry (KpOrgView  *self,
           const char *text,
           const char *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();

  /* Enter activates the default response (unless it is disabled). */
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  /* The model's limit for names and titles. */
  gtk_entry_set_max_length (GTK_ENTRY (entry), 200);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  g_set_weak_pointer (&self->dialog_entry, GTK_EDITABLE (entry));
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_dialog_entry_changed_cb), self);

  return entry;
}

static void
watch_drop_down (KpOrgView *self,
                 GtkWidget *drop_down)
{
  g_set_weak_pointer (&self->dialog_drop_down, GTK_DROP_DOWN (drop_down));
  g_signal_connect_swapped (drop_down, "notify::selected",
                            G_CALLBACK (on_dialog_drop_down_notify_selected_cb), self);
}

static void
present_dialog (KpOrgView *self)
{
  update_dialog_response (self);
  gtk_window_present (GTK_WINDOW (self->dialog));
  if (self->dialog_entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->dialog_entry));
}

static void
show_refusal (KpOrgView  *self,
              const char *heading,
              const char *message)
{
  new_dialog (self, DIALOG_REFUSAL, 0, heading, message);
  adw_message_dialog_set_default_response (self->dialog, "close");
  present_dialog (self);
}

/* A form with one name. */
static void
open_name_dialog (KpOrgView  *self,
                  DialogKind  kind,
                  gint64      subject,
                  const char *heading,
                  const char *body,
                  const char *name,
                  const char *accept_label)
{
  GtkWidget *entry;

  new_dialog (self, kind, subject, heading, body);
  add_accept_response (self, accept_label, ADW_RESPONSE_SUGGESTED);

  entry = new_entry (self, name, _("Unit name"));
  adw_message_dialog_set_extra_child (self->dialog, entry);
  self->dialog_original_text = g_strdup (name);

  present_dialog (self);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/* A form with a position's title and kind. */
static void
open_position_dialog (KpOrgView  *self,
                      DialogKind  kind,
                      gint64      subject,
                      const char *heading,
                      const char *body,
                      const char *title,
                      guint       position_kind,
                      const char *accept_label)
{
  const char *kinds[KP_POSITION_KIND_COUNT + 1];
  GtkWidget *box, *label, *entry, *drop_down;

  for (int i = 0; i < KP_POSITION_KIND_COUNT; i++)
    kinds[i] = kp_position_kind_to_string (i);
  kinds[KP_POSITION_KIND_COUNT] = NULL;

  new_dialog (self, kind, subject, heading, body);
  add_accept_response (self, accept_label, ADW_RESPONSE_SUGGESTED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  label = gtk_label_new_with_mnemonic (_("_Title"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  entry = new_entry (self, title, _("Title"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_box_append (GTK_BOX (box), entry);

  label = gtk_label_new_with_mnemonic (_("_Kind"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  drop_down = gtk_drop_down_new_from_strings (kinds);
  /* A new position has no kind until the user picks one: a wrong default would go unnoticed. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), position_kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"),
                                  -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_box_append (GTK_BOX (box), drop_down);
  watch_drop_down (self, drop_down);

  adw_message_dialog_set_extra_child (self->dialog, box);
  self->dialog_original_text = g_strdup (title);
  self->dialog_original_choice = position_kind;

  present_dialog (self);
}

/* The Move dialog's list: the top level, then every unit in tree order, leaving out @unit_id
 * and everything under it (a unit cannot move into itself). */
static void
add_move_targets (KpOrgView  *self,
                  GListStore *targets,
                  gint64      parent_id,
                  int         depth,
                  gint64      unit_id)
{
  GListModel *units = G_LIST_MODEL (self->unit_snapshot);
  guint n = g_list_model_get_n_items (units);

  if ((guint) depth > n)
    return; /* a damaged file with a loop */

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpUnit) unit = g_list_model_get_item (units, i);
      gint64 id = kp_unit_get_id (unit);

      if (kp_unit_get_parent_id (unit) != parent_id || id == unit_id)
        continue;

      g_list_store_append (targets, unit);
      g_hash_table_insert (self->dialog_depths, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (depth));
      add_move_targets (self, targets, id, depth + 1, unit_id);
    }
}

static void
on_target_factory_setup_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            KpOrgView                *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
on_target_factory_bind_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           KpOrgView                *self)
{
  KpUnit *unit = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), kp_unit_get_name (unit));
  gtk_widget_set_tooltip_text (label, kp_unit_get_name (unit));
}

/* In the open list, sub-units are indented under their parent. */
static void
on_target_list_factory_bind_cb (GtkSignalListItemFactory *factory,
                                GtkListItem              *item,
                                KpOrgView                *self)
{
  KpUnit *unit = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  gint64 id = kp_unit_get_id (unit);
  int depth = 0;

  if (self->dialog_depths != NULL)
    depth = GPOINTER_TO_INT (g_hash_table_lookup (self->dialog_depths, &id));

  on_target_factory_bind_cb (factory, item, self);
  gtk_widget_set_margin_start (label, TARGET_INDENT * depth);
}

static GtkListItemFactory *
new_target_factory (KpOrgView *self,
                    GCallback  bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* The dialog may outlive us by a moment while it closes. */
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_target_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", bind, self, 0);

  return factory;
}

static void
open_move_dialog (KpOrgView *self,
                  KpUnit    *unit)
{
  g_autoptr(GListStore) targets = g_list_store_new (KP_TYPE_UNIT);
  g_autoptr(KpUnit) top_level = kp_unit_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  g_autofree char *body = NULL;
  GtkWidget *drop_down;
  guint current = 0;

  /* Translators: the body of the Move Unit dialog; %s is the unit */
  body = g_strdup_printf (_("Choose the unit that “%s” belongs to. Its sub-units and positions "
                            "move with it."),
                          kp_unit_get_name (unit));
  new_dialog (self, DIALOG_MOVE_UNIT, kp_unit_get_id (unit), _("Move Unit"), body);
  add_accept_response (self, _("_Move"), ADW_RESPONSE_SUGGESTED);

  /* Id 0: the item for "no parent". */
  kp_unit_set_name (top_level, _("Top level (no parent unit)"));
  g_list_store_append (targets, top_level);
  self->dialog_depths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  add_move_targets (self, targets, 0, 0, kp_unit_get_id (unit));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (targets)); i++)
    {
      g_autoptr(KpUnit) target = g_list_model_get_item (G_LIST_MODEL (targets), i);

      if (kp_unit_get_id (target) == kp_unit_get_parent_id (unit))
        current = i;
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&targets)),
                                 gtk_property_expression_new (KP_TYPE_UNIT, NULL, "name"));
  factory = new_target_factory (self, G_CALLBACK (on_target_factory_bind_cb));
  list_factory = new_target_factory (self, G_CALLBACK (on_target_list_factory_bind_cb));
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Parent unit"),
                                  -1);
  watch_drop_down (self, drop_down);
  self->dialog_original_choice = current;

  adw_message_dialog_set_extra_child (self->dialog, drop_down);
  present_dialog (self);
  gtk_widget_grab_focus (drop_down);
}

/* ---- the changes ---------------------------------------------------------------------- */

static void
delete_unit (KpOrgView *self,
             gint64     unit_id)
{
  g_autoptr(GError) error = NULL;

  if (!kp_register_delete_unit (self->database, unit_id, &error))
    show_refusal (self, _("Cannot Delete Unit"), error->message);
}

static void
delete_position (KpOrgView *self,
                 gint64     position_id)
{
  g_autoptr(GError) error = NULL;

  if (!kp_register_delete_position (self->database, position_id, &error))
    show_refusal (self, _("Cannot Delete Position"), error->message);
}

static void
apply_dialog (KpOrgView  *self,
              DialogKind  kind,
              gint64      subject,
              const char *text,
              guint       choice,
              gint64      target_id)
{
  g_autoptr(GError) error = NULL;
  const char *heading = NULL;
  gint64 id;

  switch (kind)
    {
    case DIALOG_ADD_UNIT:
      id = kp_register_add_unit (self->database, text, subject, &error);
      if (id > 0)
        select_unit (self, id);
      else
        heading = subject > 0 ? _("Cannot Add Sub-unit") : _("Cannot Add Unit");
      break;

    case DIALOG_RENAME_UNIT:
      if (!kp_register_rename_unit (self->database, subject, text, &error))
        heading = _("Cannot Rename Unit");
      break;

    case DIALOG_MOVE_UNIT:
      if (kp_register_move_unit (self->database, subject, target_id, &error))
        select_unit (self, subject); /* shows it at its new place */
      else
        heading = _("Cannot Move Unit");
      break;

    case DIALOG_DELETE_UNIT:
      delete_unit (self, subject);
      break;

    case DIALOG_ADD_POSITION:
      id = kp_register_add_position (self->database, subject, text, (int) choice, &error);
      if (id > 0)
        {
          self->position_id = id;
          select_position (self, id);
        }
      else
        heading = _("Cannot Add Position");
      break;

    case DIALOG_EDIT_POSITION:
      if (!kp_register_update_position (self->database, subject, text, (int) choice, &error))
        heading = _("Cannot Change Position");
      break;

    case DIALOG_DELETE_POSITION:
      delete_position (self, subject);
      break;

    case DIALOG_NONE:
    case DIALOG_REFUSAL:
    default:
      break;
    }

  if (error != NULL)
    show_refusal (self, heading, error->message);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       KpOrgView        *self)
{
  g_autoptr(AdwMessageDialog) hold = g_object_ref (dialog);
  DialogKind kind = self->dialog_kind;
  gint64 subject = self->dialog_subject;
  const char *accept = accept_response (kind);
  g_autofree char *text = dup_entry_text (self);
  guint choice = get_choice (self);
  gint64 target_id = 0;
  gboolean accepted;

  /* A disabled response cannot be clicked, but adw_message_dialog_response () can send it. */
  accepted = accept != NULL && g_strcmp0 (response, accept) == 0 &&
             adw_message_dialog_get_response_enabled (dialog, accept);

  if (accepted && kind == DIALOG_MOVE_UNIT)
    {
      g_autoptr(KpUnit) target = g_list_model_get_item (gtk_drop_down_get_model (self->dialog_drop_down),
                                                        choice);

      target_id = kp_unit_get_id (target);
    }

  /* The dialog goes first: a refusal opens a new one. */
  clear_dialog (self);

  if (accepted && self->database != NULL)
    apply_dialog (self, kind, subject, text, choice, target_id);
}

/* ---- actions --------------------------------------------------------------------------- */

static void
add_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KpOrgView *self = KP_ORG_VIEW (widget);

  open_name_dialog (self, DIALOG_ADD_UNIT, 0, _("Add Unit"),
                    _("The new unit is placed at the top level of the organisation. Its name "
                      "must differ from the names of all other units."),
                    "", _("_Add"));
}

static void
add_sub_unit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpOrgView *self = KP_ORG_VIEW (widget);
  g_autoptr(KpUnit) parent = dup_unit (self, self->unit_id);
  g_autofree char *body = NULL;

  if (parent == NULL)
    return;

  /* Translators: the body of the Add Sub-unit dialog; %s is the parent unit */
  body = g_strdup_printf (_("The new unit is placed under “%s”."), kp_unit_get_name (parent));
  open_name_dialog (self, DIALOG_ADD_UNIT, kp_unit_get_id (parent), _("Add Sub-unit"), body,
                    "", _("_Add"));
}

static void
rename_unit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KpOrgView *self = KP_ORG_VIEW (widget);
  g_autoptr(KpUnit) unit = dup_unit (self, self->unit_id);
  g_autofree char *body = NULL;

  if (unit == NULL)
    return;

  /* Translators: the body of the Rename Unit dialog; %s is the unit's current name */
  body = g_strdup_printf (_("The new name of “%s”. Its positions and employees stay with it."),
                          kp_unit_get_name (unit));
  open_name_dialog (self, DIALOG_RENAME_UNIT, kp_unit_get_id (unit), _("Rename Unit"), body,
                    kp_unit_get_name (unit), _("_Rename"));
}

static void
move_unit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KpOrgView *self = KP_ORG_VIEW (widget);
  g_autoptr(KpUnit) unit = dup_unit (self, self->unit_id);

  if (unit != NULL)
    open_move_dialog (self, unit);
}

static void
delete_unit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KpOrgView *self = KP_ORG_VIEW (widget);
  g_autoptr(KpUnit) unit = dup_unit (self, self->unit_id);
  g_autofree char *body = NULL;

  if (unit == NULL)
    return;

  /* A unit that still has positions or sub-units cannot go: say so (in the model's words)
   * at once rather than after a confirmation. */
  if (count_sub_units (self, kp_unit_get_id (unit)) > 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->position_filter_model)) > 0)
    {
      delete_unit (self, kp_unit_get_id (unit));
      return;
    }

  /* Translators: the body of the Delete Unit dialog; %s is the unit */
  body = g_strdup_printf (_("“%s” will be removed from the organisation. The audit log keeps a "
                            "record of the deletion."),
                          kp_unit_get_name (unit));
  new_dialog (self, DIALOG_DELETE_UNIT, kp_unit_get_id (unit), _("Delete Unit?"), body);
  add_accept_response (self, _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  present_dialog (self);
}

static void
add_position_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpOrgView *self = KP_ORG_VIEW (widget);
  g_autoptr(KpUnit) unit = dup_unit (self, self->unit_id);
  g_autofree char *body = NULL;

  if (unit == NULL)
    return;

  /* Translators: the body of the Add Position dialog; %s is the unit */
  body = g_strdup_printf (_("A new position in “%s”."), kp_unit_get_name (unit));
  open_position_dialog (self, DIALOG_ADD_POSITION, kp_unit_get_id (unit), _("Add Position"),
                        body, "", GTK_INVALID_LIST_POSITION, _("_Add"));
}

static void
edit_position_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpOrgView *self = KP_ORG_VIEW (widget);
  g_autoptr(KpPosition) position = dup_selected_position (self);
  g_autoptr(KpUnit) unit = dup_unit (self, self->unit_id);
  g_autofree char *body = NULL;
  int kind;

  if (position == NULL || unit == NULL)
    return;

  /* Translators: the body of the Edit Position dialog; %s is the unit */
  body = g_strdup_printf (_("A position in “%s”. Employees who hold it keep it."),
                          kp_unit_get_name (unit));
  kind = kp_position_get_kind (position);
  open_position_dialog (self, DIALOG_EDIT_POSITION, kp_position_get_id (position),
                        _("Edit Position"), body, kp_position_get_title (position),
                        kind >= 0 ? (guint) kind : GTK_INVALID_LIST_POSITION, _("_Save"));
}

static void
delete_position_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KpOrgView *self = KP_ORG_VIEW (widget);
  g_autoptr(KpPosition) position = dup_selected_position (self);
  g_autofree char *body = NULL;

  if (position == NULL)
    return;

  /* Held by employees: the model refuses and says how many, without a confirmation first. */
  if (kp_position_get_n_employees (position) > 0)
    {
      delete_position (self, kp_position_get_id (position));
      return;
    }

  /* Translators: the body of the Delete Position dialog; %s is the position's title */
  body = g_strdup_printf (_("“%s” will be removed from this unit. The audit log keeps a record "
                            "of the deletion."),
                          kp_position_get_title (position));
  new_dialog (self, DIALOG_DELETE_POSITION, kp_position_get_id (position),
              _("Delete Position?"), body);
  add_accept_response (self, _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  present_dialog (self);
}

/* ---- signal handlers ------------------------------------------------------------------- */

static void
on_unit_selection_notify_selected_item_cb (GtkSingleSelection *selection,
                                           GParamSpec         *pspec,
                                           KpOrgView          *self)
{
  if (!self->reloading_units)
    update_unit (self);
}

static void
on_unit_list_activate_cb (GtkListView *list_view,
                          guint        position,
                          KpOrgView   *self)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, position);

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

static void
on_position_selection_notify_selected_item_cb (GtkSingleSelection *selection,
                                               GParamSpec         *pspec,
                                               KpOrgView          *self)
{
  if (!self->reloading_positions)
    {
      KpPosition *position = gtk_single_selection_get_selected_item (selection);

      self->position_id = position != NULL ? kp_position_get_id (position) : 0;
    }
  update_actions (self);
}

static void
on_position_view_activate_cb (GtkColumnView *column_view,
                              guint          position,
                              KpOrgView     *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "org.edit-position", NULL);
}

static void
on_position_filter_model_items_changed_cb (GListModel *model,
                                           guint       position,
                                           guint       removed,
                                           guint       added,
                                           KpOrgView  *self)
{
  update_header (self);
  update_positions_page (self);
}

static void
on_units_items_changed_cb (KpOrgView  *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *units)
{
  reload_units (self);
}

/* The positions store re-emits its whole list on every change; these two handlers bracket
 * the position filter model's own handler (see kp_org_view_set_database ()) so that the
 * selection can be put back on the same position afterwards. */
static void
on_positions_items_changed_before_cb (KpOrgView  *self,
                                      guint       position,
                                      guint       removed,
                                      guint       added,
                                      GListModel *positions)
{
  self->reloading_positions = TRUE;
}

static void
on_positions_items_changed_after_cb (KpOrgView  *self,
                                     guint       position,
                                     guint       removed,
                                     guint       added,
                                     GListModel *positions)
{
  self->reloading_positions = FALSE;
  select_position (self, self->position_id);
  update_actions (self);
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
disconnect_stores (KpOrgView *self)
{
  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  if (self->positions != NULL)
    g_signal_handlers_disconnect_by_data (self->positions, self);
  self->units = NULL;
  self->positions = NULL;
}

static void
kp_org_view_dispose (GObject *object)
{
  KpOrgView *self = KP_ORG_VIEW (object);

  clear_dialog (self);
  disconnect_stores (self);

  /* Dispose may run more than once: the template pointers are NULL after the first time. */
  if (self->position_filter_model != NULL)
    {
      /* The filter function points back at us. */
      g_signal_handlers_disconnect_by_data (self->position_filter_model, self);
      gtk_custom_filter_set_filter_func (self->position_filter, NULL, NULL, NULL);
    }
  if (self->unit_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->unit_selection, self);
  if (self->position_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->position_selection, self);

  /* main_stack is both a template child and AdwBin's child: let AdwBin unparent it first, or
   * disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_ORG_VIEW);

  g_clear_object (&self->tree_model);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_org_view_parent_class)->dispose (object);
}

static void
kp_org_view_finalize (GObject *object)
{
  KpOrgView *self = KP_ORG_VIEW (object);

  g_clear_pointer (&self->parent_ids, g_hash_table_unref);

  G_OBJECT_CLASS (kp_org_view_parent_class)->finalize (object);
}

static void
kp_org_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KpOrgView *self = KP_ORG_VIEW (object);

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
kp_org_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KpOrgView *self = KP_ORG_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      kp_org_view_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_org_view_class_init (KpOrgViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_org_view_dispose;
  object_class->finalize = kp_org_view_finalize;
  object_class->get_property = kp_org_view_get_property;
  object_class->set_property = kp_org_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Named in the template (the snapshot's item type, the column sorters). */
  g_type_ensure (KP_TYPE_UNIT);
  g_type_ensure (KP_TYPE_POSITION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-org-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, unit_list);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, unit_title_label);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, unit_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, positions_stack);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, position_view);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, unit_selection);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, unit_snapshot);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, position_selection);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, position_filter_model);
  gtk_widget_class_bind_template_child (widget_class, KpOrgView, position_filter);

  gtk_widget_class_bind_template_callback (widget_class, format_unit_name);
  gtk_widget_class_bind_template_callback (widget_class, format_unit_head_count);
  gtk_widget_class_bind_template_callback (widget_class, format_position_title);
  gtk_widget_class_bind_template_callback (widget_class, format_position_kind);
  gtk_widget_class_bind_template_callback (widget_class, format_position_employees);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_position_selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_position_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_position_filter_model_items_changed_cb);

  gtk_widget_class_install_action (widget_class, "org.add-unit", NULL, add_unit_action);
  gtk_widget_class_install_action (widget_class, "org.add-sub-unit", NULL, add_sub_unit_action);
  gtk_widget_class_install_action (widget_class, "org.rename-unit", NULL, rename_unit_action);
  gtk_widget_class_install_action (widget_class, "org.move-unit", NULL, move_unit_action);
  gtk_widget_class_install_action (widget_class, "org.delete-unit", NULL, delete_unit_action);
  gtk_widget_class_install_action (widget_class, "org.add-position", NULL, add_position_action);
  gtk_widget_class_install_action (widget_class, "org.edit-position", NULL, edit_position_action);
  gtk_widget_class_install_action (widget_class, "org.delete-position", NULL,
                                   delete_position_action);
}

static void
kp_org_view_init (KpOrgView *self)
{
  GtkCustomFilter *top_level;
  GtkFilterListModel *roots;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->parent_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* A tree model needs a C function for the children: it cannot be declared in the .ui. */
  top_level = gtk_custom_filter_new (is_top_level, NULL, NULL);
  roots = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->unit_snapshot)),
                                     GTK_FILTER (top_level));
  self->tree_model = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, FALSE,
                                              create_sub_units, self, NULL);
  gtk_single_selection_set_model (self->unit_selection, G_LIST_MODEL (self->tree_model));

  gtk_custom_filter_set_filter_func (self->position_filter, is_in_shown_unit, self, NULL);

  update_page (self);
  update_unit (self);
}

/* ---- public API ------------------------------------------------------------------------ */

/**
 * kp_org_view_new:
 *
 * Returns: (transfer floating): a new view showing no database yet
 */
GtkWidget *
kp_org_view_new (void)
{
  return g_object_new (KP_TYPE_ORG_VIEW, NULL);
}

/**
 * kp_org_view_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose organisation is shown
 */
KpDatabase *
kp_org_view_get_database (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return self->database;
}

/**
 * kp_org_view_set_database:
 * @database: (nullable): the database whose organisation to show and change
 */
void
kp_org_view_set_database (KpOrgView  *self,
                          KpDatabase *database)
{
  g_return_if_fail (KP_IS_ORG_VIEW (self));
  g_return_if_fail (database == NULL || KP_IS_DATABASE (database));

  if (self->database == database)
    return;

  clear_dialog (self);
  disconnect_stores (self);
  g_set_object (&self->database, database);

  if (database != NULL)
    {
      self->units = kp_database_get_units (database);
      self->positions = kp_database_get_positions (database);
      g_signal_connect_swapped (self->units, "items-changed",
                                G_CALLBACK (on_units_items_changed_cb), self);
      /* GLib calls handlers in the order they were connected: "before" runs ahead of the
       * filter model's handler (connected by set_model) and "after" behind it. */
      g_signal_connect_swapped (self->positions, "items-changed",
                                G_CALLBACK (on_positions_items_changed_before_cb), self);
    }
  gtk_filter_list_model_set_model (self->position_filter_model, self->positions);
  if (self->positions != NULL)
    g_signal_connect_swapped (self->positions, "items-changed",
                              G_CALLBACK (on_positions_items_changed_after_cb), self);

  self->position_id = 0;
  reload_units (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

GtkListView *
_kp_org_view_get_unit_list (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return self->unit_list;
}

GtkColumnView *
_kp_org_view_get_position_view (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return self->position_view;
}

GtkLabel *
_kp_org_view_get_unit_title_label (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return self->unit_title_label;
}

GtkLabel *
_kp_org_view_get_unit_subtitle_label (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return self->unit_subtitle_label;
}

const char *
_kp_org_view_get_page (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
_kp_org_view_get_positions_page (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->positions_stack);
}

AdwMessageDialog *
_kp_org_view_get_dialog (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return self->dialog;
}

GtkEditable *
_kp_org_view_get_dialog_entry (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return self->dialog_entry;
}

GtkDropDown *
_kp_org_view_get_dialog_drop_down (KpOrgView *self)
{
  g_return_val_if_fail (KP_IS_ORG_VIEW (self), NULL);

  return self->dialog_drop_down;
}
