/* hubs-store-indicator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-store.h"

G_BEGIN_DECLS

GHashTable *hubs_store_list_indicators (HubsStore  *self,
                                        GError    **error);

G_END_DECLS
