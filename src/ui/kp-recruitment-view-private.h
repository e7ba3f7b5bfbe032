/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-recruitment-view-private.h: what the tests look at and do inside KpRecruitmentView. */
#pragma once

#include "kp-recruitment-view.h"

G_BEGIN_DECLS

/* A row of the vacancies table: one formasi, one property per column ("id", "code",
 * "position-title", "unit", "education", "study-programme", "kind", "quota"). */
#define KP_TYPE_FORMASI_ROW (kp_formasi_row_get_type ())
G_DECLARE_FINAL_TYPE (KpFormasiRow, kp_formasi_row, KP, FORMASI_ROW, GObject)

const KpFormasi *kp_formasi_row_get_formasi (KpFormasiRow *self);

/* The selections, one AdwActionRow each, newest year first. */
GtkListBox *_kp_recruitment_view_get_selection_list (KpRecruitmentView *self);
/* The left pane: "list" or "empty"; the right one: "selection" or "none". */
const char *_kp_recruitment_view_get_list_page (KpRecruitmentView *self);
const char *_kp_recruitment_view_get_detail_page (KpRecruitmentView *self);
/* The selection page's heading, its status pill and the "announced" banner. */
GtkLabel *_kp_recruitment_view_get_title_label (KpRecruitmentView *self);
GtkLabel *_kp_recruitment_view_get_status_label (KpRecruitmentView *self);
GtkWidget *_kp_recruitment_view_get_locked_banner (KpRecruitmentView *self);

/* The rules editor: the stages (one AdwExpanderRow each, in order), the weights row with its
 * "Edit Weights…" button, the appeal text, the problems check_rules finds (one row each; the
 * group hides when there are none), the tie-break chain and the requirements. */
GtkListBox *_kp_recruitment_view_get_stage_list (KpRecruitmentView *self);
AdwActionRow *_kp_recruitment_view_get_weights_row (KpRecruitmentView *self);
GtkWidget *_kp_recruitment_view_get_weights_button (KpRecruitmentView *self);
AdwEntryRow *_kp_recruitment_view_get_appeal_row (KpRecruitmentView *self);
/* The four-eyes sample share: not an announced rule, it stays editable. */
GtkSpinButton *_kp_recruitment_view_get_sample_spin (KpRecruitmentView *self);
GtkListBox *_kp_recruitment_view_get_problem_list (KpRecruitmentView *self);
GtkListBox *_kp_recruitment_view_get_tie_break_list (KpRecruitmentView *self);
GtkListBox *_kp_recruitment_view_get_requirement_list (KpRecruitmentView *self);

/* The announcement versions (one AdwActionRow each, oldest first) and the changes of the one
 * selected (one row per change sentence). */
GtkListBox *_kp_recruitment_view_get_version_list (KpRecruitmentView *self);
GtkListBox *_kp_recruitment_view_get_change_list (KpRecruitmentView *self);

/* The vacancies table's rows as shown (sorted), its selection and the total quota line. */
GtkSingleSelection *_kp_recruitment_view_get_formasi_selection (KpRecruitmentView *self);
GtkLabel *_kp_recruitment_view_get_quota_label (KpRecruitmentView *self);
/* What the Import chooser does with the chosen file: imports it into the shown selection and
 * shows the result (a toast, or the refused rows in a dialog). */
void _kp_recruitment_view_import_formasi (KpRecruitmentView *self, GFile *file);

/* What the Save Announcement Files chooser does with the chosen folder: writes the files of the
 * version shown there (kp_announcement_write) and says so in a toast, or shows the refusal. */
gboolean _kp_recruitment_view_save_announcement (KpRecruitmentView *self, GFile *folder);

/* The dialog on screen (a form, a question, a refusal), or NULL; a form's field by its name
 * ("name", "type", "year", "reason", "weight-1" …). */
AdwMessageDialog *_kp_recruitment_view_get_dialog (KpRecruitmentView *self);
GtkWidget *_kp_recruitment_view_get_dialog_field (KpRecruitmentView *self, const char *name);

/* What the weights dialog's Save does: sets the stages' weights in order, or shows the
 * model's refusal. */
gboolean _kp_recruitment_view_apply_weights (KpRecruitmentView *self, const int *weights,
                                             guint n);

G_END_DECLS
