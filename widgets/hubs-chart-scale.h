/* hubs-chart-scale.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HubsChartScale:
 * @min: the lower end of the domain, a multiple of @step
 * @max: the upper end of the domain, a multiple of @step
 * @step: the distance between ticks: 1, 2 or 5 times a power of ten
 * @pixel_start: where @min lands on the surface
 * @pixel_end: where @max lands (smaller than @pixel_start for a value axis that grows upward)
 *
 * A linear scale with round ticks. Plain arithmetic, so it can be tested without drawing.
 */
typedef struct
{
  double min;
  double max;
  double step;
  double pixel_start;
  double pixel_end;
} HubsChartScale;

double   hubs_chart_nice_step          (double                span,
                                        guint                 max_ticks);
void     hubs_chart_scale_init         (HubsChartScale       *scale,
                                        double                lower,
                                        double                upper,
                                        guint                 max_ticks);
void     hubs_chart_scale_set_range    (HubsChartScale       *scale,
                                        double                pixel_start,
                                        double                pixel_end);
double   hubs_chart_scale_map          (const HubsChartScale *scale,
                                        double                value);
guint    hubs_chart_scale_get_n_ticks  (const HubsChartScale *scale);
double   hubs_chart_scale_get_tick     (const HubsChartScale *scale,
                                        guint                 index);

G_END_DECLS
