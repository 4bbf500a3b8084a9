/* test-faults.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No crash, kill, read-only file or full disk loses a saved figure or leaves half a change.
 *
 * The kill test runs this very binary in writer mode (`test-faults --writer DB START`): the
 * writer opens its own connection, saves figures as fast as it can and reports each one on
 * standard output once hubs_store_set_figure() has returned; the test SIGKILLs it in the
 * middle of the burst and checks that the database is intact and holds every reported edit.
 * The first-start test runs it in first-start mode (`test-faults --first-start DB`), which
 * creates and seeds a new database, and SIGKILLs it at random points on the way.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hubs-import.h"
#include "hubs-store-private.h"
#include "hubs-test-util.h"

#define SINGLE_KPI "sapporo/startups"
#define BATCH_SIZE 10
#define FIRST_YEAR 3000

typedef HubsTestFiles Fixture;

static HubsFigure *
make_figure (const char *kpi_id,
             int         year,
             double      value,
             const char *note)
{
  HubsFigure *figure = hubs_figure_new ();

  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = year;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->value = value;
  figure->measured = TRUE;
  figure->note = g_strdup (note);

  return figure;
}

/* The KPIs a batch writes to: the first BATCH_SIZE other than SINGLE_KPI. */
static GPtrArray *
batch_kpis (HubsStore *store)
{
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, NULL, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < kpis->len && ids->len < BATCH_SIZE; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);

      if (!g_str_equal (kpi->id, SINGLE_KPI))
        g_ptr_array_add (ids, g_strdup (kpi->id));
    }
  g_assert_cmpuint (ids->len, ==, BATCH_SIZE);

  return ids;
}

/* Writer mode: edit i saves SINGLE_KPI for year FIRST_YEAR + i, except every fifth, which
 * imports a batch of BATCH_SIZE figures for that year in one transaction. Each is reported
 * once saved. Runs until killed. */
static int
run_writer (const char *path,
            guint       start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsStore) store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) kpis = NULL;

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  kpis = batch_kpis (store);

  for (guint i = start;; i++)
    {
      int year = FIRST_YEAR + (int) i;

      if (i % 5 == 0)
        {
          g_autoptr(GPtrArray) batch =
            g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);

          for (guint k = 0; k < kpis->len; k++)
            g_ptr_array_add (batch, make_figure (kpis->pdata[k], year, i, "batch"));
          if (!hubs_store_apply_figures (store, batch, NULL, &error))
            break;
          printf ("batch %u\n", i);
        }
      else
        {
          g_autoptr(HubsFigure) figure = make_figure (SINGLE_KPI, year, i, NULL);

          if (!hubs_store_set_figure (store, figure, &error))
            break;
          printf ("single %u\n", i);
        }
      fflush (stdout);
    }

  g_printerr ("writer: %s\n", error->message);
  return 1;
}

/* First-start mode: opens (so creates and seeds) the database at @path, then quits. */
static int
run_first_start (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsStore) store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      g_printerr ("first start: %s\n", error->message);
      return 1;
    }

  return 0;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static int
query_int (const char *path,
           const char *sql)
{
  g_autofree char *text = query_text (path, sql);

  return text != NULL ? (int) g_ascii_strtoll (text, NULL, 10) : -1;
}

static void
assert_integrity (const char *path)
{
  g_autofree char *check = query_text (path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
}

/* Starts a writer, SIGKILLs it after @n_before_kill reports, and returns every report. */
static GPtrArray *
kill_writer_mid_burst (const char *path,
                       guint       start,
                       guint       n_before_kill)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *start_text = g_strdup_printf ("%u", start);
  const char *argv[] = { self, "--writer", path, start_text, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  GPtrArray *reports = g_ptr_array_new_with_free_func (g_free);
  GPid pid;
  int out_fd;
  int status;
  char *line;

  g_assert_nonnull (self);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  raw = g_unix_input_stream_new (out_fd, TRUE);
  lines = g_data_input_stream_new (raw);

  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
    {
      g_ptr_array_add (reports, line);
      if (reports->len == n_before_kill)
        g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
    }
  g_assert_no_error (error);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* Killed, not finished on its own (which would mean the writer failed). */
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_cmpuint (reports->len, >=, n_before_kill);

  return reports;
}

static void
test_sigkill_mid_burst (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GPtrArray) kpis = batch_kpis (store);
  guint start = 0;

  g_clear_object (&store);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(GPtrArray) reports = NULL;
      g_autofree char *partial_batches = NULL;
      guint n_reported_batches = 0;
      guint last = 0;

      reports = kill_writer_mid_burst (f->path, start,
                                       40 + (guint) g_test_rand_int_range (0, 80));

      /* Read before anything opens it for writing: the file as the kill left it. */
      assert_integrity (f->path);

      store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
      for (guint i = 0; i < reports->len; i++)
        {
          const char *report = reports->pdata[i];
          gboolean batch = g_str_has_prefix (report, "batch ");
          guint n = (guint) g_ascii_strtoull (strchr (report, ' ') + 1, NULL, 10);
          g_autoptr(GError) error = NULL;

          for (guint k = 0; k < (batch ? kpis->len : 1); k++)
            {
              g_autoptr(HubsFigure) figure =
                hubs_store_get_figure (store, batch ? kpis->pdata[k] : SINGLE_KPI,
                                       FIRST_YEAR + (int) n, HUBS_FIGURE_ACTUAL, &error);

              g_assert_no_error (error);
              g_assert_cmpfloat (figure->value, ==, n);
            }
          n_reported_batches += batch;
          last = n;
        }
      g_assert_cmpuint (n_reported_batches, >, 0);
      g_clear_object (&store);

      /* A batch is all there or not at all, and each figure has its history row. */
      partial_batches = query_text (f->path,
                                    "SELECT group_concat (fiscal_year) FROM ("
                                    "SELECT fiscal_year FROM figure WHERE fiscal_year >= 3000 "
                                    "AND kpi_id != '" SINGLE_KPI "' GROUP BY fiscal_year "
                                    "HAVING count (*) != 10)");
      g_assert_null (partial_batches);
      g_assert_cmpint (query_int (f->path,
                                  "SELECT count (*) FROM figure WHERE fiscal_year >= 3000"), ==,
                       query_int (f->path,
                                  "SELECT count (*) FROM history WHERE fiscal_year >= 3000 "
                                  "AND field = 'value'"));

      start = last + 2;
    }
}

/* Starts a first start on @path and SIGKILLs it after @delay_us microseconds (or lets it
 * finish, with @delay_us negative). Returns whether the kill stopped it. */
static gboolean
run_first_start_child (const char *path,
                       gint64      delay_us)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--first-start", path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_assert_nonnull (self);
  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                 &error);
  g_assert_no_error (error);

  if (delay_us >= 0)
    {
      g_usleep ((gulong) delay_us);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  if (WIFSIGNALED (status))
    {
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      return TRUE;
    }

  /* Finished before the kill: it must have succeeded. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  return FALSE;
}

/* Whether a killed first start left anything behind: a database with a schema must hold the
 * whole plan, read as SQLite reads it, before Hubs opens the file again. A read-write
 * connection, as the next start opens it: it rolls back what was not committed. */
static gboolean
first_start_left_a_database (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n_objects, version, n_hubs;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count (*) FROM sqlite_schema), "
                                       "(SELECT user_version FROM pragma_user_version)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_objects = sqlite3_column_int (stmt, 0);
  version = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);

  if (n_objects == 0 && version == 0)
    {
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      return FALSE;
    }

  g_assert_cmpint (version, ==, HUBS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM hub", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_hubs = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_assert_cmpint (n_hubs, ==, 13);

  return TRUE;
}

static void
remove_database (const char *path)
{
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_assert_true (g_unlink (name) == 0 || errno == ENOENT);
    }
}

/* A kill anywhere in the very first start leaves either nothing (no file, or a file without
 * a schema) or the whole seeded plan, and the next start always shows the 13 hubs: never a
 * schema without its plan, which would open to an empty sidebar for good. */
static void
test_sigkill_first_start (Fixture       *f,
                          gconstpointer  data)
{
  guint n_rounds = 40;
  guint n_killed = 0;
  guint n_left_nothing = 0;
  gint64 started;
  gint64 whole_us;

  /* How long a whole first start takes here; the kills land anywhere within it. */
  started = g_get_monotonic_time ();
  g_assert_false (run_first_start_child (f->path, -1));
  whole_us = g_get_monotonic_time () - started;
  g_assert_true (first_start_left_a_database (f->path));

  for (guint round = 0; round < n_rounds; round++)
    {
      g_autoptr(HubsStore) store = NULL;
      g_autoptr(GPtrArray) hubs = NULL;
      g_autoptr(GError) error = NULL;
      gint64 delay_us = g_test_rand_int_range (0, (gint32) MIN (whole_us, G_MAXINT32 - 1) + 1);

      remove_database (f->path);
      n_killed += run_first_start_child (f->path, delay_us);
      n_left_nothing += !first_start_left_a_database (f->path);

      store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
      hubs = hubs_store_list_hubs (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hubs->len, ==, 13);
    }

  g_test_message ("a first start took %" G_GINT64_FORMAT " µs; %u of %u kills stopped it, "
                  "%u left nothing", whole_us, n_killed, n_rounds, n_left_nothing);
  g_assert_cmpuint (n_killed, >, 0);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* What an older Hubs left when killed between making the schema and seeding it: the next
 * start seeds it. */
static void
test_unseeded_database_is_seeded (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GError) error = NULL;

  for (guint version = 1; version <= HUBS_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN; %s PRAGMA user_version = %u; COMMIT;",
                                              hubs_store_get_migration_sql (version), version);

      exec_sql (f->path, sql);
    }

  /* Viewing it changes nothing. */
  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_READ_ONLY);
  g_assert_false (hubs_store_get_seeded (store));
  g_clear_object (&store);
  g_assert_cmpint (query_int (f->path, "SELECT count (*) FROM hub"), ==, 0);

  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_assert_true (hubs_store_get_seeded (store));
  hubs = hubs_store_list_hubs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hubs->len, ==, 13);
  g_clear_object (&store);

  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_assert_false (hubs_store_get_seeded (store));
}

/* A database whose hubs were all deleted is not the unseeded one: it stays empty. */
static void
test_emptied_database_is_not_reseeded (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (store, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);

      g_assert_true (hubs_store_delete_hub (store, hub->id, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);
  g_clear_pointer (&hubs, g_ptr_array_unref);

  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_assert_false (hubs_store_get_seeded (store));
  hubs = hubs_store_list_hubs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hubs->len, ==, 0);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsFigure) figure = make_figure (SINGLE_KPI, 2025, 150, NULL);
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv = "kpi_id,FY2025\n" SINGLE_KPI ",150\n";

  g_clear_object (&store);
  before = hubs_test_read_bytes (f->path);
  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_READ_ONLY);

  g_assert_false (hubs_store_set_figure (store, figure, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY);
  /* The message says what and where. */
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "viewing only"));
  g_clear_error (&error);

  g_ptr_array_add (figures, figure);
  g_assert_false (hubs_store_apply_figures (store, figures, NULL, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  plan = hubs_import_plan_new (store, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_false (hubs_import_plan_apply (plan, store, NULL, NULL, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_null (hubs_store_get_figure (store, SINGLE_KPI, 2025, HUBS_FIGURE_ACTUAL, NULL));
  g_clear_object (&store);
  g_assert_true (g_bytes_equal (before, hubs_test_read_bytes (f->path)));
}

static void
assert_nothing_partial (const char *path,
                        int         n_figures,
                        int         n_history)
{
  assert_integrity (path);
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM figure"), ==, n_figures);
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM history"), ==, n_history);
}

static void
test_full_max_page_count (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GPtrArray) figures =
    g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  g_autoptr(HubsFigure) single = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strnfill (200 * 1024, 'x');
  g_autofree char *pragma = NULL;
  int n_figures = query_int (f->path, "SELECT count (*) FROM figure");
  int n_history = query_int (f->path, "SELECT count (*) FROM history");
  int pages = query_int (f->path, "PRAGMA page_count");

  /* SQLite may not grow the file by a single page: the disk is full. */
  pragma = g_strdup_printf ("PRAGMA max_page_count = %d", pages);
  g_assert_cmpint (sqlite3_exec (hubs_store_get_db (store), pragma, NULL, NULL, NULL), ==,
                   SQLITE_OK);

  single = make_figure (SINGLE_KPI, 2025, 150, note);
  g_assert_false (hubs_store_set_figure (store, single, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  /* An import that fills the disk part way through writes none of its figures. */
  for (int year = 2025; year < 2045; year++)
    g_ptr_array_add (figures, make_figure (SINGLE_KPI, year, year, year < 2040 ? NULL : note));
  g_assert_false (hubs_store_apply_figures (store, figures, NULL, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FULL);
  g_clear_error (&error);

  /* The store still works for what fits. */
  g_clear_pointer (&single, hubs_figure_free);
  single = make_figure (SINGLE_KPI, 2025, 150, NULL);
  g_assert_true (hubs_store_set_figure (store, single, &error));
  g_assert_no_error (error);

  /* Only that figure landed, with its two history rows (value, provisional). */
  g_clear_object (&store);
  assert_nothing_partial (f->path, n_figures + 1, n_history + 2);
}

/* Fills the file system holding @dir until a write fails, with files named fill-N. */
static void
fill_disk (const char *dir)
{
  g_autofree char *chunk = g_malloc0 (64 * 1024);

  for (guint n = 0;; n++)
    {
      g_autofree char *name = g_strdup_printf ("fill-%u", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      FILE *file = fopen (path, "w");
      gboolean full = FALSE;

      g_assert_nonnull (file);
      for (guint i = 0; i < 16 && !full; i++)
        full = fwrite (chunk, 1, 64 * 1024, file) != 64 * 1024;
      full = fclose (file) != 0 || full;
      if (full)
        break;
    }
}

static void
test_full_disk_tmpfs (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *mnt = hubs_test_path (f->dir, "small-disk");
  g_autofree char *path = NULL;
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(GPtrArray) figures =
    g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strnfill (256 * 1024, 'y');
  int n_figures, n_history;

  g_assert_cmpint (g_mkdir (mnt, 0700), ==, 0);
  if (mount ("tmpfs", mnt, "tmpfs", 0, "size=2m") != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a small tmpfs here: %s",
                                              g_strerror (errno));

      g_test_skip (why);
      return;
    }

  path = g_build_filename (mnt, "hubs.sqlite3", NULL);
  store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);
  g_clear_object (&store);
  n_figures = query_int (path, "SELECT count (*) FROM figure");
  n_history = query_int (path, "SELECT count (*) FROM history");

  store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);
  fill_disk (mnt);

  figure = make_figure (SINGLE_KPI, 2025, 150, note);
  g_assert_false (hubs_store_set_figure (store, figure, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  for (int year = 2025; year < 2035; year++)
    g_ptr_array_add (figures, make_figure (SINGLE_KPI, year, year, note));
  g_assert_false (hubs_store_apply_figures (store, figures, NULL, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Room again: the database is intact and holds nothing of the failed changes. */
  for (guint n = 0;; n++)
    {
      g_autofree char *name = g_strdup_printf ("fill-%u", n);
      g_autofree char *fill = g_build_filename (mnt, name, NULL);

      if (g_unlink (fill) != 0)
        break;
    }
  assert_nothing_partial (path, n_figures, n_history);
  store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);
  g_assert_null (hubs_store_get_figure (store, SINGLE_KPI, 2025, HUBS_FIGURE_ACTUAL, NULL));
  g_clear_object (&store);

  hubs_test_remove_dir (mnt);
  g_assert_cmpint (umount (mnt), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "--first-start"))
    return run_first_start (argv[2]);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, hubs_test_files_set_up, func, hubs_test_files_tear_down)

  ADD ("/hubs/faults/sigkill-mid-burst", test_sigkill_mid_burst);
  ADD ("/hubs/faults/sigkill-first-start", test_sigkill_first_start);
  ADD ("/hubs/faults/unseeded-database-is-seeded", test_unseeded_database_is_seeded);
  ADD ("/hubs/faults/emptied-database-is-not-reseeded", test_emptied_database_is_not_reseeded);
  ADD ("/hubs/faults/read-only", test_read_only);
  ADD ("/hubs/faults/full-max-page-count", test_full_max_page_count);
  ADD ("/hubs/faults/full-disk-tmpfs", test_full_disk_tmpfs);

#undef ADD

  return g_test_run ();
}
