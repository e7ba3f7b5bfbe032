/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-database-private.h: what the model's files share about an open database. */
#pragma once

#include <json-glib/json-glib.h>

#include "kompeten/kp-database.h"
#include "kompeten/kp-employee-import.h"
#include "kompeten/kp-records.h"
#include "kp-db-private.h"
#include "kp-store-private.h"

G_BEGIN_DECLS

#define KP_RESOURCE_PREFIX "/id/go/lampungselatankab/Kompeten"

typedef enum {
  KP_RELOAD_UNITS = 1 << 0,
  KP_RELOAD_POSITIONS = 1 << 1,
  KP_RELOAD_EMPLOYEES = 1 << 2,
  KP_RELOAD_COMPETENCIES = 1 << 3,
  KP_RELOAD_ALL = 0xf,
} KpReload;

KpDb *_kp_database_get_db (KpDatabase *self);
/* The store if it has been loaded, else NULL (then there is nothing to update). */
KpStore *_kp_database_peek_store (KpDatabase *self, KpReload which);
/* Re-reads the loaded stores among @what after a change that touches many rows. */
void _kp_database_reload (KpDatabase *self, KpReload what);

/* Appends one audit event; must be called inside the transaction of the change it records.
 * @payload: transfer none. */
gboolean _kp_audit_append (KpDatabase *db, const char *action, const char *entity,
                           const char *entity_id, JsonNode *payload, GError **error);

/* The payload of an import's audit event: the file, its SHA-256 and the counts, then any
 * further (const char *name, gint64 value) pairs up to a NULL name. Every importer records
 * the same members, so the log reads alike whatever was imported. */
JsonNode *_kp_audit_import_payload (const char *file, const char *sha256,
                                    const KpImportCounts *counts, ...) G_GNUC_NULL_TERMINATED;

/* Loaders (kp-org-sql.c, kp-employee-sql.c): arrays of records owning their items. */
GPtrArray *_kp_org_load_units (KpDatabase *db, GError **error);
GPtrArray *_kp_org_load_positions (KpDatabase *db, GError **error);
GPtrArray *_kp_employee_load_all (KpDatabase *db, GError **error);
KpEmployee *_kp_employee_load_one (KpDatabase *db, gint64 id, GError **error);

GPtrArray *_kp_competency_load_all (KpDatabase *db, GError **error);
gint64 _kp_competency_id_func (gpointer item);

/* A problem of an import row (the value made valid UTF-8 and cut at 200 characters). */
KpImportProblem *_kp_import_problem_new (guint64 line, const char *column, const char *value,
                                         const char *reason, gboolean warning);
void _kp_import_problem_free (KpImportProblem *problem);

/* Runs @sql inside a transaction (BEGIN/COMMIT) unless one is open: for the model's helpers. */
gboolean _kp_database_begin (KpDatabase *self, GError **error);
gboolean _kp_database_commit (KpDatabase *self, GError **error);
void _kp_database_rollback (KpDatabase *self);

G_END_DECLS
