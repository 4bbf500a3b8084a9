/* test-report-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export Report from the window, in the language of the run: the dialog opens on the hub
 * shown (or on every hub from the national view); what is switched on and ticked, the pages'
 * orientation and the report's language decide the PDF, read back page by page; with nothing
 * chosen it says so and exports nothing. Screenshots of the dialog.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-i18n.h"
#include "hubs-report-dialog.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

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
  /* Each test starts as on a new desktop, whatever the last one's report was. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "report-language");
    g_settings_reset (settings, "report-portrait");
    g_settings_reset (settings, "report-national-summary");
  }
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = hubs_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
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

static HubsReportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HUBS_IS_REPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return HUBS_REPORT_DIALOG (window);
    }
  return NULL;
}

static HubsReportDialog *
open_dialog (Fixture *f)
{
  HubsReportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-report", NULL));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  hubs_test_wait_frames (GTK_WIDGET (dialog), 2);
  return dialog;
}

static char *
run (const char *tool,
     const char *pdf,
     guint       page)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *p = g_strdup_printf ("%u", page);
  char *out = NULL;
  int status;
  const char *text_argv[] = { tool, "-f", p, "-l", p, pdf, "-", NULL };
  const char *info_argv[] = { tool, pdf, NULL };

  g_spawn_sync (NULL, (char **) (page > 0 ? text_argv : info_argv), NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
is_expander_titled (GtkWidget  *widget,
                    const char *title)
{
  return ADW_IS_EXPANDER_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_expander (GtkWidget  *root,
               const char *title)
{
  if (is_expander_titled (root, title))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_hub_shown (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = hubs_test_path (f->dir, "fukuoka.pdf");
  g_autofree char *two = hubs_test_path (f->dir, "two.pdf");
  g_autoptr(GError) error = NULL;
  const char *fukuoka = f->lang == HUBS_LANGUAGE_JA ? "福岡" : "Fukuoka";
  const char *sapporo = f->lang == HUBS_LANGUAGE_JA ? "札幌・北海道" : "Sapporo & Hokkaido";
  HubsReportDialog *dialog;
  GtkWidget *row;

  g_assert_true (hubs_window_select_hub (f->window, "fukuoka"));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  dialog = open_dialog (f);

  /* The hub shown is switched on, the others off. */
  row = find_expander (GTK_WIDGET (dialog), fukuoka);
  g_assert_nonnull (row);
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (row)));
  g_assert_false (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (
                    find_expander (GTK_WIDGET (dialog), sapporo))));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  hubs_test_wait_frames (GTK_WIDGET (dialog), 3);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (dialog), f->lang == HUBS_LANGUAGE_JA
                                                  ? "report-dialog-ja" : "report-dialog-en"));

  g_assert_true (hubs_report_dialog_export_to (dialog, pdf, &error));
  g_assert_no_error (error);
  {
    g_autofree char *info = run ("pdfinfo", pdf, 0);
    g_autofree char *contents = run ("pdftotext", pdf, 2);

    /* Cover, contents, summary (3), 福岡's overview and 8 KPIs, A4 landscape. */
    g_assert_nonnull (strstr (info, "Pages:           14"));
    g_assert_nonnull (strstr (info, "841.89 x 595.28 pts (A4)"));
    g_assert_nonnull (strstr (contents, fukuoka));
    g_assert_null (strstr (contents, sapporo));
  }

  /* 札幌 on with two of its KPIs, portrait, in the other language. */
  hubs_report_dialog_set_hub (dialog, "sapporo", TRUE);
  {
    static const char * const off[] = {
      "sapporo/funding-deals", "sapporo/global-business-share", "sapporo/innovations",
      "sapporo/matched-municipalities", "sapporo/public-procurement",
      "sapporo/role-model-encounters",
    };

    for (guint i = 0; i < G_N_ELEMENTS (off); i++)
      hubs_report_dialog_set_kpi (dialog, off[i], FALSE);
  }
  hubs_report_dialog_set_portrait (dialog, TRUE);
  hubs_report_dialog_set_language (dialog, f->lang == HUBS_LANGUAGE_JA ? HUBS_LANGUAGE_EN
                                                                      : HUBS_LANGUAGE_JA);
  g_assert_true (hubs_report_dialog_export_to (dialog, two, &error));
  g_assert_no_error (error);
  {
    g_autofree char *info = run ("pdfinfo", two, 0);
    g_autofree char *cover = run ("pdftotext", two, 1);
    g_autofree char *p7 = run ("pdftotext", two, 7);
    g_autofree char *p8 = run ("pdftotext", two, 8);

    g_assert_nonnull (strstr (info, "Pages:           17"));
    g_assert_nonnull (strstr (info, "595.28 x 841.89 pts (A4)"));
    if (f->lang == HUBS_LANGUAGE_JA)
      {
        g_assert_nonnull (strstr (cover, "Sapporo & Hokkaido, Fukuoka"));
        g_assert_nonnull (strstr (p7, "Number of startups (cumulative)"));
        g_assert_nonnull (strstr (p8, "Funding raised by startups (cumulative)"));
      }
    else
      {
        g_assert_nonnull (strstr (cover, "札幌・北海道、福岡"));
        g_assert_nonnull (strstr (p7, "スタートアップ数（累計）"));
        g_assert_nonnull (strstr (p8, "資金調達額（累計）"));
      }
  }

  /* Nothing switched on: it says so, Export waits, and nothing is written. */
  hubs_report_dialog_set_hub (dialog, "sapporo", FALSE);
  hubs_report_dialog_set_hub (dialog, "fukuoka", FALSE);
  hubs_test_wait_frames (GTK_WIDGET (dialog), 2);
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (dialog),
                                                  _("Switch on at least one hub city with at "
                                                    "least one KPI.")));
  {
    g_autofree char *none = hubs_test_path (f->dir, "none.pdf");

    g_assert_false (hubs_report_dialog_export_to (dialog, none, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Opened again, it offers what the last report written had: portrait, the other language
   * (the failed export above changed nothing). */
  dialog = open_dialog (f);
  {
    g_autofree char *again = hubs_test_path (f->dir, "again.pdf");
    g_autofree char *info = NULL;
    g_autofree char *cover = NULL;

    g_assert_true (hubs_report_dialog_export_to (dialog, again, &error));
    g_assert_no_error (error);
    info = run ("pdfinfo", again, 0);
    cover = run ("pdftotext", again, 1);
    g_assert_nonnull (strstr (info, "595.28 x 841.89 pts (A4)"));
    g_assert_nonnull (strstr (cover, f->lang == HUBS_LANGUAGE_JA ? "Fukuoka" : "福岡"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* From the national view, no hub is shown: every hub is in. */
static void
test_from_national_view (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *pdf = hubs_test_path (f->dir, "all.pdf");
  g_autoptr(GError) error = NULL;
  HubsReportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-national", NULL));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  dialog = open_dialog (f);
  g_assert_true (hubs_report_dialog_export_to (dialog, pdf, &error));
  g_assert_no_error (error);
  {
    g_autofree char *info = run ("pdfinfo", pdf, 0);

    g_assert_nonnull (strstr (info, "Pages:           105"));
  }

  /* Closed, it is gone, and its hold on the database with it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  hubs_test_spin (50);
  g_assert_null (dialog);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/report-dialog/hub-shown", test_hub_shown);
  ADD ("/hubs/report-dialog/from-national-view", test_from_national_view);

#undef ADD

  return g_test_run ();
}
