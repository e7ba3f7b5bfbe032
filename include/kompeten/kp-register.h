/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-register.h: changing the register. Every function validates with core, writes in one
 * transaction together with its audit event, then updates the store (one items-changed). */
#pragma once

#include "kompeten/kp-database.h"
#include "kompeten/kp-employee-import.h"
#include "kompeten/kp-records.h"

G_BEGIN_DECLS

/* Units. @parent_id 0 for top level. Names are unique (case-insensitive). */
gint64 kp_register_add_unit (KpDatabase *db, const char *name, gint64 parent_id, GError **error);
gboolean kp_register_rename_unit (KpDatabase *db, gint64 unit_id, const char *name, GError **error);
/* Refuses a move that would make the unit its own ancestor (KP_MODEL_ERROR_CYCLE). */
gboolean kp_register_move_unit (KpDatabase *db, gint64 unit_id, gint64 parent_id, GError **error);
/* Refuses while positions or sub-units remain (KP_MODEL_ERROR_IN_USE, saying how many). */
gboolean kp_register_delete_unit (KpDatabase *db, gint64 unit_id, GError **error);

/* Positions, unique by (unit, title). */
gint64 kp_register_add_position (KpDatabase *db, gint64 unit_id, const char *title, int kind,
                                 GError **error);
gboolean kp_register_update_position (KpDatabase *db, gint64 position_id, const char *title,
                                      int kind, GError **error);
/* Refuses while employees hold it (KP_MODEL_ERROR_IN_USE, saying how many). */
gboolean kp_register_delete_position (KpDatabase *db, gint64 position_id, GError **error);

/* One problem of an employee record, for a form that marks the field at fault. */
typedef struct {
  KpEmployeeField field; /* KP_EMPLOYEE_FIELD_NONE: the record as a whole */
  char *message;         /* translated, without the field's name */
  gboolean warning;      /* a warning does not stop saving */
} KpFieldProblem;

void kp_field_problem_free (KpFieldProblem *problem);

/* Every problem of @employee, field by field, as kp_register_save_employee() would judge it
 * (position and supervisor are KP_EMPLOYEE_FIELD_POSITION and _SUPERVISOR_NIP; a NIP that
 * another employee holds is on _NIP). @problems (may be NULL) receives KpFieldProblem, free
 * with g_ptr_array_unref. Returns TRUE when nothing stops saving. */
gboolean kp_register_validate_employee (KpDatabase *db, KpEmployee *employee,
                                        GPtrArray **problems);

/* Validation of one employee without saving: @warnings (may be NULL) receives translated
 * warnings such as a NIP/sex mismatch. Returns FALSE with the first error. */
gboolean kp_register_check_employee (KpDatabase *db, KpEmployee *employee, GPtrArray **warnings,
                                     GError **error);
/* Inserts (id 0; the record then takes its new id) or updates the employee. Returns the id, or
 * 0 with @error set. The audit event
 * lists the fields that changed, old and new. */
gint64 kp_register_save_employee (KpDatabase *db, KpEmployee *employee, GError **error);
/* Deletes; subordinates keep no supervisor. The audit event keeps the whole record so an undo
 * (saving the returned copy with id 0) restores it. */
gboolean kp_register_delete_employee (KpDatabase *db, gint64 employee_id, GError **error);
/* The employee with @nip, or NULL. */
KpEmployee *kp_register_find_employee (KpDatabase *db, const char *nip);

/* Head count per unit, for charts: fills @names and @counts (parallel arrays; names owned by
 * the array), ordered by count descending then name; units with no employees are included
 * when @include_empty. @unit_id > 0 restricts to that unit and its sub-units. */
gboolean kp_register_count_by_unit (KpDatabase *db, gint64 unit_id, gboolean include_empty,
                                    GPtrArray **names, GArray **counts, GError **error);

G_END_DECLS
