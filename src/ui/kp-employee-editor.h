/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-editor.h: a window to add or edit one employee, with live validation. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_EMPLOYEE_EDITOR (kp_employee_editor_get_type ())
G_DECLARE_FINAL_TYPE (KpEmployeeEditor, kp_employee_editor, KP, EMPLOYEE_EDITOR, AdwWindow)

/* @parent: the main window (transient-for, not modal). @employee: NULL for a new employee, else
 * the record to edit (a copy is edited; the store's record is left alone until saved).
 * Signal "deleted" (KpEmployee *copy): the employee was deleted (after confirmation); the
 * copy lets the main window offer Undo (save kp_employee_copy_as_new (copy)). */
KpEmployeeEditor *kp_employee_editor_new (GtkWindow *parent, KpDatabase *database,
                                          KpEmployee *employee);

G_END_DECLS
