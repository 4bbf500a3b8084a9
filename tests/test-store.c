/* test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hubs-plan.h"
#include "hubs-store-private.h"
#include "hubs-test-util.h"

typedef HubsTestFiles Fixture;

/* Runs SQL on its own connection, as another program would. */
#define raw_exec hubs_test_exec_sql
#define raw_query_text hubs_test_query_text

static void
test_create_seeded (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *fk = NULL;

  g_assert_true (hubs_store_get_seeded (store));
  g_assert_false (hubs_store_is_read_only (store));
  g_assert_cmpint (hubs_store_get_schema_version (store), ==, HUBS_STORE_SCHEMA_VERSION);

  hubs = hubs_store_list_hubs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hubs->len, ==, 13);
  g_assert_cmpstr (((HubsHub *) hubs->pdata[0])->id, ==, "sapporo");
  g_assert_cmpstr (((HubsHub *) hubs->pdata[12])->id, ==, "okinawa");

  kpis = hubs_store_list_kpis (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kpis->len, >, 13 * 4);

  g_clear_object (&store);

  version = raw_query_text (f->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (HUBS_STORE_SCHEMA_VERSION));
  app_id = raw_query_text (f->path, "PRAGMA application_id");
  g_assert_cmpint (g_ascii_strtoll (app_id, NULL, 10), ==, HUBS_STORE_APPLICATION_ID);
  if (hubs_test_engine_is_postgresql ())
    {
      fk = raw_query_text (f->path, "SELECT count(*) FROM pg_constraint WHERE conrelid = "
                                    "'figure'::regclass AND contype = 'f'");
      g_assert_cmpstr (fk, ==, "1");
      return;
    }
  mode = raw_query_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  fk = raw_query_text (f->path, "SELECT count(*) FROM pragma_foreign_key_list('figure')");
  g_assert_cmpstr (fk, ==, "1");
}

static void
test_reopen_does_not_seed_again (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_assert_false (hubs_store_get_seeded (store));

  hubs = hubs_store_list_hubs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hubs->len, ==, 13);
}

static void
test_default_path (void)
{
  g_autofree char *path = hubs_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "hubs", "hubs.sqlite3",
                                                NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_creates_missing_folders (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a", "b", "hubs.sqlite3", NULL);
  g_autoptr(HubsStore) store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_migrate_from_v1 (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("%s PRAGMA user_version = 1;",
                                          hubs_store_get_migration_sql (1));
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GPtrArray) phase1 = NULL;
  g_autoptr(GError) error = NULL;

  raw_exec (f->path, sql);
  raw_exec (f->path,
            "INSERT INTO hub (id, name_ja, name_en, tier, type) "
            "VALUES ('sapporo', '札幌・北海道', 'Sapporo', 'global', 'core-city');"
            "INSERT INTO kpi (id, hub_id, name_ja, name_en, pillar, unit, aggregation, "
            "direction, qualifier) VALUES ('sapporo/startups', 'sapporo', 'スタートアップ数', "
            "'Startups', 'overall', '社', 'cumulative', 'higher', 'none');"
            "INSERT INTO figure (kpi_id, fiscal_year, kind, value) "
            "VALUES ('sapporo/startups', 2025, 'actual', 160);");

  store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hubs_store_get_schema_version (store), ==, HUBS_STORE_SCHEMA_VERSION);
  /* An existing database is upgraded, never reseeded. */
  g_assert_false (hubs_store_get_seeded (store));

  hubs = hubs_store_list_hubs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hubs->len, ==, 1);

  figure = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (figure->value, ==, 160);
  g_assert_true (figure->measured);
  /* Figures from before version 2 count as provisional, with no source. */
  g_assert_false (figure->confirmed);
  g_assert_null (figure->source);

  phase1 = hubs_store_list_phase1_results (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (phase1->len, ==, 0);
}

/* A database seeded from the plan file of schema 2 had the transcriber's reading where the
 * note for readers is now, Japanese-only footnotes, 等 inside a member's name, and 以内 on
 * both of GSER's targets. Migration 3 brings the plan's words up to date, and leaves what a
 * user changed alone. */
static void
test_migrate_plan_words (Fixture       *f,
                         gconstpointer  data)
{
  HubsPlan *plan = hubs_plan_get_builtin ();
  const char *old_note_ja = hubs_plan_get_reading (plan, "tokyo/unicorns", HUBS_LANGUAGE_JA);
  const char *old_note_en = hubs_plan_get_reading (plan, "tokyo/unicorns", HUBS_LANGUAGE_EN);
  g_autofree char *sql = g_strdup_printf ("%s %s PRAGMA user_version = 2;",
                                          hubs_store_get_migration_sql (1),
                                          hubs_store_get_migration_sql (2));
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsHub) hub = NULL;
  g_autoptr(HubsKpi) unicorns = NULL;
  g_autoptr(HubsKpi) gser = NULL;
  g_autoptr(HubsKpi) players = NULL;
  g_autoptr(HubsKpi) deals = NULL;
  g_autoptr(HubsFigure) baseline = NULL;
  g_autoptr(HubsFigure) players_baseline = NULL;
  g_autoptr(HubsFigure) changed_baseline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *insert = NULL;

  raw_exec (f->path, sql);
  insert = sqlite3_mprintf (
    "INSERT INTO hub (id, name_ja, name_en, tier, type, members_ja, members_en) VALUES "
    "('tokyo', '東京', 'Tokyo', 'global', 'none', '東京都\n川崎市等', "
    "'Tokyo Metropolitan Government\nCity of Kawasaki and others'),"
    "('sapporo', '札幌', 'Sapporo', 'global', 'none', '', '');"
    "INSERT INTO kpi (id, hub_id, name_ja, name_en, pillar, unit, aggregation, direction, "
    "qualifier, note_ja, note_en) VALUES "
    "('tokyo/unicorns', 'tokyo', 'ユニコーン創出数', 'Unicorns', 'overall', '社', 'flow', "
    "'higher', 'none', %Q, %Q),"
    "('tokyo/gser-rank', 'tokyo', 'GSER', 'GSER', 'overall', '位', 'stock', 'lower', "
    "'at-most', 'my own note', 'my own note'),"
    "('tokyo/ecosystem-players', 'tokyo', 'プレイヤー', 'Players', 'foundation', '名', "
    "'cumulative', 'higher', 'none', '', ''),"
    "('sapporo/funding-deals', 'sapporo', '資金調達件数', 'Deals', 'overall', '件', "
    "'cumulative', 'higher', 'none', '', '');"
    "INSERT INTO figure (kpi_id, fiscal_year, kind, value, note) VALUES "
    "('tokyo/unicorns', 2024, 'baseline', 15, '5年累計'),"
    "('tokyo/unicorns', 2029, 'target', 15, '私のメモ'),"
    "('tokyo/ecosystem-players', 2024, 'baseline', 12856, NULL),"
    "('tokyo/ecosystem-players', 2029, 'target', 50000, NULL);",
    old_note_ja, old_note_en);
  raw_exec (f->path, insert);
  sqlite3_free (g_steal_pointer (&insert));

  store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hubs_store_get_schema_version (store), ==, HUBS_STORE_SCHEMA_VERSION);
  g_assert_false (hubs_store_get_seeded (store));

  /* The reading gave way to the note for readers. */
  unicorns = hubs_store_get_kpi (store, "tokyo/unicorns", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unicorns->note_ja, !=, old_note_ja);
  g_assert_null (strstr (unicorns->note_ja, "比べる"));
  g_assert_nonnull (strstr (unicorns->note_en, "five-year total"));

  /* A footnote of the plan has its English; a user's own note stays as it is. */
  baseline = hubs_store_get_figure (store, "tokyo/unicorns", 2024, HUBS_FIGURE_BASELINE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (baseline->note, ==, "5年累計");
  g_assert_cmpstr (baseline->note_en, ==, "five-year total");
  changed_baseline = hubs_store_get_figure (store, "tokyo/unicorns", 2029, HUBS_FIGURE_TARGET,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (changed_baseline->note, ==, "私のメモ");
  g_assert_null (changed_baseline->note_en);

  /* 以内 belongs to FY2029 alone; a user's note on the KPI is theirs. */
  gser = hubs_store_get_kpi (store, "tokyo/gser-rank", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gser->qualifier, ==, HUBS_QUALIFIER_NONE);
  g_assert_cmpstr (gser->note_ja, ==, "my own note");

  /* The unit the seed prints for this baseline (件), while the figure is still the plan's. */
  players = hubs_store_get_kpi (store, "tokyo/ecosystem-players", &error);
  g_assert_no_error (error);
  players_baseline = hubs_store_get_figure (store, "tokyo/ecosystem-players", 2024,
                                            HUBS_FIGURE_BASELINE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (players_baseline->unit, ==, "件");

  deals = hubs_store_get_kpi (store, "sapporo/funding-deals", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (deals->unit_en, ==, "deals");

  /* 等 is said of the list. */
  hub = hubs_store_get_hub (store, "tokyo", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub->members_ja, ==, "東京都\n川崎市");
  g_assert_cmpstr (hub->members_en, ==, "Tokyo Metropolitan Government\nCity of Kawasaki");
  g_assert_true (hub->members_more);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = hubs_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsStore) store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, HUBS_STORE_ERROR, code);
  /* The message names the file, so a user knows which one. */
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  hubs_test_assert_same_bytes (path, before);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);

  g_clear_object (&store);
  raw_exec (f->path, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");
  assert_refused (f->path, HUBS_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_not_sqlite (Fixture       *f,
                        gconstpointer  data)
{
  g_file_set_contents (f->path,
                       "hub_id,kpi_id,value\nsapporo,sapporo/startups,142\n"
                       "This is a spreadsheet, not a database. It has to be long enough to "
                       "look like a file of some size, so here are more words.\n",
                       -1, NULL);
  assert_refused (f->path, HUBS_STORE_ERROR_NOT_HUBS);
}

static void
test_refuse_other_sqlite (Fixture       *f,
                          gconstpointer  data)
{
  raw_exec (f->path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_refused (f->path, HUBS_STORE_ERROR_NOT_HUBS);
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *damaged = NULL;
  gsize len;

  g_clear_object (&store);
  raw_exec (f->path, "PRAGMA journal_mode = DELETE;");

  /* Keep the header and schema page, scribble over the pages after them. */
  bytes = hubs_test_read_bytes (f->path);
  damaged = g_memdup2 (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  g_assert_cmpuint (len, >, 4096 * 4);
  for (gsize i = 4096; i < len; i++)
    damaged[i] = (guint8) (i * 7 + 13);
  g_file_set_contents (f->path, (const char *) damaged, len, NULL);

  assert_refused (f->path, HUBS_STORE_ERROR_CORRUPT);
}

/* Scribbles over the pages after the last one that holds the schema, so the file still
 * opens but its rows are damaged. */
static void
damage_after_schema (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *damaged = NULL;
  gsize first = 4096;
  gsize len;

  raw_exec (path, "PRAGMA journal_mode = DELETE;");
  bytes = hubs_test_read_bytes (path);
  damaged = g_memdup2 (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  for (gsize page = 0; page + 4096 <= len; page += 4096)
    for (gsize i = page; i + 12 <= page + 4096; i++)
      if (memcmp (damaged + i, "CREATE TABLE", 12) == 0)
        {
          first = page + 4096;
          break;
        }
  g_assert_cmpuint (first, <, len - 4096);
  for (gsize i = first; i < len; i++)
    damaged[i] = (guint8) (i * 7 + 13);
  g_assert_true (g_file_set_contents (path, (const char *) damaged, len, NULL));
}

static void
test_deferred_check_refuses_writes (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsFigure) figure = hubs_figure_new ();

  g_clear_object (&store);
  damage_after_schema (f->path);
  before = hubs_test_read_bytes (f->path);

  /* Opening for the window skips the full check… */
  store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);

  /* …which then finds the damage, and no write gets through. */
  g_assert_false (hubs_store_verify (store, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  figure->kpi_id = g_strdup ("sapporo/startups");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = 1;
  g_assert_false (hubs_store_set_figure (store, figure, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CORRUPT);
  g_clear_object (&store);

  g_assert_true (g_bytes_equal (hubs_test_read_bytes (f->path), before));
}

static void
test_refuse_bad_header (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *damaged = NULL;
  gsize len;

  g_clear_object (&store);
  raw_exec (f->path, "PRAGMA journal_mode = DELETE;");

  bytes = hubs_test_read_bytes (f->path);
  damaged = g_memdup2 (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  memcpy (damaged, "Not a database!", 15);
  g_file_set_contents (f->path, (const char *) damaged, len, NULL);

  assert_refused (f->path, HUBS_STORE_ERROR_NOT_HUBS);
}

static HubsFigure *
make_actual (const char *kpi_id,
             int         year,
             double      value)
{
  HubsFigure *figure = hubs_figure_new ();

  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = year;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = value;

  return figure;
}

static const char *
first_kpi_id (HubsStore *store)
{
  static char id[256];
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, "sapporo", NULL);

  g_assert_nonnull (kpis);
  g_assert_cmpuint (kpis->len, >, 0);
  g_strlcpy (id, ((HubsKpi *) kpis->pdata[0])->id, sizeof id);

  return id;
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kpi_id = g_strdup (first_kpi_id (store));

  g_clear_object (&store);

  store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (hubs_store_is_read_only (store));

  hubs = hubs_store_list_hubs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hubs->len, ==, 13);

  figure = make_actual (kpi_id, 2025, 999);
  g_assert_false (hubs_store_set_figure (store, figure, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "viewing only"));
  g_clear_error (&error);

  stored = hubs_store_get_figure (store, kpi_id, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_assert_null (stored);
}

static void
test_missing_read_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsStore) store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, &error);

  g_assert_null (store);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
count_changed_cb (HubsStore             *store,
                  const HubsStoreChange *change,
                  guint                 *n_changed)
{
  /* Each figure change names exactly the figure, and carries what is now stored. */
  g_assert_cmpint (change->kind, ==, HUBS_STORE_CHANGE_FIGURE);
  g_assert_cmpstr (change->hub_id, ==, "sapporo");
  g_assert_cmpint (change->fiscal_year, ==, 2025);
  g_assert_cmpint (change->figure_kind, ==, HUBS_FIGURE_ACTUAL);
  if (*n_changed < 2)
    {
      g_assert_nonnull (change->figure);
      g_assert_cmpfloat (change->figure->value, ==, *n_changed == 0 ? 160 : 171.5);
    }
  else
    g_assert_null (change->figure);
  (*n_changed)++;
}

static void
test_edit_writes_history (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *kpi_id = g_strdup (first_kpi_id (store));
  g_autoptr(HubsFigure) figure = make_actual (kpi_id, 2025, 160);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  HubsHistoryEntry *entry;
  guint n_changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);

  /* The same value again is no change and leaves no history. */
  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_cmpuint (n_changed, ==, 1);

  figure->value = 171.5;
  figure->note = g_strdup ("速報値");
  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);

  g_assert_true (hubs_store_remove_figure (store, kpi_id, 2025, HUBS_FIGURE_ACTUAL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 3);

  history = hubs_store_list_history (store, kpi_id, &error);
  g_assert_no_error (error);

  /* 160 added (value, provisional), 160 → 171.5 and a note, then removed (value, status,
   * note). */
  g_assert_cmpuint (history->len, ==, 7);

  /* Newest first, in pages or all at once, on either engine. */
  {
    g_autoptr(GPtrArray) all = hubs_store_list_recent_history (store, kpi_id, 0, 0, 0, &error);
    g_autoptr(GPtrArray) page = NULL;
    g_autoptr(GPtrArray) older = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 7);
    g_assert_cmpstr (((HubsHistoryEntry *) all->pdata[6])->new_value, ==, "160");
    page = hubs_store_list_recent_history (store, kpi_id, 0, 0, 3, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 3);
    older = hubs_store_list_recent_history (store, kpi_id,
                                            ((HubsHistoryEntry *) page->pdata[2])->id, 0, 0,
                                            &error);
    g_assert_no_error (error);
    g_assert_cmpuint (older->len, ==, 4);
  }

  entry = history->pdata[0];
  g_assert_cmpstr (entry->field, ==, "value");
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "160");
  g_assert_cmpstr (entry->hub_id, ==, "sapporo");
  g_assert_cmpint (entry->fiscal_year, ==, 2025);
  g_assert_cmpstr (entry->kind, ==, "actual");
  g_assert_nonnull (entry->changed_at);

  entry = history->pdata[2];
  g_assert_cmpstr (entry->field, ==, "value");
  g_assert_cmpstr (entry->old_value, ==, "160");
  g_assert_cmpstr (entry->new_value, ==, "171.5");

  entry = history->pdata[3];
  g_assert_cmpstr (entry->field, ==, "note");
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "速報値");

  entry = history->pdata[4];
  g_assert_cmpstr (entry->field, ==, "value");
  g_assert_cmpstr (entry->old_value, ==, "171.5");
  g_assert_null (entry->new_value);

  stored = hubs_store_get_figure (store, kpi_id, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_null (stored);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
}

static void
test_edit_survives_reopen (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *kpi_id = g_strdup (first_kpi_id (store));
  g_autoptr(HubsFigure) figure = make_actual (kpi_id, 2026, 73.7);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *on_disk = NULL;

  figure->confirmed = TRUE;
  figure->source = g_strdup ("市統計");
  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  sql = g_strdup_printf ("SELECT value || '|' || confirmed || '|' || source FROM figure "
                         "WHERE kpi_id = '%s' AND fiscal_year = 2026 AND kind = 'actual'",
                         kpi_id);
  on_disk = raw_query_text (f->path, sql);
  g_assert_cmpstr (on_disk, ==, "73.7|1|市統計");

  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  stored = hubs_store_get_figure (store, kpi_id, 2026, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_true (hubs_figure_equal (stored, figure));
}

static int
count_statement_cb (unsigned  type,
                    void     *data,
                    void     *stmt,
                    void     *sql)
{
  GPtrArray *statements = data;

  g_ptr_array_add (statements, sqlite3_expanded_sql (stmt));

  return 0;
}

/* What one figure save costs: its transaction (BEGIN, one read, the write, one history
 * insert, COMMIT) and nothing else, however long the KPI's history is. */
static void
test_save_statement_count (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (sqlite3_free);
  g_autoptr(HubsFigure) before = make_actual ("sapporo/startups", 2025, 0);
  g_autoptr(HubsFigure) after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = hubs_store_get_db (store);

  g_assert_true (hubs_store_verify (store, &error));
  g_assert_true (hubs_store_set_figure (store, before, &error));
  /* A long history must not make a save read more. */
  for (int i = 1; i <= 200; i++)
    {
      g_autoptr(HubsFigure) next = make_actual ("sapporo/startups", 2025, i);

      g_assert_true (hubs_store_replace_figure (store, "sapporo/startups", 2025,
                                                HUBS_FIGURE_ACTUAL, before, next, &error));
      g_assert_no_error (error);
      hubs_figure_free (before);
      before = g_steal_pointer (&next);
    }

  after = make_actual ("sapporo/startups", 2025, 1234);
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_statement_cb, statements);
  g_assert_true (hubs_store_replace_figure (store, "sapporo/startups", 2025,
                                            HUBS_FIGURE_ACTUAL, before, after, &error));
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);

  for (guint i = 0; i < statements->len; i++)
    g_test_message ("statement %u: %s", i + 1, (char *) statements->pdata[i]);

  /* BEGIN, the read of the figure and its KPI, the write, one history INSERT, COMMIT. */
  g_assert_cmpuint (statements->len, <=, 5);
  g_assert_true (g_str_has_prefix (statements->pdata[0], "BEGIN"));
  g_assert_true (g_str_has_prefix (statements->pdata[statements->len - 1], "COMMIT"));
}

/* A new hub's id comes from its English name, never collides, and a name without ASCII
 * letters still gets one. */
static void
test_new_hub_id (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsHub) hub = hubs_hub_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *unnamed = NULL;
  g_autofree char *taken = NULL;

  first = hubs_store_new_hub_id (store, "  Test City!! ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "test-city");

  hub->id = g_strdup (first);
  hub->name_en = g_strdup ("Test City");
  g_assert_true (hubs_store_save_hub (store, hub, &error));
  second = hubs_store_new_hub_id (store, "Test City", &error);
  g_assert_cmpstr (second, ==, "test-city-2");

  unnamed = hubs_store_new_hub_id (store, "試験市", &error);
  g_assert_cmpstr (unnamed, ==, "hub");
  taken = hubs_store_new_hub_id (store, "Okinawa", &error);
  g_assert_cmpstr (taken, ==, "okinawa-2");
}

static void
test_edit_unknown_kpi_rejected (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsFigure) figure = make_actual ("sapporo/no-such-kpi", 2025, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  /* Refused with words a person reads, not a raw constraint failure. */
  g_assert_false (hubs_store_set_figure (store, figure, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "sapporo/no-such-kpi"));
  g_clear_object (&store);

  /* Nothing partial landed: no figure, no history row. */
  count = raw_query_text (f->path,
                          "SELECT (SELECT count(*) FROM history) || '/' || "
                          "(SELECT count(*) FROM figure WHERE kind = 'actual')");
  g_assert_cmpstr (count, ==, "0/0");
}

/* Copies only the database file, as staff copy "the one file" to a USB stick. */
static char *
copy_main_file_only (const char *path,
                     const char *dir,
                     const char *name)
{
  g_autoptr(GBytes) bytes = hubs_test_read_bytes (path);
  char *copy = hubs_test_path (dir, name);

  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));

  return copy;
}

static HubsFigure *
figure_in_copy (const char *copy)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (copy, HUBS_STORE_OPEN_READ_ONLY);

  return hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, NULL);
}

static void
set_startups (HubsStore *store,
              double     value)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;

  figure->kpi_id = g_strdup ("sapporo/startups");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = value;
  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
}

static void
test_checkpoint_completes_main_file (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsFigure) before = NULL;
  g_autoptr(HubsFigure) after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *copy_before = NULL;
  g_autofree char *copy_after = NULL;
  g_autofree char *copies = g_build_filename (f->dir, "usb", NULL);
  GStatBuf st;

  /* An existing database (closing the first connection writes it into the file)… */
  g_assert_cmpint (g_mkdir (copies, 0700), ==, 0);
  g_clear_object (&store);
  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);

  /* …and a figure typed into it. */
  set_startups (store, 161);

  /* Saved, but only in the -wal: a copy of the main file alone misses it. */
  copy_before = copy_main_file_only (f->path, copies, "before.sqlite3");
  before = figure_in_copy (copy_before);
  g_assert_null (before);

  /* What quitting does. */
  g_assert_true (hubs_store_checkpoint (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_clear_object (&store);

  copy_after = copy_main_file_only (f->path, copies, "after.sqlite3");
  after = figure_in_copy (copy_after);
  g_assert_nonnull (after);
  g_assert_cmpfloat (after->value, ==, 161);
}

/* Holds an exclusive lock on a database in rollback-journal mode from a connection of its
 * own, in its own thread, until told to let go: a reader meanwhile waits in SQLite's busy
 * handler. */
typedef struct
{
  const char *path;
  GMutex      mutex;
  GCond       cond;
  gboolean    locked;
  gboolean    release;
} Blocker;

static gpointer
blocker_thread (gpointer data)
{
  Blocker *b = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (b->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_mutex_lock (&b->mutex);
  b->locked = TRUE;
  g_cond_broadcast (&b->cond);
  while (!b->release)
    g_cond_wait (&b->cond, &b->mutex);
  g_mutex_unlock (&b->mutex);

  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return NULL;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Verified;

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Verified *v = data;

  v->ok = hubs_store_verify_finish (HUBS_STORE (source), result, &v->error);
  v->done = TRUE;
}

static gboolean
count_beat (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static void
test_verify_in_thread (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  Blocker b = { .path = f->path };
  Verified v = { 0 };
  GThread *thread;
  guint beats = 0;
  guint beat_source;

  /* Not WAL, so that a lock keeps readers out; the store switches it to WAL once checked. */
  g_clear_object (&store);
  raw_exec (f->path, "PRAGMA journal_mode = DELETE;");
  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFER_CHECK);

  g_mutex_init (&b.mutex);
  g_cond_init (&b.cond);
  thread = g_thread_new ("blocker", blocker_thread, &b);
  g_mutex_lock (&b.mutex);
  while (!b.locked)
    g_cond_wait (&b.cond, &b.mutex);
  g_mutex_unlock (&b.mutex);

  /* The check cannot read the file yet. Were it on this thread, the call would not return
   * before the lock goes; instead the main loop keeps dispatching. */
  hubs_store_verify_async (store, NULL, on_verified, &v);
  beat_source = g_timeout_add (10, count_beat, &beats);
  while (beats < 5)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (v.done);

  g_mutex_lock (&b.mutex);
  b.release = TRUE;
  g_cond_broadcast (&b.cond);
  g_mutex_unlock (&b.mutex);
  g_thread_join (thread);

  while (!v.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (beat_source);
  g_assert_no_error (v.error);
  g_assert_true (v.ok);

  /* Checked once: now in WAL, and the write goes through without checking again. */
  {
    g_autofree char *mode = raw_query_text (f->path, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
  }
  set_startups (store, 162);

  g_mutex_clear (&b.mutex);
  g_cond_clear (&b.cond);
}

static void
test_verify_in_thread_finds_damage (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsStore) other = NULL;
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sync_error = NULL;
  Verified v = { 0 };

  g_clear_object (&store);
  damage_after_schema (f->path);
  before = hubs_test_read_bytes (f->path);

  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFER_CHECK);
  hubs_store_verify_async (store, NULL, on_verified, &v);

  /* A write that comes before the worker reports back is refused all the same. */
  figure->kpi_id = g_strdup ("sapporo/startups");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = 1;
  g_assert_false (hubs_store_set_figure (store, figure, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CORRUPT);

  while (!v.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (v.ok);
  g_assert_error (v.error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CORRUPT);

  /* The same message as the check on the main thread gives. */
  other = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFER_CHECK);
  g_assert_false (hubs_store_verify (other, &sync_error));
  g_assert_cmpstr (v.error->message, ==, sync_error->message);
  g_clear_error (&v.error);

  g_clear_object (&store);
  g_clear_object (&other);
  g_assert_true (g_bytes_equal (hubs_test_read_bytes (f->path), before));
}

static void
test_write_during_check (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsFigure) figure = NULL;
  Verified v = { 0 };

  g_clear_object (&store);
  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFER_CHECK);

  /* The write waits for the running check, then goes through; the check still reports. */
  hubs_store_verify_async (store, NULL, on_verified, &v);
  set_startups (store, 163);
  g_assert_false (v.done);

  while (!v.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (v.error);
  g_assert_true (v.ok);

  figure = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_nonnull (figure);
  g_assert_cmpfloat (figure->value, ==, 163);
}

/* Many figures at once (an import): what is stored as given changes nothing, the same
 * figure twice stores the last, and each change is in the history, field by field, on
 * either engine (set-wise on SQLite, a figure at a time on the server). */
static void
test_apply_figures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *history = NULL;
  g_autofree char *last = NULL;
  g_autofree char *value = NULL;
  HubsFigure *baseline;
  guint n_changed = 99;

  baseline = hubs_store_get_figure (store, "sapporo/startups", 2024, HUBS_FIGURE_BASELINE,
                                    &error);
  g_assert_no_error (error);
  g_ptr_array_add (figures, baseline);
  g_ptr_array_add (figures, hubs_test_make_actual ("sapporo/startups", 2025, 150));
  g_ptr_array_add (figures, hubs_test_make_actual ("tokyo/unicorns", 2025, 2));
  g_ptr_array_add (figures, hubs_test_make_actual ("sapporo/startups", 2025, 151.25));

  hubs_store_set_author (store, "山田 花子", "札幌市");
  g_assert_true (hubs_store_apply_figures (store, figures, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);

  stored = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stored->value, ==, 151.25);

  /* Two new figures, two history rows each (the value, provisional), none for the baseline. */
  history = raw_query_text (f->path, "SELECT count(*) FROM history");
  g_assert_cmpstr (history, ==, "4");
  last = raw_query_text (f->path, "SELECT kpi_id || ' ' || field || ' ' || new_value || ' ' || "
                                  "changed_by FROM history WHERE field = 'value' AND kpi_id = "
                                  "'sapporo/startups'");
  g_assert_cmpstr (last, ==, "sapporo/startups value 151.25 山田 花子");

  /* Again: nothing changes. */
  g_assert_true (hubs_store_apply_figures (store, figures, &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 0);
  g_clear_pointer (&history, g_free);
  history = raw_query_text (f->path, "SELECT count(*) FROM history");
  g_assert_cmpstr (history, ==, "4");

  /* A submitted year refuses the whole set, and nothing of it is stored. */
  g_assert_true (hubs_store_set_year_state (store, "tokyo", 2025, HUBS_YEAR_SUBMITTED, NULL,
                                            &error));
  g_ptr_array_set_size (figures, 0);
  g_ptr_array_add (figures, hubs_test_make_actual ("sapporo/startups", 2025, 200));
  g_ptr_array_add (figures, hubs_test_make_actual ("tokyo/unicorns", 2025, 3));
  g_assert_false (hubs_store_apply_figures (store, figures, &n_changed, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_LOCKED);
  value = raw_query_text (f->path, "SELECT value FROM figure WHERE kpi_id = 'sapporo/startups' "
                                   "AND fiscal_year = 2025 AND kind = 'actual'");
  g_assert_cmpstr (value, ==, "151.25");
}

/* Runs @argv (NULL-terminated); fails the test with its output when it fails. */
static void
run_or_fail (const char * const *argv)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
}

/* A file on a file system in user space (FUSE, as cloud-synced folders and sshfs are; bindfs
 * here) is found out when it is opened: the store says so in words, and keeps it out of WAL
 * mode, whose shared memory does not work there. */
static void
test_network_file_system (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *real = g_build_filename (f->dir, "real", NULL);
  g_autofree char *mount = g_build_filename (f->dir, "shared-drive", NULL);
  g_autofree char *path = g_build_filename (mount, "hubs.sqlite3", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *warning = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *local_warning = NULL;
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsStore) local = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(GError) error = NULL;
  const char *bindfs[] = { "bindfs", real, mount, NULL };
  const char *unmount[] = { "fusermount", "-u", mount, NULL };
  g_autofree char *bindfs_path = g_find_program_in_path ("bindfs");

  if (bindfs_path == NULL)
    g_error ("This test needs bindfs (build-aux/deps.sh installs it)");

  g_assert_cmpint (g_mkdir (real, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (mount, 0755), ==, 0);
  run_or_fail (bindfs);

  store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  warning = hubs_store_get_warning (store);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "network or synchronised drive (FUSE)"));
  g_assert_nonnull (strstr (warning, "PostgreSQL"));

  /* It works, without WAL: a change is in the file itself at once. */
  set_startups (store, 163);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  mode = raw_query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_clear_object (&store);

  store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);
  figure = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (figure->value, ==, 163);
  g_clear_object (&store);

  run_or_fail (unmount);

  /* The same file on the local disk is all well. */
  local = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  local_warning = hubs_store_get_warning (local);
  g_assert_null (local_warning);
}

/* A password in the address of a shared database is refused before anything connects: it
 * belongs in PGPASSWORD or ~/.pgpass, never on a command line or in the settings. */
static void
test_refuse_password_in_uri (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsStore) store = NULL;

  store = hubs_store_open ("postgresql://hubs:secret@db.example.invalid/hubs",
                           HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PGPASSWORD"));
  g_assert_null (strstr (error->message, "secret"));
  g_clear_error (&error);

  store = hubs_store_open ("postgres:///hubs?host=/nowhere&password=secret",
                           HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Without one, the address is tried, and a server that is not there is said so. */
  store = hubs_store_open ("postgresql:///hubs?host=/nonexistent-folder",
                           HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
}

/* A KPI saved over what the user saw: a field someone else changed meanwhile keeps theirs
 * (nothing is saved), a field nobody else changed is saved, and the other fields keep what is
 * stored. A KPI added under an id taken meanwhile is refused, not written over the other. */
static void
test_replace_kpi (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsKpi) seen = hubs_store_get_kpi (store, "sapporo/startups", &error);
  g_autoptr(HubsKpi) named = hubs_kpi_copy (seen);
  g_autoptr(HubsKpi) counted = hubs_kpi_copy (seen);
  g_autoptr(HubsKpi) renamed = hubs_kpi_copy (seen);
  g_autoptr(HubsKpi) stored = NULL;
  g_autoptr(HubsKpi) taken = hubs_kpi_copy (seen);

  g_assert_no_error (error);
  g_free (named->name_en);
  named->name_en = g_strdup ("Start-ups founded");
  counted->per_year = !seen->per_year;
  g_free (renamed->name_en);
  renamed->name_en = g_strdup ("Start-ups");

  g_assert_true (hubs_store_replace_kpi (store, seen, named, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_replace_kpi (store, seen, counted, &error));
  g_assert_no_error (error);
  g_assert_false (hubs_store_replace_kpi (store, seen, renamed, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  stored = hubs_store_get_kpi (store, "sapporo/startups", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name_en, ==, "Start-ups founded");
  g_assert_cmpint (stored->per_year, ==, !seen->per_year);
  g_assert_cmpstr (stored->name_ja, ==, seen->name_ja);
  g_assert_cmpint (stored->sort_order, ==, seen->sort_order);

  g_free (taken->name_ja);
  taken->name_ja = g_strdup ("別のKPI");
  g_assert_false (hubs_store_replace_kpi (store, NULL, taken, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&stored, hubs_kpi_free);
  stored = hubs_store_get_kpi (store, "sapporo/startups", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name_ja, ==, seen->name_ja);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, hubs_test_files_set_up, func, hubs_test_files_tear_down)
/* What only an SQLite file has: its folder, its header, damage, WAL, file permissions. */
#define ADD_FILE(path, func) \
  if (!hubs_test_engine_is_postgresql ()) \
    ADD (path, func)

  if (!hubs_test_engine_is_postgresql ())
    g_test_add_func ("/hubs/store/default-path", test_default_path);
  ADD ("/hubs/store/create-seeded", test_create_seeded);
  ADD ("/hubs/store/reopen-does-not-seed-again", test_reopen_does_not_seed_again);
  ADD_FILE ("/hubs/store/creates-missing-folders", test_creates_missing_folders);
  ADD ("/hubs/store/migrate-from-v1", test_migrate_from_v1);
  ADD ("/hubs/store/migrate-plan-words", test_migrate_plan_words);
  ADD ("/hubs/store/refuse-newer", test_refuse_newer);
  ADD_FILE ("/hubs/store/refuse-not-sqlite", test_refuse_not_sqlite);
  ADD ("/hubs/store/refuse-other-sqlite", test_refuse_other_sqlite);
  ADD_FILE ("/hubs/store/refuse-corrupt", test_refuse_corrupt);
  ADD_FILE ("/hubs/store/refuse-bad-header", test_refuse_bad_header);
  ADD_FILE ("/hubs/store/deferred-check-refuses-writes", test_deferred_check_refuses_writes);
  ADD_FILE ("/hubs/store/verify-in-thread", test_verify_in_thread);
  ADD_FILE ("/hubs/store/verify-in-thread-finds-damage", test_verify_in_thread_finds_damage);
  ADD_FILE ("/hubs/store/write-during-check", test_write_during_check);
  ADD_FILE ("/hubs/store/checkpoint-completes-main-file", test_checkpoint_completes_main_file);
  ADD_FILE ("/hubs/store/read-only", test_read_only);
  ADD_FILE ("/hubs/store/missing-read-only", test_missing_read_only);
  ADD ("/hubs/store/edit-writes-history", test_edit_writes_history);
  ADD ("/hubs/store/edit-survives-reopen", test_edit_survives_reopen);
  ADD ("/hubs/store/edit-unknown-kpi-rejected", test_edit_unknown_kpi_rejected);
  ADD_FILE ("/hubs/store/save-statement-count", test_save_statement_count);
  ADD ("/hubs/store/new-hub-id", test_new_hub_id);
  ADD ("/hubs/store/replace-kpi", test_replace_kpi);
  ADD ("/hubs/store/apply-figures", test_apply_figures);
  ADD_FILE ("/hubs/store/network-file-system", test_network_file_system);
  g_test_add_func ("/hubs/store/refuse-password-in-uri", test_refuse_password_in_uri);

#undef ADD_FILE
#undef ADD

  return g_test_run ();
}
