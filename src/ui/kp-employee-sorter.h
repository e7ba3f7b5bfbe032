/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-sorter.h: a GtkSorter comparing one column of KpEmployee records in C. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  KP_EMPLOYEE_SORT_KEY_NAME,
  KP_EMPLOYEE_SORT_KEY_NIP,
  KP_EMPLOYEE_SORT_KEY_SEX,
  KP_EMPLOYEE_SORT_KEY_UNIT,
  KP_EMPLOYEE_SORT_KEY_POSITION,
  KP_EMPLOYEE_SORT_KEY_KIND,
  KP_EMPLOYEE_SORT_KEY_GRADE,
  KP_EMPLOYEE_SORT_KEY_SUPERVISOR,
} KpEmployeeSortKey;

#define KP_TYPE_EMPLOYEE_SORT_KEY (kp_employee_sort_key_get_type ())
GType kp_employee_sort_key_get_type (void);

#define KP_TYPE_EMPLOYEE_SORTER (kp_employee_sorter_get_type ())
G_DECLARE_FINAL_TYPE (KpEmployeeSorter, kp_employee_sorter, KP, EMPLOYEE_SORTER, GtkSorter)

KpEmployeeSorter *kp_employee_sorter_new (KpEmployeeSortKey key);
KpEmployeeSortKey kp_employee_sorter_get_key (KpEmployeeSorter *self);
void kp_employee_sorter_set_key (KpEmployeeSorter *self, KpEmployeeSortKey key);

G_END_DECLS
