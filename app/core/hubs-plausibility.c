/* hubs-plausibility.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a figure can be right. What the KPI cannot be (a share of −3% or 100.5%, a count
 * below zero, a rank below 1) is refused; what is far from the plan path or from the actuals
 * around it (12,856 startup visas against a plan of 240) is unlikely, and saved only once the
 * user confirms it. One rule for the window, the import and the command line.
 */

#define G_LOG_DOMAIN "hubs-plausibility"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "hubs-plausibility.h"
#include "hubs-progress.h"

static gboolean
is_share (const HubsKpi *kpi)
{
  return g_strcmp0 (kpi->unit, "%") == 0 || g_strcmp0 (kpi->unit, "％") == 0;
}

static gboolean
is_rank (const HubsKpi *kpi)
{
  return g_strcmp0 (kpi->unit, "位") == 0;
}

/* The actual of the nearest fiscal year before or after @year, for a KPI without a path. */
static gboolean
find_neighbour (GPtrArray        *figures,
                const HubsFigure *figure,
                double           *value)
{
  const HubsFigure *best = NULL;

  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      const HubsFigure *other = g_ptr_array_index (figures, i);

      if (other->kind != HUBS_FIGURE_ACTUAL || !other->measured ||
          other->fiscal_year == figure->fiscal_year)
        continue;
      if (best == NULL ||
          ABS (other->fiscal_year - figure->fiscal_year) < ABS (best->fiscal_year - figure->fiscal_year))
        best = other;
    }

  if (best == NULL)
    return FALSE;

  *value = best->value;
  return TRUE;
}

/* What the figure is held against: the plan path at its year, else the nearest actual, else
 * the baseline. */
static gboolean
find_reference (const HubsKpi     *kpi,
                GPtrArray         *figures,
                const HubsFigure  *figure,
                double            *reference,
                gboolean          *from_plan)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  HubsProgress progress;

  /* The path as the plan has it, without the figure being checked. */
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      const HubsFigure *other = g_ptr_array_index (figures, i);

      if (other->fiscal_year != figure->fiscal_year || other->kind != figure->kind)
        g_ptr_array_add (others, (gpointer) other);
    }

  hubs_progress_compute (&progress, kpi, others);
  *from_plan = TRUE;
  if (hubs_progress_get_expected (&progress, figure->fiscal_year, reference) && *reference > 0)
    return TRUE;

  *from_plan = FALSE;
  if (find_neighbour (others, figure, reference) && *reference > 0)
    return TRUE;

  if (progress.has_baseline && progress.baseline > 0)
    {
      *reference = progress.baseline;
      return TRUE;
    }

  return FALSE;
}

/**
 * hubs_plausibility_check:
 * @kpi: the KPI
 * @figures: (element-type HubsFigure) (nullable): its other figures as stored
 * @figure: the figure to check
 * @language: the language of @message
 * @message: (out) (optional) (transfer full): what is wrong, in words for the user
 *
 * Checks a figure before it is stored; see #HubsPlausibility. Figures not measured are fine.
 *
 * Returns: whether the figure can be right
 */
HubsPlausibility
hubs_plausibility_check (const HubsKpi     *kpi,
                         GPtrArray         *figures,
                         const HubsFigure  *figure,
                         HubsLanguage       language,
                         char             **message)
{
  g_autofree char *value = NULL;
  double reference;
  gboolean from_plan;

  g_return_val_if_fail (kpi != NULL, HUBS_PLAUSIBILITY_FINE);
  g_return_val_if_fail (figure != NULL, HUBS_PLAUSIBILITY_FINE);

  if (message != NULL)
    *message = NULL;

  if (!figure->measured || !isfinite (figure->value))
    return HUBS_PLAUSIBILITY_FINE;

  value = hubs_format_kpi_value (kpi, figure->value, language);

  if (is_share (kpi) && (figure->value < 0 || figure->value > 100))
    {
      if (message != NULL)
        /* Translators: %s is the figure typed, e.g. “1,234%” */
        *message = g_strdup_printf (_("A share lies between 0%% and 100%%, so %s cannot be "
                                      "right."), value);
      return HUBS_PLAUSIBILITY_IMPOSSIBLE;
    }

  if (is_rank (kpi) && figure->value < 1)
    {
      if (message != NULL)
        /* Translators: %s is the rank typed, e.g. “0位” */
        *message = g_strdup_printf (_("A rank is 1st or lower, so %s cannot be right."), value);
      return HUBS_PLAUSIBILITY_IMPOSSIBLE;
    }

  if (figure->value < 0)
    {
      if (message != NULL)
        /* Translators: %s is the figure typed, e.g. “−5 cases” */
        *message = g_strdup_printf (_("This KPI counts something, so it cannot be negative "
                                      "(%s)."), value);
      return HUBS_PLAUSIBILITY_IMPOSSIBLE;
    }

  /* Plan figures (baseline, targets) are the government's: only what is impossible is
   * refused there. */
  if (figure->kind != HUBS_FIGURE_ACTUAL)
    return HUBS_PLAUSIBILITY_FINE;

  if (!find_reference (kpi, figures, figure, &reference, &from_plan) || reference < 1)
    return HUBS_PLAUSIBILITY_FINE;

  /* Only far above: a figure well below the plan is a bad year more often than a typo. */
  if (figure->value > reference * HUBS_PLAUSIBILITY_FACTOR)
    {
      if (message != NULL)
        {
          g_autofree char *expected = hubs_format_kpi_value (kpi, reference, language);
          g_autofree char *year = hubs_format_fiscal_year (figure->fiscal_year, language);

          if (from_plan)
            /* Translators: %1$s is the figure typed, %2$s the fiscal year, %3$s what the
             * plan expects then, e.g. “12,856 is far from the 240 the plan expects for
             * FY2025.” */
            *message = g_strdup_printf (_("%1$s is far from the %3$s the plan expects for "
                                          "%2$s. Is it right?"), value, year, expected);
          else
            /* Translators: %1$s is the figure typed, %2$s its fiscal year, %3$s the figure
             * of the nearest year or the baseline */
            *message = g_strdup_printf (_("%1$s for %2$s is far from the %3$s around it. Is "
                                          "it right?"), value, year, expected);
        }
      return HUBS_PLAUSIBILITY_UNLIKELY;
    }

  return HUBS_PLAUSIBILITY_FINE;
}
