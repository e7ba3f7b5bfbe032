/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-assessment-view-private.h: what the tests look at and do inside KpAssessmentView. */
#pragma once

#include "kp-assessment-view.h"

G_BEGIN_DECLS

/* The page on screen: "empty" (no event yet) or "events". */
const char *_kp_assessment_view_get_page (KpAssessmentView *self);
/* The right pane's outcomes: "table", "no-outcomes" (the event has no result) or "no-matches"
 * (the search or the filter hides them all). */
const char *_kp_assessment_view_get_outcomes_page (KpAssessmentView *self);
/* The events, newest first: one AdwActionRow each. */
GtkListBox *_kp_assessment_view_get_events_list (KpAssessmentView *self);
/* The id of the event shown on the right; 0 for none. */
gint64 _kp_assessment_view_get_shown_id (KpAssessmentView *self);

/* The outcomes table as shown (filtered and sorted), and row @position of it as the user reads
 * it: "NIP|name|code|levels|spread|counted level|status" (transfer full; NULL past the end). */
GtkColumnView *_kp_assessment_view_get_column_view (KpAssessmentView *self);
char *_kp_assessment_view_describe_row (KpAssessmentView *self, guint position);
/* The CSS classes of row @position's status cell ("error" marks a disagreement to settle). */
gboolean _kp_assessment_view_row_has_class (KpAssessmentView *self, guint position,
                                            const char *css_class);
/* What a click on row @position does; GTK_INVALID_LIST_POSITION unselects. */
void _kp_assessment_view_select_row (KpAssessmentView *self, guint position);
/* Under the table: the chosen outcome's assessors (one row each) and its status line. */
GtkListBox *_kp_assessment_view_get_results_list (KpAssessmentView *self);
GtkLabel *_kp_assessment_view_get_outcome_status_label (KpAssessmentView *self);
GtkLabel *_kp_assessment_view_get_status_label (KpAssessmentView *self);
GtkEditable *_kp_assessment_view_get_search_entry (KpAssessmentView *self);
GtkCheckButton *_kp_assessment_view_get_disagreements_check (KpAssessmentView *self);

/* A widget of the template by its id in kp-assessment-view.ui: the dialogs ("new_dialog",
 * "add_dialog", "consensus_dialog", "problems_dialog", "delete_dialog") and their fields
 * ("new_name_row", "employee_entry", "level_spin", "reason_view", "add_error_label", …). */
GtkWidget *_kp_assessment_view_get_widget (KpAssessmentView *self, const char *id);

/* What the Import chooser does with the chosen file: imports it and shows the result. */
void _kp_assessment_view_import_file (KpAssessmentView *self, GFile *file);
/* What the Save chooser of an import's result does: writes the refused rows as CSV. */
gboolean _kp_assessment_view_save_problems (KpAssessmentView *self, GFile *file, GError **error);

G_END_DECLS
