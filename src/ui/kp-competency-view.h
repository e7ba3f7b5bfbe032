/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-competency-view.h: the Competencies area: the dictionary grouped by type, the chosen
 * competency with its five levels, and the dialogs that add, change, delete and import. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_COMPETENCY_VIEW (kp_competency_view_get_type ())
G_DECLARE_FINAL_TYPE (KpCompetencyView, kp_competency_view, KP, COMPETENCY_VIEW, AdwBin)

GtkWidget *kp_competency_view_new (void);
KpDatabase *kp_competency_view_get_database (KpCompetencyView *self);
/* Set once, by the window, after construction. Property "database". */
void kp_competency_view_set_database (KpCompetencyView *self, KpDatabase *database);
/* Moves the keyboard focus to the search entry. */
void kp_competency_view_focus_search (KpCompetencyView *self);

G_END_DECLS
