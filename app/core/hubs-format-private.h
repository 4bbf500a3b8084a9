/* hubs-format-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The units, shared by hubs-format.c (which writes them) and hubs-parse.c (which reads
 * them).
 */

#pragma once

#include "hubs-format.h"

G_BEGIN_DECLS

#define UNIT_OKU_YEN "億円"
#define UNIT_RANK    "位"
#define UNIT_PERCENT "%"

typedef struct
{
  const char *unit;          /* as published in the plan */
  const char *singular;      /* English word for exactly one, or NULL when there is none */
  const char *label;         /* English label; the plural */
  const char *accepted[8];   /* every spelling parsing accepts for this unit, lower case */
} UnitInfo;

extern const char * const _hubs_format_ordinal_suffixes[];

const UnitInfo *_hubs_format_unit_info_lookup (const char *unit);
gboolean        _hubs_format_is_unit_word     (const char *word);
char           *_hubs_format_value_words      (double        value,
                                               const char   *unit,
                                               const char   *en_one,
                                               const char   *en_other,
                                               HubsLanguage  lang);
char           *_hubs_format_qualify          (char         *text,
                                               const char   *unit,
                                               HubsQualifier qualifier,
                                               HubsLanguage  lang);

static inline gboolean
unit_is (const char *unit,
         const char *which)
{
  return unit != NULL && g_str_equal (unit, which);
}

G_END_DECLS
