#!/usr/bin/env bash
# Builds and starts the whole marketplace locally with demo data, no Docker:
# PostgreSQL, Kafka and Keycloak (deploy/infra.sh), the four services (deploy/services.sh),
# then the demo catalog, buyers and a few orders through the real APIs (deploy/demo.sh).
#
#   deploy/run.sh          build, start everything, load the demo data, print where to look
#   deploy/run.sh stop     stop the services and the infrastructure (data kept)
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$DEPLOY_DIR/.." && pwd)"

if [[ ${1:-} == stop ]]; then
  "$DEPLOY_DIR/services.sh" stop
  "$DEPLOY_DIR/infra.sh" down
  exit 0
fi

"$DEPLOY_DIR/infra.sh" up
if [[ ${SKIP_BUILD:-} != 1 ]]; then
  (cd "$REPO" && ./mvnw -B -ntp package -DskipTests)
fi
"$DEPLOY_DIR/services.sh" start
"$DEPLOY_DIR/demo.sh"

cat <<MSG

算力超市 is running.
  Swagger UI   catalog    http://127.0.0.1:8081/q/swagger-ui
               order      http://127.0.0.1:8082/q/swagger-ui
               voucher    http://127.0.0.1:8083/q/swagger-ui
               settlement http://127.0.0.1:8084/q/swagger-ui
  Dashboard    http://127.0.0.1:8084/dashboard   (log in as finance1 / demo)
  Keycloak     http://127.0.0.1:8180   realm suanli; admin console: admin / admin
  Demo users   sme1 sme2 sme3 uni1 partner1 partner2 partner3 admin1 finance1 (password: demo)
  Try it       curl -H "Authorization: Bearer \$(deploy/token.sh sme1)" http://127.0.0.1:8081/api/offerings
               curl -H "Authorization: Bearer \$(deploy/token.sh sme1)" http://127.0.0.1:8082/api/orders
  Logs         $REPO/.run/logs/
  Stop         deploy/run.sh stop
MSG
