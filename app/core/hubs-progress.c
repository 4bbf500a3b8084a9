/* hubs-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The progress engine: the plan path of a KPI, the share of that path its latest actual has
 * covered, its status and the projection of its trend, after the rules of DESIGN.md ("Fiscal
 * years and progress"). Plain arithmetic on plain data, so that the UI, the charts and every
 * export tell the same story.
 */

#define G_LOG_DOMAIN "hubs-progress"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hubs-progress.h"

typedef struct
{
  const char      *id;
  const char      *label_ja;
  const char      *label_en;
  const char      *symbol;
  HubsStatusShape  shape;
} StatusInfo;

/* Explicit Japanese and English, not gettext: exports take --lang and must not follow the
 * locale of the process. The symbols are the marks Japanese tables use (◎○△▽×－). */
static const StatusInfo status_info[HUBS_N_STATUSES] = {
  { "achieved", "達成", "Achieved", "◎", HUBS_STATUS_SHAPE_DOUBLE_CIRCLE },
  { "on-track", "順調", "On track", "○", HUBS_STATUS_SHAPE_CIRCLE },
  { "needs-acceleration", "加速が必要", "Needs acceleration", "△", HUBS_STATUS_SHAPE_TRIANGLE_UP },
  { "limited-progress", "進捗に遅れ", "Limited progress", "▽", HUBS_STATUS_SHAPE_TRIANGLE_DOWN },
  { "deterioration", "悪化", "Deterioration", "×", HUBS_STATUS_SHAPE_CROSS },
  { "not-assessable", "評価不能", "Not assessable", "－", HUBS_STATUS_SHAPE_DASH },
};

/**
 * hubs_status_to_string:
 * @status: a #HubsStatus
 *
 * Returns: the stable id of @status ("on-track"), for files and exports
 */
const char *
hubs_status_to_string (HubsStatus status)
{
  g_return_val_if_fail (status < HUBS_N_STATUSES, NULL);

  return status_info[status].id;
}

/**
 * hubs_status_get_label:
 * @status: a #HubsStatus
 * @language: the language to name it in
 *
 * Returns: the status in words (順調 / On track)
 */
const char *
hubs_status_get_label (HubsStatus   status,
                       HubsLanguage language)
{
  g_return_val_if_fail (status < HUBS_N_STATUSES, NULL);

  return language == HUBS_LANGUAGE_JA ? status_info[status].label_ja
                                      : status_info[status].label_en;
}

/**
 * hubs_status_get_symbol:
 * @status: a #HubsStatus
 *
 * Returns: a one-character mark for @status (◎ ○ △ ▽ × －), the same in every language
 */
const char *
hubs_status_get_symbol (HubsStatus status)
{
  g_return_val_if_fail (status < HUBS_N_STATUSES, NULL);

  return status_info[status].symbol;
}

/**
 * hubs_status_get_shape:
 * @status: a #HubsStatus
 *
 * Returns: the shape a chart draws for @status; it matches hubs_status_get_symbol()
 */
HubsStatusShape
hubs_status_get_shape (HubsStatus status)
{
  g_return_val_if_fail (status < HUBS_N_STATUSES, HUBS_STATUS_SHAPE_DASH);

  return status_info[status].shape;
}

static gboolean
nearly_equal (double a,
              double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/**
 * hubs_progress_meets:
 * @progress: a #HubsProgress
 * @value: a value of the KPI
 * @target: a target of the KPI
 *
 * Whether @value meets @target: at most for 以内 targets and ranks, at least otherwise.
 *
 * Returns: %TRUE when @value meets @target
 */
gboolean
hubs_progress_meets (const HubsProgress *progress,
                     double              value,
                     double              target)
{
  gboolean at_most;

  g_return_val_if_fail (progress != NULL, FALSE);

  if (nearly_equal (value, target))
    return TRUE;

  if (progress->qualifier == HUBS_QUALIFIER_AT_MOST)
    at_most = TRUE;
  else if (progress->qualifier == HUBS_QUALIFIER_AT_LEAST)
    at_most = FALSE;
  else
    at_most = progress->direction == HUBS_DIRECTION_LOWER;

  return at_most ? value < target : value > target;
}

/**
 * hubs_progress_get_final_target:
 * @progress: a #HubsProgress
 * @fiscal_year: (out) (optional): the year of the last target
 * @value: (out) (optional): its value
 *
 * Returns: %FALSE when the KPI has no target at all
 */
gboolean
hubs_progress_get_final_target (const HubsProgress *progress,
                                int                *fiscal_year,
                                double             *value)
{
  int year;
  double target;

  g_return_val_if_fail (progress != NULL, FALSE);

  if (progress->has_target_2029)
    {
      year = HUBS_LAST_FISCAL_YEAR;
      target = progress->target_2029;
    }
  else if (progress->has_target_2027)
    {
      year = HUBS_MIDTERM_FISCAL_YEAR;
      target = progress->target_2027;
    }
  else
    return FALSE;

  if (fiscal_year != NULL)
    *fiscal_year = year;
  if (value != NULL)
    *value = target;
  return TRUE;
}

/**
 * hubs_progress_compute_as_of:
 * @progress: (out caller-allocates): the result
 * @kpi: the KPI
 * @figures: (element-type HubsFigure): its figures
 * @fiscal_year: the fiscal year to stand in
 *
 * Where @kpi stood in @fiscal_year, as hubs_progress_compute() says it, with the actuals of
 * later years left out: what a submission of that year is judged by.
 */
void
hubs_progress_compute_as_of (HubsProgress  *progress,
                             const HubsKpi *kpi,
                             GPtrArray     *figures,
                             int            fiscal_year)
{
  g_autoptr(GPtrArray) until = NULL;

  g_return_if_fail (progress != NULL);
  g_return_if_fail (kpi != NULL);
  g_return_if_fail (figures != NULL);

  until = g_ptr_array_new ();
  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (figure->kind != HUBS_FIGURE_ACTUAL || figure->fiscal_year <= fiscal_year)
        g_ptr_array_add (until, (gpointer) figure);
    }
  hubs_progress_compute (progress, kpi, until);
}

/**
 * hubs_progress_needs_explanation:
 * @progress: a KPI's progress as of @fiscal_year (hubs_progress_compute_as_of())
 * @fiscal_year: the fiscal year
 *
 * Whether the KPI's actual of @fiscal_year is not on track (needs acceleration, limited
 * progress or deterioration), so that the year's submission says why (要因分析) and what will
 * be done (今後の対応). A breakdown goes with the KPI it is part of and never needs one.
 *
 * Returns: %TRUE when the year needs an explanation
 */
gboolean
hubs_progress_needs_explanation (const HubsProgress *progress,
                                 int                 fiscal_year)
{
  g_return_val_if_fail (progress != NULL, FALSE);

  if (!progress->has_share || progress->actual_year != fiscal_year || progress->is_breakdown)
    return FALSE;

  return progress->status == HUBS_STATUS_NEEDS_ACCELERATION ||
         progress->status == HUBS_STATUS_LIMITED_PROGRESS ||
         progress->status == HUBS_STATUS_DETERIORATION;
}

/**
 * hubs_progress_get_expected:
 * @progress: a #HubsProgress
 * @fiscal_year: a fiscal year (fractions allowed, for drawing)
 * @value: (out): the plan's value at @fiscal_year
 *
 * The plan path, piecewise linear from the start value through the FY2027 target to the
 * FY2029 target. Before the start it holds the start value, after the last target that
 * target; a missing target is skipped.
 *
 * Returns: %FALSE when the KPI has no path (no start value or no target)
 */
gboolean
hubs_progress_get_expected (const HubsProgress *progress,
                            double              fiscal_year,
                            double             *value)
{
  double xs[3], ys[3];
  guint n = 0;

  g_return_val_if_fail (progress != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!progress->has_start)
    return FALSE;

  xs[n] = progress->start_year;
  ys[n++] = progress->start;
  if (progress->has_target_2027 && HUBS_MIDTERM_FISCAL_YEAR > progress->start_year)
    {
      xs[n] = HUBS_MIDTERM_FISCAL_YEAR;
      ys[n++] = progress->target_2027;
    }
  if (progress->has_target_2029 && HUBS_LAST_FISCAL_YEAR > progress->start_year)
    {
      xs[n] = HUBS_LAST_FISCAL_YEAR;
      ys[n++] = progress->target_2029;
    }

  if (n < 2)
    return FALSE;

  if (fiscal_year <= xs[0])
    {
      *value = ys[0];
      return TRUE;
    }

  for (guint i = 1; i < n; i++)
    {
      if (fiscal_year <= xs[i])
        {
          *value = ys[i - 1] + (ys[i] - ys[i - 1]) * (fiscal_year - xs[i - 1]) / (xs[i] - xs[i - 1]);
          return TRUE;
        }
    }

  *value = ys[n - 1];
  return TRUE;
}

/**
 * hubs_progress_get_projection:
 * @progress: a #HubsProgress
 * @fiscal_year: a fiscal year (fractions allowed, for drawing)
 * @value: (out): the value the actuals' trend reaches at @fiscal_year
 *
 * The trend of the actuals extended from the latest actual, so a chart can draw it as a
 * continuation of the actual line.
 *
 * Returns: %FALSE when there is no trend (fewer than two points to draw it through)
 */
gboolean
hubs_progress_get_projection (const HubsProgress *progress,
                              double              fiscal_year,
                              double             *value)
{
  g_return_val_if_fail (progress != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!progress->has_projection)
    return FALSE;

  *value = progress->actual + progress->trend_slope * (fiscal_year - progress->actual_year);
  /* Counts and amounts do not go below zero, nor ranks above first. */
  if (progress->direction == HUBS_DIRECTION_LOWER)
    *value = MAX (*value, 1.0);
  else if (progress->actual >= 0)
    *value = MAX (*value, 0.0);

  return TRUE;
}

static int
compare_figures_by_year (gconstpointer a,
                         gconstpointer b)
{
  const HubsFigure *fa = *(HubsFigure * const *) a;
  const HubsFigure *fb = *(HubsFigure * const *) b;

  return fa->fiscal_year - fb->fiscal_year;
}

/* The slope of the least-squares line through the points, per year. */
static double
fit_slope (const double *xs,
           const double *ys,
           guint         n)
{
  double mx = 0, my = 0, sxy = 0, sxx = 0;

  g_assert (n >= 2);

  for (guint i = 0; i < n; i++)
    {
      mx += xs[i];
      my += ys[i];
    }
  mx /= n;
  my /= n;

  for (guint i = 0; i < n; i++)
    {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) * (xs[i] - mx);
    }

  return sxx > 0 ? sxy / sxx : 0;
}

static void
compute_projection (HubsProgress *progress,
                    GPtrArray    *actuals)
{
  g_autofree double *xs = g_new0 (double, actuals->len + 1);
  g_autofree double *ys = g_new0 (double, actuals->len + 1);
  guint n = 0;

  for (guint i = 0; i < actuals->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (actuals, i);

      /* Only the actuals of the plan period make its trend. */
      if (progress->has_start && figure->fiscal_year <= progress->start_year &&
          !progress->yearly_target)
        continue;

      xs[n] = figure->fiscal_year;
      ys[n++] = figure->value;
    }

  if (n >= 2)
    progress->trend_slope = fit_slope (xs, ys, n);
  else if (n == 1 && progress->yearly_target)
    /* One year of a yearly figure: at this pace every year brings the same. */
    progress->trend_slope = 0;
  else if (n == 1 && progress->has_start && progress->actual_year > progress->start_year)
    progress->trend_slope = (progress->actual - progress->start) /
                            (progress->actual_year - progress->start_year);
  else
    return;

  progress->has_projection = TRUE;
}

/* The projection at @year, or the actual itself when one was measured in that year. */
static double
projection_or_actual (HubsProgress *progress,
                      GPtrArray    *actuals,
                      int           year)
{
  double value = 0;

  for (guint i = 0; i < actuals->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (actuals, i);

      if (figure->fiscal_year == year)
        return figure->value;
    }

  hubs_progress_get_projection (progress, year, &value);
  return value;
}

static void
compute_share (HubsProgress *progress)
{
  double expected = progress->expected;
  double actual = progress->actual;

  if (!progress->has_expected)
    return;

  if (progress->yearly_target || nearly_equal (expected, progress->start))
    {
      /* A flat path: the start is the level to reach or keep each year, and the share is
       * the ratio to it (DESIGN.md's formula would divide by zero). */
      if (progress->yearly_target || progress->actual_year > progress->start_year)
        {
          if (progress->direction == HUBS_DIRECTION_LOWER && actual > 0)
            progress->share = expected / actual;
          else if (progress->direction == HUBS_DIRECTION_HIGHER && expected != 0)
            progress->share = actual / expected;
          else
            return;
          progress->has_share = TRUE;
        }
      return;
    }

  /* The same ratio holds both ways: for a rank both differences are negative. */
  progress->share = (actual - progress->start) / (expected - progress->start);
  progress->has_share = TRUE;
}

static HubsStatus
compute_status (const HubsProgress *progress)
{
  if (progress->has_actual && progress->target_met)
    return HUBS_STATUS_ACHIEVED;
  if (!progress->has_actual || !progress->has_start || !progress->has_share)
    return HUBS_STATUS_NOT_ASSESSABLE;

  /* A tolerance, so that 0.95 computed as 0.9499999 still counts as on track. */
  if (progress->share >= HUBS_PROGRESS_ON_TRACK_SHARE - 1e-9)
    return HUBS_STATUS_ON_TRACK;
  if (progress->share >= HUBS_PROGRESS_ACCELERATION_SHARE - 1e-9)
    return HUBS_STATUS_NEEDS_ACCELERATION;
  if (progress->share >= 0)
    return HUBS_STATUS_LIMITED_PROGRESS;
  return HUBS_STATUS_DETERIORATION;
}

/**
 * hubs_progress_compute:
 * @progress: (out caller-allocates): the result
 * @kpi: the KPI
 * @figures: (element-type HubsFigure): its figures, as hubs_store_list_figures() gives them
 *
 * Works out where @kpi stands from its figures: the plan path, the latest actual, the share
 * of the path achieved, the status and the projection of the actuals' trend.
 *
 * The path starts at the baseline in its own fiscal year, or at zero at the end of FY2024
 * for KPIs counted from April 2025 (@kpi's path_from_zero). A per-year KPI whose targets
 * equal its baseline (東京's 15社 → 15社/年) is held against its yearly target each year: its
 * path is flat from FY2025 and its share is the year's figure divided by the target.
 * Figures that are not measured (未計測) count as absent.
 */
void
hubs_progress_compute (HubsProgress  *progress,
                       const HubsKpi *kpi,
                       GPtrArray     *figures)
{
  g_autoptr(GPtrArray) actuals = g_ptr_array_new ();
  gboolean flat = TRUE;
  int final_year;
  double final_target;

  g_return_if_fail (progress != NULL);
  g_return_if_fail (kpi != NULL);

  memset (progress, 0, sizeof *progress);
  progress->direction = kpi->direction;
  progress->qualifier = kpi->qualifier;
  progress->status = HUBS_STATUS_NOT_ASSESSABLE;
  progress->is_breakdown = kpi->parent_id != NULL && *kpi->parent_id != '\0';

  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (!figure->measured || !isfinite (figure->value))
        continue;

      switch (figure->kind)
        {
        case HUBS_FIGURE_BASELINE:
          /* Should there be several, the latest is the reference. */
          if (!progress->has_baseline || figure->fiscal_year > progress->baseline_year)
            {
              progress->has_baseline = TRUE;
              progress->baseline = figure->value;
              progress->baseline_year = figure->fiscal_year;
            }
          break;

        case HUBS_FIGURE_TARGET:
          if (figure->fiscal_year == HUBS_MIDTERM_FISCAL_YEAR)
            {
              progress->has_target_2027 = TRUE;
              progress->target_2027 = figure->value;
            }
          else if (figure->fiscal_year == HUBS_LAST_FISCAL_YEAR)
            {
              progress->has_target_2029 = TRUE;
              progress->target_2029 = figure->value;
            }
          break;

        case HUBS_FIGURE_ACTUAL:
          g_ptr_array_add (actuals, (gpointer) figure);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_ptr_array_sort (actuals, compare_figures_by_year);

  /* The start of the path. */
  if (kpi->path_from_zero)
    {
      progress->has_start = TRUE;
      progress->start = 0;
      progress->start_year = HUBS_BASELINE_FISCAL_YEAR;
    }
  else if (progress->has_baseline)
    {
      progress->has_start = TRUE;
      progress->start = progress->baseline;
      progress->start_year = progress->baseline_year;
    }

  if (progress->has_target_2027 && progress->has_start)
    flat = flat && nearly_equal (progress->target_2027, progress->start);
  if (progress->has_target_2029 && progress->has_start)
    flat = flat && nearly_equal (progress->target_2029, progress->start);

  if (kpi->per_year && hubs_progress_get_final_target (progress, NULL, NULL) &&
      (flat || !progress->has_start))
    {
      /* The baseline (if any) is a reference for another span of time; the path is the
       * yearly target, from the first year of the plan. */
      progress->yearly_target = TRUE;
      progress->has_start = TRUE;
      progress->start = progress->has_target_2027 ? progress->target_2027
                                                  : progress->target_2029;
      progress->start_year = HUBS_FIRST_FISCAL_YEAR;
    }

  if (actuals->len > 0)
    {
      const HubsFigure *latest = g_ptr_array_index (actuals, actuals->len - 1);

      progress->has_actual = TRUE;
      progress->actual = latest->value;
      progress->actual_year = latest->fiscal_year;
      progress->actual_confirmed = latest->confirmed;
      progress->n_actuals = actuals->len;
    }

  if (hubs_progress_get_final_target (progress, &final_year, &final_target))
    {
      if (progress->has_actual)
        {
          progress->has_expected = hubs_progress_get_expected (progress, progress->actual_year,
                                                               &progress->expected);
          if (progress->yearly_target)
            progress->target_met = progress->has_expected &&
                                   hubs_progress_meets (progress, progress->actual,
                                                        progress->expected);
          else
            progress->target_met = hubs_progress_meets (progress, progress->actual,
                                                        final_target);
        }
    }

  if (progress->has_actual)
    {
      compute_share (progress);
      compute_projection (progress, actuals);
    }

  if (progress->has_projection)
    {
      progress->projection_2027 = projection_or_actual (progress, actuals,
                                                        HUBS_MIDTERM_FISCAL_YEAR);
      progress->projection_2029 = projection_or_actual (progress, actuals,
                                                        HUBS_LAST_FISCAL_YEAR);
      progress->reaches_2027 = progress->has_target_2027 &&
                               hubs_progress_meets (progress, progress->projection_2027,
                                                    progress->target_2027);
      progress->reaches_2029 = progress->has_target_2029 &&
                               hubs_progress_meets (progress, progress->projection_2029,
                                                    progress->target_2029);
    }

  progress->status = compute_status (progress);
}

/**
 * hubs_progress_get_capped_share:
 * @progress: a #HubsProgress
 * @share: (out): the share of the path achieved, held within
 *   %HUBS_PROGRESS_SHARE_MIN … %HUBS_PROGRESS_SHARE_MAX
 *
 * The share one KPI adds to an average. A KPI that already met its final target counts as
 * at least fully on its path.
 *
 * Returns: %FALSE when the KPI cannot be assessed
 */
gboolean
hubs_progress_get_capped_share (const HubsProgress *progress,
                                double             *share)
{
  double value;

  g_return_val_if_fail (progress != NULL, FALSE);
  g_return_val_if_fail (share != NULL, FALSE);

  if (progress->status == HUBS_STATUS_NOT_ASSESSABLE)
    return FALSE;

  value = progress->has_share ? progress->share : 1.0;
  if (progress->status == HUBS_STATUS_ACHIEVED)
    value = MAX (value, 1.0);

  *share = CLAMP (value, HUBS_PROGRESS_SHARE_MIN, HUBS_PROGRESS_SHARE_MAX);
  return TRUE;
}

/**
 * hubs_progress_summary_init:
 * @summary: (out caller-allocates): a summary to start
 *
 * Empties @summary.
 */
void
hubs_progress_summary_init (HubsProgressSummary *summary)
{
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);
}

/**
 * hubs_progress_summary_add:
 * @summary: a #HubsProgressSummary
 * @progress: one KPI's progress
 *
 * Counts @progress into @summary. Breakdowns (うち…) are skipped: their parent already counts.
 */
void
hubs_progress_summary_add (HubsProgressSummary *summary,
                           const HubsProgress  *progress)
{
  double share;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (progress != NULL);

  if (progress->is_breakdown)
    return;

  summary->n_kpis++;
  summary->n_by_status[progress->status]++;

  if (hubs_progress_get_capped_share (progress, &share))
    {
      summary->share_sum += share;
      summary->n_assessed++;
    }
}

/**
 * hubs_progress_summary_get_share:
 * @summary: a #HubsProgressSummary
 * @share: (out): the mean capped share of the path achieved of the assessed KPIs
 *
 * Returns: %FALSE when no KPI could be assessed
 */
gboolean
hubs_progress_summary_get_share (const HubsProgressSummary *summary,
                                 double                    *share)
{
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (share != NULL, FALSE);

  if (summary->n_assessed == 0)
    return FALSE;

  *share = summary->share_sum / summary->n_assessed;
  return TRUE;
}
