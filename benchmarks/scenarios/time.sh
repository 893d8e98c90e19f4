#!/usr/bin/env bash
# Time service (issue 5): wrk -t1 -c64 on GET /api/timezone/Europe/London against our
# TimeService (library defaults), relative to the plaintext hello on our HTTP server in the same run
# (target >= 0.7x), and SNTP replies per second answered on one core (SntpLoad on the load CPU).
# Usage: scenarios/time.sh [--quick]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

if ! has_class io.groundwire.benchmarks.ours.GroundwireTime; then
  note "time: the time service is not in this build"; exit 0
fi
pick_port_into http_port; pick_port_into sntp_port; pick_port_into hello_port

# Our TimeService through its library API (benchmarks' GroundwireTime main), rate limiting off.
start_java_peer time-server io.groundwire.benchmarks.ours.GroundwireTime "$http_port" "$sntp_port"
pid=$LAST_PID
for i in $(seq 600); do
  grep -q 'listening' "$RESULTS_DIR/logs/time-server.log" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || die "the time service did not start (see logs/time-server.log)"
  sleep 0.1
done
api="http://127.0.0.1:$http_port/api/timezone/Europe/London"
http_ok=0
if wait_port "$http_port" 5 "$pid" && curl -sf --max-time 5 "$api" | jq -e .datetime > /dev/null; then
  http_ok=1
else
  note "time: the HTTP API does not answer $api in this build; only SNTP measured"
fi

# HTTP: the time API and our plaintext hello (a second server, same HttpServer) are both up; each
# run measures one right after the other, and the ratio is taken per run (its median reported), so
# a change in the machine's load between runs cancels out.
hello_pid=""
if [ "$http_ok" = 1 ] && has_class io.groundwire.benchmarks.ours.GroundwireHello; then
  start_java_peer time-hello io.groundwire.benchmarks.ours.GroundwireHello "$hello_port"
  hello_pid=$LAST_PID
  wait_port "$hello_port" 60 "$hello_pid" || die "GroundwireHello did not start (see logs/time-hello.log)"
fi
hello_url="http://127.0.0.1:$hello_port/"

# wrk_once SLUG PEER URL RUN : one keep-alive run at 64 connections; prints req/s (empty on failure).
wrk_once() {
  local slug=$1 peer=$2 url=$3 run=$4 out rps
  out="$RESULTS_DIR/logs/time-$slug-$run.txt"
  wrk_run "$out" 64 "$DURATION" "$url" || true
  rps=$(wrk_rps "$out")
  [ -n "$rps" ] || { note "time: $peer run $run: wrk failed (see $out)"; return 0; }
  [ "$(wrk_errors "$out")" = 0 ] || note "time: $peer run $run: $(wrk_errors "$out") errors (see $out)"
  record time "GET keep-alive 64 connections" "requests/s" higher "$peer" "$rps"
  log "time: $peer run $run: $rps req/s"
  echo "$rps"
}

if [ "$http_ok" = 1 ]; then
  wrk_run "$RESULTS_DIR/logs/time-timezone-warmup.txt" 64 "$WARMUP" "$api" || true
  [ -n "$hello_pid" ] && { wrk_run "$RESULTS_DIR/logs/time-hello-warmup.txt" 64 "$WARMUP" "$hello_url" || true; }
  for run in $(seq "$RUNS"); do
    zone=$(wrk_once timezone "groundwire /api/timezone/Europe/London" "$api" "$run")
    [ -n "$hello_pid" ] || continue
    hello=$(wrk_once hello "groundwire GET / hello" "$hello_url" "$run")
    if [ -n "$zone" ] && [ -n "$hello" ]; then
      ratio=$(awk -v a="$zone" -v b="$hello" 'BEGIN { printf "%.3f", a / b }')
      record time "timezone ÷ hello, same run (target >= 0.7)" "ratio" higher groundwire "$ratio"
      log "time: run $run: /api/timezone/Europe/London ÷ hello = $ratio"
    fi
  done
fi
[ -n "$hello_pid" ] && stop_pid "$hello_pid"

# SNTP: valid replies per second with 64 requests in flight.
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
