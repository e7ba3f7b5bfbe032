/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-reports-view.h: the Reports area: the head-count chart, its export and printing, register exports. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_REPORTS_VIEW (kp_reports_view_get_type ())
G_DECLARE_FINAL_TYPE (KpReportsView, kp_reports_view, KP, REPORTS_VIEW, AdwBin)

GtkWidget *kp_reports_view_new (void);
KpDatabase *kp_reports_view_get_database (KpReportsView *self);
/* Set once, by the window, after construction. Property "database". */
void kp_reports_view_set_database (KpReportsView *self, KpDatabase *database);
/* Prints the chart shown (GtkPrintOperation with its dialog and preview). */
void kp_reports_view_print (KpReportsView *self);

G_END_DECLS
