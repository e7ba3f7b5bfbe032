/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-radar.c: a radar chart of one person's competency levels against the standard of the
 * position, drawn into any cairo_t so that the profile window and the A4 PDF show the same. */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kompeten/kp-chart.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans"
#define LEVEL_MAX 5
#define LABEL_ROOM 26.0 /* between the outer ring and the box, for the spoke labels */
#define RGB(hex) ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0

typedef struct {
  char *label;
  int required;
  int attained;
} Spoke;

struct _KpRadar
{
  GArray *spokes; /* of Spoke */
};

static void
clear_spoke (gpointer data)
{
  Spoke *spoke = data;

  g_free (spoke->label);
}

KpRadar *
kp_radar_new (void)
{
  KpRadar *radar = g_new0 (KpRadar, 1);

  radar->spokes = g_array_new (FALSE, FALSE, sizeof (Spoke));
  g_array_set_clear_func (radar->spokes, clear_spoke);
  return radar;
}

void
kp_radar_free (KpRadar *radar)
{
  if (radar == NULL)
    return;
  g_array_unref (radar->spokes);
  g_free (radar);
}

void
kp_radar_add (KpRadar *radar, const char *label, int required, int attained)
{
  Spoke spoke;

  g_return_if_fail (radar != NULL);

  spoke.label = g_utf8_make_valid (label != NULL ? label : "", -1);
  spoke.required = CLAMP (required, 0, LEVEL_MAX);
  spoke.attained = CLAMP (attained, 0, LEVEL_MAX);
  g_array_append_val (radar->spokes, spoke);
}

guint
kp_radar_get_n_spokes (const KpRadar *radar)
{
  g_return_val_if_fail (radar != NULL, 0);
  return radar->spokes->len;
}

/* Text centred on (@x, @y), at most @width wide. */
static void
show_centred (cairo_t *cr, const char *text, double size, gboolean bold, double x, double y,
              double width, guint32 colour)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_set_source_rgb (cr, RGB (colour));
  cairo_move_to (cr, x - width / 2, y - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

/* The polygon through each spoke's attained (or required) level. */
static void
trace (cairo_t *cr, const KpRadar *radar, double cx, double cy, double r, gboolean attained)
{
  guint n = radar->spokes->len;

  for (guint k = 0; k < n; k++)
    {
      const Spoke *spoke = &g_array_index (radar->spokes, Spoke, k);
      double a = -G_PI / 2 + 2 * G_PI * k / n;
      double rr = r * (attained ? spoke->attained : spoke->required) / LEVEL_MAX;

      if (k == 0)
        cairo_move_to (cr, cx + rr * cos (a), cy + rr * sin (a));
      else
        cairo_line_to (cr, cx + rr * cos (a), cy + rr * sin (a));
    }
  cairo_close_path (cr);
}

void
kp_radar_draw (gconstpointer chart, cairo_t *cr, double width, double height)
{
  const KpRadar *radar = chart;
  static const double dash[] = { 4.0, 3.0 };
  double cx = width / 2, cy = height / 2;
  double r = MIN (width, height) / 2 - LABEL_ROOM;
  guint n;

  g_return_if_fail (radar != NULL && cr != NULL);

  n = radar->spokes->len;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  if (n < 3 || r <= 4)
    {
      show_centred (cr, _("Too few competencies with a standard for a radar chart."), 9, FALSE,
                    cx, cy, MAX (width - 16, 1), 0x5e5c64);
      cairo_restore (cr);
      return;
    }

  /* Rings 1–5 and the spokes, with each spoke's label beyond the outer ring. */
  cairo_set_line_width (cr, 0.6);
  for (int ring = 1; ring <= LEVEL_MAX; ring++)
    {
      for (guint k = 0; k <= n; k++)
        {
          double a = -G_PI / 2 + 2 * G_PI * (k % n) / n;
          double rr = r * ring / LEVEL_MAX;

          if (k == 0)
            cairo_move_to (cr, cx + rr * cos (a), cy + rr * sin (a));
          else
            cairo_line_to (cr, cx + rr * cos (a), cy + rr * sin (a));
        }
      cairo_set_source_rgb (cr, RGB (0xdeddda));
      cairo_stroke (cr);
    }
  for (guint k = 0; k < n; k++)
    {
      double a = -G_PI / 2 + 2 * G_PI * k / n;

      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
      cairo_set_source_rgb (cr, RGB (0xdeddda));
      cairo_stroke (cr);
      show_centred (cr, g_array_index (radar->spokes, Spoke, k).label, 8, TRUE,
                    cx + (r + 14) * cos (a), cy + (r + 12) * sin (a), 44, 0x3d3846);
    }

  /* The standard, then the person on top. */
  trace (cr, radar, cx, cy, r, FALSE);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 1.4);
  cairo_set_source_rgb (cr, RGB (0x77767b));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  trace (cr, radar, cx, cy, r, TRUE);
  cairo_set_source_rgba (cr, RGB (0x3584e4), 0.25);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.8);
  cairo_set_source_rgb (cr, RGB (0x1c71d8));
  cairo_stroke (cr);
  cairo_restore (cr);
}
