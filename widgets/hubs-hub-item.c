/* hubs-hub-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the sidebar's list model: a hub city (its #HubsLiveHub), or the heading of a
 * tier. A hub's KPIs are read when a row first shows its summary, so a database with many
 * hubs opens as fast as one with a few; from then on the live hub keeps the summary current
 * and the item passes its "changed" on to the row.
 */

#define G_LOG_DOMAIN "hubs-hub-item"

#include "config.h"

#include "hubs-hub-item.h"

struct _HubsHubItem
{
  GObject              parent_instance;

  /* Owned */
  HubsLiveHub         *hub;
  /* A search result: one of the hub's KPIs, shown under it. */
  HubsLiveKpi         *kpi;

  /* State */
  HubsTier             tier;
  HubsProgressSummary  summary;
};

G_DEFINE_FINAL_TYPE (HubsHubItem, hubs_hub_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hubs_hub_item_finalize (GObject *object)
{
  HubsHubItem *self = (HubsHubItem *)object;

  if (self->hub != NULL)
    g_signal_handlers_disconnect_by_data (self->hub, self);
  g_clear_object (&self->hub);
  g_clear_object (&self->kpi);

  G_OBJECT_CLASS (hubs_hub_item_parent_class)->finalize (object);
}

static void
hubs_hub_item_class_init (HubsHubItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hubs_hub_item_finalize;

  /**
   * HubsHubItem::changed:
   * @self: a #HubsHubItem
   *
   * Emitted when the hub or its progress changed and rows showing it should update.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
hubs_hub_item_init (HubsHubItem *self)
{
}

static void
on_hub_changed (HubsHubItem *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * hubs_hub_item_new:
 * @hub: a live hub
 *
 * Returns: (transfer full): an item for @hub
 */
HubsHubItem *
hubs_hub_item_new (HubsLiveHub *hub)
{
  HubsHubItem *self;

  g_return_val_if_fail (HUBS_IS_LIVE_HUB (hub), NULL);

  self = g_object_new (HUBS_TYPE_HUB_ITEM, NULL);
  self->hub = g_object_ref (hub);
  self->tier = hubs_live_hub_get_hub (hub)->tier;
  g_signal_connect_swapped (hub, "changed", G_CALLBACK (on_hub_changed), self);

  return self;
}

/**
 * hubs_hub_item_new_kpi:
 * @hub: a live hub
 * @kpi: one of its KPIs
 *
 * Returns: (transfer full): an item for @kpi, a search result shown under its hub
 */
HubsHubItem *
hubs_hub_item_new_kpi (HubsLiveHub *hub,
                       HubsLiveKpi *kpi)
{
  HubsHubItem *self;

  g_return_val_if_fail (HUBS_IS_LIVE_KPI (kpi), NULL);

  self = hubs_hub_item_new (hub);
  self->kpi = g_object_ref (kpi);

  return self;
}

/**
 * hubs_hub_item_get_kpi:
 * @self: a #HubsHubItem
 *
 * Returns: (transfer none) (nullable): the KPI of a search result, or %NULL for a hub or a
 *   heading
 */
HubsLiveKpi *
hubs_hub_item_get_kpi (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), NULL);

  return self->kpi;
}

/**
 * hubs_hub_item_get_hub_id:
 * @self: a #HubsHubItem
 *
 * Returns: (nullable): the hub's id, also for a KPI's item; %NULL for a heading
 */
const char *
hubs_hub_item_get_hub_id (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), NULL);

  return self->hub ? hubs_live_hub_get_id (self->hub) : NULL;
}

/**
 * hubs_hub_item_new_header:
 * @tier: a tier
 *
 * Returns: (transfer full): the heading item of @tier
 */
HubsHubItem *
hubs_hub_item_new_header (HubsTier tier)
{
  HubsHubItem *self = g_object_new (HUBS_TYPE_HUB_ITEM, NULL);

  self->tier = tier;

  return self;
}

gboolean
hubs_hub_item_is_header (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), FALSE);

  return self->hub == NULL;
}

HubsTier
hubs_hub_item_get_tier (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), HUBS_TIER_GLOBAL);

  return self->tier;
}

/**
 * hubs_hub_item_get_live_hub:
 * @self: a #HubsHubItem
 *
 * Returns: (transfer none) (nullable): the live hub, or %NULL for a heading
 */
HubsLiveHub *
hubs_hub_item_get_live_hub (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), NULL);

  return self->hub;
}

/**
 * hubs_hub_item_get_hub:
 * @self: a #HubsHubItem
 *
 * Returns: (nullable): the hub's fields as stored, or %NULL for a heading
 */
const HubsHub *
hubs_hub_item_get_hub (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), NULL);

  return self->hub ? hubs_live_hub_get_hub (self->hub) : NULL;
}

/**
 * hubs_hub_item_get_id:
 * @self: a #HubsHubItem
 *
 * Returns: (nullable): the hub's id (the KPI's for a KPI's item), or %NULL for a heading
 */
const char *
hubs_hub_item_get_id (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), NULL);

  if (self->kpi != NULL)
    return hubs_live_kpi_get_id (self->kpi);

  return self->hub ? hubs_live_hub_get_id (self->hub) : NULL;
}

/**
 * hubs_hub_item_get_summary:
 * @self: a #HubsHubItem
 *
 * Returns: how the hub's KPIs stand, reading them first if nobody did yet
 */
const HubsProgressSummary *
hubs_hub_item_get_summary (HubsHubItem *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), NULL);

  hubs_progress_summary_init (&self->summary);
  if (self->hub != NULL &&
      !hubs_live_hub_get_summary (self->hub, &self->summary, NULL, &error))
    g_warning ("Cannot sum up the progress of %s: %s", hubs_live_hub_get_id (self->hub),
               error->message);

  return &self->summary;
}

/**
 * hubs_hub_item_count_actuals:
 * @self: a #HubsHubItem
 *
 * Returns: how many of the hub's KPIs have an actual figure (any year); reads the KPIs if
 *   nobody did yet
 */
guint
hubs_hub_item_count_actuals (HubsHubItem *self)
{
  GListModel *kpis;
  guint n = 0;

  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), 0);

  if (self->hub == NULL || (!hubs_live_hub_get_loaded (self->hub) &&
                            !hubs_live_hub_load (self->hub, NULL)))
    return 0;

  kpis = G_LIST_MODEL (self->hub);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(HubsLiveKpi) kpi = g_list_model_get_item (kpis, i);

      if (hubs_live_kpi_get_progress (kpi)->has_actual)
        n++;
    }

  return n;
}

/**
 * hubs_hub_item_has_summary:
 * @self: a #HubsHubItem
 *
 * Returns: %TRUE when the hub's KPIs are read and hubs_hub_item_get_summary() is cheap
 */
gboolean
hubs_hub_item_has_summary (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), FALSE);

  return self->hub == NULL || self->kpi != NULL || hubs_live_hub_get_loaded (self->hub);
}
