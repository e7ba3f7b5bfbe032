/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-check.c: the rules of one register row (see kp-employee-private.h). */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kp-employee-private.h"

static const struct {
  const char *column;
  const char *label;
} fields[KP_EMPLOYEE_N_FIELDS] = {
  { "nip", N_("NIP") },
  { "nama", N_("Name") },
  { "jenis_kelamin", N_("Sex") },
  { "tempat_lahir", N_("Birth place") },
  { "tanggal_lahir", N_("Birth date") },
  { "pendidikan", N_("Education") },
  { "golongan", N_("Grade") },
  { "jabatan", N_("Position") },
  { "jenis_jabatan", N_("Position kind") },
  { "unit_kerja", N_("Unit") },
  { "nip_atasan", N_("Supervisor NIP") },
  { "email", N_("Email") },
  { "telepon", N_("Phone") },
};

const char *
kp_employee_field_get_column (KpEmployeeField field)
{
  g_return_val_if_fail (field >= 0 && field < KP_EMPLOYEE_N_FIELDS, "");
  return fields[field].column;
}

const char *
kp_employee_field_get_label (KpEmployeeField field)
{
  if (field < 0 || field >= KP_EMPLOYEE_N_FIELDS)
    return _("(ignored)");
  return _(fields[field].label);
}

void
_kp_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

void
_kp_employee_values_clear (KpEmployeeValues *values)
{
  g_free (values->name);
  g_free (values->birth_place);
  g_free (values->education);
  g_free (values->position);
  g_free (values->unit);
  g_free (values->supervisor_nip);
  g_free (values->email);
  g_free (values->phone);
  memset (values, 0, sizeof *values);
  values->grade = -1;
  values->kind = -1;
}

typedef struct {
  KpProblemFunc report;
  gpointer user_data;
  gboolean ok;
} Check;

static void
fail (Check *check, KpEmployeeField field, const char *value, const char *reason)
{
  check->ok = FALSE;
  if (check->report != NULL)
    check->report (field, value, reason, FALSE, check->user_data);
}

static void
warn (Check *check, KpEmployeeField field, const char *value, const char *reason)
{
  if (check->report != NULL)
    check->report (field, value, reason, TRUE, check->user_data);
}

/* Squashes a free-text field and enforces the length limit. NULL if the column is absent. */
static char *
clean_text (Check *check, const char *const text[], KpEmployeeField field, guint max_chars)
{
  char *clean;

  if (text[field] == NULL)
    return NULL;
  clean = kp_text_squash (text[field]);
  /* Bytes bound characters from above: count characters only when it matters. */
  if (strlen (clean) > max_chars && g_utf8_strlen (clean, -1) > (glong) max_chars)
    {
      g_autofree char *reason =
        /* Translators: %u is a number of characters. */
        g_strdup_printf (_("Longer than %u characters"), max_chars);
      fail (check, field, text[field], reason);
    }
  return clean;
}

static void
check_nip (Check *check, const char *const text[], KpEmployeeValues *out, KpNip *nip)
{
  GError *error = NULL;
  g_autofree char *clean = NULL;

  if (text[KP_EMPLOYEE_FIELD_NIP] == NULL)
    return;
  clean = g_strstrip (g_strdup (text[KP_EMPLOYEE_FIELD_NIP]));
  if (!kp_nip_parse (clean, nip, &error))
    {
      fail (check, KP_EMPLOYEE_FIELD_NIP, text[KP_EMPLOYEE_FIELD_NIP], error->message);
      g_error_free (error);
      g_date_clear (&nip->birth, 1);
      return;
    }
  g_strlcpy (out->nip, clean, sizeof out->nip);
}

gboolean
_kp_employee_validate (const char *const text[KP_EMPLOYEE_N_FIELDS], const GDate *today,
                       KpEmployeeValues *out, KpProblemFunc report, gpointer user_data)
{
  Check check = { report, user_data, TRUE };
  KpNip nip = { 0 };
  KpSex sex = KP_SEX_UNKNOWN;
  GDate birth;
  gboolean have_birth = FALSE;
  GError *error = NULL;

  _kp_employee_values_clear (out);
  g_date_clear (&birth, 1);

  /* Any field of any length first: a 10 MB cell is refused before it is looked at. */
  for (int f = 0; f < KP_EMPLOYEE_N_FIELDS; f++)
    if (text[f] != NULL && strlen (text[f]) > KP_FIELD_MAX_CHARS * 4)
      {
        g_autofree char *reason =
          g_strdup_printf (_("Longer than %u characters"), KP_FIELD_MAX_CHARS);
        fail (&check, f, text[f], reason);
        return FALSE;
      }

  check_nip (&check, text, out, &nip);

  out->name = clean_text (&check, text, KP_EMPLOYEE_FIELD_NAME, KP_NAME_MAX_CHARS);
  if (out->name != NULL && *out->name == '\0')
    fail (&check, KP_EMPLOYEE_FIELD_NAME, text[KP_EMPLOYEE_FIELD_NAME], _("The name is empty"));

  if (text[KP_EMPLOYEE_FIELD_SEX] != NULL)
    {
      sex = kp_sex_parse (text[KP_EMPLOYEE_FIELD_SEX]);
      if (sex == KP_SEX_UNKNOWN)
        fail (&check, KP_EMPLOYEE_FIELD_SEX, text[KP_EMPLOYEE_FIELD_SEX],
              _("The sex must be L (male) or P (female)"));
      else
        g_strlcpy (out->sex, kp_sex_to_code (sex), sizeof out->sex);
    }

  if (text[KP_EMPLOYEE_FIELD_BIRTH_DATE] != NULL)
    {
      if (!kp_date_parse (text[KP_EMPLOYEE_FIELD_BIRTH_DATE], KP_DATE_FORMAT_ANY, &birth,
                          &out->date_format, &error) ||
          !kp_birth_date_check (&birth, today, &error))
        {
          fail (&check, KP_EMPLOYEE_FIELD_BIRTH_DATE, text[KP_EMPLOYEE_FIELD_BIRTH_DATE],
                error->message);
          g_clear_error (&error);
        }
      else
        {
          kp_date_to_iso (&birth, out->birth_date);
          have_birth = TRUE;
        }
    }

  /* Disagreements with the NIP are warnings: the NIP is what BKN issued, the other column may
   * be the one that is wrong, and the officer decides. */
  if (*out->nip != '\0' && sex != KP_SEX_UNKNOWN && nip.sex != sex)
    {
      g_autofree char *reason =
        /* Translators: %s is "L" or "P"; the NIP's 15th digit gives the sex. */
        g_strdup_printf (_("The NIP says %s but the sex column says %s"),
                         kp_sex_to_code (nip.sex), kp_sex_to_code (sex));
      warn (&check, KP_EMPLOYEE_FIELD_SEX, text[KP_EMPLOYEE_FIELD_SEX], reason);
    }
  if (*out->nip != '\0' && have_birth && g_date_valid (&nip.birth) &&
      g_date_compare (&nip.birth, &birth) != 0)
    {
      char nip_birth[11];
      g_autofree char *reason = NULL;

      kp_date_to_iso (&nip.birth, nip_birth);
      /* Translators: %s is a date YYYY-MM-DD. */
      reason = g_strdup_printf (_("The birth date differs from the one in the NIP (%s)"), nip_birth);
      warn (&check, KP_EMPLOYEE_FIELD_BIRTH_DATE, text[KP_EMPLOYEE_FIELD_BIRTH_DATE], reason);
    }

  out->birth_place = clean_text (&check, text, KP_EMPLOYEE_FIELD_BIRTH_PLACE, KP_FIELD_MAX_CHARS);
  out->education = clean_text (&check, text, KP_EMPLOYEE_FIELD_EDUCATION, KP_FIELD_MAX_CHARS);

  if (text[KP_EMPLOYEE_FIELD_GRADE] != NULL)
    {
      out->grade = kp_grade_parse (text[KP_EMPLOYEE_FIELD_GRADE], &error);
      if (out->grade < 0)
        {
          fail (&check, KP_EMPLOYEE_FIELD_GRADE, text[KP_EMPLOYEE_FIELD_GRADE], error->message);
          g_clear_error (&error);
        }
    }

  out->position = clean_text (&check, text, KP_EMPLOYEE_FIELD_POSITION, KP_NAME_MAX_CHARS);
  if (out->position != NULL && *out->position == '\0')
    fail (&check, KP_EMPLOYEE_FIELD_POSITION, text[KP_EMPLOYEE_FIELD_POSITION],
          _("The position is empty"));

  if (text[KP_EMPLOYEE_FIELD_KIND] != NULL)
    {
      out->kind = kp_position_kind_parse (text[KP_EMPLOYEE_FIELD_KIND], &error);
      if (out->kind < 0)
        {
          fail (&check, KP_EMPLOYEE_FIELD_KIND, text[KP_EMPLOYEE_FIELD_KIND], error->message);
          g_clear_error (&error);
        }
    }

  out->unit = clean_text (&check, text, KP_EMPLOYEE_FIELD_UNIT, KP_NAME_MAX_CHARS);
  if (out->unit != NULL && *out->unit == '\0')
    fail (&check, KP_EMPLOYEE_FIELD_UNIT, text[KP_EMPLOYEE_FIELD_UNIT], _("The unit is empty"));

  if (text[KP_EMPLOYEE_FIELD_SUPERVISOR_NIP] != NULL)
    {
      out->supervisor_nip = g_strstrip (g_strdup (text[KP_EMPLOYEE_FIELD_SUPERVISOR_NIP]));
      if (*out->supervisor_nip != '\0' && *out->nip != '\0' &&
          strcmp (out->supervisor_nip, out->nip) == 0)
        fail (&check, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP, text[KP_EMPLOYEE_FIELD_SUPERVISOR_NIP],
              _("An employee cannot be their own supervisor"));
      else if (*out->supervisor_nip != '\0' && !kp_nip_parse (out->supervisor_nip, NULL, &error))
        {
          /* A malformed supervisor NIP cannot name anyone: stored empty, like an unknown one. */
          g_autofree char *reason =
            g_strdup_printf (_("The supervisor NIP is not valid (%s): stored empty"),
                             error->message);
          warn (&check, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP, text[KP_EMPLOYEE_FIELD_SUPERVISOR_NIP],
                reason);
          g_clear_error (&error);
          *out->supervisor_nip = '\0';
        }
    }

  out->email = clean_text (&check, text, KP_EMPLOYEE_FIELD_EMAIL, KP_NAME_MAX_CHARS);
  if (out->email != NULL && *out->email != '\0' &&
      (strchr (out->email, '@') == NULL || strchr (out->email, ' ') != NULL))
    warn (&check, KP_EMPLOYEE_FIELD_EMAIL, text[KP_EMPLOYEE_FIELD_EMAIL],
          _("This does not look like an email address"));
  out->phone = clean_text (&check, text, KP_EMPLOYEE_FIELD_PHONE, KP_NAME_MAX_CHARS);

  return check.ok;
}
