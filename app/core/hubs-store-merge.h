/* hubs-store-merge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-cycle.h"
#include "hubs-model.h"

G_BEGIN_DECLS

HubsKpi *_hubs_store_merge_kpi (const HubsKpi *from,
                                const HubsKpi *to,
                                const HubsKpi *stored);
HubsHub *_hubs_store_merge_hub (const HubsHub *from,
                                const HubsHub *to,
                                const HubsHub *stored);
HubsExplanation *_hubs_store_merge_explanation (const HubsExplanation *from,
                                                const HubsExplanation *to,
                                                const HubsExplanation *stored);

G_END_DECLS
