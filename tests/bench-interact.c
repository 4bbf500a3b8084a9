/* bench-interact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: what a person feels while typing figures. In the KPI editor, the
 * time from Enter in an actual-figure field (the text set, then "activate" emitted on the
 * entry, as the tests drive it) to
 *
 *   - the figure on disk: the emission returning on a file, where the save is synchronous,
 *     and the store's writer ending the save on a shared database; each save is then read
 *     back through a second connection, and the run fails if it is not there;
 *   - the repainted chart: the end (the frame clock's "after-paint") of the first frame in
 *     which the editor's trajectory chart was snapshotted again;
 *   - the next frame, whatever it drew, for comparison.
 *
 * On the seeded plan (13 hubs) and on a generated database of 1,000 hubs (× 30 KPIs × 10
 * fiscal years), with the KPI's history at 0, 200 and 1,000 rows, made by saving the same
 * figure through the store beforehand. And the time from selecting another hub to the end of
 * the first frame that painted its page, the first visit (the page is built) and a visit
 * again (the page is kept).
 *
 * Run with a server of its own (tests/with-postgresql.sh build/tests/bench-interact), the
 * seeded plan is measured a third time in a shared database on that PostgreSQL server, over
 * its Unix socket: Enter → committed on the server, next to the same on a file.
 *
 * Each run is a child process on a fresh copy of its database; runs alternate between the
 * configurations (A B C … A B C …), and each figure is the median over every run. One
 * frame, 16.7 ms at 60 Hz, is printed as the reference.
 *
 *   GSETTINGS_SCHEMA_DIR=build/data GSK_RENDERER=cairo GSETTINGS_BACKEND=memory \
 *     xvfb-run -a -s "-screen 0 1280x800x24" build/tests/bench-interact [RUNS]
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hubs-chart-view.h"
#include "hubs-figure-row.h"
#include "hubs-hub-page.h"
#include "hubs-kpi-editor.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

#define YEAR           2025
#define SAVES_PER_RUN  3
#define SWITCHES_PER_RUN 3
#define SETTLE_USEC    (300 * 1000)
#define TIMEOUT_USEC   (5 * G_USEC_PER_SEC)

static const guint histories[] = { 0, 200, 1000 };

/* The probe: which widget's snapshot counts, whether it came, and when the frames ended. */
typedef struct
{
  GtkWidget  *chart;      /* the editor's chart, or NULL */
  const char *hub_id;     /* the hub whose page counts, or NULL */
  gboolean    drawn;
  gint64      drawn_frame_end;
  gint64      next_frame_end;
} Probe;

static Probe probe;

static void (*chart_view_snapshot) (GtkWidget *, GtkSnapshot *);
static void (*hub_page_snapshot) (GtkWidget *, GtkSnapshot *);

/* Wrappers around the two classes' snapshot: the widgets are drawn exactly as before, and the
 * probe learns that the one it watches was drawn in the frame being made. */
static void
probe_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  chart_view_snapshot (widget, snapshot);
  if (widget == probe.chart)
    probe.drawn = TRUE;
}

static void
probe_hub_page_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  hub_page_snapshot (widget, snapshot);
  if (probe.hub_id != NULL &&
      g_strcmp0 (hubs_hub_page_get_hub_id (HUBS_HUB_PAGE (widget)), probe.hub_id) == 0)
    probe.drawn = TRUE;
}

static void
install_probes (void)
{
  GtkWidgetClass *klass;

  klass = g_type_class_ref (HUBS_TYPE_CHART_VIEW);
  chart_view_snapshot = klass->snapshot;
  klass->snapshot = probe_chart_view_snapshot;

  klass = g_type_class_ref (HUBS_TYPE_HUB_PAGE);
  hub_page_snapshot = klass->snapshot;
  klass->snapshot = probe_hub_page_snapshot;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  if (probe.next_frame_end == 0)
    probe.next_frame_end = now;
  if (probe.drawn && probe.drawn_frame_end == 0)
    probe.drawn_frame_end = now;
}

static void
probe_reset (GtkWidget  *chart,
             const char *hub_id)
{
  probe.chart = chart;
  probe.hub_id = hub_id;
  probe.drawn = FALSE;
  probe.drawn_frame_end = 0;
  probe.next_frame_end = 0;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until the watched widget was drawn and its frame ended; FALSE after
 * TIMEOUT_USEC without it. */
static gboolean
wait_drawn (void)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;

  while (probe.drawn_frame_end == 0)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

/* Lets the previous step finish what it does after its frame, as it would while a person
 * reads the screen. */
static void
settle (void)
{
  for (gint64 end = g_get_monotonic_time () + SETTLE_USEC; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_chart_view (GtkWidget *root)
{
  if (HUBS_IS_CHART_VIEW (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chart_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
open_kpi (HubsWindow *window,
          const char *hub_id,
          const char *kpi_id)
{
  if (!hubs_window_select_hub (window, hub_id) || !hubs_window_open_kpi (window, kpi_id))
    g_error ("Cannot open %s", kpi_id);
  settle ();
}

/* Whether the chart holds @value as its KPI's FY2025 actual: what it drew is the new figure. */
static gboolean
chart_shows (GtkWidget *chart,
             double     value)
{
  const HubsChartData *data = hubs_chart_view_get_data (HUBS_CHART_VIEW (chart));
  const HubsChartKpi *kpi;

  if (data == NULL || data->kpis == NULL || data->kpis->len == 0)
    return FALSE;

  kpi = g_ptr_array_index (data->kpis, 0);
  for (guint i = 0; i < kpi->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (kpi->figures, i);

      if (figure->fiscal_year == YEAR && figure->kind == HUBS_FIGURE_ACTUAL)
        return figure->measured && figure->value == value;
    }

  return FALSE;
}

/* Types @text into the FY2025 actual field and presses Enter; returns microseconds from Enter
 * to the save returning, to the end of the frame that redrew the chart (-1: none came) and to
 * the end of the next frame. */
static void
type_figure (HubsWindow *window,
             HubsStore  *reader,
             const char *kpi_id,
             const char *text,
             gint64      times[3])
{
  GtkWidget *editor = hubs_window_get_kpi_editor (window);
  GtkWidget *row = hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (editor), YEAR,
                                                    HUBS_FIGURE_ACTUAL);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *entry;
  gint64 start, saved;

  if (row == NULL)
    g_error ("%s has no FY%d actual field", kpi_id, YEAR);
  entry = hubs_figure_row_get_entry (HUBS_FIGURE_ROW (row));

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  settle ();

  probe_reset (find_chart_view (editor), NULL);
  g_assert (probe.chart != NULL);

  start = g_get_monotonic_time ();
  g_signal_emit_by_name (entry, "activate");
  /* On a shared database the store's writer saves it, and the window goes on meanwhile. */
  hubs_test_wait_for_saves (hubs_window_get_store (window));
  saved = g_get_monotonic_time ();

  /* Read back at once: the row is on disk (or on the server) when the save ended. */
  stored = hubs_store_get_figure (reader, kpi_id, YEAR, HUBS_FIGURE_ACTUAL, &error);
  if (stored == NULL || !stored->measured || stored->value != g_ascii_strtod (text, NULL))
    g_error ("%s FY%d is not %s on disk after Enter: %s", kpi_id, YEAR, text,
             error != NULL ? error->message : "another value");

  times[0] = saved - start;
  times[2] = -1;
  if (wait_drawn ())
    {
      times[1] = probe.drawn_frame_end - start;
      if (!chart_shows (probe.chart, g_ascii_strtod (text, NULL)))
        g_error ("The chart was redrawn without %s", text);
    }
  else
    times[1] = -1;
  if (probe.next_frame_end != 0)
    times[2] = probe.next_frame_end - start;
}

/* Microseconds from selecting @hub_id to the end of the first frame that painted its page. */
static gint64
switch_hub (HubsWindow *window,
            const char *hub_id)
{
  gint64 start;

  settle ();
  probe_reset (NULL, hub_id);
  start = g_get_monotonic_time ();
  if (!hubs_window_select_hub (window, hub_id))
    g_error ("No hub %s", hub_id);

  return wait_drawn () ? probe.drawn_frame_end - start : -1;
}

/* A figure a person would type for @kpi_id: just below its FY2027 target, so that it is
 * neither impossible (a share above 100%) nor questioned as far from the plan, which would
 * stop the save for a confirmation. */
static guint
plausible_value (HubsStore  *store,
                 const char *kpi_id)
{
  g_autoptr(HubsFigure) target = hubs_store_get_figure (store, kpi_id, 2027, HUBS_FIGURE_TARGET,
                                                        NULL);

  return target != NULL && target->measured && target->value >= 4 ? (guint) target->value
                                                                    : 100;
}

/* The child: one window on @database; prints one line per measure. */
static int
run_child (const char *database,
           const char *hub_id,
           const char *kpi_id,
           const char *warm_kpi_id)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsStore) reader = NULL;
  g_autoptr(GPtrArray) hub_list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();
  HubsWindow *window;
  GdkFrameClock *clock;
  gint64 times[3];

  gtk_init ();
  adw_init ();
  install_probes ();

  /* As the application opens it. */
  if (!(store = hubs_store_open (database, HUBS_STORE_OPEN_DEFER_CHECK, &error)) ||
      !(reader = hubs_store_open (database, HUBS_STORE_OPEN_READ_ONLY |
                                            HUBS_STORE_OPEN_DEFER_CHECK, &error)))
    g_error ("%s", error->message);
  hub_list = hubs_store_list_hubs (store, NULL);

  window = hubs_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  while (!(clock = gtk_widget_get_frame_clock (GTK_WIDGET (window))))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  g_timeout_add (50, wake, NULL);
  settle ();

  /* The damage check the window starts after its first frame runs before the first write:
   * wait for it here, so that the saves measured are the ones a person makes later on. */
  if (!hubs_store_verify (store, &error))
    g_error ("%s", error->message);

  /* One save on another KPI first, so that the saves measured find the code and the file's
   * pages warm, and their own KPI's history exactly as made. */
  open_kpi (window, hub_id, warm_kpi_id);
  {
    g_autofree char *text = g_strdup_printf ("%u", plausible_value (reader, warm_kpi_id) - 1);

    type_figure (window, reader, warm_kpi_id, text, times);
  }

  open_kpi (window, hub_id, kpi_id);
  for (guint i = 0; i < SAVES_PER_RUN; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", plausible_value (reader, kpi_id) - 2 + i % 2);

      type_figure (window, reader, kpi_id, text, times);
      g_print ("save %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
               times[0], times[1], times[2]);
    }

  /* Hubs spread over the list, none of them the one open. */
  for (guint i = 1; i <= SWITCHES_PER_RUN; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hub_list, i * (hub_list->len - 1) /
                                                        (SWITCHES_PER_RUN + 1));

      if (g_str_equal (hub->id, hub_id))
        hub = g_ptr_array_index (hub_list, hub_list->len - 1);
      g_ptr_array_add (visited, hub->id);
      g_print ("switch %" G_GINT64_FORMAT "\n", switch_hub (window, hub->id));
    }
  for (guint i = 0; i < visited->len; i++)
    g_print ("again %" G_GINT64_FORMAT "\n", switch_hub (window, visited->pdata[i]));

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);

  return 0;
}

/* Saves the KPI's FY2025 actual through the store, alternating two values, until its history
 * has @n rows. */
static void
make_history (const char *database,
              const char *kpi_id,
              guint       n)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GPtrArray) history = NULL;

  if (!(store = hubs_store_open (database, HUBS_STORE_OPEN_DEFAULT, &error)))
    g_error ("%s", error->message);

  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = YEAR;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  /* The first save may write more than one row (each field it sets); each after it one. */
  for (guint i = 0, rows = 0; rows < n; i++)
    {
      figure->value = plausible_value (store, kpi_id) - i % 2;
      if (!hubs_store_set_figure (store, figure, &error))
        g_error ("%s", error->message);
      if (i == 0)
        {
          g_autoptr(GPtrArray) first = hubs_store_list_history (store, kpi_id, &error);

          if (first == NULL)
            g_error ("%s", error->message);
          rows = first->len;
        }
      else
        rows++;
    }

  if (!(history = hubs_store_list_history (store, kpi_id, &error)))
    g_error ("%s", error->message);
  if (history->len != n)
    g_error ("%s has %u rows of history, not %u", kpi_id, history->len, n);

  /* Everything in the main file: the runs copy it alone. */
  if (!hubs_store_checkpoint (store, &error))
    g_error ("%s", error->message);
}

static void
add_ms (GArray   *values,
        guint    *missed,
        gint64    usec)
{
  double ms = usec / 1000.0;

  if (usec < 0)
    (*missed)++;
  else
    g_array_append_val (values, ms);
}

typedef struct
{
  const char *label;      /* in the figures' names */
  char       *template;   /* the database as each run starts it, a file */
  gboolean    on_server;  /* each run copies the template into the server's database */
  const char *hub_id;
  char       *kpi_id;
  char       *warm_kpi_id;
  guint       history;
  GArray     *disk, *chart, *next;
  guint       missed;
} Config;

/* The figures of hub switching, for one database. */
typedef struct
{
  GArray *first, *again;
  guint   missed;
} Switching;

static void
spawn_run (const char *self_path,
           const char *work,
           Config     *config,
           Switching  *switching)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { self_path, "--child", work, config->hub_id, config->kpi_id,
                         config->warm_kpi_id, NULL };
  int status;

  hubs_test_remove_database (work);
  if (config->on_server)
    {
      g_autoptr(HubsStore) from = NULL;
      g_autoptr(HubsStore) into = NULL;

      if (!(from = hubs_store_open (config->template, HUBS_STORE_OPEN_READ_ONLY, &error)) ||
          !(into = hubs_store_open (work, HUBS_STORE_OPEN_NO_SEED, &error)) ||
          !hubs_store_copy_into (from, into, &error))
        g_error ("%s", error->message);
    }
  else
    hubs_test_copy_file (config->template, work);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);

      if (g_str_equal (f[0] != NULL ? f[0] : "", "save") && g_strv_length (f) == 4)
        {
          add_ms (config->disk, &config->missed, g_ascii_strtoll (f[1], NULL, 10));
          add_ms (config->chart, &config->missed, g_ascii_strtoll (f[2], NULL, 10));
          add_ms (config->next, &config->missed, g_ascii_strtoll (f[3], NULL, 10));
        }
      else if (g_str_equal (f[0] != NULL ? f[0] : "", "switch") && g_strv_length (f) == 2)
        add_ms (switching->first, &switching->missed, g_ascii_strtoll (f[1], NULL, 10));
      else if (g_str_equal (f[0] != NULL ? f[0] : "", "again") && g_strv_length (f) == 2)
        add_ms (switching->again, &switching->missed, g_ascii_strtoll (f[1], NULL, 10));
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char * const db_labels[] = { "seeded", "1000-hubs" };
  g_autofree char *dir = NULL;
  g_autofree char *work = NULL;
  g_autofree char *work_on_server = NULL;
  g_autofree char *self_path = NULL;
  /* The seeded plan and the 1,000 hubs in a file, then the seeded plan on a server. */
  Config configs[3 * G_N_ELEMENTS (histories)] = { 0 };
  guint n_configs = 2 * G_N_ELEMENTS (histories);
  Switching switching[3];
  guint runs;

  setlocale (LC_ALL, "");

  if (argc == 6 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], argv[4], argv[5]);

  runs = argc > 1 ? (guint) atoi (argv[1]) : 5;
  if (runs == 0)
    runs = 5;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  dir = g_dir_make_tmp ("hubs-bench-XXXXXX", NULL);
  work = g_build_filename (dir, "work.sqlite3", NULL);
  self_path = g_file_read_link ("/proc/self/exe", NULL);

  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *base = g_build_filename (dir, d == 0 ? "seeded.sqlite3"
                                                            : "large.sqlite3", NULL);
      g_autoptr(HubsStore) store = NULL;
      g_autoptr(GPtrArray) kpis = NULL;
      const char *hub_id = d == 0 ? "tokyo" : "hub-00500";

      if (d == 0)
        g_object_unref (hubs_test_open_store (base, HUBS_STORE_OPEN_DEFAULT));
      else
        hubs_test_make_large_database (base, 1000);

      store = hubs_test_open_store (base, HUBS_STORE_OPEN_DEFAULT);
      kpis = hubs_store_list_kpis (store, hub_id, NULL);
      g_assert (kpis != NULL && kpis->len >= 2);
      g_clear_object (&store);

      switching[d].first = g_array_new (FALSE, FALSE, sizeof (double));
      switching[d].again = g_array_new (FALSE, FALSE, sizeof (double));
      switching[d].missed = 0;

      for (guint h = 0; h < G_N_ELEMENTS (histories); h++)
        {
          Config *config = &configs[d * G_N_ELEMENTS (histories) + h];
          g_autofree char *name = g_strdup_printf ("%s-history-%u.sqlite3", db_labels[d],
                                                   histories[h]);

          config->label = db_labels[d];
          config->template = g_build_filename (dir, name, NULL);
          config->hub_id = hub_id;
          config->kpi_id = g_strdup (((HubsKpi *) kpis->pdata[0])->id);
          config->warm_kpi_id = g_strdup (((HubsKpi *) kpis->pdata[1])->id);
          config->history = histories[h];
          config->disk = g_array_new (FALSE, FALSE, sizeof (double));
          config->chart = g_array_new (FALSE, FALSE, sizeof (double));
          config->next = g_array_new (FALSE, FALSE, sizeof (double));
          config->missed = 0;

          hubs_test_copy_file (base, config->template);
          make_history (config->template, config->kpi_id, config->history);
        }
      hubs_test_remove_database (base);
    }

  /* The seeded plan's files again, each run copying one into the server. */
  if (hubs_test_engine_is_postgresql ())
    {
      work_on_server = hubs_test_database_path (dir, "unused");
      switching[2].first = g_array_new (FALSE, FALSE, sizeof (double));
      switching[2].again = g_array_new (FALSE, FALSE, sizeof (double));
      switching[2].missed = 0;
      for (guint h = 0; h < G_N_ELEMENTS (histories); h++)
        {
          Config *config = &configs[n_configs++];

          *config = configs[h];
          config->label = "seeded-postgresql";
          config->on_server = TRUE;
          config->template = g_strdup (configs[h].template);
          config->kpi_id = g_strdup (configs[h].kpi_id);
          config->warm_kpi_id = g_strdup (configs[h].warm_kpi_id);
          config->disk = g_array_new (FALSE, FALSE, sizeof (double));
          config->chart = g_array_new (FALSE, FALSE, sizeof (double));
          config->next = g_array_new (FALSE, FALSE, sizeof (double));
        }
    }
  else
    g_printerr ("seeded-postgresql: not measured (no server: run with tests/with-postgresql.sh)\n");

  /* A B C … A B C …: every configuration sees the same state of the machine. */
  for (guint r = 0; r < runs; r++)
    for (guint c = 0; c < n_configs; c++)
      spawn_run (self_path, configs[c].on_server ? work_on_server : work, &configs[c],
                 &switching[c / G_N_ELEMENTS (histories)]);

  g_print ("one-frame: 16.7 ms\n");
  for (guint c = 0; c < n_configs; c++)
    {
      Config *config = &configs[c];

      g_print ("enter-to-disk-%s-history-%u: %.2f ms\n", config->label, config->history,
               hubs_test_median (config->disk));
      g_print ("enter-to-chart-frame-%s-history-%u: %.1f ms\n", config->label,
               config->history, hubs_test_median (config->chart));
      g_print ("enter-to-next-frame-%s-history-%u: %.1f ms\n", config->label,
               config->history, hubs_test_median (config->next));
      if (config->missed > 0)
        g_print ("enter-missed-frames-%s-history-%u: %u\n", config->label, config->history,
                 config->missed);
    }
  for (guint d = 0; d < n_configs / G_N_ELEMENTS (histories); d++)
    {
      const char *label = configs[d * G_N_ELEMENTS (histories)].label;

      g_print ("hub-switch-%s: %.1f ms\n", label, hubs_test_median (switching[d].first));
      g_print ("hub-switch-again-%s: %.1f ms\n", label, hubs_test_median (switching[d].again));
      if (switching[d].missed > 0)
        g_print ("hub-switch-missed-frames-%s: %u\n", label, switching[d].missed);
    }
  g_print ("saves-each: %u (%u runs × %u)\n", runs * SAVES_PER_RUN, runs, SAVES_PER_RUN);
  g_print ("hub-switches-each: %u (%u runs × %u)\n", runs * SWITCHES_PER_RUN * 3, runs * 3,
           SWITCHES_PER_RUN);
  g_print ("renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  for (guint c = 0; c < n_configs; c++)
    {
      g_free (configs[c].template);
      g_free (configs[c].kpi_id);
      g_free (configs[c].warm_kpi_id);
      g_array_unref (configs[c].disk);
      g_array_unref (configs[c].chart);
      g_array_unref (configs[c].next);
    }
  for (guint d = 0; d < n_configs / G_N_ELEMENTS (histories); d++)
    {
      g_array_unref (switching[d].first);
      g_array_unref (switching[d].again);
    }

  if (g_getenv ("HUBS_BENCH_KEEP") != NULL)
    {
      g_print ("databases kept in %s\n", dir);
      return 0;
    }

  hubs_test_remove_dir (dir);

  return 0;
}
