/* hubs-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-format.h"
#include "hubs-model.h"

G_BEGIN_DECLS

#define HUBS_PLAN_ERROR (hubs_plan_error_quark ())

typedef enum
{
  HUBS_PLAN_ERROR_SYNTAX,
  HUBS_PLAN_ERROR_INVALID,
} HubsPlanError;

/* Where the plan lives among the program's resources. */
#define HUBS_PLAN_RESOURCE_PATH "/com/example/Hubs/data/hubs-plan.ini"

typedef struct _HubsPlan HubsPlan;

GQuark     hubs_plan_error_quark        (void);
HubsPlan  *hubs_plan_new_from_bytes     (GBytes       *bytes,
                                         GError      **error);
HubsPlan  *hubs_plan_new_builtin        (GError      **error);
void       hubs_plan_free               (HubsPlan     *plan);
GPtrArray *hubs_plan_get_hubs           (HubsPlan     *plan);
GPtrArray *hubs_plan_get_kpis           (HubsPlan     *plan);
GPtrArray *hubs_plan_get_figures        (HubsPlan     *plan);
GPtrArray *hubs_plan_get_phase1_results (HubsPlan     *plan);
const char *hubs_plan_get_reading       (HubsPlan     *plan,
                                         const char   *kpi_id,
                                         HubsLanguage  lang);
const char *hubs_plan_get_indicator     (HubsPlan     *plan,
                                         const char   *kpi_id);
HubsPlan  *hubs_plan_get_builtin        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsPlan, hubs_plan_free)

G_END_DECLS
