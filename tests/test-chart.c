/* test-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart drawing functions, on image, SVG and PDF surfaces, without a display.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-chart-export.h"
#include "hubs-chart-scale.h"
#include "hubs-report.h"
#include "hubs-test-demo.h"
#include "hubs-test-util.h"

typedef HubsTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  hubs_test_store_set_up (f, data);
  hubs_test_demo_fill (f->store, NULL);
}

#define fixture_tear_down hubs_test_store_tear_down

/* Pixels
 * ------ */

typedef struct
{
  guint8 r, g, b;
} Rgb;

static Rgb
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  memcpy (&v, data + y * stride + x * 4, 4);
  return (Rgb) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };
}

static Rgb
rgb_of (const HubsChartColor *color)
{
  return (Rgb) { (guint8) round (color->red * 255), (guint8) round (color->green * 255),
                 (guint8) round (color->blue * 255) };
}

static gboolean
rgb_near (Rgb a,
          Rgb b,
          int tolerance)
{
  return ABS ((int) a.r - (int) b.r) <= tolerance && ABS ((int) a.g - (int) b.g) <= tolerance &&
         ABS ((int) a.b - (int) b.b) <= tolerance;
}

#define assert_rgb_near(got, want, tol) \
  G_STMT_START { \
    Rgb _a = (got), _b = (want); \
    if (!rgb_near (_a, _b, (tol))) \
      g_error ("%s:%d: pixel #%02x%02x%02x is not near #%02x%02x%02x", __FILE__, __LINE__, \
               _a.r, _a.g, _a.b, _b.r, _b.g, _b.b); \
  } G_STMT_END

static HubsChartData *
kpi_data (Fixture       *f,
          HubsChartKind  kind,
          const char    *kpi_id)
{
  g_autoptr(GError) error = NULL;
  HubsChartData *data = hubs_chart_data_new_for_kpi (f->store, kind, kpi_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static cairo_surface_t *
draw (const HubsChartData  *data,
      const HubsChartTheme *theme,
      HubsLanguage          lang,
      int                   width,
      int                   height,
      GArray               *hits)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  HubsChartOptions options;

  hubs_chart_options_init (&options, lang);
  hubs_chart_draw (cr, data, theme, &options, width, height, hits);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static const HubsChartHit *
find_hit (GArray           *hits,
          HubsChartHitKind  kind,
          int               fiscal_year)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const HubsChartHit *hit = &g_array_index (hits, HubsChartHit, i);

      if (hit->kind == kind && hit->fiscal_year == fiscal_year)
        return hit;
    }
  g_error ("No hit of kind %d for FY%d", kind, fiscal_year);
  return NULL;
}

/* Scales
 * ------ */

static void
test_nice_step (void)
{
  g_assert_cmpfloat (hubs_chart_nice_step (1000, 5), ==, 200);
  g_assert_cmpfloat (hubs_chart_nice_step (300, 5), ==, 100);
  g_assert_cmpfloat (hubs_chart_nice_step (142, 8), ==, 20);
  g_assert_cmpfloat (hubs_chart_nice_step (7, 5), ==, 2);
  g_assert_cmpfloat (hubs_chart_nice_step (0.9, 4), ==, 0.5);
  g_assert_cmpfloat (hubs_chart_nice_step (120000, 6), ==, 20000);
  /* Nothing to cover, or nonsense: a step of one, never zero. */
  g_assert_cmpfloat (hubs_chart_nice_step (0, 5), ==, 1);
  g_assert_cmpfloat (hubs_chart_nice_step (NAN, 5), ==, 1);
}

static void
test_scale (void)
{
  HubsChartScale scale;

  hubs_chart_scale_init (&scale, 0, 300, 6);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 300);
  g_assert_cmpfloat (scale.step, ==, 50);
  g_assert_cmpuint (hubs_chart_scale_get_n_ticks (&scale), ==, 7);
  g_assert_cmpfloat (hubs_chart_scale_get_tick (&scale, 6), ==, 300);

  /* The value axis grows upward: the minimum at the bottom. */
  hubs_chart_scale_set_range (&scale, 500, 100);
  g_assert_cmpfloat (hubs_chart_scale_map (&scale, 0), ==, 500);
  g_assert_cmpfloat (hubs_chart_scale_map (&scale, 300), ==, 100);
  g_assert_cmpfloat (hubs_chart_scale_map (&scale, 150), ==, 300);

  /* Rounded outward to the step. */
  hubs_chart_scale_init (&scale, 3, 97, 5);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 100);

  /* Decimal steps stay clean. */
  hubs_chart_scale_init (&scale, 0, 0.6, 6);
  g_assert_cmpfloat (scale.step, ==, 0.1);
  g_assert_cmpfloat (hubs_chart_scale_get_tick (&scale, 3), ==, 0.3);

  /* A single value still gets an axis. */
  hubs_chart_scale_init (&scale, 15, 15, 5);
  g_assert_cmpfloat (scale.min, <, 15);
  g_assert_cmpfloat (scale.max, >, 15);
  hubs_chart_scale_init (&scale, 0, 0, 5);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, >, 0);
}

/* Trajectory
 * ---------- */

static void
test_trajectory_positions (Fixture       *f,
                           gconstpointer  user_data)
{
  g_autoptr(HubsChartData) data = kpi_data (f, HUBS_CHART_TRAJECTORY, "sapporo/startups");
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (HubsChartHit));
  HubsChartTheme theme;
  cairo_surface_t *surface;
  const HubsChartHit *baseline, *t2027, *t2029, *a2025, *a2026;
  double year_w, per_unit, predicted_x, predicted_y;

  hubs_chart_theme_init_print (&theme);
  surface = draw (data, &theme, HUBS_LANGUAGE_JA, 1600, 900, hits);

  /* Sapporo's startups: 142 (FY2024) → 225 (FY2027) → 300 (FY2029); actuals 160, 185. */
  baseline = find_hit (hits, HUBS_CHART_HIT_BASELINE, 2024);
  t2027 = find_hit (hits, HUBS_CHART_HIT_TARGET, 2027);
  t2029 = find_hit (hits, HUBS_CHART_HIT_TARGET, 2029);
  a2025 = find_hit (hits, HUBS_CHART_HIT_ACTUAL, 2025);
  a2026 = find_hit (hits, HUBS_CHART_HIT_ACTUAL, 2026);
  g_assert_cmpfloat (baseline->value, ==, 142);
  g_assert_cmpfloat (t2029->value, ==, 300);

  /* Where the scales put the FY2029 target, from the baseline and the FY2027 target: one
   * fiscal year is a fixed width, one unit a fixed height, and up is more. */
  year_w = (t2027->x - baseline->x) / 3;
  per_unit = (t2027->y - baseline->y) / (225 - 142);
  g_assert_cmpfloat (year_w, >, 100);
  g_assert_cmpfloat (per_unit, <, 0);
  predicted_x = baseline->x + 5 * year_w;
  predicted_y = baseline->y + (300 - 142) * per_unit;
  g_assert_cmpfloat_with_epsilon (t2029->x, predicted_x, 0.01);
  g_assert_cmpfloat_with_epsilon (t2029->y, predicted_y, 0.01);
  g_assert_cmpfloat_with_epsilon (a2025->x, baseline->x + year_w, 0.01);
  g_assert_cmpfloat_with_epsilon (a2026->y, baseline->y + (185 - 142) * per_unit, 0.01);

  /* The marker is drawn there: the target's dot at its centre, the background just beyond the
   * diamond's right tip (the plan path arrives from the left). */
  assert_rgb_near (pixel_at (surface, (int) predicted_x, (int) predicted_y), rgb_of (&theme.target),
                   12);
  {
    Rgb beyond = pixel_at (surface, (int) (predicted_x + t2029->width), (int) predicted_y);

    /* 300 is also a gridline. */
    g_assert_true (rgb_near (beyond, rgb_of (&theme.background), 12) ||
                   rgb_near (beyond, rgb_of (&theme.grid), 12));
  }

  /* The actual line runs in its colour between FY2025 and FY2026 (the FY2026 point is hollow:
   * provisional), and along the segment from the baseline. */
  for (double s = 0.3; s <= 0.7; s += 0.1)
    {
      double x = a2025->x + (a2026->x - a2025->x) * s;
      double y = a2025->y + (a2026->y - a2025->y) * s;

      assert_rgb_near (pixel_at (surface, (int) round (x), (int) round (y)), rgb_of (&theme.actual),
                       40);
    }
  assert_rgb_near (pixel_at (surface, (int) a2025->x, (int) a2025->y), rgb_of (&theme.actual), 12);
  /* The provisional FY2026 point is hollow: background in its centre. */
  assert_rgb_near (pixel_at (surface, (int) round (a2026->x), (int) round (a2026->y)),
                   rgb_of (&theme.background), 12);

  cairo_surface_destroy (surface);
}

static void
test_trajectory_rank (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(HubsChartData) data = kpi_data (f, HUBS_CHART_TRAJECTORY, "tokyo/gser-rank");
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (HubsChartHit));
  HubsChartTheme theme;
  cairo_surface_t *surface;
  const HubsChartHit *baseline, *t2027, *t2029;

  hubs_chart_theme_init_print (&theme);
  surface = draw (data, &theme, HUBS_LANGUAGE_EN, 1600, 900, hits);

  /* 10th → 8th → 5th: better is higher on the chart. */
  baseline = find_hit (hits, HUBS_CHART_HIT_BASELINE, 2024);
  t2027 = find_hit (hits, HUBS_CHART_HIT_TARGET, 2027);
  t2029 = find_hit (hits, HUBS_CHART_HIT_TARGET, 2029);
  g_assert_cmpfloat (t2029->y, <, t2027->y);
  g_assert_cmpfloat (t2027->y, <, baseline->y);
  g_assert_cmpfloat_with_epsilon ((t2029->y - t2027->y) / 3, (t2027->y - baseline->y) / 2, 0.01);

  cairo_surface_destroy (surface);
}

static void
test_nothing_outside (Fixture       *f,
                      gconstpointer  user_data)
{
  HubsChartKind kinds[] = { HUBS_CHART_TRAJECTORY, HUBS_CHART_BULLET, HUBS_CHART_HUB_OVERVIEW,
                            HUBS_CHART_COMPARISON };
  HubsChartTheme theme;
  const int margin = 40, w = 640, h = 360;

  hubs_chart_theme_init_print (&theme);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(HubsChartData) data = NULL;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface;
      HubsChartOptions options;
      cairo_t *cr;
      guint outside = 0, inside_changed = 0;

      if (kinds[k] == HUBS_CHART_HUB_OVERVIEW)
        data = hubs_chart_data_new_for_hub (f->store, "kansai", &error);
      else if (kinds[k] == HUBS_CHART_COMPARISON)
        data = hubs_chart_data_new_comparison (f->store, &error);
      else
        data = hubs_chart_data_new_for_kpi (f->store, kinds[k], "tokyo/unicorns", &error);
      g_assert_no_error (error);

      /* A magenta sheet; the chart goes in the middle of it. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w + 2 * margin, h + 2 * margin);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 0, 1);
      cairo_paint (cr);
      cairo_translate (cr, margin, margin);
      hubs_chart_options_init (&options, HUBS_LANGUAGE_JA);
      hubs_chart_draw (cr, data, &theme, &options, w, h, NULL);
      cairo_destroy (cr);

      for (int y = 0; y < h + 2 * margin; y++)
        for (int x = 0; x < w + 2 * margin; x++)
          {
            gboolean in = x >= margin && x < margin + w && y >= margin && y < margin + h;
            Rgb px = pixel_at (surface, x, y);
            gboolean magenta = px.r == 255 && px.g == 0 && px.b == 255;

            if (!in && !magenta)
              outside++;
            if (in && magenta)
              inside_changed++;
          }

      g_assert_cmpuint (outside, ==, 0);
      /* The chart painted all of its own rectangle (the background first). */
      g_assert_cmpuint (inside_changed, ==, 0);
      cairo_surface_destroy (surface);
    }
}

static void
test_dark_theme (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(HubsChartData) data = kpi_data (f, HUBS_CHART_TRAJECTORY, "sapporo/startups");
  HubsChartTheme theme;
  cairo_surface_t *surface;
  Rgb corner;

  hubs_chart_theme_init_dark (&theme);
  surface = draw (data, &theme, HUBS_LANGUAGE_EN, 800, 450, NULL);

  corner = pixel_at (surface, 2, 2);
  assert_rgb_near (corner, rgb_of (&theme.background), 2);
  g_assert_cmpint (corner.r + corner.g + corner.b, <, 3 * 64);
  cairo_surface_destroy (surface);

  hubs_chart_theme_init_print (&theme);
  surface = draw (data, &theme, HUBS_LANGUAGE_EN, 800, 450, NULL);
  assert_rgb_near (pixel_at (surface, 2, 2), ((Rgb) { 255, 255, 255 }), 0);
  cairo_surface_destroy (surface);
}

/* Every KPI of every hub, every chart, both languages, many sizes: no warning (the tests run
 * with fatal warnings) and no cairo error. */
static void
test_every_kpi_every_size (Fixture       *f,
                           gconstpointer  user_data)
{
  static const int sizes[][2] = {
    { 1600, 900 }, { 1280, 720 }, { 640, 360 }, { 300, 500 }, { 200, 120 }, { 90, 60 },
    { 30, 20 }, { 8, 8 }, { 1, 1 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, NULL, &error);
  g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (f->store, &error);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_chart_data_free);
  HubsChartTheme themes[2];

  g_assert_no_error (error);
  g_assert_cmpuint (kpis->len, ==, 87);
  hubs_chart_theme_init_print (&themes[0]);
  hubs_chart_theme_init_dark (&themes[1]);

  for (guint i = 0; i < kpis->len; i++)
    {
      const char *id = ((HubsKpi *) kpis->pdata[i])->id;

      g_ptr_array_add (all, kpi_data (f, HUBS_CHART_TRAJECTORY, id));
      g_ptr_array_add (all, kpi_data (f, HUBS_CHART_BULLET, id));
    }
  for (guint i = 0; i < hubs->len; i++)
    {
      g_ptr_array_add (all, hubs_chart_data_new_for_hub (f->store, ((HubsHub *) hubs->pdata[i])->id,
                                                         &error));
      g_assert_no_error (error);
    }
  g_ptr_array_add (all, hubs_chart_data_new_comparison (f->store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < all->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (HubsLanguage lang = HUBS_LANGUAGE_JA; lang <= HUBS_LANGUAGE_EN; lang++)
        {
          g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (HubsChartHit));
          const HubsChartData *data = g_ptr_array_index (all, i);
          cairo_surface_t *surface;

          /* Big sizes are slow to fill; a sample of the charts is enough there. */
          if (sizes[s][0] >= 1280 && i % 7 != 0)
            continue;

          surface = draw (data, &themes[(i + s) % 2], lang, sizes[s][0], sizes[s][1], hits);
          for (guint h = 0; h < hits->len; h++)
            {
              const HubsChartHit *hit = &g_array_index (hits, HubsChartHit, h);
              g_autofree char *text = hubs_chart_describe_hit (data, hit, lang);

              g_assert_true (g_utf8_validate (text, -1, NULL));
              g_assert_cmpstr (text, !=, "");
            }
          cairo_surface_destroy (surface);
        }
}

/* Words
 * ----- */

static void
test_describe (Fixture       *f,
               gconstpointer  user_data)
{
  g_autoptr(HubsChartData) data = kpi_data (f, HUBS_CHART_TRAJECTORY, "sapporo/startups");
  g_autofree char *ja = hubs_chart_describe (data, HUBS_LANGUAGE_JA);
  g_autofree char *en = hubs_chart_describe (data, HUBS_LANGUAGE_EN);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (HubsChartHit));
  HubsChartTheme theme;
  g_autofree char *tip = NULL;

  g_test_message ("%s", ja);
  g_test_message ("%s", en);

  /* Expected in FY2026: 142 + 83 × 2/3 = 197.3 → 197; A = (185 − 142) / 55.3 = 78 %. */
  g_assert_nonnull (strstr (ja, "基準値 142社（2024年度）"));
  g_assert_nonnull (strstr (ja, "2025年度 160社"));
  g_assert_nonnull (strstr (ja, "2026年度 185社（速報）"));
  g_assert_nonnull (strstr (ja, "2029年度 300社"));
  g_assert_nonnull (strstr (ja, "加速が必要"));
  g_assert_nonnull (strstr (ja, "計画値197社"));
  g_assert_nonnull (strstr (ja, "78%"));
  g_assert_nonnull (strstr (en, "Baseline 142 companies (FY2024)"));
  g_assert_nonnull (strstr (en, "FY2026 185 companies (provisional)"));
  g_assert_nonnull (strstr (en, "Needs acceleration"));
  g_assert_nonnull (strstr (en, "At the current pace"));

  hubs_chart_theme_init_print (&theme);
  cairo_surface_destroy (draw (data, &theme, HUBS_LANGUAGE_EN, 800, 450, hits));
  tip = hubs_chart_describe_hit (data, find_hit (hits, HUBS_CHART_HIT_TARGET, 2029),
                                 HUBS_LANGUAGE_EN);
  g_assert_cmpstr (tip, ==, "FY2029 target: 300 companies");
}

static void
test_describe_comparison (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsChartData) data = hubs_chart_data_new_comparison (f->store, &error);
  g_autofree char *text = NULL;
  double previous = G_MAXDOUBLE;

  g_assert_no_error (error);
  g_assert_cmpuint (data->hubs->len, ==, 13);

  /* Sorted best first. */
  for (guint i = 0; i < data->hubs->len; i++)
    {
      const HubsChartHubSummary *s = g_ptr_array_index (data->hubs, i);
      double share;

      g_assert_true (hubs_progress_summary_get_share (&s->all, &share));
      g_assert_cmpfloat (share, <=, previous);
      previous = share;
    }

  text = hubs_chart_describe (data, HUBS_LANGUAGE_JA);
  g_assert_true (g_str_has_prefix (text, "拠点都市別の計画進捗。1. "));
}

/* Files
 * ----- */

static void
test_export_formats (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autoptr(HubsChartData) data = kpi_data (f, HUBS_CHART_TRAJECTORY, "kansai/startups");
  static const char * const names[] = { "chart.png", "chart.SVG", "chart.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = hubs_test_path (f->dir, names[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize len;

      hubs_chart_export (data, path, 1600, 900, HUBS_LANGUAGE_JA, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, &error));
      g_assert_cmpuint (len, >, 1000);

      if (i == 0)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1600);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 900);
          cairo_surface_destroy (png);
        }
      else if (i == 1)
        {
          g_assert_true (g_str_has_prefix (contents, "<?xml"));
          g_assert_nonnull (strstr (contents, "<svg"));
          g_assert_nonnull (strstr (contents, "width=\"1600px\""));
          g_assert_true (g_str_has_suffix (g_strchomp (contents), "</svg>"));
        }
      else
        {
          g_autofree char *out = NULL;
          g_autofree char *argv_path = g_strdup (path);
          char *argv[] = { (char *) "pdfinfo", argv_path, NULL };
          int status;

          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
          g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                        NULL, &out, NULL, &status, &error);
          g_assert_no_error (error);
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          g_assert_nonnull (strstr (out, "Pages:"));
          g_assert_cmpint (g_ascii_strtoll (strstr (out, "Pages:") + 6, NULL, 10), ==, 1);
          g_assert_nonnull (strstr (out, "1600 x 900 pts"));
        }
    }
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  user_data)
{
  g_autoptr(HubsChartData) data = kpi_data (f, HUBS_CHART_TRAJECTORY, "sapporo/startups");
  g_autofree char *out_dir = hubs_test_path (f->dir, "out");
  g_autofree char *bad_ext = hubs_test_path (out_dir, "chart.jpg");
  g_autofree char *no_dir = hubs_test_path (out_dir, "missing/chart.png");
  g_autofree char *good = hubs_test_path (out_dir, "chart.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  int w, h;

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);

  g_assert_false (hubs_chart_export (data, bad_ext, 1600, 900, HUBS_LANGUAGE_EN, &error));
  g_assert_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (hubs_chart_export (data, no_dir, 1600, 900, HUBS_LANGUAGE_EN, &error));
  g_assert_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_WRITE);
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  g_assert_false (hubs_chart_export (data, good, 4, 900, HUBS_LANGUAGE_EN, &error));
  g_assert_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_SIZE);
  g_clear_error (&error);

  /* Nothing was left behind. */
  g_assert_cmpuint (count_files (out_dir), ==, 0);

  /* A directory where the file should go: refused, and the directory untouched. */
  g_assert_cmpint (g_mkdir (good, 0755), ==, 0);
  g_assert_false (hubs_chart_export (data, good, 1600, 900, HUBS_LANGUAGE_EN, &error));
  g_assert_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_true (g_file_test (good, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  g_assert_cmpint (g_rmdir (good), ==, 0);

  /* A report must be a PDF, and of a hub that exists; an old file stays as it was. */
  g_assert_true (g_file_set_contents (good, "old", -1, NULL));
  before = hubs_test_read_bytes (good);
  g_assert_false (hubs_report_export (f->store, NULL, good, HUBS_LANGUAGE_EN, &error));
  g_assert_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  {
    g_autofree char *pdf = hubs_test_path (out_dir, "report.pdf");

    g_assert_false (hubs_report_export (f->store, "atlantis", pdf, HUBS_LANGUAGE_EN,
                                              &error));
    g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  hubs_test_assert_same_bytes (good, before);
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  g_assert_true (hubs_chart_parse_size ("1600x900", &w, &h, NULL));
  g_assert_cmpint (w, ==, 1600);
  g_assert_cmpint (h, ==, 900);
  g_assert_false (hubs_chart_parse_size ("1600", &w, &h, NULL));
  g_assert_false (hubs_chart_parse_size ("0x900", &w, &h, NULL));
  g_assert_false (hubs_chart_parse_size ("16000x900", &w, &h, NULL));
  g_assert_false (hubs_chart_parse_size ("-16x900", &w, &h, NULL));
  g_assert_false (hubs_chart_parse_size ("axb", &w, &h, &error));
  g_assert_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_SIZE);
}

/* A runaway trend leaves the top of the plot: the chart still says where it goes, with the
 * value of the projection at the edge where the line leaves (read back from the PDF's text). */
static void
test_runaway_projection_labelled (Fixture       *f,
                                  gconstpointer  user_data)
{
  g_autofree char *pdf = hubs_test_path (f->dir, "runaway.pdf");
  g_autoptr(HubsChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  /* 関西's startups are counted from April 2025: 1,234, then 2,600, run far above the plan. */
  hubs_test_demo_set (f->store, "kansai/startups", 2025, 1234, TRUE);
  hubs_test_demo_set (f->store, "kansai/startups", 2026, 2600, FALSE);
  data = hubs_chart_data_new_for_kpi (f->store, HUBS_CHART_TRAJECTORY, "kansai/startups", &error);
  g_assert_no_error (error);
  g_assert_true (hubs_chart_export (data, pdf, 1100, 500, HUBS_LANGUAGE_EN, &error));
  g_assert_no_error (error);

  out = hubs_test_pdf_text (pdf);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "Projected"));
  g_assert_nonnull (strstr (out, "↑"));
}

static guint
pdf_pages (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *argv_path = g_strdup (path);
  char *argv[] = { (char *) "pdfinfo", argv_path, NULL };
  const char *line;
  int status;

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "841.89 x 595.28 pts (A4)"));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (g_strchug ((char *) line + strlen ("Pages:")), NULL, 10);
}

static void
test_report (Fixture       *f,
             gconstpointer  user_data)
{
  g_autofree char *one = hubs_test_path (f->dir, "sapporo.pdf");
  g_autofree char *all = hubs_test_path (f->dir, "all.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, "sapporo", &error);

  g_assert_true (hubs_report_export (f->store, "sapporo", one, HUBS_LANGUAGE_JA, &error));
  g_assert_no_error (error);
  /* A cover, the contents and three pages of national summary, an overview page, then one
   * page per KPI. */
  g_assert_cmpuint (pdf_pages (one), ==, 5 + 1 + kpis->len);

  g_assert_true (hubs_report_export (f->store, NULL, all, HUBS_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (all), ==, 5 + 13 + 87);

  /* A copy to look at. */
  if (g_getenv ("HUBS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("HUBS_SCREENSHOT_DIR"),
                                                "report-sapporo-ja.pdf", NULL);

      g_assert_true (hubs_report_export (f->store, "sapporo", copy, HUBS_LANGUAGE_JA, &error));
      g_assert_no_error (error);
    }
}

/* A report is for mayors: it says what the plan says, in the report's language, and nothing
 * of how the slides were read. The English report of all 13 hubs holds no Japanese at all. */
static void
test_report_reader_words (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autofree char *ja_pdf = hubs_test_path (f->dir, "all-ja.pdf");
  g_autofree char *en_pdf = hubs_test_path (f->dir, "all-en.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *ja = NULL;
  g_autofree char *en = NULL;
  g_autofree char *flat_en = NULL;
  static const char * const working[] = {
    "本ファイル", "と読んだ", "抽出テキスト", "判別できない", "This file", "is read as",
  };

  g_assert_true (hubs_report_export (f->store, NULL, ja_pdf, HUBS_LANGUAGE_JA, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_report_export (f->store, NULL, en_pdf, HUBS_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  ja = hubs_test_pdf_text (ja_pdf);
  en = hubs_test_pdf_text (en_pdf);

  for (guint i = 0; i < G_N_ELEMENTS (working); i++)
    {
      g_assert_null (strstr (ja, working[i]));
      g_assert_null (strstr (en, working[i]));
    }

  for (const char *p = en; *p != '\0'; p = g_utf8_next_char (p))
    {
      char c[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), c);
      if (hubs_text_has_japanese (c))
        {
          g_autofree char *around = g_strndup (MAX (en, p - 60), 120);

          g_error ("Japanese in the English report: “%s” in …%s…", c, around);
        }
    }

  /* The plan's footnotes in each language, and the figures it prints in another unit. */
  flat_en = g_strdelimit (g_strdup (en), "\n", ' ');
  g_assert_nonnull (strstr (flat_en, "five-year total"));
  g_assert_nonnull (strstr (flat_en, "prints this figure in cases"));
  g_assert_nonnull (strstr (flat_en, "12,856 cases*"));
  g_assert_nonnull (strstr (flat_en, "1 January 2025"));
  g_assert_nonnull (strstr (ja, "5年累計"));
  g_assert_nonnull (strstr (ja, "件※"));
}

/* A chart or report written to a device (as root, `--output=/dev/null`) is written into it,
 * never renamed over it. */
static void
test_export_to_device (Fixture       *f,
                       gconstpointer  user_data)
{
  g_autofree char *null = hubs_test_path (f->dir, "null");
  g_autoptr(HubsChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (mknod (null, S_IFCHR | 0666, makedev (1, 3)) != 0)
    {
      g_test_skip ("Making a character device needs root");
      return;
    }

  data = hubs_chart_data_new_for_kpi (f->store, HUBS_CHART_TRAJECTORY, "sapporo/startups",
                                      &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *named = g_strconcat (null, i == 0 ? "" : ".pdf", NULL);

      if (i == 1)
        g_assert_cmpint (symlink (null, named), ==, 0);
      g_assert_true (hubs_report_export (f->store, "sapporo", named, HUBS_LANGUAGE_EN, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *link = g_strconcat (null, ".png", NULL);

    g_assert_cmpint (symlink (null, link), ==, 0);
    g_assert_true (hubs_chart_export (data, link, 800, 450, HUBS_LANGUAGE_EN, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_lstat (link, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
  }

  g_assert_cmpint (g_lstat (null, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 3));
}

/* The command line
 * ---------------- */

/* Runs the installed command without a display, on the fixture's database. */
static int
run_hubs (Fixture     *f,
          char       **err,
          const char  *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *binary = g_getenv ("HUBS_BINARY");
  int status;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, g_strdup (binary));
  g_ptr_array_add (argv, g_strdup_printf ("--database=%s", hubs_store_get_path (f->store)));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_spawn_sync (f->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, err,
                &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_render (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autofree char *err = NULL;
  g_autofree char *png = hubs_test_path (f->dir, "gser.png");
  g_autofree char *svg = hubs_test_path (f->dir, "gser.svg");
  cairo_surface_t *surface;

  g_assert_cmpint (run_hubs (f, &err, "--render-chart=tokyo/gser-rank", "--output=gser.png",
                             "--lang=en", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 900);
  cairo_surface_destroy (surface);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_hubs (f, &err, "--render-chart=tokyo/gser-rank", "--output=gser.svg",
                             "--size=640x360", "--lang=ja", NULL), ==, 0);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  user_data)
{
  static const char * const cases[][3] = {
    { "--render-chart=tokyo/nothing", "--output=x.png", NULL },
    { "--render-chart=tokyo/unicorns", "--output=x.gif", NULL },
    { "--render-chart=tokyo/unicorns", "--output=x.png", "--size=1600" },
    { "--render-chart=tokyo/unicorns", "--output=x.png", "--size=9x9" },
    { "--render-chart=tokyo/unicorns", "--output=x.png", "--lang=fr" },
    { "--render-chart=tokyo/unicorns", "--output=missing/x.png", NULL },
    { "--render-chart=tokyo/unicorns", NULL, NULL },
    { "--output=x.png", NULL, NULL },
    { "--export-report=x.pdf", "--hub=atlantis", NULL },
    { "--export-report=x.png", NULL, NULL },
    { "--export-report=missing/x.pdf", NULL, NULL },
    { "--hub=tokyo", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_hubs (f, &err, cases[i][0], cases[i][1], cases[i][2], NULL), ==, 1);
      g_test_message ("%s", err);
      /* One line, prefixed with the program's name. */
      g_assert_true (g_str_has_prefix (err, "hubs: "));
      g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
    }

  /* Only the database and its companions: no file, whole or half. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_prefix (name, "hubs.sqlite3"));
  }
}

static void
test_cli_report (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autofree char *err = NULL;
  g_autofree char *pdf = hubs_test_path (f->dir, "tokyo.pdf");
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, "tokyo", NULL);

  g_assert_cmpint (run_hubs (f, &err, "--export-report=tokyo.pdf", "--hub=tokyo", "--lang=en",
                             NULL), ==, 0);
  /* Cover, contents and national summary (5), then the overview and a page per KPI. */
  g_assert_cmpuint (pdf_pages (pdf), ==, 5 + 1 + kpis->len);
}

/* The language of a chart
 * ----------------------- */

/* The text of the PDF export of the trajectory of Sapporo's startups, drawn in @lang. */
static char *
trajectory_text (Fixture      *f,
                 HubsLanguage  lang)
{
  g_autoptr(HubsChartData) data = kpi_data (f, HUBS_CHART_TRAJECTORY, "sapporo/startups");
  g_autofree char *pdf = hubs_test_path (f->dir, "trajectory.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_chart_export (data, pdf, 1600, 900, lang, &error));
  g_assert_no_error (error);
  return hubs_test_pdf_text (pdf);
}

/* A chart is drawn in the language asked for, whatever the language of the interface: in
 * Japanese from a process in English, and in English from a process in Japanese. */
static void
test_language_apart_from_locale (Fixture       *f,
                                 gconstpointer  user_data)
{
  if (g_test_subprocess ())
    {
      gboolean japanese = g_str_equal (g_getenv ("HUBS_TEST_PROCESS_LANGUAGE"), "ja");
      g_autofree char *text = NULL;

      if (japanese)
        {
          g_setenv ("LANGUAGE", "ja", TRUE);
          setlocale (LC_ALL, "");
          /* The process itself speaks Japanese, */
          g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Not measured"), ==, "未計測");
          /* yet the chart is in English. */
          text = trajectory_text (f, HUBS_LANGUAGE_EN);
          g_test_message ("%s", text);
          g_assert_nonnull (strstr (text, "FY2029 target 300 companies"));
          g_assert_nonnull (strstr (text, "Baseline 142 companies"));
          g_assert_nonnull (strstr (text, "Plan path"));
          g_assert_null (strstr (text, "目標"));
          g_assert_null (strstr (text, "実績値"));
        }
      else
        {
          g_unsetenv ("LANGUAGE");
          setlocale (LC_ALL, "");
          g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Not measured"), ==, "Not measured");
          text = trajectory_text (f, HUBS_LANGUAGE_JA);
          g_test_message ("%s", text);
          g_assert_nonnull (strstr (text, "2029年度目標 300社"));
          g_assert_nonnull (strstr (text, "基準値 142社"));
          g_assert_nonnull (strstr (text, "計画（基準値から目標値へ）"));
          g_assert_null (strstr (text, "target"));
          g_assert_null (strstr (text, "Baseline"));
        }
      return;
    }

  for (guint i = 0; i < 2; i++)
    {
      g_setenv ("HUBS_TEST_PROCESS_LANGUAGE", i == 0 ? "en" : "ja", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
  g_unsetenv ("HUBS_TEST_PROCESS_LANGUAGE");
}

/* Screenshots, to look at
 * ----------------------- */

static void
save_png (const HubsChartData *data,
          const char          *name,
          HubsLanguage         lang,
          gboolean             dark,
          int                  width,
          int                  height)
{
  const char *dir = g_getenv ("HUBS_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  HubsChartTheme theme;
  cairo_surface_t *surface;

  if (dir == NULL)
    return;

  if (dark)
    hubs_chart_theme_init_dark (&theme);
  else
    hubs_chart_theme_init_print (&theme);
  surface = draw (data, &theme, lang, width, height, NULL);
  file = g_strdup_printf ("chart-%s-%s%s-%dx%d.png", name, lang == HUBS_LANGUAGE_JA ? "ja" : "en",
                          dark ? "-dark" : "", width, height);
  path = g_build_filename (dir, file, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("Saved %s", path);
  cairo_surface_destroy (surface);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsChartData) trajectory = kpi_data (f, HUBS_CHART_TRAJECTORY, "sapporo/startups");
  g_autoptr(HubsChartData) rank = kpi_data (f, HUBS_CHART_TRAJECTORY, "tokyo/gser-rank");
  g_autoptr(HubsChartData) unicorns = kpi_data (f, HUBS_CHART_TRAJECTORY, "tokyo/unicorns");
  g_autoptr(HubsChartData) amount = kpi_data (f, HUBS_CHART_TRAJECTORY, "sapporo/funding-amount");
  g_autoptr(HubsChartData) bullet = kpi_data (f, HUBS_CHART_BULLET, "sapporo/startups");
  g_autoptr(HubsChartData) overview = hubs_chart_data_new_for_hub (f->store, "tokyo", &error);
  g_autoptr(HubsChartData) comparison = hubs_chart_data_new_comparison (f->store, &error);

  g_assert_no_error (error);

  for (HubsLanguage lang = HUBS_LANGUAGE_JA; lang <= HUBS_LANGUAGE_EN; lang++)
    {
      save_png (trajectory, "trajectory", lang, FALSE, 1600, 900);
      save_png (rank, "trajectory-rank", lang, FALSE, 1600, 900);
      save_png (unicorns, "trajectory-yearly", lang, FALSE, 1600, 900);
      save_png (amount, "trajectory-amount", lang, FALSE, 1600, 900);
      save_png (bullet, "bullet", lang, FALSE, 1600, 900);
      save_png (overview, "overview", lang, FALSE, 1600, 900);
      save_png (comparison, "comparison", lang, FALSE, 1600, 900);
    }
  save_png (trajectory, "trajectory", HUBS_LANGUAGE_JA, TRUE, 640, 360);
  save_png (trajectory, "trajectory", HUBS_LANGUAGE_EN, FALSE, 320, 180);
  save_png (overview, "overview", HUBS_LANGUAGE_JA, TRUE, 800, 600);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Charts in Japanese take their words from the catalogue: the one in the build folder. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HUBS_LOCALEDIR") != NULL ? g_getenv ("HUBS_LOCALEDIR")
                                                                      : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/hubs/chart/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/hubs/chart/nice-step", test_nice_step);
  g_test_add_func ("/hubs/chart/scale", test_scale);
  ADD ("trajectory-positions", test_trajectory_positions);
  ADD ("trajectory-rank", test_trajectory_rank);
  ADD ("nothing-outside", test_nothing_outside);
  ADD ("dark-theme", test_dark_theme);
  ADD ("every-kpi-every-size", test_every_kpi_every_size);
  ADD ("describe", test_describe);
  ADD ("describe-comparison", test_describe_comparison);
  ADD ("export-formats", test_export_formats);
  ADD ("export-errors", test_export_errors);
  ADD ("report", test_report);
  ADD ("report-reader-words", test_report_reader_words);
  ADD ("export-to-device", test_export_to_device);
  ADD ("runaway-projection-labelled", test_runaway_projection_labelled);
  ADD ("cli-render", test_cli_render);
  ADD ("cli-errors", test_cli_errors);
  ADD ("cli-report", test_cli_report);
  ADD ("language-apart-from-locale", test_language_apart_from_locale);
  ADD ("screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}
