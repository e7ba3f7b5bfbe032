/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-announcement.c: the files of a selection's announcement (see kp-announcement.h).
 *
 * The content is read from the version's announced JSON only, never from the live rules: the
 * files of version N say exactly what version N announced, also after later amendments. The
 * PDF and the HTML page show the same blocks (headings, paragraphs, lists, tables), built once
 * and then drawn by each. Everything is made in memory first, so that the hashes are of the
 * bytes written, then each file is written atomically. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "kompeten/kp-announcement.h"
#include "kompeten/kp-announcement-record.h"
#include "kompeten/kp-chart.h"
#include "kompeten/kp-core.h"
#include "kompeten/kp-selection.h"
#include "kp-page-private.h"

/* The publishing agency. Kompeten serves one agency and there is no settings table for it yet:
 * change it here (and only here) for another one. */
#define AGENCY "Pemerintah Kabupaten Lampung Selatan — BKPSDM"

/* The social text must fit the shortest common post limit with room to spare. */
#define SOCIAL_MAX_CHARS 1000
/* Free text quoted in the social text (names, reasons) is cut to keep it short. */
#define SOCIAL_QUOTE_CHARS 150
#define SLUG_MAX_CHARS 60

/* ---- the announced snapshot ------------------------------------------------------------------ */

static const char *
get_str (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_TYPE (node) == JSON_NODE_VALUE ? json_node_get_int (node) : 0;
}

/* The objects of the array @member (none when it is missing: an older snapshot). */
static guint
get_n (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node)
           ? json_array_get_length (json_node_get_array (node)) : 0;
}

static JsonObject *
get_item (JsonObject *object, const char *member, guint i)
{
  return json_array_get_object_element (json_object_get_array_member (object, member), i);
}

/* ---- blocks: what both the PDF and the HTML page show ---------------------------------------- */

typedef enum {
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_LIST,     /* numbered */
  BLOCK_TABLE,
} BlockKind;

typedef struct {
  BlockKind kind;
  char *text;             /* the heading, the paragraph, the table's caption */
  GPtrArray *items;       /* list items; a table's column names */
  GPtrArray *rows;        /* of GStrv, as many cells as columns */
  char **foot;            /* a table's totals row, or NULL */
  const double *widths;   /* a table's columns on paper, fractions of the text width */
} Block;

static void
block_free (Block *block)
{
  g_free (block->text);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_strfreev (block->foot);
  g_free (block);
}

static Block *
add_block (GPtrArray *blocks, BlockKind kind, const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  block->items = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (blocks, block);
  return block;
}

static Block *
add_table (GPtrArray *blocks, const char *caption, const double *widths, ...)
{
  Block *block = add_block (blocks, BLOCK_TABLE, caption);
  va_list args;

  block->widths = widths;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  va_start (args, widths);
  for (const char *name = va_arg (args, const char *); name != NULL;
       name = va_arg (args, const char *))
    g_ptr_array_add (block->items, g_strdup (name));
  va_end (args);
  return block;
}

/* Appends a row of the table: as many cells (copied) as it has columns. */
static void
add_cells (Block *table, ...)
{
  char **cells = g_new0 (char *, table->items->len + 1);
  va_list args;

  va_start (args, table);
  for (guint c = 0; c < table->items->len; c++)
    cells[c] = g_strdup (va_arg (args, const char *));
  va_end (args);
  g_ptr_array_add (table->rows, cells);
}

/* ---- formatting ------------------------------------------------------------------------------ */

/* "2026-03-01" (or a timestamp starting so) as "1 March 2026" in the language of the
 * translation; other text as it is. */
static char *
format_date (const char *iso)
{
  g_autofree char *day = g_strndup (iso, 10);
  g_autoptr(GDateTime) date = NULL;
  GDate parsed;

  if (!kp_date_parse (day, KP_DATE_FORMAT_ISO, &parsed, NULL, NULL) ||
      (date = g_date_time_new_utc (g_date_get_year (&parsed), g_date_get_month (&parsed),
                                   g_date_get_day (&parsed), 0, 0, 0)) == NULL)
    return g_strdup (iso);
  return g_date_time_format (date, "%-d %B %Y");
}

/* The dates of a stage: one day, a span, or not fixed yet. */
static char *
format_period (const char *starts, const char *ends)
{
  g_autofree char *from = format_date (starts);
  g_autofree char *to = format_date (ends);

  if (*starts == '\0' && *ends == '\0')
    return g_strdup (_("to be announced"));
  if (*ends == '\0' || strcmp (starts, ends) == 0)
    return g_strdup (*starts != '\0' ? from : to);
  if (*starts == '\0')
    /* Translators: a stage that has only an end date. */
    return g_strdup_printf (_("until %s"), to);
  return g_strdup_printf ("%s – %s", from, to);
}

static const char *
type_label (const char *type)
{
  if (strcmp (type, "cpns") == 0)
    return _("CPNS (civil servant candidates)");
  if (strcmp (type, "pppk") == 0)
    return _("PPPK (government employees with a work agreement)");
  if (strcmp (type, "jpt") == 0)
    return _("Open selection for a senior executive position (JPT)");
  if (strcmp (type, "internal") == 0)
    return _("Internal selection");
  if (strcmp (type, "non-asn") == 0)
    return _("Non-ASN staff");
  return type;
}

static char *
slug_sha (const char *sha256)
{
  return g_strndup (sha256, 12);
}

char *
kp_announcement_slug (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  g_autofree char *ascii = g_str_to_ascii (valid, "C");
  GString *slug = g_string_new (NULL);
  const char *p;

  for (p = ascii; *p != '\0' && slug->len < SLUG_MAX_CHARS; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));
    else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
      g_string_append_c (slug, '-');
  /* Cut short inside a word: end at the last whole word instead. */
  if (g_ascii_isalnum (*p) && g_ascii_isalnum (p[-1]) && strchr (slug->str, '-') != NULL)
    g_string_truncate (slug, strrchr (slug->str, '-') - slug->str);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "seleksi");
  return g_string_free (slug, FALSE);
}

typedef struct {
  JsonObject *root;           /* the announced rules */
  int version;
  const KpAnnouncement *announcement;
  const char *content_sha256;
  GPtrArray *changes;         /* of KpRulesChange against the version before; NULL for v1 */
  const char *json_name;      /* the file names the texts point to */
  const char *html_name;
} Snapshot;

/* "Version 2 · content SHA-256: … · audit checkpoint: …": what every page and file bears. */
static char *
provenance (const Snapshot *s)
{
  /* Translators: the version, the SHA-256 of the announced content, the audit checkpoint. */
  return g_strdup_printf (_("Version %d · content SHA-256: %s · audit checkpoint: %s"),
                          s->version, s->content_sha256, s->announcement->checkpoint);
}

/* "ANNOUNCEMENT — <name>": the document's title. */
static char *
title_text (const Snapshot *s)
{
  return g_strdup_printf ("%s — %s", _("ANNOUNCEMENT"), get_str (s->root, "name"));
}

/* "<type> · <year>", under the name. */
static char *
kind_text (const Snapshot *s)
{
  return g_strdup_printf ("%s · %" G_GINT64_FORMAT, type_label (get_str (s->root, "type")),
                          get_int (s->root, "year"));
}

static char *
published_line (const Snapshot *s)
{
  g_autofree char *date = format_date (s->announcement->published_at);

  if (s->version == 1)
    /* Translators: the date of the announcement. */
    return g_strdup_printf (_("Version 1, announced on %s"), date);
  /* Translators: the version and the date of an amendment. */
  return g_strdup_printf (_("Version %d (amendment), published on %s"), s->version, date);
}


static const char *
stage_kind_label (const char *kind)
{
  static const struct { const char *kind, *label; } labels[] = {
    { "administration", NC_("stage kind", "Administration") },
    { "skd", NC_("stage kind", "Basic competency test (SKD)") },
    { "skb", NC_("stage kind", "Field competency test (SKB)") },
    { "interview", NC_("stage kind", "Interview") },
    { "assessment", NC_("stage kind", "Assessment") },
    { "paper", NC_("stage kind", "Paper") },
    { "track-record", NC_("stage kind", "Track record") },
    { "competency", NC_("stage kind", "Competency test") },
    { "other", NC_("stage kind", "Other") },
    { "final", NC_("stage kind", "Final result") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (kind, labels[i].kind) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "stage kind", labels[i].label);
  return kind;
}

/* The vacancies with their totals. Returns the number of places. */
static gint64
add_vacancies (GPtrArray *blocks, JsonObject *root)
{
  static const double widths[] = { 0.10, 0.22, 0.21, 0.11, 0.16, 0.11, 0.09 };
  guint n = get_n (root, "formasi");
  Block *table;
  gint64 total = 0;

  add_block (blocks, BLOCK_HEADING, _("Vacancies"));
  table = add_table (blocks, _("Vacancies (formasi)"), widths, _("Code"), _("Position"),
                     _("Unit"), _("Education"), _("Study programme"), _("Formasi kind"),
                     _("Quota"), NULL);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *f = get_item (root, "formasi", i);
      const char *programme = get_str (f, "study_programme");
      g_autofree char *quota = g_strdup_printf ("%" G_GINT64_FORMAT, get_int (f, "quota"));

      total += get_int (f, "quota");
      add_cells (table, get_str (f, "code"), get_str (f, "position_title"), get_str (f, "unit"),
                 get_str (f, "education"), *programme != '\0' ? programme : "—",
                 get_str (f, "kind"), quota);
    }
  table->foot = g_new0 (char *, 8);
  table->foot[0] = g_strdup (_("Total"));
  table->foot[1] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vacancy", "%u vacancies",
                                                 n), n);
  for (guint c = 2; c < 6; c++)
    table->foot[c] = g_strdup ("");
  table->foot[6] = g_strdup_printf ("%" G_GINT64_FORMAT, total);
  return total;
}

static void
add_stages (GPtrArray *blocks, JsonObject *root)
{
  static const double stage_widths[] = { 0.05, 0.17, 0.21, 0.09, 0.10, 0.13, 0.25 };
  static const double component_widths[] = { 0.30, 0.12, 0.34, 0.12, 0.12 };
  static const double rule_widths[] = { 0.30, 0.22, 0.30, 0.18 };
  guint n = get_n (root, "stages");
  Block *table, *components, *rules;

  add_block (blocks, BLOCK_HEADING, _("Stages, methods and weights"));
  table = add_table (blocks, _("Stages"), stage_widths, _("No."), _("Stage"), _("Method"),
                     _("Weight"), _("Eliminates"), _("Cut-off"), _("Schedule and place"), NULL);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *st = get_item (root, "stages", i);
      g_autofree char *position = g_strdup_printf ("%" G_GINT64_FORMAT, get_int (st, "position"));
      /* Translators: a stage's share of the final score, in percent. */
      g_autofree char *weight = g_strdup_printf (_("%d %%"), (int) get_int (st, "weight_percent"));
      g_autofree char *cutoff = get_int (st, "cutoff_multiple") > 0
                                  /* Translators: the best N × quota go on to the next stage. */
                                  ? g_strdup_printf (_("%d × quota"),
                                                     (int) get_int (st, "cutoff_multiple"))
                                  : g_strdup ("—");
      g_autofree char *period = format_period (get_str (st, "starts_on"), get_str (st, "ends_on"));
      g_autofree char *schedule = *get_str (st, "place") != '\0'
                                    ? g_strdup_printf ("%s\n%s", period, get_str (st, "place"))
                                    : g_strdup (period);
      const char *method = get_str (st, "method");

      add_cells (table, position, get_str (st, "name"), *method != '\0' ? method : "—", weight,
                 get_int (st, "eliminates") != 0 ? _("yes") : _("no"), cutoff, schedule);
    }

  add_block (blocks, BLOCK_HEADING, _("Score components"));
  components = add_table (blocks, _("Score components"), component_widths, _("Stage"), _("Code"),
                          _("Component"), _("Maximum"), _("Weight"), NULL);
  add_block (blocks, BLOCK_HEADING, _("Pass rules"));
  rules = add_table (blocks, _("Pass rules: the minimum scores per formasi kind"), rule_widths,
                     _("Stage"), _("Formasi kind"), _("Component"), _("Minimum score"), NULL);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *st = get_item (root, "stages", i);
      g_autofree char *stage = g_strdup_printf ("%" G_GINT64_FORMAT ". %s",
                                                get_int (st, "position"), get_str (st, "name"));

      for (guint c = 0; c < get_n (st, "components"); c++)
        {
          JsonObject *co = get_item (st, "components", c);
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, get_int (co, "max_score"));
          /* A stage scored by the sum of its components gives them no weight. */
          g_autofree char *weight = strcmp (get_str (st, "scoring"), "weighted") == 0
                                      ? g_strdup_printf (_("%d %%"),
                                                         (int) get_int (co, "weight_percent"))
                                      : g_strdup ("—");

          add_cells (components, stage, get_str (co, "code"), get_str (co, "name"), max, weight);
        }
      for (guint r = 0; r < get_n (st, "pass_rules"); r++)
        {
          JsonObject *ru = get_item (st, "pass_rules", r);
          const char *kind = get_str (ru, "formasi_kind");
          const char *code = get_str (ru, "component_code");
          g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, get_int (ru, "min_score"));

          add_cells (rules, stage, strcmp (kind, "*") == 0 ? _("every other kind") : kind,
                     strcmp (code, "TOTAL") == 0 ? _("stage total") : code, min);
        }
    }
}

static void
add_numbered (GPtrArray *blocks, const char *heading, JsonObject *root, const char *member,
              const char *text_member)
{
  Block *list;

  add_block (blocks, BLOCK_HEADING, heading);
  list = add_block (blocks, BLOCK_LIST, NULL);
  for (guint i = 0; i < get_n (root, member); i++)
    g_ptr_array_add (list->items, g_strdup (get_str (get_item (root, member, i), text_member)));
}

/* Everything the PDF and the HTML page show after their title. Returns the number of places
 * in @places. */
static GPtrArray *
build_blocks (const Snapshot *s, gint64 *places)
{
  static const double code_widths[] = { 0.24, 0.10, 0.22, 0.44 };
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  JsonObject *root = s->root;
  const char *appeal = get_str (root, "appeal_text");
  g_autofree char *verify = NULL;
  Block *block;

  if (s->version > 1)
    {
      g_autofree char *reason = g_strdup_printf (_("Reason: %s"), s->announcement->reason);

      add_block (blocks, BLOCK_HEADING, _("What this amendment changes"));
      add_block (blocks, BLOCK_PARAGRAPH, reason);
      block = add_block (blocks, BLOCK_LIST, NULL);
      for (guint i = 0; s->changes != NULL && i < s->changes->len; i++)
        g_ptr_array_add (block->items,
                         g_strdup (((KpRulesChange *) s->changes->pdata[i])->sentence));
    }

  *places = add_vacancies (blocks, root);
  add_numbered (blocks, _("Requirements"), root, "requirements", "text");
  add_stages (blocks, root);
  add_numbered (blocks, _("Tie-break order"), root, "tie_break", "label");
  add_block (blocks, BLOCK_PARAGRAPH,
             _("Applicants with the same final score are ranked by these criteria, in order."));

  add_block (blocks, BLOCK_HEADING, _("Result codes"));
  block = add_table (blocks, _("Result codes and their meaning"), code_widths, _("Stage"),
                     _("Code"), _("Label"), _("Meaning"), NULL);
  for (guint i = 0; i < get_n (root, "codes"); i++)
    {
      JsonObject *c = get_item (root, "codes", i);

      add_cells (block, stage_kind_label (get_str (c, "stage_kind")), get_str (c, "code"),
                 get_str (c, "label"), get_str (c, "meaning"));
    }

  add_block (blocks, BLOCK_HEADING, _("How to appeal"));
  add_block (blocks, BLOCK_PARAGRAPH,
             *appeal != '\0' ? appeal : _("The procedure for appeals will be announced."));

  add_block (blocks, BLOCK_HEADING, _("Authenticity"));
  verify = g_strdup_printf (_("This announcement is made from the announced content in %s, whose "
                              "SHA-256 is %s (check it with “sha256sum %s”), and from the "
                              "audit log at checkpoint %s. The list SHA256SUMS beside it gives "
                              "the SHA-256 of every file."),
                            s->json_name, s->content_sha256, s->json_name,
                            s->announcement->checkpoint);
  add_block (blocks, BLOCK_PARAGRAPH, verify);
  return blocks;
}

/* ---- the PDF --------------------------------------------------------------------------------- */

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws the announcement into @out and returns the number of pages (0 on failure, with
 * @error). With @n_pages 0 the footers say "page X" only: a first pass counts the pages for
 * the second to say "page X of Y". */
static int
render_pdf (const Snapshot *s, GPtrArray *blocks, int n_pages, GByteArray *out, GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, KP_PAGE_W,
                                                                   KP_PAGE_H);
  g_autofree char *title = title_text (s);
  g_autofree char *kind = kind_text (s);
  g_autofree char *published = published_line (s);
  KpPage page = { 0 };
  cairo_status_t status;
  int pages;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kompeten");
  /* The date of the version, not of today: the same version gives the same bytes. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  s->announcement->published_at);
  page.cr = cairo_create (surface);
  page.y = KP_PAGE_MARGIN;
  page.page = 1;
  page.n_pages = n_pages;
  page.footer = provenance (s);

  page.y += _kp_page_show (&page, AGENCY, 10.5, TRUE, KP_PAGE_MARGIN, page.y, KP_PAGE_TEXT_W,
                           0x5e5c64, TRUE) + 6;
  page.y += _kp_page_show (&page, _("ANNOUNCEMENT"), 20, TRUE, KP_PAGE_MARGIN, page.y,
                           KP_PAGE_TEXT_W, 0x241f31, TRUE) + 4;
  page.y += _kp_page_show (&page, get_str (s->root, "name"), 14, TRUE, KP_PAGE_MARGIN, page.y,
                           KP_PAGE_TEXT_W, 0x241f31, TRUE) + 4;
  _kp_page_paragraph (&page, kind, 10, 0x3d3846);
  _kp_page_paragraph (&page, published, 9.5, 0x5e5c64);

  for (guint b = 0; b < blocks->len; b++)
    {
      Block *block = blocks->pdata[b];

      switch (block->kind)
        {
        case BLOCK_HEADING:
          _kp_page_heading (&page, block->text);
          break;
        case BLOCK_PARAGRAPH:
          _kp_page_paragraph (&page, block->text, 9.5, 0x241f31);
          break;
        case BLOCK_LIST:
          if (block->items->len == 0)
            _kp_page_paragraph (&page, "—", 9.5, 0x241f31);
          for (guint i = 0; i < block->items->len; i++)
            {
              g_autofree char *item = g_strdup_printf ("%u. %s", i + 1,
                                                       (char *) block->items->pdata[i]);

              _kp_page_paragraph (&page, item, 9.5, 0x241f31);
            }
          break;
        case BLOCK_TABLE:
          _kp_page_table_begin (&page, (const char *const *) block->items->pdata, block->widths,
                                block->items->len);
          for (guint r = 0; r < block->rows->len; r++)
            _kp_page_row (&page, block->rows->pdata[r], block->widths, block->items->len, FALSE);
          if (block->rows->len == 0)
            _kp_page_paragraph (&page, _("None."), 9.5, 0x5e5c64);
          if (block->foot != NULL)
            _kp_page_row (&page, (const char *const *) block->foot, block->widths,
                          block->items->len, TRUE);
          _kp_page_table_end (&page);
          page.y += 4;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  status = _kp_page_finish (&page);
  pages = page.page;
  cairo_destroy (page.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (page.footer);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED,
                   _("Could not draw the announcement: %s"), cairo_status_to_string (status));
      return 0;
    }
  return pages;
}

/* ---- the HTML page --------------------------------------------------------------------------- */

/* @text escaped, its line breaks as <br>. */
static void
append_text (GString *html, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (i > 0)
        g_string_append (html, "<br>");
      g_string_append (html, escaped);
    }
}

static void
append_element (GString *html, const char *open, const char *text, const char *close)
{
  g_string_append (html, open);
  append_text (html, text);
  g_string_append (html, close);
}

static void
append_table (GString *html, Block *table)
{
  append_element (html, "<table>\n<caption>", table->text, "</caption>\n<thead><tr>");
  for (guint c = 0; c < table->items->len; c++)
    append_element (html, "<th scope=\"col\">", table->items->pdata[c], "</th>");
  g_string_append (html, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = table->rows->pdata[r];

      /* The first cell names the row (a code, a stage): screen readers announce it. */
      append_element (html, "<tr><th scope=\"row\">", cells[0], "</th>");
      for (guint c = 1; cells[c] != NULL; c++)
        append_element (html, "<td>", cells[c], "</td>");
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody>\n");
  if (table->foot != NULL)
    {
      append_element (html, "<tfoot><tr><th scope=\"row\">", table->foot[0], "</th>");
      for (guint c = 1; table->foot[c] != NULL; c++)
        append_element (html, "<td>", table->foot[c], "</td>");
      g_string_append (html, "</tr></tfoot>\n");
    }
  g_string_append (html, "</table>\n");
}

static const char html_style[] =
  "body{font-family:Cantarell,'DejaVu Sans',sans-serif;color:#241f31;max-width:60rem;"
  "margin:2rem auto;padding:0 1rem;line-height:1.45}\n"
  "h1{font-size:1.8rem;margin:.2rem 0}h2{color:#1a5fb4;font-size:1.25rem;margin-top:2rem}\n"
  ".agency{font-weight:bold;color:#5e5c64}.meta{color:#5e5c64}\n"
  "table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}\n"
  "caption{text-align:left;font-weight:bold;padding:.3rem 0}\n"
  "th,td{border-bottom:1px solid #deddda;padding:.3rem .4rem;text-align:left;"
  "vertical-align:top}\n"
  "thead th,tfoot th,tfoot td{background:#f0f0f0}\n"
  "footer{margin-top:2rem;font-size:.8rem;color:#5e5c64;overflow-wrap:anywhere}\n"
  "@media print{body{margin:0;max-width:none}h2{break-after:avoid}"
  "tr{break-inside:avoid}thead{display:table-header-group}a{color:inherit}}\n";

static char *
render_html (const Snapshot *s, GPtrArray *blocks)
{
  GString *html = g_string_new (NULL);
  g_autofree char *title = title_text (s);
  g_autofree char *kind = kind_text (s);
  g_autofree char *published = published_line (s);
  g_autofree char *footer = provenance (s);
  gboolean in_section = FALSE;

  /* The content (names, requirements, appeal) is Indonesian whatever the program's language:
   * the page is the agency's public document. */
  g_string_append (html, "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" "
                         "content=\"width=device-width, initial-scale=1\">\n");
  append_element (html, "<title>", title, "</title>\n");
  g_string_append_printf (html, "<style>\n%s</style>\n</head>\n<body>\n<header>\n", html_style);
  append_element (html, "<p class=\"agency\">", AGENCY, "</p>\n");
  append_element (html, "<h1>", _("ANNOUNCEMENT"), "</h1>\n");
  append_element (html, "<p><strong>", get_str (s->root, "name"), "</strong></p>\n");
  append_element (html, "<p class=\"meta\">", kind, "</p>\n");
  append_element (html, "<p class=\"meta\">", published, "</p>\n");
  g_string_append (html, "</header>\n<main>\n");

  for (guint b = 0; b < blocks->len; b++)
    {
      Block *block = blocks->pdata[b];

      switch (block->kind)
        {
        case BLOCK_HEADING:
          if (in_section)
            g_string_append (html, "</section>\n");
          g_string_append_printf (html, "<section aria-labelledby=\"s%u\">\n", b);
          g_string_append_printf (html, "<h2 id=\"s%u\">", b);
          append_element (html, "", block->text, "</h2>\n");
          in_section = TRUE;
          break;
        case BLOCK_PARAGRAPH:
          append_element (html, "<p>", block->text, "</p>\n");
          break;
        case BLOCK_LIST:
          if (block->items->len == 0)
            g_string_append (html, "<p>—</p>\n");
          else
            {
              g_string_append (html, "<ol>\n");
              for (guint i = 0; i < block->items->len; i++)
                append_element (html, "<li>", block->items->pdata[i], "</li>\n");
              g_string_append (html, "</ol>\n");
            }
          break;
        case BLOCK_TABLE:
          append_table (html, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (in_section)
    g_string_append (html, "</section>\n");
  g_string_append (html, "</main>\n<footer>\n");
  append_element (html, "<p>", footer, "</p>\n");
  g_string_append (html, "</footer>\n</body>\n</html>\n");
  return g_string_free (html, FALSE);
}

/* ---- the social media text ------------------------------------------------------------------- */

/* @text cut to @max characters with an ellipsis. */
static char *
cut (const char *text, glong max)
{
  g_autofree char *part = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  part = g_utf8_substring (text, 0, max - 1);
  return g_strconcat (part, "…", NULL);
}

static char *
render_text (const Snapshot *s, gint64 places)
{
  GString *text = g_string_new (NULL);
  g_autofree char *name = cut (get_str (s->root, "name"), SOCIAL_QUOTE_CHARS);
  g_autofree char *short_sha = slug_sha (s->content_sha256);
  guint n = get_n (s->root, "formasi");

  /* Translators: the heading of the social media post: the selection's name and year. */
  g_string_append_printf (text, _("ANNOUNCEMENT: %s (%" PRId64 ")"), name,
                          get_int (s->root, "year"));
  g_string_append_printf (text, "\n%s\n\n", AGENCY);
  if (s->version > 1)
    {
      g_autofree char *reason = cut (s->announcement->reason, SOCIAL_QUOTE_CHARS);

      /* Translators: an amendment's version and reason, in the social media post. */
      g_string_append_printf (text, _("Amendment (version %d): %s"), s->version, reason);
      g_string_append (text, "\n");
    }
  /* Translators: the number of vacancies (formasi) and of places in them. */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u vacancy", "%u vacancies", n),
                          n);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %" PRId64 " place\n",
                                             ", %" PRId64 " places\n", places),
                          places);
  if (get_n (s->root, "stages") > 0)
    {
      JsonObject *first = get_item (s->root, "stages", 0);
      g_autofree char *stage = cut (get_str (first, "name"), 60);
      g_autofree char *period = format_period (get_str (first, "starts_on"),
                                               get_str (first, "ends_on"));

      /* Translators: the first stage (registration) and its dates. */
      g_string_append_printf (text, _("%s: %s"), stage, period);
      g_string_append (text, "\n");
    }
  /* Translators: where the full announcement is (the HTML page's file name). */
  g_string_append_printf (text, _("Full announcement: %s"), s->html_name);
  g_string_append (text, "\n");
  /* Translators: the version and the short form of the content's SHA-256. */
  g_string_append_printf (text, _("Version %d · SHA-256 %s"), s->version, short_sha);
  g_string_append (text, "\n");
  /* The quotes above are cut already; this holds whatever a translation makes of the rest. */
  if (g_utf8_strlen (text->str, -1) > SOCIAL_MAX_CHARS)
    {
      char *whole = g_string_free (text, FALSE);
      char *shorter = cut (whole, SOCIAL_MAX_CHARS);

      g_free (whole);
      return shorter;
    }
  return g_string_free (text, FALSE);
}

/* ---- the files ------------------------------------------------------------------------------- */

void
kp_announcement_files_clear (KpAnnouncementFiles *files)
{
  if (files == NULL)
    return;
  g_free (files->checkpoint);
  g_free (files->json_path);
  g_free (files->pdf_path);
  g_free (files->html_path);
  g_free (files->text_path);
  g_free (files->sums_path);
  memset (files, 0, sizeof *files);
}

/* Replaces @path atomically (GLib writes a temporary file, syncs it and renames it). */
static gboolean
write_file (const char *path, const void *data, gsize length, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                &local))
    return TRUE;
  g_set_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED, _("Could not write “%s”: %s"),
               path, local->message);
  return FALSE;
}

/* The version (@version, or the latest when 0) among the selection's announcements. */
static KpAnnouncement *
find_version (KpDatabase *db, gint64 selection_id, int version, GError **error)
{
  g_autoptr(GPtrArray) list = kp_announcement_list (db, selection_id, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
                   /* Translators: the selection's id. */
                   _("Selection %" PRId64 " is not announced yet"), selection_id);
      return NULL;
    }
  if (version == 0)
    return g_ptr_array_steal_index (list, list->len - 1);
  for (guint i = 0; i < list->len; i++)
    if (((KpAnnouncement *) list->pdata[i])->version == version)
      return g_ptr_array_steal_index (list, i);
  g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_NOT_FOUND,
               /* Translators: a version number, the selection's id, the latest version. */
               _("There is no version %d of the announcement of selection %" PRId64
                 ": the latest is version %d"),
               version, selection_id, ((KpAnnouncement *) list->pdata[list->len - 1])->version);
  return NULL;
}

gboolean
kp_announcement_write (KpDatabase *db, gint64 selection_id, int version, const char *out_dir,
                       KpAnnouncementFiles *files, GError **error)
{
  g_autoptr(KpAnnouncement) announcement = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GByteArray) pdf = NULL;
  g_autofree char *html = NULL, *text = NULL, *sums = NULL;
  g_autofree char *slug = NULL, *base = NULL, *json_name = NULL, *html_name = NULL;
  KpAnnouncementFiles out = { 0 };
  Snapshot s = { 0 };
  gint64 places = 0;
  int n_pages;
  struct { const char *ext; char **path; char *sha; const void *data; gsize length; } file[4];

  g_return_val_if_fail (KP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);
  g_return_val_if_fail (version >= 0, FALSE);

  if ((announcement = find_version (db, selection_id, version, error)) == NULL ||
      (rules = kp_announcement_get_rules_json (db, selection_id, announcement->version,
                                               error)) == NULL)
    return FALSE;
  if (!json_parser_load_from_data (parser, rules, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, KP_MODEL_ERROR, KP_MODEL_ERROR_INVALID,
                   _("Version %d of the announcement is not a JSON object"),
                   announcement->version);
      return FALSE;
    }
  /* The changes in the current language, from the two snapshots (changes_json says the same
   * in the language of whoever published). */
  if (announcement->version > 1)
    {
      previous = kp_announcement_get_rules_json (db, selection_id, announcement->version - 1,
                                                 error);
      if (previous == NULL)
        return FALSE;
      changes = kp_announcement_diff (previous, rules);
    }

  slug = kp_announcement_slug (get_str (json_node_get_object (json_parser_get_root (parser)),
                                        "name"));
  base = g_strdup_printf ("pengumuman-%s-v%d", slug, announcement->version);
  json_name = g_strconcat (base, ".json", NULL);
  html_name = g_strconcat (base, ".html", NULL);

  s.root = json_node_get_object (json_parser_get_root (parser));
  s.version = announcement->version;
  s.announcement = announcement;
  s.changes = changes;
  s.json_name = json_name;
  s.html_name = html_name;
  {
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, rules, -1);

    g_strlcpy (out.json_sha256, sha, sizeof out.json_sha256);
  }
  s.content_sha256 = out.json_sha256;

  /* Everything in memory first: a failure to draw leaves the directory as it was. */
  blocks = build_blocks (&s, &places);
  pdf = g_byte_array_new ();
  if ((n_pages = render_pdf (&s, blocks, 0, pdf, error)) == 0)
    return FALSE;
  g_byte_array_set_size (pdf, 0);
  if (render_pdf (&s, blocks, n_pages, pdf, error) == 0)
    return FALSE;
  html = render_html (&s, blocks);
  text = render_text (&s, places);

  file[0] = (typeof (file[0])) { ".json", &out.json_path, out.json_sha256, rules, strlen (rules) };
  file[1] = (typeof (file[0])) { ".pdf", &out.pdf_path, out.pdf_sha256, pdf->data, pdf->len };
  file[2] = (typeof (file[0])) { ".html", &out.html_path, out.html_sha256, html, strlen (html) };
  file[3] = (typeof (file[0])) { ".txt", &out.text_path, out.text_sha256, text, strlen (text) };
  {
    GString *list = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (file); i++)
      {
        g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, file[i].data,
                                                            file[i].length);

        g_strlcpy (file[i].sha, sha, 65);
        /* The format of sha256sum: the hash, two spaces (text mode), the name. */
        g_string_append_printf (list, "%s  %s%s\n", sha, base, file[i].ext);
      }
    sums = g_string_free (list, FALSE);
  }

  /* One file after another, each atomic; SHA256SUMS last, so that it lists complete files. */
  for (guint i = 0; i < G_N_ELEMENTS (file); i++)
    {
      g_autofree char *name = g_strconcat (base, file[i].ext, NULL);

      *file[i].path = g_build_filename (out_dir, name, NULL);
      if (!write_file (*file[i].path, file[i].data, file[i].length, error))
        {
          kp_announcement_files_clear (&out);
          return FALSE;
        }
    }
  out.sums_path = g_build_filename (out_dir, "SHA256SUMS", NULL);
  if (!write_file (out.sums_path, sums, strlen (sums), error) ||
      !kp_announcement_record_file (db, selection_id, s.version, "pdf", out.pdf_sha256, error) ||
      !kp_announcement_record_file (db, selection_id, s.version, "html", out.html_sha256, error) ||
      !kp_announcement_record_file (db, selection_id, s.version, "text", out.text_sha256, error))
    {
      kp_announcement_files_clear (&out);
      return FALSE;
    }

  out.version = s.version;
  out.checkpoint = g_strdup (announcement->checkpoint);
  if (files != NULL)
    *files = out;
  else
    kp_announcement_files_clear (&out);
  return TRUE;
}
