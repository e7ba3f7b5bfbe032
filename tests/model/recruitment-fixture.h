/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recruitment-fixture.h: a selection with its stages, requirements, formasi and registrants,
 * written with raw SQL as another program (the selection and import parts of the model) would,
 * for the tests of the verification, the notifications and the CLI. Needs only GLib and
 * SQLite, so that test-cli.c can include it beside its own helpers. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

typedef struct {
  gint64 selection;
  gint64 stages[3];       /* administration, SKD, SKB */
  gint64 requirements[2];
  gint64 formasi[2];
  gint64 other_requirement; /* a requirement of another selection */
  gint64 *applicants;     /* n_applicants ids, by registration number */
  guint n_applicants;
} RecruitmentFixture;

static inline void
recruitment_fixture_clear (RecruitmentFixture *fx)
{
  g_clear_pointer (&fx->applicants, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecruitmentFixture, recruitment_fixture_clear)

static inline void
fixture_sql (sqlite3 *handle, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static inline gint64
fixture_insert (sqlite3 *handle, const char *sql)
{
  fixture_sql (handle, sql);
  return sqlite3_last_insert_rowid (handle);
}

/* The fixture's registrant @i: registration number, NIK, birth date (ISO), name. Two women
 * of every three have names with letters outside ASCII, for the encoded headers. */
static inline char *
fixture_reg_no (guint i)
{
  return g_strdup_printf ("2027%07u", i + 1);
}

static inline char *
fixture_nik (guint i)
{
  /* PPKKCC, DDMMYY (+40 for women), NNNN: unlike any other number the files hold. */
  return g_strdup_printf ("180105%02u%02u%02u%04u", 10 + i % 18 + (i % 2 ? 40 : 0),
                          1 + i % 12, 90 + i % 10, 7000 + i % 3000);
}

static inline char *
fixture_birth_date (guint i)
{
  return g_strdup_printf ("19%02u-%02u-%02u", 90 + i % 10, 1 + i % 12, 10 + i % 18);
}

/* Creates the selection in the database at @path (already migrated) with @n_applicants
 * registrants; sample settings @percent and @seed. The administration stage has no schedule;
 * SKD one with a place; registrants of index 3k have no e-mail, of index 5k no phone. */
static inline void
recruitment_fixture_make (const char *path, guint n_applicants, int percent, gint64 seed,
                          RecruitmentFixture *fx)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  static const char *const names[] = { "Budi Santoso", "Siti Nur’aini", "Dewi Ayu Lestari",
                                       "Agus Salim, S.Kom.", "Rina Marlina", "Ékawati Putri" };

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  fixture_sql (handle, "BEGIN");
  sql = g_strdup_printf ("INSERT INTO selection (name, type, year, created_at, sample_percent, "
                         "sample_seed) VALUES ('Seleksi CPNS 2027', 'cpns', 2027, "
                         "'2027-01-02T00:00:00Z', %d, %" G_GINT64_FORMAT ")", percent, seed);
  fx->selection = fixture_insert (handle, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO selection_stage (selection_id, position, name, kind) "
                         "VALUES (%" G_GINT64_FORMAT ", 1, 'Seleksi Administrasi', "
                         "'administration')", fx->selection);
  fx->stages[0] = fixture_insert (handle, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO selection_stage (selection_id, position, name, kind, "
                         "starts_on, ends_on, place) VALUES (%" G_GINT64_FORMAT ", 2, "
                         "'Seleksi Kompetensi Dasar (SKD)', 'skd', '2027-03-08', '2027-03-10', "
                         "'Gedung Serbaguna Kalianda')", fx->selection);
  fx->stages[1] = fixture_insert (handle, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO selection_stage (selection_id, position, name, kind) "
                         "VALUES (%" G_GINT64_FORMAT ", 3, 'Seleksi Kompetensi Bidang', 'skb')",
                         fx->selection);
  fx->stages[2] = fixture_insert (handle, sql);
  g_clear_pointer (&sql, g_free);
  for (guint r = 0; r < 2; r++)
    {
      sql = g_strdup_printf ("INSERT INTO selection_requirement (selection_id, position, text) "
                             "VALUES (%" G_GINT64_FORMAT ", %u, '%s')", fx->selection, r + 1,
                             r == 0 ? "Kualifikasi pendidikan sesuai dengan formasi"
                                    : "Dokumen persyaratan lengkap, jelas dan sah");
      fx->requirements[r] = fixture_insert (handle, sql);
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("INSERT INTO formasi (selection_id, code, position_title, unit, "
                             "education, kind, quota) VALUES (%" G_GINT64_FORMAT ", 'F%04u', "
                             "'Analis Kebijakan', 'Bappeda', 'S1', 'umum', 2)", fx->selection,
                             r + 1);
      fx->formasi[r] = fixture_insert (handle, sql);
      g_clear_pointer (&sql, g_free);
    }
  fixture_sql (handle, "INSERT INTO selection (name, type, year, created_at) VALUES "
                       "('Seleksi lain', 'pppk', 2027, '2027-01-02T00:00:00Z')");
  sql = g_strdup_printf ("INSERT INTO selection_requirement (selection_id, position, text) "
                         "VALUES (%" G_GINT64_FORMAT ", 1, 'Syarat seleksi lain')",
                         (gint64) sqlite3_last_insert_rowid (handle));
  fx->other_requirement = fixture_insert (handle, sql);

  fx->n_applicants = n_applicants;
  fx->applicants = g_new0 (gint64, n_applicants);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "INSERT INTO applicant (selection_id, reg_no, nik, name, "
                                       "sex, birth_place, birth_date, formasi_id, email, phone, "
                                       "education_mismatch) VALUES (?, ?, ?, ?, ?, 'Kalianda', "
                                       "?, ?, ?, ?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_applicants; i++)
    {
      g_autofree char *reg_no = fixture_reg_no (i);
      g_autofree char *nik = fixture_nik (i);
      g_autofree char *birth = fixture_birth_date (i);
      g_autofree char *email = i % 3 == 0 ? g_strdup ("")
                                          : g_strdup_printf ("peserta%u@contoh.id", i + 1);
      g_autofree char *phone = i % 5 == 0 ? g_strdup ("")
                                          : g_strdup_printf ("0812%08u", i + 1);

      sqlite3_bind_int64 (stmt, 1, fx->selection);
      sqlite3_bind_text (stmt, 2, reg_no, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, nik, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, names[i % G_N_ELEMENTS (names)], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, i % 2 ? "P" : "L", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, birth, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, fx->formasi[i % 2]);
      sqlite3_bind_text (stmt, 8, email, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 10, i % 4 == 1);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      fx->applicants[i] = sqlite3_last_insert_rowid (handle);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  fixture_sql (handle, "COMMIT");
  sqlite3_close (handle);
}

/* Every regular file under @path, recursively, into @files (of paths): the files a command or
 * a function wrote, to search them all. */
static inline void
fixture_list_files (const char *path, GPtrArray *files)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);

      fixture_list_files (child, files);
      g_free (child);
    }
  g_dir_close (dir);
}
