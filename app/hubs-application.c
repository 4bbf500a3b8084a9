/* hubs-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: its command line (which works without a display), the database it opens,
 * and the main window.
 */

#define G_LOG_DOMAIN "hubs-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-application.h"
#include "hubs-about.h"
#include "hubs-cli.h"
#include "hubs-preferences-window.h"
#include "hubs-window.h"

struct _HubsApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  HubsStore      *store;
  GError         *store_error;
  char           *database_path;
};

G_DEFINE_FINAL_TYPE (HubsApplication, hubs_application, ADW_TYPE_APPLICATION)

static int
hubs_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  HubsApplication *self = HUBS_APPLICATION (application);
  int exit_status;

  g_variant_dict_lookup (options, "database", "^ay", &self->database_path);

  if (hubs_cli_handle (options, self->database_path, &exit_status))
    return exit_status;

  if (!gtk_init_check ())
    {
      hubs_cli_print_error (_("There is no graphical display to show the window on. Start "
                              "Hubs from a desktop session, or give it a virtual display with "
                              "“xvfb-run -a hubs”. The command-line options (see “hubs "
                              "--help”) work without a display."));
      return 1;
    }

  /* Open now so the terminal gets the message too; the window shows it as well. */
  if (!(self->store = hubs_cli_open_store (self->database_path, &self->store_error)))
    hubs_cli_print_error (self->store_error->message);

  return -1;
}

static void
hubs_application_activate (GApplication *application)
{
  HubsApplication *self = HUBS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (hubs_window_new (GTK_APPLICATION (self), self->store));
      if (self->store_error != NULL)
        hubs_window_show_error (HUBS_WINDOW (window), self->store_error);
    }

  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  hubs_about_show (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (hubs_preferences_window_new (parent)));
}

/* Starts a new Hubs on the same database, then quits this one: every figure is already
 * saved, so nothing is lost. */
static void
restart_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HubsApplication *self = HUBS_APPLICATION (user_data);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_ptr_array_add (argv, g_file_read_link ("/proc/self/exe", NULL));
  if (self->database_path != NULL)
    g_ptr_array_add (argv, g_strconcat ("--database=", self->database_path, NULL));
  g_ptr_array_add (argv, NULL);

  if (argv->pdata[0] == NULL ||
      !g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                      &error))
    {
      if (window != NULL && HUBS_IS_WINDOW (window))
        hubs_window_add_toast (HUBS_WINDOW (window),
                               error ? error->message : _("Hubs could not restart itself."),
                               FALSE);
      return;
    }

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "restart", restart_action },
};

static void
hubs_application_startup (GApplication *application)
{
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (hubs_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
hubs_application_finalize (GObject *object)
{
  HubsApplication *self = (HubsApplication *)object;

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (hubs_application_parent_class)->finalize (object);
}

static void
hubs_application_class_init (HubsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hubs_application_finalize;

  app_class->handle_local_options = hubs_application_handle_local_options;
  app_class->activate = hubs_application_activate;
  app_class->startup = hubs_application_startup;
}

static void
hubs_application_init (HubsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self),
                                         hubs_cli_get_option_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Track the KPIs of the startup ecosystem hub "
                                              "cities."));
}

/**
 * hubs_application_new:
 *
 * Returns: (transfer full): the application
 */
HubsApplication *
hubs_application_new (void)
{
  /* One process per database: a second window on another --database must not be handed to
   * the first instance. */
  return g_object_new (HUBS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/com/example/Hubs",
                       NULL);
}

/**
 * hubs_application_get_store:
 * @self: a #HubsApplication
 *
 * Returns: (transfer none) (nullable): the open database
 */
HubsStore *
hubs_application_get_store (HubsApplication *self)
{
  g_return_val_if_fail (HUBS_IS_APPLICATION (self), NULL);

  return self->store;
}
