/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-xlsx.h: helpers over libxlsxwriter that every workbook of Kompeten uses, so that all of
 * them look alike: a bold shaded header, frozen header row, autofilter, sensible widths, dates
 * as real dates, long digit strings (NIP, NIK) kept as text. */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef enum {
  KP_XLSX_TEXT,     /* a string; digit strings such as NIP stay text (never 1.97E+17) */
  KP_XLSX_INTEGER,  /* a number shown without decimals, thousands grouped */
  KP_XLSX_NUMBER,   /* a number with two decimals */
  KP_XLSX_DATE,     /* an ISO "YYYY-MM-DD" string written as a real Excel date, shown dd/mm/yyyy */
} KpXlsxKind;

typedef struct {
  const char *header;   /* column heading, written as is */
  KpXlsxKind kind;
  double width;         /* in Excel character units; 0 picks a width from the kind and header */
} KpXlsxColumn;

typedef struct _KpXlsx KpXlsx;

/* Opens a new workbook at @path. @constant_memory streams rows to disk (rows must then be
 * written in order): use it for big sheets. The file appears only on kp_xlsx_close(); on an
 * error nothing is left at @path. A directory that is missing or read-only is reported here,
 * as KP_REPORT_ERROR_FAILED, before any row is written. */
KpXlsx *kp_xlsx_new (const char *path, gboolean constant_memory, GError **error);
lxw_workbook *kp_xlsx_get_workbook (KpXlsx *self);

/* Adds a sheet named @name with a header row from @columns (formatted, frozen, widths set).
 * A name Excel would refuse (too long, []:*?/\ in it, already used) is made valid, so unit
 * names can be passed as they are. Returns NULL only when libxlsxwriter cannot make the sheet
 * (out of memory, no temporary file); kp_xlsx_close() then reports it, and the functions below
 * ignore that NULL sheet. */
lxw_worksheet *kp_xlsx_add_table (KpXlsx *self, const char *name, const KpXlsxColumn *columns,
                                  guint n_columns);
/* Writes @value into data row @row (0 = first row under the header), column @col, as the
 * column's kind says. NULL or "" writes nothing (an empty cell). A DATE, INTEGER or NUMBER that
 * does not parse (or an integer beyond 2^53, which Excel would round) is written as text, so
 * nothing is lost. Invalid UTF-8 is repaired; text beyond Excel's 32,767 characters per cell is
 * cut there. A cell libxlsxwriter refuses (a row out of order in constant-memory mode, beyond
 * 1,048,575) makes kp_xlsx_close() fail with the cell named. */
void kp_xlsx_write (KpXlsx *self, lxw_worksheet *sheet, guint row, guint col, const char *value);
void kp_xlsx_write_int (KpXlsx *self, lxw_worksheet *sheet, guint row, guint col, gint64 value);
/* Sets the autofilter over the header and @n_rows data rows. */
void kp_xlsx_end_table (KpXlsx *self, lxw_worksheet *sheet, guint n_rows);

/* Colours the gaps in the range: below zero red, above zero green (with @zero_is_good, zero
 * too: the standard is met). Conditional formats, so an edited cell recolours in Excel. */
void kp_xlsx_colour_gaps (KpXlsx *self, lxw_worksheet *sheet, guint first_row, guint first_col,
                          guint last_row, guint last_col, gboolean zero_is_good);

/* Shared formats, owned by the workbook. */
lxw_format *kp_xlsx_get_format (KpXlsx *self, KpXlsxKind kind);
lxw_format *kp_xlsx_get_header_format (KpXlsx *self);

/* Writes and closes the file, reporting libxlsxwriter's error (disk full, permission) in
 * KP_REPORT_ERROR. Frees @self in every case. */
gboolean kp_xlsx_close (KpXlsx *self, GError **error);
/* Frees without writing (and removes anything partial): for a cancelled export. NULL is
 * ignored. */
void kp_xlsx_abandon (KpXlsx *self);

G_END_DECLS
