/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-profile-window-private.h: what the tests look at and do inside KpProfileWindow. */
#pragma once

#include "kp-profile-window.h"

G_BEGIN_DECLS

GtkLabel *_kp_profile_window_get_jpm_label (KpProfileWindow *self);
GtkDrawingArea *_kp_profile_window_get_radar (KpProfileWindow *self);
/* The gap table: one row per competency with a standard (code, competency, standard, level,
 * gap) below a header row. */
GtkGrid *_kp_profile_window_get_gap_grid (KpProfileWindow *self);
GtkListBox *_kp_profile_window_get_history_list (KpProfileWindow *self);
GtkListBox *_kp_profile_window_get_feedback_list (KpProfileWindow *self);
GtkListBox *_kp_profile_window_get_plan_list (KpProfileWindow *self);
/* Opens the Give Feedback dialog (as its button does) and returns it; its controls: */
AdwMessageDialog *_kp_profile_window_give_feedback (KpProfileWindow *self);
GtkDropDown *_kp_profile_window_get_feedback_kind (KpProfileWindow *self);
GtkDropDown *_kp_profile_window_get_feedback_competency (KpProfileWindow *self);
GtkTextView *_kp_profile_window_get_feedback_text (KpProfileWindow *self);
/* What the Export chooser does with the chosen file: the employee's PDF copy. */
gboolean _kp_profile_window_export_to (KpProfileWindow *self, GFile *file);
gboolean _kp_profile_window_export_plan_to (KpProfileWindow *self, GFile *file);

/* The position whose standard the levels are compared with (the first item: the one held), and
 * choosing one by id (0: the one held) as the drop-down does. */
GtkDropDown *_kp_profile_window_get_target_dropdown (KpProfileWindow *self);
void _kp_profile_window_set_target (KpProfileWindow *self, gint64 position_id);

G_END_DECLS
