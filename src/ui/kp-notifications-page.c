/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-notifications-page.c: the notifications tab of a selection's page. For the stage chosen
 * at the top: the "Template" page edits its e-mail (subject and body) and its short text for
 * WhatsApp or SMS, with the placeholders a template may use beside it; Save goes through
 * kp_notification_template_set (), which refuses unknown placeholders and above all the NIK
 * and the birth date, and its refusal stays above the text. "Produce Messages…" writes the
 * mail-merge CSV, the .eml files and the short texts into a folder (kp_notification_produce ())
 * and says what it wrote in a toast that opens the folder. The "Log" page lists what was
 * produced and when it was marked sent, with "Mark All as Sent" for the stage.
 *
 * GTK 4.8 has no folder dialog of its own and kp-file-chooser.h has none yet: the folder is
 * asked for as a new name in the save dialog ("pesan-tahap-1"), and produced into. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-background-export.h"
#include "kp-file-chooser.h"
#include "kp-notifications-page.h"

/* ---- one line of the log ------------------------------------------------------------------- */

#define KP_TYPE_LOG_ITEM (kp_log_item_get_type ())
G_DECLARE_FINAL_TYPE (KpLogItem, kp_log_item, KP, LOG_ITEM, GObject)

struct _KpLogItem
{
  GObject parent_instance;

  KpNotificationLog *log;
};

G_DEFINE_FINAL_TYPE (KpLogItem, kp_log_item, G_TYPE_OBJECT)

enum {
  LOG_PROP_0,
  LOG_PROP_REG_NO,
  LOG_PROP_CHANNEL,
  LOG_PROP_PRODUCED_AT,
  LOG_PROP_SENT_AT,
  LOG_PROP_SENT_BY,
  LOG_N_PROPS
};

static GParamSpec *log_properties[LOG_N_PROPS];

static const char *
channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "mail-merge") == 0)
    return _("Mail merge");
  if (g_strcmp0 (channel, "email") == 0)
    return _("E-mail (.eml)");
  if (g_strcmp0 (channel, "short") == 0)
    return _("Short text");
  return channel;
}

static void
kp_log_item_finalize (GObject *object)
{
  g_clear_pointer (&KP_LOG_ITEM (object)->log, kp_notification_log_free);

  G_OBJECT_CLASS (kp_log_item_parent_class)->finalize (object);
}

static void
kp_log_item_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KpNotificationLog *log = KP_LOG_ITEM (object)->log;

  switch (prop_id)
    {
    case LOG_PROP_REG_NO:
      g_value_set_string (value, log->reg_no);
      break;
    case LOG_PROP_CHANNEL:
      g_value_set_string (value, channel_label (log->channel));
      break;
    case LOG_PROP_PRODUCED_AT:
      g_value_set_string (value, log->produced_at);
      break;
    case LOG_PROP_SENT_AT:
      /* Translators: the log's "sent at" of a message not yet marked sent */
      g_value_set_string (value, log->sent_at != NULL ? log->sent_at : _("not yet"));
      break;
    case LOG_PROP_SENT_BY:
      g_value_set_string (value, log->sent_by != NULL ? log->sent_by : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_log_item_class_init (KpLogItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_log_item_finalize;
  object_class->get_property = kp_log_item_get_property;

  log_properties[LOG_PROP_REG_NO] = g_param_spec_string ("reg-no", NULL, NULL, NULL, flags);
  log_properties[LOG_PROP_CHANNEL] = g_param_spec_string ("channel", NULL, NULL, NULL, flags);
  log_properties[LOG_PROP_PRODUCED_AT] = g_param_spec_string ("produced-at", NULL, NULL, NULL,
                                                              flags);
  log_properties[LOG_PROP_SENT_AT] = g_param_spec_string ("sent-at", NULL, NULL, NULL, flags);
  log_properties[LOG_PROP_SENT_BY] = g_param_spec_string ("sent-by", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, LOG_N_PROPS, log_properties);
}

static void
kp_log_item_init (KpLogItem *self)
{
}

/* ---- the page ------------------------------------------------------------------------------ */

struct _KpNotificationsPage
{
  KpSelectionTab parent_instance;

  GArray *stage_ids;         /* of gint64: the stage drop-down's entries */
  GListStore *log;           /* of KpLogItem */
  GFile *last_folder;        /* the folder of the last production, for "Open Folder" */
  gboolean filling;          /* the stage drop-down is being refilled */
  gboolean producing;        /* a worker is writing the messages */

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkStack *page_stack;
  GtkDropDown *stage_drop_down;
  GtkStringList *stage_list;
  GtkLabel *origin_label;
  GtkEntry *subject_entry;
  GtkTextView *body_view;
  GtkTextView *short_view;
  GtkLabel *short_count_label;
  GtkLabel *error_label;
  GtkListBox *placeholder_list;
  GtkColumnView *log_view;
  GtkLabel *log_count_label;
};

G_DEFINE_FINAL_TYPE (KpNotificationsPage, kp_notifications_page, KP_TYPE_SELECTION_TAB)

/* The tab's database and selection (KpSelectionTab holds them). */
static KpDatabase *
db_of (KpNotificationsPage *self)
{
  return kp_selection_tab_get_database (KP_SELECTION_TAB (self));
}

static gint64
selection_of (KpNotificationsPage *self)
{
  return kp_selection_tab_get_selection_id (KP_SELECTION_TAB (self));
}

static void
show_toast (KpNotificationsPage *self,
            const char          *message)
{
  kp_selection_tab_show_toast (KP_SELECTION_TAB (self), message);
}

static GtkWindow *
get_parent_window (KpNotificationsPage *self)
{
  return kp_selection_tab_get_window (KP_SELECTION_TAB (self));
}

static gint64
current_stage (KpNotificationsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->stage_drop_down);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->stage_ids->len)
    return 0;
  return g_array_index (self->stage_ids, gint64, position);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_refusal (KpNotificationsPage *self,
              const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- the placeholders ---------------------------------------------------------------------- */

/* What each placeholder of kp_notification_placeholders () stands for. */
static const char *
placeholder_meaning (const char *name)
{
  static const struct { const char *name; const char *meaning; } meanings[] = {
    { "nama", N_("the registrant's name") },
    { "no_peserta", N_("the registration number") },
    { "seleksi", N_("the selection's name") },
    { "tahap", N_("this stage's name") },
    { "jadwal", N_("this stage's schedule") },
    { "tempat", N_("this stage's place") },
    { "hasil", N_("the result: MS or TMS") },
    { "alasan", N_("for TMS: the requirement not met and the note") },
    { "langkah_berikut", N_("MS: the next stage and its schedule; TMS: how to appeal") },
    { "tahap_berikut", N_("the next stage's name") },
    { "jadwal_berikut", N_("the next stage's schedule") },
    { "tempat_berikut", N_("the next stage's place") },
    { "cara_sanggah", N_("how to appeal, as announced") },
    { "instansi", N_("the agency's name") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (meanings); i++)
    if (g_str_equal (meanings[i].name, name))
      return _(meanings[i].meaning);
  return "";
}

static void
fill_placeholders (KpNotificationsPage *self)
{
  const char *const *names = kp_notification_placeholders ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *title = g_strdup_printf ("{%s}", names[i]);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), placeholder_meaning (names[i]));
      gtk_list_box_append (self->placeholder_list, row);
    }
}

/* ---- the template -------------------------------------------------------------------------- */

static void
update_short_count (KpNotificationsPage *self)
{
  g_autofree char *text = text_view_get_text (self->short_view);
  g_autofree char *count = NULL;

  /* Translators: under the short text: its length in characters and the most that is sent */
  count = g_strdup_printf (_("%ld of %d characters (placeholders not yet filled in)"),
                           g_utf8_strlen (text, -1), KP_NOTIFICATION_SHORT_MAX_CHARS);
  gtk_label_set_label (self->short_count_label, count);
}

static void
load_template (KpNotificationsPage *self)
{
  gint64 stage = current_stage (self);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *short_subject = NULL;
  g_autofree char *short_body = NULL;
  g_autoptr(GError) error = NULL;
  gboolean email_default = TRUE, short_default = TRUE;

  show_refusal (self, NULL);
  if (stage > 0
      && (!kp_notification_template_get (db_of (self), stage, KP_CHANNEL_EMAIL, &subject,
                                         &body, &email_default, &error)
          || !kp_notification_template_get (db_of (self), stage, KP_CHANNEL_SHORT,
                                            &short_subject, &short_body, &short_default,
                                            &error)))
    show_toast (self, error->message);

  gtk_editable_set_text (GTK_EDITABLE (self->subject_entry), subject != NULL ? subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            body != NULL ? body : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->short_view),
                            short_body != NULL ? short_body : "", -1);
  gtk_label_set_label (self->origin_label,
                       email_default && short_default
                         ? _("The default texts of this kind of stage.")
                         : _("This selection's own texts for this stage."));
  update_short_count (self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KpNotificationsPage *self = KP_NOTIFICATIONS_PAGE (widget);
  gint64 stage = current_stage (self);
  g_autofree char *body = text_view_get_text (self->body_view);
  g_autofree char *short_text = text_view_get_text (self->short_view);
  g_autoptr(GError) error = NULL;

  if (stage <= 0)
    return;
  /* Each channel is its own change: a refusal of the second leaves the first saved, and the
   * message says which text is at fault. */
  if (!kp_notification_template_set (db_of (self), stage, KP_CHANNEL_EMAIL,
                                     gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)),
                                     body, &error)
      || !kp_notification_template_set (db_of (self), stage, KP_CHANNEL_SHORT, NULL,
                                        short_text, &error))
    {
      show_refusal (self, error->message);
      return;
    }
  load_template (self);
  show_toast (self, _("Templates saved"));
}

static void
on_restore_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        KpNotificationsPage *self)
{
  gint64 stage = current_stage (self);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0 || stage <= 0 || db_of (self) == NULL)
    return;
  if (!kp_notification_template_set (db_of (self), stage, KP_CHANNEL_EMAIL, NULL, NULL,
                                     &error)
      || !kp_notification_template_set (db_of (self), stage, KP_CHANNEL_SHORT, NULL, NULL,
                                        &error))
    {
      show_refusal (self, error->message);
      return;
    }
  load_template (self);
  show_toast (self, _("Default texts restored"));
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpNotificationsPage *self = KP_NOTIFICATIONS_PAGE (widget);
  AdwMessageDialog *dialog;

  if (current_stage (self) <= 0)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self),
                                                       _("Restore the Default Texts?"),
                                                       _("This stage's own e-mail and short "
                                                         "text are replaced by the defaults.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the log ------------------------------------------------------------------------------- */

static void
load_log (KpNotificationsPage *self)
{
  gint64 stage = current_stage (self);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint unsent = 0;

  if (stage > 0)
    {
      rows = kp_notification_log_list (db_of (self), stage, &error);
      if (rows == NULL)
        show_toast (self, error->message);
    }
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      KpLogItem *item = g_object_new (KP_TYPE_LOG_ITEM, NULL);

      item->log = g_ptr_array_index (rows, i);
      if (item->log->sent_at == NULL)
        unsent++;
      g_ptr_array_add (items, item);
    }
  if (rows != NULL)
    /* Its rows are the items' now. */
    g_ptr_array_set_free_func (rows, NULL);
  g_list_store_splice (self->log, 0, g_list_model_get_n_items (G_LIST_MODEL (self->log)),
                       items->pdata, items->len);

  /* Translators: above the log: %u messages produced, of which %u not yet marked sent */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message produced, %u not marked sent",
                                        "%u messages produced, %u not marked sent", items->len),
                           items->len, unsent);
  gtk_label_set_label (self->log_count_label, count);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.mark-sent", unsent > 0);
}

static void
mark_sent_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpNotificationsPage *self = KP_NOTIFICATIONS_PAGE (widget);
  gint64 stage = current_stage (self);
  const char *by = kp_database_get_actor (db_of (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint marked = 0;

  if (stage <= 0)
    return;
  if (by == NULL || *by == '\0')
    by = g_get_real_name ();
  if (!kp_notification_mark_sent (db_of (self), stage, NULL, NULL, by, &marked, &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: a toast after "Mark All as Sent" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message marked sent",
                                          "%u messages marked sent", marked),
                             marked);
  show_toast (self, message);
  load_log (self);
}

/* ---- producing ----------------------------------------------------------------------------- */

static void
open_folder_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KpNotificationsPage *self = KP_NOTIFICATIONS_PAGE (widget);
  g_autofree char *uri = NULL;

  if (self->last_folder == NULL)
    return;
  uri = g_file_get_uri (self->last_folder);
  gtk_show_uri (get_parent_window (self), uri, GDK_CURRENT_TIME);
}

/* What the worker writes with, and what it found. */
typedef struct {
  gint64 stage;
  KpNotificationCounts counts;
} Production;

static gboolean
write_messages (KpDatabase  *database,
                const char  *path,
                gpointer     data,
                GError     **error)
{
  Production *production = data;

  return kp_notification_produce (database, production->stage, path, NULL, &production->counts,
                                  error);
}

static void
set_producing (KpNotificationsPage *self,
               gboolean             producing)
{
  self->producing = producing;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.produce",
                                 !producing && self->stage_ids->len > 0);
}

static void
on_produced_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KpNotificationsPage) self = kp_background_export_dup_source (result);
  Production *production = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  gboolean done = kp_background_export_finish (result, &error);

  /* The page went with its window: the files are written all the same. */
  if (self == NULL)
    return;
  set_producing (self, FALSE);
  if (!done)
    {
      show_toast (self, error->message);
      return;
    }
  g_set_object (&self->last_folder, kp_background_export_get_file (result));
  load_log (self);

  /* Translators: a toast after producing the messages: registrants, .eml files, short texts,
   * registrants left out because their result is not final */
  message = g_strdup_printf (_("%u registrants: %u e-mails, %u short texts; %u waiting for a "
                               "final result"),
                             production->counts.recipients, production->counts.eml,
                             production->counts.short_texts, production->counts.waiting);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_action_name (toast, "notifications.open-folder");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* 90,000 registrants take about twelve seconds of e-mail files: a worker writes them, on a
 * connection of its own, while the window stays usable. */
void
_kp_notifications_page_produce_into (KpNotificationsPage *self,
                                     GFile               *folder)
{
  Production *production;

  g_return_if_fail (KP_IS_NOTIFICATIONS_PAGE (self));
  if (current_stage (self) <= 0 || self->producing || db_of (self) == NULL)
    return;

  production = g_new0 (Production, 1);
  production->stage = current_stage (self);
  set_producing (self, TRUE);
  /* The production outlives the callback's reading of it: freed with the task. */
  kp_background_export (self, db_of (self), folder, write_messages, production, g_free, NULL,
                        on_produced_cb, production);
}

gboolean
_kp_notifications_page_is_producing (KpNotificationsPage *self)
{
  g_return_val_if_fail (KP_IS_NOTIFICATIONS_PAGE (self), FALSE);

  return self->producing;
}

static void
on_folder_chosen (GFile   *file,
                  gpointer user_data)
{
  g_autoptr(KpNotificationsPage) self = user_data;

  if (file != NULL && db_of (self) != NULL)
    _kp_notifications_page_produce_into (self, file);
}

static void
produce_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpNotificationsPage *self = KP_NOTIFICATIONS_PAGE (widget);
  guint position = gtk_drop_down_get_selected (self->stage_drop_down);
  g_autofree char *suggested = NULL;

  if (current_stage (self) <= 0)
    return;
  /* Translators: the proposed name of the folder the messages of stage %u are written into */
  suggested = g_strdup_printf (_("messages-stage-%u"), position + 1);
  kp_file_chooser_save (get_parent_window (self), _("Produce Messages Into a New Folder"),
                        suggested, NULL, NULL, on_folder_chosen, g_object_ref (self));
}

/* ---- loading ------------------------------------------------------------------------------- */

static void
on_stage_changed_cb (KpNotificationsPage *self)
{
  if (self->filling)
    return;
  load_template (self);
  load_log (self);
}

static void
reload (KpSelectionTab *tab)
{
  KpNotificationsPage *self = KP_NOTIFICATIONS_PAGE (tab);
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 chosen;
  guint position = 0;

  g_return_if_fail (KP_IS_NOTIFICATIONS_PAGE (self));

  chosen = current_stage (self);
  if (db_of (self) != NULL && selection_of (self) > 0)
    {
      stages = kp_selection_stages_list (db_of (self), selection_of (self), &error);
      if (stages == NULL)
        show_toast (self, error->message);
    }
  g_array_set_size (self->stage_ids, 0);
  for (guint i = 0; stages != NULL && i < stages->len; i++)
    {
      KpSelectionStage *stage = g_ptr_array_index (stages, i);

      g_array_append_val (self->stage_ids, stage->id);
      /* Translators: a stage in the drop-down: its number and name */
      g_ptr_array_add (names, g_strdup_printf (_("%d. %s"), stage->position, stage->name));
      if (stage->id == chosen)
        position = i;
    }
  g_ptr_array_add (names, NULL);

  self->filling = TRUE;
  gtk_string_list_splice (self->stage_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->stage_list)),
                          (const char *const *) names->pdata);
  gtk_drop_down_set_selected (self->stage_drop_down,
                              self->stage_ids->len > 0 ? position : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, self->stage_ids->len > 0 ? "stage" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.produce",
                                 !self->producing && self->stage_ids->len > 0);
  load_template (self);
  load_log (self);
}

/* ---- GObject ------------------------------------------------------------------------------- */

GtkWidget *
kp_notifications_page_new (void)
{
  return g_object_new (KP_TYPE_NOTIFICATIONS_PAGE, NULL);
}

void
kp_notifications_page_set_database (KpNotificationsPage *self,
                                    KpDatabase          *database)
{
  g_return_if_fail (KP_IS_NOTIFICATIONS_PAGE (self));

  kp_selection_tab_set_database (KP_SELECTION_TAB (self), database);
}

void
kp_notifications_page_set_selection_id (KpNotificationsPage *self,
                                        gint64               selection_id)
{
  g_return_if_fail (KP_IS_NOTIFICATIONS_PAGE (self));

  kp_selection_tab_set_selection_id (KP_SELECTION_TAB (self), selection_id);
}

static void
kp_notifications_page_dispose (GObject *object)
{
  /* The toast overlay is both a template child and AdwBin's child: let AdwBin unparent it
   * first, or disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KP_TYPE_NOTIFICATIONS_PAGE);

  G_OBJECT_CLASS (kp_notifications_page_parent_class)->dispose (object);
}

static void
kp_notifications_page_finalize (GObject *object)
{
  KpNotificationsPage *self = KP_NOTIFICATIONS_PAGE (object);

  g_array_unref (self->stage_ids);
  g_clear_object (&self->log);
  g_clear_object (&self->last_folder);

  G_OBJECT_CLASS (kp_notifications_page_parent_class)->finalize (object);
}

static void
kp_notifications_page_class_init (KpNotificationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  KP_SELECTION_TAB_CLASS (klass)->reload = reload;

  object_class->dispose = kp_notifications_page_dispose;
  object_class->finalize = kp_notifications_page_finalize;

  g_type_ensure (KP_TYPE_LOG_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/"
                                               "kp-notifications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, stage_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, stage_list);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, origin_label);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, short_view);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, short_count_label);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, placeholder_list);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, log_view);
  gtk_widget_class_bind_template_child (widget_class, KpNotificationsPage, log_count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_changed_cb);

  gtk_widget_class_install_action (widget_class, "notifications.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "notifications.restore", NULL,
                                   restore_activated);
  gtk_widget_class_install_action (widget_class, "notifications.produce", NULL,
                                   produce_activated);
  gtk_widget_class_install_action (widget_class, "notifications.open-folder", NULL,
                                   open_folder_activated);
  gtk_widget_class_install_action (widget_class, "notifications.mark-sent", NULL,
                                   mark_sent_activated);
}

static void
kp_notifications_page_init (KpNotificationsPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->log = g_list_store_new (KP_TYPE_LOG_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->log)));
  gtk_column_view_set_model (self->log_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (gtk_text_view_get_buffer (self->short_view), "changed",
                           G_CALLBACK (update_short_count), self, G_CONNECT_SWAPPED);
  fill_placeholders (self);
  reload (KP_SELECTION_TAB (self));
}

