/* hubs-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void hubs_csv_append_field (GString           *line,
                            const char        *field);
void hubs_csv_append_row   (GString           *out,
                            const char * const *fields,
                            guint               n_fields);

char       *hubs_csv_defuse_text  (const char *text);
const char *hubs_csv_restore_text (const char *text);

/* The UTF-8 byte order mark, which Excel needs to read a UTF-8 CSV file as UTF-8. */
#define HUBS_CSV_UTF8_BOM "\xEF\xBB\xBF"

/**
 * HubsCsvEncoding:
 * @HUBS_CSV_ENCODING_UTF8: UTF-8 without a byte order mark (plain ASCII reads as this)
 * @HUBS_CSV_ENCODING_UTF8_BOM: UTF-8 that starts with a byte order mark
 * @HUBS_CSV_ENCODING_CP932: Shift_JIS as Windows writes it (CP932), which Japanese Excel
 *   uses for “CSV (comma delimited)”
 *
 * The encoding a CSV file was read in.
 */
typedef enum
{
  HUBS_CSV_ENCODING_UTF8,
  HUBS_CSV_ENCODING_UTF8_BOM,
  HUBS_CSV_ENCODING_CP932,
} HubsCsvEncoding;

/**
 * HubsCsvField:
 * @text: the field's text, UTF-8, quotes removed
 * @line: the line of the file the field starts on, from 1
 * @column: the field's position in its record, from 1 (the spreadsheet column)
 *
 * One field of a record and where it is in the file.
 */
typedef struct
{
  char  *text;
  guint  line;
  guint  column;
} HubsCsvField;

/**
 * HubsCsvRecord:
 * @line: the line of the file the record starts on, from 1
 * @n_fields: the number of fields
 * @fields: (array length=n_fields): the fields
 *
 * One record (row) of a CSV file. A field with embedded line breaks makes a record span
 * several lines.
 */
typedef struct
{
  guint         line;
  guint         n_fields;
  HubsCsvField *fields;
} HubsCsvRecord;

/**
 * HubsCsvProblem:
 * @line: the line of the file, from 1
 * @column: the field's position in its record, from 1
 * @message: what is wrong, translated, one sentence
 *
 * Something in the file that is not valid CSV, or a value the reader of the records
 * refused, and where it is.
 */
typedef struct
{
  guint  line;
  guint  column;
  char  *message;
} HubsCsvProblem;

HubsCsvProblem *hubs_csv_problem_new  (guint           line,
                                       guint           column,
                                       const char     *message);
void            hubs_csv_problem_free (HubsCsvProblem *problem);

typedef struct _HubsCsvReader HubsCsvReader;

HubsCsvReader       *hubs_csv_reader_new           (GInputStream   *stream);
void                 hubs_csv_reader_free          (HubsCsvReader  *reader);
const HubsCsvRecord *hubs_csv_reader_next          (HubsCsvReader  *reader,
                                                    GError        **error);
GPtrArray           *hubs_csv_reader_get_problems  (HubsCsvReader  *reader);
HubsCsvEncoding      hubs_csv_reader_get_encoding  (HubsCsvReader  *reader);
gboolean             hubs_csv_reader_is_undecodable (HubsCsvReader *reader);

typedef struct _HubsCsvTable HubsCsvTable;

HubsCsvTable        *hubs_csv_table_new_from_data  (const char    *data,
                                                    gsize          len);
void                 hubs_csv_table_free           (HubsCsvTable  *table);
HubsCsvEncoding      hubs_csv_table_get_encoding   (HubsCsvTable  *table);
guint                hubs_csv_table_get_n_records  (HubsCsvTable  *table);
const HubsCsvRecord *hubs_csv_table_get_record     (HubsCsvTable  *table,
                                                    guint          index);
GPtrArray           *hubs_csv_table_get_problems   (HubsCsvTable  *table);

const char          *hubs_csv_encoding_get_label   (HubsCsvEncoding encoding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsCsvProblem, hubs_csv_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsCsvReader, hubs_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsCsvTable, hubs_csv_table_free)

G_END_DECLS
