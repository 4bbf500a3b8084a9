/* hubs-cli-cycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly cycle on the command line: a consortium writes its year's submission (which
 * locks the year) or unlocks a year; the Cabinet Office applies submissions, settling the
 * figures both sides changed, and accepts or returns a year with an answer file.
 */

#define G_LOG_DOMAIN "hubs-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-cli.h"
#include "hubs-format.h"
#include "hubs-submission.h"

static void
fail (int        *exit_status,
      const char *message)
{
  hubs_cli_print_error (message);
  *exit_status = 1;
}

/* The hub and year the command is about: --hub and --fiscal-year, both required. */
static gboolean
hub_and_year (GVariantDict  *options,
              const char    *command,
              char         **hub_id,
              int           *fiscal_year,
              int           *exit_status)
{
  g_autofree char *year = NULL;
  g_autoptr(GError) error = NULL;

  g_variant_dict_lookup (options, "hub", "s", hub_id);
  g_variant_dict_lookup (options, "fiscal-year", "s", &year);

  if (*hub_id == NULL || year == NULL)
    {
      g_autofree char *message =
        /* Translators: %s is an option such as --export-submission */
        g_strdup_printf (_("%s needs --hub=HUB_ID and --fiscal-year=YEAR."), command);

      fail (exit_status, message);
      return FALSE;
    }

  if (!hubs_parse_fiscal_year (year, fiscal_year, &error))
    {
      g_autofree char *message = g_strdup_printf ("--fiscal-year: %s", error->message);

      fail (exit_status, message);
      return FALSE;
    }

  return TRUE;
}

static HubsStore *
open_to_write (GVariantDict  *options,
               const char    *database_path,
               int           *exit_status)
{
  g_autoptr(GError) error = NULL;
  HubsStore *store = hubs_cli_open_store (database_path, HUBS_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      fail (exit_status, error->message);
      return NULL;
    }
  hubs_cli_set_author (store, options);
  return store;
}

static void
export_submission (GVariantDict *options,
                   const char   *database_path,
                   const char   *path,
                   int          *exit_status)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hub_id = NULL;
  g_autofree char *fy = NULL;
  int year;

  if (!hub_and_year (options, "--export-submission", &hub_id, &year, exit_status) ||
      !(store = open_to_write (options, database_path, exit_status)))
    return;

  if (!hubs_submission_export (store, hub_id, year, path, &error))
    {
      fail (exit_status, error->message);
      return;
    }

  /* What may go but is worth saying: provisional figures, KPIs far above their paths. */
  issues = hubs_submission_check (store, hub_id, year, hubs_language_current (), NULL);
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    g_print ("%s\n", ((HubsSubmissionIssue *) g_ptr_array_index (issues, i))->message);

  fy = hubs_format_fiscal_year (year, hubs_language_current ());
  /* Translators: %1$s is a fiscal year, %2$s a hub id, %3$s a file */
  g_print (_("%1$s of %2$s is submitted and locked; the submission is in %3$s.\n"), fy, hub_id,
           path);
  *exit_status = 0;
}

static void
print_conflict (const HubsSubmissionConflict *conflict,
                const HubsPackage            *package)
{
  HubsLanguage lang = hubs_language_current ();
  g_autofree char *fy = hubs_format_fiscal_year (conflict->fiscal_year, lang);
  g_autofree char *ours = conflict->ours != NULL && conflict->ours->measured
                          ? hubs_format_number (conflict->ours->value, lang)
                          : g_strdup (conflict->ours != NULL ? _("not measured") : _("no figure"));
  g_autofree char *theirs = conflict->theirs->measured
                            ? hubs_format_number (conflict->theirs->value, lang)
                            : g_strdup (_("not measured"));

  /* Translators: a figure both sides changed: %1$s a KPI id, %2$s a fiscal year, %3$s this
   * database's value, %4$s who changed it, %5$s when, %6$s the submission's value, %7$s who
   * made the submission, %8$s when */
  g_print (_("  %1$s, %2$s: here %3$s (%4$s, %5$s); submitted %6$s (%7$s, %8$s)\n"),
           conflict->kpi_id, fy, ours,
           conflict->ours_changed_by != NULL ? conflict->ours_changed_by : "?",
           conflict->ours_changed_at != NULL ? conflict->ours_changed_at : "?",
           theirs, package->created_by != NULL ? package->created_by : "?",
           package->created_at != NULL ? package->created_at : "?");
}

static void
import_submission (GVariantDict *options,
                   const char   *database_path,
                   const char   *path,
                   int          *exit_status)
{
  gboolean dry_run = g_variant_dict_contains (options, "dry-run");
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsPackage) package = NULL;
  g_autoptr(HubsSubmissionImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on_conflict = NULL;
  g_autofree char *fy = NULL;
  HubsSubmissionResolution resolution = HUBS_SUBMISSION_UNRESOLVED;
  GPtrArray *conflicts;

  g_variant_dict_lookup (options, "on-conflict", "s", &on_conflict);
  if (g_strcmp0 (on_conflict, "keep-ours") == 0)
    resolution = HUBS_SUBMISSION_KEEP_OURS;
  else if (g_strcmp0 (on_conflict, "keep-theirs") == 0)
    resolution = HUBS_SUBMISSION_KEEP_THEIRS;
  else if (on_conflict != NULL)
    {
      /* Translators: keep keep-ours and keep-theirs */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a choice for --on-conflict; "
                                                    "use keep-ours or keep-theirs."),
                                                  on_conflict);

      fail (exit_status, message);
      return;
    }

  /* The file is checked before the database is opened for writing. */
  if (!(package = hubs_package_new_from_file (path, &error)))
    {
      fail (exit_status, error->message);
      return;
    }

  store = dry_run ? hubs_cli_open_store_to_read (database_path, &error)
                  : hubs_cli_open_store (database_path, HUBS_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      fail (exit_status, error->message);
      return;
    }
  hubs_cli_set_author (store, options);
  fy = hubs_format_fiscal_year (package->fiscal_year, hubs_language_current ());

  if (package->kind == HUBS_PACKAGE_ANSWER)
    {
      if (dry_run)
        {
          g_print ("%s, %s: %s\n", package->hub_id, fy,
                   hubs_year_state_kind_get_label (package->state, hubs_language_current ()));
          *exit_status = 0;
          return;
        }
      if (!hubs_submission_take_answer (store, package, &error))
        {
          fail (exit_status, error->message);
          return;
        }
      /* Translators: %1$s is a hub id, %2$s a fiscal year, %3$s its state (Accepted …) */
      g_print (_("%1$s, %2$s: %3$s.\n"), package->hub_id, fy,
               hubs_year_state_kind_get_label (package->state, hubs_language_current ()));
      if (package->reason != NULL)
        g_print ("%s\n", package->reason);
      *exit_status = 0;
      return;
    }

  if (!(import = hubs_submission_import_new (store, g_steal_pointer (&package), &error)))
    {
      fail (exit_status, error->message);
      return;
    }

  conflicts = hubs_submission_import_get_conflicts (import);
  /* Translators: %1$s is a hub id, %2$s a fiscal year, %3$u and %4$u counts */
  g_print (_("%1$s, %2$s: %3$u figures change, %4$u were changed here too.\n"),
           hubs_submission_import_get_package (import)->hub_id, fy,
           hubs_submission_import_count_changes (import), conflicts->len);
  for (guint i = 0; i < conflicts->len; i++)
    print_conflict (g_ptr_array_index (conflicts, i), hubs_submission_import_get_package (import));

  if (dry_run)
    {
      *exit_status = 0;
      return;
    }

  hubs_submission_import_resolve_all (import, resolution);
  if (!hubs_submission_import_apply (import, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s %s", error->message,
                                                  _("Choose with --on-conflict=keep-ours or "
                                                    "--on-conflict=keep-theirs."));

      fail (exit_status, error->domain == HUBS_STORE_ERROR &&
                         error->code == HUBS_STORE_ERROR_CONFLICT ? message : error->message);
      return;
    }

  g_print (_("Applied; the year is marked submitted.\n"));
  *exit_status = 0;
}

static void
answer (GVariantDict      *options,
        const char        *database_path,
        HubsYearStateKind  state,
        const char        *reason,
        int               *exit_status)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hub_id = NULL;
  g_autofree char *output = NULL;
  int year;

  if (!hub_and_year (options, state == HUBS_YEAR_ACCEPTED ? "--accept-year" : "--return-year",
                     &hub_id, &year, exit_status))
    return;
  if (!g_variant_dict_lookup (options, "output", "^ay", &output))
    {
      fail (exit_status, _("Give the answer file for the consortium with --output=FILE."));
      return;
    }
  if (!(store = open_to_write (options, database_path, exit_status)))
    return;

  if (!hubs_submission_answer (store, hub_id, year, state, reason, output, &error))
    {
      fail (exit_status, error->message);
      return;
    }

  /* Translators: %s is a file */
  g_print (_("The answer is in %s; send it to the consortium.\n"), output);
  *exit_status = 0;
}

static void
unlock (GVariantDict *options,
        const char   *database_path,
        const char   *reason,
        int          *exit_status)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hub_id = NULL;
  int year;

  if (!hub_and_year (options, "--unlock-year", &hub_id, &year, exit_status) ||
      !(store = open_to_write (options, database_path, exit_status)))
    return;

  if (!hubs_store_set_year_state (store, hub_id, year, HUBS_YEAR_ENTERING, reason, &error))
    {
      fail (exit_status, error->message);
      return;
    }
  *exit_status = 0;
}

/**
 * hubs_cli_cycle_handle:
 * @options: the parsed command-line options
 * @database_path: (nullable): the value of `--database`
 * @exit_status: (out): the status to exit with, when this returns %TRUE
 *
 * Returns: %TRUE when a command of the yearly cycle ran (or was refused)
 */
gboolean
hubs_cli_cycle_handle (GVariantDict *options,
                       const char   *database_path,
                       int          *exit_status)
{
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  g_autofree char *return_reason = NULL;
  g_autofree char *unlock_reason = NULL;

  g_variant_dict_lookup (options, "export-submission", "^ay", &export_path);
  g_variant_dict_lookup (options, "import-submission", "^ay", &import_path);
  g_variant_dict_lookup (options, "return-year", "s", &return_reason);
  g_variant_dict_lookup (options, "unlock-year", "s", &unlock_reason);

  if (export_path != NULL)
    export_submission (options, database_path, export_path, exit_status);
  else if (import_path != NULL)
    import_submission (options, database_path, import_path, exit_status);
  else if (g_variant_dict_contains (options, "accept-year"))
    answer (options, database_path, HUBS_YEAR_ACCEPTED, NULL, exit_status);
  else if (return_reason != NULL)
    answer (options, database_path, HUBS_YEAR_RETURNED, return_reason, exit_status);
  else if (unlock_reason != NULL)
    unlock (options, database_path, unlock_reason, exit_status);
  else if (g_variant_dict_contains (options, "fiscal-year") ||
           g_variant_dict_contains (options, "on-conflict"))
    fail (exit_status, _("--fiscal-year and --on-conflict go with the year commands "
                         "(--export-submission, --import-submission, --accept-year, "
                         "--return-year, --unlock-year)."));
  else
    return FALSE;

  return TRUE;
}
