/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-chart-view.h: a widget that draws a KpBarChart, or any chart of the report layer (the same
 * drawing code as PNG, PDF, SVG and print). */
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

/* The height a chart wants at a width (e.g. kp_bar_chart_get_natural_height). */
typedef double (*KpChartHeightFunc) (gconstpointer chart, double width);
/* Draws any chart: @draw (@data) at the widget's width, as high as @natural_height says; the
 * view owns @data until the next chart (@destroy frees it). @description is read out by screen
 * readers. */
void kp_chart_view_set_drawing (KpChartView *self, KpChartDrawFunc draw,
                                KpChartHeightFunc natural_height, gpointer data,
                                GDestroyNotify destroy, const char *description);

G_END_DECLS
