/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-applicants.h: the registrants of a selection, imported from pelamar.csv.
 *
 * Registration follows the announcement, so registrants are never locked. The NIK and the birth
 * date are protected personal data (UU 27/2022): kp_applicant_list () returns the NIK masked
 * ("1801********3242"), only kp_applicant_get_record () (the record form) returns it whole, and
 * files meant for the public must never include the NIK nor the birth date: publication uses
 * the registration number (no_peserta) as the pseudonym. */
#pragma once

#include "kompeten/kp-database.h"
#include "kompeten/kp-employee-import.h"

G_BEGIN_DECLS

/* What the verifiers should look at: flags, never silent drops. */
typedef enum {
  KP_APPLICANT_FLAG_NONE = 0,
  KP_APPLICANT_FLAG_EDUCATION_MISMATCH = 1 << 0, /* level or programme differs from the formasi's */
  KP_APPLICANT_FLAG_DUPLICATE_NIK = 1 << 1,      /* the NIK was registered before in the selection */
  KP_APPLICANT_FLAG_WARNINGS = 1 << 2,           /* the import warned (NIK date or sex, age) */
} KpApplicantFlags;

typedef struct {
  gint64 id;
  gint64 selection_id;
  char *reg_no;           /* no. peserta */
  char *nik;              /* masked, except from kp_applicant_get_record () */
  char *name;
  char *sex;              /* "L" or "P" */
  gint64 formasi_id;
  char *formasi_code;
  char *education;
  char *study_programme;
  gint64 grade_x100;      /* IPK × 100 (0–400) or school average × 100 (0–10000) */
  KpApplicantFlags flags;
  char *warnings;         /* the import's warnings, one per line */
  /* Only from kp_applicant_get_record (); NULL in lists. */
  char *birth_place;
  char *birth_date;       /* ISO */
  char *email;
  char *phone;
  char *address;
} KpApplicant;

void kp_applicant_free (KpApplicant *applicant);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpApplicant, kp_applicant_free)

/* Imports pelamar.csv (no_peserta, nik, nama, jenis_kelamin, tempat_lahir, tanggal_lahir,
 * pendidikan, program_studi, ipk, kode_formasi, email, telepon, alamat) into the selection, in
 * one streamed pass and one transaction with one audit event (none when nothing changed; rows
 * are matched by no_peserta, so a re-import updates what changed). Refused: a NIK that is not
 * 16 digits, an empty name, an unknown sex, a bad birth date, a no_peserta seen earlier in the
 * file, an unknown formasi, a grade out of range (IPK 0–4, school average 0–100). Warnings: the
 * NIK's date or sex disagrees, an age outside 18–60. Flagged, still written: education
 * mismatch, the same NIK twice in the selection. Memory stays flat whatever the file's size.
 * The NIK is masked in the problems' values too. Errors as kp_formasi_import () (but a locked
 * selection still takes registrants; CANCELLED writes nothing); @progress (may be NULL) gets
 * the fraction done. */
gboolean kp_applicant_import (KpDatabase *db, gint64 selection_id, GFile *file,
                              gboolean all_or_nothing, GCancellable *cancellable,
                              KpProgressFunc progress, gpointer user_data,
                              KpImportCounts *counts, GPtrArray **problems, GError **error);

/* The registrants for a table, by no. peserta, NIK masked. @formasi_id 0: every formasi;
 * @flags: only those with any of these flags (NONE: all); @search (may be NULL): a part of the
 * no. peserta or of the name, ignoring the case of ASCII letters (never the NIK). KpApplicant,
 * owned. */
GPtrArray *kp_applicant_list (KpDatabase *db, gint64 selection_id, gint64 formasi_id,
                              KpApplicantFlags flags, const char *search, GError **error);
/* Everything about one registrant, the NIK whole: for the record form only. */
KpApplicant *kp_applicant_get_record (KpDatabase *db, gint64 id, GError **error);
/* The number of registrants of a selection (@formasi_id 0) or of one formasi. */
gint64 kp_applicant_count (KpDatabase *db, gint64 selection_id, gint64 formasi_id,
                           GError **error);

G_END_DECLS
