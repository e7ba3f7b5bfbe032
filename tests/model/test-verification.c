/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-verification.c: the administrative verification with four eyes: the sample is the same
 * for a seed whatever the order of the decisions, about the set share, and every TMS is in it;
 * the second verifier is never the first; disagreements stay flagged until a third person
 * resolves them; refusals write nothing; bulk marking is one event; the agreement figures. */

#include "config.h"

#include "model-test-util.h"
#include "recruitment-fixture.h"

typedef struct {
  char *dir;
  char *path;
  KpDatabase *db;
  RecruitmentFixture fx;
} Fixture;

static void
set_up_with (Fixture *f, guint n_applicants, int percent, gint64 seed)
{
  f->dir = make_tmp_dir ();
  f->path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (f->path);
  recruitment_fixture_make (f->path, n_applicants, percent, seed, &f->fx);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  /* 12 registrants, nobody sampled: only the TMS decisions need a second look. */
  set_up_with (f, 12, 0, 7);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  recruitment_fixture_clear (&f->fx);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static int
decide (Fixture *f, guint i, const char *verifier, KpDecision decision, gint64 requirement,
        const char *note)
{
  g_autoptr(GError) error = NULL;
  int round = 0;

  g_assert_true (kp_verification_decide (f->db, f->fx.applicants[i], verifier, decision,
                                         requirement, note, &round, &error));
  g_assert_no_error (error);
  return round;
}

static void
decide_refused (Fixture *f, guint i, const char *verifier, KpDecision decision,
                gint64 requirement, const char *note, int code)
{
  g_autoptr(GError) error = NULL;
  guint events = n_audit_events (f->db);
  int round = -7;

  g_assert_false (kp_verification_decide (f->db, f->fx.applicants[i], verifier, decision,
                                          requirement, note, &round, &error));
  g_assert_error (error, KP_MODEL_ERROR, code);
  g_assert_cmpint (round, ==, -7);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
}

static KpVerificationCase *
get_case (Fixture *f, guint i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = kp_verification_list (f->db, f->fx.selection, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, f->fx.n_applicants);
  /* Listed by registration number, which is the fixture's order. */
  g_assert_cmpint (((KpVerificationCase *) g_ptr_array_index (cases, i))->applicant_id, ==,
                   f->fx.applicants[i]);
  return g_ptr_array_steal_index (cases, i);
}

static KpVerificationState
state_of (Fixture *f, guint i)
{
  g_autoptr(KpVerificationCase) vcase = get_case (f, i);

  return vcase->state;
}

/* The registration numbers of @n registrants whose MS falls in the sample. */
static GHashTable *
sampled_set (gint64 seed, int percent, guint n)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      char *reg_no = fixture_reg_no (i);

      if (kp_verification_sampled (seed, percent, reg_no))
        g_hash_table_add (set, reg_no);
      else
        g_free (reg_no);
    }
  return set;
}

static gboolean
same_set (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

static void
test_sampling_function (void)
{
  g_autoptr(GHashTable) a = sampled_set (42, 10, 1000);
  g_autoptr(GHashTable) again = sampled_set (42, 10, 1000);
  g_autoptr(GHashTable) other = sampled_set (43, 10, 1000);
  g_autoptr(GHashTable) all = sampled_set (42, 100, 50);
  g_autoptr(GHashTable) none = sampled_set (42, 0, 50);

  g_assert_true (same_set (a, again));
  g_assert_false (same_set (a, other));
  /* 10 % of 1,000: the binomial spread is about 9.5, so ±35 is beyond 3.5 sigma. */
  g_assert_cmpuint (g_hash_table_size (a), >=, 65);
  g_assert_cmpuint (g_hash_table_size (a), <=, 135);
  g_assert_cmpuint (g_hash_table_size (other), >=, 65);
  g_assert_cmpuint (g_hash_table_size (other), <=, 135);
  g_assert_cmpuint (g_hash_table_size (all), ==, 50);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
}

/* The registration numbers awaiting a second check. */
static GHashTable *
awaiting_set (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = kp_verification_list (f->db, f->fx.selection, &error);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      const KpVerificationCase *vcase = g_ptr_array_index (cases, i);

      if (vcase->state == KP_VERIFICATION_AWAITING_SECOND)
        g_hash_table_add (set, g_strdup (vcase->reg_no));
    }
  return set;
}

/* 1,000 registrants marked MS in bulk, and the same marked one by one backwards in another
 * database: the same registrants await the second check, exactly the function's sample. */
static void
test_sampling_in_database (void)
{
  Fixture bulk = { 0 }, single = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = sampled_set (42, 10, 1000);
  g_autoptr(GHashTable) from_bulk = NULL;
  g_autoptr(GHashTable) from_single = NULL;
  guint marked = 0, skipped = 0;

  set_up_with (&bulk, 1000, 10, 42);
  set_up_with (&single, 1000, 10, 42);
  g_assert_true (kp_verification_decide_many (bulk.db, bulk.fx.selection, NULL, NULL, "Ani",
                                              KP_DECISION_MS, 0, NULL, &marked, &skipped,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marked, ==, 1000);
  g_assert_cmpuint (skipped, ==, 0);
  for (guint i = 1000; i-- > 0;)
    decide (&single, i, i % 2 ? "Ani" : "Bayu", KP_DECISION_MS, 0, NULL);
  from_bulk = awaiting_set (&bulk);
  from_single = awaiting_set (&single);
  g_assert_true (same_set (from_bulk, expected));
  g_assert_true (same_set (from_single, expected));
  fixture_tear_down (&bulk, NULL);
  fixture_tear_down (&single, NULL);
}

static void
test_every_tms_checked (Fixture *f, gconstpointer data)
{
  g_autoptr(KpVerificationCase) vcase = NULL;

  /* The sample is 0 %: an MS is final at once, a TMS never is. */
  g_assert_cmpint (decide (f, 0, "Ani", KP_DECISION_MS, 0, NULL), ==, 1);
  g_assert_cmpint (state_of (f, 0), ==, KP_VERIFICATION_DECIDED);
  for (guint i = 1; i < 6; i++)
    {
      g_assert_cmpint (decide (f, i, "Ani", KP_DECISION_TMS, f->fx.requirements[i % 2],
                               "Ijazah tidak dilegalisasi"), ==, 1);
      g_assert_cmpint (state_of (f, i), ==, KP_VERIFICATION_AWAITING_SECOND);
    }
  g_assert_cmpint (decide (f, 1, "Bayu", KP_DECISION_TMS, f->fx.requirements[1],
                           "Ijazah tidak dilegalisasi"), ==, 2);
  vcase = get_case (f, 1);
  g_assert_cmpint (vcase->state, ==, KP_VERIFICATION_DECIDED);
  g_assert_nonnull (vcase->final);
  g_assert_cmpint (vcase->final->decision, ==, KP_DECISION_TMS);
  g_assert_cmpstr (vcase->final->verifier, ==, "Bayu");
  g_assert_cmpstr (vcase->final->requirement_text, ==,
                   "Dokumen persyaratan lengkap, jelas dan sah");
  /* Decided: nobody decides it again. */
  decide_refused (f, 1, "Citra", KP_DECISION_MS, 0, NULL, KP_MODEL_ERROR_INVALID);
  decide_refused (f, 0, "Citra", KP_DECISION_MS, 0, NULL, KP_MODEL_ERROR_INVALID);
}

static void
test_same_verifier_refused (Fixture *f, gconstpointer data)
{
  decide (f, 2, "Ani Wijaya", KP_DECISION_TMS, f->fx.requirements[0], "Jurusan tidak sesuai");
  /* The same person, however the name is spaced or cased. */
  decide_refused (f, 2, "Ani Wijaya", KP_DECISION_TMS, f->fx.requirements[0], "Sama",
                  KP_MODEL_ERROR_INVALID);
  decide_refused (f, 2, "  ani   WIJAYA ", KP_DECISION_MS, 0, NULL, KP_MODEL_ERROR_INVALID);
  g_assert_cmpint (state_of (f, 2), ==, KP_VERIFICATION_AWAITING_SECOND);
  g_assert_cmpint (decide (f, 2, "Bayu", KP_DECISION_TMS, f->fx.requirements[0], "Benar"), ==, 2);
}

static void
test_tms_needs_reason (Fixture *f, gconstpointer data)
{
  decide_refused (f, 0, "Ani", KP_DECISION_TMS, 0, "Tanpa syarat", KP_MODEL_ERROR_INVALID);
  decide_refused (f, 0, "Ani", KP_DECISION_TMS, f->fx.requirements[0], NULL,
                  KP_MODEL_ERROR_INVALID);
  decide_refused (f, 0, "Ani", KP_DECISION_TMS, f->fx.requirements[0], "  \n ",
                  KP_MODEL_ERROR_INVALID);
  /* A requirement of another selection is not a reason here. */
  decide_refused (f, 0, "Ani", KP_DECISION_TMS, f->fx.other_requirement, "Catatan",
                  KP_MODEL_ERROR_INVALID);
  decide_refused (f, 0, "Ani", KP_DECISION_TMS, f->fx.requirements[0], "\xff\xfe",
                  KP_MODEL_ERROR_INVALID);
  decide_refused (f, 0, "  ", KP_DECISION_MS, 0, NULL, KP_MODEL_ERROR_INVALID);
  decide_refused (f, 0, "Ani", KP_DECISION_NONE, 0, NULL, KP_MODEL_ERROR_INVALID);
  g_assert_cmpint (state_of (f, 0), ==, KP_VERIFICATION_UNDECIDED);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (kp_verification_decide (f->db, 999999, "Ani", KP_DECISION_MS, 0, NULL, NULL,
                                            &error));
    g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  }
}

static gboolean
in_queue (Fixture *f, const char *verifier, guint i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queue = kp_verification_queue (f->db, f->fx.selection, verifier, &error);

  g_assert_no_error (error);
  for (guint k = 0; k < queue->len; k++)
    if (((KpVerificationCase *) g_ptr_array_index (queue, k))->applicant_id ==
        f->fx.applicants[i])
      return TRUE;
  return FALSE;
}

static void
test_disagreement (Fixture *f, gconstpointer data)
{
  g_autoptr(KpVerificationSummary) summary = NULL;
  g_autoptr(KpVerificationCase) vcase = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (in_queue (f, "Ani", 3));
  decide (f, 3, "Ani", KP_DECISION_TMS, f->fx.requirements[0], "IPK di bawah syarat");
  /* Not Ani's own to check; Bayu's. */
  g_assert_false (in_queue (f, "Ani", 3));
  g_assert_true (in_queue (f, "Bayu", 3));
  decide (f, 3, "Bayu", KP_DECISION_MS, 0, NULL);
  g_assert_cmpint (state_of (f, 3), ==, KP_VERIFICATION_DISAGREEMENT);
  g_assert_false (in_queue (f, "Ani", 3));
  g_assert_false (in_queue (f, "Bayu", 3));
  g_assert_true (in_queue (f, "Citra", 3));
  summary = kp_verification_summary (f->db, f->fx.selection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->states[KP_VERIFICATION_DISAGREEMENT], ==, 1);
  g_assert_cmpuint (summary->states[KP_VERIFICATION_UNDECIDED], ==, 11);
  g_assert_cmpuint (summary->ms + summary->tms, ==, 0);
  g_clear_pointer (&summary, kp_verification_summary_free);

  /* Still flagged: neither of the two may settle it. */
  decide_refused (f, 3, "ani", KP_DECISION_TMS, f->fx.requirements[0], "Tetap",
                  KP_MODEL_ERROR_INVALID);
  decide_refused (f, 3, "Bayu", KP_DECISION_MS, 0, NULL, KP_MODEL_ERROR_INVALID);
  g_assert_cmpint (state_of (f, 3), ==, KP_VERIFICATION_DISAGREEMENT);
  g_assert_cmpint (decide (f, 3, "Kepala Bidang", KP_DECISION_MS, 0, NULL), ==, 3);
  vcase = get_case (f, 3);
  g_assert_cmpint (vcase->state, ==, KP_VERIFICATION_DECIDED);
  g_assert_true (vcase->final == &vcase->rounds[2]);
  g_assert_cmpint (vcase->final->decision, ==, KP_DECISION_MS);
  summary = kp_verification_summary (f->db, f->fx.selection, &error);
  g_assert_cmpuint (summary->states[KP_VERIFICATION_DISAGREEMENT], ==, 0);
  g_assert_cmpuint (summary->ms, ==, 1);
  decide_refused (f, 3, "Dodi", KP_DECISION_MS, 0, NULL, KP_MODEL_ERROR_INVALID);
}

static void
test_audit_per_decision (Fixture *f, gconstpointer data)
{
  g_autoptr(KpAuditEvent) event = NULL;
  g_autofree char *reg_no = fixture_reg_no (4);
  guint events = n_audit_events (f->db);

  decide (f, 4, "Ani", KP_DECISION_TMS, f->fx.requirements[1], "KTP tidak terbaca");
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
  event = last_event (f->db);
  g_assert_cmpstr (event->action, ==, "verify");
  g_assert_cmpstr (event->entity, ==, "applicant");
  g_assert_cmpstr (event->entity_id, ==, reg_no);
  g_assert_nonnull (strstr (event->payload, "\"round\":1"));
  g_assert_nonnull (strstr (event->payload, "\"decision\":\"TMS\""));
  g_assert_nonnull (strstr (event->payload, "KTP tidak terbaca"));
  decide (f, 4, "Bayu", KP_DECISION_TMS, f->fx.requirements[1], "Benar");
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 2);
  assert_audit_intact (f->db);
}

static void
test_bulk (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KpAuditEvent) event = NULL;
  KpVerificationFilter filter = { .formasi_id = f->fx.formasi[1] };
  guint events = n_audit_events (f->db);
  guint marked = 99, skipped = 99;
  gint64 stranger = 999999;

  /* TMS in bulk without its reason or note: refused before anything is written. */
  g_assert_false (kp_verification_decide_many (f->db, f->fx.selection, NULL, NULL, "Ani",
                                               KP_DECISION_TMS, 0, "Catatan", &marked,
                                               &skipped, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_verification_decide_many (f->db, f->fx.selection, NULL, NULL, "Ani",
                                               KP_DECISION_TMS, f->fx.requirements[0], "",
                                               &marked, &skipped, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
  g_assert_cmpint (state_of (f, 0), ==, KP_VERIFICATION_UNDECIDED);

  /* One already decided among the six of formasi 2 (odd indexes): skipped, not overwritten. */
  decide (f, 1, "Bayu", KP_DECISION_TMS, f->fx.requirements[0], "Jurusan tidak sesuai");
  events = n_audit_events (f->db);
  g_assert_true (kp_verification_decide_many (f->db, f->fx.selection, NULL, &filter, "Ani",
                                              KP_DECISION_MS, 0, NULL, &marked, &skipped,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marked, ==, 5);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
  event = last_event (f->db);
  g_assert_cmpstr (event->action, ==, "verify-bulk");
  g_assert_nonnull (strstr (event->payload, "\"count\":5"));
  g_assert_cmpint (state_of (f, 1), ==, KP_VERIFICATION_AWAITING_SECOND);
  g_assert_cmpint (state_of (f, 3), ==, KP_VERIFICATION_DECIDED);
  g_assert_cmpint (state_of (f, 2), ==, KP_VERIFICATION_UNDECIDED);

  /* Flags: the fixture flags indexes 1, 5, 9 for their education; only 1 is decided. */
  filter = (KpVerificationFilter) { .education_mismatch = TRUE };
  g_assert_true (kp_verification_decide_many (f->db, f->fx.selection, NULL, &filter, "Citra",
                                              KP_DECISION_TMS, f->fx.requirements[0],
                                              "Pendidikan tidak sesuai formasi", &marked,
                                              &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marked, ==, 0);
  g_assert_cmpuint (skipped, ==, 3);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);

  /* A list with an id of no registrant of this selection: refused whole. */
  g_array_append_val (ids, f->fx.applicants[0]);
  g_array_append_val (ids, stranger);
  g_assert_false (kp_verification_decide_many (f->db, f->fx.selection, ids, NULL, "Ani",
                                               KP_DECISION_MS, 0, NULL, &marked, &skipped,
                                               &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (state_of (f, 0), ==, KP_VERIFICATION_UNDECIDED);
  g_array_set_size (ids, 1);
  g_array_append_val (ids, f->fx.applicants[2]);
  g_array_append_val (ids, f->fx.applicants[2]);
  g_assert_true (kp_verification_decide_many (f->db, f->fx.selection, ids, NULL, "Ani",
                                              KP_DECISION_TMS, f->fx.requirements[1],
                                              "Berkas tidak lengkap", &marked, &skipped,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marked, ==, 2);
  g_assert_cmpint (state_of (f, 0), ==, KP_VERIFICATION_AWAITING_SECOND);
  g_assert_cmpint (n_audit_events (f->db), ==, events + 2);
  assert_audit_intact (f->db);
}

/* Every MS sampled (100 %): Ani decides four (three MS, one TMS), Bayu agrees on three; Bayu
 * decides two, Ani agrees on both; Citra decides one nobody has checked yet. */
static void
test_agreement (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(KpVerificationSummary) summary = NULL;
  const KpVerifierAgreement *ani, *bayu;

  set_up_with (f, 8, 100, 1);
  decide (f, 0, "Ani", KP_DECISION_MS, 0, NULL);
  decide (f, 1, "Ani", KP_DECISION_MS, 0, NULL);
  decide (f, 2, "Ani", KP_DECISION_MS, 0, NULL);
  decide (f, 3, "Ani", KP_DECISION_TMS, f->fx.requirements[0], "IPK kurang");
  decide (f, 0, "Bayu", KP_DECISION_MS, 0, NULL);
  decide (f, 1, "Bayu", KP_DECISION_MS, 0, NULL);
  decide (f, 2, "Bayu", KP_DECISION_TMS, f->fx.requirements[1], "Berkas kurang");
  decide (f, 3, "Bayu", KP_DECISION_TMS, f->fx.requirements[0], "IPK kurang");
  decide (f, 4, "Bayu", KP_DECISION_MS, 0, NULL);
  decide (f, 5, "Bayu", KP_DECISION_MS, 0, NULL);
  decide (f, 4, "Ani", KP_DECISION_MS, 0, NULL);
  decide (f, 5, "ani", KP_DECISION_MS, 0, NULL);
  decide (f, 6, "Citra", KP_DECISION_MS, 0, NULL);

  summary = kp_verification_summary (f->db, f->fx.selection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->total, ==, 8);
  g_assert_cmpuint (summary->states[KP_VERIFICATION_DECIDED], ==, 5);
  g_assert_cmpuint (summary->states[KP_VERIFICATION_DISAGREEMENT], ==, 1);
  g_assert_cmpuint (summary->states[KP_VERIFICATION_AWAITING_SECOND], ==, 1);
  g_assert_cmpuint (summary->states[KP_VERIFICATION_UNDECIDED], ==, 1);
  g_assert_cmpuint (summary->ms, ==, 4);
  g_assert_cmpuint (summary->tms, ==, 1);
  /* Only verifiers with checked decisions, by name. */
  g_assert_cmpuint (summary->agreement->len, ==, 2);
  ani = g_ptr_array_index (summary->agreement, 0);
  bayu = g_ptr_array_index (summary->agreement, 1);
  g_assert_cmpstr (ani->verifier, ==, "Ani");
  g_assert_cmpuint (ani->checked, ==, 4);
  g_assert_cmpuint (ani->agreed, ==, 3);
  g_assert_cmpint (kp_verifier_agreement_percent (ani), ==, 75);
  g_assert_cmpstr (bayu->verifier, ==, "Bayu");
  g_assert_cmpuint (bayu->checked, ==, 2);
  g_assert_cmpuint (bayu->agreed, ==, 2);
  g_assert_cmpint (kp_verifier_agreement_percent (bayu), ==, 100);
  fixture_tear_down (f, NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/verification/sampling/function", test_sampling_function);
  g_test_add_func ("/verification/sampling/database", test_sampling_in_database);
  ADD ("/verification/every-tms-checked", test_every_tms_checked);
  ADD ("/verification/same-verifier-refused", test_same_verifier_refused);
  ADD ("/verification/tms-needs-reason", test_tms_needs_reason);
  ADD ("/verification/disagreement", test_disagreement);
  ADD ("/verification/audit-per-decision", test_audit_per_decision);
  ADD ("/verification/bulk", test_bulk);
  g_test_add_func ("/verification/agreement", test_agreement);
#undef ADD

  return g_test_run ();
}
