/* hubs-package.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file a year travels in between a consortium and the Cabinet Office: a submission (one
 * hub's figures for one fiscal year, their notes, sources and status, the explanations of
 * the KPIs not on track, who made it and when, and the figures it replaces as last sent), or
 * an answer (the year accepted, or returned with a reason).
 *
 * It is a small SQLite database, built in memory and written with sqlite3_serialize(), read
 * back with sqlite3_deserialize() without touching the file. It names the Hubs version and
 * schema that wrote it, and carries a SHA-256 over a canonical text of everything in it, so
 * a file altered on the way, truncated or from a newer Hubs is refused.
 */

#define G_LOG_DOMAIN "hubs-package"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "hubs-format.h"
#include "hubs-package.h"
#include "hubs-store.h"

G_DEFINE_QUARK (hubs-package-error-quark, hubs_package_error)

/* "HUBP": told apart from a database ("HUBS") at a glance. */
#define PACKAGE_APPLICATION_ID 0x48554250

/* A submission of 13 hubs' worth of KPIs is some tens of kilobytes; anything near this is
 * not one. */
#define MAX_PACKAGE_SIZE (16 * 1024 * 1024)

static const char * const kind_names[] = { "submission", "answer" };

static const char *schema_sql =
  "CREATE TABLE package (key TEXT PRIMARY KEY NOT NULL, value TEXT);"
  "CREATE TABLE kpi (id TEXT PRIMARY KEY NOT NULL, name_ja TEXT, name_en TEXT, unit TEXT);"
  "CREATE TABLE figure ("
  "  kpi_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, kind TEXT NOT NULL,"
  "  value REAL, measured INTEGER NOT NULL, confirmed INTEGER NOT NULL,"
  "  as_of TEXT, note TEXT, note_en TEXT, source TEXT, unit TEXT,"
  "  has_base INTEGER NOT NULL, base_value REAL, base_measured INTEGER,"
  "  PRIMARY KEY (kpi_id, fiscal_year, kind));"
  "CREATE TABLE explanation ("
  "  kpi_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, why TEXT, action TEXT,"
  "  PRIMARY KEY (kpi_id, fiscal_year));";

static void
package_figure_free (HubsPackageFigure *pf)
{
  hubs_figure_free (pf->figure);
  hubs_figure_free (pf->base);
  g_free (pf);
}

HubsPackage *
hubs_package_new (HubsPackageKind  kind,
                  const char      *hub_id,
                  int              fiscal_year)
{
  HubsPackage *package = g_new0 (HubsPackage, 1);

  package->kind = kind;
  package->format_version = HUBS_PACKAGE_FORMAT_VERSION;
  package->hubs_version = g_strdup (PACKAGE_VERSION);
  package->schema_version = HUBS_STORE_SCHEMA_VERSION;
  package->hub_id = g_strdup (hub_id);
  package->fiscal_year = fiscal_year;
  package->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) package_figure_free);
  package->explanations = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_explanation_free);
  package->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_kpi_free);

  return package;
}

void
hubs_package_free (HubsPackage *package)
{
  if (package == NULL)
    return;

  g_free (package->hubs_version);
  g_free (package->hub_id);
  g_free (package->hub_name_ja);
  g_free (package->hub_name_en);
  g_free (package->created_at);
  g_free (package->created_by);
  g_free (package->organisation);
  g_free (package->reason);
  g_ptr_array_unref (package->figures);
  g_ptr_array_unref (package->explanations);
  g_ptr_array_unref (package->kpis);
  g_free (package);
}

/**
 * hubs_package_add_figure:
 * @package: a submission
 * @figure: a figure it sends
 * @base: (nullable): the figure as last sent, the receiver's base for it
 */
void
hubs_package_add_figure (HubsPackage      *package,
                         const HubsFigure *figure,
                         const HubsFigure *base)
{
  HubsPackageFigure *pf = g_new0 (HubsPackageFigure, 1);

  pf->figure = hubs_figure_copy (figure);
  pf->base = base != NULL ? hubs_figure_copy (base) : NULL;
  g_ptr_array_add (package->figures, pf);
}

const HubsPackageFigure *
hubs_package_lookup_figure (const HubsPackage *package,
                            const char        *kpi_id,
                            int                fiscal_year,
                            HubsFigureKind     kind)
{
  for (guint i = 0; i < package->figures->len; i++)
    {
      const HubsPackageFigure *pf = g_ptr_array_index (package->figures, i);

      if (g_str_equal (pf->figure->kpi_id, kpi_id) && pf->figure->fiscal_year == fiscal_year &&
          pf->figure->kind == kind)
        return pf;
    }

  return NULL;
}

/* The canonical text
 * ------------------ */

static void
put_text (GString    *out,
          const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "\\N\t");
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '\t' || *p == '\n')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\t' ? 't' : *p == '\n' ? 'n' : *p);
    }
  g_string_append_c (out, '\t');
}

static void
put_int (GString *out,
         gint64   value)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", value);
}

static void
put_value (GString *out,
           gboolean measured,
           double   value)
{
  g_autofree char *text = measured ? hubs_format_number_exact (value) : NULL;

  put_text (out, text);
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  const HubsPackageFigure *x = *(HubsPackageFigure **) a;
  const HubsPackageFigure *y = *(HubsPackageFigure **) b;
  int c = strcmp (x->figure->kpi_id, y->figure->kpi_id);

  if (c != 0)
    return c;
  if (x->figure->fiscal_year != y->figure->fiscal_year)
    return x->figure->fiscal_year < y->figure->fiscal_year ? -1 : 1;
  return (int) x->figure->kind - (int) y->figure->kind;
}

static int
compare_explanations (gconstpointer a,
                      gconstpointer b)
{
  const HubsExplanation *x = *(HubsExplanation **) a;
  const HubsExplanation *y = *(HubsExplanation **) b;
  int c = strcmp (x->kpi_id, y->kpi_id);

  return c != 0 ? c : x->fiscal_year - y->fiscal_year;
}

static int
compare_kpis (gconstpointer a,
              gconstpointer b)
{
  return strcmp ((*(HubsKpi **) a)->id, (*(HubsKpi **) b)->id);
}

/* SHA-256 of everything in @package but the checksum itself, in a fixed order. */
static char *
package_checksum (HubsPackage *package)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_ptr_array_sort (package->figures, compare_figures);
  g_ptr_array_sort (package->explanations, compare_explanations);
  g_ptr_array_sort (package->kpis, compare_kpis);

  put_text (out, kind_names[package->kind]);
  put_int (out, package->format_version);
  put_text (out, package->hubs_version);
  put_int (out, package->schema_version);
  put_text (out, package->hub_id);
  put_text (out, package->hub_name_ja);
  put_text (out, package->hub_name_en);
  put_int (out, package->fiscal_year);
  put_text (out, package->created_at);
  put_text (out, package->created_by);
  put_text (out, package->organisation);
  put_text (out, hubs_year_state_kind_to_string (package->state));
  put_text (out, package->reason);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < package->kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (package->kpis, i);

      put_text (out, kpi->id);
      put_text (out, kpi->name_ja);
      put_text (out, kpi->name_en);
      put_text (out, kpi->unit);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < package->figures->len; i++)
    {
      const HubsPackageFigure *pf = g_ptr_array_index (package->figures, i);
      const HubsFigure *f = pf->figure;

      put_text (out, f->kpi_id);
      put_int (out, f->fiscal_year);
      put_text (out, hubs_figure_kind_to_string (f->kind));
      put_value (out, f->measured, f->value);
      put_int (out, f->measured);
      put_int (out, f->confirmed);
      put_text (out, f->as_of);
      put_text (out, f->note);
      put_text (out, f->note_en);
      put_text (out, f->source);
      put_text (out, f->unit);
      put_int (out, pf->base != NULL);
      if (pf->base != NULL)
        {
          put_value (out, pf->base->measured, pf->base->value);
          put_int (out, pf->base->measured);
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < package->explanations->len; i++)
    {
      const HubsExplanation *e = g_ptr_array_index (package->explanations, i);

      put_text (out, e->kpi_id);
      put_int (out, e->fiscal_year);
      put_text (out, e->why);
      put_text (out, e->action);
      g_string_append_c (out, '\n');
    }

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out->str, out->len);
}

/* Writing
 * ------- */

static gboolean
check_rc (sqlite3  *db,
          int       rc,
          GError  **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_NOT_PACKAGE,
               _("The submission file could not be made: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
put_meta (sqlite3     *db,
          const char  *key,
          const char  *value,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "INSERT INTO package (key, value) VALUES (?1, ?2)", -1,
                               &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      bind_text (stmt, 1, key);
      bind_text (stmt, 2, value);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return check_rc (db, rc, error);
}

static gboolean
put_meta_int (sqlite3     *db,
              const char  *key,
              gint64       value,
              GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return put_meta (db, key, text, error);
}

static gboolean
write_rows (sqlite3            *db,
            const HubsPackage  *package,
            GError            **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "INSERT INTO kpi VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < package->kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (package->kpis, i);

      sqlite3_reset (stmt);
      bind_text (stmt, 1, kpi->id);
      bind_text (stmt, 2, kpi->name_ja);
      bind_text (stmt, 3, kpi->name_en);
      bind_text (stmt, 4, kpi->unit);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);
  if (!check_rc (db, rc, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "INSERT INTO figure VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                           "?10, ?11, ?12, ?13, ?14)", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < package->figures->len; i++)
    {
      const HubsPackageFigure *pf = g_ptr_array_index (package->figures, i);
      const HubsFigure *f = pf->figure;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      bind_text (stmt, 1, f->kpi_id);
      sqlite3_bind_int (stmt, 2, f->fiscal_year);
      bind_text (stmt, 3, hubs_figure_kind_to_string (f->kind));
      if (f->measured)
        sqlite3_bind_double (stmt, 4, f->value);
      sqlite3_bind_int (stmt, 5, f->measured);
      sqlite3_bind_int (stmt, 6, f->confirmed);
      bind_text (stmt, 7, f->as_of);
      bind_text (stmt, 8, f->note);
      bind_text (stmt, 9, f->note_en);
      bind_text (stmt, 10, f->source);
      bind_text (stmt, 11, f->unit);
      sqlite3_bind_int (stmt, 12, pf->base != NULL);
      if (pf->base != NULL)
        {
          if (pf->base->measured)
            sqlite3_bind_double (stmt, 13, pf->base->value);
          sqlite3_bind_int (stmt, 14, pf->base->measured);
        }
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);
  if (!check_rc (db, rc, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "INSERT INTO explanation VALUES (?1, ?2, ?3, ?4)", -1, &stmt,
                           NULL);
  for (guint i = 0; rc == SQLITE_OK && i < package->explanations->len; i++)
    {
      const HubsExplanation *e = g_ptr_array_index (package->explanations, i);

      sqlite3_reset (stmt);
      bind_text (stmt, 1, e->kpi_id);
      sqlite3_bind_int (stmt, 2, e->fiscal_year);
      bind_text (stmt, 3, e->why);
      bind_text (stmt, 4, e->action);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);

  return check_rc (db, rc, error);
}

/**
 * hubs_package_to_bytes:
 * @package: a submission or answer
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the file's bytes, with its checksum
 */
GBytes *
hubs_package_to_bytes (const HubsPackage  *package,
                       GError            **error)
{
  g_autofree char *sum = package_checksum ((HubsPackage *) package);
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", PACKAGE_APPLICATION_ID);
  sqlite3 *db = NULL;
  unsigned char *data;
  sqlite3_int64 size = 0;
  gboolean ok;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK)
    {
      check_rc (db, sqlite3_errcode (db), error);
      sqlite3_close (db);
      return NULL;
    }

  ok = check_rc (db, sqlite3_exec (db, app_id, NULL, NULL, NULL), error) &&
       check_rc (db, sqlite3_exec (db, schema_sql, NULL, NULL, NULL), error) &&
       put_meta (db, "format", "hubs-package", error) &&
       put_meta_int (db, "format_version", package->format_version, error) &&
       put_meta (db, "kind", kind_names[package->kind], error) &&
       put_meta (db, "hubs_version", package->hubs_version, error) &&
       put_meta_int (db, "schema_version", package->schema_version, error) &&
       put_meta (db, "hub_id", package->hub_id, error) &&
       put_meta (db, "hub_name_ja", package->hub_name_ja, error) &&
       put_meta (db, "hub_name_en", package->hub_name_en, error) &&
       put_meta_int (db, "fiscal_year", package->fiscal_year, error) &&
       put_meta (db, "created_at", package->created_at, error) &&
       put_meta (db, "created_by", package->created_by, error) &&
       put_meta (db, "organisation", package->organisation, error) &&
       put_meta (db, "state", hubs_year_state_kind_to_string (package->state), error) &&
       put_meta (db, "reason", package->reason, error) &&
       write_rows (db, package, error) &&
       put_meta (db, "sha256", sum, error);

  if (!ok)
    {
      sqlite3_close (db);
      return NULL;
    }

  data = sqlite3_serialize (db, "main", &size, 0);
  sqlite3_close (db);
  if (data == NULL)
    {
      g_set_error_literal (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_NOT_PACKAGE,
                           _("The submission file could not be made: out of memory."));
      return NULL;
    }

  return g_bytes_new_with_free_func (data, (gsize) size, sqlite3_free, data);
}

/* Reading
 * ------- */

static void
set_not_package (GError    **error,
                 const char *why)
{
  g_set_error (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_NOT_PACKAGE,
               /* Translators: %s says what is wrong with the file */
               _("This is not a Hubs submission or answer, or it is damaged or cut short (%s). "
                 "Ask for the file to be sent again."), why);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static gboolean
read_meta (sqlite3      *db,
           HubsPackage  *package,
           char        **sum,
           GError      **error)
{
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  const char *format, *version, *kind, *year, *schema;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT key, value FROM package", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_not_package (error, sqlite3_errmsg (db));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (meta, column_text (stmt, 0), column_text (stmt, 1));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_not_package (error, sqlite3_errmsg (db));
      return FALSE;
    }

  format = g_hash_table_lookup (meta, "format");
  version = g_hash_table_lookup (meta, "format_version");
  if (g_strcmp0 (format, "hubs-package") != 0 || version == NULL)
    {
      set_not_package (error, _("it does not say it is one"));
      return FALSE;
    }
  package->format_version = (int) g_ascii_strtoll (version, NULL, 10);
  package->hubs_version = g_strdup (g_hash_table_lookup (meta, "hubs_version"));
  if (package->format_version > HUBS_PACKAGE_FORMAT_VERSION)
    {
      g_set_error (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_TOO_NEW,
                   /* Translators: %s is a version of Hubs */
                   _("This file was made by a newer version of Hubs (%s). Update Hubs to read "
                     "it; nothing was changed."),
                   package->hubs_version != NULL ? package->hubs_version : "?");
      return FALSE;
    }

  kind = g_hash_table_lookup (meta, "kind");
  year = g_hash_table_lookup (meta, "fiscal_year");
  schema = g_hash_table_lookup (meta, "schema_version");
  if (g_strcmp0 (kind, "submission") == 0)
    package->kind = HUBS_PACKAGE_SUBMISSION;
  else if (g_strcmp0 (kind, "answer") == 0)
    package->kind = HUBS_PACKAGE_ANSWER;
  else
    {
      set_not_package (error, _("an unknown kind of file"));
      return FALSE;
    }
  if (year == NULL || g_hash_table_lookup (meta, "hub_id") == NULL || schema == NULL ||
      !hubs_year_state_kind_from_string (g_hash_table_lookup (meta, "state"), &package->state))
    {
      set_not_package (error, _("it does not name its hub and year"));
      return FALSE;
    }

  package->fiscal_year = (int) g_ascii_strtoll (year, NULL, 10);
  package->schema_version = (int) g_ascii_strtoll (schema, NULL, 10);
  package->hub_id = g_strdup (g_hash_table_lookup (meta, "hub_id"));
  package->hub_name_ja = g_strdup (g_hash_table_lookup (meta, "hub_name_ja"));
  package->hub_name_en = g_strdup (g_hash_table_lookup (meta, "hub_name_en"));
  package->created_at = g_strdup (g_hash_table_lookup (meta, "created_at"));
  package->created_by = g_strdup (g_hash_table_lookup (meta, "created_by"));
  package->organisation = g_strdup (g_hash_table_lookup (meta, "organisation"));
  package->reason = g_strdup (g_hash_table_lookup (meta, "reason"));
  *sum = g_strdup (g_hash_table_lookup (meta, "sha256"));

  return TRUE;
}

static gboolean
read_rows (sqlite3      *db,
           HubsPackage  *package,
           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, name_ja, name_en, unit FROM kpi", -1, &stmt, NULL) !=
      SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HubsKpi *kpi = hubs_kpi_new ();

      kpi->id = column_text (stmt, 0);
      kpi->name_ja = column_text (stmt, 1);
      kpi->name_en = column_text (stmt, 2);
      kpi->unit = column_text (stmt, 3);
      g_ptr_array_add (package->kpis, kpi);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed_done;

  if (sqlite3_prepare_v2 (db, "SELECT kpi_id, fiscal_year, kind, value, measured, confirmed, "
                          "as_of, note, note_en, source, unit, has_base, base_value, "
                          "base_measured FROM figure", -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HubsPackageFigure *pf = g_new0 (HubsPackageFigure, 1);
      HubsFigure *f = pf->figure = hubs_figure_new ();

      f->kpi_id = column_text (stmt, 0);
      f->fiscal_year = sqlite3_column_int (stmt, 1);
      if (f->kpi_id == NULL ||
          !hubs_figure_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &f->kind))
        {
          package_figure_free (pf);
          sqlite3_finalize (stmt);
          set_not_package (error, _("a figure of an unknown kind"));
          return FALSE;
        }
      f->value = sqlite3_column_double (stmt, 3);
      f->measured = sqlite3_column_int (stmt, 4) != 0;
      if (!f->measured)
        f->value = 0;
      f->confirmed = sqlite3_column_int (stmt, 5) != 0;
      f->as_of = column_text (stmt, 6);
      f->note = column_text (stmt, 7);
      f->note_en = column_text (stmt, 8);
      f->source = column_text (stmt, 9);
      f->unit = column_text (stmt, 10);
      if (sqlite3_column_int (stmt, 11) != 0)
        {
          pf->base = hubs_figure_copy (f);
          pf->base->measured = sqlite3_column_int (stmt, 13) != 0;
          pf->base->value = pf->base->measured ? sqlite3_column_double (stmt, 12) : 0;
        }
      g_ptr_array_add (package->figures, pf);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed_done;

  if (sqlite3_prepare_v2 (db, "SELECT kpi_id, fiscal_year, why, action FROM explanation", -1,
                          &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *kpi_id = column_text (stmt, 0);
      HubsExplanation *e = hubs_explanation_new (kpi_id, sqlite3_column_int (stmt, 1));

      g_free (e->why);
      g_free (e->action);
      e->why = column_text (stmt, 2);
      e->action = column_text (stmt, 3);
      g_ptr_array_add (package->explanations, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed_done;

  return TRUE;

failed:
  sqlite3_finalize (stmt);
failed_done:
  set_not_package (error, sqlite3_errmsg (db));
  return FALSE;
}

/**
 * hubs_package_new_from_bytes:
 * @bytes: the file's bytes
 * @error: a location for a #GError
 *
 * Reads a submission or answer and checks it: its format, the version of Hubs that wrote
 * it, and its checksum.
 *
 * Returns: (transfer full): the package, or %NULL with @error saying what is wrong
 */
HubsPackage *
hubs_package_new_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(HubsPackage) package = hubs_package_new (HUBS_PACKAGE_SUBMISSION, NULL, 0);
  g_autofree char *stored_sum = NULL;
  g_autofree char *sum = NULL;
  unsigned char *data;
  gsize size = g_bytes_get_size (bytes);
  sqlite3 *db = NULL;
  int rc;

  g_clear_pointer (&package->hubs_version, g_free);

  if (size < 512 || memcmp (g_bytes_get_data (bytes, NULL), "SQLite format 3", 16) != 0)
    {
      set_not_package (error, _("it is not an SQLite file"));
      return NULL;
    }
  if (size > MAX_PACKAGE_SIZE)
    {
      g_set_error (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_TOO_LARGE,
                   _("This file is far larger than any submission, so it is not read."));
      return NULL;
    }

  /* A private copy SQLite owns and frees; the file itself is never opened by SQLite. */
  data = sqlite3_malloc64 (size);
  memcpy (data, g_bytes_get_data (bytes, NULL), size);
  sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
  rc = sqlite3_deserialize (db, "main", data, (sqlite3_int64) size, (sqlite3_int64) size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK)
    {
      set_not_package (error, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }

  if (!read_meta (db, package, &stored_sum, error) || !read_rows (db, package, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_close (db);

  sum = package_checksum (package);
  if (stored_sum == NULL || g_ascii_strcasecmp (sum, stored_sum) != 0)
    {
      g_set_error_literal (error, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_ALTERED,
                           _("This file was changed after Hubs made it: its contents no longer "
                             "match its checksum. Ask for it to be sent again; nothing was "
                             "changed."));
      return NULL;
    }

  return g_steal_pointer (&package);
}

/**
 * hubs_package_new_from_file:
 * @path: a file
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the package, or %NULL with @error naming the file
 */
HubsPackage *
hubs_package_new_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  HubsPackage *package;

  if (!(mapped = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   /* Translators: %1$s is a file, %2$s why it cannot be read */
                   _("The file “%1$s” cannot be read: %2$s"), path, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);

  if (!(package = hubs_package_new_from_bytes (bytes, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                   local_error->message);
      return NULL;
    }

  return package;
}
