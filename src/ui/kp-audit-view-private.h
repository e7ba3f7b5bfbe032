/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-audit-view-private.h: what the tests look at inside KpAuditView. */
#pragma once

#include "kp-audit-view.h"

G_BEGIN_DECLS

GtkColumnView *_kp_audit_view_get_column_view (KpAuditView *self);
GtkSearchEntry *_kp_audit_view_get_search_entry (KpAuditView *self);
GtkLabel *_kp_audit_view_get_status_label (KpAuditView *self);
GtkButton *_kp_audit_view_get_verify_button (KpAuditView *self);
/* The page the user sees: "empty" (no events at all), "no-results" or "list". */
const char *_kp_audit_view_get_page (KpAuditView *self);
/* TRUE while the filter or sort model still has items to process incrementally. */
gboolean _kp_audit_view_is_busy (KpAuditView *self);
/* The chain check's result as shown: NULL while none is shown, else "intact", "broken" or
 * "failed" (the check itself could not run). */
const char *_kp_audit_view_get_result_kind (KpAuditView *self);
GtkLabel *_kp_audit_view_get_result_title (KpAuditView *self);
/* The checkpoint "seq:hash" shown after a successful check. */
GtkLabel *_kp_audit_view_get_checkpoint_label (KpAuditView *self);
/* The selected event's pretty-printed payload as shown in the details pane ("" if none).
 * Free with g_free. */
char *_kp_audit_view_dup_details_text (KpAuditView *self);

G_END_DECLS
