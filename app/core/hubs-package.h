/* hubs-package.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-cycle.h"
#include "hubs-model.h"

G_BEGIN_DECLS

#define HUBS_PACKAGE_ERROR (hubs_package_error_quark ())

/**
 * HubsPackageError:
 * @HUBS_PACKAGE_ERROR_NOT_PACKAGE: the file is not a Hubs submission or answer (not SQLite,
 *   or another kind of file), or it is truncated
 * @HUBS_PACKAGE_ERROR_ALTERED: its contents do not match the checksum it carries
 * @HUBS_PACKAGE_ERROR_TOO_NEW: a newer version of Hubs wrote it
 * @HUBS_PACKAGE_ERROR_TOO_LARGE: it is far larger than any submission
 */
typedef enum
{
  HUBS_PACKAGE_ERROR_NOT_PACKAGE,
  HUBS_PACKAGE_ERROR_ALTERED,
  HUBS_PACKAGE_ERROR_TOO_NEW,
  HUBS_PACKAGE_ERROR_TOO_LARGE,
} HubsPackageError;

/**
 * HubsPackageKind:
 * @HUBS_PACKAGE_SUBMISSION: a consortium's figures for one hub and fiscal year, sent to the
 *   Cabinet Office
 * @HUBS_PACKAGE_ANSWER: the Cabinet Office's answer: the year accepted or returned
 */
typedef enum
{
  HUBS_PACKAGE_SUBMISSION,
  HUBS_PACKAGE_ANSWER,
} HubsPackageKind;

/* The format this build writes; a file of a later one is refused. */
#define HUBS_PACKAGE_FORMAT_VERSION 1

/* One figure of a submission, and the figure it replaces as last exchanged (the base the
 * receiver compares its own with), or %NULL when none was sent before. */
typedef struct
{
  HubsFigure *figure;
  HubsFigure *base;
} HubsPackageFigure;

typedef struct
{
  HubsPackageKind  kind;
  int              format_version;
  char            *hubs_version;
  int              schema_version;
  char            *hub_id;
  char            *hub_name_ja;
  char            *hub_name_en;
  int              fiscal_year;
  char            *created_at;
  char            *created_by;
  char            *organisation;
  /* An answer: accepted or returned, and why. */
  HubsYearStateKind state;
  char            *reason;
  /* A submission: its figures (HubsPackageFigure), explanations (HubsExplanation) and the
   * KPIs they belong to (HubsKpi, with their names and units). */
  GPtrArray       *figures;
  GPtrArray       *explanations;
  GPtrArray       *kpis;
} HubsPackage;

GQuark       hubs_package_error_quark (void);
HubsPackage *hubs_package_new         (HubsPackageKind   kind,
                                       const char       *hub_id,
                                       int               fiscal_year);
void         hubs_package_free        (HubsPackage      *package);
void         hubs_package_add_figure  (HubsPackage      *package,
                                       const HubsFigure *figure,
                                       const HubsFigure *base);
GBytes      *hubs_package_to_bytes    (const HubsPackage *package,
                                       GError          **error);
HubsPackage *hubs_package_new_from_bytes (GBytes        *bytes,
                                          GError       **error);
HubsPackage *hubs_package_new_from_file  (const char    *path,
                                          GError       **error);
const HubsPackageFigure *hubs_package_lookup_figure (const HubsPackage *package,
                                                     const char        *kpi_id,
                                                     int                fiscal_year,
                                                     HubsFigureKind     kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsPackage, hubs_package_free)

G_END_DECLS
