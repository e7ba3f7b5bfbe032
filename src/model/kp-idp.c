/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-idp.c: the individual development plan (see kp-idp.h). */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-gaps.h"
#include "kompeten/kp-idp.h"
#include "kp-csv-reader-private.h"
#include "kp-database-private.h"
#include "kp-employee-private.h"

static const char *const status_names[] = { "draft", "approved", "in_progress", "done" };

const char *
kp_idp_status_to_string (KpIdpStatus status)
{
  g_return_val_if_fail (status <= KP_IDP_DONE, "");
  return status_names[status];
}

const char *
kp_idp_status_label (KpIdpStatus status)
{
  static const char *const labels[] = { N_("Draft"), N_("Approved"), N_("In progress"), N_("Done") };

  g_return_val_if_fail (status <= KP_IDP_DONE, "");
  return _(labels[status]);
}

static KpIdpStatus
status_parse (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      return i;
  return KP_IDP_DRAFT;
}

void
kp_idp_item_free (KpIdpItem *item)
{
  if (item == NULL)
    return;
  g_free (item->competency_code);
  g_free (item->competency_name);
  g_free (item->form_code);
  g_free (item->form_name);
  g_free (item->activity);
  g_free (item->target_on);
  g_free (item->approved_by_nip);
  g_free (item->approved_by_name);
  g_free (item->approved_on);
  g_free (item);
}

static JsonNode *
item_payload (gint64 item_id, const char *what, const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "item");
  json_builder_add_int_value (builder, item_id);
  json_builder_set_member_name (builder, what);
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The employee's NIP and recorded supervisor's NIP ("" when none); FALSE when not found. */
static gboolean
employee_nips (KpDb *kdb, gint64 employee_id, char **nip, char **supervisor_nip, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT e.nip, s.nip FROM employee e "
                                 "LEFT JOIN employee s ON s.id = e.supervisor_id WHERE e.id = ?",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, employee_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      *nip = g_strdup (_kp_stmt_get_text (stmt, 0));
      if (supervisor_nip != NULL)
        *supervisor_nip = g_strdup (_kp_stmt_get_text (stmt, 1));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no employee with number %" PRId64), employee_id);
  return step == KP_STEP_ROW;
}

/* Inserts one draft item inside the caller's transaction. */
static gint64
insert_item (KpDb *kdb, gint64 employee_id, gint64 competency_id, const char *form_code,
             int pillar, const char *activity, const char *target_on, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "INSERT INTO idp_item (employee_id, competency_id, form_code, "
                                 "pillar, activity, target_on) VALUES (?, ?, ?, ?, ?, ?)",
                                 error);

  if (stmt == NULL)
    return 0;
  _kp_stmt_bind_int64 (stmt, 1, employee_id);
  _kp_stmt_bind_id (stmt, 2, competency_id);
  _kp_stmt_bind_text (stmt, 3, form_code != NULL && *form_code != '\0' ? form_code : NULL);
  _kp_stmt_bind_int64 (stmt, 4, pillar);
  _kp_stmt_bind_text (stmt, 5, activity != NULL ? activity : "");
  _kp_stmt_bind_text (stmt, 6, target_on);
  if (!_kp_stmt_run (stmt, error))
    return 0;
  return _kp_db_last_insert_id (kdb);
}

gint64
kp_idp_add (KpDatabase *db, gint64 employee_id, gint64 competency_id, const char *form_code,
            int pillar, const char *activity, const char *target_on, GError **error)
{
  KpDb *kdb;
  g_autofree char *nip = NULL;
  g_autofree char *clean_activity = NULL;
  g_autoptr(JsonNode) payload = NULL;
  char target[11] = "";
  gint64 id;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);

  kdb = _kp_database_get_db (db);
  if (pillar != 70 && pillar != 20 && pillar != 10)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The pillar must be 70 (experience), 20 (social) or 10 (formal learning)"));
      return 0;
    }
  if (target_on != NULL && *target_on != '\0')
    {
      GDate date;
      GError *local_error = NULL;

      if (!kp_date_parse (target_on, KP_DATE_FORMAT_ANY, &date, NULL, &local_error))
        {
          g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, local_error->message);
          g_error_free (local_error);
          return 0;
        }
      kp_date_to_iso (&date, target);
    }
  clean_activity = kp_text_squash (activity != NULL ? activity : "");
  if (g_utf8_strlen (clean_activity, -1) > 500)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The activity is longer than 500 characters"));
      return 0;
    }
  if (!employee_nips (kdb, employee_id, &nip, NULL, error))
    return 0;

  if (!_kp_db_begin (kdb, error))
    return 0;
  /* A bad competency or form code is refused by the foreign keys. */
  id = insert_item (kdb, employee_id, competency_id, form_code, pillar, clean_activity,
                    *target != '\0' ? target : NULL, error);
  if (id == 0)
    {
      _kp_db_rollback (kdb);
      if (error != NULL && *error != NULL && (*error)->code == KP_MODEL_ERROR_DUPLICATE)
        {
          g_clear_error (error);
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                       _("The competency or the development form is not known"));
        }
      return 0;
    }
  payload = item_payload (id, "pillar", pillar == 70 ? "70" : pillar == 20 ? "20" : "10");
  if (!_kp_audit_append (db, "create", "idp", nip, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  /* No store holds the plan: this only brings the audit log up to date. */
  _kp_database_reload (db, 0);
  return id;
}

typedef struct {
  GArray *below; /* competency codes' indices below the standard */
} GapsBelow;

static gboolean
collect_below (const KpEmployeeGaps *gaps, gpointer user_data, GError **error)
{
  GapsBelow *out = user_data;

  for (guint i = 0; i < gaps->n_competencies; i++)
    if (gaps->items[i].required > 0 && gaps->items[i].attained < gaps->items[i].required)
      g_array_append_val (out->below, i);
  return TRUE;
}

int
kp_idp_add_from_gaps (KpDatabase *db, gint64 employee_id, GError **error)
{
  KpDb *kdb;
  g_autoptr(KpGaps) gaps = NULL;
  g_autoptr(GArray) below = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *nip = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  GapsBelow collected = { below };
  int added = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), -1);

  kdb = _kp_database_get_db (db);
  if (!employee_nips (kdb, employee_id, &nip, NULL, error))
    return -1;
  gaps = kp_gaps_new (db, error);
  if (gaps == NULL || !kp_gaps_judge (gaps, employee_id, 0, collect_below, &collected, error))
    return -1;

  if (!_kp_db_begin (kdb, error))
    return -1;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "competencies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < below->len; i++)
    {
      const char *code = kp_gaps_get_code (gaps, g_array_index (below, guint, i));
      KpStmt *stmt = _kp_db_prepare (kdb,
                                     "SELECT c.id, (SELECT count (*) FROM idp_item t "
                                     "  WHERE t.employee_id = ?1 AND t.competency_id = c.id "
                                     "  AND t.status <> 'done') "
                                     "FROM competency c WHERE c.code = ?2",
                                     error);
      gint64 competency_id = 0, open_items = 0;

      if (stmt == NULL)
        goto fail;
      _kp_stmt_bind_int64 (stmt, 1, employee_id);
      _kp_stmt_bind_text (stmt, 2, code);
      if (_kp_stmt_step (stmt, error) == KP_STEP_ROW)
        {
          competency_id = _kp_stmt_get_int64 (stmt, 0);
          open_items = _kp_stmt_get_int64 (stmt, 1);
        }
      _kp_stmt_reset (stmt);
      if (error != NULL && *error != NULL)
        goto fail;
      if (competency_id == 0 || open_items > 0)
        continue;
      if (insert_item (kdb, employee_id, competency_id, NULL, 10, "", NULL, error) == 0)
        goto fail;
      json_builder_add_string_value (builder, code);
      added++;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (added == 0)
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  payload = json_builder_get_root (builder);
  if (!_kp_audit_append (db, "create", "idp", nip, payload, error) || !_kp_db_commit (kdb, error))
    goto fail;
  _kp_database_reload (db, 0);
  return added;

fail:
  _kp_db_rollback (kdb);
  return -1;
}

gboolean
kp_idp_set_status (KpDatabase *db, gint64 item_id, KpIdpStatus status, const char *approver_nip,
                   GError **error)
{
  KpDb *kdb;
  g_autofree char *nip = NULL;
  g_autofree char *supervisor_nip = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpIdpStatus current = KP_IDP_DRAFT;
  gint64 employee_id = 0;
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status <= KP_IDP_DONE, FALSE);

  kdb = _kp_database_get_db (db);
  stmt = _kp_db_prepare (kdb, "SELECT employee_id, status FROM idp_item WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, item_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      employee_id = _kp_stmt_get_int64 (stmt, 0);
      current = status_parse (_kp_stmt_get_text (stmt, 1));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  if (step == KP_STEP_DONE)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no plan item with number %" PRId64), item_id);
      return FALSE;
    }
  if (status != current + 1)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: two statuses, e.g. "Draft" and "Done". */
                   _("An item that is “%s” cannot become “%s”: a plan goes from draft to approved "
                     "(by the supervisor), in progress, then done"),
                   kp_idp_status_label (current), kp_idp_status_label (status));
      return FALSE;
    }
  if (!employee_nips (kdb, employee_id, &nip, &supervisor_nip, error))
    return FALSE;
  if (status == KP_IDP_APPROVED &&
      (*supervisor_nip == '\0' || g_strcmp0 (approver_nip, supervisor_nip) != 0))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("Only the employee's recorded supervisor approves the plan"));
      return FALSE;
    }

  if (status == KP_IDP_APPROVED)
    stmt = _kp_db_prepare (kdb,
                           "UPDATE idp_item SET status = ?1, approved_by = "
                           "(SELECT id FROM employee WHERE nip = ?2), approved_on = ?3 "
                           "WHERE id = ?4",
                           error);
  else
    stmt = _kp_db_prepare (kdb, "UPDATE idp_item SET status = ?1 WHERE id = ?4", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, kp_idp_status_to_string (status));
  if (status == KP_IDP_APPROVED)
    {
      GDate today;
      char iso[11];

      _kp_today (&today);
      kp_date_to_iso (&today, iso);
      _kp_stmt_bind_text (stmt, 2, approver_nip);
      _kp_stmt_bind_text (stmt, 3, iso);
    }
  _kp_stmt_bind_int64 (stmt, 4, item_id);
  payload = item_payload (item_id, "status", kp_idp_status_to_string (status));
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_stmt_run (stmt, error) ||
      !_kp_audit_append (db, "update", "idp", nip, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_database_reload (db, 0);
  return TRUE;
}

#define ITEM_SELECT                                                                       \
  "SELECT t.id, t.employee_id, c.code, c.name, t.form_code, d.name, t.pillar, t.activity, " \
  "       t.target_on, t.status, a.nip, a.name, t.approved_on, e.nip, e.name, u.name "    \
  "FROM idp_item t "                                                                      \
  "JOIN employee e ON e.id = t.employee_id "                                              \
  "LEFT JOIN position p ON p.id = e.position_id "                                         \
  "LEFT JOIN unit u ON u.id = p.unit_id "                                                 \
  "LEFT JOIN competency c ON c.id = t.competency_id "                                     \
  "LEFT JOIN development_form d ON d.code = t.form_code "                                 \
  "LEFT JOIN employee a ON a.id = t.approved_by "

static KpIdpItem *
item_from_row (KpStmt *stmt)
{
  KpIdpItem *item = g_new0 (KpIdpItem, 1);

  item->id = _kp_stmt_get_int64 (stmt, 0);
  item->employee_id = _kp_stmt_get_int64 (stmt, 1);
  item->competency_code = g_strdup (_kp_stmt_get_text (stmt, 2));
  item->competency_name = g_strdup (_kp_stmt_get_text (stmt, 3));
  item->form_code = g_strdup (_kp_stmt_get_text (stmt, 4));
  item->form_name = g_strdup (_kp_stmt_get_text (stmt, 5));
  item->pillar = (int) _kp_stmt_get_int64 (stmt, 6);
  item->activity = g_strdup (_kp_stmt_get_text (stmt, 7));
  item->target_on = g_strdup (_kp_stmt_get_text (stmt, 8));
  item->status = status_parse (_kp_stmt_get_text (stmt, 9));
  item->approved_by_nip = g_strdup (_kp_stmt_get_text (stmt, 10));
  item->approved_by_name = g_strdup (_kp_stmt_get_text (stmt, 11));
  item->approved_on = g_strdup (_kp_stmt_get_text (stmt, 12));
  return item;
}

GPtrArray *
kp_idp_list (KpDatabase *db, gint64 employee_id, GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_idp_item_free);
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         ITEM_SELECT "WHERE t.employee_id = ? "
                         "ORDER BY coalesce (t.target_on, '9999'), t.id",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, employee_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&items);
}

gboolean
kp_idp_export_csv (KpDatabase *db, gint64 unit_id, gint64 employee_id, const char *path,
                   GError **error)
{
  static const char *const header[] = {
    "nip", "nama", "unit_kerja", "kode_kompetensi", "kompetensi", "bentuk", "pilar", "kegiatan",
    "target", "status", "disetujui_oleh", "tanggal_persetujuan",
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  GError *local_error = NULL;
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "WITH RECURSIVE scope (id) AS ("
                         "  SELECT id FROM unit WHERE ?1 = 0 OR id = ?1"
                         "  UNION"
                         "  SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id) "
                         ITEM_SELECT
                         "WHERE u.id IN (SELECT id FROM scope) AND (?2 = 0 OR t.employee_id = ?2) "
                         "ORDER BY u.name, e.name, coalesce (t.target_on, '9999'), t.id",
                         error);
  if (stmt == NULL)
    return FALSE;

  file = g_file_new_for_commandline_arg (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL)
    return FALSE;
  if (!_kp_csv_write_row (G_OUTPUT_STREAM (out), header, G_N_ELEMENTS (header), error))
    return FALSE;

  _kp_stmt_bind_int64 (stmt, 1, MAX (unit_id, 0));
  _kp_stmt_bind_int64 (stmt, 2, MAX (employee_id, 0));
  while ((step = _kp_stmt_step (stmt, &local_error)) == KP_STEP_ROW)
    {
      g_autofree char *pillar = g_strdup_printf ("%" G_GINT64_FORMAT, _kp_stmt_get_int64 (stmt, 6));
      const char *row[] = {
        _kp_stmt_get_text (stmt, 13), _kp_stmt_get_text (stmt, 14), _kp_stmt_get_text (stmt, 15),
        _kp_stmt_get_text (stmt, 2), _kp_stmt_get_text (stmt, 3), _kp_stmt_get_text (stmt, 4),
        pillar, _kp_stmt_get_text (stmt, 7), _kp_stmt_get_text (stmt, 8),
        _kp_stmt_get_text (stmt, 9), _kp_stmt_get_text (stmt, 10), _kp_stmt_get_text (stmt, 12),
      };

      if (!_kp_csv_write_row (G_OUTPUT_STREAM (out), row, G_N_ELEMENTS (row), &local_error))
        break;
    }
  _kp_stmt_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
