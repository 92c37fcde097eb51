#!/usr/bin/env bash
# Reconcile one million redemptions with settlement-service's own Reconciler (a benchmark, not a test).
#   bash bench/settlement/run.sh            # build the module, then 3 rounds over 1,000,000 orders
#   ORDERS=200000 ROUNDS=5 bash bench/settlement/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -B -q -ntp -pl settlement-service -am install -DskipTests
./mvnw -B -q -ntp -pl settlement-service dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/bench-settlement.classpath
CP="settlement-service/target/classes:$(cat settlement-service/target/bench-settlement.classpath)"
exec java -Xms3g -Xmx3g -XX:+UseParallelGC -Dorders="${ORDERS:-1000000}" -Drounds="${ROUNDS:-3}" \
    -cp "$CP" bench/settlement/ReconcileBench.java
