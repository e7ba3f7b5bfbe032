/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-employee-private.h: the rules of one register row, shared by the editor path
 * (kp_register_check_employee) and the importer, so both refuse and warn alike. */
#pragma once

#include "kompeten/kp-core.h"
#include "kompeten/kp-employee-import.h"

G_BEGIN_DECLS

/* Longest value accepted in any field, and in a name. */
#define KP_FIELD_MAX_CHARS 1000
#define KP_NAME_MAX_CHARS 200

/* A row after validation: every text squashed, dates ISO, grade and kind canonical. */
typedef struct {
  char nip[19];
  char *name;
  char sex[2];
  char *birth_place;
  char birth_date[11];
  char *education;
  int grade;           /* -1 when the column is absent */
  char *position;
  int kind;            /* -1 when the column is absent */
  char *unit;
  char *supervisor_nip; /* "" for none */
  char *email;
  char *phone;
  KpDateFormat date_format; /* the format the birth date was written in */
} KpEmployeeValues;

void _kp_employee_values_clear (KpEmployeeValues *values);

/* Called for every problem of a row: @field is the column at fault (NONE: the row). */
typedef void (*KpProblemFunc) (KpEmployeeField field, const char *value, const char *reason,
                               gboolean warning, gpointer user_data);

/* Validates the text of one row. @text[field] is NULL for a column the source does not have:
 * a required one is then an error, an optional one is left alone. Fills @out (clear it with
 * _kp_employee_values_clear) and reports each problem; returns FALSE if any was an error. */
gboolean _kp_employee_validate (const char *const text[KP_EMPLOYEE_N_FIELDS], const GDate *today,
                                KpEmployeeValues *out, KpProblemFunc report, gpointer user_data);

/* Today in the local time zone (the rules take it as a parameter). */
void _kp_today (GDate *today);

G_END_DECLS
