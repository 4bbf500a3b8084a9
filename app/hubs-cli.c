/* hubs-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands that run without a display: each reads its options, does its work on the
 * database and exits, with a one-line error and a non-zero status when it cannot.
 */

#define G_LOG_DOMAIN "hubs-cli"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-backup.h"
#include "hubs-author.h"
#include "hubs-chart-export.h"
#include "hubs-chart-stamp.h"
#include "hubs-hub-aliases.h"
#include "hubs-report.h"
#include "hubs-cli.h"
#include "hubs-db.h"
#include "hubs-export.h"
#include "hubs-format.h"
#include "hubs-import.h"
#include "hubs-output.h"

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE instead of the default one"), N_("FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write every figure as CSV to FILE (“-” for standard output) and exit"), N_("FILE") },
  { "layout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-csv: “long” writes one figure per row (the default), “wide” one row "
       "per KPI with a column per fiscal year"), N_("LAYOUT") },
  { "bom", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-csv: start the file with a byte order mark, so Excel reads it as "
       "UTF-8"), NULL },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write an Excel workbook to FILE, a summary sheet and a sheet per hub, and exit; with "
       "--hub=HUB_ID only that hub, with --lang=ja or en in that language, with --as-of as "
       "the figures stood then"), N_("FILE") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the figures in the CSV file FILE and exit; with any error nothing is "
       "imported"), N_("FILE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-csv: show what would change, change nothing"), NULL },
  { "allow-plan-changes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-csv: also import new and changed baselines and targets (the plan); "
       "without it they are listed and skipped"), NULL },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a copy of the database to FILE and exit"), N_("FILE") },
  { "render-chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw the trajectory chart of the KPI with id KPI_ID into the file given by --output "
       "and exit"), N_("KPI_ID") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --render-chart: the file to write; .png, .svg or .pdf gives the format. With "
       "--accept-year or --return-year: the answer file to write"),
    N_("FILE") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --render-chart: the size in pixels (PNG) or points, such as 1600x900 (the "
       "default), or a4 for an A4 landscape page, or slide for a 16:9 slide"),
    N_("WIDTHxHEIGHT") },
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write an A4 PDF report with an overview and a chart of every KPI to FILE and exit"),
    N_("FILE") },
  { "hub", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: only the hubs with these ids, separated by commas; with the year "
       "commands: the hub; with --grant: the hub whose staff the role is"),
    N_("HUB_ID") },
  { "kpi", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: only the KPIs with these ids (HUB/SLUG), separated by commas"),
    N_("KPI_ID") },
  { "orientation", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: keep portrait and landscape */
    N_("With --export-report: A4 portrait or landscape (the default)"),
    N_("ORIENTATION") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: keep ja and en */
    N_("With --render-chart or --export-report: the language of the chart, ja or en"),
    N_("LANG") },
  { "export-submission", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the submission of the hub given by --hub for the year given by --fiscal-year to "
       "FILE, mark the year submitted (which locks it) and exit"), N_("FILE") },
  { "import-submission", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Apply the submission in FILE, or take in the answer to one, and exit; figures changed "
       "here since the submission was based on them stop it unless --on-conflict settles "
       "them"), N_("FILE") },
  { "on-conflict", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-submission: keep-ours keeps this database’s figures where both "
       "changed, keep-theirs takes the submission’s"), N_("CHOICE") },
  { "accept-year", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Accept the submitted year given by --hub and --fiscal-year, write the answer for the "
       "consortium to the file given by --output, and exit"), NULL },
  { "return-year", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Return the submitted year given by --hub and --fiscal-year with REASON, write the "
       "answer to the file given by --output, and exit"), N_("REASON") },
  { "unlock-year", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Unlock the submitted or accepted year given by --hub and --fiscal-year, keeping "
       "REASON in the history, and exit"), N_("REASON") },
  { "fiscal-year", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With the year commands: the fiscal year, such as 2025 or FY2025"), N_("YEAR") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-csv, --export-report or --render-chart: the figures as they stood at "
       "DATE (2026-05-31 is the end of that day; 2026-05-31T17:00 a time in Japan), from the "
       "history"), N_("DATE") },
  { "user", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With a command that writes: record NAME as who made the changes (by default the name "
       "set in the window)"), N_("NAME") },
  { "organisation", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With a command that writes: the organisation of the person making the changes, such as "
       "a city’s startup office"), N_("ORG") },
  { "init-database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Make the shared database at URI (postgresql://USER@HOST/NAME) ready: create its tables "
       "and the plan, then exit. The password comes from PGPASSWORD or ~/.pgpass"), N_("URI") },
  { "copy-database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy everything in the database FROM (a file or a shared database) into the new one "
       "given by --to, in one step, and exit"), N_("FROM") },
  { "to", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --copy-database: the new database, a file or a shared database’s URI"),
    N_("DATABASE") },
  { "grant", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("In the shared database given by --database: let the database role ROLE change the "
       "figures of the hub given by --hub, or with --read-only read every hub, and exit"),
    N_("ROLE") },
  { "read-only", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --grant: the role reads every hub and changes nothing"), NULL },
  { "revoke", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("In the shared database given by --database: take back what --grant gave ROLE, and "
       "exit"), N_("ROLE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/**
 * hubs_cli_get_option_entries:
 *
 * Returns: (array zero-terminated=1): the command-line options of Hubs
 */
const GOptionEntry *
hubs_cli_get_option_entries (void)
{
  return option_entries;
}

/**
 * hubs_cli_print_error:
 * @message: what went wrong, one sentence or two
 *
 * Prints @message on standard error as one line, prefixed with the program's name.
 */
void
hubs_cli_print_error (const char *message)
{
  /* Translators: an error on the command line, e.g. “hubs: The database … is damaged.” */
  g_printerr (_("hubs: %s\n"), message);
}

/**
 * hubs_cli_warn_about_place:
 * @store: (transfer full) (nullable): a store just opened, or %NULL
 *
 * Says on standard error what the user should know about where @store is: a file on a
 * network drive (see hubs_store_get_warning()).
 *
 * Returns: (transfer full) (nullable): @store
 */
HubsStore *
hubs_cli_warn_about_place (HubsStore *store)
{
  g_autofree char *warning = store != NULL ? hubs_store_get_warning (store) : NULL;

  if (warning != NULL)
    hubs_cli_print_error (warning);

  return store;
}

/**
 * hubs_cli_open_store:
 * @database_path: (nullable): the database file, or %NULL for the default one
 * @flags: how to open it
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the open database, or %NULL with @error set
 */
HubsStore *
hubs_cli_open_store (const char          *database_path,
                     HubsStoreOpenFlags   flags,
                     GError             **error)
{
  g_autofree char *default_path = NULL;

  if (database_path == NULL)
    database_path = default_path = hubs_store_default_path ();

  return hubs_cli_warn_about_place (hubs_store_open (database_path, flags, error));
}

/* Opens the database for a command that only reads it. A file given with --database must
 * exist: a missing one is most likely mistyped, and creating it would hand back the plan as
 * if it were that database. The default database is made on first use, as the window makes
 * it. A zero-byte file is refused rather than seeded. The full-file check (PRAGMA
 * quick_check) is left out, since reading every page is what a command reading a few tables
 * need not pay for; the store still checks before any write. */
HubsStore *
hubs_cli_open_store_to_read (const char  *database_path,
                             GError     **error)
{
  g_autofree char *default_path = NULL;
  GStatBuf st;

  if (database_path == NULL)
    database_path = default_path = hubs_store_default_path ();

  /* A shared database on a server: read-only, so an empty one is not seeded. */
  if (hubs_db_is_postgresql_uri (database_path))
    return hubs_store_open (database_path, HUBS_STORE_OPEN_READ_ONLY, error);

  if (g_stat (database_path, &st) != 0)
    {
      int errsv = errno;

      if (errsv == ENOENT && default_path != NULL)
        return hubs_store_open (database_path, HUBS_STORE_OPEN_DEFAULT, error);

      if (errsv == ENOENT)
        g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                     /* Translators: %s is a file */
                     _("The database “%s” does not exist, so there is nothing to read. Check "
                       "the file given with --database; nothing was created."),
                     database_path);
      else
        g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FAILED,
                     /* Translators: %1$s is a file, %2$s why it cannot be read */
                     _("The database “%1$s” cannot be read: %2$s."),
                     database_path, g_strerror (errsv));
      return NULL;
    }

  if (S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_HUBS,
                   /* Translators: %s is a file */
                   _("The database “%s” is an empty file, not a Hubs database; it was left as "
                     "it is."),
                   database_path);
      return NULL;
    }

  return hubs_cli_warn_about_place (hubs_store_open (database_path, HUBS_STORE_OPEN_DEFER_CHECK,
                                                     error));
}

/* --as-of: the database as it stood then, in a copy made from the history. */
static GDateTime *export_as_of;

typedef struct
{
  char *path;
} Snapshot;

static void
snapshot_clear (Snapshot *snapshot)
{
  hubs_store_remove_snapshot (snapshot->path);
  g_clear_pointer (&snapshot->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

/* Opens what an export reads: the database, or with --as-of its copy as of then. Declare
 * @snapshot before the store, so the store is closed before the copy is removed. */
static HubsStore *
open_to_export (const char  *database_path,
                Snapshot    *snapshot,
                GError     **error)
{
  g_autoptr(HubsStore) store = hubs_cli_open_store_to_read (database_path, error);

  if (store == NULL || export_as_of == NULL)
    return g_steal_pointer (&store);

  return hubs_store_open_as_of (store, export_as_of, &snapshot->path, error);
}

static int
export_csv (const char       *database_path,
            const char       *output,
            HubsExportLayout  layout,
            HubsExportFlags   flags)
{
  g_auto(Snapshot) snapshot = { 0 };
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = open_to_export (database_path, &snapshot, &error)) ||
      !hubs_export_csv_to_path_full (store, output, layout, flags, &error))
    {
      /* A reader that stops early (`hubs --export-csv=- | head`) is not an error. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
        return 0;

      hubs_cli_print_error (error->message);
      return 1;
    }

  return 0;
}

static char *
describe_figure (const HubsFigure *figure,
                 const HubsKpi    *kpi)
{
  if (!figure->measured)
    return g_strdup (_("not measured"));

  return hubs_format_kpi_value (kpi, figure->value, hubs_language_current ());
}

/* Prints the new and changed actuals, or with @plan_changes the baselines and targets. */
static void
print_changes (const char     *path,
               HubsImportPlan *plan,
               gboolean        plan_changes)
{
  GPtrArray *changes = hubs_import_plan_get_changes (plan);

  for (guint i = 0; i < changes->len; i++)
    {
      const HubsImportChange *change = g_ptr_array_index (changes, i);
      g_autofree char *year = NULL;
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;
      const char *kind = hubs_figure_kind_get_label (change->figure->kind);

      if (change->kind == HUBS_IMPORT_UNCHANGED || !change->changes_plan != !plan_changes)
        continue;

      year = hubs_format_fiscal_year (change->figure->fiscal_year, hubs_language_current ());
      new_value = describe_figure (change->figure, change->kpi);

      if (plan_changes && change->kind == HUBS_IMPORT_NEW)
        /* Translators: a baseline or target an import adds. %1$s:%2$u:%3$u is
         * file:line:column, %4$s a KPI id, %5$s a fiscal year, %6$s baseline or target, %7$s
         * the value */
        g_print (_("%1$s:%2$u:%3$u: plan change, new: %4$s, %5$s, %6$s: %7$s\n"),
                 path, change->line, change->column, change->kpi->id, year, kind,
                 new_value);
      else if (plan_changes)
        {
          old_value = describe_figure (change->old, change->kpi);
          /* Translators: a baseline or target an import changes. %1$s:%2$u:%3$u is
           * file:line:column, %4$s a KPI id, %5$s a fiscal year, %6$s baseline or target,
           * %7$s the old and %8$s the new value */
          g_print (_("%1$s:%2$u:%3$u: plan change: %4$s, %5$s, %6$s: %7$s → %8$s\n"),
                   path, change->line, change->column, change->kpi->id, year, kind,
                   old_value, new_value);
        }
      else if (change->kind == HUBS_IMPORT_NEW)
        /* Translators: a figure an import adds. %1$s:%2$u:%3$u is file:line:column, %4$s a
         * KPI id, %5$s a fiscal year, %6$s baseline, target or actual, %7$s the value */
        g_print (_("%1$s:%2$u:%3$u: new: %4$s, %5$s, %6$s: %7$s\n"),
                 path, change->line, change->column, change->kpi->id, year, kind,
                 new_value);
      else
        {
          old_value = describe_figure (change->old, change->kpi);
          /* Translators: a figure an import changes. %1$s:%2$u:%3$u is file:line:column,
           * %4$s a KPI id, %5$s a fiscal year, %6$s baseline, target or actual, %7$s the old
           * and %8$s the new value */
          g_print (_("%1$s:%2$u:%3$u: changed: %4$s, %5$s, %6$s: %7$s → %8$s\n"),
                   path, change->line, change->column, change->kpi->id, year, kind,
                   old_value, new_value);
        }
    }
}

/* Who the changes of a command are recorded as made by: --user and --organisation, or the
 * window's settings. */
void
hubs_cli_set_author (HubsStore    *store,
                     GVariantDict *options)
{
  g_autofree char *user = NULL;
  g_autofree char *organisation = NULL;

  g_variant_dict_lookup (options, "user", "s", &user);
  g_variant_dict_lookup (options, "organisation", "s", &organisation);
  hubs_author_apply (store, user, organisation);
}

static int
import_csv (GVariantDict *options,
            const char   *database_path,
            const char   *path,
            gboolean      dry_run,
            gboolean      allow_plan_changes)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = NULL;
  const char * const *ignored;
  GPtrArray *problems;
  guint n_problems;
  guint n_applied = 0;
  guint n_plan_changes;
  guint n_actual_changes;

  /* A dry run only reads; an import checks the whole file before it writes. */
  store = dry_run ? hubs_cli_open_store_to_read (database_path, &error)
                  : hubs_cli_open_store (database_path, HUBS_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !(plan = hubs_import_plan_new_for_path (store, path, &error)))
    {
      hubs_cli_print_error (error->message);
      return 1;
    }
  hubs_cli_set_author (store, options);

  /* Translators: %1$s is a file, %2$s its layout (“one figure per row”), %3$s its encoding */
  g_print (_("%1$s: %2$s, %3$s.\n"), path,
           hubs_import_layout_get_label (hubs_import_plan_get_layout (plan)),
           hubs_csv_encoding_get_label (hubs_import_plan_get_encoding (plan)));
  g_print (_("New figures: %1$u. Changed: %2$u. Unchanged: %3$u.\n"),
           hubs_import_plan_count (plan, HUBS_IMPORT_NEW),
           hubs_import_plan_count (plan, HUBS_IMPORT_CHANGED),
           hubs_import_plan_count (plan, HUBS_IMPORT_UNCHANGED));

  ignored = hubs_import_plan_get_ignored_columns (plan);
  if (ignored[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) ignored);

      /* Translators: %s is a list of column headers */
      g_print (_("These columns are not imported: %s.\n"), list);
    }

  n_plan_changes = hubs_import_plan_count_plan_changes (plan);
  n_actual_changes = hubs_import_plan_get_changes (plan)->len - n_plan_changes;

  print_changes (path, plan, FALSE);

  /* A typo in a target reads like any other change: the plan's changes come apart. */
  if (n_plan_changes > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "The file changes %u baseline or target of the plan:\n",
                            "The file changes %u baselines or targets of the plan:\n",
                            n_plan_changes),
               n_plan_changes);
      print_changes (path, plan, TRUE);
    }

  /* Figures far from the plan are imported, but each is named, like a compiler's warning. */
  if (hubs_import_plan_count_warnings (plan) > 0)
    {
      GPtrArray *changes = hubs_import_plan_get_changes (plan);

      for (guint i = 0; i < changes->len; i++)
        {
          const HubsImportChange *change = g_ptr_array_index (changes, i);

          if (change->warning != NULL)
            /* Translators: %1$s:%2$u:%3$u is file:line:column, %4$s the KPI id, %5$s why
             * the figure looks wrong */
            g_printerr (_("%1$s:%2$u:%3$u: warning: %4$s: %5$s\n"), path, change->line,
                        change->column, change->kpi->id, change->warning);
        }
    }

  problems = hubs_import_plan_get_problems (plan);
  n_problems = hubs_import_plan_get_n_problems (plan);
  if (n_problems > 0)
    {
      g_autofree char *message = NULL;

      /* FILE:LINE:COLUMN: message, the form editors and terminals link to the place. */
      for (guint i = 0; i < problems->len; i++)
        {
          const HubsCsvProblem *problem = g_ptr_array_index (problems, i);

          g_printerr ("%s:%u:%u: %s\n", path, problem->line, problem->column,
                      problem->message);
        }

      /* A file of many bad rows: the first ones tell what is wrong, a count the rest. */
      if (n_problems > problems->len)
        {
          guint n_more = n_problems - problems->len;

          g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                   /* Translators: %1$s is a file, %2$u a number of errors */
                                   "%1$s: %2$u more error is not listed.\n",
                                   "%1$s: %2$u more errors are not listed.\n",
                                   n_more),
                      path, n_more);
        }

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Nothing was imported: the file has %u error.",
                                              "Nothing was imported: the file has %u errors.",
                                              n_problems),
                                 n_problems);
      hubs_cli_print_error (message);
      return 1;
    }

  if (n_plan_changes > 0 && !allow_plan_changes)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "The plan change is skipped: the baseline or target stays as it is. "
                          "Check it, and import again with --allow-plan-changes to apply "
                          "it.\n",
                          "The %u plan changes are skipped: the baselines and targets stay as "
                          "they are. Check them, and import again with --allow-plan-changes to "
                          "apply them.\n",
                          n_plan_changes),
             n_plan_changes);

  if (dry_run)
    {
      g_print (_("This was a dry run: nothing was written.\n"));
      return 0;
    }

  if (n_actual_changes == 0 && n_plan_changes > 0 && !allow_plan_changes)
    {
      g_print (_("Nothing was imported: the file changes only the plan.\n"));
      return 0;
    }

  if (!hubs_import_plan_apply_full (plan, store,
                                    allow_plan_changes ? HUBS_IMPORT_APPLY_PLAN_CHANGES
                                                       : HUBS_IMPORT_APPLY_DEFAULT,
                                    &backup_path, &n_applied, &error))
    {
      hubs_cli_print_error (error->message);
      return 1;
    }

  if (n_applied == 0)
    g_print (_("Nothing to import: every figure in the file is already in the database.\n"));
  else if (backup_path == NULL)
    /* A shared database is backed up on its server, not by Hubs. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u figure.\n", "Imported %u figures.\n",
                          n_applied),
             n_applied);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Imported %1$u figure. The database as it was before is saved as "
                          "“%2$s”.\n",
                          "Imported %1$u figures. The database as it was before is saved as "
                          "“%2$s”.\n",
                          n_applied),
             n_applied, backup_path);

  return 0;
}

static int
backup (const char *database_path,
        const char *path)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = hubs_cli_open_store_to_read (database_path, &error)) ||
      !hubs_backup_copy_to_path (store, path, &error))
    {
      hubs_cli_print_error (error->message);
      return 1;
    }

  /* On standard output, the copy is the output. */
  if (!hubs_output_is_stream (path))
    /* Translators: %s is a file name */
    g_print (_("The database was copied to “%s”.\n"), path);

  return 0;
}

static gboolean
parse_language (const char   *name,
                HubsLanguage *lang)
{
  if (name == NULL)
    {
      *lang = hubs_language_current ();
      return TRUE;
    }
  if (hubs_language_from_string (name, lang))
    return TRUE;

  {
    /* Translators: %s is what was given for --lang; keep ja and en */
    g_autofree char *message = g_strdup_printf (_("“%s” is not a language; use ja or en."),
                                                name);

    hubs_cli_print_error (message);
  }
  return FALSE;
}

static int
render_chart (const char *database_path,
              const char *kpi_id,
              const char *output,
              const char *size,
              const char *lang_name)
{
  g_auto(Snapshot) snapshot = { 0 };
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  HubsChartPage page = HUBS_CHART_PAGE_NONE;
  HubsLanguage lang;
  int width = 1600, height = 900;

  if (output == NULL)
    {
      hubs_cli_print_error (_("--render-chart needs --output=FILE."));
      return 1;
    }
  if (!parse_language (lang_name, &lang))
    return 1;

  /* Check what can be checked before opening anything. */
  if (!hubs_chart_format_from_path (output, NULL, &error) ||
      (size != NULL && !hubs_chart_page_from_string (size, &page) &&
       !hubs_chart_parse_size (size, &width, &height, &error)) ||
      !(store = open_to_export (database_path, &snapshot, &error)) ||
      !(data = hubs_chart_data_new_for_kpi (store, HUBS_CHART_TRAJECTORY, kpi_id, &error)) ||
      !(stamp = hubs_chart_stamp_new (store, data, export_as_of, lang)) ||
      !hubs_chart_export_full (data, output, page, width, height, stamp, lang, &error))
    {
      hubs_cli_print_error (error->message);
      return 1;
    }

  return 0;
}

/* After an unknown --hub: the hub the user probably meant. */
static void
suggest_hub (HubsStore  *store,
             const char *hub_id)
{
  g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (store, NULL);
  const char *suggestion = hubs != NULL ? hubs_hub_aliases_suggest (hubs, hub_id) : NULL;

  if (suggestion != NULL)
    /* Translators: after an unknown hub id; %s is the id of the hub meant, e.g. “kansai” */
    g_printerr (_("Did you mean --hub=%s?\n"), suggestion);
}

static int
export_report (const char *database_path,
               const char *output,
               const char *hub_list,
               const char *kpi_list,
               const char *orientation,
               const char *lang_name)
{
  g_auto(Snapshot) snapshot = { 0 };
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) hub_ids = hub_list != NULL ? g_strsplit (hub_list, ",", -1) : NULL;
  g_auto(GStrv) kpi_ids = kpi_list != NULL ? g_strsplit (kpi_list, ",", -1) : NULL;
  HubsReportOptions report;
  HubsLanguage lang;

  if (!parse_language (lang_name, &lang))
    return 1;

  hubs_report_options_init (&report, lang);
  if (orientation != NULL && !g_str_equal (orientation, "landscape"))
    {
      if (!g_str_equal (orientation, "portrait"))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not an orientation; use "
                                                        "portrait or landscape."),
                                                      orientation);

          hubs_cli_print_error (message);
          return 1;
        }
      report.portrait = TRUE;
    }
  for (guint i = 0; hub_ids != NULL && hub_ids[i] != NULL; i++)
    g_strstrip (hub_ids[i]);
  for (guint i = 0; kpi_ids != NULL && kpi_ids[i] != NULL; i++)
    g_strstrip (kpi_ids[i]);
  report.hub_ids = (const char * const *) hub_ids;
  report.kpi_ids = (const char * const *) kpi_ids;
  report.as_of = export_as_of;

  if (!hubs_chart_format_from_path (output, NULL, &error) ||
      !(store = open_to_export (database_path, &snapshot, &error)) ||
      !hubs_report_export_with_options (store, &report, output, &error))
    {
      hubs_cli_print_error (error->message);
      if (store != NULL && hub_ids != NULL &&
          g_error_matches (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
        {
          /* The hub the message names, if it is one of those asked for. */
          for (guint i = 0; hub_ids[i] != NULL; i++)
            if (strstr (error->message, hub_ids[i]) != NULL)
              {
                suggest_hub (store, hub_ids[i]);
                break;
              }
        }
      return 1;
    }

  return 0;
}

/**
 * hubs_cli_handle:
 * @options: the parsed command-line options
 * @database_path: (nullable): the value of `--database`
 * @exit_status: (out): the status to exit with, when this returns %TRUE
 *
 * Runs the command the options ask for, if any is a command that needs no window.
 *
 * Returns: %TRUE when a command ran and the program should exit with @exit_status
 */
gboolean
hubs_cli_handle (GVariantDict *options,
                 const char   *database_path,
                 int          *exit_status)
{
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *layout_name = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("hubs %s\n", PACKAGE_VERSION);
      *exit_status = 0;
      return TRUE;
    }

  if (hubs_cli_roles_handle (options, database_path, exit_status))
    return TRUE;

  if (hubs_cli_cycle_handle (options, database_path, exit_status))
    return TRUE;

  if (hubs_cli_database_handle (options, exit_status))
    return TRUE;

  if (hubs_cli_export_handle (options, database_path, exit_status))
    return TRUE;

  {
    g_autofree char *as_of = NULL;
    g_autoptr(GError) error = NULL;

    g_clear_pointer (&export_as_of, g_date_time_unref);
    if (g_variant_dict_lookup (options, "as-of", "s", &as_of))
      {
        if (!g_variant_dict_contains (options, "export-csv") &&
            !g_variant_dict_contains (options, "export-report") &&
            !g_variant_dict_contains (options, "render-chart"))
          {
            hubs_cli_print_error (_("--as-of goes with --export-csv, --export-report or "
                                    "--render-chart."));
            *exit_status = 1;
            return TRUE;
          }
        if (!hubs_parse_as_of (as_of, &export_as_of, &error))
          {
            g_autofree char *message = g_strdup_printf ("--as-of: %s", error->message);

            hubs_cli_print_error (message);
            *exit_status = 1;
            return TRUE;
          }
      }
  }

  g_variant_dict_lookup (options, "layout", "s", &layout_name);
  g_variant_dict_lookup (options, "export-csv", "^ay", &export_path);
  g_variant_dict_lookup (options, "import-csv", "^ay", &import_path);

  if ((layout_name != NULL || g_variant_dict_contains (options, "bom")) && export_path == NULL)
    {
      hubs_cli_print_error (_("--layout and --bom go with --export-csv."));
      *exit_status = 1;
      return TRUE;
    }

  if ((g_variant_dict_contains (options, "dry-run") ||
       g_variant_dict_contains (options, "allow-plan-changes")) && import_path == NULL)
    {
      hubs_cli_print_error (_("--dry-run and --allow-plan-changes go with --import-csv."));
      *exit_status = 1;
      return TRUE;
    }

  if (import_path != NULL)
    {
      *exit_status = import_csv (options, database_path, import_path,
                                 g_variant_dict_contains (options, "dry-run"),
                                 g_variant_dict_contains (options, "allow-plan-changes"));
      return TRUE;
    }

  if (g_variant_dict_lookup (options, "backup", "^ay", &backup_path))
    {
      *exit_status = backup (database_path, backup_path);
      return TRUE;
    }

  {
    g_autofree char *chart_kpi = NULL;
    g_autofree char *chart_output = NULL;
    g_autofree char *chart_size = NULL;
    g_autofree char *report_path = NULL;
    g_autofree char *report_hub = NULL;
    g_autofree char *report_kpis = NULL;
    g_autofree char *orientation = NULL;
    g_autofree char *lang_name = NULL;

    g_variant_dict_lookup (options, "render-chart", "s", &chart_kpi);
    g_variant_dict_lookup (options, "output", "^ay", &chart_output);
    g_variant_dict_lookup (options, "size", "s", &chart_size);
    g_variant_dict_lookup (options, "export-report", "^ay", &report_path);
    g_variant_dict_lookup (options, "hub", "s", &report_hub);
    g_variant_dict_lookup (options, "kpi", "s", &report_kpis);
    g_variant_dict_lookup (options, "orientation", "s", &orientation);
    g_variant_dict_lookup (options, "lang", "s", &lang_name);

    if ((chart_output != NULL || chart_size != NULL) && chart_kpi == NULL)
      {
        hubs_cli_print_error (_("--output and --size go with --render-chart."));
        *exit_status = 1;
        return TRUE;
      }
    if (report_hub != NULL && report_path == NULL)
      {
        hubs_cli_print_error (_("--hub goes with --export-report."));
        *exit_status = 1;
        return TRUE;
      }
    if ((report_kpis != NULL || orientation != NULL) && report_path == NULL)
      {
        hubs_cli_print_error (_("--kpi and --orientation go with --export-report."));
        *exit_status = 1;
        return TRUE;
      }
    if (lang_name != NULL && chart_kpi == NULL && report_path == NULL)
      {
        hubs_cli_print_error (_("--lang goes with --render-chart or --export-report."));
        *exit_status = 1;
        return TRUE;
      }

    if (chart_kpi != NULL)
      {
        *exit_status = render_chart (database_path, chart_kpi, chart_output, chart_size,
                                     lang_name);
        return TRUE;
      }
    if (report_path != NULL)
      {
        *exit_status = export_report (database_path, report_path, report_hub, report_kpis,
                                      orientation, lang_name);
        return TRUE;
      }
  }

  if (export_path != NULL)
    {
      HubsExportLayout layout = HUBS_EXPORT_LAYOUT_LONG;

      if (g_strcmp0 (layout_name, "wide") == 0)
        layout = HUBS_EXPORT_LAYOUT_WIDE;
      else if (layout_name != NULL && !g_str_equal (layout_name, "long"))
        {
          g_autofree char *message =
            /* Translators: %s is what was given for --layout; keep long and wide */
            g_strdup_printf (_("“%s” is not a layout; use long or wide."), layout_name);

          hubs_cli_print_error (message);
          *exit_status = 1;
          return TRUE;
        }

      *exit_status = export_csv (database_path, export_path, layout,
                                 g_variant_dict_contains (options, "bom")
                                 ? HUBS_EXPORT_FLAGS_BOM : HUBS_EXPORT_FLAGS_NONE);
      return TRUE;
    }

  return FALSE;
}
