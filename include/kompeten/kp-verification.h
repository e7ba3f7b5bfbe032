/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-verification.h: the administrative verification of a selection's registrants, with four
 * eyes (DOMAIN.md, Recruitment). Each registrant is marked MS (memenuhi syarat) or TMS (tidak
 * memenuhi syarat: a reason chosen from the announced requirements plus a note).
 *
 * Rounds: the first decision is round 1. A second verifier, never the first one, checks every
 * TMS and a reproducible sample of the MS decisions (selection.sample_percent, default 10 %) in
 * round 2. Where rounds 1 and 2 disagree (MS against TMS) the case is flagged until a third
 * person, neither of the two (the HR lead or another verifier), resolves it in round 3. The
 * decision that counts is the latest round's. Every decision is one transaction with one audit
 * event; a bulk marking is one transaction with one event naming the count. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

typedef enum {
  KP_DECISION_NONE = -1,
  KP_DECISION_MS = 0,
  KP_DECISION_TMS = 1,
} KpDecision;

/* "MS" / "TMS" (NULL for NONE), and back (KP_DECISION_NONE for anything else; case-insensitive). */
const char *kp_decision_to_string (KpDecision decision);
KpDecision kp_decision_from_string (const char *text);

typedef enum {
  KP_VERIFICATION_UNDECIDED,       /* no decision yet */
  KP_VERIFICATION_AWAITING_SECOND, /* round 1 done; a second verifier must check it */
  KP_VERIFICATION_DISAGREEMENT,    /* rounds 1 and 2 disagree: flagged until round 3 */
  KP_VERIFICATION_DECIDED,         /* final: MS or TMS */
  KP_VERIFICATION_STATE_COUNT,
} KpVerificationState;

/* A short English name ("undecided", "awaiting-second", "disagreement", "decided"). */
const char *kp_verification_state_to_string (KpVerificationState state);

/* Whether an MS decision on @reg_no falls in the four-eyes sample of @percent % for @seed:
 * SHA-256 of the seed (decimal) and the registration number, joined by ':', read as a number
 * modulo 10,000, below @percent × 100. Depends only on these three, so the sample is the same
 * whatever order the decisions come in, and anyone can recompute it. */
gboolean kp_verification_sampled (gint64 seed, int percent, const char *reg_no);

/* One round's decision (decision NONE: the round has not happened). */
typedef struct {
  KpDecision decision;
  char *verifier;
  gint64 requirement_id;  /* 0 for MS */
  char *requirement_text; /* "" for MS */
  char *note;
  char *decided_at;       /* ISO 8601 UTC */
} KpVerificationRound;

/* A registrant's verification case. */
typedef struct {
  gint64 applicant_id;
  char *reg_no;
  char *name;
  gint64 formasi_id;
  gboolean needs_second; /* TMS in round 1, or MS in the sample */
  KpVerificationState state;
  KpVerificationRound rounds[3];  /* [0] round 1 … [2] round 3 */
  const KpVerificationRound *final; /* the decision that counts when DECIDED, else NULL */
} KpVerificationCase;

void kp_verification_case_free (KpVerificationCase *vcase);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpVerificationCase, kp_verification_case_free)

/* Records the next round's decision on registrant @applicant_id by @verifier (non-empty). For
 * TMS, @requirement_id must be one of the requirements of the registrant's selection and @note
 * must say what is missing (not blank); for MS both are ignored. The round is the one the case
 * needs: 1 when undecided; 2 when awaiting a second check (@verifier must not be round 1's);
 * 3 for a disagreement (@verifier must be neither round 1's nor round 2's). A decided case is
 * refused (KP_MODEL_ERROR_INVALID), as is an unknown registrant (NOT_FOUND). @round (optional)
 * gets the round recorded. One audit event ("verify", "applicant", the registration number). */
gboolean kp_verification_decide (KpDatabase *db, gint64 applicant_id, const char *verifier,
                                 KpDecision decision, gint64 requirement_id, const char *note,
                                 int *round, GError **error);

/* Which registrants a bulk marking takes, besides an explicit list. */
typedef struct {
  gint64 formasi_id;            /* 0: every formasi */
  gboolean education_mismatch;  /* only those flagged for their education */
  gboolean duplicate_nik;       /* only those flagged for a NIK registered twice */
  gboolean no_flags;            /* only those with neither flag */
} KpVerificationFilter;

/* Marks many registrants of @selection_id at once, as round 1: those in @applicant_ids (of
 * gint64; NULL: every registrant matching @filter, which may be NULL for all). Registrants that
 * already have a decision are left as they are and counted in @skipped: a bulk marking is a
 * first decision, never a check. TMS needs the requirement and the note as for one (refused
 * otherwise, before anything is written); an id of another selection or of no registrant is
 * refused (NOT_FOUND). All in one transaction with one audit event ("verify-bulk", "selection",
 * its id) giving the count, the decision, the verifier; none when nothing is marked. */
gboolean kp_verification_decide_many (KpDatabase *db, gint64 selection_id, GArray *applicant_ids,
                                      const KpVerificationFilter *filter, const char *verifier,
                                      KpDecision decision, gint64 requirement_id,
                                      const char *note, guint *marked, guint *skipped,
                                      GError **error);

/* Every registrant's case in @selection_id, by registration number. Of KpVerificationCase: free
 * with g_ptr_array_unref. */
GPtrArray *kp_verification_list (KpDatabase *db, gint64 selection_id, GError **error);

/* What @verifier can do now: undecided cases, cases awaiting a second check whose round 1 was
 * someone else's, and disagreements in which @verifier took no part. By state (undecided
 * first), then registration number. Of KpVerificationCase. */
GPtrArray *kp_verification_queue (KpDatabase *db, gint64 selection_id, const char *verifier,
                                  GError **error);

/* How often a round-1 verifier's decisions were confirmed by the second verifier. */
typedef struct {
  char *verifier;
  guint checked; /* decisions of theirs that had a round 2 */
  guint agreed;  /* … where round 2 gave the same decision */
} KpVerifierAgreement;

typedef struct {
  guint total;
  guint states[KP_VERIFICATION_STATE_COUNT]; /* by KpVerificationState */
  guint ms;  /* final MS */
  guint tms; /* final TMS */
  GPtrArray *agreement; /* of KpVerifierAgreement, by verifier name */
} KpVerificationSummary;

KpVerificationSummary *kp_verification_summary (KpDatabase *db, gint64 selection_id,
                                                GError **error);
void kp_verification_summary_free (KpVerificationSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpVerificationSummary, kp_verification_summary_free)

/* The id of the requirement at @position (1, 2 …: the order announced) of @selection_id, or 0
 * with KP_MODEL_ERROR_NOT_FOUND. */
gint64 kp_verification_requirement_find (KpDatabase *db, gint64 selection_id, int position,
                                         GError **error);

/* The agreement as a whole percent rounded down (0 when nothing was checked). */
int kp_verifier_agreement_percent (const KpVerifierAgreement *agreement);

G_END_DECLS
