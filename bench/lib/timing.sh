# Shared by the whole-run benchmark scripts (bench/*-speed): timing a
# command without a fork, medians, and the lines that describe the machine.
# Source it after setting SCRIPT (the script's name, for messages) and
# ERR_FILE (where a failing command's stderr goes).

die() {
  echo "$SCRIPT: error: $*" >&2
  exit 1
}

# Sets NOW_US to microseconds since the epoch. EPOCHREALTIME (bash 5) costs
# no fork, which matters when one run takes a few milliseconds; `date` is
# the fallback. A variable, not $(...), for the same reason.
now_us() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local t=${EPOCHREALTIME/[.,]/}
    NOW_US=$((10#$t))
  else
    NOW_US=$(($(date +%s%N) / 1000))
  fi
}

# Runs a command once with its output discarded; stops with its stderr if it
# fails, because timing a failing command measures nothing useful.
run_once() {
  local rc=0
  "$@" >/dev/null 2>"$ERR_FILE" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "$SCRIPT: error: command failed (exit $rc): $*" >&2
    head -n 20 "$ERR_FILE" >&2
    exit 1
  fi
}

# Appends the wall time of one run, in microseconds, to the file $1.
time_into() {
  local out=$1 start
  shift
  now_us
  start=$NOW_US
  run_once "$@"
  now_us
  echo $((NOW_US - start)) >>"$out"
}

# The median of the numbers in file $1, one a line.
median_us() {
  sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Prints the lines that say where the figures come from (date, processor,
# cores, kernel, binary $1 and its build type, load), and a warning when the
# binary is not a Release build.
describe_machine() {
  local bin=$1 cache build_type cpu load
  cache="$(dirname "$bin")/CMakeCache.txt"
  build_type="unknown (no $cache)"
  if [ -f "$cache" ]; then
    build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
    [ -n "$build_type" ] || build_type="(empty)"
  fi
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
  load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  echo "date:       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu:        ${cpu:-unknown}"
  echo "cores:      $(nproc) online ($(grep -c ^processor /proc/cpuinfo 2>/dev/null || echo '?') listed)"
  echo "kernel:     $(uname -sr)"
  echo "binary:     $bin ($(stat -c %s "$bin") bytes)"
  echo "build type: $build_type"
  echo "load avg:   $load (figures are noisy when this is near or above the core count)"
  if [ "$build_type" != "Release" ]; then
    echo
    echo "!! WARNING: build type is '$build_type', not Release: these numbers do not"
    echo "!! describe parallax's real speed. Rebuild with: make build"
  fi
}
