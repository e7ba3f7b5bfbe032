/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-window.c: the main window of one open database. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <glib/gi18n.h>

#include "kompeten/kp-database.h"

#include "kp-employee-view.h"
#include "kp-window.h"
#include "kp-window-private.h"

struct _KpWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  KpEmployeeView *employee_view;

  /* owned */
  KpDatabase *database;
};

G_DEFINE_FINAL_TYPE (KpWindow, kp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);

  kp_employee_view_focus_search (self->employee_view);
}

static void
kp_window_constructed (GObject *object)
{
  KpWindow *self = KP_WINDOW (object);
  const char *path = kp_database_get_path (self->database);
  g_autofree char *basename = g_path_get_basename (path);

  G_OBJECT_CLASS (kp_window_parent_class)->constructed (object);

  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), path);
  kp_employee_view_set_database (self->employee_view, self->database);
}

static void
kp_window_dispose (GObject *object)
{
  KpWindow *self = KP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_WINDOW);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_window_parent_class)->dispose (object);
}

static void
kp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KpWindow *self = KP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KpWindow *self = KP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_window_class_init (KpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kp_window_constructed;
  object_class->dispose = kp_window_dispose;
  object_class->get_property = kp_window_get_property;
  object_class->set_property = kp_window_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_EMPLOYEE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, employee_view);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
}

static void
kp_window_init (KpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kp_window_new:
 * @application: (nullable): the application, or NULL in tests
 * @database: the database to show
 *
 * Returns: (transfer none): a new window, owned by GTK's list of toplevels
 */
KpWindow *
kp_window_new (GtkApplication *application,
               KpDatabase     *database)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KP_IS_DATABASE (database), NULL);

  return g_object_new (KP_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       NULL);
}

/**
 * kp_window_get_database:
 *
 * Returns: (transfer none): the database this window shows
 */
KpDatabase *
kp_window_get_database (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return self->database;
}

KpEmployeeView *
_kp_window_get_employee_view (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return self->employee_view;
}

AdwWindowTitle *
_kp_window_get_window_title (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return self->window_title;
}
