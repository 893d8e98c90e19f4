#!/usr/bin/env bash
# HTTP hello (issue 3): GET / -> "Hello, World!" (text/plain), wrk -t1 on the load CPU against each
# server on the server CPU: keep-alive with 64 and 1,000 connections, and a new connection per
# request (64 connections sending `Connection: close`). Records req/s, p99 latency (ms) and the
# server's CPU time per request (µs; user + system of the server process and its children).
# Usage: scenarios/http.sh [--quick]   (PEERS="nginx netty" to run a subset of servers,
# TESTS="keepalive-64" a subset of tests: with two peers and one test, consecutive rounds alternate
# between the two servers every DURATION seconds, the closest A/B comparison this host allows)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ALL_PEERS="groundwire nginx helidon netty undertow jetty jdk microhttp microhttp-dated"
PEERS=${PEERS:-$ALL_PEERS}
ALL_TESTS="keepalive-64 keepalive-1000 close-64"
# A JVM's first young collections copy the objects made at start-up (~2-3 MB) from survivor space
# to survivor space until they are old enough to be tenured (15 collections), each pause 2-3 ms
# instead of well under 1 ms. The fewer bytes a server allocates per request, the longer that takes:
# ours 10 s at 210k requests/s, microhttp 3 s. So the warm-up lasts long enough for every server to
# leave it behind (HTTP_WARMUP seconds; --quick keeps WARMUP).
if [ "$QUICK" = 1 ]; then HTTP_WARMUP=${HTTP_WARMUP:-$WARMUP}; else HTTP_WARMUP=${HTTP_WARMUP:-25}; fi
TESTS=${TESTS:-$ALL_TESTS}
for test in $TESTS; do
  case " $ALL_TESTS " in *" $test "*) ;; *) die "unknown test $test (known: $ALL_TESTS)" ;; esac
done

# start_hello PEER PORT : starts that peer's hello server; sets LAST_PID; returns 1 if unavailable.
start_hello() {
  local peer=$1 port=$2 p=io.groundwire.benchmarks.peers
  case "$peer" in
    groundwire)
      has_class io.groundwire.benchmarks.ours.GroundwireHello || return 1
      start_java_peer "http-$peer" io.groundwire.benchmarks.ours.GroundwireHello "$port" ;;
    nginx) start_nginx "http-$peer" "$port" ;;
    helidon) start_java_peer "http-$peer" $p.HelidonHello "$port" ;;
    netty) start_java_peer "http-$peer" $p.NettyHello "$port" ;;
    undertow) start_java_peer "http-$peer" $p.UndertowHello "$port" ;;
    jetty) start_java_peer "http-$peer" $p.JettyHello "$port" ;;
    jdk) start_java_peer "http-$peer" $p.JdkHello "$port" ;;
    microhttp) start_java_peer "http-$peer" $p.MicrohttpHello "$port" ;;
    # the same with the Date and Server headers we send: the same bytes on the wire as ours
    microhttp-dated) start_java_peer "http-$peer" $p.MicrohttpDatedHello "$port" ;;
    *) die "unknown peer $peer" ;;
  esac
}

# All servers start first and stay up; the runs then go round-robin (run 1 of every server, then
# run 2, ...), so a change in the machine's load hits every server alike. Idle servers cost ~nothing.
declare -A PORT PID CLOSE_LABEL
ready=()
for peer in $PEERS; do
  pick_port_into port
  if ! start_hello "$peer" "$port"; then
    note "http: $peer not available in this build, skipped"
    continue
  fi
  pid=$LAST_PID
  if ! wait_port "$port" 60 "$pid"; then
    note "http: $peer did not start (see logs/http-$peer.log)"; stop_pid "$pid"; continue
  fi
  body=$(curl -s --max-time 5 "http://127.0.0.1:$port/" || true)
  if [ "$body" != "Hello, World!" ]; then
    note "http: $peer answered '$body' instead of Hello, World!; skipped"; stop_pid "$pid"; continue
  fi
  CLOSE_LABEL[$peer]=$peer
  case "$(close_behaviour "$port" /)" in
    closes) ;;
    announces) note "http: $peer answers 'Connection: close' but leaves the close to the client (wrk closes; still one connection per request)" ;;
    ignores) note "http: $peer ignores 'Connection: close' (HTTP/1.1): wrk keeps reusing its connections, so its close-64 figure is not comparable"
      CLOSE_LABEL[$peer]="$peer(no-close)" ;;
  esac
  PORT[$peer]=$port PID[$peer]=$pid
  ready+=("$peer")
done

for peer in "${ready[@]}"; do
  log "http: $peer (pid ${PID[$peer]}, port ${PORT[$peer]}): warmup ${HTTP_WARMUP}s"
  wrk_run "$RESULTS_DIR/logs/http-$peer-warmup.txt" 64 "$HTTP_WARMUP" "http://127.0.0.1:${PORT[$peer]}/" || true
done

for run in $(seq "$RUNS"); do
  for peer in "${ready[@]}"; do
    url="http://127.0.0.1:${PORT[$peer]}/"
    for test in $TESTS; do
      out="$RESULTS_DIR/logs/http-$peer-$test-$run.txt"
      ticks=$(cpu_ticks "${PID[$peer]}")
      case "$test" in
        keepalive-64) wrk_run "$out" 64 "$DURATION" "$url" || true; label=$peer ;;
        keepalive-1000) wrk_run "$out" 1000 "$DURATION" "$url" || true; label=$peer ;;
        close-64) wrk_run "$out" 64 "$DURATION" "$url" -H 'Connection: close' || true; label=${CLOSE_LABEL[$peer]} ;;
      esac
      ticks=$(( $(cpu_ticks "${PID[$peer]}") - ticks ))
      if [ "$test" = close-64 ]; then errors=$(wrk_errors_but_reads "$out"); else errors=$(wrk_errors "$out"); fi
      record_wrk http "hello $test" "$label" "$peer $test run $run" "$out" "$ticks" "$errors"
    done
  done
done
for peer in "${ready[@]}"; do stop_pid "${PID[$peer]}"; done
