/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-announcement-record.h: which files were made from an announcement version. The office can
 * then show, for any PDF, HTML page or social text someone holds, whether it is one it
 * published (its SHA-256 is on record) and from which version. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

/* Records that the file of @kind ("pdf", "html" or "text") with the SHA-256 @sha256 (64
 * lowercase hex digits) was made from @version of the selection's announcement: one audit event
 * "produce" (entity "announcement"). Recording the same file again changes nothing and adds no
 * event. KP_MODEL_ERROR_NOT_FOUND without that version; KP_MODEL_ERROR_INVALID for another
 * kind or a malformed hash. */
gboolean kp_announcement_record_file (KpDatabase *db, gint64 selection_id, int version,
                                      const char *kind, const char *sha256, GError **error);

G_END_DECLS
