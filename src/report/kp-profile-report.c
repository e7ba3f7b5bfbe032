/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-profile-report.c: the employee's competency profile as a printable A4 PDF, and the same
 * profile as a workbook for whoever wants to sort or reuse the numbers. The PDF is laid out top
 * to bottom with a cursor; a block that would not fit starts a new page. */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "kompeten/kp-model.h"
#include "kompeten/kp-reports.h"
#include "kompeten/kp-xlsx.h"
#include "kp-page-private.h"

typedef struct {
  KpGapItem *items;
  guint n;
  KpJpm jpm;
  gboolean has_standard, assessed;
} Judged;

static gboolean
on_judged (const KpEmployeeGaps *gaps, gpointer user_data, GError **error)
{
  Judged *judged = user_data;

  judged->n = gaps->n_competencies;
  judged->items = g_memdup2 (gaps->items, sizeof (KpGapItem) * gaps->n_competencies);
  judged->jpm = gaps->jpm;
  judged->has_standard = gaps->has_standard;
  judged->assessed = gaps->assessed;
  return TRUE;
}

/* The employee @nip, their gaps judged against the standard of their position and their
 * assessment history: what both the PDF and the workbook show. On failure nothing is left to
 * free in @judged. */
static gboolean
load_profile (KpDatabase *db, const char *nip, KpEmployee **employee, KpGaps **gaps,
              Judged *judged, GPtrArray **outcomes, GError **error)
{
  *employee = kp_register_find_employee (db, nip);
  if (*employee == NULL)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("No employee with the NIP %s is in the register"), nip);
      return FALSE;
    }
  if ((*gaps = kp_gaps_new (db, error)) == NULL ||
      !kp_gaps_judge (*gaps, kp_employee_get_id (*employee), 0, on_judged, judged, error) ||
      (*outcomes = kp_assessment_outcomes (db, kp_employee_get_id (*employee), error)) == NULL)
    {
      g_clear_pointer (&judged->items, g_free);
      return FALSE;
    }
  return TRUE;
}

/* The category ("Memenuhi Syarat") a JPM of @total falls in; NULL when below every one. */
static const char *
jpm_category (KpGaps *gaps, KpRatio total)
{
  for (guint c = 0; c < kp_gaps_get_n_categories (gaps); c++)
    if (kp_ratio_compare_percent (total, kp_gaps_get_category_min (gaps, c)) >= 0)
      return kp_gaps_get_category_name (gaps, c);
  return NULL;
}

/* The radar of the competencies with a standard, centred on (@cx, @cy) with rings of radius
 * @r: kp_radar_draw leaves room for the labels around them. */
static void
radar (KpPage *doc, const Judged *judged, KpGaps *gaps, double cx, double cy, double r)
{
  g_autoptr(KpRadar) chart = kp_radar_new ();
  double box = 2 * (r + 26);

  for (guint i = 0; i < judged->n; i++)
    if (judged->items[i].required > 0)
      kp_radar_add (chart, kp_gaps_get_code (gaps, i), judged->items[i].required,
                    judged->items[i].attained);
  cairo_save (doc->cr);
  cairo_translate (doc->cr, cx - box / 2, cy - box / 2);
  kp_radar_draw (chart, doc->cr, box, box);
  cairo_restore (doc->cr);
}

gboolean
kp_report_profile_pdf (KpDatabase *db, const char *nip, const char *path, GError **error)
{
  g_autoptr(KpEmployee) employee = NULL;
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) feedback = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *checkpoint = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%e %B %Y");
  cairo_surface_t *surface;
  Judged judged = { 0 };
  KpPage doc = { 0 };
  cairo_status_t status;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (nip != NULL && path != NULL, FALSE);

  if (!load_profile (db, nip, &employee, &gaps, &judged, &outcomes, error))
    return FALSE;
  if ((feedback = kp_feedback_list (db, kp_employee_get_id (employee), error)) == NULL ||
      (plan = kp_idp_list (db, kp_employee_get_id (employee), error)) == NULL ||
      (checkpoint = kp_audit_checkpoint (db, error)) == NULL)
    {
      g_free (judged.items);
      return FALSE;
    }

  /* Written beside the target and renamed at the end: a failure leaves no half document. */
  tmp_path = g_strdup_printf ("%s.%u.tmp", path, g_random_int ());
  surface = cairo_pdf_surface_create (tmp_path, KP_PAGE_W, KP_PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  kp_employee_get_name (employee));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kompeten");
  doc.cr = cairo_create (surface);
  doc.y = KP_PAGE_MARGIN;
  doc.page = 1;
  /* Translators: the date the document was made and the audit checkpoint "seq:hash". */
  doc.footer = g_strdup_printf (_("Made on %s · audit checkpoint %s"), g_strstrip (today),
                                checkpoint);

  doc.y += _kp_page_show (&doc, _("Competency Profile"), 18, TRUE, KP_PAGE_MARGIN, doc.y, KP_PAGE_TEXT_W,
                 0x241f31, TRUE) + 4;
  doc.y += _kp_page_show (&doc, kp_employee_get_name (employee), 13, TRUE, KP_PAGE_MARGIN, doc.y,
                 KP_PAGE_TEXT_W, 0x241f31, TRUE) + 2;
  line = g_strdup_printf ("NIP %s · %s · %s · %s", kp_employee_get_nip (employee),
                          kp_employee_get_position_title (employee),
                          kp_employee_get_unit_name (employee), kp_employee_get_grade (employee));
  _kp_page_paragraph (&doc, line, 9.5, 0x5e5c64);

  _kp_page_heading (&doc, _("Job-person match"));
  if (!judged.has_standard)
    _kp_page_paragraph (&doc, _("The position has no competency standard yet."), 9.5, 0x3d3846);
  else if (!judged.assessed)
    _kp_page_paragraph (&doc, _("Not assessed yet: the profile fills in after the first assessment."), 9.5,
               0x3d3846);
  else
    {
      char percent[16];
      g_autofree char *jpm = NULL;

      const char *category = jpm_category (gaps, judged.jpm.total);

      kp_ratio_format_percent_locale (judged.jpm.total, percent);
      if (category != NULL)
        /* Translators: the JPM in percent and its category ("Memenuhi Syarat"). */
        jpm = g_strdup_printf (_("JPM %s %% — %s"), percent, category);
      doc.y += _kp_page_show (&doc, jpm != NULL ? jpm : percent, 14, TRUE, KP_PAGE_MARGIN, doc.y,
                     KP_PAGE_TEXT_W, 0x1c71d8, TRUE) + 6;
    }

  if (judged.has_standard)
    {
      _kp_page_need (&doc, 250);
      radar (&doc, &judged, gaps, KP_PAGE_W / 2, doc.y + 115, 95);
      doc.y += 240;
      _kp_page_paragraph (&doc, _("Dashed: the standard of the position. Blue: the latest levels."), 8,
                 0x5e5c64);

      _kp_page_heading (&doc, _("Competencies and gaps"));
      {
        const char *head[] = { _("Code"), _("Competency"), _("Standard"), _("Level"), _("Gap") };
        static const double widths[] = { 0.12, 0.52, 0.12, 0.12, 0.12 };

        _kp_page_row (&doc, head, widths, 5, TRUE);
        for (guint i = 0; i < judged.n; i++)
          {
            g_autofree char *required = NULL, *attained = NULL, *gap = NULL;
            const char *cells[5];

            if (judged.items[i].required == 0)
              continue;
            required = g_strdup_printf ("%d", judged.items[i].required);
            attained = judged.items[i].attained > 0 ? g_strdup_printf ("%d", judged.items[i].attained)
                                                    : g_strdup ("—");
            gap = kp_gap (judged.items[i].attained, judged.items[i].required) != 0
                    ? g_strdup_printf ("%+d", kp_gap (judged.items[i].attained,
                                                      judged.items[i].required))
                    : g_strdup ("0");
            cells[0] = kp_gaps_get_code (gaps, i);
            cells[1] = kp_gaps_get_competency_name (gaps, i);
            cells[2] = required;
            cells[3] = attained;
            cells[4] = gap;
            _kp_page_row (&doc, cells, widths, 5, FALSE);
          }
      }
    }

  _kp_page_heading (&doc, _("Assessment history"));
  if (outcomes->len == 0)
    _kp_page_paragraph (&doc, _("No assessment yet."), 9.5, 0x3d3846);
  else
    {
      const char *head[] = { _("Date"), _("Assessment"), _("Code"), _("Level"), _("Assessors") };
      static const double widths[] = { 0.16, 0.44, 0.12, 0.12, 0.16 };

      _kp_page_row (&doc, head, widths, 5, TRUE);
      for (guint i = 0; i < outcomes->len; i++)
        {
          KpAssessmentOutcome *o = g_ptr_array_index (outcomes, i);
          g_autofree char *level = o->level > 0 ? g_strdup_printf ("%d", o->level)
                                                : g_strdup (_("disputed"));
          g_autofree char *assessors = o->n_assessors > 1
                                         ? g_strdup_printf ("%d (%d–%d)", o->n_assessors, o->min, o->max)
                                         : g_strdup_printf ("%d", o->n_assessors);
          const char *cells[] = { o->held_on, o->assessment_name, o->code, level, assessors };

          _kp_page_row (&doc, cells, widths, 5, FALSE);
        }
    }

  _kp_page_heading (&doc, _("Feedback from the supervisor"));
  if (feedback->len == 0)
    _kp_page_paragraph (&doc, _("No feedback yet."), 9.5, 0x3d3846);
  for (guint i = 0; i < feedback->len; i++)
    {
      KpFeedback *f = g_ptr_array_index (feedback, i);
      g_autofree char *title = g_strdup_printf ("%s · %s%s%s · %s", f->given_on,
                                                f->kind == KP_FEEDBACK_STRENGTH ? _("Strength")
                                                                                : _("To improve"),
                                                *f->competency_code != '\0' ? " · " : "",
                                                f->competency_code, f->supervisor_name);
      g_autofree char *ack = *f->acknowledged_on != '\0'
                               ? g_strdup_printf (_("Acknowledged on %s"), f->acknowledged_on)
                               : g_strdup (_("Not acknowledged yet"));

      _kp_page_paragraph (&doc, title, 8.5, 0x5e5c64);
      _kp_page_paragraph (&doc, f->text, 9.5, 0x241f31);
      _kp_page_paragraph (&doc, ack, 8, 0x77767b);
    }

  _kp_page_heading (&doc, _("Development plan"));
  if (plan->len == 0)
    _kp_page_paragraph (&doc, _("No development plan yet."), 9.5, 0x3d3846);
  else
    {
      const char *head[] = { _("Competency"), _("Form"), _("Pillar"), _("Target"), _("Status") };
      static const double widths[] = { 0.2, 0.36, 0.1, 0.16, 0.18 };

      _kp_page_row (&doc, head, widths, 5, TRUE);
      for (guint i = 0; i < plan->len; i++)
        {
          KpIdpItem *item = g_ptr_array_index (plan, i);
          g_autofree char *pillar = g_strdup_printf ("%d", item->pillar);
          const char *cells[] = { item->competency_code, item->form_name, pillar, item->target_on,
                                  kp_idp_status_label (item->status) };

          _kp_page_row (&doc, cells, widths, 5, FALSE);
        }
    }

  status = _kp_page_finish (&doc);
  cairo_destroy (doc.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (doc.footer);
  g_free (judged.items);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      g_set_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* A label and its value in the block above the gap table; the value as text, so that a NIP
 * stays eighteen digits. Database text is valid UTF-8 already, but libxlsxwriter writes it into
 * the XML as it is, so it is made valid once more rather than risk an unreadable file. */
static void
label_row (KpXlsx *xlsx, lxw_worksheet *sheet, lxw_format *bold, lxw_row_t row,
           const char *label, const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);

  worksheet_write_string (sheet, row, 0, label, bold);
  worksheet_write_string (sheet, row, 1, valid, kp_xlsx_get_format (xlsx, KP_XLSX_TEXT));
}

enum { PROFILE_HEAD_ROW = 7 };  /* the gap table's header, under the block about the employee */

gboolean
kp_report_profile_xlsx (KpDatabase *db, const char *nip, const char *path, GError **error)
{
  g_autoptr(KpEmployee) employee = NULL;
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  const KpXlsxColumn history_columns[] = {
    { _("Date"), KP_XLSX_DATE, 12 },
    { _("Assessment"), KP_XLSX_TEXT, 40 },
    { _("Code"), KP_XLSX_TEXT, 10 },
    { _("Level"), KP_XLSX_INTEGER, 10 },
    { _("Assessors"), KP_XLSX_TEXT, 12 },
  };
  const char *head[] = { _("Code"), _("Competency"), _("Standard"), _("Level"), _("Gap") };
  static const double widths[] = { 16, 48, 11, 11, 13 };
  Judged judged = { 0 };
  KpXlsx *xlsx;
  lxw_workbook *workbook;
  lxw_worksheet *sheet, *history;
  lxw_format *bold;
  lxw_row_t row;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (nip != NULL && path != NULL, FALSE);

  if (!load_profile (db, nip, &employee, &gaps, &judged, &outcomes, error))
    return FALSE;
  /* kp_xlsx_new() writes beside @path and renames on close, as every workbook does. */
  xlsx = kp_xlsx_new (path, FALSE, error);
  if (xlsx == NULL)
    {
      g_free (judged.items);
      return FALSE;
    }
  workbook = kp_xlsx_get_workbook (xlsx);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);

  /* The table helpers put their header on the first row; this sheet starts with who the
   * profile is about, so it is laid out by hand with the workbook's shared formats. */
  sheet = workbook_add_worksheet (workbook, _("Profile"));
  if (sheet == NULL)
    {
      kp_xlsx_abandon (xlsx);
      g_free (judged.items);
      g_set_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);

  label_row (xlsx, sheet, bold, 0, _("Name"), kp_employee_get_name (employee));
  label_row (xlsx, sheet, bold, 1, "NIP", kp_employee_get_nip (employee));
  label_row (xlsx, sheet, bold, 2, _("Position"), kp_employee_get_position_title (employee));
  label_row (xlsx, sheet, bold, 3, _("Unit"), kp_employee_get_unit_name (employee));
  if (!judged.has_standard)
    label_row (xlsx, sheet, bold, 4, _("JPM (%)"), _("The position has no competency standard yet."));
  else if (!judged.assessed)
    label_row (xlsx, sheet, bold, 4, _("JPM (%)"), _("Not assessed yet"));
  else
    {
      char percent[16];

      /* The same one-decimal rounding as the PDF, but as a number to compute with. */
      kp_ratio_format_percent (judged.jpm.total, percent);
      worksheet_write_string (sheet, 4, 0, _("JPM (%)"), bold);
      worksheet_write_number (sheet, 4, 1, g_ascii_strtod (percent, NULL),
                              kp_xlsx_get_format (xlsx, KP_XLSX_NUMBER));
      label_row (xlsx, sheet, bold, 5, _("JPM category"),
                 jpm_category (gaps, judged.jpm.total));
    }

  worksheet_set_row (sheet, PROFILE_HEAD_ROW, 30, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (head); c++)
    worksheet_write_string (sheet, PROFILE_HEAD_ROW, c, head[c], kp_xlsx_get_header_format (xlsx));
  worksheet_freeze_panes (sheet, PROFILE_HEAD_ROW + 1, 0);

  row = PROFILE_HEAD_ROW + 1;
  for (guint i = 0; i < judged.n; i++)
    {
      const KpGapItem *item = &judged.items[i];
      g_autofree char *name = NULL;

      if (item->required == 0)
        continue;
      name = g_utf8_make_valid (kp_gaps_get_competency_name (gaps, i), -1);
      worksheet_write_string (sheet, row, 0, kp_gaps_get_code (gaps, i),
                              kp_xlsx_get_format (xlsx, KP_XLSX_TEXT));
      worksheet_write_string (sheet, row, 1, name, kp_xlsx_get_format (xlsx, KP_XLSX_TEXT));
      worksheet_write_number (sheet, row, 2, item->required,
                              kp_xlsx_get_format (xlsx, KP_XLSX_INTEGER));
      /* Not assessed: an empty cell rather than the PDF's dash, so sums and filters work. */
      if (item->attained > 0)
        worksheet_write_number (sheet, row, 3, item->attained,
                                kp_xlsx_get_format (xlsx, KP_XLSX_INTEGER));
      worksheet_write_number (sheet, row, 4, kp_gap (item->attained, item->required),
                              kp_xlsx_get_format (xlsx, KP_XLSX_INTEGER));
      row++;
    }
  if (row > PROFILE_HEAD_ROW + 1)
    {
      worksheet_autofilter (sheet, PROFILE_HEAD_ROW, 0, row - 1, G_N_ELEMENTS (head) - 1);
      /* The colours of the gap report; here meeting the standard is green too, as in the PDF. */
      kp_xlsx_colour_gaps (xlsx, sheet, PROFILE_HEAD_ROW + 1, 4, row - 1, 4, TRUE);
    }

  history = kp_xlsx_add_table (xlsx, _("History"), history_columns,
                               G_N_ELEMENTS (history_columns));
  for (guint i = 0; i < outcomes->len; i++)
    {
      KpAssessmentOutcome *o = g_ptr_array_index (outcomes, i);
      g_autofree char *assessors = o->n_assessors > 1
                                     ? g_strdup_printf ("%d (%d–%d)", o->n_assessors, o->min, o->max)
                                     : g_strdup_printf ("%d", o->n_assessors);

      kp_xlsx_write (xlsx, history, i, 0, o->held_on);
      kp_xlsx_write (xlsx, history, i, 1, o->assessment_name);
      kp_xlsx_write (xlsx, history, i, 2, o->code);
      if (o->level > 0)
        kp_xlsx_write_int (xlsx, history, i, 3, o->level);
      else
        kp_xlsx_write (xlsx, history, i, 3, _("disputed"));
      kp_xlsx_write (xlsx, history, i, 4, assessors);
    }
  kp_xlsx_end_table (xlsx, history, outcomes->len);

  g_free (judged.items);
  return kp_xlsx_close (xlsx, error);
}
