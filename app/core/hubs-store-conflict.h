/* hubs-store-conflict.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-format.h"
#include "hubs-store.h"

G_BEGIN_DECLS

/**
 * HubsFigureConflict:
 * @figure: (nullable): the figure as now stored, %NULL when there is none
 * @changed_by: (nullable): who made the last recorded change of it
 * @organisation: (nullable): their organisation
 * @changed_at: (nullable): when, as the history writes times (ISO 8601, UTC)
 *
 * What a save met: the figure someone else stored meanwhile, and who did it and when.
 */
typedef struct _HubsFigureConflict
{
  HubsFigure *figure;
  char       *changed_by;
  char       *organisation;
  char       *changed_at;
  /* The database user of a shared database who changed it (NULL in a file) */
  char       *db_user;
} HubsFigureConflict;

#define HUBS_TYPE_FIGURE_CONFLICT (hubs_figure_conflict_get_type ())

GType               hubs_figure_conflict_get_type  (void) G_GNUC_CONST;
HubsFigureConflict *hubs_figure_conflict_copy      (const HubsFigureConflict  *conflict);
void                hubs_figure_conflict_free      (HubsFigureConflict        *conflict);
char               *hubs_figure_conflict_describe  (const HubsFigureConflict  *conflict,
                                                    const char                *unit,
                                                    HubsLanguage               lang);
HubsFigureConflict *hubs_store_read_figure_conflict (HubsStore                *self,
                                                    const char                *kpi_id,
                                                    int                        fiscal_year,
                                                    HubsFigureKind             kind,
                                                    GError                   **error);
gboolean            hubs_store_save_figure_over    (HubsStore                *self,
                                                    const char                *kpi_id,
                                                    int                        fiscal_year,
                                                    HubsFigureKind             kind,
                                                    const HubsFigureConflict  *theirs,
                                                    const HubsFigure          *after,
                                                    GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsFigureConflict, hubs_figure_conflict_free)

G_END_DECLS
