/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-background-export.h: writes a file from the database in a worker thread, so that a
 * workbook of 100,000 employees does not freeze the window. One copy of what every export of
 * the window needs: the worker's own connection (a KpDatabase is not thread-safe), the
 * application held until the file is written (closing the last window must not end the program
 * halfway through it), and a path on this computer. */
#pragma once

#include <gio/gio.h>

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

/* Writes @path from @database; runs in the worker, on a connection of its own. */
typedef gboolean (*KpExportWriteFunc) (KpDatabase  *database,
                                       const char  *path,
                                       gpointer     data,
                                       GError     **error);

/* Runs @write (@data, freed with @data_free when done) on a new connection to @database's file,
 * writing @file, then calls @callback on the main thread (its source object is NULL: the
 * export does not keep @source_object alive; kp_background_export_dup_source gives it back
 * while it lives). A @file that is
 * not on this computer fails at once with KP_MODEL_ERROR_FILE, through the callback too. */
void kp_background_export (gpointer             source_object,
                           KpDatabase          *database,
                           GFile               *file,
                           KpExportWriteFunc    write,
                           gpointer             data,
                           GDestroyNotify       data_free,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data);
gboolean kp_background_export_finish (GAsyncResult  *result,
                                      GError       **error);
/* The @source_object given to kp_background_export, with a reference, or NULL once it is gone
 * (the window was closed meanwhile). */
gpointer kp_background_export_dup_source (GAsyncResult *result);
/* The file the export wrote (or tried to), for the toast that names it. Transfer none. */
GFile *kp_background_export_get_file (GAsyncResult *result);

G_END_DECLS
