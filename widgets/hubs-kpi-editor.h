/* hubs-kpi-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-live-model.h"
#include "hubs-undo.h"

G_BEGIN_DECLS

#define HUBS_TYPE_KPI_EDITOR (hubs_kpi_editor_get_type ())

G_DECLARE_FINAL_TYPE (HubsKpiEditor, hubs_kpi_editor, HUBS, KPI_EDITOR, GtkWidget)

GtkWidget  *hubs_kpi_editor_new          (HubsLiveModel  *model,
                                          HubsUndoStack  *undo);
gboolean    hubs_kpi_editor_set_kpi      (HubsKpiEditor  *self,
                                          const char     *kpi_id,
                                          GError        **error);
const char *hubs_kpi_editor_get_kpi_id   (HubsKpiEditor  *self);
HubsLiveKpi *hubs_kpi_editor_get_kpi     (HubsKpiEditor  *self);
void        hubs_kpi_editor_focus_next_figure (HubsKpiEditor *self);
GtkWidget  *hubs_kpi_editor_save_typed   (HubsKpiEditor  *self);
GtkWidget  *hubs_kpi_editor_discard_typed (HubsKpiEditor *self);
GtkWidget  *hubs_kpi_editor_find_unsaved (HubsKpiEditor *self);
GtkWidget  *hubs_kpi_editor_find_figure_row (HubsKpiEditor *self,
                                             int            fiscal_year,
                                             HubsFigureKind kind);

GtkWidget     *hubs_kpi_editor_find_explanation (HubsKpiEditor *self,
                                                 int            fiscal_year);

G_END_DECLS
