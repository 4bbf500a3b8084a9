/* hubs-chart-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-chart.h"

G_BEGIN_DECLS

#define HUBS_CHART_EXPORT_ERROR (hubs_chart_export_error_quark ())

/**
 * HubsChartExportError:
 * @HUBS_CHART_EXPORT_ERROR_FORMAT: the file name does not end in .png, .svg or .pdf
 * @HUBS_CHART_EXPORT_ERROR_SIZE: the size is not one a chart can be drawn at
 * @HUBS_CHART_EXPORT_ERROR_WRITE: the file could not be written
 */
typedef enum
{
  HUBS_CHART_EXPORT_ERROR_FORMAT,
  HUBS_CHART_EXPORT_ERROR_SIZE,
  HUBS_CHART_EXPORT_ERROR_WRITE,
} HubsChartExportError;

/**
 * HubsChartFormat:
 * @HUBS_CHART_FORMAT_PNG: a bitmap, for slides and documents
 * @HUBS_CHART_FORMAT_SVG: vectors, for slides that scale
 * @HUBS_CHART_FORMAT_PDF: vectors, for print
 */
typedef enum
{
  HUBS_CHART_FORMAT_PNG,
  HUBS_CHART_FORMAT_SVG,
  HUBS_CHART_FORMAT_PDF,
} HubsChartFormat;

/**
 * HubsChartPage:
 * @HUBS_CHART_PAGE_NONE: the chart at the size given, in pixels (PNG) or points
 * @HUBS_CHART_PAGE_A4_LANDSCAPE: an A4 landscape page with a printer's margin, as printed
 * @HUBS_CHART_PAGE_SLIDE: a 16:9 slide, 960×540 points (PowerPoint's and Impress's size)
 *
 * The page a chart is exported on. A PNG of a page has twice as many pixels as the page
 * has points, so that it reads sharp on a slide.
 */
typedef enum
{
  HUBS_CHART_PAGE_NONE,
  HUBS_CHART_PAGE_A4_LANDSCAPE,
  HUBS_CHART_PAGE_SLIDE,
} HubsChartPage;

/* Sizes a chart export accepts, in pixels (PNG) or points (SVG, PDF). */
#define HUBS_CHART_EXPORT_MIN_SIZE 16
#define HUBS_CHART_EXPORT_MAX_SIZE 10000

GQuark   hubs_chart_export_error_quark   (void);
gboolean hubs_chart_format_from_path     (const char           *path,
                                          HubsChartFormat      *format,
                                          GError              **error);
gboolean hubs_chart_parse_size           (const char           *text,
                                          int                  *width,
                                          int                  *height,
                                          GError              **error);
gboolean hubs_chart_export               (const HubsChartData  *data,
                                          const char           *path,
                                          int                   width,
                                          int                   height,
                                          HubsLanguage          language,
                                          GError              **error);
gboolean hubs_chart_page_from_string     (const char           *text,
                                          HubsChartPage        *page);
void     hubs_chart_page_get_size        (HubsChartPage         page,
                                          double               *width,
                                          double               *height);
void     hubs_chart_draw_page            (cairo_t              *cr,
                                          const HubsChartData  *data,
                                          HubsChartPage         page,
                                          const char           *stamp,
                                          HubsLanguage          language,
                                          double                width,
                                          double                height);
gboolean hubs_chart_export_full          (const HubsChartData  *data,
                                          const char           *path,
                                          HubsChartPage         page,
                                          int                   width,
                                          int                   height,
                                          const char           *stamp,
                                          HubsLanguage          language,
                                          GError              **error);

G_END_DECLS
