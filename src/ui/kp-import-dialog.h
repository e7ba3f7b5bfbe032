/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-import-dialog.h: importing a pegawai.csv: preview and column mapping, check, import off the main thread. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_IMPORT_DIALOG (kp_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KpImportDialog, kp_import_dialog, KP, IMPORT_DIALOG, AdwWindow)

/* A modal window over @parent. It asks for the file itself when presented without one. */
KpImportDialog *kp_import_dialog_new (GtkWindow *parent, KpDatabase *database);
/* Starts on @file (what the file chooser calls; tests call it directly). */
void kp_import_dialog_load_file (KpImportDialog *self, GFile *file);

G_END_DECLS
