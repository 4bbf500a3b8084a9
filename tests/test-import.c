/* test-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures in from spreadsheets: both layouts, the encodings Japanese Excel writes, every
 * error placed by line and column, and all or nothing on disk.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "hubs-backup.h"
#include "hubs-export.h"
#include "hubs-import.h"
#include "hubs-test-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  HubsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = hubs_test_make_dir ();
  f->path = hubs_test_path (f->dir, "hubs.sqlite3");
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static HubsImportPlan *
plan_for_text (Fixture    *f,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  HubsImportPlan *plan = hubs_import_plan_new (f->store, text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static void
assert_no_problems (HubsImportPlan *plan)
{
  GPtrArray *problems = hubs_import_plan_get_problems (plan);

  for (guint i = 0; i < problems->len; i++)
    {
      const HubsCsvProblem *p = g_ptr_array_index (problems, i);

      g_test_message ("%u:%u: %s", p->line, p->column, p->message);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (hubs_import_plan_has_problems (plan));
}

/* Checks the problems are exactly at @places, given as "LINE:COLUMN" strings. */
static void
assert_problems_at (HubsImportPlan     *plan,
                    const char * const *places)
{
  GPtrArray *problems = hubs_import_plan_get_problems (plan);
  guint n = g_strv_length ((char **) places);

  for (guint i = 0; i < problems->len; i++)
    {
      const HubsCsvProblem *p = g_ptr_array_index (problems, i);

      g_test_message ("%u:%u: %s", p->line, p->column, p->message);
    }

  g_assert_cmpuint (problems->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const HubsCsvProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *place = g_strdup_printf ("%u:%u", p->line, p->column);

      g_assert_cmpstr (place, ==, places[i]);
      g_assert_cmpstr (p->message, !=, "");
    }
}

static HubsFigure *
get_figure (Fixture        *f,
            const char     *kpi_id,
            int             year,
            HubsFigureKind  kind)
{
  return hubs_store_get_figure (f->store, kpi_id, year, kind, NULL);
}

static guint
count_figures (HubsStore *store)
{
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, NULL, NULL);
  guint n = 0;

  for (guint i = 0; i < kpis->len; i++)
    {
      g_autoptr(GPtrArray) figures =
        hubs_store_list_figures (store, ((HubsKpi *) kpis->pdata[i])->id, NULL);

      n += figures->len;
    }

  return n;
}

static guint
count_backups (Fixture *f)
{
  g_autoptr(GPtrArray) list = hubs_backup_list (f->path, NULL);

  return list->len;
}

static void
test_wide_by_id (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(HubsFigure) startups = NULL;
  g_autoptr(HubsFigure) startups_2026 = NULL;
  g_autoptr(HubsFigure) amount = NULL;
  g_autoptr(HubsFigure) amount_2026 = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  const char * const *ignored;
  const HubsImportChange *change;
  guint n_applied = 0;

  plan = plan_for_text (f,
                        "hub_id,kpi_id,kind,FY2025,2026,2027年度,memo\r\n"
                        "sapporo,sapporo/startups,actual,150,\"1,234\",,checked by Sato\r\n"
                        "sapporo,sapporo/funding-amount,,255億円,未計測,,\r\n");
  assert_no_problems (plan);
  g_assert_cmpint (hubs_import_plan_get_layout (plan), ==, HUBS_IMPORT_LAYOUT_WIDE);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_NEW), ==, 4);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_CHANGED), ==, 0);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_UNCHANGED), ==, 0);

  ignored = hubs_import_plan_get_ignored_columns (plan);
  g_assert_cmpstr (ignored[0], ==, "memo");
  g_assert_null (ignored[1]);

  /* Each figure knows where it came from. */
  change = g_ptr_array_index (hubs_import_plan_get_changes (plan), 1);
  g_assert_cmpuint (change->line, ==, 2);
  g_assert_cmpuint (change->column, ==, 5);
  g_assert_cmpfloat (change->figure->value, ==, 1234);
  g_assert_cmpint (change->figure->fiscal_year, ==, 2026);

  /* Nothing is written until the plan is applied. */
  g_assert_null (get_figure (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL));

  g_assert_true (hubs_import_plan_apply (plan, f->store, &backup, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, 4);

  startups = get_figure (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (startups->value, ==, 150);
  g_assert_true (startups->measured);
  startups_2026 = get_figure (f, "sapporo/startups", 2026, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (startups_2026->value, ==, 1234);
  amount = get_figure (f, "sapporo/funding-amount", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (amount->value, ==, 255);
  amount_2026 = get_figure (f, "sapporo/funding-amount", 2026, HUBS_FIGURE_ACTUAL);
  g_assert_false (amount_2026->measured);

  /* The history has each new value, and the snapshot taken before holds none of them. */
  history = hubs_store_list_history (f->store, "sapporo/startups", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 2);
  g_assert_nonnull (backup);
  g_assert_cmpuint (count_backups (f), ==, 1);
  {
    g_autoptr(HubsStore) before = hubs_store_open (backup, HUBS_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_null (hubs_store_get_figure (before, "sapporo/startups", 2025,
                                          HUBS_FIGURE_ACTUAL, NULL));
  }
}

static void
test_wide_by_name (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HubsImportPlan) plan = NULL;
  GPtrArray *changes;

  /* Names as people type them: full-width digits, no 圏, English with other case. */
  plan = plan_for_text (f,
                        "拠点都市,KPI名,種別,2025年度,2027年度\n"
                        "札幌・北海道,スタートアップ数（累計）,目標値,,225\n"
                        "東京,GSER,実績値,９,\n"
                        ",,,,\n"
                        "hub_name_en,kpi_name_en,kind,FY2025,FY2027\n");
  /* The last line is a second header by mistake: its hub is unknown. */
  assert_problems_at (plan, (const char * const[]) { "5:1", NULL });

  g_clear_pointer (&plan, hubs_import_plan_free);
  plan = plan_for_text (f,
                        "hub_name_en,kpi_name_en,kind,FY2025,FY2027\n"
                        "sapporo & hokkaido,Number of startups (cumulative),target,,225\n"
                        "Greater Tokyo,Global Startup Ecosystem Report (GSER) ranking,,9位,\n");
  assert_no_problems (plan);
  /* Only what is new or changed is listed; the unchanged target is counted. */
  changes = hubs_import_plan_get_changes (plan);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_UNCHANGED), ==, 1);
  g_assert_cmpstr (((HubsImportChange *) changes->pdata[0])->kpi->id, ==, "tokyo/gser-rank");
  g_assert_cmpint (((HubsImportChange *) changes->pdata[0])->kind, ==, HUBS_IMPORT_NEW);
  g_assert_false (((HubsImportChange *) changes->pdata[0])->changes_plan);
  g_assert_cmpfloat (((HubsImportChange *) changes->pdata[0])->figure->value, ==, 9);
}

static void
test_long_layout (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(HubsFigure) after = NULL;
  g_autoptr(HubsFigure) measured = NULL;
  g_autoptr(GError) error = NULL;
  const HubsImportChange *change;

  figure->kpi_id = g_strdup ("tokyo/gser-rank");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->value = 9;
  figure->measured = TRUE;
  figure->confirmed = TRUE;
  figure->source = g_strdup ("Startup Genome");
  g_assert_true (hubs_store_set_figure (f->store, figure, &error));

  plan = plan_for_text (f,
                        HUBS_EXPORT_CSV_HEADER "\r\n"
                        "tokyo,東京圏,Greater Tokyo,tokyo/gser-rank,GSER,GSER,overall,位,stock,"
                        "lower,2025,actual,8,measured,\"速報値\r\nGSER 2025\"\r\n"
                        "tokyo,,,tokyo/gser-rank,,,,,,,FY2026,actual,,not_measured,\r\n");
  assert_no_problems (plan);
  g_assert_cmpint (hubs_import_plan_get_layout (plan), ==, HUBS_IMPORT_LAYOUT_LONG);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_CHANGED), ==, 1);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_NEW), ==, 1);
  g_assert_null (hubs_import_plan_get_ignored_columns (plan)[0]);

  change = g_ptr_array_index (hubs_import_plan_get_changes (plan), 0);
  g_assert_cmpfloat (change->old->value, ==, 9);
  g_assert_cmpuint (change->column, ==, 13);

  g_assert_true (hubs_import_plan_apply (plan, f->store, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The value and note change; what the file does not say is kept. */
  after = get_figure (f, "tokyo/gser-rank", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (after->value, ==, 8);
  g_assert_cmpstr (after->note, ==, "速報値\nGSER 2025");
  g_assert_true (after->confirmed);
  g_assert_cmpstr (after->source, ==, "Startup Genome");
  measured = get_figure (f, "tokyo/gser-rank", 2026, HUBS_FIGURE_ACTUAL);
  g_assert_false (measured->measured);
}

static const char wide_ja[] =
  "拠点都市,KPI名,2025年度,2026年度\r\n"
  "札幌・北海道,スタートアップ数（累計）,\"1,234社\",１５０\r\n"
  "関西圏,\"ユニコーン\"\"候補\"\"\",1,\r\n";

static void
test_utf8_bom (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = g_strconcat (HUBS_CSV_UTF8_BOM,
                                       "hub_id,kpi_id,FY2025\r\n"
                                       "sapporo,sapporo/startups,160\r\n", NULL);
  g_autoptr(HubsImportPlan) plan = plan_for_text (f, text);

  assert_no_problems (plan);
  g_assert_cmpint (hubs_import_plan_get_encoding (plan), ==, HUBS_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_NEW), ==, 1);
}

static void
test_cp932 (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sjis = NULL;
  g_autofree char *file = hubs_test_path (f->dir, "sheet.csv");
  g_autoptr(HubsImportPlan) plan = NULL;
  gsize len;

  /* The first two rows are fine; the third names a KPI Kansai does not have. */
  sjis = g_convert (wide_ja, -1, "CP932", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file, sjis, len, &error));

  plan = hubs_import_plan_new_for_path (f->store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hubs_import_plan_get_encoding (plan), ==, HUBS_CSV_ENCODING_CP932);
  assert_problems_at (plan, (const char * const[]) { "3:2", NULL });
  g_assert_nonnull (strstr (((HubsCsvProblem *) hubs_import_plan_get_problems (plan)->pdata[0])
                              ->message, "ユニコーン\"候補\""));
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_NEW), ==, 2);
  g_assert_cmpfloat (((HubsImportChange *) hubs_import_plan_get_changes (plan)->pdata[0])
                       ->figure->value, ==, 1234);
  g_assert_cmpfloat (((HubsImportChange *) hubs_import_plan_get_changes (plan)->pdata[1])
                       ->figure->value, ==, 150);
}

static void
test_errors_have_line_and_column (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(HubsImportPlan) plan = NULL;

  plan = plan_for_text (f,
                        "hub_id,kpi_id,kind,unit,FY2025,FY2026\n"
                        /* 2: unknown KPI in column 2 */
                        "sapporo,sapporo/nope,actual,,1,2\n"
                        /* 3: not a number in column 6 */
                        "sapporo,sapporo/startups,actual,,1,abc\n"
                        /* 4: not a kind in column 3 */
                        "sapporo,sapporo/startups,forecast,,1,\n"
                        /* 5: a note with a line break pushes the next record to line 7 */
                        "sapporo,sapporo/innovations,actual,,\"3\n\",4\n"
                        /* 7: the KPI is Tokyo's, not Sapporo's */
                        "sapporo,tokyo/gser-rank,actual,,9,\n"
                        /* 8: the wrong unit for 億円 */
                        "sapporo,sapporo/funding-amount,actual,万円,1,\n"
                        /* 9: a figure given twice (line 3 already gave FY2025) */
                        "sapporo,sapporo/startups,,,5,\n"
                        /* 10: a stray quote (which also makes the value no number) and a cell
                         * beyond the header */
                        "sapporo,sapporo/role-model-encounters,actual,,1\"0,,x\n");
  assert_problems_at (plan, (const char * const[]) {
                        "2:2", "3:6", "4:3", "7:1", "8:4", "9:5", "10:5", "10:5", "10:7",
                        NULL });
  g_assert_cmpint (hubs_import_plan_get_layout (plan), ==, HUBS_IMPORT_LAYOUT_WIDE);
}

static void
test_header_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HubsImportPlan) no_years = plan_for_text (f, "hub_id,kpi_id,memo\nsapporo,x,1\n");
  g_autoptr(HubsImportPlan) no_ids = plan_for_text (f, "hub_id,FY2025\nsapporo,1\n");
  g_autoptr(HubsImportPlan) twice = plan_for_text (f, "kpi_id,FY2025,2025年度,kpi_id\n");
  g_autoptr(HubsImportPlan) empty = plan_for_text (f, "");
  g_autoptr(HubsImportPlan) blank = plan_for_text (f, "\r\n,,\r\n");

  assert_problems_at (no_years, (const char * const[]) { "1:1", NULL });
  g_assert_cmpint (hubs_import_plan_get_layout (no_years), ==, HUBS_IMPORT_LAYOUT_UNKNOWN);
  assert_problems_at (no_ids, (const char * const[]) { "1:1", NULL });
  assert_problems_at (twice, (const char * const[]) { "1:3", "1:4", NULL });
  assert_problems_at (empty, (const char * const[]) { "1:1", NULL });
  assert_problems_at (blank, (const char * const[]) { "1:1", NULL });
}

static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  GString *text = g_string_new ("hub_id,kpi_id,FY2025\r\n");
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backups_dir = hubs_backup_get_dir (f->path);
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, NULL, NULL);
  guint n_before = count_figures (f->store);
  guint n_applied = 99;

  /* A valid figure for every KPI, then one bad row at the very end. */
  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);

      g_string_append_printf (text, "%s,%s,%u\r\n", kpi->hub_id, kpi->id, i + 1);
    }
  g_string_append (text, "okinawa,okinawa/startups,twelve\r\n");

  g_clear_object (&f->store);
  before = hubs_test_read_bytes (f->path);
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  plan = plan_for_text (f, text->str);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_NEW), ==, kpis->len);
  g_assert_true (hubs_import_plan_has_problems (plan));
  g_assert_cmpuint (((HubsCsvProblem *) hubs_import_plan_get_problems (plan)->pdata[0])->line,
                    ==, kpis->len + 2);

  g_assert_false (hubs_import_plan_apply (plan, f->store, &backup, &n_applied, &error));
  g_assert_error (error, HUBS_IMPORT_ERROR, HUBS_IMPORT_ERROR_INVALID);
  g_assert_null (backup);
  g_assert_cmpuint (n_applied, ==, 0);
  g_assert_cmpuint (count_figures (f->store), ==, n_before);

  /* Not a byte changed, and not even a snapshot was taken. */
  g_clear_object (&f->store);
  hubs_test_assert_same_bytes (f->path, before);
  g_assert_false (g_file_test (backups_dir, G_FILE_TEST_EXISTS));
  g_string_free (text, TRUE);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  before = hubs_test_read_bytes (f->path);
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  plan = plan_for_text (f, "kpi_id,FY2025\nsapporo/startups,150\n");
  assert_no_problems (plan);
  g_assert_false (hubs_import_plan_apply (plan, f->store, NULL, NULL, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, f->path));

  g_clear_object (&f->store);

  /* A read-only connection leaves an empty -wal behind; the database is as it was. */
  g_assert_true (g_bytes_equal (before, hubs_test_read_bytes (f->path)));
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autoptr(GBytes) wal_bytes = NULL;

    if (g_file_test (wal, G_FILE_TEST_EXISTS))
      {
        wal_bytes = hubs_test_read_bytes (wal);
        g_assert_cmpuint (g_bytes_get_size (wal_bytes), ==, 0);
      }
  }
  g_assert_cmpuint (count_backups (f), ==, 0);
}

static char *
export_text (HubsStore        *store,
             HubsExportLayout  layout,
             HubsExportFlags   flags)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_export_csv_full (store, stream, layout, flags, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
add_actuals (Fixture *f)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  g_autoptr(GError) error = NULL;
  const char *kpis[] = { "sapporo/startups", "tokyo/gser-rank", "sapporo/funding-amount" };
  const double values[] = { 151, 9, 73.7 };

  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      HubsFigure *figure = hubs_figure_new ();

      figure->kpi_id = g_strdup (kpis[i]);
      figure->fiscal_year = 2025;
      figure->kind = HUBS_FIGURE_ACTUAL;
      figure->value = values[i];
      figure->measured = i != 1;
      figure->note = g_strdup (i == 0 ? "note, with \"quotes\"" : NULL);
      g_ptr_array_add (figures, figure);
    }

  g_assert_true (hubs_store_apply_figures (f->store, figures, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_round_trip (Fixture          *f,
                   HubsExportLayout  layout,
                   HubsExportFlags   flags)
{
  g_autofree char *text = export_text (f->store, layout, flags);
  g_autoptr(HubsImportPlan) plan = plan_for_text (f, text);

  assert_no_problems (plan);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_NEW), ==, 0);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_CHANGED), ==, 0);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_UNCHANGED), ==,
                    count_figures (f->store));
  g_assert_null (hubs_import_plan_get_ignored_columns (plan)[0]);
}

static void
test_round_trip_wide (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = NULL;

  add_actuals (f);
  assert_round_trip (f, HUBS_EXPORT_LAYOUT_WIDE, HUBS_EXPORT_FLAGS_NONE);
  assert_round_trip (f, HUBS_EXPORT_LAYOUT_WIDE, HUBS_EXPORT_FLAGS_BOM);

  text = export_text (f->store, HUBS_EXPORT_LAYOUT_WIDE, HUBS_EXPORT_FLAGS_BOM);
  /* The plan's whole period, and earlier years where a baseline is older (FY2023). */
  g_assert_true (g_str_has_prefix (text, HUBS_CSV_UTF8_BOM HUBS_EXPORT_CSV_WIDE_HEADER
                                   ",FY2023,FY2024,FY2025,FY2026,FY2027,FY2028,FY2029,"
                                   HUBS_EXPORT_CSV_DETAIL_HEADER "\r\n"));
  g_assert_nonnull (strstr (text, ",tokyo/gser-rank,GSER,"));
  g_assert_nonnull (strstr (text, ",位,actual,,,not_measured,,,,,none,no,no,,,"));
}

static void
test_round_trip_long (Fixture       *f,
                      gconstpointer  data)
{
  add_actuals (f);
  assert_round_trip (f, HUBS_EXPORT_LAYOUT_LONG, HUBS_EXPORT_FLAGS_NONE);
  assert_round_trip (f, HUBS_EXPORT_LAYOUT_LONG, HUBS_EXPORT_FLAGS_BOM);
}

/* Notes the export defused (=, +, -, @, tab) read back as they were typed, in both
 * layouts; a name the export defused still finds its KPI. */
static void
test_round_trip_formulas (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  g_autoptr(HubsKpi) kpi = NULL;
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *notes[] = {
    "=cmd|' /C calc'!A0", "+1", "-x", "@SUM(A1)", "\tTab", "'=quoted",
  };

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      HubsFigure *figure = hubs_figure_new ();

      figure->kpi_id = g_strdup ("sapporo/startups");
      figure->fiscal_year = 2023 + i;
      figure->kind = HUBS_FIGURE_ACTUAL;
      figure->value = -1.0 - i;
      figure->measured = TRUE;
      figure->note = g_strdup (notes[i]);
      g_ptr_array_add (figures, figure);
    }
  g_assert_true (hubs_store_apply_figures (f->store, figures, NULL, &error));
  g_assert_no_error (error);

  kpi = hubs_store_get_kpi (f->store, "sapporo/startups", &error);
  g_assert_no_error (error);
  g_free (kpi->name_en);
  kpi->name_en = g_strdup ("=Startups");
  g_assert_true (hubs_store_save_kpi (f->store, kpi, &error));
  g_assert_no_error (error);

  assert_round_trip (f, HUBS_EXPORT_LAYOUT_LONG, HUBS_EXPORT_FLAGS_NONE);
  assert_round_trip (f, HUBS_EXPORT_LAYOUT_WIDE, HUBS_EXPORT_FLAGS_NONE);

  plan = plan_for_text (f, "hub_name_en,kpi_name_en,FY2025\nSapporo & Hokkaido,'=Startups,-3\n");
  assert_no_problems (plan);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_UNCHANGED), ==, 1);
}

typedef struct
{
  const char *path;
  const char *text;
} FifoWrite;

static gpointer
write_fifo_thread (gpointer data)
{
  FifoWrite *w = data;
  FILE *out = fopen (w->path, "w");

  g_assert_nonnull (out);
  fputs (w->text, out);
  fclose (out);

  return NULL;
}

/* A FIFO (or a pipe, or standard input) cannot be mapped into memory: it is read as a
 * stream. */
static void
test_from_fifo (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *fifo = hubs_test_path (f->dir, "figures.fifo");
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  FifoWrite w = { fifo, "kpi_id,FY2025\nsapporo/startups,150\n" };
  GThread *writer;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  writer = g_thread_new ("fifo-writer", write_fifo_thread, &w);
  plan = hubs_import_plan_new_for_path (f->store, fifo, &error);
  g_thread_join (writer);

  g_assert_no_error (error);
  assert_no_problems (plan);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_NEW), ==, 1);
}

/* hubs --database=DATABASE and the other arguments, then %NULL. */
static void
run_hubs (HubsTestRun *run,
          const char  *database,
          const char  *first_arg,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  va_list ap;

  g_ptr_array_add (args, g_strconcat ("--database=", database, NULL));
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  hubs_test_run_hubs_argv (run, (const char * const *) args->pdata);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
}

/* The marks Japanese sheets use for "no data" are no figure, not an error. */
static void
test_no_data_marks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HubsImportPlan) wide = NULL;
  g_autoptr(HubsImportPlan) long_layout = NULL;
  g_autoptr(HubsImportPlan) negative = NULL;
  const HubsImportChange *change;

  wide = plan_for_text (f,
                        "hub_id,kpi_id,FY2025,FY2026,FY2027,FY2028,FY2029\n"
                        "sapporo,sapporo/startups,-,―,－,—,160\n"
                        "sapporo,sapporo/funding-amount, - ,　－　,,,\n");
  assert_no_problems (wide);
  g_assert_cmpuint (hubs_import_plan_get_changes (wide)->len, ==, 1);
  change = g_ptr_array_index (hubs_import_plan_get_changes (wide), 0);
  g_assert_cmpint (change->figure->fiscal_year, ==, 2029);
  g_assert_cmpfloat (change->figure->value, ==, 160);

  long_layout = plan_for_text (f,
                               "kpi_id,fiscal_year,kind,value\n"
                               "sapporo/startups,2025,actual,―\n"
                               "sapporo/startups,2026,actual,—\n"
                               "sapporo/startups,2027,actual,-\n");
  assert_no_problems (long_layout);
  g_assert_cmpuint (hubs_import_plan_get_changes (long_layout)->len, ==, 0);

  /* A minus sign before a number is not the mark. */
  negative = plan_for_text (f, "kpi_id,FY2025\nsapporo/startups,-x\n");
  assert_problems_at (negative, (const char * const[]) { "2:2", NULL });
}

/* A share of 1,234% stops the file like an unreadable number; 12,856 startup visas against a
 * plan of about 160 are imported, but said, in the plan and on the command line. */
static void
test_plausibility (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HubsImportPlan) impossible = NULL;
  g_autoptr(HubsImportPlan) unlikely = NULL;
  g_autofree char *csv = hubs_test_path (f->dir, "visas.csv");
  g_autofree char *arg = g_strconcat ("--import-csv=", csv, NULL);
  g_autoptr(HubsFigure) figure = NULL;
  const HubsImportChange *change;
  g_auto(HubsTestRun) run = { 0 };

  impossible = plan_for_text (f, "kpi_id,FY2025\nsapporo/global-business-share,1234\n");
  assert_problems_at (impossible, (const char * const[]) { "2:2", NULL });
  g_test_message ("refused: %s",
                  ((HubsCsvProblem *) hubs_import_plan_get_problems (impossible)->pdata[0])->message);

  unlikely = plan_for_text (f, "kpi_id,FY2025,FY2026\nfukuoka/startup-visas,12856,170\n");
  assert_no_problems (unlikely);
  g_assert_cmpuint (hubs_import_plan_count_warnings (unlikely), ==, 1);
  change = g_ptr_array_index (hubs_import_plan_get_changes (unlikely), 0);
  g_assert_cmpint (change->figure->fiscal_year, ==, 2025);
  g_assert_nonnull (change->warning);
  g_assert_nonnull (strstr (change->warning, "12,856"));
  change = g_ptr_array_index (hubs_import_plan_get_changes (unlikely), 1);
  g_assert_null (change->warning);

  g_file_set_contents (csv, "kpi_id,FY2025\nfukuoka/startup-visas,12856\n", -1, NULL);
  g_clear_object (&f->store);
  run_hubs (&run, f->path, arg, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.err, ":2:2: warning: fukuoka/startup-visas: 12,856"));
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, NULL);
  figure = get_figure (f, "fukuoka/startup-visas", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (figure->value, ==, 12856);
}

/* A typo in a target (300 → 3,000) is a change of the plan: listed apart, and applied only
 * when asked, while the actuals of the same file go in. */
static void
test_plan_changes_apart (Fixture       *f,
                         gconstpointer  data)
{
  const char *text = "hub_id,kpi_id,kind,FY2025,FY2029\n"
                     "sapporo,sapporo/startups,target,,3000\n"
                     "sapporo,sapporo/startups,actual,150,\n";
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(HubsImportPlan) again = NULL;
  g_autoptr(HubsFigure) target = NULL;
  g_autoptr(HubsFigure) actual = NULL;
  g_autoptr(GError) error = NULL;
  const HubsImportChange *change;
  guint n_applied = 0;

  plan = plan_for_text (f, text);
  assert_no_problems (plan);
  g_assert_cmpuint (hubs_import_plan_get_changes (plan)->len, ==, 2);
  g_assert_cmpuint (hubs_import_plan_count_plan_changes (plan), ==, 1);
  change = g_ptr_array_index (hubs_import_plan_get_changes (plan), 0);
  g_assert_true (change->changes_plan);
  g_assert_cmpint (change->kind, ==, HUBS_IMPORT_CHANGED);
  g_assert_cmpfloat (change->old->value, ==, 300);
  g_assert_cmpfloat (change->figure->value, ==, 3000);
  change = g_ptr_array_index (hubs_import_plan_get_changes (plan), 1);
  g_assert_false (change->changes_plan);

  g_assert_true (hubs_import_plan_apply (plan, f->store, NULL, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, 1);
  target = get_figure (f, "sapporo/startups", 2029, HUBS_FIGURE_TARGET);
  g_assert_cmpfloat (target->value, ==, 300);
  actual = get_figure (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (actual->value, ==, 150);

  /* Asked for: the plan changes, with its history. */
  again = plan_for_text (f, text);
  g_assert_cmpuint (hubs_import_plan_get_changes (again)->len, ==, 1);
  g_assert_cmpuint (hubs_import_plan_count (again, HUBS_IMPORT_UNCHANGED), ==, 1);
  g_assert_true (hubs_import_plan_apply_full (again, f->store, HUBS_IMPORT_APPLY_PLAN_CHANGES,
                                              NULL, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, 1);
  g_clear_pointer (&target, hubs_figure_free);
  target = get_figure (f, "sapporo/startups", 2029, HUBS_FIGURE_TARGET);
  g_assert_cmpfloat (target->value, ==, 3000);

  {
    g_autoptr(GPtrArray) history = hubs_store_list_history (f->store, "sapporo/startups",
                                                            NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < history->len; i++)
      {
        const HubsHistoryEntry *entry = g_ptr_array_index (history, i);

        if (entry->fiscal_year == 2029 && g_str_equal (entry->kind, "target") &&
            g_str_equal (entry->field, "value"))
          {
            g_assert_cmpstr (entry->old_value, ==, "300");
            g_assert_cmpstr (entry->new_value, ==, "3000");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
}

/* The long layout reads the as-of date back; files from before the detail columns, and
 * files with them, import alike. */
static void
test_as_of_and_detail_columns (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(HubsImportPlan) old_layout = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(GError) error = NULL;

  plan = plan_for_text (f,
                        HUBS_EXPORT_CSV_HEADER "\n"
                        "sapporo,,,sapporo/startups,,,,社,,,2025,actual,150,measured,,"
                        "at-least,no,no,2026年3月31日時点,,,\n");
  assert_no_problems (plan);
  g_assert_null (hubs_import_plan_get_ignored_columns (plan)[0]);
  g_assert_true (hubs_import_plan_apply (plan, f->store, NULL, NULL, &error));
  g_assert_no_error (error);
  figure = get_figure (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (figure->value, ==, 150);
  g_assert_cmpstr (figure->as_of, ==, "2026年3月31日時点");

  old_layout = plan_for_text (f,
                              "hub_id,hub_name_ja,hub_name_en,kpi_id,kpi_name_ja,kpi_name_en,"
                              "pillar,unit,aggregation,direction,fiscal_year,kind,value,status,"
                              "note\n"
                              "sapporo,,,sapporo/startups,,,,社,,,2026,actual,151,measured,\n");
  assert_no_problems (old_layout);
  g_assert_cmpuint (hubs_import_plan_count (old_layout, HUBS_IMPORT_NEW), ==, 1);
}

/* Without --allow-plan-changes the CLI lists the plan's changes apart and skips them. */
static void
test_cli_plan_changes (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *csv = hubs_test_path (f->dir, "figures.csv");
  g_autofree char *arg = g_strconcat ("--import-csv=", csv, NULL);
  g_autoptr(HubsFigure) target = NULL;
  g_autoptr(HubsFigure) actual = NULL;
  g_auto(HubsTestRun) dry = { 0 };
  g_auto(HubsTestRun) run = { 0 };
  g_auto(HubsTestRun) allowed = { 0 };
  const char *actual_line, *plan_line;

  g_file_set_contents (csv, "kpi_id,kind,FY2025,FY2029\n"
                            "sapporo/startups,target,,3000\n"
                            "sapporo/startups,actual,150,\n", -1, NULL);
  g_clear_object (&f->store);

  run_hubs (&dry, f->path, arg, "--dry-run", "--allow-plan-changes", NULL);
  g_assert_true (g_spawn_check_wait_status (dry.status, NULL));
  g_assert_nonnull (strstr (dry.out, "The file changes 1 baseline or target of the plan:"));
  g_assert_null (strstr (dry.out, "skipped"));

  run_hubs (&run, f->path, arg, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  actual_line = strstr (run.out, ":3:3: new: sapporo/startups, FY2025, actual: 150");
  plan_line = strstr (run.out, ":2:4: plan change: sapporo/startups, FY2029, target: 300");
  g_assert_nonnull (actual_line);
  g_assert_nonnull (plan_line);
  /* Apart: after the actuals, under their own heading. */
  g_assert_true (plan_line > strstr (run.out, "of the plan:"));
  g_assert_true (actual_line < strstr (run.out, "of the plan:"));
  g_assert_nonnull (strstr (run.out, "--allow-plan-changes"));
  g_assert_nonnull (strstr (run.out, "Imported 1 figure."));

  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, NULL);
  target = get_figure (f, "sapporo/startups", 2029, HUBS_FIGURE_TARGET);
  g_assert_cmpfloat (target->value, ==, 300);
  actual = get_figure (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (actual->value, ==, 150);
  g_clear_object (&f->store);

  run_hubs (&allowed, f->path, arg, "--allow-plan-changes", NULL);
  g_assert_true (g_spawn_check_wait_status (allowed.status, NULL));
  g_assert_nonnull (strstr (allowed.out, "Imported 1 figure."));
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, NULL);
  g_clear_pointer (&target, hubs_figure_free);
  target = get_figure (f, "sapporo/startups", 2029, HUBS_FIGURE_TARGET);
  g_assert_cmpfloat (target->value, ==, 3000);
}

static void
test_cli_dry_run (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *csv = hubs_test_path (f->dir, "figures.csv");
  g_autofree char *arg = g_strconcat ("--import-csv=", csv, NULL);
  g_autofree char *backups_dir = hubs_backup_get_dir (f->path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  g_auto(HubsTestRun) run = { 0 };
  g_auto(HubsTestRun) real = { 0 };

  g_file_set_contents (csv, "kpi_id,FY2025,FY2027\nsapporo/startups,150,\n"
                            "tokyo/gser-rank,9,\n", -1, NULL);
  g_clear_object (&f->store);
  before = hubs_test_read_bytes (f->path);

  run_hubs (&run, f->path, arg, "--dry-run", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.out, "New figures: 2. Changed: 0. Unchanged: 0."));
  g_assert_nonnull (strstr (run.out, ":2:2: new: sapporo/startups, FY2025, actual: 150"));
  g_assert_nonnull (strstr (run.out, "dry run"));
  g_assert_cmpstr (run.err, ==, "");
  hubs_test_assert_same_bytes (f->path, before);
  g_assert_false (g_file_test (backups_dir, G_FILE_TEST_EXISTS));

  /* And for real: imported, with a snapshot of the database as it was. */
  run_hubs (&real, f->path, arg, NULL);
  g_assert_true (g_spawn_check_wait_status (real.status, NULL));
  g_assert_nonnull (strstr (real.out, "Imported 2 figures."));
  g_assert_cmpuint (count_backups (f), ==, 1);
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, NULL);
  figure = get_figure (f, "tokyo/gser-rank", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (figure->value, ==, 9);
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = hubs_test_path (f->dir, "figures.csv");
  g_autofree char *arg = g_strconcat ("--import-csv=", csv, NULL);
  g_autofree char *first = g_strdup_printf ("%s:3:1: ", csv);
  g_autofree char *second = g_strdup_printf ("%s:4:3: ", csv);
  g_autoptr(GBytes) before = NULL;
  g_auto(HubsTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  g_file_set_contents (csv, "kpi_id,FY2025,FY2026\nsapporo/startups,150,\n"
                            "tokyo/nope,9,\nsapporo/innovations,,x\n", -1, NULL);
  g_clear_object (&f->store);
  before = hubs_test_read_bytes (f->path);

  run_hubs (&run, f->path, arg, NULL);
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], first));
  g_assert_nonnull (strstr (lines[0], "tokyo/nope"));
  g_assert_true (g_str_has_prefix (lines[1], second));
  g_assert_cmpstr (lines[2], ==, "hubs: Nothing was imported: the file has 2 errors.");
  hubs_test_assert_same_bytes (f->path, before);
  g_assert_cmpuint (count_backups (f), ==, 0);
}

static void
test_cli_export_wide (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csv = hubs_test_path (f->dir, "wide.csv");
  g_autofree char *arg = g_strconcat ("--export-csv=", csv, NULL);
  g_autofree char *import_arg = g_strconcat ("--import-csv=", csv, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(HubsTestRun) run = { 0 };
  g_auto(HubsTestRun) again = { 0 };
  g_auto(HubsTestRun) bad = { 0 };

  g_clear_object (&f->store);
  run_hubs (&run, f->path, arg, "--layout=wide", "--bom", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  bytes = hubs_test_read_bytes (csv);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL),
                                   HUBS_CSV_UTF8_BOM HUBS_EXPORT_CSV_WIDE_HEADER ",FY2023,"));

  run_hubs (&again, f->path, import_arg, NULL);
  g_assert_true (g_spawn_check_wait_status (again.status, NULL));
  g_assert_nonnull (strstr (again.out, "New figures: 0. Changed: 0."));
  g_assert_nonnull (strstr (again.out, "Nothing to import"));

  run_hubs (&bad, f->path, arg, "--layout=tall", NULL);
  g_assert_false (g_spawn_check_wait_status (bad.status, NULL));
  g_assert_nonnull (strstr (bad.err, "tall"));
}

static void
test_cli_backup (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *copy = hubs_test_path (f->dir, "copy.sqlite3");
  g_autofree char *arg = g_strconcat ("--backup=", copy, NULL);
  g_autofree char *self_arg = g_strconcat ("--backup=", f->path, NULL);
  g_autoptr(HubsStore) opened = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HubsTestRun) run = { 0 };
  g_auto(HubsTestRun) self = { 0 };

  add_actuals (f);
  g_clear_object (&f->store);

  run_hubs (&run, f->path, arg, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.out, copy));
  opened = hubs_store_open (copy, HUBS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  figure = hubs_store_get_figure (opened, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_cmpfloat (figure->value, ==, 151);

  run_hubs (&self, f->path, self_arg, NULL);
  g_assert_false (g_spawn_check_wait_status (self.status, NULL));
  g_assert_nonnull (strstr (self.err, "the database itself"));
}

/* A file of thousands of bad rows lists the first HUBS_IMPORT_MAX_LISTED_PROBLEMS errors and
 * counts the rest, in the plan and on the command line. */
static void
test_many_errors_capped (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("kpi_id,FY2025\n");
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autofree char *csv = hubs_test_path (f->dir, "bad.csv");
  g_autofree char *arg = g_strconcat ("--import-csv=", csv, NULL);
  g_auto(HubsTestRun) run = { 0 };
  GPtrArray *problems;
  guint n_lines = 0;

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "sapporo/startups,many\n");

  plan = plan_for_text (f, text->str);
  problems = hubs_import_plan_get_problems (plan);
  g_assert_cmpuint (problems->len, ==, HUBS_IMPORT_MAX_LISTED_PROBLEMS);
  g_assert_cmpuint (hubs_import_plan_get_n_problems (plan), ==, 5000);
  g_assert_true (hubs_import_plan_has_problems (plan));
  /* The first ones, in order. */
  g_assert_cmpuint (((HubsCsvProblem *) problems->pdata[0])->line, ==, 2);
  g_assert_cmpuint (((HubsCsvProblem *) problems->pdata[199])->line, ==, 201);

  g_assert_true (g_file_set_contents (csv, text->str, text->len, NULL));
  g_clear_object (&f->store);
  run_hubs (&run, f->path, arg, "--dry-run", NULL);
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  for (const char *c = run.err; *c != '\0'; c++)
    n_lines += *c == '\n';
  g_assert_cmpuint (n_lines, ==, HUBS_IMPORT_MAX_LISTED_PROBLEMS + 2);
  g_assert_nonnull (strstr (run.err, ": 4800 more errors are not listed.\n"));
  g_assert_nonnull (strstr (run.err, "the file has 5000 errors."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/import/wide-by-id", test_wide_by_id);
  ADD ("/hubs/import/wide-by-name", test_wide_by_name);
  ADD ("/hubs/import/long-layout", test_long_layout);
  ADD ("/hubs/import/utf8-bom", test_utf8_bom);
  ADD ("/hubs/import/cp932", test_cp932);
  ADD ("/hubs/import/errors-have-line-and-column", test_errors_have_line_and_column);
  ADD ("/hubs/import/header-problems", test_header_problems);
  ADD ("/hubs/import/all-or-nothing", test_all_or_nothing);
  ADD ("/hubs/import/read-only", test_read_only);
  ADD ("/hubs/import/round-trip-wide", test_round_trip_wide);
  ADD ("/hubs/import/round-trip-long", test_round_trip_long);
  ADD ("/hubs/import/round-trip-formulas", test_round_trip_formulas);
  ADD ("/hubs/import/from-fifo", test_from_fifo);
  ADD ("/hubs/import/many-errors-capped", test_many_errors_capped);
  ADD ("/hubs/import/no-data-marks", test_no_data_marks);
  ADD ("/hubs/import/plan-changes-apart", test_plan_changes_apart);
  ADD ("/hubs/import/plausibility", test_plausibility);
  ADD ("/hubs/import/as-of-and-detail-columns", test_as_of_and_detail_columns);
  ADD ("/hubs/import/cli-plan-changes", test_cli_plan_changes);
  ADD ("/hubs/import/cli-dry-run", test_cli_dry_run);
  ADD ("/hubs/import/cli-errors", test_cli_errors);
  ADD ("/hubs/import/cli-export-wide", test_cli_export_wide);
  ADD ("/hubs/import/cli-backup", test_cli_backup);

#undef ADD

  return g_test_run ();
}
