/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-competencies.c: the seeded dictionary and the dictionary import. */

#include "config.h"

#include <string.h>

#include "kompeten/kp-model.h"
#include "model-test-util.h"

typedef struct {
  char *dir;
  KpDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = make_tmp_dir ();
  path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
}

static KpCompetency *
find (KpDatabase *db, const char *code)
{
  GListModel *list = kp_database_get_competencies (db);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (list, i);

      if (g_strcmp0 (kp_competency_get_code (competency), code) == 0)
        return competency; /* the store keeps it */
    }
  return NULL;
}

/* A new database knows the managerial competencies and Perekat Bangsa, with the regulation's
 * texts and where they come from. */
static void
test_seeded (Fixture *f, gconstpointer data)
{
  static const char *const codes[] = { "M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07",
                                       "M.08", "SK.01" };
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  KpCompetency *integrity;

  g_assert_cmpuint (g_list_model_get_n_items (kp_database_get_competencies (f->db)), ==, 9);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      KpCompetency *competency = find (f->db, codes[i]);

      g_assert_nonnull (competency);
      g_assert_cmpuint (kp_competency_get_n_levels (competency), ==, 5);
      g_assert_cmpstr (kp_competency_get_definition (competency), !=, "");
      g_assert_cmpstr (kp_competency_get_dictionary (competency), ==, "PermenPAN-RB 38/2017");
      g_assert_cmpint (kp_competency_get_competency_type (competency), ==,
                       g_str_has_prefix (codes[i], "SK") ? KP_COMPETENCY_SOCIOCULTURAL
                                                        : KP_COMPETENCY_MANAGERIAL);
    }

  integrity = find (f->db, "M.01");
  g_assert_cmpstr (kp_competency_get_name (integrity), ==, "Integritas");
  levels = kp_competency_get_levels (f->db, kp_competency_get_id (integrity), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (levels->len, ==, 5);
  g_assert_true (g_str_has_prefix (((KpCompetencyLevel *) g_ptr_array_index (levels, 0))->description,
                                   "Mampu bertindak sesuai nilai, norma, etika organisasi"));
  /* Three behaviour indicators, one per line. */
  {
    g_auto(GStrv) lines = g_strsplit (((KpCompetencyLevel *) g_ptr_array_index (levels, 0))->indicators,
                                      "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
  note = kp_competency_get_dictionary_note (f->db, kp_competency_get_id (integrity), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (note, "38 Tahun 2017"));
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                 "competencies-technical.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) again_problems = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checkpoint = NULL;
  g_autofree char *checkpoint_again = NULL;
  static const guint64 refused[] = { 6, 7, 8, 9 };
  KpImportCounts counts;
  KpCompetency *nursing;

  g_assert_true (kp_competency_import (f->db, file, FALSE, &counts, &problems, &error));
  g_assert_no_error (error);
  /* Rows: definition (new), level 1 and level 2 (updated), the Integritas level (unchanged). */
  g_assert_cmpuint (counts.read, ==, 8);
  g_assert_cmpuint (counts.created, ==, 1);
  g_assert_cmpuint (counts.updated, ==, 2);
  g_assert_cmpuint (counts.unchanged, ==, 1);
  g_assert_cmpuint (counts.rejected, ==, 4);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (refused));
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpuint (((KpImportProblem *) g_ptr_array_index (problems, i))->line, ==, refused[i]);

  nursing = find (f->db, "T.KES.01");
  g_assert_nonnull (nursing);
  g_assert_cmpint (kp_competency_get_competency_type (nursing), ==, KP_COMPETENCY_TECHNICAL);
  g_assert_cmpstr (kp_competency_get_definition (nursing), ==,
                   "Kemampuan memberikan asuhan keperawatan");
  g_assert_cmpuint (kp_competency_get_n_levels (nursing), ==, 2);
  levels = kp_competency_get_levels (f->db, kp_competency_get_id (nursing), &error);
  g_assert_cmpstr (((KpCompetencyLevel *) g_ptr_array_index (levels, 0))->indicators, ==,
                   "Menjelaskan prosedur\nMenerapkan di bawah pengawasan");
  /* The first of the two level-2 rows stands. */
  g_assert_cmpstr (((KpCompetencyLevel *) g_ptr_array_index (levels, 1))->description, ==,
                   "Menerapkan mandiri");
  g_assert_cmpstr (((KpCompetencyLevel *) g_ptr_array_index (levels, 1))->indicators, ==,
                   "Menerapkan tanpa pengawasan\nMembimbing rekan baru");
  g_assert_null (find (f->db, "T.KES.02"));

  /* Again: nothing changes, no event. */
  checkpoint = kp_audit_checkpoint (f->db, &error);
  g_assert_true (kp_competency_import (f->db, file, FALSE, &counts, &again_problems, &error));
  g_assert_cmpuint (counts.created + counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 4);
  checkpoint_again = kp_audit_checkpoint (f->db, &error);
  g_assert_cmpstr (checkpoint_again, ==, checkpoint);
}

static void
test_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                 "competencies-technical.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *checkpoint = kp_audit_checkpoint (f->db, NULL);
  g_autofree char *checkpoint_after = NULL;
  KpImportCounts counts;

  g_assert_true (kp_competency_import (f->db, file, TRUE, &counts, NULL, &error));
  g_assert_cmpuint (counts.rejected, ==, 4);
  g_assert_cmpuint (counts.created, ==, 0);
  g_assert_null (find (f->db, "T.KES.01"));
  checkpoint_after = kp_audit_checkpoint (f->db, NULL);
  g_assert_cmpstr (checkpoint_after, ==, checkpoint);
}

/* The dictionary edited by hand: add a technical competency, fill a level, rename, delete. */
static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  id = kp_competency_save (f->db, 0, " T.SDM.01 ", "Analisis  Jabatan", KP_COMPETENCY_TECHNICAL,
                           "Kemampuan menganalisis jabatan", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (kp_competency_get_name (find (f->db, "T.SDM.01")), ==, "Analisis Jabatan");

  g_assert_true (kp_competency_set_level (f->db, id, 2, "Menyusun uraian jabatan",
                                          "Mengumpulkan data | Menyusun peta jabatan", &error));
  g_assert_no_error (error);
  levels = kp_competency_get_levels (f->db, id, &error);
  g_assert_cmpstr (((KpCompetencyLevel *) g_ptr_array_index (levels, 1))->indicators, ==,
                   "Mengumpulkan data\nMenyusun peta jabatan");
  g_assert_cmpuint (kp_competency_get_n_levels (find (f->db, "T.SDM.01")), ==, 1);

  /* The same text again: no event. */
  before = kp_audit_checkpoint (f->db, NULL);
  g_assert_true (kp_competency_set_level (f->db, id, 2, "Menyusun uraian jabatan",
                                          "Mengumpulkan data\nMenyusun peta jabatan", &error));
  after = kp_audit_checkpoint (f->db, NULL);
  g_assert_cmpstr (after, ==, before);

  /* Refusals. */
  g_assert_false (kp_competency_set_level (f->db, id, 6, "x", "", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kp_competency_save (f->db, 0, "M.01", "Lain", KP_COMPETENCY_MANAGERIAL, "",
                                       &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (kp_competency_save (f->db, 0, "T.X", "  ", KP_COMPETENCY_TECHNICAL, "",
                                       &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kp_competency_delete (f->db, id, &error));
  g_assert_no_error (error);
  g_assert_null (find (f->db, "T.SDM.01"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/competencies/seeded", test_seeded);
  ADD ("/competencies/import", test_import);
  ADD ("/competencies/all-or-nothing", test_all_or_nothing);
  ADD ("/competencies/edit", test_edit);
  return g_test_run ();
}
