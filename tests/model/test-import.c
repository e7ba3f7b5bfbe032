/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c: importing pegawai.csv as an HR officer sees it: every spreadsheet quirk read,
 * every bad row reported on the line where it starts, good rows written once, bad files
 * refused before anything is written, and an export that re-imports unchanged. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "gen-data-script.h"
#include "model-test-util.h"

typedef struct {
  char *dir;
  char *db_path;
  KpDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = make_tmp_dir ();
  f->db_path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (f->db_path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static guint
n_employees (KpDatabase *db)
{
  return g_list_model_get_n_items (kp_database_get_employees (db));
}

/* Opens, analyses and applies @path; every step must succeed. */
static KpEmployeeImport *
import_file (KpDatabase *db, const char *path, gboolean all_or_nothing)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KpEmployeeImport) import = kp_employee_import_new (db, file);
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_employee_import_open (import, &error));
  g_assert_no_error (error);
  g_assert_true (kp_employee_import_analyze (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kp_employee_import_apply (import, all_or_nothing, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

/* "line:column" of every problem (errors or warnings), in the order reported. */
static char *
problem_list (KpEmployeeImport *import, gboolean warnings)
{
  GPtrArray *problems = kp_employee_import_get_problems (import);
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *problem = g_ptr_array_index (problems, i);

      /* Whatever the kind, a user must be told why. */
      g_assert_nonnull (problem->reason);
      g_assert_cmpstr (problem->reason, !=, "");
      g_assert_true (g_utf8_validate (problem->reason, -1, NULL));
      g_assert_true (g_utf8_validate (problem->value, -1, NULL));
      if (i > 0)
        g_assert_cmpuint (((KpImportProblem *) g_ptr_array_index (problems, i - 1))->line, <=,
                          problem->line);
      if (problem->warning != warnings)
        continue;
      g_string_append_printf (list, "%s%" G_GUINT64_FORMAT ":%s", list->len > 0 ? " " : "",
                              problem->line, problem->column);
    }
  return g_string_free (list, FALSE);
}

static KpEmployee *
find (KpDatabase *db, const char *nip)
{
  KpEmployee *employee = kp_register_find_employee (db, nip);

  if (employee == NULL)
    g_error ("%s was not imported", nip);
  return employee;
}

/* ---- table: one fixture per quirk and per kind of bad row ----------------------------------- */

typedef struct {
  const char *name;
  const char *fixture;
  char delimiter;
  guint64 read, created, rejected, warnings;
  const char *errors;   /* "line:column" of each refused problem */
  const char *warns;    /* "line:column" of each warning */
  void (*check) (KpDatabase *db, KpEmployeeImport *import);
} ImportCase;

static void
check_semicolon (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);
  g_autoptr(KpEmployee) ahmad = find (db, NIP_AHMAD);

  /* Commas are plain text in a ;-file. */
  g_assert_cmpstr (kp_employee_get_name (siti), ==, "Dra. Siti Aminah, M.Si.");
  g_assert_cmpstr (kp_employee_get_position_title (ahmad), ==, "Pranata Komputer, Ahli Muda");
}

static void
check_bom (KpDatabase *db, KpEmployeeImport *import)
{
  GStrv header = kp_employee_import_get_header (import);

  g_assert_cmpstr (header[0], ==, "nip");
  g_assert_cmpint (kp_employee_import_get_mapping (import, 0), ==, KP_EMPLOYEE_FIELD_NIP);
}

static void
check_crlf (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) head = find (db, NIP_HEAD);
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);
  g_autoptr(KpEmployee) ahmad = find (db, NIP_AHMAD);

  /* No stray carriage return in any value, the last column included. */
  g_assert_cmpstr (kp_employee_get_phone (head), ==, "081298051457");
  g_assert_cmpstr (kp_employee_get_birth_place (siti), ==, "Natar Lampung Selatan");
  g_assert_cmpstr (kp_employee_get_phone (ahmad), ==, "081211011949");
}

static void
check_quoted (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);
  g_autoptr(KpEmployee) ahmad = find (db, NIP_AHMAD);
  g_autoptr(KpEmployee) budi = find (db, NIP_BUDI);

  g_assert_cmpstr (kp_employee_get_name (siti), ==, "Dra. Siti Aminah, M.Si.");
  g_assert_cmpstr (kp_employee_get_name (ahmad), ==, "Ahmad \"Abeng\" Fauzi, S.Kom.");
  g_assert_cmpstr (kp_employee_get_birth_place (ahmad), ==,
                   "Desa Way Urang Kecamatan Kalianda Lampung Selatan");
  g_assert_cmpstr (kp_employee_get_supervisor_nip (ahmad), ==, NIP_SITI);
  g_assert_cmpstr (kp_employee_get_position_title (budi), ==,
                   "Auditor \"Ahli\" Pertama, Inspektorat");
  g_assert_cmpstr (kp_employee_get_unit_name (budi), ==, "Inspektorat");
}

static void
check_dates (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) head = find (db, NIP_HEAD);
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);
  g_autoptr(KpEmployee) ahmad = find (db, NIP_AHMAD);
  g_autoptr(KpEmployee) budi = find (db, NIP_BUDI);

  g_assert_cmpstr (kp_employee_get_birth_date (head), ==, "1966-02-04");
  g_assert_cmpstr (kp_employee_get_birth_date (siti), ==, "1968-10-30");
  g_assert_cmpstr (kp_employee_get_birth_date (ahmad), ==, "1986-08-14");
  g_assert_cmpstr (kp_employee_get_birth_date (budi), ==, "1990-01-01");
  /* Three formats in one column: no single format to report. */
  g_assert_cmpint (kp_employee_import_get_date_format (import), ==, KP_DATE_FORMAT_ANY);
}

static void
check_aliases (KpDatabase *db, KpEmployeeImport *import)
{
  static const KpEmployeeField expected[] = {
    KP_EMPLOYEE_FIELD_NONE, KP_EMPLOYEE_FIELD_NIP, KP_EMPLOYEE_FIELD_NAME, KP_EMPLOYEE_FIELD_SEX,
    KP_EMPLOYEE_FIELD_BIRTH_PLACE, KP_EMPLOYEE_FIELD_BIRTH_DATE, KP_EMPLOYEE_FIELD_EDUCATION,
    KP_EMPLOYEE_FIELD_GRADE, KP_EMPLOYEE_FIELD_UNIT, KP_EMPLOYEE_FIELD_POSITION,
    KP_EMPLOYEE_FIELD_KIND, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP, KP_EMPLOYEE_FIELD_EMAIL,
    KP_EMPLOYEE_FIELD_PHONE,
  };
  GStrv header = kp_employee_import_get_header (import);
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);
  g_autoptr(KpEmployee) ahmad = find (db, NIP_AHMAD);

  g_assert_cmpuint (g_strv_length (header), ==, G_N_ELEMENTS (expected));
  g_assert_cmpstr (header[2], ==, "Nama Lengkap");
  for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
    g_assert_cmpint (kp_employee_import_get_mapping (import, c), ==, expected[c]);
  /* Dates all DD-MM-YYYY except the first, ISO. */
  g_assert_cmpstr (kp_employee_get_birth_date (siti), ==, "1968-10-30");
  g_assert_cmpstr (kp_employee_get_supervisor_nip (siti), ==, NIP_HEAD);
  g_assert_cmpstr (kp_employee_get_unit_name (ahmad), ==, "Dinas Kesehatan");
  g_assert_cmpstr (kp_employee_get_position_title (ahmad), ==, "Pranata Komputer Ahli Muda");
  g_assert_cmpstr (kp_employee_get_kind_name (ahmad), ==, "Fungsional Ahli Muda");
  g_assert_cmpstr (kp_employee_get_email (ahmad), ==, "ahmad@example.go.id");
  g_assert_cmpstr (kp_employee_get_phone (ahmad), ==, "081200000003");
}

static void
check_forward_ref (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) head = find (db, NIP_HEAD);
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);
  g_autoptr(KpEmployee) ahmad = find (db, NIP_AHMAD);

  g_assert_cmpstr (kp_employee_get_supervisor_nip (head), ==, "");
  g_assert_cmpstr (kp_employee_get_supervisor_nip (siti), ==, NIP_HEAD);
  g_assert_cmpstr (kp_employee_get_supervisor_name (siti), ==, "Bambang Purnomo");
  g_assert_cmpstr (kp_employee_get_supervisor_nip (ahmad), ==, NIP_SITI);
}

static void
check_units_created (KpDatabase *db, KpEmployeeImport *import)
{
  const KpImportCounts *counts = kp_employee_import_get_counts (import);

  /* Dinas Kesehatan and Inspektorat; five different positions. */
  g_assert_cmpuint (counts->units_created, ==, 2);
  g_assert_cmpuint (counts->positions_created, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (db)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_positions (db)), ==, 5);
}

static void
check_duplicate (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);

  /* The first row stands. */
  g_assert_cmpstr (kp_employee_get_name (siti), ==, "Siti Aminah");
}

static void
check_cycle (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);
  g_autoptr(KpEmployee) rina = find (db, NIP_RINA);
  g_autoptr(KpEmployee) ahmad = kp_register_find_employee (db, NIP_AHMAD);

  g_assert_null (ahmad);
  /* Siti's supervisor was refused: stored empty. */
  g_assert_cmpstr (kp_employee_get_supervisor_nip (siti), ==, "");
  g_assert_cmpstr (kp_employee_get_supervisor_nip (rina), ==, NIP_SITI);
}

static void
check_two_loops (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);
  g_autoptr(KpEmployee) ahmad = find (db, NIP_AHMAD);
  g_autoptr(KpEmployee) dewi = find (db, "197505122000032001");
  g_autoptr(KpEmployee) budi = kp_register_find_employee (db, NIP_BUDI);
  g_autoptr(KpEmployee) eko = kp_register_find_employee (db, "198011202005011003");

  g_assert_null (budi);
  g_assert_null (eko);
  g_assert_cmpstr (kp_employee_get_supervisor_nip (ahmad), ==, NIP_SITI);
  g_assert_cmpstr (kp_employee_get_supervisor_nip (siti), ==, "");
  g_assert_cmpstr (kp_employee_get_supervisor_nip (dewi), ==, "");
}

static void
check_unknown_supervisor (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);

  g_assert_cmpstr (kp_employee_get_supervisor_nip (siti), ==, "");
  g_assert_cmpint (kp_employee_get_supervisor_id (siti), ==, 0);
}

static void
check_sex_mismatch (KpDatabase *db, KpEmployeeImport *import)
{
  g_autoptr(KpEmployee) siti = find (db, NIP_SITI);

  /* A warning: the row is imported as written. */
  g_assert_cmpstr (kp_employee_get_sex (siti), ==, "L");
}

static const ImportCase import_cases[] = {
  { "valid", "pegawai-valid.csv", ',', 5, 5, 0, 0, "", "", check_units_created },
  { "quirk-semicolon", "quirk-semicolon.csv", ';', 3, 3, 0, 0, "", "", check_semicolon },
  { "quirk-bom", "quirk-bom.csv", ',', 2, 2, 0, 0, "", "", check_bom },
  /* Siti's birth place holds a CRLF (lines 3-4), so Rina's bad sex is on line 6. */
  { "quirk-crlf", "quirk-crlf.csv", ',', 4, 3, 1, 0, "6:jenis_kelamin", "", check_crlf },
  /* Ahmad's record spans lines 4-6 and the short NIP's lines 9-10: the report names the
   * line where each bad record starts. */
  { "quirk-quoted", "quirk-quoted.csv", ',', 7, 4, 3, 0, "8:golongan 9:nip 11:jenis_kelamin", "",
    check_quoted },
  { "quirk-dates", "quirk-dates.csv", ',', 4, 4, 0, 0, "", "", check_dates },
  { "quirk-aliases", "quirk-aliases.csv", ',', 3, 3, 0, 0, "", "", check_aliases },
  { "quirk-forward-ref", "quirk-forward-ref.csv", ',', 3, 3, 0, 0, "", "", check_forward_ref },
  /* Blank rows are not records, but they are lines. */
  { "quirk-blank-rows", "quirk-blank-rows.csv", ',', 3, 2, 1, 0, "6:jenis_kelamin", "", NULL },
  { "bad-nip-length", "bad-nip-length.csv", ',', 2, 1, 1, 0, "3:nip", "", NULL },
  { "bad-nip-letters", "bad-nip-letters.csv", ',', 2, 1, 1, 0, "3:nip", "", NULL },
  { "bad-nip-month", "bad-nip-month.csv", ',', 3, 1, 2, 0, "3:nip 4:nip", "", NULL },
  { "bad-nip-tmt", "bad-nip-tmt.csv", ',', 2, 1, 1, 0, "3:nip", "", NULL },
  { "bad-name-empty", "bad-name-empty.csv", ',', 4, 2, 2, 0, "3:nama 4:nama", "", NULL },
  { "bad-sex", "bad-sex.csv", ',', 2, 1, 1, 0, "3:jenis_kelamin", "", NULL },
  { "bad-birth-date", "bad-birth-date.csv", ',', 2, 1, 1, 0, "3:tanggal_lahir", "", NULL },
  { "bad-grade", "bad-grade.csv", ',', 2, 1, 1, 0, "3:golongan", "", NULL },
  { "bad-kind", "bad-kind.csv", ',', 2, 1, 1, 0, "3:jenis_jabatan", "", NULL },
  { "bad-duplicate", "bad-duplicate.csv", ',', 3, 2, 1, 0, "4:nip", "", check_duplicate },
  /* Siti -> Ahmad -> Siti: Ahmad's row (the loop's last) is refused, and Siti's supervisor is
   * then unknown. */
  { "bad-cycle", "bad-cycle.csv", ',', 4, 3, 1, 1, "4:nip_atasan", "3:nip_atasan", check_cycle },
  /* Siti -> Budi -> Ahmad -> Siti (Budi's row, line 5, refused) and Dewi <-> Eko (Eko, line 7). */
  { "bad-cycle-two-loops", "bad-cycle-two-loops.csv", ',', 6, 4, 2, 2,
    "5:nip_atasan 7:nip_atasan", "3:nip_atasan 6:nip_atasan", check_two_loops },
  { "bad-self-supervisor", "bad-self-supervisor.csv", ',', 2, 1, 1, 0, "3:nip_atasan", "", NULL },
  { "warn-unknown-supervisor", "warn-unknown-supervisor.csv", ',', 2, 2, 0, 1, "",
    "3:nip_atasan", check_unknown_supervisor },
  { "warn-sex-mismatch", "warn-sex-mismatch.csv", ',', 2, 2, 0, 1, "", "3:jenis_kelamin",
    check_sex_mismatch },
  /* An unquoted comma: the whole row is refused (no column); Ahmad's supervisor was on it. */
  { "bad-too-many-columns", "bad-too-many-columns.csv", ',', 3, 2, 1, 1, "3:", "4:nip_atasan",
    NULL },
};

static void
test_import_case (Fixture *f, gconstpointer data)
{
  const ImportCase *c = data;
  g_autofree char *path = fixture_path (c->fixture);
  g_autofree char *sha = file_sha256 (path);
  g_autofree char *before = checkpoint (f->db);
  g_autofree char *after = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warns = NULL;
  g_autoptr(KpEmployeeImport) import = NULL;
  g_autoptr(KpEmployeeImport) again = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const KpImportCounts *counts;
  KpAuditEvent *event;

  import = import_file (f->db, path, FALSE);
  counts = kp_employee_import_get_counts (import);
  g_assert_cmpint (kp_employee_import_get_delimiter (import), ==, c->delimiter);
  g_assert_cmpuint (counts->read, ==, c->read);
  g_assert_cmpuint (counts->created, ==, c->created);
  g_assert_cmpuint (counts->updated, ==, 0);
  g_assert_cmpuint (counts->unchanged, ==, 0);
  g_assert_cmpuint (counts->rejected, ==, c->rejected);
  g_assert_cmpuint (counts->warnings, ==, c->warnings);
  errors = problem_list (import, FALSE);
  warns = problem_list (import, TRUE);
  g_assert_cmpstr (errors, ==, c->errors);
  g_assert_cmpstr (warns, ==, c->warns);
  g_assert_cmpstr (kp_employee_import_get_checksum (import), ==, sha);
  g_assert_cmpuint (n_employees (f->db), ==, c->created);
  if (c->check != NULL)
    c->check (f->db, import);

  /* One import, one audit event, carrying the file's checksum and the counts. */
  events = kp_audit_list (f->db, g_ascii_strtoll (before, NULL, 10), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->action, ==, "import");
  g_assert_cmpstr (event->entity, ==, "employee");
  g_assert_nonnull (strstr (event->payload, sha));
  assert_audit_intact (f->db);

  /* The same file again changes nothing and writes no event. */
  g_clear_pointer (&before, g_free);
  before = checkpoint (f->db);
  again = import_file (f->db, path, FALSE);
  counts = kp_employee_import_get_counts (again);
  g_assert_cmpuint (counts->read, ==, c->read);
  g_assert_cmpuint (counts->created, ==, 0);
  g_assert_cmpuint (counts->updated, ==, 0);
  g_assert_cmpuint (counts->unchanged, ==, c->created);
  g_assert_cmpuint (counts->rejected, ==, c->rejected);
  g_assert_cmpuint (counts->units_created, ==, 0);
  g_assert_cmpuint (counts->positions_created, ==, 0);
  g_clear_pointer (&errors, g_free);
  errors = problem_list (again, FALSE);
  g_assert_cmpstr (errors, ==, c->errors);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_employees (f->db), ==, c->created);
  if (c->check != NULL)
    c->check (f->db, import);
}

/* ---- changes, all-or-nothing, the stores ------------------------------------------------------ */

static char *
write_variant (const char *dir, const char *fixture, const char *old_text, const char *new_text)
{
  g_autofree char *path = fixture_path (fixture);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changed = NULL;
  char *out = g_build_filename (dir, fixture, NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, old_text, new_text, 0), ==, 1);
  g_assert_true (g_file_set_contents (out, changed->str, changed->len, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_changed_row (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("pegawai-valid.csv");
  g_autofree char *changed = write_variant (f->dir, "pegawai-valid.csv",
                                            "Rina Siregar,P,Bandar Lampung,1992-03-15,D3,II/c",
                                            "Rina Siregar,P,Bandar Lampung,1992-03-15,D3,II/d");
  g_autoptr(KpEmployeeImport) first = import_file (f->db, path, FALSE);
  g_autoptr(KpEmployeeImport) second = NULL;
  g_autoptr(KpEmployee) rina = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n_before = n_audit_events (f->db);
  const KpImportCounts *counts;

  second = import_file (f->db, changed, FALSE);
  counts = kp_employee_import_get_counts (second);
  g_assert_cmpuint (counts->read, ==, 5);
  g_assert_cmpuint (counts->created, ==, 0);
  g_assert_cmpuint (counts->updated, ==, 1);
  g_assert_cmpuint (counts->unchanged, ==, 4);
  g_assert_cmpuint (counts->rejected, ==, 0);
  rina = find (f->db, NIP_RINA);
  g_assert_cmpstr (kp_employee_get_grade (rina), ==, "II/d");
  /* Her supervisor is kept. */
  g_assert_cmpstr (kp_employee_get_supervisor_nip (rina), ==, NIP_SITI);

  events = kp_audit_list (f->db, n_before, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (((KpAuditEvent *) g_ptr_array_index (events, 0))->action, ==, "import");
  assert_audit_intact (f->db);
}

static void
test_changed_supervisor (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("pegawai-valid.csv");
  /* Rina now reports to the head, who comes first in the file. */
  g_autofree char *changed = write_variant (f->dir, "pegawai-valid.csv",
                                            "Dinas Kesehatan," NIP_SITI ",pegawai.012003",
                                            "Dinas Kesehatan," NIP_HEAD ",pegawai.012003");
  g_autoptr(KpEmployeeImport) first = import_file (f->db, path, FALSE);
  g_autoptr(KpEmployeeImport) second = import_file (f->db, changed, FALSE);
  g_autoptr(KpEmployee) rina = find (f->db, NIP_RINA);
  const KpImportCounts *counts = kp_employee_import_get_counts (second);

  g_assert_cmpuint (counts->created, ==, 0);
  g_assert_cmpuint (counts->updated, ==, 1);
  g_assert_cmpuint (counts->unchanged, ==, 4);
  g_assert_cmpstr (kp_employee_get_supervisor_nip (rina), ==, NIP_HEAD);
}

static void
test_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = fixture_path ("bad-sex.csv");
  g_autofree char *good = fixture_path ("pegawai-valid.csv");
  g_autofree char *before = checkpoint (f->db);
  g_autofree char *after = NULL;
  g_autoptr(KpEmployeeImport) refused = import_file (f->db, bad, TRUE);
  g_autoptr(KpEmployeeImport) accepted = NULL;
  const KpImportCounts *counts = kp_employee_import_get_counts (refused);
  g_autofree char *errors = problem_list (refused, FALSE);

  /* The counts say why nothing was written. */
  g_assert_cmpuint (counts->read, ==, 2);
  g_assert_cmpuint (counts->rejected, ==, 1);
  g_assert_cmpuint (counts->created, ==, 0);
  g_assert_cmpuint (counts->units_created, ==, 0);
  g_assert_cmpstr (errors, ==, "3:jenis_kelamin");
  g_assert_cmpuint (n_employees (f->db), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (f->db)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_positions (f->db)), ==, 0);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);

  /* A clean file goes in whole. */
  accepted = import_file (f->db, good, TRUE);
  g_assert_cmpuint (kp_employee_import_get_counts (accepted)->created, ==, 5);
  g_assert_cmpuint (n_employees (f->db), ==, 5);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, GString *log)
{
  g_string_append_printf (log, "(%u,%u,%u)", position, removed, added);
}

static void
on_progress (double fraction, gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_store_follows (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("pegawai-valid.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KpEmployeeImport) import = kp_employee_import_new (f->db, file);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GListModel *employees = kp_database_get_employees (f->db);
  double analysed = 0.0, applied = 0.0;

  g_signal_connect (employees, "items-changed", G_CALLBACK (on_items_changed), log);
  g_assert_true (kp_employee_import_analyze (import, NULL, on_progress, &analysed, &error));
  g_assert_no_error (error);
  /* Analysing writes nothing. */
  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpuint (n_audit_events (f->db), ==, KP_SCHEMA_VERSION);

  g_assert_true (kp_employee_import_apply (import, FALSE, NULL, on_progress, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (applied, ==, 1.0);
  /* One items-changed for the whole file. */
  g_assert_cmpstr (log->str, ==, "(0,0,5)");
  g_assert_cmpuint (g_list_model_get_n_items (employees), ==, 5);
  g_signal_handlers_disconnect_by_func (employees, on_items_changed, log);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("pegawai-valid.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KpEmployeeImport) import = kp_employee_import_new (f->db, file);
  g_autoptr(KpEmployeeImport) early = kp_employee_import_new (f->db, file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checkpoint (f->db);
  g_autofree char *after = NULL;

  g_assert_true (kp_employee_import_analyze (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (kp_employee_import_apply (import, FALSE, cancellable, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (kp_employee_import_get_counts (import)->created, ==, 0);

  /* Cancelled while analysing: also a cancellation, not a file error. */
  g_assert_false (kp_employee_import_analyze (early, cancellable, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CANCELLED);

  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_employees (f->db), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (f->db)), ==, 0);
}

/* ---- files that are not a register ------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *fixture;   /* a committed fixture, or NULL: @contents written into a temp file */
  const char *contents;
  gssize length;
  gboolean open_fails;   /* refused when the header is read (else when the rows are) */
} FatalCase;

static const char header_line[] =
  "nip,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,golongan,jabatan,"
  "jenis_jabatan,unit_kerja,nip_atasan,email,telepon\n";

static const FatalCase fatal_cases[] = {
  { "missing", NULL, NULL, -1, TRUE },
  { "empty", NULL, "", 0, TRUE },
  { "only-bom", NULL, "\xef\xbb\xbf", 3, TRUE },
  /* The start of an .xlsx (a zip): binary. */
  { "binary", NULL, "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00nip,nama", 22, TRUE },
  { "utf16", NULL, "\xff\xfen\x00i\x00p\x00\n\x00", 10, TRUE },
  { "latin1-header", NULL, "nip,nama,jenis_kelamin,tanggal_lahir,golongan,jabatan,jenis_jabatan,"
                           "unit_kerja,t\xe9l\xe9phone\n", -1, TRUE },
  /* Latin-1 "José" in the second record: found while the rows are read, before any write. */
  { "latin1-row", NULL,
    "nip,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,golongan,jabatan,"
    "jenis_jabatan,unit_kerja,nip_atasan,email,telepon\n"
    NIP_HEAD ",Bambang Purnomo,L,Kalianda,1966-02-04,S2,IV/c,Kepala,JPT Pratama,Dinas Kesehatan,,,\n"
    NIP_AHMAD ",Jos\xe9 Fauzi,L,Kalianda,1986-08-14,S1,III/c,Analis,Pelaksana,Dinas Kesehatan,,,\n",
    -1, FALSE },
  { "no-header", "bad-no-header.csv", NULL, -1, TRUE },
  { "text", NULL, "Dear colleagues,\nplease find the register attached.\n", -1, TRUE },
  { "lacks-columns", NULL, "nip,nama\n" NIP_HEAD ",Bambang Purnomo\n", -1, TRUE },
  { "unterminated-quote", "bad-unterminated-quote.csv", NULL, -1, FALSE },
};

static void
test_fatal (Fixture *f, gconstpointer data)
{
  const FatalCase *c = data;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KpEmployeeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gboolean opened;

  /* Something in the register already: it must stay as it was. */
  {
    g_autofree char *valid = fixture_path ("pegawai-valid.csv");
    g_autoptr(KpEmployeeImport) setup = import_file (f->db, valid, FALSE);
  }
  before = checkpoint (f->db);

  if (c->fixture != NULL)
    path = fixture_path (c->fixture);
  else
    {
      path = g_build_filename (f->dir, "pegawai.csv", NULL);
      if (c->contents != NULL)
        {
          g_assert_true (g_file_set_contents (path, c->contents, c->length, &error));
          g_assert_no_error (error);
        }
    }
  base = g_path_get_basename (path);
  file = g_file_new_for_path (path);
  import = kp_employee_import_new (f->db, file);

  /* A header is judged once the file is open, so a window can offer to remap its columns. */
  opened = kp_employee_import_open (import, &error) &&
           kp_employee_import_check_mapping (import, &error);
  g_assert_cmpint (opened, ==, !c->open_fails);
  if (!opened)
    {
      g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE);
      g_test_message ("%s: %s", c->name, error->message);
      /* The message names the file. */
      g_assert_nonnull (strstr (error->message, base));
      g_clear_error (&error);
    }

  g_assert_false (kp_employee_import_analyze (import, NULL, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE);
  g_test_message ("%s: %s", c->name, error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_clear_error (&error);

  g_assert_false (kp_employee_import_apply (import, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE);
  g_clear_error (&error);

  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_employees (f->db), ==, 5);
  assert_audit_intact (f->db);
}

static void
test_unterminated_quote_line (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("bad-unterminated-quote.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KpEmployeeImport) import = kp_employee_import_new (f->db, file);
  g_autoptr(GError) error = NULL;

  g_assert_false (kp_employee_import_analyze (import, NULL, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE);
  /* The quote opens on line 3: that is where the user must look. */
  g_assert_nonnull (strstr (error->message, " 3"));
  g_assert_cmpuint (n_employees (f->db), ==, 0);
}

/* ---- the rejects report ----------------------------------------------------------------------- */

static void
test_problems_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("quirk-quoted.csv");
  g_autofree char *out = g_build_filename (f->dir, "rejects.csv", NULL);
  g_autofree char *warnings_out = g_build_filename (f->dir, "warnings.csv", NULL);
  g_autoptr(KpEmployeeImport) import = import_file (f->db, path, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (kp_import_problems_write_csv (kp_employee_import_get_problems (import), FALSE,
                                               out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "line,column,value,reason");
  g_assert_true (g_str_has_prefix (lines[1], "8,golongan,V/z,"));
  g_assert_true (g_str_has_prefix (lines[2], "9,nip,19920315201801200,"));
  g_assert_true (g_str_has_prefix (lines[3], "11,jenis_kelamin,X,"));
  g_assert_cmpstr (lines[4], ==, "");

  /* No warnings: just the header. */
  g_clear_pointer (&contents, g_free);
  g_assert_true (kp_import_problems_write_csv (kp_employee_import_get_problems (import), TRUE,
                                               warnings_out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (warnings_out, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "line,column,value,reason\n");
}

/* ---- export and re-import --------------------------------------------------------------------- */

static char *
export_to (KpDatabase *db, const char *dir, const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (kp_employee_export_csv (db, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Exports @db, imports the export into a fresh database and exports that: the two exports are
 * the same bytes; and the export imported into @db changes nothing. */
static void
assert_round_trip (KpDatabase *db, const char *dir, guint n)
{
  g_autofree char *first = export_to (db, dir, "export-1.csv");
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(KpDatabase) fresh = open_db (fresh_path);
  g_autoptr(KpEmployeeImport) into_fresh = import_file (fresh, first, TRUE);
  g_autofree char *second = export_to (fresh, dir, "export-2.csv");
  g_autofree char *first_sha = file_sha256 (first);
  g_autofree char *second_sha = file_sha256 (second);
  g_autofree char *before = checkpoint (db);
  g_autofree char *after = NULL;
  g_autoptr(KpEmployeeImport) into_same = NULL;
  g_autofree char *contents = NULL;
  const KpImportCounts *counts;

  g_assert_true (g_file_get_contents (first, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, header_line));

  counts = kp_employee_import_get_counts (into_fresh);
  g_assert_cmpuint (counts->created, ==, n);
  g_assert_cmpuint (counts->rejected, ==, 0);
  g_assert_cmpuint (counts->warnings, ==, 0);
  g_assert_cmpstr (second_sha, ==, first_sha);

  into_same = import_file (db, first, FALSE);
  counts = kp_employee_import_get_counts (into_same);
  g_assert_cmpuint (counts->read, ==, n);
  g_assert_cmpuint (counts->created, ==, 0);
  g_assert_cmpuint (counts->updated, ==, 0);
  g_assert_cmpuint (counts->unchanged, ==, n);
  after = checkpoint (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *forward = fixture_path ("quirk-forward-ref.csv");
  g_autoptr(KpEmployeeImport) import = import_file (f->db, forward, FALSE);

  /* Siti stays before her supervisor in the export: the forward reference survives. */
  assert_round_trip (f->db, f->dir, 3);
}

static void
test_round_trip_quoted (Fixture *f, gconstpointer data)
{
  g_autofree char *quoted = fixture_path ("quirk-quoted.csv");
  g_autoptr(KpEmployeeImport) import = import_file (f->db, quoted, FALSE);

  /* Commas, doubled quotes, values that were spread over several lines. */
  assert_round_trip (f->db, f->dir, 4);
}

/* ---- a realistic file from gen_data.py --------------------------------------------------------- */

static GArray *
manifest_bad_lines (const char *manifest, guint64 *n_rows)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  JsonObject *root;
  JsonArray *bad;

  g_assert_true (json_parser_load_from_file (parser, manifest, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  *n_rows = json_object_get_int_member (root, "pegawai");
  bad = json_object_get_array_member (root, "bad_rows");
  for (guint i = 0; i < json_array_get_length (bad); i++)
    {
      JsonObject *row = json_array_get_object_element (bad, i);
      guint64 line;

      if (g_strcmp0 (json_object_get_string_member (row, "file"), "pegawai.csv") != 0)
        continue;
      line = json_object_get_int_member (row, "line");
      g_array_append_val (lines, line);
    }
  return lines;
}

static void
test_gen_data (Fixture *f, gconstpointer data)
{
  g_autofree char *script = gen_data_script ();
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployeeImport) import = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GString) want = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);
  GPtrArray *problems;
  const KpImportCounts *counts;
  guint64 n_rows = 0, last = 0;
  int status;

  if (script == NULL)
    {
      g_test_skip ("needs " PYTHON " and ../shared/tools/gen_data.py (KOMPETEN_SOURCE_ROOT)");
      return;
    }
  out = g_build_filename (f->dir, "data", NULL);
  {
    const char *argv[] = { PYTHON, script, "--out", out, "--employees", "300", "--dirty", "0.1",
                           "--seed", "7", "--delimiter", ";", "--crlf", "--bom", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("gen_data.py failed: %s", err);
  }
  csv = g_build_filename (out, "pegawai.csv", NULL);
  manifest = g_build_filename (out, "manifest.json", NULL);
  expected = manifest_bad_lines (manifest, &n_rows);
  g_assert_cmpuint (n_rows, ==, 300);
  g_assert_cmpuint (expected->len, >, 10);

  import = import_file (f->db, csv, FALSE);
  counts = kp_employee_import_get_counts (import);
  g_assert_cmpint (kp_employee_import_get_delimiter (import), ==, ';');
  g_assert_cmpuint (counts->read, ==, n_rows);
  g_assert_cmpuint (counts->rejected, ==, expected->len);
  g_assert_cmpuint (counts->created, ==, n_rows - expected->len);

  for (guint i = 0; i < expected->len; i++)
    g_string_append_printf (want, "%" G_GUINT64_FORMAT " ", g_array_index (expected, guint64, i));
  problems = kp_employee_import_get_problems (import);
  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->warning || problem->line == last)
        continue;
      last = problem->line;
      g_string_append_printf (got, "%" G_GUINT64_FORMAT " ", problem->line);
    }
  g_assert_cmpstr (got->str, ==, want->str);

  assert_round_trip (f->db, f->dir, n_rows - expected->len);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (import_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/file/%s", import_cases[i].name);

      g_test_add (path, Fixture, &import_cases[i], fixture_set_up, test_import_case,
                  fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fatal_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/fatal/%s", fatal_cases[i].name);

      g_test_add (path, Fixture, &fatal_cases[i], fixture_set_up, test_fatal, fixture_tear_down);
    }
  g_test_add ("/import/fatal/unterminated-quote-line", Fixture, NULL, fixture_set_up,
              test_unterminated_quote_line, fixture_tear_down);
  g_test_add ("/import/changed-row", Fixture, NULL, fixture_set_up, test_changed_row,
              fixture_tear_down);
  g_test_add ("/import/changed-supervisor", Fixture, NULL, fixture_set_up,
              test_changed_supervisor, fixture_tear_down);
  g_test_add ("/import/all-or-nothing", Fixture, NULL, fixture_set_up, test_all_or_nothing,
              fixture_tear_down);
  g_test_add ("/import/store-follows", Fixture, NULL, fixture_set_up, test_store_follows,
              fixture_tear_down);
  g_test_add ("/import/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/import/problems-csv", Fixture, NULL, fixture_set_up, test_problems_csv,
              fixture_tear_down);
  g_test_add ("/import/round-trip/forward-ref", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/import/round-trip/quoted", Fixture, NULL, fixture_set_up, test_round_trip_quoted,
              fixture_tear_down);
  g_test_add ("/import/gen-data", Fixture, NULL, fixture_set_up, test_gen_data,
              fixture_tear_down);

  return g_test_run ();
}
