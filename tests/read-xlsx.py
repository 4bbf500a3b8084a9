#!/usr/bin/python3
# read-xlsx.py: what an Excel workbook holds, read with an independent reader (openpyxl),
# one fact a line, tab-separated, for test-export-xlsx.c:
#
#   sheet NAME FREEZE_PANES
#   width SHEET COLUMN_LETTER WIDTH
#   cell SHEET ROW COLUMN TYPE NUMBER_FORMAT VALUE     (ROW, COLUMN from 1; TYPE n or s)
#   link SHEET ROW COLUMN TARGET
#
# Tabs, line breaks and backslashes in values are written \t, \n and \\.
#
# read-xlsx.py --save-csv SHEET CELL VALUE OUT FILE: what a person does in Excel with the
# sheet to fill in: types VALUE into CELL (such as K12) and saves SHEET as CSV UTF-8 to OUT,
# numbers written as Excel's General format shows them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import sys

import openpyxl


def escape(value):
    return (str(value).replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')
            .replace('\r', '\\r'))


def main(path):
    workbook = openpyxl.load_workbook(path)
    out = []
    for sheet in workbook.worksheets:
        out.append(['sheet', sheet.title, sheet.freeze_panes or ''])
        for letter, dimension in sorted(sheet.column_dimensions.items()):
            out.append(['width', sheet.title, letter, '%.2f' % (dimension.width or 0)])
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                kind = 'n' if isinstance(cell.value, (int, float)) else 's'
                value = repr(float(cell.value)) if kind == 'n' else cell.value
                out.append(['cell', sheet.title, str(cell.row), str(cell.column), kind,
                            cell.number_format, value])
                if cell.hyperlink is not None:
                    out.append(['link', sheet.title, str(cell.row), str(cell.column),
                                cell.hyperlink.location or cell.hyperlink.target or ''])
    for line in out:
        print('\t'.join(escape(field) for field in line))


def save_csv(sheet_name, cell, value, out, path):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[sheet_name]
    sheet[cell] = float(value) if value.replace('.', '', 1).isdigit() else value
    with open(out, 'w', encoding='utf-8-sig', newline='') as f:
        writer = csv.writer(f, lineterminator='\r\n')
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(['' if v is None else
                             ('%d' % v if isinstance(v, float) and v.is_integer() else str(v))
                             for v in row])


if __name__ == '__main__':
    if sys.argv[1] == '--save-csv':
        save_csv(*sys.argv[2:7])
    else:
        main(sys.argv[1])
