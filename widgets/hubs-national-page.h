/* hubs-national-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-live-model.h"

G_BEGIN_DECLS

#define HUBS_TYPE_NATIONAL_PAGE (hubs_national_page_get_type ())

G_DECLARE_FINAL_TYPE (HubsNationalPage, hubs_national_page, HUBS, NATIONAL_PAGE, AdwBin)

GtkWidget     *hubs_national_page_new            (HubsLiveModel    *model);
HubsLiveModel *hubs_national_page_get_model      (HubsNationalPage *self);
int            hubs_national_page_get_fiscal_year (HubsNationalPage *self);
void           hubs_national_page_set_fiscal_year (HubsNationalPage *self,
                                                   int               fiscal_year);
void           hubs_national_page_set_highlight_hub (HubsNationalPage *self,
                                                     const char       *hub_id);
gboolean       hubs_national_page_get_narrow     (HubsNationalPage *self);

G_END_DECLS
