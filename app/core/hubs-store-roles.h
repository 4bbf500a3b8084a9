/* hubs-store-roles.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-store.h"

G_BEGIN_DECLS

const char *hubs_store_get_db_user      (HubsStore       *self);
gboolean    hubs_store_is_administrator (HubsStore       *self);
gboolean    hubs_store_can_edit_plan    (HubsStore       *self);
gboolean    hubs_store_can_write_hub    (HubsStore       *self,
                                         const char      *hub_id);
gboolean    hubs_store_can_write_figure (HubsStore       *self,
                                         const char      *hub_id,
                                         HubsFigureKind   kind);
const char *hubs_store_describe_plan_rights   (HubsStore       *self);
char       *hubs_store_describe_figure_rights (HubsStore       *self,
                                               const HubsHub   *hub,
                                               HubsFigureKind   kind);
char       *hubs_store_describe_explanation_rights (HubsStore     *self,
                                                    const HubsHub *hub);
char       *hubs_store_describe_role    (HubsStore       *self);
gboolean    hubs_store_grant            (HubsStore       *self,
                                         const char      *role,
                                         const char      *hub_id,
                                         gboolean         read_only,
                                         GError         **error);
gboolean    hubs_store_revoke           (HubsStore       *self,
                                         const char      *role,
                                         GError         **error);

G_END_DECLS
