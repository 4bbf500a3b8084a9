/* hubs-plausibility.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-format.h"
#include "hubs-model.h"

G_BEGIN_DECLS

/**
 * HubsPlausibility:
 * @HUBS_PLAUSIBILITY_FINE: nothing to say
 * @HUBS_PLAUSIBILITY_UNLIKELY: far from the plan path or the figures around it: saved only
 *   after the user confirms, listed as a warning by an import
 * @HUBS_PLAUSIBILITY_IMPOSSIBLE: outside what the KPI can be (a share above 100%, a count
 *   below zero, a rank below 1): refused
 */
typedef enum
{
  HUBS_PLAUSIBILITY_FINE,
  HUBS_PLAUSIBILITY_UNLIKELY,
  HUBS_PLAUSIBILITY_IMPOSSIBLE,
} HubsPlausibility;

/* A figure more than this many times the plan path (or its neighbours) is unlikely. */
#define HUBS_PLAUSIBILITY_FACTOR 10.0

HubsPlausibility hubs_plausibility_check (const HubsKpi     *kpi,
                                          GPtrArray         *figures,
                                          const HubsFigure  *figure,
                                          HubsLanguage       language,
                                          char             **message);

G_END_DECLS
