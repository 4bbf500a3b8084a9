/* test-connection-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window on a shared database when its server goes away and comes back, on a real
 * server (tests/with-postgresql.sh) stopped and started mid-test, in the language of the
 * run, with screenshots: a figure typed while the server is away stays in its field, which
 * says it is not saved and offers Save Again; the connection bar shows under the header
 * bar; once the server is back, Try Again takes the bar away and Enter saves the figure,
 * which is then on the server. A server slow to answer a save (another connection holds
 * the table) leaves the window going, the field saying it is saving, until the save ends;
 * closing the window meanwhile waits for it. So do adding and deleting a KPI and saving a
 * hub: the window goes on, and the hub dialog says it is saving until it is; what the
 * window reads meanwhile (a KPI's newest changes, another person's figure) is read after.
 * A server that stops answering what the window reads (its process stopped, as a network
 * that silently drops what is sent would look) is given up on within seconds: the bar
 * shows, and once it answers again Try Again brings everything back. Two changes of one
 * KPI field made while the first is still being saved both go through, the last one typed
 * winning.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "hubs-connection-bar.h"
#include "hubs-figure-row.h"
#include "hubs-hub-dialog.h"
#include "hubs-hub-item.h"
#include "hubs-hub-page.h"
#include "hubs-i18n.h"
#include "hubs-kpi-editor.h"
#include "hubs-test-gtk.h"
#include "hubs-store-private.h"
#include "hubs-test-util.h"
#include "hubs-undo.h"
#include "hubs-window.h"

/* On a shared database a save ends later: waits for the store of @row's window. */
static void
wait_saved (gpointer row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  hubs_test_wait_for_saves (hubs_window_get_store (HUBS_WINDOW (root)));
}

static gboolean
is_hub_list (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) == NULL;
}

static gboolean
is_save_again (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, HUBS_TYPE_FIGURE_ROW) == data &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), _("_Save Again")) == 0;
}

static gboolean
is_choice_of (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "field"), data) == 0;
}

static gboolean
is_text_field_of (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "field"), data) == 0;
}

/* A window on @store at 1200×800, drawn. */
static HubsWindow *
present_window (HubsStore *store)
{
  HubsWindow *window = hubs_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (GTK_WIDGET (window), 3);

  return window;
}

static HubsFigureRow *
open_actual_field (HubsWindow *window,
                   const char *hub_id,
                   const char *kpi_id,
                   int         year)
{
  GtkListView *list = GTK_LIST_VIEW (hubs_test_find_first (GTK_WIDGET (window), is_hub_list, NULL));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GtkWidget *editor;
  GtkWidget *row = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hubs_hub_item_get_id (item), hub_id) == 0)
        g_signal_emit_by_name (list, "activate", i);
    }
  hubs_test_wait_frames (GTK_WIDGET (window), 1);

  row = hubs_hub_page_find_kpi_row (HUBS_HUB_PAGE (hubs_window_get_hub_page (window)), kpi_id);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  hubs_test_wait_frames (GTK_WIDGET (window), 1);

  editor = hubs_window_get_kpi_editor (window);
  g_assert_true (gtk_widget_is_drawable (editor));
  row = hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (editor), year, HUBS_FIGURE_ACTUAL);
  g_assert_nonnull (row);

  return HUBS_FIGURE_ROW (row);
}

static gboolean
bar_shows (HubsWindow *window)
{
  GtkWidget *bar = hubs_test_find_first (GTK_WIDGET (window), hubs_test_is_of_type,
                                         GSIZE_TO_POINTER (HUBS_TYPE_CONNECTION_BAR));
  GtkWidget *revealer;

  g_assert_nonnull (bar);
  revealer = adw_bin_get_child (ADW_BIN (bar));

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) &&
         gtk_widget_get_mapped (revealer);
}

/* Runs the main loop until the store's connection is as @connected says. */
static void
wait_connected (HubsStore *store,
                gboolean   connected)
{
  gint64 deadline = hubs_test_deadline (30);

  while (hubs_store_get_connected (store) != connected)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The store's connection did not become %s", connected ? "good" : "lost");
      g_main_context_iteration (NULL, TRUE);
    }
  hubs_test_spin (50);
}

static void
drain_main_loop (void)
{
  gint64 deadline = hubs_test_deadline (30);

  while (g_main_context_pending (NULL))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The window is never done with its work");
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
test_server_away (void)
{
  const char *lang = hubs_language_current () == HUBS_LANGUAGE_JA ? "ja" : "en";
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *uri = hubs_test_database_path (dir, "unused");
  g_autofree char *shot_large = g_strdup_printf ("connection-lost-%s", lang);
  g_autofree char *shot_small = g_strdup_printf ("connection-lost-small-%s", lang);
  g_autofree char *shot_still = g_strdup_printf ("connection-still-lost-small-%s", lang);
  g_auto(GStrv) still = NULL;
  gint64 deadline;
  GtkWidget *bar;
  g_autoptr(HubsFigure) on_server = NULL;
  g_autoptr(GError) error = NULL;
  HubsFigureRow *row;
  GtkEditable *entry;
  GtkWidget *save_again;
  GtkWidget *pillar;
  guint stored_pillar;
  HubsStore *store;
  HubsStore *fresh;
  HubsWindow *window;

  if (!hubs_test_engine_is_postgresql ())
    g_error ("test-connection-bar needs a PostgreSQL server: run it with "
             "tests/with-postgresql.sh");

  store = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  window = present_window (store);
  g_assert_false (bar_shows (window));
  bar = hubs_test_find_first (GTK_WIDGET (window), hubs_test_is_of_type,
                              GSIZE_TO_POINTER (HUBS_TYPE_CONNECTION_BAR));
  /* Hidden, it is not even laid out. */
  g_assert_false (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (bar))));

  row = open_actual_field (window, "sapporo", "sapporo/startups", 2025);
  entry = hubs_figure_row_get_entry (row);
  save_again = hubs_test_find_first (GTK_WIDGET (row), is_save_again, row);
  g_assert_nonnull (save_again);
  g_assert_false (gtk_widget_get_visible (save_again));

  /* Everything the window reads by itself (each hub's summary, in idle time) is read
   * before the server goes: a read that fails is logged as a warning, which fails a test. */
  drain_main_loop ();

  /* The server goes while the user types; Enter cannot save. */
  hubs_test_postgresql_server ("stop");
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, "180");
  g_signal_emit_by_name (entry, "activate");
  wait_saved (row);

  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "180");
  g_assert_cmpstr (hubs_figure_row_get_error (row), ==,
                   _("Not saved: the server cannot be reached. What you typed is kept; "
                     "try again when the connection is back."));
  g_assert_true (gtk_widget_get_visible (save_again));

  wait_connected (store, FALSE);
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (bar_shows (window));
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (window),
                                                  _("The connection to the server was lost. "
                                                    "Your changes are kept in their fields; "
                                                    "Hubs reconnects by itself.")));
  /* What was typed is still there after the store said so. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "180");
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window), shot_large));

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  hubs_test_wait_frames (GTK_WIDGET (window), 3);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window), shot_small));

  /* Try Again while the server is still away says so, and why. */
  g_assert_true (gtk_widget_activate_action (bar, "connection.try-again", NULL));
  g_assert_true (hubs_test_find_label_containing (bar, _("Connecting to the server…")));
  still = g_strsplit (_("The server still cannot be reached (%s). Your changes are kept in "
                        "their fields; Hubs tries again by itself."), "%s", 2);
  deadline = hubs_test_deadline (30);
  while (!hubs_test_find_label_containing (bar, still[0]))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Try Again does not say that the server still cannot be reached");
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (hubs_test_find_label_containing (bar, "/.s.PGSQL."));
  g_assert_false (hubs_store_get_connected (store));
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window), shot_still));

  /* A choice of the KPI's that cannot be saved goes back to what is stored, and says why. */
  pillar = hubs_test_find_first (GTK_WIDGET (window), is_choice_of, "pillar");
  g_assert_nonnull (pillar);
  stored_pillar = adw_combo_row_get_selected (ADW_COMBO_ROW (pillar));
  adw_combo_row_set_selected (ADW_COMBO_ROW (pillar), stored_pillar == 0 ? 1 : 0);
  hubs_test_wait_for_saves (store);
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (pillar)), ==, stored_pillar);
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (window),
                                                  _("Not saved: the server cannot be reached. "
                                                    "What you typed is kept; try again when "
                                                    "the connection is back.")));

  /* Back: Try Again connects, the bar goes, and Save Again saves what was typed. */
  hubs_test_postgresql_server ("start");
  g_assert_true (gtk_widget_activate_action (bar, "connection.try-again", NULL));
  wait_connected (store, TRUE);
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (bar_shows (window));
  /* Once it has slid away. */
  deadline = hubs_test_deadline (5);
  while (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (bar))))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  /* The reread after the connection came back leaves the typed text alone. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "180");

  g_signal_emit_by_name (save_again, "clicked");
  wait_saved (row);
  g_assert_null (hubs_figure_row_get_error (row));
  g_assert_false (gtk_widget_get_visible (save_again));

  fresh = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  on_server = hubs_store_get_figure (fresh, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (on_server->value, ==, 180);
  g_assert_finalize_object (fresh);

  gtk_window_destroy (GTK_WINDOW (window));
  hubs_test_spin (50);
  g_assert_finalize_object (store);
  hubs_test_remove_dir (dir);
}

/* Another connection takes @table and keeps it (writes wait; reads go on), until
 * let_go(), or 20 s, when the server ends its idle transaction. */
static PGconn *
hold_table (const char *uri,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SET idle_in_transaction_session_timeout = '20s'; "
                                          "BEGIN; LOCK TABLE %s IN EXCLUSIVE MODE", table);
  PGconn *other = PQconnectdb (uri);
  PGresult *result;

  g_assert_cmpint (PQstatus (other), ==, CONNECTION_OK);
  result = PQexec (other, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);

  return other;
}

static void
let_go (PGconn *other)
{
  PQclear (PQexec (other, "COMMIT"));
  PQfinish (other);
}

/* For a second, the window draws and its main loop never waits long, while a write of
 * @store waits on the server. */
static void
assert_window_goes_on (HubsWindow *window,
                       HubsStore  *store,
                       const char *what)
{
  HubsTestTicks *ticks;
  gint64 longest;

  g_assert_true (hubs_store_get_writing (store));
  ticks = hubs_test_ticks_start ();
  hubs_test_spin (1000);
  longest = hubs_test_ticks_stop (ticks);
  g_test_message ("longest wait of the main loop while %s waited: %.1f ms", what,
                  longest / 1000.0);
  g_assert_cmpint (longest, <, G_USEC_PER_SEC / 2);
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (hubs_store_get_writing (store));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static void
test_server_slow (void)
{
  const char *lang = hubs_language_current () == HUBS_LANGUAGE_JA ? "ja" : "en";
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *uri = hubs_test_database_path (dir, "unused");
  g_autofree char *shot = g_strdup_printf ("connection-bar-saving-%s", lang);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(HubsFigure) on_server = NULL;
  gint64 started;
  g_autoptr(GError) error = NULL;
  HubsUndoStack *undo;
  HubsFigureRow *row;
  GtkEditable *entry;
  HubsStore *store;
  HubsWindow *window;
  PGconn *other;

  store = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  window = present_window (store);
  undo = hubs_window_get_undo_stack (window);
  row = open_actual_field (window, "sapporo", "sapporo/startups", 2025);
  entry = hubs_figure_row_get_entry (row);
  drain_main_loop ();

  /* Someone else holds the figures table: the server takes a save, and answers it only once
   * they let go (or after 20 s, when the server ends their idle transaction). */
  other = hold_table (uri, "figure");

  /* Enter comes back at once: the save is under way, the field says so and takes no typing,
   * and nothing can be undone until it ends. */
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, "181");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (hubs_store_get_writing (store));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, _("Saving…"));
  g_assert_false (gtk_editable_get_editable (entry));
  g_assert_false (hubs_undo_stack_get_can_undo (undo));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "181");

  /* The window goes on meanwhile: it draws, and its main loop never waits long. */
  assert_window_goes_on (window, store, "the save");
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window), shot));

  /* What the window reads meanwhile is read on a connection of the store's own, not behind
   * the save: at once, and as stored before it. */
  started = g_get_monotonic_time ();
  on_server = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  history = hubs_store_list_history (store, "sapporo/startups", &error);
  g_assert_no_error (error);
  g_test_message ("reading while the save waited took %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC / 2);
  g_assert_true (hubs_store_get_writing (store));

  /* They let go: the figure is saved, shown as saved, and can be undone. */
  let_go (other);
  wait_saved (row);
  g_assert_null (hubs_figure_row_get_error (row));
  g_assert_true (gtk_editable_get_editable (entry));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), !=, _("Saving…"));
  g_assert_true (hubs_undo_stack_get_can_undo (undo));
  on_server = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (on_server->value, ==, 181);

  /* Ctrl+Z goes through the writer too, and takes the figure back: there was none. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  hubs_test_wait_for_saves (store);
  g_clear_pointer (&on_server, hubs_figure_free);
  on_server = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_assert_null (on_server);
  g_clear_error (&error);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_true (hubs_undo_stack_get_can_redo (undo));

  /* Closing while a save waits: the window stays until it ended, then goes, and the figure
   * is on the server. */
  other = hold_table (uri, "figure");
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, "182");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  hubs_test_spin (300);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (hubs_store_get_writing (store));
  let_go (other);
  hubs_test_wait_for_saves (store);
  hubs_test_spin (100);
  g_assert_null (window);
  g_clear_pointer (&on_server, hubs_figure_free);
  on_server = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (on_server->value, ==, 182);

  hubs_test_spin (50);
  g_assert_finalize_object (store);
  hubs_test_remove_dir (dir);
}

static void
test_plan_slow (void)
{
  const char *lang = hubs_language_current () == HUBS_LANGUAGE_JA ? "ja" : "en";
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *uri = hubs_test_database_path (dir, "unused");
  g_autofree char *shot = g_strdup_printf ("hub-dialog-saving-%s", lang);
  g_autoptr(HubsKpi) added = NULL;
  g_autoptr(HubsHub) hub = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  GtkWidget *dialog;
  HubsStore *store;
  HubsStore *fresh;
  HubsWindow *window;
  PGconn *other;

  store = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  window = present_window (store);
  open_actual_field (window, "sapporo", "sapporo/startups", 2025);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  hubs_test_wait_frames (GTK_WIDGET (window), 1);
  drain_main_loop ();
  editor = hubs_window_get_kpi_editor (window);

  /* A figure saved, then the hub saved while someone holds the hubs: the figure's save ends
   * while the hub's waits, and what the window then reads (the KPI's newest changes) waits
   * behind it on the writer, not on the main loop. */
  {
    HubsFigureRow *row = open_actual_field (window, "sapporo", "sapporo/startups", 2026);
    GtkEditable *entry = hubs_figure_row_get_entry (row);
    g_autoptr(HubsFigure) saved = NULL;
    g_autoptr(HubsFigure) theirs = NULL;

    other = hold_table (uri, "hub");
    gtk_widget_grab_focus (GTK_WIDGET (entry));
    gtk_editable_set_text (entry, "205");
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-hub", NULL));
    dialog = hubs_test_find_toplevel (HUBS_TYPE_HUB_DIALOG, NULL);
    g_assert_nonnull (dialog);
    hubs_hub_dialog_set_field (HUBS_HUB_DIALOG (dialog), "slogan_en", "Saved while busy");
    hubs_hub_dialog_save (HUBS_HUB_DIALOG (dialog));
    /* Someone else saves a figure meanwhile: the server tells this window, which reads it
     * back after its own save, not on the main loop. */
    fresh = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
    theirs = hubs_test_make_actual ("sapporo/startups", 2025, 150);
    g_assert_true (hubs_store_set_figure (fresh, theirs, &error));
    g_assert_no_error (error);
    g_assert_finalize_object (fresh);
    assert_window_goes_on (window, store, "saving a hub after a figure");
    /* The figure's save is done: the field says so while the hub's still waits. */
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), !=, _("Saving…"));
    /* Read on a connection of its own: this window's waits behind the hub's save. */
    fresh = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
    saved = hubs_store_get_figure (fresh, "sapporo/startups", 2026, HUBS_FIGURE_ACTUAL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (saved->value, ==, 205);
    g_assert_finalize_object (fresh);
    let_go (other);
    hubs_test_wait_for_saves (store);
    drain_main_loop ();
    g_assert_null (hubs_test_find_toplevel (HUBS_TYPE_HUB_DIALOG, NULL));
    /* Their figure shows, once read. */
    g_assert_cmpstr (gtk_editable_get_text (hubs_figure_row_get_entry (HUBS_FIGURE_ROW (
                       hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (editor), 2025,
                                                        HUBS_FIGURE_ACTUAL)))), ==, "150");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
    hubs_test_wait_frames (GTK_WIDGET (window), 1);
  }

  /* Adding a KPI while someone holds the KPIs: the window goes on, and once they let go the
   * KPI is on the server, with an id found as it was written, and open in the editor. */
  other = hold_table (uri, "kpi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-kpi", NULL));
  assert_window_goes_on (window, store, "adding a KPI");
  g_assert_false (gtk_widget_is_drawable (editor));
  let_go (other);
  hubs_test_wait_for_saves (store);
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  added = hubs_store_get_kpi (store, "sapporo/kpi-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->name_ja[0] != '\0' ? added->name_ja : added->name_en, ==, _("New KPI"));
  g_assert_true (gtk_widget_is_drawable (editor));
  g_assert_cmpstr (hubs_kpi_editor_get_kpi_id (HUBS_KPI_EDITOR (editor)), ==, "sapporo/kpi-1");

  /* Deleting it the same way: what the undo keeps is read in the same job. */
  other = hold_table (uri, "kpi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-kpi", NULL));
  dialog = hubs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  assert_window_goes_on (window, store, "deleting a KPI");
  let_go (other);
  hubs_test_wait_for_saves (store);
  g_clear_pointer (&added, hubs_kpi_free);
  added = hubs_store_get_kpi (store, "sapporo/kpi-1", &error);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  hubs_test_wait_for_saves (store);
  added = hubs_store_get_kpi (store, "sapporo/kpi-1", &error);
  g_assert_no_error (error);

  /* A hub added while someone holds the hubs: the dialog says it is saving and stays until
   * the hub is on the server, then closes and the hub is selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-hub", NULL));
  dialog = hubs_test_find_toplevel (HUBS_TYPE_HUB_DIALOG, NULL);
  g_assert_nonnull (dialog);
  hubs_hub_dialog_set_field (HUBS_HUB_DIALOG (dialog), "name_ja", "試験市");
  hubs_hub_dialog_set_field (HUBS_HUB_DIALOG (dialog), "name_en", "Test City");
  other = hold_table (uri, "hub");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  hubs_hub_dialog_save (HUBS_HUB_DIALOG (dialog));
  assert_window_goes_on (window, store, "adding a hub");
  g_assert_nonnull (dialog);
  g_assert_nonnull (hubs_test_find_first (dialog, is_button_labelled, _("Saving…")));
  g_free (hubs_test_save_screenshot (dialog, shot));
  let_go (other);
  hubs_test_wait_for_saves (store);
  hubs_test_spin (100);
  g_assert_null (dialog);
  hub = hubs_store_get_hub (store, "test-city", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub->name_ja, ==, "試験市");
  g_assert_cmpstr (hubs_window_get_hub_id (window), ==, "test-city");

  gtk_window_destroy (GTK_WINDOW (window));
  hubs_test_spin (50);
  g_assert_finalize_object (store);
  hubs_test_remove_dir (dir);
}

/* A read made from the main loop, as the window makes them, and how long it took. */
typedef struct
{
  HubsStore  *store;
  HubsFigure *figure;
  GError     *error;
  gint64      took;
  gboolean    done;
} MainLoopRead;

static gboolean
read_in_main_loop (gpointer data)
{
  MainLoopRead *read = data;
  gint64 started = g_get_monotonic_time ();

  read->figure = hubs_store_get_figure (read->store, "sapporo/startups", 2024,
                                        HUBS_FIGURE_BASELINE, &read->error);
  read->took = g_get_monotonic_time () - started;
  read->done = TRUE;

  return G_SOURCE_REMOVE;
}

/* Continues the stopped server process after @data's deadline, unless the test did: a read
 * that waits for it (the bound broken) then ends, and the test fails saying so, rather than
 * hanging until its timeout. */
typedef struct
{
  int      pid;
  gint64   deadline;
  gint     done;
} Watchdog;

static gpointer
continue_later (gpointer data)
{
  Watchdog *watchdog = data;

  while (!g_atomic_int_get (&watchdog->done) && g_get_monotonic_time () < watchdog->deadline)
    g_usleep (50 * 1000);
  if (!g_atomic_int_get (&watchdog->done))
    kill (watchdog->pid, SIGCONT);

  return NULL;
}

static void
test_server_silent (void)
{
  const char *lang = hubs_language_current () == HUBS_LANGUAGE_JA ? "ja" : "en";
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *uri = hubs_test_database_path (dir, "unused");
  g_autofree char *shot = g_strdup_printf ("connection-silent-%s", lang);
  MainLoopRead read = { 0 };
  Watchdog watchdog = { 0 };
  GThread *watching;
  HubsFigureRow *row;
  GtkEditable *entry;
  HubsStore *store;
  HubsWindow *window;
  GtkWidget *bar;
  int pid;

  store = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  window = present_window (store);
  bar = hubs_test_find_first (GTK_WIDGET (window), hubs_test_is_of_type,
                              GSIZE_TO_POINTER (HUBS_TYPE_CONNECTION_BAR));
  row = open_actual_field (window, "sapporo", "sapporo/startups", 2025);
  entry = hubs_figure_row_get_entry (row);
  gtk_editable_set_text (entry, "184");
  drain_main_loop ();

  /* The server process at the other end of the window's connection stops answering, and
   * its socket stays open: what a network that drops what is sent looks like. */
  pid = hubs_store_get_backend_pid (store);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (kill (pid, SIGSTOP), ==, 0);

  /* A read from the main loop gives up on it within seconds, and says it cannot reach the
   * server, rather than waiting for as long as the process is stopped. */
  read.store = store;
  watchdog.pid = pid;
  watchdog.deadline = hubs_test_deadline (15);
  watching = g_thread_new ("continue-later", continue_later, &watchdog);
  g_idle_add (read_in_main_loop, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);
  g_atomic_int_set (&watchdog.done, TRUE);
  g_thread_join (watching);
  /* It answers again, whatever the checks below find: no server process is left stopped. */
  g_assert_cmpint (kill (pid, SIGCONT), ==, 0);
  g_test_message ("the read gave up after %.1f ms", read.took / 1000.0);
  if (g_get_monotonic_time () > watchdog.deadline)
    g_error ("A read from the main loop waited for a server that did not answer, until the "
             "test let the server go on");
  g_assert_error (read.error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE);
  g_assert_null (read.figure);
  g_clear_error (&read.error);

  wait_connected (store, FALSE);
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (bar_shows (window));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "184");
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window), shot));

  /* The server answers again: Try Again connects, the bar goes, the same read reads, and
   * Enter saves what was typed. */
  g_assert_true (gtk_widget_activate_action (bar, "connection.try-again", NULL));
  wait_connected (store, TRUE);
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (bar_shows (window));
  g_assert_cmpint (hubs_store_get_backend_pid (store), !=, pid);

  read.done = FALSE;
  g_idle_add (read_in_main_loop, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (read.error);
  g_assert_cmpfloat (read.figure->value, ==, 142);
  g_clear_pointer (&read.figure, hubs_figure_free);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  g_signal_emit_by_name (entry, "activate");
  wait_saved (row);
  g_assert_null (hubs_figure_row_get_error (row));
  read.figure = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL,
                                       &read.error);
  g_assert_no_error (read.error);
  g_assert_cmpfloat (read.figure->value, ==, 184);
  g_clear_pointer (&read.figure, hubs_figure_free);

  gtk_window_destroy (GTK_WINDOW (window));
  hubs_test_spin (50);
  g_assert_finalize_object (store);
  hubs_test_remove_dir (dir);
}

/* An administrator changes a KPI's English name twice while the server is slow to take
 * the first: the second starts from the first, so neither is refused as someone else's, and
 * the name stored is the last one typed. */
static void
test_kpi_edits_slow (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *uri = hubs_test_database_path (dir, "unused");
  g_autoptr(HubsKpi) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) refused = NULL;
  HubsStore *store;
  HubsWindow *window;
  GtkWidget *name_en;
  PGconn *other;

  store = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  window = present_window (store);
  open_actual_field (window, "sapporo", "sapporo/startups", 2025);
  name_en = hubs_test_find_first (GTK_WIDGET (window), is_text_field_of, "name_en");
  g_assert_nonnull (name_en);
  drain_main_loop ();

  other = hold_table (uri, "kpi");
  gtk_editable_set_text (GTK_EDITABLE (name_en), "Start-ups founded");
  g_signal_emit_by_name (name_en, "apply");
  g_assert_true (hubs_store_get_writing (store));
  gtk_editable_set_text (GTK_EDITABLE (name_en), "Start-ups founded in Sapporo");
  g_signal_emit_by_name (name_en, "apply");
  assert_window_goes_on (window, store, "two changes of a KPI's name");
  let_go (other);
  hubs_test_wait_for_saves (store);
  hubs_test_wait_frames (GTK_WIDGET (window), 2);

  stored = hubs_store_get_kpi (store, "sapporo/startups", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name_en, ==, "Start-ups founded in Sapporo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_en)), ==,
                   "Start-ups founded in Sapporo");
  refused = g_strsplit (_("“%s” was changed elsewhere meanwhile; nothing was changed."), "%s",
                        2);
  g_assert_false (hubs_test_find_label_containing (GTK_WIDGET (window), refused[1]));

  gtk_window_destroy (GTK_WINDOW (window));
  hubs_test_spin (50);
  g_assert_finalize_object (store);
  hubs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

  g_test_add_func ("/hubs/connection-bar/server-away", test_server_away);
  g_test_add_func ("/hubs/connection-bar/server-slow", test_server_slow);
  g_test_add_func ("/hubs/connection-bar/server-silent", test_server_silent);
  g_test_add_func ("/hubs/connection-bar/plan-slow", test_plan_slow);
  g_test_add_func ("/hubs/connection-bar/kpi-edits-slow", test_kpi_edits_slow);

  return g_test_run ();
}
