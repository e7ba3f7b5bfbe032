/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-recruitment-private.h: what the recruitment parts of the model share: one-value lookups,
 * whether a selection exists, and whether its rules and vacancies may change now. */
#pragma once

#include "kp-db-private.h"

G_BEGIN_DECLS

/* The integer @sql yields for the id ?1 in *@value, 0 when it yields no row: whether a row
 * exists ("SELECT 1 …"), a count, a flag. The selection, registrant and notification code
 * each asked such questions in their own copy of these statement steps. */
gboolean _kp_recruitment_query_int (KpDb *kdb, const char *sql, gint64 id, gint64 *value,
                                    GError **error);

/* FALSE with KP_MODEL_ERROR_NOT_FOUND when there is no selection @selection_id. */
gboolean _kp_selection_check_exists (KpDb *kdb, gint64 selection_id, GError **error);

/* Rules and vacancies change freely until the announcement; after it only while an amendment
 * is open (kp_selection_amendment_begin, with its reason). Otherwise FALSE with
 * KP_MODEL_ERROR_LOCKED, saying so; KP_MODEL_ERROR_NOT_FOUND without such a selection. Call it
 * inside the change's transaction. */
gboolean _kp_selection_check_editable (KpDb *kdb, gint64 selection_id, GError **error);

G_END_DECLS
