#!/usr/bin/env bash
# Gateway overhead benchmark on loopback: a fake model server, then the same closed-loop load
# straight to it, through Avec (pseudonymization + verification + audit on PostgreSQL), and through
# the Portkey open-source gateway (no checks). Prints the figures BENCHMARKS.md quotes.
#
# Usage: avec-bench/scripts/gateway-bench.sh [CLIENTS] [SECONDS]
# Needs: ./mvnw -q -B -o package -DskipTests (avec-server.jar, avec-bench.jar), node + npm,
# PostgreSQL at 127.0.0.1:5432 (database test, user postgres, trust auth) unless AVEC_BENCH_DB=h2.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:-64}
SECONDS_RUN=${2:-20}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PORTKEY_DIR=${PORTKEY_DIR:-/tmp/avec-portkey}
FAKE_PORT=18081; AVEC_PORT=18080; PORTKEY_PORT=18787
SCHEMA=avec_bench_$$
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

if [ "${AVEC_BENCH_DB:-postgresql}" = "h2" ]; then
  DB_OPTS=(--avec.home="$WORK/home")
else
  DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA"
  DB_OPTS=(--avec.home="$WORK/home" "--avec.db.url=$DB_URL" --avec.db.user=postgres --avec.db.password= \
           "--spring.flyway.schemas=$SCHEMA" --spring.flyway.create-schemas=true)
fi
UPSTREAM_OPTS=("--avec.upstreams[0].name=fake-hds" "--avec.upstreams[0].base-url=http://127.0.0.1:$FAKE_PORT/v1"
  "--avec.upstreams[0].level=hds" "--avec.upstreams[0].models=bench"
  "--avec.upstreams[0].model-sizes[0].model=bench" "--avec.upstreams[0].model-sizes[0].active-billions=24"
  "--avec.use-cases.flag.verification=stream_then_flag" "--avec.gateway.rate-limit-per-minute=0")

"$JAVA" -cp avec-bench/target/avec-bench.jar fr.avec.bench.FakeModelServer $FAKE_PORT > "$WORK/fake.log" 2>&1 & PIDS+=($!)
KEY=$("$JAVA" -XX:TieredStopAtLevel=1 -jar avec-server/target/avec-server.jar admin keys create --user bench --role service "${DB_OPTS[@]}" 2>/dev/null)
"$JAVA" -XX:+UseParallelGC -Xmx512m -jar avec-server/target/avec-server.jar --server.port=$AVEC_PORT "${DB_OPTS[@]}" "${UPSTREAM_OPTS[@]}" > "$WORK/avec.log" 2>&1 & PIDS+=($!)
if [ ! -d "$PORTKEY_DIR/node_modules/@portkey-ai/gateway" ]; then
  mkdir -p "$PORTKEY_DIR" && (cd "$PORTKEY_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund @portkey-ai/gateway >/dev/null 2>&1)
fi
node "$PORTKEY_DIR/node_modules/@portkey-ai/gateway/build/start-server.js" --port=$PORTKEY_PORT --headless > "$WORK/portkey.log" 2>&1 & PIDS+=($!)
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$AVEC_PORT/actuator/health" >/dev/null && break; sleep 1; done

LOAD=("$JAVA" -cp avec-bench/target/avec-bench.jar fr.avec.bench.GatewayLoad --clients "$CLIENTS" --seconds "$SECONDS_RUN" --warmup "${WARMUP:-30}")
echo "== machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== direct to the fake model server"
"${LOAD[@]}" --url "http://127.0.0.1:$FAKE_PORT/v1/chat/completions"
echo "== through Avec (pseudonymization, verification buffer_then_release, audit on ${AVEC_BENCH_DB:-postgresql})"
"${LOAD[@]}" --url "http://127.0.0.1:$AVEC_PORT/v1/chat/completions" --key "$KEY"
echo "== through Portkey gateway $(node -e "console.log(require('$PORTKEY_DIR/node_modules/@portkey-ai/gateway/package.json').version)") (no checks)"
"${LOAD[@]}" --url "http://127.0.0.1:$PORTKEY_PORT/v1/chat/completions" --header "x-portkey-provider:openai" \
  --header "x-portkey-custom-host:http://127.0.0.1:$FAKE_PORT/v1" --header "Authorization:Bearer sk-bench"
echo "== streaming, direct"
"${LOAD[@]}" --url "http://127.0.0.1:$FAKE_PORT/v1/chat/completions" --stream
echo "== streaming through Avec, stream_then_flag"
"${LOAD[@]}" --url "http://127.0.0.1:$AVEC_PORT/v1/chat/completions" --key "$KEY" --stream --header "x-avec-use-case:flag"
echo "== where Avec's time goes (phase timers, seconds)"
curl -s -H "Authorization: Bearer $KEY" "http://127.0.0.1:$AVEC_PORT/actuator/prometheus" | grep -E 'avec_gateway_(phase|overhead)_seconds\{.*quantile' || true
if [ "${AVEC_BENCH_DB:-postgresql}" != "h2" ]; then
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" 2>/dev/null || true
fi
