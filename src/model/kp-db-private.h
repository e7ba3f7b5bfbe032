/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-db-private.h: the model's own small statement helpers. Every sqlite3_* call of Kompeten is
 * in kp-db.c, so that a later server backend (PostgreSQL) is one new file behind these
 * functions, not a rewrite of every entity. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KpDb KpDb;
typedef struct _KpStmt KpStmt;

typedef enum {
  KP_STEP_ERROR = -1,
  KP_STEP_DONE = 0,
  KP_STEP_ROW = 1,
} KpStep;

KpDb *_kp_db_open (const char *path, GError **error);
void _kp_db_close (KpDb *db);
const char *_kp_db_get_path (KpDb *db);

/* Runs a script of statements with no parameters (migrations, pragmas). */
gboolean _kp_db_exec (KpDb *db, const char *sql, GError **error);
/* A prepared statement, cached by the address of @sql (pass string literals), returned reset
 * with its bindings cleared. Owned by @db. */
KpStmt *_kp_db_prepare (KpDb *db, const char *sql, GError **error);

/* Transactions do not nest: the model opens one per change. */
gboolean _kp_db_begin (KpDb *db, GError **error);
gboolean _kp_db_commit (KpDb *db, GError **error);
void _kp_db_rollback (KpDb *db);
gboolean _kp_db_in_transaction (KpDb *db);
gint64 _kp_db_last_insert_id (KpDb *db);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
int _kp_db_changes (KpDb *db);

/* Bind by 1-based index. Text NULL binds SQL NULL; an id of 0 binds NULL. */
void _kp_stmt_bind_text (KpStmt *stmt, int index, const char *value);
/* Binds without copying: @value must stay valid until the statement is stepped and reset
 * (for hot loops such as imports). */
void _kp_stmt_bind_text_static (KpStmt *stmt, int index, const char *value);
void _kp_stmt_bind_int64 (KpStmt *stmt, int index, gint64 value);
void _kp_stmt_bind_id (KpStmt *stmt, int index, gint64 id);
KpStep _kp_stmt_step (KpStmt *stmt, GError **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean _kp_stmt_run (KpStmt *stmt, GError **error);
void _kp_stmt_reset (KpStmt *stmt);
/* Column readers by 0-based index: text is "" for NULL; valid until the next step or reset. */
const char *_kp_stmt_get_text (KpStmt *stmt, int column);
gint64 _kp_stmt_get_int64 (KpStmt *stmt, int column);
gboolean _kp_stmt_is_null (KpStmt *stmt, int column);

/* Utility: SELECT that yields one integer (or @fallback when no row). */
gint64 _kp_db_query_int64 (KpDb *db, const char *sql, gint64 fallback, GError **error);

G_END_DECLS
