/* test-window-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Getting the figures out of the window, driven as a person would: the Export Figures menu,
 * the CSV and Excel dialogs through to the file chooser and the file on disk, Copy Chart and
 * Copy Figures read back from the clipboard in process, and files dropped on the window.
 * Each check reads what the user sees, what lands on disk or what a paste would get.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-clipboard.h"
#include "hubs-csv.h"
#include "hubs-format.h"
#include "hubs-import-dialog.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window-export.h"

#define HUB "fukuoka"

typedef struct
{
  char       *dir;
  char       *path;
  HubsStore  *store;
  HubsWindow *window;
  gboolean    ja;
} Fixture;

static const char *
lang_suffix (Fixture *f)
{
  return f->ja ? "ja" : "en";
}

static void
set_actual (HubsStore  *store,
            const char *kpi_id,
            int         year,
            double      value)
{
  g_autoptr(HubsFigure) figure = hubs_test_make_actual (kpi_id, year, value);
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = hubs_test_make_dir ();
  f->path = hubs_test_path (f->dir, "hubs.sqlite3");
  f->ja = hubs_language_current () == HUBS_LANGUAGE_JA;
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  set_actual (f->store, "fukuoka/startup-visas", 2025, 1234);
  set_actual (f->store, "fukuoka/valuation-10bn-yen", 2025, 3);

  f->window = hubs_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (hubs_window_select_hub (f->window, HUB));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Dialogs the test left open go first: they hold the store. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (GTK_WINDOW (f->window));
  hubs_test_spin (50);
  g_assert_finalize_object (f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The toplevel window of @type that shows, waiting for it a while. */
static GtkWidget *
wait_for_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *found;

  while ((found = hubs_test_find_toplevel (type, NULL)) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return found;
}

static gboolean
wait_for_label (GtkWidget  *root,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!hubs_test_find_label_containing (root, text) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return hubs_test_find_label_containing (root, text);
}

static void
wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Saves to @path in the file chooser that is showing, as a person types the name and
 * presses Export. */
static void
save_in_file_chooser (const char *path)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkWidget *chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  /* The chooser moves to its first folder once shown, after this one: ask again until it
   * names the file. */
  for (;;)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (chosen != NULL && g_str_equal (g_file_peek_path (chosen), path))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      hubs_test_spin (100);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The menu's item for @action, at any depth: its label, or %NULL. */
static char *
find_menu_label (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action))
        {
          char *label = NULL;

          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          return label;
        }

      for (guint n = 0; n < 2; n++)
        if ((link = g_menu_model_get_item_link (model, i, n == 0 ? G_MENU_LINK_SECTION
                                                               : G_MENU_LINK_SUBMENU)) != NULL)
          {
            char *label = find_menu_label (link, action);

            g_object_unref (link);
            if (label != NULL)
              return label;
          }
    }

  return NULL;
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL;
}

static void
test_menu (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *button = hubs_test_find_first (GTK_WIDGET (f->window), is_menu_button, NULL);
  GMenuModel *menu;
  const struct { const char *action, *ja, *en; } items[] = {
    { "win.export-xlsx", "Excelブック(_X)…", "E_xcel Workbook…" },
    { "win.export-csv", "CSV(_C)…", "_CSV…" },
    { "win.export-template", "Excel用テンプレート(_T)…", "_Template for Excel…" },
    { "win.copy-chart", "チャートをコピー(_H)", "Copy C_hart" },
    { "win.copy-figures", "値をコピー(_Y)", "Cop_y Figures" },
  };

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *label = find_menu_label (menu, items[i].action);

      g_assert_cmpstr (label, ==, f->ja ? items[i].ja : items[i].en);
    }

  /* What the menu looks like, opened at Export Figures. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  {
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    g_autofree char *name = g_strdup_printf ("export-menu-%s", lang_suffix (f));

    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    /* The popover is a surface of its own: it shows once the server maps it, which a loaded
     * machine may not do in time. The picture is for people to look at; the labels above are
     * what the test checks. */
    while (gtk_widget_get_width (GTK_WIDGET (popover)) == 0 &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    if (gtk_widget_get_width (GTK_WIDGET (popover)) > 0)
      {
        hubs_test_wait_frames (GTK_WIDGET (popover), 3);
        g_free (hubs_test_save_screenshot (GTK_WIDGET (popover), name));
      }
    else
      g_test_message ("The menu did not show in time: no screenshot of it.");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }
}

static void
test_csv_dialog (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = hubs_test_path (f->dir, "wide.csv");
  g_autofree char *name = g_strdup_printf ("export-csv-dialog-%s", lang_suffix (f));
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  GtkCheckButton *wide;
  GtkCheckButton *bom;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-csv", NULL));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (hubs_test_find_label_containing (dialog, f->ja ? "1行に値を一つ"
                                                                : "One figure per row"));
  g_assert_true (hubs_test_find_label_containing (dialog, f->ja ? "文字化けしない"
                                                                : "Japanese text shows"));
  g_free (hubs_test_save_screenshot (dialog, name));

  /* One row per KPI with a column per fiscal year, for Excel. */
  wide = g_object_get_data (G_OBJECT (dialog), "wide");
  bom = g_object_get_data (G_OBJECT (dialog), "bom");
  g_assert_true (gtk_check_button_get_active (bom));
  gtk_check_button_set_active (wide, TRUE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");

  save_in_file_chooser (path);
  wait_for_file (path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, HUBS_CSV_UTF8_BOM "hub_id,hub_name_ja,hub_name_en,"));
  g_assert_nonnull (strstr (text, ",kind,FY"));
  g_assert_nonnull (strstr (text, ",FY2025,FY2026,FY2027,"));
  g_assert_nonnull (strstr (text, "fukuoka/startup-visas,"));
  g_assert_nonnull (strstr (text, ",actual,,,1234,"));
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (f->window),
                                                  f->ja ? "「wide.csv」を保存しました"
                                                        : "Saved “wide.csv”"));
}

static void
test_template (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = hubs_test_path (f->dir, "template.csv");
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-template",
                                             NULL));
  save_in_file_chooser (path);
  wait_for_file (path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* The wide layout, marked UTF-8 for Excel, with a row to fill in for every KPI. */
  g_assert_true (g_str_has_prefix (text, HUBS_CSV_UTF8_BOM "hub_id,"));
  g_assert_nonnull (strstr (text, ",kind,FY"));
  g_assert_nonnull (strstr (text, ",FY2025,FY2026,FY2027,"));
  g_assert_nonnull (strstr (text, "okinawa/"));
}

static void
test_xlsx_dialog (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = hubs_test_path (f->dir, "fukuoka.xlsx");
  g_autofree char *name = g_strdup_printf ("export-xlsx-dialog-%s", lang_suffix (f));
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  int status;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-xlsx", NULL));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "all"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "hub"),
                   ==, f->ja ? "福岡のみ(_O)" : "_Only Fukuoka");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "hub");
  g_free (hubs_test_save_screenshot (dialog, name));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "hub");

  save_in_file_chooser (path);
  wait_for_file (path);

  /* The workbook holds the summary and the selected hub, in the window's language. */
  {
    const char *argv[] = { "/usr/bin/python3", script, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_str_has_prefix (out, f->ja ? "sheet\t概要\tB5\n" : "sheet\tSummary\tB5\n"));
  g_assert_nonnull (strstr (out, f->ja ? "\nsheet\t福岡\tC5\n" : "\nsheet\tFukuoka\tC5\n"));
  g_assert_null (strstr (out, f->ja ? "\nsheet\t東京圏" : "\nsheet\tTokyo"));
  g_assert_nonnull (strstr (out, f->ja ? "\t8\t8\tn\t#,##0\"件\"\t1234.0\n"
                                       : "\t8\t8\tn\t#,##0\" cases\"\t1234.0\n"));
}

/* Clipboard
 * --------- */

typedef struct
{
  GMainLoop *loop;
  char      *text;
  GBytes    *bytes;
  GdkTexture *texture;
  char      *mime_type;
} Read;

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (read->loop);
}

static void
on_texture_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;

  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (read->loop);
}

static void
on_spliced (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error), >,
                   0);
  g_assert_no_error (error);
  read->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  g_main_loop_quit (read->loop);
}

/* The content is written into a pipe by this same main loop: read it as it comes. */
static void
on_stream_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  const char *mime_type = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  g_assert_no_error (error);
  read->mime_type = g_strdup (mime_type);
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_spliced, read);
}

static GdkClipboard *
window_clipboard (Fixture *f)
{
  return gtk_widget_get_clipboard (GTK_WIDGET (f->window));
}

static char *
read_text (Fixture *f)
{
  Read read = { g_main_loop_new (NULL, FALSE) };

  gdk_clipboard_read_text_async (window_clipboard (f), NULL, on_text_read, &read);
  g_main_loop_run (read.loop);
  g_main_loop_unref (read.loop);

  return read.text;
}

static GBytes *
read_mime_type (Fixture    *f,
                const char *mime_type)
{
  const char *mime_types[] = { mime_type, NULL };
  Read read = { g_main_loop_new (NULL, FALSE) };

  gdk_clipboard_read_async (window_clipboard (f), mime_types, G_PRIORITY_DEFAULT, NULL,
                            on_stream_read, &read);
  g_main_loop_run (read.loop);
  g_main_loop_unref (read.loop);
  g_assert_cmpstr (read.mime_type, ==, mime_type);
  g_free (read.mime_type);

  return read.bytes;
}

static GdkTexture *
read_texture (Fixture *f)
{
  Read read = { g_main_loop_new (NULL, FALSE) };

  gdk_clipboard_read_texture_async (window_clipboard (f), NULL, on_texture_read, &read);
  g_main_loop_run (read.loop);
  g_main_loop_unref (read.loop);

  return read.texture;
}

static void
test_copy_figures (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *tsv = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autofree char *html_text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) visas = NULL;
  guint col = 0;

  /* The hub page: every KPI of the hub, as a table. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-figures", NULL));
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (f->window),
                                                  f->ja ? "値を表としてコピーしました"
                                                        : "Figures copied as a table"));
  tsv = read_text (f);
  lines = g_strsplit (tsv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8 + 2);
  header = g_strsplit (lines[0], "\t", -1);
  for (guint c = 0; header[c] != NULL; c++)
    if (g_str_equal (header[c], f->ja ? "実績値（2025年度）" : "Actual FY2025"))
      col = c;
  g_assert_cmpuint (col, >, 0);
  g_assert_cmpstr (header[1], ==, "KPI");
  visas = g_strsplit (lines[4], "\t", -1);
  g_assert_cmpstr (visas[1], ==, f->ja ? "スタートアップビザ認定件数（累計）"
                                       : "Startup visas granted (cumulative)");
  g_assert_cmpstr (visas[col], ==, "1234");

  html = read_mime_type (f, "text/html");
  html_text = g_strndup (g_bytes_get_data (html, NULL), g_bytes_get_size (html));
  g_assert_true (g_str_has_prefix (html_text,
                                   "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"));
  g_assert_nonnull (strstr (html_text, f->ja ? "<caption>福岡</caption>"
                                             : "<caption>Fukuoka</caption>"));
  g_assert_nonnull (strstr (html_text, "<td align=\"right\" x:num=\"1234\">1,234</td>"));

  /* The KPI editor: that KPI alone, and a change shows in the next copy at once. */
  hubs_window_open_kpi (f->window, "fukuoka/startup-visas");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  set_actual (f->store, "fukuoka/startup-visas", 2025, 1300);
  g_clear_pointer (&tsv, g_free);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&visas, g_strfreev);
  g_assert_true (hubs_window_copy_figures (f->window, NULL));
  tsv = read_text (f);
  lines = g_strsplit (tsv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2);
  visas = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpstr (visas[col], ==, "1300");
}

static guint
count_non_white (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc (4 * width * height);
  guint n = 0;

  gdk_texture_download (texture, pixels, 4 * width);
  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = pixels + 4 * i;

      if (p[0] < 200 || p[1] < 200 || p[2] < 200)
        n++;
    }

  return n;
}

static void
test_copy_chart (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *svg_text = NULL;
  g_autofree char *name = g_strdup_printf ("copied-chart-%s.png", lang_suffix (f));
  g_autofree char *shot = g_build_filename (g_getenv ("HUBS_SCREENSHOT_DIR"), name, NULL);
  GdkContentFormats *formats;

  /* Ctrl+C on the KPI's chart. */
  hubs_window_open_kpi (f->window, "fukuoka/startup-visas");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  {
    gint64 start = g_get_monotonic_time ();

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-chart", NULL));
    g_test_message ("copy-chart: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  }
  g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (f->window),
                                                  f->ja ? "チャートを画像としてコピーしました"
                                                        : "Chart copied as a picture"));

  formats = gdk_clipboard_get_formats (window_clipboard (f));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));

  texture = read_texture (f);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, HUBS_CLIPBOARD_CHART_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, HUBS_CLIPBOARD_CHART_HEIGHT);
  /* A chart in the print theme: a white page with lines, marks and words on it. */
  g_assert_cmpuint (count_non_white (texture), >, 1600 * 900 / 100);
  g_assert_cmpuint (count_non_white (texture), <, 1600 * 900 / 2);
  g_assert_true (gdk_texture_save_to_png (texture, shot));
  g_test_message ("screenshot: %s", shot);

  /* PNG for the programs that ask for it by name. */
  {
    g_autoptr(GBytes) png = read_mime_type (f, "image/png");

    g_assert_cmpuint (g_bytes_get_size (png), >, 8);
    g_assert_cmpint (memcmp (g_bytes_get_data (png, NULL), "\x89PNG", 4), ==, 0);
  }

  svg = read_mime_type (f, "image/svg+xml");
  svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "width=\"1600\""));

  /* What Export Chart writes, stamp and all, pixel for pixel. */
  {
    g_autofree char *exported = hubs_test_path (f->dir, "exported.png");
    g_autoptr(GdkTexture) from_file = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree guchar *a = g_malloc (4 * 1600 * 900);
    g_autofree guchar *b = g_malloc (4 * 1600 * 900);

    g_assert_true (hubs_window_export_chart_to (f->window, exported, &error));
    g_assert_no_error (error);
    from_file = gdk_texture_new_from_filename (exported, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (from_file), ==, 1600);
    gdk_texture_download (from_file, a, 4 * 1600);
    gdk_texture_download (texture, b, 4 * 1600);
    g_assert_cmpint (memcmp (a, b, 4 * 1600 * 900), ==, 0);
  }
}

/* Drop
 * ---- */

static GValue *
file_list_value (GFile *file)
{
  GValue *value = g_new0 (GValue, 1);
  g_autoptr(GSList) files = g_slist_prepend (NULL, file);

  g_value_init (value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (value, gdk_file_list_new_from_list (files));

  return value;
}

static void
value_free (GValue *value)
{
  g_value_unset (value);
  g_free (value);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GValue, value_free)

static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *csv = hubs_test_path (f->dir, "dropped.csv");
  g_autofree char *xlsx = hubs_test_path (f->dir, "dropped.xlsx");
  g_autofree char *name = g_strdup_printf ("drop-xlsx-%s", lang_suffix (f));
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx);
  g_autoptr(GValue) csv_value = NULL;
  g_autoptr(GValue) xlsx_value = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (csv, "hub_id,kpi_id,fiscal_year,kind,value\n"
                                           "fukuoka,fukuoka/startup-visas,2026,actual,1500\n",
                                      -1, NULL));

  /* A CSV file dropped on the window opens the import with it, showing what it would add. */
  csv_value = file_list_value (csv_file);
  dialog = hubs_window_drop_files (f->window, csv_value);
  g_assert_true (HUBS_IS_IMPORT_DIALOG (dialog));
  hubs_test_wait_frames (dialog, 2);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (hubs_test_find_label_containing (dialog, "dropped.csv"));
  g_assert_true (hubs_test_find_label_containing (dialog, "1,500"));
  /* Nothing is written before Import. */
  g_assert_null (hubs_store_get_figure (f->store, "fukuoka/startup-visas", 2026,
                                        HUBS_FIGURE_ACTUAL, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A workbook: the import says how to save it as CSV. A single GFile is taken too. */
  g_assert_true (hubs_window_export_xlsx_to (f->window, xlsx, FALSE, &error));
  g_assert_no_error (error);
  xlsx_value = g_new0 (GValue, 1);
  g_value_init (xlsx_value, G_TYPE_FILE);
  g_value_set_object (xlsx_value, xlsx_file);
  dialog = hubs_window_drop_files (f->window, xlsx_value);
  g_assert_true (HUBS_IS_IMPORT_DIALOG (dialog));
  hubs_test_wait_frames (dialog, 2);
  g_assert_true (hubs_test_find_label_containing (dialog, "dropped.xlsx"));
  g_assert_true (hubs_test_find_label_containing (dialog, "CSV UTF-8"));
  g_assert_true (hubs_test_find_label_containing (dialog, f->ja ? "名前を付けて保存"
                                                                : "Save As"));
  g_free (hubs_test_save_screenshot (dialog, name));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A window for viewing only, the data as of a past moment, takes nothing in. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GError) local_error = NULL;
    HubsWindow *as_of = hubs_window_open_as_of (f->window, now, &local_error);

    hubs_test_wait_frames (GTK_WIDGET (as_of), 2);
    GtkWidget *refusal;

    g_assert_no_error (local_error);
    g_assert_null (hubs_window_drop_files (as_of, csv_value));
    refusal = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (refusal);
    g_assert_true (wait_for_label (refusal, f->ja ? "値を変更できるウィンドウにファイルをドロップ"
                                                  : "drop the file on a window you can change"));
    g_assert_null (hubs_test_find_toplevel (HUBS_TYPE_IMPORT_DIALOG, NULL));
    gtk_window_destroy (GTK_WINDOW (refusal));
    gtk_window_destroy (GTK_WINDOW (as_of));
  }
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hubs/window-export/menu", test_menu);
  ADD ("/hubs/window-export/csv-dialog", test_csv_dialog);
  ADD ("/hubs/window-export/template", test_template);
  ADD ("/hubs/window-export/xlsx-dialog", test_xlsx_dialog);
  ADD ("/hubs/window-export/copy-figures", test_copy_figures);
  ADD ("/hubs/window-export/copy-chart", test_copy_chart);
  ADD ("/hubs/window-export/drop", test_drop);
#undef ADD

  return g_test_run ();
}
