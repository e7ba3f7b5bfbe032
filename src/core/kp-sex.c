/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"

typedef struct {
  const char *folded;
  KpSex sex;
} SexName;

/* Folded forms (see kp_text_fold) of the words found in personnel files and spreadsheets. */
static const SexName sex_names[] = {
  { "l", KP_SEX_MALE },
  { "laki-laki", KP_SEX_MALE },
  { "laki laki", KP_SEX_MALE },
  { "lakilaki", KP_SEX_MALE },
  { "pria", KP_SEX_MALE },
  { "p", KP_SEX_FEMALE },
  { "perempuan", KP_SEX_FEMALE },
  { "wanita", KP_SEX_FEMALE },
};

KpSex
kp_sex_parse (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return KP_SEX_UNKNOWN;
  if (strcmp (text, "L") == 0)
    return KP_SEX_MALE;
  if (strcmp (text, "P") == 0)
    return KP_SEX_FEMALE;

  folded = kp_text_fold (text);
  for (gsize i = 0; i < G_N_ELEMENTS (sex_names); i++)
    {
      if (g_str_equal (folded, sex_names[i].folded))
        return sex_names[i].sex;
    }

  return KP_SEX_UNKNOWN;
}

const char *
kp_sex_to_code (KpSex sex)
{
  switch (sex)
    {
    case KP_SEX_MALE:
      return "L";
    case KP_SEX_FEMALE:
      return "P";
    case KP_SEX_UNKNOWN:
    default:
      return NULL;
    }
}
