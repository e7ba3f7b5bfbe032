/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-jpm-settings.c: the JPM weights and categories (see kp-jpm-settings.h). */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kompeten/kp-core.h"
#include "kompeten/kp-jpm-settings.h"
#include "kp-database-private.h"

/* Longer names would not fit a chart's legend or a report's column. */
#define NAME_MAX_CHARS 100

KpJpmCategory *
kp_jpm_category_new (int min_percent, const char *name)
{
  KpJpmCategory *category = g_new0 (KpJpmCategory, 1);

  category->min_percent = min_percent;
  category->name = g_strdup (name != NULL ? name : "");
  return category;
}

void
kp_jpm_category_free (KpJpmCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category);
}

static gboolean
check_kind (int kind, GError **error)
{
  if (kind < 0 || kind >= KP_POSITION_KIND_COUNT)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID, _("Choose the position kind"));
      return FALSE;
    }
  return TRUE;
}

/* Appends @payload's event and commits, or rolls back. */
static gboolean
commit_with_event (KpDatabase *db, const char *entity, const char *entity_id, JsonNode *payload,
                   GError **error)
{
  KpDb *kdb = _kp_database_get_db (db);

  if (!_kp_audit_append (db, "update", entity, entity_id, payload, error) ||
      !_kp_db_commit (kdb, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  /* No store holds these tables: this only brings the audit log up to date. */
  _kp_database_reload (db, 0);
  return TRUE;
}

/* ---- weights --------------------------------------------------------------------------------- */

/* The weight of @kind into @percent (-1 when none). */
static gboolean
read_weight (KpDb *kdb, int kind, int *percent, GError **error)
{
  KpStmt *stmt = _kp_db_prepare (kdb, "SELECT technical_percent FROM jpm_weight WHERE kind = ?",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return FALSE;
  _kp_stmt_bind_int64 (stmt, 1, kind);
  step = _kp_stmt_step (stmt, error);
  *percent = step == KP_STEP_ROW ? (int) _kp_stmt_get_int64 (stmt, 0) : -1;
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

int
kp_jpm_weight_get (KpDatabase *db, int kind)
{
  g_autoptr(GError) error = NULL;
  int percent = -1;

  g_return_val_if_fail (KP_IS_DATABASE (db), -1);
  g_return_val_if_fail (kind >= 0 && kind < KP_POSITION_KIND_COUNT, -1);

  if (!read_weight (_kp_database_get_db (db), kind, &percent, &error))
    {
      g_warning ("Cannot read the JPM weight of a position kind: %s", error->message);
      return -1;
    }
  return percent;
}

gboolean
kp_jpm_weights_get_all (KpDatabase *db, int weights[], GError **error)
{
  KpStmt *stmt;
  KpStep step;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  for (guint k = 0; k < KP_POSITION_KIND_COUNT; k++)
    weights[k] = -1;
  stmt = _kp_db_prepare (_kp_database_get_db (db),
                         "SELECT kind, technical_percent FROM jpm_weight", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    {
      gint64 kind = _kp_stmt_get_int64 (stmt, 0);

      /* The table's CHECK keeps kinds in range; a newer program's kinds are skipped. */
      if (kind >= 0 && kind < KP_POSITION_KIND_COUNT)
        weights[kind] = (int) _kp_stmt_get_int64 (stmt, 1);
    }
  _kp_stmt_reset (stmt);
  return step != KP_STEP_ERROR;
}

/* "old" and "new" percents, null for none. */
static void
add_percent (JsonBuilder *builder, const char *member, int percent)
{
  json_builder_set_member_name (builder, member);
  if (percent >= 0)
    json_builder_add_int_value (builder, percent);
  else
    json_builder_add_null_value (builder);
}

gboolean
kp_jpm_weight_set (KpDatabase *db, int kind, int percent, GError **error)
{
  KpDb *kdb;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;
  int old_percent = -1;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);

  kdb = _kp_database_get_db (db);
  if (!check_kind (kind, error))
    return FALSE;
  if (percent < -1 || percent > 100)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %d is the refused number, %s a position kind. */
                   _("The technical weight of %s must be a whole percent from 0 to 100, not %d"),
                   kp_position_kind_to_string (kind), percent);
      return FALSE;
    }

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if (!read_weight (kdb, kind, &old_percent, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if (old_percent == percent)
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }
  if (percent < 0)
    stmt = _kp_db_prepare (kdb, "DELETE FROM jpm_weight WHERE kind = ?1", error);
  else
    stmt = _kp_db_prepare (kdb,
                           "INSERT INTO jpm_weight (kind, technical_percent) VALUES (?1, ?2) "
                           "ON CONFLICT (kind) DO UPDATE SET "
                           "technical_percent = excluded.technical_percent",
                           error);
  if (stmt == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  _kp_stmt_bind_int64 (stmt, 1, kind);
  if (percent >= 0)
    _kp_stmt_bind_int64 (stmt, 2, percent);
  if (!_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kp_position_kind_to_string (kind));
  add_percent (builder, "old", old_percent);
  add_percent (builder, "new", percent);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  return commit_with_event (db, "jpm-weight", kp_position_kind_to_string (kind), payload, error);
}

/* ---- categories ------------------------------------------------------------------------------ */

static GPtrArray *
read_categories (KpDb *kdb, GError **error)
{
  g_autoptr(GPtrArray) categories =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_jpm_category_free);
  KpStmt *stmt = _kp_db_prepare (kdb,
                                 "SELECT min_percent, name FROM jpm_category "
                                 "ORDER BY min_percent DESC",
                                 error);
  KpStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = _kp_stmt_step (stmt, error)) == KP_STEP_ROW)
    g_ptr_array_add (categories, kp_jpm_category_new ((int) _kp_stmt_get_int64 (stmt, 0),
                                                      _kp_stmt_get_text (stmt, 1)));
  _kp_stmt_reset (stmt);
  return step == KP_STEP_ERROR ? NULL : g_steal_pointer (&categories);
}

GPtrArray *
kp_jpm_categories_list (KpDatabase *db, GError **error)
{
  g_return_val_if_fail (KP_IS_DATABASE (db), NULL);
  return read_categories (_kp_database_get_db (db), error);
}

static int
compare_highest_first (gconstpointer a, gconstpointer b)
{
  const KpJpmCategory *x = *(KpJpmCategory *const *) a;
  const KpJpmCategory *y = *(KpJpmCategory *const *) b;

  return (y->min_percent > x->min_percent) - (y->min_percent < x->min_percent);
}

/* The categories as they would be stored (names squashed, highest first), or NULL with the
 * reason naming the category at fault. */
static GPtrArray *
clean_categories (GPtrArray *categories, GError **error)
{
  g_autoptr(GPtrArray) clean =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kp_jpm_category_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) bounds = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean has_zero = FALSE;

  if (categories->len == 0 || categories->len > KP_JPM_CATEGORIES_MAX)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   /* Translators: %d is the most categories allowed (10), %u how many were given. */
                   _("Give from 1 to %d JPM categories, not %u"),
                   KP_JPM_CATEGORIES_MAX, categories->len);
      return NULL;
    }

  for (guint i = 0; i < categories->len; i++)
    {
      const KpJpmCategory *category = g_ptr_array_index (categories, i);
      g_autofree char *name = kp_text_squash (category->name != NULL ? category->name : "");
      g_autofree char *folded = NULL;
      const char *other;

      if (*name == '\0')
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                       /* Translators: %d is the category's lower bound in percent. */
                       _("The category from %d %% needs a name"), category->min_percent);
          return NULL;
        }
      if (g_utf8_strlen (name, -1) > NAME_MAX_CHARS)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                       /* Translators: %s is a JPM category's name, %d a number of characters. */
                       _("The name of the category “%s” is longer than %d characters"), name,
                       NAME_MAX_CHARS);
          return NULL;
        }
      if (category->min_percent < 0 || category->min_percent > 100)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                       /* Translators: %s is a JPM category's name, %d the refused bound. */
                       _("The category “%s” starts at %d %%: a lower bound must be from 0 to 100 %%"),
                       name, category->min_percent);
          return NULL;
        }
      folded = kp_text_fold (name);
      if ((other = g_hash_table_lookup (names, folded)) != NULL)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                       /* Translators: both %s are JPM category names. */
                       _("The categories “%s” and “%s” have the same name"), other, name);
          return NULL;
        }
      if ((other = g_hash_table_lookup (bounds, GINT_TO_POINTER (category->min_percent + 1)))
          != NULL)
        {
          g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                       /* Translators: both %s are JPM category names, %d a percent. */
                       _("The categories “%s” and “%s” both start at %d %%"), other, name,
                       category->min_percent);
          return NULL;
        }
      has_zero |= category->min_percent == 0;
      g_ptr_array_add (clean, kp_jpm_category_new (category->min_percent, name));
      /* The names are borrowed from @clean, which outlives both tables. */
      g_hash_table_insert (names, g_steal_pointer (&folded),
                           ((KpJpmCategory *) g_ptr_array_index (clean, clean->len - 1))->name);
      g_hash_table_insert (bounds, GINT_TO_POINTER (category->min_percent + 1),
                           ((KpJpmCategory *) g_ptr_array_index (clean, clean->len - 1))->name);
    }
  if (!has_zero)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("No category starts at 0 %%: the lowest category must start at 0 %% so "
                     "that every JPM has a category"));
      return NULL;
    }
  g_ptr_array_sort (clean, compare_highest_first);
  return g_steal_pointer (&clean);
}

static gboolean
same_categories (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const KpJpmCategory *x = g_ptr_array_index (a, i);
      const KpJpmCategory *y = g_ptr_array_index (b, i);

      if (x->min_percent != y->min_percent || strcmp (x->name, y->name) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
add_category_list (JsonBuilder *builder, const char *member, GPtrArray *categories)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < categories->len; i++)
    {
      const KpJpmCategory *category = g_ptr_array_index (categories, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "min");
      json_builder_add_int_value (builder, category->min_percent);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, category->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

gboolean
kp_jpm_categories_replace (KpDatabase *db, GPtrArray *categories, GError **error)
{
  KpDb *kdb;
  g_autoptr(GPtrArray) clean = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) payload = NULL;
  KpStmt *stmt;

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (categories != NULL, FALSE);

  kdb = _kp_database_get_db (db);
  if ((clean = clean_categories (categories, error)) == NULL)
    return FALSE;

  if (!_kp_db_begin (kdb, error))
    return FALSE;
  if ((old = read_categories (kdb, error)) == NULL)
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  if (same_categories (old, clean))
    {
      _kp_db_rollback (kdb);
      return TRUE;
    }
  if ((stmt = _kp_db_prepare (kdb, "DELETE FROM jpm_category", error)) == NULL ||
      !_kp_stmt_run (stmt, error))
    {
      _kp_db_rollback (kdb);
      return FALSE;
    }
  for (guint i = 0; i < clean->len; i++)
    {
      const KpJpmCategory *category = g_ptr_array_index (clean, i);

      stmt = _kp_db_prepare (kdb, "INSERT INTO jpm_category (min_percent, name) VALUES (?, ?)",
                             error);
      if (stmt == NULL)
        {
          _kp_db_rollback (kdb);
          return FALSE;
        }
      _kp_stmt_bind_int64 (stmt, 1, category->min_percent);
      _kp_stmt_bind_text (stmt, 2, category->name);
      if (!_kp_stmt_run (stmt, error))
        {
          _kp_db_rollback (kdb);
          return FALSE;
        }
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_category_list (builder, "old", old);
  add_category_list (builder, "new", clean);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  return commit_with_event (db, "jpm-category", NULL, payload, error);
}
