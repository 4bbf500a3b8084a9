/* hubs-page-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout the content pages share: a vertical scroller around a clamped column.
 */

#include "config.h"

#include <adwaita.h>

#include "hubs-page-layout.h"

/**
 * hubs_page_layout_new:
 * @parent: the page widget; the scroller becomes its only child
 * @maximum_width: the column's largest width
 * @spacing: the space between the column's children
 * @box: (out) (transfer none): the column to append content to
 *
 * Returns: (transfer none): the scroller, to unparent in the page's dispose
 */
GtkWidget *
hubs_page_layout_new (GtkWidget  *parent,
                      int         maximum_width,
                      int         spacing,
                      GtkBox    **box)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (scroller, parent);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), maximum_width);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  gtk_widget_set_margin_top (column, 24);
  /* Room under the last row for a toast (about 48 px, 12 above the edge), so scrolled to
   * the end the page's last button shows above it rather than under it. */
  gtk_widget_set_margin_bottom (column, 24 + 60);
  gtk_widget_set_margin_start (column, 12);
  gtk_widget_set_margin_end (column, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);

  *box = GTK_BOX (column);

  return scroller;
}
