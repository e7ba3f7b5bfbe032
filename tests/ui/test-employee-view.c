/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-employee-view.c: the employee list over a small real database, in a plain window whose
 * "win" actions are the test's own: it shows the register, narrows by search, unit (with its
 * sub-units) and position kind together, sorts by a header, opens a row through
 * win.edit-employee and, on an empty database, says what to do first.
 *
 * With KOMPETEN_BENCH_DB=/path/to/a/big.db the test /ui/employee-view/bench also measures the
 * filter and the sort on that database and prints the medians; with KOMPETEN_PROFILE=1 the
 * view itself also prints how long each change takes to finish and to reach the screen. */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "kompeten/kp-model.h"

#include "kp-employee-view-private.h"

typedef struct {
  const char *nip;
  const char *name;
  const char *sex;
  const char *birth_date;
  const char *grade;
  int position; /* index into the fixture's positions */
} Person;

enum {
  POS_ANALIS,   /* BKPSDM, Fungsional Ahli Muda */
  POS_KEPALA,   /* BKPSDM, JPT Pratama */
  POS_DOKTER,   /* Dinas Kesehatan, Fungsional Ahli Pertama */
  POS_PERAWAT,  /* Puskesmas Kalianda (under Dinas Kesehatan), Fungsional Terampil */
  N_POSITIONS
};

/* In register order, which is deliberately not alphabetical. */
static const Person people[] = {
  { "199001012015031002", "Candra Wijaya", "L", "1990-01-01", "II/c", POS_PERAWAT },
  { "196810301993082121", "Éka Putri", "P", "1968-10-30", "III/a", POS_DOKTER },
  { "196602041998051457", "Ahmad Fauzi", "L", "1966-02-04", "IV/a", POS_KEPALA },
  { "198608142011011949", "Budi Santoso", "L", "1986-08-14", "III/d", POS_ANALIS },
  { "199203152018012003", "Rina Andayani", "P", "1992-03-15", "III/b", POS_ANALIS },
  { "197505152000032001", "Dewi Lestari", "P", "1975-05-15", "III/c", POS_PERAWAT },
};

typedef struct {
  KpDatabase *database;
  gint64 bkpsdm_id;
  gint64 dinkes_id;
  gint64 puskesmas_id;
  gint64 position_ids[N_POSITIONS];
  GtkWindow *window;
  KpEmployeeView *view;
  GSimpleActionGroup *actions;
  GPtrArray *activated; /* "name" or "name(parameter)" of each win action activated */
} Fixture;

static gint64
save_person (Fixture      *fixture,
             const Person *person)
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
  kp_employee_set_position_id (employee, fixture->position_ids[person->position]);

  id = kp_register_save_employee (fixture->database, employee, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
iterate (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (1000);
}

/* Spins the main loop until nothing is pending and the view's models have finished their
 * incremental work, or fails after ten seconds. */
static void
settle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL) || _kp_employee_view_is_busy (fixture->view))
    {
      iterate ();
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

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
on_action_activate_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       Fixture       *fixture)
{
  const char *name = g_action_get_name (G_ACTION (action));

  if (parameter != NULL)
    g_ptr_array_add (fixture->activated,
                     g_strdup_printf ("%s(%" G_GINT64_FORMAT ")", name, g_variant_get_int64 (parameter)));
  else
    g_ptr_array_add (fixture->activated, g_strdup (name));
}

/* A button reports its click a moment after it is activated, as it shows itself pressed. */
static void
wait_for_activations (Fixture *fixture,
                      guint    n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (fixture->activated->len < n && g_get_monotonic_time () < deadline)
    iterate ();
  settle (fixture);
}

static void
add_action (Fixture            *fixture,
            const char         *name,
            const GVariantType *parameter_type)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new (name, parameter_type);

  g_signal_connect (action, "activate", G_CALLBACK (on_action_activate_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (fixture->actions), G_ACTION (action));
}

static void
open_database (Fixture    *fixture,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  fixture->database = kp_database_open (path, &error);
  g_assert_no_error (error);
}

static void
show_view (Fixture *fixture)
{
  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  fixture->actions = g_simple_action_group_new ();
  add_action (fixture, "edit-employee", G_VARIANT_TYPE_INT64);
  add_action (fixture, "new-employee", NULL);
  add_action (fixture, "import", NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 700);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (fixture->actions));
  fixture->view = KP_EMPLOYEE_VIEW (kp_employee_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  kp_employee_view_set_database (fixture->view, fixture->database);
  gtk_window_present (fixture->window);

  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  settle (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_people = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* G_TEST_OPTION_ISOLATE_DIRS: a fresh data folder per test, removed afterwards. */
  path = g_build_filename (g_get_user_data_dir (), "kompeten", "test.db", NULL);
  open_database (fixture, path);

  fixture->bkpsdm_id = kp_register_add_unit (fixture->database, "BKPSDM", 0, &error);
  g_assert_no_error (error);
  fixture->dinkes_id = kp_register_add_unit (fixture->database, "Dinas Kesehatan", 0, &error);
  g_assert_no_error (error);
  fixture->puskesmas_id = kp_register_add_unit (fixture->database, "Puskesmas Kalianda",
                                                fixture->dinkes_id, &error);
  g_assert_no_error (error);

  fixture->position_ids[POS_ANALIS] =
    kp_register_add_position (fixture->database, fixture->bkpsdm_id, "Analis SDM Aparatur Ahli Muda",
                              KP_POSITION_KIND_AHLI_MUDA, &error);
  g_assert_no_error (error);
  fixture->position_ids[POS_KEPALA] =
    kp_register_add_position (fixture->database, fixture->bkpsdm_id, "Kepala Badan",
                              KP_POSITION_KIND_JPT_PRATAMA, &error);
  g_assert_no_error (error);
  fixture->position_ids[POS_DOKTER] =
    kp_register_add_position (fixture->database, fixture->dinkes_id, "Dokter Ahli Pertama",
                              KP_POSITION_KIND_AHLI_PERTAMA, &error);
  g_assert_no_error (error);
  fixture->position_ids[POS_PERAWAT] =
    kp_register_add_position (fixture->database, fixture->puskesmas_id, "Perawat Terampil",
                              KP_POSITION_KIND_TERAMPIL, &error);
  g_assert_no_error (error);

  if (with_people)
    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      save_person (fixture, &people[i]);

  show_view (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_ref (fixture->window);
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->window);

  g_clear_object (&fixture->actions);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
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

/* The names shown, in order, joined by commas. */
static char *
shown_names (Fixture *fixture)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (get_rows (fixture)); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", row_name (fixture, i));

  return g_string_free (names, FALSE);
}

static void
assert_shown (Fixture    *fixture,
              const char *expected)
{
  g_autofree char *names = shown_names (fixture);

  g_assert_cmpstr (names, ==, expected);
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
search (Fixture    *fixture,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (_kp_employee_view_get_search_entry (fixture->view)), text);
}

/* Chooses the entry labelled @label in @drop_down, as a user picking it from the list. */
static void
choose (GtkDropDown *drop_down,
        const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          gtk_drop_down_set_selected (drop_down, i);
          return;
        }
    }

  g_error ("no choice “%s”", label);
}

static char *
choices (GtkDropDown *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", gtk_string_object_get_string (item));
    }

  return g_string_free (text, FALSE);
}

static void
test_list_shows_register (Fixture       *fixture,
                          gconstpointer  data)
{
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "list");
  wait_for_status (fixture, "6 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Éka Putri, Ahmad Fauzi, Budi Santoso, Rina Andayani, "
                         "Dewi Lestari");
}

static void
test_search_narrows (Fixture       *fixture,
                     gconstpointer  data)
{
  search (fixture, "EKA");
  wait_for_status (fixture, "1 of 6 employees");
  assert_shown (fixture, "Éka Putri");

  search (fixture, "an");
  wait_for_status (fixture, "3 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Budi Santoso, Rina Andayani");

  /* A part of a NIP. */
  search (fixture, "19920315");
  wait_for_status (fixture, "1 of 6 employees");
  assert_shown (fixture, "Rina Andayani");

  search (fixture, "");
  wait_for_status (fixture, "6 of 6 employees");
}

static void
test_sort_by_header (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkColumnView *column_view = _kp_employee_view_get_column_view (fixture->view);

  /* The test runs under C.UTF-8, whose collation puts É after the plain letters. */
  gtk_column_view_sort_by_column (column_view, get_column (fixture, "Name"), GTK_SORT_ASCENDING);
  settle (fixture);
  assert_shown (fixture, "Ahmad Fauzi, Budi Santoso, Candra Wijaya, Dewi Lestari, Rina Andayani, "
                         "Éka Putri");

  gtk_column_view_sort_by_column (column_view, get_column (fixture, "Name"), GTK_SORT_DESCENDING);
  settle (fixture);
  assert_shown (fixture, "Éka Putri, Rina Andayani, Dewi Lestari, Candra Wijaya, Budi Santoso, "
                         "Ahmad Fauzi");

  /* Kinds by rank: JPT Pratama first, Terampil last. */
  gtk_column_view_sort_by_column (column_view, get_column (fixture, "Kind"), GTK_SORT_ASCENDING);
  settle (fixture);
  g_assert_cmpstr (row_name (fixture, 0), ==, "Ahmad Fauzi");

  /* A filter keeps the order. */
  gtk_column_view_sort_by_column (column_view, get_column (fixture, "Name"), GTK_SORT_ASCENDING);
  choose (_kp_employee_view_get_kind_drop_down (fixture->view),
          kp_position_kind_to_string (KP_POSITION_KIND_TERAMPIL));
  wait_for_status (fixture, "2 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Dewi Lestari");
}

static void
test_filters_combine (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkDropDown *units = _kp_employee_view_get_unit_drop_down (fixture->view);
  GtkDropDown *kinds = _kp_employee_view_get_kind_drop_down (fixture->view);
  g_autofree char *unit_choices = choices (units);
  g_autofree char *kind_choices = choices (kinds);

  /* "All" first, then every unit by name, then the 13 kinds in rank order. */
  g_assert_cmpstr (unit_choices, ==, "All units|BKPSDM|Dinas Kesehatan|Puskesmas Kalianda");
  g_assert_true (g_str_has_prefix (kind_choices, "All kinds|JPT Utama|JPT Madya|JPT Pratama|"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (kinds)), ==,
                    1 + KP_POSITION_KIND_COUNT);
  g_assert_cmpuint (gtk_drop_down_get_selected (units), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (kinds), ==, 0);

  /* A unit with its sub-units. */
  choose (units, "Dinas Kesehatan");
  wait_for_status (fixture, "3 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Éka Putri, Dewi Lestari");

  /* The sub-unit alone. */
  choose (units, "Puskesmas Kalianda");
  wait_for_status (fixture, "2 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Dewi Lestari");

  /* Another unit altogether. */
  choose (units, "BKPSDM");
  wait_for_status (fixture, "3 of 6 employees");
  assert_shown (fixture, "Ahmad Fauzi, Budi Santoso, Rina Andayani");

  /* Unit and kind together. */
  choose (kinds, kp_position_kind_to_string (KP_POSITION_KIND_AHLI_MUDA));
  wait_for_status (fixture, "2 of 6 employees");
  assert_shown (fixture, "Budi Santoso, Rina Andayani");

  /* And the search on top. */
  search (fixture, "rina");
  wait_for_status (fixture, "1 of 6 employees");
  assert_shown (fixture, "Rina Andayani");

  /* Nothing left: the page says so and names the choices to undo. */
  choose (kinds, kp_position_kind_to_string (KP_POSITION_KIND_JPT_PRATAMA));
  wait_for_status (fixture, "0 of 6 employees");
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "no-results");

  /* Letting go of each choice widens again. */
  choose (kinds, "All kinds");
  wait_for_status (fixture, "1 of 6 employees");
  choose (units, "All units");
  wait_for_status (fixture, "1 of 6 employees");
  search (fixture, "");
  wait_for_status (fixture, "6 of 6 employees");
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "list");

  /* The kind alone, over all units. */
  choose (kinds, kp_position_kind_to_string (KP_POSITION_KIND_TERAMPIL));
  wait_for_status (fixture, "2 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Dewi Lestari");
}

static void
test_units_follow_register (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkDropDown *units = _kp_employee_view_get_unit_drop_down (fixture->view);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  choose (units, "Dinas Kesehatan");
  wait_for_status (fixture, "3 of 6 employees");

  /* A new unit is offered at once, and the unit chosen stays chosen. */
  kp_register_add_unit (fixture->database, "Bappeda", 0, &error);
  g_assert_no_error (error);
  settle (fixture);
  after = choices (units);
  g_assert_cmpstr (after, ==, "All units|Bappeda|BKPSDM|Dinas Kesehatan|Puskesmas Kalianda");
  g_assert_cmpuint (gtk_drop_down_get_selected (units), ==, 3);
  wait_for_status (fixture, "3 of 6 employees");

  /* A new employee of the unit shown appears in the list. */
  {
    static const Person fajar = { "198001012005011001", "Fajar Nugroho", "L", "1980-01-01",
                                  "III/c", POS_DOKTER };

    save_person (fixture, &fajar);
  }
  wait_for_status (fixture, "4 of 7 employees");
}

static void
test_row_activation_opens_editor (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkColumnView *column_view = _kp_employee_view_get_column_view (fixture->view);
  g_autoptr(KpEmployee) eka = kp_register_find_employee (fixture->database, "196810301993082121");
  g_autoptr(KpEmployee) rina = kp_register_find_employee (fixture->database, "199203152018012003");
  g_autofree char *expected_eka = g_strdup_printf ("edit-employee(%" G_GINT64_FORMAT ")",
                                                   kp_employee_get_id (eka));
  g_autofree char *expected_rina = g_strdup_printf ("edit-employee(%" G_GINT64_FORMAT ")",
                                                    kp_employee_get_id (rina));

  /* Row 1 is Éka in register order. */
  g_signal_emit_by_name (column_view, "activate", 1);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, expected_eka);

  /* The position is the row on screen, after searching. */
  search (fixture, "rina");
  wait_for_status (fixture, "1 of 6 employees");
  g_signal_emit_by_name (column_view, "activate", 0);
  g_assert_cmpuint (fixture->activated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 1), ==, expected_rina);
}

/* The first widget under @widget whose action is @action_name. */
static GtkWidget *
find_by_action (GtkWidget  *widget,
                const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_add_button (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *add = find_by_action (GTK_WIDGET (fixture->view), "win.new-employee");

  /* An icon-only button that says what it does to the eye and to a screen reader. */
  g_assert_nonnull (add);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (add)), ==, "list-add-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add), ==, "Add Employee");
  g_assert_true (gtk_widget_is_sensitive (add));

  gtk_widget_activate (add);
  wait_for_activations (fixture, 1);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "new-employee");
}

static void
test_empty_database (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkButton *import = _kp_employee_view_get_empty_import_button (fixture->view);
  GtkButton *add = _kp_employee_view_get_empty_add_button (fixture->view);
  static const Person eka = { "196810301993082121", "Éka Putri", "P", "1968-10-30", "III/a", POS_DOKTER };

  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "empty");

  /* Two ways to begin, both on screen; importing is the one suggested. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (import)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (add)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (import), "suggested-action"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (import)), ==, "win.import");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (add)), ==, "win.new-employee");

  gtk_widget_activate (GTK_WIDGET (import));
  wait_for_activations (fixture, 1);
  gtk_widget_activate (GTK_WIDGET (add));
  wait_for_activations (fixture, 2);
  g_assert_cmpuint (fixture->activated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "import");
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 1), ==, "new-employee");

  /* The first employee replaces the empty state with the list. */
  save_person (fixture, &eka);
  wait_for_status (fixture, "1 of 1 employee");
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "list");
}

/* ---- KOMPETEN_BENCH_DB: the figures behind "smooth with 100,000 rows" -------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_summary (const char *what,
               GArray     *times)
{
  if (times->len == 0)
    return;

  g_array_sort (times, compare_doubles);
  g_printerr ("bench: %s median %.1f ms, slowest %.1f ms (%u runs)\n", what,
              g_array_index (times, double, times->len / 2),
              g_array_index (times, double, times->len - 1), times->len);
}

/* Milliseconds from the change until the main loop is idle again: the view's models have
 * finished and the frame showing the result has been laid out and painted. */
static double
time_until_settled (Fixture *fixture,
                    gint64   started)
{
  while (_kp_employee_view_is_busy (fixture->view) || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return (g_get_monotonic_time () - started) / 1000.0;
}

static guint
count_inscriptions (GtkWidget *widget)
{
  guint n = GTK_IS_INSCRIPTION (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_inscriptions (child);
  return n;
}

static void
test_bench (Fixture       *fixture,
            gconstpointer  data)
{
  GtkColumnView *column_view = _kp_employee_view_get_column_view (fixture->view);
  GtkSearchEntry *entry = _kp_employee_view_get_search_entry (fixture->view);
  GtkDropDown *units = _kp_employee_view_get_unit_drop_down (fixture->view);
  GtkDropDown *kinds = _kp_employee_view_get_kind_drop_down (fixture->view);
  static const char *columns[] = { "Name", "NIP", "Unit", "Position", "Kind", "Grade",
                                   "Supervisor", "Sex" };
  static const char *searches[] = { "a", "an", "and", "sri", "1985", "" };
  g_autoptr(GArray) sorts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filters = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) choices_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = g_list_model_get_n_items (kp_database_get_employees (fixture->database));
  const char *only = g_getenv ("KOMPETEN_BENCH_ONLY"); /* sort, search or choice */
  gboolean do_sort = only == NULL || g_str_equal (only, "sort");
  gboolean do_search = only == NULL || g_str_equal (only, "search");
  gboolean do_choice = only == NULL || g_str_equal (only, "choice");

  for (guint round = 0; round < 3 && do_sort; round++)
    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      for (int order = 0; order < 2; order++)
        {
          gint64 started = g_get_monotonic_time ();
          double ms;

          gtk_column_view_sort_by_column (column_view, get_column (fixture, columns[i]), order);
          ms = time_until_settled (fixture, started);
          g_printerr ("sort %s %s: %.1f ms\n", columns[i], order ? "desc" : "asc", ms);
          g_array_append_val (sorts, ms);
        }

  /* The search as typed, measured from the entry's report (after its typing delay). */
  for (guint round = 0; round < 3 && do_search; round++)
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        gint64 started;
        double ms;

        gtk_editable_set_text (GTK_EDITABLE (entry), searches[i]);
        started = g_get_monotonic_time ();
        g_signal_emit_by_name (entry, "search-changed");
        ms = time_until_settled (fixture, started);
        /* The cells: GTK 4.8 keeps 200 rows alive whatever the window's height. */
        g_printerr ("search “%s”: %.1f ms, %u rows, %u cells\n", searches[i], ms,
                    g_list_model_get_n_items (get_rows (fixture)),
                    count_inscriptions (GTK_WIDGET (column_view)));
        g_array_append_val (filters, ms);
        settle (fixture);
      }

  /* Each unit alone, then back to all; then each kind alone, then back to all. */
  for (guint round = 0; round < 3 && do_choice; round++)
    for (guint which = 0; which < 2; which++)
      {
        GtkDropDown *drop_down = which == 0 ? units : kinds;
        guint n_choices = MIN (g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)), 8);

        for (guint i = 1; i < n_choices; i++)
          for (guint k = 0; k < 2; k++)
            {
              gint64 started = g_get_monotonic_time ();
              double ms;

              gtk_drop_down_set_selected (drop_down, k == 0 ? i : 0);
              ms = time_until_settled (fixture, started);
              g_printerr ("%s %u: %.1f ms, %u rows\n", which == 0 ? "unit" : "kind", k == 0 ? i : 0,
                          ms, g_list_model_get_n_items (get_rows (fixture)));
              g_array_append_val (choices_times, ms);
            }
      }

  print_summary ("sort (to the next frame)", sorts);
  print_summary ("search (to the next frame)", filters);
  print_summary ("unit or kind choice (to the next frame)", choices_times);
  g_printerr ("bench: %u rows\n", n);
}

static void
bench_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 started = g_get_monotonic_time ();

  open_database (fixture, data);
  g_printerr ("bench: %u employees loaded in %.1f ms\n",
              g_list_model_get_n_items (kp_database_get_employees (fixture->database)),
              (g_get_monotonic_time () - started) / 1000.0);
  show_view (fixture);
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
  g_autofree char *bench_db = g_strdup (g_getenv ("KOMPETEN_BENCH_DB"));

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

  g_test_add ("/ui/employee-view/list", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_list_shows_register, fixture_tear_down);
  g_test_add ("/ui/employee-view/search", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search_narrows, fixture_tear_down);
  g_test_add ("/ui/employee-view/sort", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_sort_by_header, fixture_tear_down);
  g_test_add ("/ui/employee-view/filters", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_filters_combine, fixture_tear_down);
  g_test_add ("/ui/employee-view/units-follow", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_units_follow_register, fixture_tear_down);
  g_test_add ("/ui/employee-view/activate", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_row_activation_opens_editor, fixture_tear_down);
  g_test_add ("/ui/employee-view/add-button", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_add_button, fixture_tear_down);
  g_test_add ("/ui/employee-view/empty", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_empty_database, fixture_tear_down);
  if (bench_db != NULL && bench_db[0] != '\0')
    g_test_add ("/ui/employee-view/bench", Fixture, bench_db,
                bench_set_up, test_bench, fixture_tear_down);

  return g_test_run ();
}
