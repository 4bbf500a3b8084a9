/* hubs-tracker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Cabinet Office's checklist before the report meeting: every hub and fiscal year, with
 * its state, who submitted it and when, and how many KPIs lack a figure or an explanation.
 */

#define G_LOG_DOMAIN "hubs-tracker"

#include "config.h"

#include "hubs-submission.h"
#include "hubs-tracker.h"

void
hubs_tracker_row_free (HubsTrackerRow *row)
{
  if (row == NULL)
    return;

  g_free (row->hub_id);
  g_free (row->hub_name_ja);
  g_free (row->hub_name_en);
  hubs_year_state_free (row->state);
  g_free (row);
}

/**
 * hubs_tracker_last_year:
 * @store: a #HubsStore
 * @now: the time now
 * @error: a location for a #GError
 *
 * The last fiscal year the checklist shows: the latest that has ended, or a later one some
 * hub already submitted.
 *
 * Returns: the fiscal year, or 0 with @error set
 */
int
hubs_tracker_last_year (HubsStore  *store,
                        GDateTime  *now,
                        GError    **error)
{
  g_autoptr(GPtrArray) states = hubs_store_list_year_states (store, NULL, error);
  int last = MAX (hubs_fiscal_year_latest_ended (now), HUBS_FIRST_FISCAL_YEAR);

  if (states == NULL)
    return 0;

  for (guint i = 0; i < states->len; i++)
    last = MAX (last, ((HubsYearState *) g_ptr_array_index (states, i))->fiscal_year);

  return MIN (last, HUBS_LAST_FISCAL_YEAR);
}

/**
 * hubs_tracker_list:
 * @store: a #HubsStore
 * @first_year: the first fiscal year to list
 * @last_year: the last fiscal year to list
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsTrackerRow): one row per fiscal year and hub,
 *   the latest year first, hubs in their order
 */
GPtrArray *
hubs_tracker_list (HubsStore  *store,
                   int         first_year,
                   int         last_year,
                   GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                              hubs_tracker_row_free);
  g_autoptr(GPtrArray) hubs = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  if (!(hubs = hubs_store_list_hubs (store, error)))
    return NULL;

  for (int year = last_year; year >= first_year; year--)
    for (guint i = 0; i < hubs->len; i++)
      {
        const HubsHub *hub = g_ptr_array_index (hubs, i);
        g_autoptr(GPtrArray) issues = NULL;
        HubsTrackerRow *row;

        if (!(issues = hubs_submission_check (store, hub->id, year, HUBS_LANGUAGE_EN, error)))
          return NULL;

        row = g_new0 (HubsTrackerRow, 1);
        row->hub_id = g_strdup (hub->id);
        row->hub_name_ja = g_strdup (hub->name_ja);
        row->hub_name_en = g_strdup (hub->name_en);
        if (!(row->state = hubs_store_get_year_state (store, hub->id, year, error)))
          {
            hubs_tracker_row_free (row);
            return NULL;
          }
        for (guint j = 0; j < issues->len; j++)
          {
            const HubsSubmissionIssue *issue = g_ptr_array_index (issues, j);

            row->n_missing += issue->kind == HUBS_SUBMISSION_MISSING;
            row->n_unexplained += issue->kind == HUBS_SUBMISSION_NEEDS_EXPLANATION;
          }
        g_ptr_array_add (rows, row);
      }

  return g_steal_pointer (&rows);
}
