/* test-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart widget in a real window: it follows the store, takes its colours from the style,
 * tells its numbers to assistive technologies and shows exact figures on focus.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "hubs-chart-view.h"
#include "hubs-test-demo.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"

typedef struct
{
  char          *dir;
  HubsStore     *store;
  HubsLiveModel *model;
  GtkWindow     *window;
  GtkWidget     *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = hubs_test_make_dir ();
  path = hubs_test_path (f->dir, "hubs.sqlite3");
  f->store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  hubs_test_demo_fill (f->store, "sapporo");
  f->model = hubs_live_model_new (f->store, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 450);
  f->view = hubs_chart_view_new (HUBS_CHART_TRAJECTORY);
  gtk_window_set_child (f->window, f->view);
  hubs_chart_view_set_live_kpi (HUBS_CHART_VIEW (f->view),
                                hubs_live_model_lookup_hub (f->model, "sapporo"),
                                hubs_live_model_lookup_kpi (f->model, "sapporo/startups", NULL));
  gtk_window_present (f->window);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  gtk_window_destroy (f->window);
  hubs_test_spin (50);
  /* The view let go of everything: the window's end finalized it, and the store goes now. */
  g_assert_null (f->view);
  g_assert_finalize_object (f->model);
  g_assert_finalize_object (f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  HubsChartView *view = HUBS_CHART_VIEW (f->view);
  const HubsChartKpi *ck;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck = g_ptr_array_index (hubs_chart_view_get_data (view)->kpis, 0);
  g_assert_cmpfloat (ck->progress.actual, ==, 185);
  before = hubs_chart_view_get_description (view);
  g_assert_nonnull (strstr (before, "185 companies (provisional)"));

  /* A figure saved elsewhere shows at once. */
  hubs_test_demo_set (f->store, "sapporo/startups", 2027, 230, TRUE);
  ck = g_ptr_array_index (hubs_chart_view_get_data (view)->kpis, 0);
  g_assert_cmpint (ck->progress.actual_year, ==, 2027);
  g_assert_cmpfloat (ck->progress.actual, ==, 230);
  after = hubs_chart_view_get_description (view);
  g_assert_nonnull (strstr (after, "FY2027 230 companies"));

  /* Another KPI's change leaves it alone. */
  hubs_test_demo_set (f->store, "tokyo/unicorns", 2025, 3, TRUE);
  g_assert_true (g_ptr_array_index (hubs_chart_view_get_data (view)->kpis, 0) == ck);

  hubs_test_wait_frames (f->view, 1);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window), "chart-view-trajectory"));
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  HubsChartView *view = HUBS_CHART_VIEW (f->view);
  guint count = 0;

  g_signal_connect (view, "notify::show-title", G_CALLBACK (on_notify), &count);
  hubs_chart_view_set_show_title (view, TRUE);
  hubs_chart_view_set_show_title (view, TRUE);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (hubs_chart_view_get_show_title (view));

  count = 0;
  g_signal_connect (view, "notify::kind", G_CALLBACK (on_notify), &count);
  hubs_chart_view_set_kind (view, HUBS_CHART_BULLET);
  hubs_chart_view_set_kind (view, HUBS_CHART_BULLET);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (hubs_chart_view_get_data (view)->kind, ==, HUBS_CHART_BULLET);

  count = 0;
  g_signal_connect (view, "notify::font-size", G_CALLBACK (on_notify), &count);
  hubs_chart_view_set_font_size (view, 0);
  hubs_chart_view_set_font_size (view, 0);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_keyboard_focus (Fixture       *f,
                     gconstpointer  data)
{
  HubsChartView *view = HUBS_CHART_VIEW (f->view);
  g_autofree char *text = NULL;
  gboolean found_target = FALSE;

  g_assert_true (gtk_widget_get_focusable (f->view));
  g_assert_true (gtk_widget_grab_focus (f->view));
  hubs_test_wait_frames (f->view, 1);

  /* Walk the marks as the arrow keys do, until the FY2029 target. */
  for (int i = 0; i < 12 && !found_target; i++)
    {
      g_clear_pointer (&text, g_free);
      hubs_chart_view_set_focus_index (view, i);
      text = hubs_chart_view_get_focus_text (view);
      if (text != NULL && strcmp (text, "FY2029 target: 300 companies") == 0)
        found_target = TRUE;
    }
  g_assert_true (found_target);

  /* An out-of-range mark is no mark. */
  hubs_chart_view_set_focus_index (view, 1000);
  g_assert_cmpint (hubs_chart_view_get_focus_index (view), ==, -1);
  g_assert_null (hubs_chart_view_get_focus_text (view));
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Number of startups (cumulative)");
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (f->view),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
test_dark_style (Fixture       *f,
                 gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const HubsChartTheme *theme;
  double luminance;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  hubs_test_wait_frames (f->view, 2);
  theme = hubs_chart_view_get_theme (HUBS_CHART_VIEW (f->view));
  luminance = 0.2126 * theme->background.red + 0.7152 * theme->background.green +
              0.0722 * theme->background.blue;
  g_assert_cmpfloat (luminance, <, 0.3);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window), "chart-view-trajectory-dark"));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  hubs_test_wait_frames (f->view, 2);
  theme = hubs_chart_view_get_theme (HUBS_CHART_VIEW (f->view));
  luminance = 0.2126 * theme->background.red + 0.7152 * theme->background.green +
              0.0722 * theme->background.blue;
  g_assert_cmpfloat (luminance, >, 0.7);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_overview_and_comparison (Fixture       *f,
                              gconstpointer  data)
{
  HubsChartView *view = HUBS_CHART_VIEW (f->view);
  g_autofree char *overview = NULL;
  g_autofree char *comparison = NULL;

  hubs_chart_view_set_kind (view, HUBS_CHART_HUB_OVERVIEW);
  hubs_chart_view_set_live_hub (view, hubs_live_model_lookup_hub (f->model, "sapporo"));
  overview = hubs_chart_view_get_description (view);
  g_assert_true (g_str_has_prefix (overview, "Sapporo & Hokkaido: progress of the KPIs."));
  gtk_window_set_default_size (f->window, 1000, 640);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window), "chart-view-overview"));

  hubs_chart_view_set_kind (view, HUBS_CHART_COMPARISON);
  hubs_chart_view_set_live_comparison (view, f->model);
  comparison = hubs_chart_view_get_description (view);
  g_assert_nonnull (strstr (comparison, "1. Sapporo & Hokkaido"));
}

/* The chart's own picture among the nodes of a frame. */
static GskRenderNode *
find_cairo_node (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CAIRO_NODE:
      return node;

    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GskRenderNode *found = find_cairo_node (gsk_container_node_get_child (node, i));

          if (found != NULL)
            return found;
        }
      return NULL;

    case GSK_TRANSFORM_NODE:
      return find_cairo_node (gsk_transform_node_get_child (node));

    case GSK_CLIP_NODE:
      return find_cairo_node (gsk_clip_node_get_child (node));

    case GSK_DEBUG_NODE:
      return find_cairo_node (gsk_debug_node_get_child (node));

    default:
      return NULL;
    }
}

/* The picture of the chart in @view's last frame, and the frame's pixels in @pixels. */
static GskRenderNode *
chart_picture (GtkWidget  *view,
               GBytes    **pixels)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;
  GskRenderNode *chart;
  guchar *data;

  hubs_test_wait_frames (view, 2);
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  chart = find_cairo_node (node);
  g_assert_nonnull (chart);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (view)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, (gsize) width * 4);
  *pixels = g_bytes_new_take (data, (gsize) width * height * 4);

  return gsk_render_node_ref (chart);
}

/* A chart shown again, or repainted with the window around it, is not drawn again; whatever
 * it shows or how it shows it draws it anew: a figure, its title, the style, the size. */
static void
test_drawn_again_on_change (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *other = gtk_label_new ("another page");
  g_autoptr(GskRenderNode) first = NULL;
  g_autoptr(GskRenderNode) again = NULL;
  g_autoptr(GskRenderNode) changed = NULL;
  g_autoptr(GskRenderNode) titled = NULL;
  g_autoptr(GskRenderNode) dark = NULL;
  g_autoptr(GskRenderNode) resized = NULL;
  g_autoptr(GBytes) first_pixels = NULL;
  g_autoptr(GBytes) again_pixels = NULL;
  g_autoptr(GBytes) changed_pixels = NULL;
  g_autoptr(GBytes) titled_pixels = NULL;
  g_autoptr(GBytes) dark_pixels = NULL;
  g_autoptr(GBytes) resized_pixels = NULL;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  /* The chart as a page of a stack, as on a hub page. */
  g_object_ref (f->view);
  gtk_window_set_child (f->window, stack);
  gtk_stack_add_named (GTK_STACK (stack), f->view, "chart");
  gtk_stack_add_named (GTK_STACK (stack), other, "other");
  g_object_unref (f->view);
  gtk_stack_set_visible_child (GTK_STACK (stack), f->view);
  first = chart_picture (f->view, &first_pixels);

  gtk_stack_set_visible_child (GTK_STACK (stack), other);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_false (gtk_widget_get_mapped (f->view));
  gtk_stack_set_visible_child (GTK_STACK (stack), f->view);
  gtk_widget_queue_draw (GTK_WIDGET (f->window));
  again = chart_picture (f->view, &again_pixels);
  g_assert_true (again == first);
  g_assert_true (g_bytes_equal (again_pixels, first_pixels));

  /* A figure saved elsewhere. */
  hubs_test_demo_set (f->store, "sapporo/startups", 2027, 230, TRUE);
  changed = chart_picture (f->view, &changed_pixels);
  g_assert_true (changed != again);
  g_assert_false (g_bytes_equal (changed_pixels, again_pixels));

  /* Its title drawn above it. (The ring of a mark focused from the keyboard would say the
   * same, but shows only while the window has the keyboard, which a display without a window
   * manager may not give it.) */
  hubs_chart_view_set_show_title (HUBS_CHART_VIEW (f->view), TRUE);
  titled = chart_picture (f->view, &titled_pixels);
  g_assert_true (titled != changed);
  g_assert_false (g_bytes_equal (titled_pixels, changed_pixels));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  dark = chart_picture (f->view, &dark_pixels);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (dark != titled);
  g_assert_false (g_bytes_equal (dark_pixels, titled_pixels));

  /* A window made bigger. */
  gtk_widget_set_size_request (f->view, 960, 540);
  resized = chart_picture (f->view, &resized_pixels);
  g_assert_cmpint (gtk_widget_get_width (f->view), >=, 960);
  g_assert_true (resized != dark);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/hubs/chart-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("follows-store", test_follows_store);
  ADD ("properties", test_properties);
  ADD ("keyboard-focus", test_keyboard_focus);
  ADD ("accessible", test_accessible);
  ADD ("dark-style", test_dark_style);
  ADD ("overview-and-comparison", test_overview_and_comparison);
  ADD ("drawn-again-on-change", test_drawn_again_on_change);

#undef ADD

  return g_test_run ();
}
