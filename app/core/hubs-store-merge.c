/* hubs-store-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KPI's, a hub's or an explanation's fields saved over what is stored now, by three: what
 * the user saw (@from), what they saved (@to) and what is stored (@stored). A field the save changes must
 * still hold what the user saw, or already what they saved; else someone else changed it
 * meanwhile, and nothing is saved (neither change is lost unseen). A field the save does not
 * change keeps what is stored, so two people changing two fields of one KPI at once both
 * keep theirs. The store merges inside the transaction of the save, under a lock of the
 * record's (see hubs_store_replace_kpi()).
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include "hubs-store-merge.h"

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* A text field: changed by the save, it must not have moved meanwhile; else stored wins. */
static void
merge_text (const char  *from,
            const char  *to,
            const char  *stored,
            char       **merged,
            gboolean    *conflict)
{
  if (!same_text (from, to))
    {
      if (!same_text (stored, from) && !same_text (stored, to))
        *conflict = TRUE;
      return;
    }

  g_free (*merged);
  *merged = g_strdup (stored);
}

#define MERGE_TEXT(field) \
  merge_text (from->field, to->field, stored->field, &merged->field, &conflict)

/* The same for a number, a choice or a flag. */
#define MERGE_VALUE(field) \
  G_STMT_START { \
    if (from->field != to->field) \
      { \
        if (stored->field != from->field && stored->field != to->field) \
          conflict = TRUE; \
      } \
    else \
      merged->field = stored->field; \
  } G_STMT_END

/**
 * _hubs_store_merge_kpi:
 * @from: the KPI as the user saw it
 * @to: as they saved it
 * @stored: as stored now
 *
 * Returns: (transfer full) (nullable): the KPI to store: @to's changes over @stored (with
 *   @stored's place), or %NULL when a field @to changes was changed meanwhile
 */
HubsKpi *
_hubs_store_merge_kpi (const HubsKpi *from,
                       const HubsKpi *to,
                       const HubsKpi *stored)
{
  g_autoptr(HubsKpi) merged = hubs_kpi_copy (to);
  gboolean conflict = FALSE;

  MERGE_TEXT (parent_id);
  MERGE_TEXT (name_ja);
  MERGE_TEXT (name_en);
  MERGE_VALUE (pillar);
  MERGE_TEXT (unit);
  MERGE_TEXT (unit_en_one);
  MERGE_TEXT (unit_en);
  MERGE_VALUE (aggregation);
  MERGE_VALUE (direction);
  MERGE_VALUE (qualifier);
  MERGE_TEXT (note_ja);
  MERGE_TEXT (note_en);
  MERGE_VALUE (per_year);
  MERGE_VALUE (path_from_zero);
  merged->sort_order = stored->sort_order;

  /* A KPI with no parent keeps NULL, as stored. */
  if (merged->parent_id != NULL && *merged->parent_id == '\0')
    g_clear_pointer (&merged->parent_id, g_free);

  return conflict ? NULL : g_steal_pointer (&merged);
}

/**
 * _hubs_store_merge_hub:
 * @from: the hub as the user saw it
 * @to: as they saved it
 * @stored: as stored now
 *
 * Returns: (transfer full) (nullable): as _hubs_store_merge_kpi(), for a hub
 */
HubsHub *
_hubs_store_merge_hub (const HubsHub *from,
                       const HubsHub *to,
                       const HubsHub *stored)
{
  g_autoptr(HubsHub) merged = hubs_hub_copy (to);
  gboolean conflict = FALSE;

  MERGE_TEXT (name_ja);
  MERGE_TEXT (name_en);
  MERGE_TEXT (consortium_ja);
  MERGE_TEXT (consortium_en);
  MERGE_VALUE (tier);
  MERGE_VALUE (type);
  MERGE_TEXT (slogan_ja);
  MERGE_TEXT (slogan_en);
  MERGE_TEXT (summary_ja);
  MERGE_TEXT (summary_en);
  MERGE_TEXT (members_ja);
  MERGE_TEXT (members_en);
  MERGE_TEXT (focus_ja);
  MERGE_TEXT (focus_en);
  MERGE_VALUE (members_more);
  merged->sort_order = stored->sort_order;

  return conflict ? NULL : g_steal_pointer (&merged);
}

/**
 * _hubs_store_merge_explanation:
 * @from: the explanation as the user saw it
 * @to: as they saved it
 * @stored: as stored now
 *
 * Returns: (transfer full) (nullable): as _hubs_store_merge_kpi(), for an explanation
 */
HubsExplanation *
_hubs_store_merge_explanation (const HubsExplanation *from,
                               const HubsExplanation *to,
                               const HubsExplanation *stored)
{
  g_autoptr(HubsExplanation) merged = hubs_explanation_copy (to);
  gboolean conflict = FALSE;

  MERGE_TEXT (why);
  MERGE_TEXT (action);

  return conflict ? NULL : g_steal_pointer (&merged);
}
