/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-csv-reader-private.h: streaming CSV records out of spreadsheet exports, over libcsv.
 * Detects the delimiter and a BOM, refuses binary and non-UTF-8 files, and knows the physical
 * line on which each record starts (a quoted field may hold newlines). Memory stays flat:
 * one record at a time. Shared by every importer. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _KpCsvReader KpCsvReader;

typedef struct {
  guint64 line;     /* physical line on which the record starts (1 = first line) */
  guint n_fields;
  char **fields;    /* NUL-terminated, valid UTF-8 */
} KpCsvRecord;

/* Opens @file and reads its start. Errors (KP_MODEL_ERROR_FILE): missing or unreadable, empty,
 * binary, UTF-16; KP_MODEL_ERROR_CANCELLED when @cancellable was cancelled. */
KpCsvReader *_kp_csv_reader_open (GFile *file, GCancellable *cancellable, GError **error);
void _kp_csv_reader_free (KpCsvReader *self);
char _kp_csv_reader_get_delimiter (KpCsvReader *self);

/* The next record, valid until the next call; NULL with no error at the end of the file.
 * Errors: not UTF-8 (naming the line), an unterminated quote, a field over 1 MB. */
const KpCsvRecord *_kp_csv_reader_next (KpCsvReader *self, GError **error);
/* How far through the file (0..1); 0 when the size is unknown. */
double _kp_csv_reader_get_fraction (KpCsvReader *self);
/* The hex SHA-256 of every byte of the file, once the end was reached; else NULL. */
const char *_kp_csv_reader_get_checksum (KpCsvReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpCsvReader, _kp_csv_reader_free)

/* The column a header names: @names is a table of @n_columns rows of @stride aliases each
 * (folded, with spaces for '_'; a row ends at its first NULL). -1 when none matches. */
int _kp_csv_header_column (const char *header, const char *const *names, guint stride,
                           guint n_columns);
/* Reads the header record of a file whose columns are known: @columns[c] gets the field that
 * names column c (aliases as for _kp_csv_header_column; of two columns with the same meaning
 * the first counts), -1 when none does. An empty file, or one missing any of the first
 * @n_required columns, is an error (KP_MODEL_ERROR_FILE) that names @display_name and the
 * @expected column list. @header (optional) gets a copy of the header's fields (g_strfreev).
 * Returns the header's width, 0 on error. */
guint _kp_csv_reader_read_header (KpCsvReader *self, const char *display_name,
                                  const char *const *names, guint stride, guint n_columns,
                                  guint n_required, const char *expected, int *columns,
                                  char ***header, GError **error);
/* The reason a record is refused when its width differs from the header's. Free with g_free. */
char *_kp_csv_width_reason (guint n_fields, guint n_header);

/* Writes one CSV row (RFC 4180 quoting where needed, "\n" line ends) to @out. */
gboolean _kp_csv_write_row (GOutputStream *out, const char *const *fields, guint n_fields,
                            GError **error);
/* The same for a file people open in a spreadsheet and never import again (mail merge): a
 * value that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so
 * that it stays text instead of running as a formula. */
gboolean _kp_csv_write_row_for_people (GOutputStream *out, const char *const *fields,
                                       guint n_fields, GError **error);

G_END_DECLS
