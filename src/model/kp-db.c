/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-db.c: the only file that speaks SQLite. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "kompeten/kp-database.h"
#include "kp-db-private.h"

struct _KpDb
{
  sqlite3 *handle;
  char *path;
  GHashTable *statements; /* const char *sql (by address) -> sqlite3_stmt* */
  gboolean in_transaction;
};

/* A KpStmt is the sqlite3_stmt itself: the type only hides SQLite from the other files. */
#define STMT(s) ((sqlite3_stmt *) (s))

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
set_error (KpDb *db, int rc, GError **error, const char *what)
{
  int code = KP_MODEL_ERROR_FAILED;
  const char *detail = db->handle != NULL ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FAILED,
                   _("The disk is full: nothing was saved. Free some space and try again."));
      return;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      /* Translators: %s is the database file name, the second %s SQLite's reason. */
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FAILED,
                   _("The database “%s” cannot be written: %s"), db->path, detail);
      return;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FAILED,
                   _("The database is busy in another program: try again in a moment."));
      return;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = KP_MODEL_ERROR_NOT_A_DATABASE;
      g_set_error (error, KP_MODEL_ERROR, code,
                   _("“%s” is not a Kompeten database, or it is damaged."), db->path);
      return;
    case SQLITE_CONSTRAINT:
      code = KP_MODEL_ERROR_DUPLICATE;
      break;
    default:
      break;
    }

  /* Translators: the first %s says what was being done, the second is SQLite's reason. */
  g_set_error (error, KP_MODEL_ERROR, code, _("%s failed: %s"), what, detail);
}

KpDb *
_kp_db_open (const char *path, GError **error)
{
  g_autofree KpDb *db = g_new0 (KpDb, 1);
  int rc;

  db->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (db, rc, error, _("Opening the database"));
      sqlite3_close (db->handle);
      g_free (db->path);
      return NULL;
    }
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, 5000);
  db->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          finalize_statement);
  return g_steal_pointer (&db);
}

void
_kp_db_close (KpDb *db)
{
  if (db == NULL)
    return;
  if (db->in_transaction)
    _kp_db_rollback (db);
  g_clear_pointer (&db->statements, g_hash_table_destroy);
  sqlite3_close (db->handle);
  g_free (db->path);
  g_free (db);
}

const char *
_kp_db_get_path (KpDb *db)
{
  return db->path;
}

gboolean
_kp_db_exec (KpDb *db, const char *sql, GError **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, &message);

  sqlite3_free (message);
  if (rc != SQLITE_OK)
    {
      set_error (db, rc, error, _("Updating the database"));
      return FALSE;
    }
  return TRUE;
}

KpStmt *
_kp_db_prepare (KpDb *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return (KpStmt *) stmt;
    }

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (db, rc, error, _("Reading the database"));
      return NULL;
    }
  g_hash_table_insert (db->statements, (gpointer) sql, stmt);
  return (KpStmt *) stmt;
}

gboolean
_kp_db_begin (KpDb *db, GError **error)
{
  g_return_val_if_fail (!db->in_transaction, FALSE);

  /* IMMEDIATE takes the write lock now rather than failing half-way with SQLITE_BUSY. */
  if (!_kp_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  db->in_transaction = TRUE;
  return TRUE;
}

gboolean
_kp_db_commit (KpDb *db, GError **error)
{
  g_return_val_if_fail (db->in_transaction, FALSE);

  if (!_kp_db_exec (db, "COMMIT", error))
    {
      _kp_db_rollback (db);
      return FALSE;
    }
  db->in_transaction = FALSE;
  return TRUE;
}

void
_kp_db_rollback (KpDb *db)
{
  if (!db->in_transaction)
    return;
  /* A failed COMMIT may already have rolled back: then ROLLBACK fails harmlessly. */
  sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  db->in_transaction = FALSE;
}

gboolean
_kp_db_in_transaction (KpDb *db)
{
  return db->in_transaction;
}

gint64
_kp_db_last_insert_id (KpDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

int
_kp_db_changes (KpDb *db)
{
  return sqlite3_changes (db->handle);
}

void
_kp_stmt_bind_text (KpStmt *stmt, int index, const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (STMT (stmt), index);
  else
    sqlite3_bind_text (STMT (stmt), index, value, -1, SQLITE_TRANSIENT);
}

void
_kp_stmt_bind_text_static (KpStmt *stmt, int index, const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (STMT (stmt), index);
  else
    sqlite3_bind_text (STMT (stmt), index, value, -1, SQLITE_STATIC);
}

void
_kp_stmt_bind_int64 (KpStmt *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

void
_kp_stmt_bind_id (KpStmt *stmt, int index, gint64 id)
{
  if (id <= 0)
    sqlite3_bind_null (STMT (stmt), index);
  else
    sqlite3_bind_int64 (STMT (stmt), index, id);
}

KpStep
_kp_stmt_step (KpStmt *stmt, GError **error)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return KP_STEP_ROW;
  if (rc == SQLITE_DONE)
    return KP_STEP_DONE;

  {
    sqlite3 *handle = sqlite3_db_handle (STMT (stmt));
    KpDb tmp = { .handle = handle, .path = (char *) sqlite3_db_filename (handle, "main") };

    set_error (&tmp, sqlite3_extended_errcode (handle), error, _("Updating the database"));
  }
  sqlite3_reset (STMT (stmt));
  return KP_STEP_ERROR;
}

gboolean
_kp_stmt_run (KpStmt *stmt, GError **error)
{
  KpStep step = _kp_stmt_step (stmt, error);

  sqlite3_reset (STMT (stmt));
  return step != KP_STEP_ERROR;
}

void
_kp_stmt_reset (KpStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

const char *
_kp_stmt_get_text (KpStmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (STMT (stmt), column);

  return text != NULL ? (const char *) text : "";
}

gint64
_kp_stmt_get_int64 (KpStmt *stmt, int column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

gboolean
_kp_stmt_is_null (KpStmt *stmt, int column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

gint64
_kp_db_query_int64 (KpDb *db, const char *sql, gint64 fallback, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (db, sql, error);
  gint64 value = fallback;
  KpStep step;

  if (stmt == NULL)
    return fallback;
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW && !_kp_stmt_is_null (stmt, 0))
    value = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  return value;
}
