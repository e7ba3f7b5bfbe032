/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stacked-chart.c: the stacked bar chart (colours by series, counts, legend, growth with
 * rows, empty state, PNG/PDF/SVG files) and the JPM distribution per unit counted from a small
 * register with assessments. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "kompeten/kp-model.h"
#include "kompeten/kp-reports.h"

#include "report-test-util.h"

#define TITLE "JPM Distribution per Unit"

static const char *const categories[] = { "Memenuhi Syarat", "Masih Memenuhi Syarat",
                                          "Kurang Memenuhi Syarat", "Not assessed", NULL };

static KpStackedChart *
make_chart (guint n_rows)
{
  KpStackedChart *chart = kp_stacked_chart_new (TITLE, "Number of employees",
                                                (GStrv) categories);

  kp_stacked_chart_set_neutral_series (chart, 3);
  kp_stacked_chart_set_subtitle (chart, "All units · checkpoint 12:abcdef");
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *label = g_strdup_printf ("Unit Kerja %02u", r + 1);
      guint counts[4] = { 10 + r, 5, 2 + r % 3, r % 2 ? 4 : 0 };

      kp_stacked_chart_add_row (chart, label, counts);
    }
  return chart;
}

/* How many pixels of @surface are near @color (0xRRGGBB). */
static guint
count_pixels (cairo_surface_t *surface, guint32 color)
{
  int stride = cairo_image_surface_get_stride (surface);
  const unsigned char *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 value = *(const guint32 *) (data + y * stride + x * 4);

        if (ABS ((int) ((value >> 16) & 0xff) - (int) ((color >> 16) & 0xff)) < 6 &&
            ABS ((int) ((value >> 8) & 0xff) - (int) ((color >> 8) & 0xff)) < 6 &&
            ABS ((int) (value & 0xff) - (int) (color & 0xff)) < 6)
          n++;
      }
  return n;
}

static void
test_data (void)
{
  g_autoptr(KpStackedChart) chart = make_chart (3);

  g_assert_cmpstr (kp_stacked_chart_get_title (chart), ==, TITLE);
  g_assert_cmpuint (kp_stacked_chart_get_n_rows (chart), ==, 3);
  g_assert_cmpuint (kp_stacked_chart_get_n_series (chart), ==, 4);
  g_assert_cmpstr (kp_stacked_chart_get_row_label (chart, 1), ==, "Unit Kerja 02");
  g_assert_cmpstr (kp_stacked_chart_get_series_name (chart, 3), ==, "Not assessed");
  g_assert_cmpuint (kp_stacked_chart_get_count (chart, 1, 0), ==, 11);
  g_assert_cmpuint (kp_stacked_chart_get_count (chart, 1, 3), ==, 4);
  g_assert_cmpuint (kp_stacked_chart_get_row_total (chart, 1), ==, 11 + 5 + 3 + 4);
}

/* Green, amber, red and grey are all drawn, in proportion to the counts. */
static void
test_colors (void)
{
  const char *series[] = { "Baik", "Cukup", "Kurang", "Not assessed", NULL };
  g_autoptr(KpStackedChart) chart = kp_stacked_chart_new ("Colours", NULL, (GStrv) series);
  const guint counts[] = { 30, 10, 10, 10 };
  double width = 700, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint green, amber, red, grey;

  kp_stacked_chart_set_neutral_series (chart, 3);
  kp_stacked_chart_add_row (chart, "Dinas Kesehatan", counts);
  height = kp_stacked_chart_get_natural_height (chart, width);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  kp_stacked_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  green = count_pixels (surface, 0x26a269);
  amber = count_pixels (surface, 0xe5a50a);
  red = count_pixels (surface, 0xc01c28);
  grey = count_pixels (surface, 0xc0bfbc);
  g_assert_cmpuint (amber, >, 100);
  g_assert_cmpuint (red, >, 100);
  g_assert_cmpuint (grey, >, 100);
  /* Three times the count, about three times the area (the legend swatches aside). */
  g_assert_cmpuint (green, >, 2 * amber);
  g_assert_cmpuint (green, <, 4 * amber);
  cairo_surface_destroy (surface);
}

static void
test_grows_with_rows (void)
{
  g_autoptr(KpStackedChart) small = make_chart (2);
  g_autoptr(KpStackedChart) big = make_chart (40);
  double one = kp_stacked_chart_get_natural_height (small, 900);
  double many = kp_stacked_chart_get_natural_height (big, 900);

  g_assert_cmpfloat (many, >, one + 38 * 24);
  /* A narrow chart puts the legend on more lines: it is no lower. */
  g_assert_cmpfloat (kp_stacked_chart_get_natural_height (small, 320), >=, one);
}

static void
test_empty (void)
{
  g_autoptr(KpStackedChart) chart = make_chart (0);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double height = kp_stacked_chart_get_natural_height (chart, 600);

  g_assert_cmpfloat (height, >, 80);
  g_assert_true (kp_chart_render_to_file (kp_stacked_chart_draw, chart, KP_CHART_FORMAT_PDF, 600,
                                          height, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed: the PDF's text is not checked");
      remove_tree (dir);
      return;
    }
  g_assert_nonnull (strstr (text, TITLE));
  g_assert_nonnull (strstr (text, "No data"));
  remove_tree (dir);
}

static void
test_render_files (void)
{
  g_autoptr(KpStackedChart) chart = make_chart (12);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  double height = kp_stacked_chart_get_natural_height (chart, 900);
  gsize length;

  g_assert_true (kp_chart_render_to_file (kp_stacked_chart_draw, chart, KP_CHART_FORMAT_PNG, 900,
                                          height, png, &error));
  g_assert_no_error (error);
  g_assert_true (kp_chart_render_to_file (kp_stacked_chart_draw, chart, KP_CHART_FORMAT_PDF, 900,
                                          height, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (kp_chart_render_to_file (kp_stacked_chart_draw, chart, KP_CHART_FORMAT_SVG, 900,
                                          height, svg, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 10000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed: the PDF's text is not checked");
      remove_tree (dir);
      return;
    }
  /* Real text a reader can search: title, legend, labels, totals, caption. */
  g_assert_nonnull (strstr (text, TITLE));
  for (guint s = 0; categories[s] != NULL; s++)
    g_assert_nonnull (strstr (text, categories[s]));
  g_assert_nonnull (strstr (text, "Unit Kerja 12"));
  g_assert_nonnull (strstr (text, "Number of employees"));
  remove_tree (dir);
}

/* ---- the JPM distribution of a small register ------------------------------------------------ */

typedef struct {
  char *dir;
  KpDatabase *db;
  gint64 dinkes, puskesmas, inspektorat;
  gint64 competency[9];
} Register;

static gint64
add_employee (Register *reg, const char *nip, const char *name, const char *birth, gint64 position)
{
  g_autoptr(KpEmployee) employee = kp_employee_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  kp_employee_set_nip (employee, nip);
  kp_employee_set_name (employee, name);
  kp_employee_set_sex (employee, "L");
  kp_employee_set_birth_place (employee, "Kalianda");
  kp_employee_set_birth_date (employee, birth);
  kp_employee_set_education (employee, "S1");
  kp_employee_set_grade (employee, "III/a");
  kp_employee_set_position_id (employee, position);
  id = kp_register_save_employee (reg->db, employee, &error);
  g_assert_no_error (error);
  return id;
}

static void
assess (Register *reg, gint64 employee, const int levels[9])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Uji %" G_GINT64_FORMAT, employee);
  gint64 event = kp_assessment_create (reg->db, name, "2026", "2026-03-01",
                                       KP_ASSESSMENT_METHOD_UJI_KOMPETENSI, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 9; i++)
    {
      g_assert_true (kp_assessment_record (reg->db, event, employee, reg->competency[i],
                                           "Asesor Satu", levels[i], "", &error));
      g_assert_no_error (error);
    }
}

static gint64
add_position (Register *reg, gint64 unit, const char *title, int kind)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_position (reg->db, unit, title, kind, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_unit (Register *reg, const char *name, gint64 parent)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_unit (reg->db, name, parent, &error);

  g_assert_no_error (error);
  return id;
}

static void
register_set_up (Register *reg, gconstpointer data)
{
  static const int all_three[9] = { 3, 3, 3, 3, 3, 3, 3, 3, 3 };
  static const int mostly_three[9] = { 3, 3, 3, 2, 2, 2, 2, 2, 2 };   /* 21/27: 77.8 % */
  static const int all_two[9] = { 2, 2, 2, 2, 2, 2, 2, 2, 2 };        /* 18/27: 66.7 % */
  static const int all_one[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GListModel *dictionary;
  gint64 secretary, clerk, auditor, nurse;

  reg->dir = make_tmp_dir ();
  path = g_build_filename (reg->dir, "kompeten.db", NULL);
  reg->db = kp_database_open (path, &error);
  g_assert_no_error (error);
  dictionary = kp_database_get_competencies (reg->db);
  g_assert_cmpuint (g_list_model_get_n_items (dictionary), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(KpCompetency) c = g_list_model_get_item (dictionary, i);

      reg->competency[i] = kp_competency_get_id (c);
    }

  reg->dinkes = add_unit (reg, "Dinas Kesehatan", 0);
  reg->puskesmas = add_unit (reg, "Puskesmas Kalianda", reg->dinkes);
  reg->inspektorat = add_unit (reg, "Inspektorat", 0);
  secretary = add_position (reg, reg->dinkes, "Sekretaris", KP_POSITION_KIND_ADMINISTRATOR);
  clerk = add_position (reg, reg->puskesmas, "Pengadministrasi", KP_POSITION_KIND_PELAKSANA);
  nurse = add_position (reg, reg->puskesmas, "Perawat", KP_POSITION_KIND_PELAKSANA);
  /* Penyelia has no default standard: its holder has no JPM. */
  auditor = add_position (reg, reg->inspektorat, "Auditor Penyelia", KP_POSITION_KIND_PENYELIA);

  /* Dinas Kesehatan: one of each category. */
  assess (reg, add_employee (reg, "196602041998051457", "Hasan", "1966-02-04", secretary),
          all_three);
  assess (reg, add_employee (reg, "197001011995031001", "Joko", "1970-01-01", secretary),
          mostly_three);
  assess (reg, add_employee (reg, "198608142011011949", "Ahmad", "1986-08-14", secretary),
          all_two);
  /* Puskesmas: one meets the standard, one is not assessed. */
  assess (reg, add_employee (reg, "199001012015031002", "Budi", "1990-01-01", clerk), all_one);
  add_employee (reg, "199203152018011003", "Rudi", "1992-03-15", nurse);
  /* Inspektorat: no standard, left out. */
  add_employee (reg, "196810301993081001", "Yusuf", "1968-10-30", auditor);
}

static void
register_tear_down (Register *reg, gconstpointer data)
{
  g_clear_object (&reg->db);
  remove_tree (reg->dir);
  g_free (reg->dir);
}

/* The chart's counts as "Unit: a b c d | …". */
static char *
describe (const KpStackedChart *chart)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < kp_stacked_chart_get_n_rows (chart); r++)
    {
      g_string_append_printf (text, "%s%s:", r > 0 ? " | " : "",
                              kp_stacked_chart_get_row_label (chart, r));
      for (guint s = 0; s < kp_stacked_chart_get_n_series (chart); s++)
        g_string_append_printf (text, " %u", kp_stacked_chart_get_count (chart, r, s));
    }
  return g_string_free (text, FALSE);
}

static void
test_jpm_distribution (Register *reg, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpStackedChart) all = kp_report_jpm_distribution (reg->db, 0, &error);
  g_autoptr(KpStackedChart) dinkes = NULL;
  g_autoptr(KpStackedChart) puskesmas = NULL;
  g_autoptr(KpStackedChart) renamed = NULL;
  g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_jpm_category_free);
  g_autofree char *all_text = NULL;
  g_autofree char *dinkes_text = NULL;
  g_autofree char *puskesmas_text = NULL;
  g_autofree char *renamed_text = NULL;
  g_autofree char *head = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (kp_stacked_chart_get_n_series (all), ==, 4);
  g_assert_cmpstr (kp_stacked_chart_get_series_name (all, 0), ==, "Memenuhi Syarat");
  g_assert_cmpstr (kp_stacked_chart_get_series_name (all, 2), ==, "Kurang Memenuhi Syarat");
  /* Units by name; Inspektorat's only employee has no standard: no row. */
  all_text = describe (all);
  g_assert_cmpstr (all_text, ==, "Dinas Kesehatan: 1 1 1 0 | Puskesmas Kalianda: 1 0 0 1");
  /* The subtitle carries the audit checkpoint and the employees left out. */
  head = kp_audit_checkpoint (reg->db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (kp_stacked_chart_get_subtitle (all), head));
  g_assert_nonnull (strstr (kp_stacked_chart_get_subtitle (all), " 5 employees (1 "));

  /* A unit's subtree: each sub-unit its own row. */
  dinkes = kp_report_jpm_distribution (reg->db, reg->dinkes, &error);
  g_assert_no_error (error);
  dinkes_text = describe (dinkes);
  g_assert_cmpstr (dinkes_text, ==, all_text);
  puskesmas = kp_report_jpm_distribution (reg->db, reg->puskesmas, &error);
  g_assert_no_error (error);
  puskesmas_text = describe (puskesmas);
  g_assert_cmpstr (puskesmas_text, ==, "Puskesmas Kalianda: 1 0 0 1");
  g_assert_nonnull (strstr (kp_stacked_chart_get_subtitle (puskesmas), "Puskesmas Kalianda"));

  /* The categories come from their table. */
  g_ptr_array_add (two, kp_jpm_category_new (70, "Siap"));
  g_ptr_array_add (two, kp_jpm_category_new (0, "Perlu Pengembangan"));
  g_assert_true (kp_jpm_categories_replace (reg->db, two, &error));
  g_assert_no_error (error);
  renamed = kp_report_jpm_distribution (reg->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kp_stacked_chart_get_n_series (renamed), ==, 3);
  g_assert_cmpstr (kp_stacked_chart_get_series_name (renamed, 0), ==, "Siap");
  renamed_text = describe (renamed);
  g_assert_cmpstr (renamed_text, ==, "Dinas Kesehatan: 2 1 0 | Puskesmas Kalianda: 1 0 1");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/stacked-chart/data", test_data);
  g_test_add_func ("/stacked-chart/colors", test_colors);
  g_test_add_func ("/stacked-chart/grows-with-rows", test_grows_with_rows);
  g_test_add_func ("/stacked-chart/empty", test_empty);
  g_test_add_func ("/stacked-chart/render-files", test_render_files);
  g_test_add ("/stacked-chart/jpm-distribution", Register, NULL, register_set_up,
              test_jpm_distribution, register_tear_down);
  return g_test_run ();
}
