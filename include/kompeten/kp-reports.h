/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-reports.h: the register's reports, from model queries to charts and workbooks. */
#pragma once

#include "kompeten/kp-chart.h"
#include "kompeten/kp-database.h"

G_BEGIN_DECLS

/* Head count per unit as a bar chart. @unit_id > 0 restricts to that unit and its sub-units. */
KpBarChart *kp_report_employees_by_unit (KpDatabase *db, gint64 unit_id, GError **error);

/* The register as a workbook: sheet "Pegawai" (the pegawai.csv columns, dates as dates), sheet
 * "Per Unit" (head count per unit, with a native bar chart). */
gboolean kp_report_export_employees_xlsx (KpDatabase *db, const char *path, GError **error);

G_END_DECLS
