/* hubs-chart-bullet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bullet of one KPI: its latest actual against what the plan expects by now and its
 * targets. The hub overview draws one per KPI through hubs_chart_draw_bullet_row().
 */

#define G_LOG_DOMAIN "hubs-chart-bullet"

#include "config.h"

#include <math.h>

#include "hubs-chart-private.h"

/* The origin and the 100 % of a KPI's normalised scale: the start of its path and its final
 * target (for a yearly target, the target of the actual's year). */
gboolean
hubs_chart_kpi_norm_range (const HubsChartKpi *ck,
                           double             *origin,
                           double             *full)
{
  const HubsProgress *pr = &ck->progress;
  int year;

  if (!hubs_progress_get_final_target (pr, &year, full))
    return FALSE;

  *origin = pr->has_start && !pr->yearly_target ? pr->start : 0;
  if (pr->yearly_target && pr->has_expected)
    *full = pr->expected;

  return fabs (*full - *origin) > 1e-12;
}

double
hubs_chart_kpi_normalise (double origin,
                          double full,
                          double value)
{
  return (value - origin) / (full - origin) * 100;
}

static double
bullet_value (const HubsChartBulletMap *m,
              double                    value)
{
  return m->normalised ? hubs_chart_kpi_normalise (m->origin, m->full, value) : value;
}

static double
bullet_x (const HubsChartBulletMap *m,
          double                    value)
{
  double v = bullet_value (m, value);

  return hubs_chart_scale_map (m->scale, CLAMP (v, m->scale->min, m->scale->max));
}

/* One bullet (after Stephen Few) in @r: a track, the band of what the plan expects by the
 * actual's year (shaded by the status thresholds: darker is further behind), the bar of the
 * latest actual and a tick for each target, the final one taller. Bars grow from zero, or for
 * ranks from the worst end of the scale, so that longer is always better. */
void
hubs_chart_draw_bullet_row (HubsChartPainter         *p,
                            const HubsChartKpi       *ck,
                            const HubsChartBulletMap *m,
                            const HubsChartRect      *r,
                            guint                     index)
{
  cairo_t *cr = p->cr;
  const HubsProgress *pr = &ck->progress;
  const HubsChartScale *scale = m->scale;
  double lo = hubs_chart_scale_map (scale, scale->min);
  double hi = hubs_chart_scale_map (scale, scale->max);
  double cy = r->y + r->height / 2;
  double x0;

  if (m->normalised || pr->direction != HUBS_DIRECTION_LOWER)
    x0 = hubs_chart_scale_map (scale, CLAMP (0, scale->min, scale->max));
  else
    x0 = hubs_chart_scale_map (scale, scale->max);

  /* The track. */
  cairo_new_path (cr);
  hubs_chart_color_set_source_alpha (&p->theme->band, cr, 0.12);
  cairo_rectangle (cr, MIN (lo, hi), r->y, fabs (hi - lo), r->height);
  cairo_fill (cr);

  if (m->normalised && fabs (m->full - m->origin) < 1e-12)
    return;

  /* Expected by now, in three shades: limited progress, needs acceleration, on track. */
  if (pr->has_expected && pr->has_start)
    {
      static const double stops[] = { 0, HUBS_PROGRESS_ACCELERATION_SHARE,
                                       HUBS_PROGRESS_ON_TRACK_SHARE, 1.0 };
      static const double alphas[] = { 0.42, 0.3, 0.2 };
      double start = pr->yearly_target ? 0 : pr->start;

      for (guint i = 0; i < G_N_ELEMENTS (alphas); i++)
        {
          double xa = bullet_x (m, start + (pr->expected - start) * stops[i]);
          double xb = bullet_x (m, start + (pr->expected - start) * stops[i + 1]);

          cairo_new_path (cr);
          hubs_chart_color_set_source_alpha (&p->theme->band, cr, alphas[i]);
          cairo_rectangle (cr, MIN (xa, xb), r->y, fabs (xb - xa), r->height);
          cairo_fill (cr);
        }
    }

  /* The bar of the latest actual. */
  if (pr->has_actual)
    {
      double v = bullet_value (m, pr->actual);
      double x = bullet_x (m, pr->actual);
      double bh = r->height * 0.38;

      cairo_new_path (cr);
      hubs_chart_color_set_source (&p->theme->actual, cr);
      cairo_rectangle (cr, MIN (x0, x), cy - bh / 2, MAX (fabs (x - x0), 1.5), bh);
      cairo_fill (cr);

      /* Beyond the scale: an arrowhead says the bar goes on. */
      if (v > scale->max || v < scale->min)
        {
          double dir = (x > x0) ? 1 : -1;

          cairo_move_to (cr, x, cy - bh);
          cairo_line_to (cr, x + dir * bh, cy);
          cairo_line_to (cr, x, cy + bh);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      hubs_chart_painter_add_hit (p, HUBS_CHART_HIT_ACTUAL, (x0 + x) / 2, cy,
                                  MAX (fabs (x - x0), p->fs * 0.6),
                                  r->height, index, -1, pr->actual_year, pr->actual);
    }

  for (int year = HUBS_MIDTERM_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year += 2)
    {
      gboolean has = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->has_target_2027 : pr->has_target_2029;
      double value = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->target_2027 : pr->target_2029;
      double v, x, th, tw;

      if (!has)
        continue;
      /* A yearly target is 100 % in every year it applies to. */
      v = m->normalised && pr->yearly_target ? value / m->full * 100 : bullet_value (m, value);
      if (v < scale->min || v > scale->max)
        continue;
      x = hubs_chart_scale_map (scale, v);
      th = r->height * (year == HUBS_LAST_FISCAL_YEAR ? 0.95 : 0.7);
      tw = MAX (1.5, p->fs * (year == HUBS_LAST_FISCAL_YEAR ? 0.2 : 0.13));
      cairo_new_path (cr);
      hubs_chart_color_set_source (&p->theme->target, cr);
      cairo_rectangle (cr, x - tw / 2, cy - th / 2, tw, th);
      cairo_fill (cr);
      if (!m->normalised)
        hubs_chart_painter_add_hit (p, HUBS_CHART_HIT_TARGET, x, cy, p->fs, r->height, index, -1,
                                    year, value);
    }
}

void
hubs_chart_draw_bullet (HubsChartPainter    *p,
                        const HubsChartData *data)
{
  const HubsChartKpi *ck;
  const HubsProgress *pr;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status_text = NULL;
  HubsChartScale scale;
  HubsChartBulletMap map = { &scale, FALSE, 0, 0 };
  double pad = p->fs * 0.8, y, bottom, row_h, lower, upper, small = p->fs * 0.85, label_h;
  gboolean text = p->width >= p->fs * 14 && p->height >= p->fs * 8;
  gboolean rank;
  HubsChartRect row;
  static const HubsChartLegendItem legend[] = {
    HUBS_CHART_LEGEND_BAR, HUBS_CHART_LEGEND_BAND, HUBS_CHART_LEGEND_TICK,
  };

  if (data->kpis->len == 0)
    {
      hubs_chart_painter_draw_empty (p, hubs_i18n_gettext (p->lang, N_("No KPI")));
      return;
    }

  ck = g_ptr_array_index (data->kpis, 0);
  pr = &ck->progress;
  rank = ck->kpi->direction == HUBS_DIRECTION_LOWER;
  title = hubs_chart_get_title (data, p->lang);
  subtitle = hubs_chart_kpi_subtitle (data, ck, p->lang);
  status_text = hubs_chart_kpi_describe_status (ck, p->lang);

  /* In the KPI's own unit: from zero (counts start at zero) past the furthest of the targets,
   * the start and the actual. */
  lower = upper = 0;
  if (pr->has_start)
    upper = MAX (upper, pr->start);
  if (pr->has_target_2027)
    upper = MAX (upper, pr->target_2027);
  if (pr->has_target_2029)
    upper = MAX (upper, pr->target_2029);
  if (pr->has_actual)
    {
      upper = MAX (upper, pr->actual);
      lower = MIN (lower, pr->actual);
    }
  hubs_chart_scale_init (&scale, lower, upper * 1.05, 6);
  if (rank)
    {
      /* Ranks: first place at the right end, where better lies. */
      scale.step = MAX (1, scale.step);
      scale.min = 1;
      scale.max = 1 + ceil ((MAX (upper, 2) - 1) / scale.step - 1e-9) * scale.step;
    }

  y = pad;
  bottom = p->height - pad;
  hubs_chart_painter_measure (p, "2029", small, FALSE, 0, 0, &label_h);
  if (text && p->options->show_title && p->height > p->fs * 16)
    y = hubs_chart_painter_draw_heading (p, title, subtitle, pad, y, p->width - 2 * pad);
  if (text && p->options->show_legend && p->height > p->fs * 12)
    bottom -= hubs_chart_painter_draw_legend (p, legend, G_N_ELEMENTS (legend), pad, bottom,
                                              p->width - 2 * pad, TRUE) + p->fs * 0.5;

  if (text && p->options->show_status)
    y += hubs_chart_painter_draw_status_line (p, pr->status, status_text, pad, y,
                                              p->width - 2 * pad, TRUE) + p->fs * 0.6;

  if (text)
    {
      /* Target labels above the bullet, value ticks below it: the bullet sits in between. */
      double above = label_h * 2 + p->fs * 1.2, below = label_h * 2 + p->fs * 1.2;
      double space = bottom - y - above - below;
      double top;

      row_h = CLAMP (space * 0.5, p->fs * 1.5, p->fs * 6);
      /* The bullet and its labels, centred in the room left. */
      top = y + MAX (0, (space - row_h) / 2);
      row = (HubsChartRect) { pad + p->fs, top + above, p->width - 2 * pad - 2 * p->fs, row_h };
      if (row.y + row.height + label_h * 3 > bottom)
        text = FALSE;
    }
  if (!text)
    {
      row_h = MAX (1, MIN (p->height * 0.5, p->fs * 3));
      row = (HubsChartRect) { p->width * 0.03, (p->height - row_h) / 2, p->width * 0.94, row_h };
    }

  if (rank)
    hubs_chart_scale_set_range (&scale, row.x + row.width, row.x);
  else
    hubs_chart_scale_set_range (&scale, row.x, row.x + row.width);

  hubs_chart_draw_bullet_row (p, ck, &map, &row, 0);

  if (!text)
    return;

  /* Value ticks under the bullet, in the KPI's unit. */
  for (guint i = 0; i < hubs_chart_scale_get_n_ticks (&scale); i++)
    {
      double v = hubs_chart_scale_get_tick (&scale, i);
      g_autofree char *label = hubs_format_axis_value (v, ck->kpi->unit, p->lang);
      double x = hubs_chart_scale_map (&scale, v);

      cairo_new_path (p->cr);
      hubs_chart_color_set_source (&p->theme->axis, p->cr);
      cairo_set_line_width (p->cr, 1);
      cairo_move_to (p->cr, round (x) + 0.5, row.y + row.height);
      cairo_line_to (p->cr, round (x) + 0.5, row.y + row.height + p->fs * 0.3);
      cairo_stroke (p->cr);
      hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_AXIS, label, x,
                                    row.y + row.height + p->fs * 0.4, 0.5, 0, small, FALSE,
                                    &p->theme->dim, 0, 0);
    }
  if (hubs_format_kpi_unit (ck->kpi, p->lang)[0] != '\0')
    {
      g_autofree char *unit = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("(%s)")),
                                               rank ? hubs_i18n_gettext (p->lang, N_("rank, right "
                                                                                     "is better"))
                                                    : hubs_format_kpi_unit (ck->kpi, p->lang));

      hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_AXIS, unit, row.x + row.width,
                                    row.y + row.height + p->fs * 0.5 + label_h, 1, 0,
                                    small, FALSE, &p->theme->dim, 0, 0);
    }

  /* Name the targets above their ticks, the actual and the expected value beside the bar. */
  {
    HubsChartRect bounds = { 0, row.y - label_h * 2 - p->fs, p->width,
                             row.height + label_h * 4 + p->fs * 2 };

    /* The actual at the end of its bar, first: the other labels keep clear of it. */
    if (pr->has_actual)
      {
        g_autofree char *label = hubs_chart_format_actual (ck, pr->actual, pr->actual_confirmed,
                                                           p->lang);
        double x = bullet_x (&map, pr->actual), h;
        double w = hubs_chart_painter_measure (p, label, small, TRUE, 0, 0, &h);
        double lx = x + p->fs * 0.4, ly = row.y + row.height * 0.5 - h / 2;

        if (lx + w > row.x + row.width)
          lx = x - p->fs * 0.4 - w;
        hubs_chart_painter_add_placed (p, lx, ly, w, h);
        hubs_chart_painter_show (p, HUBS_CHART_ELEMENT_LABEL, lx, ly, &p->theme->actual, TRUE);
      }

    for (int year = HUBS_LAST_FISCAL_YEAR; year >= HUBS_MIDTERM_FISCAL_YEAR; year -= 2)
      {
        gboolean has = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->has_target_2027 : pr->has_target_2029;
        double value = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->target_2027 : pr->target_2029;
        g_autofree char *fy = NULL;
        g_autofree char *target = NULL;
        g_autofree char *label = NULL;

        if (!has)
          continue;
        fy = hubs_format_fiscal_year (year, p->lang);
        target = hubs_format_kpi_target (ck->kpi, value, p->lang);
        /* Translators: the label of a target on a chart: %1$s is a fiscal year, %2$s the target. */
        label = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("%1$s target %2$s")), fy, target);
        hubs_chart_painter_place_label (p, label, bullet_x (&map, value), row.y + row.height * 0.1,
                                        0, year != HUBS_LAST_FISCAL_YEAR, small, TRUE,
                                        &p->theme->target, &bounds);
      }

    if (pr->has_expected && pr->has_start)
      {
        g_autofree char *fy = hubs_format_fiscal_year (pr->actual_year, p->lang);
        g_autofree char *expected = hubs_chart_format_value (ck, pr->expected, p->lang);
        /* Translators: the label of the value the plan expects by a fiscal year (%1$s): %2$s. */
        g_autofree char *label = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("%1$s plan %2$s")),
                                                  fy, expected);

        hubs_chart_painter_place_label (p, label, bullet_x (&map, pr->expected), row.y, 0, TRUE,
                                        small,
                                        FALSE, &p->theme->dim, &bounds);
      }

  }
}
