/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-sql.c: employees in the database: load, validate, save, delete. */

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-register.h"
#include "kp-database-private.h"
#include "kp-employee-private.h"
#include "kp-records-private.h"

#define EMPLOYEE_SELECT                                                                    \
  "SELECT e.id, e.nip, e.name, e.sex, e.birth_place, e.birth_date, e.education, e.grade, " \
  "       e.position_id, e.supervisor_id, e.email, e.phone, "                              \
  "       p.title, p.kind, p.unit_id, u.name, s.nip, s.name "                              \
  "FROM employee e "                                                                       \
  "LEFT JOIN position p ON p.id = e.position_id "                                          \
  "LEFT JOIN unit u ON u.id = p.unit_id "                                                  \
  "LEFT JOIN employee s ON s.id = e.supervisor_id "

static KpEmployee *
employee_from_row (KpStmt *stmt)
{
  KpEmployeeRow row = {
    .id = _kp_stmt_get_int64 (stmt, 0),
    .nip = _kp_stmt_get_text (stmt, 1),
    .name = _kp_stmt_get_text (stmt, 2),
    .sex = _kp_stmt_get_text (stmt, 3),
    .birth_place = _kp_stmt_get_text (stmt, 4),
    .birth_date = _kp_stmt_get_text (stmt, 5),
    .education = _kp_stmt_get_text (stmt, 6),
    .grade = _kp_stmt_get_text (stmt, 7),
    .position_id = _kp_stmt_get_int64 (stmt, 8),
    .supervisor_id = _kp_stmt_get_int64 (stmt, 9),
    .email = _kp_stmt_get_text (stmt, 10),
    .phone = _kp_stmt_get_text (stmt, 11),
    .position_title = _kp_stmt_get_text (stmt, 12),
    .kind = _kp_stmt_is_null (stmt, 13) ? -1 : (int) _kp_stmt_get_int64 (stmt, 13),
    .unit_id = _kp_stmt_get_int64 (stmt, 14),
    .unit_name = _kp_stmt_get_text (stmt, 15),
    .supervisor_nip = _kp_stmt_get_text (stmt, 16),
    .supervisor_name = _kp_stmt_get_text (stmt, 17),
  };

  return _kp_employee_new_from_row (&row);
}

GPtrArray *
_kp_employee_load_all (KpDatabase *db, GError **error)
{
  g_autoptr(GPtrArray) employees = g_ptr_array_new_with_free_func (g_object_unref);
  KpStmt *stmt;
  KpStep step;

  stmt = _kp_db_prepare (_kp_database_get_db (db), EMPLOYEE_SELECT "ORDER BY e.id", error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    g_ptr_array_add (employees, employee_from_row (stmt));
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&employees);
}

KpEmployee *
_kp_employee_load_one (KpDatabase *db, gint64 id, GError **error)
{
  KpStmt *stmt;
  KpStep step;
  KpEmployee *employee = NULL;

  stmt = _kp_db_prepare (_kp_database_get_db (db), EMPLOYEE_SELECT "WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    employee = employee_from_row (stmt);
  else if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no employee with number %" PRId64), id);
  _kp_stmt_reset (stmt);
  return employee;
}

KpEmployee *
kp_register_find_employee (KpDatabase *db, const char *nip)
{
  KpStmt *stmt;
  KpEmployee *employee = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (nip != NULL, NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db), EMPLOYEE_SELECT "WHERE e.nip = ?", NULL);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_text (stmt, 1, nip);
  if (_kp_stmt_step (stmt, NULL) == KP_STEP_ROW)
    employee = employee_from_row (stmt);
  _kp_stmt_reset (stmt);
  return employee;
}

void
kp_field_problem_free (KpFieldProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

/* A problem and the error code a save reports for it (a duplicate NIP is DUPLICATE, a
 * supervisor loop CYCLE, ...). kp_field_problem_free frees it through its first member. */
typedef struct {
  KpFieldProblem problem;
  int code;
} Problem;

static void
add_field_problem (GPtrArray *problems, KpEmployeeField field, const char *message,
                   gboolean warning, int code)
{
  Problem *problem = g_new0 (Problem, 1);

  problem->problem.field = field;
  problem->problem.message = g_strdup (message);
  problem->problem.warning = warning;
  problem->code = code;
  g_ptr_array_add (problems, problem);
}

static void
collect_problem (KpEmployeeField field, const char *value, const char *reason, gboolean warning,
                 gpointer user_data)
{
  add_field_problem (user_data, field, reason, warning, KP_MODEL_ERROR_INVALID);
}

/* The id of @nip's employee, 0 if none, -1 on error. */
static gint64
id_of_nip (KpDb *kdb, const char *nip, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT id FROM employee WHERE nip = ?", error);
  KpStep step;
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  _kp_stmt_bind_text (stmt, 1, nip);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    id = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? -1 : id;
}

/* Would @employee_id under @supervisor_id make a loop? Walks up from the supervisor. */
static gboolean
check_supervisor (KpDb *kdb, gint64 employee_id, gint64 supervisor_id, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT supervisor_id, name FROM employee WHERE id = ?",
                                 error);
  GError *local_error = NULL;
  gint64 at = supervisor_id;

  if (stmt == NULL)
    return FALSE;
  for (guint steps = 0; at > 0; steps++)
    {
      KpStep step;

      if (employee_id > 0 && at == employee_id)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CYCLE,
                       _("This choice makes a loop: the employee would supervise their own "
                         "supervisor"));
          return FALSE;
        }
      _kp_stmt_bind_int64 (stmt, 1, at);
      step = _kp_stmt_step (stmt, &local_error);
      if (step == KP_STEP_ERROR)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (step == KP_STEP_DONE)
        {
          _kp_stmt_reset (stmt);
          if (at == supervisor_id)
            {
              g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                           _("There is no such employee"));
              return FALSE;
            }
          break;
        }
      at = _kp_stmt_get_int64 (stmt, 0);
      _kp_stmt_reset (stmt);
      g_assert (steps < 1000000);
    }
  return TRUE;
}

static void
employee_text (KpEmployee *employee, const char *text[KP_EMPLOYEE_N_FIELDS])
{
  memset (text, 0, sizeof (const char *) * KP_EMPLOYEE_N_FIELDS);
  text[KP_EMPLOYEE_FIELD_NIP] = kp_employee_get_nip (employee);
  text[KP_EMPLOYEE_FIELD_NAME] = kp_employee_get_name (employee);
  text[KP_EMPLOYEE_FIELD_SEX] = kp_employee_get_sex (employee);
  text[KP_EMPLOYEE_FIELD_BIRTH_PLACE] = kp_employee_get_birth_place (employee);
  text[KP_EMPLOYEE_FIELD_BIRTH_DATE] = kp_employee_get_birth_date (employee);
  text[KP_EMPLOYEE_FIELD_EDUCATION] = kp_employee_get_education (employee);
  text[KP_EMPLOYEE_FIELD_GRADE] = kp_employee_get_grade (employee);
  text[KP_EMPLOYEE_FIELD_EMAIL] = kp_employee_get_email (employee);
  text[KP_EMPLOYEE_FIELD_PHONE] = kp_employee_get_phone (employee);
}

/* Judges @employee field by field into @problems (KpFieldProblem) and fills @values for a
 * save. Returns FALSE on a database error (in @error); the problems say whether it may be
 * saved. */
static gboolean
judge_employee (KpDatabase *db, KpEmployee *employee, KpEmployeeValues *values,
                GPtrArray *problems, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  const char *text[KP_EMPLOYEE_N_FIELDS];
  GError *local_error = NULL;
  gint64 other;
  GDate today;

  _kp_today (&today);
  employee_text (employee, text);
  _kp_employee_validate (text, &today, values, collect_problem, problems);

  if (*values->nip != '\0')
    {
      other = id_of_nip (kdb, values->nip, error);
      if (other < 0)
        return FALSE;
      if (other > 0 && other != kp_employee_get_id (employee))
        {
          g_autoptr(KpEmployee) holder = _kp_employee_load_one (db, other, NULL);
          g_autofree char *message =
            /* Translators: %s is a NIP, the second %s the name of the employee who has it. */
            g_strdup_printf (_("%s already belongs to %s"), values->nip,
                             holder != NULL ? kp_employee_get_name (holder) : "?");

          add_field_problem (problems, KP_EMPLOYEE_FIELD_NIP, message, FALSE,
                             KP_MODEL_ERROR_DUPLICATE);
        }
    }

  if (kp_employee_get_position_id (employee) <= 0)
    add_field_problem (problems, KP_EMPLOYEE_FIELD_POSITION,
                       _("Choose the position the employee holds"), FALSE,
                       KP_MODEL_ERROR_INVALID);
  else
    {
      KpStmt *stmt = _kp_db_prepare (kdb, "SELECT 1 FROM position WHERE id = ?", error);
      KpStep step;

      if (stmt == NULL)
        return FALSE;
      _kp_stmt_bind_int64 (stmt, 1, kp_employee_get_position_id (employee));
      step = _kp_stmt_step (stmt, error);
      _kp_stmt_reset (stmt);
      if (step == KP_STEP_ERROR)
        return FALSE;
      if (step == KP_STEP_DONE)
        add_field_problem (problems, KP_EMPLOYEE_FIELD_POSITION,
                           _("There is no such position"), FALSE, KP_MODEL_ERROR_NOT_FOUND);
    }

  if (!check_supervisor (kdb, kp_employee_get_id (employee),
                         kp_employee_get_supervisor_id (employee), &local_error))
    {
      if (local_error->code == KP_MODEL_ERROR_FAILED)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      add_field_problem (problems, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP, local_error->message, FALSE,
                         local_error->code);
      g_error_free (local_error);
    }
  return TRUE;
}

/* The first error of @problems as a GError ("Field: reason"), or TRUE when there is none. */
static gboolean
first_error (GPtrArray *problems, GError **error)
{
  for (guint i = 0; i < problems->len; i++)
    {
      Problem *problem = g_ptr_array_index (problems, i);

      if (problem->problem.warning)
        continue;
      if (problem->problem.field == KP_EMPLOYEE_FIELD_NONE)
        g_set_error_literal (error, KP_MODEL_ERROR, problem->code, problem->problem.message);
      else
        g_set_error (error, KP_MODEL_ERROR, problem->code,
                     /* Translators: "%s: %s" is a field label and the reason it is refused. */
                     _("%s: %s"), kp_employee_field_get_label (problem->problem.field),
                     problem->problem.message);
      return FALSE;
    }
  return TRUE;
}

gboolean
kp_register_validate_employee (KpDatabase *db, KpEmployee *employee, GPtrArray **problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_field_problem_free);
  KpEmployeeValues values = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (KP_IS_EMPLOYEE (employee), FALSE);

  if (!judge_employee (db, employee, &values, found, &error))
    add_field_problem (found, KP_EMPLOYEE_FIELD_NONE, error->message, FALSE,
                       KP_MODEL_ERROR_FAILED);
  _kp_employee_values_clear (&values);
  ok = first_error (found, NULL);
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return ok;
}

static gboolean
check_employee (KpDatabase *db, KpEmployee *employee, KpEmployeeValues *values,
                GPtrArray **warnings, GError **error)
{
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_field_problem_free);

  if (!judge_employee (db, employee, values, problems, error))
    return FALSE;
  if (warnings != NULL)
    {
      *warnings = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < problems->len; i++)
        {
          KpFieldProblem *problem = g_ptr_array_index (problems, i);

          if (problem->warning)
            g_ptr_array_add (*warnings, g_strdup (problem->message));
        }
    }
  return first_error (problems, error);
}

gboolean
kp_register_check_employee (KpDatabase *db, KpEmployee *employee, GPtrArray **warnings,
                            GError **error)
{
  KpEmployeeValues values = { 0 };
  gboolean ok;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (KP_IS_EMPLOYEE (employee), FALSE);

  ok = check_employee (db, employee, &values, warnings, error);
  _kp_employee_values_clear (&values);
  return ok;
}

/* Adds {"field": {"old": a, "new": b}} when a and b differ (old NULL: a new record). */
static void
add_change (JsonObject *changes, const char *field, const char *old_value, const char *new_value)
{
  JsonObject *change;

  if (old_value != NULL && g_strcmp0 (old_value, new_value) == 0)
    return;
  change = json_object_new ();
  if (old_value != NULL)
    json_object_set_string_member (change, "old", old_value);
  json_object_set_string_member (change, "new", new_value);
  json_object_set_object_member (changes, field, change);
}

static char *
position_label (KpDatabase *db, gint64 position_id)
{
  GListModel *positions = kp_database_get_positions (db);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(KpPosition) position = g_list_model_get_item (positions, i);

      if (kp_position_get_id (position) == position_id)
        return g_strdup_printf ("%s — %s", kp_position_get_title (position),
                                kp_position_get_unit_name (position));
    }
  return g_strdup ("");
}

static char *
supervisor_label (KpDatabase *db, gint64 supervisor_id)
{
  g_autoptr(KpEmployee) supervisor = NULL;

  if (supervisor_id <= 0)
    return g_strdup ("");
  supervisor = _kp_employee_load_one (db, supervisor_id, NULL);
  return g_strdup (supervisor != NULL ? kp_employee_get_nip (supervisor) : "");
}

gint64
kp_register_save_employee (KpDatabase *db, KpEmployee *employee, GError **error)
{
  KpDb *kdb;
  KpEmployeeValues values = { 0 };
  g_autoptr(KpEmployee) old = NULL;
  g_autoptr(KpEmployee) saved = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *old_position = NULL;
  g_autofree char *new_position = NULL;
  g_autofree char *old_supervisor = NULL;
  g_autofree char *new_supervisor = NULL;
  JsonObject *changes;
  gint64 id;
  KpStmt *stmt;
  gboolean had_subordinates = FALSE;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  g_return_val_if_fail (KP_IS_EMPLOYEE (employee), 0);

  kdb = _kp_database_get_db (db);
  id = kp_employee_get_id (employee);
  if (id > 0 && (old = _kp_employee_load_one (db, id, error)) == NULL)
    return 0;
  if (!check_employee (db, employee, &values, NULL, error))
    {
      _kp_employee_values_clear (&values);
      return 0;
    }

  payload = json_node_alloc ();
  json_node_take_object (json_node_init (payload, JSON_NODE_OBJECT), json_object_new ());
  changes = json_node_get_object (payload);
  add_change (changes, "nip", old ? kp_employee_get_nip (old) : NULL, values.nip);
  add_change (changes, "nama", old ? kp_employee_get_name (old) : NULL, values.name);
  add_change (changes, "jenis_kelamin", old ? kp_employee_get_sex (old) : NULL, values.sex);
  add_change (changes, "tempat_lahir", old ? kp_employee_get_birth_place (old) : NULL,
              values.birth_place);
  add_change (changes, "tanggal_lahir", old ? kp_employee_get_birth_date (old) : NULL,
              values.birth_date);
  add_change (changes, "pendidikan", old ? kp_employee_get_education (old) : NULL,
              values.education);
  add_change (changes, "golongan", old ? kp_employee_get_grade (old) : NULL,
              kp_grade_to_string (values.grade));
  old_position = old ? position_label (db, kp_employee_get_position_id (old)) : NULL;
  new_position = position_label (db, kp_employee_get_position_id (employee));
  add_change (changes, "jabatan", old_position, new_position);
  old_supervisor = old ? supervisor_label (db, kp_employee_get_supervisor_id (old)) : NULL;
  new_supervisor = supervisor_label (db, kp_employee_get_supervisor_id (employee));
  add_change (changes, "nip_atasan", old_supervisor, new_supervisor);
  add_change (changes, "email", old ? kp_employee_get_email (old) : NULL, values.email);
  add_change (changes, "telepon", old ? kp_employee_get_phone (old) : NULL, values.phone);

  if (old != NULL && json_object_get_size (changes) == 0)
    {
      _kp_employee_values_clear (&values);
      return id; /* nothing changed: no write, no event */
    }

  if (old != NULL)
    stmt = _kp_db_prepare (kdb,
                           "UPDATE employee SET nip = ?1, name = ?2, sex = ?3, birth_place = ?4, "
                           "birth_date = ?5, education = ?6, grade = ?7, position_id = ?8, "
                           "supervisor_id = ?9, email = ?10, phone = ?11 WHERE id = ?12",
                           error);
  else
    stmt = _kp_db_prepare (kdb,
                           "INSERT INTO employee (nip, name, sex, birth_place, birth_date, "
                           "education, grade, position_id, supervisor_id, email, phone) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
  if (stmt == NULL)
    {
      _kp_employee_values_clear (&values);
      return 0;
    }
  _kp_stmt_bind_text (stmt, 1, values.nip);
  _kp_stmt_bind_text (stmt, 2, values.name);
  _kp_stmt_bind_text (stmt, 3, values.sex);
  _kp_stmt_bind_text (stmt, 4, values.birth_place);
  _kp_stmt_bind_text (stmt, 5, values.birth_date);
  _kp_stmt_bind_text (stmt, 6, values.education);
  _kp_stmt_bind_text (stmt, 7, kp_grade_to_string (values.grade));
  _kp_stmt_bind_id (stmt, 8, kp_employee_get_position_id (employee));
  _kp_stmt_bind_id (stmt, 9, kp_employee_get_supervisor_id (employee));
  _kp_stmt_bind_text (stmt, 10, values.email);
  _kp_stmt_bind_text (stmt, 11, values.phone);
  if (old != NULL)
    _kp_stmt_bind_int64 (stmt, 12, id);

  if (!_kp_db_begin (kdb, error))
    {
      _kp_employee_values_clear (&values);
      return 0;
    }
  if (!_kp_stmt_run (stmt, error))
    goto fail;
  if (old == NULL)
    id = _kp_db_last_insert_id (kdb);
  if (!_kp_audit_append (db, old != NULL ? "update" : "create", "employee", values.nip, payload,
                         error) ||
      !_kp_db_commit (kdb, error))
    goto fail;
  _kp_employee_values_clear (&values);
  /* A saved new record is now that employee: saving it again updates it. */
  if (old == NULL)
    _kp_employee_set_id (employee, id);

  /* Subordinates show this employee's name and NIP: then the whole list changes. */
  if (old != NULL)
    {
      GError *local_error = NULL;
      KpStmt *count = _kp_db_prepare (kdb, "SELECT count (*) FROM employee WHERE supervisor_id = ?",
                                      &local_error);

      if (count != NULL)
        {
          _kp_stmt_bind_int64 (count, 1, id);
          if (_kp_stmt_step (count, NULL) == KP_STEP_ROW)
            had_subordinates = _kp_stmt_get_int64 (count, 0) > 0;
          _kp_stmt_reset (count);
        }
      g_clear_error (&local_error);
    }

  if (had_subordinates)
    _kp_database_reload (db, KP_RELOAD_EMPLOYEES);
  else if (_kp_database_peek_store (db, KP_RELOAD_EMPLOYEES) != NULL &&
           (saved = _kp_employee_load_one (db, id, NULL)) != NULL)
    _kp_store_put (_kp_database_peek_store (db, KP_RELOAD_EMPLOYEES), saved);
  /* Head counts per unit and position changed too. */
  _kp_database_reload (db, KP_RELOAD_UNITS | KP_RELOAD_POSITIONS);
  return id;

fail:
  _kp_db_rollback (kdb);
  _kp_employee_values_clear (&values);
  return 0;
}

gboolean
kp_register_delete_employee (KpDatabase *db, gint64 employee_id, GError **error)
{
  KpDb *kdb;
  g_autoptr(KpEmployee) old = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *position = NULL;
  g_autofree char *supervisor = NULL;
  GError *local_error = NULL;
  gint64 n_subordinates;
  JsonObject *record;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if ((old = _kp_employee_load_one (db, employee_id, error)) == NULL)
    return FALSE;

  stmt = _kp_db_prepare (kdb, "SELECT count (*) FROM employee WHERE supervisor_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, employee_id);
  if (_kp_stmt_step (stmt, &local_error) != KP_STEP_ROW)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  n_subordinates = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);

  /* The event keeps the whole record, so the deletion can be undone and audited. */
  position = position_label (db, kp_employee_get_position_id (old));
  supervisor = supervisor_label (db, kp_employee_get_supervisor_id (old));
  payload = json_node_alloc ();
  json_node_take_object (json_node_init (payload, JSON_NODE_OBJECT), json_object_new ());
  record = json_node_get_object (payload);
  json_object_set_string_member (record, "nip", kp_employee_get_nip (old));
  json_object_set_string_member (record, "nama", kp_employee_get_name (old));
  json_object_set_string_member (record, "jenis_kelamin", kp_employee_get_sex (old));
  json_object_set_string_member (record, "tempat_lahir", kp_employee_get_birth_place (old));
  json_object_set_string_member (record, "tanggal_lahir", kp_employee_get_birth_date (old));
  json_object_set_string_member (record, "pendidikan", kp_employee_get_education (old));
  json_object_set_string_member (record, "golongan", kp_employee_get_grade (old));
  json_object_set_string_member (record, "jabatan", position);
  json_object_set_string_member (record, "nip_atasan", supervisor);
  json_object_set_string_member (record, "email", kp_employee_get_email (old));
  json_object_set_string_member (record, "telepon", kp_employee_get_phone (old));
  json_object_set_int_member (record, "bawahan_dilepas", n_subordinates);

  stmt = _kp_db_prepare (kdb, "DELETE FROM employee WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, employee_id);
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_stmt_run (stmt, error) ||
      !_kp_audit_append (db, "delete", "employee", kp_employee_get_nip (old), payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  if (n_subordinates > 0)
    _kp_database_reload (db, KP_RELOAD_EMPLOYEES);
  else if (_kp_database_peek_store (db, KP_RELOAD_EMPLOYEES) != NULL)
    _kp_store_remove (_kp_database_peek_store (db, KP_RELOAD_EMPLOYEES), employee_id);
  _kp_database_reload (db, KP_RELOAD_UNITS | KP_RELOAD_POSITIONS);
  return TRUE;
}
