/* hubs-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled inside.
 */

#define G_LOG_DOMAIN "hubs-csv"

#include "config.h"

#include <string.h>

#include "hubs-csv.h"

/**
 * hubs_csv_append_field:
 * @line: the line being written
 * @field: (nullable): the field's text; %NULL writes an empty field
 *
 * Appends one field, quoted when it needs to be. Does not add the separator.
 */
void
hubs_csv_append_field (GString    *line,
                       const char *field)
{
  g_return_if_fail (line != NULL);

  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (line, field);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/**
 * hubs_csv_append_row:
 * @out: the text being written
 * @fields: (array length=n_fields): the fields, %NULL for empty ones
 * @n_fields: how many fields
 *
 * Appends one record and its CRLF line end.
 */
void
hubs_csv_append_row (GString            *out,
                     const char * const *fields,
                     guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      hubs_csv_append_field (out, fields[i]);
    }

  g_string_append (out, "\r\n");
}
