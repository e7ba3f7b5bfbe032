/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-registrants-page.h: the registrants of a selection (a tab of its page): a table with the
 * NIK masked, search and filters, the record form (the only place the NIK is shown whole) and
 * the import of pelamar.csv. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

#include "kp-selection-tab.h"

G_BEGIN_DECLS

#define KP_TYPE_REGISTRANTS_PAGE (kp_registrants_page_get_type ())
G_DECLARE_FINAL_TYPE (KpRegistrantsPage, kp_registrants_page, KP, REGISTRANTS_PAGE,
                      KpSelectionTab)

GtkWidget *kp_registrants_page_new (void);
/* Property "database". */
void kp_registrants_page_set_database (KpRegistrantsPage *self, KpDatabase *database);
/* Property "selection-id" (0: none); setting it reloads. */
void kp_registrants_page_set_selection_id (KpRegistrantsPage *self, gint64 selection_id);

/* The flags of a registrant as three icons with tooltips (education mismatch, duplicate NIK,
 * import warnings), shared by the tabs that list registrants; update shows those set. */
GtkWidget *kp_registrant_flags_new (void);
void kp_registrant_flags_update (GtkWidget *flags_box, KpApplicantFlags flags,
                                 const char *warnings);

G_END_DECLS
