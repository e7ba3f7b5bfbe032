/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-heatmap.c: the unit × competency heatmap: it draws its cells in the colour of their
 * share, a click finds the cell it shows, and it grows with its rows. */

#include "config.h"

#include <glib/gstdio.h>

#include "kompeten/kp-chart.h"

static KpHeatmap *
make (void)
{
  const char *rows[] = { "Dinas Kesehatan", "Inspektorat", "Puskesmas Natar", NULL };
  const char *columns[] = { "M.01", "M.02", NULL };
  KpHeatmap *heatmap = kp_heatmap_new ("Competency Gaps by Unit", "Share below the standard",
                                       (GStrv) rows, (GStrv) columns);

  kp_heatmap_set (heatmap, 0, 0, 0, 10);   /* nobody below: white */
  kp_heatmap_set (heatmap, 0, 1, 10, 10);  /* everybody: deep red */
  kp_heatmap_set (heatmap, 1, 0, 1, 4);
  /* (1, 1) and row 2: no data, grey */
  return heatmap;
}

/* The colour at the centre of the cell (@row, @column) of a drawing @width wide. */
static guint32
cell_colour (KpHeatmap *heatmap, cairo_surface_t *surface, double width, guint row, guint column)
{
  int w = cairo_image_surface_get_width (surface);
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);

  cairo_surface_flush (surface);
  /* Walk the drawing until the hit test names the cell, then read the pixel a little in. */
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < w; x++)
      {
        guint r, c;

        if (kp_heatmap_hit (heatmap, width, x, y, &r, &c) && r == row && c == column)
          return *(guint32 *) (data + (y + 4) * stride + (x + 4) * 4) & 0xffffff;
      }
  g_assert_not_reached ();
  return 0;
}

static void
test_draw_and_hit (void)
{
  g_autoptr(KpHeatmap) heatmap = make ();
  double width = 700, height = kp_heatmap_get_natural_height (heatmap, width);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  guint32 none, all, quarter, grey;

  kp_heatmap_draw (heatmap, cr, width, height);
  cairo_destroy (cr);

  none = cell_colour (heatmap, surface, width, 0, 0);
  all = cell_colour (heatmap, surface, width, 0, 1);
  quarter = cell_colour (heatmap, surface, width, 1, 0);
  grey = cell_colour (heatmap, surface, width, 1, 1);
  g_assert_cmphex (none, ==, 0xffffff);
  /* Deep red: much more red than green or blue. */
  g_assert_cmpint ((all >> 16) & 0xff, >, 2 * ((all >> 8) & 0xff));
  g_assert_cmpint ((all >> 16) & 0xff, >, 2 * (all & 0xff));
  /* A quarter is between the two, and warmer than white. */
  g_assert_cmphex (quarter, !=, none);
  g_assert_cmpint (quarter & 0xff, <, 0xff);
  /* No data is grey: red, green and blue alike. */
  g_assert_cmpint ((grey >> 16) & 0xff, ==, (grey >> 8) & 0xff);
  cairo_surface_destroy (surface);

  /* Outside the grid there is no cell. */
  g_assert_false (kp_heatmap_hit (heatmap, width, 5, 5, NULL, NULL));
  g_assert_false (kp_heatmap_hit (heatmap, width, width / 2, height - 2, NULL, NULL));
}

/* At its minimum width every cell is still at least 44 px wide (the unit names give way):
 * walking a row across, each column's cell spans ≥ 44 px of hits. */
static void
test_min_width (void)
{
  g_auto(GStrv) rows = g_strsplit ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "|", -1);
  g_auto(GStrv) columns = g_strsplit ("M.01 M.02 M.03 M.04 M.05 M.06 M.07 M.08 SK.01", " ", -1);
  g_autoptr(KpHeatmap) heatmap = kp_heatmap_new ("Gaps", "Below the standard", rows, columns);
  double width = kp_heatmap_get_min_width (heatmap);
  guint spans[9] = { 0 };
  double y = -1;

  g_assert_cmpfloat (width, >=, 9 * 44.0);
  g_assert_cmpfloat (width, <, 700.0);
  /* Find the row's height: the first y with a hit in the last column. */
  for (int ty = 0; ty < 400 && y < 0; ty++)
    if (kp_heatmap_hit (heatmap, width, width - 40, ty, NULL, NULL))
      y = ty + 4;
  g_assert_cmpfloat (y, >, 0);
  for (int x = 0; x < (int) width; x++)
    {
      guint r, c;

      if (kp_heatmap_hit (heatmap, width, x, y, &r, &c))
        spans[c]++;
    }
  for (guint c = 0; c < 9; c++)
    g_assert_cmpuint (spans[c], >=, 43);

  /* The cell rectangles agree with the hit test: each centre hits its own cell. */
  for (guint c = 0; c < 9; c++)
    {
      double x, cy, w, h;
      guint r, hit;

      g_assert_true (kp_heatmap_get_cell_rect (heatmap, width, 0, c, &x, &cy, &w, &h));
      g_assert_cmpfloat (w, >=, 44.0);
      g_assert_true (kp_heatmap_hit (heatmap, width, x + w / 2, cy + h / 2, &r, &hit));
      g_assert_cmpuint (r, ==, 0);
      g_assert_cmpuint (hit, ==, c);
    }
  {
    double x, cy, w, h;

    g_assert_false (kp_heatmap_get_cell_rect (heatmap, width, 1, 0, &x, &cy, &w, &h));
    g_assert_false (kp_heatmap_get_cell_rect (heatmap, width, 0, 9, &x, &cy, &w, &h));
  }
}

static void
test_grows_and_renders (void)
{
  const char *rows[51];
  const char *columns[] = { "M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08",
                            "SK.01", NULL };
  g_autoptr(KpHeatmap) small = make ();
  g_autoptr(KpHeatmap) big = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kp-heatmap-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "heatmap.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "heatmap.pdf", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 start;

  for (guint i = 0; i < 50; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("Unit Kerja %02u", i + 1));
      rows[i] = g_ptr_array_index (names, i);
    }
  rows[50] = NULL;
  big = kp_heatmap_new ("Competency Gaps by Unit", "Share below the standard", (GStrv) rows,
                        (GStrv) columns);
  for (guint r = 0; r < 50; r++)
    for (guint c = 0; c < 9; c++)
      kp_heatmap_set (big, r, c, (r * 7 + c * 3) % 11, 10 + c);
  g_assert_cmpfloat (kp_heatmap_get_natural_height (big, 900), >,
                     kp_heatmap_get_natural_height (small, 900) + 40 * 20);

  /* 50 units: drawn well inside the 200 ms the issue asks for (a benchmark, not a timing
   * test: here only that it finishes and writes real files). */
  start = g_get_monotonic_time ();
  g_assert_true (kp_chart_render_to_file (kp_heatmap_draw, big, KP_CHART_FORMAT_PNG, 900,
                                          kp_heatmap_get_natural_height (big, 900), png, &error));
  g_assert_no_error (error);
  g_test_message ("50 × 9 heatmap as PNG: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (kp_chart_render_to_file (kp_heatmap_draw, big, KP_CHART_FORMAT_PDF, 900,
                                          kp_heatmap_get_natural_height (big, 900), pdf, &error));
  g_assert_no_error (error);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 10000);
    g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
    g_free (g_steal_pointer (&contents));
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }
  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_empty (void)
{
  const char *none[] = { NULL };
  g_autoptr(KpHeatmap) heatmap = kp_heatmap_new ("Empty", "", (GStrv) none, (GStrv) none);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (surface);

  kp_heatmap_draw (heatmap, cr, 400, 200);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_false (kp_heatmap_hit (heatmap, 400, 200, 100, NULL, NULL));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/heatmap/draw-and-hit", test_draw_and_hit);
  g_test_add_func ("/heatmap/grows-and-renders", test_grows_and_renders);
  g_test_add_func ("/heatmap/empty", test_empty);
  g_test_add_func ("/heatmap/min-width", test_min_width);
  return g_test_run ();
}
