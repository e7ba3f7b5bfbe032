/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-standards.h: the job competency standard (standar kompetensi jabatan): the level each
 * position requires of each competency. A position's own level wins; where it has none, the
 * default of its kind applies (an editable table seeded with the commonly cited managerial
 * levels, DOMAIN.md). Every change is one transaction with one audit event. */
#pragma once

#include "kompeten/kp-competency.h"
#include "kompeten/kp-database.h"
#include "kompeten/kp-employee-import.h"

G_BEGIN_DECLS

/* One required level of a position. */
typedef struct {
  gint64 competency_id;
  char *code;
  char *name;
  int type;           /* KpCompetencyType */
  int level;          /* 1–5 */
  gboolean from_kind; /* the position has no level of its own: its kind's default applies */
} KpStandard;

void kp_standard_free (KpStandard *standard);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpStandard, kp_standard_free)

/* The levels @position_id requires: every competency of the dictionary with a level (the
 * position's own, else its kind's default), by type then code. Of KpStandard, free with
 * g_ptr_array_unref; NULL with KP_MODEL_ERROR_NOT_FOUND when there is no such position. */
GPtrArray *kp_standards_for_position (KpDatabase *db, gint64 position_id, GError **error);

/* Sets the position's own level of a competency (1–5), or removes it (0: the kind's default
 * applies again). One audit event ("update", "standard", the position id) with the unit, the
 * position, the competency code and the old and new levels; none when nothing changes. */
gboolean kp_standards_set (KpDatabase *db, gint64 position_id, gint64 competency_id, int level,
                           GError **error);

/* The default level of a competency for a position kind (KpPositionKind), 0 when none. */
int kp_kind_standard_get (KpDatabase *db, int kind, gint64 competency_id);
/* Sets (1–5) or removes (0) a kind's default level. Audited ("update", "kind-standard"); no
 * event when nothing changes. */
gboolean kp_kind_standard_set (KpDatabase *db, int kind, gint64 competency_id, int level,
                               GError **error);

/* Writes the defaults of @kind as the own levels of every position of that kind, replacing
 * their levels of those competencies (their other levels stay). One transaction, one audit
 * event ("apply", "standard": the kind, the positions, the levels that changed); none when
 * nothing changes. @n_positions (may be NULL) receives the number of positions of the kind. */
gboolean kp_standards_apply_kind (KpDatabase *db, int kind, guint *n_positions, GError **error);

/* Imports a CSV with the columns unit_kerja, jabatan, kode_kompetensi, level (also: unit,
 * unit kerja, position, competency, kode, code, kompetensi, level standar; any case, "_" or
 * " "). The unit and the position must be in the register (matched ignoring case, accents and
 * spaces), the code in the dictionary, the level 1–5; a (unit, position, code) given twice is
 * refused on its later line. Each good row sets the position's own level. One transaction, one
 * audit event with the file's SHA-256 and the counts (none when nothing changed); with
 * @all_or_nothing nothing is written when a row is refused. @counts and @problems
 * (KpImportProblem, in line order) report. */
gboolean kp_standards_import (KpDatabase *db, GFile *file, gboolean all_or_nothing,
                              KpImportCounts *counts, GPtrArray **problems, GError **error);

/* Called for each own level of a position, by unit, position, then code. Return FALSE (with
 * @error set) to stop. Do not change the database from inside. */
typedef gboolean (*KpStandardRowFunc) (const char *unit, const char *position, const char *code,
                                       const char *competency_name, int level, gpointer user_data,
                                       GError **error);

/* Calls @func for every position's own level (not the kinds' defaults), stopping at the first
 * FALSE, whose error is returned. */
gboolean kp_standards_foreach (KpDatabase *db, KpStandardRowFunc func, gpointer user_data,
                               GError **error);

/* Writes the positions' own levels as CSV (unit_kerja, jabatan, kode_kompetensi, level), so
 * that importing the file into the same database changes nothing. A failure leaves any earlier
 * file at @path as it was. */
gboolean kp_standards_export_csv (KpDatabase *db, const char *path, GError **error);

G_END_DECLS
