/* hubs-undo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-store-conflict.h"
#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_UNDO_STACK (hubs_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (HubsUndoStack, hubs_undo_stack, HUBS, UNDO_STACK, GObject)

/**
 * HubsUndoDone:
 * @self: the undo stack
 * @error: (nullable): why the change was not made, %NULL when it was
 * @user_data: what the caller gave
 *
 * Told how a change of an `_async` call went, once what it changed was announced.
 */
typedef void (*HubsUndoDone) (HubsUndoStack *self,
                              const GError  *error,
                              gpointer       user_data);

/**
 * HubsUndoAdded:
 * @self: the undo stack
 * @id: (nullable): the id the added KPI or hub got, %NULL when it was not added
 * @error: (nullable): why it was not added, %NULL when it was
 * @user_data: what the caller gave
 *
 * Told how adding a KPI or a hub went, once what it changed was announced.
 */
typedef void (*HubsUndoAdded) (HubsUndoStack *self,
                               const char    *id,
                               const GError  *error,
                               gpointer       user_data);

HubsUndoStack *hubs_undo_stack_new        (HubsStore         *store);
gboolean       hubs_undo_stack_get_can_undo (HubsUndoStack   *self);
gboolean       hubs_undo_stack_get_can_redo (HubsUndoStack   *self);
gboolean       hubs_undo_stack_set_figure (HubsUndoStack     *self,
                                           const char        *kpi_id,
                                           int                fiscal_year,
                                           HubsFigureKind     kind,
                                           const HubsFigure  *before,
                                           const HubsFigure  *figure,
                                           GError           **error);
gboolean       hubs_undo_stack_save_figure_over (HubsUndoStack            *self,
                                                 const char               *kpi_id,
                                                 int                       fiscal_year,
                                                 HubsFigureKind            kind,
                                                 const HubsFigureConflict *theirs,
                                                 const HubsFigure         *figure,
                                                 GError                  **error);
void           hubs_undo_stack_set_figure_async (HubsUndoStack    *self,
                                                 const char       *kpi_id,
                                                 int               fiscal_year,
                                                 HubsFigureKind    kind,
                                                 const HubsFigure *before,
                                                 const HubsFigure *figure,
                                                 HubsUndoDone      done,
                                                 gpointer          user_data);
void           hubs_undo_stack_save_figure_over_async (HubsUndoStack            *self,
                                                       const char               *kpi_id,
                                                       int                       fiscal_year,
                                                       HubsFigureKind            kind,
                                                       const HubsFigureConflict *theirs,
                                                       const HubsFigure         *figure,
                                                       HubsUndoDone              done,
                                                       gpointer                  user_data);
gboolean       hubs_undo_stack_save_kpi   (HubsUndoStack     *self,
                                           const HubsKpi     *before,
                                           const HubsKpi     *kpi,
                                           GError           **error);
void           hubs_undo_stack_save_kpi_async (HubsUndoStack *self,
                                               const HubsKpi *before,
                                               const HubsKpi *kpi,
                                               HubsUndoDone   done,
                                               gpointer       user_data);
void           hubs_undo_stack_add_kpi_async (HubsUndoStack *self,
                                              const HubsKpi *kpi,
                                              HubsUndoAdded  done,
                                              gpointer       user_data);
gboolean       hubs_undo_stack_delete_kpi (HubsUndoStack     *self,
                                           const char        *kpi_id,
                                           GError           **error);
void           hubs_undo_stack_delete_kpi_async (HubsUndoStack *self,
                                                 const char    *kpi_id,
                                                 HubsUndoDone   done,
                                                 gpointer       user_data);
gboolean       hubs_undo_stack_move_kpi   (HubsUndoStack     *self,
                                           const char        *kpi_id,
                                           int                delta,
                                           GError           **error);
void           hubs_undo_stack_move_kpi_async (HubsUndoStack *self,
                                               const char    *kpi_id,
                                               int            delta,
                                               HubsUndoDone   done,
                                               gpointer       user_data);
gboolean       hubs_undo_stack_save_hub   (HubsUndoStack     *self,
                                           const HubsHub     *before,
                                           const HubsHub     *hub,
                                           GError           **error);
void           hubs_undo_stack_save_hub_async (HubsUndoStack *self,
                                               const HubsHub *before,
                                               const HubsHub *hub,
                                               HubsUndoAdded  done,
                                               gpointer       user_data);
gboolean       hubs_undo_stack_delete_hub (HubsUndoStack     *self,
                                           const char        *hub_id,
                                           GError           **error);
void           hubs_undo_stack_delete_hub_async (HubsUndoStack *self,
                                                 const char    *hub_id,
                                                 HubsUndoDone   done,
                                                 gpointer       user_data);
gboolean       hubs_undo_stack_set_explanation (HubsUndoStack          *self,
                                                const HubsExplanation  *before,
                                                const HubsExplanation  *explanation,
                                                GError                **error);
void           hubs_undo_stack_set_explanation_async (HubsUndoStack         *self,
                                                      const HubsExplanation *before,
                                                      const HubsExplanation *explanation,
                                                      HubsUndoDone           done,
                                                      gpointer               user_data);
HubsStore     *hubs_undo_stack_get_store  (HubsUndoStack     *self);
gboolean       hubs_undo_stack_undo       (HubsUndoStack     *self,
                                           GError           **error);
gboolean       hubs_undo_stack_redo       (HubsUndoStack     *self,
                                           GError           **error);
void           hubs_undo_stack_undo_async (HubsUndoStack     *self,
                                           HubsUndoDone       done,
                                           gpointer           user_data);
void           hubs_undo_stack_redo_async (HubsUndoStack     *self,
                                           HubsUndoDone       done,
                                           gpointer           user_data);
char          *hubs_undo_stack_describe_next (HubsUndoStack  *self,
                                              gboolean        redo);

G_END_DECLS
