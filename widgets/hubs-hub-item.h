/* hubs-hub-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hubs-live-hub.h"

G_BEGIN_DECLS

#define HUBS_TYPE_HUB_ITEM (hubs_hub_item_get_type ())

G_DECLARE_FINAL_TYPE (HubsHubItem, hubs_hub_item, HUBS, HUB_ITEM, GObject)

HubsHubItem               *hubs_hub_item_new          (HubsLiveHub   *hub);
HubsHubItem               *hubs_hub_item_new_header   (HubsTier       tier);
HubsHubItem               *hubs_hub_item_new_kpi      (HubsLiveHub   *hub,
                                                       HubsLiveKpi   *kpi);
HubsLiveKpi               *hubs_hub_item_get_kpi      (HubsHubItem   *self);
const char                *hubs_hub_item_get_hub_id   (HubsHubItem   *self);
gboolean                   hubs_hub_item_is_header    (HubsHubItem   *self);
HubsTier                   hubs_hub_item_get_tier     (HubsHubItem   *self);
HubsLiveHub               *hubs_hub_item_get_live_hub (HubsHubItem   *self);
const HubsHub             *hubs_hub_item_get_hub      (HubsHubItem   *self);
const char                *hubs_hub_item_get_id       (HubsHubItem   *self);
const HubsProgressSummary *hubs_hub_item_get_summary  (HubsHubItem   *self);
gboolean                   hubs_hub_item_has_summary  (HubsHubItem   *self);
guint                      hubs_hub_item_count_actuals (HubsHubItem  *self);

G_END_DECLS
