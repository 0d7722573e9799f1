#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every screenshot the metainfo names by its GitHub raw URL is a PNG in data/screenshots/.
#   check-screenshots.sh SOURCE_DIR
set -eu
top=${1:?usage: check-screenshots.sh SOURCE_DIR}
prefix=https://raw.githubusercontent.com/cityrank/cityrank/main/
metainfo=$top/data/io.github.cityrank.Cityrank.metainfo.xml.in

urls=$(sed -n 's|.*<image[^>]*>\([^<]*\)</image>.*|\1|p' "$metainfo")
if [ -z "$urls" ]; then
  echo "FAIL: $metainfo names no screenshot"
  exit 1
fi
status=0
for url in $urls; do
  case $url in
    "$prefix"data/screenshots/*.png) ;;
    *) echo "FAIL: $url is not a PNG under ${prefix}data/screenshots/"; status=1; continue ;;
  esac
  path=$top/${url#"$prefix"}
  if [ ! -s "$path" ]; then
    echo "FAIL: $url: ${url#"$prefix"} does not exist"
    status=1
  elif [ "$(head -c 8 "$path" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
    echo "FAIL: ${url#"$prefix"} is not a PNG file"
    status=1
  else
    echo "ok: ${url#"$prefix"}"
  fi
done
exit $status
