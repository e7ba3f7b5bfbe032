/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recruitment-test-util.h: what the formasi and registrant tests share: a database with one
 * CPNS selection (id 1), files written into the test's folder, and raw SQL on the file. The
 * selection row is written directly: the selection API is not what these tests are about. */
#pragma once

#include "model-test-util.h"

typedef struct {
  char *dir;
  char *db_path;
  KpDatabase *db;
} Fixture;

/* Runs @sql on the database file through a raw connection. */
static inline void
fixture_sql (Fixture *f, const char *sql)
{
  sqlite3 *raw = raw_open (f->db_path);

  raw_exec (raw, sql);
  sqlite3_close (raw);
}

static inline void
selection_fixture_set_up (Fixture *f)
{
  f->dir = make_tmp_dir ();
  f->db_path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (f->db_path);
  fixture_sql (f, "INSERT INTO selection (id, name, type, year, created_at) "
                  "VALUES (1, 'CPNS 2024', 'cpns', 2024, '2024-08-01T00:00:00Z')");
}

static inline void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static inline char *
write_file (Fixture *f, const char *name, const char *contents, gssize length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}
