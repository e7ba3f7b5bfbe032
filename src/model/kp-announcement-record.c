/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-announcement-record.c: the record of the files made from an announcement version (see
 * kp-announcement-record.h). */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "kompeten/kp-announcement-record.h"
#include "kp-database-private.h"
#include "kp-recruitment-private.h"

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* The row id of @version of the selection's announcement; 0 with @error otherwise. */
static gint64
find_announcement (KpDb *kdb, gint64 selection_id, int version, GError **error)
{
  KpStmt *stmt;
  KpStep step;
  gint64 id = 0;

  if (!_kp_selection_check_exists (kdb, selection_id, error))
    return 0;
  stmt = _kp_db_prepare (kdb, "SELECT id FROM announcement WHERE selection_id = ?1 "
                              "AND version = ?2", error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  _kp_stmt_bind_int64 (stmt, 2, version);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    id = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 /* Translators: the selection's id, then a version number. */
                 _("Selection %" PRId64 " has no announcement version %d"), selection_id, version);
  return id;
}

gboolean
kp_announcement_record_file (KpDatabase *db, gint64 selection_id, int version,
                             const char *kind, const char *sha256, GError **error)
{
  KpDb *kdb;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *entity_id = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;
  gint64 announcement_id;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind != NULL && sha256 != NULL, FALSE);

  kdb = _kp_database_get_db (db);
  if (strcmp (kind, "pdf") != 0 && strcmp (kind, "html") != 0 && strcmp (kind, "text") != 0)
    {
      g_autofree char *shown = g_utf8_make_valid (kind, 40);

      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s is the refused file kind. */
                   _("An announcement file is a pdf, html or text file, not “%s”"), shown);
      return FALSE;
    }
  if (!is_sha256 (sha256))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s is the file kind (pdf, html, text). */
                   _("The SHA-256 of the announcement's %s file must be 64 lowercase hex digits"),
                   kind);
      return FALSE;
    }

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if ((announcement_id = find_announcement (kdb, selection_id, version, error)) == 0 ||
      (stmt = _kp_db_prepare (kdb, "INSERT OR IGNORE INTO announcement_file (announcement_id, "
                                   "kind, sha256, produced_at) VALUES (?1, ?2, ?3, ?4)",
                              error)) == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, announcement_id);
  _kp_stmt_bind_text (stmt, 2, kind);
  _kp_stmt_bind_text (stmt, 3, sha256);
  _kp_stmt_bind_text (stmt, 4, at);
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  /* The same file made again (the files are deterministic): already on record. */
  if (_kp_db_changes (kdb) == 0)
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "selection_id");
  json_builder_add_int_value (builder, selection_id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, announcement_id);
  if (!_kp_audit_append (db, "produce", "announcement", entity_id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  /* No store holds these tables: this only brings the audit log up to date. */
  _kp_database_reload (db, 0);
  return TRUE;
}
