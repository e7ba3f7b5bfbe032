/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-heatmap.c: a rows × columns heatmap of shares, drawn into any cairo_t. The layout is
 * computed by one function that both drawing and hit-testing use, so a click lands on the cell
 * it shows. */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kompeten/kp-chart.h"
#include "kp-chart-private.h"

#define MARGIN 24.0
#define LABEL_SIZE (9.5 * PT)
#define CELL_TEXT_SIZE (8.5 * PT)
#define ROW_HEIGHT 26.0
#define HEADER_HEIGHT 28.0
#define LEGEND_HEIGHT 44.0
#define LABEL_FRACTION 0.34
#define GAP 2.0
#define MIN_CELL_WIDTH 44.0
#define MIN_LABEL_WIDTH 90.0

struct _KpHeatmap
{
  char *title;
  char *subtitle;
  char *legend;
  GStrv rows;
  GStrv columns;
  guint n_rows, n_columns;
  guint *num;
  guint *den;
};

typedef struct {
  double top;      /* of the header row (column codes) */
  double grid_x;   /* left edge of the first cell */
  double cell_w;
  double grid_top; /* of the first row of cells */
} Layout;

KpHeatmap *
kp_heatmap_new (const char *title, const char *legend, GStrv rows, GStrv columns)
{
  KpHeatmap *heatmap = g_new0 (KpHeatmap, 1);

  heatmap->title = g_strdup (title != NULL ? title : "");
  heatmap->legend = g_strdup (legend != NULL ? legend : "");
  heatmap->rows = g_strdupv (rows);
  heatmap->columns = g_strdupv (columns);
  heatmap->n_rows = rows != NULL ? g_strv_length (rows) : 0;
  heatmap->n_columns = columns != NULL ? g_strv_length (columns) : 0;
  heatmap->num = g_new0 (guint, MAX (heatmap->n_rows * heatmap->n_columns, 1));
  heatmap->den = g_new0 (guint, MAX (heatmap->n_rows * heatmap->n_columns, 1));
  return heatmap;
}

void
kp_heatmap_free (KpHeatmap *heatmap)
{
  if (heatmap == NULL)
    return;
  g_free (heatmap->title);
  g_free (heatmap->subtitle);
  g_free (heatmap->legend);
  g_strfreev (heatmap->rows);
  g_strfreev (heatmap->columns);
  g_free (heatmap->num);
  g_free (heatmap->den);
  g_free (heatmap);
}

void
kp_heatmap_set_subtitle (KpHeatmap *heatmap, const char *subtitle)
{
  g_return_if_fail (heatmap != NULL);
  g_free (heatmap->subtitle);
  heatmap->subtitle = g_strdup (subtitle);
}

void
kp_heatmap_set (KpHeatmap *heatmap, guint row, guint column, guint num, guint den)
{
  g_return_if_fail (heatmap != NULL);
  g_return_if_fail (row < heatmap->n_rows && column < heatmap->n_columns);
  g_return_if_fail (num <= den);

  heatmap->num[row * heatmap->n_columns + column] = num;
  heatmap->den[row * heatmap->n_columns + column] = den;
}

guint
kp_heatmap_get_n_rows (const KpHeatmap *heatmap)
{
  return heatmap->n_rows;
}

guint
kp_heatmap_get_n_columns (const KpHeatmap *heatmap)
{
  return heatmap->n_columns;
}

static double
header_height (const KpHeatmap *heatmap)
{
  return MARGIN + TITLE_SIZE * 1.4 + (heatmap->subtitle != NULL ? SUBTITLE_SIZE * 1.5 : 0) + 12.0;
}

double
kp_heatmap_get_min_width (const KpHeatmap *heatmap)
{
  g_return_val_if_fail (heatmap != NULL, 0);

  return 2 * MARGIN + 8.0 + MIN_LABEL_WIDTH + MIN_CELL_WIDTH * heatmap->n_columns;
}

static Layout
layout (const KpHeatmap *heatmap, double width)
{
  Layout l;
  double label_w = MIN (width * LABEL_FRACTION, 320.0);

  /* Narrow (the window beside its drill-down pane): the unit names, which ellipsize, give way
   * before the cells, whose codes and percentages do not. */
  if (heatmap->n_columns > 0 &&
      width - 2 * MARGIN - 8.0 - label_w < MIN_CELL_WIDTH * heatmap->n_columns)
    label_w = MAX (MIN_LABEL_WIDTH, width - 2 * MARGIN - 8.0 - MIN_CELL_WIDTH * heatmap->n_columns);

  l.top = header_height (heatmap);
  l.grid_x = MARGIN + label_w + 8.0;
  l.cell_w = heatmap->n_columns > 0
               ? MAX ((width - MARGIN - l.grid_x) / heatmap->n_columns, 12.0)
               : 0;
  l.grid_top = l.top + HEADER_HEIGHT;
  return l;
}

double
kp_heatmap_get_natural_height (const KpHeatmap *heatmap, double width)
{
  g_return_val_if_fail (heatmap != NULL, 0);
  return layout (heatmap, width).grid_top + MAX (heatmap->n_rows, 1) * ROW_HEIGHT + 12.0 +
         LEGEND_HEIGHT + MARGIN;
}

gboolean
kp_heatmap_hit (const KpHeatmap *heatmap, double width, double x, double y, guint *row,
                guint *column)
{
  Layout l;
  int r, c;

  g_return_val_if_fail (heatmap != NULL, FALSE);

  l = layout (heatmap, width);
  if (x < l.grid_x || y < l.grid_top || l.cell_w <= 0)
    return FALSE;
  c = (int) ((x - l.grid_x) / l.cell_w);
  r = (int) ((y - l.grid_top) / ROW_HEIGHT);
  if (c < 0 || r < 0 || (guint) c >= heatmap->n_columns || (guint) r >= heatmap->n_rows)
    return FALSE;
  if (row != NULL)
    *row = r;
  if (column != NULL)
    *column = c;
  return TRUE;
}

gboolean
kp_heatmap_get_cell_rect (const KpHeatmap *heatmap, double width, guint row, guint column,
                          double *x, double *y, double *w, double *h)
{
  Layout l;

  g_return_val_if_fail (heatmap != NULL, FALSE);

  l = layout (heatmap, width);
  if (row >= heatmap->n_rows || column >= heatmap->n_columns || l.cell_w <= 0)
    return FALSE;
  *x = l.grid_x + column * l.cell_w;
  *y = l.grid_top + row * ROW_HEIGHT;
  *w = l.cell_w;
  *h = ROW_HEIGHT;
  return TRUE;
}

/* White → amber → deep red as the share grows: readable printed in grey too. */
static void
set_share_colour (cairo_t *cr, double share)
{
  static const double stops[][3] = {
    { 1.00, 1.00, 1.00 }, { 0.99, 0.85, 0.55 }, { 0.90, 0.38, 0.24 }, { 0.65, 0.11, 0.15 },
  };
  double t = CLAMP (share, 0.0, 1.0) * 3.0;
  int i = MIN ((int) t, 2);
  double f = t - i;

  cairo_set_source_rgb (cr, stops[i][0] + (stops[i + 1][0] - stops[i][0]) * f,
                        stops[i][1] + (stops[i + 1][1] - stops[i][1]) * f,
                        stops[i][2] + (stops[i + 1][2] - stops[i][2]) * f);
}

/* One layout per font for the whole drawing: hundreds of cells would otherwise each build
 * their own, the costliest part of drawing. */
typedef struct {
  PangoLayout *layouts[4]; /* by Font */
} Fonts;

typedef enum { FONT_TITLE, FONT_SUBTITLE, FONT_LABEL, FONT_CELL } Font;

static void
fonts_init (Fonts *fonts, cairo_t *cr)
{
  static const struct { double size; gboolean bold; } specs[] = {
    { TITLE_SIZE, TRUE }, { SUBTITLE_SIZE, FALSE }, { LABEL_SIZE, FALSE }, { CELL_TEXT_SIZE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

      pango_font_description_set_absolute_size (font, specs[i].size * PANGO_SCALE);
      if (specs[i].bold)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      fonts->layouts[i] = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (fonts->layouts[i], font);
      pango_layout_set_ellipsize (fonts->layouts[i], PANGO_ELLIPSIZE_END);
      pango_font_description_free (font);
    }
}

static void
fonts_clear (Fonts *fonts)
{
  for (guint i = 0; i < G_N_ELEMENTS (fonts->layouts); i++)
    g_clear_object (&fonts->layouts[i]);
}

static void
text (cairo_t *cr, Fonts *fonts, Font font, const char *string, gboolean bold, double x,
      double y, double max_width, PangoAlignment align, guint32 colour)
{
  PangoLayout *pl = fonts->layouts[font];
  PangoAttrList *attrs = NULL;

  if (bold && font != FONT_TITLE)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    }
  pango_layout_set_attributes (pl, attrs);
  pango_layout_set_text (pl, string, -1);
  pango_layout_set_width (pl, (int) (max_width * PANGO_SCALE));
  pango_layout_set_alignment (pl, align);
  cairo_set_source_rgb (cr, RGB (colour));
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, pl);
  if (attrs != NULL)
    pango_attr_list_unref (attrs);
}

void
kp_heatmap_draw (gconstpointer data, cairo_t *cr, double width, double height)
{
  const KpHeatmap *heatmap = data;
  Fonts fonts;
  Layout l;
  double y;

  g_return_if_fail (heatmap != NULL);

  cairo_save (cr);
  fonts_init (&fonts, cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  text (cr, &fonts, FONT_TITLE, heatmap->title, TRUE, MARGIN, MARGIN, width - 2 * MARGIN,
        PANGO_ALIGN_LEFT, COLOR_TITLE);
  if (heatmap->subtitle != NULL)
    text (cr, &fonts, FONT_SUBTITLE, heatmap->subtitle, FALSE, MARGIN, MARGIN + TITLE_SIZE * 1.4,
          width - 2 * MARGIN, PANGO_ALIGN_LEFT, 0x5e5c64);

  l = layout (heatmap, width);
  if (heatmap->n_rows == 0 || heatmap->n_columns == 0)
    {
      text (cr, &fonts, FONT_LABEL, _("No data"), FALSE, MARGIN, l.top, width - 2 * MARGIN,
            PANGO_ALIGN_CENTER, 0x5e5c64);
      fonts_clear (&fonts);
      cairo_restore (cr);
      return;
    }

  for (guint c = 0; c < heatmap->n_columns; c++)
    text (cr, &fonts, FONT_LABEL, heatmap->columns[c], TRUE, l.grid_x + c * l.cell_w, l.top + 4,
          l.cell_w, PANGO_ALIGN_CENTER, 0x3d3846);

  for (guint r = 0; r < heatmap->n_rows; r++)
    {
      double row_y = l.grid_top + r * ROW_HEIGHT;

      text (cr, &fonts, FONT_LABEL, heatmap->rows[r], FALSE, MARGIN, row_y + (ROW_HEIGHT - LABEL_SIZE * 1.3) / 2,
            l.grid_x - MARGIN - 8.0, PANGO_ALIGN_RIGHT, 0x3d3846);
      for (guint c = 0; c < heatmap->n_columns; c++)
        {
          guint num = heatmap->num[r * heatmap->n_columns + c];
          guint den = heatmap->den[r * heatmap->n_columns + c];
          double x = l.grid_x + c * l.cell_w;
          char label[8];

          cairo_rectangle (cr, x + GAP / 2, row_y + GAP / 2, l.cell_w - GAP, ROW_HEIGHT - GAP);
          if (den == 0)
            cairo_set_source_rgb (cr, RGB (0xeeeeec));
          else
            set_share_colour (cr, (double) num / den);
          cairo_fill (cr);
          if (den == 0 || l.cell_w < 26)
            continue;
          /* Percent rounded half up, from integers. */
          g_snprintf (label, sizeof label, "%u", (num * 200 + den) / (den * 2));
          text (cr, &fonts, FONT_CELL, label, FALSE, x, row_y + (ROW_HEIGHT - CELL_TEXT_SIZE * 1.3) / 2,
                l.cell_w, PANGO_ALIGN_CENTER, (double) num / den > 0.55 ? 0xffffff : 0x241f31);
        }
    }

  /* The legend: the scale from 0 to 100 % and the grey "no data". */
  y = l.grid_top + heatmap->n_rows * ROW_HEIGHT + 12.0;
  for (int i = 0; i < 100; i++)
    {
      cairo_rectangle (cr, l.grid_x + i * 2.0, y, 2.0, 12.0);
      set_share_colour (cr, i / 99.0);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, RGB (0x9a9996));
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, l.grid_x, y, 200.0, 12.0);
  cairo_stroke (cr);
  text (cr, &fonts, FONT_CELL, "0 %", FALSE, l.grid_x - 40, y - 1, 36, PANGO_ALIGN_RIGHT, 0x5e5c64);
  text (cr, &fonts, FONT_CELL, "100 %", FALSE, l.grid_x + 204, y - 1, 60, PANGO_ALIGN_LEFT, 0x5e5c64);
  cairo_rectangle (cr, l.grid_x + 270, y, 14.0, 12.0);
  cairo_set_source_rgb (cr, RGB (0xeeeeec));
  cairo_fill (cr);
  text (cr, &fonts, FONT_CELL, _("no data"), FALSE, l.grid_x + 290, y - 1, 120, PANGO_ALIGN_LEFT,
        0x5e5c64);
  text (cr, &fonts, FONT_CELL, heatmap->legend, FALSE, l.grid_x, y + 16, width - l.grid_x - MARGIN,
        PANGO_ALIGN_LEFT, 0x5e5c64);
  fonts_clear (&fonts);
  cairo_restore (cr);
  (void) height;
}
