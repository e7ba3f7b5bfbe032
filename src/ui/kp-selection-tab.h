/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-selection-tab.h: what the tabs of a selection's page share: the database and the
 * selection they show (properties "database" and "selection-id", 0 for none), and reading
 * them again whenever either is set. Each tab implements reload. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_SELECTION_TAB (kp_selection_tab_get_type ())
G_DECLARE_DERIVABLE_TYPE (KpSelectionTab, kp_selection_tab, KP, SELECTION_TAB, AdwBin)

struct _KpSelectionTabClass
{
  AdwBinClass parent_class;

  /* Reads the tab's content again from the database and the selection. */
  void (*reload) (KpSelectionTab *self);
};

KpDatabase *kp_selection_tab_get_database (KpSelectionTab *self);
/* Reloads when it changes. */
void kp_selection_tab_set_database (KpSelectionTab *self, KpDatabase *database);
gint64 kp_selection_tab_get_selection_id (KpSelectionTab *self);
/* Always reloads: setting the same selection again is how the page says it changed. */
void kp_selection_tab_set_selection_id (KpSelectionTab *self, gint64 selection_id);
void kp_selection_tab_reload (KpSelectionTab *self);

/* A toast over the tab: its child must be an AdwToastOverlay (as the tabs' templates have). */
void kp_selection_tab_show_toast (KpSelectionTab *self, const char *message);
/* The window the tab is in, as the parent of its dialogs (NULL while it is in none). */
GtkWindow *kp_selection_tab_get_window (KpSelectionTab *self);

/* For the tests: a widget of the tab's template by its id in its .ui (the ids each tab's header
 * lists), or NULL. */
GtkWidget *_kp_selection_tab_get_widget (KpSelectionTab *self, const char *id);

G_END_DECLS
