/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-import-dialog.c: importing a pegawai.csv, step by step.
 *
 * The steps are the pages of one GtkStack (kp-import-dialog.ui): choose a file → preview (the
 * first rows, the delimiter, and the field each column maps to, which the user can change) →
 * checking (a dry run of the whole file) → summary (the counts and every problem, before
 * anything is written) → importing → done. Errors land on an error page from which another
 * file can be chosen.
 *
 * Everything that reads the whole file runs in a GTask thread on its OWN KpDatabase and its own
 * KpEmployeeImport (a KpDatabase is not thread-safe), with the mapping the user chose copied
 * over. The worker's progress reaches the main thread at most every PROGRESS_INTERVAL, so a
 * 100,000-row file cannot flood the main loop; then kp_database_refresh_async() makes the
 * window's lists show what the import wrote. Cancel at any step writes nothing: the
 * model rolls its transaction back. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kompeten/kp-model.h"

#include "kp-file-chooser.h"
#include "kp-import-dialog.h"
#include "kp-import-dialog-private.h"

/* Twenty progress updates a second look smooth and cost the main loop nothing. */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 20)

/* ---- rows of the two tables ------------------------------------------------------------- */

/* A row of the preview table: a record of the file as read, or (cells NULL) the row of
 * drop-downs that says which field each column maps to. */
#define KP_TYPE_IMPORT_PREVIEW_ROW (kp_import_preview_row_get_type ())
G_DECLARE_FINAL_TYPE (KpImportPreviewRow, kp_import_preview_row, KP, IMPORT_PREVIEW_ROW, GObject)

struct _KpImportPreviewRow
{
  GObject parent_instance;

  guint64 line;
  GStrv cells;
};

G_DEFINE_FINAL_TYPE (KpImportPreviewRow, kp_import_preview_row, G_TYPE_OBJECT)

static void
kp_import_preview_row_finalize (GObject *object)
{
  KpImportPreviewRow *self = KP_IMPORT_PREVIEW_ROW (object);

  g_strfreev (self->cells);

  G_OBJECT_CLASS (kp_import_preview_row_parent_class)->finalize (object);
}

static void
kp_import_preview_row_class_init (KpImportPreviewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_import_preview_row_finalize;
}

static void
kp_import_preview_row_init (KpImportPreviewRow *self)
{
}

static KpImportPreviewRow *
preview_row_new (guint64            line,
                 const char *const *cells)
{
  KpImportPreviewRow *row = g_object_new (KP_TYPE_IMPORT_PREVIEW_ROW, NULL);

  row->line = line;
  row->cells = cells != NULL ? g_strdupv ((char **) cells) : NULL;
  return row;
}

/* A row of the problems table: one KpImportProblem of the model's array, which it keeps
 * alive (the model hands out structs, a GListModel needs objects). */
#define KP_TYPE_IMPORT_PROBLEM_ROW (kp_import_problem_row_get_type ())
G_DECLARE_FINAL_TYPE (KpImportProblemRow, kp_import_problem_row, KP, IMPORT_PROBLEM_ROW, GObject)

struct _KpImportProblemRow
{
  GObject parent_instance;

  GPtrArray *problems;
  const KpImportProblem *problem; /* in problems */
};

G_DEFINE_FINAL_TYPE (KpImportProblemRow, kp_import_problem_row, G_TYPE_OBJECT)

static void
kp_import_problem_row_finalize (GObject *object)
{
  KpImportProblemRow *self = KP_IMPORT_PROBLEM_ROW (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (kp_import_problem_row_parent_class)->finalize (object);
}

static void
kp_import_problem_row_class_init (KpImportProblemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_import_problem_row_finalize;
}

static void
kp_import_problem_row_init (KpImportProblemRow *self)
{
}

/* ---- the work done in a thread ------------------------------------------------------------ */

typedef enum {
  JOB_OPEN,   /* read the header and the first rows */
  JOB_CHECK,  /* the dry run */
  JOB_IMPORT,
} JobKind;

/* Shared by the dialog and its worker thread; reference-counted because a progress report
 * queued on the main loop may outlive both the task and the dialog. */
typedef struct {
  JobKind kind;
  GWeakRef dialog;
  GMainContext *context;
  GCancellable *cancellable;

  /* input: JOB_OPEN reads the preview's own import; the others open their own */
  KpEmployeeImport *import;
  char *db_path;
  char *actor;
  GFile *file;
  KpEmployeeField *mapping;
  guint n_columns;
  gboolean all_or_nothing;

  /* progress, from the worker to the main thread */
  GMutex lock;
  double fraction;
  gint64 last_report;
  gboolean report_pending;

  /* results, set by the worker before it returns */
  KpImportCounts counts;
  GPtrArray *problems;
  int date_format;
} Job;

static void
job_clear (Job *job)
{
  g_weak_ref_clear (&job->dialog);
  g_main_context_unref (job->context);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->import);
  g_free (job->db_path);
  g_free (job->actor);
  g_clear_object (&job->file);
  g_free (job->mapping);
  g_mutex_clear (&job->lock);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_unref (Job *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_unref)

/* ---- the dialog --------------------------------------------------------------------------- */

struct _KpImportDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkButton *back_button;
  GtkButton *cancel_button;
  GtkButton *next_button;
  GtkStack *stack;
  GtkSpinner *loading_spinner;
  GtkLabel *loading_label;
  AdwStatusPage *error_page;
  GtkLabel *file_label;
  GtkLabel *delimiter_label;
  GtkLabel *date_format_label;
  GtkLabel *preview_rows_label;
  GtkLabel *mapping_error_label;
  GtkColumnView *preview_view;
  GtkProgressBar *checking_progress;
  GtkLabel *read_label;
  GtkLabel *created_label;
  GtkLabel *updated_label;
  GtkLabel *unchanged_label;
  GtkLabel *rejected_label;
  GtkLabel *warnings_label;
  GtkLabel *units_label;
  GtkLabel *positions_label;
  GtkLabel *summary_date_format_label;
  GtkCheckButton *all_or_nothing_check;
  GtkLabel *import_hint_label;
  GtkLabel *problems_label;
  GtkStack *problems_stack;
  GtkColumnView *problems_view;
  GtkColumnViewColumn *line_column;
  GtkProgressBar *importing_progress;
  AdwStatusPage *done_page;
  GtkButton *done_save_button;

  /* template objects */
  GListStore *preview_store;
  GListStore *problem_store;
  GtkSortListModel *problems_sort_model;
  GtkCustomSorter *line_sorter;
  GtkCustomSorter *column_sorter;
  GtkCustomSorter *reason_sorter;
  GtkCustomSorter *kind_sorter;

  /* borrowed: the drop-down on screen under each column of the file (NULL when none) */
  GPtrArray *drop_downs;

  /* owned */
  KpDatabase *database;
  GFile *file;
  KpEmployeeImport *import;  /* the preview's: header, first rows, mapping (main thread only) */
  GtkStringList *field_names; /* "(ignored)", then each field's label */
  Job *job;                   /* the work running in a thread, or NULL */
  gboolean mapping_ok;
  gboolean close_when_idle;
  gboolean syncing_drop_downs;
  guint choose_source;

  /* the last check or import: what the summary or the done page shows */
  gboolean checked;
  KpImportCounts counts;
  GPtrArray *problems;
  int date_format;
  guint refreshing; /* re-reads of the window's lists still running */
};

static void
on_database_refreshed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(KpImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kp_database_refresh_finish (KP_DATABASE (source), result, &error))
    g_warning ("Could not re-read the database after the import: %s", error->message);
  self->refreshing--;
}

G_DEFINE_FINAL_TYPE (KpImportDialog, kp_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const csv_patterns[] = { "*.csv", NULL };

static void start_job (KpImportDialog *self, JobKind kind);

/* A count with the locale's digit grouping ("1.234" in Indonesian), to put into a
 * translatable "%s" (64-bit numbers cannot be grouped by a format gettext understands). */
static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static void
set_count (GtkLabel *label,
           guint64   n)
{
  g_autofree char *text = format_count (n);

  gtk_label_set_label (label, text);
}

static char *
describe_delimiter (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      /* Translators: the character between the columns of the file */
      return g_strdup (_("Delimiter: comma"));
    case ';':
      return g_strdup (_("Delimiter: semicolon"));
    case '\t':
      return g_strdup (_("Delimiter: tab"));
    default:
      /* Translators: %c is the character between the columns of the file */
      return g_strdup_printf (_("Delimiter: “%c”"), delimiter);
    }
}

static const char *
describe_date_format (KpImportDialog *self)
{
  if (!self->checked)
    /* Translators: the format of the birth dates is known only after the whole file was read */
    return _("detected when the file is checked");
  if (self->date_format == KP_DATE_FORMAT_ANY)
    /* Translators: the birth dates of the file are written in more than one format */
    return _("mixed formats");
  return kp_date_format_to_string (self->date_format);
}

static void
update_date_format (KpImportDialog *self)
{
  /* Translators: %s is a date format such as DD-MM-YYYY */
  g_autofree char *text = g_strdup_printf (_("Birth dates: %s"), describe_date_format (self));

  gtk_label_set_label (self->date_format_label, text);
  gtk_label_set_label (self->summary_date_format_label, describe_date_format (self));
}

static guint
count_errors (GPtrArray *problems)
{
  guint n = 0;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (!((KpImportProblem *) g_ptr_array_index (problems, i))->warning)
      n++;
  return n;
}

/* Rows the import will write. */
static guint64
rows_to_write (KpImportDialog *self)
{
  return self->counts.created + self->counts.updated;
}

static gboolean
can_import (KpImportDialog *self)
{
  if (!self->checked || rows_to_write (self) == 0)
    return FALSE;
  /* All or nothing with rows already refused would write nothing: say so rather than offer
   * a button that does nothing. */
  return !(gtk_check_button_get_active (self->all_or_nothing_check) && self->counts.rejected > 0);
}

/* The header bar and the actions follow the page. */
static void
update_header (KpImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean busy = self->job != NULL;
  gboolean next_enabled = FALSE;
  g_autofree char *next_label = NULL;

  if (page == NULL)
    return;

  if (g_str_equal (page, "preview"))
    {
      /* Translators: the button that starts the dry run of the whole file */
      next_label = g_strdup (_("Chec_k"));
      next_enabled = self->mapping_ok;
    }
  else if (g_str_equal (page, "summary"))
    {
      guint64 n = rows_to_write (self);
      g_autofree char *count = format_count (n);

      /* Translators: the primary button of the summary; %s is the number of rows written */
      next_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %s Row",
                                                 "_Import %s Rows", n),
                                    count);
      next_enabled = can_import (self);
    }
  else if (g_str_equal (page, "done"))
    {
      next_label = g_strdup (_("_Close"));
      next_enabled = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), next_label != NULL);
  if (next_label != NULL)
    gtk_button_set_label (self->next_button, next_label);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), g_str_equal (page, "summary"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !g_str_equal (page, "done"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", next_enabled && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back",
                                 g_str_equal (page, "summary") && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-problems",
                                 (g_str_equal (page, "summary") || g_str_equal (page, "done")) &&
                                 count_errors (self->problems) > 0);

  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
}

static void
show_page (KpImportDialog *self,
           const char     *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_header (self);
}

static void
show_error (KpImportDialog *self,
            const char     *message)
{
  adw_status_page_set_description (self->error_page, message);
  show_page (self, "error");
}

static void
show_toast (KpImportDialog *self,
            const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
forget_results (KpImportDialog *self)
{
  self->checked = FALSE;
  memset (&self->counts, 0, sizeof self->counts);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->date_format = KP_DATE_FORMAT_ANY;
  g_list_store_remove_all (self->problem_store);
}

/* ---- preview ---------------------------------------------------------------------------- */

/* Shows each column's field in its drop-down, without taking that for a choice of the user. */
static void
sync_drop_downs (KpImportDialog *self)
{
  self->syncing_drop_downs = TRUE;
  for (guint c = 0; c < self->drop_downs->len; c++)
    {
      GtkDropDown *drop_down = g_ptr_array_index (self->drop_downs, c);

      if (drop_down != NULL)
        gtk_drop_down_set_selected (drop_down, kp_employee_import_get_mapping (self->import, c) + 1);
    }
  self->syncing_drop_downs = FALSE;
}

static void
update_mapping_state (KpImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  self->mapping_ok = kp_employee_import_check_mapping (self->import, &error);
  gtk_label_set_label (self->mapping_error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), error != NULL);
  update_header (self);
}

static void
on_drop_down_notify_selected_cb (GtkDropDown    *drop_down,
                                 GParamSpec     *pspec,
                                 KpImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "kp-column"));
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->syncing_drop_downs || self->import == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* Item 0 is "(ignored)", item n + 1 is field n. */
  kp_employee_import_set_mapping (self->import, column, (KpEmployeeField) ((int) selected - 1));
  /* A field belongs to one column: the model took it from any other column that had it. */
  sync_drop_downs (self);
  /* A check made with the old mapping no longer holds. */
  forget_results (self);
  update_date_format (self);
  update_mapping_state (self);
}

static void
on_line_cell_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       KpImportDialog           *self)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 4);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 6);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
  gtk_widget_add_css_class (inscription, "numeric");
  gtk_list_item_set_child (item, inscription);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_line_cell_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      KpImportDialog           *self)
{
  KpImportPreviewRow *row = gtk_list_item_get_item (item);
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  g_autofree char *line = NULL;

  if (row->cells == NULL)
    {
      /* Translators: beside the drop-downs that give the field each column is read into */
      gtk_inscription_set_text (inscription, _("Field"));
      gtk_widget_add_css_class (GTK_WIDGET (inscription), "heading");
      return;
    }
  line = g_strdup_printf ("%" G_GUINT64_FORMAT, row->line);
  gtk_inscription_set_text (inscription, line);
  gtk_widget_remove_css_class (GTK_WIDGET (inscription), "heading");
}

/* A cell of a file column: an inscription for the records, and in the mapping row a
 * drop-down, made only when a cell first shows that row (a drop-down in each of the few hundred
 * cells would take a noticeable moment to build). The view recycles cells between rows. */
static void
on_field_cell_setup_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        KpImportDialog           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  guint chars = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "kp-chars"));

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), MIN (chars, 6));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), inscription);

  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static GtkWidget *
make_drop_down (KpImportDialog           *self,
                GtkSignalListItemFactory *factory)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "kp-column"));
  const char *title = g_object_get_data (G_OBJECT (factory), "kp-title");
  GtkWidget *drop_down = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->field_names)), NULL);
  /* Translators: the accessible name of the drop-down under a column; %s is its header */
  g_autofree char *label = g_strdup_printf (_("Field of column “%s”"), title);

  g_object_set_data (G_OBJECT (drop_down), "kp-column", GUINT_TO_POINTER (column));
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (drop_down, _("The field this column is read into"));
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_drop_down_notify_selected_cb),
                    self);
  return drop_down;
}

static void
on_field_cell_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       KpImportDialog           *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "kp-column"));
  KpImportPreviewRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *inscription = gtk_widget_get_first_child (box);
  GtkWidget *drop_down = gtk_widget_get_next_sibling (inscription);
  gboolean is_mapping = row->cells == NULL;

  if (is_mapping && drop_down == NULL)
    {
      drop_down = make_drop_down (self, factory);
      gtk_box_append (GTK_BOX (box), drop_down);
    }
  if (drop_down != NULL)
    gtk_widget_set_visible (drop_down, is_mapping);
  gtk_widget_set_visible (inscription, !is_mapping);

  if (is_mapping)
    {
      g_ptr_array_index (self->drop_downs, column) = drop_down;
      sync_drop_downs (self);
    }
  else
    {
      /* A record may have fewer fields than the header. */
      const char *text = column < g_strv_length (row->cells) ? row->cells[column] : "";

      gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
      gtk_widget_set_tooltip_text (inscription, text[0] != '\0' ? text : NULL);
    }
}

static void
on_field_cell_unbind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         KpImportDialog           *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "kp-column"));
  GtkWidget *drop_down = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  if (column < self->drop_downs->len && g_ptr_array_index (self->drop_downs, column) == drop_down)
    g_ptr_array_index (self->drop_downs, column) = NULL;
}

static void
clear_preview_columns (KpImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
  g_list_store_remove_all (self->preview_store);
  g_ptr_array_set_size (self->drop_downs, 0);
}

/* How wide column @c of the preview should be, in characters: as its widest value, within
 * reason (a long value is cut and shown whole in its tooltip). */
static guint
column_chars (GStrv      header,
              GPtrArray *records,
              guint      c)
{
  glong chars = g_utf8_strlen (header[c], -1);

  for (guint i = 0; i < records->len; i++)
    {
      GStrv cells = g_ptr_array_index (records, i);

      if (c < g_strv_length (cells))
        chars = MAX (chars, g_utf8_strlen (cells[c], -1));
    }
  return CLAMP (chars, 4, 28);
}

/* The one layout made in code: the columns are the file's. */
static void
build_preview (KpImportDialog *self)
{
  GStrv header = kp_employee_import_get_header (self->import);
  GPtrArray *records = kp_employee_import_get_preview (self->import);
  guint n_columns = g_strv_length (header);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkListItemFactory) line_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) line_column = NULL;
  g_autofree char *delimiter = NULL;
  g_autofree char *shown = NULL;

  clear_preview_columns (self);
  g_ptr_array_set_size (self->drop_downs, n_columns);

  g_signal_connect (line_factory, "setup", G_CALLBACK (on_line_cell_setup_cb), self);
  g_signal_connect (line_factory, "bind", G_CALLBACK (on_line_cell_bind_cb), self);
  /* Translators: the column of the preview with the line number in the file */
  line_column = gtk_column_view_column_new (_("Line"), g_object_ref (line_factory));
  gtk_column_view_append_column (self->preview_view, line_column);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *title = NULL;

      g_object_set_data (G_OBJECT (factory), "kp-column", GUINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "kp-chars",
                         GUINT_TO_POINTER (column_chars (header, records, c)));
      g_signal_connect (factory, "setup", G_CALLBACK (on_field_cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_field_cell_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_field_cell_unbind_cb), self);

      if (header[c][0] != '\0')
        title = g_strdup (header[c]);
      else
        /* Translators: the title of a column whose header is empty; %u counts from 1 */
        title = g_strdup_printf (_("Column %u"), c + 1);
      g_object_set_data_full (G_OBJECT (factory), "kp-title", g_strdup (title), g_free);
      column = gtk_column_view_column_new (title, g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->preview_view, column);
    }

  g_ptr_array_add (rows, preview_row_new (0, NULL));
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (rows, preview_row_new (kp_employee_import_get_preview_line (self->import, i),
                                            g_ptr_array_index (records, i)));
  g_list_store_splice (self->preview_store, 0, 0, rows->pdata, rows->len);

  gtk_label_set_label (self->file_label, adw_window_title_get_subtitle (self->window_title));
  delimiter = describe_delimiter (kp_employee_import_get_delimiter (self->import));
  gtk_label_set_label (self->delimiter_label, delimiter);
  update_date_format (self);
  /* Translators: how many records of the file the preview shows */
  shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "First %u row shown",
                                        "First %u rows shown", records->len),
                           records->len);
  gtk_label_set_label (self->preview_rows_label, records->len > 0 ? shown : _("No rows after the header"));
  update_mapping_state (self);
}

/* ---- summary and done --------------------------------------------------------------------- */

static void
fill_problems (KpImportDialog *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *rejected = format_count (self->counts.rejected);
  g_autofree char *warnings = format_count (self->counts.warnings);
  g_autofree char *rejected_text = NULL;
  g_autofree char *warnings_text = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      KpImportProblemRow *row = g_object_new (KP_TYPE_IMPORT_PROBLEM_ROW, NULL);

      row->problems = g_ptr_array_ref (self->problems);
      row->problem = g_ptr_array_index (self->problems, i);
      g_ptr_array_add (rows, row);
    }
  /* One splice: 10,000 appends would be 10,000 items-changed. */
  g_list_store_splice (self->problem_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problem_store)),
                       rows->pdata, rows->len);
  gtk_stack_set_visible_child_name (self->problems_stack, rows->len > 0 ? "list" : "none");

  /* Translators: the title over the problems table, e.g. "4 rows rejected, 1 warning" */
  rejected_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row rejected", "%s rows rejected",
                                                self->counts.rejected),
                                   rejected);
  warnings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s warning", "%s warnings",
                                                self->counts.warnings),
                                   warnings);
  /* Translators: joins "4 rows rejected" and "1 warning" */
  title = g_strdup_printf (_("%s, %s"), rejected_text, warnings_text);
  gtk_label_set_label (self->problems_label, title);
}

static void
update_import_hint (KpImportDialog *self)
{
  g_autofree char *rejected = format_count (self->counts.rejected);
  g_autofree char *hint = NULL;

  if (!self->checked)
    hint = NULL;
  else if (rows_to_write (self) == 0 && self->counts.rejected == 0)
    hint = g_strdup (_("Every row is already in the register as written: there is nothing to import."));
  else if (rows_to_write (self) == 0)
    hint = g_strdup (_("No row can be imported. Correct the rejected rows and choose the file again."));
  else if (gtk_check_button_get_active (self->all_or_nothing_check) && self->counts.rejected > 0)
    /* Translators: %s is a number of rows */
    hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Nothing would be imported: %s row is rejected. Correct it, or import the good rows only.",
                                         "Nothing would be imported: %s rows are rejected. Correct them, or import the good rows only.",
                                         self->counts.rejected),
                            rejected);
  else if (self->counts.rejected > 0)
    hint = g_strdup (_("Rejected rows are left out. Save them as CSV to correct them, then import that file."));

  gtk_label_set_label (self->import_hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->import_hint_label), hint != NULL);
}

static void
fill_summary (KpImportDialog *self)
{
  set_count (self->read_label, self->counts.read);
  set_count (self->created_label, self->counts.created);
  set_count (self->updated_label, self->counts.updated);
  set_count (self->unchanged_label, self->counts.unchanged);
  set_count (self->rejected_label, self->counts.rejected);
  set_count (self->warnings_label, self->counts.warnings);
  set_count (self->units_label, self->counts.units_created);
  set_count (self->positions_label, self->counts.positions_created);
  if (self->counts.rejected > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->rejected_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rejected_label), "error");
  update_date_format (self);
  fill_problems (self);
  update_import_hint (self);
}

/* @format: a translated plural form with one %s, for @n. */
static void
append_part (GString    *text,
             const char *format,
             guint64     n)
{
  g_autofree char *count = format_count (n);

  if (text->len > 0)
    /* Translators: between the parts of "480 employees added, 3 updated, 17 rows rejected" */
    g_string_append (text, _(", "));
  g_string_append_printf (text, format, count);
}

static void
fill_done (KpImportDialog *self,
           gboolean        all_or_nothing)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean wrote = self->counts.created > 0 || self->counts.updated > 0;

  if (all_or_nothing && self->counts.rejected > 0)
    {
      g_autofree char *rejected = format_count (self->counts.rejected);

      adw_status_page_set_title (self->done_page, _("Nothing Was Imported"));
      adw_status_page_set_icon_name (self->done_page, "dialog-warning-symbolic");
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                          "%s row was rejected, so nothing was written (all or nothing).",
                                          "%s rows were rejected, so nothing was written (all or nothing).",
                                          self->counts.rejected),
                       rejected);
    }
  else
    {
      adw_status_page_set_title (self->done_page, wrote ? _("Import Finished") : _("Nothing to Change"));
      adw_status_page_set_icon_name (self->done_page, "object-select-symbolic");
      /* Translators: the parts of "480 employees added, 3 updated, 17 rows rejected, 2 new
       * units"; %s is a number */
      append_part (text, g_dngettext (GETTEXT_PACKAGE, "%s employee added", "%s employees added",
                                      self->counts.created),
                   self->counts.created);
      append_part (text, g_dngettext (GETTEXT_PACKAGE, "%s updated", "%s updated",
                                      self->counts.updated),
                   self->counts.updated);
      append_part (text, g_dngettext (GETTEXT_PACKAGE, "%s row rejected", "%s rows rejected",
                                      self->counts.rejected),
                   self->counts.rejected);
      if (self->counts.units_created > 0)
        append_part (text, g_dngettext (GETTEXT_PACKAGE, "%s new unit", "%s new units",
                                        self->counts.units_created),
                     self->counts.units_created);
      if (self->counts.positions_created > 0)
        append_part (text, g_dngettext (GETTEXT_PACKAGE, "%s new position", "%s new positions",
                                        self->counts.positions_created),
                     self->counts.positions_created);
    }
  adw_status_page_set_description (self->done_page, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->done_save_button), count_errors (self->problems) > 0);
}

/* ---- the worker ---------------------------------------------------------------------------- */

static gboolean
report_progress (gpointer user_data)
{
  Job *job = user_data;
  g_autoptr(KpImportDialog) self = g_weak_ref_get (&job->dialog);
  double fraction;

  g_mutex_lock (&job->lock);
  fraction = job->fraction;
  job->report_pending = FALSE;
  g_mutex_unlock (&job->lock);

  /* A report that arrives after the job ended, or after the dialog closed, is dropped. */
  if (self != NULL && self->job == job)
    gtk_progress_bar_set_fraction (job->kind == JOB_IMPORT ? self->importing_progress
                                                           : self->checking_progress,
                                   CLAMP (fraction, 0.0, 1.0));
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread. Keeps only the latest fraction and queues at most one report
 * at a time, and none sooner than PROGRESS_INTERVAL after the last. */
static void
on_worker_progress (double   fraction,
                    gpointer user_data)
{
  Job *job = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean send = FALSE;

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  if (!job->report_pending && (fraction >= 1.0 || now - job->last_report >= PROGRESS_INTERVAL))
    {
      job->report_pending = TRUE;
      job->last_report = now;
      send = TRUE;
    }
  g_mutex_unlock (&job->lock);

  if (send)
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress, job_ref (job),
                                (GDestroyNotify) job_unref);
}

static gboolean
run_check_or_import (Job           *job,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(KpDatabase) db = NULL;
  g_autoptr(KpEmployeeImport) import = NULL;
  gboolean ok;

  db = kp_database_open (job->db_path, error);
  if (db == NULL)
    return FALSE;
  if (job->actor != NULL)
    kp_database_set_actor (db, job->actor);

  import = kp_employee_import_new (db, job->file);
  if (!kp_employee_import_open (import, error))
    return FALSE;
  if (g_strv_length (kp_employee_import_get_header (import)) != job->n_columns)
    {
      g_autofree char *name = g_file_get_basename (job->file);

      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FILE,
                   _("“%s” was changed by another program after it was opened. Choose it again."),
                   name);
      return FALSE;
    }
  /* Cleared first, then set: each field is in at most one place of the copy. */
  for (guint c = 0; c < job->n_columns; c++)
    kp_employee_import_set_mapping (import, c, KP_EMPLOYEE_FIELD_NONE);
  for (guint c = 0; c < job->n_columns; c++)
    if (job->mapping[c] != KP_EMPLOYEE_FIELD_NONE)
      kp_employee_import_set_mapping (import, c, job->mapping[c]);

  if (job->kind == JOB_CHECK)
    ok = kp_employee_import_analyze (import, cancellable, on_worker_progress, job, error);
  else
    ok = kp_employee_import_apply (import, job->all_or_nothing, cancellable, on_worker_progress,
                                   job, error);
  if (!ok)
    return FALSE;

  job->counts = *kp_employee_import_get_counts (import);
  job->problems = g_ptr_array_ref (kp_employee_import_get_problems (import));
  job->date_format = kp_employee_import_get_date_format (import);
  return TRUE;
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->kind == JOB_OPEN)
    /* Only the file is read: the import's database is not touched here. */
    ok = kp_employee_import_open (job->import, &error);
  else
    ok = run_check_or_import (job, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
has_header (KpEmployeeImport *import)
{
  GStrv header = kp_employee_import_get_header (import);

  for (guint c = 0; header[c] != NULL; c++)
    {
      KpEmployeeField field = kp_employee_import_get_mapping (import, c);

      if (field == KP_EMPLOYEE_FIELD_NIP || field == KP_EMPLOYEE_FIELD_NAME)
        return TRUE;
    }
  return FALSE;
}

static void
on_job_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(KpImportDialog) self = g_weak_ref_get (&job->dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean cancelled = g_error_matches (error, KP_MODEL_ERROR, KP_MODEL_ERROR_CANCELLED) ||
                       g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The worker is done with the job. Its reference to the task may outlive this callback for a
   * moment: drop the main connection's import here, on the main thread. */
  g_clear_object (&job->import);

  /* The dialog was closed (and disposed) while the worker ran. */
  if (self == NULL || self->job != job)
    return;
  /* The task still holds the job. */
  g_clear_pointer (&self->job, job_unref);

  if (ok && job->kind == JOB_IMPORT)
    /* The worker wrote through its own connection: the window's lists re-read the file, in a
     * thread too, so that 100,000 new records do not stall the window. */
    {
      self->refreshing++;
      kp_database_refresh_async (self->database, NULL, on_database_refreshed_cb,
                                 g_object_ref (self));
    }

  if (self->close_when_idle)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  switch (job->kind)
    {
    case JOB_OPEN:
      if (!ok)
        {
          g_clear_object (&self->import);
          show_error (self, error->message);
          return;
        }
      if (!has_header (self->import))
        {
          g_autoptr(GError) mapping_error = NULL;

          /* A first line naming neither the NIP nor the name is not a header at all (data, or
           * another kind of file): mapping it by hand would lose its first record. */
          kp_employee_import_check_mapping (self->import, &mapping_error);
          g_clear_object (&self->import);
          show_error (self, mapping_error != NULL ? mapping_error->message : "");
          return;
        }
      build_preview (self);
      show_page (self, "preview");
      break;

    case JOB_CHECK:
      if (cancelled)
        {
          show_page (self, "preview");
          show_toast (self, _("Check cancelled"));
          return;
        }
      if (!ok)
        {
          show_error (self, error->message);
          return;
        }
      self->checked = TRUE;
      self->counts = job->counts;
      g_clear_pointer (&self->problems, g_ptr_array_unref);
      self->problems = g_steal_pointer (&job->problems);
      self->date_format = job->date_format;
      fill_summary (self);
      show_page (self, "summary");
      break;

    case JOB_IMPORT:
      if (cancelled)
        {
          show_page (self, "summary");
          show_toast (self, _("Import cancelled: nothing was written"));
          return;
        }
      if (!ok)
        {
          show_error (self, error->message);
          return;
        }
      self->counts = job->counts;
      g_clear_pointer (&self->problems, g_ptr_array_unref);
      self->problems = g_steal_pointer (&job->problems);
      fill_problems (self);
      fill_done (self, job->all_or_nothing);
      show_page (self, "done");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
start_job (KpImportDialog *self,
           JobKind         kind)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_assert (self->job == NULL);

  job = g_atomic_rc_box_new0 (Job);
  job->kind = kind;
  g_weak_ref_init (&job->dialog, self);
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = g_cancellable_new ();
  g_mutex_init (&job->lock);
  job->date_format = KP_DATE_FORMAT_ANY;

  if (kind == JOB_OPEN)
    job->import = g_object_ref (self->import);
  else
    {
      job->db_path = g_strdup (kp_database_get_path (self->database));
      job->actor = g_strdup (kp_database_get_actor (self->database));
      job->file = g_object_ref (self->file);
      job->n_columns = g_strv_length (kp_employee_import_get_header (self->import));
      job->mapping = g_new (KpEmployeeField, job->n_columns);
      for (guint c = 0; c < job->n_columns; c++)
        job->mapping[c] = kp_employee_import_get_mapping (self->import, c);
      job->all_or_nothing = gtk_check_button_get_active (self->all_or_nothing_check);
    }
  self->job = job;

  /* The task does not hold the dialog: the worker thread drops its reference to the task
   * after the result has reached the main thread, and a widget must not be finalised there. */
  task = g_task_new (NULL, job->cancellable, on_job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  /* The worker's own answer counts: a Cancel that comes after the import committed must not
   * be reported as "nothing was written". */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job_ref (job), (GDestroyNotify) job_unref);
  g_task_run_in_thread (task, run_job);
}

/* ---- files -------------------------------------------------------------------------------- */

static void
on_import_file_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(KpImportDialog) self = user_data;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->stack == NULL)
    return;
  if (file != NULL)
    kp_import_dialog_load_file (self, file);
  else if (self->file == NULL)
    /* Presented without a file and the user chose none: there is nothing to show. */
    gtk_window_close (GTK_WINDOW (self));
}

static void
choose_file (KpImportDialog *self)
{
  kp_file_chooser_open (GTK_WINDOW (self), _("Import Employees"), _("CSV (*.csv)"), csv_patterns,
                        on_import_file_chosen, g_object_ref (self));
}

static gboolean
choose_file_at_start (gpointer user_data)
{
  KpImportDialog *self = user_data;

  self->choose_source = 0;
  if (self->file == NULL && self->job == NULL)
    choose_file (self);
  return G_SOURCE_REMOVE;
}

static void
on_problems_file_chosen (GFile    *file,
                         gpointer  user_data)
{
  g_autoptr(KpImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (file == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)) || self->stack == NULL)
    return;

  name = g_file_get_basename (file);
  if (_kp_import_dialog_save_problems (self, file, &error))
    /* Translators: %s is the name of the file written */
    title = g_strdup_printf (_("Problems saved to “%s”"), name);
  else
    title = g_strdup (error->message);
  show_toast (self, title);
}

/* ---- actions ------------------------------------------------------------------------------ */

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpImportDialog *self = KP_IMPORT_DIALOG (widget);

  if (self->job != NULL)
    {
      /* Reading the first rows takes a moment: cancelling it means leaving. */
      if (self->job->kind == JOB_OPEN)
        self->close_when_idle = TRUE;
      g_cancellable_cancel (self->job->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_page (KP_IMPORT_DIALOG (widget), "preview");
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KpImportDialog *self = KP_IMPORT_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "preview") && self->mapping_ok)
    {
      gtk_progress_bar_set_fraction (self->checking_progress, 0.0);
      start_job (self, JOB_CHECK);
      show_page (self, "checking");
    }
  else if (g_str_equal (page, "summary") && can_import (self))
    {
      gtk_progress_bar_set_fraction (self->importing_progress, 0.0);
      start_job (self, JOB_IMPORT);
      show_page (self, "importing");
    }
  else if (g_str_equal (page, "done"))
    gtk_window_close (GTK_WINDOW (self));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (KP_IMPORT_DIALOG (widget));
}

static void
save_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpImportDialog *self = KP_IMPORT_DIALOG (widget);
  g_autofree char *basename = g_file_get_basename (self->file);
  char *dot = strrchr (basename, '.');
  g_autofree char *suggested = NULL;

  if (dot != NULL && dot != basename)
    *dot = '\0';
  /* Translators: the proposed name of the file of rejected rows; %s is the imported file's
   * name without .csv */
  suggested = g_strdup_printf (_("%s-rejected.csv"), basename);
  kp_file_chooser_save (GTK_WINDOW (self), _("Save Problems"), suggested, _("CSV (*.csv)"),
                        csv_patterns, on_problems_file_chosen, g_object_ref (self));
}

/* ---- signal handlers ---------------------------------------------------------------------- */

static gboolean
on_close_request_cb (GtkWindow      *window,
                     KpImportDialog *self)
{
  if (self->job == NULL)
    return FALSE;

  /* Let the worker roll back and finish first: it holds the file and its own connection. */
  self->close_when_idle = TRUE;
  g_cancellable_cancel (self->job->cancellable);
  return TRUE;
}

static void
on_stack_notify_visible_child_name_cb (GtkStack       *stack,
                                       GParamSpec     *pspec,
                                       KpImportDialog *self)
{
  update_header (self);
}

static void
on_all_or_nothing_check_notify_active_cb (GtkCheckButton *check,
                                          GParamSpec     *pspec,
                                          KpImportDialog *self)
{
  update_import_hint (self);
  update_header (self);
}

/* Cell formatters and sorters of the problems table, named in the .ui. */

static char *
format_problem_line (gpointer            unused,
                     KpImportProblemRow *row)
{
  /* Line numbers are not grouped: "line 12345" is how editors and spreadsheets show them. */
  return row != NULL ? g_strdup_printf ("%" G_GUINT64_FORMAT, row->problem->line) : NULL;
}

static char *
format_problem_column (gpointer            unused,
                       KpImportProblemRow *row)
{
  if (row == NULL)
    return NULL;
  if (row->problem->column[0] == '\0')
    /* Translators: in the Column column, for a problem of a record as a whole */
    return g_strdup (_("(whole row)"));
  return g_strdup (row->problem->column);
}

static char *
format_problem_value (gpointer            unused,
                      KpImportProblemRow *row)
{
  return row != NULL && row->problem->value[0] != '\0' ? g_strdup (row->problem->value) : NULL;
}

static char *
format_problem_reason (gpointer            unused,
                       KpImportProblemRow *row)
{
  return row != NULL ? g_strdup (row->problem->reason) : NULL;
}

static char *
format_problem_kind (gpointer            unused,
                     KpImportProblemRow *row)
{
  if (row == NULL)
    return NULL;
  /* Translators: the kind of a problem: an error rejects the row, a warning does not */
  return g_strdup (row->problem->warning ? _("Warning") : _("Error"));
}

static GStrv
problem_kind_css_classes (gpointer            unused,
                          KpImportProblemRow *row)
{
  const char *classes[] = { row != NULL && row->problem->warning ? "warning" : "error", NULL };

  return g_strdupv ((char **) classes);
}

static int
compare_lines (const KpImportProblem *a,
               const KpImportProblem *b)
{
  return a->line < b->line ? -1 : a->line > b->line ? 1 : 0;
}

static int
line_sort_func (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_lines (KP_IMPORT_PROBLEM_ROW ((gpointer) a)->problem,
                        KP_IMPORT_PROBLEM_ROW ((gpointer) b)->problem);
}

static int
column_sort_func (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const KpImportProblem *pa = KP_IMPORT_PROBLEM_ROW ((gpointer) a)->problem;
  const KpImportProblem *pb = KP_IMPORT_PROBLEM_ROW ((gpointer) b)->problem;
  int order = g_utf8_collate (pa->column, pb->column);

  return order != 0 ? order : compare_lines (pa, pb);
}

static int
reason_sort_func (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const KpImportProblem *pa = KP_IMPORT_PROBLEM_ROW ((gpointer) a)->problem;
  const KpImportProblem *pb = KP_IMPORT_PROBLEM_ROW ((gpointer) b)->problem;
  int order = g_utf8_collate (pa->reason, pb->reason);

  return order != 0 ? order : compare_lines (pa, pb);
}

static int
kind_sort_func (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const KpImportProblem *pa = KP_IMPORT_PROBLEM_ROW ((gpointer) a)->problem;
  const KpImportProblem *pb = KP_IMPORT_PROBLEM_ROW ((gpointer) b)->problem;

  if (pa->warning != pb->warning)
    return pa->warning ? 1 : -1;
  return compare_lines (pa, pb);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
kp_import_dialog_map (GtkWidget *widget)
{
  KpImportDialog *self = KP_IMPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (kp_import_dialog_parent_class)->map (widget);

  /* Presented without a file: ask for one at once, once the dialog is on screen to be the
   * chooser's parent. */
  if (self->file == NULL && self->job == NULL && self->choose_source == 0 &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "choose"))
    self->choose_source = g_idle_add (choose_file_at_start, self);
}

static void
kp_import_dialog_dispose (GObject *object)
{
  KpImportDialog *self = KP_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->choose_source, g_source_remove);
  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      g_clear_pointer (&self->job, job_unref);
    }
  if (self->preview_view != NULL)
    clear_preview_columns (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->database);
  g_clear_object (&self->field_names);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (kp_import_dialog_parent_class)->dispose (object);
}

static void
kp_import_dialog_finalize (GObject *object)
{
  KpImportDialog *self = KP_IMPORT_DIALOG (object);

  g_ptr_array_unref (self->drop_downs);

  G_OBJECT_CLASS (kp_import_dialog_parent_class)->finalize (object);
}

static void
kp_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KpImportDialog *self = KP_IMPORT_DIALOG (object);

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
kp_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KpImportDialog *self = KP_IMPORT_DIALOG (object);

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
kp_import_dialog_class_init (KpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_import_dialog_dispose;
  object_class->finalize = kp_import_dialog_finalize;
  object_class->get_property = kp_import_dialog_get_property;
  object_class->set_property = kp_import_dialog_set_property;
  widget_class->map = kp_import_dialog_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         KP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_IMPORT_PREVIEW_ROW);
  g_type_ensure (KP_TYPE_IMPORT_PROBLEM_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, delimiter_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, date_format_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, preview_rows_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, mapping_error_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, preview_store);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, checking_progress);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, read_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, created_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, updated_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, unchanged_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, rejected_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, units_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, positions_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, summary_date_format_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, all_or_nothing_check);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, import_hint_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, problems_stack);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, line_column);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, problem_store);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, problems_sort_model);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, line_sorter);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, column_sorter);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, reason_sorter);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, kind_sorter);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, importing_progress);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, KpImportDialog, done_save_button);

  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_notify_visible_child_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_or_nothing_check_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_problem_line);
  gtk_widget_class_bind_template_callback (widget_class, format_problem_column);
  gtk_widget_class_bind_template_callback (widget_class, format_problem_value);
  gtk_widget_class_bind_template_callback (widget_class, format_problem_reason);
  gtk_widget_class_bind_template_callback (widget_class, format_problem_kind);
  gtk_widget_class_bind_template_callback (widget_class, problem_kind_css_classes);

  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.save-problems", NULL, save_problems_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
kp_import_dialog_init (KpImportDialog *self)
{
  self->drop_downs = g_ptr_array_new ();
  self->date_format = KP_DATE_FORMAT_ANY;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->field_names, kp_employee_field_get_label (KP_EMPLOYEE_FIELD_NONE));
  for (KpEmployeeField field = 0; field < KP_EMPLOYEE_N_FIELDS; field++)
    gtk_string_list_append (self->field_names, kp_employee_field_get_label (field));

  gtk_custom_sorter_set_sort_func (self->line_sorter, line_sort_func, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->column_sorter, column_sort_func, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->reason_sorter, reason_sort_func, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->kind_sorter, kind_sort_func, NULL, NULL);
  gtk_column_view_sort_by_column (self->problems_view, self->line_column, GTK_SORT_ASCENDING);

  update_header (self);
}

/* ---- public API ----------------------------------------------------------------------------- */

/**
 * kp_import_dialog_new:
 * @parent: (nullable): the main window the dialog is modal over
 * @database: the database to import into
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels; present it
 */
KpImportDialog *
kp_import_dialog_new (GtkWindow  *parent,
                      KpDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KP_IS_DATABASE (database), NULL);

  return g_object_new (KP_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       NULL);
}

/**
 * kp_import_dialog_load_file:
 * @file: the pegawai.csv to import
 *
 * Reads the file's header and first rows (in a thread) and shows the preview, or the error
 * page when the file cannot be imported.
 */
void
kp_import_dialog_load_file (KpImportDialog *self,
                            GFile          *file)
{
  g_autofree char *name = NULL;
  g_autofree char *reading = NULL;

  g_return_if_fail (KP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->job == NULL);

  g_clear_handle_id (&self->choose_source, g_source_remove);
  g_set_object (&self->file, file);
  g_clear_object (&self->import);
  clear_preview_columns (self);
  forget_results (self);
  gtk_check_button_set_active (self->all_or_nothing_check, FALSE);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  /* Translators: %s is a file name */
  reading = g_strdup_printf (_("Reading “%s”…"), name);
  gtk_label_set_label (self->loading_label, reading);

  self->import = kp_employee_import_new (self->database, file);
  start_job (self, JOB_OPEN);
  show_page (self, "loading");
}

/* ---- for the tests -------------------------------------------------------------------------- */

const char *
_kp_import_dialog_get_page (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
_kp_import_dialog_is_busy (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), FALSE);
  return self->job != NULL || self->refreshing > 0;
}

GtkButton *
_kp_import_dialog_get_next_button (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return self->next_button;
}

AdwStatusPage *
_kp_import_dialog_get_error_page (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return self->error_page;
}

AdwStatusPage *
_kp_import_dialog_get_done_page (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return self->done_page;
}

GtkColumnView *
_kp_import_dialog_get_preview_view (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return self->preview_view;
}

GtkLabel *
_kp_import_dialog_get_delimiter_label (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return self->delimiter_label;
}

GtkLabel *
_kp_import_dialog_get_date_format_label (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return self->date_format_label;
}

GtkLabel *
_kp_import_dialog_get_mapping_error_label (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return self->mapping_error_label;
}

GtkDropDown *
_kp_import_dialog_get_mapping_drop_down (KpImportDialog *self,
                                         guint           column)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  if (column >= self->drop_downs->len)
    return NULL;
  return g_ptr_array_index (self->drop_downs, column);
}

GtkProgressBar *
_kp_import_dialog_get_progress_bar (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "importing"))
    return self->importing_progress;
  return self->checking_progress;
}

GtkLabel *
_kp_import_dialog_get_count_label (KpImportDialog *self,
                                   const char     *name)
{
  const struct { const char *name; GtkLabel *label; } labels[] = {
    { "read", self->read_label },
    { "created", self->created_label },
    { "updated", self->updated_label },
    { "unchanged", self->unchanged_label },
    { "rejected", self->rejected_label },
    { "warnings", self->warnings_label },
    { "units", self->units_label },
    { "positions", self->positions_label },
  };

  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, name))
      return labels[i].label;
  g_return_val_if_reached (NULL);
}

GtkColumnView *
_kp_import_dialog_get_problems_view (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return self->problems_view;
}

GtkCheckButton *
_kp_import_dialog_get_all_or_nothing_check (KpImportDialog *self)
{
  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), NULL);
  return self->all_or_nothing_check;
}

gboolean
_kp_import_dialog_get_problem (KpImportDialog *self,
                               guint           position,
                               guint64        *line,
                               char          **column,
                               char          **value,
                               char          **reason,
                               gboolean       *warning)
{
  g_autoptr(KpImportProblemRow) row = NULL;

  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), FALSE);

  row = g_list_model_get_item (G_LIST_MODEL (self->problems_sort_model), position);
  if (row == NULL)
    return FALSE;
  if (line != NULL)
    *line = row->problem->line;
  if (column != NULL)
    *column = format_problem_column (NULL, row);
  if (value != NULL)
    *value = format_problem_value (NULL, row);
  if (reason != NULL)
    *reason = format_problem_reason (NULL, row);
  if (warning != NULL)
    *warning = row->problem->warning;
  return TRUE;
}

gboolean
_kp_import_dialog_save_problems (KpImportDialog  *self,
                                 GFile           *file,
                                 GError         **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (KP_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->problems != NULL, FALSE);

  /* The model takes a path or a URI, as a command line would. */
  path = g_file_get_path (file);
  if (path == NULL)
    path = g_file_get_uri (file);
  return kp_import_problems_write_csv (self->problems, FALSE, path, error);
}
