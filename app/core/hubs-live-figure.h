/* hubs-live-figure.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hubs-model.h"

G_BEGIN_DECLS

#define HUBS_TYPE_LIVE_FIGURE (hubs_live_figure_get_type ())

G_DECLARE_FINAL_TYPE (HubsLiveFigure, hubs_live_figure, HUBS, LIVE_FIGURE, GObject)

const HubsFigure *hubs_live_figure_get_figure      (HubsLiveFigure *self);
const char       *hubs_live_figure_get_kpi_id      (HubsLiveFigure *self);
int               hubs_live_figure_get_fiscal_year (HubsLiveFigure *self);
HubsFigureKind    hubs_live_figure_get_kind        (HubsLiveFigure *self);
gboolean          hubs_live_figure_get_present     (HubsLiveFigure *self);

G_END_DECLS
