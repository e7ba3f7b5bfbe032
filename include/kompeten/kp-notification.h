/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-notification.h: the message every registrant gets at each stage of a selection: the
 * result, the reason if TMS, the next step and its schedule, how to appeal. Built from an
 * editable template per stage and channel (the selection's own, else the Indonesian default
 * of the stage's kind in default_notification_template), and produced as files the office
 * sends with its own tools: a mail-merge CSV, one .eml per registrant and a list of short
 * texts for WhatsApp/SMS. The NIK and the birth date never appear in any of them. A log
 * (notification) records what was produced and what was marked sent. */
#pragma once

#include "kompeten/kp-database.h"

G_BEGIN_DECLS

typedef enum {
  KP_CHANNEL_EMAIL, /* the letter: subject and body (mail-merge CSV and .eml) */
  KP_CHANNEL_SHORT, /* a short text for WhatsApp or SMS */
} KpChannel;

const char *kp_channel_to_string (KpChannel channel); /* "email", "short" */

/* The longest short text: what fits a WhatsApp preview and two SMS. Longer ones are cut. */
#define KP_NOTIFICATION_SHORT_MAX_CHARS 300

/* The placeholders a template may use, NULL-terminated: nama, no_peserta, seleksi, tahap,
 * jadwal, tempat (this stage's schedule and place), hasil, alasan (TMS: the requirement and the
 * note), langkah_berikut (MS: the next stage and its schedule; TMS: how to appeal),
 * tahap_berikut, jadwal_berikut, tempat_berikut, cara_sanggah, instansi. */
const char *const *kp_notification_placeholders (void);

/* Checks that @text uses only known placeholders ({name}, braces doubled as "{{" "}}" for a
 * literal brace). Refused with KP_MODEL_ERROR_INVALID naming the placeholder: an unknown one,
 * and above all {nik} or {tanggal_lahir} (or any spelling of the NIK or birth date), which
 * are never sent to anyone. */
gboolean kp_notification_template_check (const char *text, GError **error);

/* Fills @text's placeholders from @values (placeholder name → text; a missing one becomes "").
 * Values are inserted as they are, never expanded again. Runs of more than one empty line (left
 * by an empty placeholder) become one. NULL with the error of kp_notification_template_check. */
char *kp_notification_render (const char *text, GHashTable *values, GError **error);

/* The template of @stage_id for @channel: the selection's own, or the default of the stage's
 * kind (@is_default TRUE, optional). Free @subject and @body with g_free. */
gboolean kp_notification_template_get (KpDatabase *db, gint64 stage_id, KpChannel channel,
                                       char **subject, char **body, gboolean *is_default,
                                       GError **error);

/* Sets the template of @stage_id for @channel (@subject ignored for SHORT), or returns to the
 * default (@body NULL). Both are checked (kp_notification_template_check); a body is not empty.
 * One audit event ("update", "notification-template", "STAGE_ID/CHANNEL") with the old and new
 * texts; none when nothing changes. */
gboolean kp_notification_template_set (KpDatabase *db, gint64 stage_id, KpChannel channel,
                                       const char *subject, const char *body, GError **error);

/* The stage of @selection_id that @spec names: its order number ("2") or its name, ignoring
 * case and accents. 0 with KP_MODEL_ERROR_NOT_FOUND when none does. */
gint64 kp_notification_stage_find (KpDatabase *db, gint64 selection_id, const char *spec,
                                   GError **error);

typedef struct {
  const char *from;   /* the From address of the .eml files; NULL: KP_NOTIFICATION_DEFAULT_FROM */
  const char *agency; /* {instansi}; NULL: "BKPSDM" */
} KpNotificationOptions;

/* A placeholder: the agency's own address should be given (kompeten-cli notify --from). */
#define KP_NOTIFICATION_DEFAULT_FROM "Panitia Seleksi <seleksi@example.go.id>"

typedef struct {
  guint recipients; /* registrants with a message */
  guint eml;        /* .eml files (registrants with an e-mail address) */
  guint short_texts;/* short texts (registrants with a phone number) */
  guint waiting;    /* registrants left out: their result is not final yet */
  guint no_email;   /* recipients without a usable e-mail address: no .eml */
  guint no_phone;   /* recipients without a phone number: no short text */
} KpNotificationCounts;

/* Produces the messages of stage @stage_id for its registrants into @out_dir (created if
 * missing): "mail-merge.csv" (no_peserta, nama, email, telepon, subjek, isi), "short-texts.csv"
 * (no_peserta, telepon, teks; at most KP_NOTIFICATION_SHORT_MAX_CHARS characters) and
 * "eml/REG_NO.eml" (RFC 5322, UTF-8 quoted-printable). Each file is written whole or not at all
 * (a temporary file renamed).
 *
 * Who gets what: at the administration stage every registrant with a final decision (MS, or
 * TMS with the requirement and the note, and how to appeal); undecided ones are counted in
 * @counts->waiting. At a later stage the registrants with a final MS are invited (its schedule
 * and place); results of later stages are not yet in the program.
 *
 * Logs one notification row per registrant and channel produced ("mail-merge", "email",
 * "short"), and one audit event ("produce", "notification", the stage id) with the counts. */
gboolean kp_notification_produce (KpDatabase *db, gint64 stage_id, const char *out_dir,
                                  const KpNotificationOptions *options,
                                  KpNotificationCounts *counts, GError **error);

/* One line of the log. */
typedef struct {
  gint64 id;
  gint64 applicant_id;
  char *reg_no;
  char *channel;     /* "mail-merge", "email", "short" */
  char *produced_at;
  char *sent_at;     /* NULL until marked sent */
  char *sent_by;
} KpNotificationLog;

void kp_notification_log_free (KpNotificationLog *log);

/* The log of @stage_id, oldest first. Of KpNotificationLog: free with g_ptr_array_unref. */
GPtrArray *kp_notification_log_list (KpDatabase *db, gint64 stage_id, GError **error);

/* Marks as sent by @by the log rows @ids (of gint64), or, with @ids NULL, every row of
 * @stage_id for @channel ("mail-merge", "email", "short"; NULL: all) not yet marked. Rows
 * already marked are left as they are; an id of another stage or of no row is refused
 * (NOT_FOUND). @marked gets the count. One audit event ("mark-sent", "notification", the stage
 * id); none when nothing changes. */
gboolean kp_notification_mark_sent (KpDatabase *db, gint64 stage_id, const char *channel,
                                    GArray *ids, const char *by, guint *marked, GError **error);

G_END_DECLS
