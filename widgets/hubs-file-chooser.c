/* hubs-file-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where the window and its dialogs ask for a file to save to or to open: the
 * portal's (or GTK's) own chooser, with the file types the command writes or reads.
 */

#define G_LOG_DOMAIN "hubs-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-file-chooser.h"

typedef struct
{
  GWeakRef           owner;
  HubsFileChosenFunc func;
  gpointer           user_data;
  GDestroyNotify     destroy;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_weak_ref_clear (&request->owner);
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             Request         *request)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&request->owner);
  g_autoptr(GFile) file = NULL;

  /* The window or dialog that asked may be gone: then nobody wants the file. */
  if (response == GTK_RESPONSE_ACCEPT && owner != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    request->func (owner, file, request->user_data);

  g_object_unref (chooser);
}

/**
 * hubs_file_chooser_run:
 * @parent: (nullable): the window the chooser belongs to
 * @action: %GTK_FILE_CHOOSER_ACTION_SAVE or %GTK_FILE_CHOOSER_ACTION_OPEN
 * @title: the chooser's title
 * @accept_label: its button that accepts (“_Export”, “_Save”, “_Import”)
 * @current_name: (nullable): the name offered, when saving
 * @filter_name: (nullable): what the files of @pattern are, for the chooser's list of types
 * @pattern: (nullable): the file names shown, such as `*.hubs`
 * @owner: (type GObject): the object that asks; @func is not called once it is finalized
 * @func: what to do with the file chosen
 * @user_data: (closure func): data for @func
 * @destroy: (nullable): frees @user_data once the chooser is gone
 *
 * Asks for a file without blocking; @func gets it.
 */
void
hubs_file_chooser_run (GtkWindow            *parent,
                       GtkFileChooserAction  action,
                       const char           *title,
                       const char           *accept_label,
                       const char           *current_name,
                       const char           *filter_name,
                       const char           *pattern,
                       gpointer              owner,
                       HubsFileChosenFunc    func,
                       gpointer              user_data,
                       GDestroyNotify        destroy)
{
  GtkFileChooserNative *chooser;
  Request *request;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (func != NULL);

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (pattern != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);

  request = g_new0 (Request, 1);
  g_weak_ref_init (&request->owner, owner);
  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;
  g_object_set_data_full (G_OBJECT (chooser), "hubs-request", request, request_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
