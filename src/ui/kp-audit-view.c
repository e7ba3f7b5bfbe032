/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-audit-view.c: the Audit area: the audit log as a searchable, sortable table, the chain
 * check, and the recorded data of the selected event.
 *
 * The table, its models and its columns are declared whole in kp-audit-view.ui:
 * audit log → GtkSortListModel (the view's sorter) → GtkFilterListModel (search) →
 * GtkSingleSelection, filtered after sorting for the reason given in kp-employee-view.c. The
 * sort is not incremental: the log holds one event per change (an import is one event), so it
 * sorts in milliseconds, and a sorted model from the start lets the selection begin on the
 * newest event instead of on whatever came first before the sort finished. The
 * columns' sorters are GtkCustomSorters declared there and given their C comparisons here:
 * comparing fields (and cached collation keys) instead of evaluating property expressions
 * keeps sorting fast on a long log (ENVIRONMENT.md). This file keeps the logic: the search,
 * the sorters, the cell formatters, the chain check's result, and the details pane. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kompeten/kp-model.h"

#include "kp-audit-view.h"
#include "kp-audit-view-private.h"

struct _KpAuditView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *main_stack;
  GtkStack *results_stack;
  GtkSearchEntry *search_entry;
  GtkButton *verify_button;
  GtkRevealer *result_revealer;
  GtkImage *result_icon;
  GtkLabel *result_title;
  GtkLabel *result_detail;
  GtkWidget *checkpoint_box;
  GtkLabel *checkpoint_label;
  GtkButton *copy_button;
  GtkScrolledWindow *scrolled_window;
  GtkColumnView *column_view;
  GtkColumnViewColumn *seq_column;
  GtkStack *details_stack;
  GtkLabel *details_title;
  GtkTextView *details_view;
  GtkLabel *status_label;

  /* template objects */
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkCustomFilter *filter;
  GtkCustomSorter *seq_sorter;
  GtkCustomSorter *time_sorter;
  GtkCustomSorter *actor_sorter;
  GtkCustomSorter *action_sorter;
  GtkCustomSorter *entity_sorter;
  GtkCustomSorter *summary_sorter;

  /* borrowed from the database */
  GListModel *log;

  /* owned */
  KpDatabase *database;
  char *needle;          /* the folded search text; NULL when not searching */
  char *checkpoint;      /* "seq:hash" of the last successful check; NULL otherwise */
  const char *result_kind;
  guint copied_source_id;
  guint scroll_tick_id;
  guint scroll_frames;

  /* What the user was looking at just before the log gained events (see
   * on_log_items_changed_before_cb). */
  gint64 top_seq;
  gboolean was_at_top;
  gboolean was_on_top_row;
};

G_DEFINE_FINAL_TYPE (KpAuditView, kp_audit_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SCROLL_AFTER_FRAMES 2

/* Collation keys cached on the entries themselves: audit events never change, so a cached key
 * never goes stale, and it is freed with its entry. */
static GQuark actor_key_quark;
static GQuark action_key_quark;
static GQuark entity_key_quark;
static GQuark summary_key_quark;

static const char *
cached_collate_key (KpAuditEntry *entry,
                    GQuark        quark,
                    const char   *text)
{
  char *key = g_object_get_qdata (G_OBJECT (entry), quark);

  if (key == NULL)
    {
      key = g_utf8_collate_key (text != NULL ? text : "", -1);
      g_object_set_qdata_full (G_OBJECT (entry), quark, key, g_free);
    }

  return key;
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* Row ids and NIPs are digit strings: shorter means smaller, so "9" sorts before "10". */
static int
compare_ids (const char *a,
             const char *b)
{
  size_t len_a = a != NULL ? strlen (a) : 0;
  size_t len_b = b != NULL ? strlen (b) : 0;

  if (len_a != len_b)
    return len_a < len_b ? -1 : 1;

  return g_strcmp0 (a, b);
}

/* Every comparison ends on the sequence number, so equal keys keep the log's order. */
static int
compare_seq (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return compare_int64 (kp_audit_entry_get_seq ((KpAuditEntry *) a),
                        kp_audit_entry_get_seq ((KpAuditEntry *) b));
}

static int
compare_time (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  /* UTC ISO 8601 of fixed width: text order is time order. */
  int result = g_strcmp0 (kp_audit_entry_get_at ((KpAuditEntry *) a),
                          kp_audit_entry_get_at ((KpAuditEntry *) b));

  return result != 0 ? result : compare_seq (a, b, NULL);
}

static int
compare_actor (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  KpAuditEntry *entry_a = (KpAuditEntry *) a;
  KpAuditEntry *entry_b = (KpAuditEntry *) b;
  int result = strcmp (cached_collate_key (entry_a, actor_key_quark, kp_audit_entry_get_actor (entry_a)),
                       cached_collate_key (entry_b, actor_key_quark, kp_audit_entry_get_actor (entry_b)));

  return result != 0 ? result : compare_seq (a, b, NULL);
}

static int
compare_action (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  KpAuditEntry *entry_a = (KpAuditEntry *) a;
  KpAuditEntry *entry_b = (KpAuditEntry *) b;
  int result = strcmp (cached_collate_key (entry_a, action_key_quark,
                                           kp_audit_action_label (kp_audit_entry_get_action (entry_a))),
                       cached_collate_key (entry_b, action_key_quark,
                                           kp_audit_action_label (kp_audit_entry_get_action (entry_b))));

  return result != 0 ? result : compare_seq (a, b, NULL);
}

static int
compare_entity (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  KpAuditEntry *entry_a = (KpAuditEntry *) a;
  KpAuditEntry *entry_b = (KpAuditEntry *) b;
  int result = strcmp (cached_collate_key (entry_a, entity_key_quark,
                                           kp_audit_entity_label (kp_audit_entry_get_entity (entry_a))),
                       cached_collate_key (entry_b, entity_key_quark,
                                           kp_audit_entity_label (kp_audit_entry_get_entity (entry_b))));

  if (result == 0)
    result = compare_ids (kp_audit_entry_get_entity_id (entry_a),
                          kp_audit_entry_get_entity_id (entry_b));

  return result != 0 ? result : compare_seq (a, b, NULL);
}

static int
compare_summary (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  KpAuditEntry *entry_a = (KpAuditEntry *) a;
  KpAuditEntry *entry_b = (KpAuditEntry *) b;
  int result = strcmp (cached_collate_key (entry_a, summary_key_quark, kp_audit_entry_get_summary (entry_a)),
                       cached_collate_key (entry_b, summary_key_quark, kp_audit_entry_get_summary (entry_b)));

  return result != 0 ? result : compare_seq (a, b, NULL);
}

static void
update_status (KpAuditView *self)
{
  g_autofree char *status = NULL;
  guint total = 0;
  guint shown;
  gboolean filtering;

  if (self->log != NULL)
    total = g_list_model_get_n_items (self->log);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  filtering = gtk_filter_list_model_get_pending (self->filter_model) > 0;

  /* Translators: the status line under the audit log, e.g. "12 of 1,500 events"; the plural
   * follows the second number, the total. %'u prints a number with the locale's digit
   * grouping. */
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u event",
                                         "%'u of %'u events", total),
                            shown, total);
  gtk_label_set_label (self->status_label, status);

  gtk_stack_set_visible_child_name (self->main_stack, total == 0 ? "empty" : "log");
  /* While an incremental filter is still running, zero matches only means "not yet". */
  gtk_stack_set_visible_child_name (self->results_stack,
                                    shown == 0 && !filtering ? "no-results" : "list");
  /* With no row to select, the details pane would only repeat that there is nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self->details_stack), shown > 0 || filtering);
}

static gboolean
entry_matches (gpointer item,
               gpointer user_data)
{
  KpAuditView *self = user_data;
  const char *key = kp_audit_entry_get_search_key (item);

  return key != NULL && strstr (key, self->needle) != NULL;
}

/* Drops the search at once (not after the entry's delay), so that every event is in the table. */
static void
clear_search (KpAuditView *self)
{
  if (self->needle != NULL)
    {
      g_clear_pointer (&self->needle, g_free);
      gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static char *
pretty_payload (const char *payload)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;

  if (payload == NULL)
    return g_strdup ("");

  /* A payload that is not JSON (a tampered one may not be) is shown as it is. */
  if (!json_parser_load_from_data (parser, payload, -1, NULL) || json_parser_get_root (parser) == NULL)
    return g_strdup (payload);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
show_details (KpAuditView  *self,
              KpAuditEntry *entry)
{
  g_autofree char *title = NULL;
  g_autofree char *payload = NULL;

  if (entry == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view), "", 0);
      return;
    }

  /* Translators: the heading of the details pane: the event's number, then its summary */
  title = g_strdup_printf (_("Event %" PRId64 ": %s"),
                           kp_audit_entry_get_seq (entry),
                           kp_audit_entry_get_summary (entry) != NULL ? kp_audit_entry_get_summary (entry) : "");
  gtk_label_set_label (self->details_title, title);

  payload = pretty_payload (kp_audit_entry_get_payload (entry));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view), payload, -1);
  gtk_stack_set_visible_child_name (self->details_stack, "event");
}

/* GTK 4.8 has no gtk_column_view_scroll_to: the column view's inner list view has the
 * list.scroll-to-item action every list widget has. */
static void
scroll_to_row (KpAuditView *self,
               guint        position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

/* Runs at the start of each frame, before its layout. A table that was just refilled and shown
 * again drops a scroll asked for before its first layout (seen on GTK 4.8): the scroll is asked
 * in the frame after that one. */
static gboolean
scroll_to_selection_tick_cb (GtkWidget     *widget,
                             GdkFrameClock *frame_clock,
                             gpointer       user_data)
{
  KpAuditView *self = user_data;
  guint position;

  if (++self->scroll_frames < SCROLL_AFTER_FRAMES)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to_row (self, position);

  return G_SOURCE_REMOVE;
}

/* Selects the event @seq, or the one nearest after it when it is gone (a removed event), and
 * scrolls it into view. */
static void
select_event (KpAuditView *self,
              gint64       seq)
{
  GListModel *rows = G_LIST_MODEL (self->filter_model);
  guint best = GTK_INVALID_LIST_POSITION;
  gint64 best_seq = G_MAXINT64;
  guint n_rows;

  clear_search (self);
  n_rows = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(KpAuditEntry) entry = g_list_model_get_item (rows, i);
      gint64 entry_seq = kp_audit_entry_get_seq (entry);

      if (entry_seq >= seq && entry_seq < best_seq)
        {
          best = i;
          best_seq = entry_seq;
        }
    }

  if (best == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, best);

  /* When the search hid the event, the table has just been refilled and shown again: a
   * scroll asked for before it is laid out again is lost, so ask after that. */
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                         scroll_to_selection_tick_cb, self, NULL);
}

static void
show_result (KpAuditView *self,
             const char  *kind,
             const char  *icon_name,
             const char  *title,
             const char  *detail)
{
  gboolean good = g_str_equal (kind, "intact");

  self->result_kind = kind;

  gtk_image_set_from_icon_name (self->result_icon, icon_name);
  gtk_label_set_label (self->result_title, title);
  gtk_label_set_label (self->result_detail, detail);

  /* The icon and the heading carry the colour; the explanation stays readable. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), good ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), good ? "success" : "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_title), good ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_title), good ? "success" : "error");

  gtk_widget_set_visible (self->checkpoint_box, self->checkpoint != NULL);
  gtk_label_set_label (self->checkpoint_label, self->checkpoint != NULL ? self->checkpoint : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.copy-checkpoint", self->checkpoint != NULL);

  gtk_revealer_set_reveal_child (self->result_revealer, TRUE);
}

static void
hide_result (KpAuditView *self)
{
  self->result_kind = NULL;
  g_clear_pointer (&self->checkpoint, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.copy-checkpoint", FALSE);
  gtk_revealer_set_reveal_child (self->result_revealer, FALSE);
}

/* Cell formatters, named by the <closure> elements of the column templates. */

static char *
format_seq (gpointer      unused,
            KpAuditEntry *entry)
{
  /* An event number is an identifier, as in "broken at event 1234" and the checkpoint
   * "1234:…": shown without digit grouping, so that it reads the same everywhere. */
  return entry != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, kp_audit_entry_get_seq (entry)) : NULL;
}

static char *
format_time (gpointer      unused,
             KpAuditEntry *entry)
{
  g_autoptr(GDateTime) local = NULL;
  char *text;

  if (entry == NULL || kp_audit_entry_get_time (entry) == NULL)
    return NULL;

  local = g_date_time_to_local (kp_audit_entry_get_time (entry));
  /* %e pads one-digit days with a space: drop it so that the column stays left-aligned. */
  text = g_date_time_format (local, "%e %B %Y %H:%M");
  return text != NULL ? g_strchug (text) : NULL;
}

static char *
format_actor (gpointer      unused,
              KpAuditEntry *entry)
{
  return entry != NULL ? g_strdup (kp_audit_entry_get_actor (entry)) : NULL;
}

static char *
format_action (gpointer      unused,
               KpAuditEntry *entry)
{
  return entry != NULL ? g_strdup (kp_audit_action_label (kp_audit_entry_get_action (entry))) : NULL;
}

static char *
format_entity (gpointer      unused,
               KpAuditEntry *entry)
{
  const char *label;
  const char *id;

  if (entry == NULL)
    return NULL;

  label = kp_audit_entity_label (kp_audit_entry_get_entity (entry));
  id = kp_audit_entry_get_entity_id (entry);
  if (id == NULL || id[0] == '\0')
    return g_strdup (label);

  /* "Employee 196810301993082121", "Unit 12" */
  return g_strdup_printf ("%s %s", label, id);
}

static char *
format_summary (gpointer      unused,
                KpAuditEntry *entry)
{
  return entry != NULL ? g_strdup (kp_audit_entry_get_summary (entry)) : NULL;
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry *entry,
                                   KpAuditView    *self)
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
      gtk_custom_filter_set_filter_func (self->filter, entry_matches, self, NULL);
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
                                KpAuditView    *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_filter_model_items_changed_cb (GListModel  *model,
                                  guint        position,
                                  guint        removed,
                                  guint        added,
                                  KpAuditView *self)
{
  update_status (self);
}

static void
on_filter_model_notify_pending_cb (GtkFilterListModel *model,
                                   GParamSpec         *pspec,
                                   KpAuditView        *self)
{
  update_status (self);
}

static void
on_selection_notify_selected_item_cb (GtkSingleSelection *selection,
                                      GParamSpec         *pspec,
                                      KpAuditView        *self)
{
  show_details (self, gtk_single_selection_get_selected_item (selection));
}

static gint64
top_row_seq (KpAuditView *self)
{
  g_autoptr(KpAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);

  return entry != NULL ? kp_audit_entry_get_seq (entry) : 0;
}

/* A list view keeps its rows in place when rows are inserted above them, so new events would
 * push the top of the log out of sight. Runs before the models see the change, to note whether
 * the user was watching the newest events; on_log_items_changed_cb then keeps them in sight. */
static void
on_log_items_changed_before_cb (KpAuditView *self,
                                guint        position,
                                guint        removed,
                                guint        added,
                                GListModel  *log)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  self->top_seq = top_row_seq (self);
  self->was_at_top = gtk_adjustment_get_value (vadjustment) <= gtk_adjustment_get_lower (vadjustment);
  self->was_on_top_row = gtk_single_selection_get_selected (self->selection) == 0;
}

static void
on_log_items_changed_cb (KpAuditView *self,
                         guint        position,
                         guint        removed,
                         guint        added,
                         GListModel  *log)
{
  update_status (self);

  /* Only when a new event came on top (newest first), not in another sort order. */
  if (top_row_seq (self) <= self->top_seq)
    return;

  if (self->was_on_top_row)
    gtk_single_selection_set_selected (self->selection, 0);
  if (self->was_at_top)
    scroll_to_row (self, 0);
}

static gboolean
restore_copy_button_cb (gpointer user_data)
{
  KpAuditView *self = user_data;

  self->copied_source_id = 0;
  gtk_button_set_icon_name (self->copy_button, "edit-copy-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button), _("Copy Checkpoint"));

  return G_SOURCE_REMOVE;
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kp_audit_view_verify (KP_AUDIT_VIEW (widget));
}

static void
copy_checkpoint_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KpAuditView *self = KP_AUDIT_VIEW (widget);

  if (self->checkpoint == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->checkpoint);

  /* The button itself confirms the copy for a moment: the view has no toast overlay. */
  gtk_button_set_icon_name (self->copy_button, "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button), _("Copied"));
  g_clear_handle_id (&self->copied_source_id, g_source_remove);
  self->copied_source_id = g_timeout_add_seconds (2, restore_copy_button_cb, self);
}

static void
dismiss_result_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  hide_result (KP_AUDIT_VIEW (widget));
}

static void
kp_audit_view_dispose (GObject *object)
{
  KpAuditView *self = KP_AUDIT_VIEW (object);

  g_clear_handle_id (&self->copied_source_id, g_source_remove);
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }

  /* Dispose may run more than once: the template pointers are NULL after the first time. */
  if (self->filter_model != NULL)
    {
      /* The filter function points back at us, and tearing down the columns re-sorts and so
       * re-filters: nothing of ours may run from here on. */
      g_signal_handlers_disconnect_by_data (self->filter_model, self);
      g_signal_handlers_disconnect_by_data (self->selection, self);
      gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
    }
  if (self->log != NULL)
    g_signal_handlers_disconnect_by_data (self->log, self);
  self->log = NULL;

  /* main_stack is both a template child and AdwBin's child: let AdwBin unparent it first, or
   * disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_AUDIT_VIEW);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_audit_view_parent_class)->dispose (object);
}

static void
kp_audit_view_finalize (GObject *object)
{
  KpAuditView *self = KP_AUDIT_VIEW (object);

  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->checkpoint, g_free);

  G_OBJECT_CLASS (kp_audit_view_parent_class)->finalize (object);
}

static void
kp_audit_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KpAuditView *self = KP_AUDIT_VIEW (object);

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
kp_audit_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KpAuditView *self = KP_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      kp_audit_view_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_audit_view_class_init (KpAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_audit_view_dispose;
  object_class->finalize = kp_audit_view_finalize;
  object_class->get_property = kp_audit_view_get_property;
  object_class->set_property = kp_audit_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  actor_key_quark = g_quark_from_static_string ("kp-audit-view-actor-key");
  action_key_quark = g_quark_from_static_string ("kp-audit-view-action-key");
  entity_key_quark = g_quark_from_static_string ("kp-audit-view-entity-key");
  summary_key_quark = g_quark_from_static_string ("kp-audit-view-summary-key");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, verify_button);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, result_revealer);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, result_icon);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, result_title);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, result_detail);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, checkpoint_box);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, checkpoint_label);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, copy_button);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, seq_column);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, details_stack);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, details_title);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, details_view);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, selection);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, filter);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, seq_sorter);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, time_sorter);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, actor_sorter);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, action_sorter);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, entity_sorter);
  gtk_widget_class_bind_template_child (widget_class, KpAuditView, summary_sorter);

  gtk_widget_class_bind_template_callback (widget_class, format_seq);
  gtk_widget_class_bind_template_callback (widget_class, format_time);
  gtk_widget_class_bind_template_callback (widget_class, format_actor);
  gtk_widget_class_bind_template_callback (widget_class, format_action);
  gtk_widget_class_bind_template_callback (widget_class, format_entity);
  gtk_widget_class_bind_template_callback (widget_class, format_summary);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_notify_pending_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_notify_selected_item_cb);

  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "audit.copy-checkpoint", NULL, copy_checkpoint_action);
  gtk_widget_class_install_action (widget_class, "audit.dismiss-result", NULL, dismiss_result_action);
}

static void
kp_audit_view_init (KpAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_sorter_set_sort_func (self->seq_sorter, compare_seq, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->time_sorter, compare_time, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->actor_sorter, compare_actor, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->action_sorter, compare_action, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->entity_sorter, compare_entity, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->summary_sorter, compare_summary, NULL, NULL);

  /* Newest first: what an officer looks for is usually what just happened. */
  gtk_column_view_sort_by_column (self->column_view, self->seq_column, GTK_SORT_DESCENDING);

  /* Typing while the table has the focus starts a search (no such property in GTK 4.8). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.copy-checkpoint", FALSE);

  update_status (self);
  show_details (self, NULL);
}

/**
 * kp_audit_view_new:
 *
 * Returns: (transfer floating): a new view showing no database yet
 */
GtkWidget *
kp_audit_view_new (void)
{
  return g_object_new (KP_TYPE_AUDIT_VIEW, NULL);
}

/**
 * kp_audit_view_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose audit log is shown
 */
KpDatabase *
kp_audit_view_get_database (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  return self->database;
}

/**
 * kp_audit_view_set_database:
 * @database: (nullable): the database whose audit log to show
 */
void
kp_audit_view_set_database (KpAuditView *self,
                            KpDatabase  *database)
{
  g_return_if_fail (KP_IS_AUDIT_VIEW (self));
  g_return_if_fail (database == NULL || KP_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->log != NULL)
    g_signal_handlers_disconnect_by_data (self->log, self);

  /* A result is about the database it was computed on. */
  hide_result (self);

  g_set_object (&self->database, database);
  self->log = database != NULL ? kp_database_get_audit_log (database) : NULL;

  /* One handler runs before the models' own handlers and one after them, when the counts and
   * rows are current. */
  if (self->log != NULL)
    g_signal_connect_swapped (self->log, "items-changed",
                              G_CALLBACK (on_log_items_changed_before_cb), self);
  gtk_sort_list_model_set_model (self->sort_model, self->log);
  if (self->log != NULL)
    g_signal_connect_swapped (self->log, "items-changed",
                              G_CALLBACK (on_log_items_changed_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify", database != NULL);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

void
kp_audit_view_focus_search (KpAuditView *self)
{
  g_return_if_fail (KP_IS_AUDIT_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
kp_audit_view_verify (KpAuditView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  KpAuditCheck check = { 0 };

  g_return_if_fail (KP_IS_AUDIT_VIEW (self));

  if (self->database == NULL)
    return;

  g_clear_pointer (&self->checkpoint, g_free);

  /* Recomputing thousands of hashes takes milliseconds: no worker thread needed. */
  if (kp_audit_verify (self->database, &check, &error))
    {
      gulong n = (gulong) CLAMP (check.n_events, 0, G_MAXLONG);

      if (check.n_events > 0)
        self->checkpoint = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", check.head_seq, check.head_hash);

      /* Translators: the result of the audit chain check; %'PRId64 is the number of events,
       * with the locale's digit grouping */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The audit log is intact: %'" PRId64 " event.",
                                            "The audit log is intact: %'" PRId64 " events.", n),
                               check.n_events);
      show_result (self, "intact", "emblem-ok-symbolic", title,
                   _("No event was changed, removed or inserted. Write the checkpoint on the "
                     "minutes: a later check can then show that no recent event was removed."));
    }
  else if (g_error_matches (error, KP_MODEL_ERROR, KP_MODEL_ERROR_TAMPERED))
    {
      show_result (self, "broken", "dialog-warning-symbolic", error->message,
                   _("The first broken event is selected below. The database file was changed "
                     "outside Kompeten: keep it as it is and report this to the administrator."));
      select_event (self, check.first_bad_seq);
    }
  else
    {
      show_result (self, "failed", "dialog-error-symbolic",
                   _("The audit log could not be checked"), error != NULL ? error->message : "");
    }
}

GtkColumnView *
_kp_audit_view_get_column_view (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  return self->column_view;
}

GtkSearchEntry *
_kp_audit_view_get_search_entry (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  return self->search_entry;
}

GtkLabel *
_kp_audit_view_get_status_label (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  return self->status_label;
}

GtkButton *
_kp_audit_view_get_verify_button (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  return self->verify_button;
}

const char *
_kp_audit_view_get_page (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return "empty";

  return gtk_stack_get_visible_child_name (self->results_stack);
}

gboolean
_kp_audit_view_is_busy (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), FALSE);

  return gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
         gtk_sort_list_model_get_pending (self->sort_model) > 0;
}

const char *
_kp_audit_view_get_result_kind (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  return self->result_kind;
}

GtkLabel *
_kp_audit_view_get_result_title (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  return self->result_title;
}

GtkLabel *
_kp_audit_view_get_checkpoint_label (KpAuditView *self)
{
  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  return self->checkpoint_label;
}

char *
_kp_audit_view_dup_details_text (KpAuditView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (KP_IS_AUDIT_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->details_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
