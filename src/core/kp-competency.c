/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-competency.c: assessor consensus, gaps and JPM (see kp-competency.h). Everything is
 * integers and fractions, so that two people on the same border land on the same side. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-competency.h"
#include "kompeten/kp-core.h"

static const char *const type_names[KP_COMPETENCY_N_TYPES] = {
  "manajerial", "sosial kultural", "teknis",
};

const char *
kp_competency_type_to_string (KpCompetencyType type)
{
  g_return_val_if_fail (type < KP_COMPETENCY_N_TYPES, "");
  return type_names[type];
}

int
kp_competency_type_parse (const char *text)
{
  static const struct { const char *key; KpCompetencyType type; } names[] = {
    { "manajerial", KP_COMPETENCY_MANAGERIAL },
    { "managerial", KP_COMPETENCY_MANAGERIAL },
    { "sosial kultural", KP_COMPETENCY_SOCIOCULTURAL },
    { "sosiokultural", KP_COMPETENCY_SOCIOCULTURAL },
    { "sosio kultural", KP_COMPETENCY_SOCIOCULTURAL },
    { "socio-cultural", KP_COMPETENCY_SOCIOCULTURAL },
    { "sociocultural", KP_COMPETENCY_SOCIOCULTURAL },
    { "teknis", KP_COMPETENCY_TECHNICAL },
    { "technical", KP_COMPETENCY_TECHNICAL },
  };
  g_autofree char *key = NULL;

  if (text == NULL)
    return -1;
  key = kp_text_fold (text);
  for (char *p = key; *p != '\0'; p++)
    if (*p == '_')
      *p = ' ';
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (key, names[i].key) == 0)
      return names[i].type;
  return -1;
}

static int
compare_ints (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

KpConsensus
kp_consensus_compute (const int *levels, guint n_levels, int *level, int *spread)
{
  g_autofree int *sorted = NULL;
  int low, high;

  g_return_val_if_fail (level != NULL, KP_CONSENSUS_NONE);
  g_return_val_if_fail (n_levels == 0 || levels != NULL, KP_CONSENSUS_NONE);

  *level = 0;
  if (spread != NULL)
    *spread = 0;
  if (n_levels == 0)
    return KP_CONSENSUS_NONE;

  sorted = g_memdup2 (levels, n_levels * sizeof (int));
  qsort (sorted, n_levels, sizeof (int), compare_ints);
  low = sorted[0];
  high = sorted[n_levels - 1];
  g_return_val_if_fail (low >= KP_LEVEL_MIN && high <= KP_LEVEL_MAX, KP_CONSENSUS_NONE);
  if (spread != NULL)
    *spread = high - low;

  if (n_levels == 1)
    {
      *level = low;
      return KP_CONSENSUS_SINGLE;
    }
  if (high - low >= 2)
    return KP_CONSENSUS_DISAGREEMENT;

  /* The median, rounded down: with an even count, the lower of the two middle levels when
   * they differ (they can differ by 1 at most here). */
  if (n_levels % 2 == 1)
    *level = sorted[n_levels / 2];
  else
    *level = (sorted[n_levels / 2 - 1] + sorted[n_levels / 2]) / 2;
  return KP_CONSENSUS_COMPUTED;
}

void
kp_ratio_format_percent (KpRatio ratio, char buf[16])
{
  gint64 tenths;

  g_return_if_fail (ratio.den > 0 && ratio.num >= 0);

  /* percent × 10 = num × 1000 / den, rounded half up, in integers. */
  tenths = (ratio.num * 1000 * 2 + ratio.den) / (ratio.den * 2);
  g_snprintf (buf, 16, "%" G_GINT64_FORMAT ".%d", tenths / 10, (int) (tenths % 10));
}

void
kp_ratio_format_percent_locale (KpRatio ratio, char buf[16])
{
  const char *point = localeconv ()->decimal_point;
  char *dot;

  kp_ratio_format_percent (ratio, buf);
  dot = strchr (buf, '.');
  /* One-byte separators only ("," or "."): anything else keeps the dot rather than overflow. */
  if (dot != NULL && point != NULL && point[0] != '\0' && point[1] == '\0')
    *dot = point[0];
}

int
kp_ratio_compare_percent (KpRatio ratio, int percent)
{
  gint64 left, right;

  g_return_val_if_fail (ratio.den > 0, 0);

  left = ratio.num * 100;
  right = (gint64) percent * ratio.den;
  return (left > right) - (left < right);
}

int
kp_gap (int attained, int required)
{
  return attained - required;
}

gboolean
kp_jpm_compute (const KpGapItem *items, guint n_items, int technical_weight, KpJpm *jpm)
{
  gint64 m_num = 0, m_den = 0, t_num = 0, t_den = 0;
  gint64 wm, wt;

  g_return_val_if_fail (n_items == 0 || items != NULL, FALSE);
  g_return_val_if_fail (technical_weight <= 100, FALSE);
  g_return_val_if_fail (jpm != NULL, FALSE);

  memset (jpm, 0, sizeof *jpm);
  for (guint i = 0; i < n_items; i++)
    {
      const KpGapItem *item = &items[i];
      int capped;

      g_return_val_if_fail (item->required >= 0 && item->required <= KP_LEVEL_MAX, FALSE);
      g_return_val_if_fail (item->attained >= 0 && item->attained <= KP_LEVEL_MAX, FALSE);
      if (item->required == 0)
        continue;
      jpm->n_required++;
      if (item->attained == 0)
        jpm->n_missing++;
      if (item->attained < item->required)
        jpm->n_below++;
      capped = MIN (item->attained, item->required);
      if (item->type == KP_COMPETENCY_TECHNICAL)
        {
          t_num += capped;
          t_den += item->required;
        }
      else
        {
          m_num += capped;
          m_den += item->required;
        }
    }

  if (m_den == 0 && t_den == 0)
    {
      jpm->managerial = jpm->technical = jpm->total = (KpRatio) { 0, 1 };
      return FALSE;
    }

  jpm->managerial = m_den > 0 ? (KpRatio) { m_num, m_den } : (KpRatio) { 0, 1 };
  jpm->technical = t_den > 0 ? (KpRatio) { t_num, t_den } : (KpRatio) { 0, 1 };

  if (technical_weight < 0)
    {
      jpm->total = (KpRatio) { m_num + t_num, m_den + t_den };
      return TRUE;
    }

  /* A group without a standard hands its weight to the other. */
  wt = t_den > 0 ? technical_weight : 0;
  wm = m_den > 0 ? 100 - technical_weight : 0;
  if (wt + wm == 0)
    {
      wt = t_den > 0 ? 100 : 0;
      wm = m_den > 0 ? 100 : 0;
    }

  /* total = (wm · m_num/m_den + wt · t_num/t_den) / (wm + wt), over one denominator. */
  {
    gint64 md = MAX (m_den, 1), td = MAX (t_den, 1);

    jpm->total.num = wm * m_num * td + wt * t_num * md;
    jpm->total.den = (wm + wt) * md * td;
  }
  return TRUE;
}

guint
kp_jpm_category (KpRatio jpm, const int *thresholds, guint n_thresholds)
{
  g_return_val_if_fail (n_thresholds > 0 && thresholds != NULL, 0);

  for (guint i = 0; i < n_thresholds; i++)
    if (kp_ratio_compare_percent (jpm, thresholds[i]) >= 0)
      return i;
  return n_thresholds - 1;
}
