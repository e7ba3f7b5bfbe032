/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-csv-reader.c: see kp-csv-reader-private.h. */

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-database.h"
#include "kp-csv-reader-private.h"

#define CHUNK_SIZE (64 * 1024)
#define MAX_FIELD_BYTES (1024 * 1024)
#define MAX_FIELDS 1000

/* libcsv's parser state between records (ROW_NOT_BEGUN in libcsv.c). libcsv does not export
 * the enum, but struct csv_parser is public and this value has not changed since 2.0; it is
 * how we learn on which physical line a record starts. */
#define LIBCSV_ROW_NOT_BEGUN 0
/* ...and FIELD_BEGUN: inside a field; with parser.quoted set, inside quotes not yet closed. */
#define LIBCSV_FIELD_BEGUN 2

struct _KpCsvReader
{
  char *display_name;
  GInputStream *stream;
  GCancellable *cancellable;
  GChecksum *checksum;
  char *checksum_hex;
  goffset size;
  goffset consumed;

  struct csv_parser parser;
  char delimiter;

  guchar *chunk;
  gsize chunk_len;
  gsize chunk_pos;
  gboolean eof;
  gboolean finished;
  gboolean pending_cr;   /* the last chunk ended with '\r': a CRLF may straddle chunks */

  guint64 line;          /* physical line being fed */
  guint64 record_start;  /* line on which the record being parsed started */

  GString *arena;        /* fields of the record being parsed, each NUL-terminated */
  GArray *offsets;       /* where each field starts in the arena */
  GQueue ready;          /* KpCsvRecord* parsed but not yet handed out */
  KpCsvRecord *current;  /* handed out, freed on the next call */
  GError *parse_error;   /* set from a callback */
};

/* A record is one block: the struct, the field pointers, then the field bytes. One allocation
 * per record instead of one per field keeps 100,000-row imports out of malloc. */
static void
record_free (KpCsvRecord *record)
{
  g_free (record);
}

void
_kp_csv_reader_free (KpCsvReader *self)
{
  if (self == NULL)
    return;
  csv_free (&self->parser);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_free (self->checksum_hex);
  g_free (self->chunk);
  g_free (self->display_name);
  if (self->arena != NULL)
    g_string_free (self->arena, TRUE);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_queue_clear_full (&self->ready, (GDestroyNotify) record_free);
  record_free (self->current);
  g_clear_error (&self->parse_error);
  g_free (self);
}

static void
on_field (void *data, size_t len, void *user_data)
{
  KpCsvReader *self = user_data;

  if (self->parse_error != NULL)
    return;
  if (!g_utf8_validate_len (data, len, NULL))
    {
      self->parse_error =
        g_error_new (KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                     /* Translators: %s is a file name, the number a line. */
                     _("“%s” is not UTF-8 text (line %" PRIu64 "). Save it from the "
                       "spreadsheet as “CSV UTF-8” and import it again."),
                     self->display_name, self->line);
      return;
    }
  if (self->offsets->len >= MAX_FIELDS)
    {
      self->parse_error =
        g_error_new (KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                     _("Line %" PRIu64 " of “%s” has more than %d columns: this is "
                       "not a register export."),
                     self->line, self->display_name, MAX_FIELDS);
      return;
    }
  {
    gsize offset = self->arena->len;

    g_array_append_val (self->offsets, offset);
    g_string_append_len (self->arena, data != NULL ? data : "", len);
    g_string_append_c (self->arena, '\0');
  }
}

static void
on_record (int terminator, void *user_data)
{
  KpCsvReader *self = user_data;
  KpCsvRecord *record;
  guint n = self->offsets->len;
  gsize head = sizeof (KpCsvRecord) + (n + 1) * sizeof (char *);
  char *bytes;

  if (self->parse_error != NULL)
    {
      g_array_set_size (self->offsets, 0);
      g_string_truncate (self->arena, 0);
      return;
    }
  record = g_malloc (head + self->arena->len);
  record->line = self->record_start;
  record->n_fields = n;
  record->fields = (char **) (record + 1);
  bytes = (char *) record + head;
  memcpy (bytes, self->arena->str, self->arena->len);
  for (guint i = 0; i < n; i++)
    record->fields[i] = bytes + g_array_index (self->offsets, gsize, i);
  record->fields[n] = NULL;
  g_array_set_size (self->offsets, 0);
  g_string_truncate (self->arena, 0);
  g_queue_push_tail (&self->ready, record);
}

static gboolean
read_chunk (KpCsvReader *self, GError **error)
{
  gssize n;

  n = g_input_stream_read (self->stream, self->chunk, CHUNK_SIZE, self->cancellable, error);
  if (n < 0)
    {
      g_prefix_error (error, _("Could not read “%s”: "), self->display_name);
      return FALSE;
    }
  self->chunk_len = n;
  self->chunk_pos = 0;
  self->consumed += n;
  if (n == 0)
    self->eof = TRUE;
  else
    g_checksum_update (self->checksum, self->chunk, n);
  return TRUE;
}

static char
detect_delimiter (const guchar *data, gsize len)
{
  /* Count candidates on the header line, outside quotes: the most frequent one wins. */
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
      else if (!quoted && c == '\t')
        tabs++;
    }
  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

KpCsvReader *
_kp_csv_reader_open (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr(KpCsvReader) self = g_new0 (KpCsvReader, 1);
  g_autoptr(GFileInfo) info = NULL;
  GError *local_error = NULL;

  self->display_name = g_file_get_parse_name (file);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->arena = g_string_sized_new (4096);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->chunk = g_malloc (CHUNK_SIZE);
  self->line = 1;
  self->record_start = 1;
  g_queue_init (&self->ready);
  csv_init (&self->parser, CSV_APPEND_NULL | CSV_STRICT_FINI);

  self->stream = G_INPUT_STREAM (g_file_read (file, cancellable, &local_error));
  if (self->stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Cancelled before the first byte: a cancellation, not a bad file. */
        g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CANCELLED,
                             _("The import was cancelled: nothing was written."));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE, _("“%s” does not exist."),
                     self->display_name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                     _("“%s” is a folder, not a file."), self->display_name);
      else
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE, _("Could not open “%s”: %s"),
                     self->display_name, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    self->size = g_file_info_get_size (info);

  if (!read_chunk (self, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CANCELLED,
                             _("The import was cancelled: nothing was written."));
      else
        g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  if (self->chunk_len == 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE, _("“%s” is empty."),
                   self->display_name);
      return NULL;
    }
  if (self->chunk_len >= 2 &&
      ((self->chunk[0] == 0xff && self->chunk[1] == 0xfe) ||
       (self->chunk[0] == 0xfe && self->chunk[1] == 0xff)))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   _("“%s” is UTF-16 text. Save it from the spreadsheet as “CSV UTF-8” and "
                     "import it again."),
                   self->display_name);
      return NULL;
    }
  if (memchr (self->chunk, '\0', self->chunk_len) != NULL)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   _("“%s” is not a CSV file (it holds binary data). Save the spreadsheet as "
                     "“CSV UTF-8” and import that file."),
                   self->display_name);
      return NULL;
    }
  if (self->chunk_len >= 3 && memcmp (self->chunk, "\xef\xbb\xbf", 3) == 0)
    self->chunk_pos = 3;

  self->delimiter = detect_delimiter (self->chunk + self->chunk_pos,
                                      self->chunk_len - self->chunk_pos);
  csv_set_delim (&self->parser, (unsigned char) self->delimiter);
  return g_steal_pointer (&self);
}

char
_kp_csv_reader_get_delimiter (KpCsvReader *self)
{
  return self->delimiter;
}

static gboolean
feed (KpCsvReader *self, const guchar *data, gsize len, GError **error)
{
  if (csv_parse (&self->parser, data, len, on_field, on_record, self) != len)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   _("Could not read line %" PRIu64 " of “%s”: %s"), self->line,
                   self->display_name, csv_strerror (csv_error (&self->parser)));
      return FALSE;
    }
  if (self->parse_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->parse_error));
      return FALSE;
    }
  if (self->parser.entry_pos > MAX_FIELD_BYTES)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   _("The record that starts on line %" PRIu64 " of “%s” has a field "
                     "longer than 1 MB: probably a quote (\") is not closed."),
                   self->record_start, self->display_name);
      return FALSE;
    }
  return TRUE;
}

/* Feeds the rest of the chunk, one physical line at a time, noting where records start. */
static gboolean
feed_chunk (KpCsvReader *self, GError **error)
{
  while (self->chunk_pos < self->chunk_len && g_queue_is_empty (&self->ready))
    {
      const guchar *start = self->chunk + self->chunk_pos;
      gsize avail = self->chunk_len - self->chunk_pos;
      gsize n = 0;
      gboolean line_end = FALSE;

      if (self->pending_cr)
        {
          /* The previous chunk ended with '\r': a '\n' here completes that CRLF. */
          self->pending_cr = FALSE;
          if (start[0] == '\n')
            {
              if (!feed (self, start, 1, error))
                return FALSE;
              self->chunk_pos++;
              continue;
            }
        }

      if (self->parser.pstate == LIBCSV_ROW_NOT_BEGUN)
        self->record_start = self->line;

      while (n < avail && !line_end)
        {
          guchar c = start[n++];

          if (c == '\n')
            line_end = TRUE;
          else if (c == '\r')
            {
              if (n < avail)
                {
                  if (start[n] == '\n')
                    n++;
                  line_end = TRUE;
                }
              else
                {
                  self->pending_cr = TRUE;
                  line_end = TRUE;
                }
            }
        }

      if (!feed (self, start, n, error))
        return FALSE;
      self->chunk_pos += n;
      if (line_end)
        self->line++;
    }
  return TRUE;
}

const KpCsvRecord *
_kp_csv_reader_next (KpCsvReader *self, GError **error)
{
  g_clear_pointer (&self->current, record_free);

  while (g_queue_is_empty (&self->ready) && !self->finished)
    {
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return NULL;
      if (self->chunk_pos >= self->chunk_len)
        {
          if (!self->eof && !read_chunk (self, error))
            return NULL;
          if (self->eof)
            {
              /* libcsv's CSV_STRICT_FINI works only together with CSV_STRICT (which would
               * also refuse a stray quote inside an unquoted field), so an unclosed quote at
               * the end of the file is caught here. */
              if ((self->parser.quoted && self->parser.pstate == LIBCSV_FIELD_BEGUN) ||
                  csv_fini (&self->parser, on_field, on_record, self) != 0)
                {
                  g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                               _("“%s” ends inside a quoted field that starts on line %"
                                 PRIu64 ": a quote (\") is not closed."),
                               self->display_name, self->record_start);
                  return NULL;
                }
              if (self->parse_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&self->parse_error));
                  return NULL;
                }
              self->finished = TRUE;
              self->checksum_hex = g_strdup (g_checksum_get_string (self->checksum));
              break;
            }
        }
      if (!feed_chunk (self, error))
        return NULL;
    }

  self->current = g_queue_pop_head (&self->ready);
  return self->current;
}

double
_kp_csv_reader_get_fraction (KpCsvReader *self)
{
  if (self->size <= 0)
    return 0.0;
  return MIN (1.0, (double) self->consumed / (double) self->size);
}

const char *
_kp_csv_reader_get_checksum (KpCsvReader *self)
{
  return self->checksum_hex;
}

int
_kp_csv_header_column (const char *header, const char *const *names, guint stride,
                       guint n_columns)
{
  g_autofree char *key = kp_text_fold (header);

  for (char *p = key; *p != '\0'; p++)
    if (*p == '_')
      *p = ' ';
  for (guint c = 0; c < n_columns; c++)
    for (guint a = 0; a < stride && names[c * stride + a] != NULL; a++)
      if (strcmp (key, names[c * stride + a]) == 0)
        return (int) c;
  return -1;
}

guint
_kp_csv_reader_read_header (KpCsvReader *self, const char *display_name,
                            const char *const *names, guint stride, guint n_columns,
                            guint n_required, const char *expected, int *columns,
                            char ***header, GError **error)
{
  const KpCsvRecord *record;
  GError *local_error = NULL;

  record = _kp_csv_reader_next (self, &local_error);
  if (record == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE, _("“%s” is empty."), display_name);
      return 0;
    }

  for (guint c = 0; c < n_columns; c++)
    columns[c] = -1;
  for (guint i = 0; i < record->n_fields; i++)
    {
      int column = _kp_csv_header_column (record->fields[i], names, stride, n_columns);

      if (column >= 0 && columns[column] < 0)
        columns[column] = (int) i;
    }
  for (guint c = 0; c < n_required; c++)
    if (columns[c] < 0)
      {
        /* Translators: %s: the file's name, then the list of the columns it should have, which
         * are names in the file and stay as they are */
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                     _("“%s” has no recognisable header: its first line should name the columns "
                       "%s."),
                     display_name, expected);
        return 0;
      }

  if (header != NULL)
    *header = g_strdupv (record->fields);
  return record->n_fields;
}

char *
_kp_csv_width_reason (guint n_fields, guint n_header)
{
  /* Translators: both numbers count columns. */
  return g_strdup_printf (_("The row has %u columns but the header has %u: a value that "
                            "holds the delimiter must be in quotes"),
                          n_fields, n_header);
}

static gboolean
write_row (GOutputStream      *out,
           const char *const  *fields,
           guint               n_fields,
           gboolean            defuse,
           GError            **error)
{
  g_autoptr(GString) line = g_string_sized_new (256);
  g_autoptr(GString) defused = NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      /* A spreadsheet runs a cell that starts like a formula: a registrant's name such as
       * "=HYPERLINK(…)" must stay text in the officer's Excel (OWASP: CSV injection). */
      if (defuse && strchr ("=+-@\t\r", field[0]) != NULL && field[0] != '\0')
        {
          if (defused == NULL)
            defused = g_string_new (NULL);
          g_string_printf (defused, "'%s", field);
          field = defused->str;
        }
      if (i > 0)
        g_string_append_c (line, ',');
      if (strpbrk (field, ",;\"\r\n") != NULL || field[0] == ' ' || field[0] == '\t')
        {
          /* libcsv does the quoting; only fields that need it are quoted, as spreadsheets do. */
          gsize len = strlen (field);
          gsize size = 2 * len + 2;
          gsize old_len = line->len;

          g_string_set_size (line, old_len + size);
          g_string_truncate (line, old_len + csv_write (line->str + old_len, size, field, len));
        }
      else
        g_string_append (line, field);
    }
  g_string_append_c (line, '\n');
  return g_output_stream_write_all (out, line->str, line->len, NULL, NULL, error);
}

gboolean
_kp_csv_write_row (GOutputStream *out, const char *const *fields, guint n_fields, GError **error)
{
  return write_row (out, fields, n_fields, FALSE, error);
}

gboolean
_kp_csv_write_row_for_people (GOutputStream      *out,
                              const char *const  *fields,
                              guint               n_fields,
                              GError            **error)
{
  return write_row (out, fields, n_fields, TRUE, error);
}
