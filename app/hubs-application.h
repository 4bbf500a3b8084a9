/* hubs-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_TYPE_APPLICATION (hubs_application_get_type ())

G_DECLARE_FINAL_TYPE (HubsApplication, hubs_application, HUBS, APPLICATION, AdwApplication)

HubsApplication *hubs_application_new       (void);
HubsStore       *hubs_application_get_store (HubsApplication *self);

G_END_DECLS
