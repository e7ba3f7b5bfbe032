/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-import.c: importing pegawai.csv in two streamed passes (see the header). */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-employee-import.h"
#include "kp-csv-reader-private.h"
#include "kp-database-private.h"
#include "kp-employee-private.h"

/* Header names as exports write them, folded and with punctuation turned to spaces. */
static const char *const aliases[KP_EMPLOYEE_N_FIELDS][12] = {
  [KP_EMPLOYEE_FIELD_NIP] = { "nip", "nip baru", "nip pegawai", "nomor induk pegawai", "no nip", NULL },
  [KP_EMPLOYEE_FIELD_NAME] = { "nama", "nama lengkap", "nama pegawai", "nama dan gelar",
                               "nama lengkap dan gelar", "name", "full name", NULL },
  [KP_EMPLOYEE_FIELD_SEX] = { "jenis kelamin", "jk", "kelamin", "l p", "sex", "gender", NULL },
  [KP_EMPLOYEE_FIELD_BIRTH_PLACE] = { "tempat lahir", "tmp lahir", "tmpt lahir", "birth place",
                                      "place of birth", NULL },
  [KP_EMPLOYEE_FIELD_BIRTH_DATE] = { "tanggal lahir", "tgl lahir", "tgl lhr", "birth date",
                                     "date of birth", "birthdate", NULL },
  [KP_EMPLOYEE_FIELD_EDUCATION] = { "pendidikan", "pendidikan terakhir", "jenjang pendidikan",
                                    "tingkat pendidikan", "education", NULL },
  [KP_EMPLOYEE_FIELD_GRADE] = { "golongan", "gol", "golongan ruang", "gol ruang", "pangkat golongan",
                                "pangkat gol", "grade", NULL },
  [KP_EMPLOYEE_FIELD_POSITION] = { "jabatan", "nama jabatan", "jabatan terakhir", "position",
                                   "position title", NULL },
  [KP_EMPLOYEE_FIELD_KIND] = { "jenis jabatan", "jenis", "kelompok jabatan", "position kind",
                               "kind", NULL },
  [KP_EMPLOYEE_FIELD_UNIT] = { "unit kerja", "unit", "satuan kerja", "satker", "opd",
                               "perangkat daerah", "unit organisasi", "instansi", NULL },
  [KP_EMPLOYEE_FIELD_SUPERVISOR_NIP] = { "nip atasan", "atasan", "nip atasan langsung",
                                         "atasan langsung", "supervisor nip", "supervisor", NULL },
  [KP_EMPLOYEE_FIELD_EMAIL] = { "email", "e mail", "surel", "alamat email", "alamat surel", NULL },
  [KP_EMPLOYEE_FIELD_PHONE] = { "telepon", "telp", "no telp", "no telepon", "nomor telepon", "hp",
                                "no hp", "nomor hp", "handphone", "phone", NULL },
};

static const KpEmployeeField required[] = {
  KP_EMPLOYEE_FIELD_NIP, KP_EMPLOYEE_FIELD_NAME, KP_EMPLOYEE_FIELD_SEX,
  KP_EMPLOYEE_FIELD_BIRTH_DATE, KP_EMPLOYEE_FIELD_GRADE, KP_EMPLOYEE_FIELD_POSITION,
  KP_EMPLOYEE_FIELD_KIND, KP_EMPLOYEE_FIELD_UNIT,
};

/* What pass 1 keeps of an accepted row, for pass 2 and for the supervisor checks. */
typedef struct {
  guint64 line;
  const char *supervisor; /* interned; NULL: none, or unknown */
  guint8 state;           /* cycle search: 0 unvisited, 1 on the current path, 2 done */
} RowInfo;

struct _KpEmployeeImport
{
  GObject parent_instance;

  KpDatabase *db;
  GFile *file;
  char *display_name;

  gboolean opened;
  gboolean analyzed;
  gboolean applied;
  char delimiter;
  GStrv header;
  guint n_columns;
  KpEmployeeField *mapping;
  KpDateFormat date_format;

  KpImportCounts counts;
  GPtrArray *problems;   /* of KpImportProblem */
  char *checksum;

  GStringChunk *strings; /* NIPs of accepted rows and their supervisors */
  GHashTable *rows;      /* accepted NIP -> RowInfo */
  GHashTable *rejected;  /* line -> line, of rejected records */
};

G_DEFINE_FINAL_TYPE (KpEmployeeImport, kp_employee_import, G_TYPE_OBJECT)

static void
problem_free (KpImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->reason);
  g_free (problem);
}

static char *
header_key (const char *name)
{
  g_autofree char *folded = kp_text_fold (name);

  for (char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && !((guchar) *p & 0x80))
      *p = ' ';
  return kp_text_squash (folded);
}

static KpEmployeeField
field_for_header (const char *name)
{
  g_autofree char *key = header_key (name);

  for (int f = 0; f < KP_EMPLOYEE_N_FIELDS; f++)
    for (guint a = 0; aliases[f][a] != NULL; a++)
      if (strcmp (key, aliases[f][a]) == 0)
        return f;
  return KP_EMPLOYEE_FIELD_NONE;
}

static int
column_of (KpEmployeeImport *self, KpEmployeeField field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->mapping[c] == field)
      return (int) c;
  return -1;
}

static void
add_problem (KpEmployeeImport *self, guint64 line, const char *column, const char *value,
             const char *reason, gboolean warning)
{
  KpImportProblem *problem = g_new0 (KpImportProblem, 1);
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);

  problem->line = line;
  problem->column = g_strdup (column != NULL ? column : "");
  /* A 1 MB cell in a report helps nobody: keep its start. */
  if (g_utf8_strlen (valid, -1) > 200)
    {
      g_autofree char *cut = g_utf8_substring (valid, 0, 200);
      problem->value = g_strconcat (cut, "…", NULL);
    }
  else
    problem->value = g_steal_pointer (&valid);
  problem->reason = g_strdup (reason);
  problem->warning = warning;
  g_ptr_array_add (self->problems, problem);
}

static void
kp_employee_import_finalize (GObject *object)
{
  KpEmployeeImport *self = KP_EMPLOYEE_IMPORT (object);

  g_clear_object (&self->db);
  g_clear_object (&self->file);
  g_free (self->display_name);
  g_strfreev (self->header);
  g_free (self->mapping);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->checksum);
  g_clear_pointer (&self->rows, g_hash_table_destroy);
  g_clear_pointer (&self->rejected, g_hash_table_destroy);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  G_OBJECT_CLASS (kp_employee_import_parent_class)->finalize (object);
}

static void
kp_employee_import_class_init (KpEmployeeImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_employee_import_finalize;
}

static void
kp_employee_import_init (KpEmployeeImport *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

/**
 * kp_employee_import_new:
 * @db: the database to import into
 * @file: a pegawai.csv export
 *
 * Returns: (transfer full): a new import; nothing is read until kp_employee_import_open()
 */
KpEmployeeImport *
kp_employee_import_new (KpDatabase *db, GFile *file)
{
  KpEmployeeImport *self;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (KP_TYPE_EMPLOYEE_IMPORT, NULL);
  self->db = g_object_ref (db);
  self->file = g_object_ref (file);
  self->display_name = g_file_get_basename (file);
  return self;
}

/* Opens the file and reads its header: the reader is left at the first record. */
static KpCsvReader *
open_reader (KpEmployeeImport *self, GCancellable *cancellable, const KpCsvRecord **header,
             GError **error)
{
  g_autoptr(KpCsvReader) reader = _kp_csv_reader_open (self->file, cancellable, error);

  if (reader == NULL)
    return NULL;
  *header = _kp_csv_reader_next (reader, error);
  if (*header == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE, _("“%s” is empty."),
                     self->display_name);
      return NULL;
    }
  return g_steal_pointer (&reader);
}

gboolean
kp_employee_import_open (KpEmployeeImport *self, GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  g_autoptr(GString) missing = NULL;
  const KpCsvRecord *header;

  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), FALSE);

  if (self->opened)
    return TRUE;
  reader = open_reader (self, NULL, &header, error);
  if (reader == NULL)
    return FALSE;

  self->delimiter = _kp_csv_reader_get_delimiter (reader);
  self->n_columns = header->n_fields;
  self->header = g_new0 (char *, header->n_fields + 1);
  self->mapping = g_new (KpEmployeeField, header->n_fields);
  for (guint c = 0; c < header->n_fields; c++)
    self->mapping[c] = KP_EMPLOYEE_FIELD_NONE;
  for (guint c = 0; c < header->n_fields; c++)
    {
      KpEmployeeField field = field_for_header (header->fields[c]);

      self->header[c] = g_strdup (header->fields[c]);
      /* A second column with the same meaning is ignored: the first one counts. */
      if (field != KP_EMPLOYEE_FIELD_NONE && column_of (self, field) < 0)
        self->mapping[c] = field;
    }

  if (column_of (self, KP_EMPLOYEE_FIELD_NIP) < 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   _("“%s” has no recognisable header: its first line should name the columns, "
                     "such as nip, nama, jenis_kelamin, tanggal_lahir, golongan, jabatan, "
                     "jenis_jabatan, unit_kerja."),
                   self->display_name);
      return FALSE;
    }

  missing = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (column_of (self, required[i]) < 0)
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                              kp_employee_field_get_column (required[i]));
  if (missing->len > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   /* Translators: %s is a list of column names. */
                   _("“%s” lacks required columns: %s."), self->display_name, missing->str);
      return FALSE;
    }

  self->opened = TRUE;
  return TRUE;
}

char
kp_employee_import_get_delimiter (KpEmployeeImport *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), ',');
  return self->delimiter;
}

GStrv
kp_employee_import_get_header (KpEmployeeImport *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), NULL);
  return self->header;
}

KpEmployeeField
kp_employee_import_get_mapping (KpEmployeeImport *self, guint column)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), KP_EMPLOYEE_FIELD_NONE);
  g_return_val_if_fail (column < self->n_columns, KP_EMPLOYEE_FIELD_NONE);
  return self->mapping[column];
}

void
kp_employee_import_set_mapping (KpEmployeeImport *self, guint column, KpEmployeeField field)
{
  int other;

  g_return_if_fail (KP_IS_EMPLOYEE_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field >= KP_EMPLOYEE_FIELD_NONE && field < KP_EMPLOYEE_N_FIELDS);
  g_return_if_fail (!self->applied);

  if (field != KP_EMPLOYEE_FIELD_NONE && (other = column_of (self, field)) >= 0)
    self->mapping[other] = KP_EMPLOYEE_FIELD_NONE;
  self->mapping[column] = field;
  self->analyzed = FALSE; /* the analysis no longer holds */
}

int
kp_employee_import_get_date_format (KpEmployeeImport *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), KP_DATE_FORMAT_ANY);
  return self->date_format;
}

const KpImportCounts *
kp_employee_import_get_counts (KpEmployeeImport *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), NULL);
  return &self->counts;
}

GPtrArray *
kp_employee_import_get_problems (KpEmployeeImport *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), NULL);
  return self->problems;
}

const char *
kp_employee_import_get_checksum (KpEmployeeImport *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), NULL);
  return self->checksum;
}

static gboolean
record_is_blank (const KpCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    for (const char *p = record->fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

/* Points @text at the record's fields by mapping; absent columns stay NULL. */
static void
record_text (KpEmployeeImport *self, const KpCsvRecord *record,
             const char *text[KP_EMPLOYEE_N_FIELDS])
{
  memset (text, 0, sizeof (const char *) * KP_EMPLOYEE_N_FIELDS);
  for (guint c = 0; c < self->n_columns && c < record->n_fields; c++)
    if (self->mapping[c] != KP_EMPLOYEE_FIELD_NONE)
      text[self->mapping[c]] = record->fields[c];
}

typedef struct {
  KpEmployeeImport *self;
  guint64 line;
} RowContext;

static void
on_row_problem (KpEmployeeField field, const char *value, const char *reason, gboolean warning,
                gpointer user_data)
{
  RowContext *ctx = user_data;
  int column = field != KP_EMPLOYEE_FIELD_NONE ? column_of (ctx->self, field) : -1;

  add_problem (ctx->self, ctx->line, column >= 0 ? ctx->self->header[column] : "", value, reason,
               warning);
}

static void
reject (KpEmployeeImport *self, guint64 line)
{
  g_hash_table_add (self->rejected, GSIZE_TO_POINTER ((gsize) line));
}

static gboolean
is_rejected (KpEmployeeImport *self, guint64 line)
{
  return g_hash_table_contains (self->rejected, GSIZE_TO_POINTER ((gsize) line));
}

static gint
compare_problems (gconstpointer a, gconstpointer b)
{
  const KpImportProblem *pa = *(KpImportProblem **) a;
  const KpImportProblem *pb = *(KpImportProblem **) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  /* Errors before warnings on the same line, otherwise in the order found. */
  return (pa->warning ? 1 : 0) - (pb->warning ? 1 : 0);
}

/* The supervisor NIP of @nip in the database, interned; NULL if none or not there. */
static const char *
db_supervisor (KpEmployeeImport *self, const char *nip, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (_kp_database_get_db (self->db),
                                 "SELECT s.nip FROM employee e JOIN employee s "
                                 "ON s.id = e.supervisor_id WHERE e.nip = ?",
                                 error);
  const char *supervisor = NULL;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_text (stmt, 1, nip);
  if (_kp_stmt_step (stmt, error) == KP_STEP_ROW)
    supervisor = g_string_chunk_insert_const (self->strings, _kp_stmt_get_text (stmt, 0));
  _kp_stmt_reset (stmt);
  return supervisor;
}

static gboolean
db_has_nip (KpEmployeeImport *self, const char *nip, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (_kp_database_get_db (self->db),
                                 "SELECT 1 FROM employee WHERE nip = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, nip);
  found = _kp_stmt_step (stmt, error) == KP_STEP_ROW;
  _kp_stmt_reset (stmt);
  return found;
}

/* Finds one supervisor loop through the file's rows (the database alone has none). Rejects the
 * row of the loop that comes last in the file and returns TRUE; FALSE when there is no loop. */
static gboolean
reject_one_cycle (KpEmployeeImport *self, GError **error)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ((RowInfo *) value)->state = 0;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *at = key;
      guint db_steps = 0;

      if (((RowInfo *) value)->state != 0)
        continue;
      g_ptr_array_set_size (path, 0);

      while (at != NULL)
        {
          RowInfo *info = g_hash_table_lookup (self->rows, at);

          if (info == NULL)
            {
              /* Outside the file: follow the database (which has no loops of its own). */
              if (++db_steps > 100000)
                break;
              at = db_supervisor (self, at, error);
              if (error != NULL && *error != NULL)
                return FALSE;
              continue;
            }
          if (info->state == 2)
            break;
          if (info->state == 1)
            {
              guint start = 0;
              const char *last = NULL;
              RowInfo *last_info = NULL;
              g_autoptr(GString) loop = g_string_new (NULL);

              while (strcmp (g_ptr_array_index (path, start), at) != 0)
                start++;
              for (guint i = start; i < path->len; i++)
                {
                  const char *nip = g_ptr_array_index (path, i);
                  RowInfo *member = g_hash_table_lookup (self->rows, nip);

                  g_string_append_printf (loop, "%s → ", nip);
                  if (last_info == NULL || member->line > last_info->line)
                    {
                      last = nip;
                      last_info = member;
                    }
                }
              g_string_append (loop, at);
              {
                g_autofree char *reason =
                  /* Translators: %s is a chain of NIPs "A → B → A". */
                  g_strdup_printf (_("Supervisor loop: %s"), loop->str);
                int column = column_of (self, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP);

                add_problem (self, last_info->line, self->header[column],
                             last_info->supervisor, reason, FALSE);
              }
              reject (self, last_info->line);
              self->counts.rejected++;
              g_hash_table_remove (self->rows, last);
              return TRUE;
            }
          info->state = 1;
          g_ptr_array_add (path, (gpointer) at);
          at = info->supervisor;
        }
      for (guint i = 0; i < path->len; i++)
        ((RowInfo *) g_hash_table_lookup (self->rows, g_ptr_array_index (path, i)))->state = 2;
    }
  return FALSE;
}

static gboolean
check_supervisors (KpEmployeeImport *self, GError **error)
{
  GError *local_error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int column = column_of (self, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP);

  if (column < 0)
    return TRUE;

  while (reject_one_cycle (self, &local_error))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  /* After the loops are gone, so that a supervisor whose own row was refused is unknown. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RowInfo *info = value;

      if (info->supervisor == NULL || g_hash_table_contains (self->rows, info->supervisor))
        continue;
      if (db_has_nip (self, info->supervisor, &local_error))
        continue;
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      add_problem (self, info->line, self->header[column], info->supervisor,
                   _("No employee has this supervisor NIP: stored empty"), TRUE);
      info->supervisor = NULL;
    }
  return TRUE;
}

gboolean
kp_employee_import_analyze (KpEmployeeImport *self, GCancellable *cancellable,
                            KpProgressFunc progress, gpointer user_data, GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  g_autoptr(GHashTable) positions = NULL;
  const KpCsvRecord *record;
  GError *local_error = NULL;
  KpEmployeeValues values = { 0 };
  gboolean seen_format = FALSE;
  GDate today;

  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  if (!kp_employee_import_open (self, error))
    return FALSE;

  /* Start over: a remapped column invalidates an earlier analysis. */
  memset (&self->counts, 0, sizeof self->counts);
  g_ptr_array_set_size (self->problems, 0);
  g_clear_pointer (&self->rows, g_hash_table_destroy);
  g_clear_pointer (&self->rejected, g_hash_table_destroy);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->checksum, g_free);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->rejected = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->strings = g_string_chunk_new (64 * 1024);
  self->date_format = KP_DATE_FORMAT_ANY;
  /* (unit, title) folded -> "kind:line", to catch a position given two kinds in one file. */
  positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  _kp_today (&today);

  reader = open_reader (self, cancellable, &record, error);
  if (reader == NULL)
    return FALSE;

  while ((record = _kp_csv_reader_next (reader, &local_error)) != NULL)
    {
      const char *text[KP_EMPLOYEE_N_FIELDS];
      RowContext ctx = { self, record->line };
      gboolean ok;

      if (record_is_blank (record))
        continue;
      self->counts.read++;

      if (record->n_fields != self->n_columns)
        {
          g_autofree char *reason =
            /* Translators: both numbers count columns. */
            g_strdup_printf (_("The row has %u columns but the header has %u: a value that "
                               "holds the delimiter must be in quotes"),
                             record->n_fields, self->n_columns);
          add_problem (self, record->line, "", "", reason, FALSE);
          reject (self, record->line);
          self->counts.rejected++;
          continue;
        }

      record_text (self, record, text);
      ok = _kp_employee_validate (text, &today, &values, on_row_problem, &ctx);

      if (*values.nip != '\0')
        {
          RowInfo *first = g_hash_table_lookup (self->rows, values.nip);

          if (first != NULL)
            {
              g_autofree char *reason =
                g_strdup_printf (_("This NIP already appears on line %" G_GUINT64_FORMAT
                                   " (the first one is kept)"),
                                 first->line);
              add_problem (self, record->line, self->header[column_of (self, KP_EMPLOYEE_FIELD_NIP)],
                           values.nip, reason, FALSE);
              ok = FALSE;
            }
        }

      if (ok && values.position != NULL && values.unit != NULL && values.kind >= 0)
        {
          g_autofree char *unit_key = kp_text_fold (values.unit);
          g_autofree char *title_key = kp_text_fold (values.position);
          char *key = g_strconcat (unit_key, "\x1f", title_key, NULL);
          const char *seen = g_hash_table_lookup (positions, key);

          if (seen == NULL)
            g_hash_table_insert (positions, key,
                                 g_strdup_printf ("%d:%" G_GUINT64_FORMAT, values.kind,
                                                  record->line));
          else
            {
              g_free (key);
              if (atoi (seen) != values.kind)
                {
                  g_autofree char *reason =
                    /* Translators: a position's kind disagrees with an earlier row. */
                    g_strdup_printf (_("Line %s gives this position the kind “%s”"),
                                     strchr (seen, ':') + 1,
                                     kp_position_kind_to_string (atoi (seen)));
                  add_problem (self, record->line,
                               self->header[column_of (self, KP_EMPLOYEE_FIELD_KIND)],
                               text[KP_EMPLOYEE_FIELD_KIND], reason, FALSE);
                  ok = FALSE;
                }
            }
        }

      if (!ok)
        {
          reject (self, record->line);
          self->counts.rejected++;
        }
      else
        {
          RowInfo *info = g_new0 (RowInfo, 1);

          info->line = record->line;
          if (values.supervisor_nip != NULL && *values.supervisor_nip != '\0')
            info->supervisor = g_string_chunk_insert_const (self->strings, values.supervisor_nip);
          g_hash_table_insert (self->rows, g_string_chunk_insert (self->strings, values.nip), info);

          if (!seen_format)
            self->date_format = values.date_format;
          else if (self->date_format != values.date_format)
            self->date_format = KP_DATE_FORMAT_ANY;
          seen_format = TRUE;
        }

      if (progress != NULL && self->counts.read % 2048 == 0)
        progress (_kp_csv_reader_get_fraction (reader) * 0.95, user_data);
    }
  _kp_employee_values_clear (&values);

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&local_error);
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CANCELLED,
                       _("The import was cancelled: nothing was written."));
        }
      else
        g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!check_supervisors (self, error))
    return FALSE;

  /* Warnings of refused rows are noise beside the reason they were refused. */
  for (guint i = self->problems->len; i > 0; i--)
    {
      KpImportProblem *problem = g_ptr_array_index (self->problems, i - 1);

      if (problem->warning && is_rejected (self, problem->line))
        g_ptr_array_remove_index (self->problems, i - 1);
      else if (problem->warning)
        self->counts.warnings++;
    }
  g_ptr_array_sort (self->problems, compare_problems);

  self->checksum = g_strdup (_kp_csv_reader_get_checksum (reader));
  self->analyzed = TRUE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

/* ---- pass 2 ---------------------------------------------------------------------------- */

typedef struct {
  gint64 id;
  int kind;
} PositionRef;

typedef struct {
  gint64 employee_id;
  const char *supervisor; /* interned; NULL clears */
} PendingSupervisor;

typedef struct {
  KpEmployeeImport *self;
  KpDb *db;
  GHashTable *units;      /* folded name -> gint64* id */
  GHashTable *positions;  /* "unit_id\x1ffolded title" -> PositionRef */
  GArray *pending;        /* of PendingSupervisor */
  gboolean was_empty;     /* the register had no employees: every row is new */
} Apply;

static gint64
ensure_unit (Apply *apply, const char *name, GError **error)
{
  g_autofree char *key = kp_text_fold (name);
  gint64 *cached = g_hash_table_lookup (apply->units, key);
  KpStmt *stmt;
  KpStep step;
  gint64 id = 0;

  if (cached != NULL)
    return *cached;

  stmt = _kp_db_prepare (apply->db, "SELECT id FROM unit WHERE name_key = ?", error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_text (stmt, 1, key);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    id = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return 0;

  if (id == 0)
    {
      stmt = _kp_db_prepare (apply->db, "INSERT INTO unit (name, name_key) VALUES (?, ?)", error);
      if (stmt == NULL)
        return 0;
      _kp_stmt_bind_text (stmt, 1, name);
      _kp_stmt_bind_text (stmt, 2, key);
      if (!_kp_stmt_run (stmt, error))
        return 0;
      id = _kp_db_last_insert_id (apply->db);
      apply->self->counts.units_created++;
    }
  g_hash_table_insert (apply->units, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return id;
}

/* The position's id; @kind_changed is set when an existing position took the file's kind. */
static gint64
ensure_position (Apply *apply, gint64 unit_id, const char *title, int kind,
                 gboolean *kind_changed, GError **error)
{
  g_autofree char *title_key = kp_text_fold (title);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", unit_id, title_key);
  PositionRef *cached = g_hash_table_lookup (apply->positions, key);
  PositionRef ref = { 0, kind };
  KpStmt *stmt;
  KpStep step;

  *kind_changed = FALSE;
  if (cached != NULL)
    return cached->id;

  stmt = _kp_db_prepare (apply->db, "SELECT id, kind FROM position WHERE unit_id = ? AND title_key = ?",
                         error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_int64 (stmt, 1, unit_id);
  _kp_stmt_bind_text (stmt, 2, title_key);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      ref.id = _kp_stmt_get_int64 (stmt, 0);
      *kind_changed = _kp_stmt_get_int64 (stmt, 1) != kind;
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return 0;

  if (ref.id == 0)
    {
      stmt = _kp_db_prepare (apply->db,
                             "INSERT INTO position (unit_id, title, title_key, kind) VALUES (?, ?, ?, ?)",
                             error);
      if (stmt == NULL)
        return 0;
      _kp_stmt_bind_int64 (stmt, 1, unit_id);
      _kp_stmt_bind_text (stmt, 2, title);
      _kp_stmt_bind_text (stmt, 3, title_key);
      _kp_stmt_bind_int64 (stmt, 4, kind);
      if (!_kp_stmt_run (stmt, error))
        return 0;
      ref.id = _kp_db_last_insert_id (apply->db);
      apply->self->counts.positions_created++;
    }
  else if (*kind_changed)
    {
      /* The file is the newer word on what kind a position is. */
      stmt = _kp_db_prepare (apply->db, "UPDATE position SET kind = ? WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      _kp_stmt_bind_int64 (stmt, 1, kind);
      _kp_stmt_bind_int64 (stmt, 2, ref.id);
      if (!_kp_stmt_run (stmt, error))
        return 0;
    }
  g_hash_table_insert (apply->positions, g_steal_pointer (&key), g_memdup2 (&ref, sizeof ref));
  return ref.id;
}

/* Whether @nip's row is already in the database (its line came earlier, or it was there). */
static gboolean
supervisor_written (Apply *apply, const char *nip)
{
  KpStmt *stmt = _kp_db_prepare (apply->db, "SELECT 1 FROM employee WHERE nip = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, nip);
  found = _kp_stmt_step (stmt, NULL) == KP_STEP_ROW;
  _kp_stmt_reset (stmt);
  return found;
}

/* Inserts or updates one accepted row. */
static gboolean
apply_row (Apply *apply, KpEmployeeValues *values, GError **error)
{
  KpEmployeeImport *self = apply->self;
  RowInfo *info = g_hash_table_lookup (self->rows, values->nip);
  const char *supervisor = info != NULL ? info->supervisor : NULL;
  gboolean kind_changed = FALSE;
  gint64 unit_id, position_id, id = 0;
  KpStmt *stmt;
  KpStep step;
  /* Optional columns the file does not have keep what the register holds. */
  const char *birth_place = values->birth_place, *education = values->education;
  const char *email = values->email, *phone = values->phone;
  g_autofree char *old_birth_place = NULL, *old_education = NULL;
  g_autofree char *old_email = NULL, *old_phone = NULL;
  gboolean same = FALSE;
  gboolean supervisor_known = column_of (self, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP) >= 0;
  gboolean supervisor_same = TRUE;

  g_assert (info != NULL);

  if ((unit_id = ensure_unit (apply, values->unit, error)) == 0 ||
      (position_id = ensure_position (apply, unit_id, values->position, values->kind,
                                      &kind_changed, error)) == 0)
    return FALSE;

  /* Into an empty register every row is new: no need to look each one up. */
  stmt = _kp_db_prepare (apply->db,
                         "SELECT e.id, e.name, e.sex, e.birth_place, e.birth_date, e.education, "
                         "e.grade, e.position_id, e.email, e.phone, s.nip "
                         "FROM employee e LEFT JOIN employee s ON s.id = e.supervisor_id "
                         "WHERE e.nip = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, values->nip);
  step = apply->was_empty ? KP_STEP_DONE : _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ERROR)
    return FALSE;
  if (step == KP_STEP_ROW)
    {
      id = _kp_stmt_get_int64 (stmt, 0);
      old_birth_place = g_strdup (_kp_stmt_get_text (stmt, 3));
      old_education = g_strdup (_kp_stmt_get_text (stmt, 5));
      old_email = g_strdup (_kp_stmt_get_text (stmt, 8));
      old_phone = g_strdup (_kp_stmt_get_text (stmt, 9));
      if (birth_place == NULL)
        birth_place = old_birth_place;
      if (education == NULL)
        education = old_education;
      if (email == NULL)
        email = old_email;
      if (phone == NULL)
        phone = old_phone;
      if (supervisor_known)
        supervisor_same = g_strcmp0 (_kp_stmt_is_null (stmt, 10) ? NULL : _kp_stmt_get_text (stmt, 10),
                                     supervisor) == 0;
      same = strcmp (_kp_stmt_get_text (stmt, 1), values->name) == 0 &&
             strcmp (_kp_stmt_get_text (stmt, 2), values->sex) == 0 &&
             strcmp (old_birth_place, birth_place) == 0 &&
             strcmp (_kp_stmt_get_text (stmt, 4), values->birth_date) == 0 &&
             strcmp (old_education, education) == 0 &&
             strcmp (_kp_stmt_get_text (stmt, 6), kp_grade_to_string (values->grade)) == 0 &&
             _kp_stmt_get_int64 (stmt, 7) == position_id &&
             strcmp (old_email, email) == 0 &&
             strcmp (old_phone, phone) == 0;
    }
  _kp_stmt_reset (stmt);

  if (id > 0 && same && supervisor_same && !kind_changed)
    {
      self->counts.unchanged++;
      return TRUE;
    }

  /* A supervisor already written (the usual order: heads first) is set right away; later
   * ones wait for the end of the file. */
  if (id == 0)
    stmt = _kp_db_prepare (apply->db,
                           "INSERT INTO employee (nip, name, sex, birth_place, birth_date, "
                           "education, grade, position_id, email, phone, supervisor_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                           "        (SELECT id FROM employee WHERE nip = ?11))",
                           error);
  else
    stmt = _kp_db_prepare (apply->db,
                           "UPDATE employee SET nip = ?1, name = ?2, sex = ?3, birth_place = ?4, "
                           "birth_date = ?5, education = ?6, grade = ?7, position_id = ?8, "
                           "email = ?9, phone = ?10 WHERE id = ?11",
                           error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, values->nip);
  _kp_stmt_bind_text (stmt, 2, values->name);
  _kp_stmt_bind_text (stmt, 3, values->sex);
  _kp_stmt_bind_text (stmt, 4, birth_place != NULL ? birth_place : "");
  _kp_stmt_bind_text (stmt, 5, values->birth_date);
  _kp_stmt_bind_text (stmt, 6, education != NULL ? education : "");
  _kp_stmt_bind_text (stmt, 7, kp_grade_to_string (values->grade));
  _kp_stmt_bind_int64 (stmt, 8, position_id);
  _kp_stmt_bind_text (stmt, 9, email != NULL ? email : "");
  _kp_stmt_bind_text (stmt, 10, phone != NULL ? phone : "");
  if (id > 0)
    _kp_stmt_bind_int64 (stmt, 11, id);
  else
    _kp_stmt_bind_text (stmt, 11, supervisor);
  if (!_kp_stmt_run (stmt, error))
    return FALSE;

  if (id == 0)
    {
      id = _kp_db_last_insert_id (apply->db);
      self->counts.created++;
      supervisor_same = supervisor == NULL || supervisor_written (apply, supervisor);
    }
  else
    self->counts.updated++;

  /* Supervisors are set once every row is in: a supervisor may come later in the file. */
  if (supervisor_known && !supervisor_same)
    {
      PendingSupervisor pending = { id, supervisor };
      g_array_append_val (apply->pending, pending);
    }
  return TRUE;
}

static JsonNode *
import_payload (KpEmployeeImport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const KpImportCounts *c = &self->counts;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, self->display_name);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, self->checksum);
#define COUNT(name, value)                           \
  json_builder_set_member_name (builder, name);      \
  json_builder_add_int_value (builder, (gint64) value)
  COUNT ("read", c->read);
  COUNT ("new", c->created);
  COUNT ("updated", c->updated);
  COUNT ("unchanged", c->unchanged);
  COUNT ("rejected", c->rejected);
  COUNT ("warnings", c->warnings);
  COUNT ("units_created", c->units_created);
  COUNT ("positions_created", c->positions_created);
#undef COUNT
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
kp_employee_import_apply (KpEmployeeImport *self, gboolean all_or_nothing,
                          GCancellable *cancellable, KpProgressFunc progress, gpointer user_data,
                          GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  g_autoptr(GHashTable) units = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GArray) pending = NULL;
  const KpCsvRecord *record;
  KpEmployeeValues values = { 0 };
  GError *local_error = NULL;
  KpDb *db;
  Apply apply;
  GDate today;
  guint64 n = 0;

  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  if (!self->analyzed && !kp_employee_import_analyze (self, cancellable, NULL, NULL, error))
    return FALSE;
  if (all_or_nothing && self->counts.rejected > 0)
    return TRUE; /* the counts and problems say why nothing was written */

  db = _kp_database_get_db (self->db);
  units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pending = g_array_new (FALSE, FALSE, sizeof (PendingSupervisor));
  apply = (Apply) { self, db, units, positions, pending };
  _kp_today (&today);

  reader = open_reader (self, cancellable, &record, error);
  if (reader == NULL)
    return FALSE;
  if (!_kp_db_begin (db, error))
    return FALSE;
  apply.was_empty = _kp_db_query_int64 (db, "SELECT count (*) FROM (SELECT 1 FROM employee LIMIT 1)",
                                        1, &local_error) == 0;
  g_clear_error (&local_error);

  while ((record = _kp_csv_reader_next (reader, &local_error)) != NULL)
    {
      const char *text[KP_EMPLOYEE_N_FIELDS];

      if (record_is_blank (record) || is_rejected (self, record->line))
        continue;
      record_text (self, record, text);
      if (!_kp_employee_validate (text, &today, &values, NULL, NULL))
        {
          /* The file changed since it was analysed; caught again by the checksum below. */
          continue;
        }
      if (!apply_row (&apply, &values, &local_error))
        break;
      if (progress != NULL && ++n % 2048 == 0)
        progress (_kp_csv_reader_get_fraction (reader) * 0.95, user_data);
    }
  _kp_employee_values_clear (&values);

  if (local_error == NULL)
    {
      KpStmt *stmt = _kp_db_prepare (db,
                                     "UPDATE employee SET supervisor_id = "
                                     "(SELECT id FROM employee WHERE nip = ?) WHERE id = ?",
                                     &local_error);

      for (guint i = 0; stmt != NULL && i < pending->len && local_error == NULL; i++)
        {
          PendingSupervisor *p = &g_array_index (pending, PendingSupervisor, i);

          _kp_stmt_bind_text (stmt, 1, p->supervisor);
          _kp_stmt_bind_int64 (stmt, 2, p->employee_id);
          _kp_stmt_run (stmt, &local_error);
        }
    }

  if (local_error == NULL && g_strcmp0 (_kp_csv_reader_get_checksum (reader), self->checksum) != 0)
    g_set_error (&local_error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                 _("“%s” changed while it was being imported: nothing was written. Import it "
                   "again."),
                 self->display_name);

  if (local_error == NULL &&
      (self->counts.created > 0 || self->counts.updated > 0 || self->counts.units_created > 0 ||
       self->counts.positions_created > 0))
    {
      g_autoptr(JsonNode) payload = import_payload (self);

      _kp_audit_append (self->db, "import", "employee", NULL, payload, &local_error);
    }

  if (local_error == NULL)
    _kp_db_commit (db, &local_error);
  else
    _kp_db_rollback (db);

  if (local_error != NULL)
    {
      memset (&self->counts.created, 0, sizeof (guint64) * 3);
      self->counts.units_created = self->counts.positions_created = 0;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&local_error);
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CANCELLED,
                       _("The import was cancelled: nothing was written."));
        }
      else
        g_propagate_error (error, local_error);
      return FALSE;
    }

  self->applied = TRUE;
  _kp_database_reload (self->db, KP_RELOAD_ALL);
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

gboolean
kp_import_problems_write_csv (GPtrArray *problems, gboolean warnings, const char *path,
                              GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  static const char *const header[] = { "line", "column", "value", "reason" };

  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_commandline_arg (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL)
    return FALSE;
  if (!_kp_csv_write_row (G_OUTPUT_STREAM (out), header, 4, error))
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    {
      KpImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;
      const char *row[4];

      if (problem->warning != warnings)
        continue;
      line = g_strdup_printf ("%" G_GUINT64_FORMAT, problem->line);
      row[0] = line;
      row[1] = problem->column;
      row[2] = problem->value;
      row[3] = problem->reason;
      if (!_kp_csv_write_row (G_OUTPUT_STREAM (out), row, 4, error))
        return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
