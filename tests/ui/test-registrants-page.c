/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-registrants-page.c: the registrants tab over a real database with a selection: the
 * table shows every NIK masked and never whole, the record form (and only it) shows it whole;
 * the search and the three filters narrow the table and the count says so; an import of
 * pelamar.csv with a bad row adds the good rows and lists the bad one. */

#include "config.h"

#include <string.h>

#include "kp-registrants-page-private.h"

#include "recruitment-ui-test.h"

#define N_REGISTRANTS 12

typedef struct {
  RecruitmentUiFixture ui;
  KpRegistrantsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->page = KP_REGISTRANTS_PAGE (kp_registrants_page_new ());
  /* Tall enough for every row to have its widgets: the texts are read from the screen. */
  recruitment_ui_set_up (&fixture->ui, GTK_WIDGET (fixture->page), N_REGISTRANTS, 10, 1, 1100,
                         900);
  ui_test_settle_view ((UiTestCondition) _kp_registrants_page_is_busy, fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  recruitment_ui_tear_down (&fixture->ui);
}

static GtkWidget *
widget (Fixture    *fixture,
        const char *id)
{
  return recruitment_ui_get_widget (fixture->page, id);
}

static void
settle (Fixture *fixture)
{
  ui_test_settle_view ((UiTestCondition) _kp_registrants_page_is_busy, fixture->page);
}

static guint
n_shown (Fixture *fixture)
{
  GtkColumnView *view = _kp_registrants_page_get_column_view (fixture->page);
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Property @property of the first row shown (a static copy for the assertion). */
static const char *
first_shown (Fixture    *fixture,
             const char *property)
{
  static char *value;
  GtkColumnView *view = _kp_registrants_page_get_column_view (fixture->page);
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)),
                                                   0);

  g_clear_pointer (&value, g_free);
  g_object_get (item, property, &value, NULL);
  return value;
}

static void
assert_count (Fixture *fixture,
              guint    shown,
              guint    total)
{
  g_autofree char *text = g_strdup_printf ("%u of %u registrants", shown, total);

  g_assert_cmpuint (n_shown (fixture), ==, shown);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget (fixture, "count_label"))), ==, text);
}

static void
choose (Fixture    *fixture,
        const char *id,
        const char *label)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (widget (fixture, id));

  gtk_drop_down_set_selected (drop_down, ui_test_find_choice (drop_down, label));
  settle (fixture);
}

static void
search (Fixture    *fixture,
        const char *text)
{
  GtkWidget *entry = widget (fixture, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* What the entry emits once the user pauses. */
  g_signal_emit_by_name (entry, "search-changed");
  settle (fixture);
}

/* "1801****…****3242": the first four and the last four digits. */
static char *
masked (const char *nik)
{
  return g_strdup_printf ("%.4s********%s", nik, nik + 12);
}

/* ---- the tests --------------------------------------------------------------------------- */

static void
test_nik_masked (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) record_texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_nik = fixture_nik (0);
  g_autofree char *first_birth = fixture_birth_date (0);
  GtkWidget *dialog;

  assert_count (fixture, N_REGISTRANTS, N_REGISTRANTS);

  /* Every NIK is in the table, masked; none whole, anywhere on the page. */
  ui_test_collect_texts (GTK_WIDGET (fixture->page), TRUE, texts);
  for (guint i = 0; i < N_REGISTRANTS; i++)
    {
      g_autofree char *nik = fixture_nik (i);
      g_autofree char *hidden = masked (nik);
      g_autofree char *reg_no = fixture_reg_no (i);

      g_assert_cmpuint (ui_test_count_text (texts, reg_no), ==, 1);
      g_assert_cmpuint (ui_test_count_text (texts, hidden), ==, 1);
      for (guint t = 0; t < texts->len; t++)
        g_assert_null (strstr (g_ptr_array_index (texts, t), nik));
    }
  for (guint t = 0; t < texts->len; t++)
    g_assert_null (strstr (g_ptr_array_index (texts, t), first_birth));

  /* The record form shows it whole, with the birth date. */
  _kp_registrants_page_activate_row (fixture->page, 0);
  ui_test_settle ();
  dialog = widget (fixture, "record_dialog");
  g_assert_true (gtk_widget_get_visible (dialog));
  ui_test_collect_texts (dialog, TRUE, record_texts);
  g_assert_cmpuint (ui_test_count_text (record_texts, first_nik), ==, 1);
  {
    g_autofree char *birth = g_strdup_printf ("Kalianda, %s", first_birth);

    g_assert_cmpuint (ui_test_count_text (record_texts, birth), ==, 1);
  }
  g_assert_cmpuint (ui_test_count_text (record_texts, "Budi Santoso"), ==, 1);
  gtk_widget_set_visible (dialog, FALSE);
  ui_test_settle ();

  /* Closed, it left nothing whole behind on the page. */
  g_ptr_array_set_size (texts, 0);
  ui_test_collect_texts (GTK_WIDGET (fixture->page), TRUE, texts);
  for (guint t = 0; t < texts->len; t++)
    g_assert_null (strstr (g_ptr_array_index (texts, t), first_nik));
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reg_no = fixture_reg_no (10);
  guint n_siti = 0, n_mismatch = 0, n_mismatch_f2 = 0;
  GtkWidget *table;

  for (guint i = 0; i < N_REGISTRANTS; i++)
    {
      n_siti += i % 6 == 1;        /* "Siti Nur’aini" */
      n_mismatch += i % 4 == 1;
      n_mismatch_f2 += i % 4 == 1 && i % 2 == 1;
    }

  /* Search: a part of the no. peserta, a name in another case. */
  search (fixture, reg_no + 6);
  assert_count (fixture, 1, N_REGISTRANTS);
  search (fixture, "SITI");
  assert_count (fixture, n_siti, N_REGISTRANTS);
  /* Never the NIK: its digits find nothing. */
  {
    g_autofree char *nik = fixture_nik (3);

    search (fixture, nik + 4);
    assert_count (fixture, 0, N_REGISTRANTS);
  }
  search (fixture, "");
  assert_count (fixture, N_REGISTRANTS, N_REGISTRANTS);

  /* Formasi, flags, both. */
  choose (fixture, "formasi_drop_down", "F0002");
  assert_count (fixture, N_REGISTRANTS / 2, N_REGISTRANTS);
  choose (fixture, "flags_drop_down", "Education mismatch");
  assert_count (fixture, n_mismatch_f2, N_REGISTRANTS);
  choose (fixture, "formasi_drop_down", "All Formasi");
  assert_count (fixture, n_mismatch, N_REGISTRANTS);
  choose (fixture, "flags_drop_down", "No flags");
  assert_count (fixture, N_REGISTRANTS - n_mismatch, N_REGISTRANTS);
  choose (fixture, "flags_drop_down", "All Flags");

  /* Status: one TMS in round 1, which waits for a second check; the others undecided. */
  g_assert_true (kp_verification_decide (fixture->ui.database,
                                         fixture->ui.recruitment.applicants[0], "Ani",
                                         KP_DECISION_TMS, fixture->ui.recruitment.requirements[0],
                                         "Ijazah D3", NULL, &error));
  g_assert_no_error (error);
  kp_selection_tab_reload (KP_SELECTION_TAB (fixture->page));
  settle (fixture);
  choose (fixture, "status_drop_down", "Awaiting second check");
  assert_count (fixture, 1, N_REGISTRANTS);
  table = GTK_WIDGET (_kp_registrants_page_get_column_view (fixture->page));
  g_assert_true (ui_test_shows_text (table, "Awaiting second check"));
  choose (fixture, "status_drop_down", "Undecided");
  assert_count (fixture, N_REGISTRANTS - 1, N_REGISTRANTS);
  choose (fixture, "status_drop_down", "TMS");
  assert_count (fixture, 0, N_REGISTRANTS);

  /* The headers sort what is shown: by name; by status, descending, the one awaiting a
   * second check ahead of the undecided. */
  choose (fixture, "status_drop_down", "All States");
  ui_test_sort_by (GTK_COLUMN_VIEW (table), "Name", GTK_SORT_ASCENDING);
  settle (fixture);
  g_assert_cmpstr (first_shown (fixture, "name"), ==, "Agus Salim, S.Kom.");
  ui_test_sort_by (GTK_COLUMN_VIEW (table), "Status", GTK_SORT_DESCENDING);
  settle (fixture);
  g_assert_cmpstr (first_shown (fixture, "status"), ==, "Awaiting second check");
  assert_count (fixture, N_REGISTRANTS, N_REGISTRANTS);
}

static gboolean
is_importing (gpointer page)
{
  return _kp_registrants_page_is_importing (page);
}

static gboolean
is_not_importing (gpointer page)
{
  return !is_importing (page);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "pelamar.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  guint n_rows = 0;
  const char *csv =
    "no_peserta,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,program_studi,"
    "ipk,kode_formasi,email,telepon,alamat\n"
    "20279000001,1801056512950001,Rini Astuti,P,Kalianda,1995-12-25,S1,Akuntansi,3.45,F0001,"
    "rini@contoh.id,081200000001,Kalianda\n"
    "20279000002,18010565,Andi Saputra,L,Kalianda,1994-01-02,S1,Hukum,3.10,F0001,,,Natar\n"
    "20279000003,1801050201940003,Andi Wijaya,L,Kalianda,1994-01-02,S1,Hukum,3.12,F0002,,,"
    "Natar\n";

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  g_assert_no_error (error);

  _kp_registrants_page_import_file (fixture->page, file);
  g_assert_true (is_importing (fixture->page));
  g_assert_false (gtk_widget_get_sensitive (widget (fixture, "import_button")));
  g_assert_true (ui_test_wait_until (is_not_importing, fixture->page, 30));
  settle (fixture);

  /* The good rows are in the table, the NIK masked; the bad one is listed. */
  assert_count (fixture, N_REGISTRANTS + 2, N_REGISTRANTS + 2);
  g_assert_true (gtk_widget_get_sensitive (widget (fixture, "import_button")));
  search (fixture, "Rini");
  assert_count (fixture, 1, N_REGISTRANTS + 2);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (fixture->page), "1801********0001"));
  g_assert_false (ui_test_shows_text (GTK_WIDGET (fixture->page), "1801056512950001"));

  dialog = _kp_registrants_page_get_result_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "3 rows read: 2 new, 1 refused.");
  list = ui_test_find_widget (adw_message_dialog_get_extra_child (dialog), ui_test_is_of_type,
                              GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows += GTK_IS_LIST_BOX_ROW (row);
  g_assert_cmpuint (n_rows, ==, 1);
  /* The refused row's NIK is masked there too: the whole one is nowhere. */
  g_assert_false (ui_test_shows_text (GTK_WIDGET (dialog), "18010565"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/registrants-page/nik-masked", Fixture, NULL,
              fixture_set_up, test_nik_masked, fixture_tear_down);
  g_test_add ("/ui/registrants-page/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ui/registrants-page/import", Fixture, NULL,
              fixture_set_up, test_import, fixture_tear_down);

  return g_test_run ();
}
