#!/bin/bash
# Installs what is missing, builds, and runs the whole test suite: the unit suite and the GTK
# suite, the latter under a virtual X display and a private D-Bus session. Safe to run again.
# Screenshots land in build/tests/*.png.
set -eu
cd "$(dirname "$0")/.."

./build-aux/deps.sh
./build-aux/build.sh

exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
  meson test -C build --print-errorlogs "$@"
