/* bench-stall.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: opens the main window on a generated database of 10,000 hubs
 * (× 30 KPIs × 10 fiscal years) and prints the longest stall of the main loop, the longest
 * gap between two frame-clock ticks, in the 5 s after the first frame. In that time the
 * store checks the file for damage and the day's backup is taken, as the application does.
 * The same figure with both done on the main loop, as before, is printed next to it for
 * reference; runs alternate between the two.
 *
 *   GSETTINGS_SCHEMA_DIR=build/data GSK_RENDERER=cairo xvfb-run -a build/tests/bench-stall [RUNS]
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hubs-backup.h"
#include "hubs-store-private.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

#define N_HUBS 10000
#define WATCH_USEC (5 * G_USEC_PER_SEC)

typedef struct
{
  HubsStore *store;
  gboolean   on_main_loop;
  gint64     first_frame;
  gint64     last_tick;
  gint64     longest_gap;
  gint64     checked_at;
  gint64     backed_up_at;
} Child;

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Child *child = data;
  gint64 now = g_get_monotonic_time ();

  if (child->first_frame == 0)
    child->first_frame = now;
  else if (now - child->last_tick > child->longest_gap)
    child->longest_gap = now - child->last_tick;
  child->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static void
on_backed_up (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Child *child = data;
  g_autoptr(GError) error = NULL;

  if (!hubs_backup_snapshot_daily_finish (HUBS_STORE (source), result, NULL, &error))
    g_error ("%s", error->message);
  child->backed_up_at = g_get_monotonic_time ();
}

/* After the check, the day's backup, as the application takes it. */
static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Child *child = data;
  g_autoptr(GError) error = NULL;

  if (!hubs_store_verify_finish (child->store, result, &error))
    g_error ("%s", error->message);
  child->checked_at = g_get_monotonic_time ();

  if (child->on_main_loop)
    {
      if (!hubs_backup_snapshot_daily (child->store, HUBS_BACKUP_KEEP, NULL, &error))
        g_error ("%s", error->message);
      child->backed_up_at = g_get_monotonic_time ();
    }
  else
    hubs_backup_snapshot_daily_async (child->store, HUBS_BACKUP_KEEP, NULL, on_backed_up,
                                      child);
}

static gboolean
start_check_idle (gpointer data)
{
  Child *child = data;

  hubs_store_verify_async (child->store, NULL, on_checked, child);

  return G_SOURCE_REMOVE;
}

/* The child: one window; prints the longest gap between ticks, then when the check and the
 * backup were done, in microseconds after the first frame. */
static int
run_child (const char *mode,
           const char *database)
{
  g_autoptr(GError) error = NULL;
  Child child = { .on_main_loop = g_str_equal (mode, "main-loop") };
  GtkWidget *window;

  gtk_init ();
  adw_init ();

  if (!(child.store = hubs_store_open (database, HUBS_STORE_OPEN_DEFER_CHECK, &error)))
    g_error ("%s", error->message);
  hubs_store_set_check_on_main_thread (child.store, child.on_main_loop);

  window = GTK_WIDGET (hubs_window_new (NULL, child.store));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_widget_add_tick_callback (window, on_tick, &child, NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (child.first_frame == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The application's own idle, after the window's (which asks for the same check). */
  g_idle_add_full (G_PRIORITY_LOW + 10, start_check_idle, &child, NULL);

  while (g_get_monotonic_time () - child.first_frame < WATCH_USEC || child.backed_up_at == 0)
    g_main_context_iteration (NULL, TRUE);

  g_print ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           child.longest_gap, child.checked_at - child.first_frame,
           child.backed_up_at - child.first_frame);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&child.store);

  return 0;
}

static void
spawn_once (const char *self_path,
            const char *mode,
            const char *database,
            double      figures[3])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *backups = hubs_backup_get_dir (database);
  const char *argv[] = { self_path, "--child", mode, database, NULL };
  g_auto(GStrv) fields = NULL;
  int status;

  /* Each run takes the day's backup afresh. */
  hubs_test_remove_dir (backups);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);

  fields = g_strsplit (g_strstrip (out), " ", 3);
  g_assert (g_strv_length (fields) == 3);
  for (guint i = 0; i < 3; i++)
    figures[i] = g_ascii_strtoll (fields[i], NULL, 10) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const modes[] = { "worker", "main-loop" };
  static const char * const names[] = { "", "-check-on-main-loop" };
  g_autofree char *dir = NULL;
  g_autofree char *database = NULL;
  g_autofree char *self_path = NULL;
  GArray *figures[2][3];
  guint runs;

  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  runs = argc > 1 ? (guint) atoi (argv[1]) : 3;
  if (runs == 0)
    runs = 3;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  dir = g_dir_make_tmp ("hubs-bench-XXXXXX", NULL);
  database = g_build_filename (dir, "large.sqlite3", NULL);
  self_path = g_file_read_link ("/proc/self/exe", NULL);

  hubs_test_make_large_database (database, N_HUBS);

  for (guint m = 0; m < 2; m++)
    for (guint i = 0; i < 3; i++)
      figures[m][i] = g_array_new (FALSE, FALSE, sizeof (double));

  /* A B A B: both see the same state of the machine and of the page cache. */
  for (guint r = 0; r < runs; r++)
    for (guint m = 0; m < 2; m++)
      {
        double run[3];

        spawn_once (self_path, modes[m], database, run);
        for (guint i = 0; i < 3; i++)
          g_array_append_val (figures[m][i], run[i]);
      }

  for (guint m = 0; m < 2; m++)
    {
      g_print ("longest-stall-%u-hubs%s: %.0f ms\n", N_HUBS, names[m], hubs_test_median (figures[m][0]));
      g_print ("check-done-after-first-frame-%u-hubs%s: %.0f ms\n", N_HUBS, names[m],
               hubs_test_median (figures[m][1]));
      g_print ("backup-done-after-first-frame-%u-hubs%s: %.0f ms\n", N_HUBS, names[m],
               hubs_test_median (figures[m][2]));
    }
  g_print ("runs-each: %u\n", runs);

  for (guint m = 0; m < 2; m++)
    for (guint i = 0; i < 3; i++)
      g_array_unref (figures[m][i]);

  if (g_getenv ("HUBS_BENCH_KEEP") != NULL)
    {
      g_print ("database kept in %s\n", dir);
      return 0;
    }

  hubs_test_remove_dir (dir);

  return 0;
}
