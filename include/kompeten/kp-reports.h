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

/* The gap report: sheet "Gaps" (per employee: each competency's attained level minus the
 * standard, coloured red below it and green above, the JPM and its category), sheet "JPM per
 * Unit" (how many employees of each unit fall in each category). @unit_id > 0 restricts to that
 * unit and its sub-units. @n_employees (may be NULL) receives the number of rows. */
gboolean kp_report_export_gaps_xlsx (KpDatabase *db, gint64 unit_id, const char *path,
                                     guint *n_employees, GError **error);

/* The unit × competency heatmap: for each unit (with its sub-units folded in when @unit_id > 0
 * names a parent: only that subtree) and each competency, the share of assessed employees with
 * a standard for it whose latest level is below the standard. Units sorted by name. */
KpHeatmap *kp_report_gap_heatmap (KpDatabase *db, gint64 unit_id, GError **error);

/* How many employees of each unit fall in each JPM category, as a stacked bar chart: one row
 * per unit of the employees' own units (by name; @unit_id > 0: only that unit and its
 * sub-units, each sub-unit its own row), one series per category of the editable table
 * (kp_gaps_get_category_name (), highest first), then a grey "Not assessed" series: employees
 * whose position has a standard but who have no counted level yet, so that their JPM of 0
 * says nothing. Employees whose position has no standard have no JPM at all: they are left out
 * of the bars (a unit with only such employees has no row) and the subtitle says how many
 * there are. The subtitle also names the scope, the date and the audit checkpoint the chart
 * was drawn from. */
KpStackedChart *kp_report_jpm_distribution (KpDatabase *db, gint64 unit_id, GError **error);

/* The positions' own competency standards as a workbook: the columns of the standards CSV
 * (unit_kerja, jabatan, kode_kompetensi, level) plus the competency's name. */
gboolean kp_report_export_standards_xlsx (KpDatabase *db, const char *path, GError **error);

/* The employee's own copy of their competency profile as an A4 PDF: who they are, a radar of
 * their levels against the standard of their position, the gap table and JPM, the assessment
 * history, the supervisor's feedback and the development plan, with the audit checkpoint it
 * was made from. @nip names the employee. */
gboolean kp_report_profile_pdf (KpDatabase *db, const char *nip, const char *path,
                                GError **error);
/* The same profile as a workbook: a sheet with who the employee is, their JPM and the gap table
 * (numbers as numbers, gaps below the standard in red), and a sheet with the assessment
 * history. Written beside @path and renamed, so a failure leaves nothing there. */
gboolean kp_report_profile_xlsx (KpDatabase *db, const char *nip, const char *path,
                                 GError **error);

G_END_DECLS
