/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-report-private.h: what the report layer's per-unit reports share, so that every chart
 * names and orders units the same way. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

/* The name of unit @unit_id, or NULL when there is none. Free with g_free. */
char *_kp_report_unit_scope_name (KpDatabase *db, gint64 unit_id);
/* The keys of @units (unit names) sorted as the locale sorts text, NULL-terminated so that
 * pdata is a GStrv; the strings are borrowed from @units. Free with g_ptr_array_unref. */
GPtrArray *_kp_report_sorted_names (GHashTable *units);

G_END_DECLS
