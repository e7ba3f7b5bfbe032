/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-util.h: assertions shared by the core tests. */
#pragma once

#include <string.h>
#include <glib.h>

#include "kompeten/kp-core.h"

/* A user sees only the message, so besides the domain and code it must be there, be valid
 * UTF-8 and, when @fragment is given, mention that concrete value (a number, the input). The
 * fragments are language-neutral so the tests pass under any locale. */
static inline void
assert_core_error (const GError *error, KpCoreError code, const char *fragment)
{
  g_assert_error (error, KP_CORE_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message “%s” does not mention “%s”", error->message, fragment);
}

static inline void
assert_date (const GDate *date, int year, int month, int day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

/* Registers one test per table row, named @prefix/@name, so a failure names its row. */
static inline void
add_case (const char *prefix, const char *name, gconstpointer row, GTestDataFunc func)
{
  g_autofree char *path = g_strdup_printf ("%s/%s", prefix, name);

  g_test_add_data_func (path, row, func);
}
