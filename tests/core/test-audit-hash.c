/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core-test-util.h"

typedef struct {
  const char *prev;
  gint64 seq;
  const char *at;
  const char *actor;
  const char *action;
  const char *entity;
  const char *entity_id;
  const char *payload;
} Event;

static char *
hash_event (const Event *e)
{
  return kp_audit_hash (e->prev, e->seq, e->at, e->actor, e->action, e->entity, e->entity_id,
                        e->payload);
}

static const Event first = {
  KP_AUDIT_GENESIS_HASH, 1, "2024-05-01T08:00:00+07:00", "admin", "employee.create",
  "employee", "42", "{\"name\":\"Eka Putri\"}",
};

/* The expected values were computed outside GLib, with Python's hashlib, from the canonical
 * form in kp-core.h: prev_hash, then "<byte length>:<bytes>\n" for each field. */
#define FIRST_HASH "6c7f89d59d41021df9b0064f276f62bb783757fbbb399e3cfac72fc99460f874"
#define SECOND_HASH "284b9c26e8cce9688bcc45ac8bb6a5ba588da1e80537c3a1394c59f45c77947e"
#define EMPTY_HASH "972aeb41b7cd7fa345bc9d6c2f4a97c49b197a584646b068ce6ec08550b96e44"

static void
assert_hex_digest (const char *hash)
{
  g_assert_nonnull (hash);
  g_assert_cmpuint (strlen (hash), ==, 64);
  for (const char *p = hash; *p != '\0'; p++)
    g_assert_true (g_ascii_isdigit (*p) || (*p >= 'a' && *p <= 'f'));
}

static void
test_known_vectors (void)
{
  g_autofree char *h1 = hash_event (&first);
  g_autofree char *h2 = NULL;
  g_autofree char *h3 = NULL;

  g_assert_cmpuint (strlen (KP_AUDIT_GENESIS_HASH), ==, 64);

  assert_hex_digest (h1);
  g_assert_cmpstr (h1, ==, FIRST_HASH);

  /* Chained on the first; the lengths are in bytes ("Éka" is 4), a NULL payload is empty. */
  h2 = kp_audit_hash (h1, 2, "2024-05-01T08:05:00+07:00", "Éka", "employee.update",
                      "employee", "42", NULL);
  g_assert_cmpstr (h2, ==, SECOND_HASH);

  h3 = kp_audit_hash (KP_AUDIT_GENESIS_HASH, -7, "", "", "", "", "", "");
  g_assert_cmpstr (h3, ==, EMPTY_HASH);
}

static void
test_null_is_empty (void)
{
  g_autofree char *with_null = kp_audit_hash (KP_AUDIT_GENESIS_HASH, -7, NULL, NULL, NULL,
                                              NULL, NULL, NULL);

  g_assert_cmpstr (with_null, ==, EMPTY_HASH);
}

static void
test_deterministic (void)
{
  g_autofree char *a = hash_event (&first);
  g_autofree char *b = hash_event (&first);

  g_assert_cmpstr (a, ==, b);
}

/* Tampering with any one field, or with the link to the previous entry, must show. */
static void
test_every_field_counts (void)
{
  g_autofree char *original = hash_event (&first);
  Event variants[8];
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < G_N_ELEMENTS (variants); i++)
    variants[i] = first;
  variants[0].prev = FIRST_HASH;
  variants[1].seq = 2;
  variants[2].at = "2024-05-01T08:00:01+07:00";
  variants[3].actor = "Admin";
  variants[4].action = "employee.delete";
  variants[5].entity = "position";
  variants[6].entity_id = "43";
  variants[7].payload = "{\"name\":\"Eka Putri \"}";

  for (gsize i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      char *hash = hash_event (&variants[i]);

      assert_hex_digest (hash);
      g_assert_cmpstr (hash, !=, original);
      for (guint j = 0; j < seen->len; j++)
        g_assert_cmpstr (hash, !=, g_ptr_array_index (seen, j));
      g_ptr_array_add (seen, hash);
    }
}

typedef struct {
  const char *name;
  Event a;
  Event b;
} SplitCase;

/* Pairs whose fields concatenate to the same bytes: the length prefixes keep them apart. */
static const SplitCase split_cases[] = {
  { "at-actor",
    { KP_AUDIT_GENESIS_HASH, 1, "ab", "c", "x", "e", "1", "" },
    { KP_AUDIT_GENESIS_HASH, 1, "a", "bc", "x", "e", "1", "" } },
  { "entity-id",
    { KP_AUDIT_GENESIS_HASH, 1, "t", "u", "x", "employee4", "2", "" },
    { KP_AUDIT_GENESIS_HASH, 1, "t", "u", "x", "employee", "42", "" } },
  { "id-payload",
    { KP_AUDIT_GENESIS_HASH, 1, "t", "u", "x", "e", "42", "{}" },
    { KP_AUDIT_GENESIS_HASH, 1, "t", "u", "x", "e", "4", "2{}" } },
  { "empty-field-moves",
    { KP_AUDIT_GENESIS_HASH, 1, "", "u", "x", "e", "1", "p" },
    { KP_AUDIT_GENESIS_HASH, 1, "u", "", "x", "e", "1", "p" } },
  { "newline-inside",
    { KP_AUDIT_GENESIS_HASH, 1, "a\n1:b", "", "x", "e", "1", "" },
    { KP_AUDIT_GENESIS_HASH, 1, "a", "b", "x", "e", "1", "" } },
  { "seq-into-at",
    { KP_AUDIT_GENESIS_HASH, 12, "3", "u", "x", "e", "1", "" },
    { KP_AUDIT_GENESIS_HASH, 1, "23", "u", "x", "e", "1", "" } },
};

static void
test_split (gconstpointer data)
{
  const SplitCase *c = data;
  g_autofree char *a = hash_event (&c->a);
  g_autofree char *b = hash_event (&c->b);

  g_assert_cmpstr (a, !=, b);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit-hash/known-vectors", test_known_vectors);
  g_test_add_func ("/audit-hash/null-is-empty", test_null_is_empty);
  g_test_add_func ("/audit-hash/deterministic", test_deterministic);
  g_test_add_func ("/audit-hash/every-field-counts", test_every_field_counts);
  for (gsize i = 0; i < G_N_ELEMENTS (split_cases); i++)
    add_case ("/audit-hash/split", split_cases[i].name, &split_cases[i], test_split);

  return g_test_run ();
}
