/* test-shared-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window on a shared database on a real PostgreSQL server (tests/with-postgresql.sh),
 * in the language of the run, with its screenshot: it shows the plan the server holds, and a
 * saved figure shows in the window and is on the server.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

static void
test_window_on_server (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *uri = hubs_test_database_path (dir, "unused");
  g_autofree char *name = g_strdup_printf ("shared-window-%s",
                                           g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "ja")
                                           ? "ja" : "en");
  g_autofree char *on_server = NULL;
  g_autoptr(HubsFigure) actual = hubs_test_make_actual ("sapporo/startups", 2025, 16384);
  g_autoptr(GError) error = NULL;
  HubsStore *store;
  HubsWindow *window;

  if (!hubs_test_engine_is_postgresql ())
    g_error ("test-shared-window needs a PostgreSQL server: run it with "
             "tests/with-postgresql.sh");

  store = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  window = hubs_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (GTK_WIDGET (window), 3);

  /* The first hub of the plan, from the server. */
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (window),
                                                  hubs_language_current () == HUBS_LANGUAGE_JA
                                                  ? "札幌" : "Sapporo"));
  g_assert_false (hubs_test_find_label_containing (GTK_WIDGET (window), "16,384") ||
                  hubs_test_find_label_containing (GTK_WIDGET (window), "1万6,384"));

  g_assert_true (hubs_store_set_figure (store, actual, &error));
  g_assert_no_error (error);
  hubs_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (window), "16,384") ||
                 hubs_test_find_label_containing (GTK_WIDGET (window), "1万6,384"));
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window), name));

  on_server = hubs_test_query_text (uri, "SELECT value FROM figure WHERE kpi_id = "
                                         "'sapporo/startups' AND fiscal_year = 2025 AND "
                                         "kind = 'actual'");
  g_assert_cmpstr (on_server, ==, "16384");

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

  g_test_add_func ("/hubs/shared-window/window-on-server", test_window_on_server);

  return g_test_run ();
}
