/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-applicants.c: the registrants of a selection (see kp-applicants.h).
 *
 * The import is one streamed pass in one transaction. What it must remember across rows
 * (which registration numbers the file already gave) is never a hash of every row: into a
 * selection without registrants, a number given twice is a conflict on the applicant table's
 * own unique key; into one that has some (a re-import), the numbers seen go to a TEMP table
 * with a unique key, which SQLite keeps in a temporary file behind a bounded page cache. Either
 * way a million-row file takes the memory of a thousand-row one. The same NIK registered
 * twice is found through the applicant table's own (selection_id, nik) index. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-applicants.h"
#include "kompeten/kp-core.h"
#include "kompeten/kp-formasi.h"
#include "kp-csv-reader-private.h"
#include "kp-database-private.h"
#include "kp-employee-private.h"
#include "kp-formasi-private.h"
#include "kp-recruitment-private.h"

/* The required columns first (the header reader wants them so), then the optional ones. */
enum {
  COL_REG_NO,
  COL_NIK,
  COL_NAME,
  COL_SEX,
  COL_BIRTH_DATE,
  COL_EDUCATION,
  COL_GRADE,
  COL_FORMASI,
  N_REQUIRED,
  COL_PROGRAMME = N_REQUIRED,
  COL_BIRTH_PLACE,
  COL_EMAIL,
  COL_PHONE,
  COL_ADDRESS,
  N_COLS
};

static const char *const column_names[N_COLS][8] = {
  { "no peserta", "nomor peserta", "no pendaftaran", "nomor pendaftaran", "registration number",
    "reg no", NULL },
  { "nik", "no nik", "nomor induk kependudukan", "no ktp", "national id", NULL },
  { "nama", "nama lengkap", "nama pelamar", "name", "full name", NULL },
  { "jenis kelamin", "jk", "kelamin", "sex", "gender", NULL },
  { "tanggal lahir", "tgl lahir", "birth date", "date of birth", NULL },
  { "pendidikan", "jenjang pendidikan", "pendidikan terakhir", "education", NULL },
  { "ipk", "nilai", "nilai rata rata", "ipk nilai", "grade", "gpa", NULL },
  { "kode formasi", "formasi", "formation code", "formasi code", NULL },
  { "program studi", "prodi", "jurusan", "study programme", "study program", NULL },
  { "tempat lahir", "tmp lahir", "birth place", "place of birth", NULL },
  { "email", "e mail", "surel", NULL },
  { "telepon", "telp", "no hp", "hp", "phone", NULL },
  { "alamat", "alamat lengkap", "address", NULL },
};

#define MAX_TEXT 200
#define MAX_ADDRESS 1000
#define MAX_REG_NO 64
/* CPNS registrants must be 18 to 35 when they register (PP 11/2017 art. 23); for other
 * selections only the lower bound is checked. Outside: a warning for the verifiers. */
#define MIN_AGE 18
#define MAX_AGE_CPNS 35

void
kp_applicant_free (KpApplicant *applicant)
{
  if (applicant == NULL)
    return;
  g_free (applicant->reg_no);
  g_free (applicant->nik);
  g_free (applicant->name);
  g_free (applicant->sex);
  g_free (applicant->formasi_code);
  g_free (applicant->education);
  g_free (applicant->study_programme);
  g_free (applicant->warnings);
  g_free (applicant->birth_place);
  g_free (applicant->birth_date);
  g_free (applicant->email);
  g_free (applicant->phone);
  g_free (applicant->address);
  g_free (applicant);
}

/* ---- the import ------------------------------------------------------------------------- */

typedef struct {
  gint64 id;
  char *education;
  char *programme;
  const char *first_level; /* of the formasi's education, for a registrant with an unknown one */
} FormasiInfo;

static void
formasi_info_free (FormasiInfo *info)
{
  g_free (info->education);
  g_free (info->programme);
  g_free (info);
}

/* The selection's formasi by code: bounded by the vacancies, not by the registrants. */
static GHashTable *
load_formasi (KpDb *kdb, gint64 selection_id, GError **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) formasi_info_free);
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT id, code, education, study_programme FROM formasi "
                                 "WHERE selection_id = ?",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      FormasiInfo *info = g_new0 (FormasiInfo, 1);
      g_auto(GStrv) parts = NULL;

      info->id = _kp_stmt_get_int64 (stmt, 0);
      info->education = g_strdup (_kp_stmt_get_text (stmt, 2));
      info->programme = g_strdup (_kp_stmt_get_text (stmt, 3));
      parts = g_strsplit_set (info->education, "/,", 2);
      info->first_level = kp_education_level (parts[0]);
      g_hash_table_insert (table, g_strdup (_kp_stmt_get_text (stmt, 1)), info);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&table);
}

/* @text itself when it needs no squashing (the common case: no allocation), else a squashed
 * copy kept in @owned until the row is done. */
static const char *
clean_text (const char *text, GPtrArray *owned)
{
  const char *p = text;
  char *squashed;

  if (*p == ' ')
    goto squash;
  for (; *p != '\0'; p++)
    if ((guchar) *p >= 0x80 || *p == '\t' || *p == '\n' || *p == '\r' ||
        (*p == ' ' && (p[1] == ' ' || p[1] == '\0')))
      goto squash;
  return text;

squash:
  squashed = kp_text_squash (text);
  g_ptr_array_add (owned, squashed);
  return squashed;
}

/* Whether @text has more than @max characters (counted only when its bytes could be). */
static gboolean
too_long (const char *text, glong max)
{
  return strlen (text) > (gsize) max && g_utf8_strlen (text, -1) > max;
}

/* "3.45", "3,45" (decimal comma), "87", "87.5" → × 100; FALSE when not such a number. */
static gboolean
parse_grade (const char *text, gint64 *x100)
{
  gint64 whole = 0, cents = 0;
  int digits = 0, decimals = 0;
  const char *p = text;

  for (; g_ascii_isdigit (*p) && digits < 6; p++, digits++)
    whole = whole * 10 + (*p - '0');
  if (digits == 0)
    return FALSE;
  if (*p == '.' || *p == ',')
    for (p++; g_ascii_isdigit (*p); p++, decimals++)
      {
        /* A third decimal is below what a grade means; it must still be a digit. */
        if (decimals < 2)
          cents = cents * 10 + (*p - '0');
      }
  if (*p != '\0')
    return FALSE;
  if (decimals == 1)
    cents *= 10;
  *x100 = whole * 100 + cents;
  return TRUE;
}

typedef struct {
  KpDatabase *db;
  KpDb *kdb;
  gint64 selection_id;
  gboolean cpns;
  GDate today;
  GHashTable *formasi;
  char **header;
  int columns[N_COLS];
  guint n_header;
  GPtrArray *problems;
  KpImportCounts counts;
  guint64 changed;
  /* The selection had no registrants before: a registration number seen twice is then a
   * conflict on the applicant table's own unique key, and the TEMP table is not needed. */
  gboolean fresh;
  GPtrArray *owned;       /* this row's squashed texts */
  GString *warnings;      /* this row's warnings, one per line */
} Import;

static void
add_problem (Import *im, guint64 line, int col, const char *value, const char *reason,
             gboolean warning)
{
  g_autofree char *masked = NULL;

  /* The NIK is personal data: the rejects and warnings files show it masked too (the line
   * number says which row to fix). */
  if (col == COL_NIK)
    value = masked = kp_nik_mask (value);
  g_ptr_array_add (im->problems,
                   _kp_import_problem_new (line, col >= 0 ? im->header[im->columns[col]] : "",
                                           value, reason, warning));
}

static void
add_warning (Import *im, guint64 line, int col, const char *value, const char *reason)
{
  add_problem (im, line, col, value, reason, TRUE);
  if (im->warnings->len > 0)
    g_string_append_c (im->warnings, '\n');
  g_string_append (im->warnings, reason);
}

/* Whether the reg. no. is new to this file, remembering it with its line; otherwise the line
 * that gave it first goes to @first_line. */
static gboolean
remember_reg_no (Import *im, const char *reg_no, guint64 line, guint64 *first_line,
                 gboolean *is_new, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (im->kdb,
                                 "INSERT INTO temp.kp_applicant_seen (reg_no, line) "
                                 "VALUES (?, ?) ON CONFLICT DO NOTHING",
                                 error);

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text_static (stmt, 1, reg_no);
  _kp_stmt_bind_int64 (stmt, 2, (gint64) line);
  if (!_kp_stmt_run (stmt, error))
    return FALSE;
  *is_new = _kp_db_changes (im->kdb) > 0;
  if (*is_new)
    return TRUE;
  stmt = _kp_db_prepare (im->kdb, "SELECT line FROM temp.kp_applicant_seen WHERE reg_no = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text_static (stmt, 1, reg_no);
  *first_line = _kp_stmt_step (stmt, error) == KP_STEP_ROW ? (guint64) _kp_stmt_get_int64 (stmt, 0)
                                                           : 0;
  _kp_stmt_reset (stmt);
  return TRUE;
}

/* Writes one accepted row: a new reg. no. is inserted, a known one updated only when a field
 * differs. The NIK counts as a duplicate when an applicant entered before this one (a smaller
 * id) has it, so a re-import flags the same rows as the first import did. */
static gboolean
write_row (Import *im, const char *const text[N_COLS], const char *birth_date, const char *sex,
           gint64 formasi_id, gint64 grade_x100, gboolean mismatch, gboolean *duplicate,
           GError **error)
{
  KpStmt *stmt = im->fresh ? _kp_db_prepare (
    im->kdb,
    "INSERT INTO applicant (selection_id, reg_no, nik, name, sex, birth_place, birth_date, "
    "education, study_programme, grade_x100, formasi_id, email, phone, address, "
    "education_mismatch, warnings, duplicate_nik) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
    "EXISTS (SELECT 1 FROM applicant d WHERE d.selection_id = ?1 AND d.nik = ?3)) "
    "ON CONFLICT (selection_id, reg_no) DO NOTHING",
    error) : _kp_db_prepare (
    im->kdb,
    "INSERT INTO applicant (selection_id, reg_no, nik, name, sex, birth_place, birth_date, "
    "education, study_programme, grade_x100, formasi_id, email, phone, address, "
    "education_mismatch, warnings, duplicate_nik) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
    "EXISTS (SELECT 1 FROM applicant d WHERE d.selection_id = ?1 AND d.nik = ?3 AND d.id < "
    "coalesce ((SELECT s.id FROM applicant s WHERE s.selection_id = ?1 AND s.reg_no = ?2), "
    "9223372036854775807))) "
    "ON CONFLICT (selection_id, reg_no) DO UPDATE SET nik = excluded.nik, name = excluded.name, "
    "sex = excluded.sex, birth_place = excluded.birth_place, birth_date = excluded.birth_date, "
    "education = excluded.education, study_programme = excluded.study_programme, "
    "grade_x100 = excluded.grade_x100, formasi_id = excluded.formasi_id, "
    "email = excluded.email, phone = excluded.phone, address = excluded.address, "
    "education_mismatch = excluded.education_mismatch, warnings = excluded.warnings, "
    "duplicate_nik = excluded.duplicate_nik "
    "WHERE nik <> excluded.nik OR name <> excluded.name OR sex <> excluded.sex "
    "OR birth_place <> excluded.birth_place OR birth_date <> excluded.birth_date "
    "OR education <> excluded.education OR study_programme <> excluded.study_programme "
    "OR grade_x100 <> excluded.grade_x100 OR formasi_id <> excluded.formasi_id "
    "OR email <> excluded.email OR phone <> excluded.phone OR address <> excluded.address "
    "OR education_mismatch <> excluded.education_mismatch OR warnings <> excluded.warnings "
    "OR duplicate_nik <> excluded.duplicate_nik",
    error);

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, im->selection_id);
  _kp_stmt_bind_text_static (stmt, 2, text[COL_REG_NO]);
  _kp_stmt_bind_text_static (stmt, 3, text[COL_NIK]);
  _kp_stmt_bind_text_static (stmt, 4, text[COL_NAME]);
  _kp_stmt_bind_text_static (stmt, 5, sex);
  _kp_stmt_bind_text_static (stmt, 6, text[COL_BIRTH_PLACE]);
  _kp_stmt_bind_text_static (stmt, 7, birth_date);
  _kp_stmt_bind_text_static (stmt, 8, text[COL_EDUCATION]);
  _kp_stmt_bind_text_static (stmt, 9, text[COL_PROGRAMME]);
  _kp_stmt_bind_int64 (stmt, 10, grade_x100);
  _kp_stmt_bind_int64 (stmt, 11, formasi_id);
  _kp_stmt_bind_text_static (stmt, 12, text[COL_EMAIL]);
  _kp_stmt_bind_text_static (stmt, 13, text[COL_PHONE]);
  _kp_stmt_bind_text_static (stmt, 14, text[COL_ADDRESS]);
  _kp_stmt_bind_int64 (stmt, 15, mismatch ? 1 : 0);
  _kp_stmt_bind_text_static (stmt, 16, im->warnings->str);
  if (!_kp_stmt_run (stmt, error))
    return FALSE;
  if (_kp_db_changes (im->kdb) > 0)
    im->changed++;
  else
    *duplicate = im->fresh;
  return TRUE;
}

/* Checks one record and writes it when good. FALSE only on a database error. */
static gboolean
import_record (Import *im, const KpCsvRecord *record, GError **error)
{
  const char *text[N_COLS];
  const guint64 line = record->line;
  const FormasiInfo *formasi;
  const char *level;
  const char *sex;
  GError *local_error = NULL;
  KpNik nik;
  GDate birth;
  char birth_iso[11];
  gint64 grade = 0;
  gboolean ok = TRUE;
  gboolean duplicate = FALSE;
  guint n_problems;

  im->counts.read++;
  if (record->n_fields != im->n_header)
    {
      g_autofree char *reason = _kp_csv_width_reason (record->n_fields, im->n_header);

      add_problem (im, line, -1, "", reason, FALSE);
      im->counts.rejected++;
      return TRUE;
    }
  g_ptr_array_set_size (im->owned, 0);
  g_string_truncate (im->warnings, 0);
  for (int col = 0; col < N_COLS; col++)
    text[col] = im->columns[col] >= 0 ? clean_text (record->fields[im->columns[col]], im->owned)
                                      : "";

#define REFUSE(col, reason)                                                                    \
  G_STMT_START {                                                                               \
    add_problem (im, line, col, text[col], reason, FALSE);                                     \
    ok = FALSE;                                                                                \
  } G_STMT_END

  if (*text[COL_REG_NO] == '\0' || strlen (text[COL_REG_NO]) > MAX_REG_NO)
    REFUSE (COL_REG_NO, _("The registration number is empty or longer than 64 characters"));
  if (!kp_nik_parse (text[COL_NIK], &im->today, &nik, &local_error))
    {
      REFUSE (COL_NIK, local_error->message);
      g_clear_error (&local_error);
    }
  if (*text[COL_NAME] == '\0' || too_long (text[COL_NAME], MAX_TEXT))
    REFUSE (COL_NAME, _("The name is empty or longer than 200 characters"));
  sex = kp_sex_to_code (kp_sex_parse (text[COL_SEX]));
  if (sex == NULL)
    REFUSE (COL_SEX, _("The sex must be L or P"));
  if (!kp_date_parse (text[COL_BIRTH_DATE], KP_DATE_FORMAT_ANY, &birth, NULL, &local_error) ||
      !kp_birth_date_check (&birth, &im->today, &local_error))
    {
      REFUSE (COL_BIRTH_DATE, local_error->message);
      g_clear_error (&local_error);
      g_date_clear (&birth, 1);
    }
  formasi = g_hash_table_lookup (im->formasi, text[COL_FORMASI]);
  if (formasi == NULL)
    REFUSE (COL_FORMASI, _("There is no formasi with this code in the selection"));

  /* The grade's scale follows the registrant's education, or the formasi's when the
   * registrant's is not recognised (the mismatch is flagged anyway). */
  level = kp_education_level (text[COL_EDUCATION]);
  if (formasi != NULL || level != NULL)
    {
      const char *scale = level != NULL ? level : formasi->first_level;
      gboolean school = _kp_education_level_is_school (scale);

      if (!parse_grade (text[COL_GRADE], &grade) || grade > (school ? 10000 : 400))
        REFUSE (COL_GRADE, school ? _("The school average must be a number from 0 to 100")
                                  : _("The IPK must be a number from 0.00 to 4.00"));
    }
  if (too_long (text[COL_BIRTH_PLACE], MAX_TEXT) || too_long (text[COL_EDUCATION], MAX_TEXT) ||
      too_long (text[COL_PROGRAMME], MAX_TEXT) || too_long (text[COL_EMAIL], MAX_TEXT) ||
      too_long (text[COL_PHONE], MAX_TEXT))
    {
      add_problem (im, line, -1, "", _("A field is longer than 200 characters"), FALSE);
      ok = FALSE;
    }
  if (too_long (text[COL_ADDRESS], MAX_ADDRESS))
    REFUSE (COL_ADDRESS, _("The address is longer than 1000 characters"));

  if (ok)
    {
      guint64 first_line = 0;
      gboolean is_new = TRUE;

      if (!im->fresh &&
          !remember_reg_no (im, text[COL_REG_NO], line, &first_line, &is_new, error))
        return FALSE;
      if (!is_new)
        {
          g_autofree char *reason =
            g_strdup_printf (_("This registration number already appears on line %" PRIu64
                               " (the first one is kept)"),
                             first_line);
          REFUSE (COL_REG_NO, reason);
        }
    }
#undef REFUSE
  if (!ok)
    {
      im->counts.rejected++;
      return TRUE;
    }

  n_problems = im->problems->len;
  {
    KpNikWarnings w = kp_nik_check (&nik, &birth, kp_sex_parse (sex));
    int age = g_date_get_year (&im->today) - g_date_get_year (&birth);

    if (g_date_get_month (&im->today) < g_date_get_month (&birth) ||
        (g_date_get_month (&im->today) == g_date_get_month (&birth) &&
         g_date_get_day (&im->today) < g_date_get_day (&birth)))
      age--;
    if (w & KP_NIK_WARNING_DATE_INVALID)
      add_warning (im, line, COL_NIK, text[COL_NIK], _("The NIK's date part is not a date"));
    if (w & KP_NIK_WARNING_DATE_MISMATCH)
      add_warning (im, line, COL_NIK, text[COL_NIK],
                   _("The NIK's date part differs from the birth date"));
    if (w & KP_NIK_WARNING_SEX_MISMATCH)
      add_warning (im, line, COL_NIK, text[COL_NIK],
                   _("The NIK says the other sex (40 is added to the day for women)"));
    if (age < MIN_AGE || (im->cpns && age > MAX_AGE_CPNS))
      {
        g_autofree char *reason =
          im->cpns ? g_strdup_printf (_("Aged %d: CPNS registrants must be 18 to 35"), age)
                   : g_strdup_printf (_("Aged %d: registrants must be at least 18"), age);
        add_warning (im, line, COL_BIRTH_DATE, text[COL_BIRTH_DATE], reason);
      }
  }

  kp_date_to_iso (&birth, birth_iso);
  if (!write_row (im, text, birth_iso, sex, formasi->id, grade,
                  !_kp_formasi_education_fits (formasi->education, formasi->programme, level,
                                               text[COL_PROGRAMME]),
                  &duplicate, error))
    return FALSE;
  if (duplicate)
    {
      /* Refused after all: its warnings are noise beside the reason. */
      g_ptr_array_set_size (im->problems, n_problems);
      add_problem (im, line, COL_REG_NO, text[COL_REG_NO],
                   _("This registration number already appears earlier in the file (the first "
                     "one is kept)"),
                   FALSE);
      im->counts.rejected++;
    }
  return TRUE;
}

static gboolean
selection_is_cpns (KpDb *kdb, gint64 selection_id, gboolean *cpns, GError **error)
{
  gint64 is_cpns = 0;
  gboolean done = _kp_recruitment_query_int (kdb, "SELECT type = 'cpns' FROM selection WHERE id = ?",
                                             selection_id, &is_cpns, error);

  *cpns = is_cpns != 0;
  return done;
}

static gint64
count_applicants (KpDb *kdb, gint64 selection_id, gint64 formasi_id, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT count (*) FROM applicant WHERE selection_id = ?1 "
                                 "AND (?2 = 0 OR formasi_id = ?2)",
                                 error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  _kp_stmt_bind_int64 (stmt, 2, formasi_id);
  if (_kp_stmt_step (stmt, error) == KP_STEP_ROW)
    n = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  return n;
}

/* Reads the file inside the open transaction; FALSE on a file or database error. */
static gboolean
import_file (Import *im, KpCsvReader *reader, GCancellable *cancellable,
             KpProgressFunc progress, gpointer user_data, GError **error)
{
  const KpCsvRecord *record;
  GError *local_error = NULL;

  while ((record = _kp_csv_reader_next (reader, &local_error)) != NULL)
    {
      if (_kp_formasi_record_is_blank (record))
        continue;
      if (!import_record (im, record, error))
        return FALSE;
      if (im->counts.read % 4096 == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CANCELLED,
                           _("The import was cancelled: nothing was written."));
              return FALSE;
            }
          if (progress != NULL)
            progress (_kp_csv_reader_get_fraction (reader) * 0.98, user_data);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static void
restore_cache_size (KpDb   *kdb,
                    gint64  cache_size)
{
  g_autofree char *sql = NULL;

  if (cache_size == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" PRId64, cache_size);
  _kp_db_exec (kdb, sql, NULL);
}

gboolean
kp_applicant_import (KpDatabase *db, gint64 selection_id, GFile *file, gboolean all_or_nothing,
                     GCancellable *cancellable, KpProgressFunc progress, gpointer user_data,
                     KpImportCounts *counts, GPtrArray **problems_out, GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _kp_import_problem_free);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) formasi = NULL;
  g_autoptr(GString) warnings = g_string_new (NULL);
  g_autofree char *display_name = NULL;
  g_auto(GStrv) header = NULL;
  GError *local_error = NULL;
  Import im = { 0 };
  gint64 before = 0, after = 0;
  gint64 cache_size;
  guint n_header;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  im.db = db;
  im.kdb = _kp_database_get_db (db);
  im.selection_id = selection_id;
  if (!_kp_selection_check_exists (im.kdb, selection_id, error))
    return FALSE;
  display_name = g_file_get_basename (file);
  reader = _kp_csv_reader_open (file, cancellable, error);
  if (reader == NULL)
    return FALSE;
  n_header = _kp_csv_reader_read_header (reader, display_name, &column_names[0][0],
                                         G_N_ELEMENTS (column_names[0]), N_COLS, N_REQUIRED,
                                         "no_peserta, nik, nama, jenis_kelamin, tanggal_lahir, "
                                         "pendidikan, ipk, kode_formasi",
                                         im.columns, &header, error);
  if (n_header == 0)
    return FALSE;

  im.n_header = n_header;
  im.header = header;
  im.problems = problems;
  im.owned = owned;
  im.warnings = warnings;
  _kp_today (&im.today);

  /* A bulk import inserts at random places in two indexes: beyond the usual 16 MB page cache
   * they spill to the WAL and are read back (a third of the time at 1,000,000 rows). A larger
   * cap for the import's duration only: memory still stays flat, at a bounded 64 MB. */
  cache_size = _kp_db_query_int64 (im.kdb, "PRAGMA cache_size", 0, NULL);
  if (cache_size != 0)
    _kp_db_exec (im.kdb, "PRAGMA cache_size = -65536", NULL);
  if (!_kp_db_begin (im.kdb, error))
    {
      restore_cache_size (im.kdb, cache_size);
      return FALSE;
    }
  if (selection_is_cpns (im.kdb, selection_id, &im.cpns, &local_error) &&
      (formasi = load_formasi (im.kdb, selection_id, &local_error)) != NULL &&
      (before = count_applicants (im.kdb, selection_id, 0, &local_error)) >= 0 &&
      ((im.fresh = before == 0) ||
       _kp_db_exec (im.kdb,
                    "CREATE TEMP TABLE IF NOT EXISTS kp_applicant_seen "
                    "(reg_no TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;"
                    "DELETE FROM temp.kp_applicant_seen;",
                    &local_error)))
    {
      im.formasi = formasi;
      if (import_file (&im, reader, cancellable, progress, user_data, &local_error))
        after = count_applicants (im.kdb, selection_id, 0, &local_error);
    }

  if (local_error == NULL)
    {
      /* Every changed row was either new or updated: the new ones are what the table grew by. */
      im.counts.created = (guint64) (after - before);
      im.counts.updated = im.changed - im.counts.created;
      im.counts.unchanged = im.counts.read - im.counts.rejected - im.changed;
      for (guint i = 0; i < problems->len; i++)
        if (((KpImportProblem *) g_ptr_array_index (problems, i))->warning)
          im.counts.warnings++;
    }
  if (local_error == NULL && all_or_nothing && im.counts.rejected > 0)
    {
      _kp_db_rollback (im.kdb);
      memset (&im.counts.created, 0, sizeof (guint64) * 3);
    }
  else if (local_error == NULL)
    {
      if (im.changed > 0)
        {
          g_autoptr(JsonNode) payload =
            _kp_audit_import_payload (display_name, _kp_csv_reader_get_checksum (reader),
                                      &im.counts, "selection", selection_id,
                                      "warnings", (gint64) im.counts.warnings, NULL);

          _kp_audit_append (db, "import", "applicant", NULL, payload, &local_error);
        }
      if (local_error == NULL)
        _kp_db_commit (im.kdb, &local_error);
    }
  if (local_error != NULL)
    _kp_db_rollback (im.kdb);
  /* Outside the transaction: the temporary table is the import's scratch, not data. */
  _kp_db_exec (im.kdb, "DROP TABLE IF EXISTS temp.kp_applicant_seen", NULL);
  restore_cache_size (im.kdb, cache_size);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  _kp_database_reload (db, 0);
  if (progress != NULL)
    progress (1.0, user_data);
  if (counts != NULL)
    *counts = im.counts;
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return TRUE;
}

/* ---- reading ------------------------------------------------------------------------------ */

#define APPLICANT_COLUMNS                                                                      \
  "a.id, a.selection_id, a.reg_no, a.nik, a.name, a.sex, a.formasi_id, f.code, a.education, "  \
  "a.study_programme, a.grade_x100, a.education_mismatch, a.duplicate_nik, a.warnings "

static KpApplicant *
applicant_from_row (KpStmt *stmt, gboolean full_nik)
{
  KpApplicant *a = g_new0 (KpApplicant, 1);

  a->id = _kp_stmt_get_int64 (stmt, 0);
  a->selection_id = _kp_stmt_get_int64 (stmt, 1);
  a->reg_no = g_strdup (_kp_stmt_get_text (stmt, 2));
  a->nik = full_nik ? g_strdup (_kp_stmt_get_text (stmt, 3))
                    : kp_nik_mask (_kp_stmt_get_text (stmt, 3));
  a->name = g_strdup (_kp_stmt_get_text (stmt, 4));
  a->sex = g_strdup (_kp_stmt_get_text (stmt, 5));
  a->formasi_id = _kp_stmt_get_int64 (stmt, 6);
  a->formasi_code = g_strdup (_kp_stmt_get_text (stmt, 7));
  a->education = g_strdup (_kp_stmt_get_text (stmt, 8));
  a->study_programme = g_strdup (_kp_stmt_get_text (stmt, 9));
  a->grade_x100 = _kp_stmt_get_int64 (stmt, 10);
  a->warnings = g_strdup (_kp_stmt_get_text (stmt, 13));
  if (_kp_stmt_get_int64 (stmt, 11) != 0)
    a->flags |= KP_APPLICANT_FLAG_EDUCATION_MISMATCH;
  if (_kp_stmt_get_int64 (stmt, 12) != 0)
    a->flags |= KP_APPLICANT_FLAG_DUPLICATE_NIK;
  if (*a->warnings != '\0')
    a->flags |= KP_APPLICANT_FLAG_WARNINGS;
  return a;
}

GPtrArray *
kp_applicant_list (KpDatabase *db, gint64 selection_id, gint64 formasi_id,
                   KpApplicantFlags flags, const char *search, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_applicant_free);
  g_autofree char *pattern = NULL;
  GString *escaped;
  KpDb *kdb;
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  kdb = _kp_database_get_db (db);
  if (!_kp_selection_check_exists (kdb, selection_id, error))
    return NULL;
  /* LIKE's own wildcards in the search are meant literally. */
  escaped = g_string_new ("%");
  for (const char *p = search != NULL ? search : ""; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  g_string_append_c (escaped, '%');
  pattern = g_string_free (escaped, FALSE);

  stmt = _kp_db_prepare (kdb,
                         "SELECT " APPLICANT_COLUMNS
                         "FROM applicant a JOIN formasi f ON f.id = a.formasi_id "
                         "WHERE a.selection_id = ?1 AND (?2 = 0 OR a.formasi_id = ?2) "
                         "AND (?3 = 0 OR (?3 & 1 AND a.education_mismatch) "
                         "OR (?3 & 2 AND a.duplicate_nik) OR (?3 & 4 AND a.warnings <> '')) "
                         "AND (a.reg_no LIKE ?4 ESCAPE '\\' OR a.name LIKE ?4 ESCAPE '\\') "
                         "ORDER BY a.reg_no",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  _kp_stmt_bind_int64 (stmt, 2, formasi_id);
  _kp_stmt_bind_int64 (stmt, 3, flags);
  _kp_stmt_bind_text (stmt, 4, pattern);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    g_ptr_array_add (list, applicant_from_row (stmt, FALSE));
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

KpApplicant *
kp_applicant_get_record (KpDatabase *db, gint64 id, GError **error)
{
  KpStmt *stmt;
  KpApplicant *a = NULL;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT " APPLICANT_COLUMNS ", a.birth_place, a.birth_date, a.email, "
                         "a.phone, a.address "
                         "FROM applicant a JOIN formasi f ON f.id = a.formasi_id WHERE a.id = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      a = applicant_from_row (stmt, TRUE);
      a->birth_place = g_strdup (_kp_stmt_get_text (stmt, 14));
      a->birth_date = g_strdup (_kp_stmt_get_text (stmt, 15));
      a->email = g_strdup (_kp_stmt_get_text (stmt, 16));
      a->phone = g_strdup (_kp_stmt_get_text (stmt, 17));
      a->address = g_strdup (_kp_stmt_get_text (stmt, 18));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no registrant with id %" PRId64), id);
  return a;
}

gint64
kp_applicant_count (KpDatabase *db, gint64 selection_id, gint64 formasi_id, GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), -1);
  return count_applicants (_kp_database_get_db (db), selection_id, formasi_id, error);
}
