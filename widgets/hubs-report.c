/* hubs-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF report to hand out: a cover, a contents page, the national summary (where every
 * hub's KPIs stand, the national totals of the indicators several hubs count, the comparison
 * of the hubs), then a section per hub chosen: an overview page and a page per KPI chosen
 * with its trajectory, figures and notes. A4 portrait or landscape, in the language the user
 * picks; every page says its number, the moment its figures are of, and their source.
 *
 * The report is gathered once (hubs_report_new()); each page is then drawn on its own
 * (hubs_report_draw_page()) into any cairo context of the page's size in points, so a PDF
 * file and a printer draw the same pages.
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
#include "hubs-national.h"
#include "hubs-report.h"

/* A4, in points. */
#define A4_LONG  841.89
#define A4_SHORT 595.28

typedef enum
{
  PAGE_COVER,
  PAGE_CONTENTS,
  PAGE_SUMMARY_STATUS,
  PAGE_SUMMARY_TOTALS,
  PAGE_SUMMARY_COMPARISON,
  PAGE_HUB_OVERVIEW,
  PAGE_KPI,
} PageKind;

typedef struct
{
  PageKind kind;
  guint    hub;
  guint    kpi;
} Page;

struct _HubsReport
{
  HubsStore     *store;
  HubsLanguage   lang;
  double         width;
  double         height;
  guint          portrait : 1;
  /* (element-type HubsChartData): the hubs with a section, their chosen KPIs */
  GPtrArray     *hub_data;
  /* (element-type utf8): for each of hub_data, as of when its figures are, and whether its
   * latest year is the one submitted (hubs_chart_describe_as_of()) */
  GPtrArray     *hub_as_of;
  /* The national summary, or NULL */
  HubsNational  *national;
  HubsChartData *comparison;
  /* The hub the comparison marks out: the only one with a section */
  char          *highlight_hub;
  GArray        *pages;
  char          *title;
  char          *made;
  char          *as_of;
  guint          n_hubs_in_store;
  guint          n_kpis_chosen;
  guint          all_kpis : 1;
};

/* What drawing one page needs. */
typedef struct
{
  HubsReport           *report;
  HubsStore            *store;
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *font;
  HubsChartTheme        theme;
  HubsLanguage          lang;
  double                width;
  double                height;
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

/* The header and footer of every page: the report and what the page is of, the moment the
 * figures are of, the source and the page's number. Returns the y where the body starts. */
static double
report_frame (Report              *r,
              const char          *hub,
              const HubsChartData *hub_data,
              const char          *source)
{
  const char *as_of = r->report->as_of;
  guint index;
  g_autofree char *page = g_strdup_printf ("%u / %u", r->page, r->n_pages);
  /* Translators: the header of each page of a report; %s is the hub city. */
  g_autofree char *header = g_strdup_printf (hubs_i18n_gettext (r->lang, N_("%s | KPI progress "
                                                                            "report")), hub);
  double width = r->width - 2 * MARGIN;
  cairo_t *cr = r->cr;

  report_text (r, header, MARGIN, MARGIN - 14, width * 0.6, 8, FALSE, &r->theme.dim,
               PANGO_ALIGN_LEFT, 1);
  /* A hub's pages say as of when its own figures are, and for a submitted year, that they
   * are as submitted. */
  if (hub_data != NULL && g_ptr_array_find (r->report->hub_data, hub_data, &index))
    as_of = g_ptr_array_index (r->report->hub_as_of, index);
  report_text (r, as_of, MARGIN + width * 0.4, MARGIN - 14, width * 0.6, 8, FALSE,
               &r->theme.dim, PANGO_ALIGN_RIGHT, 1);

  cairo_new_path (cr);
  hubs_chart_color_set_source (&r->theme.grid, cr);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN, MARGIN - 2);
  cairo_line_to (cr, r->width - MARGIN, MARGIN - 2);
  cairo_move_to (cr, MARGIN, r->height - MARGIN + 4);
  cairo_line_to (cr, r->width - MARGIN, r->height - MARGIN + 4);
  cairo_stroke (cr);

  report_text (r, source, MARGIN, r->height - MARGIN + 8, width - 60, 7.5, FALSE, &r->theme.dim,
               PANGO_ALIGN_LEFT, 3);
  report_text (r, page, r->width - MARGIN - 60, r->height - MARGIN + 8, 60, 8, FALSE,
               &r->theme.dim, PANGO_ALIGN_RIGHT, 1);

  return MARGIN + 6;
}

/* The source line at a page's foot: the one the charts' stamps carry. */
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
  double width = r->width - 2 * MARGIN;
  double y = report_frame (r, name, data, source);

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
  hubs_chart_draw (r->cr, data, &r->theme, &options, width + 16, r->height - MARGIN - 16 - y,
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
  gboolean portrait = r->report->portrait;
  double width = r->width - 2 * MARGIN;
  /* Landscape: the chart on the left, the figures on the right. Portrait: the chart across
   * the page, the status and the figures side by side under it. */
  double chart_w = portrait ? width : width * 0.66;
  double panel_x = portrait ? MARGIN : MARGIN + chart_w + 16;
  double panel_w = portrait ? width * 0.48 : width - chart_w - 16;
  double rows_x = portrait ? MARGIN + width * 0.52 : panel_x;
  double rows_w = panel_w;
  double y = report_frame (r, hub, hub_data, source), chart_top, chart_h, notes_h, py, rows_y;
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
                   + 22, (r->height - MARGIN - 30 - y) * 0.34);
  chart_h = r->height - MARGIN - 30 - y - notes_h;
  /* What the status and the eight rows of figures take under a portrait chart. */
  if (portrait)
    chart_h = MAX (chart_h - 190, 200);
  hubs_chart_options_init (&options, lang);
  options.show_title = FALSE;
  options.show_status = FALSE;
  options.font_size = 9;
  cairo_save (r->cr);
  cairo_translate (r->cr, MARGIN - 6, chart_top);
  hubs_chart_draw (r->cr, data, &r->theme, &options, chart_w + 6, chart_h, NULL);
  cairo_restore (r->cr);

  py = portrait ? chart_top + chart_h + 10 : chart_top + 4;
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

  if (portrait)
    rows_y = chart_top + chart_h + 10;
  else
    {
      py += 6;
      cairo_new_path (r->cr);
      hubs_chart_color_set_source (&r->theme.grid, r->cr);
      cairo_set_line_width (r->cr, 0.6);
      cairo_move_to (r->cr, panel_x, py);
      cairo_line_to (r->cr, panel_x + panel_w, py);
      cairo_stroke (r->cr);
      rows_y = py + 6;
    }

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
    report_figure_row (r, label, value, rows_x, &rows_y, rows_w);
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
      report_figure_row (r, label, value, rows_x, &rows_y, rows_w);
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
      report_figure_row (r, label, value, rows_x, &rows_y, rows_w);
    }

  y = portrait ? MAX (py, rows_y) + 6 : chart_top + chart_h + 8;
  if (notes->len > 0)
    {
      double avail = r->height - MARGIN - 34 - y;
      int lines = (int) MAX (1, floor (avail / 11.5));

      y += report_text (r, hubs_i18n_gettext (lang, N_("Notes")), MARGIN, y, width, 9, TRUE,
                        &r->theme.foreground, PANGO_ALIGN_LEFT, 1) + 2;
      report_text (r, notes->str, MARGIN, y, width, 8.5, FALSE, &r->theme.foreground,
                   PANGO_ALIGN_LEFT, MAX (1, lines - 1));
    }
}

/* The words of what a page of the report is, for its header and the contents. */
static const char *
scope_name (Report *r)
{
  return hubs_i18n_gettext (r->lang, N_("All hub cities"));
}

static void
report_cover_page (Report *r)
{
  HubsReport *report = r->report;
  g_autofree char *source = report_source (r, NULL);
  g_autoptr(GString) hubs = g_string_new (NULL);
  g_autofree char *kpis = NULL;
  double width = r->width - 2 * MARGIN;
  double y;

  report_frame (r, scope_name (r), NULL, source);

  y = r->height * 0.28;
  y += report_text (r, hubs_i18n_gettext (r->lang, N_("Startup Ecosystem Hub Cities, phase 2 "
                                                      "(FY2025–FY2029)")),
                    MARGIN, y, width, 12, FALSE, &r->theme.dim, PANGO_ALIGN_LEFT, 2) + 6;
  y += report_text (r, report->title, MARGIN, y, width, 30, TRUE, &r->theme.foreground,
                    PANGO_ALIGN_LEFT, 2) + 18;

  cairo_new_path (r->cr);
  hubs_chart_color_set_source (&r->theme.actual, r->cr);
  cairo_rectangle (r->cr, MARGIN, y, 64, 3);
  cairo_fill (r->cr);
  y += 20;

  if (report->hub_data->len == report->n_hubs_in_store)
    g_string_append_printf (hubs,
                            /* Translators: on the cover of a report */
                            hubs_i18n_ngettext (r->lang, "All %u hub city",
                                                "All %u hub cities", report->n_hubs_in_store),
                            report->n_hubs_in_store);
  else
    {
      for (guint i = 0; i < report->hub_data->len; i++)
        {
          const HubsHub *hub = ((HubsChartData *) g_ptr_array_index (report->hub_data, i))->hub;

          if (i > 0)
            g_string_append (hubs, hubs_i18n_gettext (r->lang, N_(", ")));
          g_string_append (hubs, r->lang == HUBS_LANGUAGE_JA ? hub->name_ja : hub->name_en);
        }
    }
  y += report_text (r, hubs->str, MARGIN, y, width, 14, TRUE, &r->theme.foreground,
                    PANGO_ALIGN_LEFT, 4) + 6;

  if (report->all_kpis)
    kpis = g_strdup (hubs_i18n_gettext (r->lang, N_("Every KPI of these hub cities")));
  else
    kpis = g_strdup_printf (/* Translators: on the cover of a report */
                            hubs_i18n_ngettext (r->lang, "%u KPI chosen", "%u KPIs chosen",
                                                report->n_kpis_chosen),
                            report->n_kpis_chosen);
  y += report_text (r, kpis, MARGIN, y, width, 11, FALSE, &r->theme.foreground,
                    PANGO_ALIGN_LEFT, 1) + 18;

  y += report_text (r, report->as_of, MARGIN, y, width, 11, TRUE, &r->theme.foreground,
                    PANGO_ALIGN_LEFT, 1) + 4;
  report_text (r, report->made, MARGIN, y, width, 10, FALSE, &r->theme.dim, PANGO_ALIGN_LEFT, 1);
}

/* The entries of the contents, with the page each starts on (1-based). */
static GPtrArray *
list_contents (HubsReport *report,
               GArray     *page_numbers,
               GArray     *levels)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < report->pages->len; i++)
    {
      const Page *page = &g_array_index (report->pages, Page, i);
      const char *title = NULL;
      guint level = 1;
      guint number = i + 1;

      switch (page->kind)
        {
        case PAGE_SUMMARY_STATUS:
          g_ptr_array_add (titles, g_strdup (hubs_i18n_gettext (report->lang,
                                                                N_("National Summary"))));
          g_array_append_val (page_numbers, number);
          level = 0;
          g_array_append_val (levels, level);
          level = 1;
          title = hubs_i18n_gettext (report->lang, N_("Status by Hub City"));
          break;
        case PAGE_SUMMARY_TOTALS:
          title = hubs_i18n_gettext (report->lang, N_("National Totals"));
          break;
        case PAGE_SUMMARY_COMPARISON:
          title = hubs_i18n_gettext (report->lang, N_("Comparison of the Hubs"));
          break;
        case PAGE_HUB_OVERVIEW:
          {
            const HubsHub *hub = ((HubsChartData *) g_ptr_array_index (report->hub_data,
                                                                       page->hub))->hub;

            title = report->lang == HUBS_LANGUAGE_JA ? hub->name_ja : hub->name_en;
            level = 0;
          }
          break;
        case PAGE_COVER:
        case PAGE_CONTENTS:
        case PAGE_KPI:
        default:
          break;
        }

      if (title == NULL)
        continue;
      g_ptr_array_add (titles, g_strdup (title));
      g_array_append_val (page_numbers, number);
      g_array_append_val (levels, level);
    }

  return titles;
}

static void
report_contents_page (Report *r)
{
  g_autofree char *source = report_source (r, NULL);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) titles = list_contents (r->report, numbers, levels);
  double width = r->width - 2 * MARGIN;
  double y = report_frame (r, scope_name (r), NULL, source) + 8;
  double line = MIN (22, (r->height - MARGIN - 30 - y - 40) / MAX (titles->len, 1));
  double size = MIN (11, line * 0.55);

  y += report_text (r, hubs_i18n_gettext (r->lang, N_("Contents")), MARGIN, y, width, 18, TRUE,
                    &r->theme.foreground, PANGO_ALIGN_LEFT, 1) + 14;

  for (guint i = 0; i < titles->len; i++)
    {
      guint level = g_array_index (levels, guint, i);
      g_autofree char *number = g_strdup_printf ("%u", g_array_index (numbers, guint, i));
      double x = MARGIN + level * 18;
      double tw;

      tw = report_text (r, number, MARGIN + width - 40, y, 40, size, level == 0, &r->theme.foreground,
                        PANGO_ALIGN_RIGHT, 1);
      report_text (r, g_ptr_array_index (titles, i), x, y, width - 60 - level * 18, size,
                   level == 0, &r->theme.foreground, PANGO_ALIGN_LEFT, 1);
      /* A dotted leader from the title to its page. */
      cairo_new_path (r->cr);
      hubs_chart_color_set_source (&r->theme.grid, r->cr);
      cairo_set_line_width (r->cr, 0.8);
      cairo_set_dash (r->cr, (double[]) { 1, 3 }, 2, 0);
      cairo_move_to (r->cr, MARGIN + width * 0.55, y + tw * 0.8);
      cairo_line_to (r->cr, MARGIN + width - 44, y + tw * 0.8);
      cairo_stroke (r->cr);
      cairo_set_dash (r->cr, NULL, 0, 0);
      y += line;
    }
}

/* The title and the line under it of a page of the national summary; returns the y below. */
static double
summary_heading (Report     *r,
                 const char *title,
                 const char *subtitle)
{
  g_autofree char *source = report_source (r, NULL);
  double width = r->width - 2 * MARGIN;
  double y = report_frame (r, hubs_i18n_gettext (r->lang, N_("National Summary")), NULL,
                           source);

  y += report_text (r, title, MARGIN, y, width, 16, TRUE, &r->theme.foreground, PANGO_ALIGN_LEFT,
                    2) + 2;
  y += report_text (r, subtitle, MARGIN, y, width, 8.5, FALSE, &r->theme.dim, PANGO_ALIGN_LEFT,
                    3) + 10;
  return y;
}

static void
rule (Report *r,
      double  y)
{
  cairo_new_path (r->cr);
  hubs_chart_color_set_source (&r->theme.grid, r->cr);
  cairo_set_line_width (r->cr, 0.6);
  cairo_move_to (r->cr, MARGIN, y);
  cairo_line_to (r->cr, r->width - MARGIN, y);
  cairo_stroke (r->cr);
}

/* Every hub: how many of its KPIs stand where, with the share on track. */
static void
report_summary_status_page (Report *r)
{
  const HubsNational *national = r->report->national;
  double width = r->width - 2 * MARGIN;
  double name_w = width * (r->report->portrait ? 0.22 : 0.2);
  double share_w = width * (r->report->portrait ? 0.26 : 0.28);
  double col_w = (width - name_w - share_w) / (HUBS_N_STATUSES + 1);
  double y = summary_heading (r, hubs_i18n_gettext (r->lang, N_("Status by Hub City")),
                              hubs_i18n_gettext (r->lang, N_("How many of each hub’s KPIs "
                                                             "stand where, by their latest "
                                                             "actual; breakdown KPIs are not "
                                                             "counted.")));
  double head_h = 0, row_h;
  double size = 8.5;

  /* The heading: each status with its mark and its word. */
  report_text (r, hubs_i18n_gettext (r->lang, N_("Hub city")), MARGIN, y, name_w, size, TRUE,
               &r->theme.foreground, PANGO_ALIGN_LEFT, 2);
  report_text (r, hubs_i18n_gettext (r->lang, N_("Share on track")), MARGIN + name_w, y, share_w,
               size, TRUE, &r->theme.foreground, PANGO_ALIGN_LEFT, 2);
  for (HubsStatus s = 0; s < HUBS_N_STATUSES; s++)
    {
      double x = MARGIN + name_w + share_w + s * col_w;

      hubs_chart_draw_status_shape (r->cr, s, &r->theme, x + col_w / 2, y + 5, 8);
      head_h = MAX (head_h, report_text (r, hubs_status_get_label (s, r->lang), x, y + 12,
                                         col_w, 7, TRUE, &r->theme.foreground,
                                         PANGO_ALIGN_CENTER, 3) + 12);
    }
  report_text (r, hubs_i18n_gettext (r->lang, N_("KPIs")), MARGIN + width - col_w, y, col_w,
               size, TRUE, &r->theme.foreground, PANGO_ALIGN_CENTER, 1);
  y += head_h + 4;
  rule (r, y);
  y += 4;

  row_h = MIN (30, (r->height - MARGIN - 30 - y) / MAX (national->hubs->len, 1));
  for (guint i = 0; i < national->hubs->len; i++)
    {
      const HubsNationalHub *nh = g_ptr_array_index (national->hubs, i);
      g_autofree char *share = hubs_national_hub_describe_on_track (nh, r->lang);
      g_autofree char *n = g_strdup_printf ("%u", nh->all.n_kpis);
      gboolean marked = g_strcmp0 (nh->hub->id, r->report->highlight_hub) == 0;

      if (marked)
        {
          cairo_new_path (r->cr);
          hubs_chart_color_set_source_alpha (&r->theme.actual, r->cr, 0.12);
          cairo_rectangle (r->cr, MARGIN - 4, y - 2, width + 8, row_h);
          cairo_fill (r->cr);
        }
      report_text (r, r->lang == HUBS_LANGUAGE_JA ? nh->hub->name_ja : nh->hub->name_en,
                   MARGIN, y, name_w - 6, size + 0.5, TRUE, &r->theme.foreground,
                   PANGO_ALIGN_LEFT, 1);
      report_text (r, share, MARGIN + name_w, y, share_w - 6, size - 0.5, FALSE,
                   &r->theme.foreground, PANGO_ALIGN_LEFT, 2);
      for (HubsStatus s = 0; s < HUBS_N_STATUSES; s++)
        {
          g_autofree char *count = g_strdup_printf ("%u", nh->all.n_by_status[s]);

          report_text (r, nh->all.n_by_status[s] > 0 ? count : "·",
                       MARGIN + name_w + share_w + s * col_w, y, col_w, size + 0.5,
                       nh->all.n_by_status[s] > 0, nh->all.n_by_status[s] > 0
                       ? &r->theme.foreground : &r->theme.dim, PANGO_ALIGN_CENTER, 1);
        }
      report_text (r, n, MARGIN + width - col_w, y, col_w, size + 0.5, FALSE, &r->theme.dim,
                   PANGO_ALIGN_CENTER, 1);
      y += row_h;
      rule (r, y - 3);
    }
}

/* The national totals: each indicator's sums, how many hubs each covers, and who is left out. */
static void
report_summary_totals_page (Report *r)
{
  const HubsNational *national = r->report->national;
  g_autofree char *fy = hubs_format_fiscal_year (national->fiscal_year, r->lang);
  g_autofree char *subtitle = g_strdup_printf (hubs_i18n_gettext (r->lang,
                                                                  N_("Each total adds up only "
                                                                     "the hubs that count the "
                                                                     "indicator in the same unit "
                                                                     "and the same way; the "
                                                                     "others are named with the "
                                                                     "reason. Actuals of %s.")),
                                               fy);
  double width = r->width - 2 * MARGIN;
  double name_w = width * (r->report->portrait ? 0.28 : 0.32);
  double col_w = (width - name_w) / HUBS_NATIONAL_N_COLUMNS;
  double y = summary_heading (r, hubs_i18n_gettext (r->lang, N_("National Totals")), subtitle);
  double avail, block;

  if (national->totals->len == 0)
    {
      report_text (r, hubs_i18n_gettext (r->lang, N_("No KPI of this database counts an "
                                                     "indicator that other hubs count too.")),
                   MARGIN, y, width, 10, FALSE, &r->theme.foreground, PANGO_ALIGN_LEFT, 2);
      return;
    }

  report_text (r, hubs_i18n_gettext (r->lang, N_("Indicator")), MARGIN, y, name_w, 8.5, TRUE,
               &r->theme.foreground, PANGO_ALIGN_LEFT, 1);
  for (HubsNationalColumn c = 0; c < HUBS_NATIONAL_N_COLUMNS; c++)
    {
      g_autofree char *title = hubs_national_column_get_title (national, c, r->lang);

      report_text (r, title, MARGIN + name_w + c * col_w, y, col_w - 4, 8.5, TRUE,
                   &r->theme.foreground, PANGO_ALIGN_RIGHT, 2);
    }
  y += 26;
  rule (r, y - 4);

  avail = r->height - MARGIN - 30 - y;
  block = MIN (72, avail / national->totals->len);
  for (guint i = 0; i < national->totals->len; i++)
    {
      const HubsNationalTotal *t = g_ptr_array_index (national->totals, i);
      g_autofree char *left_out = hubs_national_total_describe_left_out (t, r->lang);
      double h;

      h = report_text (r, hubs_national_indicator_get_label (t->key, r->lang), MARGIN, y + 2,
                       name_w - 8, 9.5, TRUE, &r->theme.foreground, PANGO_ALIGN_LEFT, 2);
      for (HubsNationalColumn c = 0; c < HUBS_NATIONAL_N_COLUMNS; c++)
        {
          const HubsNationalSum *sum = &t->sums[c];
          g_autofree char *value = sum->n_hubs > 0 && t->kpi != NULL
                                   ? hubs_format_kpi_value (t->kpi, sum->value, r->lang)
                                   : g_strdup ("—");
          g_autofree char *coverage = hubs_national_sum_describe_coverage (t, c, r->lang);
          double x = MARGIN + name_w + c * col_w;
          double vh;

          vh = report_text (r, value, x, y + 2, col_w - 4, 10, TRUE, &r->theme.foreground,
                            PANGO_ALIGN_RIGHT, 1);
          vh += report_text (r, coverage, x, y + 2 + vh, col_w - 4, 7.5, FALSE, &r->theme.dim,
                             PANGO_ALIGN_RIGHT, 1);
          h = MAX (h, vh);
        }
      if (left_out != NULL)
        report_text (r, left_out, MARGIN, y + 4 + h, width, 7.5, FALSE, &r->theme.dim,
                     PANGO_ALIGN_LEFT, MAX (1, (int) floor ((block - h - 8) / 9.5)));
      y += block;
      rule (r, y - 3);
    }
}

static void
report_summary_comparison_page (Report *r)
{
  HubsChartOptions options;
  double width = r->width - 2 * MARGIN;
  double y = summary_heading (r, hubs_i18n_gettext (r->lang, N_("Comparison of the Hubs")),
                              hubs_i18n_gettext (r->lang, N_("For each hub, overall and per "
                                                             "pillar, the mean share of the "
                                                             "planned progress its KPIs "
                                                             "achieved.")));

  hubs_chart_options_init (&options, r->lang);
  options.show_title = FALSE;
  options.font_size = 9;
  options.highlight = r->report->highlight_hub;
  cairo_save (r->cr);
  cairo_translate (r->cr, MARGIN - 8, y);
  hubs_chart_draw (r->cr, r->report->comparison, &r->theme, &options, width + 16,
                   r->height - MARGIN - 16 - y, NULL);
  cairo_restore (r->cr);
}

/**
 * hubs_report_options_init:
 * @options: (out caller-allocates): the options
 * @language: the language of the report
 *
 * The report of every hub and KPI, A4 landscape, with its national summary, as of now.
 */
void
hubs_report_options_init (HubsReportOptions *options,
                          HubsLanguage       language)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->language = language;
  options->national_summary = TRUE;
}

static gboolean
strv_has (const char * const *strv,
          const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}

/* The report says which moment its figures are of, on every page: "As of 2 December 2026,
 * 10:15" (now), "As it stood on 31 March 2026, 17:00" (a report of the past, as the stamp of a
 * chart says it), or the day it was made, "Made on 2 December 2026". */
static char *
format_moment (GDateTime    *when,
               HubsLanguage  lang,
               gboolean      as_of,
               gboolean      past)
{
  g_autofree char *moment = hubs_format_moment (when, lang);
  g_autofree char *day = NULL;

  if (as_of)
    /* Translators: the header of a report's page: the moment its figures are of, now or then */
    return g_strdup_printf (hubs_i18n_gettext (lang, past ? N_("As it stood on %s")
                                                          : N_("As of %s")), moment);

  day = hubs_format_day_of (when, lang);
  /* Translators: on a report's cover: the day it was made */
  return g_strdup_printf (hubs_i18n_gettext (lang, N_("Made on %s")), day);
}

/**
 * hubs_report_new:
 * @store: the database
 * @options: what goes into the report
 * @error: a location for a #GError
 *
 * Gathers everything the report shows, so a bad hub or KPI fails before anything is drawn:
 * a hub or KPI that is not in @store, or a KPI of a hub left out of @options' hubs.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
HubsReport *
hubs_report_new (HubsStore                *store,
                 const HubsReportOptions  *options,
                 GError                  **error)
{
  g_autoptr(HubsReport) self = NULL;
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GPtrArray) kpi_hubs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  Page page = { 0 };

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_new0 (HubsReport, 1);
  self->store = g_object_ref (store);
  self->lang = options->language;
  self->portrait = options->portrait;
  self->width = options->portrait ? A4_SHORT : A4_LONG;
  self->height = options->portrait ? A4_LONG : A4_SHORT;
  self->hub_data = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_chart_data_free);
  self->hub_as_of = g_ptr_array_new_with_free_func (g_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  self->title = g_strdup (hubs_i18n_gettext (self->lang, N_("KPI Progress Report")));
  self->made = format_moment (now, self->lang, FALSE, FALSE);
  self->as_of = format_moment (options->as_of != NULL ? options->as_of : now, self->lang, TRUE,
                               options->as_of != NULL);
  self->all_kpis = options->kpi_ids == NULL;

  /* Every hub and KPI asked for exists, and each KPI is of a hub asked for. */
  for (guint i = 0; options->hub_ids != NULL && options->hub_ids[i] != NULL; i++)
    {
      g_autoptr(HubsHub) hub = hubs_store_get_hub (store, options->hub_ids[i], error);

      if (hub == NULL)
        return NULL;
    }
  for (guint i = 0; options->kpi_ids != NULL && options->kpi_ids[i] != NULL; i++)
    {
      g_autoptr(HubsKpi) kpi = hubs_store_get_kpi (store, options->kpi_ids[i], error);

      if (kpi == NULL)
        return NULL;
      if (options->hub_ids != NULL && !strv_has (options->hub_ids, kpi->hub_id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       /* Translators: %1$s is a KPI's id, %2$s a hub city's id */
                       _("The KPI “%1$s” is of the hub city “%2$s”, which is not in the report."),
                       kpi->id, kpi->hub_id);
          return NULL;
        }
      g_ptr_array_add (kpi_hubs, g_strdup (kpi->hub_id));
    }

  if (!(hubs = hubs_store_list_hubs (store, error)))
    return NULL;
  self->n_hubs_in_store = hubs->len;

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      HubsChartData *data;

      if (options->hub_ids != NULL ? !strv_has (options->hub_ids, hub->id)
          : options->kpi_ids != NULL &&
            !g_ptr_array_find_with_equal_func (kpi_hubs, hub->id, g_str_equal, NULL))
        continue;
      if (!(data = hubs_chart_data_new_for_hub (store, hub->id, error)))
        return NULL;
      for (guint k = data->kpis->len; options->kpi_ids != NULL && k > 0; k--)
        if (!strv_has (options->kpi_ids,
                       ((HubsChartKpi *) g_ptr_array_index (data->kpis, k - 1))->kpi->id))
          g_ptr_array_remove_index (data->kpis, k - 1);
      self->n_kpis_chosen += data->kpis->len;
      g_ptr_array_add (self->hub_as_of,
                       hubs_chart_describe_as_of (store, data, options->as_of, self->lang));
      g_ptr_array_add (self->hub_data, data);
    }

  if (self->hub_data->len == 1)
    self->highlight_hub = g_strdup (((HubsChartData *) self->hub_data->pdata[0])->hub->id);

  if (options->national_summary)
    {
      if (!(self->national = hubs_national_new_for_store (store, 0, error)) ||
          !(self->comparison = hubs_chart_data_new_comparison (store, error)))
        return NULL;
    }

  /* The pages, in order. */
  page.kind = PAGE_COVER;
  g_array_append_val (self->pages, page);
  page.kind = PAGE_CONTENTS;
  g_array_append_val (self->pages, page);
  if (self->national != NULL)
    {
      page.kind = PAGE_SUMMARY_STATUS;
      g_array_append_val (self->pages, page);
      page.kind = PAGE_SUMMARY_TOTALS;
      g_array_append_val (self->pages, page);
      page.kind = PAGE_SUMMARY_COMPARISON;
      g_array_append_val (self->pages, page);
    }
  for (guint h = 0; h < self->hub_data->len; h++)
    {
      const HubsChartData *data = g_ptr_array_index (self->hub_data, h);

      page.kind = PAGE_HUB_OVERVIEW;
      page.hub = h;
      g_array_append_val (self->pages, page);
      for (guint k = 0; k < data->kpis->len; k++)
        {
          page.kind = PAGE_KPI;
          page.kpi = k;
          g_array_append_val (self->pages, page);
        }
    }

  return g_steal_pointer (&self);
}

void
hubs_report_free (HubsReport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->store);
  g_clear_pointer (&self->hub_data, g_ptr_array_unref);
  g_clear_pointer (&self->hub_as_of, g_ptr_array_unref);
  g_clear_pointer (&self->national, hubs_national_free);
  g_clear_pointer (&self->comparison, hubs_chart_data_free);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self->highlight_hub);
  g_free (self->title);
  g_free (self->made);
  g_free (self->as_of);
  g_free (self);
}

/**
 * hubs_report_get_n_pages:
 * @self: a report
 *
 * Returns: how many pages the report has
 */
guint
hubs_report_get_n_pages (HubsReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

/**
 * hubs_report_get_page_size:
 * @self: a report
 * @width: (out): the width of a page in points
 * @height: (out): the height of a page in points
 */
void
hubs_report_get_page_size (HubsReport *self,
                           double     *width,
                           double     *height)
{
  g_return_if_fail (self != NULL);

  *width = self->width;
  *height = self->height;
}

/**
 * hubs_report_get_title:
 * @self: a report
 *
 * Returns: the report's title, in its language
 */
const char *
hubs_report_get_title (HubsReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/**
 * hubs_report_draw_page:
 * @self: a report
 * @cr: a cairo context whose user space is the page, in points, from its top left corner
 * @page: the page, from 0
 *
 * Draws one page of the report with the fixed light print theme: for a PDF page, a printed
 * page, or a preview.
 */
void
hubs_report_draw_page (HubsReport *self,
                       cairo_t    *cr,
                       guint       page)
{
  const Page *p;
  Report r = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  r.report = self;
  r.store = self->store;
  r.cr = cr;
  r.lang = self->lang;
  r.width = self->width;
  r.height = self->height;
  r.page = page + 1;
  r.n_pages = self->pages->len;
  r.layout = pango_cairo_create_layout (cr);
  pango_context_set_language (pango_layout_get_context (r.layout),
                              pango_language_from_string (self->lang == HUBS_LANGUAGE_JA ? "ja"
                                                                                         : "en"));
  pango_layout_context_changed (r.layout);
  hubs_chart_theme_init_print (&r.theme);
  r.font = pango_font_description_from_string (r.theme.font_family);

  cairo_save (cr);
  switch (p->kind)
    {
    case PAGE_COVER:
      report_cover_page (&r);
      break;
    case PAGE_CONTENTS:
      report_contents_page (&r);
      break;
    case PAGE_SUMMARY_STATUS:
      report_summary_status_page (&r);
      break;
    case PAGE_SUMMARY_TOTALS:
      report_summary_totals_page (&r);
      break;
    case PAGE_SUMMARY_COMPARISON:
      report_summary_comparison_page (&r);
      break;
    case PAGE_HUB_OVERVIEW:
      report_overview_page (&r, g_ptr_array_index (self->hub_data, p->hub));
      break;
    case PAGE_KPI:
    default:
      {
        const HubsChartData *data = g_ptr_array_index (self->hub_data, p->hub);

        report_kpi_page (&r, data, g_ptr_array_index (data->kpis, p->kpi));
      }
      break;
    }
  cairo_restore (cr);

  pango_font_description_free (r.font);
  g_object_unref (r.layout);
}

static gboolean
is_stream_or_device (const char *path)
{
  g_autofree char *target = NULL;
  HubsOutputKind kind;

  return hubs_output_resolve (path, &target, &kind, NULL) && kind != HUBS_OUTPUT_REPLACE;
}

static gboolean
check_pdf_path (const char  *path,
                GError     **error)
{
  HubsChartFormat format;

  /* A report is always a PDF: a pipe, a device or standard output need no extension. */
  if (is_stream_or_device (path))
    return TRUE;
  if (!hubs_chart_format_from_path (path, &format, error))
    return FALSE;
  if (format != HUBS_CHART_FORMAT_PDF)
    {
      g_set_error (error, HUBS_CHART_EXPORT_ERROR, HUBS_CHART_EXPORT_ERROR_FORMAT,
                   /* Translators: %s is a file name */
                   _("A report is a PDF file: “%s” must end in .pdf."), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * hubs_report_write_pdf:
 * @self: a report
 * @path: the PDF file to write
 * @error: a location for a #GError
 *
 * Writes every page of the report to @path, which is replaced only once the report is
 * complete.
 *
 * Returns: %TRUE when the report was written
 */
gboolean
hubs_report_write_pdf (HubsReport  *self,
                       const char  *path,
                       GError     **error)
{
  g_auto(HubsChartWriter) w = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_pdf_path (path, error) || !hubs_chart_writer_open (&w, path, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (hubs_chart_writer_write_cb, &w, self->width,
                                                 self->height);
  hubs_chart_set_pdf_metadata (surface, self->title);
  cr = cairo_create (surface);

  for (guint i = 0; i < self->pages->len; i++)
    {
      hubs_report_draw_page (self, cr, i);
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
 * hubs_report_export_with_options:
 * @store: the database
 * @options: what goes into the report
 * @path: the PDF file to write
 * @error: a location for a #GError
 *
 * Writes the report @options describe (see hubs_report_new()) to @path. Nothing is written
 * when a hub or KPI asked for is not there, or @path is not a PDF.
 *
 * Returns: %TRUE when the report was written
 */
gboolean
hubs_report_export_with_options (HubsStore                *store,
                                 const HubsReportOptions  *options,
                                 const char               *path,
                                 GError                  **error)
{
  g_autoptr(HubsReport) report = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_pdf_path (path, error) || !(report = hubs_report_new (store, options, error)))
    return FALSE;

  return hubs_report_write_pdf (report, path, error);
}

/**
 * hubs_report_export:
 * @store: the database
 * @hub_id: (nullable): one hub, or %NULL for all of them
 * @path: the PDF file to write
 * @language: the language of the report
 * @error: a location for a #GError
 *
 * Writes the A4 landscape report of one hub or of all, with every KPI: a cover, the contents,
 * the national summary, then for each hub an overview page and a page per KPI with its title,
 * trajectory chart and legend, status, figures, notes (with the explanation of the latest
 * actual, when it is behind the plan) and a source line. The file at @path is replaced only
 * once the report is complete.
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
  const char *hub_ids[] = { hub_id, NULL };
  HubsReportOptions options;

  hubs_report_options_init (&options, language);
  options.hub_ids = hub_id != NULL ? hub_ids : NULL;

  return hubs_report_export_with_options (store, &options, path, error);
}
