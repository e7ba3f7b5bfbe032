/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bar-chart.c: the head-count chart as a user meets it: files that open, text that can be
 * found, bars that are drawn, failures that leave nothing behind. */

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "kompeten/kp-chart.h"

#include "report-test-util.h"

/* The real units of the regional office: long names that must wrap. */
static const struct
{
  const char *name;
  gint64 count;
} units[] = {
  { "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", 62 },
  { "Sekretariat Daerah", 148 },
  { "Sekretariat Dewan Perwakilan Rakyat Daerah", 57 },
  { "Inspektorat Daerah", 44 },
  { "Dinas Pendidikan dan Kebudayaan", 4213 },
  { "Dinas Kesehatan", 1580 },
  { "Rumah Sakit Umum Daerah Bob Bazar", 730 },
  { "Dinas Pekerjaan Umum dan Penataan Ruang", 121 },
  { "Dinas Perumahan Rakyat dan Kawasan Permukiman", 38 },
  { "Satuan Polisi Pamong Praja", 95 },
  { "Badan Penanggulangan Bencana Daerah", 41 },
  { "Dinas Sosial", 47 },
  { "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", 36 },
  { "Dinas Ketahanan Pangan", 40 },
  { "Dinas Lingkungan Hidup", 66 },
  { "Dinas Kependudukan dan Pencatatan Sipil", 52 },
  { "Dinas Pemberdayaan Masyarakat dan Desa", 39 },
  { "Dinas Perhubungan", 71 },
  { "Dinas Komunikasi, Informatika, Statistik dan Persandian", 45 },
  { "Dinas Koperasi, Usaha Kecil dan Menengah", 33 },
  { "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 49 },
  { "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", 58 },
  { "Badan Pengelolaan Keuangan dan Aset Daerah", 87 },
  { "Kecamatan Kalianda", 0 },
};

#define TITLE "Jumlah Pegawai per Unit Kerja"
#define WIDTH 800.0

static KpBarChart *
make_chart (guint n_bars)
{
  KpBarChart *chart = kp_bar_chart_new (TITLE, "Jumlah pegawai");

  kp_bar_chart_set_subtitle (chart, "Semua status kepegawaian");
  for (guint i = 0; i < n_bars; i++)
    kp_bar_chart_add (chart, units[i % G_N_ELEMENTS (units)].name,
                      units[i % G_N_ELEMENTS (units)].count);

  return chart;
}

static gboolean
is_bar_blue (const guint8 *pixel)
{
  /* Cairo stores pixels as native-endian 32-bit words, 0xAARRGGBB. */
  guint32 value = *(const guint32 *) pixel;
  int r = (value >> 16) & 0xff;
  int g = (value >> 8) & 0xff;
  int b = value & 0xff;

  return abs (r - 0x35) < 12 && abs (g - 0x84) < 12 && abs (b - 0xe4) < 12;
}

/* The longest horizontal run of bar-blue pixels in the image, in pixels. */
static int
longest_blue_run (cairo_surface_t *image)
{
  const guint8 *data;
  int stride, width, height;
  int longest = 0;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);

  for (int y = 0; y < height; y++)
    {
      int run = 0;

      for (int x = 0; x < width; x++)
        {
          run = is_bar_blue (data + y * stride + 4 * x) ? run + 1 : 0;
          longest = MAX (longest, run);
        }
    }

  return longest;
}

static void
test_model (void)
{
  g_autoptr(KpBarChart) chart = kp_bar_chart_new (TITLE, NULL);
  char label[] = "Dinas Sosial";
  KpBarChart *ref;

  kp_bar_chart_add (chart, label, 47);
  /* The chart keeps its own copy: the caller's buffer may be reused. */
  label[0] = 'X';
  kp_bar_chart_add (chart, "Bad \xff name\nwith a line break", 0);
  kp_bar_chart_add (chart, "Dinas Pendidikan dan Kebudayaan", 4213);

  g_assert_cmpuint (kp_bar_chart_get_n_bars (chart), ==, 3);
  g_assert_cmpstr (kp_bar_chart_get_label (chart, 0), ==, "Dinas Sosial");
  g_assert_cmpint (kp_bar_chart_get_value (chart, 2), ==, 4213);
  g_assert_cmpint (kp_bar_chart_get_total (chart), ==, 4260);
  /* Invalid UTF-8 from a bad import is drawn, not rejected by Pango with a warning. */
  g_assert_true (g_utf8_validate (kp_bar_chart_get_label (chart, 1), -1, NULL));
  g_assert_null (strchr (kp_bar_chart_get_label (chart, 1), '\n'));

  ref = kp_bar_chart_ref (chart);
  g_assert_true (ref == chart);
  kp_bar_chart_unref (ref);
  g_assert_cmpuint (kp_bar_chart_get_n_bars (chart), ==, 3);
}

static void
test_natural_height (void)
{
  g_autoptr(KpBarChart) twelve = make_chart (12);
  g_autoptr(KpBarChart) twenty_four = make_chart (24);
  g_autoptr(KpBarChart) fifty = make_chart (50);
  g_autoptr(KpBarChart) short_names = kp_bar_chart_new (TITLE, "Jumlah pegawai");
  g_autoptr(KpBarChart) empty = kp_bar_chart_new (TITLE, "Jumlah pegawai");
  double h12, h24, h50;

  for (guint i = 0; i < 24; i++)
    kp_bar_chart_add (short_names, "Unit", 10);

  h12 = kp_bar_chart_get_natural_height (twelve, WIDTH);
  h24 = kp_bar_chart_get_natural_height (twenty_four, WIDTH);
  h50 = kp_bar_chart_get_natural_height (fifty, WIDTH);

  /* Each bar takes the same room: the height grows with the bars, not with their values. */
  g_assert_cmpfloat (h12, <, h24);
  g_assert_cmpfloat (h24, <, h50);
  g_assert_cmpfloat_with_epsilon ((h50 - h24) / 26, (h24 - h12) / 12, 1.0);
  /* Names that wrap get rows with room for a second line. */
  g_assert_cmpfloat (kp_bar_chart_get_natural_height (short_names, WIDTH), <, h24 - 24 * 8);
  /* A readable row for a two-line 10 pt label is at least 30 units. */
  g_assert_cmpfloat ((h24 - h12) / 12, >=, 30);

  g_assert_cmpfloat (kp_bar_chart_get_natural_height (empty, WIDTH), >, 50);
  g_assert_cmpfloat (kp_bar_chart_get_natural_height (empty, WIDTH), <, h12);
}

static void
test_draw_image (void)
{
  g_autoptr(KpBarChart) chart = make_chart (24);
  double height = kp_bar_chart_get_natural_height (chart, WIDTH);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) WIDTH + 40, (int) height + 40);
  cr = cairo_create (surface);
  /* Drawn into a box away from the origin, as a report page would place it. */
  cairo_translate (cr, 20, 20);
  kp_bar_chart_draw (chart, cr, WIDTH, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* Nothing outside the box: the page around it stays as it was (transparent here). */
  cairo_surface_flush (surface);
  g_assert_cmpuint (*(guint32 *) cairo_image_surface_get_data (surface), ==, 0);
  /* ... and the box itself has the chart's white page. */
  g_assert_cmpuint (*(guint32 *) (cairo_image_surface_get_data (surface)
                                  + 25 * cairo_image_surface_get_stride (surface) + 4 * 25),
                    ==, 0xffffffff);

  /* The largest unit's bar spans most of the plot: well over a third of the width. */
  g_assert_cmpint (longest_blue_run (surface), >, WIDTH / 3);
  cairo_surface_destroy (surface);
}

static void
test_render_png (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(KpBarChart) chart = make_chart (24);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  double height = kp_bar_chart_get_natural_height (chart, WIDTH);
  cairo_surface_t *image;
  gsize length;

  g_assert_true (kp_chart_render_to_file (kp_bar_chart_draw, chart, KP_CHART_FORMAT_PNG, WIDTH,
                                          height, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8 * 1024);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* Rendered at twice the size, for HiDPI screens and documents. */
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * (int) WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (2 * height));
  g_assert_cmpint (longest_blue_run (image), >, 2 * WIDTH / 3);
  cairo_surface_destroy (image);

  /* Only the chart: the temporary file is gone. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_render_pdf (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.PDF", NULL);
  g_autoptr(KpBarChart) chart = make_chart (24);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  KpChartFormat format;
  gsize length;

  g_assert_true (kp_chart_format_from_path (path, &format, &error));
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, KP_CHART_FORMAT_PDF);

  g_assert_true (kp_chart_render_to_file (kp_bar_chart_draw, chart, format, WIDTH,
                                          kp_bar_chart_get_natural_height (chart, WIDTH), path,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed: the PDF's text is not checked");
      remove_tree (dir);
      return;
    }
  /* Real text, not paths: a reader can search and copy it. */
  g_assert_nonnull (strstr (text, TITLE));
  g_assert_nonnull (strstr (text, "Semua status kepegawaian"));
  g_assert_nonnull (strstr (text, "Kepegawaian"));
  g_assert_nonnull (strstr (text, "Persandian"));
  g_assert_nonnull (strstr (text, "Jumlah pegawai"));
  remove_tree (dir);
}

static gboolean saw_svg_root;

static void
on_start_element (GMarkupParseContext *context, const char *element, const char **names,
                  const char **values, gpointer user_data, GError **error)
{
  if (g_markup_parse_context_get_element_stack (context)->next == NULL)
    saw_svg_root = g_str_equal (element, "svg");
}

static void
test_render_svg (void)
{
  static const GMarkupParser parser = { .start_element = on_start_element };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(KpBarChart) chart = make_chart (24);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (kp_chart_render_to_file (kp_bar_chart_draw, chart, KP_CHART_FORMAT_SVG, WIDTH,
                                          kp_bar_chart_get_natural_height (chart, WIDTH), path,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml") || g_str_has_prefix (contents, "<svg"));

  /* Well-formed XML with an <svg> root, so browsers and Inkscape open it. */
  saw_svg_root = FALSE;
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_true (saw_svg_root);
  /* Sized in points like the PDF. */
  g_assert_nonnull (strstr (contents, "800pt"));
  remove_tree (dir);
}

static void
test_grouped_values (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(KpBarChart) chart = make_chart (24);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_locale = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "id_ID.UTF-8") == NULL)
    {
      g_test_skip ("the id_ID.UTF-8 locale is not installed");
      return;
    }

  dir = make_tmp_dir ();
  path = g_build_filename (dir, "chart.pdf", NULL);
  g_assert_true (kp_chart_render_to_file (kp_bar_chart_draw, chart, KP_CHART_FORMAT_PDF, WIDTH,
                                          kp_bar_chart_get_natural_height (chart, WIDTH), path,
                                          &error));
  setlocale (LC_NUMERIC, old_locale);
  g_assert_no_error (error);

  text = pdf_text (path);
  remove_tree (dir);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  /* Thousands grouped the Indonesian way, on the bars and on the axis. */
  g_assert_nonnull (strstr (text, "4.213"));
  g_assert_nonnull (strstr (text, "1.000"));
}

static void
test_empty_and_zero (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "empty.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *zero_png = g_build_filename (dir, "zero.png", NULL);
  g_autoptr(KpBarChart) empty = kp_bar_chart_new (TITLE, "Jumlah pegawai");
  g_autoptr(KpBarChart) zero = kp_bar_chart_new (TITLE, "Jumlah pegawai");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *image;
  double height = kp_bar_chart_get_natural_height (empty, WIDTH);

  g_assert_true (kp_chart_render_to_file (kp_bar_chart_draw, empty, KP_CHART_FORMAT_PNG, WIDTH,
                                          height, png, &error));
  g_assert_no_error (error);
  g_assert_true (kp_chart_render_to_file (kp_bar_chart_draw, empty, KP_CHART_FORMAT_PDF, WIDTH,
                                          height, pdf, &error));
  g_assert_no_error (error);

  /* Units that exist but have nobody yet: no division by zero, no bars, still an axis. */
  kp_bar_chart_add (zero, "Kecamatan Kalianda", 0);
  kp_bar_chart_add (zero, "Kecamatan Sidomulyo", 0);
  g_assert_cmpint (kp_bar_chart_get_total (zero), ==, 0);
  g_assert_true (kp_chart_render_to_file (kp_bar_chart_draw, zero, KP_CHART_FORMAT_PNG, WIDTH,
                                          kp_bar_chart_get_natural_height (zero, WIDTH),
                                          zero_png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (zero_png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (longest_blue_run (image), ==, 0);
  cairo_surface_destroy (image);

  text = pdf_text (pdf);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, TITLE));
      g_assert_nonnull (strstr (text, "No data"));
    }
  remove_tree (dir);
}

static void
test_extreme_values (void)
{
  g_autoptr(KpBarChart) chart = kp_bar_chart_new (TITLE, "Jumlah pegawai");
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  kp_bar_chart_add (chart, "Semua", G_MAXINT64);
  kp_bar_chart_add (chart, "Separuh", G_MAXINT64 / 2);
  kp_bar_chart_add (chart, "Satu", 1);
  /* The total saturates instead of wrapping to a negative number. */
  g_assert_cmpint (kp_bar_chart_get_total (chart), ==, G_MAXINT64);

  height = kp_bar_chart_get_natural_height (chart, WIDTH);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) WIDTH, (int) height);
  cr = cairo_create (surface);
  kp_bar_chart_draw (chart, cr, WIDTH, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (longest_blue_run (surface), >, WIDTH / 3);
  cairo_surface_destroy (surface);

  /* Squeezed below its natural height, 50 bars still draw (with smaller text). */
  g_clear_pointer (&chart, kp_bar_chart_unref);
  chart = make_chart (50);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) WIDTH, 300);
  cr = cairo_create (surface);
  kp_bar_chart_draw (chart, cr, WIDTH, 300);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (longest_blue_run (surface), >, WIDTH / 3);
  cairo_surface_destroy (surface);
}

static void
test_format_from_path (void)
{
  static const struct
  {
    const char *path;
    int format;   /* -1: refused */
  } cases[] = {
    { "laporan.png", KP_CHART_FORMAT_PNG },
    { "/tmp/LAPORAN.PNG", KP_CHART_FORMAT_PNG },
    { "laporan.Pdf", KP_CHART_FORMAT_PDF },
    { "dir.v2/laporan.svg", KP_CHART_FORMAT_SVG },
    { "laporan.txt", -1 },
    { "laporan", -1 },
    { "laporan.png.bak", -1 },
    { "chart.png/laporan", -1 },
    { "", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      KpChartFormat format = -1;
      gboolean ok = kp_chart_format_from_path (cases[i].path, &format, &error);

      if (cases[i].format < 0)
        {
          g_assert_false (ok);
          g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FORMAT);
          /* The message tells the user what would work. */
          g_assert_nonnull (strstr (error->message, ".png"));
          g_assert_nonnull (strstr (error->message, ".pdf"));
          g_assert_nonnull (strstr (error->message, ".svg"));
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (format, ==, cases[i].format);
        }
    }
}

static void
test_missing_directory (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "chart.pdf", NULL);
  g_autoptr(KpBarChart) chart = make_chart (3);
  g_autoptr(GError) error = NULL;

  g_assert_false (kp_chart_render_to_file (kp_bar_chart_draw, chart, KP_CHART_FORMAT_PDF, WIDTH,
                                           400, path, &error));
  g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "chart.pdf"));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);
}

static void
test_failure_keeps_old_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(KpBarChart) chart = make_chart (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "the previous chart", -1, &error));
  g_assert_no_error (error);

  /* Too big for an image: cairo refuses, after the temporary file was made. */
  g_assert_false (kp_chart_render_to_file (kp_bar_chart_draw, chart, KP_CHART_FORMAT_PNG, 20000,
                                           400, path, &error));
  g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED);

  /* The user's file is untouched and no temporary file is left over. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous chart");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_replaces_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(KpBarChart) chart = make_chart (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_no_error (error);
  g_assert_true (kp_chart_render_to_file (kp_bar_chart_draw, chart, KP_CHART_FORMAT_SVG, WIDTH,
                                          300, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bar-chart/model", test_model);
  g_test_add_func ("/bar-chart/natural-height", test_natural_height);
  g_test_add_func ("/bar-chart/draw-image", test_draw_image);
  g_test_add_func ("/bar-chart/render-png", test_render_png);
  g_test_add_func ("/bar-chart/render-pdf", test_render_pdf);
  g_test_add_func ("/bar-chart/render-svg", test_render_svg);
  g_test_add_func ("/bar-chart/grouped-values", test_grouped_values);
  g_test_add_func ("/bar-chart/empty-and-zero", test_empty_and_zero);
  g_test_add_func ("/bar-chart/extreme-values", test_extreme_values);
  g_test_add_func ("/bar-chart/format-from-path", test_format_from_path);
  g_test_add_func ("/bar-chart/missing-directory", test_missing_directory);
  g_test_add_func ("/bar-chart/failure-keeps-old-file", test_failure_keeps_old_file);
  g_test_add_func ("/bar-chart/replaces-file", test_replaces_file);

  return g_test_run ();
}
