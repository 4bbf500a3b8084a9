/* hubs-export-xlsx.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-format.h"
#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_EXPORT_XLSX_ERROR (hubs_export_xlsx_error_quark ())

/**
 * HubsExportXlsxError:
 * @HUBS_EXPORT_XLSX_ERROR_WRITE: the workbook could not be written
 */
typedef enum
{
  HUBS_EXPORT_XLSX_ERROR_WRITE,
} HubsExportXlsxError;

/* The longest sheet name Excel accepts, in characters. */
#define HUBS_EXPORT_XLSX_MAX_SHEET_NAME 31

/* The rows above a hub sheet's table: its title, what it shows and as of when, a gap. The
 * table's header is the row after them, and the rows down to it stay in view. */
#define HUBS_EXPORT_XLSX_HEADER_ROW 3

GQuark   hubs_export_xlsx_error_quark (void);
char    *hubs_export_xlsx_sheet_name  (const char    *name,
                                       GHashTable    *taken);
gboolean hubs_export_xlsx_to_path     (HubsStore     *store,
                                       const char    *hub_id,
                                       const char    *path,
                                       HubsLanguage   language,
                                       GDateTime     *as_of,
                                       GError       **error);

G_END_DECLS
