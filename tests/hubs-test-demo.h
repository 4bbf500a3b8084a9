/* hubs-test-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Demonstration actuals for the chart tests, presentation test and chart benchmark: the
 * shipped plan has no actuals, and charts of nothing show little. Header-only (static
 * functions), so each program that needs it includes it without a library of its own.
 */

#pragma once

#include <math.h>
#include <string.h>

#include "hubs-progress.h"
#include "hubs-store.h"

/* Shares of the path achieved, cycled through the KPIs so every status appears; NAN leaves a
 * KPI without actuals. */
static const double hubs_test_demo_shares[] = { 1.05, 0.8, 0.4, -0.2, 0.97, NAN, 0.65, 1.3 };

static void
hubs_test_demo_set (HubsStore  *store,
                    const char *kpi_id,
                    int         fiscal_year,
                    double      value,
                    gboolean    confirmed)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;

  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = fiscal_year;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->value = value;
  figure->measured = TRUE;
  figure->confirmed = confirmed;
  hubs_store_set_figure (store, figure, &error);
  g_assert_no_error (error);
}

/* Gives KPIs of @hub_id (or of every hub, when %NULL) FY2025 and FY2026 actuals that put them
 * at various points of their paths; the FY2026 figure is provisional. Sapporo's number of
 * startups gets the figures the chart tests check pixels against: 160 (FY2025), 185 (FY2026). */
static void
hubs_test_demo_fill (HubsStore  *store,
                     const char *hub_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, hub_id, &error);

  g_assert_no_error (error);

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      g_autoptr(GPtrArray) figures = hubs_store_list_figures (store, kpi->id, &error);
      double share = hubs_test_demo_shares[(i * 7 + strlen (kpi->hub_id)) %
                                           G_N_ELEMENTS (hubs_test_demo_shares)];
      HubsProgress p;

      g_assert_no_error (error);

      if (g_str_equal (kpi->id, "sapporo/startups"))
        {
          hubs_test_demo_set (store, kpi->id, 2025, 160, TRUE);
          hubs_test_demo_set (store, kpi->id, 2026, 185, FALSE);
          continue;
        }

      hubs_progress_compute (&p, kpi, figures);
      if (isnan (share) || !p.has_start)
        continue;

      for (int year = 2025; year <= 2026; year++)
        {
          double expected, value;

          if (!hubs_progress_get_expected (&p, year, &expected))
            break;
          value = p.yearly_target ? expected * share
                                  : p.start + (expected - p.start) * (share + (year - 2025) * 0.05);
          /* Whole numbers, as counts and ranks are; amounts and shares to one decimal. */
          if (g_strcmp0 (kpi->unit, "%") == 0 || g_strcmp0 (kpi->unit, "億円") == 0)
            value = round (value * 10) / 10;
          else
            value = round (value);
          if (kpi->direction == HUBS_DIRECTION_LOWER)
            value = MAX (1, value);
          else
            value = MAX (0, value);
          hubs_test_demo_set (store, kpi->id, year, value, year == 2025);
        }
    }
}
