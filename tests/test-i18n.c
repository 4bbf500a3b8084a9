/* test-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window in the language of the environment. meson runs this twice, with
 * LANGUAGE=ja and LANGUAGE=en (and LANG=C.UTF-8): the language must be set before the
 * process starts. It checks the labels the user sees, not what the code asked for, and saves
 * window-ja.png or window-en.png.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-about.h"
#include "hubs-application.h"
#include "hubs-i18n.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

typedef struct
{
  const char *language;
  GPtrArray  *labels;    /* the text of every label on screen */
  gboolean    presented;
} Check;

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        g_ptr_array_add (labels, g_strdup (text));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static gboolean
has_label (GPtrArray  *labels,
           const char *text)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (g_ptr_array_index (labels, i), text))
      return TRUE;

  return FALSE;
}

static gboolean
has_japanese (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff))
        return TRUE;
    }

  return FALSE;
}

static void
print_labels (GPtrArray *labels)
{
  for (guint i = 0; i < labels->len; i++)
    g_test_message ("label: %s", (const char *) g_ptr_array_index (labels, i));
}

typedef struct
{
  Check     *check;
  GtkWindow *window;
} Pending;

static gboolean
check_window_idle (gpointer data)
{
  g_autofree Pending *pending = data;
  g_autofree char *name = g_strconcat ("window-", pending->check->language, NULL);
  g_autofree char *path = NULL;

  hubs_test_wait_frames (GTK_WIDGET (pending->window), 3);

  pending->check->presented = gtk_widget_get_mapped (GTK_WIDGET (pending->window));
  collect_labels (GTK_WIDGET (pending->window), pending->check->labels);
  path = hubs_test_save_screenshot (GTK_WIDGET (pending->window), name);

  gtk_window_destroy (pending->window);

  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Check          *check)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->check = check;
  pending->window = window;
  g_idle_add (check_window_idle, pending);
}

static void
run_window (Check *check)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autoptr(HubsApplication) app = hubs_application_new ();
  char *argv[] = { (char *) "hubs", db_arg, NULL };

  check->labels = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), check);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (check->presented);
  print_labels (check->labels);

  hubs_test_remove_dir (dir);
}

static void
test_japanese (void)
{
  Check check = { "ja" };

  g_assert_true (hubs_i18n_is_japanese ());
  run_window (&check);

  /* The interface: the sidebar's header and a pillar heading. */
  g_assert_true (has_label (check.labels, "拠点都市"));
  g_assert_true (has_label (check.labels, "全体KPI"));
  g_assert_false (has_label (check.labels, "Hub Cities"));
  g_assert_false (has_label (check.labels, "Overall KPIs"));
  /* The data follows: hub names in the sidebar. */
  g_assert_true (has_label (check.labels, "札幌・北海道"));
  g_assert_false (has_label (check.labels, "Sapporo & Hokkaido"));

  /* No label shows an English original that has a translation. */
  for (guint i = 0; i < check.labels->len; i++)
    {
      const char *text = g_ptr_array_index (check.labels, i);
      const char *translated = g_dgettext (GETTEXT_PACKAGE, text);

      if (translated != text && !g_str_equal (translated, text))
        g_error ("“%s” is shown untranslated; ja.po has “%s”", text, translated);
    }

  g_ptr_array_unref (check.labels);
}

static void
test_english (void)
{
  Check check = { "en" };

  g_assert_false (hubs_i18n_is_japanese ());
  run_window (&check);

  g_assert_true (has_label (check.labels, "Hub Cities"));
  g_assert_true (has_label (check.labels, "Overall KPIs"));
  g_assert_true (has_label (check.labels, "Sapporo & Hokkaido"));

  /* English through and through: the plan has English names for every hub and KPI. */
  for (guint i = 0; i < check.labels->len; i++)
    {
      const char *text = g_ptr_array_index (check.labels, i);

      if (has_japanese (text))
        g_error ("“%s” is Japanese in the English interface", text);
    }

  g_ptr_array_unref (check.labels);
}

/* The About window: version, licence and icon, and the translators where there are some. */
static void
test_about (void)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *icons = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", NULL);
  g_autofree char *name = g_strconcat ("about-", language, NULL);
  g_autofree char *path = NULL;
  g_autofree char *version = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *credits = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkLicense license;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *about = NULL;

  /* As installed: the icon in the hicolor theme. */
  gtk_icon_theme_add_search_path (theme, icons);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));

  hubs_about_show (NULL);
  for (guint i = 0; about == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window))
        about = window;
    }
  g_assert_nonnull (about);

  g_object_get (about,
                "version", &version,
                "application-icon", &icon,
                "license-type", &license,
                "translator-credits", &credits,
                NULL);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (icon, ==, APP_ID);
  g_assert_cmpint (license, ==, GTK_LICENSE_GPL_3_0);
  if (hubs_i18n_is_japanese ())
    g_assert_cmpstr (credits, !=, NULL);
  else
    g_assert_null (credits);

  hubs_test_wait_frames (GTK_WIDGET (about), 3);
  collect_labels (GTK_WIDGET (about), labels);
  print_labels (labels);
  g_assert_true (has_label (labels, PACKAGE_VERSION));
  path = hubs_test_save_screenshot (GTK_WIDGET (about), name);

  gtk_window_destroy (about);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");

  hubs_test_gtk_init (&argc, &argv);

  if (g_strcmp0 (language, "ja") == 0)
    g_test_add_func ("/hubs/i18n/window-japanese", test_japanese);
  else if (g_strcmp0 (language, "en") == 0)
    g_test_add_func ("/hubs/i18n/window-english", test_english);
  else
    g_error ("Run with LANGUAGE=ja or LANGUAGE=en (tests/meson.build does both)");
  g_test_add_func ("/hubs/i18n/about", test_about);

  return g_test_run ();
}
