#!/usr/bin/env bash
# Runs every test: the services' own tests (real PostgreSQL, Kafka broker and Keycloak), then the
# end-to-end tests against the whole marketplace started as deploy/run.sh starts it (on wiped test
# databases and fresh topics). Starts what it needs and stops what it started.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$DEPLOY_DIR/.." && pwd)"
cd "$REPO"

infra_was_up=0
"$DEPLOY_DIR/infra.sh" status >/dev/null 2>&1 && infra_was_up=1
"$DEPLOY_DIR/infra.sh" up

services_started=0
cleanup() {
  local rc=$?
  if ((services_started)); then SUANLI_ENV=e2e "$DEPLOY_DIR/services.sh" stop || true; fi
  if ((!infra_was_up)); then "$DEPLOY_DIR/infra.sh" down || true; fi
  exit $rc
}
trap cleanup EXIT

# 1. Unit and integration tests of every module; packages the services on the way.
./mvnw -B -ntp install

# 2. The whole marketplace as the run command starts it, with its demo data, then the end-to-end tests.
# The services export their spans to the OTLP/HTTP receiver e2e-tests' TracingTest opens on this endpoint.
export SUANLI_OTLP_ENDPOINT="${SUANLI_OTLP_ENDPOINT:-http://127.0.0.1:4318}"
SUANLI_ENV=e2e "$DEPLOY_DIR/services.sh" start
services_started=1
"$DEPLOY_DIR/demo.sh"
./mvnw -B -ntp -pl e2e-tests verify -De2e
