/* hubs-clipboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Copy puts on the clipboard, so it pastes where staff make their slides and documents:
 * a chart as a picture, and as SVG for the programs that take it; a table of figures as tab-separated text, which spreadsheets split into
 * cells, and as HTML, which word processors and presentation programs paste as a table.
 */

#define G_LOG_DOMAIN "hubs-clipboard"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-clipboard.h"

/**
 * hubs_clipboard_picture_provider_new:
 * @png: a picture as PNG
 * @svg: the same picture as SVG
 * @error: a location for a #GError
 *
 * The picture as a #GdkTexture (which GTK offers as PNG and the other picture types) and as
 * `image/svg+xml`, for the programs that take vectors.
 *
 * Returns: (transfer full): the content, or %NULL with @error set when @png is no picture
 */
GdkContentProvider *
hubs_clipboard_picture_provider_new (GBytes  *png,
                                     GBytes  *svg,
                                     GError **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  GdkContentProvider *providers[2];

  g_return_val_if_fail (png != NULL, NULL);
  g_return_val_if_fail (svg != NULL, NULL);

  if (!(texture = gdk_texture_new_from_bytes (png, error)))
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
