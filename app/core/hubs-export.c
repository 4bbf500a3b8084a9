/* hubs-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the store's figures out as CSV: one row per figure (the long layout), or one row per
 * KPI and kind with a column per fiscal year (the wide layout staff keep in Excel).
 */

#define G_LOG_DOMAIN "hubs-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-csv.h"
#include "hubs-export.h"
#include "hubs-output.h"

static void
append_figure_row (GString          *out,
                   const HubsHub    *hub,
                   const HubsKpi    *kpi,
                   const HubsFigure *figure)
{
  g_autofree char *year = g_strdup_printf ("%d", figure->fiscal_year);
  g_autofree char *value = figure->measured ? hubs_value_to_plain_string (figure->value) : NULL;
  /* Text a person typed may read as a formula in a spreadsheet; numbers stay numbers. */
  g_autofree char *hub_id = hubs_csv_defuse_text (hub->id);
  g_autofree char *hub_name_ja = hubs_csv_defuse_text (hub->name_ja);
  g_autofree char *hub_name_en = hubs_csv_defuse_text (hub->name_en);
  g_autofree char *kpi_id = hubs_csv_defuse_text (kpi->id);
  g_autofree char *kpi_name_ja = hubs_csv_defuse_text (kpi->name_ja);
  g_autofree char *kpi_name_en = hubs_csv_defuse_text (kpi->name_en);
  g_autofree char *unit = hubs_csv_defuse_text (kpi->unit);
  g_autofree char *note = hubs_csv_defuse_text (figure->note);
  const char *fields[] = {
    hub_id,
    hub_name_ja,
    hub_name_en,
    kpi_id,
    kpi_name_ja,
    kpi_name_en,
    hubs_pillar_to_string (kpi->pillar),
    unit,
    hubs_aggregation_to_string (kpi->aggregation),
    hubs_direction_to_string (kpi->direction),
    year,
    hubs_figure_kind_to_string (figure->kind),
    value,
    figure->measured ? "measured" : "not_measured",
    note,
  };

  hubs_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

/**
 * hubs_export_csv:
 * @store: a #HubsStore
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes every figure of every KPI of every hub as UTF-8 CSV with a header row
 * (%HUBS_EXPORT_CSV_HEADER), hub by hub in sort order.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_export_csv (HubsStore      *store,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GString) out = g_string_new (HUBS_EXPORT_CSV_HEADER "\r\n");

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!(hubs = hubs_store_list_hubs (store, error)))
    return FALSE;

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, hub->id, error);

      if (kpis == NULL)
        return FALSE;

      for (guint j = 0; j < kpis->len; j++)
        {
          const HubsKpi *kpi = g_ptr_array_index (kpis, j);
          g_autoptr(GPtrArray) figures = hubs_store_list_figures (store, kpi->id, error);

          if (figures == NULL)
            return FALSE;

          for (guint k = 0; k < figures->len; k++)
            append_figure_row (out, hub, kpi, g_ptr_array_index (figures, k));
        }

      /* Write as we go, so a large database does not sit in memory twice. */
      if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
        return FALSE;
      g_string_truncate (out, 0);
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error) &&
         g_output_stream_flush (stream, cancellable, error);
}

/* The fiscal years the wide layout has columns for: the whole plan period, and any other
 * year the database has a figure for. */
static gboolean
wide_year_range (HubsStore  *store,
                 GPtrArray  *kpis,
                 int        *first,
                 int        *last,
                 GError    **error)
{
  *first = HUBS_BASELINE_FISCAL_YEAR;
  *last = HUBS_LAST_FISCAL_YEAR;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      g_autoptr(GPtrArray) figures = hubs_store_list_figures (store, kpi->id, error);

      if (figures == NULL)
        return FALSE;

      for (guint k = 0; k < figures->len; k++)
        {
          const HubsFigure *figure = g_ptr_array_index (figures, k);

          *first = MIN (*first, figure->fiscal_year);
          *last = MAX (*last, figure->fiscal_year);
        }
    }

  return TRUE;
}

static gboolean
export_wide (HubsStore      *store,
             GOutputStream  *stream,
             GString        *out,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GPtrArray) all_kpis = NULL;
  int first, last;

  if (!(hubs = hubs_store_list_hubs (store, error)) ||
      !(all_kpis = hubs_store_list_kpis (store, NULL, error)) ||
      !wide_year_range (store, all_kpis, &first, &last, error))
    return FALSE;

  g_string_append (out, HUBS_EXPORT_CSV_WIDE_HEADER);
  for (int year = first; year <= last; year++)
    g_string_append_printf (out, ",FY%d", year);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, hub->id, error);

      if (kpis == NULL)
        return FALSE;

      for (guint j = 0; j < kpis->len; j++)
        {
          const HubsKpi *kpi = g_ptr_array_index (kpis, j);
          g_autoptr(GPtrArray) figures = hubs_store_list_figures (store, kpi->id, error);
          const HubsFigureKind kinds[] = {
            HUBS_FIGURE_BASELINE, HUBS_FIGURE_TARGET, HUBS_FIGURE_ACTUAL
          };

          if (figures == NULL)
            return FALSE;

          for (guint n = 0; n < G_N_ELEMENTS (kinds); n++)
            {
              g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
              gboolean any = FALSE;

              g_ptr_array_add (fields, hubs_csv_defuse_text (hub->id));
              g_ptr_array_add (fields, hubs_csv_defuse_text (hub->name_ja));
              g_ptr_array_add (fields, hubs_csv_defuse_text (hub->name_en));
              g_ptr_array_add (fields, hubs_csv_defuse_text (kpi->id));
              g_ptr_array_add (fields, hubs_csv_defuse_text (kpi->name_ja));
              g_ptr_array_add (fields, hubs_csv_defuse_text (kpi->name_en));
              g_ptr_array_add (fields, hubs_csv_defuse_text (kpi->unit));
              g_ptr_array_add (fields, g_strdup (hubs_figure_kind_to_string (kinds[n])));

              for (int year = first; year <= last; year++)
                {
                  char *value = NULL;

                  for (guint k = 0; k < figures->len; k++)
                    {
                      const HubsFigure *figure = g_ptr_array_index (figures, k);

                      if (figure->fiscal_year != year || figure->kind != kinds[n])
                        continue;
                      value = figure->measured ? hubs_value_to_plain_string (figure->value)
                                               : g_strdup ("not_measured");
                      any = TRUE;
                    }
                  g_ptr_array_add (fields, value);
                }

              /* Every KPI gets an actual row, so the sheet is ready to fill in. */
              if (any || kinds[n] == HUBS_FIGURE_ACTUAL)
                hubs_csv_append_row (out, (const char * const *) fields->pdata, fields->len);
            }
        }

      if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
        return FALSE;
      g_string_truncate (out, 0);
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error) &&
         g_output_stream_flush (stream, cancellable, error);
}

/**
 * hubs_export_csv_full:
 * @store: a #HubsStore
 * @stream: where to write
 * @layout: long (one row per figure) or wide (one row per KPI and kind)
 * @flags: whether to start with a byte order mark
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes every figure as UTF-8 CSV in @layout. hubs_import_plan_new() reads both layouts
 * back.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_export_csv_full (HubsStore         *store,
                      GOutputStream     *stream,
                      HubsExportLayout   layout,
                      HubsExportFlags    flags,
                      GCancellable      *cancellable,
                      GError           **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if ((flags & HUBS_EXPORT_FLAGS_BOM) != 0 &&
      !g_output_stream_write_all (stream, HUBS_CSV_UTF8_BOM, strlen (HUBS_CSV_UTF8_BOM), NULL,
                                  cancellable, error))
    return FALSE;

  if (layout == HUBS_EXPORT_LAYOUT_WIDE)
    return export_wide (store, stream, out, cancellable, error);

  return hubs_export_csv (store, stream, cancellable, error);
}

/**
 * hubs_export_csv_to_path:
 * @store: a #HubsStore
 * @path: a file name, or `-` for standard output
 * @error: a location for a #GError
 *
 * Writes the CSV export to @path. A file is replaced only once the whole export is written,
 * so a failure leaves no half-written file; a symbolic link is followed and its target
 * replaced. A FIFO, a character device (`/dev/null`) and standard output (`-`,
 * `/dev/stdout`) are written directly. A folder is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_export_csv_to_path (HubsStore   *store,
                         const char  *path,
                         GError     **error)
{
  return hubs_export_csv_to_path_full (store, path, HUBS_EXPORT_LAYOUT_LONG,
                                       HUBS_EXPORT_FLAGS_NONE, error);
}

/**
 * hubs_export_csv_to_path_full:
 * @store: a #HubsStore
 * @path: a file name, or `-` for standard output
 * @layout: long or wide
 * @flags: whether to start with a byte order mark
 * @error: a location for a #GError
 *
 * Like hubs_export_csv_to_path(), in either layout.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_export_csv_to_path_full (HubsStore         *store,
                              const char        *path,
                              HubsExportLayout   layout,
                              HubsExportFlags    flags,
                              GError           **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *target = NULL;
  HubsOutputKind kind;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!hubs_output_resolve (path, &target, &kind, error))
    return FALSE;

  /* A pipe, a device or standard output: written as it goes; renaming over them would
   * replace them with a plain file. */
  if (kind != HUBS_OUTPUT_REPLACE)
    {
      if (!(stream = hubs_output_open_direct (target, kind, error)))
        return FALSE;

      return hubs_export_csv_full (store, stream, layout, flags, NULL, error) &&
             g_output_stream_close (stream, NULL, error);
    }

  /* The link's target is replaced, not the link. */
  file = g_file_new_for_path (target);
  stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error));
  if (stream == NULL)
    return FALSE;

  if (!hubs_export_csv_full (store, stream, layout, flags, NULL, error))
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      /* Closing a cancelled replace stream discards the temporary file. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (stream, cancellable, NULL);
      return FALSE;
    }

  return g_output_stream_close (stream, NULL, error);
}
