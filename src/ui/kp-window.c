/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-window.c: the main window of one open database.
 *
 * A sidebar of areas (a navigation-sidebar GtkListBox whose rows are named after the pages of
 * the stack beside it), a header bar naming the database, and the window's actions: opening
 * and creating databases, import, export, printing, search and the employee editors. Opening
 * another database opens another window: a window and its database live and die together. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"
#include "kompeten/kp-reports.h"

#include "kp-application.h"
#include "kp-assessment-view.h"
#include "kp-audit-view.h"
#include "kp-background-export.h"
#include "kp-competency-view.h"
#include "kp-employee-editor.h"
#include "kp-employee-view.h"
#include "kp-employee-view-private.h"
#include "kp-file-chooser.h"
#include "kp-import-dialog.h"
#include "kp-jpm-dialog.h"
#include "kp-org-view.h"
#include "kp-profile-window.h"
#include "kp-recruitment-view.h"
#include "kp-reports-view.h"
#include "kp-standards-view.h"
#include "kp-window.h"
#include "kp-window-private.h"

struct _KpWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *export_progress;
  GtkSpinner *export_spinner;
  GtkListBox *sidebar;
  GtkStack *stack;
  KpEmployeeView *employee_view;
  KpOrgView *org_view;
  KpCompetencyView *competency_view;
  KpStandardsView *standards_view;
  KpAssessmentView *assessment_view;
  KpRecruitmentView *recruitment_view;
  KpReportsView *reports_view;
  KpAuditView *audit_view;

  /* owned */
  KpDatabase *database;
  GSettings *settings;        /* NULL when the schema is not installed */
  GHashTable *editors;        /* employee id (gint64 *) → KpEmployeeEditor, until it is destroyed */
  GHashTable *profiles;       /* employee id (gint64 *) → KpProfileWindow, until it is destroyed */
  GCancellable *cancellable;  /* cancelled at dispose, so late results find no window */
  gboolean exporting;
  gint64 launch_time;         /* KOMPETEN_PROFILE: monotonic time at main(); 0 otherwise */
  gulong after_paint_id;
  gboolean table_drawn;
};

G_DEFINE_FINAL_TYPE (KpWindow, kp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The areas in sidebar order: Ctrl+1 shows the first. */
static const char *const area_names[] = { "employees", "organisation", "competencies", "standards",
                                          "assessments", "recruitment", "reports", "audit" };

static void
show_error (KpWindow     *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkListBoxRow *
find_sidebar_row (KpWindow   *self,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_str_equal (gtk_widget_get_name (child), name))
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
restore_window_state (KpWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (KpWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  /* The default size follows the user's resizing and stays the unmaximized size while the
   * window is maximized, which is what the next start should restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
on_open_database_chosen_cb (GFile    *file,
                            gpointer  user_data)
{
  g_autoptr(KpWindow) self = user_data;

  if (file != NULL)
    _kp_window_open_database (self, file);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  static const char *const patterns[] = { "*.db", NULL };

  kp_file_chooser_open (GTK_WINDOW (widget), _("Open Database"), _("Kompeten databases"),
                        patterns, on_open_database_chosen_cb, g_object_ref (widget));
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  static const char *const patterns[] = { "*.db", NULL };

  /* Opening a missing file creates it; an existing one (the chooser asked before replacing)
   * is opened as it is, never emptied. */
  kp_file_chooser_save (GTK_WINDOW (widget), _("New Database"), "kompeten.db",
                        _("Kompeten databases"), patterns,
                        on_open_database_chosen_cb, g_object_ref (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  KpImportDialog *dialog;

  dialog = kp_import_dialog_new (GTK_WINDOW (self), self->database);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The name's extension picks the format; any other name gets a workbook: the format proposed,
 * and what the officers open. */
static gboolean
write_register (KpDatabase  *database,
                const char  *path,
                gpointer     data,
                GError     **error)
{
  g_autofree char *folded = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (folded, ".csv"))
    return kp_employee_export_csv (database, path, error);

  return kp_report_export_employees_xlsx (database, path, error);
}

static void
on_export_toast_button_clicked_cb (AdwToast *toast,
                                   gpointer  user_data)
{
  KpWindow *self = user_data;
  const char *uri = g_object_get_data (G_OBJECT (toast), "kp-uri");

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KpWindow) self = kp_background_export_dup_source (result);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  GFile *file = kp_background_export_get_file (result);
  AdwToast *toast;

  if ((!kp_background_export_finish (result, &error) &&
       g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) || self == NULL)
    return; /* the window was closed meanwhile; the file is written all the same */

  self->exporting = FALSE;
  gtk_widget_set_visible (self->export_progress, FALSE);
  gtk_spinner_stop (self->export_spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);

  if (error != NULL)
    {
      show_error (self, _("Cannot Export the Register"), error);
      return;
    }

  basename = g_file_get_basename (file);
  /* Toast titles are markup. */
  escaped = g_markup_escape_text (basename, -1);
  /* Translators: %s is a file name, e.g. pegawai-2026-11-29.xlsx */
  title = g_strdup_printf (_("Register exported to %s"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "kp-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (on_export_toast_button_clicked_cb), self, 0);
  kp_window_add_toast (self, toast);
}

static void
on_export_chosen_cb (GFile    *file,
                     gpointer  user_data)
{
  g_autoptr(KpWindow) self = user_data;

  if (file != NULL)
    _kp_window_export_to (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const char *const patterns[] = { "*.xlsx", "*.csv", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("pegawai-%s.xlsx", date);

  /* One filter for both formats: kp_file_chooser_save takes one. The name's extension picks
   * the format. */
  kp_file_chooser_save (GTK_WINDOW (widget), _("Export Register"), name,
                        _("Excel workbook (*.xlsx) or CSV (*.csv)"), patterns,
                        on_export_chosen_cb, g_object_ref (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);

  kp_window_show_area (self, "reports");
  kp_reports_view_print (self->reports_view);
}

static void
jpm_settings_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (kp_jpm_dialog_new (GTK_WINDOW (self), self->database)));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);

  if (g_strcmp0 (_kp_window_get_visible_area (self), "audit") == 0)
    {
      kp_audit_view_focus_search (self->audit_view);
      return;
    }
  if (g_strcmp0 (_kp_window_get_visible_area (self), "competencies") == 0)
    {
      kp_competency_view_focus_search (self->competency_view);
      return;
    }
  if (g_strcmp0 (_kp_window_get_visible_area (self), "standards") == 0)
    {
      kp_standards_view_focus_search (self->standards_view);
      return;
    }
  if (g_strcmp0 (_kp_window_get_visible_area (self), "assessments") == 0)
    {
      kp_assessment_view_focus_search (self->assessment_view);
      return;
    }
  if (g_strcmp0 (_kp_window_get_visible_area (self), "recruitment") == 0)
    {
      kp_recruitment_view_focus_search (self->recruitment_view);
      return;
    }

  /* Areas without a search of their own: the register is what people look for. */
  kp_window_show_area (self, "employees");
  kp_employee_view_focus_search (self->employee_view);
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  kp_window_show_area (KP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_undo_toast_button_clicked_cb (AdwToast *toast,
                                 gpointer  user_data)
{
  KpWindow *self = user_data;
  KpEmployee *deleted = g_object_get_data (G_OBJECT (toast), "kp-employee");
  g_autoptr(KpEmployee) restored = kp_employee_copy_as_new (deleted);
  g_autoptr(GError) error = NULL;

  if (kp_register_save_employee (self->database, restored, &error) == 0)
    show_error (self, _("Cannot Restore the Employee"), error);
}

static void
on_editor_deleted_cb (KpEmployeeEditor *editor,
                      KpEmployee       *copy,
                      gpointer          user_data)
{
  KpWindow *self = user_data;
  g_autofree char *escaped = g_markup_escape_text (kp_employee_get_name (copy), -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: a toast after deleting an employee; %s is the name */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "kp-employee", g_object_ref (copy), g_object_unref);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (on_undo_toast_button_clicked_cb), self, 0);
  kp_window_add_toast (self, toast);
}

static gboolean
is_editor (gpointer key,
           gpointer value,
           gpointer user_data)
{
  return value == user_data;
}

static void
on_editor_destroy_cb (GtkWidget *editor,
                      gpointer   user_data)
{
  KpWindow *self = user_data;

  g_hash_table_foreach_remove (self->editors, is_editor, editor);
}

static void
present_editor (KpWindow         *self,
                KpEmployeeEditor *editor)
{
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_editor_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_employee_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);

  present_editor (self, kp_employee_editor_new (GTK_WINDOW (self), self->database, NULL));
}

static void
edit_employee_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GListModel *employees = kp_database_get_employees (self->database);
  KpEmployeeEditor *editor;
  guint n = g_list_model_get_n_items (employees);

  /* One editor per employee: a second request brings the first forward. */
  editor = g_hash_table_lookup (self->editors, &id);
  if (editor != NULL)
    {
      gtk_window_present (GTK_WINDOW (editor));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpEmployee) employee = g_list_model_get_item (employees, i);

      if (kp_employee_get_id (employee) != id)
        continue;

      editor = kp_employee_editor_new (GTK_WINDOW (self), self->database, employee);
      g_hash_table_insert (self->editors, g_memdup2 (&id, sizeof id), editor);
      g_signal_connect_object (editor, "destroy", G_CALLBACK (on_editor_destroy_cb), self, 0);
      present_editor (self, editor);
      return;
    }

  /* Deleted meanwhile, e.g. from another editor. */
  kp_window_add_toast (self, adw_toast_new (_("This employee is no longer in the register")));
}

static void
on_profile_destroy_cb (GtkWidget *profile,
                       gpointer   user_data)
{
  KpWindow *self = user_data;

  g_hash_table_foreach_remove (self->profiles, is_editor, profile);
}

static void
profile_employee_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GListModel *employees = kp_database_get_employees (self->database);
  KpProfileWindow *profile;
  guint n = g_list_model_get_n_items (employees);

  /* One profile per employee: a second request brings the first forward. */
  profile = g_hash_table_lookup (self->profiles, &id);
  if (profile != NULL)
    {
      gtk_window_present (GTK_WINDOW (profile));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpEmployee) employee = g_list_model_get_item (employees, i);

      if (kp_employee_get_id (employee) != id)
        continue;

      profile = kp_profile_window_new (GTK_WINDOW (self), self->database, employee);
      g_hash_table_insert (self->profiles, g_memdup2 (&id, sizeof id), profile);
      g_signal_connect_object (profile, "destroy", G_CALLBACK (on_profile_destroy_cb), self, 0);
      gtk_window_present (GTK_WINDOW (profile));
      return;
    }

  kp_window_add_toast (self, adw_toast_new (_("This employee is no longer in the register")));
}

static void
on_sidebar_row_selected_cb (GtkListBox    *sidebar,
                            GtkListBoxRow *row,
                            gpointer       user_data)
{
  KpWindow *self = user_data;

  if (row != NULL)
    gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* KOMPETEN_PROFILE: the time from main() to the first frame that shows the register. */
static void
on_frame_clock_after_paint_cb (GdkFrameClock *frame_clock,
                               gpointer       user_data)
{
  KpWindow *self = user_data;
  GtkColumnView *column_view = _kp_employee_view_get_column_view (self->employee_view);
  guint n_total = g_list_model_get_n_items (kp_database_get_employees (self->database));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view)));
  double elapsed = (g_get_monotonic_time () - self->launch_time) / (double) G_USEC_PER_SEC;

  if (!self->table_drawn && (n_shown > 0 || n_total == 0))
    {
      self->table_drawn = TRUE;
      g_printerr ("kompeten: first frame of the register after %.3f s (%u of %u rows)\n",
                  elapsed, n_shown, n_total);
    }

  if (self->table_drawn && !_kp_employee_view_is_busy (self->employee_view))
    {
      g_printerr ("kompeten: register settled after %.3f s\n", elapsed);
      g_clear_signal_handler (&self->after_paint_id, frame_clock);
    }
}

static void
kp_window_realize (GtkWidget *widget)
{
  KpWindow *self = KP_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  GTK_WIDGET_CLASS (kp_window_parent_class)->realize (widget);

  /* Not in constructed: g_object_new sets "application" after it. */
  if (KP_IS_APPLICATION (application))
    self->launch_time = kp_application_get_launch_time (KP_APPLICATION (application));
  if (self->launch_time > 0 && self->after_paint_id == 0 && !self->table_drawn)
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (on_frame_clock_after_paint_cb), self);
}

static void
kp_window_unrealize (GtkWidget *widget)
{
  KpWindow *self = KP_WINDOW (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (kp_window_parent_class)->unrealize (widget);
}

static gboolean
kp_window_close_request (GtkWindow *window)
{
  save_window_state (KP_WINDOW (window));

  return GTK_WINDOW_CLASS (kp_window_parent_class)->close_request (window);
}

static void
kp_window_constructed (GObject *object)
{
  KpWindow *self = KP_WINDOW (object);
  const char *path = kp_database_get_path (self->database);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (kp_window_parent_class)->constructed (object);

  /* Translators: the window's title, as the desktop's window list shows it; %s is the file
   * name of the database, e.g. "demo.db — Kompeten" */
  title = g_strdup_printf (_("%s — Kompeten"), basename);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), path);

  self->settings = kp_application_new_settings ();
  restore_window_state (self);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", path);

  kp_employee_view_set_database (self->employee_view, self->database);
  kp_org_view_set_database (self->org_view, self->database);
  kp_competency_view_set_database (self->competency_view, self->database);
  kp_standards_view_set_database (self->standards_view, self->database);
  kp_assessment_view_set_database (self->assessment_view, self->database);
  kp_recruitment_view_set_database (self->recruitment_view, self->database);
  kp_reports_view_set_database (self->reports_view, self->database);
  kp_audit_view_set_database (self->audit_view, self->database);
}

static void
kp_window_dispose (GObject *object)
{
  KpWindow *self = KP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_window_parent_class)->dispose (object);
}

static void
kp_window_finalize (GObject *object)
{
  KpWindow *self = KP_WINDOW (object);

  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_pointer (&self->profiles, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kp_window_parent_class)->finalize (object);
}

static void
kp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KpWindow *self = KP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KpWindow *self = KP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_window_class_init (KpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kp_window_constructed;
  object_class->dispose = kp_window_dispose;
  object_class->finalize = kp_window_finalize;
  object_class->get_property = kp_window_get_property;
  object_class->set_property = kp_window_set_property;

  widget_class->realize = kp_window_realize;
  widget_class->unrealize = kp_window_unrealize;

  window_class->close_request = kp_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_EMPLOYEE_VIEW);
  g_type_ensure (KP_TYPE_ORG_VIEW);
  g_type_ensure (KP_TYPE_COMPETENCY_VIEW);
  g_type_ensure (KP_TYPE_STANDARDS_VIEW);
  g_type_ensure (KP_TYPE_ASSESSMENT_VIEW);
  g_type_ensure (KP_TYPE_RECRUITMENT_VIEW);
  g_type_ensure (KP_TYPE_REPORTS_VIEW);
  g_type_ensure (KP_TYPE_AUDIT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, export_progress);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, employee_view);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, org_view);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, competency_view);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, standards_view);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, assessment_view);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, recruitment_view);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, reports_view);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, audit_view);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.jpm-settings", NULL, jpm_settings_action);
  gtk_widget_class_install_action (widget_class, "win.new-employee", NULL, new_employee_action);
  gtk_widget_class_install_action (widget_class, "win.edit-employee", "x", edit_employee_action);
  gtk_widget_class_install_action (widget_class, "win.profile-employee", "x",
                                   profile_employee_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-employee", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (area_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-area", "s", area_names[i]);
}

static void
kp_window_init (KpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->profiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();

  kp_window_show_area (self, "employees");
  /* Start in the sidebar, as GNOME Settings does: arrows pick an area, Tab enters it, Ctrl+F
   * searches. Otherwise GTK starts on the first button of the header bar. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));
}

/**
 * kp_window_new:
 * @application: (nullable): the application, or NULL in tests
 * @database: the database to show
 *
 * Returns: (transfer none): a new window, owned by GTK's list of toplevels
 */
KpWindow *
kp_window_new (GtkApplication *application,
               KpDatabase     *database)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KP_IS_DATABASE (database), NULL);

  return g_object_new (KP_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       NULL);
}

/**
 * kp_window_get_database:
 *
 * Returns: (transfer none): the database this window shows
 */
KpDatabase *
kp_window_get_database (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return self->database;
}

/**
 * kp_window_add_toast:
 * @toast: (transfer full): the toast, e.g. from adw_toast_new()
 *
 * Shows @toast over the window's content.
 */
void
kp_window_add_toast (KpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * kp_window_show_area:
 * @name: "employees", "organisation", "competencies", "reports" or "audit"
 *
 * Shows an area, selecting its row in the sidebar.
 */
void
kp_window_show_area (KpWindow   *self,
                     const char *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (KP_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  row = find_sidebar_row (self, name);
  g_return_if_fail (row != NULL);

  gtk_list_box_select_row (self->sidebar, row);

  /* Ctrl+3 while the keyboard is in the sidebar: the focus follows, or the focus ring would
   * stay on the old area's row, away from the highlighted one. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->sidebar)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

KpEmployeeView *
_kp_window_get_employee_view (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return self->employee_view;
}

AdwWindowTitle *
_kp_window_get_window_title (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return self->window_title;
}

GtkListBox *
_kp_window_get_sidebar (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return self->sidebar;
}

AdwToastOverlay *
_kp_window_get_toast_overlay (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return self->toast_overlay;
}

const char *
_kp_window_get_visible_area (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GSettings *
_kp_window_get_settings (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);

  return self->settings;
}

void
_kp_window_export_to (KpWindow *self,
                      GFile    *file)
{
  g_return_if_fail (KP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Progress in the header, not in a toast: libadwaita 1.2 can crash when a toast is
   * dismissed during its show animation, which a quick export would do. */
  self->exporting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_set_visible (self->export_progress, TRUE);
  gtk_spinner_start (self->export_spinner);

  kp_background_export (self, self->database, file, write_register, NULL, NULL,
                        self->cancellable, on_export_done_cb, NULL);
}

gboolean
_kp_window_is_exporting (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), FALSE);

  return self->exporting;
}

void
_kp_window_open_database (KpWindow *self,
                          GFile    *file)
{
  g_autoptr(KpDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KpWindow *window;

  g_return_if_fail (KP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   _("Only files on this computer or a mounted network drive can be opened."));
      show_error (self, _("Cannot Open the Database"), error);
      return;
    }

  database = kp_database_open (path, &error);
  if (database == NULL)
    {
      show_error (self, _("Cannot Open the Database"), error);
      return;
    }

  /* The new window starts at this window's size. */
  save_window_state (self);

  window = kp_window_new (gtk_window_get_application (GTK_WINDOW (self)), database);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (self));
}
