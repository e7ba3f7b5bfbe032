/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-window-private.h: what the tests look at and do inside KpWindow. */
#pragma once

#include "kp-employee-view.h"
#include "kp-window.h"

G_BEGIN_DECLS

KpEmployeeView *_kp_window_get_employee_view (KpWindow *self);
AdwWindowTitle *_kp_window_get_window_title (KpWindow *self);
GtkListBox *_kp_window_get_sidebar (KpWindow *self);
AdwToastOverlay *_kp_window_get_toast_overlay (KpWindow *self);
/* The name of the area shown ("employees", …). */
const char *_kp_window_get_visible_area (KpWindow *self);
/* The window's settings, or NULL when the schema is not installed. */
GSettings *_kp_window_get_settings (KpWindow *self);
/* What the Open and New Database choosers do: opens @file (creating it if missing) in a new
 * window and closes this one, or says why not in a message dialog. */
void _kp_window_open_database (KpWindow *self, GFile *file);
/* What the Export chooser does with the chosen file: an XLSX workbook, or CSV when the name
 * ends in .csv, written off the main thread. */
void _kp_window_export_to (KpWindow *self, GFile *file);
/* TRUE from _kp_window_export_to until the export has ended and said so. */
gboolean _kp_window_is_exporting (KpWindow *self);

G_END_DECLS
