#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that every key of the GSettings schema is used: its name appears as a string
# ("key-name") in src/. A key that nothing reads or writes only misleads (dconf-editor
# shows it, and it keeps a value that changes nothing). Prints TAP.
#   check-gschema-keys.sh SOURCE_DIR
set -eu
top=${1:?usage: check-gschema-keys.sh SOURCE_DIR}
cd "$top"

keys=$(sed -n 's/.*<key name="\([^"]*\)".*/\1/p' data/*.gschema.xml)
n=0
failed=0
for key in $keys; do
  n=$((n + 1))
  if grep -rqF "\"$key\"" src --include='*.c' --include='*.h' --include='*.ui'; then
    echo "ok $n - key $key is used in src/"
  else
    echo "not ok $n - key $key is used in src/ (nothing reads it: remove it from the schema)"
    failed=$((failed + 1))
  fi
done
if [ "$n" -eq 0 ]; then
  echo "not ok 1 - the schema has keys"
  n=1
  failed=1
fi
echo "1..$n"
[ "$failed" -eq 0 ]
