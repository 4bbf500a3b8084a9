/* hubs-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a command writes the file it is given. A regular file (or a new one) is written
 * under a temporary name and renamed into place, so a failure never leaves half a file; but
 * renaming over `/dev/null`, a FIFO or a terminal would replace it with a plain file, so
 * those are opened and written directly. A symbolic link is followed, so the link stays and
 * its target is written. A folder is refused.
 */

#define G_LOG_DOMAIN "hubs-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-output.h"

/* As the kernel does: more links than this in a row is a loop. */
#define MAX_LINKS 40

/* Follows @path while it is a symbolic link, to the path of the file it names, which may
 * not exist yet. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint n = 0; n < MAX_LINKS; n++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      if (!(target = g_file_read_link (current, &local_error)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       /* Translators: %1$s is a file, %2$s why it cannot be read */
                       _("The link “%1$s” cannot be read: %2$s"), path, local_error->message);
          return NULL;
        }

      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
               /* Translators: %s is a file */
               _("“%s” is a symbolic link that leads round in a loop."), path);
  return NULL;
}

/**
 * hubs_output_is_stream:
 * @path: a file name given on the command line
 *
 * Returns: %TRUE when @path names standard output (`-` or `/dev/stdout`)
 */
gboolean
hubs_output_is_stream (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return g_str_equal (path, "-") || g_str_equal (path, "/dev/stdout");
}

/**
 * hubs_output_resolve:
 * @path: the file to write, as the user gave it
 * @target: (out) (transfer full): the file to write in fact: @path with its symbolic links
 *   followed
 * @kind: (out): how to write it
 * @error: a location for a #GError
 *
 * Decides how to write @path; see #HubsOutputKind. A folder, a socket or a block device is
 * refused with a message that names @path.
 *
 * Returns: %TRUE when @path can be written
 */
gboolean
hubs_output_resolve (const char      *path,
                     char           **target,
                     HubsOutputKind  *kind,
                     GError         **error)
{
  g_autofree char *resolved = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  *target = NULL;

  if (hubs_output_is_stream (path))
    {
      *kind = HUBS_OUTPUT_STDOUT;
      *target = g_strdup (path);
      return TRUE;
    }

  /* What the path leads to, links followed by the kernel: a pipe behind /dev/fd/1 has no
   * name to resolve to, but opens through the link. */
  if (g_stat (path, &st) == 0 && (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode)))
    {
      *kind = HUBS_OUTPUT_DIRECT;
      *target = g_strdup (path);
      return TRUE;
    }

  if (!(resolved = resolve_links (path, error)))
    return FALSE;

  if (g_stat (resolved, &st) != 0)
    {
      int errsv = errno;

      if (errsv != ENOENT)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       /* Translators: %1$s is a file, %2$s why it cannot be used */
                       _("“%1$s” cannot be written: %2$s."), path, g_strerror (errsv));
          return FALSE;
        }
      *kind = HUBS_OUTPUT_REPLACE;
    }
  else if (S_ISREG (st.st_mode))
    *kind = HUBS_OUTPUT_REPLACE;
  else if (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode))
    *kind = HUBS_OUTPUT_DIRECT;
  else if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* Translators: %s is what was given as the file to write */
                   _("“%s” is a folder; give a file name to write to."), path);
      return FALSE;
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   /* Translators: %s is what was given as the file to write */
                   _("“%s” is neither a file, a pipe nor a character device, so nothing is "
                     "written to it."),
                   path);
      return FALSE;
    }

  *target = g_steal_pointer (&resolved);
  return TRUE;
}

/**
 * hubs_output_open_direct:
 * @target: a target from hubs_output_resolve()
 * @kind: %HUBS_OUTPUT_DIRECT or %HUBS_OUTPUT_STDOUT
 * @error: a location for a #GError
 *
 * Opens a FIFO, a device or standard output for writing. Opening a FIFO waits until a
 * reader opens it too.
 *
 * Returns: (transfer full): the stream, or %NULL with @error set
 */
GOutputStream *
hubs_output_open_direct (const char      *target,
                         HubsOutputKind   kind,
                         GError         **error)
{
  int fd;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (kind != HUBS_OUTPUT_REPLACE, NULL);

  if (kind == HUBS_OUTPUT_STDOUT)
    return g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  do
    fd = g_open (target, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  while (fd < 0 && errno == EINTR);

  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("“%1$s” cannot be written: %2$s."), target, g_strerror (errsv));
      return NULL;
    }

  return g_unix_output_stream_new (fd, TRUE);
}

struct _HubsOutputFile
{
  char           *path;
  GOutputStream  *stream;
  GCancellable   *abort;
  GError         *error;
  HubsOutputKind  kind;
};

/**
 * hubs_output_file_open:
 * @path: the file to write, as the user gave it
 * @error: a location for a #GError
 *
 * Opens @path for writing the way hubs_output_resolve() decides: a regular or new file
 * through a temporary file that takes its place only when hubs_output_file_close() is told
 * to keep it, a FIFO, a device or standard output directly.
 *
 * Returns: (transfer full): the file being written, or %NULL with a message naming @path
 */
HubsOutputFile *
hubs_output_file_open (const char  *path,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  HubsOutputFile *self;
  HubsOutputKind kind;

  g_return_val_if_fail (path != NULL, NULL);

  if (!hubs_output_resolve (path, &target, &kind, error))
    return NULL;

  self = g_new0 (HubsOutputFile, 1);
  self->path = g_strdup (path);
  self->kind = kind;
  self->abort = g_cancellable_new ();

  if (kind == HUBS_OUTPUT_REPLACE)
    {
      g_autoptr(GFile) file = g_file_new_for_path (target);

      /* GIO writes into a temporary file beside it and renames it over the target when
       * the stream closes, unless the close is cancelled. */
      self->stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                      NULL, &local_error));
    }
  else
    self->stream = hubs_output_open_direct (target, kind, &local_error);

  if (self->stream == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   /* Translators: %1$s is a file name, %2$s the reason, e.g. "Permission denied" */
                   _("Cannot write “%1$s”: %2$s"), path, local_error->message);
      hubs_output_file_free (self);
      return NULL;
    }

  return self;
}

/**
 * hubs_output_file_write:
 * @self: a #HubsOutputFile
 * @data: (array length=length): bytes to write
 * @length: how many
 *
 * Writes @data, or remembers why it could not: the first failure is what
 * hubs_output_file_close() reports, and everything after it is ignored.
 *
 * Returns: %TRUE while nothing has failed
 */
gboolean
hubs_output_file_write (HubsOutputFile *self,
                        const void     *data,
                        gsize           length)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->error != NULL)
    return FALSE;

  return g_output_stream_write_all (self->stream, data, length, NULL, NULL, &self->error);
}

/**
 * hubs_output_file_close:
 * @self: (transfer full): a #HubsOutputFile
 * @keep: %TRUE to finish the file; %FALSE when what was written is incomplete
 * @reason: (nullable): why the file is not kept, for the message
 * @error: a location for a #GError
 *
 * Finishes and frees the file. When @keep is %FALSE or a write failed, a replacement is
 * thrown away and whatever was at the path stays as it was.
 *
 * Returns: %TRUE when the file was written whole
 */
gboolean
hubs_output_file_close (HubsOutputFile  *self,
                        gboolean         keep,
                        const char      *reason,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (keep && self->error == NULL)
    ok = g_output_stream_close (self->stream, NULL, &local_error);
  else
    {
      g_cancellable_cancel (self->abort);
      g_output_stream_close (self->stream, self->abort, NULL);
      ok = FALSE;
    }

  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %1$s is a file name, %2$s the reason, e.g. "Permission denied" */
                 _("Cannot write “%1$s”: %2$s"), self->path,
                 self->error != NULL ? self->error->message
                 : local_error != NULL ? local_error->message
                 : reason != NULL ? reason : g_strerror (EIO));

  hubs_output_file_free (self);

  return ok;
}

/**
 * hubs_output_file_free:
 * @self: (transfer full): a #HubsOutputFile
 *
 * Frees @self; a replacement not closed with hubs_output_file_close() is thrown away.
 */
void
hubs_output_file_free (HubsOutputFile *self)
{
  if (self == NULL)
    return;

  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    {
      g_cancellable_cancel (self->abort);
      g_output_stream_close (self->stream, self->abort, NULL);
    }
  g_clear_object (&self->stream);
  g_clear_object (&self->abort);
  g_clear_error (&self->error);
  g_free (self->path);
  g_free (self);
}
