/* test-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "hubs-plan.h"
#include "hubs-progress.h"

typedef struct
{
  HubsKpi   *kpi;
  GPtrArray *figures;
} Case;

static Case *
case_new (HubsDirection direction,
          HubsQualifier qualifier)
{
  Case *c = g_new0 (Case, 1);

  c->kpi = hubs_kpi_new ();
  c->kpi->id = g_strdup ("test/kpi");
  c->kpi->hub_id = g_strdup ("test");
  c->kpi->unit = g_strdup (direction == HUBS_DIRECTION_LOWER ? "位" : "社");
  c->kpi->direction = direction;
  c->kpi->qualifier = qualifier;
  c->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);

  return c;
}

static void
case_free (Case *c)
{
  hubs_kpi_free (c->kpi);
  g_ptr_array_unref (c->figures);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Case, case_free)

static void
case_add (Case           *c,
          HubsFigureKind  kind,
          int             year,
          double          value)
{
  HubsFigure *figure = hubs_figure_new ();

  figure->kpi_id = g_strdup (c->kpi->id);
  figure->kind = kind;
  figure->fiscal_year = year;
  figure->value = value;
  figure->measured = TRUE;
  figure->confirmed = TRUE;
  g_ptr_array_add (c->figures, figure);
}

static void
case_add_not_measured (Case           *c,
                       HubsFigureKind  kind,
                       int             year)
{
  case_add (c, kind, year, 0);
  ((HubsFigure *) c->figures->pdata[c->figures->len - 1])->measured = FALSE;
}

/* The usual plan: baseline FY2024, targets FY2027 and FY2029. */
static Case *
case_new_plan (double baseline,
               double target_2027,
               double target_2029)
{
  Case *c = case_new (HUBS_DIRECTION_HIGHER, HUBS_QUALIFIER_NONE);

  case_add (c, HUBS_FIGURE_BASELINE, 2024, baseline);
  case_add (c, HUBS_FIGURE_TARGET, 2027, target_2027);
  case_add (c, HUBS_FIGURE_TARGET, 2029, target_2029);

  return c;
}

static HubsProgress
compute (Case *c)
{
  HubsProgress p;

  hubs_progress_compute (&p, c->kpi, c->figures);
  return p;
}

static void
test_worked_example (void)
{
  g_autoptr(Case) c = case_new_plan (120, 180, 240);
  HubsProgress p;

  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 135);
  p = compute (c);

  g_assert_true (p.has_start);
  g_assert_cmpfloat (p.start, ==, 120);
  g_assert_cmpint (p.start_year, ==, 2024);
  g_assert_true (p.has_actual);
  g_assert_cmpint (p.actual_year, ==, 2025);
  g_assert_cmpfloat_with_epsilon (p.expected, 140, 1e-9);
  g_assert_true (p.has_share);
  g_assert_cmpfloat_with_epsilon (p.share, 0.75, 1e-9);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NEEDS_ACCELERATION);
  g_assert_false (p.target_met);

  /* One actual: the trend runs from the start through it, 15 a year. */
  g_assert_true (p.has_projection);
  g_assert_cmpfloat_with_epsilon (p.trend_slope, 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.projection_2027, 165, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.projection_2029, 195, 1e-9);
  g_assert_false (p.reaches_2027);
  g_assert_false (p.reaches_2029);
}

/* A year is judged by the actuals up to it: FY2025 stays behind after a good FY2026. */
static void
test_as_of_year (void)
{
  g_autoptr(Case) c = case_new_plan (120, 180, 240);
  HubsProgress p;

  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 135);
  case_add (c, HUBS_FIGURE_ACTUAL, 2026, 165);

  hubs_progress_compute_as_of (&p, c->kpi, c->figures, 2025);
  g_assert_cmpint (p.actual_year, ==, 2025);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NEEDS_ACCELERATION);
  g_assert_true (hubs_progress_needs_explanation (&p, 2025));
  g_assert_false (hubs_progress_needs_explanation (&p, 2026));

  hubs_progress_compute_as_of (&p, c->kpi, c->figures, 2026);
  g_assert_cmpint (p.actual_year, ==, 2026);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_ON_TRACK);
  g_assert_false (hubs_progress_needs_explanation (&p, 2026));

  /* No actual in the year itself: nothing to explain for it. */
  hubs_progress_compute_as_of (&p, c->kpi, c->figures, 2027);
  g_assert_false (hubs_progress_needs_explanation (&p, 2027));
}

static void
test_expected_path (void)
{
  g_autoptr(Case) c = case_new_plan (120, 180, 240);
  HubsProgress p = compute (c);
  double v;

  g_assert_true (hubs_progress_get_expected (&p, 2024, &v));
  g_assert_cmpfloat_with_epsilon (v, 120, 1e-9);
  g_assert_true (hubs_progress_get_expected (&p, 2027, &v));
  g_assert_cmpfloat_with_epsilon (v, 180, 1e-9);
  /* The second segment. */
  g_assert_true (hubs_progress_get_expected (&p, 2028, &v));
  g_assert_cmpfloat_with_epsilon (v, 210, 1e-9);
  g_assert_true (hubs_progress_get_expected (&p, 2029, &v));
  g_assert_cmpfloat_with_epsilon (v, 240, 1e-9);
  /* Held at either end. */
  g_assert_true (hubs_progress_get_expected (&p, 2023, &v));
  g_assert_cmpfloat_with_epsilon (v, 120, 1e-9);
  g_assert_true (hubs_progress_get_expected (&p, 2031, &v));
  g_assert_cmpfloat_with_epsilon (v, 240, 1e-9);
}

static void
test_status_thresholds (void)
{
  /* start 100, FY2027 400: expected at FY2025 is 200, so A = (actual − 100) / 100. */
  static const struct { double actual; HubsStatus status; } cases[] = {
    { 195, HUBS_STATUS_ON_TRACK },
    { 250, HUBS_STATUS_ON_TRACK },
    { 194.9, HUBS_STATUS_NEEDS_ACCELERATION },
    { 160, HUBS_STATUS_NEEDS_ACCELERATION },
    { 159.9, HUBS_STATUS_LIMITED_PROGRESS },
    { 100, HUBS_STATUS_LIMITED_PROGRESS },
    { 99, HUBS_STATUS_DETERIORATION },
    { 400, HUBS_STATUS_ON_TRACK },      /* the FY2027 target, but not the final one */
    { 500, HUBS_STATUS_ACHIEVED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Case) c = case_new_plan (100, 400, 500);
      HubsProgress p;

      case_add (c, HUBS_FIGURE_ACTUAL, 2025, cases[i].actual);
      p = compute (c);
      g_test_message ("actual %g: A = %g", cases[i].actual, p.share);
      g_assert_cmpint (p.status, ==, cases[i].status);
    }
}

static void
test_no_actuals (void)
{
  g_autoptr(Case) c = case_new_plan (120, 180, 240);
  HubsProgress p = compute (c);

  g_assert_false (p.has_actual);
  g_assert_false (p.has_share);
  g_assert_false (p.has_projection);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NOT_ASSESSABLE);
  /* The path is still there to draw. */
  g_assert_true (p.has_start);
}

static void
test_not_measured_baseline (void)
{
  g_autoptr(Case) c = case_new (HUBS_DIRECTION_HIGHER, HUBS_QUALIFIER_NONE);
  HubsProgress p;
  double v;

  case_add_not_measured (c, HUBS_FIGURE_BASELINE, 2024);
  case_add (c, HUBS_FIGURE_TARGET, 2027, 7);
  case_add (c, HUBS_FIGURE_TARGET, 2029, 15);
  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 3);
  p = compute (c);

  g_assert_false (p.has_baseline);
  g_assert_false (p.has_start);
  g_assert_false (hubs_progress_get_expected (&p, 2025, &v));
  g_assert_true (p.has_actual);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NOT_ASSESSABLE);
  /* One actual and nothing to start from: no trend. */
  g_assert_false (p.has_projection);

  /* Two actuals make a trend even without a start: 3, 6 → 12 in FY2027, 18 in FY2029. */
  case_add (c, HUBS_FIGURE_ACTUAL, 2026, 6);
  p = compute (c);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NOT_ASSESSABLE);
  g_assert_true (p.has_projection);
  g_assert_cmpfloat_with_epsilon (p.projection_2027, 9, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.projection_2029, 15, 1e-9);
  g_assert_true (p.reaches_2027);
  g_assert_true (p.reaches_2029);

  /* Meeting the final target is achieved even without a start (first rule wins). */
  case_add (c, HUBS_FIGURE_ACTUAL, 2027, 16);
  p = compute (c);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_ACHIEVED);
}

static void
test_not_measured_actual_ignored (void)
{
  g_autoptr(Case) c = case_new_plan (120, 180, 240);
  HubsProgress p;

  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 135);
  case_add_not_measured (c, HUBS_FIGURE_ACTUAL, 2026);
  p = compute (c);

  g_assert_cmpint (p.actual_year, ==, 2025);
  g_assert_cmpuint (p.n_actuals, ==, 1);
}

static void
test_zero_baseline (void)
{
  g_autoptr(Case) c = case_new_plan (0, 30, 60);
  HubsProgress p;

  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 10);
  p = compute (c);

  g_assert_cmpfloat_with_epsilon (p.expected, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.share, 1.0, 1e-9);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_ON_TRACK);
}

static void
test_path_from_zero (void)
{
  g_autoptr(Case) c = case_new_plan (500, 1100, 2100);
  HubsProgress p;

  /* 関西: counted from April 2025, the baseline is a five-year reference. */
  c->kpi->path_from_zero = TRUE;
  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 300);
  p = compute (c);

  g_assert_true (p.has_baseline);
  g_assert_cmpfloat (p.baseline, ==, 500);
  g_assert_cmpfloat (p.start, ==, 0);
  g_assert_cmpint (p.start_year, ==, 2024);
  g_assert_cmpfloat_with_epsilon (p.expected, 1100.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.share, 300 / (1100.0 / 3), 1e-9);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NEEDS_ACCELERATION);
}

static void
test_rank (void)
{
  g_autoptr(Case) c = case_new (HUBS_DIRECTION_LOWER, HUBS_QUALIFIER_AT_MOST);
  HubsProgress p;

  /* 東京's GSER: 10位 → 8位以内 → 5位以内. */
  case_add (c, HUBS_FIGURE_BASELINE, 2024, 10);
  case_add (c, HUBS_FIGURE_TARGET, 2027, 8);
  case_add (c, HUBS_FIGURE_TARGET, 2029, 5);

  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 9);
  p = compute (c);
  /* Expected 9⅓; 9th is better than that. */
  g_assert_cmpfloat_with_epsilon (p.expected, 10 - 2.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.share, 1.5, 1e-9);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_ON_TRACK);
  /* One place a year: 7th by FY2027, 5th by FY2029. */
  g_assert_cmpfloat_with_epsilon (p.projection_2027, 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.projection_2029, 5, 1e-9);
  g_assert_true (p.reaches_2029);
  g_assert_true (p.reaches_2027);

  g_ptr_array_remove_index (c->figures, c->figures->len - 1);
  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 12);
  p = compute (c);
  g_assert_cmpfloat (p.share, <, 0);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_DETERIORATION);

  /* A falling rank is not projected past first place. */
  g_ptr_array_remove_index (c->figures, c->figures->len - 1);
  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 4);
  p = compute (c);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_ACHIEVED);
  g_assert_cmpfloat (p.projection_2029, ==, 1);

  g_assert_true (hubs_progress_meets (&p, 5, 5));
  g_assert_true (hubs_progress_meets (&p, 3, 5));
  g_assert_false (hubs_progress_meets (&p, 6, 5));
}

static void
test_target_met (void)
{
  g_autoptr(Case) c = case_new_plan (20, 35, 50);
  HubsProgress p;

  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 52);
  p = compute (c);

  g_assert_true (p.target_met);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_ACHIEVED);
  g_assert_true (p.reaches_2027);
  g_assert_true (p.reaches_2029);
}

static void
test_one_target (void)
{
  double v;

  /* Only FY2029: one straight segment from the start. */
  {
    g_autoptr(Case) c = case_new (HUBS_DIRECTION_HIGHER, HUBS_QUALIFIER_NONE);
    HubsProgress p;

    case_add (c, HUBS_FIGURE_BASELINE, 2024, 100);
    case_add (c, HUBS_FIGURE_TARGET, 2029, 200);
    case_add (c, HUBS_FIGURE_ACTUAL, 2025, 110);
    p = compute (c);

    g_assert_false (p.has_target_2027);
    g_assert_cmpfloat_with_epsilon (p.expected, 120, 1e-9);
    g_assert_cmpfloat_with_epsilon (p.share, 0.5, 1e-9);
    g_assert_cmpint (p.status, ==, HUBS_STATUS_LIMITED_PROGRESS);
    g_assert_false (p.reaches_2027);
    g_assert_true (hubs_progress_get_expected (&p, 2027, &v));
    g_assert_cmpfloat_with_epsilon (v, 160, 1e-9);
  }

  /* Only FY2027: held there afterwards. */
  {
    g_autoptr(Case) c = case_new (HUBS_DIRECTION_HIGHER, HUBS_QUALIFIER_NONE);
    HubsProgress p;
    int year;

    case_add (c, HUBS_FIGURE_BASELINE, 2024, 100);
    case_add (c, HUBS_FIGURE_TARGET, 2027, 130);
    case_add (c, HUBS_FIGURE_ACTUAL, 2025, 110);
    p = compute (c);

    g_assert_true (hubs_progress_get_final_target (&p, &year, &v));
    g_assert_cmpint (year, ==, 2027);
    g_assert_cmpfloat (v, ==, 130);
    g_assert_cmpint (p.status, ==, HUBS_STATUS_ON_TRACK);
    g_assert_true (hubs_progress_get_expected (&p, 2029, &v));
    g_assert_cmpfloat (v, ==, 130);
    g_assert_false (p.reaches_2029);
  }

  /* No target at all. */
  {
    g_autoptr(Case) c = case_new (HUBS_DIRECTION_HIGHER, HUBS_QUALIFIER_NONE);
    HubsProgress p;

    case_add (c, HUBS_FIGURE_BASELINE, 2024, 100);
    case_add (c, HUBS_FIGURE_ACTUAL, 2025, 110);
    p = compute (c);

    g_assert_false (hubs_progress_get_final_target (&p, NULL, NULL));
    g_assert_false (hubs_progress_get_expected (&p, 2025, &v));
    g_assert_cmpint (p.status, ==, HUBS_STATUS_NOT_ASSESSABLE);
  }
}

static void
test_baseline_year (void)
{
  g_autoptr(Case) c = case_new (HUBS_DIRECTION_HIGHER, HUBS_QUALIFIER_NONE);
  HubsProgress p;

  /* A baseline at the end of FY2023 starts the path a year earlier. */
  case_add (c, HUBS_FIGURE_BASELINE, 2023, 100);
  case_add (c, HUBS_FIGURE_TARGET, 2027, 180);
  case_add (c, HUBS_FIGURE_TARGET, 2029, 200);
  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 140);
  p = compute (c);

  g_assert_cmpint (p.start_year, ==, 2023);
  g_assert_cmpfloat_with_epsilon (p.expected, 140, 1e-9);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_ON_TRACK);
}

static void
test_breakdown (void)
{
  g_autoptr(Case) parent = case_new_plan (285, 1000, 2500);
  g_autoptr(Case) child = case_new_plan (273, 600, 1500);
  HubsProgressSummary summary;
  HubsProgress p;
  double share;

  child->kpi->parent_id = g_strdup ("tokyo/collaborations");
  case_add (parent, HUBS_FIGURE_ACTUAL, 2025, 285 + (1000 - 285) / 3.0);
  case_add (child, HUBS_FIGURE_ACTUAL, 2025, 273);

  /* A breakdown has its own progress... */
  p = compute (child);
  g_assert_true (p.is_breakdown);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_LIMITED_PROGRESS);

  /* ...but its parent already counts it in a hub's average. */
  hubs_progress_summary_init (&summary);
  hubs_progress_summary_add (&summary, &p);
  p = compute (parent);
  g_assert_false (p.is_breakdown);
  hubs_progress_summary_add (&summary, &p);

  g_assert_cmpuint (summary.n_kpis, ==, 1);
  g_assert_cmpuint (summary.n_by_status[HUBS_STATUS_ON_TRACK], ==, 1);
  g_assert_true (hubs_progress_summary_get_share (&summary, &share));
  g_assert_cmpfloat_with_epsilon (share, 1.0, 1e-9);
}

static void
test_yearly_target (void)
{
  g_autoptr(Case) c = case_new_plan (15, 15, 15);
  HubsProgress p;
  double v;

  /* 東京's unicorns: 15社 over five years, then 15社/年. */
  c->kpi->per_year = TRUE;
  p = compute (c);
  g_assert_true (p.yearly_target);
  g_assert_cmpint (p.start_year, ==, 2025);
  g_assert_true (hubs_progress_get_expected (&p, 2026, &v));
  g_assert_cmpfloat (v, ==, 15);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NOT_ASSESSABLE);

  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 6);
  p = compute (c);
  g_assert_true (p.has_share);
  g_assert_true (isfinite (p.share));
  g_assert_cmpfloat_with_epsilon (p.share, 0.4, 1e-9);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_LIMITED_PROGRESS);
  /* At this pace each year brings 6. */
  g_assert_cmpfloat (p.projection_2029, ==, 6);
  g_assert_false (p.reaches_2029);

  /* Each year stands on its own: a good year meets that year's target. */
  case_add (c, HUBS_FIGURE_ACTUAL, 2026, 15);
  p = compute (c);
  g_assert_true (p.target_met);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_ACHIEVED);
  /* 6, 15: nine more a year. */
  g_assert_cmpfloat_with_epsilon (p.trend_slope, 9, 1e-9);
  g_assert_true (p.reaches_2027);
}

static void
test_yearly_target_without_baseline (void)
{
  g_autoptr(Case) c = case_new (HUBS_DIRECTION_HIGHER, HUBS_QUALIFIER_AT_LEAST);
  HubsProgress p;

  /* 新潟: 年間1,000人以上 by FY2027 and 年間5,000人以上 by FY2029, nothing measured before. */
  c->kpi->per_year = TRUE;
  case_add_not_measured (c, HUBS_FIGURE_BASELINE, 2024);
  case_add (c, HUBS_FIGURE_TARGET, 2027, 1000);
  case_add (c, HUBS_FIGURE_TARGET, 2029, 5000);
  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 800);
  p = compute (c);

  g_assert_true (p.yearly_target);
  g_assert_false (p.has_baseline);
  g_assert_cmpfloat (p.expected, ==, 1000);
  g_assert_cmpfloat_with_epsilon (p.share, 0.8, 1e-9);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NEEDS_ACCELERATION);
}

static void
test_per_year_with_path (void)
{
  g_autoptr(Case) c = case_new_plan (66, 86, 100);
  HubsProgress p;

  /* 中部: a per-year figure with a rising path follows the usual rules. */
  c->kpi->per_year = TRUE;
  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 66);
  p = compute (c);

  g_assert_false (p.yearly_target);
  g_assert_cmpfloat (p.start_year, ==, 2024);
  g_assert_cmpfloat_with_epsilon (p.share, 0, 1e-9);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_LIMITED_PROGRESS);
}

static void
test_flat_level (void)
{
  g_autoptr(Case) c = case_new_plan (100, 100, 100);
  HubsProgress p;

  /* A level to keep: no division by zero. */
  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 90);
  p = compute (c);

  g_assert_false (p.yearly_target);
  g_assert_true (p.has_share);
  g_assert_cmpfloat_with_epsilon (p.share, 0.9, 1e-9);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NEEDS_ACCELERATION);
}

static void
test_actual_in_start_year (void)
{
  g_autoptr(Case) c = case_new_plan (120, 180, 240);
  HubsProgress p;

  /* Nothing was expected yet: no share, and nothing to divide by. */
  case_add (c, HUBS_FIGURE_ACTUAL, 2024, 125);
  p = compute (c);

  g_assert_false (p.has_share);
  g_assert_cmpint (p.status, ==, HUBS_STATUS_NOT_ASSESSABLE);
}

static void
test_projection_fit (void)
{
  g_autoptr(Case) c = case_new_plan (100, 160, 200);
  HubsProgress p;

  case_add (c, HUBS_FIGURE_ACTUAL, 2025, 110);
  case_add (c, HUBS_FIGURE_ACTUAL, 2026, 130);
  case_add (c, HUBS_FIGURE_ACTUAL, 2027, 150);
  p = compute (c);

  g_assert_cmpfloat_with_epsilon (p.trend_slope, 20, 1e-9);
  /* FY2027 has its actual: that is what counts, not the trend. */
  g_assert_cmpfloat (p.projection_2027, ==, 150);
  g_assert_false (p.reaches_2027);
  g_assert_cmpfloat_with_epsilon (p.projection_2029, 190, 1e-9);
  g_assert_false (p.reaches_2029);
}

static void
test_at_least_qualifier (void)
{
  g_autoptr(Case) c = case_new (HUBS_DIRECTION_HIGHER, HUBS_QUALIFIER_AT_LEAST);
  HubsProgress p;

  case_add (c, HUBS_FIGURE_BASELINE, 2024, 10);
  case_add (c, HUBS_FIGURE_TARGET, 2029, 20);
  p = compute (c);

  g_assert_true (hubs_progress_meets (&p, 20, 20));
  g_assert_true (hubs_progress_meets (&p, 21, 20));
  g_assert_false (hubs_progress_meets (&p, 19.5, 20));
}

static void
test_labels (void)
{
  static const char * const ja[] = {
    "達成", "順調", "加速が必要", "進捗に遅れ", "悪化", "評価不能",
  };
  static const char * const en[] = {
    "Achieved", "On track", "Needs acceleration", "Limited progress", "Deterioration",
    "Not assessable",
  };

  for (guint i = 0; i < HUBS_N_STATUSES; i++)
    {
      g_assert_cmpstr (hubs_status_get_label (i, HUBS_LANGUAGE_JA), ==, ja[i]);
      g_assert_cmpstr (hubs_status_get_label (i, HUBS_LANGUAGE_EN), ==, en[i]);
      g_assert_true (g_utf8_validate (hubs_status_get_symbol (i), -1, NULL));
      g_assert_cmpint (g_utf8_strlen (hubs_status_get_symbol (i), -1), ==, 1);

      /* Every status has a shape of its own. */
      for (guint j = 0; j < i; j++)
        {
          g_assert_cmpint (hubs_status_get_shape (i), !=, hubs_status_get_shape (j));
          g_assert_cmpstr (hubs_status_get_symbol (i), !=, hubs_status_get_symbol (j));
        }
    }

  g_assert_cmpstr (hubs_status_to_string (HUBS_STATUS_ON_TRACK), ==, "on-track");
}

static void
test_summary_caps (void)
{
  g_autoptr(Case) a = case_new_plan (100, 130, 160);
  g_autoptr(Case) b = case_new_plan (100, 130, 160);
  g_autoptr(Case) none = case_new_plan (100, 130, 160);
  HubsProgressSummary summary;
  HubsProgress p;
  double share;

  hubs_progress_summary_init (&summary);
  g_assert_false (hubs_progress_summary_get_share (&summary, &share));

  case_add (a, HUBS_FIGURE_ACTUAL, 2025, 150);   /* A = 5, capped at 1.5 */
  case_add (b, HUBS_FIGURE_ACTUAL, 2025, 105);   /* A = 0.5 */
  p = compute (a);
  hubs_progress_summary_add (&summary, &p);
  p = compute (b);
  hubs_progress_summary_add (&summary, &p);
  p = compute (none);
  hubs_progress_summary_add (&summary, &p);

  g_assert_cmpuint (summary.n_kpis, ==, 3);
  g_assert_cmpuint (summary.n_assessed, ==, 2);
  g_assert_cmpuint (summary.n_by_status[HUBS_STATUS_NOT_ASSESSABLE], ==, 1);
  g_assert_true (hubs_progress_summary_get_share (&summary, &share));
  g_assert_cmpfloat_with_epsilon (share, (1.5 + 0.5) / 2, 1e-9);
}

/* Every KPI of the shipped plan computes without a warning, and with no actuals none of
 * them can be assessed yet. */
static void
test_shipped_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsPlan) plan = hubs_plan_new_builtin (&error);
  GPtrArray *kpis, *figures;

  g_assert_no_error (error);
  kpis = hubs_plan_get_kpis (plan);
  figures = hubs_plan_get_figures (plan);

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      g_autoptr(GPtrArray) own = g_ptr_array_new ();
      HubsProgress p;

      for (guint j = 0; j < figures->len; j++)
        {
          HubsFigure *figure = g_ptr_array_index (figures, j);

          if (g_str_equal (figure->kpi_id, kpi->id))
            g_ptr_array_add (own, figure);
        }

      hubs_progress_compute (&p, kpi, own);
      g_assert_cmpint (p.status, ==, HUBS_STATUS_NOT_ASSESSABLE);
      g_assert_true (hubs_progress_get_final_target (&p, NULL, NULL));

      /* 15社/年 after a five-year total, and 年間1,000人以上 with nothing measured before. */
      if (g_str_equal (kpi->id, "tokyo/unicorns") ||
          g_str_equal (kpi->id, "nagano-niigata/niigata-oi-event-attendance"))
        g_assert_true (p.yearly_target);
      else
        g_assert_false (p.yearly_target);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/progress/worked-example", test_worked_example);
  g_test_add_func ("/hubs/progress/as-of-year", test_as_of_year);
  g_test_add_func ("/hubs/progress/expected-path", test_expected_path);
  g_test_add_func ("/hubs/progress/status-thresholds", test_status_thresholds);
  g_test_add_func ("/hubs/progress/no-actuals", test_no_actuals);
  g_test_add_func ("/hubs/progress/not-measured-baseline", test_not_measured_baseline);
  g_test_add_func ("/hubs/progress/not-measured-actual", test_not_measured_actual_ignored);
  g_test_add_func ("/hubs/progress/zero-baseline", test_zero_baseline);
  g_test_add_func ("/hubs/progress/path-from-zero", test_path_from_zero);
  g_test_add_func ("/hubs/progress/rank", test_rank);
  g_test_add_func ("/hubs/progress/target-met", test_target_met);
  g_test_add_func ("/hubs/progress/one-target", test_one_target);
  g_test_add_func ("/hubs/progress/baseline-year", test_baseline_year);
  g_test_add_func ("/hubs/progress/breakdown", test_breakdown);
  g_test_add_func ("/hubs/progress/yearly-target", test_yearly_target);
  g_test_add_func ("/hubs/progress/yearly-target-without-baseline",
                   test_yearly_target_without_baseline);
  g_test_add_func ("/hubs/progress/per-year-with-path", test_per_year_with_path);
  g_test_add_func ("/hubs/progress/flat-level", test_flat_level);
  g_test_add_func ("/hubs/progress/actual-in-start-year", test_actual_in_start_year);
  g_test_add_func ("/hubs/progress/projection-fit", test_projection_fit);
  g_test_add_func ("/hubs/progress/at-least", test_at_least_qualifier);
  g_test_add_func ("/hubs/progress/labels", test_labels);
  g_test_add_func ("/hubs/progress/summary", test_summary_caps);
  g_test_add_func ("/hubs/progress/shipped-plan", test_shipped_plan);

  return g_test_run ();
}
