/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-application.c: command line, application actions, and one window per run.
 *
 * The application is not unique: each run opens its own database (tests and several databases
 * side by side need that), so options are handled locally and activate opens the window. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-application.h"
#include "kp-window.h"

struct _KpApplication
{
  AdwApplication parent_instance;

  /* owned */
  char *db_path; /* --db, absolute; NULL for the default database */
  gboolean demo; /* --demo */
  gint64 launch_time; /* KOMPETEN_PROFILE only */
};

G_DEFINE_FINAL_TYPE (KpApplication, kp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database FILE, creating it if it does not exist"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo database, filling it with sample employees the first time"), NULL },
  { NULL }
};

static char *
get_database_path (KpApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;

  if (self->db_path != NULL)
    return g_strdup (self->db_path);

  if (self->demo)
    return g_build_filename (g_get_user_data_dir (), "kompeten", "demo.db", NULL);

  /* The database used last, unless it was moved or deleted since: then the default one rather
   * than silently creating an empty file where the old one was. */
  settings = kp_application_new_settings ();
  if (settings != NULL)
    last = g_settings_get_string (settings, "last-database");
  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return kp_database_get_default_path ();
}

static KpDatabase *
open_database (KpApplication  *self,
               const char     *path,
               GError        **error)
{
  g_autoptr(KpDatabase) database = NULL;

  database = kp_database_open (path, error);
  if (database == NULL)
    return NULL;

  if (self->demo &&
      g_list_model_get_n_items (kp_database_get_employees (database)) == 0 &&
      !kp_database_load_demo (database, error))
    return NULL;

  return g_steal_pointer (&database);
}

static void
show_open_error (KpApplication *self,
                 const GError  *error)
{
  AdwMessageDialog *dialog;

  /* Also on stderr: whoever started us from a terminal or a script sees why it stopped. The
   * model's messages name the file. */
  g_printerr ("kompeten: %s\n", error->message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Cannot Open the Database"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));

  /* The dialog is the only window: when it closes, the application has nothing left and
   * quits. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  KpApplication *self = user_data;
  static const char *developers[] = { "Tim Kompeten", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", "Kompeten",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "Tim Kompeten",
                        "developers", developers,
                        "copyright", "© 2026 Tim Kompeten",
                        "comments", _("The employee register and competency records of a regional civil service"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line, shown in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows;

  /* Closing rather than g_application_quit: each window saves its size on close-request, and
   * the application ends with its last window (or once a running export, which holds it, has
   * written its file). The references keep the list valid while windows go away. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static int
kp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  KpApplication *self = KP_APPLICATION (application);
  g_autofree char *db_path = NULL;

  g_variant_dict_lookup (options, "db", "^ay", &db_path);
  self->demo = g_variant_dict_contains (options, "demo");

  if (db_path != NULL && self->demo)
    {
      g_printerr ("%s\n", _("--db and --demo cannot be used together"));
      return EXIT_FAILURE;
    }

  if (db_path != NULL)
    self->db_path = g_canonicalize_filename (db_path, NULL);

  return -1;
}

static void
kp_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (kp_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
kp_application_activate (GApplication *application)
{
  KpApplication *self = KP_APPLICATION (application);
  GtkWindow *window;
  g_autoptr(KpDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = get_database_path (self);
  database = open_database (self, path, &error);
  if (database == NULL)
    {
      show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (kp_window_new (GTK_APPLICATION (self), database));
  gtk_window_present (window);
}

static void
kp_application_finalize (GObject *object)
{
  KpApplication *self = KP_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (kp_application_parent_class)->finalize (object);
}

static void
kp_application_class_init (KpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kp_application_finalize;

  application_class->handle_local_options = kp_application_handle_local_options;
  application_class->startup = kp_application_startup;
  application_class->activate = kp_application_activate;
}

static void
kp_application_init (KpApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * kp_application_new_settings:
 *
 * Returns: (transfer full) (nullable): the settings, or NULL when the schema is not installed
 */
GSettings *
kp_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* g_settings_new aborts on a missing schema: an uninstalled run without
   * GSETTINGS_SCHEMA_DIR just remembers nothing. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("No settings schema %s: window size and last database are not remembered",
               APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

void
kp_application_set_launch_time (KpApplication *self,
                                gint64         monotonic_time)
{
  g_return_if_fail (KP_IS_APPLICATION (self));

  self->launch_time = monotonic_time;
}

gint64
kp_application_get_launch_time (KpApplication *self)
{
  g_return_val_if_fail (KP_IS_APPLICATION (self), 0);

  return self->launch_time;
}

/**
 * kp_application_new:
 *
 * Returns: (transfer full): the application
 */
KpApplication *
kp_application_new (void)
{
  /* AdwApplication loads style.css from the resource base path at startup. */
  return g_object_new (KP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/id/go/lampungselatankab/Kompeten",
                       NULL);
}
