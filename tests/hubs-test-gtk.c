/* hubs-test-gtk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK helpers for the tests: set-up that keeps the locale, waiting for real frames, and
 * screenshots rendered in process (see shared/TESTING.md).
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"

void
hubs_test_gtk_init (int    *argc,
                    char ***argv)
{
  const char *localedir = g_getenv ("HUBS_LOCALEDIR");

  g_autofree char *data_home = g_dir_make_tmp ("hubs-test-data-XXXXXX", NULL);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides XDG_DATA_DIRS, and with it the icon theme and
   * the MIME database GTK needs to load icons. Only the user's own data folder is moved, so
   * no test can touch a real database. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (argc, argv, NULL);
  gtk_init ();
  /* gtk_init() may have reset the locale; tests of translations need the environment's. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  /* Screenshots show where a change ends, not a frame of its animation (an expander's arrow
   * half turned, a row half revealed). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* The app's own style sheet, which AdwApplication loads for the real app: the windows a
   * test builds and photographs look as the user's do. */
  if (g_resources_get_info ("/com/example/Hubs/style.css", 0, NULL, NULL, NULL))
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/com/example/Hubs/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* Tests act as someone who already said who they are (the memory backend forgets it);
   * the test of that question sets it back. */
  {
    g_autoptr(GSettings) settings = hubs_author_get_settings ();

    if (settings != NULL)
      g_settings_set_boolean (settings, HUBS_AUTHOR_KEY_ASKED, TRUE);
  }
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *remaining)
{
  if (*remaining > 0)
    (*remaining)--;
}

/* Spins the main loop until @widget's window has painted @n_frames more frames. */
void
hubs_test_wait_frames (GtkWidget *widget,
                       guint      n_frames)
{
  GdkFrameClock *clock;
  gulong handler;
  guint remaining = n_frames;
  gint64 deadline = hubs_test_deadline (10);

  while (!(clock = gtk_widget_get_frame_clock (widget)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &remaining);
  while (remaining > 0)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_signal_handler_disconnect (clock, handler);
}

/* Spins the main loop for a while, for timeouts such as gtk_widget_activate()'s. */
void
hubs_test_spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Renders @widget as the screen shows it and writes NAME.png into the build folder. */
char *
hubs_test_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  const char *dir = g_getenv ("HUBS_SCREENSHOT_DIR");
  char *path;
  GskRenderer *renderer;
  int width;
  int height;

  /* The paintable shows the last frame: let the latest changes reach one. */
  hubs_test_wait_frames (widget, 2);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return path;
}

/* Whether a label under @root (or @root itself) shows text containing @text. */
gboolean
hubs_test_find_label_containing (GtkWidget  *root,
                                 const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (hubs_test_find_label_containing (child, text))
      return TRUE;

  return FALSE;
}

/* The first widget under @root, @root included, depth first, that @match accepts. */
GtkWidget *
hubs_test_find_first (GtkWidget           *root,
                      HubsTestWidgetMatch  match,
                      gconstpointer        data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hubs_test_find_first (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Adds to @found every widget under @root, @root included, that @match accepts. */
void
hubs_test_collect (GtkWidget           *root,
                   HubsTestWidgetMatch  match,
                   gconstpointer        data,
                   GPtrArray           *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hubs_test_collect (child, match, data, found);
}

/* A match for widgets of a type: pass GSIZE_TO_POINTER (GTK_TYPE_…) as the data. */
gboolean
hubs_test_is_of_type (GtkWidget     *widget,
                      gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The toplevel window of @type that shows, other than @except, if any. */
GtkWidget *
hubs_test_find_toplevel (GType      type,
                         GtkWidget *except)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && l->data != (gpointer) except &&
        gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

/* The shortcut among @widget's own controllers, as GTK handles a key press with them, that
 * activates @action_name; or NULL. */
GtkShortcut *
hubs_test_find_shortcut (GtkWidget  *widget,
                         const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                         action_name) == 0)
            return g_steal_pointer (&shortcut);
        }
    }

  return NULL;
}
