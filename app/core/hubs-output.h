/* hubs-output.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * HubsOutputKind:
 * @HUBS_OUTPUT_REPLACE: a regular file, or none yet: write a temporary file beside it and
 *   rename it into place
 * @HUBS_OUTPUT_DIRECT: a FIFO or a character device (`/dev/null`, a terminal): open it and
 *   write, never rename over it
 * @HUBS_OUTPUT_STDOUT: `-` or `/dev/stdout`: write to standard output
 *
 * How a file given as an output is written.
 */
typedef enum
{
  HUBS_OUTPUT_REPLACE,
  HUBS_OUTPUT_DIRECT,
  HUBS_OUTPUT_STDOUT,
} HubsOutputKind;

gboolean       hubs_output_resolve     (const char      *path,
                                        char           **target,
                                        HubsOutputKind  *kind,
                                        GError         **error);
GOutputStream *hubs_output_open_direct (const char      *target,
                                        HubsOutputKind   kind,
                                        GError         **error);
gboolean       hubs_output_is_stream   (const char      *path);

typedef struct _HubsOutputFile HubsOutputFile;

HubsOutputFile *hubs_output_file_open  (const char      *path,
                                        GError         **error);
gboolean       hubs_output_file_write  (HubsOutputFile  *self,
                                        const void      *data,
                                        gsize            length);
gboolean       hubs_output_file_close  (HubsOutputFile  *self,
                                        gboolean         keep,
                                        const char      *reason,
                                        GError         **error);
void           hubs_output_file_free   (HubsOutputFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsOutputFile, hubs_output_file_free)

G_END_DECLS
