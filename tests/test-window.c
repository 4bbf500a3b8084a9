/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window driven as a person would: pick a hub, open a KPI, type figures, make
 * mistakes, undo, delete, search, and come back after a restart. Every check reads the
 * widgets a user sees or the database file on disk.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-plan.h"
#include "hubs-application.h"
#include "hubs-chart-view.h"
#include "hubs-i18n.h"
#include "hubs-figure-row.h"
#include "hubs-format.h"
#include "hubs-hub-dialog.h"
#include "hubs-hub-item.h"
#include "hubs-hub-page.h"
#include "hubs-kpi-editor.h"
#include "hubs-kpi-row.h"
#include "hubs-sidebar-row.h"
#include "hubs-store-watch.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

typedef struct
{
  char       *dir;
  char       *path;
  HubsStore  *store;
  HubsWindow *window;
  /* What test_rows_after_first_frame() counted, a frame each. */
  GArray     *painted;
} Fixture;

static void
open_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = hubs_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  hubs_test_spin (50);
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = hubs_test_make_dir ();
  f->path = hubs_test_path (f->dir, "hubs.sqlite3");
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}


static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* The sidebar's list, not the list of a drop-down (a combo row of the KPI editor). */
static gboolean
is_hub_list (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) == NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  return hubs_test_find_first (widget, hubs_test_is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return hubs_test_find_first (widget, is_label_with_text, text) != NULL;
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  return hubs_test_find_first (widget, is_label_containing, text) != NULL;
}

/* Spins the main loop until a label under @root contains @text (the sidebar's summaries
 * come in at idle), or a generous deadline passes. */
static gboolean
wait_for_label_containing (GtkWidget  *root,
                           const char *text)
{
  gint64 deadline = hubs_test_deadline (30);

  while (!has_label_containing (root, text) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return has_label_containing (root, text);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  return hubs_test_find_first (widget, is_button_for_action, action_name);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* The hub names the sidebar shows, in order. */
static char *
sidebar_names (Fixture *f)
{
  GtkListView *list = GTK_LIST_VIEW (hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (model, i);

      if (!hubs_hub_item_is_header (item))
        g_string_append_printf (names, "%s;", hubs_hub_item_get_id (item));
    }

  return g_string_free (names, FALSE);
}

/* Activates the sidebar row of @hub_id as a click or Enter does. */
static void
activate_hub (Fixture    *f,
              const char *hub_id)
{
  GtkListView *list = GTK_LIST_VIEW (hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hubs_hub_item_get_id (item), hub_id) == 0)
        {
          g_signal_emit_by_name (list, "activate", i);
          hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
          return;
        }
    }

  g_error ("%s is not in the sidebar", hub_id);
}

static HubsKpiRow *
find_kpi_row (Fixture    *f,
              const char *kpi_id)
{
  GtkWidget *row = hubs_hub_page_find_kpi_row (HUBS_HUB_PAGE (hubs_window_get_hub_page (f->window)),
                                               kpi_id);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (row));

  return HUBS_KPI_ROW (row);
}

static HubsFigureRow *
open_actual_field (Fixture    *f,
                   const char *hub_id,
                   const char *kpi_id,
                   int         year)
{
  GtkWidget *editor;
  GtkWidget *row;

  activate_hub (f, hub_id);
  g_signal_emit_by_name (find_kpi_row (f, kpi_id), "activated");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);

  editor = hubs_window_get_kpi_editor (f->window);
  g_assert_true (gtk_widget_is_drawable (editor));
  row = hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (editor), year, HUBS_FIGURE_ACTUAL);
  g_assert_nonnull (row);

  return HUBS_FIGURE_ROW (row);
}

static void
type_and_enter (HubsFigureRow *row,
                const char    *text)
{
  GtkEditable *entry = hubs_figure_row_get_entry (row);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

/* Reads a figure from the file with a connection of its own, as the next start would. */
static HubsFigure *
figure_on_disk (Fixture    *f,
                const char *kpi_id,
                int         year,
                HubsFigureKind kind)
{
  g_autoptr(HubsStore) store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, NULL);

  g_assert_nonnull (store);

  return hubs_store_get_figure (store, kpi_id, year, kind, NULL);
}

static gboolean
kpi_on_disk (Fixture    *f,
             const char *kpi_id)
{
  g_autoptr(HubsStore) store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(HubsKpi) kpi = hubs_store_get_kpi (store, kpi_id, NULL);

  return kpi != NULL;
}


static void
test_starts_with_sidebar (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *names = sidebar_names (f);

  g_assert_cmpstr (names, ==,
                   "sapporo;tohoku;tokyo;chubu;kansai;hiroshima;kitakyushu;fukuoka;"
                   "hokuriku;nagano-niigata;setouchi;kumamoto;okinawa;");
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "sapporo");

  /* Before any actual is entered, each hub's row says so, not “0 of 6 on track”: waited
   * for, since a slow machine or a sanitizer build takes longer to sum the hubs up. */
  {
    g_autofree char *none = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u KPI, no actuals yet",
                                                          "%u KPIs, no actuals yet", 6), 6);
    g_autofree char *failure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%1$u of %2$u KPI on track",
                                                             "%1$u of %2$u KPIs on track", 6),
                                                0, 6);
    gint64 deadline = hubs_test_deadline (30);

    while (!has_label_containing (GTK_WIDGET (f->window), none) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (has_label_containing (GTK_WIDGET (f->window), none));
    g_assert_false (has_label_containing (GTK_WIDGET (f->window), failure));
  }
}

static gboolean
is_ellipsized_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget)));
}

/* The sidebar's type and progress line is read whole, at the default size (a 300 px sidebar)
 * and at the smallest (one pane, as narrow as GNOME allows), in either language: where one
 * line is too short it takes two. */
/* Checks that each bar the sidebar shows ends before the words beside it begin; returns how
 * many it checked. */
static guint
check_bars_beside_words (GtkWidget *list)
{
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  guint checked = 0;

  collect_widgets (list, GTK_TYPE_DRAWING_AREA, bars);
  for (guint i = 0; i < bars->len; i++)
    {
      GtkWidget *bar = bars->pdata[i];
      GtkWidget *words = NULL;
      graphene_rect_t bar_box, words_box;

      if (!gtk_widget_is_drawable (bar))
        continue;
      for (GtkWidget *c = gtk_widget_get_first_child (gtk_widget_get_parent (bar)); c;
           c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_LABEL (c))
          words = c;
      g_assert_nonnull (words);
      g_assert_true (gtk_widget_compute_bounds (bar, list, &bar_box));
      g_assert_true (gtk_widget_compute_bounds (words, list, &words_box));
      g_assert_cmpfloat (bar_box.origin.x + bar_box.size.width, <=, words_box.origin.x);
      checked++;
    }

  return checked;
}

static void
test_sidebar_detail_fits (Fixture       *f,
                          gconstpointer  data)
{
  const struct { int width, height; const char *shot; } sizes[] = {
    { 1100, 760, "sidebar-default" },
    { 360, 600, "sidebar-smallest" },
  };
  gboolean ja = hubs_language_current () == HUBS_LANGUAGE_JA;

  /* Core-city hubs, the longest type: Sapporo with no actual yet, Fukuoka with one (its bar
   * and “… of 8 KPIs on track”). */
  type_and_enter (open_actual_field (f, "fukuoka", "fukuoka/valuation-10bn-yen", 2025), "3");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  g_assert_true (wait_for_label_containing (GTK_WIDGET (f->window),
                                            ja ? "中核都市型・KPI" : "Core-city model · 8 KPIs"));
  g_assert_true (wait_for_label_containing (GTK_WIDGET (f->window),
                                            ja ? "KPI 8件中" : "of 8 KPIs on track"));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *shot = g_strdup_printf ("window-%s-%s", sizes[i].shot, ja ? "ja" : "en");
      AdwLeaflet *leaflet;
      GtkWidget *list;
      GtkWidget *cut;

      gtk_window_set_default_size (GTK_WINDOW (f->window), sizes[i].width, sizes[i].height);
      hubs_test_wait_frames (GTK_WIDGET (f->window), 3);
      /* Folded to one pane, the sidebar is the pane that shows. */
      leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET));
      if (adw_leaflet_get_folded (leaflet))
        {
          gint64 deadline = hubs_test_deadline (10);

          gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
          do
            hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
          while (adw_leaflet_get_child_transition_running (leaflet) &&
                 g_get_monotonic_time () < deadline);
        }

      list = hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL);
      g_assert_true (gtk_widget_is_drawable (list));
      g_test_message ("%s: sidebar %d px wide", shot, gtk_widget_get_width (list));
      g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window), shot));

      cut = hubs_test_find_first (list, is_ellipsized_label, NULL);
      if (cut != NULL)
        g_error ("%s: “%s” is cut off", shot, gtk_label_get_text (GTK_LABEL (cut)));

      /* Fukuoka's bar lies beside its words, not over them. */
      g_assert_cmpuint (check_bars_beside_words (list), >, 0);
    }
}

static gboolean
is_visible_button_with_label (GtkWidget     *widget,
                              gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The first start: the hub page says no actual is in yet and how to start, and its rows say
 * “not entered yet” rather than a status; the first actual makes it a progress report. */
static void
test_first_start_empty_state (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *start;
  HubsFigureRow *row;

  activate_hub (f, "sapporo");
  hubs_test_spin (300);
  page = hubs_window_get_hub_page (f->window);
  g_assert_true (has_label_containing (page, _("No Actuals Entered Yet")));
  g_assert_true (gtk_widget_is_drawable (hubs_test_find_first (page, is_label_with_text,
                                                     _("No Actuals Entered Yet"))));
  g_assert_true (has_label (page, _("Not entered yet")));
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                             hubs_language_current () == HUBS_LANGUAGE_JA ? "window-first-start-ja"
                                                                          : "window-first-start-en"));

  /* Its button opens the first KPI, the cursor in the year to type. */
  start = hubs_test_find_first (page, is_visible_button_with_label, _("_Enter the First Actual"));
  g_assert_nonnull (start);
  g_signal_emit_by_name (start, "clicked");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_true (gtk_widget_is_drawable (hubs_window_get_kpi_editor (f->window)));

  row = HUBS_FIGURE_ROW (hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (hubs_window_get_kpi_editor (f->window)),
                                                          2025, HUBS_FIGURE_ACTUAL));
  type_and_enter (row, "160");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  hubs_test_spin (300);
  page = hubs_window_get_hub_page (f->window);
  g_assert_false (gtk_widget_is_drawable (hubs_test_find_first (page, is_label_with_text,
                                                      _("No Actuals Entered Yet"))));
}

/* The rows each frame shows, counted after it is painted. */
static void
count_rows_painted (GdkFrameClock *clock,
                    gpointer       data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n;

  collect_widgets (hubs_window_get_hub_page (f->window), HUBS_TYPE_KPI_ROW, rows);
  n = rows->len;
  g_array_append_val (f->painted, n);
}

/* A hub shown for the first time paints its first frame at once, without its KPI rows
 * below the overview; the rows come in the frames after, eight a frame, until all show. */
static void
test_rows_after_first_frame (Fixture       *f,
                             gconstpointer  data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  gint64 deadline = hubs_test_deadline (10);
  /* Nagano × Niigata has ten KPIs, Chubu nine: whichever the window does not show yet (the
   * settings remember the hub an earlier test left selected). */
  gboolean nagano = g_strcmp0 (hubs_window_get_hub_id (f->window), "nagano-niigata") != 0;
  gulong handler;

  f->painted = g_array_new (FALSE, FALSE, sizeof (guint));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_rows_painted), f);
  g_assert_true (hubs_window_select_hub (f->window, nagano ? "nagano-niigata" : "chubu"));
  while (f->painted->len < 4)
    {
      gtk_widget_queue_draw (GTK_WIDGET (f->window));
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_signal_handler_disconnect (clock, handler);

  g_assert_cmpuint (g_array_index (f->painted, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (f->painted, guint, 1), ==, 8);
  g_assert_cmpuint (g_array_index (f->painted, guint, 2), ==, nagano ? 10 : 9);
  g_clear_pointer (&f->painted, g_array_unref);
}

/* What test_long_sidebar_after_first_frame() saw of the sidebar's first frame. */
typedef struct
{
  GtkWidget *list;
  gboolean   painted;
  guint      rows;
} SidebarPaint;

static void
count_sidebar_rows_painted (GdkFrameClock *clock,
                            gpointer       data)
{
  SidebarPaint *paint = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (paint->painted)
    return;
  collect_widgets (paint->list, HUBS_TYPE_SIDEBAR_ROW, rows);
  paint->rows = rows->len;
  paint->painted = TRUE;
}

static void
watch_first_paint (GtkWidget    *window,
                   SidebarPaint *paint)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (count_sidebar_rows_painted), paint);
}

/* The id of the selected sidebar item, or NULL. */
static const char *
selected_hub_in_sidebar (GtkListView *list)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  HubsHubItem *item = gtk_single_selection_get_selected_item (selection);

  return item != NULL ? hubs_hub_item_get_id (item) : NULL;
}

/* With 300 hubs, the window's first frame has only the sidebar rows that can show, not the
 * two hundred the list view would make at once; the rest come in the frames after it. A hub
 * far down the list can be chosen before the first frame all the same. */
static void
test_long_sidebar_after_first_frame (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *path = hubs_test_path (dir, "hubs.sqlite3");
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  SidebarPaint paint = { NULL };
  g_autofree char *last = NULL;
  gboolean in_sight = FALSE;
  HubsWindow *window;
  GListModel *model;
  gint64 deadline;

  hubs_test_make_large_database (path, 300);
  store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  window = hubs_window_new (NULL, store);
  paint.list = hubs_test_find_first (GTK_WIDGET (window), is_hub_list, NULL);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (paint.list)));
  g_signal_connect_after (window, "realize", G_CALLBACK (watch_first_paint), &paint);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  deadline = hubs_test_deadline (10);
  while (!paint.painted)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_test_message ("first frame: %u sidebar rows", paint.rows);
  /* More rows than 800 pixels show, fewer than GTK makes for a whole list. */
  g_assert_cmpuint (paint.rows, >=, 16);
  g_assert_cmpuint (paint.rows, <=, 48);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)), &paint);

  /* The rest come: 300 hubs under their two headings. */
  while (g_list_model_get_n_items (model) < 302)
    {
      hubs_test_wait_frames (GTK_WIDGET (window), 1);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 302);
  {
    g_autoptr(HubsHubItem) item = g_list_model_get_item (model, 301);

    g_assert_false (hubs_hub_item_is_header (item));
    last = g_strdup (hubs_hub_item_get_id (item));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  hubs_test_spin (50);

  /* A second window, asked for the last hub before it paints anything, shows it. */
  window = hubs_window_new (NULL, store);
  paint.list = hubs_test_find_first (GTK_WIDGET (window), is_hub_list, NULL);
  g_assert_true (hubs_window_select_hub (window, last));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpstr (hubs_window_get_hub_id (window), ==, last);
  g_assert_cmpstr (selected_hub_in_sidebar (GTK_LIST_VIEW (paint.list)), ==, last);
  /* Its row is in sight. */
  collect_widgets (paint.list, HUBS_TYPE_SIDEBAR_ROW, rows);
  for (guint i = 0; i < rows->len && !in_sight; i++)
    {
      HubsHubItem *item = g_object_get_data (rows->pdata[i], "hubs-item");
      graphene_rect_t bounds;

      if (item == NULL || g_strcmp0 (hubs_hub_item_get_id (item), last) != 0)
        continue;
      g_assert_true (gtk_widget_compute_bounds (rows->pdata[i], paint.list, &bounds));
      in_sight = bounds.origin.y >= 0 &&
                 bounds.origin.y + bounds.size.height <= gtk_widget_get_height (paint.list);
    }
  g_assert_true (in_sight);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window),
                                     hubs_language_current () == HUBS_LANGUAGE_JA
                                       ? "window-300-hubs-last-ja" : "window-300-hubs-last-en"));

  /* The hub before it is one step up, from the keyboard's action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-hub", NULL);
  g_assert_cmpstr (hubs_window_get_hub_id (window), !=, last);
  g_assert_nonnull (hubs_window_get_hub_id (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  hubs_test_spin (50);
  g_assert_null (window);
  g_assert_finalize_object (g_steal_pointer (&store));
  hubs_test_remove_dir (dir);
}

static void
test_select_hub_shows_kpis (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  HubsKpiRow *gser;
  const char *title;

  activate_hub (f, "tokyo");
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "tokyo");

  /* The rows below the overview come in the frame after the first. */
  {
    gint64 deadline = hubs_test_deadline (30);

    do
      {
        g_main_context_iteration (NULL, FALSE);
        g_ptr_array_set_size (rows, 0);
        collect_widgets (hubs_window_get_hub_page (f->window), HUBS_TYPE_KPI_ROW, rows);
      }
    while (rows->len < 6 && g_get_monotonic_time () < deadline);
  }
  g_assert_cmpuint (rows->len, ==, 6);

  gser = find_kpi_row (f, "tokyo/gser-rank");
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gser));
  g_assert_nonnull (strstr (title, "GSER"));
  /* No actual yet: the row says so instead of inventing a status. */
  g_assert_cmpint (hubs_kpi_row_get_status (gser), ==, HUBS_STATUS_NOT_ASSESSABLE);

  /* Let the sidebar's summaries come in before the pictures. */
  hubs_test_spin (300);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window), g_getenv ("HUBS_SHOT_GLOBAL")));
  activate_hub (f, "nagano-niigata");
  hubs_test_spin (300);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window), g_getenv ("HUBS_SHOT_NEXT")));
}

static void
test_type_figure_saves (Fixture       *f,
                        gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "sapporo", "sapporo/startups", 2025);
  g_autoptr(HubsFigure) stored = NULL;

  type_and_enter (row, "１６０");
  g_assert_null (hubs_figure_row_get_error (row));

  stored = figure_on_disk (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_nonnull (stored);
  g_assert_cmpfloat (stored->value, ==, 160);
  g_assert_false (stored->confirmed);

  /* The row on the hub page shows the new actual and a status. */
  hubs_test_spin (300);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window), g_getenv ("HUBS_SHOT_EDITOR")));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  g_assert_cmpint (hubs_kpi_row_get_status (find_kpi_row (f, "sapporo/startups")), !=,
                   HUBS_STATUS_NOT_ASSESSABLE);
}

static void
test_unreadable_figure (Fixture       *f,
                        gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "tokyo", "tokyo/unicorns", 2026);
  g_autoptr(HubsFigure) stored = NULL;
  GtkEditable *entry = hubs_figure_row_get_entry (row);

  type_and_enter (row, "4");
  type_and_enter (row, "12a");

  g_assert_nonnull (hubs_figure_row_get_error (row));
  g_test_message ("error shown: %s", hubs_figure_row_get_error (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   hubs_figure_row_get_error (row));
  /* The typed text stays for the user to fix. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "12a");

  stored = figure_on_disk (f, "tokyo/unicorns", 2026, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 4);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window), g_getenv ("HUBS_SHOT_ERROR")));

  /* Leaving the field does not save it either. */
  gtk_widget_grab_focus (GTK_WIDGET (hubs_figure_row_get_entry (
    HUBS_FIGURE_ROW (hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (hubs_window_get_kpi_editor (f->window)),
                                                      2027, HUBS_FIGURE_ACTUAL)))));
  g_clear_pointer (&stored, hubs_figure_free);
  stored = figure_on_disk (f, "tokyo/unicorns", 2026, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 4);

  /* Fixed, it saves and the error goes. */
  type_and_enter (row, "5社");
  g_assert_null (hubs_figure_row_get_error (row));
  g_clear_pointer (&stored, hubs_figure_free);
  stored = figure_on_disk (f, "tokyo/unicorns", 2026, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 5);
}

/* Where the unit's label sits in the row, and how wide the field is. */
static void
measure_field (HubsFigureRow *row,
               double        *unit_x,
               int           *entry_width)
{
  GtkWidget *entry = GTK_WIDGET (hubs_figure_row_get_entry (row));
  GtkWidget *unit = gtk_widget_get_prev_sibling (entry);
  graphene_point_t point;

  g_assert_true (GTK_IS_LABEL (unit));
  g_assert_true (gtk_widget_compute_point (unit, GTK_WIDGET (row), &GRAPHENE_POINT_INIT (0, 0),
                                           &point));
  *unit_x = point.x;
  *entry_width = gtk_widget_get_width (entry);
}

/* A long error message, in a narrow window, neither shrinks the field nor moves its unit;
 * “not measured” is accepted as the English hint says. */
static void
test_error_keeps_field (Fixture       *f,
                        gconstpointer  data)
{
  HubsFigureRow *row;
  g_autoptr(HubsFigure) stored = NULL;
  double unit_x, unit_x_error;
  int width, width_error;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 860, 800);
  row = open_actual_field (f, "tokyo", "tokyo/unicorns", 2026);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  measure_field (row, &unit_x, &width);

  type_and_enter (row, "12a");
  g_assert_nonnull (hubs_figure_row_get_error (row));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  measure_field (row, &unit_x_error, &width_error);
  g_test_message ("unit at %.0f → %.0f, field %d → %d px", unit_x, unit_x_error, width,
                  width_error);
  g_assert_cmpint (width_error, ==, width);
  g_assert_cmpfloat (unit_x_error, ==, unit_x);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                             hubs_language_current () == HUBS_LANGUAGE_JA ? "window-error-narrow-ja"
                                                                          : "window-error-narrow-en"));

  type_and_enter (row, "Not measured");
  g_assert_null (hubs_figure_row_get_error (row));
  stored = figure_on_disk (f, "tokyo/unicorns", 2026, HUBS_FIGURE_ACTUAL);
  g_assert_nonnull (stored);
  g_assert_false (stored->measured);

  /* The hint names what to type in the reader's language. */
  g_assert_true (has_label_containing (hubs_window_get_kpi_editor (f->window),
                                       hubs_language_current () == HUBS_LANGUAGE_JA
                                       ? "未計測" : "not measured"));
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "kansai", "kansai/startups", 2025);
  g_autoptr(HubsFigure) stored = NULL;
  GtkEditable *entry = hubs_figure_row_get_entry (row);

  type_and_enter (row, "1,234");
  type_and_enter (row, "2,856");
  stored = figure_on_disk (f, "kansai/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 2856);
  g_clear_pointer (&stored, hubs_figure_free);

  /* The history tells the change in the reader's words, with the unit. */
  {
    g_autofree char *from = hubs_format_value (1234, "社", hubs_language_current ());
    g_autofree char *to = hubs_format_value (2856, "社", hubs_language_current ());
    g_autofree char *change = g_strdup_printf ("%s → %s", from, to);

    g_assert_true (has_label_containing (hubs_window_get_kpi_editor (f->window), change));
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  stored = figure_on_disk (f, "kansai/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 1234);
  g_clear_pointer (&stored, hubs_figure_free);
  /* The field shows the restored value. */
  {
    double shown;

    g_assert_true (hubs_parse_number (gtk_editable_get_text (entry), NULL, &shown, NULL));
    g_assert_cmpfloat (shown, ==, 1234);
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_null (figure_on_disk (f, "kansai/startups", 2025, HUBS_FIGURE_ACTUAL));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  stored = figure_on_disk (f, "kansai/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 1234);
}

static HubsKpi *
kpi_from_disk (Fixture    *f,
               const char *kpi_id)
{
  g_autoptr(HubsStore) store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, NULL);

  g_assert_nonnull (store);

  return hubs_store_get_kpi (store, kpi_id, NULL);
}

/* The editor's text field (an AdwEntryRow) whose text is @text. */
static AdwEntryRow *
find_field_with_text (Fixture    *f,
                      const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  AdwEntryRow *found = NULL;

  collect_widgets (hubs_window_get_kpi_editor (f->window), ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_editable_get_text (rows->pdata[i]), text) == 0)
      {
        g_assert_null (found);
        found = rows->pdata[i];
      }

  g_assert_nonnull (found);

  return found;
}

static void
apply_field (AdwEntryRow *row,
             const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* Change a KPI's unit from 社 to 件, then type 5件: it is read in the new unit, and the
 * field's unit label says 件. */
static void
test_unit_change_then_figure (Fixture       *f,
                              gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "sapporo", "sapporo/startups", 2025);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(HubsKpi) kpi = NULL;
  const char *shown_unit = hubs_format_unit ("件", hubs_language_current ());

  apply_field (find_field_with_text (f, "社"), "件");
  kpi = kpi_from_disk (f, "sapporo/startups");
  g_assert_cmpstr (kpi->unit, ==, "件");
  g_assert_true (has_label (GTK_WIDGET (row), shown_unit));

  type_and_enter (row, "5件");
  g_assert_null (hubs_figure_row_get_error (row));
  stored = figure_on_disk (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_nonnull (stored);
  g_assert_cmpfloat (stored->value, ==, 5);
}

/* Rename a KPI and press Ctrl+Z: the store and the name field both hold the old name. */
static void
test_rename_then_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HubsKpi) before = kpi_from_disk (f, "tokyo/unicorns");
  g_autoptr(HubsKpi) after = NULL;
  AdwEntryRow *field;

  open_actual_field (f, "tokyo", "tokyo/unicorns", 2025);
  field = find_field_with_text (f, before->name_ja);
  apply_field (field, "ユニコーン企業の数（改）");
  after = kpi_from_disk (f, "tokyo/unicorns");
  g_assert_cmpstr (after->name_ja, ==, "ユニコーン企業の数（改）");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_clear_pointer (&after, hubs_kpi_free);
  after = kpi_from_disk (f, "tokyo/unicorns");
  g_assert_cmpstr (after->name_ja, ==, before->name_ja);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, before->name_ja);
  if (hubs_i18n_is_japanese ())
    g_assert_true (has_label (hubs_window_get_kpi_editor (f->window), before->name_ja));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "ユニコーン企業の数（改）");
}

/* Change a choice (the direction) and press Ctrl+Z: the drop-down shows the old choice. */
static void
test_choice_then_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(HubsKpi) kpi = NULL;
  AdwComboRow *direction;

  open_actual_field (f, "kansai", "kansai/startups", 2025);
  /* Pillar, aggregation, direction, qualifier, in that order on the form. */
  collect_widgets (hubs_window_get_kpi_editor (f->window), ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, ==, 4);
  direction = combos->pdata[2];
  g_assert_cmpuint (adw_combo_row_get_selected (direction), ==, HUBS_DIRECTION_HIGHER);

  adw_combo_row_set_selected (direction, HUBS_DIRECTION_LOWER);
  kpi = kpi_from_disk (f, "kansai/startups");
  g_assert_cmpint (kpi->direction, ==, HUBS_DIRECTION_LOWER);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_clear_pointer (&kpi, hubs_kpi_free);
  kpi = kpi_from_disk (f, "kansai/startups");
  g_assert_cmpint (kpi->direction, ==, HUBS_DIRECTION_HIGHER);
  g_assert_cmpuint (adw_combo_row_get_selected (direction), ==, HUBS_DIRECTION_HIGHER);
  /* Showing the undone choice is not a new change: nothing more to undo. */
  g_assert_false (hubs_undo_stack_get_can_undo (hubs_window_get_undo_stack (f->window)));
}

/* An import lands a figure while its editor is open: the field, the chart and the hub page
 * show the imported value. */
static void
test_import_while_editing (Fixture       *f,
                           gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "sapporo", "sapporo/startups", 2025);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  HubsFigure *figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;
  const HubsChartData *chart;
  const HubsFigure *charted;
  double shown;
  guint n_changed = 0;

  type_and_enter (row, "160");

  figure->kpi_id = g_strdup ("sapporo/startups");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = 175;
  g_ptr_array_add (figures, figure);
  g_assert_true (hubs_store_apply_figures (f->store, figures, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);

  g_assert_true (hubs_parse_number (gtk_editable_get_text (hubs_figure_row_get_entry (row)), NULL,
                                    &shown, NULL));
  g_assert_cmpfloat (shown, ==, 175);

  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  chart = hubs_chart_view_get_data (HUBS_CHART_VIEW (find_widget (hubs_window_get_kpi_editor (f->window),
                                                                  HUBS_TYPE_CHART_VIEW)));
  charted = hubs_chart_kpi_get_figure (chart->kpis->pdata[0], HUBS_FIGURE_ACTUAL, 2025);
  g_assert_nonnull (charted);
  g_assert_cmpfloat (charted->value, ==, 175);

  /* Ctrl+Z now would undo the typed 160 over the imported 175: it says so and keeps 175. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  {
    g_autoptr(HubsFigure) stored = figure_on_disk (f, "sapporo/startups", 2025,
                                                   HUBS_FIGURE_ACTUAL);

    g_assert_cmpfloat (stored->value, ==, 175);
  }
}

/* A share of 1,234% cannot be right: refused, the typed text stays, nothing is stored. */
static void
test_impossible_figure (Fixture       *f,
                        gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "sapporo", "sapporo/global-business-share", 2025);

  type_and_enter (row, "1234");
  g_assert_nonnull (hubs_figure_row_get_error (row));
  g_test_message ("refused: %s", hubs_figure_row_get_error (row));
  g_assert_cmpstr (gtk_editable_get_text (hubs_figure_row_get_entry (row)), ==, "1234");
  g_assert_null (figure_on_disk (f, "sapporo/global-business-share", 2025, HUBS_FIGURE_ACTUAL));

  /* Enter again does not make it possible. */
  g_signal_emit_by_name (hubs_figure_row_get_entry (row), "activate");
  g_assert_null (figure_on_disk (f, "sapporo/global-business-share", 2025, HUBS_FIGURE_ACTUAL));

  type_and_enter (row, "12.5");
  g_assert_null (hubs_figure_row_get_error (row));
}

/* 12,856 startup visas against a plan of about 160: the field asks, and saves only when
 * the user presses Enter again; leaving the field does not confirm it. */
static void
test_unlikely_figure_confirmed (Fixture       *f,
                                gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "fukuoka", "fukuoka/startup-visas", 2025);
  GtkEditable *entry = hubs_figure_row_get_entry (row);
  g_autoptr(HubsFigure) stored = NULL;

  type_and_enter (row, "12856");
  g_assert_nonnull (hubs_figure_row_get_error (row));
  g_test_message ("asked: %s", hubs_figure_row_get_error (row));
  g_assert_null (figure_on_disk (f, "fukuoka/startup-visas", 2025, HUBS_FIGURE_ACTUAL));

  hubs_figure_row_save (row);
  g_assert_null (figure_on_disk (f, "fukuoka/startup-visas", 2025, HUBS_FIGURE_ACTUAL));

  g_signal_emit_by_name (entry, "activate");
  g_assert_null (hubs_figure_row_get_error (row));
  stored = figure_on_disk (f, "fukuoka/startup-visas", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_nonnull (stored);
  g_assert_cmpfloat (stored->value, ==, 12856);
}

/* Clicking a KPI's row in the hub's overview (or Enter on it) opens that KPI. */
static void
test_overview_opens_kpi (Fixture       *f,
                         gconstpointer  data)
{
  HubsChartView *overview;
  gboolean opened = FALSE;

  activate_hub (f, "sapporo");
  overview = HUBS_CHART_VIEW (find_widget (hubs_window_get_hub_page (f->window),
                                           HUBS_TYPE_CHART_VIEW));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);

  /* The marks in drawing order: the first that leads somewhere is the first KPI's row. */
  for (int i = 0; i < 500 && !opened; i++)
    opened = hubs_chart_view_activate_hit (overview, i);

  g_assert_true (opened);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpstr (hubs_kpi_editor_get_kpi_id (HUBS_KPI_EDITOR (hubs_window_get_kpi_editor (f->window))),
                   ==, "sapporo/startups");
  g_assert_true (gtk_widget_is_drawable (hubs_window_get_kpi_editor (f->window)));
}

static void
test_survives_restart (Fixture       *f,
                       gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "okinawa", "okinawa/funding-amount", 2025);

  type_and_enter (row, "73.7");
  close_window (f);

  open_window (f);
  /* The selected hub is remembered. */
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "okinawa");
  row = open_actual_field (f, "okinawa", "okinawa/funding-amount", 2025);
  {
    double shown;

    g_assert_true (hubs_parse_number (gtk_editable_get_text (hubs_figure_row_get_entry (row)),
                                      NULL, &shown, NULL));
    g_assert_cmpfloat (shown, ==, 73.7);
  }
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  open_actual_field (f, "fukuoka", "fukuoka/valuation-10bn-yen", 2025);
  g_assert_true (kpi_on_disk (f, "fukuoka/valuation-10bn-yen"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-kpi", NULL);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* Cancel first: nothing happens. */
  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (kpi_on_disk (f, "fukuoka/valuation-10bn-yen"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-kpi", NULL);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "delete");
  g_assert_false (kpi_on_disk (f, "fukuoka/valuation-10bn-yen"));
  g_assert_null (hubs_hub_page_find_kpi_row (HUBS_HUB_PAGE (hubs_window_get_hub_page (f->window)),
                                             "fukuoka/valuation-10bn-yen"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (kpi_on_disk (f, "fukuoka/valuation-10bn-yen"));
  g_assert_nonnull (hubs_hub_page_find_kpi_row (HUBS_HUB_PAGE (hubs_window_get_hub_page (f->window)),
                                                "fukuoka/valuation-10bn-yen"));
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

/* A toast shows @text (a toast waiting behind another one has no widget yet). */
static gboolean
toast_shows (Fixture    *f,
             const char *text)
{
  GtkWidget *overlay = find_widget (GTK_WIDGET (f->window), ADW_TYPE_TOAST_OVERLAY);

  /* Let a dismissed toast slide away and the next one come in. */
  hubs_test_spin (800);

  /* The toasts are the overlay's children beside the page it covers. */
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label;

      if (GTK_IS_STACK (child))
        continue;
      label = hubs_test_find_first (child, is_label_containing, text);
      if (label != NULL && gtk_widget_get_mapped (label))
        return TRUE;
    }

  return FALSE;
}

/* Ctrl+Z with the cursor still in the field, after a save: the save is undone, not the
 * typing behind it, and the toast says which figure went from what to what. */
static void
test_undo_from_field (Fixture       *f,
                      gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "kansai", "kansai/startups", 2025);
  GtkEditable *entry = hubs_figure_row_get_entry (row);
  g_autoptr(HubsFigure) stored = NULL;
  g_autofree char *from = hubs_format_value (1234, "社", hubs_language_current ());
  g_autofree char *to = hubs_format_value (2856, "社", hubs_language_current ());
  g_autofree char *change = g_strdup_printf ("%s → %s", from, to);
  g_autofree char *year = hubs_format_fiscal_year (2025, hubs_language_current ());
  double shown;

  type_and_enter (row, "1,234");
  type_and_enter (row, "2,856");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (entry))));
  /* The field keeps no typing history of its own, so Ctrl+Z reaches the window. */
  g_assert_false (gtk_editable_get_enable_undo (entry));

  gtk_widget_activate_action (GTK_WIDGET (entry), "win.undo", NULL);
  stored = figure_on_disk (f, "kansai/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 1234);
  g_assert_true (hubs_parse_number (gtk_editable_get_text (entry), NULL, &shown, NULL));
  g_assert_cmpfloat (shown, ==, 1234);
  g_assert_true (toast_shows (f, change));
  g_assert_true (toast_shows (f, year));
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                             hubs_language_current () == HUBS_LANGUAGE_JA ? "window-undo-toast-ja"
                                                                          : "window-undo-toast-en"));

  /* An unreadable value typed, then Ctrl+Z: the typing goes, and its error with it. */
  type_and_enter (row, "12a");
  g_assert_nonnull (hubs_figure_row_get_error (row));
  gtk_widget_activate_action (GTK_WIDGET (entry), "win.undo", NULL);
  g_assert_null (hubs_figure_row_get_error (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (hubs_parse_number (gtk_editable_get_text (entry), NULL, &shown, NULL));
  g_assert_cmpfloat (shown, ==, 1234);
  g_clear_pointer (&stored, hubs_figure_free);
  stored = figure_on_disk (f, "kansai/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 1234);

  /* The next Ctrl+Z takes back the first save: the field is empty, with no error. */
  gtk_widget_activate_action (GTK_WIDGET (entry), "win.undo", NULL);
  g_assert_null (figure_on_disk (f, "kansai/startups", 2025, HUBS_FIGURE_ACTUAL));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_null (hubs_figure_row_get_error (row));
}

/* After undoing a deletion, the toast that offered the undo is gone, and the new one says
 * what came back. */
static void
test_undo_delete_toast (Fixture       *f,
                        gconstpointer  data)
{
  const char *name;

  open_actual_field (f, "fukuoka", "fukuoka/valuation-10bn-yen", 2025);
  name = hubs_live_kpi_get_name (hubs_kpi_editor_get_kpi (HUBS_KPI_EDITOR (hubs_window_get_kpi_editor (f->window))));
  {
    g_autofree char *deleted = g_strdup_printf (_("Deleted “%s”"), name);
    g_autofree char *step = g_strdup_printf (_("deleting the KPI “%s”"), name);

    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-kpi", NULL);
    hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
    adw_message_dialog_response (find_dialog (), "delete");
    g_assert_true (toast_shows (f, deleted));

    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
    g_assert_true (kpi_on_disk (f, "fukuoka/valuation-10bn-yen"));
    g_assert_true (toast_shows (f, step));
    g_assert_false (toast_shows (f, deleted));
  }
}

static void
test_search_filters (Fixture       *f,
                     gconstpointer  data)
{
  GtkEditable *search = GTK_EDITABLE (find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY));
  g_autofree char *gser = NULL;
  g_autofree char *by_hub = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *all = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (search)) ||
                 gtk_widget_is_focus (GTK_WIDGET (search)) ||
                 gtk_widget_get_focus_child (GTK_WIDGET (search)) != NULL);

  /* A KPI name finds the KPI, under its hub; a hub name in either language finds the hub. */
  gtk_editable_set_text (search, "GSER");
  g_signal_emit_by_name (search, "search-changed");
  gser = sidebar_names (f);
  g_assert_cmpstr (gser, ==, "tokyo;tokyo/gser-rank;");

  /* Choosing the KPI opens it. */
  {
    GtkListView *list = GTK_LIST_VIEW (hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL));
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(HubsHubItem) item = g_list_model_get_item (model, i);

        if (g_strcmp0 (hubs_hub_item_get_id (item), "tokyo/gser-rank") == 0)
          g_signal_emit_by_name (list, "activate", i);
      }
    hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
    g_assert_cmpstr (hubs_kpi_editor_get_kpi_id (HUBS_KPI_EDITOR (hubs_window_get_kpi_editor (f->window))),
                     ==, "tokyo/gser-rank");
    g_assert_true (gtk_widget_is_drawable (hubs_window_get_kpi_editor (f->window)));
    g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "tokyo");
  }

  /* Former and other names of a hub find it. */
  {
    const char *former[][2] = {
      { "京阪神", "kansai;" }, { "仙台市", "tohoku;" }, { "広島県", "hiroshima;" },
      { "福岡市", "fukuoka;" }, { "keihanshin", "kansai;" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (former); i++)
      {
        g_autofree char *found = NULL;

        gtk_editable_set_text (search, former[i][0]);
        g_signal_emit_by_name (search, "search-changed");
        found = sidebar_names (f);
        g_test_message ("%s → %s", former[i][0], found);
        g_assert_true (g_str_has_prefix (found, former[i][1]));
      }
  }

  gtk_editable_set_text (search, "熊本");
  g_signal_emit_by_name (search, "search-changed");
  by_hub = sidebar_names (f);
  g_assert_cmpstr (by_hub, ==, "kumamoto;");

  gtk_editable_set_text (search, "okinawa");
  g_signal_emit_by_name (search, "search-changed");
  g_free (by_hub);
  by_hub = sidebar_names (f);
  /* Its hub, and under it the KPI whose English name says Okinawa. */
  g_assert_cmpstr (by_hub, ==, "okinawa;okinawa/startups-attracted;");

  /* Nothing found: the sidebar says so, and what was searched. */
  gtk_editable_set_text (search, "zzz-no-such-thing");
  g_signal_emit_by_name (search, "search-changed");
  nothing = sidebar_names (f);
  g_assert_cmpstr (nothing, ==, "");
  {
    GtkWidget *status = hubs_test_find_first (GTK_WIDGET (f->window), is_status_page_titled,
                                    _("No Results"));

    g_assert_nonnull (status);
    g_assert_true (gtk_widget_get_mapped (status));
    g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                              "zzz-no-such-thing"));
    g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                               hubs_language_current () == HUBS_LANGUAGE_JA ? "window-no-results-ja"
                                                                            : "window-no-results-en"));
  }

  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  all = sidebar_names (f);
  g_assert_cmpuint (strlen (all), >, 100);
}

static void
test_keyboard_hub_navigation (Fixture       *f,
                              gconstpointer  data)
{
  activate_hub (f, "fukuoka");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-hub", NULL);
  /* Past the NEXT heading, to the first NEXT hub. */
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "hokuriku");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-hub", NULL);
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "fukuoka");
}

/* The sidebar row that has the keyboard focus, or NULL. */
static GtkWidget *
focused_sidebar_row (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  if (focus == NULL || GTK_IS_LIST_VIEW (focus))
    return NULL;
  if (HUBS_IS_SIDEBAR_ROW (focus))
    return focus;
  return find_widget (focus, HUBS_TYPE_SIDEBAR_ROW);
}

/* The focus follows the selection (Alt+↓ moves both), and Tab leaves the list in one step
 * for the page, past no sidebar row and no text. */
static void
test_keyboard_focus (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *list = hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  GtkEventController *keys = NULL;
  GtkWidget *row;
  GtkWidget *focus;
  gboolean handled = FALSE;

  /* Alt+↓ with the focus on a hub of the list. */
  activate_hub (f, "tokyo");
  gtk_widget_grab_focus (list);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-hub", NULL);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "chubu");
  row = focused_sidebar_row (f);
  g_assert_nonnull (row);
  g_assert_true (has_label_containing (row, "中部") || has_label_containing (row, "Chubu"));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_test_message ("Tab from the list reaches a %s in a %s", G_OBJECT_TYPE_NAME (focus),
                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)));
  g_assert_true (gtk_widget_is_ancestor (focus, hubs_window_get_hub_page (f->window)));
  /* A control of the page: not selectable text, not the scrolled window around it. */
  g_assert_false (GTK_IS_LABEL (focus));
  g_assert_false (GTK_IS_SCROLLED_WINDOW (focus));
}


/* What the sidebar and the page say in one language, and not in the other: the hub's names,
 * the tier headings and the hub's type and progress. Tokyo: a global, wide-area hub with six
 * KPIs and no actual yet. */
static void
assert_window_language (Fixture      *f,
                        HubsLanguage  lang,
                        const HubsHub *tokyo)
{
  GtkWidget *list = hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL);
  GtkWidget *page = hubs_window_get_hub_page (f->window);
  gboolean ja = lang == HUBS_LANGUAGE_JA;

  g_assert_true (has_label (page, ja ? tokyo->consortium_ja : tokyo->consortium_en));
  g_assert_false (has_label (page, ja ? tokyo->consortium_en : tokyo->consortium_ja));
  g_assert_true (has_label (list, ja ? tokyo->name_ja : tokyo->name_en));
  g_assert_false (has_label (list, ja ? tokyo->name_en : tokyo->name_ja));

  g_assert_true (has_label (list, ja ? "グローバル拠点都市" : "Global Hub Cities"));
  g_assert_true (has_label (list, ja ? "NEXTグローバル拠点都市" : "NEXT Global Hub Cities"));
  g_assert_false (has_label (list, ja ? "Global Hub Cities" : "グローバル拠点都市"));

  g_assert_true (wait_for_label_containing (list, ja ? "広域都市圏型・KPI 6件・実績値未入力"
                                                     : "Wide-area model · 6 KPIs, no actuals yet"));
  g_assert_false (has_label_containing (list, ja ? "no actuals yet" : "実績値未入力"));

  /* The page's line under the consortium: tier and type. */
  g_assert_true (has_label_containing (page, ja ? "グローバル拠点都市・広域都市圏型"
                                                : "Global Hub Cities · Wide-area model"));
}

/* A switch of language in the preferences shows at once in the sidebar and on the page, in
 * both directions, without the sidebar's list being filled again. */
/* The KPI editor shows the unit the plan prints a figure in, marked and explained, and how
 * the plan was read; the hub page lists the members with 等 said of the list. */
static void
test_plan_words_in_editor (Fixture       *f,
                           gconstpointer  data)
{
  HubsLanguage lang = hubs_language_current ();
  gboolean ja = lang == HUBS_LANGUAGE_JA;
  HubsFigureRow *actual = open_actual_field (f, "tokyo", "tokyo/ecosystem-players", 2025);
  GtkWidget *editor = hubs_window_get_kpi_editor (f->window);
  GtkWidget *baseline = hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (editor), 2024,
                                                         HUBS_FIGURE_BASELINE);
  const char *reading = hubs_plan_get_reading (hubs_plan_get_builtin (),
                                               "tokyo/ecosystem-players", lang);
  GtkWidget *unit;

  g_assert_nonnull (baseline);
  /* The baseline is published as 12,856件, the targets in 名. */
  unit = hubs_test_find_first (baseline, is_label_with_text, ja ? "件※" : "cases*");
  g_assert_nonnull (unit);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (unit), ja ? "件" : "cases"));
  /* An actual is typed in the KPI's unit. */
  g_assert_true (has_label (GTK_WIDGET (actual), ja ? "名" : "people"));

  g_assert_nonnull (reading);
  g_assert_true (has_label (editor, reading));
  {
    /* Scrolled to the plan's figures and the reading, to look at. */
    GtkWidget *scrolled = gtk_widget_get_ancestor (baseline, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (baseline, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adj, at.y - 80);
    hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  }
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                                     ja ? "window-plan-unit-ja" : "window-plan-unit-en"));
  {
    GtkWidget *label = hubs_test_find_first (editor, is_label_with_text, reading);
    GtkWidget *scrolled = gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    /* The reading is near the end of the editor. */
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  }
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                                     ja ? "window-plan-reading-ja" : "window-plan-reading-en"));

  activate_hub (f, "tokyo");
  g_assert_true (has_label_containing (GTK_WIDGET (f->window),
                                       ja ? "横浜市、川崎市等" : "City of Yokohama, City of Kawasaki and others"));
}

/* The first edit asks who is entering the figures, once; every change then records them. */
static void
test_asks_who_once (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gboolean ja = hubs_language_current () == HUBS_LANGUAGE_JA;
  AdwMessageDialog *dialog;
  GtkWidget *name;
  GtkWidget *organisation;
  HubsFigureRow *row;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(HubsStore) store = NULL;

  g_settings_set_boolean (settings, HUBS_AUTHOR_KEY_ASKED, FALSE);
  row = open_actual_field (f, "fukuoka", "fukuoka/valuation-10bn-yen", 2025);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   ja ? "入力するのはどなたですか？" : "Who Is Entering the Figures?");
  /* Save takes a name. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  name = hubs_test_find_first (GTK_WIDGET (dialog), hubs_test_is_of_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "山田 花子");
  organisation = gtk_widget_get_next_sibling (name);
  g_assert_true (ADW_IS_ENTRY_ROW (organisation));
  gtk_editable_set_text (GTK_EDITABLE (organisation), "福岡市 スタートアップ推進課");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  /* The rows' titles move up as text arrives: the picture after they settle. */
  hubs_test_spin (400);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (dialog), ja ? "window-who-ja" : "window-who-en"));
  /* As a click on Save: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);

  type_and_enter (row, "3");
  store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, NULL);
  history = hubs_store_list_history (store, "fukuoka/valuation-10bn-yen", NULL);
  g_assert_nonnull (history);
  g_assert_cmpuint (history->len, >, 0);
  g_assert_cmpstr (((HubsHistoryEntry *) history->pdata[history->len - 1])->changed_by, ==,
                   "山田 花子");
  g_assert_cmpstr (((HubsHistoryEntry *) history->pdata[history->len - 1])->organisation, ==,
                   "福岡市 スタートアップ推進課");

  /* Once: the next KPI does not ask again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  open_actual_field (f, "fukuoka", "fukuoka/overseas-vc-funding", 2025);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_null (find_dialog ());
  g_settings_reset (settings, HUBS_AUTHOR_KEY_NAME);
  g_settings_reset (settings, HUBS_AUTHOR_KEY_ORGANISATION);
}

static void
test_language_switch_for_data (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HubsHub) tokyo = hubs_store_get_hub (f->store, "tokyo", NULL);
  GtkWidget *list = hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_autoptr(HubsHubItem) first = g_list_model_get_item (model, 0);
  const char *steps[] = { "ja", "en", "ja", "en" };

  activate_hub (f, "tokyo");

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(HubsHubItem) first_now = NULL;

      g_test_message ("language → %s", steps[i]);
      g_settings_set_string (settings, "language", steps[i]);
      hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
      g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "tokyo");
      assert_window_language (f, g_str_equal (steps[i], "ja") ? HUBS_LANGUAGE_JA
                                                              : HUBS_LANGUAGE_EN, tokyo);

      /* The rows showed the same items again: the list was not made anew. */
      first_now = g_list_model_get_item (model, 0);
      g_assert_true (first_now == first);
    }

  g_settings_reset (settings, "language");
}

static void
test_export_from_window (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *png = hubs_test_path (f->dir, "chart.png");
  g_autofree char *svg = hubs_test_path (f->dir, "chart.svg");
  g_autofree char *doc = hubs_test_path (f->dir, "chart.doc");
  g_autofree char *pdf = hubs_test_path (f->dir, "report.pdf");
  g_autofree char *out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  int status;

  open_actual_field (f, "tokyo", "tokyo/gser-rank", 2025);

  g_assert_true (hubs_window_export_chart_to (f->window, png, &error));
  g_assert_no_error (error);
  bytes = hubs_test_read_bytes (png);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_true (hubs_window_export_chart_to (f->window, svg, &error));
  bytes = hubs_test_read_bytes (svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), 200, "<svg"));

  /* An unknown kind of file is refused, and nothing is written. */
  g_assert_false (hubs_window_export_chart_to (f->window, doc, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (doc, G_FILE_TEST_EXISTS));

  /* The hub’s report: cover, contents, three pages of national summary, the overview, then
   * one page per KPI. */
  g_assert_true (hubs_window_export_report_to (f->window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Pages:           12"));
}


static void
test_read_only_database (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsFigure) stored = NULL;
  HubsFigureRow *row;

  /* Reopen the same file for viewing only. */
  close_window (f);
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  f->window = hubs_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);

  /* Adding a KPI is not offered: its button is greyed out; asked for anyway, nothing lands. */
  g_assert_false (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (f->window),
                                                                "win.add-kpi")));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-kpi", NULL);
  g_assert_false (kpi_on_disk (f, "sapporo/kpi-1"));

  row = open_actual_field (f, "sapporo", "sapporo/startups", 2025);
  type_and_enter (row, "160");

  /* The field says why, keeps what was typed, and nothing lands. */
  g_assert_nonnull (hubs_figure_row_get_error (row));
  g_test_message ("read-only: %s", hubs_figure_row_get_error (row));
  g_assert_cmpstr (gtk_editable_get_text (hubs_figure_row_get_entry (row)), ==, "160");
  g_assert_null (figure_on_disk (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL));
}

static void
test_page_keeps_scroll_on_change (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *scroller;

  /* The hub has an actual already: the page's "no actuals yet" note, above the rows, is gone
   * before the reader scrolls, and only the row changed can move. */
  figure->kpi_id = g_strdup ("nagano-niigata/niigata-entrepreneurs");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = 200;
  g_assert_true (hubs_store_set_figure (f->store, figure, &error));
  g_assert_no_error (error);
  g_clear_pointer (&figure->kpi_id, g_free);

  activate_hub (f, "nagano-niigata");
  hubs_test_spin (100);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);

  scroller = find_widget (hubs_window_get_hub_page (f->window), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* Well inside the page, so that neither end holds the value where it is. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) -
                     gtk_adjustment_get_page_size (adjustment), >, 600 + 200);
  gtk_adjustment_set_value (adjustment, 600);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);

  /* A change to the hub (here from another part of the program) rebuilds the page in place. */
  figure->kpi_id = g_strdup ("nagano-niigata/startups");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->value = 250;
  g_assert_true (hubs_store_set_figure (f->store, figure, &error));
  g_assert_no_error (error);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);

  /* The page shows the new figure (a change that had not arrived would prove nothing)... */
  {
    gint64 deadline = hubs_test_deadline (10);

    while (!hubs_test_find_label_containing (hubs_window_get_hub_page (f->window), "250") &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (hubs_test_find_label_containing (hubs_window_get_hub_page (f->window), "250"));
  }
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);

  /* ...where the reader was, give or take a row that grew by the new figure's line. */
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), 600, 40);
}

static HubsHubDialog *
find_hub_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HUBS_IS_HUB_DIALOG (window))
        return HUBS_HUB_DIALOG (window);
    }

  return NULL;
}

/* The sidebar as a person reads it: each heading ("#0" global, "#1" NEXT), then its hubs. */
static char *
sidebar_outline (Fixture *f)
{
  GtkListView *list = GTK_LIST_VIEW (hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GString *outline = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (model, i);

      if (hubs_hub_item_is_header (item))
        g_string_append_printf (outline, "#%u;", hubs_hub_item_get_tier (item));
      else
        g_string_append_printf (outline, "%s;", hubs_hub_item_get_id (item));
    }

  return g_string_free (outline, FALSE);
}

static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* A hub whose tier is changed in the hub dialog moves under the other heading at once, stays
 * selected, and moves back with undo. */
static void
test_edit_hub_tier_moves_row (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  HubsHubDialog *dialog;
  GtkWidget *tier;
  GtkWidget *list;

  before = sidebar_outline (f);
  g_assert_nonnull (strstr (before, "#0;sapporo;tohoku;tokyo;chubu;"));
  activate_hub (f, "tokyo");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-hub", NULL);
  dialog = find_hub_dialog ();
  g_assert_nonnull (dialog);
  tier = hubs_test_find_first (GTK_WIDGET (dialog), is_combo_row_titled, _("Tier"));
  g_assert_nonnull (tier);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tier), HUBS_TIER_NEXT_GLOBAL);
  /* On a file the hub is stored at once, and the dialog closes. */
  hubs_hub_dialog_save (dialog);
  g_assert_null (find_hub_dialog ());

  after = sidebar_outline (f);
  g_test_message ("%s", after);
  g_assert_nonnull (strstr (after, "#0;sapporo;tohoku;chubu;"));
  g_assert_nonnull (strstr (after, "#1;"));
  g_assert_true (strstr (after, "tokyo;") > strstr (after, "#1;"));
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "tokyo");

  /* And on screen: the row is drawn, under the NEXT heading. */
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  list = hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL);
  {
    g_autoptr(HubsHub) tokyo = hubs_store_get_hub (f->store, "tokyo", NULL);
    const char *name = hubs_language_current () == HUBS_LANGUAGE_JA ? tokyo->name_ja
                                                                    : tokyo->name_en;
    const char *next = hubs_tier_get_label (HUBS_TIER_NEXT_GLOBAL);
    GtkWidget *row = hubs_test_find_first (list, is_label_with_text, name);
    GtkWidget *heading = hubs_test_find_first (list, is_label_with_text, next);
    graphene_point_t row_at, heading_at;

    g_assert_nonnull (row);
    g_assert_nonnull (heading);
    g_assert_true (gtk_widget_compute_point (row, list, &GRAPHENE_POINT_INIT (0, 0), &row_at));
    g_assert_true (gtk_widget_compute_point (heading, list, &GRAPHENE_POINT_INIT (0, 0),
                                             &heading_at));
    g_assert_cmpfloat (row_at.y, >, heading_at.y);
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  undone = sidebar_outline (f);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_add_and_edit_hub (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsHub) hub = NULL;
  g_autofree char *names = NULL;
  HubsHubDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-hub", NULL);
  dialog = find_hub_dialog ();
  g_assert_nonnull (dialog);
  hubs_hub_dialog_set_field (dialog, "name_ja", "試験市");
  hubs_hub_dialog_set_field (dialog, "name_en", "Test City");
  hubs_hub_dialog_set_field (dialog, "consortium_ja", "試験コンソーシアム");
  hubs_hub_dialog_set_field (dialog, "members_ja", "試験県、試験市");
  /* On a file the hub is stored at once, and the dialog closes. */
  hubs_hub_dialog_save (dialog);
  g_assert_null (find_hub_dialog ());

  names = sidebar_names (f);
  g_assert_nonnull (strstr (names, "test-city;"));
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "test-city");
  /* A hub without KPIs shows an empty state that says what to do, and its sidebar row
   * says it has none, not “0 of 0”. */
  g_assert_true (gtk_widget_is_drawable (find_widget (hubs_window_get_hub_page (f->window),
                                                      ADW_TYPE_STATUS_PAGE)));
  hubs_test_spin (300);
  g_assert_true (has_label_containing (GTK_WIDGET (f->window), _("No KPIs yet")));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-hub", NULL);
  dialog = find_hub_dialog ();
  hubs_hub_dialog_set_field (dialog, "name_en", "Test City Renamed");
  hubs_hub_dialog_save (dialog);
  g_assert_null (find_hub_dialog ());

  hub = hubs_store_get_hub (f->store, "test-city", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub->name_en, ==, "Test City Renamed");
  g_assert_cmpstr (hub->members_ja, ==, "試験県\n試験市");
  g_clear_pointer (&hub, hubs_hub_free);

  /* Hub edits go through the undo stack like every other change: the rename, then the
   * addition, are taken back one by one, and brought back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  hub = hubs_store_get_hub (f->store, "test-city", &error);
  g_assert_cmpstr (hub->name_en, ==, "Test City");
  g_clear_pointer (&hub, hubs_hub_free);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_null (hubs_store_get_hub (f->store, "test-city", NULL));
  g_clear_pointer (&names, g_free);
  names = sidebar_names (f);
  g_assert_null (strstr (names, "test-city;"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_clear_pointer (&names, g_free);
  names = sidebar_names (f);
  g_assert_nonnull (strstr (names, "test-city;"));
}

static guint
kpi_count_on_disk (Fixture    *f,
                   const char *hub_id)
{
  g_autoptr(HubsStore) store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, hub_id, NULL);

  return kpis ? kpis->len : 0;
}

/* Delete a hub city, after a confirmation, and undo it: it comes back whole. */
static void
test_delete_hub_and_undo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HubsFigure) figure = NULL;
  g_autofree char *names = NULL;
  AdwMessageDialog *dialog;
  guint n_kpis = kpi_count_on_disk (f, "okinawa");
  HubsFigureRow *row;

  g_assert_cmpuint (n_kpis, >, 0);
  row = open_actual_field (f, "okinawa", "okinawa/startups", 2025);
  type_and_enter (row, "12");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-hub", NULL);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (kpi_count_on_disk (f, "okinawa"), ==, n_kpis);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-hub", NULL);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  adw_message_dialog_response (find_dialog (), "delete");
  g_assert_cmpuint (kpi_count_on_disk (f, "okinawa"), ==, 0);
  names = sidebar_names (f);
  g_assert_null (strstr (names, "okinawa;"));
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), !=, "okinawa");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (kpi_count_on_disk (f, "okinawa"), ==, n_kpis);
  figure = figure_on_disk (f, "okinawa/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_nonnull (figure);
  g_assert_cmpfloat (figure->value, ==, 12);
  g_clear_pointer (&names, g_free);
  names = sidebar_names (f);
  g_assert_nonnull (strstr (names, "okinawa;"));
  g_assert_true (hubs_window_select_hub (f->window, "okinawa"));
  g_assert_nonnull (hubs_hub_page_find_kpi_row (HUBS_HUB_PAGE (hubs_window_get_hub_page (f->window)),
                                                "okinawa/startups"));
}

/* The longest toasts the application shows are read whole, not cut off, in a window as
 * narrow as the sidebar and a page allow. */
static void
test_toasts_not_cut_off (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Imported %u figure (backed up first)",
                                                            "Imported %u figures (backed up first)",
                                                            1234), 1234u);
  const char *messages[] = { imported, _("Backup restored (the state before is kept)") };

  gtk_window_set_default_size (GTK_WINDOW (f->window), 760, 700);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      const char *message = messages[i];
      GtkWidget *overlay = find_widget (GTK_WIDGET (f->window), ADW_TYPE_TOAST_OVERLAY);
      GtkWidget *label = NULL;

      /* Past the time a toast is replaced rather than queued. */
      hubs_test_spin (2100);
      hubs_window_add_toast (f->window, message, FALSE);
      g_assert_true (toast_shows (f, message));
      for (GtkWidget *child = gtk_widget_get_first_child (overlay); child && !label;
           child = gtk_widget_get_next_sibling (child))
        if (!GTK_IS_STACK (child))
          label = hubs_test_find_first (child, is_label_containing, message);
      g_assert_nonnull (label);
      {
        int natural;

        gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
        g_test_message ("“%s”: %d of %d px", message, gtk_widget_get_width (label), natural);
        g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
        g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
      }
    }
}

/* A window without a database (it was damaged): nothing that needs one is offered, and the
 * page offers the backup and another file. */
static void
test_no_database (void)
{
  HubsWindow *window = hubs_window_new (NULL, NULL);
  GtkWidget *button;

  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (GTK_WIDGET (window), 2);

  for (guint i = 0; i < 2; i++)
    {
      const char *actions[] = { "win.add-kpi", "win.present" };

      button = find_action_button (GTK_WIDGET (window), actions[i]);
      g_assert_nonnull (button);
      g_assert_false (gtk_widget_is_sensitive (button));
    }
  g_assert_nonnull (find_action_button (GTK_WIDGET (window), "app.restore-backup"));
  g_assert_nonnull (find_action_button (GTK_WIDGET (window), "app.open-database"));
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window), "window-no-database"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every shortcut the window binds is in the shortcuts window. */
static void
test_shortcuts_window_complete (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/com/example/Hubs/ui/hubs-shortcuts-window.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(GString) listed = g_string_new (";");
  const char *expected[] = { "<Control>e", "<Shift><Control>e", "<Control>f", "<Control>z",
                             "<Shift><Control>z", "F5", "<Control>n" };

  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        guint key;
        GdkModifierType mods;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        if (accelerator != NULL && gtk_accelerator_parse (accelerator, &key, &mods))
          {
            g_autofree char *name = gtk_accelerator_name (key, mods);

            g_string_append_printf (listed, "%s;", name);
          }
      }

  g_test_message ("listed: %s", listed->str);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *needle = g_strdup_printf (";%s;", expected[i]);

      g_assert_nonnull (strstr (listed->str, needle));
    }
}

/* Ctrl+? shows the keyboard shortcuts over the window, in the window's language. They are
 * built then, not with each window, and go with it. */
static void
test_shortcuts_window_opens (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GtkShortcut) found = hubs_test_find_shortcut (GTK_WIDGET (f->window),
                                                          "win.show-help-overlay");
  g_autofree char *trigger = NULL;
  g_autofree char *shot = NULL;
  gboolean ja = hubs_language_current () == HUBS_LANGUAGE_JA;
  GtkWidget *shortcuts;

  g_assert_nonnull (found);
  trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (found));
  g_assert_cmpstr (trigger, ==, "<Control>question");

  g_assert_null (hubs_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (found), 0,
                                               GTK_WIDGET (f->window), NULL));
  shortcuts = hubs_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) ==
                 GTK_WINDOW (f->window));
  hubs_test_wait_frames (shortcuts, 3);
  g_assert_true (gtk_widget_get_mapped (shortcuts));
  g_assert_true (hubs_test_find_label_containing (shortcuts, ja ? "拠点都市" : "Hub Cities"));
  shot = hubs_test_save_screenshot (shortcuts, ja ? "shortcuts-window-ja" : "shortcuts-window-en");

  /* Asked for again, the same window. */
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (found), 0,
                                               GTK_WIDGET (f->window), NULL));
  hubs_test_wait_frames (shortcuts, 1);
  g_assert_null (hubs_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, shortcuts));

  /* Closed with the window. */
  g_object_add_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &shortcuts);
  close_window (f);
  g_assert_null (shortcuts);
}

typedef struct
{
  gboolean presented;
  guint    n_hubs;
  /* Whether GTK built the shortcuts window with the window (it should wait for Ctrl+?). */
  gboolean shortcuts_built;
} AppCheck;

typedef struct
{
  AppCheck  *check;
  GtkWindow *window;
} PendingCheck;

static gboolean
check_app_window_idle (gpointer data)
{
  g_autofree PendingCheck *pending = data;
  g_autofree char *names = NULL;
  Fixture f = { 0 };

  hubs_test_wait_frames (GTK_WIDGET (pending->window), 2);
  pending->check->presented = gtk_widget_get_mapped (GTK_WIDGET (pending->window));
  pending->check->shortcuts_built =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (pending->window)) != NULL;
  f.window = HUBS_WINDOW (pending->window);
  names = sidebar_names (&f);
  for (const char *p = names; *p; p++)
    if (*p == ';')
      pending->check->n_hubs++;

  gtk_window_destroy (pending->window);

  return G_SOURCE_REMOVE;
}

/* The window is added before it is presented: look at it once the application is idle. */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 AppCheck       *check)
{
  PendingCheck *pending = g_new0 (PendingCheck, 1);

  g_assert_true (HUBS_IS_WINDOW (window));
  pending->check = check;
  pending->window = window;
  g_idle_add (check_app_window_idle, pending);
}

static void
test_app_starts_on_temp_database (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autoptr(HubsApplication) app = hubs_application_new ();
  char *argv[] = { (char *) "hubs", db_arg, NULL };
  AppCheck check = { FALSE, 0, FALSE };
  int status;

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &check);
  status = g_application_run (G_APPLICATION (app), 2, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.presented);
  g_assert_cmpuint (check.n_hubs, ==, 13);
  g_assert_false (check.shortcuts_built);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  hubs_test_remove_dir (dir);
}

/* Another program changes the figure while the user types over it, on the same file: the
 * typed text stays, Enter says who changed it, when and to what, and the user keeps theirs
 * or saves over it (which the history records). */
static void
test_conflict_with_another_program (Fixture       *f,
                                    gconstpointer  data)
{
  HubsFigureRow *row = open_actual_field (f, "sapporo", "sapporo/startups", 2025);
  GtkEditable *entry = hubs_figure_row_get_entry (row);
  g_autoptr(HubsStore) other = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsFigure) theirs = hubs_test_make_actual ("sapporo/startups", 2025, 165);
  g_autoptr(HubsFigure) again = hubs_test_make_actual ("sapporo/startups", 2025, 168);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *over = NULL;

  type_and_enter (row, "160");
  hubs_store_set_author (other, "佐藤花子", "福岡市");

  gtk_editable_set_text (entry, "170");
  g_assert_true (hubs_store_set_figure (other, theirs, &error));
  g_assert_no_error (error);
  /* The window reads the other program's change (its look comes once a second)… */
  hubs_test_spin (HUBS_STORE_WATCH_INTERVAL + 500);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "170");
  /* …and Enter on the typed figure says whose change it would overwrite. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (hubs_figure_row_get_error (row));
  g_test_message ("conflict: %s", hubs_figure_row_get_error (row));
  g_assert_nonnull (strstr (hubs_figure_row_get_error (row), "佐藤花子"));
  g_assert_nonnull (strstr (hubs_figure_row_get_error (row), "165"));
  gtk_widget_activate_action (GTK_WIDGET (row), "figure.keep-theirs", NULL);
  g_assert_null (hubs_figure_row_get_error (row));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "165");

  /* Typed over 165 while the other program stores 168, Enter before the window looked. */
  gtk_editable_set_text (entry, "172");
  g_assert_true (hubs_store_set_figure (other, again, &error));
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (strstr (hubs_figure_row_get_error (row), "168"));
  gtk_widget_activate_action (GTK_WIDGET (row), "figure.save-anyway", NULL);
  g_assert_null (hubs_figure_row_get_error (row));
  stored = figure_on_disk (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 172);
  over = hubs_test_query_text (f->path, "SELECT old_value || ' ' || new_value FROM history "
                                        "WHERE field = 'saved-over'");
  g_assert_cmpstr (over, ==, "168 佐藤花子 (福岡市)");

  /* Undo brings theirs back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_clear_pointer (&stored, hubs_figure_free);
  stored = figure_on_disk (f, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL);
  g_assert_cmpfloat (stored->value, ==, 168);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/window/starts-with-sidebar", test_starts_with_sidebar);
  ADD ("/hubs/window/select-hub-shows-kpis", test_select_hub_shows_kpis);
  ADD ("/hubs/window/rows-after-first-frame", test_rows_after_first_frame);
  ADD ("/hubs/window/first-start-empty-state", test_first_start_empty_state);
  ADD ("/hubs/window/sidebar-detail-fits", test_sidebar_detail_fits);
  ADD ("/hubs/window/type-figure-saves", test_type_figure_saves);
  ADD ("/hubs/window/unreadable-figure", test_unreadable_figure);
  ADD ("/hubs/window/undo-redo", test_undo_redo);
  ADD ("/hubs/window/error-keeps-field", test_error_keeps_field);
  ADD ("/hubs/window/overview-opens-kpi", test_overview_opens_kpi);
  ADD ("/hubs/window/impossible-figure", test_impossible_figure);
  ADD ("/hubs/window/unlikely-figure-confirmed", test_unlikely_figure_confirmed);
  ADD ("/hubs/window/unit-change-then-figure", test_unit_change_then_figure);
  ADD ("/hubs/window/rename-then-undo", test_rename_then_undo);
  ADD ("/hubs/window/choice-then-undo", test_choice_then_undo);
  ADD ("/hubs/window/import-while-editing", test_import_while_editing);
  ADD ("/hubs/window/survives-restart", test_survives_restart);
  ADD ("/hubs/window/delete-and-undo", test_delete_and_undo);
  ADD ("/hubs/window/undo-from-field", test_undo_from_field);
  ADD ("/hubs/window/undo-delete-toast", test_undo_delete_toast);
  ADD ("/hubs/window/search-filters", test_search_filters);
  ADD ("/hubs/window/keyboard-hub-navigation", test_keyboard_hub_navigation);
  ADD ("/hubs/window/keyboard-focus", test_keyboard_focus);
  ADD ("/hubs/window/shortcuts-window-complete", test_shortcuts_window_complete);
  ADD ("/hubs/window/shortcuts-window-opens", test_shortcuts_window_opens);
  ADD ("/hubs/window/toasts-not-cut-off", test_toasts_not_cut_off);
  ADD ("/hubs/window/add-and-edit-hub", test_add_and_edit_hub);
  ADD ("/hubs/window/edit-hub-tier-moves-row", test_edit_hub_tier_moves_row);
  ADD ("/hubs/window/delete-hub-and-undo", test_delete_hub_and_undo);
  ADD ("/hubs/window/export-from-window", test_export_from_window);
  ADD ("/hubs/window/read-only-database", test_read_only_database);
  ADD ("/hubs/window/page-keeps-scroll-on-change", test_page_keeps_scroll_on_change);
  ADD ("/hubs/window/language-switch-for-data", test_language_switch_for_data);
  ADD ("/hubs/window/plan-words-in-editor", test_plan_words_in_editor);
  ADD ("/hubs/window/asks-who-once", test_asks_who_once);
  ADD ("/hubs/window/conflict-with-another-program", test_conflict_with_another_program);
  g_test_add_func ("/hubs/window/app-starts-on-temp-database", test_app_starts_on_temp_database);
  g_test_add_func ("/hubs/window/no-database", test_no_database);
  g_test_add_func ("/hubs/window/long-sidebar-after-first-frame",
                   test_long_sidebar_after_first_frame);

#undef ADD

  return g_test_run ();
}
