/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-feedback.h: continuous feedback (PermenPAN-RB 6/2022): dated entries from an employee's
 * recorded supervisor, a strength or an area to improve, optionally on one competency, which
 * the employee acknowledges. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

typedef enum {
  KP_FEEDBACK_STRENGTH, /* a strength */
  KP_FEEDBACK_IMPROVE,  /* an area to improve */
} KpFeedbackKind;

typedef struct {
  gint64 id;
  gint64 employee_id;
  char *supervisor_nip;   /* "" when the supervisor has since left the register */
  char *supervisor_name;
  char *given_on;         /* ISO date */
  KpFeedbackKind kind;
  char *competency_code;  /* "" when about no one competency */
  char *competency_name;
  char *text;
  char *entered_by;       /* "" : the supervisor; else the HR officer who typed it for them */
  char *acknowledged_on;  /* ISO date, "" until acknowledged */
} KpFeedback;

void kp_feedback_free (KpFeedback *feedback);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpFeedback, kp_feedback_free)

/* Records feedback for @employee_id from @supervisor_nip, who must be the employee's recorded
 * supervisor (KP_MODEL_ERROR_INVALID otherwise, naming who is). With @on_behalf, an HR officer
 * types it for the supervisor: the entry records the database's actor as the one who entered
 * it. @given_on: ISO date, NULL for today; not in the future. @competency_id 0: none. One
 * audit event. Returns the new id, or 0. */
gint64 kp_feedback_give (KpDatabase *db, gint64 employee_id, const char *supervisor_nip,
                         KpFeedbackKind kind, gint64 competency_id, const char *text,
                         gboolean on_behalf, const char *given_on, GError **error);

/* The employee acknowledges @feedback_id on @acknowledged_on (ISO date, NULL for today; not
 * before the feedback was given). A second acknowledgement is refused. One audit event. */
gboolean kp_feedback_acknowledge (KpDatabase *db, gint64 feedback_id, const char *acknowledged_on,
                                  GError **error);

/* The employee's timeline, newest first (KpFeedback). */
GPtrArray *kp_feedback_list (KpDatabase *db, gint64 employee_id, GError **error);

G_END_DECLS
