/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-report-error.c: the one error domain of the report layer (charts and workbooks). */

#include "config.h"

#include "kompeten/kp-chart.h"

G_DEFINE_QUARK (kp-report-error-quark, kp_report_error)
