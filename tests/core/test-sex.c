/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core-test-util.h"

typedef struct {
  const char *input;
  KpSex expected;
} SexCase;

static const SexCase sex_cases[] = {
  { "L", KP_SEX_MALE },
  { "l", KP_SEX_MALE },
  { " L ", KP_SEX_MALE },
  { "Laki-laki", KP_SEX_MALE },
  { "LAKI-LAKI", KP_SEX_MALE },
  { "Laki laki", KP_SEX_MALE },
  { "laki  laki", KP_SEX_MALE },
  { "Pria", KP_SEX_MALE },
  { "P", KP_SEX_FEMALE },
  { "p", KP_SEX_FEMALE },
  { "Perempuan", KP_SEX_FEMALE },
  { "\u00a0perempuan\t", KP_SEX_FEMALE },
  { "Wanita", KP_SEX_FEMALE },
  { "WANITA", KP_SEX_FEMALE },
  { "", KP_SEX_UNKNOWN },
  { "X", KP_SEX_UNKNOWN },
  { "M", KP_SEX_UNKNOWN },
  { "Laki", KP_SEX_UNKNOWN },
  { "LP", KP_SEX_UNKNOWN },
  { "1", KP_SEX_UNKNOWN },
  { "Perempuan!", KP_SEX_UNKNOWN },
  { "\xff", KP_SEX_UNKNOWN },
};

static void
test_parse (gconstpointer data)
{
  const SexCase *c = data;

  g_assert_cmpint (kp_sex_parse (c->input), ==, c->expected);
}

static void
test_parse_null (void)
{
  g_assert_cmpint (kp_sex_parse (NULL), ==, KP_SEX_UNKNOWN);
}

static void
test_to_code (void)
{
  g_assert_cmpstr (kp_sex_to_code (KP_SEX_MALE), ==, "L");
  g_assert_cmpstr (kp_sex_to_code (KP_SEX_FEMALE), ==, "P");
  g_assert_null (kp_sex_to_code (KP_SEX_UNKNOWN));

  /* The code written to files must read back as the same sex. */
  g_assert_cmpint (kp_sex_parse (kp_sex_to_code (KP_SEX_MALE)), ==, KP_SEX_MALE);
  g_assert_cmpint (kp_sex_parse (kp_sex_to_code (KP_SEX_FEMALE)), ==, KP_SEX_FEMALE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (sex_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("%02" G_GSIZE_FORMAT, i);

      add_case ("/sex/parse", name, &sex_cases[i], test_parse);
    }
  g_test_add_func ("/sex/parse/null", test_parse_null);
  g_test_add_func ("/sex/to-code", test_to_code);

  return g_test_run ();
}
