/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-formasi.c: the vacancies of a selection (see kp-formasi.h). */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-formasi.h"
#include "kp-csv-reader-private.h"
#include "kp-database-private.h"
#include "kp-formasi-private.h"
#include "kp-recruitment-private.h"

/* The formasi columns, in the order of formasi.csv. */
enum {
  COL_CODE,
  COL_TITLE,
  COL_UNIT,
  COL_EDUCATION,
  COL_PROGRAMME,
  COL_KIND,
  COL_QUOTA,
  N_COLS
};

static const char *const column_names[N_COLS][6] = {
  { "kode formasi", "kode", "formasi", "code", "formasi code", NULL },
  { "jabatan", "nama jabatan", "position", "position title", NULL },
  { "unit kerja", "unit", "satuan kerja", "opd", "work unit", NULL },
  { "pendidikan", "jenjang pendidikan", "kualifikasi pendidikan", "education", NULL },
  { "program studi", "prodi", "jurusan", "study programme", "study program", NULL },
  { "jenis formasi", "jenis", "kind", "formasi kind", NULL },
  { "kuota", "jumlah", "alokasi", "quota", NULL },
};

/* The fields as formasi.csv names them: what an error of a single edit names. */
static const char *const field_names[N_COLS] = {
  "kode_formasi", "jabatan", "unit_kerja", "pendidikan", "program_studi", "jenis_formasi", "kuota",
};

/* The kinds of formasi that BKN's allocations use (the cumlaude and disabilitas ones have
 * their own passing grades, DOMAIN.md). */
static const char *const kinds[] = {
  "umum", "cumlaude", "disabilitas", "putra-putri-papua", "diaspora", "daerah-tertinggal", NULL
};

#define MAX_TEXT 200
#define MAX_QUOTA 10000

void
kp_formasi_free (KpFormasi *formasi)
{
  if (formasi == NULL)
    return;
  g_free (formasi->code);
  g_free (formasi->position_title);
  g_free (formasi->unit);
  g_free (formasi->education);
  g_free (formasi->study_programme);
  g_free (formasi->kind);
  g_free (formasi);
}

const char *const *
kp_formasi_kinds (void)
{
  return kinds;
}

const char *
kp_formasi_kind_parse (const char *text)
{
  g_autofree char *folded = NULL;
  GString *key;

  if (text == NULL)
    return NULL;
  folded = kp_text_fold (text);
  /* "Putra/Putri Papua", "putra_putri papua" and "putra-putri-papua" are one kind; "cum laude"
   * is written apart as often as not. */
  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '/' || *p == '-')
        {
          if (key->len > 0 && key->str[key->len - 1] != '-')
            g_string_append_c (key, '-');
        }
      else
        g_string_append_c (key, *p);
    }
  if (g_str_equal (key->str, "cum-laude"))
    g_string_assign (key, "cumlaude");
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (key->str, kinds[i]))
      {
        g_string_free (key, TRUE);
        return kinds[i];
      }
  g_string_free (key, TRUE);
  return NULL;
}

/* ---- education ------------------------------------------------------------------------- */

static const struct {
  const char *level;
  const char *names[8]; /* folded, letters and digits only */
} levels[] = {
  { "SD", { "sd", "mi", "sekolahdasar", NULL } },
  { "SMP", { "smp", "mts", "sltp", NULL } },
  { "SMA", { "sma", "smk", "slta", "ma", "mak", "smasmk", "smasederajat", NULL } },
  { "D1", { "d1", "di", "diploma1", "diplomai", NULL } },
  { "D2", { "d2", "dii", "diploma2", "diplomaii", NULL } },
  { "D3", { "d3", "diii", "diploma3", "diplomaiii", NULL } },
  { "D4", { "d4", "div", "diploma4", "diplomaiv", "sarjanaterapan", NULL } },
  { "S1", { "s1", "sarjana", NULL } },
  { "S2", { "s2", "magister", "master", NULL } },
  { "S3", { "s3", "doktor", "doctor", NULL } },
};

const char *
kp_education_level (const char *text)
{
  g_autofree char *folded = NULL;
  GString *key;
  const char *found = NULL;

  if (text == NULL)
    return NULL;
  /* Most files write the canonical level: no folding for them (the import asks per row). */
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (strcmp (text, levels[i].level) == 0)
      return levels[i].level;
  folded = kp_text_fold (text);
  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, *p);
  for (guint i = 0; found == NULL && i < G_N_ELEMENTS (levels); i++)
    for (guint j = 0; levels[i].names[j] != NULL; j++)
      if (g_str_equal (key->str, levels[i].names[j]))
        {
          found = levels[i].level;
          break;
        }
  g_string_free (key, TRUE);
  return found;
}

gboolean
_kp_education_level_is_school (const char *level)
{
  return g_strcmp0 (level, "SD") == 0 || g_strcmp0 (level, "SMP") == 0 ||
         g_strcmp0 (level, "SMA") == 0;
}

/* Whether every '/'- or ','-separated part of a formasi's education is a known level. */
static gboolean
education_is_known (const char *education)
{
  g_auto(GStrv) parts = g_strsplit_set (education, "/,", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (kp_education_level (parts[i]) == NULL)
      return FALSE;
  return parts[0] != NULL;
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether two programme names are the same, ignoring case, accents and spacing. */
static gboolean
same_programme (const char *a, const char *b)
{
  g_autofree char *folded_a = NULL;
  g_autofree char *folded_b = NULL;

  /* Squashed plain ASCII (what the import hands over nearly always) needs no folding. */
  if (is_ascii (a) && is_ascii (b) && strstr (a, "  ") == NULL && strstr (b, "  ") == NULL &&
      a[0] != ' ' && b[0] != ' ')
    return *a != '\0' && g_ascii_strcasecmp (a, b) == 0;
  folded_a = kp_text_fold (a);
  folded_b = kp_text_fold (b);
  return *folded_a != '\0' && g_str_equal (folded_a, folded_b);
}

gboolean
_kp_formasi_education_fits (const char *formasi_education, const char *formasi_programme,
                            const char *level, const char *programme)
{
  g_auto(GStrv) parts = NULL;
  gboolean fits = FALSE;

  if (level == NULL)
    return FALSE;
  if (strpbrk (formasi_education, "/,") == NULL)
    fits = g_strcmp0 (kp_education_level (formasi_education), level) == 0;
  else
    {
      parts = g_strsplit_set (formasi_education, "/,", -1);
      for (guint i = 0; !fits && parts[i] != NULL; i++)
        fits = g_strcmp0 (kp_education_level (parts[i]), level) == 0;
    }
  if (!fits || formasi_programme == NULL || *formasi_programme == '\0')
    return fits;

  if (programme == NULL)
    programme = "";
  if (strpbrk (formasi_programme, "/;") == NULL)
    return same_programme (formasi_programme, programme);
  {
    g_auto(GStrv) programmes = g_strsplit_set (formasi_programme, "/;", -1);

    fits = FALSE;
    for (guint i = 0; !fits && programmes[i] != NULL; i++)
      {
        g_autofree char *one = kp_text_squash (programmes[i]);

        fits = same_programme (one, programme);
      }
  }
  return fits;
}

gboolean
_kp_formasi_record_is_blank (const KpCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    if (record->fields[i][strspn (record->fields[i], " \t\r\n")] != '\0')
      return FALSE;
  return TRUE;
}

/* ---- validation ------------------------------------------------------------------------ */

/* Checks and cleans one formasi's fields (as text, by column). Returns the column at fault
 * (with @reason) or -1 with @clean filled (the texts squashed, the kind canonical). */
static int
validate (const char *const field[N_COLS], KpFormasi *clean, char **reason)
{
  const char *kind;
  g_autofree char *quota_text = NULL;

  memset (clean, 0, sizeof *clean);
  clean->code = kp_text_squash (field[COL_CODE]);
  clean->position_title = kp_text_squash (field[COL_TITLE]);
  clean->unit = kp_text_squash (field[COL_UNIT]);
  clean->education = kp_text_squash (field[COL_EDUCATION]);
  clean->study_programme = kp_text_squash (field[COL_PROGRAMME]);

  if (*clean->code == '\0' || strlen (clean->code) > 32)
    {
      *reason = g_strdup (_("The formasi code is empty or longer than 32 characters"));
      return COL_CODE;
    }
  if (*clean->position_title == '\0' || g_utf8_strlen (clean->position_title, -1) > MAX_TEXT)
    {
      *reason = g_strdup (_("The position is empty or longer than 200 characters"));
      return COL_TITLE;
    }
  if (*clean->unit == '\0' || g_utf8_strlen (clean->unit, -1) > MAX_TEXT)
    {
      *reason = g_strdup (_("The unit is empty or longer than 200 characters"));
      return COL_UNIT;
    }
  if (!education_is_known (clean->education))
    {
      *reason = g_strdup (_("The education must be a level such as SMA/SMK, D3, D4, S1 or S2"));
      return COL_EDUCATION;
    }
  if (g_utf8_strlen (clean->study_programme, -1) > MAX_TEXT)
    {
      *reason = g_strdup (_("The study programme is longer than 200 characters"));
      return COL_PROGRAMME;
    }
  kind = kp_formasi_kind_parse (field[COL_KIND]);
  if (kind == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) kinds);

      /* Translators: %s lists the known kinds. */
      *reason = g_strdup_printf (_("The kind of formasi must be one of: %s"), known);
      return COL_KIND;
    }
  clean->kind = g_strdup (kind);
  quota_text = kp_text_squash (field[COL_QUOTA]);
  if (!g_ascii_string_to_signed (quota_text, 10, 1, MAX_QUOTA, &clean->quota, NULL))
    {
      *reason = g_strdup_printf (_("The quota must be a whole number from 1 to %d"), MAX_QUOTA);
      return COL_QUOTA;
    }
  return -1;
}

static void
clean_clear (KpFormasi *clean)
{
  g_free (clean->code);
  g_free (clean->position_title);
  g_free (clean->unit);
  g_free (clean->education);
  g_free (clean->study_programme);
  g_free (clean->kind);
  memset (clean, 0, sizeof *clean);
}

typedef enum { ROW_SAME, ROW_CREATED, ROW_UPDATED } RowState;

/* Binds @first as ?1 and the fields as ?2 (code) … ?8 (quota). */
static void
bind_formasi (KpStmt *stmt, gint64 first, const KpFormasi *f)
{
  _kp_stmt_bind_int64 (stmt, 1, first);
  _kp_stmt_bind_text (stmt, 2, f->code);
  _kp_stmt_bind_text (stmt, 3, f->position_title);
  _kp_stmt_bind_text (stmt, 4, f->unit);
  _kp_stmt_bind_text (stmt, 5, f->education);
  _kp_stmt_bind_text (stmt, 6, f->study_programme);
  _kp_stmt_bind_text (stmt, 7, f->kind);
  _kp_stmt_bind_int64 (stmt, 8, f->quota);
}

/* Inserts or updates (by code) one formasi inside the caller's transaction. Returns its id, or
 * 0 on error; @state says what happened. */
static gint64
upsert (KpDb *kdb, gint64 selection_id, gint64 id, const KpFormasi *f, RowState *state,
        GError **error)
{
  KpStmt *stmt;
  KpStep step;
  gint64 existing = 0;
  gboolean same = FALSE;

  *state = ROW_SAME;
  stmt = _kp_db_prepare (kdb,
                         "SELECT id, position_title = ?3 AND unit = ?4 AND education = ?5 "
                         "AND study_programme = ?6 AND kind = ?7 AND quota = ?8 AND code = ?2 "
                         "FROM formasi WHERE selection_id = ?1 AND (code = ?2 OR id = ?9) "
                         "ORDER BY id = ?9 LIMIT 1",
                         error);
  if (stmt == NULL)
    return 0;
  bind_formasi (stmt, selection_id, f);
  _kp_stmt_bind_int64 (stmt, 9, id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      existing = _kp_stmt_get_int64 (stmt, 0);
      same = _kp_stmt_get_int64 (stmt, 1) != 0;
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return 0;
  if (id != 0 && existing != id)
    {
      if (existing != 0)
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                     _("The selection already has a formasi with the code “%s”"), f->code);
      else
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                     _("There is no formasi with id %" PRId64), id);
      return 0;
    }
  if (existing != 0 && same)
    return existing;

  if (existing != 0)
    stmt = _kp_db_prepare (kdb,
                           "UPDATE formasi SET code = ?2, position_title = ?3, unit = ?4, "
                           "education = ?5, study_programme = ?6, kind = ?7, quota = ?8 "
                           "WHERE id = ?1",
                           error);
  else
    stmt = _kp_db_prepare (kdb,
                           "INSERT INTO formasi (selection_id, code, position_title, unit, "
                           "education, study_programme, kind, quota) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return 0;
  bind_formasi (stmt, existing != 0 ? existing : selection_id, f);
  if (!_kp_stmt_run (stmt, error))
    return 0;
  *state = existing != 0 ? ROW_UPDATED : ROW_CREATED;
  return existing != 0 ? existing : _kp_db_last_insert_id (kdb);
}

/* ---- listing ------------------------------------------------------------------------------ */

GPtrArray *
kp_formasi_list (KpDatabase *db, gint64 selection_id, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_formasi_free);
  KpDb *kdb;
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  kdb = _kp_database_get_db (db);
  if (!_kp_selection_check_exists (kdb, selection_id, error))
    return NULL;
  stmt = _kp_db_prepare (kdb,
                         "SELECT f.id, f.code, f.position_title, f.unit, f.education, "
                         "f.study_programme, f.kind, f.quota, "
                         "(SELECT count (*) FROM applicant a WHERE a.formasi_id = f.id) "
                         "FROM formasi f WHERE f.selection_id = ? ORDER BY f.code",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpFormasi *f = g_new0 (KpFormasi, 1);

      f->id = _kp_stmt_get_int64 (stmt, 0);
      f->selection_id = selection_id;
      f->code = g_strdup (_kp_stmt_get_text (stmt, 1));
      f->position_title = g_strdup (_kp_stmt_get_text (stmt, 2));
      f->unit = g_strdup (_kp_stmt_get_text (stmt, 3));
      f->education = g_strdup (_kp_stmt_get_text (stmt, 4));
      f->study_programme = g_strdup (_kp_stmt_get_text (stmt, 5));
      f->kind = g_strdup (_kp_stmt_get_text (stmt, 6));
      f->quota = _kp_stmt_get_int64 (stmt, 7);
      f->n_applicants = _kp_stmt_get_int64 (stmt, 8);
      g_ptr_array_add (list, f);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- editing one --------------------------------------------------------------------------- */

static JsonNode *
formasi_payload (gint64 selection_id, const KpFormasi *f, const char *what)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "selection");
  json_builder_add_int_value (builder, selection_id);
  json_builder_set_member_name (builder, "what");
  json_builder_add_string_value (builder, what);
  if (f != NULL)
    {
      json_builder_set_member_name (builder, "position");
      json_builder_add_string_value (builder, f->position_title);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, f->unit);
      json_builder_set_member_name (builder, "education");
      json_builder_add_string_value (builder, f->education);
      json_builder_set_member_name (builder, "study_programme");
      json_builder_add_string_value (builder, f->study_programme);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, f->kind);
      json_builder_set_member_name (builder, "quota");
      json_builder_add_int_value (builder, f->quota);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The selection and code of formasi @id; FALSE with NOT_FOUND when there is none. */
static gboolean
formasi_owner (KpDb *kdb, gint64 id, gint64 *selection_id, char **code, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT selection_id, code FROM formasi WHERE id = ?",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      *selection_id = _kp_stmt_get_int64 (stmt, 0);
      *code = g_strdup (_kp_stmt_get_text (stmt, 1));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no formasi with id %" PRId64), id);
  return step == KP_STEP_ROW;
}

/* Add (@id 0) or update one, in its own transaction. */
static gint64
save_one (KpDatabase *db, gint64 selection_id, gint64 id, const KpFormasi *values,
          GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  const char *field[N_COLS];
  g_autofree char *reason = NULL;
  g_autofree char *quota = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpFormasi clean;
  RowState state;
  int bad;
  gint64 saved;

  g_return_val_if_fail (values != NULL, 0);

  quota = g_strdup_printf ("%" PRId64, values->quota);
  field[COL_CODE] = values->code != NULL ? values->code : "";
  field[COL_TITLE] = values->position_title != NULL ? values->position_title : "";
  field[COL_UNIT] = values->unit != NULL ? values->unit : "";
  field[COL_EDUCATION] = values->education != NULL ? values->education : "";
  field[COL_PROGRAMME] = values->study_programme != NULL ? values->study_programme : "";
  field[COL_KIND] = values->kind != NULL ? values->kind : "";
  field[COL_QUOTA] = quota;
  bad = validate (field, &clean, &reason);
  if (bad >= 0)
    {
      /* Translators: the field at fault, then the reason. */
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, _("%s: %s"),
                   field_names[bad], reason);
      clean_clear (&clean);
      return 0;
    }

  if (!_kp_db_begin (kdb, error))
    {
      clean_clear (&clean);
      return 0;
    }
  saved = _kp_selection_check_editable (kdb, selection_id, error)
            ? upsert (kdb, selection_id, id, &clean, &state, error) : 0;
  if (saved != 0 && id == 0 && state != ROW_CREATED)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                   _("The selection already has a formasi with the code “%s”"), clean.code);
      saved = 0;
    }
  if (saved != 0 && state != ROW_SAME)
    {
      payload = formasi_payload (selection_id, &clean, id == 0 ? "add" : "update");
      if (!_kp_audit_append (db, id == 0 ? "create" : "update", "formasi", clean.code, payload,
                             error))
        saved = 0;
    }
  clean_clear (&clean);
  if (saved == 0 || !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  _kp_database_reload (db, 0);
  return saved;
}

gint64
kp_formasi_add (KpDatabase *db, gint64 selection_id, const KpFormasi *values, GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  return save_one (db, selection_id, 0, values, error);
}

gboolean
kp_formasi_update (KpDatabase *db, gint64 id, const KpFormasi *values, GError **error)
{
  g_autofree char *code = NULL;
  gint64 selection_id = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  if (!formasi_owner (_kp_database_get_db (db), id, &selection_id, &code, error))
    return FALSE;
  return save_one (db, selection_id, id, values, error) != 0;
}

gboolean
kp_formasi_delete (KpDatabase *db, gint64 id, GError **error)
{
  KpDb *kdb;
  g_autofree char *code = NULL;
  g_autoptr(JsonNode) payload = NULL;
  gint64 selection_id = 0;
  gint64 n_applicants;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (!formasi_owner (kdb, id, &selection_id, &code, error) || !_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_selection_check_editable (kdb, selection_id, error))
    goto fail;
  stmt = _kp_db_prepare (kdb, "SELECT count (*) FROM applicant WHERE formasi_id = ?", error);
  if (stmt == NULL)
    goto fail;
  _kp_stmt_bind_int64 (stmt, 1, id);
  n_applicants = _kp_stmt_step (stmt, error) == KP_STEP_ROW ? _kp_stmt_get_int64 (stmt, 0) : -1;
  _kp_stmt_reset (stmt);
  if (n_applicants < 0)
    goto fail;
  if (n_applicants > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE,
                   _("Formasi “%s” has %" PRId64 " registrants: it cannot be deleted"), code,
                   n_applicants);
      goto fail;
    }
  stmt = _kp_db_prepare (kdb, "DELETE FROM formasi WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _kp_stmt_bind_int64 (stmt, 1, id);
  payload = formasi_payload (selection_id, NULL, "delete");
  if (!_kp_stmt_run (stmt, error) ||
      !_kp_audit_append (db, "delete", "formasi", code, payload, error) ||
      !_kp_db_commit (kdb, error))
    goto fail;
  _kp_database_reload (db, 0);
  return TRUE;

fail:
  _kp_db_rollback (kdb);
  return FALSE;
}

/* ---- import -------------------------------------------------------------------------------- */

gboolean
kp_formasi_import (KpDatabase *db, gint64 selection_id, GFile *file, gboolean all_or_nothing,
                   KpImportCounts *counts, GPtrArray **problems_out, GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _kp_import_problem_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *display_name = NULL;
  g_auto(GStrv) header = NULL;
  const KpCsvRecord *record;
  KpImportCounts c = { 0 };
  KpDb *kdb;
  GError *local_error = NULL;
  int columns[N_COLS];
  guint n_header;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  kdb = _kp_database_get_db (db);
  display_name = g_file_get_basename (file);
  /* A locked selection refuses before the file is read: nothing of it could be written. */
  if (!_kp_selection_check_editable (kdb, selection_id, error))
    return FALSE;
  reader = _kp_csv_reader_open (file, NULL, error);
  if (reader == NULL)
    return FALSE;
  /* The study programme may be missing (any programme will do). */
  n_header = _kp_csv_reader_read_header (reader, display_name, &column_names[0][0],
                                         G_N_ELEMENTS (column_names[0]), N_COLS, N_COLS,
                                         "kode_formasi, jabatan, unit_kerja, pendidikan, "
                                         "program_studi, jenis_formasi, kuota",
                                         columns, &header, error);
  if (n_header == 0)
    return FALSE;

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_selection_check_editable (kdb, selection_id, &local_error))
    goto done;

  while (local_error == NULL && (record = _kp_csv_reader_next (reader, &local_error)) != NULL)
    {
      const char *field[N_COLS];
      g_autofree char *reason = NULL;
      KpFormasi clean;
      RowState state;
      gpointer first;
      int bad;

      if (_kp_formasi_record_is_blank (record))
        continue;
      c.read++;
      if (record->n_fields != n_header)
        {
          reason = _kp_csv_width_reason (record->n_fields, n_header);
          g_ptr_array_add (problems, _kp_import_problem_new (record->line, "", "", reason, FALSE));
          c.rejected++;
          continue;
        }
      for (int col = 0; col < N_COLS; col++)
        field[col] = columns[col] >= 0 ? record->fields[columns[col]] : "";

      bad = validate (field, &clean, &reason);
      if (bad < 0 && g_hash_table_lookup_extended (seen, clean.code, NULL, &first))
        {
          reason = g_strdup_printf (_("This formasi code already appears on line %" PRIu64
                                      " (the first one is kept)"),
                                    (guint64) GPOINTER_TO_SIZE (first));
          bad = COL_CODE;
        }
      if (bad >= 0)
        {
          g_ptr_array_add (problems, _kp_import_problem_new (record->line,
                                                             header[columns[bad]], field[bad],
                                                             reason, FALSE));
          c.rejected++;
          clean_clear (&clean);
          continue;
        }
      g_hash_table_insert (seen, g_strdup (clean.code), GSIZE_TO_POINTER ((gsize) record->line));
      if (upsert (kdb, selection_id, 0, &clean, &state, &local_error) == 0)
        {
          clean_clear (&clean);
          break;
        }
      clean_clear (&clean);
      if (state == ROW_CREATED)
        c.created++;
      else if (state == ROW_UPDATED)
        c.updated++;
      else
        c.unchanged++;
    }

done:
  if (local_error == NULL && all_or_nothing && c.rejected > 0)
    {
      _kp_db_rollback (kdb);
      memset (&c.created, 0, sizeof (guint64) * 3);
    }
  else if (local_error == NULL)
    {
      if (c.created > 0 || c.updated > 0)
        {
          g_autoptr(JsonNode) payload =
            _kp_audit_import_payload (display_name, _kp_csv_reader_get_checksum (reader), &c,
                                      "selection", selection_id, NULL);

          _kp_audit_append (db, "import", "formasi", NULL, payload, &local_error);
        }
      if (local_error == NULL)
        _kp_db_commit (kdb, &local_error);
    }
  if (local_error != NULL)
    {
      _kp_db_rollback (kdb);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  _kp_database_reload (db, 0);
  if (counts != NULL)
    *counts = c;
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return TRUE;
}
