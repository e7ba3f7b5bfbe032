/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reports-view.c: the Reports area over a small real database: the chart counts the
 * employees per unit, the unit filter narrows it to a unit and its sub-units, the widget draws
 * it (white paper and blue bars, in the dark style too), the exports and the print write real
 * files, and the chart follows the register. The gap heatmap shows a unit per row and a
 * competency per column, draws its colours, drills down from a cell to exactly the employees
 * below the standard there, and exports as PNG and as the gap workbook. */

#include "config.h"

#include <string.h>

#include "kompeten/kp-assessments.h"
#include "kompeten/kp-reports.h"
#include "kompeten/kp-standards.h"

#include "kp-chart-view.h"
#include "kp-reports-view.h"
#include "kp-reports-view-private.h"

#include "ui-test-util.h"

#define HEALTH "Dinas Kesehatan"
#define CLINIC "Puskesmas Natar"          /* a sub-unit of HEALTH */
#define INSPECTORATE "Inspektorat"
#define SOCIAL "Dinas Sosial"             /* no positions, no employees */

typedef struct {
  KpDatabase *database;
  gint64 health_id;
  gint64 clinic_id;
  gint64 inspectorate_id;
  gint64 social_id;
  gint64 health_position;
  gint64 clinic_position;
  gint64 inspectorate_position;
  guint n_saved;
  /* The gap fixture: administrators of HEALTH and INSPECTORATE, assessed on every competency. */
  guint gap_column;           /* the competency the administrators have a standard for */
  char *below_nips[2];        /* HEALTH's administrators below the standard on it */
  GtkWindow *window;
  KpReportsView *view;
  char *tmp_dir;
} Fixture;

/* Spins the main loop until nothing is pending and no reload waits. */
static void
settle (Fixture *fixture)
{
  ui_test_settle_view ((UiTestCondition) _kp_reports_view_is_busy, fixture->view);
}

enum {
  FIXTURE_EMPTY,
  FIXTURE_PEOPLE,
  FIXTURE_GAPS,  /* FIXTURE_PEOPLE, and assessed administrators */
};

/* Saves one more employee in @position_id, with a valid NIP of its own. */
static gint64
save_employee (Fixture *fixture,
               gint64   position_id)
{
  guint n = ++fixture->n_saved;
  g_autofree char *nip = g_strdup_printf ("199001%02u2015031%03u", n, n);
  g_autofree char *birth_date = g_strdup_printf ("1990-01-%02u", n);
  g_autofree char *name = g_strdup_printf ("Pegawai %u", n);
  UiTestPerson person = { nip, name, "L", birth_date, "III/a" };

  g_assert_cmpuint (n, <=, 28);
  return ui_test_save_person (fixture->database, &person, position_id, 0);
}

static char *
nip_of (guint n)
{
  return g_strdup_printf ("199001%02u2015031%03u", n, n);
}

/* One assessment of @employee_id: @level on the gap column, 5 on every other competency. */
static void
assess (Fixture *fixture,
        gint64   employee_id,
        int      level)
{
  GListModel *dictionary = kp_database_get_competencies (fixture->database);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Uji %" G_GINT64_FORMAT, employee_id);
  gint64 event = kp_assessment_create (fixture->database, name, "2026", "2026-03-02",
                                       KP_ASSESSMENT_METHOD_UJI_KOMPETENSI, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (dictionary); i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (dictionary, i);

      kp_assessment_record (fixture->database, event, employee_id,
                            kp_competency_get_id (competency), "Asesor Satu",
                            i == fixture->gap_column ? level : 5, NULL, &error);
      g_assert_no_error (error);
    }
}

/* HEALTH: three administrators, two below the standard on the gap column; INSPECTORATE: one,
 * at the standard. The pelaksana of FIXTURE_PEOPLE are not assessed: no row of their own. */
static void
add_gaps (Fixture *fixture)
{
  gint64 health_admin = ui_test_add_position (fixture->database, fixture->health_id, "Sekretaris",
                                              KP_POSITION_KIND_ADMINISTRATOR);
  gint64 inspectorate_admin = ui_test_add_position (fixture->database, fixture->inspectorate_id,
                                                    "Sekretaris", KP_POSITION_KIND_ADMINISTRATOR);
  GListModel *dictionary = kp_database_get_competencies (fixture->database);
  g_autoptr(GPtrArray) standards = NULL;
  g_autoptr(GError) error = NULL;
  KpStandard *standard;
  gint64 id;

  standards = kp_standards_for_position (fixture->database, health_admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standards->len, >, 0);
  standard = g_ptr_array_index (standards, 0);
  g_assert_cmpint (standard->level, >=, 2);
  fixture->gap_column = G_MAXUINT;
  for (guint i = 0; i < g_list_model_get_n_items (dictionary); i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (dictionary, i);

      if (kp_competency_get_id (competency) == standard->competency_id)
        fixture->gap_column = i;
    }
  g_assert_cmpuint (fixture->gap_column, <, g_list_model_get_n_items (dictionary));

  id = save_employee (fixture, health_admin);
  fixture->below_nips[0] = nip_of (fixture->n_saved);
  assess (fixture, id, standard->level - 1);
  assess (fixture, save_employee (fixture, health_admin), standard->level);
  id = save_employee (fixture, health_admin);
  fixture->below_nips[1] = nip_of (fixture->n_saved);
  assess (fixture, id, 1);
  assess (fixture, save_employee (fixture, inspectorate_admin), standard->level);
}

static gint64
add_position (Fixture *fixture,
              gint64   unit_id)
{
  return ui_test_add_position (fixture->database, unit_id, "Pengelola Kepegawaian",
                               KP_POSITION_KIND_PELAKSANA);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_people = GPOINTER_TO_INT (data) >= FIXTURE_PEOPLE;
  g_autofree char *path = NULL;

  fixture->database = ui_test_new_database (&path);
  fixture->tmp_dir = g_path_get_dirname (path);

  fixture->health_id = ui_test_add_unit (fixture->database, HEALTH, 0);
  fixture->clinic_id = ui_test_add_unit (fixture->database, CLINIC, fixture->health_id);
  fixture->inspectorate_id = ui_test_add_unit (fixture->database, INSPECTORATE, 0);
  fixture->social_id = ui_test_add_unit (fixture->database, SOCIAL, 0);
  fixture->health_position = add_position (fixture, fixture->health_id);
  fixture->clinic_position = add_position (fixture, fixture->clinic_id);
  fixture->inspectorate_position = add_position (fixture, fixture->inspectorate_id);

  if (with_people)
    {
      for (guint i = 0; i < 3; i++)
        save_employee (fixture, fixture->health_position);
      for (guint i = 0; i < 2; i++)
        save_employee (fixture, fixture->clinic_position);
      save_employee (fixture, fixture->inspectorate_position);
    }
  if (GPOINTER_TO_INT (data) == FIXTURE_GAPS)
    add_gaps (fixture);

  /* In its window before it gets the database, as in KpWindow: the dropdown's rows then
   * exist when the units arrive. */
  fixture->view = KP_REPORTS_VIEW (kp_reports_view_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  kp_reports_view_set_database (fixture->view, fixture->database);
  ui_test_show_window (fixture->window);
  settle (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  ui_test_destroy_window (fixture->window, fixture->view);

  g_clear_object (&fixture->database);
  g_clear_pointer (&fixture->tmp_dir, g_free);
  g_clear_pointer (&fixture->below_nips[0], g_free);
  g_clear_pointer (&fixture->below_nips[1], g_free);
}

static KpBarChart *
get_chart (Fixture *fixture)
{
  return kp_chart_view_get_chart (_kp_reports_view_get_chart_view (fixture->view));
}

/* The value of the bar labelled @label; -1 when the chart has no such bar. */
static gint64
bar_value (KpBarChart *chart,
           const char *label)
{
  for (guint i = 0; i < kp_bar_chart_get_n_bars (chart); i++)
    if (g_strcmp0 (kp_bar_chart_get_label (chart, i), label) == 0)
      return kp_bar_chart_get_value (chart, i);

  return -1;
}

static const char *
unit_name (Fixture *fixture,
           guint    position)
{
  GListModel *model = gtk_drop_down_get_model (_kp_reports_view_get_unit_dropdown (fixture->view));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  /* The list keeps the item alive. */
  return gtk_string_object_get_string (item);
}

/* The list of units, once the dropdown has made it. */
static GtkPopover *
find_popover (Fixture *fixture)
{
  GtkWidget *dropdown = GTK_WIDGET (_kp_reports_view_get_unit_dropdown (fixture->view));

  return GTK_POPOVER (ui_test_find_widget (dropdown, ui_test_is_of_type,
                                           GSIZE_TO_POINTER (GTK_TYPE_POPOVER)));
}

static void
open_unit_list (Fixture *fixture)
{
  GtkDropDown *dropdown = _kp_reports_view_get_unit_dropdown (fixture->view);
  GtkPopover *popover;

  /* What a click or Enter on the dropdown does. */
  g_signal_emit_by_name (dropdown, "activate");
  popover = find_popover (fixture);
  g_assert_nonnull (popover);
  g_assert_true (ui_test_wait_until (ui_test_widget_is_mapped, popover, 5));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  settle (fixture);
}

static void
close_unit_list (Fixture *fixture)
{
  GtkPopover *popover = find_popover (fixture);

  gtk_popover_popdown (popover);
  settle (fixture);
}

/* Where the open list of units shows @name, from the left of its row. */
static int
row_indent (Fixture    *fixture,
            const char *name)
{
  GtkWidget *label = ui_test_find_widget (GTK_WIDGET (find_popover (fixture)),
                                          ui_test_is_label_with_text, name);
  graphene_point_t point;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_point (label, gtk_widget_get_parent (label),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return (int) point.x;
}

static void
choose_unit (Fixture    *fixture,
             const char *name)
{
  GtkDropDown *dropdown = _kp_reports_view_get_unit_dropdown (fixture->view);

  gtk_drop_down_set_selected (dropdown, ui_test_find_choice (dropdown, name));
  settle (fixture);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static guint32
read_be32 (const guchar *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

typedef struct {
  guint blue;      /* pixels of the bars' #3584e4 */
  guint white;     /* pixels of the paper */
  guint width;
  guint height;
  guint32 top_center;  /* the pixel in the middle of the top margin, as 0xRRGGBB */
} Pixels;

/* Renders the chart view as the window does (its CSS card, then its snapshot) into an image
 * and counts what the user would see. */
static Pixels
render_chart_view (Fixture *fixture)
{
  GtkWidget *chart_view = GTK_WIDGET (_kp_reports_view_get_chart_view (fixture->view));
  int width = gtk_widget_get_width (chart_view);
  int height = gtk_widget_get_height (chart_view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (chart_view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Pixels pixels = { 0, };

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  /* Anything not drawn stays black: a blank widget cannot pass for white paper. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels.width = width;
  pixels.height = height;
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++)
        {
          guint32 rgb = row[x] & 0xffffff;

          if (rgb == 0x3584e4)
            pixels.blue++;
          else if (rgb == 0xffffff)
            pixels.white++;
        }

      if (y == 8)
        pixels.top_center = row[width / 2] & 0xffffff;
    }

  cairo_surface_destroy (surface);
  return pixels;
}

static void
test_chart_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  KpBarChart *chart = get_chart (fixture);

  g_assert_cmpstr (_kp_reports_view_get_page (fixture->view), ==, "chart");
  g_assert_nonnull (chart);

  /* Units with employees only, each counted on its own. */
  g_assert_cmpuint (kp_bar_chart_get_n_bars (chart), ==, 3);
  g_assert_cmpint (bar_value (chart, HEALTH), ==, 3);
  g_assert_cmpint (bar_value (chart, CLINIC), ==, 2);
  g_assert_cmpint (bar_value (chart, INSPECTORATE), ==, 1);
  g_assert_cmpint (bar_value (chart, SOCIAL), ==, -1);
  g_assert_cmpint (kp_bar_chart_get_total (chart), ==, 6);
  /* Biggest first, as the CLI draws it. */
  g_assert_cmpstr (kp_bar_chart_get_label (chart, 0), ==, HEALTH);
  g_assert_cmpstr (kp_bar_chart_get_label (chart, 2), ==, INSPECTORATE);

  g_assert_true (_kp_reports_view_can_export (fixture->view));
}

static void
test_unit_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkDropDown *dropdown = _kp_reports_view_get_unit_dropdown (fixture->view);
  KpBarChart *chart;

  /* "All units" first, then the tree: a sub-unit under its unit, indented. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 5);
  g_assert_cmpstr (unit_name (fixture, 0), ==, "All units");
  g_assert_cmpstr (unit_name (fixture, 1), ==, HEALTH);
  g_assert_cmpstr (unit_name (fixture, 2), ==, CLINIC);
  g_assert_cmpstr (unit_name (fixture, 3), ==, SOCIAL);
  g_assert_cmpstr (unit_name (fixture, 4), ==, INSPECTORATE);
  open_unit_list (fixture);
  g_assert_cmpint (row_indent (fixture, HEALTH), ==, 0);
  g_assert_cmpint (row_indent (fixture, CLINIC), >, row_indent (fixture, HEALTH));
  g_assert_cmpint (row_indent (fixture, INSPECTORATE), ==, 0);
  close_unit_list (fixture);
  g_assert_cmpint (_kp_reports_view_get_unit_id (fixture->view, 2), ==, fixture->clinic_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  /* A unit brings its sub-units. */
  choose_unit (fixture, HEALTH);
  chart = get_chart (fixture);
  g_assert_cmpuint (kp_bar_chart_get_n_bars (chart), ==, 2);
  g_assert_cmpint (bar_value (chart, HEALTH), ==, 3);
  g_assert_cmpint (bar_value (chart, CLINIC), ==, 2);
  g_assert_cmpint (bar_value (chart, INSPECTORATE), ==, -1);
  g_assert_cmpint (kp_bar_chart_get_total (chart), ==, 5);

  choose_unit (fixture, CLINIC);
  chart = get_chart (fixture);
  g_assert_cmpuint (kp_bar_chart_get_n_bars (chart), ==, 1);
  g_assert_cmpint (bar_value (chart, CLINIC), ==, 2);

  choose_unit (fixture, INSPECTORATE);
  chart = get_chart (fixture);
  g_assert_cmpuint (kp_bar_chart_get_n_bars (chart), ==, 1);
  g_assert_cmpint (kp_bar_chart_get_total (chart), ==, 1);

  /* A unit without employees: nothing to export or print, but the filter stays usable. */
  choose_unit (fixture, SOCIAL);
  chart = get_chart (fixture);
  g_assert_cmpstr (_kp_reports_view_get_page (fixture->view), ==, "chart");
  g_assert_cmpuint (kp_bar_chart_get_n_bars (chart), ==, 0);
  g_assert_false (_kp_reports_view_can_export (fixture->view));

  choose_unit (fixture, "All units");
  g_assert_cmpuint (kp_bar_chart_get_n_bars (get_chart (fixture)), ==, 3);
  g_assert_true (_kp_reports_view_can_export (fixture->view));
}

static void
test_units_follow (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkDropDown *dropdown = _kp_reports_view_get_unit_dropdown (fixture->view);
  g_autoptr(GError) error = NULL;

  /* A renamed unit keeps its place in the filter and stays chosen. */
  choose_unit (fixture, HEALTH);
  kp_register_rename_unit (fixture->database, fixture->health_id,
                           "Dinas Kesehatan Kabupaten", &error);
  g_assert_no_error (error);
  settle (fixture);
  g_assert_cmpstr (unit_name (fixture, gtk_drop_down_get_selected (dropdown)), ==,
                   "Dinas Kesehatan Kabupaten");
  g_assert_cmpint (bar_value (get_chart (fixture), "Dinas Kesehatan Kabupaten"), ==, 3);
  g_assert_cmpuint (kp_bar_chart_get_n_bars (get_chart (fixture)), ==, 2);

  /* When the chosen unit is deleted, the chart goes back to all units. */
  choose_unit (fixture, SOCIAL);
  kp_register_delete_unit (fixture->database, fixture->social_id, &error);
  g_assert_no_error (error);
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpuint (kp_bar_chart_get_n_bars (get_chart (fixture)), ==, 3);
}

static void
test_widget_draws (Fixture       *fixture,
                   gconstpointer  data)
{
  KpChartView *chart_view = _kp_reports_view_get_chart_view (fixture->view);
  int width = gtk_widget_get_width (GTK_WIDGET (chart_view));
  Pixels light, dark;

  /* Height for width: the whole chart, readable, at the width it got. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart_view)), ==,
                   (int) kp_bar_chart_get_natural_height (get_chart (fixture), width));

  light = render_chart_view (fixture);
  /* Three bars of a few hundred pixels each, on paper. */
  g_assert_cmpuint (light.blue, >, 1000);
  g_assert_cmpuint (light.white, >, light.width * light.height / 2);
  g_assert_cmphex (light.top_center, ==, 0xffffff);

  /* A chart is a document: white paper in the dark style too. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  settle (fixture);
  dark = render_chart_view (fixture);
  g_assert_cmpuint (dark.blue, ==, light.blue);
  g_assert_cmphex (dark.top_center, ==, 0xffffff);
  g_assert_cmpuint (dark.white, >, dark.width * dark.height / 2);

  /* One bar instead of three (the longest of which it now is): the drawing follows the
   * filter. */
  choose_unit (fixture, INSPECTORATE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  settle (fixture);
  dark = render_chart_view (fixture);
  g_assert_cmpuint (dark.blue, >, 1000);
  g_assert_cmpuint (dark.blue, <, light.blue * 3 / 4);
}

static void
test_export_files (Fixture       *fixture,
                   gconstpointer  data)
{
  KpBarChart *chart = get_chart (fixture);
  g_autofree char *png = g_build_filename (fixture->tmp_dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->tmp_dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (fixture->tmp_dir, "chart.svg", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->tmp_dir, "missing", "chart.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (_kp_reports_view_export_chart (fixture->view, KP_CHART_FORMAT_PNG, png, &error));
  g_assert_no_error (error);
  contents = read_file (png, &length);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  /* The CLI's width (900, at twice the pixels) and the whole chart's height. */
  g_assert_cmpuint (read_be32 ((const guchar *) contents + 16), ==, 2 * 900);
  g_assert_cmpuint (read_be32 ((const guchar *) contents + 20), ==,
                    2 * (guint) kp_bar_chart_get_natural_height (chart, 900));
  g_clear_pointer (&contents, g_free);

  g_assert_true (_kp_reports_view_export_chart (fixture->view, KP_CHART_FORMAT_PDF, pdf, &error));
  g_assert_no_error (error);
  contents = read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (_kp_reports_view_export_chart (fixture->view, KP_CHART_FORMAT_SVG, svg, &error));
  g_assert_no_error (error);
  contents = read_file (svg, &length);
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);

  /* A folder that does not exist: an error to show, no file. */
  g_assert_false (_kp_reports_view_export_chart (fixture->view, KP_CHART_FORMAT_PNG, nowhere,
                                                 &error));
  g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A unit without employees has nothing to export. */
  choose_unit (fixture, SOCIAL);
  g_assert_false (_kp_reports_view_export_chart (fixture->view, KP_CHART_FORMAT_PNG, png, &error));
  g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_EMPTY);
}

static void
test_print_to_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->tmp_dir, "printed.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (_kp_reports_view_print_to_pdf (fixture->view, pdf, &error));
  g_assert_no_error (error);
  contents = read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is not installed: the printed text is not checked");
      return;
    }

  {
    const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };
    g_autofree char *text = NULL;
    guint n_pages = 0;
    int status;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    /* One A4 page with the title, every unit and the total. */
    g_assert_nonnull (strstr (text, "Employees per Unit"));
    g_assert_nonnull (strstr (text, HEALTH));
    g_assert_nonnull (strstr (text, CLINIC));
    g_assert_nonnull (strstr (text, INSPECTORATE));
    g_assert_nonnull (strstr (text, "6 employees"));
    /* pdftotext ends each page with a form feed. */
    for (const char *p = text; *p != '\0'; p++)
      n_pages += *p == '\f';
    g_assert_cmpuint (n_pages, ==, 1);
  }
}

static void
on_notify_chart_cb (GObject    *object,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

static void
test_follows_register (Fixture       *fixture,
                       gconstpointer  data)
{
  KpChartView *chart_view = _kp_reports_view_get_chart_view (fixture->view);
  guint redraws = 0;

  g_signal_connect (chart_view, "notify::chart", G_CALLBACK (on_notify_chart_cb), &redraws);

  save_employee (fixture, fixture->inspectorate_position);
  settle (fixture);
  g_assert_cmpint (kp_bar_chart_get_total (get_chart (fixture)), ==, 7);
  g_assert_cmpint (bar_value (get_chart (fixture), INSPECTORATE), ==, 2);
  g_assert_cmpuint (redraws, ==, 1);

  /* A refresh (after an import in a worker thread) changes every store: one redraw. */
  redraws = 0;
  kp_database_refresh (fixture->database);
  settle (fixture);
  g_assert_cmpuint (redraws, ==, 1);
  g_assert_cmpint (kp_bar_chart_get_total (get_chart (fixture)), ==, 7);

  /* A filtered chart follows too. */
  choose_unit (fixture, HEALTH);
  save_employee (fixture, fixture->clinic_position);
  settle (fixture);
  g_assert_cmpint (bar_value (get_chart (fixture), CLINIC), ==, 3);
  g_assert_cmpint (kp_bar_chart_get_total (get_chart (fixture)), ==, 6);

  g_signal_handlers_disconnect_by_func (chart_view, on_notify_chart_cb, &redraws);
}

static void
test_empty_register (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->tmp_dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (_kp_reports_view_get_page (fixture->view), ==, "empty");
  g_assert_null (get_chart (fixture));
  g_assert_false (_kp_reports_view_can_export (fixture->view));
  g_assert_false (_kp_reports_view_print_to_pdf (fixture->view, pdf, &error));
  g_assert_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_EMPTY);

  /* The first employee brings the chart. */
  save_employee (fixture, fixture->clinic_position);
  settle (fixture);
  g_assert_cmpstr (_kp_reports_view_get_page (fixture->view), ==, "chart");
  g_assert_cmpuint (kp_bar_chart_get_n_bars (get_chart (fixture)), ==, 1);
  g_assert_cmpint (bar_value (get_chart (fixture), CLINIC), ==, 1);
  g_assert_true (_kp_reports_view_can_export (fixture->view));
}

static void
test_chart_view_alone (void)
{
  g_autoptr(KpBarChart) chart = kp_bar_chart_new ("Title", "Count");
  KpChartView *view = KP_CHART_VIEW (g_object_ref_sink (kp_chart_view_new ()));
  g_autoptr(KpBarChart) got = NULL;
  int natural_400, natural_wide;

  kp_bar_chart_add (chart, "Satu", 1);
  kp_bar_chart_add (chart, "Unit kerja dengan nama yang panjang sekali sampai harus dipotong", 2);

  g_assert_null (kp_chart_view_get_chart (view));
  g_object_set (view, "chart", chart, NULL);
  g_object_get (view, "chart", &got, NULL);
  g_assert_true (got == chart);
  g_assert_true (kp_chart_view_get_chart (view) == chart);

  /* Height for width: a narrower chart wraps its long label to two lines and grows. */
  g_assert_cmpint (gtk_widget_get_request_mode (GTK_WIDGET (view)), ==,
                   GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, 400, NULL, &natural_400,
                      NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, 1200, NULL, &natural_wide,
                      NULL, NULL);
  g_assert_cmpint (natural_400, ==, (int) kp_bar_chart_get_natural_height (chart, 400));
  g_assert_cmpint (natural_wide, ==, (int) kp_bar_chart_get_natural_height (chart, 1200));
  g_assert_cmpint (natural_400, >, natural_wide);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  kp_chart_view_set_chart (view, NULL);
  g_assert_null (kp_chart_view_get_chart (view));
  g_assert_finalize_object (view);
}

static void
show_gaps (Fixture *fixture)
{
  gtk_drop_down_set_selected (_kp_reports_view_get_report_dropdown (fixture->view), 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  settle (fixture);
}

static const KpHeatmap *
get_heatmap (Fixture *fixture)
{
  return kp_heatmap_view_get_heatmap (_kp_reports_view_get_heatmap_view (fixture->view));
}

static void
test_gaps_switch (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *dictionary = kp_database_get_competencies (fixture->database);
  GtkWidget *heatmap_view = GTK_WIDGET (_kp_reports_view_get_heatmap_view (fixture->view));
  const KpHeatmap *heatmap;

  g_assert_false (gtk_widget_is_drawable (heatmap_view));
  show_gaps (fixture);

  heatmap = get_heatmap (fixture);
  g_assert_nonnull (heatmap);
  g_assert_true (gtk_widget_is_drawable (heatmap_view));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (_kp_reports_view_get_chart_view (fixture->view))));
  /* The units with assessed employees (HEALTH and INSPECTORATE), every competency. */
  g_assert_cmpuint (kp_heatmap_get_n_rows (heatmap), ==, 2);
  g_assert_cmpuint (kp_heatmap_get_n_columns (heatmap), ==, g_list_model_get_n_items (dictionary));
  /* Height for width, as the chart. */
  g_assert_cmpint (gtk_widget_get_height (heatmap_view), ==,
                   (int) kp_heatmap_get_natural_height (heatmap, gtk_widget_get_width (heatmap_view)));
  g_assert_true (_kp_reports_view_can_export (fixture->view));

  /* The same unit filter: only INSPECTORATE's row. */
  choose_unit (fixture, INSPECTORATE);
  g_assert_cmpuint (kp_heatmap_get_n_rows (get_heatmap (fixture)), ==, 1);

  /* Back to the head count: the bar chart again. */
  choose_unit (fixture, "All units");
  gtk_drop_down_set_selected (_kp_reports_view_get_report_dropdown (fixture->view), 0);
  settle (fixture);
  g_assert_nonnull (get_chart (fixture));
  g_assert_false (gtk_widget_is_drawable (heatmap_view));
}

static gboolean
press_key (GtkWidget *widget, guint keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static void
on_cell_activated_cb (KpHeatmapView *view, guint row, guint column, gpointer user_data)
{
  guint *cell = user_data;

  cell[0] = row;
  cell[1] = column;
  cell[2]++;
}

/* The heatmap is reachable without a mouse: it takes focus, the arrows move between cells
 * (stopping at the edges), End goes to the last competency, Enter opens the cell's list. */
static void
test_gaps_keyboard (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *heatmap_view = GTK_WIDGET (_kp_reports_view_get_heatmap_view (fixture->view));
  guint cell[3] = { 0, 0, 0 };
  guint n_columns;

  show_gaps (fixture);
  n_columns = kp_heatmap_get_n_columns (get_heatmap (fixture));
  g_assert_true (gtk_widget_get_focusable (heatmap_view));
  g_signal_connect (heatmap_view, "cell-activated", G_CALLBACK (on_cell_activated_cb), cell);

  g_assert_true (press_key (heatmap_view, GDK_KEY_Up));      /* already at the top */
  g_assert_true (press_key (heatmap_view, GDK_KEY_Down));
  g_assert_true (press_key (heatmap_view, GDK_KEY_Down));    /* two rows: stays on the last */
  g_assert_true (press_key (heatmap_view, GDK_KEY_Right));
  g_assert_true (press_key (heatmap_view, GDK_KEY_Return));
  g_assert_cmpuint (cell[2], ==, 1);
  g_assert_cmpuint (cell[0], ==, 1);
  g_assert_cmpuint (cell[1], ==, 1);

  g_assert_true (press_key (heatmap_view, GDK_KEY_End));
  g_assert_true (press_key (heatmap_view, GDK_KEY_Right));   /* past the last: stays */
  g_assert_true (press_key (heatmap_view, GDK_KEY_space));
  g_assert_cmpuint (cell[2], ==, 2);
  g_assert_cmpuint (cell[1], ==, n_columns - 1);

  /* Enter went through the same path as a click: the drill-down pane lists the cell. */
  settle (fixture);
  g_assert_true (gtk_widget_get_visible (_kp_reports_view_get_drilldown_pane (fixture->view)));

  /* Other keys are left to the window (Tab, shortcuts). */
  g_assert_false (press_key (heatmap_view, GDK_KEY_Tab));
  g_signal_handlers_disconnect_by_data (heatmap_view, cell);
}

static void
test_gaps_draw (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *heatmap_view = GTK_WIDGET (_kp_reports_view_get_heatmap_view (fixture->view));
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;
  guint coloured = 0;

  show_gaps (fixture);
  width = gtk_widget_get_width (heatmap_view);
  height = gtk_widget_get_height (heatmap_view);
  paintable = gtk_widget_paintable_new (heatmap_view);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* HEALTH's cell (two of three below) is red: pixels neither white nor grey. */
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++)
        {
          guint r = (row[x] >> 16) & 0xff, g = (row[x] >> 8) & 0xff, b = row[x] & 0xff;

          if (r > g + 40 && r > b + 40)
            coloured++;
        }
    }
  cairo_surface_destroy (surface);

  g_assert_cmpuint (coloured, >, 200);
}

static gboolean
nips_are (GPtrArray         *nips,
          const char *const *expected)
{
  if (nips == NULL || nips->len != g_strv_length ((char **) expected))
    return FALSE;
  for (guint i = 0; i < nips->len; i++)
    if (!g_strv_contains (expected, g_ptr_array_index (nips, i)))
      return FALSE;
  return TRUE;
}

/* Every row of the drill-down opens the profile of an employee it lists, through the window's
 * win.profile-employee action and the employee's id. */
static void
collect_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
assert_rows_open_profiles (Fixture *fixture, GtkWidget *pane, const char * const *nips)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListModel *employees = kp_database_get_employees (fixture->database);

  collect_rows (pane, rows);
  g_assert_cmpuint (rows->len, ==, g_strv_length ((char **) nips));
  for (guint i = 0; i < rows->len; i++)
    {
      GtkActionable *row = g_ptr_array_index (rows, i);
      GVariant *target = gtk_actionable_get_action_target_value (row);
      const char *nip = NULL;

      g_assert_cmpstr (gtk_actionable_get_action_name (row), ==, "win.profile-employee");
      g_assert_nonnull (target);
      g_assert_true (g_variant_is_of_type (target, G_VARIANT_TYPE_INT64));
      for (guint j = 0; j < g_list_model_get_n_items (employees); j++)
        {
          g_autoptr(KpEmployee) employee = g_list_model_get_item (employees, j);

          if (kp_employee_get_id (employee) == g_variant_get_int64 (target))
            nip = kp_employee_get_nip (employee);
        }
      g_assert_true (g_strv_contains (nips, nip));
    }
}

static void
test_gaps_drilldown (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *pane = _kp_reports_view_get_drilldown_pane (fixture->view);
  const char *below[] = { fixture->below_nips[0], fixture->below_nips[1], NULL };
  const char *none[] = { NULL };
  g_autoptr(GError) error = NULL;
  guint other_column = fixture->gap_column == 0 ? 1 : 0;

  show_gaps (fixture);
  g_assert_null (_kp_reports_view_get_drilldown_nips (fixture->view));
  g_assert_false (gtk_widget_get_visible (pane));

  /* HEALTH (row 0) on the gap column: exactly the two below; the one at the standard and the
   * unassessed pelaksana are not listed. */
  g_assert_true (_kp_reports_view_show_drilldown (fixture->view, 0, fixture->gap_column, &error));
  g_assert_no_error (error);
  settle (fixture);
  g_assert_true (gtk_widget_get_mapped (pane));
  g_assert_true (nips_are (_kp_reports_view_get_drilldown_nips (fixture->view), below));
  g_assert_true (ui_test_shows_text (pane, "Pegawai 7"));
  g_assert_true (ui_test_shows_text (pane, "Pegawai 9"));
  g_assert_false (ui_test_shows_text (pane, "Pegawai 8"));
  assert_rows_open_profiles (fixture, pane, below);

  /* INSPECTORATE (row 1): at the standard, nobody; another competency: nobody either. */
  g_assert_true (_kp_reports_view_show_drilldown (fixture->view, 1, fixture->gap_column, &error));
  g_assert_true (nips_are (_kp_reports_view_get_drilldown_nips (fixture->view), none));
  settle (fixture);
  /* The list says why it is empty, after a cell that had rows too. */
  g_assert_true (ui_test_shows_text (pane, "No assessed employee of this unit is below the standard on this competency."));
  g_assert_true (_kp_reports_view_show_drilldown (fixture->view, 0, other_column, &error));
  g_assert_true (nips_are (_kp_reports_view_get_drilldown_nips (fixture->view), none));
  g_assert_no_error (error);

  /* Escape closes it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "reports.close-drilldown", NULL);
  settle (fixture);
  g_assert_false (gtk_widget_get_visible (pane));
  g_assert_null (_kp_reports_view_get_drilldown_nips (fixture->view));
}

static gboolean
is_exporting (gpointer data)
{
  return _kp_reports_view_is_exporting (data);
}

static gboolean
is_not_exporting (gpointer data)
{
  return !_kp_reports_view_is_exporting (data);
}

/* What Export Data does once a file is chosen; waits until the worker is done. */
static void
export_data (Fixture    *fixture,
             gboolean    plans,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *spinner;

  _kp_reports_view_export_data (fixture->view, plans, file);
  g_assert_true (is_exporting (fixture->view));
  /* The spinner says so. */
  spinner = ui_test_find_widget (GTK_WIDGET (fixture->view), ui_test_is_of_type,
                                 GSIZE_TO_POINTER (GTK_TYPE_SPINNER));
  g_assert_nonnull (spinner);
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (ui_test_wait_until (is_not_exporting, fixture->view, 30));
}

static void
test_gaps_export (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->tmp_dir, "gaps.png", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->tmp_dir, "gaps.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (fixture->tmp_dir, "gaps.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  double height;

  show_gaps (fixture);

  g_assert_true (_kp_reports_view_export_chart (fixture->view, KP_CHART_FORMAT_PNG, png, &error));
  g_assert_no_error (error);
  contents = read_file (png, &length);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  /* The heatmap, not the bar chart: its own natural height at the CLI's width. */
  g_assert_cmpuint (read_be32 ((const guchar *) contents + 16), ==, 2 * 900);
  height = kp_heatmap_get_natural_height (get_heatmap (fixture), 900);
  /* Whole pixels: the page is rounded up. */
  g_assert_cmpuint (read_be32 ((const guchar *) contents + 20), ==,
                    2 * ((guint) height + (height > (guint) height)));
  g_clear_pointer (&contents, g_free);

  /* The workbook is written in a worker: the view says so until it is done. */
  export_data (fixture, FALSE, xlsx);
  g_assert_null (_kp_reports_view_get_export_error (fixture->view));
  contents = read_file (xlsx, &length);
  g_assert_cmpuint (length, >, 2);
  g_assert_cmpmem (contents, 2, "PK", 2);
  g_clear_pointer (&contents, g_free);

  /* Print works for the heatmap too (the print operation, exported to a PDF). */
  g_assert_true (_kp_reports_view_print_to_pdf (fixture->view, pdf, &error));
  g_assert_no_error (error);
  contents = read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

/* The development plans of the unit chosen, as CSV: the plans of other units stay out; a file
 * that cannot be written says why and leaves nothing. */
static void
test_plans_export (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *all = g_build_filename (fixture->tmp_dir, "plans.csv", NULL);
  g_autofree char *inspectorate = g_build_filename (fixture->tmp_dir, "plans-insp.csv", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->tmp_dir, "missing", "plans.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GtkDropDown *dropdown = _kp_reports_view_get_unit_dropdown (fixture->view);
  GListModel *employees = kp_database_get_employees (fixture->database);
  int added = 0;

  show_gaps (fixture);

  /* Plans from the gaps of every employee: those below the standard get items. */
  for (guint i = 0; i < g_list_model_get_n_items (employees); i++)
    {
      g_autoptr(KpEmployee) employee = g_list_model_get_item (employees, i);

      added += kp_idp_add_from_gaps (fixture->database, kp_employee_get_id (employee), &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (added, >, 0);

  export_data (fixture, TRUE, all);
  g_assert_null (_kp_reports_view_get_export_error (fixture->view));
  contents = read_file (all, &length);
  g_assert_true (g_str_has_prefix (contents, "nip,nama,unit_kerja,kode_kompetensi"));
  g_assert_nonnull (strstr (contents, fixture->below_nips[0]));
  g_assert_nonnull (strstr (contents, fixture->below_nips[1]));
  g_clear_pointer (&contents, g_free);

  /* The inspectorate's file has its own people only. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)); i++)
    if (_kp_reports_view_get_unit_id (fixture->view, i) == fixture->inspectorate_id)
      gtk_drop_down_set_selected (dropdown, i);
  settle (fixture);
  export_data (fixture, TRUE, inspectorate);
  contents = read_file (inspectorate, &length);
  g_assert_null (strstr (contents, fixture->below_nips[0]));
  g_assert_null (strstr (contents, fixture->below_nips[1]));
  {
    g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), >, 2);
    for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
      g_assert_nonnull (strstr (lines[i], "," INSPECTORATE ","));
  }

  export_data (fixture, TRUE, nowhere);
  g_assert_nonnull (_kp_reports_view_get_export_error (fixture->view));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GPtrArray) dialogs = ui_test_list_toplevels (ADW_TYPE_MESSAGE_DIALOG);

    /* The user is told, in a dialog. */
    g_assert_cmpuint (dialogs->len, ==, 1);
  }
  ui_test_destroy_other_toplevels (fixture->window);
}

static gboolean
contains_nip (GPtrArray  *nips,
              const char *nip)
{
  return g_ptr_array_find_with_equal_func (nips, nip, g_str_equal, NULL);
}

/* The JPM distribution: one bar per unit, and beside it the employees of each category; every
 * employee the bars count is in exactly one list, the lowest JPM first. */
static void
test_jpm (Fixture       *fixture,
          gconstpointer  data)
{
  GtkDropDown *categories = _kp_reports_view_get_jpm_category_dropdown (fixture->view);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *pdf = g_build_filename (fixture->tmp_dir, "jpm.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const KpStackedChart *chart;
  GtkDropDown *dropdown = _kp_reports_view_get_unit_dropdown (fixture->view);
  guint64 total = 0;
  gsize length;
  int below[2] = { -1, -1 };

  gtk_drop_down_set_selected (_kp_reports_view_get_report_dropdown (fixture->view), 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  settle (fixture);

  chart = _kp_reports_view_get_jpm_chart (fixture->view);
  g_assert_nonnull (chart);
  g_assert_cmpuint (kp_stacked_chart_get_n_rows (chart), >=, 2);
  for (guint row = 0; row < kp_stacked_chart_get_n_rows (chart); row++)
    total += kp_stacked_chart_get_row_total (chart, row);
  /* The dropdown offers the chart's series: the categories, then "not assessed". */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (categories)), ==,
                    kp_stacked_chart_get_n_series (chart));
  g_assert_true (_kp_reports_view_can_export (fixture->view));

  for (guint series = 0; series < kp_stacked_chart_get_n_series (chart); series++)
    {
      GPtrArray *nips;
      guint count = 0;

      gtk_drop_down_set_selected (categories, series);
      settle (fixture);
      nips = _kp_reports_view_get_jpm_nips (fixture->view);
      for (guint row = 0; row < kp_stacked_chart_get_n_rows (chart); row++)
        count += kp_stacked_chart_get_count (chart, row, series);
      g_assert_cmpuint (nips->len, ==, count);

      for (guint i = 0; i < nips->len; i++)
        {
          const char *nip = g_ptr_array_index (nips, i);

          /* In one category only. */
          g_assert_true (g_hash_table_add (seen, g_strdup (nip)));
          for (guint b = 0; b < 2; b++)
            if (g_str_equal (nip, fixture->below_nips[b]))
              below[b] = (int) (series * 1000 + i);
        }
      total -= count;
    }
  g_assert_cmpuint (total, ==, 0);

  /* Both assessed employees below the standard are listed; level 1 has the lower JPM: in a
   * lower category, or earlier in the same list. */
  g_assert_cmpint (below[0], >=, 0);
  g_assert_cmpint (below[1], >=, 0);
  if (below[0] / 1000 == below[1] / 1000)
    g_assert_cmpint (below[1], <, below[0]);
  else
    g_assert_cmpint (below[1] / 1000, >, below[0] / 1000);

  /* The unit filter narrows the chart and the lists to the inspectorate. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)); i++)
    if (_kp_reports_view_get_unit_id (fixture->view, i) == fixture->inspectorate_id)
      gtk_drop_down_set_selected (dropdown, i);
  settle (fixture);
  chart = _kp_reports_view_get_jpm_chart (fixture->view);
  g_assert_cmpuint (kp_stacked_chart_get_n_rows (chart), ==, 1);
  g_assert_cmpstr (kp_stacked_chart_get_row_label (chart, 0), ==, INSPECTORATE);
  for (guint series = 0; series < kp_stacked_chart_get_n_series (chart); series++)
    {
      GPtrArray *nips;

      gtk_drop_down_set_selected (categories, series);
      settle (fixture);
      nips = _kp_reports_view_get_jpm_nips (fixture->view);
      g_assert_false (contains_nip (nips, fixture->below_nips[0]));
      g_assert_false (contains_nip (nips, fixture->below_nips[1]));
    }

  /* Exported and printed like the other reports. */
  g_assert_true (_kp_reports_view_export_chart (fixture->view, KP_CHART_FORMAT_PDF, pdf, &error));
  g_assert_no_error (error);
  contents = read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/reports/chart-view", test_chart_view_alone);
  g_test_add ("/ui/reports/counts", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_chart_counts, fixture_tear_down);
  g_test_add ("/ui/reports/unit-filter", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_unit_filter, fixture_tear_down);
  g_test_add ("/ui/reports/units-follow", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_units_follow, fixture_tear_down);
  g_test_add ("/ui/reports/draws", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_widget_draws, fixture_tear_down);
  g_test_add ("/ui/reports/export", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export_files, fixture_tear_down);
  g_test_add ("/ui/reports/print", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_print_to_pdf, fixture_tear_down);
  g_test_add ("/ui/reports/follows-register", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_follows_register, fixture_tear_down);
  g_test_add ("/ui/reports/empty", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_empty_register, fixture_tear_down);

  g_test_add ("/ui/reports/jpm", Fixture, GINT_TO_POINTER (FIXTURE_GAPS),
              fixture_set_up, test_jpm, fixture_tear_down);
  g_test_add ("/ui/reports/gaps/plans-export", Fixture, GINT_TO_POINTER (FIXTURE_GAPS),
              fixture_set_up, test_plans_export, fixture_tear_down);
  g_test_add ("/ui/reports/gaps/switch", Fixture, GINT_TO_POINTER (FIXTURE_GAPS),
              fixture_set_up, test_gaps_switch, fixture_tear_down);
  g_test_add ("/ui/reports/gaps/draw", Fixture, GINT_TO_POINTER (FIXTURE_GAPS),
              fixture_set_up, test_gaps_draw, fixture_tear_down);
  g_test_add ("/ui/reports/gaps/drilldown", Fixture, GINT_TO_POINTER (FIXTURE_GAPS),
              fixture_set_up, test_gaps_drilldown, fixture_tear_down);
  g_test_add ("/ui/reports/gaps/keyboard", Fixture, GINT_TO_POINTER (FIXTURE_GAPS),
              fixture_set_up, test_gaps_keyboard, fixture_tear_down);
  g_test_add ("/ui/reports/gaps/export", Fixture, GINT_TO_POINTER (FIXTURE_GAPS),
              fixture_set_up, test_gaps_export, fixture_tear_down);

  return g_test_run ();
}
