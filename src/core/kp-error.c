/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kompeten/kp-core.h"

G_DEFINE_QUARK (kp-core-error-quark, kp_core_error)
