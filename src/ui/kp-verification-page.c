/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-verification-page.c: the verification tab of a selection's page, for one verifier at a
 * time (their name is in the entry at the top). The queue is kp_verification_queue () for that
 * name: first decisions, second checks of someone else's round 1, disagreements to resolve.
 * The chosen case shows the registrant's education beside the formasi's, the flags and the
 * import's warnings, and the earlier rounds. MS decides at once; TMS asks for the announced
 * requirement not met and a note in a dialog of the template. Every decision goes through
 * kp_verification_decide (), which enforces the four eyes: its refusals are shown as it words
 * them. Bulk MS for a formasi (and only registrants without flags) asks first, naming the
 * count. The bar at the bottom shows the counts and each verifier's agreement with the second
 * checks (kp_verification_summary ()).
 *
 * The requirements and their ids come from kp_selection_requirements_list (). */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kompeten/kp-model.h"

#include "kp-registrants-page.h"
#include "kp-verification-page.h"
#include "kp-verification-page-private.h"

/* ---- one case of the queue ----------------------------------------------------------------- */

#define KP_TYPE_QUEUE_ITEM (kp_queue_item_get_type ())
G_DECLARE_FINAL_TYPE (KpQueueItem, kp_queue_item, KP, QUEUE_ITEM, GObject)

struct _KpQueueItem
{
  GObject parent_instance;

  KpVerificationCase *vcase;
  const KpApplicant *applicant; /* the page's, may be NULL */
  const char *formasi_code;
};

G_DEFINE_FINAL_TYPE (KpQueueItem, kp_queue_item, G_TYPE_OBJECT)

enum {
  QUEUE_PROP_0,
  QUEUE_PROP_REG_NO,
  QUEUE_PROP_NAME,
  QUEUE_PROP_FORMASI,
  QUEUE_PROP_ROUND,
  QUEUE_N_PROPS
};

static GParamSpec *queue_properties[QUEUE_N_PROPS];

/* What the case waits for, as the queue's last column says it. */
static const char *
round_to_string (KpVerificationState state)
{
  switch (state)
    {
    case KP_VERIFICATION_AWAITING_SECOND:
      return _("Second check");
    case KP_VERIFICATION_DISAGREEMENT:
      return _("Disagreement");
    case KP_VERIFICATION_DECIDED:
      return _("Decided");
    case KP_VERIFICATION_UNDECIDED:
    case KP_VERIFICATION_STATE_COUNT:
    default:
      return _("First decision");
    }
}

static void
kp_queue_item_finalize (GObject *object)
{
  KpQueueItem *self = KP_QUEUE_ITEM (object);

  g_clear_pointer (&self->vcase, kp_verification_case_free);

  G_OBJECT_CLASS (kp_queue_item_parent_class)->finalize (object);
}

static void
kp_queue_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KpQueueItem *self = KP_QUEUE_ITEM (object);

  switch (prop_id)
    {
    case QUEUE_PROP_REG_NO:
      g_value_set_string (value, self->vcase->reg_no);
      break;
    case QUEUE_PROP_NAME:
      g_value_set_string (value, self->vcase->name);
      break;
    case QUEUE_PROP_FORMASI:
      g_value_set_string (value, self->formasi_code);
      break;
    case QUEUE_PROP_ROUND:
      g_value_set_string (value, round_to_string (self->vcase->state));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_queue_item_class_init (KpQueueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_queue_item_finalize;
  object_class->get_property = kp_queue_item_get_property;

  queue_properties[QUEUE_PROP_REG_NO] = g_param_spec_string ("reg-no", NULL, NULL, NULL, flags);
  queue_properties[QUEUE_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  queue_properties[QUEUE_PROP_FORMASI] = g_param_spec_string ("formasi", NULL, NULL, NULL, flags);
  queue_properties[QUEUE_PROP_ROUND] = g_param_spec_string ("round", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, QUEUE_N_PROPS, queue_properties);
}

static void
kp_queue_item_init (KpQueueItem *self)
{
}

static void
on_flags_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, kp_registrant_flags_new ());
}

static void
on_flags_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  KpQueueItem *item = gtk_list_item_get_item (list_item);

  kp_registrant_flags_update (gtk_list_item_get_child (list_item),
                              item->applicant != NULL ? item->applicant->flags
                                                      : KP_APPLICANT_FLAG_NONE,
                              item->applicant != NULL ? item->applicant->warnings : NULL);
}

/* ---- the page ------------------------------------------------------------------------------ */

struct _KpVerificationPage
{
  KpSelectionTab parent_instance;

  char *verifier;

  GListStore *queue;            /* of KpQueueItem */
  GtkSingleSelection *queue_selection;
  GPtrArray *applicants;        /* of KpApplicant (NIK masked) */
  GHashTable *applicant_by_id;  /* id → KpApplicant, into @applicants */
  GPtrArray *formasi;           /* of KpFormasi */
  GHashTable *formasi_by_id;    /* id → KpFormasi, into @formasi */
  GArray *requirement_ids;      /* of gint64: the requirement drop-down's entries */
  KpVerificationCase *shown;    /* the case in the detail pane, owned */
  AdwMessageDialog *bulk_dialog;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkEntry *verifier_entry;
  GtkStack *stack;
  GtkColumnView *queue_view;
  GtkLabel *queue_count_label;
  GtkStack *detail_stack;
  AdwWindowTitle *detail_title;
  GtkLabel *education_label;
  GtkBox *flags_slot;
  GtkWidget *flags_box;
  GtkLabel *warnings_label;
  GtkLabel *rounds_label;
  GtkLabel *error_label;
  GtkButton *ms_button;
  GtkButton *tms_button;
  GtkDropDown *bulk_formasi_drop_down;
  GtkStringList *bulk_formasi_list;
  GtkCheckButton *bulk_no_flags_check;
  GtkButton *bulk_button;
  GtkLabel *summary_label;
  GtkBox *agreement_list;
  GtkWindow *tms_dialog;
  AdwWindowTitle *tms_title;
  GtkDropDown *requirement_drop_down;
  GtkStringList *requirement_list;
  GtkTextView *note_view;
  GtkLabel *tms_error_label;
  GtkButton *tms_confirm_button;
};

G_DEFINE_FINAL_TYPE (KpVerificationPage, kp_verification_page, KP_TYPE_SELECTION_TAB)

/* The tab's database and selection (KpSelectionTab holds them). */
static KpDatabase *
db_of (KpVerificationPage *self)
{
  return kp_selection_tab_get_database (KP_SELECTION_TAB (self));
}

static gint64
selection_of (KpVerificationPage *self)
{
  return kp_selection_tab_get_selection_id (KP_SELECTION_TAB (self));
}

enum {
  PROP_0,
  PROP_VERIFIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (KpVerificationPage *self,
            const char         *message)
{
  kp_selection_tab_show_toast (KP_SELECTION_TAB (self), message);
}

static GtkWindow *
get_parent_window (KpVerificationPage *self)
{
  return kp_selection_tab_get_window (KP_SELECTION_TAB (self));
}

static gboolean
has_verifier (KpVerificationPage *self)
{
  return self->verifier != NULL && *g_strstrip (self->verifier) != '\0';
}

/* ---- the detail pane ----------------------------------------------------------------------- */

static char *
describe_education (const char *education,
                    const char *programme)
{
  if (programme == NULL || *programme == '\0')
    return g_strdup (education != NULL && *education != '\0' ? education : "—");
  /* Translators: an education level and a study programme, e.g. "S1 Akuntansi" */
  return g_strdup_printf (_("%s %s"), education, programme);
}

static void
append_round (GString                   *text,
              int                        round,
              const KpVerificationRound *r)
{
  g_autofree char *who = g_markup_escape_text (r->verifier != NULL ? r->verifier : "", -1);

  if (text->len > 0)
    g_string_append (text, "\n\n");
  /* Translators: one earlier round of a verification: the round number, the decision (MS or
   * TMS), the verifier and when (ISO 8601) */
  g_string_append_printf (text, _("<b>Round %d: %s</b> by %s, %s"), round,
                          kp_decision_to_string (r->decision), who,
                          r->decided_at != NULL ? r->decided_at : "");
  if (r->decision == KP_DECISION_TMS)
    {
      g_autofree char *requirement = g_markup_escape_text (r->requirement_text, -1);
      g_autofree char *note = g_markup_escape_text (r->note != NULL ? r->note : "", -1);

      g_string_append_printf (text, "\n%s\n<i>%s</i>", requirement, note);
    }
}

static void
show_case (KpVerificationPage       *self,
           const KpVerificationCase *vcase)
{
  const KpApplicant *applicant = NULL;
  const KpFormasi *formasi = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *education = NULL;
  g_autoptr(GString) rounds = g_string_new (NULL);
  gboolean can_decide;

  gtk_label_set_label (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (vcase == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  applicant = g_hash_table_lookup (self->applicant_by_id, &vcase->applicant_id);
  formasi = g_hash_table_lookup (self->formasi_by_id, &vcase->formasi_id);
  adw_window_title_set_title (self->detail_title, vcase->name);
  adw_window_title_set_subtitle (self->detail_title, vcase->reg_no);

  mine = applicant != NULL ? describe_education (applicant->education, applicant->study_programme)
                           : g_strdup ("—");
  theirs = formasi != NULL ? describe_education (formasi->education, formasi->study_programme)
                           : g_strdup ("—");
  /* Translators: the registrant's education beside what the formasi asks; %s are both
   * education levels with their programmes, the third the formasi's code */
  education = g_strdup_printf (_("Registrant: %s · Formasi %s asks: %s"), mine,
                               formasi != NULL ? formasi->code : "", theirs);
  gtk_label_set_label (self->education_label, education);
  kp_registrant_flags_update (self->flags_box,
                              applicant != NULL ? applicant->flags : KP_APPLICANT_FLAG_NONE,
                              applicant != NULL ? applicant->warnings : NULL);
  gtk_label_set_label (self->warnings_label,
                       applicant != NULL && applicant->warnings != NULL
                         && *applicant->warnings != '\0' ? applicant->warnings
                                                         : _("No import warnings."));

  for (int r = 0; r < 3; r++)
    if (vcase->rounds[r].decision != KP_DECISION_NONE)
      append_round (rounds, r + 1, &vcase->rounds[r]);
  gtk_label_set_markup (self->rounds_label,
                        rounds->len > 0 ? rounds->str : _("No decision yet."));

  can_decide = vcase->state != KP_VERIFICATION_DECIDED;
  gtk_widget_set_sensitive (GTK_WIDGET (self->ms_button), can_decide);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tms_button), can_decide);
  gtk_stack_set_visible_child_name (self->detail_stack, "case");
}

static KpVerificationCase *
copy_case (KpVerificationCase       *copy,
                 const KpVerificationCase *vcase)
{
  copy->applicant_id = vcase->applicant_id;
  copy->reg_no = g_strdup (vcase->reg_no);
  copy->name = g_strdup (vcase->name);
  copy->formasi_id = vcase->formasi_id;
  copy->needs_second = vcase->needs_second;
  copy->state = vcase->state;
  for (int r = 0; r < 3; r++)
    {
      copy->rounds[r] = vcase->rounds[r];
      copy->rounds[r].verifier = g_strdup (vcase->rounds[r].verifier);
      copy->rounds[r].requirement_text = g_strdup (vcase->rounds[r].requirement_text);
      copy->rounds[r].note = g_strdup (vcase->rounds[r].note);
      copy->rounds[r].decided_at = g_strdup (vcase->rounds[r].decided_at);
      if (vcase->final == &vcase->rounds[r])
        copy->final = &copy->rounds[r];
    }
  return copy;
}

/* Keeps a copy of @vcase (NULL: none) as the case the buttons act on. */
static void
set_shown (KpVerificationPage       *self,
           const KpVerificationCase *vcase)
{
  g_clear_pointer (&self->shown, kp_verification_case_free);
  if (vcase != NULL)
    self->shown = copy_case (g_new0 (KpVerificationCase, 1), vcase);
  show_case (self, self->shown);
}

static void
on_queue_selected_cb (KpVerificationPage *self)
{
  KpQueueItem *item = gtk_single_selection_get_selected_item (self->queue_selection);

  set_shown (self, item != NULL ? item->vcase : NULL);
}

/* ---- loading ------------------------------------------------------------------------------- */

static void
fill_requirements (KpVerificationPage *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) requirements = NULL;

  g_array_set_size (self->requirement_ids, 0);
  if (db_of (self) != NULL && selection_of (self) > 0)
    requirements = kp_selection_requirements_list (db_of (self), selection_of (self), NULL);
  for (guint i = 0; requirements != NULL && i < requirements->len; i++)
    {
      const KpSelectionRequirement *requirement = g_ptr_array_index (requirements, i);

      g_array_append_val (self->requirement_ids, requirement->id);
      /* Translators: a requirement in the TMS dialog: its number, then its text */
      g_ptr_array_add (texts, g_strdup_printf (_("%d. %s"), requirement->position,
                                               requirement->text));
    }
  g_ptr_array_add (texts, NULL);
  gtk_string_list_splice (self->requirement_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->requirement_list)),
                          (const char *const *) texts->pdata);
}

static void
fill_formasi (KpVerificationPage *self)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  g_hash_table_remove_all (self->formasi_by_id);
  for (guint i = 0; self->formasi != NULL && i < self->formasi->len; i++)
    {
      KpFormasi *formasi = g_ptr_array_index (self->formasi, i);

      g_hash_table_insert (self->formasi_by_id, &formasi->id, formasi);
      g_ptr_array_add (codes, formasi->code);
    }
  g_ptr_array_add (codes, NULL);
  gtk_string_list_splice (self->bulk_formasi_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->bulk_formasi_list)) - 1,
                          (const char *const *) codes->pdata);
}

static void
update_summary (KpVerificationPage *self)
{
  g_autoptr(KpVerificationSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agreement_list))) != NULL)
    gtk_box_remove (self->agreement_list, child);
  if (db_of (self) == NULL || selection_of (self) <= 0)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }
  summary = kp_verification_summary (db_of (self), selection_of (self), &error);
  if (summary == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* Translators: the verification's counts under the queue */
  text = g_strdup_printf (_("%u registrants: %u undecided, %u awaiting a second check, "
                            "%u disagreements, %u decided (%u MS, %u TMS)"),
                          summary->total, summary->states[KP_VERIFICATION_UNDECIDED],
                          summary->states[KP_VERIFICATION_AWAITING_SECOND],
                          summary->states[KP_VERIFICATION_DISAGREEMENT],
                          summary->states[KP_VERIFICATION_DECIDED], summary->ms, summary->tms);
  gtk_label_set_label (self->summary_label, text);

  for (guint i = 0; i < summary->agreement->len; i++)
    {
      KpVerifierAgreement *agreement = g_ptr_array_index (summary->agreement, i);
      g_autofree char *line = NULL;
      GtkWidget *label;

      /* Translators: one verifier's agreement with the second checks, e.g. "Ani: 3 of 4
       * agreed (75 %)" */
      line = g_strdup_printf (_("%s: %u of %u agreed (%d %%)"), agreement->verifier,
                              agreement->agreed, agreement->checked,
                              kp_verifier_agreement_percent (agreement));
      label = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (self->agreement_list, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_list), summary->agreement->len > 0);
}

static void
reload_queue (KpVerificationPage *self,
              guint               keep_position)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint n;

  if (db_of (self) != NULL && selection_of (self) > 0 && has_verifier (self))
    {
      cases = kp_verification_queue (db_of (self), selection_of (self), self->verifier,
                                     &error);
      if (cases == NULL)
        show_toast (self, error->message);
    }
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      KpQueueItem *item = g_object_new (KP_TYPE_QUEUE_ITEM, NULL);
      const KpFormasi *formasi;

      item->vcase = g_steal_pointer (&g_ptr_array_index (cases, i));
      item->applicant = g_hash_table_lookup (self->applicant_by_id, &item->vcase->applicant_id);
      formasi = g_hash_table_lookup (self->formasi_by_id, &item->vcase->formasi_id);
      item->formasi_code = formasi != NULL ? formasi->code : "";
      g_ptr_array_add (items, item);
    }
  if (cases != NULL)
    /* Its cases are the items' now. */
    g_ptr_array_set_free_func (cases, NULL);

  g_list_store_splice (self->queue, 0, g_list_model_get_n_items (G_LIST_MODEL (self->queue)),
                       items->pdata, items->len);
  n = items->len;
  /* The next case comes where the decided one was: the verifier goes on with the keyboard. */
  gtk_single_selection_set_selected (self->queue_selection,
                                     n == 0 ? GTK_INVALID_LIST_POSITION
                                            : MIN (keep_position, n - 1));
  on_queue_selected_cb (self);

  /* Translators: above the queue; %u cases the verifier can act on */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case waiting", "%u cases waiting",
                                        n), n);
  gtk_label_set_label (self->queue_count_label, count);
  gtk_stack_set_visible_child_name (self->stack, !has_verifier (self) ? "no-verifier"
                                                 : n > 0 ? "queue" : "done");
  update_summary (self);
}

static void
reload (KpSelectionTab *tab)
{
  KpVerificationPage *self = KP_VERIFICATION_PAGE (tab);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KP_IS_VERIFICATION_PAGE (self));

  g_list_store_remove_all (self->queue);
  g_hash_table_remove_all (self->applicant_by_id);
  g_clear_pointer (&self->applicants, g_ptr_array_unref);
  g_clear_pointer (&self->formasi, g_ptr_array_unref);
  if (db_of (self) != NULL && selection_of (self) > 0)
    {
      self->applicants = kp_applicant_list (db_of (self), selection_of (self), 0,
                                            KP_APPLICANT_FLAG_NONE, NULL, &error);
      if (self->applicants != NULL)
        self->formasi = kp_formasi_list (db_of (self), selection_of (self), &error);
      if (error != NULL)
        show_toast (self, error->message);
    }
  for (guint i = 0; self->applicants != NULL && i < self->applicants->len; i++)
    {
      KpApplicant *applicant = g_ptr_array_index (self->applicants, i);

      g_hash_table_insert (self->applicant_by_id, &applicant->id, applicant);
    }
  fill_formasi (self);
  fill_requirements (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bulk_button), selection_of (self) > 0);
  reload_queue (self, 0);
}

/* ---- deciding ------------------------------------------------------------------------------ */

static void
show_refusal (KpVerificationPage *self,
              const char         *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static guint
selected_position (KpVerificationPage *self)
{
  guint position = gtk_single_selection_get_selected (self->queue_selection);

  return position != GTK_INVALID_LIST_POSITION ? position : 0;
}

static gboolean
decide (KpVerificationPage *self,
        KpDecision          decision,
        gint64              requirement_id,
        const char         *note,
        GError            **error)
{
  g_autofree char *message = NULL;
  int round = 0;

  if (self->shown == NULL)
    return FALSE;
  if (!kp_verification_decide (db_of (self), self->shown->applicant_id, self->verifier,
                               decision, requirement_id, note, &round, error))
    return FALSE;

  /* Translators: a toast after a decision: the registration number, MS or TMS, the round */
  message = g_strdup_printf (_("%s marked %s (round %d)"), self->shown->reg_no,
                             kp_decision_to_string (decision), round);
  show_toast (self, message);
  reload_queue (self, selected_position (self));
  return TRUE;
}

static void
ms_activated (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KpVerificationPage *self = KP_VERIFICATION_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!decide (self, KP_DECISION_MS, 0, NULL, &error) && error != NULL)
    show_refusal (self, error->message);
}

static void
tms_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpVerificationPage *self = KP_VERIFICATION_PAGE (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *subtitle = NULL;

  if (self->shown == NULL)
    return;
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_label_set_label (self->tms_error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->tms_error_label), FALSE);
  subtitle = g_strdup_printf ("%s · %s", self->shown->reg_no, self->shown->name);
  adw_window_title_set_subtitle (self->tms_title, subtitle);
  gtk_window_set_transient_for (self->tms_dialog, get_parent_window (self));
  gtk_window_present (self->tms_dialog);
  gtk_widget_grab_focus (GTK_WIDGET (self->requirement_drop_down));
}

static void
on_tms_confirm_clicked_cb (KpVerificationPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  guint position = gtk_drop_down_get_selected (self->requirement_drop_down);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GtkTextIter start, end;
  gint64 requirement_id = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (position != GTK_INVALID_LIST_POSITION && position < self->requirement_ids->len)
    requirement_id = g_array_index (self->requirement_ids, gint64, position);

  /* The model checks the reason and the note; its refusal stays in the dialog with the input. */
  if (!decide (self, KP_DECISION_TMS, requirement_id, note, &error))
    {
      if (error != NULL)
        {
          gtk_label_set_label (self->tms_error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->tms_error_label), TRUE);
        }
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tms_dialog), FALSE);
}

/* ---- bulk ---------------------------------------------------------------------------------- */

static void
bulk_filter (KpVerificationPage   *self,
             KpVerificationFilter *filter)
{
  guint position = gtk_drop_down_get_selected (self->bulk_formasi_drop_down);

  memset (filter, 0, sizeof *filter);
  if (position != GTK_INVALID_LIST_POSITION && position > 0 && self->formasi != NULL
      && position <= self->formasi->len)
    filter->formasi_id = ((KpFormasi *) g_ptr_array_index (self->formasi, position - 1))->id;
  filter->no_flags = gtk_check_button_get_active (self->bulk_no_flags_check);
}

/* How many registrants a bulk marking would take: the undecided ones the filter matches, as
 * kp_verification_decide_many () chooses them. */
static guint
count_bulk (KpVerificationPage         *self,
            const KpVerificationFilter *filter)
{
  const KpApplicantFlags checked = KP_APPLICANT_FLAG_EDUCATION_MISMATCH
                                   | KP_APPLICANT_FLAG_DUPLICATE_NIK;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->queue)); i++)
    {
      g_autoptr(KpQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (item->vcase->state != KP_VERIFICATION_UNDECIDED)
        continue;
      if (filter->formasi_id != 0 && item->vcase->formasi_id != filter->formasi_id)
        continue;
      if (filter->no_flags && item->applicant != NULL && (item->applicant->flags & checked) != 0)
        continue;
      n++;
    }
  return n;
}

static void
on_bulk_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     KpVerificationPage *self)
{
  KpVerificationFilter filter;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint marked = 0, skipped = 0;

  if (g_strcmp0 (response, "mark") != 0 || db_of (self) == NULL)
    return;
  bulk_filter (self, &filter);
  if (!kp_verification_decide_many (db_of (self), selection_of (self), NULL, &filter,
                                    self->verifier, KP_DECISION_MS, 0, NULL, &marked, &skipped,
                                    &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: a toast after a bulk marking */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u registrant marked MS",
                                          "%u registrants marked MS", marked),
                             marked);
  show_toast (self, message);
  reload_queue (self, 0);
}

static void
bulk_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KpVerificationPage *self = KP_VERIFICATION_PAGE (widget);
  KpVerificationFilter filter;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n;

  if (db_of (self) == NULL || selection_of (self) <= 0 || !has_verifier (self))
    return;
  bulk_filter (self, &filter);
  n = count_bulk (self, &filter);
  if (n == 0)
    {
      show_toast (self, _("No undecided registrant matches the filter"));
      return;
    }

  /* Translators: the heading of the bulk marking's confirmation */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mark %u Registrant as MS?",
                                          "Mark %u Registrants as MS?", n), n);
  /* Translators: the body of the bulk marking's confirmation; %s is the verifier's name */
  body = g_strdup_printf (_("This is the first decision on each of them, in the name of %s. "
                            "A sample of them will go to a second verifier."),
                          self->verifier);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "mark", _("_Mark as MS"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_bulk_response_cb), self, 0);
  g_set_weak_pointer (&self->bulk_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the verifier -------------------------------------------------------------------------- */

static void
on_verifier_apply_cb (KpVerificationPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (self->verifier_entry);

  kp_verification_page_set_verifier (self, gtk_editable_get_text (entry));
}

const char *
kp_verification_page_get_verifier (KpVerificationPage *self)
{
  g_return_val_if_fail (KP_IS_VERIFICATION_PAGE (self), NULL);

  return self->verifier;
}

void
kp_verification_page_set_verifier (KpVerificationPage *self,
                                   const char         *verifier)
{
  g_autofree char *stripped = g_strstrip (g_strdup (verifier != NULL ? verifier : ""));

  g_return_if_fail (KP_IS_VERIFICATION_PAGE (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->verifier_entry)), stripped) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->verifier_entry), stripped);
  if (g_strcmp0 (self->verifier, stripped) == 0)
    return;
  g_free (self->verifier);
  self->verifier = g_steal_pointer (&stripped);
  reload_queue (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFIER]);
}

/* ---- GObject ------------------------------------------------------------------------------- */

GtkWidget *
kp_verification_page_new (void)
{
  return g_object_new (KP_TYPE_VERIFICATION_PAGE, NULL);
}

void
kp_verification_page_set_database (KpVerificationPage *self,
                                   KpDatabase         *database)
{
  g_return_if_fail (KP_IS_VERIFICATION_PAGE (self));

  kp_selection_tab_set_database (KP_SELECTION_TAB (self), database);
}

void
kp_verification_page_set_selection_id (KpVerificationPage *self,
                                       gint64              selection_id)
{
  g_return_if_fail (KP_IS_VERIFICATION_PAGE (self));

  kp_selection_tab_set_selection_id (KP_SELECTION_TAB (self), selection_id);
}

static void
kp_verification_page_dispose (GObject *object)
{
  KpVerificationPage *self = KP_VERIFICATION_PAGE (object);

  if (self->tms_dialog != NULL)
    gtk_window_destroy (self->tms_dialog);
  g_clear_weak_pointer (&self->bulk_dialog);
  /* The toast overlay is both a template child and AdwBin's child: let AdwBin unparent it
   * first, or disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KP_TYPE_VERIFICATION_PAGE);

  G_OBJECT_CLASS (kp_verification_page_parent_class)->dispose (object);
}

static void
kp_verification_page_finalize (GObject *object)
{
  KpVerificationPage *self = KP_VERIFICATION_PAGE (object);

  g_free (self->verifier);
  g_clear_object (&self->queue);
  g_clear_object (&self->queue_selection);
  g_clear_pointer (&self->applicant_by_id, g_hash_table_unref);
  g_clear_pointer (&self->applicants, g_ptr_array_unref);
  g_clear_pointer (&self->formasi_by_id, g_hash_table_unref);
  g_clear_pointer (&self->formasi, g_ptr_array_unref);
  g_array_unref (self->requirement_ids);
  g_clear_pointer (&self->shown, kp_verification_case_free);

  G_OBJECT_CLASS (kp_verification_page_parent_class)->finalize (object);
}

static void
kp_verification_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KpVerificationPage *self = KP_VERIFICATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_VERIFIER:
      g_value_set_string (value, self->verifier);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_verification_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KpVerificationPage *self = KP_VERIFICATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_VERIFIER:
      kp_verification_page_set_verifier (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_verification_page_class_init (KpVerificationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  KP_SELECTION_TAB_CLASS (klass)->reload = reload;

  object_class->dispose = kp_verification_page_dispose;
  object_class->finalize = kp_verification_page_finalize;
  object_class->get_property = kp_verification_page_get_property;
  object_class->set_property = kp_verification_page_set_property;

  properties[PROP_VERIFIER] =
    g_param_spec_string ("verifier", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_QUEUE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/"
                                               "kp-verification-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, verifier_entry);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, queue_view);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, queue_count_label);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, education_label);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, rounds_label);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, ms_button);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, tms_button);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, bulk_formasi_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, bulk_formasi_list);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, bulk_no_flags_check);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, bulk_button);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, agreement_list);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, tms_dialog);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, tms_title);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, requirement_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, requirement_list);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, tms_error_label);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, tms_confirm_button);
  gtk_widget_class_bind_template_child (widget_class, KpVerificationPage, flags_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_verifier_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tms_confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flags_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flags_bind_cb);

  gtk_widget_class_install_action (widget_class, "verification.ms", NULL, ms_activated);
  gtk_widget_class_install_action (widget_class, "verification.tms", NULL, tms_activated);
  gtk_widget_class_install_action (widget_class, "verification.bulk", NULL, bulk_activated);
}

static void
kp_verification_page_init (KpVerificationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->applicant_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->formasi_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->requirement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->queue = g_list_store_new (KP_TYPE_QUEUE_ITEM);
  self->queue_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->queue)));
  gtk_single_selection_set_autoselect (self->queue_selection, FALSE);
  g_signal_connect_object (self->queue_selection, "notify::selected",
                           G_CALLBACK (on_queue_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->queue_view, GTK_SELECTION_MODEL (self->queue_selection));

  /* The flags icons are the registrants tab's, made in C for their translated tooltips. */
  self->flags_box = kp_registrant_flags_new ();
  gtk_box_append (self->flags_slot, self->flags_box);

  /* GLib says "Unknown" when the account has no real name: the login name is better. */
  kp_verification_page_set_verifier (self, g_strcmp0 (g_get_real_name (), "Unknown") != 0
                                             ? g_get_real_name () : g_get_user_name ());
  reload (KP_SELECTION_TAB (self));
}

/* ---- for the tests ------------------------------------------------------------------------- */

GListModel *
_kp_verification_page_get_queue (KpVerificationPage *self)
{
  return G_LIST_MODEL (self->queue);
}

GStrv
_kp_verification_page_queue_reg_nos (KpVerificationPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->queue)); i++)
    {
      g_autoptr(KpQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      g_strv_builder_add (builder, item->vcase->reg_no);
    }
  return g_strv_builder_end (builder);
}

void
_kp_verification_page_select_row (KpVerificationPage *self,
                                  guint               position)
{
  gtk_single_selection_set_selected (self->queue_selection, position);
}

void
_kp_verification_page_show_case (KpVerificationPage *self,
                                 gint64              applicant_id)
{
  g_autoptr(GPtrArray) cases = kp_verification_list (db_of (self), selection_of (self), NULL);

  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      KpVerificationCase *vcase = g_ptr_array_index (cases, i);

      if (vcase->applicant_id == applicant_id)
        set_shown (self, vcase);
    }
}

AdwMessageDialog *
_kp_verification_page_get_bulk_dialog (KpVerificationPage *self)
{
  return self->bulk_dialog;
}
