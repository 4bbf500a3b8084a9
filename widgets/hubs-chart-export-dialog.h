/* hubs-chart-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hubs-chart-export.h"

G_BEGIN_DECLS

typedef void (*HubsChartExportChosenFunc) (gpointer       owner,
                                           GFile         *file,
                                           HubsChartPage  page);

void          hubs_chart_export_dialog_run     (GtkWindow                 *parent,
                                                const char                *current_name,
                                                gpointer                   owner,
                                                HubsChartExportChosenFunc  func);
HubsChartPage hubs_chart_export_page_from_choice (const char              *choice);

G_END_DECLS
