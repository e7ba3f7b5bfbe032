/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-page.c: the A4 documents' page layout (see kp-page-private.h). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kp-chart-private.h"
#include "kp-page-private.h"

#define FOOTER_SIZE 7.5
#define PAGE_LABEL_W 80.0
#define MAX_BLOCK_H (KP_PAGE_H - 2 * KP_PAGE_MARGIN - 80)

double
_kp_page_show (KpPage *page, const char *text, double size, gboolean bold, double x, double y,
               double width, guint32 colour, gboolean draw)
{
  /* The charts' text settings: the same font, and a height measured here holds on paper. */
  PangoContext *context = _kp_chart_create_context (page->cr);
  g_autoptr(PangoLayout) layout = _kp_chart_new_layout (context, text, size,
                                                        bold ? PANGO_WEIGHT_BOLD
                                                             : PANGO_WEIGHT_NORMAL);
  int w, h;

  g_object_unref (context);   /* the layout holds it */

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* No block is taller than a page with a table header above it: a text longer than that
   * (a 4,000 character meaning in a narrow column) ends in an ellipsis instead of running
   * over the footer. */
  pango_layout_set_height (layout, (int) (MAX_BLOCK_H * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_size (layout, &w, &h);
  if (draw)
    {
      cairo_set_source_rgb (page->cr, RGB (colour));
      cairo_move_to (page->cr, x, y);
      pango_cairo_show_layout (page->cr, layout);
    }
  return (double) h / PANGO_SCALE;
}

void
_kp_page_footer (KpPage *page)
{
  g_autofree char *label = page->n_pages > 0
                             /* Translators: the page number and the number of pages. */
                             ? g_strdup_printf (_("Page %d of %d"), page->page, page->n_pages)
                             : g_strdup_printf (_("Page %d"), page->page);
  double y = KP_PAGE_H - KP_PAGE_MARGIN + 12;

  _kp_page_show (page, page->footer != NULL ? page->footer : "", FOOTER_SIZE, FALSE,
                 KP_PAGE_MARGIN, y, KP_PAGE_TEXT_W - PAGE_LABEL_W - 8, 0x77767b, TRUE);
  _kp_page_show (page, label, FOOTER_SIZE, FALSE, KP_PAGE_W - KP_PAGE_MARGIN - PAGE_LABEL_W, y,
                 PAGE_LABEL_W, 0x77767b, TRUE);
}

void
_kp_page_need (KpPage *page, double height)
{
  if (page->y + height <= KP_PAGE_H - KP_PAGE_MARGIN)
    return;
  _kp_page_footer (page);
  cairo_show_page (page->cr);
  page->page++;
  page->y = KP_PAGE_MARGIN;
  /* A table going on: its columns are named again at the top of the page. */
  if (page->head != NULL)
    _kp_page_row (page, page->head, page->head_widths, page->head_n, TRUE);
}

void
_kp_page_heading (KpPage *page, const char *text)
{
  /* Room for the heading and the first lines under it: a heading never ends a page. */
  _kp_page_need (page, 90);
  page->y += 10;
  page->y += _kp_page_show (page, text, 12.5, TRUE, KP_PAGE_MARGIN, page->y, KP_PAGE_TEXT_W,
                            0x1c71d8, TRUE) + 6;
}

void
_kp_page_paragraph (KpPage *page, const char *text, double size, guint32 colour)
{
  double h = _kp_page_show (page, text, size, FALSE, KP_PAGE_MARGIN, page->y, KP_PAGE_TEXT_W,
                            colour, FALSE);

  _kp_page_need (page, h + 4);
  _kp_page_show (page, text, size, FALSE, KP_PAGE_MARGIN, page->y, KP_PAGE_TEXT_W, colour, TRUE);
  page->y += h + 4;
}

void
_kp_page_row (KpPage *page, const char *const *cells, const double *widths, guint n,
              gboolean header)
{
  double x = KP_PAGE_MARGIN, h = 0;

  for (guint i = 0; i < n; i++)
    h = MAX (h, _kp_page_show (page, cells[i], 8.5, header, 0, 0,
                               widths[i] * KP_PAGE_TEXT_W - 6, 0, FALSE));
  /* A header row keeps at least one row under it on its page. */
  _kp_page_need (page, header ? 2 * h + 12 : h + 6);
  if (header)
    {
      cairo_set_source_rgb (page->cr, RGB (0xf0f0f0));
      cairo_rectangle (page->cr, KP_PAGE_MARGIN, page->y - 2, KP_PAGE_TEXT_W, h + 5);
      cairo_fill (page->cr);
    }
  for (guint i = 0; i < n; i++)
    {
      _kp_page_show (page, cells[i], 8.5, header, x + 3, page->y,
                     widths[i] * KP_PAGE_TEXT_W - 6, 0x241f31, TRUE);
      x += widths[i] * KP_PAGE_TEXT_W;
    }
  page->y += h + 4;
  cairo_set_source_rgb (page->cr, RGB (0xdeddda));
  cairo_set_line_width (page->cr, 0.5);
  cairo_move_to (page->cr, KP_PAGE_MARGIN, page->y);
  cairo_line_to (page->cr, KP_PAGE_MARGIN + KP_PAGE_TEXT_W, page->y);
  cairo_stroke (page->cr);
  page->y += 2;
}

void
_kp_page_table_begin (KpPage *page, const char *const *head, const double *widths, guint n)
{
  _kp_page_row (page, head, widths, n, TRUE);
  page->head = head;
  page->head_widths = widths;
  page->head_n = n;
}

void
_kp_page_table_end (KpPage *page)
{
  page->head = NULL;
  page->head_widths = NULL;
  page->head_n = 0;
}

cairo_status_t
_kp_page_finish (KpPage *page)
{
  _kp_page_footer (page);
  cairo_show_page (page->cr);
  return cairo_status (page->cr);
}
