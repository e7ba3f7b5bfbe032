/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kp-chart-render.c: any chart into a PNG, PDF or SVG file, written atomically.
 *
 * Cairo writes through a stream into a temporary file next to the target, so the final rename
 * stays on one file system and a failure (full disk, killed process) never leaves a truncated
 * chart where the user expects a good one. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "kompeten/kp-chart.h"

/* PNG is drawn at twice the requested size so that it stays crisp on HiDPI screens and when
 * pasted into a document. */
#define PNG_SCALE 2.0
/* Cairo's limit for an image surface side. */
#define MAX_IMAGE_SIDE 32767

typedef struct
{
  int fd;
  int saved_errno;   /* the first write(2) failure, to tell the user why (ENOSPC, EIO) */
} Sink;

static cairo_status_t
sink_write (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError **error, const char *path, const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second the reason, e.g. "No space left on
   * device" */
  g_set_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FAILED, _("Could not write “%s”: %s"),
               display, reason);
}

/* The PDF's document title, shown by viewers in their title bar. */
static char *
title_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_filename_display_name (base);
}

/* Draws into a surface that writes to @sink; returns cairo's verdict. */
static cairo_status_t
render (KpChartDrawFunc draw, gconstpointer chart, KpChartFormat format, double width,
        double height, const char *path, Sink *sink)
{
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case KP_CHART_FORMAT_PNG:
      if (ceil (width * PNG_SCALE) > MAX_IMAGE_SIDE || ceil (height * PNG_SCALE) > MAX_IMAGE_SIDE)
        return CAIRO_STATUS_INVALID_SIZE;
      /* Opaque: a chart is a picture on white paper, and RGB PNGs are smaller. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * PNG_SCALE),
                                            (int) ceil (height * PNG_SCALE));
      break;

    case KP_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          g_autofree char *title = title_from_path (path);

          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kompeten");
        }
      break;

    case KP_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;

    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  if (format == KP_CHART_FORMAT_PNG)
    {
      cairo_scale (cr, PNG_SCALE, PNG_SCALE);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  draw (chart, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (format == KP_CHART_FORMAT_PNG)
        {
          cairo_surface_flush (surface);
          status = cairo_surface_write_to_png_stream (surface, sink_write, sink);
        }
      else
        {
          /* Vector surfaces write their output on finish. */
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  else
    {
      cairo_surface_finish (surface);
    }

  cairo_surface_destroy (surface);

  return status;
}

/**
 * kp_chart_format_from_path:
 * @path: a file name
 * @format: (out): the format its extension names
 * @error: a #KP_REPORT_ERROR_FORMAT when the extension is not .png, .pdf or .svg
 */
gboolean
kp_chart_format_from_path (const char *path, KpChartFormat *format, GError **error)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL)
    {
      if (g_ascii_strcasecmp (dot, ".png") == 0)
        {
          *format = KP_CHART_FORMAT_PNG;
          return TRUE;
        }
      if (g_ascii_strcasecmp (dot, ".pdf") == 0)
        {
          *format = KP_CHART_FORMAT_PDF;
          return TRUE;
        }
      if (g_ascii_strcasecmp (dot, ".svg") == 0)
        {
          *format = KP_CHART_FORMAT_SVG;
          return TRUE;
        }
    }

  {
    g_autofree char *display = g_filename_display_name (base);

    /* Translators: %s is a file name */
    g_set_error (error, KP_REPORT_ERROR, KP_REPORT_ERROR_FORMAT,
                 _("Cannot tell the chart format of “%s”: the name must end in .png, .pdf or .svg"),
                 display);
  }

  return FALSE;
}

/**
 * kp_chart_render_to_file:
 * @draw: the chart's draw function, e.g. kp_bar_chart_draw()
 * @chart: the chart handed to @draw
 * @format: the file format
 * @width: the width in user units (pixels for PNG, points for PDF and SVG)
 * @height: the height in user units
 * @path: the file to write; replaced if it exists
 * @error: a #KP_REPORT_ERROR_FAILED saying why the file could not be written
 *
 * Returns: %TRUE when @path holds the complete chart; on %FALSE nothing was written there.
 */
gboolean
kp_chart_render_to_file (KpChartDrawFunc draw, gconstpointer chart, KpChartFormat format,
                         double width, double height, const char *path, GError **error)
{
  g_autofree char *tmp_path = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (format <= KP_CHART_FORMAT_SVG, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  /* 0666 under the umask, as for any file the user saves; g_mkstemp() would make it private. */
  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY, 0666);
  if (sink.fd < 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  status = render (draw, chart, format, width, height, path, &sink);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (error, path, sink.saved_errno != 0 ? g_strerror (sink.saved_errno)
                                                          : cairo_status_to_string (status));
      goto fail;
    }

  /* The data must be on disk before the rename makes it the file, or a crash could leave an
   * empty file under the user's name. */
  if (fsync (sink.fd) != 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, g_strerror (saved_errno));
      goto fail;
    }
  {
    /* close(2) reports delayed write errors (NFS, quotas); the descriptor is gone either way. */
    int fd = g_steal_fd (&sink.fd);

    if (close (fd) != 0)
      {
        int saved_errno = errno;

        set_write_error (error, path, g_strerror (saved_errno));
        goto fail;
      }
  }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, g_strerror (saved_errno));
      goto fail;
    }

  return TRUE;

fail:
  if (sink.fd >= 0)
    close (sink.fd);
  g_unlink (tmp_path);
  return FALSE;
}
