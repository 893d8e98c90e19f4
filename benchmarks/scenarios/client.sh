#!/usr/bin/env bash
# HTTP clients (issue 4): GET of nginx's 13-byte hello (nginx on the server CPU, the client JVM on
# the load CPU), one thread sequential and 64 threads, for our http-client, OkHttp 5, Apache
# HttpClient 5 (classic) and the JDK HttpClient (HTTP/1.1); wrk -t1 (-c1 / -c64) as the ceiling.
# Records req/s and the client's process CPU time per request (µs).
# Usage: scenarios/client.sh [--quick]   (CLIENTS="okhttp jdk" to run a subset)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

CLIENTS=${CLIENTS:-"groundwire okhttp apache jdk"}
pick_port_into port
start_nginx client-nginx "$port"
nginx_pid=$LAST_PID
wait_port "$port" 30 "$nginx_pid" || die "nginx did not start (see logs/client-nginx.log)"
url="http://127.0.0.1:$port/"

for run in $(seq "$RUNS"); do
  for threads in 1 64; do
    test="GET sequential"; [ "$threads" = 64 ] && test="GET 64 threads"
    for client in $CLIENTS; do
      if [ "$client" = groundwire ] && ! has_class io.groundwire.benchmarks.load.GroundwireClient; then
        [ "$run" = 1 ] && [ "$threads" = 1 ] && note "client: groundwire not available in this build, skipped"
        continue
      fi
      out="$RESULTS_DIR/logs/client-$client-$threads-$run.txt"
      if ! taskset -c "$LOAD_CPU" timeout $((WARMUP + DURATION + 60)) "$JAVA" $JVM_OPTS -cp "$(bench_classpath)" \
          io.groundwire.benchmarks.load.ClientBench "$client" "$url" "$threads" "$WARMUP" "$DURATION" > "$out" 2>&1; then
        note "client: $client $threads threads run $run failed: $(tail -n 1 "$out")"
        continue
      fi
      json=$(grep '^{' "$out")
      rps=$(jq -r .requests_per_second <<< "$json"); cpu=$(jq -r .cpu_us_per_request <<< "$json")
      record client "$test" "requests/s" higher "$client" "$rps"
      record client "$test" "CPU µs/request" lower "$client" "$cpu"
      log "client: $client $threads threads run $run: $rps req/s, $cpu µs CPU/request"
    done
    out="$RESULTS_DIR/logs/client-wrk-$threads-$run.txt"
    wrk_run "$out" "$threads" "$DURATION" "$url" || true
    rps=$(wrk_rps "$out")
    if [ -n "$rps" ]; then record client "$test" "requests/s" higher "wrk (ceiling)" "$rps"; fi
    log "client: wrk -c$threads run $run: $rps req/s"
  done
done
