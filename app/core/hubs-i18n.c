/* hubs-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which language the data is shown in: the language the interface is translated into, so
 * that data and labels always agree.
 */

#define G_LOG_DOMAIN "hubs-i18n"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-i18n.h"

/**
 * hubs_i18n_is_japanese:
 *
 * Returns: %TRUE when the interface is shown in Japanese
 */
gboolean
hubs_i18n_is_japanese (void)
{
  /* Translators: the code of the language you translate into, such as “ja”. Hubs uses it
   * to show hub and KPI names in the same language as the interface. */
  return g_str_equal (C_("language code", "en"), "ja");
}

/**
 * hubs_i18n_pick:
 * @text_ja: (nullable): the Japanese text
 * @text_en: (nullable): the English text
 *
 * Picks the text in the interface's language, falling back to the other language when that
 * one is missing or empty.
 *
 * Returns: (transfer none): one of the two, or "" when both are missing
 */
const char *
hubs_i18n_pick (const char *text_ja,
                const char *text_en)
{
  gboolean ja = hubs_i18n_is_japanese ();
  const char *first = ja ? text_ja : text_en;
  const char *second = ja ? text_en : text_ja;

  if (first != NULL && *first != '\0')
    return first;
  if (second != NULL)
    return second;
  return "";
}
