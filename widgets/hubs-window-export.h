/* hubs-window-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-export.h"
#include "hubs-window.h"

G_BEGIN_DECLS

gboolean   hubs_window_export_xlsx_to  (HubsWindow        *self,
                                        const char        *path,
                                        gboolean           all_hubs,
                                        GError           **error);
gboolean   hubs_window_export_csv_to   (HubsWindow        *self,
                                        const char        *path,
                                        HubsExportLayout   layout,
                                        HubsExportFlags    flags,
                                        GError           **error);
gboolean   hubs_window_copy_chart      (HubsWindow        *self,
                                        GError           **error);
gboolean   hubs_window_copy_figures    (HubsWindow        *self,
                                        GError           **error);
GtkWidget *hubs_window_drop_files      (HubsWindow        *self,
                                        const GValue      *value);

G_END_DECLS
