/* test-plausibility.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures that cannot be right are refused and figures far from the plan are questioned, on
 * the KPIs of the shipped plan: the walkthrough's cases (1,234% for a share, −3% and 100.5%,
 * 12,856 startup visas against a plan of 240, a negative count, a rank of 0).
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hubs-plausibility.h"
#include "hubs-test-util.h"

typedef HubsTestFiles Fixture;

static HubsPlausibility
check (HubsStore   *store,
       const char  *kpi_id,
       int          year,
       double       value,
       char       **message)
{
  g_autoptr(HubsKpi) kpi = hubs_store_get_kpi (store, kpi_id, NULL);
  g_autoptr(GPtrArray) figures = hubs_store_list_figures (store, kpi_id, NULL);
  g_autoptr(HubsFigure) figure = hubs_test_make_actual (kpi_id, year, value);
  HubsPlausibility result;

  g_assert_nonnull (kpi);
  result = hubs_plausibility_check (kpi, figures, figure, HUBS_LANGUAGE_EN, message);
  if (message != NULL && *message != NULL)
    g_test_message ("%s %g: %s", kpi_id, value, *message);

  return result;
}

static void
test_impossible (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *message = NULL;

  g_assert_cmpint (check (store, "sapporo/global-business-share", 2025, 1234, &message), ==,
                   HUBS_PLAUSIBILITY_IMPOSSIBLE);
  g_assert_nonnull (strstr (message, "1,234"));
  g_assert_cmpint (check (store, "sapporo/global-business-share", 2025, -3, NULL), ==,
                   HUBS_PLAUSIBILITY_IMPOSSIBLE);
  g_assert_cmpint (check (store, "sapporo/global-business-share", 2025, 100.5, NULL), ==,
                   HUBS_PLAUSIBILITY_IMPOSSIBLE);
  g_assert_cmpint (check (store, "sapporo/startups", 2025, -5, NULL), ==,
                   HUBS_PLAUSIBILITY_IMPOSSIBLE);
  g_assert_cmpint (check (store, "tokyo/gser-rank", 2025, 0, NULL), ==, HUBS_PLAUSIBILITY_IMPOSSIBLE);
}

static void
test_unlikely (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *message = NULL;

  g_assert_cmpint (check (store, "fukuoka/startup-visas", 2025, 12856, &message), ==,
                   HUBS_PLAUSIBILITY_UNLIKELY);
  g_assert_nonnull (strstr (message, "12,856"));
  g_assert_nonnull (strstr (message, "FY2025"));
}

static void
test_fine (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *message = NULL;
  g_autoptr(HubsFigure) unmeasured = hubs_test_make_actual ("sapporo/startups", 2025, 0);
  g_autoptr(HubsKpi) kpi = hubs_store_get_kpi (store, "sapporo/startups", NULL);

  g_assert_cmpint (check (store, "sapporo/global-business-share", 2025, 12.5, &message), ==,
                   HUBS_PLAUSIBILITY_FINE);
  g_assert_null (message);
  g_assert_cmpint (check (store, "sapporo/startups", 2025, 160, NULL), ==, HUBS_PLAUSIBILITY_FINE);
  /* A bad year is not a typo. */
  g_assert_cmpint (check (store, "sapporo/startups", 2025, 3, NULL), ==, HUBS_PLAUSIBILITY_FINE);
  g_assert_cmpint (check (store, "tokyo/gser-rank", 2025, 9, NULL), ==, HUBS_PLAUSIBILITY_FINE);
  unmeasured->measured = FALSE;
  g_assert_cmpint (hubs_plausibility_check (kpi, NULL, unmeasured, HUBS_LANGUAGE_EN, NULL), ==,
                   HUBS_PLAUSIBILITY_FINE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, hubs_test_files_set_up, func, hubs_test_files_tear_down)

  ADD ("/hubs/plausibility/impossible", test_impossible);
  ADD ("/hubs/plausibility/unlikely", test_unlikely);
  ADD ("/hubs/plausibility/fine", test_fine);

#undef ADD

  return g_test_run ();
}
