/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-assessment-view.c: the assessment entry area over a real database with employees: an
 * event created through its dialog (a date after today refused in the dialog), results added
 * through theirs, two assessors two levels apart flagged as a disagreement that does not count
 * until a consensus is recorded with its reason, two within one level giving the computed
 * median, a duplicate result refused inside the dialog, the search and the disagreement filter,
 * and an import whose bad row is listed. Each change is checked in the database and its audit
 * log, not only on screen. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "kp-assessment-view-private.h"

#include "ui-test-util.h"

#define NIP_SITI "196810301993082121"  /* P, 1968-10-30 */
#define NIP_AHMAD "198608142011011949" /* L, 1986-08-14 */

typedef struct {
  KpDatabase *database;
  GtkWindow *window;
  KpAssessmentView *view;
  gint64 siti_id;
  gint64 ahmad_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  UiTestPerson siti = { NIP_SITI, "Siti Aminah", "P", "1968-10-30", "IV/a" };
  UiTestPerson ahmad = { NIP_AHMAD, "Ahmad Fauzi", "L", "1986-08-14", "III/b" };
  gint64 unit, position;

  fixture->database = ui_test_new_database (NULL);
  unit = ui_test_add_unit (fixture->database, "Dinas Kesehatan", 0);
  position = ui_test_add_position (fixture->database, unit, "Pengelola Data",
                                   KP_POSITION_KIND_PELAKSANA);
  fixture->siti_id = ui_test_save_person (fixture->database, &siti, position, 0);
  fixture->ahmad_id = ui_test_save_person (fixture->database, &ahmad, position, 0);

  fixture->view = KP_ASSESSMENT_VIEW (kp_assessment_view_new ());
  kp_assessment_view_set_database (fixture->view, fixture->database);
  g_assert_true (kp_assessment_view_get_database (fixture->view) == fixture->database);

  fixture->window = ui_test_show_in_window (GTK_WIDGET (fixture->view), 1100, 760);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_destroy_window (fixture->window, fixture->window);
  ui_test_destroy_other_toplevels (NULL);

  g_clear_object (&fixture->database);
}

/* ---- doing what the user does ------------------------------------------------------------ */

static GtkWidget *
widget (Fixture    *fixture,
        const char *id)
{
  GtkWidget *found = _kp_assessment_view_get_widget (fixture->view, id);

  g_assert_nonnull (found);
  return found;
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  ui_test_activate (GTK_WIDGET (fixture->view), action);
}

/* Whether a button of the view for @action can be clicked. */
static gboolean
action_enabled (Fixture    *fixture,
                const char *action)
{
  GtkWidget *button = ui_test_find_widget (GTK_WIDGET (fixture->view), ui_test_is_button_for, action);

  g_assert_nonnull (button);
  ui_test_settle ();
  return gtk_widget_get_sensitive (button);
}

static void
click (Fixture    *fixture,
       const char *id)
{
  GtkWidget *button = widget (fixture, id);

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle ();
}

static gboolean
dialog_shown (Fixture    *fixture,
              const char *id)
{
  return gtk_widget_get_visible (widget (fixture, id));
}

static void
type_text (Fixture    *fixture,
           const char *id,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget (fixture, id)), text);
  ui_test_settle ();
}

static void
type_into_text_view (Fixture    *fixture,
                     const char *id,
                     const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget (fixture, id))), text, -1);
  ui_test_settle ();
}

static gboolean
competency_has_code (gpointer      competency,
                     gconstpointer code)
{
  return g_strcmp0 (kp_competency_get_code (competency), code) == 0;
}

static gint64
competency_id (Fixture    *fixture,
               const char *code)
{
  g_autoptr(KpCompetency) competency =
    ui_test_find_item (kp_database_get_competencies (fixture->database), competency_has_code, code);

  g_assert_nonnull (competency);
  return kp_competency_get_id (competency);
}

typedef struct {
  GListModel *model;
  guint n;
} Count;

static gboolean
has_n_items (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->model) == count->n;
}

/* Opens Add Result, finds the employee by @search (one match) as a user types it and presses
 * Enter, picks the competency, the assessor and the level, and clicks Add. The dialog is left
 * as it is: open with its refusal, or closed. */
static void
add_result (Fixture    *fixture,
            const char *search,
            const char *code,
            const char *assessor,
            int         level,
            const char *note)
{
  GtkListView *employees = GTK_LIST_VIEW (widget (fixture, "employee_list"));
  AdwComboRow *competency = ADW_COMBO_ROW (widget (fixture, "competency_row"));
  Count one = { G_LIST_MODEL (gtk_list_view_get_model (employees)), 1 };

  /* No outcome chosen: the dialog starts empty. */
  _kp_assessment_view_select_row (fixture->view, GTK_INVALID_LIST_POSITION);
  activate (fixture, "assessment.add-result");
  g_assert_true (dialog_shown (fixture, "add_dialog"));
  g_assert_false (gtk_widget_get_sensitive (widget (fixture, "add_button")));

  type_text (fixture, "employee_entry", search);
  /* The search entry waits a moment for more typing before it filters. */
  g_assert_true (ui_test_wait_until (has_n_items, &one, 5));
  g_signal_emit_by_name (widget (fixture, "employee_entry"), "activate");
  ui_test_settle ();

  adw_combo_row_set_selected (competency,
                              ui_test_find_position (adw_combo_row_get_model (competency),
                                                     competency_has_code, code));
  type_text (fixture, "assessor_row", assessor);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget (fixture, "level_spin")), level);
  type_into_text_view (fixture, "note_view", note);
  click (fixture, "add_button");
}

/* The table as the user reads it: "NIP|name|code|levels|spread|level|status" a row. */
static char *
table_text (Fixture *fixture)
{
  GString *text = g_string_new (NULL);
  char *row;

  for (guint i = 0; (row = _kp_assessment_view_describe_row (fixture->view, i)) != NULL; i++)
    {
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", row);
      g_free (row);
    }

  return g_string_free (text, FALSE);
}

static guint
find_row (Fixture    *fixture,
          const char *nip,
          const char *code)
{
  g_autofree char *prefix = g_strdup_printf ("%s|", nip);
  g_autofree char *part = g_strdup_printf ("|%s|", code);
  char *row;

  for (guint i = 0; (row = _kp_assessment_view_describe_row (fixture->view, i)) != NULL; i++)
    {
      gboolean found = g_str_has_prefix (row, prefix) && strstr (row, part) != NULL;

      g_free (row);
      if (found)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
append_latest (gint64   employee_id,
               gint64   competency_id,
               int      level,
               gpointer user_data)
{
  g_string_append_printf (user_data, "%" PRId64 ":%" PRId64 "=%d ", employee_id, competency_id,
                          level);
}

/* The latest counted level of @employee_id on @competency_id, as the gap analysis reads it;
 * 0 when none counts. */
static int
latest_level (Fixture *fixture,
              gint64   employee_id,
              gint64   competency_id)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup_printf ("%" PRId64 ":%" PRId64 "=", employee_id, competency_id);
  const char *found;

  g_assert_true (kp_assessment_foreach_latest (fixture->database, append_latest, all, &error));
  g_assert_no_error (error);
  found = strstr (all->str, key);
  return found != NULL ? atoi (found + strlen (key)) : 0;
}

static KpAuditEvent *
last_audit_event (Fixture *fixture)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = kp_audit_list (fixture->database, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return g_ptr_array_steal_index (events, events->len - 1);
}

static guint
count_list_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* Creates "Uji Kompetensi Manajerial" of 15 January 2026 through the dialog. */
static gint64
create_event (Fixture *fixture)
{
  AdwComboRow *method = ADW_COMBO_ROW (widget (fixture, "new_method_row"));

  activate (fixture, "assessment.new");
  g_assert_true (dialog_shown (fixture, "new_dialog"));
  type_text (fixture, "new_name_row", "Uji Kompetensi Manajerial");
  type_text (fixture, "new_period_row", "2026");
  type_text (fixture, "new_date_row", "15-01-2026");
  adw_combo_row_set_selected (method, KP_ASSESSMENT_METHOD_UJI_KOMPETENSI);
  click (fixture, "new_create_button");
  g_assert_false (dialog_shown (fixture, "new_dialog"));

  return _kp_assessment_view_get_shown_id (fixture->view);
}

/* ---- the tests --------------------------------------------------------------------------- */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpstr (_kp_assessment_view_get_page (fixture->view), ==, "empty");
  g_assert_true (ui_test_shows_text (GTK_WIDGET (fixture->view), "No Assessments Yet"));
  g_assert_true (action_enabled (fixture, "assessment.new"));
  g_assert_true (action_enabled (fixture, "assessment.import"));
  g_assert_false (action_enabled (fixture, "assessment.add-result"));
  g_assert_false (action_enabled (fixture, "assessment.consensus"));
}

static void
test_create_event (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autoptr(KpAuditEvent) event = NULL;
  guint n_events = ui_test_n_audit_events (fixture->database);
  GtkListBoxRow *row;
  gint64 id;

  activate (fixture, "assessment.new");
  g_assert_true (dialog_shown (fixture, "new_dialog"));
  type_text (fixture, "new_name_row", "Wawancara Kompetensi Teknis");

  /* A date after today is refused in the dialog, which stays open. */
  type_text (fixture, "new_date_row", future);
  g_assert_false (gtk_widget_get_sensitive (widget (fixture, "new_create_button")));
  g_assert_true (gtk_widget_has_css_class (widget (fixture, "new_date_row"), "error"));
  g_assert_true (gtk_widget_get_visible (widget (fixture, "new_error_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget (fixture, "new_error_label"))), ==,
                   "The date is after today: record an assessment once it has been held.");
  type_text (fixture, "new_date_row", "2026-02-30");
  g_assert_false (gtk_widget_get_sensitive (widget (fixture, "new_create_button")));

  type_text (fixture, "new_date_row", "2026-02-03");
  g_assert_false (gtk_widget_has_css_class (widget (fixture, "new_date_row"), "error"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget (fixture, "new_method_row")),
                              KP_ASSESSMENT_METHOD_WAWANCARA);
  click (fixture, "new_create_button");
  g_assert_false (dialog_shown (fixture, "new_dialog"));

  /* In the database, audited, listed and shown. */
  id = _kp_assessment_view_get_shown_id (fixture->view);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  event = last_audit_event (fixture);
  g_assert_cmpstr (event->action, ==, "create");
  g_assert_cmpstr (event->entity, ==, "assessment");
  g_assert_nonnull (strstr (event->payload, "\"method\":\"wawancara\""));
  g_assert_cmpstr (_kp_assessment_view_get_page (fixture->view), ==, "events");
  row = gtk_list_box_get_row_at_index (_kp_assessment_view_get_events_list (fixture->view), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Wawancara Kompetensi Teknis");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "3 February 2026 · Wawancara\nno results yet");
  g_assert_cmpstr (_kp_assessment_view_get_outcomes_page (fixture->view), ==, "no-outcomes");
  g_assert_true (action_enabled (fixture, "assessment.add-result"));
}

/* Add Result says when the register has nobody of that NIP or name, and stays closed to a
 * result without an employee. */
static void
test_no_such_employee (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkListView *employees = GTK_LIST_VIEW (widget (fixture, "employee_list"));
  Count none = { G_LIST_MODEL (gtk_list_view_get_model (employees)), 0 };
  UiTestLabelText wanted = { GTK_LABEL (widget (fixture, "employee_chosen_label")),
                             "No employee in the register has this NIP or name." };

  create_event (fixture);
  activate (fixture, "assessment.add-result");
  type_text (fixture, "employee_entry", "Zulkarnaen");
  g_assert_true (ui_test_wait_until (has_n_items, &none, 5));
  g_assert_true (ui_test_wait_until (ui_test_label_shows, &wanted, 5));
  type_text (fixture, "assessor_row", "Asesor A");
  g_assert_false (gtk_widget_get_sensitive (widget (fixture, "add_button")));
  gtk_window_close (GTK_WINDOW (widget (fixture, "add_dialog")));
  ui_test_settle ();
}

/* Results imported or recorded elsewhere (another area, the command line) show once the view
 * is back on screen. */
static void
test_reads_again_when_shown (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *table = NULL;
  gint64 id = create_event (fixture);

  g_assert_true (kp_assessment_record (fixture->database, id, fixture->ahmad_id,
                                       competency_id (fixture, "M.03"), "Asesor C", 5, "",
                                       &error));
  g_assert_no_error (error);
  gtk_widget_set_visible (GTK_WIDGET (fixture->view), FALSE);
  ui_test_settle ();
  gtk_widget_set_visible (GTK_WIDGET (fixture->view), TRUE);
  ui_test_settle ();
  table = table_text (fixture);
  g_assert_cmpstr (table, ==, NIP_AHMAD "|Ahmad Fauzi|M.03|5|—|5|One assessor");
}

static void
test_disagreement (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 m04 = competency_id (fixture, "M.04");
  gint64 m01 = competency_id (fixture, "M.01");
  g_autoptr(KpAuditEvent) event = NULL;
  g_autofree char *table = NULL;
  g_autofree char *row = NULL;
  GtkLabel *error_label;
  guint n_events, position;
  gint64 id;

  id = create_event (fixture);
  g_assert_cmpint (id, >, 0);

  /* One assessor: their level counts. */
  n_events = ui_test_n_audit_events (fixture->database);
  add_result (fixture, "siti", "M.04", "Asesor A", 2, "Studi kasus: menunda keputusan");
  g_assert_false (dialog_shown (fixture, "add_dialog"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  table = table_text (fixture);
  g_assert_cmpstr (table, ==, NIP_SITI "|Siti Aminah|M.04|2|—|2|One assessor");
  g_assert_cmpint (latest_level (fixture, fixture->siti_id, m04), ==, 2);

  /* A second assessor two levels higher: flagged, and it no longer counts. */
  add_result (fixture, NIP_SITI, "M.04", "Asesor B", 4, "");
  g_assert_false (dialog_shown (fixture, "add_dialog"));
  g_clear_pointer (&table, g_free);
  table = table_text (fixture);
  g_assert_cmpstr (table, ==,
                   NIP_SITI "|Siti Aminah|M.04|2, 4|2–4|—|Disagreement: needs consensus");
  g_assert_true (_kp_assessment_view_row_has_class (fixture->view, 0, "error"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (_kp_assessment_view_get_column_view (fixture->view)),
                                     "Disagreement: needs consensus"));
  g_assert_cmpint (latest_level (fixture, fixture->siti_id, m04), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (_kp_assessment_view_get_status_label (fixture->view)), ==,
                   "1 outcome · 1 disagreement needs a consensus");

  /* The same assessor again: refused inside the dialog, which keeps what was typed. */
  n_events = ui_test_n_audit_events (fixture->database);
  add_result (fixture, "aminah", "M.04", "Asesor A", 3, "");
  g_assert_true (dialog_shown (fixture, "add_dialog"));
  error_label = GTK_LABEL (widget (fixture, "add_error_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==,
                   "Asesor A already gave a level for M.04 to " NIP_SITI " in “Uji Kompetensi "
                   "Manajerial”: correct that result instead of adding a second one");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (fixture, "assessor_row"))), ==,
                   "Asesor A");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events);
  gtk_window_close (GTK_WINDOW (widget (fixture, "add_dialog")));
  ui_test_settle ();
  g_assert_false (dialog_shown (fixture, "add_dialog"));

  /* Two assessors within one level: the median, rounded down, marked as computed. */
  add_result (fixture, "ahmad", "M.01", "Asesor A", 4, "");
  add_result (fixture, "ahmad", "M.01", "Asesor B", 3, "");
  g_clear_pointer (&table, g_free);
  table = table_text (fixture);
  g_assert_cmpstr (table, ==,
                   NIP_AHMAD "|Ahmad Fauzi|M.01|3, 4|3–4|3|Computed median\n"
                   NIP_SITI "|Siti Aminah|M.04|2, 4|2–4|—|Disagreement: needs consensus");
  g_assert_false (_kp_assessment_view_row_has_class (fixture->view, 0, "error"));
  g_assert_cmpint (latest_level (fixture, fixture->ahmad_id, m01), ==, 3);

  /* The filter and the search. */
  gtk_check_button_set_active (_kp_assessment_view_get_disagreements_check (fixture->view), TRUE);
  ui_test_settle ();
  g_clear_pointer (&table, g_free);
  table = table_text (fixture);
  g_assert_cmpstr (table, ==,
                   NIP_SITI "|Siti Aminah|M.04|2, 4|2–4|—|Disagreement: needs consensus");
  g_assert_cmpstr (gtk_label_get_text (_kp_assessment_view_get_status_label (fixture->view)), ==,
                   "1 of 2 outcomes · 1 disagreement needs a consensus");
  gtk_editable_set_text (_kp_assessment_view_get_search_entry (fixture->view), "fauzi");
  g_signal_emit_by_name (_kp_assessment_view_get_search_entry (fixture->view), "search-changed");
  ui_test_settle ();
  g_assert_cmpstr (_kp_assessment_view_get_outcomes_page (fixture->view), ==, "no-matches");
  gtk_check_button_set_active (_kp_assessment_view_get_disagreements_check (fixture->view), FALSE);
  ui_test_settle ();
  g_clear_pointer (&table, g_free);
  table = table_text (fixture);
  g_assert_cmpstr (table, ==, NIP_AHMAD "|Ahmad Fauzi|M.01|3, 4|3–4|3|Computed median");
  gtk_editable_set_text (_kp_assessment_view_get_search_entry (fixture->view), "");
  g_signal_emit_by_name (_kp_assessment_view_get_search_entry (fixture->view), "search-changed");
  ui_test_settle ();

  /* Only a disagreement takes a consensus. */
  _kp_assessment_view_select_row (fixture->view, find_row (fixture, NIP_AHMAD, "M.01"));
  ui_test_settle ();
  g_assert_false (action_enabled (fixture, "assessment.consensus"));

  /* The disagreement chosen: its assessors are listed under the table, with the evidence. */
  position = find_row (fixture, NIP_SITI, "M.04");
  _kp_assessment_view_select_row (fixture->view, position);
  ui_test_settle ();
  g_assert_cmpuint (count_list_rows (_kp_assessment_view_get_results_list (fixture->view)), ==, 2);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (_kp_assessment_view_get_results_list (fixture->view)),
                                     "Studi kasus: menunda keputusan"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_kp_assessment_view_get_outcome_status_label (fixture->view)),
                                           "error"));
  g_assert_true (action_enabled (fixture, "assessment.consensus"));

  /* Record Consensus: the reason is required. */
  activate (fixture, "assessment.consensus");
  g_assert_true (dialog_shown (fixture, "consensus_dialog"));
  g_assert_false (gtk_widget_get_sensitive (widget (fixture, "consensus_button")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget (fixture, "consensus_spin")), 3);
  type_into_text_view (fixture, "reason_view", "   ");
  g_assert_false (gtk_widget_get_sensitive (widget (fixture, "consensus_button")));
  type_into_text_view (fixture, "reason_view", "Bukti wawancara dibahas bersama");
  n_events = ui_test_n_audit_events (fixture->database);
  click (fixture, "consensus_button");
  g_assert_false (dialog_shown (fixture, "consensus_dialog"));

  /* The row shows the consensus and counts at its level; the log has it. */
  position = find_row (fixture, NIP_SITI, "M.04");
  row = _kp_assessment_view_describe_row (fixture->view, position);
  g_assert_cmpstr (row, ==, NIP_SITI "|Siti Aminah|M.04|2, 4|2–4|3|Consensus: Bukti wawancara "
                            "dibahas bersama");
  g_assert_false (_kp_assessment_view_row_has_class (fixture->view, position, "error"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (_kp_assessment_view_get_column_view (fixture->view)),
                                     "Consensus: Bukti wawancara dibahas bersama"));
  g_assert_cmpint (latest_level (fixture, fixture->siti_id, m04), ==, 3);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  event = last_audit_event (fixture);
  g_assert_cmpstr (event->action, ==, "create");
  g_assert_cmpstr (event->entity, ==, "assessment-consensus");
  g_assert_cmpstr (event->entity_id, ==, NIP_SITI);
  g_assert_nonnull (strstr (event->payload, "Bukti wawancara dibahas bersama"));
  g_assert_cmpstr (gtk_label_get_text (_kp_assessment_view_get_status_label (fixture->view)), ==,
                   "2 outcomes");
  /* The event's counts in the list follow. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (_kp_assessment_view_get_events_list (fixture->view), 0))),
                   ==, "15 January 2026 · Uji kompetensi\n2 employees, 4 results");
}

/* A result entered by mistake is deleted from under the table, and the disagreement it made
 * goes with it. */
static void
test_delete_result (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KpAuditEvent) event = NULL;
  g_autofree char *table = NULL;
  GtkListBoxRow *row;
  GtkWidget *button;
  guint n_events;

  create_event (fixture);
  add_result (fixture, "siti", "M.02", "Asesor A", 1, "");
  add_result (fixture, "siti", "M.02", "Asesor B", 4, "");
  _kp_assessment_view_select_row (fixture->view, 0);
  ui_test_settle ();

  /* Asesor A's row (assessors are listed by name), and its delete button. */
  row = gtk_list_box_get_row_at_index (_kp_assessment_view_get_results_list (fixture->view), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Asesor A");
  button = ui_test_find_widget (GTK_WIDGET (row), ui_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle ();
  g_assert_true (dialog_shown (fixture, "delete_dialog"));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (widget (fixture, "delete_dialog"))),
                                   "Asesor A gave level 1 on M.02 to Siti Aminah."));

  n_events = ui_test_n_audit_events (fixture->database);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (widget (fixture, "delete_dialog")), "delete");
  ui_test_settle ();
  g_assert_false (dialog_shown (fixture, "delete_dialog"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  event = last_audit_event (fixture);
  g_assert_cmpstr (event->action, ==, "delete");
  g_assert_cmpstr (event->entity, ==, "assessment-result");
  table = table_text (fixture);
  g_assert_cmpstr (table, ==, NIP_SITI "|Siti Aminah|M.02|4|—|4|One assessor");
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "penilaian.csv", NULL);
  g_autofree char *saved = g_build_filename (g_get_user_data_dir (), "penilaian-rejected.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *problems_view;
  GListModel *problems;
  guint n_events = ui_test_n_audit_events (fixture->database);

  g_file_set_contents (path,
                       "nip,kode_kompetensi,level,penilai,tanggal,metode,catatan\n"
                       NIP_SITI ",M.01,3,Asesor A,2026-03-14,uji kompetensi,Observasi\n"
                       NIP_SITI ",M.01,4,Asesor B,2026-03-14,uji kompetensi,\n"
                       NIP_AHMAD ",M.02,7,Asesor A,2026-03-14,uji kompetensi,\n",
                       -1, &error);
  g_assert_no_error (error);

  _kp_assessment_view_import_file (fixture->view, file);
  ui_test_settle ();

  /* The good rows are in one new event, with one audit event for the file. */
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  g_assert_cmpstr (_kp_assessment_view_get_page (fixture->view), ==, "events");
  g_assert_cmpint (_kp_assessment_view_get_shown_id (fixture->view), >, 0);
  summary = table_text (fixture);
  g_assert_cmpstr (summary, ==, NIP_SITI "|Siti Aminah|M.01|3, 4|3–4|3|Computed median");

  /* The refused row is listed: line, column, value and reason. */
  g_assert_true (dialog_shown (fixture, "problems_dialog"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget (fixture, "problems_summary_label"))),
                                   "3 rows read: 2 new, 1 refused."));
  problems_view = widget (fixture, "problems_dialog");
  problems = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (ui_test_find_widget (problems_view, ui_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)))));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  gtk_test_widget_wait_for_draw (problems_view);
  g_assert_true (ui_test_shows_text (problems_view, "4"));
  g_assert_true (ui_test_shows_text (problems_view, "level"));
  g_assert_true (ui_test_shows_text (problems_view, "7"));
  g_assert_true (ui_test_shows_text (problems_view, "The level must be a whole number from 1 to 5"));

  /* What the Save chooser does: the refused rows as CSV, to correct and import again. */
  g_assert_true (_kp_assessment_view_save_problems (fixture->view, saved_file, &error));
  g_assert_no_error (error);
  g_file_get_contents (saved, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "line,column,value,reason\n4,level,7,"));
  gtk_window_close (GTK_WINDOW (problems_view));
  ui_test_settle ();
  g_assert_false (dialog_shown (fixture, "problems_dialog"));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/assessment-view/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/ui/assessment-view/create-event", Fixture, NULL,
              fixture_set_up, test_create_event, fixture_tear_down);
  g_test_add ("/ui/assessment-view/no-such-employee", Fixture, NULL,
              fixture_set_up, test_no_such_employee, fixture_tear_down);
  g_test_add ("/ui/assessment-view/reads-again-when-shown", Fixture, NULL,
              fixture_set_up, test_reads_again_when_shown, fixture_tear_down);
  g_test_add ("/ui/assessment-view/disagreement", Fixture, NULL,
              fixture_set_up, test_disagreement, fixture_tear_down);
  g_test_add ("/ui/assessment-view/delete-result", Fixture, NULL,
              fixture_set_up, test_delete_result, fixture_tear_down);
  g_test_add ("/ui/assessment-view/import", Fixture, NULL,
              fixture_set_up, test_import, fixture_tear_down);

  return g_test_run ();
}
