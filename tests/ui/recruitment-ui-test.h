/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recruitment-ui-test.h: the fixture the widget tests of a selection's tabs share: a scratch
 * database with a selection of registrants (tests/model/recruitment-fixture.h) and one tab
 * showing it in a window. */
#pragma once

#include "kp-selection-tab.h"

#include "ui-test-util.h"
#include "../model/recruitment-fixture.h"

typedef struct {
  KpDatabase *database;
  RecruitmentFixture recruitment;
  GtkWindow *window;
} RecruitmentUiFixture;

/* Makes the selection with @n_registrants (four-eyes sample @percent with @seed) and shows
 * @tab (floating, taken) on it in a window @width × @height. */
static inline void
recruitment_ui_set_up (RecruitmentUiFixture *fixture,
                       GtkWidget            *tab,
                       guint                 n_registrants,
                       int                   percent,
                       gint64                seed,
                       int                   width,
                       int                   height)
{
  g_autofree char *path = NULL;

  fixture->database = ui_test_new_database (&path);
  recruitment_fixture_make (path, n_registrants, percent, seed, &fixture->recruitment);

  kp_selection_tab_set_database (KP_SELECTION_TAB (tab), fixture->database);
  kp_selection_tab_set_selection_id (KP_SELECTION_TAB (tab), fixture->recruitment.selection);

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  adw_window_set_content (ADW_WINDOW (fixture->window), tab);
  ui_test_show_window (fixture->window);
}

static inline void
recruitment_ui_tear_down (RecruitmentUiFixture *fixture)
{
  ui_test_destroy_window (fixture->window, fixture->window);
  ui_test_destroy_other_toplevels (NULL);
  recruitment_fixture_clear (&fixture->recruitment);
  g_clear_object (&fixture->database);
}

/* The widget of @tab's template with the id @id; fails the test when there is none. */
static inline GtkWidget *
recruitment_ui_get_widget (gpointer    tab,
                           const char *id)
{
  GtkWidget *found = _kp_selection_tab_get_widget (KP_SELECTION_TAB (tab), id);

  if (found == NULL)
    g_error ("no widget “%s” in the template", id);
  return found;
}
