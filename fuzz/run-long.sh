#!/usr/bin/env bash
# Long libFuzzer runs of the fuzz targets (clang, ASan + UBSan), one after
# the other: html (fuzz/html_fuzz.cc), jsonl (jsonl_fuzz.cc), compare
# (compare_fuzz.cc), robots (robots_fuzz.cc), feeds (feeds_fuzz.cc) and warc
# (warc_fuzz.cc).
#
#   fuzz/run-long.sh                      # every target, 10 CPU-minutes each
#   fuzz/run-long.sh --target compare --minutes 60 --jobs 2 --workers 2
#   fuzz/run-long.sh --merge              # afterwards, merge new coverage into fuzz/corpus/<target>
#
# Options:
#   --target T    html, jsonl, compare, robots, feeds, warc or all (default all)
#   --minutes N   CPU-minutes per target, shared among the jobs (default 10)
#   --jobs J      libFuzzer -jobs (default 1: a single in-process run)
#   --workers W   libFuzzer -workers (default: min(J, cores))
#   --work DIR    scratch directory (default fuzz/corpus-work, gitignored)
#   --merge       after a run, add the inputs that bring new coverage to the
#                 committed seed corpus (-merge=1); without it the repository
#                 is never touched
#
# Builds in build-fuzz/ (RelWithDebInfo, clang). For each target, new inputs
# go to DIR/<target>/corpus, crash/leak/timeout reproducers to
# DIR/<target>/artifacts, logs to DIR/<target>/logs. The committed corpus
# fuzz/corpus/<target> is only read, as a second corpus directory.
set -euo pipefail
export LC_ALL=C

cd "$(dirname "${BASH_SOURCE[0]}")/.."

MINUTES=10
JOBS=1
WORKERS=""
WORK=fuzz/corpus-work
MERGE=0
TARGET=all
BUILD=build-fuzz
# Inputs above this size mostly slow the fuzzer down; long pages are covered
# by the unit tests (tests/extract/robustness_test.cc).
MAX_LEN=65536

die() {
  echo "run-long: error: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --target) TARGET=${2:?}; shift 2 ;;
    --minutes) MINUTES=${2:?}; shift 2 ;;
    --jobs) JOBS=${2:?}; shift 2 ;;
    --workers) WORKERS=${2:?}; shift 2 ;;
    --work) WORK=${2:?}; shift 2 ;;
    --merge) MERGE=1; shift ;;
    -h | --help) sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[[ "$MINUTES" =~ ^[1-9][0-9]*$ ]] || die "--minutes must be a positive integer, not '$MINUTES'"
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive integer, not '$JOBS'"
if [ -z "$WORKERS" ]; then
  WORKERS=$((JOBS < $(nproc) ? JOBS : $(nproc)))
fi
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || die "--workers must be a positive integer, not '$WORKERS'"
command -v clang++ >/dev/null || die "clang++ not found (apt-get install clang-14 libclang-rt-14-dev)"
case "$TARGET" in
  all) TARGETS=(html jsonl compare robots feeds warc) ;;
  html | jsonl | compare | robots | feeds | warc) TARGETS=("$TARGET") ;;
  *) die "--target must be html, jsonl, compare, robots, feeds, warc or all, not '$TARGET'" ;;
esac
# Absolute, because the multi-job run changes directory.
WORK_ROOT=$(realpath -m -- "$WORK")

# --- Build ------------------------------------------------------------------
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DPARALLAX_FUZZ=ON -DPARALLAX_TESTS=OFF \
  -DPARALLAX_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target "${TARGETS[@]/%/_fuzz}"

# Runs target $1 for MINUTES CPU-minutes; prints its summary; returns 1 on a finding.
run_target() {
  local name=$1
  local FUZZER SEEDS WORK start rc elapsed execs
  FUZZER=$(realpath -- "$BUILD/fuzz/${name}_fuzz")
  [ -x "$FUZZER" ] || die "build produced no $FUZZER"
  SEEDS=$(realpath -- "fuzz/corpus/$name")
  WORK=$WORK_ROOT/$name
  mkdir -p "$WORK/corpus" "$WORK/artifacts" "$WORK/logs"
  rm -f "$WORK"/logs/fuzz-*.log

  # -max_total_time applies to each job, so the CPU budget is split among them.
  local total_s=$((MINUTES * 60))
  local per_job_s=$(((total_s + JOBS - 1) / JOBS))
  local flags=(-max_total_time="$per_job_s" -rss_limit_mb=2048 -timeout=10 -max_len="$MAX_LEN"
               -artifact_prefix="$WORK/artifacts/" -print_final_stats=1)
  echo "== ${name}_fuzz: $MINUTES CPU-minutes ($JOBS job(s) x ${per_job_s}s, $WORKERS worker(s))"
  echo "   new inputs: $WORK/corpus   reproducers: $WORK/artifacts/   logs: $WORK/logs/"
  start=$(date +%s)
  rc=0
  if [ "$JOBS" -eq 1 ]; then
    "$FUZZER" "${flags[@]}" "$WORK/corpus" "$SEEDS" >"$WORK/logs/fuzz-0.log" 2>&1 || rc=$?
  else
    # With -jobs libFuzzer writes each job's output to fuzz-<n>.log in the
    # current directory; run from the log directory so they land there.
    (cd "$WORK/logs" && "$FUZZER" "${flags[@]}" -jobs="$JOBS" -workers="$WORKERS" \
       "$WORK/corpus" "$SEEDS" >/dev/null 2>&1) || rc=$?
  fi
  elapsed=$(($(date +%s) - start))

  execs=$(grep -h 'stat::number_of_executed_units' "$WORK"/logs/fuzz-*.log 2>/dev/null |
    awk '{ s += $2 } END { print s + 0 }')
  local found
  mapfile -t found < <(find "$WORK/artifacts" -maxdepth 1 -type f \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) -newermt "@$start" | sort)
  echo "   wall time:   ${elapsed}s"
  echo "   executions:  $execs"
  echo "   corpus:      $(find "$WORK/corpus" -type f | wc -l) inputs in $WORK/corpus"
  if [ "${#found[@]}" -eq 0 ]; then
    echo "   findings:    none"
  else
    echo "   findings:    ${#found[@]} (reproduce with: $FUZZER FILE)"
    printf '     %s\n' "${found[@]}"
    tail -n 30 "$WORK"/logs/fuzz-*.log | sed 's/^/     /'
  fi

  if [ "$MERGE" -eq 1 ]; then
    # Only small inputs that reach code the seeds do not are copied, so the
    # committed corpus stays small: -use_counters=0 counts new edges only, not
    # new hit counts of known edges (which would add ten times as many files).
    # Inputs over 4 KB are left out beforehand (-max_len alone would not do:
    # merge truncates what it runs, not what it copies).
    local small=$WORK/merge-candidates before after
    rm -rf "$small" && mkdir -p "$small"
    find "$WORK/corpus" -maxdepth 1 -type f -size -4097c -exec cp -t "$small" {} +
    before=$(find "$SEEDS" -type f | wc -l)
    "$FUZZER" -merge=1 -use_counters=0 -artifact_prefix="$WORK/artifacts/" "$SEEDS" "$small" \
      >"$WORK/logs/merge.log" 2>&1 || die "merge failed; see $WORK/logs/merge.log"
    rm -rf "$small"
    after=$(find "$SEEDS" -type f | wc -l)
    echo "   merged:      $((after - before)) new input(s) into $SEEDS, now $(du -sh "$SEEDS" | cut -f1)" \
      "(review before committing)"
  fi
  [ "${#found[@]}" -eq 0 ] && [ "$rc" -eq 0 ]
}

failed=()
for name in "${TARGETS[@]}"; do
  run_target "$name" || failed+=("$name")
  echo
done
echo "== summary: ${#TARGETS[@]} target(s), $MINUTES CPU-minutes each"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "findings or errors in: ${failed[*]}"
  exit 1
fi
echo "no findings"
