/* hubs-tracker-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-live-model.h"

G_BEGIN_DECLS

#define HUBS_TYPE_TRACKER_PAGE (hubs_tracker_page_get_type ())

G_DECLARE_FINAL_TYPE (HubsTrackerPage, hubs_tracker_page, HUBS, TRACKER_PAGE, AdwBin)

GtkWidget *hubs_tracker_page_new (HubsLiveModel *model);

G_END_DECLS
