/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-sorter.h: a GtkSorter comparing one column of KpEmployee records in C. */
#pragma once

#include <gtk/gtk.h>

#include "kompeten/kp-records.h"

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

/* Which column of a column view sorts, and which way (FALSE: none). */
gboolean kp_employee_sorter_probe (GtkSorter *sorter, KpEmployeeSortKey *key, gboolean *descending);
/* Orders @employees (register order) by @key into @order (indices into @employees); equal
 * values keep the order given by @tie (each record's earlier position; NULL: register order). */
void kp_employee_sorter_order (KpEmployeeSortKey key, gboolean descending,
                               KpEmployee * const *employees, guint n, const guint *tie,
                               guint *order);

/* The register in the order shown: a GListModel of KpEmployee in an array. */
#define KP_TYPE_EMPLOYEE_LIST (kp_employee_list_get_type ())
G_DECLARE_FINAL_TYPE (KpEmployeeList, kp_employee_list, KP, EMPLOYEE_LIST, GObject)

KpEmployeeList *kp_employee_list_new (void);
/* Replaces @removed records at @position by @added (one items-changed). */
void kp_employee_list_splice (KpEmployeeList *self, guint position, guint removed,
                              KpEmployee * const *added, guint n_added);
/* The same records in another order (one items-changed). */
void kp_employee_list_reorder (KpEmployeeList *self, KpEmployee * const *items, guint n);

G_END_DECLS
