#!/usr/bin/env bash
# A short libFuzzer run of every fuzz target (CI's fuzz smoke; fuzz/README.md). Each target
# starts from its seed corpus and its past findings; what it adds goes to a scratch corpus in
# the build folder (never into the repository). A crash, a leak, a UBSan report, a timeout or
# an out-of-memory fails the run and names the input that caused it.
#
#   fuzz/smoke.sh <build dir> [seconds per target, default 30] [targets run at once, default 2]
#
# The build must be configured with -DSITREP_FUZZ=ON (clang), as setup.sh's sanitizer build is.
set -uo pipefail
build=${1:?usage: fuzz/smoke.sh <build dir> [seconds] [parallel]}
secs=${2:-30}
par=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$build" && pwd)
targets=$(sed -n 's/^set(SITREP_FUZZ_TARGETS \(.*\))$/\1/p' "$here/targets.cmake")
work=$build/fuzz-smoke
rm -rf "$work"
mkdir -p "$work"

run_one() {
  local t=$1 bin=$build/fuzz/fuzz_$1
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
  local max_len=4096
  [[ $t == index ]] && max_len=65536  # the seed is a whole (small) index file
  # -timeout: one input may take at most 25 s (a hang is a finding); memory at most 2.5 GB.
  "$bin" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2560 -max_len=$max_len \
    -print_final_stats=1 -artifact_prefix="$work/$t/artifacts/" \
    "$work/$t/corpus" "$here/corpus/$t" "$here/regressions/$t" >"$work/$t/log" 2>&1
  local rc=$?
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t/log")
  if [[ $rc == 0 ]]; then
    echo "fuzz smoke: $t: ${execs:-?} executions in ${secs} s, no finding"
  else
    echo "fuzz smoke: $t: FAILED (exit $rc); log: $work/$t/log" >&2
    grep -E "ERROR|SUMMARY|FUZZ_CHECK|runtime error|Test unit written" "$work/$t/log" | head -12 >&2
    echo "  reproduce: $bin <input>; then copy the input to fuzz/regressions/$t/ (fuzz/README.md)" >&2
  fi
  return $rc
}

failed=0
running=0
for t in $targets; do
  [[ -x $build/fuzz/fuzz_$t ]] || { echo "fuzz smoke: $build/fuzz/fuzz_$t not built" >&2; failed=1; continue; }
  run_one "$t" &
  running=$((running + 1))
  if ((running >= par)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done
exit $failed
