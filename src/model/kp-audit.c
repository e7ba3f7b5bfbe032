/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-audit.c: the append-only audit log and its hash chain. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-audit.h"
#include "kompeten/kp-core.h"
#include "kp-database-private.h"

void
kp_audit_event_free (KpAuditEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->actor);
  g_free (event->action);
  g_free (event->entity);
  g_free (event->entity_id);
  g_free (event->payload);
  g_free (event->prev_hash);
  g_free (event->hash);
  g_free (event);
}

JsonNode *
_kp_audit_import_payload (const char *file, const char *sha256, const KpImportCounts *counts,
                          ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const struct { const char *name; guint64 value; } members[] = {
    { "read", counts->read },
    { "new", counts->created },
    { "updated", counts->updated },
    { "unchanged", counts->unchanged },
    { "rejected", counts->rejected },
  };
  const char *name;
  va_list ap;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      json_builder_set_member_name (builder, members[i].name);
      json_builder_add_int_value (builder, (gint64) members[i].value);
    }
  va_start (ap, counts);
  while ((name = va_arg (ap, const char *)) != NULL)
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_int_value (builder, va_arg (ap, gint64));
    }
  va_end (ap);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
_kp_audit_append (KpDatabase *db, const char *action, const char *entity, const char *entity_id,
                  JsonNode *payload, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *payload_text = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  const char *actor = kp_database_get_actor (db);
  gint64 seq = 1;
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (_kp_db_in_transaction (kdb), FALSE);

  json_generator_set_root (generator, payload);
  payload_text = json_generator_to_data (generator, NULL);

  stmt = _kp_db_prepare (kdb, "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ERROR)
    return FALSE;
  if (step == KP_STEP_ROW)
    {
      seq = _kp_stmt_get_int64 (stmt, 0) + 1;
      prev_hash = g_strdup (_kp_stmt_get_text (stmt, 1));
    }
  else
    prev_hash = g_strdup (KP_AUDIT_GENESIS_HASH);
  _kp_stmt_reset (stmt);

  hash = kp_audit_hash (prev_hash, seq, at, actor, action, entity, entity_id, payload_text);

  stmt = _kp_db_prepare (kdb,
                         "INSERT INTO audit_event "
                         "(seq, at, actor, action, entity, entity_id, payload, prev_hash, hash) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, seq);
  _kp_stmt_bind_text (stmt, 2, at);
  _kp_stmt_bind_text (stmt, 3, actor);
  _kp_stmt_bind_text (stmt, 4, action);
  _kp_stmt_bind_text (stmt, 5, entity);
  _kp_stmt_bind_text (stmt, 6, entity_id);
  _kp_stmt_bind_text (stmt, 7, payload_text);
  _kp_stmt_bind_text (stmt, 8, prev_hash);
  _kp_stmt_bind_text (stmt, 9, hash);
  return _kp_stmt_run (stmt, error);
}

static const char *audit_select =
  "SELECT seq, at, actor, action, entity, entity_id, payload, prev_hash, hash "
  "FROM audit_event WHERE seq > ? ORDER BY seq";

static KpAuditEvent *
event_from_row (KpStmt *stmt)
{
  KpAuditEvent *event = g_new0 (KpAuditEvent, 1);

  event->seq = _kp_stmt_get_int64 (stmt, 0);
  event->at = g_strdup (_kp_stmt_get_text (stmt, 1));
  event->actor = g_strdup (_kp_stmt_get_text (stmt, 2));
  event->action = g_strdup (_kp_stmt_get_text (stmt, 3));
  event->entity = g_strdup (_kp_stmt_get_text (stmt, 4));
  event->entity_id = _kp_stmt_is_null (stmt, 5) ? NULL : g_strdup (_kp_stmt_get_text (stmt, 5));
  event->payload = g_strdup (_kp_stmt_get_text (stmt, 6));
  event->prev_hash = g_strdup (_kp_stmt_get_text (stmt, 7));
  event->hash = g_strdup (_kp_stmt_get_text (stmt, 8));
  return event;
}

gboolean
kp_audit_verify (KpDatabase *db, KpAuditCheck *check, GError **error)
{
  KpDb *kdb;
  KpStmt *stmt;
  KpStep step;
  KpAuditCheck result = { 0 };
  g_autofree char *expected_prev = g_strdup (KP_AUDIT_GENESIS_HASH);
  gint64 expected_seq = 1;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  stmt = _kp_db_prepare (kdb, audit_select, error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, 0);

  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      g_autoptr(KpAuditEvent) event = event_from_row (stmt);
      g_autofree char *hash = kp_audit_hash (event->prev_hash, event->seq, event->at, event->actor,
                                             event->action, event->entity, event->entity_id,
                                             event->payload);
      const char *why = NULL;

      /* Checked in this order, so the message names the most telling fault. */
      if (event->seq != expected_seq)
        why = event->seq > expected_seq
                ? _("events before it are missing")
                : _("it is out of order");
      else if (g_strcmp0 (event->prev_hash, expected_prev) != 0)
        why = _("it does not link to the event before it (an event was removed, inserted or "
                "changed)");
      else if (g_strcmp0 (hash, event->hash) != 0)
        why = _("its content does not match its hash (it was changed after it was written)");

      if (why != NULL)
        {
          result.first_bad_seq = MIN (event->seq, expected_seq);
          if (event->seq != expected_seq)
            /* Translators: the numbers are audit event sequence numbers. */
            g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_TAMPERED,
                         _("The audit log is broken at event %" PRId64
                           " (found event %" PRId64 " instead): %s."),
                         expected_seq, event->seq, why);
          else
            g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_TAMPERED,
                         _("The audit log is broken at event %" PRId64 ": %s."),
                         event->seq, why);
          _kp_stmt_reset (stmt);
          if (check != NULL)
            *check = result;
          return FALSE;
        }

      result.n_events++;
      result.head_seq = event->seq;
      g_free (expected_prev);
      expected_prev = g_steal_pointer (&event->hash);
      expected_seq++;
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;

  g_strlcpy (result.head_hash, expected_prev, sizeof result.head_hash);
  if (check != NULL)
    *check = result;
  return TRUE;
}

GPtrArray *
kp_audit_list (KpDatabase *db, gint64 after_seq, guint limit, GError **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_audit_event_free);
  KpStmt *stmt;
  KpStep step = KP_STEP_DONE;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db), audit_select, error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, after_seq);
  while ((limit == 0 || events->len < limit) &&
         (step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    g_ptr_array_add (events, event_from_row (stmt));
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&events);
}

char *
kp_audit_checkpoint (KpDatabase *db, GError **error)
{
  KpStmt *stmt;
  KpStep step;
  char *checkpoint;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ERROR)
    return NULL;
  if (step == KP_STEP_ROW)
    checkpoint = g_strdup_printf ("%" PRId64 ":%s", _kp_stmt_get_int64 (stmt, 0),
                                  _kp_stmt_get_text (stmt, 1));
  else
    checkpoint = g_strdup ("0:" KP_AUDIT_GENESIS_HASH);
  _kp_stmt_reset (stmt);
  return checkpoint;
}
