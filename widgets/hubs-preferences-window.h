/* hubs-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HUBS_TYPE_PREFERENCES_WINDOW (hubs_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HubsPreferencesWindow, hubs_preferences_window, HUBS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *hubs_preferences_window_new (GtkWindow *parent);

G_END_DECLS
