/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core-test-util.h"

static const char * const canonical[KP_GRADE_COUNT] = {
  "I/a", "I/b", "I/c", "I/d",
  "II/a", "II/b", "II/c", "II/d",
  "III/a", "III/b", "III/c", "III/d",
  "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
};

typedef struct {
  const char *input;
  int expected; /* -1: error */
  KpCoreError code;
} GradeCase;

static const GradeCase grade_cases[] = {
  { "III/a", 8 },
  { "iii/A", 8 },
  { "III / a", 8 },
  { "  III/a  ", 8 },
  { "IIIa", 8 },
  { "III-a", 8 },
  { "III a", 8 },
  { "Ⅲ/a", 8 },
  { "I/a", 0 },
  { "ia", 0 },
  { "I/d", 3 },
  { "II/a", 4 },
  { "ii-d", 7 },
  { "III/d", 11 },
  { "IV/a", 12 },
  { "IV/E", 16 },
  { "iv e", 16 },
  { NULL, -1, KP_CORE_ERROR_EMPTY },
  { "", -1, KP_CORE_ERROR_EMPTY },
  { "  ", -1, KP_CORE_ERROR_EMPTY },
  { "V/a", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "V/z", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "I/e", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "III/e", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "IV/f", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "III", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "a", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "/a", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "IIII/a", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "III//a", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "III\\a", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "3/a", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "VI/a", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "III/a/", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "\xff", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
};

static void
test_parse (gconstpointer data)
{
  const GradeCase *c = data;
  g_autoptr(GError) error = NULL;
  int grade = kp_grade_parse (c->input, &error);

  g_assert_cmpint (grade, ==, c->expected);
  if (c->expected >= 0)
    {
      g_assert_no_error (error);
    }
  else
    {
      /* The message repeats what was typed so the officer can find it in a spreadsheet. */
      g_autofree char *shown = c->input != NULL ? kp_text_squash (c->input) : NULL;

      assert_core_error (error, c->code,
                         c->code == KP_CORE_ERROR_EMPTY ? NULL : shown);
    }
}

static void
test_round_trip (void)
{
  for (int i = 0; i < KP_GRADE_COUNT; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (kp_grade_to_string (i), ==, canonical[i]);
      g_assert_cmpint (kp_grade_parse (canonical[i], &error), ==, i);
      g_assert_no_error (error);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (grade_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("%02" G_GSIZE_FORMAT, i);

      add_case ("/grade/parse", name, &grade_cases[i], test_parse);
    }
  g_test_add_func ("/grade/round-trip", test_round_trip);

  return g_test_run ();
}
