/* test-store-connection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shared database when its server goes away and comes back (hubs-store-connection.c and
 * the driver's part of it), on a real server (tests/with-postgresql.sh) stopped and started
 * mid-test: a save fails with HUBS_STORE_ERROR_UNREACHABLE and writes nothing, the store
 * says it is not connected, and once the server is back the next save goes through, the
 * store says it is connected and announces that anything may have changed.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hubs-db-pg.h"
#include "hubs-store.h"
#include "hubs-test-util.h"

typedef struct
{
  char      *dir;
  char      *uri;
  HubsStore *store;
  guint      n_all;
  guint      n_connected_notifies;
} Fixture;

static void
on_changed (HubsStore             *store,
            const HubsStoreChange *change,
            Fixture               *f)
{
  if (change->kind == HUBS_STORE_CHANGE_ALL)
    f->n_all++;
}

static void
on_notify_connected (HubsStore  *store,
                     GParamSpec *pspec,
                     Fixture    *f)
{
  f->n_connected_notifies++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  if (!hubs_test_engine_is_postgresql ())
    g_error ("test-store-connection needs a PostgreSQL server: run it with "
             "tests/with-postgresql.sh");

  f->dir = hubs_test_make_dir ();
  f->uri = hubs_test_database_path (f->dir, "unused");
  f->store = hubs_test_open_store (f->uri, HUBS_STORE_OPEN_DEFAULT);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->store, "notify::connected", G_CALLBACK (on_notify_connected), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->uri);
}

/* Runs the main loop's pending work, where the store says what it found. */
static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits, running the main loop, until the store says it is connected again. */
static void
wait_connected (Fixture *f)
{
  gint64 deadline = hubs_test_deadline (30);

  while (!hubs_store_get_connected (f->store))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The store did not connect again");
      g_main_context_iteration (NULL, TRUE);
    }
  iterate ();
}

static char *
figure_on_server (Fixture *f)
{
  return hubs_test_query_text (f->uri, "SELECT value FROM figure WHERE kpi_id = "
                                       "'sapporo/startups' AND fiscal_year = 2025 AND "
                                       "kind = 'actual'");
}

static char *
history_rows_on_server (Fixture *f)
{
  return hubs_test_query_text (f->uri, "SELECT count(*) FROM history");
}

/* The server goes; a save fails with the words the field shows, and nothing is written. */
static void
lose_server (Fixture *f)
{
  g_autoptr(HubsFigure) lost = hubs_test_make_actual ("sapporo/startups", 2025, 200);
  g_autoptr(GError) error = NULL;

  hubs_test_postgresql_server ("stop");

  g_assert_false (hubs_store_set_figure (f->store, lost, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "server cannot be reached"));
  g_clear_error (&error);

  /* Another try while the server is away fails the same way, at once. */
  g_assert_false (hubs_store_set_figure (f->store, lost, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE);

  iterate ();
  g_assert_false (hubs_store_get_connected (f->store));
  g_assert_cmpuint (f->n_connected_notifies, ==, 1);
  g_assert_cmpuint (f->n_all, ==, 0);
}

static void
save_first (Fixture  *f,
            char    **history_rows)
{
  g_autoptr(HubsFigure) first = hubs_test_make_actual ("sapporo/startups", 2025, 100);
  g_autoptr(GError) error = NULL;
  g_autofree char *on_server = NULL;

  g_assert_true (hubs_store_get_connected (f->store));
  g_assert_true (hubs_store_set_figure (f->store, first, &error));
  g_assert_no_error (error);
  on_server = figure_on_server (f);
  g_assert_cmpstr (on_server, ==, "100");
  *history_rows = history_rows_on_server (f);
}

/* Once the server is back, the store connects again by itself (in a worker thread, as the
 * window needs it), announces that anything may have changed, and the next save goes in. */
static void
test_reconnects_by_itself (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HubsFigure) again = hubs_test_make_actual ("sapporo/startups", 2025, 200);
  g_autoptr(GError) error = NULL;
  g_autofree char *history_before = NULL;
  g_autofree char *history_after = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *value = NULL;

  save_first (f, &history_before);
  lose_server (f);

  hubs_test_postgresql_server ("start");

  /* Nothing of the failed saves reached the server: the figure and its history are as
   * they were. */
  on_server = figure_on_server (f);
  g_assert_cmpstr (on_server, ==, "100");
  history_after = history_rows_on_server (f);
  g_assert_cmpstr (history_after, ==, history_before);

  /* As Try Again does; the store also tries every few seconds by itself. */
  hubs_store_reconnect (f->store);
  wait_connected (f);
  g_assert_cmpuint (f->n_connected_notifies, ==, 2);
  g_assert_cmpuint (f->n_all, ==, 1);

  g_assert_true (hubs_store_set_figure (f->store, again, &error));
  g_assert_no_error (error);
  value = figure_on_server (f);
  g_assert_cmpstr (value, ==, "200");
}

/* Without a try in between, the next use after the server is back connects again itself. */
static void
test_next_save_reconnects (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HubsFigure) again = hubs_test_make_actual ("sapporo/startups", 2025, 300);
  g_autoptr(HubsFigure) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *history_before = NULL;
  g_autofree char *value = NULL;

  save_first (f, &history_before);
  lose_server (f);
  hubs_test_postgresql_server ("start");

  /* The driver tries again at most every two seconds after a try that failed. */
  g_usleep (2100 * 1000);

  g_assert_true (hubs_store_set_figure (f->store, again, &error));
  g_assert_no_error (error);
  value = figure_on_server (f);
  g_assert_cmpstr (value, ==, "300");

  read = hubs_store_get_figure (f->store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (read->value, ==, 300);

  iterate ();
  g_assert_true (hubs_store_get_connected (f->store));
  g_assert_cmpuint (f->n_connected_notifies, ==, 2);
  g_assert_cmpuint (f->n_all, ==, 1);
}

/* The server ends the connection inside a transaction: the rest of that transaction fails
 * without connecting again (it would run outside the transaction), the store's ROLLBACK
 * ends it, the next statement connects again, and nothing of it is on the server. */
static void
test_transaction_gone_with_connection (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *uri = hubs_test_database_path (dir, "unused");
  g_autofree char *message = NULL;
  g_autofree char *terminate = NULL;
  g_autofree char *rows = NULL;
  HubsDbStmt *stmt = NULL;
  HubsDb *db;
  int rc;

  db = hubs_db_pg_open (uri, FALSE, &rc, &message);
  g_assert_nonnull (db);
  g_assert_cmpint (hubs_db_exec (db, "CREATE TABLE t (x INTEGER)"), ==, HUBS_DB_OK);
  g_assert_cmpint (hubs_db_exec (db, "BEGIN"), ==, HUBS_DB_OK);
  g_assert_cmpint (hubs_db_exec (db, "INSERT INTO t VALUES (1)"), ==, HUBS_DB_OK);

  g_assert_cmpint (hubs_db_prepare (db, "SELECT pg_backend_pid ()", &stmt), ==, HUBS_DB_OK);
  g_assert_cmpint (hubs_db_stmt_step (stmt), ==, HUBS_DB_ROW);
  terminate = g_strdup_printf ("SELECT pg_terminate_backend (%d)",
                               hubs_db_stmt_column_int (stmt, 0));
  hubs_db_stmt_finalize (stmt);
  hubs_test_exec_sql (uri, terminate);

  g_assert_cmpint (hubs_db_exec (db, "INSERT INTO t VALUES (2)"), ==, HUBS_DB_UNREACHABLE);
  g_assert_false (hubs_db_pg_is_connected (db));
  g_assert_true (hubs_db_in_transaction (db));
  g_assert_cmpint (hubs_db_exec (db, "INSERT INTO t VALUES (3)"), ==, HUBS_DB_UNREACHABLE);
  g_assert_cmpint (hubs_db_exec (db, "ROLLBACK"), ==, HUBS_DB_OK);
  g_assert_false (hubs_db_in_transaction (db));

  g_assert_cmpint (hubs_db_exec (db, "INSERT INTO t VALUES (4)"), ==, HUBS_DB_OK);
  g_assert_true (hubs_db_pg_is_connected (db));
  rows = hubs_test_query_text (uri, "SELECT string_agg (x::text, ',') FROM t");
  g_assert_cmpstr (rows, ==, "4");

  hubs_db_close (db);
  hubs_test_remove_dir (dir);
}

/* A file is always connected, and its store never says otherwise. */
static void
test_file_is_connected (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *path = hubs_test_path (dir, "hubs.sqlite3");
  HubsStore *store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);

  g_assert_true (hubs_store_get_connected (store));
  hubs_store_reconnect (store);
  g_assert_true (hubs_store_get_connected (store));
  g_assert_finalize_object (store);
  hubs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hubs/store-connection/file-is-connected", test_file_is_connected);
  g_test_add_func ("/hubs/store-connection/transaction-gone-with-connection",
                   test_transaction_gone_with_connection);
  g_test_add ("/hubs/store-connection/reconnects-by-itself", Fixture, NULL, fixture_set_up,
              test_reconnects_by_itself, fixture_tear_down);
  g_test_add ("/hubs/store-connection/next-save-reconnects", Fixture, NULL, fixture_set_up,
              test_next_save_reconnects, fixture_tear_down);

  return g_test_run ();
}
