/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen-data-script.h: where ../shared/tools/gen_data.py is, for the tests that import its
 * realistic dirty files (test-import, test-applicants, test-assessments and test-cli). Kept
 * apart from model-test-util.h and needing only GLib, so that test-cli.c, which has its own
 * fixture helpers of the same names, can include it too. */
#pragma once

#include <glib.h>

#define PYTHON "/usr/bin/python3"

/* The script's path, or NULL when it or PYTHON is not there (the caller then skips). */
static inline char *
gen_data_script (void)
{
  const char *root = g_getenv ("KOMPETEN_SOURCE_ROOT");
  g_autofree char *script = NULL;

  if (root == NULL)
    return NULL;
  script = g_build_filename (root, "..", "shared", "tools", "gen_data.py", NULL);
  if (!g_file_test (script, G_FILE_TEST_IS_REGULAR) ||
      !g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return g_steal_pointer (&script);
}
