/* hubs-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-store.h"

G_BEGIN_DECLS

const char *hubs_store_get_migration_sql (guint to_version);

G_END_DECLS
