/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-view-private.h: what the tests look at inside KpEmployeeView. */
#pragma once

#include "kp-employee-view.h"

G_BEGIN_DECLS

GtkColumnView *_kp_employee_view_get_column_view (KpEmployeeView *self);
GtkSearchEntry *_kp_employee_view_get_search_entry (KpEmployeeView *self);
GtkLabel *_kp_employee_view_get_status_label (KpEmployeeView *self);
/* The page the user sees: "empty" (no employees at all), "no-results" or "list". */
const char *_kp_employee_view_get_page (KpEmployeeView *self);
GtkDropDown *_kp_employee_view_get_unit_drop_down (KpEmployeeView *self);
GtkDropDown *_kp_employee_view_get_kind_drop_down (KpEmployeeView *self);
/* The two buttons of the "No Employees Yet" page. */
GtkButton *_kp_employee_view_get_empty_import_button (KpEmployeeView *self);
GtkButton *_kp_employee_view_get_empty_add_button (KpEmployeeView *self);
/* TRUE while the filter or sort model still has items to process incrementally. */
gboolean _kp_employee_view_is_busy (KpEmployeeView *self);

G_END_DECLS
