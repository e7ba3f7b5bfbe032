/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-org-view.c: the Organisation area over a small real database: the tree of units, the
 * positions of the chosen unit, and every change made through its dialogs (each one in the
 * database with one audit event), refusals included. */

#include "config.h"

#include <string.h>

#include "kp-org-view-private.h"

#include "ui-test-util.h"

typedef struct {
  KpDatabase *database;
  GtkWindow *window;
  KpOrgView *view;
  gint64 dinkes_id;
  gint64 kepala_dinas_id;
  gint64 sekretaris_id;
} Fixture;

enum {
  WITH_UNITS,
  EMPTY,
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->database = ui_test_new_database (NULL);

  if (GPOINTER_TO_INT (data) == WITH_UNITS)
    {
      static const UiTestPerson head = {
        "196602041998051457", "Ahmad Fauzi", "L", "1966-02-04", "IV/c"
      };
      static const UiTestPerson doctor = {
        "199203152018012003", "Rina Marlina", "P", "1992-03-15", "III/b"
      };
      KpDatabase *db = fixture->database;
      gint64 bappeda_id, puskesmas_id, doctor_id;

      /*   Bappeda                       Kepala Bappeda
       *   Dinas Kesehatan               Kepala Dinas (held by one employee), Sekretaris
       *     Puskesmas Kalianda          Dokter Ahli Pertama (held by one employee)
       *     RSUD Bob Bazar
       *   Inspektorat                   (no positions) */
      fixture->dinkes_id = ui_test_add_unit (db, "Dinas Kesehatan", 0);
      bappeda_id = ui_test_add_unit (db, "Bappeda", 0);
      ui_test_add_unit (db, "Inspektorat", 0);
      puskesmas_id = ui_test_add_unit (db, "Puskesmas Kalianda", fixture->dinkes_id);
      ui_test_add_unit (db, "RSUD Bob Bazar", fixture->dinkes_id);

      ui_test_add_position (db, bappeda_id, "Kepala Bappeda", KP_POSITION_KIND_JPT_PRATAMA);
      fixture->kepala_dinas_id = ui_test_add_position (db, fixture->dinkes_id, "Kepala Dinas",
                                                       KP_POSITION_KIND_JPT_PRATAMA);
      fixture->sekretaris_id = ui_test_add_position (db, fixture->dinkes_id, "Sekretaris",
                                                     KP_POSITION_KIND_ADMINISTRATOR);
      doctor_id = ui_test_add_position (db, puskesmas_id, "Dokter Ahli Pertama",
                                        KP_POSITION_KIND_AHLI_PERTAMA);

      ui_test_save_person (db, &head, fixture->kepala_dinas_id, 0);
      ui_test_save_person (db, &doctor, doctor_id, 0);
    }

  fixture->view = KP_ORG_VIEW (kp_org_view_new ());
  kp_org_view_set_database (fixture->view, fixture->database);
  g_assert_true (kp_org_view_get_database (fixture->view) == fixture->database);

  fixture->window = ui_test_show_in_window (GTK_WIDGET (fixture->view), 1000, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog = _kp_org_view_get_dialog (fixture->view);

  /* No test may leave a dialog behind unexpectedly. */
  g_assert_null (dialog);

  ui_test_destroy_window (fixture->window, fixture->window);

  g_clear_object (&fixture->database);
}

/* ---- reading what the user sees ---------------------------------------------------------- */

static GtkSingleSelection *
unit_rows (Fixture *fixture)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (_kp_org_view_get_unit_list (fixture->view)));
}

static GtkSingleSelection *
position_rows (Fixture *fixture)
{
  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (_kp_org_view_get_position_view (fixture->view)));
}

/* The visible rows of the tree, one a line, indented two spaces per level. */
static char *
tree_text (Fixture *fixture)
{
  GListModel *rows = G_LIST_MODEL (unit_rows (fixture));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(KpUnit) unit = gtk_tree_list_row_get_item (row);

      for (guint depth = 0; depth < gtk_tree_list_row_get_depth (row); depth++)
        g_string_append (text, "  ");
      g_string_append_printf (text, "%s\n", kp_unit_get_name (unit));
    }

  return g_string_free (text, FALSE);
}

static void
assert_tree (Fixture    *fixture,
             const char *expected)
{
  g_autofree char *text = tree_text (fixture);

  g_assert_cmpstr (text, ==, expected);
}

static gboolean
unit_is_named (gpointer      unit,
               gconstpointer name)
{
  return g_str_equal (kp_unit_get_name (unit), name);
}

static gboolean
row_is_named (gpointer      row,
              gconstpointer name)
{
  g_autoptr(KpUnit) unit = gtk_tree_list_row_get_item (row);

  return unit_is_named (unit, name);
}

static guint
find_unit_row (Fixture    *fixture,
               const char *name)
{
  guint position = ui_test_find_position (G_LIST_MODEL (unit_rows (fixture)), row_is_named, name);

  if (position == GTK_INVALID_LIST_POSITION)
    g_error ("no row for %s in the tree", name);
  return position;
}

static void
expand_unit (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (unit_rows (fixture)),
                                                         find_unit_row (fixture, name));

  g_assert_true (gtk_tree_list_row_is_expandable (row));
  gtk_tree_list_row_set_expanded (row, TRUE);
  ui_test_settle ();
}

static void
select_unit (Fixture    *fixture,
             const char *name)
{
  gtk_single_selection_set_selected (unit_rows (fixture), find_unit_row (fixture, name));
  ui_test_settle ();
  g_assert_cmpstr (gtk_label_get_label (_kp_org_view_get_unit_title_label (fixture->view)), ==, name);
}

static char *
selected_unit_name (Fixture *fixture)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (unit_rows (fixture));
  g_autoptr(KpUnit) unit = NULL;

  g_assert_nonnull (row);
  unit = gtk_tree_list_row_get_item (row);
  return g_strdup (kp_unit_get_name (unit));
}

/* The titles in the positions table, in its order, joined by '|'. */
static char *
position_text (Fixture *fixture)
{
  GListModel *rows = G_LIST_MODEL (position_rows (fixture));
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(KpPosition) position = g_list_model_get_item (rows, i);

      g_ptr_array_add (titles, (gpointer) kp_position_get_title (position));
    }
  g_ptr_array_add (titles, NULL);

  return g_strjoinv ("|", (char **) titles->pdata);
}

static void
assert_positions (Fixture    *fixture,
                  const char *expected)
{
  g_autofree char *text = position_text (fixture);

  g_assert_cmpstr (text, ==, expected);
}

static gboolean
position_has_title (gpointer      position,
                    gconstpointer title)
{
  return g_str_equal (kp_position_get_title (position), title);
}

static void
select_position (Fixture    *fixture,
                 const char *title)
{
  guint row = ui_test_find_position (G_LIST_MODEL (position_rows (fixture)), position_has_title, title);

  if (row == GTK_INVALID_LIST_POSITION)
    g_error ("no position %s in the table", title);
  gtk_single_selection_set_selected (position_rows (fixture), row);
  ui_test_settle ();
}

/* ---- reading the database --------------------------------------------------------------- */

static KpUnit *
db_unit (Fixture    *fixture,
         const char *name)
{
  return ui_test_find_item (kp_database_get_units (fixture->database), unit_is_named, name);
}

static gint64
db_unit_id (Fixture    *fixture,
            const char *name)
{
  g_autoptr(KpUnit) unit = db_unit (fixture, name);

  g_assert_nonnull (unit);
  return kp_unit_get_id (unit);
}

static gboolean
position_has_id (gpointer      position,
                 gconstpointer id)
{
  return kp_position_get_id (position) == *(const gint64 *) id;
}

static KpPosition *
db_position (Fixture *fixture,
             gint64   position_id)
{
  return ui_test_find_item (kp_database_get_positions (fixture->database), position_has_id, &position_id);
}

/* The newest audit event's action and entity, "create unit". */
static char *
last_audit_event (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = kp_audit_list (fixture->database, 0, 0, &error);
  KpAuditEvent *event;

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  event = g_ptr_array_index (events, events->len - 1);
  return g_strdup_printf ("%s %s", event->action, event->entity);
}

static void
assert_last_audit_event (Fixture    *fixture,
                         const char *expected)
{
  g_autofree char *event = last_audit_event (fixture);

  g_assert_cmpstr (event, ==, expected);
}

/* ---- driving the dialogs ---------------------------------------------------------------- */

static AdwMessageDialog *
open_dialog (Fixture    *fixture,
             const char *action,
             const char *heading)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
  ui_test_settle ();

  dialog = _kp_org_view_get_dialog (fixture->view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* On screen as its own window, as the user sees it. */
  g_assert_true (ui_test_is_toplevel (GTK_WINDOW (dialog)));

  return dialog;
}

static void
respond (Fixture          *fixture,
         AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  ui_test_respond (dialog, response);
}

static void
set_entry (Fixture    *fixture,
           const char *text)
{
  GtkEditable *entry = _kp_org_view_get_dialog_entry (fixture->view);

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
  ui_test_settle ();
}

static const char *
entry_text (Fixture *fixture)
{
  GtkEditable *entry = _kp_org_view_get_dialog_entry (fixture->view);

  g_assert_nonnull (entry);
  return gtk_editable_get_text (entry);
}

/* The names in the Move dialog's drop-down, joined by '|'. */
static char *
move_targets (Fixture *fixture)
{
  GListModel *targets = gtk_drop_down_get_model (_kp_org_view_get_dialog_drop_down (fixture->view));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(KpUnit) unit = g_list_model_get_item (targets, i);

      g_ptr_array_add (names, (gpointer) kp_unit_get_name (unit));
    }
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

static void
choose_target (Fixture    *fixture,
               const char *name)
{
  GtkDropDown *drop_down = _kp_org_view_get_dialog_drop_down (fixture->view);
  guint position = ui_test_find_position (gtk_drop_down_get_model (drop_down), unit_is_named, name);

  if (position == GTK_INVALID_LIST_POSITION)
    g_error ("%s is not offered as a parent", name);
  gtk_drop_down_set_selected (drop_down, position);
  ui_test_settle ();
}

/* A refusal: the model's message, and nothing else to do but close it. */
static void
assert_refusal (Fixture    *fixture,
                const char *heading,
                const char *fragment)
{
  AdwMessageDialog *dialog = _kp_org_view_get_dialog (fixture->view);

  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  if (strstr (adw_message_dialog_get_body (dialog), fragment) == NULL)
    g_error ("the refusal “%s” does not mention “%s”", adw_message_dialog_get_body (dialog), fragment);
  g_assert_false (adw_message_dialog_has_response (dialog, "cancel"));

  respond (fixture, dialog, "close");
  g_assert_null (_kp_org_view_get_dialog (fixture->view));
}

/* ---- the tests -------------------------------------------------------------------------- */

static void
test_tree (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (_kp_org_view_get_unit_list (fixture->view));
  g_autoptr(GtkTreeListRow) bappeda = NULL;
  g_autofree char *selected = NULL;

  g_assert_cmpstr (_kp_org_view_get_page (fixture->view), ==, "units");

  /* Top-level units by name; sub-units hidden until their parent is expanded. */
  assert_tree (fixture, "Bappeda\nDinas Kesehatan\nInspektorat\n");
  bappeda = g_list_model_get_item (G_LIST_MODEL (unit_rows (fixture)), 0);
  g_assert_false (gtk_tree_list_row_is_expandable (bappeda));

  expand_unit (fixture, "Dinas Kesehatan");
  assert_tree (fixture, "Bappeda\nDinas Kesehatan\n  Puskesmas Kalianda\n  RSUD Bob Bazar\nInspektorat\n");

  /* Rows show the name and the head count. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ui_test_shows_text (list, "Dinas Kesehatan"));
  g_assert_true (ui_test_shows_text (list, "RSUD Bob Bazar"));
  g_assert_true (ui_test_shows_text (list, "1 employee"));
  g_assert_true (ui_test_shows_text (list, "No employees"));

  /* The first unit is chosen from the start, so the right pane is never blank. */
  selected = selected_unit_name (fixture);
  g_assert_cmpstr (selected, ==, "Bappeda");
  g_assert_cmpstr (gtk_label_get_label (_kp_org_view_get_unit_title_label (fixture->view)), ==, "Bappeda");

  /* Activating a parent's row (Enter, double-click) folds it. */
  g_signal_emit_by_name (list, "activate", find_unit_row (fixture, "Dinas Kesehatan"));
  ui_test_settle ();
  assert_tree (fixture, "Bappeda\nDinas Kesehatan\nInspektorat\n");
}

static void
test_positions (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *table = GTK_WIDGET (_kp_org_view_get_position_view (fixture->view));

  select_unit (fixture, "Dinas Kesehatan");
  assert_positions (fixture, "Kepala Dinas|Sekretaris");
  g_assert_cmpstr (_kp_org_view_get_positions_page (fixture->view), ==, "list");
  /* A parent's own head count, and with its sub-units. */
  g_assert_cmpstr (gtk_label_get_label (_kp_org_view_get_unit_subtitle_label (fixture->view)), ==,
                   "Top-level unit · 2 positions · 1 employee (2 with sub-units)");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ui_test_shows_text (table, "Kepala Dinas"));
  g_assert_true (ui_test_shows_text (table, kp_position_kind_to_string (KP_POSITION_KIND_ADMINISTRATOR)));
  g_assert_true (ui_test_shows_text (table, "1"));
  g_assert_true (ui_test_shows_text (table, "0"));

  select_unit (fixture, "Bappeda");
  assert_positions (fixture, "Kepala Bappeda");

  /* A sub-unit's positions are its own, not its parent's. */
  expand_unit (fixture, "Dinas Kesehatan");
  select_unit (fixture, "Puskesmas Kalianda");
  assert_positions (fixture, "Dokter Ahli Pertama");
  g_assert_cmpstr (gtk_label_get_label (_kp_org_view_get_unit_subtitle_label (fixture->view)), ==,
                   "Part of Dinas Kesehatan · 1 position · 1 employee");

  /* A unit without positions says so. */
  select_unit (fixture, "Inspektorat");
  assert_positions (fixture, "");
  g_assert_cmpstr (_kp_org_view_get_positions_page (fixture->view), ==, "empty");
  g_assert_false (gtk_widget_get_mapped (table));

  /* Edit and Delete need a position; Add Position only a unit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "org.edit-position", NULL));
  ui_test_settle ();
  g_assert_null (_kp_org_view_get_dialog (fixture->view));
}

static gboolean
dialog_is_closed (gpointer data)
{
  Fixture *fixture = data;

  return _kp_org_view_get_dialog (fixture->view) == NULL;
}

static void
test_add_unit (Fixture       *fixture,
               gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint n_events = ui_test_n_audit_events (fixture->database);
  g_autoptr(KpUnit) added = NULL;
  g_autofree char *selected = NULL;

  dialog = open_dialog (fixture, "org.add-unit", "Add Unit");
  g_assert_cmpstr (entry_text (fixture), ==, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  set_entry (fixture, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  set_entry (fixture, "Dinas Pariwisata");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* Enter in the entry confirms: Enter is bound to the "activate" signal of the entry's text
   * widget, which activates the dialog's default response. */
  g_signal_emit_by_name (gtk_editable_get_delegate (_kp_org_view_get_dialog_entry (fixture->view)), "activate");
  /* An activated button shows itself pressed for a moment before it clicks. */
  ui_test_wait_until (dialog_is_closed, fixture, 5);
  ui_test_settle ();
  g_assert_null (_kp_org_view_get_dialog (fixture->view));

  added = db_unit (fixture, "Dinas Pariwisata");
  g_assert_nonnull (added);
  g_assert_cmpint (kp_unit_get_parent_id (added), ==, 0);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  assert_last_audit_event (fixture, "create unit");

  /* In the tree, in name order, and chosen. */
  assert_tree (fixture, "Bappeda\nDinas Kesehatan\nDinas Pariwisata\nInspektorat\n");
  selected = selected_unit_name (fixture);
  g_assert_cmpstr (selected, ==, "Dinas Pariwisata");
  g_assert_cmpstr (_kp_org_view_get_positions_page (fixture->view), ==, "empty");

  /* A name already taken is refused with the model's reason, and nothing changes. */
  dialog = open_dialog (fixture, "org.add-unit", "Add Unit");
  set_entry (fixture, "bappeda");
  respond (fixture, dialog, "add");
  assert_refusal (fixture, "Cannot Add Unit", "bappeda");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (fixture->database)), ==, 6);

  /* Cancel adds nothing. */
  dialog = open_dialog (fixture, "org.add-unit", "Add Unit");
  set_entry (fixture, "Dinas Sosial");
  respond (fixture, dialog, "cancel");
  g_assert_null (_kp_org_view_get_dialog (fixture->view));
  g_assert_null (db_unit (fixture, "Dinas Sosial"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
}

static void
test_add_sub_unit (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint n_events = ui_test_n_audit_events (fixture->database);
  g_autoptr(KpUnit) added = NULL;
  g_autofree char *selected = NULL;

  select_unit (fixture, "Bappeda");
  dialog = open_dialog (fixture, "org.add-sub-unit", "Add Sub-unit");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Bappeda"));
  set_entry (fixture, "Bidang Perencanaan");
  respond (fixture, dialog, "add");
  g_assert_null (_kp_org_view_get_dialog (fixture->view));

  added = db_unit (fixture, "Bidang Perencanaan");
  g_assert_nonnull (added);
  g_assert_cmpint (kp_unit_get_parent_id (added), ==, db_unit_id (fixture, "Bappeda"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  assert_last_audit_event (fixture, "create unit");

  /* Shown under its parent, which opens to show it, and chosen. */
  assert_tree (fixture, "Bappeda\n  Bidang Perencanaan\nDinas Kesehatan\nInspektorat\n");
  selected = selected_unit_name (fixture);
  g_assert_cmpstr (selected, ==, "Bidang Perencanaan");
}

static void
test_rename_unit (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint n_events = ui_test_n_audit_events (fixture->database);
  gint64 id = db_unit_id (fixture, "Inspektorat");
  g_autoptr(KpUnit) renamed = NULL;
  g_autofree char *selected = NULL;

  expand_unit (fixture, "Dinas Kesehatan");
  select_unit (fixture, "Inspektorat");
  dialog = open_dialog (fixture, "org.rename-unit", "Rename Unit");
  g_assert_cmpstr (entry_text (fixture), ==, "Inspektorat");
  /* Nothing to do until the name changes. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  set_entry (fixture, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  set_entry (fixture, "Inspektorat Daerah");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  respond (fixture, dialog, "rename");
  g_assert_null (_kp_org_view_get_dialog (fixture->view));

  renamed = db_unit (fixture, "Inspektorat Daerah");
  g_assert_nonnull (renamed);
  g_assert_cmpint (kp_unit_get_id (renamed), ==, id);
  g_assert_null (db_unit (fixture, "Inspektorat"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  assert_last_audit_event (fixture, "update unit");

  /* The reload keeps the tree open and the same unit chosen. */
  assert_tree (fixture, "Bappeda\nDinas Kesehatan\n  Puskesmas Kalianda\n  RSUD Bob Bazar\nInspektorat Daerah\n");
  selected = selected_unit_name (fixture);
  g_assert_cmpstr (selected, ==, "Inspektorat Daerah");
  g_assert_cmpstr (gtk_label_get_label (_kp_org_view_get_unit_title_label (fixture->view)), ==,
                   "Inspektorat Daerah");

  /* Another unit's name is refused. */
  dialog = open_dialog (fixture, "org.rename-unit", "Rename Unit");
  set_entry (fixture, "Bappeda");
  respond (fixture, dialog, "rename");
  assert_refusal (fixture, "Cannot Rename Unit", "Bappeda");
  g_assert_nonnull (db_unit (fixture, "Inspektorat Daerah"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
}

static void
test_move_unit (Fixture       *fixture,
                gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint n_events = ui_test_n_audit_events (fixture->database);
  g_autofree char *targets = NULL;
  g_autofree char *selected = NULL;
  g_autoptr(KpUnit) moved = NULL;
  g_autoptr(KpUnit) puskesmas = NULL;

  expand_unit (fixture, "Dinas Kesehatan");
  select_unit (fixture, "RSUD Bob Bazar");

  dialog = open_dialog (fixture, "org.move-unit", "Move Unit");
  /* Every other unit in tree order, the current parent chosen: nothing to do yet. */
  targets = move_targets (fixture);
  g_assert_cmpstr (targets, ==, "Top level (no parent unit)|Bappeda|Dinas Kesehatan|Puskesmas Kalianda|Inspektorat");
  g_assert_cmpuint (gtk_drop_down_get_selected (_kp_org_view_get_dialog_drop_down (fixture->view)), ==, 2);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  choose_target (fixture, "Bappeda");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "move"));
  respond (fixture, dialog, "move");
  g_assert_null (_kp_org_view_get_dialog (fixture->view));

  moved = db_unit (fixture, "RSUD Bob Bazar");
  g_assert_cmpint (kp_unit_get_parent_id (moved), ==, db_unit_id (fixture, "Bappeda"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  assert_last_audit_event (fixture, "move unit");

  /* It appears under its new parent, still chosen; what was open stays open. */
  assert_tree (fixture, "Bappeda\n  RSUD Bob Bazar\nDinas Kesehatan\n  Puskesmas Kalianda\nInspektorat\n");
  selected = selected_unit_name (fixture);
  g_assert_cmpstr (selected, ==, "RSUD Bob Bazar");

  /* A unit cannot go inside itself: neither it nor what is under it is offered. */
  select_unit (fixture, "Dinas Kesehatan");
  dialog = open_dialog (fixture, "org.move-unit", "Move Unit");
  g_clear_pointer (&targets, g_free);
  targets = move_targets (fixture);
  g_assert_cmpstr (targets, ==, "Top level (no parent unit)|Bappeda|RSUD Bob Bazar|Inspektorat");
  respond (fixture, dialog, "cancel");

  /* Back to the top level. */
  select_unit (fixture, "Puskesmas Kalianda");
  dialog = open_dialog (fixture, "org.move-unit", "Move Unit");
  choose_target (fixture, "Top level (no parent unit)");
  respond (fixture, dialog, "move");
  puskesmas = db_unit (fixture, "Puskesmas Kalianda");
  g_assert_cmpint (kp_unit_get_parent_id (puskesmas), ==, 0);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 2);
  assert_tree (fixture, "Bappeda\n  RSUD Bob Bazar\nDinas Kesehatan\nInspektorat\nPuskesmas Kalianda\n");
}

static void
test_delete_unit_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  guint n_events = ui_test_n_audit_events (fixture->database);

  /* Two positions and two sub-units: refused at once, the reason counts them. */
  select_unit (fixture, "Dinas Kesehatan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "org.delete-unit", NULL));
  ui_test_settle ();
  assert_refusal (fixture, "Cannot Delete Unit", "2 position");
  g_assert_nonnull (db_unit (fixture, "Dinas Kesehatan"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events);
  assert_tree (fixture, "Bappeda\nDinas Kesehatan\nInspektorat\n");
}

static void
test_delete_unit (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint n_events = ui_test_n_audit_events (fixture->database);

  select_unit (fixture, "Inspektorat");

  /* It asks first; Cancel keeps the unit. */
  dialog = open_dialog (fixture, "org.delete-unit", "Delete Unit?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Inspektorat"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  respond (fixture, dialog, "cancel");
  g_assert_nonnull (db_unit (fixture, "Inspektorat"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events);

  dialog = open_dialog (fixture, "org.delete-unit", "Delete Unit?");
  respond (fixture, dialog, "delete");
  g_assert_null (_kp_org_view_get_dialog (fixture->view));
  g_assert_null (db_unit (fixture, "Inspektorat"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  assert_last_audit_event (fixture, "delete unit");
  assert_tree (fixture, "Bappeda\nDinas Kesehatan\n");

  /* Another unit is chosen in its place. */
  g_assert_cmpstr (gtk_label_get_label (_kp_org_view_get_unit_title_label (fixture->view)), !=, "");
  g_assert_cmpstr (gtk_label_get_label (_kp_org_view_get_unit_title_label (fixture->view)), !=,
                   "Inspektorat");
}

static void
test_add_position (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint n_events = ui_test_n_audit_events (fixture->database);
  GtkDropDown *kinds;
  KpPosition *selected;

  select_unit (fixture, "Inspektorat");
  dialog = open_dialog (fixture, "org.add-position", "Add Position");
  kinds = _kp_org_view_get_dialog_drop_down (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (kinds)), ==, KP_POSITION_KIND_COUNT);
  /* No kind is chosen for the user. */
  g_assert_cmpuint (gtk_drop_down_get_selected (kinds), ==, GTK_INVALID_LIST_POSITION);
  set_entry (fixture, "Auditor Ahli Muda");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_drop_down_set_selected (kinds, KP_POSITION_KIND_AHLI_MUDA);
  ui_test_settle ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  respond (fixture, dialog, "add");
  g_assert_null (_kp_org_view_get_dialog (fixture->view));

  assert_positions (fixture, "Auditor Ahli Muda");
  g_assert_cmpstr (_kp_org_view_get_positions_page (fixture->view), ==, "list");
  selected = gtk_single_selection_get_selected_item (position_rows (fixture));
  g_assert_nonnull (selected);
  g_assert_cmpint (kp_position_get_kind (selected), ==, KP_POSITION_KIND_AHLI_MUDA);
  g_assert_cmpint (kp_position_get_unit_id (selected), ==, db_unit_id (fixture, "Inspektorat"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  assert_last_audit_event (fixture, "create position");

  /* The same title twice in one unit is refused. */
  dialog = open_dialog (fixture, "org.add-position", "Add Position");
  set_entry (fixture, "Auditor Ahli Muda");
  gtk_drop_down_set_selected (_kp_org_view_get_dialog_drop_down (fixture->view), KP_POSITION_KIND_AHLI_MUDA);
  ui_test_settle ();
  respond (fixture, dialog, "add");
  assert_refusal (fixture, "Cannot Add Position", "Auditor Ahli Muda");
  assert_positions (fixture, "Auditor Ahli Muda");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
}

static void
test_edit_position (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint n_events = ui_test_n_audit_events (fixture->database);
  g_autoptr(KpPosition) edited = NULL;
  KpPosition *selected;

  select_unit (fixture, "Dinas Kesehatan");
  select_position (fixture, "Sekretaris");
  dialog = open_dialog (fixture, "org.edit-position", "Edit Position");
  g_assert_cmpstr (entry_text (fixture), ==, "Sekretaris");
  g_assert_cmpuint (gtk_drop_down_get_selected (_kp_org_view_get_dialog_drop_down (fixture->view)), ==,
                    KP_POSITION_KIND_ADMINISTRATOR);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));

  gtk_drop_down_set_selected (_kp_org_view_get_dialog_drop_down (fixture->view), KP_POSITION_KIND_PENGAWAS);
  ui_test_settle ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  respond (fixture, dialog, "save");
  g_assert_null (_kp_org_view_get_dialog (fixture->view));

  edited = db_position (fixture, fixture->sekretaris_id);
  g_assert_cmpint (kp_position_get_kind (edited), ==, KP_POSITION_KIND_PENGAWAS);
  g_assert_cmpstr (kp_position_get_title (edited), ==, "Sekretaris");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  assert_last_audit_event (fixture, "update position");

  /* The table shows the new kind and keeps the position selected. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (_kp_org_view_get_position_view (fixture->view)),
                             kp_position_kind_to_string (KP_POSITION_KIND_PENGAWAS)));
  selected = gtk_single_selection_get_selected_item (position_rows (fixture));
  g_assert_nonnull (selected);
  g_assert_cmpint (kp_position_get_id (selected), ==, fixture->sekretaris_id);

  /* A title the unit already has is refused. */
  dialog = open_dialog (fixture, "org.edit-position", "Edit Position");
  set_entry (fixture, "Kepala Dinas");
  respond (fixture, dialog, "save");
  assert_refusal (fixture, "Cannot Change Position", "Kepala Dinas");
  g_clear_object (&edited);
  edited = db_position (fixture, fixture->sekretaris_id);
  g_assert_cmpstr (kp_position_get_title (edited), ==, "Sekretaris");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
}

static void
test_delete_position (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint n_events = ui_test_n_audit_events (fixture->database);
  g_autoptr(KpPosition) kept = NULL;

  select_unit (fixture, "Dinas Kesehatan");

  /* Held by an employee: refused, saying how many hold it. */
  select_position (fixture, "Kepala Dinas");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "org.delete-position", NULL));
  ui_test_settle ();
  assert_refusal (fixture, "Cannot Delete Position", "1 employee");
  kept = db_position (fixture, fixture->kepala_dinas_id);
  g_assert_nonnull (kept);
  assert_positions (fixture, "Kepala Dinas|Sekretaris");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events);

  /* Held by nobody: asks, then deletes. */
  select_position (fixture, "Sekretaris");
  dialog = open_dialog (fixture, "org.delete-position", "Delete Position?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  respond (fixture, dialog, "delete");
  g_assert_null (db_position (fixture, fixture->sekretaris_id));
  assert_positions (fixture, "Kepala Dinas");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  assert_last_audit_event (fixture, "delete position");
}

static void
test_follows_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *selected = NULL;

  expand_unit (fixture, "Dinas Kesehatan");
  select_unit (fixture, "Puskesmas Kalianda");

  /* A change made elsewhere (another window, an import) shows up with the tree still open and
   * the same unit chosen. */
  g_assert_true (kp_register_move_unit (fixture->database, db_unit_id (fixture, "Inspektorat"),
                                        fixture->dinkes_id, &error));
  g_assert_no_error (error);
  ui_test_settle ();
  assert_tree (fixture, "Bappeda\nDinas Kesehatan\n  Inspektorat\n  Puskesmas Kalianda\n  RSUD Bob Bazar\n");
  selected = selected_unit_name (fixture);
  g_assert_cmpstr (selected, ==, "Puskesmas Kalianda");
  assert_positions (fixture, "Dokter Ahli Pertama");

  /* Its positions too. */
  ui_test_add_position (fixture->database, db_unit_id (fixture, "Puskesmas Kalianda"),
                        "Bidan Terampil", KP_POSITION_KIND_TERAMPIL);
  ui_test_settle ();
  assert_positions (fixture, "Bidan Terampil|Dokter Ahli Pertama");

  kp_database_refresh (fixture->database);
  ui_test_settle ();
  assert_tree (fixture, "Bappeda\nDinas Kesehatan\n  Inspektorat\n  Puskesmas Kalianda\n  RSUD Bob Bazar\n");
  g_clear_pointer (&selected, g_free);
  selected = selected_unit_name (fixture);
  g_assert_cmpstr (selected, ==, "Puskesmas Kalianda");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint n_events = ui_test_n_audit_events (fixture->database);

  g_assert_cmpstr (_kp_org_view_get_page (fixture->view), ==, "empty");
  g_assert_true (ui_test_shows_text (GTK_WIDGET (fixture->view), "No Units Yet"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "org.rename-unit", NULL));
  ui_test_settle ();
  g_assert_null (_kp_org_view_get_dialog (fixture->view));

  /* The empty state's own button adds the first unit. */
  dialog = open_dialog (fixture, "org.add-unit", "Add Unit");
  set_entry (fixture, "Sekretariat Daerah");
  respond (fixture, dialog, "add");
  g_assert_cmpstr (_kp_org_view_get_page (fixture->view), ==, "units");
  assert_tree (fixture, "Sekretariat Daerah\n");
  g_assert_cmpstr (_kp_org_view_get_positions_page (fixture->view), ==, "empty");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  assert_last_audit_event (fixture, "create unit");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, kind, func) \
  g_test_add ("/ui/org-view/" path, Fixture, GINT_TO_POINTER (kind), fixture_set_up, func, fixture_tear_down)

  ADD ("tree", WITH_UNITS, test_tree);
  ADD ("positions", WITH_UNITS, test_positions);
  ADD ("add-unit", WITH_UNITS, test_add_unit);
  ADD ("add-sub-unit", WITH_UNITS, test_add_sub_unit);
  ADD ("rename-unit", WITH_UNITS, test_rename_unit);
  ADD ("move-unit", WITH_UNITS, test_move_unit);
  ADD ("delete-unit-refused", WITH_UNITS, test_delete_unit_refused);
  ADD ("delete-unit", WITH_UNITS, test_delete_unit);
  ADD ("add-position", WITH_UNITS, test_add_position);
  ADD ("edit-position", WITH_UNITS, test_edit_position);
  ADD ("delete-position", WITH_UNITS, test_delete_position);
  ADD ("follows-database", WITH_UNITS, test_follows_database);
  ADD ("empty", EMPTY, test_empty);

#undef ADD

  return g_test_run ();
}
