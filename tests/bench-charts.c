/* bench-charts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the charts take to draw, next to references measured in the same run on the same
 * machine, since only ratios mean anything across machines. Not a test: run it by hand,
 *
 *   _build/tests/bench-charts
 *
 * A single chart must stay well inside a 16 ms frame.
 *
 *   _build/tests/bench-charts --render=DIR
 *
 * instead draws every chart of the demonstration data (each KPI's trajectory and bullet, each
 * hub's overview, the comparison) in both languages, at several sizes and in both themes, to
 * PNG files in DIR, with a text file of the marks and descriptions of each, and writes the
 * report of one hub in each language: render before and after a change to the drawing code
 * and compare the folders (cmp -r) to prove the change left every pixel where it was.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "hubs-chart-export.h"
#include "hubs-report.h"
#include "hubs-test-demo.h"
#include "hubs-test-util.h"

#define WIDTH  1600
#define HEIGHT 900

typedef void (*BenchFunc) (gpointer user_data);

/* Milliseconds per run of @func: the median of five rounds of @n runs, after one warm-up. */
static double
measure (BenchFunc func,
         gpointer  user_data,
         guint     n)
{
  double rounds[5];

  func (user_data);
  for (guint r = 0; r < G_N_ELEMENTS (rounds); r++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < n; i++)
        func (user_data);
      rounds[r] = (g_get_monotonic_time () - start) / 1000.0 / n;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rounds); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (rounds); j++)
      if (rounds[j] < rounds[i])
        {
          double t = rounds[i];

          rounds[i] = rounds[j];
          rounds[j] = t;
        }
  return rounds[G_N_ELEMENTS (rounds) / 2];
}

typedef struct
{
  cairo_surface_t *surface;
  HubsChartData   *data;
  HubsChartTheme   theme;
  HubsStore       *store;
  char            *path;
} Bench;

static void
fill_rectangle (gpointer user_data)
{
  Bench *b = user_data;
  cairo_t *cr = cairo_create (b->surface);

  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_rectangle (cr, 0, 0, WIDTH, HEIGHT);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

static void
show_text_line (gpointer user_data)
{
  Bench *b = user_data;
  cairo_t *cr = cairo_create (b->surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (b->theme.font_family);

  pango_font_description_set_absolute_size (font, 25 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "スタートアップ数（累計） 2026年度の実績は185社（速報）", -1);
  cairo_move_to (cr, 10, 10);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

static void
draw_chart (gpointer user_data)
{
  Bench *b = user_data;
  cairo_t *cr = cairo_create (b->surface);
  HubsChartOptions options;

  hubs_chart_options_init (&options, HUBS_LANGUAGE_JA);
  hubs_chart_draw (cr, b->data, &b->theme, &options, WIDTH, HEIGHT, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

static void
export_report (gpointer user_data)
{
  Bench *b = user_data;
  g_autoptr(GError) error = NULL;

  if (!hubs_report_export (b->store, NULL, b->path, HUBS_LANGUAGE_JA, &error))
    g_error ("%s", error->message);
}

static void
gather_overview (gpointer user_data)
{
  Bench *b = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsChartData) data = hubs_chart_data_new_for_hub (b->store, "tokyo", &error);

  g_assert_no_error (error);
}

static void
render_one (const char          *dir,
            const HubsChartData *data,
            const char          *name,
            HubsLanguage         lang,
            gboolean             dark,
            int                  width,
            int                  height,
            int                  focus)
{
  const char *lang_name = lang == HUBS_LANGUAGE_JA ? "ja" : "en";
  g_autofree char *base = g_strdup_printf ("%s-%s%s-%dx%d%s", name, lang_name,
                                           dark ? "-dark" : "", width, height,
                                           focus >= 0 ? "-focus" : "");
  g_autofree char *png = g_strdup_printf ("%s/%s.png", dir, base);
  g_autofree char *txt = g_strdup_printf ("%s/%s.txt", dir, base);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (HubsChartHit));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *description = hubs_chart_describe (data, lang);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  HubsChartOptions options;
  HubsChartTheme theme;

  if (dark)
    hubs_chart_theme_init_dark (&theme);
  else
    hubs_chart_theme_init_print (&theme);
  hubs_chart_options_init (&options, lang);
  options.focus = focus;
  hubs_chart_draw (cr, data, &theme, &options, width, height, hits);
  cairo_destroy (cr);
  if (cairo_surface_write_to_png (surface, png) != CAIRO_STATUS_SUCCESS)
    g_error ("Cannot write %s", png);
  cairo_surface_destroy (surface);

  g_string_append_printf (out, "%s\n", description);
  for (guint i = 0; i < hits->len; i++)
    {
      const HubsChartHit *hit = &g_array_index (hits, HubsChartHit, i);
      g_autofree char *tip = hubs_chart_describe_hit (data, hit, lang);

      g_string_append_printf (out, "%d %.6f %.6f %.6f %.6f %u %d %d %.6f\n%s\n", hit->kind,
                              hit->x, hit->y, hit->width, hit->height, hit->index, hit->pillar,
                              hit->fiscal_year, hit->value, tip);
    }
  if (!g_file_set_contents (txt, out->str, out->len, &error))
    g_error ("%s", error->message);
}

/* Every chart to PNG, for comparing the drawing before and after a change. */
static int
render_all (HubsStore  *store,
            const char *dir)
{
  static const int sizes[][2] = { { 800, 450 }, { 1600, 900 }, { 300, 500 }, { 90, 60 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, NULL, &error);
  g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (store, &error);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_chart_data_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    g_error ("Cannot create %s", dir);

  for (guint i = 0; i < kpis->len; i++)
    {
      const char *id = ((HubsKpi *) kpis->pdata[i])->id;
      g_autofree char *flat = g_strdelimit (g_strdup (id), "/", '_');

      g_ptr_array_add (all, hubs_chart_data_new_for_kpi (store, HUBS_CHART_TRAJECTORY, id,
                                                         &error));
      g_assert_no_error (error);
      g_ptr_array_add (names, g_strconcat ("trajectory-", flat, NULL));
      g_ptr_array_add (all, hubs_chart_data_new_for_kpi (store, HUBS_CHART_BULLET, id, &error));
      g_assert_no_error (error);
      g_ptr_array_add (names, g_strconcat ("bullet-", flat, NULL));
    }
  for (guint i = 0; i < hubs->len; i++)
    {
      const char *id = ((HubsHub *) hubs->pdata[i])->id;

      g_ptr_array_add (all, hubs_chart_data_new_for_hub (store, id, &error));
      g_assert_no_error (error);
      g_ptr_array_add (names, g_strconcat ("overview-", id, NULL));
    }
  g_ptr_array_add (all, hubs_chart_data_new_comparison (store, &error));
  g_assert_no_error (error);
  g_ptr_array_add (names, g_strdup ("comparison"));

  for (guint i = 0; i < all->len; i++)
    for (HubsLanguage lang = HUBS_LANGUAGE_JA; lang <= HUBS_LANGUAGE_EN; lang++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          /* The first size for every chart; the others for a sample. */
          if (s > 0 && i % 5 != 0)
            continue;
          render_one (dir, all->pdata[i], names->pdata[i], lang, s % 2 == 1, sizes[s][0],
                      sizes[s][1], -1);
          if (s == 0 && i % 5 == 0)
            render_one (dir, all->pdata[i], names->pdata[i], lang, FALSE, sizes[s][0],
                        sizes[s][1], 1);
        }

  for (HubsLanguage lang = HUBS_LANGUAGE_JA; lang <= HUBS_LANGUAGE_EN; lang++)
    {
      g_autofree char *pdf = g_strdup_printf ("%s/report-sapporo-%s.pdf", dir,
                                              lang == HUBS_LANGUAGE_JA ? "ja" : "en");

      if (!hubs_report_export (store, "sapporo", pdf, lang, &error))
        g_error ("%s", error->message);
    }

  g_print ("%u charts written to %s\n", all->len, dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsChartData) trajectory = NULL;
  g_autoptr(HubsChartData) overview = NULL;
  g_autoptr(HubsChartData) comparison = NULL;
  Bench b = { 0 };
  double rect_ms, text_ms, traj_ms, overview_ms, comparison_ms, gather_ms, report_ms;

  setlocale (LC_ALL, "");
  /* Charts in Japanese take their words from the catalogue: the one in the build folder. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HUBS_LOCALEDIR") != NULL ? g_getenv ("HUBS_LOCALEDIR")
                                                                      : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  dir = g_dir_make_tmp ("hubs-bench-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "hubs.sqlite3", NULL);
  b.path = g_build_filename (dir, "report.pdf", NULL);
  b.store = hubs_store_open (db, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  hubs_test_demo_fill (b.store, NULL);

  if (argc == 2 && g_str_has_prefix (argv[1], "--render="))
    {
      int status = render_all (b.store, argv[1] + strlen ("--render="));

      g_clear_object (&b.store);
      hubs_test_remove_dir (dir);
      g_free (b.path);
      return status;
    }

  trajectory = hubs_chart_data_new_for_kpi (b.store, HUBS_CHART_TRAJECTORY, "sapporo/startups",
                                            &error);
  g_assert_no_error (error);
  overview = hubs_chart_data_new_for_hub (b.store, "tokyo", &error);
  g_assert_no_error (error);
  comparison = hubs_chart_data_new_comparison (b.store, &error);
  g_assert_no_error (error);

  hubs_chart_theme_init_print (&b.theme);
  b.surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);

  rect_ms = measure (fill_rectangle, &b, 50);
  text_ms = measure (show_text_line, &b, 50);
  b.data = trajectory;
  traj_ms = measure (draw_chart, &b, 20);
  b.data = overview;
  overview_ms = measure (draw_chart, &b, 20);
  b.data = comparison;
  comparison_ms = measure (draw_chart, &b, 20);
  gather_ms = measure (gather_overview, &b, 20);
  report_ms = measure (export_report, &b, 1);

  g_print ("Chart timings at %d×%d (median of 5 rounds), with references from this run:\n",
           WIDTH, HEIGHT);
  g_print ("  reference: fill a %d×%d surface with one rectangle  %8.3f ms\n", WIDTH, HEIGHT,
           rect_ms);
  g_print ("  reference: pango_cairo_show_layout of one line        %8.3f ms\n", text_ms);
  g_print ("  trajectory chart (sapporo/startups)                   %8.3f ms  (%.1f× fill, %.1f× line)\n",
           traj_ms, traj_ms / rect_ms, traj_ms / text_ms);
  g_print ("  hub overview (tokyo)                                  %8.3f ms  (%.1f× fill, %.1f× line)\n",
           overview_ms, overview_ms / rect_ms, overview_ms / text_ms);
  g_print ("  comparison across 13 hubs                             %8.3f ms  (%.1f× fill, %.1f× line)\n",
           comparison_ms, comparison_ms / rect_ms, comparison_ms / text_ms);
  g_print ("  gathering a hub overview from the database            %8.3f ms\n", gather_ms);
  g_print ("  full report, 13 hubs, 100 A4 pages (PDF)              %8.1f ms  (%.1f ms a page)\n",
           report_ms, report_ms / 100);
  g_print ("  frame budget                                          %8.3f ms\n", 1000.0 / 60);

  cairo_surface_destroy (b.surface);
  g_clear_object (&b.store);
  hubs_test_remove_dir (dir);
  g_free (b.path);

  return 0;
}
