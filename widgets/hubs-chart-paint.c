/* hubs-chart-paint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The painter every chart draws through: text and labels that avoid each other, the marks
 * (status shapes, points, targets, focus), the legend, headings, and the grid and axis of the
 * normalised scale.
 */

#define G_LOG_DOMAIN "hubs-chart-paint"

#include "config.h"

#include <math.h>

#include "hubs-chart-private.h"

/* Text
 * ---- */

void
hubs_chart_painter_set_text (HubsChartPainter *p,
                             const char       *text,
                             double            size,
                             gboolean          bold,
                             double            max_width,
                             int               max_lines)
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

void
hubs_chart_painter_text_size (HubsChartPainter *p,
                              double           *width,
                              double           *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (p->layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
hubs_chart_painter_measure (HubsChartPainter *p,
                            const char       *text,
                            double            size,
                            gboolean          bold,
                            double            max_width,
                            int               max_lines,
                            double           *height)
{
  double w;

  hubs_chart_painter_set_text (p, text, size, bold, max_width, max_lines);
  hubs_chart_painter_text_size (p, &w, height);
  return w;
}

/* Notes what was just laid out at (x, y) in the layout the caller asked for, if any. */
static void
record_text (HubsChartPainter *p,
             HubsChartElement  element,
             double            x,
             double            y)
{
  PangoRectangle logical;
  HubsChartBox box;

  if (p->boxes == NULL)
    return;

  pango_layout_get_extents (p->layout, NULL, &logical);
  box.element = element;
  box.x = x + (double) logical.x / PANGO_SCALE;
  box.y = y + (double) logical.y / PANGO_SCALE;
  box.width = (double) logical.width / PANGO_SCALE;
  box.height = (double) logical.height / PANGO_SCALE;
  box.text = g_strdup (pango_layout_get_text (p->layout));
  box.ellipsized = pango_layout_is_ellipsized (p->layout);
  g_array_append_val (p->boxes, box);
}

/* Draws the current layout with its top-left corner at (x, y); a halo of the background
 * keeps labels readable over lines. @element says what it is, for the caller's layout. */
void
hubs_chart_painter_show (HubsChartPainter     *p,
                         HubsChartElement      element,
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
  record_text (p, element, x, y);
}

/* Draws text aligned on (x, y): @xalign 0 left, 0.5 centre, 1 right; @yalign likewise.
 * Returns the rectangle it took. */
HubsChartRect
hubs_chart_painter_draw_text (HubsChartPainter     *p,
                              HubsChartElement      element,
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
  HubsChartRect r;

  hubs_chart_painter_set_text (p, text, size, bold, max_width, max_lines);
  hubs_chart_painter_text_size (p, &r.width, &r.height);
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
  hubs_chart_painter_show (p, element, max_width > 0 ? x - max_width * xalign : r.x, r.y, color,
                           FALSE);

  return r;
}

static gboolean
rects_overlap (const HubsChartRect *a,
               const HubsChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const HubsChartRect *inner,
             const HubsChartRect *outer)
{
  return inner->x >= outer->x - 0.5 && inner->y >= outer->y - 0.5 &&
         inner->x + inner->width <= outer->x + outer->width + 0.5 &&
         inner->y + inner->height <= outer->y + outer->height + 0.5;
}

/* Cuts the segment to the part inside @r (Liang–Barsky); FALSE when none of it is. */
static gboolean
clip_segment (HubsChartSegment    *s,
              const HubsChartRect *r)
{
  double dx = s->x1 - s->x0, dy = s->y1 - s->y0;
  double q[4] = { s->x0 - r->x, r->x + r->width - s->x0, s->y0 - r->y, r->y + r->height - s->y0 };
  double pk[4] = { -dx, dx, -dy, dy };
  double t0 = 0, t1 = 1;

  for (guint i = 0; i < 4; i++)
    {
      if (pk[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (pk[i] < 0)
        t0 = MAX (t0, q[i] / pk[i]);
      else
        t1 = MIN (t1, q[i] / pk[i]);
    }
  if (t0 > t1)
    return FALSE;

  *s = (HubsChartSegment) { s->x0 + t0 * dx, s->y0 + t0 * dy, s->x0 + t1 * dx, s->y0 + t1 * dy };
  return TRUE;
}

static gboolean
crosses_a_line (HubsChartPainter    *p,
                const HubsChartRect *r)
{
  for (guint i = 0; i < p->segments->len; i++)
    {
      HubsChartSegment s = g_array_index (p->segments, HubsChartSegment, i);

      if (clip_segment (&s, r))
        return TRUE;
    }
  return FALSE;
}

static gboolean
covers_a_label (HubsChartPainter    *p,
                const HubsChartRect *r)
{
  for (guint i = 0; i < p->placed->len; i++)
    if (rects_overlap (r, &g_array_index (p->placed, HubsChartRect, i)))
      return TRUE;
  return FALSE;
}

void
hubs_chart_painter_add_placed (HubsChartPainter *p,
                               double            x,
                               double            y,
                               double            width,
                               double            height)
{
  HubsChartRect r = { x, y, width, height };

  g_array_append_val (p->placed, r);
}

/* Notes a straight piece of a data line from (x0, y0) to (x1, y1), as much of it as shows
 * inside @clip (or all of it), so that labels placed later keep off it. */
void
hubs_chart_painter_add_segment (HubsChartPainter    *p,
                                double               x0,
                                double               y0,
                                double               x1,
                                double               y1,
                                const HubsChartRect *clip)
{
  HubsChartSegment s = { x0, y0, x1, y1 };

  if (!isfinite (x0) || !isfinite (y0) || !isfinite (x1) || !isfinite (y1))
    return;
  if (clip != NULL && !clip_segment (&s, clip))
    return;
  g_array_append_val (p->segments, s);

  if (p->boxes != NULL)
    {
      HubsChartBox box = { HUBS_CHART_ELEMENT_LINE, s.x0, s.y0, s.x1 - s.x0, s.y1 - s.y0,
                           NULL, FALSE };

      g_array_append_val (p->boxes, box);
    }
}

/* How choosy find_spot() is. */
typedef enum
{
  SPOT_FREE,          /* inside, clear of labels, marks and lines */
  SPOT_CLEAR,         /* inside, clear of labels and marks */
  SPOT_INSIDE,        /* inside */
} SpotKind;

/* Finds a spot for a @w × @h label near (x, y): centred over the mark, then to either side
 * of it, one row further out each round; beside the mark in the first round only. @prefer:
 * 0 above, 1 below. */
static gboolean
find_spot (HubsChartPainter    *p,
           double               x,
           double               y,
           double               w,
           double               h,
           int                  prefer,
           const HubsChartRect *bounds,
           SpotKind             kind,
           HubsChartRect       *spot)
{
  /* Far enough out to clear a target's marker (1.2 fs across) and the line through it. */
  double d = p->fs * 0.7;

  for (int round = 0; round < 6; round++)
    for (int side = 0; side < 2; side++)
      {
        gboolean above = (side == 0) == (prefer == 0);
        double cy = above ? y - d - h - round * h : y + d + round * h;
        HubsChartRect candidates[7] = {
          { x - w / 2, cy, w, h },
          { x - w - d * 0.5, cy, w, h },
          { x + d * 0.5, cy, w, h },
          { x - w + d, cy, w, h },
          { x - d, cy, w, h },
          { x - w - d, y - h / 2, w, h },
          { x + d, y - h / 2, w, h },
        };
        guint n = round == 0 && side == 0 ? 7 : 5;

        for (guint i = 0; i < n; i++)
          {
            const HubsChartRect *c = &candidates[i];

            if (rect_inside (c, bounds) && (kind == SPOT_INSIDE || !covers_a_label (p, c)) &&
                (kind != SPOT_FREE || !crosses_a_line (p, c)))
              {
                *spot = *c;
                return TRUE;
              }
          }
      }
  return FALSE;
}

/* Places a label near (x, y) where it neither leaves @bounds nor covers a label, a mark or a
 * data line placed before, on one line or failing that two; @prefer: 0 above, 1 below. With
 * no such spot an @optional label is left out (the mark's tooltip and the chart's description
 * still say it) and the others take the first spot clear of labels and marks, or failing that
 * any inside. Returns whether the label was drawn. */
gboolean
hubs_chart_painter_place_label (HubsChartPainter     *p,
                                const char           *text,
                                double                x,
                                double                y,
                                int                   prefer,
                                gboolean              optional,
                                double                size,
                                gboolean              bold,
                                const HubsChartColor *color,
                                const HubsChartRect  *bounds)
{
  double w, h;
  HubsChartRect spot;
  gboolean found;

  hubs_chart_painter_set_text (p, text, size, bold, 0, 0);
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_LEFT);
  hubs_chart_painter_text_size (p, &w, &h);
  found = find_spot (p, x, y, w, h, prefer, bounds, SPOT_FREE, &spot);

  if (!found)
    {
      double w2, h2;

      hubs_chart_painter_set_text (p, text, size, bold, w * 0.62, 2);
      hubs_chart_painter_text_size (p, &w2, &h2);
      found = !pango_layout_is_ellipsized (p->layout) &&
              pango_layout_get_line_count (p->layout) == 2 &&
              find_spot (p, x, y, w2, h2, prefer, bounds, SPOT_FREE, &spot);
      if (!found)
        hubs_chart_painter_set_text (p, text, size, bold, 0, 0);
    }

  if (!found && optional)
    return FALSE;

  if (!found && !find_spot (p, x, y, w, h, prefer, bounds, SPOT_CLEAR, &spot) &&
      !find_spot (p, x, y, w, h, prefer, bounds, SPOT_INSIDE, &spot))
    spot = (HubsChartRect) {
      CLAMP (x - w / 2, bounds->x, MAX (bounds->x, bounds->x + bounds->width - w)),
      CLAMP (y - h, bounds->y, MAX (bounds->y, bounds->y + bounds->height - h)), w, h
    };

  hubs_chart_painter_show (p, HUBS_CHART_ELEMENT_LABEL, spot.x, spot.y, color, TRUE);
  g_array_append_val (p->placed, spot);
  return TRUE;
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
double
hubs_chart_painter_status_badge_width (HubsChartPainter *p,
                                       HubsStatus        status,
                                       double            size,
                                       gboolean          bold)
{
  return size * 1.05 + size * 0.35 +
         hubs_chart_painter_measure (p, hubs_status_get_label (status, p->lang), size, bold, 0, 0,
                                     NULL);
}

/* Draws the status mark followed by its word; returns the width taken. */
double
hubs_chart_painter_draw_status_badge (HubsChartPainter *p,
                                      HubsStatus        status,
                                      double            x,
                                      double            y,
                                      double            size,
                                      gboolean          bold)
{
  HubsChartRect r;
  double mark = size * 1.05;

  hubs_chart_draw_status_shape (p->cr, status, p->theme, x + mark / 2, y, mark);
  r = hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_STATUS,
                                    hubs_status_get_label (status, p->lang),
                                    x + mark + size * 0.35, y,
                                    0, 0.5, size, bold, &p->theme->foreground, 0, 0);

  return mark + size * 0.35 + r.width;
}

/* The status of a KPI above its chart: the badge, then with @sentence (nullable) the status in
 * words in up to two lines beside it, both from the top of the line at @y. Draws only with
 * @draw; returns the height taken either way. */
double
hubs_chart_painter_draw_status_line (HubsChartPainter *p,
                                     HubsStatus        status,
                                     const char       *sentence,
                                     double            x,
                                     double            y,
                                     double            width,
                                     gboolean          draw)
{
  double size = p->fs * 1.05;
  double badge_w = hubs_chart_painter_status_badge_width (p, status, size, TRUE);
  double badge_h, sentence_h = 0;
  double sentence_x = x + badge_w + p->fs * 0.8;

  hubs_chart_painter_measure (p, hubs_status_get_label (status, p->lang), size, TRUE, 0, 0,
                              &badge_h);
  if (sentence != NULL)
    hubs_chart_painter_measure (p, sentence, p->fs, FALSE, x + width - sentence_x, 2,
                                &sentence_h);
  if (draw)
    {
      hubs_chart_painter_draw_status_badge (p, status, x, y + badge_h / 2, size, TRUE);
      if (sentence != NULL)
        hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_STATUS, sentence, sentence_x, y, 0, 0,
                                      p->fs, FALSE, &p->theme->foreground,
                                      x + width - sentence_x, 2);
    }
  return MAX (badge_h, sentence_h);
}

void
hubs_chart_painter_draw_point (HubsChartPainter     *p,
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
void
hubs_chart_painter_draw_target_marker (HubsChartPainter *p,
                                       double            x,
                                       double            y,
                                       double            size)
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
draw_focus_ring (HubsChartPainter *p,
                 double            x,
                 double            y,
                 double            width,
                 double            height)
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

void
hubs_chart_painter_add_hit (HubsChartPainter *p,
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

/* Translators: the lines of a chart's legend, each beside the mark it explains. */
static const char * const legend_labels[] = {
  [HUBS_CHART_LEGEND_ACTUAL] = NC_("chart legend", "Actual"),
  [HUBS_CHART_LEGEND_PROVISIONAL] = NC_("chart legend", "Provisional"),
  [HUBS_CHART_LEGEND_PLAN] = NC_("chart legend", "Plan path"),
  [HUBS_CHART_LEGEND_PROJECTION] = NC_("chart legend", "Projection at the current pace"),
  [HUBS_CHART_LEGEND_TARGET] = NC_("chart legend", "Target"),
  [HUBS_CHART_LEGEND_BASELINE] = NC_("chart legend", "Baseline"),
  [HUBS_CHART_LEGEND_REFERENCE] = NC_("chart legend", "Baseline (reference)"),
  [HUBS_CHART_LEGEND_BAR] = NC_("chart legend", "Latest actual"),
  [HUBS_CHART_LEGEND_BAND] = NC_("chart legend", "Expected by now"),
  [HUBS_CHART_LEGEND_TICK] = NC_("chart legend", "Targets (FY2027, FY2029)"),
};

static const char *
legend_label (HubsChartLegendItem item,
              HubsLanguage        lang)
{
  g_return_val_if_fail (item < G_N_ELEMENTS (legend_labels), "");

  return hubs_i18n_pgettext (lang, "chart legend", legend_labels[item]);
}

static void
draw_legend_key (HubsChartPainter    *p,
                 HubsChartLegendItem  item,
                 double               x,
                 double               y,
                 double               w)
{
  cairo_t *cr = p->cr;
  double lw = MAX (1, p->fs * 0.16);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  switch (item)
    {
    case HUBS_CHART_LEGEND_ACTUAL:
      hubs_chart_color_set_source (&p->theme->actual, cr);
      cairo_set_line_width (cr, lw * 1.4);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w, y);
      cairo_stroke (cr);
      hubs_chart_painter_draw_point (p, x + w / 2, y, p->fs * 0.3, &p->theme->actual, TRUE);
      break;

    case HUBS_CHART_LEGEND_PROVISIONAL:
      hubs_chart_painter_draw_point (p, x + w / 2, y, p->fs * 0.3, &p->theme->actual, FALSE);
      break;

    case HUBS_CHART_LEGEND_PLAN:
      hubs_chart_color_set_source (&p->theme->plan, cr);
      cairo_set_line_width (cr, lw);
      cairo_set_dash (cr, (double[]) { lw * 4, lw * 2.5 }, 2, 0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w, y);
      cairo_stroke (cr);
      break;

    case HUBS_CHART_LEGEND_PROJECTION:
      hubs_chart_color_set_source (&p->theme->projection, cr);
      cairo_set_line_width (cr, lw * 1.2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, (double[]) { 0, lw * 2.2 }, 2, 0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w, y);
      cairo_stroke (cr);
      break;

    case HUBS_CHART_LEGEND_TARGET:
      hubs_chart_painter_draw_target_marker (p, x + w / 2, y, p->fs * 0.9);
      break;

    case HUBS_CHART_LEGEND_BASELINE:
      hubs_chart_painter_draw_point (p, x + w / 2, y, p->fs * 0.3, &p->theme->baseline, TRUE);
      break;

    case HUBS_CHART_LEGEND_REFERENCE:
      hubs_chart_painter_draw_point (p, x + w / 2, y, p->fs * 0.3, &p->theme->baseline, FALSE);
      break;

    case HUBS_CHART_LEGEND_BAR:
      hubs_chart_color_set_source (&p->theme->actual, cr);
      cairo_rectangle (cr, x, y - p->fs * 0.2, w, p->fs * 0.4);
      cairo_fill (cr);
      break;

    case HUBS_CHART_LEGEND_BAND:
      hubs_chart_color_set_source_alpha (&p->theme->band, cr, 0.35);
      cairo_rectangle (cr, x, y - p->fs * 0.4, w, p->fs * 0.8);
      cairo_fill (cr);
      break;

    case HUBS_CHART_LEGEND_TICK:
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
double
hubs_chart_painter_draw_legend (HubsChartPainter          *p,
                                const HubsChartLegendItem *items,
                                guint                      n_items,
                                double                     x,
                                double                     bottom,
                                double                     width,
                                gboolean                   draw)
{
  double size = p->fs * 0.85;
  double key = p->fs * 1.6;
  double gap = p->fs * 1.2;
  double widths[16];
  double row_h, total_h;
  guint n_rows = 1;
  double line = 0;

  g_assert (n_items <= G_N_ELEMENTS (widths));

  hubs_chart_painter_measure (p, "Ag", size, FALSE, 0, 0, &row_h);
  row_h = MAX (row_h, p->fs);

  for (guint i = 0; i < n_items; i++)
    {
      const char *label = legend_label (items[i], p->lang);

      widths[i] = key + p->fs * 0.4 + hubs_chart_painter_measure (p, label, size, FALSE, 0, 0,
                                                                  NULL);
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
            hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_LEGEND,
                                          legend_label (items[j], p->lang),
                                          cx + key + p->fs * 0.4, cy, 0, 0.5,
                                          size, FALSE, &p->theme->dim, 0, 0);
            cx += widths[j] + gap;
          }
      }
  }

  return total_h;
}

/* The message of a chart with nothing to show. */
void
hubs_chart_painter_draw_empty (HubsChartPainter *p,
                               const char       *message)
{
  if (p->width < p->fs * 4 || p->height < p->fs * 2)
    return;
  hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_MESSAGE, message, p->width / 2,
                                p->height / 2, 0.5, 0.5, p->fs, FALSE,
                                &p->theme->dim, p->width - p->fs * 2, 3);
}

/* Title and subtitle at the top; returns the y below them. */
double
hubs_chart_painter_draw_heading (HubsChartPainter *p,
                                 const char       *title,
                                 const char       *subtitle,
                                 double            x,
                                 double            y,
                                 double            width)
{
  HubsChartRect r;

  r = hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_TITLE, title, x, y, 0, 0,
                                    p->fs * 1.35, TRUE, &p->theme->foreground,
                                    width, 2);
  y += r.height + p->fs * 0.15;
  if (subtitle != NULL && *subtitle != '\0')
    {
      r = hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_TITLE, subtitle, x, y, 0, 0,
                                        p->fs * 0.9, FALSE, &p->theme->dim,
                                        width, 2);
      y += r.height;
    }
  return y + p->fs * 0.5;
}

double
hubs_chart_painter_heading_height (HubsChartPainter *p,
                                   const char       *title,
                                   const char       *subtitle,
                                   double            width)
{
  double h, total;

  hubs_chart_painter_measure (p, title, p->fs * 1.35, TRUE, width, 2, &h);
  total = h + p->fs * 0.15;
  if (subtitle != NULL && *subtitle != '\0')
    {
      hubs_chart_painter_measure (p, subtitle, p->fs * 0.9, FALSE, width, 2, &h);
      total += h;
    }
  return total + p->fs * 0.5;
}

/* The ticks of the normalised scale along @y; with @words, "Start" and "Target" at 0 and 100 %,
 * which go first: a tick label that would touch one drawn before is left out. */
void
hubs_chart_painter_draw_norm_axis (HubsChartPainter     *p,
                                   const HubsChartScale *scale,
                                   double                y,
                                   double                yalign,
                                   gboolean              words)
{
  double small = p->fs * 0.75;
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (HubsChartRect));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < hubs_chart_scale_get_n_ticks (scale); i++)
      {
        double v = hubs_chart_scale_get_tick (scale, i);
        double x = hubs_chart_scale_map (scale, v);
        gboolean landmark = fabs (v) < 1e-9 || fabs (v - 100) < 1e-9;
        g_autofree char *label = NULL;
        HubsChartRect r;
        gboolean free = TRUE;
        double w, h;

        if (landmark != (pass == 0))
          continue;
        if (words && fabs (v) < 1e-9)
          /* Translators: the 0% tick of a scale that runs from each KPI’s start (0%) to its
           * target (100%). */
          label = g_strdup (hubs_i18n_gettext (p->lang, N_("Start")));
        else if (words && fabs (v - 100) < 1e-9)
          label = g_strdup (hubs_i18n_gettext (p->lang, N_("Target")));
        else
          label = hubs_format_axis_value (v, "%", p->lang);

        w = hubs_chart_painter_measure (p, label, small, FALSE, 0, 0, &h);
        r = (HubsChartRect) { x - w / 2 - p->fs * 0.2, y - h * yalign, w + p->fs * 0.4, h };
        r.x = CLAMP (r.x, 0, MAX (0, p->width - r.width));
        for (guint j = 0; j < drawn->len && free; j++)
          free = !rects_overlap (&r, &g_array_index (drawn, HubsChartRect, j));
        if (!free)
          continue;
        g_array_append_val (drawn, r);
        hubs_chart_painter_draw_text (p, HUBS_CHART_ELEMENT_AXIS, label, x, y, 0.5, yalign, small,
                                      FALSE, &p->theme->dim, 0, 0);
      }
}

void
hubs_chart_painter_draw_norm_grid (HubsChartPainter     *p,
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
