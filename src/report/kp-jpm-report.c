/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-jpm-report.c: the JPM distribution per unit (see kp-reports.h), for training coordinators
 * who plan where development is needed first. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kompeten/kp-audit.h"
#include "kompeten/kp-gaps.h"
#include "kompeten/kp-reports.h"
#include "kp-report-private.h"

typedef struct {
  GHashTable *units;   /* unit name → guint[n_categories + 1]: then not assessed */
  guint n_categories;
  guint n_counted;
  guint n_without_standard;
} Distribution;

static gboolean
count_employee (const KpEmployeeGaps *g, gpointer user_data, GError **error)
{
  Distribution *data = user_data;
  guint *counts;

  if (!g->has_standard)
    {
      data->n_without_standard++;
      return TRUE;
    }
  counts = g_hash_table_lookup (data->units, g->unit);
  if (counts == NULL)
    {
      counts = g_new0 (guint, data->n_categories + 1);
      g_hash_table_insert (data->units, g_strdup (g->unit), counts);
    }
  counts[g->assessed ? g->category : data->n_categories]++;
  data->n_counted++;
  return TRUE;
}

/**
 * kp_report_jpm_distribution:
 * @db: the database
 * @unit_id: 0 for every unit, else that unit and its sub-units
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the chart's data
 */
KpStackedChart *
kp_report_jpm_distribution (KpDatabase *db, gint64 unit_id, GError **error)
{
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(GHashTable) units = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(KpStackedChart) chart = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%e %B %Y");
  g_autofree char *checkpoint = NULL;
  g_autofree char *scope_name = NULL;
  g_autofree char *scope = NULL;
  g_autoptr(GString) subtitle = NULL;
  Distribution data = { 0 };

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  if ((gaps = kp_gaps_new (db, error)) == NULL ||
      (checkpoint = kp_audit_checkpoint (db, error)) == NULL)
    return NULL;
  units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data.units = units;
  data.n_categories = kp_gaps_get_n_categories (gaps);
  if (!kp_gaps_foreach (gaps, unit_id, count_employee, &data, error))
    return NULL;

  series = g_ptr_array_new ();
  for (guint c = 0; c < data.n_categories; c++)
    g_ptr_array_add (series, (gpointer) kp_gaps_get_category_name (gaps, c));
  g_ptr_array_add (series, (gpointer) _("Not assessed"));
  g_ptr_array_add (series, NULL);
  chart = kp_stacked_chart_new (_("JPM Distribution per Unit"), _("Number of employees"),
                                (GStrv) series->pdata);
  kp_stacked_chart_set_neutral_series (chart, data.n_categories);

  names = _kp_report_sorted_names (units);
  for (guint r = 0; r + 1 < names->len; r++)
    {
      const char *name = g_ptr_array_index (names, r);

      kp_stacked_chart_add_row (chart, name, g_hash_table_lookup (units, name));
    }

  if (unit_id > 0 && (scope_name = _kp_report_unit_scope_name (db, unit_id)) != NULL)
    scope = names->len > 2
              /* Translators: %s is a unit. */
              ? g_strdup_printf (_("%s and its sub-units"), scope_name)
              : g_strdup (scope_name);
  else
    scope = g_strdup (_("All units"));
  subtitle = g_string_new (NULL);
  /* Translators: the scope ("All units") and a number of employees. */
  g_string_printf (subtitle, _("%s · %'u employees"), scope, data.n_counted);
  if (data.n_without_standard > 0)
    /* Translators: appended to the subtitle; the number of employees left out. */
    g_string_append_printf (subtitle, _(" (%'u more without a competency standard, not shown)"),
                            data.n_without_standard);
  /* Translators: appended to the subtitle: a date ("29 November 2026") and the audit
   * checkpoint ("seq:hash") the chart was drawn from, last as it is the longest. */
  g_string_append_printf (subtitle, _(" · %s · audit checkpoint %s"), g_strstrip (date),
                          checkpoint);
  kp_stacked_chart_set_subtitle (chart, subtitle->str);
  return g_steal_pointer (&chart);
}
