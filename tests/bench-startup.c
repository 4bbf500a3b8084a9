/* bench-startup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: prints how long the application takes from its start to its main
 * window's first frame, with the seeded plan and with a large generated database (1,000 hubs
 * × 30 KPIs × 10 fiscal years), next to an empty window that goes through the same
 * GApplication start-up, measured the same way in the same run; and how long switching hubs
 * takes until the next frame.
 *
 *   GSETTINGS_SCHEMA_DIR=build/data GSK_RENDERER=cairo \
 *     xvfb-run -a -s "-screen 0 1280x800x24" build/tests/bench-startup [RUNS]
 *
 * Each start is a new process, and the two sides are started alike:
 *
 *   A, "empty": this program again, as `bench-startup --empty-app`: an AdwApplication with the
 *     flags HubsApplication has (G_APPLICATION_NON_UNIQUE) but its own application id, whose
 *     activate presents an empty AdwApplicationWindow of the main window's default size;
 *   B, "hubs": the real binary (build/app/hubs, or $HUBS_BINARY), as `hubs --database=FILE`,
 *     on the seeded plan and on the 1,000-hub database; and, run with a server of its own
 *     (tests/with-postgresql.sh build/tests/bench-startup), on the seeded plan in a shared
 *     database on that PostgreSQL server, over its Unix socket.
 *
 * Both get HUBS_BENCH_FIRST_FRAME_FD=3, a pipe: on their first window's first "after-paint"
 * they write g_get_monotonic_time() there and quit (for B, see hubs-application.c). A start
 * lasts from just before the spawn, on this process's clock (the monotonic clock is the same
 * for every process), to that time. A, B and C (the 1,000 hubs) alternate, A B C A B C, so a
 * slower moment of the machine weighs on each alike; the first round only warms the caches.
 *
 * Each start gets its own GSettings memory backend (GSETTINGS_BACKEND=memory), its own empty
 * XDG_DATA_HOME and XDG_CONFIG_HOME, and the same session bus: the one in
 * DBUS_SESSION_BUS_ADDRESS if there is one (under dbus-run-session), else a private
 * dbus-daemon this program starts for the run (the warm-up round activates the accessibility
 * bus on it, which the later starts share). Without an address, GLib would launch a bus on
 * the X display with dbus-launch in the first start and leave it to the later ones. If
 * dbus-daemon is missing, every start is given an address where no bus listens: none sees a
 * bus. XDG_CACHE_HOME (the font caches) is shared, as on a desktop, and so is the display,
 * to which this program stays connected so that the X server never resets between two
 * starts. The window's size comes from the settings' defaults (1100 × 760) on B and is set
 * to the same on A.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "hubs-store.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

/* The child's end of the pipe the first frame's time is written to. */
#define FIRST_FRAME_FD 3

static gint64 first_frame_time;

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (first_frame_time == 0)
    first_frame_time = g_get_monotonic_time ();
}

/* A, the empty window: the same probe as HubsApplication's (hubs-application.c). */

static void
empty_on_after_paint (GdkFrameClock *clock,
                      GApplication  *application)
{
  g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  int fd = atoi (g_getenv ("HUBS_BENCH_FIRST_FRAME_FD"));

  g_signal_handlers_disconnect_by_func (clock, empty_on_after_paint, application);
  if (write (fd, line, strlen (line)) < 0)
    g_warning ("HUBS_BENCH_FIRST_FRAME_FD: %s", g_strerror (errno));
  close (fd);
  g_application_quit (application);
}

static void
empty_on_map (GtkWidget    *window,
              GApplication *application)
{
  g_signal_handlers_disconnect_by_func (window, empty_on_map, application);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (empty_on_after_paint), application);
}

static void
empty_on_activate (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  if (g_getenv ("HUBS_BENCH_FIRST_FRAME_FD") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (empty_on_map), application);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_empty_app (char *argv0)
{
  g_autoptr(AdwApplication) app = NULL;
  char *argv[] = { argv0, NULL };

  /* As hubs_application_new() makes it, but under another id, so the two never meet on the
   * bus. */
  app = adw_application_new ("com.example.Hubs.BenchEmpty", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (empty_on_activate), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* The parent. */

typedef struct
{
  char       *dir;
  char       *bus_address;
  GSubprocess *bus;
  guint       n_starts;
} Bench;

/* The session bus every start sees (see the top of the file). */
static void
bench_set_up_bus (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *address = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    {
      bench->bus_address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
      g_print ("session-bus: inherited\n");
      return;
    }

  /* Quiet: it complains that it cannot raise its file limit, and logs each activation. */
  bench->bus = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                 G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                 "dbus-daemon", "--session", "--nofork", "--print-address",
                                 NULL);
  if (bench->bus != NULL)
    {
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bench->bus));
      address = g_data_input_stream_read_line (out, NULL, NULL, &error);
    }

  if (address != NULL)
    {
      bench->bus_address = g_steal_pointer (&address);
      g_print ("session-bus: private dbus-daemon\n");
    }
  else
    {
      g_printerr ("No private session bus (%s): every start sees none.\n", error->message);
      bench->bus_address = g_strdup_printf ("unix:path=%s/no-bus-here", bench->dir);
      g_print ("session-bus: none\n");
    }

  /* This process too, for the hub switching it measures itself. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", bench->bus_address, TRUE);
}

static void
bench_tear_down_bus (Bench *bench)
{
  if (bench->bus != NULL)
    {
      g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

      /* This process's own connection would otherwise end it when the bus goes. */
      if (connection != NULL)
        {
          g_dbus_connection_set_exit_on_close (connection, FALSE);
          g_dbus_connection_close_sync (connection, NULL, NULL);
        }
      g_subprocess_send_signal (bench->bus, SIGTERM);
      g_subprocess_wait (bench->bus, NULL, NULL);
      g_clear_object (&bench->bus);
    }
  g_clear_pointer (&bench->bus_address, g_free);
}

/* Starts @argv in a fresh environment; returns the milliseconds from just before the spawn to
 * its first frame. */
static double
spawn_once (Bench             *bench,
            const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *run_dir = g_strdup_printf ("%s/start-%u", bench->dir, bench->n_starts++);
  g_autofree char *data_home = g_build_filename (run_dir, "data", NULL);
  g_autofree char *config_home = g_build_filename (run_dir, "config", NULL);
  g_autofree char *fd_text = g_strdup_printf ("%d", FIRST_FRAME_FD);
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[64];
  gint64 t0, t1;
  int fds[2];
  gssize n;

  g_mkdir_with_parents (data_home, 0700);
  g_mkdir_with_parents (config_home, 0700);
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, &error))
    g_error ("%s", error->message);

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bench->bus_address, TRUE);
  g_subprocess_launcher_setenv (launcher, "HUBS_BENCH_FIRST_FRAME_FD", fd_text, TRUE);
  g_subprocess_launcher_take_fd (launcher, fds[1], FIRST_FRAME_FD);

  t0 = g_get_monotonic_time ();
  if (!(child = g_subprocess_launcher_spawnv (launcher, argv, &error)))
    g_error ("%s: %s", argv[0], error->message);
  /* Closes this process's copy of the pipe's writing end, so a child that dies early is seen
   * as the end of the pipe. */
  g_clear_object (&launcher);

  while ((n = read (fds[0], buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno != EINTR)
        g_error ("Reading the first frame's time: %s", g_strerror (errno));
      if (n > 0)
        g_string_append_len (out, buffer, n);
    }
  close (fds[0]);

  if (!g_subprocess_wait_check (child, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (out->len == 0)
    g_error ("%s quit without a first frame", argv[0]);

  hubs_test_remove_dir (run_dir);
  t1 = g_ascii_strtoll (out->str, NULL, 10);

  return (t1 - t0) / 1000.0;
}

static void
print_runs (const char *name,
            GArray     *values)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (line, " %.1f", g_array_index (values, double, i));
  /* On standard error: standard output is one figure a line. */
  g_printerr ("%s (ms, in order):%s\n", name, line->str);
}

/* Shows each of the first hubs once (the page is built), then each again (the page is kept):
 * the time from selecting the hub to the next frame. */
static void
bench_switching (const char *database,
                 const char *label)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GPtrArray) hub_list = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  HubsWindow *window;
  guint n;

  if (!(store = hubs_store_open (database, HUBS_STORE_OPEN_DEFER_CHECK, &error)))
    g_error ("%s", error->message);
  hub_list = hubs_store_list_hubs (store, NULL);
  n = MIN (hub_list->len, 10);
  window = hubs_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  /* Start away from the hubs measured, so the first visit of each builds its page. */
  hubs_window_select_hub (window, ((HubsHub *) hub_list->pdata[hub_list->len - 1])->id);

  for (guint i = 0; i < 2 * n; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hub_list, i % n);
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      gint64 t = g_get_monotonic_time ();
      double ms;

      /* Let the previous switch finish its work (rows added after its first frame), as it
       * would while a person looks at the page. */
      for (gint64 settle = g_get_monotonic_time () + 300 * 1000; g_get_monotonic_time () < settle;)
        g_main_context_iteration (NULL, FALSE);

      t = g_get_monotonic_time ();
      first_frame_time = 0;
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), window);
      hubs_window_select_hub (window, hub->id);
      while (first_frame_time == 0)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);

      ms = (first_frame_time - t) / 1000.0;
      g_array_append_val (i < n ? first : again, ms);
    }

  g_print ("hub-switch-%s: %.1f ms (first visit; one frame is 16.7 ms)\n", label,
           hubs_test_median (first));
  g_print ("hub-switch-again-%s: %.1f ms\n", label, hubs_test_median (again));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *seeded = NULL;
  g_autofree char *large = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *seeded_arg = NULL;
  g_autofree char *large_arg = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *shared_arg = NULL;
  const char *hubs_binary = g_getenv ("HUBS_BINARY") ? g_getenv ("HUBS_BINARY") : HUBS_BINARY;
  Bench bench = { 0 };
  guint runs;
  double empty_ms, seeded_ms, large_ms, shared_ms = 0;

  setlocale (LC_ALL, "");

  if (argc == 2 && g_str_equal (argv[1], "--empty-app"))
    return run_empty_app (argv[0]);

  runs = argc > 1 ? (guint) atoi (argv[1]) : 7;
  if (runs == 0)
    runs = 7;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* The application reads its settings at start-up: the schemas of this build, unless told. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", HUBS_SCHEMA_DIR, FALSE);
  bench.dir = g_dir_make_tmp ("hubs-bench-XXXXXX", NULL);
  seeded = g_build_filename (bench.dir, "seeded.sqlite3", NULL);
  large = g_build_filename (bench.dir, "large.sqlite3", NULL);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  seeded_arg = g_strconcat ("--database=", seeded, NULL);
  large_arg = g_strconcat ("--database=", large, NULL);

  g_object_unref (hubs_store_open (seeded, HUBS_STORE_OPEN_DEFAULT, NULL));
  hubs_test_make_large_database (large, 1000);
  if (hubs_test_engine_is_postgresql ())
    {
      shared = hubs_test_database_path (bench.dir, "unused");
      shared_arg = g_strconcat ("--database=", shared, NULL);
      g_object_unref (hubs_test_open_store (shared, HUBS_STORE_OPEN_DEFAULT));
    }

  g_print ("renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  bench_set_up_bus (&bench);
  /* Connected to the display from here on: an X server that loses its last client resets
   * itself (xvfb-run without -noreset), and each start would then find a freshly reset one,
   * unlike on a desktop. */
  gtk_init ();
  adw_init ();

  {
    const char * const empty_argv[] = { self_path, "--empty-app", NULL };
    const char * const seeded_argv[] = { hubs_binary, seeded_arg, NULL };
    const char * const large_argv[] = { hubs_binary, large_arg, NULL };
    const char * const shared_argv[] = { hubs_binary, shared_arg, NULL };
    g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) plan = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) server = g_array_new (FALSE, FALSE, sizeof (double));

    /* Warm the caches (and the session bus's services) once for each. */
    spawn_once (&bench, empty_argv);
    spawn_once (&bench, seeded_argv);
    spawn_once (&bench, large_argv);
    if (shared != NULL)
      spawn_once (&bench, shared_argv);

    for (guint i = 0; i < runs; i++)
      {
        double t;

        t = spawn_once (&bench, empty_argv);
        g_array_append_val (empty, t);
        t = spawn_once (&bench, seeded_argv);
        g_array_append_val (plan, t);
        t = spawn_once (&bench, large_argv);
        g_array_append_val (many, t);
        if (shared != NULL)
          {
            t = spawn_once (&bench, shared_argv);
            g_array_append_val (server, t);
          }
      }

    print_runs ("first-frame-empty", empty);
    print_runs ("first-frame-seeded", plan);
    print_runs ("first-frame-1000-hubs", many);
    empty_ms = hubs_test_median (empty);
    seeded_ms = hubs_test_median (plan);
    large_ms = hubs_test_median (many);
    if (shared != NULL)
      {
        print_runs ("first-frame-seeded-postgresql", server);
        shared_ms = hubs_test_median (server);
      }
  }

  /* One figure a line, "name: value unit", for scripts. */
  g_print ("runs-each: %u (alternated)\n", runs);
  g_print ("first-frame-empty-median: %.1f ms\n", empty_ms);
  g_print ("first-frame-seeded-median: %.1f ms\n", seeded_ms);
  g_print ("ratio-seeded: %.2f x (aim ≤ 1.2)\n", seeded_ms / empty_ms);
  g_print ("first-frame-1000-hubs-median: %.1f ms\n", large_ms);
  g_print ("ratio-1000-hubs: %.2f x (aim ≤ 1.5)\n", large_ms / empty_ms);
  if (shared != NULL)
    {
      g_print ("first-frame-seeded-postgresql-median: %.1f ms\n", shared_ms);
      g_print ("ratio-seeded-postgresql-to-file: %.2f x\n", shared_ms / seeded_ms);
    }
  else
    g_printerr ("first-frame-seeded-postgresql: not measured (no server: run with "
                "tests/with-postgresql.sh)\n");

  if (g_getenv ("HUBS_BENCH_SKIP_SWITCHING") == NULL)
    {
      bench_switching (seeded, "seeded");
      bench_switching (large, "1000-hubs");
    }

  if (g_getenv ("HUBS_BENCH_KEEP") != NULL)
    g_print ("databases kept in %s\n", bench.dir);
  else
    hubs_test_remove_dir (bench.dir);
  g_free (bench.dir);
  bench_tear_down_bus (&bench);

  return 0;
}
