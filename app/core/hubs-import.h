/* hubs-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-csv.h"
#include "hubs-store.h"

G_BEGIN_DECLS

/* How many errors a plan lists; past this it only counts them, so a file of a million bad
 * rows gives a readable list, not a million lines. */
#define HUBS_IMPORT_MAX_LISTED_PROBLEMS 200

#define HUBS_IMPORT_ERROR (hubs_import_error_quark ())

/**
 * HubsImportError:
 * @HUBS_IMPORT_ERROR_INVALID: the file has errors, so nothing was imported
 * @HUBS_IMPORT_ERROR_READ: the file could not be read
 * @HUBS_IMPORT_ERROR_SPREADSHEET: the file is a workbook (.xlsx, .xls, .ods), not CSV
 */
typedef enum
{
  HUBS_IMPORT_ERROR_INVALID,
  HUBS_IMPORT_ERROR_READ,
  HUBS_IMPORT_ERROR_SPREADSHEET,
} HubsImportError;

/**
 * HubsImportLayout:
 * @HUBS_IMPORT_LAYOUT_UNKNOWN: the header fits neither layout
 * @HUBS_IMPORT_LAYOUT_LONG: one figure per row, with `fiscal_year` and `value` columns (the
 *   layout `--export-csv` writes)
 * @HUBS_IMPORT_LAYOUT_WIDE: one row per KPI and kind, one column per fiscal year (`2025`,
 *   `FY2025` or `2025年度`), as staff keep figures in Excel
 */
typedef enum
{
  HUBS_IMPORT_LAYOUT_UNKNOWN,
  HUBS_IMPORT_LAYOUT_LONG,
  HUBS_IMPORT_LAYOUT_WIDE,
} HubsImportLayout;

/**
 * HubsImportChangeKind:
 * @HUBS_IMPORT_NEW: the database has no figure for this KPI, year and kind yet
 * @HUBS_IMPORT_CHANGED: the file's figure differs from the database's
 * @HUBS_IMPORT_UNCHANGED: the file's figure is what the database holds
 */
typedef enum
{
  HUBS_IMPORT_NEW,
  HUBS_IMPORT_CHANGED,
  HUBS_IMPORT_UNCHANGED,
} HubsImportChangeKind;

/**
 * HubsImportChange:
 * @kind: new or changed
 * @line: the line of the file the figure is on
 * @column: the column of the file the figure is in
 * @kpi: the KPI, owned by the plan
 * @old: (nullable): the figure in the database, %NULL when there is none
 * @figure: the figure as it will be stored
 * @changes_plan: the figure is a baseline or a target: a change of the plan, applied only
 *   with %HUBS_IMPORT_APPLY_PLAN_CHANGES
 *
 * One figure of an import plan that is new or differs from the database's.
 */
typedef struct
{
  HubsImportChangeKind  kind;
  guint                 line;
  guint                 column;
  const HubsKpi        *kpi;
  HubsFigure           *old;
  HubsFigure           *figure;
  /* Far from the plan path (see hubs_plausibility_check()): applied, but said. */
  char                 *warning;
  guint                 changes_plan : 1;
} HubsImportChange;

/**
 * HubsImportApplyFlags:
 * @HUBS_IMPORT_APPLY_DEFAULT: apply the actuals; leave baselines and targets as they are
 * @HUBS_IMPORT_APPLY_PLAN_CHANGES: apply new and changed baselines and targets too
 */
typedef enum
{
  HUBS_IMPORT_APPLY_DEFAULT      = 0,
  HUBS_IMPORT_APPLY_PLAN_CHANGES = 1 << 0,
} HubsImportApplyFlags;

typedef struct _HubsImportPlan HubsImportPlan;

GQuark            hubs_import_error_quark            (void);
HubsImportPlan   *hubs_import_plan_new               (HubsStore        *store,
                                                      const char       *data,
                                                      gsize             len,
                                                      GError          **error);
HubsImportPlan   *hubs_import_plan_new_for_path      (HubsStore        *store,
                                                      const char       *path,
                                                      GError          **error);
void              hubs_import_plan_free              (HubsImportPlan   *plan);
HubsImportLayout  hubs_import_plan_get_layout        (HubsImportPlan   *plan);
HubsCsvEncoding   hubs_import_plan_get_encoding      (HubsImportPlan   *plan);
GPtrArray        *hubs_import_plan_get_changes       (HubsImportPlan   *plan);
guint             hubs_import_plan_count             (HubsImportPlan   *plan,
                                                      HubsImportChangeKind kind);
guint             hubs_import_plan_count_plan_changes (HubsImportPlan  *plan);
guint             hubs_import_plan_count_warnings    (HubsImportPlan   *plan);
GPtrArray        *hubs_import_plan_get_problems      (HubsImportPlan   *plan);
guint             hubs_import_plan_get_n_problems    (HubsImportPlan   *plan);
gboolean          hubs_import_plan_has_problems      (HubsImportPlan   *plan);
const char * const *hubs_import_plan_get_ignored_columns (HubsImportPlan *plan);
gboolean          hubs_import_plan_apply             (HubsImportPlan   *plan,
                                                      HubsStore        *store,
                                                      char            **backup_path,
                                                      guint            *n_applied,
                                                      GError          **error);
gboolean          hubs_import_plan_apply_full        (HubsImportPlan   *plan,
                                                      HubsStore        *store,
                                                      HubsImportApplyFlags flags,
                                                      char            **backup_path,
                                                      guint            *n_applied,
                                                      GError          **error);

const char       *hubs_import_layout_get_label       (HubsImportLayout  layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsImportPlan, hubs_import_plan_free)

G_END_DECLS
