/* hubs-presentation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-live-model.h"

G_BEGIN_DECLS

#define HUBS_TYPE_PRESENTATION (hubs_presentation_get_type ())

G_DECLARE_FINAL_TYPE (HubsPresentation, hubs_presentation, HUBS, PRESENTATION, AdwWindow)

HubsPresentation *hubs_presentation_new          (GtkWindow        *parent,
                                                  HubsLiveModel    *model,
                                                  const char       *hub_id);
guint             hubs_presentation_get_slide    (HubsPresentation *self);
void              hubs_presentation_set_slide    (HubsPresentation *self,
                                                  guint             slide);
guint             hubs_presentation_get_n_slides (HubsPresentation *self);
GtkWidget        *hubs_presentation_get_chart    (HubsPresentation *self);
const char       *hubs_presentation_get_counter  (HubsPresentation *self);
void              hubs_presentation_set_kpis     (HubsPresentation   *self,
                                                  const char * const *kpi_ids);

G_END_DECLS
