/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-jpm-dialog.h: editing the data the JPM is judged with: the technical weight of each
 * position kind and the categories. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

#define KP_TYPE_JPM_DIALOG (kp_jpm_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KpJpmDialog, kp_jpm_dialog, KP, JPM_DIALOG, AdwPreferencesWindow)

/* A modal window over @parent (may be NULL) showing what @database holds. A weight is saved as
 * it is changed, as GNOME's settings are (one audit event per settled change); the categories,
 * which are only valid together, are saved by Apply, and a refusal is shown in the window,
 * which stays open. */
GtkWidget *kp_jpm_dialog_new (GtkWindow *parent, KpDatabase *database);

G_END_DECLS
