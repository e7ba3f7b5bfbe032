/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-notifications-page.h: the messages to registrants at each stage of a selection (a tab of
 * its page): the stage's templates (e-mail and short text) with their placeholders, producing
 * the files the office sends with its own tools, and the log of what was produced and sent. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

#include "kp-selection-tab.h"

G_BEGIN_DECLS

#define KP_TYPE_NOTIFICATIONS_PAGE (kp_notifications_page_get_type ())
G_DECLARE_FINAL_TYPE (KpNotificationsPage, kp_notifications_page, KP, NOTIFICATIONS_PAGE,
                      KpSelectionTab)

GtkWidget *kp_notifications_page_new (void);
/* Property "database". */
void kp_notifications_page_set_database (KpNotificationsPage *self, KpDatabase *database);
/* Property "selection-id" (0: none); setting it reloads. */
void kp_notifications_page_set_selection_id (KpNotificationsPage *self, gint64 selection_id);

/* For the tests, which reach the template's widgets with _kp_selection_tab_get_widget ()
 * ("stage_drop_down", "subject_entry", "body_view", "short_view", "error_label", "log_view",
 * "log_count_label", "page_stack", …): what the folder chooser of "Produce Messages…" does
 * with the chosen folder. */
void _kp_notifications_page_produce_into (KpNotificationsPage *self, GFile *folder);
/* TRUE from _kp_notifications_page_produce_into until the worker has written the files. */
gboolean _kp_notifications_page_is_producing (KpNotificationsPage *self);

G_END_DECLS
