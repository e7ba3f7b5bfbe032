/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-feedback.c: continuous feedback between supervisor and employee (see kp-feedback.h). */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-feedback.h"
#include "kp-database-private.h"
#include "kp-employee-private.h"

#define MAX_TEXT_CHARS 4000

void
kp_feedback_free (KpFeedback *feedback)
{
  if (feedback == NULL)
    return;
  g_free (feedback->supervisor_nip);
  g_free (feedback->supervisor_name);
  g_free (feedback->given_on);
  g_free (feedback->competency_code);
  g_free (feedback->competency_name);
  g_free (feedback->text);
  g_free (feedback->entered_by);
  g_free (feedback->acknowledged_on);
  g_free (feedback);
}

/* @text (ISO or one of the other two formats; NULL: today) as ISO into @iso, not after today. */
static gboolean
parse_day (const char *text, char iso[11], GError **error)
{
  GDate today, date;
  GError *local_error = NULL;

  _kp_today (&today);
  if (text == NULL)
    {
      kp_date_to_iso (&today, iso);
      return TRUE;
    }
  if (!kp_date_parse (text, KP_DATE_FORMAT_ANY, &date, NULL, &local_error))
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  if (g_date_compare (&date, &today) > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, _("The date is after today"));
      return FALSE;
    }
  kp_date_to_iso (&date, iso);
  return TRUE;
}

gint64
kp_feedback_give (KpDatabase *db, gint64 employee_id, const char *supervisor_nip,
                  KpFeedbackKind kind, gint64 competency_id, const char *text,
                  gboolean on_behalf, const char *given_on, GError **error)
{
  KpDb *kdb;
  g_autofree char *clean = NULL;
  g_autofree char *employee_nip = NULL;
  g_autofree char *recorded_nip = NULL;
  g_autofree char *recorded_name = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  gint64 supervisor_id = 0, id;
  char day[11];
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  g_return_val_if_fail (kind == KP_FEEDBACK_STRENGTH || kind == KP_FEEDBACK_IMPROVE, 0);

  kdb = _kp_database_get_db (db);
  clean = g_strstrip (g_utf8_make_valid (text != NULL ? text : "", -1));
  if (*clean == '\0' || g_utf8_strlen (clean, -1) > MAX_TEXT_CHARS)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("Write the feedback (at most %d characters)"), MAX_TEXT_CHARS);
      return 0;
    }
  if (!parse_day (given_on, day, error))
    return 0;

  stmt = _kp_db_prepare (kdb,
                         "SELECT e.nip, s.id, s.nip, s.name FROM employee e "
                         "LEFT JOIN employee s ON s.id = e.supervisor_id WHERE e.id = ?",
                         error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_int64 (stmt, 1, employee_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      employee_nip = g_strdup (_kp_stmt_get_text (stmt, 0));
      supervisor_id = _kp_stmt_get_int64 (stmt, 1);
      recorded_nip = g_strdup (_kp_stmt_get_text (stmt, 2));
      recorded_name = g_strdup (_kp_stmt_get_text (stmt, 3));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return 0;
  if (step == KP_STEP_DONE)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no employee with number %" PRId64), employee_id);
      return 0;
    }
  /* Feedback is the recorded supervisor's: the register says who that is. */
  if (supervisor_id == 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The register names no supervisor for this employee: record the supervisor "
                     "first"));
      return 0;
    }
  if (g_strcmp0 (supervisor_nip, recorded_nip) != 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: the name and NIP of the recorded supervisor. */
                   _("Only the employee's recorded supervisor gives feedback: %s (%s)"),
                   recorded_name, recorded_nip);
      return 0;
    }
  if (competency_id > 0)
    {
      stmt = _kp_db_prepare (kdb, "SELECT 1 FROM competency WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      _kp_stmt_bind_int64 (stmt, 1, competency_id);
      step = _kp_stmt_step (stmt, error);
      _kp_stmt_reset (stmt);
      if (step == KP_STEP_ERROR)
        return 0;
      if (step == KP_STEP_DONE)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                       _("There is no competency with number %" PRId64), competency_id);
          return 0;
        }
    }

  stmt = _kp_db_prepare (kdb,
                         "INSERT INTO feedback (employee_id, supervisor_id, given_on, kind, "
                         "competency_id, text, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_int64 (stmt, 1, employee_id);
  _kp_stmt_bind_int64 (stmt, 2, supervisor_id);
  _kp_stmt_bind_text (stmt, 3, day);
  _kp_stmt_bind_text (stmt, 4, kind == KP_FEEDBACK_STRENGTH ? "strength" : "improve");
  _kp_stmt_bind_id (stmt, 5, competency_id);
  _kp_stmt_bind_text (stmt, 6, clean);
  _kp_stmt_bind_text (stmt, 7, on_behalf ? kp_database_get_actor (db) : "");

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "supervisor");
  json_builder_add_string_value (builder, recorded_nip);
  json_builder_set_member_name (builder, "given_on");
  json_builder_add_string_value (builder, day);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind == KP_FEEDBACK_STRENGTH ? "strength" : "improve");
  json_builder_set_member_name (builder, "on_behalf");
  json_builder_add_boolean_value (builder, on_behalf);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);

  if (!_kp_db_begin (kdb, error))
    return 0;
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  id = _kp_db_last_insert_id (kdb);
  if (!_kp_audit_append (db, "create", "feedback", employee_nip, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  /* No store holds feedback: this only brings the audit log up to date. */
  _kp_database_reload (db, 0);
  return id;
}

gboolean
kp_feedback_acknowledge (KpDatabase *db, gint64 feedback_id, const char *acknowledged_on,
                         GError **error)
{
  KpDb *kdb;
  g_autofree char *given_on = NULL;
  g_autofree char *acknowledged = NULL;
  g_autofree char *employee_nip = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  char day[11];
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (!parse_day (acknowledged_on, day, error))
    return FALSE;
  stmt = _kp_db_prepare (kdb,
                         "SELECT f.given_on, f.acknowledged_on, e.nip FROM feedback f "
                         "JOIN employee e ON e.id = f.employee_id WHERE f.id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, feedback_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      given_on = g_strdup (_kp_stmt_get_text (stmt, 0));
      acknowledged = _kp_stmt_is_null (stmt, 1) ? NULL : g_strdup (_kp_stmt_get_text (stmt, 1));
      employee_nip = g_strdup (_kp_stmt_get_text (stmt, 2));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  if (step == KP_STEP_DONE)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no feedback with number %" PRId64), feedback_id);
      return FALSE;
    }
  if (acknowledged != NULL)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("This feedback was already acknowledged on %s"), acknowledged);
      return FALSE;
    }
  /* ISO dates compare as strings. */
  if (strcmp (day, given_on) < 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The feedback was given on %s: it cannot be acknowledged before"), given_on);
      return FALSE;
    }

  stmt = _kp_db_prepare (kdb, "UPDATE feedback SET acknowledged_on = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, day);
  _kp_stmt_bind_int64 (stmt, 2, feedback_id);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "feedback");
  json_builder_add_int_value (builder, feedback_id);
  json_builder_set_member_name (builder, "acknowledged_on");
  json_builder_add_string_value (builder, day);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_stmt_run (stmt, error) ||
      !_kp_audit_append (db, "acknowledge", "feedback", employee_nip, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  /* No store holds feedback: this only brings the audit log up to date. */
  _kp_database_reload (db, 0);
  return TRUE;
}

GPtrArray *
kp_feedback_list (KpDatabase *db, gint64 employee_id, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_feedback_free);
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT f.id, f.employee_id, s.nip, s.name, f.given_on, f.kind, "
                         "       c.code, c.name, f.text, f.entered_by, f.acknowledged_on "
                         "FROM feedback f "
                         "LEFT JOIN employee s ON s.id = f.supervisor_id "
                         "LEFT JOIN competency c ON c.id = f.competency_id "
                         "WHERE f.employee_id = ? ORDER BY f.given_on DESC, f.id DESC",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, employee_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpFeedback *f = g_new0 (KpFeedback, 1);

      f->id = _kp_stmt_get_int64 (stmt, 0);
      f->employee_id = _kp_stmt_get_int64 (stmt, 1);
      f->supervisor_nip = g_strdup (_kp_stmt_get_text (stmt, 2));
      f->supervisor_name = g_strdup (_kp_stmt_get_text (stmt, 3));
      f->given_on = g_strdup (_kp_stmt_get_text (stmt, 4));
      f->kind = strcmp (_kp_stmt_get_text (stmt, 5), "strength") == 0 ? KP_FEEDBACK_STRENGTH
                                                                       : KP_FEEDBACK_IMPROVE;
      f->competency_code = g_strdup (_kp_stmt_get_text (stmt, 6));
      f->competency_name = g_strdup (_kp_stmt_get_text (stmt, 7));
      f->text = g_strdup (_kp_stmt_get_text (stmt, 8));
      f->entered_by = g_strdup (_kp_stmt_get_text (stmt, 9));
      f->acknowledged_on = g_strdup (_kp_stmt_get_text (stmt, 10));
      g_ptr_array_add (list, f);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&list);
}
