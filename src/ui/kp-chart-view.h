/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-chart-view.h: a widget that draws a KpBarChart (the same drawing code as PNG, PDF, SVG and print). */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-chart.h"

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

/* The report layer has no GObject types: the boxed type of KpBarChart, for the "chart" property. */
#define KP_TYPE_BAR_CHART (kp_bar_chart_boxed_get_type ())
GType kp_bar_chart_boxed_get_type (void) G_GNUC_CONST;

#define KP_TYPE_CHART_VIEW (kp_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (KpChartView, kp_chart_view, KP, CHART_VIEW, GtkWidget)

GtkWidget *kp_chart_view_new (void);
/* Property "chart" (boxed KpBarChart, may be NULL). The widget asks for the chart's natural
 * height at its width, so it scrolls in a GtkScrolledWindow. */
void kp_chart_view_set_chart (KpChartView *self, KpBarChart *chart);
KpBarChart *kp_chart_view_get_chart (KpChartView *self);

G_END_DECLS
