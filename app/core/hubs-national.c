/* hubs-national.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All hubs at once, for the national view and the report's national summary: where each KPI
 * of each hub stands, how many of a hub's KPIs are on track, and the national totals of the
 * indicators that several hubs count.
 *
 * Which KPIs count the same indicator is never guessed from their names: the plan file gives
 * each such KPI a key (indicator=, stored in kpi.indicator). A total then adds up only the
 * hubs that also measure it alike: in the same unit, and the same way. A level at a year's end
 * (a stock, or a running total from before the plan) is not added to a single year's count,
 * and neither is added to a count that starts in April 2025; the unit or way most hubs use
 * decides, and the hubs left out are named with the reason. A hub with no figure for a column
 * is named too, so a total always says how many hubs it covers.
 */

#define G_LOG_DOMAIN "hubs-national"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hubs-i18n.h"
#include "hubs-national.h"
#include "hubs-store-indicator.h"

/* How a KPI counts its indicator. */
typedef enum
{
  BASIS_LEVEL,
  BASIS_SINGLE_YEAR,
  BASIS_FROM_APRIL_2025,
} Basis;

#define N_ACTUAL_YEARS (HUBS_LAST_FISCAL_YEAR - HUBS_FIRST_FISCAL_YEAR + 1)

typedef struct
{
  guint    present : 1;
  guint    measured : 1;
  double   value;
  int      fiscal_year;
  char    *unit;        /* as published, where it differs from the KPI's */
} Value;

/* A KPI that counts an indicator, with the figures a total may add. */
typedef struct
{
  char    *key;
  guint    hub_index;
  HubsKpi *kpi;
  Basis    basis;
  Value    baseline;
  Value    targets[2];
  Value    actuals[N_ACTUAL_YEARS];
} Member;

typedef struct
{
  HubsNational  public;
  GPtrArray    *members;
} HubsNationalReal;

static const struct
{
  const char *key;
  const char *label;
} indicator_labels[] = {
  /* Translators: the names of the indicators several hubs count, in the national totals */
  { "startups", N_("Startups") },
  { "funding-amount", N_("Funding raised by startups") },
  { "university-startups", N_("University-born startups") },
  { "public-procurement", N_("Public procurement from startups") },
  { "exits", N_("Exits (IPO and M&A)") },
  { "entrepreneurship-trainees", N_("Entrepreneurship education participants") },
  { "valuation-10bn-yen", N_("Startups valued at ¥10 billion or more") },
  { "foreign-startups", N_("Overseas startups brought in") },
};

/**
 * hubs_indicator_key_is_valid:
 * @key: a key of the plan file's indicator=
 *
 * Returns: %TRUE when @key is lowercase ASCII letters, digits and dashes, as `startups`
 */
gboolean
hubs_indicator_key_is_valid (const char *key)
{
  if (key == NULL || *key == '\0' || *key == '-')
    return FALSE;

  for (const char *c = key; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
      return FALSE;

  return TRUE;
}

/**
 * hubs_national_indicator_get_label:
 * @key: an indicator's key
 * @lang: the language
 *
 * Returns: (transfer none): the indicator's name, or @key itself for a key Hubs does not know
 */
const char *
hubs_national_indicator_get_label (const char   *key,
                                   HubsLanguage  lang)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (indicator_labels); i++)
    if (g_str_equal (indicator_labels[i].key, key))
      return hubs_i18n_gettext (lang, indicator_labels[i].label);

  return key;
}

static void
omission_free (HubsNationalOmission *omission)
{
  hubs_hub_free (omission->hub);
  g_free (omission->kpi_id);
  g_free (omission->unit);
  g_free (omission);
}

static void
member_free (Member *member)
{
  g_free (member->key);
  hubs_kpi_free (member->kpi);
  g_free (member->baseline.unit);
  for (guint i = 0; i < G_N_ELEMENTS (member->targets); i++)
    g_free (member->targets[i].unit);
  for (guint i = 0; i < G_N_ELEMENTS (member->actuals); i++)
    g_free (member->actuals[i].unit);
  g_free (member);
}

static void
total_free (HubsNationalTotal *total)
{
  g_free (total->key);
  g_clear_pointer (&total->kpi, hubs_kpi_free);
  g_ptr_array_unref (total->different);
  for (guint c = 0; c < HUBS_NATIONAL_N_COLUMNS; c++)
    g_ptr_array_unref (total->sums[c].left_out);
  g_free (total);
}

static void
cell_free (HubsNationalCell *cell)
{
  hubs_kpi_free (cell->kpi);
  g_free (cell);
}

static void
national_hub_free (HubsNationalHub *hub)
{
  hubs_hub_free (hub->hub);
  for (guint p = 0; p < HUBS_N_PILLARS; p++)
    g_ptr_array_unref (hub->pillars[p]);
  g_free (hub);
}

/**
 * hubs_national_new:
 *
 * An empty national view, to fill with hubs_national_add_hub() and hubs_national_add_kpi()
 * and finish with hubs_national_compute_totals().
 *
 * Returns: (transfer full): a new #HubsNational
 */
HubsNational *
hubs_national_new (void)
{
  HubsNationalReal *self = g_new0 (HubsNationalReal, 1);

  self->public.fiscal_year = HUBS_FIRST_FISCAL_YEAR;
  self->public.hubs = g_ptr_array_new_with_free_func ((GDestroyNotify) national_hub_free);
  self->public.totals = g_ptr_array_new_with_free_func ((GDestroyNotify) total_free);
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);

  return &self->public;
}

void
hubs_national_free (HubsNational *self)
{
  HubsNationalReal *real = (HubsNationalReal *) self;

  if (self == NULL)
    return;

  g_ptr_array_unref (self->hubs);
  g_ptr_array_unref (self->totals);
  g_ptr_array_unref (real->members);
  g_free (real);
}

/**
 * hubs_national_add_hub:
 * @self: a #HubsNational
 * @hub: the next hub
 *
 * Adds a hub; the KPIs added next are its own.
 */
void
hubs_national_add_hub (HubsNational  *self,
                       const HubsHub *hub)
{
  HubsNationalHub *nh;

  g_return_if_fail (self != NULL);
  g_return_if_fail (hub != NULL);

  nh = g_new0 (HubsNationalHub, 1);
  nh->hub = hubs_hub_copy (hub);
  hubs_progress_summary_init (&nh->all);
  for (guint p = 0; p < HUBS_N_PILLARS; p++)
    nh->pillars[p] = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  g_ptr_array_add (self->hubs, nh);
}

static void
set_value (Value            *value,
           const HubsFigure *figure)
{
  value->present = TRUE;
  value->measured = figure->measured;
  value->value = figure->value;
  value->fiscal_year = figure->fiscal_year;
  /* "" means the plan prints the number without a unit: it is still in the KPI's. */
  if (figure->unit != NULL && *figure->unit != '\0')
    value->unit = g_strdup (figure->unit);
}

/**
 * hubs_national_add_kpi:
 * @self: a #HubsNational
 * @kpi: a KPI of the hub added last
 * @figures: (element-type HubsFigure): its figures
 * @progress: where it stands
 * @indicator: (nullable): the common indicator it counts
 *
 * Adds a KPI to the last hub added.
 */
void
hubs_national_add_kpi (HubsNational       *self,
                       const HubsKpi      *kpi,
                       GPtrArray          *figures,
                       const HubsProgress *progress,
                       const char         *indicator)
{
  HubsNationalReal *real = (HubsNationalReal *) self;
  HubsNationalHub *nh;
  HubsNationalCell *cell;
  Member *member;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->hubs->len > 0);
  g_return_if_fail (kpi != NULL);
  g_return_if_fail (figures != NULL);
  g_return_if_fail (progress != NULL);

  nh = g_ptr_array_index (self->hubs, self->hubs->len - 1);
  hubs_progress_summary_add (&nh->all, progress);
  cell = g_new0 (HubsNationalCell, 1);
  cell->kpi = hubs_kpi_copy (kpi);
  cell->status = progress->status;
  cell->has_actual = progress->has_actual;
  g_ptr_array_add (nh->pillars[kpi->pillar < HUBS_N_PILLARS ? kpi->pillar : 0], cell);

  if (indicator == NULL || *indicator == '\0')
    return;

  member = g_new0 (Member, 1);
  member->key = g_strdup (indicator);
  member->hub_index = self->hubs->len - 1;
  member->kpi = hubs_kpi_copy (kpi);
  if (kpi->path_from_zero)
    member->basis = BASIS_FROM_APRIL_2025;
  else if (kpi->aggregation == HUBS_AGGREGATION_FLOW || kpi->per_year)
    member->basis = BASIS_SINGLE_YEAR;
  else
    member->basis = BASIS_LEVEL;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (figure->kind == HUBS_FIGURE_BASELINE)
        set_value (&member->baseline, figure);
      else if (figure->kind == HUBS_FIGURE_TARGET &&
               figure->fiscal_year == HUBS_MIDTERM_FISCAL_YEAR)
        set_value (&member->targets[0], figure);
      else if (figure->kind == HUBS_FIGURE_TARGET &&
               figure->fiscal_year == HUBS_LAST_FISCAL_YEAR)
        set_value (&member->targets[1], figure);
      else if (figure->kind == HUBS_FIGURE_ACTUAL &&
               figure->fiscal_year >= HUBS_FIRST_FISCAL_YEAR &&
               figure->fiscal_year <= HUBS_LAST_FISCAL_YEAR)
        set_value (&member->actuals[figure->fiscal_year - HUBS_FIRST_FISCAL_YEAR], figure);
    }

  g_ptr_array_add (real->members, member);
}

static HubsNationalOmission *
omission_new (HubsNational       *self,
              const Member       *member,
              HubsNationalReason  reason,
              const char         *unit,
              int                 fiscal_year)
{
  HubsNationalOmission *omission = g_new0 (HubsNationalOmission, 1);
  const HubsNationalHub *nh = g_ptr_array_index (self->hubs, member->hub_index);

  omission->hub = hubs_hub_copy (nh->hub);
  omission->kpi_id = g_strdup (member->kpi->id);
  omission->reason = reason;
  omission->unit = g_strdup (unit);
  omission->fiscal_year = fiscal_year;

  return omission;
}

/* The most common way of counting among @members (ties: the first hub's), by hubs. */
static void
find_reference (HubsNational  *self,
                GPtrArray     *members,
                const char   **unit,
                Basis         *basis)
{
  guint best = 0;

  *unit = NULL;
  *basis = BASIS_LEVEL;

  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = g_ptr_array_index (members, i);
      g_autoptr(GHashTable) hubs = g_hash_table_new (NULL, NULL);

      for (guint j = 0; j < members->len; j++)
        {
          const Member *o = g_ptr_array_index (members, j);

          if (o->basis == m->basis && g_str_equal (o->kpi->unit, m->kpi->unit))
            g_hash_table_add (hubs, GUINT_TO_POINTER (o->hub_index + 1));
        }
      if (g_hash_table_size (hubs) > best)
        {
          best = g_hash_table_size (hubs);
          *unit = m->kpi->unit;
          *basis = m->basis;
        }
    }
}

static const Value *
member_value (const Member       *m,
              HubsNationalColumn  column,
              int                 fiscal_year)
{
  switch (column)
    {
    case HUBS_NATIONAL_BASELINE:
      return &m->baseline;
    case HUBS_NATIONAL_TARGET_2027:
      return &m->targets[0];
    case HUBS_NATIONAL_TARGET_2029:
      return &m->targets[1];
    case HUBS_NATIONAL_ACTUAL:
    case HUBS_NATIONAL_N_COLUMNS:
    default:
      return &m->actuals[fiscal_year - HUBS_FIRST_FISCAL_YEAR];
    }
}

static int
column_year (HubsNationalColumn column,
             int                fiscal_year)
{
  switch (column)
    {
    case HUBS_NATIONAL_BASELINE:
      return HUBS_BASELINE_FISCAL_YEAR;
    case HUBS_NATIONAL_TARGET_2027:
      return HUBS_MIDTERM_FISCAL_YEAR;
    case HUBS_NATIONAL_TARGET_2029:
      return HUBS_LAST_FISCAL_YEAR;
    case HUBS_NATIONAL_ACTUAL:
    case HUBS_NATIONAL_N_COLUMNS:
    default:
      return fiscal_year;
    }
}

static void
compute_total (HubsNational *self,
               const char   *key,
               GPtrArray    *members,
               int           fiscal_year)
{
  HubsNationalTotal *total = g_new0 (HubsNationalTotal, 1);
  g_autoptr(GHashTable) hubs = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) alike = g_hash_table_new (NULL, NULL);
  const char *unit;
  Basis basis;

  total->key = g_strdup (key);
  total->different = g_ptr_array_new_with_free_func ((GDestroyNotify) omission_free);
  for (guint c = 0; c < HUBS_NATIONAL_N_COLUMNS; c++)
    total->sums[c].left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) omission_free);

  find_reference (self, members, &unit, &basis);

  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = g_ptr_array_index (members, i);
      gpointer hub_key = GUINT_TO_POINTER (m->hub_index + 1);

      g_hash_table_add (hubs, hub_key);

      if (!g_str_equal (m->kpi->unit, unit))
        {
          g_ptr_array_add (total->different,
                           omission_new (self, m, HUBS_NATIONAL_OTHER_UNIT, m->kpi->unit, 0));
          continue;
        }
      if (m->basis != basis)
        {
          HubsNationalReason reason = m->basis == BASIS_FROM_APRIL_2025 ? HUBS_NATIONAL_FROM_APRIL_2025
                                    : m->basis == BASIS_SINGLE_YEAR ? HUBS_NATIONAL_SINGLE_YEAR
                                    : basis == BASIS_FROM_APRIL_2025 ? HUBS_NATIONAL_FROM_APRIL_2025
                                    : HUBS_NATIONAL_LEVEL;

          g_ptr_array_add (total->different, omission_new (self, m, reason, NULL, 0));
          continue;
        }

      g_hash_table_add (alike, hub_key);
      if (total->kpi == NULL)
        total->kpi = hubs_kpi_copy (m->kpi);
    }

  total->n_hubs = g_hash_table_size (hubs);
  total->n_alike = g_hash_table_size (alike);

  for (guint c = 0; c < HUBS_NATIONAL_N_COLUMNS; c++)
    {
      HubsNationalSum *sum = &total->sums[c];
      g_autoptr(GHashTable) covered = g_hash_table_new (NULL, NULL);
      int year = column_year (c, fiscal_year);

      for (guint i = 0; i < members->len; i++)
        {
          const Member *m = g_ptr_array_index (members, i);
          const Value *v = member_value (m, c, fiscal_year);

          if (!g_hash_table_contains (alike, GUINT_TO_POINTER (m->hub_index + 1)) ||
              m->basis != basis || !g_str_equal (m->kpi->unit, unit))
            continue;

          if (!v->present)
            g_ptr_array_add (sum->left_out,
                             omission_new (self, m, HUBS_NATIONAL_NO_FIGURE, NULL, year));
          else if (!v->measured)
            g_ptr_array_add (sum->left_out,
                             omission_new (self, m, HUBS_NATIONAL_NOT_MEASURED, NULL, year));
          else if (v->unit != NULL && !g_str_equal (v->unit, unit))
            /* 12,856件 against targets in 名: the figure is of something else. */
            g_ptr_array_add (sum->left_out,
                             omission_new (self, m, HUBS_NATIONAL_OTHER_UNIT, v->unit, year));
          else if (c == HUBS_NATIONAL_BASELINE && v->fiscal_year != HUBS_BASELINE_FISCAL_YEAR)
            g_ptr_array_add (sum->left_out,
                             omission_new (self, m, HUBS_NATIONAL_OTHER_BASELINE_YEAR, NULL,
                                           v->fiscal_year));
          else
            {
              sum->value += v->value;
              g_hash_table_add (covered, GUINT_TO_POINTER (m->hub_index + 1));
            }
        }
      sum->n_hubs = g_hash_table_size (covered);
    }

  g_ptr_array_add (self->totals, total);
}

/**
 * hubs_national_compute_totals:
 * @self: a #HubsNational
 * @fiscal_year: the fiscal year of the actuals to add up, or 0 for the latest year any hub
 *   has an actual for (FY2025 before the first)
 *
 * Adds up the common indicators of the KPIs added, in the order the hubs first count them.
 */
void
hubs_national_compute_totals (HubsNational *self,
                              int           fiscal_year)
{
  HubsNationalReal *real = (HubsNationalReal *) self;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  g_return_if_fail (self != NULL);

  if (fiscal_year <= 0)
    {
      fiscal_year = HUBS_FIRST_FISCAL_YEAR;
      for (guint i = 0; i < real->members->len; i++)
        {
          const Member *m = g_ptr_array_index (real->members, i);

          for (int y = HUBS_LAST_FISCAL_YEAR; y > fiscal_year; y--)
            if (m->actuals[y - HUBS_FIRST_FISCAL_YEAR].present)
              {
                fiscal_year = y;
                break;
              }
        }
    }
  self->fiscal_year = CLAMP (fiscal_year, HUBS_FIRST_FISCAL_YEAR, HUBS_LAST_FISCAL_YEAR);

  g_ptr_array_set_size (self->totals, 0);

  for (guint i = 0; i < real->members->len; i++)
    {
      const Member *m = g_ptr_array_index (real->members, i);

      if (!g_ptr_array_find_with_equal_func (keys, m->key, g_str_equal, NULL))
        g_ptr_array_add (keys, m->key);
    }

  for (guint k = 0; k < keys->len; k++)
    {
      const char *key = g_ptr_array_index (keys, k);
      g_autoptr(GPtrArray) members = g_ptr_array_new ();

      for (guint i = 0; i < real->members->len; i++)
        {
          Member *m = g_ptr_array_index (real->members, i);

          if (g_str_equal (m->key, key))
            g_ptr_array_add (members, m);
        }
      compute_total (self, key, members, self->fiscal_year);
    }
}

/**
 * hubs_national_new_for_store:
 * @store: the database
 * @fiscal_year: as for hubs_national_compute_totals()
 * @error: a location for a #GError
 *
 * Reads every hub, KPI and figure of @store (for exports, which read the store directly).
 *
 * Returns: (transfer full): the national view, or %NULL on error
 */
HubsNational *
hubs_national_new_for_store (HubsStore  *store,
                             int         fiscal_year,
                             GError    **error)
{
  g_autoptr(HubsNational) self = hubs_national_new ();
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GHashTable) indicators = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  if (!(hubs = hubs_store_list_hubs (store, error)) ||
      !(indicators = hubs_store_list_indicators (store, error)))
    return NULL;

  for (guint h = 0; h < hubs->len; h++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, h);
      g_autoptr(GPtrArray) kpis = NULL;
      g_autoptr(GHashTable) figures = NULL;

      if (!(kpis = hubs_store_list_kpis (store, hub->id, error)) ||
          !(figures = hubs_store_list_hub_figures (store, hub->id, error)))
        return NULL;

      hubs_national_add_hub (self, hub);
      for (guint i = 0; i < kpis->len; i++)
        {
          const HubsKpi *kpi = g_ptr_array_index (kpis, i);
          GPtrArray *kpi_figures = g_hash_table_lookup (figures, kpi->id);
          HubsProgress progress;

          if (kpi_figures == NULL)
            kpi_figures = none;
          hubs_progress_compute (&progress, kpi, kpi_figures);
          hubs_national_add_kpi (self, kpi, kpi_figures, &progress,
                                 g_hash_table_lookup (indicators, kpi->id));
        }
    }

  hubs_national_compute_totals (self, fiscal_year);

  return g_steal_pointer (&self);
}

/**
 * hubs_national_new_for_live:
 * @model: the live model
 * @indicators: (element-type utf8 utf8): KPI id → indicator key, from
 *   hubs_store_list_indicators()
 * @fiscal_year: as for hubs_national_compute_totals()
 * @error: a location for a #GError
 *
 * The national view of what every view shows: the live hubs and KPIs, loading the hubs not
 * loaded yet.
 *
 * Returns: (transfer full): the national view, or %NULL when a hub cannot be loaded
 */
HubsNational *
hubs_national_new_for_live (HubsLiveModel  *model,
                            GHashTable     *indicators,
                            int             fiscal_year,
                            GError        **error)
{
  g_autoptr(HubsNational) self = hubs_national_new ();
  GListModel *hubs;

  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (model), NULL);
  g_return_val_if_fail (indicators != NULL, NULL);

  hubs = hubs_live_model_get_hubs (model);
  for (guint h = 0; h < g_list_model_get_n_items (hubs); h++)
    {
      g_autoptr(HubsLiveHub) hub = g_list_model_get_item (hubs, h);

      if (!hubs_live_hub_get_loaded (hub) && !hubs_live_hub_load (hub, error))
        return NULL;

      hubs_national_add_hub (self, hubs_live_hub_get_hub (hub));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (hub)); i++)
        {
          g_autoptr(HubsLiveKpi) kpi = g_list_model_get_item (G_LIST_MODEL (hub), i);
          g_autoptr(GPtrArray) figures = hubs_live_kpi_collect_figures (kpi);

          hubs_national_add_kpi (self, hubs_live_kpi_get_kpi (kpi), figures,
                                 hubs_live_kpi_get_progress (kpi),
                                 g_hash_table_lookup (indicators, hubs_live_kpi_get_id (kpi)));
        }
    }

  hubs_national_compute_totals (self, fiscal_year);

  return g_steal_pointer (&self);
}

/**
 * hubs_national_lookup_total:
 * @self: a #HubsNational
 * @key: an indicator's key
 *
 * Returns: (transfer none) (nullable): the indicator's total
 */
const HubsNationalTotal *
hubs_national_lookup_total (const HubsNational *self,
                            const char         *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->totals->len; i++)
    {
      const HubsNationalTotal *total = g_ptr_array_index (self->totals, i);

      if (g_str_equal (total->key, key))
        return total;
    }

  return NULL;
}

/**
 * hubs_national_hub_get_on_track:
 * @hub: a hub of a #HubsNational
 * @n_on_track: (out): its KPIs achieved or on track
 * @n_assessed: (out): its KPIs with a status (an actual and a start to measure from)
 *
 * Breakdowns (うち…) are not counted.
 *
 * Returns: %TRUE when at least one KPI can be assessed
 */
gboolean
hubs_national_hub_get_on_track (const HubsNationalHub *hub,
                                guint                 *n_on_track,
                                guint                 *n_assessed)
{
  g_return_val_if_fail (hub != NULL, FALSE);

  *n_on_track = hub->all.n_by_status[HUBS_STATUS_ACHIEVED] +
                hub->all.n_by_status[HUBS_STATUS_ON_TRACK];
  *n_assessed = hub->all.n_kpis - hub->all.n_by_status[HUBS_STATUS_NOT_ASSESSABLE];

  return *n_assessed > 0;
}

/**
 * hubs_national_hub_describe_on_track:
 * @hub: a hub of a #HubsNational
 * @lang: the language
 *
 * Returns: (transfer full): “60% on track (3 of 5 KPIs assessed)”, or that none can be
 *   assessed yet
 */
char *
hubs_national_hub_describe_on_track (const HubsNationalHub *hub,
                                     HubsLanguage           lang)
{
  guint n_on_track, n_assessed;
  g_autofree char *percent = NULL;

  g_return_val_if_fail (hub != NULL, NULL);

  if (!hubs_national_hub_get_on_track (hub, &n_on_track, &n_assessed))
    return g_strdup (hubs_i18n_gettext (lang, N_("No KPI can be assessed yet")));

  percent = hubs_format_number (round (100.0 * n_on_track / n_assessed), lang);
  return g_strdup_printf (/* Translators: %1$s is a percentage (no % sign), %2$u and %3$u
                           * counts of KPIs */
                          hubs_i18n_ngettext (lang, "%1$s%% on track (%2$u of %3$u KPI assessed)",
                                              "%1$s%% on track (%2$u of %3$u KPIs assessed)",
                                              n_assessed),
                          percent, n_on_track, n_assessed);
}

static const char *
hub_name (const HubsHub *hub,
          HubsLanguage   lang)
{
  return lang == HUBS_LANGUAGE_JA ? hub->name_ja : hub->name_en;
}

/* Why, without the hub: "counts from April 2025". */
static char *
describe_reason (const HubsNationalOmission *omission,
                 HubsLanguage                lang)
{
  g_autofree char *year = NULL;

  if (omission->fiscal_year > 0)
    year = hubs_format_fiscal_year (omission->fiscal_year, lang);

  switch (omission->reason)
    {
    case HUBS_NATIONAL_OTHER_UNIT:
      if (year != NULL)
        /* Translators: why a hub is left out of a national total: %1$s is a fiscal year, %2$s
         * a unit (社, 件, 億円) */
        return g_strdup_printf (hubs_i18n_gettext (lang, N_("its %1$s figure counts in %2$s")),
                                year, hubs_format_unit (omission->unit, lang));
      /* Translators: why a hub is left out of a national total; %s is a unit (社, 件, 億円) */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("counts in %s")),
                              hubs_format_unit (omission->unit, lang));
    case HUBS_NATIONAL_SINGLE_YEAR:
      return g_strdup (hubs_i18n_gettext (lang, N_("counts single years")));
    case HUBS_NATIONAL_LEVEL:
      return g_strdup (hubs_i18n_gettext (lang, N_("counts a running total, not single years")));
    case HUBS_NATIONAL_FROM_APRIL_2025:
      return g_strdup (hubs_i18n_gettext (lang, N_("counts from April 2025")));
    case HUBS_NATIONAL_OTHER_BASELINE_YEAR:
      /* Translators: %s is a fiscal year (FY2023) */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("baseline from %s")), year);
    case HUBS_NATIONAL_NOT_MEASURED:
      /* Translators: %s is a fiscal year (FY2024) */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("%s not measured")), year);
    case HUBS_NATIONAL_NO_FIGURE:
    default:
      /* Translators: %s is a fiscal year (FY2025) */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("no figure for %s")), year);
    }
}

/**
 * hubs_national_sum_describe_coverage:
 * @total: a national total
 * @column: one of its sums
 * @lang: the language
 *
 * Returns: (transfer full): how many of the hubs that count the indicator the sum covers,
 *   “3 of 7 hubs”
 */
char *
hubs_national_sum_describe_coverage (const HubsNationalTotal *total,
                                     HubsNationalColumn       column,
                                     HubsLanguage             lang)
{
  g_return_val_if_fail (total != NULL, NULL);
  g_return_val_if_fail (column < HUBS_NATIONAL_N_COLUMNS, NULL);

  return g_strdup_printf (/* Translators: how many hub cities a national total adds up */
                          hubs_i18n_ngettext (lang, "%1$u of %2$u hub", "%1$u of %2$u hubs",
                                              total->n_hubs),
                          total->sums[column].n_hubs, total->n_hubs);
}

typedef struct
{
  char    *why;
  GString *hubs;
} Group;

static void
group_free (Group *group)
{
  g_free (group->why);
  g_string_free (group->hubs, TRUE);
  g_free (group);
}

static void
add_to_groups (GPtrArray    *groups,
               GPtrArray    *omissions,
               HubsLanguage  lang)
{
  for (guint i = 0; i < omissions->len; i++)
    {
      const HubsNationalOmission *o = g_ptr_array_index (omissions, i);
      g_autofree char *why = describe_reason (o, lang);
      const char *name = hub_name (o->hub, lang);
      Group *group = NULL;

      for (guint g = 0; g < groups->len && group == NULL; g++)
        if (g_str_equal (((Group *) g_ptr_array_index (groups, g))->why, why))
          group = g_ptr_array_index (groups, g);

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->why = g_steal_pointer (&why);
          group->hubs = g_string_new (name);
          g_ptr_array_add (groups, group);
          continue;
        }
      /* A hub with two KPIs of the indicator is named once. */
      if (strstr (group->hubs->str, name) == NULL)
        {
          /* Translators: between the names of hubs in a list */
          g_string_append (group->hubs, hubs_i18n_gettext (lang, N_(", ")));
          g_string_append (group->hubs, name);
        }
    }
}

/**
 * hubs_national_total_describe_left_out:
 * @total: a national total
 * @lang: the language
 *
 * What the total leaves out and why: the hubs that measure the indicator differently, then
 * the figures missing, the hubs with the same reason together.
 *
 * Returns: (transfer full) (nullable): the sentence, “Left out: Kansai (counts from April
 *   2025); Sapporo & Hokkaido, Hokuriku (no figure for FY2025).”, or %NULL when nothing is
 *   left out
 */
char *
hubs_national_total_describe_left_out (const HubsNationalTotal *total,
                                       HubsLanguage             lang)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GString) list = g_string_new (NULL);

  g_return_val_if_fail (total != NULL, NULL);

  add_to_groups (groups, total->different, lang);
  for (guint c = 0; c < HUBS_NATIONAL_N_COLUMNS; c++)
    add_to_groups (groups, total->sums[c].left_out, lang);

  if (groups->len == 0)
    return NULL;

  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = g_ptr_array_index (groups, g);

      if (list->len > 0)
        /* Translators: between groups of hubs left out of a national total, each group a
         * list of hubs with the reason; it must differ from the separator of the hubs */
        g_string_append (list, hubs_i18n_pgettext (lang, "groups of hubs",
                                                   NC_("groups of hubs", "; ")));
      /* Translators: hubs left out of a national total: %1$s the hub or hubs, %2$s why */
      g_string_append_printf (list, hubs_i18n_gettext (lang, N_("%1$s (%2$s)")),
                              group->hubs->str, group->why);
    }

  /* Translators: %s is a list of hubs, each with why it is left out of a national total */
  return g_strdup_printf (hubs_i18n_gettext (lang, N_("Left out: %s.")), list->str);
}

/**
 * hubs_national_column_get_title:
 * @self: a #HubsNational
 * @column: a column of its totals
 * @lang: the language
 *
 * Returns: (transfer full): the column's heading, “FY2025 actual”
 */
char *
hubs_national_column_get_title (const HubsNational *self,
                                HubsNationalColumn  column,
                                HubsLanguage        lang)
{
  g_autofree char *fy = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  fy = hubs_format_fiscal_year (column_year (column, self->fiscal_year), lang);
  switch (column)
    {
    case HUBS_NATIONAL_BASELINE:
      /* Translators: a column of the national totals; %s is a fiscal year */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("Baseline (%s)")), fy);
    case HUBS_NATIONAL_ACTUAL:
      /* Translators: a column of the national totals; %s is a fiscal year */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("%s actual")), fy);
    case HUBS_NATIONAL_TARGET_2027:
    case HUBS_NATIONAL_TARGET_2029:
    case HUBS_NATIONAL_N_COLUMNS:
    default:
      /* Translators: a column of the national totals; %s is a fiscal year */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("%s target")), fy);
    }
}
