/* hubs-live-kpi.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One KPI as every view shows it: its fields as properties and its figures as a list of
 * HubsLiveFigure, kept up to date in place by the live model (hubs-live-model.c), the store's
 * one subscriber. The figure rows, the KPI editor's fields, its chart, the hub page's row and
 * the sidebar's summary all bind to this object, the way GNOME Text Editor's views bind to
 * its EditorDocument, and none keeps a copy.
 */

#define G_LOG_DOMAIN "hubs-live-kpi"

#include "config.h"

#include "hubs-i18n.h"
#include "hubs-live-private.h"

struct _HubsLiveKpi
{
  GObject       parent_instance;

  /* Owned */
  HubsKpi      *kpi;
  GListStore   *figures;

  /* State */
  HubsProgress  progress;
  guint         progress_valid : 1;
  guint         deleted : 1;
};

G_DEFINE_FINAL_TYPE (HubsLiveKpi, hubs_live_kpi, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_HUB_ID,
  PROP_PARENT_ID,
  PROP_NAME_JA,
  PROP_NAME_EN,
  PROP_PILLAR,
  PROP_UNIT,
  PROP_UNIT_EN_ONE,
  PROP_UNIT_EN,
  PROP_AGGREGATION,
  PROP_DIRECTION,
  PROP_QUALIFIER,
  PROP_NOTE_JA,
  PROP_NOTE_EN,
  PROP_SORT_ORDER,
  PROP_PER_YEAR,
  PROP_PATH_FROM_ZERO,
  PROP_STATUS,
  PROP_DELETED,
  PROP_FIGURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  EXPLANATION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hubs_live_kpi_finalize (GObject *object)
{
  HubsLiveKpi *self = (HubsLiveKpi *)object;

  g_clear_pointer (&self->kpi, hubs_kpi_free);
  g_clear_object (&self->figures);

  G_OBJECT_CLASS (hubs_live_kpi_parent_class)->finalize (object);
}

static void
hubs_live_kpi_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HubsLiveKpi *self = HUBS_LIVE_KPI (object);
  const HubsKpi *k = self->kpi;

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, k->id); break;
    case PROP_HUB_ID: g_value_set_string (value, k->hub_id); break;
    case PROP_PARENT_ID: g_value_set_string (value, k->parent_id); break;
    case PROP_NAME_JA: g_value_set_string (value, k->name_ja); break;
    case PROP_NAME_EN: g_value_set_string (value, k->name_en); break;
    case PROP_PILLAR: g_value_set_uint (value, k->pillar); break;
    case PROP_UNIT: g_value_set_string (value, k->unit); break;
    case PROP_UNIT_EN_ONE: g_value_set_string (value, k->unit_en_one); break;
    case PROP_UNIT_EN: g_value_set_string (value, k->unit_en); break;
    case PROP_AGGREGATION: g_value_set_uint (value, k->aggregation); break;
    case PROP_DIRECTION: g_value_set_uint (value, k->direction); break;
    case PROP_QUALIFIER: g_value_set_uint (value, k->qualifier); break;
    case PROP_NOTE_JA: g_value_set_string (value, k->note_ja); break;
    case PROP_NOTE_EN: g_value_set_string (value, k->note_en); break;
    case PROP_SORT_ORDER: g_value_set_int (value, k->sort_order); break;
    case PROP_PER_YEAR: g_value_set_boolean (value, k->per_year); break;
    case PROP_PATH_FROM_ZERO: g_value_set_boolean (value, k->path_from_zero); break;
    case PROP_STATUS: g_value_set_uint (value, hubs_live_kpi_get_progress (self)->status); break;
    case PROP_DELETED: g_value_set_boolean (value, self->deleted); break;
    case PROP_FIGURES: g_value_set_object (value, self->figures); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_live_kpi_class_init (HubsLiveKpiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hubs_live_kpi_finalize;
  object_class->get_property = hubs_live_kpi_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_HUB_ID] = g_param_spec_string ("hub-id", NULL, NULL, NULL, flags);
  properties[PROP_PARENT_ID] = g_param_spec_string ("parent-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME_JA] = g_param_spec_string ("name-ja", NULL, NULL, NULL, flags);
  properties[PROP_NAME_EN] = g_param_spec_string ("name-en", NULL, NULL, NULL, flags);
  properties[PROP_PILLAR] =
    g_param_spec_uint ("pillar", NULL, NULL, 0, HUBS_N_PILLARS - 1, 0, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_EN_ONE] = g_param_spec_string ("unit-en-one", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_EN] = g_param_spec_string ("unit-en", NULL, NULL, NULL, flags);
  properties[PROP_AGGREGATION] =
    g_param_spec_uint ("aggregation", NULL, NULL, 0, HUBS_AGGREGATION_CUMULATIVE, 0, flags);
  properties[PROP_DIRECTION] =
    g_param_spec_uint ("direction", NULL, NULL, 0, HUBS_DIRECTION_LOWER, 0, flags);
  properties[PROP_QUALIFIER] =
    g_param_spec_uint ("qualifier", NULL, NULL, 0, HUBS_QUALIFIER_AT_MOST, 0, flags);
  properties[PROP_NOTE_JA] = g_param_spec_string ("note-ja", NULL, NULL, NULL, flags);
  properties[PROP_NOTE_EN] = g_param_spec_string ("note-en", NULL, NULL, NULL, flags);
  properties[PROP_SORT_ORDER] =
    g_param_spec_int ("sort-order", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_PER_YEAR] = g_param_spec_boolean ("per-year", NULL, NULL, FALSE, flags);
  properties[PROP_PATH_FROM_ZERO] =
    g_param_spec_boolean ("path-from-zero", NULL, NULL, FALSE, flags);
  /**
   * HubsLiveKpi:status:
   *
   * The #HubsStatus of the latest actual, as hubs_progress_compute() finds it.
   */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, HUBS_N_STATUSES - 1, 0, flags);
  /**
   * HubsLiveKpi:deleted:
   *
   * Set once the KPI is no longer in the store (deleted, or gone with a restore); views
   * showing it close or go back.
   */
  properties[PROP_DELETED] = g_param_spec_boolean ("deleted", NULL, NULL, FALSE, flags);
  /**
   * HubsLiveKpi:figures:
   *
   * A #GListModel of #HubsLiveFigure: the fiscal years and kinds the plan has fields for,
   * and any other the store holds, whether or not a figure is stored there.
   */
  properties[PROP_FIGURES] = g_param_spec_object ("figures", NULL, NULL, G_TYPE_LIST_MODEL,
                                                  flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HubsLiveKpi::changed:
   * @self: a #HubsLiveKpi
   *
   * Emitted once after the KPI's fields or figures changed in the store, after the
   * property notifications: what draws from several of them (a chart, a summary line)
   * redraws here.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * HubsLiveKpi::explanation-changed:
   * @self: a #HubsLiveKpi
   * @explanation: the KPI's explanation for a fiscal year, as now stored
   *
   * Emitted when why the KPI is not on track in a year, or what will be done, changed.
   */
  signals[EXPLANATION_CHANGED] =
    g_signal_new ("explanation-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

void
_hubs_live_kpi_set_explanation (HubsLiveKpi           *self,
                                const HubsExplanation *explanation)
{
  g_signal_emit (self, signals[EXPLANATION_CHANGED], 0, explanation);
}

static void
hubs_live_kpi_init (HubsLiveKpi *self)
{
  self->figures = g_list_store_new (HUBS_TYPE_LIVE_FIGURE);
}

/* Baseline first, then targets, then actuals, each by fiscal year. */
static int
compare_slots (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  HubsLiveFigure *fa = (HubsLiveFigure *) a;
  HubsLiveFigure *fb = (HubsLiveFigure *) b;
  int ka = hubs_live_figure_get_kind (fa);
  int kb = hubs_live_figure_get_kind (fb);

  if (ka != kb)
    return ka - kb;

  return hubs_live_figure_get_fiscal_year (fa) - hubs_live_figure_get_fiscal_year (fb);
}

static HubsLiveFigure *
find_slot (HubsLiveKpi    *self,
           int             fiscal_year,
           HubsFigureKind  kind)
{
  GListModel *model = G_LIST_MODEL (self->figures);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HubsLiveFigure) slot = g_list_model_get_item (model, i);

      if (hubs_live_figure_get_fiscal_year (slot) == fiscal_year &&
          hubs_live_figure_get_kind (slot) == kind)
        return slot;
    }

  return NULL;
}

static HubsLiveFigure *
add_slot (HubsLiveKpi      *self,
          int               fiscal_year,
          HubsFigureKind    kind,
          const HubsFigure *figure)
{
  g_autoptr(HubsLiveFigure) slot = _hubs_live_figure_new (self->kpi->id, fiscal_year, kind,
                                                          figure);

  g_list_store_insert_sorted (self->figures, slot, compare_slots, NULL);

  return slot;
}

HubsLiveKpi *
_hubs_live_kpi_new (const HubsKpi *kpi,
                    GPtrArray     *figures)
{
  HubsLiveKpi *self = g_object_new (HUBS_TYPE_LIVE_KPI, NULL);

  self->kpi = hubs_kpi_copy (kpi);

  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      add_slot (self, figure->fiscal_year, figure->kind, figure);
    }

  /* The fields of the plan, with or without a figure yet. */
  hubs_live_kpi_lookup_figure (self, hubs_live_kpi_get_baseline_year (self),
                               HUBS_FIGURE_BASELINE);
  hubs_live_kpi_lookup_figure (self, HUBS_MIDTERM_FISCAL_YEAR, HUBS_FIGURE_TARGET);
  hubs_live_kpi_lookup_figure (self, HUBS_LAST_FISCAL_YEAR, HUBS_FIGURE_TARGET);
  for (int year = HUBS_FIRST_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year++)
    hubs_live_kpi_lookup_figure (self, year, HUBS_FIGURE_ACTUAL);

  return self;
}

#define NOTIFY_IF(cond, prop) \
  G_STMT_START { \
    if (cond) \
      { \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
        changed = TRUE; \
      } \
  } G_STMT_END

/* Takes the KPI's fields as the store now holds them; notifies each that differs. */
gboolean
_hubs_live_kpi_update (HubsLiveKpi   *self,
                       const HubsKpi *kpi)
{
  g_autoptr(HubsKpi) old = self->kpi;
  gboolean changed = FALSE;

  self->kpi = hubs_kpi_copy (kpi);
  self->progress_valid = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  NOTIFY_IF (g_strcmp0 (old->hub_id, kpi->hub_id) != 0, PROP_HUB_ID);
  NOTIFY_IF (g_strcmp0 (old->parent_id, kpi->parent_id) != 0, PROP_PARENT_ID);
  NOTIFY_IF (g_strcmp0 (old->name_ja, kpi->name_ja) != 0, PROP_NAME_JA);
  NOTIFY_IF (g_strcmp0 (old->name_en, kpi->name_en) != 0, PROP_NAME_EN);
  NOTIFY_IF (old->pillar != kpi->pillar, PROP_PILLAR);
  NOTIFY_IF (g_strcmp0 (old->unit, kpi->unit) != 0, PROP_UNIT);
  NOTIFY_IF (g_strcmp0 (old->unit_en_one, kpi->unit_en_one) != 0, PROP_UNIT_EN_ONE);
  NOTIFY_IF (g_strcmp0 (old->unit_en, kpi->unit_en) != 0, PROP_UNIT_EN);
  NOTIFY_IF (old->aggregation != kpi->aggregation, PROP_AGGREGATION);
  NOTIFY_IF (old->direction != kpi->direction, PROP_DIRECTION);
  NOTIFY_IF (old->qualifier != kpi->qualifier, PROP_QUALIFIER);
  NOTIFY_IF (g_strcmp0 (old->note_ja, kpi->note_ja) != 0, PROP_NOTE_JA);
  NOTIFY_IF (g_strcmp0 (old->note_en, kpi->note_en) != 0, PROP_NOTE_EN);
  NOTIFY_IF (old->sort_order != kpi->sort_order, PROP_SORT_ORDER);
  NOTIFY_IF (old->per_year != kpi->per_year, PROP_PER_YEAR);
  NOTIFY_IF (old->path_from_zero != kpi->path_from_zero, PROP_PATH_FROM_ZERO);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

#undef NOTIFY_IF

/* Takes one figure as the store now holds it (%NULL: removed). */
gboolean
_hubs_live_kpi_update_figure (HubsLiveKpi      *self,
                              int               fiscal_year,
                              HubsFigureKind    kind,
                              const HubsFigure *figure)
{
  HubsLiveFigure *slot = find_slot (self, fiscal_year, kind);

  if (slot == NULL)
    {
      if (figure == NULL)
        return FALSE;
      add_slot (self, fiscal_year, kind, figure);
    }
  else if (!_hubs_live_figure_set (slot, figure))
    return FALSE;

  self->progress_valid = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);

  return TRUE;
}

/* Takes all of the KPI's figures as the store now holds them. */
gboolean
_hubs_live_kpi_update_figures (HubsLiveKpi *self,
                               GPtrArray   *figures)
{
  GListModel *model = G_LIST_MODEL (self->figures);
  gboolean changed = FALSE;

  /* Slots the store no longer holds a figure for become empty... */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubsLiveFigure) slot = g_list_model_get_item (model, i);
      const HubsFigure *stored = NULL;

      for (guint j = 0; figures != NULL && j < figures->len && stored == NULL; j++)
        {
          const HubsFigure *figure = g_ptr_array_index (figures, j);

          if (figure->fiscal_year == hubs_live_figure_get_fiscal_year (slot) &&
              figure->kind == hubs_live_figure_get_kind (slot))
            stored = figure;
        }

      if (stored == NULL)
        changed |= _hubs_live_figure_set (slot, NULL);
    }

  /* ...and the others take what is stored. */
  for (guint j = 0; figures != NULL && j < figures->len; j++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, j);

      changed |= _hubs_live_kpi_update_figure (self, figure->fiscal_year, figure->kind, figure);
    }

  if (changed)
    {
      self->progress_valid = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  return changed;
}

void
_hubs_live_kpi_emit_changed (HubsLiveKpi *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_hubs_live_kpi_set_deleted (HubsLiveKpi *self)
{
  if (self->deleted)
    return;

  self->deleted = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

/**
 * hubs_live_kpi_get_kpi:
 * @self: a #HubsLiveKpi
 *
 * Returns: (transfer none): the KPI's fields as stored; read them, do not keep them
 */
const HubsKpi *
hubs_live_kpi_get_kpi (HubsLiveKpi *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), NULL);

  return self->kpi;
}

const char *
hubs_live_kpi_get_id (HubsLiveKpi *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), NULL);

  return self->kpi->id;
}

/**
 * hubs_live_kpi_get_name:
 * @self: a #HubsLiveKpi
 *
 * Returns: the KPI's name in the language of the data
 */
const char *
hubs_live_kpi_get_name (HubsLiveKpi *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), NULL);

  return hubs_i18n_pick (self->kpi->name_ja, self->kpi->name_en);
}

/**
 * hubs_live_kpi_get_figures:
 * @self: a #HubsLiveKpi
 *
 * Returns: (transfer none): the #HubsLiveFigure list, see #HubsLiveKpi:figures
 */
GListModel *
hubs_live_kpi_get_figures (HubsLiveKpi *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), NULL);

  return G_LIST_MODEL (self->figures);
}

/**
 * hubs_live_kpi_lookup_figure:
 * @self: a #HubsLiveKpi
 * @fiscal_year: a fiscal year
 * @kind: baseline, target or actual
 *
 * Returns: (transfer none): the live figure of that year and kind, empty when nothing is
 *   stored there yet
 */
HubsLiveFigure *
hubs_live_kpi_lookup_figure (HubsLiveKpi    *self,
                             int             fiscal_year,
                             HubsFigureKind  kind)
{
  HubsLiveFigure *slot;

  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), NULL);

  if ((slot = find_slot (self, fiscal_year, kind)) != NULL)
    return slot;

  return add_slot (self, fiscal_year, kind, NULL);
}

/**
 * hubs_live_kpi_get_figure:
 * @self: a #HubsLiveKpi
 * @fiscal_year: a fiscal year
 * @kind: baseline, target or actual
 *
 * Returns: (transfer none) (nullable): the stored figure, %NULL when there is none
 */
const HubsFigure *
hubs_live_kpi_get_figure (HubsLiveKpi    *self,
                          int             fiscal_year,
                          HubsFigureKind  kind)
{
  HubsLiveFigure *slot;

  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), NULL);

  slot = find_slot (self, fiscal_year, kind);

  return slot ? hubs_live_figure_get_figure (slot) : NULL;
}

/**
 * hubs_live_kpi_collect_figures:
 * @self: a #HubsLiveKpi
 *
 * Returns: (transfer container) (element-type HubsFigure): the stored figures, pointing
 *   into the live figures (valid until the next change), for the progress rules and charts
 */
GPtrArray *
hubs_live_kpi_collect_figures (HubsLiveKpi *self)
{
  GListModel *model;
  GPtrArray *figures;
  guint n;

  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), NULL);

  model = G_LIST_MODEL (self->figures);
  n = g_list_model_get_n_items (model);
  figures = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HubsLiveFigure) slot = g_list_model_get_item (model, i);
      const HubsFigure *figure = hubs_live_figure_get_figure (slot);

      if (figure != NULL)
        g_ptr_array_add (figures, (gpointer) figure);
    }

  return figures;
}

/**
 * hubs_live_kpi_get_baseline_year:
 * @self: a #HubsLiveKpi
 *
 * Returns: the fiscal year of the stored baseline, or the plan's usual one (FY2024)
 */
int
hubs_live_kpi_get_baseline_year (HubsLiveKpi *self)
{
  GListModel *model;

  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), HUBS_BASELINE_FISCAL_YEAR);

  model = G_LIST_MODEL (self->figures);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubsLiveFigure) slot = g_list_model_get_item (model, i);

      if (hubs_live_figure_get_kind (slot) == HUBS_FIGURE_BASELINE &&
          hubs_live_figure_get_present (slot))
        return hubs_live_figure_get_fiscal_year (slot);
    }

  return HUBS_BASELINE_FISCAL_YEAR;
}

/**
 * hubs_live_kpi_get_progress:
 * @self: a #HubsLiveKpi
 *
 * Returns: (transfer none): where the KPI stands, computed once per change
 */
const HubsProgress *
hubs_live_kpi_get_progress (HubsLiveKpi *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), NULL);

  if (!self->progress_valid)
    {
      g_autoptr(GPtrArray) figures = hubs_live_kpi_collect_figures (self);

      hubs_progress_compute (&self->progress, self->kpi, figures);
      self->progress_valid = TRUE;
    }

  return &self->progress;
}

/**
 * hubs_live_kpi_get_deleted:
 * @self: a #HubsLiveKpi
 *
 * Returns: %TRUE once the KPI is no longer in the store
 */
gboolean
hubs_live_kpi_get_deleted (HubsLiveKpi *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_KPI (self), FALSE);

  return self->deleted;
}
