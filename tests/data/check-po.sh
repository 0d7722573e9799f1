#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks po/*.po: msgfmt --check passes (formats, headers, plural forms), nothing is
# fuzzy, and every string marked in the files of po/POTFILES.in has a translation.
# Prints TAP.
#   check-po.sh SOURCE_DIR
# Untranslated strings fail (CRK_PO_STRICT=0 lists them as TODO instead, while translating)
set -u
top=${1:?usage: check-po.sh SOURCE_DIR}
work=$(mktemp -d "${TMPDIR:-/tmp}/crk-po.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

n=0
failed=0
result () {
  # result OK|FAIL DESCRIPTION [DIRECTIVE]
  n=$((n + 1))
  if [ "$1" = OK ]; then echo "ok $n - $2${3:-}"; else echo "not ok $n - $2${3:-}"; fi
  if [ "$1" != OK ] && [ -z "${3:-}" ]; then failed=$((failed + 1)); fi
}

# The template, made as meson's glib preset makes it.
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$top/po/POTFILES.in" > "$work/POTFILES"
if (cd "$top" && xgettext --package-name=cityrank -f "$work/POTFILES" -o "$work/cityrank.pot" \
      --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
      --keyword=NC_:1c,2 --keyword=NP_:1,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
      --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
      --flag=NC_:2:pass-c-format --flag=NP_:1:pass-c-format --flag=g_dngettext:2:pass-c-format \
      --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
      --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
      --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
      --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
      --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
      --flag=g_snprintf:3:c-format) 2>"$work/xgettext.log"; then
  result OK "xgettext extracts the strings of po/POTFILES.in"
  # A warning usually means a msgid that gettext cannot find at run time (a macro such
  # as G_GUINT64_FORMAT inside _()): listed, not fatal.
  if grep -q 'warning' "$work/xgettext.log"; then
    result FAIL "xgettext has no warnings" " # TODO $(grep -c warning "$work/xgettext.log") warnings"
    sed 's/^/# /' "$work/xgettext.log"
  else
    result OK "xgettext has no warnings"
  fi
else
  result FAIL "xgettext extracts the strings of po/POTFILES.in"
  sed 's/^/# /' "$work/xgettext.log"
fi

for lang in $(sed -e 's/#.*//' "$top/po/LINGUAS"); do
  po="$top/po/$lang.po"
  if LC_ALL=C msgfmt --check --check-format --check-header --statistics -o "$work/$lang.mo" "$po" \
       2>"$work/msgfmt.log" && ! grep -q 'warning' "$work/msgfmt.log"; then
    result OK "msgfmt --check po/$lang.po ($(tail -n 1 "$work/msgfmt.log"))"
  else
    result FAIL "msgfmt --check po/$lang.po"
    sed 's/^/# /' "$work/msgfmt.log"
  fi

  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  if [ "$fuzzy" = 0 ]; then
    result OK "po/$lang.po has no fuzzy translation"
  else
    result FAIL "po/$lang.po has $fuzzy fuzzy translations"
  fi

  [ -s "$work/cityrank.pot" ] || continue
  msgmerge --quiet --no-fuzzy-matching -o "$work/$lang.merged.po" "$po" "$work/cityrank.pot"
  # "N translated messages, M untranslated messages." (a part is left out when zero)
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$work/$lang.merged.po" 2>&1)
  missing=$(printf '%s\n' "$stats" | sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p')
  missing=${missing:-0}
  if [ "$missing" = 0 ]; then
    result OK "po/$lang.po translates every marked string"
  elif [ "${CRK_PO_STRICT:-1}" = 1 ]; then
    result FAIL "po/$lang.po translates every marked string ($missing untranslated)"
    msgattrib --untranslated --no-obsolete "$work/$lang.merged.po" | grep '^#: \|^msgid' | sed 's/^/# /'
  else
    result FAIL "po/$lang.po translates every marked string" \
      " # TODO $missing strings untranslated (run ninja cityrank-update-po and translate)"
    msgattrib --untranslated --no-obsolete "$work/$lang.merged.po" | grep '^#: \|^msgid' | sed 's/^/# /'
  fi
done

echo "1..$n"
[ "$failed" = 0 ]
