/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-editor.c: a window to add or edit one employee, with live validation.
 *
 * The window edits a copy of the record: every change of a field is written to the copy, which
 * the model then judges as a save would (kp_register_validate_employee). Each problem is shown
 * on the row at fault (the "error" or "warning" style class and an icon whose tooltip is the
 * reason) and listed in words under its group, so it can be read without hovering. A field the
 * user has not reached yet is not marked red; it is listed as still needed instead.
 *
 * The unit, position and supervisor choices are lists of the editor's own, refilled from the
 * database's stores when those change: a store that reloads would otherwise move a
 * GtkDropDown's selection behind the user's back. */

#define G_LOG_DOMAIN "Kompeten"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kp-employee-editor.h"
#include "kp-employee-editor-private.h"

#define FIELD_BIT(field) (1u << (field))
#define ALL_FIELDS (FIELD_BIT (KP_EMPLOYEE_N_FIELDS) - 1)

typedef enum {
  GROUP_IDENTITY,
  GROUP_POSITION,
  GROUP_SUPERVISOR,
  GROUP_CONTACT,
  N_GROUPS
} Group;

/* Where each field's problems are shown, in the order of the form. */
static const struct {
  KpEmployeeField field;
  Group group;
} field_places[] = {
  { KP_EMPLOYEE_FIELD_NIP, GROUP_IDENTITY },
  { KP_EMPLOYEE_FIELD_NAME, GROUP_IDENTITY },
  { KP_EMPLOYEE_FIELD_SEX, GROUP_IDENTITY },
  { KP_EMPLOYEE_FIELD_BIRTH_PLACE, GROUP_IDENTITY },
  { KP_EMPLOYEE_FIELD_BIRTH_DATE, GROUP_IDENTITY },
  { KP_EMPLOYEE_FIELD_UNIT, GROUP_POSITION },
  { KP_EMPLOYEE_FIELD_POSITION, GROUP_POSITION },
  { KP_EMPLOYEE_FIELD_KIND, GROUP_POSITION },
  { KP_EMPLOYEE_FIELD_GRADE, GROUP_POSITION },
  { KP_EMPLOYEE_FIELD_EDUCATION, GROUP_POSITION },
  { KP_EMPLOYEE_FIELD_SUPERVISOR_NIP, GROUP_SUPERVISOR },
  { KP_EMPLOYEE_FIELD_EMAIL, GROUP_CONTACT },
  { KP_EMPLOYEE_FIELD_PHONE, GROUP_CONTACT },
};

struct _KpEmployeeEditor
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *save_button;
  AdwEntryRow *nip_row;
  AdwEntryRow *name_row;
  AdwComboRow *sex_row;
  AdwEntryRow *birth_place_row;
  AdwEntryRow *birth_date_row;
  AdwActionRow *unit_row;
  AdwActionRow *position_row;
  AdwComboRow *grade_row;
  AdwEntryRow *education_row;
  AdwActionRow *supervisor_row;
  AdwEntryRow *email_row;
  AdwEntryRow *phone_row;
  GtkImage *nip_icon;
  GtkImage *name_icon;
  GtkImage *sex_icon;
  GtkImage *birth_place_icon;
  GtkImage *birth_date_icon;
  GtkImage *unit_icon;
  GtkImage *position_icon;
  GtkImage *grade_icon;
  GtkImage *education_icon;
  GtkImage *supervisor_icon;
  GtkImage *email_icon;
  GtkImage *phone_icon;
  GtkDropDown *unit_drop_down;
  GtkDropDown *position_drop_down;
  GtkDropDown *supervisor_drop_down;
  GtkCalendar *calendar;
  GtkLabel *identity_errors;
  GtkLabel *identity_warnings;
  GtkLabel *position_errors;
  GtkLabel *position_warnings;
  GtkLabel *supervisor_errors;
  GtkLabel *supervisor_warnings;
  GtkLabel *contact_errors;
  GtkLabel *contact_warnings;
  GtkLabel *record_errors;
  GtkLabel *needed_label;
  GtkButton *delete_button;
  GtkButton *profile_button;

  /* template objects */
  GListStore *units_model;
  GListStore *positions_model;
  GListStore *supervisors_model;
  GtkStringList *grade_names;

  /* borrowed from the database */
  GListModel *units;
  GListModel *positions;
  GListModel *employees;

  /* owned */
  KpDatabase *database;
  KpEmployee *original;   /* the record as saved; NULL for a new employee */
  KpEmployee *copy;       /* the record being edited */
  KpUnit *no_unit;        /* the first choice of each list */
  KpPosition *no_position;
  KpEmployee *no_supervisor;
  GtkWidget *field_rows[KP_EMPLOYEE_N_FIELDS];
  GtkImage *field_icons[KP_EMPLOYEE_N_FIELDS];
  GtkLabel *group_errors[N_GROUPS];
  GtkLabel *group_warnings[N_GROUPS];
  gint64 unit_id;         /* the chosen unit, whose positions are offered; 0: none */
  guint touched;          /* FIELD_BIT of each field the user has changed */
  guint updating;         /* > 0 while the editor itself sets widgets: not the user's edits */
  gboolean valid;
  gboolean changed;
  gboolean closing;       /* confirmed or saved: close without asking */
  GtkWindow *dialog;      /* the message dialog shown, if any (weak) */
};

G_DEFINE_FINAL_TYPE (KpEmployeeEditor, kp_employee_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers -------------------------------------------------------------------------------- */

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* The register's ISO date as the form shows it, DD-MM-YYYY; anything else as it is. */
static char *
format_birth_date (const char *iso)
{
  GDate date;

  if (!is_empty (iso) && kp_date_parse (iso, KP_DATE_FORMAT_ISO, &date, NULL, NULL))
    return g_strdup_printf ("%02d-%02d-%04d", g_date_get_day (&date), g_date_get_month (&date),
                            g_date_get_year (&date));

  return g_strdup (iso != NULL ? iso : "");
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
set_dialog (KpEmployeeEditor *self,
            GtkWindow        *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (self->dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
}

static AdwMessageDialog *
new_dialog (KpEmployeeEditor *self,
            const char       *heading,
            const char       *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, body));

  set_dialog (self, GTK_WINDOW (dialog));
  return dialog;
}

static void
show_error (KpEmployeeEditor *self,
            const char       *heading,
            const GError     *error)
{
  AdwMessageDialog *dialog = new_dialog (self, heading, error->message);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the record against the form ------------------------------------------------------------ */

static gboolean
record_changed (KpEmployeeEditor *self)
{
  KpEmployee *a = self->copy;
  KpEmployee *b = self->original;

  if (b == NULL)
    return !is_empty (kp_employee_get_nip (a)) || !is_empty (kp_employee_get_name (a)) ||
           !is_empty (kp_employee_get_sex (a)) || !is_empty (kp_employee_get_birth_place (a)) ||
           !is_empty (kp_employee_get_birth_date (a)) || !is_empty (kp_employee_get_education (a)) ||
           !is_empty (kp_employee_get_grade (a)) || !is_empty (kp_employee_get_email (a)) ||
           !is_empty (kp_employee_get_phone (a)) || kp_employee_get_position_id (a) > 0 ||
           kp_employee_get_supervisor_id (a) > 0 || self->unit_id > 0;

  return g_strcmp0 (kp_employee_get_nip (a), kp_employee_get_nip (b)) != 0 ||
         g_strcmp0 (kp_employee_get_name (a), kp_employee_get_name (b)) != 0 ||
         g_strcmp0 (kp_employee_get_sex (a), kp_employee_get_sex (b)) != 0 ||
         g_strcmp0 (kp_employee_get_birth_place (a), kp_employee_get_birth_place (b)) != 0 ||
         g_strcmp0 (kp_employee_get_birth_date (a), kp_employee_get_birth_date (b)) != 0 ||
         g_strcmp0 (kp_employee_get_education (a), kp_employee_get_education (b)) != 0 ||
         g_strcmp0 (kp_employee_get_grade (a), kp_employee_get_grade (b)) != 0 ||
         g_strcmp0 (kp_employee_get_email (a), kp_employee_get_email (b)) != 0 ||
         g_strcmp0 (kp_employee_get_phone (a), kp_employee_get_phone (b)) != 0 ||
         kp_employee_get_position_id (a) != kp_employee_get_position_id (b) ||
         kp_employee_get_supervisor_id (a) != kp_employee_get_supervisor_id (b);
}

static void
clear_marks (KpEmployeeEditor *self)
{
  for (int field = 0; field < KP_EMPLOYEE_N_FIELDS; field++)
    {
      GtkWidget *row = self->field_rows[field];
      GtkImage *icon = self->field_icons[field];

      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (row, "warning");
      gtk_widget_set_visible (GTK_WIDGET (icon), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (icon), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Marks @field's row: an error outranks a warning, and several reasons are listed together. */
static void
mark_field (KpEmployeeEditor *self,
            KpEmployeeField   field,
            gboolean          warning,
            const char       *message)
{
  GtkWidget *row = self->field_rows[field];
  GtkWidget *icon = GTK_WIDGET (self->field_icons[field]);
  const char *old_tooltip = gtk_widget_get_tooltip_text (icon);
  g_autofree char *tooltip = NULL;
  gboolean error = !warning || gtk_widget_has_css_class (row, "error");

  tooltip = old_tooltip != NULL && gtk_widget_get_visible (icon)
            ? g_strconcat (old_tooltip, "\n", message, NULL)
            : g_strdup (message);

  gtk_widget_remove_css_class (row, error ? "warning" : "error");
  gtk_widget_add_css_class (row, error ? "error" : "warning");
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), error ? "dialog-error-symbolic"
                                                       : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, error ? "warning" : "error");
  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_widget_set_tooltip_text (icon, tooltip);
  gtk_widget_set_visible (icon, TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  if (error)
    gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                 -1);
}

static void
set_label_lines (GtkLabel *label,
                 GString  *lines)
{
  gtk_label_set_label (label, lines->str);
  gtk_widget_set_visible (GTK_WIDGET (label), lines->len > 0);
}

static void
add_line (GString    *lines,
          const char *title,
          const char *message)
{
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  /* Core's messages may name the field already ("NIP must have 18 digits"). */
  if (title != NULL && g_ascii_strncasecmp (message, title, strlen (title)) == 0)
    title = NULL;
  if (title != NULL)
    /* Translators: a problem listed under a group of the employee editor: the field's name,
     * then the reason, e.g. "NIP: NIP must have 18 digits, found 17". */
    g_string_append_printf (lines, _("%s: %s"), title, message);
  else
    g_string_append (lines, message);
}

/* Judges the edited copy as a save would and shows the outcome. */
static void
validate (KpEmployeeEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  GString *errors[N_GROUPS];
  GString *warnings[N_GROUPS];
  g_autoptr(GString) record = g_string_new (NULL);
  g_autoptr(GString) needed = g_string_new (NULL);
  guint needed_fields = 0;

  self->valid = kp_register_validate_employee (self->database, self->copy, &problems);
  self->changed = record_changed (self);

  clear_marks (self);
  for (int group = 0; group < N_GROUPS; group++)
    {
      errors[group] = g_string_new (NULL);
      warnings[group] = g_string_new (NULL);
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      KpFieldProblem *problem = g_ptr_array_index (problems, i);
      int field = problem->field;
      Group group = GROUP_IDENTITY;

      if (field < 0 || field >= KP_EMPLOYEE_N_FIELDS)
        {
          add_line (record, NULL, problem->message);
          continue;
        }

      /* An empty field the user has not reached yet is not an error yet: it is listed as still
       * needed at the bottom, and Save stays off. */
      if (!problem->warning && (self->touched & FIELD_BIT (field)) == 0)
        {
          needed_fields |= FIELD_BIT (field);
          continue;
        }

      for (guint j = 0; j < G_N_ELEMENTS (field_places); j++)
        if ((int) field_places[j].field == field)
          group = field_places[j].group;

      mark_field (self, field, problem->warning, problem->message);
      add_line (problem->warning ? warnings[group] : errors[group],
                row_title (self->field_rows[field]), problem->message);
    }

  for (int group = 0; group < N_GROUPS; group++)
    {
      set_label_lines (self->group_errors[group], errors[group]);
      set_label_lines (self->group_warnings[group], warnings[group]);
      g_string_free (errors[group], TRUE);
      g_string_free (warnings[group], TRUE);
    }
  set_label_lines (self->record_errors, record);

  for (guint j = 0; j < G_N_ELEMENTS (field_places); j++)
    {
      GtkWidget *row = self->field_rows[field_places[j].field];

      if ((needed_fields & FIELD_BIT (field_places[j].field)) == 0)
        continue;
      /* Position and kind share a row: name it once. */
      if (field_places[j].field == KP_EMPLOYEE_FIELD_KIND &&
          (needed_fields & FIELD_BIT (KP_EMPLOYEE_FIELD_POSITION)) != 0)
        continue;
      if (needed->len > 0)
        /* Translators: the separator between the fields still needed, "NIP, Name, Sex" */
        g_string_append (needed, _(", "));
      g_string_append (needed, row_title (row));
    }
  if (needed->len > 0)
    {
      /* Translators: %s lists the fields that must be filled in, "NIP, Name, Sex" */
      g_autofree char *text = g_strdup_printf (_("To save, fill in: %s."), needed->str);

      gtk_label_set_label (self->needed_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->needed_label), needed->len > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->valid && self->changed);
}

/* ---- the lists of choices ------------------------------------------------------------------- */

static void
update_position_subtitle (KpEmployeeEditor *self)
{
  KpPosition *position = gtk_drop_down_get_selected_item (self->position_drop_down);

  adw_action_row_set_subtitle (self->position_row,
                               position != NULL && kp_position_get_id (position) > 0
                               ? kp_position_get_kind_name (position) : NULL);
}

static void
rebuild_units (KpEmployeeEditor *self)
{
  guint n = g_list_model_get_n_items (self->units);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n + 1, g_object_unref);
  guint selected = 0;

  g_ptr_array_add (items, g_object_ref (self->no_unit));
  for (guint i = 0; i < n; i++)
    {
      KpUnit *unit = g_list_model_get_item (self->units, i);

      if (kp_unit_get_id (unit) == self->unit_id)
        selected = items->len;
      g_ptr_array_add (items, unit);
    }

  self->updating++;
  g_list_store_splice (self->units_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units_model)),
                       items->pdata, items->len);
  gtk_drop_down_set_selected (self->unit_drop_down, selected);
  self->updating--;
}

/* Offers the positions of the chosen unit, the copy's position chosen if it is one of them. */
static void
rebuild_positions (KpEmployeeEditor *self)
{
  guint n = g_list_model_get_n_items (self->positions);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 position_id = kp_employee_get_position_id (self->copy);
  guint selected = 0;

  g_ptr_array_add (items, g_object_ref (self->no_position));
  for (guint i = 0; i < n && self->unit_id > 0; i++)
    {
      g_autoptr(KpPosition) position = g_list_model_get_item (self->positions, i);

      if (kp_position_get_unit_id (position) != self->unit_id)
        continue;
      if (kp_position_get_id (position) == position_id)
        selected = items->len;
      g_ptr_array_add (items, g_steal_pointer (&position));
    }

  self->updating++;
  g_list_store_splice (self->positions_model, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->positions_model)),
                       items->pdata, items->len);
  gtk_drop_down_set_selected (self->position_drop_down, selected);
  self->updating--;

  gtk_widget_set_sensitive (GTK_WIDGET (self->position_drop_down), self->unit_id > 0);
  update_position_subtitle (self);
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  KpEmployee *x = *(KpEmployee **) a;
  KpEmployee *y = *(KpEmployee **) b;

  return strcmp (kp_employee_get_name_sort_key (x), kp_employee_get_name_sort_key (y));
}

/* Everyone but the employee, by name: an employee cannot be their own supervisor. */
static void
rebuild_supervisors (KpEmployeeEditor *self)
{
  guint n = g_list_model_get_n_items (self->employees);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n + 1, g_object_unref);
  gint64 own_id = kp_employee_get_id (self->copy);
  gint64 supervisor_id = kp_employee_get_supervisor_id (self->copy);
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      KpEmployee *employee = g_list_model_get_item (self->employees, i);

      if (own_id > 0 && kp_employee_get_id (employee) == own_id)
        g_object_unref (employee);
      else
        g_ptr_array_add (items, employee);
    }
  g_ptr_array_sort (items, compare_by_name);
  g_ptr_array_insert (items, 0, g_object_ref (self->no_supervisor));

  for (guint i = 1; i < items->len && supervisor_id > 0; i++)
    if (kp_employee_get_id (g_ptr_array_index (items, i)) == supervisor_id)
      {
        selected = i;
        break;
      }

  self->updating++;
  g_list_store_splice (self->supervisors_model, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->supervisors_model)),
                       items->pdata, items->len);
  gtk_drop_down_set_selected (self->supervisor_drop_down, selected);
  self->updating--;
}

/* Shows the copy in the form. */
static void
load_record (KpEmployeeEditor *self)
{
  KpEmployee *copy = self->copy;
  g_autofree char *birth_date = format_birth_date (kp_employee_get_birth_date (copy));
  KpSex sex = kp_sex_parse (kp_employee_get_sex (copy));
  int grade = is_empty (kp_employee_get_grade (copy)) ? -1
              : kp_grade_parse (kp_employee_get_grade (copy), NULL);

  self->updating++;

  gtk_editable_set_text (GTK_EDITABLE (self->nip_row), kp_employee_get_nip (copy));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), kp_employee_get_name (copy));
  adw_combo_row_set_selected (self->sex_row, sex == KP_SEX_MALE ? 0
                                             : sex == KP_SEX_FEMALE ? 1 : GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (GTK_EDITABLE (self->birth_place_row), kp_employee_get_birth_place (copy));
  gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), birth_date);
  adw_combo_row_set_selected (self->grade_row, grade >= 0 ? (guint) grade : GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (GTK_EDITABLE (self->education_row), kp_employee_get_education (copy));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), kp_employee_get_email (copy));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), kp_employee_get_phone (copy));

  self->unit_id = kp_employee_get_unit_id (copy);
  rebuild_units (self);
  rebuild_positions (self);
  rebuild_supervisors (self);

  self->updating--;
}

/* ---- callbacks ------------------------------------------------------------------------------ */

static void
edited (KpEmployeeEditor *self,
        KpEmployeeField   field)
{
  self->touched |= FIELD_BIT (field);
  validate (self);
}

static void
on_nip_row_changed_cb (GtkEditable      *editable,
                       KpEmployeeEditor *self)
{
  g_autofree char *nip = NULL;
  KpNip parsed;

  if (self->updating > 0)
    return;

  nip = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  kp_employee_set_nip (self->copy, nip);

  /* The NIP holds the birth date and the sex: fill them in when they are still empty, which
   * saves typing and avoids a mismatch. What the user chose is never overwritten. */
  if (kp_nip_parse (nip, &parsed, NULL))
    {
      self->updating++;
      if (adw_combo_row_get_selected (self->sex_row) == GTK_INVALID_LIST_POSITION)
        {
          adw_combo_row_set_selected (self->sex_row, parsed.sex == KP_SEX_MALE ? 0 : 1);
          kp_employee_set_sex (self->copy, kp_sex_to_code (parsed.sex));
          self->touched |= FIELD_BIT (KP_EMPLOYEE_FIELD_SEX);
        }
      if (is_empty (gtk_editable_get_text (GTK_EDITABLE (self->birth_date_row))))
        {
          char iso[11];
          g_autofree char *text = NULL;

          kp_date_to_iso (&parsed.birth, iso);
          text = format_birth_date (iso);
          gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), text);
          kp_employee_set_birth_date (self->copy, iso);
          self->touched |= FIELD_BIT (KP_EMPLOYEE_FIELD_BIRTH_DATE);
        }
      self->updating--;
    }

  edited (self, KP_EMPLOYEE_FIELD_NIP);
}

static void
on_name_row_changed_cb (GtkEditable      *editable,
                        KpEmployeeEditor *self)
{
  if (self->updating > 0)
    return;

  kp_employee_set_name (self->copy, gtk_editable_get_text (editable));
  edited (self, KP_EMPLOYEE_FIELD_NAME);
}

static void
on_sex_row_notify_selected_cb (AdwComboRow      *row,
                               GParamSpec       *pspec,
                               KpEmployeeEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating > 0)
    return;

  kp_employee_set_sex (self->copy, selected == 0 ? kp_sex_to_code (KP_SEX_MALE)
                                   : selected == 1 ? kp_sex_to_code (KP_SEX_FEMALE) : "");
  edited (self, KP_EMPLOYEE_FIELD_SEX);
}

static void
on_birth_place_row_changed_cb (GtkEditable      *editable,
                               KpEmployeeEditor *self)
{
  if (self->updating > 0)
    return;

  kp_employee_set_birth_place (self->copy, gtk_editable_get_text (editable));
  edited (self, KP_EMPLOYEE_FIELD_BIRTH_PLACE);
}

static void
on_birth_date_row_changed_cb (GtkEditable      *editable,
                              KpEmployeeEditor *self)
{
  const char *text = gtk_editable_get_text (editable);
  GDate date;

  if (self->updating > 0)
    return;

  /* Stored in ISO whatever the form typed, so that typing the same date in another form is no
   * change; text that is no date is kept as typed for the model to explain. */
  if (kp_date_parse (text, KP_DATE_FORMAT_ANY, &date, NULL, NULL))
    {
      char iso[11];

      kp_date_to_iso (&date, iso);
      kp_employee_set_birth_date (self->copy, iso);
    }
  else
    kp_employee_set_birth_date (self->copy, text);

  edited (self, KP_EMPLOYEE_FIELD_BIRTH_DATE);
}

static void
on_calendar_popover_show_cb (GtkPopover       *popover,
                             KpEmployeeEditor *self)
{
  GDate date;

  if (!kp_date_parse (kp_employee_get_birth_date (self->copy), KP_DATE_FORMAT_ISO, &date, NULL, NULL))
    return;

  self->updating++;
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&date),
                                                      g_date_get_month (&date),
                                                      g_date_get_day (&date), 0, 0, 0);

    gtk_calendar_select_day (self->calendar, day);
  }
  self->updating--;
}

/* The calendar also reports a day while the user pages through months and years: the entry
 * follows, and the popover stays open until the user leaves it. */
static void
on_calendar_day_selected_cb (GtkCalendar      *calendar,
                             KpEmployeeEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->updating > 0)
    return;

  day = gtk_calendar_get_date (calendar);
  text = g_date_time_format (day, "%d-%m-%Y");
  gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), text);
}

static void
on_unit_drop_down_notify_selected_cb (GtkDropDown      *drop_down,
                                      GParamSpec       *pspec,
                                      KpEmployeeEditor *self)
{
  KpUnit *unit = gtk_drop_down_get_selected_item (drop_down);
  gint64 unit_id = unit != NULL ? kp_unit_get_id (unit) : 0;

  if (self->updating > 0 || unit_id == self->unit_id)
    return;

  /* Another unit's positions: the position must be chosen again. */
  self->unit_id = unit_id;
  kp_employee_set_position_id (self->copy, 0);
  rebuild_positions (self);
  edited (self, KP_EMPLOYEE_FIELD_UNIT);
}

static void
on_position_drop_down_notify_selected_cb (GtkDropDown      *drop_down,
                                          GParamSpec       *pspec,
                                          KpEmployeeEditor *self)
{
  KpPosition *position = gtk_drop_down_get_selected_item (drop_down);

  if (self->updating > 0)
    return;

  kp_employee_set_position_id (self->copy, position != NULL ? kp_position_get_id (position) : 0);
  update_position_subtitle (self);
  edited (self, KP_EMPLOYEE_FIELD_POSITION);
}

static void
on_grade_row_notify_selected_cb (AdwComboRow      *row,
                                 GParamSpec       *pspec,
                                 KpEmployeeEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating > 0)
    return;

  kp_employee_set_grade (self->copy, selected < KP_GRADE_COUNT ? kp_grade_to_string (selected) : "");
  edited (self, KP_EMPLOYEE_FIELD_GRADE);
}

static void
on_education_row_changed_cb (GtkEditable      *editable,
                             KpEmployeeEditor *self)
{
  if (self->updating > 0)
    return;

  kp_employee_set_education (self->copy, gtk_editable_get_text (editable));
  edited (self, KP_EMPLOYEE_FIELD_EDUCATION);
}

static void
on_supervisor_drop_down_notify_selected_cb (GtkDropDown      *drop_down,
                                            GParamSpec       *pspec,
                                            KpEmployeeEditor *self)
{
  KpEmployee *supervisor = gtk_drop_down_get_selected_item (drop_down);

  if (self->updating > 0)
    return;

  kp_employee_set_supervisor_id (self->copy, supervisor != NULL ? kp_employee_get_id (supervisor) : 0);
  edited (self, KP_EMPLOYEE_FIELD_SUPERVISOR_NIP);
}

static void
on_email_row_changed_cb (GtkEditable      *editable,
                         KpEmployeeEditor *self)
{
  if (self->updating > 0)
    return;

  kp_employee_set_email (self->copy, gtk_editable_get_text (editable));
  edited (self, KP_EMPLOYEE_FIELD_EMAIL);
}

static void
on_phone_row_changed_cb (GtkEditable      *editable,
                         KpEmployeeEditor *self)
{
  if (self->updating > 0)
    return;

  kp_employee_set_phone (self->copy, gtk_editable_get_text (editable));
  edited (self, KP_EMPLOYEE_FIELD_PHONE);
}

/* The supervisor list's rows: "name — NIP", so that namesakes can be told apart. */
static char *
format_supervisor (gpointer    unused,
                   KpEmployee *employee)
{
  if (employee == NULL)
    return NULL;
  if (kp_employee_get_id (employee) <= 0)
    return g_strdup (kp_employee_get_name (employee));

  /* Translators: an employee in the supervisor list: name — NIP */
  return g_strdup_printf (_("%s — %s"), kp_employee_get_name (employee),
                          kp_employee_get_nip (employee));
}

static void
on_units_items_changed_cb (KpEmployeeEditor *self,
                           guint             position,
                           guint             removed,
                           guint             added,
                           GListModel       *units)
{
  rebuild_units (self);
}

static void
on_positions_items_changed_cb (KpEmployeeEditor *self,
                               guint             position,
                               guint             removed,
                               guint             added,
                               GListModel       *positions)
{
  rebuild_positions (self);
  validate (self);
}

static void
on_employees_items_changed_cb (KpEmployeeEditor *self,
                               guint             position,
                               guint             removed,
                               guint             added,
                               GListModel       *employees)
{
  rebuild_supervisors (self);
  validate (self);
}

static gboolean
close_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes after the message dialog whose response got us here has finished with its parent,
 * this window: destroying it under the dialog's feet makes GTK warn. */
static void
close_after_dialog (KpEmployeeEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_cb, g_object_ref (self), g_object_unref);
}

static void
on_discard_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               KpEmployeeEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  close_after_dialog (self);
}

static gboolean
on_close_request_cb (GtkWindow        *window,
                     KpEmployeeEditor *self)
{
  AdwMessageDialog *dialog;

  if (self->closing || !self->changed)
    return FALSE;

  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return TRUE;
    }

  dialog = new_dialog (self, _("Discard Changes?"),
                       self->original != NULL
                       ? _("The changes to this employee have not been saved.")
                       : _("The new employee has not been saved."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              KpEmployeeEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpEmployee) deleted = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->original == NULL)
    return;

  if (!kp_register_delete_employee (self->database, kp_employee_get_id (self->original), &error))
    {
      show_error (self, _("Could Not Delete the Employee"), error);
      return;
    }

  /* The record as it was saved, not as edited: it is what an Undo brings back. */
  deleted = kp_employee_copy (self->original);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, deleted);

  close_after_dialog (self);
}

/* ---- actions -------------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KpEmployeeEditor *self = KP_EMPLOYEE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!self->valid || !self->changed)
    return;

  if (kp_register_save_employee (self->database, self->copy, &error) == 0)
    {
      show_error (self, _("Could Not Save the Employee"), error);
      return;
    }

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* The profiles belong to the main window (one per employee, kept in its table), so the
 * editor asks its parent to open it. */
static void
profile_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KpEmployeeEditor *self = KP_EMPLOYEE_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->original == NULL || parent == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.profile-employee", "x",
                              kp_employee_get_id (self->original));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpEmployeeEditor *self = KP_EMPLOYEE_EDITOR (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->original == NULL)
    return;

  body = g_strdup_printf (/* Translators: %s is an employee's name, then their NIP */
                          _("%s (NIP %s) will be removed from the register. The employees they "
                            "supervise will have no supervisor."),
                          kp_employee_get_name (self->original),
                          kp_employee_get_nip (self->original));
  dialog = new_dialog (self, _("Delete Employee?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject -------------------------------------------------------------------------------- */

static void
kp_employee_editor_dispose (GObject *object)
{
  KpEmployeeEditor *self = KP_EMPLOYEE_EDITOR (object);

  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  if (self->positions != NULL)
    g_signal_handlers_disconnect_by_data (self->positions, self);
  if (self->employees != NULL)
    g_signal_handlers_disconnect_by_data (self->employees, self);
  self->units = NULL;
  self->positions = NULL;
  self->employees = NULL;

  set_dialog (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_EMPLOYEE_EDITOR);

  g_clear_object (&self->database);
  g_clear_object (&self->original);
  g_clear_object (&self->copy);
  g_clear_object (&self->no_unit);
  g_clear_object (&self->no_position);
  g_clear_object (&self->no_supervisor);

  G_OBJECT_CLASS (kp_employee_editor_parent_class)->dispose (object);
}

static void
kp_employee_editor_class_init (KpEmployeeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_employee_editor_dispose;

  /**
   * KpEmployeeEditor::deleted:
   * @employee: a copy of the deleted record, as it was saved
   *
   * The user deleted the employee (after confirming). The window closes after this.
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KP_TYPE_EMPLOYEE);

  /* The template's lists name these types. */
  g_type_ensure (KP_TYPE_UNIT);
  g_type_ensure (KP_TYPE_POSITION);
  g_type_ensure (KP_TYPE_EMPLOYEE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/lampungselatankab/Kompeten/kp-employee-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, nip_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, sex_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, birth_place_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, grade_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, education_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, supervisor_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, nip_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, name_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, sex_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, birth_place_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, birth_date_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, unit_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, position_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, grade_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, education_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, supervisor_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, email_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, phone_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, unit_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, position_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, supervisor_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, identity_errors);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, identity_warnings);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, position_errors);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, position_warnings);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, supervisor_errors);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, supervisor_warnings);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, contact_errors);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, contact_warnings);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, record_errors);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, needed_label);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, profile_button);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, units_model);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, positions_model);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, supervisors_model);
  gtk_widget_class_bind_template_child (widget_class, KpEmployeeEditor, grade_names);

  gtk_widget_class_bind_template_callback (widget_class, format_supervisor);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_nip_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sex_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_place_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_date_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_drop_down_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_position_drop_down_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grade_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_education_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_supervisor_drop_down_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_email_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_phone_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.profile", NULL, profile_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
kp_employee_editor_init (KpEmployeeEditor *self)
{
  /* The widgets report changes while they are built and filled: none is the user's until
   * kp_employee_editor_new() has loaded the record. */
  self->updating = 1;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int grade = 0; grade < KP_GRADE_COUNT; grade++)
    gtk_string_list_append (self->grade_names, kp_grade_to_string (grade));

  self->field_rows[KP_EMPLOYEE_FIELD_NIP] = GTK_WIDGET (self->nip_row);
  self->field_rows[KP_EMPLOYEE_FIELD_NAME] = GTK_WIDGET (self->name_row);
  self->field_rows[KP_EMPLOYEE_FIELD_SEX] = GTK_WIDGET (self->sex_row);
  self->field_rows[KP_EMPLOYEE_FIELD_BIRTH_PLACE] = GTK_WIDGET (self->birth_place_row);
  self->field_rows[KP_EMPLOYEE_FIELD_BIRTH_DATE] = GTK_WIDGET (self->birth_date_row);
  self->field_rows[KP_EMPLOYEE_FIELD_EDUCATION] = GTK_WIDGET (self->education_row);
  self->field_rows[KP_EMPLOYEE_FIELD_GRADE] = GTK_WIDGET (self->grade_row);
  self->field_rows[KP_EMPLOYEE_FIELD_POSITION] = GTK_WIDGET (self->position_row);
  self->field_rows[KP_EMPLOYEE_FIELD_KIND] = GTK_WIDGET (self->position_row);
  self->field_rows[KP_EMPLOYEE_FIELD_UNIT] = GTK_WIDGET (self->unit_row);
  self->field_rows[KP_EMPLOYEE_FIELD_SUPERVISOR_NIP] = GTK_WIDGET (self->supervisor_row);
  self->field_rows[KP_EMPLOYEE_FIELD_EMAIL] = GTK_WIDGET (self->email_row);
  self->field_rows[KP_EMPLOYEE_FIELD_PHONE] = GTK_WIDGET (self->phone_row);

  self->field_icons[KP_EMPLOYEE_FIELD_NIP] = self->nip_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_NAME] = self->name_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_SEX] = self->sex_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_BIRTH_PLACE] = self->birth_place_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_BIRTH_DATE] = self->birth_date_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_EDUCATION] = self->education_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_GRADE] = self->grade_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_POSITION] = self->position_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_KIND] = self->position_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_UNIT] = self->unit_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_SUPERVISOR_NIP] = self->supervisor_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_EMAIL] = self->email_icon;
  self->field_icons[KP_EMPLOYEE_FIELD_PHONE] = self->phone_icon;

  self->group_errors[GROUP_IDENTITY] = self->identity_errors;
  self->group_warnings[GROUP_IDENTITY] = self->identity_warnings;
  self->group_errors[GROUP_POSITION] = self->position_errors;
  self->group_warnings[GROUP_POSITION] = self->position_warnings;
  self->group_errors[GROUP_SUPERVISOR] = self->supervisor_errors;
  self->group_warnings[GROUP_SUPERVISOR] = self->supervisor_warnings;
  self->group_errors[GROUP_CONTACT] = self->contact_errors;
  self->group_warnings[GROUP_CONTACT] = self->contact_warnings;

  self->no_unit = kp_unit_new ();
  kp_unit_set_name (self->no_unit, _("Choose a unit"));
  self->no_position = kp_position_new ();
  kp_position_set_title (self->no_position, _("Choose a position"));
  self->no_supervisor = kp_employee_new ();
  /* Translators: the supervisor choice for an employee who has none */
  kp_employee_set_name (self->no_supervisor, C_("supervisor", "None"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/* ---- public API ----------------------------------------------------------------------------- */

/**
 * kp_employee_editor_new:
 * @parent: the main window
 * @database: the database to save into
 * @employee: (nullable): the record to edit, or NULL for a new employee
 *
 * Returns: (transfer none): a new editor window, owned by GTK's list of toplevels
 */
KpEmployeeEditor *
kp_employee_editor_new (GtkWindow  *parent,
                        KpDatabase *database,
                        KpEmployee *employee)
{
  KpEmployeeEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (employee == NULL || KP_IS_EMPLOYEE (employee), NULL);

  self = g_object_new (KP_TYPE_EMPLOYEE_EDITOR,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "modal", FALSE,
                       NULL);

  self->database = g_object_ref (database);
  self->units = kp_database_get_units (database);
  self->positions = kp_database_get_positions (database);
  self->employees = kp_database_get_employees (database);

  if (employee != NULL)
    {
      self->original = kp_employee_copy (employee);
      self->copy = kp_employee_copy (employee);
      /* What was saved is shown as it is judged, problems and all. */
      self->touched = ALL_FIELDS;

      gtk_window_set_title (GTK_WINDOW (self), kp_employee_get_name (employee));
      adw_window_title_set_title (self->window_title, kp_employee_get_name (employee));
      /* Translators: the editor's subtitle, e.g. "NIP 196810301993082121" */
      {
        g_autofree char *subtitle = g_strdup_printf (_("NIP %s"), kp_employee_get_nip (employee));

        adw_window_title_set_subtitle (self->window_title, subtitle);
      }
      gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->profile_button), TRUE);
    }
  else
    self->copy = kp_employee_new ();

  load_record (self);
  self->updating--;

  g_signal_connect_swapped (self->units, "items-changed", G_CALLBACK (on_units_items_changed_cb), self);
  g_signal_connect_swapped (self->positions, "items-changed",
                            G_CALLBACK (on_positions_items_changed_cb), self);
  g_signal_connect_swapped (self->employees, "items-changed",
                            G_CALLBACK (on_employees_items_changed_cb), self);

  validate (self);

  return self;
}

/* ---- for the tests -------------------------------------------------------------------------- */

GtkWidget *
_kp_employee_editor_get_row (KpEmployeeEditor *self,
                             KpEmployeeField   field)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_EDITOR (self), NULL);
  g_return_val_if_fail (field >= 0 && field < KP_EMPLOYEE_N_FIELDS, NULL);

  return self->field_rows[field];
}

GtkImage *
_kp_employee_editor_get_icon (KpEmployeeEditor *self,
                              KpEmployeeField   field)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_EDITOR (self), NULL);
  g_return_val_if_fail (field >= 0 && field < KP_EMPLOYEE_N_FIELDS, NULL);

  return self->field_icons[field];
}

GtkDropDown *
_kp_employee_editor_get_unit_drop_down (KpEmployeeEditor *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_EDITOR (self), NULL);

  return self->unit_drop_down;
}

GtkDropDown *
_kp_employee_editor_get_position_drop_down (KpEmployeeEditor *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_EDITOR (self), NULL);

  return self->position_drop_down;
}

GtkDropDown *
_kp_employee_editor_get_supervisor_drop_down (KpEmployeeEditor *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_EDITOR (self), NULL);

  return self->supervisor_drop_down;
}

GtkButton *
_kp_employee_editor_get_save_button (KpEmployeeEditor *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_EDITOR (self), NULL);

  return self->save_button;
}

GtkButton *
_kp_employee_editor_get_delete_button (KpEmployeeEditor *self)
{
  g_return_val_if_fail (KP_IS_EMPLOYEE_EDITOR (self), NULL);

  return self->delete_button;
}

char *
_kp_employee_editor_get_messages (KpEmployeeEditor *self)
{
  GString *text;

  g_return_val_if_fail (KP_IS_EMPLOYEE_EDITOR (self), NULL);

  text = g_string_new (NULL);
  for (int group = 0; group < N_GROUPS; group++)
    {
      GtkLabel *labels[] = { self->group_errors[group], self->group_warnings[group] };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        if (gtk_widget_get_visible (GTK_WIDGET (labels[i])))
          g_string_append_printf (text, "%s\n", gtk_label_get_label (labels[i]));
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->record_errors)))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (self->record_errors));
  if (gtk_widget_get_visible (GTK_WIDGET (self->needed_label)))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (self->needed_label));

  return g_string_free (text, FALSE);
}
