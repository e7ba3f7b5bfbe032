/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-chart-util.c: text, axis and drawing helpers the charts share (see kp-chart-private.h). */

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

cairo_t *
_kp_chart_create_scratch (void)
{
  /* Text is measured the same on any surface (unhinted metrics); a 1x1 image is the cheapest.
   * The context keeps the surface alive. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

void
_kp_chart_begin_page (cairo_t *cr, double width, double height)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, RGB (COLOR_BACKGROUND));
  cairo_paint (cr);
}

double
_kp_chart_layout_header (PangoContext *context, const char *title, const char *subtitle,
                         double inner_width, double y, PangoLayout **title_layout,
                         double *title_y, PangoLayout **subtitle_layout, double *subtitle_y)
{
  if (*title != '\0')
    {
      *title_layout = _kp_chart_new_layout (context, title, TITLE_SIZE, PANGO_WEIGHT_BOLD);
      pango_layout_set_width (*title_layout, (int) (inner_width * PANGO_SCALE));
      pango_layout_set_wrap (*title_layout, PANGO_WRAP_WORD_CHAR);
      *title_y = y;
      y += _kp_chart_get_height (*title_layout);
    }
  if (subtitle != NULL)
    {
      *subtitle_layout = _kp_chart_new_layout (context, subtitle, SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL);
      pango_layout_set_width (*subtitle_layout, (int) (inner_width * PANGO_SCALE));
      pango_layout_set_wrap (*subtitle_layout, PANGO_WRAP_WORD_CHAR);
      if (*title_layout != NULL)
        y += SUBTITLE_GAP;
      *subtitle_y = y;
      y += _kp_chart_get_height (*subtitle_layout);
    }
  return y;
}

void
_kp_chart_show_header (cairo_t *cr, double margin_x, PangoLayout *title, double title_y,
                       PangoLayout *subtitle, double subtitle_y)
{
  if (title != NULL)
    _kp_chart_show_layout (cr, title, margin_x, title_y, COLOR_TITLE);
  if (subtitle != NULL)
    _kp_chart_show_layout (cr, subtitle, margin_x, subtitle_y, COLOR_DIM);
}

void
_kp_chart_show_empty (cairo_t *cr, PangoLayout *empty, double width, double height, double top,
                      double margin_bottom)
{
  double w, h;

  _kp_chart_get_size (empty, &w, &h);
  _kp_chart_show_layout (cr, empty, (width - w) / 2,
                         top + MAX ((height - top - margin_bottom - h) / 2, 0), COLOR_DIM);
}

void
_kp_chart_bar_path (cairo_t *cr, double x, double y, double width, double height, double radius)
{
  double r = MIN (radius, MIN (height / 2, width));

  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width - r, y);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_line_to (cr, x + width, y + height - r);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_line_to (cr, x, y + height);
  cairo_close_path (cr);
}

void
_kp_chart_draw_gridlines (cairo_t *cr, guint n_ticks, double plot_x, double plot_width,
                          double step, double axis_max, double top, double bottom)
{
  /* Gridlines on whole units, so they stay sharp on the 1x and 2x images. */
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < n_ticks; i++)
    {
      double x = round (plot_x + i * step / axis_max * plot_width);

      cairo_set_source_rgb (cr, RGB (i == 0 ? COLOR_BASELINE : COLOR_GRID));
      cairo_move_to (cr, x, top - 4);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
    }
}

void
_kp_chart_show_bar_value (cairo_t *cr, PangoLayout *value, double x, double center)
{
  double w, h;

  _kp_chart_get_size (value, &w, &h);
  cairo_rectangle (cr, x - 2, center - h / 2, w + 4, h);
  cairo_set_source_rgb (cr, RGB (COLOR_BACKGROUND));
  cairo_fill (cr);
  _kp_chart_show_layout (cr, value, x, center - h / 2, COLOR_TEXT);
}

void
_kp_chart_draw_axis_labels (cairo_t *cr, GPtrArray *ticks, double plot_x, double plot_width,
                            double step, double axis_max, double ticks_y, PangoLayout *caption,
                            double caption_y, double margin_x)
{
  for (guint i = 0; i < ticks->len; i++)
    {
      PangoLayout *tick = g_ptr_array_index (ticks, i);
      double x = plot_x + i * step / axis_max * plot_width;

      _kp_chart_show_layout (cr, tick, x - _kp_chart_get_width (tick) / 2, ticks_y, COLOR_DIM);
    }

  if (caption != NULL)
    {
      double width = _kp_chart_get_width (caption);
      double x = plot_x + (plot_width - width) / 2;

      /* Centred under the axis, but never off the page for a long caption. */
      x = CLAMP (x, margin_x, MAX (plot_x + plot_width + margin_x - width, margin_x));
      _kp_chart_show_layout (cr, caption, x, caption_y, COLOR_DIM);
    }
}
