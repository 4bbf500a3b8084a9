/* hubs-tracker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-store.h"

G_BEGIN_DECLS

/* One hub's fiscal year as the Cabinet Office's checklist shows it. */
typedef struct
{
  char          *hub_id;
  char          *hub_name_ja;
  char          *hub_name_en;
  HubsYearState *state;
  /* KPIs with no actual for the year, and KPIs not on track without an explanation. */
  guint          n_missing;
  guint          n_unexplained;
} HubsTrackerRow;

void       hubs_tracker_row_free  (HubsTrackerRow *row);
GPtrArray *hubs_tracker_list      (HubsStore      *store,
                                   int             first_year,
                                   int             last_year,
                                   GError        **error);
int        hubs_tracker_last_year (HubsStore      *store,
                                   GDateTime      *now,
                                   GError        **error);

G_END_DECLS
