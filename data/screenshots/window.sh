#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of the main window under Xvfb, light and dark, English and Chinese:
#   window-light.png  window-dark.png  window-zh.png  window-zh-dark.png
# and of the import assistant adding a yearbook-style table (tests/import/fixtures) to the
# sample dataset, in English and Chinese:
#   import-assistant.png  import-assistant-zh.png
# and at the sizes the window is checked at (800x600: the side panels folded), in English and
# Chinese, light and dark:
#   window-800x600.png  window-1280x800.png  window-1920x1080.png  (and -dark, -zh, -zh-dark)
# Usage: data/screenshots/window.sh [BUILD_DIR]   (default: build; it is built first)
# Needs xvfb-run, dbus-run-session, ImageMagick (import, convert) and /usr/bin/python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build="$top/$build" ;; esac

ninja -C "$build" src/app/cityrank data/gschemas.compiled >/dev/null
ninja -C "$build" >/dev/null 2>&1 || true   # the translations (.mo) too

width=1440 height=900
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One shot inside a private X server: the window sits at (0, 0) (no window manager); the
# screen is a little larger so the pointer can wait outside the window (no hover effects).
cat >"$work/warp.py" <<'PY'
import ctypes, os
x = ctypes.CDLL("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XWarpPointer.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong] + [ctypes.c_int] * 2 + [ctypes.c_uint] * 2 + [ctypes.c_int] * 2
x.XFlush.argtypes = [ctypes.c_void_p]
x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
dpy = x.XOpenDisplay(None)
x.XWarpPointer(dpy, 0, x.XDefaultRootWindow(dpy), 0, 0, 0, 0, int(os.environ["SHOT_W"]) + 30, int(os.environ["SHOT_H"]) + 30)
x.XFlush(dpy)
x.XSync(dpy, 0)
PY
cat >"$work/shot.sh" <<'SH'
#!/bin/sh
"$@" &
pid=$!
/usr/bin/python3 "$(dirname "$0")/warp.py"
sleep "${SHOT_SECS:-5}"
/usr/bin/python3 "$(dirname "$0")/warp.py"
sleep 1
import -window root "$SHOT_OUT.full.png"
kill $pid 2>/dev/null
wait $pid 2>/dev/null
convert "$SHOT_OUT.full.png" -crop "${SHOT_W}x${SHOT_H}+0+0" +repage "$SHOT_OUT"
rm -f "$SHOT_OUT.full.png"
SH
chmod +x "$work/shot.sh"

# shot NAME SCHEME LANGUAGE [CROP_W CROP_H [ARGUMENT…]]: the window (or the dialog over
# it, at the top left) cropped to CROP_W x CROP_H.
shot () {
  name=$1 scheme=$2 language=$3
  shot_w=${4:-$width} shot_h=${5:-$height}
  shift 3
  [ $# -ge 2 ] && shift 2
  conf="$work/config-$name"
  mkdir -p "$conf/glib-2.0/settings"
  cat >"$conf/glib-2.0/settings/keyfile" <<KEYS
[io/github/cityrank/Cityrank]
color-scheme='$scheme'
window-width=$width
window-height=$height
chart-position=400
chart-kind='radar'
KEYS
  env -u LC_ALL LANG=C.UTF-8 LANGUAGE="$language" \
    XDG_CONFIG_HOME="$conf" XDG_DATA_HOME="$work/data-$name" GSETTINGS_BACKEND=keyfile \
    GSETTINGS_SCHEMA_DIR="$build/data" CRK_LOCALEDIR="$build/po" \
    GSK_RENDERER=cairo GDK_DEBUG=gl-disable SHOT_W=$shot_w SHOT_H=$shot_h \
    SHOT_OUT="$here/$name.png" \
    xvfb-run -a -s "-screen 0 $((width + 40))x$((height + 40))x24" dbus-run-session -- \
    "$work/shot.sh" "$build/src/app/cityrank" --chart radar --select SHENZHEN,SUZHOU_JS,WUHAN "$@" \
    >"$work/$name.log" 2>&1 || { cat "$work/$name.log" >&2; exit 1; }
  echo "$here/$name.png"
}

shot window-light light en
shot window-dark dark en
shot window-zh light zh_CN
shot window-zh-dark dark zh_CN
table=$top/tests/import/fixtures/guangdong-robots-2021.csv
shot import-assistant light en 1040 700 --import "$table" --import-into
shot import-assistant-zh light zh_CN 1040 700 --import "$table" --import-into
for size in 800x600 1280x800 1920x1080; do
  width=${size%x*} height=${size#*x}
  shot "window-$size" light en
  shot "window-$size-dark" dark en
  shot "window-$size-zh" light zh_CN
  shot "window-$size-zh-dark" dark zh_CN
done
