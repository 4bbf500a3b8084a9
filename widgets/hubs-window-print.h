/* hubs-window-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-chart-export.h"
#include "hubs-print-operation.h"
#include "hubs-window.h"

G_BEGIN_DECLS

void     hubs_window_class_add_print_actions (GtkWidgetClass    *widget_class);
void     hubs_window_update_print_actions    (HubsWindow        *self);
gboolean hubs_window_export_chart_page_to    (HubsWindow        *self,
                                              const char        *path,
                                              HubsChartPage      page,
                                              GError           **error);
gboolean hubs_window_print_to                (HubsWindow        *self,
                                              HubsPrintContent   content,
                                              const char        *path,
                                              GError           **error);

G_END_DECLS
