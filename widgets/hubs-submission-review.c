/* hubs-submission-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A consortium's submission, before it goes into this database: whose hub and year, who
 * made it and when, how many figures it changes, and each figure this database changed too
 * since it last heard from the consortium, with our value (and who changed it, when) beside
 * theirs. The user keeps ours or theirs for each; Apply is offered once every one is settled.
 */

#define G_LOG_DOMAIN "hubs-submission-review"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-store-writer.h"
#include "hubs-submission-review.h"

struct _HubsSubmissionReview
{
  AdwWindow             parent_instance;

  /* Widgets made in code */
  GtkLabel             *status_label;
  GtkButton            *apply_button;
  GtkWidget            *page;
  /* The conflicts' rows (AdwExpanderRow), in the order of the import's conflicts. */
  GPtrArray            *conflict_rows;

  /* Owned references */
  HubsStore            *store;
  HubsSubmissionImport *import;
  char                 *hub_name;

  /* State */
  /* The submission is being applied (on a shared database, by the store's writer). */
  gboolean              applying;
};

G_DEFINE_FINAL_TYPE (HubsSubmissionReview, hubs_submission_review, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_status (HubsSubmissionReview *self,
             const char           *message)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* "2026-05-31 14:02" in local time, from the ISO 8601 time the files and history carry. */
static char *
format_when (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL)
    return g_strdup ("?");
  if (!(time = g_date_time_new_from_iso8601 (iso, NULL)))
    return g_strdup (iso);

  return hubs_format_moment (time, hubs_language_current ());
}

static char *
who_of (const char *name,
        const char *organisation)
{
  if (name != NULL && organisation != NULL)
    return g_strdup_printf ("%s (%s)", name, organisation);
  if (name != NULL)
    return g_strdup (name);
  if (organisation != NULL)
    return g_strdup (organisation);
  /* Translators: who changed a figure, when nobody said */
  return g_strdup (_("someone"));
}

/* The KPI as this database has it, or else as the submission describes it. */
static HubsKpi *
lookup_kpi (HubsSubmissionReview *self,
            const char           *kpi_id)
{
  const HubsPackage *package = hubs_submission_import_get_package (self->import);
  HubsKpi *kpi = hubs_store_get_kpi (self->store, kpi_id, NULL);

  for (guint i = 0; kpi == NULL && package->kpis != NULL && i < package->kpis->len; i++)
    {
      const HubsKpi *sent = g_ptr_array_index (package->kpis, i);

      if (g_strcmp0 (sent->id, kpi_id) == 0)
        kpi = hubs_kpi_copy (sent);
    }

  return kpi;
}

static char *
format_value (const HubsKpi    *kpi,
              const HubsFigure *figure)
{
  if (figure == NULL)
    return g_strdup (_("no figure"));
  if (!figure->measured)
    return g_strdup (_("not measured"));
  if (kpi == NULL)
    return hubs_format_number (figure->value, hubs_language_current ());

  return hubs_format_figure (kpi, figure, hubs_language_current ());
}

static void
update (HubsSubmissionReview *self)
{
  GPtrArray *conflicts = hubs_submission_import_get_conflicts (self->import);
  HubsLanguage lang = hubs_language_current ();

  for (guint i = 0; i < conflicts->len; i++)
    {
      const HubsSubmissionConflict *conflict = g_ptr_array_index (conflicts, i);
      GtkWidget *row = g_ptr_array_index (self->conflict_rows, i);
      g_autofree char *fy = hubs_format_fiscal_year (conflict->fiscal_year, lang);
      const char *kind = hubs_figure_kind_get_label (conflict->kind);
      g_autofree char *subtitle = NULL;

      switch (conflict->resolution)
        {
        case HUBS_SUBMISSION_KEEP_OURS:
          /* Translators: %1$s is a fiscal year, %2$s actual, target or baseline */
          subtitle = g_strdup_printf (_("%1$s %2$s: keeping ours"), fy, kind);
          break;
        case HUBS_SUBMISSION_KEEP_THEIRS:
          /* Translators: %1$s is a fiscal year, %2$s actual, target or baseline */
          subtitle = g_strdup_printf (_("%1$s %2$s: taking theirs"), fy, kind);
          break;
        case HUBS_SUBMISSION_UNRESOLVED:
        default:
          /* Translators: %1$s is a fiscal year, %2$s actual, target or baseline */
          subtitle = g_strdup_printf (_("%1$s %2$s: choose which to keep"), fy, kind);
          break;
        }
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.apply",
                                 hubs_submission_import_count_unresolved (self->import) == 0 &&
                                 !self->applying && !hubs_store_is_read_only (self->store));
}

static void
on_choice_toggled (HubsSubmissionReview *self,
                   GtkCheckButton       *check)
{
  HubsSubmissionConflict *conflict = g_object_get_data (G_OBJECT (check), "conflict");

  if (!gtk_check_button_get_active (check))
    return;

  conflict->resolution = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "resolution"));
  update (self);
}

static GtkWidget *
make_choice (HubsSubmissionReview     *self,
             HubsSubmissionConflict   *conflict,
             HubsSubmissionResolution  resolution,
             const char               *title,
             const char               *subtitle,
             GtkCheckButton           *group)
{
  GtkWidget *row = make_row (title, subtitle);
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), conflict->resolution == resolution);
  g_object_set_data (G_OBJECT (check), "conflict", conflict);
  g_object_set_data (G_OBJECT (check), "resolution", GINT_TO_POINTER (resolution));
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_choice_toggled), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);

  return row;
}

static GtkWidget *
make_conflict_row (HubsSubmissionReview   *self,
                   HubsSubmissionConflict *conflict)
{
  const HubsPackage *package = hubs_submission_import_get_package (self->import);
  g_autoptr(HubsKpi) kpi = lookup_kpi (self, conflict->kpi_id);
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *ours = format_value (kpi, conflict->ours);
  g_autofree char *theirs = format_value (kpi, conflict->theirs);
  g_autofree char *ours_when = format_when (conflict->ours_changed_at);
  g_autofree char *theirs_when = format_when (package->created_at);
  g_autofree char *theirs_who = who_of (package->created_by, package->organisation);
  g_autofree char *ours_title = NULL;
  g_autofree char *ours_subtitle = NULL;
  g_autofree char *theirs_title = NULL;
  g_autofree char *theirs_subtitle = NULL;
  GtkWidget *ours_row;
  GtkWidget *theirs_row;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 kpi != NULL ? hubs_i18n_pick (kpi->name_ja, kpi->name_en)
                                             : conflict->kpi_id);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  /* Translators: the choice to keep this database's figure; %s is its value */
  ours_title = g_strdup_printf (_("Keep ours: %s"), ours);
  /* Translators: %1$s is who changed the figure in this database, %2$s when */
  ours_subtitle = g_strdup_printf (_("Changed here by %1$s on %2$s"),
                                   conflict->ours_changed_by != NULL ? conflict->ours_changed_by
                                                                     : _("someone"),
                                   ours_when);
  /* Translators: the choice to take the submission's figure; %s is its value */
  theirs_title = g_strdup_printf (_("Keep theirs: %s"), theirs);
  /* Translators: %1$s is who made the submission, %2$s when */
  theirs_subtitle = g_strdup_printf (_("Submitted by %1$s on %2$s"), theirs_who, theirs_when);

  ours_row = make_choice (self, conflict, HUBS_SUBMISSION_KEEP_OURS, ours_title, ours_subtitle,
                          NULL);
  theirs_row = make_choice (self, conflict, HUBS_SUBMISSION_KEEP_THEIRS, theirs_title,
                            theirs_subtitle,
                            g_object_get_data (G_OBJECT (ours_row), "check"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), ours_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), theirs_row);
  g_object_set_data (G_OBJECT (row), "ours", g_object_get_data (G_OBJECT (ours_row), "check"));
  g_object_set_data (G_OBJECT (row), "theirs",
                     g_object_get_data (G_OBJECT (theirs_row), "check"));

  return row;
}

static void
keep_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  HubsSubmissionReview *self = HUBS_SUBMISSION_REVIEW (widget);
  gboolean ours = g_str_equal (action_name, "review.keep-all-ours");

  /* Through the rows' own buttons, so what they show and what is applied stay one. */
  for (guint i = 0; i < self->conflict_rows->len; i++)
    gtk_check_button_set_active (g_object_get_data (self->conflict_rows->pdata[i],
                                                    ours ? "ours" : "theirs"),
                                 TRUE);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  hubs_submission_review_apply (HUBS_SUBMISSION_REVIEW (widget));
}

static void
hubs_submission_review_dispose (GObject *object)
{
  HubsSubmissionReview *self = HUBS_SUBMISSION_REVIEW (object);

  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hubs_submission_review_parent_class)->dispose (object);
}

/* The import lives as long as the dialog, not its window: a write under way still has it. */
static void
hubs_submission_review_finalize (GObject *object)
{
  HubsSubmissionReview *self = HUBS_SUBMISSION_REVIEW (object);

  g_clear_pointer (&self->import, hubs_submission_import_free);
  g_clear_object (&self->store);
  g_free (self->hub_name);

  G_OBJECT_CLASS (hubs_submission_review_parent_class)->finalize (object);
}

static void
hubs_submission_review_class_init (HubsSubmissionReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_submission_review_dispose;
  object_class->finalize = hubs_submission_review_finalize;

  /**
   * HubsSubmissionReview::applied:
   * @self: a #HubsSubmissionReview
   * @message: what happened, in a sentence for a toast
   *
   * Emitted once the submission is in the database; the window then closes.
   */
  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "review.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "review.keep-all-ours", NULL, keep_all_action);
  gtk_widget_class_install_action (widget_class, "review.keep-all-theirs", NULL,
                                   keep_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hubs_submission_review_init (HubsSubmissionReview *self)
{
  self->conflict_rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Import Submission"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 680);
}

static GtkWidget *
make_button (const char *label,
             const char *action_name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static void
build (HubsSubmissionReview *self)
{
  const HubsPackage *package = hubs_submission_import_get_package (self->import);
  GPtrArray *conflicts = hubs_submission_import_get_conflicts (self->import);
  HubsLanguage lang = hubs_language_current ();
  g_autoptr(HubsHub) hub = hubs_store_get_hub (self->store, package->hub_id, NULL);
  const char *hub_name = hub != NULL ? hubs_i18n_pick (hub->name_ja, hub->name_en)
                                     : hubs_i18n_pick (package->hub_name_ja, package->hub_name_en);
  g_autofree char *fy = hubs_format_fiscal_year (package->fiscal_year, lang);
  g_autofree char *who = who_of (package->created_by, package->organisation);
  g_autofree char *when = format_when (package->created_at);
  g_autofree char *n_changes = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *hub_year = NULL;
  g_autofree char *submitted = NULL;
  guint changes = hubs_submission_import_count_changes (self->import);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *apply = make_button (_("_Apply"), "review.apply");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *about = adw_preferences_group_new ();

  if (hub_name == NULL)
    hub_name = package->hub_id;
  self->hub_name = g_strdup (hub_name);
  self->apply_button = GTK_BUTTON (apply);
  self->page = page;

  /* Translators: the review's subtitle: %1$s is a hub city, %2$s a fiscal year */
  subtitle = g_strdup_printf (_("%1$s, %2$s"), hub_name, fy);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Import Submission"), subtitle));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), make_button (_("_Cancel"), "window.close"));
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_tooltip_text (apply, _("Put the submission's figures into this database"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);
  gtk_box_append (GTK_BOX (box), header);

  self->status_label = GTK_LABEL (label);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (about), _("Submission"));
  /* Translators: %1$s is a hub city, %2$s a fiscal year */
  hub_year = g_strdup_printf (_("%1$s, %2$s"), hub_name, fy);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about),
                             make_row (_("Hub city and fiscal year"), hub_year));
  /* Translators: %1$s is who made the submission (a name and organisation), %2$s when */
  submitted = g_strdup_printf (_("%1$s, %2$s"), who, when);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about),
                             make_row (_("Submitted by"), submitted));
  n_changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure changes",
                                            "%u figures change", changes),
                               changes);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about),
                             make_row (_("Changes to this database"), n_changes));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (about));

  if (conflicts->len > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *all_ours = make_button (_("Keep All _Ours"), "review.keep-all-ours");
      GtkWidget *all_theirs = make_button (_("Keep All _Theirs"), "review.keep-all-theirs");
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u figure was changed in this database too since the "
                                      "consortium last sent it. Choose which value to keep; "
                                      "the submission is applied once each is settled.",
                                      "%u figures were changed in this database too since the "
                                      "consortium last sent them. Choose which value to keep "
                                      "for each; the submission is applied once all are "
                                      "settled.",
                                      conflicts->len),
                         conflicts->len);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Changed on Both Sides"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

      for (guint i = 0; i < conflicts->len; i++)
        {
          GtkWidget *row = make_conflict_row (self, g_ptr_array_index (conflicts, i));

          g_ptr_array_add (self->conflict_rows, row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }

      gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
      gtk_widget_set_halign (buttons, GTK_ALIGN_END);
      gtk_widget_set_margin_top (buttons, 12);
      gtk_box_append (GTK_BOX (buttons), all_ours);
      gtk_box_append (GTK_BOX (buttons), all_theirs);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  adw_window_set_content (ADW_WINDOW (self), box);
  update (self);
}

/**
 * hubs_submission_review_new:
 * @parent: (nullable): the main window
 * @store: the receiving database
 * @import: (transfer full): the submission compared with @store
 *
 * Returns: (transfer floating): a new review window, not shown yet
 */
GtkWidget *
hubs_submission_review_new (GtkWindow            *parent,
                            HubsStore            *store,
                            HubsSubmissionImport *import)
{
  HubsSubmissionReview *self;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (HUBS_TYPE_SUBMISSION_REVIEW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->import = import;
  build (self);

  return GTK_WIDGET (self);
}

/* In the writer's thread on a shared database: the store's calls only. */
static gboolean
write_submission (HubsStore  *store,
                  gpointer    data,
                  GError    **error)
{
  HubsSubmissionReview *self = data;

  /* The dialog takes no choices while this runs (see hubs_submission_review_apply()). */
  return hubs_submission_import_apply (self->import, error);
}

static void
on_submission_written (HubsStore    *store,
                       gpointer      data,
                       const GError *error,
                       gpointer      user_data)
{
  HubsSubmissionReview *self = data;
  const HubsPackage *package = hubs_submission_import_get_package (self->import);
  g_autofree char *fy = NULL;
  g_autofree char *message = NULL;
  guint changes = GPOINTER_TO_UINT (user_data);

  /* Closed meanwhile: the figures were still applied, and every view shows them. */
  if (self->conflict_rows == NULL)
    return;

  self->applying = FALSE;
  gtk_button_set_label (self->apply_button, _("_Apply"));
  gtk_widget_set_sensitive (self->page, TRUE);
  update (self);
  if (error != NULL)
    {
      show_status (self, error->message);
      return;
    }

  fy = hubs_format_fiscal_year (package->fiscal_year, hubs_language_current ());
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: a toast; %1$s is a fiscal year, %2$s
                                           * a hub city, %3$u a count */
                                          "%1$s of %2$s applied: %3$u figure changed; the year "
                                          "is marked submitted",
                                          "%1$s of %2$s applied: %3$u figures changed; the year "
                                          "is marked submitted",
                                          changes),
                             fy, self->hub_name, changes);
  g_signal_emit (self, signals[APPLIED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * hubs_submission_review_apply:
 * @self: a #HubsSubmissionReview
 *
 * What Apply does: puts the submission into the database, each conflict as the user
 * settled it, then emits #HubsSubmissionReview::applied and closes. On a shared database
 * the store's writer does it while the dialog says so and takes no choices; on a file it
 * is done before this returns. Refused (nothing changes, the dialog says why) while a
 * conflict is unsettled.
 */
void
hubs_submission_review_apply (HubsSubmissionReview *self)
{
  g_return_if_fail (HUBS_IS_SUBMISSION_REVIEW (self));

  if (self->applying)
    return;

  self->applying = TRUE;
  show_status (self, NULL);
  gtk_button_set_label (self->apply_button, _("Saving…"));
  gtk_widget_set_sensitive (self->page, FALSE);
  update (self);
  hubs_store_write (self->store, write_submission, g_object_ref (self), g_object_unref,
                    on_submission_written,
                    GUINT_TO_POINTER (hubs_submission_import_count_changes (self->import)));
}
