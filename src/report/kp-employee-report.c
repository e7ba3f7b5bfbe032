/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-report.c: the register's chart and workbook. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-employee-import.h"
#include "kompeten/kp-register.h"
#include "kompeten/kp-reports.h"
#include "kompeten/kp-xlsx.h"
#include "kp-report-private.h"

char *
_kp_report_unit_scope_name (KpDatabase *db, gint64 unit_id)
{
  GListModel *units = kp_database_get_units (db);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(KpUnit) unit = g_list_model_get_item (units, i);

      if (kp_unit_get_id (unit) == unit_id)
        return g_strdup (kp_unit_get_name (unit));
    }
  return NULL;
}

/**
 * kp_report_employees_by_unit:
 * @db: the database
 * @unit_id: 0 for every unit, else that unit and its sub-units
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the chart's data
 */
KpBarChart *
kp_report_employees_by_unit (KpDatabase *db, gint64 unit_id, GError **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(KpBarChart) chart = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%e %B %Y");
  g_autofree char *subtitle = NULL;
  g_autofree char *scope = NULL;
  gint64 total = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  if (!kp_register_count_by_unit (db, unit_id, FALSE, &names, &counts, error))
    return NULL;

  chart = kp_bar_chart_new (_("Employees per Unit"), _("Number of employees"));
  for (guint i = 0; i < names->len; i++)
    {
      gint64 n = g_array_index (counts, gint64, i);

      kp_bar_chart_add (chart, g_ptr_array_index (names, i), n);
      total += n;
    }

  if (unit_id > 0 && (scope = _kp_report_unit_scope_name (db, unit_id)) != NULL && names->len <= 1)
    /* Translators: %s is a unit; then its head count and a date. */
    subtitle = g_strdup_printf (_("%s · %'" PRId64 " employees · %s"), scope, total,
                                g_strstrip (date));
  else if (scope != NULL)
    /* Translators: %s is a unit; then the total head count and a date. */
    subtitle = g_strdup_printf (_("%s and its sub-units · %'" PRId64 " employees · %s"),
                                scope, total, g_strstrip (date));
  else
    /* Translators: the total head count and a date ("29 November 2026"). */
    subtitle = g_strdup_printf (_("All units · %'" PRId64 " employees · %s"), total,
                                g_strstrip (date));
  kp_bar_chart_set_subtitle (chart, subtitle);
  return g_steal_pointer (&chart);
}

/* The pegawai.csv columns, as the import reads them, with widths for a register. */
static const KpXlsxColumn register_columns[KP_EMPLOYEE_N_FIELDS] = {
  { "nip", KP_XLSX_TEXT, 21 },
  { "nama", KP_XLSX_TEXT, 36 },
  { "jenis_kelamin", KP_XLSX_TEXT, 8 },
  { "tempat_lahir", KP_XLSX_TEXT, 14 },
  { "tanggal_lahir", KP_XLSX_DATE, 13 },
  { "pendidikan", KP_XLSX_TEXT, 11 },
  { "golongan", KP_XLSX_TEXT, 10 },
  { "jabatan", KP_XLSX_TEXT, 44 },
  { "jenis_jabatan", KP_XLSX_TEXT, 24 },
  { "unit_kerja", KP_XLSX_TEXT, 44 },
  { "nip_atasan", KP_XLSX_TEXT, 21 },
  { "email", KP_XLSX_TEXT, 36 },
  { "telepon", KP_XLSX_TEXT, 15 },
};

typedef struct {
  KpXlsx *xlsx;
  lxw_worksheet *sheet;
  guint row;
} RegisterSheet;

static gboolean
write_register_row (const char *const values[KP_EMPLOYEE_N_FIELDS], gpointer user_data,
                    GError **error)
{
  RegisterSheet *out = user_data;

  for (guint col = 0; col < KP_EMPLOYEE_N_FIELDS; col++)
    kp_xlsx_write (out->xlsx, out->sheet, out->row, col, values[col]);
  out->row++;
  return TRUE;
}

gboolean
kp_report_export_employees_xlsx (KpDatabase *db, const char *path, GError **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) counts = NULL;
  const KpXlsxColumn unit_columns[] = {
    { _("Unit"), KP_XLSX_TEXT, 52 },
    { _("Employees"), KP_XLSX_INTEGER, 12 },
  };
  RegisterSheet out = { 0 };
  lxw_worksheet *units_sheet;
  lxw_chart *chart;
  lxw_chart_series *series;
  lxw_chart_options placement = { 0 };
  g_autofree char *categories = NULL;
  g_autofree char *values = NULL;
  g_autofree char *sheet_name = NULL;
  guint n;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!kp_register_count_by_unit (db, 0, TRUE, &names, &counts, error))
    return FALSE;

  /* Constant memory: 100,000 rows stream to disk instead of living in memory. */
  out.xlsx = kp_xlsx_new (path, TRUE, error);
  if (out.xlsx == NULL)
    return FALSE;
  out.sheet = kp_xlsx_add_table (out.xlsx, _("Employees"), register_columns, KP_EMPLOYEE_N_FIELDS);
  if (!kp_employee_foreach_row (db, write_register_row, &out, error))
    {
      kp_xlsx_abandon (out.xlsx);
      return FALSE;
    }
  kp_xlsx_end_table (out.xlsx, out.sheet, out.row);

  sheet_name = g_strdup (_("Per Unit"));
  units_sheet = kp_xlsx_add_table (out.xlsx, sheet_name, unit_columns, G_N_ELEMENTS (unit_columns));
  n = names->len;
  for (guint i = 0; i < n; i++)
    {
      kp_xlsx_write (out.xlsx, units_sheet, i, 0, g_ptr_array_index (names, i));
      kp_xlsx_write_int (out.xlsx, units_sheet, i, 1, g_array_index (counts, gint64, i));
    }
  kp_xlsx_end_table (out.xlsx, units_sheet, n);

  if (n > 0)
    {
      chart = workbook_add_chart (kp_xlsx_get_workbook (out.xlsx), LXW_CHART_BAR);
      categories = g_strdup_printf ("='%s'!$A$2:$A$%u", sheet_name, n + 1);
      values = g_strdup_printf ("='%s'!$B$2:$B$%u", sheet_name, n + 1);
      series = chart_add_series (chart, categories, values);
      chart_series_set_name (series, _("Employees"));
      chart_title_set_name (chart, _("Employees per Unit"));
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      /* Largest unit at the top, as the table reads. */
      chart_axis_set_reverse (chart->x_axis);
      chart_axis_set_name (chart->y_axis, _("Number of employees"));
      placement.x_scale = 2.0;
      placement.y_scale = MAX (1.5, n * 0.22);
      worksheet_insert_chart_opt (units_sheet, 1, 3, chart, &placement);
    }

  return kp_xlsx_close (out.xlsx, error);
}
