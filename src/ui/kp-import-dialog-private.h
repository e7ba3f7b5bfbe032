/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-import-dialog-private.h: what the tests look at and do inside KpImportDialog. */
#pragma once

#include "kp-import-dialog.h"

G_BEGIN_DECLS

/* The step the user sees: "choose", "loading", "error", "preview", "checking", "summary",
 * "importing" or "done". */
const char *_kp_import_dialog_get_page (KpImportDialog *self);
/* TRUE while a worker thread (reading, checking or importing) has not reported back. */
gboolean _kp_import_dialog_is_busy (KpImportDialog *self);

GtkButton *_kp_import_dialog_get_next_button (KpImportDialog *self);
AdwStatusPage *_kp_import_dialog_get_error_page (KpImportDialog *self);
AdwStatusPage *_kp_import_dialog_get_done_page (KpImportDialog *self);

/* Preview. */
GtkColumnView *_kp_import_dialog_get_preview_view (KpImportDialog *self);
GtkLabel *_kp_import_dialog_get_delimiter_label (KpImportDialog *self);
GtkLabel *_kp_import_dialog_get_date_format_label (KpImportDialog *self);
GtkLabel *_kp_import_dialog_get_mapping_error_label (KpImportDialog *self);
/* The drop-down under column @column of the file (0-based), or NULL when not on screen. */
GtkDropDown *_kp_import_dialog_get_mapping_drop_down (KpImportDialog *self, guint column);

/* Checking and importing: the progress bar of the current step. */
GtkProgressBar *_kp_import_dialog_get_progress_bar (KpImportDialog *self);

/* Summary. @name: "read", "created", "updated", "unchanged", "rejected", "warnings", "units",
 * "positions". */
GtkLabel *_kp_import_dialog_get_count_label (KpImportDialog *self, const char *name);
GtkColumnView *_kp_import_dialog_get_problems_view (KpImportDialog *self);
GtkCheckButton *_kp_import_dialog_get_all_or_nothing_check (KpImportDialog *self);
/* The problems table's row @position (after sorting): its cells as the user reads them.
 * Returns FALSE past the end. Strings are transfer full. */
gboolean _kp_import_dialog_get_problem (KpImportDialog *self, guint position, guint64 *line,
                                        char **column, char **value, char **reason,
                                        gboolean *warning);

/* What the "Save Problems as CSV…" chooser calls with the file the user chose: writes the
 * rejected rows' problems (not the warnings) as line,column,value,reason. */
gboolean _kp_import_dialog_save_problems (KpImportDialog *self, GFile *file, GError **error);

G_END_DECLS
