/* hubs-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "hubs-chart-data.h"
#include "hubs-chart-theme.h"
#include "hubs-format.h"

G_BEGIN_DECLS

/**
 * HubsChartOptions:
 * @language: the language of every word and number on the chart
 * @font_size: the body text size in device units; 0 derives it from the chart's size
 * @show_title: draw the KPI's or hub's name above the chart (exports; the app shows it
 *   around the widget instead)
 * @show_legend: draw the legend below the chart
 * @show_status: draw the status, in words and with its numbers, above a KPI's chart (a
 *   report prints it beside the chart instead)
 * @focus: the index of the hit (see #HubsChartHit) to highlight, or -1
 * @stamp: (nullable): the small type at the chart's foot of a chart that leaves the app: its
 *   hub, when its figures are from and their source (hubs_chart_stamp_new()); the chart
 *   draws above it
 * @highlight: (nullable): the id of the hub the comparison picks out, such as the one
 *   presented
 *
 * How to draw a chart, apart from its data and colours.
 */
typedef struct
{
  HubsLanguage language;
  double       font_size;
  int          focus;
  const char  *stamp;
  const char  *highlight;
  guint        show_title : 1;
  guint        show_legend : 1;
  guint        show_status : 1;
} HubsChartOptions;

/**
 * HubsChartHitKind:
 * @HUBS_CHART_HIT_BASELINE: the baseline point of a trajectory
 * @HUBS_CHART_HIT_ACTUAL: an actual of a trajectory, or the bar of a bullet
 * @HUBS_CHART_HIT_TARGET: a target marker
 * @HUBS_CHART_HIT_PROJECTION: the end of a projection
 * @HUBS_CHART_HIT_KPI: a KPI's row of a hub overview
 * @HUBS_CHART_HIT_HUB: a hub's cell of the comparison
 *
 * What a spot of a chart shows.
 */
typedef enum
{
  HUBS_CHART_HIT_BASELINE,
  HUBS_CHART_HIT_ACTUAL,
  HUBS_CHART_HIT_TARGET,
  HUBS_CHART_HIT_PROJECTION,
  HUBS_CHART_HIT_KPI,
  HUBS_CHART_HIT_HUB,
} HubsChartHitKind;

/**
 * HubsChartHit:
 * @kind: what is there
 * @x: the centre of the mark
 * @y: the centre of the mark
 * @width: the extent of the mark around its centre, for pointing at it
 * @height: the same, vertically
 * @index: the KPI (in #HubsChartData's kpis) or hub (in its hubs) it belongs to
 * @pillar: for a hub's cell, its pillar, or -1 for all KPIs
 * @fiscal_year: the fiscal year of a point
 * @value: the value of a point
 *
 * A mark the drawing function placed, so a widget can show the exact figure when it is
 * pointed at or focused. Kept in drawing order, which is also the keyboard order.
 */
typedef struct
{
  HubsChartHitKind kind;
  double           x;
  double           y;
  double           width;
  double           height;
  guint            index;
  int              pillar;
  int              fiscal_year;
  double           value;
} HubsChartHit;

/**
 * HubsChartElement:
 * @HUBS_CHART_ELEMENT_TITLE: the title or subtitle of the chart
 * @HUBS_CHART_ELEMENT_STATUS: the status of a KPI, in words, and its sentence
 * @HUBS_CHART_ELEMENT_AXIS: a tick label, an axis title, a fiscal year, a column heading
 * @HUBS_CHART_ELEMENT_LEGEND: a line of the legend or key
 * @HUBS_CHART_ELEMENT_NAME: the name of a KPI, pillar or hub city
 * @HUBS_CHART_ELEMENT_VALUE: the figures beside a row (actual, target, share)
 * @HUBS_CHART_ELEMENT_LABEL: a label beside the mark it names, inside the plot
 * @HUBS_CHART_ELEMENT_MESSAGE: the message of a chart with nothing to show
 * @HUBS_CHART_ELEMENT_LINE: a straight piece of a data line (actuals, plan path, projection)
 * @HUBS_CHART_ELEMENT_STAMP: the small type at the foot: hub, as-of date, source
 *
 * What a box of a laid-out chart is.
 */
typedef enum
{
  HUBS_CHART_ELEMENT_TITLE,
  HUBS_CHART_ELEMENT_STATUS,
  HUBS_CHART_ELEMENT_AXIS,
  HUBS_CHART_ELEMENT_LEGEND,
  HUBS_CHART_ELEMENT_NAME,
  HUBS_CHART_ELEMENT_VALUE,
  HUBS_CHART_ELEMENT_LABEL,
  HUBS_CHART_ELEMENT_MESSAGE,
  HUBS_CHART_ELEMENT_LINE,
  HUBS_CHART_ELEMENT_STAMP,
} HubsChartElement;

/**
 * HubsChartBox:
 * @element: what it is
 * @x: the left edge of a text; the start of a line
 * @y: the top edge of a text; the start of a line
 * @width: the width of a text; for a line, how far it runs right from @x (may be negative)
 * @height: the height of a text; for a line, how far it runs down from @y
 * @text: (nullable): the whole text as given, before any ellipsis; %NULL for a line
 * @ellipsized: the text was cut to fit
 *
 * One piece of a chart as it was laid out, in device units: each text drawn (its logical
 * extents) and each piece of a data line, so that a test can check that every label stays
 * inside the picture and apart from the others.
 */
typedef struct
{
  HubsChartElement element;
  double           x;
  double           y;
  double           width;
  double           height;
  char            *text;
  gboolean         ellipsized;
} HubsChartBox;

void  hubs_chart_options_init      (HubsChartOptions       *options,
                                    HubsLanguage            language);
void  hubs_chart_draw              (cairo_t                *cr,
                                    const HubsChartData    *data,
                                    const HubsChartTheme   *theme,
                                    const HubsChartOptions *options,
                                    double                  width,
                                    double                  height,
                                    GArray                 *hits);
void  hubs_chart_draw_with_layout  (cairo_t                *cr,
                                    const HubsChartData    *data,
                                    const HubsChartTheme   *theme,
                                    const HubsChartOptions *options,
                                    double                  width,
                                    double                  height,
                                    GArray                 *hits,
                                    GArray                 *layout);
GArray *hubs_chart_layout_new      (void);
void  hubs_chart_draw_status_shape (cairo_t                *cr,
                                    HubsStatus              status,
                                    const HubsChartTheme   *theme,
                                    double                  x,
                                    double                  y,
                                    double                  size);

char *hubs_chart_describe          (const HubsChartData    *data,
                                    HubsLanguage            language);
char *hubs_chart_describe_hit      (const HubsChartData    *data,
                                    const HubsChartHit     *hit,
                                    HubsLanguage            language);
char *hubs_chart_get_title         (const HubsChartData    *data,
                                    HubsLanguage            language);
char *hubs_chart_kpi_describe_status (const HubsChartKpi   *chart_kpi,
                                      HubsLanguage          language);
char *hubs_chart_kpi_describe_projection (const HubsChartKpi *chart_kpi,
                                          HubsLanguage        language);

G_END_DECLS
