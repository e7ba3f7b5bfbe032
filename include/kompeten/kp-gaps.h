/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-gaps.h: gap analysis and JPM over the register (PP 11/2017 art. 206): each employee's
 * latest counted level per competency against the standard of the position held, or of a
 * target position. */
#pragma once

#include "kompeten/kp-competency.h"
#include "kompeten/kp-database.h"

G_BEGIN_DECLS

/* One employee's gaps, valid during the callback only. */
typedef struct {
  gint64 employee_id;
  const char *nip;
  const char *name;
  const char *unit;
  const char *position;
  int kind;                       /* KpPositionKind of the position judged against */
  guint n_competencies;           /* the dictionary's, in kp_gaps_get_codes () order */
  const KpGapItem *items;         /* one per competency: type, required (0: none), attained */
  KpJpm jpm;
  gboolean has_standard;          /* FALSE: the position has no standard: no JPM */
  gboolean assessed;              /* some counted level exists: without one, the JPM (0) says
                                   * nothing and reports show "not assessed" */
  gboolean weighted;              /* a technical weight is set for the kind */
  guint category;                 /* index into kp_gaps_get_categories (); valid with a JPM */
} KpEmployeeGaps;

typedef gboolean (*KpGapFunc) (const KpEmployeeGaps *gaps, gpointer user_data, GError **error);

typedef struct _KpGaps KpGaps;

/* Reads the dictionary, the standards, the JPM weights and categories, and every employee's
 * latest counted levels: a snapshot to judge employees with. */
KpGaps *kp_gaps_new (KpDatabase *db, GError **error);
void kp_gaps_free (KpGaps *gaps);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpGaps, kp_gaps_free)

guint kp_gaps_get_n_competencies (KpGaps *gaps);
const char *kp_gaps_get_code (KpGaps *gaps, guint index);
const char *kp_gaps_get_competency_name (KpGaps *gaps, guint index);
/* The JPM categories, highest first: names and lower bounds in percent. */
guint kp_gaps_get_n_categories (KpGaps *gaps);
const char *kp_gaps_get_category_name (KpGaps *gaps, guint index);
int kp_gaps_get_category_min (KpGaps *gaps, guint index);

/* Calls @func for every employee (of @unit_id and its sub-units; 0: all) in register order,
 * judged against the position each holds. Stops at the first FALSE. */
gboolean kp_gaps_foreach (KpGaps *gaps, gint64 unit_id, KpGapFunc func, gpointer user_data,
                          GError **error);
/* One employee against @target_position_id (0: the position held), e.g. for a promotion. */
gboolean kp_gaps_judge (KpGaps *gaps, gint64 employee_id, gint64 target_position_id,
                        KpGapFunc func, gpointer user_data, GError **error);

G_END_DECLS
