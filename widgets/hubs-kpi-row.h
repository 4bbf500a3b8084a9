/* hubs-kpi-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-live-kpi.h"

G_BEGIN_DECLS

#define HUBS_TYPE_KPI_ROW (hubs_kpi_row_get_type ())

G_DECLARE_FINAL_TYPE (HubsKpiRow, hubs_kpi_row, HUBS, KPI_ROW, AdwActionRow)

GtkWidget  *hubs_kpi_row_new        (HubsLiveKpi        *kpi);
HubsLiveKpi *hubs_kpi_row_get_kpi   (HubsKpiRow         *self);
const char *hubs_kpi_row_get_kpi_id (HubsKpiRow         *self);
HubsStatus  hubs_kpi_row_get_status (HubsKpiRow         *self);

G_END_DECLS
