/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-import.h: importing the register from a pegawai.csv export.
 *
 * One streamed pass inside one transaction: each record is read, validated by core, checked
 * against the rows before it (duplicate NIPs, a position given two kinds) and, when good,
 * written; at the end supervisors named before their own row are set, supervisor loops are
 * refused and one audit event is appended. Analysing is the same pass rolled back, so a window
 * can show every refused row and the counts before anything is written. A file with a
 * supervisor loop is read once more, refusing the loop's last row from the start. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

/* The register's fields, in the column order of pegawai.csv (and of the export). */
typedef enum {
  KP_EMPLOYEE_FIELD_NONE = -1, /* a column that is ignored */
  KP_EMPLOYEE_FIELD_NIP,
  KP_EMPLOYEE_FIELD_NAME,
  KP_EMPLOYEE_FIELD_SEX,
  KP_EMPLOYEE_FIELD_BIRTH_PLACE,
  KP_EMPLOYEE_FIELD_BIRTH_DATE,
  KP_EMPLOYEE_FIELD_EDUCATION,
  KP_EMPLOYEE_FIELD_GRADE,
  KP_EMPLOYEE_FIELD_POSITION,
  KP_EMPLOYEE_FIELD_KIND,
  KP_EMPLOYEE_FIELD_UNIT,
  KP_EMPLOYEE_FIELD_SUPERVISOR_NIP,
  KP_EMPLOYEE_FIELD_EMAIL,
  KP_EMPLOYEE_FIELD_PHONE,
  KP_EMPLOYEE_N_FIELDS
} KpEmployeeField;

/* The pegawai.csv header name of a field ("nip", "nama", ...). */
const char *kp_employee_field_get_column (KpEmployeeField field);
/* A translated label for previews ("Birth date"). */
const char *kp_employee_field_get_label (KpEmployeeField field);

typedef struct {
  guint64 line;    /* physical line on which the record starts (the header is line 1) */
  char *column;    /* the header name as written in the file, or "" for the whole row */
  char *value;     /* the offending value (made valid UTF-8, cut at 200 characters) */
  char *reason;    /* translated */
  gboolean warning;
} KpImportProblem;

typedef struct {
  guint64 read;        /* records read (not counting the header) */
  guint64 created;
  guint64 updated;
  guint64 unchanged;
  guint64 rejected;    /* records refused: each has at least one problem that is not a warning */
  guint64 warnings;    /* warnings, over all records */
  guint64 units_created;
  guint64 positions_created;
} KpImportCounts;

/* Called from the thread running the import with the fraction of the file done (0..1). */
typedef void (*KpProgressFunc) (double fraction, gpointer user_data);

#define KP_TYPE_EMPLOYEE_IMPORT (kp_employee_import_get_type ())
G_DECLARE_FINAL_TYPE (KpEmployeeImport, kp_employee_import, KP, EMPLOYEE_IMPORT, GObject)

KpEmployeeImport *kp_employee_import_new (KpDatabase *db, GFile *file);

/* Reads the header and the first rows: detects BOM, delimiter and the column mapping. Fails with
 * KP_MODEL_ERROR_FILE on a missing, empty, binary or non-UTF-8 file. A header whose columns are
 * not all recognised opens: see kp_employee_import_check_mapping(). */
gboolean kp_employee_import_open (KpEmployeeImport *self, GError **error);
/* Whether every required column is mapped. Fails with KP_MODEL_ERROR_FILE naming the missing
 * columns, or saying the file has no recognisable header when not even the NIP is found.
 * analyze and apply check it first. */
gboolean kp_employee_import_check_mapping (KpEmployeeImport *self, GError **error);
/* Whether @field must be mapped for an import. */
gboolean kp_employee_field_is_required (KpEmployeeField field);
/* The first records after the header (at most 20), as read, for a preview: a GPtrArray of
 * GStrv, transfer none. Available after open. */
GPtrArray *kp_employee_import_get_preview (KpEmployeeImport *self);
/* The line of the file where each preview record starts. */
guint64 kp_employee_import_get_preview_line (KpEmployeeImport *self, guint index);
char kp_employee_import_get_delimiter (KpEmployeeImport *self);
/* The header as written; and the field each column maps to (KP_EMPLOYEE_FIELD_NONE: ignored). */
GStrv kp_employee_import_get_header (KpEmployeeImport *self);
KpEmployeeField kp_employee_import_get_mapping (KpEmployeeImport *self, guint column);
/* Remaps a column (e.g. one whose header was not recognised). */
void kp_employee_import_set_mapping (KpEmployeeImport *self, guint column, KpEmployeeField field);
/* After analyse: the date format seen in the birth-date column (ANY when mixed or none). */
int kp_employee_import_get_date_format (KpEmployeeImport *self);

/* The import as a dry run: the counts and problems of kp_employee_import_apply(), with nothing
 * written (the transaction is rolled back). Optional: apply does the same checks itself. */
gboolean kp_employee_import_analyze (KpEmployeeImport *self, GCancellable *cancellable,
                                     KpProgressFunc progress, gpointer user_data, GError **error);
/* Imports: the good records in one transaction with one audit event (the file's SHA-256 and the
 * counts; none when nothing changed). With @all_or_nothing, writes nothing when any record was
 * refused (and returns TRUE: the counts say why). Cancelling writes nothing. */
gboolean kp_employee_import_apply (KpEmployeeImport *self, gboolean all_or_nothing,
                                   GCancellable *cancellable, KpProgressFunc progress,
                                   gpointer user_data, GError **error);

const KpImportCounts *kp_employee_import_get_counts (KpEmployeeImport *self);
/* Of KpImportProblem, in line order. Transfer none. */
GPtrArray *kp_employee_import_get_problems (KpEmployeeImport *self);
/* The hex SHA-256 of the file's bytes (after analyse). */
const char *kp_employee_import_get_checksum (KpEmployeeImport *self);

/* Writes problems as CSV "line,column,value,reason" (errors only, or warnings only). */
gboolean kp_import_problems_write_csv (GPtrArray *problems, gboolean warnings, const char *path,
                                       GError **error);

/* Calls @func for every employee in register order with the pegawai.csv values (indexed by
 * KpEmployeeField; "" for empty), stopping at the first FALSE (whose error is returned). */
typedef gboolean (*KpEmployeeRowFunc) (const char *const values[KP_EMPLOYEE_N_FIELDS],
                                       gpointer user_data, GError **error);
gboolean kp_employee_foreach_row (KpDatabase *db, KpEmployeeRowFunc func, gpointer user_data,
                                  GError **error);

/* Writes the register as pegawai.csv (same columns as the import, so it re-imports unchanged). */
gboolean kp_employee_export_csv (KpDatabase *db, const char *path, GError **error);

G_END_DECLS
