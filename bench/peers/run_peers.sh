#!/usr/bin/env bash
# sitrep side by side with the tools users would pick instead, on the same corpus, in one
# run, interleaved (sitrep, peer, sitrep, peer, ...), printing the ratios:
#   chrono-node          dates        vs  sitrep times
#   compromise           places       vs  sitrep places
#   compromise-dates     dates        vs  sitrep times
# The peers are installed from npm at pinned versions with checked SHA-256 (peers.lock) into
# bench/peers/node_modules/ (git-ignored). They are slow, so they run on a prefix of the
# answer-check corpus (bench/corpus/out/news-5mb-seed1.jsonl): --chrono-bytes (default 1 MB)
# and --compromise-bytes (default 0.2 MB); sitrep runs on exactly the same prefix.
#
#   bench/peers/run_peers.sh [--run-dir DIR] [--peer-rounds N] [--chrono-bytes B] ...
#
# Needs build-bench/sitrep and build-bench/gazetteer.idx (bench/run.sh makes both) and node.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/bench/peers/install.sh"
if [[ ! -f $root/bench/corpus/out/news-5mb-seed1.jsonl ]]; then
  python3 "$root/bench/corpus/gen_corpus.py" --mb 5 --seed 1 -o "$root/bench/corpus/out/news-5mb-seed1.jsonl"
fi
exec python3 "$root/bench/measure.py" peers "$@"
