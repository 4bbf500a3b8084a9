/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-application.h"
#include "hubs-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HubsApplication) app = NULL;
  const char *localedir = g_getenv ("HUBS_LOCALEDIR");

  /* The language chosen in the preferences first: it sets LANGUAGE, which the locale set-up
   * and gettext then follow. */
  hubs_i18n_apply_language_setting ();
  hubs_i18n_init_locale ();
  /* HUBS_LOCALEDIR lets the program find its translations in the build folder. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hubs_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
