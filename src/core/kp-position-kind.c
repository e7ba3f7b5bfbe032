/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"

typedef struct {
  const char *name;  /* canonical, as stored and shown */
  const char *level; /* the functional level without "Fungsional", or NULL */
} PositionKindName;

/* Official Indonesian terms (PermenPAN-RB); they are names, not translated. */
static const PositionKindName kind_names[KP_POSITION_KIND_COUNT] = {
  [KP_POSITION_KIND_JPT_UTAMA] = { "JPT Utama", NULL },
  [KP_POSITION_KIND_JPT_MADYA] = { "JPT Madya", NULL },
  [KP_POSITION_KIND_JPT_PRATAMA] = { "JPT Pratama", NULL },
  [KP_POSITION_KIND_ADMINISTRATOR] = { "Administrator", NULL },
  [KP_POSITION_KIND_PENGAWAS] = { "Pengawas", NULL },
  [KP_POSITION_KIND_PELAKSANA] = { "Pelaksana", NULL },
  [KP_POSITION_KIND_AHLI_UTAMA] = { "Fungsional Ahli Utama", "Ahli Utama" },
  [KP_POSITION_KIND_AHLI_MADYA] = { "Fungsional Ahli Madya", "Ahli Madya" },
  [KP_POSITION_KIND_AHLI_MUDA] = { "Fungsional Ahli Muda", "Ahli Muda" },
  [KP_POSITION_KIND_AHLI_PERTAMA] = { "Fungsional Ahli Pertama", "Ahli Pertama" },
  [KP_POSITION_KIND_PENYELIA] = { "Fungsional Penyelia", "Penyelia" },
  [KP_POSITION_KIND_MAHIR] = { "Fungsional Mahir", "Mahir" },
  [KP_POSITION_KIND_TERAMPIL] = { "Fungsional Terampil", "Terampil" },
};

/* Folded with every space removed: "JF  ahli muda" and "JF Ahli Muda" give the same key. */
static char *
kind_key (const char *text)
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

static gboolean
key_equal (const char *key, const char *name)
{
  g_autofree char *name_key = kind_key (name);

  return g_str_equal (key, name_key);
}

/* "fungsionalahlimuda" and "jfahlimuda" → "ahlimuda"; anything else is returned unchanged. */
static const char *
strip_functional_prefix (const char *key)
{
  static const char * const prefixes[] = { "fungsional", "jf" };

  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (g_str_has_prefix (key, prefixes[i]))
        return key + strlen (prefixes[i]);
    }

  return key;
}

int
kp_position_kind_parse (const char *text, GError **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GString) accepted = NULL;
  const char *level_key;

  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  /* Registers mostly hold the canonical names: skip the folding for them. */
  for (int kind = 0; text != NULL && kind < KP_POSITION_KIND_COUNT; kind++)
    if (strcmp (text, kind_names[kind].name) == 0)
      return kind;

  shown = kp_text_squash (text != NULL ? text : "");
  if (shown[0] == '\0')
    {
      g_set_error_literal (error, KP_CORE_ERROR, KP_CORE_ERROR_EMPTY,
                           _("The position kind is empty"));
      return -1;
    }

  key = kind_key (shown);
  level_key = strip_functional_prefix (key);

  for (int kind = 0; kind < KP_POSITION_KIND_COUNT; kind++)
    {
      if (key_equal (key, kind_names[kind].name))
        return kind;
      if (kind_names[kind].level != NULL && key_equal (level_key, kind_names[kind].level))
        return kind;
    }

  accepted = g_string_new (NULL);
  for (int kind = 0; kind < KP_POSITION_KIND_COUNT; kind++)
    {
      if (kind > 0)
        g_string_append (accepted, ", ");
      g_string_append (accepted, kind_names[kind].name);
    }

  g_set_error (error, KP_CORE_ERROR, KP_CORE_ERROR_UNKNOWN_VALUE,
               /* Translators: the first %s is the text as typed, the second the list of
                * accepted position kinds (official names, not translated) */
               _("Unknown position kind “%s”: use one of %s"), shown, accepted->str);
  return -1;
}

const char *
kp_position_kind_to_string (KpPositionKind kind)
{
  g_return_val_if_fail (kind >= 0 && kind < KP_POSITION_KIND_COUNT, NULL);

  return kind_names[kind].name;
}
