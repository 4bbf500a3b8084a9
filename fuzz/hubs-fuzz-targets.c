/* hubs-fuzz-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each fuzz target feeds hostile bytes to, and the properties it checks beyond "does
 * not crash": the CSV reader's fields stay within their records, a parsed number is finite
 * and reads back the same after formatting, and an import plan never applies with errors.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hubs-csv.h"
#include "hubs-format.h"
#include "hubs-fuzz-targets.h"
#include "hubs-import.h"
#include "hubs-plan.h"
#include "hubs-store.h"

int
hubs_fuzz_csv (const uint8_t *data,
               size_t         size)
{
  g_autoptr(HubsCsvTable) table = hubs_csv_table_new_from_data ((const char *) data, size);
  GPtrArray *problems = hubs_csv_table_get_problems (table);
  guint last_line = 0;

  for (guint r = 0; r < hubs_csv_table_get_n_records (table); r++)
    {
      const HubsCsvRecord *record = hubs_csv_table_get_record (table, r);

      g_assert_cmpuint (record->n_fields, >=, 1);
      g_assert_cmpuint (record->line, >, last_line);
      last_line = record->line;

      for (guint i = 0; i < record->n_fields; i++)
        {
          g_assert_cmpuint (record->fields[i].column, ==, i + 1);
          g_assert_cmpuint (record->fields[i].line, >=, record->line);
          g_assert_true (g_utf8_validate (record->fields[i].text, -1, NULL));
        }
    }

  for (guint i = 0; i < problems->len; i++)
    {
      const HubsCsvProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_cmpuint (problem->column, >=, 1);
    }

  return 0;
}

/* The first byte picks the unit (none or one of the known ones), the rest is the text. */
int
hubs_fuzz_number (const uint8_t *data,
                  size_t         size)
{
  const char * const *units = hubs_format_known_units ();
  guint n_units = g_strv_length ((char **) units);
  g_autofree char *text = NULL;
  const char *unit;
  double value;

  if (size < 1)
    return 0;

  unit = data[0] % (n_units + 1) == n_units ? NULL : units[data[0] % (n_units + 1)];
  text = g_strndup ((const char *) data + 1, size - 1);

  if (!hubs_parse_number (text, unit, &value, NULL))
    return 0;

  g_assert_true (isfinite (value));

  /* Every formatted figure reads back as the same number (hubs_format_value()'s promise),
   * within what a double holds. */
  if (fabs (value) < 1e12)
    {
      for (HubsLanguage lang = HUBS_LANGUAGE_JA; lang <= HUBS_LANGUAGE_EN; lang++)
        {
          g_autofree char *formatted = hubs_format_value (value, unit, lang);
          g_autoptr(GError) error = NULL;
          double again = 0;

          if (!hubs_parse_number (formatted, unit, &again, &error))
            g_error ("“%s” (%s) formatted as “%s”, which does not parse: %s",
                     text, unit ? unit : "no unit", formatted, error->message);
          if (fabs (again - value) > 1e-9 * MAX (1.0, fabs (value)))
            g_error ("“%s” (%s) is %.17g, formatted as “%s”, which reads back as %.17g",
                     text, unit ? unit : "no unit", value, formatted, again);
        }
    }

  return 0;
}

int
hubs_fuzz_plan (const uint8_t *data,
                size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(HubsPlan) plan = hubs_plan_new_from_bytes (bytes, NULL);

  if (plan != NULL)
    {
      g_assert_nonnull (hubs_plan_get_hubs (plan));
      g_assert_nonnull (hubs_plan_get_kpis (plan));
      g_assert_nonnull (hubs_plan_get_figures (plan));
    }

  return 0;
}

/* One seeded database for the whole run, in a folder of its own. The plans are only made,
 * never applied, so it stays as seeded. */
static HubsStore *
get_store (void)
{
  static HubsStore *store;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("hubs-fuzz-XXXXXX", &error);
      g_autofree char *path = NULL;

      g_assert_no_error (error);
      path = g_build_filename (dir, "hubs.sqlite3", NULL);
      store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }

  return store;
}

int
hubs_fuzz_import (const uint8_t *data,
                  size_t         size)
{
  HubsStore *store = get_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsImportPlan) plan = hubs_import_plan_new (store, (const char *) data, size,
                                                         &error);
  GPtrArray *changes;

  g_assert_no_error (error);
  changes = hubs_import_plan_get_changes (plan);

  for (guint i = 0; i < changes->len; i++)
    {
      const HubsImportChange *change = g_ptr_array_index (changes, i);

      g_assert_nonnull (change->kpi);
      g_assert_true (!change->figure->measured || isfinite (change->figure->value));
      g_assert_true ((change->kind == HUBS_IMPORT_NEW) == (change->old == NULL));
    }

  /* A plan with errors must refuse to apply, and must not touch the database trying. */
  if (hubs_import_plan_has_problems (plan))
    {
      g_assert_false (hubs_import_plan_apply (plan, store, NULL, NULL, &error));
      g_assert_error (error, HUBS_IMPORT_ERROR, HUBS_IMPORT_ERROR_INVALID);
    }

  return 0;
}
