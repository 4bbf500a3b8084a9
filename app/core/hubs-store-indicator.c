/* hubs-store-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The common indicator each KPI counts (kpi.indicator, migration 5): the key the plan file
 * gives a KPI that several hubs measure alike (startups, funding raised, …), which the
 * national view adds up across hubs. A database made before migration 5 gets the keys of the
 * shipped plan for the KPIs it still has; a new one gets them with its plan.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include "hubs-plan.h"
#include "hubs-store-indicator.h"
#include "hubs-store-private.h"

/* Sets the plan's keys on the KPIs of the database that have none yet. */
gboolean
_hubs_store_write_plan_indicators (HubsStore  *self,
                                   HubsPlan   *plan,
                                   GError    **error)
{
  GPtrArray *kpis = hubs_plan_get_kpis (plan);

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      const char *indicator = hubs_plan_get_indicator (plan, kpi->id);
      HubsDbStmt *stmt;

      if (indicator == NULL)
        continue;
      if (!(stmt = _hubs_store_prepare (self,
                                        "UPDATE kpi SET indicator = ?2 WHERE id = ?1 AND "
                                        "indicator = ''", error)))
        return FALSE;
      _hubs_store_bind_text (stmt, 1, kpi->id);
      _hubs_store_bind_text (stmt, 2, indicator);
      if (!_hubs_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Runs inside migration 5's transaction. */
gboolean
_hubs_store_migrate_indicators (HubsStore  *self,
                                GError    **error)
{
  HubsPlan *plan = hubs_plan_get_builtin ();

  if (plan == NULL)
    return TRUE;

  return _hubs_store_write_plan_indicators (self, plan, error);
}

/**
 * hubs_store_list_indicators:
 * @self: a #HubsStore
 * @error: a location for a #GError
 *
 * Which KPIs count a common indicator, and which one.
 *
 * Returns: (transfer full) (element-type utf8 utf8): KPI id → indicator key, for the KPIs
 *   that have one, or %NULL on error
 */
GHashTable *
hubs_store_list_indicators (HubsStore  *self,
                            GError    **error)
{
  g_autoptr(GHashTable) indicators = NULL;
  HubsDbStmt *stmt;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT id, indicator FROM kpi WHERE indicator <> ''",
                                    error)))
    return NULL;

  indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = hubs_db_stmt_step (stmt)) == HUBS_DB_ROW)
    g_hash_table_insert (indicators,
                         _hubs_store_column_text (stmt, 0),
                         _hubs_store_column_text (stmt, 1));
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&indicators);
}
