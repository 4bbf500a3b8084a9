/* hubs-sidebar-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hubs-format.h"
#include "hubs-hub-item.h"

G_BEGIN_DECLS

#define HUBS_TYPE_SIDEBAR_ROW (hubs_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (HubsSidebarRow, hubs_sidebar_row, HUBS, SIDEBAR_ROW, GtkWidget)

GtkWidget   *hubs_sidebar_row_new          (void);
void         hubs_sidebar_row_bind         (HubsSidebarRow *self,
                                            HubsHubItem    *item);
HubsLanguage hubs_sidebar_row_get_language (HubsSidebarRow *self);
void         hubs_sidebar_row_set_language (HubsSidebarRow *self,
                                            HubsLanguage    language);

G_END_DECLS
