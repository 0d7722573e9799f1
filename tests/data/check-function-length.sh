#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that every C function in src/ and bench/ stays under 150 lines, the project's
# rule: a longer one is split by responsibility into helpers. A function is measured from
# the line with its name at the start (GNU style: "name (", the return type on the line
# above) to its closing brace at the start of a line. tests/ is left out: some test
# bodies are long lists of checks. Prints TAP: one test per file, and one per function
# that is too long.
#   check-function-length.sh SOURCE_DIR
set -eu
top=${1:?usage: check-function-length.sh SOURCE_DIR}
cd "$top"

max=150
n=0
failed=0
files=$(find src bench -name '*.c' -type f | LC_ALL=C sort)
for f in $files; do
  # A name line ("name (…" not ending in ';') starts a definition only if its signature
  # (continued on indented lines) is followed by "{" at the start of a line; any other line
  # at the start (a macro call such as G_DEFINE_TYPE (…), a declaration) drops it.
  long=$(awk -v max="$max" '
    /^[A-Za-z_][A-Za-z0-9_]* \(/ && !/;[[:space:]]*$/ { pending = $1; pstart = NR; next }
    /^\{/ { if (pending != "") { name = pending; start = pstart } pending = ""; next }
    /^\}/ {
      if (start) {
        len = NR - start
        if (len > max)
          printf "%s:%d: %s is %d lines\n", FILENAME, start, name, len
      }
      start = 0; pending = ""; next
    }
    /^[^[:space:]]/ { pending = "" }
  ' "$f")
  if [ -z "$long" ]; then
    n=$((n + 1))
    echo "ok $n - $f: every function under $max lines"
    continue
  fi
  while IFS= read -r line; do
    n=$((n + 1))
    failed=$((failed + 1))
    echo "not ok $n - $line (more than $max: split it by responsibility into helpers)"
  done <<EOF
$long
EOF
done
if [ "$n" -eq 0 ]; then
  echo "not ok 1 - there are C files in src/ and bench/"
  n=1
  failed=1
fi
echo "1..$n"
[ "$failed" -eq 0 ]
