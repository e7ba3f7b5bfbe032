/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-recruitment.c: see kp-recruitment-private.h. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-database.h"
#include "kp-recruitment-private.h"

gboolean
_kp_recruitment_query_int (KpDb        *kdb,
                           const char  *sql,
                           gint64       id,
                           gint64      *value,
                           GError     **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, sql, error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, id);
  step = _kp_stmt_step (stmt, error);
  *value = step == KP_STEP_ROW ? _kp_stmt_get_int64 (stmt, 0) : 0;
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

gboolean
_kp_selection_check_exists (KpDb    *kdb,
                            gint64   selection_id,
                            GError **error)
{
  gint64 found = 0;

  if (!_kp_recruitment_query_int (kdb, "SELECT 1 FROM selection WHERE id = ?", selection_id,
                                  &found, error))
    return FALSE;
  if (found == 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no selection with id %" PRId64), selection_id);
      return FALSE;
    }

  return TRUE;
}

gboolean
_kp_selection_check_editable (KpDb    *kdb,
                              gint64   selection_id,
                              GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT locked, amendment_reason IS NOT NULL FROM selection "
                                 "WHERE id = ?",
                                 error);
  gboolean locked = FALSE;
  gboolean amending = FALSE;
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      locked = _kp_stmt_get_int64 (stmt, 0) != 0;
      amending = _kp_stmt_get_int64 (stmt, 1) != 0;
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  if (step == KP_STEP_DONE)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no selection with id %" PRId64), selection_id);
      return FALSE;
    }

  if (locked && !amending)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED,
                           _("The selection has been announced: its rules and vacancies are "
                             "locked. Start an amendment, with its reason, to change them."));
      return FALSE;
    }

  return TRUE;
}
