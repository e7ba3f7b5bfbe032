/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-org-view.h: the organisation: units as a tree, the positions of the chosen unit. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_ORG_VIEW (kp_org_view_get_type ())
G_DECLARE_FINAL_TYPE (KpOrgView, kp_org_view, KP, ORG_VIEW, AdwBin)

GtkWidget *kp_org_view_new (void);
KpDatabase *kp_org_view_get_database (KpOrgView *self);
/* Set once, by the window, after construction. Property "database". */
void kp_org_view_set_database (KpOrgView *self, KpDatabase *database);

G_END_DECLS
