/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-competency-view-private.h: what the tests look at and do inside KpCompetencyView. */
#pragma once

#include "kp-competency-view.h"

G_BEGIN_DECLS

/* The dictionary: one row (an AdwActionRow) per competency shown, grouped under header
 * labels by type. */
GtkListBox *_kp_competency_view_get_list (KpCompetencyView *self);
GtkSearchEntry *_kp_competency_view_get_search_entry (KpCompetencyView *self);
/* The left pane: "list" or "no-results" (the search matches nothing). */
const char *_kp_competency_view_get_list_page (KpCompetencyView *self);
/* The right pane: "detail", "none" (nothing chosen) or "empty" (the dictionary is empty). */
const char *_kp_competency_view_get_detail_page (KpCompetencyView *self);
/* The id of the competency shown on the right; 0 for none. */
gint64 _kp_competency_view_get_shown_id (KpCompetencyView *self);
/* The right pane, to read what it shows. */
GtkWidget *_kp_competency_view_get_detail (KpCompetencyView *self);
/* The card of level @level (1–5) and, inside it, the explanation shown when it has no text. */
GtkWidget *_kp_competency_view_get_level_card (KpCompetencyView *self, int level);
GtkLabel *_kp_competency_view_get_level_missing_label (KpCompetencyView *self, int level);

/* The dialog on screen (a form, a question, a refusal or an import's result), or NULL. */
AdwMessageDialog *_kp_competency_view_get_dialog (KpCompetencyView *self);
/* In the competency form: code, name, type (KpCompetencyType order) and definition. In the
 * level form: the description and the indicators. NULL when the dialog has none. */
GtkEditable *_kp_competency_view_get_dialog_code (KpCompetencyView *self);
GtkEditable *_kp_competency_view_get_dialog_name (KpCompetencyView *self);
GtkDropDown *_kp_competency_view_get_dialog_type (KpCompetencyView *self);
GtkTextBuffer *_kp_competency_view_get_dialog_definition (KpCompetencyView *self);
GtkTextBuffer *_kp_competency_view_get_dialog_description (KpCompetencyView *self);
GtkTextBuffer *_kp_competency_view_get_dialog_indicators (KpCompetencyView *self);
/* In an import's result: the list of refused rows (one row each), or NULL. */
GtkListBox *_kp_competency_view_get_dialog_problems (KpCompetencyView *self);

/* What the Import chooser does with the chosen file: imports it and shows the result. */
void _kp_competency_view_import_file (KpCompetencyView *self, GFile *file);
/* What the Save chooser of an import's result does: writes the refused rows as CSV. */
gboolean _kp_competency_view_save_problems (KpCompetencyView *self, GFile *file, GError **error);

G_END_DECLS
