/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-widget-util.c: small helpers that several views need the same way. */

#include "config.h"

#include "kp-widget-util.h"

void
kp_list_box_remove_rows (GtkListBox *list_box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list_box));

  child = gtk_widget_get_first_child (GTK_WIDGET (list_box));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list_box, child);
      child = next;
    }
}
