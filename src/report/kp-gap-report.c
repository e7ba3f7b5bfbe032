/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-gap-report.c: the gap report as a workbook, for training coordinators. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-gaps.h"
#include "kompeten/kp-standards.h"
#include "kompeten/kp-reports.h"
#include "kompeten/kp-xlsx.h"
#include "kp-report-private.h"

typedef struct {
  KpXlsx *xlsx;
  lxw_worksheet *sheet;
  KpGaps *gaps;
  guint row;
  GHashTable *per_unit; /* unit name → guint[n_categories + 2]: then no standard, not assessed */
  GPtrArray *units;     /* unit names in first-seen order */
} GapSheet;

enum { FIRST_GAP_COLUMN = 5 };

static gboolean
write_gap_row (const KpEmployeeGaps *g, gpointer user_data, GError **error)
{
  GapSheet *out = user_data;
  guint n = g->n_competencies;
  guint n_categories = kp_gaps_get_n_categories (out->gaps);
  guint *counts;

  kp_xlsx_write (out->xlsx, out->sheet, out->row, 0, g->nip);
  kp_xlsx_write (out->xlsx, out->sheet, out->row, 1, g->name);
  kp_xlsx_write (out->xlsx, out->sheet, out->row, 2, g->unit);
  kp_xlsx_write (out->xlsx, out->sheet, out->row, 3, g->position);
  kp_xlsx_write (out->xlsx, out->sheet, out->row, 4,
                 g->kind >= 0 ? kp_position_kind_to_string (g->kind) : "");
  for (guint i = 0; i < n; i++)
    if (g->items[i].required > 0)
      kp_xlsx_write_int (out->xlsx, out->sheet, out->row, FIRST_GAP_COLUMN + i,
                         kp_gap (g->items[i].attained, g->items[i].required));
  if (g->has_standard && !g->assessed)
    kp_xlsx_write (out->xlsx, out->sheet, out->row, FIRST_GAP_COLUMN + n + 1, _("Not assessed yet"));
  else if (g->has_standard)
    {
      char percent[16];

      kp_ratio_format_percent (g->jpm.total, percent);
      kp_xlsx_write (out->xlsx, out->sheet, out->row, FIRST_GAP_COLUMN + n, percent);
      kp_xlsx_write (out->xlsx, out->sheet, out->row, FIRST_GAP_COLUMN + n + 1,
                     kp_gaps_get_category_name (out->gaps, g->category));
    }
  out->row++;

  counts = g_hash_table_lookup (out->per_unit, g->unit);
  if (counts == NULL)
    {
      char *unit = g_strdup (g->unit);

      counts = g_new0 (guint, n_categories + 2);
      g_hash_table_insert (out->per_unit, unit, counts);
      g_ptr_array_add (out->units, unit);
    }
  if (!g->has_standard)
    counts[n_categories]++;
  else if (!g->assessed)
    counts[n_categories + 1]++;
  else
    counts[g->category]++;
  return TRUE;
}

gboolean
kp_report_export_gaps_xlsx (KpDatabase *db, gint64 unit_id, const char *path,
                            guint *n_employees, GError **error)
{
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) unit_columns = NULL;
  GapSheet out = { 0 };
  lxw_worksheet *units_sheet;
  guint n, n_categories;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gaps = kp_gaps_new (db, error);
  if (gaps == NULL)
    return FALSE;
  n = kp_gaps_get_n_competencies (gaps);
  n_categories = kp_gaps_get_n_categories (gaps);

  columns = g_array_new (FALSE, TRUE, sizeof (KpXlsxColumn));
#define COLUMN(text, kind, width)                                           \
  G_STMT_START {                                                            \
    KpXlsxColumn column = { text, kind, width };                            \
    g_array_append_val (columns, column);                                   \
  } G_STMT_END
  COLUMN ("nip", KP_XLSX_TEXT, 21);
  COLUMN (_("Name"), KP_XLSX_TEXT, 32);
  COLUMN (_("Unit"), KP_XLSX_TEXT, 36);
  COLUMN (_("Position"), KP_XLSX_TEXT, 36);
  COLUMN (_("Position kind"), KP_XLSX_TEXT, 22);
  for (guint i = 0; i < n; i++)
    COLUMN (kp_gaps_get_code (gaps, i), KP_XLSX_INTEGER, 7);
  COLUMN (_("JPM (%)"), KP_XLSX_NUMBER, 9);
  COLUMN (_("JPM category"), KP_XLSX_TEXT, 24);

  /* Constant memory: 100,000 rows stream to disk. */
  out.xlsx = kp_xlsx_new (path, TRUE, error);
  if (out.xlsx == NULL)
    return FALSE;
  out.gaps = gaps;
  out.per_unit = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  out.units = g_ptr_array_new_with_free_func (g_free);
  out.sheet = kp_xlsx_add_table (out.xlsx, _("Gaps"), (KpXlsxColumn *) columns->data,
                                 columns->len);
  if (!kp_gaps_foreach (gaps, unit_id, write_gap_row, &out, error))
    {
      kp_xlsx_abandon (out.xlsx);
      g_hash_table_destroy (out.per_unit);
      g_ptr_array_unref (out.units);
      return FALSE;
    }
  kp_xlsx_end_table (out.xlsx, out.sheet, out.row);

  /* Below the standard in red, above it in green: a coordinator sees the gaps at a glance. */
  if (out.row > 0 && n > 0)
    kp_xlsx_colour_gaps (out.xlsx, out.sheet, 1, FIRST_GAP_COLUMN, out.row,
                         FIRST_GAP_COLUMN + n - 1, FALSE);

  unit_columns = g_array_new (FALSE, TRUE, sizeof (KpXlsxColumn));
  {
    KpXlsxColumn first = { _("Unit"), KP_XLSX_TEXT, 44 };

    g_array_append_val (unit_columns, first);
  }
  for (guint c = 0; c < n_categories; c++)
    {
      KpXlsxColumn column = { kp_gaps_get_category_name (gaps, c), KP_XLSX_INTEGER, 16 };

      g_array_append_val (unit_columns, column);
    }
  {
    KpXlsxColumn none = { _("No standard"), KP_XLSX_INTEGER, 14 };
    KpXlsxColumn unassessed = { _("Not assessed yet"), KP_XLSX_INTEGER, 16 };

    g_array_append_val (unit_columns, none);
    g_array_append_val (unit_columns, unassessed);
  }
  units_sheet = kp_xlsx_add_table (out.xlsx, _("JPM per Unit"),
                                   (KpXlsxColumn *) unit_columns->data, unit_columns->len);
  for (guint u = 0; u < out.units->len; u++)
    {
      const char *name = g_ptr_array_index (out.units, u);
      guint *counts = g_hash_table_lookup (out.per_unit, name);

      kp_xlsx_write (out.xlsx, units_sheet, u, 0, name);
      for (guint c = 0; c <= n_categories + 1; c++)
        kp_xlsx_write_int (out.xlsx, units_sheet, u, 1 + c, counts[c]);
    }
  kp_xlsx_end_table (out.xlsx, units_sheet, out.units->len);

  if (n_employees != NULL)
    *n_employees = out.row;
  g_hash_table_destroy (out.per_unit);
  g_ptr_array_unref (out.units);
  return kp_xlsx_close (out.xlsx, error);
}

typedef struct {
  GHashTable *units;  /* unit name → guint[2 × n]: below, judged */
  guint n;
} HeatData;

static gboolean
count_cells (const KpEmployeeGaps *g, gpointer user_data, GError **error)
{
  HeatData *data = user_data;
  guint *cells;

  if (!g->assessed)
    return TRUE;
  cells = g_hash_table_lookup (data->units, g->unit);
  if (cells == NULL)
    {
      cells = g_new0 (guint, 2 * data->n);
      g_hash_table_insert (data->units, g_strdup (g->unit), cells);
    }
  for (guint i = 0; i < data->n; i++)
    if (g->items[i].required > 0)
      {
        cells[2 * i + 1]++;
        if (g->items[i].attained < g->items[i].required)
          cells[2 * i]++;
      }
  return TRUE;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
_kp_report_sorted_names (GHashTable *units)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, units);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return names;
}

KpHeatmap *
kp_report_gap_heatmap (KpDatabase *db, gint64 unit_id, GError **error)
{
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(GHashTable) units = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%e %B %Y");
  g_autofree char *subtitle = NULL;
  KpHeatmap *heatmap;
  HeatData data;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  gaps = kp_gaps_new (db, error);
  if (gaps == NULL)
    return NULL;
  units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data = (HeatData) { units, kp_gaps_get_n_competencies (gaps) };
  if (!kp_gaps_foreach (gaps, unit_id, count_cells, &data, error))
    return NULL;

  names = _kp_report_sorted_names (units);
  codes = g_ptr_array_new ();
  for (guint i = 0; i < data.n; i++)
    g_ptr_array_add (codes, (gpointer) kp_gaps_get_code (gaps, i));
  g_ptr_array_add (codes, NULL);

  heatmap = kp_heatmap_new (_("Competency Gaps by Unit"),
                            _("Share of the assessed employees whose latest level is below the "
                              "standard of their position"),
                            (GStrv) names->pdata, (GStrv) codes->pdata);
  for (guint r = 0; r + 1 < names->len; r++)
    {
      guint *cells = g_hash_table_lookup (units, g_ptr_array_index (names, r));

      for (guint c = 0; c < data.n; c++)
        kp_heatmap_set (heatmap, r, c, cells[2 * c], cells[2 * c + 1]);
    }
  /* Translators: the number of units, then a date ("29 November 2026"). */
  subtitle = g_strdup_printf (_("%u units · %s"), names->len - 1, g_strstrip (date));
  kp_heatmap_set_subtitle (heatmap, subtitle);
  return heatmap;
}

typedef struct {
  KpXlsx *xlsx;
  lxw_worksheet *sheet;
  guint row;
} StandardsSheet;

static gboolean
write_standard_row (const char *unit, const char *position, const char *code,
                    const char *competency_name, int level, gpointer user_data, GError **error)
{
  StandardsSheet *out = user_data;

  kp_xlsx_write (out->xlsx, out->sheet, out->row, 0, unit);
  kp_xlsx_write (out->xlsx, out->sheet, out->row, 1, position);
  kp_xlsx_write (out->xlsx, out->sheet, out->row, 2, code);
  kp_xlsx_write (out->xlsx, out->sheet, out->row, 3, competency_name);
  kp_xlsx_write_int (out->xlsx, out->sheet, out->row, 4, level);
  out->row++;
  return TRUE;
}

gboolean
kp_report_export_standards_xlsx (KpDatabase *db, const char *path, GError **error)
{
  /* The CSV's columns, so that the sheet saved as CSV imports back; the name helps reading. */
  const KpXlsxColumn columns[] = {
    { "unit_kerja", KP_XLSX_TEXT, 40 },
    { "jabatan", KP_XLSX_TEXT, 40 },
    { "kode_kompetensi", KP_XLSX_TEXT, 16 },
    { _("Competency"), KP_XLSX_TEXT, 32 },
    { "level", KP_XLSX_INTEGER, 8 },
  };
  StandardsSheet out = { 0 };

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  out.xlsx = kp_xlsx_new (path, TRUE, error);
  if (out.xlsx == NULL)
    return FALSE;
  out.sheet = kp_xlsx_add_table (out.xlsx, _("Standards"), columns, G_N_ELEMENTS (columns));
  if (!kp_standards_foreach (db, write_standard_row, &out, error))
    {
      kp_xlsx_abandon (out.xlsx);
      return FALSE;
    }
  kp_xlsx_end_table (out.xlsx, out.sheet, out.row);
  return kp_xlsx_close (out.xlsx, error);
}
