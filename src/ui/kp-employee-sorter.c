/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-sorter.c: per-column sorting of the employee list.
 *
 * GtkStringSorter over property expressions evaluates both expressions for every comparison,
 * which takes seconds on 100,000 rows (see ENVIRONMENT.md). This sorter compares C fields:
 * precomputed collation keys for text, parsed indices for grades, enum order for kinds.
 *
 * Even so, in GTK 4.8 the column view's own sorter has no sort keys: a sort model bound to it
 * calls it for each of the 1.7 million comparisons of 100,000 rows, through two layers of
 * checks, and took 0.2-0.4 s. So the column sorters only say which column the user chose
 * (kp_employee_sorter_probe), and kp_employee_sorter_order orders the records in plain C,
 * comparing 16-byte entries that mostly settle on their first eight bytes. */

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

/* kp_employee_sorter_probe: while set, compare only records which sorter was asked first. */
static gboolean probing;
static gpointer probe_first;
static KpEmployeeSorter *probed;

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

  if (probing)
    {
      if (probed == NULL)
        probed = self;
      /* By the items, not a constant: a descending column may swap them rather than invert
       * the answer. */
      return item1 == probe_first ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }

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

/**
 * kp_employee_sorter_probe:
 * @sorter: a column view's sorter whose columns sort with KpEmployeeSorter
 * @key: (out): the key of the column the user sorts by
 * @descending: (out): whether that column sorts descending
 *
 * GTK 4.8 has no API to ask a column view which column sorts (4.10 adds one). Its sorter
 * asks the primary column's sorter first and inverts the answer when that column sorts
 * descending: a comparison in which every KpEmployeeSorter answers "the first is smaller"
 * tells both.
 *
 * Returns: FALSE when no column sorts
 */
gboolean
kp_employee_sorter_probe (GtkSorter         *sorter,
                          KpEmployeeSortKey *key,
                          gboolean          *descending)
{
  /* Two records: a sorter answers "equal" for one record without asking anyone. */
  g_autoptr(KpEmployee) first = kp_employee_new ();
  g_autoptr(KpEmployee) second = kp_employee_new ();
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (sorter), FALSE);

  probing = TRUE;
  probe_first = first;
  probed = NULL;
  order = gtk_sorter_compare (sorter, first, second);
  probing = FALSE;
  probe_first = NULL;

  if (probed == NULL || order == GTK_ORDERING_EQUAL)
    return FALSE;

  if (key != NULL)
    *key = probed->key;
  if (descending != NULL)
    *descending = order == GTK_ORDERING_LARGER;
  probed = NULL;

  return TRUE;
}

typedef struct {
  guint64 prefix;  /* the key's first eight bytes, big-endian, or the key itself */
  guint tie;       /* the earlier position, or the register position */
  guint index;     /* into the records (and their texts) */
} Entry;

typedef struct {
  const char **texts;  /* the whole text key per record; NULL for numeric keys */
  gboolean descending;
} Order;

static guint64
text_prefix (const char *text)
{
  guint64 prefix = 0;
  guint i;

  for (i = 0; i < 8 && text[i] != '\0'; i++)
    prefix = (prefix << 8) | (guchar) text[i];

  return prefix << (8 * (8 - i));
}

/* Compares 16-byte entries: most keys differ within their first eight bytes, so the texts
 * themselves (scattered in memory, slow to reach) are rarely read. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *x = a;
  const Entry *y = b;
  const Order *order = user_data;

  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;

  if (order->texts != NULL)
    {
      const char *tx = order->texts[x->index];
      const char *ty = order->texts[y->index];

      /* Records with the same text share one key. */
      if (tx != ty)
        {
          int result = strcmp (tx, ty);

          if (result != 0)
            return order->descending ? -result : result;
        }
    }

  return x->tie < y->tie ? -1 : x->tie > y->tie;
}

/* A shared collation key per distinct text: units, positions and supervisors repeat. */
static const char *
shared_collate_key (GHashTable *keys,
                    const char *text)
{
  char *key;

  if (text == NULL)
    text = "";

  key = g_hash_table_lookup (keys, text);
  if (key == NULL)
    {
      key = g_utf8_collate_key (text, -1);
      g_hash_table_insert (keys, (gpointer) text, key);
    }

  return key;
}

/**
 * kp_employee_sorter_order:
 * @key: the column to order by
 * @descending: whether to order it descending
 * @employees: (array length=n): the records, in register order
 * @n: how many
 * @tie: (array length=n) (nullable): each record's position in the order shown before, to
 *   keep that order among equal values (as a column view keeps the earlier column's order);
 *   NULL: register order
 * @order: (array length=n) (out caller-allocates): receives the records' indices in order
 *
 * Orders the records in plain C: numbers and grades as numbers, text by its collation key.
 */
void
kp_employee_sorter_order (KpEmployeeSortKey   key,
                          gboolean            descending,
                          KpEmployee * const *employees,
                          guint               n,
                          const guint        *tie,
                          guint              *order)
{
  g_autofree Entry *entries = g_new (Entry, n);
  g_autofree const char **texts = NULL;
  g_autoptr(GHashTable) collate_keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gboolean numeric = key == KP_EMPLOYEE_SORT_KEY_KIND || key == KP_EMPLOYEE_SORT_KEY_GRADE ||
                     key == KP_EMPLOYEE_SORT_KEY_NIP || key == KP_EMPLOYEE_SORT_KEY_SEX;
  Order how = { NULL, descending };

  if (!numeric)
    texts = g_new (const char *, n);

  for (guint i = 0; i < n; i++)
    {
      KpEmployee *employee = employees[i];
      Entry *entry = &entries[i];
      const char *text = NULL;

      entry->index = i;
      entry->tie = tie != NULL ? tie[i] : i;

      switch (key)
        {
        case KP_EMPLOYEE_SORT_KEY_NAME:
          text = kp_employee_get_name_sort_key (employee);
          break;

        case KP_EMPLOYEE_SORT_KEY_NIP:
          /* Eighteen digits fit in 64 bits, and as a number compare as the digits do. */
          entry->prefix = g_ascii_strtoull (kp_employee_get_nip (employee), NULL, 10);
          break;

        case KP_EMPLOYEE_SORT_KEY_SEX:
          entry->prefix = (guint64) kp_sex_parse (kp_employee_get_sex (employee));
          break;

        case KP_EMPLOYEE_SORT_KEY_UNIT:
          text = shared_collate_key (collate_keys, kp_employee_get_unit_name (employee));
          break;

        case KP_EMPLOYEE_SORT_KEY_POSITION:
          text = shared_collate_key (collate_keys, kp_employee_get_position_title (employee));
          break;

        case KP_EMPLOYEE_SORT_KEY_SUPERVISOR:
          text = shared_collate_key (collate_keys, kp_employee_get_supervisor_name (employee));
          break;

        case KP_EMPLOYEE_SORT_KEY_KIND:
          /* By rank (JPT Utama first); none (-1) first. */
          entry->prefix = (guint64) (kp_employee_get_kind (employee) + 1);
          break;

        case KP_EMPLOYEE_SORT_KEY_GRADE:
          entry->prefix = (guint64) (cached_grade_index (employee) + 1);
          break;

        default:
          g_assert_not_reached ();
        }

      if (!numeric)
        {
          texts[i] = text != NULL ? text : "";
          entry->prefix = text_prefix (texts[i]);
        }
      /* Descending by the key, but equal values still in the earlier order. */
      if (descending)
        entry->prefix = G_MAXUINT64 - entry->prefix;
    }

  how.texts = texts;
  g_qsort_with_data (entries, n, sizeof (Entry), compare_entries, &how);

  for (guint i = 0; i < n; i++)
    order[i] = entries[i].index;
}

/* ---- KpEmployeeList: the register in the order shown -------------------------------------- */

/* A list of records in an array. GListStore keeps its items in a GSequence: replacing 100,000
 * of them took 60 ms, mostly in taking and dropping a reference on each record (every one a
 * cache miss). Reordering the same records here only rewrites the array. */
struct _KpEmployeeList
{
  GObject parent_instance;

  GPtrArray *items; /* of KpEmployee, owned */
};

static GType
kp_employee_list_get_item_type (GListModel *model)
{
  return KP_TYPE_EMPLOYEE;
}

static guint
kp_employee_list_get_n_items (GListModel *model)
{
  return KP_EMPLOYEE_LIST (model)->items->len;
}

static gpointer
kp_employee_list_get_item (GListModel *model,
                           guint       position)
{
  KpEmployeeList *self = KP_EMPLOYEE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
kp_employee_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kp_employee_list_get_item_type;
  iface->get_n_items = kp_employee_list_get_n_items;
  iface->get_item = kp_employee_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (KpEmployeeList, kp_employee_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kp_employee_list_model_init))

static void
kp_employee_list_finalize (GObject *object)
{
  KpEmployeeList *self = KP_EMPLOYEE_LIST (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (kp_employee_list_parent_class)->finalize (object);
}

static void
kp_employee_list_class_init (KpEmployeeListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_employee_list_finalize;
}

static void
kp_employee_list_init (KpEmployeeList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KpEmployeeList *
kp_employee_list_new (void)
{
  return g_object_new (KP_TYPE_EMPLOYEE_LIST, NULL);
}

/**
 * kp_employee_list_splice:
 * @position: where the change starts
 * @removed: how many records to remove there
 * @added: (array length=n_added) (transfer none): the records to put there
 * @n_added: how many
 *
 * Emits one items-changed.
 */
void
kp_employee_list_splice (KpEmployeeList      *self,
                         guint                position,
                         guint                removed,
                         KpEmployee * const  *added,
                         guint                n_added)
{
  g_return_if_fail (KP_IS_EMPLOYEE_LIST (self));
  g_return_if_fail (position + removed <= self->items->len);

  g_ptr_array_remove_range (self->items, position, removed);
  for (guint i = 0; i < n_added; i++)
    g_ptr_array_insert (self->items, position + i, g_object_ref (added[i]));

  if (removed > 0 || n_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, n_added);
}

/**
 * kp_employee_list_reorder:
 * @items: (array length=n) (transfer none): the same records as the list holds, in a new order
 * @n: how many: the list's length
 *
 * Shows the same records in another order, with one items-changed and without taking a
 * reference anew on each.
 */
void
kp_employee_list_reorder (KpEmployeeList     *self,
                          KpEmployee * const *items,
                          guint               n)
{
  g_return_if_fail (KP_IS_EMPLOYEE_LIST (self));
  g_return_if_fail (n == self->items->len);

  if (n == 0)
    return;

  memcpy (self->items->pdata, items, n * sizeof (gpointer));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);
}
