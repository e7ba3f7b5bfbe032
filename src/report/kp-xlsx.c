/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-xlsx.c: the house look of every Kompeten workbook, over libxlsxwriter.
 *
 * libxlsxwriter writes the whole file only in workbook_close(); we point it at a temporary name
 * next to the target and rename on success, so an export that fails or is cancelled never
 * leaves a broken workbook under the user's file name. It writes strings into XML as they are,
 * so every string is made valid UTF-8 here first, or Excel would refuse the whole file. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "kompeten/kp-chart.h"
#include "kompeten/kp-xlsx.h"

#define N_KINDS (KP_XLSX_DATE + 1)
/* Excel's limits: characters in a cell, in a sheet name. */
#define MAX_CELL_CHARS 32767
#define MAX_SHEET_NAME_CHARS 31
/* Integers beyond 2^53 lose digits as Excel numbers (doubles); they are written as text. */
#define MAX_EXACT_INTEGER G_GINT64_CONSTANT (9007199254740992)

#define COLOR_HEADER_BACKGROUND 0x1c71d8
#define COLOR_HEADER_BORDER 0x1a5fb4
#define HEADER_ROW_HEIGHT 30.0

typedef struct
{
  guint n_columns;
  KpXlsxKind *kinds;   /* n_columns of them */
  char *name;          /* for error messages */
} Table;

struct _KpXlsx
{
  lxw_workbook *workbook;
  char *path;              /* where the file appears on close */
  char *tmp_path;          /* where libxlsxwriter writes it */
  GHashTable *tables;      /* lxw_worksheet * → Table *, owned */
  GHashTable *sheet_names; /* casefolded sheet names in use, to keep them unique as Excel does */
  lxw_format *header_format;
  lxw_format *formats[N_KINDS];

  /* The first cell libxlsxwriter refused; kp_xlsx_close() reports it instead of silently
   * writing a workbook with holes. */
  lxw_error write_error;
  char *error_sheet;
  lxw_row_t error_row;
  lxw_col_t error_col;
};

static void
table_free (gpointer data)
{
  Table *table = data;

  g_free (table->kinds);
  g_free (table->name);
  g_free (table);
}

static void
kp_xlsx_free (KpXlsx *self)
{
  g_hash_table_unref (self->tables);
  g_hash_table_unref (self->sheet_names);
  g_free (self->path);
  g_free (self->tmp_path);
  g_free (self->error_sheet);
  g_free (self);
}

static void
set_write_error (GError **error, const char *path, const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second the reason, e.g. "No space left on
   * device" */
  g_set_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED, _("Could not write “%s”: %s"),
               display, reason);
}

/* The first @max_chars characters of @text (g_utf8_substring() must not run past the end). */
static char *
truncate_chars (const char *text, glong max_chars)
{
  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);

  return g_utf8_substring (text, 0, max_chars);
}

/* A string libxlsxwriter can store: valid UTF-8, no XML-forbidden noncharacters, within
 * Excel's cell limit. Returns @text itself when it is fine, else a copy kept in @owned. */
static const char *
clean_text (const char *text, char **owned)
{
  gboolean clean = g_utf8_validate (text, -1, NULL);

  /* U+FFFE and U+FFFF are valid UTF-8 but not XML; they are rare enough to scan for lazily. */
  if (clean && strstr (text, "\xef\xbf\xbe") == NULL && strstr (text, "\xef\xbf\xbf") == NULL
      && strlen (text) <= MAX_CELL_CHARS)
    return text;

  if (!clean || strstr (text, "\xef\xbf") != NULL)
    {
      GString *s = g_string_new (NULL);
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_string_append_unichar (s, c == 0xfffe || c == 0xffff ? 0xfffd : c);
        }
      *owned = g_string_free (s, FALSE);
    }
  else
    {
      *owned = g_strdup (text);
    }

  /* Excel cannot hold more in one cell; keep what fits rather than lose the row. */
  if (strlen (*owned) > MAX_CELL_CHARS)
    {
      char *cut = truncate_chars (*owned, MAX_CELL_CHARS);

      g_free (*owned);
      *owned = cut;
    }

  return *owned;
}

static void
record_error (KpXlsx *self, const char *sheet_name, lxw_error err, lxw_row_t row, lxw_col_t col)
{
  if (err == LXW_NO_ERROR || self->write_error != LXW_NO_ERROR)
    return;

  self->write_error = err;
  self->error_sheet = g_strdup (sheet_name);
  self->error_row = row;
  self->error_col = col;
}

/* Strict "YYYY-MM-DD": ten characters, a real calendar day, and not before Excel's epoch. */
static gboolean
parse_iso_date (const char *text, lxw_datetime *datetime)
{
  static const char pattern[] = "dddd-dd-dd";
  int year, month, day;

  if (strlen (text) != sizeof pattern - 1)
    return FALSE;
  for (guint i = 0; i < sizeof pattern - 1; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
        return FALSE;
    }

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  *datetime = (lxw_datetime) { .year = year, .month = month, .day = day };
  return TRUE;
}

static lxw_error
write_text (KpXlsx *self, lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const char *value)
{
  g_autofree char *owned = NULL;

  return worksheet_write_string (sheet, row, col, clean_text (value, &owned),
                                 self->formats[KP_XLSX_TEXT]);
}

static lxw_error
write_integer (KpXlsx *self, lxw_worksheet *sheet, KpXlsxKind kind, lxw_row_t row, lxw_col_t col,
               gint64 value)
{
  if (value > MAX_EXACT_INTEGER || value < -MAX_EXACT_INTEGER)
    {
      char text[32];

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
      return write_text (self, sheet, row, col, text);
    }

  return worksheet_write_number (sheet, row, col, (double) value,
                                 self->formats[kind == KP_XLSX_NUMBER ? KP_XLSX_NUMBER
                                                                      : KP_XLSX_INTEGER]);
}

/* A sheet name Excel accepts (at most 31 characters, none of []:*?/\, no apostrophe at either
 * end) and that no other sheet of the workbook has, whatever the caller passed. */
static char *
make_sheet_name (KpXlsx *self, const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *candidate;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0xfffe || c == 0xffff)
        c = ' ';
      else if (c < 0x80 && strchr ("[]:*?/\\", (char) c) != NULL)
        c = '_';
      g_string_append_unichar (clean, c);
    }
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  while (clean->len > 0 && clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    g_string_assign (clean, "Sheet");

  base = truncate_chars (clean->str, MAX_SHEET_NAME_CHARS);
  candidate = g_strdup (base);
  for (guint n = 2; ; n++)
    {
      g_autofree char *key = g_utf8_casefold (candidate, -1);
      g_autofree char *suffix = NULL;
      g_autofree char *head = NULL;

      if (!g_hash_table_contains (self->sheet_names, key))
        {
          g_hash_table_add (self->sheet_names, g_steal_pointer (&key));
          return candidate;
        }

      g_free (candidate);
      suffix = g_strdup_printf (" (%u)", n);
      head = truncate_chars (base, MAX_SHEET_NAME_CHARS - (glong) strlen (suffix));
      candidate = g_strconcat (head, suffix, NULL);
    }
}

static double
default_width (const KpXlsxColumn *column)
{
  switch (column->kind)
    {
    case KP_XLSX_DATE:
      return 12;
    case KP_XLSX_INTEGER:
      return 10;
    case KP_XLSX_NUMBER:
      return 12;
    case KP_XLSX_TEXT:
    default:
      return MAX (12.0, g_utf8_strlen (column->header != NULL ? column->header : "", -1) + 2.0);
    }
}

/* NULL with no critical when the sheet could not be made and the error is already recorded,
 * so an export loop does not have to check every call. */
static Table *
lookup_table (KpXlsx *self, lxw_worksheet *sheet)
{
  Table *table;

  if (sheet == NULL && self->write_error != LXW_NO_ERROR)
    return NULL;
  g_return_val_if_fail (sheet != NULL, NULL);

  table = g_hash_table_lookup (self->tables, sheet);
  g_return_val_if_fail (table != NULL, NULL);

  return table;
}

/**
 * kp_xlsx_new:
 * @path: the workbook to write; replaced on kp_xlsx_close() if it exists
 * @constant_memory: stream rows to disk (rows must then be written in order)
 * @error: a #KP_REPORT_ERROR_FAILED when the directory cannot take the file
 *
 * Returns: (transfer full) (nullable): a workbook to fill, then kp_xlsx_close() or
 *   kp_xlsx_abandon()
 */
KpXlsx *
kp_xlsx_new (const char *path, gboolean constant_memory, GError **error)
{
  lxw_workbook_options options = {
    .constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE,
    .tmpdir = NULL,
  };
  g_autofree char *title = NULL;
  g_autofree char *base = NULL;
  KpXlsx *self;
  char *dot;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (KpXlsx, 1);
  self->path = g_strdup (path);
  self->tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  self->tables = g_hash_table_new_full (NULL, NULL, NULL, table_free);
  self->sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Claiming the temporary name now both makes it unique and reports a missing directory or a
   * read-only one here, before the caller spends minutes filling the workbook. */
  fd = g_mkstemp_full (self->tmp_path, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, g_strerror (saved_errno));
      kp_xlsx_free (self);
      return NULL;
    }
  close (fd);

  self->workbook = workbook_new_opt (self->tmp_path, &options);
  if (self->workbook == NULL)
    {
      set_write_error (error, path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      g_unlink (self->tmp_path);
      kp_xlsx_free (self);
      return NULL;
    }

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  title = g_filename_display_name (base);
  workbook_set_properties (self->workbook, &(lxw_doc_properties) {
    .title = title,
    .author = (char *) "Kompeten",
  });

  self->header_format = workbook_add_format (self->workbook);
  format_set_bold (self->header_format);
  format_set_font_color (self->header_format, LXW_COLOR_WHITE);
  format_set_pattern (self->header_format, LXW_PATTERN_SOLID);
  format_set_bg_color (self->header_format, COLOR_HEADER_BACKGROUND);
  format_set_bottom (self->header_format, LXW_BORDER_MEDIUM);
  format_set_bottom_color (self->header_format, COLOR_HEADER_BORDER);
  format_set_text_wrap (self->header_format);
  format_set_align (self->header_format, LXW_ALIGN_VERTICAL_CENTER);

  /* "@" keeps what the user later types into a text column as text too (a NIP stays a NIP). */
  self->formats[KP_XLSX_TEXT] = workbook_add_format (self->workbook);
  format_set_num_format (self->formats[KP_XLSX_TEXT], "@");
  self->formats[KP_XLSX_INTEGER] = workbook_add_format (self->workbook);
  format_set_num_format (self->formats[KP_XLSX_INTEGER], "#,##0");
  self->formats[KP_XLSX_NUMBER] = workbook_add_format (self->workbook);
  format_set_num_format (self->formats[KP_XLSX_NUMBER], "#,##0.00");
  self->formats[KP_XLSX_DATE] = workbook_add_format (self->workbook);
  format_set_num_format (self->formats[KP_XLSX_DATE], "dd/mm/yyyy");

  return self;
}

lxw_workbook *
kp_xlsx_get_workbook (KpXlsx *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->workbook;
}

/**
 * kp_xlsx_add_table:
 * @self: a workbook
 * @name: the sheet's name; made valid and unique for Excel if it is not
 * @columns: (array length=n_columns): the columns, left to right
 * @n_columns: how many, at least one
 *
 * Returns: (transfer none) (nullable): the sheet, owned by the workbook; %NULL only when
 *   libxlsxwriter could not make it (no memory, no temporary file in constant-memory mode),
 *   an error kp_xlsx_close() then reports. The other functions accept that %NULL silently.
 */
lxw_worksheet *
kp_xlsx_add_table (KpXlsx *self, const char *name, const KpXlsxColumn *columns,
                   guint n_columns)
{
  g_autofree char *sheet_name = NULL;
  lxw_worksheet *sheet;
  Table *table;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (n_columns > 0 && n_columns <= LXW_COL_MAX, NULL);

  sheet_name = make_sheet_name (self, name);
  sheet = workbook_add_worksheet (self->workbook, sheet_name);
  if (sheet == NULL)
    {
      record_error (self, sheet_name, LXW_ERROR_CREATING_TMPFILE, 0, 0);
      return NULL;
    }

  table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->kinds = g_new (KpXlsxKind, n_columns);
  table->name = g_strdup (sheet_name);
  g_hash_table_insert (self->tables, sheet, table);

  record_error (self, table->name, worksheet_set_row (sheet, 0, HEADER_ROW_HEIGHT, NULL), 0, 0);
  for (guint i = 0; i < n_columns; i++)
    {
      const KpXlsxColumn *column = &columns[i];
      g_autofree char *owned = NULL;
      KpXlsxKind kind = column->kind < N_KINDS ? column->kind : KP_XLSX_TEXT;
      double width = column->width > 0 ? column->width : default_width (column);

      table->kinds[i] = kind;
      /* The column's format also governs cells the user adds later. */
      record_error (self, table->name, worksheet_set_column (sheet, i, i, width, self->formats[kind]), 0, i);
      record_error (self, table->name,
                    worksheet_write_string (sheet, 0, i,
                                            clean_text (column->header != NULL ? column->header : "",
                                                        &owned),
                                            self->header_format),
                    0, i);
    }
  worksheet_freeze_panes (sheet, 1, 0);

  return sheet;
}

void
kp_xlsx_write (KpXlsx *self, lxw_worksheet *sheet, guint row, guint col, const char *value)
{
  lxw_datetime datetime;
  Table *table;
  lxw_error err;
  lxw_row_t cell_row;

  g_return_if_fail (self != NULL);

  table = lookup_table (self, sheet);
  if (table == NULL)
    return;
  g_return_if_fail (col < table->n_columns);

  if (value == NULL || *value == '\0')
    return;

  if (row >= LXW_ROW_MAX - 1)
    {
      record_error (self, table->name, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, LXW_ROW_MAX - 1, col);
      return;
    }
  cell_row = row + 1;   /* under the header */

  switch (table->kinds[col])
    {
    case KP_XLSX_DATE:
      if (parse_iso_date (value, &datetime))
        err = worksheet_write_datetime (sheet, cell_row, col, &datetime,
                                        self->formats[KP_XLSX_DATE]);
      else
        err = write_text (self, sheet, cell_row, col, value);
      break;

    case KP_XLSX_INTEGER:
      {
        gint64 number;

        if (g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
          err = write_integer (self, sheet, KP_XLSX_INTEGER, cell_row, col, number);
        else
          err = write_text (self, sheet, cell_row, col, value);
      }
      break;

    case KP_XLSX_NUMBER:
      {
        char *end = NULL;
        double number;

        errno = 0;
        number = g_ascii_strtod (value, &end);
        if (end != value && *end == '\0' && errno == 0 && isfinite (number)
            && !g_ascii_isspace (value[0]))
          err = worksheet_write_number (sheet, cell_row, col, number,
                                        self->formats[KP_XLSX_NUMBER]);
        else
          err = write_text (self, sheet, cell_row, col, value);
      }
      break;

    case KP_XLSX_TEXT:
    default:
      err = write_text (self, sheet, cell_row, col, value);
      break;
    }

  record_error (self, table->name, err, cell_row, col);
}

void
kp_xlsx_write_int (KpXlsx *self, lxw_worksheet *sheet, guint row, guint col, gint64 value)
{
  Table *table;

  g_return_if_fail (self != NULL);

  table = lookup_table (self, sheet);
  if (table == NULL)
    return;
  g_return_if_fail (col < table->n_columns);

  if (row >= LXW_ROW_MAX - 1)
    {
      record_error (self, table->name, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, LXW_ROW_MAX - 1, col);
      return;
    }

  record_error (self, table->name, write_integer (self, sheet, table->kinds[col], row + 1, col, value),
                row + 1, col);
}

void
kp_xlsx_colour_gaps (KpXlsx *self, lxw_worksheet *sheet, guint first_row, guint first_col,
                     guint last_row, guint last_col, gboolean zero_is_good)
{
  lxw_workbook *workbook;
  lxw_format *below, *above;
  lxw_conditional_format rule = { 0 };

  g_return_if_fail (self != NULL);

  workbook = kp_xlsx_get_workbook (self);
  below = workbook_add_format (workbook);
  format_set_bg_color (below, 0xF8D7DA);
  format_set_font_color (below, 0x9C0006);
  above = workbook_add_format (workbook);
  format_set_bg_color (above, 0xD4EDDA);
  format_set_font_color (above, 0x155724);

  rule.type = LXW_CONDITIONAL_TYPE_CELL;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN;
  rule.value = 0;
  rule.format = below;
  worksheet_conditional_format_range (sheet, first_row, first_col, last_row, last_col, &rule);
  rule.criteria = zero_is_good ? LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO
                               : LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
  rule.format = above;
  worksheet_conditional_format_range (sheet, first_row, first_col, last_row, last_col, &rule);
}

void
kp_xlsx_end_table (KpXlsx *self, lxw_worksheet *sheet, guint n_rows)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  lxw_row_t last_row;
  lxw_col_t last_col;
  Table *table;

  g_return_if_fail (self != NULL);

  table = lookup_table (self, sheet);
  if (table == NULL)
    return;

  last_row = MIN (n_rows, LXW_ROW_MAX - 1);
  last_col = table->n_columns - 1;
  record_error (self, table->name, worksheet_autofilter (sheet, 0, 0, last_row, last_col), 0, 0);

  /* NIPs and NIKs are deliberately text; without this Excel flags every one of them. */
  lxw_rowcol_to_range (range, 0, 0, last_row, last_col);
  record_error (self, table->name, worksheet_ignore_errors (sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, range),
                0, 0);
}

lxw_format *
kp_xlsx_get_format (KpXlsx *self, KpXlsxKind kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < N_KINDS, NULL);

  return self->formats[kind];
}

lxw_format *
kp_xlsx_get_header_format (KpXlsx *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->header_format;
}

/**
 * kp_xlsx_close:
 * @self: (transfer full): a workbook
 * @error: a #KP_REPORT_ERROR_FAILED saying why the file could not be written
 *
 * Returns: %TRUE when the complete workbook is at its path; on %FALSE nothing was written there.
 */
gboolean
kp_xlsx_close (KpXlsx *self, GError **error)
{
  lxw_error err;
  int saved_errno;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->write_error != LXW_NO_ERROR)
    {
      char cell[LXW_MAX_CELL_NAME_LENGTH];
      g_autofree char *reason = NULL;

      lxw_rowcol_to_cell (cell, self->error_row, self->error_col);
      /* Translators: a cell reference such as "B12", a sheet name, then libxlsxwriter's reason */
      reason = g_strdup_printf (_("cell %s of sheet “%s”: %s"), cell, self->error_sheet,
                                lxw_strerror (self->write_error));
      set_write_error (error, self->path, reason);
      kp_xlsx_abandon (self);
      return FALSE;
    }

  errno = 0;
  err = workbook_close (self->workbook);
  saved_errno = errno;
  self->workbook = NULL;
  if (err != LXW_NO_ERROR)
    {
      g_autofree char *reason = NULL;

      /* For these libxlsxwriter's reason is generic; the system's (full disk) is the useful one. */
      if (saved_errno != 0
          && (err == LXW_ERROR_CREATING_XLSX_FILE || err == LXW_ERROR_CREATING_TMPFILE
              || err == LXW_ERROR_ZIP_FILE_OPERATION || err == LXW_ERROR_ZIP_CLOSE))
        reason = g_strdup_printf ("%s (%s)", lxw_strerror (err), g_strerror (saved_errno));
      else
        reason = g_strdup (lxw_strerror (err));

      set_write_error (error, self->path, reason);
      goto fail;
    }

  /* On disk before it takes the user's name, so a crash cannot leave an empty workbook. */
  fd = g_open (self->tmp_path, O_RDONLY, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      set_write_error (error, self->path, g_strerror (saved_errno));
      goto fail;
    }
  close (fd);

  if (g_rename (self->tmp_path, self->path) != 0)
    {
      saved_errno = errno;
      set_write_error (error, self->path, g_strerror (saved_errno));
      goto fail;
    }

  kp_xlsx_free (self);
  return TRUE;

fail:
  g_unlink (self->tmp_path);
  kp_xlsx_free (self);
  return FALSE;
}

/**
 * kp_xlsx_abandon:
 * @self: (transfer full) (nullable): a workbook
 *
 * Drops the workbook without writing it, e.g. when the user cancels an export.
 */
void
kp_xlsx_abandon (KpXlsx *self)
{
  lxw_worksheet *sheet;

  if (self == NULL)
    return;

  if (self->workbook != NULL)
    {
      /* workbook_close() would assemble the whole file just to delete it: minutes for a big
       * export the user has cancelled. lxw_workbook_free() drops it at once, but leaves open
       * the per-sheet temporary files of constant-memory mode, which only assembling closes. */
      LXW_FOREACH_WORKSHEET (sheet, self->workbook)
        {
          if (sheet->optimize_tmpfile != NULL)
            fclose (sheet->optimize_tmpfile);
          sheet->optimize_tmpfile = NULL;
          sheet->file = NULL;
        }
      lxw_workbook_free (self->workbook);
      self->workbook = NULL;
    }

  g_unlink (self->tmp_path);
  kp_xlsx_free (self);
}
