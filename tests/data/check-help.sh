#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the user guide: the Mallard pages of help/C validate (yelp-check validate) and
# link only to pages and sections that exist, help/zh_CN/zh_CN.po translates every message
# of the pages as they are now (not fuzzy, nothing left out) and passes msgfmt --check,
# and the Chinese pages built by meson (itstool) validate too. Prints TAP.
#   check-help.sh SOURCE_DIR BUILD_DIR    (YELP_CHECK, ITSTOOL: the tools; default on PATH)
set -u
top=${1:?usage: check-help.sh SOURCE_DIR BUILD_DIR}
build=${2:?usage: check-help.sh SOURCE_DIR BUILD_DIR}
: "${YELP_CHECK:=yelp-check}" "${ITSTOOL:=itstool}"
work=$(mktemp -d "${TMPDIR:-/tmp}/crk-help.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

n=0
failed=0
result () {
  # result OK|FAIL DESCRIPTION [LOG]
  n=$((n + 1))
  if [ "$1" = OK ]; then
    echo "ok $n - $2"
  else
    failed=$((failed + 1))
    echo "not ok $n - $2"
    if [ -n "${3:-}" ] && [ -s "$3" ]; then sed 's/^/# /' "$3"; fi
  fi
}

pages=$(ls "$top"/help/C/*.page 2>/dev/null)
count=$(printf '%s\n' "$pages" | grep -c '\.page$')
if [ "$count" -ge 10 ]; then
  result OK "help/C holds the guide ($count pages)"
else
  result FAIL "help/C holds the guide (found $count pages)"
fi

# The validator refuses a page that breaks the schema (else the checks below prove nothing).
cat > "$work/broken.page" <<'PAGE'
<?xml version="1.0" encoding="utf-8"?>
<page xmlns="http://projectmallard.org/1.0/" type="topic" id="broken">
  <title>Broken</title>
  <p>A paragraph <unknown-element/> of a page</p>
  <section><p>A section with no title</p></section>
</page>
PAGE
if "$YELP_CHECK" validate "$work/broken.page" >"$work/broken.log" 2>&1; then
  result FAIL "yelp-check validate refuses a page that breaks the Mallard schema" "$work/broken.log"
else
  result OK "yelp-check validate refuses a page that breaks the Mallard schema"
fi

# shellcheck disable=SC2086
if "$YELP_CHECK" validate $pages >"$work/validate.log" 2>&1 && ! [ -s "$work/validate.log" ]; then
  result OK "yelp-check validate help/C/*.page"
else
  result FAIL "yelp-check validate help/C/*.page" "$work/validate.log"
fi

if "$YELP_CHECK" links "$top/help/C" >"$work/links.log" 2>&1 && ! [ -s "$work/links.log" ]; then
  result OK "yelp-check links: every xref names a page (and section) of the guide"
else
  result FAIL "yelp-check links: every xref names a page (and section) of the guide" "$work/links.log"
fi

# The guide explains what a dataset ranks (its words, the import's guess, the assistant's
# Ranks row) and the levels of the framework (the level chooser, the weights as a tree).
for topic in 'getting-started.page:<section id="units">' \
             'getting-started.page:<gui>Ranks</gui>' \
             'getting-started.page:<section id="levels">' \
             'getting-started.page:level chooser' \
             'import.page:<gui>Ranks</gui>'; do
  page=${topic%%:*}
  text=${topic#*:}
  if tr '\n' ' ' < "$top/help/C/$page" | tr -s ' ' | grep -q -F "$text"; then
    result OK "help/C/$page says $text"
  else
    result FAIL "help/C/$page says $text"
  fi
done

# Every page is installed: help/meson.build lists them all.
missing=""
for p in $pages; do
  grep -q "'$(basename "$p")'" "$top/help/meson.build" || missing="$missing $(basename "$p")"
done
if [ -z "$missing" ]; then
  result OK "help/meson.build lists every page"
else
  result FAIL "help/meson.build lists every page (missing:$missing)"
fi

# The template as meson's help-APP_ID-pot target makes it, from the pages as they are.
# shellcheck disable=SC2086
if (cd "$top/help/C" && "$ITSTOOL" -o "$work/help.pot" $(for p in $pages; do basename "$p"; done)) \
     >"$work/itstool.log" 2>&1; then
  result OK "itstool extracts the messages of the pages"
else
  result FAIL "itstool extracts the messages of the pages" "$work/itstool.log"
fi

for lang in $(sed -e 's/#.*//' "$top/help/LINGUAS"); do
  po="$top/help/$lang/$lang.po"
  if LC_ALL=C msgfmt --check --statistics -o "$work/$lang.mo" "$po" >"$work/msgfmt.log" 2>&1 &&
     ! grep -q -e warning -e untranslated -e fuzzy "$work/msgfmt.log"; then
    result OK "msgfmt --check help/$lang/$lang.po ($(tail -n 1 "$work/msgfmt.log"))"
  else
    result FAIL "msgfmt --check help/$lang/$lang.po, nothing fuzzy or untranslated" "$work/msgfmt.log"
  fi

  # msgcmp: every message of the pages has a translation (untranslated and fuzzy ones
  # count as missing), so no paragraph shows in English in the translated guide.
  if LC_ALL=C msgcmp "$po" "$work/help.pot" >"$work/msgcmp.log" 2>&1; then
    result OK "help/$lang/$lang.po translates every message of help/C"
  else
    result FAIL "help/$lang/$lang.po translates every message of help/C" "$work/msgcmp.log"
  fi

  built=$(ls "$build/help/$lang"/*.page 2>/dev/null)
  built_count=$(printf '%s\n' "$built" | grep -c '\.page$')
  # shellcheck disable=SC2086
  if [ "$built_count" = "$count" ] &&
     "$YELP_CHECK" validate $built >"$work/validate-$lang.log" 2>&1 && ! [ -s "$work/validate-$lang.log" ]; then
    result OK "the $built_count $lang pages built by itstool validate"
  else
    echo "built $built_count of $count pages in $build/help/$lang" >>"$work/validate-$lang.log"
    result FAIL "the $lang pages built by itstool validate" "$work/validate-$lang.log"
  fi
  if [ -f "$build/help/$lang/index.page" ] && grep -q -F '城市' "$build/help/$lang/index.page"; then
    result OK "the built $lang index page is translated"
  else
    result FAIL "the built $lang index page is translated"
  fi
done

echo "1..$n"
[ "$failed" = 0 ]
