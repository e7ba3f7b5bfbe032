/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-recruitment-view.h: the recruitment area: the selections on the left; on the right the
 * chosen selection with its announcement state and tabs: its rules, its vacancies (formasi),
 * its announcement versions, and the pages other parts of the window add. */
#pragma once

#include <adwaita.h>

#include "kompeten/kp-model.h"

G_BEGIN_DECLS

#define KP_TYPE_RECRUITMENT_VIEW (kp_recruitment_view_get_type ())
G_DECLARE_FINAL_TYPE (KpRecruitmentView, kp_recruitment_view, KP, RECRUITMENT_VIEW, AdwBin)

GtkWidget *kp_recruitment_view_new (void);
KpDatabase *kp_recruitment_view_get_database (KpRecruitmentView *self);
/* Set once, by the window, after construction. Property "database". */
void kp_recruitment_view_set_database (KpRecruitmentView *self, KpDatabase *database);
/* Moves the keyboard focus to the selections list. */
void kp_recruitment_view_focus_search (KpRecruitmentView *self);

/* The selection shown, 0 for none. Property "selection-id" (notified on a change): pages added
 * with kp_recruitment_view_add_selection_page () bind to it to learn which selection to show. */
gint64 kp_recruitment_view_get_selection_id (KpRecruitmentView *self);
/* Shows the selection @selection_id (0: none); nothing happens when it does not exist. */
void kp_recruitment_view_set_selection_id (KpRecruitmentView *self, gint64 selection_id);

/* The selection page's tabs: an AdwViewStack whose pages are named "rules", "vacancies",
 * "announcements", and those added below. */
AdwViewStack *kp_recruitment_view_get_selection_stack (KpRecruitmentView *self);
/* Adds @page (the view takes the floating reference) as a tab of the selection page, after
 * the others, under @name, with @title (a mnemonic) and @icon_name. */
void kp_recruitment_view_add_selection_page (KpRecruitmentView *self, GtkWidget *page,
                                             const char *name, const char *title,
                                             const char *icon_name);

/* Called whenever a selection's rules, vacancies or announcement state changed here, so that
 * added pages can read them again: property "revision" (a counter) notifies. */
guint kp_recruitment_view_get_revision (KpRecruitmentView *self);

G_END_DECLS
