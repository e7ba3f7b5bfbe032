/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-store-private.h: KpStore, the GListModel behind every entity store: an array of record
 * objects that changes by splices, each emitting exactly one items-changed. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KP_TYPE_STORE (kp_store_get_type ())
G_DECLARE_FINAL_TYPE (KpStore, kp_store, KP, STORE, GObject)

/* @id_func returns a record's row id, used to find records for replace and remove. */
typedef gint64 (*KpStoreIdFunc) (gpointer item);

KpStore *_kp_store_new (GType item_type, KpStoreIdFunc id_func);
/* Replaces everything (@items: transfer full, of @item_type). */
void _kp_store_set_all (KpStore *self, GPtrArray *items);
/* The index of the record with @id, or -1. */
gint _kp_store_find (KpStore *self, gint64 id);
/* Replaces the record with the same id, or appends it (transfer none). */
void _kp_store_put (KpStore *self, gpointer item);
void _kp_store_remove (KpStore *self, gint64 id);
/* Appends @items (transfer container: the array's references move into the store). */
void _kp_store_append (KpStore *self, GPtrArray *items);
/* The last record, or NULL (transfer none). */
gpointer _kp_store_peek_last (KpStore *self);
gboolean _kp_store_is_loaded (KpStore *self);

G_END_DECLS
