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

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "hubs-store-private.h"

G_DEFINE_FINAL_TYPE (HubsStore, hubs_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (hubs-store-error-quark, hubs_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
hubs_store_finalize (GObject *object)
{
  HubsStore *self = (HubsStore *)object;

  /* A running check holds a reference on the store, so none is left by now. */
  g_assert (self->verify_job == NULL);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_error (&self->damage);
  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("Closing %s failed: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->open_name, g_free);

  G_OBJECT_CLASS (hubs_store_parent_class)->finalize (object);
}

static void
hubs_store_class_init (HubsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hubs_store_finalize;

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
}

/**
 * hubs_store_get_path:
 * @self: a #HubsStore
 *
 * Returns: the database file's path
 */
const char *
hubs_store_get_path (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  return self->path;
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

/* Tells every listener what one committed change changed. */
void
_hubs_store_emit_change (HubsStore             *self,
                         const HubsStoreChange *change)
{
  g_signal_emit (self, signals[CHANGED], 0, change);
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

/* The bulk changes below are written with the helpers' short names, as they were when the
 * store was one file. */
#define begin(s, e)                            _hubs_store_begin (s, e)
#define commit(s, e)                           _hubs_store_commit (s, e)
#define rollback(s)                            _hubs_store_rollback (s)
#define exec(s, sql, e)                        _hubs_store_exec (s, sql, e)
#define prepare(s, sql, e)                     _hubs_store_prepare (s, sql, e)
#define step_done(s, stmt, e)                  _hubs_store_step_done (s, stmt, e)
#define set_sqlite_error(e, db, rc, path)      _hubs_store_set_sqlite_error (e, db, rc, path)
#define bind_text(stmt, n, t)                  _hubs_store_bind_text (stmt, n, t)
#define bind_text_or_empty(stmt, n, t)         _hubs_store_bind_text_or_empty (stmt, n, t)
#define column_text(stmt, n)                   _hubs_store_column_text (stmt, n)
#define figure_from_columns(stmt, first)       _hubs_store_figure_from_columns (stmt, first)
#define figure_from_row(stmt)                  _hubs_store_figure_from_columns (stmt, 0)
#define emit_change(s, c)                      _hubs_store_emit_change (s, c)
#define emit_simple_change(s, k, h, kpi)       _hubs_store_emit_simple_change (s, k, h, kpi)
#define write_figure(s, f, e)                  _hubs_store_write_figure (s, f, e)
#define insert_hub(s, h, e)                    _hubs_store_insert_hub (s, h, e)
#define insert_kpi(s, k, e)                    _hubs_store_insert_kpi (s, k, e)
#define insert_phase1_result(s, r, e)          _hubs_store_insert_phase1_result (s, r, e)
#define append_history_row(s, ...)             _hubs_store_append_history_row (s, __VA_ARGS__)
#define append_figure_history(s, ...)          _hubs_store_append_figure_history (s, __VA_ARGS__)
#define append_kpi_history(s, ...)             _hubs_store_append_kpi_history (s, __VA_ARGS__)
#define HUB_COLUMNS                            HUBS_STORE_HUB_COLUMNS
#define KPI_COLUMNS                            HUBS_STORE_KPI_COLUMNS
#define FIGURE_COLUMNS                         HUBS_STORE_FIGURE_COLUMNS

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

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < hubs->len; i++)
    if (!insert_hub (self, g_ptr_array_index (hubs, i), error))
      goto failed;

  for (guint i = 0; i < kpis->len; i++)
    if (!insert_kpi (self, g_ptr_array_index (kpis, i), error))
      goto failed;

  for (guint i = 0; i < figures->len; i++)
    if (!write_figure (self, g_ptr_array_index (figures, i), error))
      goto failed;

  for (guint i = 0; phase1_results != NULL && i < phase1_results->len; i++)
    if (!insert_phase1_result (self, g_ptr_array_index (phase1_results, i), error))
      goto failed;

  if (!commit (self, error))
    goto failed;

  emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
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

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);
      g_autoptr(HubsFigure) old = NULL;
      g_autoptr(GError) local_error = NULL;

      old = hubs_store_get_figure (self, figure->kpi_id, figure->fiscal_year, figure->kind,
                                   &local_error);
      if (old == NULL &&
          !g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }

      if (old != NULL && hubs_figure_equal (old, figure))
        continue;

      if (!write_figure (self, figure, error) ||
          !append_figure_history (self, NULL, figure->kpi_id, figure->fiscal_year, figure->kind,
                                  old, figure, error))
        goto failed;

      changed++;
    }

  if (changed == 0)
    {
      rollback (self);
      return TRUE;
    }

  if (!commit (self, error))
    goto failed;

  if (n_changed != NULL)
    *n_changed = changed;

  emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_get_db:
 * @self: a #HubsStore
 *
 * The store's SQLite connection, for the backup module, which copies it page by page.
 * Nothing else may write through it.
 *
 * Returns: (transfer none): the connection
 */
sqlite3 *
hubs_store_get_db (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  return self->db;
}
