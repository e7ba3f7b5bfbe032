/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-assessments.c: assessment events, results per assessor, their consensus, the latest
 * counted level of each employee, and the import of results (penilaian.csv). */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "kompeten/kp-assessments.h"
#include "kompeten/kp-model.h"
#include "gen-data-script.h"
#include "model-test-util.h"

typedef struct {
  char *dir;
  char *path;
  KpDatabase *db;
  gint64 siti, ahmad, budi, rina;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  g_autoptr(KpEmployee) ahmad = NULL;
  g_autoptr(KpEmployee) budi = NULL;
  g_autoptr(KpEmployee) rina = NULL;
  gint64 unit, position;

  f->dir = make_tmp_dir ();
  f->path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (f->path);

  unit = kp_register_add_unit (f->db, "Dinas Kesehatan", 0, &error);
  g_assert_no_error (error);
  position = kp_register_add_position (f->db, unit, "Pengelola Data", KP_POSITION_KIND_PELAKSANA,
                                       &error);
  g_assert_no_error (error);
  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "III/d", position);
  ahmad = new_employee (NIP_AHMAD, "Ahmad Fauzi", "L", "1986-08-14", "III/b", position);
  budi = new_employee (NIP_BUDI, "Budi Santoso", "L", "1990-01-01", "III/a", position);
  rina = new_employee (NIP_RINA, "Rina Marlina", "P", "1992-03-15", "II/c", position);
  f->siti = save_ok (f->db, siti);
  f->ahmad = save_ok (f->db, ahmad);
  f->budi = save_ok (f->db, budi);
  f->rina = save_ok (f->db, rina);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
competency_id (KpDatabase *db, const char *code)
{
  GListModel *list = kp_database_get_competencies (db);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (list, i);

      if (g_strcmp0 (kp_competency_get_code (competency), code) == 0)
        return kp_competency_get_id (competency);
    }
  g_assert_not_reached ();
}

static gint64
create_ok (KpDatabase *db, const char *name, const char *held_on, int method)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_assessment_create (db, name, "2026", held_on, method, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
record_ok (KpDatabase *db, gint64 assessment, gint64 employee, const char *code,
           const char *assessor, int level)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_assessment_record (db, assessment, employee, competency_id (db, code),
                                       assessor, level, "", &error));
  g_assert_no_error (error);
}

/* The outcome of @assessment on @code among @outcomes (NULL if none). */
static KpAssessmentOutcome *
find_outcome (GPtrArray *outcomes, gint64 assessment, const char *code)
{
  for (guint i = 0; i < outcomes->len; i++)
    {
      KpAssessmentOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->assessment_id == assessment && g_strcmp0 (outcome->code, code) == 0)
        return outcome;
    }
  return NULL;
}

static GPtrArray *
outcomes_ok (KpDatabase *db, gint64 employee)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *outcomes = kp_assessment_outcomes (db, employee, &error);

  g_assert_no_error (error);
  g_assert_nonnull (outcomes);
  return outcomes;
}

static void
append_latest (gint64 employee_id, gint64 competency_id, int level, gpointer user_data)
{
  g_string_append_printf (user_data, "%" PRId64 ":%" PRId64 "=%d ", employee_id, competency_id,
                          level);
}

/* "employee:competency=level " for every latest counted level. */
static char *
latest_levels (KpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  g_assert_true (kp_assessment_foreach_latest (db, append_latest, text, &error));
  g_assert_no_error (error);
  return g_string_free (text, FALSE);
}

static KpImportCounts
import_ok (KpDatabase *db, const char *path, gboolean all_or_nothing, GPtrArray **problems)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KpImportCounts counts = { 0 };

  g_assert_true (kp_assessments_import (db, file, all_or_nothing, &counts, problems, &error));
  g_assert_no_error (error);
  return counts;
}

/* ---- methods ------------------------------------------------------------------------------ */

static void
test_methods (void)
{
  static const struct {
    const char *text;
    int method;
  } cases[] = {
    { "assessment centre", KP_ASSESSMENT_METHOD_CENTRE },
    { "assessment center", KP_ASSESSMENT_METHOD_CENTRE },
    { " Assessment  Center ", KP_ASSESSMENT_METHOD_CENTRE },
    { "AC", KP_ASSESSMENT_METHOD_CENTRE },
    { "uji kompetensi", KP_ASSESSMENT_METHOD_UJI_KOMPETENSI },
    { "Uji_Kompetensi", KP_ASSESSMENT_METHOD_UJI_KOMPETENSI },
    { "wawancara", KP_ASSESSMENT_METHOD_WAWANCARA },
    { "Interview", KP_ASSESSMENT_METHOD_WAWANCARA },
    { "360", KP_ASSESSMENT_METHOD_360 },
    { "360 derajat", KP_ASSESSMENT_METHOD_360 },
    { "self-assessment", KP_ASSESSMENT_METHOD_SELF },
    { "Self Assessment", KP_ASSESSMENT_METHOD_SELF },
    { "penilaian mandiri", KP_ASSESSMENT_METHOD_SELF },
    { "psikotes", -1 },
    { "", -1 },
    { "360360", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (kp_assessment_method_parse (cases[i].text), ==, cases[i].method);
    }
  g_assert_cmpint (kp_assessment_method_parse (NULL), ==, -1);
  g_assert_cmpstr (kp_assessment_method_to_string (KP_ASSESSMENT_METHOD_CENTRE), ==,
                   "assessment centre");
  g_assert_cmpstr (kp_assessment_method_to_string (KP_ASSESSMENT_METHOD_UJI_KOMPETENSI), ==,
                   "uji kompetensi");
  g_assert_cmpstr (kp_assessment_method_to_string (KP_ASSESSMENT_METHOD_WAWANCARA), ==, "wawancara");
  g_assert_cmpstr (kp_assessment_method_to_string (KP_ASSESSMENT_METHOD_360), ==, "360");
  g_assert_cmpstr (kp_assessment_method_to_string (KP_ASSESSMENT_METHOD_SELF), ==, "self-assessment");
  g_assert_null (kp_assessment_method_to_string (KP_ASSESSMENT_N_METHODS));
  g_assert_null (kp_assessment_method_to_string (-1));
  /* Every canonical name reads back as itself. */
  for (int m = 0; m < KP_ASSESSMENT_N_METHODS; m++)
    g_assert_cmpint (kp_assessment_method_parse (kp_assessment_method_to_string (m)), ==, m);
}

/* ---- events ------------------------------------------------------------------------------- */

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *before = checkpoint (f->db);
  g_autofree char *after = NULL;
  KpAssessment *assessment;
  KpAuditEvent *event;
  gint64 id;

  /* Refused: no name, a date that is not real, a date in the future, no such method. */
  g_assert_cmpint (kp_assessment_create (f->db, "  ", "2026", "2026-03-14",
                                         KP_ASSESSMENT_METHOD_CENTRE, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kp_assessment_create (f->db, "Uji", "2026", "2026-02-30",
                                         KP_ASSESSMENT_METHOD_CENTRE, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kp_assessment_create (f->db, "Uji", "2099", "2099-06-30",
                                         KP_ASSESSMENT_METHOD_CENTRE, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kp_assessment_create (f->db, "Uji", "2026", "2026-03-14", 7, &error), ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);

  /* Any of the three date forms; stored as ISO, the method by its canonical name. */
  id = kp_assessment_create (f->db, "  Assessment  Centre Eselon III ", "2026", "14/03/2026",
                             KP_ASSESSMENT_METHOD_CENTRE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  list = kp_assessment_list (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  assessment = g_ptr_array_index (list, 0);
  g_assert_cmpint (assessment->id, ==, id);
  g_assert_cmpstr (assessment->name, ==, "Assessment Centre Eselon III");
  g_assert_cmpstr (assessment->period, ==, "2026");
  g_assert_cmpstr (assessment->held_on, ==, "2026-03-14");
  g_assert_cmpstr (assessment->method, ==, "assessment centre");
  g_assert_cmpuint (assessment->n_results, ==, 0);

  events = kp_audit_list (f->db, 0, 0, &error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (event->action, ==, "create");
  g_assert_cmpstr (event->entity, ==, "assessment");
  g_assert_nonnull (strstr (event->payload, "\"held_on\":\"2026-03-14\""));
  assert_audit_intact (f->db);
}

/* ---- consensus ------------------------------------------------------------------------------ */

static void
test_consensus (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *expected = NULL;
  KpAssessmentOutcome *outcome;
  gint64 event = create_ok (f->db, "Uji kompetensi Januari", "2026-01-10",
                            KP_ASSESSMENT_METHOD_UJI_KOMPETENSI);
  guint n_events;

  /* M.01: one assessor. M.02: three within one level. M.03: two, 3 and 4: the median rounded
   * down. M.04: two assessors two levels apart. */
  record_ok (f->db, event, f->siti, "M.01", "Asesor A", 3);
  record_ok (f->db, event, f->siti, "M.02", "Asesor A", 4);
  record_ok (f->db, event, f->siti, "M.02", "Asesor B", 3);
  record_ok (f->db, event, f->siti, "M.02", "Asesor C", 4);
  record_ok (f->db, event, f->siti, "M.03", "Asesor A", 4);
  record_ok (f->db, event, f->siti, "M.03", "Asesor B", 3);
  record_ok (f->db, event, f->siti, "M.04", "Asesor A", 2);
  record_ok (f->db, event, f->siti, "M.04", "Asesor B", 4);

  outcomes = outcomes_ok (f->db, f->siti);
  g_assert_cmpuint (outcomes->len, ==, 4);

  outcome = g_ptr_array_index (outcomes, 0);
  g_assert_cmpstr (outcome->code, ==, "M.01");
  g_assert_cmpstr (outcome->assessment_name, ==, "Uji kompetensi Januari");
  g_assert_cmpstr (outcome->held_on, ==, "2026-01-10");
  g_assert_cmpstr (outcome->method, ==, "uji kompetensi");
  g_assert_cmpint (outcome->n_assessors, ==, 1);
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_SINGLE);
  g_assert_cmpint (outcome->level, ==, 3);
  g_assert_cmpint (outcome->min, ==, 3);
  g_assert_cmpint (outcome->max, ==, 3);

  outcome = g_ptr_array_index (outcomes, 1);
  g_assert_cmpstr (outcome->code, ==, "M.02");
  g_assert_cmpint (outcome->n_assessors, ==, 3);
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_COMPUTED);
  g_assert_cmpint (outcome->level, ==, 4);
  g_assert_cmpint (outcome->min, ==, 3);
  g_assert_cmpint (outcome->max, ==, 4);

  outcome = g_ptr_array_index (outcomes, 2);
  g_assert_cmpstr (outcome->code, ==, "M.03");
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_COMPUTED);
  g_assert_cmpint (outcome->level, ==, 3);

  outcome = g_ptr_array_index (outcomes, 3);
  g_assert_cmpstr (outcome->code, ==, "M.04");
  g_assert_cmpint (outcome->n_assessors, ==, 2);
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_DISAGREEMENT);
  g_assert_cmpint (outcome->level, ==, 0);
  g_assert_false (outcome->recorded);
  g_assert_cmpstr (outcome->reason, ==, "");
  g_assert_cmpint (outcome->min, ==, 2);
  g_assert_cmpint (outcome->max, ==, 4);

  /* The disagreement does not count: M.04 has no latest level. */
  latest = latest_levels (f->db);
  expected = g_strdup_printf ("%" PRId64 ":%" PRId64 "=3 %" PRId64 ":%" PRId64 "=4 %" PRId64
                              ":%" PRId64 "=3 ",
                              f->siti, competency_id (f->db, "M.01"), f->siti,
                              competency_id (f->db, "M.02"), f->siti, competency_id (f->db, "M.03"));
  g_assert_cmpstr (latest, ==, expected);

  /* A consensus needs its reason, a level 1–5, and a disagreement to settle. */
  before = checkpoint (f->db);
  n_events = n_audit_events (f->db);
  g_assert_false (kp_assessment_set_consensus (f->db, event, f->siti, competency_id (f->db, "M.04"),
                                               3, "   ", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_assessment_set_consensus (f->db, event, f->siti, competency_id (f->db, "M.04"),
                                               3, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_assessment_set_consensus (f->db, event, f->siti, competency_id (f->db, "M.04"),
                                               6, "Diskusi panel", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_assessment_set_consensus (f->db, event, f->siti, competency_id (f->db, "M.02"),
                                               3, "Diskusi panel", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_assessment_set_consensus (f->db, event, f->ahmad, competency_id (f->db, "M.04"),
                                               3, "Diskusi panel", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (kp_assessment_set_consensus (f->db, event, f->siti, competency_id (f->db, "M.04"),
                                              3, "Diskusi panel: bukti proyek mendukung level 3",
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  again = outcomes_ok (f->db, f->siti);
  outcome = find_outcome (again, event, "M.04");
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_DISAGREEMENT);
  g_assert_cmpint (outcome->level, ==, 3);
  g_assert_true (outcome->recorded);
  g_assert_cmpstr (outcome->reason, ==, "Diskusi panel: bukti proyek mendukung level 3");
  g_clear_pointer (&latest, g_free);
  latest = latest_levels (f->db);
  {
    g_autofree char *m04 = g_strdup_printf ("%" PRId64 ":%" PRId64 "=3 ", f->siti,
                                            competency_id (f->db, "M.04"));

    g_assert_nonnull (strstr (latest, m04));
  }

  /* The same consensus again changes nothing; a corrected one is an update. */
  g_assert_true (kp_assessment_set_consensus (f->db, event, f->siti, competency_id (f->db, "M.04"),
                                              3, "Diskusi panel: bukti proyek mendukung level 3",
                                              &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  g_assert_true (kp_assessment_set_consensus (f->db, event, f->siti, competency_id (f->db, "M.04"),
                                              2, "Koreksi: bukti proyek belum mandiri", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 2);
  {
    g_autoptr(GPtrArray) events = kp_audit_list (f->db, 0, 0, &error);
    KpAuditEvent *last = g_ptr_array_index (events, events->len - 1);

    g_assert_cmpstr (last->action, ==, "update");
    g_assert_cmpstr (last->entity, ==, "assessment-consensus");
    g_assert_cmpstr (last->entity_id, ==, NIP_SITI);
    g_assert_nonnull (strstr (last->payload, "\"old\":3"));
  }
  assert_audit_intact (f->db);
}

static void
test_record_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 event = create_ok (f->db, "Wawancara", "2026-02-02", KP_ASSESSMENT_METHOD_WAWANCARA);
  gint64 m01 = competency_id (f->db, "M.01");

  record_ok (f->db, event, f->budi, "M.01", "Asesor A", 3);
  before = checkpoint (f->db);

  /* The same assessor twice for the same person and competency in the same event. */
  g_assert_false (kp_assessment_record (f->db, event, f->budi, m01, " Asesor  A", 4, "", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, NIP_BUDI));
  g_clear_error (&error);
  /* Levels outside 1–5, no assessor. */
  g_assert_false (kp_assessment_record (f->db, event, f->budi, m01, "Asesor B", 0, "", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_assessment_record (f->db, event, f->budi, m01, "Asesor B", 6, "", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_assessment_record (f->db, event, f->budi, m01, " ", 3, "", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  /* No such event, employee, competency. */
  g_assert_false (kp_assessment_record (f->db, event + 100, f->budi, m01, "Asesor B", 3, "", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kp_assessment_record (f->db, event, 9999, m01, "Asesor B", 3, "", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kp_assessment_record (f->db, event, f->budi, 9999, "Asesor B", 3, "", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);

  /* Another assessor is welcome; each result is one audit event naming the NIP. */
  g_assert_true (kp_assessment_record (f->db, event, f->budi, m01, "Asesor B", 4,
                                       "Bukti: laporan kegiatan", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) events = kp_audit_list (f->db, 0, 0, &error);
    KpAuditEvent *last = g_ptr_array_index (events, events->len - 1);

    g_assert_cmpstr (last->action, ==, "create");
    g_assert_cmpstr (last->entity, ==, "assessment-result");
    g_assert_cmpstr (last->entity_id, ==, NIP_BUDI);
    g_assert_nonnull (strstr (last->payload, "\"assessor\":\"Asesor B\""));
  }
  assert_audit_intact (f->db);
}

/* ---- history ------------------------------------------------------------------------------ */

static void
test_history (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *expected = NULL;
  gint64 m01 = competency_id (f->db, "M.01");
  gint64 m02 = competency_id (f->db, "M.02");
  gint64 january, june, june_again, september;

  /* Created out of time order: the date orders them, then the id. */
  september = create_ok (f->db, "360 September", "2026-09-01", KP_ASSESSMENT_METHOD_360);
  june = create_ok (f->db, "Uji kompetensi Juni", "2026-06-01", KP_ASSESSMENT_METHOD_UJI_KOMPETENSI);
  january = create_ok (f->db, "Assessment centre Januari", "2026-01-10", KP_ASSESSMENT_METHOD_CENTRE);
  june_again = create_ok (f->db, "Wawancara Juni", "2026-06-01", KP_ASSESSMENT_METHOD_WAWANCARA);

  /* Siti M.01: 2 in January, 4 in June, then 1 and 5 (a disagreement) in September. */
  record_ok (f->db, january, f->siti, "M.01", "Asesor A", 2);
  record_ok (f->db, june, f->siti, "M.01", "Asesor A", 4);
  record_ok (f->db, september, f->siti, "M.01", "Asesor A", 1);
  record_ok (f->db, september, f->siti, "M.01", "Asesor B", 5);
  /* Siti M.02: 3 in June, then 2 in another event of the same day created later. */
  record_ok (f->db, june, f->siti, "M.02", "Asesor A", 3);
  record_ok (f->db, june_again, f->siti, "M.02", "Asesor B", 2);
  /* Ahmad M.01: only a disagreement: no counted level at all. */
  record_ok (f->db, june, f->ahmad, "M.01", "Asesor A", 1);
  record_ok (f->db, june, f->ahmad, "M.01", "Asesor B", 3);
  /* Budi M.02: 5 in January, nothing later. */
  record_ok (f->db, january, f->budi, "M.02", "Asesor C", 5);

  /* Every event is kept, newest first. */
  outcomes = outcomes_ok (f->db, f->siti);
  g_assert_cmpuint (outcomes->len, ==, 5);
  g_assert_cmpint (((KpAssessmentOutcome *) g_ptr_array_index (outcomes, 0))->assessment_id, ==,
                   september);
  g_assert_cmpint (((KpAssessmentOutcome *) g_ptr_array_index (outcomes, 1))->assessment_id, ==,
                   june_again);
  g_assert_cmpint (((KpAssessmentOutcome *) g_ptr_array_index (outcomes, 2))->assessment_id, ==,
                   june);
  g_assert_cmpint (((KpAssessmentOutcome *) g_ptr_array_index (outcomes, 3))->assessment_id, ==,
                   june);
  g_assert_cmpint (((KpAssessmentOutcome *) g_ptr_array_index (outcomes, 4))->assessment_id, ==,
                   january);
  g_assert_cmpint (find_outcome (outcomes, january, "M.01")->level, ==, 2);
  g_assert_cmpint (find_outcome (outcomes, june, "M.01")->level, ==, 4);
  g_assert_cmpint (find_outcome (outcomes, september, "M.01")->consensus, ==,
                   KP_CONSENSUS_DISAGREEMENT);

  /* The September disagreement does not count yet: June's 4 stands. */
  latest = latest_levels (f->db);
  expected = g_strdup_printf ("%" PRId64 ":%" PRId64 "=4 %" PRId64 ":%" PRId64 "=2 "
                              "%" PRId64 ":%" PRId64 "=5 ",
                              f->siti, m01, f->siti, m02, f->budi, m02);
  g_assert_cmpstr (latest, ==, expected);

  /* Once its consensus is recorded, September's level supersedes June's. */
  g_assert_true (kp_assessment_set_consensus (f->db, september, f->siti, m01, 3,
                                              "Rapat konsensus 5 September", &error));
  g_assert_no_error (error);
  g_clear_pointer (&latest, g_free);
  g_clear_pointer (&expected, g_free);
  latest = latest_levels (f->db);
  expected = g_strdup_printf ("%" PRId64 ":%" PRId64 "=3 %" PRId64 ":%" PRId64 "=2 "
                              "%" PRId64 ":%" PRId64 "=5 ",
                              f->siti, m01, f->siti, m02, f->budi, m02);
  g_assert_cmpstr (latest, ==, expected);

  /* A later single result supersedes everything before it. */
  {
    gint64 october = create_ok (f->db, "Uji kompetensi Oktober", "2026-10-20",
                                KP_ASSESSMENT_METHOD_UJI_KOMPETENSI);

    record_ok (f->db, october, f->ahmad, "M.01", "Asesor A", 2);
  }
  g_clear_pointer (&latest, g_free);
  g_clear_pointer (&expected, g_free);
  latest = latest_levels (f->db);
  expected = g_strdup_printf ("%" PRId64 ":%" PRId64 "=3 %" PRId64 ":%" PRId64 "=2 "
                              "%" PRId64 ":%" PRId64 "=2 %" PRId64 ":%" PRId64 "=5 ",
                              f->siti, m01, f->siti, m02, f->ahmad, m01, f->budi, m02);
  g_assert_cmpstr (latest, ==, expected);
}

/* ---- import ------------------------------------------------------------------------------- */

static void
assert_problems (GPtrArray *problems, const guint64 *lines, const char *const *columns, guint n)
{
  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("line %" PRIu64 " %s “%s”: %s", problem->line, problem->column,
                      problem->value, problem->reason);
    }
  g_assert_cmpuint (problems->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      KpImportProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, ==, lines[i]);
      g_assert_cmpstr (problem->column, ==, columns[i]);
      g_assert_false (problem->warning);
    }
}

/* One event's table: every employee × competency with its NIP, name and levels; the results
 * behind one outcome; a wrongly entered result deleted. */
static void
test_event_outcomes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) events = NULL;
  KpAssessmentOutcome *outcome;
  KpAssessmentResult *result;
  KpAuditEvent *event;
  gint64 other = create_ok (f->db, "Wawancara", "2026-02-01", KP_ASSESSMENT_METHOD_WAWANCARA);
  gint64 ac = create_ok (f->db, "Assessment centre", "2026-03-01", KP_ASSESSMENT_METHOD_CENTRE);
  gint64 m04 = competency_id (f->db, "M.04");
  guint n_events;

  record_ok (f->db, other, f->siti, "M.01", "Asesor A", 1);
  /* Siti (S) after Ahmad (A); within a person, dictionary order; levels lowest first. */
  record_ok (f->db, ac, f->siti, "M.04", "Asesor B", 4);
  record_ok (f->db, ac, f->siti, "M.04", "Asesor A", 2);
  record_ok (f->db, ac, f->siti, "M.01", "Asesor A", 3);
  record_ok (f->db, ac, f->ahmad, "M.02", "Asesor A", 3);
  record_ok (f->db, ac, f->ahmad, "M.02", "Asesor C", 4);
  g_assert_true (kp_assessment_record (f->db, ac, f->siti, m04, "Asesor C", 3, "  Studi kasus  ",
                                       &error));
  g_assert_no_error (error);

  outcomes = kp_assessment_event_outcomes (f->db, ac, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->len, ==, 3);

  outcome = g_ptr_array_index (outcomes, 0);
  g_assert_cmpstr (outcome->nip, ==, NIP_AHMAD);
  g_assert_cmpstr (outcome->employee_name, ==, "Ahmad Fauzi");
  g_assert_cmpint (outcome->employee_id, ==, f->ahmad);
  g_assert_cmpstr (outcome->code, ==, "M.02");
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_COMPUTED);
  g_assert_cmpint (outcome->level, ==, 3);
  g_assert_cmpuint (outcome->levels->len, ==, 2);
  g_assert_cmpint (g_array_index (outcome->levels, int, 0), ==, 3);
  g_assert_cmpint (g_array_index (outcome->levels, int, 1), ==, 4);

  outcome = g_ptr_array_index (outcomes, 1);
  g_assert_cmpstr (outcome->nip, ==, NIP_SITI);
  g_assert_cmpstr (outcome->code, ==, "M.01");
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_SINGLE);
  g_assert_cmpint (outcome->assessment_id, ==, ac);

  outcome = g_ptr_array_index (outcomes, 2);
  g_assert_cmpstr (outcome->employee_name, ==, "Siti Aminah");
  g_assert_cmpstr (outcome->code, ==, "M.04");
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_DISAGREEMENT);
  g_assert_cmpint (outcome->n_assessors, ==, 3);
  g_assert_cmpint (outcome->min, ==, 2);
  g_assert_cmpint (outcome->max, ==, 4);
  g_assert_cmpint (outcome->level, ==, 0);
  g_assert_cmpint (g_array_index (outcome->levels, int, 0), ==, 2);
  g_assert_cmpint (g_array_index (outcome->levels, int, 2), ==, 4);

  /* The per-employee history carries the same levels. */
  g_clear_pointer (&outcomes, g_ptr_array_unref);
  outcomes = outcomes_ok (f->db, f->siti);
  outcome = find_outcome (outcomes, ac, "M.04");
  g_assert_nonnull (outcome);
  g_assert_cmpuint (outcome->levels->len, ==, 3);
  g_assert_cmpint (outcome->employee_id, ==, f->siti);
  g_assert_cmpstr (outcome->nip, ==, NIP_SITI);

  /* Nothing in an unknown event. */
  none = kp_assessment_event_outcomes (f->db, ac + 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* Behind the disagreement: each assessor, by name, with the note as stored (trimmed). */
  results = kp_assessment_results (f->db, ac, f->siti, m04, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpstr (result->assessor, ==, "Asesor A");
  g_assert_cmpint (result->level, ==, 2);
  g_assert_cmpstr (result->note, ==, "");
  result = g_ptr_array_index (results, 2);
  g_assert_cmpstr (result->assessor, ==, "Asesor C");
  g_assert_cmpint (result->level, ==, 3);
  g_assert_cmpstr (result->note, ==, "Studi kasus");

  /* Asesor A's 2 was a typing mistake: deleted, the other two agree within one level. */
  n_events = n_audit_events (f->db);
  result = g_ptr_array_index (results, 0);
  g_assert_true (kp_assessment_delete_result (f->db, result->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  events = kp_audit_list (f->db, 0, 0, &error);
  g_assert_no_error (error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (event->action, ==, "delete");
  g_assert_cmpstr (event->entity, ==, "assessment-result");
  g_assert_cmpstr (event->entity_id, ==, NIP_SITI);
  g_assert_nonnull (strstr (event->payload, "\"level\":2"));
  g_assert_nonnull (strstr (event->payload, "\"assessor\":\"Asesor A\""));
  assert_audit_intact (f->db);

  g_clear_pointer (&outcomes, g_ptr_array_unref);
  outcomes = kp_assessment_event_outcomes (f->db, ac, &error);
  g_assert_no_error (error);
  outcome = g_ptr_array_index (outcomes, 2);
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_COMPUTED);
  g_assert_cmpint (outcome->level, ==, 3);

  /* Gone: a second deletion finds nothing and writes nothing. */
  g_assert_false (kp_assessment_delete_result (f->db, result->id, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("assessments-mixed.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sha = file_sha256 (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) again_problems = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  static const guint64 lines[] = { 6, 7, 8, 9, 10, 11, 12, 13, 14 };
  static const char *const columns[] = { "nip", "kode_kompetensi", "level", "level", "level",
                                         "tanggal", "tanggal", "metode", "nip" };
  KpImportCounts counts;
  KpAssessmentOutcome *outcome;
  KpAuditEvent *event;
  guint n_events = n_audit_events (f->db);

  counts = import_ok (f->db, path, FALSE, &problems);
  g_assert_cmpuint (counts.read, ==, 14);
  g_assert_cmpuint (counts.created, ==, 5);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 0);
  g_assert_cmpuint (counts.rejected, ==, 9);
  assert_problems (problems, lines, columns, G_N_ELEMENTS (lines));
  /* The duplicate names the line it repeats; the value is as written. */
  g_assert_nonnull (strstr (((KpImportProblem *) g_ptr_array_index (problems, 8))->reason, "2"));
  g_assert_cmpstr (((KpImportProblem *) g_ptr_array_index (problems, 4))->value, ==, "tiga");
  g_assert_cmpstr (((KpImportProblem *) g_ptr_array_index (problems, 6))->value, ==, "2026-02-30");

  /* One event per (date, method), named after them, in the period of the year. */
  list = kp_assessment_list (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((KpAssessment *) g_ptr_array_index (list, 0))->name, ==, "Wawancara 2026-05-10");
  g_assert_cmpstr (((KpAssessment *) g_ptr_array_index (list, 1))->name, ==,
                   "Assessment centre 2026-04-01");
  g_assert_cmpstr (((KpAssessment *) g_ptr_array_index (list, 1))->method, ==, "assessment centre");
  g_assert_cmpstr (((KpAssessment *) g_ptr_array_index (list, 2))->name, ==,
                   "Uji kompetensi 2026-03-14");
  g_assert_cmpstr (((KpAssessment *) g_ptr_array_index (list, 2))->period, ==, "2026");
  g_assert_cmpuint (((KpAssessment *) g_ptr_array_index (list, 2))->n_results, ==, 3);
  g_assert_cmpuint (((KpAssessment *) g_ptr_array_index (list, 2))->n_employees, ==, 2);

  /* Siti's two assessors of M.01 (3 and 4) give 3; the note is kept. */
  outcomes = outcomes_ok (f->db, f->siti);
  g_assert_cmpuint (outcomes->len, ==, 1);
  outcome = g_ptr_array_index (outcomes, 0);
  g_assert_cmpstr (outcome->code, ==, "M.01");
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_COMPUTED);
  g_assert_cmpint (outcome->level, ==, 3);

  /* One audit event with the file's SHA-256 and the counts. */
  g_assert_cmpuint (n_audit_events (f->db), ==, n_events + 1);
  events = kp_audit_list (f->db, 0, 0, &error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (event->action, ==, "import");
  g_assert_cmpstr (event->entity, ==, "assessment");
  g_assert_nonnull (strstr (event->payload, sha));
  g_assert_nonnull (strstr (event->payload, "\"new\":5"));
  g_assert_nonnull (strstr (event->payload, "\"rejected\":9"));
  g_assert_nonnull (strstr (event->payload, "\"assessments_created\":3"));

  /* Again: every good row is unchanged, nothing is written, no event. */
  before = checkpoint (f->db);
  counts = import_ok (f->db, path, FALSE, &again_problems);
  g_assert_cmpuint (counts.created, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 5);
  g_assert_cmpuint (counts.rejected, ==, 9);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kp_assessment_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 3);
  assert_audit_intact (f->db);
}

static void
test_import_correction (Fixture *f, gconstpointer data)
{
  g_autofree char *mixed = fixture_path ("assessments-mixed.csv");
  g_autofree char *corrected = fixture_path ("assessments-corrected.csv");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  KpImportCounts counts;
  KpAssessmentOutcome *outcome;
  gint64 march;

  /* An event of the same date and method exists: the import adds to it. */
  march = create_ok (f->db, "Uji Kompetensi Pengawas Maret", "2026-03-14",
                     KP_ASSESSMENT_METHOD_UJI_KOMPETENSI);
  counts = import_ok (f->db, mixed, FALSE, NULL);
  g_assert_cmpuint (counts.created, ==, 5);
  list = kp_assessment_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((KpAssessment *) g_ptr_array_index (list, 2))->id, ==, march);
  g_assert_cmpuint (((KpAssessment *) g_ptr_array_index (list, 2))->n_results, ==, 3);

  /* English headers, ';': one row as stored, one corrected (level and note), one new. */
  counts = import_ok (f->db, corrected, FALSE, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (counts.read, ==, 3);
  g_assert_cmpuint (counts.unchanged, ==, 1);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.created, ==, 1);

  /* The correction replaced Sri Utami's 4 in the same event: 3 and 5 now disagree. */
  outcomes = outcomes_ok (f->db, f->siti);
  g_assert_cmpuint (outcomes->len, ==, 2);
  outcome = find_outcome (outcomes, march, "M.01");
  g_assert_cmpint (outcome->n_assessors, ==, 2);
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_DISAGREEMENT);
  g_assert_cmpint (outcome->min, ==, 3);
  g_assert_cmpint (outcome->max, ==, 5);
  g_assert_cmpint (outcome->level, ==, 0);
  outcome = find_outcome (outcomes, march, "M.02");
  g_assert_cmpint (outcome->consensus, ==, KP_CONSENSUS_SINGLE);
  g_assert_cmpint (outcome->level, ==, 4);
}

static void
test_import_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("assessments-mixed.csv");
  g_autofree char *before = checkpoint (f->db);
  g_autofree char *after = NULL;
  g_autofree char *latest = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KpImportCounts counts;

  counts = import_ok (f->db, path, TRUE, &problems);
  g_assert_cmpuint (counts.read, ==, 14);
  g_assert_cmpuint (counts.rejected, ==, 9);
  g_assert_cmpuint (counts.created, ==, 0);
  g_assert_cmpuint (problems->len, ==, 9);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
  list = kp_assessment_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 0);
  latest = latest_levels (f->db);
  g_assert_cmpstr (latest, ==, "");

  /* The good rows alone go in whole. */
  {
    g_autofree char *corrected = fixture_path ("assessments-corrected.csv");

    counts = import_ok (f->db, corrected, TRUE, NULL);
    g_assert_cmpuint (counts.created, ==, 3);
  }
}

static void
test_import_fatal (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checkpoint (f->db);
  g_autofree char *after = NULL;
  KpImportCounts counts;

  /* A file without the columns of penilaian.csv: refused whole, naming them. */
  g_assert_true (g_file_set_contents (path, "nip,nama\n" NIP_SITI ",Siti\n", -1, NULL));
  g_assert_false (kp_assessments_import (f->db, file, FALSE, &counts, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "kode_kompetensi"));
  g_clear_error (&error);

  /* A row of the wrong width is refused on its line; the rest goes in. */
  g_assert_true (g_file_set_contents (path,
                                      "nip,kode_kompetensi,level,penilai,tanggal,metode\n"
                                      NIP_SITI ",M.01,3,Asesor A,2026-03-14,360,extra\n"
                                      NIP_SITI ",M.02,3,Asesor A,2026-03-14,360\n",
                                      -1, NULL));
  g_assert_true (kp_assessments_import (f->db, file, FALSE, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rejected, ==, 1);
  g_assert_cmpuint (counts.created, ==, 1);

  /* Not UTF-8: an error naming the line, and nothing written. */
  g_free (before);
  before = checkpoint (f->db);
  g_assert_true (g_file_set_contents (path,
                                      "nip,kode_kompetensi,level,penilai,tanggal,metode\n"
                                      NIP_SITI ",M.03,3,Asesor A,2026-03-14,360\n"
                                      NIP_SITI ",M.04,3,Asesor \xff,2026-03-14,360\n",
                                      -1, NULL));
  g_assert_false (kp_assessments_import (f->db, file, FALSE, &counts, NULL, &error));
  g_assert_nonnull (error);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* ---- a realistic file from gen_data.py ------------------------------------------------------ */

typedef struct {
  guint n;
  gint64 last_employee;
  gint64 last_competency;
  gboolean ordered;
  gboolean levels_valid;
  GHashTable *levels; /* "employee:competency" → level, for the sampled employees */
} Collect;

static void
collect_latest (gint64 employee_id, gint64 competency_id, int level, gpointer user_data)
{
  Collect *collect = user_data;

  if (employee_id < collect->last_employee ||
      (employee_id == collect->last_employee && competency_id <= collect->last_competency))
    collect->ordered = FALSE;
  if (level < 1 || level > 5)
    collect->levels_valid = FALSE;
  collect->last_employee = employee_id;
  collect->last_competency = competency_id;
  collect->n++;
  if (employee_id % 17 == 0)
    g_hash_table_insert (collect->levels,
                         g_strdup_printf ("%" PRId64 ":%" PRId64, employee_id, competency_id),
                         GINT_TO_POINTER (level));
}

static void
test_gen_data (Fixture *f, gconstpointer data)
{
  g_autofree char *script = gen_data_script ();
  g_autofree char *out = NULL;
  g_autofree char *pegawai = NULL;
  g_autofree char *penilaian = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *err = NULL;
  g_autofree char *employees_arg = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployeeImport) employee_import = NULL;
  g_autoptr(GFile) pegawai_file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GHashTable) levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *size = g_getenv ("KOMPETEN_TEST_EMPLOYEES");
  Collect collect = { 0, 0, 0, TRUE, TRUE, levels };
  KpImportCounts counts;
  guint64 n_rows, n_stored = 0;
  guint n_checked = 0;
  int status;

  if (script == NULL)
    {
      g_test_skip ("needs " PYTHON " and ../shared/tools/gen_data.py (KOMPETEN_SOURCE_ROOT)");
      return;
    }
  /* 1,000 employees by default; KOMPETEN_TEST_EMPLOYEES=100000 for the full register. */
  employees_arg = g_strdup (size != NULL ? size : "1000");
  out = g_build_filename (f->dir, "data", NULL);
  {
    const char *argv[] = { PYTHON, script, "--out", out, "--employees", employees_arg,
                           "--applicants", "10", "--seed", "4", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("gen_data.py failed: %s", err);
  }
  pegawai = g_build_filename (out, "pegawai.csv", NULL);
  penilaian = g_build_filename (out, "penilaian.csv", NULL);
  manifest = g_build_filename (out, "manifest.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, manifest, &error));
  g_assert_no_error (error);
  n_rows = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                       "penilaian");
  g_assert_cmpuint (n_rows, >, 0);

  pegawai_file = g_file_new_for_path (pegawai);
  employee_import = kp_employee_import_new (f->db, pegawai_file);
  g_assert_true (kp_employee_import_open (employee_import, &error));
  g_assert_no_error (error);
  g_assert_true (kp_employee_import_apply (employee_import, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kp_employee_import_get_counts (employee_import)->rejected, ==, 0);

  timer = g_timer_new ();
  counts = import_ok (f->db, penilaian, FALSE, &problems);
  g_test_message ("imported %" PRIu64 " results in %.2f s", n_rows, g_timer_elapsed (timer, NULL));
  if (problems->len > 0)
    g_test_message ("first problem: line %" PRIu64 ": %s",
                    ((KpImportProblem *) g_ptr_array_index (problems, 0))->line,
                    ((KpImportProblem *) g_ptr_array_index (problems, 0))->reason);
  g_assert_cmpuint (counts.read, ==, n_rows);
  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (counts.created, ==, n_rows);
  list = kp_assessment_list (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    n_stored += ((KpAssessment *) g_ptr_array_index (list, i))->n_results;
  g_assert_cmpuint (n_stored, ==, n_rows);

  /* Again: nothing changes. */
  before = checkpoint (f->db);
  counts = import_ok (f->db, penilaian, FALSE, NULL);
  g_assert_cmpuint (counts.unchanged, ==, n_rows);
  after = checkpoint (f->db);
  g_assert_cmpstr (after, ==, before);

  g_timer_start (timer);
  g_assert_true (kp_assessment_foreach_latest (f->db, collect_latest, &collect, &error));
  g_assert_no_error (error);
  g_test_message ("foreach_latest: %u levels of %" PRIu64 " results in %.3f s", collect.n, n_rows,
                  g_timer_elapsed (timer, NULL));
  g_assert_true (collect.ordered);
  g_assert_true (collect.levels_valid);
  g_assert_cmpuint (collect.n, >, 0);
  g_assert_cmpuint (collect.n, <=, n_rows);

  /* The streaming pass agrees with the outcomes of each sampled employee: the first counted
   * outcome of each competency, newest event first. */
  {
    GListModel *employees = kp_database_get_employees (f->db);

    for (guint i = 0; i < g_list_model_get_n_items (employees); i++)
      {
        g_autoptr(KpEmployee) employee = g_list_model_get_item (employees, i);
        g_autoptr(GPtrArray) outcomes = NULL;
        g_autoptr(GHashTable) done = NULL;
        gint64 id = kp_employee_get_id (employee);

        if (id % 17 != 0)
          continue;
        outcomes = outcomes_ok (f->db, id);
        done = g_hash_table_new (g_int64_hash, g_int64_equal);
        for (guint o = 0; o < outcomes->len; o++)
          {
            KpAssessmentOutcome *outcome = g_ptr_array_index (outcomes, o);
            g_autofree char *key = NULL;

            if (outcome->level == 0 || g_hash_table_contains (done, &outcome->competency_id))
              continue;
            g_hash_table_add (done, &outcome->competency_id);
            key = g_strdup_printf ("%" PRId64 ":%" PRId64, id, outcome->competency_id);
            g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (levels, key)), ==,
                             outcome->level);
            n_checked++;
          }
      }
    g_assert_cmpuint (n_checked, ==, g_hash_table_size (levels));
    g_assert_cmpuint (n_checked, >, 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/assessments/methods", test_methods);
  g_test_add ("/assessments/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/assessments/consensus", Fixture, NULL, fixture_set_up, test_consensus,
              fixture_tear_down);
  g_test_add ("/assessments/record-refused", Fixture, NULL, fixture_set_up, test_record_refused,
              fixture_tear_down);
  g_test_add ("/assessments/history", Fixture, NULL, fixture_set_up, test_history,
              fixture_tear_down);
  g_test_add ("/assessments/event-outcomes", Fixture, NULL, fixture_set_up, test_event_outcomes,
              fixture_tear_down);
  g_test_add ("/assessments/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/assessments/import-correction", Fixture, NULL, fixture_set_up,
              test_import_correction, fixture_tear_down);
  g_test_add ("/assessments/import-all-or-nothing", Fixture, NULL, fixture_set_up,
              test_import_all_or_nothing, fixture_tear_down);
  g_test_add ("/assessments/import-fatal", Fixture, NULL, fixture_set_up, test_import_fatal,
              fixture_tear_down);
  g_test_add ("/assessments/gen-data", Fixture, NULL, fixture_set_up, test_gen_data,
              fixture_tear_down);

  return g_test_run ();
}
