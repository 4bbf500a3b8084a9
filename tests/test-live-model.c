/* test-live-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live model on a real database: each change the store commits reaches the one live
 * object it touched, in place, once; nothing else is read again or notified; and what a
 * restore takes away is gone from the model too.
 */

#include "config.h"

#include <locale.h>

#include "hubs-backup.h"
#include "hubs-live-model.h"
#include "hubs-test-util.h"

typedef HubsTestFiles Fixture;

static void
count_cb (GObject *object,
          guint   *n)
{
  (*n)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n)
{
  (*n)++;
}

static void
test_figure_in_place (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsLiveModel) model = NULL;
  g_autoptr(HubsFigure) figure = hubs_test_make_actual ("sapporo/startups", 2025, 160);
  g_autoptr(GError) error = NULL;
  HubsLiveKpi *kpi;
  HubsLiveKpi *other;
  HubsLiveFigure *slot;
  HubsLiveHub *hub;
  guint n_figure = 0, n_kpi = 0, n_other = 0, n_hub = 0;

  model = hubs_live_model_new (store, &error);
  g_assert_no_error (error);
  kpi = hubs_live_model_lookup_kpi (model, "sapporo/startups", &error);
  g_assert_no_error (error);
  other = hubs_live_model_lookup_kpi (model, "sapporo/funding-deals", &error);
  g_assert_no_error (error);
  hub = hubs_live_model_lookup_hub (model, "sapporo");
  g_assert_true (hubs_live_hub_get_loaded (hub));

  slot = hubs_live_kpi_lookup_figure (kpi, 2025, HUBS_FIGURE_ACTUAL);
  g_assert_false (hubs_live_figure_get_present (slot));
  g_assert_cmpuint (hubs_live_kpi_get_progress (kpi)->status, ==, HUBS_STATUS_NOT_ASSESSABLE);

  g_signal_connect (slot, "notify::figure", G_CALLBACK (count_notify_cb), &n_figure);
  g_signal_connect (kpi, "changed", G_CALLBACK (count_cb), &n_kpi);
  g_signal_connect (other, "changed", G_CALLBACK (count_cb), &n_other);
  g_signal_connect (hub, "changed", G_CALLBACK (count_cb), &n_hub);

  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);

  /* The same object, now holding the figure; one notification each; the other KPI untouched. */
  g_assert_true (hubs_live_kpi_lookup_figure (kpi, 2025, HUBS_FIGURE_ACTUAL) == slot);
  g_assert_true (hubs_live_figure_get_present (slot));
  g_assert_cmpfloat (hubs_live_figure_get_figure (slot)->value, ==, 160);
  g_assert_cmpuint (n_figure, ==, 1);
  g_assert_cmpuint (n_kpi, ==, 1);
  g_assert_cmpuint (n_hub, ==, 1);
  g_assert_cmpuint (n_other, ==, 0);
  g_assert_cmpuint (hubs_live_kpi_get_progress (kpi)->status, !=, HUBS_STATUS_NOT_ASSESSABLE);

  /* Storing the same again changes nothing and says nothing. */
  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_cmpuint (n_figure, ==, 1);
  g_assert_cmpuint (n_kpi, ==, 1);

  g_assert_true (hubs_store_remove_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL,
                                           &error));
  g_assert_false (hubs_live_figure_get_present (slot));
  g_assert_cmpuint (n_figure, ==, 2);

  g_signal_handlers_disconnect_by_data (other, &n_other);
  g_signal_handlers_disconnect_by_data (hub, &n_hub);
  g_signal_handlers_disconnect_by_data (kpi, &n_kpi);
  g_signal_handlers_disconnect_by_data (slot, &n_figure);
  g_clear_object (&model);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_kpi_fields_notify (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsLiveModel) model = hubs_live_model_new (store, NULL);
  g_autoptr(HubsKpi) edited = NULL;
  g_autoptr(GError) error = NULL;
  HubsLiveKpi *kpi = hubs_live_model_lookup_kpi (model, "sapporo/startups", &error);
  guint n_unit = 0, n_name = 0;

  g_assert_no_error (error);
  g_signal_connect (kpi, "notify::unit", G_CALLBACK (count_notify_cb), &n_unit);
  g_signal_connect (kpi, "notify::name-ja", G_CALLBACK (count_notify_cb), &n_name);

  edited = hubs_kpi_copy (hubs_live_kpi_get_kpi (kpi));
  g_free (edited->unit);
  edited->unit = g_strdup ("件");
  g_assert_true (hubs_store_save_kpi (store, edited, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (hubs_live_kpi_get_kpi (kpi)->unit, ==, "件");
  g_assert_cmpuint (n_unit, ==, 1);
  g_assert_cmpuint (n_name, ==, 0);
  /* Its place in the hub stays: only a move changes it. */
  g_assert_cmpint (hubs_live_kpi_get_kpi (kpi)->sort_order, ==, edited->sort_order);

  /* Changed once, it still takes the next change: the model finds it by id. */
  {
    g_autoptr(HubsFigure) figure = hubs_test_make_actual ("sapporo/startups", 2026, 7);

    g_assert_true (hubs_store_set_figure (store, figure, &error));
    g_assert_no_error (error);
    g_assert_nonnull (hubs_live_kpi_get_figure (kpi, 2026, HUBS_FIGURE_ACTUAL));
    g_assert_true (hubs_live_model_lookup_kpi (model, "sapporo/startups", NULL) == kpi);
  }

  g_signal_handlers_disconnect_by_data (kpi, &n_unit);
  g_signal_handlers_disconnect_by_data (kpi, &n_name);
}

/* Add a hub, restore a backup from before it: the model has no ghost of it. */
static void
test_restore_drops_added_hub (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsLiveModel) model = hubs_live_model_new (store, NULL);
  g_autoptr(HubsHub) hub = hubs_hub_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  GListModel *hubs = hubs_live_model_get_hubs (model);
  guint n_before = g_list_model_get_n_items (hubs);
  HubsLiveHub *added;
  HubsLiveHub *sapporo = hubs_live_model_lookup_hub (model, "sapporo");

  g_assert_cmpuint (n_before, ==, 13);
  backup = hubs_backup_snapshot (store, HUBS_BACKUP_KEEP, &error);
  g_assert_no_error (error);

  hub->id = g_strdup ("test-city");
  hub->name_ja = g_strdup ("テスト市");
  hub->name_en = g_strdup ("Test City");
  g_assert_true (hubs_store_save_hub (store, hub, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hubs), ==, n_before + 1);
  added = g_object_ref (hubs_live_model_lookup_hub (model, "test-city"));
  g_assert_nonnull (added);

  g_assert_true (hubs_backup_restore (store, backup, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (hubs), ==, n_before);
  g_assert_null (hubs_live_model_lookup_hub (model, "test-city"));
  g_assert_true (hubs_live_hub_get_deleted (added));
  /* The hubs that stay keep their objects. */
  g_assert_true (hubs_live_model_lookup_hub (model, "sapporo") == sapporo);
  g_object_unref (added);
}

/* Another program (the command line) imports a figure into the same file: the live model
 * shows it within a second, without anyone asking. */
static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsLiveModel) model = hubs_live_model_new (store, NULL);
  g_autoptr(GError) error = NULL;
  HubsLiveKpi *kpi = hubs_live_model_lookup_kpi (model, "okinawa/startups", &error);
  gint64 deadline;

  g_assert_no_error (error);
  g_assert_null (hubs_live_kpi_get_figure (kpi, 2026, HUBS_FIGURE_ACTUAL));

  {
    g_autoptr(HubsStore) other = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
    g_autoptr(HubsFigure) figure = hubs_test_make_actual ("okinawa/startups", 2026, 999);

    g_assert_true (hubs_store_set_figure (other, figure, &error));
    g_assert_no_error (error);
  }

  deadline = hubs_test_deadline (3);
  while (hubs_live_kpi_get_figure (kpi, 2026, HUBS_FIGURE_ACTUAL) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (hubs_live_kpi_get_figure (kpi, 2026, HUBS_FIGURE_ACTUAL));
  g_assert_cmpfloat (hubs_live_kpi_get_figure (kpi, 2026, HUBS_FIGURE_ACTUAL)->value, ==, 999);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, hubs_test_files_set_up, func, hubs_test_files_tear_down)
/* A restore from a backup and another program writing the file: SQLite files only, so far. */
#define ADD_FILE(path, func) \
  if (!hubs_test_engine_is_postgresql ()) \
    ADD (path, func)

  ADD ("/hubs/live-model/figure-in-place", test_figure_in_place);
  ADD ("/hubs/live-model/kpi-fields-notify", test_kpi_fields_notify);
  ADD_FILE ("/hubs/live-model/restore-drops-added-hub", test_restore_drops_added_hub);
  ADD_FILE ("/hubs/live-model/other-program", test_other_program);

#undef ADD_FILE
#undef ADD

  return g_test_run ();
}
