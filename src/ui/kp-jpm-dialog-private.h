/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-jpm-dialog-private.h: what the tests look at and do inside KpJpmDialog. */
#pragma once

#include "kp-jpm-dialog.h"

G_BEGIN_DECLS

/* The "weighted" switch, the percent and the row of position kind @kind (KpPositionKind). */
GtkSwitch *_kp_jpm_dialog_get_weight_switch (KpJpmDialog *self, int kind);
GtkSpinButton *_kp_jpm_dialog_get_weight_spin (KpJpmDialog *self, int kind);
AdwActionRow *_kp_jpm_dialog_get_weight_row (KpJpmDialog *self, int kind);
/* TRUE while a weight change waits to be saved (a percent is saved once it has settled). */
gboolean _kp_jpm_dialog_is_busy (KpJpmDialog *self);

/* How many category rows are on screen, and the parts of row @row (0: the top one). */
guint _kp_jpm_dialog_get_n_categories (KpJpmDialog *self);
AdwEntryRow *_kp_jpm_dialog_get_category_name (KpJpmDialog *self, guint row);
GtkSpinButton *_kp_jpm_dialog_get_category_min (KpJpmDialog *self, guint row);
GtkButton *_kp_jpm_dialog_get_category_remove (KpJpmDialog *self, guint row);
GtkButton *_kp_jpm_dialog_get_add_button (KpJpmDialog *self);
GtkButton *_kp_jpm_dialog_get_apply_button (KpJpmDialog *self);
GtkButton *_kp_jpm_dialog_get_revert_button (KpJpmDialog *self);
/* The refusal of the last Apply, shown under the categories (hidden when there is none). */
GtkLabel *_kp_jpm_dialog_get_error_label (KpJpmDialog *self);

G_END_DECLS
