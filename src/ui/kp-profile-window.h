/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-profile-window.h: one employee's competency profile: JPM, radar and gaps, assessment
 * history, supervisor feedback and the development plan. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-database.h"
#include "kompeten/kp-records.h"

G_BEGIN_DECLS

#define KP_TYPE_PROFILE_WINDOW (kp_profile_window_get_type ())
G_DECLARE_FINAL_TYPE (KpProfileWindow, kp_profile_window, KP, PROFILE_WINDOW, AdwWindow)

/* @parent may be NULL. The profile follows @employee's NIP and reads @database afresh after
 * each change made in it. */
KpProfileWindow *kp_profile_window_new (GtkWindow *parent, KpDatabase *database,
                                        KpEmployee *employee);
gint64 kp_profile_window_get_employee_id (KpProfileWindow *self);

G_END_DECLS
