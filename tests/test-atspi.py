#!/usr/bin/python3
# test-atspi.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives Hubs through the accessibility tree (AT-SPI), as a screen reader or a UI-automation
# tool does: reads the sidebar and the KPI rows, moves between hubs with the window's actions,
# opens a KPI with its Edit button and finds every figure field by its name, and adds a KPI
# and undoes it, checking the database file each time.
#
# Typing into a field is not driven from here: GTK 4.8 answers EditableText.SetTextContents
# on a GtkEntry without changing its text, and has no Component.GrabFocus, so synthesized
# keys reach no field under Xvfb. The GTK suite types into the same fields in process.
#
# Usage: test-atspi.py HUBS_BINARY   (under dbus-run-session and Xvfb, as the GTK suite runs)

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

import gi
import gi.repository.GLib  # noqa: E402

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402


def fail(message):
    print('not ok: ' + message)
    sys.exit(1)


# A sanitizer build runs the application several times slower: every wait is longer there.
SLOWER = float(os.environ.get('HUBS_TEST_SLOWER', '1'))


def wait_for(what, predicate, timeout=30):
    print('# waiting for ' + what, flush=True)
    deadline = time.monotonic() + timeout * SLOWER
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except gi.repository.GLib.Error:
            # An application that is still starting (or one that just went away) may not
            # answer in time; ask again.
            value = None
        if value:
            return value
        time.sleep(0.1)
    fail('timed out waiting for ' + what)


def walk(node):
    yield node
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child)


def find(root, role, name=None, prefix=None):
    for node in walk(root):
        try:
            if node.get_role_name() != role:
                continue
            node_name = node.get_name() or ''
        except Exception:
            continue
        if name is not None and node_name != name:
            continue
        if prefix is not None and not node_name.startswith(prefix):
            continue
        return node
    return None


def do_action(node, action_name):
    for i in range(node.get_n_actions()):
        if node.get_action_name(i) == action_name:
            node.do_action(i)
            return
    fail('no action %s on %s' % (action_name, node.get_name()))


def main():
    binary = sys.argv[1]
    folder = tempfile.mkdtemp(prefix='hubs-atspi-')
    db = os.path.join(folder, 'hubs.sqlite3')
    env = dict(os.environ, LANGUAGE='en', GTK_A11Y='atspi')
    env.pop('NO_AT_BRIDGE', None)
    # A question to an application that is busy starting must not hang the test.
    Atspi.set_timeout(int(3000 * SLOWER), int(15000 * SLOWER))
    app = subprocess.Popen([binary, '--database=' + db], env=env)

    try:
        # The app takes the day's backup once its window is up and idle. Asking an application
        # that is still starting can block inside libatspi, so wait for that first.
        backups = os.path.join(folder, 'backups')
        wait_for("the day's backup",
                 lambda: os.path.isdir(backups) and any(
                     name.endswith('.sqlite3') for name in os.listdir(backups)))
        desktop = Atspi.get_desktop(0)

        def hubs_app():
            for i in range(desktop.get_child_count()):
                try:
                    child = desktop.get_child_at_index(i)
                    if child is not None and child.get_name() == 'hubs' and \
                       child.get_child_count():
                        return child
                except gi.repository.GLib.Error:
                    continue
            return None

        application = wait_for('the application on the bus', hubs_app)
        frame = wait_for('the main window', lambda: find(application, 'frame', 'Hubs'))

        # The sidebar names each row by its hub.
        wait_for('the sidebar', lambda: find(frame, 'filler', prefix='Greater Tokyo'))
        for hub in ('Sapporo & Hokkaido', 'Kumamoto', 'Okinawa'):
            if find(frame, 'filler', prefix=hub) is None:
                fail('no sidebar row named after ' + hub)
        print('ok: the sidebar rows are named by their hubs')

        # Move to the next hub with the window's action, as Alt+Down does.
        do_action(frame, 'win.next-hub')
        wait_for('Tohoku to show', lambda: find(frame, 'label', 'Tohoku'))
        print('ok: win.next-hub shows the next hub')

        # Each KPI row tells its status and figures in words.
        do_action(frame, 'win.previous-hub')
        row = wait_for('the KPI rows', lambda: find(frame, 'list item',
                                                  prefix='Number of startups (cumulative)'))
        for words in ('Not assessable', 'Baseline 142 companies', 'Target 225 companies'):
            if words not in row.get_name():
                fail('the KPI row does not say %r: %r' % (words, row.get_name()))
        print('ok: a KPI row states its status and figures: %s' % row.get_name())

        # Its Edit button opens the form, where every field is named by KPI, year and kind.
        edit = find(frame, 'push button', 'Edit Number of startups (cumulative)')
        if edit is None:
            fail('no Edit button named after the KPI')
        do_action(edit, 'click')
        for field in ['FY%d actual' % year for year in range(2025, 2030)] + \
                     ['Baseline (FY2024)', 'FY2027 target', 'FY2029 target']:
            name = 'Number of startups (cumulative), ' + field
            wait_for('the field ' + name, lambda: find(frame, 'text', name))
        print('ok: the form has a named field for each figure')

        # Add a KPI with the window's action, then undo it.
        def kpi_count():
            with sqlite3.connect('file:%s?mode=ro' % db, uri=True) as conn:
                return conn.execute("SELECT count(*) FROM kpi WHERE hub_id = 'sapporo'").fetchone()[0]

        before = kpi_count()
        do_action(frame, 'win.back')
        do_action(frame, 'win.add-kpi')
        wait_for('the new KPI on disk', lambda: kpi_count() == before + 1)
        do_action(frame, 'win.undo')
        wait_for('the new KPI to be undone', lambda: kpi_count() == before)
        print('ok: win.add-kpi adds a KPI and win.undo takes it back')
    finally:
        app.terminate()
        app.wait(10)

    print('5 passed, 0 failed')


if __name__ == '__main__':
    main()
