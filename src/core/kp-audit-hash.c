/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"

/* Writes "<length>:<bytes>\n". The length prefix is what makes the encoding unambiguous:
 * without it "ab" + "c" and "a" + "bc" would hash alike. */
static void
checksum_field (GChecksum *checksum, const char *value)
{
  char prefix[32];
  gsize len;

  if (value == NULL)
    value = "";

  len = strlen (value);
  g_snprintf (prefix, sizeof prefix, "%" G_GSIZE_FORMAT ":", len);
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  g_checksum_update (checksum, (const guchar *) value, len);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
}

char *
kp_audit_hash (const char *prev_hash,
               gint64      seq,
               const char *at,
               const char *actor,
               const char *action,
               const char *entity,
               const char *entity_id,
               const char *payload)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char seq_text[32];

  if (prev_hash != NULL)
    g_checksum_update (checksum, (const guchar *) prev_hash, -1);

  g_snprintf (seq_text, sizeof seq_text, "%" G_GINT64_FORMAT, seq);
  checksum_field (checksum, seq_text);
  checksum_field (checksum, at);
  checksum_field (checksum, actor);
  checksum_field (checksum, action);
  checksum_field (checksum, entity);
  checksum_field (checksum, entity_id);
  checksum_field (checksum, payload);

  return g_strdup (g_checksum_get_string (checksum));
}
