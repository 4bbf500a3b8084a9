/* hubs-chart-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colours of the charts: a fixed light theme for print and export, a dark one as the
 * starting point of the screen theme under a dark style.
 */

#define G_LOG_DOMAIN "hubs-chart-theme"

#include "config.h"

#include <string.h>

#include "hubs-chart-theme.h"

/**
 * hubs_chart_color_parse:
 * @color: (out caller-allocates): the colour
 * @spec: "#rrggbb" or "#rrggbbaa"
 *
 * Reads a hexadecimal colour; anything else gives opaque black.
 */
void
hubs_chart_color_parse (HubsChartColor *color,
                        const char     *spec)
{
  guint v[4] = { 0, 0, 0, 255 };
  gsize len;

  g_return_if_fail (color != NULL);
  g_return_if_fail (spec != NULL);

  len = strlen (spec);
  if (spec[0] == '#' && (len == 7 || len == 9))
    {
      for (guint i = 0; i < (len - 1) / 2; i++)
        {
          int hi = g_ascii_xdigit_value (spec[1 + 2 * i]);
          int lo = g_ascii_xdigit_value (spec[2 + 2 * i]);

          if (hi < 0 || lo < 0)
            {
              v[0] = v[1] = v[2] = 0;
              v[3] = 255;
              break;
            }
          v[i] = hi * 16 + lo;
        }
    }

  color->red = v[0] / 255.f;
  color->green = v[1] / 255.f;
  color->blue = v[2] / 255.f;
  color->alpha = v[3] / 255.f;
}

/**
 * hubs_chart_color_set_source:
 * @color: a colour
 * @cr: a cairo context
 *
 * Makes @color the source of @cr.
 */
void
hubs_chart_color_set_source (const HubsChartColor *color,
                             cairo_t              *cr)
{
  hubs_chart_color_set_source_alpha (color, cr, 1.0);
}

/**
 * hubs_chart_color_set_source_alpha:
 * @color: a colour
 * @cr: a cairo context
 * @alpha: a factor on the colour's own alpha
 *
 * Makes @color, more transparent by @alpha, the source of @cr.
 */
void
hubs_chart_color_set_source_alpha (const HubsChartColor *color,
                                   cairo_t              *cr,
                                   double                alpha)
{
  g_return_if_fail (color != NULL);
  g_return_if_fail (cr != NULL);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

typedef struct
{
  const char *background, *foreground, *dim, *grid, *axis, *actual, *projection, *plan,
             *target, *baseline, *band;
  const char *status[HUBS_N_STATUSES];
} Palette;

static void
apply_palette (HubsChartTheme *theme,
               const Palette  *palette)
{
  memset (theme, 0, sizeof *theme);
  hubs_chart_color_parse (&theme->background, palette->background);
  hubs_chart_color_parse (&theme->foreground, palette->foreground);
  hubs_chart_color_parse (&theme->dim, palette->dim);
  hubs_chart_color_parse (&theme->grid, palette->grid);
  hubs_chart_color_parse (&theme->axis, palette->axis);
  hubs_chart_color_parse (&theme->actual, palette->actual);
  hubs_chart_color_parse (&theme->projection, palette->projection);
  hubs_chart_color_parse (&theme->plan, palette->plan);
  hubs_chart_color_parse (&theme->target, palette->target);
  hubs_chart_color_parse (&theme->baseline, palette->baseline);
  hubs_chart_color_parse (&theme->band, palette->band);
  for (guint i = 0; i < HUBS_N_STATUSES; i++)
    hubs_chart_color_parse (&theme->status[i], palette->status[i]);
  /* Noto Sans CJK JP carries Latin too, so Japanese and English pages look alike; the
   * fallbacks keep a machine without it readable. */
  g_strlcpy (theme->font_family, "Noto Sans CJK JP,Noto Sans,DejaVu Sans,sans-serif",
             sizeof theme->font_family);
}

/* GNOME palette colours, chosen to stay apart for the common colour-vision deficiencies
 * (blue actuals against orange targets); status colours always come with a shape. */
static const Palette print_palette = {
  .background = "#ffffff",
  .foreground = "#1e1e1e",
  .dim = "#5e5c64",
  .grid = "#deddda",
  .axis = "#77767b",
  .actual = "#1a5fb4",
  .projection = "#1a5fb4",
  .plan = "#3d3846",
  .target = "#c64600",
  .baseline = "#5e5c64",
  .band = "#77767b",
  .status = { "#26a269", "#2ec27e", "#e5a50a", "#e66100", "#c01c28", "#9a9996" },
};

static const Palette dark_palette = {
  .background = "#242424",
  .foreground = "#ffffff",
  .dim = "#c0bfbc",
  .grid = "#464646",
  .axis = "#9a9996",
  .actual = "#62a0ea",
  .projection = "#62a0ea",
  .plan = "#deddda",
  .target = "#ffa348",
  .baseline = "#c0bfbc",
  .band = "#9a9996",
  .status = { "#57e389", "#8ff0a4", "#f8e45c", "#ffa348", "#f66151", "#9a9996" },
};

/**
 * hubs_chart_theme_init_print:
 * @theme: (out caller-allocates): the theme
 *
 * Fills @theme with the fixed light theme of exports and print: white paper, dark ink.
 */
void
hubs_chart_theme_init_print (HubsChartTheme *theme)
{
  g_return_if_fail (theme != NULL);

  apply_palette (theme, &print_palette);
}

/**
 * hubs_chart_theme_init_dark:
 * @theme: (out caller-allocates): the theme
 *
 * Fills @theme with light ink on a dark background, for a dark style on screen.
 */
void
hubs_chart_theme_init_dark (HubsChartTheme *theme)
{
  g_return_if_fail (theme != NULL);

  apply_palette (theme, &dark_palette);
}
