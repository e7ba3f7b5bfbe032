/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-notification.c: templates (defaults, editing, refusing the NIK and the birth date),
 * rendering, and the files of a stage's messages read back as a mail client and a spreadsheet
 * would: the mail-merge CSV parsed, an .eml's headers and quoted-printable body decoded, the
 * short texts' length; no NIK or birth date in any file; the log and marking sent. */

#include "config.h"

#include "model-test-util.h"
#include "recruitment-fixture.h"

typedef struct {
  char *dir;
  char *path;
  char *out;
  KpDatabase *db;
  RecruitmentFixture fx;
} Fixture;

static void
decide (Fixture *f, guint i, const char *verifier, KpDecision decision, gint64 requirement,
        const char *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_verification_decide (f->db, f->fx.applicants[i], verifier, decision,
                                         requirement, note, NULL, &error));
  g_assert_no_error (error);
}

/* 12 registrants, no MS sampled: 0–5 MS, 6 TMS confirmed, 7 TMS awaiting its check, 8–11
 * undecided. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = make_tmp_dir ();
  f->path = g_build_filename (f->dir, "kompeten.db", NULL);
  f->out = g_build_filename (f->dir, "out", NULL);
  f->db = open_db (f->path);
  recruitment_fixture_make (f->path, 12, 0, 3, &f->fx);
  for (guint i = 0; i < 6; i++)
    decide (f, i, "Ani", KP_DECISION_MS, 0, NULL);
  decide (f, 6, "Ani", KP_DECISION_TMS, f->fx.requirements[0], "Ijazah D3, formasi meminta S1");
  decide (f, 6, "Bayu", KP_DECISION_TMS, f->fx.requirements[0], "Benar, ijazah D3");
  decide (f, 7, "Ani", KP_DECISION_TMS, f->fx.requirements[1], "KTP tidak terbaca");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  recruitment_fixture_clear (&f->fx);
  remove_tree (f->dir);
  g_free (f->out);
  g_free (f->path);
  g_free (f->dir);
}

static GHashTable *
values_new (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, (char *) "nama", (char *) "Siti Nur’aini");
  g_hash_table_insert (values, (char *) "no_peserta", (char *) "20270000002");
  /* A value that looks like a placeholder is inserted as it is. */
  g_hash_table_insert (values, (char *) "tahap", (char *) "{nik}");
  return values;
}

static void
test_render (void)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  static const char *const refused[] = {
    "NIK: {nik}", "{NIK}", "Lahir {tanggal_lahir}", "{ tgl_lahir }", "{birth_date}",
    "{nomor_induk_kependudukan}", "{alamat}", "{nama", "{na{ma}}", "\xff{nama}",
  };

  text = kp_notification_render ("Yth. {nama} ({ no_peserta }), {{literal}} {tahap}\n\n\n"
                                 "{alasan}\n\nSalam {jadwal}.", values, &error);
  g_assert_no_error (error);
  /* The empty {alasan} leaves one empty line, not three; {jadwal} is empty. */
  g_assert_cmpstr (text, ==, "Yth. Siti Nur’aini (20270000002), {literal} {nik}\n\nSalam .");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *none = kp_notification_render (refused[i], values, &error);

      g_assert_null (none);
      g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (kp_notification_template_check (refused[i], &error));
      g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
      g_clear_error (&error);
    }
  for (const char *const *name = kp_notification_placeholders (); *name != NULL; name++)
    {
      g_autofree char *one = g_strdup_printf ("{%s}", *name);

      g_assert_true (kp_notification_template_check (one, &error));
      g_assert_no_error (error);
    }
}

static void
test_templates (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  gboolean is_default = FALSE;
  guint events;

  g_assert_true (kp_notification_template_get (f->db, f->fx.stages[0], KP_CHANNEL_EMAIL,
                                               &subject, &body, &is_default, &error));
  g_assert_no_error (error);
  g_assert_true (is_default);
  g_assert_nonnull (strstr (subject, "Hasil {tahap}"));
  g_assert_nonnull (strstr (body, "{alasan}"));
  g_assert_true (kp_notification_template_check (body, NULL));
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);
  /* A stage kind without a text of its own gets the invitation. */
  g_assert_true (kp_notification_template_get (f->db, f->fx.stages[1], KP_CHANNEL_EMAIL,
                                               &subject, &body, &is_default, &error));
  g_assert_true (is_default);
  g_assert_nonnull (strstr (subject, "Undangan"));
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);

  events = n_audit_events (f->db);
  g_assert_false (kp_notification_template_set (f->db, f->fx.stages[1], KP_CHANNEL_SHORT, NULL,
                                                "Halo {nama}, NIK {nik}", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_notification_template_set (f->db, f->fx.stages[1], KP_CHANNEL_EMAIL,
                                                "Lahir {tanggal_lahir}", "Halo", &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);

  g_assert_true (kp_notification_template_set (f->db, f->fx.stages[1], KP_CHANNEL_SHORT, NULL,
                                               "Halo {nama} {{ok}}", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
  g_assert_true (kp_notification_template_get (f->db, f->fx.stages[1], KP_CHANNEL_SHORT,
                                               &subject, &body, &is_default, &error));
  g_assert_false (is_default);
  g_assert_cmpstr (body, ==, "Halo {nama} {{ok}}");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);
  /* The same text again: nothing changes, no event. */
  g_assert_true (kp_notification_template_set (f->db, f->fx.stages[1], KP_CHANNEL_SHORT, NULL,
                                               "Halo {nama} {{ok}}", &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
  /* Back to the default. */
  g_assert_true (kp_notification_template_set (f->db, f->fx.stages[1], KP_CHANNEL_SHORT, NULL,
                                               NULL, &error));
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 2);
  g_assert_true (kp_notification_template_get (f->db, f->fx.stages[1], KP_CHANNEL_SHORT,
                                               &subject, &body, &is_default, &error));
  g_assert_true (is_default);
  g_assert_false (kp_notification_template_get (f->db, 999999, KP_CHANNEL_SHORT, &subject,
                                                &body, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  assert_audit_intact (f->db);
}

/* A small RFC 4180 reader for the files under test: rows of fields, the BOM skipped. */
static GPtrArray *
parse_csv (const char *path)
{
  g_autofree char *text = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = NULL;
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *p;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (p = text + 3; *p != '\0'; p++)
    {
      if (row == NULL)
        row = g_ptr_array_new_with_free_func (g_free);
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, g_steal_pointer (&row));
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_false (quoted);
  g_assert_null (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
cell (GPtrArray *rows, guint r, guint c)
{
  GPtrArray *row = g_ptr_array_index (rows, r);

  g_assert_cmpuint (c, <, row->len);
  return g_ptr_array_index (row, c);
}

/* The row of @reg_no, or -1. */
static int
find_row (GPtrArray *rows, const char *reg_no)
{
  for (guint r = 1; r < rows->len; r++)
    if (g_strcmp0 (cell (rows, r, 0), reg_no) == 0)
      return (int) r;
  return -1;
}

/* No NIK and no birth date of any registrant, in any spelling, in any file under @out (the
 * .eml bodies decoded too). */
static void
assert_no_personal_data (Fixture *f, const char *out, guint n_files);

static char *
qp_decode (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '=' && p[1] == '\r' && p[2] == '\n')
        p += 2;
      else if (p[0] == '=' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16 +
                                           g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else if (p[0] == '\r' && p[1] == '\n')
        {
          g_string_append_c (out, '\n');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
assert_no_personal_data (Fixture *f, const char *out, guint n_files)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  fixture_list_files (out, files);
  g_assert_cmpuint (files->len, ==, n_files);
  for (guint k = 0; k < files->len; k++)
    {
      g_autofree char *raw = NULL;
      g_autofree char *decoded = NULL;

      g_assert_true (g_file_get_contents (g_ptr_array_index (files, k), &raw, NULL, NULL));
      decoded = qp_decode (raw);
      for (guint i = 0; i < f->fx.n_applicants; i++)
        {
          g_autofree char *nik = fixture_nik (i);
          g_autofree char *birth = fixture_birth_date (i);
          g_auto(GStrv) ymd = g_strsplit (birth, "-", 3);
          g_autofree char *dmy = g_strdup_printf ("%s-%s-%s", ymd[2], ymd[1], ymd[0]);
          g_autofree char *dmy_slash = g_strdup_printf ("%s/%s/%s", ymd[2], ymd[1], ymd[0]);
          const char *needles[] = { nik, birth, dmy, dmy_slash, nik + 6 };

          for (guint n = 0; n < G_N_ELEMENTS (needles); n++)
            {
              if (strstr (raw, needles[n]) != NULL || strstr (decoded, needles[n]) != NULL)
                g_error ("%s holds %s of registrant %u", (char *) g_ptr_array_index (files, k),
                         needles[n], i);
            }
        }
    }
}

static char *
header_value (const char *eml, const char *name)
{
  g_autofree char *prefix = g_strdup_printf ("\r\n%s: ", name);
  g_autofree char *head = g_strconcat ("\r\n", eml, NULL);
  const char *start = strstr (head, prefix);
  const char *end;
  GString *value = g_string_new (NULL);

  g_assert_nonnull (start);
  start += strlen (prefix);
  /* Unfold: a line starting with a space continues the header. */
  while ((end = strstr (start, "\r\n")) != NULL)
    {
      g_string_append_len (value, start, end - start);
      if (end[2] != ' ')
        break;
      start = end + 3;
    }
  return g_string_free (value, FALSE);
}

/* Decodes a header made of RFC 2047 B encoded-words (or plain text). */
static char *
decode_words (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *p = value;

  if (!g_str_has_prefix (value, "=?UTF-8?B?"))
    {
      g_string_append (out, value);
      return g_string_free (out, FALSE);
    }
  while ((p = strstr (p, "=?UTF-8?B?")) != NULL)
    {
      const char *end = strstr (p + 10, "?=");
      g_autofree char *chunk = g_strndup (p + 10, end - p - 10);
      g_autofree guchar *bytes = NULL;
      gsize length = 0;

      g_assert_cmpuint (end + 2 - p, <=, 75);
      bytes = g_base64_decode (chunk, &length);
      g_assert_true (g_utf8_validate ((const char *) bytes, length, NULL));
      g_string_append_len (out, (const char *) bytes, length);
      p = end + 2;
    }
  return g_string_free (out, FALSE);
}

static void
produce (Fixture *f, gint64 stage, const char *from, KpNotificationCounts *counts)
{
  g_autoptr(GError) error = NULL;
  KpNotificationOptions options = { .from = from, .agency = "BKPSDM Kabupaten Lampung Selatan" };

  g_assert_true (kp_notification_produce (f->db, stage, f->out, &options, counts, &error));
  g_assert_no_error (error);
}

static void
test_produce_administration (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) merge = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *merge_path = g_build_filename (f->out, "mail-merge.csv", NULL);
  g_autofree char *texts_path = g_build_filename (f->out, "short-texts.csv", NULL);
  g_autofree char *eml_path = g_build_filename (f->out, "eml", "20270000002.eml", NULL);
  g_autofree char *eml = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message_id = NULL;
  g_auto(GStrv) lines = NULL;
  KpNotificationCounts counts = { 0 };
  const char *ms, *tms;
  guint events = n_audit_events (f->db);
  int r;

  produce (f, f->fx.stages[0], "Panitia Seleksi <seleksi@bkpsdm.contoh.go.id>", &counts);
  /* 0–6 decided; 7 awaits its check and 8–11 are undecided. */
  g_assert_cmpuint (counts.recipients, ==, 7);
  g_assert_cmpuint (counts.waiting, ==, 5);
  g_assert_cmpuint (counts.eml, ==, 4);      /* 1, 2, 4, 5: 0, 3, 6 have no e-mail */
  g_assert_cmpuint (counts.no_email, ==, 3);
  g_assert_cmpuint (counts.short_texts, ==, 5); /* 0 and 5 have no phone */
  g_assert_cmpuint (counts.no_phone, ==, 2);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);

  merge = parse_csv (merge_path);
  g_assert_cmpuint (merge->len, ==, 8);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (merge, 0))->len, ==, 6);
  g_assert_cmpstr (cell (merge, 0, 0), ==, "no_peserta");
  g_assert_cmpstr (cell (merge, 0, 1), ==, "nama");
  g_assert_cmpstr (cell (merge, 0, 2), ==, "email");
  g_assert_cmpstr (cell (merge, 0, 3), ==, "telepon");
  g_assert_cmpstr (cell (merge, 0, 4), ==, "subject");
  g_assert_cmpstr (cell (merge, 0, 5), ==, "body");
  g_assert_cmpint (find_row (merge, "20270000008"), ==, -1);
  r = find_row (merge, "20270000004");
  g_assert_cmpint (r, >, 0);
  g_assert_cmpstr (cell (merge, r, 1), ==, "Agus Salim, S.Kom.");
  g_assert_cmpstr (cell (merge, r, 2), ==, ""); /* index 3: no e-mail address */
  g_assert_cmpstr (cell (merge, r, 3), ==, "081200000004");
  g_assert_cmpstr (cell (merge, find_row (merge, "20270000005"), 2), ==, "peserta5@contoh.id");
  ms = cell (merge, r, 5);
  g_assert_nonnull (strstr (ms, "MEMENUHI SYARAT (MS)"));
  g_assert_nonnull (strstr (ms, "Seleksi Kompetensi Dasar (SKD)"));
  g_assert_nonnull (strstr (ms, "Senin, 8 Maret 2027 s.d. Rabu, 10 Maret 2027"));
  g_assert_nonnull (strstr (ms, "Gedung Serbaguna Kalianda"));
  g_assert_nonnull (strstr (ms, "BKPSDM Kabupaten Lampung Selatan"));
  g_assert_null (strstr (ms, "TIDAK"));
  g_assert_null (strstr (ms, "\n\n\n"));
  r = find_row (merge, "20270000007");
  g_assert_cmpint (r, >, 0);
  tms = cell (merge, r, 5);
  g_assert_nonnull (strstr (tms, "TIDAK MEMENUHI SYARAT (TMS)"));
  g_assert_nonnull (strstr (tms, "Kualifikasi pendidikan sesuai dengan formasi"));
  /* The final round's note: Bayu's. */
  g_assert_nonnull (strstr (tms, "Benar, ijazah D3"));
  g_assert_nonnull (strstr (tms, "3 (tiga) hari"));
  g_assert_null (strstr (tms, "{"));

  texts = parse_csv (texts_path);
  g_assert_cmpuint (texts->len, ==, 6);
  g_assert_cmpstr (cell (texts, 0, 2), ==, "text");
  for (guint k = 1; k < texts->len; k++)
    {
      g_assert_cmpuint (g_utf8_strlen (cell (texts, k, 2), -1), <=,
                        KP_NOTIFICATION_SHORT_MAX_CHARS);
      g_assert_null (strchr (cell (texts, k, 2), '\n'));
    }
  g_assert_nonnull (strstr (cell (texts, find_row (texts, "20270000007"), 2), "TMS"));

  /* The .eml of registrant 2 (Siti Nur’aini): headers a mail client reads. */
  g_assert_true (g_file_get_contents (eml_path, &eml, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (eml, "\r\n\r\n"));
  lines = g_strsplit (eml, "\r\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      g_assert_cmpuint (strlen (lines[k]), <=, 78);
      g_assert_null (strchr (lines[k], '\n'));
    }
  g_assert_true (g_str_has_prefix (eml, "From: Panitia Seleksi <seleksi@bkpsdm.contoh.go.id>\r\n"));
  to = header_value (eml, "To");
  g_assert_true (g_str_has_prefix (to, "=?UTF-8?B?"));
  g_assert_true (g_str_has_suffix (to, " <peserta2@contoh.id>"));
  {
    g_autofree char *name = g_strndup (to, strlen (to) - strlen (" <peserta2@contoh.id>"));
    g_autofree char *decoded = decode_words (name);

    g_assert_cmpstr (decoded, ==, "Siti Nur’aini");
  }
  subject = decode_words (header_value (eml, "Subject"));
  g_assert_cmpstr (subject, ==, "Hasil Seleksi Administrasi - Seleksi CPNS 2027 - Nomor "
                                "Peserta 20270000002");
  date = header_value (eml, "Date");
  g_assert_true (g_regex_match_simple ("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} "
                                       "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                                       "[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} \\+0000$",
                                       date, 0, 0));
  message_id = header_value (eml, "Message-ID");
  g_assert_true (g_regex_match_simple ("^<[0-9a-f]{32}\\.kompeten@bkpsdm\\.contoh\\.go\\.id>$",
                                       message_id, 0, 0));
  g_assert_nonnull (strstr (eml, "\r\nMIME-Version: 1.0\r\n"));
  g_assert_nonnull (strstr (eml, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
  g_assert_nonnull (strstr (eml, "\r\nContent-Transfer-Encoding: quoted-printable\r\n"));
  body = qp_decode (strstr (eml, "\r\n\r\n") + 4);
  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_nonnull (strstr (body, "Yth. Sdr./Sdri. Siti Nur’aini\nNomor Peserta: 20270000002"));
  g_assert_nonnull (strstr (body, "MEMENUHI SYARAT (MS)"));

  /* 4 .eml, 2 CSV. */
  assert_no_personal_data (f, f->out, 6);

  /* The log: 7 mail-merge rows, 4 e-mails, 5 short texts. */
  log = kp_notification_log_list (f->db, f->fx.stages[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 16);
  for (guint k = 0; k < log->len; k++)
    g_assert_null (((KpNotificationLog *) g_ptr_array_index (log, k))->sent_at);
  assert_audit_intact (f->db);
}

static guint
count_sent (Fixture *f, gint64 stage, const char *channel)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = kp_notification_log_list (f->db, stage, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint k = 0; k < log->len; k++)
    {
      const KpNotificationLog *row = g_ptr_array_index (log, k);

      if (row->sent_at != NULL && (channel == NULL || strcmp (row->channel, channel) == 0))
        {
          g_assert_cmpstr (row->sent_by, ==, "Rina Operator");
          n++;
        }
    }
  return n;
}

static void
test_mark_sent (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint marked = 0, events;
  gint64 stranger = 999999;

  produce (f, f->fx.stages[0], NULL, NULL);
  events = n_audit_events (f->db);
  g_assert_true (kp_notification_mark_sent (f->db, f->fx.stages[0], "email", NULL,
                                            "Rina  Operator", &marked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marked, ==, 4);
  g_assert_cmpuint (count_sent (f, f->fx.stages[0], "email"), ==, 4);
  g_assert_cmpuint (count_sent (f, f->fx.stages[0], NULL), ==, 4);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);
  /* Again: nothing left to mark, no event. */
  g_assert_true (kp_notification_mark_sent (f->db, f->fx.stages[0], "email", NULL,
                                            "Rina Operator", &marked, &error));
  g_assert_cmpuint (marked, ==, 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 1);

  log = kp_notification_log_list (f->db, f->fx.stages[0], &error);
  for (guint k = 0; k < log->len; k++)
    {
      const KpNotificationLog *row = g_ptr_array_index (log, k);

      if (strcmp (row->channel, "short") == 0 && ids->len < 2)
        g_array_append_val (ids, row->id);
    }
  g_assert_true (kp_notification_mark_sent (f->db, f->fx.stages[0], NULL, ids, "Rina Operator",
                                            &marked, &error));
  g_assert_cmpuint (marked, ==, 2);
  g_assert_cmpuint (count_sent (f, f->fx.stages[0], "short"), ==, 2);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 2);

  /* An id of no row of the stage: refused whole. */
  g_array_append_val (ids, stranger);
  g_assert_false (kp_notification_mark_sent (f->db, f->fx.stages[0], NULL, ids, "Rina Operator",
                                             &marked, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kp_notification_mark_sent (f->db, f->fx.stages[0], "sms", NULL,
                                             "Rina Operator", &marked, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_notification_mark_sent (f->db, f->fx.stages[0], NULL, NULL, " ", &marked,
                                             &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_assert_cmpuint (n_audit_events (f->db), ==, events + 2);
  assert_audit_intact (f->db);
}

/* SKD: the registrants found MS are invited with the schedule and place; the TMS ones get
 * nothing; an edited short template is used, cut at 300 characters. */
static void
test_produce_invitation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) merge = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *merge_path = g_build_filename (f->out, "mail-merge.csv", NULL);
  g_autofree char *texts_path = g_build_filename (f->out, "short-texts.csv", NULL);
  g_autofree char *long_text = g_strnfill (400, 'x');
  g_autofree char *template = g_strconcat ("Halo {nama} {{ok}} ", long_text, NULL);
  KpNotificationCounts counts = { 0 };
  const char *body;

  g_assert_true (kp_notification_template_set (f->db, f->fx.stages[1], KP_CHANNEL_SHORT, NULL,
                                               template, &error));
  g_assert_no_error (error);
  /* A hostile name, as a registration site may pass on: it must stay text in Excel. */
  {
    sqlite3 *raw = raw_open (f->path);

    raw_exec (raw, "UPDATE applicant SET name = '=HYPERLINK(\"http://x.test\",\"Klik\")' "
                   "WHERE reg_no = '20270000002'");
    sqlite3_close (raw);
  }
  produce (f, f->fx.stages[1], "seleksi@bkpsdm.contoh.go.id", &counts);
  g_assert_cmpuint (counts.recipients, ==, 6);
  g_assert_cmpuint (counts.waiting, ==, 5);
  merge = parse_csv (merge_path);
  g_assert_cmpuint (merge->len, ==, 7);
  g_assert_cmpint (find_row (merge, "20270000007"), ==, -1);
  body = cell (merge, find_row (merge, "20270000001"), 5);
  g_assert_nonnull (strstr (body, "Seleksi Kompetensi Dasar (SKD)"));
  g_assert_nonnull (strstr (body, "Senin, 8 Maret 2027 s.d. Rabu, 10 Maret 2027"));
  g_assert_nonnull (strstr (body, "Gedung Serbaguna Kalianda"));
  g_assert_cmpstr (cell (merge, find_row (merge, "20270000002"), 1), ==,
                   "'=HYPERLINK(\"http://x.test\",\"Klik\")");
  texts = parse_csv (texts_path);
  g_assert_cmpuint (texts->len, ==, 5); /* 1–4: 0 and 5 have no phone */
  for (guint k = 1; k < texts->len; k++)
    {
      g_assert_true (g_str_has_prefix (cell (texts, k, 2), "Halo "));
      g_assert_nonnull (strstr (cell (texts, k, 2), " {ok} xxx"));
      g_assert_cmpuint (g_utf8_strlen (cell (texts, k, 2), -1), ==,
                        KP_NOTIFICATION_SHORT_MAX_CHARS);
      g_assert_true (g_str_has_suffix (cell (texts, k, 2), "…"));
    }
  assert_no_personal_data (f, f->out, 6);
}

static void
test_produce_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  KpNotificationOptions options = { .from = "seleksi@contoh.go.id\r\nBcc: semua@contoh.id" };
  g_autofree char *merge_path = g_build_filename (f->out, "mail-merge.csv", NULL);
  guint events = n_audit_events (f->db);
  sqlite3 *raw;

  g_assert_false (kp_notification_produce (f->db, f->fx.stages[0], f->out, &options, NULL,
                                           &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  options.from = "bukan alamat";
  g_assert_false (kp_notification_produce (f->db, f->fx.stages[0], f->out, &options, NULL,
                                           &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kp_notification_produce (f->db, 999999, f->out, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Another program stored a template asking for the NIK: refused before any file. */
  raw = raw_open (f->path);
  raw_exec (raw, "INSERT INTO notification_template (selection_id, stage_id, channel, subject, "
                 "body) SELECT selection_id, id, 'short', '', 'NIK {nik}' FROM selection_stage "
                 "WHERE position = 1");
  sqlite3_close (raw);
  g_assert_false (kp_notification_produce (f->db, f->fx.stages[0], f->out, NULL, NULL, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID);
  g_assert_false (g_file_test (merge_path, G_FILE_TEST_EXISTS));
  log = kp_notification_log_list (f->db, f->fx.stages[0], &error);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpuint (n_audit_events (f->db), ==, events);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/notification/render", test_render);
  ADD ("/notification/templates", test_templates);
  ADD ("/notification/produce/administration", test_produce_administration);
  ADD ("/notification/produce/invitation", test_produce_invitation);
  ADD ("/notification/produce/refused", test_produce_refused);
  ADD ("/notification/mark-sent", test_mark_sent);
#undef ADD

  return g_test_run ();
}
