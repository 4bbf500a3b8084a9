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
#include "hubs-format.h"
#include "hubs-output.h"

/* Write out every so many bytes, so a large database does not sit in memory twice. */
#define FLUSH_SIZE (256 * 1024)

/* A text cell as CSV: defused (a spreadsheet never runs it as a formula) and quoted when it
 * needs to be. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *defused = hubs_csv_defuse_text (text);

  hubs_csv_append_field (out, defused);
}

/* The KPI's columns of HUBS_EXPORT_CSV_DETAIL_HEADER before and after as_of, each with the
 * separators around it, up to the end of the detail columns. */
static void
append_kpi_details (GString       *before_as_of,
                    GString       *after_as_of,
                    const HubsKpi *kpi)
{
  g_string_append_printf (before_as_of, ",%s,%s,%s,", hubs_qualifier_to_string (kpi->qualifier),
                          kpi->per_year ? "yes" : "no", kpi->path_from_zero ? "yes" : "no");
  g_string_append_c (after_as_of, ',');
  append_text (after_as_of, kpi->parent_id);
  g_string_append_c (after_as_of, ',');
  append_text (after_as_of, kpi->note_ja);
  g_string_append_c (after_as_of, ',');
  append_text (after_as_of, kpi->note_en);
}

static void
append_int (GString *out,
            gint64   n)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 u = n < 0 ? -(guint64) n : (guint64) n;

  do
    *--p = '0' + u % 10;
  while ((u /= 10) != 0);
  if (n < 0)
    *--p = '-';

  g_string_append_len (out, p, buf + sizeof buf - p);
}

/* A value as hubs_format_number_exact() writes it; whole numbers, most figures, without
 * the allocation. */
static void
append_value (GString *out,
              double   value)
{
  g_autofree char *text = NULL;

  if (value == (double) (gint64) value && ABS (value) < 1e15)
    {
      append_int (out, (gint64) value);
      return;
    }

  text = hubs_format_number_exact (value);
  g_string_append (out, text);
}

/* One cell of the wide layout: a KPI's figure of one kind and year. */
typedef struct
{
  double   value;
  char    *as_of;
  guint8   state;   /* 0: no figure, 1: measured, 2: not measured */
} WideCell;

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *out;

  /* The long layout: the current KPI's columns, made once for all its figures. */
  char          *kpi_id;
  GString       *prefix;        /* hub_id … direction, and the separator after it */
  GString       *details;       /* qualifier … path_from_zero, up to as_of */
  GString       *suffix;        /* parent_kpi_id … kpi_note_en */

  /* The wide layout: the current KPI's figures by kind and year. */
  int            first;
  int            last;
  WideCell      *cells;         /* 3 × (last - first + 1) */
} Export;

static void
clear_cells (Export *export)
{
  guint n = 3 * (export->last - export->first + 1);

  for (guint i = 0; export->cells != NULL && i < n; i++)
    {
      g_clear_pointer (&export->cells[i].as_of, g_free);
      export->cells[i].state = 0;
    }
}

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->kpi_id, g_free);
  g_string_free (export->prefix, TRUE);
  g_string_free (export->details, TRUE);
  g_string_free (export->suffix, TRUE);
  clear_cells (export);
  g_clear_pointer (&export->cells, g_free);
}

static void
export_init (Export        *export,
             GOutputStream *stream,
             GString       *out,
             GCancellable  *cancellable)
{
  memset (export, 0, sizeof *export);
  export->stream = stream;
  export->out = out;
  export->cancellable = cancellable;
  export->prefix = g_string_new (NULL);
  export->details = g_string_new (NULL);
  export->suffix = g_string_new (NULL);
}

static gboolean
maybe_flush (Export  *export,
             GError **error)
{
  if (export->out->len < FLUSH_SIZE)
    return TRUE;

  if (!g_output_stream_write_all (export->stream, export->out->str, export->out->len, NULL,
                                  export->cancellable, error))
    return FALSE;
  g_string_truncate (export->out, 0);

  return TRUE;
}

static gboolean
finish (Export  *export,
        GError **error)
{
  return g_output_stream_write_all (export->stream, export->out->str, export->out->len, NULL,
                                    export->cancellable, error) &&
         g_output_stream_flush (export->stream, export->cancellable, error);
}

static gboolean
append_long_row (const HubsHub     *hub,
                 const HubsKpi     *kpi,
                 const HubsFigure  *figure,
                 gpointer           user_data,
                 GError           **error)
{
  Export *export = user_data;
  GString *out = export->out;

  if (figure == NULL)
    return TRUE;

  if (g_strcmp0 (export->kpi_id, kpi->id) != 0)
    {
      const char *texts[] = { hub->id, hub->name_ja, hub->name_en, kpi->id, kpi->name_ja,
                              kpi->name_en };

      g_free (export->kpi_id);
      export->kpi_id = g_strdup (kpi->id);
      g_string_truncate (export->prefix, 0);
      g_string_truncate (export->details, 0);
      g_string_truncate (export->suffix, 0);

      /* Text a person typed may read as a formula in a spreadsheet; numbers stay numbers. */
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          append_text (export->prefix, texts[i]);
          g_string_append_c (export->prefix, ',');
        }
      g_string_append_printf (export->prefix, "%s,", hubs_pillar_to_string (kpi->pillar));
      append_text (export->prefix, kpi->unit);
      g_string_append_printf (export->prefix, ",%s,%s,",
                              hubs_aggregation_to_string (kpi->aggregation),
                              hubs_direction_to_string (kpi->direction));
      append_kpi_details (export->details, export->suffix, kpi);
    }

  g_string_append_len (out, export->prefix->str, export->prefix->len);
  append_int (out, figure->fiscal_year);
  g_string_append_c (out, ',');
  g_string_append (out, hubs_figure_kind_to_string (figure->kind));
  g_string_append_c (out, ',');
  if (figure->measured)
    append_value (out, figure->value);
  g_string_append (out, figure->measured ? ",measured," : ",not_measured,");
  append_text (out, figure->note);
  g_string_append_len (out, export->details->str, export->details->len);
  append_text (out, figure->as_of);
  g_string_append_len (out, export->suffix->str, export->suffix->len);
  g_string_append_c (out, ',');
  append_text (out, figure->note_en);
  g_string_append_c (out, ',');
  /* "" is a unit too (the plan prints none); it is written as "none", which the import
   * reads back as "". */
  if (figure->unit != NULL)
    append_text (out, *figure->unit != '\0' ? figure->unit : HUBS_EXPORT_NO_UNIT);
  g_string_append (out, "\r\n");

  return maybe_flush (export, error);
}

/**
 * hubs_export_csv:
 * @store: a #HubsStore
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes every figure of every KPI of every hub as UTF-8 CSV with a header row
 * (%HUBS_EXPORT_CSV_HEADER), hub by hub in sort order, read in bulk in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_export_csv (HubsStore      *store,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(GString) out = g_string_sized_new (FLUSH_SIZE + 4096);
  Export export;
  gboolean ok;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  g_string_append (out, HUBS_EXPORT_CSV_HEADER "\r\n");
  export_init (&export, stream, out, cancellable);
  ok = hubs_store_foreach_figure (store, NULL, append_long_row, &export, error) &&
       finish (&export, error);
  export_clear (&export);

  return ok;
}

/* Writes the rows of a KPI whose figures are gathered. */
static void
append_wide_rows (Export        *export,
                  const HubsHub *hub,
                  const HubsKpi *kpi)
{
  const HubsFigureKind kinds[] = { HUBS_FIGURE_BASELINE, HUBS_FIGURE_TARGET, HUBS_FIGURE_ACTUAL };
  const char *texts[] = { hub->id, hub->name_ja, hub->name_en, kpi->id, kpi->name_ja,
                          kpi->name_en, kpi->unit };
  guint n_years = export->last - export->first + 1;
  GString *out = export->out;

  g_string_truncate (export->prefix, 0);
  g_string_truncate (export->details, 0);
  g_string_truncate (export->suffix, 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      append_text (export->prefix, texts[i]);
      g_string_append_c (export->prefix, ',');
    }
  append_kpi_details (export->details, export->suffix, kpi);

  for (guint n = 0; n < G_N_ELEMENTS (kinds); n++)
    {
      const WideCell *cells = export->cells + kinds[n] * n_years;
      g_autoptr(GString) as_of = NULL;
      guint n_figures = 0;
      guint n_dates = 0;

      for (guint y = 0; y < n_years; y++)
        {
          n_figures += cells[y].state != 0;
          n_dates += cells[y].as_of != NULL;
        }

      /* Every KPI gets an actual row, so the sheet is ready to fill in. */
      if (n_figures == 0 && kinds[n] != HUBS_FIGURE_ACTUAL)
        continue;

      g_string_append_len (out, export->prefix->str, export->prefix->len);
      g_string_append (out, hubs_figure_kind_to_string (kinds[n]));

      for (guint y = 0; y < n_years; y++)
        {
          g_string_append_c (out, ',');
          if (cells[y].state == 1)
            append_value (out, cells[y].value);
          else if (cells[y].state == 2)
            g_string_append (out, "not_measured");
        }

      g_string_append_len (out, export->details->str, export->details->len);

      /* One date says itself; several say their years. */
      if (n_dates > 0)
        {
          as_of = g_string_new (NULL);
          for (guint y = 0; y < n_years; y++)
            {
              if (cells[y].as_of == NULL)
                continue;
              if (as_of->len > 0)
                g_string_append (as_of, "; ");
              if (n_dates > 1)
                g_string_append_printf (as_of, "FY%d: ", export->first + (int) y);
              g_string_append (as_of, cells[y].as_of);
            }
          append_text (out, as_of->str);
        }

      g_string_append_len (out, export->suffix->str, export->suffix->len);
      g_string_append (out, "\r\n");
    }
}

static gboolean
gather_wide (const HubsHub     *hub,
             const HubsKpi     *kpi,
             const HubsFigure  *figure,
             gpointer           user_data,
             GError           **error)
{
  Export *export = user_data;
  guint n_years = export->last - export->first + 1;
  WideCell *cell;
  guint y;

  if (figure == NULL)
    {
      append_wide_rows (export, hub, kpi);
      clear_cells (export);
      return maybe_flush (export, error);
    }

  y = figure->fiscal_year - export->first;
  g_assert (figure->kind <= HUBS_FIGURE_ACTUAL && y < n_years);
  cell = &export->cells[figure->kind * n_years + y];
  cell->state = figure->measured ? 1 : 2;
  cell->value = figure->value;
  g_free (cell->as_of);
  cell->as_of = g_strdup (figure->as_of);

  return TRUE;
}

static gboolean
export_wide (HubsStore      *store,
             GOutputStream  *stream,
             GString        *out,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  Export export;
  gboolean ok;
  int first, last;

  /* The header's years and the rows come from one moment of the database. */
  if (!hubs_store_begin_read (store, error))
    return FALSE;

  export_init (&export, stream, out, cancellable);

  /* The fiscal years the wide layout has columns for: the whole plan period, and any other
   * year the database has a figure for. */
  export.first = HUBS_BASELINE_FISCAL_YEAR;
  export.last = HUBS_LAST_FISCAL_YEAR;
  if (hubs_store_get_fiscal_year_range (store, &first, &last, &local_error))
    {
      export.first = MIN (export.first, first);
      export.last = MAX (export.last, last);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }
  else
    {
      g_string_append (out, HUBS_EXPORT_CSV_WIDE_HEADER);
      for (int year = export.first; year <= export.last; year++)
        g_string_append_printf (out, ",FY%d", year);
      g_string_append (out, "," HUBS_EXPORT_CSV_DETAIL_HEADER "\r\n");

      export.cells = g_new0 (WideCell, 3 * (export.last - export.first + 1));
      ok = hubs_store_foreach_figure (store, NULL, gather_wide, &export, error) &&
           finish (&export, error);
    }

  hubs_store_end_read (store);
  export_clear (&export);

  return ok;
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
