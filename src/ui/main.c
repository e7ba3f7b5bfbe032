/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the kompeten program: translations, then the application. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "kp-application.h"

int
main (int   argc,
      char *argv[])
{
  /* First of all: KOMPETEN_PROFILE=1 measures the start from here to the first frame. */
  gint64 launch_time = g_get_monotonic_time ();
  g_autoptr(KpApplication) application = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Tests and uninstalled runs point this at the build tree's compiled catalogues. */
  localedir = g_getenv ("KOMPETEN_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = kp_application_new ();
  if (g_strcmp0 (g_getenv ("KOMPETEN_PROFILE"), "1") == 0)
    kp_application_set_launch_time (application, launch_time);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
