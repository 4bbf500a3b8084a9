/* hubs-progress.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-format.h"
#include "hubs-model.h"

G_BEGIN_DECLS

/**
 * HubsStatus:
 * @HUBS_STATUS_ACHIEVED: the latest actual already meets the final target
 * @HUBS_STATUS_ON_TRACK: the share of the path achieved is at least 95 %
 * @HUBS_STATUS_NEEDS_ACCELERATION: between 60 % and 95 %
 * @HUBS_STATUS_LIMITED_PROGRESS: between 0 and 60 %
 * @HUBS_STATUS_DETERIORATION: the actual moved away from the target
 * @HUBS_STATUS_NOT_ASSESSABLE: no actual yet, or no start value to measure from
 *
 * How a KPI stands against its plan path, after DESIGN.md ("Fiscal years and progress"),
 * which follows the Open SDG progress method. The order is from best to worst; not
 * assessable comes last.
 */
typedef enum
{
  HUBS_STATUS_ACHIEVED,
  HUBS_STATUS_ON_TRACK,
  HUBS_STATUS_NEEDS_ACCELERATION,
  HUBS_STATUS_LIMITED_PROGRESS,
  HUBS_STATUS_DETERIORATION,
  HUBS_STATUS_NOT_ASSESSABLE,
  HUBS_N_STATUSES,
} HubsStatus;

/**
 * HubsStatusShape:
 *
 * The mark drawn next to a status, so that a status is never told by colour alone. Each
 * shape matches the symbol of hubs_status_get_symbol().
 */
typedef enum
{
  HUBS_STATUS_SHAPE_DOUBLE_CIRCLE,
  HUBS_STATUS_SHAPE_CIRCLE,
  HUBS_STATUS_SHAPE_TRIANGLE_UP,
  HUBS_STATUS_SHAPE_TRIANGLE_DOWN,
  HUBS_STATUS_SHAPE_CROSS,
  HUBS_STATUS_SHAPE_DASH,
} HubsStatusShape;

/* Thresholds on the share of the path achieved (DESIGN.md). */
#define HUBS_PROGRESS_ON_TRACK_SHARE     0.95
#define HUBS_PROGRESS_ACCELERATION_SHARE 0.60

/* The range one KPI's share is held to when shares are averaged (hub comparison), so that one
 * runaway KPI cannot hide the others. */
#define HUBS_PROGRESS_SHARE_MIN (-0.5)
#define HUBS_PROGRESS_SHARE_MAX 1.5

/**
 * HubsProgress:
 *
 * Where one KPI stands. Plain data, computed by hubs_progress_compute(); every value is
 * meaningful only when its `has_` flag is set.
 */
typedef struct
{
  /* The KPI, as the rules need it. */
  HubsDirection direction;
  HubsQualifier qualifier;

  /* The published baseline, which may only be a reference (path_from_zero, yearly targets). */
  double        baseline;
  int           baseline_year;

  /* The plan path: start → FY2027 target → FY2029 target, piecewise linear. */
  double        start;
  int           start_year;
  double        target_2027;
  double        target_2029;

  /* The latest measured actual, and the plan's value for its year. */
  double        actual;
  int           actual_year;
  double        expected;
  /* A: the share of the path achieved at actual_year (1 = on the path). */
  double        share;
  HubsStatus    status;
  guint         n_actuals;

  /* The actuals' trend, extended from the latest actual: value(t) = actual + slope·(t − year). */
  double        trend_slope;
  double        projection_2027;
  double        projection_2029;

  guint         has_baseline : 1;
  guint         has_start : 1;
  guint         has_target_2027 : 1;
  guint         has_target_2029 : 1;
  guint         has_actual : 1;
  guint         actual_confirmed : 1;
  guint         has_expected : 1;
  guint         has_share : 1;
  guint         has_projection : 1;
  guint         reaches_2027 : 1;
  guint         reaches_2029 : 1;
  /* The latest actual meets the final target (or, for yearly targets, that year's target). */
  guint         target_met : 1;
  /* Each year's figure is held against the yearly target (東京's unicorns: 15社/年). */
  guint         yearly_target : 1;
  /* A breakdown (うち…) of another KPI: left out of hub averages. */
  guint         is_breakdown : 1;
} HubsProgress;

/**
 * HubsProgressSummary:
 *
 * The progress of several KPIs together (a hub, or one pillar of a hub).
 */
typedef struct
{
  double share_sum;
  guint  n_kpis;
  guint  n_assessed;
  guint  n_by_status[HUBS_N_STATUSES];
} HubsProgressSummary;

const char      *hubs_status_to_string        (HubsStatus                 status);
const char      *hubs_status_get_label        (HubsStatus                 status,
                                               HubsLanguage               language);
const char      *hubs_status_get_symbol       (HubsStatus                 status);
HubsStatusShape  hubs_status_get_shape        (HubsStatus                 status);

void             hubs_progress_compute        (HubsProgress              *progress,
                                               const HubsKpi             *kpi,
                                               GPtrArray                 *figures);
void             hubs_progress_compute_as_of  (HubsProgress              *progress,
                                               const HubsKpi             *kpi,
                                               GPtrArray                 *figures,
                                               int                        fiscal_year);
gboolean         hubs_progress_needs_explanation (const HubsProgress     *progress,
                                                  int                     fiscal_year);
gboolean         hubs_progress_get_expected   (const HubsProgress        *progress,
                                               double                     fiscal_year,
                                               double                    *value);
gboolean         hubs_progress_get_projection (const HubsProgress        *progress,
                                               double                     fiscal_year,
                                               double                    *value);
gboolean         hubs_progress_get_final_target (const HubsProgress      *progress,
                                                 int                     *fiscal_year,
                                                 double                  *value);
gboolean         hubs_progress_meets          (const HubsProgress        *progress,
                                               double                     value,
                                               double                     target);
gboolean         hubs_progress_get_capped_share (const HubsProgress      *progress,
                                                 double                  *share);

void             hubs_progress_summary_init   (HubsProgressSummary       *summary);
void             hubs_progress_summary_add    (HubsProgressSummary       *summary,
                                               const HubsProgress        *progress);
gboolean         hubs_progress_summary_get_share (const HubsProgressSummary *summary,
                                                  double                    *share);

G_END_DECLS
