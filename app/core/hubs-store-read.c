/* hubs-store-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the store: lists and single hubs, KPIs, figures, phase-1 results and history,
 * the search, and the decoding of their rows.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "hubs-store-private.h"

void
hubs_history_entry_free (HubsHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->changed_at);
  g_free (entry->hub_id);
  g_free (entry->kpi_id);
  g_free (entry->kind);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->changed_by);
  g_free (entry->organisation);
  g_free (entry->db_user);
  g_free (entry);
}

static HubsHub *
hub_from_row (HubsDbStmt *stmt)
{
  HubsHub *hub = hubs_hub_new ();

  hub->id = _hubs_store_column_text (stmt, 0);
  hub->name_ja = _hubs_store_column_text (stmt, 1);
  hub->name_en = _hubs_store_column_text (stmt, 2);
  hub->consortium_ja = _hubs_store_column_text (stmt, 3);
  hub->consortium_en = _hubs_store_column_text (stmt, 4);
  hubs_tier_from_string (hubs_db_stmt_column_text (stmt, 5), &hub->tier);
  hubs_hub_type_from_string (hubs_db_stmt_column_text (stmt, 6), &hub->type);
  hub->slogan_ja = _hubs_store_column_text (stmt, 7);
  hub->slogan_en = _hubs_store_column_text (stmt, 8);
  hub->summary_ja = _hubs_store_column_text (stmt, 9);
  hub->summary_en = _hubs_store_column_text (stmt, 10);
  hub->members_ja = _hubs_store_column_text (stmt, 11);
  hub->members_en = _hubs_store_column_text (stmt, 12);
  hub->focus_ja = _hubs_store_column_text (stmt, 13);
  hub->focus_en = _hubs_store_column_text (stmt, 14);
  hub->sort_order = hubs_db_stmt_column_int (stmt, 15);
  hub->members_more = hubs_db_stmt_column_int (stmt, 16) != 0;

  return hub;
}

static HubsKpi *
kpi_from_row (HubsDbStmt *stmt)
{
  HubsKpi *kpi = hubs_kpi_new ();

  kpi->id = _hubs_store_column_text (stmt, 0);
  kpi->hub_id = _hubs_store_column_text (stmt, 1);
  kpi->parent_id = _hubs_store_column_text (stmt, 2);
  kpi->name_ja = _hubs_store_column_text (stmt, 3);
  kpi->name_en = _hubs_store_column_text (stmt, 4);
  hubs_pillar_from_string (hubs_db_stmt_column_text (stmt, 5), &kpi->pillar);
  kpi->unit = _hubs_store_column_text (stmt, 6);
  hubs_aggregation_from_string (hubs_db_stmt_column_text (stmt, 7),
                                &kpi->aggregation);
  hubs_direction_from_string (hubs_db_stmt_column_text (stmt, 8), &kpi->direction);
  hubs_qualifier_from_string (hubs_db_stmt_column_text (stmt, 9), &kpi->qualifier);
  kpi->per_year = hubs_db_stmt_column_int (stmt, 10) != 0;
  kpi->path_from_zero = hubs_db_stmt_column_int (stmt, 11) != 0;
  kpi->note_ja = _hubs_store_column_text (stmt, 12);
  kpi->note_en = _hubs_store_column_text (stmt, 13);
  kpi->sort_order = hubs_db_stmt_column_int (stmt, 14);
  kpi->unit_en_one = _hubs_store_column_text (stmt, 15);
  kpi->unit_en = _hubs_store_column_text (stmt, 16);

  return kpi;
}

/* The figure in the eleven columns of HUBS_STORE_FIGURE_COLUMNS starting at column @first. */
HubsFigure *
_hubs_store_figure_from_columns (HubsDbStmt *stmt,
                                 int         first)
{
  HubsFigure *figure = hubs_figure_new ();

  figure->kpi_id = _hubs_store_column_text (stmt, first);
  figure->fiscal_year = hubs_db_stmt_column_int (stmt, first + 1);
  hubs_figure_kind_from_string (hubs_db_stmt_column_text (stmt, first + 2),
                                &figure->kind);
  figure->value = hubs_db_stmt_column_double (stmt, first + 3);
  figure->measured = hubs_db_stmt_column_int (stmt, first + 4) != 0;
  figure->as_of = _hubs_store_column_text (stmt, first + 5);
  figure->note = _hubs_store_column_text (stmt, first + 6);
  figure->confirmed = hubs_db_stmt_column_int (stmt, first + 7) != 0;
  figure->source = _hubs_store_column_text (stmt, first + 8);
  figure->note_en = _hubs_store_column_text (stmt, first + 9);
  figure->unit = _hubs_store_column_text (stmt, first + 10);

  return figure;
}

static HubsFigure *
figure_from_row (HubsDbStmt *stmt)
{
  return _hubs_store_figure_from_columns (stmt, 0);
}

typedef gpointer (*RowFunc) (HubsDbStmt *stmt);

/* Steps a prepared, bound statement to the end and collects one object per row. */
static GPtrArray *
collect_rows (HubsStore      *self,
              HubsDbStmt     *stmt,
              RowFunc         row_func,
              GDestroyNotify  free_func,
              GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = hubs_db_stmt_step (stmt)) == HUBS_DB_ROW)
    g_ptr_array_add (rows, row_func (stmt));

  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Like collect_rows() for a statement that selects at most one row. */
static gpointer
collect_one (HubsStore      *self,
             HubsDbStmt     *stmt,
             RowFunc         row_func,
             GDestroyNotify  free_func,
             const char     *not_found,
             GError        **error)
{
  g_autoptr(GPtrArray) rows = collect_rows (self, stmt, row_func, free_func, error);

  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND, not_found);
      return NULL;
    }

  return g_ptr_array_steal_index (rows, 0);
}

/**
 * hubs_store_list_hubs:
 * @self: a #HubsStore
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsHub): every hub in sort order
 */
GPtrArray *
hubs_store_list_hubs (HubsStore  *self,
                      GError    **error)
{
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT " HUBS_STORE_HUB_COLUMNS " FROM hub "
                                    "ORDER BY sort_order, id", error)))
    return NULL;

  return collect_rows (self, stmt, (RowFunc) hub_from_row, (GDestroyNotify) hubs_hub_free,
                       error);
}

/**
 * hubs_store_get_hub:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the hub, or %NULL with %HUBS_STORE_ERROR_NOT_FOUND
 */
HubsHub *
hubs_store_get_hub (HubsStore   *self,
                    const char  *hub_id,
                    GError     **error)
{
  g_autofree char *what = NULL;
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT " HUBS_STORE_HUB_COLUMNS " FROM hub WHERE id = ?1",
                                    error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, hub_id);

  what = g_strdup_printf (_("There is no hub “%s” in the database."), hub_id);

  return collect_one (self, stmt, (RowFunc) hub_from_row, (GDestroyNotify) hubs_hub_free,
                      what, error);
}

/**
 * hubs_store_list_kpis:
 * @self: a #HubsStore
 * @hub_id: (nullable): a hub id, or %NULL for the KPIs of every hub
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsKpi): the KPIs in sort order
 */
GPtrArray *
hubs_store_list_kpis (HubsStore   *self,
                      const char  *hub_id,
                      GError     **error)
{
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (hub_id != NULL)
    {
      if (!(stmt = _hubs_store_prepare (self,
                                        "SELECT " HUBS_STORE_KPI_COLUMNS " FROM kpi WHERE hub_id = "
                                        "?1 ORDER BY sort_order, id", error)))
        return NULL;
      _hubs_store_bind_text (stmt, 1, hub_id);
    }
  else
    {
      if (!(stmt = _hubs_store_prepare (self,
                                        "SELECT " HUBS_STORE_KPI_COLUMNS " FROM kpi ORDER BY "
                                        "(SELECT sort_order FROM hub WHERE hub.id = kpi.hub_id), "
                                        "hub_id, sort_order, id", error)))
        return NULL;
    }

  return collect_rows (self, stmt, (RowFunc) kpi_from_row, (GDestroyNotify) hubs_kpi_free,
                       error);
}

/**
 * hubs_store_get_kpi:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the KPI, or %NULL with %HUBS_STORE_ERROR_NOT_FOUND
 */
HubsKpi *
hubs_store_get_kpi (HubsStore   *self,
                    const char  *kpi_id,
                    GError     **error)
{
  g_autofree char *what = NULL;
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT " HUBS_STORE_KPI_COLUMNS " FROM kpi WHERE id = ?1",
                                    error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, kpi_id);

  what = g_strdup_printf (_("There is no KPI “%s” in the database."), kpi_id);

  return collect_one (self, stmt, (RowFunc) kpi_from_row, (GDestroyNotify) hubs_kpi_free,
                      what, error);
}

/**
 * hubs_store_list_figures:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsFigure): the KPI's figures by fiscal year, then
 *   baseline, target, actual
 */
GPtrArray *
hubs_store_list_figures (HubsStore   *self,
                         const char  *kpi_id,
                         GError     **error)
{
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT " HUBS_STORE_FIGURE_COLUMNS " FROM figure WHERE kpi_id "
                                    "= ?1 ORDER BY fiscal_year, CASE kind WHEN 'baseline' THEN 0 "
                                    "WHEN 'target' THEN 1 ELSE 2 END",
                                    error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, kpi_id);

  return collect_rows (self, stmt, (RowFunc) figure_from_row,
                       (GDestroyNotify) hubs_figure_free, error);
}

/**
 * hubs_store_list_hub_figures:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @error: a location for a #GError
 *
 * Reads the figures of every KPI of a hub in one query, for summaries over many hubs.
 *
 * Returns: (transfer full) (element-type utf8 GPtrArray): for each KPI id that has figures,
 *   its figures in the order of hubs_store_list_figures()
 */
GHashTable *
hubs_store_list_hub_figures (HubsStore   *self,
                             const char  *hub_id,
                             GError     **error)
{
  g_autoptr(GHashTable) by_kpi = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  HubsDbStmt *stmt;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT " HUBS_STORE_FIGURE_COLUMNS " FROM figure WHERE kpi_id "
                                    "IN (SELECT id FROM kpi WHERE hub_id = ?1) ORDER BY kpi_id, "
                                    "fiscal_year, CASE kind WHEN 'baseline' THEN 0 WHEN 'target' "
                                    "THEN 1 ELSE 2 END",
                                    error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, hub_id);

  while ((rc = hubs_db_stmt_step (stmt)) == HUBS_DB_ROW)
    {
      HubsFigure *figure = figure_from_row (stmt);
      GPtrArray *figures = g_hash_table_lookup (by_kpi, figure->kpi_id);

      if (figures == NULL)
        {
          figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
          g_hash_table_insert (by_kpi, g_strdup (figure->kpi_id), figures);
        }
      g_ptr_array_add (figures, figure);
    }
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&by_kpi);
}

/**
 * hubs_store_get_figure:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the figure, or %NULL with %HUBS_STORE_ERROR_NOT_FOUND when
 *   there is none
 */
HubsFigure *
hubs_store_get_figure (HubsStore       *self,
                       const char      *kpi_id,
                       int              fiscal_year,
                       HubsFigureKind   kind,
                       GError         **error)
{
  g_autofree char *what = NULL;
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT " HUBS_STORE_FIGURE_COLUMNS " FROM figure "
                                    "WHERE kpi_id = ?1 AND fiscal_year = ?2 AND kind = ?3", error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, kpi_id);
  hubs_db_stmt_bind_int (stmt, 2, fiscal_year);
  _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (kind));

  /* Translators: %1$s is a KPI id, %2$d a fiscal year, %3$s baseline, target or actual */
  what = g_strdup_printf (_("There is no figure of “%1$s” for %2$d (%3$s) in the database."),
                          kpi_id, fiscal_year, hubs_figure_kind_get_label (kind));

  return collect_one (self, stmt, (RowFunc) figure_from_row,
                      (GDestroyNotify) hubs_figure_free, what, error);
}

/**
 * hubs_store_search_hubs:
 * @self: a #HubsStore
 * @text: what the user typed
 * @error: a location for a #GError
 *
 * Finds the hubs whose name, consortium, or any KPI's name contains @text, in Japanese or
 * English (ASCII letters without regard to case). The search runs in SQL so that a database
 * with many hubs stays quick.
 *
 * Returns: (transfer full) (element-type utf8 utf8): a set of matching hub ids
 */
GHashTable *
hubs_store_search_hubs (HubsStore   *self,
                        const char  *text,
                        GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) pattern = g_string_new ("%");
  HubsDbStmt *stmt;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT id FROM hub WHERE name_ja LIKE ?1 ESCAPE '\\' OR "
                                    "name_en LIKE ?1 ESCAPE '\\' OR consortium_ja LIKE ?1 ESCAPE "
                                    "'\\' OR consortium_en LIKE ?1 ESCAPE '\\' UNION SELECT hub_id "
                                    "FROM kpi WHERE name_ja LIKE ?1 ESCAPE '\\' OR name_en LIKE ?1 "
                                    "ESCAPE '\\'", error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, pattern->str);

  while ((rc = hubs_db_stmt_step (stmt)) == HUBS_DB_ROW)
    g_hash_table_add (ids, _hubs_store_column_text (stmt, 0));
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static HubsPhase1Result *
phase1_from_row (HubsDbStmt *stmt)
{
  HubsPhase1Result *result = hubs_phase1_result_new ();

  result->id = _hubs_store_column_text (stmt, 0);
  result->hub_id = _hubs_store_column_text (stmt, 1);
  result->name_ja = _hubs_store_column_text (stmt, 2);
  result->name_en = _hubs_store_column_text (stmt, 3);
  result->unit = _hubs_store_column_text (stmt, 4);
  result->start = hubs_db_stmt_column_double (stmt, 5);
  result->has_target = !hubs_db_stmt_column_is_null (stmt, 6);
  result->target = hubs_db_stmt_column_double (stmt, 6);
  result->target_text_ja = _hubs_store_column_text (stmt, 7);
  result->target_text_en = _hubs_store_column_text (stmt, 8);
  result->result = hubs_db_stmt_column_double (stmt, 9);
  result->sort_order = hubs_db_stmt_column_int (stmt, 10);

  return result;
}

/**
 * hubs_store_list_phase1_results:
 * @self: a #HubsStore
 * @hub_id: (nullable): a hub id, or %NULL for all
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsPhase1Result): the phase-1 results
 */
GPtrArray *
hubs_store_list_phase1_results (HubsStore   *self,
                                const char  *hub_id,
                                GError     **error)
{
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT id, hub_id, name_ja, name_en, unit, start_value, "
                                    "target_value, target_text_ja, target_text_en, result_value, "
                                    "sort_order FROM phase1_result WHERE ?1 IS NULL OR hub_id = ?1 "
                                    "ORDER BY sort_order, id", error)))
    return NULL;
  if (hub_id != NULL)
    _hubs_store_bind_text (stmt, 1, hub_id);

  return collect_rows (self, stmt, (RowFunc) phase1_from_row,
                       (GDestroyNotify) hubs_phase1_result_free, error);
}

static HubsHistoryEntry *
history_from_row (HubsDbStmt *stmt)
{
  HubsHistoryEntry *entry = g_new0 (HubsHistoryEntry, 1);

  entry->id = hubs_db_stmt_column_int64 (stmt, 0);
  entry->changed_at = _hubs_store_column_text (stmt, 1);
  entry->hub_id = _hubs_store_column_text (stmt, 2);
  entry->kpi_id = _hubs_store_column_text (stmt, 3);
  entry->fiscal_year = hubs_db_stmt_column_int (stmt, 4);
  entry->kind = _hubs_store_column_text (stmt, 5);
  entry->field = _hubs_store_column_text (stmt, 6);
  entry->old_value = _hubs_store_column_text (stmt, 7);
  entry->new_value = _hubs_store_column_text (stmt, 8);
  entry->changed_by = _hubs_store_column_text (stmt, 9);
  entry->organisation = _hubs_store_column_text (stmt, 10);
  entry->db_user = _hubs_store_column_text (stmt, 11);

  return entry;
}

/**
 * hubs_store_list_history:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsHistoryEntry): every recorded change of the
 *   KPI and its figures, oldest first
 */
GPtrArray *
hubs_store_list_history (HubsStore   *self,
                         const char  *kpi_id,
                         GError     **error)
{
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT id, changed_at, hub_id, kpi_id, fiscal_year, kind, "
                                    "field, old_value, new_value, changed_by, organisation, "
                                    "db_user FROM history WHERE kpi_id = ?1 ORDER BY id",
                                    error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, kpi_id);

  return collect_rows (self, stmt, (RowFunc) history_from_row,
                       (GDestroyNotify) hubs_history_entry_free, error);
}

/**
 * hubs_store_list_recent_history:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @before_id: only changes older than this history id, or 0 for no bound
 * @after_id: only changes newer than this history id, or 0 for no bound
 * @limit: at most this many, or 0 for no limit
 * @error: a location for a #GError
 *
 * A page of the KPI's history, newest first, read with an index and a `LIMIT`, so that a
 * long history costs no more than the page shown.
 *
 * Returns: (transfer full) (element-type HubsHistoryEntry): the changes, newest first
 */
GPtrArray *
hubs_store_list_recent_history (HubsStore   *self,
                                const char  *kpi_id,
                                gint64       before_id,
                                gint64       after_id,
                                guint        limit,
                                GError     **error)
{
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT id, changed_at, hub_id, kpi_id, fiscal_year, kind, "
                                    "field, old_value, new_value, changed_by, organisation, "
                                    "db_user FROM history "
                                    "WHERE kpi_id = ?1 AND (?2 = 0 OR id < ?2) AND id > ?3 "
                                    "ORDER BY id DESC LIMIT ?4",
                                    error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, kpi_id);
  hubs_db_stmt_bind_int (stmt, 2, before_id);
  hubs_db_stmt_bind_int (stmt, 3, after_id);
  /* No limit: the largest one, since PostgreSQL refuses SQLite's -1. */
  hubs_db_stmt_bind_int (stmt, 4, limit > 0 ? (gint64) limit : G_MAXINT64);

  return collect_rows (self, stmt, (RowFunc) history_from_row,
                       (GDestroyNotify) hubs_history_entry_free, error);
}
