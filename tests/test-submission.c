/* test-submission.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole yearly cycle on real files: a consortium's database enters and explains its
 * figures, submits the year and is locked; the Cabinet Office's database imports the file,
 * meets a conflict, settles it and accepts; the answer confirms the year at the consortium,
 * or returns it and unlocks it. Altered, truncated, newer and repeated files too.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hubs-submission.h"
#include "hubs-tracker.h"
#include "hubs-test-util.h"

typedef struct
{
  char      *dir;
  HubsStore *fukuoka;
  HubsStore *national;
  char      *national_path;
} Fixture;

/* Fukuoka's KPIs, with the plan's baselines and targets. */
static const char * const kpis[] = {
  "fukuoka/valuation-10bn-yen", "fukuoka/overseas-vc-funding",
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *fukuoka = NULL;

  f->dir = hubs_test_make_dir ();
  fukuoka = hubs_test_path (f->dir, "fukuoka.sqlite3");
  f->national_path = hubs_test_path (f->dir, "national.sqlite3");
  f->fukuoka = hubs_test_open_store (fukuoka, HUBS_STORE_OPEN_DEFAULT);
  f->national = hubs_test_open_store (f->national_path, HUBS_STORE_OPEN_DEFAULT);
  hubs_store_set_author (f->fukuoka, "山田 花子", "福岡市 スタートアップ推進課");
  hubs_store_set_author (f->national, "佐藤 一郎", "内閣府 科学技術・イノベーション推進事務局");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->fukuoka);
  g_clear_object (&f->national);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->national_path);
}

static void
set_actual (HubsStore  *store,
            const char *kpi_id,
            int         year,
            double      value,
            gboolean    measured)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;

  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = year;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->value = value;
  figure->measured = measured;
  figure->confirmed = TRUE;
  figure->source = g_strdup ("福岡市調べ");
  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
}

static double
actual_of (HubsStore  *store,
           const char *kpi_id,
           int         year)
{
  g_autoptr(HubsFigure) figure = hubs_store_get_figure (store, kpi_id, year, HUBS_FIGURE_ACTUAL,
                                                        NULL);

  return figure != NULL ? figure->value : -1;
}

/* Every Fukuoka KPI gets a FY2025 actual; the first two are far below their paths. */
static void
enter_year (Fixture *f)
{
  g_autoptr(GPtrArray) all = hubs_store_list_kpis (f->fukuoka, "fukuoka", NULL);

  for (guint i = 0; i < all->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) figures = hubs_store_list_figures (f->fukuoka, kpi->id, NULL);
      double target = 0;

      for (guint j = 0; j < figures->len; j++)
        {
          const HubsFigure *figure = g_ptr_array_index (figures, j);

          if (figure->kind == HUBS_FIGURE_TARGET && figure->fiscal_year == 2027)
            target = figure->value;
        }
      /* On track, except the first two KPIs, which get their baseline again. */
      set_actual (f->fukuoka, kpi->id, 2025, i < G_N_ELEMENTS (kpis) ? 0 : target, TRUE);
    }
}

static void
explain (HubsStore  *store,
         const char *kpi_id)
{
  g_autoptr(HubsExplanation) explanation = hubs_explanation_new (kpi_id, 2025);
  g_autoptr(GError) error = NULL;

  g_free (explanation->why);
  g_free (explanation->action);
  explanation->why = g_strdup ("海外投資家の来訪が予定より少なかった");
  explanation->action = g_strdup ("2026年度は現地ピッチを2回開く");
  g_assert_true (hubs_store_set_explanation (store, explanation, &error));
  g_assert_no_error (error);
}

static char *
submit (Fixture *f)
{
  g_autofree char *path = hubs_test_path (f->dir, "fukuoka-2025.hubs");
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_submission_export (f->fukuoka, "fukuoka", 2025, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static HubsSubmissionImport *
read_into_national (Fixture    *f,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  HubsPackage *package = hubs_package_new_from_file (path, &error);
  HubsSubmissionImport *import;

  g_assert_no_error (error);
  import = hubs_submission_import_new (f->national, package, &error);
  g_assert_no_error (error);
  return import;
}

/* Before a year can go: every actual, and an explanation of each KPI not on track. */
static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = hubs_test_path (f->dir, "early.hubs");
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  guint n_missing = 0, n_explanations = 0;

  issues = hubs_submission_check (f->fukuoka, "fukuoka", 2025, HUBS_LANGUAGE_EN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issues->len, >, 0);
  g_assert_cmpuint (hubs_submission_count_blocking (issues), ==, issues->len);

  /* Nothing is written, nothing is locked. */
  g_assert_false (hubs_submission_export (f->fukuoka, "fukuoka", 2025, path, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  enter_year (f);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = hubs_submission_check (f->fukuoka, "fukuoka", 2025, HUBS_LANGUAGE_EN, &error);
  for (guint i = 0; i < issues->len; i++)
    {
      const HubsSubmissionIssue *issue = g_ptr_array_index (issues, i);

      g_test_message ("%s", issue->message);
      n_missing += issue->kind == HUBS_SUBMISSION_MISSING;
      n_explanations += issue->kind == HUBS_SUBMISSION_NEEDS_EXPLANATION;
    }
  g_assert_cmpuint (n_missing, ==, 0);
  g_assert_cmpuint (n_explanations, >=, 1);

  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    explain (f->fukuoka, kpis[i]);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = hubs_submission_check (f->fukuoka, "fukuoka", 2025, HUBS_LANGUAGE_EN, &error);
  g_assert_cmpuint (hubs_submission_count_blocking (issues), ==, 0);
}

/* The whole cycle: submit, locked; import, conflict, settle; accept; the answer back. */
static void
test_cycle (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HubsSubmissionImport) import = NULL;
  g_autoptr(HubsSubmissionImport) again = NULL;
  g_autoptr(HubsYearState) state = NULL;
  g_autoptr(HubsPackage) answer = NULL;
  g_autoptr(HubsFigure) change = hubs_figure_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *answer_path = hubs_test_path (f->dir, "answer.hubs");
  GPtrArray *conflicts;
  gsize size;

  enter_year (f);
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    explain (f->fukuoka, kpis[i]);

  /* The ministry corrected one figure before the file arrived. */
  set_actual (f->national, "fukuoka/overseas-vc-funding", 2025, 4, TRUE);

  path = submit (f);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  }
  g_test_message ("submission: %" G_GSIZE_FORMAT " bytes", size);
  g_assert_cmpuint (size, <, 200 * 1024);

  /* Submitted: locked at the consortium. */
  state = hubs_store_get_year_state (f->fukuoka, "fukuoka", 2025, &error);
  g_assert_cmpint (state->state, ==, HUBS_YEAR_SUBMITTED);
  g_assert_cmpstr (state->changed_by, ==, "山田 花子");
  change->kpi_id = g_strdup (kpis[0]);
  change->fiscal_year = 2025;
  change->kind = HUBS_FIGURE_ACTUAL;
  change->value = 9;
  change->measured = TRUE;
  g_assert_false (hubs_store_set_figure (f->fukuoka, change, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* A second submission of a submitted year is refused. */
  g_assert_false (hubs_submission_export (f->fukuoka, "fukuoka", 2025, answer_path, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* At the Cabinet Office: one conflict, the ministry's correction. */
  import = read_into_national (f, path);
  conflicts = hubs_submission_import_get_conflicts (import);
  g_assert_cmpuint (conflicts->len, ==, 1);
  {
    const HubsSubmissionConflict *conflict = g_ptr_array_index (conflicts, 0);

    g_assert_cmpstr (conflict->kpi_id, ==, "fukuoka/overseas-vc-funding");
    g_assert_cmpfloat (conflict->ours->value, ==, 4);
    g_assert_cmpfloat (conflict->theirs->value, ==, 0);
    g_assert_nonnull (strstr (conflict->ours_changed_by, "佐藤 一郎"));
    g_assert_nonnull (conflict->ours_changed_at);
  }
  g_assert_cmpuint (hubs_submission_import_count_changes (import), >, 0);

  /* Unsettled: nothing changes. */
  g_assert_false (hubs_submission_import_apply (import, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpfloat (actual_of (f->national, kpis[0], 2025), ==, -1);

  hubs_submission_import_resolve_all (import, HUBS_SUBMISSION_KEEP_OURS);
  g_assert_true (hubs_submission_import_apply (import, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (actual_of (f->national, kpis[0], 2025), ==, 0);
  g_assert_cmpfloat (actual_of (f->national, "fukuoka/overseas-vc-funding", 2025), ==, 4);
  g_clear_pointer (&state, hubs_year_state_free);
  state = hubs_store_get_year_state (f->national, "fukuoka", 2025, &error);
  g_assert_cmpint (state->state, ==, HUBS_YEAR_SUBMITTED);
  g_assert_cmpstr (state->changed_by, ==, "山田 花子");
  {
    g_autoptr(HubsExplanation) e = hubs_store_get_explanation (f->national, kpis[0], 2025,
                                                               &error);

    g_assert_cmpstr (e->why, ==, "海外投資家の来訪が予定より少なかった");
  }
  /* The history says who entered the figures: the consortium, not the importer. */
  {
    g_autoptr(GPtrArray) history = hubs_store_list_history (f->national, kpis[0], &error);
    const HubsHistoryEntry *last = g_ptr_array_index (history, history->len - 1);

    g_assert_cmpstr (last->changed_by, ==, "山田 花子");
  }

  /* The same file again changes nothing (ours kept stays a conflict to settle the same). */
  again = read_into_national (f, path);
  g_assert_cmpuint (hubs_submission_import_count_changes (again), ==, 0);

  /* Accepted, and the answer confirms it at the consortium. */
  g_assert_true (hubs_submission_answer (f->national, "fukuoka", 2025, HUBS_YEAR_ACCEPTED, NULL,
                                         answer_path, &error));
  g_assert_no_error (error);
  answer = hubs_package_new_from_file (answer_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (answer->kind, ==, HUBS_PACKAGE_ANSWER);
  g_assert_true (hubs_submission_take_answer (f->fukuoka, answer, &error));
  g_assert_no_error (error);
  g_clear_pointer (&state, hubs_year_state_free);
  state = hubs_store_get_year_state (f->fukuoka, "fukuoka", 2025, &error);
  g_assert_cmpint (state->state, ==, HUBS_YEAR_ACCEPTED);
  g_assert_cmpstr (state->changed_by, ==, "佐藤 一郎");
  /* Taking it twice changes nothing. */
  g_assert_true (hubs_submission_take_answer (f->fukuoka, answer, &error));
  g_assert_no_error (error);
}

/* Returned with a reason: the answer unlocks the year at the consortium, and the next
 * submission replaces the first without a conflict. */
static void
test_returned (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HubsSubmissionImport) first = NULL;
  g_autoptr(HubsSubmissionImport) second = NULL;
  g_autoptr(HubsPackage) answer = NULL;
  g_autoptr(HubsYearState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer_path = hubs_test_path (f->dir, "returned.hubs");
  g_autofree char *path = NULL;

  enter_year (f);
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    explain (f->fukuoka, kpis[i]);
  path = submit (f);
  first = read_into_national (f, path);
  g_assert_true (hubs_submission_import_apply (first, &error));

  g_assert_false (hubs_submission_answer (f->national, "fukuoka", 2025, HUBS_YEAR_RETURNED, "",
                                          answer_path, &error));
  g_clear_error (&error);
  g_assert_true (hubs_submission_answer (f->national, "fukuoka", 2025, HUBS_YEAR_RETURNED,
                                         "評価額100億円以上の件数の出典を記載してください",
                                         answer_path, &error));
  answer = hubs_package_new_from_file (answer_path, &error);
  g_assert_no_error (error);
  g_assert_true (hubs_submission_take_answer (f->fukuoka, answer, &error));
  state = hubs_store_get_year_state (f->fukuoka, "fukuoka", 2025, &error);
  g_assert_cmpint (state->state, ==, HUBS_YEAR_RETURNED);
  g_assert_cmpstr (state->reason, ==, "評価額100億円以上の件数の出典を記載してください");

  /* Open again: corrected and sent again. */
  set_actual (f->fukuoka, kpis[0], 2025, 1, TRUE);
  g_unlink (path);
  g_free (path);
  path = submit (f);
  second = read_into_national (f, path);
  g_assert_cmpuint (hubs_submission_import_get_conflicts (second)->len, ==, 0);
  g_assert_cmpuint (hubs_submission_import_count_changes (second), ==, 1);
  g_assert_true (hubs_submission_import_apply (second, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (actual_of (f->national, kpis[0], 2025), ==, 1);
}

/* Altered, cut short, newer, or for a hub the database does not hold: refused, and the
 * receiving database stays byte for byte as it was. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *bad = hubs_test_path (f->dir, "bad.hubs");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  enter_year (f);
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    explain (f->fukuoka, kpis[i]);
  path = submit (f);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_clear_object (&f->national);
  before = hubs_test_read_bytes (f->national_path);

  /* One figure's text changed on the way: 福岡市調べ → 福岡県調べ. */
  {
    g_autofree char *altered = g_memdup2 (contents, size);
    char *at = NULL;

    for (gsize i = 0; at == NULL && i + strlen ("福岡市調べ") <= size; i++)
      if (memcmp (altered + i, "福岡市調べ", strlen ("福岡市調べ")) == 0)
        at = altered + i;

    g_assert_nonnull (at);
    memcpy (at, "福岡県", strlen ("福岡県"));
    g_assert_true (g_file_set_contents (bad, altered, size, NULL));
    g_assert_null (hubs_package_new_from_file (bad, &error));
    g_assert_error (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_ALTERED);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }

  /* Cut short. */
  g_assert_true (g_file_set_contents (bad, contents, size / 2, NULL));
  g_assert_null (hubs_package_new_from_file (bad, &error));
  g_assert_error (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_NOT_PACKAGE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Not one at all. */
  g_assert_true (g_file_set_contents (bad, "kpi_id,FY2025\n", -1, NULL));
  g_assert_null (hubs_package_new_from_file (bad, &error));
  g_assert_error (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_NOT_PACKAGE);
  g_clear_error (&error);

  /* From a newer Hubs. */
  {
    g_autoptr(HubsPackage) newer = hubs_package_new_from_file (path, &error);
    g_autoptr(GBytes) bytes = NULL;

    newer->format_version = HUBS_PACKAGE_FORMAT_VERSION + 1;
    bytes = hubs_package_to_bytes (newer, &error);
    g_assert_true (g_file_set_contents (bad, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));
    g_assert_null (hubs_package_new_from_file (bad, &error));
    g_assert_error (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_TOO_NEW);
    g_clear_error (&error);
  }

  /* For a hub the database does not hold. */
  {
    HubsPackage *other = hubs_package_new_from_file (path, &error);
    g_autoptr(HubsSubmissionImport) import = NULL;

    g_free (other->hub_id);
    other->hub_id = g_strdup ("atlantis");
    f->national = hubs_test_open_store (f->national_path, HUBS_STORE_OPEN_DEFAULT);
    import = hubs_submission_import_new (f->national, other, &error);
    g_assert_null (import);
    g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_clear_object (&f->national);
  }

  hubs_test_assert_same_bytes (f->national_path, before);
}

/* The Cabinet Office's checklist: every hub and year, its state, and what is missing. */
static void
test_tracker (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HubsSubmissionImport) import = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) december = g_date_time_new_utc (2026, 12, 2, 6, 0, 0);
  g_autofree char *path = NULL;
  gboolean saw_fukuoka = FALSE;

  enter_year (f);
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    explain (f->fukuoka, kpis[i]);
  path = submit (f);
  import = read_into_national (f, path);
  g_assert_true (hubs_submission_import_apply (import, &error));

  g_assert_cmpint (hubs_tracker_last_year (f->national, december, &error), ==, 2025);
  rows = hubs_tracker_list (f->national, 2025, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 13);
  for (guint i = 0; i < rows->len; i++)
    {
      const HubsTrackerRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->hub_id, "fukuoka"))
        {
          saw_fukuoka = TRUE;
          g_assert_cmpint (row->state->state, ==, HUBS_YEAR_SUBMITTED);
          g_assert_cmpstr (row->state->changed_by, ==, "山田 花子");
          g_assert_cmpuint (row->n_missing, ==, 0);
          g_assert_cmpuint (row->n_unexplained, ==, 0);
        }
      else
        {
          g_assert_cmpint (row->state->state, ==, HUBS_YEAR_ENTERING);
          g_assert_cmpuint (row->n_missing, >, 0);
        }
    }
  g_assert_true (saw_fukuoka);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/submission/check", test_check);
  ADD ("/hubs/submission/cycle", test_cycle);
  ADD ("/hubs/submission/returned", test_returned);
  ADD ("/hubs/submission/refused", test_refused);
  ADD ("/hubs/submission/tracker", test_tracker);

  return g_test_run ();
}
