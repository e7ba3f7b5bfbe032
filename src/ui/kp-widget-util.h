/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-widget-util.h: small helpers that several views need the same way. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Removes every row of @list_box but not its placeholder, which GTK 4.8 keeps among the
 * children: removing it too would leave an empty list showing nothing at all. */
void kp_list_box_remove_rows (GtkListBox *list_box);

G_END_DECLS
