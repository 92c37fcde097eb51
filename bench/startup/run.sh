#!/usr/bin/env bash
# Each service started alone: time from launch to ready (/q/health/ready answers 200), the CPU it took to get there,
# and its RSS once idle — for each JVM setting compared, in the same run, so the machine's mood is the same for all.
# Issue #10's goal: ready ≤ 2 s, ≤ 200 MB RSS idle. Appends to bench/startup/REPORT.md.
#
#   bench/startup/run.sh            needs deploy/infra.sh up, the packaged jars, and the four services stopped
#
# Settings: STARTUP_RUNS (timed starts per service and setting, 5), STARTUP_IDLE (seconds idle before RSS is read, 10).
# Each setting first starts every service once untimed, to write its startup archive (an AOT cache or a class-data
# sharing archive, kept apart per setting under .run/bench-startup/); what is timed is a start from that archive, as
# deploy/services.sh starts a service every time after its first.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SVC="$REPO/deploy/services.sh"
RUNS="${STARTUP_RUNS:-5}"
IDLE="${STARTUP_IDLE:-10}"
REPORT="${STARTUP_REPORT:-$HERE/REPORT.md}"
WORK="$REPO/.run/bench-startup"
SERVICES=(catalog-service order-service voucher-service settlement-service)

die() { printf '[startup] ERROR: %s\n' "$*" >&2; exit 1; }
log() { printf '[startup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

"$REPO/deploy/infra.sh" status >/dev/null 2>&1 || die "the infrastructure is not up: deploy/infra.sh up first"
for s in "${SERVICES[@]}"; do
  [[ -f $REPO/$s/target/quarkus-app/quarkus-run.jar ]] || die "$s is not packaged: ./mvnw -B package -DskipTests"
done
if "$SVC" status 2>/dev/null | grep -q ' UP '; then die "services are running: deploy/services.sh stop first"; fi

major_of() { "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }'; }
find_java() { # a java of the given major version, or nothing
  local j
  for j in java /usr/lib/jvm/*/bin/java; do
    command -v "$j" >/dev/null 2>&1 && [[ $(major_of "$j") == "$1" ]] && { command -v "$j"; return; }
  done
}
JAVA17="$(find_java 17)"
JAVA25="$(find_java 25)"

# name | SERVICE_JAVA | SERVICE_HEAP ("" = services.sh's default) — the last is what deploy/services.sh does today.
SETUPS=()
[[ -n $JAVA17 ]] && SETUPS+=("JDK 17, G1, class-data sharing (the default before 2026-12-02)|$JAVA17|-Xms64m -Xmx384m")
[[ -n $JAVA25 ]] && SETUPS+=("JDK 25, G1, AOT cache|$JAVA25|-Xms64m -Xmx384m")
[[ -n $JAVA25 ]] && SETUPS+=("JDK 25, serial collector, AOT cache|$JAVA25|-Xms32m -Xmx384m -XX:+UseSerialGC")
SETUPS+=("deploy/services.sh's default||")  # today the first setting; kept so a change of default is measured
((${#SETUPS[@]} > 0)) || die "no JVM found"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
range() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }

# One start of one service: prints "ready_ms cpu_ms rss_mb"
one_start() {
  local name="$1" out pid ms cpu rss
  out="$("$SVC" start "$name" 2>&1)" || { echo "$out" >&2; die "$name did not start"; }
  pid="$(<"$REPO/.run/pids/$name.pid")"
  ms="$(sed -n 's/.* ready on .* in \([0-9]*\) ms.*/\1/p' <<<"$out" | tail -n 1)"
  # utime + stime in clock ticks, read right after ready
  cpu="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")"
  sleep "$IDLE"
  rss="$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")"
  "$SVC" stop "$name" >/dev/null
  echo "$ms $cpu $rss"
}

started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
load="$(cut -d' ' -f1 /proc/loadavg)"
declare -A READY CPU RSS FIRST
for setup in "${SETUPS[@]}"; do
  IFS='|' read -r label java heap <<<"$setup"
  dir="$WORK/$(tr -c 'a-zA-Z0-9\n' '-' <<<"$label")"
  rm -rf "$dir"; mkdir -p "$dir"
  export SERVICE_ARCHIVES="$dir"
  if [[ -n $java ]]; then export SERVICE_JAVA="$java"; else unset SERVICE_JAVA; fi
  if [[ -n $heap ]]; then export SERVICE_HEAP="$heap"; else unset SERVICE_HEAP; fi
  for s in "${SERVICES[@]}"; do
    log "$label: $s, first start (writes its archive)"
    read -r ms _ _ < <(one_start "$s")
    FIRST["$label|$s"]="$ms"
    for ((i = 1; i <= RUNS; i++)); do
      read -r ms cpu rss < <(one_start "$s")
      log "$label: $s run $i: ready in $ms ms, $cpu CPU ms, idle RSS $rss MB"
      READY["$label|$s"]+="$ms "; CPU["$label|$s"]+="$cpu "; RSS["$label|$s"]+="$rss "
    done
  done
done
unset SERVICE_ARCHIVES SERVICE_JAVA SERVICE_HEAP

{
  echo
  echo "## Run of $started_at"
  echo
  echo "- commit $(git -C "$REPO" log -1 --format='%h %s' | cut -c1-100)$(git -C "$REPO" diff --quiet HEAD -- deploy bench || echo ' (with uncommitted changes in deploy/ or bench/)')"
  echo "- machine: $(nproc) cores, load average at start $load; $RUNS timed starts per service and setting, RSS after $IDLE s idle"
  echo "- JVMs: ${JAVA17:-no JDK 17} ($( [[ -n $JAVA17 ]] && "$JAVA17" -version 2>&1 | head -1)); ${JAVA25:-no JDK 25} ($( [[ -n $JAVA25 ]] && "$JAVA25" -version 2>&1 | head -1))"
  echo "- deploy/services.sh's default: $("$SVC" jvm)"
  echo
  echo "| setting | service | ready ms, median (range) | CPU ms to ready, median | idle RSS MB, median (range) | first start, writing the archive, ms |"
  echo "|---|---|---|---|---|---|"
  for setup in "${SETUPS[@]}"; do
    IFS='|' read -r label _ _ <<<"$setup"
    for s in "${SERVICES[@]}"; do
      k="$label|$s"
      printf '| %s | %s | %s (%s) | %s | %s (%s) | %s |\n' "$label" "$s" \
        "$(tr ' ' '\n' <<<"${READY[$k]}" | grep . | median)" "$(tr ' ' '\n' <<<"${READY[$k]}" | grep . | range)" \
        "$(tr ' ' '\n' <<<"${CPU[$k]}" | grep . | median)" \
        "$(tr ' ' '\n' <<<"${RSS[$k]}" | grep . | median)" "$(tr ' ' '\n' <<<"${RSS[$k]}" | grep . | range)" \
        "${FIRST[$k]}"
    done
  done
  echo
  echo "Goal (issue #10): ready ≤ 2,000 ms, idle RSS ≤ 200 MB."
} >>"$REPORT"
log "appended to $REPORT"
