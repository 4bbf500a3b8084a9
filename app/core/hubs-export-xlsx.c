/* hubs-export-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures as an Excel workbook, the file a consortium hands over: a summary sheet of
 * every hub with how its KPIs stand, then a sheet per hub with its KPIs as rows and the
 * baseline, targets and each fiscal year's actual as columns (hubs-figure-table.c), numbers
 * as numbers in a format that shows their unit, the header kept in view, columns wide
 * enough for Japanese text, and sheet names Excel accepts.
 */

#define G_LOG_DOMAIN "hubs-export-xlsx"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "hubs-csv.h"
#include "hubs-export.h"
#include "hubs-export-xlsx.h"
#include "hubs-figure-table.h"
#include "hubs-i18n.h"
#include "hubs-output.h"
#include "hubs-progress.h"

G_DEFINE_QUARK (hubs-export-xlsx-error-quark, hubs_export_xlsx_error)

/* Excel keeps at most this many characters in a cell. */
#define MAX_CELL_CHARS 32767

/* Column widths, in Excel's units (about one Latin digit of the default font). */
#define MIN_WIDTH   6.0
#define MAX_WIDTH  48.0
#define WIDE_WIDTH 60.0

/**
 * hubs_export_xlsx_sheet_name:
 * @name: what the sheet shows, such as a hub's name
 * @taken: (element-type utf8 utf8): the names given so far, case-folded; the new name is
 *   added
 *
 * A sheet name Excel accepts for @name: none of `[ ] : * ? / \` (each becomes "_"), no
 * apostrophe at either end, at most %HUBS_EXPORT_XLSX_MAX_SHEET_NAME characters, not
 * "History", and different from every name in @taken whatever the case (a number in
 * brackets is added: "福岡 (2)").
 *
 * Returns: (transfer full): the name
 */
char *
hubs_export_xlsx_sheet_name (const char *name,
                             GHashTable *taken)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *result = NULL;

  g_return_val_if_fail (taken != NULL, NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    name = "";

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL)
        g_string_append_c (clean, '_');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }

  /* An apostrophe may not start or end a name. */
  while (clean->len > 0 && clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));

  if (clean->len == 0 || g_ascii_strcasecmp (clean->str, "History") == 0)
    g_string_append (clean, clean->len == 0 ? "Sheet" : " 1");

  for (guint n = 1; result == NULL; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong room = HUBS_EXPORT_XLSX_MAX_SHEET_NAME - g_utf8_strlen (suffix, -1);
      g_autofree char *candidate = NULL;
      g_autofree char *folded = NULL;

      g_free (base);
      base = g_utf8_substring (clean->str, 0, MIN (room, g_utf8_strlen (clean->str, -1)));
      candidate = g_strconcat (base, suffix, NULL);
      folded = g_utf8_casefold (candidate, -1);

      if (!g_hash_table_contains (taken, folded))
        {
          g_hash_table_add (taken, g_steal_pointer (&folded));
          result = g_steal_pointer (&candidate);
        }
    }

  return result;
}

/* Writing
 * ------- */

typedef struct
{
  HubsStore     *store;
  HubsLanguage   lang;
  lxw_workbook  *workbook;
  lxw_error      status;
  GHashTable    *taken;          /* sheet names, case-folded */
  GHashTable    *number_formats; /* "unit\tdecimals" → lxw_format */
  char          *as_of_line;
  const char    *source_line;

  lxw_format    *title;
  lxw_format    *header;
  lxw_format    *text;
  lxw_format    *wrapped;
  lxw_format    *dim;
  lxw_format    *count;
  lxw_format    *share;
  lxw_format    *link;
} Writer;

static void
check (Writer    *w,
       lxw_error  status)
{
  if (w->status == LXW_NO_ERROR)
    w->status = status;
}

/* How wide @text shows, in Excel's units: a Japanese character takes two. */
static double
text_width (const char *text)
{
  double widest = 0, width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          widest = MAX (widest, width);
          width = 0;
          continue;
        }
      width += g_unichar_iswide (c) || (g_unichar_iswide_cjk (c) && c > 0x2000) ? 2.0 : 1.0;
    }

  /* A little room, so the text does not touch the cell's edge. */
  return MAX (widest, width) * 1.1 + 2;
}

static void
fit (double     *widths,
     guint       column,
     const char *text,
     double      limit)
{
  widths[column] = MIN (MAX (widths[column], text_width (text)), limit);
}

/* Excel's format text for a number in @unit with @decimals, and a target's @qualifier in the
 * words hubs_format_target() uses: 12,856社, 73.7%, 10位, 300社以上, 5位以内, rank 10,
 * "at least 300 companies", "rank 5 or better", "255 (¥100 million)". Words are quoted, so
 * they never read as a format code. */
static lxw_format *
number_format (Writer        *w,
               const char    *unit,
               guint          decimals,
               HubsQualifier  qualifier)
{
  g_autofree char *key = g_strdup_printf ("%s\t%u\t%d", unit != NULL ? unit : "", decimals,
                                          qualifier);
  g_autoptr(GString) code = g_string_new (NULL);
  g_autoptr(GString) quoted = g_string_new (NULL);
  gboolean ja = w->lang == HUBS_LANGUAGE_JA;
  gboolean rank;
  lxw_format *format;

  if ((format = g_hash_table_lookup (w->number_formats, key)) != NULL)
    return format;

  for (const char *p = unit != NULL ? unit : ""; *p != '\0'; p++)
    if (*p != '"' && *p != '\\')
      g_string_append_c (quoted, *p);
  rank = g_str_equal (quoted->str, "rank") || g_str_equal (quoted->str, "位");

  if (!ja && !rank && qualifier != HUBS_QUALIFIER_NONE)
    g_string_append (code, qualifier == HUBS_QUALIFIER_AT_LEAST ? "\"at least \""
                                                                : "\"at most \"");
  /* A rank reads "rank 7" in English, as the app writes it. */
  if (!ja && rank)
    g_string_append (code, "\"rank \"");
  g_string_append (code, rank || g_str_equal (quoted->str, "%") ? "0" : "#,##0");
  if (decimals > 0)
    {
      g_string_append_c (code, '.');
      for (guint i = 0; i < decimals; i++)
        g_string_append_c (code, '0');
    }

  if (ja)
    {
      /* Japanese units and qualifiers follow the digits: 12,856社, 5位以内. */
      if (qualifier != HUBS_QUALIFIER_NONE)
        g_string_append (quoted, qualifier == HUBS_QUALIFIER_AT_LEAST ? "以上" : "以内");
      if (quoted->len > 0)
        g_string_append_printf (code, "\"%s\"", quoted->str);
    }
  else if (rank)
    {
      if (qualifier != HUBS_QUALIFIER_NONE)
        g_string_append (code, qualifier == HUBS_QUALIFIER_AT_LEAST ? "\" or worse\""
                                                                    : "\" or better\"");
    }
  else if (g_str_equal (quoted->str, "%"))
    g_string_append (code, "\"%\"");
  else if (g_str_has_prefix (quoted->str, "¥"))
    /* An amount of yen in brackets, since it is a multiple. */
    g_string_append_printf (code, "\" (%s)\"", quoted->str);
  else if (quoted->len > 0)
    g_string_append_printf (code, "\" %s\"", quoted->str);

  format = workbook_add_format (w->workbook);
  format_set_num_format (format, code->str);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  g_hash_table_insert (w->number_formats, g_steal_pointer (&key), format);

  return format;
}

static void
write_text (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    return;

  /* The database keeps the whole text; a cell holds what Excel can. */
  if (g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, MAX_CELL_CHARS - 1);

      text = cut = g_strconcat (head, "…", NULL);
    }

  check (w, worksheet_write_string (sheet, row, col, text, format));
}

static char *
format_as_of (GDateTime    *as_of,
              HubsLanguage  lang)
{
  g_autoptr(GDateTime) now = as_of == NULL ? g_date_time_new_now_utc () : NULL;
  g_autofree char *when = hubs_format_moment (as_of != NULL ? as_of : now, lang);

  /* Translators: the second line of each sheet of the Excel workbook; %s a day and a time,
   * such as “2 December 2026, 10:15” */
  return g_strdup_printf (hubs_i18n_gettext (lang, N_("Figures as of %s")), when);
}

/* The title, what the figures are as of and where they come from, above the table. */
static void
write_heading (Writer        *w,
               lxw_worksheet *sheet,
               const char    *title)
{
  write_text (w, sheet, 0, 0, title, w->title);
  write_text (w, sheet, 1, 0, w->as_of_line, w->dim);
  write_text (w, sheet, 2, 0, w->source_line, w->dim);
  check (w, worksheet_set_row (sheet, 0, 22, NULL));
}

static const char *
hub_name (const HubsHub *hub,
          HubsLanguage   lang)
{
  const char *first = lang == HUBS_LANGUAGE_JA ? hub->name_ja : hub->name_en;

  return first != NULL && *first != '\0' ? first : hub->name_ja != NULL ? hub->name_ja : hub->id;
}

static const char *
consortium_name (const HubsHub *hub,
                 HubsLanguage   lang)
{
  const char *first = lang == HUBS_LANGUAGE_JA ? hub->consortium_ja : hub->consortium_en;

  return first != NULL && *first != '\0' ? first : hub->consortium_ja;
}

typedef struct
{
  HubsHub             *hub;
  char                *sheet_name;
  HubsFigureTable     *table;
  HubsProgressSummary  summary;
} HubSheet;

static void
hub_sheet_free (gpointer data)
{
  HubSheet *sheet = data;

  hubs_hub_free (sheet->hub);
  g_free (sheet->sheet_name);
  g_clear_pointer (&sheet->table, hubs_figure_table_free);
  g_free (sheet);
}

/* Reads one hub's KPIs and figures into its table and its summary. */
static HubSheet *
read_hub (Writer   *w,
          HubsHub  *hub,
          GError  **error)
{
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GHashTable) figures = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  HubSheet *sheet;

  if (!(kpis = hubs_store_list_kpis (w->store, hub->id, error)) ||
      !(figures = hubs_store_list_hub_figures (w->store, hub->id, error)))
    {
      hubs_hub_free (hub);
      return NULL;
    }

  sheet = g_new0 (HubSheet, 1);
  sheet->hub = hub;
  sheet->table = hubs_figure_table_new (w->lang);
  hubs_progress_summary_init (&sheet->summary);

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      GPtrArray *kpi_figures = g_hash_table_lookup (figures, kpi->id);
      HubsProgress progress;

      if (kpi_figures == NULL)
        kpi_figures = none;
      hubs_progress_compute (&progress, kpi, kpi_figures);
      hubs_progress_summary_add (&sheet->summary, &progress);
      hubs_figure_table_add_kpi (sheet->table, kpi, kpi_figures, &progress);
    }

  return sheet;
}

static void
write_hub_sheet (Writer   *w,
                 HubSheet *hs)
{
  HubsFigureTable *table = hs->table;
  guint n_columns = hubs_figure_table_get_n_columns (table);
  guint n_rows = hubs_figure_table_get_n_rows (table);
  g_autofree double *widths = g_new0 (double, n_columns);
  g_autofree char *title = NULL;
  const char *consortium = consortium_name (hs->hub, w->lang);
  lxw_worksheet *sheet;
  lxw_row_t top = HUBS_EXPORT_XLSX_HEADER_ROW;

  if (!(sheet = workbook_add_worksheet (w->workbook, hs->sheet_name)))
    {
      check (w, LXW_ERROR_SHEETNAME_ALREADY_USED);
      return;
    }

  if (consortium != NULL && *consortium != '\0')
    /* Translators: the title of a hub's sheet: %1$s the hub city, %2$s its consortium */
    title = g_strdup_printf (hubs_i18n_gettext (w->lang, N_("%1$s — %2$s")),
                             hub_name (hs->hub, w->lang), consortium);
  else
    title = g_strdup (hub_name (hs->hub, w->lang));
  write_heading (w, sheet, title);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = hubs_figure_table_get_header (table, c);

      write_text (w, sheet, top, c, header, w->header);
      widths[c] = MIN_WIDTH;
      fit (widths, c, header, MAX_WIDTH);
    }

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const HubsFigureTableCell *cell = hubs_figure_table_get_cell (table, r, c);
        HubsFigureTableColumn kind = hubs_figure_table_get_column (table, c, NULL);
        gboolean wide = kind == HUBS_FIGURE_TABLE_NOTES || kind == HUBS_FIGURE_TABLE_SOURCES;

        if (cell->kind == HUBS_FIGURE_TABLE_CELL_NUMBER)
          {
            check (w, worksheet_write_number (sheet, top + 1 + r, c, cell->value,
                                              number_format (w, cell->unit, cell->decimals,
                                                             cell->qualifier)));
            fit (widths, c, cell->text, MAX_WIDTH);
          }
        else if (cell->kind == HUBS_FIGURE_TABLE_CELL_TEXT)
          {
            write_text (w, sheet, top + 1 + r, c, cell->text,
                        wide || kind == HUBS_FIGURE_TABLE_KPI ? w->wrapped : w->text);
            fit (widths, c, cell->text, wide ? WIDE_WIDTH : MAX_WIDTH);
          }
      }

  for (guint c = 0; c < n_columns; c++)
    check (w, worksheet_set_column (sheet, c, c, widths[c], NULL));

  /* The title and the header stay in view, and so does the KPI's name. */
  worksheet_freeze_panes (sheet, top + 1, HUBS_FIGURE_TABLE_KPI + 1);
  check (w, worksheet_autofilter (sheet, top, 0, top + MAX (n_rows, 1), n_columns - 1));
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  check (w, worksheet_repeat_rows (sheet, top, top));
}

static void
write_summary (Writer    *w,
               GPtrArray *sheets,
               const char *name)
{
  const char *headers[] = {
    /* Translators: a column header of the Excel workbook's summary sheet */
    N_("Hub City"),
    /* Translators: a column header of the Excel workbook's summary sheet */
    N_("Consortium"),
    /* Translators: a column header of the Excel workbook's summary sheet */
    N_("Tier"),
    /* Translators: a column header of the Excel workbook's summary sheet: how many KPIs */
    N_("KPIs"),
    /* Translators: a column header of the Excel workbook's summary sheet: how many KPIs
     * have an actual to be assessed against the plan */
    N_("Assessed"),
  };
  lxw_worksheet *sheet = workbook_add_worksheet (w->workbook, name);
  lxw_row_t top = HUBS_EXPORT_XLSX_HEADER_ROW;
  guint n_columns = G_N_ELEMENTS (headers) + HUBS_N_STATUSES + 2;
  g_autofree double *widths = g_new0 (double, n_columns);
  lxw_col_t col = 0;

  if (sheet == NULL)
    {
      check (w, LXW_ERROR_SHEETNAME_ALREADY_USED);
      return;
    }

  /* Translators: the title of the Excel workbook's summary sheet */
  write_heading (w, sheet, hubs_i18n_gettext (w->lang, N_("KPIs of the Startup Ecosystem Hub "
                                                          "Cities")));

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++, col++)
    {
      write_text (w, sheet, top, col, hubs_i18n_gettext (w->lang, headers[i]), w->header);
      fit (widths, col, hubs_i18n_gettext (w->lang, headers[i]), MAX_WIDTH);
    }
  for (HubsStatus s = 0; s < HUBS_N_STATUSES; s++, col++)
    {
      g_autofree char *header = g_strdup_printf ("%s %s", hubs_status_get_symbol (s),
                                                 hubs_status_get_label (s, w->lang));

      write_text (w, sheet, top, col, header, w->header);
      fit (widths, col, header, MAX_WIDTH);
    }
  /* Translators: a column header of the summary sheet: the share of the assessed KPIs that
   * achieved their target or are on track */
  write_text (w, sheet, top, col, hubs_i18n_gettext (w->lang, N_("Achieved or On Track")),
              w->header);
  fit (widths, col++, hubs_i18n_gettext (w->lang, N_("Achieved or On Track")), MAX_WIDTH);
  /* Translators: a column header of the summary sheet: a link to the hub's own sheet */
  write_text (w, sheet, top, col, hubs_i18n_gettext (w->lang, N_("Sheet")), w->header);
  fit (widths, col, hubs_i18n_gettext (w->lang, N_("Sheet")), MAX_WIDTH);

  for (guint r = 0; r < sheets->len; r++)
    {
      const HubSheet *hs = g_ptr_array_index (sheets, r);
      const HubsProgressSummary *summary = &hs->summary;
      lxw_row_t row = top + 1 + r;
      const char *texts[] = { hub_name (hs->hub, w->lang), consortium_name (hs->hub, w->lang),
                              hubs_i18n_tier_label (w->lang, hs->hub->tier) };
      g_autofree char *url = NULL;
      g_autofree char *quoted = NULL;

      col = 0;
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++, col++)
        {
          write_text (w, sheet, row, col, texts[i], w->text);
          fit (widths, col, texts[i], MAX_WIDTH);
        }
      check (w, worksheet_write_number (sheet, row, col++, summary->n_kpis, w->count));
      check (w, worksheet_write_number (sheet, row, col++, summary->n_assessed, w->count));
      for (HubsStatus s = 0; s < HUBS_N_STATUSES; s++)
        check (w, worksheet_write_number (sheet, row, col++, summary->n_by_status[s],
                                          w->count));
      if (summary->n_assessed > 0)
        check (w, worksheet_write_number (sheet, row, col,
                                          (double) (summary->n_by_status[HUBS_STATUS_ACHIEVED] +
                                                    summary->n_by_status[HUBS_STATUS_ON_TRACK]) /
                                          summary->n_assessed, w->share));
      col++;

      /* An apostrophe in a sheet name is doubled inside the quotes of a reference. */
      {
        g_auto(GStrv) parts = g_strsplit (hs->sheet_name, "'", -1);

        quoted = g_strjoinv ("''", parts);
      }
      url = g_strdup_printf ("internal:'%s'!A1", quoted);
      check (w, worksheet_write_url_opt (sheet, row, col, url, w->link, hs->sheet_name, NULL));
      fit (widths, col, hs->sheet_name, MAX_WIDTH);
    }

  for (guint c = 0; c < n_columns; c++)
    check (w, worksheet_set_column (sheet, c, c, MAX (widths[c], MIN_WIDTH), NULL));

  worksheet_freeze_panes (sheet, top + 1, 1);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
}

/* The sheet that comes back: the wide layout of the CSV export (one row per KPI and kind, a
 * column per fiscal year, ids included), header in the first row, as Import Figures reads
 * it once Excel has saved the sheet as CSV. Made by the CSV export itself, so the two
 * cannot drift apart. */
static gboolean
write_import_sheet (Writer      *w,
                    const char  *hub_id,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HubsCsvTable) table = NULL;
  g_autofree double *widths = NULL;
  const HubsCsvRecord *header;
  lxw_worksheet *sheet;
  int hub_col = -1;
  guint n_columns;
  lxw_row_t row = 0;

  if (!hubs_export_csv_full (w->store, stream, HUBS_EXPORT_LAYOUT_WIDE, HUBS_EXPORT_FLAGS_NONE,
                             NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  table = hubs_csv_table_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (hubs_csv_table_get_n_records (table) == 0)
    return TRUE;

  if (!(sheet = workbook_add_worksheet (w->workbook, name)))
    {
      check (w, LXW_ERROR_SHEETNAME_ALREADY_USED);
      return TRUE;
    }

  header = hubs_csv_table_get_record (table, 0);
  n_columns = header->n_fields;
  widths = g_new0 (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    if (g_str_equal (header->fields[c].text, "hub_id"))
      hub_col = (int) c;

  for (guint r = 0; r < hubs_csv_table_get_n_records (table); r++)
    {
      const HubsCsvRecord *record = hubs_csv_table_get_record (table, r);

      if (r > 0 && hub_id != NULL &&
          (hub_col < 0 || (guint) hub_col >= record->n_fields ||
           !g_str_equal (record->fields[hub_col].text, hub_id)))
        continue;

      for (guint c = 0; c < record->n_fields && c < n_columns; c++)
        {
          const char *text = record->fields[c].text;
          char *end = NULL;
          double value;

          if (*text == '\0')
            continue;

          /* The fiscal years' figures are numbers; everything else is text as written. */
          value = g_ascii_strtod (text, &end);
          if (r > 0 && g_str_has_prefix (header->fields[c].text, "FY") && end != NULL &&
              *end == '\0')
            check (w, worksheet_write_number (sheet, row, c, value, NULL));
          else
            write_text (w, sheet, row, c, hubs_csv_restore_text (text),
                        r == 0 ? w->header : NULL);
          fit (widths, c, text, MAX_WIDTH);
        }
      row++;
    }

  for (guint c = 0; c < n_columns; c++)
    check (w, worksheet_set_column (sheet, c, c, MAX (widths[c], MIN_WIDTH), NULL));
  worksheet_freeze_panes (sheet, 1, 0);

  return TRUE;
}

static void
add_formats (Writer *w)
{
  w->title = workbook_add_format (w->workbook);
  format_set_bold (w->title);
  format_set_font_size (w->title, 14);

  w->header = workbook_add_format (w->workbook);
  format_set_bold (w->header);
  format_set_text_wrap (w->header);
  format_set_align (w->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bottom (w->header, LXW_BORDER_THIN);
  format_set_bg_color (w->header, 0xEDEDED);

  w->text = workbook_add_format (w->workbook);
  format_set_align (w->text, LXW_ALIGN_VERTICAL_TOP);

  w->wrapped = workbook_add_format (w->workbook);
  format_set_text_wrap (w->wrapped);
  format_set_align (w->wrapped, LXW_ALIGN_VERTICAL_TOP);

  w->dim = workbook_add_format (w->workbook);
  format_set_font_color (w->dim, 0x595959);

  w->count = workbook_add_format (w->workbook);
  format_set_num_format (w->count, "0");

  w->share = workbook_add_format (w->workbook);
  format_set_num_format (w->share, "0%");

  w->link = workbook_add_format (w->workbook);
  format_set_underline (w->link, LXW_UNDERLINE_SINGLE);
  format_set_font_color (w->link, LXW_COLOR_BLUE);
}

/* Reads every hub (or @hub_id) in one moment of the database. */
static GPtrArray *
read_hubs (Writer      *w,
           const char  *hub_id,
           GError     **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (hub_sheet_free);
  g_autoptr(GPtrArray) hubs = NULL;
  gboolean ok = TRUE;

  if (!hubs_store_begin_read (w->store, error))
    return NULL;

  if (hub_id != NULL)
    {
      HubsHub *hub = hubs_store_get_hub (w->store, hub_id, error);

      if (hub != NULL)
        {
          hubs = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_hub_free);
          g_ptr_array_add (hubs, hub);
        }
    }
  else
    hubs = hubs_store_list_hubs (w->store, error);

  ok = hubs != NULL;
  for (guint i = 0; ok && i < hubs->len; i++)
    {
      HubSheet *sheet = read_hub (w, hubs_hub_copy (g_ptr_array_index (hubs, i)), error);

      if (!(ok = sheet != NULL))
        break;
      g_ptr_array_add (sheets, sheet);
    }

  hubs_store_end_read (w->store);

  return ok ? g_steal_pointer (&sheets) : NULL;
}

/* Copies the finished workbook to @path, replacing a file there only once it is whole. */
static gboolean
copy_to (const char  *from,
         const char  *path,
         GError     **error)
{
  g_autoptr(HubsOutputFile) out = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean written;

  if (!(mapped = g_mapped_file_new (from, FALSE, &local_error)) ||
      !(out = hubs_output_file_open (path, &local_error)))
    {
      g_set_error_literal (error, HUBS_EXPORT_XLSX_ERROR, HUBS_EXPORT_XLSX_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }

  written = hubs_output_file_write (out, g_mapped_file_get_contents (mapped),
                                    g_mapped_file_get_length (mapped));
  if (!hubs_output_file_close (g_steal_pointer (&out), written, NULL, &local_error))
    {
      g_set_error_literal (error, HUBS_EXPORT_XLSX_ERROR, HUBS_EXPORT_XLSX_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * hubs_export_xlsx_to_path:
 * @store: a #HubsStore
 * @hub_id: (nullable): the hub to write, or %NULL for every hub
 * @path: the file to write, or `-` for standard output
 * @language: the language of the workbook's words, names and units
 * @as_of: (nullable): the moment the figures show, for the line that says so; %NULL for now
 * @error: a location for a #GError
 *
 * Writes an Excel workbook: a summary sheet of every hub written, then one sheet per hub
 * with its KPIs as rows and the baseline, targets and each fiscal year's actual as columns.
 * Figures are numbers, in a number format that shows the KPI's unit; the title and the
 * header rows are frozen. A file at @path is replaced only once the workbook is whole.
 *
 * Returns: %TRUE on success; %HUBS_STORE_ERROR_NOT_FOUND when @hub_id is not in the database
 */
gboolean
hubs_export_xlsx_to_path (HubsStore     *store,
                          const char    *hub_id,
                          const char    *path,
                          HubsLanguage   language,
                          GDateTime     *as_of,
                          GError       **error)
{
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *summary_name = NULL;
  g_autofree char *import_name = NULL;
  g_autofree char *title = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  w.store = store;
  w.lang = language;
  if (!(sheets = read_hubs (&w, hub_id, error)))
    return FALSE;

  /* libxlsxwriter writes to a file name; the workbook is made aside and copied in whole. */
  if (!(dir = g_dir_make_tmp ("hubs-xlsx-XXXXXX", error)))
    return FALSE;
  tmp_path = g_build_filename (dir, "workbook.xlsx", NULL);
  options.tmpdir = dir;

  if (!(w.workbook = workbook_new_opt (tmp_path, &options)))
    {
      g_set_error (error, HUBS_EXPORT_XLSX_ERROR, HUBS_EXPORT_XLSX_ERROR_WRITE,
                   /* Translators: %s is a file name */
                   _("Cannot write the workbook “%s”."), path);
      g_rmdir (dir);
      return FALSE;
    }

  w.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.number_formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.as_of_line = format_as_of (as_of, language);
  w.source_line = hubs_i18n_gettext (language, N_("Source: baselines and targets from the "
                                                  "phase-2 plans of the Startup Ecosystem Hub "
                                                  "Cities (government publication); actuals "
                                                  "as entered in Hubs by each hub city "
                                                  "consortium."));
  add_formats (&w);

  /* Translators: the name of the Excel workbook's first sheet; at most 31 characters */
  summary_name = hubs_export_xlsx_sheet_name (hubs_i18n_gettext (language, N_("Summary")),
                                              w.taken);
  for (guint i = 0; i < sheets->len; i++)
    {
      HubSheet *hs = g_ptr_array_index (sheets, i);

      hs->sheet_name = hubs_export_xlsx_sheet_name (hub_name (hs->hub, language), w.taken);
    }

  /* Translators: the name of the Excel workbook's last sheet, the one to fill in and save
   * as CSV for Import Figures; at most 31 characters */
  import_name = hubs_export_xlsx_sheet_name (hubs_i18n_gettext (language, N_("For Import")),
                                             w.taken);

  write_summary (&w, sheets, summary_name);
  for (guint i = 0; i < sheets->len; i++)
    write_hub_sheet (&w, g_ptr_array_index (sheets, i));
  ok = write_import_sheet (&w, hub_id, import_name, error);

  title = g_strdup (hubs_i18n_gettext (language, N_("KPIs of the Startup Ecosystem Hub "
                                                     "Cities")));
  properties.title = title;
  properties.comments = w.as_of_line;
  check (&w, workbook_set_properties (w.workbook, &properties));

  /* Closing writes the file, and frees the workbook whatever happened before. */
  check (&w, workbook_close (w.workbook));

  if (ok && w.status != LXW_NO_ERROR)
    {
      g_set_error (error, HUBS_EXPORT_XLSX_ERROR, HUBS_EXPORT_XLSX_ERROR_WRITE,
                   /* Translators: %1$s is a file name, %2$s the reason */
                   _("Cannot write the workbook “%1$s”: %2$s"), path, lxw_strerror (w.status));
      ok = FALSE;
    }
  if (ok)
    ok = copy_to (tmp_path, path, error);

  g_unlink (tmp_path);
  g_rmdir (dir);
  g_hash_table_unref (w.taken);
  g_hash_table_unref (w.number_formats);
  g_free (w.as_of_line);

  return ok;
}
