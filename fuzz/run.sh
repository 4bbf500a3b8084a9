#!/bin/bash
# Builds the libFuzzer harnesses with clang, AddressSanitizer and UndefinedBehaviorSanitizer,
# and fuzzes each target for a while. Installs clang from Debian when it is missing (the normal
# build does not need it). Starts from the seed corpus in fuzz/corpus/TARGET/ (which the unit
# test tests/test-fuzz-corpus.c replays); new inputs go to _build-fuzz/corpus/TARGET/, crashes
# to _build-fuzz/crashes/. Copy a fixed crash into fuzz/corpus/TARGET/ so it stays fixed.
#
# Usage: fuzz/run.sh [SECONDS_PER_TARGET] [TARGET…]
#        targets: csv number plan import (all by default); 120 seconds each by default
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-120}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(csv number plan import)

missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

build=_build-fuzz
# The library gets coverage instrumentation (fuzzer-no-link) and the sanitizers; each harness
# links it with libFuzzer's main.
if [ ! -f $build/build.ninja ]; then
  CC=clang CFLAGS="-fsanitize=fuzzer-no-link -g" \
    meson setup $build -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
fi
ninja -C $build app/libhubs.a resources/hubs-resources.c data/hubs-data-resources.c >/dev/null

deps=$(pkg-config --cflags --libs gtk4 libadwaita-1 sqlite3 gio-unix-2.0)
mkdir -p $build/fuzz $build/crashes
for t in "${targets[@]}"; do
  # The generated resources go in as sources: from a static library the linker drops them.
  clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I$build -Iapp/core -Ifuzz \
    fuzz/fuzz-$t.c fuzz/hubs-fuzz-targets.c \
    $build/resources/hubs-resources.c $build/data/hubs-data-resources.c \
    $build/app/libhubs.a $deps -lm -o $build/fuzz/fuzz-$t
done

export G_DEBUG=fatal-criticals ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1
for t in "${targets[@]}"; do
  echo "== fuzz-$t for ${seconds}s" >&2
  mkdir -p $build/corpus/$t
  $build/fuzz/fuzz-$t -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -artifact_prefix=$build/crashes/$t- $build/corpus/$t fuzz/corpus/$t
done
