/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-editor-private.h: what the tests look at inside KpEmployeeEditor. */
#pragma once

#include "kp-employee-editor.h"

G_BEGIN_DECLS

/* The row that shows @field (position and kind share one). */
GtkWidget *_kp_employee_editor_get_row (KpEmployeeEditor *self, KpEmployeeField field);
/* The icon on that row that shows a problem; its tooltip is the reason. */
GtkImage *_kp_employee_editor_get_icon (KpEmployeeEditor *self, KpEmployeeField field);
GtkDropDown *_kp_employee_editor_get_unit_drop_down (KpEmployeeEditor *self);
GtkDropDown *_kp_employee_editor_get_position_drop_down (KpEmployeeEditor *self);
GtkDropDown *_kp_employee_editor_get_supervisor_drop_down (KpEmployeeEditor *self);
GtkButton *_kp_employee_editor_get_save_button (KpEmployeeEditor *self);
GtkButton *_kp_employee_editor_get_delete_button (KpEmployeeEditor *self);
/* Every message the form shows in words (under the groups and at the bottom), one a line.
 * Free with g_free. */
char *_kp_employee_editor_get_messages (KpEmployeeEditor *self);

G_END_DECLS
