/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-chart-util.c: text and axis helpers the charts share (see kp-chart-private.h). */

#include "config.h"

#include <math.h>

#include "kp-chart-private.h"

#define TICK_SPACING 80.0     /* aim for a gridline about every this many units */
#define TICK_LABEL_GAP 10.0   /* minimum room between neighbouring tick labels */

/* Pango warns on invalid UTF-8 and lays out control characters as boxes; labels come from the
 * database, so clean them here once. */
char *
_kp_chart_clean_text (const char *text)
{
  char *clean = g_utf8_make_valid (text != NULL ? text : "", -1);

  return g_strdelimit (clean, "\n\r\t\v\f", ' ');
}

char *
_kp_chart_format_count (gint64 value)
{
  /* The ' flag groups thousands as LC_NUMERIC says ("1.234" in Indonesian). */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

PangoContext *
_kp_chart_create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics keep text the same width at any scale, so the natural height measured on
   * a scratch surface holds on the 2x PNG and on paper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  /* Outline hinting would also distort small text on the 2x image; charts are scaled anyway. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  /* Whole-unit glyph positions would be whole points in a PDF and two pixels on the 2x image:
   * visibly uneven letter spacing. */
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

PangoLayout *
_kp_chart_new_layout (PangoContext *context, const char *text, double size, PangoWeight weight)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  /* Absolute sizes are in user units, independent of the context's resolution, which differs
   * between image, vector and print targets. */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

void
_kp_chart_set_layout_size (PangoLayout *layout, double size)
{
  PangoFontDescription *desc = pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

void
_kp_chart_get_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
_kp_chart_get_width (PangoLayout *layout)
{
  double width;

  _kp_chart_get_size (layout, &width, NULL);
  return width;
}

double
_kp_chart_get_height (PangoLayout *layout)
{
  double height;

  _kp_chart_get_size (layout, NULL, &height);
  return height;
}

void
_kp_chart_show_layout (cairo_t *cr, PangoLayout *layout, double x, double y, guint32 color)
{
  cairo_set_source_rgb (cr, RGB (color));
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The 1, 2, 5 × 10^n nearest to @raw (Heckbert's "nice numbers"): rounding rather than
 * always going up keeps the axis from running far past the longest bar. */
static double
nice_step (double raw)
{
  double magnitude;
  double normal;

  if (raw <= 1.0)
    return 1.0;   /* values are whole numbers: no gridline between them */

  magnitude = pow (10.0, floor (log10 (raw)));
  normal = raw / magnitude;
  if (normal < 1.5)
    return magnitude;
  if (normal < 3.0)
    return 2.0 * magnitude;
  if (normal < 7.0)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

/* The next coarser step after @step, itself one of 1, 2, 5 × 10^n. */
static double
next_step (double step)
{
  double magnitude = pow (10.0, floor (log10 (step) + 1e-9));
  double normal = step / magnitude;

  if (normal < 1.5)
    return 2.0 * magnitude;
  if (normal < 3.0)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

void
_kp_chart_make_ticks (PangoContext *context, double max_value, double plot_width,
                      double tick_size, GPtrArray *ticks, double *step, double *axis_max)
{
  guint target = (guint) CLAMP (round (plot_width / TICK_SPACING), 2, 10);

  *step = nice_step (max_value / target);

  /* Widen the step until the tick labels do not touch each other. */
  for (;;)
    {
      guint n_ticks;
      double widest = 0;

      *axis_max = MAX (ceil (max_value / *step), 1.0) * *step;
      n_ticks = (guint) llround (*axis_max / *step) + 1;

      g_ptr_array_set_size (ticks, 0);
      for (guint i = 0; i < n_ticks; i++)
        {
          /* As a double: the last tick may lie beyond G_MAXINT64 for absurd values. */
          g_autofree char *text = g_strdup_printf ("%'.0f", i * *step);
          PangoLayout *tick = _kp_chart_new_layout (context, text, tick_size, PANGO_WEIGHT_NORMAL);

          widest = MAX (widest, _kp_chart_get_width (tick));
          g_ptr_array_add (ticks, tick);
        }

      if (n_ticks <= 2 || *step / *axis_max * plot_width >= widest + TICK_LABEL_GAP)
        break;

      *step = next_step (*step);
    }
}
