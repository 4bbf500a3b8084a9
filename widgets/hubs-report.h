/* hubs-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "hubs-format.h"
#include "hubs-store.h"

G_BEGIN_DECLS

/* A page of a report: A4 landscape, in points. */
#define HUBS_REPORT_PAGE_WIDTH  841.89
#define HUBS_REPORT_PAGE_HEIGHT 595.28

typedef struct _HubsReport HubsReport;

HubsReport *hubs_report_new         (HubsStore     *store,
                                     const char    *hub_id,
                                     HubsLanguage   language,
                                     GDateTime     *as_of,
                                     GError       **error);
guint       hubs_report_get_n_pages (HubsReport    *report);
void        hubs_report_draw_page   (HubsReport    *report,
                                     cairo_t       *cr,
                                     guint          page);
gboolean    hubs_report_write       (HubsReport    *report,
                                     const char    *path,
                                     GError       **error);
void        hubs_report_free        (HubsReport    *report);

gboolean hubs_report_export (HubsStore     *store,
                             const char    *hub_id,
                             const char    *path,
                             HubsLanguage   language,
                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsReport, hubs_report_free)

G_END_DECLS
