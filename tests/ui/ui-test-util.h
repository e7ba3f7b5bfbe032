/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-util.h: what the widget tests share: the test program's start, waiting on the main
 * loop, a scratch database with units, positions and employees, and reading what a widget tree
 * shows. One copy of each, so that a fix to a wait or to the start reaches every test.
 *
 * Everything is static inline: each test is one program that uses only some of these, and a
 * plain static function it does not call would warn (-Wunused-function), while a non-static one
 * would need a declaration (-Wmissing-declarations) and a library of its own. */
#pragma once

#include <locale.h>

#include <adwaita.h>

#include "kompeten/kp-model.h"

/* A test of @data: whether it holds yet, whether a view is still busy. A view's own accessor
 * (gboolean _kp_…_is_busy (KpView *)) is cast to it, as GLib casts callbacks. */
typedef gboolean (*UiTestCondition) (gpointer data);

/* ---- the test program ------------------------------------------------------------------- */

/* G_TEST_OPTION_ISOLATE_DIRS points XDG_DATA_DIRS at an empty folder. Two things the widgets
 * need from the system's data folders must stay visible: the compiled GSettings schemas
 * (libadwaita fails an assertion without any schema source) and the MIME database (without it
 * the SVG icons cannot be recognised). Called before g_test_init, while the folders are real. */
static inline void
ui_test_keep_system_data (void)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    return;

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *schemas = g_build_filename (dirs[i], "glib-2.0", "schemas", NULL);
      g_autofree char *compiled = g_build_filename (schemas, "gschemas.compiled", NULL);

      if (g_file_test (compiled, G_FILE_TEST_EXISTS))
        {
          g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
          return;
        }
    }
}

/* The start of every widget test's main: what gtk_test_init does, plus isolated XDG folders
 * (gtk_test_init drops g_test_init's options), a fixed locale so that sorting and messages are
 * the same everywhere, and libadwaita. Without a display it tells TAP that the whole program
 * is skipped and returns FALSE: main then returns 0 without adding a test. */
static inline gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  /* In-process widget tests need no accessibility bus. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  ui_test_keep_system_data ();

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

/* ---- the main loop ---------------------------------------------------------------------- */

static inline gboolean
ui_test_keep_waking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds for @data or @seconds have passed, and says
 * whether it holds: the caller decides whether a timeout is a failure, and with what message.
 * It blocks on the main loop rather than sleeping, so that it costs nothing while a worker
 * thread runs (the import's stall measurements rely on that); a periodic wake-up makes the
 * deadline checked even when nothing else happens. */
static inline gboolean
ui_test_wait_until (UiTestCondition condition,
                    gpointer        data,
                    int             seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, ui_test_keep_waking, NULL);
  gboolean holds;

  while (!(holds = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  return holds;
}

typedef struct {
  UiTestCondition is_busy;
  gpointer view;
} UiTestBusyView;

static inline gboolean
ui_test_is_settled (gpointer data)
{
  UiTestBusyView *busy = data;

  return !g_main_context_pending (NULL) && (busy->is_busy == NULL || !busy->is_busy (busy->view));
}

/* Spins the main loop until nothing is pending and, with @is_busy, @view's models have
 * finished their incremental work too, or fails after ten seconds: a test then checks the
 * state the user would see, not one half-way through a reload. */
static inline void
ui_test_settle_view (UiTestCondition is_busy,
                     gpointer        view)
{
  UiTestBusyView busy = { is_busy, view };

  if (!ui_test_wait_until (ui_test_is_settled, &busy, 10))
    g_error ("the main loop did not settle within ten seconds");
}

/* Lets pending redraws, bindings and reloads run. */
static inline void
ui_test_settle (void)
{
  ui_test_settle_view (NULL, NULL);
}

typedef struct {
  GtkLabel *label;
  const char *expected;
} UiTestLabelText;

static inline gboolean
ui_test_label_shows (gpointer data)
{
  UiTestLabelText *wanted = data;

  return g_strcmp0 (gtk_label_get_label (wanted->label), wanted->expected) == 0;
}

/* A search entry reports a change after a short delay, and a view counts its rows after
 * filtering them: waits for what the user would see in @label (a view's status line), lets
 * the view settle and checks it. */
static inline void
ui_test_wait_for_label (GtkLabel        *label,
                        const char      *expected,
                        UiTestCondition  is_busy,
                        gpointer         view)
{
  UiTestLabelText wanted = { label, expected };

  ui_test_wait_until (ui_test_label_shows, &wanted, 5);
  ui_test_settle_view (is_busy, view);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);
}

static inline gboolean
ui_test_pointer_is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static inline gboolean
ui_test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* ---- windows ---------------------------------------------------------------------------- */

/* Presents @window and waits until it is on screen and drawn once, so that lists have made
 * their rows before a test reads them. */
static inline void
ui_test_show_window (GtkWindow *window)
{
  gtk_window_present (window);
  if (!ui_test_wait_until (ui_test_widget_is_mapped, window, 10))
    g_error ("the window was not mapped within ten seconds");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* The window a view test puts its view in: @content alone in an AdwWindow of @width × @height
 * (what the main window leaves a page), on screen, drawn and settled. */
static inline GtkWindow *
ui_test_show_in_window (GtkWidget *content,
                        int        width,
                        int        height)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  gtk_window_set_default_size (window, width, height);
  adw_window_set_content (ADW_WINDOW (window), content);
  ui_test_show_window (window);
  ui_test_settle ();
  return window;
}

/* Destroys @window and checks that @watched (the window itself, or the widget under test in
 * it) goes away with it: a reference kept anywhere would be a leak. */
static inline void
ui_test_destroy_window (GtkWindow *window,
                        gpointer   watched)
{
  g_object_ref (watched);
  gtk_window_destroy (window);
  g_assert_finalize_object (watched);
}

/* The toplevels that are a @type, in GTK's order, each with a reference of the array's own:
 * destroying one may destroy others (a dialog goes with its parent). */
static inline GPtrArray *
ui_test_list_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        g_ptr_array_add (windows, window);
      else
        g_object_unref (window);
    }

  return windows;
}

/* Whether @window is on screen as a window of its own (not yet destroyed). */
static inline gboolean
ui_test_is_toplevel (GtkWindow *window)
{
  g_autoptr(GPtrArray) windows = ui_test_list_toplevels (GTK_TYPE_WINDOW);

  return g_ptr_array_find (windows, window, NULL);
}

/* Destroys every toplevel but @keep: the editors and dialogs a test left open. */
static inline void
ui_test_destroy_other_toplevels (GtkWindow *keep)
{
  g_autoptr(GPtrArray) windows = ui_test_list_toplevels (GTK_TYPE_WINDOW);

  for (guint i = 0; i < windows->len; i++)
    if (g_ptr_array_index (windows, i) != keep)
      gtk_window_destroy (g_ptr_array_index (windows, i));
  ui_test_settle ();
}

/* What a click on a button for @action in @widget (or its shortcut) does, then the main loop
 * settles. */
static inline void
ui_test_activate (GtkWidget  *widget,
                  const char *action)
{
  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  ui_test_settle ();
}

/* ---- message dialogs -------------------------------------------------------------------- */

/* Checks that @dialog is what the user sees: there, visible, and in front of @parent. */
static inline AdwMessageDialog *
ui_test_check_dialog (AdwMessageDialog *dialog,
                      GtkWindow        *parent)
{
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);
  return dialog;
}

/* Clicks @response in @dialog and lets what it starts run. */
static inline void
ui_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  adw_message_dialog_response (dialog, response);
  ui_test_settle ();
}

/* Whether the keyboard focus of @widget's window is @widget or inside it. */
static inline gboolean
ui_test_focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* ---- what a widget tree shows ----------------------------------------------------------- */

typedef gboolean (*UiTestWidgetPredicate) (GtkWidget *widget, gconstpointer data);

/* The first widget of @root's tree, @root included and depth first, that @predicate accepts. */
static inline GtkWidget *
ui_test_find_widget (GtkWidget             *root,
                     UiTestWidgetPredicate  predicate,
                     gconstpointer          data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A label on screen that reads @text (as displayed: without markup or mnemonic). */
static inline gboolean
ui_test_is_label_with_text (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A button that activates the action named @action ("view.import"). */
static inline gboolean
ui_test_is_button_for (GtkWidget     *widget,
                       gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

typedef struct {
  GtkWidget *widget;
  const char *text;
} UiTestShownLabel;

static inline gboolean
ui_test_label_is_shown (gpointer data)
{
  UiTestShownLabel *wanted = data;

  return ui_test_find_widget (wanted->widget, ui_test_is_label_with_text, wanted->text) != NULL;
}

/* Waits up to five seconds for the toast the user sees: a mapped label reading @text in
 * @widget's tree (a view, or the window's toast overlay); fails without it. */
static inline void
ui_test_wait_for_toast (GtkWidget  *widget,
                        const char *text)
{
  UiTestShownLabel wanted = { widget, text };

  if (!ui_test_wait_until (ui_test_label_is_shown, &wanted, 5))
    g_error ("No toast “%s” shown", text);
}

/* A widget of the GType in @type (GSIZE_TO_POINTER (KP_TYPE_…)). */
static inline gboolean
ui_test_is_of_type (GtkWidget     *widget,
                    gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Adds to @texts (of strings to g_free) the texts that @widget's tree has on screen: the
 * cells of list and column views (GtkInscription) and, with @with_labels, the labels. Cells
 * alone let a test count how often a value stands in a table without meeting the same word in
 * a header or a title. */
static inline void
ui_test_collect_texts (GtkWidget *widget,
                       gboolean   with_labels,
                       GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (widget))));
  if (with_labels && GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_test_collect_texts (child, with_labels, texts);
}

/* How many of @texts are @text. */
static inline guint
ui_test_count_text (GPtrArray  *texts,
                    const char *text)
{
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      n++;

  return n;
}

/* Whether @widget's tree shows @text on screen, in a cell or a label. */
static inline gboolean
ui_test_shows_text (GtkWidget  *widget,
                    const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  ui_test_collect_texts (widget, TRUE, texts);
  return ui_test_count_text (texts, text) > 0;
}

/* The column of @view whose header reads @title; the view owns it. */
static inline GtkColumnViewColumn *
ui_test_get_column (GtkColumnView *view,
                    const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_error ("no column “%s”", title);
  return NULL;
}

/* What a click on the header of the column @title does (twice for GTK_SORT_DESCENDING). */
static inline void
ui_test_sort_by (GtkColumnView *view,
                 const char    *title,
                 GtkSortType    order)
{
  gtk_column_view_sort_by_column (view, ui_test_get_column (view, title), order);
}

/* ---- lists ------------------------------------------------------------------------------ */

typedef gboolean (*UiTestItemPredicate) (gpointer item, gconstpointer data);

/* The position of the first item of @model that @predicate accepts, or
 * GTK_INVALID_LIST_POSITION: a row to select, a choice to pick, a record in a store. */
static inline guint
ui_test_find_position (GListModel          *model,
                       UiTestItemPredicate  predicate,
                       gconstpointer        data)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (predicate (item, data))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The first item of @model that @predicate accepts, with a reference for the caller, or NULL. */
static inline gpointer
ui_test_find_item (GListModel          *model,
                   UiTestItemPredicate  predicate,
                   gconstpointer        data)
{
  guint position = ui_test_find_position (model, predicate, data);

  return position != GTK_INVALID_LIST_POSITION ? g_list_model_get_item (model, position) : NULL;
}

static inline gboolean
ui_test_string_is (gpointer      item,
                   gconstpointer string)
{
  return g_strcmp0 (gtk_string_object_get_string (item), string) == 0;
}

/* The position of the entry that reads @label in @drop_down's list of strings, as a user
 * finds it by reading the list. */
static inline guint
ui_test_find_choice (GtkDropDown *drop_down,
                     const char  *label)
{
  guint position = ui_test_find_position (gtk_drop_down_get_model (drop_down), ui_test_string_is, label);

  if (position == GTK_INVALID_LIST_POSITION)
    g_error ("no choice “%s”", label);
  return position;
}

/* ---- a scratch database ----------------------------------------------------------------- */

/* A new database, kompeten/test.db in the test's own data folder: G_TEST_OPTION_ISOLATE_DIRS
 * gives each test a fresh one and removes it afterwards. The window's title then reads
 * "test.db". @path, when not NULL, receives the file's path. */
static inline KpDatabase *
ui_test_new_database (char **path)
{
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "kompeten", "test.db", NULL);
  g_autoptr(GError) error = NULL;
  KpDatabase *database = kp_database_open (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return database;
}

static inline gint64
ui_test_add_unit (KpDatabase *database,
                  const char *name,
                  gint64      parent_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_unit (database, name, parent_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
ui_test_add_position (KpDatabase *database,
                      gint64      unit_id,
                      const char *title,
                      int         kind)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kp_register_add_position (database, unit_id, title, kind, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* What the tests vary about an employee; the rest of a valid record is filled in. */
typedef struct {
  const char *nip;
  const char *name;
  const char *sex;        /* "L" or "P", as the NIP says */
  const char *birth_date; /* ISO, as the NIP says */
  const char *grade;
} UiTestPerson;

/* Saves @person in @position_id under @supervisor_id (0: none), as the register would from
 * the editor, and returns the new record's id. */
static inline gint64
ui_test_save_person (KpDatabase         *database,
                     const UiTestPerson *person,
                     gint64              position_id,
                     gint64              supervisor_id)
{
  g_autoptr(KpEmployee) employee = kp_employee_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  kp_employee_set_nip (employee, person->nip);
  kp_employee_set_name (employee, person->name);
  kp_employee_set_sex (employee, person->sex);
  kp_employee_set_birth_place (employee, "Kalianda");
  kp_employee_set_birth_date (employee, person->birth_date);
  kp_employee_set_education (employee, "S1");
  kp_employee_set_grade (employee, person->grade);
  kp_employee_set_position_id (employee, position_id);
  kp_employee_set_supervisor_id (employee, supervisor_id);

  id = kp_register_save_employee (database, employee, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Every change the register makes appends one audit event: tests count them. */
static inline guint
ui_test_n_audit_events (KpDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = kp_audit_list (database, 0, 0, &error);

  g_assert_no_error (error);
  return events->len;
}
