/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-verification.c: the administrative verification with four eyes (see kp-verification.h). */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-verification.h"
#include "kp-database-private.h"
#include "kp-recruitment-private.h"

/* A verifier is named the way the minutes name them; more would not be a name. */
#define VERIFIER_MAX_CHARS 100
/* A note says what is missing in a sentence or two, not a document. */
#define NOTE_MAX_CHARS 1000

/* The columns of a case: the registrant, then one round per row (NULL round: none yet). */
#define CASE_COLUMNS \
  "SELECT a.id, a.reg_no, a.name, a.formasi_id, a.selection_id, v.round, v.decision, " \
  "v.verifier, v.requirement_id, COALESCE (r.text, ''), v.note, v.decided_at " \
  "FROM applicant a LEFT JOIN verification v ON v.applicant_id = a.id " \
  "LEFT JOIN selection_requirement r ON r.id = v.requirement_id "

const char *
kp_decision_to_string (KpDecision decision)
{
  switch (decision)
    {
    case KP_DECISION_MS:
      return "MS";
    case KP_DECISION_TMS:
      return "TMS";
    case KP_DECISION_NONE:
    default:
      return NULL;
    }
}

KpDecision
kp_decision_from_string (const char *text)
{
  if (text == NULL)
    return KP_DECISION_NONE;
  if (g_ascii_strcasecmp (text, "MS") == 0)
    return KP_DECISION_MS;
  if (g_ascii_strcasecmp (text, "TMS") == 0)
    return KP_DECISION_TMS;
  return KP_DECISION_NONE;
}

const char *
kp_verification_state_to_string (KpVerificationState state)
{
  static const char *const names[] = { "undecided", "awaiting-second", "disagreement",
                                       "decided" };

  g_return_val_if_fail (state < KP_VERIFICATION_STATE_COUNT, NULL);
  return names[state];
}

gboolean
kp_verification_sampled (gint64 seed, int percent, const char *reg_no)
{
  g_autofree char *text = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;
  guint64 value = 0;

  g_return_val_if_fail (reg_no != NULL, FALSE);

  if (percent <= 0)
    return FALSE;
  if (percent >= 100)
    return TRUE;
  text = g_strdup_printf ("%" PRId64 ":%s", seed, reg_no);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) text, strlen (text));
  g_checksum_get_digest (checksum, digest, &length);
  /* The first 8 bytes, big-endian: 2^64 is so much larger than 10,000 that the modulo's bias
   * is far below anything a sample of a selection could show. */
  for (guint i = 0; i < 8; i++)
    value = (value << 8) | digest[i];
  return value % 10000 < (guint64) percent * 100;
}

static void
round_clear (KpVerificationRound *round)
{
  g_clear_pointer (&round->verifier, g_free);
  g_clear_pointer (&round->requirement_text, g_free);
  g_clear_pointer (&round->note, g_free);
  g_clear_pointer (&round->decided_at, g_free);
  round->decision = KP_DECISION_NONE;
}

void
kp_verification_case_free (KpVerificationCase *vcase)
{
  if (vcase == NULL)
    return;
  g_free (vcase->reg_no);
  g_free (vcase->name);
  for (guint i = 0; i < G_N_ELEMENTS (vcase->rounds); i++)
    round_clear (&vcase->rounds[i]);
  g_free (vcase);
}

static KpVerificationCase *
case_new (KpStmt *stmt)
{
  KpVerificationCase *vcase = g_new0 (KpVerificationCase, 1);

  vcase->applicant_id = _kp_stmt_get_int64 (stmt, 0);
  vcase->reg_no = g_strdup (_kp_stmt_get_text (stmt, 1));
  vcase->name = g_strdup (_kp_stmt_get_text (stmt, 2));
  vcase->formasi_id = _kp_stmt_get_int64 (stmt, 3);
  for (guint i = 0; i < G_N_ELEMENTS (vcase->rounds); i++)
    vcase->rounds[i].decision = KP_DECISION_NONE;
  return vcase;
}

/* Adds the round of the current row, if any, to @vcase. */
static void
case_add_round (KpVerificationCase *vcase, KpStmt *stmt)
{
  gint64 number;
  KpVerificationRound *round;

  if (_kp_stmt_is_null (stmt, 5))
    return;
  number = _kp_stmt_get_int64 (stmt, 5);
  /* The table's CHECK keeps rounds 1–3. */
  if (number < 1 || number > 3)
    return;
  round = &vcase->rounds[number - 1];
  round_clear (round);
  round->decision = kp_decision_from_string (_kp_stmt_get_text (stmt, 6));
  round->verifier = g_strdup (_kp_stmt_get_text (stmt, 7));
  round->requirement_id = _kp_stmt_get_int64 (stmt, 8);
  round->requirement_text = g_strdup (_kp_stmt_get_text (stmt, 9));
  round->note = g_strdup (_kp_stmt_get_text (stmt, 10));
  round->decided_at = g_strdup (_kp_stmt_get_text (stmt, 11));
}

/* Derives the state from the rounds: the sample is recomputed, never stored, so that it
 * follows from the seed alone. */
static void
case_finish (KpVerificationCase *vcase, gint64 seed, int percent)
{
  const KpVerificationRound *r = vcase->rounds;

  vcase->final = NULL;
  vcase->needs_second = r[0].decision == KP_DECISION_TMS ||
                        (r[0].decision == KP_DECISION_MS &&
                         kp_verification_sampled (seed, percent, vcase->reg_no));
  if (r[0].decision == KP_DECISION_NONE)
    vcase->state = KP_VERIFICATION_UNDECIDED;
  else if (r[2].decision != KP_DECISION_NONE)
    {
      vcase->state = KP_VERIFICATION_DECIDED;
      vcase->final = &r[2];
    }
  else if (r[1].decision != KP_DECISION_NONE)
    {
      if (r[1].decision == r[0].decision)
        {
          vcase->state = KP_VERIFICATION_DECIDED;
          vcase->final = &r[1];
        }
      else
        vcase->state = KP_VERIFICATION_DISAGREEMENT;
    }
  else if (vcase->needs_second)
    vcase->state = KP_VERIFICATION_AWAITING_SECOND;
  else
    {
      vcase->state = KP_VERIFICATION_DECIDED;
      vcase->final = &r[0];
    }
}

/* The four-eyes settings of @selection_id. */
static gboolean
read_sampling (KpDb *kdb, gint64 selection_id, gint64 *seed, int *percent, GError **error)
{
  KpStmt *stmt;
  KpStep step;

  if (!_kp_selection_check_exists (kdb, selection_id, error) ||
      (stmt = _kp_db_prepare (kdb, "SELECT sample_seed, sample_percent FROM selection "
                              "WHERE id = ?", error)) == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      *seed = _kp_stmt_get_int64 (stmt, 0);
      *percent = (int) _kp_stmt_get_int64 (stmt, 1);
    }
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

/* Reads the cases of the rows @stmt yields (ordered by registrant, then round). */
static GPtrArray *
read_cases (KpStmt *stmt, gint64 seed, int percent, GError **error)
{
  g_autoptr(GPtrArray) cases =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_verification_case_free);
  KpVerificationCase *current = NULL;
  KpStep step;

  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      if (current == NULL || current->applicant_id != _kp_stmt_get_int64 (stmt, 0))
        {
          current = case_new (stmt);
          g_ptr_array_add (cases, current);
        }
      case_add_round (current, stmt);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;
  for (guint i = 0; i < cases->len; i++)
    case_finish (g_ptr_array_index (cases, i), seed, percent);
  return g_steal_pointer (&cases);
}

static GPtrArray *
load_cases (KpDb *kdb, gint64 selection_id, GError **error)
{
  gint64 seed = 0;
  int percent = 0;
  KpStmt *stmt;

  if (!read_sampling (kdb, selection_id, &seed, &percent, error))
    return NULL;
  stmt = _kp_db_prepare (kdb, CASE_COLUMNS "WHERE a.selection_id = ? "
                         "ORDER BY a.reg_no, a.id, v.round", error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  return read_cases (stmt, seed, percent, error);
}

/* One registrant's case, and the selection it belongs to. */
static KpVerificationCase *
load_case (KpDb *kdb, gint64 applicant_id, gint64 *selection_id, GError **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT selection_id FROM applicant WHERE id = ?", error);
  gint64 seed = 0;
  int percent = 0;
  KpStep step;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, applicant_id);
  step = _kp_stmt_step (stmt, error);
  *selection_id = step == KP_STEP_ROW ? _kp_stmt_get_int64 (stmt, 0) : 0;
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;
  if (step == KP_STEP_DONE)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no registrant with id %" PRId64), applicant_id);
      return NULL;
    }
  if (!read_sampling (kdb, *selection_id, &seed, &percent, error))
    return NULL;
  stmt = _kp_db_prepare (kdb, CASE_COLUMNS "WHERE a.id = ? ORDER BY v.round", error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, applicant_id);
  if ((cases = read_cases (stmt, seed, percent, error)) == NULL)
    return NULL;
  g_assert (cases->len == 1);
  return g_ptr_array_steal_index (cases, 0);
}

/* The verifier's name as stored (spaces squashed), or NULL with the reason. */
static char *
clean_verifier (const char *verifier, GError **error)
{
  g_autofree char *name = kp_text_squash (verifier != NULL ? verifier : "");

  if (*name == '\0')
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("Name the verifier who made the decision"));
      return NULL;
    }
  if (g_utf8_strlen (name, -1) > VERIFIER_MAX_CHARS)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %d is a number of characters. */
                   _("The verifier's name is longer than %d characters"), VERIFIER_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&name);
}

/* Checks a decision's reason: for TMS a requirement of @selection_id and a note. @clean_note
 * gets the note as stored ("" for MS). */
static gboolean
check_reason (KpDb *kdb, gint64 selection_id, KpDecision decision, gint64 requirement_id,
              const char *note, char **clean_note, GError **error)
{
  g_autofree char *text = NULL;
  KpStmt *stmt;
  KpStep step;

  if (decision != KP_DECISION_MS && decision != KP_DECISION_TMS)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("A decision is MS or TMS"));
      return FALSE;
    }
  if (decision == KP_DECISION_MS)
    {
      *clean_note = g_strdup ("");
      return TRUE;
    }
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("The note of a TMS decision is not valid UTF-8 text"));
      return FALSE;
    }
  text = g_strstrip (g_strdup (note != NULL ? note : ""));
  if (requirement_id <= 0)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("A TMS decision needs its reason: choose the announced requirement "
                             "that is not met"));
      return FALSE;
    }
  if (*text == '\0')
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("A TMS decision needs a note saying what is missing"));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > NOTE_MAX_CHARS)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %d is a number of characters. */
                   _("The note of a TMS decision is longer than %d characters"), NOTE_MAX_CHARS);
      return FALSE;
    }
  stmt = _kp_db_prepare (kdb, "SELECT 1 FROM selection_requirement WHERE id = ? AND "
                         "selection_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, requirement_id);
  _kp_stmt_bind_int64 (stmt, 2, selection_id);
  step = _kp_stmt_step (stmt, error);
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  if (step == KP_STEP_DONE)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %" PRId64 " is a requirement's id. */
                   _("Requirement %" PRId64 " is not one of this selection's announced "
                     "requirements"), requirement_id);
      return FALSE;
    }
  *clean_note = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
same_person (const char *a, const char *b)
{
  g_autofree char *fa = kp_text_fold (a);
  g_autofree char *fb = kp_text_fold (b);

  return strcmp (fa, fb) == 0;
}

/* The round @verifier may record on @vcase, or 0 with the reason. */
static int
next_round (const KpVerificationCase *vcase, const char *verifier, GError **error)
{
  const KpVerificationRound *r = vcase->rounds;

  switch (vcase->state)
    {
    case KP_VERIFICATION_UNDECIDED:
      return 1;
    case KP_VERIFICATION_AWAITING_SECOND:
      if (same_person (r[0].verifier, verifier))
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                       /* Translators: %s is a registration number, then a verifier's name. */
                       _("Registrant %s needs a second verifier: %s made the first decision and "
                         "cannot check it"), vcase->reg_no, r[0].verifier);
          return 0;
        }
      return 2;
    case KP_VERIFICATION_DISAGREEMENT:
      if (same_person (r[0].verifier, verifier) || same_person (r[1].verifier, verifier))
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                       /* Translators: %s is a registration number, then two verifiers' names. */
                       _("The verifiers of registrant %s disagree: a third person, neither %s "
                         "nor %s, must resolve it"), vcase->reg_no, r[0].verifier,
                       r[1].verifier);
          return 0;
        }
      return 3;
    case KP_VERIFICATION_DECIDED:
    case KP_VERIFICATION_STATE_COUNT:
    default:
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s is a registration number. */
                   _("Registrant %s has already been decided"), vcase->reg_no);
      return 0;
    }
}

static gboolean
insert_round (KpDb *kdb, gint64 applicant_id, int round, const char *verifier,
              KpDecision decision, gint64 requirement_id, const char *note, const char *at,
              GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "INSERT INTO verification (applicant_id, round, verifier, "
                                 "decision, requirement_id, note, decided_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 error);

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, applicant_id);
  _kp_stmt_bind_int64 (stmt, 2, round);
  _kp_stmt_bind_text (stmt, 3, verifier);
  _kp_stmt_bind_text (stmt, 4, kp_decision_to_string (decision));
  _kp_stmt_bind_id (stmt, 5, decision == KP_DECISION_TMS ? requirement_id : 0);
  _kp_stmt_bind_text (stmt, 6, note);
  _kp_stmt_bind_text (stmt, 7, at);
  return _kp_stmt_run (stmt, error);
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The members a decision's audit payload shares with a bulk one's. */
static void
add_decision_members (JsonBuilder *builder, gint64 selection_id, const char *verifier,
                      KpDecision decision, gint64 requirement_id, const char *note)
{
  json_builder_set_member_name (builder, "selection");
  json_builder_add_int_value (builder, selection_id);
  json_builder_set_member_name (builder, "verifier");
  json_builder_add_string_value (builder, verifier);
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, kp_decision_to_string (decision));
  if (decision == KP_DECISION_TMS)
    {
      json_builder_set_member_name (builder, "requirement");
      json_builder_add_int_value (builder, requirement_id);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
    }
}

static gboolean
commit_with_event (KpDatabase *db, const char *action, const char *entity,
                   const char *entity_id, JsonBuilder *builder, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  g_autoptr(JsonNode) payload = json_builder_get_root (builder);

  if (!_kp_audit_append (db, action, entity, entity_id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  /* No store holds these tables: this only brings the audit log up to date. */
  _kp_database_reload (db, 0);
  return TRUE;
}

gboolean
kp_verification_decide (KpDatabase *db, gint64 applicant_id, const char *verifier,
                        KpDecision decision, gint64 requirement_id, const char *note,
                        int *round, GError **error)
{
  KpDb *kdb;
  g_autoptr(KpVerificationCase) vcase = NULL;
  g_autofree char *name = NULL;
  g_autofree char *clean_note = NULL;
  g_autofree char *at = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  gint64 selection_id = 0;
  int number;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if ((name = clean_verifier (verifier, error)) == NULL)
    return FALSE;
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if ((vcase = load_case (kdb, applicant_id, &selection_id, error)) == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if (!check_reason (kdb, selection_id, decision, requirement_id, note, &clean_note, error))
    {
      _kp_db_rollback (kdb);
      /* Translators: prefixed to why a decision is refused; %s is a registration number. */
      g_prefix_error (error, _("Registrant %s: "), vcase->reg_no);
      return FALSE;
    }
  if ((number = next_round (vcase, name, error)) == 0)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  at = now_iso ();
  if (!insert_round (kdb, applicant_id, number, name, decision, requirement_id, clean_note, at,
                     error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_decision_members (builder, selection_id, name, decision, requirement_id, clean_note);
  json_builder_set_member_name (builder, "round");
  json_builder_add_int_value (builder, number);
  json_builder_end_object (builder);
  if (!commit_with_event (db, "verify", "applicant", vcase->reg_no, builder, error))
    return FALSE;
  if (round != NULL)
    *round = number;
  return TRUE;
}

/* The registrants a bulk marking takes: undecided into @targets, decided counted. */
static gboolean
collect_by_filter (KpDb *kdb, gint64 selection_id, const KpVerificationFilter *filter,
                   GArray *targets, guint *skipped, GError **error)
{
  KpVerificationFilter all = { 0 };
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT a.id, EXISTS (SELECT 1 FROM verification v "
                                 "WHERE v.applicant_id = a.id) FROM applicant a "
                                 "WHERE a.selection_id = ?1 AND (?2 = 0 OR a.formasi_id = ?2) "
                                 "AND (?3 = 0 OR a.education_mismatch = 1) "
                                 "AND (?4 = 0 OR a.duplicate_nik = 1) "
                                 "AND (?5 = 0 OR (a.education_mismatch = 0 AND "
                                 "a.duplicate_nik = 0)) ORDER BY a.reg_no",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  if (filter == NULL)
    filter = &all;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  _kp_stmt_bind_int64 (stmt, 2, filter->formasi_id);
  _kp_stmt_bind_int64 (stmt, 3, filter->education_mismatch);
  _kp_stmt_bind_int64 (stmt, 4, filter->duplicate_nik);
  _kp_stmt_bind_int64 (stmt, 5, filter->no_flags);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 id = _kp_stmt_get_int64 (stmt, 0);

      if (_kp_stmt_get_int64 (stmt, 1) != 0)
        (*skipped)++;
      else
        g_array_append_val (targets, id);
    }
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

/* The listed registrants: each must be of @selection_id; decided ones are counted. */
static gboolean
collect_listed (KpDb *kdb, gint64 selection_id, GArray *ids, GArray *targets, guint *skipped,
                GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(KpVerificationCase) vcase = NULL;
      gint64 of_selection = 0;

      /* A registrant listed twice is marked once. */
      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      if ((vcase = load_case (kdb, id, &of_selection, error)) == NULL)
        return FALSE;
      if (of_selection != selection_id)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                       /* Translators: %s is a registration number, then a selection's id. */
                       _("Registrant %s is not in selection %" PRId64), vcase->reg_no,
                       selection_id);
          return FALSE;
        }
      if (vcase->state != KP_VERIFICATION_UNDECIDED)
        (*skipped)++;
      else
        g_array_append_val (targets, id);
    }
  return TRUE;
}

gboolean
kp_verification_decide_many (KpDatabase *db, gint64 selection_id, GArray *applicant_ids,
                             const KpVerificationFilter *filter, const char *verifier,
                             KpDecision decision, gint64 requirement_id, const char *note,
                             guint *marked, guint *skipped, GError **error)
{
  KpDb *kdb;
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = NULL;
  g_autofree char *clean_note = NULL;
  g_autofree char *at = NULL;
  g_autofree char *entity_id = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  guint n_skipped = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if ((name = clean_verifier (verifier, error)) == NULL)
    return FALSE;
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_selection_check_exists (kdb, selection_id, error) ||
      !check_reason (kdb, selection_id, decision, requirement_id, note, &clean_note, error) ||
      !(applicant_ids != NULL
          ? collect_listed (kdb, selection_id, applicant_ids, targets, &n_skipped, error)
          : collect_by_filter (kdb, selection_id, filter, targets, &n_skipped, error)))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if (marked != NULL)
    *marked = 0;
  if (skipped != NULL)
    *skipped = n_skipped;
  if (targets->len == 0)
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }
  at = now_iso ();
  for (guint i = 0; i < targets->len; i++)
    if (!insert_round (kdb, g_array_index (targets, gint64, i), 1, name, decision,
                       requirement_id, clean_note, at, error))
      {
        _kp_db_rollback (kdb);
        return FALSE;
      }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_decision_members (builder, selection_id, name, decision, requirement_id, clean_note);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, targets->len);
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, n_skipped);
  json_builder_end_object (builder);
  entity_id = g_strdup_printf ("%" PRId64, selection_id);
  if (!commit_with_event (db, "verify-bulk", "selection", entity_id, builder, error))
    return FALSE;
  if (marked != NULL)
    *marked = targets->len;
  return TRUE;
}

GPtrArray *
kp_verification_list (KpDatabase *db, gint64 selection_id, GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  return load_cases (_kp_database_get_db (db), selection_id, error);
}

static gboolean
can_act (const KpVerificationCase *vcase, const char *verifier)
{
  switch (vcase->state)
    {
    case KP_VERIFICATION_UNDECIDED:
      return TRUE;
    case KP_VERIFICATION_AWAITING_SECOND:
      return !same_person (vcase->rounds[0].verifier, verifier);
    case KP_VERIFICATION_DISAGREEMENT:
      return !same_person (vcase->rounds[0].verifier, verifier) &&
             !same_person (vcase->rounds[1].verifier, verifier);
    case KP_VERIFICATION_DECIDED:
    case KP_VERIFICATION_STATE_COUNT:
    default:
      return FALSE;
    }
}

static int
compare_by_state (gconstpointer a, gconstpointer b)
{
  const KpVerificationCase *x = *(KpVerificationCase *const *) a;
  const KpVerificationCase *y = *(KpVerificationCase *const *) b;

  if (x->state != y->state)
    return x->state < y->state ? -1 : 1;
  return strcmp (x->reg_no, y->reg_no);
}

GPtrArray *
kp_verification_queue (KpDatabase *db, gint64 selection_id, const char *verifier,
                       GError **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) queue =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_verification_case_free);

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (verifier != NULL, NULL);

  if ((cases = load_cases (_kp_database_get_db (db), selection_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < cases->len; i++)
    if (can_act (g_ptr_array_index (cases, i), verifier))
      g_ptr_array_add (queue, g_steal_pointer (&g_ptr_array_index (cases, i)));
  g_ptr_array_sort (queue, compare_by_state);
  return g_steal_pointer (&queue);
}

static void
agreement_free (KpVerifierAgreement *agreement)
{
  g_free (agreement->verifier);
  g_free (agreement);
}

void
kp_verification_summary_free (KpVerificationSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->agreement, g_ptr_array_unref);
  g_free (summary);
}

int
kp_verifier_agreement_percent (const KpVerifierAgreement *agreement)
{
  g_return_val_if_fail (agreement != NULL, 0);
  return agreement->checked > 0 ? (int) (agreement->agreed * 100u / agreement->checked) : 0;
}

static int
compare_agreement (gconstpointer a, gconstpointer b)
{
  const KpVerifierAgreement *x = *(KpVerifierAgreement *const *) a;
  const KpVerifierAgreement *y = *(KpVerifierAgreement *const *) b;

  return g_utf8_collate (x->verifier, y->verifier);
}

KpVerificationSummary *
kp_verification_summary (KpDatabase *db, gint64 selection_id, GError **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(KpVerificationSummary) summary = NULL;
  g_autoptr(GHashTable) by_verifier = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  if ((cases = load_cases (_kp_database_get_db (db), selection_id, error)) == NULL)
    return NULL;
  summary = g_new0 (KpVerificationSummary, 1);
  summary->agreement = g_ptr_array_new_with_free_func ((GDestroyNotify) agreement_free);
  /* Verifiers are the same person whatever the case or spacing of their name. */
  by_verifier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  summary->total = cases->len;
  for (guint i = 0; i < cases->len; i++)
    {
      const KpVerificationCase *vcase = g_ptr_array_index (cases, i);
      const KpVerificationRound *r = vcase->rounds;

      summary->states[vcase->state]++;
      if (vcase->final != NULL)
        {
          if (vcase->final->decision == KP_DECISION_MS)
            summary->ms++;
          else
            summary->tms++;
        }
      if (r[0].decision != KP_DECISION_NONE && r[1].decision != KP_DECISION_NONE)
        {
          g_autofree char *key = kp_text_fold (r[0].verifier);
          KpVerifierAgreement *agreement = g_hash_table_lookup (by_verifier, key);

          if (agreement == NULL)
            {
              agreement = g_new0 (KpVerifierAgreement, 1);
              agreement->verifier = g_strdup (r[0].verifier);
              g_ptr_array_add (summary->agreement, agreement);
              g_hash_table_insert (by_verifier, g_steal_pointer (&key), agreement);
            }
          agreement->checked++;
          if (r[1].decision == r[0].decision)
            agreement->agreed++;
        }
    }
  g_ptr_array_sort (summary->agreement, compare_agreement);
  return g_steal_pointer (&summary);
}

gint64
kp_verification_requirement_find (KpDatabase *db, gint64 selection_id, int position,
                                  GError **error)
{
  KpStmt *stmt;
  KpStep step;
  gint64 id = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT id FROM selection_requirement WHERE selection_id = ? AND "
                         "position = ? ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  _kp_stmt_bind_int64 (stmt, 2, position);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    id = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 /* Translators: %d is a requirement's number, then a selection's id. */
                 _("Selection %" PRId64 " has no requirement number %d"), selection_id, position);
  return id;
}
