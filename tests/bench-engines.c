/* bench-engines.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: the store on SQLite next to the store on PostgreSQL over a Unix
 * socket, on the same machine in the same run. For each engine: opening the seeded database
 * (connect, identity, schema check), saving one figure (hubs_store_set_figure(): one
 * transaction with the figure and its history rows, what Enter in a figure field commits),
 * and reading one hub's KPIs with their figures (what a hub page reads), and how long a
 * figure saved on one connection takes to show on a second one (the store watch: SQLite's
 * data_version looked at once a second, PostgreSQL's notices). The engines take turns, and
 * each figure is the median of the runs. Run it with a server of its own:
 *
 *   HUBS_TEST_POSTGRESQL_FSYNC=on tests/with-postgresql.sh build/tests/bench-engines [RUNS]
 *
 * (fsync on, so that a save on the server is as durable as one in an SQLite file, which
 * syncs every commit.)
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "hubs-store-watch.h"
#include "hubs-test-util.h"

typedef struct
{
  const char *name;
  char       *path;
  GArray     *open_ms;
  GArray     *save_ms;
  GArray     *read_ms;
  GArray     *seen_ms;
  /* Two connections for the time until a change shows on the second: */
  HubsStore      *writer;
  HubsStore      *reader;
  HubsStoreWatch *watch;
  gint64          seen_at;
} Engine;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
run_once (Engine *engine,
          guint   i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsFigure) figure = hubs_test_make_actual ("fukuoka/valuation-10bn-yen", 2025,
                                                         100 + i);
  gint64 start;
  double ms;

  start = g_get_monotonic_time ();
  store = hubs_store_open (engine->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ms = ms_since (start);
  g_array_append_val (engine->open_ms, ms);

  for (guint n = 0; n < 10; n++)
    {
      figure->value = 100 + i * 10 + n;
      start = g_get_monotonic_time ();
      g_assert_true (hubs_store_set_figure (store, figure, &error));
      ms = ms_since (start);
      g_array_append_val (engine->save_ms, ms);
    }

  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, "fukuoka", &error);

    g_assert_no_error (error);
    for (guint k = 0; k < kpis->len; k++)
      {
        g_autoptr(GPtrArray) more = hubs_store_list_figures (store,
                                                             ((HubsKpi *) kpis->pdata[k])->id,
                                                             &error);
        g_assert_no_error (error);
      }
  }
  ms = ms_since (start);
  g_array_append_val (engine->read_ms, ms);
}

static void
on_reader_changed (HubsStore             *store,
                   const HubsStoreChange *change,
                   Engine                *engine)
{
  if (engine->seen_at == 0)
    engine->seen_at = g_get_monotonic_time ();
}

static gboolean
give_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* From the start of a save on one connection to the change emitted on the second. */
static void
measure_seen (Engine *engine,
              guint   i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsFigure) figure = hubs_test_make_actual ("fukuoka/valuation-10bn-yen", 2026,
                                                         500 + i);
  gboolean gave_up = FALSE;
  guint timeout;
  gint64 start;
  double ms;

  if (engine->writer == NULL)
    {
      engine->writer = hubs_test_open_store (engine->path, HUBS_STORE_OPEN_DEFAULT);
      engine->reader = hubs_test_open_store (engine->path, HUBS_STORE_OPEN_DEFAULT);
      engine->watch = hubs_store_watch_new (engine->reader);
      g_signal_connect (engine->reader, "changed", G_CALLBACK (on_reader_changed), engine);
    }

  /* A save comes at any moment of the file's once-a-second look, not in step with it: a
   * pause of 0 to 1 s first, the main loop running. What an earlier run left to arrive has
   * arrived by then. */
  {
    gint64 until = g_get_monotonic_time () + g_random_int_range (0, 1000) * 1000;

    while (g_get_monotonic_time () < until)
      {
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      }
  }
  engine->seen_at = 0;

  timeout = g_timeout_add (5000, give_up_cb, &gave_up);
  start = g_get_monotonic_time ();
  g_assert_true (hubs_store_set_figure (engine->writer, figure, &error));
  g_assert_no_error (error);
  while (engine->seen_at == 0 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (timeout);
  if (engine->seen_at == 0)
    g_error ("%s: a change did not show on a second connection within 5 s", engine->name);

  ms = (engine->seen_at - start) / 1000.0;
  g_array_append_val (engine->seen_ms, ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 20;
  Engine engines[2] = {
    { .name = "sqlite" },
    { .name = "postgresql" },
  };

  setlocale (LC_ALL, "");

  if (!hubs_test_engine_is_postgresql ())
    g_error ("Run it with tests/with-postgresql.sh, which starts the server it compares");

  dir = hubs_test_make_dir ();
  engines[0].path = hubs_test_path (dir, "bench.sqlite3");
  engines[1].path = hubs_test_database_path (dir, "unused");

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_object_unref (hubs_test_open_store (engines[e].path, HUBS_STORE_OPEN_DEFAULT));
      engines[e].open_ms = g_array_new (FALSE, FALSE, sizeof (double));
      engines[e].save_ms = g_array_new (FALSE, FALSE, sizeof (double));
      engines[e].read_ms = g_array_new (FALSE, FALSE, sizeof (double));
      engines[e].seen_ms = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (guint i = 0; i < runs; i++)
    for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
      {
        run_once (&engines[e], i);
        measure_seen (&engines[e], i);
      }

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_print ("%s-open-ms: %.2f\n", engines[e].name, hubs_test_median (engines[e].open_ms));
      g_print ("%s-save-ms: %.2f\n", engines[e].name, hubs_test_median (engines[e].save_ms));
      g_print ("%s-read-hub-ms: %.2f\n", engines[e].name,
               hubs_test_median (engines[e].read_ms));
      g_array_unref (engines[e].open_ms);
      g_array_unref (engines[e].save_ms);
      g_print ("%s-seen-by-second-connection-ms: %.2f\n", engines[e].name,
               hubs_test_median (engines[e].seen_ms));
      g_array_unref (engines[e].read_ms);
      g_array_unref (engines[e].seen_ms);
      g_clear_object (&engines[e].watch);
      g_clear_object (&engines[e].reader);
      g_clear_object (&engines[e].writer);
      g_free (engines[e].path);
    }

  hubs_test_remove_dir (dir);

  return 0;
}
