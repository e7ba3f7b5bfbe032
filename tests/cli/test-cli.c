/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: kompeten-cli as a batch user runs it: the real program (KOMPETEN_CLI) in a
 * scratch folder, in the C locale, checked by its exit status, what it prints and the files it
 * writes, read back with independent tools (openpyxl, pdftotext, the sqlite3 shell) where they
 * are installed. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <json-glib/json-glib.h>

#include "kompeten/kp-model.h"
#include "../model/gen-data-script.h"
#include "../model/recruitment-fixture.h"

#define PDFTOTEXT "/usr/bin/pdftotext"
#define SQLITE3 "/usr/bin/sqlite3"

#define HEADER "nip,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,golongan,jabatan," \
               "jenis_jabatan,unit_kerja,nip_atasan,email,telepon"

typedef struct {
  char *dir;
  char *db;      /* the database path inside dir */
  char *out;     /* stdout and stderr of the last run */
  char *err;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kp-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "kompeten.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->out);
  g_free (f->err);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static char *
tmp_path (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* The locale the program runs in: English by default, so the counts parse. */
static const char *cli_locale = "C.UTF-8";

/* Runs @argv (NULL-terminated) in @dir with @envp; returns the exit status and the output. */
static int
spawn (const char *dir, const char *const *argv, char **out, char **err)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int status;

  /* English messages, no thousands separators: the counts parse. */
  envp = g_environ_setenv (envp, "LC_ALL", cli_locale, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "", TRUE);
  envp = g_environ_unsetenv (envp, "LANG");
  g_assert_true (g_spawn_sync (dir, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  if (error->domain != G_SPAWN_EXIT_ERROR)
    g_error ("%s did not exit: %s\n%s", argv[0], error->message, *err);
  return error->code;
}

/* Runs kompeten-cli with @args (NULL-terminated, after the program name). */
static int
run_cli_v (Fixture *f, gboolean with_db, const char *first, va_list ap)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("KOMPETEN_CLI");
  int status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  if (with_db)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, f->db);
    }
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  status = spawn (f->dir, (const char *const *) argv->pdata, &f->out, &f->err);
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", status, f->out, f->err);
  return status;
}

static G_GNUC_NULL_TERMINATED int
run_cli (Fixture *f, const char *first, ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_cli_v (f, TRUE, first, ap);
  va_end (ap);
  return status;
}

static G_GNUC_NULL_TERMINATED int
run_cli_no_db (Fixture *f, const char *first, ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_cli_v (f, FALSE, first, ap);
  va_end (ap);
  return status;
}

static void
assert_mentions (const char *text, const char *fragment)
{
  if (strstr (text, fragment) == NULL)
    g_error ("“%s” is not in:\n%s", fragment, text);
}

/* The number on the import summary line "label    N". */
static gint64
count_of (const char *out, const char *label)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      guint n = g_strv_length (words);
      gint64 value;

      if (n < 2 || strcmp (words[0], label) != 0)
        continue;
      g_assert_true (g_ascii_string_to_signed (words[n - 1], 10, 0, G_MAXINT64, &value, NULL));
      return value;
    }
  g_error ("no “%s” line in:\n%s", label, out);
  return -1;
}

static void
assert_counts (const char *out, gint64 read, gint64 created, gint64 updated, gint64 unchanged,
               gint64 rejected, gint64 warnings)
{
  g_assert_cmpint (count_of (out, "read"), ==, read);
  g_assert_cmpint (count_of (out, "new"), ==, created);
  g_assert_cmpint (count_of (out, "updated"), ==, updated);
  g_assert_cmpint (count_of (out, "unchanged"), ==, unchanged);
  g_assert_cmpint (count_of (out, "rejected"), ==, rejected);
  g_assert_cmpint (count_of (out, "warnings"), ==, warnings);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* "seq:hash" from `audit verify`, after checking that it succeeds. */
static char *
audit_head (Fixture *f)
{
  g_autoptr(GRegex) regex = g_regex_new ("^Head: ([0-9]+:[0-9a-f]{64})$", G_REGEX_MULTILINE, 0,
                                         NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), ==, 0);
  if (!g_regex_match (regex, f->out, 0, &match))
    g_error ("no “Head: seq:hash” line in:\n%s", f->out);
  return g_match_info_fetch (match, 1);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* ---- usage ------------------------------------------------------------------------------------ */

static void
test_help (Fixture *f, gconstpointer data)
{
  static const struct { const char *command; const char *options[4]; } commands[] = {
    { "import", { "--rejects", "--all-or-nothing", "--warnings", NULL } },
    { "export", { "--csv", "--xlsx", NULL } },
    { "chart", { "--png", "--pdf", "--svg", "--unit" } },
    { "jpm", { "show", "weight", "categories", NULL } },
    { "audit", { "verify", NULL } },
    { "demo", { "500", NULL } },
  };

  g_assert_cmpint (run_cli_no_db (f, "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    assert_mentions (f->out, commands[i].command);
  assert_mentions (f->out, "--db");
  g_assert_cmpstr (f->err, ==, "");

  g_assert_cmpint (run_cli_no_db (f, "--version", NULL), ==, 0);
  assert_mentions (f->out, PACKAGE_VERSION);

  /* Every command has its own help, naming its options; none of them opens a database. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_assert_cmpint (run_cli (f, commands[i].command, "--help", NULL), ==, 0);
      assert_mentions (f->out, commands[i].command);
      for (guint o = 0; o < G_N_ELEMENTS (commands[i].options) && commands[i].options[o]; o++)
        assert_mentions (f->out, commands[i].options[o]);
    }
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");

  g_assert_cmpint (run_cli (f, "frobnicate", NULL), ==, 2);
  assert_mentions (f->err, "frobnicate");
  {
    const char *argv[] = { g_getenv ("KOMPETEN_CLI"), NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    /* No command: the help, on stderr. */
    g_assert_cmpint (spawn (f->dir, argv, &out, &err), ==, 2);
    assert_mentions (err, "import");
  }
  g_assert_cmpint (run_cli_no_db (f, "--bogus", NULL), ==, 2);
  assert_mentions (f->err, "--bogus");
  g_assert_cmpint (run_cli (f, "import", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "import", "employees", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "import", "applicants", valid, NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "import", "employees", valid, "--bogus", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "export", "employees", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "chart", "employees-by-unit", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "chart", "employees-by-unit", "--png", "x.png", "--width", "10",
                            NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "chart", "jpm-distribution", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "jpm", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "jpm", "weight", "Pelaksana", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "audit", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "demo", "now", NULL), ==, 2);
  /* Wrong usage writes nothing. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

/* ---- import ----------------------------------------------------------------------------------- */

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("quirk-quoted.csv");
  g_autofree char *rejects = tmp_path (f, "rejects.csv");
  g_autofree char *warnings = tmp_path (f, "warnings.csv");
  g_autofree char *contents = NULL;
  g_autofree char *head = NULL;
  g_autofree char *head_again = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli (f, "import", "employees", path, "--rejects", rejects,
                            "--warnings", warnings, NULL), ==, 0);
  assert_counts (f->out, 7, 4, 0, 0, 3, 0);
  /* The refused rows are named on stderr too, by the line where each starts. */
  assert_mentions (f->err, "line 8");
  assert_mentions (f->err, "line 9");
  assert_mentions (f->err, "line 11");

  contents = read_file (rejects);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "line,column,value,reason");
  g_assert_true (g_str_has_prefix (lines[1], "8,golongan,V/z,"));
  g_assert_true (g_str_has_prefix (lines[2], "9,nip,19920315201801200,"));
  g_assert_true (g_str_has_prefix (lines[3], "11,jenis_kelamin,X,"));
  for (guint i = 1; i <= 3; i++)
    g_assert_cmpuint (strlen (lines[i]), >, strlen ("11,jenis_kelamin,X,"));
  g_assert_cmpstr (lines[4], ==, "");
  g_clear_pointer (&contents, g_free);
  contents = read_file (warnings);
  g_assert_cmpstr (contents, ==, "line,column,value,reason\n");

  /* Again: nothing new, nothing changed, no audit event. */
  head = audit_head (f);
  g_assert_cmpint (run_cli (f, "import", "employees", path, NULL), ==, 0);
  assert_counts (f->out, 7, 0, 0, 4, 3, 0);
  head_again = audit_head (f);
  g_assert_cmpstr (head_again, ==, head);
}

static void
test_import_warnings (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("warn-unknown-supervisor.csv");
  g_autofree char *warnings = tmp_path (f, "warnings.csv");
  g_autofree char *rejects = tmp_path (f, "rejects.csv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli (f, "import", "employees", path, "--warnings", warnings,
                            "--rejects", rejects, NULL), ==, 0);
  assert_counts (f->out, 2, 2, 0, 0, 0, 1);
  contents = read_file (warnings);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "3,nip_atasan,197001011995031001,"));
  g_clear_pointer (&contents, g_free);
  contents = read_file (rejects);
  g_assert_cmpstr (contents, ==, "line,column,value,reason\n");
}

static void
test_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = fixture_path ("bad-sex.csv");
  g_autofree char *csv = tmp_path (f, "export.csv");
  g_autofree char *contents = NULL;
  g_autofree char *head = NULL;

  g_assert_cmpint (run_cli (f, "import", "employees", bad, "--all-or-nothing", NULL), ==, 3);
  assert_counts (f->out, 2, 0, 0, 0, 1, 0);
  assert_mentions (f->err, "line 3");

  g_assert_cmpint (run_cli (f, "export", "employees", "--csv", csv, NULL), ==, 0);
  contents = read_file (csv);
  g_assert_cmpstr (contents, ==, HEADER "\n");
  /* Only the migrations are in the log. */
  head = audit_head (f);
  g_assert_true (g_str_has_prefix (head, G_STRINGIFY (KP_SCHEMA_VERSION) ":"));
}

static void
test_import_bad_files (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");
  g_autofree char *missing = tmp_path (f, "tidak-ada.csv");
  g_autofree char *binary = tmp_path (f, "pegawai.xlsx");
  g_autofree char *latin1 = tmp_path (f, "latin1.csv");
  g_autofree char *empty = tmp_path (f, "kosong.csv");
  g_autofree char *no_header = fixture_path ("bad-no-header.csv");
  g_autofree char *quote = fixture_path ("bad-unterminated-quote.csv");
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;
  const char *const files[] = { missing, binary, latin1, empty, no_header, quote };

  g_assert_true (g_file_set_contents (binary, "PK\x03\x04\x14\x00\x00\x00", 8, &error));
  g_assert_true (g_file_set_contents (latin1, HEADER "\n" "196602041998051457,Jos\xe9,L,,"
                                      "1966-02-04,,IV/c,Kepala,JPT Pratama,Dinas,,,\n", -1,
                                      &error));
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (f, "import", "employees", valid, NULL), ==, 0);
  head = audit_head (f);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *base = g_path_get_basename (files[i]);
      g_autofree char *head_after = NULL;

      g_assert_cmpint (run_cli (f, "import", "employees", files[i], NULL), ==, 1);
      /* A clear message naming the file, and no counts as if something was done. */
      assert_mentions (f->err, base);
      g_assert_null (strstr (f->out, "new "));
      head_after = audit_head (f);
      g_assert_cmpstr (head_after, ==, head);
    }
}

static void
test_bad_database (Fixture *f, gconstpointer data)
{
  g_autofree char *letter = tmp_path (f, "surat.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = tmp_path (f, "newer.db");
  KpDatabase *db;
  sqlite3 *raw;

  /* Not SQLite: refused, untouched. */
  g_assert_true (g_file_set_contents (letter, "Kepada Yth. Kepala BKPSDM,\n"
                                      "dengan hormat, terlampir daftar pegawai.\n"
                                      "Demikian, atas perhatiannya kami ucapkan terima kasih.\n"
                                      "Hormat kami, Sekretariat.\n", -1, &error));
  g_assert_no_error (error);
  before = read_file (letter);
  {
    const char *argv[] = { g_getenv ("KOMPETEN_CLI"), "--db", letter, "audit", "verify", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (spawn (f->dir, argv, &out, &err), ==, 1);
    assert_mentions (err, "surat.db");
  }
  after = read_file (letter);
  g_assert_cmpstr (after, ==, before);

  /* Written by a newer Kompeten: refused, with the versions. */
  db = kp_database_open (newer, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_assert_cmpint (sqlite3_open (newer, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO kp_schema VALUES (99, '2031-01-01T00:00:00Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  {
    const char *argv[] = { g_getenv ("KOMPETEN_CLI"), "--db", newer, "audit", "verify", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (spawn (f->dir, argv, &out, &err), ==, 1);
    assert_mentions (err, "99");
  }
}

/* ---- export and charts ------------------------------------------------------------------------ */

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

static const char xlsx_check[] =
  "import sys, datetime, zipfile, openpyxl\n"
  "path = sys.argv[1]\n"
  "wb = openpyxl.load_workbook(path)\n"
  "assert len(wb.worksheets) == 2, wb.sheetnames\n"
  "ws = wb.worksheets[0]\n"
  "assert [c.value for c in ws[1]] == ['nip', 'nama', 'jenis_kelamin', 'tempat_lahir',\n"
  "    'tanggal_lahir', 'pendidikan', 'golongan', 'jabatan', 'jenis_jabatan', 'unit_kerja',\n"
  "    'nip_atasan', 'email', 'telepon'], [c.value for c in ws[1]]\n"
  "assert all(c.font.b for c in ws[1])\n"
  "assert ws.freeze_panes == 'A2', ws.freeze_panes\n"
  "assert ws.auto_filter.ref == 'A1:M6', ws.auto_filter.ref\n"
  "assert ws.max_row == 6, ws.max_row\n"
  "for row in ws.iter_rows(min_row=2):\n"
  "    assert isinstance(row[0].value, str) and len(row[0].value) == 18, repr(row[0].value)\n"
  "    assert isinstance(row[4].value, datetime.datetime), repr(row[4].value)\n"
  "assert ws['A2'].value == '196602041998051457'\n"
  "assert ws['E2'].value == datetime.datetime(1966, 2, 4), ws['E2'].value\n"
  "assert ws['K3'].value == '196602041998051457', ws['K3'].value\n"
  "assert ws.column_dimensions['B'].width > 20\n"
  "ws2 = wb.worksheets[1]\n"
  "assert all(c.font.b for c in ws2[1] if c.value is not None)\n"
  "rows = [(r[0].value, r[1].value) for r in ws2.iter_rows(min_row=2, max_col=2)]\n"
  "assert rows == [('Dinas Kesehatan', 4), ('Inspektorat', 1)], rows\n"
  "names = zipfile.ZipFile(path).namelist()\n"
  "assert 'xl/charts/chart1.xml' in names, names\n"
  "assert b'<c:barChart>' in zipfile.ZipFile(path).read('xl/charts/chart1.xml')\n"
  "print('ok')\n";

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");
  g_autofree char *csv = tmp_path (f, "pegawai.csv");
  g_autofree char *xlsx = tmp_path (f, "pegawai.xlsx");
  g_autofree char *original = read_file (valid);
  g_autofree char *contents = NULL;

  g_assert_cmpint (run_cli (f, "import", "employees", valid, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "export", "employees", "--csv", csv, "--xlsx", xlsx, NULL), ==, 0);

  /* The fixture is already in the export's form: the same bytes come back. */
  contents = read_file (csv);
  g_assert_cmpstr (contents, ==, original);
  g_assert_cmpint (run_cli (f, "import", "employees", csv, NULL), ==, 0);
  assert_counts (f->out, 5, 0, 0, 5, 0, 0);

  g_clear_pointer (&contents, g_free);
  contents = read_file (xlsx);
  g_assert_true (g_str_has_prefix (contents, "PK\x03\x04"));
  if (!have_openpyxl ())
    {
      g_test_skip ("the workbook is not read back: no " PYTHON " with openpyxl");
      return;
    }
  {
    const char *argv[] = { PYTHON, "-c", xlsx_check, xlsx, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = spawn (f->dir, argv, &out, &err);

    if (status != 0)
      g_error ("openpyxl check failed:\n%s%s", out, err);
    g_assert_cmpstr (out, ==, "ok\n");
  }
}

static void
test_chart (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");
  g_autofree char *png = tmp_path (f, "unit.png");
  g_autofree char *pdf = tmp_path (f, "unit.pdf");
  g_autofree char *svg = tmp_path (f, "unit.svg");
  g_autofree char *only = tmp_path (f, "inspektorat.svg");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (run_cli (f, "import", "employees", valid, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "chart", "employees-by-unit", "--png", png, "--pdf", pdf,
                            "--svg", svg, NULL), ==, 0);

  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  assert_mentions (contents, "<svg");
  g_clear_pointer (&contents, g_free);

  /* One unit and its sub-units; a unit that is not there is an error. */
  g_assert_cmpint (run_cli (f, "chart", "employees-by-unit", "--unit", "Inspektorat",
                            "--svg", only, NULL), ==, 0);
  g_assert_true (g_file_test (only, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_cli (f, "chart", "employees-by-unit", "--unit", "Dinas Rahasia",
                            "--svg", only, NULL), ==, 1);
  assert_mentions (f->err, "Dinas Rahasia");

  if (!g_file_test (PDFTOTEXT, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the PDF is not read back: no " PDFTOTEXT);
      return;
    }
  {
    const char *argv[] = { PDFTOTEXT, pdf, "-", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (spawn (f->dir, argv, &out, &err), ==, 0);
    assert_mentions (out, "Inspektorat");
    assert_mentions (out, "Dinas Kesehatan");
  }
}

/* ---- the audit log ---------------------------------------------------------------------------- */

/* Runs SQL on the database file as an attacker would: with the sqlite3 shell when installed,
 * else through the library. Returns TRUE when it succeeded. */
static gboolean
attacker_sql (Fixture *f, const char *sql)
{
  if (g_file_test (SQLITE3, G_FILE_TEST_IS_EXECUTABLE))
    {
      const char *argv[] = { SQLITE3, f->db, sql, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      return spawn (f->dir, argv, &out, &err) == 0;
    }
  else
    {
      sqlite3 *raw = NULL;
      int rc;

      g_assert_cmpint (sqlite3_open (f->db, &raw), ==, SQLITE_OK);
      rc = sqlite3_exec (raw, sql, NULL, NULL, NULL);
      sqlite3_close (raw);
      return rc == SQLITE_OK;
    }
}

static void
test_audit_verify (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");
  g_autofree char *head = NULL;
  g_autofree char *head_again = NULL;

  g_assert_cmpint (run_cli (f, "import", "employees", valid, NULL), ==, 0);
  head = audit_head (f);
  /* The migrations and the import. */
  {
    g_autofree char *prefix = g_strdup_printf ("%d:", KP_SCHEMA_VERSION + 1);
    g_autofree char *count = g_strdup_printf (" %d ", KP_SCHEMA_VERSION + 1);

    g_assert_true (g_str_has_prefix (head, prefix));
    assert_mentions (f->out, count);
  }

  /* The log refuses to be rewritten... */
  g_assert_false (attacker_sql (f, "UPDATE audit_event SET payload = '{}' WHERE seq = 2"));
  g_assert_false (attacker_sql (f, "DELETE FROM audit_event WHERE seq = 1"));
  head_again = audit_head (f);
  g_assert_cmpstr (head_again, ==, head);

  /* ...and when its guards are dropped, the rewrite is found and the event named. */
  g_assert_true (attacker_sql (f, "DROP TRIGGER audit_event_no_update;"
                                  "UPDATE audit_event SET payload = '{}' WHERE seq = 2;"));
  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), !=, 0);
  assert_mentions (f->err, "event 2");
  g_assert_null (strstr (f->out, "Head:"));
}

static void
test_audit_verify_deleted (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");
  g_autofree char *changed = tmp_path (f, "changed.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_cli (f, "import", "employees", valid, NULL), ==, 0);
  contents = read_file (valid);
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, ",Rina Siregar,", ",\"Rina Siregar, A.Md.Kep.\",", 1),
                    ==, 1);
  g_assert_true (g_file_set_contents (changed, edited->str, edited->len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (f, "import", "employees", changed, NULL), ==, 0);
  assert_counts (f->out, 5, 0, 1, 4, 0, 0);

  /* Removing an event (the second) from the middle of the chain. */
  g_assert_true (attacker_sql (f, "DROP TRIGGER audit_event_no_delete;"
                                  "DELETE FROM audit_event WHERE seq = 2;"));
  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), !=, 0);
  assert_mentions (f->err, "event 2");
}

/* ---- demo ------------------------------------------------------------------------------------- */

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = tmp_path (f, "demo.csv");
  g_autofree char *contents = NULL;
  g_autofree char *head = NULL;
  g_autofree char *head_again = NULL;

  g_assert_cmpint (run_cli (f, "demo", NULL), ==, 0);
  assert_mentions (f->out, f->db);
  g_assert_cmpint (run_cli (f, "export", "employees", "--csv", csv, NULL), ==, 0);
  contents = read_file (csv);
  g_assert_true (g_str_has_prefix (contents, HEADER "\n"));
  g_assert_cmpuint (count_lines (contents), ==, 501);
  head = audit_head (f);

  /* Never over an existing register. */
  g_assert_cmpint (run_cli (f, "demo", NULL), ==, 1);
  g_assert_cmpstr (f->err, !=, "");
  head_again = audit_head (f);
  g_assert_cmpstr (head_again, ==, head);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KpDatabase) db = kp_database_open (f->db, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_employees (db)), ==, 500);
    g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (db)), ==, 24);
  }
}

/* The development plans as CSV, all of them or one unit's; the CSV only, and a unit that
 * exists. */
static void
test_export_plans (Fixture *f, gconstpointer data)
{
  g_autofree char *all = tmp_path (f, "rencana.csv");
  g_autofree char *one = tmp_path (f, "rencana-unit.csv");
  g_autofree char *contents = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *first_nip = NULL;
  g_autofree char *other_nip = NULL;
  int first_items = 0, other_items = 0;

  g_assert_cmpint (run_cli (f, "demo", NULL), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KpDatabase) db = kp_database_open (f->db, &error);
    GListModel *employees = kp_database_get_employees (db);

    g_assert_no_error (error);
    /* Drafts from the gaps of two employees of different units. */
    for (guint i = 0; i < g_list_model_get_n_items (employees) && other_nip == NULL; i++)
      {
        g_autoptr(KpEmployee) e = g_list_model_get_item (employees, i);
        int n;

        if (unit != NULL && g_strcmp0 (kp_employee_get_unit_name (e), unit) == 0)
          continue;
        n = kp_idp_add_from_gaps (db, kp_employee_get_id (e), &error);
        g_assert_no_error (error);
        if (n <= 0)
          continue;
        if (unit == NULL)
          {
            unit = g_strdup (kp_employee_get_unit_name (e));
            first_nip = g_strdup (kp_employee_get_nip (e));
            first_items = n;
          }
        else
          {
            other_nip = g_strdup (kp_employee_get_nip (e));
            other_items = n;
          }
      }
    g_assert_nonnull (other_nip);
  }

  g_assert_cmpint (run_cli (f, "export", "plans", "--csv", all, NULL), ==, 0);
  contents = read_file (all);
  g_assert_true (g_str_has_prefix (contents, "nip,nama,unit_kerja,kode_kompetensi,"));
  g_assert_cmpuint (count_lines (contents), ==, 1 + first_items + other_items);
  g_assert_nonnull (strstr (contents, first_nip));
  g_assert_nonnull (strstr (contents, other_nip));
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (run_cli (f, "export", "plans", "--csv", one, "--unit", unit, NULL), ==, 0);
  contents = read_file (one);
  g_assert_cmpuint (count_lines (contents), ==, 1 + first_items);
  g_assert_nonnull (strstr (contents, first_nip));
  g_assert_null (strstr (contents, other_nip));

  g_assert_cmpint (run_cli (f, "export", "plans", "--xlsx", one, NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "export", "plans", "--csv", one, "--unit", "Tidak Ada", NULL), ==, 1);
  assert_mentions (f->err, "Tidak Ada");
  g_assert_cmpint (run_cli (f, "export", "employees", "--csv", one, "--unit", unit, NULL), ==, 2);
}

/* Under an Indonesian locale the program speaks Indonesian: messages, counts, errors. */
static void
test_indonesian (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");
  g_autofree char *missing = tmp_path (f, "tidak-ada.csv");

  if (setlocale (LC_ALL, "id_ID.UTF-8") == NULL)
    {
      g_test_skip ("the id_ID.UTF-8 locale is not installed (build-aux/install-deps makes it)");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  cli_locale = "id_ID.UTF-8";

  g_assert_cmpint (run_cli (f, "import", "employees", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "tidak ada"));
  g_assert_null (strstr (f->err, "does not exist"));

  g_assert_cmpint (run_cli (f, "import", "employees", valid, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "dibaca"));
  g_assert_nonnull (strstr (f->out, "baru"));

  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Log audit utuh"));

  g_assert_cmpint (run_cli (f, "import", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "transaksi"));

  cli_locale = "C.UTF-8";
}

/* Competencies from the command line: the seeded dictionary, assessment results, the gap
 * report (a summary, and a workbook read back with openpyxl). */
static const char gaps_check[] =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "assert wb.sheetnames == ['Gaps', 'JPM per Unit'], wb.sheetnames\n"
  "ws = wb.worksheets[0]\n"
  "head = [c.value for c in ws[1]]\n"
  "assert head[0] == 'nip' and head[5] == 'M.01' and head[13] == 'SK.01', head\n"
  "rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}\n"
  "siti = rows['196810301993082121']\n"
  "assert siti[5].value == 0 and siti[6].value == -1, [c.value for c in siti]\n"
  "assert abs(siti[14].value - 96.3) < 0.01 and siti[15].value == 'Memenuhi Syarat', siti[14].value\n"
  "assert len(ws.conditional_formatting) >= 1\n"
  "print('ok')\n";

/* The profile workbook: who it is about above a gap table of numbers, and the history. */
static const char profile_check[] =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "assert wb.sheetnames == ['Profile', 'History'], wb.sheetnames\n"
  "ws = wb.worksheets[0]\n"
  "cells = {c.value for r in ws.iter_rows() for c in r}\n"
  "assert '196810301993082121' in cells and 'M.01' in cells, cells\n"
  "rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows()}\n"
  "assert rows['M.01'][4] == 0 and isinstance(rows['M.01'][2], int), rows['M.01']\n"
  "assert ws.freeze_panes == 'A9' and len(ws.conditional_formatting) >= 1\n"
  "assert wb.worksheets[1].max_row > 1\n"
  "print('ok')\n";

static void
test_gaps (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");
  g_autofree char *results = tmp_path (f, "penilaian.csv");
  g_autofree char *xlsx = tmp_path (f, "gaps.xlsx");
  g_autoptr(GString) csv = g_string_new ("nip,kode_kompetensi,level,penilai,tanggal,metode,catatan\n");
  static const char *const codes[] = { "M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07",
                                       "M.08", "SK.01" };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_cli (f, "import", "employees", valid, NULL), ==, 0);
  /* Siti (Administrator, standard 3): 3 everywhere but 2 on M.02: 26/27 = 96.3 %. */
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_string_append_printf (csv, "196810301993082121,%s,%d,Asesor A,2026-05-04,uji kompetensi,\n",
                            codes[i], i == 1 ? 2 : 3);
  g_assert_true (g_file_set_contents (results, csv->str, csv->len, &error));
  g_assert_cmpint (run_cli (f, "import", "assessments", results, NULL), ==, 0);
  assert_counts (f->out, 9, 9, 0, 0, 0, 0);

  g_assert_cmpint (run_cli (f, "report", "gaps", NULL), ==, 0);
  assert_mentions (f->out, "Memenuhi Syarat");
  g_assert_nonnull (strstr (f->out, "Not assessed yet"));
  {
    g_auto(GStrv) lines = g_strsplit (f->out, "\n", -1);

    /* Siti meets; the JPT and the two Ahli are not assessed; Terampil has no standard. */
    g_assert_true (g_str_has_prefix (lines[0], "Memenuhi Syarat"));
    g_assert_true (g_str_has_suffix (lines[0], " 1"));
    g_assert_true (g_str_has_suffix (lines[3], " 3"));
    g_assert_true (g_str_has_suffix (lines[4], " 1"));
  }

  {
    g_autofree char *png = tmp_path (f, "heatmap.png");
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_cmpint (run_cli (f, "chart", "gap-heatmap", "--png", png, NULL), ==, 0);
    g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
    g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  }

  /* Siti's own copy of her profile: one A4 page with her name, her JPM and the competencies. */
  {
    g_autofree char *pdf = tmp_path (f, "profil.pdf");
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_cmpint (run_cli (f, "profile", "196810301993082121", "--pdf", pdf, NULL), ==, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

    if (pdftotext != NULL)
      {
        const char *argv[] = { pdftotext, pdf, "-", NULL };
        g_autofree char *text = NULL;
        g_autofree char *err = NULL;

        g_assert_cmpint (spawn (f->dir, argv, &text, &err), ==, 0);
        g_assert_nonnull (strstr (text, "Siti"));
        g_assert_nonnull (strstr (text, "96.3"));
        g_assert_nonnull (strstr (text, "Memenuhi Syarat"));
        g_assert_nonnull (strstr (text, "Kerjasama"));
        g_assert_nonnull (strstr (text, "Uji kompetensi 2026-05-04"));
      }
    g_assert_cmpint (run_cli (f, "profile", "199999999999999999", "--pdf", pdf, NULL), ==, 1);
  }

  /* The same profile as a workbook; an unknown NIP leaves no file behind. */
  {
    g_autofree char *profile = tmp_path (f, "profil.xlsx");
    g_autofree char *missing = tmp_path (f, "tidak-ada.xlsx");
    g_autofree char *contents = NULL;

    g_assert_cmpint (run_cli (f, "profile", "196810301993082121", "--xlsx", profile, NULL), ==, 0);
    contents = read_file (profile);
    g_assert_true (g_str_has_prefix (contents, "PK\x03\x04"));
    if (have_openpyxl ())
      {
        const char *argv[] = { PYTHON, "-c", profile_check, profile, NULL };
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;

        if (spawn (f->dir, argv, &out, &err) != 0)
          g_error ("openpyxl check failed:\n%s%s", out, err);
      }
    g_assert_cmpint (run_cli (f, "profile", "199999999999999999", "--xlsx", missing, NULL), ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  g_assert_cmpint (run_cli (f, "report", "gaps", "--xlsx", xlsx, NULL), ==, 0);
  assert_mentions (f->out, "5 employees");
  if (!have_openpyxl ())
    {
      g_test_message ("openpyxl is not installed: the workbook's content is not checked");
      return;
    }
  {
    const char *argv[] = { PYTHON, "-c", gaps_check, xlsx, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    if (spawn (f->dir, argv, &out, &err) != 0)
      g_error ("openpyxl check failed:\n%s%s", out, err);
  }
}

/* Standards round trip: imported, exported as CSV (the same rows) and as a workbook. */
static void
test_standards (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");
  g_autofree char *in = tmp_path (f, "standar.csv");
  g_autofree char *out = tmp_path (f, "standar-out.csv");
  g_autofree char *xlsx = tmp_path (f, "standar.xlsx");
  g_autofree char *exported = NULL;
  static const char standards[] =
    "unit_kerja,jabatan,kode_kompetensi,level\n"
    "Dinas Kesehatan,Perawat Terampil,M.01,2\n"
    "Dinas Kesehatan,Sekretaris,M.03,4\n";
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_cli (f, "import", "employees", valid, NULL), ==, 0);
  g_assert_true (g_file_set_contents (in, standards, -1, &error));
  g_assert_cmpint (run_cli (f, "import", "standards", in, NULL), ==, 0);
  assert_counts (f->out, 2, 2, 0, 0, 0, 0);
  g_assert_cmpint (run_cli (f, "export", "standards", "--csv", out, "--xlsx", xlsx, NULL), ==, 0);
  exported = read_file (out);
  g_assert_nonnull (strstr (exported, "Dinas Kesehatan,Perawat Terampil,M.01,2\n"));
  g_assert_nonnull (strstr (exported, "Dinas Kesehatan,Sekretaris,M.03,4\n"));
  g_assert_true (g_str_has_prefix (exported, "unit_kerja,jabatan,kode_kompetensi,level\n"));
  g_assert_cmpint (run_cli (f, "import", "standards", out, NULL), ==, 0);
  assert_counts (f->out, 2, 0, 0, 2, 0, 0);
  if (have_openpyxl ())
    {
      const char *check =
        "import sys, openpyxl\n"
        "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
        "rows = [[c.value for c in r] for r in ws.iter_rows()]\n"
        "assert rows[0] == ['unit_kerja', 'jabatan', 'kode_kompetensi', 'Competency', 'level'], rows[0]\n"
        "assert ['Dinas Kesehatan', 'Sekretaris', 'M.03', 'Komunikasi', 4] in rows, rows\n"
        "assert len(rows) == 3, rows\n";
      const char *argv[] = { PYTHON, "-c", check, xlsx, NULL };
      g_autofree char *py_out = NULL;
      g_autofree char *py_err = NULL;

      if (spawn (f->dir, argv, &py_out, &py_err) != 0)
        g_error ("openpyxl check failed:\n%s%s", py_out, py_err);
    }
}

/* ---- JPM weights and categories ---------------------------------------------------------------- */

/* The number of events in the audit log, as audit verify prints it. */
static guint64
n_events (Fixture *f)
{
  g_autoptr(GRegex) regex = g_regex_new ("intact: ([0-9]+) events", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), ==, 0);
  g_assert_true (g_regex_match (regex, f->out, 0, &match));
  number = g_match_info_fetch (match, 1);
  return g_ascii_strtoull (number, NULL, 10);
}

/* The line of `jpm show` that starts with @label, trimmed. */
static char *
show_line (Fixture *f, const char *label)
{
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli (f, "jpm", "show", NULL), ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strstrip (lines[i]), label))
      return g_strdup (lines[i]);
  g_error ("no line “%s” in:\n%s", label, f->out);
  return NULL;
}

static void
test_jpm (Fixture *f, gconstpointer data)
{
  g_autofree char *line = NULL;
  g_autofree char *before = NULL;
  guint64 events;

  /* The seeded categories, and no weights. */
  g_assert_cmpint (run_cli (f, "jpm", "show", NULL), ==, 0);
  assert_mentions (f->out, "80 %  Memenuhi Syarat");
  assert_mentions (f->out, "68 %  Masih Memenuhi Syarat");
  assert_mentions (f->out, "0 %  Kurang Memenuhi Syarat");
  line = show_line (f, "Pelaksana");
  assert_mentions (line, "unweighted");
  g_clear_pointer (&line, g_free);
  events = n_events (f);

  /* A kind by any name the register accepts; one event per change, none for the same again. */
  g_assert_cmpint (run_cli (f, "jpm", "weight", "JF Ahli Muda", "40", NULL), ==, 0);
  line = show_line (f, "Fungsional Ahli Muda");
  g_assert_true (g_str_has_suffix (line, " 40 %"));
  g_clear_pointer (&line, g_free);
  g_assert_cmpuint (n_events (f), ==, events + 1);
  g_assert_cmpint (run_cli (f, "jpm", "weight", "ahli muda", "40 %", NULL), ==, 0);
  g_assert_cmpuint (n_events (f), ==, events + 1);
  g_assert_cmpint (run_cli (f, "jpm", "weight", "Fungsional Ahli Muda", "none", NULL), ==, 0);
  line = show_line (f, "Fungsional Ahli Muda");
  assert_mentions (line, "unweighted");
  g_clear_pointer (&line, g_free);
  g_assert_cmpuint (n_events (f), ==, events + 2);

  /* Refusals: out of range is the model's (1), not a number or not a kind is usage (2). */
  g_assert_cmpint (run_cli (f, "jpm", "weight", "Pelaksana", "101", NULL), ==, 1);
  assert_mentions (f->err, "101");
  /* A negative number reads as an option: wrong usage as well. */
  g_assert_cmpint (run_cli (f, "jpm", "weight", "Pelaksana", "-5", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "jpm", "weight", "Pelaksana", "half", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "jpm", "weight", "Bupati", "10", NULL), ==, 2);
  assert_mentions (f->err, "Bupati");
  g_assert_cmpuint (n_events (f), ==, events + 2);

  /* Categories without a 0 bound, with a repeated name or not NUMBER=NAME: nothing written. */
  before = show_line (f, "≥   0 %");
  g_assert_cmpint (run_cli (f, "jpm", "categories", "80=Baik;68=Cukup", NULL), ==, 1);
  assert_mentions (f->err, "0 %");
  g_assert_cmpint (run_cli (f, "jpm", "categories", "80=Baik;0=baik", NULL), ==, 1);
  assert_mentions (f->err, "Baik");
  g_assert_cmpint (run_cli (f, "jpm", "categories", "80=Baik;Cukup", NULL), ==, 2);
  assert_mentions (f->err, "Cukup");
  line = show_line (f, "≥   0 %");
  g_assert_cmpstr (line, ==, before);
  g_clear_pointer (&line, g_free);
  g_assert_cmpuint (n_events (f), ==, events + 2);

  g_assert_cmpint (run_cli (f, "jpm", "categories", "75=Siap; 0 = Perlu Pengembangan ;", NULL),
                   ==, 0);
  assert_mentions (f->out, "75 %  Siap");
  assert_mentions (f->out, "0 %  Perlu Pengembangan");
  g_assert_null (strstr (f->out, "Memenuhi Syarat"));
  g_assert_cmpuint (n_events (f), ==, events + 3);
}

static void
test_chart_jpm (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("pegawai-valid.csv");
  g_autofree char *png = tmp_path (f, "jpm.png");
  g_autofree char *pdf = tmp_path (f, "jpm.pdf");
  g_autofree char *svg = tmp_path (f, "jpm.svg");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (run_cli (f, "import", "employees", valid, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "jpm", "categories", "70=Siap;0=Perlu Pengembangan", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "chart", "jpm-distribution", "--png", png, "--pdf", pdf,
                            "--svg", svg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  assert_mentions (contents, "<svg");

  g_assert_cmpint (run_cli (f, "chart", "jpm-distribution", "--unit", "Inspektorat",
                            "--svg", svg, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "chart", "jpm-distribution", "--unit", "Dinas Rahasia",
                            "--svg", svg, NULL), ==, 1);
  assert_mentions (f->err, "Dinas Rahasia");

  if (!g_file_test (PDFTOTEXT, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the PDF is not read back: no " PDFTOTEXT);
      return;
    }
  {
    const char *argv[] = { PDFTOTEXT, pdf, "-", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (spawn (f->dir, argv, &out, &err), ==, 0);
    assert_mentions (out, "JPM Distribution per Unit");
    /* The categories of the table, and the employees not assessed yet. */
    assert_mentions (out, "Siap");
    assert_mentions (out, "Perlu Pengembangan");
    assert_mentions (out, "Not assessed");
    assert_mentions (out, "audit checkpoint");
  }
}

/* ---- selections ------------------------------------------------------------------------------ */

/* The formasi import is another command: the sqlite3 library plays it. */
static void
insert_formasi (Fixture *f, const char *id, const char *code)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO formasi (selection_id, code, position_title, unit, education, "
                     "kind, quota) VALUES (%s, '%s', 'Analis Kepegawaian', 'BKPSDM', 'S1', "
                     "'umum', 2)",
                     id, code);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (f->db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_selection (Fixture *f, gconstpointer data)
{
  g_autoptr(GRegex) just_id = g_regex_new ("^[0-9]+\n$", 0, 0, NULL);
  g_autofree char *id = NULL;
  g_autofree char *announced = NULL;
  g_autofree char *head = NULL;

  g_assert_cmpint (run_cli (f, "selection", "create", "--name", "CPNS Lampung Selatan 2026",
                            "--type", "cpns", "--year", "2026", NULL), ==, 0);
  g_assert_true (g_regex_match (just_id, f->out, 0, NULL));
  id = g_strstrip (g_strdup (f->out));

  /* Usage: a wrong type, a missing option, an unknown action. */
  g_assert_cmpint (run_cli (f, "selection", "create", "--name", "X", "--type", "honorer",
                            "--year", "2026", NULL), ==, 2);
  assert_mentions (f->err, "honorer");
  g_assert_cmpint (run_cli (f, "selection", "create", "--name", "X", "--type", "cpns", NULL),
                   ==, 2);
  g_assert_cmpint (run_cli (f, "selection", "launch", id, NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "selection", "weights", id, "0,forty,60", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "selection", "amend", id, NULL), ==, 2);
  /* No such selection. */
  g_assert_cmpint (run_cli (f, "selection", "show", "99", NULL), ==, 1);

  g_assert_cmpint (run_cli (f, "selection", "list", NULL), ==, 0);
  assert_mentions (f->out, "CPNS Lampung Selatan 2026");
  assert_mentions (f->out, "draft");
  g_assert_cmpint (run_cli (f, "selection", "show", "CPNS Lampung Selatan 2026", NULL), ==, 0);
  assert_mentions (f->out, "TWK");
  assert_mentions (f->out, "umum TWK ≥ 65");
  assert_mentions (f->out, "weight 40 %");
  assert_mentions (f->out, "Not announced");

  /* Weights that do not add up: refused, nothing written. */
  g_assert_cmpint (run_cli (f, "selection", "weights", id, "0,40,55", NULL), ==, 1);
  assert_mentions (f->err, "95 %");
  g_assert_cmpint (run_cli (f, "selection", "show", id, NULL), ==, 0);
  assert_mentions (f->out, "weight 40 %");

  /* No vacancies: not yet. */
  g_assert_cmpint (run_cli (f, "selection", "publish", id, NULL), ==, 1);
  assert_mentions (f->err, "formasi");
  insert_formasi (f, id, "F0001");
  g_assert_cmpint (run_cli (f, "selection", "publish", id, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n");
  g_assert_cmpint (run_cli (f, "selection", "publish", id, NULL), ==, 1);

  /* Locked: a change needs an amendment. */
  g_assert_cmpint (run_cli (f, "selection", "weights", id, "0,45,55", NULL), ==, 1);
  assert_mentions (f->err, "amendment");
  g_assert_cmpint (run_cli (f, "selection", "amend-publish", id, NULL), ==, 1);
  g_assert_cmpint (run_cli (f, "selection", "amend", id, "--reason", "Ralat bobot", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "selection", "weights", id, "0,45,55", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "selection", "show", id, NULL), ==, 0);
  assert_mentions (f->out, "amendment open: Ralat bobot");
  g_assert_cmpint (run_cli (f, "selection", "amend-publish", id, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "2\n");

  /* A cancelled amendment leaves the announced rules. */
  g_assert_cmpint (run_cli (f, "selection", "show", id, NULL), ==, 0);
  announced = g_strdup (f->out);
  g_assert_cmpint (run_cli (f, "selection", "amend", id, "--reason", "Coba", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "selection", "weights", id, "0,50,50", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "selection", "amend-cancel", id, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "selection", "amend-cancel", id, NULL), ==, 1);
  g_assert_cmpint (run_cli (f, "selection", "show", id, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, announced);
  assert_mentions (f->out, "weight 45 %");
  assert_mentions (f->out, "locked");

  head = audit_head (f);
  g_assert_nonnull (head);
}

/* ---- verify and notify ------------------------------------------------------------------------ */

/* A database with the recruitment fixture (12 registrants, no MS sampled); its selection's id
 * as text into @selection. */
static void
make_recruitment (Fixture *f, RecruitmentFixture *fx, char **selection)
{
  /* Any command creates and migrates the database. */
  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), ==, 0);
  recruitment_fixture_make (f->db, 12, 0, 1, fx);
  *selection = g_strdup_printf ("%" G_GINT64_FORMAT, fx->selection);
}

/* The number at the end of the summary line that starts with @label. */
static gint64
summary_count (const char *out, const char *label)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], label) && lines[i][strlen (label)] == ' ')
      {
        const char *last = strrchr (lines[i], ' ') + 1;

        return g_ascii_strtoll (last, NULL, 10);
      }
  g_error ("no “%s” line in:\n%s", label, out);
  return -1;
}

static void
test_verify (Fixture *f, gconstpointer data)
{
  g_auto(RecruitmentFixture) fx = { 0 };
  g_autofree char *selection = NULL;
  guint64 events;

  make_recruitment (f, &fx, &selection);
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, NULL), ==, 0);
  assert_mentions (f->out, "12 registrants");
  g_assert_cmpint (summary_count (f->out, "Undecided"), ==, 12);
  g_assert_cmpint (summary_count (f->out, "Decided"), ==, 0);

  events = n_events (f);
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000001",
                            "--decision", "ms", "--verifier", "Ani", NULL), ==, 0);
  assert_mentions (f->out, "round 1");
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000002",
                            "--decision", "TMS", "--requirement", "1", "--note",
                            "Ijazah D3, formasi meminta S1", "--verifier", "Ani", NULL), ==, 0);
  g_assert_cmpuint (n_events (f), ==, events + 2);
  /* The second check by the same verifier: refused, nothing written. */
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000002",
                            "--decision", "TMS", "--requirement", "1", "--note", "Sama",
                            "--verifier", "ani", NULL), ==, 1);
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000002",
                            "--decision", "TMS", "--requirement", "1", "--note", "Benar",
                            "--verifier", "Bayu", NULL), ==, 0);
  assert_mentions (f->out, "round 2");
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000003",
                            "--decision", "TMS", "--verifier", "Ani", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000003",
                            "--decision", "TMS", "--requirement", "9", "--note", "X",
                            "--verifier", "Ani", NULL), ==, 1);
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "999",
                            "--decision", "MS", "--verifier", "Ani", NULL), ==, 1);
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000003",
                            "--decision", "maybe", "--verifier", "Ani", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "verify", "--selection", "x", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "verify", "--selection", "77", NULL), ==, 1);
  g_assert_cmpuint (n_events (f), ==, events + 3);

  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, NULL), ==, 0);
  g_assert_cmpint (summary_count (f->out, "Undecided"), ==, 10);
  g_assert_cmpint (summary_count (f->out, "Decided"), ==, 2);
  g_assert_cmpint (summary_count (f->out, "MS"), ==, 1);
  g_assert_cmpint (summary_count (f->out, "TMS"), ==, 1);
  assert_mentions (f->out, "Ani: 1 checked, 1 agreed (100 %)");
}

static void
test_notify (Fixture *f, gconstpointer data)
{
  g_auto(RecruitmentFixture) fx = { 0 };
  g_autofree char *selection = NULL;
  g_autofree char *out = tmp_path (f, "surat");
  g_autofree char *merge = g_build_filename (out, "mail-merge.csv", NULL);
  g_autofree char *texts = g_build_filename (out, "short-texts.csv", NULL);
  g_autofree char *eml = g_build_filename (out, "eml", "20270000002.eml", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *content = NULL;

  make_recruitment (f, &fx, &selection);
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000002",
                            "--decision", "MS", "--verifier", "Ani", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000003",
                            "--decision", "TMS", "--requirement", "2", "--note",
                            "KTP tidak terbaca", "--verifier", "Ani", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "verify", "--selection", selection, "--applicant", "20270000003",
                            "--decision", "TMS", "--requirement", "2", "--note", "Benar",
                            "--verifier", "Bayu", NULL), ==, 0);

  /* The stage by its name, in any case. */
  g_assert_cmpint (run_cli (f, "notify", "--selection", selection, "--stage",
                            "SELEKSI administrasi", "--out", out, "--from",
                            "Panitia Seleksi <seleksi@bkpsdm.contoh.go.id>", NULL), ==, 0);
  assert_mentions (f->out, "mail-merge.csv: 2 registrants");
  assert_mentions (f->out, "10 registrants were left out");
  g_assert_true (g_file_test (merge, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (texts, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (eml, G_FILE_TEST_IS_REGULAR));
  content = read_file (eml);
  assert_mentions (content, "From: Panitia Seleksi <seleksi@bkpsdm.contoh.go.id>\r\n");
  assert_mentions (content, "To: =?UTF-8?B?");
  g_clear_pointer (&content, g_free);
  content = read_file (merge);
  assert_mentions (content, "TIDAK MEMENUHI SYARAT (TMS)");
  assert_mentions (content, "Dokumen persyaratan lengkap, jelas dan sah");
  g_clear_pointer (&content, g_free);

  /* The SKD stage by its number: the one registrant found MS is invited. */
  g_assert_cmpint (run_cli (f, "notify", "--selection", selection, "--stage", "2", "--out", out,
                            NULL), ==, 0);
  assert_mentions (f->out, "mail-merge.csv: 1 registrants");
  content = read_file (merge);
  assert_mentions (content, "Gedung Serbaguna Kalianda");

  /* The two CSV files, and the e-mails of registrants 2 (both runs) and 3 (the first). */
  fixture_list_files (out, files);
  g_assert_cmpuint (files->len, ==, 4);
  for (guint k = 0; k < files->len; k++)
    {
      g_autofree char *text = read_file (g_ptr_array_index (files, k));
      g_autoptr(GString) joined = g_string_new (text);

      /* Soft line breaks of quoted-printable must not hide a number either. */
      g_string_replace (joined, "=\r\n", "", 0);
      for (guint i = 0; i < fx.n_applicants; i++)
        {
          g_autofree char *nik = fixture_nik (i);
          g_autofree char *birth = fixture_birth_date (i);

          g_assert_null (strstr (joined->str, nik));
          g_assert_null (strstr (joined->str, nik + 6));
          g_assert_null (strstr (joined->str, birth));
        }
    }

  g_assert_cmpint (run_cli (f, "notify", "--selection", selection, "--stage", "Wawancara",
                            "--out", out, NULL), ==, 1);
  g_assert_cmpint (run_cli (f, "notify", "--selection", selection, "--stage", "1", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "notify", "--selection", selection, "--stage", "1", "--out", out,
                            "--from", "bukan alamat", NULL), ==, 1);
}

/* ---- import formasi|applicants ------------------------------------------------------------ */

/* A database with selection 1 (the selection commands are not this test's business). */
static void
make_selection (Fixture *f)
{
  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), ==, 0);
  g_assert_true (attacker_sql (f, "INSERT INTO selection (id, name, type, year, created_at) "
                                  "VALUES (1, 'CPNS 2024', 'cpns', 2024, '2024-08-01T00:00:00Z')"));
}

static void
test_import_recruitment_usage (Fixture *f, gconstpointer data)
{
  g_autofree char *formasi = tmp_path (f, "formasi.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (formasi,
                                      "kode_formasi,jabatan,unit_kerja,pendidikan,program_studi,"
                                      "jenis_formasi,kuota\nF0001,Analis,BKPSDM,S1,,umum,1\n",
                                      -1, &error));
  make_selection (f);
  g_assert_cmpint (run_cli (f, "import", "formasi", formasi, NULL), ==, 2);
  assert_mentions (f->err, "--selection");
  g_assert_cmpint (run_cli (f, "import", "applicants", "--selection", "1", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "import", "formasi", "--selection", "7", formasi, NULL), ==, 1);
  g_assert_cmpint (run_cli (f, "import", "formasi", "--selection", "1", formasi, NULL), ==, 0);
  assert_counts (f->out, 1, 1, 0, 0, 0, 0);
  g_assert_cmpint (run_cli (f, "import", "--selection=1", "formasi", formasi, NULL), ==, 0);
  assert_counts (f->out, 1, 0, 0, 1, 0, 0);
  /* Announced: the vacancies are locked. */
  g_assert_true (attacker_sql (f, "UPDATE selection SET locked = 1"));
  g_assert_cmpint (run_cli (f, "import", "formasi", "--selection", "1", formasi, NULL), ==, 1);
  assert_mentions (f->err, "amendment");
}

static void
test_import_applicants (Fixture *f, gconstpointer data)
{
  g_autofree char *script = gen_data_script ();
  g_autofree char *out = tmp_path (f, "data");
  g_autofree char *formasi = NULL;
  g_autofree char *pelamar = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *rejects = tmp_path (f, "rejects.csv");
  g_autofree char *warnings = tmp_path (f, "warnings.csv");
  g_autofree char *contents = NULL;
  g_autofree char *rejected = NULL;
  g_autofree char *warned = NULL;
  g_autofree char *gen_out = NULL;
  g_autofree char *gen_err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GRegex) nik_regex = g_regex_new ("(?<![0-9])[0-9]{16}(?![0-9])", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) want = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *bad;
  gint64 n_rows, n_bad = 0, last = 0;
  guint n_niks = 0;

  if (script == NULL)
    {
      g_test_skip ("needs " PYTHON " and ../shared/tools/gen_data.py (KOMPETEN_SOURCE_ROOT)");
      return;
    }
  {
    const char *argv[] = { PYTHON, script, "--out", out, "--employees", "30", "--applicants",
                           "800", "--dirty", "0.1", "--seed", "3", NULL };

    g_assert_cmpint (spawn (f->dir, argv, &gen_out, &gen_err), ==, 0);
  }
  formasi = g_build_filename (out, "formasi.csv", NULL);
  pelamar = g_build_filename (out, "pelamar.csv", NULL);
  manifest = g_build_filename (out, "manifest.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, manifest, &error));
  g_assert_no_error (error);
  n_rows = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                       "pelamar");
  bad = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                      "bad_rows");
  for (guint i = 0; i < json_array_get_length (bad); i++)
    {
      JsonObject *row = json_array_get_object_element (bad, i);

      if (g_strcmp0 (json_object_get_string_member (row, "file"), "pelamar.csv") != 0)
        continue;
      g_string_append_printf (want, "%" G_GINT64_FORMAT " ",
                              json_object_get_int_member (row, "line"));
      n_bad++;
    }
  g_assert_cmpint (n_bad, >, 20);

  make_selection (f);
  g_assert_cmpint (run_cli (f, "import", "formasi", "--selection", "1", formasi, NULL), ==, 0);
  assert_counts (f->out, 20, 20, 0, 0, 0, 0);
  g_assert_cmpint (run_cli (f, "import", "applicants", "--selection", "1", pelamar,
                            "--rejects", rejects, "--warnings", warnings, NULL), ==, 0);
  g_assert_cmpint (count_of (f->out, "read"), ==, n_rows);
  g_assert_cmpint (count_of (f->out, "new"), ==, n_rows - n_bad);
  g_assert_cmpint (count_of (f->out, "rejected"), ==, n_bad);
  rejected = read_file (rejects);
  warned = read_file (warnings);

  /* The rejects file names exactly the manifest's lines (one row per refused line here). */
  lines = g_strsplit (rejected, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "line,column,value,reason");
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      gint64 line = g_ascii_strtoll (lines[i], NULL, 10);

      if (line != last)
        g_string_append_printf (got, "%" G_GINT64_FORMAT " ", line);
      last = line;
    }
  g_assert_cmpstr (got->str, ==, want->str);

  /* No NIK of the file is printed, nor written whole to the rejects or warnings. */
  contents = read_file (pelamar);
  g_regex_match (nik_regex, contents, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *nik = g_match_info_fetch (match, 0);

      n_niks++;
      if (strstr (f->out, nik) != NULL || strstr (f->err, nik) != NULL ||
          strstr (rejected, nik) != NULL || strstr (warned, nik) != NULL)
        g_error ("the NIK %s is shown", nik);
    }
  g_assert_cmpuint (n_niks, >, 700);

  /* Again, all or nothing: refused rows, so exit 3 and nothing written. */
  g_assert_cmpint (run_cli (f, "import", "applicants", "--selection", "1", pelamar,
                            "--all-or-nothing", NULL), ==, 3);
  g_assert_cmpint (count_of (f->out, "unchanged"), ==, 0);
  g_assert_cmpint (run_cli (f, "import", "applicants", "--selection", "1", pelamar, NULL), ==, 0);
  g_assert_cmpint (count_of (f->out, "unchanged"), ==, n_rows - n_bad);
  g_assert_cmpint (count_of (f->out, "new"), ==, 0);
}

/* ---- the announcement's files --------------------------------------------------------------- */

/* NIKs of applicants inserted by the test: never in any announcement file. */
static const char *const announce_niks[] = { "1801014101900001", "1801015202950002" };

/* Balanced tags (void elements aside), every table with a caption, one <html lang="id">. */
static const char html_check[] =
  "import sys, html.parser\n"
  "VOID = {'meta', 'br', 'link', 'img', 'hr', 'input'}\n"
  "class P (html.parser.HTMLParser):\n"
  "    def __init__ (self):\n"
  "        super ().__init__ (); self.stack = []; self.tags = []\n"
  "    def handle_starttag (self, tag, attrs):\n"
  "        self.tags.append ((tag, dict (attrs)))\n"
  "        if tag not in VOID: self.stack.append (tag)\n"
  "    def handle_endtag (self, tag):\n"
  "        if not self.stack or self.stack.pop () != tag: sys.exit ('unbalanced </%s> at %s' % (tag, self.getpos ()))\n"
  "p = P (); p.feed (open (sys.argv[1], encoding='utf-8').read ()); p.close ()\n"
  "if p.stack: sys.exit ('unclosed: %s' % p.stack)\n"
  "names = [t for t, a in p.tags]\n"
  "if names.count ('table') != names.count ('caption'): sys.exit ('a table without caption')\n"
  "if ('html', {'lang': 'id'}) not in p.tags: sys.exit ('no lang')\n";

/* The text of the files in @dir matching @pattern (a PDF as pdftotext reads it, when
 * installed), after checking that no NIK is in any of their bytes. */
static char *
announce_texts (Fixture *f, const char *dir, const char *pattern)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GString *all = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_pattern_match_simple (pattern, name))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      /* No NIK in the bytes of any file. */
      for (guint i = 0; i < G_N_ELEMENTS (announce_niks); i++)
        g_assert_null (g_strstr_len (contents, length, announce_niks[i]));
      if (!g_str_has_suffix (name, ".pdf"))
        g_string_append_len (all, contents, length);
      else if (g_file_test (PDFTOTEXT, G_FILE_TEST_IS_EXECUTABLE))
        {
          const char *argv[] = { PDFTOTEXT, "-enc", "UTF-8", path, "-", NULL };
          g_autofree char *out = NULL, *err = NULL;

          g_assert_cmpint (spawn (f->dir, argv, &out, &err), ==, 0);
          g_string_append (all, out);
        }
    }
  return g_string_free (all, FALSE);
}

static void
test_announce (Fixture *f, gconstpointer data)
{
  g_autofree char *out_dir = tmp_path (f, "pengumuman");
  g_autofree char *id = NULL;
  g_autofree char *all = NULL, *v2 = NULL, *sums = NULL, *pdf = NULL;
  g_autofree char *sums_path = g_build_filename (out_dir, "SHA256SUMS", NULL);
  g_autofree char *html_path = g_build_filename (out_dir, "pengumuman-cpns-lampung-selatan-2026-v1.html", NULL);
  sqlite3 *handle = NULL;

  g_assert_cmpint (run_cli (f, "announce", "--help", NULL), ==, 0);
  assert_mentions (f->out, "--selection");
  assert_mentions (f->out, "--out");
  assert_mentions (f->out, "--version");
  g_assert_cmpint (run_cli_no_db (f, "--help", NULL), ==, 0);
  assert_mentions (f->out, "announce");

  g_assert_cmpint (run_cli (f, "selection", "create", "--name", "CPNS Lampung Selatan 2026",
                            "--type", "cpns", "--year", "2026", NULL), ==, 0);
  id = g_strstrip (g_strdup (f->out));
  insert_formasi (f, id, "F0001");
  insert_formasi (f, id, "F0002");
  g_assert_cmpint (sqlite3_open (f->db, &handle), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (announce_niks); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO applicant (selection_id, reg_no, nik, name, sex, "
                         "birth_date, formasi_id) VALUES (%s, 'P%u', '%s', 'Pelamar', 'L', "
                         "'1990-01-01', (SELECT min (id) FROM formasi))",
                         id, i, announce_niks[i]);

      g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (handle);

  /* Usage: the selection and the folder are needed; no such selection or version. */
  g_assert_cmpint (run_cli (f, "announce", "--selection", id, NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "announce", "--out", out_dir, NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "announce", "--selection", "99", "--out", out_dir, NULL), ==, 1);
  g_assert_false (g_file_test (out_dir, G_FILE_TEST_EXISTS));

  /* Not announced yet: announcing locks it, then the files. */
  g_assert_cmpint (run_cli (f, "announce", "--selection", id, "--out", out_dir, NULL), ==, 0);
  assert_mentions (f->out, "locked");
  assert_mentions (f->out, "-v1.pdf");
  g_assert_cmpint (run_cli (f, "selection", "weights", id, "0,45,55", NULL), ==, 1);
  assert_mentions (f->err, "amendment");

  all = announce_texts (f, out_dir, "*");
  for (guint i = 0; i < G_N_ELEMENTS (announce_niks); i++)
    g_assert_null (strstr (all, announce_niks[i]));

  if (g_file_test (PDFTOTEXT, G_FILE_TEST_IS_EXECUTABLE))
    {
      pdf = announce_texts (f, out_dir, "*.pdf");
      assert_mentions (pdf, "F0001");
      assert_mentions (pdf, "F0002");
      assert_mentions (pdf, "Analis Kepegawaian");
      assert_mentions (pdf, "40 %");
      assert_mentions (pdf, "60 %");
      /* Passing grades: the SKD minimums of the default rules. */
      assert_mentions (pdf, "311");
      assert_mentions (pdf, "166");
    }
  {
    g_autofree char *sha256sum = g_find_program_in_path ("sha256sum");
    const char *argv[] = { sha256sum, "-c", "SHA256SUMS", NULL };
    g_autofree char *out = NULL, *err = NULL;

    if (sha256sum != NULL)
      {
        g_assert_cmpint (spawn (out_dir, argv, &out, &err), ==, 0);
        g_assert_cmpuint (count_lines (out), ==, 4);
      }
  }
  if (g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      const char *argv[] = { PYTHON, "-c", html_check, html_path, NULL };
      g_autofree char *out = NULL, *err = NULL;

      if (spawn (f->dir, argv, &out, &err) != 0)
        g_error ("%s does not parse: %s", html_path, err);
    }

  /* While an amendment is open the files would not be what is announced: refused. */
  g_assert_cmpint (run_cli (f, "selection", "amend", id, "--reason", "Ralat bobot", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "selection", "weights", id, "0,45,55", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "announce", "--selection", id, "--out", out_dir, NULL), ==, 1);
  assert_mentions (f->err, "amend-publish");
  g_assert_cmpint (run_cli (f, "selection", "amend-publish", id, NULL), ==, 0);

  /* Version 2 lists what changed and why. */
  g_assert_cmpint (run_cli (f, "announce", "--selection", "CPNS Lampung Selatan 2026", "--out",
                            out_dir, NULL), ==, 0);
  assert_mentions (f->out, "-v2.pdf");
  g_assert_null (strstr (f->out, "locked"));
  v2 = announce_texts (f, out_dir, "*-v2.*");
  assert_mentions (v2, "Ralat bobot");
  assert_mentions (v2, "40 % → 45 %");
  assert_mentions (v2, "60 % → 55 %");
  for (guint i = 0; i < G_N_ELEMENTS (announce_niks); i++)
    g_assert_null (strstr (v2, announce_niks[i]));

  /* An earlier version on request; one that does not exist refused. */
  g_assert_cmpint (run_cli (f, "announce", "--selection", id, "--out", out_dir, "--version", "1",
                            NULL), ==, 0);
  sums = read_file (sums_path);
  assert_mentions (sums, "-v1.pdf");
  g_assert_null (strstr (sums, "-v2.pdf"));
  g_assert_cmpint (run_cli (f, "announce", "--selection", id, "--out", out_dir, "--version", "7",
                            NULL), ==, 1);
  assert_mentions (f->err, "7");
  g_assert_cmpint (run_cli (f, "announce", "--selection", id, "--out", out_dir, "--version", "-1",
                            NULL), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("KOMPETEN_CLI") == NULL ||
      !g_file_test (g_getenv ("KOMPETEN_CLI"), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("KOMPETEN_CLI must name the kompeten-cli program\n");
      return 1;
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/help", test_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/import", test_import);
  ADD ("/cli/import-warnings", test_import_warnings);
  ADD ("/cli/import-all-or-nothing", test_all_or_nothing);
  ADD ("/cli/import-bad-files", test_import_bad_files);
  ADD ("/cli/bad-database", test_bad_database);
  ADD ("/cli/export", test_export);
  ADD ("/cli/chart", test_chart);
  ADD ("/cli/audit-verify", test_audit_verify);
  ADD ("/cli/audit-verify-deleted", test_audit_verify_deleted);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/export-plans", test_export_plans);
  ADD ("/cli/indonesian", test_indonesian);
  ADD ("/cli/gaps", test_gaps);
  ADD ("/cli/standards", test_standards);
  ADD ("/cli/jpm", test_jpm);
  ADD ("/cli/chart-jpm", test_chart_jpm);
  ADD ("/cli/import-recruitment-usage", test_import_recruitment_usage);
  ADD ("/cli/import-applicants", test_import_applicants);
  ADD ("/cli/verify", test_verify);
  ADD ("/cli/notify", test_notify);
  ADD ("/cli/selection", test_selection);
  ADD ("/cli/announce", test_announce);
#undef ADD

  return g_test_run ();
}
