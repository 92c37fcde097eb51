#!/usr/bin/env bash
# Issue #11's fault test, on the stack deploy/run.sh starts: a steady 12 orders/s (cancels and deliveries
# among them) while each service is SIGKILLed and started again, then the Kafka broker (restarted with
# deploy/infra.sh up), then PostgreSQL is stopped immediately (pg_ctlcluster, run as root) and started,
# each down ~3 s. Prints per fault the time to ready, time to drain and place→decided p50/max, checks the
# recovery bound and every invariant (exit 1 if one breaks), and appends to bench/orders/FAULTS.md.
# It disturbs everything on the machine that uses the broker or PostgreSQL: run it on a machine of its own.
#   BENCH_INFRA_RUN=DIR   the .run directory of the repo whose deploy/infra.sh started the infra (default ours)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
"$REPO/deploy/services.sh" status >/dev/null || { echo "the stack is not up: deploy/run.sh first" >&2; exit 1; }
cd "$HERE"
exec "$REPO/mvnw" -B ${MAVEN_OFFLINE:+-o} -f "$HERE/pom.xml" compile exec:java -Dbench.mode=faults \
  -Dbench.repo="$REPO" -Dbench.dir="${BENCH_DIR:-$HERE}" -Dbench.infra-run="${BENCH_INFRA_RUN:-$REPO/.run}" "$@"
