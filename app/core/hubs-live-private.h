/* hubs-live-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the live model updates its objects in place. Only hubs-live-*.c use this: views read
 * the objects and follow their notifications, and never change them.
 */

#pragma once

#include "hubs-live-figure.h"
#include "hubs-live-hub.h"
#include "hubs-live-kpi.h"
#include "hubs-live-model.h"

G_BEGIN_DECLS

HubsLiveFigure *_hubs_live_figure_new          (const char       *kpi_id,
                                                int               fiscal_year,
                                                HubsFigureKind    kind,
                                                const HubsFigure *figure);
gboolean        _hubs_live_figure_set          (HubsLiveFigure   *self,
                                                const HubsFigure *figure);

HubsLiveKpi    *_hubs_live_kpi_new             (const HubsKpi    *kpi,
                                                GPtrArray        *figures);
gboolean        _hubs_live_kpi_update          (HubsLiveKpi      *self,
                                                const HubsKpi    *kpi);
gboolean        _hubs_live_kpi_update_figure   (HubsLiveKpi      *self,
                                                int               fiscal_year,
                                                HubsFigureKind    kind,
                                                const HubsFigure *figure);
gboolean        _hubs_live_kpi_update_figures  (HubsLiveKpi      *self,
                                                GPtrArray        *figures);
void            _hubs_live_kpi_emit_changed    (HubsLiveKpi      *self);
void            _hubs_live_kpi_set_deleted     (HubsLiveKpi      *self);

HubsLiveHub    *_hubs_live_hub_new             (HubsLiveModel    *model,
                                                const HubsHub    *hub);
gboolean        _hubs_live_hub_update          (HubsLiveHub      *self,
                                                const HubsHub    *hub);
gboolean        _hubs_live_hub_reload          (HubsLiveHub      *self,
                                                GError          **error);
void            _hubs_live_hub_kpi_changed     (HubsLiveHub      *self);
void            _hubs_live_hub_set_deleted     (HubsLiveHub      *self);
void            _hubs_live_hub_set_year_state  (HubsLiveHub      *self,
                                                const HubsYearState *state);
void            _hubs_live_hub_set_year_states (HubsLiveHub      *self,
                                                GPtrArray        *states);
void            _hubs_live_kpi_set_explanation (HubsLiveKpi      *self,
                                                const HubsExplanation *explanation);

HubsStore      *_hubs_live_model_get_store     (HubsLiveModel    *self);
void            _hubs_live_model_add_kpi       (HubsLiveModel    *self,
                                                HubsLiveKpi      *kpi);
void            _hubs_live_model_remove_kpi    (HubsLiveModel    *self,
                                                HubsLiveKpi      *kpi);

G_END_DECLS
