/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-cli.c: kompeten-cli, the batch and audit front end. Links the model and report layers,
 * never GTK. Exit status: 0 done; 1 failed (nothing written); 2 wrong usage; 3 an
 * --all-or-nothing import found rejected rows and wrote nothing. */

#include "config.h"

#include <inttypes.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

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
#include "kompeten/kp-records.h"
#include "kompeten/kp-reports.h"

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
