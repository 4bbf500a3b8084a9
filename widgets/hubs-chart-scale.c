/* hubs-chart-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linear scales with 1-2-5 ticks for the charts.
 */

#define G_LOG_DOMAIN "hubs-chart-scale"

#include "config.h"

#include <math.h>

#include "hubs-chart-scale.h"

/**
 * hubs_chart_nice_step:
 * @span: the distance the ticks must cover, > 0
 * @max_ticks: the most intervals wanted, ≥ 1
 *
 * The smallest step of 1, 2 or 5 times a power of ten that covers @span in at most
 * @max_ticks intervals.
 *
 * Returns: the step
 */
double
hubs_chart_nice_step (double span,
                      guint  max_ticks)
{
  static const double mantissas[] = { 1, 2, 5, 10 };
  double raw, magnitude;

  g_return_val_if_fail (max_ticks >= 1, 1);

  if (!(span > 0) || !isfinite (span))
    return 1;

  raw = span / max_ticks;
  magnitude = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    {
      /* A little slack against rounding: 1000 / 5 must give 200, not 500. */
      if (mantissas[i] * magnitude >= raw * (1 - 1e-9))
        return mantissas[i] * magnitude;
    }

  return 10 * magnitude;
}

/**
 * hubs_chart_scale_init:
 * @scale: (out caller-allocates): the scale
 * @lower: the least value to show
 * @upper: the greatest value to show
 * @max_ticks: the most tick intervals wanted
 *
 * Widens [@lower, @upper] to multiples of a 1-2-5 step. An empty span grows around its value,
 * so a single value still gets an axis. The pixel range starts as 0 … 1.
 */
void
hubs_chart_scale_init (HubsChartScale *scale,
                       double          lower,
                       double          upper,
                       guint           max_ticks)
{
  g_return_if_fail (scale != NULL);

  if (!isfinite (lower) || !isfinite (upper))
    lower = 0, upper = 1;
  if (lower > upper)
    {
      double tmp = lower;

      lower = upper;
      upper = tmp;
    }
  if (upper - lower < 1e-12 * MAX (1, fabs (upper)))
    {
      double pad = lower == 0 ? 1 : fabs (lower) * 0.1;

      upper += pad;
      if (lower != 0)
        lower -= pad;
    }

  max_ticks = MAX (max_ticks, 1);
  scale->step = hubs_chart_nice_step (upper - lower, max_ticks);
  scale->min = floor (lower / scale->step + 1e-9) * scale->step;
  scale->max = ceil (upper / scale->step - 1e-9) * scale->step;
  if (scale->max <= scale->min)
    scale->max = scale->min + scale->step;
  scale->pixel_start = 0;
  scale->pixel_end = 1;
}

/**
 * hubs_chart_scale_set_range:
 * @scale: a #HubsChartScale
 * @pixel_start: where the domain's minimum lands
 * @pixel_end: where its maximum lands
 *
 * Sets the pixels the scale maps to. A value axis that grows upward passes the bottom of
 * the plot first; a rank axis (up is better, so 1st at the top) passes the top first.
 */
void
hubs_chart_scale_set_range (HubsChartScale *scale,
                            double          pixel_start,
                            double          pixel_end)
{
  g_return_if_fail (scale != NULL);

  scale->pixel_start = pixel_start;
  scale->pixel_end = pixel_end;
}

/**
 * hubs_chart_scale_map:
 * @scale: a #HubsChartScale
 * @value: a value of the domain (or beyond it)
 *
 * Returns: the pixel position of @value
 */
double
hubs_chart_scale_map (const HubsChartScale *scale,
                      double                value)
{
  g_return_val_if_fail (scale != NULL, 0);

  return scale->pixel_start +
         (value - scale->min) / (scale->max - scale->min) *
         (scale->pixel_end - scale->pixel_start);
}

/**
 * hubs_chart_scale_get_n_ticks:
 * @scale: a #HubsChartScale
 *
 * Returns: the number of ticks, both ends included
 */
guint
hubs_chart_scale_get_n_ticks (const HubsChartScale *scale)
{
  g_return_val_if_fail (scale != NULL, 0);

  return (guint) round ((scale->max - scale->min) / scale->step) + 1;
}

/**
 * hubs_chart_scale_get_tick:
 * @scale: a #HubsChartScale
 * @index: a tick, from 0 (the minimum) to hubs_chart_scale_get_n_ticks() − 1
 *
 * Returns: the value of that tick, rounded so that 0.1 × 3 reads 0.3
 */
double
hubs_chart_scale_get_tick (const HubsChartScale *scale,
                           guint                 index)
{
  double value;

  g_return_val_if_fail (scale != NULL, 0);

  value = scale->min + index * scale->step;
  /* Remove the error of repeated addition, to the step's precision. */
  if (scale->step < 1)
    {
      double digits = pow (10, ceil (-log10 (scale->step)) + 1);

      value = round (value * digits) / digits;
    }
  return value;
}
