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

/**
 * HubsReportOptions:
 * @language: the language of every word and number
 * @portrait: A4 portrait pages, else A4 landscape
 * @national_summary: the national summary after the contents (all hubs of the database)
 * @hub_ids: (nullable) (array zero-terminated=1): the hubs with a section, in the database's
 *   order whatever the order here; %NULL for all of them (or those of @kpi_ids)
 * @kpi_ids: (nullable) (array zero-terminated=1): the KPIs with a page; %NULL for every KPI of
 *   the hubs
 * @as_of: (nullable): the moment the figures are of (a report of the past); %NULL for now
 *
 * What goes into a report, and how it is laid out.
 */
typedef struct
{
  HubsLanguage         language;
  gboolean             portrait;
  gboolean             national_summary;
  const char * const  *hub_ids;
  const char * const  *kpi_ids;
  GDateTime           *as_of;
} HubsReportOptions;

typedef struct _HubsReport HubsReport;

void        hubs_report_options_init  (HubsReportOptions        *options,
                                       HubsLanguage              language);
HubsReport *hubs_report_new           (HubsStore                *store,
                                       const HubsReportOptions  *options,
                                       GError                  **error);
void        hubs_report_free          (HubsReport               *self);
guint       hubs_report_get_n_pages   (HubsReport               *self);
void        hubs_report_get_page_size (HubsReport               *self,
                                       double                   *width,
                                       double                   *height);
const char *hubs_report_get_title     (HubsReport               *self);
void        hubs_report_draw_page     (HubsReport               *self,
                                       cairo_t                  *cr,
                                       guint                     page);
gboolean    hubs_report_write_pdf     (HubsReport               *self,
                                       const char               *path,
                                       GError                  **error);
gboolean    hubs_report_export_with_options (HubsStore               *store,
                                             const HubsReportOptions *options,
                                             const char              *path,
                                             GError                 **error);
gboolean    hubs_report_export        (HubsStore                *store,
                                       const char               *hub_id,
                                       const char               *path,
                                       HubsLanguage              language,
                                       GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsReport, hubs_report_free)

G_END_DECLS
