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

G_END_DECLS
