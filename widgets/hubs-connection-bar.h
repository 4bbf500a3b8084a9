/* hubs-connection-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_CONNECTION_BAR (hubs_connection_bar_get_type ())

G_DECLARE_FINAL_TYPE (HubsConnectionBar, hubs_connection_bar, HUBS, CONNECTION_BAR, AdwBin)

GtkWidget *hubs_connection_bar_new       (void);
void       hubs_connection_bar_set_store (HubsConnectionBar *self,
                                          HubsStore         *store);
HubsStore *hubs_connection_bar_get_store (HubsConnectionBar *self);

G_END_DECLS
