/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-employee-view.c: the employee list over a small real database, in a plain window whose
 * "win" actions are the test's own: it shows the register's fields, narrows by search, unit
 * (with its sub-units) and position kind together, sorts by a header, follows changes to the
 * register, opens a row through win.edit-employee and, on an empty database, says what to do
 * first. (The main window's own tests are in test-window.c.)
 *
 * With KOMPETEN_BENCH_DB=/path/to/a/big.db the test /ui/employee-view/bench also measures the
 * filter and the sort on that database and prints the medians; with KOMPETEN_PROFILE=1 the
 * view itself also prints how long each change takes to finish and to reach the screen. */

#include "config.h"

#include "kp-employee-view-private.h"

#include "ui-test-util.h"

typedef struct {
  UiTestPerson person;
  int position;           /* index into the fixture's positions */
  const char *supervisor; /* the supervisor's NIP, or NULL */
} Person;

enum {
  POS_ANALIS,   /* BKPSDM, Fungsional Ahli Muda */
  POS_KEPALA,   /* BKPSDM, JPT Pratama */
  POS_DOKTER,   /* Dinas Kesehatan, Fungsional Ahli Pertama */
  POS_PERAWAT,  /* Puskesmas Kalianda (under Dinas Kesehatan), Fungsional Terampil */
  N_POSITIONS
};

#define NIP_AHMAD "196602041998051457"

/* In register order, which is deliberately not alphabetical. A supervisor comes before the
 * people under them. */
static const Person people[] = {
  { { "199001012015031002", "Candra Wijaya", "L", "1990-01-01", "II/c" }, POS_PERAWAT, NULL },
  { { "196810301993082121", "Éka Putri", "P", "1968-10-30", "III/a" }, POS_DOKTER, NULL },
  { { NIP_AHMAD, "Ahmad Fauzi", "L", "1966-02-04", "IV/a" }, POS_KEPALA, NULL },
  { { "198608142011011949", "Budi Santoso", "L", "1986-08-14", "III/d" }, POS_ANALIS, NIP_AHMAD },
  { { "199203152018012003", "Rina Andayani", "P", "1992-03-15", "III/b" }, POS_ANALIS, NULL },
  { { "197505152000032001", "Dewi Lestari", "P", "1975-05-15", "III/c" }, POS_PERAWAT, NULL },
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
  g_autoptr(KpEmployee) supervisor = NULL;

  if (person->supervisor != NULL)
    {
      supervisor = kp_register_find_employee (fixture->database, person->supervisor);
      g_assert_nonnull (supervisor);
    }

  return ui_test_save_person (fixture->database, &person->person,
                              fixture->position_ids[person->position],
                              supervisor != NULL ? kp_employee_get_id (supervisor) : 0);
}

static void
settle (Fixture *fixture)
{
  ui_test_settle_view ((UiTestCondition) _kp_employee_view_is_busy, fixture->view);
}

/* The search entry reports a change after a short delay: wait for what the user would see. */
static void
wait_for_status (Fixture    *fixture,
                 const char *expected)
{
  ui_test_wait_for_label (_kp_employee_view_get_status_label (fixture->view), expected,
                          (UiTestCondition) _kp_employee_view_is_busy, fixture->view);
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

typedef struct {
  Fixture *fixture;
  guint n;
} Activations;

static gboolean
has_activations (gpointer data)
{
  Activations *wanted = data;

  return wanted->fixture->activated->len >= wanted->n;
}

/* A button reports its click a moment after it is activated, as it shows itself pressed. */
static void
wait_for_activations (Fixture *fixture,
                      guint    n)
{
  Activations wanted = { fixture, n };

  ui_test_wait_until (has_activations, &wanted, 5);
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
  ui_test_show_window (fixture->window);
  settle (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_people = GPOINTER_TO_INT (data);
  KpDatabase *db;

  db = fixture->database = ui_test_new_database (NULL);
  fixture->bkpsdm_id = ui_test_add_unit (db, "BKPSDM", 0);
  fixture->dinkes_id = ui_test_add_unit (db, "Dinas Kesehatan", 0);
  fixture->puskesmas_id = ui_test_add_unit (db, "Puskesmas Kalianda", fixture->dinkes_id);

  fixture->position_ids[POS_ANALIS] =
    ui_test_add_position (db, fixture->bkpsdm_id, "Analis SDM Aparatur Ahli Muda",
                          KP_POSITION_KIND_AHLI_MUDA);
  fixture->position_ids[POS_KEPALA] =
    ui_test_add_position (db, fixture->bkpsdm_id, "Kepala Badan", KP_POSITION_KIND_JPT_PRATAMA);
  fixture->position_ids[POS_DOKTER] =
    ui_test_add_position (db, fixture->dinkes_id, "Dokter Ahli Pertama", KP_POSITION_KIND_AHLI_PERTAMA);
  fixture->position_ids[POS_PERAWAT] =
    ui_test_add_position (db, fixture->puskesmas_id, "Perawat Terampil", KP_POSITION_KIND_TERAMPIL);

  if (with_people)
    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      save_person (fixture, &people[i]);

  show_view (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_destroy_window (fixture->window, fixture->window);

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
  gtk_drop_down_set_selected (drop_down, ui_test_find_choice (drop_down, label));
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
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "list");
  wait_for_status (fixture, "6 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Éka Putri, Ahmad Fauzi, Budi Santoso, Rina Andayani, "
                         "Dewi Lestari");

  /* The cells show the record's fields. */
  ui_test_collect_texts (GTK_WIDGET (_kp_employee_view_get_column_view (fixture->view)), FALSE, texts);
  g_assert_cmpuint (ui_test_count_text (texts, "Éka Putri"), ==, 1);
  g_assert_cmpuint (ui_test_count_text (texts, "196810301993082121"), ==, 1);
  g_assert_cmpuint (ui_test_count_text (texts, "BKPSDM"), ==, 3);
  g_assert_cmpuint (ui_test_count_text (texts, "Dinas Kesehatan"), ==, 1);
  g_assert_cmpuint (ui_test_count_text (texts, "Puskesmas Kalianda"), ==, 2);
  g_assert_cmpuint (ui_test_count_text (texts, "Analis SDM Aparatur Ahli Muda"), ==, 2);
  g_assert_cmpuint (ui_test_count_text (texts, "Kepala Badan"), ==, 1);
  g_assert_cmpuint (ui_test_count_text (texts, kp_position_kind_to_string (KP_POSITION_KIND_TERAMPIL)),
                    ==, 2);
  g_assert_cmpuint (ui_test_count_text (texts, kp_position_kind_to_string (KP_POSITION_KIND_JPT_PRATAMA)),
                    ==, 1);
  g_assert_cmpuint (ui_test_count_text (texts, "IV/a"), ==, 1);
  g_assert_cmpuint (ui_test_count_text (texts, "F"), ==, 3);
  g_assert_cmpuint (ui_test_count_text (texts, "M"), ==, 3);
  /* Ahmad once as a name and once as Budi's supervisor. */
  g_assert_cmpuint (ui_test_count_text (texts, "Ahmad Fauzi"), ==, 2);
}

static void
test_search_narrows (Fixture       *fixture,
                     gconstpointer  data)
{
  /* Accents and case do not matter. */
  search (fixture, "EKA");
  wait_for_status (fixture, "1 of 6 employees");
  assert_shown (fixture, "Éka Putri");

  search (fixture, "an");
  wait_for_status (fixture, "3 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Budi Santoso, Rina Andayani");

  /* Extending and shortening a search. */
  search (fixture, "and");
  wait_for_status (fixture, "2 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Rina Andayani");
  search (fixture, "a");
  wait_for_status (fixture, "6 of 6 employees");

  /* A part of a NIP. */
  search (fixture, "19920315");
  wait_for_status (fixture, "1 of 6 employees");
  assert_shown (fixture, "Rina Andayani");

  /* Nothing found: the view says so. */
  search (fixture, "zzz");
  wait_for_status (fixture, "0 of 6 employees");
  assert_shown (fixture, "");
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "no-results");

  /* Clearing restores everything. */
  search (fixture, "");
  wait_for_status (fixture, "6 of 6 employees");
  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "list");

  /* Escape in the search entry clears it too. */
  search (fixture, "budi");
  wait_for_status (fixture, "1 of 6 employees");
  g_signal_emit_by_name (_kp_employee_view_get_search_entry (fixture->view), "stop-search");
  wait_for_status (fixture, "6 of 6 employees");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_kp_employee_view_get_search_entry (fixture->view))), ==, "");
}

/* Sorts by the column @title, as a click on its header does, and waits for the new order. */
static void
sort_by (Fixture     *fixture,
         const char  *title,
         GtkSortType  order)
{
  ui_test_sort_by (_kp_employee_view_get_column_view (fixture->view), title, order);
  settle (fixture);
}

static void
test_sort_by_header (Fixture       *fixture,
                     gconstpointer  data)
{
  /* The test runs under C.UTF-8, whose collation puts É after the plain letters. */
  sort_by (fixture, "Name", GTK_SORT_ASCENDING);
  assert_shown (fixture, "Ahmad Fauzi, Budi Santoso, Candra Wijaya, Dewi Lestari, Rina Andayani, "
                         "Éka Putri");

  sort_by (fixture, "Name", GTK_SORT_DESCENDING);
  assert_shown (fixture, "Éka Putri, Rina Andayani, Dewi Lestari, Candra Wijaya, Budi Santoso, "
                         "Ahmad Fauzi");

  /* A search keeps the order. */
  search (fixture, "an");
  wait_for_status (fixture, "3 of 6 employees");
  assert_shown (fixture, "Rina Andayani, Candra Wijaya, Budi Santoso");
  search (fixture, "");
  wait_for_status (fixture, "6 of 6 employees");

  /* Kinds by rank: JPT Pratama first, Terampil last. */
  sort_by (fixture, "Kind", GTK_SORT_ASCENDING);
  g_assert_cmpstr (row_name (fixture, 0), ==, "Ahmad Fauzi");

  /* A filter keeps the order. */
  sort_by (fixture, "Name", GTK_SORT_ASCENDING);
  choose (_kp_employee_view_get_kind_drop_down (fixture->view),
          kp_position_kind_to_string (KP_POSITION_KIND_TERAMPIL));
  wait_for_status (fixture, "2 of 6 employees");
  assert_shown (fixture, "Candra Wijaya, Dewi Lestari");
}

static void
test_sort_by_grade_and_nip (Fixture       *fixture,
                            gconstpointer  data)
{
  /* Grades by rank: II/c (Candra) < III/a (Éka) < III/b (Rina) < III/c (Dewi) < III/d (Budi)
   * < IV/a (Ahmad). */
  sort_by (fixture, "Grade", GTK_SORT_ASCENDING);
  assert_shown (fixture, "Candra Wijaya, Éka Putri, Rina Andayani, Dewi Lestari, Budi Santoso, "
                         "Ahmad Fauzi");
  sort_by (fixture, "Grade", GTK_SORT_DESCENDING);
  assert_shown (fixture, "Ahmad Fauzi, Budi Santoso, Dewi Lestari, Rina Andayani, Éka Putri, "
                         "Candra Wijaya");

  /* NIP: by the digits, so by birth date first. */
  sort_by (fixture, "NIP", GTK_SORT_ASCENDING);
  assert_shown (fixture, "Ahmad Fauzi, Éka Putri, Dewi Lestari, Budi Santoso, Candra Wijaya, "
                         "Rina Andayani");
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
    static const Person fajar = {
      { "198001012005011001", "Fajar Nugroho", "L", "1980-01-01", "III/c" }, POS_DOKTER, NULL
    };

    save_person (fixture, &fajar);
  }
  wait_for_status (fixture, "4 of 7 employees");

  /* One of another unit is counted but not shown; letting go of the unit shows everyone. */
  {
    static const Person gita = {
      { "198502202010012004", "Gita Permata", "P", "1985-02-20", "III/b" }, POS_ANALIS, NULL
    };

    save_person (fixture, &gita);
  }
  wait_for_status (fixture, "4 of 8 employees");
  choose (units, "All units");
  wait_for_status (fixture, "8 of 8 employees");
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

/* A widget on screen whose action is @action_name. */
static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0 &&
         gtk_widget_get_mapped (widget);
}

static void
test_add_button (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *add = ui_test_find_widget (GTK_WIDGET (fixture->view), has_action, "win.new-employee");

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
  static const Person eka = {
    { "196810301993082121", "Éka Putri", "P", "1968-10-30", "III/a" }, POS_DOKTER, NULL
  };

  g_assert_cmpstr (_kp_employee_view_get_page (fixture->view), ==, "empty");
  wait_for_status (fixture, "0 of 0 employees");

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

          ui_test_sort_by (column_view, columns[i], order);
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
  g_autoptr(GError) error = NULL;

  fixture->database = kp_database_open (data, &error);
  g_assert_no_error (error);
  g_printerr ("bench: %u employees loaded in %.1f ms\n",
              g_list_model_get_n_items (kp_database_get_employees (fixture->database)),
              (g_get_monotonic_time () - started) / 1000.0);
  show_view (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bench_db = g_strdup (g_getenv ("KOMPETEN_BENCH_DB"));

  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/employee-view/list", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_list_shows_register, fixture_tear_down);
  g_test_add ("/ui/employee-view/search", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search_narrows, fixture_tear_down);
  g_test_add ("/ui/employee-view/sort", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_sort_by_header, fixture_tear_down);
  g_test_add ("/ui/employee-view/sort-grade", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_sort_by_grade_and_nip, fixture_tear_down);
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
