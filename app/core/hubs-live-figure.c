/* hubs-live-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One figure of a live KPI (see hubs-live-kpi.c): a fiscal year and kind, and what the store
 * holds for it, or nothing. It is the one object a figure's field binds to; the live model
 * updates it in place when the store says that figure changed.
 */

#define G_LOG_DOMAIN "hubs-live-figure"

#include "config.h"

#include "hubs-live-private.h"

struct _HubsLiveFigure
{
  GObject         parent_instance;

  /* Owned */
  char           *kpi_id;
  HubsFigure     *figure;

  /* State */
  int             fiscal_year;
  HubsFigureKind  kind;
};

G_DEFINE_FINAL_TYPE (HubsLiveFigure, hubs_live_figure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIGURE,
  PROP_PRESENT,
  PROP_MEASURED,
  PROP_VALUE,
  PROP_CONFIRMED,
  PROP_NOTE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hubs_live_figure_finalize (GObject *object)
{
  HubsLiveFigure *self = (HubsLiveFigure *)object;

  g_clear_pointer (&self->kpi_id, g_free);
  g_clear_pointer (&self->figure, hubs_figure_free);

  G_OBJECT_CLASS (hubs_live_figure_parent_class)->finalize (object);
}

static void
hubs_live_figure_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HubsLiveFigure *self = HUBS_LIVE_FIGURE (object);
  const HubsFigure *f = self->figure;

  switch (prop_id)
    {
    case PROP_FIGURE:
      g_value_set_boxed (value, f);
      break;

    case PROP_PRESENT:
      g_value_set_boolean (value, f != NULL);
      break;

    case PROP_MEASURED:
      g_value_set_boolean (value, f != NULL && f->measured);
      break;

    case PROP_VALUE:
      g_value_set_double (value, f != NULL && f->measured ? f->value : 0);
      break;

    case PROP_CONFIRMED:
      g_value_set_boolean (value, f != NULL && f->confirmed);
      break;

    case PROP_NOTE:
      g_value_set_string (value, f ? f->note : NULL);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, f ? f->source : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_live_figure_class_init (HubsLiveFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hubs_live_figure_finalize;
  object_class->get_property = hubs_live_figure_get_property;

  /**
   * HubsLiveFigure:figure:
   *
   * The figure as stored, or %NULL when there is none. Notified once per change, after the
   * properties derived from it.
   */
  properties[PROP_FIGURE] =
    g_param_spec_boxed ("figure", NULL, NULL, HUBS_TYPE_FIGURE, flags);
  properties[PROP_PRESENT] =
    g_param_spec_boolean ("present", NULL, NULL, FALSE, flags);
  properties[PROP_MEASURED] =
    g_param_spec_boolean ("measured", NULL, NULL, FALSE, flags);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_CONFIRMED] =
    g_param_spec_boolean ("confirmed", NULL, NULL, FALSE, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hubs_live_figure_init (HubsLiveFigure *self)
{
}

HubsLiveFigure *
_hubs_live_figure_new (const char       *kpi_id,
                       int               fiscal_year,
                       HubsFigureKind    kind,
                       const HubsFigure *figure)
{
  HubsLiveFigure *self = g_object_new (HUBS_TYPE_LIVE_FIGURE, NULL);

  self->kpi_id = g_strdup (kpi_id);
  self->fiscal_year = fiscal_year;
  self->kind = kind;
  self->figure = figure ? hubs_figure_copy (figure) : NULL;

  return self;
}

/* Takes what the store now holds; notifies what differs. Returns whether anything did. */
gboolean
_hubs_live_figure_set (HubsLiveFigure   *self,
                       const HubsFigure *figure)
{
  g_autoptr(HubsFigure) old = NULL;

  if (self->figure == NULL ? figure == NULL
                           : figure != NULL && hubs_figure_equal (self->figure, figure))
    return FALSE;

  old = g_steal_pointer (&self->figure);
  self->figure = figure ? hubs_figure_copy (figure) : NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if ((old != NULL) != (figure != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENT]);
  if ((old && old->measured) != (figure && figure->measured))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURED]);
  if ((old && old->measured ? old->value : 0) != (figure && figure->measured ? figure->value : 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  if ((old && old->confirmed) != (figure && figure->confirmed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMED]);
  if (g_strcmp0 (old ? old->note : NULL, figure ? figure->note : NULL) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
  if (g_strcmp0 (old ? old->source : NULL, figure ? figure->source : NULL) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/**
 * hubs_live_figure_get_figure:
 * @self: a #HubsLiveFigure
 *
 * Returns: (transfer none) (nullable): the figure as stored, %NULL when there is none
 */
const HubsFigure *
hubs_live_figure_get_figure (HubsLiveFigure *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_FIGURE (self), NULL);

  return self->figure;
}

const char *
hubs_live_figure_get_kpi_id (HubsLiveFigure *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_FIGURE (self), NULL);

  return self->kpi_id;
}

int
hubs_live_figure_get_fiscal_year (HubsLiveFigure *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_FIGURE (self), 0);

  return self->fiscal_year;
}

HubsFigureKind
hubs_live_figure_get_kind (HubsLiveFigure *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_FIGURE (self), HUBS_FIGURE_ACTUAL);

  return self->kind;
}

/**
 * hubs_live_figure_get_present:
 * @self: a #HubsLiveFigure
 *
 * Returns: %TRUE when the store holds a figure here (measured or not)
 */
gboolean
hubs_live_figure_get_present (HubsLiveFigure *self)
{
  g_return_val_if_fail (HUBS_IS_LIVE_FIGURE (self), FALSE);

  return self->figure != NULL;
}
