/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-unit.c: KpUnit, an organisational unit (unit kerja), possibly inside a parent unit. */

#include "config.h"

#include "kp-records-private.h"

struct _KpUnit
{
  GObject parent_instance;

  gint64 id;
  gint64 parent_id;
  char *name;
  guint n_employees;
};

G_DEFINE_FINAL_TYPE (KpUnit, kp_unit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PARENT_ID,
  PROP_N_EMPLOYEES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kp_unit_finalize (GObject *object)
{
  g_free (KP_UNIT (object)->name);
  G_OBJECT_CLASS (kp_unit_parent_class)->finalize (object);
}

static void
kp_unit_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KpUnit *self = KP_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, kp_unit_get_name (self));
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_N_EMPLOYEES:
      g_value_set_uint (value, self->n_employees);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_unit_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KpUnit *self = KP_UNIT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kp_unit_set_name (self, g_value_get_string (value));
      break;
    case PROP_PARENT_ID:
      kp_unit_set_parent_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_unit_class_init (KpUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_unit_finalize;
  object_class->get_property = kp_unit_get_property;
  object_class->set_property = kp_unit_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_N_EMPLOYEES] = g_param_spec_uint ("n-employees", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_unit_init (KpUnit *self)
{
}

KpUnit *
kp_unit_new (void)
{
  return g_object_new (KP_TYPE_UNIT, NULL);
}

gint64
kp_unit_get_id (KpUnit *self)
{
  g_return_val_if_fail (KP_IS_UNIT (self), 0);
  return self->id;
}

const char *
kp_unit_get_name (KpUnit *self)
{
  g_return_val_if_fail (KP_IS_UNIT (self), NULL);
  return self->name != NULL ? self->name : "";
}

void
kp_unit_set_name (KpUnit *self, const char *name)
{
  g_return_if_fail (KP_IS_UNIT (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gint64
kp_unit_get_parent_id (KpUnit *self)
{
  g_return_val_if_fail (KP_IS_UNIT (self), 0);
  return self->parent_id;
}

void
kp_unit_set_parent_id (KpUnit *self, gint64 parent_id)
{
  g_return_if_fail (KP_IS_UNIT (self));
  if (self->parent_id == parent_id)
    return;
  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

guint
kp_unit_get_n_employees (KpUnit *self)
{
  g_return_val_if_fail (KP_IS_UNIT (self), 0);
  return self->n_employees;
}

void
_kp_unit_set_id (KpUnit *self, gint64 id)
{
  self->id = id;
}

void
_kp_unit_set_n_employees (KpUnit *self, guint n)
{
  self->n_employees = n;
}

gint64
_kp_unit_id_func (gpointer item)
{
  return KP_UNIT (item)->id;
}
