/* hubs-members.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hub's member list as people read and type it. The store keeps one member a line and, in
 * members_more, whether the list names only some of them (the plan's 等); these functions
 * turn that into one line in the language's way of listing ("札幌市、北海道等", "City of
 * Sapporo, Hokkaido and others") and back.
 */

#define G_LOG_DOMAIN "hubs-members"

#include "config.h"

#include <string.h>

#include "hubs-members.h"

#define AND_OTHERS_JA "等"
#define AND_OTHERS_EN " and others"

/**
 * hubs_members_to_text:
 * @lines: (nullable): the members, one a line
 * @more: whether the list names only some of them
 * @lang: the language of the list
 *
 * Returns: (transfer full): the members on one line, "" for none
 */
char *
hubs_members_to_text (const char   *lines,
                      gboolean      more,
                      HubsLanguage  lang)
{
  g_auto(GStrv) items = g_strsplit (lines != NULL ? lines : "", "\n", -1);
  g_autofree char *joined = g_strjoinv (lang == HUBS_LANGUAGE_JA ? "、" : ", ", items);

  if (!more || *joined == '\0')
    return g_steal_pointer (&joined);

  return g_strconcat (joined, lang == HUBS_LANGUAGE_JA ? AND_OTHERS_JA : AND_OTHERS_EN, NULL);
}

/* Removes @suffix from the end of @item; TRUE when it was there. */
static gboolean
strip_suffix (char       *item,
              const char *suffix)
{
  gsize len = strlen (item);
  gsize suffix_len = strlen (suffix);

  if (len <= suffix_len || g_ascii_strcasecmp (item + len - suffix_len, suffix) != 0)
    return FALSE;

  item[len - suffix_len] = '\0';
  g_strchomp (item);
  return TRUE;
}

/**
 * hubs_members_from_text:
 * @text: the members as typed, separated by 、 or commas
 * @more: (out): whether the list ends in 等 (or "and others", "etc."): it names only some
 *
 * Returns: (transfer full): the members, one a line, without the closing 等
 */
char *
hubs_members_from_text (const char *text,
                        gboolean   *more)
{
  g_auto(GStrv) items = g_regex_split_simple ("\\s*[、,，]\\s*", text != NULL ? text : "", 0, 0);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  *more = FALSE;
  for (guint i = 0; items[i] != NULL; i++)
    if (*g_strstrip (items[i]) != '\0')
      g_ptr_array_add (kept, items[i]);

  if (kept->len > 0)
    {
      char *last = g_ptr_array_index (kept, kept->len - 1);

      /* "… and others", "… etc.", and 等 or など in either language. */
      *more = strip_suffix (last, AND_OTHERS_JA) || strip_suffix (last, "など") ||
              strip_suffix (last, AND_OTHERS_EN) || strip_suffix (last, " etc.") ||
              strip_suffix (last, " etc");
      if (*last == '\0')
        g_ptr_array_remove_index (kept, kept->len - 1);
    }
  g_ptr_array_add (kept, NULL);

  return g_strjoinv ("\n", (char **) kept->pdata);
}
