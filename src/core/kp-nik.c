/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"

#define NIK_LENGTH 16
#define NIK_KEPT_HEAD 4
#define NIK_KEPT_TAIL 4
#define FEMALE_DAY_OFFSET 40

static int
digits_value (const char *s, int n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      g_assert (g_ascii_isdigit (s[i]));
      value = value * 10 + (s[i] - '0');
    }

  return value;
}

static const char *
find_non_digit (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isdigit (*p))
        return p;
    }

  return NULL;
}

gboolean
kp_nik_parse (const char *text, const GDate *today, KpNik *nik, GError **error)
{
  g_autofree char *s = NULL;
  const char *bad;
  gsize length;
  int day, month, year;
  KpSex sex;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = kp_text_squash (text != NULL ? text : "");
  if (s[0] == '\0')
    {
      g_set_error_literal (error, KP_CORE_ERROR, KP_CORE_ERROR_EMPTY, _("The NIK is empty"));
      return FALSE;
    }

  /* As for the NIP, digits first: a NIK typed in groups is reported for its spaces. The
   * messages never repeat the NIK itself, which is protected personal data. */
  bad = find_non_digit (s);
  if (bad != NULL)
    {
      g_autofree char *ch = g_utf8_substring (bad, 0, 1);
      glong position = g_utf8_pointer_to_offset (s, bad) + 1;

      /* A space would show as an invisible “ ”, so it gets its own message. */
      if (*bad == ' ')
        g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_NOT_DIGITS,
                     /* Translators: %ld is a position in the number (1 = first character) */
                     _("NIK contains a space at position %ld: type only the digits"),
                     position);
      else
        g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_NOT_DIGITS,
                     /* Translators: %s is the offending character, %ld its position (1 = first) */
                     _("NIK contains characters other than digits: “%s” at position %ld"),
                     ch, position);
      return FALSE;
    }

  length = strlen (s);
  if (length != NIK_LENGTH)
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_LENGTH,
                   /* Translators: %d is the number of digits that was found */
                   _("NIK must have 16 digits, found %d"), (int) MIN (length, G_MAXINT));
      return FALSE;
    }

  if (nik == NULL)
    return TRUE;

  day = digits_value (s + 6, 2);
  month = digits_value (s + 8, 2);
  year = digits_value (s + 10, 2);

  if (day >= 1 + FEMALE_DAY_OFFSET && day <= 31 + FEMALE_DAY_OFFSET)
    {
      sex = KP_SEX_FEMALE;
      day -= FEMALE_DAY_OFFSET;
    }
  else if (day >= 1 && day <= 31)
    {
      sex = KP_SEX_MALE;
    }
  else
    {
      sex = KP_SEX_UNKNOWN;
      day = 0;
    }

  /* Nobody is born after today, so a two-digit year later than today's is last century. */
  year += 2000;
  if (year > g_date_get_year (today))
    year -= 100;

  memset (nik, 0, sizeof *nik);
  memcpy (nik->region, s, 6);
  nik->region[6] = '\0';
  nik->sex = sex;
  nik->sequence = digits_value (s + 12, 4);
  g_date_clear (&nik->birth, 1);
  nik->date_valid = day != 0 && month >= 1 && month <= 12 &&
                    g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (nik->date_valid)
    g_date_set_dmy (&nik->birth, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

KpNikWarnings
kp_nik_check (const KpNik *nik, const GDate *birth, KpSex sex)
{
  KpNikWarnings warnings = KP_NIK_WARNING_NONE;

  g_return_val_if_fail (nik != NULL, KP_NIK_WARNING_NONE);

  /* An invalid date part cannot be compared, so it is reported once, as invalid. */
  if (!nik->date_valid)
    warnings |= KP_NIK_WARNING_DATE_INVALID;
  else if (birth != NULL && g_date_valid (birth))
    {
      if (g_date_get_day (&nik->birth) != g_date_get_day (birth) ||
          g_date_get_month (&nik->birth) != g_date_get_month (birth) ||
          g_date_get_year (&nik->birth) % 100 != g_date_get_year (birth) % 100)
        warnings |= KP_NIK_WARNING_DATE_MISMATCH;
    }

  if (sex != KP_SEX_UNKNOWN && nik->sex != KP_SEX_UNKNOWN && sex != nik->sex)
    warnings |= KP_NIK_WARNING_SEX_MISMATCH;

  return warnings;
}

char *
kp_nik_mask (const char *nik)
{
  g_autofree char *valid = NULL;
  glong n_chars;
  const char *head_end;
  const char *tail;
  GString *masked;

  if (nik == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (nik, -1);
  n_chars = g_utf8_strlen (valid, -1);

  /* Anything else may be a NIK with a typo or with spaces, and which part of it is safe to
   * show cannot be known; only the length is given away. */
  if (n_chars != NIK_LENGTH)
    return g_strnfill ((gsize) n_chars, '*');

  head_end = g_utf8_offset_to_pointer (valid, NIK_KEPT_HEAD);
  tail = g_utf8_offset_to_pointer (valid, NIK_LENGTH - NIK_KEPT_TAIL);

  masked = g_string_new_len (valid, head_end - valid);
  for (int i = 0; i < NIK_LENGTH - NIK_KEPT_HEAD - NIK_KEPT_TAIL; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, tail);

  return g_string_free (masked, FALSE);
}
