/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-application.h: the Kompeten desktop application. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KP_TYPE_APPLICATION (kp_application_get_type ())
G_DECLARE_FINAL_TYPE (KpApplication, kp_application, KP, APPLICATION, AdwApplication)

KpApplication *kp_application_new (void);

/* The application's settings, or NULL when the schema is not installed (an uninstalled run
 * without GSETTINGS_SCHEMA_DIR): then nothing is remembered. Free with g_object_unref. */
GSettings *kp_application_new_settings (void);

/* KOMPETEN_PROFILE=1: main() records g_get_monotonic_time () here at its start, and the
 * window prints how long its first frame took. 0 when not profiling. */
void kp_application_set_launch_time (KpApplication *self, gint64 monotonic_time);
gint64 kp_application_get_launch_time (KpApplication *self);

G_END_DECLS
