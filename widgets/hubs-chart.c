/* hubs-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The four charts of Hubs, each drawn with cairo and pango into any cairo_t at any size: the
 * widget calls them from snapshot, export on PNG, SVG and PDF surfaces, presentation mode
 * full screen. No GTK here, so they run without a display.
 *
 * hubs_chart_draw() sets up the painter (hubs-chart-paint.c) and calls the chart of the
 * data's kind: hubs-chart-trajectory.c, hubs-chart-bullet.c, hubs-chart-overview.c or
 * hubs-chart-comparison.c. The words, titles and descriptions are in hubs-chart-describe.c.
 *
 * Every word is in the language of the options, not necessarily the interface's, because
 * exports take --lang: the English strings are marked with N_ and translated when drawn, with
 * hubs_i18n_gettext(), from the same catalogue as the interface. Every number, unit and
 * fiscal year goes through hubs-format.
 */

#define G_LOG_DOMAIN "hubs-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hubs-chart-private.h"

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
  hubs_chart_draw_with_layout (cr, data, theme, options, width, height, hits, NULL);
}

static void
clear_box (gpointer data)
{
  HubsChartBox *box = data;

  g_clear_pointer (&box->text, g_free);
}

/**
 * hubs_chart_layout_new:
 *
 * Returns: (transfer full) (element-type HubsChartBox): an empty array for
 *   hubs_chart_draw_with_layout(), which frees the texts of its boxes with it
 */
GArray *
hubs_chart_layout_new (void)
{
  GArray *layout = g_array_new (FALSE, FALSE, sizeof (HubsChartBox));

  g_array_set_clear_func (layout, clear_box);
  return layout;
}

/**
 * hubs_chart_draw_with_layout:
 * @cr: where to draw
 * @data: what to draw
 * @theme: the colours and type
 * @options: (nullable): how to draw
 * @width: the width of the chart
 * @height: the height of the chart
 * @hits: (nullable) (element-type HubsChartHit): where to append the marks drawn
 * @layout: (nullable) (element-type HubsChartBox): where to append every text and data line
 *   laid out, from hubs_chart_layout_new()
 *
 * Draws like hubs_chart_draw() and records in @layout the box of every text it drew and each
 * piece of its data lines, in device units of @cr's user space. Recording costs nothing when
 * @layout is %NULL.
 */
void
hubs_chart_draw_with_layout (cairo_t                *cr,
                             const HubsChartData    *data,
                             const HubsChartTheme   *theme,
                             const HubsChartOptions *options,
                             double                  width,
                             double                  height,
                             GArray                 *hits,
                             GArray                 *layout)
{
  HubsChartOptions defaults;
  HubsChartPainter p = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (theme != NULL);
  g_return_if_fail (hits == NULL || g_array_get_element_size (hits) == sizeof (HubsChartHit));
  g_return_if_fail (layout == NULL ||
                    g_array_get_element_size (layout) == sizeof (HubsChartBox));

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
  p.placed = g_array_new (FALSE, FALSE, sizeof (HubsChartRect));
  p.segments = g_array_new (FALSE, FALSE, sizeof (HubsChartSegment));
  p.boxes = layout;
  p.layout = pango_cairo_create_layout (cr);
  pango_context_set_language (pango_layout_get_context (p.layout),
                              pango_language_from_string (p.lang == HUBS_LANGUAGE_JA ? "ja"
                                                                                   : "en"));
  pango_layout_context_changed (p.layout);
  p.font = pango_font_description_from_string (theme->font_family);

  if (options->stamp != NULL && *options->stamp != '\0')
    hubs_chart_painter_draw_stamp (&p, options->stamp);

  switch (data->kind)
    {
    case HUBS_CHART_TRAJECTORY:
      hubs_chart_draw_trajectory (&p, data);
      break;

    case HUBS_CHART_BULLET:
      hubs_chart_draw_bullet (&p, data);
      break;

    case HUBS_CHART_HUB_OVERVIEW:
      hubs_chart_draw_overview (&p, data);
      break;

    case HUBS_CHART_COMPARISON:
      hubs_chart_draw_comparison (&p, data);
      break;

    default:
      g_critical ("Unknown chart kind %d", data->kind);
      break;
    }

  pango_font_description_free (p.font);
  g_object_unref (p.layout);
  g_array_unref (p.placed);
  g_array_unref (p.segments);
  cairo_restore (cr);
}
