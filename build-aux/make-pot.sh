#!/bin/bash
# Writes the translation template of Hubs to OUTPUT (default: standard output), from the files
# po/POTFILES.in lists. The options are those of meson's i18n "glib" preset, so the template is
# the one `ninja hubs-pot` writes to po/hubs.pot, without touching the source tree: the tests
# use it to see strings that are new since ja.po was last merged.
#
# Usage: build-aux/make-pot.sh [OUTPUT]
set -eu
cd "$(dirname "$0")/.."

output=${1:--}
[ "$output" = - ] || output=$(realpath -m "$output")

exec xgettext --package-name=hubs --directory=. --files-from=po/POTFILES.in \
  --output="$output" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=hubs_i18n_ngettext:2,3 --flag=hubs_i18n_ngettext:2:pass-c-format \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format
