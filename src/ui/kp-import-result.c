/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-import-result.c: see kp-import-result.h. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-file-chooser.h"
#include "kp-import-result.h"

/* The list scrolls beyond this height. */
#define MAX_LIST_HEIGHT 320

char *
kp_import_result_summarize (const KpImportCounts *counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *read = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (counts != NULL, NULL);

  if (counts->read == 0)
    return g_strdup (_("The file has no rows under its header."));

  /* Translators: the start of an import's summary, e.g. "8 rows read" */
  read = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " row read",
                                       "%" PRIu64 " rows read", (gulong) counts->read),
                          counts->read);
  if (counts->created > 0)
    /* Translators: part of an import's summary: rows that added something, e.g. "1 new" */
    g_ptr_array_add (parts, g_strdup_printf (_("%" PRIu64 " new"), counts->created));
  if (counts->updated > 0)
    /* Translators: part of an import's summary: rows that changed what was there */
    g_ptr_array_add (parts, g_strdup_printf (_("%" PRIu64 " changed"), counts->updated));
  if (counts->unchanged > 0)
    /* Translators: part of an import's summary: rows the database already held as they are */
    g_ptr_array_add (parts, g_strdup_printf (_("%" PRIu64 " unchanged"), counts->unchanged));
  if (counts->rejected > 0)
    /* Translators: part of an import's summary: rows not imported */
    g_ptr_array_add (parts, g_strdup_printf (_("%" PRIu64 " refused"), counts->rejected));
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);

  /* Translators: an import's summary: "8 rows read" and what they did, e.g.
   * "8 rows read: 1 new, 2 changed, 1 unchanged, 4 refused." */
  return g_strdup_printf (_("%s: %s."), read, list);
}

/* A refused row as the user reads it: the reason, and under it the line, column and value. */
static GtkWidget *
new_problem_row (const KpImportProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) where = g_string_new (NULL);

  /* Translators: where a refused row is, e.g. "Line 6" */
  g_string_append_printf (where, _("Line %" PRIu64), problem->line);
  if (problem->column[0] != '\0')
    /* Translators: follows "Line 6": the column of the refused value, e.g. " · kode_kompetensi" */
    g_string_append_printf (where, _(" · %s"), problem->column);
  if (problem->value[0] != '\0')
    /* Translators: follows the line and column: the refused value, e.g. " · “7”" */
    g_string_append_printf (where, _(" · “%s”"), problem->value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->reason);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where->str);
  /* Each row is read out and reachable with the keyboard. */
  gtk_widget_set_focusable (row, TRUE);

  return row;
}

GtkWidget *
kp_import_result_new_problem_list (GPtrArray   *problems,
                                   int          width,
                                   GtkListBox **list_out)
{
  GtkWidget *list = gtk_list_box_new ();

  g_return_val_if_fail (problems != NULL, NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Refused rows"),
                                  -1);
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), new_problem_row (g_ptr_array_index (problems, i)));

  if (list_out != NULL)
    *list_out = GTK_LIST_BOX (list);

  return g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                       "hscrollbar-policy", GTK_POLICY_NEVER,
                       "propagate-natural-height", TRUE,
                       "max-content-height", MAX_LIST_HEIGHT,
                       "width-request", width,
                       "child", list,
                       NULL);
}

gboolean
kp_import_result_write_problems (GPtrArray  *problems,
                                 GFile      *file,
                                 GError    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                           _("Only files on this computer or a mounted network drive can be written."));
      return FALSE;
    }

  return kp_import_problems_write_csv (problems, FALSE, path, error);
}

typedef struct {
  GtkWidget *owner;
  GPtrArray *problems;
  KpImportResultSavedFunc saved;
} SaveRequest;

static void
on_file_chosen_cb (GFile    *file,
                   gpointer  user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (file != NULL && !gtk_widget_in_destruction (request->owner))
    {
      g_autofree char *name = g_file_get_basename (file);

      if (kp_import_result_write_problems (request->problems, file, &error))
        /* Translators: %s is the name of the file written */
        message = g_strdup_printf (_("Refused rows saved to “%s”"), name);
      else
        message = g_strdup (error->message);
      request->saved (request->owner, message);
    }

  g_object_unref (request->owner);
  g_ptr_array_unref (request->problems);
  g_free (request);
}

void
kp_import_result_save_problems (GtkWindow               *parent,
                                GtkWidget               *owner,
                                const char              *imported_name,
                                GPtrArray               *problems,
                                KpImportResultSavedFunc  saved)
{
  static const char *const patterns[] = { "*.csv", NULL };
  g_autofree char *stem = g_strdup (imported_name != NULL ? imported_name : "import");
  char *dot = strrchr (stem, '.');
  g_autofree char *suggested = NULL;
  SaveRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (problems != NULL);
  g_return_if_fail (saved != NULL);

  if (dot != NULL && dot != stem)
    *dot = '\0';
  /* Translators: the proposed name of the file of refused rows; %s is the imported file's
   * name without .csv */
  suggested = g_strdup_printf (_("%s-refused.csv"), stem);

  request = g_new0 (SaveRequest, 1);
  request->owner = g_object_ref (owner);
  request->problems = g_ptr_array_ref (problems);
  request->saved = saved;

  kp_file_chooser_save (parent, _("Save Refused Rows"),
                        suggested, _("CSV (*.csv)"), (const char **) patterns, on_file_chosen_cb,
                        request);
}

gboolean
kp_import_result_run (KpImportResultImportFunc import, KpDatabase *database, GFile *file,
                      KpImportCounts *counts, char **summary, GPtrArray **problems,
                      char **problems_name, GError **error)
{
  g_autoptr(GPtrArray) refused = NULL;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (KP_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (counts != NULL && summary != NULL, FALSE);
  g_return_val_if_fail (problems != NULL && problems_name != NULL, FALSE);

  if (!import (database, file, FALSE, counts, &refused, error))
    return FALSE;

  *summary = kp_import_result_summarize (counts);
  g_clear_pointer (problems, g_ptr_array_unref);
  g_clear_pointer (problems_name, g_free);
  if (refused != NULL && refused->len > 0)
    {
      *problems = g_steal_pointer (&refused);
      *problems_name = g_file_get_basename (file);
    }
  return TRUE;
}
