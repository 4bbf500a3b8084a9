/* hubs-hub-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-live-hub.h"

G_BEGIN_DECLS

#define HUBS_TYPE_HUB_PAGE (hubs_hub_page_get_type ())

G_DECLARE_FINAL_TYPE (HubsHubPage, hubs_hub_page, HUBS, HUB_PAGE, GtkWidget)

GtkWidget  *hubs_hub_page_new        (void);
gboolean    hubs_hub_page_set_hub    (HubsHubPage  *self,
                                      HubsLiveHub  *hub,
                                      GError      **error);
HubsLiveHub *hubs_hub_page_get_hub   (HubsHubPage  *self);
const char *hubs_hub_page_get_hub_id (HubsHubPage  *self);
GtkWidget  *hubs_hub_page_find_kpi_row (HubsHubPage *self,
                                        const char  *kpi_id);

G_END_DECLS
