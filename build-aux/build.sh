#!/bin/bash
# Configures (once) and builds Hubs in ./build. Safe to run again.
set -eu
cd "$(dirname "$0")/.."

if [ ! -f build/build.ninja ]; then
  meson setup build "$@"
fi
ninja -C build
