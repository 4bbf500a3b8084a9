/* hubs-window-national.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-window.h"

G_BEGIN_DECLS

GtkWidget *hubs_window_show_national (HubsWindow *self);

G_END_DECLS
