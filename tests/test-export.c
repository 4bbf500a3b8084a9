/* test-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hubs-export.h"
#include "hubs-test-util.h"

typedef HubsTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  hubs_test_store_set_up (f, data);
}

#define fixture_tear_down hubs_test_store_tear_down

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

  g_assert_cmpuint (width, ==, 24);
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

/* The row of @kpi_id's figure of @year and @kind in the long layout, by column name. */
static GHashTable *
find_long_row (char       **cells,
               guint        width,
               guint        rows,
               const char  *kpi_id,
               const char  *year,
               const char  *kind)
{
  for (guint r = 1; r < rows; r++)
    {
      char **row = cells + r * width;
      GHashTable *by_name;

      if (!g_str_equal (row[3], kpi_id) || !g_str_equal (row[10], year) ||
          !g_str_equal (row[11], kind))
        continue;

      by_name = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint c = 0; c < width; c++)
        g_hash_table_insert (by_name, cells[c], row[c]);
      return by_name;
    }

  g_assert_not_reached ();
}

/* What makes a figure readable is in the columns after the old ones: the qualifier, per
 * year or from zero, the as-of date, the breakdown's parent, the KPI's notes, and the
 * figure's English note and unit as published. */
static void
test_detail_columns (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(GStrv) cells = NULL;
  g_autoptr(GHashTable) okinawa = NULL;
  g_autoptr(GHashTable) gser = NULL;
  g_autoptr(GHashTable) unicorns = NULL;
  g_autoptr(GHashTable) kansai = NULL;
  g_autoptr(GHashTable) breakdown = NULL;
  guint width, rows;

  cells = export_and_parse (f, &width, &rows);
  g_assert_cmpuint (width, ==, 24);
  /* The old columns keep their places. */
  g_assert_cmpstr (cells[14], ==, "note");
  g_assert_cmpstr (cells[15], ==, "qualifier");
  g_assert_cmpstr (cells[21], ==, "kpi_note_en");

  /* Okinawa's baselines are as of 1 January 2025, not the end of FY2024. */
  okinawa = find_long_row (cells, width, rows, "okinawa/funding-amount", "2024", "baseline");
  g_assert_cmpstr (g_hash_table_lookup (okinawa, "value"), ==, "73.7");
  g_assert_cmpstr (g_hash_table_lookup (okinawa, "as_of"), ==, "2025年1月1日時点");
  g_assert_cmpstr (g_hash_table_lookup (okinawa, "qualifier"), ==, "none");

  /* Only the summary's 5位以内, of FY2029, says "or better": a note on that target. */
  gser = find_long_row (cells, width, rows, "tokyo/gser-rank", "2029", "target");
  g_assert_cmpstr (g_hash_table_lookup (gser, "qualifier"), ==, "none");
  g_assert_cmpstr (g_hash_table_lookup (gser, "note"), ==, "５位以内");
  g_assert_cmpstr (g_hash_table_lookup (gser, "note_en"), ==, "5th or better");
  g_assert_cmpstr (g_hash_table_lookup (gser, "as_of"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (gser, "parent_kpi_id"), ==, "");

  /* A figure's own words come last: its English note, and the unit the plan prints it in. */
  g_assert_cmpstr (cells[22], ==, "note_en");
  g_assert_cmpstr (cells[23], ==, "unit_as_published");
  {
    g_autoptr(GHashTable) players = find_long_row (cells, width, rows, "tokyo/ecosystem-players",
                                                   "2024", "baseline");
    g_autoptr(GHashTable) players_target = find_long_row (cells, width, rows,
                                                          "tokyo/ecosystem-players", "2029",
                                                          "target");
    g_autoptr(GHashTable) no_unit = find_long_row (cells, width, rows,
                                                   "hiroshima/overseas-expansion-support",
                                                   "2029", "target");

    g_assert_cmpstr (g_hash_table_lookup (players, "unit"), ==, "名");
    g_assert_cmpstr (g_hash_table_lookup (players, "unit_as_published"), ==, "件");
    g_assert_cmpstr (g_hash_table_lookup (players_target, "unit_as_published"), ==, "");
    g_assert_cmpstr (g_hash_table_lookup (no_unit, "unit_as_published"), ==, "none");
  }

  unicorns = find_long_row (cells, width, rows, "tokyo/unicorns", "2029", "target");
  g_assert_cmpstr (g_hash_table_lookup (unicorns, "per_year"), ==, "yes");
  g_assert_cmpstr (g_hash_table_lookup (unicorns, "path_from_zero"), ==, "no");

  kansai = find_long_row (cells, width, rows, "kansai/startups", "2029", "target");
  g_assert_cmpstr (g_hash_table_lookup (kansai, "path_from_zero"), ==, "yes");
  g_assert_cmpstr (g_hash_table_lookup (kansai, "per_year"), ==, "no");

  breakdown = find_long_row (cells, width, rows, "tokyo/collaborations-public-private", "2029",
                             "target");
  g_assert_cmpstr (g_hash_table_lookup (breakdown, "parent_kpi_id"), ==,
                   "tokyo/collaborations");
}

/* The wide template carries the same columns after the fiscal years. */
static void
test_detail_columns_wide (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *csv_path = hubs_test_path (f->dir, "wide.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) cells = NULL;
  guint width, rows;
  int as_of = -1, qualifier = -1, parent = -1, fy2024 = -1;
  gboolean saw_okinawa = FALSE, saw_breakdown = FALSE;

  g_assert_true (hubs_export_csv_to_path_full (f->store, csv_path, HUBS_EXPORT_LAYOUT_WIDE,
                                               HUBS_EXPORT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  cells = hubs_test_parse_csv (text, &width, &rows);

  for (guint c = 0; c < width; c++)
    {
      if (g_str_equal (cells[c], "as_of"))
        as_of = c;
      else if (g_str_equal (cells[c], "qualifier"))
        qualifier = c;
      else if (g_str_equal (cells[c], "parent_kpi_id"))
        parent = c;
      else if (g_str_equal (cells[c], "FY2024"))
        fy2024 = c;
    }
  g_assert_cmpint (fy2024, >, 7);
  g_assert_cmpint (qualifier, >, fy2024);
  g_assert_cmpint (as_of, >, qualifier);
  g_assert_cmpint (parent, >, as_of);

  for (guint r = 1; r < rows; r++)
    {
      char **row = cells + r * width;

      if (g_str_equal (row[3], "okinawa/funding-amount") && g_str_equal (row[7], "baseline"))
        {
          g_assert_cmpstr (row[fy2024], ==, "73.7");
          g_assert_cmpstr (row[as_of], ==, "2025年1月1日時点");
          saw_okinawa = TRUE;
        }
      if (g_str_equal (row[3], "tokyo/collaborations-public-private"))
        {
          g_assert_cmpstr (row[parent], ==, "tokyo/collaborations");
          saw_breakdown = TRUE;
        }
      if (g_str_equal (row[3], "nagano-niigata/niigata-oi-event-attendance"))
        g_assert_cmpstr (row[qualifier], ==, "at-least");
    }
  g_assert_true (saw_okinawa);
  g_assert_true (saw_breakdown);
}

/* The figures of the shipped plan, as its text writes them: "kpi id\nyear\nkind" → "73.7".
 * Only plain numbers: the plan's worded targets ("５位以内") are read by the plan loader. */
static GHashTable *
load_plan_values (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "hubs-plan.ini",
                                                 NULL);
  g_autoptr(GKeyFile) plan = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_key_file_load_from_file (plan, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  groups = g_key_file_get_groups (plan, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *kpi_id = groups[i] + strlen ("kpi ");
      const struct { const char *key; const char *kind; int year; } keys[] = {
        { "baseline", "baseline", 0 },
        { "target-2027", "target", 2027 },
        { "target-2029", "target", 2029 },
      };

      if (!g_str_has_prefix (groups[i], "kpi "))
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *text = g_key_file_get_value (plan, groups[i], keys[k].key, NULL);
          int year = keys[k].year;
          char *end;

          if (text == NULL || *text == '\0')
            continue;
          g_ascii_strtod (text, &end);
          if (*end != '\0')
            continue;

          if (year == 0)
            {
              g_autofree char *year_text = g_key_file_get_value (plan, groups[i],
                                                                 "baseline-year", NULL);

              year = year_text != NULL ? atoi (year_text) : 2024;
            }

          g_hash_table_insert (values,
                               g_strdup_printf ("%s\n%d\n%s", kpi_id, year, keys[k].kind),
                               g_steal_pointer (&text));
        }
    }

  return values;
}

/* Every value of the seeded plan leaves in the long and the wide layout as the plan writes
 * it: 73.7, not 73.700000000000003. */
static void
test_plan_values_exact (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) expected = load_plan_values ();
  g_autofree char *wide_path = hubs_test_path (f->dir, "wide.csv");
  g_autofree char *wide_text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cells = NULL;
  g_auto(GStrv) wide = NULL;
  guint width, rows;
  guint n_long = 0, n_wide = 0;
  gboolean seen_73_7 = FALSE;

  g_assert_cmpuint (g_hash_table_size (expected), >, 200);

  cells = export_and_parse (f, &width, &rows);
  for (guint r = 1; r < rows; r++)
    {
      char **row = cells + r * width;
      g_autofree char *key = g_strdup_printf ("%s\n%s\n%s", row[3], row[10], row[11]);
      const char *text = g_hash_table_lookup (expected, key);

      if (text == NULL)
        continue;
      g_assert_cmpstr (row[12], ==, text);
      seen_73_7 = seen_73_7 || g_str_equal (row[12], "73.7");
      n_long++;
    }
  g_assert_cmpuint (n_long, ==, g_hash_table_size (expected));
  g_assert_true (seen_73_7);

  g_assert_true (hubs_export_csv_to_path_full (f->store, wide_path, HUBS_EXPORT_LAYOUT_WIDE,
                                               HUBS_EXPORT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (wide_path, &wide_text, NULL, NULL));
  wide = hubs_test_parse_csv (wide_text, &width, &rows);
  g_assert_cmpstr (wide[7], ==, "kind");
  for (guint r = 1; r < rows; r++)
    {
      char **row = wide + r * width;

      for (guint c = 8; c < width; c++)
        {
          g_autofree char *key = g_strdup_printf ("%s\n%s\n%s", row[3], wide[c] + 2, row[7]);
          const char *text = g_hash_table_lookup (expected, key);

          if (text == NULL)
            continue;
          g_assert_cmpstr (row[c], ==, text);
          n_wide++;
        }
    }
  g_assert_cmpuint (n_wide, ==, g_hash_table_size (expected));
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

/* A note or name that a spreadsheet would run as a formula leaves with a leading ', while a
 * negative value stays a number. */
static void
test_formula_injection (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(HubsKpi) kpi = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cells = NULL;
  guint width, rows;
  gboolean found = FALSE;

  figure->kpi_id = g_strdup ("sapporo/startups");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = -5;
  figure->note = g_strdup ("=cmd|' /C calc'!A0");
  g_assert_true (hubs_store_set_figure (f->store, figure, &error));
  g_assert_no_error (error);

  kpi = hubs_store_get_kpi (f->store, "sapporo/startups", &error);
  g_assert_no_error (error);
  g_free (kpi->name_en);
  kpi->name_en = g_strdup ("@SUM(A1)");
  g_assert_true (hubs_store_save_kpi (f->store, kpi, &error));
  g_assert_no_error (error);

  cells = export_and_parse (f, &width, &rows);
  for (guint r = 1; r < rows; r++)
    {
      char **row = cells + r * width;

      if (!g_str_equal (row[3], "sapporo/startups"))
        continue;
      g_assert_cmpstr (row[5], ==, "'@SUM(A1)");
      if (g_str_equal (row[11], "actual"))
        {
          g_assert_cmpstr (row[12], ==, "-5");
          g_assert_cmpstr (row[14], ==, "'=cmd|' /C calc'!A0");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static gpointer
read_fifo_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (data, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static char *
export_text (HubsStore *store)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_export_csv (store, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* A FIFO is written as it is, not replaced by a plain file. */
static void
test_to_fifo (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *fifo = hubs_test_path (f->dir, "export.fifo");
  g_autofree char *expected = export_text (f->store);
  g_autofree char *received = NULL;
  g_autoptr(GError) error = NULL;
  GThread *reader;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("fifo-reader", read_fifo_thread, fifo);

  g_assert_true (hubs_export_csv_to_path (f->store, fifo, &error));
  g_assert_no_error (error);
  received = g_thread_join (reader);

  g_assert_cmpstr (received, ==, expected);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

/* A character device such as /dev/null stays one. The test makes its own null device in its
 * folder, so that a broken build cannot replace the machine's /dev/null. */
static void
test_to_null_device (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *null = hubs_test_path (f->dir, "null");
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (mknod (null, S_IFCHR | 0666, makedev (1, 3)) != 0)
    {
      g_test_skip ("Making a character device needs root");
      return;
    }

  g_assert_true (hubs_export_csv_to_path (f->store, null, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (null, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 3));
}

/* A symbolic link stays a link; the file it points to gets the export. */
static void
test_to_symlink (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sub = hubs_test_path (f->dir, "real");
  g_autofree char *target = g_build_filename (sub, "figures.csv", NULL);
  g_autofree char *link = hubs_test_path (f->dir, "latest.csv");
  g_autofree char *dangling = hubs_test_path (f->dir, "dangling.csv");
  g_autofree char *dangling_target = hubs_test_path (f->dir, "new.csv");
  g_autofree char *expected = export_text (f->store);
  g_autofree char *text = NULL;
  g_autofree char *points_to = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("real/figures.csv", link), ==, 0);

  g_assert_true (hubs_export_csv_to_path (f->store, link, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  points_to = g_file_read_link (link, NULL);
  g_assert_cmpstr (points_to, ==, "real/figures.csv");
  g_assert_true (g_file_get_contents (target, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);

  /* A link to a file not there yet creates the file. */
  g_assert_cmpint (symlink ("new.csv", dangling), ==, 0);
  g_assert_true (hubs_export_csv_to_path (f->store, dangling, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_test (dangling_target, G_FILE_TEST_IS_REGULAR));
}

/* A folder is refused, and the message names it. */
static void
test_to_folder (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (hubs_export_csv_to_path (f->store, f->dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, f->dir));
  g_assert_true (g_file_test (f->dir, G_FILE_TEST_IS_DIR));
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
  ADD ("/hubs/export/detail-columns", test_detail_columns);
  ADD ("/hubs/export/detail-columns-wide", test_detail_columns_wide);
  ADD ("/hubs/export/plan-values-exact", test_plan_values_exact);
  ADD ("/hubs/export/quoting", test_quoting);
  ADD ("/hubs/export/formula-injection", test_formula_injection);
  ADD ("/hubs/export/unwritable", test_unwritable);
  ADD ("/hubs/export/to-fifo", test_to_fifo);
  ADD ("/hubs/export/to-null-device", test_to_null_device);
  ADD ("/hubs/export/to-symlink", test_to_symlink);
  ADD ("/hubs/export/to-folder", test_to_folder);

#undef ADD

  return g_test_run ();
}
