#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the README's chart images from the advanced-manufacturing sample with cityrank-cli:
#   data/screenshots/radar.png        the five leading cities on the five dimensions
#   data/screenshots/ranked-bars.png  all 100 cities ranked, by stage, with rank changes
# Usage: data/screenshots/charts.sh [BUILD_DIR]   (default: build; CRK_CLI overrides the program)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${1:-$top/build}
cli=${CRK_CLI:-$build/src/cli/cityrank-cli}
sample=$top/data/samples/advanced-manufacturing-cities.cityrank.xml

if [ -z "${CRK_CLI:-}" ]; then
  [ -f "$build/build.ninja" ] || meson setup "$build" "$top" >/dev/null
  ninja -C "$build" src/cli/cityrank-cli >/dev/null
fi

# 1600 pixels wide at 192 dpi: sharp on high-density screens, 10-point text.
LC_ALL=C.UTF-8 "$cli" chart radar "$sample" --lang en \
  --cities SHENZHEN,GUANGZHOU,SUZHOU_JS,HANGZHOU,NANJING --benchmark median \
  --width 1600 --height 1200 --dpi 192 -o "$here/radar.png"
LC_ALL=C.UTF-8 "$cli" chart bar "$sample" --lang en --base-year 2020 \
  --highlight SHENZHEN --width 1600 --dpi 192 -o "$here/ranked-bars.png"
echo "wrote $here/radar.png and $here/ranked-bars.png"
