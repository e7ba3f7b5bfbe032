/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report-test-util.h: what the chart and workbook tests share: a scratch folder, counting and
 * removing what a test wrote into it, and reading a PDF's text back. One copy, static inline
 * for the reason tests/ui/ui-test-util.h gives; GLib only, since these programs link no
 * model test helpers (test-announcement has model-test-util.h's). */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

static inline char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kp-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

/* How many files a test left in @path: a failed write must leave none behind. */
static inline guint
count_entries (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);

  return n;
}

/* Text of a PDF as a reader would copy it, or NULL when pdftotext is not installed. */
static inline char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;

  {
    const char *argv[] = { program, "-enc", "UTF-8", path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}
