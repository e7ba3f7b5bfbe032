/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"

static gboolean
is_space (gunichar c)
{
  /* NBSP is listed on its own because spreadsheets paste it between words and some C libraries
   * do not classify it as a space. */
  return c == 0x00A0 || g_unichar_isspace (c);
}

static gboolean
is_mark (gunichar c)
{
  return g_unichar_ismark (c) || g_unichar_combining_class (c) != 0;
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* The common case, plain ASCII, without the Unicode tables: importing 100,000 rows calls these
 * functions a dozen times per row. @lower also lowercases. */
static char *
squash_ascii (const char *text, gboolean lower)
{
  char *out = g_malloc (strlen (text) + 1);
  char *q = out;
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = q > out;
          continue;
        }
      if (pending_space)
        {
          *q++ = ' ';
          pending_space = FALSE;
        }
      *q++ = lower && *p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p;
    }
  *q = '\0';
  return out;
}

char *
kp_text_squash (const char *text)
{
  g_autofree char *valid = NULL;
  gboolean pending_space = FALSE;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (is_ascii (text))
    return squash_ascii (text, FALSE);

  /* Imported files are not always UTF-8; a replacement character is better than a crash. */
  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
kp_text_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *bare;

  g_return_val_if_fail (text != NULL, NULL);

  if (is_ascii (text))
    return squash_ascii (text, TRUE);

  valid = g_utf8_make_valid (text, -1);
  /* NFKD splits "É" into "E" + U+0301 and compatibility forms ("ﬁ", full-width letters, "Ⅲ")
   * into plain letters, so dropping the marks afterwards leaves the base letters. */
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    decomposed = g_strdup (valid);

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_mark (c))
        g_string_append_unichar (bare, c);
    }

  folded = g_utf8_casefold (bare->str, bare->len);
  g_string_free (bare, TRUE);

  return kp_text_squash (folded);
}
