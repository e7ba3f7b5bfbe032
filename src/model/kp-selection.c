/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-selection.c: selections, their rules, the announcement and its amendments (see
 * kp-selection.h).
 *
 * Every write to the announced content (rules, vacancies, name, appeal text) is recorded the
 * same way: the rules snapshot before and after the change, and the difference of the two as
 * the audit payload ("changes": path, old, new, sentence). So the log shows old and new values
 * of whatever changed, in the same words as an amendment, and a change that changes nothing
 * writes no event. */

#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-audit.h"
#include "kompeten/kp-core.h"
#include "kompeten/kp-selection.h"
#include "kp-database-private.h"
#include "kp-recruitment-private.h"

/* Longer texts would not fit the announcement's tables. */
#define NAME_MAX_CHARS 200
#define TEXT_MAX_CHARS 4000

static const char *const selection_types[] = { "cpns", "pppk", "jpt", "internal", "non-asn" };

/* As in selection_stage's CHECK. */
static const char *const stage_kinds[] = {
  "administration", "skd", "skb", "interview", "assessment", "paper", "track-record",
  "competency", "other", NULL
};

const char *
kp_selection_type_to_string (KpSelectionType type)
{
  g_return_val_if_fail (type < KP_SELECTION_TYPE_COUNT, NULL);
  return selection_types[type];
}

int
kp_selection_type_parse (const char *text, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (selection_types); i++)
    if (g_strcmp0 (text, selection_types[i]) == 0)
      return (int) i;
  g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
               /* Translators: keep the type names as they are. */
               _("“%s” is not a selection type: use cpns, pppk, jpt, internal or non-asn"),
               text != NULL ? text : "");
  return -1;
}

void
kp_selection_free (KpSelection *selection)
{
  if (selection == NULL)
    return;
  g_free (selection->name);
  g_free (selection->type);
  g_free (selection->appeal_text);
  g_free (selection->amendment_reason);
  g_free (selection);
}

void
kp_selection_stage_free (KpSelectionStage *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->name);
  g_free (stage->kind);
  g_free (stage->method);
  g_free (stage->scoring);
  g_free (stage->starts_on);
  g_free (stage->ends_on);
  g_free (stage->place);
  g_free (stage);
}

void
kp_announcement_free (KpAnnouncement *announcement)
{
  if (announcement == NULL)
    return;
  g_free (announcement->reason);
  g_free (announcement->published_at);
  g_free (announcement->published_by);
  g_free (announcement->checkpoint);
  g_free (announcement);
}

void
kp_rules_change_free (KpRulesChange *change)
{
  if (change == NULL)
    return;
  g_free (change->path);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->sentence);
  g_free (change);
}

/* ---- validation ------------------------------------------------------------------------------ */

/* @text squashed into @out when it is valid UTF-8, not longer than @max_chars and (unless
 * @may_be_empty) not empty; the error names @field. */
static gboolean
check_text (const char *text, const char *field, gsize max_chars, gboolean may_be_empty,
            char **out, GError **error)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s names the field. */
                   _("The %s is not valid text (UTF-8)"), field);
      return FALSE;
    }
  clean = kp_text_squash (text);
  if (!may_be_empty && *clean == '\0')
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, _("The %s is empty"), field);
      return FALSE;
    }
  if (g_utf8_strlen (clean, -1) > (glong) max_chars)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s names the field, %u is a number of characters. */
                   _("The %s is longer than %u characters"), field, (guint) max_chars);
      return FALSE;
    }
  *out = g_steal_pointer (&clean);
  return TRUE;
}

static gboolean
check_range (int value, int min, int max, const char *field, GError **error)
{
  if (value < min || value > max)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s names the field; the numbers are the refused value and
                    * the allowed range. */
                   _("The %s must be from %d to %d, not %d"), field, min, max, value);
      return FALSE;
    }
  return TRUE;
}

/* A date in any of the forms core reads (or NULL / empty for none) into @iso, as ISO. */
static gboolean
check_date (const char *text, const char *field, char **iso, GError **error)
{
  GDate date;
  char buf[11];
  g_autoptr(GError) local = NULL;

  *iso = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!kp_date_parse (text, KP_DATE_FORMAT_ANY, &date, NULL, &local))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %s names the field, then the refused text, then why. */
                   _("The %s “%s” is not a date: %s"), field, text, local->message);
      return FALSE;
    }
  kp_date_to_iso (&date, buf);
  *iso = g_strdup (buf);
  return TRUE;
}

/* @stage made valid into @clean (strings squashed, dates ISO). */
static gboolean
check_stage (const KpSelectionStage *stage, KpSelectionStage *clean, GError **error)
{
  if (!check_text (stage->name, _("stage name"), NAME_MAX_CHARS, FALSE, &clean->name, error) ||
      !check_text (stage->method, _("stage method"), NAME_MAX_CHARS, TRUE, &clean->method,
                   error) ||
      !check_text (stage->place, _("stage place"), NAME_MAX_CHARS, TRUE, &clean->place, error))
    return FALSE;
  if (stage->kind == NULL || !g_strv_contains (stage_kinds, stage->kind))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("“%s” is not a stage kind: use administration, skd, skb, interview, "
                     "assessment, paper, track-record, competency or other"),
                   stage->kind != NULL ? stage->kind : "");
      return FALSE;
    }
  clean->kind = g_strdup (stage->kind);
  if (g_strcmp0 (stage->scoring, "sum") != 0 && g_strcmp0 (stage->scoring, "weighted") != 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("“%s” is not a way of scoring a stage: use sum or weighted"),
                   stage->scoring != NULL ? stage->scoring : "");
      return FALSE;
    }
  clean->scoring = g_strdup (stage->scoring);
  if (!check_range (stage->weight_percent, 0, 100, _("stage weight"), error) ||
      !check_range (stage->cutoff_multiple, 0, 1000, _("cut-off multiple"), error))
    return FALSE;
  clean->weight_percent = stage->weight_percent;
  clean->cutoff_multiple = stage->cutoff_multiple;
  clean->eliminates = stage->eliminates != FALSE;
  if (!check_date (stage->starts_on, _("start date"), &clean->starts_on, error) ||
      !check_date (stage->ends_on, _("end date"), &clean->ends_on, error))
    return FALSE;
  if (clean->starts_on != NULL && clean->ends_on != NULL &&
      strcmp (clean->ends_on, clean->starts_on) < 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The stage “%s” ends (%s) before it starts (%s)"), clean->name,
                   clean->ends_on, clean->starts_on);
      return FALSE;
    }
  return TRUE;
}

/* A code of the vocabulary, a formasi kind, a component code: short, no spaces needed. */
static gboolean
check_code (const char *text, const char *field, char **out, GError **error)
{
  return check_text (text, field, 40, FALSE, out, error);
}

/* ---- reading --------------------------------------------------------------------------------- */

static KpSelectionStage *
stage_from_row (KpStmt *stmt)
{
  KpSelectionStage *stage = g_new0 (KpSelectionStage, 1);

  stage->id = _kp_stmt_get_int64 (stmt, 0);
  stage->position = (int) _kp_stmt_get_int64 (stmt, 1);
  stage->name = g_strdup (_kp_stmt_get_text (stmt, 2));
  stage->kind = g_strdup (_kp_stmt_get_text (stmt, 3));
  stage->method = g_strdup (_kp_stmt_get_text (stmt, 4));
  stage->scoring = g_strdup (_kp_stmt_get_text (stmt, 5));
  stage->weight_percent = (int) _kp_stmt_get_int64 (stmt, 6);
  stage->eliminates = _kp_stmt_get_int64 (stmt, 7) != 0;
  stage->cutoff_multiple = (int) _kp_stmt_get_int64 (stmt, 8);
  stage->starts_on = _kp_stmt_is_null (stmt, 9) ? NULL : g_strdup (_kp_stmt_get_text (stmt, 9));
  stage->ends_on = _kp_stmt_is_null (stmt, 10) ? NULL : g_strdup (_kp_stmt_get_text (stmt, 10));
  stage->place = g_strdup (_kp_stmt_get_text (stmt, 11));
  return stage;
}

static GPtrArray *
load_stages (KpDb *kdb, gint64 selection_id, GError **error)
{
  g_autoptr(GPtrArray) stages =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_selection_stage_free);
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT id, position, name, kind, method, scoring, "
                                 "weight_percent, eliminates, cutoff_multiple, starts_on, "
                                 "ends_on, place FROM selection_stage WHERE selection_id = ? "
                                 "ORDER BY position",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    g_ptr_array_add (stages, stage_from_row (stmt));
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&stages);
}

/* The stage @stage_id and its selection; NOT_FOUND without it. */
static KpSelectionStage *
load_stage (KpDb *kdb, gint64 stage_id, gint64 *selection_id, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT id, position, name, kind, method, scoring, "
                                 "weight_percent, eliminates, cutoff_multiple, starts_on, "
                                 "ends_on, place, selection_id FROM selection_stage WHERE id = ?",
                                 error);
  KpSelectionStage *stage = NULL;
  KpStep step;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, stage_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      stage = stage_from_row (stmt);
      *selection_id = _kp_stmt_get_int64 (stmt, 12);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no stage with id %" PRId64), stage_id);
  return stage;
}

GPtrArray *
kp_selection_stages_list (KpDatabase *db, gint64 selection_id, GError **error)
{
  KpDb *kdb;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  kdb = _kp_database_get_db (db);
  if (!_kp_selection_check_exists (kdb, selection_id, error))
    return NULL;
  return load_stages (kdb, selection_id, error);
}

void
kp_selection_requirement_free (KpSelectionRequirement *requirement)
{
  if (requirement == NULL)
    return;
  g_free (requirement->text);
  g_free (requirement);
}

GPtrArray *
kp_selection_requirements_list (KpDatabase *db, gint64 selection_id, GError **error)
{
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_selection_requirement_free);
  KpDb *kdb;
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  kdb = _kp_database_get_db (db);
  if (!_kp_selection_check_exists (kdb, selection_id, error))
    return NULL;
  stmt = _kp_db_prepare (kdb,
                         "SELECT id, position, text FROM selection_requirement "
                         "WHERE selection_id = ? ORDER BY position, id",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpSelectionRequirement *requirement = g_new0 (KpSelectionRequirement, 1);

      requirement->id = _kp_stmt_get_int64 (stmt, 0);
      requirement->position = (int) _kp_stmt_get_int64 (stmt, 1);
      requirement->text = g_strdup (_kp_stmt_get_text (stmt, 2));
      g_ptr_array_add (list, requirement);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

static void
add_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* The rows of @sql (its one parameter: @id) as an array of objects under @member, the columns
 * named by @names (NULL-terminated) and typed by @types: 's' text, 'i' integer. */
static gboolean
add_rows (JsonBuilder *builder, const char *member, const char *const *names, const char *types,
          KpDb *kdb, const char *sql, gint64 id, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, sql, error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, id);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      json_builder_begin_object (builder);
      for (int c = 0; names[c] != NULL; c++)
        if (types[c] == 'i')
          add_int (builder, names[c], _kp_stmt_get_int64 (stmt, c));
        else
          add_string (builder, names[c], _kp_stmt_get_text (stmt, c));
      json_builder_end_object (builder);
    }
  _kp_stmt_reset (stmt);
  json_builder_end_array (builder);
  return step != KP_STEP_ERROR;
}

static const char *const component_names[] = { "code", "name", "max_score", "weight_percent",
                                               NULL };
static const char *const pass_rule_names[] = { "formasi_kind", "component_code", "min_score",
                                               NULL };
static const char *const code_names[] = { "stage_kind", "code", "label", "meaning", NULL };
static const char *const tie_break_names[] = { "position", "criterion", "label", NULL };
static const char *const requirement_names[] = { "position", "text", NULL };
static const char *const formasi_names[] = { "code", "position_title", "unit", "education",
                                             "study_programme", "kind", "quota", NULL };

static JsonNode *
rules_node (KpDb *kdb, gint64 selection_id, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) stages = NULL;
  KpStmt *stmt;
  KpStep step;

  stmt = _kp_db_prepare (kdb, "SELECT name, type, year, appeal_text FROM selection WHERE id = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  step = _kp_stmt_step (stmt, error);
  if (step != KP_STEP_ROW)
    {
      _kp_stmt_reset (stmt);
      if (step == KP_STEP_DONE)
        g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                     _("There is no selection with id %" PRId64), selection_id);
      return NULL;
    }
  json_builder_begin_object (builder);
  add_string (builder, "name", _kp_stmt_get_text (stmt, 0));
  add_string (builder, "type", _kp_stmt_get_text (stmt, 1));
  add_int (builder, "year", _kp_stmt_get_int64 (stmt, 2));
  add_string (builder, "appeal_text", _kp_stmt_get_text (stmt, 3));
  _kp_stmt_reset (stmt);

  if ((stages = load_stages (kdb, selection_id, error)) == NULL)
    return NULL;
  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stages->len; i++)
    {
      const KpSelectionStage *stage = g_ptr_array_index (stages, i);

      json_builder_begin_object (builder);
      add_int (builder, "position", stage->position);
      add_string (builder, "name", stage->name);
      add_string (builder, "kind", stage->kind);
      add_string (builder, "method", stage->method);
      add_string (builder, "scoring", stage->scoring);
      add_int (builder, "weight_percent", stage->weight_percent);
      json_builder_set_member_name (builder, "eliminates");
      json_builder_add_boolean_value (builder, stage->eliminates);
      add_int (builder, "cutoff_multiple", stage->cutoff_multiple);
      add_string (builder, "starts_on", stage->starts_on);
      add_string (builder, "ends_on", stage->ends_on);
      add_string (builder, "place", stage->place);

      if (!add_rows (builder, "components", component_names, "ssii", kdb,
                     "SELECT code, name, max_score, weight_percent FROM stage_component "
                     "WHERE stage_id = ? ORDER BY position, code",
                     stage->id, error))
        return NULL;
      if (!add_rows (builder, "pass_rules", pass_rule_names, "ssi", kdb,
                     "SELECT formasi_kind, component_code, min_score FROM pass_rule "
                     "WHERE stage_id = ? ORDER BY formasi_kind, component_code",
                     stage->id, error))
        return NULL;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (!add_rows (builder, "codes", code_names, "ssss", kdb,
                 "SELECT stage_kind, code, label, meaning FROM selection_code "
                 "WHERE selection_id = ? ORDER BY stage_kind, code",
                 selection_id, error))
    return NULL;
  if (!add_rows (builder, "tie_break", tie_break_names, "iss", kdb,
                 "SELECT position, criterion, label FROM selection_tie_break "
                 "WHERE selection_id = ? ORDER BY position",
                 selection_id, error))
    return NULL;
  if (!add_rows (builder, "requirements", requirement_names, "is", kdb,
                 "SELECT position, text FROM selection_requirement "
                 "WHERE selection_id = ? ORDER BY position",
                 selection_id, error))
    return NULL;
  if (!add_rows (builder, "formasi", formasi_names, "ssssssi", kdb,
                 "SELECT code, position_title, unit, education, study_programme, kind, "
                 "quota FROM formasi WHERE selection_id = ? ORDER BY code",
                 selection_id, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
node_to_text (JsonNode *node, gboolean pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, pretty);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static char *
rules_text (KpDb *kdb, gint64 selection_id, GError **error)
{
  g_autoptr(JsonNode) node = rules_node (kdb, selection_id, error);

  return node != NULL ? node_to_text (node, TRUE) : NULL;
}

char *
kp_selection_rules_json (KpDatabase *db, gint64 selection_id, GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  return rules_text (_kp_database_get_db (db), selection_id, error);
}

GPtrArray *
kp_selection_list (KpDatabase *db, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_selection_free);
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT s.id, s.name, s.type, s.year, s.appeal_text, s.sample_percent, "
                         "s.locked, s.amendment_reason, "
                         "(SELECT COALESCE (MAX (version), 0) FROM announcement a "
                         " WHERE a.selection_id = s.id), "
                         "(SELECT COUNT (*) FROM formasi f WHERE f.selection_id = s.id), "
                         "(SELECT COUNT (*) FROM applicant p WHERE p.selection_id = s.id) "
                         "FROM selection s ORDER BY s.year DESC, s.id DESC",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpSelection *selection = g_new0 (KpSelection, 1);

      selection->id = _kp_stmt_get_int64 (stmt, 0);
      selection->name = g_strdup (_kp_stmt_get_text (stmt, 1));
      selection->type = g_strdup (_kp_stmt_get_text (stmt, 2));
      selection->year = (int) _kp_stmt_get_int64 (stmt, 3);
      selection->appeal_text = g_strdup (_kp_stmt_get_text (stmt, 4));
      selection->sample_percent = (int) _kp_stmt_get_int64 (stmt, 5);
      selection->locked = _kp_stmt_get_int64 (stmt, 6) != 0;
      selection->amendment_reason =
        _kp_stmt_is_null (stmt, 7) ? NULL : g_strdup (_kp_stmt_get_text (stmt, 7));
      selection->version = (int) _kp_stmt_get_int64 (stmt, 8);
      selection->n_formasi = _kp_stmt_get_int64 (stmt, 9);
      selection->n_applicants = _kp_stmt_get_int64 (stmt, 10);
      g_ptr_array_add (list, selection);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

KpSelection *
kp_selection_get (KpDatabase *db, gint64 selection_id, GError **error)
{
  g_autoptr(GPtrArray) list = kp_selection_list (db, error);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (((KpSelection *) g_ptr_array_index (list, i))->id == selection_id)
      return g_ptr_array_steal_index (list, i);
  g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
               _("There is no selection with id %" PRId64), selection_id);
  return NULL;
}

gint64
kp_selection_find (KpDatabase *db, const char *name, GError **error)
{
  g_autoptr(GPtrArray) list = kp_selection_list (db, error);

  if (list == NULL)
    return 0;
  for (guint i = 0; i < list->len; i++)
    {
      KpSelection *selection = g_ptr_array_index (list, i);

      if (g_strcmp0 (selection->name, name) == 0)
        return selection->id;
    }
  g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
               _("There is no selection named “%s”"), name != NULL ? name : "");
  return 0;
}

/* ---- the diff -------------------------------------------------------------------------------- */

/* How the elements of each array are matched between two snapshots, and named. */
static const struct {
  const char *array;
  const char *key1;
  const char *key2;       /* NULL: one key */
  const char *label;      /* with the key(s) */
} array_keys[] = {
  /* Translators: a stage's position and name in a list of changes. */
  { "stages", "position", NULL, N_("Stage %s “%s”") },
  { "components", "code", NULL, N_("component %s") },
  /* Translators: a formasi kind and a component code ("umum", "TWK"). */
  { "pass_rules", "formasi_kind", "component_code", N_("pass rule %s/%s") },
  /* Translators: a stage kind and a code ("skd", "P/L"). */
  { "codes", "stage_kind", "code", N_("Code %s/%s") },
  { "tie_break", "position", NULL, N_("Tie-break %s") },
  { "requirements", "position", NULL, N_("Requirement %s") },
  { "formasi", "code", NULL, N_("Vacancy %s") },
};

static const struct {
  const char *member;
  const char *label;
} field_labels[] = {
  { "name", N_("name") },
  { "type", N_("type") },
  { "year", N_("year") },
  { "appeal_text", N_("appeal text") },
  { "kind", N_("kind") },
  { "method", N_("method") },
  { "scoring", N_("scoring") },
  { "weight_percent", N_("weight") },
  { "eliminates", N_("eliminates") },
  { "cutoff_multiple", N_("cut-off (× quota)") },
  { "starts_on", N_("starts on") },
  { "ends_on", N_("ends on") },
  { "place", N_("place") },
  { "max_score", N_("maximum") },
  { "min_score", N_("minimum") },
  { "label", N_("label") },
  { "meaning", N_("meaning") },
  { "criterion", N_("criterion") },
  { "text", N_("text") },
  { "position_title", N_("position") },
  { "unit", N_("unit") },
  { "education", N_("education") },
  { "study_programme", N_("study programme") },
  { "quota", N_("quota") },
};

static const char *
field_label (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (field_labels[i].member, member) == 0)
      return _(field_labels[i].label);
  return member;
}

/* A scalar's raw value (NULL for null), or an object's JSON text. */
static char *
raw_value (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? "true" : "false");
      return g_strdup (json_node_get_string (node));
    }
  return node_to_text (node, FALSE);
}

/* A scalar as people read it in a sentence. */
static char *
shown_value (JsonNode *node, const char *member)
{
  g_autofree char *raw = raw_value (node);

  if (raw == NULL)
    return g_strdup ("—");
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_str_has_suffix (member, "_percent") ? g_strdup_printf ("%s %%", raw)
                                                 : g_steal_pointer (&raw);
  return g_strdup_printf ("“%s”", raw);
}

static void
add_change (GPtrArray *changes, char *path, JsonNode *old_node, JsonNode *new_node,
            char *sentence)
{
  KpRulesChange *change = g_new0 (KpRulesChange, 1);

  change->path = path;
  change->old_value = raw_value (old_node);
  change->new_value = raw_value (new_node);
  change->sentence = sentence;
  g_ptr_array_add (changes, change);
}

static void diff_object (JsonObject *old_object, JsonObject *new_object, const char *path,
                         const char *context, GPtrArray *changes);

static char *
element_key (JsonObject *object, guint k)
{
  g_autofree char *first = raw_value (json_object_get_member (object, array_keys[k].key1));

  if (array_keys[k].key2 == NULL)
    return g_steal_pointer (&first);
  return g_strdup_printf ("%s/%s", first,
                          json_object_get_string_member_with_default (object,
                                                                      array_keys[k].key2, ""));
}

static char *
element_context (JsonObject *object, guint k, const char *context)
{
  g_autofree char *key1 = raw_value (json_object_get_member (object, array_keys[k].key1));
  g_autofree char *own = NULL;

  if (g_strcmp0 (array_keys[k].array, "stages") == 0)
    own = g_strdup_printf (_(array_keys[k].label), key1,
                           json_object_get_string_member_with_default (object, "name", ""));
  else if (array_keys[k].key2 != NULL)
    own = g_strdup_printf (_(array_keys[k].label), key1,
                           json_object_get_string_member_with_default (object,
                                                                       array_keys[k].key2, ""));
  else
    own = g_strdup_printf (_(array_keys[k].label), key1);
  if (context == NULL)
    return g_steal_pointer (&own);
  /* Translators: the thing a change is in, then the part of it: "Stage 2 “SKD”, component
   * TWK". */
  return g_strdup_printf (_("%s, %s"), context, own);
}

static void
diff_array (JsonArray *old_array, JsonArray *new_array, const char *member, const char *path,
            const char *context, GPtrArray *changes)
{
  g_autoptr(GHashTable) old_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) new_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint k;

  for (k = 0; k < G_N_ELEMENTS (array_keys); k++)
    if (strcmp (array_keys[k].array, member) == 0)
      break;
  if (k == G_N_ELEMENTS (array_keys))
    return;   /* not part of a snapshot */

  for (guint i = 0; old_array != NULL && i < json_array_get_length (old_array); i++)
    {
      JsonObject *object = json_array_get_object_element (old_array, i);

      g_hash_table_insert (old_by_key, element_key (object, k), object);
    }
  for (guint i = 0; new_array != NULL && i < json_array_get_length (new_array); i++)
    {
      JsonObject *object = json_array_get_object_element (new_array, i);
      g_autofree char *key = element_key (object, k);
      g_autofree char *element_path = g_strdup_printf ("%s%s%s[%s]", path != NULL ? path : "",
                                                       path != NULL ? "." : "", member, key);
      g_autofree char *where = element_context (object, k, context);
      JsonObject *old_object = g_hash_table_lookup (old_by_key, key);

      if (old_object != NULL)
        diff_object (old_object, object, element_path, where, changes);
      else
        add_change (changes, g_steal_pointer (&element_path), NULL,
                    json_array_get_element (new_array, i),
                    /* Translators: "Vacancy F0003 added". */
                    g_strdup_printf (_("%s added"), where));
      g_hash_table_add (new_keys, g_steal_pointer (&key));
    }
  for (guint i = 0; old_array != NULL && i < json_array_get_length (old_array); i++)
    {
      JsonObject *object = json_array_get_object_element (old_array, i);
      g_autofree char *key = element_key (object, k);

      if (!g_hash_table_contains (new_keys, key))
        {
          g_autofree char *where = element_context (object, k, context);

          add_change (changes,
                      g_strdup_printf ("%s%s%s[%s]", path != NULL ? path : "",
                                       path != NULL ? "." : "", member, key),
                      json_array_get_element (old_array, i), NULL,
                      /* Translators: "Vacancy F0007 removed". */
                      g_strdup_printf (_("%s removed"), where));
        }
    }
}

static gboolean
scalars_equal (JsonNode *a, JsonNode *b)
{
  g_autofree char *x = raw_value (a);
  g_autofree char *y = raw_value (b);

  return g_strcmp0 (x, y) == 0;
}

static void
diff_object (JsonObject *old_object, JsonObject *new_object, const char *path,
             const char *context, GPtrArray *changes)
{
  g_autoptr(GList) members = json_object_get_members (new_object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *new_node = json_object_get_member (new_object, member);
      JsonNode *old_node = json_object_get_member (old_object, member);

      if (JSON_NODE_HOLDS_ARRAY (new_node))
        diff_array (old_node != NULL && JSON_NODE_HOLDS_ARRAY (old_node)
                      ? json_node_get_array (old_node) : NULL,
                    json_node_get_array (new_node), member, path, context, changes);
      else if (!scalars_equal (old_node, new_node))
        {
          g_autofree char *old_shown = shown_value (old_node, member);
          g_autofree char *new_shown = shown_value (new_node, member);

          add_change (changes,
                      g_strdup_printf ("%s%s%s", path != NULL ? path : "",
                                       path != NULL ? "." : "", member),
                      old_node, new_node,
                      /* Translators: where, what, the old and the new value: "Stage 2
                       * “SKD”: weight 40 % → 45 %". */
                      g_strdup_printf (_("%s: %s %s → %s"),
                                       context != NULL ? context : _("Selection"),
                                       field_label (member), old_shown, new_shown));
        }
    }
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

GPtrArray *
kp_announcement_diff (const char *old_json, const char *new_json)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_rules_change_free);
  g_autoptr(JsonNode) old_root = parse_json (old_json);
  g_autoptr(JsonNode) new_root = parse_json (new_json);
  g_autoptr(JsonObject) empty = json_object_new ();

  /* An unreadable side counts as empty: everything on the other side is added or removed. */
  diff_object (old_root != NULL && JSON_NODE_HOLDS_OBJECT (old_root)
                 ? json_node_get_object (old_root) : empty,
               new_root != NULL && JSON_NODE_HOLDS_OBJECT (new_root)
                 ? json_node_get_object (new_root) : empty,
               NULL, NULL, changes);
  return changes;
}

/* The changes as stored in changes_json and in audit payloads. */
static JsonNode *
changes_node (GPtrArray *changes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const KpRulesChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      add_string (builder, "path", change->path);
      add_string (builder, "old", change->old_value);
      add_string (builder, "new", change->new_value);
      add_string (builder, "sentence", change->sentence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* ---- writing --------------------------------------------------------------------------------- */

/* Appends the event and commits, or rolls back. */
static gboolean
commit_event (KpDatabase *db, const char *action, gint64 selection_id, JsonNode *payload,
              GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  g_autofree char *id = g_strdup_printf ("%" PRId64, selection_id);

  if (!_kp_audit_append (db, action, "selection", id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  /* No store holds these tables: this only brings the audit log up to date. */
  _kp_database_reload (db, 0);
  return TRUE;
}

/* Opens the transaction of a change to the announced content of @selection_id: refused when
 * it is locked. @before gets the snapshot to compare with at the end. */
static gboolean
begin_rules_write (KpDatabase *db, gint64 selection_id, char **before, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_selection_check_editable (kdb, selection_id, error) ||
      (*before = rules_text (kdb, selection_id, error)) == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  return TRUE;
}

/* Ends a change begun by begin_rules_write (): the event lists what changed; nothing changed,
 * nothing is recorded. */
static gboolean
finish_rules_write (KpDatabase *db, gint64 selection_id, const char *before, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  g_autofree char *after = rules_text (kdb, selection_id, error);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;

  if (after == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  changes = kp_announcement_diff (before, after);
  if (changes->len == 0)
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_add_value (builder, changes_node (changes));
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  return commit_event (db, "update", selection_id, payload, error);
}

/* Rolls back a change that failed half-way. */
static gboolean
abandon (KpDatabase *db)
{
  _kp_db_rollback (_kp_database_get_db (db));
  return FALSE;
}

/* Runs @sql, which returns no rows, with one parameter per character of @types: 'l' a gint64
 * (cast ints: they are not promoted), 's' a text (NULL binds SQL NULL). */
static gboolean
run_sql (KpDb *kdb, GError **error, const char *types, const char *sql, ...)
{
  KpStmt *stmt = _kp_db_prepare (kdb, sql, error);
  va_list ap;

  if (stmt == NULL)
    return FALSE;
  va_start (ap, sql);
  for (int i = 0; types[i] != '\0'; i++)
    if (types[i] == 'l')
      _kp_stmt_bind_int64 (stmt, i + 1, va_arg (ap, gint64));
    else
      _kp_stmt_bind_text (stmt, i + 1, va_arg (ap, const char *));
  va_end (ap);
  return _kp_stmt_run (stmt, error);
}

/* The default rows of @type copied to the new selection ?1 (?2: its type). */
static const char *const copy_defaults[] = {
  "INSERT INTO selection_stage (selection_id, position, name, kind, method, scoring, "
  "weight_percent, eliminates, cutoff_multiple) SELECT ?1, position, name, kind, method, "
  "scoring, weight_percent, eliminates, cutoff_multiple FROM default_stage "
  "WHERE selection_type = ?2",
  "INSERT INTO stage_component (stage_id, position, code, name, max_score, weight_percent) "
  "SELECT s.id, d.position, d.code, d.name, d.max_score, d.weight_percent "
  "FROM default_component d JOIN selection_stage s "
  "ON s.selection_id = ?1 AND s.position = d.stage_position WHERE d.selection_type = ?2",
  "INSERT INTO pass_rule (stage_id, formasi_kind, component_code, min_score) "
  "SELECT s.id, d.formasi_kind, d.component_code, d.min_score "
  "FROM default_pass_rule d JOIN selection_stage s "
  "ON s.selection_id = ?1 AND s.position = d.stage_position WHERE d.selection_type = ?2",
  "INSERT INTO selection_code (selection_id, stage_kind, code, label, meaning) "
  "SELECT ?1, stage_kind, code, label, meaning FROM default_code WHERE ?2 IS NOT NULL",
  "INSERT INTO selection_tie_break (selection_id, position, criterion, label) "
  "SELECT ?1, position, criterion, label FROM default_tie_break WHERE ?2 IS NOT NULL",
  "INSERT INTO selection_requirement (selection_id, position, text) "
  "SELECT ?1, position, text FROM default_requirement WHERE ?2 IS NOT NULL",
};

gint64
kp_selection_create (KpDatabase *db, const char *name, KpSelectionType type, int year,
                     GError **error)
{
  KpDb *kdb;
  g_autofree char *clean = NULL;
  g_autoptr(JsonNode) payload = NULL;
  gint64 id;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  kdb = _kp_database_get_db (db);
  if (type >= KP_SELECTION_TYPE_COUNT)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("Choose the selection type: cpns, pppk, jpt, internal or non-asn"));
      return 0;
    }
  if (!check_text (name, _("selection name"), NAME_MAX_CHARS, FALSE, &clean, error) ||
      !check_range (year, 2000, 2100, _("selection year"), error))
    return 0;

  if (!_kp_db_begin (kdb, error))
    return 0;
  if (!run_sql (kdb, error, "ssl",
                "INSERT INTO selection (name, type, year, created_at) VALUES "
                "(?, ?, ?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                clean, selection_types[type], (gint64) year))
    return abandon (db);
  id = _kp_db_last_insert_id (kdb);
  for (guint i = 0; i < G_N_ELEMENTS (copy_defaults); i++)
    if (!run_sql (kdb, error, "ls", copy_defaults[i], (gint64) id, selection_types[type]))
      return abandon (db);
  /* The event holds the whole starting rules: later events hold only what changed. */
  if ((payload = rules_node (kdb, id, error)) == NULL)
    return abandon (db);
  return commit_event (db, "create", id, payload, error) ? id : 0;
}

gboolean
kp_selection_rename (KpDatabase *db, gint64 selection_id, const char *name, GError **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *before = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  if (!check_text (name, _("selection name"), NAME_MAX_CHARS, FALSE, &clean, error) ||
      !begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  if (!run_sql (_kp_database_get_db (db), error, "ls",
                "UPDATE selection SET name = ?2 WHERE id = ?1",
                selection_id, clean))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

gboolean
kp_selection_set_appeal_text (KpDatabase *db, gint64 selection_id, const char *text,
                              GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  /* Not squashed: the appeal text is paragraphs the announcement prints as they are. */
  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > TEXT_MAX_CHARS)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The appeal text must be valid text (UTF-8) of at most %d characters"),
                   TEXT_MAX_CHARS);
      return FALSE;
    }
  clean = g_strstrip (g_strdup (text));
  if (!begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  if (!run_sql (_kp_database_get_db (db), error, "ls",
                "UPDATE selection SET appeal_text = ?2 WHERE id = ?1",
                selection_id, clean))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

gboolean
kp_selection_set_sample_percent (KpDatabase *db, gint64 selection_id, int percent,
                                 GError **error)
{
  KpDb *kdb;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *sql_error = NULL;
  gint64 old;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  kdb = _kp_database_get_db (db);
  if (!check_range (percent, 0, 100, _("four eyes share"), error))
    return FALSE;
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!_kp_selection_check_exists (kdb, selection_id, error))
    return abandon (db);
  stmt = _kp_db_prepare (kdb, "SELECT sample_percent FROM selection WHERE id = ?", error);
  if (stmt == NULL)
    return abandon (db);
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  if (_kp_stmt_step (stmt, error) != KP_STEP_ROW)
    {
      _kp_stmt_reset (stmt);
      return abandon (db);
    }
  old = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (old == percent)
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }
  if (!run_sql (kdb, error, "ll",
                "UPDATE selection SET sample_percent = ?2 WHERE id = ?1",
                selection_id, (gint64) percent))
    return abandon (db);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_int (builder, "old_sample_percent", old);
  add_int (builder, "new_sample_percent", percent);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  return commit_event (db, "update", selection_id, payload, error);
}

gboolean
kp_selection_delete (KpDatabase *db, gint64 selection_id, GError **error)
{
  KpDb *kdb;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;
  gint64 locked, applicants;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  kdb = _kp_database_get_db (db);
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if ((payload = rules_node (kdb, selection_id, error)) == NULL)
    return abandon (db);
  stmt = _kp_db_prepare (kdb,
                         "SELECT locked, (SELECT COUNT (*) FROM applicant "
                         "WHERE selection_id = ?1) FROM selection WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return abandon (db);
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  if (_kp_stmt_step (stmt, error) != KP_STEP_ROW)
    {
      _kp_stmt_reset (stmt);
      return abandon (db);
    }
  locked = _kp_stmt_get_int64 (stmt, 0);
  applicants = _kp_stmt_get_int64 (stmt, 1);
  _kp_stmt_reset (stmt);
  if (locked)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED,
                           _("The selection has been announced: it is kept with its "
                             "announcements and cannot be deleted"));
      return abandon (db);
    }
  if (applicants > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE,
                   _("%" PRId64 " applicants have registered for the selection: it cannot be "
                     "deleted"),
                   applicants);
      return abandon (db);
    }
  if (!run_sql (kdb, error, "l",
                "DELETE FROM selection WHERE id = ?",
                selection_id))
    return abandon (db);
  return commit_event (db, "delete", selection_id, payload, error);
}

/* ---- stages ---------------------------------------------------------------------------------- */

static gboolean
write_stage (KpDb *kdb, const char *sql, gint64 id, int position, const KpSelectionStage *s,
             GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, sql, error);

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, id);
  _kp_stmt_bind_int64 (stmt, 2, position);
  _kp_stmt_bind_text (stmt, 3, s->name);
  _kp_stmt_bind_text (stmt, 4, s->kind);
  _kp_stmt_bind_text (stmt, 5, s->method);
  _kp_stmt_bind_text (stmt, 6, s->scoring);
  _kp_stmt_bind_int64 (stmt, 7, s->weight_percent);
  _kp_stmt_bind_int64 (stmt, 8, s->eliminates ? 1 : 0);
  _kp_stmt_bind_int64 (stmt, 9, s->cutoff_multiple);
  _kp_stmt_bind_text (stmt, 10, s->starts_on);
  _kp_stmt_bind_text (stmt, 11, s->ends_on);
  _kp_stmt_bind_text (stmt, 12, s->place);
  return _kp_stmt_run (stmt, error);
}

/* ?1 selection id, ?2 position: inserts or, at a position taken, updates. */
static const char upsert_stage_sql[] =
  "INSERT INTO selection_stage (selection_id, position, name, kind, method, scoring, "
  "weight_percent, eliminates, cutoff_multiple, starts_on, ends_on, place) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
  "ON CONFLICT (selection_id, position) DO UPDATE SET name = excluded.name, "
  "kind = excluded.kind, method = excluded.method, scoring = excluded.scoring, "
  "weight_percent = excluded.weight_percent, eliminates = excluded.eliminates, "
  "cutoff_multiple = excluded.cutoff_multiple, starts_on = excluded.starts_on, "
  "ends_on = excluded.ends_on, place = excluded.place";

gint64
kp_selection_stage_add (KpDatabase *db, gint64 selection_id, const KpSelectionStage *stage,
                        GError **error)
{
  g_autoptr(KpSelectionStage) clean = g_new0 (KpSelectionStage, 1);
  g_autofree char *before = NULL;
  KpDb *kdb;
  gint64 position, id;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  g_return_val_if_fail (stage != NULL, 0);
  kdb = _kp_database_get_db (db);
  if (!check_stage (stage, clean, error) || !begin_rules_write (db, selection_id, &before, error))
    return 0;
  if (!_kp_recruitment_query_int (kdb, "SELECT COALESCE (MAX (position), 0) + 1 "
                                  "FROM selection_stage WHERE selection_id = ?",
                                  selection_id, &position, error))
    return abandon (db);
  if (!write_stage (kdb, upsert_stage_sql, selection_id, (int) position, clean, error))
    return abandon (db);
  id = _kp_db_last_insert_id (kdb);
  return finish_rules_write (db, selection_id, before, error) ? id : 0;
}

gboolean
kp_selection_stage_update (KpDatabase *db, gint64 stage_id, const KpSelectionStage *stage,
                           GError **error)
{
  g_autoptr(KpSelectionStage) clean = g_new0 (KpSelectionStage, 1);
  g_autoptr(KpSelectionStage) old = NULL;
  g_autofree char *before = NULL;
  KpDb *kdb;
  gint64 selection_id = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (stage != NULL, FALSE);
  kdb = _kp_database_get_db (db);
  if (!check_stage (stage, clean, error))
    return FALSE;
  if ((old = load_stage (kdb, stage_id, &selection_id, error)) == NULL ||
      !begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  if (!write_stage (kdb, upsert_stage_sql, selection_id, old->position, clean, error))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

/* Gives the rows @ids (in their new order) the positions 1 … n. Through positions above any in
 * use, so that no two rows share one on the way (UNIQUE (selection_id, position)). */
static gboolean
renumber (KpDb *kdb, const char *sql, GArray *ids, GError **error)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ids->len; i++)
      {
        KpStmt *stmt = _kp_db_prepare (kdb, sql, error);

        if (stmt == NULL)
          return FALSE;
        _kp_stmt_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
        _kp_stmt_bind_int64 (stmt, 2, (pass == 0 ? 100000 : 0) + i + 1);
        if (!_kp_stmt_run (stmt, error))
          return FALSE;
      }
  return TRUE;
}

static GArray *
stage_ids (KpDb *kdb, gint64 selection_id, GError **error)
{
  g_autoptr(GPtrArray) stages = load_stages (kdb, selection_id, error);
  GArray *ids;

  if (stages == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < stages->len; i++)
    g_array_append_val (ids, ((KpSelectionStage *) g_ptr_array_index (stages, i))->id);
  return ids;
}

static const char renumber_stage_sql[] = "UPDATE selection_stage SET position = ?2 WHERE id = ?1";

gboolean
kp_selection_stage_move (KpDatabase *db, gint64 stage_id, int position, GError **error)
{
  g_autoptr(KpSelectionStage) stage = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *before = NULL;
  KpDb *kdb;
  gint64 selection_id = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  kdb = _kp_database_get_db (db);
  if ((stage = load_stage (kdb, stage_id, &selection_id, error)) == NULL ||
      !begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  if ((ids = stage_ids (kdb, selection_id, error)) == NULL)
    return abandon (db);
  if (!check_range (position, 1, (int) ids->len, _("stage position"), error))
    return abandon (db);
  g_array_remove_index (ids, stage->position - 1);
  g_array_insert_val (ids, position - 1, stage_id);
  if (!renumber (kdb, renumber_stage_sql, ids, error))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

gboolean
kp_selection_stage_remove (KpDatabase *db, gint64 stage_id, GError **error)
{
  g_autoptr(KpSelectionStage) stage = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *before = NULL;
  KpDb *kdb;
  gint64 selection_id = 0;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  kdb = _kp_database_get_db (db);
  if ((stage = load_stage (kdb, stage_id, &selection_id, error)) == NULL ||
      !begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  stmt = _kp_db_prepare (kdb, "DELETE FROM selection_stage WHERE id = ?", error);
  if (stmt == NULL)
    return abandon (db);
  _kp_stmt_bind_int64 (stmt, 1, stage_id);
  if (!_kp_stmt_run (stmt, error) || (ids = stage_ids (kdb, selection_id, error)) == NULL ||
      !renumber (kdb, renumber_stage_sql, ids, error))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

gboolean
kp_selection_set_stage_weights (KpDatabase *db, gint64 selection_id, const int *weights,
                                guint n, GError **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *before = NULL;
  KpDb *kdb;
  int sum = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (weights != NULL || n == 0, FALSE);
  kdb = _kp_database_get_db (db);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *field = g_strdup_printf (_("weight of stage %u"), i + 1);

      if (!check_range (weights[i], 0, 100, field, error))
        return FALSE;
      sum += weights[i];
    }
  if (sum != 100)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The weights add up to %d %%: they must add up to 100 %%"), sum);
      return FALSE;
    }
  if (!begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  if ((ids = stage_ids (kdb, selection_id, error)) == NULL)
    return abandon (db);
  if (ids->len != n)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The selection has %u stages: give %u weights, not %u"), ids->len,
                   ids->len, n);
      return abandon (db);
    }
  for (guint i = 0; i < n; i++)
    {
      KpStmt *stmt = _kp_db_prepare (kdb, "UPDATE selection_stage SET weight_percent = ?2 "
                                          "WHERE id = ?1", error);

      if (stmt == NULL)
        return abandon (db);
      _kp_stmt_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      _kp_stmt_bind_int64 (stmt, 2, weights[i]);
      if (!_kp_stmt_run (stmt, error))
        return abandon (db);
    }
  return finish_rules_write (db, selection_id, before, error);
}

/* ---- components and pass rules --------------------------------------------------------------- */

/* Begins a change to the stage @stage_id's rules; @selection_id gets its selection. */
static gboolean
begin_stage_write (KpDatabase *db, gint64 stage_id, gint64 *selection_id, char **before,
                   GError **error)
{
  g_autoptr(KpSelectionStage) stage = load_stage (_kp_database_get_db (db), stage_id,
                                                  selection_id, error);

  return stage != NULL && begin_rules_write (db, *selection_id, before, error);
}

/* The maximum of component @code of the stage (the stage's total for "TOTAL"); 0 if none. */
static gboolean
component_max (KpDb *kdb, gint64 stage_id, const char *code, gint64 *max, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT COALESCE (SUM (max_score), 0) FROM stage_component "
                                 "WHERE stage_id = ?1 AND (?2 = 'TOTAL' OR code = ?2)",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, stage_id);
  _kp_stmt_bind_text (stmt, 2, code);
  step = _kp_stmt_step (stmt, error);
  *max = step == KP_STEP_ROW ? _kp_stmt_get_int64 (stmt, 0) : 0;
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

static gboolean
write_component (KpDatabase *db, gint64 stage_id, const char *code, const char *name,
                 int max_score, int weight_percent, gboolean adding, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  g_autofree char *clean_code = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *before = NULL;
  gint64 selection_id = 0, existing = 0;

  if (!check_code (code, _("component code"), &clean_code, error) ||
      !check_text (name, _("component name"), NAME_MAX_CHARS, FALSE, &clean_name, error) ||
      !check_range (max_score, 1, 1000000, _("component maximum"), error) ||
      !check_range (weight_percent, 0, 100, _("component weight"), error))
    return FALSE;
  if (strcmp (clean_code, "TOTAL") == 0)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("“TOTAL” names a stage's total in pass rules: give the component "
                             "another code"));
      return FALSE;
    }
  if (!begin_stage_write (db, stage_id, &selection_id, &before, error))
    return FALSE;
  if (!component_max (kdb, stage_id, clean_code, &existing, error))
    return abandon (db);
  if (adding && existing > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                   _("The stage already has a component “%s”"), clean_code);
      return abandon (db);
    }
  if (!adding && existing == 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("The stage has no component “%s”"), clean_code);
      return abandon (db);
    }
  if (!run_sql (kdb, error, "lssll",
                "INSERT INTO stage_component (stage_id, position, code, name, "
                "max_score, weight_percent) VALUES (?1, (SELECT COALESCE (MAX "
                "(position), 0) + 1 FROM stage_component WHERE stage_id = ?1), ?2, ?3, "
                "?4, ?5) ON CONFLICT (stage_id, code) DO UPDATE SET "
                "name = excluded.name, max_score = excluded.max_score, "
                "weight_percent = excluded.weight_percent",
                stage_id, clean_code, clean_name, (gint64) max_score, (gint64) weight_percent))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

gboolean
kp_selection_component_add (KpDatabase *db, gint64 stage_id, const char *code,
                            const char *name, int max_score, int weight_percent, GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  return write_component (db, stage_id, code, name, max_score, weight_percent, TRUE, error);
}

gboolean
kp_selection_component_update (KpDatabase *db, gint64 stage_id, const char *code,
                               const char *name, int max_score, int weight_percent,
                               GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  return write_component (db, stage_id, code, name, max_score, weight_percent, FALSE, error);
}

/* Runs @sql with ?1 the id and ?2, ?3 the texts; NOT_FOUND with @missing when no row changed. */
static gboolean
remove_row (KpDb *kdb, const char *sql, gint64 id, const char *a, const char *b,
            const char *missing, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, sql, error);

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, id);
  _kp_stmt_bind_text (stmt, 2, a);
  _kp_stmt_bind_text (stmt, 3, b);
  if (!_kp_stmt_run (stmt, error))
    return FALSE;
  if (_kp_db_changes (kdb) == 0)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  return TRUE;
}

gboolean
kp_selection_component_remove (KpDatabase *db, gint64 stage_id, const char *code,
                               GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *missing = NULL;
  gint64 selection_id = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  if (!begin_stage_write (db, stage_id, &selection_id, &before, error))
    return FALSE;
  missing = g_strdup_printf (_("The stage has no component “%s”"), code != NULL ? code : "");
  if (!remove_row (_kp_database_get_db (db),
                   "DELETE FROM stage_component WHERE stage_id = ?1 AND code = ?2 AND ?3 IS NULL",
                   stage_id, code, NULL, missing, error))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

gboolean
kp_selection_pass_rule_set (KpDatabase *db, gint64 stage_id, const char *formasi_kind,
                            const char *component_code, int min_score, GError **error)
{
  KpDb *kdb;
  g_autofree char *kind = NULL;
  g_autofree char *code = NULL;
  g_autofree char *before = NULL;
  gint64 selection_id = 0, max = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  kdb = _kp_database_get_db (db);
  if (!check_code (formasi_kind, _("formasi kind"), &kind, error) ||
      !check_code (component_code, _("component code"), &code, error) ||
      !check_range (min_score, 0, 1000000, _("minimum score"), error) ||
      !begin_stage_write (db, stage_id, &selection_id, &before, error))
    return FALSE;
  if (!component_max (kdb, stage_id, code, &max, error))
    return abandon (db);
  if (max == 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("The stage has no component “%s” (use TOTAL for the stage's total)"),
                   code);
      return abandon (db);
    }
  if (min_score > max)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: a minimum, a component code and its maximum. */
                   _("The minimum %d is above the maximum of %s (%" PRId64 ")"), min_score, code,
                   max);
      return abandon (db);
    }
  if (!run_sql (kdb, error, "lssl",
                "INSERT INTO pass_rule (stage_id, formasi_kind, component_code, "
                "min_score) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (stage_id, "
                "formasi_kind, component_code) DO UPDATE SET min_score = "
                "excluded.min_score",
                stage_id, kind, code, (gint64) min_score))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

gboolean
kp_selection_pass_rule_remove (KpDatabase *db, gint64 stage_id, const char *formasi_kind,
                               const char *component_code, GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *missing = NULL;
  gint64 selection_id = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  if (!begin_stage_write (db, stage_id, &selection_id, &before, error))
    return FALSE;
  missing = g_strdup_printf (_("The stage has no pass rule for %s on %s"),
                             formasi_kind != NULL ? formasi_kind : "",
                             component_code != NULL ? component_code : "");
  if (!remove_row (_kp_database_get_db (db),
                   "DELETE FROM pass_rule WHERE stage_id = ?1 AND formasi_kind = ?2 "
                   "AND component_code = ?3",
                   stage_id, formasi_kind, component_code, missing, error))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

/* ---- codes, tie-break, requirements ---------------------------------------------------------- */

static gboolean
check_code_kind (const char *stage_kind, GError **error)
{
  if (stage_kind != NULL &&
      (g_strv_contains (stage_kinds, stage_kind) || strcmp (stage_kind, "final") == 0))
    return TRUE;
  g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
               _("“%s” is not a stage kind of the code vocabulary: use a stage kind or final"),
               stage_kind != NULL ? stage_kind : "");
  return FALSE;
}

gboolean
kp_selection_code_set (KpDatabase *db, gint64 selection_id, const char *stage_kind,
                       const char *code, const char *label, const char *meaning, GError **error)
{
  KpDb *kdb;
  g_autofree char *clean_code = NULL;
  g_autofree char *clean_label = NULL;
  g_autofree char *clean_meaning = NULL;
  g_autofree char *before = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  kdb = _kp_database_get_db (db);
  if (!check_code_kind (stage_kind, error) ||
      !check_code (code, _("code"), &clean_code, error) ||
      !check_text (label, _("code label"), NAME_MAX_CHARS, FALSE, &clean_label, error) ||
      !check_text (meaning, _("code meaning"), TEXT_MAX_CHARS, TRUE, &clean_meaning, error) ||
      !begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  if (!run_sql (kdb, error, "lssss",
                "INSERT INTO selection_code (selection_id, stage_kind, code, label, "
                "meaning) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (selection_id, "
                "stage_kind, code) DO UPDATE SET label = excluded.label, "
                "meaning = excluded.meaning",
                selection_id, stage_kind, clean_code, clean_label, clean_meaning))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

gboolean
kp_selection_code_remove (KpDatabase *db, gint64 selection_id, const char *stage_kind,
                          const char *code, GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *missing = NULL;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  if (!begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  missing = g_strdup_printf (_("There is no code %s for %s"), code != NULL ? code : "",
                             stage_kind != NULL ? stage_kind : "");
  if (!remove_row (_kp_database_get_db (db),
                   "DELETE FROM selection_code WHERE selection_id = ?1 AND stage_kind = ?2 "
                   "AND code = ?3",
                   selection_id, stage_kind, code, missing, error))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

static gboolean
insert_tie_break (KpDb *kdb, gint64 selection_id, int position, const char *criterion,
                  const char *label, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "INSERT INTO selection_tie_break (selection_id, position, "
                                 "criterion, label) VALUES (?, ?, ?, ?)",
                                 error);

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  _kp_stmt_bind_int64 (stmt, 2, position);
  _kp_stmt_bind_text (stmt, 3, criterion);
  _kp_stmt_bind_text (stmt, 4, label);
  return _kp_stmt_run (stmt, error);
}

gboolean
kp_selection_tie_break_set (KpDatabase *db, gint64 selection_id, const char *const *criteria,
                            const char *const *labels, guint n, GError **error)
{
  g_autoptr(GPtrArray) clean = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = NULL;
  KpDb *kdb;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (n == 0 || (criteria != NULL && labels != NULL), FALSE);
  kdb = _kp_database_get_db (db);
  for (guint i = 0; i < n; i++)
    {
      char *criterion = NULL, *label = NULL;

      if (!check_code (criteria[i], _("tie-break criterion"), &criterion, error))
        return FALSE;
      g_ptr_array_add (clean, criterion);
      if (!check_text (labels[i], _("tie-break label"), NAME_MAX_CHARS, FALSE, &label, error))
        return FALSE;
      g_ptr_array_add (clean, label);
      for (guint j = 0; j + 2 < clean->len; j += 2)
        if (strcmp (g_ptr_array_index (clean, j), criterion) == 0)
          {
            g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_DUPLICATE,
                         _("The tie-break criterion “%s” is listed twice"), criterion);
            return FALSE;
          }
    }
  if (!begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  if (!run_sql (kdb, error, "l",
                "DELETE FROM selection_tie_break WHERE selection_id = ?1",
                selection_id))
    return abandon (db);
  for (guint i = 0; i < n; i++)
    if (!insert_tie_break (kdb, selection_id, (int) i + 1, g_ptr_array_index (clean, 2 * i),
                           g_ptr_array_index (clean, 2 * i + 1), error))
      return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

/* The requirement's selection and position; NOT_FOUND without it. */
static gboolean
load_requirement (KpDb *kdb, gint64 requirement_id, gint64 *selection_id, gint64 *position,
                  GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT selection_id, position FROM selection_requirement "
                                 "WHERE id = ?",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, requirement_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      *selection_id = _kp_stmt_get_int64 (stmt, 0);
      *position = _kp_stmt_get_int64 (stmt, 1);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no requirement with id %" PRId64), requirement_id);
  return step == KP_STEP_ROW;
}

gint64
kp_selection_requirement_add (KpDatabase *db, gint64 selection_id, const char *text,
                              GError **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *before = NULL;
  KpDb *kdb;
  gint64 id;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  kdb = _kp_database_get_db (db);
  if (!check_text (text, _("requirement"), TEXT_MAX_CHARS, FALSE, &clean, error) ||
      !begin_rules_write (db, selection_id, &before, error))
    return 0;
  if (!run_sql (kdb, error, "ls",
                "INSERT INTO selection_requirement (selection_id, position, text) VALUES "
                "(?1, (SELECT COALESCE (MAX (position), 0) + 1 FROM selection_requirement "
                "WHERE selection_id = ?1), ?2)",
                selection_id, clean))
    return abandon (db);
  id = _kp_db_last_insert_id (kdb);
  return finish_rules_write (db, selection_id, before, error) ? id : 0;
}

gboolean
kp_selection_requirement_update (KpDatabase *db, gint64 requirement_id, const char *text,
                                 GError **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *before = NULL;
  gint64 selection_id = 0, position = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  if (!check_text (text, _("requirement"), TEXT_MAX_CHARS, FALSE, &clean, error) ||
      !load_requirement (_kp_database_get_db (db), requirement_id, &selection_id, &position,
                         error) ||
      !begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  if (!run_sql (_kp_database_get_db (db), error, "ls",
                "UPDATE selection_requirement SET text = ?2 WHERE id = ?1",
                requirement_id, clean))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

static const char renumber_requirement_sql[] =
  "UPDATE selection_requirement SET position = ?2 WHERE id = ?1";

/* The ids of the selection's requirements in order. */
static GArray *
requirement_ids (KpDb *kdb, gint64 selection_id, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT id FROM selection_requirement WHERE selection_id = ? "
                                 "ORDER BY position, id",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 id = _kp_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&ids);
}

/* Deletes requirement @id unless a verification points to it (IN_USE, naming its position). */
static gboolean
delete_requirement (KpDb *kdb, gint64 id, gint64 position, GError **error)
{
  gint64 uses = 0;
  KpStmt *stmt;

  if (!_kp_recruitment_query_int (kdb, "SELECT COUNT (*) FROM verification "
                                  "WHERE requirement_id = ?", id, &uses, error))
    return FALSE;
  if (uses > 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE,
                   _("Requirement %" PRId64 " is the reason of %" PRId64 " verification "
                     "decisions: it cannot be removed"),
                   position, uses);
      return FALSE;
    }
  stmt = _kp_db_prepare (kdb, "DELETE FROM selection_requirement WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, id);
  return _kp_stmt_run (stmt, error);
}

gboolean
kp_selection_requirement_remove (KpDatabase *db, gint64 requirement_id, GError **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *before = NULL;
  KpDb *kdb;
  gint64 selection_id = 0, position = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  kdb = _kp_database_get_db (db);
  if (!load_requirement (kdb, requirement_id, &selection_id, &position, error) ||
      !begin_rules_write (db, selection_id, &before, error))
    return FALSE;
  if (!delete_requirement (kdb, requirement_id, position, error) ||
      (ids = requirement_ids (kdb, selection_id, error)) == NULL ||
      !renumber (kdb, renumber_requirement_sql, ids, error))
    return abandon (db);
  return finish_rules_write (db, selection_id, before, error);
}

/* ---- the check ------------------------------------------------------------------------------- */

static gint64
member_int (JsonObject *object, const char *member)
{
  return json_object_get_int_member_with_default (object, member, 0);
}

static const char *
member_text (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

/* The problems of the snapshot @rules, as sentences. */
static GPtrArray *
rules_problems (JsonObject *rules)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  JsonArray *stages = json_object_get_array_member (rules, "stages");
  gint64 weights = 0;

  if (json_array_get_length (stages) == 0)
    g_ptr_array_add (problems, g_strdup (_("The selection has no stages")));
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      JsonArray *components = json_object_get_array_member (stage, "components");
      JsonArray *pass_rules = json_object_get_array_member (stage, "pass_rules");
      g_autofree char *where =
        g_strdup_printf (_("Stage %" PRId64 " “%s”"), member_int (stage, "position"),
                         member_text (stage, "name"));
      gint64 component_weights = 0, total = 0;

      weights += member_int (stage, "weight_percent");
      for (guint c = 0; c < json_array_get_length (components); c++)
        {
          JsonObject *component = json_array_get_object_element (components, c);

          component_weights += member_int (component, "weight_percent");
          total += member_int (component, "max_score");
        }
      if (g_strcmp0 (member_text (stage, "scoring"), "weighted") == 0 && component_weights != 100)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s: the weights of its components add up to %"
                                            PRId64 " %%: they must add up to 100 %%"),
                                          where, component_weights));
      if (member_int (stage, "weight_percent") > 0 && json_array_get_length (components) == 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s has a weight but no components to score"),
                                          where));
      if (json_object_get_boolean_member_with_default (stage, "eliminates", FALSE) &&
          g_strcmp0 (member_text (stage, "kind"), "administration") != 0 &&
          json_array_get_length (pass_rules) == 0 && member_int (stage, "cutoff_multiple") == 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s eliminates applicants but has neither a pass "
                                            "rule nor a cut-off"),
                                          where));
      for (guint r = 0; r < json_array_get_length (pass_rules); r++)
        {
          JsonObject *rule = json_array_get_object_element (pass_rules, r);
          const char *code = member_text (rule, "component_code");
          gint64 max = g_strcmp0 (code, "TOTAL") == 0 ? total : 0;

          for (guint c = 0; max == 0 && c < json_array_get_length (components); c++)
            {
              JsonObject *component = json_array_get_object_element (components, c);

              if (g_strcmp0 (member_text (component, "code"), code) == 0)
                max = member_int (component, "max_score");
            }
          if (max == 0)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("%s: the pass rule for %s names the component "
                                                "%s, which the stage does not have"),
                                              where, member_text (rule, "formasi_kind"), code));
          else if (member_int (rule, "min_score") > max)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("%s: the pass rule for %s asks %" PRId64
                                                " of %s, above its maximum %" PRId64),
                                              where, member_text (rule, "formasi_kind"),
                                              member_int (rule, "min_score"), code, max));
        }
    }
  if (json_array_get_length (stages) > 0 && weights != 100)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The stage weights add up to %" PRId64 " %%: "
                                        "they must add up to 100 %%"),
                                      weights));
  if (json_array_get_length (json_object_get_array_member (rules, "requirements")) == 0)
    g_ptr_array_add (problems,
                     g_strdup (_("The selection has no requirements: a TMS decision must point "
                                 "to one")));
  return problems;
}

gboolean
kp_selection_check_rules (KpDatabase *db, gint64 selection_id, GPtrArray **problems,
                          GError **error)
{
  g_autoptr(JsonNode) rules = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gboolean ok;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  if (problems != NULL)
    *problems = NULL;
  if ((rules = rules_node (_kp_database_get_db (db), selection_id, error)) == NULL)
    return FALSE;
  found = rules_problems (json_node_get_object (rules));
  ok = found->len == 0;
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return ok;
}

/* ---- the announcement ------------------------------------------------------------------------ */

/* The snapshot to announce, or NULL with INVALID listing why it cannot be announced. */
static JsonNode *
announceable_rules (KpDb *kdb, gint64 selection_id, GError **error)
{
  g_autoptr(JsonNode) rules = rules_node (kdb, selection_id, error);
  g_autoptr(GPtrArray) problems = NULL;
  JsonObject *object;

  if (rules == NULL)
    return NULL;
  object = json_node_get_object (rules);
  problems = rules_problems (object);
  if (json_array_get_length (json_object_get_array_member (object, "formasi")) == 0)
    g_ptr_array_add (problems,
                     g_strdup (_("There are no vacancies (formasi): import them first")));
  if (problems->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (problems, NULL);
      list = g_strjoinv ("\n• ", (char **) problems->pdata);
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("The selection cannot be announced yet:\n• %s"), list);
      return NULL;
    }
  return g_steal_pointer (&rules);
}

/* Reads the selection's lock state and latest version. */
static gboolean
read_state (KpDb *kdb, gint64 selection_id, gboolean *locked, char **reason, gint64 *version,
            GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT locked, amendment_reason, (SELECT COALESCE (MAX "
                                 "(version), 0) FROM announcement WHERE selection_id = ?1) "
                                 "FROM selection WHERE id = ?1",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      *locked = _kp_stmt_get_int64 (stmt, 0) != 0;
      *reason = _kp_stmt_is_null (stmt, 1) ? NULL : g_strdup (_kp_stmt_get_text (stmt, 1));
      *version = _kp_stmt_get_int64 (stmt, 2);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("There is no selection with id %" PRId64), selection_id);
  return step == KP_STEP_ROW;
}

/* Stores version @version of the announcement from @rules, locks the selection, closes any
 * amendment and records the "publish" event. Commits or rolls back. */
static gboolean
store_announcement (KpDatabase *db, gint64 selection_id, gint64 version, const char *reason,
                    JsonNode *rules, GPtrArray *changes, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  g_autofree char *text = node_to_text (rules, TRUE);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(JsonNode) changes_json = changes_node (changes);
  g_autofree char *changes_text = node_to_text (changes_json, TRUE);
  /* The head before the publish event: the state the announcement was made from. The event
   * then records this checkpoint and the snapshot's SHA-256, so the chain covers both. */
  g_autofree char *checkpoint = kp_audit_checkpoint (db, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;

  if (checkpoint == NULL)
    return abandon (db);
  stmt = _kp_db_prepare (kdb,
                         "INSERT INTO announcement (selection_id, version, reason, published_at, "
                         "published_by, checkpoint, rules_json, changes_json) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return abandon (db);
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  _kp_stmt_bind_int64 (stmt, 2, version);
  _kp_stmt_bind_text (stmt, 3, reason != NULL ? reason : "");
  _kp_stmt_bind_text (stmt, 4, at);
  _kp_stmt_bind_text (stmt, 5, kp_database_get_actor (db));
  _kp_stmt_bind_text (stmt, 6, checkpoint);
  _kp_stmt_bind_text (stmt, 7, text);
  _kp_stmt_bind_text (stmt, 8, changes_text);
  if (!_kp_stmt_run (stmt, error) ||
      !run_sql (kdb, error, "ls",
                "UPDATE selection SET locked = 1, amendment_reason = ?2 WHERE id = ?1",
                selection_id, NULL))
    return abandon (db);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_int (builder, "version", version);
  if (reason != NULL)
    add_string (builder, "reason", reason);
  add_string (builder, "checkpoint", checkpoint);
  add_string (builder, "rules_sha256", sha256);
  if (version > 1)
    {
      json_builder_set_member_name (builder, "changes");
      json_builder_add_value (builder, g_steal_pointer (&changes_json));
    }
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  return commit_event (db, "publish", selection_id, payload, error);
}

int
kp_selection_publish (KpDatabase *db, gint64 selection_id, GError **error)
{
  KpDb *kdb;
  g_autoptr(JsonNode) rules = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *reason = NULL;
  gboolean locked = FALSE;
  gint64 version = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  kdb = _kp_database_get_db (db);
  if (!_kp_db_begin (kdb, error))
    return 0;
  if (!read_state (kdb, selection_id, &locked, &reason, &version, error))
    return abandon (db);
  if (locked)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_LOCKED,
                           _("The selection has already been announced: publish changes as an "
                             "amendment, with its reason"));
      return abandon (db);
    }
  if ((rules = announceable_rules (kdb, selection_id, error)) == NULL)
    return abandon (db);
  changes = g_ptr_array_new ();
  return store_announcement (db, selection_id, 1, NULL, rules, changes, error) ? 1 : 0;
}

gboolean
kp_selection_amendment_begin (KpDatabase *db, gint64 selection_id, const char *reason,
                              GError **error)
{
  KpDb *kdb;
  g_autofree char *clean = NULL;
  g_autofree char *open_reason = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  gboolean locked = FALSE;
  gint64 version = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  kdb = _kp_database_get_db (db);
  if (!check_text (reason, _("reason of the amendment"), TEXT_MAX_CHARS, FALSE, &clean, error))
    return FALSE;
  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!read_state (kdb, selection_id, &locked, &open_reason, &version, error))
    return abandon (db);
  if (!locked)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("The selection has not been announced: change its rules directly"));
      return abandon (db);
    }
  if (open_reason != NULL)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("An amendment is already open (“%s”): publish or cancel it first"),
                   open_reason);
      return abandon (db);
    }
  if (!run_sql (kdb, error, "ls",
                "UPDATE selection SET amendment_reason = ?2 WHERE id = ?1",
                selection_id, clean))
    return abandon (db);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "reason", clean);
  add_int (builder, "after_version", version);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  return commit_event (db, "amend", selection_id, payload, error);
}

/* The rules_json of the latest version into @text (NULL before the announcement). */
static gboolean
latest_rules (KpDb *kdb, gint64 selection_id, char **text, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT rules_json FROM announcement WHERE selection_id = ? "
                                 "ORDER BY version DESC LIMIT 1",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  step = _kp_stmt_step (stmt, error);
  *text = step == KP_STEP_ROW ? g_strdup (_kp_stmt_get_text (stmt, 0)) : NULL;
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

/* Opens the transaction of ending an amendment: refused unless one is open. */
static gboolean
begin_amendment_end (KpDatabase *db, gint64 selection_id, char **reason, gint64 *version,
                     char **announced, GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);
  gboolean locked = FALSE;

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!read_state (kdb, selection_id, &locked, reason, version, error))
    return abandon (db);
  if (*reason == NULL)
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                           _("No amendment is open: start one, with its reason, first"));
      return abandon (db);
    }
  if (!latest_rules (kdb, selection_id, announced, error))
    return abandon (db);
  return TRUE;
}

int
kp_selection_amendment_publish (KpDatabase *db, gint64 selection_id, GError **error)
{
  KpDb *kdb;
  g_autofree char *reason = NULL;
  g_autofree char *announced = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) rules = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 version = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), 0);
  kdb = _kp_database_get_db (db);
  if (!begin_amendment_end (db, selection_id, &reason, &version, &announced, error))
    return 0;
  if ((rules = announceable_rules (kdb, selection_id, error)) == NULL)
    return abandon (db);
  text = node_to_text (rules, TRUE);
  changes = kp_announcement_diff (announced, text);
  if (changes->len == 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("Nothing has changed since version %" PRId64 ": cancel the amendment "
                     "instead"),
                   version);
      return abandon (db);
    }
  return store_announcement (db, selection_id, version + 1, reason, rules, changes, error)
           ? (int) version + 1 : 0;
}

/* ---- putting the announced state back -------------------------------------------------------- */

static gboolean
restore_stage (KpDb *kdb, gint64 selection_id, JsonObject *object, GError **error)
{
  KpSelectionStage stage = {
    .name = (char *) member_text (object, "name"),
    .kind = (char *) member_text (object, "kind"),
    .method = (char *) member_text (object, "method"),
    .scoring = (char *) member_text (object, "scoring"),
    .weight_percent = (int) member_int (object, "weight_percent"),
    .eliminates = json_object_get_boolean_member_with_default (object, "eliminates", FALSE),
    .cutoff_multiple = (int) member_int (object, "cutoff_multiple"),
    .starts_on = (char *) member_text (object, "starts_on"),
    .ends_on = (char *) member_text (object, "ends_on"),
    .place = (char *) member_text (object, "place"),
  };
  int position = (int) member_int (object, "position");
  JsonArray *components = json_object_get_array_member (object, "components");
  JsonArray *rules = json_object_get_array_member (object, "pass_rules");
  gint64 stage_id = 0;
  KpStmt *stmt;

  /* In place, by position: the stage keeps its id, and what refers to it (notification
   * templates) stays. Its components and pass rules nothing refers to: written afresh. */
  if (!write_stage (kdb, upsert_stage_sql, selection_id, position, &stage, error))
    return FALSE;
  stmt = _kp_db_prepare (kdb, "SELECT id FROM selection_stage WHERE selection_id = ?1 "
                              "AND position = ?2", error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  _kp_stmt_bind_int64 (stmt, 2, position);
  if (_kp_stmt_step (stmt, error) == KP_STEP_ROW)
    stage_id = _kp_stmt_get_int64 (stmt, 0);
  _kp_stmt_reset (stmt);
  if (stage_id == 0 ||
      !run_sql (kdb, error, "l",
                "DELETE FROM stage_component WHERE stage_id = ?1",
                stage_id) ||
      !run_sql (kdb, error, "l",
                "DELETE FROM pass_rule WHERE stage_id = ?1",
                stage_id))
    return FALSE;
  for (guint c = 0; c < json_array_get_length (components); c++)
    {
      JsonObject *component = json_array_get_object_element (components, c);

      if (!run_sql (kdb, error, "llssll",
                    "INSERT INTO stage_component (stage_id, position, code, name, "
                    "max_score, weight_percent) VALUES (?, ?, ?, ?, ?, ?)",
                    stage_id, (gint64) c + 1, member_text (component, "code"),
                    member_text (component, "name"), member_int (component, "max_score"),
                    member_int (component, "weight_percent")))
        return FALSE;
    }
  for (guint r = 0; r < json_array_get_length (rules); r++)
    {
      JsonObject *rule = json_array_get_object_element (rules, r);

      if (!run_sql (kdb, error, "lssl",
                    "INSERT INTO pass_rule (stage_id, formasi_kind, component_code, "
                    "min_score) VALUES (?, ?, ?, ?)",
                    stage_id, member_text (rule, "formasi_kind"),
                    member_text (rule, "component_code"), member_int (rule, "min_score")))
        return FALSE;
    }
  return TRUE;
}

static gboolean
restore_formasi (KpDb *kdb, gint64 selection_id, JsonArray *formasi, GError **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) extra_codes = g_ptr_array_new_with_free_func (g_free);
  KpStmt *stmt;
  KpStep step;

  for (guint i = 0; i < json_array_get_length (formasi); i++)
    {
      JsonObject *row = json_array_get_object_element (formasi, i);

      g_hash_table_add (codes, (gpointer) member_text (row, "code"));
      stmt = _kp_db_prepare (kdb,
                             "INSERT INTO formasi (selection_id, code, position_title, unit, "
                             "education, study_programme, kind, quota) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                             "ON CONFLICT (selection_id, code) DO UPDATE SET "
                             "position_title = excluded.position_title, unit = excluded.unit, "
                             "education = excluded.education, "
                             "study_programme = excluded.study_programme, "
                             "kind = excluded.kind, quota = excluded.quota",
                             error);
      if (stmt == NULL)
        return FALSE;
      _kp_stmt_bind_int64 (stmt, 1, selection_id);
      for (int c = 0; c < 6; c++)
        _kp_stmt_bind_text (stmt, 2 + c, member_text (row, formasi_names[c]));
      _kp_stmt_bind_int64 (stmt, 8, member_int (row, "quota"));
      if (!_kp_stmt_run (stmt, error))
        return FALSE;
    }

  /* Vacancies added during the amendment go again, unless someone has registered for one:
   * then the cancel is refused, since dropping the registrations is not the cancel's to do. */
  stmt = _kp_db_prepare (kdb,
                         "SELECT f.id, f.code, (SELECT COUNT (*) FROM applicant a "
                         "WHERE a.formasi_id = f.id) FROM formasi f WHERE f.selection_id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 id = _kp_stmt_get_int64 (stmt, 0);
      const char *code = _kp_stmt_get_text (stmt, 1);

      if (g_hash_table_contains (codes, code))
        continue;
      if (_kp_stmt_get_int64 (stmt, 2) > 0)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_IN_USE,
                       _("The vacancy %s was added during the amendment and %" PRId64
                         " applicants have registered for it: the amendment cannot be "
                         "cancelled, publish it instead"),
                       code, _kp_stmt_get_int64 (stmt, 2));
          _kp_stmt_reset (stmt);
          return FALSE;
        }
      g_array_append_val (extra, id);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  for (guint i = 0; i < extra->len; i++)
    {
      if (!run_sql (kdb, error, "l",
                    "DELETE FROM formasi WHERE id = ?",
                    (gint64) g_array_index (extra, gint64, i)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
restore_requirements (KpDb *kdb, gint64 selection_id, JsonArray *requirements, GError **error)
{
  g_autoptr(GArray) ids = requirement_ids (kdb, selection_id, error);
  guint n = json_array_get_length (requirements);

  if (ids == NULL)
    return FALSE;
  /* In place, by position: verifications point to requirements by id. */
  for (guint i = ids->len; i > n; i--)
    if (!delete_requirement (kdb, g_array_index (ids, gint64, i - 1), i, error))
      return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *text = member_text (json_array_get_object_element (requirements, i), "text");

      if (i < ids->len)
        {
          KpStmt *stmt = _kp_db_prepare (kdb, "UPDATE selection_requirement SET position = ?2, "
                                              "text = ?3 WHERE id = ?1", error);

          if (stmt == NULL)
            return FALSE;
          _kp_stmt_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
          _kp_stmt_bind_int64 (stmt, 2, i + 1);
          _kp_stmt_bind_text (stmt, 3, text);
          if (!_kp_stmt_run (stmt, error))
            return FALSE;
        }
      else if (!run_sql (kdb, error, "ls",
                         "INSERT INTO selection_requirement (selection_id, position, text) "
                         "VALUES (?1, (SELECT COALESCE (MAX (position), 0) + 1 FROM "
                         "selection_requirement WHERE selection_id = ?1), ?2)",
                         selection_id, text))
        return FALSE;
    }
  return TRUE;
}

/* Makes the selection's rules and vacancies those of the snapshot @text. */
static gboolean
restore_rules (KpDb *kdb, gint64 selection_id, const char *text, GError **error)
{
  g_autoptr(JsonNode) root = parse_json (text);
  JsonObject *rules;
  JsonArray *stages, *codes, *tie_break;
  KpStmt *stmt;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, KP_MODEL_ERROR, KP_MODEL_ERROR_FAILED,
                           _("The stored announcement cannot be read"));
      return FALSE;
    }
  rules = json_node_get_object (root);
  stages = json_object_get_array_member (rules, "stages");
  codes = json_object_get_array_member (rules, "codes");
  tie_break = json_object_get_array_member (rules, "tie_break");

  if (!run_sql (kdb, error, "lss",
                "UPDATE selection SET name = ?2, appeal_text = ?3 WHERE id = ?1",
                selection_id, member_text (rules, "name"), member_text (rules, "appeal_text")))
    return FALSE;

  if (!run_sql (kdb, error, "ll",
                "DELETE FROM selection_stage WHERE selection_id = ? "
                "AND position > ?",
                selection_id, (gint64) json_array_get_length (stages)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (stages); i++)
    if (!restore_stage (kdb, selection_id, json_array_get_object_element (stages, i), error))
      return FALSE;

  if (!run_sql (kdb, error, "l",
                "DELETE FROM selection_code WHERE selection_id = ?1",
                selection_id) ||
      !run_sql (kdb, error, "l",
                "DELETE FROM selection_tie_break WHERE selection_id = ?1",
                selection_id))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      JsonObject *code = json_array_get_object_element (codes, i);

      stmt = _kp_db_prepare (kdb,
                             "INSERT INTO selection_code (selection_id, stage_kind, code, label, "
                             "meaning) VALUES (?, ?, ?, ?, ?)",
                             error);
      if (stmt == NULL)
        return FALSE;
      _kp_stmt_bind_int64 (stmt, 1, selection_id);
      for (int c = 0; c < 4; c++)
        _kp_stmt_bind_text (stmt, 2 + c, member_text (code, code_names[c]));
      if (!_kp_stmt_run (stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (tie_break); i++)
    {
      JsonObject *row = json_array_get_object_element (tie_break, i);

      if (!insert_tie_break (kdb, selection_id, (int) member_int (row, "position"),
                             member_text (row, "criterion"), member_text (row, "label"), error))
        return FALSE;
    }
  return restore_requirements (kdb, selection_id,
                               json_object_get_array_member (rules, "requirements"), error) &&
         restore_formasi (kdb, selection_id, json_object_get_array_member (rules, "formasi"),
                          error);
}

gboolean
kp_selection_amendment_cancel (KpDatabase *db, gint64 selection_id, GError **error)
{
  KpDb *kdb;
  g_autofree char *reason = NULL;
  g_autofree char *announced = NULL;
  g_autofree char *current = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  gint64 version = 0;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  kdb = _kp_database_get_db (db);
  if (!begin_amendment_end (db, selection_id, &reason, &version, &announced, error))
    return FALSE;
  if ((current = rules_text (kdb, selection_id, error)) == NULL ||
      !restore_rules (kdb, selection_id, announced, error) ||
      !run_sql (kdb, error, "ls",
                "UPDATE selection SET amendment_reason = ?2 WHERE id = ?1",
                selection_id, NULL))
    return abandon (db);
  undone = kp_announcement_diff (current, announced);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "reason", reason);
  add_int (builder, "version", version);
  json_builder_set_member_name (builder, "undone");
  json_builder_add_value (builder, changes_node (undone));
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  return commit_event (db, "amend-cancel", selection_id, payload, error);
}

/* ---- versions -------------------------------------------------------------------------------- */

GPtrArray *
kp_announcement_list (KpDatabase *db, gint64 selection_id, GError **error)
{
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_announcement_free);
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  if (!_kp_selection_check_exists (_kp_database_get_db (db), selection_id, error))
    return NULL;
  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT version, reason, published_at, published_by, checkpoint, "
                         "json_array_length (changes_json) FROM announcement "
                         "WHERE selection_id = ? ORDER BY version",
                         error);
  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      KpAnnouncement *announcement = g_new0 (KpAnnouncement, 1);

      announcement->version = (int) _kp_stmt_get_int64 (stmt, 0);
      announcement->reason = g_strdup (_kp_stmt_get_text (stmt, 1));
      announcement->published_at = g_strdup (_kp_stmt_get_text (stmt, 2));
      announcement->published_by = g_strdup (_kp_stmt_get_text (stmt, 3));
      announcement->checkpoint = g_strdup (_kp_stmt_get_text (stmt, 4));
      announcement->n_changes = (guint) _kp_stmt_get_int64 (stmt, 5);
      g_ptr_array_add (list, announcement);
    }
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

static char *
announcement_text (KpDatabase *db, const char *sql, gint64 selection_id, int version,
                   GError **error)
{
  KpStmt *stmt = _kp_db_prepare (_kp_database_get_db (db), sql, error);
  KpStep step;
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  _kp_stmt_bind_int64 (stmt, 1, selection_id);
  _kp_stmt_bind_int64 (stmt, 2, version);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    text = g_strdup (_kp_stmt_get_text (stmt, 0));
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_DONE)
    g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                 _("The selection has no announcement version %d"), version);
  return text;
}

char *
kp_announcement_get_rules_json (KpDatabase *db, gint64 selection_id, int version,
                                GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  return announcement_text (db, "SELECT rules_json FROM announcement WHERE selection_id = ?1 "
                                "AND version = ?2", selection_id, version, error);
}

char *
kp_announcement_get_changes_json (KpDatabase *db, gint64 selection_id, int version,
                                  GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  return announcement_text (db, "SELECT changes_json FROM announcement WHERE selection_id = ?1 "
                                "AND version = ?2", selection_id, version, error);
}
