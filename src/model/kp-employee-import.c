/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-import.c: importing pegawai.csv in two streamed passes (see the header). */

#include "config.h"

#include <inttypes.h>

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

/* What the import keeps of an accepted row until the end of the file: for duplicates, the
 * supervisor checks and supervisors named before their own row. */
typedef struct {
  guint64 line;
  gint64 id;              /* the employee's row once written */
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
  GPtrArray *preview;       /* of GStrv: the first records, for a preview */
  GArray *preview_lines;    /* guint64: where each starts */
  KpEmployeeField *mapping;
  KpDateFormat date_format;

  KpImportCounts counts;
  GPtrArray *problems;   /* of KpImportProblem */
  char *checksum;

  GStringChunk *strings; /* NIPs of accepted rows and their supervisors */
  GHashTable *rows;      /* accepted NIP -> RowInfo */
  GHashTable *rejected;  /* line -> line, of rejected records */
  GHashTable *loops;     /* line -> KpImportProblem, rows refused for a supervisor loop */
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

static KpImportProblem *
problem_copy (const KpImportProblem *problem)
{
  KpImportProblem *copy = g_new0 (KpImportProblem, 1);

  copy->line = problem->line;
  copy->column = g_strdup (problem->column);
  copy->value = g_strdup (problem->value);
  copy->reason = g_strdup (problem->reason);
  copy->warning = problem->warning;
  return copy;
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

KpImportProblem *
_kp_import_problem_new (guint64 line, const char *column, const char *value, const char *reason,
                        gboolean warning)
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
  return problem;
}

void
_kp_import_problem_free (KpImportProblem *problem)
{
  problem_free (problem);
}

static void
add_problem (KpEmployeeImport *self, guint64 line, const char *column, const char *value,
             const char *reason, gboolean warning)
{
  g_ptr_array_add (self->problems, _kp_import_problem_new (line, column, value, reason, warning));
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
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->preview_lines, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->checksum);
  g_clear_pointer (&self->rows, g_hash_table_destroy);
  g_clear_pointer (&self->rejected, g_hash_table_destroy);
  g_clear_pointer (&self->loops, g_hash_table_destroy);
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
  self->loops = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) problem_free);
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

static gboolean
record_is_blank (const KpCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    for (const char *p = record->fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

#define PREVIEW_ROWS 20

gboolean
kp_employee_import_open (KpEmployeeImport *self, GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  const KpCsvRecord *header;
  const KpCsvRecord *record;

  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), FALSE);

  if (self->opened)
    return TRUE;
  reader = open_reader (self, NULL, &header, error);
  if (reader == NULL)
    return FALSE;

  /* A failed open may be retried: start from nothing. */
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->mapping, g_free);
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

  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->preview_lines, g_array_unref);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->preview_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  while (self->preview->len < PREVIEW_ROWS && (record = _kp_csv_reader_next (reader, NULL)) != NULL)
    {
      if (record_is_blank (record))
        continue;
      g_ptr_array_add (self->preview, g_strdupv (record->fields));
      g_array_append_val (self->preview_lines, record->line);
    }

  self->opened = TRUE;
  return TRUE;
}

gboolean
kp_employee_import_check_mapping (KpEmployeeImport *self, GError **error)
{
  g_autoptr(GString) missing = NULL;

  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), FALSE);
  g_return_val_if_fail (self->opened, FALSE);

  if (column_of (self, KP_EMPLOYEE_FIELD_NIP) < 0 && column_of (self, KP_EMPLOYEE_FIELD_NAME) < 0)
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
  return TRUE;
}

gboolean
kp_employee_field_is_required (KpEmployeeField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (required[i] == field)
      return TRUE;
  return FALSE;
}

GPtrArray *
kp_employee_import_get_preview (KpEmployeeImport *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), NULL);
  return self->preview;
}

guint64
kp_employee_import_get_preview_line (KpEmployeeImport *self, guint index)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), 0);
  g_return_val_if_fail (self->preview_lines != NULL && index < self->preview_lines->len, 0);
  return g_array_index (self->preview_lines, guint64, index);
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
              g_hash_table_insert (self->loops, GSIZE_TO_POINTER ((gsize) last_info->line),
                                   problem_copy (g_ptr_array_index (self->problems,
                                                                    self->problems->len - 1)));
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

/* ---- writing --------------------------------------------------------------------------- */

typedef struct {
  gint64 id;
  int kind;
  guint64 line; /* the first row of this file that named it */
} PositionRef;

typedef struct {
  gint64 id;
  GHashTable *positions; /* folded title -> PositionRef */
} UnitRef;

static void
unit_ref_free (UnitRef *unit)
{
  g_hash_table_destroy (unit->positions);
  g_free (unit);
}

/* A supervisor settled at the end of the file. */
typedef struct {
  gint64 employee_id;
  const char *nip;            /* interned: the row's NIP, to find its supervisor then */
  const char *old_supervisor; /* interned: what the register had (an existing row) */
  gboolean fields_changed;    /* its other fields changed (an existing row) */
  gboolean counted;           /* counted already: only the supervisor is left to set */
} PendingSupervisor;

typedef struct {
  KpEmployeeImport *self;
  KpDb *db;
  GHashTable *units;      /* folded name -> UnitRef, the units and positions this file named */
  GArray *pending;        /* of PendingSupervisor */
  gboolean was_empty;     /* the register had no employees: every row is new */
} Apply;

static UnitRef *
ensure_unit (Apply *apply, const char *name, GError **error)
{
  g_autofree char *key = kp_text_fold (name);
  UnitRef *unit = g_hash_table_lookup (apply->units, key);
  KpStmt *stmt;
  KpStep step;
  gint64 id = 0;

  if (unit != NULL)
    return unit;

  stmt = _kp_db_prepare (apply->db, "SELECT id FROM unit WHERE name_key = ?", error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_text (stmt, 1, key);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    id = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;

  if (id == 0)
    {
      stmt = _kp_db_prepare (apply->db, "INSERT INTO unit (name, name_key) VALUES (?, ?)", error);
      if (stmt == NULL)
        return NULL;
      _kp_stmt_bind_text (stmt, 1, name);
      _kp_stmt_bind_text (stmt, 2, key);
      if (!_kp_stmt_run (stmt, error))
        return NULL;
      id = _kp_db_last_insert_id (apply->db);
      apply->self->counts.units_created++;
    }
  unit = g_new0 (UnitRef, 1);
  unit->id = id;
  unit->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (apply->units, g_steal_pointer (&key), unit);
  return unit;
}

/* The position @title of @unit as this file names it (NULL on a database error). A position of
 * the register takes the file's kind (@kind_changed). The caller compares the kind it returns:
 * a later row of the file may not give the same position another kind. */
static PositionRef *
ensure_position (Apply *apply, UnitRef *unit, const char *title, int kind, guint64 line,
                 gboolean *kind_changed, GError **error)
{
  g_autofree char *key = kp_text_fold (title);
  PositionRef *ref = g_hash_table_lookup (unit->positions, key);
  KpStmt *stmt;
  KpStep step;
  gint64 id = 0;

  *kind_changed = FALSE;
  if (ref != NULL)
    return ref;

  stmt = _kp_db_prepare (apply->db, "SELECT id, kind FROM position WHERE unit_id = ? AND title_key = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, unit->id);
  _kp_stmt_bind_text (stmt, 2, key);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      id = _kp_stmt_get_int64 (stmt, 0);
      *kind_changed = _kp_stmt_get_int64 (stmt, 1) != kind;
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;

  if (id == 0)
    {
      stmt = _kp_db_prepare (apply->db,
                             "INSERT INTO position (unit_id, title, title_key, kind) VALUES (?, ?, ?, ?)",
                             error);
      if (stmt == NULL)
        return NULL;
      _kp_stmt_bind_int64 (stmt, 1, unit->id);
      _kp_stmt_bind_text (stmt, 2, title);
      _kp_stmt_bind_text (stmt, 3, key);
      _kp_stmt_bind_int64 (stmt, 4, kind);
      if (!_kp_stmt_run (stmt, error))
        return NULL;
      id = _kp_db_last_insert_id (apply->db);
      apply->self->counts.positions_created++;
    }
  else if (*kind_changed)
    {
      /* The file is the newer word on what kind a position is. */
      stmt = _kp_db_prepare (apply->db, "UPDATE position SET kind = ? WHERE id = ?", error);
      if (stmt == NULL)
        return NULL;
      _kp_stmt_bind_int64 (stmt, 1, kind);
      _kp_stmt_bind_int64 (stmt, 2, id);
      if (!_kp_stmt_run (stmt, error))
        return NULL;
    }
  ref = g_new0 (PositionRef, 1);
  ref->id = id;
  ref->kind = kind;
  ref->line = line;
  g_hash_table_insert (unit->positions, g_steal_pointer (&key), ref);
  return ref;
}

/* The row id of @nip if it is in the database by now (earlier in this file, or there before);
 * 0 if not (yet). */
static gint64
supervisor_written (Apply *apply, const char *nip)
{
  RowInfo *info = g_hash_table_lookup (apply->self->rows, nip);
  KpStmt *stmt;
  gint64 id = 0;

  if (info != NULL)
    return info->id;
  if (apply->was_empty)
    return 0;
  stmt = _kp_db_prepare (apply->db, "SELECT id FROM employee WHERE nip = ?", NULL);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_text (stmt, 1, nip);
  if (_kp_stmt_step (stmt, NULL) == KP_STEP_ROW)
    id = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  return id;
}

/* Inserts or updates one accepted row, and counts it, unless its count waits for a supervisor
 * named before their row (see set_supervisors ()). */
static gboolean
apply_row (Apply *apply, KpEmployeeValues *values, gint64 position_id, gboolean kind_changed,
           GError **error)
{
  KpEmployeeImport *self = apply->self;
  gpointer nip = NULL;
  RowInfo *info = NULL;
  const char *supervisor;
  gboolean has_supervisors = column_of (self, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP) >= 0;
  gboolean decided, fields_changed = TRUE;
  gint64 supervisor_id, id = 0;
  KpStmt *stmt;
  KpStep step;
  /* Optional columns the file does not have keep what the register holds. */
  const char *birth_place = values->birth_place, *education = values->education;
  const char *email = values->email, *phone = values->phone;
  g_autofree char *old_birth_place = NULL, *old_education = NULL;
  g_autofree char *old_email = NULL, *old_phone = NULL;
  const char *old_supervisor = NULL;

  g_hash_table_lookup_extended (self->rows, values->nip, &nip, (gpointer *) &info);
  g_assert (info != NULL);
  supervisor = info->supervisor;
  /* A supervisor whose row is already in (the usual order: heads first) is set with the row;
   * one named before their own row, or named but absent, is settled at the end of the file. */
  supervisor_id = supervisor != NULL ? supervisor_written (apply, supervisor) : 0;
  decided = supervisor == NULL || supervisor_id > 0;

  /* Into an empty register every row is new: no need to look each one up. */
  if (!apply->was_empty)
    {
      stmt = _kp_db_prepare (apply->db,
                             "SELECT e.id, e.name, e.sex, e.birth_place, e.birth_date, "
                             "e.education, e.grade, e.position_id, e.email, e.phone, s.nip "
                             "FROM employee e LEFT JOIN employee s ON s.id = e.supervisor_id "
                             "WHERE e.nip = ?",
                             error);
      if (stmt == NULL)
        return FALSE;
      _kp_stmt_bind_text (stmt, 1, values->nip);
      step = _kp_stmt_step (stmt, error);
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
          if (!_kp_stmt_is_null (stmt, 10))
            old_supervisor = g_string_chunk_insert_const (self->strings, _kp_stmt_get_text (stmt, 10));
          fields_changed = kind_changed ||
                           strcmp (_kp_stmt_get_text (stmt, 1), values->name) != 0 ||
                           strcmp (_kp_stmt_get_text (stmt, 2), values->sex) != 0 ||
                           strcmp (old_birth_place, birth_place) != 0 ||
                           strcmp (_kp_stmt_get_text (stmt, 4), values->birth_date) != 0 ||
                           strcmp (old_education, education) != 0 ||
                           strcmp (_kp_stmt_get_text (stmt, 6),
                                   kp_grade_to_string (values->grade)) != 0 ||
                           _kp_stmt_get_int64 (stmt, 7) != position_id ||
                           strcmp (old_email, email) != 0 ||
                           strcmp (old_phone, phone) != 0;
        }
      _kp_stmt_reset (stmt);
    }

  if (id == 0)
    stmt = _kp_db_prepare (apply->db,
                           "INSERT INTO employee (nip, name, sex, birth_place, birth_date, "
                           "education, grade, position_id, email, phone, supervisor_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
  else if (fields_changed)
    stmt = _kp_db_prepare (apply->db,
                           "UPDATE employee SET nip = ?1, name = ?2, sex = ?3, birth_place = ?4, "
                           "birth_date = ?5, education = ?6, grade = ?7, position_id = ?8, "
                           "email = ?9, phone = ?10 WHERE id = ?11",
                           error);
  else
    stmt = NULL;

  if (id == 0 || fields_changed)
    {
      if (stmt == NULL)
        return FALSE;
      _kp_stmt_bind_text_static (stmt, 1, values->nip);
      _kp_stmt_bind_text_static (stmt, 2, values->name);
      _kp_stmt_bind_text_static (stmt, 3, values->sex);
      _kp_stmt_bind_text_static (stmt, 4, birth_place != NULL ? birth_place : "");
      _kp_stmt_bind_text_static (stmt, 5, values->birth_date);
      _kp_stmt_bind_text_static (stmt, 6, education != NULL ? education : "");
      _kp_stmt_bind_text_static (stmt, 7, kp_grade_to_string (values->grade));
      _kp_stmt_bind_int64 (stmt, 8, position_id);
      _kp_stmt_bind_text_static (stmt, 9, email != NULL ? email : "");
      _kp_stmt_bind_text_static (stmt, 10, phone != NULL ? phone : "");
      if (id > 0)
        _kp_stmt_bind_int64 (stmt, 11, id);
      else
        _kp_stmt_bind_id (stmt, 11, supervisor_id);
      if (!_kp_stmt_run (stmt, error))
        return FALSE;
    }

  if (id == 0)
    {
      id = info->id = _kp_db_last_insert_id (apply->db);
      self->counts.created++;
      if (!decided)
        {
          PendingSupervisor pending = { id, nip, NULL, FALSE, TRUE };
          g_array_append_val (apply->pending, pending);
        }
      return TRUE;
    }

  info->id = id;
  if (has_supervisors && !decided)
    {
      PendingSupervisor pending = { id, nip, old_supervisor, fields_changed, FALSE };
      g_array_append_val (apply->pending, pending);
      return TRUE;
    }
  if (has_supervisors && g_strcmp0 (old_supervisor, supervisor) != 0)
    {
      PendingSupervisor pending = { id, nip, old_supervisor, TRUE, TRUE };
      g_array_append_val (apply->pending, pending);
      fields_changed = TRUE;
    }
  if (fields_changed)
    self->counts.updated++;
  else
    self->counts.unchanged++;
  return TRUE;
}

static void
reset_results (KpEmployeeImport *self)
{
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
}

/* Checks one record and, when it is good, writes it. Returns FALSE only on a database error. */
static gboolean
import_record (Apply *apply, const KpCsvRecord *record, const GDate *today,
               KpEmployeeValues *values, gboolean *seen_format, GError **error)
{
  KpEmployeeImport *self = apply->self;
  const char *text[KP_EMPLOYEE_N_FIELDS];
  RowContext ctx = { self, record->line };
  KpImportProblem *loop;
  PositionRef *position = NULL;
  gboolean kind_changed = FALSE;
  gboolean ok;

  self->counts.read++;

  /* A row refused for a supervisor loop by an earlier attempt (see run ()). */
  if ((loop = g_hash_table_lookup (self->loops, GSIZE_TO_POINTER ((gsize) record->line))) != NULL)
    {
      add_problem (self, loop->line, loop->column, loop->value, loop->reason, FALSE);
      reject (self, record->line);
      self->counts.rejected++;
      return TRUE;
    }

  if (record->n_fields != self->n_columns)
    {
      g_autofree char *reason = _kp_csv_width_reason (record->n_fields, self->n_columns);
      add_problem (self, record->line, "", "", reason, FALSE);
      reject (self, record->line);
      self->counts.rejected++;
      return TRUE;
    }

  record_text (self, record, text);
  ok = _kp_employee_validate (text, today, values, on_row_problem, &ctx);

  if (*values->nip != '\0')
    {
      RowInfo *first = g_hash_table_lookup (self->rows, values->nip);

      if (first != NULL)
        {
          g_autofree char *reason =
            g_strdup_printf (_("This NIP already appears on line %" PRIu64
                               " (the first one is kept)"),
                             first->line);
          add_problem (self, record->line, self->header[column_of (self, KP_EMPLOYEE_FIELD_NIP)],
                       values->nip, reason, FALSE);
          ok = FALSE;
        }
    }

  if (ok)
    {
      GError *local_error = NULL;
      UnitRef *unit = ensure_unit (apply, values->unit, &local_error);

      position = unit != NULL ? ensure_position (apply, unit, values->position, values->kind,
                                                 record->line, &kind_changed, &local_error)
                              : NULL;
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (position->kind != values->kind)
        {
          g_autofree char *reason =
            /* Translators: a position's kind disagrees with an earlier row. */
            g_strdup_printf (_("Line %" PRIu64 " gives this position the kind “%s”"),
                             position->line, kp_position_kind_to_string (position->kind));
          add_problem (self, record->line,
                       self->header[column_of (self, KP_EMPLOYEE_FIELD_KIND)],
                       text[KP_EMPLOYEE_FIELD_KIND], reason, FALSE);
          ok = FALSE;
        }
    }

  if (!ok)
    {
      reject (self, record->line);
      self->counts.rejected++;
      return TRUE;
    }

  {
    RowInfo *info = g_new0 (RowInfo, 1);

    info->line = record->line;
    if (values->supervisor_nip != NULL && *values->supervisor_nip != '\0')
      info->supervisor = g_string_chunk_insert_const (self->strings, values->supervisor_nip);
    g_hash_table_insert (self->rows, g_string_chunk_insert (self->strings, values->nip), info);
  }

  if (!*seen_format)
    self->date_format = values->date_format;
  else if (self->date_format != values->date_format)
    self->date_format = KP_DATE_FORMAT_ANY;
  *seen_format = TRUE;

  return apply_row (apply, values, position->id, kind_changed, error);
}

/* Finds the supervisor loops. The rows were already written, so when there is one the caller
 * rolls back and runs again, refusing those rows from the start. */
static gboolean
find_loops (KpEmployeeImport *self, gboolean *found, GError **error)
{
  GError *local_error = NULL;

  *found = FALSE;
  if (column_of (self, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP) < 0)
    return TRUE;
  /* One loop per attempt: its rows were written in this transaction, so once one of them is
   * refused the database would lead the search on to it and report loops that are not there. */
  *found = reject_one_cycle (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_supervisors (Apply *apply, GError **error)
{
  KpEmployeeImport *self = apply->self;
  KpStmt *stmt;

  if (apply->pending->len == 0)
    return TRUE;
  stmt = _kp_db_prepare (apply->db,
                         "UPDATE employee SET supervisor_id = "
                         "(SELECT id FROM employee WHERE nip = ?) WHERE id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < apply->pending->len; i++)
    {
      PendingSupervisor *p = &g_array_index (apply->pending, PendingSupervisor, i);
      RowInfo *info = g_hash_table_lookup (self->rows, p->nip);
      /* check_supervisors () has cleared the supervisors that no one is. */
      const char *supervisor = info != NULL ? info->supervisor : NULL;
      gboolean changed = g_strcmp0 (supervisor, p->old_supervisor) != 0;

      if (!p->counted)
        {
          if (changed || p->fields_changed)
            self->counts.updated++;
          else
            self->counts.unchanged++;
        }
      if (!changed && !p->counted)
        continue;
      _kp_stmt_bind_text (stmt, 1, supervisor);
      _kp_stmt_bind_int64 (stmt, 2, p->employee_id);
      if (!_kp_stmt_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
finish_problems (KpEmployeeImport *self)
{
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
}

/* One pass over the file inside one transaction: every record is checked and the good ones are
 * written as they come. @commit FALSE makes it a dry run (rolled back): the analysis. */
static gboolean
run_once (KpEmployeeImport *self, gboolean commit, gboolean all_or_nothing,
          GCancellable *cancellable, KpProgressFunc progress, gpointer user_data,
          gboolean *retry, GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) unit_ref_free);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingSupervisor));
  KpDb *db = _kp_database_get_db (self->db);
  const KpCsvRecord *record;
  KpEmployeeValues values = { 0 };
  GError *local_error = NULL;
  gboolean seen_format = FALSE;
  gboolean loops = FALSE;
  Apply apply = { self, db, units, pending, FALSE };
  GDate today;

  *retry = FALSE;
  reset_results (self);
  _kp_today (&today);

  reader = open_reader (self, cancellable, &record, error);
  if (reader == NULL)
    return FALSE;
  if (!_kp_db_begin (db, error))
    return FALSE;
  apply.was_empty = _kp_db_query_int64 (db, "SELECT count (*) FROM (SELECT 1 FROM employee LIMIT 1)",
                                        1, &local_error) == 0;

  while (local_error == NULL && (record = _kp_csv_reader_next (reader, &local_error)) != NULL)
    {
      if (record_is_blank (record))
        continue;
      if (!import_record (&apply, record, &today, &values, &seen_format, &local_error))
        break;
      if (progress != NULL && self->counts.read % 2048 == 0)
        progress (_kp_csv_reader_get_fraction (reader) * 0.98, user_data);
    }
  _kp_employee_values_clear (&values);

  if (local_error == NULL && find_loops (self, &loops, &local_error) && loops)
    {
      _kp_db_rollback (db);
      *retry = TRUE;
      return FALSE;
    }
  if (local_error == NULL && check_supervisors (self, &local_error))
    set_supervisors (&apply, &local_error);
  if (local_error == NULL)
    {
      finish_problems (self);
      self->checksum = g_strdup (_kp_csv_reader_get_checksum (reader));
    }

  if (local_error != NULL || !commit || (all_or_nothing && self->counts.rejected > 0))
    {
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
      if (commit)
        {
          /* All or nothing, and something was refused: say that nothing was written. */
          memset (&self->counts.created, 0, sizeof (guint64) * 3);
          self->counts.units_created = self->counts.positions_created = 0;
        }
      if (progress != NULL)
        progress (1.0, user_data);
      return TRUE;
    }

  if (self->counts.created > 0 || self->counts.updated > 0 || self->counts.units_created > 0 ||
      self->counts.positions_created > 0)
    {
      g_autoptr(JsonNode) payload =
        _kp_audit_import_payload (self->display_name, self->checksum, &self->counts,
                                  "warnings", (gint64) self->counts.warnings,
                                  "units_created", (gint64) self->counts.units_created,
                                  "positions_created", (gint64) self->counts.positions_created,
                                  NULL);

      if (!_kp_audit_append (self->db, "import", "employee", NULL, payload, error))
        {
          _kp_db_rollback (db);
          return FALSE;
        }
    }
  if (!_kp_db_commit (db, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

static gboolean
run (KpEmployeeImport *self, gboolean commit, gboolean all_or_nothing, GCancellable *cancellable,
     KpProgressFunc progress, gpointer user_data, GError **error)
{
  gboolean retry = FALSE;

  g_return_val_if_fail (!self->applied, FALSE);

  if (!kp_employee_import_open (self, error) || !kp_employee_import_check_mapping (self, error))
    return FALSE;

  /* Each retry refuses at least one more row, so this ends; a file without supervisor loops
   * (nearly every file) is read once. */
  do
    {
      if (run_once (self, commit, all_or_nothing, cancellable, progress, user_data, &retry,
                    error))
        return TRUE;
    }
  while (retry);
  return FALSE;
}

gboolean
kp_employee_import_analyze (KpEmployeeImport *self, GCancellable *cancellable,
                            KpProgressFunc progress, gpointer user_data, GError **error)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), FALSE);

  if (!run (self, FALSE, FALSE, cancellable, progress, user_data, error))
    return FALSE;
  self->analyzed = TRUE;
  return TRUE;
}

gboolean
kp_employee_import_apply (KpEmployeeImport *self, gboolean all_or_nothing,
                          GCancellable *cancellable, KpProgressFunc progress, gpointer user_data,
                          GError **error)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_IMPORT (self), FALSE);

  if (!run (self, TRUE, all_or_nothing, cancellable, progress, user_data, error))
    return FALSE;
  self->applied = TRUE;
  if (self->counts.created > 0 || self->counts.updated > 0 || self->counts.units_created > 0 ||
      self->counts.positions_created > 0)
    _kp_database_reload (self->db, KP_RELOAD_ALL);
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
      line = g_strdup_printf ("%" PRIu64, problem->line);
      row[0] = line;
      row[1] = problem->column;
      row[2] = problem->value;
      row[3] = problem->reason;
      if (!_kp_csv_write_row (G_OUTPUT_STREAM (out), row, 4, error))
        return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
