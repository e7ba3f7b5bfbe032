/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-registrants-page-private.h: what the tests look at and do inside KpRegistrantsPage. */
#pragma once

#include "kp-registrants-page.h"

G_BEGIN_DECLS

/* Whether the filter is still working through the registrants. */
gboolean _kp_registrants_page_is_busy (KpRegistrantsPage *self);
/* The table as shown (filtered). */
GtkColumnView *_kp_registrants_page_get_column_view (KpRegistrantsPage *self);
/* The template's widgets the tests reach with _kp_selection_tab_get_widget (): "search_entry",
 * "formasi_drop_down", "status_drop_down", "flags_drop_down", "count_label", "import_button",
 * "record_dialog"… */
/* What a double-click on row @position does: opens the record form. */
void _kp_registrants_page_activate_row (KpRegistrantsPage *self, guint position);
/* What the Import chooser does with the chosen file: imports it in a worker thread. */
void _kp_registrants_page_import_file (KpRegistrantsPage *self, GFile *file);
/* Whether an import is running. */
gboolean _kp_registrants_page_is_importing (KpRegistrantsPage *self);
/* The result dialog of the last import (NULL when none is open), and its list of refused rows. */
AdwMessageDialog *_kp_registrants_page_get_result_dialog (KpRegistrantsPage *self);

G_END_DECLS
