/* hubs-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-store.h"

G_BEGIN_DECLS

/* What makes a figure readable beyond its value, after the other columns of both layouts:
 * the target's qualifier (none, at-least 以上, at-most 以内), whether the KPI is counted per
 * year and whether its path starts at zero (counted from a date), the figure's as-of date
 * (2025年1月1日時点), the KPI a breakdown belongs to, and the KPI's notes. */
#define HUBS_EXPORT_CSV_DETAIL_HEADER \
  "qualifier,per_year,path_from_zero,as_of,parent_kpi_id,kpi_note_ja,kpi_note_en"

/* A figure's own words in the long layout, last: its note in English, and the unit the plan
 * prints for it where that differs from the KPI's (empty: the KPI's). */
#define HUBS_EXPORT_CSV_FIGURE_HEADER "note_en,unit_as_published"

/* unit_as_published for a figure the plan prints without a unit. */
#define HUBS_EXPORT_NO_UNIT "none"

/* The columns of the long CSV layout, in order. */
#define HUBS_EXPORT_CSV_HEADER \
  "hub_id,hub_name_ja,hub_name_en,kpi_id,kpi_name_ja,kpi_name_en,pillar,unit,aggregation," \
  "direction,fiscal_year,kind,value,status,note," HUBS_EXPORT_CSV_DETAIL_HEADER "," \
  HUBS_EXPORT_CSV_FIGURE_HEADER

/**
 * HubsExportLayout:
 * @HUBS_EXPORT_LAYOUT_LONG: one row per figure, %HUBS_EXPORT_CSV_HEADER
 * @HUBS_EXPORT_LAYOUT_WIDE: one row per KPI and kind with one column per fiscal year
 *   (%HUBS_EXPORT_CSV_WIDE_HEADER, then FY2024 … FY2029 and any other year with a figure,
 *   then %HUBS_EXPORT_CSV_DETAIL_HEADER), as staff keep figures in Excel; every KPI has an
 *   actual row to fill in. A row's as_of names the year of each date when the row's figures
 *   have more than one.
 */
typedef enum
{
  HUBS_EXPORT_LAYOUT_LONG,
  HUBS_EXPORT_LAYOUT_WIDE,
} HubsExportLayout;

/**
 * HubsExportFlags:
 * @HUBS_EXPORT_FLAGS_NONE: plain UTF-8
 * @HUBS_EXPORT_FLAGS_BOM: start with a UTF-8 byte order mark, so Excel reads the file as
 *   UTF-8 rather than as Shift_JIS
 */
typedef enum
{
  HUBS_EXPORT_FLAGS_NONE = 0,
  HUBS_EXPORT_FLAGS_BOM  = 1 << 0,
} HubsExportFlags;

/* The columns of the wide CSV layout before the fiscal years. */
#define HUBS_EXPORT_CSV_WIDE_HEADER \
  "hub_id,hub_name_ja,hub_name_en,kpi_id,kpi_name_ja,kpi_name_en,unit,kind"

gboolean hubs_export_csv_full    (HubsStore        *store,
                                  GOutputStream    *stream,
                                  HubsExportLayout  layout,
                                  HubsExportFlags   flags,
                                  GCancellable     *cancellable,
                                  GError          **error);
gboolean hubs_export_csv_to_path_full (HubsStore        *store,
                                       const char       *path,
                                       HubsExportLayout  layout,
                                       HubsExportFlags   flags,
                                       GError          **error);
gboolean hubs_export_csv         (HubsStore     *store,
                                  GOutputStream *stream,
                                  GCancellable  *cancellable,
                                  GError       **error);
gboolean hubs_export_csv_to_path (HubsStore     *store,
                                  const char    *path,
                                  GError       **error);

G_END_DECLS
