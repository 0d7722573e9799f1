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

reject () {
  # reject DESCRIPTION NEEDLE OUTPUT
  case $3 in
    *"$2"*) echo "FAIL: $1: “$2” in:"; printf '%s\n' "$3" | grep -n -F "$2" | sed 's/^/  /'; status=1 ;;
    *) echo "ok: $1" ;;
  esac
}

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
# The output of the commands, the chart text and the report follow the language.
sample=${CRK_SOURCE_DIR:?}/data/samples/advanced-manufacturing-cities.cityrank.xml
if [ -f "$sample" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/crk-cli-zh.XXXXXX") || exit 1
  trap 'rm -rf "$work"' EXIT
  out=$(env LANGUAGE= "$CRK_CLI" --lang zh_CN rank "$sample" 2>&1)
  expect "rank --lang zh_CN: Chinese column headings" "名次" "$out"
  expect "rank --lang zh_CN: Chinese city names" "深圳" "$out"
  out=$(env LANGUAGE=zh_CN "$CRK_CLI" info "$sample" 2>&1)
  expect "info under LANGUAGE=zh_CN" "缺失值：" "$out"
  out=$(env LANGUAGE=zh_CN "$CRK_CLI" chart radar "$sample" --cities SHENZHEN \
        -o "$work/radar.svg" --describe 2>&1)
  expect "chart --describe under LANGUAGE=zh_CN" "雷达图" "$out"
  if command -v pdftotext >/dev/null 2>&1; then
    "$CRK_CLI" --lang zh_CN report "$sample" -o "$work/report.pdf" \
      --sections title,summary >/dev/null 2>&1
    out=$(pdftotext "$work/report.pdf" - 2>&1)
    expect "report --lang zh_CN: Chinese headings" "摘要" "$out"
    expect "report --lang zh_CN: Chinese sentences" "座城市" "$out"
    # a city's profile: several generated sentences, no space after a Chinese full stop
    "$CRK_CLI" --lang zh_CN report "$sample" -o "$work/profiles.pdf" \
      --sections profiles --profiles top:2 >/dev/null 2>&1
    # (the page footer "来源：… · date" keeps its spaced separator)
    out=$(pdftotext "$work/profiles.pdf" - 2>&1 | grep -v '^来源：')
    expect "report --lang zh_CN: profile sentences" "公布的排名为第 1 名。" "$out"
    reject "report --lang zh_CN: no space after 。" "。 " "$out"
  fi
else
  echo "FAIL: $sample is missing"
  status=1
fi
exit $status
