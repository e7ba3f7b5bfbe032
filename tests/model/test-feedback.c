/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-feedback.c: continuous feedback comes from the recorded supervisor only, may be typed by
 * an HR officer on their behalf (and says so), is acknowledged once with its date, and forms a
 * timeline, newest first; every step is one audit event. */

#include "config.h"

#include <string.h>

#include "kompeten/kp-model.h"
#include "model-test-util.h"

typedef struct {
  char *dir;
  KpDatabase *db;
  gint64 head, siti, budi;
  gint64 integrity;
} Fixture;

static gint64
n_events (KpDatabase *db)
{
  return g_list_model_get_n_items (kp_database_get_audit_log (db));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) head = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  g_autoptr(KpEmployee) budi = NULL;
  gint64 unit, head_position, staff_position;

  f->dir = make_tmp_dir ();
  path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (path);
  unit = kp_register_add_unit (f->db, "Dinas Kesehatan", 0, &error);
  head_position = kp_register_add_position (f->db, unit, "Kepala Dinas", KP_POSITION_KIND_JPT_PRATAMA,
                                            &error);
  staff_position = kp_register_add_position (f->db, unit, "Sekretaris",
                                             KP_POSITION_KIND_ADMINISTRATOR, &error);
  g_assert_no_error (error);
  head = new_employee (NIP_HEAD, "Hendra Kepala", "L", "1966-02-04", "IV/c", head_position);
  f->head = save_ok (f->db, head);
  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a", staff_position);
  kp_employee_set_supervisor_id (siti, f->head);
  f->siti = save_ok (f->db, siti);
  budi = new_employee (NIP_BUDI, "Budi Santoso", "L", "1990-01-01", "III/a", staff_position);
  f->budi = save_ok (f->db, budi); /* no supervisor recorded */
  {
    g_autoptr(KpCompetency) first = g_list_model_get_item (kp_database_get_competencies (f->db), 0);
    f->integrity = kp_competency_get_id (first);
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
test_who_gives (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = n_events (f->db);

  /* Someone else than the recorded supervisor: refused, naming who is. */
  g_assert_cmpint (kp_feedback_give (f->db, f->siti, NIP_BUDI, KP_FEEDBACK_STRENGTH, 0,
                                     "Bagus", FALSE, NULL, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Hendra Kepala"));
  g_clear_error (&error);
  /* Nobody recorded: refused. */
  g_assert_cmpint (kp_feedback_give (f->db, f->budi, NIP_HEAD, KP_FEEDBACK_STRENGTH, 0,
                                     "Bagus", FALSE, NULL, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  /* Empty text, a future date: refused. */
  g_assert_cmpint (kp_feedback_give (f->db, f->siti, NIP_HEAD, KP_FEEDBACK_STRENGTH, 0, "  ",
                                     FALSE, NULL, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kp_feedback_give (f->db, f->siti, NIP_HEAD, KP_FEEDBACK_STRENGTH, 0, "Bagus",
                                     FALSE, "2999-01-01", &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (n_events (f->db), ==, before);
}

static void
test_timeline_and_acknowledgement (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  gint64 before = n_events (f->db);
  gint64 first, second;
  KpFeedback *newest, *oldest;

  first = kp_feedback_give (f->db, f->siti, NIP_HEAD, KP_FEEDBACK_STRENGTH, f->integrity,
                            "Konsisten menjaga integritas saat audit.", FALSE, "2026-03-02",
                            &error);
  g_assert_no_error (error);
  kp_database_set_actor (f->db, "petugas.bkpsdm");
  second = kp_feedback_give (f->db, f->siti, NIP_HEAD, KP_FEEDBACK_IMPROVE, 0,
                             "Laporan bulanan perlu tepat waktu.", TRUE, "05/10/2026", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, >, first);
  g_assert_cmpint (n_events (f->db), ==, before + 2);

  /* Acknowledged once, not before it was given. */
  g_assert_false (kp_feedback_acknowledge (f->db, second, "2026-10-04", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kp_feedback_acknowledge (f->db, second, "2026-10-06", &error));
  g_assert_no_error (error);
  g_assert_false (kp_feedback_acknowledge (f->db, second, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-10-06"));
  g_clear_error (&error);
  g_assert_cmpint (n_events (f->db), ==, before + 3);

  timeline = kp_feedback_list (f->db, f->siti, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 2);
  newest = g_ptr_array_index (timeline, 0);
  oldest = g_ptr_array_index (timeline, 1);
  g_assert_cmpstr (newest->given_on, ==, "2026-10-05");
  g_assert_cmpint (newest->kind, ==, KP_FEEDBACK_IMPROVE);
  g_assert_cmpstr (newest->entered_by, ==, "petugas.bkpsdm");
  g_assert_cmpstr (newest->acknowledged_on, ==, "2026-10-06");
  g_assert_cmpstr (newest->supervisor_name, ==, "Hendra Kepala");
  g_assert_cmpstr (oldest->competency_code, ==, "M.01");
  g_assert_cmpstr (oldest->entered_by, ==, "");
  g_assert_cmpstr (oldest->acknowledged_on, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/feedback/who-gives", test_who_gives);
  ADD ("/feedback/timeline-and-acknowledgement", test_timeline_and_acknowledgement);
  return g_test_run ();
}
