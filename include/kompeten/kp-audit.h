/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-audit.h: the append-only, hash-chained audit log. Events are appended by the model inside
 * the transaction of the change they record; nothing outside the model writes them. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

typedef struct {
  gint64 seq;
  char *at;         /* UTC, ISO 8601 "2026-11-29T10:15:02Z" */
  char *actor;
  char *action;     /* create, update, delete, import, ... */
  char *entity;     /* employee, unit, position, ... */
  char *entity_id;  /* natural key where there is one (NIP), else the row id; may be NULL */
  char *payload;    /* JSON */
  char *prev_hash;
  char *hash;
} KpAuditEvent;

void kp_audit_event_free (KpAuditEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpAuditEvent, kp_audit_event_free)

typedef struct {
  gint64 n_events;
  gint64 head_seq;
  char head_hash[65];
  gint64 first_bad_seq;  /* 0 when the chain verifies */
} KpAuditCheck;

/* A one-line, translated account of the event for lists: "Imported pegawai.csv: 480 new,
 * 3 updated", "Changed name, phone", "Deleted Siti Aminah". Free with g_free. */
char *kp_audit_event_describe (const KpAuditEvent *event);
/* Translated names of an event's action and entity ("Import", "Employee"). */
const char *kp_audit_action_label (const char *action);
const char *kp_audit_entity_label (const char *entity);

/* Recomputes the whole chain. Returns TRUE if it verifies; otherwise FALSE with
 * KP_MODEL_ERROR_TAMPERED naming the first broken event and why (hash differs, previous hash
 * differs, sequence gap or order), and @check->first_bad_seq set. */
gboolean kp_audit_verify (KpDatabase *db, KpAuditCheck *check, GError **error);
/* Events with seq > @after_seq, oldest first, at most @limit (0: all). Of KpAuditEvent. */
GPtrArray *kp_audit_list (KpDatabase *db, gint64 after_seq, guint limit, GError **error);
/* The head of the chain: "seq:hash" as printed on minutes and publications. Free with g_free. */
char *kp_audit_checkpoint (KpDatabase *db, GError **error);

/* ---- the log as a list: KpAuditEntry records in kp_database_get_audit_log () ------------- */

#define KP_TYPE_AUDIT_ENTRY (kp_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (KpAuditEntry, kp_audit_entry, KP, AUDIT_ENTRY, GObject)

/* Properties (read-only): "seq" (gint64), "at" (UTC ISO 8601), "actor", "action", "entity",
 * "entity-id", "summary" (kp_audit_event_describe), "action-label", "entity-label". */
gint64 kp_audit_entry_get_seq (KpAuditEntry *self);
/* The time as a GDateTime in UTC. Transfer none. */
GDateTime *kp_audit_entry_get_time (KpAuditEntry *self);
const char *kp_audit_entry_get_at (KpAuditEntry *self);
const char *kp_audit_entry_get_actor (KpAuditEntry *self);
const char *kp_audit_entry_get_action (KpAuditEntry *self);
const char *kp_audit_entry_get_entity (KpAuditEntry *self);
const char *kp_audit_entry_get_entity_id (KpAuditEntry *self);
const char *kp_audit_entry_get_summary (KpAuditEntry *self);
const char *kp_audit_entry_get_payload (KpAuditEntry *self);
/* Folded (kp_text_fold) actor, action, entity, entity id and summary, for search. */
const char *kp_audit_entry_get_search_key (KpAuditEntry *self);

/* The audit log, oldest first: a store of KpAuditEntry that gains the new events after every
 * change made through this handle (one items-changed, at the end). Transfer none. */
GListModel *kp_database_get_audit_log (KpDatabase *db);

G_END_DECLS
