/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gaps.c: gaps and JPM over a small register: the latest counted levels against the
 * standard of the position held (kind defaults, own levels), a target position, a unit's
 * scope, and the categories. */

#include "config.h"

#include <string.h>

#include "kompeten/kp-model.h"
#include "model-test-util.h"

typedef struct {
  char *dir;
  KpDatabase *db;
  gint64 dinkes, puskesmas;
  gint64 administrator, pelaksana, jpt;
  gint64 siti, budi, rina;
  gint64 competency[9]; /* M.01 … M.08, SK.01 */
} Fixture;

static gint64
unit (KpDatabase *db, const char *name, gint64 parent)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_unit (db, name, parent, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
position (KpDatabase *db, gint64 unit_id, const char *title, int kind)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_position (db, unit_id, title, kind, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
person (KpDatabase *db, const char *nip, const char *name, const char *sex, const char *birth,
        gint64 position_id)
{
  g_autoptr(KpEmployee) employee = new_employee (nip, name, sex, birth, "III/a", position_id);

  return save_ok (db, employee);
}

/* One assessment with the same level on all nine competencies, by one assessor. */
static void
assess (Fixture *f, gint64 employee_id, const char *date, const int levels[9])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Uji %s %" G_GINT64_FORMAT, date, employee_id);
  gint64 event = kp_assessment_create (f->db, name, "2026", date,
                                       KP_ASSESSMENT_METHOD_UJI_KOMPETENSI, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 9; i++)
    {
      g_assert_true (kp_assessment_record (f->db, event, employee_id, f->competency[i],
                                           "Asesor Satu", levels[i], "", &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  GListModel *dictionary;

  f->dir = make_tmp_dir ();
  path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (path);

  dictionary = kp_database_get_competencies (f->db);
  g_assert_cmpuint (g_list_model_get_n_items (dictionary), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(KpCompetency) c = g_list_model_get_item (dictionary, i);
      f->competency[i] = kp_competency_get_id (c);
    }

  f->dinkes = unit (f->db, "Dinas Kesehatan", 0);
  f->puskesmas = unit (f->db, "Puskesmas Kalianda", f->dinkes);
  f->jpt = position (f->db, f->dinkes, "Kepala Dinas Kesehatan", KP_POSITION_KIND_JPT_PRATAMA);
  f->administrator = position (f->db, f->dinkes, "Sekretaris", KP_POSITION_KIND_ADMINISTRATOR);
  f->pelaksana = position (f->db, f->puskesmas, "Pengadministrasi Perkantoran",
                           KP_POSITION_KIND_PELAKSANA);
  f->siti = person (f->db, NIP_SITI, "Siti Aminah", "P", "1968-10-30", f->administrator);
  f->budi = person (f->db, NIP_BUDI, "Budi Santoso", "L", "1990-01-01", f->pelaksana);
  f->rina = person (f->db, NIP_RINA, "Rina Siregar", "P", "1992-03-15", f->pelaksana);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
}

typedef struct {
  GHashTable *jpm;      /* NIP → "percent/category" */
  GString *order;
  guint8 siti_m03_required, siti_m03_attained;
} Seen;

static gboolean
collect (const KpEmployeeGaps *gaps, gpointer user_data, GError **error)
{
  Seen *seen = user_data;
  char percent[16] = "-";

  if (gaps->has_standard)
    kp_ratio_format_percent (gaps->jpm.total, percent);
  g_hash_table_insert (seen->jpm, g_strdup (gaps->nip),
                       g_strdup_printf ("%s/%u", percent, gaps->category));
  g_string_append_printf (seen->order, "%s ", gaps->name);
  if (strcmp (gaps->nip, NIP_SITI) == 0)
    {
      seen->siti_m03_required = gaps->items[2].required;
      seen->siti_m03_attained = gaps->items[2].attained;
    }
  return TRUE;
}

static Seen *
seen_new (void)
{
  Seen *seen = g_new0 (Seen, 1);

  seen->jpm = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  seen->order = g_string_new (NULL);
  return seen;
}

static void
seen_free (Seen *seen)
{
  g_hash_table_destroy (seen->jpm);
  g_string_free (seen->order, TRUE);
  g_free (seen);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Seen, seen_free)

static void
test_jpm_by_kind (Fixture *f, gconstpointer data)
{
  static const int siti_old[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
  static const int siti_new[9] = { 3, 3, 2, 3, 3, 3, 3, 3, 2 };
  static const int budi[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(Seen) seen = seen_new ();

  assess (f, f->siti, "2025-03-01", siti_old);
  assess (f, f->siti, "2026-03-01", siti_new); /* the latest counts */
  assess (f, f->budi, "2026-04-01", budi);
  /* Rina is not assessed: every level counts 0. */

  gaps = kp_gaps_new (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kp_gaps_get_n_competencies (gaps), ==, 9);
  g_assert_cmpstr (kp_gaps_get_code (gaps, 0), ==, "M.01");
  g_assert_cmpuint (kp_gaps_get_n_categories (gaps), ==, 3);
  g_assert_cmpstr (kp_gaps_get_category_name (gaps, 0), ==, "Memenuhi Syarat");

  g_assert_true (kp_gaps_foreach (gaps, 0, collect, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen->order->str, ==, "Siti Aminah Budi Santoso Rina Siregar ");
  /* Administrator standard 3 on nine: (7 × 3 + 2 + 2) / 27 = 25/27 = 92.6 %, Memenuhi Syarat. */
  g_assert_cmpstr (g_hash_table_lookup (seen->jpm, NIP_SITI), ==, "92.6/0");
  g_assert_cmpint (seen->siti_m03_required, ==, 3);
  g_assert_cmpint (seen->siti_m03_attained, ==, 2);
  /* Pelaksana standard 1: Budi's 2 on SK.01 is capped at 1: 100 %. */
  g_assert_cmpstr (g_hash_table_lookup (seen->jpm, NIP_BUDI), ==, "100.0/0");
  g_assert_cmpstr (g_hash_table_lookup (seen->jpm, NIP_RINA), ==, "0.0/2");
}

static void
test_own_standard_and_scope (Fixture *f, gconstpointer data)
{
  static const int budi[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(Seen) seen = seen_new ();
  g_autoptr(Seen) scoped = seen_new ();

  assess (f, f->budi, "2026-04-01", budi);
  /* The Pelaksana position asks 2 on M.01 and M.02 itself: (7 + 1 + 1) / 11 = 81.8 %. */
  g_assert_true (kp_standards_set (f->db, f->pelaksana, f->competency[0], 2, &error));
  g_assert_true (kp_standards_set (f->db, f->pelaksana, f->competency[1], 2, &error));
  g_assert_no_error (error);

  gaps = kp_gaps_new (f->db, &error);
  g_assert_true (kp_gaps_foreach (gaps, 0, collect, seen, &error));
  g_assert_cmpstr (g_hash_table_lookup (seen->jpm, NIP_BUDI), ==, "81.8/0");

  /* Puskesmas only: Budi and Rina, not Siti of Dinas Kesehatan. */
  g_assert_true (kp_gaps_foreach (gaps, f->puskesmas, collect, scoped, &error));
  g_assert_cmpstr (scoped->order->str, ==, "Budi Santoso Rina Siregar ");
  /* Dinas Kesehatan includes its sub-unit. */
  g_string_truncate (scoped->order, 0);
  g_assert_true (kp_gaps_foreach (gaps, f->dinkes, collect, scoped, &error));
  g_assert_cmpstr (scoped->order->str, ==, "Siti Aminah Budi Santoso Rina Siregar ");
}

static void
test_target_position (Fixture *f, gconstpointer data)
{
  static const int siti[9] = { 3, 3, 3, 3, 3, 3, 3, 3, 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(Seen) held = seen_new ();
  g_autoptr(Seen) target = seen_new ();

  assess (f, f->siti, "2026-03-01", siti);
  gaps = kp_gaps_new (f->db, &error);
  g_assert_true (kp_gaps_judge (gaps, f->siti, 0, collect, held, &error));
  g_assert_cmpstr (g_hash_table_lookup (held->jpm, NIP_SITI), ==, "100.0/0");
  /* Against the head of the agency (JPT Pratama, standard 4): 27/36 = 75 %, Masih Memenuhi. */
  g_assert_true (kp_gaps_judge (gaps, f->siti, f->jpt, collect, target, &error));
  g_assert_cmpstr (g_hash_table_lookup (target->jpm, NIP_SITI), ==, "75.0/1");
  g_assert_cmpint (target->siti_m03_required, ==, 4);

  g_assert_false (kp_gaps_judge (gaps, f->siti, 999999, collect, target, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gaps/jpm-by-kind", test_jpm_by_kind);
  ADD ("/gaps/own-standard-and-scope", test_own_standard_and_scope);
  ADD ("/gaps/target-position", test_target_position);
  return g_test_run ();
}
