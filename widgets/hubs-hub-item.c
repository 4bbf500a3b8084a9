/* hubs-hub-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the sidebar's list model: a hub city, or the heading of a tier. A hub's
 * progress summary is computed when a row first shows it, so a database with many hubs
 * opens as fast as one with a few.
 */

#define G_LOG_DOMAIN "hubs-hub-item"

#include "config.h"

#include "hubs-hub-item.h"
#include "hubs-hub-summary.h"

struct _HubsHubItem
{
  GObject              parent_instance;

  /* Owned */
  HubsHub             *hub;

  /* State */
  HubsTier             tier;
  HubsProgressSummary  summary;
  guint                summary_valid : 1;
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

  g_clear_pointer (&self->hub, hubs_hub_free);

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
   * Emitted when the hub's progress may have changed and rows showing it should update.
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

/**
 * hubs_hub_item_new:
 * @hub: a hub
 *
 * Returns: (transfer full): an item for @hub
 */
HubsHubItem *
hubs_hub_item_new (const HubsHub *hub)
{
  HubsHubItem *self;

  g_return_val_if_fail (hub != NULL, NULL);

  self = g_object_new (HUBS_TYPE_HUB_ITEM, NULL);
  self->hub = hubs_hub_copy (hub);
  self->tier = hub->tier;

  return self;
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
 * hubs_hub_item_get_hub:
 * @self: a #HubsHubItem
 *
 * Returns: (nullable): the hub, or %NULL for a heading
 */
const HubsHub *
hubs_hub_item_get_hub (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), NULL);

  return self->hub;
}

/**
 * hubs_hub_item_get_id:
 * @self: a #HubsHubItem
 *
 * Returns: (nullable): the hub's id, or %NULL for a heading
 */
const char *
hubs_hub_item_get_id (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), NULL);

  return self->hub ? self->hub->id : NULL;
}

/**
 * hubs_hub_item_get_summary:
 * @self: a #HubsHubItem
 * @store: the store to read the hub's KPIs from
 *
 * Returns: how the hub's KPIs stand, computed once until hubs_hub_item_invalidate()
 */
const HubsProgressSummary *
hubs_hub_item_get_summary (HubsHubItem *self,
                           HubsStore   *store)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), NULL);
  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  if (self->summary_valid || self->hub == NULL)
    return &self->summary;

  if (!hubs_hub_summary_compute (store, self->hub->id, &self->summary, NULL, &error))
    {
      g_warning ("Cannot sum up the progress of %s: %s", self->hub->id, error->message);
      return &self->summary;
    }

  self->summary_valid = TRUE;

  return &self->summary;
}

/**
 * hubs_hub_item_has_summary:
 * @self: a #HubsHubItem
 *
 * Returns: %TRUE when the summary is computed and hubs_hub_item_get_summary() is cheap
 */
gboolean
hubs_hub_item_has_summary (HubsHubItem *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_ITEM (self), FALSE);

  return self->summary_valid || self->hub == NULL;
}

/**
 * hubs_hub_item_invalidate:
 * @self: a #HubsHubItem
 *
 * Forgets the summary, so the next call to hubs_hub_item_get_summary() reads the store again,
 * and emits #HubsHubItem::changed.
 */
void
hubs_hub_item_invalidate (HubsHubItem *self)
{
  g_return_if_fail (HUBS_IS_HUB_ITEM (self));

  self->summary_valid = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}
