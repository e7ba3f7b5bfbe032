/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core-test-util.h"

typedef struct {
  const char *name;
  const char *input;
  int today_year; /* today is 15 June of this year */
  const char *region;
  KpSex sex;
  gboolean date_valid;
  int year, month, day;
  int sequence;
} ValidNik;

static const ValidNik valid_niks[] = {
  { "male", "1801011506903242", 2024, "180101", KP_SEX_MALE, TRUE, 1990, 6, 15, 3242 },
  { "female-plus-40", "1801015506903242", 2024, "180101", KP_SEX_FEMALE, TRUE, 1990, 6, 15, 3242 },
  { "female-day-41", "1801014101850001", 2024, "180101", KP_SEX_FEMALE, TRUE, 1985, 1, 1, 1 },
  { "female-day-71", "1801017112990002", 2024, "180101", KP_SEX_FEMALE, TRUE, 1999, 12, 31, 2 },
  { "male-day-01", "1871020101850001", 2024, "187102", KP_SEX_MALE, TRUE, 1985, 1, 1, 1 },
  { "male-day-31", "1801013112990002", 2024, "180101", KP_SEX_MALE, TRUE, 1999, 12, 31, 2 },
  { "white-space-around", "  1801015506903242 ", 2024, "180101", KP_SEX_FEMALE, TRUE, 1990, 6, 15, 3242 },
  /* Two-digit years: this century unless that is after today's year. */
  { "year-this-year", "1801010101240001", 2024, "180101", KP_SEX_MALE, TRUE, 2024, 1, 1, 1 },
  { "year-next-year-is-1900s", "1801010101250001", 2024, "180101", KP_SEX_MALE, TRUE, 1925, 1, 1, 1 },
  { "year-00", "1801010101000001", 2024, "180101", KP_SEX_MALE, TRUE, 2000, 1, 1, 1 },
  { "year-99", "1801010101990001", 2024, "180101", KP_SEX_MALE, TRUE, 1999, 1, 1, 1 },
  { "year-29-in-2030", "1801010101290001", 2030, "180101", KP_SEX_MALE, TRUE, 2029, 1, 1, 1 },
  { "year-29-in-2024", "1801010101290001", 2024, "180101", KP_SEX_MALE, TRUE, 1929, 1, 1, 1 },
  /* Leap days decide validity after the century is resolved. */
  { "feb-29-2000", "1801012902000001", 2024, "180101", KP_SEX_MALE, TRUE, 2000, 2, 29, 1 },
  { "feb-29-2024", "1801012902240001", 2024, "180101", KP_SEX_MALE, TRUE, 2024, 2, 29, 1 },
  { "feb-29-2023", "1801012902230001", 2024, "180101", KP_SEX_MALE, FALSE, 0, 0, 0, 1 },
  { "female-feb-29-2024", "1801016902240001", 2024, "180101", KP_SEX_FEMALE, TRUE, 2024, 2, 29, 1 },
  { "female-feb-29-2023", "1801016902230001", 2024, "180101", KP_SEX_FEMALE, FALSE, 0, 0, 0, 1 },
  /* The date part is only a warning: these parse, with date_valid unset. */
  { "april-31", "1801013104900001", 2024, "180101", KP_SEX_MALE, FALSE, 0, 0, 0, 1 },
  { "female-april-31", "1801017104900001", 2024, "180101", KP_SEX_FEMALE, FALSE, 0, 0, 0, 1 },
  { "month-13", "1801011513900001", 2024, "180101", KP_SEX_MALE, FALSE, 0, 0, 0, 1 },
  { "month-00", "1801011500900001", 2024, "180101", KP_SEX_MALE, FALSE, 0, 0, 0, 1 },
  { "day-00", "1801010006900001", 2024, "180101", KP_SEX_UNKNOWN, FALSE, 0, 0, 0, 1 },
  { "day-32", "1801013206900001", 2024, "180101", KP_SEX_UNKNOWN, FALSE, 0, 0, 0, 1 },
  { "day-40", "1801014006900001", 2024, "180101", KP_SEX_UNKNOWN, FALSE, 0, 0, 0, 1 },
  { "day-72", "1801017206900001", 2024, "180101", KP_SEX_UNKNOWN, FALSE, 0, 0, 0, 1 },
  { "sequence-0000", "1801011506900000", 2024, "180101", KP_SEX_MALE, TRUE, 1990, 6, 15, 0 },
};

typedef struct {
  const char *name;
  const char *input;
  KpCoreError code;
  const char *fragment;
} InvalidNik;

static const InvalidNik invalid_niks[] = {
  { "null", NULL, KP_CORE_ERROR_EMPTY, NULL },
  { "empty", "", KP_CORE_ERROR_EMPTY, NULL },
  { "blank", " \u00a0 ", KP_CORE_ERROR_EMPTY, NULL },
  { "15-digits", "180101550690324", KP_CORE_ERROR_LENGTH, "15" },
  { "17-digits", "18010155069032421", KP_CORE_ERROR_LENGTH, "17" },
  { "18-digits-a-nip", "196810301993082121", KP_CORE_ERROR_LENGTH, "18" },
  { "letter", "180101550690324X", KP_CORE_ERROR_NOT_DIGITS, "X" },
  { "grouped", "1801 0155 0690 3242", KP_CORE_ERROR_NOT_DIGITS, NULL },
  { "dots", "1801.0155.0690.3242", KP_CORE_ERROR_NOT_DIGITS, "." },
  { "invalid-utf8", "180101550690324\xff", KP_CORE_ERROR_NOT_DIGITS, NULL },
};

static void
set_today (GDate *today, int year)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 15, G_DATE_JUNE, year);
}

static void
test_valid (gconstpointer data)
{
  const ValidNik *c = data;
  g_autoptr(GError) error = NULL;
  GDate today;
  KpNik nik;
  gboolean ok;

  set_today (&today, c->today_year);
  memset (&nik, 0xAA, sizeof nik);
  ok = kp_nik_parse (c->input, &today, &nik, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (nik.region, ==, c->region);
  g_assert_cmpint (nik.sex, ==, c->sex);
  g_assert_cmpint (nik.sequence, ==, c->sequence);
  g_assert_cmpint (nik.date_valid, ==, c->date_valid);
  if (c->date_valid)
    assert_date (&nik.birth, c->year, c->month, c->day);
  else
    g_assert_false (g_date_valid (&nik.birth));

  g_assert_true (kp_nik_parse (c->input, &today, NULL, NULL));
}

static void
test_invalid (gconstpointer data)
{
  const InvalidNik *c = data;
  g_autoptr(GError) error = NULL;
  GDate today;
  KpNik nik;

  set_today (&today, 2024);
  g_assert_false (kp_nik_parse (c->input, &today, &nik, &error));
  assert_core_error (error, c->code, c->fragment);

  /* The NIK is protected personal data: an error message must not repeat it. */
  if (c->input != NULL && strlen (c->input) > 4)
    g_assert_null (strstr (error->message, c->input));
}

typedef struct {
  const char *name;
  const char *nik;
  int year, month, day; /* declared birth date, 0 for none */
  KpSex sex;            /* declared sex */
  KpNikWarnings expected;
} CheckCase;

static const CheckCase check_cases[] = {
  { "female-all-match", "1801015506903242", 1990, 6, 15, KP_SEX_FEMALE, KP_NIK_WARNING_NONE },
  { "male-all-match", "1801011506903242", 1990, 6, 15, KP_SEX_MALE, KP_NIK_WARNING_NONE },
  { "nothing-declared", "1801015506903242", 0, 0, 0, KP_SEX_UNKNOWN, KP_NIK_WARNING_NONE },
  { "day-differs", "1801015506903242", 1990, 6, 16, KP_SEX_FEMALE, KP_NIK_WARNING_DATE_MISMATCH },
  { "month-differs", "1801015506903242", 1990, 7, 15, KP_SEX_FEMALE, KP_NIK_WARNING_DATE_MISMATCH },
  { "year-differs", "1801015506903242", 1991, 6, 15, KP_SEX_FEMALE, KP_NIK_WARNING_DATE_MISMATCH },
  { "declared-male-nik-female", "1801015506903242", 1990, 6, 15, KP_SEX_MALE, KP_NIK_WARNING_SEX_MISMATCH },
  { "declared-female-nik-male", "1801011506903242", 1990, 6, 15, KP_SEX_FEMALE, KP_NIK_WARNING_SEX_MISMATCH },
  { "sex-only", "1801015506903242", 0, 0, 0, KP_SEX_MALE, KP_NIK_WARNING_SEX_MISMATCH },
  { "date-only", "1801015506903242", 1990, 6, 14, KP_SEX_UNKNOWN, KP_NIK_WARNING_DATE_MISMATCH },
  { "both-mismatch", "1801015506903242", 1989, 6, 15, KP_SEX_MALE,
    KP_NIK_WARNING_DATE_MISMATCH | KP_NIK_WARNING_SEX_MISMATCH },
  { "invalid-date", "1801013104900001", 1990, 4, 30, KP_SEX_MALE, KP_NIK_WARNING_DATE_INVALID },
  { "invalid-date-nothing-declared", "1801013104900001", 0, 0, 0, KP_SEX_UNKNOWN, KP_NIK_WARNING_DATE_INVALID },
  { "invalid-date-and-sex", "1801017104900001", 1990, 4, 30, KP_SEX_MALE,
    KP_NIK_WARNING_DATE_INVALID | KP_NIK_WARNING_SEX_MISMATCH },
  /* Day 35 says nothing about sex, so there is no sex to disagree with. */
  { "unknown-sex-day", "1801013506900001", 1990, 6, 5, KP_SEX_FEMALE, KP_NIK_WARNING_DATE_INVALID },
  { "leap-day-match", "1801016902240001", 2024, 2, 29, KP_SEX_FEMALE, KP_NIK_WARNING_NONE },
};

static void
test_check (gconstpointer data)
{
  const CheckCase *c = data;
  GDate today;
  GDate birth;
  KpNik nik;

  set_today (&today, 2024);
  g_assert_true (kp_nik_parse (c->nik, &today, &nik, NULL));

  if (c->year != 0)
    {
      g_date_clear (&birth, 1);
      g_date_set_dmy (&birth, c->day, c->month, c->year);
    }

  g_assert_cmphex (kp_nik_check (&nik, c->year != 0 ? &birth : NULL, c->sex), ==, c->expected);
}

typedef struct {
  const char *name;
  const char *input;
  const char *expected;
} MaskCase;

static const MaskCase mask_cases[] = {
  { "nik", "1801015506903242", "1801********3242" },
  { "other-nik", "1871020101850001", "1871********0001" },
  { "15-chars", "180101550690324", "***************" },
  { "17-chars", "18010155069032421", "*****************" },
  { "with-spaces", "1801 0155 0690 3242", "*******************" },
  { "short", "1234", "****" },
  { "empty", "", "" },
  { "null", NULL, "" },
  { "16-chars-multibyte", "ÉÉÉÉ12345678ÀÀÀÀ", "ÉÉÉÉ********ÀÀÀÀ" },
  { "invalid-utf8", "1801\xff", "*****" },
};

static void
test_mask (gconstpointer data)
{
  const MaskCase *c = data;
  g_autofree char *masked = kp_nik_mask (c->input);

  g_assert_cmpstr (masked, ==, c->expected);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (valid_niks); i++)
    add_case ("/nik/valid", valid_niks[i].name, &valid_niks[i], test_valid);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid_niks); i++)
    add_case ("/nik/invalid", invalid_niks[i].name, &invalid_niks[i], test_invalid);
  for (gsize i = 0; i < G_N_ELEMENTS (check_cases); i++)
    add_case ("/nik/check", check_cases[i].name, &check_cases[i], test_check);
  for (gsize i = 0; i < G_N_ELEMENTS (mask_cases); i++)
    add_case ("/nik/mask", mask_cases[i].name, &mask_cases[i], test_mask);

  return g_test_run ();
}
