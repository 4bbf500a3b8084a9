/* hubs-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plain data of the plan: hubs, KPIs, figures and phase-1 results, with the enumerations
 * that classify them and their stable string forms (used in the database, the plan file and
 * every export).
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  HUBS_TIER_GLOBAL,
  HUBS_TIER_NEXT_GLOBAL,
} HubsTier;

typedef enum
{
  HUBS_HUB_TYPE_NONE,
  HUBS_HUB_TYPE_WIDE_AREA,
  HUBS_HUB_TYPE_CORE_CITY,
} HubsHubType;

typedef enum
{
  HUBS_PILLAR_OVERALL,
  HUBS_PILLAR_WORLD,
  HUBS_PILLAR_GROWTH,
  HUBS_PILLAR_FOUNDATION,
  HUBS_N_PILLARS,
} HubsPillar;

typedef enum
{
  HUBS_AGGREGATION_STOCK,
  HUBS_AGGREGATION_FLOW,
  HUBS_AGGREGATION_CUMULATIVE,
} HubsAggregation;

typedef enum
{
  HUBS_DIRECTION_HIGHER,
  HUBS_DIRECTION_LOWER,
} HubsDirection;

typedef enum
{
  HUBS_QUALIFIER_NONE,
  HUBS_QUALIFIER_AT_LEAST,
  HUBS_QUALIFIER_AT_MOST,
} HubsQualifier;

typedef enum
{
  HUBS_FIGURE_BASELINE,
  HUBS_FIGURE_TARGET,
  HUBS_FIGURE_ACTUAL,
} HubsFigureKind;

/* The first and last fiscal years of phase 2, and the years the plan sets targets for. */
#define HUBS_FIRST_FISCAL_YEAR   2025
#define HUBS_LAST_FISCAL_YEAR    2029
#define HUBS_MIDTERM_FISCAL_YEAR 2027
#define HUBS_BASELINE_FISCAL_YEAR 2024

const char *hubs_tier_to_string        (HubsTier         tier);
gboolean    hubs_tier_from_string      (const char      *str,
                                        HubsTier        *tier);
const char *hubs_hub_type_to_string    (HubsHubType      type);
gboolean    hubs_hub_type_from_string  (const char      *str,
                                        HubsHubType     *type);
const char *hubs_pillar_to_string      (HubsPillar       pillar);
gboolean    hubs_pillar_from_string    (const char      *str,
                                        HubsPillar      *pillar);
const char *hubs_aggregation_to_string (HubsAggregation  aggregation);
gboolean    hubs_aggregation_from_string (const char    *str,
                                          HubsAggregation *aggregation);
const char *hubs_direction_to_string   (HubsDirection    direction);
gboolean    hubs_direction_from_string (const char      *str,
                                        HubsDirection   *direction);
const char *hubs_qualifier_to_string   (HubsQualifier    qualifier);
gboolean    hubs_qualifier_from_string (const char      *str,
                                        HubsQualifier   *qualifier);
const char *hubs_figure_kind_to_string (HubsFigureKind   kind);
gboolean    hubs_figure_kind_from_string (const char    *str,
                                          HubsFigureKind *kind);

typedef struct
{
  char        *id;
  char        *name_ja;
  char        *name_en;
  char        *consortium_ja;
  char        *consortium_en;
  HubsTier     tier;
  HubsHubType  type;
  char        *slogan_ja;
  char        *slogan_en;
  char        *summary_ja;
  char        *summary_en;
  /* Lists, one item a line. */
  char        *members_ja;
  char        *members_en;
  char        *focus_ja;
  char        *focus_en;
  int          sort_order;
  /* The members listed are some of them (the plan's 等, "and others"). */
  guint        members_more : 1;
} HubsHub;

typedef struct
{
  char            *id;
  char            *hub_id;
  char            *parent_id;
  char            *name_ja;
  char            *name_en;
  HubsPillar       pillar;
  char            *unit;
  /* The English counting word where the unit's usual one does not fit (件 of funding: "deal",
   * "deals"); "" for the usual one. */
  char            *unit_en_one;
  char            *unit_en;
  HubsAggregation  aggregation;
  HubsDirection    direction;
  HubsQualifier    qualifier;
  char            *note_ja;
  char            *note_en;
  int              sort_order;
  guint            per_year : 1;
  /* The path starts at zero, not at the baseline (counted from April 2025). */
  guint            path_from_zero : 1;
} HubsKpi;

typedef struct
{
  char           *kpi_id;
  int             fiscal_year;
  HubsFigureKind  kind;
  double          value;
  char           *as_of;
  /* The note in Japanese, or as the user typed it, and in English. */
  char           *note;
  char           *note_en;
  char           *source;
  /* The unit the plan prints for this figure where it differs from the KPI's ("" when it
   * prints none), or %NULL. */
  char           *unit;
  /* FALSE: 未計測, and value is meaningless. */
  guint           measured : 1;
  /* TRUE: 確定; FALSE: 速報 (provisional). */
  guint           confirmed : 1;
} HubsFigure;

typedef struct
{
  char     *id;
  char     *hub_id;
  char     *name_ja;
  char     *name_en;
  char     *unit;
  double    start;
  double    target;
  double    result;
  char     *target_text_ja;
  char     *target_text_en;
  int       sort_order;
  guint     has_target : 1;
} HubsPhase1Result;

#define HUBS_TYPE_HUB (hubs_hub_get_type ())
#define HUBS_TYPE_KPI (hubs_kpi_get_type ())
#define HUBS_TYPE_FIGURE (hubs_figure_get_type ())
#define HUBS_TYPE_PHASE1_RESULT (hubs_phase1_result_get_type ())

GType             hubs_hub_get_type            (void) G_GNUC_CONST;
HubsHub          *hubs_hub_new                 (void);
HubsHub          *hubs_hub_copy                (const HubsHub          *hub);
void              hubs_hub_free                (HubsHub                *hub);

GType             hubs_kpi_get_type            (void) G_GNUC_CONST;
HubsKpi          *hubs_kpi_new                 (void);
HubsKpi          *hubs_kpi_new_for_hub         (const char             *hub_id,
                                                const char             *id,
                                                const char             *name_ja,
                                                const char             *name_en);
HubsKpi          *hubs_kpi_copy                (const HubsKpi          *kpi);
void              hubs_kpi_free                (HubsKpi                *kpi);

GType             hubs_figure_get_type         (void) G_GNUC_CONST;
HubsFigure       *hubs_figure_new              (void);
HubsFigure       *hubs_figure_copy             (const HubsFigure       *figure);
void              hubs_figure_free             (HubsFigure             *figure);
gboolean          hubs_figure_equal            (const HubsFigure       *a,
                                                const HubsFigure       *b);

GType             hubs_phase1_result_get_type  (void) G_GNUC_CONST;
HubsPhase1Result *hubs_phase1_result_new       (void);
HubsPhase1Result *hubs_phase1_result_copy      (const HubsPhase1Result *result);
void              hubs_phase1_result_free      (HubsPhase1Result       *result);

const char       *hubs_tier_get_label          (HubsTier                tier);
const char       *hubs_hub_type_get_label      (HubsHubType             type);
const char       *hubs_pillar_get_label        (HubsPillar              pillar);
const char       *hubs_figure_kind_get_label   (HubsFigureKind          kind);
const char       *hubs_aggregation_get_label   (HubsAggregation         aggregation);
const char       *hubs_direction_get_label     (HubsDirection           direction);
const char       *hubs_qualifier_get_label     (HubsQualifier           qualifier);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsHub, hubs_hub_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsKpi, hubs_kpi_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsFigure, hubs_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsPhase1Result, hubs_phase1_result_free)

G_END_DECLS
