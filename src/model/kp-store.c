/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kp-store-private.h"

struct _KpStore
{
  GObject parent_instance;

  GType item_type;
  KpStoreIdFunc id_func;
  GPtrArray *items; /* owned records; NULL until first loaded */
};

static void kp_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KpStore, kp_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kp_store_list_model_init))

static GType
kp_store_get_item_type (GListModel *model)
{
  return KP_STORE (model)->item_type;
}

static guint
kp_store_get_n_items (GListModel *model)
{
  KpStore *self = KP_STORE (model);

  return self->items != NULL ? self->items->len : 0;
}

static gpointer
kp_store_get_item (GListModel *model, guint position)
{
  KpStore *self = KP_STORE (model);

  if (self->items == NULL || position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
kp_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kp_store_get_item_type;
  iface->get_n_items = kp_store_get_n_items;
  iface->get_item = kp_store_get_item;
}

static void
kp_store_finalize (GObject *object)
{
  KpStore *self = KP_STORE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (kp_store_parent_class)->finalize (object);
}

static void
kp_store_class_init (KpStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_store_finalize;
}

static void
kp_store_init (KpStore *self)
{
}

KpStore *
_kp_store_new (GType item_type, KpStoreIdFunc id_func)
{
  KpStore *self = g_object_new (KP_TYPE_STORE, NULL);

  self->item_type = item_type;
  self->id_func = id_func;
  return self;
}

void
_kp_store_set_all (KpStore *self, GPtrArray *items)
{
  guint removed = kp_store_get_n_items (G_LIST_MODEL (self));

  g_return_if_fail (KP_IS_STORE (self));
  g_return_if_fail (items != NULL);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;
  if (removed > 0 || items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, items->len);
}

gint
_kp_store_find (KpStore *self, gint64 id)
{
  if (self->items == NULL)
    return -1;
  for (guint i = 0; i < self->items->len; i++)
    if (self->id_func (g_ptr_array_index (self->items, i)) == id)
      return (gint) i;
  return -1;
}

void
_kp_store_put (KpStore *self, gpointer item)
{
  gint index;

  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));

  if (self->items == NULL)
    return; /* not loaded: the first load reads it from the database */

  index = _kp_store_find (self, self->id_func (item));
  if (index >= 0)
    {
      g_object_unref (g_ptr_array_index (self->items, index));
      g_ptr_array_index (self->items, index) = g_object_ref (item);
      g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 1);
    }
  else
    {
      g_ptr_array_add (self->items, g_object_ref (item));
      g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
    }
}

void
_kp_store_remove (KpStore *self, gint64 id)
{
  gint index = _kp_store_find (self, id);

  if (index < 0)
    return;
  g_ptr_array_remove_index (self->items, index);
  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
}

void
_kp_store_append (KpStore *self, GPtrArray *items)
{
  guint position;

  g_return_if_fail (self->items != NULL);

  position = self->items->len;
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
  if (items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, items->len);
}

gpointer
_kp_store_peek_last (KpStore *self)
{
  if (self->items == NULL || self->items->len == 0)
    return NULL;
  return g_ptr_array_index (self->items, self->items->len - 1);
}

gboolean
_kp_store_is_loaded (KpStore *self)
{
  return self->items != NULL;
}
