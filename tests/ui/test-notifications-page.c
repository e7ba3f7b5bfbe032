/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-notifications-page.c: the notifications tab over a real database with a selection of
 * registrants, some decided: a template with the NIK placeholder refused on screen and not
 * saved, a template saved and restored to the default, the messages produced into a folder
 * (the files there, the log filled, the NIK nowhere) and the log marked sent. */

#include "config.h"

#include <string.h>

#include "kp-notifications-page.h"

#include "recruitment-ui-test.h"

#define N_REGISTRANTS 6

typedef struct {
  RecruitmentUiFixture ui;
  KpNotificationsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint marked = 0;

  fixture->page = KP_NOTIFICATIONS_PAGE (kp_notifications_page_new ());
  recruitment_ui_set_up (&fixture->ui, GTK_WIDGET (fixture->page), N_REGISTRANTS, 0, 1, 900,
                         700);
  /* Four final MS (no sample), two undecided. */
  g_assert_true (kp_verification_decide_many (fixture->ui.database,
                                              fixture->ui.recruitment.selection, NULL, NULL,
                                              "Ani", KP_DECISION_MS, 0, NULL, &marked, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marked, ==, N_REGISTRANTS);
  ui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  recruitment_ui_tear_down (&fixture->ui);
}

static GtkWidget *
widget (Fixture    *fixture,
        const char *id)
{
  return recruitment_ui_get_widget (fixture->page, id);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  ui_test_activate (GTK_WIDGET (fixture->page), action);
}

static void
set_body (Fixture    *fixture,
          const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget (fixture, "body_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
stored_body (Fixture  *fixture,
             gboolean *is_default)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  char *body = NULL;

  g_assert_true (kp_notification_template_get (fixture->ui.database,
                                               fixture->ui.recruitment.stages[0],
                                               KP_CHANNEL_EMAIL, &subject, &body, is_default,
                                               &error));
  g_assert_no_error (error);
  return body;
}

static void
test_template (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *error_label = widget (fixture, "error_label");
  g_autofree char *body = NULL;
  gboolean is_default = FALSE;

  /* The first stage is shown, with its default text. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (widget (fixture,
                                                                       "stage_drop_down"))),
                    ==, 0);
  body = stored_body (fixture, &is_default);
  g_assert_true (is_default);
  g_assert_true (ui_test_shows_text (widget (fixture, "origin_label"),
                                     "The default texts of this kind of stage."));

  /* The NIK is refused, on screen, and nothing is saved. */
  set_body (fixture, "Yth. {nama}, NIK {nik}: {hasil}");
  activate (fixture, "notifications.save");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "{nik}"));
  g_clear_pointer (&body, g_free);
  body = stored_body (fixture, &is_default);
  g_assert_true (is_default);

  /* A good text is saved; Restore Default asks, then puts the default back. */
  set_body (fixture, "Yth. {nama} ({no_peserta}): {hasil}. {langkah_berikut}");
  activate (fixture, "notifications.save");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_clear_pointer (&body, g_free);
  body = stored_body (fixture, &is_default);
  g_assert_false (is_default);
  g_assert_cmpstr (body, ==, "Yth. {nama} ({no_peserta}): {hasil}. {langkah_berikut}");
  g_assert_true (ui_test_shows_text (widget (fixture, "origin_label"),
                                     "This selection's own texts for this stage."));

  activate (fixture, "notifications.restore");
  {
    g_autoptr(GPtrArray) dialogs = ui_test_list_toplevels (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_cmpuint (dialogs->len, ==, 1);
    adw_message_dialog_response (g_ptr_array_index (dialogs, 0), "restore");
    gtk_window_destroy (g_ptr_array_index (dialogs, 0));
  }
  ui_test_settle ();
  g_clear_pointer (&body, g_free);
  body = stored_body (fixture, &is_default);
  g_assert_true (is_default);
}

static gboolean
is_not_producing (gpointer page)
{
  return !_kp_notifications_page_is_producing (page);
}

static void
test_produce (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pesan-tahap-1", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  GtkWidget *button;
  guint n_rows;

  _kp_notifications_page_produce_into (fixture->page, folder);
  /* Written in a worker: the page says so until the files are there. */
  g_assert_true (_kp_notifications_page_is_producing (fixture->page));
  g_assert_true (ui_test_wait_until (is_not_producing, fixture->page, 30));
  ui_test_settle ();

  /* The files are there, and none holds a NIK. */
  fixture_list_files (dir, files);
  g_assert_cmpuint (files->len, >, 2);
  for (guint f = 0; f < files->len; f++)
    {
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (g_ptr_array_index (files, f), &contents, NULL, NULL));
      for (guint i = 0; i < N_REGISTRANTS; i++)
        {
          g_autofree char *nik = fixture_nik (i);

          g_assert_null (strstr (contents, nik));
        }
    }

  /* The log shows what was produced, none sent yet. */
  log = kp_notification_log_list (fixture->ui.database, fixture->ui.recruitment.stages[0],
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, >, 0);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (widget (fixture,
                                                                          "log_view"))));
  n_rows = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_rows, ==, log->len);
  {
    g_autofree char *count = g_strdup_printf ("%u messages produced, %u not marked sent",
                                              n_rows, n_rows);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget (fixture, "log_count_label"))), ==,
                     count);
  }

  /* Mark All as Sent: every row of the stage, then nothing left to mark. */
  activate (fixture, "notifications.mark-sent");
  g_clear_pointer (&log, g_ptr_array_unref);
  log = kp_notification_log_list (fixture->ui.database, fixture->ui.recruitment.stages[0],
                                  &error);
  for (guint i = 0; i < log->len; i++)
    g_assert_nonnull (((KpNotificationLog *) g_ptr_array_index (log, i))->sent_at);
  {
    g_autofree char *count = g_strdup_printf ("%u messages produced, 0 not marked sent", n_rows);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget (fixture, "log_count_label"))), ==,
                     count);
  }
  button = ui_test_find_widget (GTK_WIDGET (fixture->page), ui_test_is_button_for,
                               "notifications.mark-sent");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/notifications-page/template", Fixture, NULL,
              fixture_set_up, test_template, fixture_tear_down);
  g_test_add ("/ui/notifications-page/produce", Fixture, NULL,
              fixture_set_up, test_produce, fixture_tear_down);

  return g_test_run ();
}
