/* hubs-chart-describe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts in words: pillar names, titles, the sentences on a KPI's status and projection,
 * the accessible descriptions and the tooltips of the marks, and the formatting of the values
 * every label shows.
 */

#define G_LOG_DOMAIN "hubs-chart-describe"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hubs-chart-private.h"

/* Words
 * ----- */

/* Short pillar names for the narrow columns of the comparison. */
static const char * const pillar_short_labels[HUBS_N_PILLARS] = {
  /* Translators: the heading of a narrow column of the comparison chart; as short as you
   * can. The other pillars are “Connect Seamlessly with the World”, “Support Startup
   * Growth” and “Build the Ecosystem’s Foundation”. */
  NC_("short pillar name", "Overall KPIs"),
  NC_("short pillar name", "World"),
  NC_("short pillar name", "Growth"),
  NC_("short pillar name", "Foundation"),
};

/* The short name of @pillar, for the narrow columns of the comparison. */
const char *
hubs_chart_pillar_get_short_label (HubsPillar   pillar,
                                   HubsLanguage lang)
{
  g_assert (pillar < HUBS_N_PILLARS);

  return hubs_i18n_pgettext (lang, "short pillar name", pillar_short_labels[pillar]);
}

static const char *
pick (HubsLanguage  lang,
      const char   *text_ja,
      const char   *text_en)
{
  const char *first = lang == HUBS_LANGUAGE_JA ? text_ja : text_en;
  const char *second = lang == HUBS_LANGUAGE_JA ? text_en : text_ja;

  if (first != NULL && *first != '\0')
    return first;
  return second != NULL ? second : "";
}

const char *
hubs_chart_kpi_name (const HubsKpi *kpi,
                     HubsLanguage   lang)
{
  return pick (lang, kpi->name_ja, kpi->name_en);
}

const char *
hubs_chart_hub_name (const HubsHub *hub,
                     HubsLanguage   lang)
{
  return hub != NULL ? pick (lang, hub->name_ja, hub->name_en) : "";
}

/* How many decimals the KPI's own figures use (0 … 2), so that computed values (expected,
 * projections) are shown no finer than the data. */
static int
kpi_decimals (const HubsChartKpi *ck)
{
  int decimals = 0;

  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);

      if (!figure->measured)
        continue;
      while (decimals < 2)
        {
          double scaled = figure->value * pow (10, decimals);

          if (fabs (scaled - round (scaled)) < 1e-6)
            break;
          decimals++;
        }
    }

  return decimals;
}

static double
round_to (double value,
          int    decimals)
{
  double factor = pow (10, decimals);

  return round (value * factor) / factor;
}

char *
hubs_chart_format_value (const HubsChartKpi *ck,
                         double              value,
                         HubsLanguage        lang)
{
  return hubs_format_kpi_value (ck->kpi, round_to (value, kpi_decimals (ck)), lang);
}

char *
hubs_chart_format_percent (double       share,
                           HubsLanguage lang)
{
  return hubs_format_value (round (share * 100), "%", lang);
}

char *
hubs_chart_format_actual (const HubsChartKpi *ck,
                          double              value,
                          gboolean            confirmed,
                          HubsLanguage        lang)
{
  g_autofree char *text = hubs_chart_format_value (ck, value, lang);

  if (confirmed)
    return g_steal_pointer (&text);
  /* 速報: a provisional figure, to be confirmed. */
  return g_strdup_printf (hubs_i18n_gettext (lang, N_("%s (provisional)")), text);
}

HubsStatus
hubs_chart_status_of_share (double share)
{
  if (share >= HUBS_PROGRESS_ON_TRACK_SHARE - 1e-9)
    return HUBS_STATUS_ON_TRACK;
  if (share >= HUBS_PROGRESS_ACCELERATION_SHARE - 1e-9)
    return HUBS_STATUS_NEEDS_ACCELERATION;
  if (share >= 0)
    return HUBS_STATUS_LIMITED_PROGRESS;
  return HUBS_STATUS_DETERIORATION;
}

/**
 * hubs_chart_kpi_describe_status:
 * @chart_kpi: a KPI of chart data
 * @language: the language to write in
 *
 * One sentence on where the KPI stands, with its numbers: "FY2025 actual 135 companies
 * (plan 140 companies; 75% of planned progress)". The status word itself is not included.
 *
 * Returns: (transfer full): the sentence
 */
char *
hubs_chart_kpi_describe_status (const HubsChartKpi *chart_kpi,
                                HubsLanguage        language)
{
  const HubsProgress *pr;
  HubsLanguage lang = language;
  g_autofree char *year = NULL;
  g_autofree char *actual = NULL;

  g_return_val_if_fail (chart_kpi != NULL, NULL);

  pr = &chart_kpi->progress;
  if (!pr->has_actual)
    return g_strdup (hubs_i18n_gettext (lang, N_("No actual figure yet.")));

  year = hubs_format_fiscal_year (pr->actual_year, lang);
  actual = hubs_chart_format_actual (chart_kpi, pr->actual, pr->actual_confirmed, lang);

  if (pr->status == HUBS_STATUS_ACHIEVED)
    {
      g_autofree char *target = NULL;
      g_autofree char *target_year = NULL;
      int final_year;
      double final_target;

      if (pr->yearly_target)
        {
          target = hubs_chart_format_value (chart_kpi, pr->expected, lang);
          /* Translators: %1$s is a fiscal year (“FY2025”), %2$s the actual and %3$s the target,
           * each with its unit. */
          return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s actual %2$s meets the yearly "
                                                              "target of %3$s.")),
                                  year, actual, target);
        }

      hubs_progress_get_final_target (pr, &final_year, &final_target);
      target = hubs_format_kpi_target (chart_kpi->kpi, final_target, lang);
      target_year = hubs_format_fiscal_year (final_year, lang);
      /* Translators: %1$s is a fiscal year, %2$s the actual, %3$s the fiscal year of the final
       * target and %4$s that target. */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s actual %2$s meets the %3$s target "
                                                          "of %4$s.")),
                              year, actual, target_year, target);
    }

  if (!pr->has_start)
    /* Translators: %1$s is a fiscal year, %2$s the actual with its unit. */
    return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s actual %2$s. Progress cannot be "
                                                        "assessed: the baseline was not "
                                                        "measured.")),
                            year, actual);

  if (!pr->has_share)
    /* Translators: %1$s is a fiscal year, %2$s the actual with its unit. */
    return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s actual %2$s. The plan expects no "
                                                        "progress by that year yet, so it cannot "
                                                        "be assessed.")),
                            year, actual);

  {
    g_autofree char *expected = hubs_chart_format_value (chart_kpi, pr->expected, lang);
    g_autofree char *share = hubs_chart_format_percent (pr->share, lang);

    if (pr->yearly_target)
      /* Translators: %1$s is a fiscal year, %2$s the actual, %3$s the yearly target, %4$s the
       * percentage of it reached. */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s actual %2$s: %4$s of the yearly "
                                                          "target of %3$s.")),
                              year, actual, expected, share);

    /* Translators: %1$s is a fiscal year, %2$s the actual, %3$s the value the plan expects by then,
     * %4$s the percentage of the planned progress achieved. */
    return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s actual %2$s, against a plan of %3$s: "
                                                        "%4$s of the planned progress.")),
                            year, actual, expected, share);
  }
}

/**
 * hubs_chart_kpi_describe_projection:
 * @chart_kpi: a KPI of chart data
 * @language: the language to write in
 *
 * One sentence on where the actuals' trend leads: "At the current pace: FY2027 165 companies
 * (target missed), FY2029 195 companies (target missed)."
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL without a projection or once
 *   the last target year has an actual
 */
char *
hubs_chart_kpi_describe_projection (const HubsChartKpi *chart_kpi,
                                    HubsLanguage        language)
{
  const HubsProgress *pr;
  HubsLanguage lang = language;
  g_autoptr(GString) text = NULL;
  const struct { int year; gboolean has; double projection; gboolean reaches; } years[] = {
    { HUBS_MIDTERM_FISCAL_YEAR, chart_kpi->progress.has_target_2027,
      chart_kpi->progress.projection_2027, chart_kpi->progress.reaches_2027 },
    { HUBS_LAST_FISCAL_YEAR, chart_kpi->progress.has_target_2029,
      chart_kpi->progress.projection_2029, chart_kpi->progress.reaches_2029 },
  };
  guint n = 0;

  g_return_val_if_fail (chart_kpi != NULL, NULL);

  pr = &chart_kpi->progress;
  if (!pr->has_projection)
    return NULL;

  /* Translators: the start of a sentence that lists, separated by “, ” and ended by “.”, where the
   * trend of the actuals leads in each target year. */
  text = g_string_new (hubs_i18n_gettext (lang, N_("At the current pace: ")));
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *year = NULL;
      g_autofree char *value = NULL;

      if (!years[i].has || pr->actual_year >= years[i].year)
        continue;

      year = hubs_format_fiscal_year (years[i].year, lang);
      value = hubs_chart_format_value (chart_kpi, years[i].projection, lang);
      if (n++ > 0)
        g_string_append (text, hubs_i18n_gettext (lang, N_(", ")));
      if (years[i].reaches)
        /* Translators: an item of the list after “At the current pace: ”: %1$s is a fiscal year,
         * %2$s the projected value. */
        g_string_append_printf (text, hubs_i18n_gettext (lang, N_("%1$s %2$s (target reached)")),
                                year, value);
      else
        /* Translators: an item of the list after “At the current pace: ”: %1$s is a fiscal year,
         * %2$s the projected value. */
        g_string_append_printf (text, hubs_i18n_gettext (lang, N_("%1$s %2$s (target missed)")),
                                year, value);
    }
  g_string_append (text, hubs_i18n_gettext (lang, N_(".")));

  if (n == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * hubs_chart_get_title:
 * @data: chart data
 * @language: the language to write in
 *
 * Returns: (transfer full): the chart's title: the KPI's name, the hub's, or that of the
 *   comparison
 */
char *
hubs_chart_get_title (const HubsChartData *data,
                      HubsLanguage         language)
{
  HubsLanguage lang = language;

  g_return_val_if_fail (data != NULL, NULL);

  switch (data->kind)
    {
    case HUBS_CHART_TRAJECTORY:
    case HUBS_CHART_BULLET:
      if (data->kpis->len > 0)
        return g_strdup (hubs_chart_kpi_name (((HubsChartKpi *) data->kpis->pdata[0])->kpi, lang));
      return g_strdup ("");

    case HUBS_CHART_HUB_OVERVIEW:
      /* Translators: the title of a hub’s overview chart; %s is the hub city. */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("%s: progress of the KPIs")),
                              hubs_chart_hub_name (data->hub, lang));

    case HUBS_CHART_COMPARISON:
      return g_strdup (hubs_i18n_gettext (lang, N_("Progress against plan by hub city")));

    default:
      g_return_val_if_reached (NULL);
    }
}

char *
hubs_chart_kpi_subtitle (const HubsChartData *data,
                         const HubsChartKpi  *ck,
                         HubsLanguage         lang)
{
  const char *unit = hubs_format_kpi_unit (ck->kpi, lang);

  if (unit == NULL || *unit == '\0')
    return g_strdup (hubs_chart_hub_name (data->hub, lang));
  /* 札幌・北海道 ｜ 単位: 社 */
  return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s | %2$s | Unit: %3$s")),
                          hubs_chart_hub_name (data->hub, lang),
                          hubs_i18n_pillar_label (lang, ck->kpi->pillar), unit);
}

/* Descriptions
 * ------------ */

static void
append_kpi_description (GString            *out,
                        const HubsChartKpi *ck,
                        HubsLanguage        lang)
{
  const HubsProgress *pr = &ck->progress;
  g_autofree char *status = hubs_chart_kpi_describe_status (ck, lang);
  g_autofree char *projection = hubs_chart_kpi_describe_projection (ck, lang);
  gboolean first = TRUE;

  /* Translators: a name or title as a sentence of its own, in the accessible description of a
   * chart; keep the trailing space where sentences are separated by one. */
  g_string_append_printf (out, hubs_i18n_gettext (lang, N_("%s. ")),
                          hubs_chart_kpi_name (ck->kpi, lang));

  if (pr->has_baseline)
    {
      g_autofree char *fy = hubs_format_fiscal_year (pr->baseline_year, lang);
      g_autofree char *value = hubs_chart_format_value (ck, pr->baseline, lang);

      /* Translators: %1$s is a fiscal year, %2$s the baseline value. */
      g_string_append_printf (out, hubs_i18n_gettext (lang, N_("Baseline %2$s (%1$s). ")),
                              fy, value);
    }
  else
    g_string_append (out, hubs_i18n_gettext (lang, N_("Baseline not measured. ")));

  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);
      g_autofree char *fy = NULL;
      g_autofree char *value = NULL;

      if (figure->kind != HUBS_FIGURE_ACTUAL || !figure->measured)
        continue;
      fy = hubs_format_fiscal_year (figure->fiscal_year, lang);
      value = hubs_chart_format_actual (ck, figure->value, figure->confirmed, lang);
      /* Translators: the start of a list of fiscal years and values, and the separator between
       * its items. */
      g_string_append (out, first ? hubs_i18n_gettext (lang, N_("Actuals: "))
                                  : hubs_i18n_gettext (lang, N_(", ")));
      g_string_append_printf (out, "%s %s", fy, value);
      first = FALSE;
    }
  if (!first)
    g_string_append (out, hubs_i18n_gettext (lang, N_(". ")));

  first = TRUE;
  for (int year = HUBS_MIDTERM_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year += 2)
    {
      gboolean has = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->has_target_2027 : pr->has_target_2029;
      double value = year == HUBS_MIDTERM_FISCAL_YEAR ? pr->target_2027 : pr->target_2029;
      g_autofree char *fy = NULL;
      g_autofree char *target = NULL;

      if (!has)
        continue;
      fy = hubs_format_fiscal_year (year, lang);
      target = hubs_format_kpi_target (ck->kpi, value, lang);
      /* Translators: the start of a list of fiscal years and values, and the separator between
       * its items. */
      g_string_append (out, first ? hubs_i18n_gettext (lang, N_("Targets: "))
                                  : hubs_i18n_gettext (lang, N_(", ")));
      g_string_append_printf (out, "%s %s", fy, target);
      first = FALSE;
    }
  if (!first)
    g_string_append (out, hubs_i18n_gettext (lang, N_(". ")));

  /* Translators: %1$s is the status mark (◎ ○ △ ▽ × －), %2$s the status in words. */
  g_string_append_printf (out, hubs_i18n_gettext (lang, N_("Status: %1$s %2$s. ")),
                          hubs_status_get_symbol (pr->status),
                          hubs_status_get_label (pr->status, lang));
  if (projection != NULL)
    /* Translators: two sentences in a row: where a KPI stands, then where its trend leads.
     * Japanese puts no space between them. */
    g_string_append_printf (out, hubs_i18n_pgettext (lang, "two sentences",
                                                     NC_("two sentences", "%1$s %2$s")),
                            status, projection);
  else
    g_string_append (out, status);
}

static void
append_share_description (GString                   *out,
                          const HubsProgressSummary *summary,
                          HubsLanguage               lang)
{
  double share;

  if (hubs_progress_summary_get_share (summary, &share))
    {
      g_autofree char *pct = hubs_chart_format_percent (share, lang);

      /* Translators: a hub’s share of the planned progress: %1$s the percentage, %2$s the status
       * mark, %3$s the status in words, %4$u and %5$u how many KPIs were assessed of how many. */
      g_string_append_printf (out,
                              hubs_i18n_gettext (lang, N_("%1$s (%2$s %3$s, %4$u of %5$u KPIs "
                                                          "assessed)")),
                              pct, hubs_status_get_symbol (hubs_chart_status_of_share (share)),
                              hubs_status_get_label (hubs_chart_status_of_share (share), lang),
                              summary->n_assessed, summary->n_kpis);
    }
  else
    g_string_append_printf (out, hubs_i18n_gettext (lang, N_("not assessable (%u KPIs)")),
                            summary->n_kpis);
}

/**
 * hubs_chart_describe:
 * @data: chart data
 * @language: the language to write in
 *
 * The chart in words, with every number it shows, for the accessible description of the
 * widget and the notes of a report.
 *
 * Returns: (transfer full): the description
 */
char *
hubs_chart_describe (const HubsChartData *data,
                     HubsLanguage         language)
{
  HubsLanguage lang = language;
  GString *out = g_string_new (NULL);
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  switch (data->kind)
    {
    case HUBS_CHART_TRAJECTORY:
    case HUBS_CHART_BULLET:
      if (data->kpis->len > 0)
        append_kpi_description (out, g_ptr_array_index (data->kpis, 0), lang);
      break;

    case HUBS_CHART_HUB_OVERVIEW:
      title = hubs_chart_get_title (data, lang);
      g_string_append_printf (out, hubs_i18n_gettext (lang, N_("%s. ")), title);
      for (guint i = 0; i < data->kpis->len; i++)
        {
          const HubsChartKpi *ck = g_ptr_array_index (data->kpis, i);
          g_autofree char *status = hubs_chart_kpi_describe_status (ck, lang);

          /* Translators: one KPI in the description of a hub’s overview: its name, its status mark
           * and word, then the sentence on its status. */
          g_string_append_printf (out, hubs_i18n_gettext (lang, N_("%1$s: %2$s %3$s. %4$s ")),
                                  hubs_chart_kpi_name (ck->kpi, lang),
                                  hubs_status_get_symbol (ck->progress.status),
                                  hubs_status_get_label (ck->progress.status, lang), status);
        }
      break;

    case HUBS_CHART_COMPARISON:
      title = hubs_chart_get_title (data, lang);
      g_string_append_printf (out, hubs_i18n_gettext (lang, N_("%s. ")), title);
      for (guint i = 0; i < data->hubs->len; i++)
        {
          const HubsChartHubSummary *summary = g_ptr_array_index (data->hubs, i);

          /* Translators: a hub city’s place in the comparison and its name, before its share. */
          g_string_append_printf (out, hubs_i18n_gettext (lang, N_("%u. %s: ")), i + 1,
                                  hubs_chart_hub_name (summary->hub, lang));
          append_share_description (out, &summary->all, lang);
          g_string_append (out, hubs_i18n_gettext (lang, N_(". ")));
        }
      break;

    default:
      g_return_val_if_reached (g_string_free (out, TRUE));
    }

  /* No trailing space from the English sentences. */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * hubs_chart_describe_hit:
 * @data: the chart data the hit was drawn from
 * @hit: a mark of the chart
 * @language: the language to write in
 *
 * The exact figure under a mark, with its fiscal year, note and source, for a tooltip.
 *
 * Returns: (transfer full): the text, one item a line
 */
char *
hubs_chart_describe_hit (const HubsChartData *data,
                         const HubsChartHit  *hit,
                         HubsLanguage         language)
{
  HubsLanguage lang = language;
  GString *out = g_string_new (NULL);
  const HubsChartKpi *ck = NULL;
  const HubsFigure *figure = NULL;
  g_autofree char *fy = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->kind == HUBS_CHART_HIT_HUB)
    {
      const HubsChartHubSummary *summary;

      g_return_val_if_fail (hit->index < data->hubs->len, g_string_free (out, FALSE));
      summary = g_ptr_array_index (data->hubs, hit->index);
      g_string_append_printf (out, "%s — %s\n", hubs_chart_hub_name (summary->hub, lang),
                              hit->pillar < 0 ? hubs_i18n_gettext (lang, N_("all KPIs"))
                                              : hubs_i18n_pillar_label (lang, hit->pillar));
      append_share_description (out, hit->pillar < 0 ? &summary->all
                                                     : &summary->pillars[hit->pillar], lang);
      return g_string_free (out, FALSE);
    }

  g_return_val_if_fail (hit->index < data->kpis->len, g_string_free (out, FALSE));
  ck = g_ptr_array_index (data->kpis, hit->index);
  if (hit->fiscal_year > 0)
    fy = hubs_format_fiscal_year (hit->fiscal_year, lang);

  switch (hit->kind)
    {
    case HUBS_CHART_HIT_BASELINE:
      {
        g_autofree char *end = hubs_format_fiscal_year_end (hit->fiscal_year, lang);
        g_autofree char *as_of = NULL;
        g_autofree char *value = NULL;

        figure = hubs_chart_kpi_get_baseline (ck);
        value = figure != NULL && figure->unit != NULL
                ? hubs_format_figure (ck->kpi, figure, lang)
                : hubs_chart_format_value (ck, hit->value, lang);
        as_of = figure != NULL ? hubs_format_as_of (figure->as_of, lang) : NULL;
        /* Translators: a tooltip: %1$s is the date of the baseline, %2$s its value. */
        g_string_append_printf (out, hubs_i18n_gettext (lang, N_("Baseline (%1$s): %2$s")),
                                as_of != NULL ? as_of : end, value);
        if (ck->kpi->path_from_zero)
          g_string_append (out,
                           hubs_i18n_gettext (lang, N_("\nReference only: the plan counts from "
                                                       "zero in April 2025")));
      }
      break;

    case HUBS_CHART_HIT_ACTUAL:
      figure = hubs_chart_kpi_get_figure (ck, HUBS_FIGURE_ACTUAL, hit->fiscal_year);
      {
        gboolean confirmed = figure == NULL || figure->confirmed;
        g_autofree char *value = hubs_chart_format_actual (ck, hit->value, confirmed, lang);

        if (data->kind == HUBS_CHART_HUB_OVERVIEW)
          g_string_append_printf (out, "%s\n", hubs_chart_kpi_name (ck->kpi, lang));
        /* Translators: a tooltip: %1$s is a fiscal year, %2$s the actual. */
        g_string_append_printf (out, hubs_i18n_gettext (lang, N_("%1$s actual: %2$s")), fy,
                                value);
      }
      break;

    case HUBS_CHART_HIT_TARGET:
      {
        g_autofree char *value = NULL;

        figure = hubs_chart_kpi_get_figure (ck, HUBS_FIGURE_TARGET, hit->fiscal_year);
        value = figure != NULL && figure->measured ? hubs_format_figure (ck->kpi, figure, lang)
                                                   : hubs_format_kpi_target (ck->kpi, hit->value,
                                                                             lang);
        /* Translators: a tooltip: %1$s is a fiscal year, %2$s the target. */
        g_string_append_printf (out, hubs_i18n_gettext (lang, N_("%1$s target: %2$s")), fy, value);
      }
      break;

    case HUBS_CHART_HIT_PROJECTION:
      {
        g_autofree char *value = hubs_chart_format_value (ck, hit->value, lang);

        g_string_append_printf (out,
                                hubs_i18n_gettext (lang, N_("%1$s projected at the current pace: "
                                                            "%2$s")), fy, value);
      }
      break;

    case HUBS_CHART_HIT_KPI:
      {
        g_autofree char *status = hubs_chart_kpi_describe_status (ck, lang);

        g_string_append_printf (out, "%s\n%s %s\n%s", hubs_chart_kpi_name (ck->kpi, lang),
                                hubs_status_get_symbol (ck->progress.status),
                                hubs_status_get_label (ck->progress.status, lang), status);
      }
      break;

    case HUBS_CHART_HIT_HUB:
    default:
      g_assert_not_reached ();
    }

  if (figure != NULL)
    {
      const char *note = hubs_format_figure_note (figure, lang);
      g_autofree char *unit_note = hubs_format_figure_unit_note (ck->kpi, figure, lang);

      if (note != NULL)
        /* Translators: a line added to a tooltip with the note of a figure. */
        g_string_append_printf (out, hubs_i18n_gettext (lang, N_("\nNote: %s")), note);
      if (unit_note != NULL)
        g_string_append_printf (out, "\n%s", unit_note);
      if (figure->source != NULL && *figure->source != '\0')
        /* Translators: a line added to a tooltip with the source of a figure. */
        g_string_append_printf (out, hubs_i18n_gettext (lang, N_("\nSource: %s")), figure->source);
    }

  return g_string_free (out, FALSE);
}
