/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-bar-chart.c: a horizontal bar chart (one labelled bar per category), drawn with Cairo and
 * PangoCairo only, so the same code serves the window, PNG, PDF, SVG and printing.
 *
 * Everything is measured in user units; a user unit is a CSS pixel in the window and a point in
 * PDF/SVG, so a chart exported at the same width looks the same everywhere. Font sizes are given
 * in points and converted to user units at 96 dpi (the window's convention). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kompeten/kp-chart.h"
#include "kp-chart-private.h"

struct _KpBarChart
{
  char *title;        /* "" when none */
  char *subtitle;     /* NULL when none */
  char *value_label;  /* "" when none */
  GPtrArray *labels;  /* of char *, owned */
  GArray *values;     /* of gint64 */
  gint64 total;
};

#define LABEL_SIZE (10.0 * PT)
#define VALUE_SIZE (9.5 * PT)
#define TICK_SIZE (9.0 * PT)
#define CAPTION_SIZE (10.0 * PT)
#define EMPTY_SIZE (11.0 * PT)

#define MARGIN_X 24.0
#define MARGIN_TOP 20.0
#define MARGIN_BOTTOM 18.0
#define HEADER_GAP 18.0
#define LABEL_GAP 12.0        /* between the label column and the value axis */
#define VALUE_GAP 6.0         /* between a bar's end and its value */
#define LABEL_FRACTION 0.4    /* the label column never takes more of the width */
#define MIN_PLOT_WIDTH 120.0
#define MAX_LABEL_LINES 2
#define ROW_PADDING 10.0      /* keeps two-line labels of neighbouring rows apart */
#define MIN_ROW_HEIGHT 26.0
#define MAX_ROW_STRETCH 1.5   /* rows grow at most this much when given more height */
#define BAR_FRACTION 0.62
#define MAX_BAR_HEIGHT 24.0
#define BAR_RADIUS 3.0
#define TICK_GAP 6.0          /* between the last row and the tick labels */
#define CAPTION_GAP 8.0
#define EMPTY_HEIGHT 96.0

#define COLOR_BAR 0x3584e4

/* Everything the chart needs to be drawn at one size, measured once so that drawing and
 * kp_bar_chart_get_natural_height() cannot disagree. */
typedef struct
{
  PangoContext *context;
  PangoLayout *title;      /* NULL when there is none */
  PangoLayout *subtitle;   /* NULL when there is none */
  PangoLayout *caption;    /* NULL when there is none */
  PangoLayout *empty;      /* "No data", only for a chart without bars */
  GPtrArray *labels;       /* of PangoLayout, one per bar */
  GPtrArray *values;       /* of PangoLayout, one per bar */
  GPtrArray *ticks;        /* of PangoLayout, one per gridline */

  double title_y;
  double subtitle_y;
  double rows_y;           /* top of the first bar row */
  double row_height;
  double bar_height;
  double label_x;
  double label_width;
  double plot_x;           /* where value 0 is */
  double plot_width;       /* from value 0 to axis_max */
  double axis_max;
  double step;
  double ticks_y;
  double caption_y;
  double height;           /* the height laid out for (the natural one when asked for it) */
} ChartLayout;

static void
chart_free (gpointer data)
{
  KpBarChart *self = data;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->value_label);
  g_ptr_array_unref (self->labels);
  g_array_unref (self->values);
}

static gint64
get_max_value (const KpBarChart *self)
{
  gint64 max = 0;

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, gint64, i));

  return max;
}

static void
chart_layout_clear (ChartLayout *lo)
{
  g_clear_object (&lo->title);
  g_clear_object (&lo->subtitle);
  g_clear_object (&lo->caption);
  g_clear_object (&lo->empty);
  g_clear_pointer (&lo->labels, g_ptr_array_unref);
  g_clear_pointer (&lo->values, g_ptr_array_unref);
  g_clear_pointer (&lo->ticks, g_ptr_array_unref);
  g_clear_object (&lo->context);
}

/* Lays the chart out in @width; @height < 0 asks for the natural height. */
static void
chart_layout_init (ChartLayout *lo, const KpBarChart *self, cairo_t *cr, double width, double height)
{
  double inner_width = MAX (width - 2 * MARGIN_X, 1.0);
  double y = MARGIN_TOP;
  double value_width = 0;
  double label_natural = 0;
  double reserve_right;
  double line_height;
  double natural_row;
  double bottom;
  double last_tick_half;
  guint lines = 1;
  guint n_bars = self->values->len;

  memset (lo, 0, sizeof *lo);
  lo->context = _kp_chart_create_context (cr);
  lo->labels = g_ptr_array_new_with_free_func (g_object_unref);
  lo->values = g_ptr_array_new_with_free_func (g_object_unref);
  lo->ticks = g_ptr_array_new_with_free_func (g_object_unref);

  y = _kp_chart_layout_header (lo->context, self->title, self->subtitle, inner_width, y, &lo->title,
                               &lo->title_y, &lo->subtitle, &lo->subtitle_y);
  if (lo->title != NULL || lo->subtitle != NULL)
    y += HEADER_GAP;
  lo->rows_y = y;

  if (n_bars == 0)
    {
      lo->empty = _kp_chart_new_layout (lo->context, _("No data"), EMPTY_SIZE, PANGO_WEIGHT_NORMAL);
      lo->height = height >= 0 ? height : y + EMPTY_HEIGHT + MARGIN_BOTTOM;
      return;
    }

  /* Columns: labels, then the plot, then room for the longest value after the longest bar. */
  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *text = _kp_chart_format_count (g_array_index (self->values, gint64, i));
      PangoLayout *value = _kp_chart_new_layout (lo->context, text, VALUE_SIZE, PANGO_WEIGHT_NORMAL);
      PangoLayout *label = _kp_chart_new_layout (lo->context, g_ptr_array_index (self->labels, i),
                                       LABEL_SIZE, PANGO_WEIGHT_NORMAL);

      value_width = MAX (value_width, _kp_chart_get_width (value));
      label_natural = MAX (label_natural, _kp_chart_get_width (label));
      g_ptr_array_add (lo->values, value);
      g_ptr_array_add (lo->labels, label);
    }

  reserve_right = VALUE_GAP + value_width;
  lo->label_width = MIN (ceil (label_natural), inner_width * LABEL_FRACTION);
  lo->plot_width = inner_width - lo->label_width - LABEL_GAP - reserve_right;
  if (lo->plot_width < MIN_PLOT_WIDTH)
    {
      /* A narrow chart: give the bars their minimum before the labels. */
      lo->label_width = MAX (lo->label_width - (MIN_PLOT_WIDTH - lo->plot_width), inner_width * 0.2);
      lo->plot_width = MAX (inner_width - lo->label_width - LABEL_GAP - reserve_right, 1.0);
    }
  lo->label_x = MARGIN_X;
  lo->plot_x = MARGIN_X + lo->label_width + LABEL_GAP;

  _kp_chart_make_ticks (lo->context, (double) get_max_value (self), lo->plot_width, TICK_SIZE,
                        lo->ticks, &lo->step, &lo->axis_max);
  /* The last tick label is centred on the plot's end; keep it inside the margin. */
  last_tick_half = _kp_chart_get_width (g_ptr_array_index (lo->ticks, lo->ticks->len - 1)) / 2;
  if (last_tick_half > reserve_right)
    lo->plot_width = MAX (lo->plot_width - (last_tick_half - reserve_right), 1.0);

  /* Rows: tall enough for the labels that wrap, at most two lines each. */
  for (guint i = 0; i < n_bars; i++)
    {
      PangoLayout *label = g_ptr_array_index (lo->labels, i);

      pango_layout_set_width (label, (int) (lo->label_width * PANGO_SCALE));
      pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      lines = MAX (lines, MIN ((guint) pango_layout_get_line_count (label), MAX_LABEL_LINES));
    }
  {
    g_autoptr(PangoLayout) probe = _kp_chart_new_layout (lo->context, "Ag", LABEL_SIZE, PANGO_WEIGHT_NORMAL);

    line_height = _kp_chart_get_height (probe);
  }
  natural_row = MAX (lines * line_height + ROW_PADDING, MIN_ROW_HEIGHT);

  bottom = TICK_GAP + _kp_chart_get_height (g_ptr_array_index (lo->ticks, 0)) + MARGIN_BOTTOM;
  if (*self->value_label != '\0')
    {
      lo->caption = _kp_chart_new_layout (lo->context, self->value_label, CAPTION_SIZE, PANGO_WEIGHT_NORMAL);
      pango_layout_set_width (lo->caption, (int) (inner_width * PANGO_SCALE));
      pango_layout_set_ellipsize (lo->caption, PANGO_ELLIPSIZE_END);
      bottom += CAPTION_GAP + _kp_chart_get_height (lo->caption);
    }

  if (height < 0)
    {
      lo->row_height = natural_row;
      lo->height = y + n_bars * natural_row + bottom;
    }
  else
    {
      lo->row_height = MIN ((height - y - bottom) / n_bars, natural_row * MAX_ROW_STRETCH);
      lo->row_height = MAX (lo->row_height, 1.0);
      lo->height = height;
    }

  /* When squeezed, show fewer lines, and shrink the text rather than let rows overlap. */
  {
    double room = lo->row_height - 2.0;
    int fit = (int) CLAMP (floor (room / line_height), 1, MAX_LABEL_LINES);

    if (room < line_height)
      {
        double scale = MAX (room, 1.0) / line_height;

        for (guint i = 0; i < n_bars; i++)
          {
            _kp_chart_set_layout_size (g_ptr_array_index (lo->labels, i), LABEL_SIZE * scale);
            _kp_chart_set_layout_size (g_ptr_array_index (lo->values, i), VALUE_SIZE * scale);
          }
      }

    for (guint i = 0; i < n_bars; i++)
      {
        PangoLayout *label = g_ptr_array_index (lo->labels, i);

        pango_layout_set_height (label, -fit);
        pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      }
  }

  lo->bar_height = MIN (lo->row_height * BAR_FRACTION, MAX_BAR_HEIGHT);
  lo->ticks_y = lo->rows_y + n_bars * lo->row_height + TICK_GAP;
  lo->caption_y = lo->ticks_y + _kp_chart_get_height (g_ptr_array_index (lo->ticks, 0)) + CAPTION_GAP;
}

static void
draw_bars (const KpBarChart *self, const ChartLayout *lo, cairo_t *cr)
{
  double rows_end = lo->rows_y + self->values->len * lo->row_height;

  _kp_chart_draw_gridlines (cr, lo->ticks->len, lo->plot_x, lo->plot_width, lo->step, lo->axis_max,
                            lo->rows_y, rows_end);

  for (guint i = 0; i < self->values->len; i++)
    {
      gint64 value = g_array_index (self->values, gint64, i);
      PangoLayout *label = g_ptr_array_index (lo->labels, i);
      PangoLayout *text = g_ptr_array_index (lo->values, i);
      double center = lo->rows_y + (i + 0.5) * lo->row_height;
      double bar_width = value / lo->axis_max * lo->plot_width;
      double zero_x = round (lo->plot_x) + 0.5;   /* just right of the baseline */

      if (bar_width > 0.5)
        {
          _kp_chart_bar_path (cr, zero_x, center - lo->bar_height / 2, MAX (bar_width - 0.5, 0.5),
                              lo->bar_height, BAR_RADIUS);
          cairo_set_source_rgb (cr, RGB (COLOR_BAR));
          cairo_fill (cr);
        }

      _kp_chart_show_bar_value (cr, text, lo->plot_x + bar_width + VALUE_GAP, center);
      _kp_chart_show_layout (cr, label, lo->label_x, center - _kp_chart_get_height (label) / 2, COLOR_TEXT);
    }

  _kp_chart_draw_axis_labels (cr, lo->ticks, lo->plot_x, lo->plot_width, lo->step, lo->axis_max,
                              lo->ticks_y, lo->caption, lo->caption_y, MARGIN_X);
}

/**
 * kp_bar_chart_new:
 * @title: (nullable): the chart's heading
 * @value_label: (nullable): the caption of the value axis
 *
 * Returns: (transfer full): a new chart without bars
 */
KpBarChart *
kp_bar_chart_new (const char *title, const char *value_label)
{
  KpBarChart *self = g_atomic_rc_box_new0 (KpBarChart);

  self->title = _kp_chart_clean_text (title);
  self->value_label = _kp_chart_clean_text (value_label);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (gint64));

  return self;
}

KpBarChart *
kp_bar_chart_ref (KpBarChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return g_atomic_rc_box_acquire (chart);
}

void
kp_bar_chart_unref (KpBarChart *chart)
{
  g_return_if_fail (chart != NULL);

  g_atomic_rc_box_release_full (chart, chart_free);
}

void
kp_bar_chart_set_subtitle (KpBarChart *chart, const char *subtitle)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->subtitle, g_free);
  if (subtitle != NULL && *subtitle != '\0')
    chart->subtitle = _kp_chart_clean_text (subtitle);
}

const char *
kp_bar_chart_get_title (const KpBarChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title;
}

const char *
kp_bar_chart_get_subtitle (const KpBarChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->subtitle;
}

void
kp_bar_chart_add (KpBarChart *chart, const char *label, gint64 value)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (value >= 0);

  g_ptr_array_add (chart->labels, _kp_chart_clean_text (label));
  g_array_append_val (chart->values, value);
  /* Saturate rather than overflow (undefined for signed integers). */
  chart->total = value > G_MAXINT64 - chart->total ? G_MAXINT64 : chart->total + value;
}

guint
kp_bar_chart_get_n_bars (const KpBarChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->values->len;
}

const char *
kp_bar_chart_get_label (const KpBarChart *chart, guint index)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (index < chart->labels->len, NULL);

  return g_ptr_array_index (chart->labels, index);
}

gint64
kp_bar_chart_get_value (const KpBarChart *chart, guint index)
{
  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (index < chart->values->len, 0);

  return g_array_index (chart->values, gint64, index);
}

gint64
kp_bar_chart_get_total (const KpBarChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->total;
}

double
kp_bar_chart_get_natural_height (const KpBarChart *chart, double width)
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
kp_bar_chart_draw (gconstpointer chart, cairo_t *cr, double width, double height)
{
  const KpBarChart *self = chart;
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
      draw_bars (self, &lo, cr);
    }

  chart_layout_clear (&lo);
  cairo_restore (cr);
}
