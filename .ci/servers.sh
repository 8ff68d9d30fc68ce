#!/usr/bin/env bash
# The server matrix beyond the Debian redis-server: when the sources of newer servers lie in
# ../shared/servers (beside the repository), builds each once (cached in ~/.cache/ocredis-servers by
# ../shared/servers/build.sh) and prints its bin directory, one per line, to put first on PATH for a test run:
#
#   for bin in $(.ci/servers.sh); do PATH="$bin:$PATH" npm test; done
#
# Prints nothing when ../shared/servers is absent. Installs make, gcc and libssl-dev where missing (needs root
# or sudo). Progress and errors go to stderr, so stdout holds only the directories.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVERS=(valkey-8.0.1 redis-7.4.1)
build="../shared/servers/build.sh"
[ -f "$build" ] || exit 0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "servers.sh: need root (or sudo) to run: $*" >&2; exit 1
  fi
}

cache="${OCREDIS_SERVER_CACHE:-$HOME/.cache/ocredis-servers}"
needs_build=0
for name in "${SERVERS[@]}"; do [ -x "$cache/$name/bin/redis-server" ] || needs_build=1; done
if [ "$needs_build" -eq 1 ]; then
  packages=()
  command -v make >/dev/null 2>&1 || packages+=(make)
  command -v gcc >/dev/null 2>&1 || packages+=(gcc)
  [ -f /usr/include/openssl/ssl.h ] || packages+=(libssl-dev)
  if [ "${#packages[@]}" -gt 0 ]; then
    echo "servers.sh: installing ${packages[*]}" >&2
    as_root apt-get update >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}" >&2
  fi
fi

for name in "${SERVERS[@]}"; do
  echo "servers.sh: $name" >&2
  bash "$build" "$name"
done
