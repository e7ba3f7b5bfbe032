/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-assessments.c: assessment events, their results per assessor, the consensus recorded for
 * a disagreement, the outcomes the core consensus rule gives, and the import of results. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-assessments.h"
#include "kompeten/kp-core.h"
#include "kp-csv-reader-private.h"
#include "kp-database-private.h"
#include "kp-employee-private.h"

#define NAME_MAX_CHARS 200
#define NOTE_MAX_CHARS 4000

/* ---- methods --------------------------------------------------------------------------------- */

static const struct {
  const char *canonical;
  const char *title;             /* starts the name of an event an import creates */
  const char *aliases[4];        /* folded, '-' and '_' as spaces */
} methods[KP_ASSESSMENT_N_METHODS] = {
  { "assessment centre", "Assessment centre", { "assessment center", "ac", NULL } },
  { "uji kompetensi", "Uji kompetensi", { NULL } },
  { "wawancara", "Wawancara", { "interview", NULL } },
  { "360", "Penilaian 360", { "360 derajat", "360 degree", "360 degrees", NULL } },
  { "self-assessment", "Self-assessment", { "self assessment", "penilaian mandiri", NULL } },
};

int
kp_assessment_method_parse (const char *text)
{
  g_autofree char *key = NULL;

  if (text == NULL)
    return -1;
  /* The stored form comes back from every query: match it before folding. */
  for (int m = 0; m < KP_ASSESSMENT_N_METHODS; m++)
    if (strcmp (text, methods[m].canonical) == 0)
      return m;

  key = kp_text_fold (text);
  for (char *p = key; *p != '\0'; p++)
    if (*p == '_' || *p == '-')
      *p = ' ';
  for (int m = 0; m < KP_ASSESSMENT_N_METHODS; m++)
    {
      g_autofree char *canonical = g_strdelimit (g_strdup (methods[m].canonical), "-", ' ');

      if (strcmp (key, canonical) == 0)
        return m;
      for (guint a = 0; methods[m].aliases[a] != NULL; a++)
        if (strcmp (key, methods[m].aliases[a]) == 0)
          return m;
    }
  return -1;
}

const char *
kp_assessment_method_to_string (int method)
{
  if (method < 0 || method >= KP_ASSESSMENT_N_METHODS)
    return NULL;
  return methods[method].canonical;
}

/* ---- small readers --------------------------------------------------------------------------- */

void
kp_assessment_free (KpAssessment *assessment)
{
  if (assessment == NULL)
    return;
  g_free (assessment->name);
  g_free (assessment->period);
  g_free (assessment->held_on);
  g_free (assessment->method);
  g_free (assessment);
}

void
kp_assessment_outcome_free (KpAssessmentOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->assessment_name);
  g_free (outcome->held_on);
  g_free (outcome->method);
  g_free (outcome->code);
  g_free (outcome->reason);
  g_free (outcome->nip);
  g_free (outcome->employee_name);
  g_clear_pointer (&outcome->levels, g_array_unref);
  g_free (outcome);
}

void
kp_assessment_result_free (KpAssessmentResult *result)
{
  if (result == NULL)
    return;
  g_free (result->assessor);
  g_free (result->note);
  g_free (result);
}

/* One text column of the row with @id: NULL with no error when there is no such row. */
static char *
lookup_text (KpStmt *stmt, gint64 id, GError **error)
{
  KpStep step;
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    text = g_strdup (_kp_stmt_get_text (stmt, 0));
  _kp_stmt_reset (stmt);
  return text;
}

/* The text @sql (one parameter: @id) finds, or NOT_FOUND with @missing (a translated format
 * taking the id). */
static char *
required_text (KpDb *kdb, const char *sql, gint64 id, const char *missing, GError **error)
{
  GError *local_error = NULL;
  char *text = lookup_text (_kp_db_prepare (kdb, sql, &local_error), id, &local_error);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (text == NULL)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND, missing, id);
  return text;
}

static char *
assessment_name (KpDb *kdb, gint64 id, GError **error)
{
  return required_text (kdb, "SELECT name FROM assessment WHERE id = ?", id,
                        _("There is no assessment with id %" PRId64), error);
}

static char *
employee_nip (KpDb *kdb, gint64 id, GError **error)
{
  return required_text (kdb, "SELECT nip FROM employee WHERE id = ?", id,
                        _("There is no employee with id %" PRId64), error);
}

static char *
competency_code (KpDb *kdb, gint64 id, GError **error)
{
  return required_text (kdb, "SELECT code FROM competency WHERE id = ?", id,
                        _("There is no competency with id %" PRId64), error);
}

/* The levels the assessors of one event gave one person on one competency. */
static GArray *
event_levels (KpDb *kdb, gint64 assessment_id, gint64 employee_id, gint64 competency_id,
              GError **error)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (int));
  KpStmt *stmt;
  KpStep step;

  stmt = _kp_db_prepare (kdb,
                         "SELECT level FROM assessment_result WHERE assessment_id = ? "
                         "AND employee_id = ? AND competency_id = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, assessment_id);
  _kp_stmt_bind_int64 (stmt, 2, employee_id);
  _kp_stmt_bind_int64 (stmt, 3, competency_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      int level = (int) _kp_stmt_get_int64 (stmt, 0);

      g_array_append_val (levels, level);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&levels);
}

static gboolean
check_level (int level, GError **error)
{
  if (level >= KP_LEVEL_MIN && level <= KP_LEVEL_MAX)
    return TRUE;
  g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
               _("The level must be a whole number from 1 to 5"));
  return FALSE;
}

/* Commits the change with its audit event, or rolls it back. */
static gboolean
finish (KpDatabase *db, const char *action, const char *entity, const char *entity_id,
        JsonBuilder *builder, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  g_autoptr(JsonNode) payload = json_builder_get_root (builder);

  if (!_kp_audit_append (db, action, entity, entity_id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  return TRUE;
}

/* The audit payload of one assessor's result (recorded or deleted). */
static JsonBuilder *
result_payload (gint64 assessment_id, const char *name, const char *code, const char *assessor,
                int level, const char *note)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "assessment_id");
  json_builder_add_int_value (builder, assessment_id);
  json_builder_set_member_name (builder, "assessment");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "competency");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "assessor");
  json_builder_add_string_value (builder, assessor);
  json_builder_set_member_name (builder, "level");
  json_builder_add_int_value (builder, level);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, note);
  json_builder_end_object (builder);
  return builder;
}

/* ---- events, results, consensus -------------------------------------------------------------- */

gint64
kp_assessment_create (KpDatabase *db, const char *name, const char *period,
                      const char *held_on, int method, GError **error)
{
  KpDb *kdb;
  KpStmt *stmt;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_period = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) date_error = NULL;
  GDate date, today;
  char iso[11];
  gint64 id;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);

  kdb = _kp_database_get_db (db);
  clean_name = kp_text_squash (name != NULL ? name : "");
  clean_period = kp_text_squash (period != NULL ? period : "");
  if (*clean_name == '\0' || g_utf8_strlen (clean_name, -1) > NAME_MAX_CHARS)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The assessment needs a name of at most %d characters"), NAME_MAX_CHARS);
      return 0;
    }
  if (g_utf8_strlen (clean_period, -1) > NAME_MAX_CHARS)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The period is longer than %d characters"), NAME_MAX_CHARS);
      return 0;
    }
  if (!kp_date_parse (held_on, KP_DATE_FORMAT_ANY, &date, NULL, &date_error))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The date of the assessment is not valid: %s"), date_error->message);
      return 0;
    }
  _kp_today (&today);
  if (g_date_compare (&date, &today) > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The date of the assessment is after today"));
      return 0;
    }
  if (kp_assessment_method_to_string (method) == NULL)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The method must be assessment centre, uji kompetensi, wawancara, 360 or "
                     "self-assessment"));
      return 0;
    }
  kp_date_to_iso (&date, iso);

  if (!_kp_db_begin (kdb, error))
    return 0;
  stmt = _kp_db_prepare (kdb,
                         "INSERT INTO assessment (name, period, held_on, method) VALUES (?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  _kp_stmt_bind_text (stmt, 1, clean_name);
  _kp_stmt_bind_text (stmt, 2, clean_period);
  _kp_stmt_bind_text (stmt, 3, iso);
  _kp_stmt_bind_text (stmt, 4, kp_assessment_method_to_string (method));
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return 0;
    }
  id = _kp_db_last_insert_id (kdb);
  id_text = g_strdup_printf ("%" PRId64, id);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, clean_name);
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, clean_period);
  json_builder_set_member_name (builder, "held_on");
  json_builder_add_string_value (builder, iso);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, kp_assessment_method_to_string (method));
  json_builder_end_object (builder);
  if (!finish (db, "create", "assessment", id_text, builder, error))
    return 0;
  return id;
}

gboolean
kp_assessment_record (KpDatabase *db, gint64 assessment_id, gint64 employee_id,
                      gint64 competency_id, const char *assessor, int level, const char *note,
                      GError **error)
{
  KpDb *kdb;
  KpStmt *stmt;
  g_autofree char *clean_assessor = NULL;
  g_autofree char *clean_note = NULL;
  g_autofree char *name = NULL;
  g_autofree char *nip = NULL;
  g_autofree char *code = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  clean_assessor = kp_text_squash (assessor != NULL ? assessor : "");
  clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  if (*clean_assessor == '\0' || g_utf8_strlen (clean_assessor, -1) > NAME_MAX_CHARS)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("Name the assessor who gave the level (at most %d characters)"),
                   NAME_MAX_CHARS);
      return FALSE;
    }
  if (!check_level (level, error))
    return FALSE;
  if (!g_utf8_validate (clean_note, -1, NULL) || g_utf8_strlen (clean_note, -1) > NOTE_MAX_CHARS)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The note must be text of at most %d characters"), NOTE_MAX_CHARS);
      return FALSE;
    }

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if ((name = assessment_name (kdb, assessment_id, error)) == NULL ||
      (nip = employee_nip (kdb, employee_id, error)) == NULL ||
      (code = competency_code (kdb, competency_id, error)) == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  stmt = _kp_db_prepare (kdb,
                         "INSERT INTO assessment_result (assessment_id, employee_id, competency_id, "
                         "assessor, level, note) VALUES (?, ?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, assessment_id);
  _kp_stmt_bind_int64 (stmt, 2, employee_id);
  _kp_stmt_bind_int64 (stmt, 3, competency_id);
  _kp_stmt_bind_text (stmt, 4, clean_assessor);
  _kp_stmt_bind_int64 (stmt, 5, level);
  _kp_stmt_bind_text (stmt, 6, clean_note);
  if (!_kp_stmt_run (stmt, &local_error))
    {
      _kp_db_rollback (kdb);
      if (g_error_matches (local_error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE))
        {
          g_clear_error (&local_error);
          /* Translators: an assessor's name, a competency code, an NIP, an assessment's name. */
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                       _("%s already gave a level for %s to %s in “%s”: correct that result "
                         "instead of adding a second one"),
                       clean_assessor, code, nip, name);
          return FALSE;
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }

  builder = result_payload (assessment_id, name, code, clean_assessor, level, clean_note);
  return finish (db, "create", "assessment-result", nip, builder, error);
}

gboolean
kp_assessment_set_consensus (KpDatabase *db, gint64 assessment_id, gint64 employee_id,
                             gint64 competency_id, int level, const char *reason, GError **error)
{
  KpDb *kdb;
  KpStmt *stmt;
  KpStep step;
  g_autofree char *clean_reason = NULL;
  g_autofree char *name = NULL;
  g_autofree char *nip = NULL;
  g_autofree char *code = NULL;
  g_autofree char *old_reason = NULL;
  g_autoptr(GArray) levels = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  int old_level = 0, computed, spread;
  KpConsensus consensus;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  clean_reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (!check_level (level, error))
    return FALSE;
  if (*clean_reason == '\0' || !g_utf8_validate (clean_reason, -1, NULL) ||
      g_utf8_strlen (clean_reason, -1) > NOTE_MAX_CHARS)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("A consensus level needs its reason (at most %d characters)"), NOTE_MAX_CHARS);
      return FALSE;
    }

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if ((name = assessment_name (kdb, assessment_id, error)) == NULL ||
      (nip = employee_nip (kdb, employee_id, error)) == NULL ||
      (code = competency_code (kdb, competency_id, error)) == NULL ||
      (levels = event_levels (kdb, assessment_id, employee_id, competency_id, error)) == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  consensus = kp_consensus_compute ((const int *) (gpointer) levels->data, levels->len, &computed,
                                    &spread);
  if (consensus == KP_CONSENSUS_NONE)
    {
      _kp_db_rollback (kdb);
      /* Translators: a competency code, an NIP, an assessment's name. */
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("No assessor gave a level for %s to %s in “%s”: there is nothing to agree on"),
                   code, nip, name);
      return FALSE;
    }
  if (consensus != KP_CONSENSUS_DISAGREEMENT)
    {
      _kp_db_rollback (kdb);
      /* Translators: a competency code, an NIP, an assessment's name, then a level. */
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The assessors of %s for %s in “%s” differ by at most one level: the level "
                     "(%d) follows from their results and needs no consensus"),
                   code, nip, name, computed);
      return FALSE;
    }

  stmt = _kp_db_prepare (kdb,
                         "SELECT level, reason FROM assessment_consensus WHERE assessment_id = ? "
                         "AND employee_id = ? AND competency_id = ?",
                         error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, assessment_id);
  _kp_stmt_bind_int64 (stmt, 2, employee_id);
  _kp_stmt_bind_int64 (stmt, 3, competency_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      old_level = (int) _kp_stmt_get_int64 (stmt, 0);
      old_reason = g_strdup (_kp_stmt_get_text (stmt, 1));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if (old_reason != NULL && old_level == level && strcmp (old_reason, clean_reason) == 0)
    {
      /* Recorded already: nothing changes, nothing to audit. */
      _kp_db_rollback (kdb);
      return TRUE;
    }

  stmt = _kp_db_prepare (kdb,
                         "INSERT INTO assessment_consensus (assessment_id, employee_id, "
                         "competency_id, level, reason) VALUES (?1, ?2, ?3, ?4, ?5) "
                         "ON CONFLICT (assessment_id, employee_id, competency_id) DO UPDATE SET "
                         "level = excluded.level, reason = excluded.reason",
                         error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, assessment_id);
  _kp_stmt_bind_int64 (stmt, 2, employee_id);
  _kp_stmt_bind_int64 (stmt, 3, competency_id);
  _kp_stmt_bind_int64 (stmt, 4, level);
  _kp_stmt_bind_text (stmt, 5, clean_reason);
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "assessment_id");
  json_builder_add_int_value (builder, assessment_id);
  json_builder_set_member_name (builder, "assessment");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "competency");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < levels->len; i++)
    json_builder_add_int_value (builder, g_array_index (levels, int, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "level");
  json_builder_begin_object (builder);
  if (old_reason != NULL)
    {
      json_builder_set_member_name (builder, "old");
      json_builder_add_int_value (builder, old_level);
    }
  json_builder_set_member_name (builder, "new");
  json_builder_add_int_value (builder, level);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "reason");
  json_builder_begin_object (builder);
  if (old_reason != NULL)
    {
      json_builder_set_member_name (builder, "old");
      json_builder_add_string_value (builder, old_reason);
    }
  json_builder_set_member_name (builder, "new");
  json_builder_add_string_value (builder, clean_reason);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return finish (db, old_reason != NULL ? "update" : "create", "assessment-consensus", nip,
                 builder, error);
}

gboolean
kp_assessment_delete_result (KpDatabase *db, gint64 result_id, GError **error)
{
  KpDb *kdb;
  KpStmt *stmt;
  KpStep step;
  g_autofree char *name = NULL;
  g_autofree char *nip = NULL;
  g_autofree char *code = NULL;
  g_autofree char *assessor = NULL;
  g_autofree char *note = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  gint64 assessment_id = 0;
  int level = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  stmt = _kp_db_prepare (kdb,
                         "SELECT r.assessment_id, a.name, e.nip, c.code, r.assessor, r.level, "
                         "  r.note "
                         "FROM assessment_result r "
                         "JOIN assessment a ON a.id = r.assessment_id "
                         "JOIN employee e ON e.id = r.employee_id "
                         "JOIN competency c ON c.id = r.competency_id "
                         "WHERE r.id = ?",
                         error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, result_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      assessment_id = _kp_stmt_get_int64 (stmt, 0);
      name = g_strdup (_kp_stmt_get_text (stmt, 1));
      nip = g_strdup (_kp_stmt_get_text (stmt, 2));
      code = g_strdup (_kp_stmt_get_text (stmt, 3));
      assessor = g_strdup (_kp_stmt_get_text (stmt, 4));
      level = (int) _kp_stmt_get_int64 (stmt, 5);
      note = g_strdup (_kp_stmt_get_text (stmt, 6));
    }
  _kp_stmt_reset (stmt);
  if (step != KP_STEP_ROW)
    {
      _kp_db_rollback (kdb);
      if (step == KP_STEP_DONE)
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                     _("There is no assessment result with id %" PRId64), result_id);
      return FALSE;
    }

  stmt = _kp_db_prepare (kdb, "DELETE FROM assessment_result WHERE id = ?", error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, result_id);
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  builder = result_payload (assessment_id, name, code, assessor, level, note);
  return finish (db, "delete", "assessment-result", nip, builder, error);
}

/* ---- reading --------------------------------------------------------------------------------- */

GPtrArray *
kp_assessment_list (KpDatabase *db, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_assessment_free);
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT a.id, a.name, a.period, a.held_on, a.method, "
                         "  (SELECT count (*) FROM assessment_result r WHERE r.assessment_id = a.id), "
                         "  (SELECT count (DISTINCT r.employee_id) FROM assessment_result r "
                         "   WHERE r.assessment_id = a.id) "
                         "FROM assessment a ORDER BY a.held_on DESC, a.id DESC",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpAssessment *assessment = g_new0 (KpAssessment, 1);

      assessment->id = _kp_stmt_get_int64 (stmt, 0);
      assessment->name = g_strdup (_kp_stmt_get_text (stmt, 1));
      assessment->period = g_strdup (_kp_stmt_get_text (stmt, 2));
      assessment->held_on = g_strdup (_kp_stmt_get_text (stmt, 3));
      assessment->method = g_strdup (_kp_stmt_get_text (stmt, 4));
      assessment->n_results = (guint) _kp_stmt_get_int64 (stmt, 5);
      assessment->n_employees = (guint) _kp_stmt_get_int64 (stmt, 6);
      g_ptr_array_add (list, assessment);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

/* Judges the levels of one event on one competency; @recorded_level is the consensus stored for
 * it (0: none). Fills @level (0: does not count) and returns the kind of outcome. */
static KpConsensus
judge (const int *levels, guint n_levels, int recorded_level, int *level, int *low, int *high)
{
  KpConsensus consensus;
  int spread;

  consensus = kp_consensus_compute (levels, n_levels, level, &spread);
  if (low != NULL)
    {
      *low = levels[0];
      for (guint i = 1; i < n_levels; i++)
        *low = MIN (*low, levels[i]);
      *high = *low + spread;
    }
  if (consensus == KP_CONSENSUS_DISAGREEMENT)
    *level = recorded_level;
  return consensus;
}

static void
add_outcome (GPtrArray *outcomes, KpAssessmentOutcome *outcome, GArray *levels)
{
  int recorded_level = outcome->recorded ? outcome->level : 0;

  outcome->n_assessors = (int) levels->len;
  outcome->levels = g_array_copy (levels);
  outcome->consensus = judge ((const int *) (gpointer) levels->data, levels->len, recorded_level,
                              &outcome->level, &outcome->min, &outcome->max);
  /* A consensus counts only for a disagreement (results corrected since may agree now). */
  if (outcome->consensus != KP_CONSENSUS_DISAGREEMENT)
    {
      outcome->recorded = FALSE;
      g_free (outcome->reason);
      outcome->reason = g_strdup ("");
    }
  g_ptr_array_add (outcomes, outcome);
}

/* What every outcome query selects, its results grouped by event, employee and competency and
 * each group's levels lowest first; OUTCOMES_FROM joins what they name. */
#define OUTCOMES_SELECT                                                                        \
  "SELECT a.id, a.name, a.held_on, a.method, c.id, c.code, r.level, s.level, s.reason, "      \
  "  e.id, e.nip, e.name "
#define OUTCOMES_FROM                                                                          \
  "FROM assessment_result r "                                                                 \
  "JOIN assessment a ON a.id = r.assessment_id "                                              \
  "JOIN competency c ON c.id = r.competency_id "                                              \
  "JOIN employee e ON e.id = r.employee_id "                                                  \
  "LEFT JOIN assessment_consensus s ON s.assessment_id = r.assessment_id "                    \
  "  AND s.employee_id = r.employee_id AND s.competency_id = r.competency_id "

/* Runs @stmt (bound, of OUTCOMES_SELECT) and judges each group of rows. */
static GPtrArray *
read_outcomes (KpStmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) outcomes =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_assessment_outcome_free);
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (int));
  KpAssessmentOutcome *current = NULL;
  KpStep step;

  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 assessment_id = _kp_stmt_get_int64 (stmt, 0);
      gint64 competency_id = _kp_stmt_get_int64 (stmt, 4);
      gint64 employee_id = _kp_stmt_get_int64 (stmt, 9);
      int level = (int) _kp_stmt_get_int64 (stmt, 6);

      if (current == NULL || current->assessment_id != assessment_id ||
          current->competency_id != competency_id || current->employee_id != employee_id)
        {
          if (current != NULL)
            add_outcome (outcomes, current, levels);
          g_array_set_size (levels, 0);
          current = g_new0 (KpAssessmentOutcome, 1);
          current->assessment_id = assessment_id;
          current->assessment_name = g_strdup (_kp_stmt_get_text (stmt, 1));
          current->held_on = g_strdup (_kp_stmt_get_text (stmt, 2));
          current->method = g_strdup (_kp_stmt_get_text (stmt, 3));
          current->competency_id = competency_id;
          current->code = g_strdup (_kp_stmt_get_text (stmt, 5));
          current->recorded = !_kp_stmt_is_null (stmt, 7);
          current->level = (int) _kp_stmt_get_int64 (stmt, 7);
          current->reason = g_strdup (_kp_stmt_get_text (stmt, 8));
          current->employee_id = employee_id;
          current->nip = g_strdup (_kp_stmt_get_text (stmt, 10));
          current->employee_name = g_strdup (_kp_stmt_get_text (stmt, 11));
        }
      g_array_append_val (levels, level);
    }
  _kp_stmt_reset (stmt);
  if (current != NULL)
    {
      if (step == KP_STEP_ERROR)
        kp_assessment_outcome_free (current);
      else
        add_outcome (outcomes, current, levels);
    }
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&outcomes);
}

/* The outcomes @sql selects (a string literal of OUTCOMES_SELECT OUTCOMES_FROM …: statements
 * are cached by its address), its one parameter bound to @id. */
static GPtrArray *
query_outcomes (KpDatabase *db, const char *sql, gint64 id, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (_kp_database_get_db (db), sql, error);

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, id);
  return read_outcomes (stmt, error);
}

GPtrArray *
kp_assessment_outcomes (KpDatabase *db, gint64 employee_id, GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  return query_outcomes (db,
                         OUTCOMES_SELECT OUTCOMES_FROM "WHERE r.employee_id = ? "
                         "ORDER BY a.held_on DESC, a.id DESC, c.type, c.code, r.level",
                         employee_id, error);
}

GPtrArray *
kp_assessment_event_outcomes (KpDatabase *db, gint64 assessment_id, GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  return query_outcomes (db,
                         OUTCOMES_SELECT OUTCOMES_FROM "WHERE r.assessment_id = ? "
                         "ORDER BY e.name, e.nip, e.id, c.type, c.code, r.level",
                         assessment_id, error);
}

GPtrArray *
kp_assessment_results (KpDatabase *db, gint64 assessment_id, gint64 employee_id,
                       gint64 competency_id, GError **error)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_assessment_result_free);
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT id, assessor, level, note FROM assessment_result "
                         "WHERE assessment_id = ? AND employee_id = ? AND competency_id = ? "
                         "ORDER BY assessor, id",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, assessment_id);
  _kp_stmt_bind_int64 (stmt, 2, employee_id);
  _kp_stmt_bind_int64 (stmt, 3, competency_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpAssessmentResult *result = g_new0 (KpAssessmentResult, 1);

      result->id = _kp_stmt_get_int64 (stmt, 0);
      result->assessor = g_strdup (_kp_stmt_get_text (stmt, 1));
      result->level = (int) _kp_stmt_get_int64 (stmt, 2);
      result->note = g_strdup (_kp_stmt_get_text (stmt, 3));
      g_ptr_array_add (results, result);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&results);
}

/* One result in the latest-level pass: its event's place in time and its level. */
typedef struct {
  guint rank;   /* 1 = the oldest event (by date, then id) */
  int level;
} Given;

typedef struct {
  gint64 assessment_id;
  gint64 employee_id;
  gint64 competency_id;
} ConsensusKey;

static guint
consensus_key_hash (gconstpointer data)
{
  const ConsensusKey *key = data;
  guint64 h = (guint64) key->assessment_id * 0x9E3779B97F4A7C15u;

  h ^= (guint64) key->employee_id * 0xC2B2AE3D27D4EB4Fu;
  h ^= (guint64) key->competency_id * 0x165667B19E3779F9u;
  return (guint) (h ^ (h >> 32));
}

static gboolean
consensus_key_equal (gconstpointer a, gconstpointer b)
{
  const ConsensusKey *x = a, *y = b;

  return x->assessment_id == y->assessment_id && x->employee_id == y->employee_id &&
         x->competency_id == y->competency_id;
}

static int
compare_given_newest_first (gconstpointer a, gconstpointer b)
{
  const Given *x = a, *y = b;

  return x->rank < y->rank ? 1 : x->rank > y->rank ? -1 : 0;
}

typedef struct {
  GArray *ids;                 /* of gint64: event ids by rank − 1 */
  GHashTable *consensus;       /* ConsensusKey → recorded level */
  GArray *levels;              /* of int: scratch for one event's levels */
  KpLatestLevelFunc func;
  gpointer user_data;
} Latest;

/* The latest counted level of one employee on one competency from its results @given. */
static void
emit_latest (Latest *latest, gint64 employee_id, gint64 competency_id, GArray *given)
{
  GArray *levels = latest->levels;

  g_array_sort (given, compare_given_newest_first);
  for (guint start = 0, end; start < given->len; start = end)
    {
      guint rank = g_array_index (given, Given, start).rank;
      int level = 0;

      g_array_set_size (levels, 0);
      for (end = start; end < given->len && g_array_index (given, Given, end).rank == rank; end++)
        g_array_append_val (levels, g_array_index (given, Given, end).level);

      if (kp_consensus_compute ((const int *) (gpointer) levels->data, levels->len, &level, NULL) ==
          KP_CONSENSUS_DISAGREEMENT)
        {
          ConsensusKey key = { g_array_index (latest->ids, gint64, rank - 1), employee_id,
                               competency_id };

          level = GPOINTER_TO_INT (g_hash_table_lookup (latest->consensus, &key));
        }
      if (level > 0)
        {
          latest->func (employee_id, competency_id, level, latest->user_data);
          return;
        }
    }
}

gboolean
kp_assessment_foreach_latest (KpDatabase *db, KpLatestLevelFunc func, gpointer user_data,
                              GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) ranks = NULL;
  g_autoptr(GHashTable) consensus = NULL;
  g_autoptr(GArray) given = g_array_new (FALSE, FALSE, sizeof (Given));
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (int));
  Latest latest = { 0 };
  KpDb *kdb;
  KpStmt *stmt;
  KpStep step;
  gint64 employee_id = 0, competency_id = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  kdb = _kp_database_get_db (db);

  /* The events in time order: few, so their rank is looked up in C rather than joined and
   * sorted by SQLite for every result. */
  stmt = _kp_db_prepare (kdb, "SELECT id FROM assessment ORDER BY held_on, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 id = _kp_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  ranks = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (ranks, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i + 1));

  /* The recorded consensus levels: one per disagreement, few. */
  consensus = g_hash_table_new_full (consensus_key_hash, consensus_key_equal, g_free, NULL);
  stmt = _kp_db_prepare (kdb,
                         "SELECT assessment_id, employee_id, competency_id, level "
                         "FROM assessment_consensus",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      ConsensusKey *key = g_new (ConsensusKey, 1);

      key->assessment_id = _kp_stmt_get_int64 (stmt, 0);
      key->employee_id = _kp_stmt_get_int64 (stmt, 1);
      key->competency_id = _kp_stmt_get_int64 (stmt, 2);
      g_hash_table_insert (consensus, key, GINT_TO_POINTER ((int) _kp_stmt_get_int64 (stmt, 3)));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;

  latest.ids = ids;
  latest.consensus = consensus;
  latest.levels = levels;
  latest.func = func;
  latest.user_data = user_data;

  /* Every result once, grouped by the index on (employee_id, competency_id). */
  stmt = _kp_db_prepare (kdb,
                         "SELECT employee_id, competency_id, assessment_id, level "
                         "FROM assessment_result ORDER BY employee_id, competency_id",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 e = _kp_stmt_get_int64 (stmt, 0);
      gint64 c = _kp_stmt_get_int64 (stmt, 1);
      gint64 a = _kp_stmt_get_int64 (stmt, 2);
      Given one;

      if (e != employee_id || c != competency_id)
        {
          if (given->len > 0)
            emit_latest (&latest, employee_id, competency_id, given);
          g_array_set_size (given, 0);
          employee_id = e;
          competency_id = c;
        }
      one.rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, &a));
      one.level = (int) _kp_stmt_get_int64 (stmt, 3);
      if (one.rank > 0) /* else an event deleted by another program since it was ranked */
        g_array_append_val (given, one);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  if (given->len > 0)
    emit_latest (&latest, employee_id, competency_id, given);
  return TRUE;
}

/* ---- import ---------------------------------------------------------------------------------- */

enum { COL_NIP, COL_CODE, COL_LEVEL, COL_ASSESSOR, COL_DATE, COL_METHOD, COL_NOTE, N_COLS };

static const char *const column_names[N_COLS][6] = {
  { "nip", NULL },
  { "kode kompetensi", "competency code", "code", "kode", "kompetensi", "competency" },
  { "level", "tingkat", NULL },
  { "penilai", "assessor", "asesor", NULL },
  { "tanggal", "date", "tanggal penilaian", NULL },
  { "metode", "method", NULL },
  { "catatan", "note", "notes", "keterangan", NULL },
};

/* An event of the file: a (date, method) pair, resolved to a stored event on its first good
 * row. */
typedef struct {
  char held_on[11];
  int method;
  gint64 id;       /* 0 until resolved */
  gboolean fresh;  /* created by this import: it has no stored results to compare with */
} FileEvent;

/* A result's natural key within the file, and the line that brought it first. */
typedef struct {
  gint64 employee_id;
  gint64 competency_id;
  guint event;      /* index into the file's events */
  guint assessor;   /* index into the file's assessors */
  guint64 line;
} Seen;

#define SEEN_BLOCK 4096

static guint
seen_hash (gconstpointer data)
{
  const Seen *s = data;
  guint64 h = (guint64) s->employee_id * 0x9E3779B97F4A7C15u;

  h ^= (guint64) s->competency_id * 0xC2B2AE3D27D4EB4Fu;
  h ^= ((guint64) s->event << 32 | s->assessor) * 0x165667B19E3779F9u;
  return (guint) (h ^ (h >> 29));
}

static gboolean
seen_equal (gconstpointer a, gconstpointer b)
{
  const Seen *x = a, *y = b;

  return x->employee_id == y->employee_id && x->competency_id == y->competency_id &&
         x->event == y->event && x->assessor == y->assessor;
}

typedef struct {
  KpDb *kdb;
  GHashTable *employees;    /* NIP → id */
  GHashTable *competencies; /* folded code → id */
  GHashTable *event_index;  /* "date method" → index + 1 */
  GArray *events;           /* of FileEvent */
  GHashTable *assessor_index; /* assessor → index + 1 */
  GHashTable *seen;         /* Seen → itself; the Seen live in @blocks */
  GPtrArray *blocks;        /* of Seen[SEEN_BLOCK] */
  guint n_seen;
  guint n_events_created;
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->employees, g_hash_table_destroy);
  g_clear_pointer (&import->competencies, g_hash_table_destroy);
  g_clear_pointer (&import->event_index, g_hash_table_destroy);
  g_clear_pointer (&import->events, g_array_unref);
  g_clear_pointer (&import->assessor_index, g_hash_table_destroy);
  g_clear_pointer (&import->seen, g_hash_table_destroy);
  g_clear_pointer (&import->blocks, g_ptr_array_unref);
}

static gboolean
import_load (Import *import, GError **error)
{
  KpStmt *stmt;
  KpStep step;

  import->employees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->competencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->event_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->events = g_array_new (FALSE, TRUE, sizeof (FileEvent));
  import->assessor_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->seen = g_hash_table_new (seen_hash, seen_equal);
  import->blocks = g_ptr_array_new_with_free_func (g_free);

  stmt = _kp_db_prepare (import->kdb, "SELECT nip, id FROM employee", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    g_hash_table_insert (import->employees, g_strdup (_kp_stmt_get_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) _kp_stmt_get_int64 (stmt, 1)));
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;

  stmt = _kp_db_prepare (import->kdb, "SELECT code, id FROM competency", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    g_hash_table_insert (import->competencies, kp_text_fold (_kp_stmt_get_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) _kp_stmt_get_int64 (stmt, 1)));
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

static guint
file_event (Import *import, const char *held_on, int method)
{
  g_autofree char *key = g_strdup_printf ("%s %d", held_on, method);
  gpointer index = g_hash_table_lookup (import->event_index, key);
  FileEvent event = { { 0 } };

  if (index != NULL)
    return GPOINTER_TO_UINT (index) - 1;
  memcpy (event.held_on, held_on, sizeof event.held_on);
  event.method = method;
  g_array_append_val (import->events, event);
  g_hash_table_insert (import->event_index, g_steal_pointer (&key),
                       GUINT_TO_POINTER (import->events->len));
  return import->events->len - 1;
}

static guint
file_assessor (Import *import, const char *assessor)
{
  gpointer index = g_hash_table_lookup (import->assessor_index, assessor);

  if (index != NULL)
    return GPOINTER_TO_UINT (index) - 1;
  g_hash_table_insert (import->assessor_index, g_strdup (assessor),
                       GUINT_TO_POINTER (g_hash_table_size (import->assessor_index) + 1));
  return g_hash_table_size (import->assessor_index) - 1;
}

/* The line on which the same result came first, or 0 (and then it is remembered). */
static guint64
seen_before (Import *import, const Seen *key)
{
  Seen *found = g_hash_table_lookup (import->seen, key);
  Seen *slot;

  if (found != NULL)
    return found->line;
  if (import->n_seen % SEEN_BLOCK == 0)
    g_ptr_array_add (import->blocks, g_new (Seen, SEEN_BLOCK));
  slot = (Seen *) g_ptr_array_index (import->blocks, import->blocks->len - 1) +
         import->n_seen % SEEN_BLOCK;
  *slot = *key;
  import->n_seen++;
  g_hash_table_add (import->seen, slot);
  return 0;
}

/* The stored event of @event: the oldest with its date and method, else a new one. */
static gboolean
resolve_event (Import *import, FileEvent *event, GError **error)
{
  const char *method = kp_assessment_method_to_string (event->method);
  g_autofree char *name = NULL;
  char year[5];
  KpStmt *stmt;
  KpStep step;

  stmt = _kp_db_prepare (import->kdb,
                         "SELECT id FROM assessment WHERE held_on = ? AND method = ? "
                         "ORDER BY id LIMIT 1",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, event->held_on);
  _kp_stmt_bind_text (stmt, 2, method);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    event->id = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  if (event->id > 0)
    return TRUE;

  /* Named after the method and the date, in the period of the date's year. */
  name = g_strdup_printf ("%s %s", methods[event->method].title, event->held_on);
  memcpy (year, event->held_on, 4);
  year[4] = '\0';
  stmt = _kp_db_prepare (import->kdb,
                         "INSERT INTO assessment (name, period, held_on, method) VALUES (?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_text (stmt, 1, name);
  _kp_stmt_bind_text (stmt, 2, year);
  _kp_stmt_bind_text (stmt, 3, event->held_on);
  _kp_stmt_bind_text (stmt, 4, method);
  if (!_kp_stmt_run (stmt, error))
    return FALSE;
  event->id = _kp_db_last_insert_id (import->kdb);
  event->fresh = TRUE;
  import->n_events_created++;
  return TRUE;
}

typedef enum { ROW_CREATED, ROW_UPDATED, ROW_SAME, ROW_FAILED } RowState;

static RowState
write_result (Import *import, FileEvent *event, gint64 employee_id, gint64 competency_id,
              const char *assessor, int level, const char *note, GError **error)
{
  KpStmt *stmt;
  KpStep step;
  gint64 result_id = 0;

  if (event->id == 0 && !resolve_event (import, event, error))
    return ROW_FAILED;

  if (!event->fresh)
    {
      gboolean same = FALSE;

      stmt = _kp_db_prepare (import->kdb,
                             "SELECT id, level, note FROM assessment_result WHERE assessment_id = ? "
                             "AND employee_id = ? AND competency_id = ? AND assessor = ?",
                             error);
      if (stmt == NULL)
        return ROW_FAILED;
      _kp_stmt_bind_int64 (stmt, 1, event->id);
      _kp_stmt_bind_int64 (stmt, 2, employee_id);
      _kp_stmt_bind_int64 (stmt, 3, competency_id);
      _kp_stmt_bind_text_static (stmt, 4, assessor);
      step = _kp_stmt_step (stmt, error);
      if (step == KP_STEP_ROW)
        {
          result_id = _kp_stmt_get_int64 (stmt, 0);
          same = _kp_stmt_get_int64 (stmt, 1) == level &&
                 strcmp (_kp_stmt_get_text (stmt, 2), note) == 0;
        }
      _kp_stmt_reset (stmt);
      if (step == KP_STEP_ERROR)
        return ROW_FAILED;
      if (same)
        return ROW_SAME;
    }

  if (result_id > 0)
    {
      /* The same assessment of the same person corrected: not a new piece of history. */
      stmt = _kp_db_prepare (import->kdb,
                             "UPDATE assessment_result SET level = ?, note = ? WHERE id = ?",
                             error);
      if (stmt == NULL)
        return ROW_FAILED;
      _kp_stmt_bind_int64 (stmt, 1, level);
      _kp_stmt_bind_text_static (stmt, 2, note);
      _kp_stmt_bind_int64 (stmt, 3, result_id);
      return _kp_stmt_run (stmt, error) ? ROW_UPDATED : ROW_FAILED;
    }

  stmt = _kp_db_prepare (import->kdb,
                         "INSERT INTO assessment_result (assessment_id, employee_id, competency_id, "
                         "assessor, level, note) VALUES (?, ?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return ROW_FAILED;
  _kp_stmt_bind_int64 (stmt, 1, event->id);
  _kp_stmt_bind_int64 (stmt, 2, employee_id);
  _kp_stmt_bind_int64 (stmt, 3, competency_id);
  _kp_stmt_bind_text_static (stmt, 4, assessor);
  _kp_stmt_bind_int64 (stmt, 5, level);
  _kp_stmt_bind_text_static (stmt, 6, note);
  return _kp_stmt_run (stmt, error) ? ROW_CREATED : ROW_FAILED;
}

gboolean
kp_assessments_import (KpDatabase *db, GFile *file, gboolean all_or_nothing,
                       KpImportCounts *counts, GPtrArray **problems_out, GError **error)
{
  g_autoptr(KpCsvReader) reader = NULL;
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _kp_import_problem_free);
  g_auto(GStrv) header = NULL;
  g_autofree char *display_name = g_file_get_basename (file);
  const KpCsvRecord *record;
  KpImportCounts c = { 0 };
  Import import = { 0 };
  GError *local_error = NULL;
  GDate today;
  int columns[N_COLS];
  guint n_header;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  import.kdb = _kp_database_get_db (db);
  _kp_today (&today);

  reader = _kp_csv_reader_open (file, NULL, error);
  if (reader == NULL)
    return FALSE;
  /* The note may be missing; every other column is needed. */
  n_header = _kp_csv_reader_read_header (reader, display_name, &column_names[0][0],
                                         G_N_ELEMENTS (column_names[0]), N_COLS, COL_NOTE,
                                         "nip, kode_kompetensi, level, penilai, tanggal, metode, "
                                         "catatan",
                                         columns, &header, error);
  if (n_header == 0)
    return FALSE;

  if (!import_load (&import, error) || !_kp_db_begin (import.kdb, error))
    {
      import_clear (&import);
      return FALSE;
    }

  while (local_error == NULL && (record = _kp_csv_reader_next (reader, &local_error)) != NULL)
    {
      const char *field[N_COLS];
      g_autofree char *nip = NULL;
      g_autofree char *code = NULL;
      g_autofree char *level_text = NULL;
      g_autofree char *assessor = NULL;
      g_autofree char *note = NULL;
      g_autoptr(GError) date_error = NULL;
      gint64 employee_id = 0, competency_id = 0, level = 0;
      int method;
      GDate date;
      char held_on[11] = "";
      gboolean ok = TRUE;
      RowState state;
      Seen key;
      guint64 first_line;

#define REFUSE(col, reason)                                                                  \
      G_STMT_START {                                                                         \
        g_ptr_array_add (problems, _kp_import_problem_new (record->line, header[columns[col]], \
                                                           field[col], reason, FALSE));      \
        ok = FALSE;                                                                          \
      } G_STMT_END

      c.read++;
      if (record->n_fields != n_header)
        {
          g_autofree char *reason = _kp_csv_width_reason (record->n_fields, n_header);
          g_ptr_array_add (problems, _kp_import_problem_new (record->line, "", "", reason, FALSE));
          c.rejected++;
          continue;
        }
      for (int col = 0; col < N_COLS; col++)
        field[col] = columns[col] >= 0 ? record->fields[columns[col]] : "";

      nip = kp_text_squash (field[COL_NIP]);
      employee_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (import.employees, nip));
      if (employee_id == 0)
        {
          g_autoptr(GError) nip_error = NULL;

          if (*nip == '\0')
            REFUSE (COL_NIP, _("The NIP is empty"));
          else if (!kp_nip_parse (nip, NULL, &nip_error))
            REFUSE (COL_NIP, nip_error->message);
          else
            REFUSE (COL_NIP, _("No employee with this NIP is in the register"));
        }

      code = kp_text_fold (field[COL_CODE]);
      competency_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (import.competencies, code));
      if (competency_id == 0)
        REFUSE (COL_CODE, *code == '\0' ? _("The competency code is empty")
                                        : _("No competency with this code is in the dictionary"));

      level_text = kp_text_squash (field[COL_LEVEL]);
      if (!g_ascii_string_to_signed (level_text, 10, KP_LEVEL_MIN, KP_LEVEL_MAX, &level, NULL))
        REFUSE (COL_LEVEL, _("The level must be a whole number from 1 to 5"));

      assessor = kp_text_squash (field[COL_ASSESSOR]);
      if (*assessor == '\0')
        REFUSE (COL_ASSESSOR, _("The assessor is empty: name who gave the level (for a "
                                "self-assessment, the employee)"));
      else if (g_utf8_strlen (assessor, -1) > NAME_MAX_CHARS)
        REFUSE (COL_ASSESSOR, _("The assessor's name is too long"));

      if (!kp_date_parse (field[COL_DATE], KP_DATE_FORMAT_ANY, &date, NULL, &date_error))
        REFUSE (COL_DATE, date_error->message);
      else if (g_date_compare (&date, &today) > 0)
        REFUSE (COL_DATE, _("The date is after today"));
      else
        kp_date_to_iso (&date, held_on);

      method = kp_assessment_method_parse (field[COL_METHOD]);
      if (method < 0)
        REFUSE (COL_METHOD, _("The method must be assessment centre, uji kompetensi, wawancara, "
                              "360 or self-assessment"));

      note = kp_text_squash (columns[COL_NOTE] >= 0 ? field[COL_NOTE] : "");
      if (g_utf8_strlen (note, -1) > NOTE_MAX_CHARS)
        REFUSE (COL_NOTE, _("The note is too long"));

      if (ok)
        {
          key.employee_id = employee_id;
          key.competency_id = competency_id;
          key.event = file_event (&import, held_on, method);
          key.assessor = file_assessor (&import, assessor);
          key.line = record->line;
          first_line = seen_before (&import, &key);
          if (first_line > 0)
            {
              g_autofree char *reason =
                g_strdup_printf (_("The same NIP, competency, assessor, date and method already "
                                   "appear on line %" PRIu64 " (the first one is kept)"),
                                 first_line);

              REFUSE (COL_NIP, reason);
            }
        }
      if (!ok)
        {
          c.rejected++;
          continue;
        }
#undef REFUSE

      state = write_result (&import, &g_array_index (import.events, FileEvent, key.event),
                            employee_id, competency_id, assessor, (int) level, note,
                            &local_error);
      if (state == ROW_FAILED)
        break;
      if (state == ROW_CREATED)
        c.created++;
      else if (state == ROW_UPDATED)
        c.updated++;
      else
        c.unchanged++;
    }

  if (local_error == NULL)
    {
      if (all_or_nothing && c.rejected > 0)
        {
          _kp_db_rollback (import.kdb);
          c.created = c.updated = c.unchanged = 0;
        }
      else
        {
          if (c.created > 0 || c.updated > 0)
            {
              g_autoptr(JsonNode) payload =
                _kp_audit_import_payload (display_name, _kp_csv_reader_get_checksum (reader), &c,
                                          "assessments_created",
                                          (gint64) import.n_events_created, NULL);

              _kp_audit_append (db, "import", "assessment", NULL, payload, &local_error);
            }
          if (local_error == NULL)
            _kp_db_commit (import.kdb, &local_error);
          else
            _kp_db_rollback (import.kdb);
        }
    }
  else
    _kp_db_rollback (import.kdb);
  import_clear (&import);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (counts != NULL)
    *counts = c;
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return TRUE;
}
