/* hubs-explanation-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-live-hub.h"
#include "hubs-undo.h"

G_BEGIN_DECLS

#define HUBS_TYPE_EXPLANATION_GROUP (hubs_explanation_group_get_type ())

G_DECLARE_FINAL_TYPE (HubsExplanationGroup, hubs_explanation_group, HUBS, EXPLANATION_GROUP,
                      AdwPreferencesGroup)

GtkWidget   *hubs_explanation_group_new             (HubsUndoStack        *undo,
                                                     HubsLiveHub          *hub,
                                                     HubsLiveKpi          *kpi,
                                                     int                   fiscal_year);
int          hubs_explanation_group_get_fiscal_year (HubsExplanationGroup *self);
GtkEditable *hubs_explanation_group_get_why         (HubsExplanationGroup *self);
GtkEditable *hubs_explanation_group_get_action      (HubsExplanationGroup *self);
gboolean     hubs_explanation_group_get_locked      (HubsExplanationGroup *self);

G_END_DECLS
