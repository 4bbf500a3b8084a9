#!/bin/bash
# Keeps the translations in step with the sources.
#
#   build-aux/update-po.sh          regenerates po/hubs.pot from the files po/POTFILES.in
#                                   lists, merges it into every po/LL.po of po/LINGUAS, and
#                                   prints the entries still untranslated or fuzzy
#   build-aux/update-po.sh --check  changes nothing: merges a fresh template into copies and
#                                   fails when any entry is untranslated or fuzzy, when a
#                                   catalogue is not UTF-8, or when msgfmt finds an error
#                                   (a meson test runs this)
#
# After the merge, translate what it prints (fuzzy entries carry the previous msgid as
# “#| msgid”), remove the “#, fuzzy” flags, and run it again until it prints nothing.
set -eu
cd "$(dirname "$0")/.."

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if $check; then
  template=$tmp/hubs.pot
else
  template=po/hubs.pot
fi
build-aux/make-pot.sh "$template"

status=0
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
  po=po/$lang.po
  if $check; then
    merged=$tmp/$lang.po
    msgmerge --quiet --previous --output-file="$merged" "$po" "$template"
  else
    merged=$po
    msgmerge --quiet --previous --update --backup=none "$po" "$template"
  fi

  if ! grep -q '^"Content-Type: text/plain; charset=UTF-8\\n"' "$merged"; then
    echo "$po: the header must say charset=UTF-8 (msginit writes ASCII when the locale is" \
         "missing)" >&2
    status=1
  fi
  if ! msgfmt --check --output-file=/dev/null "$merged"; then
    status=1
  fi

  untranslated=$(msgattrib --untranslated --no-obsolete "$merged" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$merged" | grep -c '^msgid ' || true)
  # Each list starts with the header entry when it is not empty.
  ((untranslated > 0)) && untranslated=$((untranslated - 1))
  ((fuzzy > 0)) && fuzzy=$((fuzzy - 1))

  if ((untranslated + fuzzy > 0)); then
    echo "$po: $untranslated untranslated and $fuzzy fuzzy entries:" >&2
    msgattrib --untranslated --no-obsolete --no-wrap "$merged" | sed -e '1,/^$/d' >&2
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | sed -e '1,/^$/d' >&2
    status=1
  else
    echo "$po: complete ($(msgfmt --statistics --output-file=/dev/null "$merged" 2>&1))"
  fi
done

if ! $check && ((status != 0)); then
  echo "Translate the entries above in the po files, then run $0 again." >&2
fi
exit $status
