/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-recruitment-view.c: the recruitment area (DOMAIN.md, "Recruitment"): the selections on
 * the left; on the right the chosen one with its announcement state, the actions that announce
 * it and amend it, and its tabs: the rules editor, the vacancies and the announcement versions.
 * Other pages (registrants, verification, notifications) are added by the window and follow
 * the "selection-id" property.
 *
 * Layout is in kp-recruitment-view.ui. The rules editor's rows are made from the model's
 * answers each time something changes (a selection has a handful of stages, codes and
 * requirements): the stages from kp_selection_stages_list (), everything under them from the
 * rules snapshot (kp_selection_rules_json ()), which is exactly what an announcement
 * publishes. Every editing button names an action; the actions are disabled while the
 * selection is announced and no amendment is open, so the whole editor turns read-only in one
 * place (update_actions ()). The model has the last word: a refusal (locked, weights that do
 * not add up, a bad date) shows its message in a dialog and nothing is written.
 *
 * Dialogs are AdwMessageDialogs built on demand, one at a time, as in the standards view: a
 * form is a boxed list of rows in the dialog's extra child, its fields kept on the dialog by
 * name. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kompeten/kp-announcement.h"
#include "kompeten/kp-model.h"

#include "kp-file-chooser.h"
#include "kp-import-result.h"
#include "kp-notifications-page.h"
#include "kp-recruitment-view.h"
#include "kp-registrants-page.h"
#include "kp-selection-tab.h"
#include "kp-verification-page.h"
#include "kp-recruitment-view-private.h"
#include "kp-widget-util.h"

/* Wide enough for a change sentence or a problem on one or two lines. */
#define DIALOG_LIST_WIDTH 460

typedef enum {
  DIALOG_NONE,
  DIALOG_REFUSAL,
  DIALOG_NEW_SELECTION,
  DIALOG_DELETE_SELECTION,
  DIALOG_ANNOUNCE,
  DIALOG_AMENDMENT_BEGIN,
  DIALOG_AMENDMENT_PUBLISH,
  DIALOG_AMENDMENT_CANCEL,
  DIALOG_STAGE,        /* subject: the stage, 0 for a new one */
  DIALOG_REMOVE_STAGE, /* subject: the stage */
  DIALOG_WEIGHTS,
  DIALOG_COMPONENT,    /* subject: the stage; text: the code, NULL for a new one */
  DIALOG_PASS_RULE,    /* subject: the stage */
  DIALOG_CODE,         /* text: "kind\ncode", NULL for a new one */
  DIALOG_REQUIREMENT,
  DIALOG_FORMASI,      /* subject: the formasi, 0 for a new one */
  DIALOG_DELETE_FORMASI, /* subject: the formasi */
  DIALOG_PROBLEMS,     /* an import's refused rows: listed, and can be saved */
} DialogKind;

struct _KpRecruitmentView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *list_stack;
  GtkListBox *selection_list;
  GtkStack *detail_stack;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *status_label;
  GtkWidget *announce_button;
  GtkWidget *amendment_menu_button;
  GtkWidget *delete_button;
  GtkWidget *locked_banner;
  GtkLabel *locked_label;
  GtkWidget *banner_button;
  AdwViewStack *view_stack;
  GtkWidget *problem_group;
  GtkListBox *problem_list;
  GtkListBox *stage_list;
  AdwActionRow *weights_row;
  GtkWidget *weights_button;
  GtkListBox *code_list;
  GtkListBox *tie_break_list;
  GtkListBox *requirement_list;
  AdwEntryRow *appeal_row;
  GtkSpinButton *sample_spin;
  GtkLabel *quota_label;
  GtkStack *formasi_stack;
  GtkColumnView *formasi_view;
  GtkSingleSelection *formasi_selection;
  GListStore *formasi_rows;
  GtkStack *announcements_stack;
  GtkListBox *version_list;
  GtkLabel *version_label;
  GtkLabel *version_details_label;
  GtkListBox *change_list;

  /* owned */
  KpDatabase *database;
  gint64 selection_id;     /* the selection shown; 0 for none */
  KpSelection *selection;  /* as last read */
  GPtrArray *stages;       /* of KpSelectionStage, in order */
  JsonNode *rules;         /* the rules snapshot, as last read */
  guint revision;
  gboolean updating;       /* we fill the lists or the fields ourselves */
  GPtrArray *problems;     /* the last import's refused rows (KpImportProblem), for Save */
  char *problems_name;     /* that file's base name */

  /* the dialog on screen: GTK owns it, this is a weak pointer */
  AdwMessageDialog *dialog;
  DialogKind dialog_kind;
  gint64 dialog_subject;
  char *dialog_text;

  int shown_version;       /* the announcement version shown; 0 for none */
};

G_DEFINE_FINAL_TYPE (KpRecruitmentView, kp_recruitment_view, ADW_TYPE_BIN)

/* ---- a row of the vacancies table ---------------------------------------------------------- */

struct _KpFormasiRow
{
  GObject parent_instance;

  KpFormasi *formasi;
};

G_DEFINE_FINAL_TYPE (KpFormasiRow, kp_formasi_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_CODE,
  ROW_PROP_POSITION_TITLE,
  ROW_PROP_UNIT,
  ROW_PROP_EDUCATION,
  ROW_PROP_STUDY_PROGRAMME,
  ROW_PROP_KIND,
  ROW_PROP_QUOTA,
  ROW_N_PROPS
};

static void
kp_formasi_row_finalize (GObject *object)
{
  g_clear_pointer (&KP_FORMASI_ROW (object)->formasi, kp_formasi_free);

  G_OBJECT_CLASS (kp_formasi_row_parent_class)->finalize (object);
}

static void
kp_formasi_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KpFormasi *formasi = KP_FORMASI_ROW (object)->formasi;

  switch (prop_id)
    {
    case ROW_PROP_ID:
      g_value_set_int64 (value, formasi->id);
      break;
    case ROW_PROP_CODE:
      g_value_set_string (value, formasi->code);
      break;
    case ROW_PROP_POSITION_TITLE:
      g_value_set_string (value, formasi->position_title);
      break;
    case ROW_PROP_UNIT:
      g_value_set_string (value, formasi->unit);
      break;
    case ROW_PROP_EDUCATION:
      g_value_set_string (value, formasi->education);
      break;
    case ROW_PROP_STUDY_PROGRAMME:
      g_value_set_string (value, formasi->study_programme);
      break;
    case ROW_PROP_KIND:
      g_value_set_string (value, formasi->kind);
      break;
    case ROW_PROP_QUOTA:
      g_value_set_int64 (value, formasi->quota);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_formasi_row_class_init (KpFormasiRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamSpec *row_properties[ROW_N_PROPS] = { NULL, };

  object_class->finalize = kp_formasi_row_finalize;
  object_class->get_property = kp_formasi_row_get_property;

  row_properties[ROW_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  row_properties[ROW_PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_POSITION_TITLE] = g_param_spec_string ("position-title", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_EDUCATION] = g_param_spec_string ("education", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_STUDY_PROGRAMME] = g_param_spec_string ("study-programme", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_QUOTA] = g_param_spec_int64 ("quota", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
kp_formasi_row_init (KpFormasiRow *self)
{
}

/* Takes @formasi. */
static KpFormasiRow *
formasi_row_new (KpFormasi *formasi)
{
  KpFormasiRow *self = g_object_new (KP_TYPE_FORMASI_ROW, NULL);

  self->formasi = formasi;
  return self;
}

const KpFormasi *
kp_formasi_row_get_formasi (KpFormasiRow *self)
{
  g_return_val_if_fail (KP_IS_FORMASI_ROW (self), NULL);

  return self->formasi;
}

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SELECTION_ID,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The stored values of a selection's type and of a stage's kind, with what the user reads. */
typedef struct {
  const char *value;
  const char *label;
} Choice;

static const Choice type_choices[] = {
  { "cpns", N_("CPNS") },
  { "pppk", N_("PPPK") },
  { "jpt", N_("JPT Open Selection") },
  { "internal", N_("Internal") },
  { "non-asn", N_("Non-ASN") },
};

static const Choice kind_choices[] = {
  { "administration", N_("Administration") },
  { "skd", N_("SKD (basic competency test)") },
  { "skb", N_("SKB (field competency test)") },
  { "interview", N_("Interview") },
  { "assessment", N_("Assessment centre") },
  { "paper", N_("Paper") },
  { "track-record", N_("Track record") },
  { "competency", N_("Competency test") },
  { "other", N_("Other") },
};

static const Choice scoring_choices[] = {
  { "sum", N_("Sum of the components") },
  { "weighted", N_("Weighted components") },
};

static void reload (KpRecruitmentView *self);

/* ---- small things ------------------------------------------------------------------------ */

static const char *
choice_label (const Choice *choices,
              guint         n,
              const char   *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (choices[i].value, value) == 0)
      return _(choices[i].label);

  return value != NULL ? value : "";
}

static const char *
type_label (const char *type)
{
  return choice_label (type_choices, G_N_ELEMENTS (type_choices), type);
}

static const char *
kind_label (const char *kind)
{
  /* "final" is not a stage kind but the codes of the final result. */
  if (g_strcmp0 (kind, "final") == 0)
    return _("Final result");
  return choice_label (kind_choices, G_N_ELEMENTS (kind_choices), kind);
}

static GtkWindow *
get_parent_window (KpRecruitmentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (KpRecruitmentView *self,
            const char        *text)
{
  /* Toast titles are markup; ours carry names and the model's messages. */
  g_autofree char *title = g_markup_printf_escaped ("%s", text);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static gboolean
is_editable (KpRecruitmentView *self)
{
  return self->selection != NULL &&
         (!self->selection->locked || self->selection->amendment_reason != NULL);
}

static char *
format_status (const KpSelection *selection)
{
  if (selection->amendment_reason != NULL)
    return g_strdup (_("Amendment open"));
  if (selection->locked)
    /* Translators: a selection's status; %d is the announcement's version */
    return g_strdup_printf (_("Announced v%d"), selection->version);
  return g_strdup (_("Draft"));
}

/* The member @name of @object as text ("" when missing or null). */
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : "";
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

/* The array @name of the rules snapshot, or of @object when not NULL; NULL when missing. */
static JsonArray *
rules_array (KpRecruitmentView *self,
             JsonObject        *object,
             const char        *name)
{
  JsonNode *node;

  if (object == NULL)
    {
      if (self->rules == NULL || !JSON_NODE_HOLDS_OBJECT (self->rules))
        return NULL;
      object = json_node_get_object (self->rules);
    }
  node = json_object_get_member (object, name);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static KpSelectionStage *
find_stage (KpRecruitmentView *self,
            gint64             stage_id)
{
  for (guint i = 0; self->stages != NULL && i < self->stages->len; i++)
    {
      KpSelectionStage *stage = g_ptr_array_index (self->stages, i);

      if (stage->id == stage_id)
        return stage;
    }

  return NULL;
}

/* The snapshot's stage object of @stage (matched by position: both are in order). */
static JsonObject *
stage_object (KpRecruitmentView *self,
              KpSelectionStage  *stage)
{
  JsonArray *stages = rules_array (self, NULL, "stages");

  if (stages == NULL || stage->position < 1 || (guint) stage->position > json_array_get_length (stages))
    return NULL;
  return json_array_get_object_element (stages, (guint) stage->position - 1);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip,
                 const char *action_name,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  /* Without an action (the first stage's Up …) the button is there, insensitive, so that the
   * buttons of all rows stay in columns; an action's button follows the action's state. */
  if (action_name == NULL)
    {
      gtk_widget_set_sensitive (button, FALSE);
      if (target != NULL)
        g_variant_unref (g_variant_ref_sink (target));
      return button;
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
new_text_button (const char *label,
                 const char *action_name,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/* A row of plain text: names and rules are data, not markup. */
static GtkWidget *
new_text_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
bump_revision (KpRecruitmentView *self)
{
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

/* ---- dialogs ----------------------------------------------------------------------------- */

static void on_dialog_response_cb (AdwMessageDialog  *dialog,
                                   const char        *response,
                                   KpRecruitmentView *self);

static void
clear_dialog (KpRecruitmentView *self)
{
  AdwMessageDialog *dialog = self->dialog;

  if (dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_weak_pointer (&self->dialog);
  self->dialog_kind = DIALOG_NONE;
  self->dialog_subject = 0;
  g_clear_pointer (&self->dialog_text, g_free);

  /* A response has closed it already; this is for every other way in. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A modal dialog over our window, replacing any other: with @accept (its id and label) a
 * question with Cancel, otherwise a message with Close. */
static AdwMessageDialog *
new_dialog (KpRecruitmentView *self,
            DialogKind         kind,
            const char        *heading,
            const char        *body,
            const char        *accept,
            const char        *accept_label,
            AdwResponseAppearance appearance)
{
  AdwMessageDialog *dialog;

  clear_dialog (self);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (dialog, accept != NULL ? "cancel" : "close",
                                   accept != NULL ? _("_Cancel") : _("_Close"));
  adw_message_dialog_set_close_response (dialog, accept != NULL ? "cancel" : "close");
  if (accept != NULL)
    {
      adw_message_dialog_add_response (dialog, accept, accept_label);
      /* What a form's required fields enable. */
      g_object_set_data_full (G_OBJECT (dialog), "kp-accept", g_strdup (accept), g_free);
      adw_message_dialog_set_response_appearance (dialog, accept, appearance);
      /* Enter in a form saves it; a destructive answer needs a deliberate click. */
      adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE
                                                       ? "cancel" : accept);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), self);

  g_set_weak_pointer (&self->dialog, dialog);
  self->dialog_kind = kind;
  return dialog;
}

static void
show_refusal (KpRecruitmentView *self,
              const char        *heading,
              const char        *message)
{
  gtk_window_present (GTK_WINDOW (new_dialog (self, DIALOG_REFUSAL, heading, message, NULL, NULL,
                                              ADW_RESPONSE_DEFAULT)));
}

/* A list of sentences (problems, changes) for a dialog's extra child. */
static GtkWidget *
new_sentence_list (GPtrArray *sentences)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < sentences->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), new_text_row (g_ptr_array_index (sentences, i), NULL));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_widget_set_size_request (scrolled, DIALOG_LIST_WIDTH, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

/* ---- forms in dialogs -------------------------------------------------------------------- */

#define FIELD_KEY "kp-field-"

static GtkListBox *
form_new (AdwMessageDialog *dialog)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, DIALOG_LIST_WIDTH, -1);
  adw_message_dialog_set_extra_child (dialog, list);
  return GTK_LIST_BOX (list);
}

static void
form_keep (GtkListBox *form,
           const char *name,
           GtkWidget  *field)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (form), ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *key = g_strconcat (FIELD_KEY, name, NULL);

  g_assert (dialog != NULL);
  g_object_set_data (G_OBJECT (dialog), key, field);
}

static GtkWidget *
form_field (AdwMessageDialog *dialog,
            const char       *name)
{
  g_autofree char *key = g_strconcat (FIELD_KEY, name, NULL);

  return dialog != NULL ? g_object_get_data (G_OBJECT (dialog), key) : NULL;
}

/* Save is possible only when every required entry has text. */
static void
on_required_changed_cb (GtkEditable      *editable,
                        AdwMessageDialog *dialog)
{
  GPtrArray *required = g_object_get_data (G_OBJECT (dialog), "kp-required");
  const char *accept = g_object_get_data (G_OBJECT (dialog), "kp-accept");
  gboolean complete = TRUE;

  for (guint i = 0; required != NULL && i < required->len; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (g_ptr_array_index (required, i))));

      complete = complete && text[0] != '\0';
    }
  adw_message_dialog_set_response_enabled (dialog, accept, complete);
}

static GtkWidget *
form_entry (GtkListBox *form,
            const char *name,
            const char *title,
            const char *text,
            gboolean    required)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (form, row);
  form_keep (form, name, row);

  if (required)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (form),
                                                                              ADW_TYPE_MESSAGE_DIALOG));
      GPtrArray *list = g_object_get_data (G_OBJECT (dialog), "kp-required");

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_object_set_data_full (G_OBJECT (dialog), "kp-required", list,
                                  (GDestroyNotify) g_ptr_array_unref);
        }
      g_ptr_array_add (list, row);
      g_signal_connect (row, "changed", G_CALLBACK (on_required_changed_cb), dialog);
      on_required_changed_cb (GTK_EDITABLE (row), dialog);
    }
  return row;
}

static GtkWidget *
form_spin (GtkListBox *form,
           const char *name,
           const char *title,
           int         value,
           int         lower,
           int         upper)
{
  GtkWidget *row = new_text_row (title, NULL);
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (form, row);
  form_keep (form, name, spin);
  return spin;
}

static GtkWidget *
form_switch (GtkListBox *form,
             const char *name,
             const char *title,
             const char *subtitle,
             gboolean    active)
{
  GtkWidget *row = new_text_row (title, subtitle);
  GtkWidget *toggle = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_list_box_append (form, row);
  form_keep (form, name, toggle);
  return toggle;
}

/* A combo row of @labels; its selected item's index is the answer. */
static GtkWidget *
form_choice (GtkListBox        *form,
             const char        *name,
             const char        *title,
             const char *const *labels,
             guint              selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_list_box_append (form, row);
  form_keep (form, name, row);
  return row;
}

/* The labels of @choices, translated, for form_choice (); free with g_free (not the strings). */
static const char **
choice_labels (const Choice *choices,
               guint         n,
               const char   *extra)
{
  const char **labels = g_new0 (const char *, n + 2);

  for (guint i = 0; i < n; i++)
    labels[i] = _(choices[i].label);
  labels[n] = extra;
  return labels;
}

static guint
choice_index (const Choice *choices,
              guint         n,
              const char   *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (choices[i].value, value) == 0)
      return i;
  return 0;
}

static char *
field_text (AdwMessageDialog *dialog,
            const char       *name)
{
  GtkWidget *field = form_field (dialog, name);

  return g_strstrip (g_strdup (field != NULL ? gtk_editable_get_text (GTK_EDITABLE (field)) : ""));
}

static int
field_int (AdwMessageDialog *dialog,
           const char       *name)
{
  GtkWidget *field = form_field (dialog, name);

  return field != NULL ? gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field)) : 0;
}

static guint
field_choice (AdwMessageDialog *dialog,
              const char       *name)
{
  GtkWidget *field = form_field (dialog, name);

  return field != NULL ? adw_combo_row_get_selected (ADW_COMBO_ROW (field)) : 0;
}

static gboolean
field_active (AdwMessageDialog *dialog,
              const char       *name)
{
  GtkWidget *field = form_field (dialog, name);

  return field != NULL && gtk_switch_get_active (GTK_SWITCH (field));
}

/* ---- the selections list ----------------------------------------------------------------- */

static gint64
row_id (GtkListBoxRow *row)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "kp-id") : NULL;

  return id != NULL ? *id : 0;
}

static void
set_row_id (GtkWidget *row,
            gint64     id)
{
  gint64 *stored = g_new (gint64, 1);

  *stored = id;
  g_object_set_data_full (G_OBJECT (row), "kp-id", stored, g_free);
}

static void
select_shown_selection (KpRecruitmentView *self)
{
  GtkListBoxRow *row;

  self->updating = TRUE;
  gtk_list_box_unselect_all (self->selection_list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->selection_list, i)) != NULL; i++)
    if (self->selection_id > 0 && row_id (row) == self->selection_id)
      gtk_list_box_select_row (self->selection_list, row);
  self->updating = FALSE;
}

static void
reload_selections (KpRecruitmentView *self)
{
  g_autoptr(GPtrArray) selections = NULL;
  g_autoptr(GError) error = NULL;

  self->updating = TRUE;
  kp_list_box_remove_rows (self->selection_list);
  self->updating = FALSE;

  if (self->database != NULL)
    {
      selections = kp_selection_list (self->database, &error);
      if (selections == NULL)
        show_toast (self, error->message);
    }

  for (guint i = 0; selections != NULL && i < selections->len; i++)
    {
      KpSelection *selection = g_ptr_array_index (selections, i);
      g_autofree char *status = format_status (selection);
      /* Translators: under a selection's name: its type, year and status, e.g.
       * "CPNS · 2026 · Announced v1" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %d · %s"), type_label (selection->type),
                                                   selection->year, status);
      GtkWidget *row = new_text_row (selection->name, subtitle);

      set_row_id (row, selection->id);
      gtk_list_box_append (self->selection_list, row);
    }

  gtk_stack_set_visible_child_name (self->list_stack,
                                    selections != NULL && selections->len > 0 ? "list" : "empty");
  select_shown_selection (self);
}

/* ---- the rules editor -------------------------------------------------------------------- */

static char *
format_stage_details (KpSelectionStage *stage)
{
  GString *text = g_string_new (kind_label (stage->kind));

  if (stage->method != NULL && stage->method[0] != '\0')
    g_string_append_printf (text, " · %s", stage->method);
  /* Translators: a stage's share of the final score */
  g_string_append_printf (text, _(" · weight %d %%"), stage->weight_percent);
  if (stage->eliminates)
    g_string_append (text, _(" · eliminates"));
  if (stage->cutoff_multiple > 0)
    /* Translators: how many applicants per seat go on from a stage, e.g. "best 3 × quota" */
    g_string_append_printf (text, _(" · best %d × quota go on"), stage->cutoff_multiple);
  if (stage->starts_on != NULL || stage->ends_on != NULL)
    g_string_append_printf (text, " · %s – %s", stage->starts_on != NULL ? stage->starts_on : "…",
                            stage->ends_on != NULL ? stage->ends_on : "…");
  if (stage->place != NULL && stage->place[0] != '\0')
    g_string_append_printf (text, " · %s", stage->place);
  return g_string_free (text, FALSE);
}

static void
add_stage_children (KpRecruitmentView *self,
                    AdwExpanderRow    *expander,
                    KpSelectionStage  *stage)
{
  JsonObject *object = stage_object (self, stage);
  JsonArray *components = object != NULL ? rules_array (self, object, "components") : NULL;
  JsonArray *pass_rules = object != NULL ? rules_array (self, object, "pass_rules") : NULL;
  GtkWidget *row;
  GtkWidget *box;

  for (guint i = 0; components != NULL && i < json_array_get_length (components); i++)
    {
      JsonObject *component = json_array_get_object_element (components, i);
      const char *code = member_string (component, "code");
      /* Translators: a stage component, e.g. "TWK · Tes Wawasan Kebangsaan" */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), code, member_string (component, "name"));
      /* Translators: under a component: its maximum score and its weight in the stage */
      g_autofree char *subtitle = g_strdup_printf (_("Maximum %" PRId64 " · weight %" PRId64 " %%"),
                                                   member_int (component, "max_score"),
                                                   member_int (component, "weight_percent"));
      g_autofree char *edit = g_strdup_printf (_("Edit Component %s…"), code);
      g_autofree char *remove = g_strdup_printf (_("Remove Component %s"), code);

      row = new_text_row (title, subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("document-edit-symbolic", edit, "recruitment.edit-component",
                                                  g_variant_new ("(xs)", stage->id, code)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("user-trash-symbolic", remove, "recruitment.remove-component",
                                                  g_variant_new ("(xs)", stage->id, code)));
      adw_expander_row_add_row (expander, row);
    }

  for (guint i = 0; pass_rules != NULL && i < json_array_get_length (pass_rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (pass_rules, i);
      const char *kind = member_string (rule, "formasi_kind");
      const char *code = member_string (rule, "component_code");
      /* Translators: a pass rule: the formasi kind ("*" for every other kind), the component
       * (or TOTAL) and its minimum, e.g. "Pass rule for umum: TWK ≥ 65" */
      g_autofree char *title = g_strdup_printf (_("Pass rule for %s: %s ≥ %" PRId64),
                                                g_str_equal (kind, "*") ? _("every other kind") : kind,
                                                code, member_int (rule, "min_score"));
      g_autofree char *remove = g_strdup_printf (_("Remove the Pass Rule for %s on %s"), kind, code);

      row = new_text_row (title, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("user-trash-symbolic", remove, "recruitment.remove-pass-rule",
                                                  g_variant_new ("(xss)", stage->id, kind, code)));
      adw_expander_row_add_row (expander, row);
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), new_text_button (_("Add _Component…"), "recruitment.add-component",
                                                  g_variant_new_int64 (stage->id)));
  gtk_box_append (GTK_BOX (box), new_text_button (_("Add _Pass Rule…"), "recruitment.add-pass-rule",
                                                  g_variant_new_int64 (stage->id)));
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_expander_row_add_row (expander, row);
}

static void
fill_stages (KpRecruitmentView *self)
{
  guint n = self->stages != NULL ? self->stages->len : 0;
  GString *weights = g_string_new (NULL);
  int sum = 0;

  kp_list_box_remove_rows (self->stage_list);
  for (guint i = 0; i < n; i++)
    {
      KpSelectionStage *stage = g_ptr_array_index (self->stages, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf ("%d. %s", stage->position, stage->name);
      g_autofree char *details = format_stage_details (stage);
      g_autofree char *up = g_strdup_printf (_("Move Stage %d Up"), stage->position);
      g_autofree char *down = g_strdup_printf (_("Move Stage %d Down"), stage->position);
      g_autofree char *edit = g_strdup_printf (_("Edit Stage %d…"), stage->position);
      g_autofree char *remove = g_strdup_printf (_("Remove Stage %d…"), stage->position);
      GtkWidget *button;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), details);
      /* Actions go before the ones added earlier: added last to first, they read up, down,
       * edit, remove. */
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   new_icon_button ("user-trash-symbolic", remove, "recruitment.remove-stage",
                                                    g_variant_new_int64 (stage->id)));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   new_icon_button ("document-edit-symbolic", edit, "recruitment.edit-stage",
                                                    g_variant_new_int64 (stage->id)));
      button = new_icon_button ("go-down-symbolic", down, i + 1 < n ? "recruitment.move-stage" : NULL,
                                g_variant_new ("(xi)", stage->id, stage->position + 1));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
      button = new_icon_button ("go-up-symbolic", up, i > 0 ? "recruitment.move-stage" : NULL,
                                g_variant_new ("(xi)", stage->id, stage->position - 1));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
      add_stage_children (self, ADW_EXPANDER_ROW (row), stage);
      set_row_id (row, stage->id);
      gtk_list_box_append (self->stage_list, row);

      g_string_append_printf (weights, "%s%d %%", i > 0 ? " + " : "", stage->weight_percent);
      sum += stage->weight_percent;
    }

  /* Translators: the stages' weights and their sum, e.g. "0 % + 40 % + 60 % = 100 %" */
  g_string_append_printf (weights, _(" = %d %%"), sum);
  if (sum != 100)
    g_string_append (weights, _(" — they must add up to 100 %"));
  adw_action_row_set_subtitle (self->weights_row, weights->str);
  if (sum != 100)
    gtk_widget_add_css_class (GTK_WIDGET (self->weights_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->weights_row), "error");
  g_string_free (weights, TRUE);
}

static void
fill_codes (KpRecruitmentView *self)
{
  JsonArray *codes = rules_array (self, NULL, "codes");

  kp_list_box_remove_rows (self->code_list);
  for (guint i = 0; codes != NULL && i < json_array_get_length (codes); i++)
    {
      JsonObject *code = json_array_get_object_element (codes, i);
      const char *kind = member_string (code, "stage_kind");
      const char *value = member_string (code, "code");
      /* Translators: a result code and its label, e.g. "MS — Memenuhi Syarat" */
      g_autofree char *title = g_strdup_printf (_("%s — %s"), value, member_string (code, "label"));
      const char *meaning = member_string (code, "meaning");
      g_autofree char *subtitle = meaning[0] != '\0' ? g_strdup_printf (_("%s · %s"), kind_label (kind), meaning)
                                                     : g_strdup (kind_label (kind));
      g_autofree char *edit = g_strdup_printf (_("Edit Code %s…"), value);
      g_autofree char *remove = g_strdup_printf (_("Remove Code %s"), value);
      GtkWidget *row = new_text_row (title, subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("document-edit-symbolic", edit, "recruitment.edit-code",
                                                  g_variant_new ("(ss)", kind, value)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("user-trash-symbolic", remove, "recruitment.remove-code",
                                                  g_variant_new ("(ss)", kind, value)));
      gtk_list_box_append (self->code_list, row);
    }
}

static void
fill_tie_break (KpRecruitmentView *self)
{
  JsonArray *chain = rules_array (self, NULL, "tie_break");
  guint n = chain != NULL ? json_array_get_length (chain) : 0;

  kp_list_box_remove_rows (self->tie_break_list);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *link = json_array_get_object_element (chain, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, member_string (link, "label"));
      g_autofree char *up = g_strdup_printf (_("Move Criterion %u Up"), i + 1);
      g_autofree char *down = g_strdup_printf (_("Move Criterion %u Down"), i + 1);
      GtkWidget *row = new_text_row (title, member_string (link, "criterion"));
      GtkWidget *button;

      button = new_icon_button ("go-up-symbolic", up, i > 0 ? "recruitment.move-tie-break" : NULL,
                                g_variant_new ("(ii)", (int) i, -1));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      button = new_icon_button ("go-down-symbolic", down, i + 1 < n ? "recruitment.move-tie-break" : NULL,
                                g_variant_new ("(ii)", (int) i, 1));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->tie_break_list, row);
    }
}

static void
fill_requirements (KpRecruitmentView *self)
{
  JsonArray *requirements = rules_array (self, NULL, "requirements");

  kp_list_box_remove_rows (self->requirement_list);
  for (guint i = 0; requirements != NULL && i < json_array_get_length (requirements); i++)
    {
      JsonObject *requirement = json_array_get_object_element (requirements, i);
      g_autofree char *title = g_strdup_printf ("%" G_GINT64_FORMAT ". %s",
                                                member_int (requirement, "position"),
                                                member_string (requirement, "text"));

      int position = (int) member_int (requirement, "position");
      g_autofree char *edit = g_strdup_printf (_("Edit Requirement %d…"), position);
      g_autofree char *remove = g_strdup_printf (_("Remove Requirement %d"), position);
      GtkWidget *row = new_text_row (title, NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("document-edit-symbolic", edit, "recruitment.edit-requirement",
                                                  g_variant_new_int32 (position)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("user-trash-symbolic", remove, "recruitment.remove-requirement",
                                                  g_variant_new_int32 (position)));
      gtk_list_box_append (self->requirement_list, row);
    }
}

/* What check_rules finds, live: the announcement is refused until the list is empty. */
static void
fill_problems (KpRecruitmentView *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  kp_list_box_remove_rows (self->problem_list);
  if (self->selection == NULL)
    {
      gtk_widget_set_visible (self->problem_group, FALSE);
      return;
    }
  if (!kp_selection_check_rules (self->database, self->selection_id, &problems, &error) && error != NULL)
    show_toast (self, error->message);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GtkWidget *row = new_text_row (g_ptr_array_index (problems, i), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->problem_list, row);
    }
  gtk_widget_set_visible (self->problem_group, problems != NULL && problems->len > 0);
}

static void
fill_rules (KpRecruitmentView *self)
{
  self->updating = TRUE;
  fill_problems (self);
  fill_stages (self);
  fill_codes (self);
  fill_tie_break (self);
  fill_requirements (self);
  if (self->selection != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->appeal_row),
                             self->selection->appeal_text != NULL ? self->selection->appeal_text : "");
      gtk_spin_button_set_value (self->sample_spin, self->selection->sample_percent);
    }
  self->updating = FALSE;
}

/* ---- the announcements ------------------------------------------------------------------- */

/* A stored UTC time as the user reads it: local, to the minute. */
static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso != NULL ? iso : "");
}

static char *
format_version_title (const KpAnnouncement *announcement)
{
  if (announcement->version == 1)
    /* Translators: the first version of a selection's announcement */
    return g_strdup (_("Version 1 · Announcement"));
  /* Translators: a later version: an amendment, e.g. "Version 2 · Amendment" */
  return g_strdup_printf (_("Version %d · Amendment"), announcement->version);
}

static void
show_version (KpRecruitmentView *self,
              GtkListBoxRow     *row)
{
  g_autoptr(GPtrArray) announcements = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  KpAnnouncement *announcement = NULL;
  int version = (int) row_id (row);
  JsonNode *root;
  guint n = 0;

  kp_list_box_remove_rows (self->change_list);
  gtk_label_set_label (self->version_label, "");
  gtk_label_set_label (self->version_details_label, "");
  self->shown_version = row != NULL && self->database != NULL ? version : 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.save-announcement", self->shown_version > 0);
  if (self->shown_version == 0)
    return;

  announcements = kp_announcement_list (self->database, self->selection_id, &error);
  for (guint i = 0; announcements != NULL && i < announcements->len; i++)
    if (((KpAnnouncement *) g_ptr_array_index (announcements, i))->version == version)
      announcement = g_ptr_array_index (announcements, i);
  if (announcement != NULL)
    {
      g_autofree char *heading = format_version_title (announcement);
      g_autofree char *when = format_time (announcement->published_at);
      /* Translators: under an announcement version's title: when, by whom, and the audit
       * checkpoint it was made from (anyone can check a copy against it) */
      g_autofree char *details = g_strdup_printf (_("Published %s by %s\nAudit checkpoint %s"),
                                                  when, announcement->published_by,
                                                  announcement->checkpoint != NULL ? announcement->checkpoint : "—");

      gtk_label_set_label (self->version_label, heading);
      gtk_label_set_label (self->version_details_label, details);
    }

  changes = kp_announcement_get_changes_json (self->database, self->selection_id, version, &error);
  if (changes != NULL && json_parser_load_from_data (parser, changes, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        gtk_list_box_append (self->change_list,
                             new_text_row (member_string (json_array_get_object_element (array, i),
                                                          "sentence"), NULL));
    }
  if (n == 0)
    gtk_list_box_append (self->change_list,
                         new_text_row (version == 1 ? _("The first announcement: the rules and vacancies as announced.")
                                                    : _("No changes recorded."), NULL));
}

static void
fill_versions (KpRecruitmentView *self)
{
  g_autoptr(GPtrArray) announcements = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *last = NULL;

  self->updating = TRUE;
  kp_list_box_remove_rows (self->version_list);
  self->updating = FALSE;
  if (self->selection != NULL)
    announcements = kp_announcement_list (self->database, self->selection_id, &error);
  if (error != NULL)
    show_toast (self, error->message);

  for (guint i = 0; announcements != NULL && i < announcements->len; i++)
    {
      KpAnnouncement *announcement = g_ptr_array_index (announcements, i);
      g_autofree char *title = format_version_title (announcement);
      g_autofree char *when = format_time (announcement->published_at);
      g_autofree char *subtitle = NULL;

      if (announcement->reason != NULL && announcement->reason[0] != '\0')
        /* Translators: under a version: its reason, date and who published it */
        subtitle = g_strdup_printf (_("%s · %s · %s"), announcement->reason, when, announcement->published_by);
      else
        subtitle = g_strdup_printf (_("%s · %s"), when, announcement->published_by);
      last = new_text_row (title, subtitle);
      set_row_id (last, announcement->version);
      gtk_list_box_append (self->version_list, last);
    }

  gtk_stack_set_visible_child_name (self->announcements_stack, last != NULL ? "versions" : "none");
  /* The newest version is what applies now. */
  if (last != NULL)
    gtk_list_box_select_row (self->version_list, GTK_LIST_BOX_ROW (last));
  else
    show_version (self, NULL);
}

/* ---- the vacancies ----------------------------------------------------------------------- */

static char *
format_quota (gpointer      unused,
              KpFormasiRow *row)
{
  return row != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, row->formasi->quota) : NULL;
}

static KpFormasiRow *
selected_formasi (KpRecruitmentView *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->formasi_selection);

  return KP_IS_FORMASI_ROW (item) ? KP_FORMASI_ROW (item) : NULL;
}

static void
update_formasi_actions (KpRecruitmentView *self)
{
  gboolean editable = is_editable (self);
  gboolean chosen = selected_formasi (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.add-formasi", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.import-formasi", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.edit-formasi", editable && chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.delete-formasi", editable && chosen);
}

static void
fill_formasi (KpRecruitmentView *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL;
  KpFormasiRow *chosen = selected_formasi (self);
  gint64 chosen_id = chosen != NULL ? chosen->formasi->id : 0;
  gint64 quota = 0;

  if (self->selection != NULL)
    {
      list = kp_formasi_list (self->database, self->selection_id, &error);
      if (list == NULL)
        show_toast (self, error->message);
    }
  /* The rows take the records over. */
  if (list != NULL)
    {
      gsize n = 0;
      g_autofree gpointer *records = g_ptr_array_steal (list, &n);

      for (gsize i = 0; i < n; i++)
        {
          quota += ((KpFormasi *) records[i])->quota;
          g_ptr_array_add (rows, formasi_row_new (records[i]));
        }
    }

  self->updating = TRUE;
  g_list_store_splice (self->formasi_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->formasi_rows)),
                       rows->pdata, rows->len);
  /* The row chosen before stays chosen, wherever the sort puts it. */
  gtk_single_selection_set_selected (self->formasi_selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; chosen_id > 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->formasi_selection)); i++)
    {
      g_autoptr(KpFormasiRow) row = g_list_model_get_item (G_LIST_MODEL (self->formasi_selection), i);

      if (row->formasi->id == chosen_id)
        gtk_single_selection_set_selected (self->formasi_selection, i);
    }
  self->updating = FALSE;

  /* Translators: above the vacancies table: how many formasi and their seats */
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vacancy, %" PRId64 " seats in total",
                                        "%u vacancies, %" PRId64 " seats in total", rows->len),
                           rows->len, quota);
  gtk_label_set_label (self->quota_label, total);
  gtk_stack_set_visible_child_name (self->formasi_stack, rows->len > 0 ? "table" : "empty");
  update_formasi_actions (self);
}

/* ---- the selection page ------------------------------------------------------------------ */

static void
update_actions (KpRecruitmentView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  static const char *const editing[] = {
    "recruitment.add-stage", "recruitment.edit-stage", "recruitment.remove-stage",
    "recruitment.move-stage", "recruitment.edit-weights", "recruitment.add-component",
    "recruitment.edit-component", "recruitment.remove-component", "recruitment.add-pass-rule",
    "recruitment.remove-pass-rule", "recruitment.add-code", "recruitment.edit-code",
    "recruitment.remove-code", "recruitment.move-tie-break", "recruitment.add-requirement",
    "recruitment.edit-requirement", "recruitment.remove-requirement",
  };
  KpSelection *selection = self->selection;
  gboolean editable = is_editable (self);
  gboolean draft = selection != NULL && !selection->locked;
  gboolean announced = selection != NULL && selection->locked && selection->amendment_reason == NULL;
  gboolean amending = selection != NULL && selection->amendment_reason != NULL;

  gtk_widget_action_set_enabled (widget, "recruitment.new-selection", self->database != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    gtk_widget_action_set_enabled (widget, editing[i], editable);
  gtk_widget_action_set_enabled (widget, "recruitment.delete-selection", draft);
  gtk_widget_action_set_enabled (widget, "recruitment.announce", draft);
  gtk_widget_action_set_enabled (widget, "recruitment.amendment-begin", announced);
  gtk_widget_action_set_enabled (widget, "recruitment.amendment-publish", amending);
  gtk_widget_action_set_enabled (widget, "recruitment.amendment-cancel", amending);

  gtk_widget_set_visible (self->announce_button, draft);
  gtk_widget_set_visible (self->delete_button, draft);
  gtk_widget_set_visible (self->amendment_menu_button, amending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->appeal_row), editable);
}

static void
update_header (KpRecruitmentView *self)
{
  KpSelection *selection = self->selection;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;

  if (selection == NULL)
    return;

  gtk_label_set_label (self->title_label, selection->name);
  /* Translators: under a selection's name: its type and year, e.g. "CPNS · 2026" */
  subtitle = g_strdup_printf (_("%s · %d"), type_label (selection->type), selection->year);
  gtk_label_set_label (self->subtitle_label, subtitle);
  status = format_status (selection);
  gtk_label_set_label (self->status_label, status);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            selection->amendment_reason != NULL ? "warning"
                            : selection->locked ? "success" : "accent");

  /* The banner says why nothing can be changed, or what is being changed. */
  gtk_widget_set_visible (self->locked_banner, selection->locked);
  gtk_widget_set_visible (self->banner_button, selection->amendment_reason == NULL);
  if (selection->amendment_reason != NULL)
    {
      /* Translators: the banner over an amended selection; %s is the amendment's reason */
      g_autofree char *text = g_strdup_printf (_("Amendment open: %s. Publish it to announce the "
                                                 "changes as a new version, or cancel it to put "
                                                 "back the announced rules."),
                                               selection->amendment_reason);

      gtk_label_set_label (self->locked_label, text);
    }
  else
    gtk_label_set_label (self->locked_label, _("Announced: start an amendment to change the rules"));

}

/* Reads the shown selection again, and everything on its page. */
static void
reload (KpRecruitmentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *rules = NULL;

  g_clear_pointer (&self->selection, kp_selection_free);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->rules, json_node_unref);

  if (self->database != NULL && self->selection_id > 0)
    {
      self->selection = kp_selection_get (self->database, self->selection_id, &error);
      if (self->selection != NULL)
        self->stages = kp_selection_stages_list (self->database, self->selection_id, &error);
      if (self->stages != NULL)
        rules = kp_selection_rules_json (self->database, self->selection_id, &error);
      if (rules != NULL && json_parser_load_from_data (parser, rules, -1, &error))
        self->rules = json_node_ref (json_parser_get_root (parser));
      if (error != NULL)
        show_toast (self, error->message);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, self->selection != NULL ? "selection" : "none");
  update_header (self);
  update_actions (self);
  fill_rules (self);
  fill_formasi (self);
  fill_versions (self);
}

/* After a change made here: the list's status, the page, and the pages others added. */
static void
changed (KpRecruitmentView *self)
{
  reload_selections (self);
  reload (self);
  bump_revision (self);
}

static void
show_selection (KpRecruitmentView *self,
                gint64             selection_id)
{
  if (selection_id == self->selection_id)
    return;

  self->selection_id = selection_id;
  select_shown_selection (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_ID]);
}

/* Shows the model's refusal, or on success reads everything again; returns @done. @error is
 * read here, after the model call that sets it has run (an argument of the same call could be
 * read before). */
static gboolean
report (KpRecruitmentView *self,
        gboolean           done,
        const char        *heading,
        GError           **error)
{
  if (!done)
    show_refusal (self, heading, *error != NULL ? (*error)->message : _("The database refused the change."));
  else
    changed (self);
  return done;
}

/* ---- what the dialogs do ----------------------------------------------------------------- */

static void
create_selection (KpRecruitmentView *self,
                  AdwMessageDialog  *dialog)
{
  g_autofree char *name = field_text (dialog, "name");
  guint type = field_choice (dialog, "type");
  int year = field_int (dialog, "year");
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = kp_selection_create (self->database, name, (KpSelectionType) type, year, &error);
  if (id <= 0)
    {
      show_refusal (self, _("Cannot Create the Selection"), error->message);
      return;
    }
  reload_selections (self);
  show_selection (self, id);
  bump_revision (self);
}

static gboolean
stage_from_form (AdwMessageDialog *dialog,
                 KpSelectionStage *stage)
{
  stage->name = field_text (dialog, "name");
  stage->kind = g_strdup (kind_choices[MIN (field_choice (dialog, "kind"), G_N_ELEMENTS (kind_choices) - 1)].value);
  stage->method = field_text (dialog, "method");
  stage->scoring = g_strdup (scoring_choices[MIN (field_choice (dialog, "scoring"), 1)].value);
  stage->weight_percent = field_int (dialog, "weight");
  stage->eliminates = field_active (dialog, "eliminates");
  stage->cutoff_multiple = field_int (dialog, "cutoff");
  stage->starts_on = field_text (dialog, "starts-on");
  stage->ends_on = field_text (dialog, "ends-on");
  stage->place = field_text (dialog, "place");
  /* An empty date is no date. */
  if (stage->starts_on[0] == '\0')
    g_clear_pointer (&stage->starts_on, g_free);
  if (stage->ends_on[0] == '\0')
    g_clear_pointer (&stage->ends_on, g_free);
  return TRUE;
}

static void
save_stage (KpRecruitmentView *self,
            AdwMessageDialog  *dialog,
            gint64             stage_id)
{
  g_autoptr(KpSelectionStage) stage = g_new0 (KpSelectionStage, 1);
  g_autoptr(GError) error = NULL;
  gboolean done;

  stage_from_form (dialog, stage);
  if (stage_id > 0)
    done = kp_selection_stage_update (self->database, stage_id, stage, &error);
  else
    done = kp_selection_stage_add (self->database, self->selection_id, stage, &error) > 0;
  report (self, done, _("Cannot Save the Stage"), &error);
}

static void
save_weights (KpRecruitmentView *self,
              AdwMessageDialog  *dialog)
{
  guint n = self->stages != NULL ? self->stages->len : 0;
  g_autofree int *weights = g_new0 (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("weight-%u", i + 1);

      weights[i] = field_int (dialog, name);
    }
  _kp_recruitment_view_apply_weights (self, weights, n);
}

static void
save_component (KpRecruitmentView *self,
                AdwMessageDialog  *dialog,
                gint64             stage_id,
                const char        *old_code)
{
  g_autofree char *code = field_text (dialog, "code");
  g_autofree char *name = field_text (dialog, "name");
  int max_score = field_int (dialog, "maximum");
  int weight = field_int (dialog, "weight");
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (old_code != NULL)
    done = kp_selection_component_update (self->database, stage_id, old_code, name, max_score, weight, &error);
  else
    done = kp_selection_component_add (self->database, stage_id, code, name, max_score, weight, &error);
  report (self, done, _("Cannot Save the Component"), &error);
}

static void
save_pass_rule (KpRecruitmentView *self,
                AdwMessageDialog  *dialog,
                gint64             stage_id)
{
  const char *const *kinds = kp_formasi_kinds ();
  guint kind_index = field_choice (dialog, "formasi-kind");
  const char *kind = kind_index == 0 || kind_index > g_strv_length ((char **) kinds) ? "*" : kinds[kind_index - 1];
  g_autofree char *code = field_text (dialog, "component");
  g_autoptr(GError) error = NULL;

  report (self, kp_selection_pass_rule_set (self->database, stage_id, kind, code,
                                            field_int (dialog, "minimum"), &error),
          _("Cannot Save the Pass Rule"), &error);
}

static void
save_code (KpRecruitmentView *self,
           AdwMessageDialog  *dialog)
{
  guint kind_index = field_choice (dialog, "stage-kind");
  const char *kind = kind_index < G_N_ELEMENTS (kind_choices) ? kind_choices[kind_index].value : "final";
  g_autofree char *code = field_text (dialog, "code");
  g_autofree char *label = field_text (dialog, "label");
  g_autofree char *meaning = field_text (dialog, "meaning");
  g_autoptr(GError) error = NULL;

  report (self, kp_selection_code_set (self->database, self->selection_id, kind, code, label, meaning, &error),
          _("Cannot Save the Code"), &error);
}

static void
save_formasi (KpRecruitmentView *self,
              AdwMessageDialog  *dialog,
              gint64             formasi_id)
{
  const char *const *kinds = kp_formasi_kinds ();
  guint kind_index = field_choice (dialog, "kind");
  g_autofree char *code = field_text (dialog, "code");
  g_autofree char *position_title = field_text (dialog, "position-title");
  g_autofree char *unit = field_text (dialog, "unit");
  g_autofree char *education = field_text (dialog, "education");
  g_autofree char *study_programme = field_text (dialog, "study-programme");
  g_autoptr(GError) error = NULL;
  KpFormasi values = { 0, };
  gboolean done;

  values.selection_id = self->selection_id;
  values.code = code;
  values.position_title = position_title;
  values.unit = unit;
  values.education = education;
  values.study_programme = study_programme;
  values.kind = (char *) (kind_index < g_strv_length ((char **) kinds) ? kinds[kind_index] : kinds[0]);
  values.quota = field_int (dialog, "quota");
  if (formasi_id > 0)
    done = kp_formasi_update (self->database, formasi_id, &values, &error);
  else
    done = kp_formasi_add (self->database, self->selection_id, &values, &error) > 0;
  report (self, done, _("Cannot Save the Vacancy"), &error);
}

static void
on_problems_saved_cb (gpointer    owner,
                      const char *message)
{
  show_toast (KP_RECRUITMENT_VIEW (owner), message);
}

static void
on_dialog_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       KpRecruitmentView *self)
{
  DialogKind kind = self->dialog_kind;
  gint64 subject = self->dialog_subject;
  g_autofree char *text = g_strdup (self->dialog_text);
  g_autoptr(GError) error = NULL;

  /* The fields are read before the dialog goes: keep it alive until then. */
  g_object_ref (dialog);
  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_weak_pointer (&self->dialog);
  self->dialog_kind = DIALOG_NONE;
  g_clear_pointer (&self->dialog_text, g_free);

  if (self->database != NULL && g_strcmp0 (response, "cancel") != 0 && g_strcmp0 (response, "close") != 0)
    switch (kind)
      {
      case DIALOG_NEW_SELECTION:
        create_selection (self, dialog);
        break;

      case DIALOG_DELETE_SELECTION:
        if (report (self, kp_selection_delete (self->database, subject, &error),
                    _("Cannot Delete the Selection"), &error))
          show_selection (self, 0);
        break;

      case DIALOG_ANNOUNCE:
        if (report (self, kp_selection_publish (self->database, self->selection_id, &error) > 0,
                    _("Cannot Announce the Selection"), &error))
          show_toast (self, _("Announced: the rules and vacancies are locked"));
        break;

      case DIALOG_AMENDMENT_BEGIN:
        {
          g_autofree char *reason = field_text (dialog, "reason");

          report (self, kp_selection_amendment_begin (self->database, self->selection_id, reason, &error),
                  _("Cannot Start the Amendment"), &error);
        }
        break;

      case DIALOG_AMENDMENT_PUBLISH:
        if (report (self, kp_selection_amendment_publish (self->database, self->selection_id, &error) > 0,
                    _("Cannot Publish the Amendment"), &error))
          show_toast (self, _("Amendment published as a new version"));
        break;

      case DIALOG_AMENDMENT_CANCEL:
        if (report (self, kp_selection_amendment_cancel (self->database, self->selection_id, &error),
                    _("Cannot Cancel the Amendment"), &error))
          show_toast (self, _("Amendment cancelled: the announced rules are back"));
        break;

      case DIALOG_STAGE:
        save_stage (self, dialog, subject);
        break;

      case DIALOG_REMOVE_STAGE:
        report (self, kp_selection_stage_remove (self->database, subject, &error),
                _("Cannot Remove the Stage"), &error);
        break;

      case DIALOG_WEIGHTS:
        save_weights (self, dialog);
        break;

      case DIALOG_COMPONENT:
        save_component (self, dialog, subject, text);
        break;

      case DIALOG_PASS_RULE:
        save_pass_rule (self, dialog, subject);
        break;

      case DIALOG_CODE:
        save_code (self, dialog);
        break;

      case DIALOG_REQUIREMENT:
        {
          g_autofree char *requirement = field_text (dialog, "text");
          gint64 requirement_id;

          if (subject == 0)
            report (self, kp_selection_requirement_add (self->database, self->selection_id, requirement, &error) > 0,
                    _("Cannot Add the Requirement"), &error);
          else
            {
              requirement_id = kp_verification_requirement_find (self->database, self->selection_id, (int) subject,
                                                                 &error);
              report (self, requirement_id > 0 &&
                            kp_selection_requirement_update (self->database, requirement_id, requirement, &error),
                      _("Cannot Save the Requirement"), &error);
            }
        }
        break;

      case DIALOG_FORMASI:
        save_formasi (self, dialog, subject);
        break;

      case DIALOG_DELETE_FORMASI:
        report (self, kp_formasi_delete (self->database, subject, &error), _("Cannot Delete the Vacancy"), &error);
        break;

      case DIALOG_PROBLEMS:
        if (self->problems != NULL)
          kp_import_result_save_problems (get_parent_window (self), GTK_WIDGET (self), self->problems_name,
                                          self->problems, on_problems_saved_cb);
        break;

      case DIALOG_NONE:
      case DIALOG_REFUSAL:
      default:
        break;
      }

  /* A response closes the dialog already; a refusal shown above is another one. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* ---- actions ----------------------------------------------------------------------------- */

static void
new_selection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  AdwMessageDialog *dialog;
  GtkListBox *form;
  g_autofree const char **types = choice_labels (type_choices, G_N_ELEMENTS (type_choices), NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  dialog = new_dialog (self, DIALOG_NEW_SELECTION, _("New Selection"),
                       _("It starts with the default stages, codes, tie-break and requirements "
                         "of its type, which can be changed until it is announced."),
                       "create", _("C_reate"), ADW_RESPONSE_SUGGESTED);
  form = form_new (dialog);
  form_entry (form, "name", _("_Name"), NULL, TRUE);
  form_choice (form, "type", _("_Type"), types, 0);
  form_spin (form, "year", _("Year"), g_date_time_get_year (now), 2000, 2100);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->selection == NULL)
    return;
  /* Translators: %s is a selection's name */
  heading = g_strdup_printf (_("Delete “%s”?"), self->selection->name);
  dialog = new_dialog (self, DIALOG_DELETE_SELECTION, heading,
                       _("Its rules and vacancies are deleted with it. A selection that was "
                         "announced or has registrants cannot be deleted."),
                       "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  self->dialog_subject = self->selection_id;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
announce_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->selection == NULL)
    return;
  if (!kp_selection_check_rules (self->database, self->selection_id, &problems, &error))
    {
      if (error != NULL)
        {
          show_refusal (self, _("Cannot Announce the Selection"), error->message);
          return;
        }
      dialog = new_dialog (self, DIALOG_REFUSAL, _("Cannot Announce Yet"),
                           _("The rules have these problems. Put them right first."),
                           NULL, NULL, ADW_RESPONSE_DEFAULT);
      adw_message_dialog_set_extra_child (dialog, new_sentence_list (problems));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Translators: the question before announcing; %d is the number of vacancies (formasi) */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The rules and the %d vacancy are published as version 1 "
                                       "and locked: afterwards they change only through an "
                                       "amendment with a reason, published as a new version.",
                                       "The rules and the %d vacancies are published as version 1 "
                                       "and locked: afterwards they change only through an "
                                       "amendment with a reason, published as a new version.",
                                       (gulong) self->selection->n_formasi),
                          (int) self->selection->n_formasi);
  dialog = new_dialog (self, DIALOG_ANNOUNCE, _("Announce the Selection?"), body,
                       "announce", _("_Announce"), ADW_RESPONSE_SUGGESTED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
amendment_begin_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  AdwMessageDialog *dialog;

  dialog = new_dialog (self, DIALOG_AMENDMENT_BEGIN, _("Start an Amendment?"),
                       _("The rules and vacancies can then change. The reason is published with "
                         "the changes as the next version."),
                       "begin", _("_Start Amendment"), ADW_RESPONSE_SUGGESTED);
  form_entry (form_new (dialog), "reason", _("_Reason"), NULL, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
amendment_publish_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) sentences = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *announced = NULL;
  g_autofree char *current = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->selection == NULL)
    return;
  announced = kp_announcement_get_rules_json (self->database, self->selection_id,
                                              self->selection->version, &error);
  if (announced != NULL)
    current = kp_selection_rules_json (self->database, self->selection_id, &error);
  if (current == NULL)
    {
      show_refusal (self, _("Cannot Publish the Amendment"), error->message);
      return;
    }

  changes = kp_announcement_diff (announced, current);
  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (sentences, ((KpRulesChange *) g_ptr_array_index (changes, i))->sentence);

  /* Translators: the question before publishing an amendment; %d is the new version */
  heading = g_strdup_printf (_("Publish Version %d?"), self->selection->version + 1);
  dialog = new_dialog (self, DIALOG_AMENDMENT_PUBLISH, heading,
                       sentences->len > 0 ? _("These changes are published with the amendment’s "
                                              "reason, and the rules are locked again.")
                                          : _("Nothing has changed since the last version: there "
                                              "is nothing to publish. Cancel the amendment instead."),
                       "publish", _("_Publish"), ADW_RESPONSE_SUGGESTED);
  if (sentences->len > 0)
    adw_message_dialog_set_extra_child (dialog, new_sentence_list (sentences));
  adw_message_dialog_set_response_enabled (dialog, "publish", sentences->len > 0);
  g_ptr_array_set_free_func (changes, (GDestroyNotify) kp_rules_change_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
amendment_cancel_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);

  gtk_window_present (GTK_WINDOW (new_dialog (self, DIALOG_AMENDMENT_CANCEL, _("Cancel the Amendment?"),
                                              _("Every change made since it started is undone: the "
                                                "rules and vacancies go back to the last version."),
                                              "cancel-amendment", _("_Undo the Changes"),
                                              ADW_RESPONSE_DESTRUCTIVE)));
}

static void
stage_dialog (KpRecruitmentView *self,
              KpSelectionStage  *stage)
{
  g_autofree const char **kinds = choice_labels (kind_choices, G_N_ELEMENTS (kind_choices), NULL);
  g_autofree const char **scorings = choice_labels (scoring_choices, G_N_ELEMENTS (scoring_choices), NULL);
  AdwMessageDialog *dialog;
  GtkListBox *form;

  dialog = new_dialog (self, DIALOG_STAGE, stage != NULL ? _("Edit Stage") : _("Add Stage"),
                       _("Dates are written as YYYY-MM-DD and may be left empty."),
                       "save", stage != NULL ? _("_Save") : _("_Add"), ADW_RESPONSE_SUGGESTED);
  self->dialog_subject = stage != NULL ? stage->id : 0;
  form = form_new (dialog);
  form_entry (form, "name", _("_Name"), stage != NULL ? stage->name : NULL, TRUE);
  form_choice (form, "kind", _("_Kind"), kinds,
               choice_index (kind_choices, G_N_ELEMENTS (kind_choices), stage != NULL ? stage->kind : "other"));
  form_entry (form, "method", _("_Method"), stage != NULL ? stage->method : NULL, FALSE);
  form_choice (form, "scoring", _("_Scoring"), scorings,
               choice_index (scoring_choices, G_N_ELEMENTS (scoring_choices), stage != NULL ? stage->scoring : "sum"));
  form_spin (form, "weight", _("Weight in the final score (%)"), stage != NULL ? stage->weight_percent : 0, 0, 100);
  form_switch (form, "eliminates", _("Eliminates"), _("Those who fail it go no further"),
               stage != NULL ? stage->eliminates : TRUE);
  form_spin (form, "cutoff", _("Best N × quota go on (0: all who pass)"),
             stage != NULL ? stage->cutoff_multiple : 0, 0, 100);
  form_entry (form, "starts-on", _("S_tarts on"), stage != NULL ? stage->starts_on : NULL, FALSE);
  form_entry (form, "ends-on", _("_Ends on"), stage != NULL ? stage->ends_on : NULL, FALSE);
  form_entry (form, "place", _("_Place"), stage != NULL ? stage->place : NULL, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  stage_dialog (KP_RECRUITMENT_VIEW (widget), NULL);
}

static void
edit_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  KpSelectionStage *stage = find_stage (self, g_variant_get_int64 (parameter));

  if (stage != NULL)
    stage_dialog (self, stage);
}

static void
remove_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  KpSelectionStage *stage = find_stage (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;

  if (stage == NULL)
    return;
  /* Translators: %s is a stage's name */
  heading = g_strdup_printf (_("Remove the Stage “%s”?"), stage->name);
  new_dialog (self, DIALOG_REMOVE_STAGE, heading,
              _("Its components and pass rules are removed with it; the stages after it move up."),
              "remove", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);
  self->dialog_subject = stage->id;
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
move_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 stage_id;
  int position;

  g_variant_get (parameter, "(xi)", &stage_id, &position);
  report (self, kp_selection_stage_move (self->database, stage_id, position, &error),
          _("Cannot Move the Stage"), &error);
}

static void
update_weights_sum (GtkSpinButton    *spin,
                    AdwMessageDialog *dialog)
{
  GPtrArray *spins = g_object_get_data (G_OBJECT (dialog), "kp-weights");
  GtkWidget *sum_row = form_field (dialog, "sum");
  g_autofree char *text = NULL;
  int sum = 0;

  for (guint i = 0; i < spins->len; i++)
    sum += gtk_spin_button_get_value_as_int (g_ptr_array_index (spins, i));
  /* Translators: the sum of the weights in the weights dialog */
  text = g_strdup_printf (_("Sum: %d %%"), sum);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sum_row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (sum_row), sum != 100 ? _("The weights must add up to 100 %.") : "");
  if (sum != 100)
    gtk_widget_add_css_class (sum_row, "error");
  else
    gtk_widget_remove_css_class (sum_row, "error");
}

static void
edit_weights_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  GPtrArray *spins = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  GtkListBox *form;
  GtkWidget *sum_row;

  dialog = new_dialog (self, DIALOG_WEIGHTS, _("Edit Weights"),
                       _("Each stage’s share of the final score. They are saved together and must "
                         "add up to 100 %."),
                       "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "kp-weights", spins, (GDestroyNotify) g_ptr_array_unref);
  form = form_new (dialog);
  for (guint i = 0; self->stages != NULL && i < self->stages->len; i++)
    {
      KpSelectionStage *stage = g_ptr_array_index (self->stages, i);
      g_autofree char *name = g_strdup_printf ("weight-%u", i + 1);
      g_autofree char *title = g_strdup_printf ("%d. %s (%%)", stage->position, stage->name);
      GtkWidget *spin = form_spin (form, name, title, stage->weight_percent, 0, 100);

      g_ptr_array_add (spins, spin);
      g_signal_connect (spin, "value-changed", G_CALLBACK (update_weights_sum), dialog);
    }
  sum_row = new_text_row ("", NULL);
  gtk_list_box_append (form, sum_row);
  form_keep (form, "sum", sum_row);
  update_weights_sum (NULL, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
component_dialog (KpRecruitmentView *self,
                  gint64             stage_id,
                  const char        *code)
{
  KpSelectionStage *stage = find_stage (self, stage_id);
  JsonObject *object = stage != NULL ? stage_object (self, stage) : NULL;
  JsonArray *components = object != NULL ? rules_array (self, object, "components") : NULL;
  JsonObject *component = NULL;
  AdwMessageDialog *dialog;
  GtkListBox *form;
  GtkWidget *field;
  g_autofree char *body = NULL;

  if (stage == NULL)
    return;
  for (guint i = 0; code != NULL && components != NULL && i < json_array_get_length (components); i++)
    if (g_str_equal (member_string (json_array_get_object_element (components, i), "code"), code))
      component = json_array_get_object_element (components, i);

  /* Translators: %s is the stage's name */
  body = g_strdup_printf (_("A score of the stage “%s”."), stage->name);
  dialog = new_dialog (self, DIALOG_COMPONENT, code != NULL ? _("Edit Component") : _("Add Component"),
                       body, "save", code != NULL ? _("_Save") : _("_Add"), ADW_RESPONSE_SUGGESTED);
  self->dialog_subject = stage_id;
  self->dialog_text = g_strdup (code);
  form = form_new (dialog);
  field = form_entry (form, "code", _("_Code"), code, TRUE);
  /* The code is how scores and pass rules name the component: it stays. */
  gtk_widget_set_sensitive (field, code == NULL);
  form_entry (form, "name", _("_Name"), component != NULL ? member_string (component, "name") : NULL, TRUE);
  form_spin (form, "maximum", _("Maximum score"), component != NULL ? (int) member_int (component, "max_score") : 100,
             1, 100000);
  form_spin (form, "weight", _("Weight in the stage (%)"),
             component != NULL ? (int) member_int (component, "weight_percent") : 0, 0, 100);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_component_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  component_dialog (KP_RECRUITMENT_VIEW (widget), g_variant_get_int64 (parameter), NULL);
}

static void
edit_component_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gint64 stage_id;
  const char *code;

  g_variant_get (parameter, "(x&s)", &stage_id, &code);
  component_dialog (KP_RECRUITMENT_VIEW (widget), stage_id, code);
}

static void
remove_component_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 stage_id;
  const char *code;

  g_variant_get (parameter, "(x&s)", &stage_id, &code);
  report (self, kp_selection_component_remove (self->database, stage_id, code, &error),
          _("Cannot Remove the Component"), &error);
}

static void
add_pass_rule_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kinds = NULL;
  AdwMessageDialog *dialog;
  GtkListBox *form;

  /* "*" first: a rule for every kind without one of its own. */
  g_strv_builder_add (builder, "*");
  g_strv_builder_addv (builder, (const char **) kp_formasi_kinds ());
  kinds = g_strv_builder_end (builder);
  dialog = new_dialog (self, DIALOG_PASS_RULE, _("Add Pass Rule"),
                       _("A minimum on a component’s code, or on the stage total (TOTAL), for a "
                         "formasi kind (* for every kind without a rule of its own). A rule for the "
                         "same kind and component is replaced."),
                       "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  self->dialog_subject = g_variant_get_int64 (parameter);
  form = form_new (dialog);
  form_choice (form, "formasi-kind", _("_Formasi kind"), (const char *const *) kinds, 0);
  form_entry (form, "component", _("_Component code or TOTAL"), NULL, TRUE);
  form_spin (form, "minimum", _("Minimum score"), 0, 0, 100000);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_pass_rule_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 stage_id;
  const char *kind, *code;

  g_variant_get (parameter, "(x&s&s)", &stage_id, &kind, &code);
  report (self, kp_selection_pass_rule_remove (self->database, stage_id, kind, code, &error),
          _("Cannot Remove the Pass Rule"), &error);
}

static void
code_dialog (KpRecruitmentView *self,
             const char        *kind,
             const char        *code)
{
  JsonArray *codes = rules_array (self, NULL, "codes");
  JsonObject *found = NULL;
  g_autofree const char **kinds = choice_labels (kind_choices, G_N_ELEMENTS (kind_choices), _("Final result"));
  AdwMessageDialog *dialog;
  GtkListBox *form;
  GtkWidget *field;
  guint kind_index = g_strcmp0 (kind, "final") == 0 ? G_N_ELEMENTS (kind_choices)
                     : choice_index (kind_choices, G_N_ELEMENTS (kind_choices), kind);

  for (guint i = 0; code != NULL && codes != NULL && i < json_array_get_length (codes); i++)
    {
      JsonObject *object = json_array_get_object_element (codes, i);

      if (g_str_equal (member_string (object, "stage_kind"), kind) && g_str_equal (member_string (object, "code"), code))
        found = object;
    }

  dialog = new_dialog (self, DIALOG_CODE, code != NULL ? _("Edit Code") : _("Add Code"),
                       _("A result a stage (or the final result) can give. A code of the same "
                         "kind is replaced."),
                       "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  form = form_new (dialog);
  field = form_choice (form, "stage-kind", _("_Stage kind"), kinds, kind_index);
  gtk_widget_set_sensitive (field, code == NULL);
  field = form_entry (form, "code", _("_Code"), code, TRUE);
  gtk_widget_set_sensitive (field, code == NULL);
  form_entry (form, "label", _("_Label"), found != NULL ? member_string (found, "label") : NULL, TRUE);
  form_entry (form, "meaning", _("_Meaning"), found != NULL ? member_string (found, "meaning") : NULL, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_code_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  code_dialog (KP_RECRUITMENT_VIEW (widget), "administration", NULL);
}

static void
edit_code_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *kind, *code;

  g_variant_get (parameter, "(&s&s)", &kind, &code);
  code_dialog (KP_RECRUITMENT_VIEW (widget), kind, code);
}

static void
remove_code_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *kind, *code;

  g_variant_get (parameter, "(&s&s)", &kind, &code);
  report (self, kp_selection_code_remove (self->database, self->selection_id, kind, code, &error),
          _("Cannot Remove the Code"), &error);
}

/* The chain is replaced whole, with the two criteria swapped. */
static void
move_tie_break_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  JsonArray *chain = rules_array (self, NULL, "tie_break");
  guint n = chain != NULL ? json_array_get_length (chain) : 0;
  g_autofree const char **criteria = g_new0 (const char *, n + 1);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autoptr(GError) error = NULL;
  int index, delta, other;
  const char *swap;

  g_variant_get (parameter, "(ii)", &index, &delta);
  other = index + delta;
  if (index < 0 || other < 0 || (guint) index >= n || (guint) other >= n)
    return;
  for (guint i = 0; i < n; i++)
    {
      criteria[i] = member_string (json_array_get_object_element (chain, i), "criterion");
      labels[i] = member_string (json_array_get_object_element (chain, i), "label");
    }
  swap = criteria[index], criteria[index] = criteria[other], criteria[other] = swap;
  swap = labels[index], labels[index] = labels[other], labels[other] = swap;
  report (self, kp_selection_tie_break_set (self->database, self->selection_id, criteria, labels, n, &error),
          _("Cannot Change the Tie-Break"), &error);
}

/* The requirement at @position (1 …) as announced, by its id: NULL when there is none. */
static const char *
requirement_text (KpRecruitmentView *self,
                  int                position)
{
  JsonArray *requirements = rules_array (self, NULL, "requirements");

  for (guint i = 0; requirements != NULL && i < json_array_get_length (requirements); i++)
    {
      JsonObject *requirement = json_array_get_object_element (requirements, i);

      if (member_int (requirement, "position") == position)
        return member_string (requirement, "text");
    }
  return NULL;
}

/* @position 0: a new requirement. */
static void
requirement_dialog (KpRecruitmentView *self,
                    int                position)
{
  AdwMessageDialog *dialog;

  dialog = new_dialog (self, DIALOG_REQUIREMENT, position > 0 ? _("Edit Requirement") : _("Add Requirement"),
                       position > 0 ? _("A TMS decision names the requirement not met by its number and text.")
                                    : _("What the administration stage verifies; it is numbered after the others."),
                       "save", position > 0 ? _("_Save") : _("_Add"), ADW_RESPONSE_SUGGESTED);
  self->dialog_subject = position;
  form_entry (form_new (dialog), "text", _("_Requirement"), position > 0 ? requirement_text (self, position) : NULL,
              TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_requirement_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  requirement_dialog (KP_RECRUITMENT_VIEW (widget), 0);
}

static void
edit_requirement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  int position = g_variant_get_int32 (parameter);

  if (requirement_text (self, position) != NULL)
    requirement_dialog (self, position);
}

static void
remove_requirement_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = kp_verification_requirement_find (self->database, self->selection_id,
                                                g_variant_get_int32 (parameter), &error);

  report (self, id > 0 && kp_selection_requirement_remove (self->database, id, &error),
          _("Cannot Remove the Requirement"), &error);
}

static void
formasi_dialog (KpRecruitmentView *self,
                const KpFormasi   *formasi)
{
  const char *const *kinds = kp_formasi_kinds ();
  guint kind_index = 0;
  AdwMessageDialog *dialog;
  GtkListBox *form;
  g_autofree char *quota = NULL;

  for (guint i = 0; formasi != NULL && kinds[i] != NULL; i++)
    if (g_strcmp0 (kinds[i], formasi->kind) == 0)
      kind_index = i;

  dialog = new_dialog (self, DIALOG_FORMASI, formasi != NULL ? _("Edit Vacancy") : _("Add Vacancy"),
                       _("A formasi is announced with the rules: its code is how registrants "
                         "name it."),
                       "save", formasi != NULL ? _("_Save") : _("_Add"), ADW_RESPONSE_SUGGESTED);
  self->dialog_subject = formasi != NULL ? formasi->id : 0;
  form = form_new (dialog);
  form_entry (form, "code", _("_Code"), formasi != NULL ? formasi->code : NULL, TRUE);
  form_entry (form, "position-title", _("_Position"), formasi != NULL ? formasi->position_title : NULL, TRUE);
  form_entry (form, "unit", _("_Unit"), formasi != NULL ? formasi->unit : NULL, TRUE);
  form_entry (form, "education", _("_Education (S1, D3, SMA/SMK …)"), formasi != NULL ? formasi->education : NULL, TRUE);
  form_entry (form, "study-programme", _("Study _programme (empty: any)"),
              formasi != NULL ? formasi->study_programme : NULL, FALSE);
  form_choice (form, "kind", _("_Kind"), kinds, kind_index);
  form_spin (form, "quota", _("Quota (seats)"), formasi != NULL ? (int) MIN (formasi->quota, 10000) : 1, 1, 10000);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_formasi_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  formasi_dialog (KP_RECRUITMENT_VIEW (widget), NULL);
}

static void
edit_formasi_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  KpFormasiRow *row = selected_formasi (self);

  if (row != NULL)
    formasi_dialog (self, row->formasi);
}

static void
delete_formasi_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (widget);
  KpFormasiRow *row = selected_formasi (self);
  g_autofree char *heading = NULL;

  if (row == NULL)
    return;
  /* Translators: %s is a formasi's code and %s its position, e.g. "Delete F0001 Analis SDM?" */
  heading = g_strdup_printf (_("Delete %s %s?"), row->formasi->code, row->formasi->position_title);
  new_dialog (self, DIALOG_DELETE_FORMASI, heading,
              _("A vacancy someone has registered for cannot be deleted."),
              "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  self->dialog_subject = row->formasi->id;
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
on_import_file_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  g_autoptr(KpRecruitmentView) self = user_data;

  if (file != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)) && self->database != NULL &&
      self->selection != NULL)
    _kp_recruitment_view_import_formasi (self, file);
}

static void
import_formasi_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  static const char *const csv_patterns[] = { "*.csv", NULL };

  kp_file_chooser_open (get_parent_window (KP_RECRUITMENT_VIEW (widget)), _("Import Vacancies"),
                        _("CSV (*.csv)"), csv_patterns, on_import_file_chosen_cb,
                        g_object_ref (widget));
}

static void
on_announcement_folder_chosen_cb (GFile    *folder,
                                  gpointer  user_data)
{
  g_autoptr(KpRecruitmentView) self = user_data;

  if (folder != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)) && self->database != NULL &&
      self->shown_version > 0)
    _kp_recruitment_view_save_announcement (self, folder);
}

static void
save_announcement_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  kp_file_chooser_select_folder (get_parent_window (KP_RECRUITMENT_VIEW (widget)),
                                 _("Save the Announcement Files"), _("_Save Here"),
                                 on_announcement_folder_chosen_cb, g_object_ref (widget));
}

/* ---- signal handlers --------------------------------------------------------------------- */

static void
on_formasi_selection_notify_selected_cb (GtkSingleSelection *selection,
                                         GParamSpec         *pspec,
                                         KpRecruitmentView  *self)
{
  update_formasi_actions (self);
}

static void
on_formasi_view_activate_cb (GtkColumnView     *view,
                             guint              position,
                             KpRecruitmentView *self)
{
  g_autoptr(KpFormasiRow) row = g_list_model_get_item (G_LIST_MODEL (self->formasi_selection), position);

  if (row != NULL && is_editable (self))
    formasi_dialog (self, row->formasi);
}

static void
on_selection_list_row_selected_cb (GtkListBox        *list,
                                   GtkListBoxRow     *row,
                                   KpRecruitmentView *self)
{
  if (self->updating || row == NULL)
    return;
  show_selection (self, row_id (row));
}

static void
on_version_list_row_selected_cb (GtkListBox        *list,
                                 GtkListBoxRow     *row,
                                 KpRecruitmentView *self)
{
  if (!self->updating)
    show_version (self, row);
}

static void
on_appeal_row_apply_cb (AdwEntryRow       *row,
                        KpRecruitmentView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->selection == NULL)
    return;
  if (report (self, kp_selection_set_appeal_text (self->database, self->selection_id,
                                                  gtk_editable_get_text (GTK_EDITABLE (row)), &error),
              _("Cannot Save the Appeal Text"), &error))
    show_toast (self, _("Appeal text saved"));
  else
    reload (self);
}

static void
on_sample_spin_value_changed_cb (GtkSpinButton     *spin,
                                 KpRecruitmentView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->selection == NULL)
    return;
  if (gtk_spin_button_get_value_as_int (spin) == self->selection->sample_percent)
    return;
  /* No reload: the keyboard stays in the spin button while the user goes on changing it. */
  if (kp_selection_set_sample_percent (self->database, self->selection_id,
                                       gtk_spin_button_get_value_as_int (spin), &error))
    self->selection->sample_percent = gtk_spin_button_get_value_as_int (spin);
  else
    show_toast (self, error->message);
}

/* Another area (the command line, an import) may have changed the selections. */
static void
on_map_cb (KpRecruitmentView *self)
{
  if (self->database != NULL)
    {
      reload_selections (self);
      reload (self);
    }
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
kp_recruitment_view_dispose (GObject *object)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (object);

  clear_dialog (self);
  /* Taking the lists down selects nothing: that is not the user choosing. */
  self->updating = TRUE;
  if (self->selection_list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->selection_list, self);
      g_signal_handlers_disconnect_by_data (self->version_list, self);
      g_signal_handlers_disconnect_by_data (self->appeal_row, self);
      g_signal_handlers_disconnect_by_data (self->sample_spin, self);
      g_signal_handlers_disconnect_by_data (self->formasi_selection, self);
      g_signal_handlers_disconnect_by_data (self->formasi_view, self);
    }

  /* The toast overlay is both a template child and AdwBin's child: let AdwBin unparent it
   * first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_RECRUITMENT_VIEW);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (kp_recruitment_view_parent_class)->dispose (object);
}

static void
kp_recruitment_view_finalize (GObject *object)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (object);

  g_clear_pointer (&self->selection, kp_selection_free);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->rules, json_node_unref);
  g_clear_pointer (&self->dialog_text, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problems_name, g_free);

  G_OBJECT_CLASS (kp_recruitment_view_parent_class)->finalize (object);
}

static void
kp_recruitment_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SELECTION_ID:
      g_value_set_int64 (value, self->selection_id);
      break;

    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_recruitment_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KpRecruitmentView *self = KP_RECRUITMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      kp_recruitment_view_set_database (self, g_value_get_object (value));
      break;

    case PROP_SELECTION_ID:
      kp_recruitment_view_set_selection_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_recruitment_view_class_init (KpRecruitmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_recruitment_view_dispose;
  object_class->finalize = kp_recruitment_view_finalize;
  object_class->get_property = kp_recruitment_view_get_property;
  object_class->set_property = kp_recruitment_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION_ID] =
    g_param_spec_int64 ("selection-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template's store and expressions name the row type. */
  g_type_ensure (KP_TYPE_FORMASI_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-recruitment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, selection_list);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, announce_button);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, amendment_menu_button);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, locked_banner);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, locked_label);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, banner_button);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, problem_group);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, problem_list);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, stage_list);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, weights_row);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, weights_button);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, code_list);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, tie_break_list);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, requirement_list);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, appeal_row);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, sample_spin);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, quota_label);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, formasi_stack);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, formasi_view);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, formasi_selection);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, formasi_rows);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, announcements_stack);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, version_list);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, version_label);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, version_details_label);
  gtk_widget_class_bind_template_child (widget_class, KpRecruitmentView, change_list);

  gtk_widget_class_bind_template_callback (widget_class, format_quota);
  gtk_widget_class_bind_template_callback (widget_class, on_formasi_selection_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_formasi_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_version_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_appeal_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sample_spin_value_changed_cb);

  gtk_widget_class_install_action (widget_class, "recruitment.new-selection", NULL, new_selection_action);
  gtk_widget_class_install_action (widget_class, "recruitment.delete-selection", NULL, delete_selection_action);
  gtk_widget_class_install_action (widget_class, "recruitment.announce", NULL, announce_action);
  gtk_widget_class_install_action (widget_class, "recruitment.amendment-begin", NULL, amendment_begin_action);
  gtk_widget_class_install_action (widget_class, "recruitment.amendment-publish", NULL, amendment_publish_action);
  gtk_widget_class_install_action (widget_class, "recruitment.amendment-cancel", NULL, amendment_cancel_action);
  gtk_widget_class_install_action (widget_class, "recruitment.add-stage", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "recruitment.edit-stage", "x", edit_stage_action);
  gtk_widget_class_install_action (widget_class, "recruitment.remove-stage", "x", remove_stage_action);
  gtk_widget_class_install_action (widget_class, "recruitment.move-stage", "(xi)", move_stage_action);
  gtk_widget_class_install_action (widget_class, "recruitment.edit-weights", NULL, edit_weights_action);
  gtk_widget_class_install_action (widget_class, "recruitment.add-component", "x", add_component_action);
  gtk_widget_class_install_action (widget_class, "recruitment.edit-component", "(xs)", edit_component_action);
  gtk_widget_class_install_action (widget_class, "recruitment.remove-component", "(xs)", remove_component_action);
  gtk_widget_class_install_action (widget_class, "recruitment.add-pass-rule", "x", add_pass_rule_action);
  gtk_widget_class_install_action (widget_class, "recruitment.remove-pass-rule", "(xss)", remove_pass_rule_action);
  gtk_widget_class_install_action (widget_class, "recruitment.add-code", NULL, add_code_action);
  gtk_widget_class_install_action (widget_class, "recruitment.edit-code", "(ss)", edit_code_action);
  gtk_widget_class_install_action (widget_class, "recruitment.remove-code", "(ss)", remove_code_action);
  gtk_widget_class_install_action (widget_class, "recruitment.move-tie-break", "(ii)", move_tie_break_action);
  gtk_widget_class_install_action (widget_class, "recruitment.add-requirement", NULL, add_requirement_action);
  gtk_widget_class_install_action (widget_class, "recruitment.edit-requirement", "i", edit_requirement_action);
  gtk_widget_class_install_action (widget_class, "recruitment.remove-requirement", "i", remove_requirement_action);
  gtk_widget_class_install_action (widget_class, "recruitment.save-announcement", NULL, save_announcement_action);
  gtk_widget_class_install_action (widget_class, "recruitment.add-formasi", NULL, add_formasi_action);
  gtk_widget_class_install_action (widget_class, "recruitment.edit-formasi", NULL, edit_formasi_action);
  gtk_widget_class_install_action (widget_class, "recruitment.delete-formasi", NULL, delete_formasi_action);
  gtk_widget_class_install_action (widget_class, "recruitment.import-formasi", NULL, import_formasi_action);
}

/* A tab shown again reads again: a decision made in Verification shows in Registrants. */
static void
on_view_stack_visible_child_cb (AdwViewStack      *stack,
                                GParamSpec        *pspec,
                                KpRecruitmentView *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (stack);

  if (KP_IS_SELECTION_TAB (child))
    kp_selection_tab_reload (KP_SELECTION_TAB (child));
}

/* Every change made in this view (announcement, amendment, vacancies) reaches the tab. */
static void
on_revision_cb (KpSelectionTab    *tab,
                GParamSpec        *pspec,
                KpRecruitmentView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (tab)))
    kp_selection_tab_reload (tab);
}

static void
add_selection_tab (KpRecruitmentView *self,
                   GtkWidget         *tab,
                   const char        *name,
                   const char        *title,
                   const char        *icon_name)
{
  kp_recruitment_view_add_selection_page (self, tab, name, title, icon_name);
  g_object_bind_property (self, "database", tab, "database", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selection-id", tab, "selection-id", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self, "notify::revision", G_CALLBACK (on_revision_cb), tab,
                           G_CONNECT_SWAPPED);
}

static void
kp_recruitment_view_init (KpRecruitmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* After the announcement come the registrants, their verification and the messages: the
   * selection's own tabs, in the order the work is done. */
  add_selection_tab (self, kp_registrants_page_new (), "registrants", _("Re_gistrants"),
                     "system-users-symbolic");
  add_selection_tab (self, kp_verification_page_new (), "verification", _("Veri_fication"),
                     "object-select-symbolic");
  add_selection_tab (self, kp_notifications_page_new (), "notifications", _("_Notifications"),
                     "mail-unread-symbolic");
  g_signal_connect (self->view_stack, "notify::visible-child",
                    G_CALLBACK (on_view_stack_visible_child_cb), self);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  reload_selections (self);
  reload (self);
}

/* ---- public API -------------------------------------------------------------------------- */

/**
 * kp_recruitment_view_new:
 *
 * Returns: (transfer floating): a new view showing no database yet
 */
GtkWidget *
kp_recruitment_view_new (void)
{
  return g_object_new (KP_TYPE_RECRUITMENT_VIEW, NULL);
}

/**
 * kp_recruitment_view_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose selections are shown
 */
KpDatabase *
kp_recruitment_view_get_database (KpRecruitmentView *self)
{
  g_return_val_if_fail (KP_IS_RECRUITMENT_VIEW (self), NULL);

  return self->database;
}

/**
 * kp_recruitment_view_set_database:
 * @database: (nullable): the database whose selections to show and change
 */
void
kp_recruitment_view_set_database (KpRecruitmentView *self,
                                  KpDatabase        *database)
{
  g_return_if_fail (KP_IS_RECRUITMENT_VIEW (self));
  g_return_if_fail (database == NULL || KP_IS_DATABASE (database));

  if (self->database == database)
    return;

  clear_dialog (self);
  g_set_object (&self->database, database);
  reload_selections (self);
  if (self->selection_id != 0)
    show_selection (self, 0);
  else
    reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * kp_recruitment_view_focus_search:
 *
 * Moves the keyboard focus to the selections list (there is no search: a regency runs a few
 * selections a year).
 */
void
kp_recruitment_view_focus_search (KpRecruitmentView *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (KP_IS_RECRUITMENT_VIEW (self));

  row = gtk_list_box_get_selected_row (self->selection_list);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->selection_list, 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->selection_list));
}

gint64
kp_recruitment_view_get_selection_id (KpRecruitmentView *self)
{
  g_return_val_if_fail (KP_IS_RECRUITMENT_VIEW (self), 0);

  return self->selection_id;
}

void
kp_recruitment_view_set_selection_id (KpRecruitmentView *self,
                                      gint64             selection_id)
{
  g_autoptr(KpSelection) selection = NULL;

  g_return_if_fail (KP_IS_RECRUITMENT_VIEW (self));

  if (selection_id > 0 && self->database != NULL)
    selection = kp_selection_get (self->database, selection_id, NULL);
  if (selection_id > 0 && selection == NULL)
    return;
  show_selection (self, selection_id);
}

/**
 * kp_recruitment_view_get_selection_stack:
 *
 * Returns: (transfer none): the selection page's tabs
 */
AdwViewStack *
kp_recruitment_view_get_selection_stack (KpRecruitmentView *self)
{
  g_return_val_if_fail (KP_IS_RECRUITMENT_VIEW (self), NULL);

  return self->view_stack;
}

void
kp_recruitment_view_add_selection_page (KpRecruitmentView *self,
                                        GtkWidget         *page,
                                        const char        *name,
                                        const char        *title,
                                        const char        *icon_name)
{
  AdwViewStackPage *stack_page;

  g_return_if_fail (KP_IS_RECRUITMENT_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (name != NULL);

  stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);
  adw_view_stack_page_set_use_underline (stack_page, TRUE);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
}

guint
kp_recruitment_view_get_revision (KpRecruitmentView *self)
{
  g_return_val_if_fail (KP_IS_RECRUITMENT_VIEW (self), 0);

  return self->revision;
}

gboolean
_kp_recruitment_view_apply_weights (KpRecruitmentView *self,
                                    const int         *weights,
                                    guint              n)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KP_IS_RECRUITMENT_VIEW (self), FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);

  return report (self, kp_selection_set_stage_weights (self->database, self->selection_id, weights, n, &error),
                 _("Cannot Change the Weights"), &error);
}

void
_kp_recruitment_view_import_formasi (KpRecruitmentView *self,
                                     GFile             *file)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  KpImportCounts counts = { 0 };
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  g_return_if_fail (KP_IS_RECRUITMENT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->database != NULL && self->selection_id > 0);

  /* A selection has tens to hundreds of formasi: quick enough for this thread. Rows that can go
   * in do; the others are listed for correction. */
  if (!kp_formasi_import (self->database, self->selection_id, file, FALSE, &counts, &problems, &error))
    {
      show_refusal (self, _("Cannot Import the Vacancies"), error->message);
      return;
    }
  changed (self);
  summary = kp_import_result_summarize (&counts);

  /* Kept for "Save as CSV…" while the dialog is open; the next import replaces them. */
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->problems_name);
  self->problems_name = g_file_get_basename (file);
  if (problems == NULL || problems->len == 0)
    {
      show_toast (self, summary);
      return;
    }

  self->problems = g_steal_pointer (&problems);
  /* Translators: the body of an import's result when rows were refused; %s is the summary */
  body = g_strdup_printf (_("%s Correct these rows in the file and import it again: rows already "
                            "imported stay as they are."), summary);
  dialog = new_dialog (self, DIALOG_PROBLEMS, _("Some Rows Were Refused"), body,
                       "save-problems", _("_Save as CSV…"), ADW_RESPONSE_DEFAULT);
  adw_message_dialog_set_extra_child (dialog, kp_import_result_new_problem_list (self->problems,
                                                                                 DIALOG_LIST_WIDTH, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_kp_recruitment_view_save_announcement (KpRecruitmentView *self,
                                        GFile             *folder)
{
  KpAnnouncementFiles files = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (KP_IS_RECRUITMENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (self->database != NULL && self->shown_version > 0, FALSE);

  path = g_file_get_path (folder);
  if (path == NULL)
    {
      show_refusal (self, _("Cannot Save the Announcement Files"),
                    _("Only folders on this computer or a mounted network drive can be written."));
      return FALSE;
    }
  /* A handful of files of a few pages: quick enough for this thread. */
  if (!kp_announcement_write (self->database, self->selection_id, self->shown_version, path, &files, &error))
    {
      show_refusal (self, _("Cannot Save the Announcement Files"), error->message);
      return FALSE;
    }
  kp_announcement_files_clear (&files);

  name = g_file_get_basename (folder);
  /* Translators: a toast; %d is the announcement's version, %s the folder's name */
  message = g_strdup_printf (_("Announcement version %d saved in “%s”"), self->shown_version, name);
  show_toast (self, message);
  return TRUE;
}

/* ---- what the tests look at -------------------------------------------------------------- */

GtkSingleSelection *
_kp_recruitment_view_get_formasi_selection (KpRecruitmentView *self)
{
  return self->formasi_selection;
}

GtkLabel *
_kp_recruitment_view_get_quota_label (KpRecruitmentView *self)
{
  return self->quota_label;
}

GtkListBox *
_kp_recruitment_view_get_selection_list (KpRecruitmentView *self)
{
  return self->selection_list;
}

const char *
_kp_recruitment_view_get_list_page (KpRecruitmentView *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
_kp_recruitment_view_get_detail_page (KpRecruitmentView *self)
{
  return gtk_stack_get_visible_child_name (self->detail_stack);
}

GtkLabel *
_kp_recruitment_view_get_title_label (KpRecruitmentView *self)
{
  return self->title_label;
}

GtkLabel *
_kp_recruitment_view_get_status_label (KpRecruitmentView *self)
{
  return self->status_label;
}

GtkWidget *
_kp_recruitment_view_get_locked_banner (KpRecruitmentView *self)
{
  return self->locked_banner;
}

GtkListBox *
_kp_recruitment_view_get_stage_list (KpRecruitmentView *self)
{
  return self->stage_list;
}

AdwActionRow *
_kp_recruitment_view_get_weights_row (KpRecruitmentView *self)
{
  return self->weights_row;
}

GtkWidget *
_kp_recruitment_view_get_weights_button (KpRecruitmentView *self)
{
  return self->weights_button;
}

AdwEntryRow *
_kp_recruitment_view_get_appeal_row (KpRecruitmentView *self)
{
  return self->appeal_row;
}

GtkSpinButton *
_kp_recruitment_view_get_sample_spin (KpRecruitmentView *self)
{
  return self->sample_spin;
}

GtkListBox *
_kp_recruitment_view_get_problem_list (KpRecruitmentView *self)
{
  return self->problem_list;
}

GtkListBox *
_kp_recruitment_view_get_tie_break_list (KpRecruitmentView *self)
{
  return self->tie_break_list;
}

GtkListBox *
_kp_recruitment_view_get_requirement_list (KpRecruitmentView *self)
{
  return self->requirement_list;
}

GtkListBox *
_kp_recruitment_view_get_version_list (KpRecruitmentView *self)
{
  return self->version_list;
}

GtkListBox *
_kp_recruitment_view_get_change_list (KpRecruitmentView *self)
{
  return self->change_list;
}

AdwMessageDialog *
_kp_recruitment_view_get_dialog (KpRecruitmentView *self)
{
  return self->dialog;
}

GtkWidget *
_kp_recruitment_view_get_dialog_field (KpRecruitmentView *self,
                                       const char        *name)
{
  return form_field (self->dialog, name);
}
