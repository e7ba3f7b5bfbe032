/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-verification-page-private.h: what the tests look at and do inside KpVerificationPage. */
#pragma once

#include "kp-verification-page.h"

G_BEGIN_DECLS

/* The queue as shown (of items whose "reg-no" property is the registration number). */
GListModel *_kp_verification_page_get_queue (KpVerificationPage *self);
/* The registration numbers of the queue, in order (transfer full). */
GStrv _kp_verification_page_queue_reg_nos (KpVerificationPage *self);
/* What a click on queue row @position does. */
void _kp_verification_page_select_row (KpVerificationPage *self, guint position);
/* Shows the case of registrant @applicant_id in the detail pane, whether or not it is in this
 * verifier's queue (as when two people work at once and the queue is out of date). */
void _kp_verification_page_show_case (KpVerificationPage *self, gint64 applicant_id);
/* The template's widgets the tests reach with _kp_selection_tab_get_widget (): "verifier_entry",
 * "ms_button", "tms_button", "error_label", "detail_title", "rounds_label",
 * "summary_label", "agreement_list", "bulk_formasi_drop_down", "bulk_no_flags_check",
 * "bulk_button", "tms_dialog", "requirement_drop_down", "note_view", "tms_confirm_button",
 * "tms_error_label". */
/* The bulk marking's confirmation while it is open, else NULL. */
AdwMessageDialog *_kp_verification_page_get_bulk_dialog (KpVerificationPage *self);

G_END_DECLS
