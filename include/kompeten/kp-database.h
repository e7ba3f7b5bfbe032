/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-database.h: one open Kompeten database (a SQLite file), its migrations, its stores. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KP_MODEL_ERROR (kp_model_error_quark ())
GQuark kp_model_error_quark (void);

typedef enum {
  KP_MODEL_ERROR_FAILED,          /* the database refused (I/O, disk full, locked): message says */
  KP_MODEL_ERROR_SCHEMA_TOO_NEW,  /* the file was written by a newer Kompeten */
  KP_MODEL_ERROR_NOT_A_DATABASE,  /* the file is not a Kompeten database */
  KP_MODEL_ERROR_NOT_FOUND,       /* no record with that id */
  KP_MODEL_ERROR_INVALID,         /* a value breaks a rule of core */
  KP_MODEL_ERROR_DUPLICATE,       /* a natural key (NIP, unit name) already exists */
  KP_MODEL_ERROR_IN_USE,          /* cannot delete: other records still refer to it */
  KP_MODEL_ERROR_CYCLE,           /* a parent/supervisor chain would loop */
  KP_MODEL_ERROR_FILE,            /* an import file is missing, unreadable or not usable */
  KP_MODEL_ERROR_CANCELLED,       /* the user cancelled; nothing was written */
  KP_MODEL_ERROR_TAMPERED,        /* the audit chain does not verify */
  KP_MODEL_ERROR_LOCKED,          /* announced: changes only through an amendment with a reason */
} KpModelError;

#define KP_TYPE_DATABASE (kp_database_get_type ())
G_DECLARE_FINAL_TYPE (KpDatabase, kp_database, KP, DATABASE, GObject)

/* The schema version this program writes. */
#define KP_SCHEMA_VERSION 3

/* Opens @path, creating the file (and its folder) if missing, and migrates it to
 * KP_SCHEMA_VERSION. A file from a newer program is KP_MODEL_ERROR_SCHEMA_TOO_NEW and is left
 * untouched. */
KpDatabase *kp_database_open (const char *path, GError **error);
/* $XDG_DATA_HOME/kompeten/kompeten.db. Free with g_free. */
char *kp_database_get_default_path (void);
const char *kp_database_get_path (KpDatabase *self);
int kp_database_get_schema_version (KpDatabase *self);

/* Who the audit log names for changes made through this handle (default: the OS user). */
const char *kp_database_get_actor (KpDatabase *self);
void kp_database_set_actor (KpDatabase *self, const char *actor);

/* The stores: GListModels that follow every change made through this handle, each emitting one
 * items-changed per change. Transfer none; loaded on first use. */
GListModel *kp_database_get_units (KpDatabase *self);     /* of KpUnit, by name */
GListModel *kp_database_get_positions (KpDatabase *self); /* of KpPosition, by unit then title */
GListModel *kp_database_get_employees (KpDatabase *self); /* of KpEmployee, in register order */

/* Re-reads every loaded store, each with one items-changed: call it on the main thread after
 * another connection to the same file (an import or export running in a worker thread on its
 * own KpDatabase) has changed it. */
void kp_database_refresh (KpDatabase *self);
/* The same, with the records read in a worker thread on a connection of its own, so that the
 * main thread only swaps them in (100,000 employees take a quarter of a second to read). */
void kp_database_refresh_async (KpDatabase *self, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
gboolean kp_database_refresh_finish (KpDatabase *self, GAsyncResult *result, GError **error);

/* Fills an empty database with the demo register that ships with the program (24 units,
 * their positions, 500 employees). Refuses a database that already has employees. */
gboolean kp_database_load_demo (KpDatabase *self, GError **error);

G_END_DECLS
