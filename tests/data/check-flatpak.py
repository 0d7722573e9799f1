#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest, which cannot be built here (no GNOME runtime offline).

    check-flatpak.py SOURCE_DIR [MANIFEST]

Prints TAP. Checks: valid JSON; app id, runtime, SDK, command; finish-args limited to
Wayland, fallback X11, IPC and DRI (files go through the portal); every module has
sources; archives are HTTPS with a sha256; GSL comes from its GNU archive before the
application; the application is built from the source tree with meson; every local path
the manifest names exists.
"""

import json
import os
import re
import sys

APP_ID = "io.github.cityrank.Cityrank"
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}
OLDEST_RUNTIME = 48

results = []


def check(ok, what):
    results.append((bool(ok), what))
    return ok


def main():
    top = sys.argv[1]
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(top, "flatpak", APP_ID + ".json")
    manifest_dir = os.path.dirname(path)

    try:
        with open(path, encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError) as e:
        print("1..1")
        print(f"not ok 1 - {path} is valid JSON: {e}")
        return 1
    check(isinstance(m, dict), "the manifest is a JSON object")

    check(m.get("id", m.get("app-id")) == APP_ID, f"app id is {APP_ID}")
    check(m.get("runtime") == "org.gnome.Platform", "runtime is org.gnome.Platform")
    check(m.get("sdk") == "org.gnome.Sdk", "SDK is org.gnome.Sdk")
    version = str(m.get("runtime-version", ""))
    check(re.fullmatch(r"\d+", version) is not None and int(version) >= OLDEST_RUNTIME,
          f"runtime-version {version!r} is a GNOME release no older than {OLDEST_RUNTIME}")
    check(m.get("command") == "cityrank", "command is cityrank")

    finish = m.get("finish-args", [])
    check(set(finish) == ALLOWED_FINISH_ARGS and len(finish) == len(ALLOWED_FINISH_ARGS),
          "finish-args are exactly " + " ".join(sorted(ALLOWED_FINISH_ARGS)))
    check(not any(a.startswith("--filesystem") for a in finish),
          "no --filesystem: files go through the document portal")

    modules = m.get("modules", [])
    check(isinstance(modules, list) and len(modules) >= 2, "at least two modules")
    names = [mod.get("name") for mod in modules if isinstance(mod, dict)]
    check(len(names) == len(modules) and len(set(names)) == len(names),
          "every module is an object with a unique name")
    check(names[-1:] == ["cityrank"], "the last module is cityrank")
    check("gsl" in names and names.index("gsl") < len(names) - 1,
          "GSL is built before cityrank")

    for mod in modules:
        if not isinstance(mod, dict):
            continue
        name = mod.get("name")
        sources = mod.get("sources", [])
        check(isinstance(sources, list) and len(sources) > 0, f"module {name} has sources")
        for src in sources:
            kind = src.get("type")
            if kind in ("archive", "file") and "path" not in src:
                url = src.get("url", "")
                check(url.startswith("https://"), f"module {name}: {url} is HTTPS")
                check(re.fullmatch(r"[0-9a-f]{64}", src.get("sha256", "")) is not None,
                      f"module {name}: {url} has a sha256")
            elif kind in ("dir", "patch", "file"):
                local = os.path.normpath(os.path.join(manifest_dir, src.get("path", "")))
                check(os.path.exists(local), f"module {name}: local path {src.get('path')} exists")
            elif kind == "git":
                check("commit" in src or "tag" in src,
                      f"module {name}: git source pinned to a commit or tag")
            else:
                check(False, f"module {name}: known source type ({kind})")

    gsl = next((mod for mod in modules if mod.get("name") == "gsl"), {})
    gsl_src = (gsl.get("sources") or [{}])[0]
    check(gsl_src.get("type") == "archive"
          and re.fullmatch(r"https://ftp\.gnu\.org/gnu/gsl/gsl-2\.\d+(\.\d+)?\.tar\.gz",
                           gsl_src.get("url", "")) is not None,
          "GSL comes from its GNU source archive (2.7 or newer, as meson.build requires)")

    app = next((mod for mod in modules if mod.get("name") == "cityrank"), {})
    check(app.get("buildsystem") == "meson", "cityrank is built with meson")
    app_srcs = app.get("sources", [])
    app_dir = os.path.join(manifest_dir, app_srcs[0].get("path", "")) if app_srcs else ""
    check(len(app_srcs) == 1 and app_srcs[0].get("type") == "dir"
          and os.path.isdir(app_dir) and os.path.samefile(app_dir, top)
          and os.path.isfile(os.path.join(top, "meson.build")),
          "cityrank is built from the source tree (type dir, path ..)")

    print(f"1..{len(results)}")
    for i, (ok, what) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
