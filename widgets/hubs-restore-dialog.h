/* hubs-restore-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_RESTORE_DIALOG (hubs_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubsRestoreDialog, hubs_restore_dialog, HUBS, RESTORE_DIALOG, AdwWindow)

GtkWidget *hubs_restore_dialog_new   (GtkWindow    *parent,
                                      HubsStore    *store);
GtkWidget *hubs_restore_offer_new    (GtkWindow    *parent,
                                      const char   *database_path,
                                      const GError *error,
                                      char        **backup_path);

G_END_DECLS
