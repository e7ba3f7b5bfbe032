/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-chart.h: charts as data apart from drawing; each chart draws into any cairo_t, so the same
 * code serves the window, PNG, PDF, SVG and printing. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define KP_REPORT_ERROR (kp_report_error_quark ())
GQuark kp_report_error_quark (void);

typedef enum {
  KP_REPORT_ERROR_FAILED,   /* cairo or libxlsxwriter refused; the message says why */
  KP_REPORT_ERROR_FORMAT,   /* an output format that is not known */
  KP_REPORT_ERROR_EMPTY,    /* nothing to draw or write */
} KpReportError;

typedef enum {
  KP_CHART_FORMAT_PNG,
  KP_CHART_FORMAT_PDF,
  KP_CHART_FORMAT_SVG,
} KpChartFormat;

/* Any chart: draws itself into @cr within a @width x @height box (user units: pixels for PNG
 * and the window, points for PDF/SVG/print). */
typedef void (*KpChartDrawFunc) (gconstpointer chart, cairo_t *cr, double width, double height);

/* ---- horizontal bar chart: one labelled bar per category (e.g. head count per unit) -------- */

typedef struct _KpBarChart KpBarChart;

/* @title: the chart's heading; @value_label: the axis caption ("Jumlah pegawai"); either may be
 * NULL for none. Returns a chart with one reference. Strings are copied, invalid UTF-8 is
 * repaired and line breaks become spaces. */
KpBarChart *kp_bar_chart_new (const char *title, const char *value_label);
KpBarChart *kp_bar_chart_ref (KpBarChart *chart);
void kp_bar_chart_unref (KpBarChart *chart);
/* Optional line under the title (e.g. the filter, or the audit checkpoint). */
void kp_bar_chart_set_subtitle (KpBarChart *chart, const char *subtitle);
/* Appends a bar; bars are drawn in the order added. @value is a count, never negative. */
const char *kp_bar_chart_get_title (const KpBarChart *chart);
/* NULL when there is none. */
const char *kp_bar_chart_get_subtitle (const KpBarChart *chart);
void kp_bar_chart_add (KpBarChart *chart, const char *label, gint64 value);
guint kp_bar_chart_get_n_bars (const KpBarChart *chart);
const char *kp_bar_chart_get_label (const KpBarChart *chart, guint index);
gint64 kp_bar_chart_get_value (const KpBarChart *chart, guint index);
gint64 kp_bar_chart_get_total (const KpBarChart *chart);
/* The size at which every label is readable: width fixed at @width, height grows with bars
 * (each row has room for its label's lines, at most two). */
double kp_bar_chart_get_natural_height (const KpBarChart *chart, double width);
/* Draws the chart on a white background in the box (0, 0, @width, @height): title, subtitle,
 * one bar per category with its label on the left (in a column of at most 40% of the width,
 * wrapped to two lines and ellipsized beyond; never overlapping the next row, the text shrinks
 * when the box is lower than the natural height), its value at the bar's end (thousands
 * grouped as LC_NUMERIC says), a value axis with 1-2-5 gridlines and its caption. A chart with
 * no bars draws its title and a "No data" line. Matches KpChartDrawFunc. */
void kp_bar_chart_draw (gconstpointer chart, cairo_t *cr, double width, double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpBarChart, kp_bar_chart_unref)

/* ---- heatmap: rows × columns of shares (e.g. units × competencies, the share below standard) -- */

typedef struct _KpHeatmap KpHeatmap;

/* @title, @legend: the colour scale's caption ("Share of employees below the standard"). */
KpHeatmap *kp_heatmap_new (const char *title, const char *legend, GStrv rows, GStrv columns);
void kp_heatmap_free (KpHeatmap *heatmap);
void kp_heatmap_set_subtitle (KpHeatmap *heatmap, const char *subtitle);
/* The cell's value as a fraction @num / @den (den 0: no data, drawn grey). */
void kp_heatmap_set (KpHeatmap *heatmap, guint row, guint column, guint num, guint den);
guint kp_heatmap_get_n_rows (const KpHeatmap *heatmap);
guint kp_heatmap_get_n_columns (const KpHeatmap *heatmap);
/* The cell under (@x, @y) of a drawing @width wide: row and column, or FALSE (for drill-down). */
gboolean kp_heatmap_hit (const KpHeatmap *heatmap, double width, double x, double y, guint *row,
                         guint *column);
double kp_heatmap_get_natural_height (const KpHeatmap *heatmap, double width);
/* The rectangle of the cell (@row, @column) in a drawing @width wide; FALSE outside the grid.
 * Hit test and keyboard focus ring agree with the drawing through this one layout. */
gboolean kp_heatmap_get_cell_rect (const KpHeatmap *heatmap, double width, guint row,
                                   guint column, double *x, double *y, double *w, double *h);
/* The narrowest width at which every column code and percentage still fits. */
double kp_heatmap_get_min_width (const KpHeatmap *heatmap);
/* Title, one row per unit with its label, one column per competency (code on top), each cell
 * coloured from white (0 %) to deep red (100 %) with its percent written in it, grey where
 * there is no data, and the legend. Matches KpChartDrawFunc. */
void kp_heatmap_draw (gconstpointer heatmap, cairo_t *cr, double width, double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpHeatmap, kp_heatmap_free)

/* ---- radar: one spoke per competency, the standard against the levels attained --------------- */

typedef struct _KpRadar KpRadar;

KpRadar *kp_radar_new (void);
void kp_radar_free (KpRadar *radar);
/* Appends a spoke: @label (a competency code), the @required level (1–5) and the @attained one
 * (0: not assessed, drawn at the centre). Spokes are drawn clockwise from the top in the order
 * added. */
void kp_radar_add (KpRadar *radar, const char *label, int required, int attained);
guint kp_radar_get_n_spokes (const KpRadar *radar);
/* Draws on a white background in the box (0, 0, @width, @height): rings for levels 1–5, one
 * labelled spoke per competency, the standard as a dashed grey outline and the levels attained
 * as a translucent blue shape. With fewer than three spokes it says so instead. Matches
 * KpChartDrawFunc. */
void kp_radar_draw (gconstpointer radar, cairo_t *cr, double width, double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpRadar, kp_radar_free)

/* ---- stacked bar chart: one bar per row split into series (e.g. employees per JPM category
 * per unit) ---------------------------------------------------------------------------------- */

typedef struct _KpStackedChart KpStackedChart;

/* @title: the chart's heading; @value_label: the axis caption ("Employees"); either may be NULL
 * for none. @series: the names of the segments, in the order they are stacked from the axis
 * and listed in the legend (at least one). The graded series are coloured from green (the
 * first, the best) through amber to red (the last); a series marked neutral is grey. Strings
 * are copied, invalid UTF-8 is repaired and line breaks become spaces. */
KpStackedChart *kp_stacked_chart_new (const char *title, const char *value_label, GStrv series);
void kp_stacked_chart_free (KpStackedChart *chart);
/* Optional line under the title (the scope, the date, the audit checkpoint). */
void kp_stacked_chart_set_subtitle (KpStackedChart *chart, const char *subtitle);
/* Draws series @index grey and leaves it out of the green-to-red scale: for a series that is
 * no grade, such as "Not assessed". */
void kp_stacked_chart_set_neutral_series (KpStackedChart *chart, guint index);
/* Appends a row; rows are drawn in the order added. @counts: one per series. */
void kp_stacked_chart_add_row (KpStackedChart *chart, const char *label, const guint *counts);
const char *kp_stacked_chart_get_title (const KpStackedChart *chart);
/* NULL when there is none. */
const char *kp_stacked_chart_get_subtitle (const KpStackedChart *chart);
guint kp_stacked_chart_get_n_rows (const KpStackedChart *chart);
guint kp_stacked_chart_get_n_series (const KpStackedChart *chart);
const char *kp_stacked_chart_get_row_label (const KpStackedChart *chart, guint row);
const char *kp_stacked_chart_get_series_name (const KpStackedChart *chart, guint series);
guint kp_stacked_chart_get_count (const KpStackedChart *chart, guint row, guint series);
/* The sum of a row's counts. */
guint64 kp_stacked_chart_get_row_total (const KpStackedChart *chart, guint row);
/* The height at which every label is readable at @width: it grows with the rows (each has room
 * for its label's lines, at most two) and with the legend's lines. */
double kp_stacked_chart_get_natural_height (const KpStackedChart *chart, double width);
/* Draws the chart on a white background in the box (0, 0, @width, @height): title, subtitle,
 * the legend (a swatch and the name of each series), one bar per row with its label on the
 * left (wrapped to two lines, ellipsized beyond), made of one segment per series in absolute
 * counts with the count written inside where it fits, the row's total at the bar's end, and a
 * value axis with 1-2-5 gridlines and its caption. A chart with no rows draws its title and
 * "No data". Matches KpChartDrawFunc. */
void kp_stacked_chart_draw (gconstpointer chart, cairo_t *cr, double width, double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpStackedChart, kp_stacked_chart_free)

/* ---- output --------------------------------------------------------------------------------- */

/* From a file name's extension (.png, .pdf, .svg, any case); anything else is
 * KP_REPORT_ERROR_FORMAT with a message naming the accepted extensions. */
gboolean kp_chart_format_from_path (const char *path, KpChartFormat *format, GError **error);
/* Renders @draw(@chart) at @width x @height (pixels for PNG, at 2x for a crisp image; points
 * for PDF and SVG) into @path, written atomically (a temporary file in the same directory,
 * renamed on success, so a failure leaves no half-written file and keeps any earlier one).
 * Failures are KP_REPORT_ERROR_FAILED: "Could not write “path”: reason". */
gboolean kp_chart_render_to_file (KpChartDrawFunc draw, gconstpointer chart, KpChartFormat format,
                                  double width, double height, const char *path, GError **error);

G_END_DECLS
