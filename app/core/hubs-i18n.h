/* hubs-i18n.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-format.h"

G_BEGIN_DECLS

/**
 * HUBS_I18N_SETTINGS_KEY_LANGUAGE:
 *
 * The GSettings key (schema `com.example.Hubs`, type `s`) that chooses the language of the
 * interface and of the data: `"system"` (follow the locale), `"ja"` or `"en"`. It is read
 * at start-up by hubs_i18n_apply_language_setting(). A preferences window that changes it
 * calls hubs_i18n_set_data_language() with the new value, so data and charts follow at once,
 * redraws them, and offers to restart Hubs for the rest of the interface.
 */
#define HUBS_I18N_SETTINGS_KEY_LANGUAGE "language"

gboolean    hubs_i18n_is_japanese            (void);
const char *hubs_i18n_pick                   (const char *text_ja,
                                              const char *text_en);
const char *hubs_i18n_apply_language_setting (void);
void        hubs_i18n_set_data_language      (const char *language);
void        hubs_i18n_init_locale            (void);
const char *hubs_i18n_gettext                (HubsLanguage  language,
                                              const char   *msgid) G_GNUC_FORMAT (2);
const char *hubs_i18n_ngettext               (HubsLanguage  language,
                                              const char   *msgid,
                                              const char   *msgid_plural,
                                              gulong        n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
const char *hubs_i18n_pgettext               (HubsLanguage  language,
                                              const char   *context,
                                              const char   *msgid) G_GNUC_FORMAT (3);
const char *hubs_i18n_tier_label             (HubsLanguage  language,
                                              HubsTier      tier);
const char *hubs_i18n_pillar_label           (HubsLanguage  language,
                                              HubsPillar    pillar);
const char *hubs_i18n_hub_type_label         (HubsLanguage  language,
                                              HubsHubType   type);

G_END_DECLS
