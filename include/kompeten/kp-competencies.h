/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-competencies.h: the competency dictionary in the database: competencies with their levels
 * and behaviour indicators, and their import from CSV. */
#pragma once

#include "kompeten/kp-competency.h"
#include "kompeten/kp-database.h"
#include "kompeten/kp-employee-import.h"

G_BEGIN_DECLS

#define KP_TYPE_COMPETENCY (kp_competency_get_type ())
G_DECLARE_FINAL_TYPE (KpCompetency, kp_competency, KP, COMPETENCY, GObject)

/* Properties (read-only): "id", "code", "name", "type" (KpCompetencyType), "type-name",
 * "definition", "dictionary" (its source, e.g. "PermenPAN-RB 38/2017"), "n-levels" (levels with
 * a description). */
gint64 kp_competency_get_id (KpCompetency *self);
const char *kp_competency_get_code (KpCompetency *self);
const char *kp_competency_get_name (KpCompetency *self);
KpCompetencyType kp_competency_get_competency_type (KpCompetency *self);
const char *kp_competency_get_definition (KpCompetency *self);
const char *kp_competency_get_dictionary (KpCompetency *self);
guint kp_competency_get_n_levels (KpCompetency *self);

/* The dictionary, by code: a store of KpCompetency that follows every change. Transfer none. */
GListModel *kp_database_get_competencies (KpDatabase *db);

/* One level of a competency: its description and its behaviour indicators (one per line). */
typedef struct {
  int level;
  char *description;
  char *indicators;
} KpCompetencyLevel;

void kp_competency_level_free (KpCompetencyLevel *level);

/* The five levels of @competency_id (always 5 entries, level 1 first; texts "" when the
 * dictionary has none). Of KpCompetencyLevel. */
GPtrArray *kp_competency_get_levels (KpDatabase *db, gint64 competency_id, GError **error);
/* The note on where a dictionary's texts come from ("" when none). Free with g_free. */
char *kp_competency_get_dictionary_note (KpDatabase *db, gint64 competency_id, GError **error);

/* Adds (@competency_id 0; returns the new id) or changes a competency of the dictionary. The
 * code is unique; name and code must not be empty. One audit event. Returns 0 on error. */
gint64 kp_competency_save (KpDatabase *db, gint64 competency_id, const char *code,
                           const char *name, KpCompetencyType type, const char *definition,
                           GError **error);
/* Sets one level's description and indicators (one per line; "" clears). One audit event;
 * none when nothing changes. */
gboolean kp_competency_set_level (KpDatabase *db, gint64 competency_id, int level,
                                  const char *description, const char *indicators,
                                  GError **error);
/* Deletes a competency; refused (KP_MODEL_ERROR_IN_USE, with counts) while assessment results
 * refer to it. Its levels and standards go with it. */
gboolean kp_competency_delete (KpDatabase *db, gint64 competency_id, GError **error);

/* Imports a dictionary CSV with the columns code, name, type, level, description, indicators
 * (indicators separated by " | " or newlines; level empty or 0: the definition). Each code is
 * added or updated, each (code, level) given once (a repeat is refused on its later line). One
 * transaction, one audit event with the file's SHA-256 and the counts; with @all_or_nothing
 * nothing is written when a row is refused. @counts and @problems (KpImportProblem) report. */
gboolean kp_competency_import (KpDatabase *db, GFile *file, gboolean all_or_nothing,
                               KpImportCounts *counts, GPtrArray **problems, GError **error);

G_END_DECLS
