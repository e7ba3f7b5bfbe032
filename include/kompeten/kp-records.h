/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-records.h: the record objects of the register: one small GObject per row, one property per
 * column. Records from a store are snapshots: to change one, copy it, set, and save it through
 * kp-register.h. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* ---- unit (unit kerja) ------------------------------------------------------------------- */
#define KP_TYPE_UNIT (kp_unit_get_type ())
G_DECLARE_FINAL_TYPE (KpUnit, kp_unit, KP, UNIT, GObject)

KpUnit *kp_unit_new (void);
gint64 kp_unit_get_id (KpUnit *self);
const char *kp_unit_get_name (KpUnit *self);
void kp_unit_set_name (KpUnit *self, const char *name);
gint64 kp_unit_get_parent_id (KpUnit *self); /* 0: a top-level unit */
void kp_unit_set_parent_id (KpUnit *self, gint64 parent_id);
guint kp_unit_get_n_employees (KpUnit *self);

/* ---- position (jabatan) in a unit ------------------------------------------------------------ */
#define KP_TYPE_POSITION (kp_position_get_type ())
G_DECLARE_FINAL_TYPE (KpPosition, kp_position, KP, POSITION, GObject)

KpPosition *kp_position_new (void);
gint64 kp_position_get_id (KpPosition *self);
gint64 kp_position_get_unit_id (KpPosition *self);
void kp_position_set_unit_id (KpPosition *self, gint64 unit_id);
const char *kp_position_get_unit_name (KpPosition *self);
const char *kp_position_get_title (KpPosition *self);
void kp_position_set_title (KpPosition *self, const char *title);
int kp_position_get_kind (KpPosition *self); /* KpPositionKind */
void kp_position_set_kind (KpPosition *self, int kind);
const char *kp_position_get_kind_name (KpPosition *self);
guint kp_position_get_n_employees (KpPosition *self);

/* ---- employee (pegawai) ------------------------------------------------------------------ */
#define KP_TYPE_EMPLOYEE (kp_employee_get_type ())
G_DECLARE_FINAL_TYPE (KpEmployee, kp_employee, KP, EMPLOYEE, GObject)

KpEmployee *kp_employee_new (void);
/* A copy to edit (same id: saving it updates the original). */
KpEmployee *kp_employee_copy (KpEmployee *self);
/* A copy with no id: saving it adds a new employee (an undone deletion). */
KpEmployee *kp_employee_copy_as_new (KpEmployee *self);

gint64 kp_employee_get_id (KpEmployee *self);
const char *kp_employee_get_nip (KpEmployee *self);
void kp_employee_set_nip (KpEmployee *self, const char *nip);
const char *kp_employee_get_name (KpEmployee *self);
void kp_employee_set_name (KpEmployee *self, const char *name);
const char *kp_employee_get_sex (KpEmployee *self); /* "L" or "P" */
void kp_employee_set_sex (KpEmployee *self, const char *sex);
const char *kp_employee_get_birth_place (KpEmployee *self);
void kp_employee_set_birth_place (KpEmployee *self, const char *birth_place);
const char *kp_employee_get_birth_date (KpEmployee *self); /* ISO "YYYY-MM-DD" */
void kp_employee_set_birth_date (KpEmployee *self, const char *birth_date);
const char *kp_employee_get_education (KpEmployee *self);
void kp_employee_set_education (KpEmployee *self, const char *education);
const char *kp_employee_get_grade (KpEmployee *self); /* "III/a" */
void kp_employee_set_grade (KpEmployee *self, const char *grade);
gint64 kp_employee_get_position_id (KpEmployee *self);
void kp_employee_set_position_id (KpEmployee *self, gint64 position_id);
gint64 kp_employee_get_supervisor_id (KpEmployee *self); /* 0: none */
void kp_employee_set_supervisor_id (KpEmployee *self, gint64 supervisor_id);
const char *kp_employee_get_email (KpEmployee *self);
void kp_employee_set_email (KpEmployee *self, const char *email);
const char *kp_employee_get_phone (KpEmployee *self);
void kp_employee_set_phone (KpEmployee *self, const char *phone);

/* Read-only, filled by the store from the joined rows. */
const char *kp_employee_get_position_title (KpEmployee *self);
const char *kp_employee_get_kind_name (KpEmployee *self); /* "Fungsional Ahli Muda" */
int kp_employee_get_kind (KpEmployee *self);              /* KpPositionKind */
gint64 kp_employee_get_unit_id (KpEmployee *self);
const char *kp_employee_get_unit_name (KpEmployee *self);
const char *kp_employee_get_supervisor_nip (KpEmployee *self);
const char *kp_employee_get_supervisor_name (KpEmployee *self);

/* For fast search and sort in big lists: the name and NIP folded (kp_text_fold), and the name's
 * collation key (g_utf8_collate_key), both computed once on first use. */
const char *kp_employee_get_search_key (KpEmployee *self);
const char *kp_employee_get_name_sort_key (KpEmployee *self);

G_END_DECLS
