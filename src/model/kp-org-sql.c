/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-org-sql.c: units and positions in the database. */

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-register.h"
#include "kp-database-private.h"
#include "kp-records-private.h"

GPtrArray *
_kp_org_load_units (KpDatabase *db, GError **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  KpStmt *stmt;
  KpStep step;

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT u.id, u.name, u.parent_id, count (e.id) "
                         "FROM unit u "
                         "LEFT JOIN position p ON p.unit_id = u.id "
                         "LEFT JOIN employee e ON e.position_id = p.id "
                         "GROUP BY u.id, u.name, u.parent_id, u.name_key "
                         "ORDER BY u.name_key",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpUnit *unit = kp_unit_new ();

      _kp_unit_set_id (unit, _kp_stmt_get_int64 (stmt, 0));
      kp_unit_set_name (unit, _kp_stmt_get_text (stmt, 1));
      kp_unit_set_parent_id (unit, _kp_stmt_get_int64 (stmt, 2));
      _kp_unit_set_n_employees (unit, _kp_stmt_get_int64 (stmt, 3));
      g_ptr_array_add (units, unit);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&units);
}

GPtrArray *
_kp_org_load_positions (KpDatabase *db, GError **error)
{
  g_autoptr(GPtrArray) positions = g_ptr_array_new_with_free_func (g_object_unref);
  KpStmt *stmt;
  KpStep step;

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT p.id, p.unit_id, u.name, p.title, p.kind, count (e.id) "
                         "FROM position p "
                         "JOIN unit u ON u.id = p.unit_id "
                         "LEFT JOIN employee e ON e.position_id = p.id "
                         "GROUP BY p.id, p.unit_id, u.name, p.title, p.kind, u.name_key, p.title_key "
                         "ORDER BY u.name_key, p.title_key",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpPosition *position = kp_position_new ();

      _kp_position_set_id (position, _kp_stmt_get_int64 (stmt, 0));
      kp_position_set_unit_id (position, _kp_stmt_get_int64 (stmt, 1));
      _kp_position_set_unit_name (position, _kp_stmt_get_text (stmt, 2));
      kp_position_set_title (position, _kp_stmt_get_text (stmt, 3));
      kp_position_set_kind (position, (int) _kp_stmt_get_int64 (stmt, 4));
      _kp_position_set_n_employees (position, _kp_stmt_get_int64 (stmt, 5));
      g_ptr_array_add (positions, position);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&positions);
}

/* The unit's name, or NULL with an error if there is no such unit. */
static char *
unit_name (KpDb *db, gint64 unit_id, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (db, "SELECT name FROM unit WHERE id = ?", error);
  KpStep step;
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, unit_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    name = g_strdup (_kp_stmt_get_text (stmt, 0));
  else if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no unit with number %" PRId64), unit_id);
  _kp_stmt_reset (stmt);
  return name;
}

static char *
clean_name (const char *name, const char *what, GError **error)
{
  g_autofree char *clean = kp_text_squash (name != NULL ? name : "");

  if (*clean == '\0')
    {
      /* Translators: %s is "unit name" or "position title". */
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, _("The %s is empty"), what);
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > 200)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The %s is longer than 200 characters"), what);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static JsonNode *
change_payload (const char *member, const char *old_value, const char *new_value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "old");
  if (old_value != NULL)
    json_builder_add_string_value (builder, old_value);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "new");
  if (new_value != NULL)
    json_builder_add_string_value (builder, new_value);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Runs one write and its audit event in a transaction; reloads the stores on success. */
static gboolean
commit_change (KpDatabase *db, KpStmt *stmt, const char *action, const char *entity,
               const char *entity_id, JsonNode *payload, KpReload reload, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_stmt_run (stmt, error) ||
      !_kp_audit_append (db, action, entity, entity_id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_database_reload (db, reload);
  return TRUE;
}

gint64
kp_register_add_unit (KpDatabase *db, const char *name, gint64 parent_id, GError **error)
{
  KpDb *kdb;
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;
  gint64 id;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);

  kdb = _kp_database_get_db (db);
  clean = clean_name (name, _("unit name"), error);
  if (clean == NULL)
    return 0;
  if (parent_id > 0 && (parent = unit_name (kdb, parent_id, error)) == NULL)
    return 0;
  key = kp_text_fold (clean);

  stmt = _kp_db_prepare (kdb, "INSERT INTO unit (name, name_key, parent_id) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_text (stmt, 1, clean);
  _kp_stmt_bind_text (stmt, 2, key);
  _kp_stmt_bind_id (stmt, 3, parent_id);

  payload = change_payload ("name", NULL, clean);
  if (parent != NULL)
    json_object_set_string_member (json_node_get_object (payload), "parent", parent);

  if (!_kp_db_begin (kdb, error))
    return 0;
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      if (error != NULL && g_error_matches (*error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                       _("A unit named “%s” already exists"), clean);
        }
      return 0;
    }
  id = _kp_db_last_insert_id (kdb);
  id_text = g_strdup_printf ("%" PRId64, id);
  if (!_kp_audit_append (db, "create", "unit", id_text, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  _kp_database_reload (db, KP_RELOAD_UNITS);
  return id;
}

gboolean
kp_register_rename_unit (KpDatabase *db, gint64 unit_id, const char *name, GError **error)
{
  KpDb *kdb;
  g_autofree char *clean = NULL;
  g_autofree char *old = NULL;
  g_autofree char *key = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if ((clean = clean_name (name, _("unit name"), error)) == NULL ||
      (old = unit_name (kdb, unit_id, error)) == NULL)
    return FALSE;
  if (strcmp (old, clean) == 0)
    return TRUE;
  key = kp_text_fold (clean);
  stmt = _kp_db_prepare (kdb, "UPDATE unit SET name = ?, name_key = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, clean);
  _kp_stmt_bind_text (stmt, 2, key);
  _kp_stmt_bind_int64 (stmt, 3, unit_id);
  payload = change_payload ("name", old, clean);
  id_text = g_strdup_printf ("%" PRId64, unit_id);
  if (!commit_change (db, stmt, "update", "unit", id_text, payload, KP_RELOAD_ALL, error))
    {
      if (error != NULL && g_error_matches (*error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                       _("A unit named “%s” already exists"), clean);
        }
      return FALSE;
    }
  return TRUE;
}

gboolean
kp_register_move_unit (KpDatabase *db, gint64 unit_id, gint64 parent_id, GError **error)
{
  KpDb *kdb;
  g_autofree char *name = NULL;
  g_autofree char *new_parent = NULL;
  g_autofree char *old_parent = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonNode) payload = NULL;
  GError *local_error = NULL;
  gint64 old_parent_id;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if ((name = unit_name (kdb, unit_id, error)) == NULL)
    return FALSE;
  if (parent_id > 0 && (new_parent = unit_name (kdb, parent_id, error)) == NULL)
    return FALSE;

  /* Walk up from the new parent: meeting the unit itself means the move would make a loop. */
  stmt = _kp_db_prepare (kdb, "SELECT parent_id FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (gint64 at = parent_id, steps = 0; at > 0; steps++)
    {
      if (at == unit_id)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CYCLE,
                       _("“%s” cannot be moved under “%s”: it would be inside itself"),
                       name, new_parent);
          return FALSE;
        }
      _kp_stmt_bind_int64 (stmt, 1, at);
      at = _kp_stmt_step (stmt, &local_error) == KP_STEP_ROW ? _kp_stmt_get_int64 (stmt, 0) : 0;
      _kp_stmt_reset (stmt);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      g_assert (steps < 100000);
    }

  old_parent_id = 0;
  stmt = _kp_db_prepare (kdb, "SELECT parent_id FROM unit WHERE id = ?", error);
  _kp_stmt_bind_int64 (stmt, 1, unit_id);
  if (_kp_stmt_step (stmt, NULL) == KP_STEP_ROW)
    old_parent_id = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (old_parent_id == parent_id)
    return TRUE;
  if (old_parent_id > 0 && (old_parent = unit_name (kdb, old_parent_id, error)) == NULL)
    return FALSE;

  stmt = _kp_db_prepare (kdb, "UPDATE unit SET parent_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_id (stmt, 1, parent_id);
  _kp_stmt_bind_int64 (stmt, 2, unit_id);
  payload = change_payload ("parent", old_parent, new_parent);
  json_object_set_string_member (json_node_get_object (payload), "name", name);
  id_text = g_strdup_printf ("%" PRId64, unit_id);
  return commit_change (db, stmt, "move", "unit", id_text, payload, KP_RELOAD_UNITS, error);
}

gboolean
kp_register_delete_unit (KpDatabase *db, gint64 unit_id, GError **error)
{
  KpDb *kdb;
  g_autofree char *name = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonNode) payload = NULL;
  GError *local_error = NULL;
  gint64 n_positions, n_children;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if ((name = unit_name (kdb, unit_id, error)) == NULL)
    return FALSE;

  stmt = _kp_db_prepare (kdb,
                         "SELECT (SELECT count (*) FROM position WHERE unit_id = ?1), "
                         "       (SELECT count (*) FROM unit WHERE parent_id = ?1)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, unit_id);
  if (_kp_stmt_step (stmt, &local_error) != KP_STEP_ROW)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  n_positions = _kp_stmt_get_int64 (stmt, 0);
  n_children = _kp_stmt_get_int64 (stmt, 1);
  _kp_stmt_reset (stmt);

  if (n_positions > 0 || n_children > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE,
                   /* Translators: %s is a unit; the numbers count its positions and sub-units. */
                   _("“%s” cannot be deleted: it still has %" PRId64 " position(s) and %"
                     PRId64 " sub-unit(s). Move or delete them first."),
                   name, n_positions, n_children);
      return FALSE;
    }

  stmt = _kp_db_prepare (kdb, "DELETE FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, unit_id);
  payload = change_payload ("name", name, NULL);
  id_text = g_strdup_printf ("%" PRId64, unit_id);
  return commit_change (db, stmt, "delete", "unit", id_text, payload, KP_RELOAD_UNITS, error);
}

/* The position's title and unit id, or FALSE with an error. */
static gboolean
position_info (KpDb *db, gint64 position_id, char **title, int *kind, gint64 *unit_id,
               GError **error)
{
  KpStmt *stmt = _kp_db_prepare (db, "SELECT title, kind, unit_id FROM position WHERE id = ?",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, position_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      *title = g_strdup (_kp_stmt_get_text (stmt, 0));
      *kind = (int) _kp_stmt_get_int64 (stmt, 1);
      *unit_id = _kp_stmt_get_int64 (stmt, 2);
    }
  else if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no position with number %" PRId64), position_id);
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ROW;
}

static JsonNode *
position_payload (const char *unit, const char *title, int kind)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, unit);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kp_position_kind_to_string (kind));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
rename_duplicate_error (GError **error, const char *title, const char *unit)
{
  if (error != NULL && g_error_matches (*error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE))
    {
      g_clear_error (error);
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                   _("“%s” already has a position “%s”"), unit, title);
    }
}

gint64
kp_register_add_position (KpDatabase *db, gint64 unit_id, const char *title, int kind,
                          GError **error)
{
  KpDb *kdb;
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;
  gint64 id;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);

  kdb = _kp_database_get_db (db);
  if ((clean = clean_name (title, _("position title"), error)) == NULL ||
      (unit = unit_name (kdb, unit_id, error)) == NULL)
    return 0;
  if (kind < 0 || kind >= KP_POSITION_KIND_COUNT)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, _("Choose the position kind"));
      return 0;
    }
  key = kp_text_fold (clean);
  stmt = _kp_db_prepare (kdb,
                         "INSERT INTO position (unit_id, title, title_key, kind) VALUES (?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_int64 (stmt, 1, unit_id);
  _kp_stmt_bind_text (stmt, 2, clean);
  _kp_stmt_bind_text (stmt, 3, key);
  _kp_stmt_bind_int64 (stmt, 4, kind);

  if (!_kp_db_begin (kdb, error))
    return 0;
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      rename_duplicate_error (error, clean, unit);
      return 0;
    }
  id = _kp_db_last_insert_id (kdb);
  id_text = g_strdup_printf ("%" PRId64, id);
  payload = position_payload (unit, clean, kind);
  if (!_kp_audit_append (db, "create", "position", id_text, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  _kp_database_reload (db, KP_RELOAD_POSITIONS);
  return id;
}

gboolean
kp_register_update_position (KpDatabase *db, gint64 position_id, const char *title, int kind,
                             GError **error)
{
  KpDb *kdb;
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autofree char *old_title = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonNode) payload = NULL;
  int old_kind;
  gint64 unit_id;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if ((clean = clean_name (title, _("position title"), error)) == NULL ||
      !position_info (kdb, position_id, &old_title, &old_kind, &unit_id, error) ||
      (unit = unit_name (kdb, unit_id, error)) == NULL)
    return FALSE;
  if (kind < 0 || kind >= KP_POSITION_KIND_COUNT)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, _("Choose the position kind"));
      return FALSE;
    }
  if (strcmp (old_title, clean) == 0 && old_kind == kind)
    return TRUE;

  key = kp_text_fold (clean);
  stmt = _kp_db_prepare (kdb, "UPDATE position SET title = ?, title_key = ?, kind = ? WHERE id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, clean);
  _kp_stmt_bind_text (stmt, 2, key);
  _kp_stmt_bind_int64 (stmt, 3, kind);
  _kp_stmt_bind_int64 (stmt, 4, position_id);

  payload = change_payload ("title", old_title, clean);
  {
    JsonObject *object = json_node_get_object (payload);
    JsonObject *kinds = json_object_new ();

    json_object_set_string_member (kinds, "old", kp_position_kind_to_string (old_kind));
    json_object_set_string_member (kinds, "new", kp_position_kind_to_string (kind));
    json_object_set_object_member (object, "kind", kinds);
    json_object_set_string_member (object, "unit", unit);
  }
  id_text = g_strdup_printf ("%" PRId64, position_id);
  if (!commit_change (db, stmt, "update", "position", id_text, payload,
                      KP_RELOAD_POSITIONS | KP_RELOAD_EMPLOYEES, error))
    {
      rename_duplicate_error (error, clean, unit);
      return FALSE;
    }
  return TRUE;
}

gboolean
kp_register_delete_position (KpDatabase *db, gint64 position_id, GError **error)
{
  KpDb *kdb;
  g_autofree char *title = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonNode) payload = NULL;
  GError *local_error = NULL;
  gint64 unit_id, n_employees;
  int kind;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (!position_info (kdb, position_id, &title, &kind, &unit_id, error) ||
      (unit = unit_name (kdb, unit_id, error)) == NULL)
    return FALSE;

  stmt = _kp_db_prepare (kdb, "SELECT count (*) FROM employee WHERE position_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, position_id);
  if (_kp_stmt_step (stmt, &local_error) != KP_STEP_ROW)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  n_employees = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (n_employees > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE,
                   /* Translators: %s is a position title, the number counts employees. */
                   _("“%s” cannot be deleted: %" PRId64 " employee(s) still hold it. "
                     "Move them to another position first."),
                   title, n_employees);
      return FALSE;
    }

  stmt = _kp_db_prepare (kdb, "DELETE FROM position WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, position_id);
  payload = position_payload (unit, title, kind);
  id_text = g_strdup_printf ("%" PRId64, position_id);
  return commit_change (db, stmt, "delete", "position", id_text, payload, KP_RELOAD_POSITIONS,
                        error);
}

gboolean
kp_register_count_by_unit (KpDatabase *db, gint64 unit_id, gboolean include_empty,
                           GPtrArray **names, GArray **counts, GError **error)
{
  g_autoptr(GPtrArray) out_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) out_counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "WITH RECURSIVE scope (id) AS ("
                         "  SELECT id FROM unit WHERE ?1 = 0 OR id = ?1"
                         "  UNION"
                         "  SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id) "
                         "SELECT u.name, count (e.id) AS n "
                         "FROM unit u JOIN scope s ON s.id = u.id "
                         "LEFT JOIN position p ON p.unit_id = u.id "
                         "LEFT JOIN employee e ON e.position_id = p.id "
                         "GROUP BY u.id, u.name "
                         "HAVING count (e.id) > 0 OR ?2 <> 0 "
                         "ORDER BY n DESC, u.name",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, MAX (unit_id, 0));
  _kp_stmt_bind_int64 (stmt, 2, include_empty ? 1 : 0);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 n = _kp_stmt_get_int64 (stmt, 1);

      g_ptr_array_add (out_names, g_strdup (_kp_stmt_get_text (stmt, 0)));
      g_array_append_val (out_counts, n);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  *names = g_steal_pointer (&out_names);
  *counts = g_steal_pointer (&out_counts);
  return TRUE;
}
