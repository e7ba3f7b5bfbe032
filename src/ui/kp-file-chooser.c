/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-file-chooser.c: every file dialog of Kompeten, in one file.
 *
 * GTK 4.8 has no file-dialog object (4.10 adds one), so GtkFileChooserNative lives here alone:
 * moving to it later touches one place. The folder of the last file chosen is remembered for
 * the rest of the session, so that an officer who exports next to the file just imported does
 * not have to walk there again. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kp-file-chooser.h"

typedef struct {
  KpFileChosenFunc callback;
  gpointer user_data;
  gboolean folder;      /* a folder is chosen: it is the one to remember */
} ChooserData;

/* The folder of the last file chosen in this session; NULL before the first. */
static GFile *last_folder;

static void
add_filter (GtkFileChooser    *chooser,
            const char        *filter_name,
            const char *const *patterns)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  if (patterns == NULL || patterns[0] == NULL)
    return;

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; patterns[i] != NULL; i++)
    {
      /* "*.csv" as a suffix: suffixes match in any case, so PEGAWAI.CSV from another office's
       * Windows machine is listed too. */
      if (g_str_has_prefix (patterns[i], "*.") && strpbrk (patterns[i] + 2, "*?[") == NULL)
        gtk_file_filter_add_suffix (filter, patterns[i] + 2);
      else
        gtk_file_filter_add_pattern (filter, patterns[i]);
    }
  gtk_file_chooser_add_filter (chooser, filter);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, filter);
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        gpointer         user_data)
{
  ChooserData *data = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL)
    {
      g_autoptr(GFile) folder = data->folder ? g_object_ref (file) : g_file_get_parent (file);

      if (folder != NULL)
        g_set_object (&last_folder, folder);
    }

  gtk_native_dialog_destroy (native);
  data->callback (file, data->user_data);

  g_object_unref (native);
  g_free (data);
}

/* Where a dialog that writes starts: the folder used last in this session, or the Documents
 * folder (or the home folder) the first time. */
static GFile *
start_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (last_folder != NULL)
    return g_object_ref (last_folder);
  /* Not the current folder, which is wherever the program was started from. */
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
run (GtkFileChooserNative *native,
     KpFileChosenFunc      callback,
     gpointer              user_data)
{
  ChooserData *data = g_new0 (ChooserData, 1);

  data->callback = callback;
  data->user_data = user_data;
  data->folder = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native)) == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* The reference taken by _new is dropped in the response handler. */
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * kp_file_chooser_open:
 * @parent: (nullable): the window the dialog is modal to
 * @title: the dialog's title
 * @filter_name: the name of the filter made of @patterns
 * @patterns: (array zero-terminated=1) (nullable): e.g. { "*.csv", NULL }
 * @callback: called once, with the chosen file or NULL when cancelled
 * @user_data: for @callback
 *
 * Asks for an existing file, starting in the folder used last in this session.
 */
void
kp_file_chooser_open (GtkWindow         *parent,
                      const char        *title,
                      const char        *filter_name,
                      const char *const *patterns,
                      KpFileChosenFunc   callback,
                      gpointer           user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (callback != NULL);

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (native), filter_name, patterns);
  if (last_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), last_folder, NULL);

  run (native, callback, user_data);
}

/**
 * kp_file_chooser_save:
 * @parent: (nullable): the window the dialog is modal to
 * @title: the dialog's title
 * @suggested_name: the file name proposed
 * @filter_name: the name of the filter made of @patterns
 * @patterns: (array zero-terminated=1) (nullable): e.g. { "*.xlsx", "*.csv", NULL }
 * @callback: called once, with the chosen file or NULL when cancelled
 * @user_data: for @callback
 *
 * Asks where to save, proposing @suggested_name in the folder used last in this session (the
 * Documents folder, or the home folder, the first time). The dialog itself asks before
 * replacing a file.
 */
void
kp_file_chooser_save (GtkWindow         *parent,
                      const char        *title,
                      const char        *suggested_name,
                      const char        *filter_name,
                      const char *const *patterns,
                      KpFileChosenFunc   callback,
                      gpointer           user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (callback != NULL);

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (native), filter_name, patterns);

  folder = start_folder ();
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  run (native, callback, user_data);
}

/**
 * kp_file_chooser_select_folder:
 * @parent: (nullable): the window the dialog is modal to
 * @title: the dialog's title
 * @accept_label: the accepting button's label, a mnemonic (e.g. "_Save Here")
 * @callback: called once, with the chosen folder or NULL when cancelled
 * @user_data: for @callback
 *
 * Asks for a folder to write several files into, starting where kp_file_chooser_save () would.
 */
void
kp_file_chooser_select_folder (GtkWindow        *parent,
                               const char       *title,
                               const char       *accept_label,
                               KpFileChosenFunc  callback,
                               gpointer          user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (callback != NULL);

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        accept_label, _("_Cancel"));
  folder = start_folder ();
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  run (native, callback, user_data);
}
