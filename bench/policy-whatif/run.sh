#!/usr/bin/env bash
# Policy what-if on a city's year: 100,000 contracts replayed under "compute at 20% from July", in-process
# (WhatIfService: read the holds, decide each again against budget and caps, sum the breakdowns) and through
# POST /api/what-if with a real finance token. voucher-service's WhatIfBenchmark does the work; this script
# appends its figures to REPORT.md. Needs the infrastructure (PostgreSQL, Keycloak: deploy/infra.sh up).
# Uses the voucher_test${SUANLI_TEST_DB_SUFFIX} database, which Flyway wipes at the start.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
LOGS="$REPO/.run/logs"; mkdir -p "$LOGS"
SECTION="$LOGS/bench-policy-whatif.md"; rm -f "$SECTION"
cd "$REPO"
./mvnw -B ${MAVEN_OFFLINE:+-o} -pl voucher-service -am verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=WhatIfBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.section="$SECTION" "$@" >"$LOGS/bench-policy-whatif.log" 2>&1 \
  || { tail -n 40 "$LOGS/bench-policy-whatif.log" >&2; exit 1; }
{
  echo
  echo "## Run of $(date -u +%Y-%m-%dT%H:%M:%SZ) (load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores)"
  echo
  cat "$SECTION"
} >>"$HERE/REPORT.md"
cat "$SECTION"
