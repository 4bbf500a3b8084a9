/* hubs-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hubs-chart.h"
#include "hubs-live-model.h"
#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_CHART_VIEW (hubs_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (HubsChartView, hubs_chart_view, HUBS, CHART_VIEW, GtkWidget)

GtkWidget           *hubs_chart_view_new             (HubsChartKind  kind);
HubsChartKind        hubs_chart_view_get_kind        (HubsChartView *self);
void                 hubs_chart_view_set_kind        (HubsChartView *self,
                                                      HubsChartKind  kind);
void                 hubs_chart_view_set_live_kpi    (HubsChartView *self,
                                                      HubsLiveHub   *hub,
                                                      HubsLiveKpi   *kpi);
void                 hubs_chart_view_set_live_hub    (HubsChartView *self,
                                                      HubsLiveHub   *hub);
void                 hubs_chart_view_set_live_comparison (HubsChartView *self,
                                                          HubsLiveModel *model);
void                 hubs_chart_view_set_data        (HubsChartView *self,
                                                      HubsChartData *data);
const HubsChartData *hubs_chart_view_get_data        (HubsChartView *self);
void                 hubs_chart_view_reload          (HubsChartView *self);
gboolean             hubs_chart_view_activate_hit    (HubsChartView *self,
                                                      int            index);
gboolean             hubs_chart_view_get_show_title  (HubsChartView *self);
void                 hubs_chart_view_set_show_title  (HubsChartView *self,
                                                      gboolean       show_title);
double               hubs_chart_view_get_font_size   (HubsChartView *self);
void                 hubs_chart_view_set_font_size   (HubsChartView *self,
                                                      double         font_size);
char                *hubs_chart_view_get_description (HubsChartView *self);
int                  hubs_chart_view_get_focus_index (HubsChartView *self);
void                 hubs_chart_view_set_focus_index (HubsChartView *self,
                                                      int            index);
char                *hubs_chart_view_get_focus_text  (HubsChartView *self);
const HubsChartTheme *hubs_chart_view_get_theme      (HubsChartView *self);
void                 hubs_chart_view_set_stamp_store (HubsChartView *self,
                                                      HubsStore     *store);
const char          *hubs_chart_view_get_stamp       (HubsChartView *self);
void                 hubs_chart_view_set_highlight   (HubsChartView *self,
                                                      const char    *hub_id);

G_END_DECLS
