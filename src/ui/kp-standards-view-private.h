/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-standards-view-private.h: what the tests look at and do inside KpStandardsView. */
#pragma once

#include "kp-standards-view.h"

G_BEGIN_DECLS

/* The left pane's mode, switched by the buttons at the top: "positions" or "kinds". */
GtkStack *_kp_standards_view_get_mode_stack (KpStandardsView *self);
GtkSearchEntry *_kp_standards_view_get_search_entry (KpStandardsView *self);
/* The positions list's model: a GtkSingleSelection of a unit's name (GtkStringObject) followed
 * by its positions (KpPosition) that match the search. Selecting a position shows it. */
GtkSingleSelection *_kp_standards_view_get_position_selection (KpStandardsView *self);
/* The position kinds, one row each in KpPositionKind order. */
GtkListBox *_kp_standards_view_get_kind_list (KpStandardsView *self);
/* The left list: "list", "no-results" (the search matches nothing) or "empty". */
const char *_kp_standards_view_get_positions_page (KpStandardsView *self);
/* The right pane: "table", "none" (nothing chosen), "empty" (no positions in the register) or
 * "no-competencies" (the dictionary is empty). */
const char *_kp_standards_view_get_detail_page (KpStandardsView *self);
/* What the table is about: the position (0 for none) or, in the kinds mode, the kind (-1). */
gint64 _kp_standards_view_get_shown_position (KpStandardsView *self);
int _kp_standards_view_get_shown_kind (KpStandardsView *self);
/* The table's heading. */
GtkLabel *_kp_standards_view_get_title_label (KpStandardsView *self);

/* The table's row of a competency, its level selector (item 0 is "—", then levels 1–5) and its
 * "Reset to the kind's default" button; NULL when the competency has no row. */
AdwActionRow *_kp_standards_view_get_row (KpStandardsView *self, gint64 competency_id);
GtkDropDown *_kp_standards_view_get_level_selector (KpStandardsView *self, gint64 competency_id);
GtkButton *_kp_standards_view_get_reset_button (KpStandardsView *self, gint64 competency_id);

/* The dialog on screen (the apply question, an import's refused rows, a refusal), or NULL. */
AdwMessageDialog *_kp_standards_view_get_dialog (KpStandardsView *self);
/* In an import's result: the refused rows (one row each), or NULL. */
GtkListBox *_kp_standards_view_get_dialog_problems (KpStandardsView *self);

/* What the Import chooser does with the chosen file: imports it and shows the result. */
void _kp_standards_view_import_file (KpStandardsView *self, GFile *file);
/* What the Export choosers do with the chosen file: writes the positions' own levels as CSV, or
 * with @xlsx as an Excel workbook, and says so in a toast (or a dialog on failure). */
gboolean _kp_standards_view_export_file (KpStandardsView *self, GFile *file, gboolean xlsx);

G_END_DECLS
