#!/bin/bash
# Installs what is missing, builds, and runs the whole test suite: the unit suite and the GTK
# suite, the latter under a virtual X display and a private D-Bus session. Safe to run again.
# Screenshots land in build/tests/*.png.
#
# A whole run (no arguments) then runs the unit suite again under AddressSanitizer and
# UBSan, built in ./_build-asan. Arguments go to the first `meson test` only (one test, a
# suite, --repeat …) and skip the sanitizer run.
set -eu
cd "$(dirname "$0")/.."

./build-aux/deps.sh
./build-aux/build.sh

dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
  meson test -C build --print-errorlogs "$@"

if (($# == 0)); then
  if [ ! -f _build-asan/build.ninja ]; then
    meson setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false
  fi
  ninja -C _build-asan
  meson test -C _build-asan --suite unit --print-errorlogs
fi
