/* hubs-format-kpi.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KPI's values in its own words and a figure's as the plan prints it: the KPI's English
 * counting word where the unit's usual one does not fit (件 of funding: deals, not cases), a
 * figure the plan prints in another unit or in none (marked ※ or *, with a note that says
 * so), and a figure's note in the reader's language, never Japanese inside English.
 */

#define G_LOG_DOMAIN "hubs-format"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hubs-format-private.h"
#include "hubs-i18n.h"

/* The mark after a figure whose unit is not the KPI's. */
#define MARK_JA "※"
#define MARK_EN "*"

static gboolean
has_own_words (const HubsKpi *kpi)
{
  return kpi->unit_en != NULL && *kpi->unit_en != '\0' &&
         kpi->unit_en_one != NULL && *kpi->unit_en_one != '\0';
}

/**
 * hubs_format_kpi_unit:
 * @kpi: a KPI
 * @lang: the language to write in
 *
 * The KPI's unit as a label, as hubs_format_unit() gives it, or the KPI's own English word
 * ("deals").
 *
 * Returns: (transfer none): the label
 */
const char *
hubs_format_kpi_unit (const HubsKpi *kpi,
                      HubsLanguage   lang)
{
  g_return_val_if_fail (kpi != NULL, "");

  if (lang == HUBS_LANGUAGE_EN && has_own_words (kpi))
    return kpi->unit_en;

  return hubs_format_unit (kpi->unit, lang);
}

/**
 * hubs_format_kpi_value:
 * @kpi: a KPI
 * @value: a finite value in the KPI's unit
 * @lang: the language to write in
 *
 * The value as hubs_format_value() writes it, in the KPI's own English word where it has one
 * ("27 deals").
 *
 * Returns: (transfer full): the value
 */
char *
hubs_format_kpi_value (const HubsKpi *kpi,
                       double         value,
                       HubsLanguage   lang)
{
  g_return_val_if_fail (kpi != NULL, g_strdup (""));

  if (has_own_words (kpi))
    return _hubs_format_value_words (value, kpi->unit, kpi->unit_en_one, kpi->unit_en, lang);

  return hubs_format_value (value, kpi->unit, lang);
}

/**
 * hubs_format_kpi_target:
 * @kpi: a KPI
 * @value: a finite target value in the KPI's unit
 * @lang: the language to write in
 *
 * The target as hubs_format_target() writes it with the KPI's qualifier and words.
 *
 * Returns: (transfer full): the target
 */
char *
hubs_format_kpi_target (const HubsKpi *kpi,
                        double         value,
                        HubsLanguage   lang)
{
  g_return_val_if_fail (kpi != NULL, g_strdup (""));

  return _hubs_format_qualify (hubs_format_kpi_value (kpi, value, lang), kpi->unit,
                               kpi->qualifier, lang);
}

/* Whether the plan prints @figure in a unit other than @kpi's. */
static gboolean
unit_differs (const HubsKpi    *kpi,
              const HubsFigure *figure)
{
  return figure->unit != NULL && g_strcmp0 (figure->unit, kpi->unit) != 0;
}

/**
 * hubs_format_figure:
 * @kpi: the figure's KPI
 * @figure: a measured figure
 * @lang: the language to write in
 *
 * The figure's value as the plan prints it: in the KPI's words, or, where the plan prints it
 * in another unit or in none, in that unit with a mark (12,856件※, "12,856 cases*", 54※)
 * that hubs_format_figure_unit_note() explains. A target carries the KPI's qualifier.
 *
 * Returns: (transfer full): the value
 */
char *
hubs_format_figure (const HubsKpi    *kpi,
                    const HubsFigure *figure,
                    HubsLanguage      lang)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (kpi != NULL && figure != NULL, g_strdup (""));

  if (!unit_differs (kpi, figure))
    return figure->kind == HUBS_FIGURE_TARGET ? hubs_format_kpi_target (kpi, figure->value, lang)
                                              : hubs_format_kpi_value (kpi, figure->value, lang);

  value = hubs_format_value (figure->value, figure->unit, lang);
  if (figure->kind == HUBS_FIGURE_TARGET)
    value = _hubs_format_qualify (g_steal_pointer (&value), figure->unit, kpi->qualifier, lang);

  return g_strconcat (value, lang == HUBS_LANGUAGE_JA ? MARK_JA : MARK_EN, NULL);
}

/**
 * hubs_format_figure_unit_note:
 * @kpi: the figure's KPI
 * @figure: a figure
 * @lang: the language to write in
 *
 * What the mark of hubs_format_figure() means for this figure: "* The plan prints this figure
 * in cases; the KPI counts people." or "… without a unit; companies are assumed."
 *
 * Returns: (transfer full) (nullable): the note, or %NULL when the figure is in the KPI's unit
 */
char *
hubs_format_figure_unit_note (const HubsKpi    *kpi,
                              const HubsFigure *figure,
                              HubsLanguage      lang)
{
  const char *kpi_unit;

  g_return_val_if_fail (kpi != NULL && figure != NULL, NULL);

  if (!unit_differs (kpi, figure))
    return NULL;

  kpi_unit = hubs_format_kpi_unit (kpi, lang);

  if (*figure->unit == '\0')
    return g_strdup_printf (
      /* Translators: explains the mark * (※ in Japanese) after a figure; %s is the KPI's unit (社, companies) */
      hubs_i18n_gettext (lang, N_("* The plan prints this figure without a unit; %s assumed.")),
      kpi_unit);

  return g_strdup_printf (
    /* Translators: explains the mark * (※ in Japanese) after a figure; %1$s is the unit the plan prints it in
     * (件, cases), %2$s the KPI's unit (名, people) */
    hubs_i18n_gettext (lang, N_("* The plan prints this figure in %1$s; the KPI counts %2$s.")),
    hubs_format_unit (figure->unit, lang), kpi_unit);
}

/**
 * hubs_text_has_japanese:
 * @text: (nullable): some text
 *
 * Returns: %TRUE when @text holds kana, kanji or full-width forms
 */
gboolean
hubs_text_has_japanese (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_HAN:
        case G_UNICODE_SCRIPT_HIRAGANA:
        case G_UNICODE_SCRIPT_KATAKANA:
          return TRUE;
        default:
          break;
        }
      /* Full-width forms and CJK punctuation (、。「」※～). */
      if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c == 0x203b)
        return TRUE;
    }

  return FALSE;
}

/**
 * hubs_format_figure_note:
 * @figure: a figure
 * @lang: the language of the text it goes into
 *
 * The figure's note for a reader of @lang. Japanese text has the note, or its English when
 * there is only that. English text has the English note, or a note typed in English; a note
 * in Japanese only is left out rather than shown inside English.
 *
 * Returns: (transfer none) (nullable): the note, or %NULL
 */
const char *
hubs_format_figure_note (const HubsFigure *figure,
                         HubsLanguage      lang)
{
  const char *ja;
  const char *en;

  g_return_val_if_fail (figure != NULL, NULL);

  ja = figure->note != NULL && *figure->note != '\0' ? figure->note : NULL;
  en = figure->note_en != NULL && *figure->note_en != '\0' ? figure->note_en : NULL;

  if (lang == HUBS_LANGUAGE_JA)
    return ja != NULL ? ja : en;

  if (en != NULL)
    return en;

  return ja != NULL && !hubs_text_has_japanese (ja) ? ja : NULL;
}

/**
 * hubs_format_as_of:
 * @as_of: (nullable): a figure's as-of date as the plan or the user writes it
 *   (2025年1月1日時点)
 * @lang: the language of the text it goes into
 *
 * The date in @lang: Japanese as written; in English, a date the plan's way (2025年1月1日時点)
 * as "1 January 2025", other English text as written. Japanese that cannot be read as a date
 * is left out of English text.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL
 */
char *
hubs_format_as_of (const char   *as_of,
                   HubsLanguage  lang)
{
  int year, month, day, end = 0;

  if (as_of == NULL || *as_of == '\0')
    return NULL;
  if (lang == HUBS_LANGUAGE_JA || !hubs_text_has_japanese (as_of))
    return g_strdup (as_of);

  if (sscanf (as_of, "%d年%d月%d日%n", &year, &month, &day, &end) == 3 && end > 0 &&
      (as_of[end] == '\0' || g_str_equal (as_of + end, "時点")) && month >= 1 && month <= 12 &&
      day >= 1 && day <= 31)
    return hubs_format_date (year, month, day, HUBS_LANGUAGE_EN);

  return NULL;
}
