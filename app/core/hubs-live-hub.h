/* hubs-live-hub.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-cycle.h"
#include "hubs-live-kpi.h"

G_BEGIN_DECLS

#define HUBS_TYPE_LIVE_HUB (hubs_live_hub_get_type ())

G_DECLARE_FINAL_TYPE (HubsLiveHub, hubs_live_hub, HUBS, LIVE_HUB, GObject)

const HubsHub *hubs_live_hub_get_hub      (HubsLiveHub          *self);
const char    *hubs_live_hub_get_id       (HubsLiveHub          *self);
gboolean       hubs_live_hub_get_loaded   (HubsLiveHub          *self);
gboolean       hubs_live_hub_load         (HubsLiveHub          *self,
                                           GError              **error);
HubsLiveKpi   *hubs_live_hub_lookup_kpi   (HubsLiveHub          *self,
                                           const char           *kpi_id);
gboolean       hubs_live_hub_get_summary  (HubsLiveHub          *self,
                                           HubsProgressSummary  *all,
                                           HubsProgressSummary  *pillars,
                                           GError              **error);
gboolean       hubs_live_hub_get_deleted  (HubsLiveHub          *self);
const HubsYearState *hubs_live_hub_get_year_state      (HubsLiveHub *self,
                                                        int          fiscal_year);
HubsYearStateKind    hubs_live_hub_get_year_state_kind (HubsLiveHub *self,
                                                        int          fiscal_year);

G_END_DECLS
