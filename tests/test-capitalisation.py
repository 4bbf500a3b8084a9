#!/usr/bin/python3
# test-capitalisation.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One capitalisation style, as the GNOME HIG has it: header capitalisation for titles (window
# titles, dialog headings, status page and group titles, menu items, button labels), sentence
# capitalisation for tooltips, placeholders and the titles of rows. Reads the English strings
# of the .ui templates and of the widget calls that set a title or a button's label, and
# prints every string that breaks its rule.
#
# Usage: tests/test-capitalisation.py [SOURCE_ROOT]

import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

# Words that header capitalisation keeps in lower case, except first and last (HIG: articles,
# conjunctions, prepositions of three letters or fewer).
SMALL = {'a', 'an', 'the', 'and', 'but', 'for', 'nor', 'not', 'or', 'so', 'yet',
         'as', 'at', 'by', 'in', 'of', 'off', 'on', 'out', 'per', 'to', 'up', 'via',
         'from', 'into', 'with', 'than'}
# Names that keep their capital in the middle of a sentence.
# Not “Hubs”: as a word of a sentence it is the hub cities, not the app.
PROPER = {'Excel', 'Japanese', 'English', 'Enter', 'Space', 'Esc', 'Ctrl'}

# Calls whose first translated string is a title (header capitalisation).
TITLE_CALLS = ['gtk_window_set_title', 'adw_preferences_group_set_title',
               'adw_status_page_set_title', 'gtk_button_new_with_mnemonic',
               'gtk_button_new_with_label', 'adw_message_dialog_new',
               'gtk_file_chooser_native_new', 'adw_message_dialog_add_responses']
# Calls whose first translated string is a tooltip or a row's title (sentence case).
SENTENCE_CALLS = ['gtk_widget_set_tooltip_text', 'adw_preferences_row_set_title']


def words(text):
    text = text.replace('_', '').replace('…', '')
    for word in text.split():
        word = word.strip('“”"‘’()?!:,.;')
        # Placeholders, figures, units and words in Japanese are not English words.
        if not word or '%' in word or not word.isascii() or not word[0].isalpha():
            continue
        yield word


def header_problem(text):
    found = list(words(text))
    for i, word in enumerate(found):
        if word.isupper() and len(word) > 1:
            continue  # an acronym: KPI, PDF, CSV
        first_part = word.split('-')[0]
        inner = 0 < i < len(found) - 1
        if inner and first_part.lower() in SMALL:
            if first_part != first_part.lower():
                return f'“{word}” is a small word: lower case inside a title'
        elif first_part[0].islower():
            return f'“{word}” needs a capital in a title'
    return None


def sentence_problem(text):
    found = list(words(text))
    if found and found[0][0].islower() and text.lstrip()[:1].isalpha():
        return f'“{found[0]}” starts the text: it needs a capital'
    for word in found[1:]:
        if re.fullmatch(r'[A-Z][a-z]+', word) and word not in PROPER:
            return f'“{word}” needs no capital in sentence case'
    return None


def check_ui(path, problems):
    tree = ET.parse(path)
    for obj in tree.iter('object'):
        cls = obj.get('class', '')
        for prop in obj.findall('property') + obj.findall('accessibility/property'):
            if prop.get('translatable') != 'yes' or not prop.text:
                continue
            name = prop.get('name')
            rule = None
            if name == 'title':
                if cls.endswith('Row'):
                    rule = sentence_problem
                elif cls in ('GtkShortcutsShortcut',):
                    rule = sentence_problem
                else:
                    rule = header_problem
            elif name == 'label' and cls in ('GtkButton', 'GtkMenuButton', 'GtkToggleButton'):
                # An accessible label of an icon button says what its tooltip says.
                in_accessibility = prop not in obj.findall('property')
                rule = sentence_problem if in_accessibility else header_problem
            elif name in ('tooltip-text', 'placeholder-text'):
                rule = sentence_problem
            if rule is not None:
                problem = rule(prop.text)
                if problem:
                    problems.append(f'{path}: {cls} {name} “{prop.text}”: {problem}')
    for attribute in tree.iter('attribute'):
        if attribute.get('name') == 'label' and attribute.get('translatable') == 'yes':
            problem = header_problem(attribute.text or '')
            if problem:
                problems.append(f'{path}: menu item “{attribute.text}”: {problem}')


STRING = r'_\(\s*"((?:[^"\\]|\\.)*)"\s*\)'


def check_c(path, problems):
    source = open(path, encoding='utf-8').read()
    for calls, rule in ((TITLE_CALLS, header_problem), (SENTENCE_CALLS, sentence_problem)):
        for call in calls:
            for match in re.finditer(re.escape(call) + r'\s*\(', source):
                rest = source[match.end():]
                end = rest.find(';')
                args = rest[:end]
                strings = re.findall(STRING, args)
                # A message dialog's heading comes first, then its body (a sentence);
                # add_responses lists only labels of buttons.
                if call == 'adw_message_dialog_new':
                    strings = strings[:1]
                elif call != 'adw_message_dialog_add_responses':
                    strings = strings[:1]
                for text in strings:
                    problem = rule(text)
                    if problem:
                        line = source[:match.start()].count('\n') + 1
                        problems.append(f'{path}:{line}: {call} “{text}”: {problem}')


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    os.chdir(root)
    problems = []

    # The rules themselves, on strings that break them.
    assert header_problem('Restore from Backup') is None
    assert header_problem('Restore From Backup') is not None
    assert header_problem('Choose a file') is not None
    assert header_problem('No KPIs Yet') is None
    assert sentence_problem('Search hubs and KPIs') is None
    assert sentence_problem('Search Hubs and KPIs') is not None
    assert sentence_problem('main menu') is not None

    for path in sorted(glob.glob('resources/**/*.ui', recursive=True)):
        check_ui(path, problems)
    for path in sorted(glob.glob('widgets/*.c') + glob.glob('app/*.c')):
        # The charts' words are another person's: they are checked with the charts.
        if os.path.basename(path).startswith('hubs-chart'):
            continue
        check_c(path, problems)

    for problem in problems:
        print(problem)
    print(f'{len(problems)} strings break the capitalisation rules')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
