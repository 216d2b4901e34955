#!/usr/bin/env bash
# Gateway soak test (docs/RELIABILITY.md): mixed plain and streamed requests with identifying data, a fake
# upstream failing at random, PostgreSQL restarted once halfway; then every request the upstream saw must
# have its audit event, and the audit chain must verify. Loopback only. Uses a PostgreSQL cluster of its own
# (port 5433, created on first use) so that restarting it disturbs nothing else on the machine.
#
# Usage: avec-bench/scripts/soak.sh [SECONDS=1800] [CLIENTS=16] [FAILURE_RATE=0.05]
# Needs: ./mvnw -q -B -o package -DskipTests; root (or the postgres user) for pg_createcluster / pg_ctlcluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-1800}
CLIENTS=${2:-16}
FAILURE_RATE=${3:-0.05}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
FAKE_PORT=18091; AVEC_PORT=18090; PG_PORT=${SOAK_PG_PORT:-5433}
PG_VERSION=$(ls /etc/postgresql | sort -n | tail -1)
CLUSTER=avecsoak
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$CLUSTER"; then
  pg_createcluster "$PG_VERSION" "$CLUSTER" --port "$PG_PORT" -- --auth=trust >/dev/null
fi
pg_ctlcluster "$PG_VERSION" "$CLUSTER" start 2>/dev/null || true
SCHEMA=avec_soak_$$
DB_OPTS=(--avec.home="$WORK/home" "--avec.db.url=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?currentSchema=$SCHEMA"
         --avec.db.user=postgres --avec.db.password= "--spring.flyway.schemas=$SCHEMA" --spring.flyway.create-schemas=true)
UPSTREAM_OPTS=("--avec.upstreams[0].name=fake-hds" "--avec.upstreams[0].base-url=http://127.0.0.1:$FAKE_PORT/v1"
  "--avec.upstreams[0].level=hds" "--avec.upstreams[0].models=bench" "--avec.upstreams[0].timeout=2s"
  "--avec.upstreams[0].stream-idle-timeout=2s" "--avec.gateway.rate-limit-per-minute=0")
ADMIN=("$JAVA" -XX:TieredStopAtLevel=1 -jar avec-server/target/avec-server.jar admin)

"$JAVA" -cp avec-bench/target/avec-bench.jar fr.avec.bench.FakeModelServer $FAKE_PORT "$FAILURE_RATE" > "$WORK/fake.log" 2>&1 & PIDS+=($!)
KEY=$("${ADMIN[@]}" keys create --user soak --role service "${DB_OPTS[@]}" 2>/dev/null)
ADMIN_KEY=$("${ADMIN[@]}" keys create --user soak-admin --role admin "${DB_OPTS[@]}" 2>/dev/null)
"$JAVA" -Xmx1g -jar avec-server/target/avec-server.jar --server.port=$AVEC_PORT "${DB_OPTS[@]}" "${UPSTREAM_OPTS[@]}" > "$WORK/avec.log" 2>&1 & PIDS+=($!)
for _ in $(seq 90); do curl -sf "http://127.0.0.1:$AVEC_PORT/actuator/health" >/dev/null && break; sleep 1; done

echo "== machine: $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
"$JAVA" -cp avec-bench/target/avec-bench.jar fr.avec.bench.Soak --url "http://127.0.0.1:$AVEC_PORT" --key "$KEY" \
  --admin-key "$ADMIN_KEY" --upstream "http://127.0.0.1:$FAKE_PORT" --seconds "$SECONDS_RUN" --clients "$CLIENTS" \
  --restart-at $((SECONDS_RUN / 2)) --restart-cmd "pg_ctlcluster $PG_VERSION $CLUSTER restart"
SOAK=$?
echo "== audit chain after the soak"
"${ADMIN[@]}" audit verify "${DB_OPTS[@]}" 2>&1 | tail -1
CHAIN=${PIPESTATUS[0]}
echo "== server log: $(grep -c ' ERROR ' "$WORK/avec.log" || true) ERROR lines, $(grep -c ' WARN ' "$WORK/avec.log" || true) WARN lines;" \
     "planted identifiers in the log: $(grep -c -E 'Dubois|2 61 03 75|06 12 34 56 78' "$WORK/avec.log" || true)"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "DROP SCHEMA $SCHEMA CASCADE" postgres >/dev/null 2>&1 || true
exit $(( SOAK != 0 || CHAIN != 0 ))
