#!/usr/bin/env bash
# Poison events parked by a service's consumers on its dead-letter topics: list them, or replay them once the
# bug that made them fail is fixed (each parked record is replayed once; one that fails again is parked again).
#
#   deploy/parked.sh list   SERVICE [CONSUMER]     e.g. deploy/parked.sh list voucher-service
#   deploy/parked.sh replay SERVICE [CONSUMER]
set -euo pipefail
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cmd="${1:?usage: $0 list|replay SERVICE [CONSUMER]}"
service="${2:?usage: $0 list|replay SERVICE [CONSUMER]}"
consumer="${3:-}"
case "$service" in
  catalog-service) port=8081 ;; order-service) port=8082 ;; voucher-service) port=8083 ;; settlement-service) port=8084 ;;
  *) echo "unknown service $service" >&2; exit 2 ;;
esac
query="${consumer:+?consumer=$consumer}"
token="$("$DEPLOY_DIR/token.sh" "${SUANLI_ADMIN_USER:-admin1}")"
case "$cmd" in
  list) curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/admin/parked-events$query" ;;
  replay) curl -fsS -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/admin/parked-events/replay$query" ;;
  *) echo "usage: $0 list|replay SERVICE [CONSUMER]" >&2; exit 2 ;;
esac
echo
