#!/bin/bash
# Fails when a source file with translatable strings is missing from po/POTFILES.in, when
# POTFILES.in names a file that does not exist, or when it is not sorted. A file missing there
# keeps its strings out of the template: they would silently stay English.
#
# Usage: tests/test-potfiles.sh [SOURCE_ROOT]
set -eu
cd "${1:-$(dirname "$0")/..}"

listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in)
status=0

# C: _( N_( C_( NC_( not preceded by an identifier character, and the g_d*gettext calls.
# GtkBuilder: translatable="yes". Desktop files, metainfo and schemas always carry strings.
candidates=$(
  {
    grep -rlE --include='*.c' --include='*.h' \
      -e '(^|[^A-Za-z0-9_])(N?C?_)\(' -e 'g_d(c|n|p)?gettext2? *\(' app widgets 2>/dev/null || true
    grep -rl --include='*.ui' --include='*.blp' 'translatable="yes"' resources widgets app \
      2>/dev/null || true
    find . -path ./po -prune -o -path './_build*' -prune -o -path ./build -prune \
      -o -path ./.git -prune -o -path ./tests -prune \
      -o \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \) \
      -print | sed -e 's|^\./||'
  } | sort -u
)

for f in $candidates; do
  if ! grep -qxF "$f" <<<"$listed"; then
    echo "po/POTFILES.in: $f has translatable strings but is not listed" >&2
    status=1
  fi
done

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in: $f does not exist" >&2
    status=1
  fi
done

if ! LC_ALL=C sort -c <<<"$listed" 2>/dev/null; then
  echo "po/POTFILES.in: not sorted; expected:" >&2
  LC_ALL=C sort <<<"$listed" >&2
  status=1
fi

[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(wc -l <<<"$listed") files with strings"
exit $status
