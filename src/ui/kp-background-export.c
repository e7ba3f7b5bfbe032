/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-background-export.c: see kp-background-export.h. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-background-export.h"

typedef struct {
  GWeakRef source;   /* the widget that asked: the task does not keep it alive */
  char *database_path;
  GFile *file;
  KpExportWriteFunc write;
  gpointer data;
  GDestroyNotify data_free;
  GApplication *application; /* held while the export runs; NULL without one (tests) */
} Job;

static void
job_free (Job *job)
{
  if (job->application != NULL)
    {
      g_application_release (job->application);
      g_object_unref (job->application);
    }
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_object (&job->file);
  g_free (job->database_path);
  g_weak_ref_clear (&job->source);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(KpDatabase) database = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  database = kp_database_open (job->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->write (database, path, job->data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
kp_background_export (gpointer             source_object,
                      KpDatabase          *database,
                      GFile               *file,
                      KpExportWriteFunc    write,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  Job *job;

  g_return_if_fail (KP_IS_DATABASE (database));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (write != NULL);

  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->source, source_object);
  job->database_path = g_strdup (kp_database_get_path (database));
  job->file = g_object_ref (file);
  job->write = write;
  job->data = data;
  job->data_free = data_free;
  job->application = g_application_get_default ();
  if (job->application != NULL)
    {
      g_object_ref (job->application);
      g_application_hold (job->application);
    }

  /* Not the task's source object: the worker thread drops its reference to the task some time
   * after the callback has run, and a window closed meanwhile must go at once. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kp_background_export);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE, "%s",
                               _("Only files on this computer or a mounted network drive can be written."));
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

gboolean
kp_background_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kp_background_export, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GFile *
kp_background_export_get_file (GAsyncResult *result)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  job = g_task_get_task_data (G_TASK (result));
  return job->file;
}

gpointer
kp_background_export_dup_source (GAsyncResult *result)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  job = g_task_get_task_data (G_TASK (result));
  return g_weak_ref_get (&job->source);
}
