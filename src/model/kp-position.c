/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-position.c: KpPosition, a position (jabatan) in a unit, of one position kind. */

#include "config.h"

#include "kompeten/kp-core.h"
#include "kp-records-private.h"

struct _KpPosition
{
  GObject parent_instance;

  gint64 id;
  gint64 unit_id;
  char *unit_name;
  char *title;
  int kind;
  guint n_employees;
};

G_DEFINE_FINAL_TYPE (KpPosition, kp_position, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UNIT_ID,
  PROP_UNIT_NAME,
  PROP_TITLE,
  PROP_KIND,
  PROP_KIND_NAME,
  PROP_N_EMPLOYEES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kp_position_finalize (GObject *object)
{
  KpPosition *self = KP_POSITION (object);

  g_free (self->unit_name);
  g_free (self->title);
  G_OBJECT_CLASS (kp_position_parent_class)->finalize (object);
}

static void
kp_position_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KpPosition *self = KP_POSITION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case PROP_UNIT_NAME:
      g_value_set_string (value, kp_position_get_unit_name (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, kp_position_get_title (self));
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_KIND_NAME:
      g_value_set_string (value, kp_position_get_kind_name (self));
      break;
    case PROP_N_EMPLOYEES:
      g_value_set_uint (value, self->n_employees);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_position_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KpPosition *self = KP_POSITION (object);

  switch (prop_id)
    {
    case PROP_UNIT_ID:
      kp_position_set_unit_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      kp_position_set_title (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      kp_position_set_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_position_class_init (KpPositionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_position_finalize;
  object_class->get_property = kp_position_get_property;
  object_class->set_property = kp_position_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UNIT_ID] = g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UNIT_NAME] = g_param_spec_string ("unit-name", NULL, NULL, "", ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, -1, KP_POSITION_KIND_COUNT - 1,
                                            -1, rw);
  properties[PROP_KIND_NAME] = g_param_spec_string ("kind-name", NULL, NULL, "", ro);
  properties[PROP_N_EMPLOYEES] = g_param_spec_uint ("n-employees", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_position_init (KpPosition *self)
{
  self->kind = -1;
}

KpPosition *
kp_position_new (void)
{
  return g_object_new (KP_TYPE_POSITION, NULL);
}

gint64
kp_position_get_id (KpPosition *self)
{
  g_return_val_if_fail (KP_IS_POSITION (self), 0);
  return self->id;
}

gint64
kp_position_get_unit_id (KpPosition *self)
{
  g_return_val_if_fail (KP_IS_POSITION (self), 0);
  return self->unit_id;
}

void
kp_position_set_unit_id (KpPosition *self, gint64 unit_id)
{
  g_return_if_fail (KP_IS_POSITION (self));
  if (self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_ID]);
}

const char *
kp_position_get_unit_name (KpPosition *self)
{
  g_return_val_if_fail (KP_IS_POSITION (self), NULL);
  return self->unit_name != NULL ? self->unit_name : "";
}

const char *
kp_position_get_title (KpPosition *self)
{
  g_return_val_if_fail (KP_IS_POSITION (self), NULL);
  return self->title != NULL ? self->title : "";
}

void
kp_position_set_title (KpPosition *self, const char *title)
{
  g_return_if_fail (KP_IS_POSITION (self));
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
kp_position_get_kind (KpPosition *self)
{
  g_return_val_if_fail (KP_IS_POSITION (self), -1);
  return self->kind;
}

void
kp_position_set_kind (KpPosition *self, int kind)
{
  g_return_if_fail (KP_IS_POSITION (self));
  g_return_if_fail (kind >= -1 && kind < KP_POSITION_KIND_COUNT);
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_NAME]);
}

const char *
kp_position_get_kind_name (KpPosition *self)
{
  g_return_val_if_fail (KP_IS_POSITION (self), NULL);
  return self->kind >= 0 ? kp_position_kind_to_string (self->kind) : "";
}

guint
kp_position_get_n_employees (KpPosition *self)
{
  g_return_val_if_fail (KP_IS_POSITION (self), 0);
  return self->n_employees;
}

void
_kp_position_set_id (KpPosition *self, gint64 id)
{
  self->id = id;
}

void
_kp_position_set_unit_name (KpPosition *self, const char *unit_name)
{
  g_free (self->unit_name);
  self->unit_name = g_strdup (unit_name);
}

void
_kp_position_set_n_employees (KpPosition *self, guint n)
{
  self->n_employees = n;
}

gint64
_kp_position_id_func (gpointer item)
{
  return KP_POSITION (item)->id;
}
