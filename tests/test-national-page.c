/* test-national-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The national view in the main window, driven as a person would, in the language of the
 * run: it opens from the window's action and the sidebar's button; it shows every hub's KPIs
 * with their status in words, and national totals that say what they add up and leave out;
 * it follows a figure saved elsewhere; choosing a KPI opens it in the editor; the comparison
 * marks out the hub chosen. Screenshots at a large and a small window size.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-chart.h"
#include "hubs-chart-view.h"
#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-live-model.h"
#include "hubs-national.h"
#include "hubs-national-page.h"
#include "hubs-test-demo.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"
#include "hubs-window-national.h"

typedef struct
{
  char       *dir;
  char       *path;
  HubsStore  *store;
  HubsWindow *window;
  HubsLanguage lang;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = hubs_test_make_dir ();
  f->path = hubs_test_path (f->dir, "hubs.sqlite3");
  f->lang = hubs_language_current ();
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = hubs_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hubs_test_spin (50);
  g_assert_finalize_object (f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
is_drawable_label_containing (GtkWidget     *widget,
                              gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_label_of (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return hubs_test_find_first (root, is_drawable_label_containing, text) != NULL;
}

static gboolean
wait_for_text (GtkWidget  *root,
               const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!shows_text (root, text) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return shows_text (root, text);
}

static gboolean
is_chip_of (GtkWidget     *widget,
            gconstpointer  kpi_id)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "kpi-id"), kpi_id) == 0;
}

static gboolean
is_national_button (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "win.show-national") == 0;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static const char *
tr (Fixture    *f,
    const char *msgid)
{
  return hubs_i18n_gettext (f->lang, msgid);
}

/* Scrolls the page so that the label of @text is at the top, as a person scrolls down. */
static void
scroll_to_text (GtkWidget  *page,
                const char *text)
{
  GtkWidget *label = hubs_test_find_first (page, is_label_of, text);
  GtkWidget *scrolled = hubs_test_find_first (page, is_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (label);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_point (label, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 80);
  hubs_test_wait_frames (page, 3);
}

/* Nothing of the page is wider than the page: there is nothing to scroll to sideways. */
static void
assert_fits_across (GtkWidget *page)
{
  GtkWidget *scrolled = hubs_test_find_first (page, is_type,
                                              GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *across = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));

  g_assert_cmpfloat (gtk_adjustment_get_upper (across), <=,
                     gtk_adjustment_get_page_size (across) + 1);
}

static GtkWidget *
open_national (Fixture *f)
{
  GtkWidget *button = hubs_test_find_first (GTK_WIDGET (f->window), is_national_button, NULL);
  GtkWidget *page;

  /* The sidebar's button, above the hubs, is what a person clicks (or tabs to). */
  gint64 start;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_can_focus (button));
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (button, "clicked");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  /* What a person waits for: the click to the first frame of the page. */
  g_test_message ("National view shown in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);

  page = hubs_test_find_first (GTK_WIDGET (f->window), is_type,
                     GSIZE_TO_POINTER (HUBS_TYPE_NATIONAL_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  return page;
}

static void
test_shows_all_hubs (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *page = open_national (f);
  g_autofree char *startups_2029 = NULL;
  g_autofree char *kansai_out = NULL;
  g_autofree char *coverage = NULL;

  g_assert_true (shows_text (window, tr (f, "National View")));
  /* Every hub, in the language of the run. */
  g_assert_true (shows_text (page, f->lang == HUBS_LANGUAGE_JA ? "札幌・北海道" : "Sapporo & Hokkaido"));
  g_assert_true (shows_text (page, f->lang == HUBS_LANGUAGE_JA ? "沖縄" : "Okinawa"));
  /* Status in words: before the first actual, as the hub page says it. */
  g_assert_true (shows_text (page, tr (f, "Not entered yet")));
  g_assert_true (shows_text (page, tr (f, "No KPI can be assessed yet")));
  g_assert_true (shows_text (page, hubs_i18n_pillar_label (f->lang, HUBS_PILLAR_FOUNDATION)));

  /* The startups' FY2029 total, 1,741社 of six hubs; 関西 named as counting from April 2025. */
  g_assert_true (shows_text (page, hubs_national_indicator_get_label ("startups", f->lang)));
  {
    HubsKpi kpi = { .unit = (char *) "社" };

    startups_2029 = hubs_format_kpi_value (&kpi, 1741, f->lang);
  }
  g_assert_true (shows_text (page, startups_2029));
  coverage = g_strdup_printf (hubs_i18n_ngettext (f->lang, "%1$u of %2$u hub", "%1$u of %2$u hubs",
                                                  7), 6, 7);
  g_assert_true (shows_text (page, coverage));
  kansai_out = g_strdup_printf (hubs_i18n_gettext (f->lang, "%1$s (%2$s)"),
                                f->lang == HUBS_LANGUAGE_JA ? "関西圏" : "Kansai",
                                tr (f, "counts from April 2025"));
  g_assert_true (shows_text (page, kansai_out));

  g_free (hubs_test_save_screenshot (window, f->lang == HUBS_LANGUAGE_JA ? "national-ja" : "national-en"));
  scroll_to_text (page, tr (f, "National Totals"));
  g_free (hubs_test_save_screenshot (window, f->lang == HUBS_LANGUAGE_JA ? "national-totals-ja"
                                                                 : "national-totals-en"));
}

static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = open_national (f);
  g_autoptr(HubsFigure) figure = hubs_test_make_actual ("sapporo/startups", 2025, 160);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  GtkWidget *chip;
  const char *tooltip;

  chip = hubs_test_find_first (page, is_chip_of, "sapporo/startups");
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_grab_focus (chip));
  tooltip = gtk_widget_get_tooltip_text (chip);
  g_assert_nonnull (strstr (tooltip, tr (f, "Not entered yet")));

  /* Saved elsewhere (another view, an import): the page follows. 160 against 169.7 on the
   * path from 142 to 225 by FY2027: A = 0.65, needs acceleration. */
  g_assert_true (hubs_store_set_figure (f->store, figure, &error));
  g_assert_no_error (error);
  {
    HubsKpi kpi = { .unit = (char *) "社" };

    value = hubs_format_kpi_value (&kpi, 160, f->lang);
  }
  g_assert_true (wait_for_text (page, value));
  chip = hubs_test_find_first (page, is_chip_of, "sapporo/startups");
  tooltip = gtk_widget_get_tooltip_text (chip);
  g_assert_nonnull (strstr (tooltip,
                            hubs_status_get_label (HUBS_STATUS_NEEDS_ACCELERATION, f->lang)));
  /* The keyboard focus stays on the KPI it was on, though the table was made again. */
  g_assert_true (gtk_widget_has_focus (chip));
  g_assert_true (shows_text (page, hubs_status_get_label (HUBS_STATUS_NEEDS_ACCELERATION,
                                                          f->lang)));
}

static void
test_opens_kpi (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *page = open_national (f);
  GtkWidget *chip = hubs_test_find_first (page, is_chip_of, "kansai/funding-amount");

  g_assert_nonnull (chip);
  g_signal_emit_by_name (chip, "clicked");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);

  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "kansai");
  g_assert_true (gtk_widget_get_mapped (hubs_window_get_kpi_editor (f->window)));
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_true (shows_text (hubs_window_get_kpi_editor (f->window),
                             f->lang == HUBS_LANGUAGE_JA ? "SUの資金調達額" : "Funding"));

  /* Back to the national view and on to the hub that was shown last: its page opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-national", NULL));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_null (hubs_window_get_hub_id (f->window));
  g_assert_true (hubs_window_select_hub (f->window, "kansai"));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_true (gtk_widget_get_mapped (hubs_window_get_hub_page (f->window)));
}

/* The hub chosen is marked out in the comparison: its row, and only its row, is painted
 * differently. */
static void
test_highlight (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *page = open_national (f);
  GtkWidget *view = hubs_test_find_first (page, is_type, GSIZE_TO_POINTER (HUBS_TYPE_CHART_VIEW));
  const HubsChartData *chart = NULL;
  HubsChartOptions options;
  cairo_surface_t *plain, *marked;
  guint changed_rows = 0, fukuoka = G_MAXUINT;
  int w = 900, h = 600;

  g_assert_nonnull (view);
  /* Figures of every kind of progress, as after a year of entering them. */
  hubs_test_demo_fill (f->store, NULL);
  g_assert_true (wait_for_text (page, hubs_status_get_label (HUBS_STATUS_DETERIORATION,
                                                             f->lang)));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                             f->lang == HUBS_LANGUAGE_JA ? "national-actuals-ja"
                                                         : "national-actuals-en"));
  hubs_national_page_set_highlight_hub (HUBS_NATIONAL_PAGE (page), "fukuoka");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (shows_text (page, f->lang == HUBS_LANGUAGE_JA ? "福岡" : "Fukuoka"));

  chart = hubs_chart_view_get_data (HUBS_CHART_VIEW (view));
  g_assert_nonnull (chart);
  for (guint i = 0; i < chart->hubs->len; i++)
    if (g_str_equal (((HubsChartHubSummary *) g_ptr_array_index (chart->hubs, i))->hub->id,
                     "fukuoka"))
      fukuoka = i;
  g_assert_cmpuint (fukuoka, <, chart->hubs->len);

  plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  marked = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  for (guint k = 0; k < 2; k++)
    {
      cairo_t *cr = cairo_create (k == 0 ? plain : marked);

      hubs_chart_options_init (&options, f->lang);
      options.show_title = FALSE;
      options.show_legend = FALSE;
      options.highlight = k == 0 ? NULL : "fukuoka";
      hubs_chart_draw (cr, chart, hubs_chart_view_get_theme (HUBS_CHART_VIEW (view)), &options,
                       w, h, NULL);
      cairo_destroy (cr);
    }
  cairo_surface_flush (plain);
  cairo_surface_flush (marked);

  /* Rows of pixels that differ: one band, where the hub's row is. */
  {
    int first = -1, last = -1;
    int stride = cairo_image_surface_get_stride (plain);
    const guchar *a = cairo_image_surface_get_data (plain);
    const guchar *b = cairo_image_surface_get_data (marked);

    for (int y = 0; y < h; y++)
      if (memcmp (a + y * stride, b + y * stride, w * 4) != 0)
        {
          if (first < 0)
            first = y;
          else if (y != last + 1)
            changed_rows++;
          last = y;
        }
    g_assert_cmpint (first, >=, 0);
    /* One band only, of one row's height at most (13 hubs share the height). */
    g_assert_cmpuint (changed_rows, ==, 0);
    g_assert_cmpint (last - first, <, h / 8);
    /* The band is below the rows of the hubs above it. */
    g_assert_cmpint (first, >, (int) (h * fukuoka / (chart->hubs->len + 4)));
  }
  cairo_surface_destroy (plain);
  cairo_surface_destroy (marked);

  scroll_to_text (page, tr (f, "Comparison of the Hubs"));
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                             f->lang == HUBS_LANGUAGE_JA ? "national-highlight-ja"
                                                         : "national-highlight-en"));
}

static void
test_small_window (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *page;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 3);
  page = open_national (f);
  g_assert_true (shows_text (page, hubs_national_indicator_get_label ("funding-amount", f->lang)));
  /* The table does not fit: a list per hub, and nothing runs off the right of the page. */
  hubs_test_wait_frames (page, 3);
  g_assert_true (hubs_national_page_get_narrow (HUBS_NATIONAL_PAGE (page)));
  assert_fits_across (page);
  g_assert_nonnull (hubs_test_find_first (page, is_chip_of, "sapporo/startups"));
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                             f->lang == HUBS_LANGUAGE_JA ? "national-small-ja"
                                                         : "national-small-en"));
  scroll_to_text (page, tr (f, "National Totals"));
  g_free (hubs_test_save_screenshot (GTK_WIDGET (f->window),
                             f->lang == HUBS_LANGUAGE_JA ? "national-small-totals-ja"
                                                         : "national-small-totals-en"));

  /* Made wide, the page shows the tables. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 900);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_false (hubs_national_page_get_narrow (HUBS_NATIONAL_PAGE (page)));
  assert_fits_across (page);
}

/* On its own, over a live model: it shows the hubs, and goes away with its window. */
static void
test_finalizes (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsLiveModel) model = hubs_live_model_new (f->store, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;

  g_assert_no_error (error);
  page = hubs_national_page_new (model);
  g_object_ref_sink (page);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (window, 2);
  g_assert_true (hubs_national_page_get_model (HUBS_NATIONAL_PAGE (page)) == model);
  g_assert_true (shows_text (page, f->lang == HUBS_LANGUAGE_JA ? "熊本" : "Kumamoto"));
  hubs_national_page_set_fiscal_year (HUBS_NATIONAL_PAGE (page), 2027);
  g_assert_cmpint (hubs_national_page_get_fiscal_year (HUBS_NATIONAL_PAGE (page)), ==, 2027);
  {
    g_autofree char *fy = hubs_format_fiscal_year (2027, f->lang);
    g_autofree char *title = g_strdup_printf (hubs_i18n_gettext (f->lang, "%s actual"), fy);

    g_assert_true (shows_text (page, title));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  hubs_test_spin (20);
  g_assert_finalize_object (page);
}

/* Ctrl+Shift+N opens the national view from anywhere in the window. */
static void
test_shortcut (Fixture       *f,
               gconstpointer  data)
{
  /* The window's own shortcuts, as GTK handles a key press with them. */
  g_autoptr(GtkShortcut) found = hubs_test_find_shortcut (GTK_WIDGET (f->window),
                                                          "win.show-national");
  GtkWidget *page;

  g_assert_nonnull (found);
  {
    g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (found));

    g_assert_cmpstr (trigger, ==, "<Shift><Control>n");
  }

  g_assert_true (hubs_window_select_hub (f->window, "tohoku"));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (found), 0,
                                               GTK_WIDGET (f->window), NULL));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  page = hubs_test_find_first (GTK_WIDGET (f->window), is_type, GSIZE_TO_POINTER (HUBS_TYPE_NATIONAL_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/national-page/shows-all-hubs", test_shows_all_hubs);
  ADD ("/hubs/national-page/follows-changes", test_follows_changes);
  ADD ("/hubs/national-page/opens-kpi", test_opens_kpi);
  ADD ("/hubs/national-page/highlight", test_highlight);
  ADD ("/hubs/national-page/small-window", test_small_window);
  ADD ("/hubs/national-page/finalizes", test_finalizes);
  ADD ("/hubs/national-page/shortcut", test_shortcut);

#undef ADD

  return g_test_run ();
}
