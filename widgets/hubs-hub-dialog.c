/* hubs-hub-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds a hub city or edits one: its names, consortium, slogan, members, tier and type.
 */

#define G_LOG_DOMAIN "hubs-hub-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-members.h"
#include "hubs-hub-dialog.h"

struct _HubsHubDialog
{
  AdwWindow    parent_instance;

  /* Children */
  GHashTable  *fields;
  AdwComboRow *tier;
  AdwComboRow *type;
  GtkLabel    *error;
  GtkButton   *save;
  GtkWidget   *form;

  /* Owned references */
  HubsUndoStack *undo;
  HubsHub     *hub;

  /* State */
  guint        is_new : 1;
};

G_DEFINE_FINAL_TYPE (HubsHubDialog, hubs_hub_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *field;
  const char *title;
} text_fields[] = {
  { "name_ja", N_("Name in Japanese") },
  { "name_en", N_("Name in English") },
  { "consortium_ja", N_("Consortium in Japanese") },
  { "consortium_en", N_("Consortium in English") },
  { "slogan_ja", N_("Slogan in Japanese") },
  { "slogan_en", N_("Slogan in English") },
  { "members_ja", N_("Members in Japanese, separated by 、") },
  { "members_en", N_("Members in English, separated by commas") },
};

static char **
hub_field (HubsHub    *hub,
           const char *field)
{
  if (g_str_equal (field, "name_ja")) return &hub->name_ja;
  if (g_str_equal (field, "name_en")) return &hub->name_en;
  if (g_str_equal (field, "consortium_ja")) return &hub->consortium_ja;
  if (g_str_equal (field, "consortium_en")) return &hub->consortium_en;
  if (g_str_equal (field, "slogan_ja")) return &hub->slogan_ja;
  if (g_str_equal (field, "slogan_en")) return &hub->slogan_en;
  if (g_str_equal (field, "members_ja")) return &hub->members_ja;
  return &hub->members_en;
}

/* Says why the hub was not saved, and takes the form back for another try. */
static void
show_error (HubsHubDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
  gtk_button_set_label (self->save, _("_Save"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save), TRUE);
  gtk_widget_set_sensitive (self->form, TRUE);
}

static void
on_stored (HubsUndoStack *undo,
           const char    *hub_id,
           const GError  *error,
           gpointer       data)
{
  g_autoptr(HubsHubDialog) self = data;

  /* Closed meanwhile: the sidebar follows the live model all the same. */
  if (self->undo == NULL)
    return;

  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, hub_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * hubs_hub_dialog_save:
 * @self: a #HubsHubDialog
 *
 * Stores what the form says, as the Save button does. The dialog says 保存中… / Saving…
 * until the hub is stored (on a shared database, by the store's writer), then emits
 * HubsHubDialog::saved and closes; or it stays open and says why the hub was not saved.
 */
void
hubs_hub_dialog_save (HubsHubDialog *self)
{
  g_autoptr(HubsHub) hub = NULL;

  g_return_if_fail (HUBS_IS_HUB_DIALOG (self));

  hub = hubs_hub_copy (self->hub);

  /* Members are one a line in the store and one line, separated, in the field; a closing
   * 等 or "and others" in either language says the list names only some. */
  hub->members_more = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkEditable *row = g_hash_table_lookup (self->fields, text_fields[i].field);
      char **value = hub_field (hub, text_fields[i].field);
      const char *text = gtk_editable_get_text (row);
      gboolean more = FALSE;

      g_free (*value);
      *value = g_str_has_prefix (text_fields[i].field, "members")
               ? hubs_members_from_text (text, &more) : g_strstrip (g_strdup (text));
      hub->members_more |= more;
    }

  hub->tier = adw_combo_row_get_selected (self->tier);
  hub->type = adw_combo_row_get_selected (self->type);

  /* An added hub gets its id from its English name as it is written. */
  if (self->is_new)
    g_clear_pointer (&hub->id, g_free);

  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_button_set_label (self->save, _("Saving…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save), FALSE);
  gtk_widget_set_sensitive (self->form, FALSE);
  hubs_undo_stack_save_hub_async (self->undo, self->is_new ? NULL : self->hub, hub, on_stored,
                                  g_object_ref (self));
}

static void
hubs_hub_dialog_dispose (GObject *object)
{
  HubsHubDialog *self = (HubsHubDialog *)object;

  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->hub, hubs_hub_free);

  G_OBJECT_CLASS (hubs_hub_dialog_parent_class)->dispose (object);
}

static void
hubs_hub_dialog_class_init (HubsHubDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hubs_hub_dialog_dispose;

  /**
   * HubsHubDialog::saved:
   * @self: a #HubsHubDialog
   * @hub_id: the hub that was saved
   *
   * Emitted after the hub was stored.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static AdwComboRow *
add_choice (AdwPreferencesGroup *group,
            const char          *title,
            const char * const  *choices,
            guint                selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (group, row);

  return ADW_COMBO_ROW (row);
}

static void
hubs_hub_dialog_init (HubsHubDialog *self)
{
  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

/**
 * hubs_hub_dialog_new:
 * @parent: the main window
 * @undo: the undo stack the change goes through, so Ctrl+Z takes it back
 * @hub: (nullable): the hub to edit, or %NULL to add one
 *
 * Returns: (transfer full): the dialog
 */
GtkWidget *
hubs_hub_dialog_new (GtkWindow     *parent,
                     HubsUndoStack *undo,
                     const HubsHub *hub)
{
  const char *tiers[] = { hubs_tier_get_label (HUBS_TIER_GLOBAL),
                          hubs_tier_get_label (HUBS_TIER_NEXT_GLOBAL), NULL };
  const char *types[] = { _("Not given"), hubs_hub_type_get_label (HUBS_HUB_TYPE_WIDE_AREA),
                          hubs_hub_type_get_label (HUBS_HUB_TYPE_CORE_CITY), NULL };
  HubsHubDialog *self;
  GtkWidget *box, *header, *save, *cancel, *page, *scroller;
  AdwPreferencesGroup *group;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (undo), NULL);

  self = g_object_new (HUBS_TYPE_HUB_DIALOG, "transient-for", parent, NULL);
  self->undo = g_object_ref (undo);
  self->is_new = hub == NULL;
  self->hub = hub ? hubs_hub_copy (hub) : hubs_hub_new ();

  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("Add Hub City") : _("Edit Hub City"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (hubs_hub_dialog_save), self);
  self->save = GTK_BUTTON (save);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error));

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  page = adw_preferences_page_new ();
  self->form = page;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
  gtk_box_append (GTK_BOX (box), scroller);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      char **value = hub_field (self->hub, text_fields[i].field);
      g_autofree char *text = NULL;

      if (g_str_has_prefix (text_fields[i].field, "members"))
        text = hubs_members_to_text (*value, self->hub->members_more,
                                     g_str_has_suffix (text_fields[i].field, "ja")
                                     ? HUBS_LANGUAGE_JA : HUBS_LANGUAGE_EN);
      else
        text = g_strdup (*value ? *value : "");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(text_fields[i].title));
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      g_hash_table_insert (self->fields, (gpointer) text_fields[i].field, row);
      adw_preferences_group_add (group, row);
    }

  self->tier = add_choice (group, _("Tier"), tiers, self->hub->tier);
  self->type = add_choice (group, _("Type"), types, self->hub->type);

  adw_window_set_content (ADW_WINDOW (self), box);

  return GTK_WIDGET (self);
}

/**
 * hubs_hub_dialog_set_field:
 * @self: a #HubsHubDialog
 * @field: a field such as `name_en` or `members_ja`
 * @text: what to type into it
 *
 * Types into one of the form's fields.
 */
void
hubs_hub_dialog_set_field (HubsHubDialog *self,
                           const char    *field,
                           const char    *text)
{
  GtkEditable *row;

  g_return_if_fail (HUBS_IS_HUB_DIALOG (self));

  row = g_hash_table_lookup (self->fields, field);
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (row, text);
}
