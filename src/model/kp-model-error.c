/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kompeten/kp-database.h"

G_DEFINE_QUARK (kp-model-error-quark, kp_model_error)
