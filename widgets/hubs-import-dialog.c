/* hubs-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures in from a spreadsheet: choose a CSV file, see what it would change (new, changed
 * and unchanged figures, each error with its line and column, the columns left out), and
 * import it, all or nothing. Import stays disabled while the file has any error. Changes to
 * baselines and targets (the plan) are listed apart and imported only when “Also change the
 * plan” is ticked.
 */

#define G_LOG_DOMAIN "hubs-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-format.h"
#include "hubs-import.h"
#include "hubs-import-dialog.h"
#include "hubs-store-writer.h"
#include "hubs-store-roles.h"

/* A preview lists at most this many rows of each kind; the counts say the rest. */
#define MAX_ROWS 500

struct _HubsImportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkLabel             *status_label;
  GtkButton            *import_button;
  AdwPreferencesPage   *preview_page;
  AdwActionRow         *file_row;
  GtkLabel             *new_label;
  GtkLabel             *changed_label;
  GtkLabel             *unchanged_label;
  AdwActionRow         *ignored_row;

  /* Owned references */
  HubsStore            *store;
  HubsImportPlan       *plan;
  GtkFileChooserNative *chooser;

  /* Groups built for the current plan */
  AdwPreferencesGroup  *errors_group;
  AdwPreferencesGroup  *changes_group;
  AdwPreferencesGroup  *plan_group;

  /* State */
  guint                 allow_plan_changes : 1;
  /* The plan is being written (on a shared database, by the store's writer): it stays as
   * it is until then. */
  guint                 applying : 1;
  guint                 closed : 1;
};

G_DEFINE_FINAL_TYPE (HubsImportDialog, hubs_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ALLOW_PLAN_CHANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_status (HubsImportDialog *self,
             const char       *message,
             gboolean          is_error)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static char *
describe_value (const HubsFigure *figure,
                const HubsKpi    *kpi,
                HubsLanguage      lang)
{
  if (!figure->measured)
    return g_strdup (_("not measured"));

  return hubs_format_kpi_value (kpi, figure->value, lang);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);

  return row;
}

static void
add_more_row (AdwPreferencesGroup *group,
              guint                n_more)
{
  g_autofree char *title =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more.", "And %u more.", n_more),
                     n_more);

  adw_preferences_group_add (group, make_row (title, NULL, NULL));
}

static void
clear_groups (HubsImportDialog *self)
{
  if (self->errors_group != NULL)
    adw_preferences_page_remove (self->preview_page, self->errors_group);
  if (self->changes_group != NULL)
    adw_preferences_page_remove (self->preview_page, self->changes_group);
  if (self->plan_group != NULL)
    adw_preferences_page_remove (self->preview_page, self->plan_group);
  self->errors_group = NULL;
  self->changes_group = NULL;
  self->plan_group = NULL;
}

static void
build_errors_group (HubsImportDialog *self)
{
  GPtrArray *problems = hubs_import_plan_get_problems (self->plan);

  if (problems->len == 0)
    return;

  self->errors_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->errors_group, _("Errors"));
  adw_preferences_group_set_description (self->errors_group,
                                         _("Correct these in the spreadsheet, save it, and "
                                           "choose it again. Nothing is imported while the "
                                           "file has errors."));

  for (guint i = 0; i < problems->len && i < MAX_ROWS; i++)
    {
      const HubsCsvProblem *problem = g_ptr_array_index (problems, i);
      /* Translators: where an error is in a CSV file */
      g_autofree char *title = g_strdup_printf (_("Line %1$u, column %2$u"),
                                                problem->line, problem->column);

      adw_preferences_group_add (self->errors_group,
                                 make_row (title, problem->message, "dialog-error-symbolic"));
    }
  if (hubs_import_plan_get_n_problems (self->plan) > MIN (problems->len, MAX_ROWS))
    add_more_row (self->errors_group,
                  hubs_import_plan_get_n_problems (self->plan) - MIN (problems->len, MAX_ROWS));

  adw_preferences_page_add (self->preview_page, self->errors_group);
}

/* Which figure a change is about: its KPI, fiscal year and kind. */
static char *
describe_figure (const HubsImportChange *change,
                 HubsLanguage            lang)
{
  const HubsKpi *kpi = change->kpi;
  const char *name = lang == HUBS_LANGUAGE_JA ? kpi->name_ja : kpi->name_en;
  g_autofree char *year = hubs_format_fiscal_year (change->figure->fiscal_year, lang);

  /* Translators: %1$s is a KPI name, %2$s a fiscal year, %3$s actual, target or baseline */
  return g_strdup_printf (_("%1$s: %2$s, %3$s"), name, year,
                          hubs_figure_kind_get_label (change->figure->kind));
}

static void
build_changes_group (HubsImportDialog *self)
{
  GPtrArray *changes = hubs_import_plan_get_changes (self->plan);
  HubsLanguage lang = hubs_language_current ();
  guint shown = 0;
  guint total = 0;

  self->changes_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->changes_group, _("New and Changed Figures"));

  for (guint i = 0; i < changes->len; i++)
    {
      const HubsImportChange *change = g_ptr_array_index (changes, i);
      const HubsKpi *kpi = change->kpi;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *new_value = NULL;
      g_autofree char *old_value = NULL;

      if (change->kind == HUBS_IMPORT_UNCHANGED || change->changes_plan)
        continue;

      if (++total > MAX_ROWS)
        continue;

      title = describe_figure (change, lang);
      new_value = describe_value (change->figure, kpi, lang);

      if (change->kind == HUBS_IMPORT_NEW)
        /* Translators: %1$s is a figure; %2$u and %3$u are where it is in the file */
        subtitle = g_strdup_printf (_("New: %1$s (line %2$u, column %3$u)"),
                                    new_value, change->line, change->column);
      else
        {
          old_value = describe_value (change->old, kpi, lang);
          /* Translators: %1$s is the figure in the database, %2$s the file's; %3$u and
           * %4$u are where it is in the file */
          subtitle = g_strdup_printf (_("%1$s → %2$s (line %3$u, column %4$u)"),
                                      old_value, new_value, change->line, change->column);
        }

      /* A figure far from the plan is imported, but the preview says so under it. */
      if (change->warning != NULL)
        {
          g_autofree char *with_warning = NULL;

          /* Translators: a change in the preview, then why the figure looks wrong */
          with_warning = g_strdup_printf (_("%1$s\n⚠ %2$s"), subtitle, change->warning);
          g_free (subtitle);
          subtitle = g_steal_pointer (&with_warning);
        }

      adw_preferences_group_add (self->changes_group,
                                 make_row (title, subtitle,
                                           change->kind == HUBS_IMPORT_NEW
                                           ? "list-add-symbolic"
                                           : "document-edit-symbolic"));
      shown++;
    }

  if (total > shown)
    add_more_row (self->changes_group, total - shown);

  if (total == 0)
    adw_preferences_group_set_description (self->changes_group,
                                           _("The file holds no actual figure that differs "
                                             "from the database."));

  adw_preferences_page_add (self->preview_page, self->changes_group);
}

/* Baselines and targets the file would add or change, apart from the actuals: a typo of
 * 300 → 3,000 in a target must not pass as one more change among the year's figures. */
static void
build_plan_group (HubsImportDialog *self)
{
  GPtrArray *changes = hubs_import_plan_get_changes (self->plan);
  HubsLanguage lang = hubs_language_current ();
  const char *denied;
  GtkWidget *check;
  GtkWidget *row;
  guint shown = 0;
  guint total = 0;

  if (hubs_import_plan_count_plan_changes (self->plan) == 0)
    return;

  self->plan_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->plan_group, _("Changes to the Plan"));
  adw_preferences_group_set_description (self->plan_group,
                                         _("The file adds or changes these baselines and "
                                           "targets. They stay as they are unless “Also "
                                           "change the plan” is ticked; the actual figures "
                                           "are imported either way."));

  check = gtk_check_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "import.allow-plan-changes");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* A role of a shared database that may not change the plan is told so here, once. */
  denied = hubs_store_describe_plan_rights (self->store);
  row = make_row (_("Also change the plan"), denied, NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_sensitive (row, denied == NULL);
  adw_preferences_group_add (self->plan_group, row);

  for (guint i = 0; i < changes->len; i++)
    {
      const HubsImportChange *change = g_ptr_array_index (changes, i);
      const HubsKpi *kpi = change->kpi;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *new_value = NULL;
      g_autofree char *old_value = NULL;

      if (!change->changes_plan)
        continue;

      if (++total > MAX_ROWS)
        continue;

      title = describe_figure (change, lang);
      new_value = describe_value (change->figure, kpi, lang);

      if (change->kind == HUBS_IMPORT_NEW)
        /* Translators: %1$s is a baseline or target; %2$u and %3$u are where it is in the
         * file */
        subtitle = g_strdup_printf (_("Plan change, new: %1$s (line %2$u, column %3$u)"),
                                    new_value, change->line, change->column);
      else
        {
          old_value = describe_value (change->old, kpi, lang);
          /* Translators: %1$s is the baseline or target in the database, %2$s the file's;
           * %3$u and %4$u are where it is in the file */
          subtitle = g_strdup_printf (_("Plan change: %1$s → %2$s (line %3$u, column %4$u)"),
                                      old_value, new_value, change->line, change->column);
        }

      adw_preferences_group_add (self->plan_group,
                                 make_row (title, subtitle, "dialog-warning-symbolic"));
      shown++;
    }

  if (total > shown)
    add_more_row (self->plan_group, total - shown);

  adw_preferences_page_add (self->preview_page, self->plan_group);
}

/* How many figures Import writes: the actuals, and the plan's changes when allowed. */
static guint
count_to_apply (HubsImportDialog *self)
{
  guint n_plan = hubs_import_plan_count_plan_changes (self->plan);
  guint n_all = hubs_import_plan_get_changes (self->plan)->len;

  return self->allow_plan_changes ? n_all : n_all - n_plan;
}

static void
update_import_action (HubsImportDialog *self)
{
  gboolean can_import = self->plan != NULL &&
                        !self->applying &&
                        !hubs_import_plan_has_problems (self->plan) &&
                        count_to_apply (self) > 0 &&
                        !hubs_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !self->applying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.allow-plan-changes",
                                 !self->applying);
}

static void
update_status (HubsImportDialog *self)
{
  guint n_changes = hubs_import_plan_get_changes (self->plan)->len;
  guint n_apply = count_to_apply (self);

  if (hubs_import_plan_get_n_problems (self->plan) > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The file has %u error. Nothing can be imported until "
                                      "it is corrected.",
                                      "The file has %u errors. Nothing can be imported until "
                                      "they are corrected.",
                                      hubs_import_plan_get_n_problems (self->plan)),
                         hubs_import_plan_get_n_problems (self->plan));

      show_status (self, message, TRUE);
    }
  else if (hubs_store_is_read_only (self->store))
    show_status (self, _("The database is open for viewing only, so nothing can be "
                         "imported."), TRUE);
  else if (n_changes == 0)
    show_status (self, _("Every figure in the file is already in the database."), FALSE);
  else if (n_apply == 0)
    show_status (self, _("The file changes only the plan. Tick “Also change the plan” to "
                         "import it."), FALSE);
  else
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Ready to import %u figure. A backup of the database "
                                      "is taken first.",
                                      "Ready to import %u figures. A backup of the database "
                                      "is taken first.",
                                      n_apply),
                         n_apply);

      show_status (self, message, FALSE);
    }

  update_import_action (self);
}

/* What “Also change the plan” says (the allow-plan-changes property). Loading another file
 * unticks it. */
static void
set_allow_plan_changes (HubsImportDialog *self,
                                           gboolean          allow)
{
  allow = !!allow;
  if (self->allow_plan_changes == allow)
    return;

  self->allow_plan_changes = allow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_PLAN_CHANGES]);

  if (self->plan != NULL)
    update_status (self);
}

static void
show_plan (HubsImportDialog *self,
           GFile            *file)
{
  const char * const *ignored = hubs_import_plan_get_ignored_columns (self->plan);
  guint n_new = hubs_import_plan_count (self->plan, HUBS_IMPORT_NEW);
  guint n_changed = hubs_import_plan_count (self->plan, HUBS_IMPORT_CHANGED);
  g_autofree char *where = g_file_get_parse_name (file);
  g_autofree char *file_subtitle = NULL;
  g_autofree char *count = NULL;

  /* Translators: %1$s is a file, %2$s its layout, %3$s its encoding */
  file_subtitle = g_strdup_printf (_("%1$s\n%2$s, %3$s"), where,
                                   hubs_import_layout_get_label (
                                     hubs_import_plan_get_layout (self->plan)),
                                   hubs_csv_encoding_get_label (
                                     hubs_import_plan_get_encoding (self->plan)));
  adw_action_row_set_subtitle (self->file_row, file_subtitle);

  count = g_strdup_printf ("%u", n_new);
  gtk_label_set_text (self->new_label, count);
  g_free (count);
  count = g_strdup_printf ("%u", n_changed);
  gtk_label_set_text (self->changed_label, count);
  g_free (count);
  count = g_strdup_printf ("%u", hubs_import_plan_count (self->plan, HUBS_IMPORT_UNCHANGED));
  gtk_label_set_text (self->unchanged_label, count);

  gtk_widget_set_visible (GTK_WIDGET (self->ignored_row), ignored[0] != NULL);
  if (ignored[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) ignored);

      adw_action_row_set_subtitle (self->ignored_row, list);
    }

  clear_groups (self);
  build_errors_group (self);
  build_changes_group (self);
  build_plan_group (self);
  update_status (self);

  gtk_stack_set_visible_child_name (self->stack, "preview");
}

/**
 * hubs_import_dialog_load_file:
 * @self: a #HubsImportDialog
 * @file: a CSV file
 *
 * Reads @file into a preview, as choosing it in the file chooser does. Nothing is written.
 *
 * Returns: %TRUE when the file could be read (it may still have errors, which the preview
 *   lists); %FALSE when it could not, with the reason shown in the dialog
 */
gboolean
hubs_import_dialog_load_file (HubsImportDialog *self,
                              GFile            *file)
{
  g_autoptr(HubsImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (HUBS_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The file being imported is kept until it is written. */
  if (self->applying)
    return FALSE;

  if (!(path = g_file_get_path (file)))
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, HUBS_IMPORT_ERROR, HUBS_IMPORT_ERROR_READ,
                   _("The file “%s” is not on this computer; copy it here first."), uri);
    }
  else
    plan = hubs_import_plan_new_for_path (self->store, path, &error);

  if (plan == NULL)
    {
      g_clear_pointer (&self->plan, hubs_import_plan_free);
      show_status (self, error->message, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "choose");
      update_import_action (self);
      return FALSE;
    }

  g_clear_pointer (&self->plan, hubs_import_plan_free);
  self->plan = g_steal_pointer (&plan);
  set_allow_plan_changes (self, FALSE);
  show_plan (self, file);

  return TRUE;
}

static void
on_chooser_response (HubsImportDialog     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    hubs_import_dialog_load_file (self, file);

  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HubsImportDialog *self = HUBS_IMPORT_DIALOG (widget);
  GtkFileFilter *csv = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_object_unref (csv);
  g_object_unref (all);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* What Import writes, and what it did. */
typedef struct
{
  HubsImportDialog     *dialog;
  HubsImportApplyFlags  flags;
  char                 *backup_path;
  guint                 n_applied;
} Applying;

static void
applying_free (gpointer data)
{
  Applying *applying = data;

  g_object_unref (applying->dialog);
  g_free (applying->backup_path);
  g_free (applying);
}

/* In the writer's thread on a shared database: the store's calls only, on a plan that
 * does not change meanwhile. */
static gboolean
write_plan (HubsStore  *store,
            gpointer    data,
            GError    **error)
{
  Applying *applying = data;

  return hubs_import_plan_apply_full (applying->dialog->plan, store, applying->flags,
                                      &applying->backup_path, &applying->n_applied, error);
}

static void
on_plan_written (HubsStore    *store,
                 gpointer      data,
                 const GError *error,
                 gpointer      user_data)
{
  Applying *applying = data;
  HubsImportDialog *self = applying->dialog;

  self->applying = FALSE;
  /* Closed meanwhile: the figures were still imported (or refused, and nothing changed). */
  if (self->closed)
    return;

  gtk_button_set_label (self->import_button, _("_Import"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_page), TRUE);
  update_import_action (self);
  if (error != NULL)
    {
      g_warning ("Import failed: %s", error->message);
      show_status (self, error->message, TRUE);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, applying->n_applied, applying->backup_path);
  gtk_window_close (GTK_WINDOW (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HubsImportDialog *self = HUBS_IMPORT_DIALOG (widget);
  Applying *applying;

  if (self->plan == NULL || self->applying)
    return;

  applying = g_new0 (Applying, 1);
  applying->dialog = g_object_ref (self);
  applying->flags = self->allow_plan_changes ? HUBS_IMPORT_APPLY_PLAN_CHANGES
                                             : HUBS_IMPORT_APPLY_DEFAULT;
  self->applying = TRUE;
  gtk_button_set_label (self->import_button, _("Saving…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_page), FALSE);
  update_import_action (self);
  hubs_store_write (self->store, write_plan, applying, applying_free, on_plan_written, NULL);
}

static void
hubs_import_dialog_dispose (GObject *object)
{
  HubsImportDialog *self = (HubsImportDialog *)object;

  self->closed = TRUE;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), HUBS_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (hubs_import_dialog_parent_class)->dispose (object);
}

static void
hubs_import_dialog_finalize (GObject *object)
{
  HubsImportDialog *self = (HubsImportDialog *)object;

  g_clear_pointer (&self->plan, hubs_import_plan_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hubs_import_dialog_parent_class)->finalize (object);
}

static void
hubs_import_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HubsImportDialog *self = HUBS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ALLOW_PLAN_CHANGES:
      g_value_set_boolean (value, self->allow_plan_changes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_import_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HubsImportDialog *self = HUBS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    case PROP_ALLOW_PLAN_CHANGES:
      set_allow_plan_changes (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_import_dialog_class_init (HubsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_import_dialog_dispose;
  object_class->finalize = hubs_import_dialog_finalize;
  object_class->get_property = hubs_import_dialog_get_property;
  object_class->set_property = hubs_import_dialog_set_property;

  /**
   * HubsImportDialog:store:
   *
   * The database the figures go into.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HUBS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * HubsImportDialog:allow-plan-changes:
   *
   * Whether Import writes the file's new and changed baselines and targets too (“Also
   * change the plan”), not only its actual figures.
   */
  properties[PROP_ALLOW_PLAN_CHANGES] =
    g_param_spec_boolean ("allow-plan-changes", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HubsImportDialog::imported:
   * @self: a #HubsImportDialog
   * @n_figures: how many figures were new or changed
   * @backup_path: the snapshot of the database taken before the import
   *
   * Emitted after the figures were written, just before the dialog closes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Hubs/ui/hubs-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HubsImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, HubsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, HubsImportDialog, preview_page);
  gtk_widget_class_bind_template_child (widget_class, HubsImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, HubsImportDialog, new_label);
  gtk_widget_class_bind_template_child (widget_class, HubsImportDialog, changed_label);
  gtk_widget_class_bind_template_child (widget_class, HubsImportDialog, unchanged_label);
  gtk_widget_class_bind_template_child (widget_class, HubsImportDialog, ignored_row);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_property_action (widget_class, "import.allow-plan-changes",
                                            "allow-plan-changes");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hubs_import_dialog_init (HubsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
}

/**
 * hubs_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the database the figures go into
 *
 * Returns: (transfer full): a new import dialog, not shown yet
 */
GtkWidget *
hubs_import_dialog_new (GtkWindow *parent,
                        HubsStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  return g_object_new (HUBS_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
