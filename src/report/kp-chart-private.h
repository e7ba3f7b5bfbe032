/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-chart-private.h: what the report layer's charts share, so that they look alike (one font,
 * one palette, one way of measuring text and of choosing axis ticks) and a fix reaches all. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* User units per typographic point: a user unit is a CSS pixel in the window and a point in
 * PDF/SVG, so font sizes given in points are converted at 96 dpi (the window's convention). */
#define PT (96.0 / 72.0)

#define FONT_FAMILY "Cantarell, DejaVu Sans"
#define TITLE_SIZE (16.0 * PT)
#define SUBTITLE_SIZE (10.5 * PT)
#define SUBTITLE_GAP 4.0

/* Adwaita palette: white page, dark text, light grey grid. */
#define RGB(hex) ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0
#define COLOR_BACKGROUND 0xffffff
#define COLOR_TITLE 0x241f31
#define COLOR_TEXT 0x3d3846
#define COLOR_DIM 0x5e5c64
#define COLOR_GRID 0xdeddda
#define COLOR_BASELINE 0x9a9996
#define COLOR_NO_DATA 0xc0bfbc

/* Labels come from the database: valid UTF-8 without line breaks or tabs. Free with g_free. */
char *_kp_chart_clean_text (const char *text);
/* A count with thousands grouped as LC_NUMERIC says ("1.234" in Indonesian). */
char *_kp_chart_format_count (gint64 value);

/* A context whose text measures the same on every surface (unhinted metrics, unrounded glyph
 * positions), so a height measured on a scratch image holds on the 2x PNG and on paper. */
PangoContext *_kp_chart_create_context (cairo_t *cr);
/* A layout of @text in FONT_FAMILY at the absolute @size (user units). */
PangoLayout *_kp_chart_new_layout (PangoContext *context, const char *text, double size,
                                   PangoWeight weight);
void _kp_chart_set_layout_size (PangoLayout *layout, double size);
void _kp_chart_get_size (PangoLayout *layout, double *width, double *height);
double _kp_chart_get_width (PangoLayout *layout);
double _kp_chart_get_height (PangoLayout *layout);
void _kp_chart_show_layout (cairo_t *cr, PangoLayout *layout, double x, double y,
                            guint32 color);

/* A value axis from 0 over @plot_width units for values up to @max_value: gridlines on a
 * 1-2-5 step, widened until the tick labels (appended to @ticks, one layout each, at
 * @tick_size) do not touch. */
void _kp_chart_make_ticks (PangoContext *context, double max_value, double plot_width,
                           double tick_size, GPtrArray *ticks, double *step, double *axis_max);

/* What the bar chart and the stacked chart draw alike, so that the two look the same and a fix
 * to one reaches the other. Both lay out a header, rows of labelled bars growing from a
 * baseline at @plot_x, and a value axis of @ticks (0, @step, … up to @axis_max over
 * @plot_width) with a caption under it. */

/* A context on a 1x1 image, for measuring a chart's natural height; destroy with cairo_destroy. */
cairo_t *_kp_chart_create_scratch (void);
/* Clips to the page of @width × @height and paints it white; after cairo_save, so the caller
 * ends with cairo_restore. */
void _kp_chart_begin_page (cairo_t *cr, double width, double height);
/* Lays out @title (none when "") and @subtitle (nullable) across @inner_width from @y;
 * returns where what follows them starts (before the caller's gap). */
double _kp_chart_layout_header (PangoContext *context, const char *title, const char *subtitle,
                                double inner_width, double y, PangoLayout **title_layout,
                                double *title_y, PangoLayout **subtitle_layout,
                                double *subtitle_y);
void _kp_chart_show_header (cairo_t *cr, double margin_x, PangoLayout *title, double title_y,
                            PangoLayout *subtitle, double subtitle_y);
/* "No data", centred in what is left of the page below @top. */
void _kp_chart_show_empty (cairo_t *cr, PangoLayout *empty, double width, double height,
                           double top, double margin_bottom);
/* A bar with its far end rounded (at most @radius): it grows out of the baseline. */
void _kp_chart_bar_path (cairo_t *cr, double x, double y, double width, double height,
                         double radius);
/* The vertical gridlines, from just above @top to @bottom; the first is the baseline. */
void _kp_chart_draw_gridlines (cairo_t *cr, guint n_ticks, double plot_x, double plot_width,
                               double step, double axis_max, double top, double bottom);
/* A bar's number at @x, vertically centred on @center, on a patch of the page so that no
 * gridline runs through it. */
void _kp_chart_show_bar_value (cairo_t *cr, PangoLayout *value, double x, double center);
/* The tick labels at @ticks_y, each centred on its gridline, and @caption (nullable) at
 * @caption_y, centred under the axis but kept on the page. */
void _kp_chart_draw_axis_labels (cairo_t *cr, GPtrArray *ticks, double plot_x, double plot_width,
                                 double step, double axis_max, double ticks_y,
                                 PangoLayout *caption, double caption_y, double margin_x);

G_END_DECLS
