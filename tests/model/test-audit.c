/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-audit.c: the audit log as an auditor relies on it: one event per change saying what
 * changed, none for a change that failed, and every edit, removal or reordering of a past event
 * found by kp_audit_verify (or, for the newest events, by comparing a printed checkpoint). */

#include "config.h"

#include <json-glib/json-glib.h>

#include "model-test-util.h"

typedef struct {
  char *dir;
  char *db_path;
  KpDatabase *db;
  gint64 unit_id;
  gint64 position_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = make_tmp_dir ();
  f->db_path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->db = open_db (f->db_path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

/* The one event written since @after_seq. */
static KpAuditEvent *
only_new_event (KpDatabase *db, gint64 after_seq)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = kp_audit_list (db, after_seq, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((KpAuditEvent *) g_ptr_array_index (events, 0))->seq, ==, after_seq + 1);
  return g_ptr_array_steal_index (events, 0);
}

static JsonObject *
parse_payload (JsonParser *parser, const KpAuditEvent *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, event->payload, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* Members of @object, sorted, joined by spaces. */
static char *
member_names (JsonObject *object)
{
  g_autoptr(GList) members = g_list_sort (json_object_get_members (object),
                                          (GCompareFunc) g_strcmp0);
  g_autoptr(GString) names = g_string_new (NULL);

  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", (const char *) l->data);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
assert_change (JsonObject *payload, const char *field, const char *old_value,
               const char *new_value)
{
  JsonObject *change;

  g_assert_true (json_object_has_member (payload, field));
  change = json_object_get_object_member (payload, field);
  g_assert_nonnull (change);
  if (old_value != NULL)
    g_assert_cmpstr (json_object_get_string_member (change, "old"), ==, old_value);
  else
    g_assert_false (json_object_has_member (change, "old") &&
                    !json_object_get_null_member (change, "old"));
  if (new_value != NULL)
    g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, new_value);
}

static void
assert_event (const KpAuditEvent *event, const char *action, const char *entity,
              const char *entity_id, const char *actor, const KpAuditEvent *previous)
{
  g_autofree char *hash = NULL;
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", 0, 0, NULL);

  g_assert_cmpstr (event->action, ==, action);
  g_assert_cmpstr (event->entity, ==, entity);
  g_assert_cmpstr (event->entity_id, ==, entity_id);
  g_assert_cmpstr (event->actor, ==, actor);
  g_assert_true (g_regex_match (iso, event->at, 0, NULL));
  g_assert_cmpstr (event->prev_hash, ==, previous->hash);
  hash = kp_audit_hash (event->prev_hash, event->seq, event->at, event->actor, event->action,
                        event->entity, event->entity_id, event->payload);
  g_assert_cmpstr (event->hash, ==, hash);
}

static void
test_events (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpAuditEvent) previous = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  g_autoptr(KpEmployee) edited = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id_text = NULL;
  g_autofree char *names = NULL;
  g_autofree char *head = NULL;
  g_autofree char *head_after = NULL;
  KpAuditEvent *event;
  JsonObject *payload;
  gint64 seq, siti_id;

  kp_database_set_actor (f->db, "rina.bkpsdm");
  {
    g_autoptr(GPtrArray) all = kp_audit_list (f->db, 0, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, KP_SCHEMA_VERSION);
    previous = g_ptr_array_steal_index (all, all->len - 1);
  }
  seq = previous->seq;

  /* A unit. */
  f->unit_id = kp_register_add_unit (f->db, "Dinas Kesehatan", 0, &error);
  g_assert_no_error (error);
  event = only_new_event (f->db, seq++);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, f->unit_id);
  assert_event (event, "create", "unit", id_text, "rina.bkpsdm", previous);
  payload = parse_payload (parser, event);
  assert_change (payload, "name", NULL, "Dinas Kesehatan");
  kp_audit_event_free (previous);
  previous = event;

  /* A position. */
  f->position_id = kp_register_add_position (f->db, f->unit_id, "Sekretaris",
                                             KP_POSITION_KIND_ADMINISTRATOR, &error);
  g_assert_no_error (error);
  event = only_new_event (f->db, seq++);
  g_free (id_text);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, f->position_id);
  assert_event (event, "create", "position", id_text, "rina.bkpsdm", previous);
  payload = parse_payload (parser, event);
  g_assert_cmpstr (json_object_get_string_member (payload, "unit"), ==, "Dinas Kesehatan");
  g_assert_cmpstr (json_object_get_string_member (payload, "title"), ==, "Sekretaris");
  g_assert_cmpstr (json_object_get_string_member (payload, "kind"), ==, "Administrator");
  kp_audit_event_free (previous);
  previous = event;

  /* A new employee: every field, new values only. The event names the NIP. */
  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a", f->position_id);
  kp_employee_set_phone (siti, "081293082121");
  siti_id = save_ok (f->db, siti);
  event = only_new_event (f->db, seq++);
  assert_event (event, "create", "employee", NIP_SITI, "rina.bkpsdm", previous);
  payload = parse_payload (parser, event);
  assert_change (payload, "nip", NULL, NIP_SITI);
  assert_change (payload, "nama", NULL, "Siti Aminah");
  assert_change (payload, "jenis_kelamin", NULL, "P");
  assert_change (payload, "tanggal_lahir", NULL, "1968-10-30");
  assert_change (payload, "golongan", NULL, "IV/a");
  assert_change (payload, "telepon", NULL, "081293082121");
  g_assert_nonnull (strstr (json_object_get_string_member (
                              json_object_get_object_member (payload, "jabatan"), "new"),
                            "Sekretaris"));
  kp_audit_event_free (previous);
  previous = event;

  /* An update lists exactly the fields that changed, old and new. */
  {
    g_autoptr(KpEmployee) stored = kp_register_find_employee (f->db, NIP_SITI);

    edited = kp_employee_copy (stored);
  }
  g_assert_cmpint (kp_employee_get_id (edited), ==, siti_id);
  kp_employee_set_name (edited, "Dra. Siti Aminah, M.Si.");
  kp_employee_set_phone (edited, "081300000000");
  g_assert_cmpint (save_ok (f->db, edited), ==, siti_id);
  event = only_new_event (f->db, seq++);
  assert_event (event, "update", "employee", NIP_SITI, "rina.bkpsdm", previous);
  payload = parse_payload (parser, event);
  names = member_names (payload);
  g_assert_cmpstr (names, ==, "nama telepon");
  assert_change (payload, "nama", "Siti Aminah", "Dra. Siti Aminah, M.Si.");
  assert_change (payload, "telepon", "081293082121", "081300000000");
  kp_audit_event_free (previous);
  previous = event;

  /* Saving it again unchanged writes nothing. */
  head = checkpoint (f->db);
  g_assert_cmpint (save_ok (f->db, edited), ==, siti_id);
  head_after = checkpoint (f->db);
  g_assert_cmpstr (head_after, ==, head);

  /* A deletion keeps the whole record. */
  g_assert_true (kp_register_delete_employee (f->db, siti_id, &error));
  g_assert_no_error (error);
  event = only_new_event (f->db, seq++);
  assert_event (event, "delete", "employee", NIP_SITI, "rina.bkpsdm", previous);
  payload = parse_payload (parser, event);
  g_assert_cmpstr (json_object_get_string_member (payload, "nip"), ==, NIP_SITI);
  g_assert_cmpstr (json_object_get_string_member (payload, "nama"), ==, "Dra. Siti Aminah, M.Si.");
  g_assert_cmpstr (json_object_get_string_member (payload, "tanggal_lahir"), ==, "1968-10-30");
  g_assert_cmpstr (json_object_get_string_member (payload, "telepon"), ==, "081300000000");
  kp_audit_event_free (previous);
  previous = event;

  /* Renaming, deleting the position and the unit: one event each. */
  g_assert_true (kp_register_rename_unit (f->db, f->unit_id, "Dinas Kesehatan Daerah", &error));
  g_assert_no_error (error);
  event = only_new_event (f->db, seq++);
  g_free (id_text);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, f->unit_id);
  assert_event (event, "update", "unit", id_text, "rina.bkpsdm", previous);
  payload = parse_payload (parser, event);
  assert_change (payload, "name", "Dinas Kesehatan", "Dinas Kesehatan Daerah");
  kp_audit_event_free (previous);
  previous = event;

  g_assert_true (kp_register_delete_position (f->db, f->position_id, &error));
  g_assert_no_error (error);
  event = only_new_event (f->db, seq++);
  g_assert_cmpstr (event->action, ==, "delete");
  g_assert_cmpstr (event->entity, ==, "position");
  kp_audit_event_free (previous);
  previous = event;

  g_assert_true (kp_register_delete_unit (f->db, f->unit_id, &error));
  g_assert_no_error (error);
  event = only_new_event (f->db, seq++);
  assert_event (event, "delete", "unit", id_text, "rina.bkpsdm", previous);
  kp_audit_event_free (previous);
  previous = event;

  assert_audit_intact (f->db);
  {
    KpAuditCheck check = { 0 };
    g_autofree char *expected = NULL;
    g_autofree char *cp = checkpoint (f->db);

    g_assert_true (kp_audit_verify (f->db, &check, &error));
    g_assert_cmpint (check.n_events, ==, seq);
    g_assert_cmpint (check.head_seq, ==, seq);
    g_assert_cmpstr (check.head_hash, ==, previous->hash);
    expected = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", seq, previous->hash);
    g_assert_cmpstr (cp, ==, expected);
  }
}

/* A failed change leaves the log as it was. */
static void
test_failed_writes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  g_autoptr(KpEmployee) twin = NULL;
  g_autoptr(KpEmployee) bad_nip = NULL;
  g_autoptr(KpEmployee) ghost_boss = NULL;
  g_autofree char *head = NULL;
  gint64 unit_id, child_id, position_id, siti_id;

#define ASSERT_NO_EVENT(code)                                       \
  G_STMT_START {                                                    \
    g_autofree char *after_ = NULL;                                 \
    g_assert_error (error, KP_MODEL_ERROR, (int) (code));           \
    g_clear_error (&error);                                         \
    after_ = checkpoint (f->db);                                    \
    g_assert_cmpstr (after_, ==, head);                             \
  } G_STMT_END

  unit_id = kp_register_add_unit (f->db, "Dinas Kesehatan", 0, &error);
  g_assert_no_error (error);
  child_id = kp_register_add_unit (f->db, "Puskesmas Kalianda", unit_id, &error);
  g_assert_no_error (error);
  position_id = kp_register_add_position (f->db, unit_id, "Sekretaris",
                                          KP_POSITION_KIND_ADMINISTRATOR, &error);
  g_assert_no_error (error);
  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a", position_id);
  siti_id = save_ok (f->db, siti);
  head = checkpoint (f->db);

  twin = new_employee (NIP_SITI, "Siti Kembar", "P", "1968-10-30", "IV/a", position_id);
  g_assert_cmpint (kp_register_save_employee (f->db, twin, &error), ==, 0);
  ASSERT_NO_EVENT (KP_MODEL_ERROR_DUPLICATE);

  bad_nip = new_employee ("19681030199313212", "Nomor Salah", "P", "1968-10-30", "IV/a",
                          position_id);
  g_assert_cmpint (kp_register_save_employee (f->db, bad_nip, &error), ==, 0);
  ASSERT_NO_EVENT (KP_MODEL_ERROR_INVALID);

  ghost_boss = new_employee (NIP_AHMAD, "Ahmad Fauzi", "L", "1986-08-14", "III/c", position_id);
  kp_employee_set_supervisor_id (ghost_boss, siti_id + 1000);
  g_assert_cmpint (kp_register_save_employee (f->db, ghost_boss, &error), ==, 0);
  ASSERT_NO_EVENT (KP_MODEL_ERROR_NOT_FOUND);

  g_assert_cmpint (kp_register_add_unit (f->db, "DINAS  KESEHATAN", 0, &error), ==, 0);
  ASSERT_NO_EVENT (KP_MODEL_ERROR_DUPLICATE);

  g_assert_false (kp_register_move_unit (f->db, unit_id, child_id, &error));
  ASSERT_NO_EVENT (KP_MODEL_ERROR_CYCLE);

  g_assert_false (kp_register_delete_unit (f->db, unit_id, &error));
  ASSERT_NO_EVENT (KP_MODEL_ERROR_IN_USE);

  g_assert_false (kp_register_delete_position (f->db, position_id, &error));
  ASSERT_NO_EVENT (KP_MODEL_ERROR_IN_USE);

  g_assert_false (kp_register_delete_employee (f->db, siti_id + 1000, &error));
  ASSERT_NO_EVENT (KP_MODEL_ERROR_NOT_FOUND);

  g_assert_cmpint (kp_register_add_position (f->db, unit_id, "sekretaris",
                                             KP_POSITION_KIND_PENGAWAS, &error), ==, 0);
  ASSERT_NO_EVENT (KP_MODEL_ERROR_DUPLICATE);
#undef ASSERT_NO_EVENT

  assert_audit_intact (f->db);
}

/* ---- tampering ------------------------------------------------------------------------------- */

/* Seven events: the migration, a unit, a position, Siti created, Siti updated, Ahmad created,
 * Ahmad deleted. */
/* The events of make_history: one per migration, then six changes. */
#define HISTORY (KP_SCHEMA_VERSION + 6)

static void
make_history (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) siti = NULL;
  g_autoptr(KpEmployee) ahmad = NULL;
  gint64 ahmad_id;

  f->unit_id = kp_register_add_unit (f->db, "Dinas Kesehatan", 0, &error);
  g_assert_no_error (error);
  f->position_id = kp_register_add_position (f->db, f->unit_id, "Sekretaris",
                                             KP_POSITION_KIND_ADMINISTRATOR, &error);
  g_assert_no_error (error);
  siti = new_employee (NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a", f->position_id);
  save_ok (f->db, siti);
  {
    g_autoptr(KpEmployee) stored = kp_register_find_employee (f->db, NIP_SITI);
    g_autoptr(KpEmployee) edited = kp_employee_copy (stored);

    kp_employee_set_grade (edited, "IV/b");
    save_ok (f->db, edited);
  }
  ahmad = new_employee (NIP_AHMAD, "Ahmad Fauzi", "L", "1986-08-14", "III/c", f->position_id);
  ahmad_id = save_ok (f->db, ahmad);
  g_assert_true (kp_register_delete_employee (f->db, ahmad_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, HISTORY);
  assert_audit_intact (f->db);
}

static void
drop_triggers (sqlite3 *raw)
{
  raw_exec (raw, "DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;"
                 "DROP TRIGGER audit_event_append_only;");
}

/* What an attacker with the database file and the sqlite3 shell can do. */
typedef struct {
  const char *name;
  gboolean drop_triggers;
  const char *sql;
  void (*tamper) (Fixture *f, sqlite3 *raw);
  gint64 first_bad_seq;
} TamperCase;

#define FORGED_HASH "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

/* Changes event 4 and gives it a correct hash for its new content, relinking event 5: the
 * chain breaks one event later, at 5, whose own hash covered the old link. */
static void
rehash_one (Fixture *f, sqlite3 *raw)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = kp_audit_list (f->db, 3, 1, &error);
  KpAuditEvent *event = g_ptr_array_index (events, 0);
  const char *payload = "{\"nip\":{\"new\":\"" NIP_SITI "\"},\"nama\":{\"new\":\"Siti Palsu\"}}";
  g_autofree char *hash = kp_audit_hash (event->prev_hash, event->seq, event->at, event->actor,
                                         event->action, event->entity, event->entity_id, payload);
  char *sql = sqlite3_mprintf ("UPDATE audit_event SET payload = %Q, hash = %Q WHERE seq = 4;"
                               "UPDATE audit_event SET prev_hash = %Q WHERE seq = 5;",
                               payload, hash, hash);

  g_assert_cmpint (event->seq, ==, 4);
  raw_exec (raw, sql);
  sqlite3_free (sql);
}

static const TamperCase tamper_cases[] = {
  { "edit-payload", TRUE, "UPDATE audit_event SET payload = '{}' WHERE seq = 4", NULL, 4 },
  { "edit-actor", TRUE, "UPDATE audit_event SET actor = 'someone.else' WHERE seq = 3", NULL, 3 },
  { "edit-time", TRUE, "UPDATE audit_event SET at = '2020-01-01T00:00:00Z' WHERE seq = 2", NULL, 2 },
  { "edit-entity-id", TRUE,
    "UPDATE audit_event SET entity_id = '" NIP_RINA "' WHERE seq = 6", NULL, 6 },
  { "edit-prev-hash", TRUE,
    "UPDATE audit_event SET prev_hash = '" KP_AUDIT_GENESIS_HASH "' WHERE seq = 3", NULL, 3 },
  { "delete-first", TRUE, "DELETE FROM audit_event WHERE seq = 1", NULL, 1 },
  { "delete-middle", TRUE, "DELETE FROM audit_event WHERE seq = 4", NULL, 4 },
  { "delete-two", TRUE, "DELETE FROM audit_event WHERE seq IN (5, 6)", NULL, 5 },
  { "reorder", TRUE,
    "UPDATE audit_event SET seq = -4 WHERE seq = 4;"
    "UPDATE audit_event SET seq = 4 WHERE seq = 5;"
    "UPDATE audit_event SET seq = 5 WHERE seq = -4;", NULL, 4 },
  { "swap-payloads", TRUE,
    "CREATE TEMP TABLE saved AS SELECT seq, payload FROM audit_event WHERE seq IN (4, 5);"
    "UPDATE audit_event SET payload = (SELECT payload FROM saved WHERE saved.seq = 9 - audit_event.seq)"
    " WHERE seq IN (4, 5);", NULL, 4 },
  /* A forged hash with the next event relinked to it: the content no longer matches it. */
  { "forged-hash-relinked", TRUE,
    "UPDATE audit_event SET payload = '{}', hash = '" FORGED_HASH "' WHERE seq = 4;"
    "UPDATE audit_event SET prev_hash = '" FORGED_HASH "' WHERE seq = 5;", NULL, 4 },
  { "rehashed-one", TRUE, NULL, rehash_one, 5 },
  /* An event slipped in at the end that does not hash right. */
  { "appended-forgery", TRUE,
    "INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, payload, prev_hash, hash) "
    "SELECT seq + 1, at, 'intruder', 'delete', 'employee', '" NIP_RINA "', '{}', hash, hash "
    "FROM audit_event WHERE seq = (SELECT max (seq) FROM audit_event)", NULL, HISTORY + 1 },
  /* REPLACE deletes without firing the delete trigger (the append-only insert trigger refuses
   * it: see test-database); with every trigger gone the chain still tells. */
  { "replace-without-triggers", TRUE,
    "INSERT OR REPLACE INTO audit_event "
    "(seq, at, actor, action, entity, entity_id, payload, prev_hash, hash) "
    "SELECT seq, at, actor, action, entity, entity_id, '{}', prev_hash, hash "
    "FROM audit_event WHERE seq = 4", NULL, 4 },
};

static void
test_tamper (Fixture *f, gconstpointer data)
{
  const TamperCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  KpAuditCheck check = { 0 };
  sqlite3 *raw;

  make_history (f);

  raw = raw_open (f->db_path);
  if (c->drop_triggers)
    drop_triggers (raw);
  if (c->sql != NULL)
    raw_exec (raw, c->sql);
  if (c->tamper != NULL)
    c->tamper (f, raw);
  sqlite3_close (raw);

  g_assert_false (kp_audit_verify (f->db, &check, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_TAMPERED);
  g_test_message ("%s: %s", c->name, error->message);
  g_assert_cmpint (check.first_bad_seq, ==, c->first_bad_seq);
  /* The events before it still verify. */
  g_assert_cmpint (check.n_events, ==, c->first_bad_seq - 1);
  /* The message names the event. */
  number = g_strdup_printf (" %" G_GINT64_FORMAT, c->first_bad_seq);
  g_assert_nonnull (strstr (error->message, number));
}

/* Removing the newest events, or rewriting the chain from some event on, leaves a chain that
 * verifies: what catches it is the checkpoint printed earlier on minutes and publications. */
static void
test_checkpoint_catches (Fixture *f, gconstpointer data)
{
  gboolean rewrite = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *now = NULL;
  KpAuditCheck check = { 0 };
  sqlite3 *raw;

  make_history (f);
  printed = checkpoint (f->db);

  raw = raw_open (f->db_path);
  drop_triggers (raw);
  if (!rewrite)
    raw_exec (raw, "DELETE FROM audit_event WHERE seq = (SELECT max (seq) FROM audit_event)");
  else
    {
      g_autoptr(GPtrArray) events = kp_audit_list (f->db, 3, 0, &error);
      g_autofree char *prev = NULL;

      g_assert_no_error (error);
      for (guint i = 0; i < events->len; i++)
        {
          KpAuditEvent *event = g_ptr_array_index (events, i);
          const char *payload = i == 0 ? "{}" : event->payload;
          char *hash = kp_audit_hash (i == 0 ? event->prev_hash : prev, event->seq, event->at,
                                      event->actor, event->action, event->entity,
                                      event->entity_id, payload);
          char *sql = sqlite3_mprintf ("UPDATE audit_event SET payload = %Q, prev_hash = %Q, "
                                       "hash = %Q WHERE seq = %lld",
                                       payload, i == 0 ? event->prev_hash : prev, hash,
                                       (long long) event->seq);

          raw_exec (raw, sql);
          sqlite3_free (sql);
          g_free (prev);
          prev = hash;
        }
    }
  sqlite3_close (raw);

  g_assert_true (kp_audit_verify (f->db, &check, &error));
  g_assert_no_error (error);
  now = checkpoint (f->db);
  g_assert_cmpstr (now, !=, printed);
  g_assert_cmpint (check.n_events, ==, rewrite ? HISTORY : HISTORY - 1);
}

/* The log as a list: the store follows every change, and each event reads as a sentence. */
static void
on_log_items_changed (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

static void
test_log_store (Fixture *f, gconstpointer data)
{
  GListModel *log = kp_database_get_audit_log (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(KpAuditEntry) first = NULL;
  g_autoptr(KpAuditEntry) last = NULL;
  guint signals = 0;
  gint64 unit_id;

  /* A new database holds its preparation, one event per migration. */
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, KP_SCHEMA_VERSION);
  first = g_list_model_get_item (log, 0);
  g_assert_cmpstr (kp_audit_entry_get_action (first), ==, "migrate");
  g_assert_nonnull (kp_audit_entry_get_time (first));

  g_signal_connect (log, "items-changed", G_CALLBACK (on_log_items_changed), &signals);
  make_history (f);
  /* One new entry per change, at the end, one signal each. */
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, HISTORY);
  g_assert_cmpuint (signals, ==, 6);

  last = g_list_model_get_item (log, HISTORY - 1);
  g_assert_cmpstr (kp_audit_entry_get_action (last), ==, "delete");
  g_assert_cmpstr (kp_audit_entry_get_entity_id (last), ==, NIP_AHMAD);
  g_assert_nonnull (strstr (kp_audit_entry_get_summary (last), "Ahmad Fauzi"));
  g_assert_nonnull (strstr (kp_audit_entry_get_search_key (last), "ahmad fauzi"));

  {
    g_autoptr(KpAuditEntry) unit = g_list_model_get_item (log, KP_SCHEMA_VERSION);
    g_autoptr(KpAuditEntry) update = g_list_model_get_item (log, KP_SCHEMA_VERSION + 3);

    g_assert_nonnull (strstr (kp_audit_entry_get_summary (unit), "Dinas Kesehatan"));
    /* An update names the fields that changed, by their labels. */
    g_assert_cmpstr (kp_audit_entry_get_action (update), ==, "update");
    g_assert_nonnull (strstr (kp_audit_entry_get_summary (update), "Grade"));
  }

  /* A refused change adds nothing to the list. */
  unit_id = kp_register_add_unit (f->db, "Dinas Kesehatan", 0, &error);
  g_assert_cmpint (unit_id, ==, 0);
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, HISTORY);
  g_signal_handlers_disconnect_by_func (log, on_log_items_changed, &signals);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/audit/log-store", Fixture, NULL, fixture_set_up, test_log_store,
              fixture_tear_down);
  g_test_add ("/audit/one-event-per-change", Fixture, NULL, fixture_set_up, test_events,
              fixture_tear_down);
  g_test_add ("/audit/failed-write-no-event", Fixture, NULL, fixture_set_up, test_failed_writes,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (tamper_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/audit/tamper/%s", tamper_cases[i].name);

      g_test_add (path, Fixture, &tamper_cases[i], fixture_set_up, test_tamper,
                  fixture_tear_down);
    }
  g_test_add ("/audit/checkpoint/delete-newest", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_checkpoint_catches, fixture_tear_down);
  g_test_add ("/audit/checkpoint/rewrite-tail", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_checkpoint_catches, fixture_tear_down);

  return g_test_run ();
}
