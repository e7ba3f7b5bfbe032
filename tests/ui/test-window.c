/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window over a small real database: the employee list shows the
 * register, searches it, sorts it, follows changes and says when there is nothing to show. */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "kompeten/kp-model.h"

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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_ref (fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);

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

  return g_test_run ();
}
