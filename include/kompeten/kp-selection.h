/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-selection.h: recruitment selections, their rules (stages, components, pass rules, codes,
 * tie-break, requirements), the announcement that locks them and its amendments.
 *
 * A selection starts from the default_* rows of its type. Its rules and vacancies (formasi)
 * change freely until kp_selection_publish (); after that only inside an amendment, which has a
 * reason and ends in a new announcement version listing what changed (or is cancelled, which
 * puts back exactly the announced state). Every write is one transaction with one audit event
 * (entity "selection", entity id the selection's id) carrying the old and new values. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

typedef enum {
  KP_SELECTION_CPNS,
  KP_SELECTION_PPPK,
  KP_SELECTION_JPT,       /* JPT open selection */
  KP_SELECTION_INTERNAL,
  KP_SELECTION_NON_ASN,
  KP_SELECTION_TYPE_COUNT,
} KpSelectionType;

/* "cpns", "pppk", "jpt", "internal", "non-asn" (the stored values). */
const char *kp_selection_type_to_string (KpSelectionType type);
/* -1 with KP_MODEL_ERROR_INVALID naming the value when @text is none of them. */
int kp_selection_type_parse (const char *text, GError **error);

typedef struct {
  gint64 id;
  char *name;
  char *type;               /* "cpns" … */
  int year;
  char *appeal_text;
  int sample_percent;       /* four eyes share; not an announced rule */
  gboolean locked;          /* announced */
  char *amendment_reason;   /* NULL unless an amendment is open */
  int version;              /* latest announcement version, 0 before the announcement */
  gint64 n_formasi;
  gint64 n_applicants;
} KpSelection;

void kp_selection_free (KpSelection *selection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpSelection, kp_selection_free)

/* Creates the selection with the default stages, components and pass rules of @type, all
 * default codes, the default tie-break and requirements. Returns its id, 0 on error. */
gint64 kp_selection_create (KpDatabase *db, const char *name, KpSelectionType type, int year,
                            GError **error);
/* Of KpSelection, newest year first. */
GPtrArray *kp_selection_list (KpDatabase *db, GError **error);
KpSelection *kp_selection_get (KpDatabase *db, gint64 selection_id, GError **error);
/* The id of the selection named exactly @name; 0 with KP_MODEL_ERROR_NOT_FOUND otherwise. */
gint64 kp_selection_find (KpDatabase *db, const char *name, GError **error);
/* The name and the appeal text are announced: locked like the rules. */
gboolean kp_selection_rename (KpDatabase *db, gint64 selection_id, const char *name,
                              GError **error);
gboolean kp_selection_set_appeal_text (KpDatabase *db, gint64 selection_id, const char *text,
                                       GError **error);
/* The four eyes share (0–100) is how the office checks itself, not a rule applicants rely on:
 * it may change at any time, also after the announcement. */
gboolean kp_selection_set_sample_percent (KpDatabase *db, gint64 selection_id, int percent,
                                          GError **error);
/* Only before the announcement and while no one has registered (KP_MODEL_ERROR_IN_USE). */
gboolean kp_selection_delete (KpDatabase *db, gint64 selection_id, GError **error);

/* ---- rules ---------------------------------------------------------------------------------- */

typedef struct {
  gint64 id;
  int position;             /* 1, 2, 3 … */
  char *name;
  char *kind;               /* administration, skd, skb, interview, assessment, paper,
                             * track-record, competency, other */
  char *method;
  char *scoring;            /* "sum" or "weighted" */
  int weight_percent;       /* its share of the final score */
  gboolean eliminates;
  int cutoff_multiple;      /* best N × quota go on; 0: none */
  char *starts_on;          /* ISO date or NULL */
  char *ends_on;
  char *place;
} KpSelectionStage;

void kp_selection_stage_free (KpSelectionStage *stage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpSelectionStage, kp_selection_stage_free)

/* Of KpSelectionStage, in order. */
GPtrArray *kp_selection_stages_list (KpDatabase *db, gint64 selection_id, GError **error);

/* The rules and vacancies as announced: a JSON object with stable key order (name, type, year,
 * appeal_text, stages [position, name, kind, method, scoring, weight_percent, eliminates,
 * cutoff_multiple, starts_on, ends_on, place, components [code, name, max_score,
 * weight_percent], pass_rules [formasi_kind, component_code, min_score]], codes [stage_kind,
 * code, label, meaning], tie_break [position, criterion, label], requirements [position, text],
 * formasi [code, position_title, unit, education, study_programme, kind, quota]). No row ids:
 * equal rules give equal bytes. */
char *kp_selection_rules_json (KpDatabase *db, gint64 selection_id, GError **error);

/* Adds @stage (its id and position are ignored) as the last stage; returns the new id. */
gint64 kp_selection_stage_add (KpDatabase *db, gint64 selection_id,
                               const KpSelectionStage *stage, GError **error);
/* Sets every field of the stage but its id and position. */
gboolean kp_selection_stage_update (KpDatabase *db, gint64 stage_id,
                                    const KpSelectionStage *stage, GError **error);
/* Moves the stage to @position (1 … n); the others close up. */
gboolean kp_selection_stage_move (KpDatabase *db, gint64 stage_id, int position,
                                  GError **error);
gboolean kp_selection_stage_remove (KpDatabase *db, gint64 stage_id, GError **error);
/* Sets the weights of all stages in order at once; refused unless they add up to 100. */
gboolean kp_selection_set_stage_weights (KpDatabase *db, gint64 selection_id,
                                         const int *weights, guint n, GError **error);

gboolean kp_selection_component_add (KpDatabase *db, gint64 stage_id, const char *code,
                                     const char *name, int max_score, int weight_percent,
                                     GError **error);
gboolean kp_selection_component_update (KpDatabase *db, gint64 stage_id, const char *code,
                                        const char *name, int max_score, int weight_percent,
                                        GError **error);
gboolean kp_selection_component_remove (KpDatabase *db, gint64 stage_id, const char *code,
                                        GError **error);

/* A minimum on a component (its code) or on the stage total ("TOTAL") for a formasi kind
 * ("*": every kind without a rule of its own). Set adds or replaces. */
gboolean kp_selection_pass_rule_set (KpDatabase *db, gint64 stage_id, const char *formasi_kind,
                                     const char *component_code, int min_score, GError **error);
gboolean kp_selection_pass_rule_remove (KpDatabase *db, gint64 stage_id,
                                        const char *formasi_kind, const char *component_code,
                                        GError **error);

/* The code vocabulary: @stage_kind is a stage kind or "final". Set adds or replaces. */
gboolean kp_selection_code_set (KpDatabase *db, gint64 selection_id, const char *stage_kind,
                                const char *code, const char *label, const char *meaning,
                                GError **error);
gboolean kp_selection_code_remove (KpDatabase *db, gint64 selection_id, const char *stage_kind,
                                   const char *code, GError **error);

/* Replaces the tie-break chain: @criteria and @labels, @n of each, in order. */
gboolean kp_selection_tie_break_set (KpDatabase *db, gint64 selection_id,
                                     const char *const *criteria, const char *const *labels,
                                     guint n, GError **error);

/* An announced requirement: what a TMS decision names as its reason. */
typedef struct {
  gint64 id;
  int position;   /* 1 … n */
  char *text;
} KpSelectionRequirement;

void kp_selection_requirement_free (KpSelectionRequirement *requirement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpSelectionRequirement, kp_selection_requirement_free)

/* The selection's requirements in their order (of KpSelectionRequirement). */
GPtrArray *kp_selection_requirements_list (KpDatabase *db, gint64 selection_id, GError **error);

/* Requirements are numbered 1 … n; add appends, remove closes up. */
gint64 kp_selection_requirement_add (KpDatabase *db, gint64 selection_id, const char *text,
                                     GError **error);
gboolean kp_selection_requirement_update (KpDatabase *db, gint64 requirement_id,
                                          const char *text, GError **error);
gboolean kp_selection_requirement_remove (KpDatabase *db, gint64 requirement_id,
                                          GError **error);

/* TRUE when the rules can be announced; otherwise FALSE and, when @problems is not NULL, every
 * problem as a translated sentence (GPtrArray of char *). FALSE with @error only when the
 * database fails. */
gboolean kp_selection_check_rules (KpDatabase *db, gint64 selection_id, GPtrArray **problems,
                                   GError **error);

/* ---- the announcement and amendments --------------------------------------------------------- */

/* Announces the selection: refused while the rules have problems or there is no formasi.
 * Stores version 1 with the rules_json snapshot and the audit checkpoint, and locks the
 * selection. The checkpoint is the chain head BEFORE the publish event: the state the
 * announcement was made from; the publish event then records that checkpoint and the
 * snapshot's SHA-256, so the chain covers the announcement too. Returns the version, 0 on
 * error. */
int kp_selection_publish (KpDatabase *db, gint64 selection_id, GError **error);
/* Opens an amendment (reason required); then rules and vacancies may change. */
gboolean kp_selection_amendment_begin (KpDatabase *db, gint64 selection_id, const char *reason,
                                       GError **error);
/* Publishes the amended rules as the next version with the reason and the changes against the
 * version before; refused when nothing changed or the rules have problems. Returns the
 * version, 0 on error. */
int kp_selection_amendment_publish (KpDatabase *db, gint64 selection_id, GError **error);
/* Puts back the rules and vacancies of the last version and closes the amendment. Refused
 * (KP_MODEL_ERROR_IN_USE, nothing changed) when that would remove a formasi someone has
 * registered for or a requirement a verification points to. */
gboolean kp_selection_amendment_cancel (KpDatabase *db, gint64 selection_id, GError **error);

typedef struct {
  int version;
  char *reason;
  char *published_at;
  char *published_by;
  char *checkpoint;
  guint n_changes;
} KpAnnouncement;

void kp_announcement_free (KpAnnouncement *announcement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpAnnouncement, kp_announcement_free)

/* Of KpAnnouncement, oldest first. */
GPtrArray *kp_announcement_list (KpDatabase *db, gint64 selection_id, GError **error);
char *kp_announcement_get_rules_json (KpDatabase *db, gint64 selection_id, int version,
                                      GError **error);
char *kp_announcement_get_changes_json (KpDatabase *db, gint64 selection_id, int version,
                                        GError **error);

typedef struct {
  char *path;       /* "stages[2].weight_percent", "formasi[F0003]" … */
  char *old_value;  /* NULL when added */
  char *new_value;  /* NULL when removed */
  char *sentence;   /* "Stage 2 “SKD”: weight 40 % → 45 %" */
} KpRulesChange;

void kp_rules_change_free (KpRulesChange *change);

/* What changed from @old_json to @new_json (two rules snapshots): of KpRulesChange, in the
 * snapshot's order. Stages, tie-break and requirements are matched by position, components by
 * code, pass rules by kind and component, codes by stage kind and code, formasi by code. */
GPtrArray *kp_announcement_diff (const char *old_json, const char *new_json);

G_END_DECLS
