/* hubs-figure-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-live-hub.h"
#include "hubs-undo.h"

G_BEGIN_DECLS

#define HUBS_TYPE_FIGURE_ROW (hubs_figure_row_get_type ())

G_DECLARE_FINAL_TYPE (HubsFigureRow, hubs_figure_row, HUBS, FIGURE_ROW, AdwExpanderRow)

GtkWidget  *hubs_figure_row_new        (HubsUndoStack     *undo,
                                        HubsLiveHub       *hub,
                                        HubsLiveKpi       *kpi,
                                        HubsLiveFigure    *figure);
GtkEditable *hubs_figure_row_get_entry (HubsFigureRow     *self);
gboolean    hubs_figure_row_save       (HubsFigureRow     *self);
gboolean    hubs_figure_row_has_unsaved_text (HubsFigureRow *self);
gboolean    hubs_figure_row_discard_typed (HubsFigureRow  *self);
const char *hubs_figure_row_get_error  (HubsFigureRow     *self);
gboolean    hubs_figure_row_get_locked (HubsFigureRow     *self);
int         hubs_figure_row_get_fiscal_year (HubsFigureRow *self);
HubsFigureKind hubs_figure_row_get_kind (HubsFigureRow    *self);

G_END_DECLS
