/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-audit-entry.c: KpAuditEntry, one audit event as a record for lists, and the one-line
 * account of an event that lists and reports show. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "kompeten/kp-audit.h"
#include "kompeten/kp-core.h"
#include "kompeten/kp-employee-import.h"
#include "kp-audit-private.h"

struct _KpAuditEntry
{
  GObject parent_instance;

  KpAuditEvent *event;
  char *summary;    /* lazily */
  char *search_key; /* lazily */
  GDateTime *time;  /* lazily */
};

G_DEFINE_FINAL_TYPE (KpAuditEntry, kp_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_AT,
  PROP_ACTOR,
  PROP_ACTION,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_SUMMARY,
  PROP_ACTION_LABEL,
  PROP_ENTITY_LABEL,
  PROP_PAYLOAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
kp_audit_action_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "create", N_("Add") },
    { "update", N_("Change") },
    { "delete", N_("Delete") },
    { "move", N_("Move") },
    { "import", N_("Import") },
    { "migrate", N_("Prepare") },
    { "acknowledge", N_("Acknowledge") },
    { "apply", N_("Apply") },
    { "publish", N_("Announce") },
    { "amend", N_("Amend") },
    { "amend-cancel", N_("Cancel amendment") },
    { "verify", N_("Verify") },
    { "verify-bulk", N_("Verify in bulk") },
    { "produce", N_("Produce") },
    { "mark-sent", N_("Mark sent") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].action) == 0)
      return _(labels[i].label);
  return action != NULL ? action : "";
}

const char *
kp_audit_entity_label (const char *entity)
{
  static const struct { const char *entity; const char *label; } labels[] = {
    { "employee", N_("Employee") },
    { "unit", N_("Unit") },
    { "position", N_("Position") },
    { "database", N_("Database") },
    { "competency", N_("Competency") },
    { "assessment", N_("Assessment") },
    { "assessment-result", N_("Assessment result") },
    { "assessment-consensus", N_("Consensus level") },
    { "feedback", N_("Feedback") },
    { "idp", N_("Development plan") },
    { "standard", N_("Competency standard") },
    { "kind-standard", N_("Default standard") },
    { "jpm-weight", N_("JPM weight") },
    { "jpm-category", N_("JPM categories") },
    { "selection", N_("Selection") },
    { "formasi", N_("Vacancy") },
    { "applicant", N_("Registrant") },
    { "notification", N_("Notifications") },
    { "notification-template", N_("Notification template") },
    { "announcement", N_("Announcement") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (entity, labels[i].entity) == 0)
      return _(labels[i].label);
  return entity != NULL ? entity : "";
}

/* The label of a register column named in a payload ("nama" → "Name"). */
static const char *
column_label (const char *column)
{
  for (int f = 0; f < KP_EMPLOYEE_N_FIELDS; f++)
    if (g_strcmp0 (column, kp_employee_field_get_column (f)) == 0)
      return kp_employee_field_get_label (f);
  return column;
}

static const char *
member_string (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_int (node);
}

/* For a change payload {"field": {"old": …, "new": …}}: the new (or old) value of @member. */
static const char *
changed_value (JsonObject *object, const char *member, const char *which)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return member_string (object, member);
  return member_string (json_node_get_object (node), which);
}

static char *
describe_employee (const KpAuditEvent *event, JsonObject *payload)
{
  if (g_strcmp0 (event->action, "create") == 0)
    /* Translators: an employee's name and NIP. */
    return g_strdup_printf (_("Added %s (%s)"), changed_value (payload, "nama", "new") ?: "?",
                            event->entity_id ?: "");
  if (g_strcmp0 (event->action, "delete") == 0)
    return g_strdup_printf (_("Deleted %s (%s)"), member_string (payload, "nama") ?: "?",
                            event->entity_id ?: "");
  if (g_strcmp0 (event->action, "update") == 0 && payload != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (payload);
      g_autoptr(GString) fields = g_string_new (NULL);

      for (GList *l = members; l != NULL; l = l->next)
        g_string_append_printf (fields, "%s%s", fields->len > 0 ? ", " : "",
                                column_label (l->data));
      /* Translators: a list of field names. */
      return g_strdup_printf (_("Changed %s"), fields->str);
    }
  return NULL;
}

static char *
describe_org (const KpAuditEvent *event, JsonObject *payload)
{
  gboolean unit = g_strcmp0 (event->entity, "unit") == 0;
  const char *name = unit ? changed_value (payload, "name", "new") : member_string (payload, "title");
  const char *old_name = unit ? changed_value (payload, "name", "old") : NULL;

  if (unit && g_strcmp0 (event->action, "create") == 0)
    return g_strdup_printf (_("Added the unit “%s”"), name ?: "?");
  if (unit && g_strcmp0 (event->action, "update") == 0)
    return g_strdup_printf (_("Renamed the unit “%s” to “%s”"), old_name ?: "?", name ?: "?");
  if (unit && g_strcmp0 (event->action, "delete") == 0)
    return g_strdup_printf (_("Deleted the unit “%s”"), old_name ?: "?");
  if (unit && g_strcmp0 (event->action, "move") == 0)
    {
      const char *parent = changed_value (payload, "parent", "new");

      if (parent != NULL)
        return g_strdup_printf (_("Moved the unit “%s” under “%s”"),
                                member_string (payload, "name") ?: "?", parent);
      return g_strdup_printf (_("Moved the unit “%s” to the top level"),
                              member_string (payload, "name") ?: "?");
    }

  if (!unit && g_strcmp0 (event->action, "update") == 0)
    name = changed_value (payload, "title", "new");
  if (!unit && g_strcmp0 (event->action, "create") == 0)
    /* Translators: a position title and a unit. */
    return g_strdup_printf (_("Added the position “%s” in “%s”"), name ?: "?",
                            member_string (payload, "unit") ?: "?");
  if (!unit && g_strcmp0 (event->action, "update") == 0)
    return g_strdup_printf (_("Changed the position “%s” in “%s”"), name ?: "?",
                            member_string (payload, "unit") ?: "?");
  if (!unit && g_strcmp0 (event->action, "delete") == 0)
    return g_strdup_printf (_("Deleted the position “%s” in “%s”"), name ?: "?",
                            member_string (payload, "unit") ?: "?");
  return NULL;
}

/* A level in a standard's payload: "3", or "none" for null. */
static char *
standard_level (JsonObject *payload, const char *member)
{
  JsonNode *node = payload != NULL ? json_object_get_member (payload, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (_("none"));
  return g_strdup_printf ("%" PRId64, json_node_get_int (node));
}

static char *
describe_standard (const KpAuditEvent *event, JsonObject *payload)
{
  g_autofree char *old_level = standard_level (payload, "old");
  g_autofree char *new_level = standard_level (payload, "new");

  if (g_strcmp0 (event->action, "apply") == 0)
    /* Translators: a position kind, then counts of positions and of levels. */
    return g_strdup_printf (_("Applied the default standard of %s to %" PRId64 " positions "
                              "(%" PRId64 " levels changed)"),
                            member_string (payload, "kind") ?: "?",
                            member_int (payload, "positions"), member_int (payload, "levels"));
  if (g_strcmp0 (event->action, "update") != 0)
    return NULL;
  if (g_strcmp0 (event->entity, "kind-standard") == 0)
    /* Translators: a competency code, a position kind, the old and new levels. */
    return g_strdup_printf (_("Changed the default level of %s for %s from %s to %s"),
                            member_string (payload, "competency") ?: "?",
                            member_string (payload, "kind") ?: "?", old_level, new_level);
  /* Translators: a competency code, a position, a unit, the old and new levels. */
  return g_strdup_printf (_("Changed the level of %s for “%s” in “%s” from %s to %s"),
                          member_string (payload, "competency") ?: "?",
                          member_string (payload, "position") ?: "?",
                          member_string (payload, "unit") ?: "?", old_level, new_level);
}

/* "80 % Memenuhi Syarat, 68 % …, 0 % …" of a payload's list of categories. */
static char *
category_list (JsonObject *payload, const char *member)
{
  JsonNode *node = payload != NULL ? json_object_get_member (payload, member) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("?");
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *category = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: a JPM category's lower bound in percent, then its name. */
      g_string_append_printf (text, _("%" PRId64 " %% %s"), member_int (category, "min"),
                              member_string (category, "name") ?: "?");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_jpm (const KpAuditEvent *event, JsonObject *payload)
{
  if (g_strcmp0 (event->entity, "jpm-weight") == 0)
    {
      g_autofree char *old_percent = standard_level (payload, "old");
      g_autofree char *new_percent = standard_level (payload, "new");

      /* Translators: a position kind, then the old and new percents (or "none"). */
      return g_strdup_printf (_("Changed the technical JPM weight of %s from %s to %s"),
                              member_string (payload, "kind") ?: "?", old_percent, new_percent);
    }
  else
    {
      g_autofree char *new_list = category_list (payload, "new");

      /* Translators: the new list of JPM categories ("80 % Memenuhi Syarat, …"). */
      return g_strdup_printf (_("Changed the JPM categories to %s"), new_list);
    }
}

/* A selection's change: the sentences of its "changes" (as kp_announcement_diff wrote them),
 * the first three and how many more; a creation or publication by its name or version. */
static char *
describe_selection (const KpAuditEvent *event,
                    JsonObject         *payload)
{
  JsonNode *node = payload != NULL ? json_object_get_member (payload, "changes") : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *changes;
  guint n;

  if (g_strcmp0 (event->action, "create") == 0)
    /* Translators: a new selection's name */
    return g_strdup_printf (_("Created the selection “%s”"), member_string (payload, "name") ?: "?");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  changes = json_node_get_array (node);
  n = json_array_get_length (changes);
  for (guint i = 0; i < MIN (n, 3); i++)
    {
      JsonNode *item = json_array_get_element (changes, i);
      JsonObject *change = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, member_string (change, "sentence") ?: "?");
    }
  if (n > 3)
    /* Translators: after the first three changes of a selection's rules */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; and %u more change",
                                               "; and %u more changes", n - 3),
                            n - 3);
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

char *
kp_audit_event_describe (const KpAuditEvent *event)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *payload = NULL;
  char *text = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  if (event->payload != NULL && json_parser_load_from_data (parser, event->payload, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    payload = json_node_get_object (json_parser_get_root (parser));

  if (g_strcmp0 (event->action, "import") == 0)
    /* Translators: a file name, then counts of rows. */
    text = g_strdup_printf (_("Imported %s: %" PRId64 " new, %" PRId64 " updated, %" PRId64
                              " rejected"),
                            member_string (payload, "file") ?: "?", member_int (payload, "new"),
                            member_int (payload, "updated"), member_int (payload, "rejected"));
  else if (g_strcmp0 (event->entity, "employee") == 0)
    text = describe_employee (event, payload);
  else if (g_strcmp0 (event->entity, "unit") == 0 || g_strcmp0 (event->entity, "position") == 0)
    text = describe_org (event, payload);
  else if (g_strcmp0 (event->entity, "standard") == 0 ||
           g_strcmp0 (event->entity, "kind-standard") == 0)
    text = describe_standard (event, payload);
  else if (g_strcmp0 (event->entity, "jpm-weight") == 0 ||
           g_strcmp0 (event->entity, "jpm-category") == 0)
    text = describe_jpm (event, payload);
  else if (g_strcmp0 (event->entity, "selection") == 0)
    text = describe_selection (event, payload);
  else if (g_strcmp0 (event->action, "migrate") == 0)
    /* Translators: the number is the database's schema version. */
    text = g_strdup_printf (_("Prepared the database (version %" PRId64 ")"),
                            member_int (payload, "schema_version"));

  if (text == NULL)
    text = g_strdup_printf ("%s %s %s", kp_audit_action_label (event->action),
                            kp_audit_entity_label (event->entity), event->entity_id ?: "");
  return text;
}

static void
kp_audit_entry_finalize (GObject *object)
{
  KpAuditEntry *self = KP_AUDIT_ENTRY (object);

  kp_audit_event_free (self->event);
  g_free (self->summary);
  g_free (self->search_key);
  g_clear_pointer (&self->time, g_date_time_unref);
  G_OBJECT_CLASS (kp_audit_entry_parent_class)->finalize (object);
}

static void
kp_audit_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KpAuditEntry *self = KP_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int64 (value, self->event->seq);
      break;
    case PROP_AT:
      g_value_set_string (value, self->event->at);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->event->actor);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->event->action);
      break;
    case PROP_ENTITY:
      g_value_set_string (value, self->event->entity);
      break;
    case PROP_ENTITY_ID:
      g_value_set_string (value, self->event->entity_id);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, kp_audit_entry_get_summary (self));
      break;
    case PROP_ACTION_LABEL:
      g_value_set_string (value, kp_audit_action_label (self->event->action));
      break;
    case PROP_ENTITY_LABEL:
      g_value_set_string (value, kp_audit_entity_label (self->event->entity));
      break;
    case PROP_PAYLOAD:
      g_value_set_string (value, self->event->payload);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_audit_entry_class_init (KpAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_audit_entry_finalize;
  object_class->get_property = kp_audit_entry_get_property;

  properties[PROP_SEQ] = g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_AT] = g_param_spec_string ("at", NULL, NULL, NULL, ro);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, ro);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, ro);
  properties[PROP_ENTITY] = g_param_spec_string ("entity", NULL, NULL, NULL, ro);
  properties[PROP_ENTITY_ID] = g_param_spec_string ("entity-id", NULL, NULL, NULL, ro);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  properties[PROP_ACTION_LABEL] = g_param_spec_string ("action-label", NULL, NULL, NULL, ro);
  properties[PROP_ENTITY_LABEL] = g_param_spec_string ("entity-label", NULL, NULL, NULL, ro);
  properties[PROP_PAYLOAD] = g_param_spec_string ("payload", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_audit_entry_init (KpAuditEntry *self)
{
}

KpAuditEntry *
_kp_audit_entry_new_take (KpAuditEvent *event)
{
  KpAuditEntry *self = g_object_new (KP_TYPE_AUDIT_ENTRY, NULL);

  self->event = event;
  return self;
}

gint64
_kp_audit_entry_id_func (gpointer item)
{
  return KP_AUDIT_ENTRY (item)->event->seq;
}

gint64
kp_audit_entry_get_seq (KpAuditEntry *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_ENTRY (self), 0);
  return self->event->seq;
}

GDateTime *
kp_audit_entry_get_time (KpAuditEntry *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_ENTRY (self), NULL);

  if (self->time == NULL)
    self->time = g_date_time_new_from_iso8601 (self->event->at, NULL);
  return self->time;
}

#define EVENT_ACCESSOR(field)                                  \
  const char *kp_audit_entry_get_##field (KpAuditEntry *self)  \
  {                                                            \
    g_return_val_if_fail (KP_IS_AUDIT_ENTRY (self), NULL);     \
    return self->event->field != NULL ? self->event->field : ""; \
  }

EVENT_ACCESSOR (at)
EVENT_ACCESSOR (actor)
EVENT_ACCESSOR (action)
EVENT_ACCESSOR (entity)
EVENT_ACCESSOR (entity_id)
EVENT_ACCESSOR (payload)

const char *
kp_audit_entry_get_summary (KpAuditEntry *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_ENTRY (self), NULL);

  if (self->summary == NULL)
    self->summary = kp_audit_event_describe (self->event);
  return self->summary;
}

const char *
kp_audit_entry_get_search_key (KpAuditEntry *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_ENTRY (self), NULL);

  if (self->search_key == NULL)
    {
      g_autofree char *all =
        g_strjoin (" ", self->event->actor ?: "", kp_audit_action_label (self->event->action),
                   kp_audit_entity_label (self->event->entity), self->event->entity_id ?: "",
                   kp_audit_entry_get_summary (self), NULL);
      self->search_key = kp_text_fold (all);
    }
  return self->search_key;
}
