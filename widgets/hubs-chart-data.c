/* hubs-chart-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gathers what a chart shows from the store into plain structures, computing each KPI's
 * progress on the way.
 */

#define G_LOG_DOMAIN "hubs-chart-data"

#include "config.h"

#include "hubs-chart-data.h"
#include "hubs-hub-summary.h"

static void
chart_kpi_free (HubsChartKpi *chart_kpi)
{
  g_clear_pointer (&chart_kpi->kpi, hubs_kpi_free);
  g_clear_pointer (&chart_kpi->figures, g_ptr_array_unref);
  g_free (chart_kpi);
}

static void
hub_summary_free (HubsChartHubSummary *summary)
{
  g_clear_pointer (&summary->hub, hubs_hub_free);
  g_free (summary);
}

/**
 * hubs_chart_data_new:
 * @kind: the chart the data is for
 *
 * Creates empty chart data, to fill with hubs_chart_data_add_kpi() (tests, previews of
 * unsaved figures). The store functions below fill it from the database.
 *
 * Returns: (transfer full): the data
 */
HubsChartData *
hubs_chart_data_new (HubsChartKind kind)
{
  HubsChartData *data = g_new0 (HubsChartData, 1);

  data->kind = kind;
  data->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_kpi_free);
  data->hubs = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_summary_free);

  return data;
}

/**
 * hubs_chart_data_free:
 * @data: (transfer full): chart data
 *
 * Frees @data.
 */
void
hubs_chart_data_free (HubsChartData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->hub, hubs_hub_free);
  g_clear_pointer (&data->kpis, g_ptr_array_unref);
  g_clear_pointer (&data->hubs, g_ptr_array_unref);
  g_free (data);
}

/**
 * hubs_chart_data_add_kpi:
 * @data: chart data
 * @kpi: a KPI, copied
 * @figures: (element-type HubsFigure) (nullable): its figures, copied
 *
 * Appends a KPI and computes its progress.
 *
 * Returns: (transfer none): the KPI as stored in @data
 */
HubsChartKpi *
hubs_chart_data_add_kpi (HubsChartData *data,
                         const HubsKpi *kpi,
                         GPtrArray     *figures)
{
  HubsChartKpi *chart_kpi;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kpi != NULL, NULL);

  chart_kpi = g_new0 (HubsChartKpi, 1);
  chart_kpi->kpi = hubs_kpi_copy (kpi);
  chart_kpi->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    g_ptr_array_add (chart_kpi->figures, hubs_figure_copy (g_ptr_array_index (figures, i)));
  hubs_progress_compute (&chart_kpi->progress, chart_kpi->kpi, chart_kpi->figures);
  g_ptr_array_add (data->kpis, chart_kpi);

  return chart_kpi;
}

static gboolean
add_kpi_from_store (HubsChartData  *data,
                    HubsStore      *store,
                    const HubsKpi  *kpi,
                    GError        **error)
{
  g_autoptr(GPtrArray) figures = NULL;

  if (!(figures = hubs_store_list_figures (store, kpi->id, error)))
    return FALSE;

  hubs_chart_data_add_kpi (data, kpi, figures);
  return TRUE;
}

/**
 * hubs_chart_data_new_for_kpi:
 * @store: the database
 * @kind: %HUBS_CHART_TRAJECTORY or %HUBS_CHART_BULLET
 * @kpi_id: the KPI
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the data of one KPI's chart, or %NULL with @error set (an
 *   unknown KPI gives %HUBS_STORE_ERROR_NOT_FOUND)
 */
HubsChartData *
hubs_chart_data_new_for_kpi (HubsStore      *store,
                             HubsChartKind   kind,
                             const char     *kpi_id,
                             GError        **error)
{
  g_autoptr(HubsChartData) data = NULL;
  g_autoptr(HubsKpi) kpi = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == HUBS_CHART_TRAJECTORY || kind == HUBS_CHART_BULLET, NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(kpi = hubs_store_get_kpi (store, kpi_id, error)))
    return NULL;

  data = hubs_chart_data_new (kind);
  if (!(data->hub = hubs_store_get_hub (store, kpi->hub_id, error)) ||
      !add_kpi_from_store (data, store, kpi, error))
    return NULL;

  return g_steal_pointer (&data);
}

/**
 * hubs_chart_data_new_for_hub:
 * @store: the database
 * @hub_id: the hub
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the data of a hub's overview, or %NULL with @error set
 */
HubsChartData *
hubs_chart_data_new_for_hub (HubsStore   *store,
                             const char  *hub_id,
                             GError     **error)
{
  g_autoptr(HubsChartData) data = NULL;
  g_autoptr(GPtrArray) kpis = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  data = hubs_chart_data_new (HUBS_CHART_HUB_OVERVIEW);
  if (!(data->hub = hubs_store_get_hub (store, hub_id, error)) ||
      !(kpis = hubs_store_list_kpis (store, hub_id, error)))
    return NULL;

  for (guint i = 0; i < kpis->len; i++)
    {
      if (!add_kpi_from_store (data, store, g_ptr_array_index (kpis, i), error))
        return NULL;
    }

  return g_steal_pointer (&data);
}

/**
 * hubs_chart_data_new_for_live_kpi:
 * @hub: the KPI's live hub
 * @kpi: the live KPI
 * @kind: %HUBS_CHART_TRAJECTORY or %HUBS_CHART_BULLET
 *
 * The data of one KPI's chart as the live model holds it, without reading the database.
 *
 * Returns: (transfer full): the data
 */
HubsChartData *
hubs_chart_data_new_for_live_kpi (HubsLiveHub   *hub,
                                  HubsLiveKpi   *kpi,
                                  HubsChartKind  kind)
{
  HubsChartData *data;
  g_autoptr(GPtrArray) figures = NULL;

  g_return_val_if_fail (HUBS_IS_LIVE_HUB (hub), NULL);
  g_return_val_if_fail (HUBS_IS_LIVE_KPI (kpi), NULL);
  g_return_val_if_fail (kind == HUBS_CHART_TRAJECTORY || kind == HUBS_CHART_BULLET, NULL);

  data = hubs_chart_data_new (kind);
  data->hub = hubs_hub_copy (hubs_live_hub_get_hub (hub));
  figures = hubs_live_kpi_collect_figures (kpi);
  hubs_chart_data_add_kpi (data, hubs_live_kpi_get_kpi (kpi), figures);

  return data;
}

/**
 * hubs_chart_data_new_for_live_hub:
 * @hub: a live hub, loaded
 *
 * The data of a hub's overview as the live model holds it, without reading the database.
 *
 * Returns: (transfer full): the data
 */
HubsChartData *
hubs_chart_data_new_for_live_hub (HubsLiveHub *hub)
{
  HubsChartData *data;
  GListModel *kpis;

  g_return_val_if_fail (HUBS_IS_LIVE_HUB (hub), NULL);

  data = hubs_chart_data_new (HUBS_CHART_HUB_OVERVIEW);
  data->hub = hubs_hub_copy (hubs_live_hub_get_hub (hub));
  kpis = G_LIST_MODEL (hub);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(HubsLiveKpi) kpi = g_list_model_get_item (kpis, i);
      g_autoptr(GPtrArray) figures = hubs_live_kpi_collect_figures (kpi);

      hubs_chart_data_add_kpi (data, hubs_live_kpi_get_kpi (kpi), figures);
    }

  return data;
}

static int
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  const HubsChartHubSummary *sa = *(HubsChartHubSummary * const *) a;
  const HubsChartHubSummary *sb = *(HubsChartHubSummary * const *) b;
  double share_a, share_b;
  gboolean has_a = hubs_progress_summary_get_share (&sa->all, &share_a);
  gboolean has_b = hubs_progress_summary_get_share (&sb->all, &share_b);

  /* Best first; hubs that cannot be assessed last, in the plan's order. */
  if (has_a != has_b)
    return has_a ? -1 : 1;
  if (has_a && share_a != share_b)
    return share_a > share_b ? -1 : 1;
  return sa->hub->sort_order - sb->hub->sort_order;
}

/**
 * hubs_chart_data_new_comparison:
 * @store: the database
 * @error: a location for a #GError
 *
 * Returns: (transfer full): every hub's progress, best first, or %NULL with @error set
 */
HubsChartData *
hubs_chart_data_new_comparison (HubsStore  *store,
                                GError    **error)
{
  g_autoptr(HubsChartData) data = NULL;
  g_autoptr(GPtrArray) hubs = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  data = hubs_chart_data_new (HUBS_CHART_COMPARISON);
  if (!(hubs = hubs_store_list_hubs (store, error)))
    return NULL;

  for (guint i = 0; i < hubs->len; i++)
    {
      HubsChartHubSummary *summary = g_new0 (HubsChartHubSummary, 1);

      summary->hub = hubs_hub_copy (g_ptr_array_index (hubs, i));
      g_ptr_array_add (data->hubs, summary);
      if (!hubs_hub_summary_compute (store, summary->hub->id, &summary->all, summary->pillars,
                                     error))
        return NULL;
    }

  g_ptr_array_sort (data->hubs, compare_summaries);

  return g_steal_pointer (&data);
}

/**
 * hubs_chart_data_new_comparison_live:
 * @model: the live model
 *
 * Every hub's progress as the live model holds it, best first; reads the KPIs of the hubs
 * nobody looked at yet.
 *
 * Returns: (transfer full): the data
 */
HubsChartData *
hubs_chart_data_new_comparison_live (HubsLiveModel *model)
{
  HubsChartData *data;
  GListModel *hubs;

  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (model), NULL);

  data = hubs_chart_data_new (HUBS_CHART_COMPARISON);
  hubs = hubs_live_model_get_hubs (model);
  for (guint i = 0; i < g_list_model_get_n_items (hubs); i++)
    {
      g_autoptr(HubsLiveHub) hub = g_list_model_get_item (hubs, i);
      g_autoptr(GError) error = NULL;
      HubsChartHubSummary *summary = g_new0 (HubsChartHubSummary, 1);

      summary->hub = hubs_hub_copy (hubs_live_hub_get_hub (hub));
      if (!hubs_live_hub_get_summary (hub, &summary->all, summary->pillars, &error))
        g_warning ("Cannot sum up the progress of %s: %s", summary->hub->id, error->message);
      g_ptr_array_add (data->hubs, summary);
    }

  g_ptr_array_sort (data->hubs, compare_summaries);

  return data;
}

/**
 * hubs_chart_kpi_get_figure:
 * @chart_kpi: a KPI of chart data
 * @kind: the kind of figure
 * @fiscal_year: its fiscal year
 *
 * Returns: (transfer none) (nullable): the figure, measured or not, or %NULL
 */
const HubsFigure *
hubs_chart_kpi_get_figure (const HubsChartKpi *chart_kpi,
                           HubsFigureKind      kind,
                           int                 fiscal_year)
{
  g_return_val_if_fail (chart_kpi != NULL, NULL);

  for (guint i = 0; i < chart_kpi->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (chart_kpi->figures, i);

      if (figure->kind == kind && figure->fiscal_year == fiscal_year)
        return figure;
    }

  return NULL;
}

/**
 * hubs_chart_kpi_get_baseline:
 * @chart_kpi: a KPI of chart data
 *
 * Returns: (transfer none) (nullable): the baseline figure, measured or not, or %NULL
 */
const HubsFigure *
hubs_chart_kpi_get_baseline (const HubsChartKpi *chart_kpi)
{
  const HubsFigure *found = NULL;

  g_return_val_if_fail (chart_kpi != NULL, NULL);

  for (guint i = 0; i < chart_kpi->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (chart_kpi->figures, i);

      if (figure->kind == HUBS_FIGURE_BASELINE &&
          (found == NULL || figure->fiscal_year > found->fiscal_year))
        found = figure;
    }

  return found;
}
