/* test-national.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The national view's data on a real database seeded with the shipped plan: the common
 * indicators the plan file names reach the database (new or migrated), and the national
 * totals match sums worked out by hand from the seed, leaving out, and naming, the hubs that
 * measure an indicator differently or have no figure.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "hubs-live-model.h"
#include "hubs-national.h"
#include "hubs-store-indicator.h"
#include "hubs-test-util.h"

typedef HubsTestFiles Fixture;

static gboolean
left_out (const GPtrArray    *omissions,
          const char         *kpi_id,
          HubsNationalReason  reason)
{
  for (guint i = 0; i < omissions->len; i++)
    {
      const HubsNationalOmission *o = g_ptr_array_index ((GPtrArray *) omissions, i);

      if (g_str_equal (o->kpi_id, kpi_id) && o->reason == reason)
        return TRUE;
    }
  return FALSE;
}

static void
set_actual (HubsStore  *store,
            const char *kpi_id,
            int         year,
            double      value)
{
  g_autoptr(HubsFigure) figure = hubs_test_make_actual (kpi_id, year, value);
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
}

static void
test_plan_keys (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GHashTable) indicators = NULL;
  g_autoptr(GError) error = NULL;

  indicators = hubs_store_list_indicators (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (indicators, "sapporo/startups"), ==, "startups");
  g_assert_cmpstr (g_hash_table_lookup (indicators, "kansai/startups"), ==, "startups");
  g_assert_cmpstr (g_hash_table_lookup (indicators, "hiroshima/investment"), ==,
                   "funding-amount");
  g_assert_cmpstr (g_hash_table_lookup (indicators, "kitakyushu/academic-startups"), ==,
                   "university-startups");
  /* Not the same thing as any other hub's KPI. */
  g_assert_null (g_hash_table_lookup (indicators, "tokyo/unicorns"));
  g_assert_null (g_hash_table_lookup (indicators, "chubu/valuation-100bn-yen"));
  g_assert_null (g_hash_table_lookup (indicators, "fukuoka/overseas-vc-funding"));
  g_assert_cmpuint (g_hash_table_size (indicators), ==, 30);
}

/* A database of schema 4 with the plan, as an earlier Hubs left it, gets the keys. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GHashTable) indicators = NULL;
  g_autoptr(GError) error = NULL;
  HubsStore *store;
  sqlite3 *db;

  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  set_actual (store, "sapporo/startups", 2025, 160);
  g_assert_true (hubs_store_checkpoint (store, &error));
  g_assert_finalize_object (store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  /* What migrations 5 and 6 added goes again. */
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE kpi DROP COLUMN indicator; "
                                     "ALTER TABLE history DROP COLUMN db_user; "
                                     "PRAGMA user_version = 4;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_assert_cmpint (hubs_store_get_schema_version (store), ==, HUBS_STORE_SCHEMA_VERSION);
  indicators = hubs_store_list_indicators (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (indicators), ==, 30);
  g_assert_cmpstr (g_hash_table_lookup (indicators, "okinawa/valuation-10bn-yen"), ==,
                   "valuation-10bn-yen");
  /* The figure typed before is still there. */
  {
    g_autoptr(HubsNational) national = hubs_national_new_for_store (store, 0, &error);
    const HubsNationalTotal *startups;

    g_assert_no_error (error);
    g_assert_cmpint (national->fiscal_year, ==, 2025);
    startups = hubs_national_lookup_total (national, "startups");
    g_assert_cmpfloat (startups->sums[HUBS_NATIONAL_ACTUAL].value, ==, 160);
  }
  g_assert_finalize_object (store);
}

/* The plan's own figures, added up by hand from the seed. */
static void
test_plan_totals (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsNational) national = NULL;
  g_autoptr(GError) error = NULL;
  const HubsNationalTotal *t;
  g_autofree char *said = NULL;

  national = hubs_national_new_for_store (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (national->hubs->len, ==, 13);
  /* No actual anywhere yet. */
  g_assert_cmpint (national->fiscal_year, ==, 2025);

  /* Startups: 札幌 142 + 北陸 67 + 長野×新潟 163 + 瀬戸内 123 + 沖縄 138; 関西 counts from April
   * 2025 and is left out of every column; 広島's baseline is printed as 156件, not 社. */
  t = hubs_national_lookup_total (national, "startups");
  g_assert_nonnull (t);
  g_assert_cmpstr (t->kpi->unit, ==, "社");
  g_assert_cmpuint (t->n_hubs, ==, 7);
  g_assert_cmpuint (t->n_alike, ==, 6);
  g_assert_true (left_out (t->different, "kansai/startups", HUBS_NATIONAL_FROM_APRIL_2025));
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_BASELINE].value, 633, 1e-9);
  g_assert_cmpuint (t->sums[HUBS_NATIONAL_BASELINE].n_hubs, ==, 5);
  g_assert_true (left_out (t->sums[HUBS_NATIONAL_BASELINE].left_out, "hiroshima/startups",
                           HUBS_NATIONAL_OTHER_UNIT));
  /* 300 + 500 + 134 + 307 + 250 + 250 */
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_TARGET_2029].value, 1741, 1e-9);
  g_assert_cmpuint (t->sums[HUBS_NATIONAL_TARGET_2029].n_hubs, ==, 6);
  /* 225 + 200 + 100 + 228 + 190 + 200 */
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_TARGET_2027].value, 1143, 1e-9);
  g_assert_cmpuint (t->sums[HUBS_NATIONAL_ACTUAL].n_hubs, ==, 0);
  g_assert_cmpuint (t->sums[HUBS_NATIONAL_ACTUAL].left_out->len, ==, 6);

  said = hubs_national_total_describe_left_out (t, HUBS_LANGUAGE_EN);
  g_assert_nonnull (strstr (said, "Kansai (counts from April 2025)"));
  g_assert_nonnull (strstr (said, "Hiroshima (its FY2024 figure counts in "));
  g_clear_pointer (&said, g_free);
  said = hubs_national_sum_describe_coverage (t, HUBS_NATIONAL_BASELINE, HUBS_LANGUAGE_EN);
  g_assert_cmpstr (said, ==, "5 of 7 hubs");
  g_clear_pointer (&said, g_free);

  /* Funding raised: 札幌 255 + 長野 107 + 熊本 35 + 沖縄 73.7; 広島's baseline is of FY2023. */
  t = hubs_national_lookup_total (national, "funding-amount");
  g_assert_cmpstr (t->kpi->unit, ==, "億円");
  g_assert_true (left_out (t->different, "kansai/funding-amount", HUBS_NATIONAL_FROM_APRIL_2025));
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_BASELINE].value, 470.7, 1e-9);
  g_assert_true (left_out (t->sums[HUBS_NATIONAL_BASELINE].left_out, "hiroshima/investment",
                           HUBS_NATIONAL_OTHER_BASELINE_YEAR));
  /* 1,000 + 1,000 + 257 + 100 + 400, 広島 included: its targets are of FY2029 like the rest. */
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_TARGET_2029].value, 2757, 1e-9);
  g_assert_cmpuint (t->sums[HUBS_NATIONAL_TARGET_2029].n_hubs, ==, 5);
  said = hubs_national_total_describe_left_out (t, HUBS_LANGUAGE_EN);
  g_assert_nonnull (strstr (said, "Hiroshima (baseline from FY2023)"));
  g_clear_pointer (&said, g_free);

  /* Entrepreneurship education: 東北 2,867 + 関西 2,825; 広島 counts single years. */
  t = hubs_national_lookup_total (national, "entrepreneurship-trainees");
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_BASELINE].value, 5692, 1e-9);
  g_assert_true (left_out (t->different, "hiroshima/entrepreneurship-trainees",
                           HUBS_NATIONAL_SINGLE_YEAR));
  said = hubs_national_total_describe_left_out (t, HUBS_LANGUAGE_JA);
  g_assert_nonnull (strstr (said, "広島"));
  g_clear_pointer (&said, g_free);

  /* Valued at 100億円 or more: 東北 1 + 沖縄 1 社; 福岡 counts 件 (and has no baseline). */
  t = hubs_national_lookup_total (national, "valuation-10bn-yen");
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_BASELINE].value, 2, 1e-9);
  g_assert_true (left_out (t->different, "fukuoka/valuation-10bn-yen", HUBS_NATIONAL_OTHER_UNIT));

  /* Public procurement: 札幌 is not measured at the baseline; 東北 5 is the sum. */
  t = hubs_national_lookup_total (national, "public-procurement");
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_BASELINE].value, 5, 1e-9);
  g_assert_true (left_out (t->sums[HUBS_NATIONAL_BASELINE].left_out, "sapporo/public-procurement",
                           HUBS_NATIONAL_NOT_MEASURED));

  /* The hub rows: 札幌 has 8 KPIs in four pillars, none assessable yet. */
  {
    const HubsNationalHub *sapporo = g_ptr_array_index (national->hubs, 0);
    guint n_on_track, n_assessed;

    g_assert_cmpstr (sapporo->hub->id, ==, "sapporo");
    g_assert_cmpuint (sapporo->pillars[HUBS_PILLAR_OVERALL]->len, ==, 3);
    g_assert_cmpuint (sapporo->pillars[HUBS_PILLAR_GROWTH]->len, ==, 3);
    g_assert_false (hubs_national_hub_get_on_track (sapporo, &n_on_track, &n_assessed));
    said = hubs_national_hub_describe_on_track (sapporo, HUBS_LANGUAGE_EN);
    g_assert_cmpstr (said, ==, "No KPI can be assessed yet");
  }
}

/* Actuals typed in: the totals of the latest year, from the live model, follow each change. */
static void
test_live_actuals (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsLiveModel) model = NULL;
  g_autoptr(GHashTable) indicators = NULL;
  g_autoptr(GError) error = NULL;
  HubsNational *national;
  const HubsNationalTotal *t;

  model = hubs_live_model_new (store, &error);
  g_assert_no_error (error);
  indicators = hubs_store_list_indicators (store, &error);
  g_assert_no_error (error);

  set_actual (store, "sapporo/startups", 2026, 180);
  set_actual (store, "hokuriku/startups", 2026, 75);
  set_actual (store, "hiroshima/startups", 2026, 170);
  set_actual (store, "kansai/startups", 2026, 300);
  set_actual (store, "sapporo/startups", 2025, 160);

  national = hubs_national_new_for_live (model, indicators, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (national->fiscal_year, ==, 2026);
  t = hubs_national_lookup_total (national, "startups");
  /* 180 + 75 + 170; 関西's 300 counts from April 2025. */
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_ACTUAL].value, 425, 1e-9);
  g_assert_cmpuint (t->sums[HUBS_NATIONAL_ACTUAL].n_hubs, ==, 3);
  g_assert_true (left_out (t->sums[HUBS_NATIONAL_ACTUAL].left_out, "okinawa/startups",
                           HUBS_NATIONAL_NO_FIGURE));
  hubs_national_free (national);

  /* An edit reaches the next national view at once. */
  set_actual (store, "hokuriku/startups", 2026, 80);
  national = hubs_national_new_for_live (model, indicators, 2026, &error);
  t = hubs_national_lookup_total (national, "startups");
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_ACTUAL].value, 430, 1e-9);
  hubs_national_free (national);

  /* An earlier year on request. */
  national = hubs_national_new_for_live (model, indicators, 2025, &error);
  t = hubs_national_lookup_total (national, "startups");
  g_assert_cmpfloat_with_epsilon (t->sums[HUBS_NATIONAL_ACTUAL].value, 160, 1e-9);
  g_assert_cmpuint (t->sums[HUBS_NATIONAL_ACTUAL].n_hubs, ==, 1);
  {
    g_autofree char *title = hubs_national_column_get_title (national, HUBS_NATIONAL_ACTUAL,
                                                            HUBS_LANGUAGE_EN);

    g_assert_cmpstr (title, ==, "FY2025 actual");
  }
  {
    /* 札幌: one KPI assessed, by its latest actual: 180 in FY2026 against 197.3 on the path
     * of 142 → 225 by FY2027, A = 0.69, needs acceleration. */
    const HubsNationalHub *sapporo = g_ptr_array_index (national->hubs, 0);
    g_autofree char *said = hubs_national_hub_describe_on_track (sapporo, HUBS_LANGUAGE_EN);
    guint n_on_track, n_assessed;

    g_assert_true (hubs_national_hub_get_on_track (sapporo, &n_on_track, &n_assessed));
    g_assert_cmpuint (n_assessed, ==, 1);
    g_assert_cmpuint (n_on_track, ==, 0);
    g_assert_cmpstr (said, ==, "0% on track (0 of 1 KPI assessed)");
  }
  hubs_national_free (national);
}

static void
test_key_syntax (void)
{
  g_assert_true (hubs_indicator_key_is_valid ("startups"));
  g_assert_true (hubs_indicator_key_is_valid ("valuation-10bn-yen"));
  g_assert_false (hubs_indicator_key_is_valid (""));
  g_assert_false (hubs_indicator_key_is_valid ("Startups"));
  g_assert_false (hubs_indicator_key_is_valid ("スタートアップ"));
  g_assert_false (hubs_indicator_key_is_valid ("-x"));
  g_assert_cmpstr (hubs_national_indicator_get_label ("startups", HUBS_LANGUAGE_EN), ==,
                   "Startups");
  g_assert_cmpstr (hubs_national_indicator_get_label ("unknown-key", HUBS_LANGUAGE_EN), ==,
                   "unknown-key");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, hubs_test_files_set_up, func, hubs_test_files_tear_down)

  ADD ("/hubs/national/plan-keys", test_plan_keys);
  ADD ("/hubs/national/migration", test_migration);
  ADD ("/hubs/national/plan-totals", test_plan_totals);
  ADD ("/hubs/national/live-actuals", test_live_actuals);
  g_test_add_func ("/hubs/national/key-syntax", test_key_syntax);

#undef ADD

  return g_test_run ();
}
