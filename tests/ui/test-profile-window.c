/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-profile-window.c: the employee profile over a small real database: the JPM and one gap
 * row per competency with a standard, the radar as drawn on screen, feedback given through
 * the dialog for the recorded supervisor and acknowledged, plan items from the gaps approved
 * in the supervisor's name, and the PDF copy. Messages are checked for language-neutral parts
 * (numbers, codes, NIPs) where they are translated. */

#include "config.h"

#include <string.h>

#include "kompeten/kp-reports.h"

#include "kp-profile-window-private.h"

#include "ui-test-util.h"

#define NIP_HEAD "196602041998051457" /* L, 1966-02-04 */
#define NIP_SITI "196810301993082121" /* P, 1968-10-30 */

typedef struct {
  KpDatabase *database;
  gint64 head_position;
  gint64 head_id;
  gint64 siti_id;
  KpProfileWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  UiTestPerson head = { NIP_HEAD, "Hendra Kepala", "L", "1966-02-04", "IV/c" };
  UiTestPerson siti = { NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a" };
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) employee = NULL;
  GListModel *dictionary;
  KpDatabase *db;
  gint64 unit, event;

  db = fixture->database = ui_test_new_database (NULL);
  unit = ui_test_add_unit (db, "Dinas Kesehatan", 0);
  fixture->head_position = ui_test_add_position (db, unit, "Kepala Dinas",
                                                 KP_POSITION_KIND_JPT_PRATAMA);
  fixture->head_id = ui_test_save_person (db, &head, fixture->head_position, 0);
  fixture->siti_id = ui_test_save_person (db, &siti,
                                          ui_test_add_position (db, unit, "Sekretaris",
                                                                KP_POSITION_KIND_ADMINISTRATOR),
                                          fixture->head_id);

  /* Standard 3 on all nine: below it on the third (2) and the ninth (1). */
  dictionary = kp_database_get_competencies (db);
  g_assert_cmpuint (g_list_model_get_n_items (dictionary), >=, 9);
  event = kp_assessment_create (db, "Uji kompetensi 2026", "2026", "2026-03-01",
                                KP_ASSESSMENT_METHOD_UJI_KOMPETENSI, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (dictionary, i);

      kp_assessment_record (db, event, fixture->siti_id, kp_competency_get_id (competency),
                            "Asesor", i == 2 ? 2 : i == 8 ? 1 : 3, "", &error);
      g_assert_no_error (error);
    }

  employee = kp_register_find_employee (db, NIP_SITI);
  fixture->window = kp_profile_window_new (NULL, db, employee);
  ui_test_show_window (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_destroy_other_toplevels (GTK_WINDOW (fixture->window));
  ui_test_destroy_window (GTK_WINDOW (fixture->window), fixture->window);
  g_assert_finalize_object (fixture->database);
}

/* Whether a label on screen in @widget's tree contains @part. */
static gboolean
shows_part (GtkWidget  *widget,
            const char *part)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  ui_test_collect_texts (widget, TRUE, texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = ui_test_find_widget (root, is_button_with_label, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle ();
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0); row != NULL;
       row = gtk_list_box_get_row_at_index (list, ++n))
    ;
  return n;
}

static void
test_shows_jpm_and_gaps (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkGrid *grid = _kp_profile_window_get_gap_grid (fixture->window);
  const char *jpm = gtk_label_get_text (_kp_profile_window_get_jpm_label (fixture->window));
  guint rows = 0;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Siti Aminah");
  /* (27 − 1 − 2) / 27 = 88.9 %. */
  g_assert_nonnull (strstr (jpm, "JPM 88.9"));
  while (gtk_grid_get_child_at (grid, 0, rows + 1) != NULL)
    rows++;
  g_assert_cmpuint (rows, ==, 9);
  g_assert_true (shows_part (GTK_WIDGET (grid), "-1"));
  g_assert_true (shows_part (GTK_WIDGET (grid), "-2"));
  g_assert_cmpuint (n_rows (_kp_profile_window_get_history_list (fixture->window)), ==, 9);
}

/* PP 11/2017 art. 206: the same levels against the standard of another position (the head's,
 * which asks more), and back. */
static void
test_target_position (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkLabel *label = _kp_profile_window_get_jpm_label (fixture->window);
  GtkGrid *grid = _kp_profile_window_get_gap_grid (fixture->window);
  GtkDropDown *dropdown = _kp_profile_window_get_target_dropdown (fixture->window);
  g_autoptr(GPtrArray) standards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *held = g_strdup (gtk_label_get_text (label));

  /* Every position of the register is offered, after the one held. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  /* The head's position requires more than the secretary's on every competency. */
  standards = kp_standards_for_position (fixture->database, fixture->head_position, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standards->len, >, 0);
  g_assert_cmpint (((KpStandard *) g_ptr_array_index (standards, 0))->level, >, 3);

  _kp_profile_window_set_target (fixture->window, fixture->head_position);
  ui_test_settle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), !=, 0);
  g_assert_cmpstr (gtk_label_get_text (label), !=, held);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "Kepala Dinas"));
  /* Level 1 against 4 or more: a gap of -3 or worse now shows. */
  g_assert_true (shows_part (GTK_WIDGET (grid), "-3"));

  _kp_profile_window_set_target (fixture->window, 0);
  ui_test_settle ();
  g_assert_cmpstr (gtk_label_get_text (label), ==, held);
}

static void
test_radar_draws (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *radar = GTK_WIDGET (_kp_profile_window_get_radar (fixture->window));
  int width = gtk_widget_get_width (radar), height = gtk_widget_get_height (radar);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (radar);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint blue = 0, white = 0;
  unsigned char *pixels;
  int stride;

  g_assert_cmpint (width, >=, 200);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(guint32 *) (pixels + y * stride + 4 * x);
        int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;

        if (b > 150 && b > r + 30 && b > g + 15)
          blue++;
        if (r == 255 && g == 255 && b == 255)
          white++;
      }
  cairo_surface_destroy (surface);
  /* The person's shape is large and blue; the card is white around it. */
  g_assert_cmpuint (blue, >, 2000);
  g_assert_cmpuint (white, >, (guint) (width * height / 4));
}

static void
test_feedback (Fixture       *fixture,
               gconstpointer  data)
{
  GtkListBox *timeline = _kp_profile_window_get_feedback_list (fixture->window);
  g_autoptr(GPtrArray) feedback = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AdwMessageDialog *dialog;
  KpFeedback *entry;

  g_assert_cmpuint (n_rows (timeline), ==, 0);
  dialog = _kp_profile_window_give_feedback (fixture->window);
  ui_test_settle ();
  gtk_drop_down_set_selected (_kp_profile_window_get_feedback_kind (fixture->window), 1);
  gtk_drop_down_set_selected (_kp_profile_window_get_feedback_competency (fixture->window), 3);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (_kp_profile_window_get_feedback_text (fixture->window)),
                            "Laporan bulanan perlu lebih tepat waktu.", -1);
  adw_message_dialog_response (dialog, "give");
  ui_test_settle ();

  g_assert_cmpuint (n_rows (timeline), ==, 1);
  g_assert_true (shows_part (GTK_WIDGET (timeline), "Laporan bulanan perlu lebih tepat waktu."));
  g_assert_true (shows_part (GTK_WIDGET (timeline), "for the supervisor"));
  g_assert_true (shows_part (GTK_WIDGET (timeline), "Hendra Kepala"));

  feedback = kp_feedback_list (fixture->database, fixture->siti_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feedback->len, ==, 1);
  entry = g_ptr_array_index (feedback, 0);
  g_assert_cmpint (entry->kind, ==, KP_FEEDBACK_IMPROVE);
  g_assert_cmpstr (entry->supervisor_nip, ==, NIP_HEAD);
  g_assert_cmpstr (entry->competency_code, !=, "");
  g_assert_cmpstr (entry->entered_by, !=, "");
  g_assert_cmpstr (entry->acknowledged_on, ==, "");
  g_clear_pointer (&feedback, g_ptr_array_unref);

  click (GTK_WIDGET (timeline), "_Acknowledge");
  feedback = kp_feedback_list (fixture->database, fixture->siti_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((KpFeedback *) g_ptr_array_index (feedback, 0))->acknowledged_on, ==, today);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (timeline), is_button_with_label, "_Acknowledge"));
}

/* Without a recorded supervisor the model refuses, and the window says so. */
static void
test_feedback_without_supervisor (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(KpEmployee) head = kp_register_find_employee (fixture->database, NIP_HEAD);
  KpProfileWindow *window = kp_profile_window_new (NULL, fixture->database, head);
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autoptr(GPtrArray) feedback = NULL;
  AdwMessageDialog *dialog;

  ui_test_show_window (GTK_WINDOW (window));
  dialog = _kp_profile_window_give_feedback (window);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (_kp_profile_window_get_feedback_text (window)),
                            "Baik.", -1);
  adw_message_dialog_response (dialog, "give");
  ui_test_settle ();

  feedback = kp_feedback_list (fixture->database, fixture->head_id, NULL);
  g_assert_cmpuint (feedback->len, ==, 0);
  /* A response given in code leaves the feedback dialog open (a click would close it): the
   * other message dialog is the refusal. */
  dialogs = ui_test_list_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (dialogs->len, ==, 2);
  g_assert_true (g_ptr_array_find (dialogs, dialog, NULL));
  g_clear_pointer (&dialogs, g_ptr_array_unref);
  ui_test_destroy_window (GTK_WINDOW (window), window);
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  GtkListBox *plan_list = _kp_profile_window_get_plan_list (fixture->window);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  KpIdpItem *first;

  g_assert_cmpuint (n_rows (plan_list), ==, 0);
  /* Empty, the list says so (its placeholder survives every reload of the window). */
  g_assert_true (shows_part (GTK_WIDGET (plan_list), "No development plan yet"));
  click (GTK_WIDGET (fixture->window), "_Add Items From Gaps");
  g_assert_cmpuint (n_rows (plan_list), ==, 2);

  click (GTK_WIDGET (plan_list), "Approve");
  plan = kp_idp_list (fixture->database, fixture->siti_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, ==, 2);
  first = g_ptr_array_index (plan, 0);
  g_assert_cmpint (first->status, ==, KP_IDP_APPROVED);
  g_assert_cmpstr (first->approved_by_nip, ==, NIP_HEAD);
  g_assert_cmpint (((KpIdpItem *) g_ptr_array_index (plan, 1))->status, ==, KP_IDP_DRAFT);
  g_assert_true (shows_part (GTK_WIDGET (plan_list), "Hendra Kepala"));

  /* Export Plan writes this employee's two items, the approval with its approver. */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "rencana.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_true (_kp_profile_window_export_plan_to (fixture->window, file));
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    lines = g_strsplit (contents, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* header, two items, the final "" */
    g_assert_true (g_str_has_prefix (lines[0], "nip,nama,"));
    g_assert_true (g_str_has_prefix (lines[1], NIP_SITI ","));
    g_assert_nonnull (strstr (contents, "approved"));
    g_assert_nonnull (strstr (contents, NIP_HEAD));
  }
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "profil-" NIP_SITI ".pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (_kp_profile_window_export_to (fixture->window, file));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/profile-window/jpm-and-gaps", Fixture, NULL, fixture_set_up,
              test_shows_jpm_and_gaps, fixture_tear_down);
  g_test_add ("/profile-window/target-position", Fixture, NULL, fixture_set_up,
              test_target_position, fixture_tear_down);
  g_test_add ("/profile-window/radar", Fixture, NULL, fixture_set_up, test_radar_draws,
              fixture_tear_down);
  g_test_add ("/profile-window/feedback", Fixture, NULL, fixture_set_up, test_feedback,
              fixture_tear_down);
  g_test_add ("/profile-window/feedback-without-supervisor", Fixture, NULL, fixture_set_up,
              test_feedback_without_supervisor, fixture_tear_down);
  g_test_add ("/profile-window/plan", Fixture, NULL, fixture_set_up, test_plan,
              fixture_tear_down);
  g_test_add ("/profile-window/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf,
              fixture_tear_down);

  return g_test_run ();
}
