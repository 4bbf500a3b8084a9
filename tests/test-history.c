/* test-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history in the reader's words: stored machine forms (plain numbers, enum names, UTC
 * time stamps) come out as a person reads them, in both languages.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hubs-history.h"

static void
test_values (void)
{
  g_autofree char *none = hubs_history_describe_value ("value", NULL, "社", HUBS_LANGUAGE_EN);
  g_autofree char *count = hubs_history_describe_value ("value", "12856", "人", HUBS_LANGUAGE_JA);
  g_autofree char *unmeasured = hubs_history_describe_value ("value", "not_measured", "社",
                                                             HUBS_LANGUAGE_EN);
  g_autofree char *aggregation = hubs_history_describe_value ("aggregation", "flow", NULL,
                                                              HUBS_LANGUAGE_EN);
  g_autofree char *other = hubs_history_describe_value ("note_ja", "速報値", NULL,
                                                        HUBS_LANGUAGE_EN);

  g_assert_cmpstr (none, ==, "—");
  /* Japanese readers group by 10⁴. */
  g_assert_nonnull (strstr (count, "1万2,856"));
  g_assert_cmpstr (unmeasured, ==, "not measured");
  g_assert_cmpstr (aggregation, ==, hubs_aggregation_get_label (HUBS_AGGREGATION_FLOW));
  g_assert_cmpstr (other, ==, "速報値");
}

static void
test_entry (void)
{
  HubsHistoryEntry entry = {
    .changed_at = (char *) "2026-04-01T00:30:00.000Z",
    .kpi_id = (char *) "sapporo/startups",
    .fiscal_year = 2025,
    .kind = (char *) "actual",
    .field = (char *) "value",
    .old_value = (char *) "160",
    .new_value = (char *) "175",
  };
  g_autofree char *title = NULL;
  g_autofree char *change = NULL;

  hubs_history_describe_entry (&entry, "社", HUBS_LANGUAGE_EN, &title, &change);
  g_assert_nonnull (strstr (title, "FY2025"));
  g_assert_nonnull (strstr (title, hubs_history_field_get_label ("value")));
  g_assert_nonnull (strstr (change, "160"));
  g_assert_nonnull (strstr (change, "175"));
  g_assert_nonnull (strstr (change, "→"));
  /* The stored UTC stamp is not shown as it is stored. */
  g_assert_null (strstr (change, "T00:30"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hubs/history/values", test_values);
  g_test_add_func ("/hubs/history/entry", test_entry);

  return g_test_run ();
}
