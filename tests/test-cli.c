/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The installed command as a user runs it: no display, real files.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

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

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->stdout_text, &run->stderr_text, &run->status, &error);
  g_assert_no_error (error);
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
  g_auto(Run) run = { 0 };
  g_auto(GStrv) cells = NULL;
  guint width, rows;
  gboolean saw_gser = FALSE;

  run_hubs (&run, db_arg, "--export-csv=-", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.stderr_text, ==, "");

  cells = hubs_test_parse_csv (run.stdout_text, &width, &rows);
  g_assert_cmpuint (width, ==, 15);
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
  /* The database was created and seeded on the way. */
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

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
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };

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

static void
test_unwritable_export (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_auto(Run) run = { 0 };

  run_hubs (&run, db_arg, "--export-csv=/nonexistent-folder/plan.csv", NULL);
  assert_one_line_error (&run, "hubs: ");

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
  g_assert_cmpuint (width, ==, 15);
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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/cli/version", test_version);
  g_test_add_func ("/hubs/cli/help", test_help);
  g_test_add_func ("/hubs/cli/export-stdout", test_export_stdout);
  g_test_add_func ("/hubs/cli/export-file", test_export_file);
  g_test_add_func ("/hubs/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/hubs/cli/not-a-database", test_not_a_database);
  g_test_add_func ("/hubs/cli/unwritable-export", test_unwritable_export);
  g_test_add_func ("/hubs/cli/no-display", test_no_display);
  g_test_add_func ("/hubs/cli/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
