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
      g_autofree char *value = hubs_format_kpi_target (ck->kpi, final_target, lang);

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

/* The values column is at most this many times its text size wide. */
#define VALUE_CHARS 17

/* The height of @lines lines of names at @size, in the tallest script of either language. */
static double
lines_height (HubsChartPainter *p,
              double            size,
              int               lines)
{
  double h;

  hubs_chart_painter_measure (p, lines == 2 ? "Ag漢\nAg漢" : "Ag漢", size, FALSE, 0, 0, &h);
  return h;
}

/* The width of the name column, from @least to @most, in which every KPI name fits whole in
 * @lines lines, or @most, when @whole says they do not. */
static double
names_width (HubsChartPainter    *p,
             const HubsChartData *data,
             double               size,
             int                  lines,
             double               least,
             double               most,
             gboolean            *all_whole)
{
  double w = least;
  gboolean whole = TRUE;

  for (int attempt = 0; attempt < 12; attempt++)
    {
      whole = TRUE;
      for (guint i = 0; i < data->kpis->len && whole; i++)
        {
          const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
          double indent = ck->progress.is_breakdown ? p->fs * 1.2 : 0;

          hubs_chart_painter_set_text (p, hubs_chart_kpi_name (ck->kpi, p->lang), size, FALSE,
                                       w - p->fs * 0.4 - indent, lines);
          whole = !pango_layout_is_ellipsized (p->layout);
        }
      if (whole || w >= most)
        break;
      w = MIN (most, w * 1.1);
    }
  *all_whole = whole;
  return w;
}

void
hubs_chart_draw_overview (HubsChartPainter    *p,
                          const HubsChartData *data)
{
  double pad = p->fs * 0.8;
  double y, name_w, bullet_x, bullet_w, status_x, status_w, value_x, value_w, row_h, body_h;
  double name_size, value_size, legend_h = 0, gap = p->fs * 0.8;
  int name_lines;
  gboolean compact_status;
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
  if (text && row_h < p->fs * 1.4)
    text = FALSE;

  name_size = value_size = 0;
  name_lines = 2;
  status_w = value_w = name_w = 0;
  compact_status = FALSE;
  if (text)
    {
      double avail = p->width - 2 * pad - 2 * gap, widest_status = 0, rest;

      /* Names in two lines, with room between the rows so that they never touch: the largest
       * size that fits the row, or one line when two cannot. */
      name_size = p->fs * 0.95;
      while (name_size > p->fs * 0.7 && lines_height (p, name_size, 2) + p->fs * 0.45 > row_h)
        name_size *= 0.95;
      if (lines_height (p, name_size, 2) + p->fs * 0.45 > row_h)
        name_lines = 1;
      /* The values' two lines fit the row too, smaller if they must. */
      value_size = name_size * 0.85;
      while (value_size > p->fs * 0.5 && lines_height (p, value_size, 2) + p->fs * 0.2 > row_h)
        value_size *= 0.95;

      /* The status and the values take what their words need, the same on every hub: the
       * widest status there is, and the values up to a width that only the size decides, so
       * that the value column is there at a size on every hub or on none. */
      for (HubsStatus s = 0; s < HUBS_N_STATUSES; s++)
        widest_status = MAX (widest_status,
                             hubs_chart_painter_measure (p, hubs_status_get_label (s, p->lang),
                                                         name_size * 0.95, FALSE, 0, 0, NULL));
      status_w = name_size * 1.4 + widest_status + gap;
      for (guint i = 0; i < data->kpis->len; i++)
        {
          const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
          g_autofree char *values = kpi_value_summary (ck, p->lang);

          value_w = MAX (value_w, hubs_chart_painter_measure (p, values, value_size, FALSE, 0, 0,
                                                              NULL) + p->fs * 0.4);
        }
      value_w = MIN (value_w, value_size * VALUE_CHARS);

      /* The names and the bars need 55 % of the width: the values go first, then the words
       * of the status (its mark stays, and its tooltip says it). */
      if (avail - status_w - value_size * VALUE_CHARS < (p->width - 2 * pad) * 0.55 ||
          lines_height (p, value_size, 2) + p->fs * 0.2 > row_h)
        value_w = 0;
      /* The names take what the longest needs in its lines, leaving the bars a quarter; when
       * that is not enough, the status's words give way too. */
      for (;;)
        {
          gboolean whole;

          if (avail - status_w < (p->width - 2 * pad) * 0.55)
            compact_status = TRUE;
          if (compact_status)
            status_w = name_size * 1.4 + gap * 0.5;
          rest = avail - status_w - value_w;
          name_w = names_width (p, data, name_size, name_lines, rest * 0.35,
                                MAX (rest * 0.35, rest - (p->width - 2 * pad) * 0.25), &whole);
          if (whole || compact_status)
            break;
          compact_status = TRUE;
        }
    }
  bullet_x = text ? pad + name_w + gap : p->width * 0.02;
  bullet_w = text ? p->width - pad - value_w - status_w - gap - bullet_x : p->width * 0.96;
  bullet_w = MAX (bullet_w, 1);
  status_x = bullet_x + bullet_w + gap;
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
                                          hubs_i18n_pillar_label (p->lang, ck->kpi->pillar),
                                          pad, y + row_h * heading_rows, 0, 1, name_size * 0.9,
                                          TRUE, &p->theme->dim, p->width - 2 * pad, 1);
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
                                        name_w - p->fs * 0.4 - indent, name_lines);
          if (compact_status)
            hubs_chart_draw_status_shape (p->cr, ck->progress.status, p->theme,
                                          status_x + name_size * 0.5, y + row_h / 2,
                                          name_size);
          else
            hubs_chart_painter_draw_status_badge (p, ck->progress.status, status_x,
                                                  y + row_h / 2, name_size * 0.95, FALSE);
          if (value_w > 0)
            hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_VALUE, values, value_x,
                                          y + row_h / 2, 0, 0.5, value_size, FALSE,
                                          &p->theme->dim, value_w, 2);
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
