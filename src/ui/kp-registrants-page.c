/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-registrants-page.c: the registrants tab of a selection's page. A GtkColumnView over a
 * GListStore of small items, built once per reload from kp_applicant_list () (NIK masked) and
 * kp_verification_list (): with 100,000 registrants the store is filled in one splice and only
 * the rows on screen get widgets. The search and the three drop-downs filter it in C through a
 * GtkCustomFilter, incrementally, so that typing stays fluid.
 *
 * The record form is the only place the whole NIK is read (kp_applicant_get_record ()), and it
 * is read when the form opens, never kept in the table. The import of pelamar.csv runs in a
 * worker thread on a connection of its own (a KpDatabase is not thread-safe): a million rows
 * take seconds and the window must keep drawing. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-file-chooser.h"
#include "kp-import-result.h"
#include "kp-registrants-page.h"
#include "kp-registrants-page-private.h"

/* The status drop-down's entries, in the order of kp-registrants-page.ui. */
typedef enum {
  STATUS_ALL,
  STATUS_UNDECIDED,
  STATUS_AWAITING_SECOND,
  STATUS_DISAGREEMENT,
  STATUS_MS,
  STATUS_TMS,
} Status;

/* The flags drop-down's entries, in the order of kp-registrants-page.ui. */
typedef enum {
  FLAGS_ALL,
  FLAGS_EDUCATION,
  FLAGS_DUPLICATE,
  FLAGS_WARNINGS,
  FLAGS_NONE,
} FlagsChoice;

/* The result dialog's list of refused rows: its width, and how many rows it shows at most (a
 * list box of widgets, quick up to a few hundred). */
#define PROBLEMS_WIDTH 520
#define PROBLEMS_LISTED 200

/* ---- one registrant, as a row of the table ----------------------------------------------- */

#define KP_TYPE_REGISTRANT_ITEM (kp_registrant_item_get_type ())
G_DECLARE_FINAL_TYPE (KpRegistrantItem, kp_registrant_item, KP, REGISTRANT_ITEM, GObject)

struct _KpRegistrantItem
{
  GObject parent_instance;

  KpApplicant *applicant;
  Status status;
  char *grade; /* formatted once: the table redraws it often */
};

G_DEFINE_FINAL_TYPE (KpRegistrantItem, kp_registrant_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_REG_NO,
  ITEM_PROP_NAME,
  ITEM_PROP_NIK,
  ITEM_PROP_FORMASI,
  ITEM_PROP_EDUCATION,
  ITEM_PROP_GRADE,
  ITEM_PROP_GRADE_X100,
  ITEM_PROP_STATUS,
  ITEM_PROP_STATUS_ORDER,
  ITEM_PROP_EDUCATION_MISMATCH,
  ITEM_PROP_DUPLICATE_NIK,
  ITEM_PROP_HAS_WARNINGS,
  ITEM_PROP_WARNINGS,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static const char *
status_to_string (Status status)
{
  switch (status)
    {
    case STATUS_UNDECIDED:
      return C_("verification status", "Undecided");
    case STATUS_AWAITING_SECOND:
      return C_("verification status", "Awaiting second check");
    case STATUS_DISAGREEMENT:
      return C_("verification status", "Disagreement");
    case STATUS_MS:
      /* Translators: memenuhi syarat, the official abbreviation: keep it */
      return C_("verification status", "MS");
    case STATUS_TMS:
      /* Translators: tidak memenuhi syarat, the official abbreviation: keep it */
      return C_("verification status", "TMS");
    case STATUS_ALL:
    default:
      return "";
    }
}

static void
kp_registrant_item_finalize (GObject *object)
{
  KpRegistrantItem *self = KP_REGISTRANT_ITEM (object);

  g_clear_pointer (&self->applicant, kp_applicant_free);
  g_free (self->grade);

  G_OBJECT_CLASS (kp_registrant_item_parent_class)->finalize (object);
}

static void
kp_registrant_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KpRegistrantItem *self = KP_REGISTRANT_ITEM (object);
  KpApplicant *applicant = self->applicant;

  switch (prop_id)
    {
    case ITEM_PROP_REG_NO:
      g_value_set_string (value, applicant->reg_no);
      break;
    case ITEM_PROP_NAME:
      g_value_set_string (value, applicant->name);
      break;
    case ITEM_PROP_NIK:
      g_value_set_string (value, applicant->nik);
      break;
    case ITEM_PROP_FORMASI:
      g_value_set_string (value, applicant->formasi_code);
      break;
    case ITEM_PROP_EDUCATION:
      g_value_set_string (value, applicant->education);
      break;
    case ITEM_PROP_GRADE:
      g_value_set_string (value, self->grade);
      break;
    case ITEM_PROP_GRADE_X100:
      g_value_set_int64 (value, applicant->grade_x100);
      break;
    case ITEM_PROP_STATUS:
      g_value_set_string (value, status_to_string (self->status));
      break;
    case ITEM_PROP_STATUS_ORDER:
      g_value_set_int (value, self->status);
      break;
    case ITEM_PROP_EDUCATION_MISMATCH:
      g_value_set_boolean (value, (applicant->flags & KP_APPLICANT_FLAG_EDUCATION_MISMATCH) != 0);
      break;
    case ITEM_PROP_DUPLICATE_NIK:
      g_value_set_boolean (value, (applicant->flags & KP_APPLICANT_FLAG_DUPLICATE_NIK) != 0);
      break;
    case ITEM_PROP_HAS_WARNINGS:
      g_value_set_boolean (value, (applicant->flags & KP_APPLICANT_FLAG_WARNINGS) != 0);
      break;
    case ITEM_PROP_WARNINGS:
      g_value_set_string (value, applicant->warnings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_registrant_item_class_init (KpRegistrantItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_registrant_item_finalize;
  object_class->get_property = kp_registrant_item_get_property;

  item_properties[ITEM_PROP_REG_NO] = g_param_spec_string ("reg-no", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_NIK] = g_param_spec_string ("nik", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_FORMASI] = g_param_spec_string ("formasi", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_EDUCATION] = g_param_spec_string ("education", NULL, NULL, NULL,
                                                              flags);
  item_properties[ITEM_PROP_GRADE] = g_param_spec_string ("grade", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_GRADE_X100] = g_param_spec_int64 ("grade-x100", NULL, NULL, 0,
                                                             G_MAXINT64, 0, flags);
  item_properties[ITEM_PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  /* The status column sorts in the order of the work: undecided first, decided last. */
  item_properties[ITEM_PROP_STATUS_ORDER] = g_param_spec_int ("status-order", NULL, NULL,
                                                              STATUS_ALL, STATUS_TMS, STATUS_ALL,
                                                              flags);
  item_properties[ITEM_PROP_EDUCATION_MISMATCH] =
    g_param_spec_boolean ("education-mismatch", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_DUPLICATE_NIK] =
    g_param_spec_boolean ("duplicate-nik", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_HAS_WARNINGS] =
    g_param_spec_boolean ("has-warnings", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_WARNINGS] = g_param_spec_string ("warnings", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
kp_registrant_item_init (KpRegistrantItem *self)
{
}

/* The grade as the office writes it: two decimals with the locale's separator (3,45 in
 * Indonesian). IPK and school average are both stored × 100. */
static char *
format_grade (gint64 grade_x100)
{
  return g_strdup_printf ("%.2f", grade_x100 / 100.0);
}

/* Takes @applicant. */
static KpRegistrantItem *
registrant_item_new (KpApplicant *applicant,
                     Status       status)
{
  KpRegistrantItem *item = g_object_new (KP_TYPE_REGISTRANT_ITEM, NULL);

  item->applicant = applicant;
  item->status = status;
  item->grade = format_grade (applicant->grade_x100);
  return item;
}

/* ---- the page ---------------------------------------------------------------------------- */

typedef struct _ImportJob ImportJob;

struct _KpRegistrantsPage
{
  KpSelectionTab parent_instance;


  GListStore *store;           /* of KpRegistrantItem */
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;    /* by the column headers */
  GtkCustomFilter *filter;
  GArray *formasi_ids;         /* of gint64: the formasi drop-down's entries after "All" */
  gboolean filling_formasi;    /* the drop-down's model is being replaced */

  /* the import running, if any */
  ImportJob *job;
  guint progress_source;
  GPtrArray *problems;         /* of KpImportProblem: the last import's, for "Save as CSV…" */
  char *problems_name;
  AdwMessageDialog *result_dialog;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkButton *import_button;
  GtkSearchEntry *search_entry;
  GtkDropDown *formasi_drop_down;
  GtkStringList *formasi_list;
  GtkDropDown *status_drop_down;
  GtkDropDown *flags_drop_down;
  GtkColumnView *column_view;
  GtkLabel *count_label;
  GtkRevealer *import_revealer;
  GtkProgressBar *import_progress;
  GtkWindow *record_dialog;
  AdwWindowTitle *record_title;
  AdwActionRow *record_reg_no_row;
  AdwActionRow *record_nik_row;
  AdwActionRow *record_sex_row;
  AdwActionRow *record_birth_row;
  AdwActionRow *record_formasi_row;
  AdwActionRow *record_education_row;
  AdwActionRow *record_grade_row;
  AdwActionRow *record_email_row;
  AdwActionRow *record_phone_row;
  AdwActionRow *record_address_row;
  AdwActionRow *record_flags_row;
  GtkLabel *record_warnings_label;
};

G_DEFINE_FINAL_TYPE (KpRegistrantsPage, kp_registrants_page, KP_TYPE_SELECTION_TAB)

/* The tab's database and selection (KpSelectionTab holds them). */
static KpDatabase *
db_of (KpRegistrantsPage *self)
{
  return kp_selection_tab_get_database (KP_SELECTION_TAB (self));
}

static gint64
selection_of (KpRegistrantsPage *self)
{
  return kp_selection_tab_get_selection_id (KP_SELECTION_TAB (self));
}

static void
show_toast (KpRegistrantsPage *self,
            const char        *message)
{
  kp_selection_tab_show_toast (KP_SELECTION_TAB (self), message);
}

static GtkWindow *
get_parent_window (KpRegistrantsPage *self)
{
  return kp_selection_tab_get_window (KP_SELECTION_TAB (self));
}

/* ---- the filter ---------------------------------------------------------------------------- */

static gboolean
matches_search (const KpApplicant *applicant,
                const char        *needle)
{
  g_autofree char *name = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  if (strstr (applicant->reg_no, needle) != NULL)
    return TRUE;
  name = g_utf8_casefold (applicant->name, -1);
  return strstr (name, needle) != NULL;
}

static gboolean
registrant_matches (gpointer item,
                    gpointer user_data)
{
  KpRegistrantsPage *self = user_data;
  KpRegistrantItem *registrant = item;
  const KpApplicant *applicant = registrant->applicant;
  guint formasi = gtk_drop_down_get_selected (self->formasi_drop_down);
  Status status = gtk_drop_down_get_selected (self->status_drop_down);
  FlagsChoice flags = gtk_drop_down_get_selected (self->flags_drop_down);
  const char *needle = g_object_get_data (G_OBJECT (self->filter), "needle");

  if (formasi != GTK_INVALID_LIST_POSITION && formasi > 0 && formasi <= self->formasi_ids->len
      && g_array_index (self->formasi_ids, gint64, formasi - 1) != applicant->formasi_id)
    return FALSE;
  if (status != STATUS_ALL && (guint) status != GTK_INVALID_LIST_POSITION
      && registrant->status != status)
    return FALSE;
  switch (flags)
    {
    case FLAGS_EDUCATION:
      if (!(applicant->flags & KP_APPLICANT_FLAG_EDUCATION_MISMATCH))
        return FALSE;
      break;
    case FLAGS_DUPLICATE:
      if (!(applicant->flags & KP_APPLICANT_FLAG_DUPLICATE_NIK))
        return FALSE;
      break;
    case FLAGS_WARNINGS:
      if (!(applicant->flags & KP_APPLICANT_FLAG_WARNINGS))
        return FALSE;
      break;
    case FLAGS_NONE:
      if (applicant->flags != KP_APPLICANT_FLAG_NONE)
        return FALSE;
      break;
    case FLAGS_ALL:
    default:
      break;
    }
  return matches_search (applicant, needle);
}

static void
update_count (KpRegistrantsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  /* Translators: under the registrants table; the first %u is shown, the second the total */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u registrant",
                                       "%u of %u registrants", total),
                          shown, total);
  gtk_label_set_label (self->count_label, text);
}

static void
refilter (KpRegistrantsPage *self)
{
  /* The needle is folded once here, not once per registrant. */
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_object_set_data_full (G_OBJECT (self->filter), "needle", g_utf8_casefold (text, -1), g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_changed_cb (KpRegistrantsPage *self)
{
  refilter (self);
}

static void
on_filter_changed_cb (KpRegistrantsPage *self)
{
  if (!self->filling_formasi)
    refilter (self);
}

/* ---- loading ----------------------------------------------------------------------------- */

static Status
case_status (const KpVerificationCase *vcase)
{
  if (vcase == NULL)
    return STATUS_UNDECIDED;
  switch (vcase->state)
    {
    case KP_VERIFICATION_AWAITING_SECOND:
      return STATUS_AWAITING_SECOND;
    case KP_VERIFICATION_DISAGREEMENT:
      return STATUS_DISAGREEMENT;
    case KP_VERIFICATION_DECIDED:
      return vcase->final != NULL && vcase->final->decision == KP_DECISION_TMS ? STATUS_TMS
                                                                               : STATUS_MS;
    case KP_VERIFICATION_UNDECIDED:
    case KP_VERIFICATION_STATE_COUNT:
    default:
      return STATUS_UNDECIDED;
    }
}

static void
fill_formasi (KpRegistrantsPage *self)
{
  g_autoptr(GPtrArray) formasi = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  gint64 chosen = 0;
  guint selected = gtk_drop_down_get_selected (self->formasi_drop_down);
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->formasi_ids->len)
    chosen = g_array_index (self->formasi_ids, gint64, selected - 1);

  if (selection_of (self) > 0)
    formasi = kp_formasi_list (db_of (self), selection_of (self), &error);
  if (error != NULL)
    show_toast (self, error->message);

  g_array_set_size (self->formasi_ids, 0);
  for (guint i = 0; formasi != NULL && i < formasi->len; i++)
    {
      KpFormasi *f = g_ptr_array_index (formasi, i);

      g_array_append_val (self->formasi_ids, f->id);
      g_ptr_array_add (codes, f->code);
      if (f->id == chosen)
        position = i + 1;
    }
  g_ptr_array_add (codes, NULL);

  self->filling_formasi = TRUE;
  gtk_string_list_splice (self->formasi_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->formasi_list)) - 1,
                          (const char *const *) codes->pdata);
  gtk_drop_down_set_selected (self->formasi_drop_down, position);
  self->filling_formasi = FALSE;
}

static void
reload (KpSelectionTab *tab)
{
  KpRegistrantsPage *self = KP_REGISTRANTS_PAGE (tab);
  g_autoptr(GPtrArray) applicants = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  fill_formasi (self);
  if (db_of (self) != NULL && selection_of (self) > 0)
    {
      applicants = kp_applicant_list (db_of (self), selection_of (self), 0,
                                      KP_APPLICANT_FLAG_NONE, NULL, &error);
      if (applicants != NULL)
        cases = kp_verification_list (db_of (self), selection_of (self), &error);
      if (error != NULL)
        show_toast (self, error->message);
    }

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      KpVerificationCase *vcase = g_ptr_array_index (cases, i);

      g_hash_table_insert (by_id, &vcase->applicant_id, vcase);
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; applicants != NULL && cases != NULL && i < applicants->len; i++)
    {
      KpApplicant *applicant = g_ptr_array_index (applicants, i);
      Status status = case_status (g_hash_table_lookup (by_id, &applicant->id));

      g_ptr_array_index (applicants, i) = NULL;
      g_ptr_array_add (items, registrant_item_new (applicant, status));
    }

  /* One splice: one items-changed for the whole table. */
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  refilter (self);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "table" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), selection_of (self) > 0
                                                              && self->job == NULL);
  update_count (self);
}

/* ---- the flags column ---------------------------------------------------------------------- */

/* Three icons, each shown only when its flag is set; the tooltip says what it means and the
 * accessible label says it to a screen reader. Built in C: the tooltips are translated. */
GtkWidget *
kp_registrant_flags_new (void)
{
  static const struct { const char *icon; const char *tip; } flags[] = {
    { "dialog-information-symbolic", N_("Education differs from the formasi") },
    { "edit-copy-symbolic", N_("NIK registered more than once") },
    { "dialog-warning-symbolic", N_("The import warned about this row") },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_set_size_request (box, 60, -1);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (flags[i].icon);

      gtk_widget_set_tooltip_text (image, _(flags[i].tip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(flags[i].tip), -1);
      if (i == 2)
        gtk_widget_add_css_class (image, "warning");
      gtk_widget_set_visible (image, FALSE);
      gtk_box_append (GTK_BOX (box), image);
    }
  return box;
}

void
kp_registrant_flags_update (GtkWidget        *flags_box,
                            KpApplicantFlags  flags,
                            const char       *warnings)
{
  const KpApplicantFlags order[] = { KP_APPLICANT_FLAG_EDUCATION_MISMATCH,
                                     KP_APPLICANT_FLAG_DUPLICATE_NIK, KP_APPLICANT_FLAG_WARNINGS };
  GtkWidget *image = gtk_widget_get_first_child (flags_box);

  for (guint i = 0; image != NULL && i < G_N_ELEMENTS (order); i++)
    {
      gtk_widget_set_visible (image, (flags & order[i]) != 0);
      /* The warnings' own words, where there are some. */
      if (i == 2 && warnings != NULL && *warnings != '\0')
        gtk_widget_set_tooltip_text (image, warnings);
      image = gtk_widget_get_next_sibling (image);
    }
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
  KpRegistrantItem *item = gtk_list_item_get_item (list_item);

  kp_registrant_flags_update (gtk_list_item_get_child (list_item), item->applicant->flags,
                              item->applicant->warnings);
}

/* ---- the record form --------------------------------------------------------------------- */

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : "—");
}

static void
open_record (KpRegistrantsPage *self,
             KpRegistrantItem  *item)
{
  g_autoptr(KpApplicant) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *education = NULL;
  g_autoptr(GString) flags = g_string_new (NULL);

  record = kp_applicant_get_record (db_of (self), item->applicant->id, &error);
  if (record == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  adw_window_title_set_title (self->record_title, record->name);
  adw_window_title_set_subtitle (self->record_title, record->reg_no);
  set_row (self->record_reg_no_row, record->reg_no);
  set_row (self->record_nik_row, record->nik);
  set_row (self->record_sex_row, g_strcmp0 (record->sex, "P") == 0 ? _("Female") : _("Male"));
  /* Translators: the birth place and date of the record form, e.g. "Kalianda, 1995-03-12" */
  birth = g_strdup_printf (_("%s, %s"), record->birth_place != NULL ? record->birth_place : "",
                           record->birth_date != NULL ? record->birth_date : "");
  set_row (self->record_birth_row, birth);
  set_row (self->record_formasi_row, record->formasi_code);
  education = record->study_programme != NULL && *record->study_programme != '\0'
                ? g_strdup_printf ("%s %s", record->education, record->study_programme)
                : g_strdup (record->education);
  set_row (self->record_education_row, education);
  grade = format_grade (record->grade_x100);
  set_row (self->record_grade_row, grade);
  set_row (self->record_email_row, record->email);
  set_row (self->record_phone_row, record->phone);
  set_row (self->record_address_row, record->address);
  if (record->flags & KP_APPLICANT_FLAG_EDUCATION_MISMATCH)
    g_string_append (flags, _("Education differs from the formasi"));
  if (record->flags & KP_APPLICANT_FLAG_DUPLICATE_NIK)
    g_string_append_printf (flags, "%s%s", flags->len > 0 ? "\n" : "",
                            _("NIK registered more than once"));
  set_row (self->record_flags_row, flags->str);
  gtk_label_set_label (self->record_warnings_label,
                       record->warnings != NULL && *record->warnings != '\0'
                         ? record->warnings : _("No warnings."));

  gtk_window_set_transient_for (self->record_dialog, get_parent_window (self));
  gtk_window_present (self->record_dialog);
}

static void
on_row_activated_cb (GtkColumnView     *view,
                     guint              position,
                     KpRegistrantsPage *self)
{
  g_autoptr(KpRegistrantItem) item =
    g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (item != NULL)
    open_record (self, item);
}

/* ---- the import -------------------------------------------------------------------------- */

/* Shared by the page and the worker thread. The worker only writes @fraction (atomically);
 * the page polls it, so no report queued on the main loop can outlive the page. */
struct _ImportJob
{
  char *db_path;
  char *actor;
  gint64 selection_id;
  GFile *file;
  GCancellable *cancellable;
  gint progress_permille;

  KpImportCounts counts;
  GPtrArray *problems;
};

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_free (job->actor);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

static void
on_import_progress (double   fraction,
                    gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->progress_permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
run_import (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(KpDatabase) db = NULL;
  GError *error = NULL;

  db = kp_database_open (job->db_path, &error);
  if (db != NULL)
    {
      if (job->actor != NULL)
        kp_database_set_actor (db, job->actor);
      if (kp_applicant_import (db, job->selection_id, job->file, FALSE, cancellable,
                               on_import_progress, job, &job->counts, &job->problems, &error))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  g_task_return_error (task, error);
}

static gboolean
poll_progress (gpointer user_data)
{
  KpRegistrantsPage *self = user_data;

  if (self->job != NULL)
    gtk_progress_bar_set_fraction (self->import_progress,
                                   g_atomic_int_get (&self->job->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_problems_saved_cb (gpointer    owner,
                      const char *message)
{
  show_toast (KP_REGISTRANTS_PAGE (owner), message);
}

static void
on_result_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       KpRegistrantsPage *self)
{
  if (g_strcmp0 (response, "save-problems") == 0 && self->problems != NULL)
    kp_import_result_save_problems (get_parent_window (self), GTK_WIDGET (self),
                                    self->problems_name, self->problems, on_problems_saved_cb);
}

/* The result of an import: a toast when every row went in, else a dialog listing the first
 * refused rows. Warnings are not listed: their rows are in, flagged in the table (the "Import
 * warnings" filter finds them), and a selection's import can warn about thousands of rows,
 * which a list of widgets cannot show quickly. "Save as CSV…" writes every problem. */
static void
show_import_result (KpRegistrantsPage *self,
                    ImportJob         *job)
{
  g_autofree char *summary = kp_import_result_summarize (&job->counts);
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (summary);
  AdwMessageDialog *dialog;
  guint n_refused = 0, n_warnings = 0;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->problems_name);
  self->problems_name = g_file_get_basename (job->file);
  for (guint i = 0; job->problems != NULL && i < job->problems->len; i++)
    {
      KpImportProblem *problem = g_ptr_array_index (job->problems, i);

      if (problem->warning)
        n_warnings++;
      else if (n_refused++ < PROBLEMS_LISTED)
        g_ptr_array_add (listed, problem);
    }
  if (n_warnings > 0)
    {
      g_string_append_c (body, ' ');
      /* Translators: after an import's summary */
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u warning: its row is in, flagged.",
                                                 "%u warnings: their rows are in, flagged.",
                                                 n_warnings),
                              n_warnings);
    }
  if (n_refused == 0)
    {
      show_toast (self, body->str);
      return;
    }
  if (n_refused > listed->len)
    {
      g_string_append_c (body, ' ');
      /* Translators: after an import's summary, when there are too many refused rows to list */
      g_string_append_printf (body, _("The first %u refused rows are listed; Save as CSV writes "
                                      "them all."),
                              listed->len);
    }

  self->problems = g_steal_pointer (&job->problems);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self),
                                                       _("Some Rows Were Refused"), body->str));
  adw_message_dialog_add_responses (dialog, "save-problems", _("_Save as CSV…"),
                                    "close", _("_Close"), NULL);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  adw_message_dialog_set_extra_child (dialog,
                                      kp_import_result_new_problem_list (listed, PROBLEMS_WIDTH,
                                                                         NULL));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_result_response_cb), self, 0);
  g_set_weak_pointer (&self->result_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  KpRegistrantsPage *self = KP_REGISTRANTS_PAGE (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  self->job = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && !g_error_matches (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CANCELLED))
        show_toast (self, error->message);
      reload (KP_SELECTION_TAB (self));
      return;
    }
  reload (KP_SELECTION_TAB (self));
  show_import_result (self, job);
}

void
_kp_registrants_page_import_file (KpRegistrantsPage *self,
                                  GFile             *file)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (KP_IS_REGISTRANTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (db_of (self) != NULL && selection_of (self) > 0);
  g_return_if_fail (self->job == NULL);

  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (kp_database_get_path (db_of (self)));
  job->actor = g_strdup (kp_database_get_actor (db_of (self)));
  job->selection_id = selection_of (self);
  job->file = g_object_ref (file);
  job->cancellable = g_cancellable_new ();
  self->job = job;

  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  self->progress_source = g_timeout_add (50, poll_progress, self);

  task = g_task_new (self, job->cancellable, on_import_done_cb, NULL);
  g_task_set_source_tag (task, _kp_registrants_page_import_file);
  /* The result is read after a cancellation too: the worker says what it wrote (nothing). */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, run_import);
}

static void
on_import_chosen (GFile   *file,
                  gpointer user_data)
{
  g_autoptr(KpRegistrantsPage) self = user_data;

  if (file != NULL && db_of (self) != NULL && selection_of (self) > 0 && self->job == NULL)
    _kp_registrants_page_import_file (self, file);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KpRegistrantsPage *self = KP_REGISTRANTS_PAGE (widget);
  static const char *const patterns[] = { "*.csv", "*.CSV", "*.txt", NULL };

  if (db_of (self) == NULL || selection_of (self) <= 0 || self->job != NULL)
    return;
  kp_file_chooser_open (get_parent_window (self), _("Import Registrants"), _("CSV files"),
                        patterns, on_import_chosen, g_object_ref (self));
}

static void
cancel_import_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KpRegistrantsPage *self = KP_REGISTRANTS_PAGE (widget);

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
}

/* ---- GObject ----------------------------------------------------------------------------- */

GtkWidget *
kp_registrants_page_new (void)
{
  return g_object_new (KP_TYPE_REGISTRANTS_PAGE, NULL);
}

void
kp_registrants_page_set_database (KpRegistrantsPage *self,
                                  KpDatabase        *database)
{
  g_return_if_fail (KP_IS_REGISTRANTS_PAGE (self));

  kp_selection_tab_set_database (KP_SELECTION_TAB (self), database);
}

void
kp_registrants_page_set_selection_id (KpRegistrantsPage *self,
                                      gint64             selection_id)
{
  g_return_if_fail (KP_IS_REGISTRANTS_PAGE (self));

  kp_selection_tab_set_selection_id (KP_SELECTION_TAB (self), selection_id);
}

static void
kp_registrants_page_dispose (GObject *object)
{
  KpRegistrantsPage *self = KP_REGISTRANTS_PAGE (object);

  /* The worker keeps its own connection and the task keeps the page: this only stops it. */
  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->record_dialog != NULL)
    gtk_window_destroy (self->record_dialog);
  /* The filter's function points at the page. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_weak_pointer (&self->result_dialog);
  /* The toast overlay is both a template child and AdwBin's child: let AdwBin unparent it
   * first, or disposing the template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KP_TYPE_REGISTRANTS_PAGE);

  G_OBJECT_CLASS (kp_registrants_page_parent_class)->dispose (object);
}

static void
kp_registrants_page_finalize (GObject *object)
{
  KpRegistrantsPage *self = KP_REGISTRANTS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_array_unref (self->formasi_ids);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->problems_name);

  G_OBJECT_CLASS (kp_registrants_page_parent_class)->finalize (object);
}

static void
kp_registrants_page_class_init (KpRegistrantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  KP_SELECTION_TAB_CLASS (klass)->reload = reload;

  object_class->dispose = kp_registrants_page_dispose;
  object_class->finalize = kp_registrants_page_finalize;

  g_type_ensure (KP_TYPE_REGISTRANT_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/"
                                               "kp-registrants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, formasi_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, formasi_list);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, flags_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, import_progress);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_dialog);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_title);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_reg_no_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_nik_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_sex_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_birth_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_formasi_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_education_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_grade_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_email_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_phone_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_address_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_flags_row);
  gtk_widget_class_bind_template_child (widget_class, KpRegistrantsPage, record_warnings_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flags_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flags_bind_cb);

  gtk_widget_class_install_action (widget_class, "registrants.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "registrants.cancel-import", NULL,
                                   cancel_import_activated);
}

static void
kp_registrants_page_init (KpRegistrantsPage *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->formasi_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->store = g_list_store_new (KP_TYPE_REGISTRANT_ITEM);
  self->filter = gtk_custom_filter_new (registrant_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* A search over 100,000 registrants is done in slices between frames. */
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  /* Sorted after filtering: a search sorts only what it found. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (sorter));
  gtk_sort_list_model_set_incremental (self->sorted, TRUE);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  reload (KP_SELECTION_TAB (self));
}

/* ---- for the tests ----------------------------------------------------------------------- */

gboolean
_kp_registrants_page_is_busy (KpRegistrantsPage *self)
{
  return gtk_filter_list_model_get_pending (self->filtered) > 0
         || gtk_sort_list_model_get_pending (self->sorted) > 0;
}

GtkColumnView *
_kp_registrants_page_get_column_view (KpRegistrantsPage *self)
{
  return self->column_view;
}

void
_kp_registrants_page_activate_row (KpRegistrantsPage *self,
                                   guint              position)
{
  on_row_activated_cb (self->column_view, position, self);
}

gboolean
_kp_registrants_page_is_importing (KpRegistrantsPage *self)
{
  return self->job != NULL;
}

AdwMessageDialog *
_kp_registrants_page_get_result_dialog (KpRegistrantsPage *self)
{
  return self->result_dialog;
}
