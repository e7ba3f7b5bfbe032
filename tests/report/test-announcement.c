/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-announcement.c: the announcement's files: the PDF over several pages with the vacancies'
 * header row on each, the JSON byte for byte the announced snapshot, SHA256SUMS right, the
 * same bytes when made again, no NIK anywhere, an amendment's files listing the change while
 * the first version's files stay as announced, and a failed write leaving nothing. Vacancies
 * and applicants come from other parts of the model: a raw SQLite connection plays them. The
 * PDF's text is read back with pdftotext when installed (skipped otherwise). */

#include "config.h"

#include <string.h>

#include "kompeten/kp-announcement.h"
#include "../model/model-test-util.h"

#define N_FORMASI 60
#define ZERO_SHA "0000000000000000000000000000000000000000000000000000000000000000"
/* The NIKs of the fixture's applicants: never in any announcement file. */
static const char *const niks[] = { "1801014101900001", "1801015202950002", "1801016303000003" };

typedef struct {
  char *dir;
  char *path;
  char *out;
  KpDatabase *db;
  gint64 selection;
} Fixture;

static void
raw_sql (Fixture *f, const char *sql)
{
  sqlite3 *handle = raw_open (f->path);

  raw_exec (handle, "PRAGMA foreign_keys = ON");
  raw_exec (handle, sql);
  sqlite3_close (handle);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GString *sql = g_string_new ("BEGIN;");

  f->dir = make_tmp_dir ();
  f->path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->out = g_build_filename (f->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->out, 0700), ==, 0);
  f->db = open_db (f->path);
  f->selection = kp_selection_create (f->db, "CPNS Lampung Selatan 2026", KP_SELECTION_CPNS,
                                      2026, &error);
  g_assert_no_error (error);

  /* Many vacancies, so that their table goes over a page; one title that must be escaped. */
  for (int i = 1; i <= N_FORMASI; i++)
    g_string_append_printf (sql,
                            "INSERT INTO formasi (selection_id, code, position_title, unit, "
                            "education, study_programme, kind, quota) VALUES (%" G_GINT64_FORMAT
                            ", 'F%04d', '%s', 'Dinas Kesehatan', 'S1', 'Kesehatan Masyarakat', "
                            "'%s', %d);",
                            f->selection, i,
                            i == 2 ? "Pranata <Komputer> & \"Ahli\"" : "Analis Kebijakan",
                            i % 3 == 0 ? "cumlaude" : "umum", i % 4 + 1);
  for (guint i = 0; i < G_N_ELEMENTS (niks); i++)
    g_string_append_printf (sql,
                            "INSERT INTO applicant (selection_id, reg_no, nik, name, sex, "
                            "birth_date, formasi_id) VALUES (%" G_GINT64_FORMAT ", 'P%u', '%s', "
                            "'Pelamar %u', 'P', '1995-02-12', (SELECT id FROM formasi WHERE "
                            "code = 'F0001'));",
                            f->selection, i, niks[i], i);
  g_string_append (sql, "COMMIT;");
  raw_sql (f, sql->str);
  g_string_free (sql, TRUE);
  g_assert_cmpint (kp_selection_publish (f->db, f->selection, &error), ==, 1);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->out);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* The PDF's text, pages separated by form feeds; NULL without pdftotext. */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
write_files (Fixture *f, int version, KpAnnouncementFiles *files)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_announcement_write (f->db, f->selection, version, f->out, files, &error));
  g_assert_no_error (error);
}

static guint
n_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static gint64
n_recorded (Fixture *f)
{
  sqlite3 *handle = raw_open (f->path);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM announcement_file", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return n;
}

static void
test_files (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  KpAnnouncementFiles files = { 0 };
  g_autofree char *rules = kp_announcement_get_rules_json (f->db, f->selection, 1, &error);
  g_autofree char *json = NULL, *sums = NULL, *html = NULL, *text = NULL, *expected = NULL;
  g_autofree char *basename = NULL;
  const char *paths[4];
  const char *shas[4];

  g_assert_no_error (error);
  write_files (f, 0, &files);
  g_assert_cmpint (files.version, ==, 1);
  g_assert_true (g_str_has_suffix (files.pdf_path, "pengumuman-cpns-lampung-selatan-2026-v1.pdf"));
  paths[0] = files.json_path, paths[1] = files.pdf_path;
  paths[2] = files.html_path, paths[3] = files.text_path;
  shas[0] = files.json_sha256, shas[1] = files.pdf_sha256;
  shas[2] = files.html_sha256, shas[3] = files.text_sha256;

  /* The JSON is the announced snapshot, byte for byte; its hash is the "content SHA-256". */
  json = read_text (files.json_path);
  g_assert_cmpstr (json, ==, rules);

  /* SHA256SUMS: each file's real hash, in sha256sum's format, and nothing else. */
  sums = read_text (files.sums_path);
  {
    GString *want = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autofree char *sha = file_sha256 (paths[i]);
        g_autofree char *name = g_path_get_basename (paths[i]);

        g_assert_cmpstr (sha, ==, shas[i]);
        g_string_append_printf (want, "%s  %s\n", sha, name);
      }
    expected = g_string_free (want, FALSE);
  }
  g_assert_cmpstr (sums, ==, expected);
  g_assert_cmpuint (n_entries (f->out), ==, 5);

  /* Each file names the announced content's hash and the version's checkpoint. */
  html = read_text (files.html_path);
  text = read_text (files.text_path);
  g_assert_nonnull (strstr (html, files.json_sha256));
  g_assert_nonnull (strstr (html, files.checkpoint));
  g_assert_nonnull (strstr (html, "<html lang=\"id\">"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\">"));
  g_assert_nonnull (strstr (html, "Pranata &lt;Komputer&gt; &amp; &quot;Ahli&quot;"));
  g_assert_null (strstr (html, "<Komputer>"));
  basename = g_path_get_basename (files.html_path);
  g_assert_nonnull (strstr (text, basename));
  {
    g_autofree char *short_sha = g_strndup (files.json_sha256, 12);

    g_assert_nonnull (strstr (text, short_sha));
  }
  g_assert_cmpint (g_utf8_strlen (text, -1), <=, 1000);

  /* The PDF, HTML and text are on record: three rows. */
  g_assert_cmpint (n_recorded (f), ==, 3);
  kp_announcement_files_clear (&files);
}

/* No NIK in any file written, nor anywhere in the folder. */
static void
test_no_nik (Fixture *f, gconstpointer data)
{
  KpAnnouncementFiles files = { 0 };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  write_files (f, 0, &files);
  dir = g_dir_open (f->out, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->out, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      for (guint i = 0; i < G_N_ELEMENTS (niks); i++)
        g_assert_null (g_strstr_len (contents, length, niks[i]));
      n++;
    }
  g_assert_cmpuint (n, ==, 5);
  /* The PDF compresses its text: read it as a reader would. */
  {
    g_autofree char *pdf = pdf_text (files.pdf_path);

    if (pdf != NULL)
      for (guint i = 0; i < G_N_ELEMENTS (niks); i++)
        g_assert_null (strstr (pdf, niks[i]));
  }
  kp_announcement_files_clear (&files);
}

static void
test_pdf (Fixture *f, gconstpointer data)
{
  KpAnnouncementFiles files = { 0 };
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages, n_with_formasi = 0;

  write_files (f, 0, &files);
  text = pdf_text (files.pdf_path);
  if (text == NULL)
    {
      kp_announcement_files_clear (&files);
      g_test_skip ("pdftotext is not installed: the PDF's text is not checked");
      return;
    }
  /* pdftotext ends every page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  n_pages = g_strv_length (pages) - 1;
  g_assert_cmpuint (n_pages, >, 1);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *of = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      /* The footer: the page of the pages, the content's hash. */
      g_assert_nonnull (strstr (pages[p], of));
      g_assert_nonnull (strstr (pages[p], files.json_sha256));
      /* A page with vacancy rows names the columns again. */
      if (strstr (pages[p], "F00") != NULL)
        {
          n_with_formasi++;
          g_assert_nonnull (strstr (pages[p], "Study programme"));
        }
    }
  g_assert_cmpuint (n_with_formasi, >, 1);

  for (int i = 1; i <= N_FORMASI; i++)
    {
      g_autofree char *code = g_strdup_printf ("F%04d", i);

      g_assert_nonnull (strstr (text, code));
    }
  g_assert_nonnull (strstr (text, "Pranata <Komputer>"));
  g_assert_nonnull (strstr (text, "40 %"));
  g_assert_nonnull (strstr (text, "60 %"));
  g_assert_nonnull (strstr (text, "3 × quota"));
  g_assert_nonnull (strstr (text, "311"));   /* the cumlaude SKD total passing grade */
  g_assert_nonnull (strstr (text, "Lampung Selatan"));
  kp_announcement_files_clear (&files);
}

/* Made again: the same bytes, nothing new on record, no new audit event. */
static void
test_again (Fixture *f, gconstpointer data)
{
  KpAnnouncementFiles first = { 0 }, second = { 0 };
  guint events;

  write_files (f, 0, &first);
  events = n_audit_events (f->db);
  write_files (f, 1, &second);
  g_assert_cmpstr (first.pdf_sha256, ==, second.pdf_sha256);
  g_assert_cmpstr (first.html_sha256, ==, second.html_sha256);
  g_assert_cmpstr (first.text_sha256, ==, second.text_sha256);
  g_assert_cmpint (n_recorded (f), ==, 3);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
  assert_audit_intact (f->db);
  /* The files were replaced, no temporary file is left. */
  g_assert_cmpuint (n_entries (f->out), ==, 5);
  kp_announcement_files_clear (&first);
  kp_announcement_files_clear (&second);
}

static void
test_amendment (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  static const int weights[] = { 0, 45, 55 };
  KpAnnouncementFiles v1 = { 0 }, v2 = { 0 }, again = { 0 };
  g_autofree char *html = NULL, *html1 = NULL, *changes = NULL;

  write_files (f, 0, &v1);
  g_assert_true (kp_selection_amendment_begin (f->db, f->selection, "Bobot SKB disesuaikan",
                                               &error));
  g_assert_no_error (error);
  g_assert_true (kp_selection_set_stage_weights (f->db, f->selection, weights, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kp_selection_amendment_publish (f->db, f->selection, &error), ==, 2);
  g_assert_no_error (error);

  write_files (f, 0, &v2);
  g_assert_cmpint (v2.version, ==, 2);
  g_assert_true (g_str_has_suffix (v2.html_path, "-v2.html"));
  html = read_text (v2.html_path);
  g_assert_nonnull (strstr (html, "Bobot SKB disesuaikan"));
  g_assert_nonnull (strstr (html, "45 %"));
  /* The change as the model words it, against version 1. */
  {
    g_autofree char *old_rules = kp_announcement_get_rules_json (f->db, f->selection, 1, NULL);
    g_autofree char *new_rules = kp_announcement_get_rules_json (f->db, f->selection, 2, NULL);
    g_autoptr(GPtrArray) diff = kp_announcement_diff (old_rules, new_rules);

    g_assert_cmpuint (diff->len, ==, 2);
    for (guint i = 0; i < diff->len; i++)
      {
        g_autofree char *escaped =
          g_markup_escape_text (((KpRulesChange *) diff->pdata[i])->sentence, -1);

        g_assert_nonnull (strstr (html, escaped));
      }
  }
  {
    g_autofree char *text = read_text (v2.text_path);

    g_assert_nonnull (strstr (text, "Bobot SKB disesuaikan"));
  }

  /* Version 1 made again is still exactly what was announced first. */
  write_files (f, 1, &again);
  g_assert_cmpstr (again.pdf_sha256, ==, v1.pdf_sha256);
  g_assert_cmpstr (again.html_sha256, ==, v1.html_sha256);
  html1 = read_text (again.html_path);
  g_assert_nonnull (strstr (html1, "40 %"));
  g_assert_null (strstr (html1, "45 %"));
  /* SHA256SUMS lists the files of the version written last. */
  {
    g_autofree char *sums = read_text (again.sums_path);

    g_assert_nonnull (strstr (sums, "-v1.pdf"));
    g_assert_null (strstr (sums, "-v2.pdf"));
  }
  g_assert_cmpint (n_recorded (f), ==, 6);
  kp_announcement_files_clear (&v1);
  kp_announcement_files_clear (&v2);
  kp_announcement_files_clear (&again);
}

/* Texts as long as the model allows: the files are made, the PDF's pages hold them (a cell
 * taller than a page ends in an ellipsis), the HTML has them whole. */
static void
test_long_texts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) meaning = g_string_new ("Awal");
  KpAnnouncementFiles files = { 0 };
  g_autofree char *html = NULL;

  for (guint i = 0; i < 498; i++)   /* 3,988 characters */
    g_string_append (meaning, " panjang");
  g_assert_true (kp_selection_amendment_begin (f->db, f->selection, "Kode baru", &error));
  g_assert_no_error (error);
  g_assert_true (kp_selection_code_set (f->db, f->selection, "final", "X", "Kode panjang",
                                        meaning->str, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kp_selection_requirement_add (f->db, f->selection, meaning->str, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (kp_selection_amendment_publish (f->db, f->selection, &error), ==, 2);
  g_assert_no_error (error);

  write_files (f, 0, &files);
  html = read_text (files.html_path);
  g_assert_nonnull (strstr (html, meaning->str));
  /* Every word on its page, above the bottom edge with room to spare (pdftotext -bbox). A
   * cut text still copies whole (the ellipsis carries the text it stands for), so the cut is
   * checked by where the words are, not by the text. */
  {
    g_autofree char *program = g_find_program_in_path ("pdftotext");
    g_autofree char *bbox = g_build_filename (f->dir, "bbox.html", NULL);
    const char *argv[] = { "pdftotext", "-bbox", files.pdf_path, bbox, NULL };
    g_autoptr(GRegex) regex = g_regex_new ("yMax=\"([0-9.]+)\"", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    g_autofree char *words = NULL;
    double lowest = 0;
    int status;

    if (program != NULL)
      {
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                     NULL, NULL, &status, &error));
        g_assert_no_error (error);
        words = read_text (bbox);
        for (g_regex_match (regex, words, 0, &match); g_match_info_matches (match);
             g_match_info_next (match, NULL))
          {
            g_autofree char *y = g_match_info_fetch (match, 1);

            lowest = MAX (lowest, g_ascii_strtod (y, NULL));
          }
        g_assert_cmpfloat (lowest, >, 700);          /* the footer */
        g_assert_cmpfloat (lowest, <, 841.89 - 12);  /* nothing runs off the page */
      }
  }
  kp_announcement_files_clear (&files);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  KpAnnouncementFiles files = { 0 };
  g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);
  gint64 draft;

  /* A folder that is not there: an error naming the file, and nothing written anywhere. */
  g_assert_false (kp_announcement_write (f->db, f->selection, 0, missing, &files, &error));
  g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_assert_null (files.pdf_path);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    /* Only the database (and its journal files) and out/. */
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_prefix (name, "kompeten.db") || strcmp (name, "out") == 0);
  }
  g_assert_cmpuint (n_entries (f->out), ==, 0);
  g_assert_cmpint (n_recorded (f), ==, 0);
  g_clear_error (&error);

  /* A version that does not exist. */
  g_assert_false (kp_announcement_write (f->db, f->selection, 9, f->out, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9"));
  g_clear_error (&error);

  /* A selection not announced yet. */
  draft = kp_selection_create (f->db, "PPPK 2027", KP_SELECTION_PPPK, 2027, &error);
  g_assert_no_error (error);
  g_assert_false (kp_announcement_write (f->db, draft, 0, f->out, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (n_entries (f->out), ==, 0);

  /* The record refuses what is not a file of the announcement. */
  g_assert_false (kp_announcement_record_file (f->db, f->selection, 1, "docx", ZERO_SHA, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_announcement_record_file (f->db, f->selection, 1, "pdf", "ABC", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (n_recorded (f), ==, 0);
}

static void
test_slug (void)
{
  static const struct { const char *name, *slug; } cases[] = {
    { "CPNS Lampung Selatan 2026", "cpns-lampung-selatan-2026" },
    { "Seleksi Terbuka JPT — Sekretaris Daerah", "seleksi-terbuka-jpt-sekretaris-daerah" },
    { "../../etc/passwd", "etc-passwd" },
    { "  ", "seleksi" },
    { "Sélection ÉTÉ", "selection-ete" },
    /* Cut to 60 characters at the end of a word. */
    { "CPNS Guru 2026 Kabupaten Lampung Selatan dengan nama yang cukup panjang",
      "cpns-guru-2026-kabupaten-lampung-selatan-dengan-nama-yang" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = kp_announcement_slug (cases[i].name);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/announcement/files", test_files);
  ADD ("/announcement/no-nik", test_no_nik);
  ADD ("/announcement/pdf", test_pdf);
  ADD ("/announcement/again", test_again);
  ADD ("/announcement/amendment", test_amendment);
  ADD ("/announcement/long-texts", test_long_texts);
  ADD ("/announcement/refused", test_refused);
#undef ADD
  g_test_add_func ("/announcement/slug", test_slug);
  return g_test_run ();
}
