/* test-chart-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart, at every size the app and its exports use, in both languages, for every hub and
 * KPI of the seeded plan: the text boxes the painter laid out (hubs_chart_draw_with_layout())
 * all stay inside the picture, apart from each other and off the data lines. Without a display:
 * the charts draw into image surfaces.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-chart.h"
#include "hubs-chart-stamp.h"
#include "hubs-test-demo.h"
#include "hubs-test-util.h"

/* The body text of the app: Cantarell 11 pt at 96 dpi, as hubs-chart-view.c reads it. */
#define APP_FONT_SIZE (11.0 * 96 / 72)
/* The chart's width in the default 1,100 px window: less the 300 px sidebar and the margins of
 * the page's column (hubs-page-layout.c). */
#define DEFAULT_WINDOW_CHART_WIDTH (1100 - 300 - 2 * 12)

static const int widths[] = { 360, 480, DEFAULT_WINDOW_CHART_WIDTH, 800, 1100, 1440, 1920 };

/* Where a chart is drawn, and so how big and with what. */
typedef enum
{
  PLACE_APP,          /* a chart view in the window, at its size there, the app's font */
  PLACE_EXPORT,       /* hubs_chart_export(), 16:9 like the default 1600×900, font from size */
  PLACE_PRESENTATION, /* full screen, the app's font, with the stamp */
  PLACE_REPORT,       /* a page of the A4 report (hubs-report.c) */
  PLACE_PAGE,         /* hubs_chart_draw_page(): a 16:9 slide, an A4 landscape page */
  N_PLACES
} Place;

static const char * const place_names[] = { "app", "export", "presentation", "report", "page" };

typedef HubsTestStore Fixture;

typedef struct
{
  HubsChartKind kind;
  HubsLanguage  lang;
} Case;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  hubs_test_store_set_up (f, user_data);
  hubs_test_demo_fill (f->store, NULL);
}

#define fixture_tear_down hubs_test_store_tear_down

/* Checking a layout
 * ----------------- */

/* Edges may touch; antialiasing and rounding get half a pixel. */
#define SLACK 0.5

static gboolean
is_text (const HubsChartBox *box)
{
  return box->element != HUBS_CHART_ELEMENT_LINE;
}

static gboolean
boxes_overlap (const HubsChartBox *a,
               const HubsChartBox *b)
{
  return a->x + SLACK < b->x + b->width && b->x + SLACK < a->x + a->width &&
         a->y + SLACK < b->y + b->height && b->y + SLACK < a->y + a->height;
}

/* Whether the line @line runs through the inside of @box (Liang–Barsky). */
static gboolean
line_crosses_box (const HubsChartBox *line,
                  const HubsChartBox *box)
{
  double x0 = box->x + SLACK, y0 = box->y + SLACK;
  double x1 = box->x + box->width - SLACK, y1 = box->y + box->height - SLACK;
  double pk[4] = { -line->width, line->width, -line->height, line->height };
  double q[4] = { line->x - x0, x1 - line->x, line->y - y0, y1 - line->y };
  double t0 = 0, t1 = 1;

  if (x1 <= x0 || y1 <= y0)
    return FALSE;
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
  return t0 < t1;
}

static char *
one_line (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "(line)");

  g_strdelimit (copy, "\n", '|');
  return copy;
}

typedef struct
{
  const char   *kind;
  const char   *hub;
  const char   *kpi;
  Place         place;
  int           width;
  int           height;
  HubsLanguage  lang;
} Where;

static void
report (GString     *failures,
        const Where *w,
        const char  *problem,
        const char  *a,
        const char  *b)
{
  g_autofree char *a1 = one_line (a);
  g_autofree char *b1 = b != NULL ? one_line (b) : NULL;

  g_string_append_printf (failures, "%s, %s, %s, %s %d×%d, %s: %s “%s”%s%s%s\n", w->kind, w->hub,
                          w->kpi != NULL ? w->kpi : "all KPIs", place_names[w->place], w->width,
                          w->height, w->lang == HUBS_LANGUAGE_JA ? "ja" : "en", problem, a1,
                          b1 != NULL ? " and “" : "", b1 != NULL ? b1 : "",
                          b1 != NULL ? "”" : "");
}

/* Appends to @failures each text outside the picture, each two texts that overlap, each
 * label on a data line and, where @whole_names, each name that was cut. */
static void
check_layout (GArray      *layout,
              const Where *w,
              gboolean     whole_names,
              GString     *failures)
{
  for (guint i = 0; i < layout->len; i++)
    {
      const HubsChartBox *a = &g_array_index (layout, HubsChartBox, i);

      if (!is_text (a))
        continue;
      if (a->x < -SLACK || a->y < -SLACK || a->x + a->width > w->width + SLACK ||
          a->y + a->height > w->height + SLACK)
        report (failures, w, "outside the picture:", a->text, NULL);
      if (whole_names && a->ellipsized && a->element == HUBS_CHART_ELEMENT_NAME)
        report (failures, w, "name cut:", a->text, NULL);

      for (guint j = i + 1; j < layout->len; j++)
        {
          const HubsChartBox *b = &g_array_index (layout, HubsChartBox, j);

          if (is_text (b) && boxes_overlap (a, b))
            report (failures, w, "overlap:", a->text, b->text);
        }

      if (a->element != HUBS_CHART_ELEMENT_LABEL)
        continue;
      for (guint j = 0; j < layout->len; j++)
        {
          const HubsChartBox *b = &g_array_index (layout, HubsChartBox, j);

          if (b->element == HUBS_CHART_ELEMENT_LINE && line_crosses_box (b, a))
            {
              report (failures, w, "label on a data line:", a->text, NULL);
              break;
            }
        }
    }
}

static gboolean
has_element (GArray           *layout,
             HubsChartElement  element)
{
  for (guint i = 0; i < layout->len; i++)
    if (g_array_index (layout, HubsChartBox, i).element == element)
      return TRUE;
  return FALSE;
}

/* Drawing at the sizes used
 * ------------------------- */

/* The height a chart view asks for in the window, as hubs-chart-view.c and the pages set it. */
static int
app_height (const HubsChartData *data)
{
  double fs = APP_FONT_SIZE;
  guint n_kpis = data->kpis->len;

  switch (data->kind)
    {
    case HUBS_CHART_TRAJECTORY:
      return 440;                               /* hubs-kpi-editor.c */
    case HUBS_CHART_BULLET:
      return (int) (fs * 12);
    case HUBS_CHART_HUB_OVERVIEW:
      return MAX (90 + 48 * (int) n_kpis,       /* hubs-hub-page.c */
                  (int) (fs * (8 + 2.8 * MAX (n_kpis, 1))));
    case HUBS_CHART_COMPARISON:
    default:
      return (int) (fs * (8 + 2.8 * MAX (data->hubs->len, 1)));
    }
}

static GArray *
draw (const HubsChartData *data,
      Place                place,
      HubsLanguage         lang,
      int                  width,
      int                  height,
      const char          *stamp,
      const char          *png)
{
  HubsChartTheme theme;
  HubsChartOptions options;
  GArray *layout = hubs_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  hubs_chart_theme_init_print (&theme);
  hubs_chart_options_init (&options, lang);
  switch (place)
    {
    case PLACE_APP:
      options.font_size = APP_FONT_SIZE;
      options.show_title = FALSE;
      break;
    case PLACE_PRESENTATION:
      options.font_size = APP_FONT_SIZE;
      /* Slides carry the stamp, as exports do. */
      options.stamp = stamp;
      break;
    case PLACE_REPORT:
      options.font_size = data->kind == HUBS_CHART_HUB_OVERVIEW ? 9.5 : 9;
      options.show_title = FALSE;
      options.show_status = data->kind == HUBS_CHART_HUB_OVERVIEW;
      break;
    case PLACE_EXPORT:
    case PLACE_PAGE:
    default:
      /* Every chart that leaves the app carries its stamp. */
      options.stamp = stamp;
      break;
    }
  hubs_chart_draw_with_layout (cr, data, &theme, &options, width, height, NULL, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  if (png != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("HUBS_SCREENSHOT_DIR") != NULL
                                                ? g_getenv ("HUBS_SCREENSHOT_DIR") : ".",
                                                png, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_surface_destroy (surface);

  return layout;
}

static const char *
kind_name (HubsChartKind kind)
{
  static const char * const names[] = { "trajectory", "bullet", "overview", "comparison" };

  return names[kind];
}

/* Screenshots to look at: a few sizes of the first hub, or of its first KPI. */
static char *
screenshot_name (const Case *c,
                 const char *hub,
                 Place       place,
                 int         width,
                 gboolean    first)
{
  if (!first || (width != 360 && width != 480 && width != DEFAULT_WINDOW_CHART_WIDTH &&
                 width != 800 && width != 1920 && place != PLACE_PAGE) || place == PLACE_REPORT)
    return NULL;
  return g_strdup_printf ("chart-layout-%s-%s-%s-%s-%d.png", kind_name (c->kind), hub,
                          place_names[place], c->lang == HUBS_LANGUAGE_JA ? "ja" : "en", width);
}

static guint n_failure_shots;

/* Draws @data everywhere it is shown and checks each layout; returns how many were drawn. */
static guint
check_everywhere (const Case          *c,
                  const HubsChartData *data,
                  const char          *hub,
                  const char          *kpi,
                  const char          *stamp,
                  gboolean             screenshots,
                  GHashTable          *value_columns,
                  GString             *failures)
{
  guint n = 0;

  for (Place place = 0; place < N_PLACES; place++)
    {
      int report_sizes[][2] = { { 790, 415 }, { 517, 430 }, { 517, 300 } };
      /* A slide, 960×540 points, and an A4 landscape page less its 10 mm margins. */
      int page_sizes[][2] = { { 960, 540 }, { 785, 538 } };
      guint n_sizes = place == PLACE_REPORT ? (c->kind == HUBS_CHART_TRAJECTORY ? 2 : 1)
                    : place == PLACE_PRESENTATION || place == PLACE_PAGE ? 2
                    : G_N_ELEMENTS (widths);

      /* The report has an overview page and a trajectory per KPI. */
      if (place == PLACE_REPORT && c->kind != HUBS_CHART_TRAJECTORY &&
          c->kind != HUBS_CHART_HUB_OVERVIEW)
        continue;

      for (guint s = 0; s < n_sizes; s++)
        {
          Where w = { kind_name (c->kind), hub, kpi, place, 0, 0, c->lang };
          g_autoptr(GArray) layout = NULL;
          g_autofree char *png = NULL;
          gsize before;

          switch (place)
            {
            case PLACE_APP:
              w.width = widths[s];
              w.height = app_height (data);
              break;
            case PLACE_EXPORT:
              w.width = widths[s];
              w.height = widths[s] * 9 / 16;
              break;
            case PLACE_PRESENTATION:
              /* Full screen on 1280×800 and 1920×1080, less the header bar. */
              w.width = s == 0 ? 1280 : 1920;
              w.height = s == 0 ? 800 - 47 : 1080 - 47;
              break;
            case PLACE_PAGE:
              w.width = page_sizes[s][0];
              w.height = page_sizes[s][1];
              break;
            case PLACE_REPORT:
            default:
              w.width = report_sizes[c->kind == HUBS_CHART_TRAJECTORY ? 1 + s : 0][0];
              w.height = report_sizes[c->kind == HUBS_CHART_TRAJECTORY ? 1 + s : 0][1];
              break;
            }

          png = screenshot_name (c, hub, place, w.width, screenshots);
          layout = draw (data, place, c->lang, w.width, w.height, stamp, png);
          /* Names of KPIs and pillars are whole from the default window's width up. */
          before = failures->len;
          check_layout (layout, &w, w.width >= DEFAULT_WINDOW_CHART_WIDTH, failures);
          n++;

          /* The picture of each of the first failures, to look at. */
          if (failures->len > before && n_failure_shots < 40)
            {
              g_autofree char *name = g_strdup_printf ("chart-layout-failure-%s-%s-%s-%s-%s-%d.png",
                                                       kind_name (c->kind), hub,
                                                       kpi != NULL ? kpi : "all",
                                                       place_names[place],
                                                       c->lang == HUBS_LANGUAGE_JA ? "ja" : "en",
                                                       w.width);

              g_strdelimit (name, "/ (),", '_');
              g_array_unref (draw (data, place, c->lang, w.width, w.height, stamp, name));
              n_failure_shots++;
            }

          /* Exports say what they show, at every size. */
          if ((place == PLACE_EXPORT || place == PLACE_PAGE || place == PLACE_PRESENTATION) &&
              !has_element (layout, HUBS_CHART_ELEMENT_STAMP))
            report (failures, &w, "left out:", "the stamp", NULL);

          /* The overview shows its value column on every hub at a size, or on none (where it
           * has words at all: a hub of many KPIs may have room for its bars alone). */
          if (value_columns != NULL && has_element (layout, HUBS_CHART_ELEMENT_NAME))
            {
              g_autofree char *key = g_strdup_printf ("%s %d×%d", place_names[place], w.width,
                                                      w.height);
              gboolean has = has_element (layout, HUBS_CHART_ELEMENT_VALUE);
              gpointer seen;

              if (!g_hash_table_lookup_extended (value_columns, key, NULL, &seen))
                g_hash_table_insert (value_columns, g_steal_pointer (&key),
                                     GINT_TO_POINTER (has ? 2 : 1));
              else if (GPOINTER_TO_INT (seen) != (has ? 2 : 1))
                report (failures, &w, "the value column comes and goes between hubs at",
                        key, NULL);
            }

          /* In the window, from its default width up, every hub's overview has room for its
           * values and for the status in words beside the whole names. */
          if (c->kind == HUBS_CHART_HUB_OVERVIEW && place == PLACE_APP &&
              w.width >= DEFAULT_WINDOW_CHART_WIDTH)
            {
              if (!has_element (layout, HUBS_CHART_ELEMENT_VALUE))
                report (failures, &w, "left out:", "the values", NULL);
              for (guint i = 0; i < layout->len; i++)
                {
                  const HubsChartBox *box = &g_array_index (layout, HubsChartBox, i);

                  if (box->element == HUBS_CHART_ELEMENT_VALUE && box->ellipsized)
                    report (failures, &w, "value cut:", box->text, NULL);
                }
              if (!has_element (layout, HUBS_CHART_ELEMENT_STATUS))
                report (failures, &w, "left out:", "the status in words", NULL);
            }
        }
    }
  return n;
}

/* Extreme data
 * ------------ */

static HubsFigure *
figure_new (const HubsKpi  *kpi,
            HubsFigureKind  kind,
            int             fiscal_year,
            double          value,
            gboolean        confirmed)
{
  HubsFigure *figure = hubs_figure_new ();

  figure->kpi_id = g_strdup (kpi->id);
  figure->fiscal_year = fiscal_year;
  figure->kind = kind;
  figure->value = value;
  figure->measured = TRUE;
  figure->confirmed = confirmed;
  return figure;
}

/* A KPI of the plan with actuals the plausibility checks would refuse: the chart must still
 * cope. @actuals: the FY2025 and FY2026 actuals. */
static HubsChartData *
extreme_data (HubsStore     *store,
              HubsChartKind  kind,
              const HubsKpi *kpi,
              double         fy2025,
              double         fy2026)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) figures = hubs_store_list_figures (store, kpi->id, &error);
  HubsChartData *data = hubs_chart_data_new (kind);

  g_assert_no_error (error);
  for (guint i = figures->len; i > 0; i--)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i - 1);

      if (figure->kind == HUBS_FIGURE_ACTUAL)
        g_ptr_array_remove_index (figures, i - 1);
    }
  g_ptr_array_add (figures, figure_new (kpi, HUBS_FIGURE_ACTUAL, 2025, fy2025, TRUE));
  g_ptr_array_add (figures, figure_new (kpi, HUBS_FIGURE_ACTUAL, 2026, fy2026, FALSE));
  data->hub = hubs_store_get_hub (store, kpi->hub_id, &error);
  g_assert_no_error (error);
  hubs_chart_data_add_kpi (data, kpi, figures);
  return data;
}

/* A hub's overview where every KPI has a long actual: five digits, provisional. */
static HubsChartData *
provisional_data (HubsStore     *store,
                  const HubsHub *hub)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsChartData) data = hubs_chart_data_new_for_hub (store, hub->id, &error);
  HubsChartData *long_values = hubs_chart_data_new (HUBS_CHART_HUB_OVERVIEW);

  g_assert_no_error (error);
  long_values->hub = hubs_store_get_hub (store, hub->id, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < data->kpis->len; k++)
    {
      const HubsChartKpi *ck = g_ptr_array_index (data->kpis, k);
      g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);

      for (guint i = 0; i < ck->figures->len; i++)
        {
          const HubsFigure *figure = g_ptr_array_index (ck->figures, i);

          if (figure->kind != HUBS_FIGURE_ACTUAL)
            g_ptr_array_add (figures, hubs_figure_copy (figure));
        }
      g_ptr_array_add (figures, figure_new (ck->kpi, HUBS_FIGURE_ACTUAL, 2025, 16384, FALSE));
      hubs_chart_data_add_kpi (long_values, ck->kpi, figures);
    }
  return long_values;
}

/* The tests
 * --------- */

static void
test_layout (Fixture       *f,
             gconstpointer  user_data)
{
  const Case *c = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (f->store, &error);
  g_autoptr(GHashTable) value_columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_charts = 0, n_drawn = 0;

  g_assert_no_error (error);

  if (c->kind == HUBS_CHART_COMPARISON)
    {
      g_autoptr(HubsChartData) data = hubs_chart_data_new_comparison (f->store, &error);
      g_autofree char *stamp = NULL;

      g_assert_no_error (error);
      stamp = hubs_chart_stamp_new (f->store, data, NULL, c->lang);
      n_drawn += check_everywhere (c, data, "all hubs", NULL, stamp, TRUE, NULL, failures);
      n_charts++;
    }

  for (guint h = 0; h < hubs->len && c->kind != HUBS_CHART_COMPARISON; h++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, h);
      g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, hub->id, &error);

      g_assert_no_error (error);
      if (c->kind == HUBS_CHART_HUB_OVERVIEW)
        {
          g_autoptr(HubsChartData) data = hubs_chart_data_new_for_hub (f->store, hub->id, &error);
          g_autofree char *stamp = NULL;

          g_assert_no_error (error);
          stamp = hubs_chart_stamp_new (f->store, data, NULL, c->lang);
          n_drawn += check_everywhere (c, data, hub->id, NULL, stamp, TRUE, value_columns,
                                       failures);
          n_charts++;

          /* Long values ("FY2025 16,384 companies (provisional)") keep their column too. */
          if (h == 0)
            {
              g_autoptr(HubsChartData) long_values = provisional_data (f->store, hub);

              n_drawn += check_everywhere (c, long_values, hub->id, "provisional actuals", stamp,
                                           FALSE, NULL, failures);
              n_charts++;
            }
          continue;
        }

      for (guint k = 0; k < kpis->len; k++)
        {
          const HubsKpi *kpi = g_ptr_array_index (kpis, k);
          g_autoptr(HubsChartData) data = hubs_chart_data_new_for_kpi (f->store, c->kind, kpi->id,
                                                                       &error);
          g_autofree char *stamp = NULL;

          g_assert_no_error (error);
          stamp = hubs_chart_stamp_new (f->store, data, NULL, c->lang);
          n_drawn += check_everywhere (c, data, hub->id, kpi->id, stamp, h == 0 && k == 0, NULL,
                                       failures);
          n_charts++;

          /* Shares far past 100 %, counts that run away up or collapse below zero. */
          if (h == 0 && (k < 3 || g_strcmp0 (kpi->unit, "%") == 0))
            {
              static const double extremes[][2] = { { 300, 1234 }, { 0.5, -40 } };

              for (guint e = 0; e < G_N_ELEMENTS (extremes); e++)
                {
                  g_autoptr(HubsChartData) extreme = NULL;
                  g_autofree char *name = g_strdup_printf ("%s (%g, %g)", kpi->id,
                                                           extremes[e][0], extremes[e][1]);

                  extreme = extreme_data (f->store, c->kind, kpi, extremes[e][0], extremes[e][1]);
                  n_drawn += check_everywhere (c, extreme, hub->id, name, stamp, FALSE, NULL,
                                               failures);
                  n_charts++;
                }
            }
        }
    }

  g_test_message ("%u charts, %u drawings checked", n_charts, n_drawn);
  g_assert_cmpuint (n_drawn, >, 0);
  if (failures->len > 0)
    g_error ("Labels that clip or collide:\n%s", failures->str);
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { HUBS_CHART_TRAJECTORY, HUBS_LANGUAGE_JA }, { HUBS_CHART_TRAJECTORY, HUBS_LANGUAGE_EN },
    { HUBS_CHART_BULLET, HUBS_LANGUAGE_JA }, { HUBS_CHART_BULLET, HUBS_LANGUAGE_EN },
    { HUBS_CHART_HUB_OVERVIEW, HUBS_LANGUAGE_JA }, { HUBS_CHART_HUB_OVERVIEW, HUBS_LANGUAGE_EN },
    { HUBS_CHART_COMPARISON, HUBS_LANGUAGE_JA }, { HUBS_CHART_COMPARISON, HUBS_LANGUAGE_EN },
  };

  setlocale (LC_ALL, "");
  /* Charts in Japanese take their words from the catalogue: the one in the build folder. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HUBS_LOCALEDIR") != NULL ? g_getenv ("HUBS_LOCALEDIR")
                                                                      : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hubs/chart-layout/%s-%s",
                                               kind_name (cases[i].kind),
                                               cases[i].lang == HUBS_LANGUAGE_JA ? "ja" : "en");

      g_test_add (path, Fixture, &cases[i], fixture_set_up, test_layout, fixture_tear_down);
    }

  return g_test_run ();
}
