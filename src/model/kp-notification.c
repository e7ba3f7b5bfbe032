/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-notification.c: templates, rendering and the files of a stage's messages (see
 * kp-notification.h). */

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-notification.h"
#include "kompeten/kp-verification.h"
#include "kp-csv-reader-private.h"
#include "kp-database-private.h"
#include "kp-recruitment-private.h"

/* A subject is one line of a mail client's list; a body a letter of a page or two. */
#define SUBJECT_MAX_CHARS 200
#define BODY_MAX_CHARS 20000
/* Quoted-printable lines are at most 76 characters, the soft break's '=' included. */
#define QP_LINE_MAX 76
/* Raw bytes per RFC 2047 encoded-word: 39 bytes are 52 base64 characters, 64 with the 12 of
 * "=?UTF-8?B?…?=": within the 75 a word may have, and "Subject: " and the first word within
 * the 78 characters a header line should keep to (RFC 5322, 2.1.1). */
#define ENCODED_WORD_BYTES 39

static const char *const placeholders[] = {
  "nama", "no_peserta", "seleksi", "tahap", "jadwal", "tempat", "hasil", "alasan",
  "langkah_berikut", "tahap_berikut", "jadwal_berikut", "tempat_berikut", "cara_sanggah",
  "instansi", NULL
};

const char *
kp_channel_to_string (KpChannel channel)
{
  return channel == KP_CHANNEL_SHORT ? "short" : "email";
}

const char *const *
kp_notification_placeholders (void)
{
  return placeholders;
}

/* ---- templates ------------------------------------------------------------------------------ */

/* Whether @name spells personal data that is never published: the NIK or the birth date,
 * whatever the case, separators or language. */
static gboolean
is_forbidden (const char *name)
{
  static const char *const forbidden[] = { "nik", "lahir", "birth", "ktp", "nomorinduk", NULL };
  g_autofree char *folded = kp_text_fold (name);
  GString *squeezed = g_string_new (NULL);
  g_autofree char *flat = NULL;
  gboolean found = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (squeezed, *p);
  flat = g_string_free (squeezed, FALSE);
  for (guint i = 0; forbidden[i] != NULL && !found; i++)
    found = strstr (flat, forbidden[i]) != NULL;
  return found;
}

/* Walks @text, appending literal text and the placeholders' values to @out (when not NULL).
 * The one parser of the template syntax, so that checking and rendering cannot disagree. */
static gboolean
expand (const char *text, GHashTable *values, GString *out, GError **error)
{
  const char *p = text;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("The template is not valid UTF-8 text"));
      return FALSE;
    }
  while (*p != '\0')
    {
      const char *close;
      g_autofree char *name = NULL;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          if (out != NULL)
            g_string_append_c (out, p[0]);
          p += 2;
          continue;
        }
      if (*p != '{')
        {
          if (out != NULL)
            g_string_append_c (out, *p);
          p++;
          continue;
        }
      close = strchr (p + 1, '}');
      if (close == NULL || memchr (p + 1, '{', close - p - 1) != NULL)
        {
          g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                               _("The template has a “{” without its “}”: write “{{” for a "
                                 "brace itself"));
          return FALSE;
        }
      name = g_strstrip (g_strndup (p + 1, close - p - 1));
      if (is_forbidden (name))
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                       /* Translators: %s is a placeholder's name such as nik. */
                       _("The placeholder {%s} is not allowed: the NIK and the birth date are "
                         "never sent in a notification"), name);
          return FALSE;
        }
      if (!g_strv_contains (placeholders, name))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) placeholders);

          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                       /* Translators: %s is a placeholder's name, then the list of known ones. */
                       _("The template has an unknown placeholder {%s}; known: %s"), name, known);
          return FALSE;
        }
      if (out != NULL && values != NULL)
        {
          const char *value = g_hash_table_lookup (values, name);

          g_string_append (out, value != NULL ? value : "");
        }
      p = close + 1;
    }
  return TRUE;
}

gboolean
kp_notification_template_check (const char *text, GError **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  return expand (text, NULL, NULL, error);
}

/* Trims every line's end and keeps at most one empty line in a row, none at either end: what
 * an empty placeholder on a line of its own leaves. */
static char *
tidy_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean pending_blank = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        {
          pending_blank = out->len > 0;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, pending_blank ? "\n\n" : "\n");
      pending_blank = FALSE;
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

char *
kp_notification_render (const char *text, GHashTable *values, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  if (!expand (text, values, out, error))
    return NULL;
  return tidy_lines (out->str);
}

/* The stage's selection, kind and everything a message says about it. */
typedef struct {
  gint64 id;
  gint64 selection_id;
  gint64 position;
  char *name;
  char *kind;
  char *starts_on;
  char *ends_on;
  char *place;
  char *selection_name;
  char *appeal_text;
} Stage;

static void
stage_clear (Stage *stage)
{
  g_free (stage->name);
  g_free (stage->kind);
  g_free (stage->starts_on);
  g_free (stage->ends_on);
  g_free (stage->place);
  g_free (stage->selection_name);
  g_free (stage->appeal_text);
  memset (stage, 0, sizeof *stage);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stage, stage_clear)

/* Reads the stage @stage_id, or the one at @position of @selection_id when @stage_id is 0.
 * FALSE with @error NULL-free when there is none: @found says which. */
static gboolean
read_stage (KpDb *kdb, gint64 stage_id, gint64 selection_id, gint64 position, Stage *stage,
            gboolean *found, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT st.id, st.selection_id, st.position, st.name, st.kind, "
                                 "COALESCE (st.starts_on, ''), COALESCE (st.ends_on, ''), "
                                 "st.place, se.name, se.appeal_text "
                                 "FROM selection_stage st JOIN selection se "
                                 "ON se.id = st.selection_id "
                                 "WHERE st.id = ?1 OR (?1 = 0 AND st.selection_id = ?2 "
                                 "AND st.position = ?3)",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, stage_id);
  _kp_stmt_bind_int64 (stmt, 2, selection_id);
  _kp_stmt_bind_int64 (stmt, 3, position);
  step = _kp_stmt_step (stmt, error);
  *found = step == KP_STEP_ROW;
  if (*found)
    {
      stage->id = _kp_stmt_get_int64 (stmt, 0);
      stage->selection_id = _kp_stmt_get_int64 (stmt, 1);
      stage->position = _kp_stmt_get_int64 (stmt, 2);
      stage->name = g_strdup (_kp_stmt_get_text (stmt, 3));
      stage->kind = g_strdup (_kp_stmt_get_text (stmt, 4));
      stage->starts_on = g_strdup (_kp_stmt_get_text (stmt, 5));
      stage->ends_on = g_strdup (_kp_stmt_get_text (stmt, 6));
      stage->place = g_strdup (_kp_stmt_get_text (stmt, 7));
      stage->selection_name = g_strdup (_kp_stmt_get_text (stmt, 8));
      stage->appeal_text = g_strdup (_kp_stmt_get_text (stmt, 9));
    }
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

static gboolean
read_stage_by_id (KpDb *kdb, gint64 stage_id, Stage *stage, GError **error)
{
  gboolean found = FALSE;

  if (!read_stage (kdb, stage_id, 0, 0, stage, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no selection stage with id %" PRId64), stage_id);
      return FALSE;
    }
  return TRUE;
}

gint64
kp_notification_stage_find (KpDatabase *db, gint64 selection_id, const char *spec,
                            GError **error)
{
  g_autofree char *wanted = NULL;
  KpStmt *stmt;
  KpStep step;
  gint64 found = 0;
  gint64 position = 0;
  char *end = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  g_return_val_if_fail (spec != NULL, 0);

  wanted = kp_text_fold (spec);
  if (g_ascii_isdigit (*wanted))
    {
      position = g_ascii_strtoll (wanted, &end, 10);
      if (*end != '\0')
        position = 0;
    }
  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT id, position, name FROM selection_stage WHERE selection_id = ? "
                         "ORDER BY position", error);
  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  while (found == 0 && (step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      g_autofree char *name = kp_text_fold (_kp_stmt_get_text (stmt, 2));

      if ((position > 0 && _kp_stmt_get_int64 (stmt, 1) == position) ||
          strcmp (name, wanted) == 0)
        found = _kp_stmt_get_int64 (stmt, 0);
    }
  _kp_stmt_reset (stmt);
  if (found == 0 && step != KP_STEP_ERROR)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 /* Translators: %s is what the user typed, then a selection's id. */
                 _("Selection %" PRId64 " has no stage “%s” (give its number or its name)"),
                 selection_id, spec);
  return found;
}

/* The selection's own template into @subject and @body, or the default of @kind. */
static gboolean
read_template (KpDb *kdb, gint64 stage_id, const char *kind, KpChannel channel, char **subject,
               char **body, gboolean *is_default, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT subject, body, 0 FROM notification_template "
                                 "WHERE stage_id = ?1 AND channel = ?2 "
                                 "UNION ALL SELECT subject, body, 1 FROM "
                                 "(SELECT subject, body FROM default_notification_template "
                                 "WHERE channel = ?2 AND stage_kind IN (?3, '*') "
                                 "ORDER BY stage_kind = '*' LIMIT 1) "
                                 "LIMIT 1",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, stage_id);
  _kp_stmt_bind_text (stmt, 2, kp_channel_to_string (channel));
  _kp_stmt_bind_text (stmt, 3, kind);
  step = _kp_stmt_step (stmt, error);
  *subject = g_strdup (step == KP_STEP_ROW ? _kp_stmt_get_text (stmt, 0) : "");
  *body = g_strdup (step == KP_STEP_ROW ? _kp_stmt_get_text (stmt, 1) : "");
  if (is_default != NULL)
    *is_default = step != KP_STEP_ROW || _kp_stmt_get_int64 (stmt, 2) != 0;
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

gboolean
kp_notification_template_get (KpDatabase *db, gint64 stage_id, KpChannel channel,
                              char **subject, char **body, gboolean *is_default, GError **error)
{
  KpDb *kdb;
  g_auto(Stage) stage = { 0 };

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (subject != NULL && body != NULL, FALSE);

  kdb = _kp_database_get_db (db);
  if (!read_stage_by_id (kdb, stage_id, &stage, error))
    return FALSE;
  return read_template (kdb, stage_id, stage.kind, channel, subject, body, is_default, error);
}

static gboolean
check_text (const char *what, const char *text, int max_chars, GError **error)
{
  if (!kp_notification_template_check (text, error))
    {
      /* Translators: %s is "subject" or "body". */
      g_prefix_error (error, _("The %s of the template: "), what);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s is "subject" or "body", %d a number of characters. */
                   _("The %s of the template is longer than %d characters"), what, max_chars);
      return FALSE;
    }
  return TRUE;
}

static void
add_string_or_null (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

gboolean
kp_notification_template_set (KpDatabase *db, gint64 stage_id, KpChannel channel,
                              const char *subject, const char *body, GError **error)
{
  KpDb *kdb;
  g_auto(Stage) stage = { 0 };
  g_autofree char *old_subject = NULL;
  g_autofree char *old_body = NULL;
  g_autofree char *entity_id = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  gboolean was_default = FALSE;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (channel == KP_CHANNEL_SHORT || subject == NULL)
    subject = "";
  if (body != NULL)
    {
      if (!check_text (_("subject"), subject, SUBJECT_MAX_CHARS, error) ||
          !check_text (_("body"), body, BODY_MAX_CHARS, error))
        return FALSE;
      if (*body == '\0')
        {
          g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                               _("The body of the template is empty"));
          return FALSE;
        }
    }

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!read_stage_by_id (kdb, stage_id, &stage, error) ||
      !read_template (kdb, stage_id, stage.kind, channel, &old_subject, &old_body, &was_default,
                      error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if ((body == NULL && was_default) ||
      (body != NULL && !was_default && strcmp (old_subject, subject) == 0 &&
       strcmp (old_body, body) == 0))
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }
  if (body == NULL)
    stmt = _kp_db_prepare (kdb, "DELETE FROM notification_template WHERE stage_id = ?1 AND "
                           "channel = ?3", error);
  else
    stmt = _kp_db_prepare (kdb,
                           "INSERT INTO notification_template (selection_id, stage_id, channel, "
                           "subject, body) VALUES (?2, ?1, ?3, ?4, ?5) "
                           "ON CONFLICT (stage_id, channel) DO UPDATE SET "
                           "subject = excluded.subject, body = excluded.body",
                           error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, stage_id);
  if (body != NULL)
    {
      _kp_stmt_bind_int64 (stmt, 2, stage.selection_id);
      _kp_stmt_bind_text (stmt, 4, subject);
      _kp_stmt_bind_text (stmt, 5, body);
    }
  _kp_stmt_bind_text (stmt, 3, kp_channel_to_string (channel));
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_or_null (builder, "old_subject", was_default ? NULL : old_subject);
  add_string_or_null (builder, "old_body", was_default ? NULL : old_body);
  add_string_or_null (builder, "new_subject", body != NULL ? subject : NULL);
  add_string_or_null (builder, "new_body", body);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  entity_id = g_strdup_printf ("%" PRId64 "/%s", stage_id, kp_channel_to_string (channel));
  if (!_kp_audit_append (db, "update", "notification-template", entity_id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_database_reload (db, 0);
  return TRUE;
}

/* ---- the values of a message ---------------------------------------------------------------- */

/* "Senin, 12 Januari 2027", or NULL when @iso is not a date. */
static char *
format_date_id (const char *iso)
{
  static const char *const months[] = { "Januari", "Februari", "Maret", "April", "Mei", "Juni",
                                        "Juli", "Agustus", "September", "Oktober", "November",
                                        "Desember" };
  /* GDateWeekday: Monday is 1. */
  static const char *const days[] = { "", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
                                      "Minggu" };
  GDate date;

  if (iso == NULL || *iso == '\0' || !kp_date_parse (iso, KP_DATE_FORMAT_ISO, &date, NULL, NULL))
    return NULL;
  return g_strdup_printf ("%s, %d %s %d", days[g_date_get_weekday (&date)],
                          g_date_get_day (&date), months[g_date_get_month (&date) - 1],
                          g_date_get_year (&date));
}

/* The schedule of @stage in words; "" when it has none yet. */
static char *
format_schedule (const Stage *stage)
{
  g_autofree char *starts = format_date_id (stage->starts_on);
  g_autofree char *ends = format_date_id (stage->ends_on);

  if (starts == NULL)
    return g_strdup ("");
  if (ends == NULL || strcmp (stage->starts_on, stage->ends_on) == 0)
    return g_steal_pointer (&starts);
  /* "s.d." (sampai dengan) is how Indonesian letters write a range of dates. */
  return g_strdup_printf ("%s s.d. %s", starts, ends);
}

/* The default of how to appeal (DOMAIN.md: 3 days after the administration result, answered
 * within 5 working days, no new documents), when the selection announced no text of its own. */
#define DEFAULT_APPEAL_TEXT \
  "Sanggahan dapat diajukan dalam jangka waktu 3 (tiga) hari sejak pengumuman hasil seleksi " \
  "administrasi melalui saluran yang ditetapkan dalam pengumuman, disertai alasan yang jelas " \
  "dan tanpa melampirkan dokumen baru. Sanggahan akan dijawab paling lambat 5 (lima) hari " \
  "kerja."

/* What a message says when a date or place is not set yet. */
#define LATER "akan diumumkan kemudian"

static char *
schedule_or_later (const Stage *stage)
{
  g_autofree char *schedule = format_schedule (stage);

  return g_strdup (*schedule != '\0' ? schedule : LATER);
}

static const char *
place_or_later (const Stage *stage)
{
  return *stage->place != '\0' ? stage->place : LATER;
}

/* Where and when @stage takes place, as the end of a sentence: what is not set yet is said to
 * be announced later, rather than left as a gap. */
static char *
schedule_phrase (const Stage *stage)
{
  g_autofree char *schedule = format_schedule (stage);
  gboolean has_place = *stage->place != '\0';

  if (*schedule != '\0' && has_place)
    return g_strdup_printf ("yang akan dilaksanakan pada %s, bertempat di %s.", schedule,
                            stage->place);
  if (*schedule != '\0')
    return g_strdup_printf ("yang akan dilaksanakan pada %s; tempat pelaksanaannya akan "
                            "diumumkan kemudian.", schedule);
  if (has_place)
    return g_strdup_printf ("yang akan dilaksanakan di %s; jadwal pelaksanaannya akan "
                            "diumumkan kemudian.", stage->place);
  return g_strdup ("yang jadwal dan tempat pelaksanaannya akan diumumkan kemudian.");
}

/* The next step of a registrant found MS: the next stage (@next, NULL when this was the last),
 * in a letter's words or, with @brief, a short text's. */
static char *
next_step_ms (const Stage *next, gboolean brief)
{
  g_autofree char *schedule = NULL;
  g_autofree char *phrase = NULL;

  if (next == NULL)
    return g_strdup (brief ? "" : "Informasi mengenai tahap selanjutnya akan disampaikan "
                                  "melalui pengumuman resmi Panitia Seleksi.");
  if (brief)
    {
      schedule = schedule_or_later (next);
      return g_strdup_printf ("Tahap berikutnya: %s. Jadwal: %s. Tempat: %s.", next->name,
                              schedule, place_or_later (next));
    }
  phrase = schedule_phrase (next);
  return g_strdup_printf ("Selanjutnya Saudara/Saudari berhak mengikuti tahap %s %s Informasi "
                          "lebih lanjut akan disampaikan melalui pengumuman resmi Panitia "
                          "Seleksi.", next->name, phrase);
}

/* The placeholders' values for @vcase's message at @stage (@next: the stage after it, or
 * NULL). @brief: for a short text, whose reason and next step are shorter. The NIK and the
 * birth date are not even read. */
static GHashTable *
build_values (const Stage *stage, const Stage *next, const KpVerificationCase *vcase,
              const char *agency, gboolean brief)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *appeal = *stage->appeal_text != '\0' ? stage->appeal_text : DEFAULT_APPEAL_TEXT;
  const KpVerificationRound *final = vcase->final;
  char *hasil = g_strdup ("");
  char *alasan = g_strdup ("");
  char *step = g_strdup ("");

  g_hash_table_insert (values, (char *) "nama", g_strdup (vcase->name));
  g_hash_table_insert (values, (char *) "no_peserta", g_strdup (vcase->reg_no));
  g_hash_table_insert (values, (char *) "seleksi", g_strdup (stage->selection_name));
  g_hash_table_insert (values, (char *) "tahap", g_strdup (stage->name));
  g_hash_table_insert (values, (char *) "jadwal", schedule_or_later (stage));
  g_hash_table_insert (values, (char *) "tempat", g_strdup (place_or_later (stage)));
  g_hash_table_insert (values, (char *) "tahap_berikut", g_strdup (next ? next->name : ""));
  g_hash_table_insert (values, (char *) "jadwal_berikut",
                       next ? schedule_or_later (next) : g_strdup (""));
  g_hash_table_insert (values, (char *) "tempat_berikut",
                       g_strdup (next ? place_or_later (next) : ""));
  g_hash_table_insert (values, (char *) "cara_sanggah", g_strdup (appeal));
  g_hash_table_insert (values, (char *) "instansi", g_strdup (agency));

  /* Only the administration stage has results in the program so far: later stages invite. */
  if (strcmp (stage->kind, "administration") == 0 && final != NULL)
    {
      g_free (hasil);
      g_free (alasan);
      g_free (step);
      if (final->decision == KP_DECISION_MS)
        {
          hasil = g_strdup ("MEMENUHI SYARAT (MS)");
          alasan = g_strdup ("");
          step = next_step_ms (next, brief);
        }
      else
        {
          hasil = g_strdup ("TIDAK MEMENUHI SYARAT (TMS)");
          if (brief)
            {
              alasan = g_strdup_printf ("Alasan: tidak memenuhi persyaratan \"%s\".",
                                        final->requirement_text);
              step = g_strdup ("Sanggahan dapat diajukan sesuai ketentuan dalam pengumuman.");
            }
          else
            {
              alasan = g_strdup_printf ("Alasan: tidak memenuhi persyaratan “%s”.\n"
                                        "Catatan verifikator: %s",
                                        final->requirement_text, final->note);
              step = g_strdup_printf ("Apabila Saudara/Saudari berkeberatan atas hasil ini, "
                                      "Saudara/Saudari dapat mengajukan sanggahan. %s", appeal);
            }
        }
    }
  g_hash_table_insert (values, (char *) "hasil", hasil);
  g_hash_table_insert (values, (char *) "alasan", alasan);
  g_hash_table_insert (values, (char *) "langkah_berikut", step);
  return values;
}

/* ---- RFC 5322 messages ---------------------------------------------------------------------- */

/* A plain addr-spec (local@domain) this program will write in a header: printable ASCII, no
 * white space, no characters that end or quote an address. Anything else is not used. */
static gboolean
is_usable_address (const char *address)
{
  const char *at;

  if (address == NULL || *address == '\0' || strlen (address) > 254)
    return FALSE;
  for (const char *p = address; *p != '\0'; p++)
    if (*p <= ' ' || *p >= 127 || strchr ("<>()[]\\,;:\"", *p) != NULL)
      return FALSE;
  at = strchr (address, '@');
  return at != NULL && at != address && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL;
}

/* @text as RFC 2047 encoded-words, folded between words. */
static void
append_encoded_words (GString *out, const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *base64 = NULL;

      /* Whole characters only: a word must decode to valid UTF-8 on its own. */
      while (*end != '\0')
        {
          const char *after = g_utf8_next_char (end);

          if (after - p > ENCODED_WORD_BYTES)
            break;
          end = after;
        }
      if (p != text)
        g_string_append (out, "\r\n ");
      base64 = g_base64_encode ((const guchar *) p, end - p);
      g_string_append_printf (out, "=?UTF-8?B?%s?=", base64);
      p = end;
    }
}

static gboolean
is_plain_ascii (const char *text, const char *also)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != ' ' && strchr (also, *p) == NULL)
      return FALSE;
  return TRUE;
}

/* A display name: as it is when it is letters, digits and spaces; quoted when it is other
 * printable ASCII; encoded otherwise. */
static void
append_phrase (GString *out, const char *name)
{
  if (is_plain_ascii (name, ""))
    g_string_append (out, name);
  else if (is_plain_ascii (name, "!#$%&'*+-/=?^_`{|}~.,:;<>()[]@"))
    g_string_append_printf (out, "\"%s\"", name);
  else
    append_encoded_words (out, name);
}

static void
append_mailbox (GString *out, const char *name, const char *address)
{
  if (name != NULL && *name != '\0')
    {
      append_phrase (out, name);
      g_string_append_printf (out, " <%s>", address);
    }
  else
    g_string_append (out, address);
}

/* @text ("\n" lines) as quoted-printable with CRLF line ends (RFC 2045, 6.7). */
static void
append_quoted_printable (GString *out, const char *text)
{
  gsize column = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      char token[4];
      gsize length;

      if (*p == '\n')
        {
          g_string_append (out, "\r\n");
          column = 0;
          continue;
        }
      /* Space and tab only literal where a line does not end with them (rule 3). */
      if ((*p >= 33 && *p <= 126 && *p != '=') ||
          ((*p == ' ' || *p == '\t') && p[1] != '\n' && p[1] != '\0'))
        {
          token[0] = (char) *p;
          token[1] = '\0';
        }
      else
        g_snprintf (token, sizeof token, "=%02X", *p);
      length = strlen (token);
      if (column + length > QP_LINE_MAX - 1)
        {
          g_string_append (out, "=\r\n");
          column = 0;
        }
      g_string_append (out, token);
      column += length;
    }
  if (column > 0)
    g_string_append (out, "\r\n");
}

/* RFC 5322 date-time in UTC, with the English names the standard requires whatever the
 * locale. */
static char *
format_rfc5322_date (GDateTime *time)
{
  static const char *const days[] = { "", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[] = { "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                        "Aug", "Sep", "Oct", "Nov", "Dec" };

  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d +0000",
                          days[g_date_time_get_day_of_week (time)],
                          g_date_time_get_day_of_month (time),
                          months[g_date_time_get_month (time)], g_date_time_get_year (time),
                          g_date_time_get_hour (time), g_date_time_get_minute (time),
                          g_date_time_get_second (time));
}

/* The sender: @from as "Name <address>" or "address", split and checked. */
typedef struct {
  char *name;
  char *address;
} Sender;

static void
sender_clear (Sender *sender)
{
  g_clear_pointer (&sender->name, g_free);
  g_clear_pointer (&sender->address, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sender, sender_clear)

static gboolean
parse_sender (const char *from, Sender *sender, GError **error)
{
  const char *open;

  if (!g_utf8_validate (from, -1, NULL) || strpbrk (from, "\r\n") != NULL)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("The sender address must be one line of valid UTF-8 text"));
      return FALSE;
    }
  open = strchr (from, '<');
  if (open != NULL && g_str_has_suffix (from, ">"))
    {
      sender->name = g_strstrip (g_strndup (from, open - from));
      sender->address = g_strndup (open + 1, strlen (open + 1) - 1);
    }
  else
    {
      sender->name = g_strdup ("");
      sender->address = g_strstrip (g_strdup (from));
    }
  if (!is_usable_address (sender->address) || strchr (sender->name, '"') != NULL)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s is the refused sender address. */
                   _("The sender address “%s” is not a usable e-mail address (write "
                     "name@domain or Name <name@domain>)"), from);
      return FALSE;
    }
  return TRUE;
}

static char *
build_eml (const Sender *sender, const char *to_name, const char *to_address,
           const char *subject, const char *body, const char *date, const char *message_id)
{
  GString *out = g_string_new ("From: ");

  append_mailbox (out, sender->name, sender->address);
  g_string_append (out, "\r\nTo: ");
  append_mailbox (out, to_name, to_address);
  g_string_append (out, "\r\nSubject: ");
  if (is_plain_ascii (subject, "!#$%&'*+-/=?^_`{|}~.,:;<>()[]@\"") && strlen (subject) <= 70)
    g_string_append (out, subject);
  else
    append_encoded_words (out, subject);
  g_string_append_printf (out, "\r\nDate: %s\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: text/plain; charset=UTF-8\r\n"
                          "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
                          date, message_id);
  append_quoted_printable (out, body);
  return g_string_free (out, FALSE);
}

/* A file name made of @reg_no: letters, digits, '-', '_' and '.' kept, the rest '_'. */
static char *
file_stem (const char *reg_no)
{
  char *stem = g_strdup (*reg_no != '\0' ? reg_no : "_");

  for (char *p = stem; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      *p = '_';
  return stem;
}

/* ---- producing ------------------------------------------------------------------------------ */

typedef struct {
  char *email;
  char *phone;
} Contact;

static void
contact_free (Contact *contact)
{
  g_free (contact->email);
  g_free (contact->phone);
  g_free (contact);
}

/* The e-mail address and phone of every registrant of @selection_id, by id. */
static GHashTable *
read_contacts (KpDb *kdb, gint64 selection_id, GError **error)
{
  g_autoptr(GHashTable) contacts =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) contact_free);
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT id, email, phone FROM applicant "
                                 "WHERE selection_id = ?", error);
  KpStep step;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 id = _kp_stmt_get_int64 (stmt, 0);
      Contact *contact = g_new0 (Contact, 1);

      contact->email = g_strstrip (g_strdup (_kp_stmt_get_text (stmt, 1)));
      contact->phone = g_strstrip (g_strdup (_kp_stmt_get_text (stmt, 2)));
      g_hash_table_insert (contacts, g_memdup2 (&id, sizeof id), contact);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&contacts);
}

static gboolean
has_administration_stage (KpDb *kdb, gint64 selection_id, gboolean *has, GError **error)
{
  gint64 found = 0;
  gboolean done = _kp_recruitment_query_int (kdb, "SELECT 1 FROM selection_stage "
                                             "WHERE selection_id = ? AND kind = 'administration'",
                                             selection_id, &found, error);

  *has = found != 0;
  return done;
}

static gboolean
log_produced (KpDb *kdb, gint64 stage_id, gint64 applicant_id, const char *channel,
              const char *at, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, "INSERT INTO notification (stage_id, applicant_id, "
                                 "channel, produced_at) VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, stage_id);
  _kp_stmt_bind_int64 (stmt, 2, applicant_id);
  _kp_stmt_bind_text (stmt, 3, channel);
  _kp_stmt_bind_text (stmt, 4, at);
  return _kp_stmt_run (stmt, error);
}

/* Writes @contents to @path whole or not at all (g_file_set_contents writes a temporary file
 * and renames it). */
static gboolean
write_file (const char *path, const char *contents, gsize length, GError **error)
{
  GError *local_error = NULL;

  if (!g_file_set_contents (path, contents, length, &local_error))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   /* Translators: %s is a file's path, then the system's reason. */
                   _("Cannot write %s: %s"), path, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return TRUE;
}

/* A CSV file being built in memory, written at the end. */
typedef struct {
  GOutputStream *stream;
} CsvBuffer;

static void
csv_buffer_init (CsvBuffer *csv, const char *const *header, guint n_columns)
{
  /* The BOM makes spreadsheet programs read the file as UTF-8. */
  static const char bom[] = "\xef\xbb\xbf";

  csv->stream = g_memory_output_stream_new_resizable ();
  g_output_stream_write_all (csv->stream, bom, 3, NULL, NULL, NULL);
  _kp_csv_write_row (csv->stream, header, n_columns, NULL);
}

static gboolean
csv_buffer_write (CsvBuffer *csv, const char *path, GError **error)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (csv->stream);

  return g_output_stream_close (csv->stream, NULL, error) &&
         write_file (path, g_memory_output_stream_get_data (memory),
                     g_memory_output_stream_get_data_size (memory), error);
}

static void
csv_buffer_clear (CsvBuffer *csv)
{
  g_clear_object (&csv->stream);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CsvBuffer, csv_buffer_clear)

/* @text cut to KP_NOTIFICATION_SHORT_MAX_CHARS characters, an ellipsis marking the cut. */
static char *
cut_short (const char *text)
{
  g_autofree char *one_line = kp_text_squash (text);

  if (g_utf8_strlen (one_line, -1) <= KP_NOTIFICATION_SHORT_MAX_CHARS)
    return g_steal_pointer (&one_line);
  *g_utf8_offset_to_pointer (one_line, KP_NOTIFICATION_SHORT_MAX_CHARS - 1) = '\0';
  return g_strconcat (one_line, "…", NULL);
}

/* Who gets a message at @stage: see kp_notification_produce. */
static gboolean
is_recipient (const Stage *stage, gboolean has_administration, const KpVerificationCase *vcase,
              gboolean *waiting)
{
  *waiting = FALSE;
  if (strcmp (stage->kind, "administration") == 0)
    {
      *waiting = vcase->final == NULL;
      return vcase->final != NULL;
    }
  if (!has_administration)
    return TRUE;
  *waiting = vcase->final == NULL;
  return vcase->final != NULL && vcase->final->decision == KP_DECISION_MS;
}

/* The templates of one stage, checked once. */
typedef struct {
  char *subject;
  char *body;
  char *short_subject;
  char *short_body;
} Templates;

static void
templates_clear (Templates *templates)
{
  g_free (templates->subject);
  g_free (templates->body);
  g_free (templates->short_subject);
  g_free (templates->short_body);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Templates, templates_clear)

typedef struct {
  KpDatabase *db;
  const Stage *stage;
  const Stage *next;
  const Templates *templates;
  const Sender *sender;
  const char *agency;
  const char *eml_dir;
  const char *at;
  GDateTime *now;
  CsvBuffer *merge;
  CsvBuffer *texts;
  GHashTable *stems;
  KpNotificationCounts *counts;
} Production;

/* One registrant's messages: the rows of both CSVs, the .eml, the log rows. */
static gboolean
produce_one (Production *job, const KpVerificationCase *vcase, const Contact *contact,
             GError **error)
{
  KpDb *kdb = _kp_database_get_db (job->db);
  g_autoptr(GHashTable) values = build_values (job->stage, job->next, vcase, job->agency, FALSE);
  g_autoptr(GHashTable) brief = build_values (job->stage, job->next, vcase, job->agency, TRUE);
  g_autofree char *subject_raw = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text_raw = NULL;
  g_autofree char *text = NULL;
  const char *email = contact != NULL ? contact->email : "";
  const char *phone = contact != NULL ? contact->phone : "";

  if ((subject_raw = kp_notification_render (job->templates->subject, values, error)) == NULL ||
      (body = kp_notification_render (job->templates->body, values, error)) == NULL ||
      (text_raw = kp_notification_render (job->templates->short_body, brief, error)) == NULL)
    return FALSE;
  subject = kp_text_squash (subject_raw);
  text = cut_short (text_raw);

  {
    const char *row[] = { vcase->reg_no, vcase->name, email, phone, subject, body };

    if (!_kp_csv_write_row_for_people (job->merge->stream, row, G_N_ELEMENTS (row), error) ||
        !log_produced (kdb, job->stage->id, vcase->applicant_id, "mail-merge", job->at, error))
      return FALSE;
  }
  if (*phone != '\0')
    {
      const char *row[] = { vcase->reg_no, phone, text };

      if (!_kp_csv_write_row_for_people (job->texts->stream, row, G_N_ELEMENTS (row), error) ||
          !log_produced (kdb, job->stage->id, vcase->applicant_id, "short", job->at, error))
        return FALSE;
      job->counts->short_texts++;
    }
  else
    job->counts->no_phone++;

  if (is_usable_address (email))
    {
      g_autofree char *stem = file_stem (vcase->reg_no);
      g_autofree char *file_name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *date = format_rfc5322_date (job->now);
      g_autofree char *seed = NULL;
      g_autofree char *message_id = NULL;
      g_autofree char *eml = NULL;
      const char *domain = strchr (job->sender->address, '@') + 1;

      /* Two numbers that differ only in characters a file name cannot hold. */
      if (g_hash_table_contains (job->stems, stem))
        {
          char *unique = g_strdup_printf ("%s-%" PRId64, stem, vcase->applicant_id);

          g_free (stem);
          stem = unique;
        }
      g_hash_table_add (job->stems, g_strdup (stem));
      file_name = g_strconcat (stem, ".eml", NULL);
      path = g_build_filename (job->eml_dir, file_name, NULL);
      seed = g_strdup_printf ("%" PRId64 ":%" PRId64 ":%s:%u", job->stage->id,
                              vcase->applicant_id, job->at, g_random_int ());
      message_id = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
      message_id[32] = '\0';
      {
        g_autofree char *id = g_strconcat (message_id, ".kompeten@", domain, NULL);

        eml = build_eml (job->sender, vcase->name, email, subject, body, date, id);
      }
      if (!write_file (path, eml, strlen (eml), error) ||
          !log_produced (kdb, job->stage->id, vcase->applicant_id, "email", job->at, error))
        return FALSE;
      job->counts->eml++;
    }
  else
    job->counts->no_email++;
  job->counts->recipients++;
  return TRUE;
}

static gboolean
read_templates (KpDb *kdb, const Stage *stage, Templates *templates, GError **error)
{
  if (!read_template (kdb, stage->id, stage->kind, KP_CHANNEL_EMAIL, &templates->subject,
                      &templates->body, NULL, error) ||
      !read_template (kdb, stage->id, stage->kind, KP_CHANNEL_SHORT, &templates->short_subject,
                      &templates->short_body, NULL, error))
    return FALSE;
  /* A template stored by another program is checked here, before any file is written. */
  return kp_notification_template_check (templates->subject, error) &&
         kp_notification_template_check (templates->body, error) &&
         kp_notification_template_check (templates->short_body, error);
}

static void
add_count (JsonBuilder *builder, const char *member, guint value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

gboolean
kp_notification_produce (KpDatabase *db, gint64 stage_id, const char *out_dir,
                         const KpNotificationOptions *options, KpNotificationCounts *counts,
                         GError **error)
{
  static const char *const merge_header[] = { "no_peserta", "nama", "email", "telepon",
                                              "subject", "body" };
  static const char *const texts_header[] = { "no_peserta", "telepon", "text" };
  KpDb *kdb;
  g_auto(Stage) stage = { 0 };
  g_auto(Stage) next = { 0 };
  g_auto(Templates) templates = { 0 };
  g_auto(Sender) sender = { 0 };
  g_auto(CsvBuffer) merge = { 0 };
  g_auto(CsvBuffer) texts = { 0 };
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) contacts = NULL;
  g_autoptr(GHashTable) stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *eml_dir = NULL;
  g_autofree char *merge_path = NULL;
  g_autofree char *texts_path = NULL;
  g_autofree char *entity_id = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpNotificationCounts local_counts = { 0 };
  gboolean has_next = FALSE;
  gboolean has_administration = FALSE;
  Production job = { 0 };

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);

  kdb = _kp_database_get_db (db);
  if (counts == NULL)
    counts = &local_counts;
  memset (counts, 0, sizeof *counts);
  if (!parse_sender (options != NULL && options->from != NULL ? options->from
                                                              : KP_NOTIFICATION_DEFAULT_FROM,
                     &sender, error))
    return FALSE;

  eml_dir = g_build_filename (out_dir, "eml", NULL);
  if (g_mkdir_with_parents (eml_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   /* Translators: %s is a folder's path, then the system's reason. */
                   _("Cannot create the folder %s: %s"), eml_dir, g_strerror (saved));
      return FALSE;
    }

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!read_stage_by_id (kdb, stage_id, &stage, error) ||
      !read_stage (kdb, 0, stage.selection_id, stage.position + 1, &next, &has_next, error) ||
      !has_administration_stage (kdb, stage.selection_id, &has_administration, error) ||
      !read_templates (kdb, &stage, &templates, error) ||
      (cases = kp_verification_list (db, stage.selection_id, error)) == NULL ||
      (contacts = read_contacts (kdb, stage.selection_id, error)) == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  csv_buffer_init (&merge, merge_header, G_N_ELEMENTS (merge_header));
  csv_buffer_init (&texts, texts_header, G_N_ELEMENTS (texts_header));
  job = (Production) {
    .db = db, .stage = &stage, .next = has_next ? &next : NULL, .templates = &templates,
    .sender = &sender,
    .agency = options != NULL && options->agency != NULL ? options->agency : "BKPSDM",
    .eml_dir = eml_dir, .at = at, .now = now, .merge = &merge, .texts = &texts,
    .stems = stems, .counts = counts,
  };
  for (guint i = 0; i < cases->len; i++)
    {
      const KpVerificationCase *vcase = g_ptr_array_index (cases, i);
      gboolean waiting = FALSE;

      if (!is_recipient (&stage, has_administration, vcase, &waiting))
        {
          counts->waiting += waiting;
          continue;
        }
      if (!produce_one (&job, vcase, g_hash_table_lookup (contacts, &vcase->applicant_id),
                        error))
        {
          _kp_db_rollback (kdb);
          g_prefix_error (error, _("Registrant %s: "), vcase->reg_no);
          return FALSE;
        }
    }
  merge_path = g_build_filename (out_dir, "mail-merge.csv", NULL);
  texts_path = g_build_filename (out_dir, "short-texts.csv", NULL);
  if (!csv_buffer_write (&merge, merge_path, error) ||
      !csv_buffer_write (&texts, texts_path, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "selection");
  json_builder_add_int_value (builder, stage.selection_id);
  json_builder_set_member_name (builder, "stage");
  json_builder_add_string_value (builder, stage.name);
  add_count (builder, "recipients", counts->recipients);
  add_count (builder, "eml", counts->eml);
  add_count (builder, "short", counts->short_texts);
  add_count (builder, "waiting", counts->waiting);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  entity_id = g_strdup_printf ("%" PRId64, stage_id);
  if (!_kp_audit_append (db, "produce", "notification", entity_id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_database_reload (db, 0);
  return TRUE;
}

/* ---- the log -------------------------------------------------------------------------------- */

void
kp_notification_log_free (KpNotificationLog *log)
{
  if (log == NULL)
    return;
  g_free (log->reg_no);
  g_free (log->channel);
  g_free (log->produced_at);
  g_free (log->sent_at);
  g_free (log->sent_by);
  g_free (log);
}

GPtrArray *
kp_notification_log_list (KpDatabase *db, gint64 stage_id, GError **error)
{
  g_autoptr(GPtrArray) logs =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_notification_log_free);
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT n.id, n.applicant_id, a.reg_no, n.channel, n.produced_at, "
                         "n.sent_at, n.sent_by FROM notification n "
                         "JOIN applicant a ON a.id = n.applicant_id "
                         "WHERE n.stage_id = ? ORDER BY n.id", error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, stage_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpNotificationLog *log = g_new0 (KpNotificationLog, 1);

      log->id = _kp_stmt_get_int64 (stmt, 0);
      log->applicant_id = _kp_stmt_get_int64 (stmt, 1);
      log->reg_no = g_strdup (_kp_stmt_get_text (stmt, 2));
      log->channel = g_strdup (_kp_stmt_get_text (stmt, 3));
      log->produced_at = g_strdup (_kp_stmt_get_text (stmt, 4));
      log->sent_at = _kp_stmt_is_null (stmt, 5) ? NULL : g_strdup (_kp_stmt_get_text (stmt, 5));
      log->sent_by = _kp_stmt_is_null (stmt, 6) ? NULL : g_strdup (_kp_stmt_get_text (stmt, 6));
      g_ptr_array_add (logs, log);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&logs);
}

/* Marks one row (@id) or every unmarked row of the stage and channel (@id 0); adds the count
 * to @marked. An @id not of @stage_id is NOT_FOUND. */
static gboolean
mark_rows (KpDb *kdb, gint64 stage_id, const char *channel, gint64 id, const char *by,
           const char *at, guint *marked, GError **error)
{
  KpStmt *stmt;

  if (id != 0)
    {
      KpStep step;

      stmt = _kp_db_prepare (kdb, "SELECT 1 FROM notification WHERE id = ? AND stage_id = ?",
                             error);
      if (stmt == NULL)
        return FALSE;
      _kp_stmt_bind_int64 (stmt, 1, id);
      _kp_stmt_bind_int64 (stmt, 2, stage_id);
      step = _kp_stmt_step (stmt, error);
      _kp_stmt_reset (stmt);
      if (step == KP_STEP_ERROR)
        return FALSE;
      if (step == KP_STEP_DONE)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                       /* Translators: both are ids. */
                       _("There is no notification %" PRId64 " of stage %" PRId64), id,
                       stage_id);
          return FALSE;
        }
    }
  stmt = _kp_db_prepare (kdb,
                         "UPDATE notification SET sent_at = ?1, sent_by = ?2 "
                         "WHERE stage_id = ?3 AND sent_at IS NULL "
                         "AND (?4 IS NULL OR channel = ?4) AND (?5 = 0 OR id = ?5)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, at);
  _kp_stmt_bind_text (stmt, 2, by);
  _kp_stmt_bind_int64 (stmt, 3, stage_id);
  _kp_stmt_bind_text (stmt, 4, channel);
  _kp_stmt_bind_int64 (stmt, 5, id);
  if (!_kp_stmt_run (stmt, error))
    return FALSE;
  *marked += _kp_db_changes (kdb);
  return TRUE;
}

gboolean
kp_notification_mark_sent (KpDatabase *db, gint64 stage_id, const char *channel, GArray *ids,
                           const char *by, guint *marked, GError **error)
{
  KpDb *kdb;
  g_autofree char *who = NULL;
  g_autofree char *at = NULL;
  g_autofree char *entity_id = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_auto(Stage) stage = { 0 };
  guint count = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (marked != NULL)
    *marked = 0;
  if (channel != NULL && strcmp (channel, "mail-merge") != 0 && strcmp (channel, "email") != 0 &&
      strcmp (channel, "short") != 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s is the refused channel. */
                   _("Unknown channel “%s”: use mail-merge, email or short"), channel);
      return FALSE;
    }
  who = kp_text_squash (by != NULL ? by : "");
  if (*who == '\0')
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("Name who sent the messages"));
      return FALSE;
    }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  }

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!read_stage_by_id (kdb, stage_id, &stage, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) <= 0 ||
        !mark_rows (kdb, stage_id, NULL, g_array_index (ids, gint64, i), who, at, &count, error))
      {
        if (error != NULL && *error == NULL)
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                       _("There is no notification %" PRId64 " of stage %" PRId64),
                       g_array_index (ids, gint64, i), stage_id);
        _kp_db_rollback (kdb);
        return FALSE;
      }
  if (ids == NULL && !mark_rows (kdb, stage_id, channel, 0, who, at, &count, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if (count == 0)
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stage");
  json_builder_add_string_value (builder, stage.name);
  add_string_or_null (builder, "channel", ids == NULL ? channel : NULL);
  add_count (builder, "count", count);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  entity_id = g_strdup_printf ("%" PRId64, stage_id);
  if (!_kp_audit_append (db, "mark-sent", "notification", entity_id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_database_reload (db, 0);
  if (marked != NULL)
    *marked = count;
  return TRUE;
}
