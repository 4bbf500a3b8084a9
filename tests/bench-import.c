/* bench-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: how long `hubs --import-csv` and `hubs --export-csv` take, and how
 * much memory they use at their peak, on the seeded plan (13 hubs) and on generated databases
 * of 1,000 and 10,000 hubs (× 30 KPIs × 10 fiscal years). The file imported is the database's
 * own wide export with every FY2025 actual changed (one added to it, or 1 where there was
 * none), so that the import has one figure per KPI to write. Each command runs as a child
 * process of the built binary on a fresh copy of the database; its time is wall-clock time
 * from spawn to exit and its peak is the child's maximum resident set size (wait4). The sizes
 * alternate (13, 1,000, 10,000, 13, …) and each figure is the median of the runs. `hubs
 * --version` is measured the same way as a reference: the cost of starting the program.
 *
 *   build/tests/bench-import [RUNS]
 *
 * A size the importer refuses prints `import-N-hubs: refused (MESSAGE)`.
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hubs-test-util.h"

static const guint sizes[] = { 13, 1000, 10000 };

typedef struct
{
  double    seconds;
  double    peak_mib;
  gboolean  ok;
  char     *out;
  char     *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static const char *
hubs_binary (void)
{
  const char *path = g_getenv ("HUBS_BINARY");

  return path != NULL ? path : HUBS_BINARY;
}

static char **
child_environment (void)
{
  char **envp = g_get_environ ();

  /* English messages, so that the refusal reads the same on every machine. */
  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);

  return envp;
}

static int
open_output (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

  if (fd < 0)
    g_error ("%s: %s", path, g_strerror (errno));

  return fd;
}

/* In a process of its own (see run_hubs): runs `hubs ARGS…` to its end with its output in
 * DIR/stdout.txt and DIR/stderr.txt, and prints its wall-clock time in microseconds, its peak
 * resident set size in kibibytes and its exit status. */
static int
measure_child (const char  *dir,
               char       **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = child_environment ();
  g_autofree char *out_path = g_build_filename (dir, "stdout.txt", NULL);
  g_autofree char *err_path = g_build_filename (dir, "stderr.txt", NULL);
  int out_fd = open_output (out_path);
  int err_fd = open_output (err_path);
  struct rusage usage;
  gint64 start;
  GPid pid;
  int status;

  g_ptr_array_add (argv, (char *) hubs_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, args[i]);
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_fds (dir, (char **) argv->pdata, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                               NULL, NULL, &pid, -1, out_fd, err_fd, &error))
    g_error ("%s", error->message);

  /* wait4, not getrusage (RUSAGE_CHILDREN): the peak of this child alone, not of the
   * largest child so far. */
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      g_error ("wait4: %s", g_strerror (errno));

  g_print ("%" G_GINT64_FORMAT " %ld %d\n", g_get_monotonic_time () - start,
           usage.ru_maxrss, WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status));

  close (out_fd);
  close (err_fd);

  return 0;
}

/* Runs `hubs ARGS…` to its end: its wall-clock time, its peak resident set size, its exit
 * status, and what it wrote on standard output and standard error. Through a fresh process
 * of this program, because Linux counts a child's peak from the memory of the process it was
 * forked from, and this one has held a large database generator's memory. */
static void
run_hubs (const char  *self_path,
          const char  *dir,
          const char **args,
          Run         *run)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out_path = g_build_filename (dir, "stdout.txt", NULL);
  g_autofree char *err_path = g_build_filename (dir, "stderr.txt", NULL);
  g_auto(GStrv) fields = NULL;
  int status;

  g_ptr_array_add (argv, (char *) self_path);
  g_ptr_array_add (argv, "--measure");
  g_ptr_array_add (argv, (char *) dir);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                     NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);

  fields = g_strsplit (g_strstrip (out), " ", 3);
  g_assert (g_strv_length (fields) == 3);
  run->seconds = g_ascii_strtoll (fields[0], NULL, 10) / (double) G_USEC_PER_SEC;
  run->peak_mib = g_ascii_strtoll (fields[1], NULL, 10) / 1024.0;  /* Linux gives KiB */
  run->ok = g_ascii_strtoll (fields[2], NULL, 10) == 0;

  g_file_get_contents (out_path, &run->out, NULL, NULL);
  g_file_get_contents (err_path, &run->err, NULL, NULL);
  g_unlink (out_path);
  g_unlink (err_path);
}

/* The [start, end) of each field of the record at @p, quotes included; returns the start of
 * the next record. */
static const char *
split_record (const char *p,
              GArray     *bounds)
{
  g_array_set_size (bounds, 0);

  for (;;)
    {
      const char *start = p;
      const char *end;

      if (*p == '"')
        {
          for (p++; *p != '\0' && !(*p == '"' && p[1] != '"'); p += *p == '"' ? 2 : 1)
            ;
          if (*p == '"')
            p++;
        }
      else
        while (*p != '\0' && *p != ',' && *p != '\r' && *p != '\n')
          p++;

      end = p;
      g_array_append_val (bounds, start);
      g_array_append_val (bounds, end);

      if (*p == ',')
        {
          p++;
          continue;
        }
      if (*p == '\r')
        p++;
      if (*p == '\n')
        p++;
      return p;
    }
}

static gboolean
field_is (GArray     *bounds,
          guint       i,
          const char *text)
{
  const char *start = g_array_index (bounds, const char *, 2 * i);
  const char *end = g_array_index (bounds, const char *, 2 * i + 1);

  return (gsize) (end - start) == strlen (text) && memcmp (start, text, end - start) == 0;
}

static int
find_column (GArray     *bounds,
             const char *name)
{
  for (guint i = 0; i < bounds->len / 2; i++)
    if (field_is (bounds, i, name))
      return i;

  g_error ("The export has no column %s", name);
}

/* The wide export @csv with every FY2025 actual one more than it was, or 1 where it was
 * empty; every other byte as it was. */
static GString *
change_actuals (const char *csv,
                guint      *n_changed)
{
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (const char *));
  GString *out = g_string_sized_new (strlen (csv) + 1024);
  const char *p = csv;
  const char *next;
  int kind_column, year_column;

  *n_changed = 0;

  next = split_record (p, bounds);
  kind_column = find_column (bounds, "kind");
  year_column = find_column (bounds, "FY2025");
  g_string_append_len (out, p, next - p);

  for (p = next; *p != '\0'; p = next)
    {
      const char *year_start, *year_end;

      next = split_record (p, bounds);
      if (bounds->len / 2 <= (guint) MAX (kind_column, year_column) ||
          !field_is (bounds, kind_column, "actual"))
        {
          g_string_append_len (out, p, next - p);
          continue;
        }

      year_start = g_array_index (bounds, const char *, 2 * year_column);
      year_end = g_array_index (bounds, const char *, 2 * year_column + 1);
      g_string_append_len (out, p, year_start - p);
      if (year_start == year_end)
        g_string_append (out, "1");
      else
        {
          g_autofree char *old = g_strndup (year_start, year_end - year_start);
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.12g",
                                                 g_ascii_strtod (old, NULL) + 1));
        }
      g_string_append_len (out, year_end, next - year_end);
      (*n_changed)++;
    }

  return out;
}

/* The figures of one command at one size, over the runs. */
typedef struct
{
  GArray *seconds;
  GArray *peaks;
  char   *refused;
} Figures;

static void
figures_add (Figures   *figures,
             const Run *run)
{
  if (!run->ok)
    {
      g_auto(GStrv) lines = g_strsplit (run->err != NULL ? run->err : "", "\n", 2);

      if (figures->refused == NULL)
        figures->refused = g_strdup (lines[0] != NULL && *lines[0] ? g_strstrip (lines[0])
                                                                 : "no message");
      return;
    }

  g_array_append_val (figures->seconds, run->seconds);
  g_array_append_val (figures->peaks, run->peak_mib);
}

static void
figures_print (Figures    *figures,
               const char *name)
{
  if (figures->seconds->len == 0)
    {
      g_print ("%s: refused (%s)\n", name, figures->refused);
      return;
    }

  g_print ("%s: %.2f s\n", name, hubs_test_median (figures->seconds));
  g_print ("%s-peak: %.0f MiB\n", name, hubs_test_median (figures->peaks));
  if (figures->refused != NULL)
    g_print ("%s-failed-runs: %s\n", name, figures->refused);
}

static void
figures_init (Figures *figures)
{
  figures->seconds = g_array_new (FALSE, FALSE, sizeof (double));
  figures->peaks = g_array_new (FALSE, FALSE, sizeof (double));
  figures->refused = NULL;
}

static void
figures_clear (Figures *figures)
{
  g_array_unref (figures->seconds);
  g_array_unref (figures->peaks);
  g_free (figures->refused);
}

/* Reads the number from “Imported N figures.” */
static guint
imported_count (const char *out)
{
  const char *p = out != NULL ? strstr (out, "Imported ") : NULL;

  return p != NULL ? (guint) g_ascii_strtoull (p + strlen ("Imported "), NULL, 10) : 0;
}

enum { IMPORT, EXPORT, EXPORT_WIDE, N_COMMANDS };

int
main (int   argc,
      char *argv[])
{
  static const char * const command_names[] = { "import", "export", "export-wide" };
  g_autofree char *dir = NULL;
  g_autofree char *work = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *self_path = NULL;
  char *templates[G_N_ELEMENTS (sizes)];
  char *imports[G_N_ELEMENTS (sizes)];
  guint changed[G_N_ELEMENTS (sizes)];
  guint imported[G_N_ELEMENTS (sizes)] = { 0 };
  Figures figures[G_N_ELEMENTS (sizes)][N_COMMANDS];
  Figures reference;
  guint runs;

  setlocale (LC_ALL, "");

  if (argc > 3 && g_str_equal (argv[1], "--measure"))
    return measure_child (argv[2], argv + 3);

  runs = argc > 1 ? (guint) atoi (argv[1]) : 3;
  if (runs == 0)
    runs = 3;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  dir = g_dir_make_tmp ("hubs-bench-XXXXXX", NULL);
  work = g_build_filename (dir, "work.sqlite3", NULL);
  exported = g_build_filename (dir, "exported.csv", NULL);
  self_path = g_file_read_link ("/proc/self/exe", NULL);

  /* Each size's database, and the file to import into it, made from its own wide export. */
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("hubs-%u.sqlite3", sizes[s]);
      g_autofree char *csv_name = g_strdup_printf ("import-%u.csv", sizes[s]);
      g_autofree char *option = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GString) changed_csv = NULL;
      g_autoptr(GError) error = NULL;
      Run run = { 0 };

      templates[s] = g_build_filename (dir, name, NULL);
      imports[s] = g_build_filename (dir, csv_name, NULL);

      if (sizes[s] == 13)
        g_object_unref (hubs_test_open_store (templates[s], HUBS_STORE_OPEN_DEFAULT));
      else
        hubs_test_make_large_database (templates[s], sizes[s]);

      option = g_strdup_printf ("--database=%s", templates[s]);
      {
        g_autofree char *export_option = g_strdup_printf ("--export-csv=%s", exported);
        const char *args[] = { option, export_option, "--layout=wide", NULL };

        run_hubs (self_path, dir, args, &run);
      }
      if (!run.ok)
        g_error ("Cannot export %u hubs: %s", sizes[s], run.err);
      run_clear (&run);

      if (!g_file_get_contents (exported, &contents, NULL, &error))
        g_error ("%s", error->message);
      changed_csv = change_actuals (contents, &changed[s]);
      if (!g_file_set_contents (imports[s], changed_csv->str, changed_csv->len, &error))
        g_error ("%s", error->message);
      g_unlink (exported);
      hubs_test_remove_database (work);

      for (guint c = 0; c < N_COMMANDS; c++)
        figures_init (&figures[s][c]);
    }
  figures_init (&reference);

  /* Sizes alternate, so that each sees the same state of the machine and of its caches. */
  for (guint r = 0; r < runs; r++)
    {
      Run run = { 0 };
      const char *version_args[] = { "--version", NULL };

      run_hubs (self_path, dir, version_args, &run);
      figures_add (&reference, &run);
      run_clear (&run);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *database_option = g_strdup_printf ("--database=%s", work);
          g_autofree char *import_option = g_strdup_printf ("--import-csv=%s", imports[s]);
          g_autofree char *export_option = g_strdup_printf ("--export-csv=%s", exported);
          const char *import_args[] = { database_option, import_option, NULL };
          const char *export_args[] = { database_option, export_option, NULL };
          const char *wide_args[] = { database_option, export_option, "--layout=wide", NULL };

          /* A fresh copy each time: the import finds the same work to do, and the export
           * reads the database as the import left it. */
          hubs_test_remove_database (work);
          hubs_test_copy_file (templates[s], work);

          run_hubs (self_path, dir, import_args, &run);
          figures_add (&figures[s][IMPORT], &run);
          if (run.ok)
            imported[s] = imported_count (run.out);
          run_clear (&run);

          run_hubs (self_path, dir, export_args, &run);
          figures_add (&figures[s][EXPORT], &run);
          run_clear (&run);
          g_unlink (exported);

          run_hubs (self_path, dir, wide_args, &run);
          figures_add (&figures[s][EXPORT_WIDE], &run);
          run_clear (&run);
          g_unlink (exported);
        }
    }

  figures_print (&reference, "reference-hubs-version");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      GStatBuf st;

      if (g_stat (imports[s], &st) == 0)
        g_print ("import-file-%u-hubs: %.1f MiB\n", sizes[s], st.st_size / (1024.0 * 1024.0));
      g_print ("import-%u-hubs-figures-changed-in-file: %u figures\n", sizes[s], changed[s]);
      if (imported[s] > 0)
        g_print ("import-%u-hubs-figures-imported: %u figures\n", sizes[s], imported[s]);
      for (guint c = 0; c < N_COMMANDS; c++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%u-hubs", command_names[c], sizes[s]);

          figures_print (&figures[s][c], name);
        }
    }
  g_print ("runs-each: %u\n", runs);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      for (guint c = 0; c < N_COMMANDS; c++)
        figures_clear (&figures[s][c]);
      g_free (templates[s]);
      g_free (imports[s]);
    }
  figures_clear (&reference);

  if (g_getenv ("HUBS_BENCH_KEEP") != NULL)
    {
      g_print ("files kept in %s\n", dir);
      return 0;
    }

  hubs_test_remove_dir (dir);

  return 0;
}
