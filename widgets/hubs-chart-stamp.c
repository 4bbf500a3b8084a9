/* hubs-chart-stamp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a chart that leaves the app says about itself, in small type at its foot: the hub, the
 * moment its figures are from and where they come from. A chart pasted into a ministry's
 * slides still tells what it shows: "福岡市 | 2026年6月1日時点 | 出典：…".
 *
 * The moment is the newest change of the actuals the chart shows; a chart drawn from the
 * database as it stood at a past moment (hubs_store_open_as_of()) says that moment instead;
 * and where the latest fiscal year shown was submitted or accepted, the stamp says so and
 * when. The report's pages carry the same words in their header and footer.
 */

#define G_LOG_DOMAIN "hubs-chart-stamp"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-chart-private.h"
#include "hubs-chart-stamp.h"
#include "hubs-i18n.h"

/* A day, with its time unless it is the end of the day (what a date alone means). */
static char *
format_moment (GDateTime    *when,
               HubsLanguage  lang)
{
  g_autoptr(GTimeZone) japan = hubs_time_zone_japan ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (when, japan);

  if (g_date_time_get_hour (local) == 23 && g_date_time_get_minute (local) == 59)
    return hubs_format_day_of (when, lang);
  return hubs_format_moment (when, lang);
}

static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

/**
 * hubs_chart_describe_source:
 * @data: (nullable): a chart, whose every KPI's figures name their sources
 * @chart_kpi: (nullable): one KPI, whose figures alone count
 * @language: the language to write in
 *
 * The source line of a chart or report page: the plan's source document, then the source
 * of each figure that names one, each once.
 *
 * Returns: (transfer full): the line
 */
char *
hubs_chart_describe_source (const HubsChartData *data,
                            const HubsChartKpi  *chart_kpi,
                            HubsLanguage         language)
{
  GString *out = g_string_new (hubs_i18n_gettext (language,
                                                  N_("Source: baselines and targets from "
                                                     "the phase-2 plans of the Startup "
                                                     "Ecosystem Hub Cities (government "
                                                     "publication); actuals as entered in "
                                                     "Hubs by each hub city consortium.")));
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  guint n_kpis = chart_kpi != NULL ? 1 : data != NULL && data->kpis != NULL ? data->kpis->len : 0;

  for (guint k = 0; k < n_kpis; k++)
    {
      const HubsChartKpi *ck = chart_kpi != NULL ? chart_kpi : g_ptr_array_index (data->kpis, k);

      for (guint i = 0; i < ck->figures->len; i++)
        {
          const HubsFigure *figure = g_ptr_array_index (ck->figures, i);

          if (figure->source == NULL || *figure->source == '\0' ||
              g_ptr_array_find_with_equal_func (seen, figure->source, g_str_equal, NULL))
            continue;
          g_string_append (out, seen->len == 0
                                ? hubs_i18n_gettext (language, N_(" Sources of actuals: "))
                                : hubs_i18n_gettext (language, N_("; ")));
          g_string_append (out, figure->source);
          g_ptr_array_add (seen, figure->source);
        }
    }

  return g_string_free (out, FALSE);
}

/* The newest change of an actual the chart shows, as the history writes times; %NULL when
 * the history records none. */
static char *
latest_change (HubsStore           *store,
               const HubsChartData *data)
{
  g_autofree char *latest = NULL;

  for (guint k = 0; data->kpis != NULL && k < data->kpis->len; k++)
    {
      const HubsChartKpi *ck = g_ptr_array_index (data->kpis, k);

      for (guint i = 0; i < ck->figures->len; i++)
        {
          const HubsFigure *figure = g_ptr_array_index (ck->figures, i);
          g_autoptr(GError) error = NULL;
          g_autofree char *by = NULL;
          g_autofree char *at = NULL;

          if (figure->kind != HUBS_FIGURE_ACTUAL)
            continue;
          if (!hubs_store_get_last_change (store, ck->kpi->id, figure->fiscal_year, figure->kind,
                                           &by, &at, &error))
            {
              g_warning ("Cannot read when %s was last changed: %s", ck->kpi->id,
                         error->message);
              continue;
            }
          if (at != NULL && (latest == NULL || g_strcmp0 (at, latest) > 0))
            {
              g_free (latest);
              latest = g_steal_pointer (&at);
            }
        }
    }

  return g_steal_pointer (&latest);
}

/* The latest fiscal year with a measured actual on the chart, or 0. */
static int
latest_actual_year (const HubsChartData *data)
{
  int year = 0;

  for (guint k = 0; data->kpis != NULL && k < data->kpis->len; k++)
    {
      const HubsChartKpi *ck = g_ptr_array_index (data->kpis, k);

      for (guint i = 0; i < ck->figures->len; i++)
        {
          const HubsFigure *figure = g_ptr_array_index (ck->figures, i);

          if (figure->kind == HUBS_FIGURE_ACTUAL && figure->measured)
            year = MAX (year, figure->fiscal_year);
        }
    }
  return year;
}

/* "FY2025 as submitted on 10 June 2026", when the latest year shown was reported. */
static char *
describe_submitted (HubsStore           *store,
                    const HubsChartData *data,
                    HubsLanguage         lang)
{
  g_autoptr(HubsYearState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *fy = NULL;
  g_autofree char *day = NULL;
  int year = latest_actual_year (data);

  if (data->hub == NULL || year == 0)
    return NULL;
  if (!(state = hubs_store_get_year_state (store, data->hub->id, year, &error)))
    {
      g_warning ("Cannot read the state of %s’s FY%d: %s", data->hub->id, year, error->message);
      return NULL;
    }
  if (!hubs_year_state_kind_is_locked (state->state) ||
      !(when = parse_time (state->changed_at)))
    return NULL;

  fy = hubs_format_fiscal_year (year, lang);
  day = hubs_format_day_of (when, lang);
  if (state->state == HUBS_YEAR_ACCEPTED)
    /* Translators: in the small type under a chart; %1$s is a fiscal year, %2$s the day the
     * Cabinet Office accepted its figures */
    return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s as accepted on %2$s")), fy, day);
  /* Translators: in the small type under a chart; %1$s is a fiscal year, %2$s the day its
   * figures were submitted to the Cabinet Office */
  return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s as submitted on %2$s")), fy, day);
}

/**
 * hubs_chart_describe_as_of:
 * @store: the database @data was read from
 * @data: a chart
 * @as_of: (nullable): the moment @store shows, when it is the database as it stood then
 *   (hubs_store_open_as_of()), or %NULL for the figures as they are
 * @language: the language to write in
 *
 * When the figures of @data are from: “As of 1 June 2026”, the day of the newest change of
 * an actual shown (today, when the history records none); “As it stood on 31 May 2026,
 * 17:00” for @as_of; followed by “FY2025 as submitted on 10 June 2026” where the latest
 * fiscal year shown was submitted (or accepted) by then.
 *
 * Returns: (transfer full): the words
 */
char *
hubs_chart_describe_as_of (HubsStore           *store,
                           const HubsChartData *data,
                           GDateTime           *as_of,
                           HubsLanguage         language)
{
  g_autofree char *moment = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (as_of != NULL)
    {
      moment = format_moment (as_of, language);
      /* Translators: in the small type under a chart drawn from the history; %s is a day,
       * with a time unless it is the end of the day */
      when = g_strdup_printf (hubs_i18n_gettext (language, N_("As it stood on %s")), moment);
    }
  else
    {
      g_autofree char *latest = latest_change (store, data);
      g_autoptr(GDateTime) changed = parse_time (latest);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      moment = hubs_format_day_of (changed != NULL ? changed : now, language);
      /* Translators: in the small type under a chart; %s is the day of the newest figure */
      when = g_strdup_printf (hubs_i18n_gettext (language, N_("As of %s")), moment);
    }

  if ((submitted = describe_submitted (store, data, language)) != NULL)
    /* Translators: joins “As of …” and “FY2025 as submitted on …” */
    return g_strdup_printf (hubs_i18n_gettext (language, N_("%1$s; %2$s")), when, submitted);
  return g_steal_pointer (&when);
}

/**
 * hubs_chart_stamp_new:
 * @store: the database @data was read from
 * @data: a chart
 * @as_of: (nullable): the moment @store shows, as for hubs_chart_describe_as_of()
 * @language: the language to write in
 *
 * The small type at the foot of a chart that leaves the app: its hub (or “All hub cities”),
 * when its figures are from, and its sources. Give it to #HubsChartOptions:stamp.
 *
 * Returns: (transfer full): the text
 */
char *
hubs_chart_stamp_new (HubsStore           *store,
                      const HubsChartData *data,
                      GDateTime           *as_of,
                      HubsLanguage         language)
{
  g_autofree char *when = NULL;
  g_autofree char *source = NULL;
  const char *hub;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (data->hub != NULL)
    hub = language == HUBS_LANGUAGE_JA ? data->hub->name_ja : data->hub->name_en;
  else
    hub = hubs_i18n_gettext (language, N_("All hub cities"));
  when = hubs_chart_describe_as_of (store, data, as_of, language);
  source = hubs_chart_describe_source (data, NULL, language);

  /* Translators: the small type under an exported chart: %1$s is the hub city, %2$s when
   * its figures are from, %3$s the sources */
  return g_strdup_printf (hubs_i18n_gettext (language, N_("%1$s | %2$s | %3$s")), hub, when,
                          source);
}

/* The small type is at most this share of the picture's height; a low chart gets one line. */
#define STAMP_MAX_SHARE 0.2
#define STAMP_LOW 300

/**
 * hubs_chart_painter_draw_stamp:
 * @p: the painter of a chart about to be drawn
 * @stamp: the text
 *
 * Draws @stamp in small type across the foot of the picture, up to two lines (one on a low
 * chart), and takes its height off the painter's, so that the chart draws above it and no
 * label of the chart can meet it.
 */
void
hubs_chart_painter_draw_stamp (HubsChartPainter *p,
                               const char       *stamp)
{
  double size = MAX (6, p->fs * 0.6);
  double pad = MAX (2, p->fs * 0.5);
  double width = p->width - 2 * pad;
  double height;

  if (width < 1)
    return;

  hubs_chart_painter_set_text (p, stamp, size, FALSE, width, p->height < STAMP_LOW ? 1 : 2);
  hubs_chart_painter_text_size (p, NULL, &height);
  if (height + 1.5 * pad > p->height * STAMP_MAX_SHARE)
    {
      hubs_chart_painter_set_text (p, stamp, size, FALSE, width, 1);
      hubs_chart_painter_text_size (p, NULL, &height);
    }
  /* Too low for a chart and its stamp: the chart alone. */
  if (height + 1.5 * pad > p->height * STAMP_MAX_SHARE * 1.5)
    return;

  pango_layout_set_alignment (p->layout, PANGO_ALIGN_LEFT);
  hubs_chart_painter_show (p, HUBS_CHART_ELEMENT_STAMP, pad, p->height - pad * 0.5 - height,
                           &p->theme->dim, FALSE);
  p->height -= height + 1.5 * pad;
}
