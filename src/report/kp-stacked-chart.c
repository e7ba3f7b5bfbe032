/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-stacked-chart.c: a horizontal stacked bar chart (one bar per row, one segment per series,
 * in absolute counts), drawn with Cairo and PangoCairo only, so the same code serves the
 * window, PNG, PDF, SVG and printing. It follows the bar chart's layout (label column, value
 * axis, total at the bar's end) and shares its text and axis helpers, so the two read alike
 * side by side. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kompeten/kp-chart.h"
#include "kp-chart-private.h"

struct _KpStackedChart
{
  char *title;        /* "" when none */
  char *subtitle;     /* NULL when none */
  char *value_label;  /* "" when none */
  GPtrArray *series;  /* of char *, owned */
  int neutral;        /* the grey series, −1 when none */
  GPtrArray *labels;  /* of char *, owned: one per row */
  GArray *counts;     /* of guint: n_rows × n_series */
};

#define LABEL_SIZE (10.0 * PT)
#define VALUE_SIZE (9.5 * PT)
#define SEGMENT_SIZE (8.5 * PT)
#define LEGEND_SIZE (9.5 * PT)
#define TICK_SIZE (9.0 * PT)
#define CAPTION_SIZE (10.0 * PT)
#define EMPTY_SIZE (11.0 * PT)

#define MARGIN_X 24.0
#define MARGIN_TOP 20.0
#define MARGIN_BOTTOM 18.0
#define HEADER_GAP 14.0
#define SWATCH 12.0
#define SWATCH_GAP 6.0        /* between a swatch and its name */
#define LEGEND_ITEM_GAP 18.0  /* between one legend entry and the next */
#define LEGEND_LINE_GAP 4.0
#define LEGEND_GAP 14.0       /* between the legend and the first row */
#define LABEL_GAP 12.0
#define VALUE_GAP 6.0
#define LABEL_FRACTION 0.4
#define MIN_PLOT_WIDTH 120.0
#define MAX_LABEL_LINES 2
#define ROW_PADDING 10.0
#define MIN_ROW_HEIGHT 28.0
#define MAX_ROW_STRETCH 1.5
#define BAR_FRACTION 0.66
#define MAX_BAR_HEIGHT 26.0
#define BAR_RADIUS 3.0
#define SEGMENT_PAD 3.0       /* room a count needs on each side inside its segment */
#define TICK_GAP 6.0
#define CAPTION_GAP 8.0
#define EMPTY_HEIGHT 96.0

/* The graded scale, best to worst: Adwaita green, amber (yellow 5) and red (red 4). Printed in
 * grey they still read light to dark. */
#define COLOR_GOOD 0x26a269
#define COLOR_MIDDLE 0xe5a50a
#define COLOR_BAD 0xc01c28
#define COLOR_NEUTRAL COLOR_NO_DATA

typedef struct
{
  PangoContext *context;
  PangoLayout *title;
  PangoLayout *subtitle;
  PangoLayout *caption;
  PangoLayout *empty;
  GPtrArray *legend;       /* of PangoLayout, one per series */
  GArray *legend_x;        /* of double: where each entry's swatch is */
  GArray *legend_y;        /* of double: the top of each entry's line */
  double legend_line;      /* the height of one legend line */
  GPtrArray *labels;       /* of PangoLayout, one per row */
  GPtrArray *totals;       /* of PangoLayout, one per row */
  GPtrArray *ticks;

  double title_y;
  double subtitle_y;
  double rows_y;
  double row_height;
  double bar_height;
  double label_width;
  double plot_x;
  double plot_width;
  double axis_max;
  double step;
  double ticks_y;
  double caption_y;
  double height;
} ChartLayout;

static guint
n_series (const KpStackedChart *self)
{
  return self->series->len;
}

static guint
count_at (const KpStackedChart *self, guint row, guint series)
{
  return g_array_index (self->counts, guint, row * n_series (self) + series);
}

static guint64
row_total (const KpStackedChart *self, guint row)
{
  guint64 total = 0;

  for (guint s = 0; s < n_series (self); s++)
    total += count_at (self, row, s);
  return total;
}

static guint32
mix (guint32 a, guint32 b, double t)
{
  guint32 out = 0;

  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double ca = (a >> shift) & 0xff;
      double cb = (b >> shift) & 0xff;

      out |= (guint32) lround (ca + (cb - ca) * t) << shift;
    }
  return out;
}

/* Green for the first graded series, red for the last, amber half-way; more series take the
 * colours in between, so any number of categories keeps the order visible. */
static guint32
series_color (const KpStackedChart *self, guint series)
{
  guint n_graded = n_series (self) - (self->neutral >= 0 ? 1 : 0);
  guint rank = series;
  double t;

  if ((int) series == self->neutral)
    return COLOR_NEUTRAL;
  if (self->neutral >= 0 && (int) series > self->neutral)
    rank--;
  t = n_graded > 1 ? (double) rank / (n_graded - 1) : 0.0;
  return t <= 0.5 ? mix (COLOR_GOOD, COLOR_MIDDLE, t * 2) : mix (COLOR_MIDDLE, COLOR_BAD, t * 2 - 1);
}

/* White text on dark segments, dark text on light ones (relative luminance, sRGB weights). */
static guint32
text_color_on (guint32 background)
{
  double luminance = 0.2126 * ((background >> 16) & 0xff) + 0.7152 * ((background >> 8) & 0xff) +
                     0.0722 * (background & 0xff);

  return luminance < 150 ? 0xffffff : COLOR_TITLE;
}

static void
chart_layout_clear (ChartLayout *lo)
{
  g_clear_object (&lo->title);
  g_clear_object (&lo->subtitle);
  g_clear_object (&lo->caption);
  g_clear_object (&lo->empty);
  g_clear_pointer (&lo->legend, g_ptr_array_unref);
  g_clear_pointer (&lo->legend_x, g_array_unref);
  g_clear_pointer (&lo->legend_y, g_array_unref);
  g_clear_pointer (&lo->labels, g_ptr_array_unref);
  g_clear_pointer (&lo->totals, g_ptr_array_unref);
  g_clear_pointer (&lo->ticks, g_ptr_array_unref);
  g_clear_object (&lo->context);
}

/* Flows the legend's entries over as many lines as @inner_width needs, from @y; returns the
 * height taken. */
static double
layout_legend (ChartLayout *lo, const KpStackedChart *self, double inner_width, double y)
{
  double x = 0;
  double line_y = y;

  lo->legend_line = SWATCH;
  for (guint s = 0; s < n_series (self); s++)
    {
      PangoLayout *name = _kp_chart_new_layout (lo->context, g_ptr_array_index (self->series, s),
                                                LEGEND_SIZE, PANGO_WEIGHT_NORMAL);

      /* One name longer than the line ellipsizes instead of running off the page. */
      pango_layout_set_width (name, (int) ((inner_width - SWATCH - SWATCH_GAP) * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      lo->legend_line = MAX (lo->legend_line, _kp_chart_get_height (name));
      g_ptr_array_add (lo->legend, name);
    }
  for (guint s = 0; s < n_series (self); s++)
    {
      double entry = SWATCH + SWATCH_GAP + _kp_chart_get_width (g_ptr_array_index (lo->legend, s));
      double left;

      if (x > 0 && x + entry > inner_width)
        {
          x = 0;
          line_y += lo->legend_line + LEGEND_LINE_GAP;
        }
      left = MARGIN_X + x;
      g_array_append_val (lo->legend_x, left);
      g_array_append_val (lo->legend_y, line_y);
      x += entry + LEGEND_ITEM_GAP;
    }
  return line_y + lo->legend_line - y;
}

/* Lays the chart out in @width; @height < 0 asks for the natural height. Drawing and
 * kp_stacked_chart_get_natural_height () share it, so they cannot disagree. */
static void
chart_layout_init (ChartLayout *lo, const KpStackedChart *self, cairo_t *cr, double width,
                   double height)
{
  double inner_width = MAX (width - 2 * MARGIN_X, 1.0);
  double y = MARGIN_TOP;
  double total_width = 0;
  double label_natural = 0;
  double reserve_right;
  double line_height;
  double natural_row;
  double bottom;
  double last_tick_half;
  guint64 max_total = 0;
  guint lines = 1;
  guint n_rows = self->labels->len;

  memset (lo, 0, sizeof *lo);
  lo->context = _kp_chart_create_context (cr);
  lo->legend = g_ptr_array_new_with_free_func (g_object_unref);
  lo->legend_x = g_array_new (FALSE, FALSE, sizeof (double));
  lo->legend_y = g_array_new (FALSE, FALSE, sizeof (double));
  lo->labels = g_ptr_array_new_with_free_func (g_object_unref);
  lo->totals = g_ptr_array_new_with_free_func (g_object_unref);
  lo->ticks = g_ptr_array_new_with_free_func (g_object_unref);

  y = _kp_chart_layout_header (lo->context, self->title, self->subtitle, inner_width, y, &lo->title,
                               &lo->title_y, &lo->subtitle, &lo->subtitle_y);
  if (lo->title != NULL || lo->subtitle != NULL)
    y += HEADER_GAP;

  if (n_rows == 0)
    {
      lo->rows_y = y;
      lo->empty = _kp_chart_new_layout (lo->context, _("No data"), EMPTY_SIZE, PANGO_WEIGHT_NORMAL);
      lo->height = height >= 0 ? height : y + EMPTY_HEIGHT + MARGIN_BOTTOM;
      return;
    }

  /* The legend comes first: a reader needs the colours before the bars. */
  y += layout_legend (lo, self, inner_width, y) + LEGEND_GAP;
  lo->rows_y = y;

  for (guint r = 0; r < n_rows; r++)
    {
      guint64 total = row_total (self, r);
      g_autofree char *text = _kp_chart_format_count ((gint64) MIN (total, (guint64) G_MAXINT64));
      PangoLayout *value = _kp_chart_new_layout (lo->context, text, VALUE_SIZE, PANGO_WEIGHT_BOLD);
      PangoLayout *label = _kp_chart_new_layout (lo->context, g_ptr_array_index (self->labels, r),
                                                 LABEL_SIZE, PANGO_WEIGHT_NORMAL);

      max_total = MAX (max_total, total);
      total_width = MAX (total_width, _kp_chart_get_width (value));
      label_natural = MAX (label_natural, _kp_chart_get_width (label));
      g_ptr_array_add (lo->totals, value);
      g_ptr_array_add (lo->labels, label);
    }

  reserve_right = VALUE_GAP + total_width;
  lo->label_width = MIN (ceil (label_natural), inner_width * LABEL_FRACTION);
  lo->plot_width = inner_width - lo->label_width - LABEL_GAP - reserve_right;
  if (lo->plot_width < MIN_PLOT_WIDTH)
    {
      /* A narrow chart: give the bars their minimum before the labels. */
      lo->label_width = MAX (lo->label_width - (MIN_PLOT_WIDTH - lo->plot_width), inner_width * 0.2);
      lo->plot_width = MAX (inner_width - lo->label_width - LABEL_GAP - reserve_right, 1.0);
    }
  lo->plot_x = MARGIN_X + lo->label_width + LABEL_GAP;

  _kp_chart_make_ticks (lo->context, (double) max_total, lo->plot_width, TICK_SIZE, lo->ticks,
                        &lo->step, &lo->axis_max);
  /* The last tick label is centred on the plot's end; keep it inside the margin. */
  last_tick_half = _kp_chart_get_width (g_ptr_array_index (lo->ticks, lo->ticks->len - 1)) / 2;
  if (last_tick_half > reserve_right)
    lo->plot_width = MAX (lo->plot_width - (last_tick_half - reserve_right), 1.0);

  for (guint r = 0; r < n_rows; r++)
    {
      PangoLayout *label = g_ptr_array_index (lo->labels, r);

      pango_layout_set_width (label, (int) (lo->label_width * PANGO_SCALE));
      pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      lines = MAX (lines, MIN ((guint) pango_layout_get_line_count (label), MAX_LABEL_LINES));
    }
  {
    g_autoptr(PangoLayout) probe = _kp_chart_new_layout (lo->context, "Ag", LABEL_SIZE,
                                                         PANGO_WEIGHT_NORMAL);

    line_height = _kp_chart_get_height (probe);
  }
  natural_row = MAX (lines * line_height + ROW_PADDING, MIN_ROW_HEIGHT);

  bottom = TICK_GAP + _kp_chart_get_height (g_ptr_array_index (lo->ticks, 0)) + MARGIN_BOTTOM;
  if (*self->value_label != '\0')
    {
      lo->caption = _kp_chart_new_layout (lo->context, self->value_label, CAPTION_SIZE,
                                          PANGO_WEIGHT_NORMAL);
      pango_layout_set_width (lo->caption, (int) (inner_width * PANGO_SCALE));
      pango_layout_set_ellipsize (lo->caption, PANGO_ELLIPSIZE_END);
      bottom += CAPTION_GAP + _kp_chart_get_height (lo->caption);
    }

  if (height < 0)
    {
      lo->row_height = natural_row;
      lo->height = y + n_rows * natural_row + bottom;
    }
  else
    {
      lo->row_height = MIN ((height - y - bottom) / n_rows, natural_row * MAX_ROW_STRETCH);
      lo->row_height = MAX (lo->row_height, 1.0);
      lo->height = height;
    }

  /* When squeezed, show fewer lines and shrink the text rather than let rows overlap. */
  {
    double room = lo->row_height - 2.0;
    int fit = (int) CLAMP (floor (room / line_height), 1, MAX_LABEL_LINES);

    for (guint r = 0; r < n_rows; r++)
      {
        PangoLayout *label = g_ptr_array_index (lo->labels, r);

        if (room < line_height)
          {
            double scale = MAX (room, 1.0) / line_height;

            _kp_chart_set_layout_size (label, LABEL_SIZE * scale);
            _kp_chart_set_layout_size (g_ptr_array_index (lo->totals, r), VALUE_SIZE * scale);
          }
        pango_layout_set_height (label, -fit);
        pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      }
  }

  lo->bar_height = MIN (lo->row_height * BAR_FRACTION, MAX_BAR_HEIGHT);
  lo->ticks_y = lo->rows_y + n_rows * lo->row_height + TICK_GAP;
  lo->caption_y = lo->ticks_y + _kp_chart_get_height (g_ptr_array_index (lo->ticks, 0)) + CAPTION_GAP;
}

static void
draw_legend (const KpStackedChart *self, const ChartLayout *lo, cairo_t *cr)
{
  for (guint s = 0; s < n_series (self); s++)
    {
      PangoLayout *name = g_ptr_array_index (lo->legend, s);
      double x = g_array_index (lo->legend_x, double, s);
      double y = g_array_index (lo->legend_y, double, s);

      cairo_rectangle (cr, x, y + (lo->legend_line - SWATCH) / 2, SWATCH, SWATCH);
      cairo_set_source_rgb (cr, RGB (series_color (self, s)));
      cairo_fill (cr);
      _kp_chart_show_layout (cr, name, x + SWATCH + SWATCH_GAP,
                             y + (lo->legend_line - _kp_chart_get_height (name)) / 2, COLOR_TEXT);
    }
}

/* One row's segments, clipped to the rounded bar, with each count written where it fits. */
static void
draw_segments (const KpStackedChart *self, const ChartLayout *lo, cairo_t *cr, guint row,
               double zero_x, double top, double bar_width, PangoLayout *count)
{
  double x = zero_x;

  cairo_save (cr);
  _kp_chart_bar_path (cr, zero_x, top, bar_width, lo->bar_height, BAR_RADIUS);
  cairo_clip (cr);
  for (guint s = 0; s < n_series (self); s++)
    {
      guint value = count_at (self, row, s);
      double w = value / lo->axis_max * lo->plot_width;
      guint32 color = series_color (self, s);
      char text[16];
      double tw, th;

      if (value == 0)
        continue;
      cairo_rectangle (cr, x, top, w, lo->bar_height);
      cairo_set_source_rgb (cr, RGB (color));
      cairo_fill (cr);
      /* A hairline of the page between segments keeps neighbouring colours apart in grey. */
      if (x > zero_x)
        {
          cairo_set_source_rgb (cr, RGB (COLOR_BACKGROUND));
          cairo_rectangle (cr, x - 0.5, top, 1.0, lo->bar_height);
          cairo_fill (cr);
        }
      g_snprintf (text, sizeof text, "%u", value);
      pango_layout_set_text (count, text, -1);
      _kp_chart_get_size (count, &tw, &th);
      if (tw + 2 * SEGMENT_PAD <= w && th <= lo->bar_height + 2)
        _kp_chart_show_layout (cr, count, x + (w - tw) / 2, top + (lo->bar_height - th) / 2,
                               text_color_on (color));
      x += w;
    }
  cairo_restore (cr);
}

static void
draw_rows (const KpStackedChart *self, const ChartLayout *lo, cairo_t *cr)
{
  double rows_end = lo->rows_y + self->labels->len * lo->row_height;
  g_autoptr(PangoLayout) count = _kp_chart_new_layout (lo->context, "", SEGMENT_SIZE,
                                                       PANGO_WEIGHT_BOLD);

  _kp_chart_draw_gridlines (cr, lo->ticks->len, lo->plot_x, lo->plot_width, lo->step, lo->axis_max,
                            lo->rows_y, rows_end);

  for (guint r = 0; r < self->labels->len; r++)
    {
      PangoLayout *label = g_ptr_array_index (lo->labels, r);
      PangoLayout *total = g_ptr_array_index (lo->totals, r);
      double center = lo->rows_y + (r + 0.5) * lo->row_height;
      double bar_width = row_total (self, r) / lo->axis_max * lo->plot_width;
      double zero_x = round (lo->plot_x) + 0.5;   /* just right of the baseline */
      if (bar_width > 0.5)
        draw_segments (self, lo, cr, r, zero_x, center - lo->bar_height / 2,
                       MAX (bar_width - 0.5, 0.5), count);

      _kp_chart_show_bar_value (cr, total, lo->plot_x + bar_width + VALUE_GAP, center);
      _kp_chart_show_layout (cr, label, MARGIN_X, center - _kp_chart_get_height (label) / 2,
                             COLOR_TEXT);
    }

  _kp_chart_draw_axis_labels (cr, lo->ticks, lo->plot_x, lo->plot_width, lo->step, lo->axis_max,
                              lo->ticks_y, lo->caption, lo->caption_y, MARGIN_X);
}

/**
 * kp_stacked_chart_new:
 * @title: (nullable): the chart's heading
 * @value_label: (nullable): the caption of the value axis
 * @series: the names of the series, in stacking order
 *
 * Returns: (transfer full): a new chart without rows; free with kp_stacked_chart_free()
 */
KpStackedChart *
kp_stacked_chart_new (const char *title, const char *value_label, GStrv series)
{
  KpStackedChart *self;

  g_return_val_if_fail (series != NULL && series[0] != NULL, NULL);

  self = g_new0 (KpStackedChart, 1);
  self->title = _kp_chart_clean_text (title);
  self->value_label = _kp_chart_clean_text (value_label);
  self->series = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; series[s] != NULL; s++)
    g_ptr_array_add (self->series, _kp_chart_clean_text (series[s]));
  self->neutral = -1;
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
kp_stacked_chart_free (KpStackedChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->value_label);
  g_ptr_array_unref (chart->series);
  g_ptr_array_unref (chart->labels);
  g_array_unref (chart->counts);
  g_free (chart);
}

void
kp_stacked_chart_set_subtitle (KpStackedChart *chart, const char *subtitle)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->subtitle, g_free);
  if (subtitle != NULL && *subtitle != '\0')
    chart->subtitle = _kp_chart_clean_text (subtitle);
}

void
kp_stacked_chart_set_neutral_series (KpStackedChart *chart, guint index)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (index < n_series (chart));

  chart->neutral = (int) index;
}

void
kp_stacked_chart_add_row (KpStackedChart *chart, const char *label, const guint *counts)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (counts != NULL);

  g_ptr_array_add (chart->labels, _kp_chart_clean_text (label));
  g_array_append_vals (chart->counts, counts, n_series (chart));
}

const char *
kp_stacked_chart_get_title (const KpStackedChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title;
}

const char *
kp_stacked_chart_get_subtitle (const KpStackedChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->subtitle;
}

guint
kp_stacked_chart_get_n_rows (const KpStackedChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->labels->len;
}

guint
kp_stacked_chart_get_n_series (const KpStackedChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return n_series (chart);
}

const char *
kp_stacked_chart_get_row_label (const KpStackedChart *chart, guint row)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (row < chart->labels->len, NULL);
  return g_ptr_array_index (chart->labels, row);
}

const char *
kp_stacked_chart_get_series_name (const KpStackedChart *chart, guint series)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (series < n_series (chart), NULL);
  return g_ptr_array_index (chart->series, series);
}

guint
kp_stacked_chart_get_count (const KpStackedChart *chart, guint row, guint series)
{
  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (row < chart->labels->len && series < n_series (chart), 0);
  return count_at (chart, row, series);
}

guint64
kp_stacked_chart_get_row_total (const KpStackedChart *chart, guint row)
{
  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (row < chart->labels->len, 0);
  return row_total (chart, row);
}

double
kp_stacked_chart_get_natural_height (const KpStackedChart *chart, double width)
{
  cairo_t *cr;
  ChartLayout lo;
  double height;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (width > 0, 0);

  cr = _kp_chart_create_scratch ();
  chart_layout_init (&lo, chart, cr, width, -1);
  height = ceil (lo.height);
  chart_layout_clear (&lo);
  cairo_destroy (cr);
  return height;
}

void
kp_stacked_chart_draw (gconstpointer chart, cairo_t *cr, double width, double height)
{
  const KpStackedChart *self = chart;
  ChartLayout lo;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  _kp_chart_begin_page (cr, width, height);

  chart_layout_init (&lo, self, cr, width, height);
  _kp_chart_show_header (cr, MARGIN_X, lo.title, lo.title_y, lo.subtitle, lo.subtitle_y);

  if (lo.empty != NULL)
    {
      _kp_chart_show_empty (cr, lo.empty, width, height, lo.rows_y, MARGIN_BOTTOM);
    }
  else
    {
      draw_legend (self, &lo, cr);
      draw_rows (self, &lo, cr);
    }

  chart_layout_clear (&lo);
  cairo_restore (cr);
}
