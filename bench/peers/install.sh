#!/usr/bin/env bash
# Installs the pinned peers of bench/peers/peers.lock into bench/peers/node_modules/ (git-
# ignored): `npm pack` fetches each tarball from the registry, its SHA-256 must match the
# lock file, then it is unpacked. Idempotent: a package already unpacked with the same
# checksum is left alone. No package.json, no dependency resolution, no install scripts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest="$here/node_modules"
mkdir -p "$dest"
while read -r name version sum; do
  [[ -z $name || $name == \#* ]] && continue
  stamp="$dest/$name/.sitrep-sha256"
  if [[ -f $stamp && $(cat "$stamp") == "$sum" ]]; then
    continue
  fi
  echo "fetching $name@$version from the npm registry" >&2
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
    echo "  (bench/peers/peers.lock pins the exact tarball; refusing to use a different one)" >&2
    exit 1
  fi
  rm -rf "${dest:?}/$name"
  mkdir -p "$dest/$name"
  tar -xzf "$tgz" -C "$dest/$name" --strip-components=1
  echo "$sum" >"$stamp"
  rm -rf "$tmp"
  trap - EXIT
done <"$here/peers.lock"
