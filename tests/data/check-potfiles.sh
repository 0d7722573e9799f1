#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks po/POTFILES.in against the source tree: every file in src/, ui/ and data/ with a
# string marked for translation is listed, and every listed file exists.
#   check-potfiles.sh SOURCE_DIR
set -eu
top=${1:?usage: check-potfiles.sh SOURCE_DIR}
cd "$top"

listed=$(mktemp)
marked=$(mktemp)
trap 'rm -f "$listed" "$marked"' EXIT

# POTFILES.in: one path a line; blank lines and # comments allowed.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in | sort > "$listed"

{
  # C: _(), N_(), C_(), NC_(), ngettext and its GLib forms; a space may precede "(".
  grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|g_dpgettext2?|g_dcgettext|ngettext)[[:space:]]*\(' \
    src --include='*.c' --include='*.h' || true
  # GtkBuilder files
  grep -rl 'translatable="yes"' ui --include='*.ui' || true
  # desktop entry and metainfo templates, and schemas with a gettext domain
  find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \) -print
  grep -l 'gettext-domain=' data/*.gschema.xml 2>/dev/null || true
} | sed 's|^\./||' | sort -u > "$marked"

status=0
n=0
while IFS= read -r f; do
  n=$((n + 1))
  if [ ! -f "$f" ]; then
    echo "not ok: po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done < "$listed"

while IFS= read -r f; do
  if ! grep -qxF "$f" "$listed"; then
    echo "not ok: $f has strings marked for translation but is missing from po/POTFILES.in"
    status=1
  fi
done < "$marked"

dups=$(uniq -d "$listed")
if [ -n "$dups" ]; then
  echo "not ok: po/POTFILES.in lists twice: $dups"
  status=1
fi

if [ "$status" = 0 ]; then
  echo "ok: po/POTFILES.in lists $n files, all of them present, none missing"
fi
exit $status
