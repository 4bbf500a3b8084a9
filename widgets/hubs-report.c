/* hubs-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF report of one hub or of all of them: an overview page per hub, then a page per
 * KPI with its trajectory, figures and notes, laid out on A4 landscape pages with a header
 * and footer, in the language the user picks.
 */

#define G_LOG_DOMAIN "hubs-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "hubs-chart-export-private.h"
#include "hubs-chart-stamp.h"
#include "hubs-i18n.h"
#include "hubs-report.h"

/* A4 landscape, in points. */
#define A4_WIDTH  HUBS_REPORT_PAGE_WIDTH
#define A4_HEIGHT HUBS_REPORT_PAGE_HEIGHT

typedef struct
{
  HubsStore            *store;
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *font;
  HubsChartTheme        theme;
  HubsLanguage          lang;
  char                 *date;
  guint                 page;
  guint                 n_pages;
} Report;

static double
report_text (Report               *r,
             const char           *text,
             double                x,
             double                y,
             double                width,
             double                size,
             gboolean              bold,
             const HubsChartColor *color,
             PangoAlignment        align,
             int                   max_lines)
{
  PangoRectangle logical;

  pango_font_description_set_absolute_size (r->font, size * PANGO_SCALE);
  pango_font_description_set_weight (r->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (r->layout, r->font);
  pango_layout_set_width (r->layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (r->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (r->layout, max_lines > 0 ? -max_lines : -1);
  pango_layout_set_ellipsize (r->layout, max_lines > 0 ? PANGO_ELLIPSIZE_END
                                                       : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (r->layout, align);
  pango_layout_set_text (r->layout, text, -1);
  pango_layout_get_extents (r->layout, NULL, &logical);

  if (color != NULL)
    {
      hubs_chart_color_set_source (color, r->cr);
      cairo_move_to (r->cr, x, y);
      pango_cairo_show_layout (r->cr, r->layout);
    }

  return (double) logical.height / PANGO_SCALE;
}

#define MARGIN 34.0

/* The header and footer of every page; returns the y where the body starts. */
static double
report_frame (Report     *r,
              const char *hub,
              const char *source)
{
  g_autofree char *page = g_strdup_printf ("%u / %u", r->page, r->n_pages);
  /* Translators: the header of each page of a report; %s is the hub city. */
  g_autofree char *header = g_strdup_printf (hubs_i18n_gettext (r->lang, N_("%s | KPI progress "
                                                                            "report")), hub);
  double width = A4_WIDTH - 2 * MARGIN;
  cairo_t *cr = r->cr;

  report_text (r, header, MARGIN, MARGIN - 14, width * 0.7, 8, FALSE, &r->theme.dim,
               PANGO_ALIGN_LEFT, 1);
  report_text (r, r->date, MARGIN + width * 0.3, MARGIN - 14, width * 0.7, 8, FALSE,
               &r->theme.dim, PANGO_ALIGN_RIGHT, 1);

  cairo_new_path (cr);
  hubs_chart_color_set_source (&r->theme.grid, cr);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN, MARGIN - 2);
  cairo_line_to (cr, A4_WIDTH - MARGIN, MARGIN - 2);
  cairo_move_to (cr, MARGIN, A4_HEIGHT - MARGIN + 4);
  cairo_line_to (cr, A4_WIDTH - MARGIN, A4_HEIGHT - MARGIN + 4);
  cairo_stroke (cr);

  report_text (r, source, MARGIN, A4_HEIGHT - MARGIN + 8, width - 60, 7.5, FALSE, &r->theme.dim,
               PANGO_ALIGN_LEFT, 3);
  report_text (r, page, A4_WIDTH - MARGIN - 60, A4_HEIGHT - MARGIN + 8, 60, 8, FALSE,
               &r->theme.dim, PANGO_ALIGN_RIGHT, 1);

  return MARGIN + 6;
}

static char *
report_source (Report             *r,
               const HubsChartKpi *ck)
{
  return hubs_chart_describe_source (NULL, ck, r->lang);
}

static void
report_overview_page (Report              *r,
                      const HubsChartData *data)
{
  const HubsHub *hub = data->hub;
  const char *name = r->lang == HUBS_LANGUAGE_JA ? hub->name_ja : hub->name_en;
  const char *consortium = r->lang == HUBS_LANGUAGE_JA ? hub->consortium_ja : hub->consortium_en;
  g_autofree char *source = report_source (r, NULL);
  g_autofree char *title = hubs_chart_get_title (data, r->lang);
  HubsChartOptions options;
  double width = A4_WIDTH - 2 * MARGIN;
  double y = report_frame (r, name, source);

  y += report_text (r, title, MARGIN, y, width, 18, TRUE, &r->theme.foreground,
                    PANGO_ALIGN_LEFT, 2) + 2;
  if (consortium != NULL && *consortium != '\0')
    y += report_text (r, consortium, MARGIN, y, width, 9.5, FALSE, &r->theme.dim,
                      PANGO_ALIGN_LEFT, 1);
  y += report_text (r,
                    hubs_i18n_gettext (r->lang, N_("Each KPI on its own scale: its start at 0%, "
                                                   "its FY2029 target at 100%. The band is what "
                                                   "the plan expects by now; the ticks are the "
                                                   "targets.")),
                    MARGIN, y + 2, width, 8.5, FALSE, &r->theme.dim, PANGO_ALIGN_LEFT, 2) + 8;

  hubs_chart_options_init (&options, r->lang);
  options.show_title = FALSE;
  options.font_size = 9.5;

  cairo_save (r->cr);
  cairo_translate (r->cr, MARGIN - 8, y);
  hubs_chart_draw (r->cr, data, &r->theme, &options, width + 16, A4_HEIGHT - MARGIN - 16 - y,
                   NULL);
  cairo_restore (r->cr);
}

static void
report_figure_row (Report     *r,
                   const char *label,
                   const char *value,
                   double      x,
                   double     *y,
                   double      width)
{
  double h;

  h = report_text (r, label, x, *y, width * 0.5, 9, FALSE, &r->theme.dim, PANGO_ALIGN_LEFT, 2);
  h = MAX (h, report_text (r, value, x + width * 0.45, *y, width * 0.55, 9, TRUE,
                           &r->theme.foreground, PANGO_ALIGN_RIGHT, 2));
  *y += h + 3;
}

static void
report_kpi_page (Report              *r,
                 const HubsChartData *hub_data,
                 const HubsChartKpi  *ck)
{
  const HubsKpi *kpi = ck->kpi;
  const HubsProgress *pr = &ck->progress;
  HubsLanguage lang = r->lang;
  const char *hub = lang == HUBS_LANGUAGE_JA ? hub_data->hub->name_ja : hub_data->hub->name_en;
  const char *name = lang == HUBS_LANGUAGE_JA ? kpi->name_ja : kpi->name_en;
  const char *note = lang == HUBS_LANGUAGE_JA ? kpi->note_ja : kpi->note_en;
  g_autofree char *source = report_source (r, ck);
  g_autofree char *status = hubs_chart_kpi_describe_status (ck, lang);
  g_autofree char *projection = hubs_chart_kpi_describe_projection (ck, lang);
  g_autoptr(HubsChartData) data = hubs_chart_data_new (HUBS_CHART_TRAJECTORY);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  HubsChartOptions options;
  double width = A4_WIDTH - 2 * MARGIN;
  double chart_w = width * 0.66, panel_x = MARGIN + chart_w + 16, panel_w = width - chart_w - 16;
  double y = report_frame (r, hub, source), chart_top, chart_h, notes_h, py;
  const HubsFigure *baseline = hubs_chart_kpi_get_baseline (ck);

  data->hub = hubs_hub_copy (hub_data->hub);
  hubs_chart_data_add_kpi (data, kpi, ck->figures);

  y += report_text (r, name, MARGIN, y, width, 16, TRUE, &r->theme.foreground,
                    PANGO_ALIGN_LEFT, 2) + 1;
  g_string_append (subtitle, hubs_i18n_pillar_label (lang, kpi->pillar));
  if (kpi->unit != NULL && *kpi->unit != '\0')
    /* Translators: added to the subtitle of a KPI’s page of a report; %s is the unit. */
    g_string_append_printf (subtitle, hubs_i18n_gettext (lang, N_(" | Unit: %s")),
                            hubs_format_kpi_unit (kpi, lang));
  if (pr->is_breakdown)
    {
      for (guint i = 0; i < hub_data->kpis->len; i++)
        {
          const HubsChartKpi *parent = g_ptr_array_index (hub_data->kpis, i);

          if (g_strcmp0 (parent->kpi->id, kpi->parent_id) == 0)
            /* Translators: added to the subtitle of a KPI’s page of a report; %s is the KPI this
             * one is part of. */
            g_string_append_printf (subtitle, hubs_i18n_gettext (lang, N_(" | Breakdown of “%s”")),
                                    lang == HUBS_LANGUAGE_JA ? parent->kpi->name_ja
                                                             : parent->kpi->name_en);
        }
    }
  y += report_text (r, subtitle->str, MARGIN, y, width, 9.5, FALSE, &r->theme.dim,
                    PANGO_ALIGN_LEFT, 1) + 8;

  /* Notes under the chart: the KPI's own, then those of its figures. */
  if (note != NULL && *note != '\0')
    g_string_append (notes, note);
  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);
      const char *figure_note = hubs_format_figure_note (figure, lang);
      g_autofree char *unit_note = hubs_format_figure_unit_note (kpi, figure, lang);
      g_autofree char *fy = NULL;
      const char *kind;

      if (unit_note != NULL)
        {
          if (notes->len > 0)
            g_string_append_c (notes, '\n');
          g_string_append (notes, unit_note);
        }
      if (figure_note == NULL)
        continue;
      fy = hubs_format_fiscal_year (figure->fiscal_year, lang);
      kind = figure->kind == HUBS_FIGURE_BASELINE ? hubs_i18n_gettext (lang, N_("baseline"))
           : figure->kind == HUBS_FIGURE_TARGET ? hubs_i18n_gettext (lang, N_("target"))
           : hubs_i18n_gettext (lang, N_("actual"));
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      /* Translators: %1$s is a fiscal year, %2$s the kind of figure (baseline, target, actual),
       * %3$s the note. */
      g_string_append_printf (notes, hubs_i18n_gettext (lang, N_("Note on the %1$s %2$s: %3$s")),
                              fy, kind, figure_note);
    }

  /* Why the latest actual is behind, and what will be done: what the reader asks next. */
  if (pr->has_actual)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HubsExplanation) explanation = hubs_store_get_explanation (r->store, kpi->id,
                                                                          pr->actual_year,
                                                                          &error);
      g_autofree char *explained = NULL;

      if (explanation == NULL)
        g_warning ("Report: cannot read the explanation of %s: %s", kpi->id, error->message);
      else if ((explained = hubs_explanation_describe (explanation, lang)) != NULL)
        {
          if (notes->len > 0)
            g_string_append_c (notes, '\n');
          g_string_append (notes, explained);
        }
    }

  /* The chart on the left, the figures on the right; the notes take what they need below, up
   * to a third of the page. */
  chart_top = y;
  notes_h = 0;
  if (notes->len > 0)
    notes_h = MIN (report_text (r, notes->str, 0, 0, width, 8.5, FALSE, NULL, PANGO_ALIGN_LEFT, 0)
                   + 22, (A4_HEIGHT - MARGIN - 30 - y) * 0.34);
  chart_h = A4_HEIGHT - MARGIN - 30 - y - notes_h;
  hubs_chart_options_init (&options, lang);
  options.show_title = FALSE;
  options.show_status = FALSE;
  options.font_size = 9;
  cairo_save (r->cr);
  cairo_translate (r->cr, MARGIN - 6, chart_top);
  hubs_chart_draw (r->cr, data, &r->theme, &options, chart_w + 6, chart_h, NULL);
  cairo_restore (r->cr);

  py = chart_top + 4;
  {
    double mark = 11;

    hubs_chart_draw_status_shape (r->cr, pr->status, &r->theme, panel_x + mark / 2,
                                  py + mark / 2 + 1, mark);
    py += report_text (r, hubs_status_get_label (pr->status, lang), panel_x + mark + 5, py,
                       panel_w - mark - 5, 11, TRUE, &r->theme.foreground, PANGO_ALIGN_LEFT,
                       1) + 4;
    py += report_text (r, status, panel_x, py, panel_w, 9, FALSE, &r->theme.foreground,
                       PANGO_ALIGN_LEFT, 5) + 4;
    if (projection != NULL)
      py += report_text (r, projection, panel_x, py, panel_w, 8.5, FALSE, &r->theme.dim,
                         PANGO_ALIGN_LEFT, 5) + 4;
  }

  py += 6;
  cairo_new_path (r->cr);
  hubs_chart_color_set_source (&r->theme.grid, r->cr);
  cairo_set_line_width (r->cr, 0.6);
  cairo_move_to (r->cr, panel_x, py);
  cairo_line_to (r->cr, panel_x + panel_w, py);
  cairo_stroke (r->cr);
  py += 6;

  {
    g_autofree char *label = NULL;
    g_autofree char *value = NULL;

    if (baseline != NULL && baseline->measured)
      {
        g_autofree char *end = hubs_format_fiscal_year_end (baseline->fiscal_year, lang);
        g_autofree char *as_of = hubs_format_as_of (baseline->as_of, lang);

        label = g_strdup_printf (hubs_i18n_gettext (lang, N_("Baseline (%s)")),
                                 as_of != NULL ? as_of : end);
        value = hubs_format_figure (kpi, baseline, lang);
      }
    else
      {
        label = g_strdup (hubs_i18n_gettext (lang, N_("Baseline")));
        value = g_strdup (hubs_i18n_gettext (lang, N_("not measured")));
      }
    report_figure_row (r, label, value, panel_x, &py, panel_w);
  }

  for (guint i = 0; i < ck->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (ck->figures, i);
      g_autofree char *fy = NULL;
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;

      if (figure->kind != HUBS_FIGURE_ACTUAL)
        continue;
      fy = hubs_format_fiscal_year (figure->fiscal_year, lang);
      /* Translators: a row of a KPI’s page of a report; %s is a fiscal year. */
      label = g_strdup_printf (hubs_i18n_gettext (lang, N_("%s actual")), fy);
      if (!figure->measured)
        value = g_strdup (hubs_i18n_gettext (lang, N_("not measured")));
      else
        {
          g_autofree char *v = hubs_format_kpi_value (kpi, figure->value, lang);

          value = figure->confirmed ? g_steal_pointer (&v)
                                    : g_strdup_printf (hubs_i18n_gettext (lang,
                                                                          N_("%s (provisional)")),
                                                       v);
        }
      report_figure_row (r, label, value, panel_x, &py, panel_w);
    }

  for (int year = HUBS_MIDTERM_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year += 2)
    {
      const HubsFigure *figure = hubs_chart_kpi_get_figure (ck, HUBS_FIGURE_TARGET, year);
      g_autofree char *fy = NULL;
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;

      if (figure == NULL)
        continue;
      fy = hubs_format_fiscal_year (year, lang);
      /* Translators: a row of a KPI’s page of a report; %s is a fiscal year. */
      label = g_strdup_printf (hubs_i18n_gettext (lang, N_("%s target")), fy);
      value = figure->measured ? hubs_format_figure (kpi, figure, lang)
                               : g_strdup (hubs_i18n_gettext (lang, N_("not measured")));
      report_figure_row (r, label, value, panel_x, &py, panel_w);
    }

  y = chart_top + chart_h + 8;
  if (notes->len > 0)
    {
      double avail = A4_HEIGHT - MARGIN - 34 - y;
      int lines = (int) MAX (1, floor (avail / 11.5));

      y += report_text (r, hubs_i18n_gettext (lang, N_("Notes")), MARGIN, y, width, 9, TRUE,
                        &r->theme.foreground, PANGO_ALIGN_LEFT, 1) + 2;
      report_text (r, notes->str, MARGIN, y, width, 8.5, FALSE, &r->theme.foreground,
                   PANGO_ALIGN_LEFT, MAX (1, lines - 1));
    }
}

/* One page of the report: a hub's overview (kpi −1) or one of its KPIs. */
typedef struct
{
  guint hub;
  int   kpi;
} ReportPage;

struct _HubsReport
{
  Report     r;
  /* (element-type HubsChartData): each hub's chart data, in the report's order */
  GPtrArray *hub_data;
  /* (element-type utf8): the right of each hub's header: as of when, and made when */
  GPtrArray *dates;
  GArray    *pages;
};

static gboolean
is_stream_or_device (const char *path)
{
  g_autofree char *target = NULL;
  HubsOutputKind kind;

  return hubs_output_resolve (path, &target, &kind, NULL) && kind != HUBS_OUTPUT_REPLACE;
}

/**
 * hubs_report_free:
 * @report: a report
 */
void
hubs_report_free (HubsReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->hub_data, g_ptr_array_unref);
  g_clear_pointer (&report->dates, g_ptr_array_unref);
  g_clear_pointer (&report->pages, g_array_unref);
  g_clear_object (&report->r.store);
  g_free (report);
}

/**
 * hubs_report_new:
 * @store: the database
 * @hub_id: (nullable): one hub, or %NULL for all of them
 * @language: the language of the report
 * @as_of: (nullable): the moment @store shows when it is the database as it stood then
 *   (hubs_store_open_as_of()), which every page's header says
 * @error: a location for a #GError
 *
 * Reads the hubs, KPIs and figures the report shows and lays out its list of pages (for each
 * hub an overview page, then one page per KPI), so that the pages can then be drawn one at a
 * time, in any order and as often as a print preview asks; a KPI's page reads its
 * explanation when it is drawn.
 *
 * Returns: (transfer full): the report, or %NULL with @error set (an unknown hub)
 */
HubsReport *
hubs_report_new (HubsStore     *store,
                 const char    *hub_id,
                 HubsLanguage   language,
                 GDateTime     *as_of,
                 GError       **error)
{
  g_autoptr(HubsReport) report = g_new0 (HubsReport, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *made = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  report->hub_data = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_chart_data_free);
  report->dates = g_ptr_array_new_with_free_func (g_free);
  report->pages = g_array_new (FALSE, FALSE, sizeof (ReportPage));
  report->r.store = g_object_ref (store);
  report->r.lang = language;
  hubs_chart_theme_init_print (&report->r.theme);

  if (hub_id != NULL)
    {
      HubsChartData *data = hubs_chart_data_new_for_hub (store, hub_id, error);

      if (data == NULL)
        return NULL;
      g_ptr_array_add (report->hub_data, data);
    }
  else
    {
      g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (store, error);

      if (hubs == NULL)
        return NULL;
      for (guint i = 0; i < hubs->len; i++)
        {
          HubsChartData *data = hubs_chart_data_new_for_hub (store,
                                                             ((HubsHub *) hubs->pdata[i])->id,
                                                             error);

          if (data == NULL)
            return NULL;
          g_ptr_array_add (report->hub_data, data);
        }
    }

  made = g_date_time_format (now, language == HUBS_LANGUAGE_JA ? "%Y年%-m月%-d日作成"
                                                               : "Made on %Y-%m-%d");
  for (guint i = 0; i < report->hub_data->len; i++)
    {
      const HubsChartData *data = g_ptr_array_index (report->hub_data, i);
      g_autofree char *when = hubs_chart_describe_as_of (store, data, as_of, language);
      ReportPage page = { i, -1 };

      /* Translators: the right of a report page's header: as of when its figures are, then
       * the day the report was made */
      g_ptr_array_add (report->dates, g_strdup_printf (hubs_i18n_gettext (language,
                                                                          N_("%1$s | %2$s")),
                                                       when, made));
      g_array_append_val (report->pages, page);
      for (guint k = 0; k < data->kpis->len; k++)
        {
          page.kpi = k;
          g_array_append_val (report->pages, page);
        }
    }

  return g_steal_pointer (&report);
}

/**
 * hubs_report_get_n_pages:
 * @report: a report
 *
 * Returns: how many pages it has
 */
guint
hubs_report_get_n_pages (HubsReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->pages->len;
}

/**
 * hubs_report_draw_page:
 * @report: a report
 * @cr: where to draw: an A4 landscape page, %HUBS_REPORT_PAGE_WIDTH × %HUBS_REPORT_PAGE_HEIGHT
 *   points from (0, 0)
 * @page: the page, from 0
 *
 * Draws one page of the report: the one drawing of a page, which the PDF file
 * (hubs_report_write()) and the print operation share.
 */
void
hubs_report_draw_page (HubsReport *report,
                       cairo_t    *cr,
                       guint       page)
{
  Report *r;
  const ReportPage *p;
  const HubsChartData *data;

  g_return_if_fail (report != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < report->pages->len);

  r = &report->r;
  p = &g_array_index (report->pages, ReportPage, page);
  data = g_ptr_array_index (report->hub_data, p->hub);

  r->cr = cr;
  r->page = page + 1;
  r->n_pages = report->pages->len;
  r->date = g_ptr_array_index (report->dates, p->hub);
  r->layout = pango_cairo_create_layout (cr);
  pango_context_set_language (pango_layout_get_context (r->layout),
                              pango_language_from_string (r->lang == HUBS_LANGUAGE_JA ? "ja"
                                                                                     : "en"));
  pango_layout_context_changed (r->layout);
  r->font = pango_font_description_from_string (r->theme.font_family);

  cairo_save (cr);
  if (p->kpi < 0)
    report_overview_page (r, data);
  else
    report_kpi_page (r, data, g_ptr_array_index (data->kpis, p->kpi));
  cairo_restore (cr);

  g_clear_pointer (&r->font, pango_font_description_free);
  g_clear_object (&r->layout);
  r->date = NULL;
  r->cr = NULL;
}

/**
 * hubs_report_write:
 * @report: a report
 * @path: the PDF file to write
 * @error: a location for a #GError
 *
 * Writes every page of @report into a PDF. The file at @path is replaced only once the
 * report is complete.
 *
 * Returns: %TRUE when the report was written
 */
gboolean
hubs_report_write (HubsReport  *report,
                   const char  *path,
                   GError     **error)
{
  g_auto(HubsChartWriter) w = { 0 };
  HubsChartFormat format;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A report is always a PDF: a pipe, a device or standard output need no extension. */
  if (is_stream_or_device (path))
    format = HUBS_CHART_FORMAT_PDF;
  else if (!hubs_chart_format_from_path (path, &format, error))
    return FALSE;
  if (format != HUBS_CHART_FORMAT_PDF)
    {
      g_set_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_FORMAT,
                   /* Translators: %s is a file name */
                   _("A report is a PDF file: “%s” must end in .pdf."), path);
      return FALSE;
    }

  if (!hubs_chart_writer_open (&w, path, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (hubs_chart_writer_write_cb, &w, A4_WIDTH,
                                                 A4_HEIGHT);
  hubs_chart_set_pdf_metadata (surface, hubs_i18n_gettext (report->r.lang,
                                                           N_("KPI progress report")));
  cr = cairo_create (surface);
  for (guint i = 0; i < report->pages->len; i++)
    {
      hubs_report_draw_page (report, cr, i);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return hubs_chart_writer_close (&w, status, error);
}

/**
 * hubs_report_export:
 * @store: the database
 * @hub_id: (nullable): one hub, or %NULL for all of them
 * @path: the PDF file to write
 * @language: the language of the report
 * @error: a location for a #GError
 *
 * Writes a multi-page A4 landscape PDF: for each hub an overview page, then one page per KPI
 * with its title, trajectory chart and legend, status, figures, notes (with the explanation
 * of the latest actual, when it is behind the plan) and a source line. The
 * file at @path is replaced only once the report is complete.
 *
 * Returns: %TRUE when the report was written
 */
gboolean
hubs_report_export (HubsStore     *store,
                    const char    *hub_id,
                    const char    *path,
                    HubsLanguage   language,
                    GError       **error)
{
  g_autoptr(HubsReport) report = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A wrong name fails before the database is read. */
  if (!is_stream_or_device (path) && !hubs_chart_format_from_path (path, NULL, error))
    return FALSE;

  return (report = hubs_report_new (store, hub_id, language, NULL, error)) != NULL &&
         hubs_report_write (report, path, error);
}
