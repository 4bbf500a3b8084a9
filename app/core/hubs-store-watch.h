/* hubs-store-watch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_STORE_WATCH (hubs_store_watch_get_type ())

G_DECLARE_FINAL_TYPE (HubsStoreWatch, hubs_store_watch, HUBS, STORE_WATCH, GObject)

/* How often another program's changes are looked for, in milliseconds. */
#define HUBS_STORE_WATCH_INTERVAL 1000

/* How often a lost connection to a server is tried again, in milliseconds. */
#define HUBS_STORE_WATCH_RETRY_INTERVAL 2000

HubsStoreWatch *hubs_store_watch_new   (HubsStore      *store);
gboolean        hubs_store_watch_check (HubsStoreWatch *self);

G_END_DECLS
