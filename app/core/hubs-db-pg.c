/* hubs-db-pg.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL driver of hubs-db.h, through libpq. The store writes its SQL once, in the
 * dialect both engines share; the few differences are translated here, in one place:
 *
 * - `?` and `?N` placeholders become `$1`…`$n`, numbered in the order they first appear, so
 *   a statement that uses ?1…?4 and ?98 sends five parameters;
 * - `INSERT OR REPLACE INTO t (…)` becomes an INSERT … ON CONFLICT (t's key) DO UPDATE of
 *   the other columns given, and `INSERT OR IGNORE` an INSERT … ON CONFLICT DO NOTHING;
 * - `a IS b` and `a IS NOT b` (SQLite's null-safe comparisons) become IS [NOT] DISTINCT FROM;
 * - in the schema, REAL becomes DOUBLE PRECISION (PostgreSQL's REAL has 24 bits),
 *   `INTEGER PRIMARY KEY` an identity column, and strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') the
 *   same text from the server's clock;
 * - PRAGMA application_id and user_version, which an SQLite file keeps in its header, live
 *   in a table hubs_schema; the other pragmas mean nothing here and are left out;
 * - BEGIN IMMEDIATE is a plain BEGIN, BEGIN DEFERRED (a read) a REPEATABLE READ one;
 * - a placeholder tested with IS [NOT] NULL is cast to text, since an unbound one has no type.
 *
 * Every parameter is sent as text, typed as it was bound: text, bigint or double precision
 * (NULL untyped), so `?1 IS NULL OR hub_id = ?1` needs no cast. Results come back as text
 * and are read as numbers where the store asks for numbers.
 *
 * When the server is away: a lost connection (PQstatus CONNECTION_BAD, SQLSTATE class 08)
 * gives %HUBS_DB_UNREACHABLE. A transaction the connection took with it stays failed, each
 * of its statements too, until the store ends it with ROLLBACK, so nothing of it is half
 * done; the next use after that connects again (PQreset, the same parameters), at most once
 * every RETRY_SECONDS (SLOW_RETRY_SECONDS after a try that had to wait for its timeout), but
 * never from the main loop, and hubs_db_pg_adopt() takes a connection made elsewhere (a
 * worker thread).
 *
 * No call waits long on a dead network, unless the URI says otherwise: connecting
 * gives up after CONNECT_TIMEOUT seconds (per address of the host), data sent to a server
 * that stopped answering fails after TCP_USER_TIMEOUT milliseconds, and TCP keepalives
 * (probes after 10 s of silence, every 5 s, 3 of them) find a server that vanished while a
 * reply was awaited within about 25 s. The calls block, so the store makes its saves in a
 * thread of their own. From the main loop (an event a window handles, see in_main_loop()),
 * a reply is awaited MAIN_LOOP_WAIT_MS at most: a server that stopped answering there (or a
 * network that drops what is sent) takes the connection as lost, so the window waits that
 * long once, not for the keepalives. Elsewhere (a command-line run, a long import) a query
 * the server itself is slow to answer is not cut short.
 *
 * Each call holds the connection's lock (hubs_db_lock()) while it uses the connection.
 */

#define G_LOG_DOMAIN "hubs-db"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "hubs-db-pg.h"
#include "hubs-db-private.h"

#define APPLICATION_TABLE "hubs_schema"

/* The bounds on waiting for the network; see the top of this file. */
#define CONNECT_TIMEOUT  "5"
#define MAIN_LOOP_WAIT_MS 3000
#define TCP_USER_TIMEOUT "10000"
#define RETRY_SECONDS    2
/* After a try that waited (a network that drops what is sent, not one that refuses): the
 * store's tries in a worker thread connect again meanwhile, without the window waiting. */
#define SLOW_RETRY_SECONDS 60

/* The types of the parameters, from PostgreSQL's catalogue (pg_type.oid). */
#define INT8_OID   20
#define TEXT_OID   25
#define FLOAT8_OID 701

typedef struct
{
  HubsDb    parent;
  PGconn   *conn;
  char     *errmsg;
  int       changes;

  /* Told when the connection is lost or made again. */
  HubsDbPgConnectionFunc  connection_func;
  gpointer                connection_data;
  /* When the next use may try to connect again after a failed try (monotonic time). */
  gint64                  retry_after;
  guint                   read_only : 1;
  guint                   lost : 1;
  /* The connection was lost inside a transaction the store has not ended yet. */
  guint                   lost_in_transaction : 1;
  /* The statement being sent runs inside a transaction begun before it. */
  guint                   sending_in_transaction : 1;
} PgDb;

typedef struct
{
  HubsDbStmt  parent;
  char       *sql;
  /* Placeholder number N (of ?N) → index of the parameter sent, or -1 when unused. */
  GArray     *slots;
  int         n_params;
  char      **values;
  Oid        *types;
  PGresult   *result;
  int         row;
  int         n_rows;
  guint       executed : 1;
} PgStmt;

#define PG(db) ((PgDb *) (db))
#define PG_STMT(s) ((PgStmt *) (s))

/* The key of each table, for INSERT OR REPLACE. */
static const struct {
  const char *table;
  const char *key;
} table_keys[] = {
  { "hub", "id" },
  { "kpi", "id" },
  { "figure", "kpi_id, fiscal_year, kind" },
  { "phase1_result", "id" },
  { "year_state", "hub_id, fiscal_year" },
  { "explanation", "kpi_id, fiscal_year" },
  { "exchanged_figure", "kpi_id, fiscal_year, kind" },
};

/* libpq's words without the indent it gives the second line of a longer message. */
static char *
tidy_message (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message != NULL ? message : "", "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, lines[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_errmsg (PgDb       *self,
            const char *message)
{
  g_free (self->errmsg);
  self->errmsg = tidy_message (message);
}

static void
ignore_notice (void       *data,
               const char *message)
{
  g_debug ("%s", message);
}

static void
tell_connection (PgDb     *self,
                 gboolean  connected)
{
  if (self->lost == !connected)
    return;

  self->lost = !connected;
  if (self->connection_func != NULL)
    self->connection_func (connected, self->connection_data);
}

/* The connection is gone, and with it any transaction it had open. */
static int
lose_connection (PgDb     *self,
                 gboolean  in_transaction)
{
  if (in_transaction)
    self->lost_in_transaction = TRUE;
  tell_connection (self, FALSE);

  return HUBS_DB_UNREACHABLE;
}

/* Maps the SQLSTATE of a failed result to the layer's nearest code. */
static int
result_code (PgDb     *self,
             PGresult *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;

  set_errmsg (self, primary != NULL ? primary : PQerrorMessage (self->conn));

  /* An error of libpq's own (no SQLSTATE): a failed send leaves the connection looking
   * sound until libpq reads from it, which it does here without waiting. */
  if (state == NULL && PQstatus (self->conn) == CONNECTION_OK)
    PQconsumeInput (self->conn);

  /* Whatever was sent, the server may not have it: a transaction of it is gone. */
  if (PQstatus (self->conn) == CONNECTION_BAD || (state != NULL && g_str_has_prefix (state, "08")))
    return lose_connection (self, self->sending_in_transaction);
  if (state == NULL)
    return HUBS_DB_ERROR;
  if (g_str_has_prefix (state, "23"))
    return HUBS_DB_CONSTRAINT;
  if (g_str_equal (state, "25006"))
    return HUBS_DB_READONLY;
  /* insufficient_privilege: a table not granted, or a row refused by row-level security. */
  if (g_str_equal (state, "42501"))
    return HUBS_DB_PERM;
  if (g_str_equal (state, "53100"))
    return HUBS_DB_FULL;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
      g_str_equal (state, "55P03"))
    return HUBS_DB_BUSY;
  if (g_str_equal (state, "57014"))
    return HUBS_DB_INTERRUPT;

  return HUBS_DB_ERROR;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Whether @sql at @i starts the word @word (a whole word, any case). */
static gboolean
word_at (const char *sql,
         gsize       i,
         const char *word)
{
  gsize len = strlen (word);

  if (i > 0 && is_word_char (sql[i - 1]))
    return FALSE;
  if (g_ascii_strncasecmp (sql + i, word, len) != 0)
    return FALSE;

  return !is_word_char (sql[i + len]);
}

static gsize
skip_space (const char *sql,
            gsize       i)
{
  while (g_ascii_isspace (sql[i]))
    i++;
  return i;
}

/* Copies a quoted string or identifier starting at @i; returns the index after it. */
static gsize
copy_quoted (GString    *out,
             const char *sql,
             gsize       i)
{
  char quote = sql[i];

  g_string_append_c (out, sql[i++]);
  while (sql[i] != '\0')
    {
      g_string_append_c (out, sql[i]);
      if (sql[i++] == quote)
        {
          if (sql[i] != quote)
            break;
          g_string_append_c (out, sql[i++]);
        }
    }

  return i;
}

/* The ON CONFLICT clause of an INSERT OR REPLACE INTO @table with @columns (the text
 * between the parentheses). */
static char *
upsert_clause (const char *table,
               const char *columns)
{
  g_auto(GStrv) names = g_strsplit (columns, ",", -1);
  g_autoptr(GString) set = g_string_new (NULL);
  const char *key = NULL;
  g_auto(GStrv) keys = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (table_keys); i++)
    if (g_ascii_strcasecmp (table_keys[i].table, table) == 0)
      key = table_keys[i].key;

  if (key == NULL)
    {
      g_critical ("No key known for INSERT OR REPLACE INTO %s", table);
      return g_strdup ("");
    }

  keys = g_strsplit (key, ", ", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);

      if (g_strv_contains ((const char * const *) keys, name))
        continue;
      g_string_append_printf (set, "%s%s = EXCLUDED.%s", set->len > 0 ? ", " : "", name, name);
    }

  if (set->len == 0)
    return g_strdup_printf (" ON CONFLICT (%s) DO NOTHING", key);

  return g_strdup_printf (" ON CONFLICT (%s) DO UPDATE SET %s", key, set->str);
}

/* Translates one statement (see the top of this file). With @slots, placeholders become
 * $n and @slots maps each ?N to its parameter; without, the statement has none. */
static char *
translate_statement (const char *sql,
                     GArray     *slots,
                     int        *n_params)
{
  static const char strftime_now[] = "strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')";
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *conflict = NULL;
  gsize i = skip_space (sql, 0);
  int last_number = 0;

  *n_params = 0;

  if (word_at (sql, i, "PRAGMA"))
    {
      const char *p = sql + skip_space (sql, i + 6);
      int value;

      if (g_str_has_prefix (p, "application_id") &&
          sscanf (p, "application_id = %d", &value) == 1)
        return g_strdup_printf ("CREATE TABLE " APPLICATION_TABLE " ("
                                "application_id INTEGER NOT NULL, "
                                "user_version INTEGER NOT NULL); "
                                "INSERT INTO " APPLICATION_TABLE " VALUES (%d, 0)", value);
      if (g_str_has_prefix (p, "user_version") && sscanf (p, "user_version = %d", &value) == 1)
        return g_strdup_printf ("UPDATE " APPLICATION_TABLE " SET user_version = %d", value);

      return g_strdup ("");
    }

  /* A read transaction (hubs_store_begin_read()) sees the database as it was at one
   * moment, as SQLite's does. */
  if (word_at (sql, i, "BEGIN"))
    return g_strdup (word_at (sql, skip_space (sql, i + 5), "DEFERRED")
                     ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN");

  while (sql[i] != '\0')
    {
      char c = sql[i];

      if (c == '\'' || c == '"')
        {
          i = copy_quoted (out, sql, i);
          continue;
        }

      if (c == '?')
        {
          int number;
          char *end;

          i++;
          if (g_ascii_isdigit (sql[i]))
            {
              number = (int) strtol (sql + i, &end, 10);
              i = end - sql;
            }
          else
            number = last_number + 1;
          last_number = MAX (last_number, number);

          g_assert (slots != NULL);
          if ((guint) number >= slots->len)
            {
              int unused = -1;

              while ((guint) number >= slots->len)
                g_array_append_val (slots, unused);
            }
          if (g_array_index (slots, int, number) < 0)
            g_array_index (slots, int, number) = (*n_params)++;
          g_string_append_printf (out, "$%d", g_array_index (slots, int, number) + 1);
          /* “?1 IS NULL OR hub_id = ?1” with ?1 unbound: the server needs a type for it. */
          if (word_at (sql, skip_space (sql, i), "IS"))
            g_string_append (out, "::text");
          continue;
        }

      if (g_str_has_prefix (sql + i, strftime_now))
        {
          g_string_append (out, "to_char (clock_timestamp () AT TIME ZONE 'UTC', "
                                "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
          i += strlen (strftime_now);
          continue;
        }

      if (word_at (sql, i, "INSERT"))
        {
          gsize j = skip_space (sql, i + 6);
          gboolean replace = FALSE;

          if (word_at (sql, j, "OR"))
            {
              gsize k = skip_space (sql, j + 2);

              if (word_at (sql, k, "REPLACE"))
                replace = TRUE;
              else if (!word_at (sql, k, "IGNORE"))
                k = j;

              if (k != j)
                {
                  gsize table_start = skip_space (sql, k + (replace ? 7 : 6));

                  g_string_append (out, "INSERT");
                  i = table_start;
                  if (word_at (sql, i, "INTO"))
                    {
                      gsize name = skip_space (sql, i + 4);
                      gsize name_end = name;
                      const char *open;
                      const char *close;

                      while (is_word_char (sql[name_end]) || sql[name_end] == '.')
                        name_end++;
                      open = sql + skip_space (sql, name_end);
                      if (replace && *open == '(' && (close = strchr (open, ')')) != NULL)
                        {
                          g_autofree char *table = g_strndup (sql + name, name_end - name);
                          g_autofree char *columns = g_strndup (open + 1, close - open - 1);

                          conflict = upsert_clause (table, columns);
                        }
                      else
                        conflict = g_strdup (" ON CONFLICT DO NOTHING");
                    }
                  g_string_append_c (out, ' ');
                  continue;
                }
            }
        }

      if (word_at (sql, i, "IS"))
        {
          gsize j = skip_space (sql, i + 2);
          gboolean not = word_at (sql, j, "NOT");
          gsize k = not ? skip_space (sql, j + 3) : j;

          if (!word_at (sql, k, "NULL") && !word_at (sql, k, "DISTINCT") &&
              !word_at (sql, k, "TRUE") && !word_at (sql, k, "FALSE"))
            {
              g_string_append (out, not ? "IS DISTINCT FROM " : "IS NOT DISTINCT FROM ");
              i = k;
              continue;
            }
        }

      if (word_at (sql, i, "INTEGER"))
        {
          gsize j = skip_space (sql, i + 7);

          if (word_at (sql, j, "PRIMARY"))
            {
              g_string_append (out, "BIGINT GENERATED BY DEFAULT AS IDENTITY ");
              i = j;
              continue;
            }
        }

      if (word_at (sql, i, "REAL"))
        {
          g_string_append (out, "DOUBLE PRECISION");
          i += 4;
          continue;
        }

      g_string_append_c (out, c);
      i++;
    }

  /* Before a RETURNING or at the end: the store's INSERTs have neither a trailing ON
   * CONFLICT nor RETURNING. */
  if (conflict != NULL)
    {
      while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
        g_string_truncate (out, out->len - 1);
      g_string_append (out, conflict);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Splits @sql at the semicolons outside quotes. */
static GPtrArray *
split_statements (const char *sql)
{
  GPtrArray *statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) current = g_string_new (NULL);
  gsize i = 0;

  while (sql[i] != '\0')
    {
      if (sql[i] == '\'' || sql[i] == '"')
        i = copy_quoted (current, sql, i);
      else if (sql[i] == ';')
        {
          g_ptr_array_add (statements, g_strdup (current->str));
          g_string_truncate (current, 0);
          i++;
        }
      else
        g_string_append_c (current, sql[i++]);
    }
  g_ptr_array_add (statements, g_strdup (current->str));

  return statements;
}

/**
 * hubs_db_pg_translate:
 * @sql: SQL as the store writes it, one statement or (without @slots) several
 * @slots: (nullable) (element-type int): filled with the parameter of each ?N
 *
 * Returns: (transfer full): the same in PostgreSQL's dialect
 */
char *
hubs_db_pg_translate (const char *sql,
                      GArray     *slots)
{
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GString) out = NULL;
  int n_params;

  if (slots != NULL)
    return translate_statement (sql, slots, &n_params);

  statements = split_statements (sql);
  out = g_string_new (NULL);
  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *one = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (statements->pdata[i]));

      if (*stripped == '\0')
        continue;
      one = translate_statement (stripped, NULL, &n_params);
      if (*one == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, one);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * hubs_db_pg_uri_has_password:
 * @uri: a connection URI
 *
 * Returns: %TRUE when @uri carries a password, which belongs in PGPASSWORD or ~/.pgpass
 */
gboolean
hubs_db_pg_uri_has_password (const char *uri)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  gboolean has = FALSE;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL && *o->val != '\0')
      has = TRUE;
  PQconninfoFree (options);

  return has;
}

/**
 * hubs_db_pg_uri_parse_error:
 * @uri: a connection URI
 *
 * Returns: (transfer full) (nullable): libpq's words for what is wrong with @uri, or %NULL
 *   when libpq reads it
 */
char *
hubs_db_pg_uri_parse_error (const char *uri)
{
  char *parse_error = NULL;
  PQconninfoOption *options = PQconninfoParse (uri, &parse_error);
  char *message = NULL;

  if (options == NULL)
    message = g_strstrip (g_strdup (parse_error != NULL ? parse_error : "out of memory"));
  PQconninfoFree (options);
  PQfreemem (parse_error);

  return message;
}

static void
pg_close (HubsDb *db)
{
  PQfinish (PG (db)->conn);
  g_free (PG (db)->errmsg);
  _hubs_db_clear (db);
  g_free (db);
}

/* Whether @sql ends the transaction (COMMIT, ROLLBACK, END, ABORT). */
static gboolean
ends_transaction (const char *sql)
{
  gsize i = skip_space (sql, 0);

  return word_at (sql, i, "COMMIT") || word_at (sql, i, "ROLLBACK") || word_at (sql, i, "END") ||
         word_at (sql, i, "ABORT");
}

/* Sets the session up as the store expects it, on a new connection or one made again. */
static gboolean
set_up_session (PGconn   *conn,
                gboolean  read_only)
{
  PGresult *result = PQexec (conn,
                             read_only
                             ? "SET client_encoding = 'UTF8'; SET extra_float_digits = 1; "
                               "SET default_transaction_read_only = on"
                             : "SET client_encoding = 'UTF8'; SET extra_float_digits = 1");
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  PQclear (result);

  return ok;
}

/* Connects again when the connection was lost, at most once every RETRY_SECONDS. */
static int
ensure_connected (PgDb *self)
{
  gint64 now;

  if (PQstatus (self->conn) == CONNECTION_OK && !self->lost)
    return HUBS_DB_OK;

  /* What runs in the main loop never waits to connect: the store's tries in a worker thread,
   * and its writer thread, do that (see hubs-store-connection.c, hubs-store-writer.c). */
  now = g_get_monotonic_time ();
  if (now < self->retry_after || g_main_context_is_owner (g_main_context_default ()))
    return HUBS_DB_UNREACHABLE;

  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK || !set_up_session (self->conn, self->read_only))
    {
      gint64 then = g_get_monotonic_time ();
      gboolean waited = then - now > G_USEC_PER_SEC;

      set_errmsg (self, PQerrorMessage (self->conn));
      self->retry_after = then + (waited ? SLOW_RETRY_SECONDS : RETRY_SECONDS) * G_USEC_PER_SEC;
      return lose_connection (self, FALSE);
    }

  PQsetNoticeProcessor (self->conn, ignore_notice, NULL);
  self->retry_after = 0;
  tell_connection (self, TRUE);

  return HUBS_DB_OK;
}

/* Before @sql (translated) is sent: a statement of a transaction the connection took with
 * it fails, until the store's ROLLBACK ends it; a ROLLBACK without a connection has nothing
 * to do (%HUBS_DB_DONE); otherwise there must be a connection, made again if need be. */
static int
prepare_to_send (PgDb       *self,
                 const char *sql)
{
  gboolean ends = ends_transaction (sql);
  int rc;

  if (self->lost_in_transaction || (ends && PQstatus (self->conn) != CONNECTION_OK))
    {
      gboolean rollback = word_at (sql, skip_space (sql, 0), "ROLLBACK") ||
                          word_at (sql, skip_space (sql, 0), "ABORT");

      if (ends)
        self->lost_in_transaction = FALSE;
      if (ends && rollback)
        return HUBS_DB_DONE;
      set_errmsg (self, PQerrorMessage (self->conn));
      return HUBS_DB_UNREACHABLE;
    }

  if ((rc = ensure_connected (self)) != HUBS_DB_OK)
    return rc;

  self->sending_in_transaction = !ends && PQtransactionStatus (self->conn) != PQTRANS_IDLE;

  return HUBS_DB_OK;
}

/* Whether @result tells of a failure. */
static gboolean
is_failure (PGresult *result)
{
  ExecStatusType status = PQresultStatus (result);

  return status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK;
}

/* Waits, MAIN_LOOP_WAIT_MS at most, for the whole reply to what was sent, and gives what
 * PQexec() would have: the last result, or the first that failed. When the time is out,
 * gives %NULL with @timed_out set, the reply still to come. */
static PGresult *
await_reply (PgDb     *self,
             gboolean *timed_out)
{
  gint64 deadline = g_get_monotonic_time () + MAIN_LOOP_WAIT_MS * G_TIME_SPAN_MILLISECOND;
  PGresult *kept = NULL;
  PGresult *next;

  for (;;)
    {
      while (PQisBusy (self->conn))
        {
          struct pollfd fd = { .fd = PQsocket (self->conn), .events = POLLIN };
          gint64 left = deadline - g_get_monotonic_time ();
          int n;

          if (left <= 0)
            {
              *timed_out = TRUE;
              PQclear (kept);
              return NULL;
            }

          n = poll (&fd, 1, (int) ((left + 999) / 1000));
          if (n < 0 && errno != EINTR)
            break;
          /* A connection that broke: PQgetResult() tells how. */
          if (n > 0 && !PQconsumeInput (self->conn))
            break;
        }

      if (!(next = PQgetResult (self->conn)))
        return kept;
      if (kept != NULL && is_failure (kept))
        PQclear (next);
      else
        {
          PQclear (kept);
          kept = next;
        }
    }
}

/* Whether the call comes from what the main loop dispatches (an event, a timeout, an idle):
 * what a window does once it shows. Not a command-line run, nor the start-up before the
 * first window, nor another thread: those wait as long as the network bounds say. */
static gboolean
in_main_loop (void)
{
  return g_main_depth () > 0 && g_main_context_is_owner (g_main_context_default ());
}

/* Sends @sql (one statement with @n_params parameters, or with @n_params -1 as many as it
 * holds, without) and gives its result as PQexec() would. From the main loop it waits for
 * it MAIN_LOOP_WAIT_MS at most: then it gives %NULL with @timed_out set. */
static PGresult *
execute (PgDb               *self,
         const char         *sql,
         int                 n_params,
         const Oid          *types,
         const char * const *values,
         gboolean           *timed_out)
{
  *timed_out = FALSE;

  if (!in_main_loop ())
    return n_params < 0 ? PQexec (self->conn, sql)
                        : PQexecParams (self->conn, sql, n_params, types, values, NULL, NULL, 0);

  if (!(n_params < 0 ? PQsendQuery (self->conn, sql)
                     : PQsendQueryParams (self->conn, sql, n_params, types, values, NULL, NULL,
                                          0)))
    return NULL;

  return await_reply (self, timed_out);
}

/* The reply did not come in time, in the main loop: the connection is taken as lost, with
 * its transaction, and made again as a lost one is. */
static int
stop_waiting (PgDb *self)
{
  g_autofree char *message = g_strdup_printf ("the server did not answer within %d seconds",
                                              MAIN_LOOP_WAIT_MS / 1000);

  set_errmsg (self, message);
  g_debug ("%s", message);

  return lose_connection (self, self->sending_in_transaction);
}

static int
pg_exec (HubsDb     *db,
         const char *sql)
{
  PgDb *self = PG (db);
  g_autofree char *translated = hubs_db_pg_translate (sql, NULL);
  gboolean timed_out;
  PGresult *result;
  int rc = HUBS_DB_OK;

  if (*translated == '\0')
    return HUBS_DB_OK;

  if ((rc = prepare_to_send (self, translated)) != HUBS_DB_OK)
    return rc == HUBS_DB_DONE ? HUBS_DB_OK : rc;

  result = execute (self, translated, -1, NULL, NULL, &timed_out);
  if (timed_out)
    return stop_waiting (self);
  if (is_failure (result))
    rc = result_code (self, result);
  else
    self->changes = atoi (PQcmdTuples (result));
  PQclear (result);

  return rc;
}

static int
pg_prepare (HubsDb      *db,
            const char  *sql,
            HubsDbStmt **out)
{
  PgStmt *self = g_new0 (PgStmt, 1);

  self->parent.db = db;
  self->slots = g_array_new (FALSE, FALSE, sizeof (int));
  self->sql = translate_statement (sql, self->slots, &self->n_params);
  self->values = g_new0 (char *, MAX (self->n_params, 1));
  self->types = g_new0 (Oid, MAX (self->n_params, 1));
  *out = &self->parent;

  return HUBS_DB_OK;
}

/* A transaction the lost connection took with it is open until the store ends it. */
static gboolean
pg_in_transaction (HubsDb *db)
{
  PGTransactionStatusType status = PQtransactionStatus (PG (db)->conn);

  /* A connection given up on while it awaited a reply (see stop_waiting()) is busy still. */
  if (PG (db)->lost)
    return PG (db)->lost_in_transaction;

  return PG (db)->lost_in_transaction || (status != PQTRANS_IDLE && status != PQTRANS_UNKNOWN);
}

static int
pg_changes (HubsDb *db)
{
  return PG (db)->changes;
}

static const char *
pg_errmsg (HubsDb *db)
{
  return PG (db)->errmsg != NULL ? PG (db)->errmsg : "";
}

/* Runs @sql and gives the integers of its one row. */
static int
query_ints (PgDb       *self,
            const char *sql,
            int        *values,
            int         n_values)
{
  gboolean timed_out;
  PGresult *result = execute (self, sql, -1, NULL, NULL, &timed_out);
  int rc = HUBS_DB_OK;

  if (timed_out)
    return stop_waiting (self);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    rc = result_code (self, result);
  else if (PQntuples (result) != 1 || PQnfields (result) < n_values)
    {
      set_errmsg (self, "unexpected result");
      rc = HUBS_DB_ERROR;
    }
  else
    for (int i = 0; i < n_values; i++)
      values[i] = atoi (PQgetvalue (result, 0, i));
  PQclear (result);

  return rc;
}

static int
pg_read_identity (HubsDb *db,
                  int    *application_id,
                  int    *user_version,
                  int    *n_objects)
{
  PgDb *self = PG (db);
  int values[2] = { 0, 0 };
  int has_table = 0;
  int rc;

  /* Every table, view and sequence in the schema Hubs writes to. */
  rc = query_ints (self,
                   "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                   "ON n.oid = c.relnamespace WHERE n.nspname = current_schema () "
                   "AND c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p')",
                   n_objects, 1);
  if (rc == HUBS_DB_OK)
    rc = query_ints (self, "SELECT (to_regclass ('" APPLICATION_TABLE "') IS NOT NULL)::int",
                     &has_table, 1);
  if (rc == HUBS_DB_OK && has_table)
    rc = query_ints (self, "SELECT application_id, user_version FROM " APPLICATION_TABLE,
                     values, 2);

  *application_id = values[0];
  *user_version = values[1];

  return rc;
}

static char *
pg_set_user_version_sql (HubsDb *db,
                         int     version)
{
  return g_strdup_printf ("UPDATE " APPLICATION_TABLE " SET user_version = %d", version);
}

static void
pg_stmt_reset (HubsDbStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  g_clear_pointer (&self->result, PQclear);
  self->executed = FALSE;
  self->row = 0;
  self->n_rows = 0;
}

static void
pg_stmt_clear_bindings (HubsDbStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  for (int i = 0; i < self->n_params; i++)
    {
      g_clear_pointer (&self->values[i], g_free);
      self->types[i] = 0;
    }
}

static void
pg_stmt_finalize (HubsDbStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  pg_stmt_reset (stmt);
  pg_stmt_clear_bindings (stmt);
  g_free (self->values);
  g_free (self->types);
  g_array_unref (self->slots);
  g_free (self->sql);
  g_free (self);
}

/* Takes @text as the value of placeholder ?@param, if the statement has one. */
static void
bind_owned (HubsDbStmt *stmt,
            int         param,
            Oid         type,
            char       *text)
{
  PgStmt *self = PG_STMT (stmt);
  int slot;

  if (param < 0 || (guint) param >= self->slots->len ||
      (slot = g_array_index (self->slots, int, param)) < 0)
    {
      g_free (text);
      return;
    }

  g_free (self->values[slot]);
  self->values[slot] = text;
  self->types[slot] = type;
}

static void
pg_bind_text (HubsDbStmt *stmt,
              int         param,
              const char *text)
{
  bind_owned (stmt, param, TEXT_OID, g_strdup (text));
}

static void
pg_bind_int (HubsDbStmt *stmt,
             int         param,
             gint64      value)
{
  bind_owned (stmt, param, INT8_OID, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_double (HubsDbStmt *stmt,
                int         param,
                double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* g_ascii_dtostr() gives the shortest text that reads back as the same double. */
  bind_owned (stmt, param, FLOAT8_OID,
              g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

static void
pg_bind_null (HubsDbStmt *stmt,
              int         param)
{
  bind_owned (stmt, param, 0, NULL);
}

static int
pg_step (HubsDbStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);
  PgDb *db = PG (stmt->db);
  ExecStatusType status;
  gboolean timed_out;

  if (self->executed)
    {
      if (self->result == NULL || ++self->row >= self->n_rows)
        return HUBS_DB_DONE;
      return HUBS_DB_ROW;
    }

  self->executed = TRUE;
  {
    int rc = prepare_to_send (db, self->sql);

    if (rc != HUBS_DB_OK)
      return rc == HUBS_DB_DONE ? HUBS_DB_DONE : rc;
  }
  self->result = execute (db, self->sql, self->n_params, self->types,
                          (const char * const *) self->values, &timed_out);
  if (timed_out)
    return stop_waiting (db);
  status = PQresultStatus (self->result);
  if (status == PGRES_TUPLES_OK)
    {
      self->n_rows = PQntuples (self->result);
      self->row = 0;
      return self->n_rows > 0 ? HUBS_DB_ROW : HUBS_DB_DONE;
    }
  if (status == PGRES_COMMAND_OK)
    {
      db->changes = atoi (PQcmdTuples (self->result));
      g_clear_pointer (&self->result, PQclear);
      return HUBS_DB_DONE;
    }

  {
    int rc = result_code (db, self->result);

    g_debug ("%s failed: %s", self->sql, db->errmsg);
    g_clear_pointer (&self->result, PQclear);
    return rc;
  }
}

static const char *
pg_column_text (HubsDbStmt *stmt,
                int         column)
{
  PgStmt *self = PG_STMT (stmt);

  if (self->result == NULL || self->row >= self->n_rows || column >= PQnfields (self->result) ||
      PQgetisnull (self->result, self->row, column))
    return NULL;

  return PQgetvalue (self->result, self->row, column);
}

static gint64
pg_column_int (HubsDbStmt *stmt,
               int         column)
{
  const char *text = pg_column_text (stmt, column);

  if (text == NULL)
    return 0;
  if (g_str_equal (text, "t"))
    return 1;
  if (g_str_equal (text, "f"))
    return 0;
  /* A real number where an integer is read: as SQLite, its integer part. */
  if (strpbrk (text, ".eE") != NULL)
    return (gint64) g_ascii_strtod (text, NULL);

  return g_ascii_strtoll (text, NULL, 10);
}

static double
pg_column_double (HubsDbStmt *stmt,
                  int         column)
{
  const char *text = pg_column_text (stmt, column);

  if (text == NULL)
    return 0.0;
  if (g_str_equal (text, "t"))
    return 1.0;
  if (g_str_equal (text, "f"))
    return 0.0;

  return g_ascii_strtod (text, NULL);
}

static gboolean
pg_column_is_null (HubsDbStmt *stmt,
                   int         column)
{
  return pg_column_text (stmt, column) == NULL;
}

static const HubsDbDriver pg_driver = {
  .engine = HUBS_DB_ENGINE_POSTGRESQL,
  .close = pg_close,
  .exec = pg_exec,
  .prepare = pg_prepare,
  .in_transaction = pg_in_transaction,
  .changes = pg_changes,
  .errmsg = pg_errmsg,
  .read_identity = pg_read_identity,
  .set_user_version_sql = pg_set_user_version_sql,
  .stmt_finalize = pg_stmt_finalize,
  .stmt_reset = pg_stmt_reset,
  .stmt_clear_bindings = pg_stmt_clear_bindings,
  .bind_text = pg_bind_text,
  .bind_int = pg_bind_int,
  .bind_double = pg_bind_double,
  .bind_null = pg_bind_null,
  .step = pg_step,
  .column_text = pg_column_text,
  .column_int = pg_column_int,
  .column_double = pg_column_double,
  .column_is_null = pg_column_is_null,
};

/**
 * hubs_db_pg_exec_native:
 * @db: a connection to a server
 * @sql: SQL in PostgreSQL's own dialect, sent as it is (it may hold `$$` bodies)
 *
 * Returns: %HUBS_DB_OK or the failure
 */
int
hubs_db_pg_exec_native (HubsDb     *db,
                        const char *sql)
{
  PgDb *self = PG (db);
  gboolean timed_out;
  PGresult *result;
  int rc = HUBS_DB_OK;

  g_return_val_if_fail (hubs_db_get_engine (db) == HUBS_DB_ENGINE_POSTGRESQL, HUBS_DB_ERROR);

  hubs_db_lock (db);
  result = execute (self, sql, -1, NULL, NULL, &timed_out);
  if (timed_out)
    rc = stop_waiting (self);
  else if (is_failure (result))
    rc = result_code (self, result);
  PQclear (result);
  hubs_db_unlock (db);

  return rc;
}

/**
 * hubs_db_pg_listen:
 * @db: a connection to a server
 * @channel: the channel, a plain identifier
 *
 * Asks the server for the notices sent on @channel (see hubs_db_pg_next_notice()).
 *
 * Returns: %HUBS_DB_OK or the failure
 */
int
hubs_db_pg_listen (HubsDb     *db,
                   const char *channel)
{
  g_autofree char *sql = NULL;
  g_autofree char *quoted = NULL;
  char *escaped;

  g_return_val_if_fail (hubs_db_get_engine (db) == HUBS_DB_ENGINE_POSTGRESQL, HUBS_DB_ERROR);

  escaped = PQescapeIdentifier (PG (db)->conn, channel, strlen (channel));
  quoted = g_strdup (escaped);
  PQfreemem (escaped);
  sql = g_strconcat ("LISTEN ", quoted, NULL);

  return hubs_db_pg_exec_native (db, sql);
}

/* Returns: the socket of the connection, readable when the server sent something */
int
hubs_db_pg_get_socket (HubsDb *db)
{
  g_return_val_if_fail (hubs_db_get_engine (db) == HUBS_DB_ENGINE_POSTGRESQL, -1);

  return PQsocket (PG (db)->conn);
}

/* Returns: the process id of the server's end of the connection, which notices name */
int
hubs_db_pg_get_backend_pid (HubsDb *db)
{
  g_return_val_if_fail (hubs_db_get_engine (db) == HUBS_DB_ENGINE_POSTGRESQL, 0);

  return PQbackendPID (PG (db)->conn);
}

/**
 * hubs_db_pg_next_notice:
 * @db: a connection that listens
 * @payload: (out) (transfer full): the notice's text
 * @pid: (out): the server process of the connection that sent it
 * @failed: (out): set when the connection was lost (the detail is in hubs_db_errmsg())
 *
 * Reads what the server sent, without waiting, and gives the next notice received.
 *
 * Returns: %TRUE with a notice, %FALSE when there is none (yet)
 */
gboolean
hubs_db_pg_next_notice (HubsDb    *db,
                        char     **payload,
                        int       *pid,
                        gboolean  *failed)
{
  PgDb *self = PG (db);
  PGnotify *notify;

  g_return_val_if_fail (hubs_db_get_engine (db) == HUBS_DB_ENGINE_POSTGRESQL, FALSE);

  *failed = FALSE;
  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) == CONNECTION_BAD)
    {
      set_errmsg (self, PQerrorMessage (self->conn));
      *failed = TRUE;
      return FALSE;
    }

  if ((notify = PQnotifies (self->conn)) == NULL)
    return FALSE;

  *payload = g_strdup (notify->extra);
  *pid = notify->be_pid;
  PQfreemem (notify);

  return TRUE;
}

/* Connects with the bounds on waiting of the top of this file; the URI's own settings of
 * them, given after, win. */
static PGconn *
connect_bounded (const char *uri)
{
  static const char * const keywords[] = {
    "connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "tcp_user_timeout", "dbname", NULL
  };
  const char * const values[] = {
    CONNECT_TIMEOUT, "1", "10", "5", "3", TCP_USER_TIMEOUT, uri, NULL
  };

  return PQconnectdbParams (keywords, values, TRUE);
}

/**
 * hubs_db_pg_open:
 * @uri: a postgresql:// or postgres:// connection URI, without a password
 * @read_only: whether every transaction of the connection is read-only
 * @rc: (out): why it failed: %HUBS_DB_UNREACHABLE, or %HUBS_DB_ERROR for a bad URI
 * @message: (out) (transfer full): libpq's words for it
 *
 * Connects to the server, giving up after a few seconds (see the top of this file). The
 * password comes from libpq's usual places (PGPASSWORD, ~/.pgpass), never from the URI.
 * Safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL
 */
HubsDb *
hubs_db_pg_open (const char  *uri,
                 gboolean     read_only,
                 int         *rc,
                 char       **message)
{
  PQconninfoOption *options;
  char *parse_error = NULL;
  PGconn *conn;
  PgDb *self;

  *rc = HUBS_DB_OK;
  *message = NULL;

  if (!(options = PQconninfoParse (uri, &parse_error)))
    {
      *rc = HUBS_DB_ERROR;
      *message = g_strstrip (g_strdup (parse_error != NULL ? parse_error : "out of memory"));
      PQfreemem (parse_error);
      return NULL;
    }
  PQconninfoFree (options);

  conn = connect_bounded (uri);
  if (PQstatus (conn) != CONNECTION_OK || !set_up_session (conn, read_only))
    {
      *rc = HUBS_DB_UNREACHABLE;
      *message = tidy_message (PQerrorMessage (conn));
      PQfinish (conn);
      return NULL;
    }

  PQsetNoticeProcessor (conn, ignore_notice, NULL);

  self = g_new0 (PgDb, 1);
  _hubs_db_init (&self->parent, &pg_driver);
  self->conn = conn;
  self->read_only = read_only;

  return &self->parent;
}

/**
 * hubs_db_pg_set_connection_func:
 * @db: a connection of hubs_db_pg_open()
 * @func: (nullable): called when the connection is lost, and when it is made again
 * @data: for @func
 *
 * @func is called from inside the call that found it out: it must not use @db.
 */
void
hubs_db_pg_set_connection_func (HubsDb                 *db,
                                HubsDbPgConnectionFunc  func,
                                gpointer                data)
{
  g_return_if_fail (db != NULL && db->driver == &pg_driver);

  PG (db)->connection_func = func;
  PG (db)->connection_data = data;
}

/**
 * hubs_db_pg_is_connected:
 * @db: a connection of hubs_db_pg_open()
 *
 * Returns: %FALSE once the connection was found lost, until it is made again
 */
gboolean
hubs_db_pg_is_connected (HubsDb *db)
{
  g_return_val_if_fail (db != NULL && db->driver == &pg_driver, FALSE);

  return !PG (db)->lost;
}

/**
 * hubs_db_pg_adopt:
 * @db: a connection of hubs_db_pg_open(), lost or thought to be sound
 * @fresh: (transfer full): a new connection to the same database, made with the same
 *   read-only setting (in a worker thread, say)
 *
 * Takes @fresh's connection in place of @db's, unless @db is inside a transaction (or
 * still holds the one a lost connection took with it), or is in use by another thread
 * (then @fresh is closed: this never waits). After the server was away, a connection not
 * found lost yet may be lost all the same: taking a fresh one spares its next use failing.
 *
 * Returns: %TRUE when @db took it
 */
gboolean
hubs_db_pg_adopt (HubsDb *db,
                  HubsDb *fresh)
{
  PgDb *self = PG (db);
  PGconn *conn;

  g_return_val_if_fail (db != NULL && db->driver == &pg_driver, FALSE);
  g_return_val_if_fail (fresh != NULL && fresh->driver == &pg_driver, FALSE);

  if (!hubs_db_trylock (db))
    {
      pg_close (fresh);
      return FALSE;
    }

  if (self->lost_in_transaction ||
      (!self->lost && PQtransactionStatus (self->conn) != PQTRANS_IDLE))
    {
      hubs_db_unlock (db);
      pg_close (fresh);
      return FALSE;
    }

  conn = self->conn;
  self->conn = PG (fresh)->conn;
  PG (fresh)->conn = conn;
  pg_close (fresh);
  self->retry_after = 0;
  tell_connection (self, TRUE);
  hubs_db_unlock (db);

  return TRUE;
}
