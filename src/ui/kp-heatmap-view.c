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

  /* The keyboard's cell: arrows move it, Enter or Space opens it like a click. */
  guint cursor_row;
  guint cursor_column;
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
                              "employees below the standard. The arrow keys move between cells; "
                              "Enter lists a cell's employees."),
                            kp_heatmap_get_n_rows (heatmap), kp_heatmap_get_n_columns (heatmap));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Brings the cursor's cell into the view of the GtkScrolledWindow around the heatmap. */
static void
scroll_to_cursor (KpHeatmapView *self)
{
  const KpHeatmap *heatmap = get_heatmap (self);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double x, y, w, h, sx, sy;

  if (heatmap == NULL || scrolled == NULL ||
      !kp_heatmap_get_cell_rect (heatmap, gtk_widget_get_width (GTK_WIDGET (self)),
                                 self->cursor_row, self->cursor_column, &x, &y, &w, &h) ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (self), scrolled, x, y, &sx, &sy))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* sy is relative to what is shown: in content coordinates it is value + sy. */
  sy += gtk_adjustment_get_value (adjustment);
  gtk_adjustment_clamp_page (adjustment, sy - h, sy + 2 * h);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   KpHeatmapView         *self)
{
  const KpHeatmap *heatmap = get_heatmap (self);
  guint n_rows, n_columns;

  if (heatmap == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  n_rows = kp_heatmap_get_n_rows (heatmap);
  n_columns = kp_heatmap_get_n_columns (heatmap);
  if (n_rows == 0 || n_columns == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (self->cursor_column > 0)
        self->cursor_column--;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (self->cursor_column + 1 < n_columns)
        self->cursor_column++;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (self->cursor_row > 0)
        self->cursor_row--;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (self->cursor_row + 1 < n_rows)
        self->cursor_row++;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      self->cursor_column = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      self->cursor_column = n_columns - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      g_signal_emit (self, signals[CELL_ACTIVATED], 0, self->cursor_row, self->cursor_column);
      return TRUE;
    default:
      return FALSE;
    }

  scroll_to_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_focus_changed_cb (GtkEventControllerFocus *controller,
                     KpHeatmapView           *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
      /* The keyboard carries on from the clicked cell. */
      self->cursor_row = row;
      self->cursor_column = column;
      gtk_widget_grab_focus (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
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
  double x, y, w, h;
  cairo_t *cr;

  if (heatmap == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kp_heatmap_draw (heatmap, cr, width, height);
  /* The focus ring on the keyboard's cell, in the accent blue of Adwaita. Only in the window:
   * the files and the printout come from kp_heatmap_draw() alone. */
  if (gtk_widget_has_focus (widget) &&
      kp_heatmap_get_cell_rect (heatmap, width, KP_HEATMAP_VIEW (widget)->cursor_row,
                                KP_HEATMAP_VIEW (widget)->cursor_column, &x, &y, &w, &h))
    {
      cairo_set_source_rgb (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
      cairo_set_line_width (cr, 2.5);
      cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
kp_heatmap_view_root (GtkWidget *widget)
{
  GtkWidget *viewport;

  GTK_WIDGET_CLASS (kp_heatmap_view_parent_class)->root (widget);

  /* The heatmap is taller than the view: on focus the viewport would jump to show all of it.
   * scroll_to_cursor() shows the one cell that matters instead. */
  viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  if (viewport != NULL)
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
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
  widget_class->root = kp_heatmap_view_root;

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
  GtkEventController *key;
  GtkEventController *focus;

  /* The card's rounded corners must clip the heatmap's white paper too. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

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
      /* A reload (another unit filter) may have fewer rows: keep the cursor inside. */
      self->cursor_row = MIN (self->cursor_row, MAX (kp_heatmap_get_n_rows (heatmap), 1) - 1);
      self->cursor_column = MIN (self->cursor_column,
                                 MAX (kp_heatmap_get_n_columns (heatmap), 1) - 1);
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
