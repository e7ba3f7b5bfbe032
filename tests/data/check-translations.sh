#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Indonesian translation is complete: every file with translatable strings is listed in
# po/POTFILES.in, and every message extracted from them now has a translation in po/id.po that
# is neither missing nor fuzzy. Fails naming the file or the first untranslated messages.
set -euo pipefail
cd "$1"

status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( (grep -lE '(^|[^a-zA-Z_])(N?_|C_|NC_|g_dngettext|ngettext|g_dpgettext2)[[:space:]]*\(' \
           src/*/*.c 2>/dev/null; grep -l 'translatable="yes"' ui/*.ui 2>/dev/null) | sort -u)
missing=$(comm -13 <(echo "$listed") <(echo "$found"))
if [[ -n $missing ]]; then
  echo "not in po/POTFILES.in, though they have translatable strings:"
  echo "$missing"
  status=1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The same keywords as meson's "glib" gettext preset.
xgettext --from-code=UTF-8 --add-comments --files-from=po/POTFILES.in --directory=. \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format \
  --output="$work/kompeten.pot" 2> "$work/xgettext.log" || { cat "$work/xgettext.log"; exit 1; }
# A warning means a message xgettext could not read whole (G_GINT64_FORMAT inside _(): use
# PRId64, which gettext understands): that message would never be translated.
if grep -q . "$work/xgettext.log"; then
  echo "xgettext warnings:"
  cat "$work/xgettext.log"
  status=1
fi
msgmerge --quiet --no-fuzzy-matching --output-file="$work/id.po" po/id.po "$work/kompeten.pot"
stats=$(msgfmt --check --statistics --output-file=/dev/null "$work/id.po" 2>&1) || {
  echo "msgfmt --check failed: $stats"; exit 1; }
echo "po/id.po against the sources: $stats"
if grep -qE 'untranslated|fuzzy' <<< "$stats"; then
  echo "untranslated or fuzzy messages (first 20):"
  msgattrib --untranslated --no-obsolete "$work/id.po" | grep -A1 '^msgid' | grep -v '^--' | head -40
  msgattrib --only-fuzzy --no-obsolete "$work/id.po" | grep -A1 '^msgid' | grep -v '^--' | head -20
  status=1
fi
exit $status
