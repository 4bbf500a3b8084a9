/* hubs-place-warning.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hubs-store.h"

G_BEGIN_DECLS

GtkWidget *hubs_place_warning_present (GtkWindow *parent,
                                       HubsStore *store);

G_END_DECLS
