#!/bin/bash
# Installs what is missing, builds, and starts Hubs on its default database
# ($XDG_DATA_HOME/hubs/hubs.sqlite3, created and seeded with the plan on first start).
# Arguments are passed to hubs, e.g. --database=FILE or --export-csv=-.
set -eu
cd "$(dirname "$0")/.."

./build-aux/deps.sh
./build-aux/build.sh >/dev/null

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export HUBS_LOCALEDIR="$PWD/build/po"
exec ./build/app/hubs "$@"
