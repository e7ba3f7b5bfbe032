/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-recruitment-view.c: the recruitment area over a real new database: a selection created
 * through the New Selection dialog shows the CPNS defaults in the rules editor; weights that do
 * not add up are refused with the model's message and nothing written, weights of 100 % are
 * written with one audit event; the announcement locks the editor (its actions, the banner, a
 * model refusal shown in the model's words); an amendment with a reason, a changed weight and
 * its publication list version 2 with its change sentence; a cancelled amendment puts the
 * announced weights back.
 *
 * With KP_TEST_PAUSE=N in the environment the window stays on screen N seconds after each
 * step, for a screenshot. */

#include "config.h"

#include <string.h>

#include "kp-recruitment-view-private.h"

#include "kp-notifications-page.h"
#include "kp-registrants-page.h"
#include "kp-selection-tab.h"
#include "kp-verification-page.h"

#include "ui-test-util.h"

typedef struct {
  KpDatabase *database;
  char *path;
  GtkWindow *window;
  KpRecruitmentView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->database = ui_test_new_database (&fixture->path);
  fixture->view = KP_RECRUITMENT_VIEW (kp_recruitment_view_new ());
  kp_recruitment_view_set_database (fixture->view, fixture->database);
  g_assert_true (kp_recruitment_view_get_database (fixture->view) == fixture->database);

  /* What the main window leaves the view: 1100 px less its 210 px sidebar. */
  fixture->window = ui_test_show_in_window (GTK_WIDGET (fixture->view), 890, 760);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* No test may leave a dialog behind unexpectedly. */
  g_assert_null (_kp_recruitment_view_get_dialog (fixture->view));

  ui_test_destroy_window (fixture->window, fixture->window);

  g_clear_object (&fixture->database);
  g_clear_pointer (&fixture->path, g_free);
}

/* ---- doing what the user does ------------------------------------------------------------- */

static void
pause_for_screenshot (void)
{
  const char *seconds = g_getenv ("KP_TEST_PAUSE");
  gint64 until;

  if (seconds == NULL)
    return;
  until = g_get_monotonic_time () + g_ascii_strtoll (seconds, NULL, 10) * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* The dialog on screen: one, visible, as a window of its own. */
static AdwMessageDialog *
get_dialog (Fixture *fixture)
{
  AdwMessageDialog *dialog = _kp_recruitment_view_get_dialog (fixture->view);

  g_assert_nonnull (dialog);
  ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (ui_test_is_toplevel (GTK_WINDOW (dialog)));
  return dialog;
}

static void
respond (Fixture    *fixture,
         const char *response)
{
  AdwMessageDialog *dialog = get_dialog (fixture);

  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  ui_test_respond (dialog, response);
}

static void
set_field_text (Fixture    *fixture,
                const char *name,
                const char *text)
{
  GtkWidget *field = _kp_recruitment_view_get_dialog_field (fixture->view, name);

  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static void
set_field_value (Fixture    *fixture,
                 const char *name,
                 int         value)
{
  GtkWidget *field = _kp_recruitment_view_get_dialog_field (fixture->view, name);

  g_assert_nonnull (field);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field), value);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  ui_test_activate (GTK_WIDGET (fixture->view), action);
}

/* The titles of a list's rows joined by " | ". */
static char *
list_titles (GtkListBox *list)
{
  GString *text = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (!ADW_IS_PREFERENCES_ROW (row))
        continue;
      if (text->len > 0)
        g_string_append (text, " | ");
      g_string_append (text, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
  return g_string_free (text, FALSE);
}

static void
edit_weights (Fixture    *fixture,
              const int  *weights,
              guint       n)
{
  activate (fixture, "recruitment.edit-weights");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("weight-%u", i + 1);

      set_field_value (fixture, name, weights[i]);
    }
  respond (fixture, "save");
}

static char *
stored_weights (Fixture *fixture)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  stages = kp_selection_stages_list (fixture->database,
                                     kp_recruitment_view_get_selection_id (fixture->view), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stages->len; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? " " : "",
                            ((KpSelectionStage *) g_ptr_array_index (stages, i))->weight_percent);
  return g_string_free (text, FALSE);
}

/* The vacancies table as read: "code position unit education programme kind quota" rows
 * joined by " | ", in the order shown. */
static char *
formasi_text (Fixture *fixture)
{
  GListModel *rows = G_LIST_MODEL (_kp_recruitment_view_get_formasi_selection (fixture->view));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(KpFormasiRow) row = g_list_model_get_item (rows, i);
      const KpFormasi *formasi = kp_formasi_row_get_formasi (row);

      g_string_append_printf (text, "%s%s %s %s %s %s %s %" G_GINT64_FORMAT, i > 0 ? " | " : "",
                              formasi->code, formasi->position_title, formasi->unit, formasi->education,
                              formasi->study_programme, formasi->kind, formasi->quota);
    }
  return g_string_free (text, FALSE);
}

static void
add_formasi (Fixture    *fixture,
             const char *code,
             const char *title,
             int         quota)
{
  activate (fixture, "recruitment.add-formasi");
  g_assert_false (adw_message_dialog_get_response_enabled (get_dialog (fixture), "save"));
  set_field_text (fixture, "code", code);
  set_field_text (fixture, "position-title", title);
  set_field_text (fixture, "unit", "BKPSDM");
  set_field_text (fixture, "education", "S1");
  set_field_value (fixture, "quota", quota);
  respond (fixture, "save");
}

typedef struct {
  GtkWidget *widget;
  const char *text;
} ShownText;

static gboolean
text_is_shown (gpointer data)
{
  ShownText *wanted = data;

  return ui_test_shows_text (wanted->widget, wanted->text);
}

/* Whether @text comes on screen within two seconds: an expander row reveals its rows in an
 * animation. */
static gboolean
shows_text_soon (GtkWidget  *widget,
                 const char *text)
{
  ShownText wanted = { widget, text };

  return ui_test_wait_until (text_is_shown, &wanted, 2);
}

/* ---- the tests ---------------------------------------------------------------------------- */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpstr (_kp_recruitment_view_get_list_page (fixture->view), ==, "empty");
  g_assert_cmpstr (_kp_recruitment_view_get_detail_page (fixture->view), ==, "none");
  g_assert_cmpint (kp_recruitment_view_get_selection_id (fixture->view), ==, 0);
  g_assert_nonnull (adw_view_stack_get_child_by_name (kp_recruitment_view_get_selection_stack (fixture->view),
                                                      "rules"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (kp_recruitment_view_get_selection_stack (fixture->view),
                                                      "vacancies"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (kp_recruitment_view_get_selection_stack (fixture->view),
                                                      "announcements"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (fixture->view), "No Selections"));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The whole life of a selection's rules, as the issue describes it. */
static void
test_rules_editor (Fixture       *fixture,
                   gconstpointer  data)
{
  static const int bad[] = { 0, 30, 60 };
  static const int good[] = { 0, 45, 55 };
  static const int amended[] = { 0, 50, 50 };
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *weights = NULL;
  AdwMessageDialog *dialog;
  guint n_events, n_notifies = 0;
  gint64 id;
  GtkWidget *page;

  g_signal_connect (fixture->view, "notify::selection-id", G_CALLBACK (on_notify_cb), &n_notifies);
  /* The selection's own tabs are there, in the order the work is done, following the
   * selection chosen; a page added later goes last. */
  {
    AdwViewStack *stack = kp_recruitment_view_get_selection_stack (fixture->view);
    GtkWidget *registrants = adw_view_stack_get_child_by_name (stack, "registrants");

    g_assert_true (KP_IS_REGISTRANTS_PAGE (registrants));
    g_assert_true (KP_IS_VERIFICATION_PAGE (adw_view_stack_get_child_by_name (stack, "verification")));
    g_assert_true (KP_IS_NOTIFICATIONS_PAGE (adw_view_stack_get_child_by_name (stack, "notifications")));
    g_assert_true (kp_selection_tab_get_database (KP_SELECTION_TAB (registrants)) == fixture->database);
    page = gtk_label_new ("added");
    kp_recruitment_view_add_selection_page (fixture->view, page, "extra", "_Extra",
                                            "system-users-symbolic");
    g_assert_true (adw_view_stack_get_child_by_name (stack, "extra") == page);
  }

  /* New Selection: Create waits for a name. */
  activate (fixture, "recruitment.new-selection");
  dialog = get_dialog (fixture);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  set_field_text (fixture, "name", "CPNS Lampung Selatan 2026");
  adw_combo_row_set_selected (ADW_COMBO_ROW (_kp_recruitment_view_get_dialog_field (fixture->view, "type")),
                              KP_SELECTION_CPNS);
  set_field_value (fixture, "year", 2026);
  n_events = ui_test_n_audit_events (fixture->database);
  respond (fixture, "create");
  g_assert_null (_kp_recruitment_view_get_dialog (fixture->view));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);

  id = kp_selection_find (fixture->database, "CPNS Lampung Selatan 2026", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kp_recruitment_view_get_selection_id (fixture->view), ==, id);
  /* The tabs follow the selection chosen. */
  g_assert_cmpint (kp_selection_tab_get_selection_id (
                     KP_SELECTION_TAB (adw_view_stack_get_child_by_name (
                       kp_recruitment_view_get_selection_stack (fixture->view), "registrants"))),
                   ==, id);
  g_assert_cmpuint (n_notifies, ==, 1);
  g_assert_cmpstr (_kp_recruitment_view_get_list_page (fixture->view), ==, "list");
  g_assert_cmpstr (_kp_recruitment_view_get_detail_page (fixture->view), ==, "selection");
  g_assert_cmpstr (gtk_label_get_label (_kp_recruitment_view_get_title_label (fixture->view)), ==,
                   "CPNS Lampung Selatan 2026");
  g_assert_cmpstr (gtk_label_get_label (_kp_recruitment_view_get_status_label (fixture->view)), ==, "Draft");
  g_assert_nonnull (gtk_list_box_get_selected_row (_kp_recruitment_view_get_selection_list (fixture->view)));

  /* The CPNS defaults in the rules editor. */
  titles = list_titles (_kp_recruitment_view_get_stage_list (fixture->view));
  g_assert_cmpstr (titles, ==, "1. Seleksi Administrasi | 2. Seleksi Kompetensi Dasar (SKD) | "
                               "3. Seleksi Kompetensi Bidang (SKB)");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpstr (adw_action_row_get_subtitle (_kp_recruitment_view_get_weights_row (fixture->view)), ==,
                   "0 % + 40 % + 60 % = 100 %");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (_kp_recruitment_view_get_weights_row (fixture->view)),
                                            "error"));
  titles = list_titles (_kp_recruitment_view_get_tie_break_list (fixture->view));
  g_assert_true (g_str_has_prefix (titles, "1. Nilai total SKD lebih tinggi | 2. Nilai TKP lebih tinggi"));
  g_clear_pointer (&titles, g_free);
  titles = list_titles (_kp_recruitment_view_get_requirement_list (fixture->view));
  g_assert_true (g_str_has_prefix (titles, "1. Kualifikasi pendidikan sesuai"));
  g_clear_pointer (&titles, g_free);
  /* A stage's components and pass rules are under it. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (_kp_recruitment_view_get_stage_list (fixture->view), 1)),
                                 TRUE);
  ui_test_settle ();
  pause_for_screenshot ();
  g_assert_true (shows_text_soon (GTK_WIDGET (fixture->view), "TWK · Tes Wawasan Kebangsaan"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (fixture->view), "Pass rule for umum: TWK ≥ 65"));
  g_assert_false (gtk_widget_get_visible (_kp_recruitment_view_get_locked_banner (fixture->view)));
  g_assert_true (gtk_widget_is_sensitive (_kp_recruitment_view_get_weights_button (fixture->view)));

  /* Weights that do not add up: the dialog says so, the model refuses, nothing is written. */
  n_events = ui_test_n_audit_events (fixture->database);
  activate (fixture, "recruitment.edit-weights");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strdup_printf ("weight-%u", i + 1);

      set_field_value (fixture, name, bad[i]);
    }
  g_assert_true (ui_test_shows_text (GTK_WIDGET (get_dialog (fixture)), "Sum: 90 %"));
  pause_for_screenshot ();
  respond (fixture, "save");
  dialog = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Change the Weights");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "90"));
  respond (fixture, "close");
  weights = stored_weights (fixture);
  g_assert_cmpstr (weights, ==, "0 40 60");
  g_clear_pointer (&weights, g_free);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events);

  /* Weights of 100 %: written, one audit event, shown. */
  edit_weights (fixture, good, G_N_ELEMENTS (good));
  g_assert_null (_kp_recruitment_view_get_dialog (fixture->view));
  weights = stored_weights (fixture);
  g_assert_cmpstr (weights, ==, "0 45 55");
  g_clear_pointer (&weights, g_free);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (_kp_recruitment_view_get_weights_row (fixture->view)), ==,
                   "0 % + 45 % + 55 % = 100 %");

  /* The appeal text, applied from its row. */
  gtk_editable_set_text (GTK_EDITABLE (_kp_recruitment_view_get_appeal_row (fixture->view)),
                         "Sanggahan diajukan paling lambat 3 hari setelah pengumuman.");
  g_signal_emit_by_name (_kp_recruitment_view_get_appeal_row (fixture->view), "apply");
  ui_test_settle ();
  {
    g_autoptr(KpSelection) selection = kp_selection_get (fixture->database, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (selection->appeal_text, ==, "Sanggahan diajukan paling lambat 3 hari setelah pengumuman.");
  }

  /* The announcement: without a formasi the model refuses in its words. */
  activate (fixture, "recruitment.announce");
  respond (fixture, "announce");
  dialog = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Announce the Selection");
  respond (fixture, "close");
  g_assert_cmpstr (gtk_label_get_label (_kp_recruitment_view_get_status_label (fixture->view)), ==, "Draft");

  add_formasi (fixture, "F0001", "Analis SDM Aparatur", 2);
  g_assert_null (_kp_recruitment_view_get_dialog (fixture->view));
  activate (fixture, "recruitment.announce");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (get_dialog (fixture)), "locked"));
  respond (fixture, "announce");
  g_assert_null (_kp_recruitment_view_get_dialog (fixture->view));
  g_assert_cmpstr (gtk_label_get_label (_kp_recruitment_view_get_status_label (fixture->view)), ==, "Announced v1");

  /* Read-only: the editing actions, the appeal text; the banner says why. */
  g_assert_true (gtk_widget_get_visible (_kp_recruitment_view_get_locked_banner (fixture->view)));
  g_assert_true (ui_test_shows_text (_kp_recruitment_view_get_locked_banner (fixture->view),
                                     "Announced: start an amendment to change the rules"));
  g_assert_false (gtk_widget_is_sensitive (_kp_recruitment_view_get_weights_button (fixture->view)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (_kp_recruitment_view_get_appeal_row (fixture->view))));
  /* A disabled action does nothing (it is still found: the call says TRUE). */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "recruitment.add-stage", NULL);
  ui_test_settle ();
  g_assert_null (_kp_recruitment_view_get_dialog (fixture->view));
  titles = list_titles (_kp_recruitment_view_get_version_list (fixture->view));
  g_assert_cmpstr (titles, ==, "Version 1 · Announcement");
  g_clear_pointer (&titles, g_free);
  pause_for_screenshot ();

  /* The four-eyes share is how the office checks itself, not an announced rule: it stays
   * editable, and a change writes one event. */
  {
    GtkSpinButton *spin = _kp_recruitment_view_get_sample_spin (fixture->view);
    g_autoptr(KpSelection) selection = NULL;

    n_events = ui_test_n_audit_events (fixture->database);
    g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (spin)));
    gtk_spin_button_set_value (spin, 20);
    ui_test_settle ();
    selection = kp_selection_get (fixture->database, id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (selection->sample_percent, ==, 20);
    g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  }

  /* An edit through the model is LOCKED, and the UI shows that refusal in its words. */
  g_assert_false (kp_selection_set_stage_weights (fixture->database, id, amended, 3, &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);
  g_clear_error (&error);
  n_events = ui_test_n_audit_events (fixture->database);
  g_assert_false (_kp_recruitment_view_apply_weights (fixture->view, amended, 3));
  dialog = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Change the Weights");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "amendment"));
  respond (fixture, "close");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events);

  /* An amendment: a reason is required. */
  activate (fixture, "recruitment.amendment-begin");
  dialog = get_dialog (fixture);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "begin"));
  set_field_text (fixture, "reason", "Bobot SKB disesuaikan");
  respond (fixture, "begin");
  g_assert_cmpstr (gtk_label_get_label (_kp_recruitment_view_get_status_label (fixture->view)), ==,
                   "Amendment open");
  g_assert_true (gtk_widget_is_sensitive (_kp_recruitment_view_get_weights_button (fixture->view)));
  edit_weights (fixture, amended, G_N_ELEMENTS (amended));
  weights = stored_weights (fixture);
  g_assert_cmpstr (weights, ==, "0 50 50");
  g_clear_pointer (&weights, g_free);

  /* Publishing lists the changes first. */
  activate (fixture, "recruitment.amendment-publish");
  dialog = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publish Version 2?");
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "Stage 2 “Seleksi Kompetensi Dasar (SKD)”: weight 45 % → 50 %"));
  respond (fixture, "publish");
  g_assert_cmpstr (gtk_label_get_label (_kp_recruitment_view_get_status_label (fixture->view)), ==, "Announced v2");
  titles = list_titles (_kp_recruitment_view_get_version_list (fixture->view));
  g_assert_cmpstr (titles, ==, "Version 1 · Announcement | Version 2 · Amendment");
  g_clear_pointer (&titles, g_free);
  titles = list_titles (_kp_recruitment_view_get_change_list (fixture->view));
  g_assert_nonnull (strstr (titles, "Stage 2 “Seleksi Kompetensi Dasar (SKD)”: weight 45 % → 50 %"));
  g_clear_pointer (&titles, g_free);
  gtk_list_box_select_row (_kp_recruitment_view_get_version_list (fixture->view),
                           gtk_list_box_get_row_at_index (_kp_recruitment_view_get_version_list (fixture->view), 0));
  titles = list_titles (_kp_recruitment_view_get_change_list (fixture->view));
  g_assert_false (strstr (titles, "weight 45 % → 50 %") != NULL);
  g_clear_pointer (&titles, g_free);

  /* The files of the version chosen (1), written into a folder, with their sums. */
  {
    g_autofree char *folder_path = g_build_filename (g_get_user_data_dir (), "pengumuman", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
    g_autofree char *sums_path = g_build_filename (folder_path, "SHA256SUMS", NULL);
    g_autofree char *sums = NULL;

    g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
    g_assert_true (_kp_recruitment_view_save_announcement (fixture->view, folder));
    g_assert_null (_kp_recruitment_view_get_dialog (fixture->view));
    g_assert_true (g_file_get_contents (sums_path, &sums, NULL, NULL));
    g_assert_nonnull (strstr (sums, "-v1.pdf"));
    g_assert_null (strstr (sums, "-v2."));
  }
  adw_view_stack_set_visible_child_name (kp_recruitment_view_get_selection_stack (fixture->view), "announcements");
  gtk_list_box_select_row (_kp_recruitment_view_get_version_list (fixture->view),
                           gtk_list_box_get_row_at_index (_kp_recruitment_view_get_version_list (fixture->view), 1));
  pause_for_screenshot ();
  adw_view_stack_set_visible_child_name (kp_recruitment_view_get_selection_stack (fixture->view), "rules");

  /* A cancelled amendment puts back what was announced. */
  activate (fixture, "recruitment.amendment-begin");
  set_field_text (fixture, "reason", "Percobaan");
  respond (fixture, "begin");
  edit_weights (fixture, good, G_N_ELEMENTS (good));
  weights = stored_weights (fixture);
  g_assert_cmpstr (weights, ==, "0 45 55");
  g_clear_pointer (&weights, g_free);
  activate (fixture, "recruitment.amendment-cancel");
  respond (fixture, "cancel-amendment");
  weights = stored_weights (fixture);
  g_assert_cmpstr (weights, ==, "0 50 50");
  g_clear_pointer (&weights, g_free);
  g_assert_cmpstr (adw_action_row_get_subtitle (_kp_recruitment_view_get_weights_row (fixture->view)), ==,
                   "0 % + 50 % + 50 % = 100 %");
  g_assert_cmpstr (gtk_label_get_label (_kp_recruitment_view_get_status_label (fixture->view)), ==, "Announced v2");
  g_assert_false (gtk_widget_is_sensitive (_kp_recruitment_view_get_weights_button (fixture->view)));

  g_signal_handlers_disconnect_by_data (fixture->view, &n_notifies);
}

/* Stages added, moved and removed through their dialogs and buttons; a problem shown live. */
static void
test_stages (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  gint64 id = kp_selection_create (fixture->database, "Seleksi Terbuka JPT", KP_SELECTION_JPT, 2026, &error);
  guint n_events;

  g_assert_no_error (error);
  kp_recruitment_view_set_selection_id (fixture->view, id);
  ui_test_settle ();
  g_assert_cmpstr (_kp_recruitment_view_get_detail_page (fixture->view), ==, "selection");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (_kp_recruitment_view_get_problem_list (fixture->view)),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));

  /* A new stage with a weight: the sum is no longer 100, the editor says so. */
  n_events = ui_test_n_audit_events (fixture->database);
  activate (fixture, "recruitment.add-stage");
  g_assert_false (adw_message_dialog_get_response_enabled (get_dialog (fixture), "save"));
  set_field_text (fixture, "name", "Tes Kesehatan");
  set_field_value (fixture, "weight", 10);
  set_field_text (fixture, "starts-on", "2026-07-01");
  respond (fixture, "save");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  titles = list_titles (_kp_recruitment_view_get_stage_list (fixture->view));
  g_assert_true (g_str_has_suffix (titles, "5. Penelusuran Rekam Jejak | 6. Tes Kesehatan"));
  g_clear_pointer (&titles, g_free);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_kp_recruitment_view_get_weights_row (fixture->view)),
                                           "error"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (_kp_recruitment_view_get_problem_list (fixture->view)),
                                                                  ADW_TYPE_PREFERENCES_GROUP)));
  titles = list_titles (_kp_recruitment_view_get_problem_list (fixture->view));
  g_assert_nonnull (strstr (titles, "110"));
  g_clear_pointer (&titles, g_free);
  pause_for_screenshot ();

  /* A bad date: the model's refusal, nothing written. */
  stages = kp_selection_stages_list (fixture->database, id, &error);
  g_assert_no_error (error);
  n_events = ui_test_n_audit_events (fixture->database);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "recruitment.edit-stage", "x",
                                             ((KpSelectionStage *) g_ptr_array_index (stages, 5))->id));
  ui_test_settle ();
  set_field_text (fixture, "starts-on", "2026-13-45");
  respond (fixture, "save");
  g_assert_cmpstr (adw_message_dialog_get_heading (get_dialog (fixture)), ==, "Cannot Save the Stage");
  respond (fixture, "close");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events);

  /* Moved to the top, then removed after the question. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "recruitment.move-stage", "(xi)",
                                             ((KpSelectionStage *) g_ptr_array_index (stages, 5))->id, 1));
  ui_test_settle ();
  titles = list_titles (_kp_recruitment_view_get_stage_list (fixture->view));
  g_assert_true (g_str_has_prefix (titles, "1. Tes Kesehatan | 2. Seleksi Administrasi"));
  g_clear_pointer (&titles, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "recruitment.remove-stage", "x",
                                             ((KpSelectionStage *) g_ptr_array_index (stages, 5))->id));
  ui_test_settle ();
  respond (fixture, "remove");
  titles = list_titles (_kp_recruitment_view_get_stage_list (fixture->view));
  g_assert_true (g_str_has_prefix (titles, "1. Seleksi Administrasi"));
  g_assert_null (strstr (titles, "Tes Kesehatan"));
  g_clear_pointer (&titles, g_free);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (_kp_recruitment_view_get_weights_row (fixture->view)),
                                            "error"));

  /* A requirement and a tie-break move go through their model calls. */
  activate (fixture, "recruitment.add-requirement");
  set_field_text (fixture, "text", "Pakta integritas ditandatangani");
  respond (fixture, "save");
  titles = list_titles (_kp_recruitment_view_get_requirement_list (fixture->view));
  g_assert_true (g_str_has_suffix (titles, "5. Pakta integritas ditandatangani"));
  g_clear_pointer (&titles, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "recruitment.edit-requirement", "i", 5));
  ui_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_kp_recruitment_view_get_dialog_field (fixture->view, "text"))),
                   ==, "Pakta integritas ditandatangani");
  set_field_text (fixture, "text", "Pakta integritas ditandatangani di atas meterai");
  respond (fixture, "save");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "recruitment.remove-requirement", "i", 1));
  ui_test_settle ();
  titles = list_titles (_kp_recruitment_view_get_requirement_list (fixture->view));
  g_assert_true (g_str_has_prefix (titles, "1. IPK atau nilai rata-rata"));
  g_assert_true (g_str_has_suffix (titles, "4. Pakta integritas ditandatangani di atas meterai"));
  g_clear_pointer (&titles, g_free);

  /* A pass rule for a kind, under its stage. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "recruitment.add-pass-rule", "x",
                                             ((KpSelectionStage *) g_ptr_array_index (stages, 1))->id));
  ui_test_settle ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (_kp_recruitment_view_get_dialog_field (fixture->view, "formasi-kind")), 1);
  set_field_text (fixture, "component", "MAKALAH");
  set_field_value (fixture, "minimum", 60);
  respond (fixture, "save");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (_kp_recruitment_view_get_stage_list (fixture->view), 1)),
                                 TRUE);
  g_assert_true (shows_text_soon (GTK_WIDGET (fixture->view), "Pass rule for umum: MAKALAH ≥ 60"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "recruitment.move-tie-break", "(ii)", 0, 1));
  ui_test_settle ();
  titles = list_titles (_kp_recruitment_view_get_tie_break_list (fixture->view));
  g_assert_true (g_str_has_prefix (titles, "1. Nilai TKP lebih tinggi | 2. Nilai total SKD lebih tinggi"));
  g_clear_pointer (&titles, g_free);

  /* Deleting the draft selection, after the question. */
  activate (fixture, "recruitment.delete-selection");
  respond (fixture, "delete");
  g_assert_cmpint (kp_recruitment_view_get_selection_id (fixture->view), ==, 0);
  g_assert_cmpstr (_kp_recruitment_view_get_list_page (fixture->view), ==, "empty");
}

/* The vacancies: added and edited through the dialog, imported with a refused row, locked by
 * the announcement like the rules. */
static void
test_vacancies (Fixture       *fixture,
                gconstpointer  data)
{
  static const char csv[] =
    "kode_formasi;jabatan;unit_kerja;pendidikan;program_studi;jenis_formasi;kuota\r\n"
    "F0002;Pranata Komputer;Diskominfo;S1;Teknik Informatika;umum;3\r\n"
    "F0003;Perawat;Dinas Kesehatan;D3;Keperawatan;disabilitas;nol\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "formasi.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 id = kp_selection_create (fixture->database, "CPNS 2026", KP_SELECTION_CPNS, 2026, &error);
  GtkSingleSelection *selection = _kp_recruitment_view_get_formasi_selection (fixture->view);
  guint n_events;

  g_assert_no_error (error);
  kp_recruitment_view_set_selection_id (fixture->view, id);
  adw_view_stack_set_visible_child_name (kp_recruitment_view_get_selection_stack (fixture->view), "vacancies");
  ui_test_settle ();
  g_assert_true (ui_test_shows_text (GTK_WIDGET (fixture->view), "No Vacancies"));

  n_events = ui_test_n_audit_events (fixture->database);
  add_formasi (fixture, "F0001", "Analis SDM Aparatur", 2);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  text = formasi_text (fixture);
  g_assert_cmpstr (text, ==, "F0001 Analis SDM Aparatur BKPSDM S1  umum 2");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (gtk_label_get_label (_kp_recruitment_view_get_quota_label (fixture->view)), ==,
                   "1 vacancy, 2 seats in total");

  /* A second with the same code: the model's refusal, nothing written. */
  add_formasi (fixture, "F0001", "Arsiparis", 1);
  g_assert_cmpstr (adw_message_dialog_get_heading (get_dialog (fixture)), ==, "Cannot Save the Vacancy");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (get_dialog (fixture)), "F0001"));
  respond (fixture, "close");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);

  /* Edited: the chosen row's dialog. */
  gtk_single_selection_set_selected (selection, 0);
  activate (fixture, "recruitment.edit-formasi");
  set_field_value (fixture, "quota", 4);
  respond (fixture, "save");
  text = formasi_text (fixture);
  g_assert_cmpstr (text, ==, "F0001 Analis SDM Aparatur BKPSDM S1  umum 4");
  g_clear_pointer (&text, g_free);

  /* Imported: the good row goes in, the bad one is listed with its reason. */
  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  _kp_recruitment_view_import_formasi (fixture->view, file);
  ui_test_settle ();
  g_assert_cmpstr (adw_message_dialog_get_heading (get_dialog (fixture)), ==, "Some Rows Were Refused");
  g_assert_true (ui_test_shows_text (GTK_WIDGET (get_dialog (fixture)), "Line 3 · kuota · “nol”"));
  respond (fixture, "cancel");
  text = formasi_text (fixture);
  g_assert_cmpstr (text, ==, "F0001 Analis SDM Aparatur BKPSDM S1  umum 4 | "
                             "F0002 Pranata Komputer Diskominfo S1 Teknik Informatika umum 3");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (gtk_label_get_label (_kp_recruitment_view_get_quota_label (fixture->view)), ==,
                   "2 vacancies, 7 seats in total");
  pause_for_screenshot ();

  /* Announced: the table stays, its editing goes. */
  g_assert_cmpint (kp_selection_publish (fixture->database, id, &error), ==, 1);
  g_assert_no_error (error);
  kp_recruitment_view_set_selection_id (fixture->view, 0);
  kp_recruitment_view_set_selection_id (fixture->view, id);
  ui_test_settle ();
  gtk_single_selection_set_selected (selection, 1);
  activate (fixture, "recruitment.edit-formasi");
  g_assert_null (_kp_recruitment_view_get_dialog (fixture->view));
  activate (fixture, "recruitment.add-formasi");
  g_assert_null (_kp_recruitment_view_get_dialog (fixture->view));
  g_assert_false (kp_formasi_delete (fixture->database, kp_formasi_row_get_formasi (gtk_single_selection_get_selected_item (selection))->id,
                                     &error));
  g_assert_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED);

  /* Deleted inside an amendment, after the question. */
  g_assert_true (kp_selection_amendment_begin (fixture->database, id, "Formasi dikurangi", NULL));
  kp_recruitment_view_set_selection_id (fixture->view, 0);
  kp_recruitment_view_set_selection_id (fixture->view, id);
  ui_test_settle ();
  gtk_single_selection_set_selected (selection, 1);
  activate (fixture, "recruitment.delete-formasi");
  respond (fixture, "delete");
  text = formasi_text (fixture);
  g_assert_cmpstr (text, ==, "F0001 Analis SDM Aparatur BKPSDM S1  umum 4");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/recruitment-view/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/recruitment-view/rules-editor", Fixture, NULL, fixture_set_up, test_rules_editor,
              fixture_tear_down);
  g_test_add ("/recruitment-view/vacancies", Fixture, NULL, fixture_set_up, test_vacancies, fixture_tear_down);
  g_test_add ("/recruitment-view/stages", Fixture, NULL, fixture_set_up, test_stages, fixture_tear_down);

  return g_test_run ();
}
