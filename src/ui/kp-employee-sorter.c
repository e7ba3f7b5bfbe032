/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-sorter.c: per-column sorting of the employee list.
 *
 * GtkStringSorter over property expressions evaluates both expressions for every comparison,
 * which takes seconds on 100,000 rows (see ENVIRONMENT.md). This sorter compares C fields:
 * precomputed collation keys for text, parsed indices for grades, enum order for kinds. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <string.h>

#include "kompeten/kp-model.h"

#include "kp-employee-sorter.h"

struct _KpEmployeeSorter
{
  GtkSorter parent_instance;

  KpEmployeeSortKey key;
};

G_DEFINE_FINAL_TYPE (KpEmployeeSorter, kp_employee_sorter, GTK_TYPE_SORTER)

G_DEFINE_ENUM_TYPE (KpEmployeeSortKey, kp_employee_sort_key,
  G_DEFINE_ENUM_VALUE (KP_EMPLOYEE_SORT_KEY_NAME, "name"),
  G_DEFINE_ENUM_VALUE (KP_EMPLOYEE_SORT_KEY_NIP, "nip"),
  G_DEFINE_ENUM_VALUE (KP_EMPLOYEE_SORT_KEY_SEX, "sex"),
  G_DEFINE_ENUM_VALUE (KP_EMPLOYEE_SORT_KEY_UNIT, "unit"),
  G_DEFINE_ENUM_VALUE (KP_EMPLOYEE_SORT_KEY_POSITION, "position"),
  G_DEFINE_ENUM_VALUE (KP_EMPLOYEE_SORT_KEY_KIND, "kind"),
  G_DEFINE_ENUM_VALUE (KP_EMPLOYEE_SORT_KEY_GRADE, "grade"),
  G_DEFINE_ENUM_VALUE (KP_EMPLOYEE_SORT_KEY_SUPERVISOR, "supervisor"))

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys are cached on the records themselves: store records are immutable snapshots (an edit
 * replaces the record), so a cached key never goes stale and is freed with its record. */
static GQuark unit_key_quark;
static GQuark position_key_quark;
static GQuark supervisor_key_quark;
static GQuark grade_index_quark;

static const char *
cached_collate_key (KpEmployee *employee,
                    GQuark      quark,
                    const char *text)
{
  char *key = g_object_get_qdata (G_OBJECT (employee), quark);

  if (key == NULL)
    {
      key = g_utf8_collate_key (text != NULL ? text : "", -1);
      g_object_set_qdata_full (G_OBJECT (employee), quark, key, g_free);
    }

  return key;
}

/* The grade's index 0 (I/a) ... 16 (IV/e), or -1 when empty or unparsable, so that it sorts
 * first. Stored offset by 2 because NULL qdata means "not computed yet". */
static int
cached_grade_index (KpEmployee *employee)
{
  gpointer data = g_object_get_qdata (G_OBJECT (employee), grade_index_quark);
  int index;

  if (data != NULL)
    return GPOINTER_TO_INT (data) - 2;

  index = -1;
  if (kp_employee_get_grade (employee) != NULL && kp_employee_get_grade (employee)[0] != '\0')
    index = kp_grade_parse (kp_employee_get_grade (employee), NULL);

  g_object_set_qdata (G_OBJECT (employee), grade_index_quark, GINT_TO_POINTER (index + 2));

  return index;
}

static int
compare_employees (KpEmployeeSortKey key,
                   KpEmployee       *a,
                   KpEmployee       *b)
{
  switch (key)
    {
    case KP_EMPLOYEE_SORT_KEY_NAME:
      return strcmp (kp_employee_get_name_sort_key (a), kp_employee_get_name_sort_key (b));

    case KP_EMPLOYEE_SORT_KEY_NIP:
      return g_strcmp0 (kp_employee_get_nip (a), kp_employee_get_nip (b));

    case KP_EMPLOYEE_SORT_KEY_SEX:
      return g_strcmp0 (kp_employee_get_sex (a), kp_employee_get_sex (b));

    case KP_EMPLOYEE_SORT_KEY_UNIT:
      return strcmp (cached_collate_key (a, unit_key_quark, kp_employee_get_unit_name (a)),
                     cached_collate_key (b, unit_key_quark, kp_employee_get_unit_name (b)));

    case KP_EMPLOYEE_SORT_KEY_POSITION:
      return strcmp (cached_collate_key (a, position_key_quark, kp_employee_get_position_title (a)),
                     cached_collate_key (b, position_key_quark, kp_employee_get_position_title (b)));

    case KP_EMPLOYEE_SORT_KEY_KIND:
      /* By rank (JPT Utama first), not alphabetically: that is the order HR reads them in. */
      return kp_employee_get_kind (a) - kp_employee_get_kind (b);

    case KP_EMPLOYEE_SORT_KEY_GRADE:
      return cached_grade_index (a) - cached_grade_index (b);

    case KP_EMPLOYEE_SORT_KEY_SUPERVISOR:
      return strcmp (cached_collate_key (a, supervisor_key_quark, kp_employee_get_supervisor_name (a)),
                     cached_collate_key (b, supervisor_key_quark, kp_employee_get_supervisor_name (b)));

    default:
      break;
    }

  g_assert_not_reached ();
  return 0;
}

static GtkOrdering
kp_employee_sorter_compare (GtkSorter *sorter,
                            gpointer   item1,
                            gpointer   item2)
{
  KpEmployeeSorter *self = KP_EMPLOYEE_SORTER (sorter);

  return gtk_ordering_from_cmpfunc (compare_employees (self->key, item1, item2));
}

static GtkSorterOrder
kp_employee_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
kp_employee_sorter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KpEmployeeSorter *self = KP_EMPLOYEE_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_enum (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_employee_sorter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KpEmployeeSorter *self = KP_EMPLOYEE_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      kp_employee_sorter_set_key (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_employee_sorter_class_init (KpEmployeeSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = kp_employee_sorter_get_property;
  object_class->set_property = kp_employee_sorter_set_property;

  sorter_class->compare = kp_employee_sorter_compare;
  sorter_class->get_order = kp_employee_sorter_get_order;

  properties[PROP_KEY] =
    g_param_spec_enum ("key", NULL, NULL,
                       KP_TYPE_EMPLOYEE_SORT_KEY,
                       KP_EMPLOYEE_SORT_KEY_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  unit_key_quark = g_quark_from_static_string ("kp-employee-sorter-unit-key");
  position_key_quark = g_quark_from_static_string ("kp-employee-sorter-position-key");
  supervisor_key_quark = g_quark_from_static_string ("kp-employee-sorter-supervisor-key");
  grade_index_quark = g_quark_from_static_string ("kp-employee-sorter-grade-index");
}

static void
kp_employee_sorter_init (KpEmployeeSorter *self)
{
  self->key = KP_EMPLOYEE_SORT_KEY_NAME;
}

/**
 * kp_employee_sorter_new:
 * @key: the column to compare
 *
 * Returns: (transfer full): a sorter of KpEmployee records by @key
 */
KpEmployeeSorter *
kp_employee_sorter_new (KpEmployeeSortKey key)
{
  return g_object_new (KP_TYPE_EMPLOYEE_SORTER, "key", key, NULL);
}

KpEmployeeSortKey
kp_employee_sorter_get_key (KpEmployeeSorter *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_SORTER (self), KP_EMPLOYEE_SORT_KEY_NAME);

  return self->key;
}

void
kp_employee_sorter_set_key (KpEmployeeSorter  *self,
                            KpEmployeeSortKey  key)
{
  g_return_if_fail (KP_IS_EMPLOYEE_SORTER (self));
  g_return_if_fail (key <= KP_EMPLOYEE_SORT_KEY_SUPERVISOR);

  if (self->key == key)
    return;

  self->key = key;
  gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}
