/* test-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import and restore dialogs driven as a person would: load a file, read the preview,
 * press Import or Restore, answer the question; checked on what the dialogs show and on
 * the database.
 */

#include "config.h"

#include <string.h>

#include "hubs-backup.h"
#include "hubs-import-dialog.h"
#include "hubs-restore-dialog.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  HubsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = hubs_test_make_dir ();
  f->path = hubs_test_path (f->dir, "hubs.sqlite3");
  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GFile *
write_csv (Fixture    *f,
           const char *text)
{
  g_autofree char *path = hubs_test_path (f->dir, "figures.csv");

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  return g_file_new_for_path (path);
}

static const char *
template_label (GtkWidget  *dialog,
                const char *name)
{
  GObject *label = gtk_widget_get_template_child (dialog, HUBS_TYPE_IMPORT_DIALOG, name);

  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_text (GTK_LABEL (label));
}

/* Every action row under @widget whose title is @title; returns its subtitle. */
static const char *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_subtitle_containing (GtkWidget  *widget,
                         const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) ?: "", text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_subtitle_containing (child, text))
      return TRUE;

  return FALSE;
}

static void
on_imported (GtkWidget  *dialog,
             guint       n_figures,
             const char *backup_path,
             guint      *n_out)
{
  *n_out = n_figures;
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR));
}

static void
test_preview_and_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = write_csv (f, "拠点都市,KPI名,2025年度,2026年度,担当\n"
                                        "札幌・北海道,スタートアップ数（累計）,150,,佐藤\n"
                                        "東京圏,GSER,9位,8,\n");
  GtkWidget *dialog = hubs_import_dialog_new (NULL, f->store);
  g_autoptr(HubsFigure) figure = NULL;
  guint n_imported = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &n_imported);
  gtk_window_present (GTK_WINDOW (dialog));
  hubs_test_wait_frames (dialog, 1);
  /* Nothing to import before a file is chosen. */
  gtk_widget_activate_action (dialog, "import.apply", NULL);
  g_assert_cmpuint (n_imported, ==, 0);

  g_assert_true (hubs_import_dialog_load_file (HUBS_IMPORT_DIALOG (dialog), file));
  hubs_test_wait_frames (dialog, 1);

  g_assert_cmpstr (template_label (dialog, "new_label"), ==, "3");
  g_assert_cmpstr (template_label (dialog, "changed_label"), ==, "0");
  g_assert_cmpstr (template_label (dialog, "unchanged_label"), ==, "0");
  g_assert_cmpstr (find_row (dialog, "Columns not imported"), ==, "担当");
  g_assert_nonnull (strstr (find_row (dialog, "File"), "figures.csv"));
  g_assert_nonnull (strstr (template_label (dialog, "status_label"), "Ready to import 3"));
  g_assert_nonnull (find_row (dialog, "Number of startups (cumulative): FY2025, actual"));
  g_free (hubs_test_save_screenshot (dialog, "import-dialog-preview"));

  /* Nothing is written before Import. */
  g_assert_null (hubs_store_get_figure (f->store, "sapporo/startups", 2025,
                                        HUBS_FIGURE_ACTUAL, NULL));

  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "import.apply", NULL));
  g_assert_cmpuint (n_imported, ==, 3);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_finalize_object (dialog);

  figure = hubs_store_get_figure (f->store, "tokyo/gser-rank", 2026, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_cmpfloat (figure->value, ==, 8);
}

static GtkWidget *
find_check_button (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* A target changed by the file is listed apart as a change of the plan, and written only
 * when “Also change the plan” is ticked; the actuals go in either way. */
static void
test_plan_changes (Fixture       *f,
                   gconstpointer  data)
{
  const char *text = "hub_id,kpi_id,kind,FY2025,FY2029\n"
                     "sapporo,sapporo/startups,target,,3000\n"
                     "sapporo,sapporo/startups,actual,150,\n";
  g_autoptr(GFile) file = write_csv (f, text);
  g_autoptr(HubsFigure) target = NULL;
  g_autoptr(HubsFigure) actual = NULL;
  GtkWidget *dialog = hubs_import_dialog_new (NULL, f->store);
  GtkWidget *check;
  const char *subtitle;
  guint n_imported = 0;
  guint n_notify = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &n_imported);
  g_signal_connect_swapped (dialog, "notify::allow-plan-changes", G_CALLBACK (count_notify),
                            &n_notify);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (hubs_import_dialog_load_file (HUBS_IMPORT_DIALOG (dialog), file));
  hubs_test_wait_frames (dialog, 1);

  /* The target is not among the actuals' changes, but under the plan's, marked. */
  subtitle = find_row (dialog, "Number of startups (cumulative): FY2029, target");
  g_assert_nonnull (subtitle);
  g_assert_true (g_str_has_prefix (subtitle, "Plan change: 300"));
  g_assert_nonnull (strstr (subtitle, "→ 3,000"));
  g_assert_nonnull (find_row (dialog, "Also change the plan"));
  g_assert_nonnull (strstr (template_label (dialog, "status_label"), "Ready to import 1 "));

  /* Ticked, the status counts the plan's change too; unticked again, it does not. */
  check = find_check_button (dialog);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_widget_activate_action (dialog, "import.allow-plan-changes", NULL);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (strstr (template_label (dialog, "status_label"), "Ready to import 2 "));
  /* As a click does. */
  g_signal_emit_by_name (check, "activate");
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (strstr (template_label (dialog, "status_label"), "Ready to import 1 "));
  g_free (hubs_test_save_screenshot (dialog, "import-dialog-plan-changes"));

  /* Not ticked: the actual goes in, the target stays. */
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "import.apply", NULL));
  g_assert_cmpuint (n_imported, ==, 1);
  g_assert_finalize_object (dialog);

  target = hubs_store_get_figure (f->store, "sapporo/startups", 2029, HUBS_FIGURE_TARGET, NULL);
  g_assert_cmpfloat (target->value, ==, 300);
  actual = hubs_store_get_figure (f->store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_cmpfloat (actual->value, ==, 150);

  /* The same file again, ticked: only the plan's change is left, and it goes in. */
  dialog = hubs_import_dialog_new (NULL, f->store);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &n_imported);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (hubs_import_dialog_load_file (HUBS_IMPORT_DIALOG (dialog), file));
  hubs_test_wait_frames (dialog, 1);
  g_assert_nonnull (strstr (template_label (dialog, "status_label"), "changes only the plan"));
  g_assert_false (gtk_widget_is_sensitive (
                    GTK_WIDGET (gtk_widget_get_template_child (dialog, HUBS_TYPE_IMPORT_DIALOG,
                                                               "import_button"))));
  check = find_check_button (dialog);
  g_signal_emit_by_name (check, "activate");
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "import.apply", NULL));
  g_assert_cmpuint (n_imported, ==, 1);
  g_assert_finalize_object (dialog);

  g_clear_pointer (&target, hubs_figure_free);
  target = hubs_store_get_figure (f->store, "sapporo/startups", 2029, HUBS_FIGURE_TARGET, NULL);
  g_assert_cmpfloat (target->value, ==, 3000);
}

static void
test_errors_block_import (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = write_csv (f, "hub_id,kpi_id,FY2025\n"
                                        "sapporo,sapporo/startups,150\n"
                                        "sapporo,sapporo/startups-typo,151\n");
  GtkWidget *dialog = hubs_import_dialog_new (NULL, f->store);
  GtkWidget *import_button;
  const char *subtitle;
  guint n_imported = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &n_imported);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (hubs_import_dialog_load_file (HUBS_IMPORT_DIALOG (dialog), file));
  hubs_test_wait_frames (dialog, 1);

  subtitle = find_row (dialog, "Line 3, column 2");
  g_assert_nonnull (subtitle);
  g_assert_nonnull (strstr (subtitle, "sapporo/startups-typo"));
  g_assert_nonnull (strstr (template_label (dialog, "status_label"), "1 error"));

  /* The Import button is disabled, and the action does nothing. */
  import_button = GTK_WIDGET (gtk_widget_get_template_child (dialog, HUBS_TYPE_IMPORT_DIALOG,
                                                             "import_button"));
  g_assert_false (gtk_widget_is_sensitive (import_button));
  gtk_widget_activate_action (dialog, "import.apply", NULL);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_null (hubs_store_get_figure (f->store, "sapporo/startups", 2025,
                                        HUBS_FIGURE_ACTUAL, NULL));
  g_free (hubs_test_save_screenshot (dialog, "import-dialog-errors"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_unreadable_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *missing = hubs_test_path (f->dir, "missing.csv");
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  GtkWidget *dialog = hubs_import_dialog_new (NULL, f->store);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (hubs_import_dialog_load_file (HUBS_IMPORT_DIALOG (dialog), file));
  g_assert_nonnull (strstr (template_label (dialog, "status_label"), missing));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
set_actual (HubsStore *store,
            double     value)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;

  figure->kpi_id = g_strdup ("sapporo/startups");
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->value = value;
  figure->measured = TRUE;
  hubs_store_set_figure (store, figure, &error);
  g_assert_no_error (error);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
on_restored (GtkWidget  *dialog,
             const char *backup_path,
             const char *snapshot_path,
             char      **snapshot_out)
{
  *snapshot_out = g_strdup (snapshot_path);
}

static void
test_restore_dialog (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *snapshot = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  AdwMessageDialog *question;
  GtkWidget *dialog;

  set_actual (f->store, 140);
  backup = hubs_backup_snapshot (f->store, HUBS_BACKUP_KEEP, &error);
  g_assert_no_error (error);
  set_actual (f->store, 160);

  dialog = hubs_restore_dialog_new (NULL, f->store);
  g_signal_connect (dialog, "restored", G_CALLBACK (on_restored), &snapshot);
  gtk_window_present (GTK_WINDOW (dialog));
  hubs_test_wait_frames (dialog, 1);
  {
    g_autofree char *name = g_path_get_basename (backup);

    g_assert_true (has_subtitle_containing (dialog, name));
    g_free (hubs_test_save_screenshot (dialog, "restore-dialog"));
  }

  /* Restore asks first; cancelling changes nothing. */
  g_assert_true (gtk_widget_activate_action (dialog, "restore.restore", "s", backup));
  question = find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "as it is now"));
  adw_message_dialog_response (question, "cancel");
  hubs_test_spin (50);
  figure = hubs_store_get_figure (f->store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_cmpfloat (figure->value, ==, 160);
  g_clear_pointer (&figure, hubs_figure_free);

  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "restore.restore", "s", backup));
  question = find_message_dialog ();
  adw_message_dialog_response (question, "restore");
  hubs_test_spin (50);

  figure = hubs_store_get_figure (f->store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_cmpfloat (figure->value, ==, 140);
  g_assert_nonnull (snapshot);
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_IS_REGULAR));
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_restore_offer (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) damage = g_error_new_literal (HUBS_STORE_ERROR, HUBS_STORE_ERROR_CORRUPT,
                                                  "The database is damaged.");
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *offered = NULL;
  GtkWidget *offer;

  /* No backup yet: nothing to offer. */
  g_assert_null (hubs_restore_offer_new (NULL, f->path, damage, &offered));
  g_assert_null (offered);

  backup = hubs_backup_snapshot (f->store, HUBS_BACKUP_KEEP, &error);
  g_assert_no_error (error);
  offer = hubs_restore_offer_new (NULL, f->path, damage, &offered);
  g_assert_nonnull (offer);
  g_assert_cmpstr (offered, ==, backup);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (offer)),
                            "The database is damaged."));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (offer), "restore"));
  gtk_window_destroy (GTK_WINDOW (offer));
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/import-dialog/preview-and-import", test_preview_and_import);
  ADD ("/hubs/import-dialog/errors-block-import", test_errors_block_import);
  ADD ("/hubs/import-dialog/plan-changes", test_plan_changes);
  ADD ("/hubs/import-dialog/unreadable-file", test_unreadable_file);
  ADD ("/hubs/restore-dialog/restore", test_restore_dialog);
  ADD ("/hubs/restore-dialog/offer", test_restore_offer);

#undef ADD

  return g_test_run ();
}
