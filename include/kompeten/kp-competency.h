/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-competency.h: the pure rules of competency management (no I/O): assessor consensus, gaps
 * and the job-person match (JPM) of PP 11/2017 art. 206, in exact arithmetic. The thresholds
 * and weights are data the caller reads from editable tables (DOMAIN.md). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KP_LEVEL_MIN 1
#define KP_LEVEL_MAX 5

typedef enum {
  KP_COMPETENCY_MANAGERIAL,    /* manajerial (M.01–M.08) */
  KP_COMPETENCY_SOCIOCULTURAL, /* sosial kultural (Perekat Bangsa) */
  KP_COMPETENCY_TECHNICAL,     /* teknis */
  KP_COMPETENCY_N_TYPES
} KpCompetencyType;

/* "manajerial", "sosial kultural", "teknis" (as PermenPAN-RB 38/2017 names them). */
const char *kp_competency_type_to_string (KpCompetencyType type);
/* Case-insensitive; also "managerial", "socio-cultural", "technical". -1 if unknown. */
int kp_competency_type_parse (const char *text);

/* ---- several assessors, one level -------------------------------------------------------- */

typedef enum {
  KP_CONSENSUS_NONE,         /* no level given */
  KP_CONSENSUS_SINGLE,       /* one assessor: their level */
  KP_CONSENSUS_COMPUTED,     /* assessors within 1 level: the median, rounded down */
  KP_CONSENSUS_DISAGREEMENT, /* 2+ levels apart: counts only once a consensus is recorded */
} KpConsensus;

/* Judges the levels (each 1–5) that assessors gave one person on one competency. @level gets
 * the result (0 for NONE and DISAGREEMENT), @spread (may be NULL) max − min. */
KpConsensus kp_consensus_compute (const int *levels, guint n_levels, int *level, int *spread);

/* ---- gap and JPM ------------------------------------------------------------------------- */

/* An exact fraction (den > 0). */
typedef struct {
  gint64 num;
  gint64 den;
} KpRatio;

/* @ratio as a percent with one decimal, rounded half up exactly ("83.3"), into @buf. */
void kp_ratio_format_percent (KpRatio ratio, char buf[16]);
/* The same for people to read: the decimal separator of LC_NUMERIC ("83,3" in Indonesian).
 * Files meant for programs (CSV, the audit log) keep kp_ratio_format_percent (). */
void kp_ratio_format_percent_locale (KpRatio ratio, char buf[16]);
/* -1, 0, 1 as @ratio × 100 compares with @percent. */
int kp_ratio_compare_percent (KpRatio ratio, int percent);

typedef struct {
  KpCompetencyType type;
  int required; /* the standard's level for the position, 1–5; 0: not required */
  int attained; /* the person's consensus level, 1–5; 0: not assessed */
} KpGapItem;

/* attained − required (negative: below standard). */
int kp_gap (int attained, int required);

typedef struct {
  KpRatio managerial; /* managerial + socio-cultural: Σ min(attained, required) / Σ required */
  KpRatio technical;
  KpRatio total;      /* weighted by the caller's weights */
  guint n_required;   /* competencies with a standard */
  guint n_missing;    /* of those, not assessed (counted as attained 0) */
  guint n_below;      /* of those, below the standard */
} KpJpm;

/* The JPM of one person against one position's standard. Attained levels are capped at the
 * required level. @technical_weight is the percent (0–100) the technical competencies weigh
 * for this kind of position; the managerial and socio-cultural ones weigh the rest. A group
 * with no standard gives its weight to the other. A negative @technical_weight (no weight set
 * for the kind) pools every competency: Σ min(attained, required) / Σ required. Returns FALSE
 * when the standard is empty. */
gboolean kp_jpm_compute (const KpGapItem *items, guint n_items, int technical_weight, KpJpm *jpm);

/* The category of a JPM: @thresholds are the lower bounds in percent, highest first (e.g.
 * {80, 68, 0} for Memenuhi Syarat, Masih Memenuhi Syarat, Kurang Memenuhi Syarat). Returns
 * the index of the first bound the JPM reaches. */
guint kp_jpm_category (KpRatio jpm, const int *thresholds, guint n_thresholds);

G_END_DECLS
