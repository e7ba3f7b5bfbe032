/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-heatmap-view.c: a widget that draws a KpHeatmap with kp_heatmap_draw(), the function that
 * also writes the PNG, PDF and SVG files and prints, so what the window shows is what the files
 * hold. A click on a cell is reported with kp_heatmap_hit(), for the drill-down.
 *
 * Like KpChartView: a white page on a "card", as tall as the heatmap's natural height at the
 * width it gets, so that in a GtkScrolledWindow every unit stays readable and the page scrolls. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kp-heatmap-view.h"

struct _KpHeatmapView
{
  GtkWidget parent_instance;

  /* owned */
  KpHeatmap **heatmap; /* a GRcBox; NULL: nothing to draw */
};

G_DEFINE_FINAL_TYPE (KpHeatmapView, kp_heatmap_view, GTK_TYPE_WIDGET)

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Below this the unit labels and the cells cannot both be read. */
#define MIN_WIDTH 360
/* The width the CLI and the exports draw at: the heatmap looks the same in the window. */
#define NATURAL_WIDTH 900
/* An empty view (no heatmap yet) keeps a sensible page instead of collapsing. */
#define EMPTY_HEIGHT 120

static void
clear_box (KpHeatmap **box)
{
  g_clear_pointer (box, kp_heatmap_free);
}

static const KpHeatmap *
get_heatmap (KpHeatmapView *self)
{
  return self->heatmap != NULL ? *self->heatmap : NULL;
}

/* A screen reader cannot see the colours: the description says what the cells hold and how to
 * open the list of a cell. */
static void
update_description (KpHeatmapView *self)
{
  const KpHeatmap *heatmap = get_heatmap (self);
  g_autofree char *text = NULL;

  if (heatmap == NULL || kp_heatmap_get_n_rows (heatmap) == 0)
    text = g_strdup (_("No data"));
  else
    /* Translators: read out by a screen reader for the gap heatmap: its size */
    text = g_strdup_printf (_("%u units by %u competencies, each cell the share of the assessed "
                              "employees below the standard"),
                            kp_heatmap_get_n_rows (heatmap), kp_heatmap_get_n_columns (heatmap));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      KpHeatmapView   *self)
{
  const KpHeatmap *heatmap = get_heatmap (self);
  guint row, column;

  if (heatmap == NULL)
    return;

  if (kp_heatmap_hit (heatmap, gtk_widget_get_width (GTK_WIDGET (self)), x, y, &row, &column))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
    }
}

static GtkSizeRequestMode
kp_heatmap_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kp_heatmap_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  const KpHeatmap *heatmap = get_heatmap (KP_HEATMAP_VIEW (widget));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = heatmap != NULL ? MAX (MIN_WIDTH, (int) ceil (kp_heatmap_get_min_width (heatmap)))
                                 : MIN_WIDTH;
      *natural = MAX (*minimum, NATURAL_WIDTH);
      return;
    }

  if (heatmap == NULL)
    {
      *minimum = *natural = EMPTY_HEIGHT;
      return;
    }

  /* The natural height is also the minimum: a page that scrolls is easier to read than one
   * that shrinks. */
  *minimum = *natural =
    (int) kp_heatmap_get_natural_height (heatmap, for_size > 0 ? for_size : NATURAL_WIDTH);
}

static void
kp_heatmap_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  const KpHeatmap *heatmap = get_heatmap (KP_HEATMAP_VIEW (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (heatmap == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kp_heatmap_draw (heatmap, cr, width, height);
  cairo_destroy (cr);
}

static void
kp_heatmap_view_finalize (GObject *object)
{
  KpHeatmapView *self = KP_HEATMAP_VIEW (object);

  g_clear_pointer (&self->heatmap, kp_heatmap_box_release);

  G_OBJECT_CLASS (kp_heatmap_view_parent_class)->finalize (object);
}

static void
kp_heatmap_view_class_init (KpHeatmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kp_heatmap_view_finalize;

  widget_class->get_request_mode = kp_heatmap_view_get_request_mode;
  widget_class->measure = kp_heatmap_view_measure;
  widget_class->snapshot = kp_heatmap_view_snapshot;

  /* A cell was clicked: its row and column in the heatmap. */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kp_heatmap_view_init (KpHeatmapView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  /* The card's rounded corners must clip the heatmap's white paper too. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_description (self);
}

/**
 * kp_heatmap_view_new:
 *
 * Returns: (transfer floating): a new view with no heatmap
 */
GtkWidget *
kp_heatmap_view_new (void)
{
  return g_object_new (KP_TYPE_HEATMAP_VIEW, NULL);
}

/**
 * kp_heatmap_view_set_heatmap:
 * @heatmap: (nullable) (transfer full): the heatmap to show
 */
void
kp_heatmap_view_set_heatmap (KpHeatmapView *self,
                             KpHeatmap     *heatmap)
{
  g_return_if_fail (KP_IS_HEATMAP_VIEW (self));

  g_clear_pointer (&self->heatmap, kp_heatmap_box_release);
  if (heatmap != NULL)
    {
      self->heatmap = g_rc_box_new0 (KpHeatmap *);
      *self->heatmap = heatmap;
    }

  update_description (self);
  /* The height depends on the number of units. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * kp_heatmap_view_get_heatmap:
 *
 * Returns: (transfer none) (nullable): the heatmap shown
 */
const KpHeatmap *
kp_heatmap_view_get_heatmap (KpHeatmapView *self)
{
  g_return_val_if_fail (KP_IS_HEATMAP_VIEW (self), NULL);

  return get_heatmap (self);
}

/**
 * kp_heatmap_view_acquire_heatmap:
 *
 * Returns: (transfer full) (nullable): a reference on the box holding the heatmap shown
 */
KpHeatmap **
kp_heatmap_view_acquire_heatmap (KpHeatmapView *self)
{
  g_return_val_if_fail (KP_IS_HEATMAP_VIEW (self), NULL);

  return self->heatmap != NULL ? g_rc_box_acquire (self->heatmap) : NULL;
}

void
kp_heatmap_box_release (KpHeatmap **box)
{
  g_return_if_fail (box != NULL);

  g_rc_box_release_full (box, (GDestroyNotify) clear_box);
}
