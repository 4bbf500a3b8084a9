/* hubs-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one SQLite file that holds the plan and the figures. Every change is one transaction and
 * appends what it changed to the history table, so nothing typed is ever lost. A file that is
 * not ours, is damaged, or comes from a newer Hubs is refused before anything is written to it.
 *
 * This file holds the type, its change notification and its accessors, and the bulk changes:
 * a whole plan and an import's figures. The rest lives beside it: hubs-store-open.c (open,
 * identity, migrations, seeding, the check for damage), hubs-store-read.c (the reads),
 * hubs-store-write.c (single changes with their history) and hubs-store-sql.c (statement and
 * transaction helpers), sharing hubs-store-private.h.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "hubs-db-sqlite.h"
#include "hubs-format.h"
#include "hubs-store-private.h"
#include "hubs-store-writer.h"

G_DEFINE_FINAL_TYPE (HubsStore, hubs_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (hubs-store-error-quark, hubs_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CONNECTED,
  PROP_WRITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
finalize_statement (gpointer stmt)
{
  hubs_db_stmt_finalize (stmt);
}

static void
hubs_store_finalize (GObject *object)
{
  HubsStore *self = (HubsStore *)object;

  /* A running check holds a reference on the store, so none is left by now. */
  g_assert (self->verify_job == NULL);

  _hubs_store_stop_writer (self);
  _hubs_store_unwatch_connection (self);
  g_mutex_clear (&self->connection_mutex);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->writer_statements, g_hash_table_unref);
  g_clear_error (&self->damage);
  g_clear_pointer (&self->db, hubs_db_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->open_name, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->db_user, g_free);
  g_clear_pointer (&self->grant_hub, g_free);

  G_OBJECT_CLASS (hubs_store_parent_class)->finalize (object);
}

static void
hubs_store_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HubsStore *self = HUBS_STORE (object);

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, hubs_store_get_connected (self));
      break;

    case PROP_WRITING:
      g_value_set_boolean (value, hubs_store_get_writing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_store_class_init (HubsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hubs_store_finalize;
  object_class->get_property = hubs_store_get_property;

  /**
   * HubsStore:connected:
   *
   * %FALSE while the server of a shared database cannot be reached: from the call that
   * found the connection lost until it is made again (see hubs_store_reconnect()). Always
   * %TRUE for a file.
   */
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HubsStore:writing:
   *
   * %TRUE while a write of hubs_store_write() has not ended (on a shared database, while
   * its writer saves a change the user made).
   */
  properties[PROP_WRITING] =
    g_param_spec_boolean ("writing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HubsStore::changed:
   * @self: a #HubsStore
   * @change: (type HubsStoreChange): exactly what changed
   *
   * Emitted once after each change was committed to the database.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
hubs_store_init (HubsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
  self->writer_statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                   finalize_statement);
  g_mutex_init (&self->connection_mutex);
  /* Whoever may write a file changes everything; a shared database says otherwise at open. */
  self->administrator = TRUE;
}

/**
 * hubs_store_get_path:
 * @self: a #HubsStore
 *
 * Returns: the database file's path, or the URI of the shared database
 */
const char *
hubs_store_get_path (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  return self->path;
}

/**
 * hubs_store_set_author:
 * @self: a #HubsStore
 * @name: (nullable): the person who makes the changes from now on (山田 花子)
 * @organisation: (nullable): their organisation (福岡市 スタートアップ推進課)
 *
 * Every change written afterwards records them in the history. Empty text is no one.
 */
void
hubs_store_set_author (HubsStore  *self,
                       const char *name,
                       const char *organisation)
{
  g_return_if_fail (HUBS_IS_STORE (self));

  g_free (self->author);
  g_free (self->organisation);
  self->author = name != NULL && *name != '\0' ? g_strstrip (g_strdup (name)) : NULL;
  self->organisation = organisation != NULL && *organisation != '\0'
                       ? g_strstrip (g_strdup (organisation)) : NULL;
}

/**
 * hubs_store_get_author:
 * @self: a #HubsStore
 *
 * Returns: (nullable): who the changes are recorded as made by
 */
const char *
hubs_store_get_author (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  return self->author;
}

/**
 * hubs_store_get_organisation:
 * @self: a #HubsStore
 *
 * Returns: (nullable): the organisation of hubs_store_get_author()
 */
const char *
hubs_store_get_organisation (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  return self->organisation;
}

/**
 * hubs_store_is_read_only:
 * @self: a #HubsStore
 *
 * Returns: %TRUE when the database is open for viewing only
 */
gboolean
hubs_store_is_read_only (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * hubs_store_get_seeded:
 * @self: a #HubsStore
 *
 * Returns: %TRUE when opening created the database and seeded it with the plan
 */
gboolean
hubs_store_get_seeded (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  return self->seeded;
}

/**
 * hubs_store_get_schema_version:
 * @self: a #HubsStore
 *
 * Returns: the schema version of the open database
 */
int
hubs_store_get_schema_version (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), 0);

  return self->schema_version;
}

/* Says HubsStore:writing changed (hubs-store-writer.c). */
void
_hubs_store_notify_writing (HubsStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITING]);
}

/* Tells every listener what one committed change changed: at once, or, for a change the
 * writer thread made, from the main loop once its job ends (see hubs-store-writer.c). */
void
_hubs_store_emit_change (HubsStore             *self,
                         const HubsStoreChange *change)
{
  if (_hubs_store_defer_change (self, change))
    return;

  g_signal_emit (self, signals[CHANGED], 0, change);
}

/* Returns: (transfer full): a copy of @change that owns what it points to */
HubsStoreChange *
_hubs_store_change_copy (const HubsStoreChange *change)
{
  HubsStoreChange *copy = g_new0 (HubsStoreChange, 1);

  copy->kind = change->kind;
  copy->hub_id = g_strdup (change->hub_id);
  copy->kpi_id = g_strdup (change->kpi_id);
  copy->fiscal_year = change->fiscal_year;
  copy->figure_kind = change->figure_kind;
  copy->figure = change->figure != NULL ? hubs_figure_copy (change->figure) : NULL;
  copy->kpi = change->kpi != NULL ? hubs_kpi_copy (change->kpi) : NULL;
  copy->hub = change->hub != NULL ? hubs_hub_copy (change->hub) : NULL;
  copy->year_state = change->year_state != NULL ? hubs_year_state_copy (change->year_state)
                                                : NULL;
  copy->explanation = change->explanation != NULL
                      ? hubs_explanation_copy (change->explanation) : NULL;

  return copy;
}

void
_hubs_store_change_free (HubsStoreChange *change)
{
  g_free ((char *) change->hub_id);
  g_free ((char *) change->kpi_id);
  g_clear_pointer ((HubsFigure **) &change->figure, hubs_figure_free);
  g_clear_pointer ((HubsKpi **) &change->kpi, hubs_kpi_free);
  g_clear_pointer ((HubsHub **) &change->hub, hubs_hub_free);
  g_clear_pointer ((HubsYearState **) &change->year_state, hubs_year_state_free);
  g_clear_pointer ((HubsExplanation **) &change->explanation, hubs_explanation_free);
  g_free (change);
}

void
_hubs_store_emit_simple_change (HubsStore           *self,
                                HubsStoreChangeKind  kind,
                                const char          *hub_id,
                                const char          *kpi_id)
{
  HubsStoreChange change = { .kind = kind, .hub_id = hub_id, .kpi_id = kpi_id };

  _hubs_store_emit_change (self, &change);
}

/**
 * hubs_store_insert_plan:
 * @self: a #HubsStore
 * @hubs: (element-type HubsHub): hubs to add
 * @kpis: (element-type HubsKpi): their KPIs, parents before their breakdowns
 * @figures: (element-type HubsFigure): the KPIs' figures
 * @phase1_results: (element-type HubsPhase1Result) (nullable): phase-1 results
 * @error: a location for a #GError
 *
 * Adds a whole plan in one transaction: all of it or, on any error, none of it.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_insert_plan (HubsStore  *self,
                        GPtrArray  *hubs,
                        GPtrArray  *kpis,
                        GPtrArray  *figures,
                        GPtrArray  *phase1_results,
                        GError    **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hubs != NULL && kpis != NULL && figures != NULL, FALSE);

  if (!_hubs_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < hubs->len; i++)
    if (!_hubs_store_insert_hub (self, g_ptr_array_index (hubs, i), error))
      goto failed;

  for (guint i = 0; i < kpis->len; i++)
    if (!_hubs_store_insert_kpi (self, g_ptr_array_index (kpis, i), error))
      goto failed;

  for (guint i = 0; i < figures->len; i++)
    if (!_hubs_store_write_figure (self, g_ptr_array_index (figures, i), error))
      goto failed;

  for (guint i = 0; phase1_results != NULL && i < phase1_results->len; i++)
    if (!_hubs_store_insert_phase1_result (self, g_ptr_array_index (phase1_results, i), error))
      goto failed;

  if (!_hubs_store_commit (self, error))
    goto failed;

  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}

/* hubs_history_value (value, measured): a figure's value as history records it, as
 * figure_value_text() gives it; NULL for no figure. */
static void
history_value_func (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  g_autofree char *text = NULL;

  g_assert (argc == 2);

  if (sqlite3_value_type (argv[1]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  if (sqlite3_value_int (argv[1]) == 0)
    {
      sqlite3_result_text (context, "not_measured", -1, SQLITE_STATIC);
      return;
    }

  text = hubs_format_number_exact (sqlite3_value_double (argv[0]));
  sqlite3_result_text (context, text, -1, SQLITE_TRANSIENT);
}

/* hubs_author (0) and hubs_author (1): the store's author and organisation, for history
 * rows written set-wise. */
static void
author_func (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  HubsStore *self = sqlite3_user_data (context);
  const char *text = sqlite3_value_int (argv[0]) == 0 ? self->author : self->organisation;

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, text, -1, SQLITE_TRANSIENT);
}

/* The same as the set-wise steps below, a figure at a time, for an engine without the
 * set-wise functions (the server): what is stored as given changes nothing, a changed actual
 * of a submitted or accepted year refuses the whole set, each change is recorded field by
 * field in the order given, and the same figure twice stores the last one given. */
static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
apply_figures_one_by_one (HubsStore  *self,
                          GPtrArray  *figures,
                          guint      *n_changed,
                          GError    **error)
{
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) kpi_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *locks = NULL;
  guint n_locks = 0;
  guint changed = 0;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      g_hash_table_insert (last,
                           g_strdup_printf ("%s\n%d\n%d", figure->kpi_id, figure->fiscal_year,
                                            (int) figure->kind),
                           GUINT_TO_POINTER (i));
      g_hash_table_add (kpi_ids, figure->kpi_id);
    }

  /* A save of one of these KPIs' figures waits for the import, and the other way round; in
   * the order of their ids, so that two imports never wait for each other. */
  locks = g_hash_table_get_keys_as_array (kpi_ids, &n_locks);
  qsort (locks, n_locks, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_locks; i++)
    if (!_hubs_store_lock (self, "figures", locks[i], error))
      return FALSE;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *key = g_strdup_printf ("%s\n%d\n%d", figure->kpi_id,
                                              figure->fiscal_year, (int) figure->kind);
      g_autoptr(HubsFigure) old = NULL;
      g_autoptr(HubsYearState) lock = NULL;
      g_autofree char *hub_id = NULL;
      HubsDbStmt *stmt;
      int rc;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (last, key)) != i)
        continue;

      if (!(stmt = _hubs_store_prepare (self,
                        "SELECT k.hub_id, f.kpi_id, f.fiscal_year, f.kind, f.value, f.measured, "
                        "f.as_of, f.note, f.confirmed, f.source, f.note_en, f.unit, y.state, "
                        "y.changed_at, y.changed_by, y.organisation "
                        "FROM kpi k LEFT JOIN figure f ON f.kpi_id = k.id AND f.fiscal_year = ?2 "
                        "AND f.kind = ?3 LEFT JOIN year_state y ON y.hub_id = k.hub_id AND "
                        "y.fiscal_year = ?2 AND ?3 = 'actual' AND y.state IN ('submitted', "
                        "'accepted') WHERE k.id = ?1", error)))
        return FALSE;
      _hubs_store_bind_text (stmt, 1, figure->kpi_id);
      hubs_db_stmt_bind_int (stmt, 2, figure->fiscal_year);
      _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (figure->kind));
      rc = hubs_db_stmt_step (stmt);
      if (rc == HUBS_DB_ROW)
        {
          hub_id = _hubs_store_column_text (stmt, 0);
          if (!hubs_db_stmt_column_is_null (stmt, 1))
            old = _hubs_store_figure_from_columns (stmt, 1);
          lock = _hubs_store_year_state_from_columns (stmt, hub_id, figure->fiscal_year, 12);
        }
      hubs_db_stmt_reset (stmt);
      if (rc != HUBS_DB_ROW && rc != HUBS_DB_DONE)
        {
          _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
          return FALSE;
        }

      if (old != NULL && hubs_figure_equal (old, figure))
        continue;

      if (lock != NULL)
        {
          _hubs_store_set_locked_error (error, lock);
          return FALSE;
        }

      if (!_hubs_store_append_figure_history (self, hub_id, figure->kpi_id,
                                              figure->fiscal_year, figure->kind, old, figure,
                                              error) ||
          !_hubs_store_write_figure (self, figure, error))
        return FALSE;
      changed++;
    }

  *n_changed = changed;

  return TRUE;
}

/* Stores @figures set-wise with their history, inside the transaction that is open. */
gboolean
_hubs_store_apply_figures_within (HubsStore  *self,
                                  GPtrArray  *figures,
                                  guint      *n_changed,
                                  GError    **error)
{
  /* Set-wise: the figures go into a temporary table, and each of the steps below is one
   * statement over all of them, so ten figures and a million cost the same few queries. */
  static const char * const steps[] = {
    /* What is already stored as given changes nothing. */
    "DELETE FROM temp.hubs_apply_figure AS i WHERE EXISTS (SELECT 1 FROM figure f "
    "WHERE f.kpi_id = i.kpi_id AND f.fiscal_year = i.fiscal_year AND f.kind = i.kind "
    "AND f.measured = i.measured AND (i.measured = 0 OR f.value = i.value) "
    "AND f.confirmed = i.confirmed AND f.as_of IS i.as_of AND f.note IS i.note "
    "AND f.source IS i.source AND f.note_en IS i.note_en AND f.unit IS i.unit)",
    /* One history row per field that changes, figure by figure in the order given, as
     * append_figure_history() writes them. */
    "INSERT INTO history (hub_id, kpi_id, fiscal_year, kind, field, old_value, new_value, "
    "changed_by, organisation) "
    "SELECT hub_id, kpi_id, nullif (fiscal_year, 0), kind, field, old_value, new_value, "
    "hubs_author (0), hubs_author (1) FROM ("
    "SELECT i.rowid AS r, n.n AS n, k.hub_id AS hub_id, i.kpi_id AS kpi_id, "
    "i.fiscal_year AS fiscal_year, i.kind AS kind, "
    "CASE n.n WHEN 0 THEN 'value' WHEN 1 THEN 'confirmed' WHEN 2 THEN 'note' "
    "WHEN 3 THEN 'source' WHEN 4 THEN 'as_of' WHEN 5 THEN 'note_en' ELSE 'unit' END AS field, "
    "CASE n.n WHEN 0 THEN hubs_history_value (f.value, f.measured) "
    "WHEN 1 THEN CASE WHEN f.kpi_id IS NULL THEN NULL WHEN f.confirmed THEN 'confirmed' "
    "ELSE 'provisional' END "
    "WHEN 2 THEN f.note WHEN 3 THEN f.source WHEN 4 THEN f.as_of WHEN 5 THEN f.note_en "
    "ELSE f.unit END AS old_value, "
    "CASE n.n WHEN 0 THEN hubs_history_value (i.value, i.measured) "
    "WHEN 1 THEN CASE WHEN i.confirmed THEN 'confirmed' ELSE 'provisional' END "
    "WHEN 2 THEN i.note WHEN 3 THEN i.source WHEN 4 THEN i.as_of WHEN 5 THEN i.note_en "
    "ELSE i.unit END AS new_value "
    "FROM temp.hubs_apply_figure i "
    "JOIN kpi k ON k.id = i.kpi_id "
    "JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6) n "
    "LEFT JOIN figure f ON f.kpi_id = i.kpi_id AND f.fiscal_year = i.fiscal_year "
    "AND f.kind = i.kind) "
    "WHERE old_value IS NOT new_value ORDER BY r, n",
    "INSERT OR REPLACE INTO figure (" HUBS_STORE_FIGURE_COLUMNS ") "
    "SELECT " HUBS_STORE_FIGURE_COLUMNS " FROM temp.hubs_apply_figure ORDER BY rowid",
  };
  HubsDbStmt *stmt;
  guint changed = 0;
  int n_rows = 0;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  if (n_changed != NULL)
    *n_changed = 0;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      g_return_val_if_fail (figure != NULL && figure->kpi_id != NULL, FALSE);

      if (figure->measured && !isfinite (figure->value))
        {
          g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                       _("A figure must be a finite number."));
          return FALSE;
        }
    }

  if (hubs_db_get_engine (self->db) != HUBS_DB_ENGINE_SQLITE)
    return apply_figures_one_by_one (self, figures, n_changed != NULL ? n_changed : &changed,
                                     error);

  rc = sqlite3_create_function_v2 (hubs_db_sqlite_get_handle (self->db), "hubs_history_value", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                   history_value_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (hubs_db_sqlite_get_handle (self->db), "hubs_author", 1,
                                     SQLITE_UTF8, self, author_func, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  /* The same figure twice: the last one given is stored, as when they are set one by one. */
  if (!_hubs_store_exec (self,
             "CREATE TEMP TABLE IF NOT EXISTS hubs_apply_figure ("
             "  kpi_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, kind TEXT NOT NULL,"
             "  value REAL, measured INTEGER NOT NULL, as_of TEXT, note TEXT,"
             "  confirmed INTEGER NOT NULL, source TEXT, note_en TEXT, unit TEXT,"
             "  UNIQUE (kpi_id, fiscal_year, kind) ON CONFLICT REPLACE);"
             "DELETE FROM temp.hubs_apply_figure", error) ||
      !(stmt = _hubs_store_prepare (self,
                        "INSERT INTO temp.hubs_apply_figure (" HUBS_STORE_FIGURE_COLUMNS ") "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
    return FALSE;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      hubs_db_stmt_reset (stmt);
      hubs_db_stmt_clear_bindings (stmt);
      _hubs_store_bind_text (stmt, 1, figure->kpi_id);
      hubs_db_stmt_bind_int (stmt, 2, figure->fiscal_year);
      _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (figure->kind));
      if (figure->measured)
        hubs_db_stmt_bind_double (stmt, 4, figure->value);
      hubs_db_stmt_bind_int (stmt, 5, figure->measured);
      _hubs_store_bind_text (stmt, 6, figure->as_of);
      _hubs_store_bind_text (stmt, 7, figure->note);
      hubs_db_stmt_bind_int (stmt, 8, figure->confirmed);
      _hubs_store_bind_text (stmt, 9, figure->source);
      _hubs_store_bind_text (stmt, 10, figure->note_en);
      _hubs_store_bind_text (stmt, 11, figure->unit);
      if (!_hubs_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (!_hubs_store_exec (self, steps[0], error) ||
      !_hubs_store_query_int (self, "SELECT count(*) FROM temp.hubs_apply_figure", &n_rows, error))
    return FALSE;
  changed = (guint) n_rows;

  if (changed == 0)
    return TRUE;

  /* An actual that would change in a submitted or accepted year refuses the whole set. */
  {
    g_autoptr(HubsYearState) lock = NULL;
    int rc_lock;

    if (!(stmt = _hubs_store_prepare (self,
                          "SELECT k.hub_id, y.fiscal_year, y.state, y.changed_at, y.changed_by, "
                          "y.organisation FROM temp.hubs_apply_figure i JOIN kpi k ON k.id = "
                          "i.kpi_id JOIN year_state y ON y.hub_id = k.hub_id AND y.fiscal_year = "
                          "i.fiscal_year WHERE i.kind = 'actual' AND y.state IN ('submitted', "
                          "'accepted') LIMIT 1", error)))
      return FALSE;
    rc_lock = hubs_db_stmt_step (stmt);
    if (rc_lock == HUBS_DB_ROW)
      lock = _hubs_store_year_state_from_columns (stmt, hubs_db_stmt_column_text (stmt, 0),
                                                  hubs_db_stmt_column_int (stmt, 1), 2);
    hubs_db_stmt_reset (stmt);
    if (rc_lock != HUBS_DB_ROW && rc_lock != HUBS_DB_DONE)
      {
        _hubs_store_set_db_error (error, _hubs_store_db (self), rc_lock, self->path);
        return FALSE;
      }
    if (lock != NULL)
      {
        _hubs_store_set_locked_error (error, lock);
        return FALSE;
      }
  }

  for (guint i = 1; i < G_N_ELEMENTS (steps); i++)
    if (!_hubs_store_exec (self, steps[i], error))
      return FALSE;

  if (!_hubs_store_exec (self, "DELETE FROM temp.hubs_apply_figure", error))
    return FALSE;

  if (n_changed != NULL)
    *n_changed = changed;

  return TRUE;
}

/**
 * hubs_store_apply_figures:
 * @self: a #HubsStore
 * @figures: (element-type HubsFigure): the figures to store
 * @n_changed: (out) (optional): how many figures were new or different
 * @error: a location for a #GError
 *
 * Stores many figures at once, each in place of the KPI's figure of the same fiscal year and
 * kind, and records what changed in the history, all in one transaction: on any error
 * nothing is stored. Figures equal to what is stored change nothing. Emits
 * #HubsStore::changed once, for all hubs, when anything changed.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_apply_figures (HubsStore  *self,
                          GPtrArray  *figures,
                          guint      *n_changed,
                          GError    **error)
{
  guint changed = 0;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  if (n_changed != NULL)
    *n_changed = 0;

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!_hubs_store_apply_figures_within (self, figures, &changed, error))
    {
      _hubs_store_rollback (self);
      return FALSE;
    }

  if (changed == 0)
    {
      _hubs_store_rollback (self);
      return TRUE;
    }

  if (!_hubs_store_commit (self, error))
    return FALSE;

  if (n_changed != NULL)
    *n_changed = changed;

  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;
}

/**
 * hubs_store_begin_read:
 * @self: a #HubsStore
 * @error: a location for a #GError
 *
 * Starts a read transaction, so that the many reads of an import or an export see the
 * database as it was at one moment, and are not each a transaction of their own. End it
 * with hubs_store_end_read(); nothing may be written in between.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_begin_read (HubsStore  *self,
                       GError    **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (!hubs_db_in_transaction (_hubs_store_db (self)), FALSE);

  return _hubs_store_exec (self, "BEGIN DEFERRED", error);
}

/**
 * hubs_store_end_read:
 * @self: a #HubsStore
 *
 * Ends the read transaction hubs_store_begin_read() started.
 */
void
hubs_store_end_read (HubsStore *self)
{
  g_return_if_fail (HUBS_IS_STORE (self));

  _hubs_store_rollback (self);
}

/**
 * hubs_store_get_fiscal_year_range:
 * @self: a #HubsStore
 * @first: (out): the earliest fiscal year of any figure
 * @last: (out): the latest fiscal year of any figure
 * @error: a location for a #GError
 *
 * Returns: %TRUE when there is any figure; %FALSE with @error unset when there is none,
 *   %FALSE with @error set when the database could not be read
 */
gboolean
hubs_store_get_fiscal_year_range (HubsStore  *self,
                                  int        *first,
                                  int        *last,
                                  GError    **error)
{
  HubsDbStmt *stmt;
  gboolean any = FALSE;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  if (!(stmt = _hubs_store_prepare (self, "SELECT min (fiscal_year), max (fiscal_year) FROM figure",
                        error)))
    return FALSE;

  rc = hubs_db_stmt_step (stmt);
  if (rc == HUBS_DB_ROW && !hubs_db_stmt_column_is_null (stmt, 0))
    {
      *first = hubs_db_stmt_column_int (stmt, 0);
      *last = hubs_db_stmt_column_int (stmt, 1);
      any = TRUE;
    }
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_ROW)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  return any;
}

/* One figure of hubs_store_foreach_figure(), by the index of its KPI in the hub's list. */
typedef struct
{
  guint           kpi;
  int             fiscal_year;
  HubsFigureKind  kind;
  double          value;
  char           *as_of;
  char           *note;
  char           *note_en;
  char           *source;
  char           *unit;
  guint           measured : 1;
  guint           confirmed : 1;
} WalkRow;

static void
walk_row_clear (gpointer data)
{
  WalkRow *row = data;

  g_free (row->as_of);
  g_free (row->note);
  g_free (row->note_en);
  g_free (row->source);
  g_free (row->unit);
}

/* By KPI, then fiscal year, then baseline, target, actual (the order of HubsFigureKind). */
static int
compare_walk_rows (gconstpointer a,
                   gconstpointer b)
{
  const WalkRow *x = a;
  const WalkRow *y = b;

  if (x->kpi != y->kpi)
    return x->kpi < y->kpi ? -1 : 1;
  if (x->fiscal_year != y->fiscal_year)
    return x->fiscal_year < y->fiscal_year ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

/**
 * HubsStoreFigureFunc:
 * @hub: the hub
 * @kpi: the KPI
 * @figure: (nullable): one of the KPI's figures, or %NULL after the last of them (once for
 *   a KPI without any)
 * @user_data: the data given to hubs_store_foreach_figure()
 * @error: a location for a #GError
 *
 * Returns: %TRUE to go on, %FALSE with @error set to stop
 */

/**
 * hubs_store_foreach_figure:
 * @self: a #HubsStore
 * @hub_id: (nullable): only this hub, or %NULL for every hub
 * @func: (scope call): called for every figure
 * @user_data: data for @func
 * @error: a location for a #GError
 *
 * Calls @func for every figure of every KPI of every hub, hub by hub in sort order, each
 * hub's KPIs in sort order, each KPI's figures by fiscal year, then baseline, target,
 * actual, and then once with no figure, so that @func knows the KPI is complete. Reads in
 * bulk, a hub at a time, and in one read transaction (unless one is open already); @hub,
 * @kpi and @figure are valid only during the call. For exports of every hub.
 *
 * Returns: %TRUE on success, %FALSE when the database could not be read or @func failed
 */
gboolean
hubs_store_foreach_figure (HubsStore            *self,
                           const char           *hub_id,
                           HubsStoreFigureFunc   func,
                           gpointer              user_data,
                           GError              **error)
{
  g_autoptr(GPtrArray) hubs = NULL;
  gboolean own_transaction;
  gboolean ok = TRUE;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  own_transaction = !hubs_db_in_transaction (_hubs_store_db (self));
  if (own_transaction && !hubs_store_begin_read (self, error))
    return FALSE;

  if (hub_id != NULL)
    {
      HubsHub *hub = hubs_store_get_hub (self, hub_id, error);

      hubs = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_hub_free);
      if (hub != NULL)
        g_ptr_array_add (hubs, hub);
      else
        ok = FALSE;
    }
  else if (!(hubs = hubs_store_list_hubs (self, error)))
    ok = FALSE;

  for (guint h = 0; ok && hubs != NULL && h < hubs->len; h++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, h);
      g_autoptr(GPtrArray) kpis = NULL;
      g_autoptr(GHashTable) kpi_index = NULL;
      g_autoptr(GArray) rows = NULL;
      HubsDbStmt *stmt;
      const char *last_id = NULL;
      guint last_index = 0;
      guint r = 0;
      int rc;

      if (!(kpis = hubs_store_list_kpis (self, hub->id, error)) ||
          !(stmt = _hubs_store_prepare (self,
                            "SELECT kpi_id, fiscal_year, kind, value, measured, as_of, note, "
                            "confirmed, source, note_en, unit FROM figure "
                            "WHERE kpi_id IN (SELECT id FROM kpi WHERE hub_id = ?1)",
                            error)))
        {
          ok = FALSE;
          break;
        }
      _hubs_store_bind_text (stmt, 1, hub->id);

      kpi_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint k = 0; k < kpis->len; k++)
        g_hash_table_insert (kpi_index, ((HubsKpi *) kpis->pdata[k])->id, GUINT_TO_POINTER (k));

      /* The hub's figures unsorted, straight from the index, and sorted here: a few hundred
       * small rows, cheaper than SQLite's sorter with the text in every row. */
      rows = g_array_sized_new (FALSE, FALSE, sizeof (WalkRow), 16 * kpis->len);
      g_array_set_clear_func (rows, walk_row_clear);
      while ((rc = hubs_db_stmt_step (stmt)) == HUBS_DB_ROW)
        {
          const char *kpi_id = hubs_db_stmt_column_text (stmt, 0);
          WalkRow row = { 0 };
          gpointer index;

          if (last_id == NULL || g_strcmp0 (last_id, kpi_id) != 0)
            {
              if (!g_hash_table_lookup_extended (kpi_index, kpi_id, NULL, &index))
                continue;
              last_index = GPOINTER_TO_UINT (index);
              last_id = ((HubsKpi *) kpis->pdata[last_index])->id;
            }

          row.kpi = last_index;
          row.fiscal_year = hubs_db_stmt_column_int (stmt, 1);
          hubs_figure_kind_from_string (hubs_db_stmt_column_text (stmt, 2), &row.kind);
          row.value = hubs_db_stmt_column_double (stmt, 3);
          row.measured = hubs_db_stmt_column_int (stmt, 4) != 0;
          row.as_of = _hubs_store_column_text (stmt, 5);
          row.note = _hubs_store_column_text (stmt, 6);
          row.confirmed = hubs_db_stmt_column_int (stmt, 7) != 0;
          row.source = _hubs_store_column_text (stmt, 8);
          row.note_en = _hubs_store_column_text (stmt, 9);
          row.unit = _hubs_store_column_text (stmt, 10);
          g_array_append_val (rows, row);
        }
      hubs_db_stmt_reset (stmt);

      if (rc != HUBS_DB_DONE)
        {
          _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
          ok = FALSE;
          break;
        }

      g_array_sort (rows, compare_walk_rows);

      for (guint k = 0; ok && k < kpis->len; k++)
        {
          const HubsKpi *kpi = kpis->pdata[k];

          for (; ok && r < rows->len && g_array_index (rows, WalkRow, r).kpi == k; r++)
            {
              const WalkRow *row = &g_array_index (rows, WalkRow, r);
              HubsFigure figure = {
                .kpi_id = kpi->id,
                .fiscal_year = row->fiscal_year,
                .kind = row->kind,
                .value = row->value,
                .as_of = row->as_of,
                .note = row->note,
                .note_en = row->note_en,
                .source = row->source,
                .unit = row->unit,
                .measured = row->measured,
                .confirmed = row->confirmed,
              };

              ok = func (hub, kpi, &figure, user_data, error);
            }

          if (ok)
            ok = func (hub, kpi, NULL, user_data, error);
        }
    }

  if (own_transaction)
    hubs_store_end_read (self);

  return ok;
}

/**
 * hubs_store_get_db:
 * @self: a #HubsStore
 *
 * The store's SQLite connection, for the backup module, which copies it page by page.
 * Nothing else may write through it.
 *
 * Returns: (transfer none) (nullable): the connection, or %NULL when the store is not an
 *   SQLite file
 */
sqlite3 *
hubs_store_get_db (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  return hubs_db_sqlite_get_handle (self->db);
}
