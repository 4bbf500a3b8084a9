/* hubs-chart-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the chart files share and nothing outside them sees: the painter every chart draws
 * through (hubs-chart-paint.c), the words and numbers of the labels (hubs-chart-describe.c),
 * the bullet that the hub overview repeats (hubs-chart-bullet.c), and the drawing function of
 * each chart kind, which hubs_chart_draw() (hubs-chart.c) calls.
 */

#pragma once

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "hubs-chart.h"
#include "hubs-chart-scale.h"
#include "hubs-i18n.h"

G_BEGIN_DECLS

/* The normalised scale of the overview, in percent of the path to the final target, and the
 * scale of shares in the comparison: one scale for every row. */
#define HUBS_CHART_NORM_MIN (-50.0)
#define HUBS_CHART_NORM_MAX 150.0

typedef struct
{
  double x, y, width, height;
} HubsChartRect;

/* One drawing of one chart: where it goes, its size, colours and options, and the text
 * layout every label reuses. */
typedef struct
{
  cairo_t                *cr;
  PangoLayout            *layout;
  PangoFontDescription   *font;
  const HubsChartTheme   *theme;
  const HubsChartOptions *options;
  HubsLanguage            lang;
  /* The body text size; everything else is sized from it. */
  double                  fs;
  double                  width;
  double                  height;
  GArray                 *hits;
  /* Labels placed inside the plot, so that later ones avoid them. */
  GArray                 *placed;
  /* The data lines drawn so far (HubsChartSegment), which labels avoid too. */
  GArray                 *segments;
  /* (nullable) (element-type HubsChartBox): where to record what was laid out. */
  GArray                 *boxes;
} HubsChartPainter;

/* A straight piece of a data line, as drawn (clipped to what shows). */
typedef struct
{
  double x0, y0, x1, y1;
} HubsChartSegment;

/* Lines of the chart's key, drawn by hubs_chart_painter_draw_legend(). */
typedef enum
{
  HUBS_CHART_LEGEND_ACTUAL,
  HUBS_CHART_LEGEND_PROVISIONAL,
  HUBS_CHART_LEGEND_PLAN,
  HUBS_CHART_LEGEND_PROJECTION,
  HUBS_CHART_LEGEND_TARGET,
  HUBS_CHART_LEGEND_BASELINE,
  HUBS_CHART_LEGEND_REFERENCE,
  HUBS_CHART_LEGEND_BAR,
  HUBS_CHART_LEGEND_BAND,
  HUBS_CHART_LEGEND_TICK,
} HubsChartLegendItem;

/* How a bullet maps values to pixels: normalised to the KPI's own start and final target (the
 * overview, where every row shares one scale), or in the KPI's unit (a bullet of its own). */
typedef struct
{
  const HubsChartScale *scale;
  gboolean              normalised;
  double                origin;
  double                full;
} HubsChartBulletMap;

/* hubs-chart-describe.c: words and numbers */
const char    *hubs_chart_pillar_get_short_label      (HubsPillar                 pillar,
                                                       HubsLanguage               lang);
const char    *hubs_chart_kpi_name                    (const HubsKpi             *kpi,
                                                       HubsLanguage               lang);
const char    *hubs_chart_hub_name                    (const HubsHub             *hub,
                                                       HubsLanguage               lang);
char          *hubs_chart_kpi_subtitle                (const HubsChartData       *data,
                                                       const HubsChartKpi        *ck,
                                                       HubsLanguage               lang);
char          *hubs_chart_format_value                (const HubsChartKpi        *ck,
                                                       double                     value,
                                                       HubsLanguage               lang);
char          *hubs_chart_format_percent              (double                     share,
                                                       HubsLanguage               lang);
char          *hubs_chart_format_actual               (const HubsChartKpi        *ck,
                                                       double                     value,
                                                       gboolean                   confirmed,
                                                       HubsLanguage               lang);
HubsStatus     hubs_chart_status_of_share             (double                     share);

/* hubs-chart-paint.c: text */
void           hubs_chart_painter_set_text            (HubsChartPainter          *p,
                                                       const char                *text,
                                                       double                     size,
                                                       gboolean                   bold,
                                                       double                     max_width,
                                                       int                        max_lines);
void           hubs_chart_painter_text_size           (HubsChartPainter          *p,
                                                       double                    *width,
                                                       double                    *height);
double         hubs_chart_painter_measure             (HubsChartPainter          *p,
                                                       const char                *text,
                                                       double                     size,
                                                       gboolean                   bold,
                                                       double                     max_width,
                                                       int                        max_lines,
                                                       double                    *height);
void           hubs_chart_painter_show                (HubsChartPainter          *p,
                                                       HubsChartElement           element,
                                                       double                     x,
                                                       double                     y,
                                                       const HubsChartColor      *color,
                                                       gboolean                   halo);
HubsChartRect  hubs_chart_painter_draw_text           (HubsChartPainter          *p,
                                                       HubsChartElement           element,
                                                       const char                *text,
                                                       double                     x,
                                                       double                     y,
                                                       double                     xalign,
                                                       double                     yalign,
                                                       double                     size,
                                                       gboolean                   bold,
                                                       const HubsChartColor      *color,
                                                       double                     max_width,
                                                       int                        max_lines);
void           hubs_chart_painter_add_placed          (HubsChartPainter          *p,
                                                       double                     x,
                                                       double                     y,
                                                       double                     width,
                                                       double                     height);
void           hubs_chart_painter_add_segment         (HubsChartPainter          *p,
                                                       double                     x0,
                                                       double                     y0,
                                                       double                     x1,
                                                       double                     y1,
                                                       const HubsChartRect       *clip);
gboolean       hubs_chart_painter_place_label         (HubsChartPainter          *p,
                                                       const char                *text,
                                                       double                     x,
                                                       double                     y,
                                                       int                        prefer,
                                                       gboolean                   optional,
                                                       double                     size,
                                                       gboolean                   bold,
                                                       const HubsChartColor      *color,
                                                       const HubsChartRect       *bounds);

/* hubs-chart-paint.c: marks, legend, headings, the normalised scale */
double         hubs_chart_painter_status_badge_width  (HubsChartPainter          *p,
                                                       HubsStatus                 status,
                                                       double                     size,
                                                       gboolean                   bold);
double         hubs_chart_painter_draw_status_badge   (HubsChartPainter          *p,
                                                       HubsStatus                 status,
                                                       double                     x,
                                                       double                     y,
                                                       double                     size,
                                                       gboolean                   bold);
double         hubs_chart_painter_draw_status_line    (HubsChartPainter          *p,
                                                       HubsStatus                 status,
                                                       const char                *sentence,
                                                       double                     x,
                                                       double                     y,
                                                       double                     width,
                                                       gboolean                   draw);
void           hubs_chart_painter_draw_point          (HubsChartPainter          *p,
                                                       double                     x,
                                                       double                     y,
                                                       double                     radius,
                                                       const HubsChartColor      *color,
                                                       gboolean                   filled);
void           hubs_chart_painter_draw_target_marker  (HubsChartPainter          *p,
                                                       double                     x,
                                                       double                     y,
                                                       double                     size);
void           hubs_chart_painter_add_hit             (HubsChartPainter          *p,
                                                       HubsChartHitKind           kind,
                                                       double                     x,
                                                       double                     y,
                                                       double                     width,
                                                       double                     height,
                                                       guint                      index,
                                                       int                        pillar,
                                                       int                        fiscal_year,
                                                       double                     value);
double         hubs_chart_painter_draw_legend         (HubsChartPainter          *p,
                                                       const HubsChartLegendItem *items,
                                                       guint                      n_items,
                                                       double                     x,
                                                       double                     bottom,
                                                       double                     width,
                                                       gboolean                   draw);
void           hubs_chart_painter_draw_empty          (HubsChartPainter          *p,
                                                       const char                *message);
double         hubs_chart_painter_draw_heading        (HubsChartPainter          *p,
                                                       const char                *title,
                                                       const char                *subtitle,
                                                       double                     x,
                                                       double                     y,
                                                       double                     width);
double         hubs_chart_painter_heading_height      (HubsChartPainter          *p,
                                                       const char                *title,
                                                       const char                *subtitle,
                                                       double                     width);
void           hubs_chart_painter_draw_norm_axis      (HubsChartPainter          *p,
                                                       const HubsChartScale      *scale,
                                                       double                     y,
                                                       double                     yalign,
                                                       gboolean                   words);
void           hubs_chart_painter_draw_norm_grid      (HubsChartPainter          *p,
                                                       const HubsChartScale      *scale,
                                                       double                     top,
                                                       double                     bottom);

/* hubs-chart-bullet.c: the bullet, also a row of the hub overview */
gboolean       hubs_chart_kpi_norm_range              (const HubsChartKpi        *ck,
                                                       double                    *origin,
                                                       double                    *full);
double         hubs_chart_kpi_normalise               (double                     origin,
                                                       double                     full,
                                                       double                     value);
void           hubs_chart_draw_bullet_row             (HubsChartPainter          *p,
                                                       const HubsChartKpi        *ck,
                                                       const HubsChartBulletMap  *m,
                                                       const HubsChartRect       *r,
                                                       guint                      index);

/* hubs-chart-stamp.c: the small type at the foot, which the chart then stays above */
void           hubs_chart_painter_draw_stamp          (HubsChartPainter          *p,
                                                       const char                *stamp);

/* One function per chart kind, each in its own file. */
void           hubs_chart_draw_trajectory             (HubsChartPainter          *p,
                                                       const HubsChartData       *data);
void           hubs_chart_draw_bullet                 (HubsChartPainter          *p,
                                                       const HubsChartData       *data);
void           hubs_chart_draw_overview               (HubsChartPainter          *p,
                                                       const HubsChartData       *data);
void           hubs_chart_draw_comparison             (HubsChartPainter          *p,
                                                       const HubsChartData       *data);

G_END_DECLS
