#!/usr/bin/env bash
# A long libFuzzer run of fuzz/html_fuzz.cc (clang, ASan + UBSan).
#
#   fuzz/run-long.sh                      # 10 CPU-minutes, one process
#   fuzz/run-long.sh --minutes 60 --jobs 2 --workers 2
#   fuzz/run-long.sh --merge              # afterwards, merge new coverage into fuzz/corpus/html
#
# Options:
#   --minutes N   CPU-minutes in total, shared among the jobs (default 10)
#   --jobs J      libFuzzer -jobs (default 1: a single in-process run)
#   --workers W   libFuzzer -workers (default: min(J, cores))
#   --work DIR    scratch directory (default fuzz/corpus-work, gitignored)
#   --merge       after the run, add the inputs that bring new coverage to the
#                 committed seed corpus (-merge=1); without it the repository
#                 is never touched
#
# Builds in build-fuzz/ (RelWithDebInfo, clang). New inputs go to
# DIR/corpus, crash/leak/timeout reproducers to DIR/artifacts, logs to
# DIR/logs. The committed corpus is only read, as a second corpus directory.
set -euo pipefail
export LC_ALL=C

cd "$(dirname "${BASH_SOURCE[0]}")/.."

MINUTES=10
JOBS=1
WORKERS=""
WORK=fuzz/corpus-work
MERGE=0
SEEDS=fuzz/corpus/html
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
    --minutes) MINUTES=${2:?}; shift 2 ;;
    --jobs) JOBS=${2:?}; shift 2 ;;
    --workers) WORKERS=${2:?}; shift 2 ;;
    --work) WORK=${2:?}; shift 2 ;;
    --merge) MERGE=1; shift ;;
    -h | --help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
# Absolute, because the multi-job run changes directory.
WORK=$(realpath -m -- "$WORK")
SEEDS=$(realpath -- "$SEEDS")

# --- Build ------------------------------------------------------------------
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DPARALLAX_FUZZ=ON -DPARALLAX_TESTS=OFF \
  -DPARALLAX_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target html_fuzz
FUZZER=$(realpath -- "$BUILD/fuzz/html_fuzz")
[ -x "$FUZZER" ] || die "build produced no $FUZZER"

mkdir -p "$WORK/corpus" "$WORK/artifacts" "$WORK/logs"
rm -f "$WORK"/logs/fuzz-*.log

# --- Run --------------------------------------------------------------------
# -max_total_time applies to each job, so the CPU budget is split among them.
total_s=$((MINUTES * 60))
per_job_s=$(((total_s + JOBS - 1) / JOBS))
flags=(-max_total_time="$per_job_s" -rss_limit_mb=2048 -timeout=10 -max_len="$MAX_LEN"
       -artifact_prefix="$WORK/artifacts/" -print_final_stats=1)
echo "== html_fuzz: $MINUTES CPU-minutes ($JOBS job(s) x ${per_job_s}s, $WORKERS worker(s))"
echo "   new inputs: $WORK/corpus   reproducers: $WORK/artifacts/   logs: $WORK/logs/"
start=$(date +%s)
rc=0
if [ "$JOBS" -eq 1 ]; then
  "$FUZZER" "${flags[@]}" "$WORK/corpus" "$SEEDS" 2>&1 | tee "$WORK/logs/fuzz-0.log" || rc=$?
else
  # With -jobs libFuzzer writes each job's output to fuzz-<n>.log in the
  # current directory; run from the log directory so they land there.
  (cd "$WORK/logs" && "$FUZZER" "${flags[@]}" -jobs="$JOBS" -workers="$WORKERS" \
     "$WORK/corpus" "$SEEDS") || rc=$?
fi
elapsed=$(($(date +%s) - start))

# --- Summary ----------------------------------------------------------------
execs=$(grep -h 'stat::number_of_executed_units' "$WORK"/logs/fuzz-*.log 2>/dev/null |
  awk '{ s += $2 } END { print s + 0 }')
mapfile -t found < <(find "$WORK/artifacts" -maxdepth 1 -type f \
  \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) -newermt "@$start" | sort)
echo
echo "== summary"
echo "wall time:   ${elapsed}s"
echo "executions:  $execs"
echo "corpus:      $(find "$WORK/corpus" -type f | wc -l) inputs in $WORK/corpus"
if [ "${#found[@]}" -eq 0 ]; then
  echo "findings:    none"
else
  echo "findings:    ${#found[@]} (reproduce with: $FUZZER FILE)"
  printf '  %s\n' "${found[@]}"
fi

if [ "$MERGE" -eq 1 ]; then
  # Only small inputs that reach code the seeds do not are copied, so the
  # committed corpus stays small: -use_counters=0 counts new edges only, not
  # new hit counts of known edges (which would add ten times as many files).
  # Inputs over 4 KB are left out beforehand (-max_len alone would not do:
  # merge truncates what it runs, not what it copies).
  small=$WORK/merge-candidates
  rm -rf "$small" && mkdir -p "$small"
  find "$WORK/corpus" -maxdepth 1 -type f -size -4097c -exec cp -t "$small" {} +
  before=$(find "$SEEDS" -type f | wc -l)
  "$FUZZER" -merge=1 -use_counters=0 -artifact_prefix="$WORK/artifacts/" "$SEEDS" "$small" \
    >"$WORK/logs/merge.log" 2>&1 || die "merge failed; see $WORK/logs/merge.log"
  rm -rf "$small"
  after=$(find "$SEEDS" -type f | wc -l)
  echo "merged:      $((after - before)) new input(s) into $SEEDS, now $(du -sh "$SEEDS" | cut -f1)" \
    "(review before committing)"
fi

if [ "${#found[@]}" -gt 0 ]; then exit 1; fi
exit "$rc"
