/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-jpm-dialog.c: the JPM weights and categories window over a real new database (seeded
 * with three categories and no weights): what it shows, a weight changed through its switch
 * and percent (in the database with one audit event per settled change, and kept when the
 * window closes at once), categories refused with the reason on screen and nothing written,
 * and categories applied. */

#include "config.h"

#include <string.h>

#include "kompeten/kp-jpm-settings.h"
#include "kp-jpm-dialog-private.h"

#include "ui-test-util.h"

typedef struct {
  KpDatabase *database;
  GtkWindow *parent;
  KpJpmDialog *dialog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->database = ui_test_new_database (NULL);
  fixture->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->parent, 400, 300);
  ui_test_show_window (fixture->parent);
}

/* Opens the window on what the database holds now. */
static void
open_dialog (Fixture *fixture)
{
  fixture->dialog = KP_JPM_DIALOG (kp_jpm_dialog_new (fixture->parent, fixture->database));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) == fixture->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));
  ui_test_show_window (GTK_WINDOW (fixture->dialog));
  ui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL && ui_test_is_toplevel (GTK_WINDOW (fixture->dialog)))
    ui_test_destroy_window (GTK_WINDOW (fixture->dialog), fixture->dialog);
  if (fixture->parent != NULL)
    ui_test_destroy_window (fixture->parent, fixture->parent);
  g_clear_object (&fixture->database);
}

static gboolean
is_idle (gpointer dialog)
{
  return !_kp_jpm_dialog_is_busy (dialog);
}

/* Waits until no weight waits to be saved, as a user who stops clicking would. */
static void
wait_saved (Fixture *fixture)
{
  if (!ui_test_wait_until (is_idle, fixture->dialog, 5))
    g_error ("the weight was not saved within five seconds");
  ui_test_settle ();
}

static gboolean
switch_is_on (gpointer weighted)
{
  return gtk_switch_get_active (weighted);
}

static KpAuditEvent *
last_event (KpDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = kp_audit_list (database, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return g_ptr_array_steal_index (events, events->len - 1);
}

/* The stored categories as "80=A;68=B;0=C". */
static char *
stored_categories (KpDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = kp_jpm_categories_list (database, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const KpJpmCategory *category = g_ptr_array_index (list, i);

      g_string_append_printf (text, "%s%d=%s", i > 0 ? ";" : "", category->min_percent,
                              category->name);
    }
  return g_string_free (text, FALSE);
}

/* The category rows as the user reads them, top to bottom, in the same form. */
static char *
shown_categories (KpJpmDialog *dialog)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < _kp_jpm_dialog_get_n_categories (dialog); i++)
    {
      AdwEntryRow *name = _kp_jpm_dialog_get_category_name (dialog, i);

      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (name)));
      g_string_append_printf (text, "%s%d=%s", i > 0 ? ";" : "",
                              gtk_spin_button_get_value_as_int (_kp_jpm_dialog_get_category_min (dialog, i)),
                              gtk_editable_get_text (GTK_EDITABLE (name)));
    }
  /* The rows beyond are not on screen. */
  if (_kp_jpm_dialog_get_n_categories (dialog) < KP_JPM_CATEGORIES_MAX)
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (
      _kp_jpm_dialog_get_category_name (dialog, _kp_jpm_dialog_get_n_categories (dialog)))));
  return g_string_free (text, FALSE);
}

/* What a click does (keyboard activation would only click after a short animation). */
static void
click (GtkButton *button)
{
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle ();
}

/* ---- weights --------------------------------------------------------------------------------- */

static void
test_shows_stored (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  AdwActionRow *row;

  g_assert_true (kp_jpm_weight_set (fixture->database, KP_POSITION_KIND_PELAKSANA, 30, &error));
  g_assert_no_error (error);
  open_dialog (fixture);

  row = _kp_jpm_dialog_get_weight_row (fixture->dialog, KP_POSITION_KIND_PELAKSANA);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Pelaksana");
  g_assert_true (gtk_switch_get_active (_kp_jpm_dialog_get_weight_switch (fixture->dialog,
                                                                          KP_POSITION_KIND_PELAKSANA)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     _kp_jpm_dialog_get_weight_spin (fixture->dialog, KP_POSITION_KIND_PELAKSANA)),
                   ==, 30);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Technical 30 %, managerial and socio-cultural 70 %");

  /* A kind without a weight says what that means, and shows no percent. */
  row = _kp_jpm_dialog_get_weight_row (fixture->dialog, KP_POSITION_KIND_JPT_UTAMA);
  g_assert_false (gtk_switch_get_active (_kp_jpm_dialog_get_weight_switch (fixture->dialog,
                                                                           KP_POSITION_KIND_JPT_UTAMA)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (
    _kp_jpm_dialog_get_weight_spin (fixture->dialog, KP_POSITION_KIND_JPT_UTAMA))));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Unweighted: every required level counts alike");

  /* The seeded categories, highest first; nothing to apply yet. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->dialog),
                                                "categories");
  ui_test_settle ();
  shown = shown_categories (fixture->dialog);
  g_assert_cmpstr (shown, ==, "80=Memenuhi Syarat;68=Masih Memenuhi Syarat;0=Kurang Memenuhi Syarat");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (_kp_jpm_dialog_get_apply_button (fixture->dialog))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_kp_jpm_dialog_get_error_label (fixture->dialog))));
}

static void
test_weight_saved (Fixture       *fixture,
                   gconstpointer  data)
{
  const int kind = KP_POSITION_KIND_ADMINISTRATOR;
  g_autoptr(KpAuditEvent) event = NULL;
  GtkSwitch *weighted;
  GtkSpinButton *percent;
  guint n_events;

  open_dialog (fixture);
  weighted = _kp_jpm_dialog_get_weight_switch (fixture->dialog, kind);
  percent = _kp_jpm_dialog_get_weight_spin (fixture->dialog, kind);
  n_events = ui_test_n_audit_events (fixture->database);

  /* Activating the row switches the weight on, at half and half, saved at once. */
  gtk_widget_activate (GTK_WIDGET (_kp_jpm_dialog_get_weight_row (fixture->dialog, kind)));
  /* The switch slides over before it turns on. */
  if (!ui_test_wait_until (switch_is_on, weighted, 5))
    g_error ("activating the row did not switch the weight on");
  ui_test_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (percent)));
  g_assert_cmpint (kp_jpm_weight_get (fixture->database, kind), ==, 50);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  event = last_event (fixture->database);
  g_assert_cmpstr (event->entity, ==, "jpm-weight");
  g_assert_cmpstr (event->entity_id, ==, "Administrator");

  /* Three steps of the percent, then a rest: one change. */
  gtk_spin_button_set_value (percent, 45);
  gtk_spin_button_set_value (percent, 40);
  gtk_spin_button_set_value (percent, 35);
  g_assert_true (_kp_jpm_dialog_is_busy (fixture->dialog));
  g_assert_cmpstr (adw_action_row_get_subtitle (_kp_jpm_dialog_get_weight_row (fixture->dialog, kind)),
                   ==, "Technical 35 %, managerial and socio-cultural 65 %");
  wait_saved (fixture);
  g_assert_cmpint (kp_jpm_weight_get (fixture->database, kind), ==, 35);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 2);

  /* Switched off: unweighted again, at once. */
  gtk_switch_set_active (weighted, FALSE);
  ui_test_settle ();
  g_assert_cmpint (kp_jpm_weight_get (fixture->database, kind), ==, -1);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 3);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (percent)));

  /* A percent changed just before the window closes is kept. */
  gtk_switch_set_active (weighted, TRUE);
  ui_test_settle ();
  g_assert_cmpint (kp_jpm_weight_get (fixture->database, kind), ==, 35);
  gtk_spin_button_set_value (percent, 60);
  /* Closed, it goes away entirely. */
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  ui_test_settle ();
  g_assert_null (fixture->dialog);
  g_assert_cmpint (kp_jpm_weight_get (fixture->database, kind), ==, 60);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 5);
  /* The other kinds were not touched. */
  g_assert_cmpint (kp_jpm_weight_get (fixture->database, KP_POSITION_KIND_PELAKSANA), ==, -1);
}

/* The main window closing takes the dialog with it: a percent still resting is saved too. */
static void
test_weight_saved_with_parent (Fixture       *fixture,
                               gconstpointer  data)
{
  const int kind = KP_POSITION_KIND_PENGAWAS;

  open_dialog (fixture);
  gtk_switch_set_active (_kp_jpm_dialog_get_weight_switch (fixture->dialog, kind), TRUE);
  ui_test_settle ();
  g_assert_cmpint (kp_jpm_weight_get (fixture->database, kind), ==, 50);
  gtk_spin_button_set_value (_kp_jpm_dialog_get_weight_spin (fixture->dialog, kind), 70);
  g_assert_true (_kp_jpm_dialog_is_busy (fixture->dialog));

  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  g_object_add_weak_pointer (G_OBJECT (fixture->parent), (gpointer *) &fixture->parent);
  gtk_window_destroy (fixture->parent);
  ui_test_settle ();
  g_assert_null (fixture->dialog);
  g_assert_null (fixture->parent);
  g_assert_cmpint (kp_jpm_weight_get (fixture->database, kind), ==, 70);
}

/* ---- categories ------------------------------------------------------------------------------ */

static void
test_categories_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *before = stored_categories (fixture->database);
  g_autofree char *after = NULL;
  g_autofree char *shown = NULL;
  GtkLabel *error_label;
  guint n_events;

  open_dialog (fixture);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->dialog),
                                                "categories");
  ui_test_settle ();
  n_events = ui_test_n_audit_events (fixture->database);
  error_label = _kp_jpm_dialog_get_error_label (fixture->dialog);

  /* Without the category from 0 %, a low JPM would have none. */
  click (_kp_jpm_dialog_get_category_remove (fixture->dialog, 2));
  shown = shown_categories (fixture->dialog);
  g_assert_cmpstr (shown, ==, "80=Memenuhi Syarat;68=Masih Memenuhi Syarat");
  click (_kp_jpm_dialog_get_apply_button (fixture->dialog));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error_label)));
  if (strstr (gtk_label_get_text (error_label), "0 %") == NULL)
    g_error ("the refusal does not say why: “%s”", gtk_label_get_text (error_label));
  g_assert_true (ui_test_is_toplevel (GTK_WINDOW (fixture->dialog)));
  after = stored_categories (fixture->database);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events);
  /* The rows stay as typed, to be corrected. */
  g_clear_pointer (&shown, g_free);
  shown = shown_categories (fixture->dialog);
  g_assert_cmpstr (shown, ==, "80=Memenuhi Syarat;68=Masih Memenuhi Syarat");

  /* A name given twice is refused by name. */
  click (_kp_jpm_dialog_get_add_button (fixture->dialog));
  gtk_editable_set_text (GTK_EDITABLE (_kp_jpm_dialog_get_category_name (fixture->dialog, 2)),
                         "memenuhi syarat");
  click (_kp_jpm_dialog_get_apply_button (fixture->dialog));
  if (strstr (gtk_label_get_text (error_label), "Memenuhi Syarat") == NULL)
    g_error ("the refusal does not name the category: “%s”", gtk_label_get_text (error_label));
  g_clear_pointer (&after, g_free);
  after = stored_categories (fixture->database);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events);

  /* Revert shows what is saved and clears the refusal. */
  click (_kp_jpm_dialog_get_revert_button (fixture->dialog));
  g_clear_pointer (&shown, g_free);
  shown = shown_categories (fixture->dialog);
  g_assert_cmpstr (shown, ==, before);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
}

static void
test_categories_applied (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KpAuditEvent) event = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shown = NULL;
  AdwEntryRow *added;
  guint n_events;

  open_dialog (fixture);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->dialog),
                                                "categories");
  ui_test_settle ();
  n_events = ui_test_n_audit_events (fixture->database);

  /* Rename the top one and lower its bound, then add a higher one at the end. */
  gtk_editable_set_text (GTK_EDITABLE (_kp_jpm_dialog_get_category_name (fixture->dialog, 0)),
                         "Siap");
  gtk_spin_button_set_value (_kp_jpm_dialog_get_category_min (fixture->dialog, 0), 75);
  click (_kp_jpm_dialog_get_add_button (fixture->dialog));
  g_assert_cmpuint (_kp_jpm_dialog_get_n_categories (fixture->dialog), ==, 4);
  added = _kp_jpm_dialog_get_category_name (fixture->dialog, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (added)), ==, "");
  g_assert_true (ui_test_focus_is_in (GTK_WIDGET (added)));
  gtk_editable_set_text (GTK_EDITABLE (added), "  Sangat   Siap ");
  gtk_spin_button_set_value (_kp_jpm_dialog_get_category_min (fixture->dialog, 3), 90);
  click (_kp_jpm_dialog_get_apply_button (fixture->dialog));

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_kp_jpm_dialog_get_error_label (fixture->dialog))));
  after = stored_categories (fixture->database);
  g_assert_cmpstr (after, ==,
                   "90=Sangat Siap;75=Siap;68=Masih Memenuhi Syarat;0=Kurang Memenuhi Syarat");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, n_events + 1);
  event = last_event (fixture->database);
  g_assert_cmpstr (event->entity, ==, "jpm-category");
  /* The rows show what was saved, in order; there is nothing left to apply. */
  shown = shown_categories (fixture->dialog);
  g_assert_cmpstr (shown, ==, after);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (_kp_jpm_dialog_get_apply_button (fixture->dialog))));
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/jpm-dialog/shows-stored", test_shows_stored);
  ADD ("/jpm-dialog/weight-saved", test_weight_saved);
  ADD ("/jpm-dialog/weight-saved-with-parent", test_weight_saved_with_parent);
  ADD ("/jpm-dialog/categories-refused", test_categories_refused);
  ADD ("/jpm-dialog/categories-applied", test_categories_applied);
#undef ADD

  return g_test_run ();
}
