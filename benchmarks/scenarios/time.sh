#!/usr/bin/env bash
# Time service (issue 5): wrk -t1 -c64 on GET /api/timezone/Europe/London against
# `groundwire time-server`, relative to the plaintext hello on our HTTP server in the same run
# (target >= 0.7x), and SNTP replies per second answered on one core (SntpLoad on the load CPU).
# Usage: scenarios/time.sh [--quick]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

[ -f "$GROUNDWIRE_JAR" ] || die "$GROUNDWIRE_JAR is missing (run.sh builds it)"
if ! "$JAVA" -jar "$GROUNDWIRE_JAR" time-server --help > /dev/null 2>&1; then
  note "time: this build's groundwire.jar has no time-server yet"
  exit 0
fi
http_port=18481 sntp_port=18482 hello_port=18483

start_pinned "$SERVER_CPU" time-server "$JAVA" $JVM_OPTS -jar "$GROUNDWIRE_JAR" time-server \
  --http-port "$http_port" --sntp-port "$sntp_port" --daytime-port 18484 --time-port 18485
pid=$LAST_PID
wait_port "$http_port" 60 "$pid" || die "time-server did not start (see logs/time-server.log)"
api="http://127.0.0.1:$http_port/api/timezone/Europe/London"
curl -sf --max-time 5 "$api" | jq -e .datetime > /dev/null || die "time-server: $api did not answer JSON with a datetime"

# wrk_series PEER URL : warmup, then RUNS keep-alive runs at 64 connections.
wrk_series() {
  local peer=$1 url=$2 run out rps
  wrk_run "$RESULTS_DIR/logs/time-$peer-warmup.txt" 64 "$WARMUP" "$url" || true
  for run in $(seq "$RUNS"); do
    out="$RESULTS_DIR/logs/time-$peer-$run.txt"
    wrk_run "$out" 64 "$DURATION" "$url" || true
    rps=$(wrk_rps "$out")
    [ -n "$rps" ] || { note "time: $peer run $run: wrk failed (see $out)"; continue; }
    [ "$(wrk_errors "$out")" = 0 ] || note "time: $peer run $run: $(wrk_errors "$out") errors (see $out)"
    record time "GET keep-alive 64 connections" "requests/s" higher "$peer" "$rps"
    log "time: $peer run $run: $rps req/s"
  done
}
wrk_series "groundwire /api/timezone/Europe/London" "$api"

# SNTP: replies per second with 64 requests in flight.
for run in $(seq "$RUNS"); do
  out="$RESULTS_DIR/logs/time-sntp-$run.txt"
  if taskset -c "$LOAD_CPU" timeout $((WARMUP + DURATION + 30)) "$JAVA" $JVM_OPTS -cp "$(bench_classpath)" \
      io.groundwire.benchmarks.load.SntpLoad 127.0.0.1 "$sntp_port" 64 "$WARMUP" "$DURATION" > "$out" 2>&1; then
    v=$(grep '^{' "$out" | jq -r .replies_per_second)
    record time "SNTP, 64 requests in flight" "replies/s" higher groundwire "$v"
    log "time: sntp run $run: $v replies/s"
  else
    note "time: SNTP load run $run failed: $(tail -n 1 "$out")"
  fi
done
stop_pid "$pid"

if has_class io.groundwire.benchmarks.ours.GroundwireHello; then
  start_java_peer time-hello io.groundwire.benchmarks.ours.GroundwireHello "$hello_port"
  pid=$LAST_PID
  wait_port "$hello_port" 60 "$pid" || die "GroundwireHello did not start (see logs/time-hello.log)"
  wrk_series "groundwire GET / hello" "http://127.0.0.1:$hello_port/"
  stop_pid "$pid"
else
  note "time: the plaintext hello on our server is not in this build; no ratio"
fi

zone=$(median_of time "GET keep-alive 64 connections" "requests/s" "groundwire /api/timezone/Europe/London")
hello=$(median_of time "GET keep-alive 64 connections" "requests/s" "groundwire GET / hello")
if [ -n "$zone" ] && [ -n "$hello" ]; then
  ratio=$(awk -v a="$zone" -v b="$hello" 'BEGIN { printf "%.3f", a / b }')
  record time "timezone ÷ hello (target >= 0.7)" "ratio" higher groundwire "$ratio"
  log "time: /api/timezone/Europe/London ÷ hello = $ratio"
fi
