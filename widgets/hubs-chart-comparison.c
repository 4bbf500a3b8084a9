/* hubs-chart-comparison.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison of the hubs: for each hub, overall and per pillar, the mean share of the
 * planned progress its KPIs achieved, on one scale.
 */

#define G_LOG_DOMAIN "hubs-chart-comparison"

#include "config.h"

#include <math.h>

#include "hubs-chart-private.h"

/* One hub's share in one column: a bar on the common scale in @bar, and in the column's text
 * area after it (from @text_x, @text_w wide) the status mark and the percentage. */
static void
draw_share_cell (HubsChartPainter          *p,
                 const HubsProgressSummary *summary,
                 const HubsChartScale      *scale,
                 const HubsChartRect       *bar,
                 double                     text_x,
                 double                     text_w,
                 guint                      index,
                 int                        pillar)
{
  cairo_t *cr = p->cr;
  double share;
  double x0 = hubs_chart_scale_map (scale, 0);
  double cy = bar->y + bar->height / 2;
  double size = MIN (p->fs * 0.85, bar->height * 0.55);
  double cell_w = text_x + text_w - bar->x;

  cairo_new_path (cr);
  hubs_chart_color_set_source_alpha (&p->theme->band, cr, 0.12);
  cairo_rectangle (cr, bar->x, bar->y + bar->height * 0.15, bar->width, bar->height * 0.7);
  cairo_fill (cr);

  if (summary->n_kpis == 0)
    {
      if (text_w > 0)
        hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_VALUE,
                                      hubs_i18n_gettext (p->lang, N_("no KPI")),
                                      bar->x + bar->width / 2, cy, 0.5, 0.5,
                                      size * 0.8, FALSE, &p->theme->dim, bar->width, 1);
      return;
    }

  if (!hubs_progress_summary_get_share (summary, &share))
    {
      /* The key below the chart names the mark. */
      if (text_w > 0)
        hubs_chart_draw_status_shape (cr, HUBS_STATUS_NOT_ASSESSABLE, p->theme,
                                      text_x + size / 2, cy, size);
      hubs_chart_painter_add_hit (p, HUBS_CHART_HIT_HUB, bar->x + cell_w / 2, cy, cell_w,
                                  bar->height, index, pillar, 0, NAN);
      return;
    }

  {
    HubsStatus status = hubs_chart_status_of_share (share);
    double v = CLAMP (share * 100, scale->min, scale->max);
    double x = hubs_chart_scale_map (scale, v);
    double bh = bar->height * 0.5;

    cairo_new_path (cr);
    hubs_chart_color_set_source (&p->theme->status[status], cr);
    cairo_rectangle (cr, MIN (x, x0), cy - bh / 2, MAX (fabs (x - x0), 1.5), bh);
    cairo_fill (cr);

    if (text_w > 0)
      {
        g_autofree char *label = hubs_chart_format_percent (share, p->lang);

        hubs_chart_draw_status_shape (cr, status, p->theme, text_x + size / 2, cy, size);
        hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_VALUE,
                                      label, text_x + text_w, cy, 1, 0.5, size, TRUE,
                                      &p->theme->foreground, 0, 0);
      }

    hubs_chart_painter_add_hit (p, HUBS_CHART_HIT_HUB, bar->x + cell_w / 2, cy, cell_w, bar->height,
                                index, pillar, 0, share);
  }
}

/* The key of the status marks, drawn as the marks themselves; returns its height. */
static double
draw_status_key (HubsChartPainter *p,
                 double            y_bottom,
                 gboolean          draw)
{
  double size = p->fs * 0.8, gap = p->fs * 1.4, total = 0, x, h;

  hubs_chart_painter_measure (p, "Ag", size, FALSE, 0, 0, &h);
  for (HubsStatus s = HUBS_STATUS_ON_TRACK; s < HUBS_N_STATUSES; s++)
    total += (s > HUBS_STATUS_ON_TRACK ? gap : 0) + size * 1.4 +
             hubs_chart_painter_measure (p, hubs_status_get_label (s, p->lang), size, FALSE, 0, 0,
                                         NULL);
  if (!draw || total > p->width)
    return total > p->width ? 0 : h;

  x = (p->width - total) / 2;
  for (HubsStatus s = HUBS_STATUS_ON_TRACK; s < HUBS_N_STATUSES; s++)
    {
      HubsChartRect r;

      hubs_chart_draw_status_shape (p->cr, s, p->theme, x + size / 2, y_bottom - h / 2, size);
      r = hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_LEGEND,
                                        hubs_status_get_label (s, p->lang), x + size * 1.4,
                                        y_bottom - h / 2, 0,
                                        0.5, size, FALSE, &p->theme->dim, 0, 0);
      x += size * 1.4 + r.width + gap;
    }
  return h;
}

void
hubs_chart_draw_comparison (HubsChartPainter    *p,
                            const HubsChartData *data)
{
  double pad = p->fs * 0.8, y, name_w, col_w, gap, row_h, header_h, legend_h = 0, size;
  gboolean counts = FALSE;
  gboolean text = p->width >= p->fs * 20 && p->height >= p->fs * 10;
  g_autofree char *title = hubs_chart_get_title (data, p->lang);
  const char *subtitle =
    hubs_i18n_gettext (p->lang, N_("Mean share of each KPI’s planned progress achieved (100% = "
                                   "on plan), each KPI held within −50% to 150%; breakdown KPIs "
                                   "and KPIs that cannot be assessed are left out."));
  guint n = data->hubs->len;

  if (n == 0)
    {
      hubs_chart_painter_draw_empty (p, hubs_i18n_gettext (p->lang, N_("No hub cities")));
      return;
    }

  y = pad;
  if (text && p->options->show_title && p->height > p->fs * 22)
    y = hubs_chart_painter_draw_heading (p, title, subtitle, pad, y, p->width - 2 * pad);
  if (text && p->options->show_legend)
    {
      legend_h = draw_status_key (p, p->height - pad, TRUE);
      legend_h += legend_h > 0 ? p->fs * 0.5 : 0;
    }

  header_h = text ? p->fs * 3.0 : 0;
  row_h = MAX (1, MIN ((p->height - y - pad - legend_h - header_h - (text ? p->fs * 1.3 : 0)) / n,
                       p->fs * 3));
  size = MIN (p->fs, row_h * 0.45);
  if (text && row_h < p->fs * 1.1)
    text = FALSE;

  /* The names take what the longest needs, up to a quarter of the width. */
  name_w = 0;
  for (guint i = 0; text && i < n; i++)
    {
      const HubsChartHubSummary *summary = g_ptr_array_index (data->hubs, i);

      name_w = MAX (name_w, hubs_chart_painter_measure (p, hubs_chart_hub_name (summary->hub,
                                                                                p->lang),
                                                        size, TRUE, 0, 0, NULL) + 1);
    }
  name_w = MIN (name_w, (p->width - 2 * pad) * 0.25);
  gap = text ? p->fs * 1.0 : p->width * 0.01;
  col_w = MAX (1, (p->width - 2 * pad - name_w - gap * (HUBS_N_PILLARS + 1)) /
                  (HUBS_N_PILLARS + 1));

  /* The hub presented, picked out across its row: a band, and a bar at its left edge that
   * tells it without its colour. */
  for (guint i = 0; p->options->highlight != NULL && i < n; i++)
    {
      const HubsChartHubSummary *summary = g_ptr_array_index (data->hubs, i);
      double top = y + header_h + i * row_h;

      if (g_strcmp0 (summary->hub->id, p->options->highlight) != 0)
        continue;
      cairo_new_path (p->cr);
      cairo_rectangle (p->cr, pad * 0.25, top, p->width - pad * 0.5, row_h);
      hubs_chart_color_set_source_alpha (&p->theme->actual, p->cr, 0.14);
      cairo_fill (p->cr);
      cairo_rectangle (p->cr, pad * 0.25, top, MAX (2, p->fs * 0.2), row_h);
      hubs_chart_color_set_source (&p->theme->actual, p->cr);
      cairo_fill (p->cr);
    }

  for (int col = -1; col < HUBS_N_PILLARS; col++)
    {
      double cx = pad + name_w + gap + (col + 1) * (col_w + gap);
      HubsChartScale scale;
      double rows_top = y + header_h;
      /* The mark and percentage take a fixed column at the right of each cell, so they never
       * cover a bar. */
      double text_w = text ? size * 1.3 + hubs_chart_painter_measure (p, "-150%", size, TRUE, 0, 0,
                                                                      NULL) : 0;
      double bar_w = MAX (1, col_w - text_w - (text ? size * 0.5 : 0));

      hubs_chart_scale_init (&scale, HUBS_CHART_NORM_MIN, HUBS_CHART_NORM_MAX, 4);
      hubs_chart_scale_set_range (&scale, cx, cx + bar_w);

      if (text)
        {
          const char *label = col < 0 ? hubs_i18n_gettext (p->lang, N_("All KPIs"))
                                      : hubs_chart_pillar_get_short_label (col, p->lang);

          hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_AXIS,
                                        label, cx + bar_w / 2, y + p->fs * 1.2, 0.5, 1,
                                        p->fs * 0.9, TRUE, &p->theme->foreground, col_w, 1);
          /* The scale on top and at the bottom of each column: 0 and 100 % only, or 100 %
           * alone where the two would touch. */
          double tick_w = hubs_chart_painter_measure (p, "100%", p->fs * 0.7, FALSE, 0, 0, NULL);
          double first = hubs_chart_scale_map (&scale, 100) - hubs_chart_scale_map (&scale, 0) <
                         tick_w + p->fs * 0.4 ? 100 : 0;

          for (double v = first; v <= 100; v += 100)
            {
              g_autofree char *tick = hubs_format_axis_value (v, "%", p->lang);
              double x = hubs_chart_scale_map (&scale, v);

              hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_AXIS,
                                            tick, x, rows_top - p->fs * 0.25, 0.5, 1,
                                            p->fs * 0.7, FALSE, &p->theme->dim, 0, 0);
              hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_AXIS,
                                            tick, x, rows_top + row_h * n + p->fs * 0.2, 0.5, 0,
                                            p->fs * 0.7, FALSE, &p->theme->dim, 0, 0);
            }
        }
      hubs_chart_painter_draw_norm_grid (p, &scale, rows_top, rows_top + row_h * n);

      for (guint i = 0; i < n; i++)
        {
          const HubsChartHubSummary *summary = g_ptr_array_index (data->hubs, i);
          const HubsProgressSummary *s = col < 0 ? &summary->all : &summary->pillars[col];
          HubsChartRect bar = { cx, rows_top + i * row_h, bar_w, row_h };

          draw_share_cell (p, s, &scale, &bar, cx + col_w - text_w, text_w, i, col);
        }
    }

  if (!text)
    return;

  /* A name over its count of KPIs assessed where both, as high as their fonts make them, keep
   * to their row (CJK lines are taller than the body size says). */
  if (row_h > p->fs * 2)
    {
      const HubsChartHubSummary *summary = g_ptr_array_index (data->hubs, 0);
      g_autofree char *count = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("%1$u of %2$u KPIs "
                                                                               "assessed")),
                                                summary->all.n_assessed, summary->all.n_kpis);
      double name_h, count_h;

      hubs_chart_painter_measure (p, hubs_chart_hub_name (summary->hub, p->lang), size, TRUE,
                                  name_w, 1, &name_h);
      hubs_chart_painter_measure (p, count, size * 0.75, FALSE, name_w, 1, &count_h);
      counts = 2 * MAX (name_h, count_h) <= row_h + 0.5;
    }

  for (guint i = 0; i < n; i++)
    {
      const HubsChartHubSummary *summary = g_ptr_array_index (data->hubs, i);
      double cy = y + header_h + (i + 0.5) * row_h;
      /* Translators: under a hub city’s name in the comparison chart: how many of its KPIs could be
       * assessed. */
      g_autofree char *count = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("%1$u of %2$u KPIs "
                                                                               "assessed")),
                                                summary->all.n_assessed, summary->all.n_kpis);

      if (counts)
        {
          hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_NAME,
                                        hubs_chart_hub_name (summary->hub, p->lang), pad, cy, 0,
                                        1, size, TRUE, &p->theme->foreground, name_w, 1);
          hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_VALUE,
                                        count, pad, cy, 0, 0, size * 0.75, FALSE, &p->theme->dim,
                                        name_w, 1);
        }
      else
        hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_NAME,
                                      hubs_chart_hub_name (summary->hub, p->lang), pad, cy, 0,
                                      0.5, size, TRUE, &p->theme->foreground, name_w, 1);
    }
}
