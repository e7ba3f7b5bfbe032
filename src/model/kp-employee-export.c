/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-export.c: the register as pegawai.csv rows, for the CSV export and workbooks. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-employee-import.h"
#include "kp-csv-reader-private.h"
#include "kp-database-private.h"

gboolean
kp_employee_foreach_row (KpDatabase *db, KpEmployeeRowFunc func, gpointer user_data,
                         GError **error)
{
  KpStmt *stmt;
  KpStep step;
  GError *local_error = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Streamed straight from the database: 100,000 rows need no records in memory. */
  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT e.nip, e.name, e.sex, e.birth_place, e.birth_date, e.education, "
                         "       e.grade, p.title, p.kind, u.name, s.nip, e.email, e.phone "
                         "FROM employee e "
                         "LEFT JOIN position p ON p.id = e.position_id "
                         "LEFT JOIN unit u ON u.id = p.unit_id "
                         "LEFT JOIN employee s ON s.id = e.supervisor_id "
                         "ORDER BY e.id",
                         error);
  if (stmt == NULL)
    return FALSE;

  while ((step = _kp_stmt_step (stmt, &local_error)) == KP_STEP_ROW)
    {
      const char *values[KP_EMPLOYEE_N_FIELDS];

      for (int f = 0; f < KP_EMPLOYEE_N_FIELDS; f++)
        values[f] = _kp_stmt_get_text (stmt, f);
      values[KP_EMPLOYEE_FIELD_KIND] =
        _kp_stmt_is_null (stmt, KP_EMPLOYEE_FIELD_KIND)
          ? ""
          : kp_position_kind_to_string (_kp_stmt_get_int64 (stmt, KP_EMPLOYEE_FIELD_KIND));
      if (!func (values, user_data, &local_error))
        break;
    }
  _kp_stmt_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_csv_row (const char *const values[KP_EMPLOYEE_N_FIELDS], gpointer user_data,
               GError **error)
{
  return _kp_csv_write_row (user_data, values, KP_EMPLOYEE_N_FIELDS, error);
}

gboolean
kp_employee_export_csv (KpDatabase *db, const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  const char *header[KP_EMPLOYEE_N_FIELDS];

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (int f = 0; f < KP_EMPLOYEE_N_FIELDS; f++)
    header[f] = kp_employee_field_get_column (f);

  /* g_file_replace writes a temporary file and renames it on close: a failure (a full disk)
   * leaves any earlier file at @path as it was. */
  file = g_file_new_for_commandline_arg (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  if (!_kp_csv_write_row (buffered, header, KP_EMPLOYEE_N_FIELDS, error) ||
      !kp_employee_foreach_row (db, write_csv_row, buffered, error) ||
      !g_output_stream_close (buffered, NULL, error))
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* Closing a cancelled replace stream discards the temporary file. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
