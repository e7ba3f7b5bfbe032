/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-audit-view.h: the Audit area: the log as a searchable table and the chain check. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_AUDIT_VIEW (kp_audit_view_get_type ())
G_DECLARE_FINAL_TYPE (KpAuditView, kp_audit_view, KP, AUDIT_VIEW, AdwBin)

GtkWidget *kp_audit_view_new (void);
KpDatabase *kp_audit_view_get_database (KpAuditView *self);
/* Set once, by the window, after construction. Property "database". */
void kp_audit_view_set_database (KpAuditView *self, KpDatabase *database);
/* Moves the keyboard focus to the search entry. */
void kp_audit_view_focus_search (KpAuditView *self);
/* Runs the chain check and shows its result (what the Verify button does). */
void kp_audit_view_verify (KpAuditView *self);

G_END_DECLS
