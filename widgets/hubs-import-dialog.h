/* hubs-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_IMPORT_DIALOG (hubs_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubsImportDialog, hubs_import_dialog, HUBS, IMPORT_DIALOG, AdwWindow)

GtkWidget *hubs_import_dialog_new       (GtkWindow        *parent,
                                         HubsStore        *store);
gboolean   hubs_import_dialog_load_file (HubsImportDialog *self,
                                         GFile            *file);

G_END_DECLS
