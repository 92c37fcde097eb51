#!/usr/bin/env bash
# The order path end to end, on the stack deploy/run.sh starts (the four services, PostgreSQL, Kafka,
# Keycloak, demo data): 200 buyers with Keycloak tokens of their own place 1-GPU-hour orders in an open
# model; a ramp finds the peak rate placed → CONFIRMED keeps up with, steps at 25/50/75/100 % of it measure
# latencies, CPU per order per process and RSS; pgbench TPC-B before and after; then the invariants (a broken
# one fails the run). Appends to bench/orders/REPORT.md. Settings: -Dbench.step-seconds=20 -Dbench.buyers=200
# -Dbench.ramp-start=10 -Dbench.warmup-seconds=90 -Dbench.infra-run=DIR (the .run directory of the repo that started the
# infra; default ours). -Dbench.mode=steady -Dbench.rate=20 -Dbench.seconds=60: one constant rate, console only (to profile).
# -Dbench.mode=idle -Dbench.idle-seconds=20: the stack's CPU per second with no orders, console only.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
"$REPO/deploy/services.sh" status >/dev/null || { echo "the stack is not up: deploy/run.sh first" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is missing (Debian: postgresql-client-15)" >&2; exit 1; }
cd "$HERE"
exec "$REPO/mvnw" -B ${MAVEN_OFFLINE:+-o} -f "$HERE/pom.xml" compile exec:java \
  -Dbench.repo="$REPO" -Dbench.dir="${BENCH_DIR:-$HERE}" -Dbench.infra-run="${BENCH_INFRA_RUN:-$REPO/.run}" "$@"
