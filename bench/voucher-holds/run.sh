#!/usr/bin/env bash
# Holds per second of voucher-service on one program budget, against the naive single-row update
# baseline measured in the same run, at two levels: the hold transaction itself (HoldService driven by
# two concurrent callers in one JVM: voucher-service's HoldTransactionsBenchmark) and the whole path from
# Kafka (two voucher-service instances consuming OrderPlaced events). Needs the infrastructure
# (deploy/infra.sh up) and a build (./mvnw -B install -DskipTests). Uses the voucher_test database
# (wiped) and topics of its own.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
LOGS="$REPO/.run/logs"; mkdir -p "$LOGS"
PREFIX="bench-$(date +%s)."
JAR="$REPO/voucher-service/target/quarkus-app/quarkus-run.jar"
[[ -f $JAR ]] || { echo "build first: ./mvnw -B install -DskipTests" >&2; exit 1; }
SECTION="$LOGS/bench-hold-transactions.md"; rm -f "$SECTION"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start() { # port, clean?
  local opts="${BENCH_JVM_OPTS:-}"; opts="${opts//@PORT@/$1}"   # @PORT@: per-instance file names (JFR, logs)
  QUARKUS_DATASOURCE_PASSWORD=voucher java -Xmx512m -Dquarkus.http.port="$1" -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/voucher_test \
    -Dquarkus.flyway.clean-disabled=false -Dquarkus.flyway.clean-at-start="$2" -Dkernel.events.topic-prefix="$PREFIX" \
    $opts -Dquarkus.log.level=WARN -Dquarkus.log.category.\"org.suanli.voucher.hold\".level=DEBUG -Dquarkus.log.category.\"org.suanli.voucher.hold\".min-level=DEBUG -jar "$JAR" >"$LOGS/bench-voucher-$1.log" 2>&1 &
  pids+=($!)
  until curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; do
    kill -0 "${pids[-1]}" 2>/dev/null || { tail -n 20 "$LOGS/bench-voucher-$1.log" >&2; echo "voucher-service on $1 died" >&2; exit 1; }
    sleep 0.3
  done
}
cd "$REPO"
# 1. The hold transaction, in-process (its own warm-up, three measured rounds, invariant checked per round).
./mvnw -B -q -pl voucher-service test -Dgroups=benchmark -DexcludedGroups=none -Dtest=HoldTransactionsBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.section="$SECTION" "$@" >"$LOGS/bench-hold-transactions.log" 2>&1 \
  || { tail -n 40 "$LOGS/bench-hold-transactions.log" >&2; exit 1; }
# 2. The baseline and the whole path from Kafka.
# The first instance creates a clean schema; the bench then stops it, sets the stage (buyers, a tight
# budget) and measures the baseline alone on the machine. Then two instances start and join the consumer
# group; the bench sends them warm-up events of another year, waits for those holds, sends the measured
# events and waits for the last of them.
start 18083 true
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
BENCH=(./mvnw -B -q -f bench/voucher-holds/pom.xml compile exec:java -Dbench.topic-prefix="$PREFIX" -Dbench.section="$SECTION" "$@")
"${BENCH[@]}" -Dbench.phase=prepare
start 18083 false
start 18093 false
"${BENCH[@]}" -Dbench.phase=measure
