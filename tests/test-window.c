/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hubs-application.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

typedef struct
{
  const char *screenshot;
  guint       n_hub_rows;
  gboolean    presented;
} WindowCheck;

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

/* The sidebar: the list styled as a navigation sidebar. */
static GtkWidget *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  WindowCheck *check;
  GtkWindow   *window;
} Pending;

static gboolean
check_window_idle (gpointer data)
{
  g_autofree Pending *pending = data;
  WindowCheck *check = pending->check;
  GtkWindow *window = pending->window;
  g_autofree char *path = NULL;

  hubs_test_wait_frames (GTK_WIDGET (window), 3);

  check->presented = gtk_widget_get_mapped (GTK_WIDGET (window));
  check->n_hub_rows = count_rows (find_list_box (GTK_WIDGET (window)));
  path = hubs_test_save_screenshot (GTK_WIDGET (window), check->screenshot);

  gtk_window_destroy (window);

  return G_SOURCE_REMOVE;
}

/* The window is added before it is presented: look at it once the application is idle. */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 WindowCheck    *check)
{
  Pending *pending = g_new0 (Pending, 1);

  g_assert_true (HUBS_IS_WINDOW (window));
  pending->check = check;
  pending->window = window;
  g_idle_add (check_window_idle, pending);
}

static void
test_starts_on_temp_database (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autoptr(HubsApplication) app = hubs_application_new ();
  char *argv[] = { (char *) "hubs", db_arg, NULL };
  WindowCheck check = { "window-start", 0, FALSE };
  int status;

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &check);
  status = g_application_run (G_APPLICATION (app), 2, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.presented);
  g_assert_cmpuint (check.n_hub_rows, ==, 13);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (hubs_application_get_store (app));

  hubs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

  g_test_add_func ("/hubs/window/starts-on-temp-database", test_starts_on_temp_database);

  return g_test_run ();
}
