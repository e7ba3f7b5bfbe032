/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-jpm-settings.h: the data the JPM is judged with (DOMAIN.md, PP 11/2017 art. 206): the
 * weight of the technical competencies per position kind and the categories by lower bound.
 * Both change by regulation and by agency, so they are editable tables (jpm_weight,
 * jpm_category), read by kp_gaps_new (). Every change is one transaction with one audit event
 * carrying the old and the new values; nothing is written when nothing changes. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

/* The most categories a table may hold: more would not read as categories any more. */
#define KP_JPM_CATEGORIES_MAX 10

/* ---- technical weight per position kind ------------------------------------------------------ */

/* The percent (0–100) the technical competencies weigh in the JPM of @kind (KpPositionKind);
 * the managerial and socio-cultural ones weigh the rest. -1 when no weight is set: the JPM of
 * that kind is then unweighted, every required level counts alike (kp_jpm_compute ()). A read
 * failure is logged and reads as -1. */
int kp_jpm_weight_get (KpDatabase *db, int kind);

/* Every kind's weight at once into @weights (indexed by KpPositionKind; -1: not set). */
gboolean kp_jpm_weights_get_all (KpDatabase *db, int weights[], GError **error);

/* Sets the technical weight of @kind to @percent (0–100), or removes it (-1: unweighted again).
 * Anything else, or an unknown kind, is KP_MODEL_ERROR_INVALID. One audit event ("update",
 * "jpm-weight", the kind's name) with the kind and the "old" and "new" percent (null: not
 * set); none when nothing changes. */
gboolean kp_jpm_weight_set (KpDatabase *db, int kind, int percent, GError **error);

/* ---- categories ------------------------------------------------------------------------------ */

/* One JPM category: a JPM of at least @min_percent (and below the next higher bound) is
 * called @name. */
typedef struct {
  int min_percent; /* 0–100 */
  char *name;
} KpJpmCategory;

KpJpmCategory *kp_jpm_category_new (int min_percent, const char *name);
void kp_jpm_category_free (KpJpmCategory *category);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpJpmCategory, kp_jpm_category_free)

/* The categories, highest bound first. Of KpJpmCategory: free with g_ptr_array_unref. */
GPtrArray *kp_jpm_categories_list (KpDatabase *db, GError **error);

/* Replaces the whole category table by @categories (of KpJpmCategory, any order). Refused with
 * KP_MODEL_ERROR_INVALID, naming the category at fault, unless: there are 1 to
 * KP_JPM_CATEGORIES_MAX categories; every name is non-empty once its spaces are squashed
 * (kp_text_squash (), which is what is stored), at most 100 characters, and no two are equal
 * ignoring case and accents; every bound
 * is 0–100 and no two are equal; one bound is 0, so that every JPM has a category. One audit
 * event ("update", "jpm-category") with the "old" and "new" lists ({"min", "name"}, highest
 * first); none when the table already holds exactly these. */
gboolean kp_jpm_categories_replace (KpDatabase *db, GPtrArray *categories, GError **error);

G_END_DECLS
