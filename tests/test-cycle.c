/* test-cycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly cycle in the store, on real database files: who made each change, a year's
 * state and the moves the cycle allows, a submitted year locked against changes (in a save
 * and in an import alike), and the explanations of KPIs not on track.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "hubs-cycle.h"
#include "hubs-export.h"
#include "hubs-store.h"
#include "hubs-test-util.h"

typedef HubsTestStore Fixture;

#define fixture_set_up hubs_test_store_set_up
#define fixture_tear_down hubs_test_store_tear_down

static HubsFigure *
actual (const char *kpi_id,
        int         year,
        double      value)
{
  HubsFigure *figure = hubs_figure_new ();

  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = year;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->value = value;
  figure->measured = TRUE;
  return figure;
}

static void
set_actual (HubsStore  *store,
            const char *kpi_id,
            int         year,
            double      value)
{
  g_autoptr(HubsFigure) figure = actual (kpi_id, year, value);
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
}

static double
stored_actual (HubsStore  *store,
               const char *kpi_id,
               int         year)
{
  g_autoptr(HubsFigure) figure = hubs_store_get_figure (store, kpi_id, year, HUBS_FIGURE_ACTUAL,
                                                        NULL);

  return figure != NULL ? figure->value : -1;
}

/* Every change records who made it: a figure saved, a set of figures imported, a KPI. */
static void
test_who (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 hubs_figure_free);
  g_autoptr(GError) error = NULL;

  set_actual (f->store, "fukuoka/valuation-10bn-yen", 2025, 100);
  hubs_store_set_author (f->store, "  山田 花子 ", "福岡市 スタートアップ推進課");
  g_assert_cmpstr (hubs_store_get_author (f->store), ==, "山田 花子");
  set_actual (f->store, "fukuoka/valuation-10bn-yen", 2026, 120);
  g_ptr_array_add (figures, actual ("fukuoka/valuation-10bn-yen", 2027, 140));
  g_assert_true (hubs_store_apply_figures (f->store, figures, NULL, &error));
  g_assert_no_error (error);

  history = hubs_store_list_history (f->store, "fukuoka/valuation-10bn-yen", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 3);
  for (guint i = 0; i < history->len; i++)
    {
      const HubsHistoryEntry *entry = g_ptr_array_index (history, i);

      if (entry->fiscal_year == 2025)
        {
          /* Before anyone said who they are. */
          g_assert_null (entry->changed_by);
          continue;
        }
      g_assert_cmpstr (entry->changed_by, ==, "山田 花子");
      g_assert_cmpstr (entry->organisation, ==, "福岡市 スタートアップ推進課");
    }
}

/* 入力中 → 提出済 → 確認済, or 差戻し with a reason; nothing else. */
static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HubsYearState) fresh = NULL;
  g_autoptr(HubsYearState) submitted = NULL;
  g_autoptr(HubsYearState) returned = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;

  hubs_store_set_author (f->store, "山田 花子", "福岡市");
  fresh = hubs_store_get_year_state (f->store, "fukuoka", 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fresh->state, ==, HUBS_YEAR_ENTERING);

  /* Not accepted before it is submitted. */
  g_assert_false (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_ACCEPTED, NULL,
                                             &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_SUBMITTED, NULL,
                                            &error));
  g_assert_no_error (error);
  submitted = hubs_store_get_year_state (f->store, "fukuoka", 2025, &error);
  g_assert_cmpint (submitted->state, ==, HUBS_YEAR_SUBMITTED);
  g_assert_cmpstr (submitted->changed_by, ==, "山田 花子");
  g_assert_nonnull (submitted->changed_at);
  described = hubs_year_state_describe (submitted, HUBS_LANGUAGE_EN);
  {
    g_autofree char *day = hubs_format_day (submitted->changed_at, HUBS_LANGUAGE_EN);
    g_autofree char *expected = g_strdup_printf ("Submitted by 山田 花子 (福岡市) on %s.", day);

    g_assert_cmpstr (described, ==, expected);
  }

  /* A return needs a reason, which the consortium reads. */
  g_assert_false (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_RETURNED, "  ",
                                             &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_RETURNED,
                                            "2025年度の実績値が1件足りません", &error));
  g_assert_no_error (error);
  returned = hubs_store_get_year_state (f->store, "fukuoka", 2025, &error);
  g_assert_cmpint (returned->state, ==, HUBS_YEAR_RETURNED);
  g_assert_cmpstr (returned->reason, ==, "2025年度の実績値が1件足りません");

  /* Submitted again, then accepted. */
  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_SUBMITTED, NULL,
                                            &error));
  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_ACCEPTED, NULL,
                                            &error));
  g_assert_no_error (error);

  states = hubs_store_list_year_states (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_cmpint (((HubsYearState *) states->pdata[0])->state, ==, HUBS_YEAR_ACCEPTED);
}

/* A submitted year refuses a changed actual, from a save or an import, says who submitted it
 * and when, and changes nothing; the plan's figures and other years stay open; an unlock
 * (with a reason, kept in the history) opens it again. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HubsFigure) changed = actual ("fukuoka/valuation-10bn-yen", 2025, 999);
  g_autoptr(HubsFigure) same = actual ("fukuoka/valuation-10bn-yen", 2025, 100);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 hubs_figure_free);
  g_autoptr(GError) error = NULL;
  gboolean saw_unlock = FALSE;

  set_actual (f->store, "fukuoka/valuation-10bn-yen", 2025, 100);
  hubs_store_set_author (f->store, "山田 花子", "福岡市");
  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_SUBMITTED, NULL,
                                            &error));

  g_assert_false (hubs_store_set_figure (f->store, changed, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_LOCKED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "FY2025"));
  g_assert_nonnull (strstr (error->message, "山田 花子"));
  g_clear_error (&error);
  g_assert_false (hubs_store_remove_figure (f->store, "fukuoka/valuation-10bn-yen", 2025,
                                            HUBS_FIGURE_ACTUAL, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpfloat (stored_actual (f->store, "fukuoka/valuation-10bn-yen", 2025), ==, 100);

  /* Saving what is already there is no change. */
  g_assert_true (hubs_store_set_figure (f->store, same, &error));
  g_assert_no_error (error);

  /* An import of the same year is refused whole: the other figure stays unwritten too. */
  g_ptr_array_add (figures, actual ("fukuoka/valuation-10bn-yen", 2026, 130));
  g_ptr_array_add (figures, actual ("fukuoka/valuation-10bn-yen", 2025, 999));
  g_assert_false (hubs_store_apply_figures (f->store, figures, NULL, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpfloat (stored_actual (f->store, "fukuoka/valuation-10bn-yen", 2026), ==, -1);

  /* Other years and hubs are open. */
  set_actual (f->store, "fukuoka/valuation-10bn-yen", 2026, 130);
  set_actual (f->store, "tokyo/unicorns", 2025, 3);

  /* An unlock needs a reason. */
  g_assert_false (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_ENTERING, NULL,
                                             &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_ENTERING,
                                            "内閣府の指摘で修正", &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_set_figure (f->store, changed, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (stored_actual (f->store, "fukuoka/valuation-10bn-yen", 2025), ==, 999);

  /* The history keeps the unlock, who made it and why. */
  {
    g_autofree char *by = hubs_test_query_text (hubs_store_get_path (f->store),
                                                "SELECT changed_by FROM history WHERE hub_id = "
                                                "'fukuoka' AND fiscal_year = 2025 AND field = "
                                                "'year_state_reason' AND new_value = "
                                                "'内閣府の指摘で修正'");

    saw_unlock = g_strcmp0 (by, "山田 花子") == 0;
  }
  g_assert_true (saw_unlock);
}

/* A KPI's explanation is stored with its history, and locked with its year. */
static void
test_explanation (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HubsExplanation) explanation = hubs_explanation_new ("fukuoka/valuation-10bn-yen", 2025);
  g_autoptr(HubsExplanation) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (hubs_explanation_is_complete (explanation));
  g_free (explanation->why);
  explanation->why = g_strdup ("支援プログラムの開始が半年遅れた");
  g_assert_false (hubs_explanation_is_complete (explanation));
  g_free (explanation->action);
  explanation->action = g_strdup ("2026年度に募集を2回に増やす");
  g_assert_true (hubs_explanation_is_complete (explanation));

  g_assert_true (hubs_store_set_explanation (f->store, explanation, &error));
  g_assert_no_error (error);
  read = hubs_store_get_explanation (f->store, "fukuoka/valuation-10bn-yen", 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->why, ==, explanation->why);
  g_assert_cmpstr (read->action, ==, explanation->action);

  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_SUBMITTED, NULL,
                                            &error));
  g_free (explanation->action);
  explanation->action = g_strdup ("変更");
  g_assert_false (hubs_store_set_explanation (f->store, explanation, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_LOCKED);
}

/* The database as it stood at a moment, from the history: an export of it equals the export
 * made at that moment, whatever changed since (figures changed, added, removed; a KPI
 * renamed; an explanation; the year submitted). */
static void
test_as_of (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(HubsStore) snapshot = NULL;
  g_autoptr(HubsKpi) kpi = NULL;
  g_autoptr(HubsYearState) state = NULL;
  g_autoptr(HubsExplanation) explanation = hubs_explanation_new ("fukuoka/valuation-10bn-yen",
                                                                 2025);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_then = NULL;
  g_autofree char *csv_as_of = NULL;
  g_autofree char *snapshot_path = NULL;
  g_autofree char *then_path = hubs_test_path (f->dir, "then.csv");
  g_autofree char *as_of_path = hubs_test_path (f->dir, "as-of.csv");

  set_actual (f->store, "fukuoka/valuation-10bn-yen", 2025, 100);
  set_actual (f->store, "fukuoka/overseas-vc-funding", 2025, 3);
  g_assert_true (hubs_export_csv_to_path_full (f->store, then_path, HUBS_EXPORT_LAYOUT_LONG,
                                               HUBS_EXPORT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_usleep (20000);
  then = g_date_time_new_now_utc ();
  g_usleep (20000);

  /* Afterwards: changed, new, removed, renamed, explained, submitted. */
  set_actual (f->store, "fukuoka/valuation-10bn-yen", 2025, 200);
  set_actual (f->store, "fukuoka/valuation-10bn-yen", 2026, 250);
  g_assert_true (hubs_store_remove_figure (f->store, "fukuoka/overseas-vc-funding", 2025,
                                           HUBS_FIGURE_ACTUAL, &error));
  kpi = hubs_store_get_kpi (f->store, "fukuoka/valuation-10bn-yen", &error);
  g_free (kpi->name_en);
  kpi->name_en = g_strdup ("Renamed since");
  g_assert_true (hubs_store_save_kpi (f->store, kpi, &error));
  g_assert_no_error (error);
  g_free (explanation->why);
  explanation->why = g_strdup ("後から書いた");
  g_assert_true (hubs_store_set_explanation (f->store, explanation, &error));
  g_assert_true (hubs_store_set_year_state (f->store, "fukuoka", 2025, HUBS_YEAR_SUBMITTED, NULL,
                                            &error));

  snapshot = hubs_store_open_as_of (f->store, then, &snapshot_path, &error);
  g_assert_no_error (error);
  g_assert_true (hubs_store_is_read_only (snapshot));
  g_assert_cmpfloat (stored_actual (snapshot, "fukuoka/valuation-10bn-yen", 2025), ==, 100);
  g_assert_cmpfloat (stored_actual (snapshot, "fukuoka/valuation-10bn-yen", 2026), ==, -1);
  g_assert_cmpfloat (stored_actual (snapshot, "fukuoka/overseas-vc-funding", 2025), ==, 3);
  g_clear_pointer (&state, hubs_year_state_free);
  state = hubs_store_get_year_state (snapshot, "fukuoka", 2025, &error);
  g_assert_cmpint (state->state, ==, HUBS_YEAR_ENTERING);
  g_clear_pointer (&explanation, hubs_explanation_free);
  explanation = hubs_store_get_explanation (snapshot, "fukuoka/valuation-10bn-yen", 2025, &error);
  g_assert_cmpstr (explanation->why, ==, "");

  g_assert_true (hubs_export_csv_to_path_full (snapshot, as_of_path, HUBS_EXPORT_LAYOUT_LONG,
                                               HUBS_EXPORT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (then_path, &csv_then, NULL, NULL));
  g_assert_true (g_file_get_contents (as_of_path, &csv_as_of, NULL, NULL));
  g_assert_cmpstr (csv_as_of, ==, csv_then);

  /* The database itself is as it is now. */
  g_assert_cmpfloat (stored_actual (f->store, "fukuoka/valuation-10bn-yen", 2025), ==, 200);
  g_clear_object (&snapshot);
  hubs_store_remove_snapshot (snapshot_path);
  g_assert_false (g_file_test (snapshot_path, G_FILE_TEST_EXISTS));
}

/* The fiscal year reported on next is the latest that has ended, in Japan's time. */
static void
test_latest_ended (void)
{
  g_autoptr(GDateTime) december = g_date_time_new_utc (2026, 12, 2, 6, 0, 0);
  g_autoptr(GDateTime) march = g_date_time_new_utc (2027, 3, 31, 14, 0, 0);
  g_autoptr(GDateTime) april_in_tokyo = g_date_time_new_utc (2027, 3, 31, 16, 0, 0);

  g_assert_cmpint (hubs_fiscal_year_latest_ended (december), ==, 2025);
  g_assert_cmpint (hubs_fiscal_year_latest_ended (march), ==, 2025);
  /* 1 April 2027 01:00 in Tokyo: FY2026 has ended. */
  g_assert_cmpint (hubs_fiscal_year_latest_ended (april_in_tokyo), ==, 2026);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/cycle/who", test_who);
  ADD ("/hubs/cycle/states", test_states);
  ADD ("/hubs/cycle/locked", test_locked);
  ADD ("/hubs/cycle/explanation", test_explanation);
  ADD ("/hubs/cycle/as-of", test_as_of);
  g_test_add_func ("/hubs/cycle/latest-ended", test_latest_ended);

  return g_test_run ();
}
