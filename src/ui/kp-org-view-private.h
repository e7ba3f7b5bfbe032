/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-org-view-private.h: what the tests look at inside KpOrgView. */
#pragma once

#include "kp-org-view.h"

G_BEGIN_DECLS

/* The tree of units: its model is a GtkSingleSelection over a GtkTreeListModel of KpUnit. */
GtkListView *_kp_org_view_get_unit_list (KpOrgView *self);
/* The positions of the selected unit: its model is a GtkSingleSelection of KpPosition. */
GtkColumnView *_kp_org_view_get_position_view (KpOrgView *self);
/* The right pane's heading: the unit's name, and where it sits with its counts. */
GtkLabel *_kp_org_view_get_unit_title_label (KpOrgView *self);
GtkLabel *_kp_org_view_get_unit_subtitle_label (KpOrgView *self);
/* The page the user sees: "empty" (no units at all) or "units". */
const char *_kp_org_view_get_page (KpOrgView *self);
/* The right pane: "list" or "empty" (the selected unit has no positions). */
const char *_kp_org_view_get_positions_page (KpOrgView *self);

/* The dialog on screen (a question, a form or a refusal), or NULL. */
AdwMessageDialog *_kp_org_view_get_dialog (KpOrgView *self);
/* In a form: the name or title entry, and the drop-down (units of KpUnit for Move, where the
 * first item, with id 0, is the top level; position kinds of GtkStringObject otherwise). */
GtkEditable *_kp_org_view_get_dialog_entry (KpOrgView *self);
GtkDropDown *_kp_org_view_get_dialog_drop_down (KpOrgView *self);

G_END_DECLS
