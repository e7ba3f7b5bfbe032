/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core-test-util.h"

typedef struct {
  const char *name;
  const char *input;
  int birth_year, birth_month, birth_day;
  int tmt_year, tmt_month;
  KpSex sex;
  int sequence;
} ValidNip;

static const ValidNip valid_nips[] = {
  { "female", "196810301993082121", 1968, 10, 30, 1993, 8, KP_SEX_FEMALE, 121 },
  { "male", "199001012015031001", 1990, 1, 1, 2015, 3, KP_SEX_MALE, 1 },
  { "white-space-around", "  196810301993082121\t", 1968, 10, 30, 1993, 8, KP_SEX_FEMALE, 121 },
  { "nbsp-around", "\u00a0196810301993082121\u00a0", 1968, 10, 30, 1993, 8, KP_SEX_FEMALE, 121 },
  /* The TMT is a month: the month of the 18th birthday is accepted, even before the day. */
  { "tmt-month-of-18th-birthday", "200005202018051999", 2000, 5, 20, 2018, 5, KP_SEX_MALE, 999 },
  { "tmt-december-birthday", "198012312000012050", 1980, 12, 31, 2000, 1, KP_SEX_FEMALE, 50 },
  { "leap-birth", "199202292015032001", 1992, 2, 29, 2015, 3, KP_SEX_FEMALE, 1 },
  { "tmt-january", "197501152001011010", 1975, 1, 15, 2001, 1, KP_SEX_MALE, 10 },
  { "tmt-december", "197501152001121010", 1975, 1, 15, 2001, 12, KP_SEX_MALE, 10 },
};

typedef struct {
  const char *name;
  const char *input;
  KpCoreError code;
  const char *fragment;
} InvalidNip;

static const InvalidNip invalid_nips[] = {
  { "null", NULL, KP_CORE_ERROR_EMPTY, NULL },
  { "empty", "", KP_CORE_ERROR_EMPTY, NULL },
  { "blank", "   ", KP_CORE_ERROR_EMPTY, NULL },
  { "17-digits", "19681030199308212", KP_CORE_ERROR_LENGTH, "17" },
  { "19-digits", "1968103019930821210", KP_CORE_ERROR_LENGTH, "19" },
  { "1-digit", "1", KP_CORE_ERROR_LENGTH, "1" },
  { "letter", "19681030199308212A", KP_CORE_ERROR_NOT_DIGITS, "A" },
  { "letter-o-for-zero", "1968103O1993082121", KP_CORE_ERROR_NOT_DIGITS, "O" },
  { "inner-space", "19681030 199308 2 121", KP_CORE_ERROR_NOT_DIGITS, "9" },
  { "dashes", "19681030-199308-2-121", KP_CORE_ERROR_NOT_DIGITS, "-" },
  { "fullwidth-digits", "１９６８１０３０１９９３０８２１２１", KP_CORE_ERROR_NOT_DIGITS, NULL },
  { "invalid-utf8", "1968103019930821\xff", KP_CORE_ERROR_NOT_DIGITS, NULL },
  { "birth-month-13", "199013011993082121", KP_CORE_ERROR_DATE, "1990-13-01" },
  { "birth-month-13-day-99", "199013992015031001", KP_CORE_ERROR_DATE, "1990-13-99" },
  { "birth-feb-31", "199002312015031001", KP_CORE_ERROR_DATE, "1990-02-31" },
  { "birth-feb-29-non-leap", "199102292015031001", KP_CORE_ERROR_DATE, "1991-02-29" },
  { "birth-day-00", "199001002015031001", KP_CORE_ERROR_DATE, "1990-01-00" },
  { "birth-month-00", "199000102015031001", KP_CORE_ERROR_DATE, "1990-00-10" },
  { "birth-year-0000", "000001012015031001", KP_CORE_ERROR_DATE, "0000-01-01" },
  { "tmt-month-00", "196810301993002121", KP_CORE_ERROR_DATE, "1993-00" },
  { "tmt-month-13", "196810301993132121", KP_CORE_ERROR_DATE, "1993-13" },
  { "tmt-year-1899", "186810301899082121", KP_CORE_ERROR_DATE, "1899-08" },
  { "tmt-before-18", "199006152008051001", KP_CORE_ERROR_RANGE, "2008-05" },
  { "tmt-month-before-18th-birthday", "200005202018041001", KP_CORE_ERROR_RANGE, "2018-04" },
  { "tmt-before-birth", "199006151985011001", KP_CORE_ERROR_RANGE, "1985-01" },
  { "sex-digit-3", "196810301993083121", KP_CORE_ERROR_UNKNOWN_VALUE, "3" },
  { "sex-digit-0", "196810301993080121", KP_CORE_ERROR_UNKNOWN_VALUE, "0" },
  { "sex-digit-9", "196810301993089121", KP_CORE_ERROR_UNKNOWN_VALUE, "9" },
  { "sequence-000", "196810301993082000", KP_CORE_ERROR_RANGE, "000" },
  /* Several faults: the first in the documented order is reported. */
  { "first-fault-length-over-date", "19901399", KP_CORE_ERROR_LENGTH, "8" },
  { "first-fault-birth-over-sex", "199013011993083000", KP_CORE_ERROR_DATE, "1990-13-01" },
  { "first-fault-tmt-over-sex", "196810301993133000", KP_CORE_ERROR_DATE, "1993-13" },
  { "first-fault-18-over-sex", "199006152008053000", KP_CORE_ERROR_RANGE, "2008-05" },
  { "first-fault-sex-over-sequence", "196810301993083000", KP_CORE_ERROR_UNKNOWN_VALUE, "3" },
};

static void
test_valid (gconstpointer data)
{
  const ValidNip *c = data;
  g_autoptr(GError) error = NULL;
  KpNip nip;
  gboolean ok;

  memset (&nip, 0xAA, sizeof nip);
  ok = kp_nip_parse (c->input, &nip, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_date (&nip.birth, c->birth_year, c->birth_month, c->birth_day);
  g_assert_cmpint (nip.tmt_year, ==, c->tmt_year);
  g_assert_cmpint (nip.tmt_month, ==, c->tmt_month);
  g_assert_cmpint (nip.sex, ==, c->sex);
  g_assert_cmpint (nip.sequence, ==, c->sequence);

  /* Validation alone, without a result. */
  g_assert_true (kp_nip_parse (c->input, NULL, NULL));
}

static void
test_invalid (gconstpointer data)
{
  const InvalidNip *c = data;
  g_autoptr(GError) error = NULL;
  KpNip nip;

  g_assert_false (kp_nip_parse (c->input, &nip, &error));
  assert_core_error (error, c->code, c->fragment);

  g_assert_false (kp_nip_parse (c->input, NULL, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (valid_nips); i++)
    add_case ("/nip/valid", valid_nips[i].name, &valid_nips[i], test_valid);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid_nips); i++)
    add_case ("/nip/invalid", invalid_nips[i].name, &invalid_nips[i], test_invalid);

  return g_test_run ();
}
