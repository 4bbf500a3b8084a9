/* hubs-submit-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_SUBMIT_DIALOG (hubs_submit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubsSubmitDialog, hubs_submit_dialog, HUBS, SUBMIT_DIALOG, AdwWindow)

GtkWidget *hubs_submit_dialog_new             (GtkWindow         *parent,
                                               HubsStore         *store,
                                               const char        *hub_id,
                                               int                fiscal_year);
int        hubs_submit_dialog_get_fiscal_year (HubsSubmitDialog  *self);
void       hubs_submit_dialog_set_fiscal_year (HubsSubmitDialog  *self,
                                               int                fiscal_year);
gboolean   hubs_submit_dialog_get_can_save    (HubsSubmitDialog  *self);
void       hubs_submit_dialog_save_to         (HubsSubmitDialog  *self,
                                               const char        *path);

G_END_DECLS
