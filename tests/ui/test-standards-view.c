/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-standards-view.c: the position standards over a real new database (seeded with the
 * dictionary M.01–M.08, SK.01 and the kinds' managerial defaults) with two units and four
 * positions: the positions grouped by unit and their search, a level set and reset through a
 * row's selector (in the database, one audit event each), a kind's default, applying a kind's
 * defaults through the confirmation, an import with refused rows, and an export that
 * re-imports unchanged. */

#include "config.h"

#include <string.h>

#include "kp-standards-view-private.h"

#include "ui-test-util.h"

typedef struct {
  KpDatabase *database;
  char *path;
  GtkWindow *window;
  KpStandardsView *view;
  gint64 kepala_bidang;   /* Dinas Kesehatan, Administrator */
  gint64 kepala_seksi;    /* Dinas Kesehatan, Pengawas */
  gint64 kepala_mutasi;   /* Badan Kepegawaian, Administrator */
  gint64 analis;          /* Badan Kepegawaian, Fungsional Ahli Pertama */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_positions = GPOINTER_TO_INT (data) == 0;
  gint64 health, personnel;

  fixture->database = ui_test_new_database (&fixture->path);
  if (with_positions)
    {
      health = ui_test_add_unit (fixture->database, "Dinas Kesehatan", 0);
      personnel = ui_test_add_unit (fixture->database, "Badan Kepegawaian", 0);
      fixture->kepala_bidang = ui_test_add_position (fixture->database, health, "Kepala Bidang Pelayanan",
                                                     KP_POSITION_KIND_ADMINISTRATOR);
      fixture->kepala_seksi = ui_test_add_position (fixture->database, health, "Kepala Seksi Farmasi",
                                                    KP_POSITION_KIND_PENGAWAS);
      fixture->kepala_mutasi = ui_test_add_position (fixture->database, personnel, "Kepala Bidang Mutasi",
                                                     KP_POSITION_KIND_ADMINISTRATOR);
      fixture->analis = ui_test_add_position (fixture->database, personnel, "Analis SDM Aparatur",
                                              KP_POSITION_KIND_AHLI_PERTAMA);
    }

  fixture->view = KP_STANDARDS_VIEW (kp_standards_view_new ());
  kp_standards_view_set_database (fixture->view, fixture->database);
  g_assert_true (kp_standards_view_get_database (fixture->view) == fixture->database);

  fixture->window = ui_test_show_in_window (GTK_WIDGET (fixture->view), 1100, 760);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* No test may leave a dialog behind unexpectedly. */
  g_assert_null (_kp_standards_view_get_dialog (fixture->view));

  ui_test_destroy_window (fixture->window, fixture->window);

  g_clear_object (&fixture->database);
  g_clear_pointer (&fixture->path, g_free);
}

/* ---- reading what the user sees, and doing what the user does ---------------------------- */

/* The positions list as read: "[unit] title (kind)" items joined by " | ". */
static char *
list_text (Fixture *fixture)
{
  GListModel *rows = G_LIST_MODEL (_kp_standards_view_get_position_selection (fixture->view));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (text->len > 0)
        g_string_append (text, " | ");
      if (GTK_IS_STRING_OBJECT (item))
        g_string_append_printf (text, "[%s]", gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      else
        g_string_append_printf (text, "%s (%s)", kp_position_get_title (KP_POSITION (item)),
                                kp_position_get_kind_name (KP_POSITION (item)));
    }

  return g_string_free (text, FALSE);
}

typedef struct {
  Fixture *fixture;
  const char *expected;
} ListText;

static gboolean
list_reads (gpointer data)
{
  ListText *wanted = data;
  g_autofree char *text = list_text (wanted->fixture);

  return g_str_equal (text, wanted->expected) && !g_main_context_pending (NULL);
}

/* Types into the search entry, waits out its delay and checks what the list reads. */
static void
search (Fixture    *fixture,
        const char *needle,
        const char *expected)
{
  ListText wanted = { fixture, expected };
  g_autofree char *text = NULL;

  gtk_editable_set_text (GTK_EDITABLE (_kp_standards_view_get_search_entry (fixture->view)), needle);
  ui_test_wait_until (list_reads, &wanted, 5);
  ui_test_settle ();
  text = list_text (fixture);
  g_assert_cmpstr (text, ==, expected);
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
  g_autoptr(KpCompetency) competency = ui_test_find_item (kp_database_get_competencies (fixture->database),
                                                          competency_has_code, code);

  g_assert_nonnull (competency);
  return kp_competency_get_id (competency);
}

static gboolean
item_is_position (gpointer      item,
                  gconstpointer id)
{
  return KP_IS_POSITION (item) && kp_position_get_id (item) == *(const gint64 *) id;
}

/* What a click on the position's row does. */
static void
choose_position (Fixture *fixture,
                 gint64   position_id)
{
  GtkSingleSelection *selection = _kp_standards_view_get_position_selection (fixture->view);
  guint position = ui_test_find_position (G_LIST_MODEL (selection), item_is_position, &position_id);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, position);
  ui_test_settle ();
  g_assert_cmpint (_kp_standards_view_get_shown_position (fixture->view), ==, position_id);
  g_assert_cmpstr (_kp_standards_view_get_detail_page (fixture->view), ==, "table");
}

/* What the mode buttons and a click on a kind's row do. */
static void
choose_kind (Fixture *fixture,
             int      kind)
{
  GtkListBox *kinds = _kp_standards_view_get_kind_list (fixture->view);
  GtkListBoxRow *row;

  gtk_stack_set_visible_child_name (_kp_standards_view_get_mode_stack (fixture->view), "kinds");
  ui_test_settle ();
  row = gtk_list_box_get_row_at_index (kinds, kind);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   kp_position_kind_to_string (kind));
  gtk_widget_activate (GTK_WIDGET (row));
  ui_test_settle ();
  g_assert_cmpint (_kp_standards_view_get_shown_kind (fixture->view), ==, kind);
  g_assert_cmpstr (gtk_label_get_label (_kp_standards_view_get_title_label (fixture->view)), ==,
                   kp_position_kind_to_string (kind));
}

static void
choose_positions_mode (Fixture *fixture)
{
  gtk_stack_set_visible_child_name (_kp_standards_view_get_mode_stack (fixture->view), "positions");
  ui_test_settle ();
}

/* What picking a level in a row's selector does (0 is "—"). */
static void
pick_level (Fixture    *fixture,
            const char *code,
            guint       level)
{
  GtkDropDown *selector = _kp_standards_view_get_level_selector (fixture->view, competency_id (fixture, code));

  g_assert_nonnull (selector);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (selector)));
  gtk_drop_down_set_selected (selector, level);
  ui_test_settle ();
}

static guint
shown_level (Fixture    *fixture,
             const char *code)
{
  GtkDropDown *selector = _kp_standards_view_get_level_selector (fixture->view, competency_id (fixture, code));

  g_assert_nonnull (selector);
  return gtk_drop_down_get_selected (selector);
}

static gboolean
shown_dimmed (Fixture    *fixture,
              const char *code)
{
  GtkDropDown *selector = _kp_standards_view_get_level_selector (fixture->view, competency_id (fixture, code));

  return gtk_widget_has_css_class (GTK_WIDGET (selector), "dim-label");
}

static const char *
shown_subtitle (Fixture    *fixture,
                const char *code)
{
  AdwActionRow *row = _kp_standards_view_get_row (fixture->view, competency_id (fixture, code));

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (row);
}

/* The level the model gives @position_id for @code, and whether it is the kind's default;
 * 0 when none. */
static int
stored_level (Fixture    *fixture,
              gint64      position_id,
              const char *code,
              gboolean   *from_kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) standards = kp_standards_for_position (fixture->database, position_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < standards->len; i++)
    {
      KpStandard *standard = g_ptr_array_index (standards, i);

      if (g_str_equal (standard->code, code))
        {
          if (from_kind != NULL)
            *from_kind = standard->from_kind;
          return standard->level;
        }
    }

  return 0;
}

static void
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  ui_test_wait_for_toast (GTK_WIDGET (fixture->view), text);
}

static AdwMessageDialog *
get_dialog (Fixture *fixture)
{
  return ui_test_check_dialog (_kp_standards_view_get_dialog (fixture->view), fixture->window);
}

static void
respond (Fixture    *fixture,
         const char *response)
{
  ui_test_respond (get_dialog (fixture), response);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  ui_test_activate (GTK_WIDGET (fixture->view), action);
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* ---- the tests --------------------------------------------------------------------------- */

static void
test_positions_list (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *all = list_text (fixture);

  /* Grouped by unit (by name), each position with its kind; nothing chosen yet. */
  g_assert_cmpstr (all, ==,
                   "[Badan Kepegawaian] | Analis SDM Aparatur (Fungsional Ahli Pertama) | "
                   "Kepala Bidang Mutasi (Administrator) | [Dinas Kesehatan] | "
                   "Kepala Bidang Pelayanan (Administrator) | Kepala Seksi Farmasi (Pengawas)");
  g_assert_cmpstr (_kp_standards_view_get_detail_page (fixture->view), ==, "none");

  /* A unit's name, whatever the case and accents, finds its positions. */
  search (fixture, "KÉSEHATAN",
          "[Dinas Kesehatan] | Kepala Bidang Pelayanan (Administrator) | "
          "Kepala Seksi Farmasi (Pengawas)");
  /* A title too. */
  search (fixture, "farmasi", "[Dinas Kesehatan] | Kepala Seksi Farmasi (Pengawas)");
  choose_position (fixture, fixture->kepala_seksi);

  search (fixture, "inspektorat", "");
  g_assert_cmpstr (_kp_standards_view_get_positions_page (fixture->view), ==, "no-results");
  /* The chosen position stays on the right. */
  g_assert_cmpint (_kp_standards_view_get_shown_position (fixture->view), ==, fixture->kepala_seksi);

  search (fixture, "", all);
  g_assert_cmpstr (_kp_standards_view_get_positions_page (fixture->view), ==, "list");
  g_assert_true (gtk_single_selection_get_selected_item (_kp_standards_view_get_position_selection (fixture->view)) != NULL);
}

static void
test_set_and_reset (Fixture       *fixture,
                    gconstpointer  data)
{
  guint events;
  gboolean from_kind = FALSE;
  GtkButton *reset;

  choose_position (fixture, fixture->kepala_bidang);
  g_assert_cmpstr (gtk_label_get_label (_kp_standards_view_get_title_label (fixture->view)), ==,
                   "Kepala Bidang Pelayanan");

  /* The kind's default, dimmed, with where it comes from; a technical competency has none. */
  g_assert_cmpuint (shown_level (fixture, "M.01"), ==, 3);
  g_assert_true (shown_dimmed (fixture, "M.01"));
  g_assert_cmpstr (shown_subtitle (fixture, "M.01"), ==, "Default of Administrator");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_kp_standards_view_get_reset_button (fixture->view,
                                                                                           competency_id (fixture, "M.01")))));

  /* A level of its own: in the database with one audit event, shown at once. */
  events = ui_test_n_audit_events (fixture->database);
  pick_level (fixture, "M.01", 4);
  g_assert_cmpint (stored_level (fixture, fixture->kepala_bidang, "M.01", &from_kind), ==, 4);
  g_assert_false (from_kind);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);
  g_assert_cmpuint (shown_level (fixture, "M.01"), ==, 4);
  g_assert_false (shown_dimmed (fixture, "M.01"));
  g_assert_cmpstr (shown_subtitle (fixture, "M.01"), ==, "Own level · default of Administrator: 3");
  /* The other positions of the kind keep the default. */
  g_assert_cmpint (stored_level (fixture, fixture->kepala_mutasi, "M.01", &from_kind), ==, 3);
  g_assert_true (from_kind);

  /* Reset: the default applies again, one more event. */
  reset = _kp_standards_view_get_reset_button (fixture->view, competency_id (fixture, "M.01"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reset)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (reset)), ==, "Reset to the Default of Administrator");
  g_signal_emit_by_name (reset, "clicked");
  ui_test_settle ();
  g_assert_cmpint (stored_level (fixture, fixture->kepala_bidang, "M.01", &from_kind), ==, 3);
  g_assert_true (from_kind);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 2);
  g_assert_true (shown_dimmed (fixture, "M.01"));
  g_assert_cmpstr (shown_subtitle (fixture, "M.01"), ==, "Default of Administrator");

  /* A level where the kind has none; "—" removes it. */
  g_assert_cmpuint (shown_level (fixture, "M.02"), ==, 3);
  choose_position (fixture, fixture->analis);
  g_assert_cmpuint (shown_level (fixture, "M.02"), ==, 1);
  choose_position (fixture, fixture->kepala_seksi);
  pick_level (fixture, "SK.01", 5);
  g_assert_cmpint (stored_level (fixture, fixture->kepala_seksi, "SK.01", NULL), ==, 5);
  pick_level (fixture, "SK.01", 0);
  g_assert_cmpint (stored_level (fixture, fixture->kepala_seksi, "SK.01", &from_kind), ==, 2);
  g_assert_true (from_kind);
  g_assert_cmpuint (shown_level (fixture, "SK.01"), ==, 2);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 4);
}

static void
test_kind_default (Fixture       *fixture,
                   gconstpointer  data)
{
  guint events = ui_test_n_audit_events (fixture->database);
  gint64 m01 = competency_id (fixture, "M.01");
  gboolean from_kind = FALSE;

  choose_kind (fixture, KP_POSITION_KIND_PENGAWAS);
  g_assert_cmpuint (shown_level (fixture, "M.01"), ==, 2);
  g_assert_false (shown_dimmed (fixture, "M.01"));

  pick_level (fixture, "M.01", 3);
  g_assert_cmpint (kp_kind_standard_get (fixture->database, KP_POSITION_KIND_PENGAWAS, m01), ==, 3);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);
  g_assert_cmpuint (shown_level (fixture, "M.01"), ==, 3);

  /* A position of the kind follows; one of another kind does not. */
  g_assert_cmpint (stored_level (fixture, fixture->kepala_seksi, "M.01", &from_kind), ==, 3);
  g_assert_true (from_kind);
  g_assert_cmpint (stored_level (fixture, fixture->kepala_bidang, "M.01", NULL), ==, 3);

  /* The same position shows it under its kind's name. */
  choose_positions_mode (fixture);
  choose_position (fixture, fixture->kepala_seksi);
  g_assert_cmpuint (shown_level (fixture, "M.01"), ==, 3);
  g_assert_cmpstr (shown_subtitle (fixture, "M.01"), ==, "Default of Pengawas");

  /* A kind with no default: "Not required by default" until one is set. */
  choose_kind (fixture, KP_POSITION_KIND_TERAMPIL);
  g_assert_cmpuint (shown_level (fixture, "M.01"), ==, 0);
  g_assert_cmpstr (shown_subtitle (fixture, "M.01"), ==, "Not required by default");
  /* No positions of that kind: nothing to apply to. */
  g_assert_false (gtk_widget_is_sensitive (ui_test_find_widget (GTK_WIDGET (fixture->view),
                                                                ui_test_is_label_with_text,
                                                                "Apply to All Positions of This Kind…")));
}

static void
test_apply_kind (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint events;
  gboolean from_kind = TRUE;

  /* One position has its own level, which the apply overwrites. */
  choose_position (fixture, fixture->kepala_mutasi);
  pick_level (fixture, "M.03", 5);

  choose_kind (fixture, KP_POSITION_KIND_ADMINISTRATOR);
  pick_level (fixture, "SK.01", 4);
  events = ui_test_n_audit_events (fixture->database);

  /* Cancel changes nothing. */
  activate (fixture, "standards.apply-kind");
  dialog = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Apply the Defaults of Administrator?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "2 positions of kind Administrator"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "apply"), ==, "_Overwrite 2 Positions");
  respond (fixture, "cancel");
  g_assert_null (_kp_standards_view_get_dialog (fixture->view));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events);
  g_assert_true (stored_level (fixture, fixture->kepala_bidang, "SK.01", &from_kind) == 4 && from_kind);

  activate (fixture, "standards.apply-kind");
  respond (fixture, "apply");
  wait_for_toast (fixture, "Applied to 2 positions");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);

  /* Both positions of the kind have the levels as their own; the others do not. */
  g_assert_cmpint (stored_level (fixture, fixture->kepala_bidang, "SK.01", &from_kind), ==, 4);
  g_assert_false (from_kind);
  g_assert_cmpint (stored_level (fixture, fixture->kepala_mutasi, "SK.01", &from_kind), ==, 4);
  g_assert_false (from_kind);
  g_assert_cmpint (stored_level (fixture, fixture->kepala_mutasi, "M.03", &from_kind), ==, 3);
  g_assert_false (from_kind);
  g_assert_cmpint (stored_level (fixture, fixture->kepala_seksi, "SK.01", &from_kind), ==, 2);
  g_assert_true (from_kind);

  choose_positions_mode (fixture);
  choose_position (fixture, fixture->kepala_mutasi);
  g_assert_cmpuint (shown_level (fixture, "M.03"), ==, 3);
  g_assert_false (shown_dimmed (fixture, "M.03"));
}

static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_file ("standar.csv",
                                      "unit_kerja,jabatan,kode_kompetensi,level\n"
                                      "dinas kesehatan,Kepala Seksi Farmasi,M.01,4\n"
                                      "Dinas Pariwisata,Kepala Seksi Wisata,M.01,3\n"
                                      "Dinas Kesehatan,Kepala Bidang Pelayanan,M.02,7\n"
                                      "Dinas Kesehatan,Kepala Bidang Pelayanan,X.99,2\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint events = ui_test_n_audit_events (fixture->database);
  gboolean from_kind = TRUE;
  GtkListBox *problems;
  static const char *const expected[][2] = {
    { "There is no unit “Dinas Pariwisata” in the register", "Line 3 · unit_kerja · “Dinas Pariwisata”" },
    { "The level must be a whole number from 1 to 5", "Line 4 · level · “7”" },
    { "There is no competency with the code “X.99” in the dictionary", "Line 5 · kode_kompetensi · “X.99”" },
  };

  choose_position (fixture, fixture->kepala_seksi);
  _kp_standards_view_import_file (fixture->view, file);
  ui_test_settle ();

  /* The good row is in and shown, with one audit event for the file. */
  g_assert_cmpint (stored_level (fixture, fixture->kepala_seksi, "M.01", &from_kind), ==, 4);
  g_assert_false (from_kind);
  g_assert_cmpuint (shown_level (fixture, "M.01"), ==, 4);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);
  /* The refused ones wrote nothing. */
  g_assert_cmpint (stored_level (fixture, fixture->kepala_bidang, "M.02", &from_kind), ==, 3);
  g_assert_true (from_kind);

  g_assert_cmpstr (adw_message_dialog_get_heading (get_dialog (fixture)), ==, "Some Rows Were Refused");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (get_dialog (fixture)),
                                   "4 rows read: 1 new, 3 refused. The other rows "));
  problems = _kp_standards_view_get_dialog_problems (fixture->view);
  g_assert_nonnull (problems);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (problems, (int) i);

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected[i][0]);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected[i][1]);
    }
  g_assert_null (gtk_list_box_get_row_at_index (problems, G_N_ELEMENTS (expected)));
  respond (fixture, "close");
}

static void
test_export_reimports (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (g_get_user_data_dir (), "position-standards.csv", NULL);
  g_autofree char *xlsx = g_build_filename (g_get_user_data_dir (), "position-standards.xlsx", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "no such folder", "x.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint events;

  choose_position (fixture, fixture->kepala_seksi);
  pick_level (fixture, "M.01", 4);
  pick_level (fixture, "M.05", 1);
  choose_position (fixture, fixture->analis);
  pick_level (fixture, "SK.01", 2);

  g_assert_true (_kp_standards_view_export_file (fixture->view, csv_file, FALSE));
  wait_for_toast (fixture, "Standards exported to “position-standards.csv”");
  g_file_get_contents (csv, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "Kepala Seksi Farmasi"));
  g_assert_nonnull (strstr (contents, "M.05"));

  /* Importing it again changes nothing: no event, every row unchanged. */
  events = ui_test_n_audit_events (fixture->database);
  _kp_standards_view_import_file (fixture->view, csv_file);
  ui_test_settle ();
  g_assert_null (_kp_standards_view_get_dialog (fixture->view));
  wait_for_toast (fixture, "3 rows read: 3 unchanged.");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events);
  g_assert_cmpint (stored_level (fixture, fixture->kepala_seksi, "M.05", NULL), ==, 1);

  g_assert_true (_kp_standards_view_export_file (fixture->view, xlsx_file, TRUE));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  /* A folder that does not exist: said in a dialog, in the model's words. */
  g_assert_false (_kp_standards_view_export_file (fixture->view, bad_file, FALSE));
  g_assert_cmpstr (adw_message_dialog_get_heading (get_dialog (fixture)), ==, "Cannot Export the Standards");
  respond (fixture, "close");
}

static void
test_follows_register (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  choose_position (fixture, fixture->analis);
  g_assert_true (kp_register_delete_position (fixture->database, fixture->analis, &error));
  g_assert_no_error (error);
  ui_test_settle ();

  text = list_text (fixture);
  g_assert_null (strstr (text, "Analis"));
  g_assert_cmpstr (_kp_standards_view_get_detail_page (fixture->view), ==, "none");
  g_assert_cmpint (_kp_standards_view_get_shown_position (fixture->view), ==, 0);
}

/* Another workstation deleted the position: the change is refused in the model's words, in a
 * toast, and nothing is written. */
static void
test_refused_change (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KpDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint events;

  choose_position (fixture, fixture->analis);
  other = kp_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kp_register_delete_position (other, fixture->analis, &error));
  g_assert_no_error (error);
  events = ui_test_n_audit_events (fixture->database);

  pick_level (fixture, "M.01", 4);
  message = g_strdup_printf ("There is no position with number %" G_GINT64_FORMAT, fixture->analis);
  wait_for_toast (fixture, message);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events);
  /* The selector shows what it showed before, the default of Fungsional Ahli Pertama. */
  g_assert_cmpuint (shown_level (fixture, "M.01"), ==, 1);
  g_assert_true (shown_dimmed (fixture, "M.01"));
}

/* Ctrl+F from the window: the positions' search, whichever mode was shown. */
static void
test_focus_search (Fixture       *fixture,
                   gconstpointer  data)
{
  choose_kind (fixture, KP_POSITION_KIND_PELAKSANA);
  kp_standards_view_focus_search (fixture->view);
  ui_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (_kp_standards_view_get_mode_stack (fixture->view)), ==,
                   "positions");
  g_assert_true (ui_test_focus_is_in (GTK_WIDGET (_kp_standards_view_get_search_entry (fixture->view))));
}

/* No positions: the right pane says where they come from; the kinds can be set already. */
static void
test_empty_register (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_cmpstr (_kp_standards_view_get_positions_page (fixture->view), ==, "empty");
  g_assert_cmpstr (_kp_standards_view_get_detail_page (fixture->view), ==, "empty");
  g_assert_true (ui_test_find_widget (GTK_WIDGET (fixture->view), ui_test_is_label_with_text,
                                      "No Positions in the Register") != NULL);

  activate (fixture, "standards.show-kinds");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (_kp_standards_view_get_mode_stack (fixture->view)), ==, "kinds");
  g_assert_cmpint (_kp_standards_view_get_shown_kind (fixture->view), ==, KP_POSITION_KIND_JPT_UTAMA);
  g_assert_cmpstr (_kp_standards_view_get_detail_page (fixture->view), ==, "table");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/standards-view/positions-list", Fixture, NULL,
              fixture_set_up, test_positions_list, fixture_tear_down);
  g_test_add ("/ui/standards-view/set-and-reset", Fixture, NULL,
              fixture_set_up, test_set_and_reset, fixture_tear_down);
  g_test_add ("/ui/standards-view/kind-default", Fixture, NULL,
              fixture_set_up, test_kind_default, fixture_tear_down);
  g_test_add ("/ui/standards-view/apply-kind", Fixture, NULL,
              fixture_set_up, test_apply_kind, fixture_tear_down);
  g_test_add ("/ui/standards-view/import-refused", Fixture, NULL,
              fixture_set_up, test_import_refused, fixture_tear_down);
  g_test_add ("/ui/standards-view/export-reimports", Fixture, NULL,
              fixture_set_up, test_export_reimports, fixture_tear_down);
  g_test_add ("/ui/standards-view/follows-register", Fixture, NULL,
              fixture_set_up, test_follows_register, fixture_tear_down);
  g_test_add ("/ui/standards-view/refused-change", Fixture, NULL,
              fixture_set_up, test_refused_change, fixture_tear_down);
  g_test_add ("/ui/standards-view/focus-search", Fixture, NULL,
              fixture_set_up, test_focus_search, fixture_tear_down);
  g_test_add ("/ui/standards-view/empty-register", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_empty_register, fixture_tear_down);

  return g_test_run ();
}
