/* test-shared-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window on a shared database on a real PostgreSQL server (tests/with-postgresql.sh),
 * in the language of the run, with its screenshot: it shows the plan the server holds, and a
 * saved figure shows in the window and is on the server. Opened as a consortium's staff
 * role, the window greys out what the role may not change and says why. Two windows on two
 * connections, as two people at once: a figure saved in one shows in the other's field and
 * chart within a second, and a save typed over a figure that changed meanwhile says who changed it, when
 * and to what, and keeps theirs or saves over it, as the person chooses.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-chart-view.h"
#include "hubs-explanation-group.h"
#include "hubs-figure-row.h"
#include "hubs-kpi-editor.h"
#include "hubs-store-roles.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

#define KPI "sapporo/startups"

/* On a shared database a save ends later: waits for the store of @row's window. */
static void
wait_saved (gpointer row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  hubs_test_wait_for_saves (hubs_window_get_store (HUBS_WINDOW (root)));
}

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
  wait_saved (row);
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

static const char *
lang_suffix (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "ja") ? "ja" : "en";
}

static HubsWindow *
open_window (HubsStore  *store,
             const char *author,
             const char *organisation)
{
  HubsWindow *window = hubs_window_new (NULL, store);

  hubs_store_set_author (store, author, organisation);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (hubs_window_open_kpi (window, KPI));
  hubs_test_wait_frames (GTK_WIDGET (window), 2);

  return window;
}

static HubsFigureRow *
actual_row (HubsWindow *window,
            int         year)
{
  GtkWidget *editor = hubs_window_get_kpi_editor (window);
  GtkWidget *row = hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (editor), year,
                                                    HUBS_FIGURE_ACTUAL);

  g_assert_nonnull (row);
  return HUBS_FIGURE_ROW (row);
}

static char *
chart_description (HubsWindow *window)
{
  GtkWidget *chart = hubs_test_find_first (hubs_window_get_kpi_editor (window),
                                           hubs_test_is_of_type,
                                           GSIZE_TO_POINTER (HUBS_TYPE_CHART_VIEW));

  g_assert_nonnull (chart);
  return hubs_chart_view_get_description (HUBS_CHART_VIEW (chart));
}

static void
type_and_enter (HubsFigureRow *row,
                const char    *text)
{
  GtkEditable *entry = hubs_figure_row_get_entry (row);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  wait_saved (row);
}

static gboolean
entry_shows (HubsFigureRow *row,
             const char    *en,
             const char    *ja)
{
  const char *text = gtk_editable_get_text (hubs_figure_row_get_entry (row));

  return g_str_equal (text, en) || g_str_equal (text, ja);
}

/* Runs the main loop until @row's field shows the number, for at most a second. */
static void
wait_for_entry (HubsFigureRow *row,
                const char    *en,
                const char    *ja)
{
  gint64 deadline = hubs_test_deadline (1);

  while (!entry_shows (row, en, ja) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (entry_shows (row, en, ja));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  hubs_test_collect (root, hubs_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON), buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0 &&
        gtk_widget_is_drawable (buttons->pdata[i]))
      return buttons->pdata[i];

  return NULL;
}

/* Scrolls the first scrolled window in @root to its end, where the history is. */
static void
scroll_to_end (GtkWidget *root)
{
  GtkWidget *scrolled = GTK_IS_SCROLLED_WINDOW (root)
                        ? root
                        : hubs_test_find_first (root, hubs_test_is_of_type,
                                                GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
test_two_people (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *uri = hubs_test_database_path (dir, "unused");
  g_autofree char *description = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *over = NULL;
  g_autofree char *value = NULL;
  HubsStore *store_a;
  HubsStore *store_b;
  HubsWindow *a;
  HubsWindow *b;
  HubsFigureRow *row_a;
  HubsFigureRow *row_b;
  const char *refusal;
  gboolean ja = hubs_language_current () == HUBS_LANGUAGE_JA;

  store_a = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  store_b = hubs_test_open_store (uri, HUBS_STORE_OPEN_DEFAULT);
  a = open_window (store_a, "佐藤花子", "福岡市");
  b = open_window (store_b, "鈴木一郎", "札幌市");
  row_a = actual_row (a, 2025);
  row_b = actual_row (b, 2025);

  /* A second program, the command line, imports a figure: both windows show it. */
  {
    g_autofree char *csv = hubs_test_path (dir, "figures.csv");
    g_autofree char *db_arg = g_strconcat ("--database=", uri, NULL);
    g_autofree char *import_arg = g_strconcat ("--import-csv=", csv, NULL);
    g_autoptr(GSubprocess) hubs = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_set_contents (csv, "kpi_id,FY2025\n" KPI ",150\n", -1, NULL));
    hubs = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                             g_getenv ("HUBS_BINARY"), db_arg, import_arg, NULL);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_wait_check (hubs, NULL, &error));
    g_assert_no_error (error);
    wait_for_entry (row_a, "150", "150");
    wait_for_entry (row_b, "150", "150");
  }

  /* A saves; B's field and chart show it within a second, without a restart. */
  type_and_enter (row_a, "160");
  g_assert_null (hubs_figure_row_get_error (row_a));
  wait_for_entry (row_b, "160", "160");
  description = chart_description (b);
  g_assert_nonnull (strstr (description, "160"));
  g_clear_pointer (&description, g_free);

  /* B types over 160 while A changes it to 165: B's typing stays, and its save is
   * refused with who, when and what. */
  gtk_widget_grab_focus (GTK_WIDGET (hubs_figure_row_get_entry (row_b)));
  gtk_editable_set_text (hubs_figure_row_get_entry (row_b), "170");
  type_and_enter (row_a, "165");
  hubs_test_spin (300);
  g_assert_cmpstr (gtk_editable_get_text (hubs_figure_row_get_entry (row_b)), ==, "170");
  g_signal_emit_by_name (hubs_figure_row_get_entry (row_b), "activate");
  wait_saved (row_b);
  refusal = hubs_figure_row_get_error (row_b);
  g_assert_nonnull (refusal);
  g_test_message ("conflict: %s", refusal);
  g_assert_nonnull (strstr (refusal, "佐藤花子"));
  g_assert_nonnull (strstr (refusal, "福岡市"));
  g_assert_nonnull (strstr (refusal, ja ? "165社" : "165 companies"));
  g_assert_nonnull (find_button (GTK_WIDGET (row_b), ja ? "相手の値にする" : "Keep Theirs"));
  g_assert_nonnull (find_button (GTK_WIDGET (row_b), ja ? "このまま保存" : "Save Anyway"));
  g_assert_cmpstr (gtk_editable_get_text (hubs_figure_row_get_entry (row_b)), ==, "170");
  hubs_test_wait_frames (GTK_WIDGET (b), 2);
  shot = g_strdup_printf ("shared-window-conflict-%s", lang_suffix ());
  g_free (hubs_test_save_screenshot (GTK_WIDGET (b), shot));

  /* Save Anyway stores B's figure, and the history says it went over A's. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (row_b), ja ? "このまま保存" : "Save Anyway"),
                         "clicked");
  wait_saved (row_b);
  g_assert_null (hubs_figure_row_get_error (row_b));
  value = hubs_test_query_text (uri, "SELECT value FROM figure WHERE kpi_id = '" KPI "' AND "
                                     "fiscal_year = 2025 AND kind = 'actual'");
  g_assert_cmpstr (value, ==, "170");
  over = hubs_test_query_text (uri, "SELECT old_value || ' ' || new_value || ' ' || changed_by "
                                    "FROM history WHERE field = 'saved-over'");
  g_assert_cmpstr (over, ==, "165 佐藤花子 (福岡市) 鈴木一郎");
  wait_for_entry (row_a, "170", "170");
  g_assert_false (find_button (GTK_WIDGET (row_b), ja ? "このまま保存" : "Save Anyway"));
  {
    const char *words = ja ? "佐藤花子 (福岡市)さんが入力した「165社」に上書きして保存"
                           : "Saved over a change by 佐藤花子 (福岡市), who had entered 165 "
                             "companies";
    gint64 deadline = hubs_test_deadline (1);

    /* Either window's history says so, in words. */
    while (!hubs_test_find_label_containing (hubs_window_get_kpi_editor (a), words) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (hubs_test_find_label_containing (hubs_window_get_kpi_editor (a), words));
    g_assert_true (hubs_test_find_label_containing (hubs_window_get_kpi_editor (b), words));
    g_free (shot);
    shot = g_strdup_printf ("shared-window-history-%s", lang_suffix ());
    scroll_to_end (hubs_window_get_kpi_editor (b));
    hubs_test_wait_frames (GTK_WIDGET (b), 3);
    g_free (hubs_test_save_screenshot (GTK_WIDGET (b), shot));

    /* Scrolled to the end, the page's last button shows above the toast, not under it. */
    {
      GType toast_type = g_type_from_name ("AdwToastWidget");
      GtkWidget *delete = find_button (hubs_window_get_kpi_editor (b), _("_Delete KPI…"));
      GtkWidget *toast = hubs_test_find_first (GTK_WIDGET (b), hubs_test_is_of_type,
                                               GSIZE_TO_POINTER (toast_type));
      graphene_rect_t delete_bounds, toast_bounds;

      g_assert_nonnull (delete);
      g_assert_nonnull (toast);
      g_assert_true (gtk_widget_compute_bounds (delete, GTK_WIDGET (b), &delete_bounds));
      g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (b), &toast_bounds));
      g_assert_false (graphene_rect_intersection (&delete_bounds, &toast_bounds, NULL));
    }
  }

  /* Next time B keeps A's figure: the typed text goes, A's shows. */
  gtk_editable_set_text (hubs_figure_row_get_entry (row_b), "172");
  type_and_enter (row_a, "168");
  hubs_test_spin (300);
  g_signal_emit_by_name (hubs_figure_row_get_entry (row_b), "activate");
  wait_saved (row_b);
  g_assert_nonnull (hubs_figure_row_get_error (row_b));
  g_signal_emit_by_name (find_button (GTK_WIDGET (row_b), ja ? "相手の値にする" : "Keep Theirs"),
                         "clicked");
  g_assert_null (hubs_figure_row_get_error (row_b));
  g_assert_true (entry_shows (row_b, "168", "168"));
  g_clear_pointer (&value, g_free);
  value = hubs_test_query_text (uri, "SELECT value FROM figure WHERE kpi_id = '" KPI "' AND "
                                     "fiscal_year = 2025 AND kind = 'actual'");
  g_assert_cmpstr (value, ==, "168");
  description = chart_description (b);
  g_assert_nonnull (strstr (description, "168"));

  gtk_window_destroy (GTK_WINDOW (a));
  gtk_window_destroy (GTK_WINDOW (b));
  hubs_test_spin (50);
  g_assert_finalize_object (store_a);
  g_assert_finalize_object (store_b);
  hubs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

  g_test_add_func ("/hubs/shared-window/window-on-server", test_window_on_server);
  g_test_add_func ("/hubs/shared-window/window-as-staff", test_window_as_staff);
  g_test_add_func ("/hubs/shared-window/two-people", test_two_people);

  return g_test_run ();
}
