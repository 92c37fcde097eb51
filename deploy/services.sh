#!/usr/bin/env bash
# The four marketplace services as plain JVM processes on 127.0.0.1, from their packaged jars.
#
#   deploy/services.sh start [S...]  start what is not running (all four, or those named), wait until each is ready
#                                    (/q/health/ready)
#   deploy/services.sh stop [S...]   stop what this script started (all, or those named)
#   deploy/services.sh status   one line per service; exit 0 only if all are ready
#   deploy/services.sh jvm      the java and options a service is started with
#   deploy/services.sh kill S   SIGKILL one service (a crash, for fault tests); start brings it back
#
# SUANLI_ENV=e2e starts them on the *_e2e databases, wiped at start, with topics of their own
# (a fresh prefix), so an end-to-end run never meets earlier data or events.
# SUANLI_OTLP_ENDPOINT (e.g. http://127.0.0.1:4318), when set, reaches the services through their environment:
# they then export their traces there over OTLP/HTTP. QUARKUS_LOG_CONSOLE_JSON_ENABLED=true makes the logs JSON.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$DEPLOY_DIR/.." && pwd)"
RUN="$REPO/.run"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
mkdir -p "$LOGS" "$PIDS"

# name:port:database
SERVICES=(catalog-service:8081:catalog order-service:8082:orders voucher-service:8083:voucher settlement-service:8084:settlement)
READY_TIMEOUT="${SERVICES_READY_TIMEOUT:-120}"
# The JVM: the newest JDK 25 or later installed (JAVA25_HOME, or under /usr/lib/jvm), else `java` (JDK 17);
# SERVICE_JAVA names another (SERVICE_JAVA=java is the JDK 17 path). On 25 a service starts from an AOT cache (below):
# ready in ~3.0-3.5 s against ~3.4-4.2 s on 17 with class-data sharing (bench/startup/REPORT.md).
newest_java() {
  local j
  for j in ${JAVA25_HOME:+"$JAVA25_HOME/bin/java"} /usr/lib/jvm/*-2[5-9]-*/bin/java /usr/lib/jvm/*-2[5-9]/bin/java; do
    [[ -x $j ]] && { echo "$j"; return; }
  done
  echo java
}
SERVICE_JAVA="${SERVICE_JAVA:-auto}"
if [[ $SERVICE_JAVA == auto ]]; then SERVICE_JAVA="$(newest_java)"; fi
JAVA_MAJOR="$("$SERVICE_JAVA" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')"
# The serial collector: G1 keeps ~38 MB of its own structures beside a heap this small (native memory tracking);
# under the order benchmark's load the services ran in 246-309 MB against 281-341 on G1, with the same CPU per
# order (bench/orders/REPORT.md, 14:45 and 14:55 runs of 2026-12-02). SERVICE_HEAP="-Xms64m -Xmx384m" gives G1 back.
SERVICE_HEAP="${SERVICE_HEAP:--Xms32m -Xmx384m -XX:+UseSerialGC}"
# The JIT: C1 only. With four services, Kafka, Keycloak and PostgreSQL on two cores, the tiered JIT's C2 compiles
# never settled: 15 minutes into a run it still took 73 % of order-service's CPU, and C1 alone more than doubled the
# peak the order benchmark finds (bench/orders/REPORT.md, 22:17 and 22:29 runs of 2026-12-01; again on 2026-12-02
# with a 90 s warm-up: peak 39 → 17, 14:06 and 14:14). On machines with cores to spare, SERVICE_JIT="" gives the
# JVM's default back.
SERVICE_JIT="${SERVICE_JIT--XX:TieredStopAtLevel=1}"

log() { printf '[services %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

pid_alive() {
  local f="$PIDS/$1.pid" pid
  [[ -f $f ]] || return 1
  pid="$(<"$f")"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$1"
}

ready() { curl -fsS --max-time 2 "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }

# SERVICE_ARCHIVES puts them elsewhere (bench/startup keeps one set per JVM setting it compares).
ARCHIVES="${SERVICE_ARCHIVES:-$RUN}"
# What a service loaded in its last run is mapped from an archive at the next start: on JDK 25+ an AOT cache (the
# classes loaded and linked, JEP 483/514), on older JDKs a class-data sharing archive. Either is written when the
# service stops; one older than the build is dropped and made anew. (A run that is SIGKILLed writes none: it keeps
# the last one.) A class whose bytes changed since is loaded from the jar as usual, so an archive is never wrong,
# at worst slower.
startup_archive() {
  local name="$1" jar="$2" file
  if ((JAVA_MAJOR >= 25)); then
    # The JVM writes the cache (from a configuration it removes once the cache is whole) as it exits: .part until
    # then, so a stop cut short leaves no half cache to be trusted.
    file="$ARCHIVES/aot/$name.aot"
    mkdir -p "${file%/*}"
    if [[ -f $file.part && ! -e $file.part.config ]]; then mv -f "$file.part" "$file"; fi
    rm -f "$file.part" "$file.part.config"
    if [[ -f $file && $file -nt $jar && $file -nt ${jar%/*}/lib/main ]]; then
      echo "-XX:AOTCache=$file -Xlog:aot=off -Xlog:cds=off"
    else
      rm -f "$file"
      echo "-XX:AOTCacheOutput=$file.part -Xlog:aot=off -Xlog:cds=off"
    fi
    return
  fi
  file="$ARCHIVES/cds/$name.jsa"
  mkdir -p "${file%/*}"
  if [[ -f $file && $file -nt $jar && $file -nt ${jar%/*}/lib/main ]]; then
    echo "-XX:SharedArchiveFile=$file -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    rm -f "$file"
    echo "-XX:ArchiveClassesAtExit=$file -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

start_one() {
  local name="$1" port="$2" db="$3" jar="$REPO/$1/target/quarkus-app/quarkus-run.jar"
  if pid_alive "$name"; then
    log "$name: already running (pid $(<"$PIDS/$name.pid"))"
    return
  fi
  [[ -f $jar ]] || die "$jar is missing: build first (./mvnw -B package -DskipTests)"
  local -a props=()
  if [[ ${SUANLI_ENV:-} == e2e ]]; then
    props+=("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/${db}_e2e"
            "-Dquarkus.flyway.clean-disabled=false" "-Dquarkus.flyway.clean-at-start=$FRESH_STACK"
            "-Dkernel.events.topic-prefix=$(<"$RUN/e2e-topic-prefix")")
  fi
  # The packaged jar runs the prod profile, which has no default for any secret: hand it the local development
  # ones (deploy/infra.sh's database users, whose password is their name; the realm file's client secret).
  local -a dev_secrets=("QUARKUS_DATASOURCE_PASSWORD=$db" "OIDC_CLIENT_SECRET=marketplace-secret"
                        "DASHBOARD_SESSION_SECRET=dev-only-dashboard-session-secret-change-me-0123456789")
  # -Dsuanli.service=<name> marks the process so pid_alive can recognise it.
  # shellcheck disable=SC2046
  setsid env "${dev_secrets[@]}" "$SERVICE_JAVA" $SERVICE_HEAP $SERVICE_JIT $(startup_archive "$name" "$jar") "-Dsuanli.service=$name" \
    "${props[@]}" -jar "$jar" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

wait_one() {
  local name="$1" port="$2" started_ms="$3" deadline=$((SECONDS + READY_TIMEOUT))
  until ready "$port"; do
    # kill -0, not pid_alive: on a busy machine the process may not have exec'd java yet (its command line is still ours)
    kill -0 "$(<"$PIDS/$name.pid")" 2>/dev/null || { tail -n 40 "$LOGS/$name.log" >&2; die "$name exited during startup (log: $LOGS/$name.log)"; }
    ((SECONDS < deadline)) || { tail -n 40 "$LOGS/$name.log" >&2; die "$name not ready after ${READY_TIMEOUT}s"; }
    sleep 0.1
  done
  local rss
  rss=$(awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$(<"$PIDS/$name.pid")/status" 2>/dev/null || echo "?")
  log "$name: ready on http://127.0.0.1:$port in $(( $(date +%s%3N) - started_ms )) ms, RSS $rss"
}

# The SERVICES entries named (all when none is), so start and stop can work on one service.
selected() {
  local s name port db want
  for s in "${SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$s"
    if (($# == 0)); then echo "$s"; continue; fi
    for want in "$@"; do [[ $want == "$name" ]] && echo "$s"; done
  done
}

check_names() {
  local want
  for want in "$@"; do [[ -n $(selected "$want") ]] || die "no service '$want' (one of: ${SERVICES[*]%%:*})"; done
}

any_alive() {
  local s name port db
  for s in "${SERVICES[@]}"; do IFS=: read -r name port db <<<"$s"; pid_alive "$name" && return 0; done
  return 1
}

cmd_start() {
  # A fresh set of topics for a fresh e2e stack; a service restarted into a running stack keeps its topics.
  # (and its databases are wiped only then, never under services still running)
  FRESH_STACK=false
  if [[ ${SUANLI_ENV:-} == e2e ]]; then
    if ! any_alive || [[ ! -f $RUN/e2e-topic-prefix ]]; then
      FRESH_STACK=true
      echo "e2e-$(date +%s)-$RANDOM." >"$RUN/e2e-topic-prefix"
    fi
  else
    rm -f "$RUN/e2e-topic-prefix"
  fi
  local started_ms s name port db
  local -a chosen
  mapfile -t chosen < <(selected "$@")
  started_ms=$(date +%s%3N)
  for s in "${chosen[@]}"; do IFS=: read -r name port db <<<"$s"; start_one "$name" "$port" "$db"; done
  for s in "${chosen[@]}"; do IFS=: read -r name port db <<<"$s"; wait_one "$name" "$port" "$started_ms"; done
}

cmd_stop() {
  local s name port db pid
  local -a stopping=() chosen
  mapfile -t chosen < <(selected "$@")
  for s in "${chosen[@]}"; do
    IFS=: read -r name port db <<<"$s"
    if pid_alive "$name"; then
      kill -TERM "$(<"$PIDS/$name.pid")" 2>/dev/null || true
      stopping+=("$name")
    else
      rm -f "$PIDS/$name.pid"
    fi
  done
  # All at once, then wait: a service writes its startup archive as it exits (an AOT cache: four at once on two
  # cores, up to a minute).
  for name in "${stopping[@]}"; do
    pid="$(<"$PIDS/$name.pid")"
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
    log "$name: stopped"
    rm -f "$PIDS/$name.pid"
  done
}

# Simulates a crash: SIGKILL, no shutdown hooks, whatever was in flight is cut off.
cmd_kill() {
  local name="${1:?usage: $0 kill SERVICE}"
  pid_alive "$name" || die "$name is not running"
  kill -KILL "$(<"$PIDS/$name.pid")"
  rm -f "$PIDS/$name.pid"
  log "$name: killed"
}

cmd_status() {
  local s name port db ok=0
  for s in "${SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$s"
    if ready "$port"; then printf '%-20s UP    http://127.0.0.1:%s\n' "$name" "$port"
    else printf '%-20s DOWN  http://127.0.0.1:%s\n' "$name" "$port"; ok=1; fi
  done
  return $ok
}

case "${1:-}" in
  start) shift; check_names "$@"; cmd_start "$@" ;;
  stop) shift; check_names "$@"; cmd_stop "$@" ;;
  status) cmd_status ;;
  jvm) echo "$SERVICE_JAVA (Java $JAVA_MAJOR) $SERVICE_HEAP $SERVICE_JIT" ;;
  kill) cmd_kill "${2:-}" ;;
  *) echo "usage: $0 start [SERVICE...]|stop [SERVICE...]|status|jvm|kill SERVICE" >&2; exit 2 ;;
esac
