/* hubs-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "hubs-store.h"

G_BEGIN_DECLS

const char *hubs_store_get_migration_sql (guint to_version);
sqlite3    *hubs_store_get_db            (HubsStore  *self);
gboolean    hubs_store_reload            (HubsStore  *self,
                                          GError    **error);
sqlite3    *hubs_store_open_reader       (HubsStore  *self,
                                          GError    **error);
void        hubs_store_set_check_on_main_thread (HubsStore *self,
                                                 gboolean   on_main_thread);

G_END_DECLS
