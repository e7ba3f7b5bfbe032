/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core-test-util.h"

typedef struct {
  const char *name;
  const char *input;
  const char *expected;
} TextCase;

static const TextCase squash_cases[] = {
  { "plain", "Eka Putri", "Eka Putri" },
  { "outer-spaces", "   Eka Putri  ", "Eka Putri" },
  { "inner-run", "Eka     Putri", "Eka Putri" },
  { "tabs-newlines", "\tEka\n\r\nPutri\n", "Eka Putri" },
  { "nbsp", "\u00a0Eka\u00a0\u00a0Putri\u00a0", "Eka Putri" },
  { "em-space", "Eka\u2003Putri", "Eka Putri" },
  { "keeps-case-and-accents", "  Éka  PUTRI ", "Éka PUTRI" },
  { "empty", "", "" },
  { "only-spaces", " \t\u00a0 ", "" },
  { "invalid-utf8", "Eka\xff  Putri", "Eka\xef\xbf\xbd Putri" },
  { "truncated-utf8", "Eka \xc3", "Eka \xef\xbf\xbd" },
};

static const TextCase fold_cases[] = {
  { "acute", "Éka  Putri", "eka putri" },
  { "same-as-plain", "eka putri", "eka putri" },
  { "upper", "EKA PUTRI", "eka putri" },
  { "tilde", "Ñoño", "nono" },
  { "diaeresis-cedilla", "Zoë François", "zoe francois" },
  { "sharp-s", "Straße", "strasse" },
  { "ligature", "ﬁtri", "fitri" },
  { "fullwidth", "ＡＢＣ", "abc" },
  { "roman-numeral", "Ⅲ/a", "iii/a" },
  { "spaces-squashed", "  Dr.\u00a0 Hj.   Siti  ", "dr. hj. siti" },
  { "punctuation-kept", "Laki-laki", "laki-laki" },
  { "empty", "", "" },
  { "invalid-utf8", "\xffÉka", "\xef\xbf\xbd" "eka" },
};

static void
test_squash (gconstpointer data)
{
  const TextCase *c = data;
  g_autofree char *result = kp_text_squash (c->input);

  g_assert_true (g_utf8_validate (result, -1, NULL));
  g_assert_cmpstr (result, ==, c->expected);
}

static void
test_fold (gconstpointer data)
{
  const TextCase *c = data;
  g_autofree char *result = kp_text_fold (c->input);

  g_assert_true (g_utf8_validate (result, -1, NULL));
  g_assert_cmpstr (result, ==, c->expected);
}

/* Folding is what search and duplicate detection compare, so it must be idempotent. */
static void
test_fold_idempotent (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fold_cases); i++)
    {
      g_autofree char *once = kp_text_fold (fold_cases[i].input);
      g_autofree char *twice = kp_text_fold (once);

      g_assert_cmpstr (once, ==, twice);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (squash_cases); i++)
    add_case ("/text/squash", squash_cases[i].name, &squash_cases[i], test_squash);
  for (gsize i = 0; i < G_N_ELEMENTS (fold_cases); i++)
    add_case ("/text/fold", fold_cases[i].name, &fold_cases[i], test_fold);
  g_test_add_func ("/text/fold/idempotent", test_fold_idempotent);

  return g_test_run ();
}
