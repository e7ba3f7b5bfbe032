/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-view.h: the employee register as a searchable, sortable table. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

#define KP_TYPE_EMPLOYEE_VIEW (kp_employee_view_get_type ())
G_DECLARE_FINAL_TYPE (KpEmployeeView, kp_employee_view, KP, EMPLOYEE_VIEW, AdwBin)

GtkWidget *kp_employee_view_new (void);
KpDatabase *kp_employee_view_get_database (KpEmployeeView *self);
void kp_employee_view_set_database (KpEmployeeView *self, KpDatabase *database);
/* Moves the keyboard focus to the search entry and selects its text. */
void kp_employee_view_focus_search (KpEmployeeView *self);

G_END_DECLS
