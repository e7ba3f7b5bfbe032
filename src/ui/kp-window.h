/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-window.h: the main window: one database, its areas. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

#define KP_TYPE_WINDOW (kp_window_get_type ())
G_DECLARE_FINAL_TYPE (KpWindow, kp_window, KP, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests). */
KpWindow *kp_window_new (GtkApplication *application, KpDatabase *database);
KpDatabase *kp_window_get_database (KpWindow *self);
/* Shows a toast over the window's content (e.g. "Deleted … — Undo"). */
void kp_window_add_toast (KpWindow *self, AdwToast *toast);
/* Shows an area of the sidebar: "employees", "organisation", "competencies", "reports",
 * "audit". */
void kp_window_show_area (KpWindow *self, const char *name);

G_END_DECLS
