/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-competencies.c: the competency dictionary: KpCompetency records, their levels, and the
 * dictionary import. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-competencies.h"
#include "kompeten/kp-core.h"
#include "kp-csv-reader-private.h"
#include "kp-database-private.h"

struct _KpCompetency
{
  GObject parent_instance;

  gint64 id;
  char *code;
  char *name;
  KpCompetencyType type;
  char *definition;
  char *dictionary;
  guint n_levels;
};

G_DEFINE_FINAL_TYPE (KpCompetency, kp_competency, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_TYPE,
  PROP_TYPE_NAME,
  PROP_DEFINITION,
  PROP_DICTIONARY,
  PROP_N_LEVELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kp_competency_finalize (GObject *object)
{
  KpCompetency *self = KP_COMPETENCY (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->definition);
  g_free (self->dictionary);
  G_OBJECT_CLASS (kp_competency_parent_class)->finalize (object);
}

static void
kp_competency_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KpCompetency *self = KP_COMPETENCY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TYPE:
      g_value_set_int (value, self->type);
      break;
    case PROP_TYPE_NAME:
      g_value_set_string (value, kp_competency_type_to_string (self->type));
      break;
    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;
    case PROP_DICTIONARY:
      g_value_set_string (value, self->dictionary);
      break;
    case PROP_N_LEVELS:
      g_value_set_uint (value, self->n_levels);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_competency_class_init (KpCompetencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_competency_finalize;
  object_class->get_property = kp_competency_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_TYPE] = g_param_spec_int ("type", NULL, NULL, 0, KP_COMPETENCY_N_TYPES - 1, 0, ro);
  properties[PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL, ro);
  properties[PROP_DEFINITION] = g_param_spec_string ("definition", NULL, NULL, NULL, ro);
  properties[PROP_DICTIONARY] = g_param_spec_string ("dictionary", NULL, NULL, NULL, ro);
  properties[PROP_N_LEVELS] = g_param_spec_uint ("n-levels", NULL, NULL, 0, 5, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_competency_init (KpCompetency *self)
{
}

gint64
kp_competency_get_id (KpCompetency *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY (self), 0);
  return self->id;
}

const char *
kp_competency_get_code (KpCompetency *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY (self), NULL);
  return self->code;
}

const char *
kp_competency_get_name (KpCompetency *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY (self), NULL);
  return self->name;
}

KpCompetencyType
kp_competency_get_competency_type (KpCompetency *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY (self), KP_COMPETENCY_MANAGERIAL);
  return self->type;
}

const char *
kp_competency_get_definition (KpCompetency *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY (self), NULL);
  return self->definition;
}

const char *
kp_competency_get_dictionary (KpCompetency *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY (self), NULL);
  return self->dictionary;
}

guint
kp_competency_get_n_levels (KpCompetency *self)
{
  g_return_val_if_fail (KP_IS_COMPETENCY (self), 0);
  return self->n_levels;
}

gint64
_kp_competency_id_func (gpointer item)
{
  return KP_COMPETENCY (item)->id;
}

GPtrArray *
_kp_competency_load_all (KpDatabase *db, GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  KpStmt *stmt;
  KpStep step;

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT c.id, c.code, c.name, c.type, c.definition, d.name, "
                         "  (SELECT count (*) FROM competency_level l "
                         "   WHERE l.competency_id = c.id AND l.description <> '') "
                         "FROM competency c LEFT JOIN dictionary d ON d.id = c.dictionary_id "
                         "ORDER BY c.type, c.code",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpCompetency *competency = g_object_new (KP_TYPE_COMPETENCY, NULL);

      competency->id = _kp_stmt_get_int64 (stmt, 0);
      competency->code = g_strdup (_kp_stmt_get_text (stmt, 1));
      competency->name = g_strdup (_kp_stmt_get_text (stmt, 2));
      competency->type = (KpCompetencyType) _kp_stmt_get_int64 (stmt, 3);
      competency->definition = g_strdup (_kp_stmt_get_text (stmt, 4));
      competency->dictionary = g_strdup (_kp_stmt_get_text (stmt, 5));
      competency->n_levels = (guint) _kp_stmt_get_int64 (stmt, 6);
      g_ptr_array_add (items, competency);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&items);
}

void
kp_competency_level_free (KpCompetencyLevel *level)
{
  if (level == NULL)
    return;
  g_free (level->description);
  g_free (level->indicators);
  g_free (level);
}

GPtrArray *
kp_competency_get_levels (KpDatabase *db, gint64 competency_id, GError **error)
{
  g_autoptr(GPtrArray) levels =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_competency_level_free);
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  for (int l = KP_LEVEL_MIN; l <= KP_LEVEL_MAX; l++)
    {
      KpCompetencyLevel *level = g_new0 (KpCompetencyLevel, 1);

      level->level = l;
      level->description = g_strdup ("");
      level->indicators = g_strdup ("");
      g_ptr_array_add (levels, level);
    }

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT level, description, indicators FROM competency_level "
                         "WHERE competency_id = ? ORDER BY level",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, competency_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpCompetencyLevel *level = g_ptr_array_index (levels, _kp_stmt_get_int64 (stmt, 0) - 1);

      g_free (level->description);
      g_free (level->indicators);
      level->description = g_strdup (_kp_stmt_get_text (stmt, 1));
      level->indicators = g_strdup (_kp_stmt_get_text (stmt, 2));
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&levels);
}

char *
kp_competency_get_dictionary_note (KpDatabase *db, gint64 competency_id, GError **error)
{
  KpStmt *stmt;
  KpStep step;
  char *note = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT d.note FROM competency c JOIN dictionary d "
                         "ON d.id = c.dictionary_id WHERE c.id = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, competency_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    note = g_strdup (_kp_stmt_get_text (stmt, 0));
  else if (step == KP_STEP_DONE)
    note = g_strdup ("");
  _kp_stmt_reset (stmt);
  return note;
}

/* ---- import --------------------------------------------------------------------------------- */

enum { COL_CODE, COL_NAME, COL_TYPE, COL_LEVEL, COL_DESCRIPTION, COL_INDICATORS, N_COLS };

static const char *const column_names[N_COLS][4] = {
  { "code", "kode", "kode kompetensi", NULL },
  { "name", "nama", "nama kompetensi", NULL },
  { "type", "jenis", "jenis kompetensi", NULL },
  { "level", "tingkat", NULL, NULL },
  { "description", "deskripsi", "uraian", NULL },
  { "indicators", "indikator", "indikator perilaku", NULL },
};

/* "a | b | c" or one per line → one per line, each squashed. */
static char *
normalise_indicators (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\s*(\\|| *\\r?\\n)\\s*", text, 0, 0);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *clean = kp_text_squash (parts[i]);

      if (*clean == '\0' || strcmp (clean, "|") == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, clean);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef enum { ROW_SAME, ROW_CREATED, ROW_UPDATED } RowState;

static gint64
upsert_competency (KpDb *kdb, const char *code, const char *name, int type, RowState *state,
                   GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT id, name, type FROM competency WHERE code = ?", error);
  KpStep step;
  gint64 id = 0;
  gboolean same = FALSE;

  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_text (stmt, 1, code);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      id = _kp_stmt_get_int64 (stmt, 0);
      same = strcmp (_kp_stmt_get_text (stmt, 1), name) == 0 && _kp_stmt_get_int64 (stmt, 2) == type;
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return 0;
  *state = ROW_SAME;
  if (id > 0 && same)
    return id;

  if (id == 0)
    stmt = _kp_db_prepare (kdb, "INSERT INTO competency (code, name, type) VALUES (?1, ?2, ?3)", error);
  else
    stmt = _kp_db_prepare (kdb, "UPDATE competency SET name = ?2, type = ?3 WHERE code = ?1", error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_text (stmt, 1, code);
  _kp_stmt_bind_text (stmt, 2, name);
  _kp_stmt_bind_int64 (stmt, 3, type);
  if (!_kp_stmt_run (stmt, error))
    return 0;
  if (id == 0)
    {
      *state = ROW_CREATED;
      return _kp_db_last_insert_id (kdb);
    }
  *state = ROW_UPDATED;
  return id;
}

/* Sets a definition (level 0) or a level's texts; TRUE in @changed when something changed. */
static gboolean
set_level (KpDb *kdb, gint64 id, int level, const char *description, const char *indicators,
           gboolean *changed, GError **error)
{
  KpStmt *stmt;
  KpStep step;
  gboolean same = FALSE;

  if (level == 0)
    {
      stmt = _kp_db_prepare (kdb, "SELECT definition FROM competency WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      _kp_stmt_bind_int64 (stmt, 1, id);
      step = _kp_stmt_step (stmt, error);
      same = step == KP_STEP_ROW && strcmp (_kp_stmt_get_text (stmt, 0), description) == 0;
      _kp_stmt_reset (stmt);
      if (step == KP_STEP_ERROR)
        return FALSE;
      *changed = !same;
      if (same)
        return TRUE;
      stmt = _kp_db_prepare (kdb, "UPDATE competency SET definition = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      _kp_stmt_bind_text (stmt, 1, description);
      _kp_stmt_bind_int64 (stmt, 2, id);
      return _kp_stmt_run (stmt, error);
    }

  stmt = _kp_db_prepare (kdb,
                         "SELECT description, indicators FROM competency_level "
                         "WHERE competency_id = ? AND level = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, id);
  _kp_stmt_bind_int64 (stmt, 2, level);
  step = _kp_stmt_step (stmt, error);
  same = step == KP_STEP_ROW && strcmp (_kp_stmt_get_text (stmt, 0), description) == 0 &&
         strcmp (_kp_stmt_get_text (stmt, 1), indicators) == 0;
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  *changed = !same;
  if (same)
    return TRUE;
  stmt = _kp_db_prepare (kdb,
                         "INSERT INTO competency_level (competency_id, level, description, "
                         "indicators) VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT (competency_id, level) DO UPDATE SET "
                         "description = excluded.description, indicators = excluded.indicators",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, id);
  _kp_stmt_bind_int64 (stmt, 2, level);
  _kp_stmt_bind_text (stmt, 3, description);
  _kp_stmt_bind_text (stmt, 4, indicators);
  return _kp_stmt_run (stmt, error);
}

gboolean
kp_competency_import (KpDatabase *db, GFile *file, gboolean all_or_nothing,
                      KpImportCounts *counts, GPtrArray **problems_out, GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _kp_import_problem_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *display_name = g_file_get_basename (file);
  const KpCsvRecord *record;
  KpImportCounts c = { 0 };
  KpDb *kdb;
  GError *local_error = NULL;
  int columns[N_COLS] = { -1, -1, -1, -1, -1, -1 };
  guint n_header;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  kdb = _kp_database_get_db (db);
  reader = _kp_csv_reader_open (file, NULL, error);
  if (reader == NULL)
    return FALSE;
  /* The indicators may be missing; every other column is needed. */
  n_header = _kp_csv_reader_read_header (reader, display_name, &column_names[0][0],
                                         G_N_ELEMENTS (column_names[0]), N_COLS, COL_INDICATORS,
                                         "code, name, type, level, description, indicators",
                                         columns, NULL, error);
  if (n_header == 0)
    return FALSE;

  if (!_kp_db_begin (kdb, error))
    return FALSE;

  while (local_error == NULL && (record = _kp_csv_reader_next (reader, &local_error)) != NULL)
    {
      const char *field[N_COLS];
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      g_autofree char *indicators = NULL;
      g_autofree char *key = NULL;
      gint64 level = 0, id;
      int type;
      gboolean ok = TRUE, changed = FALSE;
      RowState state = ROW_SAME;

#define REFUSE(col, value, reason)                                                           \
      G_STMT_START {                                                                         \
        g_ptr_array_add (problems, _kp_import_problem_new (record->line,                     \
                                                           column_names[col][0], value,      \
                                                           reason, FALSE));                  \
        ok = FALSE;                                                                          \
      } G_STMT_END

      c.read++;
      if (record->n_fields != n_header)
        {
          g_autofree char *reason = _kp_csv_width_reason (record->n_fields, n_header);
          g_ptr_array_add (problems, _kp_import_problem_new (record->line, "", "", reason, FALSE));
          c.rejected++;
          continue;
        }
      for (int col = 0; col < N_COLS; col++)
        field[col] = columns[col] >= 0 ? record->fields[columns[col]] : "";

      code = kp_text_squash (field[COL_CODE]);
      name = kp_text_squash (field[COL_NAME]);
      description = kp_text_squash (field[COL_DESCRIPTION]);
      indicators = normalise_indicators (field[COL_INDICATORS]);
      type = kp_competency_type_parse (field[COL_TYPE]);

      if (*code == '\0' || strlen (code) > 32)
        REFUSE (COL_CODE, field[COL_CODE], _("The code is empty or longer than 32 characters"));
      if (*name == '\0')
        REFUSE (COL_NAME, field[COL_NAME], _("The name is empty"));
      if (type < 0)
        REFUSE (COL_TYPE, field[COL_TYPE],
                _("The type must be manajerial, sosial kultural or teknis"));
      {
        g_autofree char *level_text = kp_text_squash (field[COL_LEVEL]);

        if (*level_text != '\0' &&
            (!g_ascii_string_to_signed (level_text, 10, 0, KP_LEVEL_MAX, &level, NULL)))
          REFUSE (COL_LEVEL, field[COL_LEVEL],
                  _("The level must be a whole number from 1 to 5 (or empty for the definition)"));
      }
      if (strlen (description) > 4000 || strlen (indicators) > 8000)
        REFUSE (COL_DESCRIPTION, field[COL_DESCRIPTION], _("The text is too long"));

      if (ok)
        {
          key = g_strdup_printf ("%s\x1f%" PRId64, code, level);
          if (g_hash_table_contains (seen, key))
            {
              g_autofree char *reason =
                g_strdup_printf (_("This competency and level already appear on line %"
                                   PRIu64 " (the first one is kept)"),
                                 (guint64) GPOINTER_TO_SIZE (g_hash_table_lookup (seen, key)));
              REFUSE (COL_LEVEL, field[COL_LEVEL], reason);
            }
        }
      if (!ok)
        {
          c.rejected++;
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) record->line));

      id = upsert_competency (kdb, code, name, type, &state, &local_error);
      if (id == 0)
        break;
      if ((*description != '\0' || *indicators != '\0') &&
          !set_level (kdb, id, (int) level, description, indicators, &changed, &local_error))
        break;
      /* A row counts as new when it brought the competency, updated when it changed it or
       * its level's texts. */
      if (state == ROW_CREATED)
        c.created++;
      else if (state == ROW_UPDATED || changed)
        c.updated++;
      else
        c.unchanged++;
#undef REFUSE
    }

  if (local_error == NULL)
    {
      if (all_or_nothing && c.rejected > 0)
        {
          _kp_db_rollback (kdb);
          memset (&c.created, 0, sizeof (guint64) * 3);
        }
      else
        {
          if (c.created > 0 || c.updated > 0)
            {
              g_autoptr(JsonNode) payload =
                _kp_audit_import_payload (display_name, _kp_csv_reader_get_checksum (reader),
                                          &c, NULL);

              _kp_audit_append (db, "import", "competency", NULL, payload, &local_error);
            }
          if (local_error == NULL)
            _kp_db_commit (kdb, &local_error);
          else
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
  _kp_database_reload (db, KP_RELOAD_COMPETENCIES);
  if (counts != NULL)
    *counts = c;
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return TRUE;
}

/* ---- editing --------------------------------------------------------------------------------- */

static JsonNode *
competency_payload (const char *code, const char *name, KpCompetencyType type, int level,
                    const char *what)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  if (name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, kp_competency_type_to_string (type));
    }
  if (level > 0)
    {
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, level);
    }
  if (what != NULL)
    {
      json_builder_set_member_name (builder, "changed");
      json_builder_add_string_value (builder, what);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
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

gint64
kp_competency_save (KpDatabase *db, gint64 competency_id, const char *code, const char *name,
                    KpCompetencyType type, const char *definition, GError **error)
{
  KpDb *kdb;
  g_autofree char *clean_code = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_definition = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;
  gint64 id = competency_id;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  g_return_val_if_fail (type < KP_COMPETENCY_N_TYPES, 0);

  kdb = _kp_database_get_db (db);
  clean_code = kp_text_squash (code != NULL ? code : "");
  clean_name = kp_text_squash (name != NULL ? name : "");
  clean_definition = g_strstrip (g_strdup (definition != NULL ? definition : ""));
  if (*clean_code == '\0' || strlen (clean_code) > 32)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The code is empty or longer than 32 characters"));
      return 0;
    }
  if (*clean_name == '\0')
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, _("The name is empty"));
      return 0;
    }

  if (competency_id > 0)
    stmt = _kp_db_prepare (kdb,
                           "UPDATE competency SET code = ?1, name = ?2, type = ?3, definition = ?4 "
                           "WHERE id = ?5",
                           error);
  else
    stmt = _kp_db_prepare (kdb,
                           "INSERT INTO competency (code, name, type, definition) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_text (stmt, 1, clean_code);
  _kp_stmt_bind_text (stmt, 2, clean_name);
  _kp_stmt_bind_int64 (stmt, 3, type);
  _kp_stmt_bind_text (stmt, 4, clean_definition);
  if (competency_id > 0)
    _kp_stmt_bind_int64 (stmt, 5, competency_id);

  if (!_kp_db_begin (kdb, error))
    return 0;
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      if (error != NULL && g_error_matches (*error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                       _("A competency with the code “%s” already exists"), clean_code);
        }
      return 0;
    }
  if (competency_id == 0)
    id = _kp_db_last_insert_id (kdb);
  else if (_kp_db_changes (kdb) == 0)
    {
      /* Deleted meanwhile (from another window): nothing to change, nothing to record. */
      _kp_db_rollback (kdb);
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no competency with number %" PRId64), competency_id);
      return 0;
    }
  payload = competency_payload (clean_code, clean_name, type, 0, NULL);
  if (!_kp_audit_append (db, competency_id > 0 ? "update" : "create", "competency", clean_code,
                         payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  _kp_database_reload (db, KP_RELOAD_COMPETENCIES);
  return id;
}

gboolean
kp_competency_set_level (KpDatabase *db, gint64 competency_id, int level,
                         const char *description, const char *indicators, GError **error)
{
  KpDb *kdb;
  g_autofree char *code = NULL;
  g_autofree char *clean_description = NULL;
  g_autofree char *clean_indicators = NULL;
  g_autoptr(JsonNode) payload = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  if (level < KP_LEVEL_MIN || level > KP_LEVEL_MAX)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The level must be a whole number from 1 to 5 (or empty for the definition)"));
      return FALSE;
    }
  kdb = _kp_database_get_db (db);
  if ((code = competency_code (kdb, competency_id, error)) == NULL)
    return FALSE;
  clean_description = kp_text_squash (description != NULL ? description : "");
  clean_indicators = normalise_indicators (indicators != NULL ? indicators : "");

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!set_level (kdb, competency_id, level, clean_description, clean_indicators, &changed, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if (!changed)
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }
  payload = competency_payload (code, NULL, 0, level, "level");
  if (!_kp_audit_append (db, "update", "competency", code, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_database_reload (db, KP_RELOAD_COMPETENCIES);
  return TRUE;
}

gboolean
kp_competency_delete (KpDatabase *db, gint64 competency_id, GError **error)
{
  KpDb *kdb;
  g_autofree char *code = NULL;
  g_autoptr(JsonNode) payload = NULL;
  GError *local_error = NULL;
  gint64 n_results;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if ((code = competency_code (kdb, competency_id, error)) == NULL)
    return FALSE;
  stmt = _kp_db_prepare (kdb, "SELECT count (*) FROM assessment_result WHERE competency_id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, competency_id);
  if (_kp_stmt_step (stmt, &local_error) != KP_STEP_ROW)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  n_results = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (n_results > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE,
                   /* Translators: %s is a competency code, the number counts results. */
                   _("“%s” cannot be deleted: %" PRId64 " assessment result(s) refer to it."),
                   code, n_results);
      return FALSE;
    }

  stmt = _kp_db_prepare (kdb, "DELETE FROM competency WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, competency_id);
  payload = competency_payload (code, NULL, 0, 0, NULL);
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_stmt_run (stmt, error) ||
      !_kp_audit_append (db, "delete", "competency", code, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_database_reload (db, KP_RELOAD_COMPETENCIES);
  return TRUE;
}
