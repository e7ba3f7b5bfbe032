/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"

#define NIP_LENGTH 18
#define MIN_TMT_YEAR 1900
#define ADULT_AGE 18

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

/* Returns the first character that is not an ASCII digit, or NULL. */
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
kp_nip_parse (const char *text, KpNip *nip, GError **error)
{
  g_autofree char *s = NULL;
  const char *bad;
  gsize length;
  int birth_year, birth_month, birth_day;
  int tmt_year, tmt_month;
  int sex_digit, sequence;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Squashing trims the outside (NBSP included) and keeps a space inside, which the digit
   * check below then reports. */
  s = kp_text_squash (text != NULL ? text : "");
  if (s[0] == '\0')
    {
      g_set_error_literal (error, KP_CORE_ERROR, KP_CORE_ERROR_EMPTY, _("The NIP is empty"));
      return FALSE;
    }

  /* Digits are checked before the length so that "19681030 199308 2 121" is reported for its
   * spaces rather than as 21 characters long. */
  bad = find_non_digit (s);
  if (bad != NULL)
    {
      g_autofree char *ch = g_utf8_substring (bad, 0, 1);
      glong position = g_utf8_pointer_to_offset (s, bad) + 1;

      /* A space would show as an invisible “ ”, so it gets its own message. */
      if (*bad == ' ')
        g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_NOT_DIGITS,
                     /* Translators: %ld is a position in the number (1 = first character) */
                     _("NIP contains a space at position %ld: type only the digits"),
                     position);
      else
        g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_NOT_DIGITS,
                     /* Translators: %s is the offending character, %ld its position (1 = first) */
                     _("NIP contains characters other than digits: “%s” at position %ld"),
                     ch, position);
      return FALSE;
    }

  length = strlen (s);
  if (length != NIP_LENGTH)
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_LENGTH,
                   /* Translators: %d is the number of digits that was found */
                   _("NIP must have 18 digits, found %d"), (int) MIN (length, G_MAXINT));
      return FALSE;
    }

  birth_year = digits_value (s, 4);
  birth_month = digits_value (s + 4, 2);
  birth_day = digits_value (s + 6, 2);
  tmt_year = digits_value (s + 8, 4);
  tmt_month = digits_value (s + 12, 2);
  sex_digit = digits_value (s + 14, 1);
  sequence = digits_value (s + 15, 3);

  if (birth_month < 1 || birth_month > 12 || birth_day < 1 ||
      !g_date_valid_dmy ((GDateDay) birth_day, (GDateMonth) birth_month, (GDateYear) birth_year))
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_DATE,
                   /* Translators: the date is shown as it is written in the NIP, YYYY-MM-DD */
                   _("The birth date in the NIP (%.4s-%.2s-%.2s) is not a real date"),
                   s, s + 4, s + 6);
      return FALSE;
    }

  if (tmt_month < 1 || tmt_month > 12)
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_DATE,
                   /* Translators: TMT (appointment) month as written in the NIP, YYYY-MM */
                   _("The appointment month in the NIP (%.4s-%.2s) is not a real month"),
                   s + 8, s + 12);
      return FALSE;
    }

  if (tmt_year < MIN_TMT_YEAR)
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_DATE,
                   /* Translators: TMT (appointment) month as written in the NIP, YYYY-MM;
                    * %d is a year */
                   _("The appointment month in the NIP (%.4s-%.2s) is before %d"),
                   s + 8, s + 12, MIN_TMT_YEAR);
      return FALSE;
    }

  /* The TMT has only a month, so the comparison is by month: appointment in the month of the
   * 18th birthday is accepted. */
  if (tmt_year * 12 + tmt_month < (birth_year + ADULT_AGE) * 12 + birth_month)
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_RANGE,
                   /* Translators: the first date is the TMT (appointment) month, YYYY-MM; the
                    * second is the 18th birthday, YYYY-MM-DD */
                   _("The appointment date in the NIP (%.4s-%.2s) is before the 18th birthday (%04d-%.2s-%.2s)"),
                   s + 8, s + 12, birth_year + ADULT_AGE, s + 4, s + 6);
      return FALSE;
    }

  if (sex_digit != KP_SEX_MALE && sex_digit != KP_SEX_FEMALE)
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_UNKNOWN_VALUE,
                   /* Translators: %d is the 15th digit of the NIP */
                   _("The sex digit in the NIP must be 1 or 2, found %d"), sex_digit);
      return FALSE;
    }

  if (sequence < 1)
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_RANGE,
                   /* Translators: %s is the last three digits of the NIP */
                   _("The sequence number in the NIP must be 001–999, found %s"), s + 15);
      return FALSE;
    }

  if (nip != NULL)
    {
      g_date_clear (&nip->birth, 1);
      g_date_set_dmy (&nip->birth, (GDateDay) birth_day, (GDateMonth) birth_month,
                      (GDateYear) birth_year);
      nip->tmt_year = tmt_year;
      nip->tmt_month = tmt_month;
      nip->sex = (KpSex) sex_digit;
      nip->sequence = sequence;
    }

  return TRUE;
}
