/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-file-chooser.h: every file dialog of Kompeten, in one file. GTK 4.8 has no file-dialog object:
 * GtkFileChooserNative lives here alone, so moving to GTK 4.10's file dialog later touches one place. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @file: the chosen file (transfer none), or NULL when the user cancelled. */
typedef void (*KpFileChosenFunc) (GFile *file, gpointer user_data);

/* Asks for an existing file. @filter_name and @patterns ("*.csv", NULL) name one filter; an
 * "All files" filter is added too. */
void kp_file_chooser_open (GtkWindow *parent, const char *title, const char *filter_name,
                           const char *const *patterns, KpFileChosenFunc callback,
                           gpointer user_data);
/* Asks where to save, proposing @suggested_name in the last folder used. */
void kp_file_chooser_save (GtkWindow *parent, const char *title, const char *suggested_name,
                           const char *filter_name, const char *const *patterns,
                           KpFileChosenFunc callback, gpointer user_data);
/* Asks for a folder to write several files into; @accept_label is a mnemonic. */
void kp_file_chooser_select_folder (GtkWindow *parent, const char *title,
                                    const char *accept_label, KpFileChosenFunc callback,
                                    gpointer user_data);

G_END_DECLS
