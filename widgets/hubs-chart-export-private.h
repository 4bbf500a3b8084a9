/* hubs-chart-export-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by hubs-chart-export.c and hubs-report.c: writing cairo's output to a file.
 */

#pragma once

#include <cairo.h>

#include "hubs-chart-export.h"
#include "hubs-output.h"

G_BEGIN_DECLS

typedef struct
{
  HubsOutputFile *file;
} HubsChartWriter;

gboolean       hubs_chart_writer_open      (HubsChartWriter      *w,
                                            const char           *path,
                                            GError              **error);
cairo_status_t hubs_chart_writer_write_cb  (void                 *closure,
                                            const unsigned char  *data,
                                            unsigned int          length);
gboolean       hubs_chart_writer_close     (HubsChartWriter      *w,
                                            cairo_status_t        status,
                                            GError              **error);
void           hubs_chart_writer_clear     (HubsChartWriter      *w);
void           hubs_chart_set_pdf_metadata (cairo_surface_t      *surface,
                                            const char           *title);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HubsChartWriter, hubs_chart_writer_clear)

G_END_DECLS
