/* hubs-live-kpi.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-live-figure.h"
#include "hubs-progress.h"

G_BEGIN_DECLS

#define HUBS_TYPE_LIVE_KPI (hubs_live_kpi_get_type ())

G_DECLARE_FINAL_TYPE (HubsLiveKpi, hubs_live_kpi, HUBS, LIVE_KPI, GObject)

const HubsKpi      *hubs_live_kpi_get_kpi          (HubsLiveKpi    *self);
const char         *hubs_live_kpi_get_id           (HubsLiveKpi    *self);
const char         *hubs_live_kpi_get_name         (HubsLiveKpi    *self);
GListModel         *hubs_live_kpi_get_figures      (HubsLiveKpi    *self);
HubsLiveFigure     *hubs_live_kpi_lookup_figure    (HubsLiveKpi    *self,
                                                    int             fiscal_year,
                                                    HubsFigureKind  kind);
const HubsFigure   *hubs_live_kpi_get_figure       (HubsLiveKpi    *self,
                                                    int             fiscal_year,
                                                    HubsFigureKind  kind);
GPtrArray          *hubs_live_kpi_collect_figures  (HubsLiveKpi    *self);
int                 hubs_live_kpi_get_baseline_year (HubsLiveKpi   *self);
const HubsProgress *hubs_live_kpi_get_progress     (HubsLiveKpi    *self);
gboolean            hubs_live_kpi_get_deleted      (HubsLiveKpi    *self);

G_END_DECLS
