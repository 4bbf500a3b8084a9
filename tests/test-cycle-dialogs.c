/* test-cycle-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly cycle from the main window, as a consortium and the Cabinet Office use it:
 * Submit Year lists what is missing and offers no Save until the year is complete, then
 * writes the submission and locks the year; the review of a submission whose figure the
 * national database changed too offers Apply only once the conflict is settled; an altered
 * file is refused and the database stays as it was, byte for byte.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-author.h"
#include "hubs-format.h"
#include "hubs-submission-review.h"
#include "hubs-submission.h"
#include "hubs-submit-dialog.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

#define HUB "fukuoka"
#define YEAR 2025
#define CHANGED_KPI "fukuoka/overseas-vc-funding"

typedef struct
{
  char       *dir;
  char       *path;
  HubsStore  *store;
  HubsWindow *window;
} Fixture;

static const char *
lang_suffix (void)
{
  const char *lang = g_getenv ("LANGUAGE");

  return lang != NULL && g_str_has_prefix (lang, "ja") ? "ja" : "en";
}

/* Who uses the window, as the preferences say: the window applies them to its store. */
static void
set_user (const char *name,
          const char *organisation)
{
  g_autoptr(GSettings) settings = hubs_author_get_settings ();

  g_settings_set_string (settings, HUBS_AUTHOR_KEY_NAME, name);
  g_settings_set_string (settings, HUBS_AUTHOR_KEY_ORGANISATION, organisation);
}

static void
open_window (Fixture    *f,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  f->store = hubs_store_open (path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = hubs_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (hubs_window_select_hub (f->window, HUB));
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  hubs_test_spin (50);
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = hubs_test_make_dir ();
  f->path = hubs_test_path (f->dir, "fukuoka.sqlite3");
  set_user ("山田 花子", "福岡市 スタートアップ推進課");
  open_window (f, f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Dialogs the test left open go first: they hold the store. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  if (f->window != NULL)
    close_window (f);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
set_actual (HubsStore  *store,
            const char *kpi_id,
            double      value)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;

  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = YEAR;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->value = value;
  figure->measured = TRUE;
  figure->confirmed = TRUE;
  figure->source = g_strdup ("福岡市調べ");
  g_assert_true (hubs_store_set_figure (store, figure, &error));
  g_assert_no_error (error);
}

/* Every Fukuoka KPI gets its FY2027 target as its FY2025 actual: on track, or far above. */
static void
complete_year (HubsStore *store)
{
  g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (store, HUB, NULL);

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      g_autoptr(HubsFigure) target = hubs_store_get_figure (store, kpi->id, 2027,
                                                            HUBS_FIGURE_TARGET, NULL);

      set_actual (store, kpi->id, target != NULL ? target->value : 1);
    }
}

static HubsYearStateKind
state_on_disk (const char *path)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (path, HUBS_STORE_OPEN_READ_ONLY);
  g_autoptr(HubsYearState) state = hubs_store_get_year_state (store, HUB, YEAR, NULL);

  return state != NULL ? state->state : HUBS_YEAR_ENTERING;
}

static HubsSubmitDialog *
open_submit_dialog (Fixture *f)
{
  HubsSubmitDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.submit-year", NULL));
  dialog = HUBS_SUBMIT_DIALOG (hubs_test_find_toplevel (HUBS_TYPE_SUBMIT_DIALOG, NULL));
  g_assert_nonnull (dialog);
  hubs_submit_dialog_set_fiscal_year (dialog, YEAR);
  hubs_test_wait_frames (GTK_WIDGET (dialog), 2);

  return dialog;
}

/* The dialog at its own size, then as on a phone. */
static void
shoot (GtkWidget  *window,
       const char *name)
{
  g_autofree char *wide = g_strdup_printf ("%s-%s", name, lang_suffix ());
  g_autofree char *narrow = g_strdup_printf ("%s-narrow-%s", name, lang_suffix ());
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_free (hubs_test_save_screenshot (window, wide));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  hubs_test_wait_frames (window, 3);
  g_free (hubs_test_save_screenshot (window, narrow));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  hubs_test_wait_frames (window, 3);
}

static gboolean
toast_says (Fixture    *f,
            const char *text)
{
  gint64 deadline = hubs_test_deadline (5);

  while (g_get_monotonic_time () < deadline)
    {
      if (hubs_test_find_first (GTK_WIDGET (f->window), is_label_containing, text) != NULL)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
    }

  return FALSE;
}

/* An empty year: each missing actual is listed, in the user's language, and there is no
 * Save; nothing is written or locked. */
static void
test_submit_lists_missing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) issues = hubs_submission_check (f->store, HUB, YEAR,
                                                       hubs_language_current (), NULL);
  HubsSubmitDialog *dialog = open_submit_dialog (f);
  const HubsSubmissionIssue *first = g_ptr_array_index (issues, 0);
  GtkWidget *save = hubs_test_find_first (GTK_WIDGET (dialog), is_button_for_action, "submit.save");

  g_assert_cmpint (first->kind, ==, HUBS_SUBMISSION_MISSING);
  g_assert_nonnull (hubs_test_find_first (GTK_WIDGET (dialog), is_label_with_text, first->message));
  g_assert_nonnull (hubs_test_find_first (GTK_WIDGET (dialog), is_label_with_text, _("Missing")));
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (hubs_submit_dialog_get_can_save (dialog));
  if (g_str_equal (lang_suffix (), "ja"))
    g_assert_nonnull (strstr (first->message, "実績値"));

  shoot (GTK_WIDGET (dialog), "submit-missing");
  g_assert_cmpint (state_on_disk (f->path), ==, HUBS_YEAR_ENTERING);
}

/* A complete year: the KPIs far above plan ask for a confirmation; then Save writes the
 * submission, the year is locked on disk, a toast says so, and the window's commands
 * follow (Unlock and Accept now, Submit no more for that year). */
static void
test_submit_writes_and_locks (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *file = hubs_test_path (f->dir, "fukuoka-FY2025-submission.hubs");
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsPackage) package = NULL;
  HubsSubmitDialog *dialog;
  GtkWidget *save;

  complete_year (f->store);
  dialog = open_submit_dialog (f);
  save = hubs_test_find_first (GTK_WIDGET (dialog), is_button_for_action, "submit.save");
  g_assert_nonnull (hubs_test_find_first (GTK_WIDGET (dialog), is_label_with_text, _("Ready")));

  /* Each KPI far above its path is confirmed, one by one, as a person ticks them. */
  hubs_test_collect (GTK_WIDGET (dialog), hubs_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON), checks);
  g_test_message ("%u KPIs far above plan", checks->len);
  for (guint i = 0; i < checks->len; i++)
    {
      g_assert_false (gtk_widget_is_sensitive (save));
      gtk_check_button_set_active (checks->pdata[i], TRUE);
    }
  g_assert_true (gtk_widget_is_sensitive (save));
  shoot (GTK_WIDGET (dialog), "submit-ready");

  hubs_submit_dialog_save_to (dialog, file);
  hubs_test_spin (50);
  g_assert_null (hubs_test_find_toplevel (HUBS_TYPE_SUBMIT_DIALOG, NULL));

  package = hubs_package_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (package->kind, ==, HUBS_PACKAGE_SUBMISSION);
  g_assert_cmpstr (package->hub_id, ==, HUB);
  g_assert_cmpint (package->fiscal_year, ==, YEAR);
  g_assert_cmpint (state_on_disk (f->path), ==, HUBS_YEAR_SUBMITTED);
  g_assert_true (toast_says (f, "fukuoka-FY2025-submission.hubs"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.unlock-year", NULL));
  {
    GtkWidget *question = hubs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
    GtkWidget *entry;

    g_assert_nonnull (question);
    entry = hubs_test_find_first (question, hubs_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
    g_assert_nonnull (entry);
    /* A reason is required. */
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                             "unlock"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "実績値の誤りを直す");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                            "unlock"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "unlock");
    hubs_test_spin (50);
  }
  g_assert_cmpint (state_on_disk (f->path), ==, HUBS_YEAR_ENTERING);
  {
    g_autoptr(HubsYearState) state = hubs_store_get_year_state (f->store, HUB, YEAR, NULL);

    g_assert_cmpstr (state->reason, ==, "実績値の誤りを直す");
  }
}

/* A submission whose figure the Cabinet Office corrected meanwhile: the review shows the
 * conflict with both values, Apply waits until it is settled, and applying changes the
 * national database. */
static void
test_review_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *file = hubs_test_path (f->dir, "fukuoka-FY2025-submission.hubs");
  g_autofree char *national = hubs_test_path (f->dir, "national.sqlite3");
  g_autoptr(GFile) gfile = g_file_new_for_path (file);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsFigure) before = NULL;
  g_autoptr(HubsFigure) after = NULL;
  GtkWidget *review;
  GtkWidget *apply;

  /* The consortium's year: complete, submitted. */
  complete_year (f->store);
  g_assert_true (hubs_submission_export (f->store, HUB, YEAR, file, &error));
  g_assert_no_error (error);
  close_window (f);

  /* At the Cabinet Office, one figure was corrected before the file arrived. */
  {
    g_autoptr(HubsStore) store = hubs_test_open_store (national, HUBS_STORE_OPEN_DEFAULT);

    hubs_store_set_author (store, "佐藤 一郎", "内閣府 科学技術・イノベーション推進事務局");
    set_actual (store, CHANGED_KPI, 4);
  }
  set_user ("佐藤 一郎", "内閣府 科学技術・イノベーション推進事務局");
  open_window (f, national);
  before = hubs_store_get_figure (f->store, CHANGED_KPI, YEAR, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_cmpfloat (before->value, ==, 4);

  g_assert_true (hubs_window_open_submission (f->window, gfile));
  review = hubs_test_find_toplevel (HUBS_TYPE_SUBMISSION_REVIEW, NULL);
  g_assert_nonnull (review);
  hubs_test_wait_frames (review, 2);
  apply = hubs_test_find_first (review, is_button_for_action, "review.apply");
  g_assert_nonnull (apply);
  g_assert_false (gtk_widget_is_sensitive (apply));
  /* Who submitted it, and who changed our figure. */
  g_assert_nonnull (hubs_test_find_first (review, is_label_containing, "山田 花子"));
  g_assert_nonnull (hubs_test_find_first (review, is_label_containing, "佐藤 一郎"));
  shoot (review, "review-conflict");

  /* Two choices for the one conflict: ours, then theirs. */
  hubs_test_collect (review, hubs_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON), checks);
  g_assert_cmpuint (checks->len, ==, 2);
  gtk_check_button_set_active (checks->pdata[1], TRUE);
  g_assert_true (gtk_widget_is_sensitive (apply));

  g_signal_emit_by_name (apply, "clicked");
  hubs_test_spin (50);
  g_assert_null (hubs_test_find_toplevel (HUBS_TYPE_SUBMISSION_REVIEW, NULL));
  after = hubs_store_get_figure (f->store, CHANGED_KPI, YEAR, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_cmpfloat (after->value, !=, 4);
  g_assert_cmpint (state_on_disk (national), ==, HUBS_YEAR_SUBMITTED);
  {
    g_autofree char *fy = hubs_format_fiscal_year (YEAR, hubs_language_current ());

    g_assert_true (toast_says (f, fy));
  }
}

/* A file changed on the way is refused in a dialog that says so; the database is the same,
 * byte for byte, and no review opens. */
static void
test_altered_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *file = hubs_test_path (f->dir, "submission.hubs");
  g_autofree char *bad = hubs_test_path (f->dir, "altered.hubs");
  g_autofree char *national = hubs_test_path (f->dir, "national.sqlite3");
  g_autoptr(GFile) gfile = g_file_new_for_path (bad);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *refusal;
  gsize size;
  char *at = NULL;

  complete_year (f->store);
  g_assert_true (hubs_submission_export (f->store, HUB, YEAR, file, &error));
  g_assert_no_error (error);
  close_window (f);

  g_assert_true (g_file_get_contents (file, &contents, &size, NULL));
  for (gsize i = 0; at == NULL && i + strlen ("福岡市調べ") <= size; i++)
    if (memcmp (contents + i, "福岡市調べ", strlen ("福岡市調べ")) == 0)
      at = contents + i;
  g_assert_nonnull (at);
  memcpy (at, "福岡県", strlen ("福岡県"));
  g_assert_true (g_file_set_contents (bad, contents, size, NULL));
  g_assert_null (hubs_package_new_from_file (bad, &expected));
  g_assert_error (expected, HUBS_PACKAGE_ERROR, HUBS_PACKAGE_ERROR_ALTERED);

  g_object_unref (hubs_test_open_store (national, HUBS_STORE_OPEN_DEFAULT));
  open_window (f, national);
  hubs_test_spin (100);
  on_disk = hubs_test_read_bytes (national);

  g_assert_false (hubs_window_open_submission (f->window, gfile));
  refusal = hubs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (refusal);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (refusal)), ==,
                   _("The File Cannot Be Imported"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal)), ==,
                   expected->message);
  g_assert_null (hubs_test_find_toplevel (HUBS_TYPE_SUBMISSION_REVIEW, NULL));
  hubs_test_wait_frames (refusal, 2);
  {
    g_autofree char *name = g_strdup_printf ("import-altered-%s", lang_suffix ());

    g_free (hubs_test_save_screenshot (refusal, name));
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (refusal), "close");
  hubs_test_spin (50);

  close_window (f);
  hubs_test_assert_same_bytes (national, on_disk);
}

/* The national database holds the consortium's submitted year (as Import Submission… would
 * leave it); the consortium's own window stays closed meanwhile. */
static void
submit_to_national (Fixture    *f,
                    const char *national)
{
  g_autofree char *file = hubs_test_path (f->dir, "submission.hubs");
  g_autoptr(GError) error = NULL;

  complete_year (f->store);
  g_assert_true (hubs_submission_export (f->store, HUB, YEAR, file, &error));
  g_assert_no_error (error);
  close_window (f);

  {
    g_autoptr(HubsStore) store = hubs_test_open_store (national, HUBS_STORE_OPEN_DEFAULT);
    g_autoptr(HubsPackage) package = hubs_package_new_from_file (file, &error);
    g_autoptr(HubsSubmissionImport) import = NULL;

    g_assert_no_error (error);
    import = hubs_submission_import_new (store, g_steal_pointer (&package), &error);
    g_assert_no_error (error);
    g_assert_true (hubs_submission_import_apply (import, &error));
    g_assert_no_error (error);
  }
}

/* Answers the file chooser the window opened, as a person would: a name, then Save. */
static void
choose_file (const char *path)
{
  gint64 deadline = hubs_test_deadline (10);
  GtkWidget *chooser = NULL;

  while ((chooser = hubs_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL)) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (chooser);
  /* The chooser reads its first folder; changing folders meanwhile would cancel that, which
   * it reports in a dialog of its own. */
  hubs_test_spin (500);

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
    g_assert_no_error (error);
  }
  hubs_test_spin (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* It checks the name it was given before it answers. */
  deadline = hubs_test_deadline (10);
  while (hubs_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL &&
         hubs_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, NULL) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (hubs_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_null (hubs_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
}

/* The Cabinet Office returns a year with a reason, or accepts it, from the main menu; each
 * writes the answer file the consortium then brings in, which unlocks the year with the
 * reason or confirms it. */
static void
test_accept_and_return (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *national = hubs_test_path (f->dir, "national.sqlite3");
  g_autofree char *answer = hubs_test_path (f->dir, "fukuoka-FY2025-answer.hubs");
  g_autoptr(GFile) answer_file = g_file_new_for_path (answer);
  g_autoptr(GError) error = NULL;
  const char *reason = "海外VC資金調達件数の出典を添えてください";
  GtkWidget *question;
  GtkWidget *entry;

  submit_to_national (f, national);
  set_user ("佐藤 一郎", "内閣府 科学技術・イノベーション推進事務局");
  open_window (f, national);
  g_assert_cmpint (state_on_disk (national), ==, HUBS_YEAR_SUBMITTED);

  /* Return: a reason is required before the answer can be saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.return-year", NULL));
  question = hubs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (question);
  entry = hubs_test_find_first (question, hubs_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                           "return"));
  gtk_editable_set_text (GTK_EDITABLE (entry), reason);
  hubs_test_wait_frames (question, 2);
  shoot (question, "return-year");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "return");
  choose_file (answer);
  g_assert_true (g_file_test (answer, G_FILE_TEST_EXISTS));
  g_assert_cmpint (state_on_disk (national), ==, HUBS_YEAR_RETURNED);
  g_assert_true (toast_says (f, "fukuoka-FY2025-answer.hubs"));
  close_window (f);

  /* At the consortium: the answer unlocks the year, and says why. */
  set_user ("山田 花子", "福岡市 スタートアップ推進課");
  open_window (f, f->path);
  g_assert_cmpint (state_on_disk (f->path), ==, HUBS_YEAR_SUBMITTED);
  g_assert_true (hubs_window_open_submission (f->window, answer_file));
  g_assert_cmpint (state_on_disk (f->path), ==, HUBS_YEAR_RETURNED);
  g_assert_true (toast_says (f, reason));
  {
    g_autoptr(HubsYearState) state = hubs_store_get_year_state (f->store, HUB, YEAR, NULL);

    g_assert_cmpstr (state->reason, ==, reason);
  }

  /* Corrected and submitted again; this time the Cabinet Office accepts it. */
  g_unlink (answer);
  submit_to_national (f, national);
  set_user ("佐藤 一郎", "内閣府 科学技術・イノベーション推進事務局");
  open_window (f, national);
  g_assert_cmpint (state_on_disk (national), ==, HUBS_YEAR_SUBMITTED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.accept-year", NULL));
  question = hubs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (question);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                          "accept"));
  shoot (question, "accept-year");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "accept");
  choose_file (answer);
  g_assert_cmpint (state_on_disk (national), ==, HUBS_YEAR_ACCEPTED);
  g_assert_true (toast_says (f, "fukuoka-FY2025-answer.hubs"));
  close_window (f);

  set_user ("山田 花子", "福岡市 スタートアップ推進課");
  open_window (f, f->path);
  g_assert_true (hubs_window_open_submission (f->window, answer_file));
  g_assert_cmpint (state_on_disk (f->path), ==, HUBS_YEAR_ACCEPTED);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hubs/cycle-dialogs/submit-lists-missing", test_submit_lists_missing);
  ADD ("/hubs/cycle-dialogs/submit-writes-and-locks", test_submit_writes_and_locks);
  ADD ("/hubs/cycle-dialogs/review-conflict", test_review_conflict);
  ADD ("/hubs/cycle-dialogs/altered-refused", test_altered_refused);
  ADD ("/hubs/cycle-dialogs/accept-and-return", test_accept_and_return);
#undef ADD

  return g_test_run ();
}
