/* hubs-report-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-report.h"
#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_REPORT_DIALOG (hubs_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubsReportDialog, hubs_report_dialog, HUBS, REPORT_DIALOG, AdwWindow)

GtkWidget *hubs_report_dialog_new          (GtkWindow         *parent,
                                            HubsStore         *store,
                                            const char        *hub_id);
void       hubs_report_dialog_set_hub      (HubsReportDialog  *self,
                                            const char        *hub_id,
                                            gboolean           included);
void       hubs_report_dialog_set_kpi      (HubsReportDialog  *self,
                                            const char        *kpi_id,
                                            gboolean           included);
void       hubs_report_dialog_set_portrait (HubsReportDialog  *self,
                                            gboolean           portrait);
void       hubs_report_dialog_set_language (HubsReportDialog  *self,
                                            HubsLanguage       language);
void       hubs_report_dialog_set_as_of    (HubsReportDialog  *self,
                                            GDateTime         *as_of);
gboolean   hubs_report_dialog_export_to    (HubsReportDialog  *self,
                                            const char        *path,
                                            GError           **error);

G_END_DECLS
