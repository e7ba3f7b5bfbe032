/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-announcement.h: the files of a selection's announcement: the printable A4 PDF, the HTML
 * page for the agency's website, the short text for social media, the announced JSON they were
 * made from and a SHA256SUMS list.
 *
 * A file cannot carry its own hash, so each carries the SHA-256 of the announced content (the
 * version's rules_json, written byte for byte as the .json file: anyone can recompute it) and
 * the audit checkpoint the version was made from; SHA256SUMS lists the hash of every file
 * (`sha256sum -c SHA256SUMS`), and the PDF's, HTML's and text's hashes are recorded in the
 * database (kp_announcement_record_file). The files of one version are the same bytes
 * whenever they are made (in the same language). */
#pragma once

#include "kompeten/kp-chart.h"   /* KP_REPORT_ERROR */
#include "kompeten/kp-database.h"

G_BEGIN_DECLS

typedef struct {
  int version;
  char *checkpoint;          /* the audit checkpoint of the version */
  char *json_path;           /* pengumuman-<slug>-v<N>.json: the announced content */
  char *pdf_path;
  char *html_path;
  char *text_path;           /* the social media text */
  char *sums_path;           /* SHA256SUMS */
  char json_sha256[65];      /* also the "content SHA-256" every file carries */
  char pdf_sha256[65];
  char html_sha256[65];
  char text_sha256[65];
} KpAnnouncementFiles;

/* Frees the strings of @files (not @files itself) and zeroes it. */
void kp_announcement_files_clear (KpAnnouncementFiles *files);

/* Writes the files of @version (0: the latest) of the selection's announcement into @out_dir,
 * each one atomically (a temporary file renamed), SHA256SUMS last, so that it only lists
 * complete files. KP_MODEL_ERROR_NOT_FOUND when the selection is not announced or has no such
 * version; KP_REPORT_ERROR_FAILED when a file cannot be written. @files (may be NULL) receives
 * the paths and hashes; clear it with kp_announcement_files_clear (). */
gboolean kp_announcement_write (KpDatabase *db, gint64 selection_id, int version,
                                const char *out_dir, KpAnnouncementFiles *files,
                                GError **error);

/* The file name part for a selection named @name: lowercase ASCII letters, digits and '-'. */
char *kp_announcement_slug (const char *name);

G_END_DECLS
