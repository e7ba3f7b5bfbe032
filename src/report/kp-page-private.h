/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-page-private.h: the A4 documents' page layout (the employee profile, the recruitment
 * announcement): text laid out top to bottom with a cursor, a block that would not fit starting
 * a new page, tables whose header row comes back on every page, and a footer on each page. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define KP_PAGE_W 595.28 /* A4 in points */
#define KP_PAGE_H 841.89
#define KP_PAGE_MARGIN 48.0
#define KP_PAGE_TEXT_W (KP_PAGE_W - 2 * KP_PAGE_MARGIN)

typedef struct {
  cairo_t *cr;
  double y;               /* the cursor: where the next block starts */
  int page;               /* 1, 2, … */
  int n_pages;            /* when known (a first pass counted them): "page X of Y" */
  char *footer;           /* the text on the left of every page's footer; owned */
  /* The header row of the table being drawn, repeated at the top of each new page. */
  const char *const *head;
  const double *head_widths;
  guint head_n;
} KpPage;

/* Lays out @text (plain text, wrapped at @width) at @size points; draws it at (@x, @y) in
 * @colour when @draw. Returns its height. */
double _kp_page_show (KpPage *page, const char *text, double size, gboolean bold, double x,
                      double y, double width, guint32 colour, gboolean draw);
/* Draws the footer of the current page. */
void _kp_page_footer (KpPage *page);
/* Makes room for @height, starting a new page when the block would cross the bottom margin. */
void _kp_page_need (KpPage *page, double height);
void _kp_page_heading (KpPage *page, const char *text);
void _kp_page_paragraph (KpPage *page, const char *text, double size, guint32 colour);
/* A table row: @cells over @widths (fractions of the text width); bold and shaded for the
 * header. */
void _kp_page_row (KpPage *page, const char *const *cells, const double *widths, guint n,
                   gboolean header);
/* Draws the header row and keeps it (the arrays must outlive the table) for the pages the
 * table continues on; _kp_page_table_end () forgets it. */
void _kp_page_table_begin (KpPage *page, const char *const *head, const double *widths,
                           guint n);
void _kp_page_table_end (KpPage *page);
/* Ends the last page (its footer) and returns the status of the drawing. */
cairo_status_t _kp_page_finish (KpPage *page);

G_END_DECLS
