/* test-export-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Excel workbook, read back with an independent reader (openpyxl, through read-xlsx.py)
 * and compared figure by figure with the database: numbers are numbers in a format that
 * shows the unit, the header rows are frozen, columns fit Japanese names, sheet names are
 * ones Excel accepts. Also the table of figures that Copy Figures puts on the clipboard, and
 * the import's answer to a workbook given instead of CSV.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-export-xlsx.h"
#include "hubs-figure-table.h"
#include "hubs-hub-summary.h"
#include "hubs-import.h"
#include "hubs-test-util.h"

typedef HubsTestStore Fixture;

#define fixture_set_up hubs_test_store_set_up
#define fixture_tear_down hubs_test_store_tear_down

/* Reading the workbook back
 * ------------------------- */

typedef struct
{
  char *type;     /* "n" or "s" */
  char *format;
  char *value;
} Cell;

typedef struct
{
  GPtrArray  *sheets;   /* names, in order */
  GHashTable *freeze;   /* sheet → top-left cell of the scrolling part, "C5" */
  GHashTable *widths;   /* "sheet\tB" → width */
  GHashTable *cells;    /* "sheet\trow\tcolumn" → Cell */
  GHashTable *links;    /* "sheet\trow\tcolumn" → target */
} Workbook;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->type);
  g_free (cell->format);
  g_free (cell->value);
  g_free (cell);
}

static void
workbook_free (Workbook *wb)
{
  g_ptr_array_unref (wb->sheets);
  g_hash_table_unref (wb->freeze);
  g_hash_table_unref (wb->widths);
  g_hash_table_unref (wb->cells);
  g_hash_table_unref (wb->links);
  g_free (wb);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Workbook, workbook_free)

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p);
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static Workbook *
read_workbook (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Workbook *wb;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-xlsx.py %s failed: %s", path, err);

  wb = g_new0 (Workbook, 1);
  wb->sheets = g_ptr_array_new_with_free_func (g_free);
  wb->freeze = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  wb->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  wb->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  wb->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) raw = g_strsplit (lines[i], "\t", -1);
      g_autoptr(GPtrArray) f = g_ptr_array_new_with_free_func (g_free);

      if (*lines[i] == '\0')
        continue;
      for (guint n = 0; raw[n] != NULL; n++)
        g_ptr_array_add (f, unescape (raw[n]));

#define F(n) ((char *) g_ptr_array_index (f, n))
      if (g_str_equal (F (0), "sheet"))
        {
          g_ptr_array_add (wb->sheets, g_strdup (F (1)));
          g_hash_table_insert (wb->freeze, g_strdup (F (1)), g_strdup (F (2)));
        }
      else if (g_str_equal (F (0), "width"))
        g_hash_table_insert (wb->widths, g_strdup_printf ("%s\t%s", F (1), F (2)),
                             g_strdup (F (3)));
      else if (g_str_equal (F (0), "cell"))
        {
          Cell *cell = g_new0 (Cell, 1);

          cell->type = g_strdup (F (4));
          cell->format = g_strdup (F (5));
          cell->value = g_strdup (F (6));
          g_hash_table_insert (wb->cells, g_strdup_printf ("%s\t%s\t%s", F (1), F (2), F (3)),
                               cell);
        }
      else if (g_str_equal (F (0), "link"))
        g_hash_table_insert (wb->links, g_strdup_printf ("%s\t%s\t%s", F (1), F (2), F (3)),
                             g_strdup (F (4)));
#undef F
    }

  return wb;
}

static const Cell *
get_cell (Workbook   *wb,
          const char *sheet,
          guint       row,
          guint       column)
{
  g_autofree char *key = g_strdup_printf ("%s\t%u\t%u", sheet, row, column);

  return g_hash_table_lookup (wb->cells, key);
}

static const char *
get_text (Workbook   *wb,
          const char *sheet,
          guint       row,
          guint       column)
{
  const Cell *cell = get_cell (wb, sheet, row, column);

  return cell != NULL ? cell->value : NULL;
}

static double
get_width (Workbook   *wb,
           const char *sheet,
           char        letter)
{
  g_autofree char *key = g_strdup_printf ("%s\t%c", sheet, letter);
  const char *width = g_hash_table_lookup (wb->widths, key);

  g_assert_nonnull (width);
  return g_ascii_strtod (width, NULL);
}

/* The column of the hub sheet's header row whose header is @header, or 0. */
static guint
find_column (Workbook   *wb,
             const char *sheet,
             const char *header)
{
  for (guint c = 1; c < 100; c++)
    if (g_strcmp0 (get_text (wb, sheet, HUBS_EXPORT_XLSX_HEADER_ROW + 1, c), header) == 0)
      return c;

  return 0;
}

static void
save_figure (HubsStore  *store,
             HubsFigure *figure)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
  hubs_figure_free (figure);
}

/* Actuals of several kinds: whole, with a decimal, a rank, one not measured with its note
 * and source, and a hub whose name Excel would refuse as a sheet name. */
static void
add_test_figures (HubsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsHub) okinawa = NULL;
  HubsFigure *figure;

  figure = hubs_test_make_actual ("fukuoka/startup-visas", 2025, 1234);
  figure->source = g_strdup ("福岡市 出入国在留管理局の集計");
  save_figure (store, figure);
  save_figure (store, hubs_test_make_actual ("fukuoka/startup-visas", 2026, 1500));
  save_figure (store, hubs_test_make_actual ("sapporo/global-business-share", 2025, 73.7));
  save_figure (store, hubs_test_make_actual ("tokyo/gser-rank", 2025, 7));
  figure = hubs_test_make_actual ("fukuoka/mirai-projects", 2025, 0);
  figure->measured = FALSE;
  figure->note = g_strdup ("集計方法を見直し中 <b>&</b>");
  save_figure (store, figure);

  okinawa = hubs_store_get_hub (store, "okinawa", &error);
  g_assert_no_error (error);
  g_free (okinawa->name_ja);
  okinawa->name_ja = g_strdup ("沖縄[OKINAWA]: 共創/連携*? とても長い名前の拠点都市コンソーシアム");
  g_assert_true (hubs_store_save_hub (store, okinawa, &error));
  g_assert_no_error (error);
}

/* Every figure of every KPI of @hub_id is where it belongs on @sheet, as a number, and every
 * number on the sheet is a figure of the database. */
static void
assert_hub_sheet_matches_store (Workbook   *wb,
                                HubsStore  *store,
                                const char *sheet,
                                const char *hub_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, hub_id, &error);
  guint first_row = HUBS_EXPORT_XLSX_HEADER_ROW + 2;
  guint baseline_col = find_column (wb, sheet, "基準値");
  guint n_numbers_expected = 0;
  guint n_numbers_seen = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (baseline_col, ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (wb->freeze, sheet), ==, "C5");

  for (guint k = 0; k < kpis->len; k++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, k);
      g_autoptr(GPtrArray) figures = hubs_store_list_figures (store, kpi->id, &error);
      guint row = first_row + k;

      g_assert_no_error (error);
      g_assert_cmpstr (get_text (wb, sheet, row, 2), ==, kpi->name_ja);
      g_assert_cmpstr (get_text (wb, sheet, row, 3), ==, kpi->unit);

      for (guint i = 0; i < figures->len; i++)
        {
          const HubsFigure *figure = g_ptr_array_index (figures, i);
          g_autofree char *year = g_strdup_printf ("%d年度", figure->fiscal_year);
          g_autofree char *header = NULL;
          const Cell *cell;
          guint col;

          if (figure->kind == HUBS_FIGURE_BASELINE)
            col = baseline_col;
          else
            {
              header = g_strdup_printf (figure->kind == HUBS_FIGURE_TARGET ? "目標値（%s）"
                                                                           : "実績値（%s）", year);
              col = find_column (wb, sheet, header);
            }
          g_assert_cmpuint (col, >, 0);
          cell = get_cell (wb, sheet, row, col);
          g_assert_nonnull (cell);

          if (!figure->measured)
            {
              g_assert_cmpstr (cell->type, ==, "s");
              g_assert_cmpstr (cell->value, ==, "未計測");
              continue;
            }

          n_numbers_expected++;
          g_assert_cmpstr (cell->type, ==, "n");
          g_assert_cmpfloat (g_ascii_strtod (cell->value, NULL), ==, figure->value);
          /* The unit shows in the cell's format, and a target's qualifier: 12,856社, 300人以上. */
          if (*kpi->unit != '\0' && figure->unit == NULL)
            {
              const char *qualifier = figure->kind != HUBS_FIGURE_TARGET ? ""
                                      : kpi->qualifier == HUBS_QUALIFIER_AT_LEAST ? "以上"
                                      : kpi->qualifier == HUBS_QUALIFIER_AT_MOST ? "以内" : "";
              g_autofree char *quoted = g_strdup_printf ("\"%s%s\"", kpi->unit, qualifier);

              g_assert_true (g_str_has_suffix (cell->format, quoted));
            }
        }
    }

  /* Nothing else on the sheet is a number. */
  for (guint row = first_row; row < first_row + kpis->len; row++)
    for (guint col = 1; col < 40; col++)
      {
        const Cell *cell = get_cell (wb, sheet, row, col);

        if (cell != NULL && g_str_equal (cell->type, "n"))
          n_numbers_seen++;
      }
  g_assert_cmpuint (n_numbers_seen, ==, n_numbers_expected);
  g_assert_null (get_cell (wb, sheet, first_row + kpis->len, 2));
}

static void
test_workbook_ja (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = hubs_test_path (f->dir, "拠点都市.xlsx");
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(Workbook) wb = NULL;
  const char *fukuoka = NULL;
  guint col;

  add_test_figures (f->store);
  g_assert_true (hubs_export_xlsx_to_path (f->store, NULL, path, HUBS_LANGUAGE_JA, NULL,
                                           &error));
  g_assert_no_error (error);
  wb = read_workbook (path);

  hubs = hubs_store_list_hubs (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wb->sheets->len, ==, hubs->len + 2);
  g_assert_cmpstr (g_ptr_array_index (wb->sheets, 0), ==, "概要");
  g_assert_cmpstr (g_ptr_array_index (wb->sheets, hubs->len + 1), ==, "取込用");

  /* Names Excel accepts: short enough, none of its forbidden characters, unique whatever
   * the case. */
  for (guint i = 0; i < wb->sheets->len; i++)
    {
      const char *name = g_ptr_array_index (wb->sheets, i);

      g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
      g_assert_null (strpbrk (name, "[]:*?/\\"));
      g_assert_false (g_str_has_prefix (name, "'"));
      g_assert_true (g_hash_table_add (folded, g_utf8_casefold (name, -1)));
    }
  g_assert_cmpstr (g_ptr_array_index (wb->sheets, hubs->len), ==,
                   "沖縄_OKINAWA__ 共創_連携__ とても長い名前の拠点");

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      const char *sheet = g_ptr_array_index (wb->sheets, i + 1);
      HubsProgressSummary all;
      g_autofree char *link = NULL;
      guint row = HUBS_EXPORT_XLSX_HEADER_ROW + 2 + i;

      if (g_str_equal (hub->id, "fukuoka"))
        fukuoka = sheet;
      assert_hub_sheet_matches_store (wb, f->store, sheet, hub->id);

      /* The summary: each hub with its counts, as the hub page counts them, and a link. */
      g_assert_true (hubs_hub_summary_compute (f->store, hub->id, &all, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (get_text (wb, "概要", row, 1), ==, hub->name_ja);
      g_assert_cmpfloat (g_ascii_strtod (get_text (wb, "概要", row, 4), NULL), ==, all.n_kpis);
      g_assert_cmpfloat (g_ascii_strtod (get_text (wb, "概要", row, 5), NULL), ==,
                         all.n_assessed);
      for (HubsStatus s = 0; s < HUBS_N_STATUSES; s++)
        g_assert_cmpfloat (g_ascii_strtod (get_text (wb, "概要", row, 6 + s), NULL), ==,
                           all.n_by_status[s]);
      link = g_strdup_printf ("'%s'!A1", sheet);
      {
        g_autofree char *key = g_strdup_printf ("概要\t%u\t%u", row, 6 + HUBS_N_STATUSES + 1);

        g_assert_cmpstr (g_hash_table_lookup (wb->links, key), ==, link);
      }
    }
  g_assert_cmpstr (g_hash_table_lookup (wb->freeze, "概要"), ==, "B5");
  g_assert_nonnull (strstr (get_text (wb, "概要", 2, 1), "時点"));

  /* Formats that show the unit; decimals as the value has them. */
  g_assert_cmpstr (get_cell (wb, fukuoka, 8, find_column (wb, fukuoka, "実績値（2025年度）"))->format,
                   ==, "#,##0\"件\"");
  col = find_column (wb, "札幌・北海道", "実績値（2025年度）");
  g_assert_cmpstr (get_cell (wb, "札幌・北海道", 8, col)->format, ==, "0.0\"%\"");
  g_assert_cmpstr (get_cell (wb, "札幌・北海道", 8, col)->value, ==, "73.7");

  g_assert_cmpstr (get_cell (wb, "東京圏", 5, find_column (wb, "東京圏", "実績値（2025年度）"))->format,
                   ==, "0\"位\"");

  /* Notes and sources, in their columns. */
  g_assert_nonnull (strstr (get_text (wb, fukuoka, 10, find_column (wb, fukuoka, "注記")),
                            "集計方法を見直し中 <b>&</b>"));
  g_assert_cmpstr (get_text (wb, fukuoka, 8, find_column (wb, fukuoka, "出典")), ==,
                   "福岡市 出入国在留管理局の集計");
  /* Where a KPI stands, as the progress rules tell it, mark and words. */
  {
    g_autoptr(HubsKpi) kpi = hubs_store_get_kpi (f->store, "tokyo/gser-rank", &error);
    g_autoptr(GPtrArray) figures = hubs_store_list_figures (f->store, "tokyo/gser-rank", &error);
    g_autofree char *status = NULL;
    HubsProgress progress;

    hubs_progress_compute (&progress, kpi, figures);
    g_assert_cmpint (progress.status, !=, HUBS_STATUS_NOT_ASSESSABLE);
    status = g_strdup_printf ("%s %s", hubs_status_get_symbol (progress.status),
                              hubs_status_get_label (progress.status, HUBS_LANGUAGE_JA));
    g_assert_cmpstr (get_text (wb, "東京圏", 5, find_column (wb, "東京圏", "状況")), ==, status);
  }

  /* As wide as the Japanese names, which count twice, up to a width that still leaves the
   * figures in view (longer names wrap); narrow where the text is short. */
  g_assert_cmpfloat (get_width (wb, fukuoka, 'B'), >=, 45);
  g_assert_cmpfloat (get_width (wb, fukuoka, 'B'), <=, 50);
  g_assert_cmpfloat (get_width (wb, "東京圏", 'B'), >=, 2 * 8);
  g_assert_cmpfloat (get_width (wb, fukuoka, 'C'), <, 10);
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = hubs_test_path (f->dir, "kept.xlsx");
  g_autofree char *missing = hubs_test_path (f->dir, "no-such-folder/out.xlsx");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  /* A file already there stays as it was when the export cannot be made. */
  g_assert_true (g_file_set_contents (path, "what was here", -1, NULL));
  before = hubs_test_read_bytes (path);
  g_assert_false (hubs_export_xlsx_to_path (f->store, "nowhere", path, HUBS_LANGUAGE_EN, NULL,
                                            &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  hubs_test_assert_same_bytes (path, before);
  g_clear_error (&error);

  g_assert_false (hubs_export_xlsx_to_path (f->store, NULL, missing, HUBS_LANGUAGE_EN, NULL,
                                            &error));
  g_assert_error (error, HUBS_EXPORT_XLSX_ERROR, HUBS_EXPORT_XLSX_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Written over, the file is a whole workbook. */
  g_assert_true (hubs_export_xlsx_to_path (f->store, "kansai", path, HUBS_LANGUAGE_EN, NULL,
                                           &error));
  g_assert_no_error (error);
  {
    g_autoptr(Workbook) wb = read_workbook (path);

    g_assert_cmpuint (wb->sheets->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (wb->sheets, 1), ==, "Kansai");
    g_assert_cmpstr (g_ptr_array_index (wb->sheets, 2), ==, "For Import");
  }

  /* In English a rank reads as the app writes it: rank 7. */
  save_figure (f->store, hubs_test_make_actual ("tokyo/gser-rank", 2025, 7));
  g_assert_true (hubs_export_xlsx_to_path (f->store, "tokyo", path, HUBS_LANGUAGE_EN, NULL,
                                           &error));
  g_assert_no_error (error);
  {
    g_autoptr(Workbook) wb = read_workbook (path);
    const Cell *cell = get_cell (wb, "Greater Tokyo", 5,
                                 find_column (wb, "Greater Tokyo", "Actual FY2025"));

    g_assert_cmpstr (cell->format, ==, "\"rank \"0");
    g_assert_cmpstr (cell->value, ==, "7.0");
  }
}

static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *db = g_strdup (hubs_store_get_path (f->store));
  g_autofree char *path = hubs_test_path (f->dir, "fukuoka.xlsx");
  g_autofree char *database = g_strdup_printf ("--database=%s", db);
  g_autofree char *output = g_strdup_printf ("--export-xlsx=%s", path);
  const char *binary = g_getenv ("HUBS_BINARY");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Workbook) wb = NULL;
  int status;

  add_test_figures (f->store);
  g_clear_object (&f->store);

  {
    const char *argv[] = { binary, database, output, "--hub=fukuoka", "--lang=en", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  wb = read_workbook (path);
  g_assert_cmpuint (wb->sheets->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (wb->sheets, 0), ==, "Summary");
  g_assert_cmpstr (g_ptr_array_index (wb->sheets, 1), ==, "Fukuoka");
  g_assert_cmpstr (g_ptr_array_index (wb->sheets, 2), ==, "For Import");
  g_assert_cmpstr (g_hash_table_lookup (wb->freeze, "Fukuoka"), ==, "C5");
  g_assert_cmpstr (get_text (wb, "Fukuoka", 4, 4), ==, "Baseline");
  g_assert_cmpstr (get_text (wb, "Fukuoka", 8, 2), ==, "Startup visas granted (cumulative)");
  {
    guint col = find_column (wb, "Fukuoka", "Actual FY2025");
    const Cell *cell = get_cell (wb, "Fukuoka", 8, col);

    g_assert_cmpuint (col, >, 0);
    g_assert_cmpstr (cell->type, ==, "n");
    g_assert_cmpstr (cell->value, ==, "1234.0");
    g_assert_cmpstr (cell->format, ==, "#,##0\" cases\"");
    g_assert_cmpstr (get_text (wb, "Fukuoka", 10, col), ==, "Not measured");
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A mistyped hub: nothing is written, and the hub meant is named. */
  {
    g_autofree char *other = hubs_test_path (f->dir, "other.xlsx");
    g_autofree char *other_output = g_strdup_printf ("--export-xlsx=%s", other);
    const char *argv[] = { binary, database, other_output, "--hub=fukuok", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "fukuok"));
    g_assert_nonnull (strstr (err, "--hub=fukuoka?"));
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* As the figures stood yesterday, before the actuals were typed: the sheet says so. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
    g_autofree char *date = g_date_time_format (yesterday, "%Y-%m-%d");
    g_autofree char *day = hubs_format_date (g_date_time_get_year (yesterday),
                                             g_date_time_get_month (yesterday),
                                             g_date_time_get_day_of_month (yesterday),
                                             HUBS_LANGUAGE_EN);
    g_autofree char *as_of = g_strdup_printf ("--as-of=%s", date);
    g_autofree char *past = hubs_test_path (f->dir, "past.xlsx");
    g_autofree char *past_output = g_strdup_printf ("--export-xlsx=%s", past);
    const char *argv[] = { binary, database, past_output, "--hub=fukuoka", "--lang=en", as_of,
                           NULL };
    g_autoptr(Workbook) past_wb = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    past_wb = read_workbook (past);
    g_assert_true (g_str_has_prefix (get_text (past_wb, "Fukuoka", 2, 1), "Figures as of "));
    g_assert_nonnull (strstr (get_text (past_wb, "Fukuoka", 2, 1), day));
    g_assert_cmpstr (get_text (past_wb, "Fukuoka", 8, 2), ==, "Startup visas granted (cumulative)");
    g_assert_null (get_cell (past_wb, "Fukuoka", 8, find_column (past_wb, "Fukuoka",
                                                                 "Actual FY2025")));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Options of the CSV export do not go with it. */
  {
    const char *argv[] = { binary, database, output, "--bom", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "--bom"));
  }

  f->store = hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT);
}

static void
test_sheet_names (void)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *long_name = "とても長い名前の拠点都市スタートアップ・エコシステム推進協議会の作業用シート";
  g_autofree char *a = hubs_export_xlsx_sheet_name ("札幌・北海道", taken);
  g_autofree char *b = hubs_export_xlsx_sheet_name ("a/b:c*d?e[f]g\\h", taken);
  g_autofree char *c = hubs_export_xlsx_sheet_name ("Fukuoka", taken);
  g_autofree char *d = hubs_export_xlsx_sheet_name ("FUKUOKA", taken);
  g_autofree char *e = hubs_export_xlsx_sheet_name ("fukuoka", taken);
  g_autofree char *g = hubs_export_xlsx_sheet_name (long_name, taken);
  g_autofree char *h = hubs_export_xlsx_sheet_name (long_name, taken);
  g_autofree char *i = hubs_export_xlsx_sheet_name ("'quoted'", taken);
  g_autofree char *j = hubs_export_xlsx_sheet_name ("", taken);
  g_autofree char *k = hubs_export_xlsx_sheet_name ("history", taken);

  g_assert_cmpstr (a, ==, "札幌・北海道");
  g_assert_cmpstr (b, ==, "a_b_c_d_e_f_g_h");
  g_assert_cmpstr (c, ==, "Fukuoka");
  g_assert_cmpstr (d, ==, "FUKUOKA (2)");
  g_assert_cmpstr (e, ==, "fukuoka (3)");
  g_assert_cmpint (g_utf8_strlen (g, -1), ==, 31);
  g_assert_true (g_str_has_prefix (long_name, g));
  g_assert_cmpint (g_utf8_strlen (h, -1), ==, 31);
  g_assert_true (g_str_has_suffix (h, " (2)"));
  g_assert_cmpstr (i, ==, "quoted");
  g_assert_cmpstr (j, ==, "Sheet");
  g_assert_cmpstr (k, ==, "history 1");
}

/* The table Copy Figures puts on the clipboard. */
static void
test_table_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HubsFigureTable) table = hubs_figure_table_new (HUBS_LANGUAGE_JA);
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *html = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) visas = NULL;
  g_auto(GStrv) mirai = NULL;
  guint col_2025 = 0;

  add_test_figures (f->store);
  kpis = hubs_store_list_kpis (f->store, "fukuoka", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      g_autoptr(GPtrArray) figures = hubs_store_list_figures (f->store, kpi->id, &error);

      hubs_figure_table_add_kpi (table, kpi, figures, NULL);
    }

  tsv = hubs_figure_table_to_tsv (table);
  lines = g_strsplit (tsv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, kpis->len + 2);
  g_assert_cmpstr (lines[kpis->len + 1], ==, "");
  header = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (header), ==, hubs_figure_table_get_n_columns (table));
  g_assert_cmpstr (header[1], ==, "KPI");
  g_assert_cmpstr (header[3], ==, "基準値");
  for (guint c = 0; header[c] != NULL; c++)
    if (g_str_equal (header[c], "実績値（2025年度）"))
      col_2025 = c;
  g_assert_cmpuint (col_2025, >, 0);

  visas = g_strsplit (lines[4], "\t", -1);
  g_assert_cmpuint (g_strv_length (visas), ==, g_strv_length (header));
  g_assert_cmpstr (visas[1], ==, "スタートアップビザ認定件数（累計）");
  g_assert_cmpstr (visas[2], ==, "件");
  g_assert_cmpstr (visas[col_2025], ==, "1234");
  g_assert_cmpstr (visas[col_2025 + 1], ==, "1500");
  mirai = g_strsplit (lines[6], "\t", -1);
  g_assert_cmpstr (mirai[col_2025], ==, "未計測");

  html = hubs_figure_table_to_html (table, "福岡 <Fukuoka>");
  g_assert_nonnull (strstr (html, "<caption>福岡 &lt;Fukuoka&gt;</caption>"));
  g_assert_nonnull (strstr (html, "<th>実績値（2025年度）</th>"));
  g_assert_nonnull (strstr (html, "<td align=\"right\" x:num=\"1234\">1,234</td>"));
  g_assert_nonnull (strstr (html, "集計方法を見直し中 &lt;b&gt;&amp;&lt;/b&gt;"));
  g_assert_null (strstr (html, "<b>"));
}

/* The workbook filled in and brought back: the person types an actual into the sheet to
 * fill in, saves it from Excel as CSV, and Import Figures reads that file. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = hubs_test_path (f->dir, "fukuoka.xlsx");
  g_autofree char *csv = hubs_test_path (f->dir, "fukuoka.csv");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  g_autofree char *cell = NULL;
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Workbook) wb = NULL;
  const HubsImportChange *change;
  guint row = 0, col = 0;
  int status;

  add_test_figures (f->store);
  g_assert_true (hubs_export_xlsx_to_path (f->store, "fukuoka", path, HUBS_LANGUAGE_JA, NULL,
                                           &error));
  g_assert_no_error (error);
  wb = read_workbook (path);
  g_assert_cmpstr (g_ptr_array_index (wb->sheets, 2), ==, "取込用");
  g_assert_cmpstr (g_hash_table_lookup (wb->freeze, "取込用"), ==, "A2");

  for (guint c = 1; c < 26 && col == 0; c++)
    if (g_strcmp0 (get_text (wb, "取込用", 1, c), "FY2026") == 0)
      col = c;
  for (guint r = 2; r < 100 && row == 0; r++)
    if (g_strcmp0 (get_text (wb, "取込用", r, 4), "fukuoka/valuation-10bn-yen") == 0 &&
        g_strcmp0 (get_text (wb, "取込用", r, 8), "actual") == 0)
      row = r;
  g_assert_cmpuint (col, >, 0);
  g_assert_cmpuint (row, >, 0);
  /* The cell to fill in is empty; the figures there are numbers too. */
  g_assert_null (get_cell (wb, "取込用", row, col));
  {
    guint visas = 0;

    for (guint r = 2; r < 100 && visas == 0; r++)
      if (g_strcmp0 (get_text (wb, "取込用", r, 4), "fukuoka/startup-visas") == 0 &&
          g_strcmp0 (get_text (wb, "取込用", r, 8), "actual") == 0)
        visas = r;
    g_assert_cmpstr (get_cell (wb, "取込用", visas, col - 1)->type, ==, "n");
    g_assert_cmpstr (get_cell (wb, "取込用", visas, col - 1)->value, ==, "1234.0");
  }

  cell = g_strdup_printf ("%c%u", 'A' + col - 1, row);
  {
    const char *argv[] = { "/usr/bin/python3", script, "--save-csv", "取込用", cell, "7", csv,
                           path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  plan = hubs_import_plan_new_for_path (f->store, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hubs_import_plan_get_n_problems (plan), ==, 0);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_NEW), ==, 1);
  g_assert_cmpuint (hubs_import_plan_count (plan, HUBS_IMPORT_CHANGED), ==, 0);
  g_assert_cmpuint (hubs_import_plan_count_plan_changes (plan), ==, 0);
  change = g_ptr_array_index (hubs_import_plan_get_changes (plan), 0);
  for (guint i = 0; change->kind == HUBS_IMPORT_UNCHANGED; i++)
    change = g_ptr_array_index (hubs_import_plan_get_changes (plan), i);
  g_assert_cmpstr (change->kpi->id, ==, "fukuoka/valuation-10bn-yen");
  g_assert_cmpint (change->figure->fiscal_year, ==, 2026);
  g_assert_cmpfloat (change->figure->value, ==, 7);
}

static void
test_import_refuses_workbook (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = hubs_test_path (f->dir, "figures.xlsx");
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsFigure) before = hubs_store_get_figure (f->store, "fukuoka/startup-visas", 2024,
                                                        HUBS_FIGURE_BASELINE, NULL);

  g_assert_true (hubs_export_xlsx_to_path (f->store, "fukuoka", path, HUBS_LANGUAGE_JA, NULL,
                                           &error));
  g_assert_no_error (error);

  plan = hubs_import_plan_new_for_path (f->store, path, &error);
  g_assert_null (plan);
  g_assert_error (error, HUBS_IMPORT_ERROR, HUBS_IMPORT_ERROR_SPREADSHEET);
  g_assert_nonnull (strstr (error->message, "figures.xlsx"));
  g_assert_nonnull (strstr (error->message, "CSV UTF-8"));

  /* The database is as it was. */
  {
    g_autoptr(HubsFigure) after = hubs_store_get_figure (f->store, "fukuoka/startup-visas", 2024,
                                                         HUBS_FIGURE_BASELINE, NULL);

    g_assert_nonnull (before);
    g_assert_true (hubs_figure_equal (before, after));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HUBS_LOCALEDIR") != NULL ? g_getenv ("HUBS_LOCALEDIR")
                                                                        : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/export-xlsx/sheet-names", test_sheet_names);
  g_test_add ("/hubs/export-xlsx/workbook-ja", Fixture, NULL, fixture_set_up, test_workbook_ja,
              fixture_tear_down);
  g_test_add ("/hubs/export-xlsx/failures", Fixture, NULL, fixture_set_up, test_failures,
              fixture_tear_down);
  g_test_add ("/hubs/export-xlsx/command-line", Fixture, NULL, fixture_set_up,
              test_command_line, fixture_tear_down);
  g_test_add ("/hubs/export-xlsx/table-text", Fixture, NULL, fixture_set_up, test_table_text,
              fixture_tear_down);
  g_test_add ("/hubs/export-xlsx/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/hubs/export-xlsx/import-refuses-workbook", Fixture, NULL, fixture_set_up,
              test_import_refuses_workbook, fixture_tear_down);

  return g_test_run ();
}
