/* hubs-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-store.h"

G_BEGIN_DECLS

/* The columns of the long CSV layout, in order. */
#define HUBS_EXPORT_CSV_HEADER \
  "hub_id,hub_name_ja,hub_name_en,kpi_id,kpi_name_ja,kpi_name_en,pillar,unit,aggregation," \
  "direction,fiscal_year,kind,value,status,note"

gboolean hubs_export_csv         (HubsStore     *store,
                                  GOutputStream *stream,
                                  GCancellable  *cancellable,
                                  GError       **error);
gboolean hubs_export_csv_to_path (HubsStore     *store,
                                  const char    *path,
                                  GError       **error);

G_END_DECLS
