/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-standards-view.h: the position standards (standar kompetensi jabatan): for each position,
 * or as the default of each position kind, the level required of every competency of the
 * dictionary; their import and export. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_STANDARDS_VIEW (kp_standards_view_get_type ())
G_DECLARE_FINAL_TYPE (KpStandardsView, kp_standards_view, KP, STANDARDS_VIEW, AdwBin)

GtkWidget *kp_standards_view_new (void);
KpDatabase *kp_standards_view_get_database (KpStandardsView *self);
/* Set once, by the window, after construction. Property "database". */
void kp_standards_view_set_database (KpStandardsView *self, KpDatabase *database);
/* Shows the positions and moves the keyboard focus to their search entry. */
void kp_standards_view_focus_search (KpStandardsView *self);

G_END_DECLS
