#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the libFuzzer harnesses of tests/fuzz, each for SECONDS, on a corpus made from the
# test fixtures, and says what they found.
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS [JOBS]
#
# BUILD_DIR  a build configured with  CC=clang meson setup BUILD_DIR -Dfuzzing=true
#            (-Dgui=disabled is enough); the harnesses are brought up to date first
# SECONDS    how long each harness runs (libFuzzer's -max_total_time)
# JOBS       libFuzzer processes per harness (default 1; more: libFuzzer's -fork=JOBS)
# FUZZERS    (environment) the harnesses to run, by name; all of them by default
# KEEP_GOING (environment) when set, a harness goes on after a finding (fork mode,
#            -ignore_crashes/-ignore_ooms/-ignore_timeouts) and keeps every finding
#
# Everything goes under BUILD_DIR/fuzz/:
#   seeds/dataset, seeds/csv   the seeds, made anew each run from the fixtures
#   corpus/HARNESS             what the harness found interesting; kept from run to run
#   artifacts/HARNESS          crash-, leak-, oom-, timeout- inputs; kept
#   logs/HARNESS.log           libFuzzer's output
# A finding is reproduced with  BUILD_DIR/tests/fuzz/HARNESS ARTIFACT.
#
# Exit status: 0 when nothing was found, 1 on any finding (crash, sanitizer report, leak,
# out-of-memory, timeout), 2 when the harnesses are not built.
set -eu

usage () {
  echo "usage: $0 BUILD_DIR SECONDS [JOBS]" >&2
  exit 2
}
[ $# -ge 2 ] && [ $# -le 3 ] || usage
case $2 in ''|*[!0-9]*) usage ;; esac
case ${3:-1} in ''|*[!0-9]*|0) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "$1" && pwd)
seconds=$2
jobs=${3:-1}
fuzzers=${FUZZERS:-fuzz-dataset-memory fuzz-dataset-file fuzz-csv fuzz-csv-table fuzz-xlsx fuzz-ods fuzz-sdmx fuzz-worldbank fuzz-spreadsheetml}
shared=${CRK_SHARED_DIR:-$top/../shared}
out=$build/fuzz

# Inputs up to this size: the small sample dataset (14 kB) and the ASEM pair (31 kB) fit,
# and so does a file declaring a grid of cities x indicators x years that, allocated,
# passes the RSS limit (350 x 350 x 1000 takes 51 kB).
max_len=65536
rss_limit_mb=2048
timeout=30

if ! ninja -C "$build" fuzzers >"$out.build.log" 2>&1; then
  cat "$out.build.log" >&2
  echo "$0: cannot build the harnesses in $build (configure it with CC=clang and -Dfuzzing=true)" >&2
  exit 2
fi
rm -f "$out.build.log"

# --- seeds -----------------------------------------------------------------------------
rm -rf "$out/seeds"
mkdir -p "$out/seeds/dataset" "$out/seeds/csv"

# The native format: the test fixtures, the sample datasets that fit in max_len, the
# complete example of docs/dataset-format.md.
for f in "$top"/tests/io/fixtures/*.cityrank.xml "$top"/data/samples/*.cityrank.xml; do
  [ -f "$f" ] || continue
  [ "$(wc -c <"$f")" -le $max_len ] || continue
  cp "$f" "$out/seeds/dataset/$(basename "$f")"
done
awk '/<!-- complete example -->/ { found = 1; next }
     found && /^```xml/ { inside = 1; next }
     inside && /^```/ { exit }
     inside { print }' "$top/docs/dataset-format.md" >"$out/seeds/dataset/documented-example.cityrank.xml"

# CSV: the data table, a NUL byte, the metadata table.
csv_seed () { # NAME DATA [META]
  {
    cat "$2"
    if [ $# -ge 3 ]; then
      printf '\000'
      cat "$3"
    fi
  } >"$out/seeds/csv/$1"
}
fixtures=$top/tests/csv/fixtures
for d in "$fixtures"/*_data.csv "$fixtures"/*/*_[Dd]ata.csv "$shared"/data/external/asem/*_idata.csv; do
  [ -f "$d" ] || continue
  dir=$(dirname "$d")
  name=$(basename "$d")
  # X_data.csv pairs with X_meta.csv (same case), err_meta_data.csv with err_meta.csv,
  # any other with small_meta.csv, as in tests/csv.
  meta=$dir/$(printf '%s' "$name" | sed -e 's/\(.*\)data/\1meta/' -e t -e 's/\(.*\)Data/\1Meta/')
  [ -f "$meta" ] || meta=$dir/${name%_data.csv}.csv
  [ -f "$meta" ] && [ "$meta" != "$d" ] || meta=$fixtures/small_meta.csv
  csv_seed "$(basename "$dir")-$name" "$d" "$meta"
done
csv_seed err_roots_data-err_columns_meta.csv "$fixtures/err_roots_data.csv" "$fixtures/err_columns_meta.csv"
csv_seed lone-values-indicators.csv "$fixtures/lone/values.csv" "$fixtures/lone/indicators.csv"
csv_seed lone-notes.csv "$fixtures/lone/notes.csv"
csv_seed small_meta-alone.csv "$fixtures/small_meta.csv"

# A single CSV table: the table fixtures of tests/import and the yearbook CSV.
mkdir -p "$out/seeds/csv-table"
for f in "$top"/tests/import/fixtures/table-* "$shared"/data/external/csv/*.csv; do
  if [ -f "$f" ] && [ "$(wc -c <"$f")" -le $max_len ]; then
    cp "$f" "$out/seeds/csv-table/"
  fi
done

# Spreadsheets: the fixtures of tests/import and the shared samples that fit.
mkdir -p "$out/seeds/xlsx" "$out/seeds/ods"
for f in "$top"/tests/import/fixtures/xlsx-* "$shared"/data/external/spreadsheets/*.xlsx \
         "$top"/tests/import/fixtures/ods-* "$shared"/data/external/spreadsheets/*.ods "$shared"/data/external/fods/*.fods; do
  [ -f "$f" ] && [ "$(wc -c <"$f")" -le $max_len ] || continue
  case $f in *.xlsx) cp "$f" "$out/seeds/xlsx/" ;; *) cp "$f" "$out/seeds/ods/" ;; esac
done

# SDMX-ML: the fixtures and the samples (fuzz-sdmx).
mkdir -p "$out/seeds/sdmx"
for f in "$top"/tests/import/fixtures/sdmx-* "$shared"/data/external/sdmx-ml/*.xml; do
  if [ -f "$f" ] && [ "$(wc -c <"$f")" -le $max_len ]; then
    cp "$f" "$out/seeds/sdmx/"
  fi
done

# World Bank XML and Excel 2003 XML: the fixtures of tests/import and the shared samples.
mkdir -p "$out/seeds/worldbank" "$out/seeds/spreadsheetml"
for f in "$top"/tests/import/fixtures/wb-*; do
  [ -f "$f" ] && [ "$(wc -c <"$f")" -le $max_len ] || continue
  cp "$f" "$out/seeds/worldbank/"
done
for f in "$top"/tests/import/fixtures/ssml-* "$shared"/data/external/spreadsheetml/*.xml; do
  [ -f "$f" ] && [ "$(wc -c <"$f")" -le $max_len ] || continue
  cp "$f" "$out/seeds/spreadsheetml/"
done

# --- runs ------------------------------------------------------------------------------
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$top/tests/lsan.supp:print_suppressions=0"
export LC_ALL=C.UTF-8
export G_ENABLE_DIAGNOSTIC=0
# The harnesses that read files write them in folders of their own in here.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  CRK_FUZZ_TMPDIR=$(mktemp -d /dev/shm/cityrank-fuzz-run.XXXXXX)
else
  CRK_FUZZ_TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/cityrank-fuzz-run.XXXXXX")
fi
export CRK_FUZZ_TMPDIR
trap 'rm -rf "$CRK_FUZZ_TMPDIR"' EXIT
trap 'exit 130' INT TERM

total_execs=0
total_findings=0
count=0
for fuzzer in $fuzzers; do
  exe=$build/tests/fuzz/$fuzzer
  case $fuzzer in
    fuzz-csv) seeds=$out/seeds/csv; dict=$here/csv.dict ;;
    fuzz-worldbank) seeds=$out/seeds/worldbank; dict=$here/worldbank.dict ;;
    fuzz-spreadsheetml) seeds=$out/seeds/spreadsheetml; dict=$here/spreadsheetml.dict ;;
    fuzz-sdmx) seeds=$out/seeds/sdmx; dict=$here/sdmx.dict ;;
    fuzz-xlsx) seeds=$out/seeds/xlsx; dict=$here/xlsx.dict ;;
    fuzz-ods) seeds=$out/seeds/ods; dict=$here/ods.dict ;;
    fuzz-csv-table) seeds=$out/seeds/csv-table; dict=$here/csv.dict ;;
    *) seeds=$out/seeds/dataset; dict=$here/dataset.dict ;;
  esac
  if [ ! -x "$exe" ]; then
    echo "$0: no harness $exe" >&2
    exit 2
  fi
  corpus=$out/corpus/$fuzzer
  artifacts=$out/artifacts/$fuzzer
  log=$out/logs/$fuzzer.log
  mkdir -p "$corpus" "$artifacts" "$out/logs"
  ls "$artifacts" >"$out/logs/$fuzzer.before"

  # One process, or -fork=JOBS (each job a child process; they share the corpus).
  # KEEP_GOING=1 (fork mode) goes on after a finding until SECONDS are up.
  set -- -rss_limit_mb=$rss_limit_mb -max_len=$max_len -timeout=$timeout \
    -max_total_time="$seconds" -print_final_stats=1 -dict="$dict" \
    -artifact_prefix="$artifacts/"
  if [ "$jobs" -gt 1 ] || [ -n "${KEEP_GOING:-}" ]; then
    set -- "$@" -fork="$jobs"
    if [ -n "${KEEP_GOING:-}" ]; then
      set -- "$@" -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1
    fi
  fi
  rc=0
  nice "$exe" "$@" "$corpus" "$seeds" >"$log" 2>&1 || rc=$?

  # Executions and coverage: libFuzzer's final stats, else its last "#N ... cov:" line
  # (fork mode prints no final stats, and counts cov: over all its jobs).
  set -- $(awk -v seconds="$seconds" '
    /^stat::number_of_executed_units:/ { units = $2 }
    /^stat::average_exec_per_sec:/ { rate = $2 }
    /^#[0-9]+.* cov: / {
      last = substr($1, 2) + 0
      for (i = 1; i < NF; i++) { if ($i == "cov:") cov = $(i + 1); if ($i == "ft:") ft = $(i + 1) }
    }
    /^INFO: exiting: .* time: / { for (i = 1; i < NF; i++) if ($i == "time:") elapsed = $(i + 1) + 0 }
    END {
      execs = units != "" ? units : last
      if (rate == "") rate = execs / (elapsed > 0 ? elapsed : seconds)
      printf "%d %d %d %d\n", execs, rate, cov, ft
    }' "$log")
  execs=$1 rate=$2 cov=$3 ft=$4
  echo "$fuzzer: $execs executions ($rate/s, $jobs job(s)), cov: $cov ft: $ft," \
    "corpus: $(ls "$corpus" | wc -l) inputs; log: $log"
  total_execs=$((total_execs + execs))
  count=$((count + 1))

  ls "$artifacts" | grep -v -x -F -f "$out/logs/$fuzzer.before" >"$out/logs/$fuzzer.new" || true
  rm -f "$out/logs/$fuzzer.before"
  if [ "$rc" -ne 0 ] || [ -s "$out/logs/$fuzzer.new" ]; then
    total_findings=$((total_findings + 1))
    echo "$fuzzer: FINDING (exit status $rc), inputs kept in $artifacts/:"
    grep -h -E '^==[0-9]+==ERROR|^SUMMARY:|ERROR: libFuzzer|^fuzz: |runtime error:|(WARNING|CRITICAL) \*\*' "$log" \
      | sed 's/^==[0-9]*==/==/' | sort | uniq -c | head -n 10 | cut -c 1-300 | sed 's/^ */  /'
    n=0
    while read -r a; do
      n=$((n + 1))
      if [ $n -gt 10 ]; then
        echo "  ... and $(($(wc -l <"$out/logs/$fuzzer.new") - 10)) more"
        break
      fi
      echo "  $a ($(wc -c <"$artifacts/$a") bytes)"
      # What the first three do, each run again on its own.
      if [ $n -le 3 ]; then
        timeout 120 "$exe" -rss_limit_mb=$rss_limit_mb -timeout=$timeout "$artifacts/$a" 2>&1 \
          | grep -E '^==[0-9]+==ERROR|^SUMMARY:|ERROR: libFuzzer|^fuzz: |runtime error:|(WARNING|CRITICAL) \*\*' \
          | cut -c 1-300 | head -n 4 | sed 's/^/    /' || true
      fi
    done <"$out/logs/$fuzzer.new"
    echo "  reproduce: $exe ARTIFACT"
  fi
  rm -f "$out/logs/$fuzzer.new"
done

echo "fuzz: $count harness(es), $seconds s each: $total_execs executions, $total_findings with findings"
[ "$total_findings" -eq 0 ]
