/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window over a small real database: the employee list shows the
 * register, searches it, sorts it, follows changes and says when there is nothing to show; the
 * shell around it switches areas from the sidebar, names the database, opens editors (one per
 * employee), undoes a deletion, exports the register off the main thread and remembers its
 * size. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "kompeten/kp-model.h"

#include "kp-audit-view.h"
#include "kp-employee-editor.h"
#include "kp-employee-view-private.h"
#include "kp-window-private.h"

typedef struct {
  const char *nip;
  const char *name;
  const char *sex;
  const char *birth_date;
  const char *grade;
} Person;

/* In register order, which is deliberately not alphabetical. */
static const Person people[] = {
  { "199001012015031002", "Candra Wijaya", "L", "1990-01-01", "II/c" },
  { "196810301993082121", "Éka Putri", "P", "1968-10-30", "III/a" },
  { "196602041998051457", "Ahmad Fauzi", "L", "1966-02-04", "IV/a" },
  { "198608142011011949", "Budi Santoso", "L", "1986-08-14", "III/d" },
};

#define UNIT_NAME "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
#define POSITION_TITLE "Analis Sumber Daya Manusia Aparatur Ahli Muda"

typedef struct {
  KpDatabase *database;
  gint64 position_id;
  KpWindow *window;
  KpEmployeeView *view;
} Fixture;

static gint64
save_person (Fixture      *fixture,
             const Person *person,
             gint64        supervisor_id)
{
  g_autoptr(KpEmployee) employee = kp_employee_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  kp_employee_set_nip (employee, person->nip);
  kp_employee_set_name (employee, person->name);
  kp_employee_set_sex (employee, person->sex);
  kp_employee_set_birth_place (employee, "Kalianda");
  kp_employee_set_birth_date (employee, person->birth_date);
  kp_employee_set_education (employee, "S1");
  kp_employee_set_grade (employee, person->grade);
  kp_employee_set_position_id (employee, fixture->position_id);
  kp_employee_set_supervisor_id (employee, supervisor_id);

  id = kp_register_save_employee (fixture->database, employee, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* One round of the main loop that never blocks for long, so that deadlines are checked. */
static void
iterate (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (1000);
}

/* Spins the main loop until nothing is pending and the view's models have finished their
 * incremental work, or fails after five seconds. */
static void
settle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL) || _kp_employee_view_is_busy (fixture->view))
    {
      iterate ();
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

/* The search entry reports a change after a short delay: wait for what the user would see. */
static void
wait_for_status (Fixture    *fixture,
                 const char *expected)
{
  GtkLabel *status = _kp_employee_view_get_status_label (fixture->view);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_label_get_label (status), expected) != 0 &&
         g_get_monotonic_time () < deadline)
    iterate ();

  settle (fixture);
  g_assert_cmpstr (gtk_label_get_label (status), ==, expected);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_people = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 unit_id;
  gint64 ahmad_id = 0;

  /* G_TEST_OPTION_ISOLATE_DIRS: a fresh data folder per test, removed afterwards. */
  path = g_build_filename (g_get_user_data_dir (), "kompeten", "test.db", NULL);
  fixture->database = kp_database_open (path, &error);
  g_assert_no_error (error);

  unit_id = kp_register_add_unit (fixture->database, UNIT_NAME, 0, &error);
  g_assert_no_error (error);
  fixture->position_id = kp_register_add_position (fixture->database, unit_id, POSITION_TITLE,
                                                   KP_POSITION_KIND_AHLI_MUDA, &error);
  g_assert_no_error (error);

  if (with_people)
    {
      for (guint i = 0; i < G_N_ELEMENTS (people); i++)
        {
          gboolean is_budi = g_str_equal (people[i].name, "Budi Santoso");
          gint64 id = save_person (fixture, &people[i], is_budi ? ahmad_id : 0);

          if (g_str_equal (people[i].name, "Ahmad Fauzi"))
            ahmad_id = id;
        }
    }

  fixture->window = kp_window_new (NULL, fixture->database);
  fixture->view = _kp_window_get_employee_view (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));

  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  settle (fixture);
}

/* Destroys every other toplevel (editors, dialogs) the test left open. */
static void
destroy_other_toplevels (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (fixture->window))
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  destroy_other_toplevels (fixture);

  /* A test that closed the window itself has already checked that it went away. */
  if (fixture->window != NULL)
    {
      g_object_ref (fixture->window);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_assert_finalize_object (fixture->window);
    }

  g_clear_object (&fixture->database);
}

static GListModel *
get_rows (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_column_view_get_model (_kp_employee_view_get_column_view (fixture->view)));
}

static const char *
row_name (Fixture *fixture,
          guint    position)
{
  g_autoptr(KpEmployee) employee = g_list_model_get_item (get_rows (fixture), position);

  g_assert_nonnull (employee);
  /* The store keeps the record alive; the string outlives our reference. */
  return kp_employee_get_name (employee);
}

static const char *
row_grade (Fixture *fixture,
           guint    position)
{
  g_autoptr(KpEmployee) employee = g_list_model_get_item (get_rows (fixture), position);

  g_assert_nonnull (employee);
  return kp_employee_get_grade (employee);
}

static GtkColumnViewColumn *
get_column (Fixture    *fixture,
            const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (_kp_employee_view_get_column_view (fixture->view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column; /* owned by the view */
    }

  g_assert_not_reached ();
  return NULL;
}

static void
collect_cell_texts (GtkWidget *widget,
                    GPtrArray *texts)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cell_texts (child, texts);
}

static guint
count_cells (GPtrArray  *texts,
             const char *text)
{
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      n++;

  return n;
}

static void
search (Fixture    *fixture,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (_kp_employee_view_get_search_entry (fixture->view)), text);
}

static void
test_list_shows_register (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpstr (adw_window_title_get_title (_kp_window_get_window_title (fixture->window)), ==, "Kompeten");
  g_assert_cmpstr (adw_window_title_get_subtitle (_kp_window_get_window_title (fixture->window)), ==, "test.db");

  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (fixture)), ==, G_N_ELEMENTS (people));
  wait_for_status (fixture, "4 of 4 employees");

  /* Register order until the user sorts. */
  g_assert_cmpstr (row_name (fixture, 0), ==, "Candra Wijaya");

  /* The cells show the record's fields. */
  collect_cell_texts (GTK_WIDGET (_kp_employee_view_get_column_view (fixture->view)), texts);
  g_assert_cmpuint (count_cells (texts, "Éka Putri"), ==, 1);
  g_assert_cmpuint (count_cells (texts, "196810301993082121"), ==, 1);
  g_assert_cmpuint (count_cells (texts, UNIT_NAME), ==, G_N_ELEMENTS (people));
  g_assert_cmpuint (count_cells (texts, POSITION_TITLE), ==, G_N_ELEMENTS (people));
  g_assert_cmpuint (count_cells (texts, kp_position_kind_to_string (KP_POSITION_KIND_AHLI_MUDA)), ==,
                    G_N_ELEMENTS (people));
  g_assert_cmpuint (count_cells (texts, "IV/a"), ==, 1);
  g_assert_cmpuint (count_cells (texts, "F"), ==, 1);
  g_assert_cmpuint (count_cells (texts, "M"), ==, 3);
  /* Ahmad once as a name and once as Budi's supervisor. */
  g_assert_cmpuint (count_cells (texts, "Ahmad Fauzi"), ==, 2);
}

static void
test_search_narrows (Fixture       *fixture,
                     gconstpointer  data)
{
  /* Accents and case do not matter. */
  search (fixture, "eka");
  wait_for_status (fixture, "1 of 4 employees");
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (fixture)), ==, 1);
  g_assert_cmpstr (row_name (fixture, 0), ==, "Éka Putri");

  search (fixture, "PUTRI");
  wait_for_status (fixture, "1 of 4 employees");
  g_assert_cmpstr (row_name (fixture, 0), ==, "Éka Putri");

  /* A fragment of a NIP. */
  search (fixture, "19900101");
  wait_for_status (fixture, "1 of 4 employees");
  g_assert_cmpstr (row_name (fixture, 0), ==, "Candra Wijaya");

  /* Extending and shortening a search. */
  search (fixture, "an");
  wait_for_status (fixture, "2 of 4 employees"); /* Candra Wijaya, Budi Santoso */
  search (fixture, "and");
  wait_for_status (fixture, "1 of 4 employees");
  g_assert_cmpstr (row_name (fixture, 0), ==, "Candra Wijaya");
  search (fixture, "a");
  wait_for_status (fixture, "4 of 4 employees");

  /* Nothing found: the view says so. */
  search (fixture, "zzz");
  wait_for_status (fixture, "0 of 4 employees");
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (fixture)), ==, 0);
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "no-results");

  /* Clearing restores everything. */
  search (fixture, "");
  wait_for_status (fixture, "4 of 4 employees");
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (fixture)), ==, G_N_ELEMENTS (people));
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "list");

  /* Escape in the search entry clears it too. */
  search (fixture, "budi");
  wait_for_status (fixture, "1 of 4 employees");
  g_signal_emit_by_name (_kp_employee_view_get_search_entry (fixture->view), "stop-search");
  wait_for_status (fixture, "4 of 4 employees");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_kp_employee_view_get_search_entry (fixture->view))), ==, "");
}

static void
test_sort_by_name (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkColumnView *column_view = _kp_employee_view_get_column_view (fixture->view);

  gtk_column_view_sort_by_column (column_view, get_column (fixture, "Name"), GTK_SORT_ASCENDING);
  settle (fixture);
  g_assert_cmpstr (row_name (fixture, 0), ==, "Ahmad Fauzi");
  g_assert_cmpstr (row_name (fixture, 1), ==, "Budi Santoso");
  g_assert_cmpstr (row_name (fixture, 2), ==, "Candra Wijaya");
  g_assert_cmpstr (row_name (fixture, 3), ==, "Éka Putri");

  gtk_column_view_sort_by_column (column_view, get_column (fixture, "Name"), GTK_SORT_DESCENDING);
  settle (fixture);
  g_assert_cmpstr (row_name (fixture, 0), ==, "Éka Putri");
  g_assert_cmpstr (row_name (fixture, 3), ==, "Ahmad Fauzi");

  /* A search keeps the sort order. */
  search (fixture, "an");
  wait_for_status (fixture, "2 of 4 employees");
  g_assert_cmpstr (row_name (fixture, 0), ==, "Candra Wijaya");
  g_assert_cmpstr (row_name (fixture, 1), ==, "Budi Santoso");
}

static void
test_sort_by_grade (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkColumnView *column_view = _kp_employee_view_get_column_view (fixture->view);

  /* Grades sort by rank: II/c < III/a < III/d < IV/a. */
  gtk_column_view_sort_by_column (column_view, get_column (fixture, "Grade"), GTK_SORT_ASCENDING);
  settle (fixture);
  g_assert_cmpstr (row_grade (fixture, 0), ==, "II/c");
  g_assert_cmpstr (row_grade (fixture, 1), ==, "III/a");
  g_assert_cmpstr (row_grade (fixture, 2), ==, "III/d");
  g_assert_cmpstr (row_grade (fixture, 3), ==, "IV/a");

  gtk_column_view_sort_by_column (column_view, get_column (fixture, "Grade"), GTK_SORT_DESCENDING);
  settle (fixture);
  g_assert_cmpstr (row_grade (fixture, 0), ==, "IV/a");
  g_assert_cmpstr (row_grade (fixture, 3), ==, "II/c");

  /* NIP: by the digits, so by birth date first. */
  gtk_column_view_sort_by_column (column_view, get_column (fixture, "NIP"), GTK_SORT_ASCENDING);
  settle (fixture);
  g_assert_cmpstr (row_name (fixture, 0), ==, "Ahmad Fauzi");
  g_assert_cmpstr (row_name (fixture, 3), ==, "Candra Wijaya");
}

static void
test_follows_register (Fixture       *fixture,
                       gconstpointer  data)
{
  static const Person dewi = { "197505152000032001", "Dewi Lestari", "P", "1975-05-15", "III/b" };

  wait_for_status (fixture, "4 of 4 employees");
  save_person (fixture, &dewi, 0);
  wait_for_status (fixture, "5 of 5 employees");
  g_assert_cmpuint (g_list_model_get_n_items (get_rows (fixture)), ==, 5);

  /* A new record that does not match the search is counted but not shown. */
  search (fixture, "eka");
  wait_for_status (fixture, "1 of 5 employees");
}

static void
test_empty_register (Fixture       *fixture,
                     gconstpointer  data)
{
  static const Person eka = { "196810301993082121", "Éka Putri", "P", "1968-10-30", "III/a" };

  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "empty");
  wait_for_status (fixture, "0 of 0 employees");

  /* The first employee replaces the empty state with the list. */
  save_person (fixture, &eka, 0);
  wait_for_status (fixture, "1 of 1 employee");
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "list");
}

static void
test_search_shortcut (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (_kp_employee_view_get_search_entry (fixture->view));
  GtkWidget *focus;

  gtk_widget_grab_focus (GTK_WIDGET (_kp_employee_view_get_column_view (fixture->view)));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_false (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Ctrl+F is bound to win.search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* ---- the shell: areas, title, actions -------------------------------------------------- */

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget       *root,
             WidgetPredicate  predicate,
             gconstpointer    data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The toast the user sees: a mapped label in the toast overlay with @text, within five seconds. */
static GtkWidget *
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  GtkWidget *overlay = GTK_WIDGET (_kp_window_get_toast_overlay (fixture->window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *label;

  while ((label = find_widget (overlay, is_label_with_text, text)) == NULL &&
         g_get_monotonic_time () < deadline)
    iterate ();

  if (label == NULL)
    g_error ("No toast “%s” shown", text);

  return label;
}

static GPtrArray *
list_editors (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *editors = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (KP_IS_EMPLOYEE_EDITOR (window))
        g_ptr_array_add (editors, window); /* owned by GTK's list of toplevels */
    }

  return editors;
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

static void
test_areas (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *const areas[] = { "employees", "organisation", "reports", "audit" };
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

  /* Ctrl+1 … Ctrl+4; with the keyboard in the sidebar, the focus follows the selection. */
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

static void
test_title (Fixture       *fixture,
            gconstpointer  data)
{
  /* The desktop's window list tells which database each window shows. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "test.db — Kompeten");
  g_assert_cmpstr (adw_window_title_get_title (_kp_window_get_window_title (fixture->window)), ==, "Kompeten");
  g_assert_cmpstr (adw_window_title_get_subtitle (_kp_window_get_window_title (fixture->window)), ==, "test.db");
}

static gboolean
focus_is_in (Fixture   *fixture,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
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
  g_assert_false (focus_is_in (fixture, entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  assert_area (fixture, "employees");
  g_assert_true (focus_is_in (fixture, entry));

  /* The audit log has a search of its own. */
  kp_window_show_area (fixture->window, "audit");
  settle (fixture);
  audit_view = find_widget (GTK_WIDGET (fixture->window), is_of_type,
                            GSIZE_TO_POINTER (KP_TYPE_AUDIT_VIEW));
  g_assert_nonnull (audit_view);
  gtk_widget_grab_focus (GTK_WIDGET (sidebar_row (fixture, "audit")));
  g_assert_false (focus_is_in (fixture, audit_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  assert_area (fixture, "audit");
  g_assert_true (focus_is_in (fixture, audit_view));
  g_assert_true (GTK_IS_EDITABLE (gtk_root_get_focus (GTK_ROOT (fixture->window))));
}

static gint64
find_id (Fixture    *fixture,
         const char *name)
{
  GListModel *employees = kp_database_get_employees (fixture->database);

  for (guint i = 0; i < g_list_model_get_n_items (employees); i++)
    {
      g_autoptr(KpEmployee) employee = g_list_model_get_item (employees, i);

      if (g_str_equal (kp_employee_get_name (employee), name))
        return kp_employee_get_id (employee);
    }

  return 0;
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
  wait_for_status (fixture, "3 of 3 employees");

  /* The toast names the employee and offers Undo. */
  wait_for_toast (fixture, "“Éka Putri” deleted");
  undo = find_widget (GTK_WIDGET (_kp_window_get_toast_overlay (fixture->window)),
                      is_button_with_label, "_Undo");
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);

  /* Back in the register, as a new record with the same data. */
  wait_for_status (fixture, "4 of 4 employees");
  restored = kp_register_find_employee (fixture->database, "196810301993082121");
  g_assert_nonnull (restored);
  g_assert_cmpstr (kp_employee_get_name (restored), ==, "Éka Putri");
  g_assert_cmpstr (kp_employee_get_grade (restored), ==, "III/a");
}

static void
export_and_wait (Fixture    *fixture,
                 const char *path,
                 const char *toast)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint iterations = 0;

  _kp_window_export_to (fixture->window, file);

  /* The header shows that the export runs. */
  g_assert_true (_kp_window_is_exporting (fixture->window));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_label_with_text,
                                 "Exporting the register…"));

  /* The main loop keeps running while the file is written. */
  while (_kp_window_is_exporting (fixture->window))
    {
      iterate ();
      iterations++;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_cmpuint (iterations, >, 0);

  wait_for_toast (fixture, toast);
  g_assert_nonnull (find_widget (GTK_WIDGET (_kp_window_get_toast_overlay (fixture->window)),
                                 is_button_with_label, "_Open"));
  g_assert_null (find_widget (GTK_WIDGET (fixture->window), is_label_with_text,
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
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window); /* owned by GTK's list of toplevels */
    }

  return NULL;
}

static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "no such folder",
                                            "pegawai.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog;

  _kp_window_export_to (fixture->window, file);
  while (_kp_window_is_exporting (fixture->window))
    {
      iterate ();
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
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
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (KP_IS_WINDOW (window) && window != GTK_WINDOW (fixture->window))
        return KP_WINDOW (window);
    }

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
  int width;
  int height;

  /* The window uses the settings when the schema is there (the tests point at it). */
  g_assert_nonnull (_kp_window_get_settings (window));
  g_assert_cmpstr (g_settings_get_string (settings, "last-database"), ==,
                   kp_database_get_path (fixture->database));

  gtk_window_set_default_size (GTK_WINDOW (window), 913, 617);
  settle (fixture);

  /* Closing stores the size. */
  fixture->window = NULL;
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 913);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 617);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window starts at that size. */
  second = kp_window_new (NULL, fixture->database);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 913);
  g_assert_cmpint (height, ==, 617);
  g_object_ref (second);
  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_finalize_object (second);
}

/* G_TEST_OPTION_ISOLATE_DIRS points XDG_DATA_DIRS at an empty folder. Two things the window
 * needs from the system's data folders must stay visible: the compiled GSettings schemas
 * (libadwaita fails an assertion without any schema source) and the MIME database (without it
 * the SVG icons cannot be recognised). Called before g_test_init, while the folders are real. */
static void
keep_system_data (void)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    return;

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *schemas = g_build_filename (dirs[i], "glib-2.0", "schemas", NULL);
      g_autofree char *compiled = g_build_filename (schemas, "gschemas.compiled", NULL);

      if (g_file_test (compiled, G_FILE_TEST_EXISTS))
        {
          g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
          return;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  /* In-process widget tests need no accessibility bus. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  keep_system_data ();

  /* What gtk_test_init does, plus isolated XDG folders (gtk_test_init drops its options). */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/ui/window/list", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_list_shows_register, fixture_tear_down);
  g_test_add ("/ui/window/search", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search_narrows, fixture_tear_down);
  g_test_add ("/ui/window/sort-name", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_sort_by_name, fixture_tear_down);
  g_test_add ("/ui/window/sort-grade", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_sort_by_grade, fixture_tear_down);
  g_test_add ("/ui/window/follows-register", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_follows_register, fixture_tear_down);
  g_test_add ("/ui/window/empty", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_empty_register, fixture_tear_down);
  g_test_add ("/ui/window/search-shortcut", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search_shortcut, fixture_tear_down);
  g_test_add ("/ui/window/areas", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_areas, fixture_tear_down);
  g_test_add ("/ui/window/title", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_title, fixture_tear_down);
  g_test_add ("/ui/window/search-other-areas", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search_from_other_areas, fixture_tear_down);
  g_test_add ("/ui/window/new-employee", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_new_employee, fixture_tear_down);
  g_test_add ("/ui/window/edit-employee-once", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_edit_employee_once, fixture_tear_down);
  g_test_add ("/ui/window/undo-delete", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_undo_delete, fixture_tear_down);
  g_test_add ("/ui/window/export-xlsx", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export_xlsx, fixture_tear_down);
  g_test_add ("/ui/window/export-csv", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/ui/window/export-error", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export_error, fixture_tear_down);
  g_test_add ("/ui/window/open-database", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_open_database, fixture_tear_down);
  g_test_add ("/ui/window/remembers-size", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_remembers_size, fixture_tear_down);

  return g_test_run ();
}
