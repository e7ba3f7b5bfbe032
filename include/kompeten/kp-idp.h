/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-idp.h: the individual development plan (IDP; PP 11/2017 art. 205–207): items that link a
 * competency gap to a development activity (a form of Perlan LAN 10/2018 and a 70-20-10
 * pillar), approved by the employee's supervisor, then carried out. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

typedef enum {
  KP_IDP_DRAFT,
  KP_IDP_APPROVED,
  KP_IDP_IN_PROGRESS,
  KP_IDP_DONE,
} KpIdpStatus;

/* "draft", "approved", "in_progress", "done" (as stored and exported). */
const char *kp_idp_status_to_string (KpIdpStatus status);
/* A translated label for lists ("Draft", "Approved", ...). */
const char *kp_idp_status_label (KpIdpStatus status);

typedef struct {
  gint64 id;
  gint64 employee_id;
  char *competency_code;  /* "" when the item is about no one competency */
  char *competency_name;
  char *form_code;        /* "KL03", "NKL01"; "" until chosen */
  char *form_name;
  int pillar;             /* 70 experience, 20 social, 10 formal learning */
  char *activity;
  char *target_on;        /* ISO date or "" */
  KpIdpStatus status;
  char *approved_by_nip;  /* "" until approved */
  char *approved_by_name;
  char *approved_on;
} KpIdpItem;

void kp_idp_item_free (KpIdpItem *item);

/* Adds a draft item. @competency_id 0: none; @form_code NULL or "": not chosen yet (it must be
 * a development form of the table otherwise); @pillar 70, 20 or 10; @target_on ISO date or NULL.
 * One audit event. Returns the id, or 0. */
gint64 kp_idp_add (KpDatabase *db, gint64 employee_id, gint64 competency_id,
                   const char *form_code, int pillar, const char *activity,
                   const char *target_on, GError **error);
/* Adds a draft item (formal learning, form to be chosen) for each competency on which the
 * employee's latest level is below the standard of the position held, unless an unfinished
 * item for it exists. One audit event. Returns how many were added, or -1. */
int kp_idp_add_from_gaps (KpDatabase *db, gint64 employee_id, GError **error);
/* Moves an item on: draft → approved (by @approver_nip, who must be the employee's recorded
 * supervisor; the approval and its date are recorded), approved → in progress → done. Other
 * moves are refused with the reason. One audit event. */
gboolean kp_idp_set_status (KpDatabase *db, gint64 item_id, KpIdpStatus status,
                            const char *approver_nip, GError **error);
/* The employee's plan, by target date then id (KpIdpItem). */
GPtrArray *kp_idp_list (KpDatabase *db, gint64 employee_id, GError **error);
/* The plans of every employee of @unit_id and its sub-units (0: all; @employee_id > 0: that one
 * only) as CSV: nip, nama, unit_kerja, kode_kompetensi, kompetensi, bentuk, pilar, kegiatan,
 * target, status, disetujui_oleh, tanggal_persetujuan. */
gboolean kp_idp_export_csv (KpDatabase *db, gint64 unit_id, gint64 employee_id,
                            const char *path, GError **error);

G_END_DECLS
