/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-jpm-dialog.c: the JPM weights and categories (see kp-jpm-dialog.h).
 *
 * Weights apply as they change, like GNOME's settings: a switch at once, a percent once it has
 * rested for a moment, so that clicking the spin button from 40 to 60 is one change in the
 * audit log, not four. Whatever is still waiting is saved when the window closes. The
 * categories are only valid as a whole (one must start at 0 %, no bound twice), so they are
 * edited freely and saved by Apply; the model's refusal is shown under them and nothing is
 * lost. The rows are all in the template: one per position kind, and KP_JPM_CATEGORIES_MAX
 * category rows of which as many are shown as there are categories. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <glib/gi18n.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-jpm-settings.h"

#include "kp-jpm-dialog.h"
#include "kp-jpm-dialog-private.h"

/* How long a percent must rest before it is saved. */
#define WEIGHT_SAVE_DELAY_MS 700

struct _KpJpmDialog
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwActionRow *weight_rows[KP_POSITION_KIND_COUNT];
  GtkSwitch *weight_switches[KP_POSITION_KIND_COUNT];
  GtkSpinButton *weight_spins[KP_POSITION_KIND_COUNT];
  AdwEntryRow *category_names[KP_JPM_CATEGORIES_MAX];
  GtkSpinButton *category_mins[KP_JPM_CATEGORIES_MAX];
  GtkButton *category_removes[KP_JPM_CATEGORIES_MAX];
  GtkButton *add_button;
  GtkButton *apply_button;
  GtkButton *revert_button;
  GtkLabel *error_label;

  /* owned */
  KpDatabase *database;
  GPtrArray *saved_categories;                 /* KpJpmCategory, as last read */
  guint weight_timeouts[KP_POSITION_KIND_COUNT]; /* a percent waiting to be saved */
  guint n_categories;                          /* category rows shown */
  gboolean loading;                            /* widgets are being set from the database */
};

G_DEFINE_FINAL_TYPE (KpJpmDialog, kp_jpm_dialog, ADW_TYPE_PREFERENCES_WINDOW)

/* The template's ids of the repeated rows: bound in a loop, so they live as long as the class. */
static const char *const weight_row_ids[] = {
  "weight_row_0", "weight_row_1", "weight_row_2", "weight_row_3", "weight_row_4",
  "weight_row_5", "weight_row_6", "weight_row_7", "weight_row_8", "weight_row_9",
  "weight_row_10", "weight_row_11", "weight_row_12",
};
static const char *const weight_switch_ids[] = {
  "weight_switch_0", "weight_switch_1", "weight_switch_2", "weight_switch_3",
  "weight_switch_4", "weight_switch_5", "weight_switch_6", "weight_switch_7",
  "weight_switch_8", "weight_switch_9", "weight_switch_10", "weight_switch_11",
  "weight_switch_12",
};
static const char *const weight_spin_ids[] = {
  "weight_spin_0", "weight_spin_1", "weight_spin_2", "weight_spin_3", "weight_spin_4",
  "weight_spin_5", "weight_spin_6", "weight_spin_7", "weight_spin_8", "weight_spin_9",
  "weight_spin_10", "weight_spin_11", "weight_spin_12",
};
static const char *const category_name_ids[] = {
  "category_name_0", "category_name_1", "category_name_2", "category_name_3",
  "category_name_4", "category_name_5", "category_name_6", "category_name_7",
  "category_name_8", "category_name_9",
};
static const char *const category_min_ids[] = {
  "category_min_0", "category_min_1", "category_min_2", "category_min_3", "category_min_4",
  "category_min_5", "category_min_6", "category_min_7", "category_min_8", "category_min_9",
};
static const char *const category_remove_ids[] = {
  "category_remove_0", "category_remove_1", "category_remove_2", "category_remove_3",
  "category_remove_4", "category_remove_5", "category_remove_6", "category_remove_7",
  "category_remove_8", "category_remove_9",
};

G_STATIC_ASSERT (G_N_ELEMENTS (weight_row_ids) == KP_POSITION_KIND_COUNT);
G_STATIC_ASSERT (G_N_ELEMENTS (category_name_ids) == KP_JPM_CATEGORIES_MAX);

static void
show_toast (KpJpmDialog *self,
            const char  *text)
{
  /* Toast titles are markup; ours carry names and messages. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* ---- weights --------------------------------------------------------------------------------- */

/* Which of the @n repeated @widgets (one per kind or per category row) @widget is. */
static guint
index_of (gpointer const *widgets,
          guint           n,
          gpointer        widget)
{
  for (guint i = 0; i < n; i++)
    if (widgets[i] == widget)
      return i;
  g_assert_not_reached ();
  return 0;
}

/* What the weight of @kind means, under its name. */
static void
update_weight_subtitle (KpJpmDialog *self,
                        int          kind)
{
  g_autofree char *text = NULL;

  if (gtk_switch_get_active (self->weight_switches[kind]))
    {
      int technical = gtk_spin_button_get_value_as_int (self->weight_spins[kind]);

      /* Translators: two percents that add up to 100. */
      text = g_strdup_printf (_("Technical %d %%, managerial and socio-cultural %d %%"),
                              technical, 100 - technical);
    }
  else
    text = g_strdup (_("Unweighted: every required level counts alike"));
  adw_action_row_set_subtitle (self->weight_rows[kind], text);
}

/* Shows the stored weight of @kind. */
static void
show_weight (KpJpmDialog *self,
             int          kind,
             int          percent)
{
  self->loading = TRUE;
  gtk_switch_set_active (self->weight_switches[kind], percent >= 0);
  /* An unweighted kind offers half and half as a start when switched on. */
  gtk_spin_button_set_value (self->weight_spins[kind], percent >= 0 ? percent : 50);
  self->loading = FALSE;
  update_weight_subtitle (self, kind);
}

/* Saves what the widgets of @kind show; on a refusal shows why and what is stored. */
static void
save_weight (KpJpmDialog *self,
             int          kind)
{
  g_autoptr(GError) error = NULL;
  int percent = gtk_switch_get_active (self->weight_switches[kind])
                  ? gtk_spin_button_get_value_as_int (self->weight_spins[kind])
                  : -1;

  g_clear_handle_id (&self->weight_timeouts[kind], g_source_remove);
  if (kp_jpm_weight_set (self->database, kind, percent, &error))
    return;
  show_toast (self, error->message);
  show_weight (self, kind, kp_jpm_weight_get (self->database, kind));
}

typedef struct {
  KpJpmDialog *self;
  int kind;
} PendingWeight;

static gboolean
on_weight_timeout_cb (gpointer user_data)
{
  PendingWeight *pending = user_data;

  /* The source is ending: save_weight must not remove it again. */
  pending->self->weight_timeouts[pending->kind] = 0;
  save_weight (pending->self, pending->kind);
  return G_SOURCE_REMOVE;
}

static void
save_pending_weights (KpJpmDialog *self)
{
  for (int k = 0; k < KP_POSITION_KIND_COUNT; k++)
    if (self->weight_timeouts[k] != 0)
      save_weight (self, k);
}

static void
on_weight_switch_notify_active_cb (GtkSwitch   *weight_switch,
                                   GParamSpec  *pspec,
                                   KpJpmDialog *self)
{
  int kind = (int) index_of ((gpointer const *) self->weight_switches, KP_POSITION_KIND_COUNT,
                            weight_switch);

  if (self->loading)
    return;
  update_weight_subtitle (self, kind);
  save_weight (self, kind);
}

static void
on_weight_spin_value_changed_cb (GtkSpinButton *spin,
                                 KpJpmDialog   *self)
{
  int kind = (int) index_of ((gpointer const *) self->weight_spins, KP_POSITION_KIND_COUNT, spin);
  PendingWeight *pending;

  if (self->loading)
    return;
  update_weight_subtitle (self, kind);
  g_clear_handle_id (&self->weight_timeouts[kind], g_source_remove);
  pending = g_new (PendingWeight, 1);
  *pending = (PendingWeight) { self, kind };
  self->weight_timeouts[kind] = g_timeout_add_full (G_PRIORITY_DEFAULT, WEIGHT_SAVE_DELAY_MS,
                                                    on_weight_timeout_cb, pending, g_free);
}

static void
load_weights (KpJpmDialog *self)
{
  g_autoptr(GError) error = NULL;
  int weights[KP_POSITION_KIND_COUNT];

  if (!kp_jpm_weights_get_all (self->database, weights, &error))
    {
      show_toast (self, error->message);
      for (int k = 0; k < KP_POSITION_KIND_COUNT; k++)
        weights[k] = -1;
    }
  for (int k = 0; k < KP_POSITION_KIND_COUNT; k++)
    show_weight (self, k, weights[k]);
}

/* ---- categories ------------------------------------------------------------------------------ */

static void
show_error (KpJpmDialog *self,
            const char  *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The categories as the rows show them, top to bottom. */
static GPtrArray *
shown_categories (KpJpmDialog *self)
{
  GPtrArray *categories = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_jpm_category_free);

  for (guint i = 0; i < self->n_categories; i++)
    g_ptr_array_add (categories,
                     kp_jpm_category_new (gtk_spin_button_get_value_as_int (self->category_mins[i]),
                                          gtk_editable_get_text (GTK_EDITABLE (self->category_names[i]))));
  return categories;
}

/* Apply and Revert mean something only when the rows differ from what is saved. */
static void
update_category_actions (KpJpmDialog *self)
{
  g_autoptr(GPtrArray) shown = shown_categories (self);
  gboolean changed = self->saved_categories == NULL || shown->len != self->saved_categories->len;

  for (guint i = 0; !changed && i < shown->len; i++)
    {
      const KpJpmCategory *a = g_ptr_array_index (shown, i);
      const KpJpmCategory *b = g_ptr_array_index (self->saved_categories, i);

      changed = a->min_percent != b->min_percent || g_strcmp0 (a->name, b->name) != 0;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jpm.apply", changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jpm.revert", changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jpm.add-category",
                                 self->n_categories < KP_JPM_CATEGORIES_MAX);
  /* The last category cannot go: there must be one. */
  for (guint i = 0; i < self->n_categories; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->category_removes[i]), self->n_categories > 1);
}

static void
set_category_row (KpJpmDialog *self,
                  guint        row,
                  int          min_percent,
                  const char  *name)
{
  gtk_editable_set_text (GTK_EDITABLE (self->category_names[row]), name);
  gtk_spin_button_set_value (self->category_mins[row], min_percent);
}

static void
show_categories (KpJpmDialog *self,
                 GPtrArray   *categories)
{
  self->loading = TRUE;
  self->n_categories = MIN (categories->len, KP_JPM_CATEGORIES_MAX);
  for (guint i = 0; i < KP_JPM_CATEGORIES_MAX; i++)
    {
      gboolean shown = i < self->n_categories;
      const KpJpmCategory *category = shown ? g_ptr_array_index (categories, i) : NULL;

      set_category_row (self, i, shown ? category->min_percent : 0, shown ? category->name : "");
      gtk_widget_set_visible (GTK_WIDGET (self->category_names[i]), shown);
    }
  self->loading = FALSE;
  update_category_actions (self);
}

static void
load_categories (KpJpmDialog *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *categories = kp_jpm_categories_list (self->database, &error);

  if (categories == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->saved_categories, g_ptr_array_unref);
  self->saved_categories = categories;
  show_categories (self, categories);
}

static void
on_category_changed_cb (GtkWidget   *widget,
                        KpJpmDialog *self)
{
  if (!self->loading)
    update_category_actions (self);
}

static void
on_category_remove_clicked_cb (GtkButton   *button,
                               KpJpmDialog *self)
{
  g_autoptr(GPtrArray) shown = shown_categories (self);
  guint row = index_of ((gpointer const *) self->category_removes, KP_JPM_CATEGORIES_MAX, button);

  g_assert (row < shown->len);
  g_ptr_array_remove_index (shown, row);
  show_categories (self, shown);
  /* The focus was on the button that went away (or moved): keep it in the list. */
  if (self->n_categories > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->category_names[MIN (row, self->n_categories - 1)]));
}

static void
add_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpJpmDialog *self = KP_JPM_DIALOG (widget);
  guint row = self->n_categories;

  if (row >= KP_JPM_CATEGORIES_MAX)
    return;
  self->loading = TRUE;
  set_category_row (self, row, 0, "");
  gtk_widget_set_visible (GTK_WIDGET (self->category_names[row]), TRUE);
  self->n_categories++;
  self->loading = FALSE;
  update_category_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->category_names[row]));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KpJpmDialog *self = KP_JPM_DIALOG (widget);
  g_autoptr(GPtrArray) shown = shown_categories (self);
  g_autoptr(GError) error = NULL;

  if (!kp_jpm_categories_replace (self->database, shown, &error))
    {
      /* The rows stay as typed, so the user corrects rather than retypes. */
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  /* Read back: the model sorts them and squashes the names' spaces. */
  load_categories (self);
  show_toast (self, _("The JPM categories are saved"));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpJpmDialog *self = KP_JPM_DIALOG (widget);

  show_error (self, NULL);
  load_categories (self);
}

/* ---- the window ------------------------------------------------------------------------------ */

static gboolean
on_close_request_cb (KpJpmDialog *self)
{
  /* A percent still resting is a change the user made: keep it. */
  save_pending_weights (self);
  return FALSE;
}

static void
kp_jpm_dialog_dispose (GObject *object)
{
  KpJpmDialog *self = KP_JPM_DIALOG (object);

  /* Destroyed without a close request (with its parent): still keep what was changed. There
   * is no window left to show a refusal in, so it goes to the log. */
  for (int k = 0; k < KP_POSITION_KIND_COUNT && self->database != NULL; k++)
    if (self->weight_timeouts[k] != 0)
      {
        g_autoptr(GError) error = NULL;

        g_clear_handle_id (&self->weight_timeouts[k], g_source_remove);
        if (!kp_jpm_weight_set (self->database, k,
                                gtk_switch_get_active (self->weight_switches[k])
                                  ? gtk_spin_button_get_value_as_int (self->weight_spins[k])
                                  : -1,
                                &error))
          g_warning ("The JPM weight of %s was not saved: %s", kp_position_kind_to_string (k),
                     error->message);
      }
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_JPM_DIALOG);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (kp_jpm_dialog_parent_class)->dispose (object);
}

static void
kp_jpm_dialog_finalize (GObject *object)
{
  KpJpmDialog *self = KP_JPM_DIALOG (object);

  g_clear_pointer (&self->saved_categories, g_ptr_array_unref);
  G_OBJECT_CLASS (kp_jpm_dialog_parent_class)->finalize (object);
}

static void
kp_jpm_dialog_class_init (KpJpmDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_jpm_dialog_dispose;
  object_class->finalize = kp_jpm_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-jpm-dialog.ui");
  for (int k = 0; k < KP_POSITION_KIND_COUNT; k++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, weight_row_ids[k], FALSE,
                                                 G_STRUCT_OFFSET (KpJpmDialog, weight_rows) +
                                                 k * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, weight_switch_ids[k], FALSE,
                                                 G_STRUCT_OFFSET (KpJpmDialog, weight_switches) +
                                                 k * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, weight_spin_ids[k], FALSE,
                                                 G_STRUCT_OFFSET (KpJpmDialog, weight_spins) +
                                                 k * sizeof (gpointer));
    }
  for (int i = 0; i < KP_JPM_CATEGORIES_MAX; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, category_name_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (KpJpmDialog, category_names) +
                                                 i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, category_min_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (KpJpmDialog, category_mins) +
                                                 i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, category_remove_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (KpJpmDialog, category_removes) +
                                                 i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_child (widget_class, KpJpmDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, KpJpmDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, KpJpmDialog, revert_button);
  gtk_widget_class_bind_template_child (widget_class, KpJpmDialog, error_label);

  gtk_widget_class_bind_template_callback (widget_class, on_weight_switch_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "jpm.add-category", NULL, add_category_action);
  gtk_widget_class_install_action (widget_class, "jpm.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "jpm.revert", NULL, revert_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
kp_jpm_dialog_init (KpJpmDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The kinds' names are the register's own (PermenPAN-RB), the same in every language. */
  for (int k = 0; k < KP_POSITION_KIND_COUNT; k++)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->weight_rows[k]),
                                   kp_position_kind_to_string (k));
}

GtkWidget *
kp_jpm_dialog_new (GtkWindow  *parent,
                   KpDatabase *database)
{
  KpJpmDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KP_IS_DATABASE (database), NULL);

  self = g_object_new (KP_TYPE_JPM_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  load_weights (self);
  load_categories (self);
  return GTK_WIDGET (self);
}

/* ---- test hooks ------------------------------------------------------------------------------ */

GtkSwitch *
_kp_jpm_dialog_get_weight_switch (KpJpmDialog *self,
                                  int          kind)
{
  g_return_val_if_fail (kind >= 0 && kind < KP_POSITION_KIND_COUNT, NULL);
  return self->weight_switches[kind];
}

GtkSpinButton *
_kp_jpm_dialog_get_weight_spin (KpJpmDialog *self,
                                int          kind)
{
  g_return_val_if_fail (kind >= 0 && kind < KP_POSITION_KIND_COUNT, NULL);
  return self->weight_spins[kind];
}

AdwActionRow *
_kp_jpm_dialog_get_weight_row (KpJpmDialog *self,
                               int          kind)
{
  g_return_val_if_fail (kind >= 0 && kind < KP_POSITION_KIND_COUNT, NULL);
  return self->weight_rows[kind];
}

gboolean
_kp_jpm_dialog_is_busy (KpJpmDialog *self)
{
  for (int k = 0; k < KP_POSITION_KIND_COUNT; k++)
    if (self->weight_timeouts[k] != 0)
      return TRUE;
  return FALSE;
}

guint
_kp_jpm_dialog_get_n_categories (KpJpmDialog *self)
{
  return self->n_categories;
}

AdwEntryRow *
_kp_jpm_dialog_get_category_name (KpJpmDialog *self,
                                  guint        row)
{
  g_return_val_if_fail (row < KP_JPM_CATEGORIES_MAX, NULL);
  return self->category_names[row];
}

GtkSpinButton *
_kp_jpm_dialog_get_category_min (KpJpmDialog *self,
                                 guint        row)
{
  g_return_val_if_fail (row < KP_JPM_CATEGORIES_MAX, NULL);
  return self->category_mins[row];
}

GtkButton *
_kp_jpm_dialog_get_category_remove (KpJpmDialog *self,
                                    guint        row)
{
  g_return_val_if_fail (row < KP_JPM_CATEGORIES_MAX, NULL);
  return self->category_removes[row];
}

GtkButton *
_kp_jpm_dialog_get_add_button (KpJpmDialog *self)
{
  return self->add_button;
}

GtkButton *
_kp_jpm_dialog_get_apply_button (KpJpmDialog *self)
{
  return self->apply_button;
}

GtkButton *
_kp_jpm_dialog_get_revert_button (KpJpmDialog *self)
{
  return self->revert_button;
}

GtkLabel *
_kp_jpm_dialog_get_error_label (KpJpmDialog *self)
{
  return self->error_label;
}
