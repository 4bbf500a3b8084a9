/* test-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File ▸ Print… from the window, run as GTK runs it for a printer but into a PDF file
 * (GTK_PRINT_OPERATION_ACTION_EXPORT): the chart shown, the hub's report and the report of
 * all hubs come out with the pages of their PDF exports — as many, as large, with the same
 * words on each — because one function draws a page for both. A page of each is rendered
 * with pdftoppm, to look at.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hubs-chart-export.h"
#include "hubs-chart-stamp.h"
#include "hubs-report.h"
#include "hubs-test-demo.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window-print.h"
#include "hubs-window.h"

typedef struct
{
  char       *dir;
  HubsStore  *store;
  HubsWindow *window;
  HubsLanguage lang;
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
  f->lang = hubs_language_current ();

  f->window = hubs_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (hubs_window_select_hub (f->window, "fukuoka"));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
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
}

/* Renders @page of @pdf into the screenshot folder as NAME.png; returns the share of its
 * pixels that are not white, to tell a page with something on it. */
static double
render_page (const char *pdf,
             guint       page,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_strdup (g_getenv ("HUBS_SCREENSHOT_DIR") != NULL
                                   ? g_getenv ("HUBS_SCREENSHOT_DIR") : ".");
  g_autofree char *root = g_build_filename (dir, name, NULL);
  g_autofree char *png = g_strdup_printf ("%s.png", root);
  g_autofree char *number = g_strdup_printf ("%u", page);
  char *argv[] = { (char *) "pdftoppm", (char *) "-png", (char *) "-r", (char *) "80",
                   (char *) "-f", number, (char *) "-l", number, (char *) "-singlefile",
                   (char *) pdf, root, NULL };
  cairo_surface_t *surface;
  guint n_ink = 0;
  int status, width, height, stride;
  const guchar *pixels;

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4);

        if ((pixel & 0xffffff) != 0xffffff)
          n_ink++;
      }
  cairo_surface_destroy (surface);
  g_test_message ("%s: %s page %u, %.1f%% ink", png, pdf, page, 100.0 * n_ink / (width * height));
  return (double) n_ink / (width * height);
}

static void
assert_a4_landscape (const char *size)
{
  double width = 0, height = 0;

  g_assert_cmpint (sscanf (size, "%lf x %lf pts", &width, &height), ==, 2);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 595.28, 0.01);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The words of @text, sorted, one space between; the minute a page was drawn (its "as of
 * now", 15:47) is left out, as printing and exporting may fall either side of a minute. */
static char *
sorted_words (const char *text)
{
  g_autoptr(GRegex) minute = g_regex_new ("[0-9]{1,2}:[0-9]{2}", 0, 0, NULL);
  g_autofree char *timeless = g_regex_replace_literal (minute, text, -1, 0, "hh:mm", 0, NULL);
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", timeless, 0, 0);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_sort (kept, compare_strings);
  g_ptr_array_add (kept, NULL);

  return g_strjoinv (" ", (char **) kept->pdata);
}

/* The two files have as many pages, of the same size, with the same words on each. */
static void
assert_same_pages (const char *printed,
                   const char *exported,
                   guint       n_pages)
{
  g_autofree char *pages = g_strdup_printf ("%u", n_pages);
  g_autofree char *printed_pages = hubs_test_pdf_info (printed, "Pages");
  g_autofree char *exported_pages = hubs_test_pdf_info (exported, "Pages");
  g_autofree char *printed_size = hubs_test_pdf_info (printed, "Page size");
  g_autofree char *exported_size = hubs_test_pdf_info (exported, "Page size");
  g_autofree char *printed_text = hubs_test_pdf_text (printed);
  g_autofree char *exported_text = hubs_test_pdf_text (exported);
  g_auto(GStrv) printed_by_page = g_strsplit (printed_text, "\f", -1);
  g_auto(GStrv) exported_by_page = g_strsplit (exported_text, "\f", -1);

  g_assert_cmpstr (printed_pages, ==, pages);
  g_assert_cmpstr (exported_pages, ==, pages);
  /* A4 landscape, as the report is written (GTK's A4 is 210 × 297 mm to the digit, the
   * report's to the hundredth of a point). */
  assert_a4_landscape (printed_size);
  assert_a4_landscape (exported_size);

  g_assert_cmpuint (g_strv_length (printed_by_page), ==, g_strv_length (exported_by_page));
  for (guint i = 0; printed_by_page[i] != NULL; i++)
    {
      /* pdftotext may read a table's cells in another order when the page is placed a
       * hundredth of a point apart: the same words, in any order. */
      g_autofree char *printed_words = sorted_words (printed_by_page[i]);
      g_autofree char *exported_words = sorted_words (exported_by_page[i]);

      g_assert_cmpstr (printed_words, ==, exported_words);
    }
}

static void
test_hub_report (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *printed = hubs_test_path (f->dir, "printed.pdf");
  g_autofree char *exported = hubs_test_path (f->dir, "exported.pdf");
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, "fukuoka", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *lang = f->lang == HUBS_LANGUAGE_JA ? "ja" : "en";
  g_autofree char *shot = NULL;

  g_assert_true (hubs_window_print_to (f->window, HUBS_PRINT_HUB_REPORT, printed, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_window_export_report_to (f->window, exported, &error));
  g_assert_no_error (error);

  /* The cover, the contents and the national summary (three pages), then the hub's
   * overview and a page per KPI. */
  assert_same_pages (printed, exported, 5 + 1 + kpis->len);

  /* The header says the hub and as of when its figures are; the footer the source. */
  text = hubs_test_pdf_text (printed);
  g_assert_nonnull (strstr (text, f->lang == HUBS_LANGUAGE_JA ? "福岡" : "Fukuoka"));
  g_assert_nonnull (strstr (text, f->lang == HUBS_LANGUAGE_JA ? "時点" : "As of "));
  g_assert_nonnull (strstr (text, f->lang == HUBS_LANGUAGE_JA ? "出典" : "Source:"));

  shot = g_strdup_printf ("print-report-overview-%s", lang);
  g_assert_cmpfloat (render_page (printed, 1, shot), >, 0.01);
  g_free (shot);
  shot = g_strdup_printf ("print-report-kpi-%s", lang);
  g_assert_cmpfloat (render_page (printed, 2, shot), >, 0.01);
}

static void
test_chart (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *printed = hubs_test_path (f->dir, "printed.pdf");
  g_autofree char *exported = hubs_test_path (f->dir, "exported.pdf");
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, "fukuoka", NULL);
  const HubsKpi *kpi = g_ptr_array_index (kpis, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shot = NULL;

  /* On a KPI's page, Print… starts with its chart. */
  g_assert_true (hubs_window_open_kpi (f->window, kpi->id));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_true (hubs_window_print_to (f->window, HUBS_PRINT_CHART, printed, &error));
  g_assert_no_error (error);

  /* Export Chart… with “A4 landscape page” chosen. */
  g_assert_true (hubs_window_export_chart_page_to (f->window, exported,
                                                   HUBS_CHART_PAGE_A4_LANDSCAPE, &error));
  g_assert_no_error (error);

  assert_same_pages (printed, exported, 1);

  /* The stamp: hub, as of when, source. */
  text = hubs_test_pdf_text (printed);
  g_assert_nonnull (strstr (text, f->lang == HUBS_LANGUAGE_JA ? kpi->name_ja : kpi->name_en));
  g_assert_nonnull (strstr (text, f->lang == HUBS_LANGUAGE_JA ? "福岡" : "Fukuoka"));
  g_assert_nonnull (strstr (text, f->lang == HUBS_LANGUAGE_JA ? "時点" : "As of "));
  g_assert_nonnull (strstr (text, f->lang == HUBS_LANGUAGE_JA ? "出典" : "Source:"));

  shot = g_strdup_printf ("print-chart-%s", f->lang == HUBS_LANGUAGE_JA ? "ja" : "en");
  g_assert_cmpfloat (render_page (printed, 1, shot), >, 0.01);
}

static void
test_all_hubs (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *printed = hubs_test_path (f->dir, "printed.pdf");
  g_autofree char *exported = hubs_test_path (f->dir, "exported.pdf");
  g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (f->store, NULL);
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_window_print_to (f->window, HUBS_PRINT_ALL_REPORT, printed, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_report_export (f->store, NULL, exported, f->lang, &error));
  g_assert_no_error (error);

  /* Every hub's overview and every KPI's page. */
  assert_same_pages (printed, exported, 5 + hubs->len + kpis->len);
}

/* A4 portrait paper: the report prints in its portrait layout, a page to a sheet. */
static void
test_other_paper (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *printed = hubs_test_path (f->dir, "printed.pdf");
  g_autoptr(HubsPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (f->store, "fukuoka", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  /* The cover, the contents, the national summary, the overview and the KPIs' pages, each in
   * the report's portrait layout. */
  g_autofree char *expected = g_strdup_printf ("%u", 5 + 1 + kpis->len);
  g_autofree char *shot = NULL;

  operation = hubs_print_operation_new (f->store, "fukuoka", NULL, f->lang);
  g_assert_cmpint (hubs_print_operation_get_content (operation), ==, HUBS_PRINT_HUB_REPORT);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  pages = hubs_test_pdf_info (printed, "Pages");
  size = hubs_test_pdf_info (printed, "Page size");
  g_assert_cmpstr (pages, ==, expected);
  g_assert_true (g_str_has_prefix (size, "595"));
  shot = g_strdup_printf ("print-portrait-%s", f->lang == HUBS_LANGUAGE_JA ? "ja" : "en");
  g_assert_cmpfloat (render_page (printed, 2, shot), >, 0.01);
}

/* A hub that went away between choosing and printing: a message, and no file. */
static void
test_unknown_hub (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *printed = hubs_test_path (f->dir, "printed.pdf");
  g_autoptr(HubsPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  const GError *failure;

  operation = hubs_print_operation_new (f->store, "atlantis", NULL, f->lang);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                           NULL, &error);
  failure = hubs_print_operation_get_failure (operation);
  g_assert_nonnull (failure);
  g_assert_true (g_error_matches (failure, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND));
  g_assert_nonnull (strstr (failure->message, "atlantis"));
}

static GtkWidget *
nth_child (GtkWidget *box,
           guint      n)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  for (guint i = 0; i < n && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

/* The Contents tab of the print dialog: what can be printed, what is printed. */
static void
test_contents_tab (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HubsPrintOperation) operation = NULL;
  g_autoptr(HubsPrintOperation) no_chart = NULL;
  g_autoptr(GError) error = NULL;
  HubsChartData *chart = hubs_chart_data_new_for_hub (f->store, "fukuoka", &error);
  GtkWidget *tab = NULL;
  GtkWidget *window;
  g_autofree char *shot = NULL;
  gboolean ja = f->lang == HUBS_LANGUAGE_JA;

  g_assert_no_error (error);
  operation = hubs_print_operation_new (f->store, "fukuoka", chart, f->lang);
  g_assert_cmpint (hubs_print_operation_get_content (operation), ==, HUBS_PRINT_CHART);

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_nonnull (tab);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (nth_child (tab, 0))), ==,
                   ja ? "表示中のチャート(_C)" : "The _chart shown");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (nth_child (tab, 0))));
  g_assert_true (gtk_widget_get_sensitive (nth_child (tab, 1)));

  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), tab);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (window, 2);
  shot = g_strdup_printf ("print-contents-tab-%s", ja ? "ja" : "en");
  g_free (hubs_test_save_screenshot (window, shot));

  /* Choosing in the tab chooses what is printed. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nth_child (tab, 2)), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_cmpint (hubs_print_operation_get_content (operation), ==, HUBS_PRINT_ALL_REPORT);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Without a chart shown or a hub, only what exists can be chosen. */
  no_chart = hubs_print_operation_new (f->store, NULL, NULL, f->lang);
  g_assert_cmpint (hubs_print_operation_get_content (no_chart), ==, HUBS_PRINT_ALL_REPORT);
  tab = NULL;
  g_signal_emit_by_name (no_chart, "create-custom-widget", &tab);
  g_assert_false (gtk_widget_get_sensitive (nth_child (tab, 0)));
  g_assert_false (gtk_widget_get_sensitive (nth_child (tab, 1)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (nth_child (tab, 2))));
  g_object_ref_sink (tab);
  g_object_unref (tab);
}

/* Ctrl+P is File ▸ Print…, and the shortcuts window says so. */
static void
test_shortcut (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/com/example/Hubs/ui/"
                                                                 "hubs-shortcuts-window.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  gboolean bound = FALSE, listed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !bound; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                           "win.print") &&
              g_str_equal (trigger, "<Control>p"))
            bound = TRUE;
        }
    }
  g_assert_true (bound);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        listed |= g_strcmp0 (accelerator, "<ctrl>p") == 0;
      }
  g_assert_true (listed);
}

/* File ▸ Print… opens GTK's print dialog with the Contents tab; Cancel prints nothing. */
static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog = NULL;
  g_autofree char *shot = NULL;
  gboolean ja = f->lang == HUBS_LANGUAGE_JA;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL);
  for (guint i = 0; i < 200 && dialog == NULL; i++)
    {
      hubs_test_spin (25);
      /* GTK's own dialog, by name: its header is not part of gtk4.pc. */
      dialog = hubs_test_find_toplevel (g_type_from_name ("GtkPrintUnixDialog"), NULL);
    }
  g_assert_nonnull (dialog);
  hubs_test_wait_frames (dialog, 2);
  g_assert_true (hubs_test_find_label_containing (dialog, ja ? "印刷内容" : "Contents"));
  g_assert_true (hubs_test_find_label_containing (dialog, ja ? "この拠点都市のレポート"
                                                            : "The report of this hub city"));
  shot = g_strdup_printf ("print-dialog-%s", ja ? "ja" : "en");
  g_free (hubs_test_save_screenshot (dialog, shot));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  for (guint i = 0; i < 200 && dialog != NULL; i++)
    hubs_test_spin (25);
  g_assert_null (dialog);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

  g_test_add ("/hubs/print/hub-report", Fixture, NULL, fixture_set_up, test_hub_report,
              fixture_tear_down);
  g_test_add ("/hubs/print/chart", Fixture, NULL, fixture_set_up, test_chart,
              fixture_tear_down);
  g_test_add ("/hubs/print/all-hubs", Fixture, NULL, fixture_set_up, test_all_hubs,
              fixture_tear_down);
  g_test_add ("/hubs/print/other-paper", Fixture, NULL, fixture_set_up, test_other_paper,
              fixture_tear_down);
  g_test_add ("/hubs/print/contents-tab", Fixture, NULL, fixture_set_up, test_contents_tab,
              fixture_tear_down);
  g_test_add ("/hubs/print/shortcut", Fixture, NULL, fixture_set_up, test_shortcut,
              fixture_tear_down);
  g_test_add ("/hubs/print/dialog", Fixture, NULL, fixture_set_up, test_dialog,
              fixture_tear_down);
  g_test_add ("/hubs/print/unknown-hub", Fixture, NULL, fixture_set_up, test_unknown_hub,
              fixture_tear_down);

  return g_test_run ();
}
