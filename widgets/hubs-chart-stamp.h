/* hubs-chart-stamp.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-chart-data.h"
#include "hubs-format.h"
#include "hubs-store.h"

G_BEGIN_DECLS

char *hubs_chart_describe_source (const HubsChartData *data,
                                  const HubsChartKpi  *chart_kpi,
                                  HubsLanguage         language);
char *hubs_chart_describe_as_of  (HubsStore           *store,
                                  const HubsChartData *data,
                                  GDateTime           *as_of,
                                  HubsLanguage         language);
char *hubs_chart_stamp_new       (HubsStore           *store,
                                  const HubsChartData *data,
                                  GDateTime           *as_of,
                                  HubsLanguage         language);

G_END_DECLS
