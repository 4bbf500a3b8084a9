/* hubs-figure-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hub's or a KPI's figures as a table a person reads and a spreadsheet takes in: one row
 * per KPI; its pillar, name and unit; the baseline, each target and each fiscal year's
 * actual as numbers; where it stands; its notes and sources. The Excel workbook writes its
 * hub sheets from it, and Copy Figures puts it on the clipboard as tab-separated text and as
 * HTML, so the columns are the same wherever the figures go.
 */

#define G_LOG_DOMAIN "hubs-figure-table"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-figure-table.h"
#include "hubs-i18n.h"

typedef struct
{
  HubsFigureTableColumn kind;
  int                   fiscal_year;
} Column;

typedef struct
{
  HubsKpi      *kpi;
  GPtrArray    *figures;
  HubsProgress  progress;
} Row;

struct _HubsFigureTable
{
  HubsLanguage  language;
  GPtrArray    *rows;       /* Row */
  /* Made from the rows when first asked for. */
  GArray       *columns;    /* Column */
  GPtrArray    *headers;    /* char * */
  GArray       *cells;      /* HubsFigureTableCell, row by row */
};

static void
row_free (gpointer data)
{
  Row *row = data;

  hubs_kpi_free (row->kpi);
  g_ptr_array_unref (row->figures);
  g_free (row);
}

static void
cell_clear (gpointer data)
{
  HubsFigureTableCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

/**
 * hubs_figure_table_new:
 * @language: the language of the words in the table
 *
 * Returns: (transfer full): an empty table; add its rows with hubs_figure_table_add_kpi()
 */
HubsFigureTable *
hubs_figure_table_new (HubsLanguage language)
{
  HubsFigureTable *self = g_new0 (HubsFigureTable, 1);

  self->language = language;
  self->rows = g_ptr_array_new_with_free_func (row_free);

  return self;
}

/**
 * hubs_figure_table_free:
 * @self: a table
 */
void
hubs_figure_table_free (HubsFigureTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_free (self);
}

/**
 * hubs_figure_table_add_kpi:
 * @self: a table not yet read
 * @kpi: a KPI
 * @figures: (element-type HubsFigure): its figures
 * @progress: (nullable): where it stands, as hubs_progress_compute() tells; %NULL to work it
 *   out from @figures
 *
 * Adds a row for @kpi. The columns follow from all the rows, so every row is added before
 * the table is read.
 */
void
hubs_figure_table_add_kpi (HubsFigureTable    *self,
                           const HubsKpi      *kpi,
                           GPtrArray          *figures,
                           const HubsProgress *progress)
{
  Row *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (kpi != NULL);
  g_return_if_fail (figures != NULL);
  g_return_if_fail (self->columns == NULL);

  row = g_new0 (Row, 1);
  row->kpi = hubs_kpi_copy (kpi);
  row->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  for (guint i = 0; i < figures->len; i++)
    g_ptr_array_add (row->figures, hubs_figure_copy (g_ptr_array_index (figures, i)));

  if (progress != NULL)
    row->progress = *progress;
  else
    hubs_progress_compute (&row->progress, row->kpi, row->figures);

  g_ptr_array_add (self->rows, row);
}

/* The KPI's note in the table's language; Japanese is never put inside English. */
static const char *
kpi_note (const HubsKpi *kpi,
          HubsLanguage   lang)
{
  if (lang == HUBS_LANGUAGE_JA)
    return kpi->note_ja != NULL && *kpi->note_ja != '\0' ? kpi->note_ja : kpi->note_en;
  if (kpi->note_en != NULL && *kpi->note_en != '\0')
    return kpi->note_en;
  if (kpi->note_ja != NULL && !hubs_text_has_japanese (kpi->note_ja))
    return kpi->note_ja;
  return NULL;
}

static const char *
kpi_name (const HubsKpi *kpi,
          HubsLanguage   lang)
{
  const char *first = lang == HUBS_LANGUAGE_JA ? kpi->name_ja : kpi->name_en;
  const char *second = lang == HUBS_LANGUAGE_JA ? kpi->name_en : kpi->name_ja;

  return first != NULL && *first != '\0' ? first : second != NULL ? second : "";
}

static const HubsFigure *
find_figure (const Row      *row,
             HubsFigureKind  kind,
             int             fiscal_year)
{
  for (guint i = 0; i < row->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (row->figures, i);

      if (figure->kind == kind && (fiscal_year == 0 || figure->fiscal_year == fiscal_year))
        return figure;
    }

  return NULL;
}

static void
add_column (GArray                *columns,
            HubsFigureTableColumn  kind,
            int                    fiscal_year)
{
  Column column = { kind, fiscal_year };

  g_array_append_val (columns, column);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The fiscal years of the figures of @kind, sorted, each once; for actuals also every year
 * of the plan period, so the table is ready to fill in. */
static GArray *
collect_years (HubsFigureTable *self,
               HubsFigureKind   kind)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  if (kind == HUBS_FIGURE_ACTUAL)
    for (int year = HUBS_FIRST_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year++)
      g_hash_table_add (seen, GINT_TO_POINTER (year));

  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (self->rows, r);

      for (guint i = 0; i < row->figures->len; i++)
        {
          const HubsFigure *figure = g_ptr_array_index (row->figures, i);

          if (figure->kind == kind)
            g_hash_table_add (seen, GINT_TO_POINTER (figure->fiscal_year));
        }
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        int year = GPOINTER_TO_INT (key);

        g_array_append_val (years, year);
      }
  }
  g_array_sort (years, compare_ints);

  return years;
}

static char *
make_header (HubsLanguage lang,
             const Column *column)
{
  g_autofree char *year = column->fiscal_year != 0
                          ? hubs_format_fiscal_year (column->fiscal_year, lang) : NULL;

  switch (column->kind)
    {
    case HUBS_FIGURE_TABLE_PILLAR:
      /* Translators: a column header of the table of figures (Excel, Copy Figures) */
      return g_strdup (hubs_i18n_gettext (lang, N_("Pillar")));
    case HUBS_FIGURE_TABLE_KPI:
      /* Translators: a column header of the table of figures */
      return g_strdup (hubs_i18n_gettext (lang, N_("KPI")));
    case HUBS_FIGURE_TABLE_UNIT:
      /* Translators: a column header of the table of figures */
      return g_strdup (hubs_i18n_gettext (lang, N_("Unit")));
    case HUBS_FIGURE_TABLE_BASELINE:
      /* Translators: a column header of the table of figures */
      return g_strdup (hubs_i18n_gettext (lang, N_("Baseline")));
    case HUBS_FIGURE_TABLE_BASELINE_AS_OF:
      /* Translators: a column header of the table of figures: when the baseline was
       * measured, e.g. FY2024 */
      return g_strdup (hubs_i18n_gettext (lang, N_("Baseline As Of")));
    case HUBS_FIGURE_TABLE_TARGET:
      /* Translators: a column header of the table of figures; %s is a fiscal year */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("Target %s")), year);
    case HUBS_FIGURE_TABLE_ACTUAL:
      /* Translators: a column header of the table of figures; %s is a fiscal year */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("Actual %s")), year);
    case HUBS_FIGURE_TABLE_STATUS:
      /* Translators: a column header of the table of figures */
      return g_strdup (hubs_i18n_gettext (lang, N_("Status")));
    case HUBS_FIGURE_TABLE_NOTES:
      /* Translators: a column header of the table of figures */
      return g_strdup (hubs_i18n_gettext (lang, N_("Notes")));
    case HUBS_FIGURE_TABLE_SOURCES:
      /* Translators: a column header of the table of figures */
      return g_strdup (hubs_i18n_gettext (lang, N_("Sources")));
    default:
      g_return_val_if_reached (NULL);
    }
}

static guint
count_decimals (double value)
{
  g_autofree char *text = hubs_format_number_exact (value);
  const char *point = strchr (text, '.');

  return point != NULL ? MIN (strlen (point + 1), 3) : 0;
}

static void
set_number (HubsFigureTableCell *cell,
            const HubsKpi       *kpi,
            const HubsFigure    *figure,
            HubsLanguage         lang)
{
  if (figure == NULL)
    return;

  if (!figure->measured)
    {
      cell->kind = HUBS_FIGURE_TABLE_CELL_TEXT;
      /* Translators: a figure that was not measured (未計測), in a cell of the table */
      cell->text = g_strdup (hubs_i18n_gettext (lang, N_("Not measured")));
      return;
    }

  cell->kind = HUBS_FIGURE_TABLE_CELL_NUMBER;
  cell->value = figure->value;
  cell->decimals = count_decimals (figure->value);
  cell->text = hubs_format_figure (kpi, figure, lang);
  if (figure->kind == HUBS_FIGURE_TARGET)
    cell->qualifier = kpi->qualifier;
  /* The plan prints some figures in another unit, or in none: the cell says so. */
  cell->unit = figure->unit != NULL ? hubs_format_unit (figure->unit, lang)
                                    : hubs_format_kpi_unit (kpi, lang);
}

static void
set_text (HubsFigureTableCell *cell,
          const char          *text)
{
  if (text == NULL || *text == '\0')
    return;

  cell->kind = HUBS_FIGURE_TABLE_CELL_TEXT;
  cell->text = g_strdup (text);
}

static const char *
kind_label (HubsFigureKind kind,
            HubsLanguage   lang)
{
  switch (kind)
    {
    case HUBS_FIGURE_BASELINE:
      return hubs_i18n_gettext (lang, N_("Baseline"));
    case HUBS_FIGURE_TARGET:
      /* Translators: a figure's kind, before its note in the table's notes */
      return hubs_i18n_gettext (lang, N_("Target"));
    case HUBS_FIGURE_ACTUAL:
    default:
      /* Translators: a figure's kind, before its note in the table's notes */
      return hubs_i18n_gettext (lang, N_("Actual"));
    }
}

/* The KPI's note, then each figure's note and the note about the unit it is printed in,
 * each on a line of its own after the figure it is about. */
static char *
make_notes (const Row    *row,
            HubsLanguage  lang)
{
  GString *notes = g_string_new (kpi_note (row->kpi, lang));

  for (guint i = 0; i < row->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (row->figures, i);
      const char *note = hubs_format_figure_note (figure, lang);
      g_autofree char *unit_note = hubs_format_figure_unit_note (row->kpi, figure, lang);
      g_autofree char *year = NULL;

      for (guint n = 0; n < 2; n++)
        {
          const char *text = n == 0 ? note : unit_note;

          if (text == NULL || *text == '\0')
            continue;
          if (year == NULL)
            year = hubs_format_fiscal_year (figure->fiscal_year, lang);
          if (notes->len > 0)
            g_string_append_c (notes, '\n');
          /* Translators: a figure's note in the table: %1$s a fiscal year, %2$s baseline,
           * target or actual, %3$s the note */
          g_string_append_printf (notes, hubs_i18n_gettext (lang, N_("%1$s %2$s: %3$s")),
                                  year, kind_label (figure->kind, lang), text);
        }
    }

  return g_string_free (notes, FALSE);
}

static char *
make_sources (const Row *row)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GString *sources = g_string_new (NULL);

  for (guint i = 0; i < row->figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (row->figures, i);

      if (figure->source == NULL || *figure->source == '\0' ||
          g_ptr_array_find_with_equal_func (seen, figure->source, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, figure->source);
      if (sources->len > 0)
        g_string_append_c (sources, '\n');
      g_string_append (sources, figure->source);
    }

  return g_string_free (sources, FALSE);
}

static void
make_cell (HubsFigureTableCell *cell,
           const Row           *row,
           const Column        *column,
           HubsLanguage         lang)
{
  const HubsKpi *kpi = row->kpi;

  switch (column->kind)
    {
    case HUBS_FIGURE_TABLE_PILLAR:
      set_text (cell, hubs_i18n_pillar_label (lang, kpi->pillar));
      break;
    case HUBS_FIGURE_TABLE_KPI:
      set_text (cell, kpi_name (kpi, lang));
      break;
    case HUBS_FIGURE_TABLE_UNIT:
      set_text (cell, hubs_format_kpi_unit (kpi, lang));
      break;
    case HUBS_FIGURE_TABLE_BASELINE:
      set_number (cell, kpi, find_figure (row, HUBS_FIGURE_BASELINE, 0), lang);
      break;
    case HUBS_FIGURE_TABLE_BASELINE_AS_OF:
      {
        const HubsFigure *baseline = find_figure (row, HUBS_FIGURE_BASELINE, 0);
        g_autofree char *as_of = NULL;

        if (baseline == NULL)
          break;
        as_of = hubs_format_as_of (baseline->as_of, lang);
        if (as_of == NULL)
          as_of = hubs_format_fiscal_year (baseline->fiscal_year, lang);
        set_text (cell, as_of);
      }
      break;
    case HUBS_FIGURE_TABLE_TARGET:
      set_number (cell, kpi, find_figure (row, HUBS_FIGURE_TARGET, column->fiscal_year), lang);
      break;
    case HUBS_FIGURE_TABLE_ACTUAL:
      set_number (cell, kpi, find_figure (row, HUBS_FIGURE_ACTUAL, column->fiscal_year), lang);
      break;
    case HUBS_FIGURE_TABLE_STATUS:
      {
        g_autofree char *status =
          g_strdup_printf ("%s %s", hubs_status_get_symbol (row->progress.status),
                           hubs_status_get_label (row->progress.status, lang));

        set_text (cell, status);
      }
      break;
    case HUBS_FIGURE_TABLE_NOTES:
      {
        g_autofree char *notes = make_notes (row, lang);

        set_text (cell, notes);
      }
      break;
    case HUBS_FIGURE_TABLE_SOURCES:
      {
        g_autofree char *sources = make_sources (row);

        set_text (cell, sources);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
ensure_built (HubsFigureTable *self)
{
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GArray) actuals = NULL;
  guint n_columns;

  if (self->columns != NULL)
    return;

  self->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  add_column (self->columns, HUBS_FIGURE_TABLE_PILLAR, 0);
  add_column (self->columns, HUBS_FIGURE_TABLE_KPI, 0);
  add_column (self->columns, HUBS_FIGURE_TABLE_UNIT, 0);
  add_column (self->columns, HUBS_FIGURE_TABLE_BASELINE, 0);
  add_column (self->columns, HUBS_FIGURE_TABLE_BASELINE_AS_OF, 0);
  targets = collect_years (self, HUBS_FIGURE_TARGET);
  for (guint i = 0; i < targets->len; i++)
    add_column (self->columns, HUBS_FIGURE_TABLE_TARGET, g_array_index (targets, int, i));
  actuals = collect_years (self, HUBS_FIGURE_ACTUAL);
  for (guint i = 0; i < actuals->len; i++)
    add_column (self->columns, HUBS_FIGURE_TABLE_ACTUAL, g_array_index (actuals, int, i));
  add_column (self->columns, HUBS_FIGURE_TABLE_STATUS, 0);
  add_column (self->columns, HUBS_FIGURE_TABLE_NOTES, 0);
  add_column (self->columns, HUBS_FIGURE_TABLE_SOURCES, 0);

  n_columns = self->columns->len;
  self->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (self->headers,
                     make_header (self->language, &g_array_index (self->columns, Column, c)));

  self->cells = g_array_sized_new (FALSE, TRUE, sizeof (HubsFigureTableCell),
                                   self->rows->len * n_columns);
  g_array_set_size (self->cells, self->rows->len * n_columns);
  g_array_set_clear_func (self->cells, cell_clear);
  for (guint r = 0; r < self->rows->len; r++)
    for (guint c = 0; c < n_columns; c++)
      make_cell (&g_array_index (self->cells, HubsFigureTableCell, r * n_columns + c),
                 g_ptr_array_index (self->rows, r), &g_array_index (self->columns, Column, c),
                 self->language);
}

/**
 * hubs_figure_table_get_language:
 * @self: a table
 *
 * Returns: the language of its words
 */
HubsLanguage
hubs_figure_table_get_language (HubsFigureTable *self)
{
  g_return_val_if_fail (self != NULL, HUBS_LANGUAGE_EN);

  return self->language;
}

/**
 * hubs_figure_table_get_n_rows:
 * @self: a table
 *
 * Returns: how many KPIs it has, not counting the header
 */
guint
hubs_figure_table_get_n_rows (HubsFigureTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * hubs_figure_table_get_n_columns:
 * @self: a table
 *
 * Returns: how many columns it has: pillar, KPI, unit, baseline and when, a column per
 *   target year and per actual year (every year of the plan period, and any other year
 *   with an actual), status, notes and sources
 */
guint
hubs_figure_table_get_n_columns (HubsFigureTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  ensure_built (self);
  return self->columns->len;
}

/**
 * hubs_figure_table_get_column:
 * @self: a table
 * @column: a column number
 * @fiscal_year: (out) (optional): the year of a target or actual column, else 0
 *
 * Returns: what the column holds
 */
HubsFigureTableColumn
hubs_figure_table_get_column (HubsFigureTable *self,
                              guint            column,
                              int             *fiscal_year)
{
  const Column *info;

  g_return_val_if_fail (self != NULL, HUBS_FIGURE_TABLE_KPI);
  ensure_built (self);
  g_return_val_if_fail (column < self->columns->len, HUBS_FIGURE_TABLE_KPI);

  info = &g_array_index (self->columns, Column, column);
  if (fiscal_year != NULL)
    *fiscal_year = info->fiscal_year;

  return info->kind;
}

/**
 * hubs_figure_table_get_header:
 * @self: a table
 * @column: a column number
 *
 * Returns: (transfer none): the column's header, in the table's language
 */
const char *
hubs_figure_table_get_header (HubsFigureTable *self,
                              guint            column)
{
  g_return_val_if_fail (self != NULL, NULL);
  ensure_built (self);
  g_return_val_if_fail (column < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, column);
}

/**
 * hubs_figure_table_get_cell:
 * @self: a table
 * @row: a row number, from 0 for the first KPI
 * @column: a column number
 *
 * Returns: (transfer none): the cell
 */
const HubsFigureTableCell *
hubs_figure_table_get_cell (HubsFigureTable *self,
                            guint            row,
                            guint            column)
{
  g_return_val_if_fail (self != NULL, NULL);
  ensure_built (self);
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, NULL);

  return &g_array_index (self->cells, HubsFigureTableCell, row * self->columns->len + column);
}

/* A cell of tab-separated text is one line without tabs: a spreadsheet would split it. */
static void
append_tsv_text (GString    *out,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/**
 * hubs_figure_table_to_tsv:
 * @self: a table
 *
 * The table as tab-separated text, the header first, one line per KPI, lines ending in CRLF
 * as spreadsheets write them. Numbers are plain (12856, 73.7) so a spreadsheet reads them as
 * numbers; the unit is in its own column. A line break inside a cell becomes a space.
 *
 * Returns: (transfer full): the text
 */
char *
hubs_figure_table_to_tsv (HubsFigureTable *self)
{
  GString *out = g_string_new (NULL);
  guint n_columns;

  g_return_val_if_fail (self != NULL, NULL);

  n_columns = hubs_figure_table_get_n_columns (self);
  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, '\t');
      append_tsv_text (out, hubs_figure_table_get_header (self, c));
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < self->rows->len; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          const HubsFigureTableCell *cell = hubs_figure_table_get_cell (self, r, c);

          if (c > 0)
            g_string_append_c (out, '\t');
          if (cell->kind == HUBS_FIGURE_TABLE_CELL_NUMBER)
            {
              g_autofree char *number = hubs_format_number_exact (cell->value);

              g_string_append (out, number);
            }
          else if (cell->kind == HUBS_FIGURE_TABLE_CELL_TEXT)
            append_tsv_text (out, cell->text);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

static void
append_html_text (GString    *out,
                  const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (i > 0)
        g_string_append (out, "<br>");
      g_string_append (out, escaped);
    }
}

/**
 * hubs_figure_table_to_html:
 * @self: a table
 * @caption: (nullable): what the table shows, such as the hub's name
 *
 * The table as an HTML document of one `<table>`, as office programs take it from the
 * clipboard: a header row of `<th>`, a row of `<td>` per KPI. A number cell shows the number
 * with thousands separators and carries the plain number in `x:num`, as Excel writes it, so
 * it stays a number; the unit is in its own column.
 *
 * Returns: (transfer full): the HTML
 */
char *
hubs_figure_table_to_html (HubsFigureTable *self,
                           const char      *caption)
{
  GString *out = g_string_new (NULL);
  guint n_columns;

  g_return_val_if_fail (self != NULL, NULL);

  n_columns = hubs_figure_table_get_n_columns (self);
  /* Excel reads x:num only in its own namespace. */
  g_string_append_printf (out, "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"
                          "<head><meta charset=\"utf-8\"></head><body>"
                          "<table border=\"1\" lang=\"%s\">",
                          self->language == HUBS_LANGUAGE_JA ? "ja" : "en");
  if (caption != NULL && *caption != '\0')
    {
      g_string_append (out, "<caption>");
      append_html_text (out, caption);
      g_string_append (out, "</caption>");
    }

  g_string_append (out, "<tr>");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append (out, "<th>");
      append_html_text (out, hubs_figure_table_get_header (self, c));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr>");

  for (guint r = 0; r < self->rows->len; r++)
    {
      g_string_append (out, "<tr>");
      for (guint c = 0; c < n_columns; c++)
        {
          const HubsFigureTableCell *cell = hubs_figure_table_get_cell (self, r, c);

          if (cell->kind == HUBS_FIGURE_TABLE_CELL_NUMBER)
            {
              g_autofree char *exact = hubs_format_number_exact (cell->value);
              g_autofree char *shown = hubs_format_number (cell->value, HUBS_LANGUAGE_EN);

              g_string_append_printf (out, "<td align=\"right\" x:num=\"%s\">%s</td>",
                                      exact, shown);
            }
          else
            {
              g_string_append (out, "<td>");
              if (cell->kind == HUBS_FIGURE_TABLE_CELL_TEXT)
                append_html_text (out, cell->text);
              g_string_append (out, "</td>");
            }
        }
      g_string_append (out, "</tr>");
    }

  g_string_append (out, "</table></body></html>");

  return g_string_free (out, FALSE);
}
