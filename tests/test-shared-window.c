/* test-shared-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window on a shared database on a real PostgreSQL server (tests/with-postgresql.sh),
 * in the language of the run, with its screenshot: it shows the plan the server holds, and a
 * saved figure shows in the window and is on the server. Opened as a consortium's staff
 * role, the window greys out what the role may not change and says why.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-explanation-group.h"
#include "hubs-figure-row.h"
#include "hubs-kpi-editor.h"
#include "hubs-store-roles.h"
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

static HubsFigureRow *
figure_row (HubsWindow     *window,
            const char     *kpi_id,
            int             year,
            HubsFigureKind  kind)
{
  GtkWidget *editor;
  GtkWidget *row;

  g_assert_true (hubs_window_open_kpi (window, kpi_id));
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  editor = hubs_window_get_kpi_editor (window);
  g_assert_true (gtk_widget_is_drawable (editor));
  row = hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (editor), year, kind);
  g_assert_nonnull (row);

  return HUBS_FIGURE_ROW (row);
}

static const char *
subtitle_of (HubsFigureRow *row)
{
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
}

/* Scrolls the page @widget is on so that it shows near the top, as a user would. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, child, 0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            y - 24);
}

static gboolean
is_insensitive_entry_row (GtkWidget     *widget,
                          gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) && !gtk_widget_get_sensitive (widget) &&
         gtk_widget_is_drawable (widget);
}

/* As Fukuoka's staff: another hub's actual takes no typing and says whose it is, the plan's
 * figures and fields say only an administrator changes them, and Fukuoka's own actual is
 * open. */
static void
test_window_as_staff (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *uri = hubs_test_database_path (dir, "unused");
  g_autofree char *role = g_strdup_printf ("hubs_window_%d", (int) getpid ());
  g_autoptr(GString) as_staff = g_string_new (uri);
  g_autofree char *user = g_strconcat ("user=", role, NULL);
  gboolean ja = g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "ja");
  g_autofree char *name = g_strdup_printf ("shared-window-staff-%s", ja ? "ja" : "en");
  g_autoptr(HubsFigure) behind = hubs_test_make_actual ("sapporo/startups", 2025, 100);
  g_autofree char *on_server = NULL;
  HubsExplanationGroup *explanation;
  g_autoptr(GError) error = NULL;
  HubsStore *admin;
  HubsStore *store;
  HubsWindow *window;
  HubsFigureRow *row;

  /* Who the window says is entering the figures, as the first edit would have asked. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, HUBS_AUTHOR_KEY_NAME, "Sato Hanako");
    g_settings_set_string (settings, HUBS_AUTHOR_KEY_ORGANISATION, "Fukuoka City");
    g_settings_set_boolean (settings, HUBS_AUTHOR_KEY_ASKED, TRUE);
  }

  /* Sapporo's FY2025 actual is behind its plan, so it asks for an explanation. */
  admin = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  g_assert_true (hubs_store_set_figure (admin, behind, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_grant (admin, role, "fukuoka", FALSE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (admin);

  g_string_replace (as_staff, "user=postgres", user, 1);
  store = hubs_test_open_store (as_staff->str, HUBS_STORE_OPEN_DEFAULT);
  window = hubs_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (GTK_WIDGET (window), 3);

  /* The window says who it is connected as, and what that role changes. */
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (window), role));
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (window), ja ? "福岡" : "Fukuoka"));

  /* Sapporo's actual: locked, and why. */
  row = figure_row (window, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_true (hubs_figure_row_get_locked (row));
  g_assert_false (gtk_editable_get_editable (hubs_figure_row_get_entry (row)));
  g_assert_nonnull (strstr (subtitle_of (row), ja ? "札幌" : "Sapporo"));
  g_assert_nonnull (strstr (subtitle_of (row), ja ? "担当者" : "staff"));
  /* Its explanation of the year too. */
  explanation = HUBS_EXPLANATION_GROUP (hubs_test_find_first (
    hubs_window_get_kpi_editor (window), hubs_test_is_of_type,
    GSIZE_TO_POINTER (HUBS_TYPE_EXPLANATION_GROUP)));
  g_assert_nonnull (explanation);
  g_assert_true (hubs_explanation_group_get_locked (explanation));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (
                              ADW_PREFERENCES_GROUP (explanation)), ja ? "札幌" : "Sapporo"));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  scroll_to (GTK_WIDGET (row));
  hubs_test_wait_frames (GTK_WIDGET (window), 3);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window), name));

  /* Its plan: the baseline, and the KPI's own fields. */
  row = figure_row (window, "sapporo/startups", 2024, HUBS_FIGURE_BASELINE);
  g_assert_true (hubs_figure_row_get_locked (row));
  g_assert_cmpstr (subtitle_of (row), ==, hubs_store_describe_plan_rights (store));
  g_assert_nonnull (hubs_test_find_first (hubs_window_get_kpi_editor (window),
                                          is_insensitive_entry_row, NULL));

  /* Fukuoka's own actual is open; its target is the plan's. */
  row = figure_row (window, "fukuoka/startup-visas", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_false (hubs_figure_row_get_locked (row));
  g_assert_true (gtk_editable_get_editable (hubs_figure_row_get_entry (row)));

  /* Typed and saved as the role: on the server, and its history names the database user. */
  gtk_editable_set_text (hubs_figure_row_get_entry (row), "12");
  g_signal_emit_by_name (hubs_figure_row_get_entry (row), "activate");
  g_assert_null (hubs_figure_row_get_error (row));
  on_server = hubs_test_query_text (uri, "SELECT value || ' ' || db_user FROM figure f "
                                         "JOIN history h ON h.kpi_id = f.kpi_id "
                                         "AND h.fiscal_year = f.fiscal_year AND h.kind = f.kind "
                                         "WHERE f.kpi_id = 'fukuoka/startup-visas' "
                                         "AND f.fiscal_year = 2025 AND f.kind = 'actual' "
                                         "AND h.field = 'value'");
  g_assert_nonnull (on_server);
  g_assert_true (g_str_has_prefix (on_server, "12 "));
  g_assert_true (g_str_has_suffix (on_server, role));
  hubs_test_wait_frames (GTK_WIDGET (window), 2);
  {
    g_autofree char *who = g_strconcat ("Sato Hanako (Fukuoka City) · ", role, NULL);

    g_assert_true (hubs_test_find_label_containing (hubs_window_get_kpi_editor (window), who));
  }
  row = figure_row (window, "fukuoka/startup-visas", 2027, HUBS_FIGURE_TARGET);
  g_assert_true (hubs_figure_row_get_locked (row));
  g_assert_false (gtk_editable_get_editable (hubs_figure_row_get_entry (row)));

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
  g_test_add_func ("/hubs/shared-window/window-as-staff", test_window_as_staff);

  return g_test_run ();
}
