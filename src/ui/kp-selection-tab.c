/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-selection-tab.c: the database and the selection of a tab of a selection's page, in one
 * copy for the registrants, verification and notifications tabs. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include "kp-selection-tab.h"

typedef struct
{
  KpDatabase *database;
  gint64 selection_id;
} KpSelectionTabPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KpSelectionTab, kp_selection_tab, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SELECTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

KpDatabase *
kp_selection_tab_get_database (KpSelectionTab *self)
{
  KpSelectionTabPrivate *priv = kp_selection_tab_get_instance_private (self);

  g_return_val_if_fail (KP_IS_SELECTION_TAB (self), NULL);

  return priv->database;
}

gint64
kp_selection_tab_get_selection_id (KpSelectionTab *self)
{
  KpSelectionTabPrivate *priv = kp_selection_tab_get_instance_private (self);

  g_return_val_if_fail (KP_IS_SELECTION_TAB (self), 0);

  return priv->selection_id;
}

void
kp_selection_tab_reload (KpSelectionTab *self)
{
  g_return_if_fail (KP_IS_SELECTION_TAB (self));

  if (KP_SELECTION_TAB_GET_CLASS (self)->reload != NULL)
    KP_SELECTION_TAB_GET_CLASS (self)->reload (self);
}

void
kp_selection_tab_set_database (KpSelectionTab *self,
                               KpDatabase     *database)
{
  KpSelectionTabPrivate *priv = kp_selection_tab_get_instance_private (self);

  g_return_if_fail (KP_IS_SELECTION_TAB (self));

  if (g_set_object (&priv->database, database))
    {
      kp_selection_tab_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }
}

void
kp_selection_tab_set_selection_id (KpSelectionTab *self,
                                   gint64          selection_id)
{
  KpSelectionTabPrivate *priv = kp_selection_tab_get_instance_private (self);

  g_return_if_fail (KP_IS_SELECTION_TAB (self));

  if (priv->selection_id != selection_id)
    {
      priv->selection_id = selection_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_ID]);
    }
  kp_selection_tab_reload (self);
}

void
kp_selection_tab_show_toast (KpSelectionTab *self,
                             const char     *message)
{
  GtkWidget *overlay = adw_bin_get_child (ADW_BIN (self));
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (KP_IS_SELECTION_TAB (self));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  /* A toast's title is markup: a registrant named "A & B" must not break it. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

GtkWindow *
kp_selection_tab_get_window (KpSelectionTab *self)
{
  GtkRoot *root;

  g_return_val_if_fail (KP_IS_SELECTION_TAB (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
_kp_selection_tab_get_widget (KpSelectionTab *self,
                              const char     *id)
{
  GObject *object;

  g_return_val_if_fail (KP_IS_SELECTION_TAB (self), NULL);

  /* The template's children are registered on the tab's own class. */
  object = gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), id);
  return GTK_IS_WIDGET (object) ? GTK_WIDGET (object) : NULL;
}

static void
kp_selection_tab_finalize (GObject *object)
{
  KpSelectionTabPrivate *priv =
    kp_selection_tab_get_instance_private (KP_SELECTION_TAB (object));

  g_clear_object (&priv->database);

  G_OBJECT_CLASS (kp_selection_tab_parent_class)->finalize (object);
}

static void
kp_selection_tab_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KpSelectionTab *self = KP_SELECTION_TAB (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, kp_selection_tab_get_database (self));
      break;
    case PROP_SELECTION_ID:
      g_value_set_int64 (value, kp_selection_tab_get_selection_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_selection_tab_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KpSelectionTab *self = KP_SELECTION_TAB (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      kp_selection_tab_set_database (self, g_value_get_object (value));
      break;
    case PROP_SELECTION_ID:
      kp_selection_tab_set_selection_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_selection_tab_class_init (KpSelectionTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kp_selection_tab_finalize;
  object_class->get_property = kp_selection_tab_get_property;
  object_class->set_property = kp_selection_tab_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION_ID] =
    g_param_spec_int64 ("selection-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_selection_tab_init (KpSelectionTab *self)
{
}
