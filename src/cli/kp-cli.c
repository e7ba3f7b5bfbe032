/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-cli.c: kompeten-cli, the batch and audit front end. Links the model and report layers,
 * never GTK. Exit status: 0 done; 1 failed (nothing written); 2 wrong usage; 3 an
 * --all-or-nothing import found rejected rows and wrote nothing. */

#include "config.h"

#include <errno.h>
#include <inttypes.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "kompeten/kp-assessments.h"
#include "kompeten/kp-audit.h"
#include "kompeten/kp-competencies.h"
#include "kompeten/kp-core.h"
#include "kompeten/kp-applicants.h"
#include "kompeten/kp-formasi.h"
#include "kompeten/kp-idp.h"
#include "kompeten/kp-standards.h"
#include "kompeten/kp-database.h"
#include "kompeten/kp-employee-import.h"
#include "kompeten/kp-gaps.h"
#include "kompeten/kp-jpm-settings.h"
#include "kompeten/kp-notification.h"
#include "kompeten/kp-records.h"
#include "kompeten/kp-reports.h"
#include "kompeten/kp-verification.h"
#include "kompeten/kp-selection.h"
#include "kompeten/kp-announcement.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
  EXIT_REJECTED = 3,
};

typedef int (*CommandFunc) (const char *db_path, int argc, char **argv);

typedef struct {
  const char *name;
  const char *args;
  const char *summary;
  CommandFunc func;
} Command;

static int
fail (GError *error)
{
  g_printerr ("kompeten-cli: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILED;
}

static int
usage_error (GOptionContext *context, const char *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("kompeten-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

/* Parses a sub-command's options; on --help prints and returns EXIT_OK through @status. */
static gboolean
parse (GOptionContext *context, int *argc, char ***argv, int *status)
{
  GError *error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (context, error->message);
      g_error_free (error);
      return FALSE;
    }
  return TRUE;
}

static KpDatabase *
open_database (const char *db_path, GError **error)
{
  g_autofree char *default_path = NULL;

  if (db_path == NULL)
    db_path = default_path = kp_database_get_default_path ();
  return kp_database_open (db_path, error);
}

static void
print_count (const char *label, guint64 value)
{
  /* Translators: a count line of an import summary, "label: 1,234". */
  g_print (_("%-12s %'" PRIu64 "\n"), label, value);
}

static void
print_problems (GPtrArray *problems, gboolean warnings, guint limit)
{
  guint shown = 0, total = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->warning != warnings)
        continue;
      total++;
      if (shown >= limit)
        continue;
      shown++;
      if (*problem->column != '\0')
        /* Translators: "line 12, nip: reason". */
        g_printerr (_("  line %" PRIu64 ", %s: %s\n"), problem->line, problem->column,
                    problem->reason);
      else
        g_printerr (_("  line %" PRIu64 ": %s\n"), problem->line, problem->reason);
    }
  if (total > shown)
    g_printerr (_("  … and %u more\n"), total - shown);
}

/* The end every import shares: the counts, the first refused rows and warnings, the rejects
 * and warnings files, and the exit status. */
static int
finish_import (const KpImportCounts *counts, GPtrArray *problems, const char *rejects,
               const char *warnings, gboolean all_or_nothing)
{
  GError *error = NULL;

  print_count (_("read"), counts->read);
  print_count (_("new"), counts->created);
  print_count (_("updated"), counts->updated);
  print_count (_("unchanged"), counts->unchanged);
  print_count (_("rejected"), counts->rejected);
  print_count (_("warnings"), counts->warnings);
  if (counts->units_created > 0 || counts->positions_created > 0)
    g_print (_("%'" PRIu64 " new units and %'" PRIu64 " new positions.\n"),
             counts->units_created, counts->positions_created);

  if (counts->rejected > 0)
    {
      g_printerr (_("Refused rows:\n"));
      print_problems (problems, FALSE, 20);
    }
  if (counts->warnings > 0)
    {
      g_printerr (_("Warnings:\n"));
      print_problems (problems, TRUE, 10);
    }

  if (rejects != NULL &&
      !kp_import_problems_write_csv (problems, FALSE, rejects, &error))
    return fail (error);
  if (warnings != NULL &&
      !kp_import_problems_write_csv (problems, TRUE, warnings, &error))
    return fail (error);

  if (all_or_nothing && counts->rejected > 0)
    {
      g_printerr (_("kompeten-cli: nothing was written, because %'" PRIu64
                    " row(s) were refused and --all-or-nothing was given.\n"),
                  counts->rejected);
      return EXIT_REJECTED;
    }
  return EXIT_OK;
}

/* The imports that share one shape: a CSV file, one transaction, counts and refused rows.
 * competencies: code, name, type, level, description, indicators (the dictionary's format);
 * standards: unit_kerja, jabatan, kode_kompetensi, level (what export standards writes);
 * assessments: nip, kode_kompetensi, level, penilai, tanggal, metode, catatan (penilaian.csv). */
typedef gboolean (*TableImportFunc) (KpDatabase *db, GFile *file, gboolean all_or_nothing,
                                     KpImportCounts *counts, GPtrArray **problems,
                                     GError **error);

static const struct {
  const char *what;
  TableImportFunc func;
} table_imports[] = {
  { "competencies", kp_competency_import },
  { "standards", kp_standards_import },
  { "assessments", kp_assessments_import },
};

/* import formasi|applicants --selection S FILE: the recruitment imports, into one selection. */
static gboolean
import_recruitment (KpDatabase *db, const char *what, GFile *file, gint64 selection_id,
                    gboolean all_or_nothing, KpImportCounts *counts, GPtrArray **problems,
                    GError **error)
{
  if (g_str_equal (what, "formasi"))
    return kp_formasi_import (db, selection_id, file, all_or_nothing, counts, problems, error);
  return kp_applicant_import (db, selection_id, file, all_or_nothing, NULL, NULL, NULL, counts,
                              problems, error);
}

static int
cmd_import (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *rejects = NULL;
  g_autofree char *warnings = NULL;
  gboolean all_or_nothing = FALSE;
  g_autoptr(KpDatabase) db = NULL;
  g_autoptr(KpEmployeeImport) import = NULL;
  g_autoptr(GPtrArray) competency_problems = NULL;
  g_autoptr(GFile) file = NULL;
  KpImportCounts competency_counts = { 0 };
  const KpImportCounts *counts;
  GPtrArray *problems;
  TableImportFunc table_import = NULL;
  gint64 selection_id = 0;
  gboolean recruitment;
  GError *error = NULL;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "rejects", 0, 0, G_OPTION_ARG_FILENAME, &rejects,
      N_("Write every refused row as CSV (line,column,value,reason)"), N_("OUT.csv") },
    { "warnings", 0, 0, G_OPTION_ARG_FILENAME, &warnings,
      N_("Write every warning as CSV (line,column,value,reason)"), N_("OUT.csv") },
    { "all-or-nothing", 0, 0, G_OPTION_ARG_NONE, &all_or_nothing,
      N_("Write nothing if any row is refused"), NULL },
    { "selection", 0, 0, G_OPTION_ARG_INT64, &selection_id,
      N_("For formasi and applicants: the selection the file belongs to (its id)"), N_("S") },
    { NULL }
  };

  context = g_option_context_new (_("employees|competencies|standards|assessments FILE — import "
                                    "a pegawai.csv register export, a competency dictionary, job "
                                    "competency standards, or assessment results"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Every row is checked and the good ones are written in one "
                                  "transaction with one audit event.\n"
                                  "Accepts , or ; as delimiter, a BOM, CRLF, quoted fields, and "
                                  "dates as YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY.\n"
                                  "Importing the same file again changes nothing."));
  if (!parse (context, &argc, &argv, &status))
    return status;
  for (guint i = 0; argc == 3 && i < G_N_ELEMENTS (table_imports); i++)
    if (g_strcmp0 (argv[1], table_imports[i].what) == 0)
      table_import = table_imports[i].func;
  recruitment = argc == 3 && (g_str_equal (argv[1], "formasi") ||
                              g_str_equal (argv[1], "applicants"));
  if (recruitment && selection_id <= 0)
    return usage_error (context, _("Give the selection with --selection S (its id)"));
  if (argc != 3 ||
      (table_import == NULL && !recruitment && g_strcmp0 (argv[1], "employees") != 0))
    return usage_error (context, _("Name what to import and the file: import employees FILE, "
                                   "import competencies FILE, import standards FILE, or import "
                                   "assessments FILE"));

  db = open_database (db_path, &error);
  if (db == NULL)
    return fail (error);

  file = g_file_new_for_commandline_arg (argv[2]);
  if (recruitment)
    {
      if (!import_recruitment (db, argv[1], file, selection_id, all_or_nothing,
                               &competency_counts, &competency_problems, &error))
        return fail (error);
      counts = &competency_counts;
      problems = competency_problems;
    }
  else if (table_import != NULL)
    {
      if (!table_import (db, file, all_or_nothing, &competency_counts, &competency_problems,
                         &error))
        return fail (error);
      counts = &competency_counts;
      problems = competency_problems;
    }
  else
    {
      import = kp_employee_import_new (db, file);
      /* apply checks every row as it goes: no separate analysis pass is needed here. */
      if (!kp_employee_import_open (import, &error) ||
          !kp_employee_import_apply (import, all_or_nothing, NULL, NULL, NULL, &error))
        return fail (error);
      counts = kp_employee_import_get_counts (import);
      problems = kp_employee_import_get_problems (import);
    }

  return finish_import (counts, problems, rejects, warnings, all_or_nothing);
}

/* The id of the unit named @name, or 0 after saying there is none. */
static gint64
find_unit (KpDatabase *db, const char *name)
{
  GListModel *units = kp_database_get_units (db);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(KpUnit) u = g_list_model_get_item (units, i);

      if (g_strcmp0 (kp_unit_get_name (u), name) == 0)
        return kp_unit_get_id (u);
    }
  g_printerr (_("kompeten-cli: there is no unit named “%s”\n"), name);
  return 0;
}

static int
cmd_export (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *unit = NULL;
  g_autoptr(KpDatabase) db = NULL;
  GError *error = NULL;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Write the register as CSV, in the columns of pegawai.csv"), N_("OUT.csv") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx,
      N_("Write the register as an Excel workbook, with a head count per unit and its chart"),
      N_("OUT.xlsx") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_("Plans: only this unit and its sub-units"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("employees|standards|plans — export the employee register, "
                                    "the positions' own competency standards, or the "
                                    "development plans"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 ||
      (g_strcmp0 (argv[1], "employees") != 0 && g_strcmp0 (argv[1], "standards") != 0 &&
       g_strcmp0 (argv[1], "plans") != 0))
    return usage_error (context, _("Name what to export: export employees --csv OUT.csv, "
                                   "export standards --csv OUT.csv, or export plans --csv OUT.csv"));
  if (csv == NULL && xlsx == NULL)
    return usage_error (context, _("Give --csv OUT.csv, --xlsx OUT.xlsx, or both"));
  if (g_strcmp0 (argv[1], "plans") == 0 && (xlsx != NULL || csv == NULL))
    return usage_error (context, _("The development plans export as CSV: export plans --csv OUT.csv"));
  if (unit != NULL && g_strcmp0 (argv[1], "plans") != 0)
    return usage_error (context, _("--unit goes with export plans only"));

  db = open_database (db_path, &error);
  if (db == NULL)
    return fail (error);
  if (g_strcmp0 (argv[1], "plans") == 0)
    {
      gint64 unit_id = 0;

      if (unit != NULL && (unit_id = find_unit (db, unit)) == 0)
        return EXIT_FAILED;
      if (!kp_idp_export_csv (db, unit_id, 0, csv, &error))
        return fail (error);
      return EXIT_OK;
    }
  if (g_strcmp0 (argv[1], "standards") == 0)
    {
      if (csv != NULL && !kp_standards_export_csv (db, csv, &error))
        return fail (error);
      if (xlsx != NULL && !kp_report_export_standards_xlsx (db, xlsx, &error))
        return fail (error);
      return EXIT_OK;
    }
  if (csv != NULL && !kp_employee_export_csv (db, csv, &error))
    return fail (error);
  if (xlsx != NULL && !kp_report_export_employees_xlsx (db, xlsx, &error))
    return fail (error);
  return EXIT_OK;
}

static int
cmd_chart (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *unit = NULL;
  g_autoptr(KpDatabase) db = NULL;
  g_autoptr(KpBarChart) chart = NULL;
  g_autoptr(KpHeatmap) heatmap = NULL;
  g_autoptr(KpStackedChart) stacked = NULL;
  KpChartDrawFunc draw;
  gconstpointer drawn;
  GError *error = NULL;
  gint64 unit_id = 0;
  double height;
  int width = 900;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, N_("Draw the chart as a PNG image"), N_("OUT.png") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Draw the chart as a PDF page"), N_("OUT.pdf") },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &svg, N_("Draw the chart as an SVG drawing"), N_("OUT.svg") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_("Only this unit and its sub-units (its exact name)"), N_("NAME") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels or points (default 900)"),
      N_("W") },
    { NULL }
  };
  struct { const char *path; KpChartFormat format; } outputs[] = {
    { NULL, KP_CHART_FORMAT_PNG }, { NULL, KP_CHART_FORMAT_PDF }, { NULL, KP_CHART_FORMAT_SVG },
  };

  context = g_option_context_new (_("employees-by-unit|gap-heatmap|jpm-distribution — draw the "
                                    "head count per unit, the competency gaps by unit, or the "
                                    "JPM categories per unit"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || (g_strcmp0 (argv[1], "employees-by-unit") != 0 &&
                    g_strcmp0 (argv[1], "gap-heatmap") != 0 &&
                    g_strcmp0 (argv[1], "jpm-distribution") != 0))
    return usage_error (context, _("Name the chart: chart employees-by-unit --png OUT.png, "
                                   "chart gap-heatmap --png OUT.png, or chart jpm-distribution "
                                   "--png OUT.png"));
  outputs[0].path = png;
  outputs[1].path = pdf;
  outputs[2].path = svg;
  if (png == NULL && pdf == NULL && svg == NULL)
    return usage_error (context, _("Give --png, --pdf or --svg with an output file"));
  if (width < 300 || width > 10000)
    return usage_error (context, _("The width must be between 300 and 10000"));

  db = open_database (db_path, &error);
  if (db == NULL)
    return fail (error);
  if (unit != NULL && (unit_id = find_unit (db, unit)) == 0)
    return EXIT_FAILED;

  if (g_strcmp0 (argv[1], "gap-heatmap") == 0)
    {
      heatmap = kp_report_gap_heatmap (db, unit_id, &error);
      if (heatmap == NULL)
        return fail (error);
      draw = kp_heatmap_draw;
      drawn = heatmap;
    }
  else if (g_strcmp0 (argv[1], "jpm-distribution") == 0)
    {
      stacked = kp_report_jpm_distribution (db, unit_id, &error);
      if (stacked == NULL)
        return fail (error);
      draw = kp_stacked_chart_draw;
      drawn = stacked;
    }
  else
    {
      chart = kp_report_employees_by_unit (db, unit_id, &error);
      if (chart == NULL)
        return fail (error);
      draw = kp_bar_chart_draw;
      drawn = chart;
    }
  if (heatmap != NULL)
    height = kp_heatmap_get_natural_height (heatmap, width);
  else if (stacked != NULL)
    height = kp_stacked_chart_get_natural_height (stacked, width);
  else
    height = kp_bar_chart_get_natural_height (chart, width);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    if (outputs[i].path != NULL &&
        !kp_chart_render_to_file (draw, drawn, outputs[i].format, width, height,
                                  outputs[i].path, &error))
      return fail (error);
  return EXIT_OK;
}

typedef struct {
  guint *counts;    /* per category, then without a standard, then not assessed */
  guint n_categories;
  guint total;
} Summary;

static gboolean
count_category (const KpEmployeeGaps *gaps, gpointer user_data, GError **error)
{
  Summary *summary = user_data;

  if (!gaps->has_standard)
    summary->counts[summary->n_categories]++;
  else if (!gaps->assessed)
    summary->counts[summary->n_categories + 1]++;
  else
    summary->counts[gaps->category]++;
  summary->total++;
  return TRUE;
}

/* How many employees fall in each JPM category: the gap analysis without a file. */
static gboolean
print_gap_summary (KpDatabase *db, gint64 unit_id, GError **error)
{
  g_autoptr(KpGaps) gaps = kp_gaps_new (db, error);
  g_autofree guint *counts = NULL;
  Summary summary = { 0 };

  if (gaps == NULL)
    return FALSE;
  summary.n_categories = kp_gaps_get_n_categories (gaps);
  summary.counts = counts = g_new0 (guint, summary.n_categories + 2);
  if (!kp_gaps_foreach (gaps, unit_id, count_category, &summary, error))
    return FALSE;
  for (guint c = 0; c < summary.n_categories; c++)
    /* Translators: a JPM category, its lower bound in percent, and a number of employees. */
    g_print (_("%-28s (≥ %3d %%) %'8u\n"), kp_gaps_get_category_name (gaps, c),
             kp_gaps_get_category_min (gaps, c), counts[c]);
  g_print (_("%-38s %'8u\n"), _("Not assessed yet"), counts[summary.n_categories + 1]);
  g_print (_("%-38s %'8u\n"), _("No standard for the position"), counts[summary.n_categories]);
  g_print (_("%-38s %'8u\n"), _("Employees"), summary.total);
  return TRUE;
}

static int
cmd_report (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *unit = NULL;
  g_autoptr(KpDatabase) db = NULL;
  GError *error = NULL;
  gint64 unit_id = 0;
  guint n = 0;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx,
      N_("Write the report as an Excel workbook (without it: a summary by JPM category)"),
      N_("OUT.xlsx") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_("Only this unit and its sub-units (its exact name)"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("gaps — each employee's competency gaps and JPM"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("For every employee, the latest counted level of each "
                                  "competency minus the standard of the position held, the job-"
                                  "person match (JPM) and its category; and per unit, how many "
                                  "employees fall in each category."));
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || g_strcmp0 (argv[1], "gaps") != 0)
    return usage_error (context, _("Name the report: report gaps [--xlsx OUT.xlsx]"));

  db = open_database (db_path, &error);
  if (db == NULL)
    return fail (error);
  if (unit != NULL && (unit_id = find_unit (db, unit)) == 0)
    return EXIT_FAILED;
  if (xlsx == NULL)
    return print_gap_summary (db, unit_id, &error) ? EXIT_OK : fail (error);
  if (!kp_report_export_gaps_xlsx (db, unit_id, xlsx, &n, &error))
    return fail (error);
  /* Translators: the number of employees in the report, then the file. */
  g_print (_("%'u employees in %s\n"), n, xlsx);
  return EXIT_OK;
}

static int
cmd_profile (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(KpDatabase) db = NULL;
  GError *error = NULL;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the profile as an A4 PDF"),
      N_("OUT.pdf") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write the profile as an Excel workbook"),
      N_("OUT.xlsx") },
    { NULL }
  };

  context = g_option_context_new (_("NIP — an employee's own copy of their competency profile"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || (pdf == NULL && xlsx == NULL))
    return usage_error (context,
                        _("Give the NIP and the file: profile NIP --pdf OUT.pdf and/or --xlsx OUT.xlsx"));

  db = open_database (db_path, &error);
  if (db == NULL || (pdf != NULL && !kp_report_profile_pdf (db, argv[1], pdf, &error))
      || (xlsx != NULL && !kp_report_profile_xlsx (db, argv[1], xlsx, &error)))
    return fail (error);
  return EXIT_OK;
}

static int
cmd_audit (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KpDatabase) db = NULL;
  KpAuditCheck check = { 0 };
  GError *error = NULL;
  int status = EXIT_OK;

  context = g_option_context_new (_("verify — check the audit log's hash chain"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Recomputes the hash of every event and its link to the one "
                                  "before. Prints the number of events and the head hash (the "
                                  "checkpoint printed on minutes and publications); names the "
                                  "first broken event otherwise."));
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || g_strcmp0 (argv[1], "verify") != 0)
    return usage_error (context, _("Say what to do: audit verify"));

  db = open_database (db_path, &error);
  if (db == NULL)
    return fail (error);
  if (!kp_audit_verify (db, &check, &error))
    return fail (error);
  /* Translators: the number of events, then the last event's number and hash. */
  g_print (_("The audit log is intact: %'" PRId64 " events.\n"), check.n_events);
  g_print (_("Head: %" PRId64 ":%s\n"), check.head_seq, check.head_hash);
  return EXIT_OK;
}

static int
cmd_demo (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KpDatabase) db = NULL;
  GError *error = NULL;
  int status = EXIT_OK;

  context = g_option_context_new (_("— fill an empty database with the demo register"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("The demo register of Kabupaten Lampung Selatan: 24 units, "
                                  "their positions and 500 employees with their supervisors."));
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (context, _("demo takes no arguments"));

  db = open_database (db_path, &error);
  if (db == NULL || !kp_database_load_demo (db, &error))
    return fail (error);
  g_print (_("The demo register is in %s.\n"), kp_database_get_path (db));
  return EXIT_OK;
}

/* The weights per kind, then the categories, as people read them. */
static gboolean
print_jpm_settings (KpDatabase *db, GError **error)
{
  g_autoptr(GPtrArray) categories = NULL;
  int weights[KP_POSITION_KIND_COUNT];

  if (!kp_jpm_weights_get_all (db, weights, error) ||
      (categories = kp_jpm_categories_list (db, error)) == NULL)
    return FALSE;
  g_print ("%s\n", _("Technical weight in the JPM per position kind:"));
  for (int k = 0; k < KP_POSITION_KIND_COUNT; k++)
    if (weights[k] >= 0)
      /* Translators: a position kind and the percent its technical competencies weigh. */
      g_print (_("  %-32s %d %%\n"), kp_position_kind_to_string (k), weights[k]);
    else
      g_print ("  %-32s %s\n", kp_position_kind_to_string (k),
               _("unweighted (every required level counts alike)"));
  g_print ("\n%s\n", _("JPM categories, from their lower bound:"));
  for (guint i = 0; i < categories->len; i++)
    {
      const KpJpmCategory *category = g_ptr_array_index (categories, i);

      /* Translators: a lower bound in percent and the category's name. */
      g_print (_("  ≥ %3d %%  %s\n"), category->min_percent, category->name);
    }
  return TRUE;
}

/* "80=Memenuhi Syarat;68=Masih Memenuhi Syarat;0=Kurang Memenuhi Syarat" as KpJpmCategory;
 * NULL with the reason when a part is not "NUMBER=NAME". The rules on the categories
 * themselves are the model's, so they read the same here and in the window. */
static GPtrArray *
parse_categories (const char *spec, GError **error)
{
  g_autoptr(GPtrArray) categories =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_jpm_category_free);
  g_auto(GStrv) parts = g_strsplit (spec, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *equals = strchr (part, '=');
      g_autofree char *bound = NULL;
      gint64 min = 0;

      if (*part == '\0')
        continue;   /* "…;0=Kurang;" */
      if (equals != NULL)
        {
          bound = g_strndup (part, equals - part);
          g_strstrip (bound);
          if (g_str_has_suffix (bound, "%"))
            {
              bound[strlen (bound) - 1] = '\0';
              g_strchomp (bound);
            }
        }
      if (equals == NULL ||
          !g_ascii_string_to_signed (bound, 10, G_MININT, G_MAXINT, &min, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is the part of the argument that is wrong. */
                       _("“%s” is not a category: write LOWER-BOUND=NAME, e.g. 68=Masih Memenuhi "
                         "Syarat, and separate categories with “;”"),
                       part);
          return NULL;
        }
      g_ptr_array_add (categories, kp_jpm_category_new ((int) min, equals + 1));
    }
  return g_steal_pointer (&categories);
}

static int
cmd_jpm (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KpDatabase) db = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  GError *error = NULL;
  int status = EXIT_OK;
  int kind = -1;
  gint64 percent = -1;

  context = g_option_context_new (_("show | weight KIND PERCENT|none | categories SPEC — the "
                                    "JPM weights and categories"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("show: print the technical weight of each position kind and "
                                  "the categories.\n"
                                  "weight KIND PERCENT: the technical competencies weigh PERCENT "
                                  "(0–100) of the JPM of KIND (e.g. \"Pelaksana\", \"JF Ahli "
                                  "Muda\"); \"none\" makes the kind unweighted again (every "
                                  "required level counts alike).\n"
                                  "categories SPEC: replace the categories, e.g. "
                                  "\"80=Memenuhi Syarat;68=Masih Memenuhi Syarat;0=Kurang "
                                  "Memenuhi Syarat\"; one must start at 0."));
  if (!parse (context, &argc, &argv, &status))
    return status;

  if (argc == 2 && g_strcmp0 (argv[1], "show") == 0)
    ;
  else if (argc == 4 && g_strcmp0 (argv[1], "weight") == 0)
    {
      g_autofree char *number = g_strstrip (g_strdup (argv[3]));

      if ((kind = kp_position_kind_parse (argv[2], &error)) < 0)
        {
          status = usage_error (context, error->message);
          g_error_free (error);
          return status;
        }
      /* "50" and "50 %" alike. */
      if (g_str_has_suffix (number, "%"))
        {
          number[strlen (number) - 1] = '\0';
          g_strchomp (number);
        }
      if (g_ascii_strcasecmp (number, "none") != 0 &&
          !g_ascii_string_to_signed (number, 10, G_MININT, G_MAXINT, &percent, NULL))
        return usage_error (context, _("Give the weight as a whole percent from 0 to 100, or "
                                       "“none”"));
    }
  else if (argc == 3 && g_strcmp0 (argv[1], "categories") == 0)
    {
      if ((categories = parse_categories (argv[2], &error)) == NULL)
        {
          status = usage_error (context, error->message);
          g_error_free (error);
          return status;
        }
    }
  else
    return usage_error (context, _("Say what to do: jpm show, jpm weight KIND PERCENT, or jpm "
                                   "categories \"80=NAME;68=NAME;0=NAME\""));

  db = open_database (db_path, &error);
  if (db == NULL)
    return fail (error);
  if (kind >= 0 && !kp_jpm_weight_set (db, kind, (int) percent, &error))
    return fail (error);
  if (categories != NULL && !kp_jpm_categories_replace (db, categories, &error))
    return fail (error);
  if (!print_jpm_settings (db, &error))
    return fail (error);
  return EXIT_OK;
}

/* ---- selections and their announcement ----------------------------------------------------- */

/* A selection named by its id or, failing that, by its exact name. */
static gint64
find_selection (KpDatabase *db, const char *text, GError **error)
{
  gint64 id = 0;
  g_autoptr(KpSelection) selection = NULL;

  gint64 found;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    return kp_selection_find (db, text, error);
  if ((selection = kp_selection_get (db, id, error)) != NULL)
    return id;
  /* A selection may be named by a number ("2026"): then the name counts, else the id's error. */
  if ((found = kp_selection_find (db, text, NULL)) != 0)
    {
      g_clear_error (error);
      return found;
    }
  return 0;
}

/* The members of a JSON object of the rules snapshot. */
static const char *
rule_text (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : "";
}

static gint64
rule_int (JsonObject *object, const char *member)
{
  return json_object_get_int_member_with_default (object, member, 0);
}

/* The rules as people read them (kp_selection_rules_json's snapshot). */
static gboolean
print_selection (KpDatabase *db, gint64 id, GError **error)
{
  g_autoptr(KpSelection) selection = kp_selection_get (db, id, error);
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) problems = NULL;
  JsonObject *rules;
  JsonArray *array;

  if (selection == NULL || (json = kp_selection_rules_json (db, id, error)) == NULL ||
      !json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  rules = json_node_get_object (json_parser_get_root (parser));
  /* Translators: the id, name, type and year of a selection. */
  g_print (_("Selection %" PRId64 ": %s (%s, %d)\n"), selection->id, selection->name,
           selection->type, selection->year);
  if (selection->amendment_reason != NULL)
    g_print (_("Announced (version %d), amendment open: %s\n"), selection->version,
             selection->amendment_reason);
  else if (selection->locked)
    g_print (_("Announced (version %d): locked; change it only through an amendment\n"),
             selection->version);
  else
    g_print ("%s\n", _("Not announced yet: the rules may change"));
  g_print (_("Vacancies: %" PRId64 "; applicants: %" PRId64 "; four eyes share: %d %%\n"),
           selection->n_formasi, selection->n_applicants, selection->sample_percent);

  g_print ("\n%s\n", _("Stages:"));
  array = json_object_get_array_member (rules, "stages");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *stage = json_array_get_object_element (array, i);
      JsonArray *parts = json_object_get_array_member (stage, "components");

      /* Translators: position, name, kind, method, weight. */
      g_print (_("  %" PRId64 ". %s [%s, %s] weight %" PRId64 " %%"),
               rule_int (stage, "position"), rule_text (stage, "name"),
               rule_text (stage, "kind"), rule_text (stage, "method"),
               rule_int (stage, "weight_percent"));
      if (json_object_get_boolean_member_with_default (stage, "eliminates", FALSE))
        g_print ("%s", _(", eliminates"));
      if (rule_int (stage, "cutoff_multiple") > 0)
        g_print (_(", best %" PRId64 " × quota go on"),
                 rule_int (stage, "cutoff_multiple"));
      if (*rule_text (stage, "starts_on") != '\0')
        /* Translators: the dates and the place of a stage. */
        g_print (_(", %s – %s %s"), rule_text (stage, "starts_on"), rule_text (stage, "ends_on"),
                 rule_text (stage, "place"));
      g_print ("\n");
      for (guint c = 0; c < json_array_get_length (parts); c++)
        {
          JsonObject *part = json_array_get_object_element (parts, c);

          g_print (_("       %-10s %s, maximum %" PRId64 "\n"), rule_text (part, "code"),
                   rule_text (part, "name"), rule_int (part, "max_score"));
        }
      parts = json_object_get_array_member (stage, "pass_rules");
      for (guint r = 0; r < json_array_get_length (parts); r++)
        {
          JsonObject *rule = json_array_get_object_element (parts, r);

          /* Translators: a formasi kind, a component, a minimum: "pass: umum TWK ≥ 65". */
          g_print (_("       pass: %s %s ≥ %" PRId64 "\n"),
                   rule_text (rule, "formasi_kind"), rule_text (rule, "component_code"),
                   rule_int (rule, "min_score"));
        }
    }
  g_print ("\n%s\n", _("Codes:"));
  array = json_object_get_array_member (rules, "codes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *code = json_array_get_object_element (array, i);

      g_print ("  %-15s %-5s %s\n", rule_text (code, "stage_kind"), rule_text (code, "code"),
               rule_text (code, "label"));
    }
  g_print ("\n%s\n", _("Tie-break:"));
  array = json_object_get_array_member (rules, "tie_break");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_print ("  %u. %s\n", i + 1,
             rule_text (json_array_get_object_element (array, i), "label"));
  g_print ("\n%s\n", _("Requirements:"));
  array = json_object_get_array_member (rules, "requirements");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_print ("  %u. %s\n", i + 1, rule_text (json_array_get_object_element (array, i), "text"));

  if (!kp_selection_check_rules (db, id, &problems, error) && problems == NULL)
    return FALSE;
  if (problems->len > 0)
    {
      g_print ("\n%s\n", _("Problems before the announcement:"));
      for (guint i = 0; i < problems->len; i++)
        g_print ("  • %s\n", (const char *) g_ptr_array_index (problems, i));
    }
  return TRUE;
}

/* "0,40,60" into @weights; FALSE when a part is not a whole number. */
static gboolean
parse_weights (const char *text, GArray *weights)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (g_strstrip (parts[i]), 10, G_MININT, G_MAXINT, &value,
                                     NULL))
        return FALSE;
      g_array_append_vals (weights, &(int) { (int) value }, 1);
    }
  return weights->len > 0;
}

static int
cmd_selection (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KpDatabase) db = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (int));
  GError *error = NULL;
  int status = EXIT_OK;
  int year = 0, type = -1, version;
  const char *what;
  gint64 id = 0;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The selection's name (create)"), N_("NAME") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text,
      N_("cpns, pppk, jpt, internal or non-asn (create)"), N_("TYPE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The selection's year (create)"), N_("YEAR") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the announcement changes (amend)"),
      N_("TEXT") },
    { NULL }
  };

  context = g_option_context_new (_("create|list|show|publish|amend|amend-publish|amend-cancel|"
                                    "weights [S] — selections and their announcement"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("create --name NAME --type TYPE --year YEAR: a new selection "
                                  "with the default rules of its type; prints its id.\n"
                                  "list: every selection.\n"
                                  "show S: the rules, the lock and what still stops the "
                                  "announcement.\n"
                                  "publish S: announce; the rules and vacancies are then locked. "
                                  "Prints the version.\n"
                                  "amend S --reason TEXT: open an amendment; amend-publish S: "
                                  "announce it as the next version (prints it); amend-cancel S: "
                                  "put back the announced rules.\n"
                                  "weights S 0,40,60: the weights of all stages in order, "
                                  "adding up to 100.\n"
                                  "S is the selection's id or its exact name."));
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return usage_error (context, _("Say what to do: selection create, list, show, publish, "
                                   "amend, amend-publish, amend-cancel or weights"));
  what = argv[1];
  if (strcmp (what, "create") == 0)
    {
      if (argc != 2 || name == NULL || type_text == NULL || year == 0)
        return usage_error (context, _("selection create needs --name, --type and --year"));
      if ((type = kp_selection_type_parse (type_text, &error)) < 0)
        {
          status = usage_error (context, error->message);
          g_error_free (error);
          return status;
        }
    }
  else if (strcmp (what, "list") == 0)
    {
      if (argc != 2)
        return usage_error (context, _("selection list takes no arguments"));
    }
  else if (strcmp (what, "weights") == 0)
    {
      if (argc != 4 || !parse_weights (argv[3], weights))
        return usage_error (context, _("Give the weights of all stages in order, e.g. "
                                       "selection weights 1 0,40,60"));
    }
  else if (strcmp (what, "amend") == 0)
    {
      if (argc != 3 || reason == NULL)
        return usage_error (context, _("selection amend S needs --reason TEXT"));
    }
  else if (strcmp (what, "show") == 0 || strcmp (what, "publish") == 0 ||
           strcmp (what, "amend-publish") == 0 || strcmp (what, "amend-cancel") == 0)
    {
      if (argc != 3)
        return usage_error (context, _("Name the selection: its id or its exact name"));
    }
  else
    return usage_error (context, _("Say what to do: selection create, list, show, publish, "
                                   "amend, amend-publish, amend-cancel or weights"));

  db = open_database (db_path, &error);
  if (db == NULL)
    return fail (error);
  if (argc >= 3 && (id = find_selection (db, argv[2], &error)) == 0)
    return fail (error);

  if (strcmp (what, "create") == 0)
    {
      if ((id = kp_selection_create (db, name, type, year, &error)) == 0)
        return fail (error);
      /* Only the id, so that scripts can capture it. */
      g_print ("%" PRId64 "\n", id);
    }
  else if (strcmp (what, "list") == 0)
    {
      g_autoptr(GPtrArray) list = kp_selection_list (db, &error);

      if (list == NULL)
        return fail (error);
      for (guint i = 0; i < list->len; i++)
        {
          const KpSelection *s = g_ptr_array_index (list, i);
          const char *state = s->amendment_reason != NULL ? _("amending")
                              : s->locked ? _("announced") : _("draft");

          /* Translators: id, year, type, state, vacancies, applicants, name. */
          g_print (_("%4" PRId64 "  %d  %-8s %-9s %4" PRId64 " vacancies %6" PRId64
                     " applicants  %s\n"),
                   s->id, s->year, s->type, state, s->n_formasi, s->n_applicants, s->name);
        }
    }
  else if (strcmp (what, "show") == 0)
    {
      if (!print_selection (db, id, &error))
        return fail (error);
    }
  else if (strcmp (what, "publish") == 0 || strcmp (what, "amend-publish") == 0)
    {
      version = strcmp (what, "publish") == 0 ? kp_selection_publish (db, id, &error)
                                              : kp_selection_amendment_publish (db, id, &error);
      if (version == 0)
        return fail (error);
      g_print ("%d\n", version);
    }
  else if (strcmp (what, "amend") == 0)
    {
      if (!kp_selection_amendment_begin (db, id, reason, &error))
        return fail (error);
      g_print ("%s\n", _("The amendment is open: change the rules, then amend-publish or "
                         "amend-cancel."));
    }
  else if (strcmp (what, "amend-cancel") == 0)
    {
      if (!kp_selection_amendment_cancel (db, id, &error))
        return fail (error);
      g_print ("%s\n", _("The amendment is cancelled: the announced rules are back."));
    }
  else
    {
      if (!kp_selection_set_stage_weights (db, id, (const int *) weights->data, weights->len,
                                           &error))
        return fail (error);
      g_print ("%s\n", _("The stage weights are set."));
    }
  return EXIT_OK;
}

/* ---- verify and notify (administrative verification, notifications) ------------------------ */

/* --selection: a selection's id. */
static gboolean
parse_selection (GOptionContext *context, const char *text, gint64 *selection_id, int *status)
{
  char *end = NULL;

  *selection_id = text != NULL ? g_ascii_strtoll (text, &end, 10) : 0;
  if (text == NULL || *text == '\0' || *end != '\0' || *selection_id <= 0)
    {
      *status = usage_error (context, _("Give the selection's id with --selection"));
      return FALSE;
    }
  return TRUE;
}

static void
print_verification_summary (gint64 selection_id, const KpVerificationSummary *summary)
{
  /* Translators: a selection's id, then its number of registrants. */
  g_print (_("Selection %" PRId64 ": %u registrants\n"), selection_id, summary->total);
  print_count (_("Undecided"), summary->states[KP_VERIFICATION_UNDECIDED]);
  print_count (_("Awaiting a second check"), summary->states[KP_VERIFICATION_AWAITING_SECOND]);
  print_count (_("Disagreements"), summary->states[KP_VERIFICATION_DISAGREEMENT]);
  print_count (_("Decided"), summary->states[KP_VERIFICATION_DECIDED]);
  print_count ("MS", summary->ms);
  print_count ("TMS", summary->tms);
  if (summary->agreement->len == 0)
    {
      g_print ("%s\n", _("No decision has been checked by a second verifier yet."));
      return;
    }
  g_print ("%s\n", _("Agreement of the second verifier with each first verifier:"));
  for (guint i = 0; i < summary->agreement->len; i++)
    {
      const KpVerifierAgreement *agreement = g_ptr_array_index (summary->agreement, i);

      /* Translators: "Ani: 4 checked, 3 agreed (75 %)". */
      g_print (_("  %s: %u checked, %u agreed (%d %%)\n"), agreement->verifier,
               agreement->checked, agreement->agreed,
               kp_verifier_agreement_percent (agreement));
    }
}

/* The registrant of @selection_id numbered @reg_no, or 0 with the error. */
static gint64
find_registrant (KpDatabase *db, gint64 selection_id, const char *reg_no, GError **error)
{
  g_autoptr(GPtrArray) cases = kp_verification_list (db, selection_id, error);

  if (cases == NULL)
    return 0;
  for (guint i = 0; i < cases->len; i++)
    {
      const KpVerificationCase *vcase = g_ptr_array_index (cases, i);

      if (strcmp (vcase->reg_no, reg_no) == 0)
        return vcase->applicant_id;
    }
  g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
               /* Translators: a registration number, then a selection's id. */
               _("There is no registrant %s in selection %" PRId64), reg_no, selection_id);
  return 0;
}

static int
cmd_verify (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KpDatabase) db = NULL;
  g_autoptr(KpVerificationSummary) summary = NULL;
  g_autofree char *selection = NULL;
  g_autofree char *applicant = NULL;
  g_autofree char *decision_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *verifier = NULL;
  int requirement = 0;
  gint64 selection_id = 0;
  gint64 applicant_id = 0;
  gint64 requirement_id = 0;
  KpDecision decision = KP_DECISION_NONE;
  GError *error = NULL;
  int status = EXIT_OK;
  int round = 0;
  GOptionEntry entries[] = {
    { "selection", 0, 0, G_OPTION_ARG_STRING, &selection, N_("The selection (its id)"), N_("ID") },
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant,
      N_("Record a decision on this registrant (registration number)"), N_("REG_NO") },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision_text, N_("MS or TMS"), N_("MS|TMS") },
    { "requirement", 0, 0, G_OPTION_ARG_INT, &requirement,
      N_("For TMS: the number of the announced requirement not met"), N_("N") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("For TMS: what is missing"), N_("TEXT") },
    { "verifier", 0, 0, G_OPTION_ARG_STRING, &verifier, N_("Who decides"), N_("NAME") },
    { NULL },
  };

  context = g_option_context_new (_("— the administrative verification of a selection"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Without --applicant: prints how many registrants are "
                                  "undecided, await a second check, are disputed between two "
                                  "verifiers or decided (MS, TMS), and how often each first "
                                  "verifier's decisions were confirmed. With --applicant: "
                                  "records one decision (the round the case needs: a second "
                                  "check must be by another verifier, a disagreement resolved "
                                  "by a third)."));
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (context, _("verify takes no arguments besides its options"));
  if (!parse_selection (context, selection, &selection_id, &status))
    return status;
  if (applicant == NULL && (decision_text != NULL || verifier != NULL || note != NULL ||
                            requirement != 0))
    return usage_error (context, _("Name the registrant the decision is for with --applicant"));

  if (applicant != NULL)
    {
      decision = kp_decision_from_string (decision_text);
      if (decision == KP_DECISION_NONE)
        return usage_error (context, _("Give the decision with --decision MS or --decision TMS"));
      if (verifier == NULL)
        return usage_error (context, _("Name the verifier with --verifier"));
      if (decision == KP_DECISION_TMS && (requirement <= 0 || note == NULL))
        return usage_error (context, _("A TMS decision needs --requirement N (the announced "
                                       "requirement not met) and --note TEXT"));
    }

  db = open_database (db_path, &error);
  if (db == NULL)
    return fail (error);
  if (applicant != NULL)
    {
      if ((applicant_id = find_registrant (db, selection_id, applicant, &error)) == 0 ||
          (decision == KP_DECISION_TMS &&
           (requirement_id = kp_verification_requirement_find (db, selection_id, requirement,
                                                               &error)) == 0) ||
          !kp_verification_decide (db, applicant_id, verifier, decision, requirement_id, note,
                                   &round, &error))
        return fail (error);
      /* Translators: a registration number, MS or TMS, the round (1–3). */
      g_print (_("Registrant %s: %s recorded (round %d).\n"), applicant,
               kp_decision_to_string (decision), round);
      return EXIT_OK;
    }
  summary = kp_verification_summary (db, selection_id, &error);
  if (summary == NULL)
    return fail (error);
  print_verification_summary (selection_id, summary);
  return EXIT_OK;
}

static int
cmd_notify (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KpDatabase) db = NULL;
  g_autofree char *selection = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *out = NULL;
  g_autofree char *from = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *merge_path = NULL;
  g_autofree char *texts_path = NULL;
  g_autofree char *eml_dir = NULL;
  KpNotificationOptions options = { 0 };
  KpNotificationCounts counts = { 0 };
  gint64 selection_id = 0;
  gint64 stage_id;
  GError *error = NULL;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "selection", 0, 0, G_OPTION_ARG_STRING, &selection, N_("The selection (its id)"), N_("ID") },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("The stage: its number or its name"),
      N_("STAGE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The folder to write the files in"),
      N_("DIR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The sender of the e-mails (default: a placeholder address)"), N_("ADDRESS") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency,
      N_("The agency named at the end of the letters (default: BKPSDM)"), N_("NAME") },
    { NULL },
  };

  context = g_option_context_new (_("— the messages of a stage for every registrant"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes mail-merge.csv (no_peserta, nama, email, telepon, "
                                  "subject, body), short-texts.csv for WhatsApp or SMS and one "
                                  "e-mail per registrant in eml/, from the stage's templates. "
                                  "The NIK and the birth date are never written. At the "
                                  "administration stage only final decisions are sent; later "
                                  "stages invite the registrants found MS."));
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (context, _("notify takes no arguments besides its options"));
  if (!parse_selection (context, selection, &selection_id, &status))
    return status;
  if (stage == NULL || out == NULL)
    return usage_error (context, _("Give the stage with --stage and the folder with --out"));

  db = open_database (db_path, &error);
  if (db == NULL)
    return fail (error);
  options.from = from;
  options.agency = agency;
  if ((stage_id = kp_notification_stage_find (db, selection_id, stage, &error)) == 0 ||
      !kp_notification_produce (db, stage_id, out, &options, &counts, &error))
    return fail (error);
  merge_path = g_build_filename (out, "mail-merge.csv", NULL);
  texts_path = g_build_filename (out, "short-texts.csv", NULL);
  eml_dir = g_build_filename (out, "eml", NULL);
  /* Translators: a file's path, then a number of registrants. */
  g_print (_("Wrote %s: %u registrants\n"), merge_path, counts.recipients);
  g_print (_("Wrote %s: %u short texts (%u registrants have no phone number)\n"), texts_path,
           counts.short_texts, counts.no_phone);
  g_print (_("Wrote %u e-mails in %s (%u registrants have no usable e-mail address)\n"),
           counts.eml, eml_dir, counts.no_email);
  if (counts.waiting > 0)
    g_print (_("%u registrants were left out: their administration result is not final yet\n"),
             counts.waiting);
  return EXIT_OK;
}

/* ---- the announcement's files ------------------------------------------------------------ */

static int
cmd_announce (const char *db_path, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *selection_text = NULL;
  g_autofree char *out_dir = NULL;
  g_autoptr(KpDatabase) db = NULL;
  g_autoptr(KpSelection) selection = NULL;
  KpAnnouncementFiles files = { 0 };
  GError *error = NULL;
  int status = EXIT_OK;
  int version = 0;
  gint64 id;
  const GOptionEntry entries[] = {
    { "selection", 0, 0, G_OPTION_ARG_STRING, &selection_text,
      N_("The selection: its id or its exact name"), N_("S") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, N_("The folder to write the files into"),
      N_("DIR") },
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      N_("The announcement version to write (default: the latest)"), N_("N") },
    { NULL }
  };

  context = g_option_context_new (_("— announce a selection and write its announcement files"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("A selection not announced yet is announced first: its rules "
                                  "and vacancies are then locked and change only through an "
                                  "amendment (selection amend). Writes the announcement as an A4 "
                                  "PDF, an HTML page and a short social media text, the "
                                  "announced JSON they were made from and SHA256SUMS."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1 || selection_text == NULL || out_dir == NULL)
    return usage_error (context, _("announce needs --selection S and --out DIR"));
  if (version < 0)
    return usage_error (context, _("--version must be 1 or more"));

  db = open_database (db_path, &error);
  if (db == NULL || (id = find_selection (db, selection_text, &error)) == 0 ||
      (selection = kp_selection_get (db, id, &error)) == NULL)
    return fail (error);
  if (selection->amendment_reason != NULL)
    {
      /* Translators: %s is the selection's name. */
      g_printerr (_("kompeten-cli: an amendment of “%s” is open: publish it first (selection "
                    "amend-publish) or cancel it (selection amend-cancel)\n"),
                  selection->name);
      return EXIT_FAILED;
    }
  if (!selection->locked)
    {
      int published = kp_selection_publish (db, id, &error);

      if (published == 0)
        return fail (error);
      /* Translators: %s is the selection's name. */
      g_print (_("“%s” is announced (version %d): its rules and vacancies are now locked.\n"),
               selection->name, published);
    }
  if (g_mkdir_with_parents (out_dir, 0777) != 0)
    {
      int saved = errno;

      /* Translators: a folder, then why it could not be made. */
      g_printerr (_("kompeten-cli: cannot make the folder “%s”: %s\n"), out_dir,
                  g_strerror (saved));
      return EXIT_FAILED;
    }
  if (!kp_announcement_write (db, id, version, out_dir, &files, &error))
    return fail (error);
  /* Translators: the version and the audit checkpoint of the announcement. */
  g_print (_("Version %d, audit checkpoint %s\n"), files.version, files.checkpoint);
  g_print ("%s  %s\n", files.json_sha256, files.json_path);
  g_print ("%s  %s\n", files.pdf_sha256, files.pdf_path);
  g_print ("%s  %s\n", files.html_sha256, files.html_path);
  g_print ("%s  %s\n", files.text_sha256, files.text_path);
  g_print ("%s\n", files.sums_path);
  kp_announcement_files_clear (&files);
  return EXIT_OK;
}

static const Command commands[] = {
  { "import", "employees|competencies|standards|assessments FILE",
    N_("Import a register export, a competency dictionary, job competency standards or "
       "assessment results"),
    cmd_import },
  { "import", "formasi|applicants --selection S FILE",
    N_("Import the vacancies or the registrants of a selection"), cmd_import },
  { "export", "employees|standards|plans --csv|--xlsx OUT",
    N_("Export the register, the competency standards or the development plans"), cmd_export },
  { "chart", "employees-by-unit|gap-heatmap|jpm-distribution --png|--pdf|--svg OUT",
    N_("Draw the head count, the competency gaps or the JPM categories per unit"),
    cmd_chart },
  { "jpm", "show|weight KIND N|none|categories SPEC",
    N_("Show or set the JPM weights per position kind and the JPM categories"), cmd_jpm },
  { "report", "gaps [--xlsx OUT] [--unit NAME]", N_("The competency gap report"),
    cmd_report },
  { "profile", "NIP --pdf|--xlsx OUT", N_("An employee's competency profile"), cmd_profile },
  { "audit", "verify", N_("Verify the audit log's hash chain"), cmd_audit },
  { "demo", "", N_("Fill an empty database with the demo register"), cmd_demo },
  /* Recruitment: selections and the announcement's lock, verification, notifications. */
  { "selection", "create|list|show|publish|amend|amend-publish|amend-cancel|weights [S]",
    N_("Selections, their rules and the announcement that locks them"), cmd_selection },
  { "verify", "--selection ID [--applicant REG_NO --decision MS|TMS --verifier NAME]",
    N_("The administrative verification: its state, or record a decision"), cmd_verify },
  { "notify", "--selection ID --stage STAGE --out DIR [--from ADDRESS]",
    N_("Write a stage's messages: mail-merge CSV, e-mails, short texts"), cmd_notify },
  { "announce", "--selection S --out DIR [--version N]",
    N_("Announce a selection and write its PDF, HTML page and social media text"), cmd_announce },
};

static void
print_help (FILE *out)
{
  g_autofree char *default_path = kp_database_get_default_path ();

  fprintf (out, "%s\n", _("Usage: kompeten-cli [--db FILE] COMMAND [ARGS…]"));
  fprintf (out, "\n%s\n", _("Competency management and transparent recruitment for civil servants."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);

      /* A long synopsis gets its own line rather than push the summary out of its column. */
      if (g_utf8_strlen (synopsis, -1) > 48)
        fprintf (out, "  %s\n  %-48s %s\n", synopsis, "", _(commands[i].summary));
      else
        fprintf (out, "  %-48s %s\n", synopsis, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-48s %s\n", "--db FILE", _("The database (created if missing)"));
  fprintf (out, "  %-48s %s\n", "", default_path);
  fprintf (out, "  %-48s %s\n", "--version", _("Print the version"));
  fprintf (out, "  %-48s %s\n", "-h, --help", _("Show this help; COMMAND --help shows a command's"));
}

int
main (int argc, char **argv)
{
  const char *db_path = NULL;
  int i = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOMPETEN_LOCALEDIR") != NULL
                                       ? g_getenv ("KOMPETEN_LOCALEDIR")
                                       : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        db_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--db="))
        db_path = argv[i] + 5;
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help (stdout);
          return EXIT_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("kompeten-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else
        {
          g_printerr (_("kompeten-cli: unknown option “%s”\n\n"), argv[i]);
          print_help (stderr);
          return EXIT_USAGE;
        }
    }

  if (i >= argc)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (argv[i], commands[c].name) == 0)
      {
        /* The command sees itself as argv[0], so its --help reads "kompeten-cli import …". */
        g_autofree char *prgname = g_strdup_printf ("kompeten-cli %s", commands[c].name);

        g_set_prgname (prgname);
        return commands[c].func (db_path, argc - i, argv + i);
      }

  g_printerr (_("kompeten-cli: unknown command “%s”\n\n"), argv[i]);
  print_help (stderr);
  return EXIT_USAGE;
}
