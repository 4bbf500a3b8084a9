/* test-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every widget type, shown on a real database and then closed, goes away: no binding to a
 * live object, no signal handler and no timeout keeps it (or the live model, or the store)
 * alive. Each is shown in a window, drawn, closed, and must finalize.
 */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "hubs-chart-view.h"
#include "hubs-figure-row.h"
#include "hubs-hub-dialog.h"
#include "hubs-hub-item.h"
#include "hubs-hub-page.h"
#include "hubs-import-dialog.h"
#include "hubs-kpi-editor.h"
#include "hubs-kpi-row.h"
#include "hubs-live-model.h"
#include "hubs-preferences-window.h"
#include "hubs-presentation.h"
#include "hubs-restore-dialog.h"
#include "hubs-sidebar-row.h"
#include "hubs-test-gtk.h"
#include "hubs-tracker-page.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

typedef struct
{
  HubsTestFiles  files;
  HubsStore     *store;
  HubsLiveModel *model;
  HubsUndoStack *undo;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  hubs_test_files_set_up (&f->files, data);
  f->store = hubs_test_open_store (f->files.path, HUBS_STORE_OPEN_DEFAULT);
  f->model = hubs_live_model_new (f->store, &error);
  g_assert_no_error (error);
  f->undo = hubs_undo_stack_new (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->undo);
  g_assert_finalize_object (f->model);
  g_assert_finalize_object (f->store);
  hubs_test_files_tear_down (&f->files, data);
}

/* Shows @widget (floating or not) in a window of its own, draws it, closes the window and
 * checks that nothing else holds the widget. */
static void
show_and_finalize (GtkWidget *widget)
{
  GtkWidget *window = gtk_window_new ();

  g_object_ref_sink (widget);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (window, 2);
  gtk_window_destroy (GTK_WINDOW (window));
  hubs_test_spin (20);
  g_assert_finalize_object (widget);
}

/* A toplevel of ours (a dialog): present it, close it, it goes. A window lets go of itself
 * once the check of the database it started in a thread has come back (cancelled), which on
 * a busy machine takes more than a moment: wait for that, up to a generous limit. */
static void
present_and_finalize (GtkWidget *toplevel)
{
  gpointer weak = toplevel;
  gint64 deadline;

  g_object_ref (toplevel);
  gtk_window_present (GTK_WINDOW (toplevel));
  hubs_test_wait_frames (toplevel, 2);
  gtk_window_destroy (GTK_WINDOW (toplevel));
  g_object_add_weak_pointer (G_OBJECT (toplevel), &weak);
  g_object_unref (toplevel);
  deadline = hubs_test_deadline (30);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_null (weak);
}

/* A change after the widget went: nothing it left connected may be called. */
static void
change_figure (Fixture    *f,
               const char *kpi_id,
               double      value)
{
  g_autoptr(HubsFigure) figure = hubs_test_make_actual (kpi_id, 2025, value);
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_store_set_figure (f->store, figure, &error));
  g_assert_no_error (error);
}

static HubsLiveKpi *
lookup_kpi (Fixture    *f,
            const char *kpi_id)
{
  g_autoptr(GError) error = NULL;
  HubsLiveKpi *kpi = hubs_live_model_lookup_kpi (f->model, kpi_id, &error);

  g_assert_no_error (error);

  return kpi;
}

static void
test_figure_row (Fixture       *f,
                 gconstpointer  data)
{
  HubsLiveKpi *kpi = lookup_kpi (f, "sapporo/startups");
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_append (GTK_LIST_BOX (list),
                       hubs_figure_row_new (f->undo, NULL, kpi,
                                            hubs_live_kpi_lookup_figure (kpi, 2025,
                                                                         HUBS_FIGURE_ACTUAL)));
  show_and_finalize (list);
  change_figure (f, "sapporo/startups", 160);
}

static void
test_kpi_row (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_append (GTK_LIST_BOX (list), hubs_kpi_row_new (lookup_kpi (f, "tokyo/unicorns")));
  show_and_finalize (list);
  change_figure (f, "tokyo/unicorns", 3);
}

static void
test_kpi_editor (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *editor = hubs_kpi_editor_new (f->model, f->undo);
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_kpi_editor_set_kpi (HUBS_KPI_EDITOR (editor), "sapporo/startups", &error));
  g_assert_no_error (error);
  show_and_finalize (editor);
  change_figure (f, "sapporo/startups", 161);
}

static void
test_hub_page (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *page = hubs_hub_page_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_hub_page_set_hub (HUBS_HUB_PAGE (page),
                                        hubs_live_model_lookup_hub (f->model, "kansai"), &error));
  g_assert_no_error (error);
  show_and_finalize (page);
  change_figure (f, "kansai/startups", 20);
}

static void
test_chart_views (Fixture       *f,
                  gconstpointer  data)
{
  HubsLiveHub *hub = hubs_live_model_lookup_hub (f->model, "fukuoka");
  GtkWidget *overview = hubs_chart_view_new (HUBS_CHART_HUB_OVERVIEW);
  GtkWidget *trajectory = hubs_chart_view_new (HUBS_CHART_TRAJECTORY);
  GtkWidget *comparison = hubs_chart_view_new (HUBS_CHART_COMPARISON);

  g_assert_true (hubs_live_hub_load (hub, NULL));
  hubs_chart_view_set_live_hub (HUBS_CHART_VIEW (overview), hub);
  show_and_finalize (overview);

  hubs_chart_view_set_live_kpi (HUBS_CHART_VIEW (trajectory), hub,
                                lookup_kpi (f, "fukuoka/valuation-10bn-yen"));
  show_and_finalize (trajectory);

  hubs_chart_view_set_live_comparison (HUBS_CHART_VIEW (comparison), f->model);
  show_and_finalize (comparison);
  change_figure (f, "fukuoka/valuation-10bn-yen", 1);
}

static void
test_sidebar_row (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HubsHubItem) item = hubs_hub_item_new (hubs_live_model_lookup_hub (f->model, "tohoku"));
  g_autoptr(HubsHubItem) header = hubs_hub_item_new_header (HUBS_TIER_GLOBAL);
  GtkWidget *row = hubs_sidebar_row_new ();
  GtkWidget *heading = hubs_sidebar_row_new ();

  hubs_sidebar_row_bind (HUBS_SIDEBAR_ROW (row), item);
  hubs_sidebar_row_bind (HUBS_SIDEBAR_ROW (heading), header);
  show_and_finalize (row);
  show_and_finalize (heading);
  g_assert_finalize_object (g_steal_pointer (&item));
  g_assert_finalize_object (g_steal_pointer (&header));
}

static void
test_dialogs (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *parent = gtk_window_new ();

  gtk_window_present (GTK_WINDOW (parent));
  present_and_finalize (hubs_hub_dialog_new (GTK_WINDOW (parent), f->undo, NULL));
  present_and_finalize (hubs_import_dialog_new (GTK_WINDOW (parent), f->store));
  present_and_finalize (hubs_restore_dialog_new (GTK_WINDOW (parent), f->store));
  present_and_finalize (hubs_preferences_window_new (GTK_WINDOW (parent)));
  present_and_finalize (GTK_WIDGET (hubs_presentation_new (GTK_WINDOW (parent), f->model,
                                                           "hiroshima")));
  gtk_window_destroy (GTK_WINDOW (parent));
}

/* Reporting status: a submitted year shows who submitted it; the page follows a change. */
static void
test_tracker_page (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *page = hubs_tracker_page_new (f->model);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GError) error = NULL;

  hubs_store_set_author (f->store, "山田 花子", "福岡市");
  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_SUBMITTED, NULL,
                                            &error));
  g_assert_no_error (error);

  g_object_ref_sink (page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (window, 2);
  g_assert_true (hubs_test_find_label_containing (page, "山田 花子"));
  g_free (hubs_test_save_screenshot (window, "tracker-page"));

  /* Returned while shown: the page says so. */
  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_RETURNED,
                                            "出典を記載してください", &error));
  {
    /* The page reads the database again when the main loop is idle. */
    gint64 deadline = hubs_test_deadline (10);

    while (!hubs_test_find_label_containing (page, "出典を記載してください") &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (hubs_test_find_label_containing (page, "出典を記載してください"));

  gtk_window_destroy (GTK_WINDOW (window));
  hubs_test_spin (20);
  g_assert_finalize_object (page);
  change_figure (f, "fukuoka/valuation-10bn-yen", 3);
}

static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  present_and_finalize (GTK_WIDGET (hubs_window_new (NULL, f->store)));
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/hubs/widgets/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("figure-row", test_figure_row);
  ADD ("kpi-row", test_kpi_row);
  ADD ("kpi-editor", test_kpi_editor);
  ADD ("hub-page", test_hub_page);
  ADD ("chart-views", test_chart_views);
  ADD ("sidebar-row", test_sidebar_row);
  ADD ("dialogs", test_dialogs);
  ADD ("window", test_window);
  ADD ("tracker-page", test_tracker_page);

#undef ADD

  return g_test_run ();
}
