/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-reports-view-private.h: what the tests look at inside KpReportsView, and the entry points
 * behind the file chooser and the print dialog, which a test cannot click through. */
#pragma once

#include "kompeten/kp-chart.h"

#include "kp-chart-view.h"
#include "kp-heatmap-view.h"
#include "kp-reports-view.h"

G_BEGIN_DECLS

KpChartView *_kp_reports_view_get_chart_view (KpReportsView *self);
GtkDropDown *_kp_reports_view_get_unit_dropdown (KpReportsView *self);
/* The unit of the dropdown's item @position: 0 for "All units". */
gint64 _kp_reports_view_get_unit_id (KpReportsView *self, guint position);
/* The page the user sees: "empty" (no employees at all), "error" or "chart". */
const char *_kp_reports_view_get_page (KpReportsView *self);
/* TRUE while a change of the database waits to be charted. */
gboolean _kp_reports_view_is_busy (KpReportsView *self);
/* TRUE when the chart can be exported and printed (it has bars). */
gboolean _kp_reports_view_can_export (KpReportsView *self);
/* What the Export Chart menu does once the user has chosen @path. */
gboolean _kp_reports_view_export_chart (KpReportsView *self, KpChartFormat format,
                                        const char *path, GError **error);
/* The print operation of kp_reports_view_print(), exported to a PDF file instead of shown. */
gboolean _kp_reports_view_print_to_pdf (KpReportsView *self, const char *path, GError **error);


/* The "Report" dropdown: 0 head count per unit, 1 competency gaps by unit. */
GtkDropDown *_kp_reports_view_get_report_dropdown (KpReportsView *self);
KpHeatmapView *_kp_reports_view_get_heatmap_view (KpReportsView *self);
/* What a click on the heatmap's cell (@row, @column) does: lists that unit's employees below
 * the standard on that competency in the side pane. */
gboolean _kp_reports_view_show_drilldown (KpReportsView *self, guint row, guint column,
                                          GError **error);
/* The NIPs the drill-down lists, in its order; NULL while it is closed. */
GPtrArray *_kp_reports_view_get_drilldown_nips (KpReportsView *self);
GtkWidget *_kp_reports_view_get_drilldown_pane (KpReportsView *self);
/* What Export Data → Gap Report (or, with @plans, → Development Plans) does once the user has
 * chosen @file: writes it in a worker thread, for the unit chosen. */
void _kp_reports_view_export_data (KpReportsView *self, gboolean plans, GFile *file);
/* TRUE from _kp_reports_view_export_data until the file is written or has failed. */
gboolean _kp_reports_view_is_exporting (KpReportsView *self);
/* How the last export failed; NULL after a success. */
const GError *_kp_reports_view_get_export_error (KpReportsView *self);

/* The JPM distribution shown (report 2), NULL when none; the category dropdown beside it and
 * the NIPs its list shows, in order (the lowest JPM first). */
const KpStackedChart *_kp_reports_view_get_jpm_chart (KpReportsView *self);
GtkDropDown *_kp_reports_view_get_jpm_category_dropdown (KpReportsView *self);
GPtrArray *_kp_reports_view_get_jpm_nips (KpReportsView *self);

G_END_DECLS
