/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-idp.c: the individual development plan: items from the gaps, approval by the recorded
 * supervisor only, the order of statuses, the plan per employee and per unit as CSV. */

#include "config.h"

#include <string.h>

#include "kompeten/kp-model.h"
#include "model-test-util.h"

typedef struct {
  char *dir;
  KpDatabase *db;
  gint64 unit, head, siti;
  gint64 competency[9];
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) head = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  gint64 head_position, staff_position, event;
  GListModel *dictionary;

  f->dir = make_tmp_dir ();
  path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (path);
  dictionary = kp_database_get_competencies (f->db);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(KpCompetency) c = g_list_model_get_item (dictionary, i);
      f->competency[i] = kp_competency_get_id (c);
    }
  f->unit = kp_register_add_unit (f->db, "Dinas Kesehatan", 0, &error);
  head_position = kp_register_add_position (f->db, f->unit, "Kepala Dinas",
                                            KP_POSITION_KIND_JPT_PRATAMA, &error);
  staff_position = kp_register_add_position (f->db, f->unit, "Sekretaris",
                                             KP_POSITION_KIND_ADMINISTRATOR, &error);
  g_assert_no_error (error);
  head = new_employee (NIP_HEAD, "Hendra Kepala", "L", "1966-02-04", "IV/c", head_position);
  f->head = save_ok (f->db, head);
  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a", staff_position);
  kp_employee_set_supervisor_id (siti, f->head);
  f->siti = save_ok (f->db, siti);

  /* Siti: standard 3; below it on M.03 (2) and SK.01 (1), meets the rest. */
  event = kp_assessment_create (f->db, "Uji kompetensi 2026", "2026", "2026-03-01",
                                KP_ASSESSMENT_METHOD_UJI_KOMPETENSI, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 9; i++)
    {
      g_assert_true (kp_assessment_record (f->db, event, f->siti, f->competency[i], "Asesor",
                                           i == 2 ? 2 : i == 8 ? 1 : 3, "", &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_from_gaps (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;

  g_assert_cmpint (kp_idp_add_from_gaps (f->db, f->siti, &error), ==, 2);
  g_assert_no_error (error);
  /* Again: the open items stand, nothing is added. */
  g_assert_cmpint (kp_idp_add_from_gaps (f->db, f->siti, &error), ==, 0);

  plan = kp_idp_list (f->db, f->siti, &error);
  g_assert_cmpuint (plan->len, ==, 2);
  g_assert_cmpstr (((KpIdpItem *) g_ptr_array_index (plan, 0))->competency_code, ==, "M.03");
  g_assert_cmpstr (((KpIdpItem *) g_ptr_array_index (plan, 1))->competency_code, ==, "SK.01");
  g_assert_cmpint (((KpIdpItem *) g_ptr_array_index (plan, 0))->status, ==, KP_IDP_DRAFT);
  g_assert_cmpint (((KpIdpItem *) g_ptr_array_index (plan, 0))->pillar, ==, 10);
}

static void
test_statuses (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  gint64 item;
  KpIdpItem *first;

  item = kp_idp_add (f->db, f->siti, f->competency[2], "NKL01", 20, "Coaching oleh kepala dinas",
                     "2026-12-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (item, >, 0);

  /* Refusals: an unknown form, a wrong pillar. */
  g_assert_cmpint (kp_idp_add (f->db, f->siti, 0, "XX99", 10, "", NULL, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (kp_idp_add (f->db, f->siti, 0, NULL, 50, "", NULL, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  /* Not skipped: draft cannot become in progress. */
  g_assert_false (kp_idp_set_status (f->db, item, KP_IDP_IN_PROGRESS, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  /* Approved by the recorded supervisor only. */
  g_assert_false (kp_idp_set_status (f->db, item, KP_IDP_APPROVED, NIP_SITI, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kp_idp_set_status (f->db, item, KP_IDP_APPROVED, NIP_HEAD, &error));
  g_assert_true (kp_idp_set_status (f->db, item, KP_IDP_IN_PROGRESS, NULL, &error));
  g_assert_true (kp_idp_set_status (f->db, item, KP_IDP_DONE, NULL, &error));
  g_assert_no_error (error);

  plan = kp_idp_list (f->db, f->siti, &error);
  first = g_ptr_array_index (plan, 0);
  g_assert_cmpint (first->status, ==, KP_IDP_DONE);
  g_assert_cmpstr (first->approved_by_nip, ==, NIP_HEAD);
  g_assert_cmpstr (first->approved_by_name, ==, "Hendra Kepala");
  g_assert_cmpuint (strlen (first->approved_on), ==, 10);
  g_assert_cmpstr (first->form_name, ==, "Coaching");
  g_assert_cmpstr (first->target_on, ==, "2026-12-15");

  /* Done items do not block a new one from the gaps. */
  g_assert_cmpint (kp_idp_add_from_gaps (f->db, f->siti, &error), ==, 2);
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "idp.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (kp_idp_add_from_gaps (f->db, f->siti, &error), ==, 2);
  g_assert_true (kp_idp_export_csv (f->db, f->unit, 0, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "nip,nama,unit_kerja,kode_kompetensi,kompetensi,bentuk,pilar,"
                                 "kegiatan,target,status,disetujui_oleh,tanggal_persetujuan");
  g_assert_true (g_str_has_prefix (lines[1], NIP_SITI ",Siti Aminah,Dinas Kesehatan,M.03,Komunikasi,,10,,,draft"));
  g_assert_true (g_str_has_prefix (lines[2], NIP_SITI ",Siti Aminah,Dinas Kesehatan,SK.01,"));
  g_assert_cmpstr (lines[3], ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/idp/from-gaps", test_from_gaps);
  ADD ("/idp/statuses", test_statuses);
  ADD ("/idp/export", test_export);
  return g_test_run ();
}
