/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-assessment-view.h: the assessment entry area: the assessment events, the outcomes of the
 * chosen one (each assessor's level, the spread, the counted level, disagreements to settle),
 * and the dialogs that create an event, add a result, record a consensus and import results. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_ASSESSMENT_VIEW (kp_assessment_view_get_type ())
G_DECLARE_FINAL_TYPE (KpAssessmentView, kp_assessment_view, KP, ASSESSMENT_VIEW, AdwBin)

GtkWidget *kp_assessment_view_new (void);
KpDatabase *kp_assessment_view_get_database (KpAssessmentView *self);
/* Set once, by the window, after construction. Property "database". */
void kp_assessment_view_set_database (KpAssessmentView *self, KpDatabase *database);
/* Moves the keyboard focus to the search entry of the outcomes. */
void kp_assessment_view_focus_search (KpAssessmentView *self);

G_END_DECLS
