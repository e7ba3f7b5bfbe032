/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-verification-page.h: the administrative verification of a selection's registrants (a tab
 * of its page): the verifier's queue, the case in front of them with its earlier rounds, MS and
 * TMS with a reason, bulk MS for a filter, and the counts with each verifier's agreement. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

#include "kp-selection-tab.h"

G_BEGIN_DECLS

#define KP_TYPE_VERIFICATION_PAGE (kp_verification_page_get_type ())
G_DECLARE_FINAL_TYPE (KpVerificationPage, kp_verification_page, KP, VERIFICATION_PAGE,
                      KpSelectionTab)

GtkWidget *kp_verification_page_new (void);
/* Property "database". */
void kp_verification_page_set_database (KpVerificationPage *self, KpDatabase *database);
/* Property "selection-id" (0: none); setting it reloads. */
void kp_verification_page_set_selection_id (KpVerificationPage *self, gint64 selection_id);
/* Property "verifier": who decides (the entry's text once applied); the OS user's real name
 * by default. Setting it reloads the queue. */
const char *kp_verification_page_get_verifier (KpVerificationPage *self);
void kp_verification_page_set_verifier (KpVerificationPage *self, const char *verifier);

G_END_DECLS
