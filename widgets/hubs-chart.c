/* hubs-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The four charts of Hubs, each drawn with cairo and pango into any cairo_t at any size: the
 * widget calls them from snapshot, export on PNG, SVG and PDF surfaces, presentation mode
 * full screen. No GTK here, so they run without a display.
 *
 * Every word is in the language of the options, from explicit tables rather than gettext,
 * because exports take --lang; every number, unit and fiscal year goes through hubs-format.
 */

#define G_LOG_DOMAIN "hubs-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "hubs-chart.h"
#include "hubs-chart-scale.h"

#define TR(lang, ja, en) ((lang) == HUBS_LANGUAGE_JA ? (ja) : (en))

/* The normalised scale of the overview, in percent of the path to the final target, and the
 * scale of shares in the comparison: one scale for every row. */
#define NORM_MIN (-50.0)
#define NORM_MAX 150.0

typedef struct
{
  double x, y, width, height;
} Rect;

typedef struct
{
  double x, y;
} Point;

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
} Painter;

/* Words
 * ----- */

static const char * const pillar_labels[HUBS_N_PILLARS][2] = {
  { "全体KPI", "Overall KPIs" },
  { "世界とシームレスに繋がる", "Connect seamlessly with the world" },
  { "スタートアップの成長を支援する", "Support startup growth" },
  { "エコシステムの土台を作る", "Build the ecosystem’s foundation" },
};

/* Short pillar names for the narrow columns of the comparison. */
static const char * const pillar_short_labels[HUBS_N_PILLARS][2] = {
  { "全体KPI", "Overall KPIs" },
  { "世界と繋がる", "World" },
  { "成長を支援", "Growth" },
  { "土台を作る", "Foundation" },
};

/**
 * hubs_chart_pillar_get_label:
 * @pillar: a pillar
 * @language: the language to name it in
 *
 * Returns: the pillar's name (全体KPI / Overall KPIs), in @language whatever the locale
 */
const char *
hubs_chart_pillar_get_label (HubsPillar   pillar,
                             HubsLanguage language)
{
  g_return_val_if_fail (pillar < HUBS_N_PILLARS, "");

  return pillar_labels[pillar][language == HUBS_LANGUAGE_JA ? 0 : 1];
}

static const char *
pick (HubsLanguage  lang,
      const char   *text_ja,
      const char   *text_en)
{
  const char *first = lang == HUBS_LANGUAGE_JA ? text_ja : text_en;
  const char *second = lang == HUBS_LANGUAGE_JA ? text_en : text_ja;

  if (first != NULL && *first != '\0')
    return first;
  return second != NULL ? second : "";
}

static const char *
kpi_name (const HubsKpi *kpi,
          HubsLanguage   lang)
{
  return pick (lang, kpi->name_ja, kpi->name_en);
}

static const char *
hub_name (const HubsHub *hub,
          HubsLanguage   lang)
{
  return hub != NULL ? pick (lang, hub->name_ja, hub->name_en) : "";
}

/* How many decimals the KPI's own figures use (0 … 2), so that computed values (expected,
 * projections) are shown no finer than the data. */
static int
kpi_decimals (const HubsChartKpi *ck)
{
  int decimals = 0;

  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);

      if (!figure->measured)
        continue;
      while (decimals < 2)
        {
          double scaled = figure->value * pow (10, decimals);

          if (fabs (scaled - round (scaled)) < 1e-6)
            break;
          decimals++;
        }
    }

  return decimals;
}

static double
round_to (double value,
          int    decimals)
{
  double factor = pow (10, decimals);

  return round (value * factor) / factor;
}

static char *
format_value (const HubsChartKpi *ck,
              double              value,
              HubsLanguage        lang)
{
  return hubs_format_value (round_to (value, kpi_decimals (ck)), ck->kpi->unit, lang);
}

static char *
format_percent (double       share,
                HubsLanguage lang)
{
  return hubs_format_value (round (share * 100), "%", lang);
}

static char *
format_actual (const HubsChartKpi *ck,
               double              value,
               gboolean            confirmed,
               HubsLanguage        lang)
{
  g_autofree char *text = format_value (ck, value, lang);

  if (confirmed)
    return g_steal_pointer (&text);
  /* 速報: a provisional figure, to be confirmed. */
  return g_strdup_printf (TR (lang, "%s（速報）", "%s (provisional)"), text);
}

static HubsStatus
status_of_share (double share)
{
  if (share >= HUBS_PROGRESS_ON_TRACK_SHARE - 1e-9)
    return HUBS_STATUS_ON_TRACK;
  if (share >= HUBS_PROGRESS_ACCELERATION_SHARE - 1e-9)
    return HUBS_STATUS_NEEDS_ACCELERATION;
  if (share >= 0)
    return HUBS_STATUS_LIMITED_PROGRESS;
  return HUBS_STATUS_DETERIORATION;
}

/**
 * hubs_chart_kpi_describe_status:
 * @chart_kpi: a KPI of chart data
 * @language: the language to write in
 *
 * One sentence on where the KPI stands, with its numbers: "FY2025 actual 135 companies
 * (plan 140 companies; 75% of planned progress)". The status word itself is not included.
 *
 * Returns: (transfer full): the sentence
 */
char *
hubs_chart_kpi_describe_status (const HubsChartKpi *chart_kpi,
                                HubsLanguage        language)
{
  const HubsProgress *pr;
  HubsLanguage lang = language;
  g_autofree char *year = NULL;
  g_autofree char *actual = NULL;

  g_return_val_if_fail (chart_kpi != NULL, NULL);

  pr = &chart_kpi->progress;
  if (!pr->has_actual)
    return g_strdup (TR (lang, "実績値はまだありません。", "No actual figure yet."));

  year = hubs_format_fiscal_year (pr->actual_year, lang);
  actual = format_actual (chart_kpi, pr->actual, pr->actual_confirmed, lang);

  if (pr->status == HUBS_STATUS_ACHIEVED)
    {
      g_autofree char *target = NULL;
      g_autofree char *target_year = NULL;
      int final_year;
      double final_target;

      if (pr->yearly_target)
        {
          target = format_value (chart_kpi, pr->expected, lang);
          return g_strdup_printf (TR (lang,
                                      "%1$sの実績は%2$sで、年間目標%3$sを達成しています。",
                                      "%1$s actual %2$s meets the yearly target of %3$s."),
                                  year, actual, target);
        }

      hubs_progress_get_final_target (pr, &final_year, &final_target);
      target = hubs_format_target (final_target, chart_kpi->kpi->unit, chart_kpi->kpi->qualifier,
                                   lang);
      target_year = hubs_format_fiscal_year (final_year, lang);
      return g_strdup_printf (TR (lang,
                                  "%1$sの実績は%2$sで、%3$s目標%4$sを達成しています。",
                                  "%1$s actual %2$s meets the %3$s target of %4$s."),
                              year, actual, target_year, target);
    }

  if (!pr->has_start)
    return g_strdup_printf (TR (lang,
                                "%1$sの実績は%2$s。基準値が未計測のため、進捗は評価できません。",
                                "%1$s actual %2$s. Progress cannot be assessed: the baseline "
                                "was not measured."),
                            year, actual);

  if (!pr->has_share)
    return g_strdup_printf (TR (lang,
                                "%1$sの実績は%2$s。この年度は計画上の進捗がまだないため、評価できません。",
                                "%1$s actual %2$s. The plan expects no progress by that year yet, "
                                "so it cannot be assessed."),
                            year, actual);

  {
    g_autofree char *expected = format_value (chart_kpi, pr->expected, lang);
    g_autofree char *share = format_percent (pr->share, lang);

    if (pr->yearly_target)
      return g_strdup_printf (TR (lang,
                                  "%1$sの実績は%2$s。年間目標%3$sの%4$s。",
                                  "%1$s actual %2$s: %4$s of the yearly target of %3$s."),
                              year, actual, expected, share);

    return g_strdup_printf (TR (lang,
                                "%1$sの実績は%2$s。計画値%3$sに対して進捗%4$s。",
                                "%1$s actual %2$s, against a plan of %3$s: %4$s of the "
                                "planned progress."),
                            year, actual, expected, share);
  }
}

/**
 * hubs_chart_kpi_describe_projection:
 * @chart_kpi: a KPI of chart data
 * @language: the language to write in
 *
 * One sentence on where the actuals' trend leads: "At the current pace: FY2027 165 companies
 * (target missed), FY2029 195 companies (target missed)."
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL without a projection or once
 *   the last target year has an actual
 */
char *
hubs_chart_kpi_describe_projection (const HubsChartKpi *chart_kpi,
                                    HubsLanguage        language)
{
  const HubsProgress *pr;
  HubsLanguage lang = language;
  g_autoptr(GString) text = NULL;
  const struct { int year; gboolean has; double projection; gboolean reaches; } years[] = {
    { HUBS_MIDTERM_FISCAL_YEAR, chart_kpi->progress.has_target_2027,
      chart_kpi->progress.projection_2027, chart_kpi->progress.reaches_2027 },
    { HUBS_LAST_FISCAL_YEAR, chart_kpi->progress.has_target_2029,
      chart_kpi->progress.projection_2029, chart_kpi->progress.reaches_2029 },
  };
  guint n = 0;

  g_return_val_if_fail (chart_kpi != NULL, NULL);

  pr = &chart_kpi->progress;
  if (!pr->has_projection)
    return NULL;

  text = g_string_new (TR (lang, "現在のペースでは", "At the current pace: "));
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *year = NULL;
      g_autofree char *value = NULL;

      if (!years[i].has || pr->actual_year >= years[i].year)
        continue;

      year = hubs_format_fiscal_year (years[i].year, lang);
      value = format_value (chart_kpi, years[i].projection, lang);
      if (n++ > 0)
        g_string_append (text, TR (lang, "、", ", "));
      if (years[i].reaches)
        g_string_append_printf (text, TR (lang, "%1$sに%2$s（目標達成の見込み）",
                                          "%1$s %2$s (target reached)"), year, value);
      else
        g_string_append_printf (text, TR (lang, "%1$sに%2$s（目標に届かない見込み）",
                                          "%1$s %2$s (target missed)"), year, value);
    }
  g_string_append (text, TR (lang, "。", "."));

  if (n == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * hubs_chart_get_title:
 * @data: chart data
 * @language: the language to write in
 *
 * Returns: (transfer full): the chart's title: the KPI's name, the hub's, or that of the
 *   comparison
 */
char *
hubs_chart_get_title (const HubsChartData *data,
                      HubsLanguage         language)
{
  HubsLanguage lang = language;

  g_return_val_if_fail (data != NULL, NULL);

  switch (data->kind)
    {
    case HUBS_CHART_TRAJECTORY:
    case HUBS_CHART_BULLET:
      if (data->kpis->len > 0)
        return g_strdup (kpi_name (((HubsChartKpi *) data->kpis->pdata[0])->kpi, lang));
      return g_strdup ("");

    case HUBS_CHART_HUB_OVERVIEW:
      return g_strdup_printf (TR (lang, "%s　KPIの進捗", "%s: progress of the KPIs"),
                              hub_name (data->hub, lang));

    case HUBS_CHART_COMPARISON:
      return g_strdup (TR (lang, "拠点都市別の計画進捗", "Progress against plan by hub city"));

    default:
      g_return_val_if_reached (NULL);
    }
}

/* Text
 * ---- */

static void
painter_set_text (Painter    *p,
                  const char *text,
                  double      size,
                  gboolean    bold,
                  double      max_width,
                  int         max_lines)
{
  pango_font_description_set_absolute_size (p->font, MAX (size, 1) * PANGO_SCALE);
  pango_font_description_set_weight (p->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (p->layout, p->font);

  if (max_width > 0)
    {
      pango_layout_set_width (p->layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
      pango_layout_set_wrap (p->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (p->layout, max_lines > 0 ? -max_lines : -1);
      pango_layout_set_ellipsize (p->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (p->layout, -1);
      pango_layout_set_height (p->layout, -1);
      pango_layout_set_ellipsize (p->layout, PANGO_ELLIPSIZE_NONE);
    }

  pango_layout_set_text (p->layout, text != NULL ? text : "", -1);
}

static void
painter_text_size (Painter *p,
                   double  *width,
                   double  *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (p->layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
measure (Painter    *p,
         const char *text,
         double      size,
         gboolean    bold,
         double      max_width,
         int         max_lines,
         double     *height)
{
  double w;

  painter_set_text (p, text, size, bold, max_width, max_lines);
  painter_text_size (p, &w, height);
  return w;
}

/* Draws the current layout with its top-left corner at (x, y); a halo of the background
 * keeps labels readable over lines. */
static void
painter_show (Painter              *p,
              double                x,
              double                y,
              const HubsChartColor *color,
              gboolean              halo)
{
  cairo_t *cr = p->cr;

  /* A plate of the background behind the text rather than a stroked outline of the glyphs:
   * as readable over lines, and a fraction of the cost (outlining CJK glyphs took most of a
   * trajectory's time). */
  if (halo)
    {
      PangoRectangle ink;
      double pad = MAX (1, p->fs * 0.12);

      pango_layout_get_pixel_extents (p->layout, &ink, NULL);
      cairo_new_path (cr);
      cairo_rectangle (cr, x + ink.x - pad, y + ink.y - pad, ink.width + 2 * pad,
                       ink.height + 2 * pad);
      hubs_chart_color_set_source_alpha (&p->theme->background, cr, 0.85);
      cairo_fill (cr);
    }

  hubs_chart_color_set_source (color, cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, p->layout);
}

/* Draws text aligned on (x, y): @xalign 0 left, 0.5 centre, 1 right; @yalign likewise.
 * Returns the rectangle it took. */
static Rect
draw_text (Painter              *p,
           const char           *text,
           double                x,
           double                y,
           double                xalign,
           double                yalign,
           double                size,
           gboolean              bold,
           const HubsChartColor *color,
           double                max_width,
           int                   max_lines)
{
  Rect r;

  painter_set_text (p, text, size, bold, max_width, max_lines);
  painter_text_size (p, &r.width, &r.height);
  if (max_width > 0 && xalign > 0)
    pango_layout_set_alignment (p->layout, xalign >= 1 ? PANGO_ALIGN_RIGHT
                                                       : PANGO_ALIGN_CENTER);
  else
    pango_layout_set_alignment (p->layout, PANGO_ALIGN_LEFT);

  if (max_width > 0)
    r.width = MIN (r.width, max_width);
  r.x = x - r.width * xalign;
  r.y = y - r.height * yalign;
  /* With a set width, Pango aligns inside that width. */
  painter_show (p, max_width > 0 ? x - max_width * xalign : r.x, r.y, color, FALSE);

  return r;
}

static gboolean
rects_overlap (const Rect *a,
               const Rect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const Rect *inner,
             const Rect *outer)
{
  return inner->x >= outer->x - 0.5 && inner->y >= outer->y - 0.5 &&
         inner->x + inner->width <= outer->x + outer->width + 0.5 &&
         inner->y + inner->height <= outer->y + outer->height + 0.5;
}

static void
placed_add (Painter *p,
            double   x,
            double   y,
            double   width,
            double   height)
{
  Rect r = { x, y, width, height };

  g_array_append_val (p->placed, r);
}

/* Places a label near (x, y), trying positions around it in order until one neither leaves
 * @bounds nor covers a label or mark placed before. @prefer: 0 above, 1 below. */
static void
place_label (Painter              *p,
             const char           *text,
             double                x,
             double                y,
             int                   prefer,
             double                size,
             gboolean              bold,
             const HubsChartColor *color,
             const Rect           *bounds)
{
  double w, h, d = p->fs * 0.55;
  Rect candidates[8];
  guint n = 0;
  int chosen = -1;

  painter_set_text (p, text, size, bold, 0, 0);
  painter_text_size (p, &w, &h);

#define CANDIDATE(cx, cy) \
  candidates[n++] = (Rect) { (cx), (cy), w, h }

  if (prefer == 0)
    {
      CANDIDATE (x - w / 2, y - d - h);
      CANDIDATE (x - w - d * 0.5, y - d - h);
      CANDIDATE (x + d * 0.5, y - d - h);
      CANDIDATE (x - w / 2, y + d);
    }
  else
    {
      CANDIDATE (x - w / 2, y + d);
      CANDIDATE (x - w - d * 0.5, y + d);
      CANDIDATE (x + d * 0.5, y + d);
      CANDIDATE (x - w / 2, y - d - h);
    }
  CANDIDATE (x - w - d, y - h / 2);
  CANDIDATE (x + d, y - h / 2);
  CANDIDATE (x - w - d * 0.5, prefer == 0 ? y + d : y - d - h);
  CANDIDATE (x + d * 0.5, prefer == 0 ? y + d : y - d - h);
#undef CANDIDATE

  for (guint i = 0; i < n && chosen < 0; i++)
    {
      gboolean free = rect_inside (&candidates[i], bounds);

      for (guint j = 0; free && j < p->placed->len; j++)
        free = !rects_overlap (&candidates[i], &g_array_index (p->placed, Rect, j));
      if (free)
        chosen = i;
    }

  /* Nowhere free: the first spot that stays inside, overlapping or not. */
  for (guint i = 0; i < n && chosen < 0; i++)
    if (rect_inside (&candidates[i], bounds))
      chosen = i;
  if (chosen < 0)
    {
      chosen = 0;
      candidates[0].x = CLAMP (candidates[0].x, bounds->x,
                               MAX (bounds->x, bounds->x + bounds->width - w));
      candidates[0].y = CLAMP (candidates[0].y, bounds->y,
                               MAX (bounds->y, bounds->y + bounds->height - h));
    }

  painter_show (p, candidates[chosen].x, candidates[chosen].y, color, TRUE);
  g_array_append_val (p->placed, candidates[chosen]);
}

/* Marks
 * ----- */

/**
 * hubs_chart_draw_status_shape:
 * @cr: a cairo context
 * @status: the status to mark
 * @theme: the colours
 * @x: the centre
 * @y: the centre
 * @size: the width and height of the mark
 *
 * Draws the shape of @status (◎ ○ △ ▽ × －, as hubs_status_get_symbol()) in its colour, so
 * that a status is never told by colour alone.
 */
void
hubs_chart_draw_status_shape (cairo_t              *cr,
                              HubsStatus            status,
                              const HubsChartTheme *theme,
                              double                x,
                              double                y,
                              double                size)
{
  double r = size / 2;
  double lw = MAX (1, size * 0.16);

  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL);
  g_return_if_fail (status < HUBS_N_STATUSES);

  cairo_save (cr);
  hubs_chart_color_set_source (&theme->status[status], cr);
  cairo_set_line_width (cr, lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);

  switch (hubs_status_get_shape (status))
    {
    case HUBS_STATUS_SHAPE_DOUBLE_CIRCLE:
      cairo_arc (cr, x, y, r - lw / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, x, y, r * 0.42, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case HUBS_STATUS_SHAPE_CIRCLE:
      cairo_arc (cr, x, y, r - lw / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;

    case HUBS_STATUS_SHAPE_TRIANGLE_UP:
      cairo_move_to (cr, x, y - r + lw / 2);
      cairo_line_to (cr, x + r - lw / 2, y + r * 0.75);
      cairo_line_to (cr, x - r + lw / 2, y + r * 0.75);
      cairo_close_path (cr);
      cairo_stroke (cr);
      break;

    case HUBS_STATUS_SHAPE_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r - lw / 2);
      cairo_line_to (cr, x + r - lw / 2, y - r * 0.75);
      cairo_line_to (cr, x - r + lw / 2, y - r * 0.75);
      cairo_close_path (cr);
      cairo_stroke (cr);
      break;

    case HUBS_STATUS_SHAPE_CROSS:
      cairo_set_line_width (cr, lw * 1.3);
      cairo_move_to (cr, x - r * 0.75, y - r * 0.75);
      cairo_line_to (cr, x + r * 0.75, y + r * 0.75);
      cairo_move_to (cr, x + r * 0.75, y - r * 0.75);
      cairo_line_to (cr, x - r * 0.75, y + r * 0.75);
      cairo_stroke (cr);
      break;

    case HUBS_STATUS_SHAPE_DASH:
    default:
      cairo_move_to (cr, x - r * 0.8, y);
      cairo_line_to (cr, x + r * 0.8, y);
      cairo_stroke (cr);
      break;
    }

  cairo_restore (cr);
}

/* The width draw_status_badge() takes. */
static double
status_badge_width (Painter    *p,
                    HubsStatus  status,
                    double      size,
                    gboolean    bold)
{
  return size * 1.05 + size * 0.35 +
         measure (p, hubs_status_get_label (status, p->lang), size, bold, 0, 0, NULL);
}

/* Draws the status mark followed by its word; returns the width taken. */
static double
draw_status_badge (Painter    *p,
                   HubsStatus  status,
                   double      x,
                   double      y,
                   double      size,
                   gboolean    bold)
{
  Rect r;
  double mark = size * 1.05;

  hubs_chart_draw_status_shape (p->cr, status, p->theme, x + mark / 2, y, mark);
  r = draw_text (p, hubs_status_get_label (status, p->lang), x + mark + size * 0.35, y,
                 0, 0.5, size, bold, &p->theme->foreground, 0, 0);

  return mark + size * 0.35 + r.width;
}

static void
draw_point (Painter              *p,
            double                x,
            double                y,
            double                radius,
            const HubsChartColor *color,
            gboolean              filled)
{
  cairo_t *cr = p->cr;

  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  hubs_chart_color_set_source (&p->theme->background, cr);
  cairo_fill_preserve (cr);
  hubs_chart_color_set_source (color, cr);
  if (filled)
    cairo_fill (cr);
  else
    {
      cairo_set_line_width (cr, MAX (1, radius * 0.45));
      cairo_stroke (cr);
    }
}

/* A target: a diamond with a dot, in the target colour. */
static void
draw_target_marker (Painter *p,
                    double   x,
                    double   y,
                    double   size)
{
  cairo_t *cr = p->cr;
  double r = size / 2;

  cairo_new_path (cr);
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
  hubs_chart_color_set_source (&p->theme->background, cr);
  cairo_fill_preserve (cr);
  hubs_chart_color_set_source (&p->theme->target, cr);
  cairo_set_line_width (cr, MAX (1, size * 0.14));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);
  cairo_arc (cr, x, y, r * 0.3, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_focus_ring (Painter *p,
                 double   x,
                 double   y,
                 double   width,
                 double   height)
{
  cairo_t *cr = p->cr;
  double lw = MAX (1.5, p->fs * 0.12);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x - width / 2 - lw, y - height / 2 - lw, width + 2 * lw,
                   height + 2 * lw);
  hubs_chart_color_set_source (&p->theme->foreground, cr);
  cairo_set_line_width (cr, lw);
  cairo_set_dash (cr, (double[]) { lw * 2, lw * 1.5 }, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
add_hit (Painter          *p,
         HubsChartHitKind  kind,
         double            x,
         double            y,
         double            width,
         double            height,
         guint             index,
         int               pillar,
         int               fiscal_year,
         double            value)
{
  HubsChartHit hit = { kind, x, y, width, height, index, pillar, fiscal_year, value };

  if (p->options->focus >= 0 && p->hits != NULL && (guint) p->options->focus == p->hits->len)
    draw_focus_ring (p, x, y, width, height);
  if (p->hits != NULL)
    g_array_append_val (p->hits, hit);
}

/* Lines of the chart's key, drawn by draw_legend(). */
typedef enum
{
  LEGEND_ACTUAL,
  LEGEND_PROVISIONAL,
  LEGEND_PLAN,
  LEGEND_PROJECTION,
  LEGEND_TARGET,
  LEGEND_BASELINE,
  LEGEND_REFERENCE,
  LEGEND_BAR,
  LEGEND_BAND,
  LEGEND_TICK,
} LegendItem;

static const char *
legend_label (LegendItem   item,
              HubsLanguage lang)
{
  switch (item)
    {
    case LEGEND_ACTUAL: return TR (lang, "実績値", "Actual");
    case LEGEND_PROVISIONAL: return TR (lang, "速報値", "Provisional");
    case LEGEND_PLAN: return TR (lang, "計画（基準値から目標値へ）", "Plan path");
    case LEGEND_PROJECTION: return TR (lang, "見通し（現在のペース）", "Projection at the current pace");
    case LEGEND_TARGET: return TR (lang, "目標値", "Target");
    case LEGEND_BASELINE: return TR (lang, "基準値", "Baseline");
    case LEGEND_REFERENCE: return TR (lang, "基準値（参考）", "Baseline (reference)");
    case LEGEND_BAR: return TR (lang, "最新の実績値", "Latest actual");
    case LEGEND_BAND: return TR (lang, "計画上の現時点の値", "Expected by now");
    case LEGEND_TICK: return TR (lang, "目標値（2027年度・2029年度）", "Targets (FY2027, FY2029)");
    default: g_return_val_if_reached ("");
    }
}

static void
draw_legend_key (Painter    *p,
                 LegendItem  item,
                 double      x,
                 double      y,
                 double      w)
{
  cairo_t *cr = p->cr;
  double lw = MAX (1, p->fs * 0.16);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  switch (item)
    {
    case LEGEND_ACTUAL:
      hubs_chart_color_set_source (&p->theme->actual, cr);
      cairo_set_line_width (cr, lw * 1.4);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w, y);
      cairo_stroke (cr);
      draw_point (p, x + w / 2, y, p->fs * 0.3, &p->theme->actual, TRUE);
      break;

    case LEGEND_PROVISIONAL:
      draw_point (p, x + w / 2, y, p->fs * 0.3, &p->theme->actual, FALSE);
      break;

    case LEGEND_PLAN:
      hubs_chart_color_set_source (&p->theme->plan, cr);
      cairo_set_line_width (cr, lw);
      cairo_set_dash (cr, (double[]) { lw * 4, lw * 2.5 }, 2, 0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w, y);
      cairo_stroke (cr);
      break;

    case LEGEND_PROJECTION:
      hubs_chart_color_set_source (&p->theme->projection, cr);
      cairo_set_line_width (cr, lw * 1.2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, (double[]) { 0, lw * 2.2 }, 2, 0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w, y);
      cairo_stroke (cr);
      break;

    case LEGEND_TARGET:
      draw_target_marker (p, x + w / 2, y, p->fs * 0.9);
      break;

    case LEGEND_BASELINE:
      draw_point (p, x + w / 2, y, p->fs * 0.3, &p->theme->baseline, TRUE);
      break;

    case LEGEND_REFERENCE:
      draw_point (p, x + w / 2, y, p->fs * 0.3, &p->theme->baseline, FALSE);
      break;

    case LEGEND_BAR:
      hubs_chart_color_set_source (&p->theme->actual, cr);
      cairo_rectangle (cr, x, y - p->fs * 0.2, w, p->fs * 0.4);
      cairo_fill (cr);
      break;

    case LEGEND_BAND:
      hubs_chart_color_set_source_alpha (&p->theme->band, cr, 0.35);
      cairo_rectangle (cr, x, y - p->fs * 0.4, w, p->fs * 0.8);
      cairo_fill (cr);
      break;

    case LEGEND_TICK:
      hubs_chart_color_set_source (&p->theme->target, cr);
      cairo_rectangle (cr, x + w / 2 - lw, y - p->fs * 0.5, 2 * lw, p->fs);
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

/* Draws the legend centred in one or more rows at the bottom of @area; returns its height. */
static double
draw_legend (Painter          *p,
             const LegendItem *items,
             guint             n_items,
             double            x,
             double            bottom,
             double            width,
             gboolean          draw)
{
  double size = p->fs * 0.85;
  double key = p->fs * 1.6;
  double gap = p->fs * 1.2;
  double widths[16];
  double row_h, total_h;
  guint n_rows = 1;
  double line = 0;

  g_assert (n_items <= G_N_ELEMENTS (widths));

  measure (p, "Ag", size, FALSE, 0, 0, &row_h);
  row_h = MAX (row_h, p->fs);

  for (guint i = 0; i < n_items; i++)
    {
      widths[i] = key + p->fs * 0.4 + measure (p, legend_label (items[i], p->lang), size,
                                               FALSE, 0, 0, NULL);
      if (line > 0 && line + gap + widths[i] > width)
        {
          n_rows++;
          line = widths[i];
        }
      else
        line += (line > 0 ? gap : 0) + widths[i];
    }

  total_h = n_rows * row_h * 1.25;
  if (!draw)
    return total_h;

  {
    guint i = 0;

    for (guint row = 0; row < n_rows && i < n_items; row++)
      {
        guint first = i;
        double row_w = 0, cx, cy = bottom - total_h + row_h * 1.25 * (row + 0.5);

        for (; i < n_items; i++)
          {
            double add = (i > first ? gap : 0) + widths[i];

            if (i > first && row_w + add > width)
              break;
            row_w += add;
          }

        cx = x + MAX (0, (width - row_w) / 2);
        for (guint j = first; j < i; j++)
          {
            draw_legend_key (p, items[j], cx, cy, key);
            draw_text (p, legend_label (items[j], p->lang), cx + key + p->fs * 0.4, cy, 0, 0.5,
                       size, FALSE, &p->theme->dim, 0, 0);
            cx += widths[j] + gap;
          }
      }
  }

  return total_h;
}

/* The message of a chart with nothing to show. */
static void
draw_empty (Painter    *p,
            const char *message)
{
  if (p->width < p->fs * 4 || p->height < p->fs * 2)
    return;
  draw_text (p, message, p->width / 2, p->height / 2, 0.5, 0.5, p->fs, FALSE, &p->theme->dim,
             p->width - p->fs * 2, 3);
}

/* Title and subtitle at the top; returns the y below them. */
static double
draw_heading (Painter    *p,
              const char *title,
              const char *subtitle,
              double      x,
              double      y,
              double      width)
{
  Rect r;

  r = draw_text (p, title, x, y, 0, 0, p->fs * 1.35, TRUE, &p->theme->foreground, width, 2);
  y += r.height + p->fs * 0.15;
  if (subtitle != NULL && *subtitle != '\0')
    {
      r = draw_text (p, subtitle, x, y, 0, 0, p->fs * 0.9, FALSE, &p->theme->dim, width, 2);
      y += r.height;
    }
  return y + p->fs * 0.5;
}

static double
heading_height (Painter    *p,
                const char *title,
                const char *subtitle,
                double      width)
{
  double h, total;

  measure (p, title, p->fs * 1.35, TRUE, width, 2, &h);
  total = h + p->fs * 0.15;
  if (subtitle != NULL && *subtitle != '\0')
    {
      measure (p, subtitle, p->fs * 0.9, FALSE, width, 2, &h);
      total += h;
    }
  return total + p->fs * 0.5;
}

/* Trajectory
 * ---------- */

typedef struct
{
  const HubsChartKpi *ck;
  const HubsProgress *pr;
  HubsChartScale      x;
  HubsChartScale      y;
  Rect                plot;
  int                 first_year;
  int                 last_year;
  gboolean            rank;
  /* The baseline is a reference, not the start of the path. */
  gboolean            reference;
} Trajectory;

static char *
kpi_subtitle (const HubsChartData *data,
              const HubsChartKpi  *ck,
              HubsLanguage         lang)
{
  const char *unit = hubs_format_unit (ck->kpi->unit, lang);

  if (unit == NULL || *unit == '\0')
    return g_strdup (hub_name (data->hub, lang));
  /* 札幌・北海道 ｜ 単位: 社 */
  return g_strdup_printf (TR (lang, "%1$s ｜ %2$s ｜ 単位: %3$s", "%1$s | %2$s | Unit: %3$s"),
                          hub_name (data->hub, lang),
                          hubs_chart_pillar_get_label (ck->kpi->pillar, lang), unit);
}

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

static void
draw_trajectory_plot (Painter    *p,
                      Trajectory *t,
                      gboolean    text)
{
  cairo_t *cr = p->cr;
  const HubsProgress *pr = t->pr;
  const HubsChartKpi *ck = t->ck;
  const char *unit = ck->kpi->unit;
  double lw = MAX (1, p->fs * 0.16);
  double small = p->fs * 0.85;
  guint n_ticks = hubs_chart_scale_get_n_ticks (&t->y);
  /* Labels stay off the value axis on the left; they may reach a little past the plot's other
   * edges, into the margin. */
  Rect bounds = { t->plot.x + 2, t->plot.y - p->fs * 0.2,
                  t->plot.width + p->fs * 0.4, t->plot.height + p->fs * 0.2 };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Point));

  /* Gridlines and value labels. */
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

          draw_text (p, label, t->plot.x - p->fs * 0.4, y, 1, 0.5, small, FALSE,
                     &p->theme->dim, 0, 0);
        }
    }

  /* Fiscal years. */
  if (text)
    {
      double spacing = t->plot.width / MAX (1, t->last_year - t->first_year + 0.7);
      double widest = 0;
      int every = 1;

      for (int year = t->first_year; year <= t->last_year; year++)
        {
          g_autofree char *label = hubs_format_fiscal_year (year, p->lang);

          widest = MAX (widest, measure (p, label, small, FALSE, 0, 0, NULL));
        }
      while (every < 6 && widest * 1.15 > spacing * every)
        every++;

      for (int year = t->first_year; year <= t->last_year; year++)
        {
          g_autofree char *label = NULL;

          if ((HUBS_LAST_FISCAL_YEAR - year) % every != 0)
            continue;
          label = hubs_format_fiscal_year (year, p->lang);
          draw_text (p, label, tx (t, year), t->plot.y + t->plot.height + p->fs * 0.35, 0.5, 0,
                     small, FALSE, &p->theme->dim, 0, 0);
        }
    }

  cairo_save (cr);
  cairo_rectangle (cr, t->plot.x - p->fs, t->plot.y - p->fs, t->plot.width + 2 * p->fs,
                   t->plot.height + 2 * p->fs);
  cairo_clip (cr);

  /* The plan path, dashed. */
  if (pr->has_start && hubs_progress_get_final_target (pr, NULL, NULL))
    {
      cairo_new_path (cr);
      cairo_move_to (cr, tx (t, pr->start_year), ty (t, pr->start));
      if (pr->has_target_2027 && pr->start_year < HUBS_MIDTERM_FISCAL_YEAR)
        cairo_line_to (cr, tx (t, HUBS_MIDTERM_FISCAL_YEAR), ty (t, pr->target_2027));
      if (pr->has_target_2029 && pr->start_year < HUBS_LAST_FISCAL_YEAR)
        cairo_line_to (cr, tx (t, HUBS_LAST_FISCAL_YEAR), ty (t, pr->target_2029));
      hubs_chart_color_set_source (&p->theme->plan, cr);
      cairo_set_line_width (cr, lw);
      cairo_set_dash (cr, (double[]) { lw * 4, lw * 2.5 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The actual line, from the start of the path through every measured actual. */
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

  /* The projection, dotted, from the latest actual to the last target year. */
  if (pr->has_projection && pr->actual_year < t->last_year)
    {
      int end_year = MAX (pr->actual_year + 1, HUBS_LAST_FISCAL_YEAR);
      double end;

      hubs_progress_get_projection (pr, end_year, &end);
      cairo_new_path (cr);
      cairo_move_to (cr, tx (t, pr->actual_year), ty (t, pr->actual));
      cairo_line_to (cr, tx (t, end_year), ty (t, end));
      hubs_chart_color_set_source (&p->theme->projection, cr);
      cairo_set_line_width (cr, lw * 1.2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, (double[]) { 0, lw * 2.2 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }

  if (points->len > 1)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < points->len; i++)
        {
          const Point *pt = &g_array_index (points, Point, i);

          cairo_line_to (cr, pt->x, pt->y);
        }
      hubs_chart_color_set_source (&p->theme->actual, cr);
      cairo_set_line_width (cr, lw * 1.4);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* Marks: the baseline, the targets, the actuals, the end of the projection. Their boxes go
   * into the placed list first, so labels avoid them. */
  if (pr->has_baseline)
    placed_add (p, tx (t, pr->baseline_year) - p->fs * 0.4, ty (t, pr->baseline) - p->fs * 0.4,
                p->fs * 0.8, p->fs * 0.8);
  if (pr->has_target_2027)
    placed_add (p, tx (t, HUBS_MIDTERM_FISCAL_YEAR) - p->fs * 0.6,
                ty (t, pr->target_2027) - p->fs * 0.6, p->fs * 1.2, p->fs * 1.2);
  if (pr->has_target_2029)
    placed_add (p, tx (t, HUBS_LAST_FISCAL_YEAR) - p->fs * 0.6,
                ty (t, pr->target_2029) - p->fs * 0.6, p->fs * 1.2, p->fs * 1.2);

  if (pr->has_baseline)
    {
      double x = tx (t, pr->baseline_year), y = ty (t, pr->baseline);

      draw_point (p, x, y, p->fs * 0.32, &p->theme->baseline, !t->reference);
      add_hit (p, HUBS_CHART_HIT_BASELINE, x, y, p->fs, p->fs, 0, -1, pr->baseline_year,
               pr->baseline);
    }

  for (int year = HUBS_MIDTERM_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year += 2)
    {
      gboolean has = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->has_target_2027 : pr->has_target_2029;
      double value = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->target_2027 : pr->target_2029;

      if (!has)
        continue;
      draw_target_marker (p, tx (t, year), ty (t, value), p->fs * 0.95);
      add_hit (p, HUBS_CHART_HIT_TARGET, tx (t, year), ty (t, value), p->fs * 1.2,
               p->fs * 1.2, 0, -1, year, value);
    }

  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);
      double x, y;

      if (figure->kind != HUBS_FIGURE_ACTUAL || !figure->measured || !isfinite (figure->value))
        continue;
      x = tx (t, figure->fiscal_year);
      y = ty (t, figure->value);
      draw_point (p, x, y, p->fs * 0.32, &p->theme->actual, figure->confirmed);
      placed_add (p, x - p->fs * 0.4, y - p->fs * 0.4, p->fs * 0.8, p->fs * 0.8);
      add_hit (p, HUBS_CHART_HIT_ACTUAL, x, y, p->fs, p->fs, 0, -1, figure->fiscal_year,
               figure->value);
    }

  if (pr->has_projection && pr->actual_year < HUBS_LAST_FISCAL_YEAR)
    {
      double v;

      hubs_progress_get_projection (pr, HUBS_LAST_FISCAL_YEAR, &v);
      if (ty (t, v) >= t->plot.y - 1 && ty (t, v) <= t->plot.y + t->plot.height + 1)
        add_hit (p, HUBS_CHART_HIT_PROJECTION, tx (t, HUBS_LAST_FISCAL_YEAR), ty (t, v),
                 p->fs, p->fs, 0, -1, HUBS_LAST_FISCAL_YEAR, v);
    }

  if (!text)
    return;

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
      target = hubs_format_target (value, unit, ck->kpi->qualifier, p->lang);
      if (pr->yearly_target)
        label = g_strdup_printf (TR (p->lang, "%1$s目標 %2$s/年", "%1$s target %2$s a year"),
                                 fy, target);
      else
        label = g_strdup_printf (TR (p->lang, "%1$s目標 %2$s", "%1$s target %2$s"), fy, target);
      place_label (p, label, tx (t, year), ty (t, value), 0, small, TRUE, &p->theme->target,
                   &bounds);
    }

  if (pr->has_actual)
    {
      g_autofree char *label = format_actual (ck, pr->actual, pr->actual_confirmed, p->lang);

      place_label (p, label, tx (t, pr->actual_year), ty (t, pr->actual), 1, small, TRUE,
                   &p->theme->actual, &bounds);
    }

  if (pr->has_baseline)
    {
      g_autofree char *value = format_value (ck, pr->baseline, p->lang);
      g_autofree char *label = NULL;
      const HubsFigure *baseline = hubs_chart_kpi_get_baseline (ck);

      if (t->reference && baseline != NULL && baseline->note != NULL && *baseline->note != '\0')
        label = g_strdup_printf (TR (p->lang, "基準値 %1$s（%2$s、参考）",
                                     "Baseline %1$s (%2$s, reference)"), value, baseline->note);
      else if (t->reference)
        label = g_strdup_printf (TR (p->lang, "基準値 %s（参考）", "Baseline %s (reference)"),
                                 value);
      else
        label = g_strdup_printf (TR (p->lang, "基準値 %s", "Baseline %s"), value);
      place_label (p, label, tx (t, pr->baseline_year), ty (t, pr->baseline), 1, small, FALSE,
                   &p->theme->dim, &bounds);
    }

  if (pr->has_projection && pr->actual_year < HUBS_LAST_FISCAL_YEAR)
    {
      double v;
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;

      hubs_progress_get_projection (pr, HUBS_LAST_FISCAL_YEAR, &v);
      if (ty (t, v) >= t->plot.y - 1 && ty (t, v) <= t->plot.y + t->plot.height + 1)
        {
          value = format_value (ck, v, p->lang);
          label = g_strdup_printf (TR (p->lang, "見通し %s", "Projected %s"), value);
          place_label (p, label, tx (t, HUBS_LAST_FISCAL_YEAR), ty (t, v), 1, small, FALSE,
                       &p->theme->projection, &bounds);
        }
    }

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
trajectory_legend (const Trajectory *t,
                   LegendItem       *items)
{
  guint n = 0;

  items[n++] = LEGEND_ACTUAL;
  if (kpi_has_provisional (t->ck))
    items[n++] = LEGEND_PROVISIONAL;
  if (t->pr->has_baseline)
    items[n++] = t->reference ? LEGEND_REFERENCE : LEGEND_BASELINE;
  items[n++] = LEGEND_PLAN;
  items[n++] = LEGEND_TARGET;
  if (t->pr->has_projection && t->pr->actual_year < HUBS_LAST_FISCAL_YEAR)
    items[n++] = LEGEND_PROJECTION;

  return n;
}

static void
draw_trajectory (Painter             *p,
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
  LegendItem legend[8];
  guint n_legend;
  double small = p->fs * 0.85;
  double axis_w = 0, label_h;

  if (data->kpis->len == 0)
    {
      draw_empty (p, TR (p->lang, "KPIがありません", "No KPI"));
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
  subtitle = kpi_subtitle (data, ck, p->lang);
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
  measure (p, "2029", small, FALSE, 0, 0, &label_h);

  /* Drop what does not fit, least important first, until the plot has room. */
  for (;;)
    {
      top = pad;
      bottom = p->height - pad;
      if (show_title)
        top += heading_height (p, title, subtitle, p->width - 2 * pad);
      if (show_status)
        {
          double h;

          h = 0;
          if (show_sentence)
            measure (p, status_text, p->fs, FALSE,
                     p->width - 2 * pad - p->fs * 0.8 -
                     status_badge_width (p, t.pr->status, p->fs * 1.05, TRUE), 2, &h);
          top += MAX (h, p->fs * 1.3) + p->fs * 0.2;
        }
      if (show_projection)
        {
          double h;

          measure (p, projection_text, small, FALSE, p->width - 2 * pad, 2, &h);
          top += h + p->fs * 0.2;
        }
      if (text)
        top += label_h + p->fs * 0.5;       /* the axis title */
      if (show_legend)
        bottom -= draw_legend (p, legend, n_legend, pad, bottom, p->width - 2 * pad, FALSE) +
                  p->fs * 0.4;
      if (text)
        bottom -= label_h + p->fs * 0.45;   /* fiscal years */

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
      /* Headroom, so the label of the highest target fits above it. */
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

          axis_w = MAX (axis_w, measure (p, label, small, FALSE, 0, 0, NULL));
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
  t.plot = (Rect) { left, top, MAX (1, right - left), MAX (1, bottom - top) };

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
        y = draw_heading (p, title, subtitle, pad, y, p->width - 2 * pad);
      if (show_status)
        {
          double badge_w, h;

          measure (p, status_text, p->fs, FALSE, 1, 1, &h);
          badge_w = draw_status_badge (p, t.pr->status, pad, y + MAX (h, p->fs * 1.3) / 2,
                                       p->fs * 1.05, TRUE);
          if (show_sentence)
            {
              Rect r = draw_text (p, status_text, pad + badge_w + p->fs * 0.8, y, 0, 0, p->fs,
                                  FALSE, &p->theme->foreground,
                                  p->width - 2 * pad - badge_w - p->fs * 0.8, 2);

              h = r.height;
            }
          else
            h = 0;
          y += MAX (h, p->fs * 1.3) + p->fs * 0.2;
        }
      if (show_projection)
        {
          Rect r = draw_text (p, projection_text, pad, y, 0, 0, small, FALSE, &p->theme->dim,
                              p->width - 2 * pad, 2);

          y += r.height + p->fs * 0.2;
        }

      /* Money and percentages carry their unit on every tick already. */
      if (t.rank)
        axis_title = TR (p->lang, "順位（上ほど上位）", "Rank (up is better)");
      else if (g_strcmp0 (ck->kpi->unit, "億円") == 0 || g_strcmp0 (ck->kpi->unit, "%") == 0)
        axis_title = NULL;
      else
        axis_title = hubs_format_unit (ck->kpi->unit, p->lang);
      if (axis_title != NULL && *axis_title != '\0')
        {
          g_autofree char *label = t.rank ? g_strdup (axis_title)
                                          : g_strdup_printf (TR (p->lang, "（%s）", "(%s)"),
                                                             axis_title);

          draw_text (p, label, MAX (pad * 0.5, t.plot.x - axis_w), t.plot.y - p->fs * 0.5, 0,
                     1, small, FALSE, &p->theme->dim, 0, 0);
        }
    }

  draw_trajectory_plot (p, &t, text);

  if (show_legend)
    draw_legend (p, legend, n_legend, pad, p->height - pad, p->width - 2 * pad, TRUE);
}

/* Bullets
 * ------- */

/* The origin and the 100 % of a KPI's normalised scale: the start of its path and its final
 * target (for a yearly target, the target of the actual's year). */
static gboolean
kpi_norm_range (const HubsChartKpi *ck,
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

static double
kpi_normalise (double origin,
               double full,
               double value)
{
  return (value - origin) / (full - origin) * 100;
}

/* How a bullet maps values to pixels: normalised to the KPI's own start and final target (the
 * overview, where every row shares one scale), or in the KPI's unit (a bullet of its own). */
typedef struct
{
  const HubsChartScale *scale;
  gboolean              normalised;
  double                origin;
  double                full;
} BulletMap;

static double
bullet_value (const BulletMap *m,
              double           value)
{
  return m->normalised ? kpi_normalise (m->origin, m->full, value) : value;
}

static double
bullet_x (const BulletMap *m,
          double           value)
{
  double v = bullet_value (m, value);

  return hubs_chart_scale_map (m->scale, CLAMP (v, m->scale->min, m->scale->max));
}

/* One bullet (after Stephen Few) in @r: a track, the band of what the plan expects by the
 * actual's year (shaded by the status thresholds: darker is further behind), the bar of the
 * latest actual and a tick for each target, the final one taller. Bars grow from zero, or for
 * ranks from the worst end of the scale, so that longer is always better. */
static void
draw_bullet_row (Painter            *p,
                 const HubsChartKpi *ck,
                 const BulletMap    *m,
                 const Rect         *r,
                 guint               index)
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
      add_hit (p, HUBS_CHART_HIT_ACTUAL, (x0 + x) / 2, cy, MAX (fabs (x - x0), p->fs * 0.6),
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
        add_hit (p, HUBS_CHART_HIT_TARGET, x, cy, p->fs, r->height, index, -1, year, value);
    }
}

static void
draw_norm_axis (Painter              *p,
                const HubsChartScale *scale,
                double                y,
                double                yalign,
                gboolean              words)
{
  double small = p->fs * 0.75;

  for (guint i = 0; i < hubs_chart_scale_get_n_ticks (scale); i++)
    {
      double v = hubs_chart_scale_get_tick (scale, i);
      double x = hubs_chart_scale_map (scale, v);
      g_autofree char *label = NULL;

      if (words && fabs (v) < 1e-9)
        label = g_strdup (TR (p->lang, "基準値", "Start"));
      else if (words && fabs (v - 100) < 1e-9)
        label = g_strdup (TR (p->lang, "目標", "Target"));
      else
        label = hubs_format_axis_value (v, "%", p->lang);
      draw_text (p, label, x, y, 0.5, yalign, small, FALSE, &p->theme->dim, 0, 0);
    }
}

static void
draw_norm_grid (Painter              *p,
                const HubsChartScale *scale,
                double                top,
                double                bottom)
{
  cairo_t *cr = p->cr;

  for (guint i = 0; i < hubs_chart_scale_get_n_ticks (scale); i++)
    {
      double v = hubs_chart_scale_get_tick (scale, i);
      double x = round (hubs_chart_scale_map (scale, v)) + 0.5;

      cairo_new_path (cr);
      hubs_chart_color_set_source (fabs (v) < 1e-9 || fabs (v - 100) < 1e-9 ? &p->theme->axis
                                                                           : &p->theme->grid,
                                   cr);
      cairo_set_line_width (cr, 1);
      if (fabs (v - 100) < 1e-9)
        cairo_set_dash (cr, (double[]) { 3, 3 }, 2, 0);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

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
               ? g_strdup_printf (TR (lang, "目標 %s/年", "target %s a year"), value)
               : g_strdup_printf (TR (lang, "%1$s目標 %2$s", "%1$s target %2$s"), fy, value);
    }
  else
    target = g_strdup (TR (lang, "目標なし", "no target"));

  if (pr->has_actual)
    {
      g_autofree char *fy = hubs_format_fiscal_year (pr->actual_year, lang);
      g_autofree char *actual = format_actual (ck, pr->actual, pr->actual_confirmed, lang);

      return g_strdup_printf (TR (lang, "%1$s %2$s\n%3$s", "%1$s %2$s\n%3$s"), fy, actual,
                              target);
    }

  return g_strdup_printf (TR (lang, "実績なし\n%s", "No actual yet\n%s"), target);
}

static void
draw_bullet (Painter             *p,
             const HubsChartData *data)
{
  const HubsChartKpi *ck;
  const HubsProgress *pr;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status_text = NULL;
  HubsChartScale scale;
  BulletMap map = { &scale, FALSE, 0, 0 };
  double pad = p->fs * 0.8, y, bottom, row_h, lower, upper, small = p->fs * 0.85, label_h;
  gboolean text = p->width >= p->fs * 14 && p->height >= p->fs * 8;
  gboolean rank;
  Rect row;
  static const LegendItem legend[] = { LEGEND_BAR, LEGEND_BAND, LEGEND_TICK };

  if (data->kpis->len == 0)
    {
      draw_empty (p, TR (p->lang, "KPIがありません", "No KPI"));
      return;
    }

  ck = g_ptr_array_index (data->kpis, 0);
  pr = &ck->progress;
  rank = ck->kpi->direction == HUBS_DIRECTION_LOWER;
  title = hubs_chart_get_title (data, p->lang);
  subtitle = kpi_subtitle (data, ck, p->lang);
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
  measure (p, "2029", small, FALSE, 0, 0, &label_h);
  if (text && p->options->show_title && p->height > p->fs * 16)
    y = draw_heading (p, title, subtitle, pad, y, p->width - 2 * pad);
  if (text && p->options->show_legend && p->height > p->fs * 12)
    bottom -= draw_legend (p, legend, G_N_ELEMENTS (legend), pad, bottom, p->width - 2 * pad,
                           TRUE) + p->fs * 0.5;

  if (text && p->options->show_status)
    {
      double badge_w = draw_status_badge (p, pr->status, pad, y + p->fs * 0.7, p->fs * 1.05,
                                          TRUE);
      Rect r = draw_text (p, status_text, pad + badge_w + p->fs * 0.8, y, 0, 0, p->fs, FALSE,
                          &p->theme->foreground, p->width - 2 * pad - badge_w - p->fs * 0.8, 2);

      y += MAX (r.height, p->fs * 1.4) + p->fs * 0.6;
    }

  if (text)
    {
      /* Target labels above the bullet, value ticks below it: the bullet sits in between. */
      double above = label_h * 2 + p->fs * 1.2, below = label_h * 2 + p->fs * 1.2;
      double space = bottom - y - above - below;
      double top;

      row_h = CLAMP (space * 0.5, p->fs * 1.5, p->fs * 6);
      /* The bullet and its labels, centred in the room left. */
      top = y + MAX (0, (space - row_h) / 2);
      row = (Rect) { pad + p->fs, top + above, p->width - 2 * pad - 2 * p->fs, row_h };
      if (row.y + row.height + label_h * 3 > bottom)
        text = FALSE;
    }
  if (!text)
    {
      row_h = MAX (1, MIN (p->height * 0.5, p->fs * 3));
      row = (Rect) { p->width * 0.03, (p->height - row_h) / 2, p->width * 0.94, row_h };
    }

  if (rank)
    hubs_chart_scale_set_range (&scale, row.x + row.width, row.x);
  else
    hubs_chart_scale_set_range (&scale, row.x, row.x + row.width);

  draw_bullet_row (p, ck, &map, &row, 0);

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
      draw_text (p, label, x, row.y + row.height + p->fs * 0.4, 0.5, 0, small, FALSE,
                 &p->theme->dim, 0, 0);
    }
  if (hubs_format_unit (ck->kpi->unit, p->lang)[0] != '\0')
    {
      g_autofree char *unit = g_strdup_printf (TR (p->lang, "（%s）", "(%s)"),
                                               rank ? TR (p->lang, "順位、右ほど上位", "rank, right is better")
                                                    : hubs_format_unit (ck->kpi->unit, p->lang));

      draw_text (p, unit, row.x + row.width, row.y + row.height + p->fs * 0.5 + label_h, 1, 0,
                 small, FALSE, &p->theme->dim, 0, 0);
    }

  /* Name the targets above their ticks, the actual and the expected value beside the bar. */
  {
    Rect bounds = { 0, row.y - label_h * 2 - p->fs, p->width, row.height + label_h * 4 + p->fs * 2 };

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
        target = hubs_format_target (value, ck->kpi->unit, ck->kpi->qualifier, p->lang);
        label = g_strdup_printf (TR (p->lang, "%1$s目標 %2$s", "%1$s target %2$s"), fy, target);
        place_label (p, label, bullet_x (&map, value), row.y + row.height * 0.1, 0, small, TRUE,
                     &p->theme->target, &bounds);
      }

    if (pr->has_expected && pr->has_start)
      {
        g_autofree char *fy = hubs_format_fiscal_year (pr->actual_year, p->lang);
        g_autofree char *expected = format_value (ck, pr->expected, p->lang);
        g_autofree char *label = g_strdup_printf (TR (p->lang, "%1$sの計画値 %2$s",
                                                      "%1$s plan %2$s"), fy, expected);

        place_label (p, label, bullet_x (&map, pr->expected), row.y, 0, small, FALSE,
                     &p->theme->dim, &bounds);
      }

    /* The actual at the end of its bar. */
    if (pr->has_actual)
      {
        g_autofree char *label = format_actual (ck, pr->actual, pr->actual_confirmed, p->lang);
        double x = bullet_x (&map, pr->actual);
        double w = measure (p, label, small, TRUE, 0, 0, NULL);
        double lx = x + p->fs * 0.4;

        if (lx + w > row.x + row.width)
          lx = x - p->fs * 0.4 - w;
        painter_set_text (p, label, small, TRUE, 0, 0);
        painter_show (p, lx, row.y + row.height * 0.5 - label_h / 2, &p->theme->actual, TRUE);
      }
  }
}

/* Hub overview
 * ------------ */

static void
draw_overview (Painter             *p,
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
  BulletMap map = { &scale, TRUE, 0, 0 };
  gboolean text = p->width >= p->fs * 16 && p->height >= p->fs * 8;
  gboolean show_legend = text && p->options->show_legend;
  g_autofree char *title = hubs_chart_get_title (data, p->lang);
  static const LegendItem legend[] = { LEGEND_BAR, LEGEND_BAND, LEGEND_TICK };
  double lower = 0, upper = 110;

  if (data->kpis->len == 0)
    {
      draw_empty (p, TR (p->lang, "この拠点都市にはKPIがありません",
                         "This hub city has no KPIs"));
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

      if (ck->progress.has_actual && kpi_norm_range (ck, &origin, &full))
        {
          double v = kpi_normalise (origin, full, ck->progress.actual);

          lower = MIN (lower, v);
          upper = MAX (upper, v);
        }
    }
  hubs_chart_scale_init (&scale, MAX (lower, NORM_MIN), MIN (upper, NORM_MAX), 4);

  y = pad;
  if (text && p->options->show_title && p->height > p->fs * 20)
    {
      g_autofree char *subtitle =
        g_strdup (TR (p->lang,
                      "各KPIを自らの基準値（0%）と2029年度目標（100%）で揃えて表示",
                      "Each KPI on its own scale: its start at 0%, its FY2029 target at 100%"));

      y = draw_heading (p, title, subtitle, pad, y, p->width - 2 * pad);
    }
  if (show_legend)
    legend_h = draw_legend (p, legend, G_N_ELEMENTS (legend), pad, p->height - pad,
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

          status_w = MAX (status_w, measure (p, hubs_status_get_label (ck->progress.status, p->lang),
                                             name_size * 0.95, FALSE, 0, 0, NULL));
          value_w = MAX (value_w, measure (p, values, name_size * 0.85, FALSE, 0, 0, NULL));
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
      draw_norm_axis (p, &scale, y + p->fs * 1.1, 1, TRUE);
      y += p->fs * 1.4;
    }
  draw_norm_grid (p, &scale, y, y + row_h * n_rows);

  last_pillar = -1;
  for (guint i = 0; i < data->kpis->len; i++)
    {
      const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
      gboolean breakdown = ck->progress.is_breakdown;
      Rect bullet;

      if ((int) ck->kpi->pillar != last_pillar)
        {
          if (text)
            draw_text (p, hubs_chart_pillar_get_label (ck->kpi->pillar, p->lang), pad,
                       y + row_h * heading_rows, 0, 1, name_size * 0.9, TRUE, &p->theme->dim,
                       name_w, 1);
          last_pillar = ck->kpi->pillar;
          y += row_h * heading_rows;
        }

      bullet = (Rect) { bullet_x, y + row_h * 0.18, bullet_w, row_h * 0.64 };
      map.normalised = TRUE;
      if (!kpi_norm_range (ck, &map.origin, &map.full))
        map.origin = map.full = 0;
      draw_bullet_row (p, ck, &map, &bullet, i);

      if (text)
        {
          double indent = breakdown ? p->fs * 1.2 : 0;
          g_autofree char *values = kpi_value_summary (ck, p->lang);

          draw_text (p, kpi_name (ck->kpi, p->lang), pad + p->fs * 0.4 + indent,
                     y + row_h / 2, 0, 0.5, name_size, FALSE, &p->theme->foreground,
                     name_w - p->fs * 0.4 - indent, 2);
          draw_status_badge (p, ck->progress.status, status_x, y + row_h / 2, name_size * 0.95,
                             FALSE);
          if (value_w > 0)
            draw_text (p, values, value_x, y + row_h / 2, 0, 0.5, name_size * 0.85, FALSE,
                       &p->theme->dim, value_w, 2);
        }

      add_hit (p, HUBS_CHART_HIT_KPI, p->width / 2, y + row_h / 2, p->width - 2 * pad, row_h,
               i, -1, ck->progress.actual_year, ck->progress.actual);
      y += row_h;
    }

  /* The legend right under the rows, not at the foot of a tall widget. */
  if (show_legend)
    draw_legend (p, legend, G_N_ELEMENTS (legend), pad,
                 MIN (p->height - pad, y + p->fs * 0.6 + legend_h), p->width - 2 * pad, TRUE);
}

/* Comparison across hubs
 * ---------------------- */

/* One hub's share in one column: a bar on the common scale in @bar, and in the column's text
 * area after it (from @text_x, @text_w wide) the status mark and the percentage. */
static void
draw_share_cell (Painter                   *p,
                 const HubsProgressSummary *summary,
                 const HubsChartScale      *scale,
                 const Rect                *bar,
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
        draw_text (p, TR (p->lang, "KPIなし", "no KPI"), bar->x + bar->width / 2, cy, 0.5, 0.5,
                   size * 0.8, FALSE, &p->theme->dim, bar->width, 1);
      return;
    }

  if (!hubs_progress_summary_get_share (summary, &share))
    {
      /* The key below the chart names the mark. */
      if (text_w > 0)
        hubs_chart_draw_status_shape (cr, HUBS_STATUS_NOT_ASSESSABLE, p->theme,
                                      text_x + size / 2, cy, size);
      add_hit (p, HUBS_CHART_HIT_HUB, bar->x + cell_w / 2, cy, cell_w, bar->height, index,
               pillar, 0, NAN);
      return;
    }

  {
    HubsStatus status = status_of_share (share);
    double v = CLAMP (share * 100, scale->min, scale->max);
    double x = hubs_chart_scale_map (scale, v);
    double bh = bar->height * 0.5;

    cairo_new_path (cr);
    hubs_chart_color_set_source (&p->theme->status[status], cr);
    cairo_rectangle (cr, MIN (x, x0), cy - bh / 2, MAX (fabs (x - x0), 1.5), bh);
    cairo_fill (cr);

    if (text_w > 0)
      {
        g_autofree char *label = format_percent (share, p->lang);

        hubs_chart_draw_status_shape (cr, status, p->theme, text_x + size / 2, cy, size);
        draw_text (p, label, text_x + text_w, cy, 1, 0.5, size, TRUE, &p->theme->foreground, 0,
                   0);
      }

    add_hit (p, HUBS_CHART_HIT_HUB, bar->x + cell_w / 2, cy, cell_w, bar->height, index,
             pillar, 0, share);
  }
}

/* The key of the status marks, drawn as the marks themselves; returns its height. */
static double
draw_status_key (Painter *p,
                 double   y_bottom,
                 gboolean draw)
{
  double size = p->fs * 0.8, gap = p->fs * 1.4, total = 0, x, h;

  measure (p, "Ag", size, FALSE, 0, 0, &h);
  for (HubsStatus s = HUBS_STATUS_ON_TRACK; s < HUBS_N_STATUSES; s++)
    total += (s > HUBS_STATUS_ON_TRACK ? gap : 0) + size * 1.4 +
             measure (p, hubs_status_get_label (s, p->lang), size, FALSE, 0, 0, NULL);
  if (!draw || total > p->width)
    return total > p->width ? 0 : h;

  x = (p->width - total) / 2;
  for (HubsStatus s = HUBS_STATUS_ON_TRACK; s < HUBS_N_STATUSES; s++)
    {
      Rect r;

      hubs_chart_draw_status_shape (p->cr, s, p->theme, x + size / 2, y_bottom - h / 2, size);
      r = draw_text (p, hubs_status_get_label (s, p->lang), x + size * 1.4, y_bottom - h / 2, 0,
                     0.5, size, FALSE, &p->theme->dim, 0, 0);
      x += size * 1.4 + r.width + gap;
    }
  return h;
}

static void
draw_comparison (Painter             *p,
                 const HubsChartData *data)
{
  double pad = p->fs * 0.8, y, name_w, col_w, gap, row_h, header_h, legend_h = 0, size;
  gboolean text = p->width >= p->fs * 20 && p->height >= p->fs * 10;
  g_autofree char *title = hubs_chart_get_title (data, p->lang);
  const char *subtitle = TR (p->lang,
                             "各KPIの計画経路に対する進捗（100% = 計画どおり）の平均。各KPIは"
                             "−50%～150%に収めて平均し、内訳のKPIと評価できないKPIは除く。",
                             "Mean share of each KPI’s planned progress achieved (100% = on "
                             "plan), each KPI held within −50% to 150%; breakdown KPIs and KPIs "
                             "that cannot be assessed are left out.");
  guint n = data->hubs->len;

  if (n == 0)
    {
      draw_empty (p, TR (p->lang, "拠点都市がありません", "No hub cities"));
      return;
    }

  y = pad;
  if (text && p->options->show_title && p->height > p->fs * 22)
    y = draw_heading (p, title, subtitle, pad, y, p->width - 2 * pad);
  if (text && p->options->show_legend)
    {
      legend_h = draw_status_key (p, p->height - pad, TRUE);
      legend_h += legend_h > 0 ? p->fs * 0.5 : 0;
    }

  name_w = text ? MIN ((p->width - 2 * pad) * 0.17, p->fs * 9) : 0;
  gap = text ? p->fs * 1.0 : p->width * 0.01;
  col_w = MAX (1, (p->width - 2 * pad - name_w - gap * (HUBS_N_PILLARS + 1)) /
                  (HUBS_N_PILLARS + 1));
  header_h = text ? p->fs * 3.0 : 0;
  row_h = MAX (1, MIN ((p->height - y - pad - legend_h - header_h - (text ? p->fs * 1.3 : 0)) / n,
                       p->fs * 3));
  size = MIN (p->fs, row_h * 0.45);
  if (text && row_h < p->fs * 1.1)
    text = FALSE;

  for (int col = -1; col < HUBS_N_PILLARS; col++)
    {
      double cx = pad + name_w + gap + (col + 1) * (col_w + gap);
      HubsChartScale scale;
      double rows_top = y + header_h;
      /* The mark and percentage take a fixed column at the right of each cell, so they never
       * cover a bar. */
      double text_w = text ? size * 1.3 + measure (p, "-150%", size, TRUE, 0, 0, NULL) : 0;
      double bar_w = MAX (1, col_w - text_w - (text ? size * 0.5 : 0));

      hubs_chart_scale_init (&scale, NORM_MIN, NORM_MAX, 4);
      hubs_chart_scale_set_range (&scale, cx, cx + bar_w);

      if (text)
        {
          const char *label = col < 0 ? TR (p->lang, "総合（全KPI）", "All KPIs")
                                      : pillar_short_labels[col][p->lang == HUBS_LANGUAGE_JA ? 0 : 1];

          draw_text (p, label, cx + bar_w / 2, y + p->fs * 1.2, 0.5, 1, p->fs * 0.9, TRUE,
                     &p->theme->foreground, col_w, 1);
          /* The scale on top and at the bottom of each column: 0 and 100 % only. */
          for (double v = 0; v <= 100; v += 100)
            {
              g_autofree char *tick = hubs_format_axis_value (v, "%", p->lang);
              double x = hubs_chart_scale_map (&scale, v);

              draw_text (p, tick, x, rows_top - p->fs * 0.25, 0.5, 1, p->fs * 0.7, FALSE,
                         &p->theme->dim, 0, 0);
              draw_text (p, tick, x, rows_top + row_h * n + p->fs * 0.2, 0.5, 0, p->fs * 0.7,
                         FALSE, &p->theme->dim, 0, 0);
            }
        }
      draw_norm_grid (p, &scale, rows_top, rows_top + row_h * n);

      for (guint i = 0; i < n; i++)
        {
          const HubsChartHubSummary *summary = g_ptr_array_index (data->hubs, i);
          const HubsProgressSummary *s = col < 0 ? &summary->all : &summary->pillars[col];
          Rect bar = { cx, rows_top + i * row_h, bar_w, row_h };

          draw_share_cell (p, s, &scale, &bar, cx + col_w - text_w, text_w, i, col);
        }
    }

  if (!text)
    return;

  for (guint i = 0; i < n; i++)
    {
      const HubsChartHubSummary *summary = g_ptr_array_index (data->hubs, i);
      double cy = y + header_h + (i + 0.5) * row_h;
      g_autofree char *count = g_strdup_printf (TR (p->lang, "%1$u/%2$u KPIを評価",
                                                    "%1$u of %2$u KPIs assessed"),
                                                summary->all.n_assessed, summary->all.n_kpis);

      if (row_h > p->fs * 2)
        {
          draw_text (p, hub_name (summary->hub, p->lang), pad, cy, 0, 1, size, TRUE,
                     &p->theme->foreground, name_w, 1);
          draw_text (p, count, pad, cy, 0, 0, size * 0.75, FALSE, &p->theme->dim, name_w, 1);
        }
      else
        draw_text (p, hub_name (summary->hub, p->lang), pad, cy, 0, 0.5, size, TRUE,
                   &p->theme->foreground, name_w, 1);
    }
}

/* Entry points
 * ------------ */

/**
 * hubs_chart_options_init:
 * @options: (out caller-allocates): the options
 * @language: the language of the chart
 *
 * Fills @options with the defaults of an export: font size from the chart's size, title and
 * legend shown, nothing focused.
 */
void
hubs_chart_options_init (HubsChartOptions *options,
                         HubsLanguage      language)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->language = language;
  options->font_size = 0;
  options->focus = -1;
  options->show_title = TRUE;
  options->show_legend = TRUE;
  options->show_status = TRUE;
}

/**
 * hubs_chart_draw:
 * @cr: where to draw; the chart covers (0, 0) … (@width, @height) in user space
 * @data: what to draw
 * @theme: the colours and type
 * @options: (nullable): how to draw, or %NULL for the defaults of hubs_chart_options_init()
 *   in the interface's language
 * @width: the width of the chart
 * @height: the height of the chart
 * @hits: (nullable) (element-type HubsChartHit): where to append the marks drawn, for
 *   pointing and focus
 *
 * Draws the chart @data asks for. It paints its background and never draws outside its
 * rectangle. It leaves out what does not fit, down to a few lines at tiny sizes, without a
 * warning at any size.
 */
void
hubs_chart_draw (cairo_t                *cr,
                 const HubsChartData    *data,
                 const HubsChartTheme   *theme,
                 const HubsChartOptions *options,
                 double                  width,
                 double                  height,
                 GArray                 *hits)
{
  HubsChartOptions defaults;
  Painter p = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (theme != NULL);
  g_return_if_fail (hits == NULL || g_array_get_element_size (hits) == sizeof (HubsChartHit));

  if (options == NULL)
    {
      hubs_chart_options_init (&defaults, hubs_language_current ());
      options = &defaults;
    }

  if (!(width >= 1) || !(height >= 1) || !isfinite (width) || !isfinite (height))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  hubs_chart_color_set_source (&theme->background, cr);
  cairo_paint (cr);

  p.cr = cr;
  p.theme = theme;
  p.options = options;
  p.lang = options->language;
  p.width = width;
  p.height = height;
  p.hits = hits;
  p.fs = options->font_size > 0 ? options->font_size
                                : CLAMP (MIN (width / 64, height / 36), 7, 48);
  p.placed = g_array_new (FALSE, FALSE, sizeof (Rect));
  p.layout = pango_cairo_create_layout (cr);
  pango_context_set_language (pango_layout_get_context (p.layout),
                              pango_language_from_string (p.lang == HUBS_LANGUAGE_JA ? "ja"
                                                                                   : "en"));
  pango_layout_context_changed (p.layout);
  p.font = pango_font_description_from_string (theme->font_family);

  switch (data->kind)
    {
    case HUBS_CHART_TRAJECTORY:
      draw_trajectory (&p, data);
      break;

    case HUBS_CHART_BULLET:
      draw_bullet (&p, data);
      break;

    case HUBS_CHART_HUB_OVERVIEW:
      draw_overview (&p, data);
      break;

    case HUBS_CHART_COMPARISON:
      draw_comparison (&p, data);
      break;

    default:
      g_critical ("Unknown chart kind %d", data->kind);
      break;
    }

  pango_font_description_free (p.font);
  g_object_unref (p.layout);
  g_array_unref (p.placed);
  cairo_restore (cr);
}

/* Descriptions
 * ------------ */

static void
append_kpi_description (GString            *out,
                        const HubsChartKpi *ck,
                        HubsLanguage        lang)
{
  const HubsProgress *pr = &ck->progress;
  g_autofree char *status = hubs_chart_kpi_describe_status (ck, lang);
  g_autofree char *projection = hubs_chart_kpi_describe_projection (ck, lang);
  gboolean first = TRUE;

  g_string_append_printf (out, TR (lang, "%s。", "%s. "), kpi_name (ck->kpi, lang));

  if (pr->has_baseline)
    {
      g_autofree char *fy = hubs_format_fiscal_year (pr->baseline_year, lang);
      g_autofree char *value = format_value (ck, pr->baseline, lang);

      g_string_append_printf (out, TR (lang, "基準値 %2$s（%1$s）。", "Baseline %2$s (%1$s). "),
                              fy, value);
    }
  else
    g_string_append (out, TR (lang, "基準値は未計測。", "Baseline not measured. "));

  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);
      g_autofree char *fy = NULL;
      g_autofree char *value = NULL;

      if (figure->kind != HUBS_FIGURE_ACTUAL || !figure->measured)
        continue;
      fy = hubs_format_fiscal_year (figure->fiscal_year, lang);
      value = format_actual (ck, figure->value, figure->confirmed, lang);
      g_string_append (out, first ? TR (lang, "実績値 ", "Actuals: ") : TR (lang, "、", ", "));
      g_string_append_printf (out, "%s %s", fy, value);
      first = FALSE;
    }
  if (!first)
    g_string_append (out, TR (lang, "。", ". "));

  first = TRUE;
  for (int year = HUBS_MIDTERM_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year += 2)
    {
      gboolean has = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->has_target_2027 : pr->has_target_2029;
      double value = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->target_2027 : pr->target_2029;
      g_autofree char *fy = NULL;
      g_autofree char *target = NULL;

      if (!has)
        continue;
      fy = hubs_format_fiscal_year (year, lang);
      target = hubs_format_target (value, ck->kpi->unit, ck->kpi->qualifier, lang);
      g_string_append (out, first ? TR (lang, "目標値 ", "Targets: ") : TR (lang, "、", ", "));
      g_string_append_printf (out, "%s %s", fy, target);
      first = FALSE;
    }
  if (!first)
    g_string_append (out, TR (lang, "。", ". "));

  g_string_append_printf (out, TR (lang, "状況: %1$s %2$s。", "Status: %1$s %2$s. "),
                          hubs_status_get_symbol (pr->status),
                          hubs_status_get_label (pr->status, lang));
  g_string_append (out, status);
  if (projection != NULL)
    {
      g_string_append (out, TR (lang, "", " "));
      g_string_append (out, projection);
    }
}

static void
append_share_description (GString                   *out,
                          const HubsProgressSummary *summary,
                          HubsLanguage               lang)
{
  double share;

  if (hubs_progress_summary_get_share (summary, &share))
    {
      g_autofree char *pct = format_percent (share, lang);

      g_string_append_printf (out, TR (lang, "%1$s（%2$s %3$s、%4$u/%5$u KPIを評価）",
                                       "%1$s (%2$s %3$s, %4$u of %5$u KPIs assessed)"),
                              pct, hubs_status_get_symbol (status_of_share (share)),
                              hubs_status_get_label (status_of_share (share), lang),
                              summary->n_assessed, summary->n_kpis);
    }
  else
    g_string_append_printf (out, TR (lang, "評価不能（%u KPI）", "not assessable (%u KPIs)"),
                            summary->n_kpis);
}

/**
 * hubs_chart_describe:
 * @data: chart data
 * @language: the language to write in
 *
 * The chart in words, with every number it shows, for the accessible description of the
 * widget and the notes of a report.
 *
 * Returns: (transfer full): the description
 */
char *
hubs_chart_describe (const HubsChartData *data,
                     HubsLanguage         language)
{
  HubsLanguage lang = language;
  GString *out = g_string_new (NULL);
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  switch (data->kind)
    {
    case HUBS_CHART_TRAJECTORY:
    case HUBS_CHART_BULLET:
      if (data->kpis->len > 0)
        append_kpi_description (out, g_ptr_array_index (data->kpis, 0), lang);
      break;

    case HUBS_CHART_HUB_OVERVIEW:
      title = hubs_chart_get_title (data, lang);
      g_string_append_printf (out, TR (lang, "%s。", "%s. "), title);
      for (guint i = 0; i < data->kpis->len; i++)
        {
          const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
          g_autofree char *status = hubs_chart_kpi_describe_status (ck, lang);

          g_string_append_printf (out, TR (lang, "%1$s: %2$s %3$s。%4$s",
                                           "%1$s: %2$s %3$s. %4$s "),
                                  kpi_name (ck->kpi, lang),
                                  hubs_status_get_symbol (ck->progress.status),
                                  hubs_status_get_label (ck->progress.status, lang), status);
        }
      break;

    case HUBS_CHART_COMPARISON:
      title = hubs_chart_get_title (data, lang);
      g_string_append_printf (out, TR (lang, "%s。", "%s. "), title);
      for (guint i = 0; i < data->hubs->len; i++)
        {
          const HubsChartHubSummary *summary = g_ptr_array_index (data->hubs, i);

          g_string_append_printf (out, TR (lang, "%u. %s: ", "%u. %s: "), i + 1,
                                  hub_name (summary->hub, lang));
          append_share_description (out, &summary->all, lang);
          g_string_append (out, TR (lang, "。", ". "));
        }
      break;

    default:
      g_return_val_if_reached (g_string_free (out, TRUE));
    }

  /* No trailing space from the English sentences. */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * hubs_chart_describe_hit:
 * @data: the chart data the hit was drawn from
 * @hit: a mark of the chart
 * @language: the language to write in
 *
 * The exact figure under a mark, with its fiscal year, note and source, for a tooltip.
 *
 * Returns: (transfer full): the text, one item a line
 */
char *
hubs_chart_describe_hit (const HubsChartData *data,
                         const HubsChartHit  *hit,
                         HubsLanguage         language)
{
  HubsLanguage lang = language;
  GString *out = g_string_new (NULL);
  const HubsChartKpi *ck = NULL;
  const HubsFigure *figure = NULL;
  g_autofree char *fy = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->kind == HUBS_CHART_HIT_HUB)
    {
      const HubsChartHubSummary *summary;

      g_return_val_if_fail (hit->index < data->hubs->len, g_string_free (out, FALSE));
      summary = g_ptr_array_index (data->hubs, hit->index);
      g_string_append_printf (out, "%s — %s\n", hub_name (summary->hub, lang),
                              hit->pillar < 0 ? TR (lang, "全KPI", "all KPIs")
                                              : hubs_chart_pillar_get_label (hit->pillar, lang));
      append_share_description (out, hit->pillar < 0 ? &summary->all
                                                     : &summary->pillars[hit->pillar], lang);
      return g_string_free (out, FALSE);
    }

  g_return_val_if_fail (hit->index < data->kpis->len, g_string_free (out, FALSE));
  ck = g_ptr_array_index (data->kpis, hit->index);
  if (hit->fiscal_year > 0)
    fy = hubs_format_fiscal_year (hit->fiscal_year, lang);

  switch (hit->kind)
    {
    case HUBS_CHART_HIT_BASELINE:
      {
        g_autofree char *value = format_value (ck, hit->value, lang);
        g_autofree char *end = hubs_format_fiscal_year_end (hit->fiscal_year, lang);

        figure = hubs_chart_kpi_get_baseline (ck);
        g_string_append_printf (out, TR (lang, "基準値（%1$s）: %2$s", "Baseline (%1$s): %2$s"),
                                figure != NULL && figure->as_of != NULL && *figure->as_of
                                ? figure->as_of : end, value);
        if (ck->kpi->path_from_zero)
          g_string_append (out, TR (lang, "\n参考値: 計画は2025年4月からの累計でゼロから数える",
                                    "\nReference only: the plan counts from zero in April 2025"));
      }
      break;

    case HUBS_CHART_HIT_ACTUAL:
      figure = hubs_chart_kpi_get_figure (ck, HUBS_FIGURE_ACTUAL, hit->fiscal_year);
      {
        g_autofree char *value = format_actual (ck, hit->value,
                                                figure == NULL || figure->confirmed, lang);

        if (data->kind == HUBS_CHART_HUB_OVERVIEW)
          g_string_append_printf (out, "%s\n", kpi_name (ck->kpi, lang));
        g_string_append_printf (out, TR (lang, "%1$s 実績値: %2$s", "%1$s actual: %2$s"), fy,
                                value);
      }
      break;

    case HUBS_CHART_HIT_TARGET:
      {
        g_autofree char *value = hubs_format_target (hit->value, ck->kpi->unit,
                                                     ck->kpi->qualifier, lang);

        figure = hubs_chart_kpi_get_figure (ck, HUBS_FIGURE_TARGET, hit->fiscal_year);
        g_string_append_printf (out, TR (lang, "%1$s目標: %2$s", "%1$s target: %2$s"), fy, value);
      }
      break;

    case HUBS_CHART_HIT_PROJECTION:
      {
        g_autofree char *value = format_value (ck, hit->value, lang);

        g_string_append_printf (out, TR (lang, "%1$sの見通し（現在のペース）: %2$s",
                                         "%1$s projected at the current pace: %2$s"), fy, value);
      }
      break;

    case HUBS_CHART_HIT_KPI:
      {
        g_autofree char *status = hubs_chart_kpi_describe_status (ck, lang);

        g_string_append_printf (out, "%s\n%s %s\n%s", kpi_name (ck->kpi, lang),
                                hubs_status_get_symbol (ck->progress.status),
                                hubs_status_get_label (ck->progress.status, lang), status);
      }
      break;

    case HUBS_CHART_HIT_HUB:
    default:
      g_assert_not_reached ();
    }

  if (figure != NULL)
    {
      if (figure->note != NULL && *figure->note != '\0')
        g_string_append_printf (out, TR (lang, "\n注記: %s", "\nNote: %s"), figure->note);
      if (figure->source != NULL && *figure->source != '\0')
        g_string_append_printf (out, TR (lang, "\n出典: %s", "\nSource: %s"), figure->source);
    }

  return g_string_free (out, FALSE);
}
