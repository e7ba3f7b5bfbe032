/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee.c: KpEmployee, one row of the register. Its many text columns live in one array
 * indexed by property id, so that a property, its getter and its setter are one line each. */

#include "config.h"

#include "kompeten/kp-core.h"
#include "kp-records-private.h"

enum {
  PROP_0,
  /* text columns first: they index self->text */
  PROP_NIP,
  PROP_NAME,
  PROP_SEX,
  PROP_BIRTH_PLACE,
  PROP_BIRTH_DATE,
  PROP_EDUCATION,
  PROP_GRADE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_POSITION_TITLE,
  PROP_KIND_NAME,
  PROP_UNIT_NAME,
  PROP_SUPERVISOR_NIP,
  PROP_SUPERVISOR_NAME,
  N_TEXT_PROPS,
  PROP_ID = N_TEXT_PROPS,
  PROP_POSITION_ID,
  PROP_SUPERVISOR_ID,
  PROP_UNIT_ID,
  PROP_KIND,
  N_PROPS
};

struct _KpEmployee
{
  GObject parent_instance;

  gint64 id;
  gint64 position_id;
  gint64 supervisor_id;
  gint64 unit_id;
  int kind;
  char *text[N_TEXT_PROPS];
  char *search_key; /* lazily computed */
  char *name_sort_key;
};

G_DEFINE_FINAL_TYPE (KpEmployee, kp_employee, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char *
get_text (KpEmployee *self, guint prop)
{
  return self->text[prop] != NULL ? self->text[prop] : "";
}

static void
set_text (KpEmployee *self, guint prop, const char *value)
{
  if (g_strcmp0 (self->text[prop], value) == 0)
    return;
  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value);
  if (prop == PROP_NAME || prop == PROP_NIP)
    {
      g_clear_pointer (&self->search_key, g_free);
      g_clear_pointer (&self->name_sort_key, g_free);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_id (KpEmployee *self, gint64 *field, guint prop, gint64 value)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
kp_employee_finalize (GObject *object)
{
  KpEmployee *self = KP_EMPLOYEE (object);

  for (guint i = 0; i < N_TEXT_PROPS; i++)
    g_free (self->text[i]);
  g_free (self->search_key);
  g_free (self->name_sort_key);
  G_OBJECT_CLASS (kp_employee_parent_class)->finalize (object);
}

static void
kp_employee_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KpEmployee *self = KP_EMPLOYEE (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    {
      g_value_set_string (value, get_text (self, prop_id));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_POSITION_ID:
      g_value_set_int64 (value, self->position_id);
      break;
    case PROP_SUPERVISOR_ID:
      g_value_set_int64 (value, self->supervisor_id);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_employee_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KpEmployee *self = KP_EMPLOYEE (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_POSITION_ID:
      set_id (self, &self->position_id, prop_id, g_value_get_int64 (value));
      break;
    case PROP_SUPERVISOR_ID:
      set_id (self, &self->supervisor_id, prop_id, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_employee_class_init (KpEmployeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  static const struct { guint prop; const char *name; gboolean writable; } text_props[] = {
    { PROP_NIP, "nip", TRUE },
    { PROP_NAME, "name", TRUE },
    { PROP_SEX, "sex", TRUE },
    { PROP_BIRTH_PLACE, "birth-place", TRUE },
    { PROP_BIRTH_DATE, "birth-date", TRUE },
    { PROP_EDUCATION, "education", TRUE },
    { PROP_GRADE, "grade", TRUE },
    { PROP_EMAIL, "email", TRUE },
    { PROP_PHONE, "phone", TRUE },
    { PROP_POSITION_TITLE, "position-title", FALSE },
    { PROP_KIND_NAME, "kind-name", FALSE },
    { PROP_UNIT_NAME, "unit-name", FALSE },
    { PROP_SUPERVISOR_NIP, "supervisor-nip", FALSE },
    { PROP_SUPERVISOR_NAME, "supervisor-name", FALSE },
  };

  object_class->finalize = kp_employee_finalize;
  object_class->get_property = kp_employee_get_property;
  object_class->set_property = kp_employee_set_property;

  for (guint i = 0; i < G_N_ELEMENTS (text_props); i++)
    properties[text_props[i].prop] =
      g_param_spec_string (text_props[i].name, NULL, NULL, "",
                           text_props[i].writable ? rw : ro);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_POSITION_ID] =
    g_param_spec_int64 ("position-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SUPERVISOR_ID] =
    g_param_spec_int64 ("supervisor-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UNIT_ID] = g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, -1, KP_POSITION_KIND_COUNT - 1,
                                            -1, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_employee_init (KpEmployee *self)
{
  self->kind = -1;
}

KpEmployee *
kp_employee_new (void)
{
  return g_object_new (KP_TYPE_EMPLOYEE, NULL);
}

KpEmployee *
kp_employee_copy (KpEmployee *self)
{
  KpEmployee *copy;

  g_return_val_if_fail (KP_IS_EMPLOYEE (self), NULL);

  copy = kp_employee_new ();
  copy->id = self->id;
  copy->position_id = self->position_id;
  copy->supervisor_id = self->supervisor_id;
  copy->unit_id = self->unit_id;
  copy->kind = self->kind;
  for (guint i = 0; i < N_TEXT_PROPS; i++)
    copy->text[i] = g_strdup (self->text[i]);
  return copy;
}

KpEmployee *
kp_employee_copy_as_new (KpEmployee *self)
{
  KpEmployee *copy = kp_employee_copy (self);

  copy->id = 0;
  return copy;
}

#define TEXT_ACCESSORS(field, PROP)                                     \
  const char *kp_employee_get_##field (KpEmployee *self)               \
  {                                                                     \
    g_return_val_if_fail (KP_IS_EMPLOYEE (self), NULL);                 \
    return get_text (self, PROP);                                       \
  }
#define TEXT_SETTER(field, PROP)                                        \
  void kp_employee_set_##field (KpEmployee *self, const char *value)   \
  {                                                                     \
    g_return_if_fail (KP_IS_EMPLOYEE (self));                           \
    set_text (self, PROP, value);                                       \
  }

TEXT_ACCESSORS (nip, PROP_NIP)
TEXT_SETTER (nip, PROP_NIP)
TEXT_ACCESSORS (name, PROP_NAME)
TEXT_SETTER (name, PROP_NAME)
TEXT_ACCESSORS (sex, PROP_SEX)
TEXT_SETTER (sex, PROP_SEX)
TEXT_ACCESSORS (birth_place, PROP_BIRTH_PLACE)
TEXT_SETTER (birth_place, PROP_BIRTH_PLACE)
TEXT_ACCESSORS (birth_date, PROP_BIRTH_DATE)
TEXT_SETTER (birth_date, PROP_BIRTH_DATE)
TEXT_ACCESSORS (education, PROP_EDUCATION)
TEXT_SETTER (education, PROP_EDUCATION)
TEXT_ACCESSORS (grade, PROP_GRADE)
TEXT_SETTER (grade, PROP_GRADE)
TEXT_ACCESSORS (email, PROP_EMAIL)
TEXT_SETTER (email, PROP_EMAIL)
TEXT_ACCESSORS (phone, PROP_PHONE)
TEXT_SETTER (phone, PROP_PHONE)
TEXT_ACCESSORS (position_title, PROP_POSITION_TITLE)
TEXT_ACCESSORS (kind_name, PROP_KIND_NAME)
TEXT_ACCESSORS (unit_name, PROP_UNIT_NAME)
TEXT_ACCESSORS (supervisor_nip, PROP_SUPERVISOR_NIP)
TEXT_ACCESSORS (supervisor_name, PROP_SUPERVISOR_NAME)

gint64
kp_employee_get_id (KpEmployee *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE (self), 0);
  return self->id;
}

gint64
kp_employee_get_position_id (KpEmployee *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE (self), 0);
  return self->position_id;
}

void
kp_employee_set_position_id (KpEmployee *self, gint64 position_id)
{
  g_return_if_fail (KP_IS_EMPLOYEE (self));
  set_id (self, &self->position_id, PROP_POSITION_ID, position_id);
}

gint64
kp_employee_get_supervisor_id (KpEmployee *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE (self), 0);
  return self->supervisor_id;
}

void
kp_employee_set_supervisor_id (KpEmployee *self, gint64 supervisor_id)
{
  g_return_if_fail (KP_IS_EMPLOYEE (self));
  set_id (self, &self->supervisor_id, PROP_SUPERVISOR_ID, supervisor_id);
}

int
kp_employee_get_kind (KpEmployee *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE (self), -1);
  return self->kind;
}

gint64
kp_employee_get_unit_id (KpEmployee *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE (self), 0);
  return self->unit_id;
}

const char *
kp_employee_get_search_key (KpEmployee *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE (self), NULL);

  if (self->search_key == NULL)
    {
      g_autofree char *both = g_strconcat (get_text (self, PROP_NAME), " ",
                                           get_text (self, PROP_NIP), NULL);
      self->search_key = kp_text_fold (both);
    }
  return self->search_key;
}

const char *
kp_employee_get_name_sort_key (KpEmployee *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE (self), NULL);

  if (self->name_sort_key == NULL)
    self->name_sort_key = g_utf8_collate_key (get_text (self, PROP_NAME), -1);
  return self->name_sort_key;
}

KpEmployee *
_kp_employee_new_from_row (const KpEmployeeRow *row)
{
  KpEmployee *self = kp_employee_new ();

  self->id = row->id;
  self->position_id = row->position_id;
  self->supervisor_id = row->supervisor_id;
  self->unit_id = row->unit_id;
  self->kind = row->kind;
  self->text[PROP_NIP] = g_strdup (row->nip);
  self->text[PROP_NAME] = g_strdup (row->name);
  self->text[PROP_SEX] = g_strdup (row->sex);
  self->text[PROP_BIRTH_PLACE] = g_strdup (row->birth_place);
  self->text[PROP_BIRTH_DATE] = g_strdup (row->birth_date);
  self->text[PROP_EDUCATION] = g_strdup (row->education);
  self->text[PROP_GRADE] = g_strdup (row->grade);
  self->text[PROP_EMAIL] = g_strdup (row->email);
  self->text[PROP_PHONE] = g_strdup (row->phone);
  self->text[PROP_POSITION_TITLE] = g_strdup (row->position_title);
  self->text[PROP_KIND_NAME] = g_strdup (row->kind >= 0 ? kp_position_kind_to_string (row->kind) : "");
  self->text[PROP_UNIT_NAME] = g_strdup (row->unit_name);
  self->text[PROP_SUPERVISOR_NIP] = g_strdup (row->supervisor_nip);
  self->text[PROP_SUPERVISOR_NAME] = g_strdup (row->supervisor_name);
  return self;
}

void
_kp_employee_set_id (KpEmployee *self, gint64 id)
{
  set_id (self, &self->id, PROP_ID, id);
}

void
_kp_employee_set_joined (KpEmployee *self, const char *position_title, int kind,
                         gint64 unit_id, const char *unit_name, const char *supervisor_nip,
                         const char *supervisor_name)
{
  set_text (self, PROP_POSITION_TITLE, position_title);
  set_text (self, PROP_KIND_NAME, kind >= 0 ? kp_position_kind_to_string (kind) : "");
  set_text (self, PROP_UNIT_NAME, unit_name);
  set_text (self, PROP_SUPERVISOR_NIP, supervisor_nip);
  set_text (self, PROP_SUPERVISOR_NAME, supervisor_name);
  set_id (self, &self->unit_id, PROP_UNIT_ID, unit_id);
  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

gint64
_kp_employee_id_func (gpointer item)
{
  return KP_EMPLOYEE (item)->id;
}
