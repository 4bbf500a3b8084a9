/* test-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode driven as a presenter would: keys move through the slides, Esc leaves.
 * Screenshots at projector sizes to look at.
 */

#include "config.h"

#include <string.h>

#include "hubs-chart-view.h"
#include "hubs-present-dialog.h"
#include "hubs-presentation.h"
#include "hubs-test-demo.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"

typedef struct
{
  char          *dir;
  HubsStore     *store;
  HubsLiveModel *model;
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
  hubs_test_demo_fill (f->store, NULL);
  f->model = hubs_live_model_new (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->model);
  g_assert_finalize_object (f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
}

static HubsPresentation *
open_presentation (Fixture    *f,
                   const char *hub_id,
                   int         width,
                   int         height)
{
  HubsPresentation *presentation = hubs_presentation_new (NULL, f->model, hub_id);

  /* Xvfb's screen is smaller than a projector, and GTK keeps a window within the screen:
   * the content asks for the projector's size instead of the window going full screen. */
  gtk_window_unfullscreen (GTK_WINDOW (presentation));
  gtk_window_set_default_size (GTK_WINDOW (presentation), width, height);
  gtk_widget_set_size_request (adw_window_get_content (ADW_WINDOW (presentation)), width, height);
  gtk_window_present (GTK_WINDOW (presentation));
  hubs_test_wait_frames (GTK_WIDGET (presentation), 2);

  return presentation;
}

static void
close_presentation (HubsPresentation *presentation)
{
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL);
  hubs_test_spin (50);
  g_assert_null (presentation);
}

static void
assert_no_controls (GtkWidget *widget)
{
  g_assert_false (GTK_IS_EDITABLE (widget));
  g_assert_false (GTK_IS_BUTTON (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_controls (child);
}

static void
test_slides (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, "sapporo", NULL);
  HubsPresentation *presentation = open_presentation (f, "sapporo", 1280, 720);
  HubsChartView *chart = HUBS_CHART_VIEW (hubs_presentation_get_chart (presentation));
  guint n = hubs_presentation_get_n_slides (presentation);
  g_autofree char *first_counter = g_strdup_printf ("1 / %u", n);
  g_autofree char *last_counter = g_strdup_printf ("%u / %u", n, n);
  const HubsChartData *shown;

  /* The overview, one slide per KPI, the comparison. */
  g_assert_cmpuint (n, ==, kpis->len + 2);
  g_assert_cmpuint (hubs_presentation_get_slide (presentation), ==, 0);
  g_assert_cmpint (hubs_chart_view_get_kind (chart), ==, HUBS_CHART_HUB_OVERVIEW);
  g_assert_cmpstr (hubs_presentation_get_counter (presentation), ==, first_counter);

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  g_assert_cmpuint (hubs_presentation_get_slide (presentation), ==, 1);
  shown = hubs_chart_view_get_data (chart);
  g_assert_cmpint (shown->kind, ==, HUBS_CHART_TRAJECTORY);
  g_assert_cmpstr (((HubsChartKpi *) shown->kpis->pdata[0])->kpi->id, ==,
                   ((HubsKpi *) kpis->pdata[0])->id);
  g_assert_true (g_str_has_prefix (hubs_presentation_get_counter (presentation), "2 / "));

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  /* No wrap-around before the first slide. */
  g_assert_cmpuint (hubs_presentation_get_slide (presentation), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.last", NULL);
  g_assert_cmpuint (hubs_presentation_get_slide (presentation), ==, n - 1);
  g_assert_cmpint (hubs_chart_view_get_kind (chart), ==, HUBS_CHART_COMPARISON);
  g_assert_cmpstr (hubs_presentation_get_counter (presentation), ==, last_counter);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  g_assert_cmpuint (hubs_presentation_get_slide (presentation), ==, n - 1);

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.first", NULL);
  g_assert_cmpuint (hubs_presentation_get_slide (presentation), ==, 0);

  /* No editing controls anywhere: nothing to type into, no buttons. */
  assert_no_controls (GTK_WIDGET (presentation));

  close_presentation (presentation);
}

/* The action the window runs for @keyval, as GTK dispatches a key: the controllers of the
 * capture phase first, then those of the bubble phase, and in each the first shortcut whose
 * trigger matches. %NULL when that shortcut is not one of ours (GtkWindow's own bindings move
 * the focus on the arrows and activate the focused widget on Space). */
static const char *
action_for_key (GtkWidget *window,
                guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);
  const GtkPropagationPhase phases[] = { GTK_PHASE_CAPTURE, GTK_PHASE_BUBBLE };

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
            gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) !=
            phases[p])
          continue;

        for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

            if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
              continue;

            return GTK_IS_NAMED_ACTION (action)
                   ? gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)) : NULL;
          }
      }

  return NULL;
}

/* The keys a presenter presses, the footer's among them, through the window's own
 * shortcuts, with a button of the window holding the focus. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  static const struct { guint keyval; int delta; } keys[] = {
    { GDK_KEY_Right, 1 }, { GDK_KEY_space, 1 }, { GDK_KEY_Page_Down, 1 }, { GDK_KEY_Down, 1 },
    { GDK_KEY_Return, 1 }, { GDK_KEY_Left, -1 }, { GDK_KEY_Page_Up, -1 }, { GDK_KEY_Up, -1 },
  };
  HubsPresentation *presentation = open_presentation (f, "tokyo", 1280, 720);
  int expected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *action = action_for_key (GTK_WIDGET (presentation), keys[i].keyval);

      g_test_message ("%s → %s", gdk_keyval_name (keys[i].keyval), action);
      g_assert_nonnull (action);
      gtk_widget_activate_action (GTK_WIDGET (presentation), action, NULL);
      expected = MAX (0, expected + keys[i].delta);
      g_assert_cmpuint (hubs_presentation_get_slide (presentation), ==, expected);
    }

  g_assert_cmpstr (action_for_key (GTK_WIDGET (presentation), GDK_KEY_Escape), ==,
                   "presentation.leave");
  close_presentation (presentation);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      HubsPresentation *presentation = open_presentation (f, "sapporo", sizes[s][0],
                                                          sizes[s][1]);
      guint shots[] = { 0, 1, hubs_presentation_get_n_slides (presentation) - 1 };

      for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
        {
          g_autofree char *name = g_strdup_printf ("presentation-%dx%d-slide%u", sizes[s][0],
                                                   sizes[s][1], shots[i] + 1);
          g_autofree char *path = NULL;

          hubs_presentation_set_slide (presentation, shots[i]);
          path = hubs_test_save_screenshot (GTK_WIDGET (presentation), name);
          g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
          /* The window took the projector's size. */
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presentation)), ==, sizes[s][0]);
          g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (presentation)), ==, sizes[s][1]);
        }

      close_presentation (presentation);
    }
}

/* What the presenter's hub is picked out by on the comparison slide: the colour of the bar
 * at the left of its row, where another hub's row has the background. */
static gboolean
row_is_marked (const HubsChartData *data,
               const char          *highlight,
               guint                hub_index)
{
  HubsChartTheme theme;
  HubsChartOptions options;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (HubsChartHit));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel = 0, actual;
  gboolean found = FALSE;

  hubs_chart_theme_init_print (&theme);
  hubs_chart_options_init (&options, HUBS_LANGUAGE_EN);
  options.font_size = 14;
  options.highlight = highlight;
  hubs_chart_draw (cr, data, &theme, &options, 1280, 720, hits);
  cairo_surface_flush (surface);

  for (guint i = 0; i < hits->len && !found; i++)
    {
      const HubsChartHit *hit = &g_array_index (hits, HubsChartHit, i);

      if (hit->kind != HUBS_CHART_HIT_HUB || hit->index != hub_index)
        continue;
      /* The bar: from a quarter of the padding (0.8 of the text size), 0.2 of it wide. */
      pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                            (int) hit->y * cairo_image_surface_get_stride (surface) +
                            (int) (14 * 0.8 * 0.25 + 1) * 4);
      found = TRUE;
    }
  g_assert_true (found);
  actual = ((guint32) (theme.actual.red * 255 + 0.5) << 16) |
           ((guint32) (theme.actual.green * 255 + 0.5) << 8) |
           (guint32) (theme.actual.blue * 255 + 0.5);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return (pixel & 0xffffff) == actual;
}

/* Slides leave the room in photos and handouts: each carries the stamp of an export, and the
 * comparison picks out the hub presented. */
static void
test_says_what_it_shows (Fixture       *f,
                         gconstpointer  data)
{
  HubsPresentation *presentation = open_presentation (f, "fukuoka", 1280, 720);
  HubsChartView *chart = HUBS_CHART_VIEW (hubs_presentation_get_chart (presentation));
  guint n = hubs_presentation_get_n_slides (presentation);
  const HubsChartData *shown;
  g_autofree char *path = NULL;
  guint fukuoka = G_MAXUINT, other = G_MAXUINT;

  hubs_presentation_set_slide (presentation, 1);
  g_assert_true (g_str_has_prefix (hubs_chart_view_get_stamp (chart), "Fukuoka | As of "));
  g_assert_nonnull (strstr (hubs_chart_view_get_stamp (chart), "Source: "));

  hubs_presentation_set_slide (presentation, n - 1);
  g_assert_true (g_str_has_prefix (hubs_chart_view_get_stamp (chart), "All hub cities | "));
  path = hubs_test_save_screenshot (GTK_WIDGET (presentation), "presentation-comparison-fukuoka");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  shown = hubs_chart_view_get_data (chart);
  for (guint i = 0; i < shown->hubs->len; i++)
    {
      const HubsChartHubSummary *summary = g_ptr_array_index (shown->hubs, i);

      if (g_str_equal (summary->hub->id, "fukuoka"))
        fukuoka = i;
      else if (other == G_MAXUINT)
        other = i;
    }
  g_assert_true (row_is_marked (shown, "fukuoka", fukuoka));
  g_assert_false (row_is_marked (shown, "fukuoka", other));
  g_assert_false (row_is_marked (shown, NULL, fukuoka));

  close_presentation (presentation);
}

static HubsPresentation *
find_presentation (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HUBS_IS_PRESENTATION (window))
        return HUBS_PRESENTATION (window);
    }
  return NULL;
}

/* Present Chosen KPIs…: a slide for each KPI checked, in the plan's order, and none without
 * a KPI checked. */
static void
test_chosen_kpis (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, "sapporo", NULL);
  GtkWidget *dialog = hubs_present_dialog_new (NULL, f->model, "sapporo");
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);
  const char *second = ((HubsKpi *) kpis->pdata[1])->id;
  const char *third = ((HubsKpi *) kpis->pdata[2])->id;
  HubsPresentation *presentation;
  HubsChartView *chart;
  g_auto(GStrv) chosen = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpuint (kpis->len, >=, 3);
  gtk_window_present (GTK_WINDOW (dialog));
  hubs_test_wait_frames (dialog, 2);
  path = hubs_test_save_screenshot (dialog, "present-chosen-dialog");

  /* Every KPI at first; none leaves nothing to present. */
  chosen = hubs_present_dialog_get_chosen (message);
  g_assert_cmpuint (g_strv_length (chosen), ==, kpis->len);
  for (guint i = 0; i < kpis->len; i++)
    hubs_present_dialog_set_chosen (message, ((HubsKpi *) kpis->pdata[i])->id, FALSE);
  g_assert_false (adw_message_dialog_get_response_enabled (message, "present"));

  /* Chosen out of order: shown in the plan's. */
  hubs_present_dialog_set_chosen (message, third, TRUE);
  hubs_present_dialog_set_chosen (message, second, TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (message, "present"));
  g_assert_null (find_presentation ());
  /* As the button does: the response, then the dialog closes. */
  adw_message_dialog_response (message, "present");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hubs_test_spin (50);

  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  chart = HUBS_CHART_VIEW (hubs_presentation_get_chart (presentation));
  g_assert_cmpuint (hubs_presentation_get_n_slides (presentation), ==, 4);
  g_assert_cmpuint (hubs_presentation_get_slide (presentation), ==, 0);
  hubs_presentation_set_slide (presentation, 1);
  g_assert_cmpstr (((HubsChartKpi *) hubs_chart_view_get_data (chart)->kpis->pdata[0])->kpi->id,
                   ==, second);
  hubs_presentation_set_slide (presentation, 2);
  g_assert_cmpstr (((HubsChartKpi *) hubs_chart_view_get_data (chart)->kpis->pdata[0])->kpi->id,
                   ==, third);
  hubs_presentation_set_slide (presentation, 3);
  g_assert_cmpint (hubs_chart_view_get_kind (chart), ==, HUBS_CHART_COMPARISON);

  gtk_window_unfullscreen (GTK_WINDOW (presentation));
  close_presentation (presentation);
  hubs_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

  g_test_add ("/hubs/presentation/slides", Fixture, NULL, fixture_set_up, test_slides,
              fixture_tear_down);
  g_test_add ("/hubs/presentation/keys", Fixture, NULL, fixture_set_up, test_keys,
              fixture_tear_down);
  g_test_add ("/hubs/presentation/screenshots", Fixture, NULL, fixture_set_up,
              test_screenshots, fixture_tear_down);
  g_test_add ("/hubs/presentation/says-what-it-shows", Fixture, NULL, fixture_set_up,
              test_says_what_it_shows, fixture_tear_down);
  g_test_add ("/hubs/presentation/chosen-kpis", Fixture, NULL, fixture_set_up,
              test_chosen_kpis, fixture_tear_down);

  return g_test_run ();
}
