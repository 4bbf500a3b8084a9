/* hubs-submission.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-package.h"
#include "hubs-store.h"

G_BEGIN_DECLS

/**
 * HubsSubmissionIssueKind:
 * @HUBS_SUBMISSION_MISSING: a KPI has no actual for the year (enter it, or 未計測)
 * @HUBS_SUBMISSION_NEEDS_EXPLANATION: a KPI not on track in the year lacks 要因分析 or
 *   今後の対応
 * @HUBS_SUBMISSION_FAR_ABOVE_PLAN: a KPI is more than 150% of its planned progress: does the
 *   target still fit?
 * @HUBS_SUBMISSION_PROVISIONAL: a figure is provisional (速報), which may be submitted
 *
 * What stands between a year and its submission. The first two stop it; the others are said.
 */
typedef enum
{
  HUBS_SUBMISSION_MISSING,
  HUBS_SUBMISSION_NEEDS_EXPLANATION,
  HUBS_SUBMISSION_FAR_ABOVE_PLAN,
  HUBS_SUBMISSION_PROVISIONAL,
} HubsSubmissionIssueKind;

typedef struct
{
  HubsSubmissionIssueKind  kind;
  char                    *kpi_id;
  char                    *message;
  guint                    blocking : 1;
} HubsSubmissionIssue;

/* Above this share of the planned progress a KPI asks whether its target still fits. */
#define HUBS_SUBMISSION_FAR_ABOVE_SHARE 1.5

GPtrArray *hubs_submission_check          (HubsStore    *store,
                                           const char   *hub_id,
                                           int           fiscal_year,
                                           HubsLanguage  lang,
                                           GError      **error);
guint      hubs_submission_count_blocking (GPtrArray    *issues);
HubsPackage *hubs_submission_make         (HubsStore    *store,
                                           const char   *hub_id,
                                           int           fiscal_year,
                                           GError      **error);
gboolean   hubs_submission_export         (HubsStore    *store,
                                           const char   *hub_id,
                                           int           fiscal_year,
                                           const char   *path,
                                           GError      **error);

/**
 * HubsSubmissionResolution:
 * @HUBS_SUBMISSION_UNRESOLVED: not settled yet: the submission is not applied
 * @HUBS_SUBMISSION_KEEP_OURS: the receiving database keeps its figure
 * @HUBS_SUBMISSION_KEEP_THEIRS: the submission's figure replaces it
 */
typedef enum
{
  HUBS_SUBMISSION_UNRESOLVED,
  HUBS_SUBMISSION_KEEP_OURS,
  HUBS_SUBMISSION_KEEP_THEIRS,
} HubsSubmissionResolution;

/* A figure the receiving database changed since the submission's base. */
typedef struct
{
  char                     *kpi_id;
  int                       fiscal_year;
  HubsFigureKind            kind;
  HubsFigure               *ours;
  HubsFigure               *theirs;
  char                     *ours_changed_by;
  char                     *ours_changed_at;
  HubsSubmissionResolution  resolution;
} HubsSubmissionConflict;

typedef struct _HubsSubmissionImport HubsSubmissionImport;

HubsSubmissionImport *hubs_submission_import_new    (HubsStore            *store,
                                                     HubsPackage          *package,
                                                     GError              **error);
void                  hubs_submission_import_free   (HubsSubmissionImport *self);
const HubsPackage    *hubs_submission_import_get_package   (HubsSubmissionImport *self);
GPtrArray            *hubs_submission_import_get_conflicts (HubsSubmissionImport *self);
guint                 hubs_submission_import_count_changes (HubsSubmissionImport *self);
void                  hubs_submission_import_resolve_all   (HubsSubmissionImport    *self,
                                                            HubsSubmissionResolution resolution);
guint                 hubs_submission_import_count_unresolved (HubsSubmissionImport *self);
gboolean              hubs_submission_import_apply  (HubsSubmissionImport *self,
                                                     GError              **error);

gboolean   hubs_submission_answer         (HubsStore         *store,
                                           const char        *hub_id,
                                           int                fiscal_year,
                                           HubsYearStateKind  state,
                                           const char        *reason,
                                           const char        *path,
                                           GError           **error);

gboolean   hubs_submission_take_answer    (HubsStore         *store,
                                           const HubsPackage *package,
                                           GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsSubmissionImport, hubs_submission_import_free)

G_END_DECLS
