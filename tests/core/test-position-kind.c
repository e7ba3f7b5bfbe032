/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core-test-util.h"

static const char * const canonical[KP_POSITION_KIND_COUNT] = {
  "JPT Utama",
  "JPT Madya",
  "JPT Pratama",
  "Administrator",
  "Pengawas",
  "Pelaksana",
  "Fungsional Ahli Utama",
  "Fungsional Ahli Madya",
  "Fungsional Ahli Muda",
  "Fungsional Ahli Pertama",
  "Fungsional Penyelia",
  "Fungsional Mahir",
  "Fungsional Terampil",
};

typedef struct {
  const char *input;
  int expected; /* -1: error */
  KpCoreError code;
} KindCase;

static const KindCase kind_cases[] = {
  { "jpt pratama", KP_POSITION_KIND_JPT_PRATAMA },
  { "  JPT   Pratama ", KP_POSITION_KIND_JPT_PRATAMA },
  { "JPTUtama", KP_POSITION_KIND_JPT_UTAMA },
  { "jpt madya", KP_POSITION_KIND_JPT_MADYA },
  { "ADMINISTRATOR", KP_POSITION_KIND_ADMINISTRATOR },
  { "pengawas", KP_POSITION_KIND_PENGAWAS },
  { "Pelaksana", KP_POSITION_KIND_PELAKSANA },
  { "fungsional ahli muda", KP_POSITION_KIND_AHLI_MUDA },
  { "JF Ahli Muda", KP_POSITION_KIND_AHLI_MUDA },
  { "jf  ahli muda", KP_POSITION_KIND_AHLI_MUDA },
  { "Ahli Muda", KP_POSITION_KIND_AHLI_MUDA },
  { "AhliMuda", KP_POSITION_KIND_AHLI_MUDA },
  { "ahli pertama", KP_POSITION_KIND_AHLI_PERTAMA },
  { "JF Ahli Madya", KP_POSITION_KIND_AHLI_MADYA },
  { "Ahli Utama", KP_POSITION_KIND_AHLI_UTAMA },
  { "Terampil", KP_POSITION_KIND_TERAMPIL },
  { "JF Terampil", KP_POSITION_KIND_TERAMPIL },
  { "mahir", KP_POSITION_KIND_MAHIR },
  { "Fungsional Penyelia", KP_POSITION_KIND_PENYELIA },
  { "\u00a0Penyelia\u00a0", KP_POSITION_KIND_PENYELIA },
  { NULL, -1, KP_CORE_ERROR_EMPTY },
  { "", -1, KP_CORE_ERROR_EMPTY },
  { " \t ", -1, KP_CORE_ERROR_EMPTY },
  { "Ahli", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "JF", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "Fungsional", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "JPT", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "Pratama", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "JF Pelaksana", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "Fungsional Administrator", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "Ahli Muda Madya", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "Staf", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
  { "\xff", -1, KP_CORE_ERROR_UNKNOWN_VALUE },
};

static void
test_parse (gconstpointer data)
{
  const KindCase *c = data;
  g_autoptr(GError) error = NULL;
  int kind = kp_position_kind_parse (c->input, &error);

  g_assert_cmpint (kind, ==, c->expected);
  if (c->expected >= 0)
    {
      g_assert_no_error (error);
      return;
    }

  assert_core_error (error, c->code, NULL);
  if (c->code == KP_CORE_ERROR_UNKNOWN_VALUE)
    {
      /* The officer is told what would have been accepted. */
      for (int i = 0; i < KP_POSITION_KIND_COUNT; i++)
        assert_core_error (error, c->code, canonical[i]);
    }
}

static void
test_round_trip (void)
{
  for (int i = 0; i < KP_POSITION_KIND_COUNT; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (kp_position_kind_to_string (i), ==, canonical[i]);
      g_assert_cmpint (kp_position_kind_parse (canonical[i], &error), ==, i);
      g_assert_no_error (error);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("%02" G_GSIZE_FORMAT, i);

      add_case ("/position-kind/parse", name, &kind_cases[i], test_parse);
    }
  g_test_add_func ("/position-kind/round-trip", test_round_trip);

  return g_test_run ();
}
