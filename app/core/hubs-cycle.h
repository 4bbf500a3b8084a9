/* hubs-cycle.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-format.h"

G_BEGIN_DECLS

/**
 * HubsYearStateKind:
 * @HUBS_YEAR_ENTERING: 入力中: the consortium is entering the year's figures
 * @HUBS_YEAR_SUBMITTED: 提出済: submitted to the Cabinet Office; locked
 * @HUBS_YEAR_ACCEPTED: 確認済: accepted by the reviewer; locked
 * @HUBS_YEAR_RETURNED: 差戻し: returned by the reviewer with a reason; open again
 *
 * Where a hub's fiscal year is in the yearly cycle.
 */
typedef enum
{
  HUBS_YEAR_ENTERING,
  HUBS_YEAR_SUBMITTED,
  HUBS_YEAR_ACCEPTED,
  HUBS_YEAR_RETURNED,
} HubsYearStateKind;

typedef struct
{
  char              *hub_id;
  int                fiscal_year;
  HubsYearStateKind  state;
  /* When and by whom it came to this state (%NULL while being entered), and why, for a
   * return or an unlock. */
  char              *changed_at;
  char              *changed_by;
  char              *organisation;
  char              *reason;
} HubsYearState;

/* 要因分析 and 今後の対応 of a KPI in a fiscal year. */
typedef struct
{
  char *kpi_id;
  int   fiscal_year;
  char *why;
  char *action;
} HubsExplanation;

const char      *hubs_year_state_kind_to_string   (HubsYearStateKind  state);
gboolean         hubs_year_state_kind_from_string (const char        *str,
                                                   HubsYearStateKind *state);
const char      *hubs_year_state_kind_get_label   (HubsYearStateKind  state,
                                                   HubsLanguage       lang);
gboolean         hubs_year_state_kind_is_locked   (HubsYearStateKind  state);
gboolean         hubs_year_state_can_become       (HubsYearStateKind  from,
                                                   HubsYearStateKind  to);

HubsYearState   *hubs_year_state_new              (const char        *hub_id,
                                                   int                fiscal_year);
HubsYearState   *hubs_year_state_copy             (const HubsYearState *state);
void             hubs_year_state_free             (HubsYearState     *state);
char            *hubs_year_state_describe         (const HubsYearState *state,
                                                   HubsLanguage       lang);

HubsExplanation *hubs_explanation_new             (const char        *kpi_id,
                                                   int                fiscal_year);
HubsExplanation *hubs_explanation_copy            (const HubsExplanation *explanation);
void             hubs_explanation_free            (HubsExplanation   *explanation);
gboolean         hubs_cycle_text_has_words        (const char        *text);
gboolean         hubs_explanation_is_complete     (const HubsExplanation *explanation);
char            *hubs_explanation_describe        (const HubsExplanation *explanation,
                                                   HubsLanguage       lang);

int              hubs_fiscal_year_latest_ended    (GDateTime         *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsYearState, hubs_year_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsExplanation, hubs_explanation_free)

G_END_DECLS
