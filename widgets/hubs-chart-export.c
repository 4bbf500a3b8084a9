/* hubs-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts as files: one chart as PNG, SVG or PDF, always in the fixed light print theme, and
 * the cairo end of writing a file (hubs-report.c writes through it too); where and how the
 * file is written — a temporary file that replaces the target only once complete, or a pipe
 * or device directly — is app/core/hubs-output.c's.
 */

#define G_LOG_DOMAIN "hubs-chart-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "hubs-chart-export-private.h"
#include "hubs-output.h"
#include "hubs-i18n.h"

G_DEFINE_QUARK (hubs-chart-export-error-quark, hubs_chart_export_error)

/**
 * hubs_chart_format_from_path:
 * @path: a file name
 * @format: (out) (optional): the format its extension names
 * @error: a location for a #GError
 *
 * Reads the format from the extension of @path, in any case: .png, .svg or .pdf.
 *
 * Returns: %FALSE with %HUBS_CHART_EXPORT_ERROR_FORMAT for any other extension
 */
gboolean
hubs_chart_format_from_path (const char       *path,
                             HubsChartFormat  *format,
                             GError          **error)
{
  static const struct { const char *ext; HubsChartFormat format; } formats[] = {
    { ".png", HUBS_CHART_FORMAT_PNG },
    { ".svg", HUBS_CHART_FORMAT_SVG },
    { ".pdf", HUBS_CHART_FORMAT_PDF },
  };
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (dot, formats[i].ext) == 0)
        {
          if (format != NULL)
            *format = formats[i].format;
          return TRUE;
        }
    }

  g_set_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_FORMAT,
               /* Translators: %s is a file name */
               _("Cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf."),
               path);
  return FALSE;
}

/**
 * hubs_chart_parse_size:
 * @text: a size as WIDTHxHEIGHT, such as "1600x900"
 * @width: (out): the width
 * @height: (out): the height
 * @error: a location for a #GError
 *
 * Returns: %FALSE with %HUBS_CHART_EXPORT_ERROR_SIZE unless @text is two whole numbers from
 *   %HUBS_CHART_EXPORT_MIN_SIZE to %HUBS_CHART_EXPORT_MAX_SIZE joined by "x"
 */
gboolean
hubs_chart_parse_size (const char  *text,
                       int         *width,
                       int         *height,
                       GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 w = 0, h = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  parts = g_strsplit_set (text, "xX×", 3);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, HUBS_CHART_EXPORT_MIN_SIZE,
                                   HUBS_CHART_EXPORT_MAX_SIZE, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, HUBS_CHART_EXPORT_MIN_SIZE,
                                   HUBS_CHART_EXPORT_MAX_SIZE, &h, NULL))
    {
      g_set_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_SIZE,
                   /* Translators: %1$s is what was typed, e.g. "16000x9"; %2$d and %3$d are the
                    * smallest and largest width or height */
                   _("“%1$s” is not a size: give WIDTHxHEIGHT, each from %2$d to %3$d, "
                     "such as 1600x900, or a4 or slide."),
                   text, HUBS_CHART_EXPORT_MIN_SIZE, HUBS_CHART_EXPORT_MAX_SIZE);
      return FALSE;
    }

  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

/* Writing the file
 * ---------------- */

/**
 * hubs_chart_writer_open:
 * @w: (out caller-allocates): a writer
 * @path: the file to write
 * @error: a location for a #GError
 *
 * Opens @path through hubs_output_file_open(): a regular file is replaced only once the new
 * one is complete; a FIFO, a device or standard output is written directly.
 *
 * Returns: %TRUE when @path can be written
 */
gboolean
hubs_chart_writer_open (HubsChartWriter  *w,
                        const char       *path,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!(w->file = hubs_output_file_open (path, &local_error)))
    {
      g_set_error_literal (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * hubs_chart_writer_write_cb:
 * @closure: a #HubsChartWriter
 * @data: bytes cairo writes
 * @length: how many
 *
 * A #cairo_write_func_t into the writer's file.
 *
 * Returns: %CAIRO_STATUS_SUCCESS, or %CAIRO_STATUS_WRITE_ERROR once a write failed
 */
cairo_status_t
hubs_chart_writer_write_cb (void                *closure,
                            const unsigned char *data,
                            unsigned int         length)
{
  HubsChartWriter *w = closure;

  return hubs_output_file_write (w->file, data, length) ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
}

/**
 * hubs_chart_writer_close:
 * @w: an open writer
 * @status: how drawing went; anything but success throws the new file away
 * @error: a location for a #GError
 *
 * Finishes the file, or throws it away leaving whatever was at the path untouched.
 *
 * Returns: %TRUE when the file was written whole
 */
gboolean
hubs_chart_writer_close (HubsChartWriter  *w,
                         cairo_status_t    status,
                         GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  HubsOutputFile *file = g_steal_pointer (&w->file);

  g_return_val_if_fail (file != NULL, FALSE);

  if (!hubs_output_file_close (file, status == CAIRO_STATUS_SUCCESS,
                               cairo_status_to_string (status), &local_error))
    {
      g_set_error_literal (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * hubs_chart_writer_clear:
 * @w: a writer
 *
 * Throws away a file not closed with hubs_chart_writer_close().
 */
void
hubs_chart_writer_clear (HubsChartWriter *w)
{
  g_clear_pointer (&w->file, hubs_output_file_free);
}

static cairo_surface_t *
create_vector_surface (HubsChartFormat  format,
                       HubsChartWriter *w,
                       double           width,
                       double           height)
{
  if (format == HUBS_CHART_FORMAT_SVG)
    {
      cairo_surface_t *surface = cairo_svg_surface_create_for_stream (hubs_chart_writer_write_cb, w, width,
                                                                      height);

      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;
    }
  return cairo_pdf_surface_create_for_stream (hubs_chart_writer_write_cb, w, width, height);
}

/**
 * hubs_chart_set_pdf_metadata:
 * @surface: a PDF surface
 * @title: the document's title
 *
 * Names the document and the program that made it.
 */
void
hubs_chart_set_pdf_metadata (cairo_surface_t *surface,
                             const char      *title)
{
  g_autofree char *creator = g_strdup_printf ("Hubs %s", PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
}

/**
 * hubs_chart_page_from_string:
 * @text: what was asked for: "a4" (an A4 landscape page) or "slide" (16:9), in any case
 * @page: (out): the page
 *
 * Returns: %TRUE when @text names a page
 */
gboolean
hubs_chart_page_from_string (const char    *text,
                             HubsChartPage *page)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "a4") == 0)
    *page = HUBS_CHART_PAGE_A4_LANDSCAPE;
  else if (g_ascii_strcasecmp (text, "slide") == 0 || g_str_equal (text, "16:9"))
    *page = HUBS_CHART_PAGE_SLIDE;
  else
    return FALSE;
  return TRUE;
}

/* A4 landscape, in points; the margin a printer leaves, 10 mm. */
#define A4_WIDTH  841.89
#define A4_HEIGHT 595.28
#define A4_MARGIN 28.35

/**
 * hubs_chart_page_get_size:
 * @page: a page other than %HUBS_CHART_PAGE_NONE
 * @width: (out): its width in points
 * @height: (out): its height in points
 */
void
hubs_chart_page_get_size (HubsChartPage  page,
                          double        *width,
                          double        *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (page == HUBS_CHART_PAGE_A4_LANDSCAPE)
    {
      *width = A4_WIDTH;
      *height = A4_HEIGHT;
    }
  else
    {
      *width = 960;
      *height = 540;
    }
}

/**
 * hubs_chart_draw_page:
 * @cr: where to draw; the page covers (0, 0) … (@width, @height)
 * @data: the chart
 * @page: the kind of page: on %HUBS_CHART_PAGE_A4_LANDSCAPE the chart keeps a printer's
 *   margin, elsewhere it fills the page
 * @stamp: (nullable): the small type at its foot (hubs_chart_stamp_new())
 * @language: the language of the chart
 * @width: the page's width
 * @height: the page's height
 *
 * Draws a chart as it is exported and printed, in the print theme: the one drawing of a
 * chart's page, which the files (hubs_chart_export_full()) and the print operation share.
 */
void
hubs_chart_draw_page (cairo_t             *cr,
                      const HubsChartData *data,
                      HubsChartPage        page,
                      const char          *stamp,
                      HubsLanguage         language,
                      double               width,
                      double               height)
{
  HubsChartTheme theme;
  HubsChartOptions options;
  double margin = page == HUBS_CHART_PAGE_A4_LANDSCAPE ? A4_MARGIN : 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  hubs_chart_theme_init_print (&theme);
  hubs_chart_options_init (&options, language);
  options.stamp = stamp;

  cairo_save (cr);
  hubs_chart_color_set_source (&theme.background, cr);
  cairo_paint (cr);
  cairo_translate (cr, margin, margin);
  hubs_chart_draw (cr, data, &theme, &options, width - 2 * margin, height - 2 * margin, NULL);
  cairo_restore (cr);
}

/**
 * hubs_chart_export:
 * @data: the chart
 * @path: the file to write; its extension gives the format (.png, .svg, .pdf)
 * @width: the width in pixels (PNG) or points (SVG, PDF)
 * @height: the height
 * @language: the language of the chart
 * @error: a location for a #GError
 *
 * Draws @data in the print theme into a new file at @path, replacing any file there only when
 * the new one is complete, with no stamp: hubs_chart_export_full() with
 * %HUBS_CHART_PAGE_NONE.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
hubs_chart_export (const HubsChartData  *data,
                   const char           *path,
                   int                   width,
                   int                   height,
                   HubsLanguage          language,
                   GError              **error)
{
  return hubs_chart_export_full (data, path, HUBS_CHART_PAGE_NONE, width, height, NULL,
                                 language, error);
}

/**
 * hubs_chart_export_full:
 * @data: the chart
 * @path: the file to write; its extension gives the format (.png, .svg, .pdf)
 * @page: the page to draw it on, or %HUBS_CHART_PAGE_NONE for @width × @height
 * @width: with %HUBS_CHART_PAGE_NONE, the width in pixels (PNG) or points (SVG, PDF)
 * @height: the height likewise
 * @stamp: (nullable): the small type at the chart's foot: hub, as of when, source
 *   (hubs_chart_stamp_new())
 * @language: the language of the chart
 * @error: a location for a #GError
 *
 * Draws @data in the print theme into a new file at @path, replacing any file there only when
 * the new one is complete.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
hubs_chart_export_full (const HubsChartData  *data,
                        const char           *path,
                        HubsChartPage         page,
                        int                   width,
                        int                   height,
                        const char           *stamp,
                        HubsLanguage          language,
                        GError              **error)
{
  g_auto(HubsChartWriter) w = { 0 };
  HubsChartFormat format;
  cairo_surface_t *surface;
  cairo_status_t status;
  double page_width = width, page_height = height, scale = 1;
  cairo_t *cr;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!hubs_chart_format_from_path (path, &format, error))
    return FALSE;
  if (page != HUBS_CHART_PAGE_NONE)
    {
      hubs_chart_page_get_size (page, &page_width, &page_height);
      scale = format == HUBS_CHART_FORMAT_PNG ? 2 : 1;
      width = (int) ceil (page_width * scale);
      height = (int) ceil (page_height * scale);
    }
  else if (width < HUBS_CHART_EXPORT_MIN_SIZE || height < HUBS_CHART_EXPORT_MIN_SIZE ||
           width > HUBS_CHART_EXPORT_MAX_SIZE || height > HUBS_CHART_EXPORT_MAX_SIZE)
    {
      g_set_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_SIZE,
                   /* Translators: a chart's size in pixels, e.g. "8×8"; then the limits */
                   _("A chart cannot be %1$d×%2$d: each side must be from %3$d to %4$d."),
                   width, height, HUBS_CHART_EXPORT_MIN_SIZE, HUBS_CHART_EXPORT_MAX_SIZE);
      return FALSE;
    }

  if (format == HUBS_CHART_FORMAT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  else
    {
      if (!hubs_chart_writer_open (&w, path, error))
        return FALSE;
      surface = create_vector_surface (format, &w, page_width, page_height);
      if (format == HUBS_CHART_FORMAT_PDF)
        {
          g_autofree char *title = hubs_chart_get_title (data, language);

          hubs_chart_set_pdf_metadata (surface, title);
        }
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  hubs_chart_draw_page (cr, data, page, stamp, language, page_width, page_height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* Finishing writes out a vector surface; an image surface must stay alive to be saved. */
  if (format == HUBS_CHART_FORMAT_PNG)
    cairo_surface_flush (surface);
  else
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  if (format == HUBS_CHART_FORMAT_PNG && status == CAIRO_STATUS_SUCCESS)
    {
      if (!hubs_chart_writer_open (&w, path, error))
        {
          cairo_surface_destroy (surface);
          return FALSE;
        }
      status = cairo_surface_write_to_png_stream (surface, hubs_chart_writer_write_cb, &w);
    }
  cairo_surface_destroy (surface);

  if (w.file == NULL)
    {
      g_set_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_WRITE,
                   /* Translators: %1$s is a file name, %2$s the reason, e.g. "Permission denied" */
                   _("Cannot write “%1$s”: %2$s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return hubs_chart_writer_close (&w, status, error);
}

