/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-window-private.h: what the tests look at inside KpWindow. */
#pragma once

#include "kp-employee-view.h"
#include "kp-window.h"

G_BEGIN_DECLS

KpEmployeeView *_kp_window_get_employee_view (KpWindow *self);
AdwWindowTitle *_kp_window_get_window_title (KpWindow *self);

G_END_DECLS
