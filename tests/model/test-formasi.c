/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-formasi.c: the vacancies of a selection: imported from formasi.csv with each bad row
 * refused on its line, re-imported without an event, edited one by one, and frozen once the
 * selection is announced. */

#include "config.h"

#include "recruitment-test-util.h"

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  selection_fixture_set_up (f);
}

static void
lock_selection (Fixture *f)
{
  fixture_sql (f, "UPDATE selection SET locked = 1 WHERE id = 1");
}

static gboolean
import (Fixture *f, const char *path, gboolean all_or_nothing, KpImportCounts *counts,
        GPtrArray **problems, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return kp_formasi_import (f->db, 1, file, all_or_nothing, counts, problems, error);
}

/* "line:column" of every problem, in order. */
static char *
problem_lines (GPtrArray *problems)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *p = g_ptr_array_index (problems, i);

      g_string_append_printf (s, "%s%" G_GUINT64_FORMAT ":%s", i > 0 ? " " : "", p->line,
                              p->column);
    }
  return g_string_free (s, FALSE);
}

#define HEADER "kode_formasi,jabatan,unit_kerja,pendidikan,program_studi,jenis_formasi,kuota\n"
#define GOOD_ROWS                                                                              \
  "F0001,Pranata Komputer Ahli Pertama,Dinas Komunikasi dan Informatika,S1,Ilmu Komputer,umum,2\n" \
  "F0002,Perawat Terampil,RSUD Bob Bazar,D-III,,Cum Laude,1\n"                                  \
  "F0003,Pengadministrasi Perkantoran,BKPSDM,SMA/SMK,,DISABILITAS,1\n"

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *path =
    write_file (f, "formasi.csv",
                HEADER GOOD_ROWS
                "F0001,Analis,BKPSDM,S1,,umum,1\n"            /* 5: the code again */
                "F0004,Analis,BKPSDM,S1,,umum,0\n"            /* 6: quota */
                "F0005,Analis,BKPSDM,S1,,khusus,1\n"          /* 7: kind */
                "F0006,Analis,BKPSDM,Sarjana Muda Plus,,umum,1\n" /* 8: education */
                "F0007,,BKPSDM,S1,,umum,1\n"                  /* 9: position */
                "F0008,Analis,BKPSDM,S1,,umum\n"              /* 10: width */
                "\n"
                "F0009,Analis,BKPSDM,S2,,umum,1\n",           /* 12: good */
                -1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;
  KpImportCounts counts = { 0 };
  guint events = n_audit_events (f->db);
  KpFormasi *f2;

  g_assert_true (import (f, path, FALSE, &counts, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.read, ==, 10);
  g_assert_cmpuint (counts.created, ==, 4);
  g_assert_cmpuint (counts.rejected, ==, 6);
  lines = problem_lines (problems);
  g_assert_cmpstr (lines, ==,
                   "5:kode_formasi 6:kuota 7:jenis_formasi 8:pendidikan 9:jabatan 10:");
  /* The duplicate names the line of the first. */
  g_assert_nonnull (strstr (((KpImportProblem *) g_ptr_array_index (problems, 0))->reason, "2"));
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);

  list = kp_formasi_list (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  f2 = g_ptr_array_index (list, 1);
  g_assert_cmpstr (f2->code, ==, "F0002");
  g_assert_cmpstr (f2->kind, ==, "cumlaude");
  g_assert_cmpstr (f2->education, ==, "D-III");
  g_assert_cmpint (f2->quota, ==, 1);
  g_assert_cmpstr (((KpFormasi *) g_ptr_array_index (list, 2))->kind, ==, "disabilitas");
  g_assert_cmpstr (((KpFormasi *) g_ptr_array_index (list, 0))->study_programme, ==,
                   "Ilmu Komputer");
  assert_audit_intact (f->db);
}

static void
test_reimport (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "formasi.csv", HEADER GOOD_ROWS, -1);
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  KpImportCounts counts = { 0 };
  guint events;

  g_assert_true (import (f, path, FALSE, &counts, NULL, &error));
  g_assert_no_error (error);
  events = n_audit_events (f->db);
  g_assert_true (import (f, path, FALSE, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.unchanged, ==, 3);
  g_assert_cmpuint (counts.created + counts.updated, ==, 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);

  /* English headers, another order, one quota changed. */
  changed = write_file (f, "vacancies.csv",
                        "quota,code,position,unit,education,study programme,kind\n"
                        "3,F0001,Pranata Komputer Ahli Pertama,Dinas Komunikasi dan Informatika,"
                        "S1,Ilmu Komputer,umum\n",
                        -1);
  g_assert_true (import (f, changed, FALSE, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
}

static void
test_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "formasi.csv", HEADER GOOD_ROWS "F0004,A,B,S1,,umum,x\n",
                                      -1);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KpImportCounts counts = { 0 };
  guint events = n_audit_events (f->db);

  g_assert_true (import (f, path, TRUE, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rejected, ==, 1);
  g_assert_cmpuint (counts.created, ==, 0);
  list = kp_formasi_list (f->db, 1, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "formasi.csv", HEADER GOOD_ROWS, -1);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KpFormasi values = { .code = (char *) "F0100", .position_title = (char *) "Analis",
                       .unit = (char *) "BKPSDM", .education = (char *) "S1",
                       .kind = (char *) "umum", .quota = 1 };
  guint events;
  gint64 id;

  id = kp_formasi_add (f->db, 1, &values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  lock_selection (f);
  events = n_audit_events (f->db);

  g_assert_false (import (f, path, FALSE, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  g_clear_error (&error);
  values.code = (char *) "F0101";
  g_assert_cmpint (kp_formasi_add (f->db, 1, &values, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  g_clear_error (&error);
  values.quota = 5;
  g_assert_false (kp_formasi_update (f->db, id, &values, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (kp_formasi_delete (f->db, id, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  g_clear_error (&error);

  list = kp_formasi_list (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((KpFormasi *) g_ptr_array_index (list, 0))->code, ==, "F0100");
  g_assert_cmpint (((KpFormasi *) g_ptr_array_index (list, 0))->quota, ==, 1);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);

  /* An open amendment lets them change again. */
  fixture_sql (f, "UPDATE selection SET amendment_reason = 'Kuota ditambah BKN' WHERE id = 1");
  g_assert_true (kp_formasi_update (f->db, id, &values, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KpFormasi values = { .code = (char *) " F0100 ", .position_title = (char *) "Analis  SDM",
                       .unit = (char *) "BKPSDM", .education = (char *) "S1",
                       .kind = (char *) "Putra/Putri Papua", .quota = 2 };
  KpFormasi *got;
  guint events = n_audit_events (f->db);
  gint64 id, other;

  id = kp_formasi_add (f->db, 1, &values, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);

  /* The same code again; a bad quota; a bad kind: each refused, naming the field. */
  g_assert_cmpint (kp_formasi_add (f->db, 1, &values, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE);
  g_clear_error (&error);
  values.code = (char *) "F0200";
  values.quota = 0;
  g_assert_cmpint (kp_formasi_add (f->db, 1, &values, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "kuota"));
  g_clear_error (&error);
  values.quota = 1;
  values.kind = (char *) "vip";
  g_assert_cmpint (kp_formasi_add (f->db, 1, &values, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "jenis_formasi"));
  g_clear_error (&error);
  values.kind = (char *) "umum";
  other = kp_formasi_add (f->db, 1, &values, &error);
  g_assert_no_error (error);

  /* Renaming onto another's code is refused; saving unchanged writes no event. */
  values.code = (char *) "F0100";
  g_assert_false (kp_formasi_update (f->db, other, &values, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE);
  g_clear_error (&error);
  events = n_audit_events (f->db);
  values.code = (char *) "F0200";
  g_assert_true (kp_formasi_update (f->db, other, &values, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);

  list = kp_formasi_list (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  got = g_ptr_array_index (list, 0);
  g_assert_cmpstr (got->code, ==, "F0100");
  g_assert_cmpstr (got->position_title, ==, "Analis SDM");
  g_assert_cmpstr (got->kind, ==, "putra-putri-papua");

  /* A formasi with registrants stays. */
  fixture_sql (f, "INSERT INTO applicant (selection_id, reg_no, nik, name, sex, birth_date, "
                  "formasi_id) SELECT 1, 'R1', '1801010510000001', 'Andi', 'L', '2000-10-05', id "
                  "FROM formasi WHERE code = 'F0100'");
  g_assert_false (kp_formasi_delete (f->db, id, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (kp_formasi_delete (f->db, other, &error));
  g_assert_no_error (error);
  g_assert_false (kp_formasi_delete (f->db, other, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kp_formasi_list (f->db, 1, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((KpFormasi *) g_ptr_array_index (list, 0))->n_applicants, ==, 1);
  assert_audit_intact (f->db);
}

typedef struct {
  const char *name;
  const char *contents;
  gssize length;
  int code;
} BadFile;

static const BadFile bad_files[] = {
  { "empty", "", 0, KP_MODEL_ERROR_FILE },
  { "binary", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16, KP_MODEL_ERROR_FILE },
  { "not-utf8", HEADER "F0001,Analis,Dinas \xe9\xe8,S1,,umum,1\n", -1, KP_MODEL_ERROR_FILE },
  { "no-header", "F0001,Analis,BKPSDM,S1,,umum,1\n", -1, KP_MODEL_ERROR_FILE },
};

static void
test_bad_file (Fixture *f, gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *path = write_file (f, "formasi.csv", bad->contents, bad->length);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint events = n_audit_events (f->db);

  g_assert_false (import (f, path, FALSE, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, bad->code);
  list = kp_formasi_list (f->db, 1, NULL);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
}

static void
test_no_selection (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "formasi.csv", HEADER GOOD_ROWS, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (kp_formasi_import (f->db, 99, file, FALSE, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (kp_formasi_list (f->db, 99, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
}

static void
test_levels (void)
{
  static const struct { const char *text; const char *level; } cases[] = {
    { "S1", "S1" }, { "s-1", "S1" }, { "Sarjana", "S1" }, { "D-III", "D3" },
    { "Diploma 3", "D3" }, { "D IV", "D4" }, { "SMK", "SMA" }, { "SLTA", "SMA" },
    { "S.2", "S2" }, { "Magister", "S2" }, { "", NULL }, { "Sarjana Muda", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (kp_education_level (cases[i].text), ==, cases[i].level);
  g_assert_cmpstr (kp_formasi_kind_parse ("cum laude"), ==, "cumlaude");
  g_assert_cmpstr (kp_formasi_kind_parse ("UMUM"), ==, "umum");
  g_assert_cmpstr (kp_formasi_kind_parse ("putra_putri  papua"), ==, "putra-putri-papua");
  g_assert_null (kp_formasi_kind_parse ("khusus"));
  g_assert_null (kp_formasi_kind_parse (""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formasi/levels", test_levels);
  g_test_add ("/formasi/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/formasi/reimport", Fixture, NULL, fixture_set_up, test_reimport,
              fixture_tear_down);
  g_test_add ("/formasi/all-or-nothing", Fixture, NULL, fixture_set_up, test_all_or_nothing,
              fixture_tear_down);
  g_test_add ("/formasi/locked", Fixture, NULL, fixture_set_up, test_locked, fixture_tear_down);
  g_test_add ("/formasi/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/formasi/no-selection", Fixture, NULL, fixture_set_up, test_no_selection,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/formasi/bad-file/%s", bad_files[i].name);

      g_test_add (path, Fixture, &bad_files[i], fixture_set_up, test_bad_file,
                  fixture_tear_down);
    }

  return g_test_run ();
}
