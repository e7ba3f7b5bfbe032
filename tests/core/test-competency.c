/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-competency.c: assessor consensus, gaps and JPM, table by table. */

#include "config.h"

#include <locale.h>

#include "kompeten/kp-competency.h"
#include "core-test-util.h"

/* ---- consensus ----------------------------------------------------------------------------- */

typedef struct {
  const char *name;
  int levels[5];
  guint n;
  KpConsensus consensus;
  int level;
  int spread;
} ConsensusCase;

static const ConsensusCase consensus_cases[] = {
  { "none", { 0 }, 0, KP_CONSENSUS_NONE, 0, 0 },
  { "single", { 3 }, 1, KP_CONSENSUS_SINGLE, 3, 0 },
  { "agree", { 4, 4, 4 }, 3, KP_CONSENSUS_COMPUTED, 4, 0 },
  { "odd-median", { 3, 4, 4 }, 3, KP_CONSENSUS_COMPUTED, 4, 1 },
  { "odd-median-low", { 3, 3, 4 }, 3, KP_CONSENSUS_COMPUTED, 3, 1 },
  { "even-rounded-down", { 3, 4 }, 2, KP_CONSENSUS_COMPUTED, 3, 1 },
  { "even-four", { 4, 3, 4, 3 }, 4, KP_CONSENSUS_COMPUTED, 3, 1 },
  { "even-four-high", { 4, 4, 4, 3 }, 4, KP_CONSENSUS_COMPUTED, 4, 1 },
  { "two-apart", { 2, 4 }, 2, KP_CONSENSUS_DISAGREEMENT, 0, 2 },
  { "two-apart-among-three", { 3, 3, 5 }, 3, KP_CONSENSUS_DISAGREEMENT, 0, 2 },
  { "four-apart", { 1, 5, 3 }, 3, KP_CONSENSUS_DISAGREEMENT, 0, 4 },
  { "unsorted", { 5, 4, 5, 4, 5 }, 5, KP_CONSENSUS_COMPUTED, 5, 1 },
};

static void
test_consensus (gconstpointer data)
{
  const ConsensusCase *c = data;
  int level = -1, spread = -1;

  g_assert_cmpint (kp_consensus_compute (c->levels, c->n, &level, &spread), ==, c->consensus);
  g_assert_cmpint (level, ==, c->level);
  g_assert_cmpint (spread, ==, c->spread);
}

/* ---- percent formatting and comparison, exactly ------------------------------------------------ */

typedef struct {
  const char *name;
  KpRatio ratio;
  const char *percent;
  int compare_80;
  int compare_68;
} RatioCase;

static const RatioCase ratio_cases[] = {
  { "whole", { 1, 1 }, "100.0", 1, 1 },
  { "zero", { 0, 5 }, "0.0", -1, -1 },
  { "exactly-80", { 4, 5 }, "80.0", 0, 1 },
  { "just-below-80", { 79999, 100000 }, "80.0", -1, 1 }, /* shows 80.0, is not 80 */
  { "two-thirds", { 2, 3 }, "66.7", -1, -1 },
  { "exactly-68", { 17, 25 }, "68.0", -1, 0 },
  { "half-up", { 1, 8 }, "12.5", -1, -1 },
  { "half-up-tenths", { 1, 16 }, "6.3", -1, -1 }, /* 6.25 → 6.3 */
  { "five-sixths", { 5, 6 }, "83.3", 1, 1 },
};

static void
test_ratio (gconstpointer data)
{
  const RatioCase *c = data;
  char buf[16];

  kp_ratio_format_percent (c->ratio, buf);
  g_assert_cmpstr (buf, ==, c->percent);
  g_assert_cmpint (kp_ratio_compare_percent (c->ratio, 80), ==, c->compare_80);
  g_assert_cmpint (kp_ratio_compare_percent (c->ratio, 68), ==, c->compare_68);
}

/* For people, the locale's decimal separator; the plain form never changes. */
static void
test_ratio_locale (void)
{
  KpRatio ratio = { 5, 6 };
  char buf[16];
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  kp_ratio_format_percent_locale (ratio, buf);
  g_assert_cmpstr (buf, ==, "83.3");                /* the C locale */
  if (setlocale (LC_NUMERIC, "id_ID.UTF-8") == NULL)
    {
      g_test_skip ("the id_ID.UTF-8 locale is not installed (build-aux/install-deps makes it)");
      return;
    }
  kp_ratio_format_percent_locale (ratio, buf);
  g_assert_cmpstr (buf, ==, "83,3");
  kp_ratio_format_percent (ratio, buf);
  g_assert_cmpstr (buf, ==, "83.3");
  setlocale (LC_NUMERIC, old);
}

/* ---- JPM ---------------------------------------------------------------------------------------- */

#define M KP_COMPETENCY_MANAGERIAL
#define S KP_COMPETENCY_SOCIOCULTURAL
#define T KP_COMPETENCY_TECHNICAL

typedef struct {
  const char *name;
  KpGapItem items[12];
  guint n;
  int technical_weight;
  gboolean ok;
  const char *total;      /* percent, one decimal */
  const char *managerial;
  guint n_required, n_missing, n_below;
  guint category;         /* with thresholds {80, 68, 0} */
} JpmCase;

static const JpmCase jpm_cases[] = {
  /* An Administrator (standard 3 on the 8 managerial competencies and Perekat Bangsa). */
  { "meets-all", { { M, 3, 3 }, { M, 3, 3 }, { M, 3, 4 }, { M, 3, 3 }, { M, 3, 3 }, { M, 3, 3 },
                   { M, 3, 3 }, { M, 3, 3 }, { S, 3, 3 } }, 9, 0, TRUE, "100.0", "100.0", 9, 0, 0, 0 },
  /* Above the standard counts only up to it: a 5 does not make up for a 1. */
  { "capped", { { M, 3, 5 }, { M, 3, 1 } }, 2, 0, TRUE, "66.7", "66.7", 2, 0, 1, 2 },
  { "one-below", { { M, 3, 3 }, { M, 3, 3 }, { M, 3, 2 }, { M, 3, 3 }, { M, 3, 3 }, { M, 3, 3 },
                   { M, 3, 3 }, { M, 3, 3 }, { S, 3, 3 } }, 9, 0, TRUE, "96.3", "96.3", 9, 0, 1, 0 },
  /* 26/27 = 96.3; 22/27 = 81.5 (Memenuhi Syarat); 20/27 = 74.1 (Masih Memenuhi Syarat). */
  { "ms", { { M, 3, 2 }, { M, 3, 2 }, { M, 3, 2 }, { M, 3, 2 }, { M, 3, 3 }, { M, 3, 3 },
            { M, 3, 3 }, { M, 3, 3 }, { S, 3, 2 } }, 9, 0, TRUE, "81.5", "81.5", 9, 0, 5, 0 },
  { "mms", { { M, 3, 2 }, { M, 3, 2 }, { M, 3, 2 }, { M, 3, 2 }, { M, 3, 2 }, { M, 3, 2 },
             { M, 3, 2 }, { M, 3, 3 }, { S, 3, 3 } }, 9, 0, TRUE, "74.1", "74.1", 9, 0, 7, 1 },
  { "exactly-80", { { M, 5, 4 } }, 1, 0, TRUE, "80.0", "80.0", 1, 0, 1, 0 },
  /* Not assessed counts as 0. */
  { "missing", { { M, 2, 0 }, { M, 2, 2 } }, 2, 0, TRUE, "50.0", "50.0", 2, 1, 1, 2 },
  /* Technical weighs 60 % for this kind of position: 0.4 · 100 % + 0.6 · 50 % = 70 %. */
  { "weighted", { { M, 2, 2 }, { S, 2, 2 }, { T, 4, 2 } }, 3, 60, TRUE, "70.0", "100.0", 3, 0, 1, 1 },
  /* No weight set for the kind: every level counts alike, (2 + 2 + 2) / (2 + 2 + 4) = 75 %. */
  { "pooled", { { M, 2, 2 }, { S, 2, 2 }, { T, 4, 2 } }, 3, -1, TRUE, "75.0", "100.0", 3, 0, 1, 1 },
  /* No technical standard yet: the managerial group takes all the weight. */
  { "no-technical", { { M, 2, 1 }, { M, 2, 2 } }, 2, 60, TRUE, "75.0", "75.0", 2, 0, 1, 1 },
  /* Only technical. */
  { "only-technical", { { T, 3, 3 }, { T, 3, 2 } }, 2, 40, TRUE, "83.3", "0.0", 2, 0, 1, 0 },
  /* Competencies without a standard for this position do not count. */
  { "not-required", { { M, 0, 5 }, { M, 2, 1 } }, 2, 0, TRUE, "50.0", "50.0", 1, 0, 1, 2 },
  { "empty-standard", { { M, 0, 3 } }, 1, 0, FALSE, "0.0", "0.0", 0, 0, 0, 2 },
};

static void
test_jpm (gconstpointer data)
{
  const JpmCase *c = data;
  static const int thresholds[] = { 80, 68, 0 };
  char buf[16];
  KpJpm jpm;

  g_assert_cmpint (kp_jpm_compute (c->items, c->n, c->technical_weight, &jpm), ==, c->ok);
  kp_ratio_format_percent (jpm.total, buf);
  g_assert_cmpstr (buf, ==, c->total);
  kp_ratio_format_percent (jpm.managerial, buf);
  g_assert_cmpstr (buf, ==, c->managerial);
  g_assert_cmpuint (jpm.n_required, ==, c->n_required);
  g_assert_cmpuint (jpm.n_missing, ==, c->n_missing);
  g_assert_cmpuint (jpm.n_below, ==, c->n_below);
  g_assert_cmpuint (kp_jpm_category (jpm.total, thresholds, G_N_ELEMENTS (thresholds)), ==,
                    c->category);
}

static void
test_gap_and_types (void)
{
  g_assert_cmpint (kp_gap (2, 3), ==, -1);
  g_assert_cmpint (kp_gap (5, 3), ==, 2);
  g_assert_cmpint (kp_gap (0, 3), ==, -3);

  g_assert_cmpint (kp_competency_type_parse ("Manajerial"), ==, KP_COMPETENCY_MANAGERIAL);
  g_assert_cmpint (kp_competency_type_parse ("sosial_kultural"), ==, KP_COMPETENCY_SOCIOCULTURAL);
  g_assert_cmpint (kp_competency_type_parse ("Sosial Kultural"), ==, KP_COMPETENCY_SOCIOCULTURAL);
  g_assert_cmpint (kp_competency_type_parse ("TEKNIS"), ==, KP_COMPETENCY_TECHNICAL);
  g_assert_cmpint (kp_competency_type_parse ("technical"), ==, KP_COMPETENCY_TECHNICAL);
  g_assert_cmpint (kp_competency_type_parse ("fungsional"), ==, -1);
  g_assert_cmpint (kp_competency_type_parse (NULL), ==, -1);
  g_assert_cmpstr (kp_competency_type_to_string (KP_COMPETENCY_SOCIOCULTURAL), ==,
                   "sosial kultural");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (consensus_cases); i++)
    add_case ("/competency/consensus", consensus_cases[i].name, &consensus_cases[i], test_consensus);
  for (guint i = 0; i < G_N_ELEMENTS (ratio_cases); i++)
    add_case ("/competency/ratio", ratio_cases[i].name, &ratio_cases[i], test_ratio);
  for (guint i = 0; i < G_N_ELEMENTS (jpm_cases); i++)
    add_case ("/competency/jpm", jpm_cases[i].name, &jpm_cases[i], test_jpm);
  g_test_add_func ("/competency/gap-and-types", test_gap_and_types);
  g_test_add_func ("/competency/ratio-locale", test_ratio_locale);

  return g_test_run ();
}
