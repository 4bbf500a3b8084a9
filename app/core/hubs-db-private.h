/* hubs-db-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a driver of hubs-db.h implements: one table of functions per engine, and the two
 * structs every connection and statement of that engine start with.
 */

#pragma once

#include "hubs-db.h"

G_BEGIN_DECLS

typedef struct
{
  HubsDbEngine  engine;

  void        (*close)               (HubsDb      *db);
  int         (*exec)                (HubsDb      *db,
                                      const char  *sql);
  int         (*prepare)             (HubsDb      *db,
                                      const char  *sql,
                                      HubsDbStmt **stmt);
  gboolean    (*in_transaction)      (HubsDb      *db);
  int         (*changes)             (HubsDb      *db);
  const char *(*errmsg)              (HubsDb      *db);
  int         (*read_identity)       (HubsDb      *db,
                                      int         *application_id,
                                      int         *user_version,
                                      int         *n_objects);
  char       *(*set_user_version_sql) (HubsDb     *db,
                                      int          version);

  void        (*stmt_finalize)       (HubsDbStmt  *stmt);
  void        (*stmt_reset)          (HubsDbStmt  *stmt);
  void        (*stmt_clear_bindings) (HubsDbStmt  *stmt);
  void        (*bind_text)           (HubsDbStmt  *stmt,
                                      int          param,
                                      const char  *text);
  void        (*bind_int)            (HubsDbStmt  *stmt,
                                      int          param,
                                      gint64       value);
  void        (*bind_double)         (HubsDbStmt  *stmt,
                                      int          param,
                                      double       value);
  void        (*bind_null)           (HubsDbStmt  *stmt,
                                      int          param);
  int         (*step)                (HubsDbStmt  *stmt);
  const char *(*column_text)         (HubsDbStmt  *stmt,
                                      int          column);
  gint64      (*column_int)          (HubsDbStmt  *stmt,
                                      int          column);
  double      (*column_double)       (HubsDbStmt  *stmt,
                                      int          column);
  gboolean    (*column_is_null)      (HubsDbStmt  *stmt,
                                      int          column);
} HubsDbDriver;

struct _HubsDb
{
  const HubsDbDriver *driver;
  /* Held by the thread using the connection: see hubs_db_lock(). */
  GRecMutex           lock;
};

struct _HubsDbStmt
{
  HubsDb *db;
};

void _hubs_db_init  (HubsDb             *db,
                    const HubsDbDriver *driver);
void _hubs_db_clear (HubsDb             *db);

G_END_DECLS
