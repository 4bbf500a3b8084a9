/* hubs-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of the store share: the instance struct, the statement and transaction
 * helpers (hubs-store-sql.c), the row decoding (hubs-store-read.c), the writes with their
 * history rows (hubs-store-write.c) and the change notification (hubs-store.c), plus the few
 * calls the backup module, the tests and the benchmarks make past the public API.
 */

#pragma once

#include <sqlite3.h>

#include "hubs-db.h"
#include "hubs-plan.h"
#include "hubs-store-conflict.h"
#include "hubs-store-writer.h"
#include "hubs-store.h"

G_BEGIN_DECLS

/* The check for damage running in a worker thread, see hubs-store-open.c. */
typedef struct _HubsStoreVerifyJob HubsStoreVerifyJob;

struct _HubsStore
{
  GObject             parent_instance;

  /* Owned */
  HubsDb             *db;
  char               *path;
  /* What another connection opens: @path, or a file: URI when the file is immutable. */
  char               *open_name;
  GHashTable         *statements;
  HubsStoreVerifyJob *verify_job;

  /* Who makes the changes, for the history: a name and an organisation, or NULL. */
  char               *author;
  char               *organisation;

  /* The network or user-space file system the file is on (NFS, CIFS, FUSE…), or NULL. */
  const char         *network_file_system;

  /* On a shared database: the database user of the connection, and, unless it administers
   * the database, the hub whose staff it is (see hubs-store-roles.c). */
  char               *db_user;
  char               *grant_hub;

  /* Why the file cannot be written to, once hubs_store_verify() found damage. */
  GError             *damage;

  /* A shared database's connection, when lost: see hubs-store-connection.c. The driver
   * tells of it from whichever thread used the connection: connection_idle and reconnected
   * are kept under connection_mutex. */
  GMutex              connection_mutex;
  guint               connection_idle;
  gboolean            reconnected;
  guint               reconnect_source;
  GTask              *reconnecting;
  /* The callers of hubs_store_reconnect_async() waiting for that try. */
  GPtrArray          *reconnect_waiting;

  /* The writer of a shared database (hubs-store-writer.c): its thread, its own connection
   * (made by the thread at its first job) and the statements it prepared on it, the server
   * process at that connection's other end (atomic, for the notices), and how many of its
   * writes have not ended. */
  GThreadPool        *writer;
  HubsDb             *writer_db;
  GHashTable         *writer_statements;
  int                 writer_pid;
  guint               writes_pending;
  /* The writer's connection was found lost (under connection_mutex). */
  gboolean            writer_lost;

  /* State */
  int                 schema_version;
  guint               verified : 1;
  guint               read_only : 1;
  guint               seeded : 1;
  guint               immutable : 1;
  guint               check_on_main_thread : 1;
  /* Creating a new file: each step's transaction joins the one that creates and seeds it. */
  guint               creating : 1;
  /* Changes everything: a file, or a shared database's owner; else grant_read_only says
   * whether the role writes nothing. */
  guint               administrator : 1;
  guint               grant_read_only : 1;
  guint               disconnected : 1;
};

#define HUBS_STORE_HUB_COLUMNS \
  "id, name_ja, name_en, consortium_ja, consortium_en, tier, type, slogan_ja, slogan_en, " \
  "summary_ja, summary_en, members_ja, members_en, focus_ja, focus_en, sort_order, members_more"

#define HUBS_STORE_KPI_COLUMNS \
  "id, hub_id, parent_id, name_ja, name_en, pillar, unit, aggregation, direction, " \
  "qualifier, per_year, path_from_zero, note_ja, note_en, sort_order, unit_en_one, unit_en"

#define HUBS_STORE_FIGURE_COLUMNS \
  "kpi_id, fiscal_year, kind, value, measured, as_of, note, confirmed, source, note_en, unit"

const char   *hubs_store_get_migration_sql        (guint       to_version);
sqlite3      *hubs_store_get_db                   (HubsStore  *self);
gboolean      hubs_store_reload                   (HubsStore  *self,
                                                   GError    **error);
sqlite3      *hubs_store_open_reader              (HubsStore  *self,
                                                   GError    **error);
void          hubs_store_set_check_on_main_thread (HubsStore  *self,
                                                   gboolean    on_main_thread);
int           hubs_store_get_backend_pid          (HubsStore  *self);

/* hubs-store-sql.c */
void          _hubs_store_set_sqlite_error        (GError       **error,
                                                   sqlite3       *db,
                                                   int            rc,
                                                   const char    *path);
void          _hubs_store_set_db_error            (GError       **error,
                                                   HubsDb        *db,
                                                   int            rc,
                                                   const char    *path);
gboolean      _hubs_store_exec                    (HubsStore     *self,
                                                   const char    *sql,
                                                   GError       **error);
HubsDbStmt   *_hubs_store_prepare                 (HubsStore     *self,
                                                   const char    *sql,
                                                   GError       **error);
gboolean      _hubs_store_step_done               (HubsStore     *self,
                                                   HubsDbStmt    *stmt,
                                                   GError       **error);
void          _hubs_store_bind_text               (HubsDbStmt    *stmt,
                                                   int            column,
                                                   const char    *text);
void          _hubs_store_bind_text_or_empty      (HubsDbStmt    *stmt,
                                                   int            column,
                                                   const char    *text);
char         *_hubs_store_column_text             (HubsDbStmt    *stmt,
                                                   int            column);
gboolean      _hubs_store_query_int               (HubsStore     *self,
                                                   const char    *sql,
                                                   int           *value,
                                                   GError       **error);
gboolean      _hubs_store_begin                   (HubsStore     *self,
                                                   GError       **error);
gboolean      _hubs_store_commit                  (HubsStore     *self,
                                                   GError       **error);
void          _hubs_store_rollback                (HubsStore     *self);

/* hubs-store-cycle.c */
HubsYearState *_hubs_store_year_state_from_columns (HubsDbStmt          *stmt,
                                                    const char          *hub_id,
                                                    int                  fiscal_year,
                                                    int                  first);
void           _hubs_store_set_locked_error        (GError             **error,
                                                    const HubsYearState *lock);
gboolean       _hubs_store_write_year_state        (HubsStore           *self,
                                                    const HubsYearState *old,
                                                    const HubsYearState *state,
                                                    GError             **error);

/* hubs-store-connection.c */
void          _hubs_store_watch_connection        (HubsStore     *self);
void          _hubs_store_watch_writer_connection (HubsStore     *self);
void          _hubs_store_note_writer_connection  (HubsStore     *self,
                                                   gboolean       connected);
void          _hubs_store_unwatch_connection      (HubsStore     *self);

/* hubs-store-conflict.c */
gboolean       _hubs_store_read_last_figure_change (HubsStore           *self,
                                                    const char          *kpi_id,
                                                    int                  fiscal_year,
                                                    HubsFigureKind       kind,
                                                    const char          *field,
                                                    HubsFigureConflict  *conflict,
                                                    GError             **error);

/* hubs-store-writer.c */
gboolean       _hubs_store_in_writer               (HubsStore             *self);
HubsDb        *_hubs_store_db                      (HubsStore             *self);
gboolean       _hubs_store_is_own_backend          (HubsStore             *self,
                                                    int                    pid);
void           _hubs_store_reconnect_writer        (HubsStore             *self,
                                                    HubsStoreWriteDone     done,
                                                    gpointer               user_data);
gboolean       _hubs_store_defer_change            (HubsStore             *self,
                                                    const HubsStoreChange *change);
void           _hubs_store_stop_writer             (HubsStore             *self);
void           _hubs_store_notify_writing          (HubsStore             *self);

/* hubs-store.c */
HubsStoreChange *_hubs_store_change_copy          (const HubsStoreChange *change);
void           _hubs_store_change_free             (HubsStoreChange       *change);

/* hubs-store-notify.c */
#define HUBS_STORE_NOTIFY_CHANNEL "hubs_changes"
void           _hubs_store_set_up_notify           (HubsStore           *self);
void           _hubs_store_apply_notice            (HubsStore           *self,
                                                    const char          *payload);

/* hubs-store-network.c */
const char   *_hubs_store_find_network_file_system (const char   *path);
/* hubs-store-indicator.c */
gboolean      _hubs_store_write_plan_indicators   (HubsStore     *self,
                                                   HubsPlan      *plan,
                                                   GError       **error);
gboolean      _hubs_store_migrate_indicators      (HubsStore     *self,
                                                   GError       **error);

/* hubs-store-roles.c */
gboolean      _hubs_store_migrate_roles           (HubsStore     *self,
                                                   GError       **error);
gboolean      _hubs_store_read_administrator      (HubsStore     *self,
                                                   GError       **error);
gboolean      _hubs_store_read_grant              (HubsStore     *self,
                                                   GError       **error);
gboolean      _hubs_store_check_may_migrate       (HubsStore     *self,
                                                   GError       **error);
void          _hubs_store_set_denied_error        (GError       **error,
                                                   const char    *detail,
                                                   const char    *path);

/* hubs-store-plan-words.c */
gboolean      _hubs_store_migrate_plan_words      (HubsStore     *self,
                                                   GError       **error);

/* hubs-store-read.c */
HubsFigure   *_hubs_store_figure_from_columns     (HubsDbStmt    *stmt,
                                                   int            first);

/* hubs-store-write.c */
gboolean      _hubs_store_apply_figures_within    (HubsStore         *self,
                                                   GPtrArray         *figures,
                                                   guint             *n_changed,
                                                   GError           **error);
gboolean      _hubs_store_append_history_row      (HubsStore         *self,
                                                   const char        *hub_id,
                                                   const char        *kpi_id,
                                                   int                fiscal_year,
                                                   const char        *kind,
                                                   const char        *field,
                                                   const char        *old_value,
                                                   const char        *new_value,
                                                   GError           **error);
gboolean      _hubs_store_append_history_row_at   (HubsStore         *self,
                                                   const char        *hub_id,
                                                   const char        *kpi_id,
                                                   int                fiscal_year,
                                                   const char        *kind,
                                                   const char        *field,
                                                   const char        *old_value,
                                                   const char        *new_value,
                                                   const char        *changed_at,
                                                   GError           **error);
gboolean      _hubs_store_append_figure_history   (HubsStore         *self,
                                                   const char        *hub_id,
                                                   const char        *kpi_id,
                                                   int                fiscal_year,
                                                   HubsFigureKind     kind,
                                                   const HubsFigure  *old,
                                                   const HubsFigure  *new,
                                                   GError           **error);
gboolean      _hubs_store_append_kpi_history      (HubsStore         *self,
                                                   const char        *hub_id,
                                                   const char        *kpi_id,
                                                   const HubsKpi     *old,
                                                   const HubsKpi     *new,
                                                   GError           **error);
gboolean      _hubs_store_lock                    (HubsStore         *self,
                                                   const char        *what,
                                                   const char        *key,
                                                   GError           **error);
gboolean      _hubs_store_write_figure            (HubsStore         *self,
                                                   const HubsFigure  *figure,
                                                   GError           **error);
gboolean      _hubs_store_insert_hub              (HubsStore         *self,
                                                   const HubsHub     *hub,
                                                   GError           **error);
gboolean      _hubs_store_insert_kpi              (HubsStore         *self,
                                                   const HubsKpi     *kpi,
                                                   GError           **error);
gboolean      _hubs_store_insert_phase1_result    (HubsStore               *self,
                                                   const HubsPhase1Result  *result,
                                                   GError                 **error);

/* hubs-store.c */
void          _hubs_store_emit_change             (HubsStore              *self,
                                                   const HubsStoreChange  *change);
void          _hubs_store_emit_simple_change      (HubsStore              *self,
                                                   HubsStoreChangeKind     kind,
                                                   const char             *hub_id,
                                                   const char             *kpi_id);

G_END_DECLS
