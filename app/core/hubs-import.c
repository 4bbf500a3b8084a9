/* hubs-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures in from spreadsheets. A CSV file is read into a plan (which figures are new,
 * which change, which are as they are, and every error with its line and column) before
 * anything is written; a plan with any error cannot be applied, and one without is applied
 * in a single transaction after a snapshot of the database.
 *
 * Two layouts: the long one `--export-csv` writes (one figure per row) and the wide one
 * staff keep in Excel (one row per KPI and kind, one column per fiscal year).
 */

#define G_LOG_DOMAIN "hubs-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-backup.h"
#include "hubs-db.h"
#include "hubs-export.h"
#include "hubs-format.h"
#include "hubs-import.h"
#include "hubs-plausibility.h"

G_DEFINE_QUARK (hubs-import-error-quark, hubs_import_error)

/* The columns the reader knows; any other column that is not a fiscal year is ignored and
 * named in the preview. */
typedef enum
{
  COL_HUB_ID,
  COL_HUB_NAME_JA,
  COL_HUB_NAME_EN,
  COL_KPI_ID,
  COL_KPI_NAME_JA,
  COL_KPI_NAME_EN,
  COL_KIND,
  COL_FISCAL_YEAR,
  COL_VALUE,
  COL_STATUS,
  COL_NOTE,
  COL_UNIT,
  COL_AS_OF,
  /* Written by the export for people to read; accepted and not checked. */
  COL_PILLAR,
  COL_AGGREGATION,
  COL_DIRECTION,
  COL_QUALIFIER,
  COL_PER_YEAR,
  COL_PATH_FROM_ZERO,
  COL_PARENT_KPI_ID,
  COL_KPI_NOTE_JA,
  COL_KPI_NOTE_EN,
  /* A figure's own, in the long layout. */
  COL_NOTE_EN,
  COL_UNIT_AS_PUBLISHED,
  N_COLS
} Col;

static const char * const col_names[N_COLS] = {
  "hub_id", "hub_name_ja", "hub_name_en", "kpi_id", "kpi_name_ja", "kpi_name_en", "kind",
  "fiscal_year", "value", "status", "note", "unit", "as_of", "pillar", "aggregation",
  "direction", "qualifier", "per_year", "path_from_zero", "parent_kpi_id", "kpi_note_ja",
  "kpi_note_en", "note_en", "unit_as_published",
};

/* Headers a Japanese sheet may use instead, compared as header_key() gives them. */
static const struct
{
  const char *header;
  Col         col;
} col_aliases[] = {
  { "拠点都市", COL_HUB_NAME_JA },
  { "拠点都市名", COL_HUB_NAME_JA },
  { "kpi名", COL_KPI_NAME_JA },
  { "種別", COL_KIND },
  { "年度", COL_FISCAL_YEAR },
  { "値", COL_VALUE },
  { "状態", COL_STATUS },
  { "備考", COL_NOTE },
  { "単位", COL_UNIT },
  { "時点", COL_AS_OF },
};

typedef struct
{
  guint index;  /* field index, from 0 */
  int   year;
} YearCol;

#define N_KINDS (HUBS_FIGURE_ACTUAL + 1)

/* The fiscal years whose figures a KPI's "seen" bits record; others go to a table. */
#define SEEN_FIRST_YEAR 2000
#define SEEN_N_YEARS    64

/* A KPI of the database, and which of its figures the file gave so far: one bit per fiscal
 * year and kind, and the line of the first figure of each kind. A figure on a later line than
 * its kind's first (a second row of the same KPI and kind) has its line in the plan's
 * seen_lines, as has every figure of a year out of the bits' range. Compact, so that a file
 * of three million figures does not keep three million keys. */
typedef struct
{
  HubsKpi  *kpi;
  guint     index;
  guint64   seen[N_KINDS];
  guint     first_line[N_KINDS];
} ImportKpi;

struct _HubsImportPlan
{
  HubsImportLayout  layout;
  HubsCsvEncoding   encoding;
  GPtrArray        *changes;        /* new and changed figures only */
  guint             n_unchanged;
  GPtrArray        *problems;       /* the first HUBS_IMPORT_MAX_LISTED_PROBLEMS */
  guint             n_problems;     /* all of them */
  guint             n_warnings;     /* changes far from the plan */
  GPtrArray        *ignored;
  GHashTable       *kpis_by_id;     /* id → ImportKpi; the changes point to their KPIs */

  /* While reading */
  int               cols[N_COLS];  /* field index, or -1 */
  guint             n_header_fields;
  GArray           *years;
  GHashTable       *hubs_by_key;   /* id, Japanese and English name → hub id */
  GHashTable       *kpis_by_name;  /* "hub id\nname" → ImportKpi, NULL when ambiguous; made
                                    * when a row first names a KPI */
  GHashTable       *seen_lines;    /* (KPI index, year, kind) → line, see ImportKpi */
  char             *figures_hub;   /* the hub whose stored figures are in @figures */
  GHashTable       *figures;       /* KPI id → its stored figures */
};

static void
import_kpi_free (ImportKpi *ikpi)
{
  hubs_kpi_free (ikpi->kpi);
  g_free (ikpi);
}

static void
change_free (HubsImportChange *change)
{
  g_clear_pointer (&change->old, hubs_figure_free);
  g_clear_pointer (&change->figure, hubs_figure_free);
  g_free (change->warning);
  g_free (change);
}

/**
 * hubs_import_plan_free:
 * @plan: (nullable): a plan
 */
void
hubs_import_plan_free (HubsImportPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->changes, g_ptr_array_unref);
  g_clear_pointer (&plan->problems, g_ptr_array_unref);
  g_clear_pointer (&plan->ignored, g_ptr_array_unref);
  g_clear_pointer (&plan->years, g_array_unref);
  g_clear_pointer (&plan->kpis_by_id, g_hash_table_unref);
  g_clear_pointer (&plan->hubs_by_key, g_hash_table_unref);
  g_clear_pointer (&plan->kpis_by_name, g_hash_table_unref);
  g_clear_pointer (&plan->seen_lines, g_hash_table_unref);
  g_clear_pointer (&plan->figures, g_hash_table_unref);
  g_clear_pointer (&plan->figures_hub, g_free);
  g_free (plan);
}

static void
add_problem (HubsImportPlan *plan,
             guint           line,
             guint           column,
             const char     *message)
{
  plan->n_problems++;
  if (plan->problems->len < HUBS_IMPORT_MAX_LISTED_PROBLEMS)
    g_ptr_array_add (plan->problems, hubs_csv_problem_new (line, column, message));
}

G_GNUC_PRINTF (4, 5)
static void
add_problem_printf (HubsImportPlan *plan,
                    guint           line,
                    guint           column,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (plan, line, column, message);
}

/* Text compared the way a person reads it: full-width letters and digits as half-width,
 * case ignored, no spaces (U+3000 included). */
static char *
name_key (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc != NULL ? nfkc : "", -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* A header as a column name: like name_key(), with spaces and hyphens read as "_", so
 * "Hub ID" and "hub-id" are hub_id. */
static char *
header_key (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc != NULL ? nfkc : "", -1);
  char *key = g_strstrip (g_steal_pointer (&folded));

  for (char *p = key; *p; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';

  return key;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* The marks Japanese sheets put where there is no figure: a hyphen (full-width too, which
 * NFKC makes one), ― (U+2015) and — (U+2014). */
static gboolean
is_no_data_mark (const char *text)
{
  const char *p = text;
  gunichar mark;

  while (*p && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return FALSE;
  mark = g_utf8_get_char (p);
  if (mark != '-' && mark != 0xFF0D && mark != 0x2015 && mark != 0x2014)
    return FALSE;

  return is_blank (g_utf8_next_char (p));
}

static gboolean
is_not_measured (const char *text)
{
  g_autofree char *key = name_key (text);

  return g_str_equal (key, "未計測") || g_str_equal (key, "not_measured") ||
         g_str_equal (key, "notmeasured");
}

static gboolean
parse_kind (const char     *text,
            HubsFigureKind *kind)
{
  g_autofree char *key = NULL;

  /* As the export writes them, without normalizing. */
  if (g_str_equal (text, "actual") || g_str_equal (text, "target") ||
      g_str_equal (text, "baseline"))
    return hubs_figure_kind_from_string (text, kind);

  key = name_key (text);
  if (g_str_equal (key, "baseline") || g_str_equal (key, "基準値") || g_str_equal (key, "基準"))
    *kind = HUBS_FIGURE_BASELINE;
  else if (g_str_equal (key, "target") || g_str_equal (key, "目標値") ||
           g_str_equal (key, "目標"))
    *kind = HUBS_FIGURE_TARGET;
  else if (g_str_equal (key, "actual") || g_str_equal (key, "実績値") ||
           g_str_equal (key, "実績"))
    *kind = HUBS_FIGURE_ACTUAL;
  else
    return FALSE;

  return TRUE;
}

static gboolean
load_store (HubsImportPlan  *plan,
            HubsStore       *store,
            GError         **error)
{
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GPtrArray) kpis = NULL;

  if (!(hubs = hubs_store_list_hubs (store, error)) ||
      !(kpis = hubs_store_list_kpis (store, NULL, error)))
    return FALSE;

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      const char *names[] = { hub->id, hub->name_ja, hub->name_en };

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        if (names[j] != NULL && *names[j] != '\0')
          g_hash_table_insert (plan->hubs_by_key, name_key (names[j]), g_strdup (hub->id));
    }

  /* People drop the 圏 of 東京圏 and the "Greater" of Greater Tokyo; accept the short name
   * where it is no other hub's. */
  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      g_autofree char *ja = name_key (hub->name_ja != NULL ? hub->name_ja : "");
      g_autofree char *en = name_key (hub->name_en != NULL ? hub->name_en : "");

      if (g_str_has_suffix (ja, "圏") && strlen (ja) > strlen ("圏"))
        {
          ja[strlen (ja) - strlen ("圏")] = '\0';
          if (!g_hash_table_contains (plan->hubs_by_key, ja))
            g_hash_table_insert (plan->hubs_by_key, g_strdup (ja), g_strdup (hub->id));
        }

      if (g_str_has_prefix (en, "greater") && strlen (en) > strlen ("greater"))
        {
          const char *short_en = en + strlen ("greater");

          if (!g_hash_table_contains (plan->hubs_by_key, short_en))
            g_hash_table_insert (plan->hubs_by_key, g_strdup (short_en), g_strdup (hub->id));
        }
    }

  for (guint i = 0; i < kpis->len; i++)
    {
      ImportKpi *ikpi = g_new0 (ImportKpi, 1);

      ikpi->kpi = g_ptr_array_index (kpis, i);
      ikpi->index = i;
      g_hash_table_insert (plan->kpis_by_id, ikpi->kpi->id, ikpi);
    }

  /* The KPIs are owned by the id table from here on. */
  g_ptr_array_set_free_func (kpis, NULL);

  return TRUE;
}

/* The KPIs by hub and name, made when a row first names a KPI rather than giving its id. */
static void
ensure_kpi_names (HubsImportPlan *plan)
{
  GHashTableIter iter;
  ImportKpi *ikpi;

  if (plan->kpis_by_name != NULL)
    return;

  plan->kpis_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, plan->kpis_by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &ikpi))
    {
      const HubsKpi *kpi = ikpi->kpi;
      const char *names[] = { kpi->name_ja, kpi->name_en };

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        {
          g_autofree char *name = NULL;
          char *key;

          if (names[j] == NULL || *names[j] == '\0')
            continue;

          name = name_key (names[j]);
          key = g_strconcat (kpi->hub_id, "\n", name, NULL);

          /* Two KPIs of one hub with the same name: the name identifies neither. */
          if (g_hash_table_contains (plan->kpis_by_name, key) &&
              g_hash_table_lookup (plan->kpis_by_name, key) != ikpi)
            g_hash_table_replace (plan->kpis_by_name, key, NULL);
          else
            g_hash_table_replace (plan->kpis_by_name, key, ikpi);
        }
    }
}

/* A text cell (ids, names, kind, unit, status, note), without the `'` the export puts
 * before text a spreadsheet would read as a formula. Values are read from the fields as
 * they are. */
static const char *
cell (const HubsCsvRecord *record,
      int                  col)
{
  if (col < 0 || (guint) col >= record->n_fields)
    return "";

  return hubs_csv_restore_text (record->fields[col].text);
}

static guint
cell_column (int col)
{
  return (guint) col + 1;
}

static gboolean
read_header (HubsImportPlan      *plan,
             const HubsCsvRecord *header)
{
  gboolean by_id, by_name;

  for (guint c = 0; c < N_COLS; c++)
    plan->cols[c] = -1;

  for (guint i = 0; i < header->n_fields; i++)
    {
      const HubsCsvField *field = &header->fields[i];
      g_autofree char *key = header_key (field->text);
      gboolean known = FALSE;
      int year;

      if (*key == '\0')
        continue;

      for (guint c = 0; c < N_COLS; c++)
        {
          gboolean alias = FALSE;

          for (guint a = 0; a < G_N_ELEMENTS (col_aliases); a++)
            alias = alias || (col_aliases[a].col == c && g_str_equal (key, col_aliases[a].header));

          if (!g_str_equal (key, col_names[c]) && !alias)
            continue;

          known = TRUE;
          if (plan->cols[c] >= 0)
            add_problem_printf (plan, field->line, field->column,
                                /* Translators: %1$s is a column name, %2$u a column number */
                                _("The column “%1$s” appears twice; the first is column "
                                  "%2$u."),
                                field->text, cell_column (plan->cols[c]));
          else
            plan->cols[c] = (int) i;
        }

      if (known)
        continue;

      if (hubs_parse_fiscal_year (field->text, &year, NULL))
        {
          YearCol yc = { i, year };

          for (guint j = 0; j < plan->years->len; j++)
            {
              const YearCol *other = &g_array_index (plan->years, YearCol, j);

              if (other->year == year)
                {
                  add_problem_printf (plan, field->line, field->column,
                                      /* Translators: %1$d is a fiscal year such as 2025, %2$u a
                                       * column number */
                                      _("Fiscal year %1$d has a second column here; the first "
                                        "is column %2$u."),
                                      year, other->index + 1);
                  known = TRUE;
                }
            }

          if (!known)
            g_array_append_val (plan->years, yc);
          continue;
        }

      g_ptr_array_add (plan->ignored, g_strdup (field->text));
    }

  if (plan->cols[COL_FISCAL_YEAR] >= 0 && plan->cols[COL_VALUE] >= 0)
    {
      plan->layout = HUBS_IMPORT_LAYOUT_LONG;

      /* Year columns mean nothing here: say so rather than ignore them silently. */
      for (guint j = 0; j < plan->years->len; j++)
        {
          const YearCol *yc = &g_array_index (plan->years, YearCol, j);

          g_ptr_array_add (plan->ignored, g_strdup (header->fields[yc->index].text));
        }
      g_array_set_size (plan->years, 0);
    }
  else if (plan->years->len > 0)
    {
      /* as_of stays: the export writes the row's dates there for people to read. */
      static const Col long_only[] = { COL_FISCAL_YEAR, COL_VALUE, COL_STATUS, COL_NOTE,
                                       COL_NOTE_EN, COL_UNIT_AS_PUBLISHED };

      plan->layout = HUBS_IMPORT_LAYOUT_WIDE;

      /* A note or status belongs to one figure, and a row here holds several. */
      for (guint j = 0; j < G_N_ELEMENTS (long_only); j++)
        if (plan->cols[long_only[j]] >= 0)
          {
            g_ptr_array_add (plan->ignored,
                             g_strdup (header->fields[plan->cols[long_only[j]]].text));
            plan->cols[long_only[j]] = -1;
          }
    }
  else
    {
      add_problem (plan, header->line, 1,
                   _("The first line must name the columns: either fiscal_year and value "
                     "(one figure per row), or fiscal years such as 2025, FY2025 or 2025年度 "
                     "(one row per KPI)."));
      return FALSE;
    }

  by_id = plan->cols[COL_KPI_ID] >= 0;
  by_name = (plan->cols[COL_KPI_NAME_JA] >= 0 || plan->cols[COL_KPI_NAME_EN] >= 0) &&
            (plan->cols[COL_HUB_ID] >= 0 || plan->cols[COL_HUB_NAME_JA] >= 0 ||
             plan->cols[COL_HUB_NAME_EN] >= 0);

  if (!by_id && !by_name)
    {
      add_problem (plan, header->line, 1,
                   _("The first line has no kpi_id column, and no KPI name column "
                     "(kpi_name_ja or kpi_name_en) with a hub column (hub_id, hub_name_ja or "
                     "hub_name_en), so the rows cannot be matched to KPIs."));
      return FALSE;
    }

  return TRUE;
}

/* Finds the row's KPI, or notes why it cannot. */
static ImportKpi *
find_kpi (HubsImportPlan      *plan,
          const HubsCsvRecord *record)
{
  g_autofree char *kpi_id = g_strstrip (g_strdup (cell (record, plan->cols[COL_KPI_ID])));
  int hub_col = -1;
  int name_col = -1;
  const char *hub_text = NULL;
  const char *hub_id;
  ImportKpi *ikpi;
  g_autofree char *hub_key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;

  /* The hub as the row gives it: its id, else its Japanese name, else its English one. */
  for (Col c = COL_HUB_ID; c <= COL_HUB_NAME_EN; c++)
    if (plan->cols[c] >= 0 && !is_blank (cell (record, plan->cols[c])))
      {
        hub_col = plan->cols[c];
        hub_text = cell (record, hub_col);
        break;
      }

  if (*kpi_id != '\0')
    {
      if (!(ikpi = g_hash_table_lookup (plan->kpis_by_id, kpi_id)))
        {
          add_problem_printf (plan, record->line, cell_column (plan->cols[COL_KPI_ID]),
                              _("There is no KPI “%s” in the database."), kpi_id);
          return NULL;
        }

      /* The hub as the export writes it, its id, needs no normalizing. */
      if (hub_text != NULL && g_str_equal (hub_text, ikpi->kpi->hub_id))
        return ikpi;

      hub_key = hub_text != NULL ? name_key (hub_text) : NULL;
      hub_id = hub_key != NULL ? g_hash_table_lookup (plan->hubs_by_key, hub_key) : NULL;
      if (hub_text != NULL && g_strcmp0 (hub_id, ikpi->kpi->hub_id) != 0)
        {
          add_problem_printf (plan, record->line, cell_column (hub_col),
                              /* Translators: %1$s is a KPI id, %2$s and %3$s hubs */
                              _("The KPI “%1$s” belongs to the hub “%2$s”, not to “%3$s”."),
                              ikpi->kpi->id, ikpi->kpi->hub_id, hub_text);
          return NULL;
        }

      return ikpi;
    }

  for (Col c = COL_KPI_NAME_JA; c <= COL_KPI_NAME_EN; c++)
    if (plan->cols[c] >= 0 && !is_blank (cell (record, plan->cols[c])))
      {
        name_col = plan->cols[c];
        break;
      }

  if (name_col < 0)
    {
      int col = plan->cols[COL_KPI_ID];

      for (Col c = COL_KPI_ID; col < 0 && c <= COL_KPI_NAME_EN; c++)
        col = plan->cols[c];
      add_problem (plan, record->line, cell_column (col),
                   _("This row names no KPI: its KPI id and KPI name are empty."));
      return NULL;
    }

  if (hub_text == NULL)
    {
      int col = -1;

      for (Col c = COL_HUB_ID; col < 0 && c <= COL_HUB_NAME_EN; c++)
        col = plan->cols[c];
      add_problem_printf (plan, record->line, cell_column (col >= 0 ? col : name_col),
                          _("The KPI “%s” is named without its hub: the hub column is empty."),
                          cell (record, name_col));
      return NULL;
    }

  hub_key = name_key (hub_text);
  if (!(hub_id = g_hash_table_lookup (plan->hubs_by_key, hub_key)))
    {
      add_problem_printf (plan, record->line, cell_column (hub_col),
                          _("There is no hub “%s” in the database."), hub_text);
      return NULL;
    }

  ensure_kpi_names (plan);
  name = name_key (cell (record, name_col));
  key = g_strconcat (hub_id, "\n", name, NULL);
  if (!g_hash_table_contains (plan->kpis_by_name, key))
    {
      add_problem_printf (plan, record->line, cell_column (name_col),
                          /* Translators: %1$s is a hub, %2$s a KPI name */
                          _("The hub “%1$s” has no KPI named “%2$s”."),
                          hub_text, cell (record, name_col));
      return NULL;
    }

  if (!(ikpi = g_hash_table_lookup (plan->kpis_by_name, key)))
    {
      add_problem_printf (plan, record->line, cell_column (name_col),
                          /* Translators: %1$s is a hub, %2$s a KPI name */
                          _("The hub “%1$s” has more than one KPI named “%2$s”; add a kpi_id "
                            "column to tell them apart."),
                          hub_text, cell (record, name_col));
      return NULL;
    }

  return ikpi;
}

/* Reads a value cell into @figure. Returns FALSE for an empty cell (no figure) and after
 * noting a problem. */
static gboolean
read_value (HubsImportPlan      *plan,
            const HubsCsvField  *field,
            const HubsKpi       *kpi,
            HubsFigure          *figure)
{
  g_autoptr(GError) error = NULL;
  double value;
  gsize len;

  /* Most cells are plain numbers: no need to look for words or marks in them. */
  if (g_ascii_isdigit (field->text[0]))
    goto number;

  if (is_blank (field->text) || is_no_data_mark (field->text))
    return FALSE;

  if (is_not_measured (field->text))
    {
      figure->measured = FALSE;
      figure->value = 0;
      return TRUE;
    }

number:
  /* A whole number of digits alone, as exports write them, reads the same in every unit. */
  len = strspn (field->text, "0123456789");
  if (field->text[len] == '\0' && len <= 15 && (field->text[0] != '0' || len == 1))
    {
      figure->measured = TRUE;
      figure->value = (double) g_ascii_strtoull (field->text, NULL, 10);
      return TRUE;
    }

  if (!hubs_parse_number (field->text, kpi->unit, &value, &error))
    {
      add_problem (plan, field->line, field->column, error->message);
      return FALSE;
    }

  figure->measured = TRUE;
  figure->value = value;

  return TRUE;
}

static gboolean
collect_figure (const HubsHub     *hub,
                const HubsKpi     *kpi,
                const HubsFigure  *figure,
                gpointer           user_data,
                GError           **error)
{
  GHashTable *by_kpi = user_data;
  GPtrArray *figures;

  if (figure == NULL)
    return TRUE;

  if (!(figures = g_hash_table_lookup (by_kpi, kpi->id)))
    {
      figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
      g_hash_table_insert (by_kpi, g_strdup (kpi->id), figures);
    }
  g_ptr_array_add (figures, hubs_figure_copy (figure));

  return TRUE;
}

/* The stored figures of @kpi's hub, read in bulk when a row first comes to the hub; a file
 * sorted by hub, as exports are, reads each hub once. */
static GPtrArray *
stored_figures (HubsImportPlan  *plan,
                HubsStore       *store,
                const HubsKpi   *kpi,
                GError         **error)
{
  if (g_strcmp0 (plan->figures_hub, kpi->hub_id) != 0)
    {
      g_clear_pointer (&plan->figures, g_hash_table_unref);
      g_clear_pointer (&plan->figures_hub, g_free);
      plan->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
      if (!hubs_store_foreach_figure (store, kpi->hub_id, collect_figure, plan->figures, error))
        return NULL;
      plan->figures_hub = g_strdup (kpi->hub_id);
    }

  return g_hash_table_lookup (plan->figures, kpi->id);
}

/* Notes that the file gives @kpi's figure of @year and @kind on @line. Returns 0, or the line
 * the file gave it on before. */
static guint
mark_seen (HubsImportPlan *plan,
           ImportKpi      *ikpi,
           int             year,
           HubsFigureKind  kind,
           guint           line)
{
  guint64 key = ((guint64) ikpi->index << 24) | ((guint64) (year & 0x3fffff) << 2) | kind;
  gboolean in_bits = year >= SEEN_FIRST_YEAR && year < SEEN_FIRST_YEAR + SEEN_N_YEARS;
  guint64 bit = in_bits ? G_GUINT64_CONSTANT (1) << (year - SEEN_FIRST_YEAR) : 0;
  gpointer first;

  if (in_bits && (ikpi->seen[kind] & bit) != 0)
    {
      if (g_hash_table_lookup_extended (plan->seen_lines, &key, NULL, &first))
        return GPOINTER_TO_UINT (first);
      return ikpi->first_line[kind];
    }
  if (!in_bits && g_hash_table_lookup_extended (plan->seen_lines, &key, NULL, &first))
    return GPOINTER_TO_UINT (first);

  if (in_bits)
    ikpi->seen[kind] |= bit;
  if (ikpi->first_line[kind] == 0)
    ikpi->first_line[kind] = line;
  if (!in_bits || line != ikpi->first_line[kind])
    g_hash_table_insert (plan->seen_lines, g_memdup2 (&key, sizeof key),
                         GUINT_TO_POINTER (line));

  return 0;
}

static void
add_figure (HubsImportPlan      *plan,
            HubsStore           *store,
            const HubsCsvField  *where,
            ImportKpi           *ikpi,
            HubsFigure          *read,
            GError             **error)
{
  const HubsKpi *kpi = ikpi->kpi;
  g_autoptr(GError) local_error = NULL;
  const HubsFigure *old = NULL;
  g_autofree char *doubt = NULL;
  HubsPlausibility plausibility;
  HubsFigure merged;
  HubsImportChange *change;
  GPtrArray *stored;
  guint first_line;

  if ((first_line = mark_seen (plan, ikpi, read->fiscal_year, read->kind, where->line)) != 0)
    {
      g_autofree char *year = hubs_format_fiscal_year (read->fiscal_year,
                                                       hubs_language_current ());

      add_problem_printf (plan, where->line, where->column,
                          /* Translators: %1$s is a KPI id, %2$s a fiscal year, %3$s baseline,
                           * target or actual, %4$u a line number */
                          _("The figure of “%1$s” for %2$s (%3$s) is given twice; the first is "
                            "on line %4$u."),
                          kpi->id, year, hubs_figure_kind_get_label (read->kind), first_line);
      return;
    }

  stored = stored_figures (plan, store, kpi, &local_error);
  if (local_error != NULL)
    {
      if (error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return;
    }

  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (stored, i);

      if (figure->fiscal_year == read->fiscal_year && figure->kind == read->kind)
        {
          old = figure;
          break;
        }
    }

  /* What the file does not say (confirmed, source, and the notes, as-of date and unit as
   * published unless it has their columns) stays as stored. Compared before anything is copied: most figures of
   * a large file are as stored. */
  if (old != NULL)
    merged = *old;
  else
    {
      memset (&merged, 0, sizeof merged);
      merged.kpi_id = kpi->id;
      merged.fiscal_year = read->fiscal_year;
      merged.kind = read->kind;
    }
  merged.measured = read->measured;
  merged.value = read->measured ? read->value : 0;
  /* A wide row's as_of column is for people to read (it holds the row's dates). */
  if (plan->layout == HUBS_IMPORT_LAYOUT_LONG)
    {
      if (plan->cols[COL_NOTE] >= 0)
        merged.note = read->note;
      if (plan->cols[COL_NOTE_EN] >= 0)
        merged.note_en = read->note_en;
      if (plan->cols[COL_AS_OF] >= 0)
        merged.as_of = read->as_of;
      if (plan->cols[COL_UNIT_AS_PUBLISHED] >= 0)
        merged.unit = read->unit;
    }

  if (old != NULL && hubs_figure_equal (old, &merged))
    {
      plan->n_unchanged++;
      return;
    }

  /* What the KPI cannot be stops the file, as an unreadable number does; what is far from
   * the plan is applied and said. */
  plausibility = hubs_plausibility_check (kpi, stored, &merged, hubs_language_current (),
                                          &doubt);
  if (plausibility == HUBS_PLAUSIBILITY_IMPOSSIBLE)
    {
      add_problem (plan, where->line, where->column, doubt);
      return;
    }

  change = g_new0 (HubsImportChange, 1);
  if (plausibility == HUBS_PLAUSIBILITY_UNLIKELY)
    {
      change->warning = g_steal_pointer (&doubt);
      plan->n_warnings++;
    }
  change->line = where->line;
  change->column = where->column;
  change->kpi = kpi;
  change->figure = hubs_figure_copy (&merged);
  change->old = old != NULL ? hubs_figure_copy (old) : NULL;
  change->kind = old != NULL ? HUBS_IMPORT_CHANGED : HUBS_IMPORT_NEW;
  change->changes_plan = read->kind != HUBS_FIGURE_ACTUAL;

  g_ptr_array_add (plan->changes, change);
}

static gboolean
read_kind (HubsImportPlan      *plan,
           const HubsCsvRecord *record,
           HubsFigureKind      *kind)
{
  const char *text = cell (record, plan->cols[COL_KIND]);

  *kind = HUBS_FIGURE_ACTUAL;

  if (is_blank (text))
    return TRUE;

  if (!parse_kind (text, kind))
    {
      add_problem_printf (plan, record->line, cell_column (plan->cols[COL_KIND]),
                          /* Translators: %s is what the cell holds; keep the words in
                           * quotes, they are what the file may say */
                          _("“%s” is not a kind of figure; write actual, target or baseline "
                            "(実績値, 目標値 or 基準値)."),
                          text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_unit (HubsImportPlan      *plan,
            const HubsCsvRecord *record,
            const HubsKpi       *kpi)
{
  const char *text = cell (record, plan->cols[COL_UNIT]);
  g_autofree char *given = NULL;
  g_autofree char *expected = NULL;

  if (is_blank (text) || g_strcmp0 (text, kpi->unit) == 0)
    return TRUE;

  given = name_key (text);
  expected = name_key (kpi->unit != NULL ? kpi->unit : "");
  if (g_str_equal (given, expected))
    return TRUE;

  add_problem_printf (plan, record->line, cell_column (plan->cols[COL_UNIT]),
                      /* Translators: %1$s is the unit in the file, %2$s the KPI, %3$s its
                       * unit */
                      _("The unit “%1$s” is not the unit of “%2$s”, which is counted in "
                        "“%3$s”. Convert the figures, or check the row."),
                      text, kpi->id, kpi->unit);
  return FALSE;
}

static void
read_long_row (HubsImportPlan       *plan,
               HubsStore            *store,
               const HubsCsvRecord  *record,
               ImportKpi            *ikpi,
               HubsFigureKind        kind,
               GError              **error)
{
  const HubsKpi *kpi = ikpi->kpi;
  static const HubsCsvField missing = { (char *) "", 0, 0 };
  const HubsCsvField *year_field = &missing;
  const HubsCsvField *value_field = &missing;
  g_autoptr(HubsFigure) read = hubs_figure_new ();
  g_autoptr(GError) local_error = NULL;
  const char *status = cell (record, plan->cols[COL_STATUS]);
  gboolean not_measured = FALSE;
  gboolean has_value;

  if ((guint) plan->cols[COL_FISCAL_YEAR] < record->n_fields)
    year_field = &record->fields[plan->cols[COL_FISCAL_YEAR]];
  if ((guint) plan->cols[COL_VALUE] < record->n_fields)
    value_field = &record->fields[plan->cols[COL_VALUE]];

  if (!is_blank (status))
    {
      g_autofree char *key = name_key (status);

      if (is_not_measured (status))
        not_measured = TRUE;
      else if (!g_str_equal (key, "measured") && !g_str_equal (key, "計測済み"))
        {
          add_problem_printf (plan, record->line, cell_column (plan->cols[COL_STATUS]),
                              /* Translators: %s is what the cell holds */
                              _("“%s” is not a status; write measured or not_measured "
                                "(未計測)."),
                              status);
          return;
        }
    }

  if (!hubs_parse_fiscal_year (year_field->text, &read->fiscal_year, &local_error))
    {
      add_problem (plan, record->line, cell_column (plan->cols[COL_FISCAL_YEAR]),
                   local_error->message);
      return;
    }

  read->kind = kind;
  read->kpi_id = g_strdup (kpi->id);
  has_value = read_value (plan, value_field, kpi, read);

  if (not_measured)
    {
      if (has_value && read->measured)
        {
          add_problem (plan, record->line, cell_column (plan->cols[COL_VALUE]),
                       _("The figure is marked not measured but has a value; clear one of "
                         "the two."));
          return;
        }
      read->measured = FALSE;
    }
  else if (!has_value)
    return;

  if (plan->cols[COL_NOTE] >= 0)
    {
      const char *note = cell (record, plan->cols[COL_NOTE]);

      read->note = *note != '\0' ? g_strdup (note) : NULL;
    }

  if (plan->cols[COL_NOTE_EN] >= 0)
    {
      const char *note = cell (record, plan->cols[COL_NOTE_EN]);

      read->note_en = *note != '\0' ? g_strdup (note) : NULL;
    }

  if (plan->cols[COL_AS_OF] >= 0)
    {
      g_autofree char *as_of = g_strstrip (g_strdup (cell (record, plan->cols[COL_AS_OF])));

      read->as_of = *as_of != '\0' ? g_steal_pointer (&as_of) : NULL;
    }

  if (plan->cols[COL_UNIT_AS_PUBLISHED] >= 0)
    {
      g_autofree char *unit = g_strstrip (g_strdup (cell (record,
                                                          plan->cols[COL_UNIT_AS_PUBLISHED])));

      if (g_str_equal (unit, HUBS_EXPORT_NO_UNIT))
        read->unit = g_strdup ("");
      else
        read->unit = *unit != '\0' ? g_steal_pointer (&unit) : NULL;
    }

  add_figure (plan, store, not_measured && !has_value ? year_field : value_field, ikpi, read,
              error);
}

static void
read_wide_row (HubsImportPlan       *plan,
               HubsStore            *store,
               const HubsCsvRecord  *record,
               ImportKpi            *ikpi,
               HubsFigureKind        kind,
               GError              **error)
{
  for (guint j = 0; j < plan->years->len; j++)
    {
      const YearCol *yc = &g_array_index (plan->years, YearCol, j);
      HubsFigure read = { 0 };

      if (yc->index >= record->n_fields)
        continue;

      read.kpi_id = ikpi->kpi->id;
      read.fiscal_year = yc->year;
      read.kind = kind;

      if (read_value (plan, &record->fields[yc->index], ikpi->kpi, &read))
        add_figure (plan, store, &record->fields[yc->index], ikpi, &read, error);
    }
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const HubsCsvProblem *x = *(HubsCsvProblem * const *) a;
  const HubsCsvProblem *y = *(HubsCsvProblem * const *) b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return 0;
}

/* Reads the records of @reader into @plan. */
static gboolean
read_records (HubsImportPlan  *plan,
              HubsStore       *store,
              HubsCsvReader   *reader,
              const char      *path,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) read_error = NULL;
  GPtrArray *csv_problems = hubs_csv_reader_get_problems (reader);
  const HubsCsvRecord *record;
  guint n_csv_problems = 0;
  gboolean have_header = FALSE;
  gboolean header_ok = FALSE;

  while (local_error == NULL && (record = hubs_csv_reader_next (reader, &read_error)) != NULL)
    {
      ImportKpi *ikpi;
      HubsFigureKind kind;
      gboolean blank = TRUE;

      for (; n_csv_problems < csv_problems->len; n_csv_problems++)
        {
          const HubsCsvProblem *p = g_ptr_array_index (csv_problems, n_csv_problems);

          add_problem (plan, p->line, p->column, p->message);
        }

      /* Blank lines above the header are common in sheets saved from Excel. */
      for (guint i = 0; blank && i < record->n_fields; i++)
        blank = is_blank (record->fields[i].text);
      if (blank)
        continue;

      if (!have_header)
        {
          have_header = TRUE;
          header_ok = read_header (plan, record);
          plan->n_header_fields = record->n_fields;
          continue;
        }

      if (!header_ok)
        continue;

      for (guint i = plan->n_header_fields; i < record->n_fields; i++)
        if (!is_blank (record->fields[i].text))
          {
            add_problem (plan, record->fields[i].line, record->fields[i].column,
                         _("This cell is to the right of the last column named on the "
                           "first line, so it would be ignored. Name its column or clear "
                           "it."));
            break;
          }

      if (!(ikpi = find_kpi (plan, record)) || !read_kind (plan, record, &kind) ||
          !check_unit (plan, record, ikpi->kpi))
        continue;

      if (plan->layout == HUBS_IMPORT_LAYOUT_LONG)
        read_long_row (plan, store, record, ikpi, kind, &local_error);
      else
        read_wide_row (plan, store, record, ikpi, kind, &local_error);
    }

  for (; n_csv_problems < csv_problems->len; n_csv_problems++)
    {
      const HubsCsvProblem *p = g_ptr_array_index (csv_problems, n_csv_problems);

      add_problem (plan, p->line, p->column, p->message);
    }

  plan->encoding = hubs_csv_reader_get_encoding (reader);

  if (read_error != NULL)
    {
      g_set_error (error, HUBS_IMPORT_ERROR, HUBS_IMPORT_ERROR_READ,
                   _("The file “%1$s” cannot be read: %2$s"), path, read_error->message);
      return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!have_header && csv_problems->len == 0)
    add_problem (plan, 1, 1, _("The file is empty."));

  return TRUE;
}

/* Reads a CSV file from @stream into a plan, in one read transaction of @store. */
/* A workbook saved by Excel or LibreOffice (.xlsx and .ods are ZIP files, .xls an OLE
 * compound file) rather than the CSV the import reads: Debian 12 ships no maintained C
 * library that reads .xlsx, so the person is told how to save the sheet as CSV. Peeks at the
 * first bytes only; the stream reads on from its start. */
static gboolean
refuse_workbook (GBufferedInputStream  *stream,
                 const char            *path,
                 GError               **error)
{
  static const char zip[] = "PK\x03\x04";
  static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  g_autoptr(GError) local_error = NULL;
  const char *head;
  gsize length;

  if (g_buffered_input_stream_fill (stream, sizeof ole - 1, NULL, &local_error) < 0)
    return TRUE;  /* The reader meets the same failure and says so. */

  head = g_buffered_input_stream_peek_buffer (stream, &length);
  if ((length >= sizeof zip - 1 && memcmp (head, zip, sizeof zip - 1) == 0) ||
      (length >= sizeof ole - 1 && memcmp (head, ole, sizeof ole - 1) == 0))
    {
      g_set_error (error, HUBS_IMPORT_ERROR, HUBS_IMPORT_ERROR_SPREADSHEET,
                   /* Translators: %s is a file name. Keep the wording of Excel's menu and
                    * file type as your language's Excel shows them */
                   _("“%s” is an Excel or LibreOffice workbook, which Hubs cannot read. Open it "
                     "in Excel, choose File ▸ Save As, save the sheet as “CSV UTF-8 (Comma "
                     "delimited) (*.csv)”, and import that file."),
                   path);
      return FALSE;
    }

  return TRUE;
}

static HubsImportPlan *
plan_new_for_stream (HubsStore     *store,
                     GInputStream  *stream,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(HubsCsvReader) reader = NULL;
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new (stream);
  gboolean ok;

  if (!refuse_workbook (G_BUFFERED_INPUT_STREAM (buffered), path, error))
    return NULL;

  plan = g_new0 (HubsImportPlan, 1);
  plan->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  plan->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_csv_problem_free);
  plan->ignored = g_ptr_array_new_with_free_func (g_free);
  plan->years = g_array_new (FALSE, FALSE, sizeof (YearCol));
  plan->kpis_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) import_kpi_free);
  plan->hubs_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->seen_lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!hubs_store_begin_read (store, error))
    return NULL;

  reader = hubs_csv_reader_new (buffered);
  ok = load_store (plan, store, error) && read_records (plan, store, reader, path, error);

  hubs_store_end_read (store);

  if (!ok)
    return NULL;

  g_ptr_array_sort (plan->problems, compare_problems);
  g_ptr_array_add (plan->ignored, NULL);

  /* Only needed while reading. */
  g_clear_pointer (&plan->seen_lines, g_hash_table_unref);
  g_clear_pointer (&plan->kpis_by_name, g_hash_table_unref);
  g_clear_pointer (&plan->hubs_by_key, g_hash_table_unref);
  g_clear_pointer (&plan->figures, g_hash_table_unref);
  g_clear_pointer (&plan->figures_hub, g_free);
  g_clear_pointer (&plan->years, g_array_unref);

  return g_steal_pointer (&plan);
}

/**
 * hubs_import_plan_new:
 * @store: the database the figures go into
 * @data: (array length=len): the bytes of a CSV file
 * @len: how many bytes
 * @error: a location for a #GError
 *
 * Reads a CSV file into a plan without writing anything: the layout is told from the first
 * line, rows are matched to KPIs by id or by hub and KPI name, numbers are read with
 * hubs_parse_number() in each KPI's unit (an empty cell, `-`, `－`, `―` or `—` is no
 * figure), and each figure is compared with the database's, all in one read transaction.
 * Mistakes in the file do not fail this function: each is a problem with its line and
 * column in hubs_import_plan_get_problems(), and the plan cannot be applied while it has
 * any.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set when the database could not
 *   be read
 */
HubsImportPlan *
hubs_import_plan_new (HubsStore   *store,
                      const char  *data,
                      gsize        len,
                      GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  stream = g_memory_input_stream_new_from_data (data, len, NULL);

  return plan_new_for_stream (store, stream, "-", error);
}

/**
 * hubs_import_plan_new_for_path:
 * @store: the database the figures go into
 * @path: a CSV file
 * @error: a location for a #GError
 *
 * Like hubs_import_plan_new() for the contents of @path: a file, a FIFO, `/dev/stdin` or
 * `-` for standard input. The file is read as a stream, a record at a time, so its size is
 * limited only by the figures it holds.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set when the file or the
 *   database could not be read
 */
HubsImportPlan *
hubs_import_plan_new_for_path (HubsStore   *store,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(GInputStream) in = NULL;
  GStatBuf st;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_equal (path, "-"))
    in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  else
    {
      int fd;

      do
        fd = g_open (path, O_RDONLY | O_NOCTTY | O_CLOEXEC, 0);
      while (fd < 0 && errno == EINTR);

      if (fd < 0 || (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode)))
        {
          int errsv = fd < 0 ? errno : EISDIR;

          if (fd >= 0)
            close (fd);
          g_set_error (error, HUBS_IMPORT_ERROR, HUBS_IMPORT_ERROR_READ,
                       _("The file “%1$s” cannot be read: %2$s"), path, g_strerror (errsv));
          return NULL;
        }
      in = g_unix_input_stream_new (fd, TRUE);
    }

  return plan_new_for_stream (store, in, path, error);
}

/**
 * hubs_import_plan_get_layout:
 * @plan: a plan
 *
 * Returns: the layout the file was read in
 */
HubsImportLayout
hubs_import_plan_get_layout (HubsImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, HUBS_IMPORT_LAYOUT_UNKNOWN);

  return plan->layout;
}

/**
 * hubs_import_plan_get_encoding:
 * @plan: a plan
 *
 * Returns: the encoding the file was read in
 */
HubsCsvEncoding
hubs_import_plan_get_encoding (HubsImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, HUBS_CSV_ENCODING_UTF8);

  return plan->encoding;
}

/**
 * hubs_import_plan_get_changes:
 * @plan: a plan
 *
 * Returns: (transfer none) (element-type HubsImportChange): every figure of the file that is
 *   new or differs from the database's, in the order of the file (the unchanged ones are
 *   only counted, see hubs_import_plan_count())
 */
GPtrArray *
hubs_import_plan_get_changes (HubsImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->changes;
}

/**
 * hubs_import_plan_count:
 * @plan: a plan
 * @kind: new, changed or unchanged
 *
 * Returns: how many figures of the file are of @kind, plan changes included
 */
guint
hubs_import_plan_count (HubsImportPlan       *plan,
                        HubsImportChangeKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (plan != NULL, 0);

  if (kind == HUBS_IMPORT_UNCHANGED)
    return plan->n_unchanged;

  for (guint i = 0; i < plan->changes->len; i++)
    if (((HubsImportChange *) g_ptr_array_index (plan->changes, i))->kind == kind)
      n++;

  return n;
}

/**
 * hubs_import_plan_count_plan_changes:
 * @plan: a plan
 *
 * Returns: how many of the new and changed figures are baselines or targets
 */
guint
hubs_import_plan_count_plan_changes (HubsImportPlan *plan)
{
  guint n = 0;

  g_return_val_if_fail (plan != NULL, 0);

  for (guint i = 0; i < plan->changes->len; i++)
    if (((HubsImportChange *) g_ptr_array_index (plan->changes, i))->changes_plan)
      n++;

  return n;
}

/**
 * hubs_import_plan_count_warnings:
 * @plan: an import plan
 *
 * Returns: how many changes are far from their KPI's plan path (each has a warning)
 */
guint
hubs_import_plan_count_warnings (HubsImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_warnings;
}

/**
 * hubs_import_plan_get_problems:
 * @plan: a plan
 *
 * Returns: (transfer none) (element-type HubsCsvProblem): the errors in the file, by line
 *   and column: all of them, or the first %HUBS_IMPORT_MAX_LISTED_PROBLEMS found when there
 *   are more (see hubs_import_plan_get_n_problems())
 */
GPtrArray *
hubs_import_plan_get_problems (HubsImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->problems;
}

/**
 * hubs_import_plan_get_n_problems:
 * @plan: a plan
 *
 * Returns: how many errors the file has, including those past the ones listed
 */
guint
hubs_import_plan_get_n_problems (HubsImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_problems;
}

/**
 * hubs_import_plan_has_problems:
 * @plan: a plan
 *
 * Returns: %TRUE when the file has any error, so the plan cannot be applied
 */
gboolean
hubs_import_plan_has_problems (HubsImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, TRUE);

  return plan->n_problems > 0;
}

/**
 * hubs_import_plan_get_ignored_columns:
 * @plan: a plan
 *
 * Returns: (transfer none) (array zero-terminated=1): the headers of the columns that are
 *   not imported, as the file writes them
 */
const char * const *
hubs_import_plan_get_ignored_columns (HubsImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return (const char * const *) plan->ignored->pdata;
}

/**
 * hubs_import_plan_apply:
 * @plan: a plan without problems
 * @store: the database the plan was made for
 * @backup_path: (out) (optional) (transfer full) (nullable): the snapshot taken before the
 *   import, %NULL when nothing needed to change
 * @n_applied: (out) (optional): how many figures were new or changed
 * @error: a location for a #GError
 *
 * hubs_import_plan_apply_full() with %HUBS_IMPORT_APPLY_DEFAULT: the actuals are imported,
 * new and changed baselines and targets are not.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_import_plan_apply (HubsImportPlan  *plan,
                        HubsStore       *store,
                        char           **backup_path,
                        guint           *n_applied,
                        GError         **error)
{
  return hubs_import_plan_apply_full (plan, store, HUBS_IMPORT_APPLY_DEFAULT, backup_path,
                                      n_applied, error);
}

/**
 * hubs_import_plan_apply_full:
 * @plan: a plan without problems
 * @store: the database the plan was made for
 * @flags: whether to change baselines and targets too
 * @backup_path: (out) (optional) (transfer full) (nullable): the snapshot taken before the
 *   import, %NULL when nothing needed to change
 * @n_applied: (out) (optional): how many figures were new or changed
 * @error: a location for a #GError
 *
 * Imports the plan's new and changed figures: takes a snapshot of the database (see
 * hubs_backup_snapshot()), then writes every figure with its history in one transaction.
 * Baselines and targets (the plan) are written only with %HUBS_IMPORT_APPLY_PLAN_CHANGES;
 * without it they are left as they are and the actuals are still imported. A plan with
 * problems is refused with %HUBS_IMPORT_ERROR_INVALID and nothing is written; when writing
 * fails, nothing is written either.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_import_plan_apply_full (HubsImportPlan        *plan,
                             HubsStore             *store,
                             HubsImportApplyFlags   flags,
                             char                 **backup_path,
                             guint                 *n_applied,
                             GError               **error)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *snapshot = NULL;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);

  if (backup_path != NULL)
    *backup_path = NULL;
  if (n_applied != NULL)
    *n_applied = 0;

  if (plan->n_problems > 0)
    {
      g_set_error (error, HUBS_IMPORT_ERROR, HUBS_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u error, so nothing was imported.",
                                "The file has %u errors, so nothing was imported.",
                                plan->n_problems),
                   plan->n_problems);
      return FALSE;
    }

  for (guint i = 0; i < plan->changes->len; i++)
    {
      const HubsImportChange *change = g_ptr_array_index (plan->changes, i);

      if (!change->changes_plan || (flags & HUBS_IMPORT_APPLY_PLAN_CHANGES) != 0)
        g_ptr_array_add (figures, change->figure);
    }

  if (figures->len == 0)
    return TRUE;

  if (hubs_store_is_read_only (store))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open for viewing only, so nothing was imported."),
                   hubs_store_get_path (store));
      return FALSE;
    }

  /* A shared database is backed up on its server, not by Hubs. */
  if (!hubs_db_is_postgresql_uri (hubs_store_get_path (store)) &&
      !(snapshot = hubs_backup_snapshot (store, HUBS_BACKUP_KEEP, &local_error)))
    {
      g_set_error (error, HUBS_IMPORT_ERROR, HUBS_IMPORT_ERROR_READ,
                   _("No backup could be taken before the import, so nothing was imported: "
                     "%s"),
                   local_error->message);
      return FALSE;
    }

  if (!hubs_store_apply_figures (store, figures, n_applied, error))
    return FALSE;

  /* An import is a lot of figures at once: into the database file with them, not left in
   * the -wal. They are saved either way, so a failure here does not fail the import. */
  if (!hubs_store_checkpoint (store, &local_error))
    g_warning ("Copying the imported figures into %s failed: %s",
               hubs_store_get_path (store), local_error->message);

  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&snapshot);

  return TRUE;
}

/**
 * hubs_import_layout_get_label:
 * @layout: a layout
 *
 * Returns: the layout's name as a person reads it, translated
 */
const char *
hubs_import_layout_get_label (HubsImportLayout layout)
{
  switch (layout)
    {
    case HUBS_IMPORT_LAYOUT_UNKNOWN:
      return _("unknown layout");
    case HUBS_IMPORT_LAYOUT_LONG:
      return _("one figure per row");
    case HUBS_IMPORT_LAYOUT_WIDE:
      return _("one row per KPI, one column per fiscal year");
    default:
      g_return_val_if_reached (NULL);
    }
}
