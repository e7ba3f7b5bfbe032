/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"

#define MIN_YEAR 1800
#define MAX_YEAR 2999
#define MIN_BIRTH_YEAR 1900

typedef struct {
  int value;
  int n_digits;
} Field;

/* Splits "dd?sep?mm?sep?yyyy" into three runs of digits. No run may be longer than four digits,
 * which also keeps the values far from overflowing. */
static gboolean
split_fields (const char *text, char sep, Field fields[3])
{
  int i = 0;

  for (int j = 0; j < 3; j++)
    fields[j] = (Field) { 0, 0 };

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (fields[i].n_digits == 4)
            return FALSE;
          fields[i].value = fields[i].value * 10 + (*p - '0');
          fields[i].n_digits++;
        }
      else if (*p == sep)
        {
          if (fields[i].n_digits == 0 || i == 2)
            return FALSE;
          i++;
        }
      else
        {
          return FALSE;
        }
    }

  return i == 2 && fields[2].n_digits > 0;
}

static KpDateFormat
detect_format (const char *text)
{
  if (strchr (text, '/') != NULL)
    return KP_DATE_FORMAT_DMY_SLASH;

  if (strchr (text, '-') != NULL)
    {
      gsize lead = strspn (text, "0123456789");

      return lead == 4 ? KP_DATE_FORMAT_ISO : KP_DATE_FORMAT_DMY_DASH;
    }

  return KP_DATE_FORMAT_ANY;
}

static gboolean
is_day_or_month (const Field *field)
{
  return field->n_digits == 1 || field->n_digits == 2;
}

/* Reads @text as @format (never ANY) into day, month and year; FALSE when the shape is wrong. */
static gboolean
read_fields (const char *text, KpDateFormat format, int *day, int *month, int *year)
{
  Field f[3];
  char sep = format == KP_DATE_FORMAT_DMY_SLASH ? '/' : '-';

  g_assert (format != KP_DATE_FORMAT_ANY);

  if (!split_fields (text, sep, f))
    return FALSE;

  if (format == KP_DATE_FORMAT_ISO)
    {
      if (f[0].n_digits != 4 || !is_day_or_month (&f[1]) || !is_day_or_month (&f[2]))
        return FALSE;
      *year = f[0].value;
      *month = f[1].value;
      *day = f[2].value;
    }
  else
    {
      if (!is_day_or_month (&f[0]) || !is_day_or_month (&f[1]) || f[2].n_digits != 4)
        return FALSE;
      *day = f[0].value;
      *month = f[1].value;
      *year = f[2].value;
    }

  return TRUE;
}

gboolean
kp_date_parse (const char   *text,
               KpDateFormat  format,
               GDate        *date,
               KpDateFormat *detected,
               GError      **error)
{
  g_autofree char *trimmed = NULL;
  KpDateFormat used;
  int day = 0;
  int month = 0;
  int year = 0;

  g_return_val_if_fail (format >= KP_DATE_FORMAT_ANY && format <= KP_DATE_FORMAT_DMY_SLASH, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = kp_text_squash (text != NULL ? text : "");
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, KP_CORE_ERROR, KP_CORE_ERROR_EMPTY, _("The date is empty"));
      return FALSE;
    }

  used = format != KP_DATE_FORMAT_ANY ? format : detect_format (trimmed);
  if (used == KP_DATE_FORMAT_ANY || !read_fields (trimmed, used, &day, &month, &year))
    {
      if (format == KP_DATE_FORMAT_ANY)
        g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_DATE,
                     /* Translators: %s is the text that was typed or imported */
                     _("“%s” is not a date: use YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY"),
                     trimmed);
      else
        g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_DATE,
                     /* Translators: the first %s is the text that was typed or imported, the
                      * second the expected form, such as DD/MM/YYYY */
                     _("“%s” is not a date in the form %s"),
                     trimmed, kp_date_format_to_string (format));
      return FALSE;
    }

  if (year < MIN_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_RANGE,
                   /* Translators: %s is a date as typed; the years are the accepted range */
                   _("The year in %s must be between %d and %d"),
                   trimmed, MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  if (month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_DATE,
                   /* Translators: %s is a date as typed, such as 31/02/1990 */
                   _("%s is not a real calendar date"), trimmed);
      return FALSE;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (detected != NULL)
    *detected = used;

  return TRUE;
}

void
kp_date_to_iso (const GDate *date, char buf[11])
{
  g_return_if_fail (buf != NULL);

  buf[0] = '\0';
  g_return_if_fail (date != NULL && g_date_valid (date));

  /* By hand: this runs for every row of a 100,000-row import, and printf is the slow part. */
  {
    guint year = g_date_get_year (date);
    guint month = g_date_get_month (date);
    guint day = g_date_get_day (date);

    buf[0] = '0' + year / 1000 % 10;
    buf[1] = '0' + year / 100 % 10;
    buf[2] = '0' + year / 10 % 10;
    buf[3] = '0' + year % 10;
    buf[4] = '-';
    buf[5] = '0' + month / 10;
    buf[6] = '0' + month % 10;
    buf[7] = '-';
    buf[8] = '0' + day / 10;
    buf[9] = '0' + day % 10;
    buf[10] = '\0';
  }
}

const char *
kp_date_format_to_string (KpDateFormat format)
{
  switch (format)
    {
    case KP_DATE_FORMAT_ISO:
      /* Translators: a date format shown in previews: Y year, M month, D day */
      return _("YYYY-MM-DD");
    case KP_DATE_FORMAT_DMY_DASH:
      /* Translators: a date format shown in previews: D day, M month, Y year */
      return _("DD-MM-YYYY");
    case KP_DATE_FORMAT_DMY_SLASH:
      /* Translators: a date format shown in previews: D day, M month, Y year */
      return _("DD/MM/YYYY");
    case KP_DATE_FORMAT_ANY:
    default:
      /* Translators: a date format choice: the format is detected for every value */
      return _("Any (detected per value)");
    }
}

gboolean
kp_birth_date_check (const GDate *birth, const GDate *today, GError **error)
{
  GDate earliest;
  char iso[11];

  g_return_val_if_fail (birth != NULL && g_date_valid (birth), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_date_compare (birth, today) > 0)
    {
      kp_date_to_iso (birth, iso);
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_RANGE,
                   /* Translators: %s is a date in the form YYYY-MM-DD */
                   _("The birth date %s is in the future"), iso);
      return FALSE;
    }

  g_date_clear (&earliest, 1);
  g_date_set_dmy (&earliest, 1, G_DATE_JANUARY, MIN_BIRTH_YEAR);
  if (g_date_compare (birth, &earliest) < 0)
    {
      kp_date_to_iso (birth, iso);
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_RANGE,
                   /* Translators: %s is a date in the form YYYY-MM-DD, %d a year */
                   _("The birth date %s is before %d"), iso, MIN_BIRTH_YEAR);
      return FALSE;
    }

  return TRUE;
}
