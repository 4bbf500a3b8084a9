/* hubs-live-hub.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One hub as every view shows it: its fields, and its KPIs as a #GListModel of #HubsLiveKpi
 * in their order. The KPIs are read from the store the first time a view asks for them (two
 * queries), so a database with many hubs costs only what is looked at; from then on the live
 * model keeps them up to date in place.
 */

#define G_LOG_DOMAIN "hubs-live-hub"

#include "config.h"

#include <string.h>

#include "hubs-live-private.h"

struct _HubsLiveHub
{
  GObject              parent_instance;

  /* Owned */
  HubsHub             *hub;
  GPtrArray           *kpis;
  /* fiscal year → HubsYearState, for the years not being entered for the first time */
  GHashTable          *year_states;

  /* Not owned: the model clears it when it goes away */
  HubsLiveModel       *model;

  /* State */
  HubsProgressSummary  all;
  HubsProgressSummary  pillars[HUBS_N_PILLARS];
  guint                summary_valid : 1;
  guint                loaded : 1;
  guint                deleted : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HubsLiveHub, hubs_live_hub, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME_JA,
  PROP_NAME_EN,
  PROP_CONSORTIUM_JA,
  PROP_CONSORTIUM_EN,
  PROP_TIER,
  PROP_HUB,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  YEAR_STATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return HUBS_TYPE_LIVE_KPI;
}

static guint
get_n_items (GListModel *model)
{
  return HUBS_LIVE_HUB (model)->kpis->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HubsLiveHub *self = HUBS_LIVE_HUB (model);

  if (position >= self->kpis->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->kpis, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
hubs_live_hub_finalize (GObject *object)
{
  HubsLiveHub *self = (HubsLiveHub *)object;

  g_clear_pointer (&self->hub, hubs_hub_free);
  g_clear_pointer (&self->kpis, g_ptr_array_unref);
  g_clear_pointer (&self->year_states, g_hash_table_unref);

  G_OBJECT_CLASS (hubs_live_hub_parent_class)->finalize (object);
}

static void
hubs_live_hub_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HubsLiveHub *self = HUBS_LIVE_HUB (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->hub->id); break;
    case PROP_NAME_JA: g_value_set_string (value, self->hub->name_ja); break;
    case PROP_NAME_EN: g_value_set_string (value, self->hub->name_en); break;
    case PROP_CONSORTIUM_JA: g_value_set_string (value, self->hub->consortium_ja); break;
    case PROP_CONSORTIUM_EN: g_value_set_string (value, self->hub->consortium_en); break;
    case PROP_TIER: g_value_set_uint (value, self->hub->tier); break;
    case PROP_HUB: g_value_set_boxed (value, self->hub); break;
    case PROP_DELETED: g_value_set_boolean (value, self->deleted); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_live_hub_class_init (HubsLiveHubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hubs_live_hub_finalize;
  object_class->get_property = hubs_live_hub_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME_JA] = g_param_spec_string ("name-ja", NULL, NULL, NULL, flags);
  properties[PROP_NAME_EN] = g_param_spec_string ("name-en", NULL, NULL, NULL, flags);
  properties[PROP_CONSORTIUM_JA] =
    g_param_spec_string ("consortium-ja", NULL, NULL, NULL, flags);
  properties[PROP_CONSORTIUM_EN] =
    g_param_spec_string ("consortium-en", NULL, NULL, NULL, flags);
  properties[PROP_TIER] =
    g_param_spec_uint ("tier", NULL, NULL, 0, HUBS_TIER_NEXT_GLOBAL, 0, flags);
  /**
   * HubsLiveHub:hub:
   *
   * All of the hub's fields; notified when any of them changed.
   */
  properties[PROP_HUB] = g_param_spec_boxed ("hub", NULL, NULL, HUBS_TYPE_HUB, flags);
  /**
   * HubsLiveHub:deleted:
   *
   * Set once the hub is no longer in the store (a restore of an older backup).
   */
  properties[PROP_DELETED] = g_param_spec_boolean ("deleted", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HubsLiveHub::changed:
   * @self: a #HubsLiveHub
   *
   * Emitted once after the hub's fields, its list of KPIs, or any of its KPIs changed:
   * what sums up the hub (the sidebar's summary, the overview chart) redraws here.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * HubsLiveHub::year-state-changed:
   * @self: a #HubsLiveHub
   * @fiscal_year: the fiscal year
   *
   * Emitted when a fiscal year of the hub was submitted, accepted, returned or unlocked.
   */
  signals[YEAR_STATE_CHANGED] =
    g_signal_new ("year-state-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
hubs_live_hub_init (HubsLiveHub *self)
{
  self->kpis = g_ptr_array_new_with_free_func (g_object_unref);
  self->year_states = g_hash_table_new_full (NULL, NULL, NULL,
                                             (GDestroyNotify) hubs_year_state_free);
}

/* Takes the state of one of the hub's years as the store now holds it. */
void
_hubs_live_hub_set_year_state (HubsLiveHub         *self,
                               const HubsYearState *state)
{
  const HubsYearState *old = g_hash_table_lookup (self->year_states,
                                                  GINT_TO_POINTER (state->fiscal_year));

  if (old != NULL && old->state == state->state && g_strcmp0 (old->changed_at,
                                                               state->changed_at) == 0)
    return;

  g_hash_table_replace (self->year_states, GINT_TO_POINTER (state->fiscal_year),
                        hubs_year_state_copy (state));
  g_signal_emit (self, signals[YEAR_STATE_CHANGED], 0, state->fiscal_year);
}

/* Takes the states of the hub's years from @states (of any hubs), as the store now holds
 * them: a year no longer there (a restore) is being entered again. */
void
_hubs_live_hub_set_year_states (HubsLiveHub *self,
                                GPtrArray   *states)
{
  g_autoptr(GList) years = g_hash_table_get_keys (self->year_states);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < states->len; i++)
    {
      const HubsYearState *state = g_ptr_array_index (states, i);

      if (g_strcmp0 (state->hub_id, self->hub->id) != 0)
        continue;
      g_hash_table_add (seen, GINT_TO_POINTER (state->fiscal_year));
      _hubs_live_hub_set_year_state (self, state);
    }

  for (GList *l = years; l != NULL; l = l->next)
    if (!g_hash_table_contains (seen, l->data))
      {
        g_hash_table_remove (self->year_states, l->data);
        g_signal_emit (self, signals[YEAR_STATE_CHANGED], 0, GPOINTER_TO_INT (l->data));
      }
}

/**
 * hubs_live_hub_get_year_state:
 * @self: a #HubsLiveHub
 * @fiscal_year: a fiscal year
 *
 * Returns: (transfer none) (nullable): the year's state, or %NULL while it is being entered
 *   for the first time
 */
const HubsYearState *
hubs_live_hub_get_year_state (HubsLiveHub *self,
                              int          fiscal_year)
{
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (self), NULL);

  return g_hash_table_lookup (self->year_states, GINT_TO_POINTER (fiscal_year));
}

/**
 * hubs_live_hub_get_year_state_kind:
 * @self: a #HubsLiveHub
 * @fiscal_year: a fiscal year
 *
 * Returns: where the year is in the cycle
 */
HubsYearStateKind
hubs_live_hub_get_year_state_kind (HubsLiveHub *self,
                                   int          fiscal_year)
{
  const HubsYearState *state = hubs_live_hub_get_year_state (self, fiscal_year);

  return state != NULL ? state->state : HUBS_YEAR_ENTERING;
}

HubsLiveHub *
_hubs_live_hub_new (HubsLiveModel *model,
                    const HubsHub *hub)
{
  HubsLiveHub *self = g_object_new (HUBS_TYPE_LIVE_HUB, NULL);

  self->model = model;
  self->hub = hubs_hub_copy (hub);

  return self;
}

static void
emit_changed (HubsLiveHub *self)
{
  self->summary_valid = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Takes the hub's fields as the store now holds them. */
gboolean
_hubs_live_hub_update (HubsLiveHub   *self,
                       const HubsHub *hub)
{
  g_autoptr(HubsHub) old = self->hub;
  gboolean changed = FALSE;

  self->hub = hubs_hub_copy (hub);

#define NOTIFY_IF(field, prop) \
  if (g_strcmp0 (old->field, hub->field) != 0) \
    { \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
      changed = TRUE; \
    }

  g_object_freeze_notify (G_OBJECT (self));
  NOTIFY_IF (name_ja, PROP_NAME_JA);
  NOTIFY_IF (name_en, PROP_NAME_EN);
  NOTIFY_IF (consortium_ja, PROP_CONSORTIUM_JA);
  NOTIFY_IF (consortium_en, PROP_CONSORTIUM_EN);
  if (old->tier != hub->tier)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));

#undef NOTIFY_IF

  /* The header of a hub page shows every field: any difference is a change. */
  changed = changed || g_strcmp0 (old->slogan_ja, hub->slogan_ja) != 0 ||
            g_strcmp0 (old->slogan_en, hub->slogan_en) != 0 ||
            g_strcmp0 (old->summary_ja, hub->summary_ja) != 0 ||
            g_strcmp0 (old->summary_en, hub->summary_en) != 0 ||
            g_strcmp0 (old->members_ja, hub->members_ja) != 0 ||
            g_strcmp0 (old->members_en, hub->members_en) != 0 ||
            old->members_more != hub->members_more ||
            g_strcmp0 (old->focus_ja, hub->focus_ja) != 0 ||
            g_strcmp0 (old->focus_en, hub->focus_en) != 0 ||
            old->type != hub->type || old->sort_order != hub->sort_order;

  if (changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HUB]);
      emit_changed (self);
    }

  return changed;
}

/**
 * hubs_live_hub_get_loaded:
 * @self: a #HubsLiveHub
 *
 * Returns: %TRUE once the KPIs were read: hubs_live_hub_get_summary() is then cheap
 */
gboolean
hubs_live_hub_get_loaded (HubsLiveHub *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (self), FALSE);

  return self->loaded;
}

static HubsLiveKpi *
find_kpi (GPtrArray  *kpis,
          const char *kpi_id)
{
  for (guint i = 0; i < kpis->len; i++)
    {
      HubsLiveKpi *kpi = g_ptr_array_index (kpis, i);

      if (g_strcmp0 (hubs_live_kpi_get_id (kpi), kpi_id) == 0)
        return kpi;
    }

  return NULL;
}

/* Reads the hub's KPIs and figures again (two queries) and updates the live KPIs in place:
 * those still there keep their objects, new ones are added, gone ones marked deleted. The
 * list model reports a change only where the KPIs or their order differ. */
gboolean
_hubs_live_hub_reload (HubsLiveHub  *self,
                       GError      **error)
{
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GHashTable) figures = NULL;
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) old = NULL;
  HubsStore *store;
  gboolean same_order;
  guint n_old;

  if (self->model == NULL || (store = _hubs_live_model_get_store (self->model)) == NULL)
    return TRUE;

  if (!(kpis = hubs_store_list_kpis (store, self->hub->id, error)) ||
      !(figures = hubs_store_list_hub_figures (store, self->hub->id, error)))
    return FALSE;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      GPtrArray *kpi_figures = g_hash_table_lookup (figures, kpi->id);
      HubsLiveKpi *existing = find_kpi (self->kpis, kpi->id);

      if (existing != NULL)
        {
          gboolean changed = _hubs_live_kpi_update (existing, kpi);

          changed |= _hubs_live_kpi_update_figures (existing, kpi_figures);
          if (changed)
            _hubs_live_kpi_emit_changed (existing);
          g_ptr_array_add (live, g_object_ref (existing));
        }
      else
        {
          HubsLiveKpi *added = _hubs_live_kpi_new (kpi, kpi_figures);

          if (self->model != NULL)
            _hubs_live_model_add_kpi (self->model, added);
          g_ptr_array_add (live, added);
        }
    }

  same_order = live->len == self->kpis->len;
  for (guint i = 0; same_order && i < live->len; i++)
    same_order = live->pdata[i] == self->kpis->pdata[i];

  for (guint i = 0; i < self->kpis->len; i++)
    {
      HubsLiveKpi *kpi = g_ptr_array_index (self->kpis, i);

      if (find_kpi (live, hubs_live_kpi_get_id (kpi)) == NULL)
        {
          if (self->model != NULL)
            _hubs_live_model_remove_kpi (self->model, kpi);
          _hubs_live_kpi_set_deleted (kpi);
        }
    }

  n_old = self->kpis->len;
  old = g_steal_pointer (&self->kpis);
  self->kpis = g_steal_pointer (&live);
  self->loaded = TRUE;

  if (!same_order)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->kpis->len);

  emit_changed (self);

  return TRUE;
}

/* One of the hub's KPIs changed: what sums the hub up follows. */
void
_hubs_live_hub_kpi_changed (HubsLiveHub *self)
{
  emit_changed (self);
}

void
_hubs_live_hub_set_deleted (HubsLiveHub *self)
{
  if (self->deleted)
    return;

  self->deleted = TRUE;
  for (guint i = 0; i < self->kpis->len; i++)
    {
      if (self->model != NULL)
        _hubs_live_model_remove_kpi (self->model, g_ptr_array_index (self->kpis, i));
      _hubs_live_kpi_set_deleted (g_ptr_array_index (self->kpis, i));
    }
  self->model = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

/**
 * hubs_live_hub_get_hub:
 * @self: a #HubsLiveHub
 *
 * Returns: (transfer none): the hub's fields as stored; read them, do not keep them
 */
const HubsHub *
hubs_live_hub_get_hub (HubsLiveHub *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (self), NULL);

  return self->hub;
}

const char *
hubs_live_hub_get_id (HubsLiveHub *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (self), NULL);

  return self->hub->id;
}

/**
 * hubs_live_hub_load:
 * @self: a #HubsLiveHub
 * @error: a location for a #GError
 *
 * Reads the hub's KPIs the first time; does nothing after that, since the live model keeps
 * them up to date.
 *
 * Returns: %TRUE when the KPIs are there to show
 */
gboolean
hubs_live_hub_load (HubsLiveHub  *self,
                    GError      **error)
{
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (self), FALSE);

  if (self->loaded || self->deleted)
    return TRUE;

  return _hubs_live_hub_reload (self, error);
}

/**
 * hubs_live_hub_lookup_kpi:
 * @self: a #HubsLiveHub
 * @kpi_id: a KPI id
 *
 * Returns: (transfer none) (nullable): the live KPI, when the hub is loaded and has it
 */
HubsLiveKpi *
hubs_live_hub_lookup_kpi (HubsLiveHub *self,
                          const char  *kpi_id)
{
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (self), NULL);

  return find_kpi (self->kpis, kpi_id);
}

/**
 * hubs_live_hub_get_summary:
 * @self: a #HubsLiveHub
 * @all: (out caller-allocates) (optional): every KPI of the hub together
 * @pillars: (out caller-allocates) (array fixed-size=4) (optional): each pillar's KPIs
 * @error: a location for a #GError
 *
 * Sums up the progress of the hub's KPIs, loading them first if needed; computed once per
 * change.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_live_hub_get_summary (HubsLiveHub          *self,
                           HubsProgressSummary  *all,
                           HubsProgressSummary  *pillars,
                           GError              **error)
{
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (self), FALSE);

  if (!hubs_live_hub_load (self, error))
    return FALSE;

  if (!self->summary_valid)
    {
      hubs_progress_summary_init (&self->all);
      for (guint p = 0; p < HUBS_N_PILLARS; p++)
        hubs_progress_summary_init (&self->pillars[p]);

      for (guint i = 0; i < self->kpis->len; i++)
        {
          HubsLiveKpi *kpi = g_ptr_array_index (self->kpis, i);
          const HubsProgress *progress = hubs_live_kpi_get_progress (kpi);
          HubsPillar pillar = hubs_live_kpi_get_kpi (kpi)->pillar;

          hubs_progress_summary_add (&self->all, progress);
          if (pillar < HUBS_N_PILLARS)
            hubs_progress_summary_add (&self->pillars[pillar], progress);
        }
      self->summary_valid = TRUE;
    }

  if (all != NULL)
    *all = self->all;
  if (pillars != NULL)
    memcpy (pillars, self->pillars, sizeof self->pillars);

  return TRUE;
}

gboolean
hubs_live_hub_get_deleted (HubsLiveHub *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (self), FALSE);

  return self->deleted;
}
