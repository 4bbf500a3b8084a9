/* hubs-hub-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-progress.h"
#include "hubs-store.h"

G_BEGIN_DECLS

gboolean hubs_hub_summary_compute (HubsStore           *store,
                                   const char          *hub_id,
                                   HubsProgressSummary *all,
                                   HubsProgressSummary *pillars,
                                   GError             **error);

G_END_DECLS
