#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The uninstalled catalogue (CRK_LOCALEDIR=<build>/po, laid out as
# zh_CN/LC_MESSAGES/cityrank.mo) reaches the CLI through LANGUAGE and through --lang.
set -u
: "${CRK_CLI:?}" "${CRK_LOCALEDIR:?}"
status=0

mo=$CRK_LOCALEDIR/zh_CN/LC_MESSAGES/cityrank.mo
if [ ! -s "$mo" ]; then
  echo "FAIL: $mo is missing: bindtextdomain would find no catalogue"
  exit 1
fi

expect () {
  # expect DESCRIPTION NEEDLE OUTPUT
  case $3 in
    *"$2"*) echo "ok: $1" ;;
    *) echo "FAIL: $1: no “$2” in:"; printf '%s\n' "$3" | sed 's/^/  /'; status=1 ;;
  esac
}

out=$(env LANGUAGE= "$CRK_CLI" --help 2>&1)
expect "English by default" "Commands:" "$out"
out=$(env LANGUAGE=zh_CN "$CRK_CLI" --help 2>&1)
expect "LANGUAGE=zh_CN gives Chinese usage" "用法：" "$out"
expect "LANGUAGE=zh_CN gives Chinese command list" "命令：" "$out"
out=$(env LANGUAGE= "$CRK_CLI" --lang zh_CN --help 2>&1)
expect "--lang zh_CN gives Chinese" "命令：" "$out"
out=$(env LANGUAGE=zh_CN "$CRK_CLI" --lang en --help 2>&1)
expect "--lang en gives English" "Commands:" "$out"
exit $status
