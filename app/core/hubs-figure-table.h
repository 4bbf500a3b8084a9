/* hubs-figure-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-format.h"
#include "hubs-model.h"
#include "hubs-progress.h"

G_BEGIN_DECLS

/**
 * HubsFigureTableCellKind:
 * @HUBS_FIGURE_TABLE_CELL_EMPTY: nothing
 * @HUBS_FIGURE_TABLE_CELL_TEXT: words
 * @HUBS_FIGURE_TABLE_CELL_NUMBER: a figure's value, in the row's unit
 */
typedef enum
{
  HUBS_FIGURE_TABLE_CELL_EMPTY,
  HUBS_FIGURE_TABLE_CELL_TEXT,
  HUBS_FIGURE_TABLE_CELL_NUMBER,
} HubsFigureTableCellKind;

/**
 * HubsFigureTableColumn:
 * @HUBS_FIGURE_TABLE_PILLAR: the KPI's pillar
 * @HUBS_FIGURE_TABLE_KPI: the KPI's name
 * @HUBS_FIGURE_TABLE_UNIT: its unit in words
 * @HUBS_FIGURE_TABLE_BASELINE: the baseline
 * @HUBS_FIGURE_TABLE_BASELINE_AS_OF: when the baseline was measured
 * @HUBS_FIGURE_TABLE_TARGET: a target, of the column's fiscal year
 * @HUBS_FIGURE_TABLE_ACTUAL: an actual, of the column's fiscal year
 * @HUBS_FIGURE_TABLE_STATUS: where the KPI stands, mark and words
 * @HUBS_FIGURE_TABLE_NOTES: the KPI's note and the notes of its figures
 * @HUBS_FIGURE_TABLE_SOURCES: where its figures come from
 */
typedef enum
{
  HUBS_FIGURE_TABLE_PILLAR,
  HUBS_FIGURE_TABLE_KPI,
  HUBS_FIGURE_TABLE_UNIT,
  HUBS_FIGURE_TABLE_BASELINE,
  HUBS_FIGURE_TABLE_BASELINE_AS_OF,
  HUBS_FIGURE_TABLE_TARGET,
  HUBS_FIGURE_TABLE_ACTUAL,
  HUBS_FIGURE_TABLE_STATUS,
  HUBS_FIGURE_TABLE_NOTES,
  HUBS_FIGURE_TABLE_SOURCES,
} HubsFigureTableColumn;

typedef struct
{
  HubsFigureTableCellKind  kind;
  /* TEXT: the words. NUMBER: the value as the plan prints it (12,856社), for a reader. */
  char                    *text;
  /* NUMBER: the value, and the KPI's unit in the table's language (社, companies). */
  double                   value;
  const char              *unit;
  /* NUMBER: decimals the value needs (73.7 → 1), at most 3. */
  guint                    decimals;
  /* NUMBER: a target's floor (以上) or ceiling (以内). */
  HubsQualifier            qualifier;
} HubsFigureTableCell;

typedef struct _HubsFigureTable HubsFigureTable;

HubsFigureTable           *hubs_figure_table_new            (HubsLanguage           language);
void                       hubs_figure_table_free           (HubsFigureTable       *self);
void                       hubs_figure_table_add_kpi        (HubsFigureTable       *self,
                                                             const HubsKpi         *kpi,
                                                             GPtrArray             *figures,
                                                             const HubsProgress    *progress);
HubsLanguage               hubs_figure_table_get_language   (HubsFigureTable       *self);
guint                      hubs_figure_table_get_n_rows     (HubsFigureTable       *self);
guint                      hubs_figure_table_get_n_columns  (HubsFigureTable       *self);
HubsFigureTableColumn      hubs_figure_table_get_column     (HubsFigureTable       *self,
                                                             guint                  column,
                                                             int                   *fiscal_year);
const char                *hubs_figure_table_get_header     (HubsFigureTable       *self,
                                                             guint                  column);
const HubsFigureTableCell *hubs_figure_table_get_cell       (HubsFigureTable       *self,
                                                             guint                  row,
                                                             guint                  column);
char                      *hubs_figure_table_to_tsv         (HubsFigureTable       *self);
char                      *hubs_figure_table_to_html        (HubsFigureTable       *self,
                                                             const char            *caption);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsFigureTable, hubs_figure_table_free)

G_END_DECLS
