/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-employee-editor.c: the employee editor over a small real database, driven as a user
 * would through its rows, drop-downs and actions: live validation on the rows at fault, Save
 * only for a valid changed record, one audit event per save, confirmation before discarding
 * or deleting. Messages are checked for language-neutral parts (numbers, codes). */

#include "config.h"

#include <string.h>

#include "kp-employee-editor-private.h"

#include "ui-test-util.h"

#define NIP_AHMAD "196602041998051457" /* L, 1966-02-04 */
#define NIP_SITI "196810301993082121"  /* P, 1968-10-30 */
#define NIP_JOKO "197001011995031001"  /* L, 1970-01-01: new */

typedef struct {
  KpDatabase *database;
  gint64 bkpsdm_id;
  gint64 dinkes_id;
  gint64 analis_id;   /* BKPSDM, Ahli Muda */
  gint64 kepala_id;   /* BKPSDM, JPT Pratama */
  gint64 dokter_id;   /* Dinas Kesehatan, Ahli Pertama */
  gint64 ahmad_id;
  gint64 siti_id;
  GtkWindow *parent;
  KpEmployeeEditor *editor;
  GPtrArray *deleted; /* copies received through "deleted" */
} Fixture;

static gint64
save (Fixture    *fixture,
      const char *nip,
      const char *name,
      const char *sex,
      const char *birth_date,
      gint64      position_id,
      gint64      supervisor_id)
{
  UiTestPerson person = { nip, name, sex, birth_date, "III/b" };

  return ui_test_save_person (fixture->database, &person, position_id, supervisor_id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  KpDatabase *db;

  db = fixture->database = ui_test_new_database (NULL);
  fixture->bkpsdm_id = ui_test_add_unit (db, "BKPSDM", 0);
  fixture->dinkes_id = ui_test_add_unit (db, "Dinas Kesehatan", 0);
  fixture->analis_id = ui_test_add_position (db, fixture->bkpsdm_id, "Analis SDM Aparatur Ahli Muda",
                                             KP_POSITION_KIND_AHLI_MUDA);
  fixture->kepala_id = ui_test_add_position (db, fixture->bkpsdm_id, "Kepala Badan",
                                             KP_POSITION_KIND_JPT_PRATAMA);
  fixture->dokter_id = ui_test_add_position (db, fixture->dinkes_id, "Dokter Ahli Pertama",
                                             KP_POSITION_KIND_AHLI_PERTAMA);

  fixture->ahmad_id = save (fixture, NIP_AHMAD, "Ahmad Fauzi", "L", "1966-02-04",
                            fixture->kepala_id, 0);
  fixture->siti_id = save (fixture, NIP_SITI, "Siti Aminah", "P", "1968-10-30",
                           fixture->analis_id, fixture->ahmad_id);

  fixture->deleted = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->parent = GTK_WINDOW (gtk_window_new ());
  ui_test_show_window (fixture->parent);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Editors and dialogs the test left open. */
  ui_test_destroy_other_toplevels (fixture->parent);
  ui_test_destroy_window (fixture->parent, fixture->parent);

  g_clear_pointer (&fixture->deleted, g_ptr_array_unref);
  g_clear_object (&fixture->database);
}

static void
on_deleted_cb (KpEmployeeEditor *editor,
               KpEmployee       *copy,
               Fixture          *fixture)
{
  g_ptr_array_add (fixture->deleted, g_object_ref (copy));
}

/* Opens an editor for @employee (NULL: a new one), as the main window does, and keeps a weak
 * pointer to it so that its closing can be seen. */
static KpEmployeeEditor *
open_editor (Fixture    *fixture,
             KpEmployee *employee)
{
  fixture->editor = kp_employee_editor_new (fixture->parent, fixture->database, employee);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  g_signal_connect (fixture->editor, "deleted", G_CALLBACK (on_deleted_cb), fixture);
  ui_test_show_window (GTK_WINDOW (fixture->editor));
  ui_test_settle ();

  return fixture->editor;
}

static gboolean
employee_has_id (gpointer      employee,
                 gconstpointer id)
{
  return kp_employee_get_id (employee) == *(const gint64 *) id;
}

static KpEmployee *
stored (Fixture *fixture,
        gint64   id)
{
  g_autoptr(KpEmployee) employee = ui_test_find_item (kp_database_get_employees (fixture->database),
                                                      employee_has_id, &id);

  return employee; /* the store keeps it */
}

static GtkWidget *
row (Fixture         *fixture,
     KpEmployeeField  field)
{
  return _kp_employee_editor_get_row (fixture->editor, field);
}

static void
type (Fixture         *fixture,
      KpEmployeeField  field,
      const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, field)), text);
  ui_test_settle ();
}

static void
choose (Fixture         *fixture,
        KpEmployeeField  field,
        guint            position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, field)), position);
  ui_test_settle ();
}

/* A unit, a position or an employee whose id is *@id. */
static gboolean
record_has_id (gpointer      item,
               gconstpointer id)
{
  gint64 item_id = KP_IS_UNIT (item) ? kp_unit_get_id (KP_UNIT (item))
                   : KP_IS_POSITION (item) ? kp_position_get_id (KP_POSITION (item))
                   : kp_employee_get_id (KP_EMPLOYEE (item));

  return item_id == *(const gint64 *) id;
}

/* Picks the entry of @drop_down whose record has @id, as a user picking it from the list. */
static void
pick (GtkDropDown *drop_down,
      gint64       id)
{
  guint position = ui_test_find_position (gtk_drop_down_get_model (drop_down), record_has_id, &id);

  if (position == GTK_INVALID_LIST_POSITION)
    g_error ("no choice with id %" G_GINT64_FORMAT, id);
  gtk_drop_down_set_selected (drop_down, position);
  ui_test_settle ();
}

static gboolean
offers (GtkDropDown *drop_down,
        gint64       id)
{
  return ui_test_find_position (gtk_drop_down_get_model (drop_down), employee_has_id, &id) !=
         GTK_INVALID_LIST_POSITION;
}

static gboolean
can_save (Fixture *fixture)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (_kp_employee_editor_get_save_button (fixture->editor)));
}

static char *
messages (Fixture *fixture)
{
  return _kp_employee_editor_get_messages (fixture->editor);
}

static gboolean
has_class (Fixture         *fixture,
           KpEmployeeField  field,
           const char      *name)
{
  return gtk_widget_has_css_class (row (fixture, field), name);
}

static guint
n_marked_rows (Fixture *fixture)
{
  guint n = 0;

  for (int field = 0; field < KP_EMPLOYEE_N_FIELDS; field++)
    if (has_class (fixture, field, "error") || has_class (fixture, field, "warning"))
      n++;

  return n;
}

/* A complete, valid new employee: Joko, a man born 1 January 1970, as his NIP says. */
static void
fill_joko (Fixture *fixture)
{
  type (fixture, KP_EMPLOYEE_FIELD_NIP, NIP_JOKO);
  type (fixture, KP_EMPLOYEE_FIELD_NAME, "Joko Susilo");
  choose (fixture, KP_EMPLOYEE_FIELD_SEX, 0);
  type (fixture, KP_EMPLOYEE_FIELD_BIRTH_PLACE, "Metro");
  /* Typed the Indonesian way; stored as ISO. */
  type (fixture, KP_EMPLOYEE_FIELD_BIRTH_DATE, "01/01/1970");
  pick (_kp_employee_editor_get_unit_drop_down (fixture->editor), fixture->bkpsdm_id);
  pick (_kp_employee_editor_get_position_drop_down (fixture->editor), fixture->analis_id);
  choose (fixture, KP_EMPLOYEE_FIELD_GRADE, kp_grade_parse ("III/c", NULL));
  type (fixture, KP_EMPLOYEE_FIELD_EDUCATION, "S2");
}

/* The AdwMessageDialog the editor shows, or NULL. */
static AdwMessageDialog *
find_dialog (Fixture *fixture)
{
  g_autoptr(GPtrArray) dialogs = ui_test_list_toplevels (ADW_TYPE_MESSAGE_DIALOG);

  for (guint i = 0; i < dialogs->len; i++)
    {
      GtkWindow *dialog = g_ptr_array_index (dialogs, i);

      if (gtk_widget_get_visible (GTK_WIDGET (dialog)) &&
          gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->editor))
        return ADW_MESSAGE_DIALOG (dialog); /* owned by GTK's list of toplevels too */
    }

  return NULL;
}

static gboolean
editor_is_closed (gpointer data)
{
  Fixture *fixture = data;

  return fixture->editor == NULL;
}

static void
wait_until_closed (Fixture *fixture)
{
  ui_test_wait_until (editor_is_closed, fixture, 5);
  g_assert_null (fixture->editor);
}

static void
test_new_empty (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = NULL;

  open_editor (fixture, NULL);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New Employee");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->editor)) == fixture->parent);
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (fixture->editor)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_kp_employee_editor_get_delete_button (fixture->editor))));

  /* Nothing to save yet, and nothing shown in red before the user has typed anything: what
   * is missing is listed instead. */
  g_assert_false (can_save (fixture));
  g_assert_cmpuint (n_marked_rows (fixture), ==, 0);
  text = messages (fixture);
  g_assert_nonnull (strstr (text, "NIP"));
  g_assert_nonnull (strstr (text, "Name"));
  g_assert_nonnull (strstr (text, "Position"));
}

static void
test_invalid_nip (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkImage *icon;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;

  open_editor (fixture, NULL);
  fill_joko (fixture);
  g_assert_true (can_save (fixture));

  /* Seventeen digits: the NIP row is at fault and says why, on the row and in words. */
  type (fixture, KP_EMPLOYEE_FIELD_NIP, "19700101199503100");
  g_assert_true (has_class (fixture, KP_EMPLOYEE_FIELD_NIP, "error"));
  g_assert_false (can_save (fixture));
  icon = _kp_employee_editor_get_icon (fixture->editor, KP_EMPLOYEE_FIELD_NIP);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (icon)));
  g_assert_cmpstr (gtk_image_get_icon_name (icon), ==, "dialog-error-symbolic");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (icon)), "17"));
  text = messages (fixture);
  /* Said once, in words: "NIP must have 18 digits, found 17", not "NIP: NIP must…". */
  g_assert_true (g_str_has_prefix (text, "NIP "));
  g_assert_nonnull (strstr (text, "17"));
  /* The other rows are fine. */
  g_assert_cmpuint (n_marked_rows (fixture), ==, 1);

  /* Letters are refused too. */
  type (fixture, KP_EMPLOYEE_FIELD_NIP, "19700101199503100A");
  g_assert_true (has_class (fixture, KP_EMPLOYEE_FIELD_NIP, "error"));
  g_assert_false (can_save (fixture));

  /* A NIP another employee holds names them. */
  type (fixture, KP_EMPLOYEE_FIELD_NIP, NIP_SITI);
  g_assert_true (has_class (fixture, KP_EMPLOYEE_FIELD_NIP, "error"));
  g_assert_false (can_save (fixture));
  g_free (text);
  text = messages (fixture);
  g_assert_nonnull (strstr (text, "Siti Aminah"));

  /* Corrected: the mark goes, Save comes back. */
  type (fixture, KP_EMPLOYEE_FIELD_NIP, NIP_JOKO);
  g_assert_false (has_class (fixture, KP_EMPLOYEE_FIELD_NIP, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (icon)));
  g_assert_true (can_save (fixture));
  after = messages (fixture);
  g_assert_cmpstr (after, ==, "");
}

static void
test_valid_enables_save (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkDropDown *positions;

  open_editor (fixture, NULL);
  positions = _kp_employee_editor_get_position_drop_down (fixture->editor);

  /* Before a unit is chosen there is no position to choose. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (positions)));

  type (fixture, KP_EMPLOYEE_FIELD_NIP, NIP_JOKO);
  /* The NIP fills in the sex and the birth date. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (fixture, KP_EMPLOYEE_FIELD_SEX))), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, KP_EMPLOYEE_FIELD_BIRTH_DATE))), ==,
                   "01-01-1970");
  g_assert_false (can_save (fixture));

  type (fixture, KP_EMPLOYEE_FIELD_NAME, "Joko Susilo");
  choose (fixture, KP_EMPLOYEE_FIELD_GRADE, kp_grade_parse ("III/c", NULL));
  g_assert_false (can_save (fixture)); /* no position yet */

  /* A unit offers only its own positions. */
  pick (_kp_employee_editor_get_unit_drop_down (fixture->editor), fixture->dinkes_id);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (positions)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (positions)), ==, 2); /* + "Choose" */
  pick (positions, fixture->dokter_id);
  g_assert_true (can_save (fixture));
  g_assert_cmpuint (n_marked_rows (fixture), ==, 0);

  /* Another unit: the position must be chosen again. */
  pick (_kp_employee_editor_get_unit_drop_down (fixture->editor), fixture->bkpsdm_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (positions), ==, 0);
  g_assert_false (can_save (fixture));
  pick (positions, fixture->kepala_id);
  g_assert_true (can_save (fixture));
}

static void
test_sex_mismatch_warns (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(KpEmployee) saved = NULL;

  open_editor (fixture, NULL);
  fill_joko (fixture);

  /* The NIP says L; the officer says P: a warning, not an error. */
  choose (fixture, KP_EMPLOYEE_FIELD_SEX, 1);
  g_assert_true (has_class (fixture, KP_EMPLOYEE_FIELD_SEX, "warning"));
  g_assert_false (has_class (fixture, KP_EMPLOYEE_FIELD_SEX, "error"));
  g_assert_cmpstr (gtk_image_get_icon_name (_kp_employee_editor_get_icon (fixture->editor, KP_EMPLOYEE_FIELD_SEX)),
                   ==, "dialog-warning-symbolic");
  text = messages (fixture);
  g_assert_nonnull (strstr (text, "Sex: "));
  g_assert_true (can_save (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  wait_until_closed (fixture);
  saved = kp_register_find_employee (fixture->database, NIP_JOKO);
  g_assert_nonnull (saved);
  g_assert_cmpstr (kp_employee_get_sex (saved), ==, "P");
}

static void
test_save_new (Fixture       *fixture,
               gconstpointer  data)
{
  guint events_before = ui_test_n_audit_events (fixture->database);
  g_autoptr(KpEmployee) saved = NULL;

  open_editor (fixture, NULL);
  fill_joko (fixture);
  type (fixture, KP_EMPLOYEE_FIELD_EMAIL, "joko@lampungselatankab.go.id");
  type (fixture, KP_EMPLOYEE_FIELD_PHONE, "0812 3456 7890");
  pick (_kp_employee_editor_get_supervisor_drop_down (fixture->editor), fixture->ahmad_id);
  g_assert_true (can_save (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  wait_until_closed (fixture);

  saved = kp_register_find_employee (fixture->database, NIP_JOKO);
  g_assert_nonnull (saved);
  g_assert_cmpstr (kp_employee_get_name (saved), ==, "Joko Susilo");
  g_assert_cmpstr (kp_employee_get_sex (saved), ==, "L");
  g_assert_cmpstr (kp_employee_get_birth_place (saved), ==, "Metro");
  g_assert_cmpstr (kp_employee_get_birth_date (saved), ==, "1970-01-01");
  g_assert_cmpstr (kp_employee_get_grade (saved), ==, "III/c");
  g_assert_cmpstr (kp_employee_get_education (saved), ==, "S2");
  g_assert_cmpint (kp_employee_get_position_id (saved), ==, fixture->analis_id);
  g_assert_cmpint (kp_employee_get_supervisor_id (saved), ==, fixture->ahmad_id);
  g_assert_cmpstr (kp_employee_get_email (saved), ==, "joko@lampungselatankab.go.id");
  g_assert_cmpstr (kp_employee_get_phone (saved), ==, "0812 3456 7890");
  g_assert_nonnull (stored (fixture, kp_employee_get_id (saved)));

  /* One save, one event. */
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events_before + 1);
}

static void
test_edit_existing (Fixture       *fixture,
                    gconstpointer  data)
{
  guint events_before = ui_test_n_audit_events (fixture->database);
  KpEmployee *siti = stored (fixture, fixture->siti_id);
  GtkDropDown *supervisors;
  g_autoptr(KpEmployee) saved = NULL;

  open_editor (fixture, siti);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "Siti Aminah");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_kp_employee_editor_get_delete_button (fixture->editor))));

  /* The record as saved: valid, unchanged, so nothing to save. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, KP_EMPLOYEE_FIELD_NIP))), ==, NIP_SITI);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, KP_EMPLOYEE_FIELD_BIRTH_DATE))), ==,
                   "30-10-1968");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (fixture, KP_EMPLOYEE_FIELD_SEX))), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (_kp_employee_editor_get_position_drop_down (fixture->editor)), >, 0);
  g_assert_cmpuint (n_marked_rows (fixture), ==, 0);
  g_assert_false (can_save (fixture));

  /* She cannot be her own supervisor: she is not offered; her supervisor is chosen. */
  supervisors = _kp_employee_editor_get_supervisor_drop_down (fixture->editor);
  g_assert_false (offers (supervisors, fixture->siti_id));
  g_assert_true (offers (supervisors, fixture->ahmad_id));
  {
    KpEmployee *chosen = gtk_drop_down_get_selected_item (supervisors);

    g_assert_cmpint (kp_employee_get_id (chosen), ==, fixture->ahmad_id);
  }

  /* The same date typed another way is no change. */
  type (fixture, KP_EMPLOYEE_FIELD_BIRTH_DATE, "1968-10-30");
  g_assert_false (can_save (fixture));

  type (fixture, KP_EMPLOYEE_FIELD_NAME, "Siti Aminah, S.Sos.");
  g_assert_true (can_save (fixture));
  /* Back to the saved name: nothing to save again. */
  type (fixture, KP_EMPLOYEE_FIELD_NAME, "Siti Aminah");
  g_assert_false (can_save (fixture));
  type (fixture, KP_EMPLOYEE_FIELD_NAME, "Siti Aminah, S.Sos.");

  /* Ctrl+S is bound to the same action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  wait_until_closed (fixture);

  saved = kp_register_find_employee (fixture->database, NIP_SITI);
  g_assert_cmpstr (kp_employee_get_name (saved), ==, "Siti Aminah, S.Sos.");
  /* The list's record follows. */
  g_assert_cmpstr (kp_employee_get_name (stored (fixture, fixture->siti_id)), ==, "Siti Aminah, S.Sos.");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events_before + 1);
}

static void
test_discard_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  guint events_before = ui_test_n_audit_events (fixture->database);
  AdwMessageDialog *dialog;
  g_autoptr(KpEmployee) after = NULL;

  /* Unchanged: closing asks nothing. */
  open_editor (fixture, stored (fixture, fixture->siti_id));
  gtk_window_close (GTK_WINDOW (fixture->editor));
  wait_until_closed (fixture);

  open_editor (fixture, stored (fixture, fixture->siti_id));
  type (fixture, KP_EMPLOYEE_FIELD_NAME, "Siti Aminah Berubah");

  /* Escape and Cancel close through the same action; a change is not thrown away unasked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel", NULL));
  ui_test_settle ();
  g_assert_nonnull (fixture->editor);
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);

  /* Cancel keeps the editor and the change. */
  adw_message_dialog_response (dialog, "cancel");
  ui_test_settle ();
  g_assert_nonnull (fixture->editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, KP_EMPLOYEE_FIELD_NAME))), ==,
                   "Siti Aminah Berubah");

  /* Discard closes without saving. */
  gtk_window_close (GTK_WINDOW (fixture->editor));
  ui_test_settle ();
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  wait_until_closed (fixture);

  after = kp_register_find_employee (fixture->database, NIP_SITI);
  g_assert_cmpstr (kp_employee_get_name (after), ==, "Siti Aminah");
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events_before);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  guint events_before = ui_test_n_audit_events (fixture->database);
  AdwMessageDialog *dialog;
  KpEmployee *copy;
  g_autoptr(KpEmployee) gone = NULL;

  open_editor (fixture, stored (fixture, fixture->siti_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.delete", NULL));
  ui_test_settle ();

  /* The confirmation names her; Cancel deletes nothing. */
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Siti Aminah"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel");
  ui_test_settle ();
  g_assert_nonnull (fixture->editor);
  g_assert_cmpuint (fixture->deleted->len, ==, 0);
  g_assert_nonnull (stored (fixture, fixture->siti_id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.delete", NULL));
  ui_test_settle ();
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  wait_until_closed (fixture);

  gone = kp_register_find_employee (fixture->database, NIP_SITI);
  g_assert_null (gone);
  g_assert_null (stored (fixture, fixture->siti_id));
  g_assert_cmpuint (ui_test_n_audit_events (fixture->database), ==, events_before + 1);

  /* "deleted" carries the record as it was, for Undo. */
  g_assert_cmpuint (fixture->deleted->len, ==, 1);
  copy = g_ptr_array_index (fixture->deleted, 0);
  g_assert_cmpstr (kp_employee_get_nip (copy), ==, NIP_SITI);
  g_assert_cmpstr (kp_employee_get_name (copy), ==, "Siti Aminah");
  g_assert_cmpint (kp_employee_get_supervisor_id (copy), ==, fixture->ahmad_id);
}

static void
test_follows_other_saves (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkDropDown *positions;
  g_autoptr(KpEmployee) rina = NULL;

  open_editor (fixture, NULL);
  fill_joko (fixture);
  positions = _kp_employee_editor_get_position_drop_down (fixture->editor);

  /* Another window saves: the stores reload, and what this editor chose stays chosen. */
  save (fixture, "199203152018012003", "Rina Andayani", "P", "1992-03-15", fixture->dokter_id, 0);
  ui_test_settle ();
  g_assert_cmpint (kp_position_get_id (gtk_drop_down_get_selected_item (positions)), ==, fixture->analis_id);
  g_assert_cmpint (kp_unit_get_id (gtk_drop_down_get_selected_item (_kp_employee_editor_get_unit_drop_down (fixture->editor))),
                   ==, fixture->bkpsdm_id);
  g_assert_true (can_save (fixture));
  /* The newcomer can be chosen as supervisor. */
  rina = kp_register_find_employee (fixture->database, "199203152018012003");
  g_assert_true (offers (_kp_employee_editor_get_supervisor_drop_down (fixture->editor),
                         kp_employee_get_id (rina)));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/employee-editor/new-empty", Fixture, NULL,
              fixture_set_up, test_new_empty, fixture_tear_down);
  g_test_add ("/ui/employee-editor/invalid-nip", Fixture, NULL,
              fixture_set_up, test_invalid_nip, fixture_tear_down);
  g_test_add ("/ui/employee-editor/valid-enables-save", Fixture, NULL,
              fixture_set_up, test_valid_enables_save, fixture_tear_down);
  g_test_add ("/ui/employee-editor/sex-mismatch", Fixture, NULL,
              fixture_set_up, test_sex_mismatch_warns, fixture_tear_down);
  g_test_add ("/ui/employee-editor/save-new", Fixture, NULL,
              fixture_set_up, test_save_new, fixture_tear_down);
  g_test_add ("/ui/employee-editor/edit-existing", Fixture, NULL,
              fixture_set_up, test_edit_existing, fixture_tear_down);
  g_test_add ("/ui/employee-editor/discard", Fixture, NULL,
              fixture_set_up, test_discard_changes, fixture_tear_down);
  g_test_add ("/ui/employee-editor/delete", Fixture, NULL,
              fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/ui/employee-editor/follows-other-saves", Fixture, NULL,
              fixture_set_up, test_follows_other_saves, fixture_tear_down);

  return g_test_run ();
}
