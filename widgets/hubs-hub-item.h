/* hubs-hub-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hubs-progress.h"
#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_HUB_ITEM (hubs_hub_item_get_type ())

G_DECLARE_FINAL_TYPE (HubsHubItem, hubs_hub_item, HUBS, HUB_ITEM, GObject)

HubsHubItem               *hubs_hub_item_new          (const HubsHub *hub);
HubsHubItem               *hubs_hub_item_new_header   (HubsTier       tier);
gboolean                   hubs_hub_item_is_header    (HubsHubItem   *self);
HubsTier                   hubs_hub_item_get_tier     (HubsHubItem   *self);
const HubsHub             *hubs_hub_item_get_hub      (HubsHubItem   *self);
const char                *hubs_hub_item_get_id       (HubsHubItem   *self);
const HubsProgressSummary *hubs_hub_item_get_summary  (HubsHubItem   *self,
                                                       HubsStore     *store);
gboolean                   hubs_hub_item_has_summary  (HubsHubItem   *self);
void                       hubs_hub_item_invalidate   (HubsHubItem   *self);

G_END_DECLS
