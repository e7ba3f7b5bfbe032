/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-xlsx.c: workbooks as Excel users see them: NIPs that stay text, real dates, a bold frozen
 * header with a filter, nothing lost on bad input, nothing left behind on failure.
 *
 * The file is read back with Python's openpyxl, an independent reader, when it is installed. */

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "kompeten/kp-chart.h"
#include "kompeten/kp-xlsx.h"

#include "report-test-util.h"

#define PYTHON "/usr/bin/python3"

static const KpXlsxColumn columns[] = {
  { "NIP", KP_XLSX_TEXT, 0 },
  { "Nama", KP_XLSX_TEXT, 30 },
  { "Jumlah JP", KP_XLSX_INTEGER, 0 },
  { "Tanggal lahir", KP_XLSX_DATE, 0 },
  { "Nilai", KP_XLSX_NUMBER, 0 },
};

static gboolean
have_openpyxl (void)
{
  const char *argv[] = { PYTHON, "-c", "import openpyxl", NULL };
  int status;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, NULL))
    return FALSE;

  return g_spawn_check_wait_status (status, NULL);
}

/* Runs @script with the workbook's path as sys.argv[1]; the script asserts and prints "ok". */
static void
check_with_openpyxl (const char *path, const char *script)
{
  const char *argv[] = { PYTHON, "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl check failed:\n%s%s", out, err);
  g_assert_cmpstr (out, ==, "ok\n");
}

static void
assert_is_zip (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
}

static const char employees_check[] =
  "import sys, datetime, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "assert wb.sheetnames == ['Pegawai'], wb.sheetnames\n"
  "ws = wb['Pegawai']\n"
  "assert wb.properties.creator == 'Kompeten', wb.properties.creator\n"
  "assert wb.properties.title == 'pegawai', wb.properties.title\n"
  "assert [c.value for c in ws[1]] == ['NIP', 'Nama', 'Jumlah JP', 'Tanggal lahir', 'Nilai']\n"
  "assert all(c.font.b for c in ws[1])\n"
  "assert ws.freeze_panes == 'A2', ws.freeze_panes\n"
  "assert ws.auto_filter.ref == 'A1:E4', ws.auto_filter.ref\n"
  /* An 18-digit NIP is kept whole, as text, never 1.96810301993082E+17. */
  "assert ws['A2'].value == '196810301993082121', repr(ws['A2'].value)\n"
  "assert ws['A2'].data_type == 's'\n"
  "assert ws['A3'].value == '197501012000031001'\n"
  "assert ws['B2'].value == 'Siti Nurhaliza'\n"
  /* Invalid UTF-8 from an import is kept (with a replacement character), not a corrupt file. */
  "assert ws['B3'].value.startswith('Bad ') and ws['B3'].value.endswith(' name'), ws['B3'].value\n"
  "assert '\\ufffd' in ws['B3'].value\n"
  "assert ws['C2'].value == 1234 and ws['C2'].number_format == '#,##0', ws['C2'].value\n"
  "assert ws['C3'].value == 42\n"
  /* Not a number: kept as the text it was. */
  "assert ws['C4'].value == '12 JP', ws['C4'].value\n"
  "assert ws['D2'].value == datetime.datetime(1968, 10, 30), ws['D2'].value\n"
  "assert ws['D2'].number_format == 'dd/mm/yyyy', ws['D2'].number_format\n"
  /* 30 February does not exist: written as the text it was, nothing lost. */
  "assert ws['D3'].value == '1968-02-30', ws['D3'].value\n"
  "assert ws['D4'].value == '30/10/1968', ws['D4'].value\n"
  "assert abs(ws['E2'].value - 3.75) < 1e-9 and ws['E2'].number_format == '#,##0.00'\n"
  "assert ws['E3'].value is None\n"
  "assert ws.column_dimensions['B'].width >= 30\n"
  "assert ws.row_dimensions[1].height == 30\n"
  "print('ok')\n";

static void
write_employees (KpXlsx *xlsx)
{
  lxw_worksheet *sheet = kp_xlsx_add_table (xlsx, "Pegawai", columns, G_N_ELEMENTS (columns));

  g_assert_nonnull (sheet);
  kp_xlsx_write (xlsx, sheet, 0, 0, "196810301993082121");
  kp_xlsx_write (xlsx, sheet, 0, 1, "Siti Nurhaliza");
  kp_xlsx_write (xlsx, sheet, 0, 2, "1234");
  kp_xlsx_write (xlsx, sheet, 0, 3, "1968-10-30");
  kp_xlsx_write (xlsx, sheet, 0, 4, "3.75");

  kp_xlsx_write (xlsx, sheet, 1, 0, "197501012000031001");
  kp_xlsx_write (xlsx, sheet, 1, 1, "Bad \xff\xfe name");
  kp_xlsx_write_int (xlsx, sheet, 1, 2, 42);
  kp_xlsx_write (xlsx, sheet, 1, 3, "1968-02-30");
  kp_xlsx_write (xlsx, sheet, 1, 4, "");

  kp_xlsx_write (xlsx, sheet, 2, 0, NULL);
  kp_xlsx_write (xlsx, sheet, 2, 2, "12 JP");
  kp_xlsx_write (xlsx, sheet, 2, 3, "30/10/1968");

  kp_xlsx_end_table (xlsx, sheet, 3);
}

static void
test_write (gconstpointer data)
{
  gboolean constant_memory = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "pegawai.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  KpXlsx *xlsx;

  xlsx = kp_xlsx_new (path, constant_memory, &error);
  g_assert_no_error (error);
  g_assert_nonnull (xlsx);
  g_assert_nonnull (kp_xlsx_get_workbook (xlsx));
  g_assert_nonnull (kp_xlsx_get_header_format (xlsx));
  g_assert_nonnull (kp_xlsx_get_format (xlsx, KP_XLSX_DATE));

  write_employees (xlsx);
  /* Until closed, nothing is at the user's path. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (kp_xlsx_close (xlsx, &error));
  g_assert_no_error (error);

  assert_is_zip (path);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  if (!have_openpyxl ())
    g_test_skip (PYTHON " cannot import openpyxl: the workbook's contents are not checked");
  else
    check_with_openpyxl (path, employees_check);

  remove_tree (dir);
}

static const char sheets_check[] =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "assert wb.sheetnames == ['Unit_Bagian_ _A_', 'Pegawai', 'PEGAWAI (2)',"
  " 'Badan Kepegawaian dan Pengemban', 'Sheet'], wb.sheetnames\n"
  "ws = wb['PEGAWAI (2)']\n"
  "assert len(ws['A2'].value) == 32767, len(ws['A2'].value)\n"
  "assert ws['B2'].value == '9007199254740993', repr(ws['B2'].value)\n"
  "assert ws['B3'].value == '123456789012345678901234567890'\n"
  "print('ok')\n";

static void
test_sheet_names_and_limits (void)
{
  static const KpXlsxColumn two[] = {
    { "Teks", KP_XLSX_TEXT, 0 },
    { "Angka", KP_XLSX_INTEGER, 0 },
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "limits.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (40000, 'x');
  lxw_worksheet *sheet;
  KpXlsx *xlsx;

  xlsx = kp_xlsx_new (path, FALSE, &error);
  g_assert_no_error (error);

  /* Names straight from unit names: invalid characters, duplicates, too long, empty. */
  g_assert_nonnull (kp_xlsx_add_table (xlsx, "Unit/Bagian: [A]", two, 2));
  g_assert_nonnull (kp_xlsx_add_table (xlsx, "Pegawai", two, 2));
  sheet = kp_xlsx_add_table (xlsx, "PEGAWAI", two, 2);
  g_assert_nonnull (sheet);
  g_assert_nonnull (kp_xlsx_add_table (xlsx, "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                                       two, 2));
  g_assert_nonnull (kp_xlsx_add_table (xlsx, "''", two, 2));

  /* A field over Excel's 32,767 characters is cut to what a cell holds, not dropped. */
  kp_xlsx_write (xlsx, sheet, 0, 0, huge);
  /* Beyond 2^53 an Excel number would lose digits: kept as text. */
  kp_xlsx_write_int (xlsx, sheet, 0, 1, G_GINT64_CONSTANT (9007199254740993));
  kp_xlsx_write (xlsx, sheet, 1, 1, "123456789012345678901234567890");
  kp_xlsx_end_table (xlsx, sheet, 2);

  g_assert_true (kp_xlsx_close (xlsx, &error));
  g_assert_no_error (error);
  assert_is_zip (path);

  if (!have_openpyxl ())
    g_test_skip (PYTHON " cannot import openpyxl: the workbook's contents are not checked");
  else
    check_with_openpyxl (path, sheets_check);

  remove_tree (dir);
}

static void
test_missing_directory (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "pegawai.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  KpXlsx *xlsx;

  /* Reported at once, before any work is spent on the rows. */
  xlsx = kp_xlsx_new (path, FALSE, &error);
  g_assert_null (xlsx);
  g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "pegawai.xlsx"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);
}

static void
test_directory_removed_before_close (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *sub = g_build_filename (dir, "out", NULL);
  g_autofree char *path = g_build_filename (sub, "pegawai.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  KpXlsx *xlsx;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  xlsx = kp_xlsx_new (path, FALSE, &error);
  g_assert_no_error (error);
  write_employees (xlsx);

  /* The USB stick is pulled while the export runs. */
  remove_tree (sub);
  g_assert_false (kp_xlsx_close (xlsx, &error));
  g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "pegawai.xlsx"));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);
}

static void
test_abandon (gconstpointer data)
{
  gboolean constant_memory = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "pegawai.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  KpXlsx *xlsx;

  g_assert_true (g_file_set_contents (path, "last month's export", -1, &error));
  g_assert_no_error (error);

  xlsx = kp_xlsx_new (path, constant_memory, &error);
  g_assert_no_error (error);
  write_employees (xlsx);
  /* The user cancels: the earlier file is untouched and nothing else is left. */
  kp_xlsx_abandon (xlsx);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last month's export");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_refused_write_is_reported (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "pegawai.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  lxw_worksheet *sheet;
  KpXlsx *xlsx;

  /* In constant-memory mode rows must come in order; a row written late is refused by
   * libxlsxwriter, and the user must hear of it rather than get a sheet with a hole. */
  xlsx = kp_xlsx_new (path, TRUE, &error);
  g_assert_no_error (error);
  sheet = kp_xlsx_add_table (xlsx, "Pegawai", columns, G_N_ELEMENTS (columns));
  kp_xlsx_write (xlsx, sheet, 5, 0, "196810301993082121");
  kp_xlsx_write (xlsx, sheet, 2, 0, "197501012000031001");
  kp_xlsx_end_table (xlsx, sheet, 6);

  g_assert_false (kp_xlsx_close (xlsx, &error));
  g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "A4"));
  g_assert_nonnull (strstr (error->message, "Pegawai"));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/xlsx/write", GINT_TO_POINTER (FALSE), test_write);
  g_test_add_data_func ("/xlsx/write-constant-memory", GINT_TO_POINTER (TRUE), test_write);
  g_test_add_func ("/xlsx/sheet-names-and-limits", test_sheet_names_and_limits);
  g_test_add_func ("/xlsx/missing-directory", test_missing_directory);
  g_test_add_func ("/xlsx/directory-removed-before-close", test_directory_removed_before_close);
  g_test_add_data_func ("/xlsx/abandon", GINT_TO_POINTER (FALSE), test_abandon);
  g_test_add_data_func ("/xlsx/abandon-constant-memory", GINT_TO_POINTER (TRUE), test_abandon);
  g_test_add_func ("/xlsx/refused-write-is-reported", test_refused_write_is_reported);

  return g_test_run ();
}
