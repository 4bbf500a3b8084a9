#!/bin/bash
# Installs the build into a temporary DESTDIR and checks that the installed tree is a working
# application: its files are where a desktop looks for them, and the installed binary starts,
# finds its schema and its translations, and follows the language preference.
#
# Usage: tests/test-install.sh BUILD_ROOT VERSION [MESON]
set -eu

build=$1
expected_version=$2
meson=${3:-meson}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
destdir=$tmp/root
app_id=com.example.Hubs
failures=0

fail ()
{
  echo "not ok: $*" >&2
  failures=$((failures + 1))
}

"$meson" install -C "$build" --no-rebuild --quiet --destdir "$destdir" >/dev/null

bin=$(find "$destdir" -type f -path '*/bin/hubs' | head -n 1)
[ -n "$bin" ] || { echo "no bin/hubs under $destdir" >&2; exit 1; }
prefix=${bin%/bin/hubs}
datadir=$prefix/share
echo "installed into $prefix"

for f in \
  "applications/$app_id.desktop" \
  "metainfo/$app_id.metainfo.xml" \
  "icons/hicolor/scalable/apps/$app_id.svg" \
  "icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "glib-2.0/schemas/$app_id.gschema.xml" \
  "locale/ja/LC_MESSAGES/hubs.mo"; do
  [ -s "$datadir/$f" ] || fail "$f is not installed"
done

grep -q '^Name\[ja\]=' "$datadir/applications/$app_id.desktop" ||
  fail "the installed desktop file has no Japanese name"
grep -q 'xml:lang="ja"' "$datadir/metainfo/$app_id.metainfo.xml" ||
  fail "the installed metainfo has no Japanese translation"
desktop-file-validate "$datadir/applications/$app_id.desktop" || fail "desktop-file-validate"

# What the distribution's trigger does after installing; meson skips it under DESTDIR.
glib-compile-schemas --strict "$datadir/glib-2.0/schemas"

# The installed program alone: nothing from the build folder, its data under a fresh home.
run ()
{
  env -u HUBS_LOCALEDIR -u GSETTINGS_SCHEMA_DIR -u LANGUAGE -u LC_ALL -u LC_MESSAGES \
    LANG=C.UTF-8 \
    XDG_DATA_DIRS="$datadir:/usr/local/share:/usr/share" \
    GSETTINGS_SCHEMA_DIR="$datadir/glib-2.0/schemas" \
    GSETTINGS_BACKEND=keyfile \
    XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
    "$@"
}

# The catalogue is looked up in LOCALEDIR, which is the real prefix, not the DESTDIR; the
# program's HUBS_LOCALEDIR override points it into the installed tree instead.
run_installed_locale ()
{
  run HUBS_LOCALEDIR="$datadir/locale" "$@"
}

set_language ()
{
  mkdir -p "$tmp/config/glib-2.0/settings"
  printf '[com/example/Hubs]\nlanguage=%s\n' "'$1'" >"$tmp/config/glib-2.0/settings/keyfile"
}

version=$(run "$bin" --version) || fail "--version exited with $?"
[ "$version" = "hubs $expected_version" ] || fail "--version printed “$version”"
echo "--version: $version"

csv=$(run "$bin" --export-csv=-) || fail "--export-csv=- exited with $?"
lines=$(wc -l <<<"$csv")
((lines > 50)) || fail "--export-csv=- wrote $lines lines"
grep -q 'sapporo' <<<"$csv" || fail "--export-csv=- has no figure of Sapporo"
[ -f "$tmp/data/hubs/hubs.sqlite3" ] || fail "no database under XDG_DATA_HOME"
echo "--export-csv=-: $lines lines"

# Languages: the summary of --help is translated.
help_en=$(run_installed_locale "$bin" --help)
help_ja=$(run_installed_locale LANGUAGE=ja "$bin" --help)
grep -q 'Track the KPIs' <<<"$help_en" || fail "--help is not English in C.UTF-8"
grep -q '拠点都市' <<<"$help_ja" || fail "--help is not Japanese with LANGUAGE=ja"

# A Japanese locale that the machine may not have generated still shows Japanese.
help_ja=$(run_installed_locale LANG=ja_JP.UTF-8 "$bin" --help)
grep -q '拠点都市' <<<"$help_ja" || fail "--help is not Japanese with LANG=ja_JP.UTF-8"

# The preference wins over the environment, both ways.
set_language ja
help_ja=$(run_installed_locale "$bin" --help)
grep -q '拠点都市' <<<"$help_ja" || fail "--help is not Japanese with language='ja'"
set_language en
help_en=$(run_installed_locale LANGUAGE=ja "$bin" --help)
grep -q 'Track the KPIs' <<<"$help_en" || fail "--help is not English with language='en'"
set_language system
help_ja=$(run_installed_locale LANGUAGE=ja "$bin" --help)
grep -q '拠点都市' <<<"$help_ja" || fail "--help does not follow LANGUAGE with language='system'"

if ((failures > 0)); then
  echo "$failures checks failed" >&2
  exit 1
fi
echo "the installed tree works"
