/* hubs-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where numbers, units and fiscal years become words and words become numbers
 * again: forms, charts, CSV import and every export go through here, so a figure reads the
 * same everywhere. Nothing here depends on the C locale; the language is always an argument.
 */

#pragma once

#include <glib.h>

#include "hubs-model.h"

G_BEGIN_DECLS

/**
 * HubsLanguage:
 * @HUBS_LANGUAGE_JA: Japanese: 万/億/兆 grouping, 年度, units as published (社, 億円 …)
 * @HUBS_LANGUAGE_EN: English: thousands separators, FY, English unit words, yen amounts
 *
 * The language data is written in. It is always explicit, so an export can be English under
 * a Japanese desktop; hubs_language_current() gives the interface's language.
 */
typedef enum
{
  HUBS_LANGUAGE_JA,
  HUBS_LANGUAGE_EN,
} HubsLanguage;

#define HUBS_FORMAT_ERROR (hubs_format_error_quark ())

/**
 * HubsFormatError:
 * @HUBS_FORMAT_ERROR_EMPTY: nothing but spaces was given (callers read this as "no figure")
 * @HUBS_FORMAT_ERROR_INVALID: the text is not a number (the message says what and where)
 * @HUBS_FORMAT_ERROR_UNIT: the text is a number with a unit other than the KPI's
 */
typedef enum
{
  HUBS_FORMAT_ERROR_EMPTY,
  HUBS_FORMAT_ERROR_INVALID,
  HUBS_FORMAT_ERROR_UNIT,
} HubsFormatError;

GQuark       hubs_format_error_quark     (void);

HubsLanguage hubs_language_current       (void);
gboolean     hubs_language_from_string   (const char   *str,
                                          HubsLanguage *lang);
const char  *hubs_language_to_string     (HubsLanguage  lang);

/* Days and moments, in Japan. */
char        *hubs_format_date            (int           year,
                                          int           month,
                                          int           day,
                                          HubsLanguage  lang);
GTimeZone   *hubs_time_zone_japan        (void);
char        *hubs_format_day_of          (GDateTime    *when,
                                          HubsLanguage  lang);
char        *hubs_format_day             (const char   *changed_at,
                                          HubsLanguage  lang);
char        *hubs_format_moment          (GDateTime    *when,
                                          HubsLanguage  lang);
/* Fiscal years (April to March). */
char        *hubs_format_fiscal_year     (int           year,
                                          HubsLanguage  lang);
char        *hubs_format_fiscal_year_end (int           year,
                                          HubsLanguage  lang);

/* Units. */
const char * const *hubs_format_known_units (void);
gboolean     hubs_format_unit_is_known   (const char   *unit);
const char  *hubs_format_unit            (const char   *unit,
                                          HubsLanguage  lang);

/* Numbers and values. */
char        *hubs_format_number          (double        value,
                                          HubsLanguage  lang);
char        *hubs_format_number_plain    (double        value);
char        *hubs_format_number_exact    (double        value);
char        *hubs_format_value           (double        value,
                                          const char   *unit,
                                          HubsLanguage  lang);
char        *hubs_format_target          (double        value,
                                          const char   *unit,
                                          HubsQualifier qualifier,
                                          HubsLanguage  lang);
char        *hubs_format_axis_value      (double        value,
                                          const char   *unit,
                                          HubsLanguage  lang);

/* A KPI's values in its own words, a figure's as the plan prints it: hubs-format-kpi.c. */
const char  *hubs_format_kpi_unit        (const HubsKpi    *kpi,
                                          HubsLanguage      lang);
char        *hubs_format_kpi_value       (const HubsKpi    *kpi,
                                          double            value,
                                          HubsLanguage      lang);
char        *hubs_format_kpi_target      (const HubsKpi    *kpi,
                                          double            value,
                                          HubsLanguage      lang);
char        *hubs_format_figure          (const HubsKpi    *kpi,
                                          const HubsFigure *figure,
                                          HubsLanguage      lang);
char        *hubs_format_figure_unit_note (const HubsKpi    *kpi,
                                           const HubsFigure *figure,
                                           HubsLanguage      lang);
const char  *hubs_format_figure_note     (const HubsFigure *figure,
                                          HubsLanguage      lang);
char        *hubs_format_as_of           (const char       *as_of,
                                          HubsLanguage      lang);
gboolean     hubs_text_has_japanese      (const char       *text);

/* Reading what people type: hubs-parse.c. */
gboolean     hubs_parse_fiscal_year      (const char   *text,
                                          int          *year,
                                          GError      **error);
gboolean     hubs_parse_number           (const char   *text,
                                          const char   *unit,
                                          double       *value,
                                          GError      **error);
gboolean     hubs_parse_as_of            (const char   *text,
                                          GDateTime   **when,
                                          GError      **error);

G_END_DECLS
