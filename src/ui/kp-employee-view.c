/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-view.c: the employee register as a searchable, sortable table.
 *
 * The table, its models and its columns are declared whole in kp-employee-view.ui:
 * employees → sorted_model (a KpEmployeeList) → GtkFilterListModel (search, unit, kind) →
 * GtkSingleSelection. The sorted list is the register in the order of the column the user
 * clicked, computed by kp_employee_sorter_order: in GTK 4.8 a GtkSortListModel bound to the
 * column view's sorter compares through that sorter, which has no sort keys, and took up to
 * 0.4 s on 100,000 rows (see kp-employee-sorter.c). The filter is not
 * incremental: it finishes in milliseconds, and each step of an incremental one would make
 * GTK rebuild the 200 rows it keeps. Filtering after sorting is deliberate: a filter that changes on every
 * keystroke in front of the sort model makes it re-sort on every keystroke (seconds on
 * 100,000 rows), while a filter behind it only re-tests rows and keeps their sorted order.
 * This file keeps the logic: the one filter that combines the search with the unit and
 * position-kind choices, the cell formatters, the status line and the empty states.
 *
 * With KOMPETEN_PROFILE=1 in the environment the view prints on stderr how long each filter
 * change and each sort takes to finish, the figures behind "smooth with 100,000 rows". */

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
  GtkDropDown *unit_drop_down;
  GtkDropDown *kind_drop_down;
  GtkColumnView *column_view;
  GtkLabel *status_label;
  AdwStatusPage *no_results_page;
  GtkButton *empty_import_button;
  GtkButton *empty_add_button;

  /* template objects */
  GtkFilterListModel *filter_model;
  KpEmployeeList *sorted_model;
  GtkCustomFilter *filter;
  GtkStringList *unit_names;
  GtkStringList *kind_names;

  /* borrowed from the database */
  GListModel *employees;
  GListModel *units;

  /* owned */
  KpDatabase *database;
  char *needle;          /* the folded search text; NULL when not searching */
  GArray *unit_ids;      /* of gint64, parallel to unit_names; 0 for "All units" */
  gint64 unit_id;        /* the chosen unit, 0 for all */
  GHashTable *unit_set;  /* of gint64: the chosen unit and its sub-units; NULL for all */
  int kind;              /* the chosen KpPositionKind, -1 for all */
  gboolean sorted;       /* a column sorts; else sorted_model is the register's order */
  guint *order;          /* the register positions in the order shown, while sorted */
  guint n_order;
  gboolean filtering;    /* the filter has a function (without one it matches everything) */
  guint rebuilding_units;

  /* KOMPETEN_PROFILE */
  gboolean profile;
  gint64 filter_started;
  const char *filter_what;
  gint64 sort_started;
  gint64 paint_started;  /* the change whose first painted frame is awaited */
  const char *paint_what;
  gulong after_paint_id;
};

G_DEFINE_FINAL_TYPE (KpEmployeeView, kp_employee_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- profiling ----------------------------------------------------------------------------- */

static void
on_frame_clock_after_paint_cb (GdkFrameClock  *frame_clock,
                               KpEmployeeView *self)
{
  g_printerr ("kompeten-profile: %s on screen after %.1f ms\n", self->paint_what,
              (g_get_monotonic_time () - self->paint_started) / 1000.0);
  g_clear_signal_handler (&self->after_paint_id, frame_clock);
}

/* Reports when the frame that shows a change has been painted: the time the user waits. */
static void
profile_await_paint (KpEmployeeView *self,
                     const char     *what,
                     gint64          started)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (frame_clock == NULL || self->after_paint_id != 0)
    return;

  self->paint_what = what;
  self->paint_started = started;
  self->after_paint_id = g_signal_connect (frame_clock, "after-paint",
                                           G_CALLBACK (on_frame_clock_after_paint_cb), self);
}

static void
profile_filter_done (KpEmployeeView *self)
{
  if (self->filter_started == 0 || gtk_filter_list_model_get_pending (self->filter_model) > 0)
    return;

  g_printerr ("kompeten-profile: filter (%s) %.1f ms, %u of %u rows\n", self->filter_what,
              (g_get_monotonic_time () - self->filter_started) / 1000.0,
              g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)),
              self->employees != NULL ? g_list_model_get_n_items (self->employees) : 0);
  profile_await_paint (self, "filter", self->filter_started);
  self->filter_started = 0;
}

static void
profile_sort_done (KpEmployeeView *self)
{
  if (self->sort_started == 0)
    return;

  g_printerr ("kompeten-profile: sort %.1f ms, %u rows\n",
              (g_get_monotonic_time () - self->sort_started) / 1000.0,
              g_list_model_get_n_items (G_LIST_MODEL (self->sorted_model)));
  profile_await_paint (self, "sort", self->sort_started);
  self->sort_started = 0;
}

/* ---- status and filter ---------------------------------------------------------------------- */

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

  if (self->unit_set != NULL || self->kind >= 0)
    adw_status_page_set_description (self->no_results_page,
                                     _("Try another search, or choose All units and All kinds."));
  else
    adw_status_page_set_description (self->no_results_page,
                                     _("Try another name or a part of the NIP."));
}

/* Runs once per row on every change of the search or the choices: keep it cheap, the cheapest
 * test first. */
static gboolean
employee_matches (gpointer item,
                  gpointer user_data)
{
  KpEmployeeView *self = user_data;
  KpEmployee *employee = item;

  if (self->kind >= 0 && kp_employee_get_kind (employee) != self->kind)
    return FALSE;

  if (self->unit_set != NULL)
    {
      gint64 unit_id = kp_employee_get_unit_id (employee);

      if (!g_hash_table_contains (self->unit_set, &unit_id))
        return FALSE;
    }

  if (self->needle != NULL)
    {
      const char *key = kp_employee_get_search_key (employee);

      if (key == NULL || strstr (key, self->needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Tells the filter model that the criteria changed by @change. With no criteria the filter has
 * no function: it then matches everything and says so, and the filter model shows all rows at
 * once instead of testing each one. */
static void
refilter (KpEmployeeView  *self,
          GtkFilterChange  change,
          const char      *what,
          gint64           started)
{
  gboolean wanted = self->needle != NULL || self->unit_set != NULL || self->kind >= 0;

  if (self->profile)
    {
      self->filter_started = started;
      self->filter_what = what;
    }

  if (!wanted)
    {
      if (self->filtering)
        {
          self->filtering = FALSE;
          gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
        }
    }
  else if (!self->filtering)
    {
      self->filtering = TRUE;
      gtk_custom_filter_set_filter_func (self->filter, employee_matches, self, NULL);
    }
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);

  update_status (self);
  if (self->profile)
    profile_filter_done (self);
}

/* The chosen unit and every unit below it. */
static GHashTable *
collect_unit_set (KpEmployeeView *self,
                  gint64          unit_id)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = self->units != NULL ? g_list_model_get_n_items (self->units) : 0;
  gboolean grew = TRUE;

  g_hash_table_add (set, g_memdup2 (&unit_id, sizeof unit_id));

  /* Units are few (tens, a few hundred): sweeping until nothing is added is fast enough and
   * needs no tree. */
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KpUnit) unit = g_list_model_get_item (self->units, i);
          gint64 id = kp_unit_get_id (unit);
          gint64 parent_id = kp_unit_get_parent_id (unit);

          if (parent_id > 0 && g_hash_table_contains (set, &parent_id) &&
              !g_hash_table_contains (set, &id))
            {
              g_hash_table_add (set, g_memdup2 (&id, sizeof id));
              grew = TRUE;
            }
        }
    }

  return set;
}

static gboolean
unit_set_contains_all (GHashTable *set,
                       GHashTable *subset)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, subset);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (set, key))
      return FALSE;

  return TRUE;
}

/* Shows the employees of @unit_id and its sub-units (0: of all units). Also called after the
 * units changed, when the same unit may have gained or lost sub-units. */
static void
apply_unit (KpEmployeeView *self,
            gint64          unit_id)
{
  gint64 started = g_get_monotonic_time ();
  GHashTable *old_set = self->unit_set;
  GHashTable *new_set = unit_id > 0 ? collect_unit_set (self, unit_id) : NULL;
  GtkFilterChange change;

  self->unit_id = unit_id;

  if (old_set == NULL && new_set == NULL)
    return;

  if (old_set == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (new_set == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    {
      gboolean narrower = unit_set_contains_all (old_set, new_set);
      gboolean wider = unit_set_contains_all (new_set, old_set);

      if (narrower && wider)
        {
          g_hash_table_unref (new_set);
          return; /* the same units */
        }

      /* A sub-unit of the unit shown before can only drop rows, its parent only add rows. */
      change = narrower ? GTK_FILTER_CHANGE_MORE_STRICT
                        : wider ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT;
    }

  self->unit_set = new_set;
  refilter (self, change, "unit", started);
  g_clear_pointer (&old_set, g_hash_table_unref);
}

/* Refills the unit choices from the units store, keeping the chosen unit chosen. */
static void
rebuild_unit_names (KpEmployeeView *self)
{
  guint n = self->units != NULL ? g_list_model_get_n_items (self->units) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_full (n + 1, NULL);
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->unit_ids, 0);
  g_array_append_val (self->unit_ids, none);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpUnit) unit = g_list_model_get_item (self->units, i);
      gint64 id = kp_unit_get_id (unit);

      /* The store keeps the record, and so the name, alive until its next change. */
      g_ptr_array_add (names, (gpointer) kp_unit_get_name (unit));
      g_array_append_val (self->unit_ids, id);
      if (id == self->unit_id)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);

  /* The drop-down follows its model on its own and would pick another unit while the list is
   * replaced: its notifications are ignored until the right unit is chosen again. */
  self->rebuilding_units++;
  gtk_string_list_splice (self->unit_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->unit_names)) - 1,
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->unit_drop_down, selected);
  self->rebuilding_units--;

  apply_unit (self, selected > 0 ? self->unit_id : 0);
}

/* ---- cells ---------------------------------------------------------------------------------- */

/* The cells are made in C rather than from a template: GTK 4.8 keeps 200 rows alive in a list
 * view and builds all of them anew after every sort or filter change, 1,600 cells here, and
 * parsing a cell template for each took most of that time (measured with the bench in
 * tests/ui/test-employee-view.c). */

static const char *
sex_text (KpEmployee *employee)
{
  switch (kp_sex_parse (kp_employee_get_sex (employee)))
    {
    case KP_SEX_MALE:
      /* Translators: one-letter code for a man in the Sex column (Indonesian: L) */
      return C_("sex", "M");

    case KP_SEX_FEMALE:
      /* Translators: one-letter code for a woman in the Sex column (Indonesian: P) */
      return C_("sex", "F");

    case KP_SEX_UNKNOWN:
    default:
      return NULL;
    }
}

typedef struct {
  const char *(*text) (KpEmployee *employee);
  int min_chars;
  int nat_chars;
  gboolean numeric;
} ColumnCells;

/* By the key of the column's sorter, which names the column. */
static const ColumnCells column_cells[] = {
  [KP_EMPLOYEE_SORT_KEY_NIP] = { kp_employee_get_nip, 18, 18, TRUE },
  [KP_EMPLOYEE_SORT_KEY_NAME] = { kp_employee_get_name, 20, 32, FALSE },
  [KP_EMPLOYEE_SORT_KEY_SEX] = { sex_text, 1, 1, FALSE },
  [KP_EMPLOYEE_SORT_KEY_UNIT] = { kp_employee_get_unit_name, 14, 30, FALSE },
  [KP_EMPLOYEE_SORT_KEY_POSITION] = { kp_employee_get_position_title, 12, 26, FALSE },
  [KP_EMPLOYEE_SORT_KEY_KIND] = { kp_employee_get_kind_name, 12, 20, FALSE },
  [KP_EMPLOYEE_SORT_KEY_GRADE] = { kp_employee_get_grade, 4, 4, TRUE },
  [KP_EMPLOYEE_SORT_KEY_SUPERVISOR] = { kp_employee_get_supervisor_name, 12, 22, FALSE },
};

static GQuark column_cells_quark;

/* The full text of a cell that may be cut short. Asked for when the pointer rests on the cell:
 * a tooltip-text bound to the record would be set again on every row shown, and each time GTK
 * asks the display server where the pointer is (a round trip per cell after each sort). */
static gboolean
on_cell_query_tooltip_cb (GtkInscription *cell,
                          int             x,
                          int             y,
                          gboolean        keyboard,
                          GtkTooltip     *tooltip,
                          gpointer        user_data)
{
  const char *text = gtk_inscription_get_text (cell);

  if (text == NULL || text[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  KpEmployeeView           *self)
{
  const ColumnCells *cells = g_object_get_qdata (G_OBJECT (factory), column_cells_quark);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), cells->min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), cells->nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (cells->numeric)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);

  gtk_list_item_set_child (list_item, cell);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 KpEmployeeView           *self)
{
  const ColumnCells *cells = g_object_get_qdata (G_OBJECT (factory), column_cells_quark);
  KpEmployee *employee = gtk_list_item_get_item (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)),
                            employee != NULL ? cells->text (employee) : NULL);
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry *entry,
                                   KpEmployeeView *self)
{
  gint64 started = g_get_monotonic_time ();
  g_autofree char *needle = kp_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  GtkFilterChange change;

  if (needle == NULL || needle[0] == '\0')
    {
      if (self->needle == NULL)
        return;

      g_clear_pointer (&self->needle, g_free);
      refilter (self, GTK_FILTER_CHANGE_LESS_STRICT, "search", started);
      return;
    }

  if (self->needle != NULL && strcmp (needle, self->needle) == 0)
    return;

  /* A longer needle that contains the old one can only drop rows (and a shorter one only add
   * rows): the filter model then re-tests only the rows that can change. */
  if (self->needle == NULL || strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  refilter (self, change, "search", started);
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry *entry,
                                KpEmployeeView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_unit_drop_down_notify_selected_cb (GtkDropDown    *drop_down,
                                      GParamSpec     *pspec,
                                      KpEmployeeView *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->rebuilding_units > 0)
    return;

  apply_unit (self, selected < self->unit_ids->len ? g_array_index (self->unit_ids, gint64, selected)
                                                   : 0);
}

static void
on_kind_drop_down_notify_selected_cb (GtkDropDown    *drop_down,
                                      GParamSpec     *pspec,
                                      KpEmployeeView *self)
{
  gint64 started = g_get_monotonic_time ();
  guint selected = gtk_drop_down_get_selected (drop_down);
  int kind = selected > 0 && selected <= KP_POSITION_KIND_COUNT ? (int) selected - 1 : -1;
  GtkFilterChange change;

  if (kind == self->kind)
    return;

  if (self->kind < 0)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (kind < 0)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  self->kind = kind;
  refilter (self, change, "kind", started);
}

/* Double click or Enter on a row: the window opens the employee's editor. */
static void
on_column_view_activate_cb (GtkColumnView  *column_view,
                            guint           position,
                            KpEmployeeView *self)
{
  g_autoptr(KpEmployee) employee =
    g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (column_view)), position);

  if (employee == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-employee", "x",
                              kp_employee_get_id (employee));
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
  if (self->profile)
    profile_filter_done (self);
}

/* Shows the register in the order of the column the user chose, or in register order when
 * none. @keep_ties: equal values keep the order shown now (the register has not changed since
 * it was computed). */
static void
resort (KpEmployeeView *self,
        gboolean        keep_ties)
{
  gint64 started = g_get_monotonic_time ();
  GtkSorter *column_sorter = self->column_view != NULL ? gtk_column_view_get_sorter (self->column_view) : NULL;
  guint n = self->employees != NULL ? g_list_model_get_n_items (self->employees) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted_model));
  g_autofree KpEmployee **employees = g_new (KpEmployee *, MAX (n, 1));
  g_autofree KpEmployee **shown = NULL;
  g_autofree guint *tie = NULL;
  guint *order;
  KpEmployeeSortKey key;
  gboolean descending;

  /* Borrowed: the register keeps its records alive. */
  for (guint i = 0; i < n; i++)
    {
      employees[i] = g_list_model_get_item (self->employees, i);
      g_object_unref (employees[i]);
    }

  if (column_sorter == NULL || !kp_employee_sorter_probe (column_sorter, &key, &descending))
    {
      g_clear_pointer (&self->order, g_free);
      self->sorted = FALSE;
      if (keep_ties && n == n_shown)
        kp_employee_list_reorder (self->sorted_model, employees, n);
      else
        kp_employee_list_splice (self->sorted_model, 0, n_shown, employees, n);
      return;
    }

  if (keep_ties && self->order != NULL && self->n_order == n)
    {
      tie = g_new (guint, n);
      for (guint i = 0; i < n; i++)
        tie[self->order[i]] = i;
    }

  order = g_new (guint, MAX (n, 1));
  kp_employee_sorter_order (key, descending, employees, n, tie, order);

  shown = g_new (KpEmployee *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    shown[i] = employees[order[i]];

  g_free (self->order);
  self->order = order;
  self->n_order = n;
  self->sorted = TRUE;
  if (self->profile)
    self->sort_started = started;

  /* The list holds the register's records whenever keep_ties is set (nothing changed since);
   * else the register changed and the list takes the records anew. */
  if (keep_ties && n == n_shown)
    kp_employee_list_reorder (self->sorted_model, shown, n);
  else
    kp_employee_list_splice (self->sorted_model, 0, n_shown, shown, n);

  if (self->profile)
    profile_sort_done (self);
}

/* A click on a column header, or gtk_column_view_sort_by_column(). */
static void
on_column_sorter_changed_cb (GtkSorter       *sorter,
                             GtkSorterChange  change,
                             KpEmployeeView  *self)
{
  resort (self, TRUE);
}

static void
on_units_items_changed_cb (KpEmployeeView *self,
                           guint           position,
                           guint           removed,
                           guint           added,
                           GListModel     *units)
{
  rebuild_unit_names (self);
}

static void
on_employees_items_changed_cb (KpEmployeeView *self,
                               guint           position,
                               guint           removed,
                               guint           added,
                               GListModel     *employees)
{
  /* In register order the change is the same change; sorted, the order is computed anew. */
  if (self->sorted)
    resort (self, FALSE);
  else
    {
      g_autofree KpEmployee **items = g_new (KpEmployee *, MAX (added, 1));

      for (guint i = 0; i < added; i++)
        {
          items[i] = g_list_model_get_item (employees, position + i);
          g_object_unref (items[i]); /* borrowed: the register keeps it */
        }
      kp_employee_list_splice (self->sorted_model, position, removed, items, added);
    }
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
  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  self->units = NULL;
  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  if (self->column_view != NULL && gtk_column_view_get_sorter (self->column_view) != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);

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
  g_clear_pointer (&self->unit_set, g_hash_table_unref);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->unit_ids, g_array_unref);

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
  g_type_ensure (KP_TYPE_EMPLOYEE_LIST);
  column_cells_quark = g_quark_from_static_string ("kp-employee-view-column-cells");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-employee-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, unit_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, sorted_model);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, filter);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, unit_names);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeView, kind_names);

  gtk_widget_class_bind_template_callback (widget_class, on_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cell_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_drop_down_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_drop_down_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_notify_pending_cb);
}

static void
kp_employee_view_init (KpEmployeeView *self)
{
  const char *profile = g_getenv ("KOMPETEN_PROFILE");
  GListModel *columns;
  gint64 none = 0;

  self->kind = -1;
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->unit_ids, none);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each column's factory learns what its cells show from the column's sorter key. */
  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      KpEmployeeSortKey key = kp_employee_sorter_get_key (KP_EMPLOYEE_SORTER (gtk_column_view_column_get_sorter (column)));

      g_assert (key < G_N_ELEMENTS (column_cells));
      g_object_set_qdata (G_OBJECT (gtk_column_view_column_get_factory (column)), column_cells_quark,
                          (gpointer) &column_cells[key]);
    }

  for (int kind = 0; kind < KP_POSITION_KIND_COUNT; kind++)
    gtk_string_list_append (self->kind_names, kp_position_kind_to_string (kind));

  self->profile = profile != NULL && profile[0] != '\0' && strcmp (profile, "0") != 0;

  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (on_column_sorter_changed_cb), self);

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
  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);

  g_set_object (&self->database, database);
  self->employees = database != NULL ? kp_database_get_employees (database) : NULL;
  self->units = database != NULL ? kp_database_get_units (database) : NULL;

  /* Connected after the models' own handlers, so the counts are current when it runs. */
  if (self->employees != NULL)
    g_signal_connect_swapped (self->employees, "items-changed",
                              G_CALLBACK (on_employees_items_changed_cb), self);
  if (self->units != NULL)
    g_signal_connect_swapped (self->units, "items-changed",
                              G_CALLBACK (on_units_items_changed_cb), self);

  rebuild_unit_names (self);
  resort (self, FALSE);
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

  return gtk_filter_list_model_get_pending (self->filter_model) > 0;
}

GtkDropDown *
_kp_employee_view_get_unit_drop_down (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), NULL);

  return self->unit_drop_down;
}

GtkDropDown *
_kp_employee_view_get_kind_drop_down (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), NULL);

  return self->kind_drop_down;
}

GtkButton *
_kp_employee_view_get_empty_import_button (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), NULL);

  return self->empty_import_button;
}

GtkButton *
_kp_employee_view_get_empty_add_button (KpEmployeeView *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_VIEW (self), NULL);

  return self->empty_add_button;
}
