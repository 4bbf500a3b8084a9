/* test-concurrent.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two people on one shared database at the same time, on a real PostgreSQL server
 * (tests/with-postgresql.sh): two saves made on the same figure never both succeed, the one
 * refused says who changed the figure, when and to what, a save over it is recorded as such
 * and can be undone, and a change saved on one connection reaches the other as exactly that
 * change within a second. The same for a KPI's and a hub's fields: two people changing two
 * fields both keep theirs, two changing one field never both succeed, and two adding a KPI
 * at once get two KPIs.
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "hubs-history.h"
#include "hubs-store-conflict.h"
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

/* Takes, in @conn's transaction, the lock a save of @what (figures, kpi, explanation) of
 * @key holds until it ends (see _hubs_store_lock()). */
static void
raw_lock (PGconn     *conn,
          const char *what,
          const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pg_advisory_xact_lock (hashtext "
                                          "(current_schema () || ' %s'), hashtext ('%s'))",
                                          what, key);

  raw_exec (conn, sql);
}

/* Waits until a connection waits for a lock another holds. */
static void
wait_until_blocked (PGconn *conn)
{
  gint64 deadline = hubs_test_deadline (10);

  while (raw_count (conn, "SELECT count(*) FROM pg_locks WHERE NOT granted") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * 1000);
    }
}

/* Writer A is half-way through its save of the figure (as change_figure() does it: the
 * KPI's figures locked, the figure written, not yet committed) when writer B, who saw the same
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

  if (figure_exists)
    g_assert_true (hubs_store_set_figure (f->a, seen, &error));
  g_assert_no_error (error);

  raw_exec (conn, "BEGIN");
  raw_lock (conn, "figures", KPI);
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
  wait_until_blocked (conn);
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

typedef struct
{
  HubsStore *store;
  GPtrArray *figures;
  GError    *error;
  gboolean   applied;
} Import;

static gpointer
import_thread (gpointer data)
{
  Import *import = data;

  import->applied = hubs_store_apply_figures (import->store, import->figures, NULL,
                                              &import->error);
  return NULL;
}

/* An import waits for a save of the same KPI in progress, so the save's check holds until
 * it commits; the import comes after it, and nothing is lost between them. */
static void
test_import_waits_for_save (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *values = NULL;
  Import import = { 0 };
  PGconn *conn = connect_raw (f->uri);
  GThread *thread;

  g_ptr_array_add (figures, hubs_test_make_actual (KPI, 2025, 300));
  g_ptr_array_add (figures, hubs_test_make_actual ("sapporo/funding-deals", 2025, 30));

  raw_exec (conn, "BEGIN");
  raw_lock (conn, "figures", KPI);
  raw_exec (conn, "INSERT INTO figure (kpi_id, fiscal_year, kind, value, measured, "
                  "confirmed) VALUES ('" KPI "', 2025, 'actual', 200, 1, 0)");

  import.store = f->b;
  import.figures = figures;
  thread = g_thread_new ("import", import_thread, &import);
  wait_until_blocked (conn);
  raw_exec (conn, "COMMIT");
  g_thread_join (thread);
  g_assert_no_error (import.error);
  g_assert_true (import.applied);

  /* The history has the save's figure as the import's old value: the import saw it. */
  values = hubs_test_query_text (f->uri, "SELECT old_value || ' ' || new_value FROM history "
                                         "WHERE kpi_id = '" KPI "' AND field = 'value'");
  g_assert_cmpstr (values, ==, "200 300");
  PQfinish (conn);
}

/* The same race on an SQLite file: BEGIN IMMEDIATE lets one writer in at a time, so B waits
 * for A's transaction and then refuses. */
static void
test_race_sqlite (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *path = hubs_test_path (dir, "hubs.sqlite3");
  g_autoptr(HubsFigure) seen = hubs_test_make_actual (KPI, 2025, 100);
  g_autoptr(HubsFigure) ours = hubs_test_make_actual (KPI, 2025, 300);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GError) error = NULL;
  HubsStore *store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);
  Save save = { 0 };
  sqlite3 *db = NULL;
  GThread *thread;

  g_assert_true (hubs_store_set_figure (store, seen, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE figure SET value = 200 WHERE "
                                     "kpi_id = '" KPI "' AND fiscal_year = 2025 AND "
                                     "kind = 'actual'", NULL, NULL, NULL), ==, SQLITE_OK);

  save.store = store;
  save.before = seen;
  save.after = ours;
  thread = g_thread_new ("save", save_thread, &save);
  /* B waits for the file's lock (its busy timeout is seconds); A commits meanwhile. */
  g_usleep (300 * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_thread_join (thread);
  sqlite3_close (db);

  g_assert_false (save.saved);
  g_assert_error (save.error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&save.error);
  stored = hubs_store_get_figure (store, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_cmpfloat (stored->value, ==, 200);

  g_assert_finalize_object (store);
  hubs_test_remove_dir (dir);
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

/* The figures of the changes seen, copies (NULL for a figure removed). */
#define FIGURES_NEW() g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free)

typedef struct
{
  GPtrArray *kinds;
  GPtrArray *figures;
  char      *kpi_id;
  int        fiscal_year;
} Changes;

static void
on_changed (HubsStore             *store,
            const HubsStoreChange *change,
            Changes               *changes)
{
  g_ptr_array_add (changes->kinds, GINT_TO_POINTER (change->kind));
  if (change->kind == HUBS_STORE_CHANGE_FIGURE)
    {
      g_free (changes->kpi_id);
      changes->kpi_id = g_strdup (change->kpi_id);
      changes->fiscal_year = change->fiscal_year;
      g_ptr_array_add (changes->figures,
                       change->figure != NULL ? hubs_figure_copy (change->figure) : NULL);
    }
}

static void
changes_clear (Changes *changes)
{
  g_ptr_array_set_size (changes->kinds, 0);
  g_ptr_array_set_size (changes->figures, 0);
  g_clear_pointer (&changes->kpi_id, g_free);
}

/* Runs the main loop until @changes holds @n changes, for at most a second. */
static void
wait_for_changes (Changes *changes,
                  guint    n)
{
  gint64 deadline = hubs_test_deadline (1);

  while (changes->kinds->len < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (changes->kinds->len, >=, n);
}

/* Runs the main loop for a while: what would arrive has arrived. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 200 * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_notify_figure (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HubsStoreWatch) watch = hubs_store_watch_new (f->b);
  g_autoptr(HubsFigure) figure = hubs_test_make_actual (KPI, 2026, 4321);
  g_autoptr(HubsFigure) own = hubs_test_make_actual (KPI, 2027, 99);
  g_autoptr(GError) error = NULL;
  Changes changes = { g_ptr_array_new (), FIGURES_NEW (), NULL, 0 };
  PGconn *conn;

  g_ptr_array_set_free_func (changes.figures, (GDestroyNotify) hubs_figure_free);
  g_signal_connect (f->b, "changed", G_CALLBACK (on_changed), &changes);

  /* A's save reaches B as exactly that figure. */
  g_assert_true (hubs_store_set_figure (f->a, figure, &error));
  g_assert_no_error (error);
  wait_for_changes (&changes, 1);
  settle ();
  g_assert_cmpuint (changes.kinds->len, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (changes.kinds->pdata[0]), ==, HUBS_STORE_CHANGE_FIGURE);
  g_assert_cmpstr (changes.kpi_id, ==, KPI);
  g_assert_cmpint (changes.fiscal_year, ==, 2026);
  g_assert_nonnull (changes.figures->pdata[0]);
  g_assert_true (hubs_figure_equal (changes.figures->pdata[0], figure));
  changes_clear (&changes);

  /* B's own save is told once, by B itself, not again by its notice. */
  g_assert_true (hubs_store_set_figure (f->b, own, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.kinds->len, ==, 1);
  settle ();
  g_assert_cmpuint (changes.kinds->len, ==, 1);
  changes_clear (&changes);

  /* A removal arrives as no figure. */
  g_assert_true (hubs_store_remove_figure (f->a, KPI, 2026, HUBS_FIGURE_ACTUAL, &error));
  g_assert_no_error (error);
  wait_for_changes (&changes, 1);
  g_assert_cmpint (GPOINTER_TO_INT (changes.kinds->pdata[0]), ==, HUBS_STORE_CHANGE_FIGURE);
  g_assert_null (changes.figures->pdata[0]);
  changes_clear (&changes);

  /* A change made past Hubs, straight on the server, arrives too. */
  conn = connect_raw (f->uri);
  raw_exec (conn, "UPDATE figure SET value = 100 WHERE kpi_id = '" KPI "' AND "
                  "fiscal_year = 2027 AND kind = 'actual'");
  PQfinish (conn);
  wait_for_changes (&changes, 1);
  g_assert_cmpint (GPOINTER_TO_INT (changes.kinds->pdata[0]), ==, HUBS_STORE_CHANGE_FIGURE);
  g_assert_cmpint (changes.fiscal_year, ==, 2027);
  g_assert_cmpfloat (((HubsFigure *) changes.figures->pdata[0])->value, ==, 100);
  changes_clear (&changes);

  g_signal_handlers_disconnect_by_data (f->b, &changes);
  changes_clear (&changes);
  g_ptr_array_unref (changes.kinds);
  g_ptr_array_unref (changes.figures);
}

/* The watch's connection lost (the server ended it): the watch connects again by itself,
 * and says everything may have changed, since what was saved meanwhile went unheard. */
static void
test_notify_after_lost_connection (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(HubsStoreWatch) watch = hubs_store_watch_new (f->b);
  g_autoptr(HubsFigure) missed = hubs_test_make_actual (KPI, 2026, 111);
  g_autoptr(HubsFigure) heard = hubs_test_make_actual (KPI, 2027, 222);
  g_autoptr(GError) error = NULL;
  Changes changes = { g_ptr_array_new (), FIGURES_NEW (), NULL, 0 };
  PGconn *conn = connect_raw (f->uri);
  gint64 deadline;

  g_ptr_array_set_free_func (changes.figures, (GDestroyNotify) hubs_figure_free);
  g_signal_connect (f->b, "changed", G_CALLBACK (on_changed), &changes);

  g_assert_cmpint (raw_count (conn, "SELECT count(pg_terminate_backend (pid)) FROM "
                                    "pg_stat_activity WHERE query LIKE 'LISTEN %'"), ==, 1);
  PQfinish (conn);
  settle ();
  g_assert_true (hubs_store_set_figure (f->a, missed, &error));
  g_assert_no_error (error);

  deadline = hubs_test_deadline (HUBS_STORE_WATCH_RETRY_INTERVAL / 1000 + 3);
  while (changes.kinds->len == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes.kinds->len, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (changes.kinds->pdata[0]), ==, HUBS_STORE_CHANGE_ALL);
  changes_clear (&changes);

  /* Listening again: the next change arrives as itself. */
  g_assert_true (hubs_store_set_figure (f->a, heard, &error));
  g_assert_no_error (error);
  wait_for_changes (&changes, 1);
  g_assert_cmpint (GPOINTER_TO_INT (changes.kinds->pdata[0]), ==, HUBS_STORE_CHANGE_FIGURE);
  g_assert_cmpint (changes.fiscal_year, ==, 2027);

  g_signal_handlers_disconnect_by_data (f->b, &changes);
  changes_clear (&changes);
  g_ptr_array_unref (changes.kinds);
  g_ptr_array_unref (changes.figures);
}

/* The test server's main process, which takes new connections. */
static int
server_pid (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HUBS_TEST_POSTGRESQL_DIR"), "data",
                                            "postmaster.pid", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return atoi (contents);
}

/* The connection that listens is lost while the server takes no new connections (its main
 * process stopped: a try to connect waits, as on a network that drops what is sent). The
 * tries to listen again wait in a worker thread: the main loop never waits for them. Once
 * the server takes connections again, the watch listens again and says so. */
static void
test_notify_while_server_silent (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(HubsStoreWatch) watch = hubs_store_watch_new (f->b);
  g_autoptr(HubsFigure) heard = hubs_test_make_actual (KPI, 2027, 333);
  g_autoptr(GError) error = NULL;
  Changes changes = { g_ptr_array_new (), FIGURES_NEW (), NULL, 0 };
  PGconn *conn = connect_raw (f->uri);
  int pid = server_pid ();
  HubsTestTicks *ticks;
  gint64 longest;
  gint64 until;
  gint64 deadline;

  g_ptr_array_set_free_func (changes.figures, (GDestroyNotify) hubs_figure_free);
  g_signal_connect (f->b, "changed", G_CALLBACK (on_changed), &changes);

  g_assert_cmpint (raw_count (conn, "SELECT count(pg_terminate_backend (pid)) FROM "
                                    "pg_stat_activity WHERE query LIKE 'LISTEN %'"), ==, 1);
  PQfinish (conn);
  settle ();
  g_assert_cmpint (kill (pid, SIGSTOP), ==, 0);

  ticks = hubs_test_ticks_start ();
  until = g_get_monotonic_time () + (HUBS_STORE_WATCH_RETRY_INTERVAL + 3000) * 1000;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  longest = hubs_test_ticks_stop (ticks);
  g_assert_cmpint (kill (pid, SIGCONT), ==, 0);
  g_test_message ("longest wait of the main loop while the watch tried to listen: %.1f ms",
                  longest / 1000.0);
  g_assert_cmpint (longest, <, G_USEC_PER_SEC / 2);
  g_assert_cmpuint (changes.kinds->len, ==, 0);

  /* Back: the watch listens again, says everything may have changed, and hears the next. */
  deadline = hubs_test_deadline (HUBS_STORE_WATCH_RETRY_INTERVAL / 1000 + 10);
  while (changes.kinds->len == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes.kinds->len, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (changes.kinds->pdata[0]), ==, HUBS_STORE_CHANGE_ALL);
  changes_clear (&changes);

  g_assert_true (hubs_store_set_figure (f->a, heard, &error));
  g_assert_no_error (error);
  wait_for_changes (&changes, 1);
  g_assert_cmpint (GPOINTER_TO_INT (changes.kinds->pdata[0]), ==, HUBS_STORE_CHANGE_FIGURE);

  g_signal_handlers_disconnect_by_data (f->b, &changes);
  changes_clear (&changes);
  g_ptr_array_unref (changes.kinds);
  g_ptr_array_unref (changes.figures);
}

/* Many rows in one transaction send one change of everything after the first row's. */
static void
test_notify_bulk (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HubsStoreWatch) watch = hubs_store_watch_new (f->b);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  g_autoptr(GError) error = NULL;
  Changes changes = { g_ptr_array_new (), FIGURES_NEW (), NULL, 0 };
  guint n_changed = 0;

  g_signal_connect (f->b, "changed", G_CALLBACK (on_changed), &changes);
  for (int year = 2025; year <= 2029; year++)
    g_ptr_array_add (figures, hubs_test_make_actual (KPI, year, year - 2000));
  g_assert_true (hubs_store_apply_figures (f->a, figures, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 5);

  wait_for_changes (&changes, 2);
  settle ();
  g_assert_cmpuint (changes.kinds->len, ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (changes.kinds->pdata[1]), ==, HUBS_STORE_CHANGE_ALL);

  g_signal_handlers_disconnect_by_data (f->b, &changes);
  g_free (changes.kpi_id);
  g_ptr_array_unref (changes.kinds);
  g_ptr_array_unref (changes.figures);
}

/* The refusal says who changed the figure, when and to what; saving over it records whose
 * change it was, and undoing that brings theirs back, with the same check. */
static void
test_conflict_and_save_over (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(HubsFigure) seen = hubs_test_make_actual (KPI, 2025, 100);
  g_autoptr(HubsFigure) theirs = hubs_test_make_actual (KPI, 2025, 1234);
  g_autoptr(HubsFigure) ours = hubs_test_make_actual (KPI, 2025, 300);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(HubsFigureConflict) conflict = NULL;
  g_autoptr(HubsUndoStack) undo = hubs_undo_stack_new (f->b);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *over = NULL;

  g_assert_true (hubs_store_set_figure (f->a, seen, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_replace_figure (f->a, KPI, 2025, HUBS_FIGURE_ACTUAL, seen, theirs,
                                            &error));
  g_assert_no_error (error);

  g_assert_false (hubs_undo_stack_set_figure (undo, KPI, 2025, HUBS_FIGURE_ACTUAL, seen, ours,
                                              &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "佐藤花子"));
  g_assert_nonnull (strstr (error->message, "福岡市"));
  g_assert_nonnull (strstr (error->message, "1,234"));
  g_clear_error (&error);
  g_assert_false (hubs_undo_stack_get_can_undo (undo));

  conflict = hubs_store_read_figure_conflict (f->b, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (conflict->changed_by, ==, "佐藤花子");
  g_assert_cmpstr (conflict->organisation, ==, "福岡市");
  g_assert_nonnull (conflict->changed_at);
  g_assert_true (hubs_figure_equal (conflict->figure, theirs));
  description = hubs_figure_conflict_describe (conflict, "社", HUBS_LANGUAGE_EN);
  g_assert_nonnull (strstr (description, "佐藤花子 (福岡市) changed this to 1,234"));

  g_assert_true (hubs_undo_stack_save_figure_over (undo, KPI, 2025, HUBS_FIGURE_ACTUAL,
                                                   conflict, ours, &error));
  g_assert_no_error (error);
  stored = hubs_store_get_figure (f->a, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_true (hubs_figure_equal (stored, ours));
  g_clear_pointer (&stored, hubs_figure_free);

  over = hubs_test_query_text (f->uri, "SELECT old_value || ' ' || new_value || ' ' || "
                                       "changed_by FROM history WHERE field = 'saved-over' "
                                       "AND kpi_id = '" KPI "' AND fiscal_year = 2025");
  g_assert_cmpstr (over, ==, "1234 佐藤花子 (福岡市) 鈴木一郎");

  /* Undo brings theirs back, only while ours is still stored. */
  g_assert_true (hubs_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  stored = hubs_store_get_figure (f->a, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_true (hubs_figure_equal (stored, theirs));
  g_clear_pointer (&stored, hubs_figure_free);

  g_assert_true (hubs_undo_stack_redo (undo, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_replace_figure (f->a, KPI, 2025, HUBS_FIGURE_ACTUAL, ours, seen,
                                            &error));
  g_assert_no_error (error);
  g_assert_false (hubs_undo_stack_undo (undo, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
}

/* A save over a change made on a figure that changed once more is refused too. */
static void
test_save_over_stale (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HubsFigure) theirs = hubs_test_make_actual (KPI, 2025, 1234);
  g_autoptr(HubsFigure) again = hubs_test_make_actual (KPI, 2025, 5678);
  g_autoptr(HubsFigure) ours = hubs_test_make_actual (KPI, 2025, 300);
  g_autoptr(HubsFigureConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n_over = NULL;

  g_assert_true (hubs_store_set_figure (f->a, theirs, &error));
  conflict = hubs_store_read_figure_conflict (f->b, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_true (hubs_store_set_figure (f->a, again, &error));
  g_assert_false (hubs_store_save_figure_over (f->b, KPI, 2025, HUBS_FIGURE_ACTUAL, conflict,
                                               ours, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "5,678"));
  n_over = hubs_test_query_text (f->uri, "SELECT count(*) FROM history WHERE "
                                         "field = 'saved-over'");
  g_assert_cmpstr (n_over, ==, "0");
}

/* A save over another's change reads in words in the history, is left out of a view as of
 * a past moment (which shows theirs, then ours), and goes along in a copy. */
static void
test_saved_over_in_history (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(HubsFigure) theirs = hubs_test_make_actual (KPI, 2025, 1234);
  g_autoptr(HubsFigure) ours = hubs_test_make_actual (KPI, 2025, 300);
  g_autoptr(HubsFigureConflict) conflict = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GDateTime) between = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsStore) copy = NULL;
  g_autofree char *copy_path = hubs_test_path (f->dir, "copy.sqlite3");
  g_autofree char *copied = NULL;
  g_autofree char *title = NULL;
  g_autofree char *change = NULL;
  const HubsHistoryEntry *over = NULL;

  g_assert_true (hubs_store_set_figure (f->a, theirs, &error));
  g_assert_no_error (error);
  g_usleep (50 * 1000);
  between = g_date_time_new_now_utc ();
  g_usleep (50 * 1000);
  conflict = hubs_store_read_figure_conflict (f->b, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_true (hubs_store_save_figure_over (f->b, KPI, 2025, HUBS_FIGURE_ACTUAL, conflict,
                                              ours, &error));
  g_assert_no_error (error);

  history = hubs_store_list_recent_history (f->b, KPI, 0, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    if (g_str_equal (((HubsHistoryEntry *) history->pdata[i])->field, "saved-over"))
      over = history->pdata[i];
  g_assert_nonnull (over);
  hubs_history_describe_entry (over, "社", HUBS_LANGUAGE_EN, &title, &change);
  g_test_message ("%s: %s", title, change);
  g_assert_nonnull (strstr (change, "Saved over a change by 佐藤花子 (福岡市), who had entered "
                                    "1,234 companies"));
  g_assert_nonnull (strstr (change, "鈴木一郎 (札幌市)"));

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *snapshot_path = NULL;
      g_autoptr(HubsStore) snapshot = NULL;
      g_autoptr(HubsFigure) then = NULL;

      now = i == 0 ? g_date_time_ref (between) : g_date_time_new_now_utc ();
      snapshot = hubs_store_open_as_of (f->b, now, &snapshot_path, &error);
      g_assert_no_error (error);
      then = hubs_store_get_figure (snapshot, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
      g_assert_no_error (error);
      g_assert_true (hubs_figure_equal (then, i == 0 ? theirs : ours));
      g_clear_object (&snapshot);
      hubs_store_remove_snapshot (snapshot_path);
      g_clear_pointer (&now, g_date_time_unref);
    }

  copy = hubs_test_open_store (copy_path, HUBS_STORE_OPEN_NO_SEED);
  g_assert_true (hubs_store_copy_into (f->b, copy, &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copied = hubs_test_query_text (copy_path, "SELECT old_value || ' ' || new_value FROM history "
                                            "WHERE field = 'saved-over'");
  g_assert_cmpstr (copied, ==, "1234 佐藤花子 (福岡市)");
}

/* A copy of the KPI as stored, for a save made over it. */
static HubsKpi *
read_kpi (HubsStore  *store,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  HubsKpi *kpi = hubs_store_get_kpi (store, id, &error);

  g_assert_no_error (error);
  return kpi;
}

/* Two administrators change two fields of one KPI, each over what they saw: both keep
 * theirs. Then one changes a field the other had changed meanwhile: refused, and what the
 * other saved stays. */
static void
test_kpi_fields (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HubsKpi) seen = read_kpi (f->a, KPI);
  g_autoptr(HubsKpi) named = hubs_kpi_copy (seen);
  g_autoptr(HubsKpi) noted = hubs_kpi_copy (seen);
  g_autoptr(HubsKpi) renamed = hubs_kpi_copy (seen);
  g_autoptr(HubsKpi) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_free (named->name_en);
  named->name_en = g_strdup ("Start-ups founded (cumulative)");
  g_free (noted->note_ja);
  noted->note_ja = g_strdup ("札幌市調べ");
  g_free (renamed->name_en);
  renamed->name_en = g_strdup ("Number of start-ups");

  g_assert_true (hubs_store_replace_kpi (f->a, seen, named, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_replace_kpi (f->b, seen, noted, &error));
  g_assert_no_error (error);
  stored = read_kpi (f->a, KPI);
  g_assert_cmpstr (stored->name_en, ==, "Start-ups founded (cumulative)");
  g_assert_cmpstr (stored->note_ja, ==, "札幌市調べ");
  g_assert_cmpstr (stored->name_ja, ==, seen->name_ja);

  g_assert_false (hubs_store_replace_kpi (f->b, seen, renamed, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_clear_pointer (&stored, hubs_kpi_free);
  stored = read_kpi (f->b, KPI);
  g_assert_cmpstr (stored->name_en, ==, "Start-ups founded (cumulative)");
  g_assert_cmpstr (stored->note_ja, ==, "札幌市調べ");

  /* Saving again what is stored already is no conflict. */
  g_assert_true (hubs_store_replace_kpi (f->b, seen, named, &error));
  g_assert_no_error (error);
}

/* Told how a change of the undo stack went (and, when it added something, its id). */
typedef struct
{
  char     *id;
  GError   *error;
  gboolean  done;
} Told;

static void
on_told (HubsUndoStack *undo,
         const GError  *error,
         gpointer       data)
{
  Told *told = data;

  told->error = error != NULL ? g_error_copy (error) : NULL;
  told->done = TRUE;
}

static void
on_added (HubsUndoStack *undo,
          const char    *id,
          const GError  *error,
          gpointer       data)
{
  Told *told = data;

  told->id = g_strdup (id);
  on_told (undo, error, data);
}

/* Runs the main loop until the store's writer told. */
static void
wait_told (Told *told)
{
  gint64 deadline = hubs_test_deadline (10);

  while (!told->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* As race(), for a KPI's name: the other connection is half-way through changing it when B
 * saves a name over the one it saw. B waits, then refuses. Without the lock B would read
 * the old name, wait only at its write, and then overwrite theirs. */
static void
test_race_kpi (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HubsKpi) seen = read_kpi (f->b, KPI);
  g_autoptr(HubsKpi) ours = hubs_kpi_copy (seen);
  g_autoptr(HubsKpi) stored = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *conn = connect_raw (f->uri);
  HubsUndoStack *undo = hubs_undo_stack_new (f->b);
  Told told = { 0 };

  g_free (ours->name_ja);
  ours->name_ja = g_strdup ("私たちの名前");

  raw_exec (conn, "BEGIN");
  raw_lock (conn, "kpi", KPI);
  raw_exec (conn, "UPDATE kpi SET name_ja = '他の人の名前' WHERE id = '" KPI "'");

  hubs_undo_stack_save_kpi_async (undo, seen, ours, on_told, &told);
  wait_until_blocked (conn);
  raw_exec (conn, "COMMIT");
  wait_told (&told);

  g_assert_error (told.error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&told.error);
  g_assert_false (hubs_undo_stack_get_can_undo (undo));
  stored = read_kpi (f->a, KPI);
  g_assert_cmpstr (stored->name_ja, ==, "他の人の名前");

  g_assert_finalize_object (undo);
  PQfinish (conn);
}

/* As test_race_kpi(), for an explanation: the other connection is half-way through
 * writing its 要因分析 when B saves one over the empty one it saw. B waits, then refuses. */
static void
test_race_explanation (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HubsExplanation) seen = hubs_explanation_new (KPI, 2025);
  g_autoptr(HubsExplanation) ours = hubs_explanation_new (KPI, 2025);
  g_autoptr(HubsExplanation) stored = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *conn = connect_raw (f->uri);
  HubsUndoStack *undo = hubs_undo_stack_new (f->b);
  Told told = { 0 };

  g_free (ours->why);
  ours->why = g_strdup ("私たちの分析");

  raw_exec (conn, "BEGIN");
  raw_lock (conn, "explanation", KPI " 2025");
  raw_exec (conn, "INSERT INTO explanation (kpi_id, fiscal_year, why, action) VALUES ('" KPI
                  "', 2025, '他の人の分析', '')");

  hubs_undo_stack_set_explanation_async (undo, seen, ours, on_told, &told);
  wait_until_blocked (conn);
  raw_exec (conn, "COMMIT");
  wait_told (&told);

  g_assert_error (told.error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&told.error);
  stored = hubs_store_get_explanation (f->a, KPI, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->why, ==, "他の人の分析");

  g_assert_finalize_object (undo);
  PQfinish (conn);
}

/* Two administrators add a KPI to one hub at once, and both would name it sapporo/kpi-1:
 * the other connection adds it first, while B's add waits. B's KPI is then named
 * sapporo/kpi-2: there are two KPIs, and theirs is as they saved it. */
static void
test_race_add_kpi (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HubsKpi) ours = hubs_kpi_new_for_hub ("sapporo", NULL, "私たちのKPI", "Ours");
  g_autoptr(HubsKpi) theirs = NULL;
  g_autoptr(HubsKpi) added_kpi = NULL;
  PGconn *conn = connect_raw (f->uri);
  HubsUndoStack *undo = hubs_undo_stack_new (f->b);
  Told added = { 0 };

  g_free (ours->unit);
  ours->unit = g_strdup ("社");

  raw_exec (conn, "BEGIN");
  raw_lock (conn, "kpi", "sapporo/kpi-1");
  raw_exec (conn, "CREATE TEMP TABLE theirs AS SELECT * FROM kpi WHERE id = '" KPI "'");
  raw_exec (conn, "UPDATE theirs SET id = 'sapporo/kpi-1', name_ja = '他の人のKPI', "
                  "sort_order = 99");
  raw_exec (conn, "INSERT INTO kpi SELECT * FROM theirs");

  hubs_undo_stack_add_kpi_async (undo, ours, on_added, &added);
  wait_until_blocked (conn);
  raw_exec (conn, "COMMIT");
  wait_told (&added);

  g_assert_no_error (added.error);
  g_assert_cmpstr (added.id, ==, "sapporo/kpi-2");

  theirs = read_kpi (f->a, "sapporo/kpi-1");
  g_assert_cmpstr (theirs->name_ja, ==, "他の人のKPI");
  added_kpi = read_kpi (f->a, "sapporo/kpi-2");
  g_assert_cmpstr (added_kpi->name_ja, ==, "私たちのKPI");

  g_free (added.id);
  g_assert_finalize_object (undo);
  PQfinish (conn);
}

/* A hub's fields as a KPI's: two fields both kept, one field changed meanwhile refused, and
 * a hub deleted meanwhile is not made again by a save over it. */
static void
test_hub_fields (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsHub) seen = hubs_store_get_hub (f->a, "sapporo", &error);
  g_autoptr(HubsHub) sloganed = hubs_hub_copy (seen);
  g_autoptr(HubsHub) named = hubs_hub_copy (seen);
  g_autoptr(HubsHub) renamed = hubs_hub_copy (seen);
  g_autoptr(HubsHub) stored = NULL;

  g_assert_no_error (error);
  g_free (sloganed->slogan_en);
  sloganed->slogan_en = g_strdup ("Sapporo, where start-ups begin");
  g_free (named->name_en);
  named->name_en = g_strdup ("Sapporo and Hokkaido");
  g_free (renamed->name_en);
  renamed->name_en = g_strdup ("Hokkaido");

  g_assert_true (hubs_store_replace_hub (f->a, seen, sloganed, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_replace_hub (f->b, seen, named, &error));
  g_assert_no_error (error);
  stored = hubs_store_get_hub (f->a, "sapporo", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->slogan_en, ==, "Sapporo, where start-ups begin");
  g_assert_cmpstr (stored->name_en, ==, "Sapporo and Hokkaido");

  g_assert_false (hubs_store_replace_hub (f->a, seen, renamed, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&stored, hubs_hub_free);
  stored = hubs_store_get_hub (f->b, "sapporo", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name_en, ==, "Sapporo and Hokkaido");

  g_assert_true (hubs_store_delete_hub (f->b, "sapporo", &error));
  g_assert_no_error (error);
  g_assert_false (hubs_store_replace_hub (f->a, stored, renamed, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&stored, hubs_hub_free);
  stored = hubs_store_get_hub (f->a, "sapporo", &error);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_assert_null (stored);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/hubs/concurrent/race-sqlite", test_race_sqlite);
  ADD ("/hubs/concurrent/race-figure", test_race_figure);
  ADD ("/hubs/concurrent/race-no-figure-yet", test_race_no_figure_yet);
  ADD ("/hubs/concurrent/import-waits-for-save", test_import_waits_for_save);
  ADD ("/hubs/concurrent/conflict-and-save-over", test_conflict_and_save_over);
  ADD ("/hubs/concurrent/save-over-stale", test_save_over_stale);
  ADD ("/hubs/concurrent/saved-over-in-history", test_saved_over_in_history);
  ADD ("/hubs/concurrent/kpi-fields", test_kpi_fields);
  ADD ("/hubs/concurrent/race-kpi", test_race_kpi);
  ADD ("/hubs/concurrent/race-add-kpi", test_race_add_kpi);
  ADD ("/hubs/concurrent/race-explanation", test_race_explanation);
  ADD ("/hubs/concurrent/hub-fields", test_hub_fields);
  ADD ("/hubs/concurrent/notify-figure", test_notify_figure);
  ADD ("/hubs/concurrent/notify-bulk", test_notify_bulk);
  ADD ("/hubs/concurrent/notify-after-lost-connection", test_notify_after_lost_connection);
  ADD ("/hubs/concurrent/notify-while-server-silent", test_notify_while_server_silent);
#undef ADD

  return g_test_run ();
}
