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

/* The values column is as wide as its widest line where there is room, up to this many times
 * its text size; where there is not, at most VALUE_CHARS, its lines cut if they must. */
#define VALUE_CHARS_MOST 30
#define VALUE_CHARS 17
/* The values take a column only where their full size (0.8 of the body text) is at least this
 * many pixels: in a thumbnail they would not be read, and the bar, its mark and the tooltip
 * say them. The body text size alone decides it, so that at a size every hub shows its values
 * or none does. */
#define VALUE_MIN_SIZE 7.0
/* Names are at most this much smaller than the body text, and never smaller than 6 px. */
#define NAME_LEAST(p) MAX ((p)->fs * 0.7, 6.0)

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

/* How far the height of a line may be from its height at another size scaled to this one:
 * its ascent and descent are each rounded to whole pixels. */
#define LINE_ROUNDING 2.0

/* The largest text size from @most down to @least at which @lines lines are at most @room
 * high, or 0 when they are taller even at @least. The sizes that the height at @most, scaled,
 * shows to be too big are passed over without laying them out: each size Pango has not laid
 * out before costs a font set of its own (fontconfig sorts the fonts again, 1.5 to 4 ms). */
static double
fit_size (HubsChartPainter *p,
          double            most,
          double            least,
          int               lines,
          double            room)
{
  double at_most = lines_height (p, most, lines);
  double size = most;

  while (size > least && at_most * size / most - LINE_ROUNDING * lines > room)
    size = MAX (least, size * 0.95);
  while (size > least && lines_height (p, size, lines) > room)
    size = MAX (least, size * 0.95);
  return lines_height (p, size, lines) <= room ? size : 0;
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

/* The width the longest KPI name takes in one line at @size, with its indent. */
static double
widest_name (HubsChartPainter    *p,
             const HubsChartData *data,
             double               size)
{
  double widest = 0;

  for (guint i = 0; i < data->kpis->len; i++)
    {
      const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
      double indent = ck->progress.is_breakdown ? p->fs * 1.2 : 0;

      widest = MAX (widest, indent + hubs_chart_painter_measure (p, hubs_chart_kpi_name (ck->kpi,
                                                                                         p->lang),
                                                                 size, FALSE, 0, 0, NULL));
    }
  return widest;
}

/* The widest word of a status at @size. */
static double
widest_status (HubsChartPainter *p,
               double            size)
{
  double widest = 0;

  for (HubsStatus s = 0; s < HUBS_N_STATUSES; s++)
    widest = MAX (widest, hubs_chart_painter_measure (p, hubs_status_get_label (s, p->lang), size,
                                                      FALSE, 0, 0, NULL));
  return widest;
}

/* What the text of the rows shows, and how big: the columns of names, status and values. */
typedef struct
{
  double   name_size;
  int      name_lines;
  double   name_w;
  double   heading_size;
  double   status_w;
  gboolean status_words;
  double   value_size;
  double   value_w;
} Columns;

/* Tries names in @lines lines at @size beside the status in words or as a mark alone, in a
 * third of the width beside the bars or, when not @narrow, in what leaves the bars a quarter
 * (and in one line, smaller to be whole); returns whether every name is whole and the bars
 * keep a quarter of the width. */
static gboolean
try_columns (HubsChartPainter    *p,
             const HubsChartData *data,
             double               size,
             int                  lines,
             gboolean             words,
             gboolean             narrow,
             double               gap,
             Columns             *c)
{
  double plot = p->width - 2 * p->fs * 0.8;
  double status_w = words ? size * 1.4 + widest_status (p, size * 0.95) + gap
                          : size * 1.4 + gap * 0.5;
  double rest = plot - 2 * gap - status_w - c->value_w;
  double least = rest * 0.35, most = narrow ? least : MAX (least, rest - plot * 0.25);
  gboolean whole;

  /* Text is about as wide as it is big: start from the size at which the widest would fit. */
  if (lines == 1 && !narrow)
    size = MAX (NAME_LEAST (p), MIN (size, size * 0.98 * (most - p->fs * 0.4) /
                                        MAX (widest_name (p, data, size), 1)));
  c->name_w = names_width (p, data, size, lines, least, most, &whole);
  while (!whole && lines == 1 && !narrow && size > NAME_LEAST (p))
    {
      size = MAX (NAME_LEAST (p), size * 0.97);
      c->name_w = names_width (p, data, size, lines, least, most, &whole);
    }
  c->name_size = size;
  c->name_lines = lines;
  c->status_w = status_w;
  c->status_words = words;
  return whole && rest - c->name_w >= plot * 0.25 - 0.5;
}

/* The width of the value column for values at @size, at most @chars times @size. */
static double
values_width (HubsChartPainter    *p,
              const HubsChartData *data,
              double               size,
              double               chars)
{
  double w = 0;

  for (guint i = 0; i < data->kpis->len && size > 0; i++)
    {
      const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
      g_autofree char *values = kpi_value_summary (ck, p->lang);

      w = MAX (w, hubs_chart_painter_measure (p, values, size, FALSE, 0, 0, NULL) + p->fs * 0.4);
    }
  return MIN (w, size * chars);
}

/* The names and the status beside the values: the first of these in which every name is
 * whole, or where none is, the names cut in two lines (which say more than one) and the mark
 * of the status alone. Names in one line come first where the row would make them bigger
 * than in two and they fit the width two lines would take. */
static void
choose_names (HubsChartPainter    *p,
              const HubsChartData *data,
              double               two_lines,
              double               one_line,
              double               gap,
              Columns             *c)
{
  gboolean whole = FALSE;

  if (one_line > two_lines * 1.05)
    whole = try_columns (p, data, one_line, 1, TRUE, TRUE, gap, c);
  if (!whole && two_lines > 0)
    whole = try_columns (p, data, two_lines, 2, TRUE, FALSE, gap, c);
  if (!whole && one_line > 0)
    whole = try_columns (p, data, one_line, 1, TRUE, FALSE, gap, c);
  if (!whole && two_lines > 0)
    whole = try_columns (p, data, two_lines, 2, FALSE, FALSE, gap, c);
  if (!whole && one_line > 0 && !try_columns (p, data, one_line, 1, FALSE, FALSE, gap, c) &&
      two_lines > 0)
    try_columns (p, data, two_lines, 2, FALSE, FALSE, gap, c);
}

/* Lays out the columns for rows @row_h high, with @heading_rows of a row for a pillar's
 * heading. The bars keep a quarter of the width; beside them, what gives way first: the values
 * (by the size of the picture alone, so the same on every hub), then the names' second line,
 * then the words of the status (its mark stays, and its tooltip says it). */
static void
layout_columns (HubsChartPainter    *p,
                const HubsChartData *data,
                double               row_h,
                double               heading_rows,
                double               gap,
                Columns             *c)
{
  double plot = p->width - 2 * p->fs * 0.8;
  /* Room between the text of neighbouring rows. */
  double room = row_h - p->fs * 0.2;
  double two_lines = fit_size (p, p->fs * 0.95, NAME_LEAST (p), 2, room);
  double one_line = fit_size (p, p->fs * 0.95, NAME_LEAST (p), 1, room);
  /* The values a little smaller than the names, in two lines cut rather than wrapped. */
  double value_size = MIN (p->fs * 0.8, (two_lines > 0 ? two_lines : one_line) * 0.85);
  double name_size = value_size / 0.85;
  double beside, chars;

  *c = (Columns) { 0, };
  if (one_line == 0)
    return;

  /* The values where the body text is big enough for them to be read, whatever the hub (only
   * a hub of more KPIs than the plan gives one has rows too low for them), and where they
   * leave the names and bars 55 % of the width beside the status in words. */
  if (p->fs * 0.8 >= VALUE_MIN_SIZE)
    c->value_size = fit_size (p, value_size, p->fs * 0.55, 2, room);
  /* Whole values where they leave room, else values cut to VALUE_CHARS, else none. */
  beside = plot - 3 * gap - name_size * 1.4 - widest_status (p, name_size * 0.95);
  chars = VALUE_CHARS_MOST;
  c->value_w = values_width (p, data, c->value_size, chars);
  if (beside - c->value_w < plot * 0.55)
    {
      chars = VALUE_CHARS;
      c->value_w = values_width (p, data, c->value_size, chars);
    }
  if (beside - c->value_w < plot * 0.55)
    c->value_size = c->value_w = 0;
  choose_names (p, data, two_lines, one_line, gap, c);
  /* Whole values give way before the status in words does. */
  if (!c->status_words && chars > VALUE_CHARS && c->value_w > 0)
    {
      chars = VALUE_CHARS;
      c->value_w = values_width (p, data, c->value_size, chars);
      choose_names (p, data, two_lines, one_line, gap, c);
    }

  /* The values a little smaller than the names, which may have become smaller to be whole. */
  if (c->value_size > c->name_size * 0.85)
    {
      c->value_size = c->name_size * 0.85;
      c->value_w = values_width (p, data, c->value_size, chars);
      choose_names (p, data, two_lines, one_line, gap, c);
    }

  /* A pillar's heading in its part of a row and what the names leave free of the row below. */
  c->heading_size = fit_size (p, c->name_size * 0.9, p->fs * 0.6, 1,
                              row_h * heading_rows +
                              (room - lines_height (p, c->name_size, c->name_lines)) / 2);
  if (c->heading_size == 0)
    c->heading_size = p->fs * 0.6;
}

void
hubs_chart_draw_overview (HubsChartPainter    *p,
                          const HubsChartData *data)
{
  double pad = p->fs * 0.8;
  double y, bullet_x, bullet_w, status_x, value_x, row_h, body_h, legend_h = 0;
  double gap = p->fs * 0.8;
  Columns c;
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

  if (text)
    layout_columns (p, data, row_h, heading_rows, gap, &c);
  if (text && c.name_size == 0)
    text = FALSE;
  if (!text)
    c = (Columns) { 0, };

  bullet_x = text ? pad + c.name_w + gap : p->width * 0.02;
  bullet_w = text ? p->width - pad - c.value_w - c.status_w - gap - bullet_x : p->width * 0.96;
  bullet_w = MAX (bullet_w, 1);
  status_x = bullet_x + bullet_w + gap;
  value_x = status_x + c.status_w;
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
                                          pad, y + row_h * heading_rows, 0, 1, c.heading_size,
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
                                        c.name_size, FALSE, &p->theme->foreground,
                                        c.name_w - p->fs * 0.4 - indent, c.name_lines);
          if (c.status_words)
            hubs_chart_painter_draw_status_badge (p, ck->progress.status, status_x,
                                                  y + row_h / 2, c.name_size * 0.95, FALSE);
          else
            hubs_chart_draw_status_shape (p->cr, ck->progress.status, p->theme,
                                          status_x + c.name_size * 0.5, y + row_h / 2,
                                          c.name_size);
          /* Lines per paragraph: the actual's line and the target's, each cut if it must. */
          if (c.value_w > 0)
            hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_VALUE, values, value_x,
                                          y + row_h / 2, 0, 0.5, c.value_size, FALSE,
                                          &p->theme->dim, c.value_w, 1);
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
