/* hubs-chart-trajectory.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trajectory of one KPI: its actuals over the fiscal years against the plan path from the
 * baseline to the targets, with the projection of the current pace.
 */

#define G_LOG_DOMAIN "hubs-chart-trajectory"

#include "config.h"

#include <math.h>

#include "hubs-chart-private.h"

typedef struct
{
  double x, y;
} Point;

typedef struct
{
  const HubsChartKpi *ck;
  const HubsProgress *pr;
  HubsChartScale      x;
  HubsChartScale      y;
  HubsChartRect                plot;
  int                 first_year;
  int                 last_year;
  gboolean            rank;
  /* The baseline is a reference, not the start of the path. */
  gboolean            reference;
  /* The projection is said in words above the plot. */
  gboolean            projection_said;
} Trajectory;

static void
trajectory_range (Trajectory *t,
                  double     *lower,
                  double     *upper)
{
  const HubsProgress *pr = t->pr;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, span;

#define INCLUDE(v) G_STMT_START { lo = MIN (lo, (v)); hi = MAX (hi, (v)); } G_STMT_END

  if (pr->has_start)
    INCLUDE (pr->start);
  if (pr->has_baseline)
    INCLUDE (pr->baseline);
  if (pr->has_target_2027)
    INCLUDE (pr->target_2027);
  if (pr->has_target_2029)
    INCLUDE (pr->target_2029);
  for (guint i = 0; i < t->ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (t->ck->figures, i);

      if (figure->kind == HUBS_FIGURE_ACTUAL && figure->measured && isfinite (figure->value))
        INCLUDE (figure->value);
    }

  if (lo > hi)
    lo = 0, hi = 1;

  /* The projection counts only while it stays near the rest: a runaway trend is clipped. */
  span = MAX (hi - lo, fabs (hi) * 0.1);
  if (pr->has_projection)
    {
      double v;

      hubs_progress_get_projection (pr, t->last_year, &v);
      INCLUDE (CLAMP (v, lo - span * 0.5, hi + span * 0.5));
    }
#undef INCLUDE

  /* Counts start at zero; ranks at first place. */
  if (lo > 0)
    lo = 0;

  *lower = lo;
  *upper = hi;
}

static double
tx (const Trajectory *t,
    double            year)
{
  return hubs_chart_scale_map (&t->x, year);
}

static double
ty (const Trajectory *t,
    double            value)
{
  return hubs_chart_scale_map (&t->y, value);
}

/* The gridlines and the value of each, and the fiscal years under the plot. */
static void
draw_grid (HubsChartPainter *p,
           const Trajectory *t,
           gboolean          text)
{
  cairo_t *cr = p->cr;
  const char *unit = t->ck->kpi->unit;
  double small = p->fs * 0.85;
  guint n_ticks = hubs_chart_scale_get_n_ticks (&t->y);

  for (guint i = 0; i < n_ticks; i++)
    {
      double v = hubs_chart_scale_get_tick (&t->y, i);
      double y = round (ty (t, v)) + 0.5;

      cairo_new_path (cr);
      hubs_chart_color_set_source (v == 0 ? &p->theme->axis : &p->theme->grid, cr);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, t->plot.x, y);
      cairo_line_to (cr, t->plot.x + t->plot.width, y);
      cairo_stroke (cr);

      if (text && !(t->rank && v < 1))
        {
          g_autofree char *label = hubs_format_axis_value (v, unit, p->lang);

          hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_AXIS,
                                        label, t->plot.x - p->fs * 0.4, y, 1, 0.5, small, FALSE,
                                        &p->theme->dim, 0, 0);
        }
    }

  /* Fiscal years. */
  if (text)
    {
      double spacing = t->plot.width / MAX (1, t->last_year - t->first_year + 0.7);
      double widest = 0, label_h, years_y;
      int every = 1;

      /* Below the half of the lowest tick's label that hangs under the plot. */
      hubs_chart_painter_measure (p, "2029", small, FALSE, 0, 0, &label_h);
      years_y = t->plot.y + t->plot.height + label_h / 2 + p->fs * 0.1;

      for (int year = t->first_year; year <= t->last_year; year++)
        {
          g_autofree char *label = hubs_format_fiscal_year (year, p->lang);

          widest = MAX (widest, hubs_chart_painter_measure (p, label, small, FALSE, 0, 0, NULL));
        }
      while (every < 6 && widest * 1.15 > spacing * every)
        every++;

      for (int year = t->first_year; year <= t->last_year; year++)
        {
          g_autofree char *label = NULL;

          if ((HUBS_LAST_FISCAL_YEAR - year) % every != 0)
            continue;
          label = hubs_format_fiscal_year (year, p->lang);
          hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_AXIS, label, tx (t, year),
                                        years_y, 0.5, 0,
                                        small, FALSE, &p->theme->dim, 0, 0);
        }
    }
}

/* Where the lines may reach: a little past the plot, not into the axis labels. */
static HubsChartRect
line_clip (HubsChartPainter *p,
           const Trajectory *t)
{
  return (HubsChartRect) { t->plot.x - p->fs, t->plot.y - p->fs, t->plot.width + 2 * p->fs,
                           t->plot.height + 2 * p->fs };
}

/* Draws and notes a line through @points, for the labels to keep off. */
static void
stroke_line (HubsChartPainter *p,
             const Trajectory *t,
             const Point      *points,
             guint             n_points)
{
  HubsChartRect clip = line_clip (p, t);

  cairo_new_path (p->cr);
  for (guint i = 0; i < n_points; i++)
    {
      cairo_line_to (p->cr, points[i].x, points[i].y);
      if (i > 0)
        hubs_chart_painter_add_segment (p, points[i - 1].x, points[i - 1].y, points[i].x,
                                        points[i].y, &clip);
    }
  cairo_stroke (p->cr);
}

/* The plan path, dashed, from the start through the targets. */
static void
draw_plan_path (HubsChartPainter *p,
                const Trajectory *t)
{
  cairo_t *cr = p->cr;
  const HubsProgress *pr = t->pr;
  double lw = MAX (1, p->fs * 0.16);

  if (pr->has_start && hubs_progress_get_final_target (pr, NULL, NULL))
    {
      Point points[3];
      guint n = 0;

      points[n++] = (Point) { tx (t, pr->start_year), ty (t, pr->start) };
      if (pr->has_target_2027 && pr->start_year < HUBS_MIDTERM_FISCAL_YEAR)
        points[n++] = (Point) { tx (t, HUBS_MIDTERM_FISCAL_YEAR), ty (t, pr->target_2027) };
      if (pr->has_target_2029 && pr->start_year < HUBS_LAST_FISCAL_YEAR)
        points[n++] = (Point) { tx (t, HUBS_LAST_FISCAL_YEAR), ty (t, pr->target_2029) };
      hubs_chart_color_set_source (&p->theme->plan, cr);
      cairo_set_line_width (cr, lw);
      cairo_set_dash (cr, (double[]) { lw * 4, lw * 2.5 }, 2, 0);
      stroke_line (p, t, points, n);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* The projection, dotted, from the latest actual to the last target year. */
static void
draw_projection (HubsChartPainter *p,
                 const Trajectory *t)
{
  cairo_t *cr = p->cr;
  const HubsProgress *pr = t->pr;
  double lw = MAX (1, p->fs * 0.16);

  if (pr->has_projection && pr->actual_year < t->last_year)
    {
      int end_year = MAX (pr->actual_year + 1, HUBS_LAST_FISCAL_YEAR);
      double end;

      Point points[2];

      hubs_progress_get_projection (pr, end_year, &end);
      points[0] = (Point) { tx (t, pr->actual_year), ty (t, pr->actual) };
      points[1] = (Point) { tx (t, end_year), ty (t, end) };
      hubs_chart_color_set_source (&p->theme->projection, cr);
      cairo_set_line_width (cr, lw * 1.2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, (double[]) { 0, lw * 2.2 }, 2, 0);
      stroke_line (p, t, points, G_N_ELEMENTS (points));
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }
}

/* The actual line, from the start of the path through every measured actual. */
static void
draw_actuals (HubsChartPainter *p,
              const Trajectory *t)
{
  cairo_t *cr = p->cr;
  const HubsProgress *pr = t->pr;
  const HubsChartKpi *ck = t->ck;
  double lw = MAX (1, p->fs * 0.16);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Point));

  if (pr->has_start && !t->reference && !pr->yearly_target)
    {
      Point pt = { tx (t, pr->start_year), ty (t, pr->start) };

      g_array_append_val (points, pt);
    }
  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);
      Point pt;

      if (figure->kind != HUBS_FIGURE_ACTUAL || !figure->measured || !isfinite (figure->value))
        continue;
      if (pr->has_start && figure->fiscal_year <= pr->start_year && points->len > 0)
        continue;
      pt.x = tx (t, figure->fiscal_year);
      pt.y = ty (t, figure->value);
      g_array_append_val (points, pt);
    }

  if (points->len > 1)
    {
      hubs_chart_color_set_source (&p->theme->actual, cr);
      cairo_set_line_width (cr, lw * 1.4);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      stroke_line (p, t, (const Point *) points->data, points->len);
    }
}

/* The marks: the baseline, the targets, the actuals, the end of the projection. Their boxes go
 * into the placed list first, so labels avoid them. */
static void
draw_marks (HubsChartPainter *p,
            const Trajectory *t)
{
  const HubsProgress *pr = t->pr;
  const HubsChartKpi *ck = t->ck;

  /* Marks: the baseline, the targets, the actuals, the end of the projection. Their boxes go
   * into the placed list first, so labels avoid them. */
  if (pr->has_baseline)
    hubs_chart_painter_add_placed (p, tx (t, pr->baseline_year) - p->fs * 0.4,
                                   ty (t, pr->baseline) - p->fs * 0.4, p->fs * 0.8, p->fs * 0.8);
  if (pr->has_target_2027)
    hubs_chart_painter_add_placed (p, tx (t, HUBS_MIDTERM_FISCAL_YEAR) - p->fs * 0.6,
                                   ty (t, pr->target_2027) - p->fs * 0.6, p->fs * 1.2, p->fs * 1.2);
  if (pr->has_target_2029)
    hubs_chart_painter_add_placed (p, tx (t, HUBS_LAST_FISCAL_YEAR) - p->fs * 0.6,
                                   ty (t, pr->target_2029) - p->fs * 0.6, p->fs * 1.2, p->fs * 1.2);

  if (pr->has_baseline)
    {
      double x = tx (t, pr->baseline_year), y = ty (t, pr->baseline);

      hubs_chart_painter_draw_point (p, x, y, p->fs * 0.32, &p->theme->baseline, !t->reference);
      hubs_chart_painter_add_hit (p, HUBS_CHART_HIT_BASELINE, x, y, p->fs, p->fs, 0, -1,
                                  pr->baseline_year, pr->baseline);
    }

  for (int year = HUBS_MIDTERM_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year += 2)
    {
      gboolean has = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->has_target_2027 : pr->has_target_2029;
      double value = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->target_2027 : pr->target_2029;

      if (!has)
        continue;
      hubs_chart_painter_draw_target_marker (p, tx (t, year), ty (t, value), p->fs * 0.95);
      hubs_chart_painter_add_hit (p, HUBS_CHART_HIT_TARGET, tx (t, year), ty (t, value),
                                  p->fs * 1.2, p->fs * 1.2, 0, -1, year, value);
    }

  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);
      double x, y;

      if (figure->kind != HUBS_FIGURE_ACTUAL || !figure->measured || !isfinite (figure->value))
        continue;
      x = tx (t, figure->fiscal_year);
      y = ty (t, figure->value);
      hubs_chart_painter_draw_point (p, x, y, p->fs * 0.32, &p->theme->actual, figure->confirmed);
      hubs_chart_painter_add_placed (p, x - p->fs * 0.4, y - p->fs * 0.4, p->fs * 0.8, p->fs * 0.8);
      hubs_chart_painter_add_hit (p, HUBS_CHART_HIT_ACTUAL, x, y, p->fs, p->fs, 0, -1,
                                  figure->fiscal_year, figure->value);
    }

  if (pr->has_projection && pr->actual_year < HUBS_LAST_FISCAL_YEAR)
    {
      double v;

      hubs_progress_get_projection (pr, HUBS_LAST_FISCAL_YEAR, &v);
      if (ty (t, v) >= t->plot.y - 1 && ty (t, v) <= t->plot.y + t->plot.height + 1)
        hubs_chart_painter_add_hit (p, HUBS_CHART_HIT_PROJECTION, tx (t, HUBS_LAST_FISCAL_YEAR),
                                    ty (t, v), p->fs, p->fs, 0, -1, HUBS_LAST_FISCAL_YEAR, v);
    }
}

/* The labels of the targets, the latest actual, the projection and the baseline, most
 * important first so they get the best spots. Those said elsewhere give way when there is no
 * room: the midterm target and the baseline (their marks' tooltips say them), the projection
 * when the sentence above the plot says it. */
static void
draw_labels (HubsChartPainter *p,
             const Trajectory *t)
{
  const HubsProgress *pr = t->pr;
  const HubsChartKpi *ck = t->ck;
  double small = p->fs * 0.85;
  /* Labels stay off the value axis on the left; they may reach a little past the plot's other
   * edges, into the margin. */
  HubsChartRect bounds = { t->plot.x + 2, t->plot.y - p->fs * 0.2,
                           t->plot.width + p->fs * 0.4, t->plot.height + p->fs * 0.2 };

  /* Labels, most important first so they get the best spots. */
  for (int year = HUBS_LAST_FISCAL_YEAR; year >= HUBS_MIDTERM_FISCAL_YEAR; year -= 2)
    {
      gboolean has = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->has_target_2027 : pr->has_target_2029;
      double value = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->target_2027 : pr->target_2029;
      g_autofree char *target = NULL;
      g_autofree char *label = NULL;
      g_autofree char *fy = NULL;

      if (!has)
        continue;
      fy = hubs_format_fiscal_year (year, p->lang);
      target = hubs_format_kpi_target (ck->kpi, value, p->lang);
      if (pr->yearly_target)
        /* Translators: the label of a target on a chart: %1$s is a fiscal year, %2$s the target,
         * which applies every year. */
        label = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("%1$s target %2$s a year")),
                                 fy, target);
      else
        label = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("%1$s target %2$s")), fy, target);
      hubs_chart_painter_place_label (p, label, tx (t, year), ty (t, value), 0,
                                      year != HUBS_LAST_FISCAL_YEAR, small, TRUE,
                                      &p->theme->target, &bounds);
    }

  if (pr->has_actual)
    {
      g_autofree char *label = hubs_chart_format_actual (ck, pr->actual, pr->actual_confirmed,
                                                         p->lang);

      hubs_chart_painter_place_label (p, label, tx (t, pr->actual_year), ty (t, pr->actual), 1,
                                      FALSE, small, TRUE, &p->theme->actual, &bounds);
    }

  if (pr->has_projection && pr->actual_year < HUBS_LAST_FISCAL_YEAR)
    {
      double v;
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;

      hubs_progress_get_projection (pr, HUBS_LAST_FISCAL_YEAR, &v);
      value = hubs_chart_format_value (ck, v, p->lang);
      /* Translators: the label at the end of the projection of a chart; %s is the value. */
      label = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("Projected %s")), value);
      if (ty (t, v) >= t->plot.y - 1 && ty (t, v) <= t->plot.y + t->plot.height + 1)
        hubs_chart_painter_place_label (p, label, tx (t, HUBS_LAST_FISCAL_YEAR), ty (t, v), 1,
                                        t->projection_said, small, FALSE, &p->theme->projection,
                                        &bounds);
      else
        {
          /* A runaway trend leaves the plot: its value is said where the line leaves it, with
           * an arrow to say it goes on. */
          double edge = v > t->y.max ? t->y.max : t->y.min;
          double share = (edge - pr->actual) / (v - pr->actual);
          double year = pr->actual_year + share * (HUBS_LAST_FISCAL_YEAR - pr->actual_year);
          g_autofree char *marked = g_strdup_printf (v > t->y.max ? "%s ↑" : "%s ↓", label);

          if (isfinite (year))
            hubs_chart_painter_place_label (p, marked, tx (t, year), ty (t, edge), 1,
                                            t->projection_said, small,
                                            FALSE, &p->theme->projection, &bounds);
        }
    }

  if (pr->has_baseline)
    {
      const HubsFigure *baseline = hubs_chart_kpi_get_baseline (ck);
      const char *note = baseline != NULL ? hubs_format_figure_note (baseline, p->lang) : NULL;
      g_autofree char *value = baseline != NULL && baseline->unit != NULL
                               ? hubs_format_figure (ck->kpi, baseline, p->lang)
                               : hubs_chart_format_value (ck, pr->baseline, p->lang);
      g_autofree char *label = NULL;

      if (t->reference && note != NULL)
        /* Translators: the label of the baseline on a chart: %1$s is its value, %2$s a note; it is
         * shown for reference, the plan starts elsewhere. */
        label = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("Baseline %1$s (%2$s, reference)")),
                                 value, note);
      else if (t->reference)
        label = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("Baseline %s (reference)")),
                                 value);
      else
        label = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("Baseline %s")), value);
      hubs_chart_painter_place_label (p, label, tx (t, pr->baseline_year), ty (t, pr->baseline), 1,
                                      TRUE, small, FALSE, &p->theme->dim, &bounds);
    }
}

/* The plot of a trajectory in t->plot: the grid, the lines, the marks and, with @text, the
 * words. The lines may reach a little past the plot, not into the axis labels. */
static void
draw_trajectory_plot (HubsChartPainter *p,
                      const Trajectory *t,
                      gboolean          text)
{
  cairo_t *cr = p->cr;
  HubsChartRect clip = line_clip (p, t);

  draw_grid (p, t, text);

  cairo_save (cr);
  cairo_rectangle (cr, clip.x, clip.y, clip.width, clip.height);
  cairo_clip (cr);
  draw_plan_path (p, t);
  draw_projection (p, t);
  draw_actuals (p, t);
  cairo_restore (cr);

  draw_marks (p, t);
  if (text)
    draw_labels (p, t);
}

static gboolean
kpi_has_provisional (const HubsChartKpi *ck)
{
  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);

      if (figure->kind == HUBS_FIGURE_ACTUAL && figure->measured && !figure->confirmed)
        return TRUE;
    }
  return FALSE;
}

static guint
trajectory_legend (const Trajectory    *t,
                   HubsChartLegendItem *items)
{
  guint n = 0;

  items[n++] = HUBS_CHART_LEGEND_ACTUAL;
  if (kpi_has_provisional (t->ck))
    items[n++] = HUBS_CHART_LEGEND_PROVISIONAL;
  if (t->pr->has_baseline)
    items[n++] = t->reference ? HUBS_CHART_LEGEND_REFERENCE : HUBS_CHART_LEGEND_BASELINE;
  items[n++] = HUBS_CHART_LEGEND_PLAN;
  items[n++] = HUBS_CHART_LEGEND_TARGET;
  if (t->pr->has_projection && t->pr->actual_year < HUBS_LAST_FISCAL_YEAR)
    items[n++] = HUBS_CHART_LEGEND_PROJECTION;

  return n;
}

void
hubs_chart_draw_trajectory (HubsChartPainter    *p,
                            const HubsChartData *data)
{
  Trajectory t = { 0 };
  const HubsChartKpi *ck;
  double pad, top, bottom, left, right;
  double lower, upper;
  gboolean show_title, show_status, show_sentence, show_projection, show_legend, text;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *projection_text = NULL;
  HubsChartLegendItem legend[8];
  guint n_legend;
  double small = p->fs * 0.85;
  double axis_w = 0, label_h;

  if (data->kpis->len == 0)
    {
      hubs_chart_painter_draw_empty (p, hubs_i18n_gettext (p->lang, N_("No KPI")));
      return;
    }

  ck = g_ptr_array_index (data->kpis, 0);
  t.ck = ck;
  t.pr = &ck->progress;
  t.rank = ck->kpi->direction == HUBS_DIRECTION_LOWER;
  t.reference = t.pr->has_baseline &&
                (!t.pr->has_start || t.pr->start_year != t.pr->baseline_year ||
                 t.pr->start != t.pr->baseline || t.pr->yearly_target);

  t.first_year = HUBS_BASELINE_FISCAL_YEAR;
  t.last_year = HUBS_LAST_FISCAL_YEAR;
  if (t.pr->has_baseline)
    t.first_year = MIN (t.first_year, t.pr->baseline_year);
  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);

      if (figure->kind == HUBS_FIGURE_ACTUAL && figure->measured)
        {
          t.first_year = MIN (t.first_year, figure->fiscal_year);
          t.last_year = MAX (t.last_year, figure->fiscal_year);
        }
    }
  /* Keep the axis to a readable span even with stray years. */
  t.first_year = MAX (t.first_year, HUBS_BASELINE_FISCAL_YEAR - 5);
  t.last_year = MIN (t.last_year, HUBS_LAST_FISCAL_YEAR + 5);

  title = hubs_chart_get_title (data, p->lang);
  subtitle = hubs_chart_kpi_subtitle (data, ck, p->lang);
  status_text = hubs_chart_kpi_describe_status (ck, p->lang);
  projection_text = hubs_chart_kpi_describe_projection (ck, p->lang);
  n_legend = trajectory_legend (&t, legend);

  pad = p->fs * 0.8;
  text = p->width >= p->fs * 12 && p->height >= p->fs * 7;
  show_title = text && p->options->show_title;
  show_status = text && p->options->show_status;
  /* The status sentence needs a line of some length to be read. */
  show_sentence = show_status && p->width >= p->fs * 36;
  show_projection = show_status && projection_text != NULL;
  show_legend = text && p->options->show_legend;
  hubs_chart_painter_measure (p, "2029", small, FALSE, 0, 0, &label_h);

  /* Drop what does not fit, least important first, until the plot has room. */
  for (;;)
    {
      top = pad;
      bottom = p->height - pad;
      if (show_title)
        top += hubs_chart_painter_heading_height (p, title, subtitle, p->width - 2 * pad);
      if (show_status)
        top += hubs_chart_painter_draw_status_line (p, t.pr->status,
                                                    show_sentence ? status_text : NULL, pad, top,
                                                    p->width - 2 * pad, FALSE) + p->fs * 0.2;
      if (show_projection)
        {
          double h;

          hubs_chart_painter_measure (p, projection_text, small, FALSE, p->width - 2 * pad, 2, &h);
          top += h + p->fs * 0.2;
        }
      if (text)
        top += label_h * 1.5 + p->fs * 0.3; /* the axis title, over the top tick's label */
      if (show_legend)
        bottom -= hubs_chart_painter_draw_legend (p, legend, n_legend, pad, bottom,
                                                  p->width - 2 * pad, FALSE) +
                  p->fs * 0.4;
      if (text)
        bottom -= label_h * 1.5 + p->fs * 0.2; /* fiscal years, under the lowest tick's label */

      /* The plot deserves at least half of the chart. */
      if (bottom - top >= MAX (p->fs * 6, p->height * 0.5) ||
          !(show_legend || show_projection || show_title || show_sentence))
        break;
      if (show_legend)
        show_legend = FALSE;
      else if (show_projection)
        show_projection = FALSE;
      else if (show_title)
        show_title = FALSE;
      else
        show_sentence = FALSE;
    }

  if (bottom - top < p->fs * 2.5)
    {
      /* Too small for words: the lines alone, edge to edge. */
      text = show_status = FALSE;
      top = MIN (pad, p->height * 0.1);
      bottom = p->height - top;
    }

  trajectory_range (&t, &lower, &upper);
  if (!t.rank)
    {
      /* Headroom, so the label of the highest mark fits above it inside the plot. */
      double room = text ? label_h + p->fs * 0.6 : 0;

      if (bottom - top > room * 3)
        upper += (upper - lower) * room / (bottom - top - room);
      else
        upper += (upper - lower) * 0.06;
      hubs_chart_scale_init (&t.y, lower, upper,
                             (guint) CLAMP ((bottom - top) / (p->fs * 2.2), 2, 8));
    }
  else
    {
      /* Ranks run from first place, in whole places. */
      hubs_chart_scale_init (&t.y, 1, upper, (guint) CLAMP ((bottom - top) / (p->fs * 2.2), 2, 8));
      t.y.step = MAX (1, t.y.step);
      t.y.min = 1;
      t.y.max = 1 + ceil ((MAX (upper, 2) - 1) / t.y.step - 1e-9) * t.y.step;
    }
  if (text)
    {
      for (guint i = 0; i < hubs_chart_scale_get_n_ticks (&t.y); i++)
        {
          g_autofree char *label = hubs_format_axis_value (hubs_chart_scale_get_tick (&t.y, i),
                                                           ck->kpi->unit, p->lang);

          axis_w = MAX (axis_w, hubs_chart_painter_measure (p, label, small, FALSE, 0, 0, NULL));
        }
      axis_w += p->fs * 0.6;
    }

  left = MIN (pad, p->width * 0.05) + axis_w;
  right = p->width - MIN (pad * 1.5, p->width * 0.05);
  if (right - left < p->fs * 3)
    {
      text = FALSE;
      left = p->width * 0.05;
      right = p->width * 0.95;
    }
  t.plot = (HubsChartRect) { left, top, MAX (1, right - left), MAX (1, bottom - top) };

  /* Half a year of room at either end, for the marks. */
  hubs_chart_scale_init (&t.x, t.first_year, t.last_year, 1);
  t.x.min = t.first_year - 0.4;
  t.x.max = t.last_year + 0.4;
  hubs_chart_scale_set_range (&t.x, t.plot.x, t.plot.x + t.plot.width);
  /* Up is better: a rank axis puts first place at the top. */
  if (t.rank)
    hubs_chart_scale_set_range (&t.y, t.plot.y, t.plot.y + t.plot.height);
  else
    hubs_chart_scale_set_range (&t.y, t.plot.y + t.plot.height, t.plot.y);

  /* Words above the plot. */
  if (text)
    {
      double y = pad;
      const char *axis_title;

      if (show_title)
        y = hubs_chart_painter_draw_heading (p, title, subtitle, pad, y, p->width - 2 * pad);
      if (show_status)
        y += hubs_chart_painter_draw_status_line (p, t.pr->status,
                                                  show_sentence ? status_text : NULL, pad, y,
                                                  p->width - 2 * pad, TRUE) + p->fs * 0.2;
      if (show_projection)
        {
          HubsChartRect r = hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_STATUS,
                                                          projection_text, pad, y, 0, 0, small,
                                                          FALSE, &p->theme->dim,
                                                          p->width - 2 * pad, 2);

          y += r.height + p->fs * 0.2;
        }

      /* Money and percentages carry their unit on every tick already. */
      if (t.rank)
        axis_title = hubs_i18n_gettext (p->lang, N_("Rank (up is better)"));
      else if (g_strcmp0 (ck->kpi->unit, "億円") == 0 || g_strcmp0 (ck->kpi->unit, "%") == 0)
        axis_title = NULL;
      else
        axis_title = hubs_format_kpi_unit (ck->kpi, p->lang);
      if (axis_title != NULL && *axis_title != '\0')
        {
          g_autofree char *label = NULL;

          if (t.rank)
            label = g_strdup (axis_title);
          else
            /* Translators: the unit above the value axis of a chart. */
            label = g_strdup_printf (hubs_i18n_gettext (p->lang, N_("(%s)")), axis_title);

          hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_AXIS,
                                        label, MAX (pad * 0.5, t.plot.x - axis_w),
                                        t.plot.y - label_h / 2 - p->fs * 0.1, 0,
                                        1, small, FALSE, &p->theme->dim, 0, 0);
        }
    }

  /* Without the status above it, a report says it beside the chart. */
  t.projection_said = text && (show_projection || !p->options->show_status);
  draw_trajectory_plot (p, &t, text);

  if (show_legend)
    hubs_chart_painter_draw_legend (p, legend, n_legend, pad, p->height - pad, p->width - 2 * pad,
                                    TRUE);
}
