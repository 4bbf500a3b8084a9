/* hubs-connect-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HUBS_TYPE_CONNECT_DIALOG (hubs_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubsConnectDialog, hubs_connect_dialog, HUBS, CONNECT_DIALOG, AdwWindow)

GtkWidget *hubs_connect_dialog_new (GtkWindow *parent);

G_END_DECLS
