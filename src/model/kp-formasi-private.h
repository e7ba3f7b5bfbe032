/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-formasi-private.h: what the applicant import borrows from the formasi (kp-formasi.c). */
#pragma once

#include "kp-csv-reader-private.h"

G_BEGIN_DECLS

/* Whether every field of @record is white space (a spreadsheet's empty row: skipped). */
gboolean _kp_formasi_record_is_blank (const KpCsvRecord *record);

/* Whether an applicant's education fits a formasi's: the level (canonical, NULL when unknown:
 * never fits) must be one of the formasi's levels ("SMA/SMK", "S1/D4"), and when the formasi
 * names study programmes (separated by '/' or ';') the programme must be one of them, ignoring
 * case, accents and spacing. */
gboolean _kp_formasi_education_fits (const char *formasi_education,
                                     const char *formasi_programme, const char *level,
                                     const char *programme);

/* Whether @level's grade is a school average (0–100) rather than an IPK (0–4). */
gboolean _kp_education_level_is_school (const char *level);

G_END_DECLS
