/* test-chart-stamp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an exported chart says about itself: its hub, as of when its figures are (the newest
 * actual shown, the moment of a look back into the history, the day a year was submitted)
 * and its sources; and the pages a chart is exported on, from the command line, read back
 * with pdfinfo and pdftotext.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hubs-chart-export-dialog.h"
#include "hubs-chart-export.h"
#include "hubs-chart-stamp.h"
#include "hubs-test-util.h"

#define KPI "sapporo/startups"

typedef HubsTestStore Fixture;

#define fixture_set_up hubs_test_store_set_up
#define fixture_tear_down hubs_test_store_tear_down

static void
set_actual (HubsStore  *store,
            int         fiscal_year,
            double      value,
            const char *source)
{
  g_autoptr(HubsFigure) figure = hubs_test_make_actual (KPI, fiscal_year, value);
  g_autoptr(GError) error = NULL;

  g_free (figure->source);
  figure->source = g_strdup (source);
  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
}

/* Today in Japan, as the stamp writes it in English. */
static char *
today_in_japan (void)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  };
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tokyo);

  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (now),
                          months[g_date_time_get_month (now) - 1], g_date_time_get_year (now));
}

static void
test_live (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(HubsChartData) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *ja = NULL;
  g_autofree char *today = today_in_japan ();
  g_autofree char *as_of = g_strdup_printf ("As of %s", today);

  set_actual (f->store, 2025, 150, "札幌市調べ");
  chart = hubs_chart_data_new_for_kpi (f->store, HUBS_CHART_TRAJECTORY, KPI, &error);
  g_assert_no_error (error);

  stamp = hubs_chart_stamp_new (f->store, chart, NULL, HUBS_LANGUAGE_EN);
  g_test_message ("%s", stamp);
  g_assert_true (g_str_has_prefix (stamp, chart->hub->name_en));
  g_assert_nonnull (strstr (stamp, as_of));
  g_assert_nonnull (strstr (stamp, "Source: baselines and targets from the phase-2 plans"));
  g_assert_nonnull (strstr (stamp, "Sources of actuals: 札幌市調べ"));
  g_assert_null (strstr (stamp, "submitted"));

  ja = hubs_chart_stamp_new (f->store, chart, NULL, HUBS_LANGUAGE_JA);
  g_test_message ("%s", ja);
  g_assert_true (g_str_has_prefix (ja, chart->hub->name_ja));
}

/* The latest year shown was submitted: the stamp says when. */
static void
test_submitted (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HubsChartData) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *today = today_in_japan ();
  g_autofree char *submitted = g_strdup_printf ("FY2025 as submitted on %s", today);

  set_actual (f->store, 2025, 150, NULL);
  g_assert_true (hubs_store_set_year_state (f->store, "sapporo", 2025, HUBS_YEAR_SUBMITTED,
                                            NULL, &error));
  g_assert_no_error (error);

  chart = hubs_chart_data_new_for_kpi (f->store, HUBS_CHART_TRAJECTORY, KPI, &error);
  g_assert_no_error (error);
  stamp = hubs_chart_stamp_new (f->store, chart, NULL, HUBS_LANGUAGE_EN);
  g_test_message ("%s", stamp);
  g_assert_nonnull (strstr (stamp, submitted));
  {
    g_autofree char *ja = hubs_chart_stamp_new (f->store, chart, NULL, HUBS_LANGUAGE_JA);

    g_test_message ("%s", ja);
    g_assert_nonnull (strstr (ja, "2025年度："));
    g_assert_nonnull (strstr (ja, "提出時の数値"));
  }

  /* An actual of a later year, not submitted: the stamp no longer speaks of a submission. */
  set_actual (f->store, 2026, 160, NULL);
  g_clear_pointer (&chart, hubs_chart_data_free);
  g_clear_pointer (&stamp, g_free);
  chart = hubs_chart_data_new_for_kpi (f->store, HUBS_CHART_TRAJECTORY, KPI, &error);
  stamp = hubs_chart_stamp_new (f->store, chart, NULL, HUBS_LANGUAGE_EN);
  g_assert_null (strstr (stamp, "submitted"));
}

/* The database as it stood at a past moment: that moment, to the minute, and its figures. */
static void
test_as_of (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(HubsStore) snapshot = NULL;
  g_autoptr(HubsChartData) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot_path = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *expected = NULL;
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  };
  const HubsChartKpi *ck;

  set_actual (f->store, 2025, 150, NULL);
  g_usleep (20 * 1000);
  then = g_date_time_new_now (tokyo);
  g_usleep (20 * 1000);
  set_actual (f->store, 2025, 175, NULL);

  snapshot = hubs_store_open_as_of (f->store, then, &snapshot_path, &error);
  g_assert_no_error (error);
  chart = hubs_chart_data_new_for_kpi (snapshot, HUBS_CHART_TRAJECTORY, KPI, &error);
  g_assert_no_error (error);
  ck = g_ptr_array_index (chart->kpis, 0);
  g_assert_cmpfloat (hubs_chart_kpi_get_figure (ck, HUBS_FIGURE_ACTUAL, 2025)->value, ==, 150);

  stamp = hubs_chart_stamp_new (snapshot, chart, then, HUBS_LANGUAGE_EN);
  g_test_message ("%s", stamp);
  expected = g_strdup_printf ("As it stood on %d %s %d, %02d:%02d",
                              g_date_time_get_day_of_month (then),
                              months[g_date_time_get_month (then) - 1],
                              g_date_time_get_year (then), g_date_time_get_hour (then),
                              g_date_time_get_minute (then));
  g_assert_nonnull (strstr (stamp, expected));
  g_assert_null (strstr (stamp, "As of"));

  g_clear_object (&snapshot);
  hubs_store_remove_snapshot (snapshot_path);
}

/* Command line
 * ------------ */

static gboolean
run_hubs (const char * const *args,
          char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("HUBS_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

static void
assert_page_size (const char *pdf,
                  double      width,
                  double      height)
{
  g_autofree char *size = hubs_test_pdf_info (pdf, "Page size");
  double w = 0, h = 0;

  g_assert_cmpint (sscanf (size, "%lf x %lf pts", &w, &h), ==, 2);
  g_assert_cmpfloat_with_epsilon (w, width, 0.01);
  g_assert_cmpfloat_with_epsilon (h, height, 0.01);
}

static void
test_cli_pages (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db_arg = g_strconcat ("--database=", hubs_store_get_path (f->store), NULL);
  g_autofree char *a4 = hubs_test_path (f->dir, "a4.pdf");
  g_autofree char *slide = hubs_test_path (f->dir, "slide.pdf");
  g_autofree char *png = hubs_test_path (f->dir, "slide.png");
  g_autofree char *bad = hubs_test_path (f->dir, "bad.pdf");
  g_autofree char *a4_arg = g_strconcat ("--output=", a4, NULL);
  g_autofree char *slide_arg = g_strconcat ("--output=", slide, NULL);
  g_autofree char *png_arg = g_strconcat ("--output=", png, NULL);
  g_autofree char *bad_arg = g_strconcat ("--output=", bad, NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  cairo_surface_t *surface;

  set_actual (f->store, 2025, 150, "札幌市調べ");
  g_assert_true (hubs_store_checkpoint (f->store, NULL));

  {
    const char *args[] = { db_arg, "--render-chart=" KPI, a4_arg, "--size=a4", "--lang=en",
                           NULL };

    g_assert_true (run_hubs (args, &err));
    g_clear_pointer (&err, g_free);
  }
  assert_page_size (a4, 841.89, 595.28);
  /* The stamp may wrap: its words, whatever the lines. */
  text = g_strdelimit (hubs_test_pdf_text (a4), "\n", ' ');
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "As of "));
  g_assert_nonnull (strstr (text, "Sources of actuals: 札幌市調べ"));
  g_clear_pointer (&text, g_free);

  {
    const char *args[] = { db_arg, "--render-chart=" KPI, slide_arg, "--size=slide", NULL };

    g_assert_true (run_hubs (args, &err));
    g_clear_pointer (&err, g_free);
  }
  assert_page_size (slide, 960, 540);

  /* A slide as a picture: twice its points in pixels, sharp on a projector. */
  {
    const char *args[] = { db_arg, "--render-chart=" KPI, png_arg, "--size=SLIDE", NULL };

    g_assert_true (run_hubs (args, &err));
    g_clear_pointer (&err, g_free);
  }
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
  cairo_surface_destroy (surface);

  /* A page that does not exist: said so, and nothing written. */
  {
    const char *args[] = { db_arg, "--render-chart=" KPI, bad_arg, "--size=a5", NULL };

    g_assert_false (run_hubs (args, &err));
    g_assert_nonnull (strstr (err, "“a5” is not a size"));
    g_assert_nonnull (strstr (err, "a4 or slide"));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}

/* --as-of: the chart and every page of the report say the moment they show. */
static void
test_cli_as_of (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db_arg = g_strconcat ("--database=", hubs_store_get_path (f->store), NULL);
  g_autofree char *chart = hubs_test_path (f->dir, "chart.pdf");
  g_autofree char *report = hubs_test_path (f->dir, "report.pdf");
  g_autofree char *chart_arg = g_strconcat ("--output=", chart, NULL);
  g_autofree char *report_arg = g_strconcat ("--export-report=", report, NULL);
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) by_page = NULL;
  const char *as_of = "--as-of=2030-03-31";
  const char *stood = "As it stood on 31 March 2030";

  set_actual (f->store, 2025, 150, NULL);
  g_assert_true (hubs_store_checkpoint (f->store, NULL));

  {
    const char *args[] = { db_arg, "--render-chart=" KPI, chart_arg, as_of, "--lang=en", NULL };

    g_assert_true (run_hubs (args, &err));
    g_clear_pointer (&err, g_free);
  }
  text = hubs_test_pdf_text (chart);
  g_assert_nonnull (strstr (text, stood));
  g_clear_pointer (&text, g_free);

  {
    const char *args[] = { db_arg, report_arg, "--hub=sapporo", as_of, "--lang=en", NULL };

    g_assert_true (run_hubs (args, &err));
  }
  text = hubs_test_pdf_text (report);
  pages = hubs_test_pdf_info (report, "Pages");
  by_page = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (by_page), >=, (guint) atoi (pages));
  for (int i = 0; i < atoi (pages); i++)
    g_assert_nonnull (strstr (by_page[i], stood));
}

/* The sizes of the Export Chart dialog and of --size. */
static void
test_pages (void)
{
  HubsChartPage page;
  double width, height;

  g_assert_cmpint (hubs_chart_export_page_from_choice ("screen"), ==, HUBS_CHART_PAGE_NONE);
  g_assert_cmpint (hubs_chart_export_page_from_choice ("a4"), ==, HUBS_CHART_PAGE_A4_LANDSCAPE);
  g_assert_cmpint (hubs_chart_export_page_from_choice ("slide"), ==, HUBS_CHART_PAGE_SLIDE);
  g_assert_cmpint (hubs_chart_export_page_from_choice (NULL), ==, HUBS_CHART_PAGE_NONE);
  g_assert_true (hubs_chart_page_from_string ("16:9", &page));
  g_assert_cmpint (page, ==, HUBS_CHART_PAGE_SLIDE);
  g_assert_false (hubs_chart_page_from_string ("1600x900", &page));

  hubs_chart_page_get_size (HUBS_CHART_PAGE_A4_LANDSCAPE, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 297 / 25.4 * 72, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 210 / 25.4 * 72, 0.01);
  hubs_chart_page_get_size (HUBS_CHART_PAGE_SLIDE, &width, &height);
  g_assert_cmpfloat (width / height, ==, 16.0 / 9.0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HUBS_LOCALEDIR") != NULL ? g_getenv ("HUBS_LOCALEDIR")
                                                                      : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/chart-stamp/pages", test_pages);
  g_test_add ("/hubs/chart-stamp/live", Fixture, NULL, fixture_set_up, test_live,
              fixture_tear_down);
  g_test_add ("/hubs/chart-stamp/submitted", Fixture, NULL, fixture_set_up, test_submitted,
              fixture_tear_down);
  g_test_add ("/hubs/chart-stamp/as-of", Fixture, NULL, fixture_set_up, test_as_of,
              fixture_tear_down);
  g_test_add ("/hubs/chart-stamp/cli-pages", Fixture, NULL, fixture_set_up, test_cli_pages,
              fixture_tear_down);
  g_test_add ("/hubs/chart-stamp/cli-as-of", Fixture, NULL, fixture_set_up, test_cli_as_of,
              fixture_tear_down);

  return g_test_run ();
}
