/* hubs-store-copy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copying everything one store holds into another, whatever their engines: an office moves
 * its file to the shared database on a server, or takes a copy of it for a trip. Every table
 * goes row by row, keys as they are, in one transaction of the store copied into.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-store-private.h"

/* Each table with its columns, and what each column holds: t text, i integer, r real. In an
 * order that keeps every reference to a row already copied (a KPI's parent is set after all
 * KPIs are in). */
static const struct {
  const char *table;
  const char *columns;
  const char *types;
  const char *order;
} tables[] = {
  { "hub", HUBS_STORE_HUB_COLUMNS, "tttttttttttttttii", "id" },
  { "kpi", HUBS_STORE_KPI_COLUMNS, "ttttttttttiittitt", "id" },
  { "figure", HUBS_STORE_FIGURE_COLUMNS, "titrittittt", "kpi_id, fiscal_year, kind" },
  { "phase1_result",
    "id, hub_id, name_ja, name_en, unit, start_value, target_value, target_text_ja, "
    "target_text_en, result_value, sort_order", "tttttrrttri", "id" },
  { "history",
    "id, changed_at, hub_id, kpi_id, fiscal_year, kind, field, old_value, new_value, "
    "changed_by, organisation, db_user", "itttittttttt", "id" },
  { "year_state",
    "hub_id, fiscal_year, state, changed_at, changed_by, organisation, reason", "tittttt",
    "hub_id, fiscal_year" },
  { "explanation", "kpi_id, fiscal_year, why, action", "titt", "kpi_id, fiscal_year" },
  { "exchanged_figure", "kpi_id, fiscal_year, kind, value, measured", "titri",
    "kpi_id, fiscal_year, kind" },
};

/* The column of a KPI's parent, in HUBS_STORE_KPI_COLUMNS. */
#define KPI_PARENT_COLUMN 2

static char *
insert_sql (const char *table,
            const char *columns,
            guint       n_columns)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO %s (%s) VALUES (", table, columns);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (sql, ')');

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Copies the rows of table @t from @from into @into, in @into's open transaction. */
static gboolean
copy_table (HubsStore  *from,
            HubsStore  *into,
            guint       t,
            GError    **error)
{
  const char *types = tables[t].types;
  guint n_columns = strlen (types);
  gboolean is_kpi = g_str_equal (tables[t].table, "kpi");
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", tables[t].columns,
                                             tables[t].table, tables[t].order);
  g_autofree char *insert = insert_sql (tables[t].table, tables[t].columns, n_columns);
  HubsDbStmt *reader = NULL;
  HubsDbStmt *writer = NULL;
  g_auto(GStrv) names = g_strsplit (tables[t].columns, ",", -1);
  int rc;

  g_assert (n_columns == g_strv_length (names));

  /* Prepared on the connections themselves, not cached: the SQL is made here. */
  if ((rc = hubs_db_prepare (from->db, select, &reader)) != HUBS_DB_OK)
    {
      _hubs_store_set_db_error (error, from->db, rc, from->path);
      return FALSE;
    }
  if ((rc = hubs_db_prepare (into->db, insert, &writer)) != HUBS_DB_OK)
    {
      _hubs_store_set_db_error (error, into->db, rc, into->path);
      hubs_db_stmt_finalize (reader);
      return FALSE;
    }

  while ((rc = hubs_db_stmt_step (reader)) == HUBS_DB_ROW)
    {
      hubs_db_stmt_reset (writer);
      hubs_db_stmt_clear_bindings (writer);
      for (guint c = 0; c < n_columns; c++)
        {
          int param = (int) c + 1;

          if (hubs_db_stmt_column_is_null (reader, c) || (is_kpi && c == KPI_PARENT_COLUMN))
            hubs_db_stmt_bind_null (writer, param);
          else if (types[c] == 'i')
            hubs_db_stmt_bind_int (writer, param, hubs_db_stmt_column_int64 (reader, c));
          else if (types[c] == 'r')
            hubs_db_stmt_bind_double (writer, param, hubs_db_stmt_column_double (reader, c));
          else
            hubs_db_stmt_bind_text (writer, param, hubs_db_stmt_column_text (reader, c));
        }

      if ((rc = hubs_db_stmt_step (writer)) != HUBS_DB_DONE)
        {
          _hubs_store_set_db_error (error, into->db, rc, into->path);
          goto failed;
        }
    }

  if (rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, from->db, rc, from->path);
      goto failed;
    }

  hubs_db_stmt_finalize (reader);
  hubs_db_stmt_finalize (writer);

  return TRUE;

failed:
  hubs_db_stmt_finalize (reader);
  hubs_db_stmt_finalize (writer);
  return FALSE;
}

/* The parents of breakdowns, once every KPI is copied. */
static gboolean
copy_kpi_parents (HubsStore  *from,
                  HubsStore  *into,
                  GError    **error)
{
  HubsDbStmt *reader;
  HubsDbStmt *writer;
  int rc;

  if (!(reader = _hubs_store_prepare (from, "SELECT id, parent_id FROM kpi "
                                            "WHERE parent_id IS NOT NULL ORDER BY id", error)) ||
      !(writer = _hubs_store_prepare (into, "UPDATE kpi SET parent_id = ?2 WHERE id = ?1",
                                      error)))
    return FALSE;

  while ((rc = hubs_db_stmt_step (reader)) == HUBS_DB_ROW)
    {
      hubs_db_stmt_reset (writer);
      _hubs_store_bind_text (writer, 1, hubs_db_stmt_column_text (reader, 0));
      _hubs_store_bind_text (writer, 2, hubs_db_stmt_column_text (reader, 1));
      if (!_hubs_store_step_done (into, writer, error))
        {
          hubs_db_stmt_reset (reader);
          return FALSE;
        }
    }
  hubs_db_stmt_reset (reader);

  if (rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, from->db, rc, from->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * hubs_store_copy_into:
 * @self: the store to copy
 * @into: an empty store (opened with %HUBS_STORE_OPEN_NO_SEED), of either engine
 * @error: a location for a #GError
 *
 * Copies everything @self holds into @into: hubs, KPIs, figures, phase-1 results, the whole
 * history, the states of the fiscal years, the explanations and the figures last exchanged,
 * keys and times as they are, in one transaction of @into: all of it or, on any error, none.
 * A store that already holds anything is refused and left as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_copy_into (HubsStore  *self,
                      HubsStore  *into,
                      GError    **error)
{
  gboolean own_read;
  int empty = 0;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (HUBS_IS_STORE (into), FALSE);
  g_return_val_if_fail (self != into, FALSE);

  if (!_hubs_store_query_int (into,
                              "SELECT NOT EXISTS (SELECT 1 FROM hub) "
                              "AND NOT EXISTS (SELECT 1 FROM history) "
                              "AND NOT EXISTS (SELECT 1 FROM phase1_result)",
                              &empty, error))
    return FALSE;

  if (!empty)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("The database “%s” already holds figures, so nothing was copied into it. "
                     "Copy into a new or empty database."),
                   into->path);
      return FALSE;
    }

  own_read = !hubs_db_in_transaction (_hubs_store_db (self));
  if (own_read && !hubs_store_begin_read (self, error))
    return FALSE;

  if (!_hubs_store_begin (into, error))
    goto failed_read;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      if (!copy_table (self, into, t, error))
        goto failed;
      if (g_str_equal (tables[t].table, "kpi") && !copy_kpi_parents (self, into, error))
        goto failed;
    }

  /* The history's ids were copied as they are: the server's counter of them moves past. */
  if (hubs_db_get_engine (into->db) == HUBS_DB_ENGINE_POSTGRESQL &&
      !_hubs_store_exec (into,
                         "SELECT setval (pg_get_serial_sequence ('history', 'id'), "
                         "coalesce ((SELECT max (id) FROM history), 0) + 1, false)",
                         error))
    goto failed;

  if (!_hubs_store_commit (into, error))
    goto failed_read;

  if (own_read)
    hubs_store_end_read (self);

  _hubs_store_emit_simple_change (into, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;

failed:
  _hubs_store_rollback (into);
failed_read:
  if (own_read)
    hubs_store_end_read (self);
  return FALSE;
}
