/* hubs-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_WINDOW (hubs_window_get_type ())

G_DECLARE_FINAL_TYPE (HubsWindow, hubs_window, HUBS, WINDOW, AdwApplicationWindow)

HubsWindow *hubs_window_new             (GtkApplication *application,
                                         HubsStore      *store);
HubsStore  *hubs_window_get_store       (HubsWindow     *self);
void        hubs_window_show_error      (HubsWindow     *self,
                                         const GError   *error);

G_END_DECLS
