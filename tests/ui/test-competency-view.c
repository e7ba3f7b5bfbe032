/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-competency-view.c: the Competencies area over a real new database, which comes seeded
 * with the dictionary of PermenPAN-RB 38/2017 (M.01–M.08, SK.01): the list grouped by type, the
 * chosen competency with its levels and numbered indicators, the search, every change made
 * through the dialogs (each one in the database with one audit event), refusals, and the
 * dictionary import with its rejected rows. */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "kp-competency-view-private.h"

#include "ui-test-util.h"

typedef struct {
  KpDatabase *database;
  GtkWindow *window;
  KpCompetencyView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->database = ui_test_new_database (NULL);

  fixture->view = KP_COMPETENCY_VIEW (kp_competency_view_new ());
  kp_competency_view_set_database (fixture->view, fixture->database);
  g_assert_true (kp_competency_view_get_database (fixture->view) == fixture->database);

  fixture->window = ui_test_show_in_window (GTK_WIDGET (fixture->view), 1100, 760);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* No test may leave a dialog behind unexpectedly. */
  g_assert_null (_kp_competency_view_get_dialog (fixture->view));

  ui_test_destroy_window (fixture->window, fixture->window);

  g_clear_object (&fixture->database);
}

/* ---- reading what the user sees ---------------------------------------------------------- */

static const char *
row_title (GtkListBoxRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
row_subtitle (GtkListBoxRow *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The list as the user reads it: each heading, then its rows, one a line:
 * "Managerial: M.01 Integritas | M.02 Kerjasama\nSocio-cultural: …". */
static char *
list_text (Fixture *fixture)
{
  GtkListBox *list = _kp_competency_view_get_list (fixture->view);
  GString *text = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *header = gtk_list_box_row_get_header (row);

      if (!gtk_widget_get_child_visible (GTK_WIDGET (row)))
        continue;
      if (header != NULL)
        g_string_append_printf (text, "%s%s: ", text->len > 0 ? "\n" : "",
                                gtk_label_get_text (GTK_LABEL (header)));
      else
        g_string_append (text, " | ");
      g_string_append (text, row_title (row));
    }

  return g_string_free (text, FALSE);
}

static guint
count_rows (Fixture *fixture)
{
  GtkListBox *list = _kp_competency_view_get_list (fixture->view);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static GtkListBoxRow *
find_row (Fixture    *fixture,
          const char *code)
{
  GtkListBox *list = _kp_competency_view_get_list (fixture->view);
  g_autofree char *prefix = g_strconcat (code, " ", NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_str_has_prefix (row_title (row), prefix))
      return row;

  return NULL;
}

static const char *
selected_title (Fixture *fixture)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (_kp_competency_view_get_list (fixture->view));

  return row != NULL ? row_title (row) : NULL;
}

static gboolean
competency_has_code (gpointer      competency,
                     gconstpointer code)
{
  return g_strcmp0 (kp_competency_get_code (competency), code) == 0;
}

static KpCompetency *
find_competency (Fixture    *fixture,
                 const char *code)
{
  return ui_test_find_item (kp_database_get_competencies (fixture->database),
                            competency_has_code, code);
}

static gint64
find_id (Fixture    *fixture,
         const char *code)
{
  g_autoptr(KpCompetency) competency = find_competency (fixture, code);

  return competency != NULL ? kp_competency_get_id (competency) : 0;
}

/* What a click on the row (or Enter on it) does. */
static void
choose (Fixture    *fixture,
        const char *code)
{
  GtkListBoxRow *row = find_row (fixture, code);

  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  ui_test_settle ();
  g_assert_cmpint (_kp_competency_view_get_shown_id (fixture->view), ==, find_id (fixture, code));
}

static gboolean
detail_shows (Fixture    *fixture,
              const char *text)
{
  return ui_test_shows_text (_kp_competency_view_get_detail (fixture->view), text);
}

/* The texts a level's card shows, in order, joined by '|'. */
static char *
card_text (Fixture *fixture,
           int      level)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  ui_test_collect_texts (_kp_competency_view_get_level_card (fixture->view, level), TRUE, texts);
  g_ptr_array_add (texts, NULL);
  return g_strjoinv ("|", (char **) texts->pdata);
}

/* The card as it should read: heading, button, description, then "1.|first|2.|second…". */
static char *
expected_card_text (int         level,
                    const char *description,
                    const char *indicators)
{
  g_auto(GStrv) lines = g_strsplit (indicators, "\n", -1);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "Level %d|Edit Level…", level);
  if (description[0] != '\0')
    g_string_append_printf (text, "|%s", description);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_string_append_printf (text, "|%u.|%s", i + 1, lines[i]);

  return g_string_free (text, FALSE);
}

static GPtrArray *
get_levels (Fixture *fixture,
            gint64   competency_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *levels = kp_competency_get_levels (fixture->database, competency_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (levels->len, ==, 5);
  return levels;
}

static gboolean
has_n_rows (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return count_rows (fixture) == n && !g_main_context_pending (NULL);
}

/* Types into the search entry and waits out its delay. */
static void
search (Fixture    *fixture,
        const char *text,
        guint       n_expected)
{
  gpointer data[2] = { fixture, GUINT_TO_POINTER (n_expected) };

  gtk_editable_set_text (GTK_EDITABLE (_kp_competency_view_get_search_entry (fixture->view)), text);
  ui_test_wait_until (has_n_rows, data, 5);
  ui_test_settle ();
  g_assert_cmpuint (count_rows (fixture), ==, n_expected);
}

static void
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  ui_test_wait_for_toast (GTK_WIDGET (fixture->view), text);
}

/* ---- driving the dialogs ----------------------------------------------------------------- */

static AdwMessageDialog *
get_dialog (Fixture *fixture)
{
  return ui_test_check_dialog (_kp_competency_view_get_dialog (fixture->view), fixture->window);
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->view)));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->view), action, parameter));
  ui_test_settle ();
}

static void
respond (Fixture    *fixture,
         const char *response)
{
  ui_test_respond (get_dialog (fixture), response);
}

static gboolean
response_enabled (Fixture    *fixture,
                  const char *response)
{
  return adw_message_dialog_get_response_enabled (get_dialog (fixture), response);
}

static void
type_into (GtkEditable *editable,
           const char  *text)
{
  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
  ui_test_settle ();
}

static void
type_into_buffer (GtkTextBuffer *buffer,
                  const char    *text)
{
  g_assert_nonnull (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  ui_test_settle ();
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
dropdown_choice (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static gint64
add_directly (Fixture    *fixture,
              const char *code,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_competency_save (fixture->database, 0, code, name, KP_COMPETENCY_TECHNICAL, "",
                                  &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  ui_test_settle ();
  return id;
}

/* ---- the dictionary as seeded ------------------------------------------------------------ */

static void
test_seeded (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = list_text (fixture);

  /* The nine competencies of the regulation, under their types, in code order. */
  g_assert_cmpstr (text, ==,
                   "Managerial: M.01 Integritas | M.02 Kerjasama | M.03 Komunikasi | "
                   "M.04 Orientasi pada Hasil | M.05 Pelayanan Publik | "
                   "M.06 Pengembangan Diri dan Orang Lain | M.07 Mengelola Perubahan | "
                   "M.08 Pengambilan Keputusan\n"
                   "Socio-cultural: SK.01 Perekat Bangsa");
  g_assert_cmpstr (row_subtitle (find_row (fixture, "M.01")), ==, "5 levels");
  g_assert_cmpstr (row_subtitle (find_row (fixture, "SK.01")), ==, "5 levels");
  g_assert_cmpstr (_kp_competency_view_get_list_page (fixture->view), ==, "list");

  /* It opens on the first, not on an empty pane. */
  g_assert_cmpstr (selected_title (fixture), ==, "M.01 Integritas");
  g_assert_cmpstr (_kp_competency_view_get_detail_page (fixture->view), ==, "detail");
  g_assert_cmpint (_kp_competency_view_get_shown_id (fixture->view), ==, find_id (fixture, "M.01"));

  /* No technical competencies yet: the list says how they get there. */
  g_assert_true (ui_test_find_widget (GTK_WIDGET (fixture->view), ui_test_is_label_with_text,
                                      "No technical competencies yet. Add them with the + button "
                                      "or import a dictionary file (CSV).") != NULL);
}

static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KpCompetency) integritas = find_competency (fixture, "M.01");
  gint64 id = kp_competency_get_id (integritas);
  g_autoptr(GPtrArray) levels = get_levels (fixture, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = kp_competency_get_dictionary_note (fixture->database, id, &error);

  g_assert_no_error (error);

  /* From another competency to M.01, as a click does. */
  choose (fixture, "M.02");
  g_assert_true (detail_shows (fixture, "Kerjasama"));
  g_assert_false (detail_shows (fixture, "Integritas"));
  choose (fixture, "M.01");
  g_assert_cmpstr (selected_title (fixture), ==, "M.01 Integritas");

  g_assert_true (detail_shows (fixture, "M.01 · Managerial"));
  g_assert_true (detail_shows (fixture, "Integritas"));
  g_assert_true (g_str_has_prefix (kp_competency_get_definition (integritas), "Konsisten berperilaku"));
  g_assert_true (detail_shows (fixture, kp_competency_get_definition (integritas)));

  /* Where the texts come from, and how far to trust them. */
  g_assert_true (detail_shows (fixture, "Source: PermenPAN-RB 38/2017"));
  g_assert_true (strstr (note, "PermenPAN-RB Nomor 38 Tahun 2017") != NULL);
  g_assert_true (detail_shows (fixture, note));

  /* Five cards, each with its description and its indicators numbered 1., 2., … */
  for (int level = 1; level <= 5; level++)
    {
      KpCompetencyLevel *texts = g_ptr_array_index (levels, level - 1);
      g_autofree char *shown = card_text (fixture, level);
      g_autofree char *expected = expected_card_text (level, texts->description, texts->indicators);

      g_test_message ("level %d", level);
      g_assert_cmpstr (texts->description, !=, "");
      g_assert_nonnull (strchr (texts->indicators, '\n'));
      g_assert_cmpstr (shown, ==, expected);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_kp_competency_view_get_level_missing_label (fixture->view, level))));
    }
  {
    g_autofree char *first = card_text (fixture, 1);

    g_assert_true (strstr (first, "|1.|Bertingkah laku sesuai dengan perkataan; berkata sesuai "
                                  "dengan fakta;|2.|Melaksanakan peraturan") != NULL);
  }
}

/* A dictionary competency whose level has no text says it was not found, not made up. */
static void
test_missing_dictionary_text (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 id = find_id (fixture, "M.03");
  g_autoptr(GError) error = NULL;
  GtkLabel *missing = _kp_competency_view_get_level_missing_label (fixture->view, 3);
  g_autofree char *text = NULL;

  g_assert_true (kp_competency_set_level (fixture->database, id, 3, "", "", &error));
  g_assert_no_error (error);
  ui_test_settle ();

  g_assert_cmpstr (row_subtitle (find_row (fixture, "M.03")), ==, "4 of 5 levels");
  choose (fixture, "M.03");
  text = card_text (fixture, 3);
  g_assert_cmpstr (text, ==,
                   "Level 3|Edit Level…|The text of this level is not in the dictionary yet: it "
                   "was not found in a public copy of the regulation. Add it from the official "
                   "text.");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (missing)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_kp_competency_view_get_level_missing_label (fixture->view, 2))));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = NULL;
  gint64 integritas = find_id (fixture, "M.01");

  /* By a part of the name, in any case. */
  search (fixture, "kerja", 1);
  text = list_text (fixture);
  g_assert_cmpstr (text, ==, "Managerial: M.02 Kerjasama");
  g_clear_pointer (&text, g_free);
  search (fixture, "KERJASAMA", 1);

  /* The competency being read stays on the right while the search hides its row. */
  g_assert_cmpint (_kp_competency_view_get_shown_id (fixture->view), ==, integritas);
  g_assert_null (selected_title (fixture));
  g_assert_true (detail_shows (fixture, "Integritas"));

  /* Enter takes the first match, and the keyboard to the list. */
  g_signal_emit_by_name (_kp_competency_view_get_search_entry (fixture->view), "activate");
  ui_test_settle ();
  g_assert_cmpstr (selected_title (fixture), ==, "M.02 Kerjasama");
  g_assert_cmpint (_kp_competency_view_get_shown_id (fixture->view), ==, find_id (fixture, "M.02"));
  g_assert_true (ui_test_focus_is_in (GTK_WIDGET (find_row (fixture, "M.02"))));
  /* Back to the search, as Ctrl+F or a click there does. */
  kp_competency_view_focus_search (fixture->view);
  g_assert_true (ui_test_focus_is_in (GTK_WIDGET (_kp_competency_view_get_search_entry (fixture->view))));

  /* By code. */
  search (fixture, "sk.0", 1);
  text = list_text (fixture);
  g_assert_cmpstr (text, ==, "Socio-cultural: SK.01 Perekat Bangsa");
  g_clear_pointer (&text, g_free);
  search (fixture, "m.0", 8);

  /* Nothing found: said so. */
  search (fixture, "keperawatan", 0);
  g_assert_cmpstr (_kp_competency_view_get_list_page (fixture->view), ==, "no-results");

  /* Cleared: the whole dictionary, and the row of the competency shown selected again. */
  search (fixture, "", 9);
  g_assert_cmpstr (_kp_competency_view_get_list_page (fixture->view), ==, "list");
  g_assert_cmpstr (selected_title (fixture), ==, "M.02 Kerjasama");
}

/* ---- changes through the dialogs --------------------------------------------------------- */

static void
test_add_technical (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *competencies = kp_database_get_competencies (fixture->database);
  guint events = ui_test_n_audit_events (fixture->database);
  g_autoptr(KpCompetency) added = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  GtkListBoxRow *row;

  activate (fixture, "competency.add", NULL);
  dialog = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add Competency");
  /* The window adds the office's own, technical competencies. */
  g_assert_cmpstr (dropdown_choice (_kp_competency_view_get_dialog_type (fixture->view)), ==, "Technical");

  /* Add stays disabled until code and name are given. */
  g_assert_false (response_enabled (fixture, "add"));
  type_into (_kp_competency_view_get_dialog_code (fixture->view), " T.TI.01 ");
  g_assert_false (response_enabled (fixture, "add"));
  type_into (_kp_competency_view_get_dialog_name (fixture->view), "Pengelolaan Jaringan");
  g_assert_true (response_enabled (fixture, "add"));
  type_into (_kp_competency_view_get_dialog_name (fixture->view), "   ");
  g_assert_false (response_enabled (fixture, "add"));
  type_into (_kp_competency_view_get_dialog_name (fixture->view), "Pengelolaan Jaringan");
  type_into_buffer (_kp_competency_view_get_dialog_definition (fixture->view),
                    "Kemampuan merancang dan memelihara jaringan komputer kantor");
  respond (fixture, "add");

  /* In the database, with one audit event. */
  g_assert_null (_kp_competency_view_get_dialog (fixture->view));
  g_assert_cmpuint (g_list_model_get_n_items (competencies), ==, 10);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);
  added = find_competency (fixture, "T.TI.01");
  g_assert_nonnull (added);
  g_assert_cmpstr (kp_competency_get_name (added), ==, "Pengelolaan Jaringan");
  g_assert_cmpint (kp_competency_get_competency_type (added), ==, KP_COMPETENCY_TECHNICAL);
  g_assert_cmpstr (kp_competency_get_definition (added), ==,
                   "Kemampuan merancang dan memelihara jaringan komputer kantor");

  /* Under its own heading, chosen, with no level texts yet. */
  text = list_text (fixture);
  g_assert_true (g_str_has_suffix (text, "\nTechnical: T.TI.01 Pengelolaan Jaringan"));
  row = find_row (fixture, "T.TI.01");
  g_assert_cmpstr (row_subtitle (row), ==, "No level texts yet");
  g_assert_cmpstr (selected_title (fixture), ==, "T.TI.01 Pengelolaan Jaringan");
  g_assert_cmpint (_kp_competency_view_get_shown_id (fixture->view), ==, kp_competency_get_id (added));
  g_assert_true (detail_shows (fixture, "T.TI.01 · Technical"));
  g_assert_true (detail_shows (fixture, "Not from a published dictionary: added in Kompeten or "
                                        "imported from a file."));
  g_assert_false (detail_shows (fixture, "Source: PermenPAN-RB 38/2017"));
  g_assert_false (ui_test_find_widget (GTK_WIDGET (fixture->view), ui_test_is_label_with_text,
                                       "No technical competencies yet. Add them with the + button "
                                       "or import a dictionary file (CSV).") != NULL);

  /* Its empty levels say what to do (not that the regulation lacks them: it is the office's). */
  for (int level = 1; level <= 5; level++)
    {
      g_autofree char *card = card_text (fixture, level);
      g_autofree char *expected = g_strdup_printf ("Level %d|Edit Level…|This level has no text "
                                                   "yet. Add its description and behaviour "
                                                   "indicators with Edit Level.",
                                                   level);

      g_assert_cmpstr (card, ==, expected);
    }
}

static void
test_edit_level (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 id = add_directly (fixture, "T.KES.01", "Pelayanan Keperawatan");
  guint events = ui_test_n_audit_events (fixture->database);
  g_autoptr(GPtrArray) levels = NULL;
  KpCompetencyLevel *two;
  g_autofree char *card = NULL;
  AdwMessageDialog *dialog;

  choose (fixture, "T.KES.01");
  activate (fixture, "competency.edit-level", g_variant_new_int32 (2));
  dialog = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Edit Level 2");

  /* Nothing changed yet: nothing to save. */
  g_assert_false (response_enabled (fixture, "save"));
  type_into_buffer (_kp_competency_view_get_dialog_description (fixture->view),
                    "Menerapkan prosedur keperawatan secara mandiri");
  g_assert_true (response_enabled (fixture, "save"));
  type_into_buffer (_kp_competency_view_get_dialog_indicators (fixture->view),
                    "Menerapkan tanpa pengawasan\n\nMembimbing rekan baru\n");
  respond (fixture, "save");
  g_assert_null (_kp_competency_view_get_dialog (fixture->view));

  /* Stored, one indicator a line, with one audit event. */
  levels = get_levels (fixture, id);
  two = g_ptr_array_index (levels, 1);
  g_assert_cmpstr (two->description, ==, "Menerapkan prosedur keperawatan secara mandiri");
  g_assert_cmpstr (two->indicators, ==, "Menerapkan tanpa pengawasan\nMembimbing rekan baru");
  g_assert_cmpstr (((KpCompetencyLevel *) g_ptr_array_index (levels, 0))->description, ==, "");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);

  /* Shown at once, numbered; the list counts it; the same competency stays chosen. */
  card = card_text (fixture, 2);
  g_assert_cmpstr (card, ==,
                   "Level 2|Edit Level…|Menerapkan prosedur keperawatan secara mandiri|"
                   "1.|Menerapkan tanpa pengawasan|2.|Membimbing rekan baru");
  g_assert_cmpstr (row_subtitle (find_row (fixture, "T.KES.01")), ==, "1 of 5 levels");
  g_assert_cmpstr (selected_title (fixture), ==, "T.KES.01 Pelayanan Keperawatan");

  /* The form opens with what is stored; saving it unchanged is not offered. */
  activate (fixture, "competency.edit-level", g_variant_new_int32 (2));
  {
    g_autofree char *description = buffer_text (_kp_competency_view_get_dialog_description (fixture->view));
    g_autofree char *indicators = buffer_text (_kp_competency_view_get_dialog_indicators (fixture->view));

    g_assert_cmpstr (description, ==, "Menerapkan prosedur keperawatan secara mandiri");
    g_assert_cmpstr (indicators, ==, "Menerapkan tanpa pengawasan\nMembimbing rekan baru");
  }
  g_assert_false (response_enabled (fixture, "save"));
  respond (fixture, "cancel");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 id = find_id (fixture, "M.02");
  guint events = ui_test_n_audit_events (fixture->database);
  g_autoptr(KpCompetency) changed = NULL;
  g_autofree char *definition = NULL;

  choose (fixture, "M.02");
  activate (fixture, "competency.edit", NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (get_dialog (fixture)), ==, "Edit Competency");
  g_assert_cmpstr (gtk_editable_get_text (_kp_competency_view_get_dialog_code (fixture->view)), ==, "M.02");
  g_assert_cmpstr (gtk_editable_get_text (_kp_competency_view_get_dialog_name (fixture->view)), ==, "Kerjasama");
  g_assert_cmpstr (dropdown_choice (_kp_competency_view_get_dialog_type (fixture->view)), ==, "Managerial");
  definition = buffer_text (_kp_competency_view_get_dialog_definition (fixture->view));
  g_assert_true (g_str_has_prefix (definition, "Kemampuan menjalin, membina"));

  /* Its own code is not a duplicate; unchanged, there is nothing to save. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (_kp_competency_view_get_dialog_code (fixture->view)), "error"));
  g_assert_false (response_enabled (fixture, "save"));
  type_into (_kp_competency_view_get_dialog_name (fixture->view), "Kerja Sama");
  g_assert_true (response_enabled (fixture, "save"));
  respond (fixture, "save");

  changed = find_competency (fixture, "M.02");
  g_assert_cmpint (kp_competency_get_id (changed), ==, id);
  g_assert_cmpstr (kp_competency_get_name (changed), ==, "Kerja Sama");
  g_assert_cmpstr (kp_competency_get_definition (changed), ==, definition);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);

  /* The list and the pane follow, on the same competency. */
  g_assert_cmpstr (selected_title (fixture), ==, "M.02 Kerja Sama");
  g_assert_cmpint (_kp_competency_view_get_shown_id (fixture->view), ==, id);
  g_assert_true (detail_shows (fixture, "Kerja Sama"));
}

static void
test_duplicate_code (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *code;
  guint events;
  AdwMessageDialog *refusal;
  g_autoptr(KpDatabase) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *definition = NULL;

  /* A code the dictionary has: marked at once, with whose it is, and Add stays disabled. */
  activate (fixture, "competency.add", NULL);
  code = GTK_WIDGET (_kp_competency_view_get_dialog_code (fixture->view));
  type_into (GTK_EDITABLE (code), "M.01");
  type_into (_kp_competency_view_get_dialog_name (fixture->view), "Integritas Baru");
  g_assert_true (gtk_widget_has_css_class (code, "error"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (get_dialog (fixture)), ui_test_is_label_with_text,
                                         "This code is already used by “Integritas”."));
  g_assert_false (response_enabled (fixture, "add"));
  type_into (GTK_EDITABLE (code), "T.TI.01");
  g_assert_false (gtk_widget_has_css_class (code, "error"));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (get_dialog (fixture)), ui_test_is_label_with_text,
                                      "This code is already used by “Integritas”."));
  g_assert_true (response_enabled (fixture, "add"));
  type_into_buffer (_kp_competency_view_get_dialog_definition (fixture->view), "Definisi panjang yang diketik");

  /* Meanwhile another window on the same file takes the code: the model refuses, in its words. */
  elsewhere = kp_database_open (kp_database_get_path (fixture->database), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kp_competency_save (elsewhere, 0, "T.TI.01", "Jaringan", KP_COMPETENCY_TECHNICAL,
                                       "", &error), >, 0);
  g_assert_no_error (error);
  events = ui_test_n_audit_events (fixture->database);
  respond (fixture, "add");
  refusal = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "Cannot Add the Competency");
  g_assert_cmpstr (adw_message_dialog_get_body (refusal), ==,
                   "A competency with the code “T.TI.01” already exists");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events);

  /* Closing the refusal gives the form back as it was left, to correct rather than retype. */
  respond (fixture, "close");
  g_assert_cmpstr (adw_message_dialog_get_heading (get_dialog (fixture)), ==, "Add Competency");
  g_assert_cmpstr (gtk_editable_get_text (_kp_competency_view_get_dialog_code (fixture->view)), ==, "T.TI.01");
  g_assert_cmpstr (gtk_editable_get_text (_kp_competency_view_get_dialog_name (fixture->view)), ==, "Integritas Baru");
  definition = buffer_text (_kp_competency_view_get_dialog_definition (fixture->view));
  g_assert_cmpstr (definition, ==, "Definisi panjang yang diketik");
  respond (fixture, "cancel");
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 id = add_directly (fixture, "T.TI.01", "Pengelolaan Jaringan");
  guint events = ui_test_n_audit_events (fixture->database);
  AdwMessageDialog *dialog;

  choose (fixture, "T.TI.01");
  activate (fixture, "competency.delete", NULL);
  dialog = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete T.TI.01?");
  /* A deletion needs a deliberate choice: Enter cancels. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  respond (fixture, "cancel");
  g_assert_cmpint (find_id (fixture, "T.TI.01"), ==, id);

  /* From the keyboard: the row focused, Delete, confirmed. */
  gtk_widget_grab_focus (GTK_WIDGET (find_row (fixture, "T.TI.01")));
  activate (fixture, "competency.delete", NULL);
  respond (fixture, "delete");
  g_assert_cmpint (find_id (fixture, "T.TI.01"), ==, 0);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);
  g_assert_null (find_row (fixture, "T.TI.01"));

  /* The neighbour takes its place. */
  g_assert_cmpstr (selected_title (fixture), ==, "SK.01 Perekat Bangsa");
  g_assert_cmpint (_kp_competency_view_get_shown_id (fixture->view), ==, find_id (fixture, "SK.01"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (find_row (fixture, "SK.01")));
}

/* Assessment results refer to a competency: the model refuses, and the view says why. */
static void
test_delete_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  static const UiTestPerson person = {
    "196602041998051457", "Ahmad Fauzi", "L", "1966-02-04", "IV/a"
  };
  gint64 unit_id = ui_test_add_unit (fixture->database, "Bappeda", 0);
  gint64 position_id = ui_test_add_position (fixture->database, unit_id, "Kepala Bappeda",
                                             KP_POSITION_KIND_JPT_PRATAMA);
  gint64 employee_id = ui_test_save_person (fixture->database, &person, position_id, 0);
  g_autofree char *sql = NULL;
  guint events = ui_test_n_audit_events (fixture->database);
  sqlite3 *db = NULL;
  AdwMessageDialog *refusal;

  /* The assessment part of the model has no window yet: write one result as it would. */
  g_assert_cmpint (sqlite3_open (kp_database_get_path (fixture->database), &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("INSERT INTO assessment (id, name, held_on, method) "
                         "VALUES (1, 'Uji Kompetensi 2026', '2026-10-01', 'assessment centre');"
                         "INSERT INTO assessment_result (assessment_id, employee_id, competency_id, "
                         "assessor, level) VALUES (1, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ", 'Asesor A', 3);",
                         employee_id, find_id (fixture, "M.04"));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  choose (fixture, "M.04");
  activate (fixture, "competency.delete", NULL);
  respond (fixture, "delete");
  refusal = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "Cannot Delete the Competency");
  g_assert_cmpstr (adw_message_dialog_get_body (refusal), ==,
                   "“M.04” cannot be deleted: 1 assessment result(s) refer to it.");
  respond (fixture, "close");

  /* Nothing happened. */
  g_assert_null (_kp_competency_view_get_dialog (fixture->view));
  g_assert_cmpint (find_id (fixture, "M.04"), >, 0);
  g_assert_cmpstr (selected_title (fixture), ==, "M.04 Orientasi pada Hasil");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events);
}

/* Changes from elsewhere (another dialog, an import, kp_database_refresh) reload the store;
 * the user stays on the competency they were reading. */
static void
test_keeps_selection (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  choose (fixture, "M.05");
  gtk_widget_grab_focus (GTK_WIDGET (find_row (fixture, "M.05")));
  g_assert_true (kp_competency_set_level (fixture->database, find_id (fixture, "M.01"), 1,
                                          "Teks baru", "Satu", &error));
  g_assert_no_error (error);
  add_directly (fixture, "A.01", "Di depan dalam urutan kode");
  kp_database_refresh (fixture->database);
  ui_test_settle ();

  g_assert_cmpuint (count_rows (fixture), ==, 10);
  g_assert_cmpstr (selected_title (fixture), ==, "M.05 Pelayanan Publik");
  g_assert_cmpint (_kp_competency_view_get_shown_id (fixture->view), ==, find_id (fixture, "M.05"));
  g_assert_true (detail_shows (fixture, "Pelayanan Publik"));
  /* The keyboard is still on its row (a new one: the list recreated them all). */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (find_row (fixture, "M.05")));
}

/* ---- the dictionary import --------------------------------------------------------------- */

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "competencies-technical.csv", NULL);
  g_autofree char *saved = g_build_filename (g_get_user_data_dir (), "competencies-rejected.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  guint events = ui_test_n_audit_events (fixture->database);
  g_autoptr(KpCompetency) imported = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  AdwMessageDialog *dialog;
  GtkListBox *problems;
  static const char *const expected[][2] = {
    { "This competency and level already appear on line 4 (the first one is kept)",
      "Line 6 · level · “2”" },
    { "The level must be a whole number from 1 to 5 (or empty for the definition)",
      "Line 7 · level · “7”" },
    { "The code is empty or longer than 32 characters", "Line 8 · code" },
    { "The type must be manajerial, sosial kultural or teknis", "Line 9 · type · “fungsional”" },
  };

  /* What the Import chooser does with the file chosen. */
  _kp_competency_view_import_file (fixture->view, file);
  ui_test_settle ();

  /* The good rows are in, with one audit event for the file. */
  imported = find_competency (fixture, "T.KES.01");
  g_assert_nonnull (imported);
  g_assert_cmpstr (kp_competency_get_name (imported), ==, "Pelayanan Keperawatan");
  levels = get_levels (fixture, kp_competency_get_id (imported));
  g_assert_cmpstr (((KpCompetencyLevel *) g_ptr_array_index (levels, 1))->indicators, ==,
                   "Menerapkan tanpa pengawasan\nMembimbing rekan baru");
  g_assert_null (find_competency (fixture, "T.KES.02"));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events + 1);
  g_assert_nonnull (find_row (fixture, "T.KES.01"));
  g_assert_cmpstr (row_subtitle (find_row (fixture, "T.KES.01")), ==, "2 of 5 levels");

  /* The refused rows are listed: where, and why. */
  dialog = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Some Rows Were Not Imported");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "8 rows read: 1 new, 2 changed, 1 unchanged, 4 refused. "));
  problems = _kp_competency_view_get_dialog_problems (fixture->view);
  g_assert_nonnull (problems);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (problems, (int) i);

      g_assert_nonnull (row);
      g_assert_cmpstr (row_title (row), ==, expected[i][0]);
      g_assert_cmpstr (row_subtitle (row), ==, expected[i][1]);
    }
  g_assert_null (gtk_list_box_get_row_at_index (problems, G_N_ELEMENTS (expected)));
  g_assert_true (response_enabled (fixture, "save-problems"));

  /* What the Save chooser does: the refused rows as CSV, to correct and import again. */
  g_assert_true (_kp_competency_view_save_problems (fixture->view, saved_file, &error));
  g_assert_no_error (error);
  g_file_get_contents (saved, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (g_strchomp (lines[0]), ==, "line,column,value,reason");
  g_assert_true (g_str_has_prefix (lines[1], "6,level,2,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 4 + 1);
  respond (fixture, "close");
}

static void
test_import_clean_and_bad (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *good = g_build_filename (g_get_user_data_dir (), "teknis.csv", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "catatan.csv", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  guint events;
  AdwMessageDialog *refusal;

  g_file_set_contents (good,
                       "kode,nama,jenis,tingkat,deskripsi,indikator\n"
                       "T.ARS.01,Pengelolaan Arsip,teknis,,Kemampuan mengelola arsip,\n"
                       "T.ARS.01,Pengelolaan Arsip,teknis,1,Memahami,Menyebutkan jenis arsip\n",
                       -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, "just some notes\nno header here\n", -1, &error);
  g_assert_no_error (error);

  /* Every row good: a toast says what happened, nothing to act on. */
  _kp_competency_view_import_file (fixture->view, good_file);
  ui_test_settle ();
  g_assert_null (_kp_competency_view_get_dialog (fixture->view));
  g_assert_nonnull (find_row (fixture, "T.ARS.01"));
  wait_for_toast (fixture, "2 rows read: 1 new, 1 changed.");

  /* Not a dictionary: refused in the model's words, nothing written. */
  events = ui_test_n_audit_events (fixture->database);
  _kp_competency_view_import_file (fixture->view, bad_file);
  ui_test_settle ();
  refusal = get_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "Cannot Import the Dictionary");
  g_assert_true (strstr (adw_message_dialog_get_body (refusal), "catatan.csv") != NULL);
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events);
  respond (fixture, "close");
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Every competency deleted: the right pane says how to start again. */
static void
test_empty_dictionary (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *competencies = kp_database_get_competencies (fixture->database);

  while (g_list_model_get_n_items (competencies) > 0)
    {
      g_autoptr(KpCompetency) competency = g_list_model_get_item (competencies, 0);
      g_autoptr(GError) error = NULL;

      g_assert_true (kp_competency_delete (fixture->database, kp_competency_get_id (competency), &error));
      g_assert_no_error (error);
    }
  ui_test_settle ();

  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_cmpstr (_kp_competency_view_get_detail_page (fixture->view), ==, "empty");
  g_assert_true (ui_test_find_widget (GTK_WIDGET (fixture->view), ui_test_is_label_with_text,
                                      "The Dictionary Is Empty") != NULL);
  /* Nothing chosen, nothing to change; adding still works. */
  g_assert_cmpint (_kp_competency_view_get_shown_id (fixture->view), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (ui_test_find_widget (GTK_WIDGET (fixture->view),
                                                                 is_button_for_action,
                                                                 "competency.delete")));
  g_assert_true (gtk_widget_get_sensitive (ui_test_find_widget (GTK_WIDGET (fixture->view),
                                                                is_button_for_action,
                                                                "competency.add")));
  activate (fixture, "competency.add", NULL);
  respond (fixture, "cancel");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/competency-view/seeded", Fixture, NULL,
              fixture_set_up, test_seeded, fixture_tear_down);
  g_test_add ("/ui/competency-view/detail", Fixture, NULL,
              fixture_set_up, test_detail, fixture_tear_down);
  g_test_add ("/ui/competency-view/missing-dictionary-text", Fixture, NULL,
              fixture_set_up, test_missing_dictionary_text, fixture_tear_down);
  g_test_add ("/ui/competency-view/search", Fixture, NULL,
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/ui/competency-view/add-technical", Fixture, NULL,
              fixture_set_up, test_add_technical, fixture_tear_down);
  g_test_add ("/ui/competency-view/edit-level", Fixture, NULL,
              fixture_set_up, test_edit_level, fixture_tear_down);
  g_test_add ("/ui/competency-view/edit", Fixture, NULL,
              fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/ui/competency-view/duplicate-code", Fixture, NULL,
              fixture_set_up, test_duplicate_code, fixture_tear_down);
  g_test_add ("/ui/competency-view/delete", Fixture, NULL,
              fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/ui/competency-view/delete-refused", Fixture, NULL,
              fixture_set_up, test_delete_refused, fixture_tear_down);
  g_test_add ("/ui/competency-view/keeps-selection", Fixture, NULL,
              fixture_set_up, test_keeps_selection, fixture_tear_down);
  g_test_add ("/ui/competency-view/import", Fixture, NULL,
              fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/ui/competency-view/import-clean-and-bad", Fixture, NULL,
              fixture_set_up, test_import_clean_and_bad, fixture_tear_down);
  g_test_add ("/ui/competency-view/empty-dictionary", Fixture, NULL,
              fixture_set_up, test_empty_dictionary, fixture_tear_down);

  return g_test_run ();
}
