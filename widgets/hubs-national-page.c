/* hubs-national-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The national view: every hub of the database at once. A table of hubs by pillar with each
 * KPI's status as a mark, a colour and a word, and how many of the hub's KPIs are on track;
 * the national totals of the indicators several hubs count, each saying how many hubs it adds
 * up and which it leaves out; and the comparison chart, with one hub marked out. It shows the
 * live model and follows every change; choosing a KPI opens it (HubsNationalPage::kpi-activated).
 */

#define G_LOG_DOMAIN "hubs-national-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-chart-view.h"
#include "hubs-i18n.h"
#include "hubs-national.h"
#include "hubs-national-page.h"
#include "hubs-store-indicator.h"

struct _HubsNationalPage
{
  AdwBin         parent_instance;

  /* Widgets */
  GtkBox        *table_box;
  GtkBox        *totals_box;
  GtkDropDown   *year_dropdown;
  GtkDropDown   *highlight_dropdown;
  GtkStringList *highlight_names;
  HubsChartView *comparison;

  /* Owned */
  HubsLiveModel *model;
  /* The hub ids of highlight_dropdown's items after the first ("None") */
  GPtrArray     *highlight_ids;

  /* State */
  /* The fiscal year of the totals' actuals, or 0 for the latest with any */
  int            fiscal_year;
  guint          refresh_source;
  /* The width the tables need side by side, once they were too wide for the page; 0 before */
  int            wide_width;
  guint          setting_year : 1;
  /* One list per hub and per indicator, in a page too narrow for the tables */
  guint          narrow : 1;
};

G_DEFINE_FINAL_TYPE (HubsNationalPage, hubs_national_page, ADW_TYPE_BIN)

enum {
  KPI_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_mark (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  HubsNationalPage *self = g_object_get_data (G_OBJECT (area), "page");
  HubsStatus status = GPOINTER_TO_UINT (data);

  hubs_chart_draw_status_shape (cr, status, hubs_chart_view_get_theme (self->comparison),
                                width / 2.0, height / 2.0, MIN (width, height) - 2);
}

static void
on_chip_clicked (GtkButton        *button,
                 HubsNationalPage *self)
{
  g_signal_emit (self, signals[KPI_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (button), "hub-id"),
                 g_object_get_data (G_OBJECT (button), "kpi-id"));
}

/* One KPI: its status mark and word, its name under them; a click opens it. */
static GtkWidget *
make_chip (HubsNationalPage       *self,
           const HubsHub          *hub,
           const HubsNationalCell *cell,
           HubsLanguage            lang)
{
  const char *name = lang == HUBS_LANGUAGE_JA ? cell->kpi->name_ja : cell->kpi->name_en;
  /* As the hub page says it: no actual is not a status to worry about. */
  const char *word = cell->has_actual ? hubs_status_get_label (cell->status, lang)
                                      : hubs_i18n_gettext (lang, N_("Not entered yet"));
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *mark = gtk_drawing_area_new ();
  GtkWidget *status = gtk_label_new (word);
  GtkWidget *kpi = gtk_label_new (name);
  /* Translators: what a screen reader says for a KPI of the national view: the KPI, then its
   * status */
  g_autofree char *said = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s: %2$s")), name,
                                           word);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (mark), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (mark), 14);
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (mark), "page", self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (mark), draw_mark,
                                  GUINT_TO_POINTER (cell->status), NULL);
  gtk_widget_add_css_class (status, "caption-heading");
  gtk_widget_add_css_class (status, hubs_status_to_string (cell->status));
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  /* In a narrow window the words wrap rather than push the table out of it. */
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (status), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (kpi), 0);
  /* The name in up to two lines; the tooltip has it whole. */
  gtk_label_set_wrap (GTK_LABEL (kpi), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (kpi), PANGO_WRAP_WORD);
  gtk_label_set_lines (GTK_LABEL (kpi), 2);
  gtk_label_set_ellipsize (GTK_LABEL (kpi), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (kpi), 20);
  gtk_label_set_width_chars (GTK_LABEL (kpi), 6);
  gtk_widget_add_css_class (kpi, "caption");
  gtk_widget_set_margin_bottom (kpi, 2);
  if (cell->kpi->parent_id != NULL)
    gtk_widget_set_margin_start (box, 12);

  gtk_box_append (GTK_BOX (top), mark);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), kpi);
  gtk_box_append (GTK_BOX (box), top);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, said);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, said,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "hub-id", g_strdup (hub->id), g_free);
  g_object_set_data_full (G_OBJECT (button), "kpi-id", g_strdup (cell->kpi->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_chip_clicked), self, 0);

  return button;
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static void
append_card (GtkBox    *box,
             GtkWidget *child)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (frame, "card");
  gtk_box_append (GTK_BOX (frame), child);
  gtk_box_append (box, frame);
}

/* The hub's name, and how many of its KPIs are on track under it. */
static GtkWidget *
make_hub_heading (const HubsNationalHub *nh,
                  HubsLanguage           lang)
{
  g_autofree char *on_track = hubs_national_hub_describe_on_track (nh, lang);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box),
                  make_label (lang == HUBS_LANGUAGE_JA ? nh->hub->name_ja : nh->hub->name_en,
                              "heading", 0));
  gtk_box_append (GTK_BOX (box), make_label (on_track, "caption", 0));

  return box;
}

/* The table of hubs by pillar: a hub a row, a pillar a column. */
static void
fill_table_wide (HubsNationalPage   *self,
                 const HubsNational *national,
                 HubsLanguage        lang)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  g_object_set (grid, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);

  gtk_grid_attach (GTK_GRID (grid),
                   make_label (hubs_i18n_gettext (lang, N_("Hub city")), "heading", 0), 0, 0, 1, 1);
  for (HubsPillar p = 0; p < HUBS_N_PILLARS; p++)
    gtk_grid_attach (GTK_GRID (grid),
                     make_label (hubs_i18n_pillar_label (lang, p), "heading", 0), 1 + p, 0, 1, 1);

  for (guint i = 0; i < national->hubs->len; i++)
    {
      const HubsNationalHub *nh = g_ptr_array_index (national->hubs, i);
      GtkWidget *name_box = make_hub_heading (nh, lang);

      gtk_widget_set_size_request (name_box, 80, -1);
      gtk_widget_set_margin_top (name_box, 6);
      gtk_grid_attach (GTK_GRID (grid), name_box, 0, 1 + 2 * i, 1, 1);
      if (i > 0)
        gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL),
                         0, 2 * i, 1 + HUBS_N_PILLARS, 1);

      for (HubsPillar p = 0; p < HUBS_N_PILLARS; p++)
        {
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          for (guint k = 0; k < nh->pillars[p]->len; k++)
            gtk_box_append (GTK_BOX (cell),
                            make_chip (self, nh->hub, g_ptr_array_index (nh->pillars[p], k), lang));
          if (nh->pillars[p]->len == 0)
            gtk_box_append (GTK_BOX (cell), make_label ("—", "dim-label", 0));
          gtk_widget_set_hexpand (cell, TRUE);
          gtk_grid_attach (GTK_GRID (grid), cell, 1 + p, 1 + 2 * i, 1, 1);
        }
    }

  append_card (self->table_box, grid);
}

/* The same in a narrow page: a hub under the other, its pillars one under the other. */
static void
fill_table_narrow (HubsNationalPage   *self,
                   const HubsNational *national,
                   HubsLanguage        lang)
{
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_object_set (list, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);

  for (guint i = 0; i < national->hubs->len; i++)
    {
      const HubsNationalHub *nh = g_ptr_array_index (national->hubs, i);

      if (i > 0)
        gtk_box_append (GTK_BOX (list), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (list), make_hub_heading (nh, lang));

      for (HubsPillar p = 0; p < HUBS_N_PILLARS; p++)
        {
          GtkWidget *pillar;

          if (nh->pillars[p]->len == 0)
            continue;
          pillar = make_label (hubs_i18n_pillar_label (lang, p), "caption-heading", 0);
          gtk_widget_add_css_class (pillar, "dim-label");
          gtk_widget_set_margin_top (pillar, 6);
          gtk_box_append (GTK_BOX (list), pillar);
          for (guint k = 0; k < nh->pillars[p]->len; k++)
            gtk_box_append (GTK_BOX (list),
                            make_chip (self, nh->hub, g_ptr_array_index (nh->pillars[p], k), lang));
        }
    }

  append_card (self->table_box, list);
}

/* A total of one column: its value, and how many hubs it adds up under it. */
static GtkWidget *
make_sum (const HubsNationalTotal *t,
          HubsNationalColumn       c,
          HubsLanguage             lang,
          float                    xalign)
{
  const HubsNationalSum *sum = &t->sums[c];
  g_autofree char *value = sum->n_hubs > 0 && t->kpi != NULL
                           ? hubs_format_kpi_value (t->kpi, sum->value, lang)
                           : g_strdup ("—");
  g_autofree char *coverage = hubs_national_sum_describe_coverage (t, c, lang);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *value_label = make_label (value, "numeric", xalign);

  gtk_widget_add_css_class (value_label, "heading");
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), make_label (coverage, "caption", xalign));

  return box;
}

/* The hubs a total leaves out and why, in small type; %NULL when it adds up every hub. */
static GtkWidget *
make_left_out (const HubsNationalTotal *t,
               HubsLanguage             lang)
{
  g_autofree char *left_out = hubs_national_total_describe_left_out (t, lang);
  GtkWidget *label;

  if (left_out == NULL)
    return NULL;

  label = make_label (left_out, "caption", 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The totals as a table: an indicator a row, a column each for the baseline, the actuals
 * and the targets. */
static void
fill_totals_wide (HubsNationalPage   *self,
                  const HubsNational *national,
                  HubsLanguage        lang)
{
  GtkWidget *grid;
  guint row = 1;

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  g_object_set (grid, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);

  gtk_grid_attach (GTK_GRID (grid),
                   make_label (hubs_i18n_gettext (lang, N_("Indicator")), "heading", 0), 0, 0, 1, 1);
  for (HubsNationalColumn c = 0; c < HUBS_NATIONAL_N_COLUMNS; c++)
    {
      g_autofree char *title = hubs_national_column_get_title (national, c, lang);

      gtk_grid_attach (GTK_GRID (grid), make_label (title, "heading", 1), 1 + c, 0, 1, 1);
    }

  for (guint i = 0; i < national->totals->len; i++)
    {
      const HubsNationalTotal *t = g_ptr_array_index (national->totals, i);
      GtkWidget *name = make_label (hubs_national_indicator_get_label (t->key, lang), "heading",
                                    0);
      GtkWidget *left_out = make_left_out (t, lang);

      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_margin_top (name, 8);
      gtk_grid_attach (GTK_GRID (grid), name, 0, row, 1, 1);
      for (HubsNationalColumn c = 0; c < HUBS_NATIONAL_N_COLUMNS; c++)
        {
          GtkWidget *box = make_sum (t, c, lang, 1);

          gtk_widget_set_margin_top (box, 8);
          gtk_grid_attach (GTK_GRID (grid), box, 1 + c, row, 1, 1);
        }
      row++;
      if (left_out != NULL)
        gtk_grid_attach (GTK_GRID (grid), left_out, 0, row++, 1 + HUBS_NATIONAL_N_COLUMNS, 1);
    }

  append_card (self->totals_box, grid);
}

/* The same in a narrow page: an indicator under the other, its columns as lines. */
static void
fill_totals_narrow (HubsNationalPage   *self,
                    const HubsNational *national,
                    HubsLanguage        lang)
{
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_object_set (list, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);

  for (guint i = 0; i < national->totals->len; i++)
    {
      const HubsNationalTotal *t = g_ptr_array_index (national->totals, i);
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *left_out = make_left_out (t, lang);

      if (i > 0)
        gtk_box_append (GTK_BOX (list), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (list),
                      make_label (hubs_national_indicator_get_label (t->key, lang), "heading", 0));

      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
      for (HubsNationalColumn c = 0; c < HUBS_NATIONAL_N_COLUMNS; c++)
        {
          g_autofree char *title = hubs_national_column_get_title (national, c, lang);
          GtkWidget *title_label = make_label (title, "caption-heading", 0);
          GtkWidget *sum = make_sum (t, c, lang, 1);

          gtk_widget_set_valign (title_label, GTK_ALIGN_START);
          gtk_widget_set_hexpand (title_label, TRUE);
          gtk_grid_attach (GTK_GRID (grid), title_label, 0, c, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), sum, 1, c, 1, 1);
        }
      gtk_box_append (GTK_BOX (list), grid);
      if (left_out != NULL)
        gtk_box_append (GTK_BOX (list), left_out);
    }

  append_card (self->totals_box, list);
}

static void
fill_tables (HubsNationalPage   *self,
             const HubsNational *national,
             HubsLanguage        lang)
{
  if (self->narrow)
    fill_table_narrow (self, national, lang);
  else
    fill_table_wide (self, national, lang);

  if (national->totals->len == 0)
    gtk_box_append (self->totals_box,
                    make_label (hubs_i18n_gettext (lang, N_("No KPI of this database counts an "
                                                            "indicator that other hubs count "
                                                            "too.")), "dim-label", 0));
  else if (self->narrow)
    fill_totals_narrow (self, national, lang);
  else
    fill_totals_wide (self, national, lang);
}

static void
refresh_highlight_names (HubsNationalPage   *self,
                         const HubsNational *national,
                         HubsLanguage        lang)
{
  guint selected = gtk_drop_down_get_selected (self->highlight_dropdown);
  g_autofree char *selected_id = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected - 1 < self->highlight_ids->len)
    selected_id = g_strdup (g_ptr_array_index (self->highlight_ids, selected - 1));

  g_ptr_array_set_size (self->highlight_ids, 0);
  g_ptr_array_add (names, (gpointer) hubs_i18n_gettext (lang, N_("None")));
  for (guint i = 0; i < national->hubs->len; i++)
    {
      const HubsNationalHub *nh = g_ptr_array_index (national->hubs, i);

      g_ptr_array_add (self->highlight_ids, g_strdup (nh->hub->id));
      g_ptr_array_add (names, lang == HUBS_LANGUAGE_JA ? nh->hub->name_ja : nh->hub->name_en);
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->highlight_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->highlight_names)),
                          (const char * const *) names->pdata);
  hubs_national_page_set_highlight_hub (self, selected_id);
}

/* The KPI whose chip has the keyboard focus, if one has. */
static char *
focused_kpi (HubsNationalPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != GTK_WIDGET (self->table_box);
       focus = gtk_widget_get_parent (focus))
    if (g_object_get_data (G_OBJECT (focus), "kpi-id") != NULL)
      return g_strdup (g_object_get_data (G_OBJECT (focus), "kpi-id"));

  return NULL;
}

static GtkWidget *
find_chip (GtkWidget  *root,
           const char *kpi_id)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (g_object_get_data (G_OBJECT (root), "kpi-id"), kpi_id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chip (child, kpi_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
refresh (HubsNationalPage *self)
{
  HubsLanguage lang = hubs_language_current ();
  g_autoptr(GHashTable) indicators = NULL;
  g_autoptr(HubsNational) national = NULL;
  g_autoptr(GError) error = NULL;
  /* A change while a person moves through the table with the keyboard keeps their place. */
  g_autofree char *focus = focused_kpi (self);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  clear_box (self->table_box);
  clear_box (self->totals_box);

  if (!(indicators = hubs_store_list_indicators (hubs_live_model_get_store (self->model),
                                                 &error)) ||
      !(national = hubs_national_new_for_live (self->model, indicators, self->fiscal_year,
                                               &error)))
    {
      g_warning ("The national view cannot be shown: %s", error->message);
      gtk_box_append (self->table_box, make_label (error->message, NULL, 0));
      return;
    }

  fill_tables (self, national, lang);
  refresh_highlight_names (self, national, lang);

  self->setting_year = TRUE;
  gtk_drop_down_set_selected (self->year_dropdown,
                              national->fiscal_year - HUBS_FIRST_FISCAL_YEAR);
  self->setting_year = FALSE;

  if (focus != NULL)
    {
      GtkWidget *chip = find_chip (GTK_WIDGET (self->table_box), focus);

      if (chip != NULL)
        gtk_widget_grab_focus (chip);
    }
}

static gboolean
refresh_idle (gpointer data)
{
  HubsNationalPage *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many changes (an import) come in a burst: one refresh after them. */
static void
on_model_changed (HubsNationalPage *self)
{
  if (self->refresh_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_idle, self, NULL);
}

static void
on_map (HubsNationalPage *self)
{
  refresh (self);
}

static void
on_year_selected (HubsNationalPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->setting_year || selected == GTK_INVALID_LIST_POSITION)
    return;

  hubs_national_page_set_fiscal_year (self, HUBS_FIRST_FISCAL_YEAR + (int) selected);
}

static void
on_highlight_selected (HubsNationalPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->highlight_dropdown);

  hubs_chart_view_set_highlight (self->comparison,
                                     selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
                                     selected - 1 < self->highlight_ids->len
                                     ? g_ptr_array_index (self->highlight_ids, selected - 1)
                                     : NULL);
}

/* Below this width a column of the table is too narrow to read a KPI's name in, even where
 * the words wrap anywhere (Japanese). */
#define TABLE_MIN_WIDTH 680

/* The tables need more room than the page has (there is something to scroll to sideways, or
 * the columns are too narrow to read): a list per hub and per indicator instead, until the
 * page is wide enough for the tables again. The switch is made after this frame. */
static void
on_across_changed (GtkAdjustment    *across,
                   HubsNationalPage *self)
{
  double upper = gtk_adjustment_get_upper (across);
  double room = gtk_adjustment_get_page_size (across);
  gboolean narrow = self->narrow;

  if (room <= 0)
    return;

  if (!self->narrow && (upper > room + 1 || room < TABLE_MIN_WIDTH))
    {
      self->wide_width = MAX ((int) upper, TABLE_MIN_WIDTH);
      narrow = TRUE;
    }
  else if (self->narrow && room >= self->wide_width)
    narrow = FALSE;

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
    }
}

/**
 * hubs_national_page_get_narrow:
 * @self: a #HubsNationalPage
 *
 * Returns: whether the page shows a list per hub, being too narrow for the tables
 */
gboolean
hubs_national_page_get_narrow (HubsNationalPage *self)
{
  g_return_val_if_fail (HUBS_IS_NATIONAL_PAGE (self), FALSE);

  return self->narrow;
}

static void
hubs_national_page_dispose (GObject *object)
{
  HubsNationalPage *self = HUBS_NATIONAL_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->model);
  g_clear_pointer (&self->highlight_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (hubs_national_page_parent_class)->dispose (object);
}

static void
hubs_national_page_class_init (HubsNationalPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hubs_national_page_dispose;

  /**
   * HubsNationalPage::kpi-activated:
   * @self: a #HubsNationalPage
   * @hub_id: the hub
   * @kpi_id: the KPI the user chose
   *
   * Emitted when a KPI of the table is chosen, to open it.
   */
  signals[KPI_ACTIVATED] =
    g_signal_new ("kpi-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
section_heading (const char *title,
                 const char *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_box_append (GTK_BOX (box), make_label (title, "title-4", 0));
  if (description != NULL)
    gtk_box_append (GTK_BOX (box), make_label (description, "dim-label", 0));
  gtk_widget_set_hexpand (box, TRUE);

  return box;
}

static void
hubs_national_page_init (HubsNationalPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row;
  GtkWidget *label;
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);

  self->highlight_ids = g_ptr_array_new_with_free_func (g_free);
  self->table_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  self->totals_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));

  g_object_set (box, "margin-top", 24, "margin-bottom", 24, "margin-start", 12, "margin-end", 12,
                NULL);
  gtk_box_append (GTK_BOX (box), make_label (_("All Hub Cities"), "title-2", 0));
  gtk_box_append (GTK_BOX (box),
                  make_label (_("Every hub’s KPIs by pillar with where each stands, and the "
                                "national totals of the indicators several hubs count. Choose "
                                "a KPI to open it."), "dim-label", 0));

  gtk_box_append (GTK_BOX (box), section_heading (_("Status by Hub and Pillar"), NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->table_box));

  /* The totals, with the year of the actuals they add up. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (row, 12);
  gtk_box_append (GTK_BOX (row),
                  section_heading (_("National Totals"),
                                   _("Each total adds up only the hubs that count the indicator "
                                     "in the same unit and the same way; the others are named "
                                     "with the reason.")));
  for (int y = HUBS_FIRST_FISCAL_YEAR; y <= HUBS_LAST_FISCAL_YEAR; y++)
    g_ptr_array_add (years, hubs_format_fiscal_year (y, hubs_language_current ()));
  g_ptr_array_add (years, NULL);
  self->year_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *)
                                                                       years->pdata));
  gtk_widget_set_valign (GTK_WIDGET (self->year_dropdown), GTK_ALIGN_CENTER);
  label = gtk_label_new_with_mnemonic (_("_Actuals of"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->year_dropdown));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->year_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->year_dropdown));
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->totals_box));

  /* The comparison, with one hub marked out. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (row, 12);
  gtk_box_append (GTK_BOX (row), section_heading (_("Comparison of the Hubs"), NULL));
  self->highlight_names = gtk_string_list_new (NULL);
  self->highlight_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->highlight_names),
                                                               NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->highlight_dropdown), GTK_ALIGN_CENTER);
  label = gtk_label_new_with_mnemonic (_("_Highlight"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->highlight_dropdown));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->highlight_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->highlight_dropdown));
  gtk_box_append (GTK_BOX (box), row);
  self->comparison = HUBS_CHART_VIEW (hubs_chart_view_new (HUBS_CHART_COMPARISON));
  gtk_widget_set_size_request (GTK_WIDGET (self->comparison), -1, 560);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->comparison));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scrolled);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                           "changed", G_CALLBACK (on_across_changed), self, 0);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect_object (self->year_dropdown, "notify::selected",
                           G_CALLBACK (on_year_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->highlight_dropdown, "notify::selected",
                           G_CALLBACK (on_highlight_selected), self, G_CONNECT_SWAPPED);
}

/**
 * hubs_national_page_new:
 * @model: the live model of the database to show
 *
 * Returns: (transfer full): the page, which shows @model when it is mapped and follows its
 *   changes while it is
 */
GtkWidget *
hubs_national_page_new (HubsLiveModel *model)
{
  HubsNationalPage *self;

  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (model), NULL);

  self = g_object_new (HUBS_TYPE_NATIONAL_PAGE, NULL);
  self->model = g_object_ref (model);
  hubs_chart_view_set_live_comparison (self->comparison, model);
  g_signal_connect_object (model, "changed", G_CALLBACK (on_model_changed), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * hubs_national_page_get_model:
 * @self: a #HubsNationalPage
 *
 * Returns: (transfer none): the live model it shows
 */
HubsLiveModel *
hubs_national_page_get_model (HubsNationalPage *self)
{
  g_return_val_if_fail (HUBS_IS_NATIONAL_PAGE (self), NULL);

  return self->model;
}

/**
 * hubs_national_page_get_fiscal_year:
 * @self: a #HubsNationalPage
 *
 * Returns: the fiscal year of the totals' actuals, or 0 while it follows the latest
 */
int
hubs_national_page_get_fiscal_year (HubsNationalPage *self)
{
  g_return_val_if_fail (HUBS_IS_NATIONAL_PAGE (self), 0);

  return self->fiscal_year;
}

/**
 * hubs_national_page_set_fiscal_year:
 * @self: a #HubsNationalPage
 * @fiscal_year: the fiscal year of the actuals to add up, or 0 for the latest with any
 */
void
hubs_national_page_set_fiscal_year (HubsNationalPage *self,
                                    int               fiscal_year)
{
  g_return_if_fail (HUBS_IS_NATIONAL_PAGE (self));

  if (self->fiscal_year == fiscal_year)
    return;

  self->fiscal_year = fiscal_year;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

/**
 * hubs_national_page_set_highlight_hub:
 * @self: a #HubsNationalPage
 * @hub_id: (nullable): the hub to mark out in the comparison, or %NULL
 */
void
hubs_national_page_set_highlight_hub (HubsNationalPage *self,
                                      const char       *hub_id)
{
  guint position = 0;

  g_return_if_fail (HUBS_IS_NATIONAL_PAGE (self));

  for (guint i = 0; hub_id != NULL && i < self->highlight_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->highlight_ids, i), hub_id))
      position = i + 1;

  if (gtk_drop_down_get_selected (self->highlight_dropdown) != position)
    gtk_drop_down_set_selected (self->highlight_dropdown, position);
  else
    on_highlight_selected (self);
}
