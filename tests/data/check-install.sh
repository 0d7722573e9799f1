#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build tree into a temporary DESTDIR and checks that everything is in place.
# Prints TAP.
#   check-install.sh    (reads MESON, CRK_BUILD_DIR, CRK_SOURCE_DIR, CRK_INSTALL_BINDIR,
#                        CRK_INSTALL_DATADIR, CRK_INSTALL_LOCALEDIR, CRK_INSTALL_PKGDATADIR,
#                        CRK_HAVE_GUI, CRK_DESKTOP_FILE_VALIDATE)
set -u
: "${MESON:=meson}"
: "${CRK_BUILD_DIR:?}" "${CRK_SOURCE_DIR:?}" "${CRK_INSTALL_BINDIR:?}" "${CRK_INSTALL_DATADIR:?}"
: "${CRK_INSTALL_LOCALEDIR:?}" "${CRK_INSTALL_PKGDATADIR:?}"
app_id=io.github.cityrank.Cityrank

destdir=$(mktemp -d "${TMPDIR:-/tmp}/crk-install.XXXXXX") || exit 1
trap 'rm -rf "$destdir"' EXIT

n=0
failed=0
ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok () {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
}
check () {
  # check DESCRIPTION COMMAND...
  what=$1; shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else not_ok "$what"; fi
}

if "$MESON" install -C "$CRK_BUILD_DIR" --destdir "$destdir" --no-rebuild --quiet \
     >"$destdir.log" 2>&1; then
  ok "meson install --destdir"
else
  not_ok "meson install --destdir"
  sed 's/^/# /' "$destdir.log"
fi
rm -f "$destdir.log"

bin=$destdir$CRK_INSTALL_BINDIR
data=$destdir$CRK_INSTALL_DATADIR
locale=$destdir$CRK_INSTALL_LOCALEDIR
pkgdata=$destdir$CRK_INSTALL_PKGDATADIR

check "bin/cityrank-cli is an executable" test -x "$bin/cityrank-cli"
if [ "${CRK_HAVE_GUI:-true}" = true ]; then
  check "bin/cityrank is an executable" test -x "$bin/cityrank"
fi
for f in \
  "applications/$app_id.desktop" \
  "metainfo/$app_id.metainfo.xml" \
  "icons/hicolor/scalable/apps/$app_id.svg" \
  "icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "glib-2.0/schemas/$app_id.gschema.xml" \
  "mime/packages/$app_id.mime.xml"
do
  check "share/$f" test -s "$data/$f"
done
check "locale/zh_CN/LC_MESSAGES/cityrank.mo" test -s "$locale/zh_CN/LC_MESSAGES/cityrank.mo"
check "pkgdatadir/cityrank-dataset.rng" test -s "$pkgdata/cityrank-dataset.rng"

samples=0
missing_samples=""
for s in "$CRK_SOURCE_DIR"/data/samples/*.cityrank.xml; do
  [ -e "$s" ] || continue
  samples=$((samples + 1))
  [ -s "$pkgdata/samples/$(basename "$s")" ] || missing_samples="$missing_samples $(basename "$s")"
done
if [ "$samples" -gt 0 ] && [ -z "$missing_samples" ]; then
  ok "pkgdatadir/samples holds the $samples sample datasets"
else
  not_ok "pkgdatadir/samples holds the sample datasets (sources: $samples, missing:${missing_samples:- none})"
fi

# The user guide, where Yelp looks for ghelp:APP_ID, in English and translated.
if [ "${CRK_HAVE_GUI:-true}" = true ]; then
  for f in "help/C/$app_id/index.page" "help/C/$app_id/method-normalisation.page" \
           "help/zh_CN/$app_id/index.page"; do
    check "share/$f" test -s "$data/$f"
  done
  check "the installed zh_CN guide is in Chinese" \
    grep -q '归一化' "$data/help/zh_CN/$app_id/method-normalisation.page"
fi

# The installed files are the translated ones.
check "the desktop entry has Name, GenericName, Comment and Keywords in zh_CN" \
  sh -c 'for k in Name GenericName Comment Keywords; do grep -q "^$k\[zh_CN\]=" "$1" || exit 1; done' \
  sh "$data/applications/$app_id.desktop"
check "the metainfo carries zh_CN text" grep -q 'xml:lang="zh_CN"' "$data/metainfo/$app_id.metainfo.xml"
if [ -n "${CRK_DESKTOP_FILE_VALIDATE:-}" ]; then
  check "the installed desktop entry validates" \
    "$CRK_DESKTOP_FILE_VALIDATE" "$data/applications/$app_id.desktop"
fi

# The pieces name each other consistently.
desktop=$data/applications/$app_id.desktop
icon=$(sed -n 's/^Icon=//p' "$desktop")
check "the desktop entry's icon $icon is installed" \
  test -s "$data/icons/hicolor/scalable/apps/$icon.svg"
mime=$(sed -n 's/^MimeType=\([^;]*\);.*/\1/p' "$desktop")
check "the desktop entry's MIME type $mime is defined by the installed MIME package" \
  grep -q "<mime-type type=\"$mime\">" "$data/mime/packages/$app_id.mime.xml"
check "the metainfo launches the installed desktop entry" \
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" \
  "$data/metainfo/$app_id.metainfo.xml"
check "the metainfo provides the MIME type" \
  grep -q "<mediatype>$mime</mediatype>" "$data/metainfo/$app_id.metainfo.xml"

# The installed catalogue serves the installed CLI.
out=$(env LANGUAGE=zh_CN LC_ALL=C.UTF-8 CRK_LOCALEDIR="$locale" "$bin/cityrank-cli" --help 2>&1)
case $out in
  *命令*) ok "the installed cityrank-cli speaks Chinese from the installed catalogue" ;;
  *) not_ok "the installed cityrank-cli speaks Chinese from the installed catalogue"
     printf '%s\n' "$out" | sed 's/^/# /' ;;
esac

# Nothing unexpected: every installed file is below the prefix's bin, share or lib.
stray=$(cd "$destdir" && find . -type f | grep -vE "^\.($CRK_INSTALL_BINDIR|$CRK_INSTALL_DATADIR)/" || true)
if [ -z "$stray" ]; then
  ok "every installed file is under bindir or datadir"
else
  not_ok "every installed file is under bindir or datadir"
  printf '%s\n' "$stray" | sed 's/^/# stray: /'
fi

echo "1..$n"
[ "$failed" = 0 ]
