/* bench-startup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: prints how long it takes from process start to the main window's
 * first frame, with the seeded plan and with a large generated database (1,000 hubs × 30
 * KPIs × 10 fiscal years), each next to an empty AdwApplicationWindow measured the same way
 * in the same run; and how long switching hubs takes until the next frame.
 *
 *   xvfb-run -a build/tests/bench-startup [RUNS]
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hubs-store.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

static gint64 first_frame_time;
static gint64 first_frame_wall_time;

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (first_frame_time == 0)
    {
      first_frame_time = g_get_monotonic_time ();
      first_frame_wall_time = g_get_real_time ();
    }
}

static void
on_map (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}

/* The child: show one window, print microseconds from process start to first frame. */
static int
run_child (const char *mode,
           const char *database)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *t0 = g_getenv ("HUBS_BENCH_T0");
  GtkWidget *window;

  gtk_init ();
  adw_init ();

  if (g_str_equal (mode, "empty"))
    window = adw_application_window_new (NULL);
  else
    {
      /* As the application opens it: the full check for damage runs after the first frame. */
      if (!(store = hubs_store_open (database, HUBS_STORE_OPEN_DEFER_CHECK, &error)))
        g_error ("%s", error->message);
      window = GTK_WIDGET (hubs_window_new (NULL, store));
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (first_frame_time == 0)
    g_main_context_iteration (NULL, TRUE);

  /* T0 is the parent's wall clock just before it spawned us. */
  g_print ("%" G_GINT64_FORMAT "\n", first_frame_wall_time - g_ascii_strtoll (t0, NULL, 10));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static double
spawn_once (const char *self_path,
            const char *mode,
            const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "HUBS_BENCH_T0", t0, TRUE);
  const char *argv[] = { self_path, "--child", mode, database, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);

  return g_ascii_strtoll (out, NULL, 10) / 1000.0;
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
  g_autofree char *dir = NULL;
  g_autofree char *seeded = NULL;
  g_autofree char *large = NULL;
  g_autofree char *self_path = NULL;
  guint runs;
  double empty_ms, seeded_ms, large_ms;

  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  runs = argc > 1 ? (guint) atoi (argv[1]) : 7;
  if (runs == 0)
    runs = 7;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  dir = g_dir_make_tmp ("hubs-bench-XXXXXX", NULL);
  seeded = g_build_filename (dir, "seeded.sqlite3", NULL);
  large = g_build_filename (dir, "large.sqlite3", NULL);
  self_path = g_file_read_link ("/proc/self/exe", NULL);

  g_object_unref (hubs_store_open (seeded, HUBS_STORE_OPEN_DEFAULT, NULL));
  hubs_test_make_large_database (large, 1000);

  /* Warm the caches once for each. */
  spawn_once (self_path, "empty", "-");
  spawn_once (self_path, "hubs", seeded);
  spawn_once (self_path, "hubs", large);

  /* Alternated A B C A B C, so a slower moment of the machine weighs on each alike. */
  {
    g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) plan = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < runs; i++)
      {
        double t;

        t = spawn_once (self_path, "empty", "-");
        g_array_append_val (empty, t);
        t = spawn_once (self_path, "hubs", seeded);
        g_array_append_val (plan, t);
        t = spawn_once (self_path, "hubs", large);
        g_array_append_val (many, t);
      }

    empty_ms = hubs_test_median (empty);
    seeded_ms = hubs_test_median (plan);
    large_ms = hubs_test_median (many);
  }

  /* One figure a line, "name: value unit", for scripts. */
  g_print ("renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("runs-each: %u (alternated)\n", runs);
  g_print ("first-frame-empty-window: %.1f ms\n", empty_ms);
  g_print ("first-frame-seeded: %.1f ms\n", seeded_ms);
  g_print ("first-frame-seeded-ratio: %.2f × (aim ≤ 1.2)\n", seeded_ms / empty_ms);
  g_print ("first-frame-1000-hubs: %.1f ms\n", large_ms);
  g_print ("first-frame-1000-hubs-ratio: %.2f × (aim ≤ 1.5)\n", large_ms / empty_ms);

  gtk_init ();
  adw_init ();
  if (g_getenv ("HUBS_BENCH_SKIP_SWITCHING") == NULL)
    {
      bench_switching (seeded, "seeded");
      bench_switching (large, "1000-hubs");
    }

  if (g_getenv ("HUBS_BENCH_KEEP") != NULL)
    {
      g_print ("databases kept in %s\n", dir);
      return 0;
    }

  g_unlink (seeded);
  g_unlink (large);
  {
    g_autofree char *wal = g_strconcat (large, "-wal", NULL);
    g_autofree char *shm = g_strconcat (large, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return 0;
}
