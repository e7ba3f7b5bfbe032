/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-applicants.c: importing pelamar.csv: every bad-row kind of gen_data.py's --dirty
 * manifest refused on its line and column, warnings and flags for the verifiers instead of
 * silent drops, a re-import that changes nothing, and the NIK masked in every list. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "gen-data-script.h"
#include "recruitment-test-util.h"

#define FORMASI_CSV                                                                            \
  "kode_formasi,jabatan,unit_kerja,pendidikan,program_studi,jenis_formasi,kuota\n"              \
  "F0001,Pranata Komputer Ahli Pertama,Dinas Komunikasi dan Informatika,S1,Ilmu Komputer,umum,2\n" \
  "F0002,Perawat Terampil,RSUD Bob Bazar,D3,,cumlaude,1\n"                                      \
  "F0003,Pengadministrasi Perkantoran,BKPSDM,SMA/SMK,,umum,3\n"

#define HEADER "no_peserta,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan," \
               "program_studi,ipk,kode_formasi,email,telepon,alamat\n"

/* NIKs: 180101, then DDMMYY (40 added to the day for women), then a sequence. */
#define NIK_ANDI "1801010510000001"   /* L, 2000-10-05 */
#define NIK_SARI "1801015203010002"   /* P, 2001-03-12 */
#define NIK_BUDI "1801011507000003"   /* the 15th, but Budi was born on the 16th */
#define NIK_DEWI "1801015506020004"   /* a woman's day, but Dewi is declared L */
#define NIK_TONO "1801012001700005"   /* 1970: older than a CPNS registrant may be */
#define NIK_RUDI "1801010101030006"
#define NIK_TINA "1801014202010007"
#define NIK_JOKO "1801010101000008"

static const char *const applicants_csv =
  HEADER
  "R001," NIK_ANDI ",Andi,L,Kalianda,2000-10-05,S1,Ilmu Komputer,3.50,F0001,a@contoh.id,0812,"
  "\"Jl. Merdeka 1\nRT 02\"\n"                                                      /* 2-3 */
  "R002," NIK_SARI ",Sari,P,Natar,12/03/2001,S1,Akuntansi,\"3,45\",F0001,,,\n"       /* 4 */
  "R003," NIK_ANDI ",Andi Lagi,L,Kalianda,2000-10-05,S-1,ilmu  komputer,3.10,F0001,,,\n" /* 5 */
  "R004," NIK_BUDI ",Budi,L,Kalianda,2000-07-16,D-III,Keperawatan,3.20,F0002,,,\n"   /* 6 */
  "R005," NIK_DEWI ",Dewi,L,Kalianda,2002-06-15,D3,,3.00,F0002,,,\n"                 /* 7 */
  "R006," NIK_TONO ",Tono,L,Kalianda,1970-01-20,S1,Ilmu Komputer,3.00,F0001,,,\n"    /* 8 */
  "R007," NIK_RUDI ",Rudi,L,Kalianda,2003-01-01,SMK,,\"87,5\",F0003,,,\n"            /* 9 */
  "R008," NIK_TINA ",Tina,P,Kalianda,2001-02-02,S1,Akuntansi,3.00,F0003,,,\n"        /* 10 */
  "R009," NIK_JOKO ",Joko,L,Kalianda,2000-01-01,S1,Ilmu Komputer,4.01,F0001,,,\n"    /* 11 */
  "R001,1801010101000009,Andi Kedua,L,Kalianda,2000-01-01,S1,Ilmu Komputer,3.00,F0001,,,\n" /* 12 */
  "R010,1801010101000010,Tia,X,Kalianda,2000-01-01,SMA,,101,F0003,,,\n"              /* 13 */
  "R011,1801014101000011,Ika,P,Kalianda,2000-01-01,S1,,3.00,F0001,,,\n"              /* 14 */
  "R012,18010101010000,Eko,L,Kalianda,2000-01-01,S1,,3.00,F0009,,,\n";               /* 15 */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *formasi = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  selection_fixture_set_up (f);
  formasi = g_build_filename (f->dir, "formasi.csv", NULL);
  g_assert_true (g_file_set_contents (formasi, FORMASI_CSV, -1, &error));
  file = g_file_new_for_path (formasi);
  g_assert_true (kp_formasi_import (f->db, 1, file, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
}



static GPtrArray *
import_ok (Fixture *f, const char *path, gboolean all_or_nothing, KpImportCounts *counts)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = NULL;

  g_assert_true (kp_applicant_import (f->db, 1, file, all_or_nothing, NULL, NULL, NULL, counts,
                                      &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  return problems;
}

/* "line:column" of every error (or warning), in order. */
static char *
problem_lines (GPtrArray *problems, gboolean warnings)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *p = g_ptr_array_index (problems, i);

      if (p->warning == warnings)
        g_string_append_printf (s, "%s%" G_GUINT64_FORMAT ":%s", s->len > 0 ? " " : "",
                                p->line, p->column);
    }
  return g_string_free (s, FALSE);
}

static KpApplicant *
find (GPtrArray *list, const char *reg_no)
{
  for (guint i = 0; i < list->len; i++)
    {
      KpApplicant *a = g_ptr_array_index (list, i);

      if (g_str_equal (a->reg_no, reg_no))
        return a;
    }
  g_error ("%s is not in the list", reg_no);
  return NULL;
}

static void
test_rows (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "pelamar.csv", applicants_csv, -1);
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KpImportCounts counts = { 0 };
  guint events = n_audit_events (f->db);
  KpApplicant *a;

  problems = import_ok (f, path, FALSE, &counts);
  errors = problem_lines (problems, FALSE);
  g_assert_cmpstr (errors, ==,
                   "11:ipk 12:no_peserta 13:jenis_kelamin 13:ipk 15:nik 15:kode_formasi");
  warnings = problem_lines (problems, TRUE);
  g_assert_cmpstr (warnings, ==, "6:nik 7:nik 8:tanggal_lahir");
  g_assert_cmpuint (counts.read, ==, 13);
  g_assert_cmpuint (counts.rejected, ==, 4);
  g_assert_cmpuint (counts.created, ==, 9);
  g_assert_cmpuint (counts.warnings, ==, 3);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
  /* The repeated number points at the line of the first. */
  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *p = g_ptr_array_index (problems, i);

      /* The NIK never appears whole in a problem. */
      if (g_str_equal (p->column, "nik"))
        g_assert_null (strstr (p->value, "0000"));
    }

  list = kp_applicant_list (f->db, 1, 0, KP_APPLICANT_FLAG_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 9);
  a = find (list, "R001");
  g_assert_cmpstr (a->nik, ==, "1801********0001");
  g_assert_cmpint (a->flags, ==, KP_APPLICANT_FLAG_NONE);
  g_assert_cmpint (a->grade_x100, ==, 350);
  g_assert_cmpstr (a->formasi_code, ==, "F0001");
  g_assert_null (a->birth_date);
  a = find (list, "R002");
  g_assert_cmpint (a->grade_x100, ==, 345);
  g_assert_cmpint (a->flags, ==, KP_APPLICANT_FLAG_EDUCATION_MISMATCH); /* programme */
  a = find (list, "R003");
  /* The same NIK again, and "S-1" / "ilmu  komputer" fit "S1" / "Ilmu Komputer". */
  g_assert_cmpint (a->flags, ==, KP_APPLICANT_FLAG_DUPLICATE_NIK);
  a = find (list, "R004");
  g_assert_cmpint (a->flags, ==, KP_APPLICANT_FLAG_WARNINGS);
  g_assert_cmpstr (a->sex, ==, "L");
  a = find (list, "R005");
  g_assert_cmpint (a->flags, ==, KP_APPLICANT_FLAG_WARNINGS);
  a = find (list, "R006");
  g_assert_cmpint (a->flags, ==, KP_APPLICANT_FLAG_WARNINGS);
  g_assert_nonnull (strstr (a->warnings, "35"));
  a = find (list, "R007");
  g_assert_cmpint (a->grade_x100, ==, 8750);
  g_assert_cmpint (a->flags, ==, KP_APPLICANT_FLAG_NONE);
  a = find (list, "R008");
  g_assert_cmpint (a->flags, ==, KP_APPLICANT_FLAG_EDUCATION_MISMATCH); /* S1 for SMA */
  a = find (list, "R011");
  g_assert_cmpint (a->flags, ==, KP_APPLICANT_FLAG_EDUCATION_MISMATCH); /* no programme */
  for (guint i = 0; i < list->len; i++)
    {
      a = g_ptr_array_index (list, i);
      g_assert_cmpint (strlen (a->nik), ==, 16);
      g_assert_nonnull (strstr (a->nik, "********"));
    }

  /* The record form alone gets the NIK and the birth date. */
  a = find (list, "R001");
  {
    g_autoptr(KpApplicant) record = kp_applicant_get_record (f->db, a->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (record->nik, ==, NIK_ANDI);
    g_assert_cmpstr (record->birth_date, ==, "2000-10-05");
    g_assert_cmpstr (record->address, ==, "Jl. Merdeka 1 RT 02");
    g_assert_cmpstr (record->email, ==, "a@contoh.id");
  }
  g_assert_null (kp_applicant_get_record (f->db, 9999, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_audit_intact (f->db);
}

static guint
list_len (Fixture *f, gint64 formasi_id, KpApplicantFlags flags, const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = kp_applicant_list (f->db, 1, formasi_id, flags, search, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "pelamar.csv", applicants_csv, -1);
  g_autoptr(GPtrArray) problems = import_ok (f, path, FALSE, NULL);
  g_autoptr(GPtrArray) formasi = NULL;
  g_autoptr(GError) error = NULL;
  KpFormasi *f1, *f3;


  formasi = kp_formasi_list (f->db, 1, &error);
  g_assert_no_error (error);
  f1 = g_ptr_array_index (formasi, 0);
  f3 = g_ptr_array_index (formasi, 2);
  g_assert_cmpint (f1->n_applicants, ==, 5);
  g_assert_cmpint (f3->n_applicants, ==, 2);
  g_assert_cmpint (kp_applicant_count (f->db, 1, f1->id, &error), ==, 5);
  g_assert_cmpint (kp_applicant_count (f->db, 1, 0, &error), ==, 9);
  g_assert_cmpuint (list_len (f, f3->id, KP_APPLICANT_FLAG_NONE, NULL), ==, 2);
  g_assert_cmpuint (list_len (f, 0, KP_APPLICANT_FLAG_EDUCATION_MISMATCH, NULL), ==, 3);
  g_assert_cmpuint (list_len (f, 0, KP_APPLICANT_FLAG_DUPLICATE_NIK, NULL), ==, 1);
  g_assert_cmpuint (list_len (f, 0, KP_APPLICANT_FLAG_WARNINGS, NULL), ==, 3);
  g_assert_cmpuint (list_len (f, 0, KP_APPLICANT_FLAG_WARNINGS | KP_APPLICANT_FLAG_DUPLICATE_NIK,
                              NULL), ==, 4);
  g_assert_cmpuint (list_len (f, 0, KP_APPLICANT_FLAG_NONE, "andi"), ==, 2);
  g_assert_cmpuint (list_len (f, 0, KP_APPLICANT_FLAG_NONE, "R00"), ==, 8);
  g_assert_cmpuint (list_len (f, 0, KP_APPLICANT_FLAG_NONE, "%"), ==, 0);
  /* Searching by NIK finds nothing: it is not something a table shows. */
  g_assert_cmpuint (list_len (f, 0, KP_APPLICANT_FLAG_NONE, "1801010510"), ==, 0);
}

static void
test_reimport (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "pelamar.csv", applicants_csv, -1);
  g_autofree char *changed = NULL;
  g_autoptr(GPtrArray) first = import_ok (f, path, FALSE, NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KpImportCounts counts = { 0 };
  guint events = n_audit_events (f->db);

  again = import_ok (f, path, FALSE, &counts);
  g_assert_cmpuint (counts.unchanged, ==, 9);
  g_assert_cmpuint (counts.created + counts.updated, ==, 0);
  g_assert_cmpuint (counts.rejected, ==, 4);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
  /* Into a selection with registrants, the repeated number names the line of the first. */
  for (guint i = 0; i < again->len; i++)
    {
      KpImportProblem *p = g_ptr_array_index (again, i);

      if (p->line == 12)
        {
          g_assert_cmpstr (p->column, ==, "no_peserta");
          g_assert_nonnull (strstr (p->reason, "2"));
        }
    }
  /* The duplicate stays flagged on the later registrant only. */
  list = kp_applicant_list (f->db, 1, 0, KP_APPLICANT_FLAG_DUPLICATE_NIK, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((KpApplicant *) g_ptr_array_index (list, 0))->reg_no, ==, "R003");

  changed = write_file (f, "pelamar2.csv",
                        HEADER
                        "R001," NIK_ANDI ",Andi Saputra,L,Kalianda,2000-10-05,S1,Ilmu Komputer,"
                        "3.50,F0001,a@contoh.id,0812,\"Jl. Merdeka 1\nRT 02\"\n"
                        "R020,1801010101000020,Baru,L,Kalianda,2000-01-01,S1,Ilmu Komputer,3.00,"
                        "F0001,,,\n",
                        -1);
  third = import_ok (f, changed, FALSE, &counts);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.created, ==, 1);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
  assert_audit_intact (f->db);
}

static void
test_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "pelamar.csv", applicants_csv, -1);
  g_autoptr(GPtrArray) problems = NULL;
  KpImportCounts counts = { 0 };
  guint events = n_audit_events (f->db);

  problems = import_ok (f, path, TRUE, &counts);
  g_assert_cmpuint (counts.rejected, ==, 4);
  g_assert_cmpuint (counts.created, ==, 0);
  g_assert_cmpint (kp_applicant_count (f->db, 1, 0, NULL), ==, 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
}

/* Registration follows the announcement: a locked selection still takes registrants. */
static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "pelamar.csv", applicants_csv, -1);
  g_autoptr(GPtrArray) problems = NULL;
  KpImportCounts counts = { 0 };

  fixture_sql (f, "UPDATE selection SET locked = 1 WHERE id = 1");
  problems = import_ok (f, path, FALSE, &counts);
  g_assert_cmpuint (counts.created, ==, 9);
}

typedef struct {
  const char *name;
  const char *contents;
  gssize length;
} BadFile;

static const BadFile bad_files[] = {
  { "empty", "", 0 },
  { "binary", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16 },
  { "not-utf8", HEADER "R001," NIK_ANDI ",Andi \xe9\xe8,L,Kalianda,2000-10-05,S1,,3.5,F0001,,,\n",
    -1 },
  { "missing-column", "no_peserta,nik,nama\nR001," NIK_ANDI ",Andi\n", -1 },
  { "utf16", "\xff\xfen\0o\0_\0p\0\n\0", 12 },
};

static void
test_bad_file (Fixture *f, gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *path = write_file (f, "pelamar.csv", bad->contents, bad->length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = NULL;
  guint events = n_audit_events (f->db);

  g_assert_false (kp_applicant_import (f->db, 1, file, FALSE, NULL, NULL, NULL, NULL, &problems,
                                       &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE);
  g_assert_null (problems);
  g_assert_cmpint (kp_applicant_count (f->db, 1, 0, NULL), ==, 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
}

static void
test_no_selection (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "pelamar.csv", applicants_csv, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (kp_applicant_import (f->db, 42, file, FALSE, NULL, NULL, NULL, NULL, NULL,
                                       &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
}

/* ---- gen_data.py's dirty files ------------------------------------------------------------- */

/* The column each kind of bad row of the manifest must be refused on. */
static const char *
kind_column (const char *kind)
{
  static const char *const kinds[][2] = {
    { "nik_length", "nik" }, { "nik_letters", "nik" }, { "no_peserta_duplicate", "no_peserta" },
    { "name_empty", "nama" }, { "birth_date", "tanggal_lahir" },
    { "formasi_unknown", "kode_formasi" }, { "ipk_range", "ipk" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i][0]))
      return kinds[i][1];
  g_error ("gen_data.py made a bad row of a kind this test does not know: %s", kind);
  return NULL;
}

static void
test_gen_data (Fixture *f, gconstpointer data)
{
  g_autofree char *script = gen_data_script ();
  g_autofree char *out = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *formasi = NULL;
  g_autofree char *pelamar = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GFile) formasi_file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) want = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GHashTable) kinds_seen = g_hash_table_new (g_str_hash, g_str_equal);
  KpImportCounts counts = { 0 };
  JsonArray *bad;
  guint64 n_rows, n_bad = 0;
  guint events;
  int status;

  if (script == NULL)
    {
      g_test_skip ("needs " PYTHON " and ../shared/tools/gen_data.py (KOMPETEN_SOURCE_ROOT)");
      return;
    }
  out = g_build_filename (f->dir, "data", NULL);
  {
    const char *argv[] = { PYTHON, script, "--out", out, "--employees", "30", "--applicants",
                           "1200", "--dirty", "0.1", "--seed", "11", "--delimiter", ";",
                           "--crlf", "--bom", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("gen_data.py failed: %s", err);
  }
  manifest = g_build_filename (out, "manifest.json", NULL);
  formasi = g_build_filename (out, "formasi.csv", NULL);
  pelamar = g_build_filename (out, "pelamar.csv", NULL);

  /* The fixture's selection already has F0001-F0003: gen_data's replace them. */
  formasi_file = g_file_new_for_path (formasi);
  g_assert_true (kp_formasi_import (f->db, 1, formasi_file, FALSE, &counts, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rejected, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (json_parser_load_from_file (parser, manifest, &error));
  g_assert_no_error (error);
  n_rows = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                       "pelamar");
  bad = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                      "bad_rows");
  for (guint i = 0; i < json_array_get_length (bad); i++)
    {
      JsonObject *row = json_array_get_object_element (bad, i);
      const char *kind = json_object_get_string_member (row, "reason");

      if (g_strcmp0 (json_object_get_string_member (row, "file"), "pelamar.csv") != 0)
        continue;
      g_string_append_printf (want, "%" G_GINT64_FORMAT ":%s ",
                              json_object_get_int_member (row, "line"), kind_column (kind));
      g_hash_table_add (kinds_seen, (gpointer) kind);
      n_bad++;
    }
  /* Every kind gen_data.py makes is in this file. */
  g_assert_cmpuint (g_hash_table_size (kinds_seen), ==, 7);

  problems = import_ok (f, pelamar, FALSE, &counts);
  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *p = g_ptr_array_index (problems, i);

      if (!p->warning)
        g_string_append_printf (got, "%" G_GUINT64_FORMAT ":%s ", p->line, p->column);
    }
  g_assert_cmpstr (got->str, ==, want->str);
  g_assert_cmpuint (counts.read, ==, n_rows);
  g_assert_cmpuint (counts.rejected, ==, n_bad);
  g_assert_cmpuint (counts.created, ==, n_rows - n_bad);
  g_assert_cmpint (kp_applicant_count (f->db, 1, 0, NULL), ==, (gint64) (n_rows - n_bad));

  events = n_audit_events (f->db);
  again = import_ok (f, pelamar, FALSE, &counts);
  g_assert_cmpuint (counts.unchanged, ==, n_rows - n_bad);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/applicants/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/applicants/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/applicants/reimport", Fixture, NULL, fixture_set_up, test_reimport,
              fixture_tear_down);
  g_test_add ("/applicants/all-or-nothing", Fixture, NULL, fixture_set_up, test_all_or_nothing,
              fixture_tear_down);
  g_test_add ("/applicants/locked", Fixture, NULL, fixture_set_up, test_locked,
              fixture_tear_down);
  g_test_add ("/applicants/no-selection", Fixture, NULL, fixture_set_up, test_no_selection,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/applicants/bad-file/%s", bad_files[i].name);

      g_test_add (path, Fixture, &bad_files[i], fixture_set_up, test_bad_file,
                  fixture_tear_down);
    }
  g_test_add ("/applicants/gen-data", Fixture, NULL, fixture_set_up, test_gen_data,
              fixture_tear_down);

  return g_test_run ();
}
