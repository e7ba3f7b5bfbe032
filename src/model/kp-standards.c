/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-standards.c: the job competency standard: the positions' own levels, the kinds' default
 * levels, applying a kind's defaults to its positions, and the standards' CSV import and
 * export. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-standards.h"
#include "kp-csv-reader-private.h"
#include "kp-database-private.h"

void
kp_standard_free (KpStandard *standard)
{
  if (standard == NULL)
    return;
  g_free (standard->code);
  g_free (standard->name);
  g_free (standard);
}

/* ---- lookups ------------------------------------------------------------------------------ */

/* The unit's name, the title and the kind of @position_id; FALSE with KP_MODEL_ERROR_NOT_FOUND
 * when there is no such position. */
static gboolean
position_info (KpDb *kdb, gint64 position_id, char **unit, char **title, int *kind,
               GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT u.name, p.title, p.kind FROM position p "
                                 "JOIN unit u ON u.id = p.unit_id WHERE p.id = ?",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, position_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      if (unit != NULL)
        *unit = g_strdup (_kp_stmt_get_text (stmt, 0));
      if (title != NULL)
        *title = g_strdup (_kp_stmt_get_text (stmt, 1));
      if (kind != NULL)
        *kind = (int) _kp_stmt_get_int64 (stmt, 2);
    }
  else if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no position with number %" PRId64), position_id);
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ROW;
}

/* The code of @competency_id, or NULL with KP_MODEL_ERROR_NOT_FOUND. */
static char *
competency_code (KpDb *kdb, gint64 competency_id, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT code FROM competency WHERE id = ?", error);
  KpStep step;
  char *code = NULL;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, competency_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    code = g_strdup (_kp_stmt_get_text (stmt, 0));
  else if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no competency with number %" PRId64), competency_id);
  _kp_stmt_reset (stmt);
  return code;
}

/* The position's own level of a competency into @level (0 when none). */
static gboolean
own_level (KpDb *kdb, gint64 position_id, gint64 competency_id, int *level, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT level FROM position_standard "
                                 "WHERE position_id = ? AND competency_id = ?",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, position_id);
  _kp_stmt_bind_int64 (stmt, 2, competency_id);
  step = _kp_stmt_step (stmt, error);
  *level = step == KP_STEP_ROW ? (int) _kp_stmt_get_int64 (stmt, 0) : 0;
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

/* Writes the position's own level (1–5), or removes it (0). */
static gboolean
write_own_level (KpDb *kdb, gint64 position_id, gint64 competency_id, int level, GError **error)
{
  KpStmt *stmt;

  if (level == 0)
    stmt = _kp_db_prepare (kdb,
                           "DELETE FROM position_standard "
                           "WHERE position_id = ?1 AND competency_id = ?2",
                           error);
  else
    stmt = _kp_db_prepare (kdb,
                           "INSERT INTO position_standard (position_id, competency_id, level) "
                           "VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (position_id, competency_id) DO UPDATE SET "
                           "level = excluded.level",
                           error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, position_id);
  _kp_stmt_bind_int64 (stmt, 2, competency_id);
  if (level != 0)
    _kp_stmt_bind_int64 (stmt, 3, level);
  return _kp_stmt_run (stmt, error);
}

static gboolean
check_level (int level, GError **error)
{
  if (level < 0 || level > KP_LEVEL_MAX)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The level must be a whole number from 1 to 5 (or 0 to remove it)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_kind (int kind, GError **error)
{
  if (kind < 0 || kind >= KP_POSITION_KIND_COUNT)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, _("Choose the position kind"));
      return FALSE;
    }
  return TRUE;
}

/* "old" and "new" levels, null for none. */
static void
add_levels (JsonBuilder *builder, int old_level, int new_level)
{
  json_builder_set_member_name (builder, "old");
  if (old_level > 0)
    json_builder_add_int_value (builder, old_level);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "new");
  if (new_level > 0)
    json_builder_add_int_value (builder, new_level);
  else
    json_builder_add_null_value (builder);
}

/* Appends @payload's event and commits, or rolls back. */
static gboolean
commit_with_event (KpDatabase *db, const char *action, const char *entity,
                   const char *entity_id, JsonNode *payload, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);

  if (!_kp_audit_append (db, action, entity, entity_id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  return TRUE;
}

/* ---- a position's standard ------------------------------------------------------------------ */

GPtrArray *
kp_standards_for_position (KpDatabase *db, gint64 position_id, GError **error)
{
  g_autoptr(GPtrArray) standards =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_standard_free);
  KpDb *kdb;
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  kdb = _kp_database_get_db (db);
  if (!position_info (kdb, position_id, NULL, NULL, NULL, error))
    return NULL;

  stmt = _kp_db_prepare (kdb,
                         "SELECT c.id, c.code, c.name, c.type, "
                         "       COALESCE (ps.level, ks.level), ps.level IS NULL "
                         "FROM position p "
                         "CROSS JOIN competency c "
                         "LEFT JOIN position_standard ps "
                         "  ON ps.position_id = p.id AND ps.competency_id = c.id "
                         "LEFT JOIN kind_standard ks "
                         "  ON ks.kind = p.kind AND ks.competency_id = c.id "
                         "WHERE p.id = ? AND (ps.level IS NOT NULL OR ks.level IS NOT NULL) "
                         "ORDER BY c.type, c.code",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, position_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpStandard *standard = g_new0 (KpStandard, 1);

      standard->competency_id = _kp_stmt_get_int64 (stmt, 0);
      standard->code = g_strdup (_kp_stmt_get_text (stmt, 1));
      standard->name = g_strdup (_kp_stmt_get_text (stmt, 2));
      standard->type = (int) _kp_stmt_get_int64 (stmt, 3);
      standard->level = (int) _kp_stmt_get_int64 (stmt, 4);
      standard->from_kind = _kp_stmt_get_int64 (stmt, 5) != 0;
      g_ptr_array_add (standards, standard);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&standards);
}

gboolean
kp_standards_set (KpDatabase *db, gint64 position_id, gint64 competency_id, int level,
                  GError **error)
{
  KpDb *kdb;
  g_autofree char *unit = NULL;
  g_autofree char *title = NULL;
  g_autofree char *code = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  int old_level = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (!check_level (level, error) ||
      !position_info (kdb, position_id, &unit, &title, NULL, error) ||
      (code = competency_code (kdb, competency_id, error)) == NULL)
    return FALSE;

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!own_level (kdb, position_id, competency_id, &old_level, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if (old_level == level)
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }
  if (!write_own_level (kdb, position_id, competency_id, level, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, unit);
  json_builder_set_member_name (builder, "position");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "competency");
  json_builder_add_string_value (builder, code);
  add_levels (builder, old_level, level);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  id_text = g_strdup_printf ("%" PRId64, position_id);
  return commit_with_event (db, "update", "standard", id_text, payload, error);
}

/* ---- the kinds' defaults --------------------------------------------------------------------- */

static gboolean
kind_level (KpDb *kdb, int kind, gint64 competency_id, int *level, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT level FROM kind_standard "
                                 "WHERE kind = ? AND competency_id = ?",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, kind);
  _kp_stmt_bind_int64 (stmt, 2, competency_id);
  step = _kp_stmt_step (stmt, error);
  *level = step == KP_STEP_ROW ? (int) _kp_stmt_get_int64 (stmt, 0) : 0;
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

int
kp_kind_standard_get (KpDatabase *db, int kind, gint64 competency_id)
{
  g_autoptr(GError) error = NULL;
  int level = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  g_return_val_if_fail (kind >= 0 && kind < KP_POSITION_KIND_COUNT, 0);

  if (!kind_level (_kp_database_get_db (db), kind, competency_id, &level, &error))
    g_warning ("Cannot read the default standard of a position kind: %s", error->message);
  return level;
}

gboolean
kp_kind_standard_set (KpDatabase *db, int kind, gint64 competency_id, int level,
                      GError **error)
{
  KpDb *kdb;
  g_autofree char *code = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;
  int old_level = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (!check_kind (kind, error) || !check_level (level, error) ||
      (code = competency_code (kdb, competency_id, error)) == NULL)
    return FALSE;

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!kind_level (kdb, kind, competency_id, &old_level, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if (old_level == level)
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }
  if (level == 0)
    stmt = _kp_db_prepare (kdb, "DELETE FROM kind_standard WHERE kind = ?1 AND competency_id = ?2",
                           error);
  else
    stmt = _kp_db_prepare (kdb,
                           "INSERT INTO kind_standard (kind, competency_id, level) "
                           "VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (kind, competency_id) DO UPDATE SET level = excluded.level",
                           error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, kind);
  _kp_stmt_bind_int64 (stmt, 2, competency_id);
  if (level != 0)
    _kp_stmt_bind_int64 (stmt, 3, level);
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kp_position_kind_to_string (kind));
  json_builder_set_member_name (builder, "competency");
  json_builder_add_string_value (builder, code);
  add_levels (builder, old_level, level);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  return commit_with_event (db, "update", "kind-standard", kp_position_kind_to_string (kind),
                            payload, error);
}

gboolean
kp_standards_apply_kind (KpDatabase *db, int kind, guint *n_positions, GError **error)
{
  KpDb *kdb;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  GError *local_error = NULL;
  gint64 positions, changes;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (!check_kind (kind, error))
    return FALSE;
  if (!_kp_db_begin (kdb, error))
    return FALSE;

  stmt = _kp_db_prepare (kdb, "SELECT count (*) FROM position WHERE kind = ?", &local_error);
  positions = 0;
  if (stmt != NULL)
    {
      _kp_stmt_bind_int64 (stmt, 1, kind);
      if (_kp_stmt_step (stmt, &local_error) == KP_STEP_ROW)
        positions = _kp_stmt_get_int64 (stmt, 0);
      _kp_stmt_reset (stmt);
    }
  /* The levels that will change: an own level missing or different from the default. */
  changes = 0;
  if (local_error == NULL &&
      (stmt = _kp_db_prepare (kdb,
                              "SELECT count (*) FROM position p "
                              "JOIN kind_standard ks ON ks.kind = p.kind "
                              "LEFT JOIN position_standard ps "
                              "  ON ps.position_id = p.id AND ps.competency_id = ks.competency_id "
                              "WHERE p.kind = ? AND (ps.level IS NULL OR ps.level <> ks.level)",
                              &local_error)) != NULL)
    {
      _kp_stmt_bind_int64 (stmt, 1, kind);
      if (_kp_stmt_step (stmt, &local_error) == KP_STEP_ROW)
        changes = _kp_stmt_get_int64 (stmt, 0);
      _kp_stmt_reset (stmt);
    }
  if (local_error != NULL || changes == 0)
    {
      _kp_db_rollback (kdb);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (n_positions != NULL)
        *n_positions = (guint) positions;
      return TRUE;
    }

  stmt = _kp_db_prepare (kdb,
                         "INSERT INTO position_standard (position_id, competency_id, level) "
                         "SELECT p.id, ks.competency_id, ks.level "
                         "FROM position p JOIN kind_standard ks ON ks.kind = p.kind "
                         "WHERE p.kind = ? "
                         "ON CONFLICT (position_id, competency_id) DO UPDATE SET "
                         "level = excluded.level",
                         error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, kind);
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kp_position_kind_to_string (kind));
  json_builder_set_member_name (builder, "positions");
  json_builder_add_int_value (builder, positions);
  json_builder_set_member_name (builder, "levels");
  json_builder_add_int_value (builder, changes);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  if (!commit_with_event (db, "apply", "standard", NULL, payload, error))
    return FALSE;
  if (n_positions != NULL)
    *n_positions = (guint) positions;
  return TRUE;
}

/* ---- import ------------------------------------------------------------------------------- */

enum { COL_UNIT, COL_POSITION, COL_CODE, COL_LEVEL, N_COLS };

/* The first name of each column is the one the export writes. */
static const char *const column_names[N_COLS][7] = {
  { "unit kerja", "unit", "unit name", "nama unit", NULL },
  { "jabatan", "position", "nama jabatan", "position title", NULL },
  { "kode kompetensi", "kode", "code", "kompetensi", "competency", "competency code", NULL },
  { "level", "level standar", "standard level", "required level", NULL },
};

static const char *const export_header[N_COLS] = {
  "unit_kerja", "jabatan", "kode_kompetensi", "level",
};

static gboolean
record_is_blank (const KpCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    for (const char *p = record->fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

/* The dictionary's codes, exact and folded, to their ids. */
static gboolean
load_codes (KpDb *kdb, GHashTable *exact, GHashTable *folded, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT id, code FROM competency ORDER BY id", error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 id = _kp_stmt_get_int64 (stmt, 0);
      const char *code = _kp_stmt_get_text (stmt, 1);
      gint64 *value = g_new (gint64, 1);
      char *key = kp_text_fold (code);

      *value = id;
      g_hash_table_insert (exact, g_strdup (code), value);
      /* Two codes that differ only in case: the folded one finds the older. */
      if (!g_hash_table_contains (folded, key))
        {
          gint64 *folded_value = g_new (gint64, 1);

          *folded_value = id;
          g_hash_table_insert (folded, key, folded_value);
        }
      else
        g_free (key);
    }
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

/* The id of the row found by @stmt (bound by the caller), 0 when none, -1 on an error. */
static gint64
find_id (KpStmt *stmt, GError **error)
{
  KpStep step = _kp_stmt_step (stmt, error);
  gint64 id = step == KP_STEP_ROW ? _kp_stmt_get_int64 (stmt, 0) : 0;

  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? -1 : id;
}

static gint64
find_unit (KpDb *kdb, const char *name, GError **error)
{
  g_autofree char *key = kp_text_fold (name);
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT id FROM unit WHERE name_key = ?", error);

  if (stmt == NULL)
    return -1;
  _kp_stmt_bind_text (stmt, 1, key);
  return find_id (stmt, error);
}

static gint64
find_position (KpDb *kdb, gint64 unit_id, const char *title, GError **error)
{
  g_autofree char *key = kp_text_fold (title);
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT id FROM position WHERE unit_id = ? AND title_key = ?",
                                 error);

  if (stmt == NULL)
    return -1;
  _kp_stmt_bind_int64 (stmt, 1, unit_id);
  _kp_stmt_bind_text (stmt, 2, key);
  return find_id (stmt, error);
}

gboolean
kp_standards_import (KpDatabase *db, GFile *file, gboolean all_or_nothing,
                     KpImportCounts *counts, GPtrArray **problems_out, GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _kp_import_problem_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) folded_codes =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *display_name = g_file_get_basename (file);
  g_auto(GStrv) header = NULL;
  const KpCsvRecord *record;
  KpImportCounts c = { 0 };
  KpDb *kdb;
  GError *local_error = NULL;
  int columns[N_COLS] = { -1, -1, -1, -1 };
  guint n_header;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  kdb = _kp_database_get_db (db);
  reader = _kp_csv_reader_open (file, NULL, error);
  if (reader == NULL)
    return FALSE;
  n_header = _kp_csv_reader_read_header (reader, display_name, &column_names[0][0],
                                         G_N_ELEMENTS (column_names[0]), N_COLS, N_COLS,
                                         "unit_kerja, jabatan, kode_kompetensi, level",
                                         columns, &header, error);
  if (n_header == 0)
    return FALSE;

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!load_codes (kdb, codes, folded_codes, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  while (local_error == NULL && (record = _kp_csv_reader_next (reader, &local_error)) != NULL)
    {
      const char *field[N_COLS];
      g_autofree char *unit = NULL;
      g_autofree char *title = NULL;
      g_autofree char *code = NULL;
      g_autofree char *level_text = NULL;
      g_autofree char *key = NULL;
      gint64 unit_id = 0, position_id = 0, competency_id = 0, level = 0;
      const gint64 *found;
      gboolean ok = TRUE;
      int old_level = 0;

#define REFUSE(col, reason)                                                                   \
      G_STMT_START {                                                                          \
        g_ptr_array_add (problems, _kp_import_problem_new (record->line, header[columns[col]], \
                                                           field[col], reason, FALSE));       \
        ok = FALSE;                                                                           \
      } G_STMT_END

      if (record_is_blank (record))
        continue;
      c.read++;
      if (record->n_fields != n_header)
        {
          g_autofree char *reason = _kp_csv_width_reason (record->n_fields, n_header);
          g_ptr_array_add (problems, _kp_import_problem_new (record->line, "", "", reason, FALSE));
          c.rejected++;
          continue;
        }
      for (int col = 0; col < N_COLS; col++)
        field[col] = record->fields[columns[col]];

      unit = kp_text_squash (field[COL_UNIT]);
      title = kp_text_squash (field[COL_POSITION]);
      code = kp_text_squash (field[COL_CODE]);
      level_text = kp_text_squash (field[COL_LEVEL]);

      if (*unit == '\0')
        REFUSE (COL_UNIT, _("The unit is empty"));
      else if ((unit_id = find_unit (kdb, unit, &local_error)) < 0)
        break;
      else if (unit_id == 0)
        {
          g_autofree char *reason =
            g_strdup_printf (_("There is no unit “%s” in the register"), unit);

          REFUSE (COL_UNIT, reason);
        }

      if (*title == '\0')
        REFUSE (COL_POSITION, _("The position is empty"));
      else if (unit_id > 0)
        {
          if ((position_id = find_position (kdb, unit_id, title, &local_error)) < 0)
            break;
          if (position_id == 0)
            {
              /* Translators: a unit's name, then a position title. */
              g_autofree char *reason =
                g_strdup_printf (_("The unit “%s” has no position “%s” in the register"), unit,
                                 title);

              REFUSE (COL_POSITION, reason);
            }
        }

      if (*code == '\0')
        REFUSE (COL_CODE, _("The competency code is empty"));
      else
        {
          g_autofree char *folded = kp_text_fold (code);

          found = g_hash_table_lookup (codes, code);
          if (found == NULL)
            found = g_hash_table_lookup (folded_codes, folded);
          if (found != NULL)
            competency_id = *found;
          else
            {
              g_autofree char *reason =
                g_strdup_printf (_("There is no competency with the code “%s” in the dictionary"),
                                 code);

              REFUSE (COL_CODE, reason);
            }
        }

      if (!g_ascii_string_to_signed (level_text, 10, KP_LEVEL_MIN, KP_LEVEL_MAX, &level, NULL))
        REFUSE (COL_LEVEL, _("The level must be a whole number from 1 to 5"));

      if (ok)
        {
          key = g_strdup_printf ("%" PRId64 ":%" PRId64, position_id, competency_id);
          if (g_hash_table_contains (seen, key))
            {
              g_autofree char *reason =
                g_strdup_printf (_("This position and competency already appear on line %"
                                   PRIu64 " (the first one is kept)"),
                                 (guint64) GPOINTER_TO_SIZE (g_hash_table_lookup (seen, key)));

              REFUSE (COL_CODE, reason);
            }
        }
#undef REFUSE
      if (!ok)
        {
          c.rejected++;
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) record->line));

      if (!own_level (kdb, position_id, competency_id, &old_level, &local_error))
        break;
      if (old_level == level)
        {
          c.unchanged++;
          continue;
        }
      if (!write_own_level (kdb, position_id, competency_id, (int) level, &local_error))
        break;
      if (old_level == 0)
        c.created++;
      else
        c.updated++;
    }

  if (local_error == NULL)
    {
      if (all_or_nothing && c.rejected > 0)
        {
          _kp_db_rollback (kdb);
          c.created = c.updated = c.unchanged = 0;
        }
      else if (c.created == 0 && c.updated == 0)
        /* Nothing changed: no event, nothing to commit. */
        _kp_db_rollback (kdb);
      else
        {
          g_autoptr(JsonNode) payload =
            _kp_audit_import_payload (display_name, _kp_csv_reader_get_checksum (reader), &c, NULL);

          if (_kp_audit_append (db, "import", "standard", NULL, payload, &local_error))
            _kp_db_commit (kdb, &local_error);
          if (local_error != NULL)
            _kp_db_rollback (kdb);
        }
    }
  else
    _kp_db_rollback (kdb);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (counts != NULL)
    *counts = c;
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return TRUE;
}

/* ---- export ------------------------------------------------------------------------------- */

gboolean
kp_standards_foreach (KpDatabase *db, KpStandardRowFunc func, gpointer user_data,
                      GError **error)
{
  KpStmt *stmt;
  KpStep step;
  GError *local_error = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT u.name, p.title, c.code, c.name, ps.level "
                         "FROM position_standard ps "
                         "JOIN position p ON p.id = ps.position_id "
                         "JOIN unit u ON u.id = p.unit_id "
                         "JOIN competency c ON c.id = ps.competency_id "
                         "ORDER BY u.name_key, p.title_key, c.code",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((step = _kp_stmt_step (stmt, &local_error)) == KP_STEP_ROW)
    if (!func (_kp_stmt_get_text (stmt, 0), _kp_stmt_get_text (stmt, 1),
               _kp_stmt_get_text (stmt, 2), _kp_stmt_get_text (stmt, 3),
               (int) _kp_stmt_get_int64 (stmt, 4), user_data, &local_error))
      break;
  _kp_stmt_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_csv_row (const char *unit, const char *position, const char *code,
               const char *competency_name, int level, gpointer user_data, GError **error)
{
  char level_text[16];
  const char *fields[N_COLS] = { unit, position, code, level_text };

  g_snprintf (level_text, sizeof level_text, "%d", level);
  return _kp_csv_write_row (user_data, fields, N_COLS, error);
}

gboolean
kp_standards_export_csv (KpDatabase *db, const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* g_file_replace writes a temporary file and renames it on close: a failure (a full disk)
   * leaves any earlier file at @path as it was. */
  file = g_file_new_for_commandline_arg (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  if (!_kp_csv_write_row (buffered, export_header, N_COLS, error) ||
      !kp_standards_foreach (db, write_csv_row, buffered, error) ||
      !g_output_stream_close (buffered, NULL, error))
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* Closing a cancelled replace stream discards the temporary file. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
