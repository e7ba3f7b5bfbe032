/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-gaps.c: gap analysis and JPM over the register (see kp-gaps.h). Everything the judgement
 * needs is read once into memory (the dictionary has tens of competencies, the standards a few
 * thousand rows); then employees stream past it, so 100,000 of them take about a second. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-assessments.h"
#include "kompeten/kp-core.h"
#include "kompeten/kp-gaps.h"
#include "kp-database-private.h"

typedef struct {
  gint64 id;
  char *code;
  char *name;
  KpCompetencyType type;
} Competency;

typedef struct {
  int kind;
  int *own;   /* n levels; 0: the kind's default applies */
} Position;

struct _KpGaps
{
  KpDatabase *db;
  GArray *competencies;      /* Competency, dictionary order */
  GHashTable *index;         /* competency id → index + 1 */
  int *kind_levels;          /* KP_POSITION_KIND_COUNT × n */
  int weights[KP_POSITION_KIND_COUNT]; /* technical percent, −1 when not set */
  GHashTable *positions;     /* position id → Position */
  GHashTable *latest;        /* employee id → int[n], the latest counted levels */
  GPtrArray *category_names;
  GArray *category_mins;     /* int, highest first */
  int *category_thresholds;
};

static void
position_free (Position *position)
{
  g_free (position->own);
  g_free (position);
}

void
kp_gaps_free (KpGaps *gaps)
{
  if (gaps == NULL)
    return;
  g_clear_object (&gaps->db);
  if (gaps->competencies != NULL)
    for (guint i = 0; i < gaps->competencies->len; i++)
      {
        Competency *c = &g_array_index (gaps->competencies, Competency, i);
        g_free (c->code);
        g_free (c->name);
      }
  g_clear_pointer (&gaps->competencies, g_array_unref);
  g_clear_pointer (&gaps->index, g_hash_table_destroy);
  g_clear_pointer (&gaps->positions, g_hash_table_destroy);
  g_clear_pointer (&gaps->latest, g_hash_table_destroy);
  g_clear_pointer (&gaps->category_names, g_ptr_array_unref);
  g_clear_pointer (&gaps->category_mins, g_array_unref);
  g_free (gaps->kind_levels);
  g_free (gaps);
}

static guint
n_of (KpGaps *gaps)
{
  return gaps->competencies->len;
}

static int
index_of (KpGaps *gaps, gint64 competency_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (gaps->index, &competency_id)) - 1;
}

static void
on_latest_level (gint64 employee_id, gint64 competency_id, int level, gpointer user_data)
{
  KpGaps *gaps = user_data;
  int index = index_of (gaps, competency_id);
  int *levels;

  if (index < 0)
    return;
  levels = g_hash_table_lookup (gaps->latest, &employee_id);
  if (levels == NULL)
    {
      gint64 *key = g_memdup2 (&employee_id, sizeof employee_id);

      levels = g_new0 (int, n_of (gaps));
      g_hash_table_insert (gaps->latest, key, levels);
    }
  levels[index] = level;
}

KpGaps *
kp_gaps_new (KpDatabase *db, GError **error)
{
  g_autoptr(KpGaps) gaps = g_new0 (KpGaps, 1);
  KpDb *kdb;
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);

  kdb = _kp_database_get_db (db);
  gaps->db = g_object_ref (db);
  gaps->competencies = g_array_new (FALSE, TRUE, sizeof (Competency));
  gaps->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gaps->positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) position_free);
  gaps->latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gaps->category_names = g_ptr_array_new_with_free_func (g_free);
  gaps->category_mins = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint k = 0; k < KP_POSITION_KIND_COUNT; k++)
    gaps->weights[k] = -1;

  stmt = _kp_db_prepare (kdb, "SELECT id, code, name, type FROM competency ORDER BY type, code",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      Competency c = {
        .id = _kp_stmt_get_int64 (stmt, 0),
        .code = g_strdup (_kp_stmt_get_text (stmt, 1)),
        .name = g_strdup (_kp_stmt_get_text (stmt, 2)),
        .type = (KpCompetencyType) _kp_stmt_get_int64 (stmt, 3),
      };

      g_array_append_val (gaps->competencies, c);
      g_hash_table_insert (gaps->index, g_memdup2 (&c.id, sizeof c.id),
                           GINT_TO_POINTER (gaps->competencies->len));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;

  gaps->kind_levels = g_new0 (int, KP_POSITION_KIND_COUNT * MAX (n_of (gaps), 1));
  stmt = _kp_db_prepare (kdb, "SELECT kind, competency_id, level FROM kind_standard", error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      int kind = (int) _kp_stmt_get_int64 (stmt, 0);
      int index = index_of (gaps, _kp_stmt_get_int64 (stmt, 1));

      if (kind >= 0 && kind < KP_POSITION_KIND_COUNT && index >= 0)
        gaps->kind_levels[kind * n_of (gaps) + index] = (int) _kp_stmt_get_int64 (stmt, 2);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;

  stmt = _kp_db_prepare (kdb, "SELECT id, kind FROM position", error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 id = _kp_stmt_get_int64 (stmt, 0);
      Position *position = g_new0 (Position, 1);

      position->kind = (int) _kp_stmt_get_int64 (stmt, 1);
      g_hash_table_insert (gaps->positions, g_memdup2 (&id, sizeof id), position);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;

  stmt = _kp_db_prepare (kdb, "SELECT position_id, competency_id, level FROM position_standard",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 id = _kp_stmt_get_int64 (stmt, 0);
      Position *position = g_hash_table_lookup (gaps->positions, &id);
      int index = index_of (gaps, _kp_stmt_get_int64 (stmt, 1));

      if (position == NULL || index < 0)
        continue;
      if (position->own == NULL)
        position->own = g_new0 (int, n_of (gaps));
      position->own[index] = (int) _kp_stmt_get_int64 (stmt, 2);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;

  stmt = _kp_db_prepare (kdb, "SELECT kind, technical_percent FROM jpm_weight", error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      int kind = (int) _kp_stmt_get_int64 (stmt, 0);

      if (kind >= 0 && kind < KP_POSITION_KIND_COUNT)
        gaps->weights[kind] = (int) _kp_stmt_get_int64 (stmt, 1);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;

  stmt = _kp_db_prepare (kdb, "SELECT min_percent, name FROM jpm_category ORDER BY min_percent DESC",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      int min = (int) _kp_stmt_get_int64 (stmt, 0);

      g_array_append_val (gaps->category_mins, min);
      g_ptr_array_add (gaps->category_names, g_strdup (_kp_stmt_get_text (stmt, 1)));
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return NULL;
  if (gaps->category_mins->len == 0)
    {
      /* A table emptied by hand still gives every JPM a place. */
      int zero = 0;

      g_array_append_val (gaps->category_mins, zero);
      g_ptr_array_add (gaps->category_names, g_strdup (""));
    }

  if (!kp_assessment_foreach_latest (db, on_latest_level, gaps, error))
    return NULL;
  return g_steal_pointer (&gaps);
}

guint
kp_gaps_get_n_competencies (KpGaps *gaps)
{
  return n_of (gaps);
}

const char *
kp_gaps_get_code (KpGaps *gaps, guint index)
{
  g_return_val_if_fail (index < n_of (gaps), NULL);
  return g_array_index (gaps->competencies, Competency, index).code;
}

const char *
kp_gaps_get_competency_name (KpGaps *gaps, guint index)
{
  g_return_val_if_fail (index < n_of (gaps), NULL);
  return g_array_index (gaps->competencies, Competency, index).name;
}

guint
kp_gaps_get_n_categories (KpGaps *gaps)
{
  return gaps->category_mins->len;
}

const char *
kp_gaps_get_category_name (KpGaps *gaps, guint index)
{
  g_return_val_if_fail (index < gaps->category_names->len, NULL);
  return g_ptr_array_index (gaps->category_names, index);
}

int
kp_gaps_get_category_min (KpGaps *gaps, guint index)
{
  g_return_val_if_fail (index < gaps->category_mins->len, 0);
  return g_array_index (gaps->category_mins, int, index);
}

/* Judges one employee against @position_id and calls @func. @items is scratch of n entries. */
static gboolean
judge (KpGaps *gaps, KpEmployeeGaps *out, KpGapItem *items, gint64 employee_id,
       gint64 position_id, KpGapFunc func, gpointer user_data, GError **error)
{
  Position *position = g_hash_table_lookup (gaps->positions, &position_id);
  const int *latest = g_hash_table_lookup (gaps->latest, &employee_id);
  guint n = n_of (gaps);
  int kind = position != NULL ? position->kind : -1;

  for (guint i = 0; i < n; i++)
    {
      int required = 0;

      if (position != NULL && position->own != NULL && position->own[i] > 0)
        required = position->own[i];
      else if (kind >= 0 && kind < KP_POSITION_KIND_COUNT)
        required = gaps->kind_levels[kind * n + i];
      items[i].type = g_array_index (gaps->competencies, Competency, i).type;
      items[i].required = required;
      items[i].attained = latest != NULL ? latest[i] : 0;
    }

  out->employee_id = employee_id;
  out->kind = kind;
  out->assessed = latest != NULL;
  out->n_competencies = n;
  out->items = items;
  out->weighted = kind >= 0 && kind < KP_POSITION_KIND_COUNT && gaps->weights[kind] >= 0;
  out->has_standard = kp_jpm_compute (items, n, out->weighted ? gaps->weights[kind] : -1,
                                      &out->jpm);
  out->category = out->has_standard
                    ? kp_jpm_category (out->jpm.total, (const int *) gaps->category_mins->data,
                                       gaps->category_mins->len)
                    : 0;
  return func (out, user_data, error);
}

gboolean
kp_gaps_foreach (KpGaps *gaps, gint64 unit_id, KpGapFunc func, gpointer user_data,
                 GError **error)
{
  g_autofree KpGapItem *items = NULL;
  GError *local_error = NULL;
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (gaps != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  items = g_new0 (KpGapItem, MAX (n_of (gaps), 1));
  stmt = _kp_db_prepare (_kp_database_get_db (gaps->db),
                         "WITH RECURSIVE scope (id) AS ("
                         "  SELECT id FROM unit WHERE ?1 = 0 OR id = ?1"
                         "  UNION"
                         "  SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id) "
                         "SELECT e.id, e.nip, e.name, u.name, p.title, p.id "
                         "FROM employee e "
                         "JOIN position p ON p.id = e.position_id "
                         "JOIN unit u ON u.id = p.unit_id "
                         "JOIN scope s ON s.id = u.id "
                         "ORDER BY e.id",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, MAX (unit_id, 0));
  while ((step = _kp_stmt_step (stmt, &local_error)) == KP_STEP_ROW)
    {
      KpEmployeeGaps out = {
        .nip = _kp_stmt_get_text (stmt, 1),
        .name = _kp_stmt_get_text (stmt, 2),
        .unit = _kp_stmt_get_text (stmt, 3),
        .position = _kp_stmt_get_text (stmt, 4),
      };

      if (!judge (gaps, &out, items, _kp_stmt_get_int64 (stmt, 0), _kp_stmt_get_int64 (stmt, 5),
                  func, user_data, &local_error))
        break;
    }
  _kp_stmt_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
kp_gaps_judge (KpGaps *gaps, gint64 employee_id, gint64 target_position_id, KpGapFunc func,
               gpointer user_data, GError **error)
{
  g_autofree KpGapItem *items = NULL;
  g_autofree char *nip = NULL, *name = NULL, *unit = NULL, *position = NULL;
  gint64 position_id = 0;
  KpStmt *stmt;
  KpStep step;
  KpEmployeeGaps out = { 0 };

  g_return_val_if_fail (gaps != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _kp_db_prepare (_kp_database_get_db (gaps->db),
                         "SELECT e.nip, e.name, p.id FROM employee e "
                         "LEFT JOIN position p ON p.id = e.position_id WHERE e.id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, employee_id);
  step = _kp_stmt_step (stmt, error);
  if (step == KP_STEP_ROW)
    {
      nip = g_strdup (_kp_stmt_get_text (stmt, 0));
      name = g_strdup (_kp_stmt_get_text (stmt, 1));
      position_id = _kp_stmt_get_int64 (stmt, 2);
    }
  _kp_stmt_reset (stmt);
  if (step == KP_STEP_ERROR)
    return FALSE;
  if (step == KP_STEP_DONE)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no employee with number %" PRId64), employee_id);
      return FALSE;
    }
  if (target_position_id > 0)
    position_id = target_position_id;
  if (!g_hash_table_contains (gaps->positions, &position_id))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   _("There is no position with number %" PRId64), position_id);
      return FALSE;
    }

  stmt = _kp_db_prepare (_kp_database_get_db (gaps->db),
                         "SELECT p.title, u.name FROM position p JOIN unit u ON u.id = p.unit_id "
                         "WHERE p.id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, position_id);
  if (_kp_stmt_step (stmt, error) == KP_STEP_ROW)
    {
      position = g_strdup (_kp_stmt_get_text (stmt, 0));
      unit = g_strdup (_kp_stmt_get_text (stmt, 1));
    }
  _kp_stmt_reset (stmt);

  items = g_new0 (KpGapItem, MAX (n_of (gaps), 1));
  out.nip = nip;
  out.name = name;
  out.unit = unit != NULL ? unit : "";
  out.position = position != NULL ? position : "";
  return judge (gaps, &out, items, employee_id, position_id, func, user_data, error);
}
