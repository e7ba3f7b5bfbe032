/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-application.h: the Kompeten desktop application. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KP_TYPE_APPLICATION (kp_application_get_type ())
G_DECLARE_FINAL_TYPE (KpApplication, kp_application, KP, APPLICATION, AdwApplication)

KpApplication *kp_application_new (void);

G_END_DECLS
