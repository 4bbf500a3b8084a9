/* test-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hubs-export.h"
#include "hubs-test-util.h"

typedef struct
{
  char      *dir;
  HubsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = hubs_test_make_dir ();
  path = hubs_test_path (f->dir, "hubs.sqlite3");
  f->store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char **
export_and_parse (Fixture *f,
                  guint   *width,
                  guint   *rows)
{
  g_autofree char *csv_path = hubs_test_path (f->dir, "export.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (hubs_export_csv_to_path (f->store, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  /* No byte-order mark unless asked for. */
  g_assert_false (g_str_has_prefix (text, "\xef\xbb\xbf"));

  return hubs_test_parse_csv (text, width, rows);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(GStrv) cells = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = g_strsplit (HUBS_EXPORT_CSV_HEADER, ",", -1);
  guint width, rows;
  guint n_figures = 0;

  cells = export_and_parse (f, &width, &rows);

  g_assert_cmpuint (width, ==, 15);
  for (guint c = 0; c < width; c++)
    g_assert_cmpstr (cells[c], ==, header[c]);
  g_assert_cmpstr (cells[0], ==, "hub_id");
  g_assert_cmpstr (cells[14], ==, "note");

  kpis = hubs_store_list_kpis (f->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kpis->len; i++)
    {
      g_autoptr(GPtrArray) figures = hubs_store_list_figures (f->store,
                                                              ((HubsKpi *) kpis->pdata[i])->id,
                                                              &error);
      n_figures += figures->len;
    }
  g_assert_cmpuint (rows - 1, ==, n_figures);

  for (guint r = 1; r < rows; r++)
    {
      char **row = cells + r * width;
      g_autoptr(HubsKpi) kpi = hubs_store_get_kpi (f->store, row[3], &error);
      g_autoptr(HubsHub) hub = NULL;
      g_autoptr(HubsFigure) figure = NULL;
      HubsFigureKind kind;
      char *end;
      gint64 year;

      g_assert_no_error (error);
      hub = hubs_store_get_hub (f->store, row[0], &error);
      g_assert_no_error (error);

      g_assert_cmpstr (kpi->hub_id, ==, hub->id);
      g_assert_cmpstr (row[1], ==, hub->name_ja);
      g_assert_cmpstr (row[2], ==, hub->name_en);
      g_assert_cmpstr (row[4], ==, kpi->name_ja);
      g_assert_cmpstr (row[5], ==, kpi->name_en);
      g_assert_cmpstr (row[6], ==, hubs_pillar_to_string (kpi->pillar));
      g_assert_cmpstr (row[7], ==, kpi->unit);
      g_assert_cmpstr (row[8], ==, hubs_aggregation_to_string (kpi->aggregation));
      g_assert_cmpstr (row[9], ==, hubs_direction_to_string (kpi->direction));

      year = g_ascii_strtoll (row[10], &end, 10);
      g_assert_cmpint (*end, ==, '\0');
      g_assert_cmpint (year, >=, 2020);
      g_assert_cmpint (year, <=, 2029);
      g_assert_true (hubs_figure_kind_from_string (row[11], &kind));

      figure = hubs_store_get_figure (f->store, kpi->id, year, kind, &error);
      g_assert_no_error (error);

      if (figure->measured)
        {
          g_assert_cmpstr (row[13], ==, "measured");
          /* A plain number: no grouping, no unit. */
          g_assert_cmpfloat (g_ascii_strtod (row[12], &end), ==, figure->value);
          g_assert_cmpint (*end, ==, '\0');
        }
      else
        {
          g_assert_cmpstr (row[13], ==, "not_measured");
          g_assert_cmpstr (row[12], ==, "");
        }
      g_assert_cmpstr (row[14], ==, figure->note ? figure->note : "");
    }
}

static void
test_funding_amount_plain (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(GStrv) cells = NULL;
  guint width, rows;
  gboolean found = FALSE;

  cells = export_and_parse (f, &width, &rows);

  /* 札幌's 255億円 is written as 255 with unit 億円. */
  for (guint r = 1; r < rows; r++)
    {
      char **row = cells + r * width;

      if (g_str_equal (row[0], "sapporo") && g_str_equal (row[7], "億円") &&
          g_str_equal (row[11], "baseline"))
        {
          g_assert_cmpstr (row[12], ==, "255");
          g_assert_cmpstr (row[10], ==, "2024");
          found = TRUE;
        }
    }

  g_assert_true (found);
}

static void
test_quoting (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cells = NULL;
  const char *note = "速報, 要確認 \"暫定\"\n次回更新";
  guint width, rows;
  gboolean found = FALSE;

  figure->kpi_id = g_strdup ("tokyo/gser-rank");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = 9;
  figure->note = g_strdup (note);
  g_assert_true (hubs_store_set_figure (f->store, figure, &error));
  g_assert_no_error (error);

  cells = export_and_parse (f, &width, &rows);
  for (guint r = 1; r < rows; r++)
    {
      char **row = cells + r * width;

      if (g_str_equal (row[3], "tokyo/gser-rank") && g_str_equal (row[11], "actual"))
        {
          g_assert_cmpstr (row[12], ==, "9");
          g_assert_cmpstr (row[14], ==, note);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "export.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (hubs_export_csv_to_path (f->store, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/export/round-trip", test_round_trip);
  ADD ("/hubs/export/funding-amount-plain", test_funding_amount_plain);
  ADD ("/hubs/export/quoting", test_quoting);
  ADD ("/hubs/export/unwritable", test_unwritable);

#undef ADD

  return g_test_run ();
}
