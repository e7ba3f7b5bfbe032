/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-reports-view.c: the Reports area: the head count per unit, drawn live by the report code
 * the CLI uses (kp_report_employees_by_unit, kp_bar_chart_draw), and the unit × competency gap
 * heatmap (kp_report_gap_heatmap, kp_heatmap_draw) whose cells drill down to the employees
 * below the standard; with a unit filter, export to PNG, PDF and SVG, printing, the register's
 * export and the gap workbook.
 *
 * The chart follows the database: any change of the employees or the units schedules one
 * reload in an idle, so an import or a refresh that changes every store redraws once. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <glib/gi18n.h>

#include "kompeten/kp-gaps.h"
#include "kompeten/kp-model.h"
#include "kompeten/kp-reports.h"

#include "kp-background-export.h"
#include "kp-chart-view.h"
#include "kp-file-chooser.h"
#include "kp-heatmap-view.h"
#include "kp-reports-view.h"
#include "kp-reports-view-private.h"
#include "kp-widget-util.h"
#include "kp-window.h"

struct _KpReportsView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  GtkDropDown *unit_dropdown;
  GtkMenuButton *export_chart_button;
  KpChartView *chart_view;
  GtkDropDown *report_dropdown;
  GtkStack *report_stack;
  KpHeatmapView *heatmap_view;
  GtkWidget *export_register_button;
  GtkWidget *export_data_button;
  GtkSpinner *export_spinner;
  GtkWidget *drilldown_pane;
  GtkLabel *drilldown_title;
  GtkLabel *drilldown_subtitle;
  GtkListBox *drilldown_list;
  GtkWidget *drilldown_close_button;
  KpChartView *jpm_chart_view;
  GtkDropDown *jpm_category_dropdown;
  GtkStringList *jpm_category_list;
  GtkLabel *jpm_list_subtitle;
  GtkListBox *jpm_list;

  /* template objects */
  GListStore *unit_list;           /* of GtkStringObject, the units' names */

  /* borrowed from the database */
  GListModel *employees;
  GListModel *units;

  /* owned */
  KpDatabase *database;
  GArray *unit_ids;                /* gint64 per item of unit_list; 0 is "All units" */
  GArray *unit_depths;             /* guint per item of unit_list */
  guint reload_source;
  gboolean rebuilding_units;       /* the dropdown's selection moves while its list is rebuilt */
  GtkPrintOperation *print_operation; /* the print dialog being shown, if any */
  GtkPrintSettings *print_settings;   /* the last ones used, offered again next time */
  GPtrArray *drilldown_nips;          /* of char *: the employees the drill-down lists */
  KpStackedChart **jpm_box;           /* the JPM distribution shown, shared with exports */
  GPtrArray *jpm_nips;                /* of char *: the employees the category list shows */
  gboolean rebuilding_categories;     /* the category dropdown's list is being replaced */
  gboolean exporting;                 /* a gap workbook or plans file is being written */
  GError *export_error;               /* how the last one failed, for the tests */
};

G_DEFINE_FINAL_TYPE (KpReportsView, kp_reports_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The width the CLI draws at by default: a file from the window matches one from the CLI. */
#define EXPORT_WIDTH 900.0
/* Sub-units are indented by this much per level in the unit list. */
#define INDENT_PER_LEVEL 18

/* The data on each string object of unit_list that the list's factory reads for the indent. */
#define UNIT_DEPTH_KEY "kp-unit-depth"

/* The items of report_dropdown, in the .ui's order. */
typedef enum {
  REPORT_HEAD_COUNT,
  REPORT_GAPS,
  REPORT_JPM,
} ReportKind;

/* The category list shows at most this many employees, the lowest JPM first: the ones to
 * develop first. The gap workbook has them all. */
#define MAX_CATEGORY_ROWS 500

/* Whichever report is shown, as the export and the print need it: a drawing, its natural
 * height, and a reference that keeps it alive while a file chooser or a print dialog is open
 * and the view reloads. */
typedef struct {
  KpChartDrawFunc draw;
  double (*natural_height) (gconstpointer data, double width);
  gpointer data;
  GDestroyNotify release;
  const char *job_name;
  const char *file_name;
} Report;

static void
report_free (Report *report)
{
  if (report->release != NULL && report->data != NULL)
    report->release (report->data);
  g_free (report);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Report, report_free)

static double
bar_chart_height (gconstpointer data,
                  double        width)
{
  return kp_bar_chart_get_natural_height (data, width);
}

static void
draw_heatmap_box (gconstpointer  data,
                  cairo_t       *cr,
                  double         width,
                  double         height)
{
  kp_heatmap_draw (*(KpHeatmap *const *) data, cr, width, height);
}

static double
heatmap_box_height (gconstpointer data,
                    double        width)
{
  return kp_heatmap_get_natural_height (*(KpHeatmap *const *) data, width);
}

static void
clear_stacked_box (KpStackedChart **box)
{
  g_clear_pointer (box, kp_stacked_chart_free);
}

/* The chart lives in a reference-counted box: the view, an export waiting for its file
 * chooser and a print dialog each hold it, and the last one frees the chart. */
static void
stacked_box_release (KpStackedChart **box)
{
  g_rc_box_release_full (box, (GDestroyNotify) clear_stacked_box);
}

static void
draw_stacked_box (gconstpointer  data,
                  cairo_t       *cr,
                  double         width,
                  double         height)
{
  kp_stacked_chart_draw (*(KpStackedChart *const *) data, cr, width, height);
}

static double
stacked_box_height (gconstpointer data,
                    double        width)
{
  return kp_stacked_chart_get_natural_height (*(KpStackedChart *const *) data, width);
}

typedef struct {
  KpReportsView *self;  /* owned */
  Report *report;       /* owned: the report the user saw when choosing the format */
  KpChartFormat format;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->self);
  g_clear_pointer (&request->report, report_free);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static gint64
selected_unit_id (KpReportsView *self)
{
  guint position = gtk_drop_down_get_selected (self->unit_dropdown);

  if (self->unit_ids == NULL || position >= self->unit_ids->len)
    return 0;

  return g_array_index (self->unit_ids, gint64, position);
}

static ReportKind
selected_report (KpReportsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->report_dropdown);

  return selected <= REPORT_JPM ? (ReportKind) selected : REPORT_HEAD_COUNT;
}

static KpBarChart *
current_chart (KpReportsView *self)
{
  return kp_chart_view_get_chart (self->chart_view);
}

/* The report shown, with a reference of its own; NULL when there is nothing to export. */
static Report *
current_report (KpReportsView *self)
{
  Report *report;

  if (selected_report (self) == REPORT_GAPS)
    {
      const KpHeatmap *heatmap = kp_heatmap_view_get_heatmap (self->heatmap_view);

      if (heatmap == NULL || kp_heatmap_get_n_rows (heatmap) == 0)
        return NULL;

      report = g_new0 (Report, 1);
      report->draw = draw_heatmap_box;
      report->natural_height = heatmap_box_height;
      report->data = kp_heatmap_view_acquire_heatmap (self->heatmap_view);
      report->release = (GDestroyNotify) kp_heatmap_box_release;
      report->job_name = _("Competency Gaps by Unit");
      /* Translators: the file name proposed when saving the gap heatmap, without its
       * extension: lower case, words joined by hyphens (Indonesian: kesenjangan-kompetensi) */
      report->file_name = _("competency-gaps");
      return report;
    }

  if (selected_report (self) == REPORT_JPM)
    {
      if (self->jpm_box == NULL || kp_stacked_chart_get_n_rows (*self->jpm_box) == 0)
        return NULL;

      report = g_new0 (Report, 1);
      report->draw = draw_stacked_box;
      report->natural_height = stacked_box_height;
      report->data = g_rc_box_acquire (self->jpm_box);
      report->release = (GDestroyNotify) stacked_box_release;
      report->job_name = _("JPM Distribution by Unit");
      /* Translators: the file name proposed when saving the JPM chart, without its extension:
       * lower case, words joined by hyphens (Indonesian: sebaran-jpm) */
      report->file_name = _("jpm-distribution");
      return report;
    }

  if (current_chart (self) == NULL || kp_bar_chart_get_n_bars (current_chart (self)) == 0)
    return NULL;

  report = g_new0 (Report, 1);
  report->draw = kp_bar_chart_draw;
  report->natural_height = bar_chart_height;
  report->data = kp_bar_chart_ref (current_chart (self));
  report->release = (GDestroyNotify) kp_bar_chart_unref;
  report->job_name = _("Employees per Unit");
  /* Translators: the file name proposed when saving the chart, without its extension: lower
   * case, words joined by hyphens, no spaces (Indonesian: pegawai-per-unit) */
  report->file_name = _("employees-per-unit");
  return report;
}

static gboolean
can_export (KpReportsView *self)
{
  g_autoptr(Report) report = current_report (self);

  return report != NULL;
}

static void
update_actions (KpReportsView *self)
{
  gboolean enabled = can_export (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-chart", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print",
                                 enabled && self->print_operation == NULL);
  /* A menu button stays clickable when all its items are disabled: say it at once. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_chart_button), enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-gaps",
                                 self->database != NULL && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-plans",
                                 self->database != NULL && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.close-drilldown",
                                 gtk_widget_get_visible (self->drilldown_pane));
}

/* Appends @unit and, below it, its sub-units (the store is sorted by name, so each level is
 * too). The model refuses cycles; the depth guard only keeps a damaged file from looping. */
static void
append_subtree (GPtrArray *units,
                KpUnit    *unit,
                guint      depth,
                GPtrArray *names,
                GArray    *ids,
                GArray    *depths)
{
  gint64 id = kp_unit_get_id (unit);

  g_ptr_array_add (names, (gpointer) kp_unit_get_name (unit));
  g_array_append_val (ids, id);
  g_array_append_val (depths, depth);

  if (depth >= units->len)
    return;

  for (guint i = 0; i < units->len; i++)
    {
      KpUnit *child = g_ptr_array_index (units, i);

      if (kp_unit_get_parent_id (child) == id && kp_unit_get_id (child) != id)
        append_subtree (units, child, depth + 1, names, ids, depths);
    }
}

static gboolean
has_unit (GPtrArray *units,
          gint64     id)
{
  for (guint i = 0; i < units->len; i++)
    if (kp_unit_get_id (g_ptr_array_index (units, i)) == id)
      return TRUE;

  return FALSE;
}

/* The name the dropdown shows at @position; the list keeps it alive. */
static const char *
get_unit_name (KpReportsView *self,
               guint          position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->unit_list), position);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static gboolean
same_unit_list (KpReportsView *self,
                GPtrArray     *names,
                GArray        *ids,
                GArray        *depths)
{
  if (self->unit_ids == NULL || self->unit_ids->len != ids->len)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (self->unit_ids, gint64, i) != g_array_index (ids, gint64, i) ||
          g_array_index (self->unit_depths, guint, i) != g_array_index (depths, guint, i) ||
          g_strcmp0 (get_unit_name (self, i), g_ptr_array_index (names, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* "All units", then the units as a tree. The chosen unit stays chosen, by id, across renames
 * and moves; when it is gone the chart goes back to all units. */
static void
update_unit_list (KpReportsView *self)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) items = NULL;
  gint64 all = 0;
  guint zero = 0;
  gint64 selected_id = selected_unit_id (self);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->unit_list));
  guint selected = 0;

  g_ptr_array_add (names, (gpointer) _("All units"));
  g_array_append_val (ids, all);
  g_array_append_val (depths, zero);

  if (self->units != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (self->units); i++)
      g_ptr_array_add (units, g_list_model_get_item (self->units, i));

  for (guint i = 0; i < units->len; i++)
    {
      KpUnit *unit = g_ptr_array_index (units, i);
      gint64 parent_id = kp_unit_get_parent_id (unit);

      if (parent_id == 0 || !has_unit (units, parent_id))
        append_subtree (units, unit, 0, names, ids, depths);
    }

  if (same_unit_list (self, names, ids, depths))
    return;

  /* The depth goes on each item before the list holds it: the dropdown binds its rows as
   * soon as the items arrive, and object data, unlike a property, is not watched. */
  items = g_ptr_array_new_full (names->len, g_object_unref);
  for (guint i = 0; i < names->len; i++)
    {
      GtkStringObject *item = gtk_string_object_new (g_ptr_array_index (names, i));

      g_object_set_data (G_OBJECT (item), UNIT_DEPTH_KEY,
                         GUINT_TO_POINTER (g_array_index (depths, guint, i)));
      g_ptr_array_add (items, item);
    }

  self->rebuilding_units = TRUE;
  g_list_store_splice (self->unit_list, 0, n_old, items->pdata, items->len);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->unit_depths, g_array_unref);
  self->unit_ids = g_steal_pointer (&ids);
  self->unit_depths = g_steal_pointer (&depths);

  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == selected_id)
      selected = i;
  gtk_drop_down_set_selected (self->unit_dropdown, selected);
  self->rebuilding_units = FALSE;
}

static void
close_drilldown (KpReportsView *self)
{
  gtk_widget_set_visible (self->drilldown_pane, FALSE);
  g_ptr_array_set_size (self->drilldown_nips, 0);
  update_actions (self);
}

/* A row of an employee list beside a chart: the name, @subtitle (markup) under it, a figure
 * (@suffix, styled with @suffix_class when given) at the end; activating it opens the
 * employee's profile through the window's action, which keeps one per employee. Floating. */
static GtkWidget *
new_employee_row (gint64      employee_id,
                  const char *name,
                  const char *subtitle,
                  const char *suffix,
                  const char *suffix_class)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *title = g_markup_escape_text (name, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  /* Long unit and position names would make each row a paragraph; the profile has them. */
  adw_action_row_set_subtitle_lines (row, 2);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      if (suffix_class != NULL)
        gtk_widget_add_css_class (label, suffix_class);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (row, label);
    }
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.profile-employee");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (employee_id));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Open the employee's competency profile"));

  return GTK_WIDGET (row);
}

typedef struct {
  GPtrArray *units;       /* of char *: the heatmap's rows, as kp_report_gap_heatmap makes them */
  const char *unit;       /* the unit of the cell; NULL while the rows are collected */
  guint column;
  guint n_judged;
  GPtrArray *rows;        /* of GtkWidget: the employees below the standard */
  GPtrArray *nips;
} Drilldown;

/* The heatmap's rows: the units of the assessed employees, by name (kp_report_gap_heatmap). */
static gboolean
collect_unit_cb (const KpEmployeeGaps  *gaps,
                 gpointer               user_data,
                 GError               **error)
{
  Drilldown *drilldown = user_data;

  if (gaps->assessed &&
      !g_ptr_array_find_with_equal_func (drilldown->units, gaps->unit, g_str_equal, NULL))
    g_ptr_array_add (drilldown->units, g_strdup (gaps->unit));

  return TRUE;
}

static int
compare_unit_names (gconstpointer a,
                    gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* The employees the cell counts as below the standard, the way kp_report_gap_heatmap counts. */
static gboolean
collect_below_cb (const KpEmployeeGaps  *gaps,
                  gpointer               user_data,
                  GError               **error)
{
  Drilldown *drilldown = user_data;
  const KpGapItem *item;
  GtkWidget *row;
  g_autofree char *subtitle = NULL;
  g_autofree char *level_text = NULL;

  if (!gaps->assessed || g_strcmp0 (gaps->unit, drilldown->unit) != 0 ||
      drilldown->column >= gaps->n_competencies)
    return TRUE;

  item = &gaps->items[drilldown->column];
  if (item->required <= 0)
    return TRUE;
  drilldown->n_judged++;
  if (item->attained >= item->required)
    return TRUE;

  /* Translators: under an employee's name in the drill-down: the NIP, then the position */
  subtitle = g_markup_printf_escaped (_("%s · %s"), gaps->nip,
                                      gaps->position != NULL ? gaps->position : "");
  if (item->attained > 0)
    /* Translators: the level an employee attained against the level the position requires */
    level_text = g_strdup_printf (_("Level %d of %d"), item->attained, item->required);
  else
    /* Translators: the employee was assessed, but not on this competency; %d: required level */
    level_text = g_strdup_printf (_("Not assessed (standard %d)"), item->required);

  row = new_employee_row (gaps->employee_id, gaps->name, subtitle, level_text, "error");
  g_ptr_array_add (drilldown->rows, g_object_ref_sink (row));
  g_ptr_array_add (drilldown->nips, g_strdup (gaps->nip));
  return TRUE;
}

/* Lists the employees of the heatmap's @row (a unit) below the standard on its @column (a
 * competency): what a click on that cell shows. */
static gboolean
show_drilldown (KpReportsView  *self,
                guint           row,
                guint           column,
                GError        **error)
{
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) nips = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  Drilldown drilldown = { units, NULL, column, 0, rows, nips };

  if (self->database == NULL)
    return TRUE;

  gaps = kp_gaps_new (self->database, error);
  if (gaps == NULL ||
      !kp_gaps_foreach (gaps, selected_unit_id (self), collect_unit_cb, &drilldown, error))
    return FALSE;
  g_ptr_array_sort (units, compare_unit_names);

  /* A click on a heatmap drawn before the last change: nothing to list. */
  if (row >= units->len || column >= kp_gaps_get_n_competencies (gaps))
    {
      close_drilldown (self);
      return TRUE;
    }

  drilldown.unit = g_ptr_array_index (units, row);
  if (!kp_gaps_foreach (gaps, selected_unit_id (self), collect_below_cb, &drilldown, error))
    return FALSE;

  kp_list_box_remove_rows (self->drilldown_list);
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->drilldown_list, g_ptr_array_index (rows, i));

  g_ptr_array_set_size (self->drilldown_nips, 0);
  for (guint i = 0; i < nips->len; i++)
    g_ptr_array_add (self->drilldown_nips, g_strdup (g_ptr_array_index (nips, i)));

  /* Translators: the drill-down's heading: a competency's code and name */
  title = g_strdup_printf (_("%s — %s"), kp_gaps_get_code (gaps, column),
                           kp_gaps_get_competency_name (gaps, column));
  /* Translators: under the drill-down's heading: a unit, then how many of its assessed
   * employees with a standard for the competency are below it */
  subtitle = g_strdup_printf (ngettext ("%s: %u of %u assessed employee below the standard",
                                        "%s: %u of %u assessed employees below the standard",
                                        drilldown.n_judged),
                              drilldown.unit, rows->len, drilldown.n_judged);
  gtk_label_set_label (self->drilldown_title, title);
  gtk_label_set_label (self->drilldown_subtitle, subtitle);

  gtk_widget_set_visible (self->drilldown_pane, TRUE);
  gtk_widget_grab_focus (self->drilldown_close_button);
  update_actions (self);
  return TRUE;
}

static void
show_reload_error (KpReportsView *self,
                   const char    *what,
                   const GError  *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  g_debug ("%s: %s", what, error->message);
  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  update_actions (self);
}

static void
reload_heatmap (KpReportsView *self)
{
  g_autoptr(GError) error = NULL;
  KpHeatmap *heatmap;

  /* The list would belong to a heatmap that is no longer the one shown. */
  close_drilldown (self);

  heatmap = kp_report_gap_heatmap (self->database, selected_unit_id (self), &error);
  if (heatmap == NULL)
    {
      kp_heatmap_view_set_heatmap (self->heatmap_view, NULL);
      show_reload_error (self, "Could not draw the gap heatmap", error);
      return;
    }

  kp_heatmap_view_set_heatmap (self->heatmap_view, heatmap);
  gtk_stack_set_visible_child_name (self->report_stack, "heatmap");
  gtk_stack_set_visible_child_name (self->main_stack, "chart");
  update_actions (self);
}

typedef struct {
  gint64 id;
  char *nip;
  char *name;
  char *detail;  /* unit · position */
  KpRatio jpm;
  gboolean has_jpm;
} CategoryMember;

static void
category_member_free (CategoryMember *member)
{
  g_free (member->nip);
  g_free (member->name);
  g_free (member->detail);
  g_free (member);
}

typedef struct {
  guint category;      /* an index of kp_gaps_get_category_name (), or n_categories: not assessed */
  guint n_categories;
  GPtrArray *members;  /* of CategoryMember */
} CategoryQuery;

/* The employees kp_report_jpm_distribution counts in the category: those with a standard and a
 * counted level by their JPM's category, those with a standard and no level as not assessed;
 * without a standard there is no JPM. */
static gboolean
collect_category_cb (const KpEmployeeGaps  *gaps,
                     gpointer               user_data,
                     GError               **error)
{
  CategoryQuery *query = user_data;
  gboolean judged = gaps->has_standard && gaps->assessed;
  CategoryMember *member;

  if (!gaps->has_standard ||
      (judged ? gaps->category != query->category : query->category != query->n_categories))
    return TRUE;

  member = g_new0 (CategoryMember, 1);
  member->id = gaps->employee_id;
  member->nip = g_strdup (gaps->nip);
  member->name = g_strdup (gaps->name);
  /* Translators: under an employee's name in the JPM list: the unit, then the position */
  member->detail = g_strdup_printf (_("%s · %s"), gaps->unit != NULL ? gaps->unit : "",
                                    gaps->position != NULL ? gaps->position : "");
  member->jpm = gaps->jpm.total;
  member->has_jpm = judged;
  g_ptr_array_add (query->members, member);
  return TRUE;
}

/* The lowest JPM first (a × d against c × b: exact), then by name. */
static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const CategoryMember *x = *(CategoryMember *const *) a;
  const CategoryMember *y = *(CategoryMember *const *) b;

  if (x->has_jpm && y->has_jpm)
    {
      gint64 left = x->jpm.num * y->jpm.den;
      gint64 right = y->jpm.num * x->jpm.den;

      if (left != right)
        return left < right ? -1 : 1;
    }

  return g_utf8_collate (x->name, y->name);
}

static GtkWidget *
create_member_row (const CategoryMember *member)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *jpm = NULL;

  /* Translators: under an employee's name: the NIP, then the unit and position */
  subtitle = g_markup_printf_escaped (_("%s · %s"), member->nip, member->detail);
  if (member->has_jpm)
    {
      char percent[16];

      kp_ratio_format_percent_locale (member->jpm, percent);
      /* Translators: an employee's job-person match, e.g. "JPM 62,5 %" */
      jpm = g_strdup_printf (_("JPM %s %%"), percent);
    }

  return new_employee_row (member->id, member->name, subtitle, jpm, NULL);
}

/* Lists the employees of the unit chosen in the category chosen, the lowest JPM first. */
static gboolean
reload_category_list (KpReportsView  *self,
                      GError        **error)
{
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) category_member_free);
  g_autofree char *subtitle = NULL;
  CategoryQuery query = { 0, 0, members };
  guint shown;

  kp_list_box_remove_rows (self->jpm_list);
  g_ptr_array_set_size (self->jpm_nips, 0);
  gtk_label_set_label (self->jpm_list_subtitle, "");

  if (self->database == NULL ||
      gtk_drop_down_get_selected (self->jpm_category_dropdown) == GTK_INVALID_LIST_POSITION)
    return TRUE;

  gaps = kp_gaps_new (self->database, error);
  if (gaps == NULL)
    return FALSE;

  query.category = gtk_drop_down_get_selected (self->jpm_category_dropdown);
  query.n_categories = kp_gaps_get_n_categories (gaps);
  if (!kp_gaps_foreach (gaps, selected_unit_id (self), collect_category_cb, &query, error))
    return FALSE;

  g_ptr_array_sort (members, compare_members);
  shown = MIN (members->len, MAX_CATEGORY_ROWS);
  for (guint i = 0; i < shown; i++)
    {
      const CategoryMember *member = g_ptr_array_index (members, i);

      gtk_list_box_append (self->jpm_list, create_member_row (member));
      g_ptr_array_add (self->jpm_nips, g_strdup (member->nip));
    }

  if (shown < members->len)
    /* Translators: above a list cut short: %u the rows shown, %u all the employees */
    subtitle = g_strdup_printf (_("The %u with the lowest JPM of %u employees; the gap report has them all"),
                                shown, members->len);
  else if (members->len > 0)
    subtitle = g_strdup_printf (ngettext ("%u employee, the lowest JPM first",
                                          "%u employees, the lowest JPM first", members->len),
                                members->len);
  gtk_label_set_label (self->jpm_list_subtitle, subtitle != NULL ? subtitle : "");
  return TRUE;
}

/* The dropdown lists the chart's series; the choice stays when they do not change. */
static void
update_category_list (KpReportsView        *self,
                      const KpStackedChart *chart)
{
  guint n_series = kp_stacked_chart_get_n_series (chart);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->jpm_category_list));
  guint selected = gtk_drop_down_get_selected (self->jpm_category_dropdown);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean same = n_old == n_series;

  for (guint i = 0; i < n_series; i++)
    {
      const char *name = kp_stacked_chart_get_series_name (chart, i);

      g_ptr_array_add (names, (gpointer) name);
      same = same && g_strcmp0 (name, gtk_string_list_get_string (self->jpm_category_list, i)) == 0;
    }
  g_ptr_array_add (names, NULL);

  if (same)
    return;

  self->rebuilding_categories = TRUE;
  gtk_string_list_splice (self->jpm_category_list, 0, n_old, (const char * const *) names->pdata);
  /* The lowest category is where help is needed first: it is shown by default. */
  if (selected >= n_series)
    selected = n_series >= 2 ? n_series - 2 : 0;
  gtk_drop_down_set_selected (self->jpm_category_dropdown, selected);
  self->rebuilding_categories = FALSE;
}

static char *
describe_stacked_chart (const KpStackedChart *chart)
{
  GString *text = g_string_new (NULL);

  for (guint row = 0; row < kp_stacked_chart_get_n_rows (chart); row++)
    {
      if (row > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, kp_stacked_chart_get_row_label (chart, row));
      for (guint series = 0; series < kp_stacked_chart_get_n_series (chart); series++)
        /* Translators: one part of a row read out by a screen reader: a category and how many
         * employees are in it, after the unit's name, e.g. ", Memenuhi Syarat: 12" */
        g_string_append_printf (text, _(", %s: %u"),
                                kp_stacked_chart_get_series_name (chart, series),
                                kp_stacked_chart_get_count (chart, row, series));
    }

  return g_string_free (text, FALSE);
}

static void
reload_jpm (KpReportsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  KpStackedChart *chart;

  chart = kp_report_jpm_distribution (self->database, selected_unit_id (self), &error);
  if (chart == NULL)
    {
      kp_chart_view_set_drawing (self->jpm_chart_view, NULL, NULL, NULL, NULL, NULL);
      g_clear_pointer (&self->jpm_box, stacked_box_release);
      show_reload_error (self, "Could not chart the JPM distribution", error);
      return;
    }

  g_clear_pointer (&self->jpm_box, stacked_box_release);
  self->jpm_box = g_rc_box_new (KpStackedChart *);
  *self->jpm_box = chart;
  description = describe_stacked_chart (chart);
  kp_chart_view_set_drawing (self->jpm_chart_view, draw_stacked_box, stacked_box_height,
                             g_rc_box_acquire (self->jpm_box),
                             (GDestroyNotify) stacked_box_release, description);

  update_category_list (self, chart);
  if (!reload_category_list (self, &error))
    {
      show_reload_error (self, "Could not list the employees by JPM category", error);
      return;
    }

  gtk_stack_set_visible_child_name (self->report_stack, "jpm");
  gtk_stack_set_visible_child_name (self->main_stack, "chart");
  update_actions (self);
}

static void
reload (KpReportsView *self)
{
  g_autoptr(KpBarChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  ReportKind kind = selected_report (self);

  g_clear_handle_id (&self->reload_source, g_source_remove);

  update_unit_list (self);
  gtk_widget_set_visible (self->export_register_button, kind == REPORT_HEAD_COUNT);
  gtk_widget_set_visible (self->export_data_button, kind != REPORT_HEAD_COUNT);

  if (self->database == NULL || g_list_model_get_n_items (self->employees) == 0)
    {
      kp_chart_view_set_chart (self->chart_view, NULL);
      kp_heatmap_view_set_heatmap (self->heatmap_view, NULL);
      kp_chart_view_set_drawing (self->jpm_chart_view, NULL, NULL, NULL, NULL, NULL);
      g_clear_pointer (&self->jpm_box, stacked_box_release);
      close_drilldown (self);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      update_actions (self);
      return;
    }

  if (kind == REPORT_GAPS)
    {
      reload_heatmap (self);
      return;
    }
  if (kind == REPORT_JPM)
    {
      reload_jpm (self);
      return;
    }

  chart = kp_report_employees_by_unit (self->database, selected_unit_id (self), &error);
  if (chart == NULL)
    {
      kp_chart_view_set_chart (self->chart_view, NULL);
      show_reload_error (self, "Could not chart the employees per unit", error);
      return;
    }

  kp_chart_view_set_chart (self->chart_view, chart);
  gtk_stack_set_visible_child_name (self->report_stack, "chart");
  gtk_stack_set_visible_child_name (self->main_stack, "chart");
  update_actions (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  KpReportsView *self = user_data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_reload (KpReportsView *self)
{
  if (self->reload_source != 0)
    return;

  self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->reload_source),
                            "[kompeten] reload the reports chart");
}

/* The window the dialogs belong to; NULL while the view is not in one. */
static GtkWindow *
get_parent_window (KpReportsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (KpReportsView *self,
            const char    *heading,
            const GError  *error)
{
  GtkWidget *dialog;

  g_debug ("%s: %s", heading, error->message);

  dialog = adw_message_dialog_new (get_parent_window (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_toast_button_clicked_cb (AdwToast *toast,
                            GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *parent = application != NULL ? gtk_application_get_active_window (application) : NULL;

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

/* A toast when the view is in the main window; elsewhere (a test, a scratch window) nothing. */
static void
announce_saved (KpReportsView *self,
                GFile         *file)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), KP_TYPE_WINDOW);
  g_autofree char *basename = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (window == NULL)
    return;

  basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  toast = adw_toast_new_format (_("Chart saved as “%s”"), basename);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  kp_window_add_toast (KP_WINDOW (window), g_steal_pointer (&toast));
}

static gboolean
export_chart (const Report   *report,
              KpChartFormat   format,
              const char     *path,
              GError        **error)
{
  double height;

  if (report == NULL)
    {
      g_set_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_EMPTY,
                   _("There is no chart to export: the register has no employees in this unit"));
      return FALSE;
    }

  height = report->natural_height (report->data, EXPORT_WIDTH);

  return kp_chart_render_to_file (report->draw, report->data, format, EXPORT_WIDTH, height, path,
                                  error);
}

static void
on_export_file_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KpChartFormat format = request->format;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      /* Translators: %s is the address of a file the user chose (e.g. on a network share) */
      g_set_error (&error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED,
                   _("Could not write “%s”: choose a folder on this computer"), uri);
      show_error (request->self, _("Could Not Export the Chart"), error);
      return;
    }

  /* A name typed with another chart extension ("grafik.pdf" after choosing PNG) says what the
   * user wants; a PNG inside a .pdf file would not open. */
  if (!kp_chart_format_from_path (path, &format, NULL))
    format = request->format;

  if (!export_chart (request->report, format, path, &error))
    {
      show_error (request->self, _("Could Not Export the Chart"), error);
      return;
    }

  announce_saved (request->self, file);
}

/* The name proposed for an exported chart: the report's name, then the unit when filtered. */
static char *
suggest_file_name (KpReportsView *self,
                   const char    *base,
                   const char    *extension)
{
  g_autoptr(GString) name = g_string_new (base);
  guint position = gtk_drop_down_get_selected (self->unit_dropdown);

  if (selected_unit_id (self) > 0)
    {
      g_autofree char *folded = kp_text_fold (get_unit_name (self, position));
      gboolean pending_hyphen = TRUE;

      for (const char *p = folded; p != NULL && *p != '\0'; p++)
        {
          if (g_ascii_isalnum (*p))
            {
              if (pending_hyphen)
                g_string_append_c (name, '-');
              g_string_append_c (name, *p);
              pending_hyphen = FALSE;
            }
          else
            {
              pending_hyphen = TRUE;
            }
        }
    }

  g_string_append_printf (name, ".%s", extension);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpReportsView *self = KP_REPORTS_VIEW (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *dotted = g_strconcat (".", extension, NULL);
  g_autofree char *suggested = NULL;
  g_autofree char *pattern = NULL;
  const char *patterns[2] = { NULL, NULL };
  const char *filter_name;
  ExportRequest *request;
  KpChartFormat format;
  g_autoptr(Report) report = current_report (self);

  if (report == NULL || !kp_chart_format_from_path (dotted, &format, NULL))
    return;

  switch (format)
    {
    case KP_CHART_FORMAT_PDF:
      filter_name = _("PDF document (*.pdf)");
      break;

    case KP_CHART_FORMAT_SVG:
      filter_name = _("SVG drawing (*.svg)");
      break;

    case KP_CHART_FORMAT_PNG:
    default:
      filter_name = _("PNG image (*.png)");
      break;
    }

  pattern = g_strconcat ("*", dotted, NULL);
  patterns[0] = pattern;
  suggested = suggest_file_name (self, report->file_name, extension);

  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  request->report = g_steal_pointer (&report);
  request->format = format;

  kp_file_chooser_save (get_parent_window (self), _("Export Chart"), suggested, filter_name,
                        patterns, on_export_file_chosen_cb, request);
}

/* The chart fills the printable width; a chart taller than the page is drawn in the page's
 * height, where kp_bar_chart_draw() shrinks the rows and their text instead of cutting them. */
static void
on_print_operation_draw_page_cb (GtkPrintOperation *operation,
                                 GtkPrintContext   *context,
                                 int                page_nr,
                                 Report            *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double height;

  if (width <= 0 || page_height <= 0)
    return;

  height = MIN (report->natural_height (report->data, width), page_height);
  report->draw (report->data, cr, width, height);
}

/* Everything kp_reports_view_print() and the PDF export for tests share. */
static GtkPrintOperation *
create_print_operation (KpReportsView *self,
                        Report        *report)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  /* The job name is what the printer queue shows: the chart's title. */
  gtk_print_operation_set_job_name (operation, report->job_name);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  /* Paper and orientation in the print dialog itself: one dialog, not two. */
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);

  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_print_operation_draw_page_cb),
                         report, (GClosureNotify) (void (*) (void)) report_free, 0);

  return g_steal_pointer (&operation);
}

static void
remember_print_settings (KpReportsView     *self,
                         GtkPrintOperation *operation)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

  if (settings != NULL)
    g_set_object (&self->print_settings, settings);
}

static void
on_print_operation_done_cb (GtkPrintOperation       *operation,
                            GtkPrintOperationResult  result,
                            KpReportsView           *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (self, _("Could Not Print the Chart"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      remember_print_settings (self, operation);
    }

  /* Only one print dialog at a time: a second would print a chart the first may change. */
  if (operation == self->print_operation)
    g_clear_object (&self->print_operation);
  update_actions (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  kp_reports_view_print (KP_REPORTS_VIEW (widget));
}

/* The files of the register's data, apart from the charts: written in a worker thread. */
typedef enum {
  DATA_GAPS,   /* the gap workbook (kp_report_export_gaps_xlsx) */
  DATA_PLANS,  /* the development plans as CSV (kp_idp_export_csv) */
} DataExport;

static gboolean
write_gaps (KpDatabase  *database,
            const char  *path,
            gpointer     data,
            GError     **error)
{
  return kp_report_export_gaps_xlsx (database, *(const gint64 *) data, path, NULL, error);
}

static gboolean
write_plans (KpDatabase  *database,
             const char  *path,
             gpointer     data,
             GError     **error)
{
  return kp_idp_export_csv (database, *(const gint64 *) data, 0, path, error);
}

static void
set_exporting (KpReportsView *self,
               gboolean       exporting)
{
  self->exporting = exporting;
  gtk_widget_set_visible (GTK_WIDGET (self->export_spinner), exporting);
  gtk_spinner_set_spinning (self->export_spinner, exporting);
  update_actions (self);
}

static void
on_export_data_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(KpReportsView) self = kp_background_export_dup_source (result);
  DataExport kind = GPOINTER_TO_INT (user_data);
  GFile *file = kp_background_export_get_file (result);
  g_autofree char *basename = NULL;
  GtkWidget *window;
  AdwToast *toast;

  /* The view went with its window: the file is written all the same. */
  if (self == NULL)
    return;
  g_clear_error (&self->export_error);
  set_exporting (self, FALSE);

  if (!kp_background_export_finish (result, &self->export_error))
    {
      show_error (self, kind == DATA_PLANS ? _("Could Not Export the Development Plans")
                                           : _("Could Not Export the Gap Report"),
                  self->export_error);
      return;
    }

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), KP_TYPE_WINDOW);
  if (window == NULL)
    return;

  basename = g_file_get_basename (file);
  if (kind == DATA_PLANS)
    /* Translators: %s is a file name */
    toast = adw_toast_new_format (_("Development plans saved as “%s”"), basename);
  else
    /* Translators: %s is a file name */
    toast = adw_toast_new_format (_("Gap report saved as “%s”"), basename);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  kp_window_add_toast (KP_WINDOW (window), toast);
}

/* Writes @kind for @unit_id (0: all) into @file in a worker; the spinner turns meanwhile and the
 * exports are disabled, so that two never write at once. */
static void
export_data_to (KpReportsView *self,
                DataExport     kind,
                gint64         unit_id,
                GFile         *file)
{
  if (self->database == NULL || self->exporting)
    return;

  set_exporting (self, TRUE);
  kp_background_export (self, self->database, file,
                        kind == DATA_PLANS ? write_plans : write_gaps,
                        g_memdup2 (&unit_id, sizeof unit_id), g_free, NULL,
                        on_export_data_done_cb, GINT_TO_POINTER (kind));
}

typedef struct {
  KpReportsView *self;  /* owned */
  DataExport kind;
  gint64 unit_id;       /* the filter when the user asked */
} DataRequest;

static void
on_export_data_file_chosen_cb (GFile    *file,
                               gpointer  user_data)
{
  DataRequest *request = user_data;

  if (file != NULL)
    export_data_to (request->self, request->kind, request->unit_id, file);

  g_object_unref (request->self);
  g_free (request);
}

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KpReportsView *self = KP_REPORTS_VIEW (widget);
  gboolean plans = g_str_equal (action_name, "reports.export-plans");
  const char *xlsx_patterns[] = { "*.xlsx", NULL };
  const char *csv_patterns[] = { "*.csv", NULL };
  g_autofree char *suggested = NULL;
  DataRequest *request;

  if (self->database == NULL || self->exporting)
    return;

  if (plans)
    /* Translators: the file name proposed for the development plans, without its extension:
     * lower case, words joined by hyphens (Indonesian: rencana-pengembangan) */
    suggested = suggest_file_name (self, _("development-plans"), "csv");
  else
    /* Translators: the file name proposed for the gap workbook, without its extension: lower
     * case, words joined by hyphens (Indonesian: kesenjangan-kompetensi) */
    suggested = suggest_file_name (self, _("competency-gaps"), "xlsx");

  request = g_new0 (DataRequest, 1);
  request->self = g_object_ref (self);
  request->kind = plans ? DATA_PLANS : DATA_GAPS;
  request->unit_id = selected_unit_id (self);

  if (plans)
    kp_file_chooser_save (get_parent_window (self), _("Export Development Plans"), suggested,
                          _("CSV file (*.csv)"), csv_patterns, on_export_data_file_chosen_cb,
                          request);
  else
    kp_file_chooser_save (get_parent_window (self), _("Export Gap Report"), suggested,
                          _("Excel workbook (*.xlsx)"), xlsx_patterns,
                          on_export_data_file_chosen_cb, request);
}

static void
close_drilldown_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KpReportsView *self = KP_REPORTS_VIEW (widget);

  close_drilldown (self);
  /* Back where the user was: the heatmap. */
  gtk_widget_grab_focus (GTK_WIDGET (self->heatmap_view));
}

static void
on_heatmap_view_cell_activated_cb (KpHeatmapView *heatmap_view,
                                   guint          row,
                                   guint          column,
                                   KpReportsView *self)
{
  g_autoptr(GError) error = NULL;

  if (!show_drilldown (self, row, column, &error))
    show_error (self, _("Could Not List the Employees"), error);
}

static void
on_report_dropdown_notify_selected_cb (GtkDropDown   *dropdown,
                                       GParamSpec    *pspec,
                                       KpReportsView *self)
{
  reload (self);
}

static void
on_jpm_category_dropdown_notify_selected_cb (GtkDropDown   *dropdown,
                                             GParamSpec    *pspec,
                                             KpReportsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->rebuilding_categories || selected_report (self) != REPORT_JPM)
    return;

  if (!reload_category_list (self, &error))
    show_error (self, _("Could Not List the Employees"), error);
}

static void
on_store_items_changed_cb (KpReportsView *self,
                           guint          position,
                           guint          removed,
                           guint          added,
                           GListModel    *model)
{
  schedule_reload (self);
}

static void
on_unit_dropdown_notify_selected_cb (GtkDropDown   *dropdown,
                                     GParamSpec    *pspec,
                                     KpReportsView *self)
{
  if (self->rebuilding_units)
    return;

  reload (self);
}

/* The margin that shows a sub-unit under its unit in the dropdown's list. */
static int
unit_indent (gpointer  unused,
             GObject  *item)
{
  if (item == NULL)
    return 0;

  return INDENT_PER_LEVEL * GPOINTER_TO_UINT (g_object_get_data (item, UNIT_DEPTH_KEY));
}

static void
disconnect_database (KpReportsView *self)
{
  if (self->employees != NULL)
    g_signal_handlers_disconnect_by_data (self->employees, self);
  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  self->employees = NULL;
  self->units = NULL;
  g_clear_object (&self->database);
}

static void
kp_reports_view_dispose (GObject *object)
{
  KpReportsView *self = KP_REPORTS_VIEW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  disconnect_database (self);

  if (self->print_operation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->print_operation, self);
      g_clear_object (&self->print_operation);
    }

  /* main_stack is both a template child and AdwBin's child: let AdwBin unparent it first, or
   * disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_REPORTS_VIEW);

  g_clear_object (&self->print_settings);

  G_OBJECT_CLASS (kp_reports_view_parent_class)->dispose (object);
}

static void
kp_reports_view_finalize (GObject *object)
{
  KpReportsView *self = KP_REPORTS_VIEW (object);

  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->unit_depths, g_array_unref);
  g_clear_pointer (&self->drilldown_nips, g_ptr_array_unref);
  g_clear_pointer (&self->jpm_nips, g_ptr_array_unref);
  g_clear_pointer (&self->jpm_box, stacked_box_release);
  g_clear_error (&self->export_error);

  G_OBJECT_CLASS (kp_reports_view_parent_class)->finalize (object);
}

static void
kp_reports_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KpReportsView *self = KP_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_reports_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KpReportsView *self = KP_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      kp_reports_view_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_reports_view_class_init (KpReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_reports_view_dispose;
  object_class->finalize = kp_reports_view_finalize;
  object_class->get_property = kp_reports_view_get_property;
  object_class->set_property = kp_reports_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_CHART_VIEW);
  g_type_ensure (KP_TYPE_HEATMAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, export_chart_button);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, unit_list);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, report_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, report_stack);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, heatmap_view);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, export_register_button);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, export_data_button);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, drilldown_pane);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, drilldown_title);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, drilldown_subtitle);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, drilldown_list);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, drilldown_close_button);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, jpm_chart_view);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, jpm_category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, jpm_category_list);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, jpm_list_subtitle);
  gtk_widget_class_bind_template_child (widget_class, KpReportsView, jpm_list);

  gtk_widget_class_bind_template_callback (widget_class, unit_indent);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_heatmap_view_cell_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_jpm_category_dropdown_notify_selected_cb);

  gtk_widget_class_install_action (widget_class, "reports.export-chart", "s", export_chart_action);
  /* Ctrl+P is the window's (win.print), which shows this area and calls
   * kp_reports_view_print(). */
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.export-gaps", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "reports.export-plans", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "reports.close-drilldown", NULL,
                                   close_drilldown_action);

  /* Escape closes the drill-down (the action is disabled, and Escape passes on, without it). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "reports.close-drilldown", NULL);
}

static void
kp_reports_view_init (KpReportsView *self)
{
  self->drilldown_nips = g_ptr_array_new_with_free_func (g_free);
  self->jpm_nips = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  reload (self);
}

/**
 * kp_reports_view_new:
 *
 * Returns: (transfer floating): a new view showing no database yet
 */
GtkWidget *
kp_reports_view_new (void)
{
  return g_object_new (KP_TYPE_REPORTS_VIEW, NULL);
}

/**
 * kp_reports_view_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose register is charted
 */
KpDatabase *
kp_reports_view_get_database (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->database;
}

/**
 * kp_reports_view_set_database:
 * @database: (nullable): the database to chart
 */
void
kp_reports_view_set_database (KpReportsView *self,
                              KpDatabase    *database)
{
  g_return_if_fail (KP_IS_REPORTS_VIEW (self));
  g_return_if_fail (database == NULL || KP_IS_DATABASE (database));

  if (database == self->database)
    return;

  disconnect_database (self);

  if (database != NULL)
    {
      self->database = g_object_ref (database);
      self->employees = kp_database_get_employees (database);
      self->units = kp_database_get_units (database);
      g_signal_connect_object (self->employees, "items-changed",
                               G_CALLBACK (on_store_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->units, "items-changed",
                               G_CALLBACK (on_store_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * kp_reports_view_print:
 *
 * Prints the chart shown, through the print dialog (which has a preview). Errors are shown in
 * a message dialog.
 */
void
kp_reports_view_print (KpReportsView *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  Report *report;

  g_return_if_fail (KP_IS_REPORTS_VIEW (self));

  if (self->print_operation != NULL || (report = current_report (self)) == NULL)
    return;

  operation = create_print_operation (self, report);
  /* The window stays usable while the dialog is open; "done" reports the outcome. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_operation_done_cb), self, 0);
  self->print_operation = g_object_ref (operation);
  update_actions (self);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    get_parent_window (self), &error);

  /* A run that ended at once (an error before the dialog could open) may not have come
   * through "done". */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && self->print_operation == operation)
    {
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
        show_error (self, _("Could Not Print the Chart"), error);
      else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
        remember_print_settings (self, operation);
      g_clear_object (&self->print_operation);
      update_actions (self);
    }
}

KpChartView *
_kp_reports_view_get_chart_view (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->chart_view;
}

GtkDropDown *
_kp_reports_view_get_unit_dropdown (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->unit_dropdown;
}

gint64
_kp_reports_view_get_unit_id (KpReportsView *self,
                              guint          position)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), 0);
  g_return_val_if_fail (position < self->unit_ids->len, 0);

  return g_array_index (self->unit_ids, gint64, position);
}

const char *
_kp_reports_view_get_page (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

gboolean
_kp_reports_view_is_busy (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), FALSE);

  return self->reload_source != 0;
}

gboolean
_kp_reports_view_can_export (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), FALSE);

  return can_export (self);
}

gboolean
_kp_reports_view_export_chart (KpReportsView  *self,
                               KpChartFormat   format,
                               const char     *path,
                               GError        **error)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_autoptr(Report) report = current_report (self);

  return export_chart (report, format, path, error);
}

gboolean
_kp_reports_view_print_to_pdf (KpReportsView  *self,
                               const char     *path,
                               GError        **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  Report *report;

  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((report = current_report (self)) == NULL)
    {
      /* Only tests come here: the Print action is disabled without a chart. */
      g_set_error_literal (error, KP_REPORT_ERROR, KP_REPORT_ERROR_EMPTY, "There is no chart to print");
      return FALSE;
    }

  operation = create_print_operation (self, report);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    get_parent_window (self), error);

  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}

KpHeatmapView *
_kp_reports_view_get_heatmap_view (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->heatmap_view;
}

GtkDropDown *
_kp_reports_view_get_report_dropdown (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->report_dropdown;
}

gboolean
_kp_reports_view_show_drilldown (KpReportsView  *self,
                                 guint           row,
                                 guint           column,
                                 GError        **error)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), FALSE);

  return show_drilldown (self, row, column, error);
}

GPtrArray *
_kp_reports_view_get_drilldown_nips (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return gtk_widget_get_visible (self->drilldown_pane) ? self->drilldown_nips : NULL;
}

GtkWidget *
_kp_reports_view_get_drilldown_pane (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->drilldown_pane;
}

void
_kp_reports_view_export_data (KpReportsView *self,
                              gboolean       plans,
                              GFile         *file)
{
  g_return_if_fail (KP_IS_REPORTS_VIEW (self));

  export_data_to (self, plans ? DATA_PLANS : DATA_GAPS, selected_unit_id (self), file);
}

gboolean
_kp_reports_view_is_exporting (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), FALSE);

  return self->exporting;
}

const GError *
_kp_reports_view_get_export_error (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->export_error;
}

GPtrArray *
_kp_reports_view_get_jpm_nips (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->jpm_nips;
}

GtkDropDown *
_kp_reports_view_get_jpm_category_dropdown (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->jpm_category_dropdown;
}

const KpStackedChart *
_kp_reports_view_get_jpm_chart (KpReportsView *self)
{
  g_return_val_if_fail (KP_IS_REPORTS_VIEW (self), NULL);

  return self->jpm_box != NULL ? *self->jpm_box : NULL;
}
