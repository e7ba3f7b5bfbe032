/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window over a small real database: the shell around the areas
 * switches them from the sidebar and with Ctrl+1 … Ctrl+8, names the database, takes Ctrl+F to
 * the area's search, opens
 * editors (one per employee), undoes a deletion, exports the register off the main thread,
 * opens another database and remembers its size. The employee list inside it has its own tests
 * in test-employee-view.c. */

#include "config.h"

#include <string.h>

#include "kp-audit-view.h"
#include "kp-competency-view-private.h"
#include "kp-employee-editor.h"
#include "kp-employee-view-private.h"
#include "kp-window-private.h"

#include "kp-jpm-dialog.h"

#include "ui-test-util.h"

/* In register order, which is deliberately not alphabetical. */
static const UiTestPerson people[] = {
  { "199001012015031002", "Candra Wijaya", "L", "1990-01-01", "II/c" },
  { "196810301993082121", "Éka Putri", "P", "1968-10-30", "III/a" },
  { "196602041998051457", "Ahmad Fauzi", "L", "1966-02-04", "IV/a" },
  { "198608142011011949", "Budi Santoso", "L", "1986-08-14", "III/d" },
};

#define UNIT_NAME "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
#define POSITION_TITLE "Analis Sumber Daya Manusia Aparatur Ahli Muda"

typedef struct {
  KpDatabase *database;
  KpWindow *window;
  KpEmployeeView *view;
} Fixture;

/* The window has settled when its employee list has. */
static void
settle (Fixture *fixture)
{
  ui_test_settle_view ((UiTestCondition) _kp_employee_view_is_busy, fixture->view);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 unit_id;
  gint64 position_id;
  gint64 ahmad_id = 0;

  fixture->database = ui_test_new_database (NULL);
  unit_id = ui_test_add_unit (fixture->database, UNIT_NAME, 0);
  position_id = ui_test_add_position (fixture->database, unit_id, POSITION_TITLE,
                                      KP_POSITION_KIND_AHLI_MUDA);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gboolean is_budi = g_str_equal (people[i].name, "Budi Santoso");
      gint64 id = ui_test_save_person (fixture->database, &people[i], position_id,
                                       is_budi ? ahmad_id : 0);

      if (g_str_equal (people[i].name, "Ahmad Fauzi"))
        ahmad_id = id;
    }

  fixture->window = kp_window_new (NULL, fixture->database);
  fixture->view = _kp_window_get_employee_view (fixture->window);
  ui_test_show_window (GTK_WINDOW (fixture->window));
  settle (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Editors and dialogs the test left open. */
  ui_test_destroy_other_toplevels (GTK_WINDOW (fixture->window));

  /* A test that closed the window itself has already checked that it went away. */
  if (fixture->window != NULL)
    ui_test_destroy_window (GTK_WINDOW (fixture->window), fixture->window);

  g_clear_object (&fixture->database);
}

static void
test_search_shortcut (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (_kp_employee_view_get_search_entry (fixture->view));

  gtk_widget_grab_focus (GTK_WIDGET (_kp_employee_view_get_column_view (fixture->view)));
  g_assert_false (ui_test_focus_is_in (entry));

  /* Ctrl+F is bound to win.search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (ui_test_focus_is_in (entry));
}

/* ---- the shell: areas, title, actions -------------------------------------------------- */

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The toast the user sees: a mapped label in the toast overlay with @text, within five seconds. */
static void
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  ui_test_wait_for_toast (GTK_WIDGET (_kp_window_get_toast_overlay (fixture->window)), text);
}

static GPtrArray *
list_editors (void)
{
  return ui_test_list_toplevels (KP_TYPE_EMPLOYEE_EDITOR);
}

static GtkListBoxRow *
sidebar_row (Fixture    *fixture,
             const char *name)
{
  GtkWidget *sidebar = GTK_WIDGET (_kp_window_get_sidebar (fixture->window));

  for (GtkWidget *child = gtk_widget_get_first_child (sidebar);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_name (child), name))
      return GTK_LIST_BOX_ROW (child);

  g_assert_not_reached ();
  return NULL;
}

/* The area the user sees: the stack's page, the sidebar's selected row, and the page mapped. */
static void
assert_area (Fixture    *fixture,
             const char *name)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (_kp_window_get_sidebar (fixture->window));

  settle (fixture);
  g_assert_cmpstr (_kp_window_get_visible_area (fixture->window), ==, name);
  g_assert_nonnull (selected);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (selected)), ==, name);
}

/* What pressing @accelerator does in the window: the window's own shortcut for it (the ones
 * its class binds), activated as GTK would. FALSE when the window has no such shortcut. */
static gboolean
press_shortcut (Fixture    *fixture,
                const char *accelerator)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static void
test_areas (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *const areas[] = { "employees", "organisation", "competencies", "standards",
                                       "assessments", "recruitment", "reports", "audit" };
  GtkWidget *employees = GTK_WIDGET (fixture->view);
  GtkWidget *focus;

  /* The register first. */
  assert_area (fixture, "employees");
  g_assert_true (gtk_widget_get_mapped (employees));

  /* Every area has a row, in this order. */
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_assert_cmpint (gtk_list_box_row_get_index (sidebar_row (fixture, areas[i])), ==, i);

  kp_window_show_area (fixture->window, "reports");
  assert_area (fixture, "reports");
  g_assert_false (gtk_widget_get_mapped (employees));

  /* Activating a row (a click, or Enter on it) shows its area. */
  gtk_widget_activate (GTK_WIDGET (sidebar_row (fixture, "audit")));
  assert_area (fixture, "audit");
  gtk_widget_activate (GTK_WIDGET (sidebar_row (fixture, "organisation")));
  assert_area (fixture, "organisation");

  /* win.show-area (Ctrl+1 … Ctrl+8); with the keyboard in the sidebar, the focus follows the
   * selection. */
  gtk_widget_grab_focus (GTK_WIDGET (sidebar_row (fixture, "organisation")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "employees"));
  assert_area (fixture, "employees");
  g_assert_true (gtk_widget_get_mapped (employees));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) ==
                 GTK_WIDGET (sidebar_row (fixture, "employees")));

  /* Elsewhere, the focus stays where the user is. */
  kp_employee_view_focus_search (fixture->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "reports"));
  assert_area (fixture, "reports");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) == NULL);
}

/* Ctrl+1 … Ctrl+8 show the areas in sidebar order, as the shortcuts window lists them. */
static void
test_area_shortcuts (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *accelerator;
    const char *area;
    const char *title; /* in the shortcuts window */
  } keys[] = {
    { "<Control>3", "competencies", "Competencies" },
    { "<Control>4", "standards", "Standards" },
    { "<Control>5", "assessments", "Assessments" },
    { "<Control>6", "recruitment", "Recruitment" },
    { "<Control>7", "reports", "Reports" },
    { "<Control>8", "audit", "Audit" },
    { "<Control>2", "organisation", "Organisation" },
    { "<Control>1", "employees", "Employees" },
  };
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/id/go/lampungselatankab/Kompeten/gtk/help-overlay.ui");
  GObject *help_overlay = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_test_message ("%s", keys[i].accelerator);
      g_assert_true (press_shortcut (fixture, keys[i].accelerator));
      assert_area (fixture, keys[i].area);
    }
  g_assert_false (press_shortcut (fixture, "<Control>9"));

  /* The shortcuts window (Ctrl+?) tells the same. */
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *title = NULL;
        char *accelerator = NULL;

        g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
        g_hash_table_insert (listed, accelerator, title);
      }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (g_hash_table_lookup (listed, keys[i].accelerator), ==, keys[i].title);
  g_assert_null (g_hash_table_lookup (listed, "<Control>9"));
  gtk_window_destroy (GTK_WINDOW (help_overlay));
}

/* The primary menu's JPM Weights and Categories opens the settings over the window, on its
 * database; one at a time is enough, but each request shows one. */
static void
test_jpm_settings (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) dialogs = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.jpm-settings",
                                             NULL));
  ui_test_settle ();
  dialogs = ui_test_list_toplevels (KP_TYPE_JPM_DIALOG);
  g_assert_cmpuint (dialogs->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (dialogs, 0)));
  g_assert_true (gtk_window_get_transient_for (g_ptr_array_index (dialogs, 0)) ==
                 GTK_WINDOW (fixture->window));
  gtk_window_destroy (g_ptr_array_index (dialogs, 0));
  ui_test_settle ();
}

/* The dictionary has an area of its own, with the seeded competencies in it. */
static void
test_competencies_area (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *entry;

  view = ui_test_find_widget (GTK_WIDGET (fixture->window), ui_test_is_of_type,
                              GSIZE_TO_POINTER (KP_TYPE_COMPETENCY_VIEW));
  g_assert_nonnull (view);
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (_kp_window_get_sidebar (fixture->window), 2))),
                   ==, "competencies");

  /* By its row, a click or Enter. */
  gtk_widget_activate (GTK_WIDGET (sidebar_row (fixture, "competencies")));
  assert_area (fixture, "competencies");
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_true (kp_competency_view_get_database (KP_COMPETENCY_VIEW (view)) == fixture->database);
  g_assert_true (ui_test_shows_text (view, "M.01 Integritas"));

  /* By Ctrl+3 from another area. */
  press_shortcut (fixture, "<Control>1");
  assert_area (fixture, "employees");
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_true (press_shortcut (fixture, "<Control>3"));
  assert_area (fixture, "competencies");
  g_assert_true (gtk_widget_get_mapped (view));

  /* Ctrl+F there searches the dictionary, not the register. */
  entry = GTK_WIDGET (_kp_competency_view_get_search_entry (KP_COMPETENCY_VIEW (view)));
  g_assert_false (ui_test_focus_is_in (entry));
  g_assert_true (press_shortcut (fixture, "<Control>f"));
  assert_area (fixture, "competencies");
  g_assert_true (ui_test_focus_is_in (entry));
}

static void
test_title (Fixture       *fixture,
            gconstpointer  data)
{
  /* The desktop's window list tells which database each window shows. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "test.db — Kompeten");
  g_assert_cmpstr (adw_window_title_get_title (_kp_window_get_window_title (fixture->window)), ==, "Kompeten");
  g_assert_cmpstr (adw_window_title_get_subtitle (_kp_window_get_window_title (fixture->window)), ==, "test.db");
}

static void
test_search_from_other_areas (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (_kp_employee_view_get_search_entry (fixture->view));
  GtkWidget *audit_view;

  /* From an area without a search: the register's. */
  kp_window_show_area (fixture->window, "reports");
  settle (fixture);
  g_assert_false (ui_test_focus_is_in (entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  assert_area (fixture, "employees");
  g_assert_true (ui_test_focus_is_in (entry));

  /* The audit log has a search of its own. */
  kp_window_show_area (fixture->window, "audit");
  settle (fixture);
  audit_view = ui_test_find_widget (GTK_WIDGET (fixture->window), ui_test_is_of_type,
                                   GSIZE_TO_POINTER (KP_TYPE_AUDIT_VIEW));
  g_assert_nonnull (audit_view);
  gtk_widget_grab_focus (GTK_WIDGET (sidebar_row (fixture, "audit")));
  g_assert_false (ui_test_focus_is_in (audit_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  assert_area (fixture, "audit");
  g_assert_true (ui_test_focus_is_in (audit_view));
  g_assert_true (GTK_IS_EDITABLE (gtk_root_get_focus (GTK_ROOT (fixture->window))));
}

static gboolean
employee_is_named (gpointer      employee,
                   gconstpointer name)
{
  return g_str_equal (kp_employee_get_name (employee), name);
}

static gint64
find_id (Fixture    *fixture,
         const char *name)
{
  g_autoptr(KpEmployee) employee = ui_test_find_item (kp_database_get_employees (fixture->database),
                                                      employee_is_named, name);

  return employee != NULL ? kp_employee_get_id (employee) : 0;
}

static void
test_new_employee (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) before = list_editors ();
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpuint (before->len, ==, 0);

  /* Ctrl+N */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-employee", NULL));
  settle (fixture);
  after = list_editors ();
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_true (gtk_window_get_transient_for (after->pdata[0]) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_get_visible (after->pdata[0]));
}

static void
test_edit_employee_once (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 eka = find_id (fixture, "Éka Putri");
  gint64 budi = find_id (fixture, "Budi Santoso");
  g_autoptr(GPtrArray) editors = NULL;
  GtkWindow *first;

  g_assert_cmpint (eka, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-employee", "x", eka));
  settle (fixture);
  editors = list_editors ();
  g_assert_cmpuint (editors->len, ==, 1);
  first = editors->pdata[0];
  g_clear_pointer (&editors, g_ptr_array_unref);

  /* Asking again for the same employee brings the same editor forward. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-employee", "x", eka));
  settle (fixture);
  editors = list_editors ();
  g_assert_cmpuint (editors->len, ==, 1);
  g_assert_true (editors->pdata[0] == first);
  g_clear_pointer (&editors, g_ptr_array_unref);

  /* Another employee gets an editor of their own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-employee", "x", budi));
  settle (fixture);
  editors = list_editors ();
  g_assert_cmpuint (editors->len, ==, 2);
  g_clear_pointer (&editors, g_ptr_array_unref);

  /* Once closed, the next request opens a new one. */
  gtk_window_destroy (first);
  settle (fixture);
  editors = list_editors ();
  g_assert_cmpuint (editors->len, ==, 1);
  g_clear_pointer (&editors, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-employee", "x", eka));
  settle (fixture);
  editors = list_editors ();
  g_assert_cmpuint (editors->len, ==, 2);
  g_clear_pointer (&editors, g_ptr_array_unref);

  /* An employee deleted meanwhile: no editor, a word why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-employee", "x",
                                             (gint64) 987654));
  wait_for_toast (fixture, "This employee is no longer in the register");
  editors = list_editors ();
  g_assert_cmpuint (editors->len, ==, 2);
}

static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 eka = find_id (fixture, "Éka Putri");
  GtkLabel *status = _kp_employee_view_get_status_label (fixture->view);
  UiTestCondition list_is_busy = (UiTestCondition) _kp_employee_view_is_busy;
  g_autoptr(GPtrArray) editors = NULL;
  g_autoptr(KpEmployee) copy = NULL;
  g_autoptr(KpEmployee) restored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-employee", "x", eka));
  settle (fixture);
  editors = list_editors ();
  g_assert_cmpuint (editors->len, ==, 1);

  /* What the editor does when the user confirms Delete: delete, then tell with a copy. */
  copy = kp_register_find_employee (fixture->database, "196810301993082121");
  g_assert_nonnull (copy);
  g_assert_true (kp_register_delete_employee (fixture->database, eka, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (editors->pdata[0], "deleted", copy);
  ui_test_wait_for_label (status, "3 of 3 employees", list_is_busy, fixture->view);

  /* The toast names the employee and offers Undo. */
  wait_for_toast (fixture, "“Éka Putri” deleted");
  undo = ui_test_find_widget (GTK_WIDGET (_kp_window_get_toast_overlay (fixture->window)),
                              is_button_with_label, "_Undo");
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);

  /* Back in the register, as a new record with the same data. */
  ui_test_wait_for_label (status, "4 of 4 employees", list_is_busy, fixture->view);
  restored = kp_register_find_employee (fixture->database, "196810301993082121");
  g_assert_nonnull (restored);
  g_assert_cmpstr (kp_employee_get_name (restored), ==, "Éka Putri");
  g_assert_cmpstr (kp_employee_get_grade (restored), ==, "III/a");
}

typedef struct {
  KpWindow *window;
  guint checks;
} Export;

static gboolean
export_is_done (gpointer data)
{
  Export *export = data;

  export->checks++;
  return !_kp_window_is_exporting (export->window);
}

/* Waits up to 30 seconds for the export to end, and says how many times it was checked: more
 * than once when the main loop ran while the file was written. */
static guint
wait_for_export (Fixture *fixture)
{
  Export export = { fixture->window, 0 };

  g_assert_true (ui_test_wait_until (export_is_done, &export, 30));
  return export.checks;
}

static void
export_and_wait (Fixture    *fixture,
                 const char *path,
                 const char *toast)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _kp_window_export_to (fixture->window, file);

  /* The header shows that the export runs. */
  g_assert_true (_kp_window_is_exporting (fixture->window));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture->window), ui_test_is_label_with_text,
                                         "Exporting the register…"));

  /* The main loop keeps running while the file is written. */
  g_assert_cmpuint (wait_for_export (fixture), >, 1);

  wait_for_toast (fixture, toast);
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (_kp_window_get_toast_overlay (fixture->window)),
                                         is_button_with_label, "_Open"));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture->window), ui_test_is_label_with_text,
                                      "Exporting the register…"));
}

static void
test_export_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "pegawai-test.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  export_and_wait (fixture, path, "Register exported to pegawai-test.xlsx");
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* A workbook is a zip archive. */
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK\003\004", 4) == 0);
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "pegawai-test.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  export_and_wait (fixture, path, "Register exported to pegawai-test.csv");
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (g_strchomp (lines[0]), ==,
                   "nip,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,golongan,"
                   "jabatan,jenis_jabatan,unit_kerja,nip_atasan,email,telepon");
  /* The header, four employees, and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + G_N_ELEMENTS (people) + 1);
  g_assert_nonnull (strstr (contents, "196810301993082121"));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GPtrArray) dialogs = ui_test_list_toplevels (ADW_TYPE_MESSAGE_DIALOG);

  /* Owned by GTK's list of toplevels too. The areas keep their own dialogs in their
   * templates, hidden until asked for: the one shown is the one the user sees. */
  for (guint i = 0; i < dialogs->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (dialogs, i)))
      return g_ptr_array_index (dialogs, i);

  return NULL;
}

static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "no such folder",
                                            "pegawai.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  _kp_window_export_to (fixture->window, file);
  wait_for_export (fixture);
  settle (fixture);

  /* The user must act: a message dialog over the window, not a passing toast. */
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Export the Register");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static KpWindow *
find_other_window (Fixture *fixture)
{
  g_autoptr(GPtrArray) windows = ui_test_list_toplevels (KP_TYPE_WINDOW);

  for (guint i = 0; i < windows->len; i++)
    if (g_ptr_array_index (windows, i) != fixture->window)
      return g_ptr_array_index (windows, i); /* owned by GTK's list of toplevels too */

  return NULL;
}

static void
test_open_database (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *bad_path = g_build_filename (g_get_user_data_dir (), "notes.db", NULL);
  g_autofree char *new_path = g_build_filename (g_get_user_data_dir (), "kantor", "baru.db", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  KpWindow *old = fixture->window;
  AdwMessageDialog *dialog;
  KpWindow *window;

  /* Not a database: the window stays, a dialog says why in the model's words. */
  g_file_set_contents (bad_path, "not a database, just some notes\n", -1, &error);
  g_assert_no_error (error);
  _kp_window_open_database (fixture->window, bad);
  settle (fixture);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open the Database");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.db"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_null (find_other_window (fixture));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A new file: created, shown in a new window, and this one closes. */
  fixture->window = NULL;
  g_object_ref (old);
  _kp_window_open_database (old, file);
  g_assert_finalize_object (old);
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));

  fixture->window = window = find_other_window (fixture);
  g_assert_nonnull (window);
  fixture->view = _kp_window_get_employee_view (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "baru.db — Kompeten");
  g_assert_cmpstr (kp_database_get_path (kp_window_get_database (window)), ==, new_path);
  settle (fixture);
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "empty");
}

static void
test_remembers_size (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  KpWindow *window = fixture->window;
  KpWindow *second;
  int minimum;
  int chosen;
  int width;
  int height;

  /* The window uses the settings when the schema is there (the tests point at it). */
  g_assert_nonnull (_kp_window_get_settings (window));
  g_assert_cmpstr (g_settings_get_string (settings, "last-database"), ==,
                   kp_database_get_path (fixture->database));

  /* Wider than the window's minimum (the widest area's toolbar), narrower than the 1280-pixel
   * test screen: a size GTK does not have to correct, so no race with the resize. The minimum
   * itself must leave room on such a screen. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_assert_cmpint (minimum, <, 1240);
  chosen = MAX (1213, minimum + 16);
  gtk_window_set_default_size (GTK_WINDOW (window), chosen, 617);
  settle (fixture);

  /* Closing stores the size. */
  fixture->window = NULL;
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, chosen);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 617);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window starts at that size. */
  second = kp_window_new (NULL, fixture->database);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, chosen);
  g_assert_cmpint (height, ==, 617);
  ui_test_destroy_window (GTK_WINDOW (second), second);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/window/search-shortcut", Fixture, NULL,
              fixture_set_up, test_search_shortcut, fixture_tear_down);
  g_test_add ("/ui/window/areas", Fixture, NULL,
              fixture_set_up, test_areas, fixture_tear_down);
  g_test_add ("/ui/window/area-shortcuts", Fixture, NULL,
              fixture_set_up, test_area_shortcuts, fixture_tear_down);
  g_test_add ("/ui/window/jpm-settings", Fixture, NULL,
              fixture_set_up, test_jpm_settings, fixture_tear_down);
  g_test_add ("/ui/window/competencies-area", Fixture, NULL,
              fixture_set_up, test_competencies_area, fixture_tear_down);
  g_test_add ("/ui/window/title", Fixture, NULL,
              fixture_set_up, test_title, fixture_tear_down);
  g_test_add ("/ui/window/search-other-areas", Fixture, NULL,
              fixture_set_up, test_search_from_other_areas, fixture_tear_down);
  g_test_add ("/ui/window/new-employee", Fixture, NULL,
              fixture_set_up, test_new_employee, fixture_tear_down);
  g_test_add ("/ui/window/edit-employee-once", Fixture, NULL,
              fixture_set_up, test_edit_employee_once, fixture_tear_down);
  g_test_add ("/ui/window/undo-delete", Fixture, NULL,
              fixture_set_up, test_undo_delete, fixture_tear_down);
  g_test_add ("/ui/window/export-xlsx", Fixture, NULL,
              fixture_set_up, test_export_xlsx, fixture_tear_down);
  g_test_add ("/ui/window/export-csv", Fixture, NULL,
              fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/ui/window/export-error", Fixture, NULL,
              fixture_set_up, test_export_error, fixture_tear_down);
  g_test_add ("/ui/window/open-database", Fixture, NULL,
              fixture_set_up, test_open_database, fixture_tear_down);
  g_test_add ("/ui/window/remembers-size", Fixture, NULL,
              fixture_set_up, test_remembers_size, fixture_tear_down);

  return g_test_run ();
}
