/* hubs-about.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The About window: name, version, licence and the people who made and translated Hubs.
 */

#define G_LOG_DOMAIN "hubs-about"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hubs-about.h"

/**
 * hubs_about_show:
 * @parent: (nullable): the window the About window belongs to
 *
 * Shows the About window of Hubs, modal to @parent. It is destroyed when closed.
 */
void
hubs_about_show (GtkWindow *parent)
{
  static const char *developers[] = {
    "Hubs contributors",
    NULL
  };
  /* Translators: put your names here, one a line, e.g. “Taro Yamada <taro@example.com>”;
   * they show on the Credits page */
  const char *translators = _("translator-credits");
  GtkWidget *about;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Hubs"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        /* Translators: who wrote Hubs, shown under the icon */
                        "developer-name", _("The Hubs developers"),
                        "developers", developers,
                        "comments", _("Track the KPIs of Japan’s startup ecosystem hub cities: "
                                      "baselines, targets and the actual figures of every "
                                      "fiscal year, and how far each city has come."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Hubs developers",
                        "website", "https://example.com/hubs",
                        "modal", TRUE,
                        "transient-for", parent,
                        NULL);

  /* Untranslated, the string is its own msgid: no credits to show then. */
  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  gtk_window_present (GTK_WINDOW (about));
}
