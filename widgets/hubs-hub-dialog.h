/* hubs-hub-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-undo.h"

G_BEGIN_DECLS

#define HUBS_TYPE_HUB_DIALOG (hubs_hub_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubsHubDialog, hubs_hub_dialog, HUBS, HUB_DIALOG, AdwWindow)

GtkWidget *hubs_hub_dialog_new   (GtkWindow     *parent,
                                  HubsUndoStack *undo,
                                  const HubsHub *hub);
void       hubs_hub_dialog_set_field (HubsHubDialog *self,
                                      const char    *field,
                                      const char    *text);
void       hubs_hub_dialog_save  (HubsHubDialog *self);

G_END_DECLS
