/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"

#define RUANG_PER_GROUP 4 /* a-d; group IV alone also has e */
#define GROUP_IV 3

static const char * const grade_names[KP_GRADE_COUNT] = {
  "I/a", "I/b", "I/c", "I/d",
  "II/a", "II/b", "II/c", "II/d",
  "III/a", "III/b", "III/c", "III/d",
  "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
};

static const char * const group_names[] = { "i", "ii", "iii", "iv" };

/* Folds @text and removes every space, so "iii / A" becomes "iii/a". Folding also turns the
 * Unicode roman numerals ("Ⅲ") and full-width forms into plain letters. */
static char *
grade_key (const char *text)
{
  g_autofree char *folded = kp_text_fold (text);
  GString *key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p != ' ')
        g_string_append_c (key, *p);
    }

  return g_string_free (key, FALSE);
}

static int
group_from_key (const char *roman, gsize len)
{
  for (gsize i = 0; i < G_N_ELEMENTS (group_names); i++)
    {
      if (strlen (group_names[i]) == len && strncmp (roman, group_names[i], len) == 0)
        return (int) i;
    }

  return -1;
}

int
kp_grade_parse (const char *text, GError **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *key = NULL;
  gsize len;
  gsize roman_len;
  char letter;
  int group;

  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  /* The canonical spelling, the common case, needs no folding. */
  for (int grade = 0; text != NULL && grade < KP_GRADE_COUNT; grade++)
    if (strcmp (text, kp_grade_to_string (grade)) == 0)
      return grade;

  shown = kp_text_squash (text != NULL ? text : "");
  if (shown[0] == '\0')
    {
      g_set_error_literal (error, KP_CORE_ERROR, KP_CORE_ERROR_EMPTY, _("The grade is empty"));
      return -1;
    }

  key = grade_key (shown);
  len = strlen (key);
  letter = len > 0 ? key[len - 1] : '\0';
  roman_len = len > 0 ? len - 1 : 0;
  if (roman_len > 0 && (key[roman_len - 1] == '/' || key[roman_len - 1] == '-'))
    roman_len--;
  group = group_from_key (key, roman_len);

  if (group < 0 || letter < 'a' || letter > 'e')
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_UNKNOWN_VALUE,
                   /* Translators: %s is the grade as typed; I/a … IV/e are the accepted grades
                    * (golongan/ruang) and are not translated */
                   _("Unknown grade “%s”: use I/a … IV/e"), shown);
      return -1;
    }

  if (letter == 'e' && group != GROUP_IV)
    {
      g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_UNKNOWN_VALUE,
                   /* Translators: %s is the grade as typed, such as III/e; "ruang" is the
                    * letter part of a grade */
                   _("Grade “%s” does not exist: only group IV has ruang e"), shown);
      return -1;
    }

  return group * RUANG_PER_GROUP + (letter - 'a');
}

const char *
kp_grade_to_string (int grade)
{
  g_return_val_if_fail (grade >= 0 && grade < KP_GRADE_COUNT, NULL);

  return grade_names[grade];
}
