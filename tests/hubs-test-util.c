/* hubs-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers shared by the tests: temporary folders and files, and an independent reader
 * of RFC 4180 CSV to check what the exporter wrote.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "hubs-backup.h"
#include "hubs-db.h"
#include "hubs-db-pg.h"
#include "hubs-store-writer.h"
#include "hubs-test-util.h"

void
hubs_test_files_set_up (HubsTestFiles *f,
                        gconstpointer  data)
{
  f->dir = hubs_test_make_dir ();
  f->path = hubs_test_database_path (f->dir, "hubs.sqlite3");
}

void
hubs_test_files_tear_down (HubsTestFiles *f,
                           gconstpointer  data)
{
  hubs_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

void
hubs_test_store_set_up (HubsTestStore *f,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = hubs_test_make_dir ();
  path = hubs_test_database_path (f->dir, "hubs.sqlite3");
  f->store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);
}

void
hubs_test_store_tear_down (HubsTestStore *f,
                           gconstpointer  data)
{
  g_clear_object (&f->store);
  hubs_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

/* The text of a PDF, as pdftotext reads it. */
char *
hubs_test_pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (pdf);
  char *argv[] = { (char *) "pdftotext", path, (char *) "-", NULL };
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Opens (creating and seeding when missing) a database that must open. */
HubsStore *
hubs_test_open_store (const char         *path,
                      HubsStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  HubsStore *store = hubs_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* Runs the main loop until every save the store's writer was given has ended (on a shared
 * database a save ends later, see hubs_store_write()); fails after a minute. */
void
hubs_test_wait_for_saves (HubsStore *store)
{
  gint64 deadline = hubs_test_deadline (60);

  while (hubs_store_get_writing (store))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("A save did not end within a minute");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A fresh temporary folder for one test. */
char *
hubs_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hubs-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

char *
hubs_test_path (const char *dir,
                const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* What a database on the test server holds, for hubs_test_read_bytes(): every table with its
 * rows, in order. */
static const char server_contents_sql[] =
  "SELECT coalesce (string_agg (table_name || ': ' || (xpath ('/r/text ()', query_to_xml ("
  "format ('SELECT string_agg (t::text, '','' ORDER BY t::text) AS r FROM %I t', table_name), "
  "false, true, '')))[1]::text, E'\\n' ORDER BY table_name), '') "
  "FROM information_schema.tables WHERE table_schema = current_schema ()";

GBytes *
hubs_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (hubs_db_is_postgresql_uri (path))
    {
      char *text = hubs_test_query_text (path, server_contents_sql);

      return g_bytes_new_take (text, text != NULL ? strlen (text) : 0);
    }

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* Fails unless the file holds exactly @expected, and no -wal or -shm file was made beside it. */
void
hubs_test_assert_same_bytes (const char *path,
                             GBytes     *expected)
{
  g_autoptr(GBytes) actual = hubs_test_read_bytes (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (g_bytes_equal (actual, expected));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

void
hubs_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        hubs_test_remove_dir (path);
      else
        g_unlink (path);
    }

  g_rmdir (dir);
}

/* Reads RFC 4180 CSV into a flat array of fields, row after row. Every row must have the
 * same number of fields as the first. Written apart from the application's own code so
 * that the test checks the exporter against the standard, not against itself. */
char **
hubs_test_parse_csv (const char *text,
                     guint      *n_fields_per_row,
                     guint      *n_rows)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  guint row_fields = 0;
  guint width = 0;
  guint rows = 0;
  const char *p = text;

  while (*p)
    {
      gboolean end_of_row = FALSE;

      g_string_truncate (field, 0);

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (*p && *p != ',' && *p != '\r' && *p != '\n')
            g_string_append_c (field, *p++);
        }

      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          end_of_row = TRUE;
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      row_fields++;

      if (end_of_row)
        {
          if (rows == 0)
            width = row_fields;
          g_assert_cmpuint (row_fields, ==, width);
          rows++;
          row_fields = 0;
        }
    }

  g_assert_cmpuint (row_fields, ==, 0);
  g_ptr_array_add (fields, NULL);

  *n_fields_per_row = width;
  *n_rows = rows;

  return (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}

/* A large generated database for the benchmarks: @n_hubs hubs × 30 KPIs × 10 fiscal years
 * of actuals, plus baselines and targets. */
void
hubs_test_make_large_database (const char *path,
                               guint       n_hubs)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hubs = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_hub_free);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_kpi_free);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);

  if (!(store = hubs_store_open (path, HUBS_STORE_OPEN_NO_SEED, &error)))
    g_error ("%s", error->message);

  for (guint h = 0; h < n_hubs; h++)
    {
      HubsHub *hub = hubs_hub_new ();

      hub->id = g_strdup_printf ("hub-%05u", h);
      hub->name_ja = g_strdup_printf ("拠点%u", h);
      hub->name_en = g_strdup_printf ("Hub %u", h);
      hub->consortium_ja = g_strdup_printf ("コンソーシアム%u", h);
      hub->consortium_en = g_strdup_printf ("Consortium %u", h);
      hub->tier = h % 3 == 0 ? HUBS_TIER_NEXT_GLOBAL : HUBS_TIER_GLOBAL;
      hub->sort_order = h;
      g_ptr_array_add (hubs, hub);

      for (guint k = 0; k < 30; k++)
        {
          HubsKpi *kpi = hubs_kpi_new ();

          kpi->id = g_strdup_printf ("hub-%05u/kpi-%02u", h, k);
          kpi->hub_id = g_strdup (hub->id);
          kpi->name_ja = g_strdup_printf ("指標%u", k);
          kpi->name_en = g_strdup_printf ("Indicator %u", k);
          kpi->pillar = k % HUBS_N_PILLARS;
          kpi->unit = g_strdup ("件");
          kpi->sort_order = k;
          g_ptr_array_add (kpis, kpi);

          for (int year = 2020; year < 2030; year++)
            {
              HubsFigure *figure = hubs_figure_new ();

              figure->kpi_id = g_strdup (kpi->id);
              figure->fiscal_year = year;
              figure->kind = year == 2024 ? HUBS_FIGURE_BASELINE
                           : (year == 2027 || year == 2029) ? HUBS_FIGURE_TARGET
                           : HUBS_FIGURE_ACTUAL;
              figure->measured = TRUE;
              figure->value = 100 + 10 * (year - 2020) + k;
              g_ptr_array_add (figures, figure);
            }
        }
    }

  if (!hubs_store_insert_plan (store, hubs, kpis, figures, NULL, &error))
    g_error ("%s", error->message);
}

/**
 * hubs_test_make_actual:
 * @kpi_id: a KPI
 * @fiscal_year: a fiscal year
 * @value: the figure
 *
 * Returns: (transfer full): a measured, provisional actual figure, as typed in the window
 */
HubsFigure *
hubs_test_make_actual (const char *kpi_id,
                       int         fiscal_year,
                       double      value)
{
  HubsFigure *figure = hubs_figure_new ();

  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = fiscal_year;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = value;

  return figure;
}

/* Removes a database with its WAL files and its backups folder, as if it had never been. */
/* The server of tests/with-postgresql.sh, or NULL when the tests run on SQLite files. */
static const char *
postgresql_server (void)
{
  const char *uri = g_getenv ("HUBS_TEST_POSTGRESQL");

  return uri != NULL && *uri != '\0' ? uri : NULL;
}

/**
 * hubs_test_engine_is_postgresql:
 *
 * Returns: %TRUE when this run's databases are on the test's PostgreSQL server
 */
gboolean
hubs_test_engine_is_postgresql (void)
{
  return postgresql_server () != NULL;
}

/**
 * hubs_test_postgresql_server:
 * @what: "stop" (every connection is cut at once, as when the network goes) or "start"
 *
 * Stops or starts the test's PostgreSQL server (tests/with-postgresql.sh), waiting until it
 * is done. Any failure fails the test.
 */
void
hubs_test_postgresql_server (const char *what)
{
  const char *ctl = g_getenv ("HUBS_TEST_POSTGRESQL_CTL");
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (ctl == NULL || *ctl == '\0')
    g_error ("HUBS_TEST_POSTGRESQL_CTL is not set: run the test with tests/with-postgresql.sh");

  command = g_strdup_printf ("%s %s", ctl, what);
  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", command, error->message);
}

/* The server's notices (NOTICE: drop cascades to …) are of no interest to a test. */
static void
ignore_notice (void       *data,
               const char *message)
{
}

/* Runs @sql on the test server as its superuser; any failure fails the test. */
static void
run_on_server (const char *sql)
{
  PGconn *conn = PQconnectdb (postgresql_server ());
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("The test's PostgreSQL server cannot be reached: %s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s failed: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

/**
 * hubs_test_database_path:
 * @dir: the test's folder
 * @name: a file name
 *
 * Where a test keeps a database: the file @name in @dir or, when the tests run on
 * PostgreSQL (tests/with-postgresql.sh), a new empty schema of their server, as a URI that
 * makes it the one Hubs writes to.
 *
 * Returns: (transfer full): a path or a URI, for hubs_store_open()
 */
char *
hubs_test_database_path (const char *dir,
                         const char *name)
{
  static guint n_schemas;
  g_autofree char *schema = NULL;
  g_autofree char *create = NULL;

  if (!hubs_test_engine_is_postgresql ())
    return hubs_test_path (dir, name);

  schema = g_strdup_printf ("test_%d_%u", (int) getpid (), ++n_schemas);
  create = g_strdup_printf ("CREATE SCHEMA %s", schema);
  run_on_server (create);

  return g_strdup_printf ("%s&options=-csearch_path%%3D%s", postgresql_server (), schema);
}

/* Connects to the test server at @uri, a URI of hubs_test_database_path(). */
static PGconn *
connect_to (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s cannot be reached: %s", uri, PQerrorMessage (conn));

  return conn;
}

/**
 * hubs_test_exec_sql:
 * @path: a database file, or a URI of hubs_test_database_path()
 * @sql: SQL as the store writes it (PRAGMA user_version = N, INSERT OR REPLACE …)
 *
 * Runs @sql on the database past the store, on a connection of its own, as the store's own
 * SQL would run there. Any failure fails the test.
 */
void
hubs_test_exec_sql (const char *path,
                    const char *sql)
{
  if (hubs_db_is_postgresql_uri (path))
    {
      g_autofree char *translated = hubs_db_pg_translate (sql, NULL);
      PGconn *conn = connect_to (path);
      PGresult *result = PQexec (conn, translated);

      if (PQresultStatus (result) != PGRES_COMMAND_OK &&
          PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s: %s", translated, PQerrorMessage (conn));
      PQclear (result);
      PQfinish (conn);
    }
  else
    {
      sqlite3 *db = NULL;
      char *message = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", sql, message);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
    }
}

/**
 * hubs_test_query_text:
 * @path: a database file, or a URI of hubs_test_database_path()
 * @sql: a query; on the server, PRAGMA user_version and application_id read what the store
 *   keeps in their place
 *
 * Returns: (transfer full) (nullable): the first column of the first row, read past the
 *   store on a read-only connection of its own
 */
char *
hubs_test_query_text (const char *path,
                      const char *sql)
{
  char *text = NULL;

  if (hubs_db_is_postgresql_uri (path))
    {
      PGconn *conn = connect_to (path);
      PGresult *result;

      if (g_str_equal (sql, "PRAGMA user_version"))
        sql = "SELECT user_version FROM hubs_schema";
      else if (g_str_equal (sql, "PRAGMA application_id"))
        sql = "SELECT application_id FROM hubs_schema";
      result = PQexec (conn, sql);
      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s: %s", sql, PQerrorMessage (conn));
      if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
        text = g_strdup (PQgetvalue (result, 0, 0));
      PQclear (result);
      PQfinish (conn);
    }
  else
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }

  return text;
}

void
hubs_test_remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backups = NULL;

  if (hubs_db_is_postgresql_uri (path))
    {
      const char *schema = strstr (path, "search_path%3D");
      g_autofree char *sql = NULL;

      g_assert_nonnull (schema);
      schema += strlen ("search_path%3D");
      sql = g_strdup_printf ("DROP SCHEMA %s CASCADE; CREATE SCHEMA %s", schema, schema);
      run_on_server (sql);
      return;
    }

  backups = hubs_backup_get_dir (path);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  hubs_test_remove_dir (backups);
}

void
hubs_test_copy_file (const char *from,
                     const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @values (sorting them); NAN when nothing was measured. */
double
hubs_test_median (GArray *values)
{
  if (values->len == 0)
    return NAN;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/**
 * hubs_test_deadline:
 * @seconds: how long a step may take on an ordinary build
 *
 * A monotonic time @seconds from now, stretched by $HUBS_TEST_SLOWDOWN: a sanitizer build
 * paints and parses several times slower, and a step's patience should follow.
 */
gint64
hubs_test_deadline (guint seconds)
{
  const char *slowdown = g_getenv ("HUBS_TEST_SLOWDOWN");
  guint64 factor = slowdown != NULL ? g_ascii_strtoull (slowdown, NULL, 10) : 1;

  return g_get_monotonic_time () + (gint64) (seconds * MAX (factor, 1) * G_USEC_PER_SEC);
}

struct _HubsTestTicks
{
  gint64 last;
  gint64 longest;
  guint  timer;
};

static gboolean
on_tick (gpointer data)
{
  HubsTestTicks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;

  return G_SOURCE_CONTINUE;
}

/* Starts timing the main loop's waits; see hubs_test_ticks_stop(). */
HubsTestTicks *
hubs_test_ticks_start (void)
{
  HubsTestTicks *ticks = g_new0 (HubsTestTicks, 1);

  ticks->last = g_get_monotonic_time ();
  ticks->timer = g_timeout_add (10, on_tick, ticks);

  return ticks;
}

/* Returns: the main loop's longest wait since @ticks started, in microseconds, the wait
 * until now included (a wait the loop never came back from in time counts too) */
gint64
hubs_test_ticks_stop (HubsTestTicks *ticks)
{
  gint64 longest;

  g_source_remove (ticks->timer);
  on_tick (ticks);
  longest = ticks->longest;
  g_free (ticks);

  return longest;
}

/* What pdfinfo says of @pdf under @key, such as "Pages" or "Page size". */
char *
hubs_test_pdf_info (const char *pdf,
                    const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:", key);
  char *argv[] = { (char *) "pdfinfo", (char *) pdf, NULL };
  g_auto(GStrv) lines = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  g_assert_not_reached ();
}

/**
 * hubs_test_run_clear:
 * @run: a run of hubs_test_run_hubs()
 */
void
hubs_test_run_clear (HubsTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * hubs_test_run_hubs_argv:
 * @run: (out caller-allocates): where to keep what it printed and how it ended
 * @args: (array zero-terminated=1): the arguments, without the binary
 *
 * Runs the hubs binary of the build ($HUBS_BINARY) with @args, without a display, and
 * waits for it. A binary that cannot be started fails the test.
 */
void
hubs_test_run_hubs_argv (HubsTestRun        *run,
                         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  const char *binary = g_getenv ("HUBS_BINARY");

  g_assert_nonnull (binary);
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &run->status, &error);
  g_assert_no_error (error);
}

/**
 * hubs_test_run_hubs:
 * @run: (out caller-allocates): where to keep what it printed and how it ended
 * @first_arg: the first argument, then the others, then %NULL
 *
 * hubs_test_run_hubs_argv() with the arguments given.
 */
void
hubs_test_run_hubs (HubsTestRun *run,
                    const char  *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  hubs_test_run_hubs_argv (run, (const char * const *) args->pdata);
}
