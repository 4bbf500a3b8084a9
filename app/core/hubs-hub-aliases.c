/* hubs-hub-aliases.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The other names staff still use for the shipped hub cities: the phase-1 names (京阪神 for
 * 関西, 仙台市 for 東北 …) and the names of their lead governments. A search finds a hub by
 * any of them.
 *
 * A table here rather than a key of data/hubs-plan.ini: the plan seeds new databases only,
 * so names read from it would reach no database created before, and storing them would
 * need a schema change; these names belong to the programme's stable hub ids, not to
 * anything a user edits. A hub the user adds has no alias.
 */

#define G_LOG_DOMAIN "hubs-hub-aliases"

#include "config.h"

#include <string.h>

#include "hubs-hub-aliases.h"

typedef struct
{
  const char *hub_id;
  const char *aliases[8];
} HubAliases;

static const HubAliases aliases[] = {
  { "sapporo", { "札幌市", "北海道", "Sapporo City", NULL } },
  { "tohoku", { "仙台市", "仙台", "Sendai", "Sendai City", NULL } },
  { "chubu", { "名古屋・浜松", "名古屋", "浜松", "愛知", "Nagoya", "Hamamatsu", "Central Japan",
               NULL } },
  { "kansai", { "京阪神", "大阪・京都・神戸", "大阪", "京都", "神戸", "Keihanshin",
                "Osaka-Kyoto-Kobe", NULL } },
  { "hiroshima", { "広島県", "Hiroshima Prefecture", NULL } },
  { "kitakyushu", { "北九州市", "Kitakyushu City", NULL } },
  { "fukuoka", { "福岡市", "Fukuoka City", NULL } },
};

/**
 * hubs_hub_aliases_get:
 * @hub_id: a hub id
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the hub's other names, or
 *   %NULL when it has none
 */
const char * const *
hubs_hub_aliases_get (const char *hub_id)
{
  g_return_val_if_fail (hub_id != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (aliases[i].hub_id, hub_id))
      return aliases[i].aliases;

  return NULL;
}

/**
 * hubs_hub_aliases_match:
 * @text: what the user typed
 *
 * Finds the hubs one of whose other names contains @text, letters without regard to case.
 *
 * Returns: (transfer full) (element-type utf8): the ids of those hubs (not copied: the
 *   strings are static)
 */
GPtrArray *
hubs_hub_aliases_match (const char *text)
{
  g_autofree char *needle = NULL;
  GPtrArray *found = g_ptr_array_new ();

  g_return_val_if_fail (text != NULL, found);

  needle = g_utf8_casefold (text, -1);
  g_strstrip (needle);
  if (*needle == '\0')
    return found;

  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    for (const char * const *alias = aliases[i].aliases; *alias != NULL; alias++)
      {
        g_autofree char *folded = g_utf8_casefold (*alias, -1);

        if (strstr (folded, needle) != NULL)
          {
            g_ptr_array_add (found, (gpointer) aliases[i].hub_id);
            break;
          }
      }

  return found;
}

/* The edit distance of @a and @b, counted in bytes (the ids are ASCII), at most @limit + 1. */
static guint
distance (const char *a,
          const char *b,
          guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/**
 * hubs_hub_aliases_suggest:
 * @hubs: (element-type HubsHub): the hubs there are
 * @text: a hub id that matched none of them, as the user typed it
 *
 * What the user probably meant: a hub whose former or other name, or whose name, is @text
 * (京阪神, osaka), or whose id is one or two letters away (kansia).
 *
 * Returns: (nullable): the hub id to suggest, or %NULL
 */
const char *
hubs_hub_aliases_suggest (GPtrArray  *hubs,
                          const char *text)
{
  g_autoptr(GPtrArray) by_alias = NULL;
  const char *best = NULL;
  guint best_distance = 3;

  g_return_val_if_fail (hubs != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  by_alias = hubs_hub_aliases_match (text);
  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);

      for (guint a = 0; a < by_alias->len; a++)
        if (g_str_equal (by_alias->pdata[a], hub->id))
          return hub->id;
      if (g_ascii_strcasecmp (hub->name_en, text) == 0 || g_str_equal (hub->name_ja, text))
        return hub->id;
    }

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      guint d = distance (text, hub->id, best_distance);

      if (d < best_distance)
        {
          best_distance = d;
          best = hub->id;
        }
    }

  return best;
}
