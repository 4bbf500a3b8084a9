/* test-cycle-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly cycle in the main window, driven as a person would: a submitted year's figures
 * are locked where they are typed and say by whom; unlocking opens them again at once; the
 * hub page and the sidebar show where each year stands; a KPI behind its plan takes an
 * explanation, which the report prints. Every check reads what a user sees or what lands in
 * the database or the PDF.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-cycle.h"
#include "hubs-explanation-group.h"
#include "hubs-figure-row.h"
#include "hubs-format.h"
#include "hubs-hub-item.h"
#include "hubs-hub-page.h"
#include "hubs-i18n.h"
#include "hubs-kpi-editor.h"
#include "hubs-kpi-row.h"
#include "hubs-report.h"
#include "hubs-sidebar-row.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

typedef struct
{
  char       *dir;
  char       *path;
  HubsStore  *store;
  HubsWindow *window;
  /* The year reported on now: the latest that has ended. */
  int         year;
  gboolean    ja;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  f->dir = hubs_test_make_dir ();
  f->path = hubs_test_path (f->dir, "hubs.sqlite3");
  f->year = hubs_fiscal_year_latest_ended (now);
  f->ja = hubs_language_current () == HUBS_LANGUAGE_JA;

  /* Who the window says is entering the figures, as the first edit would have asked. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, HUBS_AUTHOR_KEY_NAME, "山田 花子");
    g_settings_set_string (settings, HUBS_AUTHOR_KEY_ORGANISATION, "福岡市");
    g_settings_set_boolean (settings, HUBS_AUTHOR_KEY_ASKED, TRUE);
  }

  f->store = hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = hubs_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hubs_test_spin (50);
  g_assert_finalize_object (f->store);
  hubs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
is_drawable_label_containing (GtkWidget     *widget,
                              gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return hubs_test_find_first (root, is_drawable_label_containing, text) != NULL;
}

/* Spins the main loop until a label under @root shows @text, or a generous deadline. */
static gboolean
wait_for_text (GtkWidget  *root,
               const char *text)
{
  gint64 deadline = hubs_test_deadline (30);

  while (!shows_text (root, text) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return shows_text (root, text);
}

static gboolean
is_hub_list (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) == NULL;
}

static void
activate_hub (Fixture    *f,
              const char *hub_id)
{
  GtkListView *list = GTK_LIST_VIEW (hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hubs_hub_item_get_id (item), hub_id) == 0)
        {
          g_signal_emit_by_name (list, "activate", i);
          hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
          return;
        }
    }

  g_error ("%s is not in the sidebar", hub_id);
}

static HubsKpiEditor *
open_kpi (Fixture    *f,
          const char *hub_id,
          const char *kpi_id)
{
  GtkWidget *row;
  GtkWidget *editor;

  activate_hub (f, hub_id);
  row = hubs_hub_page_find_kpi_row (HUBS_HUB_PAGE (hubs_window_get_hub_page (f->window)), kpi_id);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);

  editor = hubs_window_get_kpi_editor (f->window);
  g_assert_true (gtk_widget_is_drawable (editor));

  return HUBS_KPI_EDITOR (editor);
}

static HubsFigureRow *
actual_row (HubsKpiEditor *editor,
            int            year)
{
  GtkWidget *row = hubs_kpi_editor_find_figure_row (editor, year, HUBS_FIGURE_ACTUAL);

  g_assert_nonnull (row);
  return HUBS_FIGURE_ROW (row);
}

static void
set_actual (Fixture    *f,
            const char *kpi_id,
            int         year,
            double      value)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;

  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = year;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->measured = TRUE;
  figure->confirmed = TRUE;
  figure->value = value;
  g_assert_true (hubs_store_set_figure (f->store, figure, &error));
  g_assert_no_error (error);
}

static void
set_state (Fixture           *f,
           const char        *hub_id,
           HubsYearStateKind  state,
           const char        *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_store_set_year_state (f->store, hub_id, f->year, state, reason, &error));
  g_assert_no_error (error);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
}

static const char *
subtitle_of (HubsFigureRow *row)
{
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
}

/* Scrolls the page @widget is on so that it shows at the top, as a user would. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, child, 0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            y - 24);
}

static void
save_shot (Fixture    *f,
           GtkWidget  *widget,
           const char *name)
{
  g_autofree char *shot = g_strdup_printf ("cycle-%s-%s", name, f->ja ? "ja" : "en");

  hubs_test_wait_frames (GTK_WIDGET (f->window), 3);
  g_free (hubs_test_save_screenshot (widget, shot));
}

/* A submitted year's actual shows the lock and who submitted it before anything is typed,
 * takes no typing, and opens again at once when the year is unlocked. */
static void
test_locked_figure_row (Fixture       *f,
                        gconstpointer  data)
{
  const char *kpi_id = "fukuoka/startup-visas";
  HubsKpiEditor *editor;
  HubsFigureRow *row;
  GtkEditable *entry;
  g_autoptr(HubsFigure) stored = NULL;
  g_autofree char *typed = NULL;

  set_actual (f, kpi_id, f->year, 145);
  set_state (f, "fukuoka", HUBS_YEAR_SUBMITTED, NULL);

  editor = open_kpi (f, "fukuoka", kpi_id);
  row = actual_row (editor, f->year);
  entry = hubs_figure_row_get_entry (row);

  g_assert_true (hubs_figure_row_get_locked (row));
  g_assert_false (gtk_editable_get_editable (entry));
  g_assert_nonnull (strstr (subtitle_of (row), "山田 花子"));
  g_assert_nonnull (strstr (subtitle_of (row), f->ja ? "提出" : "Submitted by"));
  /* The next year is still open. */
  g_assert_false (hubs_figure_row_get_locked (actual_row (editor, f->year + 1)));
  g_assert_true (gtk_editable_get_editable (hubs_figure_row_get_entry (actual_row (editor,
                                                                                 f->year + 1))));

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  scroll_to (GTK_WIDGET (row));
  save_shot (f, GTK_WIDGET (f->window), "locked-row");

  /* Should text arrive in it anyway, the store refuses it and the field says why. */
  gtk_editable_set_text (entry, "150");
  g_assert_false (hubs_figure_row_save (row));
  g_assert_nonnull (hubs_figure_row_get_error (row));
  g_assert_nonnull (strstr (hubs_figure_row_get_error (row), "山田 花子"));
  stored = hubs_store_get_figure (f->store, kpi_id, f->year, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_cmpfloat (stored->value, ==, 145);
  hubs_figure_row_discard_typed (row);

  /* Unlocked with a reason: editable again, without opening the KPI again. */
  set_state (f, "fukuoka", HUBS_YEAR_ENTERING, f->ja ? "数値の訂正のため" : "To correct a figure");
  g_assert_false (hubs_figure_row_get_locked (row));
  g_assert_true (gtk_editable_get_editable (entry));
  g_assert_null (strstr (subtitle_of (row), "Locked"));
  gtk_editable_set_text (entry, "150");
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (hubs_figure_row_get_error (row));
  g_clear_pointer (&stored, hubs_figure_free);
  stored = hubs_store_get_figure (f->store, kpi_id, f->year, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_cmpfloat (stored->value, ==, 150);

  /* Submitted again while it is open: the lock shows at once. */
  set_state (f, "fukuoka", HUBS_YEAR_SUBMITTED, NULL);
  g_assert_true (hubs_figure_row_get_locked (row));
  g_assert_false (gtk_editable_get_editable (entry));
  typed = g_strdup (gtk_editable_get_text (entry));
  g_assert_cmpstr (typed, ==, "150");
}

static gboolean
is_ellipsized_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget)));
}

static gboolean
is_sidebar_row_of (GtkWidget     *widget,
                   gconstpointer  hub_id)
{
  HubsHubItem *item;

  if (!HUBS_IS_SIDEBAR_ROW (widget))
    return FALSE;
  item = g_object_get_data (G_OBJECT (widget), "hubs-item");
  return item != NULL && !hubs_hub_item_is_header (item) && hubs_hub_item_get_kpi (item) == NULL &&
         g_strcmp0 (hubs_hub_item_get_id (item), hub_id) == 0;
}

static gboolean
is_visible_with_tooltip (GtkWidget     *widget,
                         gconstpointer  data)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_tooltip_text (widget) != NULL;
}

/* The words of the mark on a hub's sidebar row (its tooltip), or %NULL when it has none;
 * @word is the word it shows. */
static const char *
sidebar_mark (Fixture    *f,
              const char *hub_id,
              const char *word)
{
  GtkWidget *row = hubs_test_find_first (GTK_WIDGET (f->window), is_sidebar_row_of, hub_id);
  GtkWidget *mark;

  g_assert_nonnull (row);
  mark = hubs_test_find_first (row, is_visible_with_tooltip, NULL);
  if (mark != NULL && word != NULL)
    g_assert_true (shows_text (mark, word));

  return mark != NULL ? gtk_widget_get_tooltip_text (mark) : NULL;
}

static void
assert_sidebar_whole (Fixture *f)
{
  GtkWidget *list = hubs_test_find_first (GTK_WIDGET (f->window), is_hub_list, NULL);
  GtkWidget *cut = hubs_test_find_first (list, is_ellipsized_label, NULL);

  if (cut != NULL)
    g_error ("“%s” is cut off in the sidebar", gtk_label_get_text (GTK_LABEL (cut)));
}


/* The hub page says where each year's reporting stands, and the sidebar marks the hubs that
 * submitted the year reported on now; both follow a change at once. */
static void
test_hub_page_and_sidebar (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *page = hubs_window_get_hub_page (f->window);
  g_autofree char *fy = hubs_format_fiscal_year (f->year, hubs_language_current ());
  g_autofree char *mark = g_strdup_printf (f->ja ? "%s 提出済" : "%s submitted", fy);
  g_autofree char *returned = g_strdup_printf (f->ja ? "%s 差戻し" : "%s returned", fy);
  const char *reason = f->ja ? "スタートアップビザの件数の出典を添えてください" :
                               "Add the source of the startup visa count";

  activate_hub (f, "fukuoka");
  /* Being entered: said, without a mark in the sidebar. */
  g_assert_true (wait_for_text (page, f->ja ? "未提出" : "Not submitted"));
  g_assert_true (shows_text (page, fy));
  g_assert_null (sidebar_mark (f, "fukuoka", NULL));

  set_state (f, "fukuoka", HUBS_YEAR_SUBMITTED, NULL);
  g_assert_true (shows_text (page, "山田 花子 (福岡市)"));
  g_assert_true (shows_text (page, f->ja ? "提出済" : "Submitted"));
  g_assert_false (shows_text (page, f->ja ? "未提出" : "Not submitted"));
  g_assert_cmpstr (sidebar_mark (f, "fukuoka", f->ja ? "提出済" : "Submitted"), ==, mark);
  g_assert_null (sidebar_mark (f, "sapporo", NULL));
  save_shot (f, GTK_WIDGET (f->window), "hub-page");

  /* Every hub submitted, the longest names too: the mark fits beside each name. */
  {
    g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (f->store, NULL);

    for (guint i = 0; i < hubs->len; i++)
      if (!g_str_equal (((HubsHub *) hubs->pdata[i])->id, "fukuoka"))
        set_state (f, ((HubsHub *) hubs->pdata[i])->id, HUBS_YEAR_SUBMITTED, NULL);
  }
  g_assert_nonnull (sidebar_mark (f, "sapporo", f->ja ? "提出済" : "Submitted"));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 3);
  save_shot (f, GTK_WIDGET (f->window), "sidebar");
  assert_sidebar_whole (f);

  /* Folded to one pane, then the sidebar alone: nothing cut off. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 600);
  save_shot (f, GTK_WIDGET (f->window), "hub-page-small");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  hubs_test_spin (400);
  save_shot (f, GTK_WIDGET (f->window), "sidebar-small");
  assert_sidebar_whole (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 3);

  /* Returned with a reason: the page says it, and the mark changes. */
  set_state (f, "fukuoka", HUBS_YEAR_RETURNED, reason);
  activate_hub (f, "fukuoka");
  g_assert_true (shows_text (page, reason));
  g_assert_true (shows_text (page, f->ja ? "差戻し" : "Returned"));
  g_assert_cmpstr (sidebar_mark (f, "fukuoka", f->ja ? "差戻し" : "Returned"), ==, returned);
  save_shot (f, GTK_WIDGET (f->window), "hub-page-returned");
}

static gboolean
is_tracker_row (GtkWidget     *widget,
                gconstpointer  data)
{
  const Fixture *f = data;

  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "hub-id"), "fukuoka") == 0 &&
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "fiscal-year")) == f->year;
}

/* The Reporting Status page opens from the main menu, shows where each hub's year stands,
 * and leads to a hub: by its row, or by the sidebar, even to the hub shown before. */
static void
test_reporting_status (Fixture       *f,
                       gconstpointer  data)
{
  const char *title = f->ja ? "報告状況" : "Reporting Status";
  GtkWidget *row;

  activate_hub (f, "fukuoka");
  set_state (f, "fukuoka", HUBS_YEAR_SUBMITTED, NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-reporting-status", NULL);
  g_assert_true (wait_for_text (GTK_WIDGET (f->window), f->ja ? "提出済" : "Submitted"));
  g_assert_true (shows_text (GTK_WIDGET (f->window), title));
  g_assert_null (hubs_window_get_hub_id (f->window));
  g_assert_false (gtk_widget_is_drawable (hubs_window_get_hub_page (f->window)));
  row = hubs_test_find_first (GTK_WIDGET (f->window), is_tracker_row, f);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (row));
  g_assert_true (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "山田 花子") != NULL);
  save_shot (f, GTK_WIDGET (f->window), "reporting-status");

  /* A change made meanwhile shows at once. */
  set_state (f, "fukuoka", HUBS_YEAR_ACCEPTED, NULL);
  g_assert_true (wait_for_text (GTK_WIDGET (f->window), f->ja ? "確認済" : "Accepted"));

  row = hubs_test_find_first (GTK_WIDGET (f->window), is_tracker_row, f);
  g_signal_emit_by_name (row, "activated");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "fukuoka");
  g_assert_true (gtk_widget_is_drawable (hubs_window_get_hub_page (f->window)));
  g_assert_false (shows_text (GTK_WIDGET (f->window), title));

  /* Back to the status, then the same hub from the sidebar. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-reporting-status", NULL);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (shows_text (GTK_WIDGET (f->window), title));
  activate_hub (f, "fukuoka");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_true (gtk_widget_is_drawable (hubs_window_get_hub_page (f->window)));
  g_assert_cmpstr (hubs_window_get_hub_id (f->window), ==, "fukuoka");
}

static char *squeeze (const char *text);

static gboolean
is_check_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static gboolean
is_entry (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_ENTRY (widget);
}

/* Show as of a Date… offers the moment the year was submitted; the window it opens shows the
 * figures as they were then, says so, cannot be changed, and leaves no copy behind. */
static void
test_as_of_window (Fixture       *f,
                   gconstpointer  data)
{
  const char *kpi_id = "fukuoka/startup-visas";
  AdwMessageDialog *dialog;
  GtkWidget *check;
  GtkEditable *entry;
  HubsWindow *then;
  g_autofree char *copy = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(HubsFigure) later = NULL;
  g_autoptr(GError) error = NULL;

  activate_hub (f, "fukuoka");
  set_actual (f, kpi_id, f->year, 145);
  set_state (f, "fukuoka", HUBS_YEAR_SUBMITTED, NULL);
  /* After the submission: another year's figure, which the view as submitted must not show. */
  g_usleep (2000);
  set_actual (f, kpi_id, f->year + 1, 999);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-as-of", NULL);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  dialog = ADW_MESSAGE_DIALOG (hubs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_nonnull (dialog);
  check = hubs_test_find_first (GTK_WIDGET (dialog), is_check_button, NULL);
  g_assert_nonnull (strstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)),
                            f->ja ? "提出時の数値" : "as submitted on"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  hubs_test_wait_frames (GTK_WIDGET (dialog), 2);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (dialog),
                                     f->ja ? "cycle-as-of-dialog-ja" : "cycle-as-of-dialog-en"));

  /* A moment that cannot be read, or that is still to come, cannot be shown. */
  entry = GTK_EDITABLE (hubs_test_find_first (GTK_WIDGET (dialog), is_entry, NULL));
  gtk_editable_set_text (entry, "2026-02-31");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "show"));
  gtk_editable_set_text (entry, "2999-01-01");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "show"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "show"));

  adw_message_dialog_response (dialog, "show");
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  then = HUBS_WINDOW (hubs_test_find_toplevel (HUBS_TYPE_WINDOW, GTK_WIDGET (f->window)));
  g_assert_nonnull (then);
  g_assert_nonnull (hubs_window_get_as_of (then));
  g_assert_true (hubs_store_is_read_only (hubs_window_get_store (then)));
  g_assert_cmpstr (hubs_window_get_hub_id (then), ==, "fukuoka");
  copy = g_strdup (hubs_store_get_path (hubs_window_get_store (then)));

  figure = hubs_store_get_figure (hubs_window_get_store (then), kpi_id, f->year,
                                  HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figure);
  g_assert_cmpfloat (figure->value, ==, 145);
  later = hubs_store_get_figure (hubs_window_get_store (then), kpi_id, f->year + 1,
                                 HUBS_FIGURE_ACTUAL, &error);
  g_assert_null (later);
  g_clear_error (&error);

  /* As submitted: the year's state is the one it had then. */
  g_assert_true (wait_for_text (GTK_WIDGET (then), f->ja ? "提出済" : "Submitted"));
  g_assert_false (shows_text (GTK_WIDGET (then), f->ja ? "未提出" : "Not submitted"));

  /* It says what it shows, and nothing in it can be changed. */
  g_assert_true (wait_for_text (GTK_WIDGET (then), f->ja ? "閲覧のみ" : "for viewing only"));
  /* Said under the header, not in a toast that would hold every other toast back. */
  hubs_window_add_toast (then, "Copied the figures", FALSE);
  g_assert_true (wait_for_text (GTK_WIDGET (then), "Copied the figures"));
  g_assert_true (shows_text (GTK_WIDGET (then), f->ja ? "時点" : "As of"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (then)), f->ja ? "時点" : "as of"));
  gtk_window_set_default_size (GTK_WINDOW (then), 1100, 760);
  save_shot (f, GTK_WIDGET (then), "as-of-window");

  /* A chart exported from it says which moment it shows. */
  {
    g_autofree char *pdf = hubs_test_path (f->dir, "then.pdf");
    g_autofree char *raw = NULL;
    g_autofree char *text = NULL;

    g_assert_true (hubs_window_export_chart_to (then, pdf, &error));
    g_assert_no_error (error);
    raw = hubs_test_pdf_text (pdf);
    text = squeeze (raw);
    g_assert_nonnull (strstr (text, f->ja ? "時点の記録" : "Asitstoodon"));
  }

  /* So does the report, on every page. */
  {
    g_autofree char *pdf = hubs_test_path (f->dir, "then-report.pdf");
    g_autofree char *raw = NULL;
    g_auto(GStrv) pages = NULL;

    g_assert_true (hubs_window_export_report_to (then, pdf, &error));
    g_assert_no_error (error);
    raw = hubs_test_pdf_text (pdf);
    pages = g_strsplit (raw, "\f", -1);
    g_assert_cmpuint (g_strv_length (pages), >, 5);
    for (guint i = 0; pages[i + 1] != NULL; i++)
      {
        g_autofree char *page = squeeze (pages[i]);

        g_assert_nonnull (strstr (page, f->ja ? "時点の記録" : "Asitstoodon"));
      }
  }

  /* Closed: the copy goes. */
  gtk_window_destroy (GTK_WINDOW (then));
  hubs_test_spin (100);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

/* @text without spaces and line breaks. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, "\n ", -1);

  return g_strjoinv ("", words);
}

/* A KPI behind its plan in the year takes why and what will be done; both land in the store
 * and in the report; a submitted year shows them read-only. */
static void
test_explanation_form (Fixture       *f,
                       gconstpointer  data)
{
  const char *kpi_id = "fukuoka/startup-visas";
  const char *why = f->ja ? "審査期間が延び、認定が翌年度にずれ込んだ" :
                            "Reviews took longer and approvals slipped into the next year";
  const char *action = f->ja ? "入管と月例で進捗を確認する" :
                               "Monthly progress checks with the immigration office";
  g_autoptr(HubsExplanation) stored = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GError) error = NULL;
  HubsKpiEditor *editor;
  HubsExplanationGroup *group;
  GtkEditable *field;

  editor = open_kpi (f, "fukuoka", kpi_id);
  /* No actual yet: nothing to explain. */
  g_assert_null (hubs_kpi_editor_find_explanation (editor, f->year));

  /* 145 against a plan of 160: limited progress, and the form shows at once. */
  gtk_editable_set_text (hubs_figure_row_get_entry (actual_row (editor, f->year)), "145");
  g_signal_emit_by_name (hubs_figure_row_get_entry (actual_row (editor, f->year)), "activate");
  group = HUBS_EXPLANATION_GROUP (hubs_kpi_editor_find_explanation (editor, f->year));
  g_assert_nonnull (group);
  g_assert_false (hubs_explanation_group_get_locked (group));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (hubs_explanation_group_get_why (group))),
                   ==, f->ja ? "要因分析" : "Why it is behind");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (hubs_explanation_group_get_action (group))),
                   ==, f->ja ? "今後の対応" : "What will be done");

  field = hubs_explanation_group_get_why (group);
  gtk_editable_set_text (field, why);
  g_signal_emit_by_name (field, "apply");
  field = hubs_explanation_group_get_action (group);
  gtk_editable_set_text (field, action);
  g_signal_emit_by_name (field, "entry-activated");

  stored = hubs_store_get_explanation (f->store, kpi_id, f->year, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->why, ==, why);
  g_assert_cmpstr (stored->action, ==, action);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (field), "error"));
  hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
  scroll_to (GTK_WIDGET (group));
  save_shot (f, GTK_WIDGET (f->window), "explanation");
  {
    g_autofree char *fy = hubs_format_fiscal_year (f->year, hubs_language_current ());
    g_autofree char *toast = g_strdup_printf (f->ja ? "%sの要因分析・今後の対応を保存しました"
                                                    : "Saved the %s explanation", fy);

    g_assert_true (wait_for_text (GTK_WIDGET (f->window), toast));
  }

  /* Ctrl+Z takes back the last field saved, as it would a figure; Ctrl+Shift+Z brings it
   * back. The field follows the store both ways. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_clear_pointer (&stored, hubs_explanation_free);
  stored = hubs_store_get_explanation (f->store, kpi_id, f->year, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->why, ==, why);
  g_assert_true (stored->action == NULL || *stored->action == '\0');
  g_assert_cmpstr (gtk_editable_get_text (hubs_explanation_group_get_action (group)), ==, "");
  g_assert_true (wait_for_text (GTK_WIDGET (f->window), f->ja ? "元に戻しました" : "Undone:"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_clear_pointer (&stored, hubs_explanation_free);
  stored = hubs_store_get_explanation (f->store, kpi_id, f->year, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->action, ==, action);
  g_assert_cmpstr (gtk_editable_get_text (hubs_explanation_group_get_action (group)), ==, action);

  /* Someone else changes why while the user types a new one: the typing stays, the save
   * does not overwrite theirs unseen but says what it now reads, and Enter again saves over
   * it. */
  {
    const char *theirs = f->ja ? "申請件数が見込みを下回った" : "Fewer applications than expected";
    const char *mine = f->ja ? "審査の遅れと申請の減少" : "Slower reviews and fewer applications";
    g_autoptr(HubsExplanation) other = NULL;
    const char *description;

    field = hubs_explanation_group_get_why (group);
    gtk_editable_set_text (field, mine);
    other = hubs_store_get_explanation (f->store, kpi_id, f->year, &error);
    g_assert_no_error (error);
    g_free (other->why);
    other->why = g_strdup (theirs);
    g_assert_true (hubs_store_set_explanation (f->store, other, &error));
    g_assert_no_error (error);
    hubs_test_wait_frames (GTK_WIDGET (f->window), 2);
    g_assert_cmpstr (gtk_editable_get_text (field), ==, mine);

    g_signal_emit_by_name (field, "entry-activated");
    g_clear_pointer (&stored, hubs_explanation_free);
    stored = hubs_store_get_explanation (f->store, kpi_id, f->year, &error);
    g_assert_cmpstr (stored->why, ==, theirs);
    description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
    g_assert_nonnull (strstr (description, theirs));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (field), "error"));
    g_assert_cmpstr (gtk_editable_get_text (field), ==, mine);
    hubs_test_wait_frames (GTK_WIDGET (f->window), 5);
    scroll_to (GTK_WIDGET (group));
    hubs_test_wait_frames (GTK_WIDGET (f->window), 3);
    scroll_to (GTK_WIDGET (group));
    hubs_test_wait_frames (GTK_WIDGET (f->window), 3);
    save_shot (f, GTK_WIDGET (f->window), "explanation-changed-meanwhile");

    g_signal_emit_by_name (field, "entry-activated");
    g_clear_pointer (&stored, hubs_explanation_free);
    stored = hubs_store_get_explanation (f->store, kpi_id, f->year, &error);
    g_assert_cmpstr (stored->why, ==, mine);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (field), "error"));

    /* Back to the user's first words, for what follows. */
    gtk_editable_set_text (field, why);
    g_signal_emit_by_name (field, "entry-activated");
    g_clear_pointer (&stored, hubs_explanation_free);
    stored = hubs_store_get_explanation (f->store, kpi_id, f->year, &error);
    g_assert_cmpstr (stored->why, ==, why);
  }

  /* Submitted: read-only, and it says who submitted it. */
  set_state (f, "fukuoka", HUBS_YEAR_SUBMITTED, NULL);
  g_assert_true (hubs_explanation_group_get_locked (group));
  g_assert_false (gtk_editable_get_editable (hubs_explanation_group_get_why (group)));
  g_assert_false (gtk_editable_get_editable (hubs_explanation_group_get_action (group)));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "山田 花子"));
  g_assert_cmpstr (gtk_editable_get_text (hubs_explanation_group_get_why (group)), ==, why);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 3);
  scroll_to (GTK_WIDGET (group));
  save_shot (f, GTK_WIDGET (f->window), "explanation-locked");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 600);
  hubs_test_wait_frames (GTK_WIDGET (f->window), 3);
  scroll_to (GTK_WIDGET (group));
  save_shot (f, GTK_WIDGET (f->window), "explanation-locked-small");

  /* The report prints it on the KPI's page, in the report's language. */
  pdf = hubs_test_path (f->dir, "report.pdf");
  g_assert_true (hubs_report_export (f->store, "fukuoka", pdf, hubs_language_current (), &error));
  g_assert_no_error (error);
  text = hubs_test_pdf_text (pdf);
  /* pdftotext breaks lines where the page does: read the words, not the line breaks. */
  flat = squeeze (text);
  {
    g_autofree char *why_flat = squeeze (why);
    g_autofree char *action_flat = squeeze (action);

    g_assert_nonnull (strstr (flat, why_flat));
    g_assert_nonnull (strstr (flat, action_flat));
    g_assert_nonnull (strstr (flat, f->ja ? "要因分析" : "why:"));
  }
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hubs/cycle-window/locked-figure-row", test_locked_figure_row);
  ADD ("/hubs/cycle-window/hub-page-and-sidebar", test_hub_page_and_sidebar);
  ADD ("/hubs/cycle-window/explanation-form", test_explanation_form);
  ADD ("/hubs/cycle-window/reporting-status", test_reporting_status);
  ADD ("/hubs/cycle-window/as-of-window", test_as_of_window);

#undef ADD

  return g_test_run ();
}
