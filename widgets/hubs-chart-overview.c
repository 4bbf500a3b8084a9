/* hubs-chart-overview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview of one hub: a bullet per KPI, each on its own scale from its start (0 %) to its
 * final target (100 %), grouped by pillar, with its status and values.
 */

#define G_LOG_DOMAIN "hubs-chart-overview"

#include "config.h"

#include <math.h>

#include "hubs-chart-private.h"

static char *
kpi_value_summary (const HubsChartKpi *ck,
                   HubsLanguage        lang)
{
  const HubsProgress *pr = &ck->progress;
  g_autofree char *target = NULL;
  double final_target;
  int final_year;

  if (hubs_progress_get_final_target (pr, &final_year, &final_target))
    {
      g_autofree char *fy = hubs_format_fiscal_year (final_year, lang);
      g_autofree char *value = hubs_format_target (final_target, ck->kpi->unit,
                                                   ck->kpi->qualifier, lang);

      target = pr->yearly_target
               ? g_strdup_printf (hubs_i18n_gettext (lang, N_("target %s a year")), value)
               : g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s target %2$s")), fy, value);
    }
  else
    target = g_strdup (hubs_i18n_gettext (lang, N_("no target")));

  if (pr->has_actual)
    {
      g_autofree char *fy = hubs_format_fiscal_year (pr->actual_year, lang);
      g_autofree char *actual = hubs_chart_format_actual (ck, pr->actual, pr->actual_confirmed,
                                                          lang);

      /* Translators: the values beside a KPI’s bullet: a fiscal year and its actual, then on a
       * second line the target. */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s %2$s\n%3$s")), fy, actual,
                              target);
    }

  /* Translators: the values beside a KPI’s bullet without an actual; %s is the target. */
  return g_strdup_printf (hubs_i18n_gettext (lang, N_("No actual yet\n%s")), target);
}

void
hubs_chart_draw_overview (HubsChartPainter    *p,
                          const HubsChartData *data)
{
  double pad = p->fs * 0.8;
  double y, name_w, bullet_x, bullet_w, status_x, status_w, value_x, value_w, row_h, body_h;
  double name_size, legend_h = 0;
  /* Row heights: a KPI is one, a pillar's heading less. */
  const double heading_rows = 0.62;
  double n_rows = 0;
  int last_pillar = -1;
  HubsChartScale scale;
  HubsChartBulletMap map = { &scale, TRUE, 0, 0 };
  gboolean text = p->width >= p->fs * 16 && p->height >= p->fs * 8;
  gboolean show_legend = text && p->options->show_legend;
  g_autofree char *title = hubs_chart_get_title (data, p->lang);
  static const HubsChartLegendItem legend[] = {
    HUBS_CHART_LEGEND_BAR, HUBS_CHART_LEGEND_BAND, HUBS_CHART_LEGEND_TICK,
  };
  double lower = 0, upper = 110;

  if (data->kpis->len == 0)
    {
      hubs_chart_painter_draw_empty (p,
                                     hubs_i18n_gettext (p->lang, N_("This hub city has no KPIs")));
      return;
    }

  /* Rows: one per KPI, plus a heading whenever the pillar changes. */
  for (guint i = 0; i < data->kpis->len; i++)
    {
      const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
      double origin, full;

      if ((int) ck->kpi->pillar != last_pillar)
        n_rows += heading_rows;
      last_pillar = ck->kpi->pillar;
      n_rows++;

      if (ck->progress.has_actual && hubs_chart_kpi_norm_range (ck, &origin, &full))
        {
          double v = hubs_chart_kpi_normalise (origin, full, ck->progress.actual);

          lower = MIN (lower, v);
          upper = MAX (upper, v);
        }
    }
  hubs_chart_scale_init (&scale, MAX (lower, HUBS_CHART_NORM_MIN), MIN (upper, HUBS_CHART_NORM_MAX),
                         4);

  y = pad;
  if (text && p->options->show_title && p->height > p->fs * 20)
    {
      g_autofree char *subtitle =
        g_strdup (hubs_i18n_gettext (p->lang, N_("Each KPI on its own scale: its start at 0%, its "
                                                 "FY2029 target at 100%")));

      y = hubs_chart_painter_draw_heading (p, title, subtitle, pad, y, p->width - 2 * pad);
    }
  if (show_legend)
    legend_h = hubs_chart_painter_draw_legend (p, legend, G_N_ELEMENTS (legend), pad,
                                               p->height - pad,
                                               p->width - 2 * pad, FALSE) + p->fs * 0.4;

  body_h = p->height - y - pad - legend_h - (text ? p->fs * 1.4 : 0);
  row_h = MAX (1, MIN (body_h / MAX (n_rows, 1), p->fs * 3.6));
  name_size = MIN (p->fs, row_h * 0.34);
  if (text && row_h < p->fs * 1.4)
    text = FALSE;

  /* Columns: names, bullets, status, values. Status and values take what their words need,
   * the names a third, the bullets the rest; values go first when room is short. */
  status_w = value_w = 0;
  if (text)
    {
      for (guint i = 0; i < data->kpis->len; i++)
        {
          const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
          g_autofree char *values = kpi_value_summary (ck, p->lang);

          status_w = MAX (status_w,
                          hubs_chart_painter_measure (p,
                                                      hubs_status_get_label (ck->progress.status,
                                                                             p->lang),
                                                      name_size * 0.95, FALSE, 0, 0, NULL));
          value_w = MAX (value_w,
                         hubs_chart_painter_measure (p, values, name_size * 0.85, FALSE, 0, 0,
                                                     NULL));
        }
      status_w += name_size * 1.4 + p->fs * 0.8;
      value_w = MIN (value_w + p->fs * 0.4, (p->width - 2 * pad) * 0.26);
    }
  name_w = text ? (p->width - 2 * pad) * 0.3 : 0;
  bullet_x = text ? pad + name_w + p->fs * 0.8 : p->width * 0.02;
  bullet_w = text ? p->width - pad - value_w - status_w - p->fs * 0.8 - bullet_x
                  : p->width * 0.96;
  if (text && bullet_w < (p->width - 2 * pad) * 0.2)
    {
      /* Narrow: give up the value column. */
      bullet_w += value_w;
      value_w = 0;
    }
  bullet_w = MAX (bullet_w, 1);
  status_x = bullet_x + bullet_w + p->fs * 0.8;
  value_x = status_x + status_w;
  hubs_chart_scale_set_range (&scale, bullet_x, bullet_x + bullet_w);

  if (text)
    {
      hubs_chart_painter_draw_norm_axis (p, &scale, y + p->fs * 1.1, 1, TRUE);
      y += p->fs * 1.4;
    }
  hubs_chart_painter_draw_norm_grid (p, &scale, y, y + row_h * n_rows);

  last_pillar = -1;
  for (guint i = 0; i < data->kpis->len; i++)
    {
      const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
      gboolean breakdown = ck->progress.is_breakdown;
      HubsChartRect bullet;

      if ((int) ck->kpi->pillar != last_pillar)
        {
          if (text)
            hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_NAME,
                                          hubs_chart_pillar_get_label (ck->kpi->pillar,
                                                                          p->lang),
                                          pad, y + row_h * heading_rows, 0, 1, name_size * 0.9,
                                          TRUE, &p->theme->dim, name_w, 1);
          last_pillar = ck->kpi->pillar;
          y += row_h * heading_rows;
        }

      bullet = (HubsChartRect) { bullet_x, y + row_h * 0.18, bullet_w, row_h * 0.64 };
      map.normalised = TRUE;
      if (!hubs_chart_kpi_norm_range (ck, &map.origin, &map.full))
        map.origin = map.full = 0;
      hubs_chart_draw_bullet_row (p, ck, &map, &bullet, i);

      if (text)
        {
          double indent = breakdown ? p->fs * 1.2 : 0;
          g_autofree char *values = kpi_value_summary (ck, p->lang);

          hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_NAME,
                                        hubs_chart_kpi_name (ck->kpi, p->lang),
                                        pad + p->fs * 0.4 + indent, y + row_h / 2, 0, 0.5,
                                        name_size, FALSE, &p->theme->foreground,
                                        name_w - p->fs * 0.4 - indent, 2);
          hubs_chart_painter_draw_status_badge (p, ck->progress.status, status_x, y + row_h / 2,
                                                name_size * 0.95, FALSE);
          if (value_w > 0)
            hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_VALUE,
                                          values, value_x, y + row_h / 2, 0, 0.5,
                                          name_size * 0.85, FALSE, &p->theme->dim, value_w, 2);
        }

      hubs_chart_painter_add_hit (p, HUBS_CHART_HIT_KPI, p->width / 2, y + row_h / 2,
                                  p->width - 2 * pad, row_h,
                                  i, -1, ck->progress.actual_year, ck->progress.actual);
      y += row_h;
    }

  /* The legend right under the rows, not at the foot of a tall widget. */
  if (show_legend)
    hubs_chart_painter_draw_legend (p, legend, G_N_ELEMENTS (legend), pad,
                                    MIN (p->height - pad,
                                         y + p->fs * 0.6 + legend_h), p->width - 2 * pad, TRUE);
}
