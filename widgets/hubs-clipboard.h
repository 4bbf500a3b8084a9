/* hubs-clipboard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hubs-figure-table.h"
#include "hubs-live-model.h"

G_BEGIN_DECLS

/* The size a chart is copied at, in pixels (the picture) and points (SVG), as Export Chart
 * writes it. */
#define HUBS_CLIPBOARD_CHART_WIDTH  1600
#define HUBS_CLIPBOARD_CHART_HEIGHT 900

GdkContentProvider *hubs_clipboard_picture_provider_new (GBytes             *png,
                                                         GBytes             *svg,
                                                         GError            **error);
GdkContentProvider *hubs_clipboard_table_provider_new (HubsFigureTable      *table,
                                                       const char           *caption);
HubsFigureTable    *hubs_clipboard_table_new_for_kpi  (HubsLiveKpi          *kpi,
                                                       HubsLanguage          language);
HubsFigureTable    *hubs_clipboard_table_new_for_hub  (HubsLiveHub          *hub,
                                                       HubsLanguage          language,
                                                       GError              **error);

G_END_DECLS
