/* test-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report to hand out, read back from the PDF as a reader would: a cover, a contents page
 * whose entries point at the pages they name, the national summary, then the sections of the
 * hubs and KPIs chosen and of no others; page numbers, the moment of the figures and the
 * source on every page; A4 portrait or landscape; Japanese or English. Bad choices are refused
 * with a message and write nothing. Pages are rendered to PNG for a person to look at.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hubs-report.h"
#include "hubs-test-demo.h"
#include "hubs-test-util.h"

typedef HubsTestStore Fixture;

static char *
pdf_info (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *argv_path = g_strdup (path);
  char *argv[] = { (char *) "pdfinfo", argv_path, NULL };
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *out = pdf_info (path);
  const char *line = strstr (out, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (g_strchug ((char *) line + strlen ("Pages:")), NULL, 10);
}

/* The text of every page of @pdf, read once (pdftotext ends each page with a form feed). */
static GStrv
pages_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *argv_path = g_strdup (path);
  char *argv[] = { (char *) "pdftotext", (char *) "-layout", argv_path, (char *) "-", NULL };
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strsplit (out, "\f", -1);
}

/* The text of page @page (from 1). */
static char *
page_text (const char *path,
           guint       page)
{
  g_auto(GStrv) pages = pages_text (path);

  g_assert_cmpuint (page, >=, 1);
  g_assert_cmpuint (page, <=, g_strv_length (pages));
  return g_strdup (pages[page - 1]);
}

/* Renders pages of @pdf into the screenshot folder as NAME-N.png, to be looked at. */
static void
render_pages (const char *pdf,
              const char *name,
              guint       first,
              guint       last)
{
  const char *dir = g_getenv ("HUBS_SCREENSHOT_DIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *f = g_strdup_printf ("%u", first);
  g_autofree char *l = g_strdup_printf ("%u", last);
  g_autofree char *argv_pdf = g_strdup (pdf);
  int status;

  if (dir == NULL)
    return;
  prefix = g_build_filename (dir, name, NULL);
  {
    char *argv[] = { (char *) "pdftoppm", (char *) "-png", (char *) "-r", (char *) "60",
                     (char *) "-f", f, (char *) "-l", l, argv_pdf, prefix, NULL };

    g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                  NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
  }
}

/* Every page: its number of the total, the moment of the figures, the source. */
static void
assert_every_page_framed (const char *pdf,
                          guint       n_pages,
                          const char *as_of,
                          const char *source)
{
  g_auto(GStrv) pages = pages_text (pdf);

  /* The last form feed ends the last page. */
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);
  for (guint i = 1; i <= n_pages; i++)
    {
      const char *text = pages[i - 1];
      g_autofree char *number = g_strdup_printf ("%u / %u", i, n_pages);

      if (strstr (text, number) == NULL || strstr (text, as_of) == NULL ||
          strstr (text, source) == NULL)
        g_error ("Page %u of %s lacks its frame:\n%s", i, pdf, text);
    }
}

/* The contents' entry for @title, and the page it names. */
static guint
contents_page_of (const char *contents,
                  const char *title)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *at = strstr (lines[i], title);
      char *end;

      if (at == NULL)
        continue;
      g_strchomp (lines[i]);
      end = lines[i] + strlen (lines[i]);
      while (end > at && g_ascii_isdigit (end[-1]))
        end--;
      return (guint) g_ascii_strtoull (end, NULL, 10);
    }
  g_error ("No entry “%s” in the contents:\n%s", title, contents);
  return 0;
}

static void
test_all_hubs_en (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *pdf = hubs_test_path (f->dir, "all-en.pdf");
  g_autofree char *cover = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *name; const char *first_kpi; } hubs[] = {
    { "Sapporo & Hokkaido", "Number of startups (cumulative)" },
    { "Fukuoka", NULL },
    { "Okinawa", NULL },
  };
  g_auto(GStrv) pages = NULL;
  guint n, summary;

  hubs_test_demo_fill (f->store, NULL);
  g_assert_true (hubs_report_export (f->store, NULL, pdf, HUBS_LANGUAGE_EN, &error));
  g_assert_no_error (error);

  /* Cover, contents, three pages of national summary, then 13 overviews and 87 KPIs. */
  n = pdf_pages (pdf);
  pages = pages_text (pdf);
  g_assert_cmpuint (n, ==, 2 + 3 + 13 + 87);
  info = pdf_info (pdf);
  g_assert_nonnull (strstr (info, "841.89 x 595.28 pts (A4)"));

  cover = g_strdup (pages[0]);
  g_assert_nonnull (strstr (cover, "KPI Progress Report"));
  g_assert_nonnull (strstr (cover, "All 13 hub cities"));
  g_assert_nonnull (strstr (cover, "Every KPI of these hub cities"));
  g_assert_nonnull (strstr (cover, "As of "));

  contents = g_strdup (pages[1]);
  g_assert_nonnull (strstr (contents, "Contents"));
  summary = contents_page_of (contents, "National Summary");
  g_assert_cmpuint (summary, ==, 3);
  {
    const char *text = pages[summary - 1];

    g_assert_nonnull (strstr (text, "Status by Hub City"));
    g_assert_nonnull (strstr (text, "Sapporo & Hokkaido"));
    g_assert_nonnull (strstr (text, "33% on track (2 of 6 KPIs assessed)"));
    g_assert_nonnull (strstr (text, "Deterioration"));
  }
  {
    const char *text = pages[contents_page_of (contents, "National Totals") - 1];

    /* The startups' baseline: 142 + 67 + 163 + 123 + 138, five of seven hubs. */
    g_assert_nonnull (strstr (text, "National Totals"));
    g_assert_nonnull (strstr (text, "633 companies"));
    g_assert_nonnull (strstr (text, "5 of 7 hubs"));
    g_assert_nonnull (strstr (text, "Kansai (counts from April 2025)"));
  }
  {
    const char *text = pages[contents_page_of (contents, "Comparison of the Hubs") - 1];

    g_assert_nonnull (strstr (text, "Comparison of the Hubs"));
    g_assert_nonnull (strstr (text, "All KPIs"));
  }

  /* Each hub's entry names the page its section starts on. */
  for (guint i = 0; i < G_N_ELEMENTS (hubs); i++)
    {
      guint page = contents_page_of (contents, hubs[i].name);
      g_autofree char *header = g_strdup_printf ("%s | KPI progress report", hubs[i].name);
      const char *text = pages[page - 1];
      const char *before = pages[page - 2];

      g_assert_nonnull (strstr (text, header));
      g_assert_null (strstr (before, header));
      if (hubs[i].first_kpi != NULL)
        {
          const char *next = pages[page];

          g_assert_nonnull (strstr (next, hubs[i].first_kpi));
        }
    }

  assert_every_page_framed (pdf, n, "As of ", "Source:");
  render_pages (pdf, "report-en", 1, 6);
}

static void
test_chosen_hubs_and_kpis (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pdf = hubs_test_path (f->dir, "two.pdf");
  g_autofree char *kpis_pdf = hubs_test_path (f->dir, "kpis.pdf");
  g_autofree char *all = NULL;
  g_autoptr(GError) error = NULL;
  /* Asked for in another order than the database's: the report keeps the database's. */
  const char *hub_ids[] = { "fukuoka", "sapporo", NULL };
  const char *kpi_ids[] = { "sapporo/funding-amount", "sapporo/startups", NULL };
  HubsReportOptions options;
  static const char * const others[] = {
    "Tohoku |", "Greater Tokyo |", "Chubu |", "Kansai |", "Hiroshima |", "Kitakyushu |",
    "Hokuriku |", "Nagano × Niigata |", "Setouchi |", "Kumamoto |", "Okinawa |",
  };
  guint n;

  hubs_report_options_init (&options, HUBS_LANGUAGE_EN);
  options.hub_ids = hub_ids;
  options.portrait = TRUE;
  g_assert_true (hubs_report_export_with_options (f->store, &options, pdf, &error));
  g_assert_no_error (error);

  /* 5 + Sapporo (1 + 8) + Fukuoka (1 + 8), A4 portrait. */
  n = pdf_pages (pdf);
  g_assert_cmpuint (n, ==, 5 + 9 + 9);
  {
    g_autofree char *info = pdf_info (pdf);

    g_assert_nonnull (strstr (info, "595.28 x 841.89 pts (A4)"));
  }
  {
    g_autofree char *cover = page_text (pdf, 1);
    g_autofree char *contents = page_text (pdf, 2);

    g_assert_nonnull (strstr (cover, "Sapporo & Hokkaido, Fukuoka"));
    g_assert_cmpuint (contents_page_of (contents, "Sapporo & Hokkaido"), ==, 6);
    g_assert_cmpuint (contents_page_of (contents, "Fukuoka"), ==, 15);
  }
  /* No section of another hub (the national summary names them all, as it should). */
  {
    g_auto(GStrv) pages = pages_text (pdf);

    for (guint i = 6; i <= n; i++)
      for (guint k = 0; k < G_N_ELEMENTS (others); k++)
        g_assert_null (strstr (pages[i - 1], others[k]));
  }
  assert_every_page_framed (pdf, n, "As of ", "Source:");
  render_pages (pdf, "report-portrait-en", 1, 7);

  /* Two KPIs, without the summary: their hub alone, one page each, in the database's order. */
  options.hub_ids = NULL;
  options.kpi_ids = kpi_ids;
  options.portrait = FALSE;
  options.national_summary = FALSE;
  g_assert_true (hubs_report_export_with_options (f->store, &options, kpis_pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (kpis_pdf), ==, 2 + 1 + 2);
  all = hubs_test_pdf_text (kpis_pdf);
  g_assert_nonnull (strstr (all, "2 KPIs chosen"));
  g_assert_null (strstr (all, "National Summary"));
  g_assert_null (strstr (all, "Funding deals closed by startups (cumulative)\n"));
  {
    g_autofree char *p4 = page_text (kpis_pdf, 4);
    g_autofree char *p5 = page_text (kpis_pdf, 5);

    g_assert_nonnull (strstr (p4, "Number of startups (cumulative)"));
    g_assert_nonnull (strstr (p5, "Funding raised by startups (cumulative)"));
  }
}

static void
test_japanese (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *pdf = hubs_test_path (f->dir, "fukuoka-ja.pdf");
  g_autoptr(GError) error = NULL;
  const char *hub_ids[] = { "fukuoka", NULL };
  HubsReportOptions options;
  guint n;

  hubs_test_demo_fill (f->store, NULL);
  hubs_report_options_init (&options, HUBS_LANGUAGE_JA);
  options.hub_ids = hub_ids;
  g_assert_true (hubs_report_export_with_options (f->store, &options, pdf, &error));
  g_assert_no_error (error);
  n = pdf_pages (pdf);
  g_assert_cmpuint (n, ==, 5 + 9);
  {
    g_autofree char *cover = page_text (pdf, 1);
    g_autofree char *contents = page_text (pdf, 2);
    g_autofree char *totals = page_text (pdf, contents_page_of (contents, "全国合計"));

    g_assert_nonnull (strstr (cover, "KPI進捗レポート"));
    g_assert_nonnull (strstr (cover, "福岡"));
    g_assert_nonnull (strstr (contents, "目次"));
    g_assert_cmpuint (contents_page_of (contents, "福岡"), ==, 6);
    g_assert_nonnull (strstr (totals, "633社"));
  }
  assert_every_page_framed (pdf, n, "時点", "出典");
  render_pages (pdf, "report-ja", 1, 7);
  {
    g_autofree char *portrait = hubs_test_path (f->dir, "fukuoka-ja-portrait.pdf");

    options.portrait = TRUE;
    g_assert_true (hubs_report_export_with_options (f->store, &options, portrait, &error));
    g_assert_no_error (error);
    render_pages (portrait, "report-portrait-ja", 1, 7);
  }
}

/* What cannot be made is refused with a message that names it, and nothing is written. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *pdf = hubs_test_path (f->dir, "old.pdf");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  const char *atlantis[] = { "sapporo", "atlantis", NULL };
  const char *sapporo[] = { "sapporo", NULL };
  const char *other_kpi[] = { "fukuoka/startup-visas", NULL };
  const char *no_kpi[] = { "sapporo/unicorns", NULL };
  HubsReportOptions options;

  g_assert_true (g_file_set_contents (pdf, "old", -1, NULL));
  before = hubs_test_read_bytes (pdf);
  hubs_report_options_init (&options, HUBS_LANGUAGE_EN);

  options.hub_ids = atlantis;
  g_assert_false (hubs_report_export_with_options (f->store, &options, pdf, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "atlantis"));
  g_clear_error (&error);

  options.hub_ids = sapporo;
  options.kpi_ids = other_kpi;
  g_assert_false (hubs_report_export_with_options (f->store, &options, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "fukuoka/startup-visas"));
  g_clear_error (&error);

  options.kpi_ids = no_kpi;
  g_assert_false (hubs_report_export_with_options (f->store, &options, pdf, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  hubs_test_assert_same_bytes (pdf, before);
}

/* The pages a printer gets are the PDF's: drawn one at a time, in any order. */
static void
test_pages_drawn_alone (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsReport) report = NULL;
  HubsReportOptions options;
  double w, h;

  hubs_report_options_init (&options, HUBS_LANGUAGE_EN);
  options.portrait = TRUE;
  report = hubs_report_new (f->store, &options, &error);
  g_assert_no_error (error);
  hubs_report_get_page_size (report, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
  g_assert_cmpuint (hubs_report_get_n_pages (report), ==, 105);

  for (int page = (int) hubs_report_get_n_pages (report); page > 0; page -= 26)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
      cairo_t *cr = cairo_create (surface);
      guint ink = 0;
      const guchar *pixels;
      int stride;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      hubs_report_draw_page (report, cr, page - 1);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < (int) h; y++)
        for (int x = 0; x < (int) w; x++)
          if (((const guint32 *) (pixels + y * stride))[x] != 0xffffff)
            ink++;
      /* Something is printed on it, and not only the frame. */
      g_assert_cmpuint (ink, >, w * h / 200);
      cairo_surface_destroy (surface);
    }
}

/* hubs --export-report with --hub, --kpi, --orientation and --lang, as a person types them. */
static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = hubs_test_path (f->dir, "cli.pdf");
  g_autofree char *bad = hubs_test_path (f->dir, "bad.pdf");
  g_autofree char *db_arg = NULL;
  g_autofree char *pdf_arg = g_strconcat ("--export-report=", pdf, NULL);
  g_autofree char *bad_arg = g_strconcat ("--export-report=", bad, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  /* The fixture's database, closed so the command opens it alone. */
  {
    g_autofree char *path = g_strdup (hubs_store_get_path (f->store));

    g_clear_object (&f->store);
    db_arg = g_strconcat ("--database=", path, NULL);
  }

  {
    const char *argv[] = { g_getenv ("HUBS_BINARY"), db_arg, pdf_arg,
                           "--hub=okinawa, sapporo", "--kpi=okinawa/startups,sapporo/startups",
                           "--orientation=portrait", "--lang=ja", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &err, &status, &error));
    g_assert_no_error (error);
    g_test_message ("%s", err);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *info = pdf_info (pdf);
    g_autofree char *contents = page_text (pdf, 2);
    g_autofree char *sapporo = page_text (pdf, 7);
    g_autofree char *okinawa = page_text (pdf, 9);

    g_assert_nonnull (strstr (info, "595.28 x 841.89 pts (A4)"));
    /* 5 + 札幌 (1 + 1) + 沖縄 (1 + 1), 札幌 first as in the database. */
    g_assert_cmpuint (pdf_pages (pdf), ==, 9);
    g_assert_cmpuint (contents_page_of (contents, "札幌・北海道"), ==, 6);
    g_assert_cmpuint (contents_page_of (contents, "沖縄"), ==, 8);
    g_assert_nonnull (strstr (sapporo, "スタートアップ数（累計）"));
    g_assert_nonnull (strstr (okinawa, "スタートアップ数"));
  }

  /* As of a past moment: every page says so. */
  {
    g_autofree char *past = hubs_test_path (f->dir, "past.pdf");
    g_autofree char *past_arg = g_strconcat ("--export-report=", past, NULL);
    const char *argv[] = { g_getenv ("HUBS_BINARY"), db_arg, past_arg, "--hub=okinawa",
                           "--as-of=2026-05-31", "--lang=en", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &err, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_clear_pointer (&err, g_free);
    assert_every_page_framed (past, pdf_pages (past), "As it stood on 31 May 2026", "Source:");
  }

  /* A mistake says what and where, and writes nothing. */
  {
    const char *argv[] = { g_getenv ("HUBS_BINARY"), db_arg, bad_arg, "--orientation=upright",
                           NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "upright"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { g_getenv ("HUBS_BINARY"), db_arg, bad_arg, "--hub=sapporo",
                           "--kpi=tokyo/unicorns", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "tokyo/unicorns"));
  }
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* The report's Japanese comes from the catalogue built in the build folder. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HUBS_LOCALEDIR") != NULL ? g_getenv ("HUBS_LOCALEDIR")
                                                                       : LOCALEDIR);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, hubs_test_store_set_up, func, hubs_test_store_tear_down)

  ADD ("/hubs/report/all-hubs-en", test_all_hubs_en);
  ADD ("/hubs/report/chosen-hubs-and-kpis", test_chosen_hubs_and_kpis);
  ADD ("/hubs/report/japanese", test_japanese);
  ADD ("/hubs/report/refused", test_refused);
  ADD ("/hubs/report/pages-drawn-alone", test_pages_drawn_alone);
  ADD ("/hubs/report/command-line", test_command_line);

#undef ADD

  return g_test_run ();
}
