/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The installed command as a user runs it: no display, real files.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hubs-test-util.h"

typedef struct
{
  char *stdout_text;
  char *stderr_text;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->stdout_text);
  g_free (run->stderr_text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs @argv (NULL-terminated) without a display. */
static void
run_argv (Run       *run,
          GPtrArray *argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();

  /* No display: the command line must not need one. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  if (g_environ_getenv (envp, "HUBS_TEST_SCHEMA_DIR_FOR_EVERYONE") != NULL)
    envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR",
                             g_environ_getenv (envp, "HUBS_TEST_SCHEMA_DIR_FOR_EVERYONE"), TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->stdout_text, &run->stderr_text, &run->status, &error);
  g_assert_no_error (error);
}

static void
copy_file_for_everyone (const char *from,
                        const char *to,
                        int         mode)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, mode,
                                           &error));
  g_assert_no_error (error);
}

/* Another user may not reach the build folder (a clone under /root is 0700): the binary and
 * the compiled schemas it reads are copied once to a folder everyone can read, and the
 * child is pointed at them. */
static const char *
binary_for_everyone (void)
{
  static char *binary;

  if (binary == NULL)
    {
      g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "hubs-test-cli-XXXXXX", NULL);
      g_autofree char *schemas = NULL;

      g_assert_nonnull (g_mkdtemp_full (dir, 0755));
      binary = g_build_filename (dir, "hubs", NULL);
      copy_file_for_everyone (g_getenv ("HUBS_BINARY"), binary, 0755);
      schemas = g_build_filename (dir, "gschemas.compiled", NULL);
      {
        g_autofree char *compiled = g_build_filename (g_getenv ("GSETTINGS_SCHEMA_DIR"),
                                                      "gschemas.compiled", NULL);

        copy_file_for_everyone (compiled, schemas, 0644);
      }
      g_setenv ("HUBS_TEST_SCHEMA_DIR_FOR_EVERYONE", dir, TRUE);
    }

  return binary;
}

/* Runs hubs with the arguments, as @runuser -u @user when @runuser is not %NULL. */
static void
run_hubs_valist (Run        *run,
                 const char *runuser,
                 const char *user,
                 const char *first_arg,
                 va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *binary = g_getenv ("HUBS_BINARY");

  g_assert_nonnull (binary);
  if (runuser != NULL)
    {
      binary = binary_for_everyone ();
      g_ptr_array_add (argv, (gpointer) runuser);
      g_ptr_array_add (argv, (gpointer) "-u");
      g_ptr_array_add (argv, (gpointer) user);
      g_ptr_array_add (argv, (gpointer) "--");
    }
  g_ptr_array_add (argv, (gpointer) binary);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  run_argv (run, argv);
}

static void
run_hubs (Run        *run,
          const char *first_arg,
          ...)
{
  va_list args;

  va_start (args, first_arg);
  run_hubs_valist (run, NULL, NULL, first_arg, args);
  va_end (args);
}

static void
run_hubs_as (Run        *run,
             const char *runuser,
             const char *user,
             const char *first_arg,
             ...)
{
  va_list args;

  va_start (args, first_arg);
  run_hubs_valist (run, runuser, user, first_arg, args);
  va_end (args);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;

  return n;
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_hubs (&run, "--version", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.stdout_text, ==, "hubs " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_hubs (&run, "--help", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.stdout_text, "--export-csv=FILE"));
  g_assert_nonnull (strstr (run.stdout_text, "--database=FILE"));
}

static void
test_export_stdout (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autoptr(HubsStore) store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) cells = NULL;
  guint width, rows;
  gboolean saw_gser = FALSE;

  g_clear_object (&store);
  run_hubs (&run, db_arg, "--export-csv=-", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.stderr_text, ==, "");

  cells = hubs_test_parse_csv (run.stdout_text, &width, &rows);
  g_assert_cmpuint (width, ==, 24);
  g_assert_cmpuint (rows, >, 200);

  for (guint r = 1; r < rows; r++)
    {
      char **row = cells + r * width;

      if (g_str_equal (row[3], "tokyo/gser-rank") && g_str_equal (row[10], "2024"))
        {
          g_assert_cmpstr (row[11], ==, "baseline");
          g_assert_cmpstr (row[12], ==, "10");
          g_assert_cmpstr (row[7], ==, "位");
          g_assert_cmpstr (row[9], ==, "lower");
          saw_gser = TRUE;
        }
    }
  g_assert_true (saw_gser);

  hubs_test_remove_dir (dir);
}

static void
test_export_file (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *csv = hubs_test_path (dir, "plan.csv");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autofree char *csv_arg = g_strconcat ("--export-csv=", csv, NULL);
  g_autoptr(HubsStore) store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };

  g_clear_object (&store);
  run_hubs (&run, db_arg, csv_arg, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "hub_id,hub_name_ja,"));

  hubs_test_remove_dir (dir);
}

static void
assert_one_line_error (Run        *run,
                       const char *expect)
{
  g_assert_false (g_spawn_check_wait_status (run->status, NULL));
  g_test_message ("%s", run->stderr_text);
  g_assert_nonnull (strstr (run->stderr_text, expect));
  g_assert_cmpuint (count_lines (run->stderr_text), <=, 2);
}

/* A mistyped or former hub name on the command line: refused, with the hub meant. */
static void
test_unknown_hub_suggests (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *pdf = hubs_test_path (dir, "report.pdf");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export-report=", pdf, NULL);
  g_autoptr(HubsStore) store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
  g_auto(Run) typo = { 0 };
  g_auto(Run) former = { 0 };
  g_auto(Run) nothing = { 0 };

  g_clear_object (&store);
  run_hubs (&typo, db_arg, pdf_arg, "--hub=kansia", NULL);
  assert_one_line_error (&typo, "kansia");
  g_assert_nonnull (strstr (typo.stderr_text, "--hub=kansai"));

  run_hubs (&former, db_arg, pdf_arg, "--hub=京阪神", NULL);
  assert_one_line_error (&former, "--hub=kansai");

  run_hubs (&nothing, db_arg, pdf_arg, "--hub=atlantis", NULL);
  assert_one_line_error (&nothing, "atlantis");
  g_assert_null (strstr (nothing.stderr_text, "--hub="));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  hubs_test_remove_dir (dir);
}

static void
test_unknown_option (void)
{
  g_auto(Run) run = { 0 };

  run_hubs (&run, "--frobnicate", NULL);
  assert_one_line_error (&run, "--frobnicate");
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "notes.txt");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autoptr(GBytes) before = NULL;
  g_auto(Run) run = { 0 };

  g_file_set_contents (db, "these are my notes, not a database, and there are enough of "
                           "them to fill more than one hundred bytes of this small text "
                           "file.\n", -1, NULL);
  before = hubs_test_read_bytes (db);

  run_hubs (&run, db_arg, "--export-csv=-", NULL);
  assert_one_line_error (&run, "not a Hubs database");
  g_assert_cmpstr (run.stdout_text, ==, "");
  hubs_test_assert_same_bytes (db, before);

  hubs_test_remove_dir (dir);
}

/* A copy that fails part-way leaves no new file behind, and an existing one as it was. */
static void
test_copy_database_fails_cleanly (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *from = hubs_test_path (dir, "from.sqlite3");
  g_autofree char *to = hubs_test_path (dir, "to.sqlite3");
  g_autofree char *to_wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *kept = hubs_test_path (dir, "kept.sqlite3");
  g_autofree char *from_arg = g_strconcat ("--copy-database=", from, NULL);
  g_autofree char *to_arg = g_strconcat ("--to=", to, NULL);
  g_autofree char *kept_arg = g_strconcat ("--to=", kept, NULL);
  g_autoptr(GBytes) kept_before = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };

  g_object_unref (hubs_test_open_store (from, HUBS_STORE_OPEN_DEFAULT));
  g_object_unref (hubs_test_open_store (kept, HUBS_STORE_OPEN_DEFAULT));
  /* A figure of a KPI that is not there: the copy's foreign keys refuse it at the end. */
  hubs_test_exec_sql (from, "INSERT INTO figure (kpi_id, fiscal_year, kind, value, measured) "
                            "VALUES ('ghost/kpi', 2025, 'actual', 1, 1)");
  kept_before = hubs_test_read_bytes (kept);

  run_hubs (&run, from_arg, to_arg, NULL);
  assert_one_line_error (&run, "FOREIGN KEY");
  g_assert_false (g_file_test (to, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (to_wal, G_FILE_TEST_EXISTS));

  run_hubs (&again, from_arg, kept_arg, NULL);
  assert_one_line_error (&again, "already holds");
  hubs_test_assert_same_bytes (kept, kept_before);

  hubs_test_remove_dir (dir);
}

static void
test_unwritable_export (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autoptr(HubsStore) store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
  g_auto(Run) run = { 0 };

  g_clear_object (&store);
  run_hubs (&run, db_arg, "--export-csv=/nonexistent-folder/plan.csv", NULL);
  assert_one_line_error (&run, "/nonexistent-folder/plan.csv");

  hubs_test_remove_dir (dir);
}

/* Runs hubs with @input on its standard input; its standard output is a pipe. */
static void
run_hubs_with_input (Run                *run,
                     const char         *input,
                     const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) in = g_bytes_new (input, strlen (input));
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("HUBS_BINARY");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, in, NULL, &out, &err, &error);
  g_assert_no_error (error);

  run->stdout_text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  run->stderr_text = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  run->status = g_subprocess_get_status (process);
  g_test_message ("stdout: %s\nstderr: %s", run->stdout_text, run->stderr_text);
}

/* /dev/stdout on a pipe, and an import from standard input as `-` and as /dev/stdin. */
static void
test_pipes (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  const char *csv = "kpi_id,FY2025\nsapporo/startups,150\n";
  g_autoptr(HubsStore) store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
  const char *export_args[] = { db_arg, "--export-csv=/dev/stdout", NULL };
  const char *dry_args[] = { db_arg, "--import-csv=-", "--dry-run", NULL };
  const char *import_args[] = { db_arg, "--import-csv=/dev/stdin", NULL };
  const char *backup_args[] = { db_arg, "--backup=-", NULL };

  g_clear_object (&store);

  {
    g_auto(Run) run = { 0 };

    run_hubs_with_input (&run, "", export_args);
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
    g_assert_true (g_str_has_prefix (run.stdout_text, "hub_id,hub_name_ja,"));
  }
  {
    g_auto(Run) run = { 0 };

    run_hubs_with_input (&run, csv, dry_args);
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
    g_assert_nonnull (strstr (run.stdout_text, "New figures: 1."));
  }
  {
    g_auto(Run) run = { 0 };

    run_hubs_with_input (&run, csv, import_args);
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
    g_assert_nonnull (strstr (run.stdout_text, "Imported 1 figure."));
  }
  {
    g_auto(Run) run = { 0 };

    /* The copy is the output, with nothing else on it. */
    run_hubs_with_input (&run, "", backup_args);
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
    g_assert_true (g_str_has_prefix (run.stdout_text, "SQLite format 3"));
  }

  hubs_test_remove_dir (dir);
}

/* A mistyped --database: every command that only reads refuses it with its name, exits
 * non-zero and creates nothing, not even the folder. A zero-byte file is refused as well and
 * left empty. */
static void
test_read_only_commands_refuse_missing (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *missing_dir = hubs_test_path (dir, "typo");
  g_autofree char *missing = g_build_filename (missing_dir, "hubs.sqlite3", NULL);
  g_autofree char *empty = hubs_test_path (dir, "empty.sqlite3");
  g_autofree char *csv = hubs_test_path (dir, "figures.csv");
  g_autofree char *out_csv = hubs_test_path (dir, "out.csv");
  g_autofree char *out_pdf = hubs_test_path (dir, "out.pdf");
  g_autofree char *out_png = hubs_test_path (dir, "out.png");
  g_autofree char *out_db = hubs_test_path (dir, "copy.sqlite3");
  g_autofree char *import_arg = g_strconcat ("--import-csv=", csv, NULL);
  g_autofree char *export_arg = g_strconcat ("--export-csv=", out_csv, NULL);
  g_autofree char *report_arg = g_strconcat ("--export-report=", out_pdf, NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", out_png, NULL);
  g_autofree char *backup_arg = g_strconcat ("--backup=", out_db, NULL);
  const char *databases[] = { missing, empty };

  g_assert_true (g_file_set_contents (csv, "kpi_id,FY2025\nsapporo/startups,150\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  for (guint d = 0; d < G_N_ELEMENTS (databases); d++)
    {
      g_autofree char *db_arg = g_strconcat ("--database=", databases[d], NULL);
      const char *commands[][2] = {
        { export_arg, NULL },
        { "--export-csv=-", "--layout=wide" },
        { report_arg, NULL },
        { "--render-chart=tokyo/gser-rank", output_arg },
        { backup_arg, NULL },
        { import_arg, "--dry-run" },
      };

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_auto(Run) run = { 0 };
          GStatBuf st;

          run_hubs (&run, db_arg, commands[c][0], commands[c][1], NULL);
          assert_one_line_error (&run, databases[d]);
          g_assert_cmpstr (run.stdout_text, ==, "");
          g_assert_false (g_file_test (out_csv, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (out_pdf, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (out_png, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (out_db, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
          g_assert_cmpint (g_stat (empty, &st), ==, 0);
          g_assert_cmpint (st.st_size, ==, 0);
        }
    }

  hubs_test_remove_dir (dir);
}

static int
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Adds a table the app never reads and overwrites its first page with noise: damage that
 * PRAGMA quick_check finds and reading the app's own tables does not. */
static void
damage_unused_table (const char *path)
{
  sqlite3 *db = NULL;
  int page_size, root;
  FILE *file;
  char noise[512];

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE scratch (x TEXT);"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                 "FROM n WHERE i < 200) "
                                 "INSERT INTO scratch SELECT printf('%0100d', i) FROM n;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  root = query_int (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'scratch'");
  page_size = query_int (db, "PRAGMA page_size");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  memset (noise, 0x5a, sizeof noise);
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) (root - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (noise, 1, sizeof noise, file), ==, sizeof noise);
  fclose (file);
}

/* A command that only reads does not read the whole file first (PRAGMA quick_check), so
 * damage in a table it does not need does not stop it; an import, which writes, still checks
 * the whole file first and refuses it. */
static void
test_read_only_commands_skip_full_check (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autofree char *csv = hubs_test_path (dir, "figures.csv");
  g_autofree char *import_arg = g_strconcat ("--import-csv=", csv, NULL);
  g_autoptr(HubsStore) store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);

  g_clear_object (&store);
  damage_unused_table (db);
  g_assert_true (g_file_set_contents (csv, "kpi_id,FY2025\nsapporo/startups,150\n", -1, NULL));

  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, db_arg, "--export-csv=-", NULL);
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
    g_assert_true (g_str_has_prefix (run.stdout_text, "hub_id,"));
    g_assert_cmpuint (count_lines (run.stdout_text), >, 200);
  }
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, db_arg, import_arg, NULL);
    assert_one_line_error (&run, "damaged");
  }

  hubs_test_remove_dir (dir);
}

/* Two imports into one database at once, as two people at two terminals would: the second
 * waits for the first, both succeed, and each gets its own snapshot. */
static void
test_two_imports_at_once (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(HubsStore) store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  const char *kpis[] = { "sapporo/startups", "tokyo/gser-rank" };
  GSubprocess *processes[G_N_ELEMENTS (kpis)];
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_snapshots = 0;

  g_clear_object (&store);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      g_autofree char *csv = g_strdup_printf ("%s/figures-%u.csv", dir, i);
      g_autofree char *text = g_strdup_printf ("kpi_id,FY2025\n%s,%u\n", kpis[i], 7 + i);
      g_autofree char *arg = g_strconcat ("--import-csv=", csv, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (csv, text, -1, NULL));
      processes[i] = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("HUBS_BINARY"),
                                                  db_arg, arg, NULL);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;

      g_subprocess_communicate_utf8 (processes[i], NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_test_message ("import %u: %s%s", i, out, err);
      g_assert_true (g_subprocess_get_successful (processes[i]));
      g_assert_nonnull (strstr (out, "Imported 1 figure."));
      g_object_unref (processes[i]);
    }

  store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HubsFigure) figure = hubs_store_get_figure (store, kpis[i], 2025,
                                                            HUBS_FIGURE_ACTUAL, &error);

      g_assert_no_error (error);
      g_assert_cmpfloat (figure->value, ==, 7 + i);
    }
  g_clear_object (&store);

  d = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_assert_false (g_str_has_suffix (name, ".partial"));
      n_snapshots++;
    }
  g_assert_cmpuint (n_snapshots, ==, 2);

  hubs_test_remove_dir (dir);
}

static void
test_no_display (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_auto(Run) run = { 0 };

  run_hubs (&run, db_arg, NULL);
  assert_one_line_error (&run, "xvfb-run");
}

/* Root ignores permissions: as root, run hubs as nobody, who cannot write the folder. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *out = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *copy = hubs_test_path (out, "copy.sqlite3");
  g_autofree char *backup_arg = g_strconcat ("--backup=", copy, NULL);
  g_autofree char *runuser = NULL;
  g_autoptr(GBytes) before = NULL;
  g_auto(Run) export = { 0 };
  g_auto(Run) backup = { 0 };
  g_auto(GStrv) cells = NULL;
  guint width, rows;
  gboolean saw_figure = FALSE;

  if (geteuid () == 0)
    {
      runuser = g_find_program_in_path ("runuser");
      if (runuser == NULL && g_file_test ("/usr/sbin/runuser", G_FILE_TEST_IS_EXECUTABLE))
        runuser = g_strdup ("/usr/sbin/runuser");
      if (runuser == NULL)
        {
          g_test_skip ("runuser is not available, and root ignores the folder's permissions");
          hubs_test_remove_dir (out);
          hubs_test_remove_dir (dir);
          return;
        }
    }

  /* A database with a figure, closed as Hubs leaves it; then the folder made read-only. */
  {
    g_autoptr(HubsStore) store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
    g_autoptr(HubsFigure) figure = hubs_figure_new ();
    g_autoptr(GError) error = NULL;

    figure->kpi_id = g_strdup ("sapporo/startups");
    figure->fiscal_year = 2025;
    figure->kind = HUBS_FIGURE_ACTUAL;
    figure->measured = TRUE;
    figure->value = 181;
    g_assert_true (hubs_store_set_figure (store, figure, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_chmod (db, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_cmpint (g_chmod (out, 0777), ==, 0);
  before = hubs_test_read_bytes (db);

  /* Viewing works: the export reads every figure. */
  run_hubs_as (&export, runuser, "nobody", db_arg, "--export-csv=-", NULL);
  g_assert_cmpstr (export.stderr_text, ==, "");
  g_assert_true (g_spawn_check_wait_status (export.status, NULL));
  cells = hubs_test_parse_csv (export.stdout_text, &width, &rows);
  g_assert_cmpuint (width, ==, 24);
  for (guint r = 1; r < rows; r++)
    {
      char **row = cells + r * width;

      if (g_str_equal (row[3], "sapporo/startups") && g_str_equal (row[10], "2025") &&
          g_str_equal (row[11], "actual"))
        {
          g_assert_cmpstr (row[12], ==, "181");
          saw_figure = TRUE;
        }
    }
  g_assert_true (saw_figure);

  /* So does a backup to a folder that can be written. */
  run_hubs_as (&backup, runuser, "nobody", db_arg, backup_arg, NULL);
  g_assert_cmpstr (backup.stderr_text, ==, "");
  g_assert_true (g_spawn_check_wait_status (backup.status, NULL));
  {
    g_autoptr(HubsStore) store = hubs_test_open_store (copy, HUBS_STORE_OPEN_READ_ONLY);
    g_autoptr(HubsFigure) figure = hubs_store_get_figure (store, "sapporo/startups", 2025,
                                                          HUBS_FIGURE_ACTUAL, NULL);

    g_assert_nonnull (figure);
    g_assert_cmpfloat (figure->value, ==, 181);
  }

  /* Nothing was written beside the database. */
  hubs_test_assert_same_bytes (db, before);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  g_chmod (dir, 0700);
  hubs_test_remove_dir (out);
  hubs_test_remove_dir (dir);
}

/* A command that writes records who made its changes: --user and --organisation. */
static void
test_import_records_who (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *csv = hubs_test_path (dir, "figures.csv");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autofree char *import_arg = g_strconcat ("--import-csv=", csv, NULL);
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (csv, "kpi_id,FY2025\nsapporo/startups,150\n", -1, NULL));
  store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
  g_clear_object (&store);

  run_hubs (&run, db_arg, import_arg, "--user=山田 花子", "--organisation=札幌市 経済観光局", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));

  store = hubs_test_open_store (db, HUBS_STORE_OPEN_READ_ONLY);
  history = hubs_store_list_history (store, "sapporo/startups", NULL);
  g_assert_nonnull (history);
  g_assert_cmpuint (history->len, >, 0);
  for (guint i = 0; i < history->len; i++)
    {
      const HubsHistoryEntry *entry = g_ptr_array_index (history, i);

      g_assert_cmpstr (entry->changed_by, ==, "山田 花子");
      g_assert_cmpstr (entry->organisation, ==, "札幌市 経済観光局");
    }
  g_clear_object (&store);
  hubs_test_remove_dir (dir);
}

/* The yearly cycle through the command line: a consortium's submission, refused while a
 * figure is missing; a national database that meets a correction of its own and settles
 * it; the answer taken back at the consortium. */
static void
test_submission_cycle (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *fukuoka = hubs_test_path (dir, "fukuoka.sqlite3");
  g_autofree char *national = hubs_test_path (dir, "national.sqlite3");
  g_autofree char *file = hubs_test_path (dir, "fukuoka-2025.hubs");
  g_autofree char *answer_file = hubs_test_path (dir, "answer.hubs");
  g_autofree char *csv = hubs_test_path (dir, "fy2025.csv");
  g_autofree char *fukuoka_arg = g_strconcat ("--database=", fukuoka, NULL);
  g_autofree char *national_arg = g_strconcat ("--database=", national, NULL);
  g_autofree char *export_arg = g_strconcat ("--export-submission=", file, NULL);
  g_autofree char *import_arg = g_strconcat ("--import-submission=", file, NULL);
  g_autofree char *answer_arg = g_strconcat ("--import-submission=", answer_file, NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", answer_file, NULL);
  g_autofree char *csv_arg = g_strconcat ("--import-csv=", csv, NULL);
  g_autoptr(GString) sheet = g_string_new ("kpi_id,FY2025\n");
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(HubsYearState) state = NULL;
  g_autoptr(GBytes) before = NULL;

  store = hubs_test_open_store (fukuoka, HUBS_STORE_OPEN_DEFAULT);
  kpis = hubs_store_list_kpis (store, "fukuoka", NULL);
  g_clear_object (&store);
  store = hubs_test_open_store (national, HUBS_STORE_OPEN_DEFAULT);
  g_clear_object (&store);

  /* Nothing entered yet: refused, nothing written. */
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, fukuoka_arg, export_arg, "--hub=fukuoka", "--fiscal-year=FY2025", NULL);
    g_assert_false (g_spawn_check_wait_status (run.status, NULL));
    g_assert_nonnull (strstr (run.stderr_text, "missing"));
    g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  }

  /* Every KPI “not measured” in FY2025: nothing missing, nothing to explain. */
  for (guint i = 0; i < kpis->len; i++)
    g_string_append_printf (sheet, "%s,not measured\n", ((HubsKpi *) kpis->pdata[i])->id);
  g_assert_true (g_file_set_contents (csv, sheet->str, -1, NULL));
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, fukuoka_arg, csv_arg, NULL);
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  }
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, fukuoka_arg, export_arg, "--hub=fukuoka", "--fiscal-year=FY2025",
              "--user=山田 花子", "--organisation=福岡市", NULL);
    g_assert_cmpstr (run.stderr_text, ==, "");
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
    g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  }

  /* The ministry corrected a figure meanwhile: without --on-conflict nothing changes. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *one = hubs_test_path (dir, "one.csv");
    g_autofree char *one_arg = g_strconcat ("--import-csv=", one, NULL);

    g_assert_true (g_file_set_contents (one, "kpi_id,FY2025\nfukuoka/overseas-vc-funding,4\n",
                                        -1, NULL));
    run_hubs (&run, national_arg, one_arg, "--user=佐藤 一郎", NULL);
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  }
  before = hubs_test_read_bytes (national);
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, national_arg, import_arg, NULL);
    g_assert_false (g_spawn_check_wait_status (run.status, NULL));
    g_assert_nonnull (strstr (run.stdout_text, "fukuoka/overseas-vc-funding"));
    g_assert_nonnull (strstr (run.stdout_text, "佐藤 一郎"));
    g_assert_nonnull (strstr (run.stderr_text, "--on-conflict"));
  }
  hubs_test_assert_same_bytes (national, before);
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, national_arg, import_arg, "--on-conflict=keep-theirs", NULL);
    g_assert_cmpstr (run.stderr_text, ==, "");
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  }
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, national_arg, "--accept-year", "--hub=fukuoka", "--fiscal-year=2025",
              output_arg, NULL);
    g_assert_cmpstr (run.stderr_text, ==, "");
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  }
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, fukuoka_arg, answer_arg, NULL);
    g_assert_cmpstr (run.stderr_text, ==, "");
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  }

  store = hubs_test_open_store (fukuoka, HUBS_STORE_OPEN_READ_ONLY);
  state = hubs_store_get_year_state (store, "fukuoka", 2025, NULL);
  g_assert_cmpint (state->state, ==, HUBS_YEAR_ACCEPTED);
  g_clear_object (&store);
  g_clear_pointer (&state, hubs_year_state_free);
  store = hubs_test_open_store (national, HUBS_STORE_OPEN_READ_ONLY);
  state = hubs_store_get_year_state (store, "fukuoka", 2025, NULL);
  g_assert_cmpint (state->state, ==, HUBS_YEAR_ACCEPTED);
  g_clear_object (&store);
  hubs_test_remove_dir (dir);
}

/* --as-of: an export of the figures as they stood then. */
static void
test_export_as_of (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *first = hubs_test_path (dir, "first.csv");
  g_autofree char *second = hubs_test_path (dir, "second.csv");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autofree char *first_arg = g_strconcat ("--import-csv=", first, NULL);
  g_autofree char *second_arg = g_strconcat ("--import-csv=", second, NULL);
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *then = NULL;
  g_autofree char *as_of_arg = NULL;
  g_autoptr(HubsStore) store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);

  g_clear_object (&store);
  g_assert_true (g_file_set_contents (first, "kpi_id,FY2025\nsapporo/startups,150\n", -1, NULL));
  g_assert_true (g_file_set_contents (second, "kpi_id,FY2025\nsapporo/startups,175\n", -1,
                                      NULL));
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, db_arg, first_arg, NULL);
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  }
  g_usleep (1100 * 1000);
  now = g_date_time_new_now (tokyo);
  then = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  as_of_arg = g_strconcat ("--as-of=", then, NULL);
  g_usleep (1100 * 1000);
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, db_arg, second_arg, NULL);
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  }
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, db_arg, "--export-csv=-", as_of_arg, NULL);
    g_assert_cmpstr (run.stderr_text, ==, "");
    g_assert_true (g_spawn_check_wait_status (run.status, NULL));
    g_assert_nonnull (strstr (run.stdout_text, ",2025,actual,150,"));
    g_assert_null (strstr (run.stdout_text, ",2025,actual,175,"));
  }
  {
    g_auto(Run) run = { 0 };

    run_hubs (&run, db_arg, "--export-csv=-", "--as-of=yesterday-ish", NULL);
    g_assert_false (g_spawn_check_wait_status (run.status, NULL));
    g_assert_nonnull (strstr (run.stderr_text, "--as-of"));
  }
  hubs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/cli/export-as-of", test_export_as_of);
  g_test_add_func ("/hubs/cli/submission-cycle", test_submission_cycle);
  g_test_add_func ("/hubs/cli/import-records-who", test_import_records_who);
  g_test_add_func ("/hubs/cli/version", test_version);
  g_test_add_func ("/hubs/cli/help", test_help);
  g_test_add_func ("/hubs/cli/export-stdout", test_export_stdout);
  g_test_add_func ("/hubs/cli/export-file", test_export_file);
  g_test_add_func ("/hubs/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/hubs/cli/unknown-hub-suggests", test_unknown_hub_suggests);
  g_test_add_func ("/hubs/cli/not-a-database", test_not_a_database);
  g_test_add_func ("/hubs/cli/unwritable-export", test_unwritable_export);
  g_test_add_func ("/hubs/cli/copy-database-fails-cleanly", test_copy_database_fails_cleanly);
  g_test_add_func ("/hubs/cli/no-display", test_no_display);
  g_test_add_func ("/hubs/cli/read-only-folder", test_read_only_folder);
  g_test_add_func ("/hubs/cli/pipes", test_pipes);
  g_test_add_func ("/hubs/cli/two-imports-at-once", test_two_imports_at_once);
  g_test_add_func ("/hubs/cli/read-only-commands-refuse-missing",
                   test_read_only_commands_refuse_missing);
  g_test_add_func ("/hubs/cli/read-only-commands-skip-full-check",
                   test_read_only_commands_skip_full_check);

  status = g_test_run ();

  if (g_getenv ("HUBS_TEST_SCHEMA_DIR_FOR_EVERYONE") != NULL)
    hubs_test_remove_dir (g_getenv ("HUBS_TEST_SCHEMA_DIR_FOR_EVERYONE"));

  return status;
}
