/* test-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes made through the undo stack, undone and redone, as they land in the database.
 */

#include "config.h"

#include <string.h>

#include <locale.h>

#include "hubs-test-util.h"
#include "hubs-undo.h"

typedef struct
{
  char          *dir;
  char          *path;
  HubsStore     *store;
  HubsUndoStack *undo;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = hubs_test_make_dir ();
  f->path = hubs_test_path (f->dir, "hubs.sqlite3");
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->undo = hubs_undo_stack_new (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->undo);
  g_assert_finalize_object (f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Reopens the file so what is checked is what is on disk. */
static HubsFigure *
figure_on_disk (Fixture    *f,
                const char *kpi_id,
                int         year)
{
  g_autoptr(HubsStore) store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, NULL);

  g_assert_nonnull (store);

  return hubs_store_get_figure (store, kpi_id, year, HUBS_FIGURE_ACTUAL, NULL);
}

static guint
kpi_count_on_disk (Fixture    *f,
                   const char *hub_id)
{
  g_autoptr(HubsStore) store = hubs_store_open (f->path, HUBS_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, hub_id, NULL);

  return kpis->len;
}

static void
test_figure (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HubsFigure) first = hubs_test_make_actual ("sapporo/startups", 2025, 160);
  g_autoptr(HubsFigure) second = hubs_test_make_actual ("sapporo/startups", 2025, 175);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_assert_false (hubs_undo_stack_get_can_undo (f->undo));
  g_assert_true (hubs_undo_stack_set_figure (f->undo, "sapporo/startups", 2025,
                                             HUBS_FIGURE_ACTUAL, NULL, first, &error));
  g_assert_true (hubs_undo_stack_set_figure (f->undo, "sapporo/startups", 2025,
                                             HUBS_FIGURE_ACTUAL, first, second, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_undo_stack_get_can_undo (f->undo));

  stored = figure_on_disk (f, "sapporo/startups", 2025);
  g_assert_cmpfloat (stored->value, ==, 175);
  g_clear_pointer (&stored, hubs_figure_free);

  g_assert_true (hubs_undo_stack_undo (f->undo, &error));
  stored = figure_on_disk (f, "sapporo/startups", 2025);
  g_assert_cmpfloat (stored->value, ==, 160);
  g_clear_pointer (&stored, hubs_figure_free);

  g_assert_true (hubs_undo_stack_undo (f->undo, &error));
  g_assert_null (figure_on_disk (f, "sapporo/startups", 2025));
  g_assert_false (hubs_undo_stack_get_can_undo (f->undo));
  g_assert_true (hubs_undo_stack_get_can_redo (f->undo));

  g_assert_true (hubs_undo_stack_redo (f->undo, &error));
  g_assert_true (hubs_undo_stack_redo (f->undo, &error));
  g_assert_no_error (error);
  stored = figure_on_disk (f, "sapporo/startups", 2025);
  g_assert_cmpfloat (stored->value, ==, 175);
  g_assert_false (hubs_undo_stack_get_can_redo (f->undo));
}

/* Type 500 in the window, import 999 for the same figure, press Ctrl+Z in the window: the
 * import's figure stays, the undo says why it did nothing, and it can be tried again. */
static void
test_undo_after_another_writer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(HubsFigure) typed = hubs_test_make_actual ("sapporo/startups", 2025, 500);
  g_autoptr(HubsFigure) imported = hubs_test_make_actual ("sapporo/startups", 2025, 999);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_undo_stack_set_figure (f->undo, "sapporo/startups", 2025,
                                             HUBS_FIGURE_ACTUAL, NULL, typed, &error));
  g_assert_true (hubs_store_set_figure (f->store, imported, &error));
  g_assert_no_error (error);

  g_assert_false (hubs_undo_stack_undo (f->undo, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_test_message ("undo refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);

  stored = figure_on_disk (f, "sapporo/startups", 2025);
  g_assert_nonnull (stored);
  g_assert_cmpfloat (stored->value, ==, 999);
  g_assert_true (hubs_undo_stack_get_can_undo (f->undo));

  /* A save made against a value that changed meanwhile is refused the same way. */
  g_assert_false (hubs_undo_stack_set_figure (f->undo, "sapporo/startups", 2025,
                                              HUBS_FIGURE_ACTUAL, typed, typed, &error) &&
                  FALSE);
  g_clear_error (&error);
  {
    g_autoptr(HubsFigure) again = hubs_test_make_actual ("sapporo/startups", 2025, 600);

    g_assert_false (hubs_undo_stack_set_figure (f->undo, "sapporo/startups", 2025,
                                                HUBS_FIGURE_ACTUAL, typed, again, &error));
    g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  }
  g_clear_pointer (&stored, hubs_figure_free);
  stored = figure_on_disk (f, "sapporo/startups", 2025);
  g_assert_cmpfloat (stored->value, ==, 999);
}

static void
test_delete_kpi (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HubsFigure) figure = hubs_test_make_actual ("tokyo/unicorns", 2025, 4);
  g_autoptr(HubsFigure) stored = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;
  guint before = kpi_count_on_disk (f, "tokyo");

  g_assert_true (hubs_undo_stack_set_figure (f->undo, "tokyo/unicorns", 2025,
                                             HUBS_FIGURE_ACTUAL, NULL, figure, &error));
  g_assert_true (hubs_undo_stack_delete_kpi (f->undo, "tokyo/unicorns", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kpi_count_on_disk (f, "tokyo"), ==, before - 1);
  g_assert_null (figure_on_disk (f, "tokyo/unicorns", 2025));

  g_assert_true (hubs_undo_stack_undo (f->undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kpi_count_on_disk (f, "tokyo"), ==, before);
  stored = figure_on_disk (f, "tokyo/unicorns", 2025);
  g_assert_cmpfloat (stored->value, ==, 4);

  /* Back in its old place, with its plan figures. */
  kpis = hubs_store_list_kpis (f->store, "tokyo", &error);
  g_assert_cmpstr (((HubsKpi *) kpis->pdata[1])->id, ==, "tokyo/unicorns");
  g_clear_pointer (&stored, hubs_figure_free);
  stored = hubs_store_get_figure (f->store, "tokyo/unicorns", 2029, HUBS_FIGURE_TARGET, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stored->value, ==, 15);
}

static void
test_add_edit_move_kpi (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HubsKpi) kpi = hubs_kpi_new ();
  g_autoptr(HubsKpi) stored = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  guint before = kpi_count_on_disk (f, "okinawa");

  kpi->id = hubs_store_new_kpi_id (f->store, "okinawa", &error);
  g_assert_cmpstr (kpi->id, ==, "okinawa/kpi-1");
  kpi->hub_id = g_strdup ("okinawa");
  kpi->name_ja = g_strdup ("実証プロジェクト数");
  kpi->name_en = g_strdup ("Pilot projects");
  kpi->unit = g_strdup ("件");
  kpi->pillar = HUBS_PILLAR_GROWTH;

  g_assert_true (hubs_undo_stack_save_kpi (f->undo, NULL, kpi, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kpi_count_on_disk (f, "okinawa"), ==, before + 1);

  stored = hubs_store_get_kpi (f->store, kpi->id, &error);
  g_free (kpi->name_en);
  kpi->name_en = g_strdup ("Demonstration projects");
  g_assert_true (hubs_undo_stack_save_kpi (f->undo, stored, kpi, &error));
  g_clear_pointer (&stored, hubs_kpi_free);
  stored = hubs_store_get_kpi (f->store, kpi->id, &error);
  g_assert_cmpstr (stored->name_en, ==, "Demonstration projects");
  g_clear_pointer (&stored, hubs_kpi_free);

  g_assert_true (hubs_undo_stack_move_kpi (f->undo, kpi->id, -1, &error));
  kpis = hubs_store_list_kpis (f->store, "okinawa", &error);
  g_assert_cmpstr (((HubsKpi *) kpis->pdata[kpis->len - 2])->id, ==, kpi->id);
  g_clear_pointer (&kpis, g_ptr_array_unref);

  /* Undo the move, the rename and the addition, one by one. */
  g_assert_true (hubs_undo_stack_undo (f->undo, &error));
  kpis = hubs_store_list_kpis (f->store, "okinawa", &error);
  g_assert_cmpstr (((HubsKpi *) kpis->pdata[kpis->len - 1])->id, ==, kpi->id);

  g_assert_true (hubs_undo_stack_undo (f->undo, &error));
  stored = hubs_store_get_kpi (f->store, kpi->id, &error);
  g_assert_cmpstr (stored->name_en, ==, "Pilot projects");

  g_assert_true (hubs_undo_stack_undo (f->undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kpi_count_on_disk (f, "okinawa"), ==, before);

  /* History keeps the whole story. */
  history = hubs_store_list_history (f->store, kpi->id, &error);
  g_assert_cmpuint (history->len, >, 5);

  g_assert_true (hubs_undo_stack_redo (f->undo, &error));
  g_assert_cmpuint (kpi_count_on_disk (f, "okinawa"), ==, before + 1);
}

static void
test_invalid_kpi (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HubsKpi) kpi = hubs_kpi_new ();
  g_autoptr(GError) error = NULL;

  kpi->id = g_strdup ("okinawa/kpi-9");
  kpi->hub_id = g_strdup ("okinawa");
  kpi->name_ja = g_strdup ("名前だけ");

  g_assert_false (hubs_undo_stack_save_kpi (f->undo, NULL, kpi, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID);
  g_assert_false (hubs_undo_stack_get_can_undo (f->undo));
}

/* An explanation saved through the stack is undone and redone like a figure, on disk, and
 * the step says which year of which KPI it was. */
static void
test_explanation (Fixture       *f,
                  gconstpointer  data)
{
  const char *kpi_id = "fukuoka/startup-visas";
  g_autoptr(HubsExplanation) before = NULL;
  g_autoptr(HubsExplanation) after = NULL;
  g_autoptr(HubsExplanation) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *step = NULL;

  before = hubs_store_get_explanation (f->store, kpi_id, 2025, &error);
  g_assert_no_error (error);
  after = hubs_explanation_copy (before);
  g_free (after->why);
  after->why = g_strdup ("審査期間が延びた");
  g_assert_true (hubs_undo_stack_set_explanation (f->undo, before, after, &error));
  g_assert_no_error (error);

  step = hubs_undo_stack_describe_next (f->undo, FALSE);
  g_assert_nonnull (strstr (step, "2025"));
  g_assert_nonnull (strstr (step, "·"));

  g_assert_true (hubs_undo_stack_undo (f->undo, &error));
  g_assert_no_error (error);
  stored = hubs_store_get_explanation (f->store, kpi_id, 2025, &error);
  g_assert_true (stored->why == NULL || *stored->why == '\0');
  g_assert_true (hubs_undo_stack_get_can_redo (f->undo));

  g_assert_true (hubs_undo_stack_redo (f->undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, hubs_explanation_free);
  stored = hubs_store_get_explanation (f->store, kpi_id, 2025, &error);
  g_assert_cmpstr (stored->why, ==, "審査期間が延びた");
}

/* An explanation is saved over what the user saw: a field someone else saved meanwhile is
 * not overwritten unseen (the save is refused and nothing changes), a field the save does
 * not change keeps theirs, and an undo takes back only what the user changed. */
static void
test_explanation_changed_meanwhile (Fixture       *f,
                                    gconstpointer  data)
{
  const char *kpi_id = "fukuoka/startup-visas";
  g_autoptr(HubsExplanation) seen = NULL;
  g_autoptr(HubsExplanation) theirs = NULL;
  g_autoptr(HubsExplanation) ours = NULL;
  g_autoptr(HubsExplanation) stored = NULL;
  g_autoptr(GError) error = NULL;

  seen = hubs_store_get_explanation (f->store, kpi_id, 2025, &error);
  g_assert_no_error (error);

  /* Someone else saves 要因分析 while the user types theirs. */
  theirs = hubs_explanation_copy (seen);
  g_free (theirs->why);
  theirs->why = g_strdup ("他の担当者の分析");
  g_assert_true (hubs_store_set_explanation (f->store, theirs, &error));
  g_assert_no_error (error);

  ours = hubs_explanation_copy (seen);
  g_free (ours->why);
  ours->why = g_strdup ("審査期間が延びた");
  g_assert_false (hubs_undo_stack_set_explanation (f->undo, seen, ours, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (hubs_undo_stack_get_can_undo (f->undo));
  stored = hubs_store_get_explanation (f->store, kpi_id, 2025, &error);
  g_assert_cmpstr (stored->why, ==, "他の担当者の分析");
  g_clear_pointer (&stored, hubs_explanation_free);

  /* 今後の対応, made over the same view, goes in; their 要因分析 stays. */
  g_clear_pointer (&ours, hubs_explanation_free);
  ours = hubs_explanation_copy (seen);
  g_free (ours->action);
  ours->action = g_strdup ("窓口を増やす");
  g_assert_true (hubs_undo_stack_set_explanation (f->undo, seen, ours, &error));
  g_assert_no_error (error);
  stored = hubs_store_get_explanation (f->store, kpi_id, 2025, &error);
  g_assert_cmpstr (stored->why, ==, "他の担当者の分析");
  g_assert_cmpstr (stored->action, ==, "窓口を増やす");
  g_clear_pointer (&stored, hubs_explanation_free);

  /* Undone, only 今後の対応 goes back. */
  g_assert_true (hubs_undo_stack_undo (f->undo, &error));
  g_assert_no_error (error);
  stored = hubs_store_get_explanation (f->store, kpi_id, 2025, &error);
  g_assert_cmpstr (stored->why, ==, "他の担当者の分析");
  g_assert_true (stored->action == NULL || g_strcmp0 (stored->action, seen->action) == 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/undo/figure", test_figure);
  ADD ("/hubs/undo/after-another-writer", test_undo_after_another_writer);
  ADD ("/hubs/undo/delete-kpi", test_delete_kpi);
  ADD ("/hubs/undo/add-edit-move-kpi", test_add_edit_move_kpi);
  ADD ("/hubs/undo/invalid-kpi", test_invalid_kpi);
  ADD ("/hubs/undo/explanation", test_explanation);
  ADD ("/hubs/undo/explanation-changed-meanwhile", test_explanation_changed_meanwhile);

#undef ADD

  return g_test_run ();
}
