/* test-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Setting up a shared database and moving one: hubs --init-database and --copy-database, run
 * as a user runs them, against a real PostgreSQL server (tests/with-postgresql.sh) and real
 * SQLite files, read back with their own connections.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>

#include "hubs-test-util.h"

static void
assert_success (const HubsTestRun *run)
{
  if (!g_spawn_check_wait_status (run->status, NULL))
    g_error ("hubs failed: %s", run->err);
}

/* Every figure of @database as the CSV export writes it. */
static char *
export_csv (const char *dir,
            const char *database,
            const char *name)
{
  g_autofree char *path = hubs_test_path (dir, name);
  g_autofree char *option = g_strconcat ("--database=", database, NULL);
  g_autofree char *output = g_strconcat ("--export-csv=", path, NULL);
  g_auto(HubsTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  hubs_test_run_hubs (&run, option, output, NULL);
  assert_success (&run);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);

  return text;
}

/* Fails with the first line that differs, rather than with both exports whole. */
static void
assert_same_lines (const char *actual,
                   const char *expected)
{
  g_auto(GStrv) a = g_strsplit (actual, "\n", -1);
  g_auto(GStrv) e = g_strsplit (expected, "\n", -1);

  for (guint i = 0; a[i] != NULL || e[i] != NULL; i++)
    if (a[i] == NULL || e[i] == NULL || !g_str_equal (a[i], e[i]))
      g_error ("line %u differs:\n  %s\nexpected\n  %s", i + 1, a[i] ? a[i] : "(none)",
               e[i] ? e[i] : "(none)");
}

typedef HubsTestFiles Fixture;

/* An empty database on the server becomes one with the plan: the same figures, read back
 * through the export, as a new file holds. */
static void
test_init_seeds (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *file = hubs_test_path (f->dir, "local.sqlite3");
  g_autofree char *init_server = g_strconcat ("--init-database=", f->path, NULL);
  g_autofree char *init_file = g_strconcat ("--init-database=", file, NULL);
  g_autofree char *on_server = NULL;
  g_autofree char *in_file = NULL;
  g_autofree char *version = NULL;
  g_auto(HubsTestRun) run = { 0 };
  g_auto(HubsTestRun) again = { 0 };
  g_auto(HubsTestRun) local = { 0 };

  hubs_test_run_hubs (&run, init_server, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "13 hubs"));

  version = hubs_test_query_text (f->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (HUBS_STORE_SCHEMA_VERSION));

  /* Once ready, it says so and adds nothing. */
  hubs_test_run_hubs (&again, init_server, NULL);
  assert_success (&again);
  g_assert_nonnull (strstr (again.out, "already holds Hubs data"));

  hubs_test_run_hubs (&local, init_file, NULL);
  assert_success (&local);

  on_server = export_csv (f->dir, f->path, "server.csv");
  in_file = export_csv (f->dir, file, "file.csv");
  g_assert_cmpuint (strlen (on_server), >, 10000);
  assert_same_lines (on_server, in_file);
}

/* A database that holds another program's tables is refused, and left as it was. */
static void
test_init_refuses_other_tables (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *init = g_strconcat ("--init-database=", f->path, NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *hub_table = NULL;
  g_auto(HubsTestRun) run = { 0 };

  hubs_test_exec_sql (f->path, "CREATE TABLE contacts (name TEXT); "
                               "INSERT INTO contacts VALUES ('山田');");
  before = hubs_test_read_bytes (f->path);

  hubs_test_run_hubs (&run, init, NULL);
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.err, "holds other tables"));
  g_assert_null (strchr (strchr (run.err, '\n') + 1, '\n'));

  after = hubs_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  hub_table = hubs_test_query_text (f->path, "SELECT to_regclass ('hub')::text");
  g_assert_null (hub_table);
}

/* A database of a newer Hubs is refused, and left as it was. */
static void
test_init_refuses_newer (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *init = g_strconcat ("--init-database=", f->path, NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(HubsTestRun) first = { 0 };
  g_auto(HubsTestRun) run = { 0 };

  hubs_test_run_hubs (&first, init, NULL);
  assert_success (&first);
  hubs_test_exec_sql (f->path, "PRAGMA user_version = 99");
  before = hubs_test_read_bytes (f->path);

  hubs_test_run_hubs (&run, init, NULL);
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.err, "newer version of Hubs"));

  after = hubs_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* The newest history row, as a user would trace it: who changed what to what. */
static char *
last_change (const char *database)
{
  return hubs_test_query_text (database,
                               "SELECT coalesce (changed_by, '') || ' / ' || "
                               "coalesce (organisation, '') || ' / ' || coalesce (kpi_id, '') || "
                               "' / ' || field || ' / ' || coalesce (new_value, '') || ' / ' || "
                               "changed_at FROM history ORDER BY id DESC LIMIT 1");
}

/* A file with its own changes goes to the server and back: the export of all three is the
 * same, and so are the history, the year states and the explanations. */
static void
test_copy_both_ways (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *file = hubs_test_path (f->dir, "office.sqlite3");
  g_autofree char *back = hubs_test_path (f->dir, "trip.sqlite3");
  g_autofree char *copy_up = g_strconcat ("--copy-database=", file, NULL);
  g_autofree char *to_server = g_strconcat ("--to=", f->path, NULL);
  g_autofree char *copy_down = g_strconcat ("--copy-database=", f->path, NULL);
  g_autofree char *to_file = g_strconcat ("--to=", back, NULL);
  g_autofree char *in_file = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *in_copy = NULL;
  g_autofree char *change = NULL;
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsFigure) actual = hubs_test_make_actual ("fukuoka/valuation-10bn-yen", 2025, 7);
  g_autoptr(HubsExplanation) explanation = hubs_explanation_new ("fukuoka/valuation-10bn-yen",
                                                                 2025);
  g_autoptr(GError) error = NULL;
  g_auto(HubsTestRun) up = { 0 };
  g_auto(HubsTestRun) down = { 0 };
  g_auto(HubsTestRun) refused = { 0 };
  static const char * const checks[] = {
    "SELECT count(*) FROM history",
    "SELECT state || ' ' || changed_by FROM year_state WHERE hub_id = 'fukuoka'",
    "SELECT why || ' / ' || action FROM explanation",
    "SELECT count(*) FROM kpi WHERE parent_id IS NOT NULL",
    "SELECT count(*) FROM phase1_result",
    /* A file's changes name no database user, on the server too. */
    "SELECT count(*) FROM history WHERE db_user IS NULL",
  };

  store = hubs_test_open_store (file, HUBS_STORE_OPEN_DEFAULT);
  hubs_store_set_author (store, "山田 花子", "福岡市 スタートアップ推進課");
  g_assert_true (hubs_store_set_figure (store, actual, &error));
  g_assert_no_error (error);
  g_free (explanation->why);
  explanation->why = g_strdup ("大型案件の延期");
  g_free (explanation->action);
  explanation->action = g_strdup ("次年度に再挑戦");
  g_assert_true (hubs_store_set_explanation (store, explanation, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_set_year_state (store, "fukuoka", 2025, HUBS_YEAR_SUBMITTED, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_checkpoint (store, &error));
  g_clear_object (&store);

  hubs_test_run_hubs (&up, copy_up, to_server, NULL);
  assert_success (&up);
  hubs_test_run_hubs (&down, copy_down, to_file, NULL);
  assert_success (&down);

  in_file = export_csv (f->dir, file, "file.csv");
  on_server = export_csv (f->dir, f->path, "server.csv");
  in_copy = export_csv (f->dir, back, "copy.csv");
  g_assert_nonnull (strstr (in_file, ",fukuoka/valuation-10bn-yen,"));
  assert_same_lines (on_server, in_file);
  assert_same_lines (in_copy, in_file);

  change = last_change (file);
  g_assert_nonnull (strstr (change, "山田 花子 / 福岡市 スタートアップ推進課"));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *a = hubs_test_query_text (file, checks[i]);
      g_autofree char *b = hubs_test_query_text (f->path, checks[i]);
      g_autofree char *c = hubs_test_query_text (back, checks[i]);

      g_assert_nonnull (a);
      g_assert_cmpstr (b, ==, a);
      g_assert_cmpstr (c, ==, a);
    }
  {
    g_autofree char *b = last_change (f->path);
    g_autofree char *c = last_change (back);

    g_assert_cmpstr (b, ==, change);
    g_assert_cmpstr (c, ==, change);
  }

  /* The server goes on from there: a new change gets the next history row. */
  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_clear_pointer (&actual, hubs_figure_free);
  actual = hubs_test_make_actual ("sapporo/startups", 2025, 163);
  g_assert_true (hubs_store_set_figure (store, actual, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_pointer (&change, g_free);
  change = last_change (f->path);
  g_assert_nonnull (strstr (change, " / sapporo/startups / "));
  g_clear_pointer (&change, g_free);
  change = hubs_test_query_text (f->path, "SELECT new_value FROM history WHERE field = 'value' "
                                          "ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (change, ==, "163");

  /* The server's change names its database user, in a copy too. */
  {
    g_autofree char *again = hubs_test_path (f->dir, "again.sqlite3");
    g_autofree char *to_again = g_strconcat ("--to=", again, NULL);
    g_autofree char *by = NULL;
    g_auto(HubsTestRun) down_again = { 0 };

    hubs_test_run_hubs (&down_again, copy_down, to_again, NULL);
    assert_success (&down_again);
    by = hubs_test_query_text (again, "SELECT db_user FROM history ORDER BY id DESC LIMIT 1");
    g_assert_cmpstr (by, ==, "postgres");
  }

  /* A database that holds anything is not copied into, and keeps what it holds. */
  hubs_test_run_hubs (&refused, copy_up, to_server, NULL);
  g_assert_false (g_spawn_check_wait_status (refused.status, NULL));
  g_assert_nonnull (strstr (refused.err, "already holds figures"));
  g_clear_pointer (&change, g_free);
  change = last_change (f->path);
  g_assert_nonnull (strstr (change, " / sapporo/startups / "));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* These are about the server: without one (tests/with-postgresql.sh), fail, never skip. */
  if (!hubs_test_engine_is_postgresql ())
    g_error ("test-database needs a PostgreSQL server: run it with tests/with-postgresql.sh");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, hubs_test_files_set_up, func, hubs_test_files_tear_down)

  ADD ("/hubs/database/init-seeds", test_init_seeds);
  ADD ("/hubs/database/init-refuses-other-tables", test_init_refuses_other_tables);
  ADD ("/hubs/database/init-refuses-newer", test_init_refuses_newer);
  ADD ("/hubs/database/copy-both-ways", test_copy_both_ways);

#undef ADD

  return g_test_run ();
}
