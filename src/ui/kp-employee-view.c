/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-view.c: the employee register as a searchable, sortable table.
 *
 * The table, its models and its columns are declared whole in kp-employee-view.ui:
 * employees → GtkSortListModel (the view's sorter) → GtkFilterListModel (search) →
 * GtkSingleSelection. Filtering after sorting is deliberate: a filter that changes on every
 * keystroke in front of the sort model makes it re-sort on every keystroke (seconds on
 * 100,000 rows), while a filter behind it only re-tests rows and keeps their sorted order.
 * This file keeps the logic: the search filter, the cell formatters, and the status line and
 * empty states. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-employee-sorter.h"
#include "kp-employee-view.h"
#include "kp-employee-view-private.h"

struct _KpEmployeeView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *main_stack;
  GtkStack *results_stack;
  GtkSearchEntry *search_entry;
  GtkColumnView *column_view;
  GtkLabel *status_label;

  /* template objects */
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkCustomFilter *filter;

  /* borrowed from the database */
  GListModel *employees;

  /* owned */
  KpDatabase *database;
  char *needle; /* the folded search text; NULL when not searching */
};

G_DEFINE_FINAL_TYPE (KpEmployeeView, kp_employee_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_status (KpEmployeeView *self)
{
  g_autofree char *status = NULL;
  guint total = 0;
  guint shown;
  gboolean filtering;

  if (self->employees != NULL)
    total = g_list_model_get_n_items (self->employees);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  filtering = gtk_filter_list_model_get_pending (self->filter_model) > 0;

  /* Translators: the status line under the employee list, e.g. "12 of 1,500 employees"; the
   * plural follows the second number, the total. %'u prints a number with the locale's digit
   * grouping. */
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u employee",
                                         "%'u of %'u employees", total),
                            shown, total);
  gtk_label_set_label (self->status_label, status);

  gtk_stack_set_visible_child_name (self->main_stack, total == 0 ? "empty" : "register");
  /* While an incremental filter is still running, zero matches only means "not yet". */
  gtk_stack_set_visible_child_name (self->results_stack,
                                    shown == 0 && !filtering ? "no-results" : "list");
}

static gboolean
employee_matches (gpointer item,
                  gpointer user_data)
{
  KpEmployeeView *self = user_data;
  const char *key = kp_employee_get_search_key (item);

  return key != NULL && strstr (key, self->needle) != NULL;
}

/* Cell formatters, named by the <closure> elements of the column templates. */

static char *
format_nip (gpointer    unused,
            KpEmployee *employee)
{
  return employee != NULL ? g_strdup (kp_employee_get_nip (employee)) : NULL;
}

static char *
format_name (gpointer    unused,
             KpEmployee *employee)
{
  return employee != NULL ? g_strdup (kp_employee_get_name (employee)) : NULL;
}

static char *
format_sex (gpointer    unused,
            KpEmployee *employee)
{
  if (employee == NULL)
    return NULL;

  switch (kp_sex_parse (kp_employee_get_sex (employee)))
    {
    case KP_SEX_MALE:
      /* Translators: one-letter code for a man in the Sex column (Indonesian: L) */
      return g_strdup (C_("sex", "M"));

    case KP_SEX_FEMALE:
      /* Translators: one-letter code for a woman in the Sex column (Indonesian: P) */
      return g_strdup (C_("sex", "F"));

    case KP_SEX_UNKNOWN:
    default:
      return NULL;
    }
}

static char *
format_unit (gpointer    unused,
             KpEmployee *employee)
{
  return employee != NULL ? g_strdup (kp_employee_get_unit_name (employee)) : NULL;
}

static char *
format_position (gpointer    unused,
                 KpEmployee *employee)
{
  return employee != NULL ? g_strdup (kp_employee_get_position_title (employee)) : NULL;
}

static char *
format_kind (gpointer    unused,
             KpEmployee *employee)
{
  return employee != NULL ? g_strdup (kp_employee_get_kind_name (employee)) : NULL;
}

static char *
format_grade (gpointer    unused,
              KpEmployee *employee)
{
  return employee != NULL ? g_strdup (kp_employee_get_grade (employee)) : NULL;
}

static char *
format_supervisor (gpointer    unused,
                   KpEmployee *employee)
{
  return employee != NULL ? g_strdup (kp_employee_get_supervisor_name (employee)) : NULL;
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry *entry,
                                   KpEmployeeView *self)
{
  g_autofree char *needle = kp_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  GtkFilterChange change;

  if (needle == NULL || needle[0] == '\0')
    {
      if (self->needle == NULL)
        return;

      /* Without a function the filter matches everything and says so, so the filter model
       * shows all rows at once instead of testing each one. */
      g_clear_pointer (&self->needle, g_free);
      gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
      return;
    }

  if (self->needle == NULL)
    {
      self->needle = g_steal_pointer (&needle);
      gtk_custom_filter_set_filter_func (self->filter, employee_matches, self, NULL);
      return;
    }

  if (strcmp (needle, self->needle) == 0)
    return;

  /* A longer needle that contains the old one can only drop rows (and a shorter one only add
   * rows): the filter model then re-tests only the rows that can change. */
  if (strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry *entry,
                                KpEmployeeView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_filter_model_items_changed_cb (GListModel     *model,
                                  guint           position,
                                  guint           removed,
                                  guint           added,
                                  KpEmployeeView *self)
{
  update_status (self);
}

static void
on_filter_model_notify_pending_cb (GtkFilterListModel *model,
                                   GParamSpec         *pspec,
                                   KpEmployeeView     *self)
{
  update_status (self);
}

static void
on_employees_items_changed_cb (KpEmployeeView *self,
                               guint           position,
                               guint           removed,
                               guint           added,
                               GListModel     *employees)
{
  update_status (self);
}

static void
kp_employee_view_dispose (GObject *object)
{
  KpEmployeeView *self = KP_EMPLOYEE_VIEW (object);

  /* Dispose may run more than once: the template pointers are NULL after the first time. */
  if (self->filter_model != NULL)
    {
      /* The filter function points back at us, and tearing down the columns re-sorts and so
       * re-filters: nothing of ours may run from here on. */
      g_signal_handlers_disconnect_by_data (self->filter_model, self);
      gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
    }
  if (self->employees != NULL)
    g_signal_handlers_disconnect_by_data (self->employees, self);
  self->employees = NULL;

  /* main_stack is both a template child and AdwBin's child: let AdwBin unparent it first, or
   * disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_EMPLOYEE_VIEW);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_employee_view_parent_class)->dispose (object);
}

static void
kp_employee_view_finalize (GObject *object)
{
  KpEmployeeView *self = KP_EMPLOYEE_VIEW (object);

  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (kp_employee_view_parent_class)->finalize (object);
}

static void
kp_employee_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KpEmployeeView *self = KP_EMPLOYEE_VIEW (object);

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
kp_employee_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KpEmployeeView *self = KP_EMPLOYEE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      kp_employee_view_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_employee_view_class_init (KpEmployeeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_employee_view_dispose;
  object_class->finalize = kp_employee_view_finalize;
  object_class->get_property = kp_employee_view_get_property;
  object_class->set_property = kp_employee_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_EMPLOYEE_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-employee-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, filter);

  gtk_widget_class_bind_template_callback (widget_class, format_nip);
  gtk_widget_class_bind_template_callback (widget_class, format_name);
  gtk_widget_class_bind_template_callback (widget_class, format_sex);
  gtk_widget_class_bind_template_callback (widget_class, format_unit);
  gtk_widget_class_bind_template_callback (widget_class, format_position);
  gtk_widget_class_bind_template_callback (widget_class, format_kind);
  gtk_widget_class_bind_template_callback (widget_class, format_grade);
  gtk_widget_class_bind_template_callback (widget_class, format_supervisor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_notify_pending_cb);
}

static void
kp_employee_view_init (KpEmployeeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing while the table has the focus starts a search (no such property in GTK 4.8). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  update_status (self);
}

/**
 * kp_employee_view_new:
 *
 * Returns: (transfer floating): a new view showing no database yet
 */
GtkWidget *
kp_employee_view_new (void)
{
  return g_object_new (KP_TYPE_EMPLOYEE_VIEW, NULL);
}

/**
 * kp_employee_view_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose employees are shown
 */
KpDatabase *
kp_employee_view_get_database (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), NULL);

  return self->database;
}

/**
 * kp_employee_view_set_database:
 * @database: (nullable): the database whose employees to show
 */
void
kp_employee_view_set_database (KpEmployeeView *self,
                               KpDatabase     *database)
{
  g_return_if_fail (KP_IS_EMPLOYEE_VIEW (self));
  g_return_if_fail (database == NULL || KP_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->employees != NULL)
    g_signal_handlers_disconnect_by_data (self->employees, self);

  g_set_object (&self->database, database);
  self->employees = database != NULL ? kp_database_get_employees (database) : NULL;
  gtk_sort_list_model_set_model (self->sort_model, self->employees);

  /* Connected after the models' own handlers, so the counts are current when it runs. */
  if (self->employees != NULL)
    g_signal_connect_swapped (self->employees, "items-changed",
                              G_CALLBACK (on_employees_items_changed_cb), self);

  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

void
kp_employee_view_focus_search (KpEmployeeView *self)
{
  g_return_if_fail (KP_IS_EMPLOYEE_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GtkColumnView *
_kp_employee_view_get_column_view (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), NULL);

  return self->column_view;
}

GtkSearchEntry *
_kp_employee_view_get_search_entry (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), NULL);

  return self->search_entry;
}

GtkLabel *
_kp_employee_view_get_status_label (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), NULL);

  return self->status_label;
}

const char *
_kp_employee_view_get_page (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return "empty";

  return gtk_stack_get_visible_child_name (self->results_stack);
}

gboolean
_kp_employee_view_is_busy (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), FALSE);

  return gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
         gtk_sort_list_model_get_pending (self->sort_model) > 0;
}
