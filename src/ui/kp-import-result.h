/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-import-result.h: what every import of the window tells the user afterwards, in one copy:
 * the counts in a sentence, the refused rows in a list (the reason, then where: line, column
 * and value), and saving those rows as CSV to correct and import again. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-employee-import.h"

G_BEGIN_DECLS

/* "8 rows read: 1 new, 2 changed, 1 unchanged, 4 refused." (the parts that are not zero). */
char *kp_import_result_summarize (const KpImportCounts *counts);

/* A list of the refused rows (of KpImportProblem) in a scrolled window as tall as the rows, up
 * to a limit (a file can have hundreds), @width wide: the extra child of the result dialog.
 * @list (may be NULL) receives the list box, for the tests. */
GtkWidget *kp_import_result_new_problem_list (GPtrArray *problems, int width, GtkListBox **list);

/* Called once the refused rows are saved, or could not be: @message says which (for a toast). */
typedef void (*KpImportResultSavedFunc) (gpointer owner, const char *message);

/* Asks where to save @problems (the file chooser over @parent), proposing
 * "<stem>-refused.csv" after @imported_name, writes them (kp_import_problems_write_csv), then
 * calls @saved with @owner, a widget kept alive meanwhile. */
void kp_import_result_save_problems (GtkWindow *parent, GtkWidget *owner,
                                     const char *imported_name, GPtrArray *problems,
                                     KpImportResultSavedFunc saved);

/* A model import that keeps the good rows and returns the others as problems, with
 * @all_or_nothing FALSE: kp_standards_import, kp_competency_import, kp_assessments_import. */
typedef gboolean (*KpImportResultImportFunc) (KpDatabase *db, GFile *file, gboolean all_or_nothing,
                                              KpImportCounts *counts, GPtrArray **problems,
                                              GError **error);

/* What a view does with the file the user chose, in one copy so that the views agree: runs
 * @import on this thread (the files are small), puts the counts in @counts and their sentence
 * in @summary, and replaces the view's *@problems and *@problems_name (kept for "Save as
 * CSV…" while the result is shown) with the refused rows and the file's name, or NULL when
 * no row was refused. FALSE with @error when the file could not be imported at all; the
 * view's previous problems are then kept. */
gboolean kp_import_result_run (KpImportResultImportFunc import, KpDatabase *database, GFile *file,
                               KpImportCounts *counts, char **summary, GPtrArray **problems,
                               char **problems_name, GError **error);

/* Writes @problems as CSV into @file; a file not on this computer is refused. */
gboolean kp_import_result_write_problems (GPtrArray *problems, GFile *file, GError **error);

G_END_DECLS
