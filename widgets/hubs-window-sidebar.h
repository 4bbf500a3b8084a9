/* hubs-window-sidebar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-window.h"

G_BEGIN_DECLS

void        hubs_window_sidebar_show_first_rows          (HubsWindow *self,
                                                          guint       n_items);
guint       hubs_window_sidebar_show_row                 (HubsWindow *self,
                                                          guint       position);
GListModel *hubs_window_sidebar_get_items                (HubsWindow *self);
GtkWidget  *hubs_window_sidebar_get_selected_row         (HubsWindow *self);
void        hubs_window_sidebar_scroll_to_selected       (HubsWindow *self);
void        hubs_window_sidebar_scroll_to_selected_later (HubsWindow *self);
void        hubs_window_sidebar_stop                     (HubsWindow *self);

G_END_DECLS
