/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-core.h: the pure rules of Kompeten (no I/O, no clock, no database).
 *
 * Every function that can fail takes a GError in KP_CORE_ERROR whose message is translated
 * and says why, in words an HR officer understands ("NIP must have 18 digits, found 17"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KP_CORE_ERROR (kp_core_error_quark ())
GQuark kp_core_error_quark (void);

typedef enum {
  KP_CORE_ERROR_EMPTY,         /* a required value is empty */
  KP_CORE_ERROR_LENGTH,        /* wrong number of characters */
  KP_CORE_ERROR_NOT_DIGITS,    /* characters other than 0-9 */
  KP_CORE_ERROR_DATE,          /* not a date, or not a real calendar date */
  KP_CORE_ERROR_RANGE,         /* a value outside its allowed range */
  KP_CORE_ERROR_UNKNOWN_VALUE, /* not one of the allowed values */
} KpCoreError;

typedef enum {
  KP_SEX_UNKNOWN = 0,
  KP_SEX_MALE = 1,   /* "L", laki-laki; NIP digit 1 */
  KP_SEX_FEMALE = 2, /* "P", perempuan; NIP digit 2 */
} KpSex;

/* ---- text ------------------------------------------------------------------------------ */

/* Trims and collapses runs of white space (including NBSP) to one space. Invalid UTF-8 is
 * repaired (U+FFFD) rather than refused. Free with g_free. */
char *kp_text_squash (const char *text);
/* Folds for matching: NFKD, combining marks dropped, case folded, spaces squashed.
 * "Éka  Putri" and "eka putri" fold to the same string. Free with g_free. */
char *kp_text_fold (const char *text);

/* ---- dates ----------------------------------------------------------------------------- */

typedef enum {
  KP_DATE_FORMAT_ANY = 0,   /* detect per value */
  KP_DATE_FORMAT_ISO,       /* YYYY-MM-DD */
  KP_DATE_FORMAT_DMY_DASH,  /* DD-MM-YYYY */
  KP_DATE_FORMAT_DMY_SLASH, /* DD/MM/YYYY */
} KpDateFormat;

/* Parses @text (surrounding white space allowed; day and month may have one digit; the year
 * has four digits) in @format, or in any of the three when @format is ANY (a '/' means
 * DD/MM/YYYY, a '-' after four digits YYYY-MM-DD, another '-' DD-MM-YYYY).
 * Errors: EMPTY (NULL or blank), DATE (not in the form, or not a real calendar date such as
 * 1990-02-31), RANGE (a year outside 1800-2999).
 * On success fills @date and, if not NULL, @detected. */
gboolean kp_date_parse (const char *text, KpDateFormat format, GDate *date,
                        KpDateFormat *detected, GError **error);
/* Writes "YYYY-MM-DD" into @buf (11 bytes). */
void kp_date_to_iso (const GDate *date, char buf[11]);
/* A human name of the format for previews: "YYYY-MM-DD", "DD-MM-YYYY", "DD/MM/YYYY"
 * (translated, so not for parsing or storage). */
const char *kp_date_format_to_string (KpDateFormat format);
/* Validates a birth date against @today: not in the future, not before 1900 (RANGE). */
gboolean kp_birth_date_check (const GDate *birth, const GDate *today, GError **error);

/* ---- sex ------------------------------------------------------------------------------- */

/* "L", "P" (any case), "Laki-laki", "Perempuan", "Pria", "Wanita". Others: KP_SEX_UNKNOWN. */
KpSex kp_sex_parse (const char *text);
/* "L" or "P" (NULL for unknown). */
const char *kp_sex_to_code (KpSex sex);

/* ---- NIP (18 digits: YYYYMMDD birth, YYYYMM TMT CPNS, G sex, NNN sequence) ---------------- */

typedef struct {
  GDate birth;
  int tmt_year;
  int tmt_month;
  KpSex sex;
  int sequence;
} KpNip;

/* Validates the structure of a NIP: 18 digits, a real birth date, a TMT month that is a real
 * month (year 1900 or later) and not before the month of the 18th birthday, a sex digit 1 or
 * 2, a sequence 001-999. White space around it is ignored; white space inside is an error.
 * The first fault is reported, in this order: EMPTY; NOT_DIGITS (checked before the length,
 * so a NIP typed in groups is reported for its spaces); LENGTH; DATE (birth date, TMT);
 * RANGE (TMT before 18); UNKNOWN_VALUE (sex digit); RANGE (sequence 000).
 * On success fills @nip (may be NULL). */
gboolean kp_nip_parse (const char *text, KpNip *nip, GError **error);

/* ---- NIK (16 digits: PPKKCC region, DDMMYY birth date with +40 on the day for women, NNNN) -- */

typedef struct {
  char region[7];    /* PPKKCC */
  gboolean date_valid; /* the DDMMYY part is a real date (after removing the +40) */
  GDate birth;       /* valid only when date_valid; the century is resolved by the caller's hint */
  KpSex sex;         /* from the day: > 40 female; KP_SEX_UNKNOWN when the day is not 1-31/41-71 */
  int sequence;
} KpNik;

/* Only emptiness, digits and length are errors (checked in that order); a NIK never changes,
 * even when its date part is wrong. The messages never repeat the NIK.
 * The two-digit year is resolved against @today, which is required (a year after today's is
 * the previous century). On success fills @nik (may be NULL). */
gboolean kp_nik_parse (const char *text, const GDate *today, KpNik *nik, GError **error);

typedef enum {
  KP_NIK_WARNING_NONE = 0,
  KP_NIK_WARNING_DATE_INVALID = 1 << 0,  /* the DDMMYY part is not a date */
  KP_NIK_WARNING_DATE_MISMATCH = 1 << 1, /* differs from the declared birth date */
  KP_NIK_WARNING_SEX_MISMATCH = 1 << 2,  /* the day's +40 disagrees with the declared sex */
} KpNikWarnings;

/* Compares a parsed NIK with the declared birth date and sex (either may be NULL/UNKNOWN to
 * skip that comparison). The day and month must match and the two-digit year must match the
 * declared year's last two digits. DATE_INVALID is reported whenever the NIK's date part is
 * not a date, and then replaces DATE_MISMATCH (there is nothing to compare). */
KpNikWarnings kp_nik_check (const KpNik *nik, const GDate *birth, KpSex sex);
/* "1801********3242": the first four and last four digits kept. Free with g_free.
 * Anything that is not 16 characters is masked whole, keeping nothing ('*' per character;
 * NULL gives ""). */
char *kp_nik_mask (const char *nik);

/* ---- grades (golongan/ruang I/a ... IV/e) -------------------------------------------------- */

#define KP_GRADE_COUNT 17
/* Accepts "III/a", "iii/A", "III / a", "IIIa", "III-a"; returns 0 (I/a) ... 16 (IV/e), or -1
 * with @error set (EMPTY, or UNKNOWN_VALUE). Groups I, II and III have a-d, IV has a-e. */
int kp_grade_parse (const char *text, GError **error);
/* Canonical "III/a" for 0..16. */
const char *kp_grade_to_string (int grade);

/* ---- position kinds (jenis jabatan) --------------------------------------------------------- */

typedef enum {
  KP_POSITION_KIND_JPT_UTAMA,
  KP_POSITION_KIND_JPT_MADYA,
  KP_POSITION_KIND_JPT_PRATAMA,
  KP_POSITION_KIND_ADMINISTRATOR,
  KP_POSITION_KIND_PENGAWAS,
  KP_POSITION_KIND_PELAKSANA,
  KP_POSITION_KIND_AHLI_UTAMA,
  KP_POSITION_KIND_AHLI_MADYA,
  KP_POSITION_KIND_AHLI_MUDA,
  KP_POSITION_KIND_AHLI_PERTAMA,
  KP_POSITION_KIND_PENYELIA,
  KP_POSITION_KIND_MAHIR,
  KP_POSITION_KIND_TERAMPIL,
  KP_POSITION_KIND_COUNT
} KpPositionKind;

/* Case- and space-insensitive; accepts the canonical names ("Fungsional Ahli Muda") and the
 * common short forms ("JF Ahli Muda", "Ahli Muda").
 * Returns the kind, or -1 with @error set listing the accepted names. */
int kp_position_kind_parse (const char *text, GError **error);
/* Canonical name: "JPT Pratama", "Administrator", "Fungsional Ahli Muda", ... */
const char *kp_position_kind_to_string (KpPositionKind kind);

/* ---- audit hash chain ----------------------------------------------------------------------- */

#define KP_AUDIT_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* hash = SHA-256(prev_hash || canonical event), as lowercase hex (64 chars). The canonical
 * event is every field, in this order, each written as its byte length in decimal, ':', the
 * bytes, '\n' (NULL counts as the empty string), so that no two different events can share a
 * canonical form. Free with g_free. */
char *kp_audit_hash (const char *prev_hash, gint64 seq, const char *at, const char *actor,
                     const char *action, const char *entity, const char *entity_id,
                     const char *payload);

G_END_DECLS
