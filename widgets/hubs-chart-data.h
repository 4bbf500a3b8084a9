/* hubs-chart-data.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-progress.h"
#include "hubs-live-model.h"
#include "hubs-store.h"

G_BEGIN_DECLS

/**
 * HubsChartKind:
 * @HUBS_CHART_TRAJECTORY: one KPI over the fiscal years: baseline, actuals, plan, targets
 * @HUBS_CHART_BULLET: one KPI as a bullet: latest actual, both targets, expected by now
 * @HUBS_CHART_HUB_OVERVIEW: every KPI of a hub, each normalised to its own targets
 * @HUBS_CHART_COMPARISON: every hub's share of the plan path achieved, overall and per pillar
 */
typedef enum
{
  HUBS_CHART_TRAJECTORY,
  HUBS_CHART_BULLET,
  HUBS_CHART_HUB_OVERVIEW,
  HUBS_CHART_COMPARISON,
} HubsChartKind;

/**
 * HubsChartKpi:
 * @kpi: the KPI
 * @figures: (element-type HubsFigure): all its figures, measured or not
 * @progress: where it stands
 *
 * One KPI, as a chart needs it.
 */
typedef struct
{
  HubsKpi      *kpi;
  GPtrArray    *figures;
  HubsProgress  progress;
} HubsChartKpi;

/**
 * HubsChartHubSummary:
 * @hub: the hub
 * @all: every KPI of the hub but breakdowns
 * @pillars: the same, per pillar
 *
 * One hub's progress, for the comparison across hubs.
 */
typedef struct
{
  HubsHub             *hub;
  HubsProgressSummary  all;
  HubsProgressSummary  pillars[HUBS_N_PILLARS];
} HubsChartHubSummary;

/**
 * HubsChartData:
 * @kind: which chart
 * @hub: (nullable): the hub of a trajectory, bullet or overview
 * @kpis: (element-type HubsChartKpi): one KPI for a trajectory or bullet, the hub's KPIs in
 *   order for an overview
 * @hubs: (element-type HubsChartHubSummary): the hubs of a comparison, best first
 *
 * Plain data a chart is drawn from, gathered from the store once, so that drawing touches no
 * database and can run at any size, as often as a frame needs.
 */
typedef struct
{
  HubsChartKind  kind;
  HubsHub       *hub;
  GPtrArray     *kpis;
  GPtrArray     *hubs;
} HubsChartData;

HubsChartData     *hubs_chart_data_new             (HubsChartKind        kind);
void               hubs_chart_data_free            (HubsChartData       *data);
HubsChartKpi      *hubs_chart_data_add_kpi         (HubsChartData       *data,
                                                    const HubsKpi       *kpi,
                                                    GPtrArray           *figures);
HubsChartData     *hubs_chart_data_new_for_kpi     (HubsStore           *store,
                                                    HubsChartKind        kind,
                                                    const char          *kpi_id,
                                                    GError             **error);
HubsChartData     *hubs_chart_data_new_for_hub     (HubsStore           *store,
                                                    const char          *hub_id,
                                                    GError             **error);
HubsChartData     *hubs_chart_data_new_for_live_kpi (HubsLiveHub        *hub,
                                                     HubsLiveKpi        *kpi,
                                                     HubsChartKind       kind);
HubsChartData     *hubs_chart_data_new_for_live_hub (HubsLiveHub        *hub);
HubsChartData     *hubs_chart_data_new_comparison_live (HubsLiveModel   *model);
HubsChartData     *hubs_chart_data_new_comparison  (HubsStore           *store,
                                                    GError             **error);
const HubsFigure  *hubs_chart_kpi_get_figure       (const HubsChartKpi  *chart_kpi,
                                                    HubsFigureKind       kind,
                                                    int                  fiscal_year);
const HubsFigure  *hubs_chart_kpi_get_baseline     (const HubsChartKpi  *chart_kpi);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsChartData, hubs_chart_data_free)

G_END_DECLS
