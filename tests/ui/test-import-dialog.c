/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-dialog.c: the import dialog over a real database, as an HR officer uses it: the
 * preview shows the file and how its columns map, an unknown column can be remapped, the check
 * lists every rejected row before anything is written, the import writes the good rows with
 * one audit event, Cancel writes nothing, the rejects can be saved, a bad file is refused, and
 * the main loop keeps running while a big file is checked and imported. */

#include "config.h"

#include <string.h>

#include "kp-import-dialog.h"
#include "kp-import-dialog-private.h"
#include "kp-window.h"

#include "ui-test-util.h"

/* Lines of tests/fixtures/import-dialog-mixed.csv: rejected, and with a warning only. */
static const guint64 mixed_rejected[] = { 4, 5, 7, 9 };
#define MIXED_WARNING_LINE 10

/* Test data asking for the real main window as the dialog's parent. */
static const char with_main_window[] = "with-main-window";

typedef struct {
  char *dir;
  KpDatabase *database;
  guint n_events_before; /* the migration's */
  GtkWindow *parent;
  KpImportDialog *dialog;

  /* The longest time the main loop went without running a 10 ms timeout. */
  guint stall_source;
  gint64 last_tick;
  gint64 longest_stall;
} Fixture;

static gboolean
on_tick (gpointer user_data)
{
  Fixture *fixture = user_data;
  gint64 now = g_get_monotonic_time ();

  fixture->longest_stall = MAX (fixture->longest_stall, now - fixture->last_tick);
  fixture->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
start_stall_watch (Fixture *fixture)
{
  fixture->longest_stall = 0;
  fixture->last_tick = g_get_monotonic_time ();
  fixture->stall_source = g_timeout_add (10, on_tick, fixture);
}

static gint64
stop_stall_watch (Fixture *fixture)
{
  g_clear_handle_id (&fixture->stall_source, g_source_remove);
  return fixture->longest_stall;
}

typedef gboolean (*Condition) (Fixture *fixture);

/* Runs the main loop until @condition holds, or fails after @seconds, naming the page. */
static void
wait_until (Fixture   *fixture,
            Condition  condition,
            int        seconds)
{
  if (!ui_test_wait_until ((UiTestCondition) condition, fixture, seconds))
    g_error ("timed out on page “%s”", _kp_import_dialog_get_page (fixture->dialog));
}

static gboolean
is_idle (Fixture *fixture)
{
  return !_kp_import_dialog_is_busy (fixture->dialog);
}

static gboolean
has_progress (Fixture *fixture)
{
  return gtk_progress_bar_get_fraction (_kp_import_dialog_get_progress_bar (fixture->dialog)) > 0.0 ||
         !_kp_import_dialog_is_busy (fixture->dialog);
}

static GPtrArray *
audit_events (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = kp_audit_list (fixture->database, 0, 0, &error);

  g_assert_no_error (error);
  return events;
}

/* Events appended since the database was created. */
static guint
n_audit_events (Fixture *fixture)
{
  return ui_test_n_audit_events (fixture->database) - fixture->n_events_before;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  /* The files the tests write go next to the database. */
  fixture->database = ui_test_new_database (&path);
  fixture->dir = g_path_get_dirname (path);
  /* As in the window: the list is loaded before the import, so it must be refreshed. */
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_employees (fixture->database)), ==, 0);
  fixture->n_events_before = ui_test_n_audit_events (fixture->database);

  /* The big import runs over the real main window, whose list must follow it. */
  if (data == with_main_window)
    fixture->parent = GTK_WINDOW (kp_window_new (NULL, fixture->database));
  else
    fixture->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (fixture->parent);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    {
      wait_until (fixture, is_idle, 60);
      if (ui_test_is_toplevel (GTK_WINDOW (fixture->dialog)))
        gtk_window_destroy (GTK_WINDOW (fixture->dialog));
      g_assert_finalize_object (fixture->dialog);
    }
  gtk_window_destroy (fixture->parent);
  g_clear_object (&fixture->database);
  g_free (fixture->dir);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

/* Opens the dialog on @path and waits for the first page after reading it. */
static void
open_dialog (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* Our own reference: the dialog may be closed (and destroyed) by the test itself. */
  fixture->dialog = g_object_ref (kp_import_dialog_new (fixture->parent, fixture->database));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) == fixture->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));
  kp_import_dialog_load_file (fixture->dialog, file);
  ui_test_show_window (GTK_WINDOW (fixture->dialog));
  wait_until (fixture, is_idle, 10);
  ui_test_settle ();
}

static void
open_fixture (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = fixture_path (name);

  open_dialog (fixture, path);
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *action)
{
  /* What the user sees: the button bound to the action is sensitive. */
  GtkButton *next = _kp_import_dialog_get_next_button (fixture->dialog);

  if (g_str_equal (action, "import.next"))
    return gtk_widget_get_visible (GTK_WIDGET (next)) && gtk_widget_is_sensitive (GTK_WIDGET (next));
  g_assert_not_reached ();
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), action, NULL));
}

/* Check: runs the dry run and waits for the summary. */
static void
check (Fixture *fixture)
{
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "preview");
  g_assert_true (action_enabled (fixture, "import.next"));
  activate (fixture, "import.next");
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "checking");
  wait_until (fixture, is_idle, 120);
  ui_test_settle ();
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "summary");
}

static void
import (Fixture *fixture)
{
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "summary");
  g_assert_true (action_enabled (fixture, "import.next"));
  activate (fixture, "import.next");
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "importing");
  wait_until (fixture, is_idle, 120);
  ui_test_settle ();
}

static const char *
count (Fixture    *fixture,
       const char *name)
{
  return gtk_label_get_label (_kp_import_dialog_get_count_label (fixture->dialog, name));
}

static guint
n_employees (Fixture *fixture)
{
  return g_list_model_get_n_items (kp_database_get_employees (fixture->database));
}

static void
assert_preview_columns (Fixture           *fixture,
                        const char *const *titles)
{
  GListModel *columns = gtk_column_view_get_columns (_kp_import_dialog_get_preview_view (fixture->dialog));

  /* The line number, then the file's columns with their headers as written. */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, g_strv_length ((char **) titles) + 1);
  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i + 1);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
    }
}

static GtkDropDown *
drop_down (Fixture *fixture,
           guint    column)
{
  GtkDropDown *drop_down = _kp_import_dialog_get_mapping_drop_down (fixture->dialog, column);

  g_assert_nonnull (drop_down);
  return drop_down;
}

static const char *
drop_down_text (Fixture *fixture,
                guint    column)
{
  GtkDropDown *d = drop_down (fixture, column);
  GtkStringObject *item = gtk_drop_down_get_selected_item (d);

  return gtk_string_object_get_string (item);
}

/* ---- tests -------------------------------------------------------------------------------- */

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  static const char *const header[] = {
    "nip", "nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "pendidikan", "golongan",
    "jabatan", "jenis_jabatan", "unit_kerja", "nip_atasan", "email", "telepon", NULL
  };
  GtkWidget *view;

  open_fixture (fixture, "import-dialog-mixed.csv");
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "preview");
  view = GTK_WIDGET (_kp_import_dialog_get_preview_view (fixture->dialog));

  g_assert_cmpstr (gtk_label_get_label (_kp_import_dialog_get_delimiter_label (fixture->dialog)), ==,
                   "Delimiter: comma");
  /* The date format is known only once every row was read. */
  g_assert_cmpstr (gtk_label_get_label (_kp_import_dialog_get_date_format_label (fixture->dialog)), ==,
                   "Birth dates: detected when the file is checked");
  assert_preview_columns (fixture, header);

  /* The rows as written, bad ones included, with their line numbers. */
  g_assert_true (ui_test_shows_text (view, "Bambang Purnomo"));
  g_assert_true (ui_test_shows_text (view, "19860814201101194X"));
  g_assert_true (ui_test_shows_text (view, "V/z"));
  g_assert_true (ui_test_shows_text (view, "31-02-1975"));
  g_assert_true (ui_test_shows_text (view, "10"));

  /* Each column shows the field it maps to. */
  g_assert_cmpstr (drop_down_text (fixture, 0), ==, kp_employee_field_get_label (KP_EMPLOYEE_FIELD_NIP));
  g_assert_cmpstr (drop_down_text (fixture, 4), ==, kp_employee_field_get_label (KP_EMPLOYEE_FIELD_BIRTH_DATE));
  g_assert_cmpstr (drop_down_text (fixture, 12), ==, kp_employee_field_get_label (KP_EMPLOYEE_FIELD_PHONE));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_kp_import_dialog_get_mapping_error_label (fixture->dialog))));
  g_assert_true (action_enabled (fixture, "import.next"));

  /* Nothing is written by looking. */
  g_assert_cmpuint (n_employees (fixture), ==, 0);
  g_assert_cmpuint (n_audit_events (fixture), ==, 0);
}

static void
test_preview_semicolon (Fixture       *fixture,
                        gconstpointer  data)
{
  open_fixture (fixture, "quirk-semicolon.csv");
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "preview");
  g_assert_cmpstr (gtk_label_get_label (_kp_import_dialog_get_delimiter_label (fixture->dialog)), ==,
                   "Delimiter: semicolon");
  /* A comma inside a field stays in the field. */
  g_assert_true (ui_test_shows_text (GTK_WIDGET (_kp_import_dialog_get_preview_view (fixture->dialog)),
                             "Dra. Siti Aminah, M.Si."));
}

static void
test_check_and_import (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) rejected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) events = NULL;
  KpAuditEvent *event;
  guint n_errors = 0;
  guint n_warnings = 0;
  guint64 previous = 0;
  guint64 line;
  gboolean warning;

  open_fixture (fixture, "import-dialog-mixed.csv");
  check (fixture);

  g_assert_cmpstr (count (fixture, "read"), ==, "9");
  g_assert_cmpstr (count (fixture, "created"), ==, "5");
  g_assert_cmpstr (count (fixture, "updated"), ==, "0");
  g_assert_cmpstr (count (fixture, "unchanged"), ==, "0");
  g_assert_cmpstr (count (fixture, "rejected"), ==, "4");
  g_assert_cmpstr (count (fixture, "warnings"), ==, "1");
  g_assert_cmpstr (count (fixture, "units"), ==, "2");
  g_assert_cmpstr (count (fixture, "positions"), ==, "5");
  /* The dry run found the date format. */
  g_assert_cmpstr (gtk_label_get_label (_kp_import_dialog_get_date_format_label (fixture->dialog)), ==,
                   "Birth dates: DD-MM-YYYY");

  /* Exactly the rejected lines of the file, in line order, each with a reason; the warning is
   * listed as a warning. */
  for (guint i = 0; _kp_import_dialog_get_problem (fixture->dialog, i, &line, NULL, NULL, NULL, &warning); i++)
    {
      g_autofree char *column = NULL;
      g_autofree char *reason = NULL;

      g_assert_true (_kp_import_dialog_get_problem (fixture->dialog, i, NULL, &column, NULL, &reason, NULL));
      g_assert_cmpuint (line, >=, previous);
      previous = line;
      g_assert_nonnull (reason);
      g_assert_cmpstr (reason, !=, "");
      if (warning)
        {
          g_assert_cmpuint (line, ==, MIXED_WARNING_LINE);
          g_assert_cmpstr (column, ==, "jenis_kelamin");
          n_warnings++;
        }
      else
        {
          g_hash_table_add (rejected, g_memdup2 (&line, sizeof line));
          n_errors++;
        }
    }
  g_assert_cmpuint (n_warnings, ==, 1);
  g_assert_cmpuint (n_errors, >=, G_N_ELEMENTS (mixed_rejected));
  g_assert_cmpuint (g_hash_table_size (rejected), ==, G_N_ELEMENTS (mixed_rejected));
  for (guint i = 0; i < G_N_ELEMENTS (mixed_rejected); i++)
    g_assert_true (g_hash_table_contains (rejected, &mixed_rejected[i]));

  /* The bad NIP's value and column, as the user reads them. */
  {
    g_autofree char *column = NULL;
    g_autofree char *value = NULL;

    g_assert_true (_kp_import_dialog_get_problem (fixture->dialog, 0, &line, &column, &value, NULL, NULL));
    g_assert_cmpuint (line, ==, 4);
    g_assert_cmpstr (column, ==, "nip");
    g_assert_cmpstr (value, ==, "19860814201101194X");
  }

  /* Nothing written by the check. */
  g_assert_cmpuint (n_employees (fixture), ==, 0);
  g_assert_cmpuint (n_audit_events (fixture), ==, 0);
  g_assert_cmpstr (gtk_button_get_label (_kp_import_dialog_get_next_button (fixture->dialog)), ==,
                   "_Import 5 Rows");

  import (fixture);
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "done");
  g_assert_cmpstr (adw_status_page_get_description (_kp_import_dialog_get_done_page (fixture->dialog)), ==,
                   "5 employees added, 0 updated, 4 rows rejected, 2 new units, 5 new positions");

  /* The window's list shows them (the dialog refreshed the main connection), and one import
   * event records it. */
  g_assert_cmpuint (n_employees (fixture), ==, 5);
  g_assert_cmpuint (n_audit_events (fixture), ==, 1);
  events = audit_events (fixture);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (event->action, ==, "import");

  /* Close. */
  g_assert_cmpstr (gtk_button_get_label (_kp_import_dialog_get_next_button (fixture->dialog)), ==, "_Close");
}

static void
test_all_or_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkCheckButton *all_or_nothing;

  open_fixture (fixture, "import-dialog-mixed.csv");
  check (fixture);
  all_or_nothing = _kp_import_dialog_get_all_or_nothing_check (fixture->dialog);

  /* With rows rejected, "all or nothing" would import nothing: the button says no. */
  gtk_check_button_set_active (all_or_nothing, TRUE);
  g_assert_false (action_enabled (fixture, "import.next"));
  gtk_check_button_set_active (all_or_nothing, FALSE);
  g_assert_true (action_enabled (fixture, "import.next"));

  /* Back to the preview and checked again: the same summary. */
  activate (fixture, "import.back");
  check (fixture);
  g_assert_cmpstr (count (fixture, "rejected"), ==, "4");
}

static void
test_all_or_nothing_clean (Fixture       *fixture,
                           gconstpointer  data)
{
  open_fixture (fixture, "pegawai-valid.csv");
  check (fixture);
  g_assert_cmpstr (count (fixture, "rejected"), ==, "0");
  gtk_check_button_set_active (_kp_import_dialog_get_all_or_nothing_check (fixture->dialog), TRUE);
  import (fixture);
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "done");
  g_assert_cmpuint (n_employees (fixture), ==, 5);
  g_assert_cmpuint (n_audit_events (fixture), ==, 1);
}

static void
test_unknown_header (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkLabel *error_label;

  /* "Nomor Pegawai" is not a name the import knows for the NIP. */
  open_fixture (fixture, "import-dialog-unknown-nip.csv");
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "preview");
  error_label = _kp_import_dialog_get_mapping_error_label (fixture->dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "nip"));
  g_assert_false (action_enabled (fixture, "import.next"));
  g_assert_cmpstr (drop_down_text (fixture, 0), ==, kp_employee_field_get_label (KP_EMPLOYEE_FIELD_NONE));

  /* The user says the column is the NIP. */
  gtk_drop_down_set_selected (drop_down (fixture, 0), KP_EMPLOYEE_FIELD_NIP + 1);
  ui_test_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (action_enabled (fixture, "import.next"));

  /* A field belongs to one column: giving the name's field to another column takes it from
   * the first. */
  gtk_drop_down_set_selected (drop_down (fixture, 3), KP_EMPLOYEE_FIELD_NAME + 1);
  ui_test_settle ();
  g_assert_cmpstr (drop_down_text (fixture, 1), ==, kp_employee_field_get_label (KP_EMPLOYEE_FIELD_NONE));
  g_assert_cmpstr (drop_down_text (fixture, 3), ==, kp_employee_field_get_label (KP_EMPLOYEE_FIELD_NAME));
  gtk_drop_down_set_selected (drop_down (fixture, 1), KP_EMPLOYEE_FIELD_NAME + 1);
  ui_test_settle ();
  g_assert_cmpstr (drop_down_text (fixture, 3), ==, kp_employee_field_get_label (KP_EMPLOYEE_FIELD_NONE));
  gtk_drop_down_set_selected (drop_down (fixture, 3), KP_EMPLOYEE_FIELD_BIRTH_PLACE + 1);

  /* Ignoring a required column disables Check again and names it. */
  gtk_drop_down_set_selected (drop_down (fixture, 2), 0);
  ui_test_settle ();
  g_assert_false (action_enabled (fixture, "import.next"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "jenis_kelamin"));
  gtk_drop_down_set_selected (drop_down (fixture, 2), KP_EMPLOYEE_FIELD_SEX + 1);
  ui_test_settle ();
  g_assert_true (action_enabled (fixture, "import.next"));

  /* The worker uses the mapping the user chose. */
  check (fixture);
  g_assert_cmpstr (count (fixture, "created"), ==, "5");
  g_assert_cmpstr (count (fixture, "rejected"), ==, "0");
  import (fixture);
  g_assert_cmpuint (n_employees (fixture), ==, 5);
}

static void
test_save_problems (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "rejects.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  open_fixture (fixture, "import-dialog-mixed.csv");
  check (fixture);
  g_assert_true (_kp_import_dialog_save_problems (fixture->dialog, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (g_strchomp (contents), "\n", -1);
  g_assert_cmpstr (g_strchomp (lines[0]), ==, "line,column,value,reason");
  /* One row per rejected problem, in line order; the warning is not a reject. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + G_N_ELEMENTS (mixed_rejected));
  for (guint i = 0; i < G_N_ELEMENTS (mixed_rejected); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%" G_GUINT64_FORMAT ",", mixed_rejected[i]);

      g_assert_true (g_str_has_prefix (lines[i + 1], prefix));
    }
  g_assert_true (g_str_has_prefix (lines[1], "4,nip,19860814201101194X,"));
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const char *kind = data;
  g_autofree char *path = g_build_filename (fixture->dir, "import-dialog-bad.csv", NULL);
  g_autoptr(GError) error = NULL;
  const char *description;

  if (g_str_equal (kind, "binary"))
    {
      static const guchar bytes[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                                      'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0 };

      g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error));
    }
  else if (g_str_equal (kind, "empty"))
    g_assert_true (g_file_set_contents (path, "", 0, &error));
  else
    {
      g_free (path);
      path = fixture_path ("bad-no-header.csv");
    }
  g_assert_no_error (error);

  open_dialog (fixture, path);
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "error");
  description = adw_status_page_get_description (_kp_import_dialog_get_error_page (fixture->dialog));
  g_assert_nonnull (description);
  g_test_message ("%s: %s", kind, description);
  /* The model's message names the file. */
  g_assert_nonnull (strstr (description, g_str_equal (kind, "no-header") ? "bad-no-header.csv"
                                                                       : "import-dialog-bad.csv"));
  g_assert_false (action_enabled (fixture, "import.next"));
  g_assert_cmpuint (n_employees (fixture), ==, 0);

  /* Another file can be chosen from there. */
  {
    g_autoptr(GFile) good = NULL;
    g_autofree char *good_path = fixture_path ("pegawai-valid.csv");

    good = g_file_new_for_path (good_path);
    kp_import_dialog_load_file (fixture->dialog, good);
    wait_until (fixture, is_idle, 10);
    g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "preview");
  }
}

/* Writes @n_rows valid rows with unique NIPs: the kind of file a whole regency exports. */
static char *
write_big_file (Fixture *fixture,
                guint    n_rows)
{
  g_autofree char *path = g_build_filename (fixture->dir, "import-dialog-big.csv", NULL);
  g_autoptr(GString) text = g_string_new ("nip,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,"
                                          "pendidikan,golongan,jabatan,jenis_jabatan,unit_kerja,"
                                          "nip_atasan,email,telepon\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      /* 30 years × 12 months × 28 days, then the sequence number: all different. */
      guint year = 1960 + i % 30;
      guint month = 1 + (i / 30) % 12;
      guint day = 1 + (i / 360) % 28;
      guint sequence = 1 + i / 10080;

      g_string_append_printf (text,
                              "%04u%02u%02u%04u01" "1%03u,Pegawai Nomor %u,L,Kalianda,"
                              "%04u-%02u-%02u,S1,III/a,Penata Layanan Operasional,Pelaksana,"
                              "Unit Kerja %u,,pegawai%u@example.go.id,0812%08u\n",
                              year, month, day, year + 20, sequence, i + 1,
                              year, month, day, i % 12 + 1, i + 1, i);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = write_big_file (fixture, 20000);
  g_autofree char *twenty_thousand = g_strdup_printf ("%'u", 20000);
  GtkProgressBar *progress;
  gint64 stall;

  open_dialog (fixture, path);
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "preview");

  /* Cancel during the check: back to the preview. */
  activate (fixture, "import.next");
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "checking");
  wait_until (fixture, has_progress, 60);
  g_assert_true (_kp_import_dialog_is_busy (fixture->dialog));
  activate (fixture, "import.cancel");
  wait_until (fixture, is_idle, 60);
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "preview");

  start_stall_watch (fixture);
  check (fixture);
  g_assert_cmpstr (count (fixture, "created"), ==, twenty_thousand);
  g_assert_cmpstr (count (fixture, "rejected"), ==, "0");

  /* Cancel during the import, as soon as it shows progress. */
  activate (fixture, "import.next");
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "importing");
  progress = _kp_import_dialog_get_progress_bar (fixture->dialog);
  wait_until (fixture, has_progress, 60);
  g_assert_true (_kp_import_dialog_is_busy (fixture->dialog));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), >, 0.0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), <, 1.0);
  g_test_message ("import cancelled at %.0f %%", gtk_progress_bar_get_fraction (progress) * 100);
  activate (fixture, "import.cancel");
  wait_until (fixture, is_idle, 60);
  stall = stop_stall_watch (fixture);
  g_test_message ("longest main-loop stall during a 20,000-row check and import: %" G_GINT64_FORMAT " ms",
                  stall / 1000);

  /* Nothing written; the summary is still there to import later. */
  g_assert_cmpstr (_kp_import_dialog_get_page (fixture->dialog), ==, "summary");
  g_assert_cmpuint (n_employees (fixture), ==, 0);
  g_assert_cmpuint (n_audit_events (fixture), ==, 0);

  /* Closing the dialog is always possible. */
  activate (fixture, "import.cancel");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
}

static gboolean
is_closed (Fixture *fixture)
{
  return !ui_test_is_toplevel (GTK_WINDOW (fixture->dialog));
}

/* Closing the window while the import runs cancels it: the dialog goes once the worker has
 * rolled back, and nothing is written. */
static void
test_close_while_importing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = write_big_file (fixture, 20000);

  open_dialog (fixture, path);
  check (fixture);
  activate (fixture, "import.next");
  wait_until (fixture, has_progress, 60);
  g_assert_true (_kp_import_dialog_is_busy (fixture->dialog));

  gtk_window_close (GTK_WINDOW (fixture->dialog));
  /* Not before the worker has answered. */
  g_assert_false (is_closed (fixture));
  wait_until (fixture, is_closed, 60);
  g_assert_false (_kp_import_dialog_is_busy (fixture->dialog));
  g_assert_cmpuint (n_employees (fixture), ==, 0);
  g_assert_cmpuint (n_audit_events (fixture), ==, 0);
}

/* With -m perf: the longest time the main loop stood still while 100,000 rows were checked
 * and imported, the window's list refreshed included. */
static void
test_responsive (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_big_file (fixture, 100000);
  g_autofree char *hundred_thousand = g_strdup_printf ("%'u", 100000);
  gint64 open_stall;
  gint64 check_stall;
  gint64 import_stall;
  gint64 start;

  start_stall_watch (fixture);
  open_dialog (fixture, path);
  open_stall = stop_stall_watch (fixture);
  g_test_message ("open and preview: longest stall %" G_GINT64_FORMAT " ms", open_stall / 1000);
  start_stall_watch (fixture);
  start = g_get_monotonic_time ();
  check (fixture);
  check_stall = stop_stall_watch (fixture);
  g_test_message ("check: %.1f s, longest stall %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1e6, check_stall / 1000);
  g_assert_cmpstr (count (fixture, "created"), ==, hundred_thousand);

  start_stall_watch (fixture);
  start = g_get_monotonic_time ();
  import (fixture);
  import_stall = stop_stall_watch (fixture);
  g_test_message ("import + refresh: %.1f s, longest stall %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1e6, import_stall / 1000);
  g_assert_cmpuint (n_employees (fixture), ==, 100000);
  g_test_maximized_result (MAX (check_stall, import_stall) / 1e6,
                           "longest main-loop stall: %.3f s", MAX (check_stall, import_stall) / 1e6);
}

#define ADD(name, data, func) \
  g_test_add ("/ui/import-dialog/" name, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  ADD ("preview", NULL, test_preview);
  ADD ("preview-semicolon", NULL, test_preview_semicolon);
  ADD ("check-and-import", NULL, test_check_and_import);
  ADD ("all-or-nothing", NULL, test_all_or_nothing);
  ADD ("all-or-nothing-clean", NULL, test_all_or_nothing_clean);
  ADD ("unknown-header", NULL, test_unknown_header);
  ADD ("save-problems", NULL, test_save_problems);
  ADD ("binary-file", "binary", test_bad_file);
  ADD ("empty-file", "empty", test_bad_file);
  ADD ("no-header", "no-header", test_bad_file);
  ADD ("cancel", NULL, test_cancel);
  ADD ("close-while-importing", NULL, test_close_while_importing);
  if (g_test_perf ())
    ADD ("responsive-100k", with_main_window, test_responsive);

  return g_test_run ();
}
