/* hubs-national.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-live-model.h"
#include "hubs-progress.h"
#include "hubs-store.h"

G_BEGIN_DECLS

/**
 * HubsNationalColumn:
 * @HUBS_NATIONAL_BASELINE: the baselines (end of FY2024)
 * @HUBS_NATIONAL_ACTUAL: the actuals of the fiscal year of the totals
 * @HUBS_NATIONAL_TARGET_2027: the FY2027 targets
 * @HUBS_NATIONAL_TARGET_2029: the FY2029 targets
 *
 * The figures a national total adds up.
 */
typedef enum
{
  HUBS_NATIONAL_BASELINE,
  HUBS_NATIONAL_ACTUAL,
  HUBS_NATIONAL_TARGET_2027,
  HUBS_NATIONAL_TARGET_2029,
  HUBS_NATIONAL_N_COLUMNS,
} HubsNationalColumn;

/**
 * HubsNationalReason:
 * @HUBS_NATIONAL_OTHER_UNIT: the hub counts it in another unit
 * @HUBS_NATIONAL_SINGLE_YEAR: the hub counts single years where the others count a level
 * @HUBS_NATIONAL_LEVEL: the hub counts a level where the others count single years
 * @HUBS_NATIONAL_FROM_APRIL_2025: the hub counts from April 2025 where the others count from
 *   before
 * @HUBS_NATIONAL_OTHER_BASELINE_YEAR: the hub's baseline is of another fiscal year
 * @HUBS_NATIONAL_NOT_MEASURED: the figure is not measured (未計測)
 * @HUBS_NATIONAL_NO_FIGURE: the hub has no such figure (yet)
 *
 * Why a hub's figure is left out of a national total.
 */
typedef enum
{
  HUBS_NATIONAL_OTHER_UNIT,
  HUBS_NATIONAL_SINGLE_YEAR,
  HUBS_NATIONAL_LEVEL,
  HUBS_NATIONAL_FROM_APRIL_2025,
  HUBS_NATIONAL_OTHER_BASELINE_YEAR,
  HUBS_NATIONAL_NOT_MEASURED,
  HUBS_NATIONAL_NO_FIGURE,
} HubsNationalReason;

/**
 * HubsNationalOmission:
 * @hub: the hub left out
 * @kpi_id: its KPI
 * @reason: why
 * @unit: for %HUBS_NATIONAL_OTHER_UNIT, the hub's unit
 * @fiscal_year: for %HUBS_NATIONAL_OTHER_BASELINE_YEAR, the year of the hub's baseline; for
 *   the others, the year of the figure missing
 */
typedef struct
{
  HubsHub            *hub;
  char               *kpi_id;
  HubsNationalReason  reason;
  char               *unit;
  int                 fiscal_year;
} HubsNationalOmission;

/**
 * HubsNationalSum:
 * @value: the sum of the figures of the hubs it covers
 * @n_hubs: how many hubs it covers
 * @left_out: (element-type HubsNationalOmission): the hubs that measure the indicator alike
 *   but have no figure to add here
 */
typedef struct
{
  double     value;
  guint      n_hubs;
  GPtrArray *left_out;
} HubsNationalSum;

/**
 * HubsNationalTotal:
 * @key: the indicator's key, as the plan names it
 * @kpi: a KPI that measures it as the total does, to format its values (unit, words)
 * @n_hubs: how many hubs count the indicator
 * @n_alike: how many of them measure it as the total does
 * @different: (element-type HubsNationalOmission): the hubs that measure it differently,
 *   left out of every column
 * @sums: one sum per #HubsNationalColumn
 *
 * The national total of one common indicator.
 */
typedef struct
{
  char            *key;
  HubsKpi         *kpi;
  guint            n_hubs;
  guint            n_alike;
  GPtrArray       *different;
  HubsNationalSum  sums[HUBS_NATIONAL_N_COLUMNS];
} HubsNationalTotal;

/**
 * HubsNationalCell:
 * @kpi: the KPI's fields
 * @status: where it stands
 * @has_actual: it has an actual (else it is not assessable because nothing is entered yet)
 *
 * One KPI in the national view's table.
 */
typedef struct
{
  HubsKpi    *kpi;
  HubsStatus  status;
  guint       has_actual : 1;
} HubsNationalCell;

/**
 * HubsNationalHub:
 * @hub: the hub
 * @all: its KPIs but breakdowns, together
 * @pillars: (element-type HubsNationalCell): its KPIs per pillar, breakdowns included, in
 *   order
 */
typedef struct
{
  HubsHub             *hub;
  HubsProgressSummary  all;
  GPtrArray           *pillars[HUBS_N_PILLARS];
} HubsNationalHub;

/**
 * HubsNational:
 * @fiscal_year: the fiscal year of the actuals the totals add up
 * @hubs: (element-type HubsNationalHub): every hub, in order
 * @totals: (element-type HubsNationalTotal): the common indicators, in the order the hubs
 *   first count them
 *
 * All hubs at once: where each KPI stands, and the totals of the indicators that several
 * hubs count. Plain data, computed once from the store or the live model.
 */
typedef struct
{
  int        fiscal_year;
  GPtrArray *hubs;
  GPtrArray *totals;
} HubsNational;

gboolean      hubs_indicator_key_is_valid         (const char               *key);
const char   *hubs_national_indicator_get_label   (const char               *key,
                                                   HubsLanguage              lang);

HubsNational *hubs_national_new                   (void);
void          hubs_national_free                  (HubsNational             *self);
void          hubs_national_add_hub               (HubsNational             *self,
                                                   const HubsHub            *hub);
void          hubs_national_add_kpi               (HubsNational             *self,
                                                   const HubsKpi            *kpi,
                                                   GPtrArray                *figures,
                                                   const HubsProgress       *progress,
                                                   const char               *indicator);
void          hubs_national_compute_totals        (HubsNational             *self,
                                                   int                       fiscal_year);
HubsNational *hubs_national_new_for_store         (HubsStore                *store,
                                                   int                       fiscal_year,
                                                   GError                  **error);
HubsNational *hubs_national_new_for_live          (HubsLiveModel            *model,
                                                   GHashTable               *indicators,
                                                   int                       fiscal_year,
                                                   GError                  **error);
const HubsNationalTotal *hubs_national_lookup_total (const HubsNational     *self,
                                                     const char             *key);
gboolean      hubs_national_hub_get_on_track      (const HubsNationalHub    *hub,
                                                   guint                    *n_on_track,
                                                   guint                    *n_assessed);
char         *hubs_national_hub_describe_on_track (const HubsNationalHub    *hub,
                                                   HubsLanguage              lang);
char         *hubs_national_sum_describe_coverage (const HubsNationalTotal  *total,
                                                   HubsNationalColumn        column,
                                                   HubsLanguage              lang);
char         *hubs_national_total_describe_left_out (const HubsNationalTotal *total,
                                                     HubsLanguage            lang);
char         *hubs_national_column_get_title      (const HubsNational       *self,
                                                   HubsNationalColumn        column,
                                                   HubsLanguage              lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsNational, hubs_national_free)

G_END_DECLS
