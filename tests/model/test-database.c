/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-database.c: opening a Kompeten file: created and migrated when new, kept when reopened,
 * refused (and left byte for byte as it was) when it is newer, not SQLite, or another
 * program's; and an audit log that the database itself refuses to rewrite. */

#include "config.h"

#include "model-test-util.h"
#include "kompeten/kp-gaps.h"

typedef struct {
  char *dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = make_tmp_dir ();
  f->db_path = g_build_filename (f->dir, "kompeten.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static gint64
raw_query_int (sqlite3 *handle, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_query_text (sqlite3 *handle, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
test_open_creates (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "new", "folder", "kompeten.db", NULL);
  g_autoptr(KpDatabase) db = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  KpAuditEvent *event;
  sqlite3 *raw;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  db = open_db (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (kp_database_get_path (db), ==, path);
  g_assert_cmpint (kp_database_get_schema_version (db), ==, KP_SCHEMA_VERSION);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (db)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_positions (db)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_employees (db)), ==, 0);

  /* Each migration is an audit event: the chain starts with the database. */
  events = kp_audit_list (db, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, KP_SCHEMA_VERSION);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->seq, ==, 1);
  g_assert_cmpstr (event->action, ==, "migrate");
  g_assert_cmpstr (event->entity, ==, "database");
  g_assert_cmpstr (event->prev_hash, ==, KP_AUDIT_GENESIS_HASH);
  g_assert_nonnull (strstr (event->payload, "\"schema_version\":1"));
  assert_audit_intact (db);

  raw = raw_open (path);
  g_assert_cmpint (raw_query_int (raw, "SELECT max (version) FROM kp_schema"), ==,
                   KP_SCHEMA_VERSION);
  mode = raw_query_text (raw, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  sqlite3_close (raw);
}

static void
test_reopen_keeps (Fixture *f, gconstpointer data)
{
  g_autoptr(KpDatabase) db = open_db (f->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *head_again = NULL;
  g_autoptr(KpUnit) unit = NULL;
  g_autoptr(KpPosition) position = NULL;
  gint64 unit_id, position_id;

  kp_database_set_actor (db, "budi");
  unit_id = kp_register_add_unit (db, "Dinas Kesehatan", 0, &error);
  g_assert_no_error (error);
  position_id = kp_register_add_position (db, unit_id, "Kepala Seksi", KP_POSITION_KIND_PENGAWAS,
                                          &error);
  g_assert_no_error (error);
  head = checkpoint (db);
  g_clear_object (&db);

  db = open_db (f->db_path);
  /* Not migrated again: the same chain, the same head. */
  head_again = checkpoint (db);
  g_assert_cmpstr (head_again, ==, head);
  g_assert_cmpuint (n_audit_events (db), ==, KP_SCHEMA_VERSION + 2);
  assert_audit_intact (db);

  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (db)), ==, 1);
  unit = g_list_model_get_item (kp_database_get_units (db), 0);
  g_assert_cmpint (kp_unit_get_id (unit), ==, unit_id);
  g_assert_cmpstr (kp_unit_get_name (unit), ==, "Dinas Kesehatan");
  position = g_list_model_get_item (kp_database_get_positions (db), 0);
  g_assert_cmpint (kp_position_get_id (position), ==, position_id);
  g_assert_cmpstr (kp_position_get_title (position), ==, "Kepala Seksi");
  g_assert_cmpstr (kp_position_get_unit_name (position), ==, "Dinas Kesehatan");
  g_assert_cmpint (kp_position_get_kind (position), ==, KP_POSITION_KIND_PENGAWAS);

  /* The events name who made them. */
  {
    g_autoptr(GPtrArray) events = kp_audit_list (db, KP_SCHEMA_VERSION, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (events->len, ==, 2);
    g_assert_cmpstr (((KpAuditEvent *) g_ptr_array_index (events, 0))->actor, ==, "budi");
    g_assert_cmpstr (((KpAuditEvent *) g_ptr_array_index (events, 1))->actor, ==, "budi");
  }
}

/* The folder holds only the database file (no journal, no lock file left behind). */
static void
assert_only_file (const char *dir, const char *name)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_strcmp0 (entry, name) != 0)
      g_error ("“%s” was left beside %s", entry, name);
  g_dir_close (d);
}

static void
test_schema_too_new (Fixture *f, gconstpointer data)
{
  g_autoptr(KpDatabase) db = open_db (f->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *number = NULL;
  KpDatabase *newer;
  sqlite3 *raw;

  kp_register_add_unit (db, "Inspektorat", 0, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  raw = raw_open (f->db_path);
  raw_exec (raw, "INSERT INTO kp_schema (version, applied_at) VALUES (99, '2031-01-01T00:00:00Z')");
  sqlite3_close (raw);
  assert_only_file (f->dir, "kompeten.db");
  before = file_sha256 (f->db_path);

  newer = kp_database_open (f->db_path, &error);
  g_assert_null (newer);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_SCHEMA_TOO_NEW);
  g_test_message ("%s", error->message);
  number = g_strdup_printf ("%d", 99);
  g_assert_nonnull (strstr (error->message, number));
  g_assert_nonnull (strstr (error->message, f->db_path));

  after = file_sha256 (f->db_path);
  g_assert_cmpstr (after, ==, before);
  assert_only_file (f->dir, "kompeten.db");
}

static void
assert_refused_unchanged (const char *path, const char *dir, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;
  KpDatabase *db;

  db = kp_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_A_DATABASE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  after = file_sha256 (path);
  g_assert_cmpstr (after, ==, before);
  assert_only_file (dir, name);
}

static void
test_not_sqlite (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "letter.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) letter = g_string_new (NULL);

  /* Longer than SQLite's 100-byte header, so it is not taken for a short database. */
  for (int i = 0; i < 40; i++)
    g_string_append (letter, "Kepada Yth. Kepala BKPSDM Kabupaten Lampung Selatan.\n");
  g_assert_true (g_file_set_contents (text, letter->str, letter->len, &error));
  g_assert_no_error (error);
  assert_refused_unchanged (text, f->dir, "letter.db");
}

static void
test_not_sqlite_binary (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "photo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  memcpy (bytes, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error));
  g_assert_no_error (error);
  assert_refused_unchanged (path, f->dir, "photo.db");
}

static void
test_other_program (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "inventory.db", NULL);
  g_autofree char *tables = NULL;
  sqlite3 *raw = raw_open (path);

  raw_exec (raw, "CREATE TABLE foo (id INTEGER PRIMARY KEY, name TEXT);"
                 "INSERT INTO foo (name) VALUES ('meja'), ('kursi');");
  sqlite3_close (raw);
  assert_only_file (f->dir, "inventory.db");

  assert_refused_unchanged (path, f->dir, "inventory.db");

  /* Nothing of ours was added to the other program's file. */
  raw = raw_open (path);
  tables = raw_query_text (raw, "SELECT group_concat (name, ',') FROM sqlite_master");
  g_assert_cmpstr (tables, ==, "foo");
  g_assert_cmpint (raw_query_int (raw, "SELECT count (*) FROM foo"), ==, 2);
  sqlite3_close (raw);
}

/* The database itself refuses to rewrite the audit log, whoever asks. */
static void
test_audit_triggers (Fixture *f, gconstpointer data)
{
  g_autoptr(KpDatabase) db = open_db (f->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *head_after = NULL;
  static const char *const attempts[] = {
    "UPDATE audit_event SET payload = '{}' WHERE seq = 2",
    "UPDATE audit_event SET actor = 'nobody'",
    "DELETE FROM audit_event WHERE seq = 2",
    "DELETE FROM audit_event",
    /* REPLACE deletes the old row without firing the delete trigger */
    "INSERT OR REPLACE INTO audit_event (seq, at, actor, action, entity, entity_id, payload, "
    "prev_hash, hash) SELECT seq, at, actor, action, entity, entity_id, '{}', prev_hash, hash "
    "FROM audit_event WHERE seq = 2",
  };
  sqlite3 *raw;

  kp_register_add_unit (db, "Dinas Sosial", 0, &error);
  g_assert_no_error (error);
  kp_register_add_unit (db, "Dinas Pertanian", 0, &error);
  g_assert_no_error (error);
  head = checkpoint (db);

  raw = raw_open (f->db_path);
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      char *message = NULL;
      int rc = sqlite3_exec (raw, attempts[i], NULL, NULL, &message);

      g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, "append-only"));
      sqlite3_free (message);
    }
  g_assert_cmpint (raw_query_int (raw, "SELECT count (*) FROM audit_event"), ==,
                   KP_SCHEMA_VERSION + 2);
  sqlite3_close (raw);

  head_after = checkpoint (db);
  g_assert_cmpstr (head_after, ==, head);
  assert_audit_intact (db);
}

static gboolean
count_assessed (const KpEmployeeGaps *gaps, gpointer user_data, GError **error)
{
  guint *counts = user_data;

  counts[0]++;
  if (gaps->has_standard && gaps->assessed)
    counts[1]++;
  return TRUE;
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr(KpDatabase) db = open_db (f->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *head_after = NULL;

  g_assert_true (kp_database_load_demo (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_employees (db)), ==, 500);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_units (db)), ==, 24);
  assert_audit_intact (db);

  /* The demo's assessment results are there and judged: most employees with a standard have a
   * JPM, so the gap views are not empty on a first start. */
  {
    g_autoptr(KpGaps) gaps = kp_gaps_new (db, &error);
    guint counts[2] = { 0, 0 };

    g_assert_no_error (error);
    g_assert_true (kp_gaps_foreach (gaps, 0, count_assessed, counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts[0], ==, 500);
    g_assert_cmpuint (counts[1], ==, 265);
  }

  /* Never over a register that is already there. */
  head = checkpoint (db);
  g_assert_false (kp_database_load_demo (db, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE);
  head_after = checkpoint (db);
  g_assert_cmpstr (head_after, ==, head);
  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_employees (db)), ==, 500);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/database/open/creates-and-migrates", test_open_creates);
  ADD ("/database/open/reopen-keeps-data", test_reopen_keeps);
  ADD ("/database/open/schema-too-new", test_schema_too_new);
  ADD ("/database/open/not-sqlite-text", test_not_sqlite);
  ADD ("/database/open/not-sqlite-binary", test_not_sqlite_binary);
  ADD ("/database/open/other-program", test_other_program);
  ADD ("/database/audit-log-append-only", test_audit_triggers);
  ADD ("/database/demo", test_demo);
#undef ADD

  return g_test_run ();
}
