/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-assessments.h: competency assessments (penilaian kompetensi) in the database: events
 * (a name, a period, a date, a method), the level each assessor gave each employee on each
 * competency, the consensus recorded where assessors disagree, and the import of results from
 * CSV. History is kept: a new assessment never overwrites an old one. */
#pragma once

#include "kompeten/kp-competency.h"
#include "kompeten/kp-database.h"
#include "kompeten/kp-employee-import.h"

G_BEGIN_DECLS

/* ---- methods ----------------------------------------------------------------------------- */

typedef enum {
  KP_ASSESSMENT_METHOD_CENTRE,         /* "assessment centre" (also "assessment center", "AC") */
  KP_ASSESSMENT_METHOD_UJI_KOMPETENSI, /* "uji kompetensi" */
  KP_ASSESSMENT_METHOD_WAWANCARA,      /* "wawancara" (also "interview") */
  KP_ASSESSMENT_METHOD_360,            /* "360" (also "360 derajat", "360 degree") */
  KP_ASSESSMENT_METHOD_SELF,           /* "self-assessment" (also "penilaian mandiri") */
  KP_ASSESSMENT_N_METHODS
} KpAssessmentMethod;

/* Case-insensitive, spaces, '-' and '_' alike; -1 if unknown. */
int kp_assessment_method_parse (const char *text);
/* The canonical name stored in the database ("assessment centre", "uji kompetensi",
 * "wawancara", "360", "self-assessment"); NULL for an unknown method. Not translated. */
const char *kp_assessment_method_to_string (int method);

/* ---- events and results ------------------------------------------------------------------ */

/* Creates an assessment event. @name must not be empty; @period may be "" (e.g. "2026");
 * @held_on is a real date (YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY) not after today. Returns the
 * new id, or 0 with @error set (KP_MODEL_ERROR_INVALID). Audited: "create", entity
 * "assessment". */
gint64 kp_assessment_create (KpDatabase *db, const char *name, const char *period,
                             const char *held_on, int method, GError **error);

/* Records the @level (1–5) that @assessor gave @employee_id on @competency_id in the event
 * @assessment_id, with an evidence @note (may be NULL). Refuses a second result of the same
 * assessor for the same person and competency in the same event (KP_MODEL_ERROR_DUPLICATE);
 * an unknown event, employee or competency is KP_MODEL_ERROR_NOT_FOUND. Audited: "create",
 * entity "assessment-result", the employee's NIP. */
gboolean kp_assessment_record (KpDatabase *db, gint64 assessment_id, gint64 employee_id,
                               gint64 competency_id, const char *assessor, int level,
                               const char *note, GError **error);

/* Records (or corrects) the consensus level of a disagreement, with its @reason (required).
 * Refused (KP_MODEL_ERROR_INVALID) when the assessors of that event did not disagree by 2 or
 * more levels, and (KP_MODEL_ERROR_NOT_FOUND) when there are no results to agree on. Audited:
 * "create" or "update", entity "assessment-consensus", the employee's NIP. */
gboolean kp_assessment_set_consensus (KpDatabase *db, gint64 assessment_id, gint64 employee_id,
                                      gint64 competency_id, int level, const char *reason,
                                      GError **error);

/* An assessment event. */
typedef struct {
  gint64 id;
  char *name;
  char *period;
  char *held_on;  /* ISO date */
  char *method;   /* canonical, see kp_assessment_method_to_string() */
  guint n_results;
  guint n_employees;
} KpAssessment;

void kp_assessment_free (KpAssessment *assessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpAssessment, kp_assessment_free)

/* Every event, newest first (by date, then id). Of KpAssessment. */
GPtrArray *kp_assessment_list (KpDatabase *db, GError **error);

/* What one event says about one employee on one competency. */
typedef struct {
  gint64 assessment_id;
  char *assessment_name;
  char *held_on;          /* ISO date */
  char *method;           /* canonical */
  gint64 competency_id;
  char *code;             /* the competency's code */
  int n_assessors;
  int min, max;           /* the spread of the assessors' levels */
  KpConsensus consensus;  /* kp_consensus_compute over the levels */
  int level;              /* the counted level: the assessor's (SINGLE), the median (COMPUTED),
                           * or the recorded consensus (DISAGREEMENT); 0 while a disagreement
                           * has no consensus (it does not count) */
  gboolean recorded;      /* a consensus was recorded for a disagreement */
  char *reason;           /* its reason, "" when none */
  gint64 employee_id;
  char *nip;              /* the employee's NIP and name */
  char *employee_name;
  GArray *levels;         /* of int: each assessor's level, lowest first */
} KpAssessmentOutcome;

void kp_assessment_outcome_free (KpAssessmentOutcome *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpAssessmentOutcome, kp_assessment_outcome_free)

/* For each event × competency where @employee_id has results: its outcome, newest event first
 * (by date, then id), competencies in dictionary order. Every event is kept (history). Of
 * KpAssessmentOutcome. */
GPtrArray *kp_assessment_outcomes (KpDatabase *db, gint64 employee_id, GError **error);

/* Every employee × competency outcome of the event @assessment_id: by employee name, then
 * NIP, competencies in dictionary order. An unknown event has none. Of KpAssessmentOutcome. */
GPtrArray *kp_assessment_event_outcomes (KpDatabase *db, gint64 assessment_id, GError **error);

/* One assessor's result, with its evidence note. */
typedef struct {
  gint64 id;
  char *assessor;
  int level;
  char *note;             /* "" when none */
} KpAssessmentResult;

void kp_assessment_result_free (KpAssessmentResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpAssessmentResult, kp_assessment_result_free)

/* The results behind one outcome: what each assessor of @assessment_id gave @employee_id on
 * @competency_id, by assessor. Of KpAssessmentResult. */
GPtrArray *kp_assessment_results (KpDatabase *db, gint64 assessment_id, gint64 employee_id,
                                  gint64 competency_id, GError **error);

/* Deletes a wrongly entered result (to enter it again correctly). A recorded consensus stays
 * but counts only while the remaining results still disagree. Unknown: KP_MODEL_ERROR_NOT_FOUND.
 * Audited: "delete", entity "assessment-result", the employee's NIP, with what was deleted. */
gboolean kp_assessment_delete_result (KpDatabase *db, gint64 result_id, GError **error);

typedef void (*KpLatestLevelFunc) (gint64 employee_id, gint64 competency_id, int level,
                                   gpointer user_data);

/* Calls @func for every employee × competency that has a counted level, with the latest one:
 * that of the newest event (by date, then id) whose outcome counts. A disagreement without a
 * recorded consensus does not count, so an older counted level stands. In order of employee
 * id, then competency id. Reads everything in two passes over the results (for the gap
 * analysis of a whole register). */
gboolean kp_assessment_foreach_latest (KpDatabase *db, KpLatestLevelFunc func, gpointer user_data,
                                       GError **error);

/* ---- import ------------------------------------------------------------------------------ */

/* Imports results from a penilaian.csv with the columns nip, kode_kompetensi, level, penilai,
 * tanggal, metode, catatan (or their English names: competency code, level, assessor, date,
 * method, note). Rows are grouped into events by (date, method): an event with that date and
 * method is reused, else one is created, named "<Method> <date>" (e.g. "Uji kompetensi
 * 2026-03-14") in the period "<year>". A row is refused (with its line, column and reason) for
 * an NIP not in the register, a code not in the dictionary, a level outside 1–5, a date that is
 * not real or after today, an unknown method, an empty assessor, or when the same NIP, code,
 * assessor, date and method appear on an earlier line. A row equal to a stored result is
 * unchanged; a different level or note for a stored (event, employee, competency, assessor) is
 * an update (a correction of that assessment). One transaction, one audit event ("import",
 * entity "assessment", with the file's SHA-256 and the counts), none when nothing changed;
 * with @all_or_nothing nothing is written when a row is refused. @counts and @problems (of
 * KpImportProblem, in line order) report. */
gboolean kp_assessments_import (KpDatabase *db, GFile *file, gboolean all_or_nothing,
                                KpImportCounts *counts, GPtrArray **problems, GError **error);

G_END_DECLS
