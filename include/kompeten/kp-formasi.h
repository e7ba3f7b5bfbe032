/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-formasi.h: the vacancies (formasi) of a selection: position, unit, education and study
 * programme, kind (umum, cumlaude, disabilitas …) and quota. They are announced with the
 * selection's rules, so once the selection is locked they change only inside an amendment
 * (KP_MODEL_ERROR_LOCKED otherwise). Every change is one transaction with one audit event. */
#pragma once

#include "kompeten/kp-database.h"
#include "kompeten/kp-employee-import.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  gint64 selection_id;
  char *code;             /* "F0001", unique in the selection */
  char *position_title;
  char *unit;
  char *education;        /* a level or levels: "S1", "D3", "SMA/SMK", "S1/D4" */
  char *study_programme;  /* "" when any programme will do */
  char *kind;             /* canonical: see kp_formasi_kind_parse () */
  gint64 quota;           /* > 0 */
  gint64 n_applicants;    /* registrants (filled by kp_formasi_list) */
} KpFormasi;

void kp_formasi_free (KpFormasi *formasi);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpFormasi, kp_formasi_free)

/* The known kinds, canonical: "umum", "cumlaude", "disabilitas", "putra-putri-papua",
 * "diaspora", "daerah-tertinggal"; NULL-terminated. */
const char *const *kp_formasi_kinds (void);
/* The canonical kind @text names (any case, spaces, '_' or '/' for '-', "cum laude"), or NULL. */
const char *kp_formasi_kind_parse (const char *text);

/* The formasi of a selection by code, each with its number of registrants (KpFormasi, owned). */
GPtrArray *kp_formasi_list (KpDatabase *db, gint64 selection_id, GError **error);

/* Adds one (the id of @values is ignored) and returns its id, 0 on error: INVALID naming the
 * field at fault, DUPLICATE for a code already in the selection, LOCKED, NOT_FOUND. */
gint64 kp_formasi_add (KpDatabase *db, gint64 selection_id, const KpFormasi *values,
                       GError **error);
/* Replaces every field of formasi @id by @values' (same errors). No event when nothing changes. */
gboolean kp_formasi_update (KpDatabase *db, gint64 id, const KpFormasi *values, GError **error);
/* IN_USE while registrants point at it; LOCKED; NOT_FOUND. */
gboolean kp_formasi_delete (KpDatabase *db, gint64 id, GError **error);

/* Imports formasi.csv (kode_formasi, jabatan, unit_kerja, pendidikan, program_studi,
 * jenis_formasi, kuota; English headers too) into selection @selection_id: one transaction and
 * one audit event, none when nothing changed. A code seen twice is refused on its later line.
 * Errors: FILE (unreadable, binary, not UTF-8, missing columns), NOT_FOUND, LOCKED (nothing is
 * read then). With @all_or_nothing nothing is written when a row was refused (TRUE returned:
 * the counts say so). @problems: KpImportProblem in line order. */
gboolean kp_formasi_import (KpDatabase *db, gint64 selection_id, GFile *file,
                            gboolean all_or_nothing, KpImportCounts *counts,
                            GPtrArray **problems, GError **error);

/* The level an education names, canonical ("SD", "SMP", "SMA", "D1" … "D4", "S1", "S2", "S3"):
 * "SMK", "SLTA", "MA" are SMA; "D-III", "Diploma 3" are D3; "Sarjana" S1 … NULL when unknown. */
const char *kp_education_level (const char *text);

G_END_DECLS
