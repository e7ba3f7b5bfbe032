/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kompeten/kp-audit.h"

G_BEGIN_DECLS

/* Takes @event. */
KpAuditEntry *_kp_audit_entry_new_take (KpAuditEvent *event);
gint64 _kp_audit_entry_id_func (gpointer item);

G_END_DECLS
