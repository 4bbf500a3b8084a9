/* hubs-live-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live model: the store's one subscriber, and what every view shows. It holds one
 * #HubsLiveHub per hub (their KPIs read when first looked at) and, through them, one
 * #HubsLiveKpi per KPI. Each change the store commits names exactly what it touched (see
 * #HubsStoreChange); the model applies it to the objects in place, without reading the
 * database again, and the views bound to them follow. Undo, an import, a restore and the
 * user's own typing all travel this one way.
 */

#define G_LOG_DOMAIN "hubs-live-model"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-live-private.h"
#include "hubs-store-watch.h"

struct _HubsLiveModel
{
  GObject     parent_instance;

  /* Owned */
  HubsStore      *store;
  HubsStoreWatch *watch;
  GListStore     *hubs;

  /* Indexes into the above by id (the keys are copies: an object's fields are replaced
   * when the store changes them), not owning the objects */
  GHashTable *hubs_by_id;
  GHashTable *kpis_by_id;
};

G_DEFINE_FINAL_TYPE (HubsLiveModel, hubs_live_model, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hubs_live_model_dispose (GObject *object)
{
  HubsLiveModel *self = (HubsLiveModel *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  /* Hubs a view still holds stop asking a model that is gone. */
  if (self->hubs != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->hubs)); i++)
      {
        g_autoptr(HubsLiveHub) hub = g_list_model_get_item (G_LIST_MODEL (self->hubs), i);

        _hubs_live_hub_set_deleted (hub);
      }

  g_clear_pointer (&self->hubs_by_id, g_hash_table_unref);
  g_clear_pointer (&self->kpis_by_id, g_hash_table_unref);
  g_clear_object (&self->hubs);
  g_clear_object (&self->watch);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hubs_live_model_parent_class)->dispose (object);
}

static void
hubs_live_model_class_init (HubsLiveModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hubs_live_model_dispose;

  /**
   * HubsLiveModel::changed:
   * @self: a #HubsLiveModel
   * @change: (type HubsStoreChange): what the store changed
   *
   * Emitted after the live objects took a change of the store, for what is not bound to
   * one object: a search to run again, actions to enable.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
hubs_live_model_init (HubsLiveModel *self)
{
  self->hubs = g_list_store_new (HUBS_TYPE_LIVE_HUB);
  self->hubs_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->kpis_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Reads the list of hubs again and updates it in place: hubs still there keep their
 * objects, new ones are added, gone ones are marked deleted. */
static gboolean
reload_hubs (HubsLiveModel  *self,
             GError        **error)
{
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *list = G_LIST_MODEL (self->hubs);
  guint n_old = g_list_model_get_n_items (list);
  gboolean same = TRUE;

  if (!(hubs = hubs_store_list_hubs (self->store, error)))
    return FALSE;

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      HubsLiveHub *existing = g_hash_table_lookup (self->hubs_by_id, hub->id);

      if (existing != NULL)
        {
          _hubs_live_hub_update (existing, hub);
          g_ptr_array_add (live, g_object_ref (existing));
        }
      else
        g_ptr_array_add (live, _hubs_live_hub_new (self, hub));
    }

  same = live->len == n_old;
  for (guint i = 0; same && i < live->len; i++)
    {
      g_autoptr(HubsLiveHub) old = g_list_model_get_item (list, i);

      same = old == live->pdata[i];
    }

  for (guint i = 0; i < live->len; i++)
    g_hash_table_insert (by_id, (gpointer) hubs_live_hub_get_id (live->pdata[i]),
                         live->pdata[i]);

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(HubsLiveHub) old = g_list_model_get_item (list, i);

      if (!g_hash_table_contains (by_id, hubs_live_hub_get_id (old)))
        _hubs_live_hub_set_deleted (old);
    }

  g_hash_table_remove_all (self->hubs_by_id);
  for (guint i = 0; i < live->len; i++)
    g_hash_table_insert (self->hubs_by_id, g_strdup (hubs_live_hub_get_id (live->pdata[i])),
                         live->pdata[i]);

  /* The years' states, in one query for all hubs. */
  {
    g_autoptr(GPtrArray) states = hubs_store_list_year_states (self->store, NULL, error);

    if (states == NULL)
      return FALSE;
    for (guint i = 0; i < live->len; i++)
      _hubs_live_hub_set_year_states (live->pdata[i], states);
  }

  if (!same)
    g_list_store_splice (self->hubs, 0, n_old, live->pdata, live->len);

  return TRUE;
}

static void
warn_reload (const char   *what,
             const GError *error)
{
  g_warning ("Cannot read %s again after a change: %s", what, error->message);
}

static void
apply_figure (HubsLiveModel         *self,
              const HubsStoreChange *change)
{
  HubsLiveKpi *kpi = g_hash_table_lookup (self->kpis_by_id, change->kpi_id);
  HubsLiveHub *hub;

  /* Nobody looked at this KPI yet: there is nothing to update. */
  if (kpi == NULL)
    return;

  if (!_hubs_live_kpi_update_figure (kpi, change->fiscal_year, change->figure_kind,
                                     change->figure))
    return;

  _hubs_live_kpi_emit_changed (kpi);
  if ((hub = g_hash_table_lookup (self->hubs_by_id, hubs_live_kpi_get_kpi (kpi)->hub_id)))
    _hubs_live_hub_kpi_changed (hub);
}

static void
apply_kpi (HubsLiveModel         *self,
           const HubsStoreChange *change)
{
  HubsLiveKpi *kpi = g_hash_table_lookup (self->kpis_by_id, change->kpi_id);
  HubsLiveHub *hub;

  if (kpi == NULL || !_hubs_live_kpi_update (kpi, change->kpi))
    return;

  _hubs_live_kpi_emit_changed (kpi);
  if ((hub = g_hash_table_lookup (self->hubs_by_id, change->hub_id)))
    _hubs_live_hub_kpi_changed (hub);
}

static void
apply_kpi_list (HubsLiveModel         *self,
                const HubsStoreChange *change)
{
  HubsLiveHub *hub = g_hash_table_lookup (self->hubs_by_id, change->hub_id);
  g_autoptr(GError) error = NULL;

  if (hub != NULL && hubs_live_hub_get_loaded (hub) && !_hubs_live_hub_reload (hub, &error))
    warn_reload (change->hub_id, error);
}

static void
apply_hub (HubsLiveModel         *self,
           const HubsStoreChange *change)
{
  HubsLiveHub *hub = g_hash_table_lookup (self->hubs_by_id, change->hub_id);
  g_autoptr(GError) error = NULL;

  if (hub != NULL && change->hub != NULL)
    _hubs_live_hub_update (hub, change->hub);
  else if (!reload_hubs (self, &error))
    warn_reload ("the hubs", error);
}

static void
apply_all (HubsLiveModel *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = G_LIST_MODEL (self->hubs);

  if (!reload_hubs (self, &error))
    {
      warn_reload ("the hubs", error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HubsLiveHub) hub = g_list_model_get_item (list, i);

      if (hubs_live_hub_get_loaded (hub) && !_hubs_live_hub_reload (hub, &error))
        {
          warn_reload (hubs_live_hub_get_id (hub), error);
          g_clear_error (&error);
        }
    }
}

static void
on_store_changed (HubsLiveModel         *self,
                  const HubsStoreChange *change)
{
  switch (change->kind)
    {
    case HUBS_STORE_CHANGE_FIGURE:
      apply_figure (self, change);
      break;

    case HUBS_STORE_CHANGE_KPI:
      apply_kpi (self, change);
      break;

    case HUBS_STORE_CHANGE_KPI_LIST:
      apply_kpi_list (self, change);
      break;

    case HUBS_STORE_CHANGE_HUB:
      apply_hub (self, change);
      break;

    case HUBS_STORE_CHANGE_YEAR_STATE:
      {
        HubsLiveHub *hub = g_hash_table_lookup (self->hubs_by_id, change->hub_id);

        if (hub != NULL && change->year_state != NULL)
          _hubs_live_hub_set_year_state (hub, change->year_state);
      }
      break;

    case HUBS_STORE_CHANGE_EXPLANATION:
      {
        HubsLiveKpi *kpi = g_hash_table_lookup (self->kpis_by_id, change->kpi_id);

        if (kpi != NULL && change->explanation != NULL)
          _hubs_live_kpi_set_explanation (kpi, change->explanation);
      }
      break;

    case HUBS_STORE_CHANGE_ALL:
    default:
      apply_all (self);
      break;
    }

  g_signal_emit (self, signals[CHANGED], 0, change);
}

/**
 * hubs_live_model_new:
 * @store: the store to follow
 * @error: a location for a #GError
 *
 * Reads the list of hubs (one query), subscribes to the store, and watches its file for
 * what other programs write to it (see #HubsStoreWatch).
 *
 * Returns: (transfer full): the live model, or %NULL when the hubs cannot be read
 */
HubsLiveModel *
hubs_live_model_new (HubsStore  *store,
                     GError    **error)
{
  g_autoptr(HubsLiveModel) self = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  self = g_object_new (HUBS_TYPE_LIVE_MODEL, NULL);
  self->store = g_object_ref (store);

  if (!reload_hubs (self, error))
    return NULL;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  /* What another program writes to the file reaches the model the same way. */
  self->watch = hubs_store_watch_new (store);

  return g_steal_pointer (&self);
}

HubsStore *
_hubs_live_model_get_store (HubsLiveModel *self)
{
  return self->store;
}

void
_hubs_live_model_add_kpi (HubsLiveModel *self,
                          HubsLiveKpi   *kpi)
{
  g_hash_table_insert (self->kpis_by_id, g_strdup (hubs_live_kpi_get_id (kpi)), kpi);
}

void
_hubs_live_model_remove_kpi (HubsLiveModel *self,
                             HubsLiveKpi   *kpi)
{
  if (self->kpis_by_id != NULL &&
      g_hash_table_lookup (self->kpis_by_id, hubs_live_kpi_get_id (kpi)) == kpi)
    g_hash_table_remove (self->kpis_by_id, hubs_live_kpi_get_id (kpi));
}

/**
 * hubs_live_model_get_store:
 * @self: a #HubsLiveModel
 *
 * Returns: (transfer none): the store changes are written to
 */
HubsStore *
hubs_live_model_get_store (HubsLiveModel *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (self), NULL);

  return self->store;
}

/**
 * hubs_live_model_get_hubs:
 * @self: a #HubsLiveModel
 *
 * Returns: (transfer none): a #GListModel of every #HubsLiveHub, in the store's order
 */
GListModel *
hubs_live_model_get_hubs (HubsLiveModel *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (self), NULL);

  return G_LIST_MODEL (self->hubs);
}

/**
 * hubs_live_model_lookup_hub:
 * @self: a #HubsLiveModel
 * @hub_id: a hub id
 *
 * Returns: (transfer none) (nullable): the live hub, %NULL when there is no such hub
 */
HubsLiveHub *
hubs_live_model_lookup_hub (HubsLiveModel *self,
                            const char    *hub_id)
{
  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (self), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  return g_hash_table_lookup (self->hubs_by_id, hub_id);
}

/**
 * hubs_live_model_lookup_kpi:
 * @self: a #HubsLiveModel
 * @kpi_id: a KPI id
 * @error: a location for a #GError
 *
 * Finds the live KPI, loading its hub first when nobody looked at it yet.
 *
 * Returns: (transfer none): the live KPI, or %NULL with %HUBS_STORE_ERROR_NOT_FOUND
 */
HubsLiveKpi *
hubs_live_model_lookup_kpi (HubsLiveModel  *self,
                            const char     *kpi_id,
                            GError        **error)
{
  g_autoptr(HubsKpi) kpi = NULL;
  HubsLiveKpi *live;
  HubsLiveHub *hub;

  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if ((live = g_hash_table_lookup (self->kpis_by_id, kpi_id)) != NULL)
    return live;

  if (!(kpi = hubs_store_get_kpi (self->store, kpi_id, error)))
    return NULL;

  if (!(hub = g_hash_table_lookup (self->hubs_by_id, kpi->hub_id)))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                   _("There is no hub “%s” in the database."), kpi->hub_id);
      return NULL;
    }

  if (!hubs_live_hub_load (hub, error))
    return NULL;

  if (!(live = hubs_live_hub_lookup_kpi (hub, kpi_id)))
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                 _("There is no KPI “%s” in the database."), kpi_id);

  return live;
}
