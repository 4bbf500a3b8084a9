/* hubs-chart-theme.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "hubs-progress.h"

G_BEGIN_DECLS

/**
 * HubsChartColor:
 *
 * A colour with alpha, components 0 … 1 (the layout of GdkRGBA, without needing GTK).
 */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} HubsChartColor;

/**
 * HubsChartTheme:
 * @background: behind everything; the charts paint it first
 * @foreground: titles, labels and values
 * @dim: secondary text, axis labels
 * @grid: gridlines
 * @axis: the zero line and axis strokes
 * @actual: the line and points of the actuals, the bars of bullets
 * @projection: the dotted trend to FY2027 and FY2029
 * @plan: the dashed plan path
 * @target: the target markers
 * @baseline: the baseline point
 * @band: the "expected by now" band of bullets (three shades from its alpha)
 * @status: one colour per #HubsStatus, always shown with its shape or words too
 * @font_family: a Pango family list
 *
 * The colours and type of the charts. A fixed light print theme is used for every export, so
 * a dark desktop never leaks into a handout; on screen the widget fills one from the style.
 */
typedef struct
{
  HubsChartColor background;
  HubsChartColor foreground;
  HubsChartColor dim;
  HubsChartColor grid;
  HubsChartColor axis;
  HubsChartColor actual;
  HubsChartColor projection;
  HubsChartColor plan;
  HubsChartColor target;
  HubsChartColor baseline;
  HubsChartColor band;
  HubsChartColor status[HUBS_N_STATUSES];
  char           font_family[64];
} HubsChartTheme;

void hubs_chart_theme_init_print (HubsChartTheme       *theme);
void hubs_chart_theme_init_dark  (HubsChartTheme       *theme);
void hubs_chart_color_parse      (HubsChartColor       *color,
                                  const char           *spec);
void hubs_chart_color_set_source (const HubsChartColor *color,
                                  cairo_t              *cr);
void hubs_chart_color_set_source_alpha (const HubsChartColor *color,
                                        cairo_t              *cr,
                                        double                alpha);

G_END_DECLS
