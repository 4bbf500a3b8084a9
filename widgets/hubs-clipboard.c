/* hubs-clipboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Copy puts on the clipboard, so it pastes where staff make their slides and documents:
 * a chart as a picture, and as SVG for the programs that take it, drawn exactly as Export
 * Chart draws it; a table of figures as tab-separated text, which spreadsheets split into
 * cells, and as HTML, which word processors and presentation programs paste as a table.
 */

#define G_LOG_DOMAIN "hubs-clipboard"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-chart-export.h"
#include "hubs-clipboard.h"

/* Draws @data into a file of @name in @dir through hubs_chart_export(), so what is copied
 * is what Export Chart writes, print theme and all, and reads the file back. */
static GBytes *
render (const HubsChartData  *data,
        const char           *dir,
        const char           *name,
        HubsLanguage          language,
        GError              **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  gboolean ok;

  ok = hubs_chart_export (data, path, HUBS_CLIPBOARD_CHART_WIDTH, HUBS_CLIPBOARD_CHART_HEIGHT,
                          language, error) &&
       g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);

  return ok ? g_bytes_new_take (g_steal_pointer (&contents), length) : NULL;
}

/**
 * hubs_clipboard_chart_provider_new:
 * @data: a chart
 * @language: the language of its words
 * @error: a location for a #GError
 *
 * The chart at %HUBS_CLIPBOARD_CHART_WIDTH × %HUBS_CLIPBOARD_CHART_HEIGHT in the print
 * theme, as a #GdkTexture (which GTK offers as PNG and the other picture types) and as
 * `image/svg+xml`.
 *
 * Returns: (transfer full): the content, or %NULL with @error set when it could not be drawn
 */
GdkContentProvider *
hubs_clipboard_chart_provider_new (const HubsChartData  *data,
                                   HubsLanguage          language,
                                   GError              **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkContentProvider *providers[2];

  g_return_val_if_fail (data != NULL, NULL);

  if (!(dir = g_dir_make_tmp ("hubs-copy-XXXXXX", error)))
    return NULL;

  if ((png = render (data, dir, "chart.png", language, error)) != NULL &&
      (svg = render (data, dir, "chart.svg", language, error)) != NULL)
    texture = gdk_texture_new_from_bytes (png, error);
  g_rmdir (dir);

  if (texture == NULL)
    return NULL;

  providers[0] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);

  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

/**
 * hubs_clipboard_table_provider_new:
 * @table: a table of figures
 * @caption: (nullable): what it shows, for the HTML's caption
 *
 * The table as `text/html` (a `<table>`) and as plain text with tabs between the cells.
 *
 * Returns: (transfer full): the content
 */
GdkContentProvider *
hubs_clipboard_table_provider_new (HubsFigureTable *table,
                                   const char      *caption)
{
  g_autofree char *html = NULL;
  g_autofree char *tsv = NULL;
  g_autoptr(GBytes) html_bytes = NULL;
  GdkContentProvider *providers[2];

  g_return_val_if_fail (table != NULL, NULL);

  html = hubs_figure_table_to_html (table, caption);
  tsv = hubs_figure_table_to_tsv (table);
  html_bytes = g_bytes_new (html, strlen (html));

  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, tsv);

  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

static void
add_kpi (HubsFigureTable *table,
         HubsLiveKpi     *kpi)
{
  g_autoptr(GPtrArray) figures = hubs_live_kpi_collect_figures (kpi);

  hubs_figure_table_add_kpi (table, hubs_live_kpi_get_kpi (kpi), figures,
                             hubs_live_kpi_get_progress (kpi));
}

/**
 * hubs_clipboard_table_new_for_kpi:
 * @kpi: a KPI of the live model
 * @language: the language of the table's words
 *
 * Returns: (transfer full): the table of the KPI's figures as they are now
 */
HubsFigureTable *
hubs_clipboard_table_new_for_kpi (HubsLiveKpi  *kpi,
                                  HubsLanguage  language)
{
  HubsFigureTable *table;

  g_return_val_if_fail (HUBS_IS_LIVE_KPI (kpi), NULL);

  table = hubs_figure_table_new (language);
  add_kpi (table, kpi);

  return table;
}

/**
 * hubs_clipboard_table_new_for_hub:
 * @hub: a hub of the live model
 * @language: the language of the table's words
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the table of the figures of every KPI of @hub, in the order the
 *   hub page shows them, or %NULL with @error set when its KPIs could not be read
 */
HubsFigureTable *
hubs_clipboard_table_new_for_hub (HubsLiveHub   *hub,
                                  HubsLanguage   language,
                                  GError       **error)
{
  HubsFigureTable *table;
  guint n_kpis;

  g_return_val_if_fail (HUBS_IS_LIVE_HUB (hub), NULL);

  if (!hubs_live_hub_load (hub, error))
    return NULL;

  table = hubs_figure_table_new (language);
  n_kpis = g_list_model_get_n_items (G_LIST_MODEL (hub));
  for (guint i = 0; i < n_kpis; i++)
    {
      g_autoptr(HubsLiveKpi) kpi = g_list_model_get_item (G_LIST_MODEL (hub), i);

      if (!hubs_live_kpi_get_deleted (kpi))
        add_kpi (table, kpi);
    }

  return table;
}
