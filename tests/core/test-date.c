/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core-test-util.h"

typedef struct {
  const char *name;
  const char *input;
  KpDateFormat format;
  int year, month, day;
  KpDateFormat detected;
} ValidDate;

static const ValidDate valid_dates[] = {
  { "iso", "1990-02-03", KP_DATE_FORMAT_ANY, 1990, 2, 3, KP_DATE_FORMAT_ISO },
  { "dmy-dash", "03-02-1990", KP_DATE_FORMAT_ANY, 1990, 2, 3, KP_DATE_FORMAT_DMY_DASH },
  { "dmy-slash", "03/02/1990", KP_DATE_FORMAT_ANY, 1990, 2, 3, KP_DATE_FORMAT_DMY_SLASH },
  { "dmy-slash-one-digit", "3/2/1990", KP_DATE_FORMAT_ANY, 1990, 2, 3, KP_DATE_FORMAT_DMY_SLASH },
  { "dmy-dash-one-digit", "3-2-1990", KP_DATE_FORMAT_ANY, 1990, 2, 3, KP_DATE_FORMAT_DMY_DASH },
  { "iso-one-digit", "1990-2-3", KP_DATE_FORMAT_ANY, 1990, 2, 3, KP_DATE_FORMAT_ISO },
  { "day-after-month", "12/11/2001", KP_DATE_FORMAT_ANY, 2001, 11, 12, KP_DATE_FORMAT_DMY_SLASH },
  { "white-space", "  1990-02-03 \n", KP_DATE_FORMAT_ANY, 1990, 2, 3, KP_DATE_FORMAT_ISO },
  { "nbsp", "\u00a003/02/1990\u00a0", KP_DATE_FORMAT_ANY, 1990, 2, 3, KP_DATE_FORMAT_DMY_SLASH },
  { "leap-2024", "29/02/2024", KP_DATE_FORMAT_ANY, 2024, 2, 29, KP_DATE_FORMAT_DMY_SLASH },
  { "leap-2000", "29-02-2000", KP_DATE_FORMAT_ANY, 2000, 2, 29, KP_DATE_FORMAT_DMY_DASH },
  { "april-30", "30/04/2023", KP_DATE_FORMAT_ANY, 2023, 4, 30, KP_DATE_FORMAT_DMY_SLASH },
  { "first-year", "1800-01-01", KP_DATE_FORMAT_ANY, 1800, 1, 1, KP_DATE_FORMAT_ISO },
  { "last-year", "31/12/2999", KP_DATE_FORMAT_ANY, 2999, 12, 31, KP_DATE_FORMAT_DMY_SLASH },
  { "forced-iso", "1990-02-03", KP_DATE_FORMAT_ISO, 1990, 2, 3, KP_DATE_FORMAT_ISO },
  { "forced-dmy-dash", "03-02-1990", KP_DATE_FORMAT_DMY_DASH, 1990, 2, 3, KP_DATE_FORMAT_DMY_DASH },
  { "forced-dmy-slash", "03/02/1990", KP_DATE_FORMAT_DMY_SLASH, 1990, 2, 3, KP_DATE_FORMAT_DMY_SLASH },
};

typedef struct {
  const char *name;
  const char *input;
  KpDateFormat format;
  KpCoreError code;
  const char *fragment;
} InvalidDate;

static const InvalidDate invalid_dates[] = {
  { "null", NULL, KP_DATE_FORMAT_ANY, KP_CORE_ERROR_EMPTY, NULL },
  { "empty", "", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_EMPTY, NULL },
  { "blank", " \t ", KP_DATE_FORMAT_ISO, KP_CORE_ERROR_EMPTY, NULL },
  { "april-31", "31/04/2023", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "31/04/2023" },
  { "feb-29-2023", "29/02/2023", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "29/02/2023" },
  { "feb-29-1900", "29-02-1900", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "29-02-1900" },
  { "feb-31-iso", "1990-02-31", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "1990-02-31" },
  { "feb-31-short", "1990-2-31", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "1990-2-31" },
  { "feb-31-slash", "31/02/1990", KP_DATE_FORMAT_DMY_SLASH, KP_CORE_ERROR_DATE, "31/02/1990" },
  { "month-13", "1990-13-01", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "1990-13-01" },
  { "month-0", "01/00/1990", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "01/00/1990" },
  { "day-0", "00/01/1990", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "00/01/1990" },
  { "day-32", "32-01-1990", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "32-01-1990" },
  { "year-slash-first", "1990/02/03", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "1990/02/03" },
  { "dots", "03.02.1990", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "03.02.1990" },
  { "words", "3 Feb 1990", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "3 Feb 1990" },
  { "two-digit-year", "03-02-90", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "03-02-90" },
  { "no-separator", "19900203", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, "19900203" },
  { "mixed-separators", "03/02-1990", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, NULL },
  { "four-fields", "1990-02-03-04", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, NULL },
  { "empty-field", "1990--03", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, NULL },
  { "three-digit-day", "003/02/1990", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, NULL },
  { "five-digit-year", "03/02/19900", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, NULL },
  { "trailing-text", "1990-02-03x", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, NULL },
  { "iso-given-slash", "1990-02-03", KP_DATE_FORMAT_DMY_SLASH, KP_CORE_ERROR_DATE, "1990-02-03" },
  { "slash-given-iso", "03/02/1990", KP_DATE_FORMAT_ISO, KP_CORE_ERROR_DATE, "03/02/1990" },
  { "dash-given-iso", "03-02-1990", KP_DATE_FORMAT_ISO, KP_CORE_ERROR_DATE, NULL },
  { "iso-given-dash", "1990-02-03", KP_DATE_FORMAT_DMY_DASH, KP_CORE_ERROR_DATE, NULL },
  { "year-1799", "1799-12-31", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_RANGE, "1799" },
  { "year-3000", "01/01/3000", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_RANGE, "3000" },
  { "year-0000", "0000-01-01", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_RANGE, NULL },
  { "invalid-utf8", "03/02/\xff", KP_DATE_FORMAT_ANY, KP_CORE_ERROR_DATE, NULL },
};

static void
test_parse_valid (gconstpointer data)
{
  const ValidDate *c = data;
  g_autoptr(GError) error = NULL;
  KpDateFormat detected = KP_DATE_FORMAT_ANY;
  GDate date;
  gboolean ok;

  ok = kp_date_parse (c->input, c->format, &date, &detected, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_date (&date, c->year, c->month, c->day);
  g_assert_cmpint (detected, ==, c->detected);

  /* @detected is optional. */
  g_assert_true (kp_date_parse (c->input, c->format, &date, NULL, NULL));
}

static void
test_parse_invalid (gconstpointer data)
{
  const InvalidDate *c = data;
  g_autoptr(GError) error = NULL;
  KpDateFormat detected = (KpDateFormat) 42;
  GDate date;

  g_assert_false (kp_date_parse (c->input, c->format, &date, &detected, &error));
  assert_core_error (error, c->code, c->fragment);
  g_assert_cmpint (detected, ==, 42);

  g_assert_false (kp_date_parse (c->input, c->format, &date, NULL, NULL));
}

static void
test_to_iso (void)
{
  static const struct { int y, m, d; const char *iso; } cases[] = {
    { 1990, 2, 3, "1990-02-03" },
    { 1800, 1, 1, "1800-01-01" },
    { 2999, 12, 31, "2999-12-31" },
    { 2024, 2, 29, "2024-02-29" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      char buf[11];
      GDate back;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, cases[i].d, cases[i].m, cases[i].y);
      kp_date_to_iso (&date, buf);
      g_assert_cmpstr (buf, ==, cases[i].iso);

      /* What is written must read back as the same day. */
      g_assert_true (kp_date_parse (buf, KP_DATE_FORMAT_ISO, &back, NULL, NULL));
      g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
    }
}

static void
test_format_to_string (void)
{
  const char *names[4];

  names[0] = kp_date_format_to_string (KP_DATE_FORMAT_ANY);
  names[1] = kp_date_format_to_string (KP_DATE_FORMAT_ISO);
  names[2] = kp_date_format_to_string (KP_DATE_FORMAT_DMY_DASH);
  names[3] = kp_date_format_to_string (KP_DATE_FORMAT_DMY_SLASH);

  for (int i = 0; i < 4; i++)
    {
      g_assert_nonnull (names[i]);
      g_assert_cmpstr (names[i], !=, "");
      for (int j = 0; j < i; j++)
        g_assert_cmpstr (names[i], !=, names[j]);
    }
}

typedef struct {
  const char *name;
  int year, month, day;
  gboolean valid;
  const char *fragment;
} BirthCase;

/* Today is 2024-06-15 in all of these. */
static const BirthCase birth_cases[] = {
  { "ordinary", 1990, 2, 3, TRUE, NULL },
  { "today", 2024, 6, 15, TRUE, NULL },
  { "tomorrow", 2024, 6, 16, FALSE, "2024-06-16" },
  { "next-year", 2025, 1, 1, FALSE, "2025-01-01" },
  { "first-day-1900", 1900, 1, 1, TRUE, NULL },
  { "last-day-1899", 1899, 12, 31, FALSE, "1899-12-31" },
  { "year-1850", 1850, 6, 1, FALSE, "1850-06-01" },
};

static void
test_birth_date_check (gconstpointer data)
{
  const BirthCase *c = data;
  g_autoptr(GError) error = NULL;
  GDate today;
  GDate birth;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2024);
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, c->day, c->month, c->year);

  if (c->valid)
    {
      g_assert_true (kp_birth_date_check (&birth, &today, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_assert_false (kp_birth_date_check (&birth, &today, &error));
      assert_core_error (error, KP_CORE_ERROR_RANGE, c->fragment);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (valid_dates); i++)
    add_case ("/date/parse/valid", valid_dates[i].name, &valid_dates[i], test_parse_valid);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid_dates); i++)
    add_case ("/date/parse/invalid", invalid_dates[i].name, &invalid_dates[i], test_parse_invalid);
  g_test_add_func ("/date/to-iso", test_to_iso);
  g_test_add_func ("/date/format-to-string", test_format_to_string);
  for (gsize i = 0; i < G_N_ELEMENTS (birth_cases); i++)
    add_case ("/date/birth-check", birth_cases[i].name, &birth_cases[i], test_birth_date_check);

  return g_test_run ();
}
