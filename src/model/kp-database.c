/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-database.c: KpDatabase, an open Kompeten file: migrations, the actor, the stores. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kompeten/kp-assessments.h"
#include "kompeten/kp-competencies.h"
#include "kompeten/kp-applicants.h"
#include "kompeten/kp-employee-import.h"
#include "kompeten/kp-formasi.h"
#include "kompeten/kp-register.h"
#include "kompeten/kp-selection.h"
#include "kp-audit-private.h"
#include "kp-database-private.h"
#include "kp-records-private.h"

/* From the data bundle compiled into this library (resources/kompeten.gresource.xml). Calling
 * it keeps the linker from dropping the bundle out of the static library. */
GResource *kp_get_resource (void);

struct _KpDatabase
{
  GObject parent_instance;

  KpDb *db;
  char *actor;
  int schema_version;
  KpStore *units;
  KpStore *positions;
  KpStore *employees;
  KpStore *audit_log;
  KpStore *competencies;
};

G_DEFINE_FINAL_TYPE (KpDatabase, kp_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The migrations, in order. A released one is never edited: add a new file. */
static const char *const migrations[] = {
  "0001-register.sql",
  "0002-competency.sql",
  "0003-recruitment.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KP_SCHEMA_VERSION);

static gboolean
read_schema_version (KpDatabase *self, int *version, GError **error)
{
  GError *local_error = NULL;
  gint64 n;

  /* Reading sqlite_master first turns a non-SQLite file into a clear error here. Nothing is
   * created yet: a file that turns out to be another program's must stay as it was. */
  n = _kp_db_query_int64 (self->db,
                          "SELECT count(*) FROM sqlite_master "
                          "WHERE type = 'table' AND name = 'kp_schema'",
                          0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n == 0)
    {
      *version = 0;
      return TRUE;
    }

  n = _kp_db_query_int64 (self->db, "SELECT max(version) FROM kp_schema", 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *version = (int) n;
  return TRUE;
}

static gboolean
check_is_ours (KpDatabase *self, int version, GError **error)
{
  GError *local_error = NULL;
  gint64 n_tables;

  if (version > 0)
    return TRUE;
  /* A file with tables but no schema version was made by some other program: refuse to add
   * our tables to it. */
  n_tables = _kp_db_query_int64 (self->db,
                                 "SELECT count(*) FROM sqlite_master "
                                 "WHERE type = 'table' AND name <> 'kp_schema'",
                                 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n_tables > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Kompeten."),
                   _kp_db_get_path (self->db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (KpDatabase *self, int from, GError **error)
{
  for (int version = from + 1; version <= KP_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = g_strconcat (KP_RESOURCE_PREFIX "/db/", migrations[version - 1], NULL);
      g_autoptr(GBytes) sql = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) payload = NULL;
      KpStmt *stmt;

      g_assert (sql != NULL);

      if (!_kp_db_begin (self->db, error))
        return FALSE;
      if (!_kp_db_exec (self->db,
                        "CREATE TABLE IF NOT EXISTS kp_schema ("
                        "  version INTEGER PRIMARY KEY,"
                        "  applied_at TEXT NOT NULL)",
                        error) ||
          !_kp_db_exec (self->db, g_bytes_get_data (sql, NULL), error))
        goto fail;
      stmt = _kp_db_prepare (self->db,
                             "INSERT INTO kp_schema (version, applied_at) "
                             "VALUES (?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                             error);
      if (stmt == NULL)
        goto fail;
      _kp_stmt_bind_int64 (stmt, 1, version);
      if (!_kp_stmt_run (stmt, error))
        goto fail;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, version);
      json_builder_set_member_name (builder, "migration");
      json_builder_add_string_value (builder, migrations[version - 1]);
      json_builder_end_object (builder);
      payload = json_builder_get_root (builder);
      if (!_kp_audit_append (self, "migrate", "database", NULL, payload, error))
        goto fail;
      if (!_kp_db_commit (self->db, error))
        return FALSE;
      continue;

    fail:
      _kp_db_rollback (self->db);
      g_prefix_error (error, _("Could not prepare the database (step %d): "), version);
      return FALSE;
    }
  return TRUE;
}

static void
kp_database_finalize (GObject *object)
{
  KpDatabase *self = KP_DATABASE (object);

  g_clear_object (&self->units);
  g_clear_object (&self->positions);
  g_clear_object (&self->employees);
  g_clear_object (&self->audit_log);
  g_clear_object (&self->competencies);
  g_clear_pointer (&self->db, _kp_db_close);
  g_free (self->actor);
  G_OBJECT_CLASS (kp_database_parent_class)->finalize (object);
}

static void
kp_database_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KpDatabase *self = KP_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, kp_database_get_path (self));
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_database_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ACTOR:
      kp_database_set_actor (KP_DATABASE (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_database_class_init (KpDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kp_database_finalize;
  object_class->get_property = kp_database_get_property;
  object_class->set_property = kp_database_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_database_init (KpDatabase *self)
{
  self->actor = g_strdup (g_get_user_name ());
}

/**
 * kp_database_open:
 * @path: the database file, created if missing
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the open database, migrated to KP_SCHEMA_VERSION
 */
KpDatabase *
kp_database_open (const char *path, GError **error)
{
  g_autoptr(KpDatabase) self = NULL;
  g_autofree char *dir = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  g_resource_unref (g_resource_ref (kp_get_resource ()));

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (KP_TYPE_DATABASE, NULL);
  self->db = _kp_db_open (path, error);
  if (self->db == NULL)
    return NULL;

  if (!_kp_db_exec (self->db, "PRAGMA foreign_keys = ON", error) ||
      !read_schema_version (self, &version, error) ||
      !check_is_ours (self, version, error))
    return NULL;

  if (version > KP_SCHEMA_VERSION)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_SCHEMA_TOO_NEW,
                   /* Translators: %s is a file name, the numbers are schema versions. */
                   _("“%s” was written by a newer version of Kompeten (database version %d; this "
                     "program knows up to %d). Update Kompeten to open it; the file was not "
                     "changed."),
                   path, version, KP_SCHEMA_VERSION);
      return NULL;
    }

  /* WAL: readers never block the writer, and a killed process leaves a consistent file. */
  if (!_kp_db_exec (self->db,
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = FULL;"
                    /* 16 MB of pages: a big import spills far less to the WAL than with the
                     * 2 MB default, and memory stays bounded. */
                    "PRAGMA cache_size = -16384;",
                    error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;
  self->schema_version = KP_SCHEMA_VERSION;

  return g_steal_pointer (&self);
}

char *
kp_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kompeten", "kompeten.db", NULL);
}

const char *
kp_database_get_path (KpDatabase *self)
{
  g_return_val_if_fail (KP_IS_DATABASE (self), NULL);
  return _kp_db_get_path (self->db);
}

int
kp_database_get_schema_version (KpDatabase *self)
{
  g_return_val_if_fail (KP_IS_DATABASE (self), 0);
  return self->schema_version;
}

const char *
kp_database_get_actor (KpDatabase *self)
{
  g_return_val_if_fail (KP_IS_DATABASE (self), NULL);
  return self->actor;
}

void
kp_database_set_actor (KpDatabase *self, const char *actor)
{
  g_return_if_fail (KP_IS_DATABASE (self));
  g_return_if_fail (actor != NULL && *actor != '\0');

  if (g_strcmp0 (self->actor, actor) == 0)
    return;
  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

static GPtrArray *
load (KpDatabase *self, KpReload which, GError **error)
{
  switch (which)
    {
    case KP_RELOAD_UNITS:
      return _kp_org_load_units (self, error);
    case KP_RELOAD_POSITIONS:
      return _kp_org_load_positions (self, error);
    case KP_RELOAD_EMPLOYEES:
      return _kp_employee_load_all (self, error);
    case KP_RELOAD_COMPETENCIES:
      return _kp_competency_load_all (self, error);
    case KP_RELOAD_ALL:
    default:
      g_assert_not_reached ();
    }
}

static KpStore **
store_slot (KpDatabase *self, KpReload which)
{
  switch (which)
    {
    case KP_RELOAD_UNITS:
      return &self->units;
    case KP_RELOAD_POSITIONS:
      return &self->positions;
    case KP_RELOAD_EMPLOYEES:
      return &self->employees;
    case KP_RELOAD_COMPETENCIES:
      return &self->competencies;
    case KP_RELOAD_ALL:
    default:
      g_assert_not_reached ();
    }
}

static GListModel *
get_store (KpDatabase *self, KpReload which, GType type, KpStoreIdFunc id_func)
{
  KpStore **slot = store_slot (self, which);

  if (*slot == NULL)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *items;

      *slot = _kp_store_new (type, id_func);
      items = load (self, which, &error);
      if (items == NULL)
        {
          /* The stores cannot report errors; the database was readable when opened, so this
           * is an I/O failure that the next change will report properly. */
          g_warning ("Could not read the database: %s", error->message);
          items = g_ptr_array_new_with_free_func (g_object_unref);
        }
      _kp_store_set_all (*slot, items);
    }
  return G_LIST_MODEL (*slot);
}

GListModel *
kp_database_get_units (KpDatabase *self)
{
  g_return_val_if_fail (KP_IS_DATABASE (self), NULL);
  return get_store (self, KP_RELOAD_UNITS, KP_TYPE_UNIT, _kp_unit_id_func);
}

GListModel *
kp_database_get_positions (KpDatabase *self)
{
  g_return_val_if_fail (KP_IS_DATABASE (self), NULL);
  return get_store (self, KP_RELOAD_POSITIONS, KP_TYPE_POSITION, _kp_position_id_func);
}

GListModel *
kp_database_get_employees (KpDatabase *self)
{
  g_return_val_if_fail (KP_IS_DATABASE (self), NULL);
  return get_store (self, KP_RELOAD_EMPLOYEES, KP_TYPE_EMPLOYEE, _kp_employee_id_func);
}

GListModel *
kp_database_get_competencies (KpDatabase *self)
{
  g_return_val_if_fail (KP_IS_DATABASE (self), NULL);
  return get_store (self, KP_RELOAD_COMPETENCIES, KP_TYPE_COMPETENCY, _kp_competency_id_func);
}

KpDb *
_kp_database_get_db (KpDatabase *self)
{
  return self->db;
}

KpStore *
_kp_database_peek_store (KpDatabase *self, KpReload which)
{
  return *store_slot (self, which);
}

/* The events after the last one in @store, as KpAuditEntry records (an array that owns them). */
static GPtrArray *
load_audit_entries (KpDatabase *self, gint64 after_seq, GError **error)
{
  g_autoptr(GPtrArray) events = kp_audit_list (self, after_seq, 0, error);
  GPtrArray *entries;

  if (events == NULL)
    return NULL;
  entries = g_ptr_array_new_full (events->len, g_object_unref);
  /* The entries take the events: empty the array without freeing them. */
  g_ptr_array_set_free_func (events, NULL);
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (entries, _kp_audit_entry_new_take (g_ptr_array_index (events, i)));
  return entries;
}

GListModel *
kp_database_get_audit_log (KpDatabase *self)
{
  g_return_val_if_fail (KP_IS_DATABASE (self), NULL);

  if (self->audit_log == NULL)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *entries = load_audit_entries (self, 0, &error);

      self->audit_log = _kp_store_new (KP_TYPE_AUDIT_ENTRY, _kp_audit_entry_id_func);
      if (entries == NULL)
        {
          g_warning ("Could not read the audit log: %s", error->message);
          entries = g_ptr_array_new_with_free_func (g_object_unref);
        }
      _kp_store_set_all (self->audit_log, entries);
    }
  return G_LIST_MODEL (self->audit_log);
}

/* Every change appends events: the log's store takes the new ones at its end. */
static void
catch_up_audit_log (KpDatabase *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  KpAuditEntry *last;

  if (self->audit_log == NULL)
    return;
  last = _kp_store_peek_last (self->audit_log);
  entries = load_audit_entries (self, last != NULL ? kp_audit_entry_get_seq (last) : 0, &error);
  if (entries == NULL)
    {
      g_warning ("Could not read the audit log: %s", error->message);
      return;
    }
  _kp_store_append (self->audit_log, entries);
}

void
_kp_database_reload (KpDatabase *self, KpReload what)
{
  static const KpReload each[] = { KP_RELOAD_UNITS, KP_RELOAD_POSITIONS, KP_RELOAD_EMPLOYEES,
                                   KP_RELOAD_COMPETENCIES };

  for (guint i = 0; i < G_N_ELEMENTS (each); i++)
    {
      KpStore *store = *store_slot (self, each[i]);
      g_autoptr(GError) error = NULL;
      GPtrArray *items;

      if (!(what & each[i]) || store == NULL)
        continue;
      items = load (self, each[i], &error);
      if (items == NULL)
        {
          g_warning ("Could not re-read the database: %s", error->message);
          continue;
        }
      _kp_store_set_all (store, items);
    }
  catch_up_audit_log (self);
}

void
kp_database_refresh (KpDatabase *self)
{
  g_return_if_fail (KP_IS_DATABASE (self));
  _kp_database_reload (self, KP_RELOAD_ALL);
}

typedef struct {
  char *path;
  KpReload which;      /* the stores loaded when the refresh began */
  GPtrArray *items[3]; /* units, positions, employees: read in the worker */
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_free (data->path);
  for (guint i = 0; i < G_N_ELEMENTS (data->items); i++)
    g_clear_pointer (&data->items[i], g_ptr_array_unref);
  g_free (data);
}

static const KpReload refresh_order[] = { KP_RELOAD_UNITS, KP_RELOAD_POSITIONS, KP_RELOAD_EMPLOYEES };

static void
refresh_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RefreshData *data = task_data;
  g_autoptr(KpDatabase) db = NULL;
  GError *error = NULL;

  /* A connection of its own: a KpDatabase is used by one thread at a time. */
  db = kp_database_open (data->path, &error);
  for (guint i = 0; db != NULL && i < G_N_ELEMENTS (refresh_order); i++)
    if ((data->which & refresh_order[i]) &&
        (data->items[i] = load (db, refresh_order[i], &error)) == NULL)
      break;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
kp_database_refresh_async (KpDatabase *self, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  RefreshData *data;

  g_return_if_fail (KP_IS_DATABASE (self));

  data = g_new0 (RefreshData, 1);
  data->path = g_strdup (kp_database_get_path (self));
  for (guint i = 0; i < G_N_ELEMENTS (refresh_order); i++)
    if (*store_slot (self, refresh_order[i]) != NULL)
      data->which |= refresh_order[i];

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kp_database_refresh_async);
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);
  g_task_run_in_thread (task, refresh_thread);
}

gboolean
kp_database_refresh_finish (KpDatabase *self, GAsyncResult *result, GError **error)
{
  RefreshData *data;

  g_return_val_if_fail (KP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  for (guint i = 0; i < G_N_ELEMENTS (refresh_order); i++)
    {
      KpStore *store = *store_slot (self, refresh_order[i]);

      if (store != NULL && data->items[i] != NULL)
        _kp_store_set_all (store, g_steal_pointer (&data->items[i]));
      else if (store != NULL)
        _kp_database_reload (self, refresh_order[i]); /* loaded meanwhile */
    }
  /* The dictionary is small: read here. (This also catches the audit log up.) */
  _kp_database_reload (self, KP_RELOAD_COMPETENCIES);
  return TRUE;
}

gboolean
_kp_database_begin (KpDatabase *self, GError **error)
{
  return _kp_db_begin (self->db, error);
}

gboolean
_kp_database_commit (KpDatabase *self, GError **error)
{
  return _kp_db_commit (self->db, error);
}

void
_kp_database_rollback (KpDatabase *self)
{
  _kp_db_rollback (self->db);
}

/* Units that the demo places under a parent, as the regency's organisation chart does. */
static const struct { const char *child; const char *parent; } demo_parents[] = {
  { "RSUD Bob Bazar", "Dinas Kesehatan" },
  { "Puskesmas Kalianda", "Dinas Kesehatan" },
  { "Puskesmas Natar", "Dinas Kesehatan" },
};

static gint64
find_unit_id (KpDatabase *self, const char *name)
{
  GListModel *units = kp_database_get_units (self);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(KpUnit) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (kp_unit_get_name (unit), name) == 0)
        return kp_unit_get_id (unit);
    }
  return 0;
}

gboolean
kp_database_load_demo (KpDatabase *self, GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(KpEmployeeImport) import = NULL;
  GError *local_error = NULL;
  gint64 selection;
  gint64 n;

  g_return_val_if_fail (KP_IS_DATABASE (self), FALSE);

  n = _kp_db_query_int64 (self->db, "SELECT count(*) FROM employee", 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                   _("The database already has employees: the demo register goes only into an "
                     "empty database."));
      return FALSE;
    }

  file = g_file_new_for_uri ("resource://" KP_RESOURCE_PREFIX "/seed/demo-pegawai.csv");
  import = kp_employee_import_new (self, file);
  if (!kp_employee_import_open (import, error) ||
      !kp_employee_import_apply (import, TRUE, NULL, NULL, NULL, error))
    return FALSE;
  g_assert (kp_employee_import_get_counts (import)->rejected == 0);

  for (guint i = 0; i < G_N_ELEMENTS (demo_parents); i++)
    {
      gint64 child = find_unit_id (self, demo_parents[i].child);
      gint64 parent = find_unit_id (self, demo_parents[i].parent);

      if (child > 0 && parent > 0 && !kp_register_move_unit (self, child, parent, error))
        return FALSE;
    }

  /* The assessment results of the same generated office, so that the gaps, the heatmap and
   * every profile have something to show on a first start. */
  g_clear_object (&file);
  file = g_file_new_for_uri ("resource://" KP_RESOURCE_PREFIX "/seed/demo-penilaian.csv");
  if (!kp_assessments_import (self, file, TRUE, NULL, NULL, error))
    return FALSE;

  /* A CPNS selection still in draft, with its vacancies and registrants: the recruitment area
   * has something to verify, and the announcement is the user's to make. */
  /* Data of the demo office like its register, so Indonesian in every locale. */
  selection = kp_selection_create (self, "Seleksi CPNS Kabupaten Lampung Selatan 2026 (contoh)",
                                   KP_SELECTION_CPNS, 2026, error);
  if (selection == 0)
    return FALSE;
  g_clear_object (&file);
  file = g_file_new_for_uri ("resource://" KP_RESOURCE_PREFIX "/seed/demo-formasi.csv");
  if (!kp_formasi_import (self, selection, file, TRUE, NULL, NULL, error))
    return FALSE;
  g_clear_object (&file);
  file = g_file_new_for_uri ("resource://" KP_RESOURCE_PREFIX "/seed/demo-pelamar.csv");
  return kp_applicant_import (self, selection, file, TRUE, NULL, NULL, NULL, NULL, NULL, error);
}
