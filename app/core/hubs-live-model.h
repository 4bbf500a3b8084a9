/* hubs-live-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-live-hub.h"
#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_LIVE_MODEL (hubs_live_model_get_type ())

G_DECLARE_FINAL_TYPE (HubsLiveModel, hubs_live_model, HUBS, LIVE_MODEL, GObject)

HubsLiveModel *hubs_live_model_new        (HubsStore      *store,
                                           GError        **error);
HubsStore     *hubs_live_model_get_store  (HubsLiveModel  *self);
GListModel    *hubs_live_model_get_hubs   (HubsLiveModel  *self);
HubsLiveHub   *hubs_live_model_lookup_hub (HubsLiveModel  *self,
                                           const char     *hub_id);
HubsLiveKpi   *hubs_live_model_lookup_kpi (HubsLiveModel  *self,
                                           const char     *kpi_id,
                                           GError        **error);

G_END_DECLS
