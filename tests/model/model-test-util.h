/* SPDX-License-Identifier: GPL-3.0-or-later */
/* model-test-util.h: what the model tests share: a scratch folder per test, a fresh database
 * in it, the fixtures, and the attacker's raw SQLite handle. Messages are checked only for
 * language-neutral fragments (numbers, values), so the tests pass under any locale. */
#pragma once

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kompeten/kp-model.h"

/* Valid NIPs of the fixtures in tests/fixtures. */
#define NIP_HEAD "196602041998051457"  /* L, 1966-02-04 */
#define NIP_SITI "196810301993082121"  /* P, 1968-10-30 */
#define NIP_AHMAD "198608142011011949" /* L, 1986-08-14 */
#define NIP_BUDI "199001012015031002"  /* L, 1990-01-01 */
#define NIP_RINA "199203152018012003"  /* P, 1992-03-15 */
#define NIP_JOKO "197001011995031001"  /* L, 1970-01-01: in no fixture */

static inline char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kp-model-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

static inline void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static inline char *
fixture_path (const char *name)
{
  char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("fixture %s is missing (G_TEST_SRCDIR must be the tests/ folder)", path);
  return path;
}

static inline KpDatabase *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  KpDatabase *db = kp_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (KP_IS_DATABASE (db));
  return db;
}

static inline char *
checkpoint (KpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  char *head = kp_audit_checkpoint (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (head);
  return head;
}

static inline guint
n_audit_events (KpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = kp_audit_list (db, 0, 0, &error);

  g_assert_no_error (error);
  return events->len;
}

/* The newest audit event, for the tests that check what a change wrote to the trail. */
static inline KpAuditEvent *
last_event (KpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = kp_audit_list (db, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return g_ptr_array_steal_index (events, events->len - 1);
}

static inline void
assert_audit_intact (KpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  KpAuditCheck check = { 0 };

  g_assert_true (kp_audit_verify (db, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check.first_bad_seq, ==, 0);
  g_assert_cmpint (check.n_events, ==, n_audit_events (db));
}

static inline char *
file_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The attacker (or another program): a raw connection that bypasses the model. */
static inline sqlite3 *
raw_open (const char *path)
{
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  return handle;
}

static inline void
raw_exec (sqlite3 *handle, const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Registers one test per table row, named @prefix/@name, so a failure names its row. */
static inline void
add_case (const char *prefix, const char *name, gconstpointer row, GTestDataFunc func)
{
  g_autofree char *path = g_strdup_printf ("%s/%s", prefix, name);

  g_test_add_data_func (path, row, func);
}

/* A new (unsaved) employee holding @position_id. */
static inline KpEmployee *
new_employee (const char *nip, const char *name, const char *sex, const char *birth_date,
              const char *grade, gint64 position_id)
{
  KpEmployee *employee = kp_employee_new ();

  kp_employee_set_nip (employee, nip);
  kp_employee_set_name (employee, name);
  kp_employee_set_sex (employee, sex);
  kp_employee_set_birth_place (employee, "Kalianda");
  kp_employee_set_birth_date (employee, birth_date);
  kp_employee_set_education (employee, "S1");
  kp_employee_set_grade (employee, grade);
  kp_employee_set_position_id (employee, position_id);
  return employee;
}

static inline gint64
save_ok (KpDatabase *db, KpEmployee *employee)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_save_employee (db, employee, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}
