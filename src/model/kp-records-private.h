/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-records-private.h: what only the model sets on records (ids, joined columns). */
#pragma once

#include "kompeten/kp-records.h"

G_BEGIN_DECLS

void _kp_unit_set_id (KpUnit *self, gint64 id);
void _kp_unit_set_n_employees (KpUnit *self, guint n);
gint64 _kp_unit_id_func (gpointer item);

void _kp_position_set_id (KpPosition *self, gint64 id);
void _kp_position_set_unit_name (KpPosition *self, const char *unit_name);
void _kp_position_set_n_employees (KpPosition *self, guint n);
gint64 _kp_position_id_func (gpointer item);

/* A row of the register as plain C values, used to build records quickly (100,000 at a time,
 * with no property notifications) and by the importer. */
typedef struct {
  gint64 id;
  gint64 position_id;
  gint64 supervisor_id;
  gint64 unit_id;
  int kind;
  const char *nip;
  const char *name;
  const char *sex;
  const char *birth_place;
  const char *birth_date;
  const char *education;
  const char *grade;
  const char *email;
  const char *phone;
  const char *position_title;
  const char *unit_name;
  const char *supervisor_nip;
  const char *supervisor_name;
} KpEmployeeRow;

KpEmployee *_kp_employee_new_from_row (const KpEmployeeRow *row);
void _kp_employee_set_id (KpEmployee *self, gint64 id);
/* Sets the read-only columns that come from joined rows. */
void _kp_employee_set_joined (KpEmployee *self, const char *position_title, int kind,
                              gint64 unit_id, const char *unit_name, const char *supervisor_nip,
                              const char *supervisor_name);
gint64 _kp_employee_id_func (gpointer item);

G_END_DECLS
