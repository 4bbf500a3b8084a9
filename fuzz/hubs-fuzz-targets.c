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
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

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

  /* A figure as staff write them (at most two decimals, below a trillion) is shown in a way
   * that reads back as the same number and is shown the same way again. Other fractions are
   * shown rounded and need not read back exactly (0.00000212人 shows as 0.0000021人, and
   * 3333333.3333933367 as 333万3,333.333393). */
  if (fabs (value) < 1e12 && round (value * 100) / 100 == value)
    {
      for (HubsLanguage lang = HUBS_LANGUAGE_JA; lang <= HUBS_LANGUAGE_EN; lang++)
        {
          g_autofree char *shown = hubs_format_value (value, unit, lang);
          g_autofree char *shown_again = NULL;
          g_autoptr(GError) error = NULL;
          double again = 0;

          if (!hubs_parse_number (shown, unit, &again, &error))
            {
              g_printerr ("“%s” (%s) is shown as “%s”, which does not read back: %s\n",
                          text, unit ? unit : "no unit", shown, error->message);
              abort ();
            }

          shown_again = hubs_format_value (again, unit, lang);
          if (g_strcmp0 (shown, shown_again) != 0 ||
              fabs (again - value) > 1e-9 * MAX (1.0, fabs (value)))
            {
              g_printerr ("“%s” (%s) is %.17g, shown as “%s”, which reads back as %.17g, "
                          "shown as “%s”\n", text, unit ? unit : "no unit", value, shown,
                          again, shown_again);
              abort ();
            }
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

static HubsStore *fuzz_store;
static char *store_dir;

static void
remove_store (void)
{
  const char * const names[] = { "hubs.sqlite3", "hubs.sqlite3-wal", "hubs.sqlite3-shm" };

  g_clear_object (&fuzz_store);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (store_dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

/* One seeded database for the whole run, in a folder of its own, removed at exit. The plans
 * are only made, never applied, so it stays as seeded. */
static HubsStore *
get_store (void)
{
  if (fuzz_store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      store_dir = g_dir_make_tmp ("hubs-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (store_dir, "hubs.sqlite3", NULL);
      fuzz_store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      atexit (remove_store);
    }

  return fuzz_store;
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
