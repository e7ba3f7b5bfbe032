/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-chart-view.c: a widget that draws a KpBarChart with kp_bar_chart_draw(), the function that
 * also writes the PNG, PDF and SVG files and prints, so what the window shows is what the files
 * hold.
 *
 * A chart is a document: it keeps its white paper and dark ink in the dark style too, on a
 * "card" so that the page stands out from the window. The widget asks for the chart's natural
 * height at the width it gets (height-for-width), so in a GtkScrolledWindow every unit stays
 * readable and the page scrolls, instead of squeezing 24 rows into the window's height. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "kp-chart-view.h"

struct _KpChartView
{
  GtkWidget parent_instance;

  /* owned */
  KpBarChart *chart; /* the bar chart shown, if it is one */
  /* What is drawn: the bar chart above, or any other chart (kp_chart_view_set_drawing). */
  KpChartDrawFunc draw;         /* NULL: nothing to draw */
  KpChartHeightFunc natural_height;
  gpointer data;
  GDestroyNotify destroy;
};

G_DEFINE_FINAL_TYPE (KpChartView, kp_chart_view, GTK_TYPE_WIDGET)

/* The report layer has no GObject types; the boxed type that lets a chart be a property lives
 * with the first widget that needs one. */
G_DEFINE_BOXED_TYPE (KpBarChart, kp_bar_chart_boxed, kp_bar_chart_ref, kp_bar_chart_unref)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Below this the label column and the plot cannot both be read. */
#define MIN_WIDTH 360
/* The width the CLI and the exports draw at: the chart looks the same in the window. */
#define NATURAL_WIDTH 900
/* An empty view (no chart yet) keeps a sensible page instead of collapsing. */
#define EMPTY_HEIGHT 120

/* A screen reader cannot see the bars: the description reads them out, one unit per line. */
static void
update_description (KpChartView *self,
                    const char  *description)
{
  g_autoptr(GString) text = g_string_new (description);
  guint n_bars = self->chart != NULL ? kp_bar_chart_get_n_bars (self->chart) : 0;

  if (n_bars == 0 && description == NULL)
    g_string_append (text, _("No data"));

  for (guint i = 0; i < n_bars; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: one bar of a chart read out by a screen reader: a unit and its head count,
       * e.g. "Dinas Kesehatan: 1.234". */
      g_string_append_printf (text, _("%s: %'" PRId64),
                              kp_bar_chart_get_label (self->chart, i),
                              kp_bar_chart_get_value (self->chart, i));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
clear_drawing (KpChartView *self)
{
  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
  self->draw = NULL;
  self->natural_height = NULL;
  self->data = NULL;
  self->destroy = NULL;
  self->chart = NULL;
}

static double
bar_chart_height (gconstpointer chart,
                  double        width)
{
  return kp_bar_chart_get_natural_height (chart, width);
}

static GtkSizeRequestMode
kp_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kp_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  KpChartView *self = KP_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }

  if (self->draw == NULL)
    {
      *minimum = *natural = EMPTY_HEIGHT;
      return;
    }

  /* The natural height is also the minimum: a shorter chart shrinks its text, and a page that
   * scrolls is easier to read than one that shrinks. */
  *minimum = *natural =
    (int) self->natural_height (self->data, for_size > 0 ? for_size : NATURAL_WIDTH);
}

static void
kp_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  KpChartView *self = KP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->draw == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->draw (self->data, cr, width, height);
  cairo_destroy (cr);
}

static void
kp_chart_view_finalize (GObject *object)
{
  KpChartView *self = KP_CHART_VIEW (object);

  clear_drawing (self);

  G_OBJECT_CLASS (kp_chart_view_parent_class)->finalize (object);
}

static void
kp_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KpChartView *self = KP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KpChartView *self = KP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      kp_chart_view_set_chart (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_chart_view_class_init (KpChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kp_chart_view_finalize;
  object_class->get_property = kp_chart_view_get_property;
  object_class->set_property = kp_chart_view_set_property;

  widget_class->get_request_mode = kp_chart_view_get_request_mode;
  widget_class->measure = kp_chart_view_measure;
  widget_class->snapshot = kp_chart_view_snapshot;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL,
                        kp_bar_chart_boxed_get_type (),
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kp_chart_view_init (KpChartView *self)
{
  /* The card's rounded corners must clip the chart's white paper too. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  update_description (self, NULL);
}

/**
 * kp_chart_view_new:
 *
 * Returns: (transfer floating): a new view with no chart
 */
GtkWidget *
kp_chart_view_new (void)
{
  return g_object_new (KP_TYPE_CHART_VIEW, NULL);
}

/**
 * kp_chart_view_set_chart:
 * @chart: (nullable) (transfer none): the chart to show; the view takes a reference
 */
void
kp_chart_view_set_chart (KpChartView *self,
                         KpBarChart  *chart)
{
  g_return_if_fail (KP_IS_CHART_VIEW (self));

  if (chart == self->chart)
    return;

  clear_drawing (self);
  if (chart != NULL)
    {
      self->chart = kp_bar_chart_ref (chart);
      self->draw = kp_bar_chart_draw;
      self->natural_height = bar_chart_height;
      self->data = chart;
      self->destroy = (GDestroyNotify) kp_bar_chart_unref;
    }

  update_description (self, NULL);
  /* The height depends on the number of bars and on how their labels wrap. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * kp_chart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
KpBarChart *
kp_chart_view_get_chart (KpChartView *self)
{
  g_return_val_if_fail (KP_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * kp_chart_view_set_drawing:
 * @draw: (nullable): draws the chart; NULL shows nothing
 * @natural_height: the chart's height at a width
 * @data: the chart, owned by the view until the next drawing
 * @destroy: (nullable): frees @data
 * @description: what a screen reader reads instead of the picture
 *
 * Shows a chart of any kind (the "chart" property becomes NULL).
 */
void
kp_chart_view_set_drawing (KpChartView       *self,
                           KpChartDrawFunc    draw,
                           KpChartHeightFunc  natural_height,
                           gpointer           data,
                           GDestroyNotify     destroy,
                           const char        *description)
{
  gboolean had_chart;

  g_return_if_fail (KP_IS_CHART_VIEW (self));
  g_return_if_fail (draw == NULL || natural_height != NULL);

  had_chart = self->chart != NULL;
  clear_drawing (self);
  self->draw = draw;
  self->natural_height = natural_height;
  self->data = data;
  self->destroy = destroy;

  update_description (self, description);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (had_chart)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}
