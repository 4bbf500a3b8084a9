/* hubs-print-operation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hubs-chart-data.h"
#include "hubs-format.h"
#include "hubs-store.h"

G_BEGIN_DECLS

/**
 * HubsPrintContent:
 * @HUBS_PRINT_CHART: the chart shown, on an A4 landscape page as its PDF export draws it
 * @HUBS_PRINT_HUB_REPORT: the report of the hub shown
 * @HUBS_PRINT_ALL_REPORT: the report of every hub of the database
 *
 * What a print operation prints.
 */
typedef enum
{
  HUBS_PRINT_CHART,
  HUBS_PRINT_HUB_REPORT,
  HUBS_PRINT_ALL_REPORT,
} HubsPrintContent;

#define HUBS_TYPE_PRINT_OPERATION (hubs_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (HubsPrintOperation, hubs_print_operation, HUBS, PRINT_OPERATION,
                      GtkPrintOperation)

HubsPrintOperation *hubs_print_operation_new         (HubsStore          *store,
                                                      const char         *hub_id,
                                                      HubsChartData      *chart,
                                                      HubsLanguage        language);
void                hubs_print_operation_set_as_of   (HubsPrintOperation *self,
                                                      GDateTime          *as_of);
HubsPrintContent    hubs_print_operation_get_content (HubsPrintOperation *self);
void                hubs_print_operation_set_content (HubsPrintOperation *self,
                                                      HubsPrintContent    content);
const GError       *hubs_print_operation_get_failure (HubsPrintOperation *self);

G_END_DECLS
