/* hubs-hub-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a hub's KPIs stand together: the sidebar's count of KPIs on track and the comparison
 * across hubs both come from here.
 */

#define G_LOG_DOMAIN "hubs-hub-summary"

#include "config.h"

#include "hubs-hub-summary.h"

/**
 * hubs_hub_summary_compute:
 * @store: the database
 * @hub_id: a hub
 * @all: (out caller-allocates): every KPI of the hub together
 * @pillars: (out caller-allocates) (array fixed-size=4) (nullable): each pillar's KPIs,
 *   indexed by #HubsPillar
 * @error: a location for a #GError
 *
 * Reads the hub's KPIs and figures (two queries) and sums up their progress.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_hub_summary_compute (HubsStore            *store,
                          const char           *hub_id,
                          HubsProgressSummary  *all,
                          HubsProgressSummary  *pillars,
                          GError              **error)
{
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GHashTable) figures = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (hub_id != NULL, FALSE);
  g_return_val_if_fail (all != NULL, FALSE);

  hubs_progress_summary_init (all);
  for (guint p = 0; pillars != NULL && p < HUBS_N_PILLARS; p++)
    hubs_progress_summary_init (&pillars[p]);

  if (!(kpis = hubs_store_list_kpis (store, hub_id, error)) ||
      !(figures = hubs_store_list_hub_figures (store, hub_id, error)))
    return FALSE;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      GPtrArray *kpi_figures = g_hash_table_lookup (figures, kpi->id);
      HubsProgress progress;

      hubs_progress_compute (&progress, kpi, kpi_figures ? kpi_figures : none);
      hubs_progress_summary_add (all, &progress);
      if (pillars != NULL && kpi->pillar < HUBS_N_PILLARS)
        hubs_progress_summary_add (&pillars[kpi->pillar], &progress);
    }

  return TRUE;
}
