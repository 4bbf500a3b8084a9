/* hubs-present-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-live-model.h"

G_BEGIN_DECLS

GtkWidget *hubs_present_dialog_new        (GtkWindow        *parent,
                                           HubsLiveModel    *model,
                                           const char       *hub_id);
GStrv      hubs_present_dialog_get_chosen (AdwMessageDialog *dialog);
void       hubs_present_dialog_set_chosen (AdwMessageDialog *dialog,
                                           const char       *kpi_id,
                                           gboolean          chosen);

G_END_DECLS
