/* test-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history in the reader's words: stored machine forms (plain numbers, enum names, UTC
 * time stamps) come out as a person reads them, in both languages; and who made a change,
 * with the database user a shared database records for it.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hubs-history.h"
#include "hubs-test-util.h"

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
  /* The stored UTC stamp is shown in Japan, as every moment is. */
  g_assert_null (strstr (change, "T00:30"));
  g_assert_nonnull (strstr (change, "1 April 2026, 09:30"));
}

/* Who: a name and organisation, with the database user where it is not the name. */
static void
test_who (void)
{
  g_autofree char *both = hubs_history_describe_who ("Sato Hanako", "Fukuoka City",
                                                     "hubs_fukuoka");
  g_autofree char *same = hubs_history_describe_who ("hubs_fukuoka", NULL, "hubs_fukuoka");
  g_autofree char *file = hubs_history_describe_who ("Sato Hanako", "Fukuoka City", NULL);
  g_autofree char *only_user = hubs_history_describe_who (NULL, NULL, "hubs_fukuoka");
  g_autofree char *nobody = hubs_history_describe_who (NULL, NULL, NULL);
  HubsHistoryEntry entry = {
    .changed_at = (char *) "2026-04-01T00:30:00.000Z",
    .kpi_id = (char *) "fukuoka/startups",
    .fiscal_year = 2025,
    .kind = (char *) "actual",
    .field = (char *) "value",
    .old_value = (char *) "160",
    .new_value = (char *) "175",
    .changed_by = (char *) "Sato Hanako",
    .organisation = (char *) "Fukuoka City",
    .db_user = (char *) "hubs_fukuoka",
  };
  g_autofree char *title = NULL;
  g_autofree char *change = NULL;

  g_assert_cmpstr (both, ==, "Sato Hanako (Fukuoka City) · hubs_fukuoka");
  g_assert_cmpstr (same, ==, "hubs_fukuoka");
  g_assert_cmpstr (file, ==, "Sato Hanako (Fukuoka City)");
  g_assert_cmpstr (only_user, ==, "hubs_fukuoka");
  g_assert_null (nobody);

  hubs_history_describe_entry (&entry, "社", HUBS_LANGUAGE_EN, &title, &change);
  g_assert_nonnull (strstr (change, "Sato Hanako (Fukuoka City) · hubs_fukuoka"));
}

/* Every change records the database user: the server's current_user on a shared database
 * (the test server's superuser here), none in a file. */
static void
test_db_user (HubsTestStore *f,
              gconstpointer  data)
{
  g_autoptr(HubsFigure) figure = hubs_test_make_actual ("sapporo/startups", 2025, 175);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const HubsHistoryEntry *last;

  hubs_store_set_author (f->store, "Sato Hanako", "Sapporo City");
  g_assert_true (hubs_store_set_figure (f->store, figure, &error));
  g_assert_no_error (error);

  history = hubs_store_list_history (f->store, "sapporo/startups", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->changed_by, ==, "Sato Hanako");
  if (hubs_test_engine_is_postgresql ())
    g_assert_cmpstr (last->db_user, ==, "postgres");
  else
    g_assert_null (last->db_user);
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
  g_test_add_func ("/hubs/history/who", test_who);
  g_test_add ("/hubs/history/db-user", HubsTestStore, NULL, hubs_test_store_set_up, test_db_user,
              hubs_test_store_tear_down);

  return g_test_run ();
}
