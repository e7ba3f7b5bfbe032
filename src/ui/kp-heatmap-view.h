/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-heatmap-view.h: a widget that draws a KpHeatmap (the same drawing code as PNG, PDF, SVG and
 * print), and tells which cell the user clicked. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-chart.h"

G_BEGIN_DECLS

#define KP_TYPE_HEATMAP_VIEW (kp_heatmap_view_get_type ())
G_DECLARE_FINAL_TYPE (KpHeatmapView, kp_heatmap_view, KP, HEATMAP_VIEW, GtkWidget)

GtkWidget *kp_heatmap_view_new (void);
/* Shows @heatmap (transfer full; NULL: nothing). The widget asks for the heatmap's natural
 * height at its width, so it scrolls in a GtkScrolledWindow. Signal "cell-activated" (guint row,
 * guint column) when a cell is clicked. */
void kp_heatmap_view_set_heatmap (KpHeatmapView *self, KpHeatmap *heatmap);
const KpHeatmap *kp_heatmap_view_get_heatmap (KpHeatmapView *self);

/* KpHeatmap has no reference count: work that outlives a reload (an export waiting for its file
 * chooser, a print dialog) holds the shown heatmap through a shared box. Returns a new reference
 * on the box (NULL when nothing is shown); *box is the heatmap. Release with
 * kp_heatmap_box_release(). */
KpHeatmap **kp_heatmap_view_acquire_heatmap (KpHeatmapView *self);
void kp_heatmap_box_release (KpHeatmap **box);

G_END_DECLS
