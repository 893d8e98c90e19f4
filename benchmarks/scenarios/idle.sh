#!/usr/bin/env bash
# Idle connections (issue 3): opens IDLE_CONNECTIONS (10,000) keep-alive connections to each server,
# one GET on each, and holds them. Records the server's RSS increase per connection (VmRSS of the
# server process and its children, before/after; for JVMs after `jcmd GC.run` both times), the
# Java heap used per connection (jcmd GC.heap_info), and the latency of fresh requests meanwhile.
# Usage: scenarios/idle.sh [--quick]   (PEERS="nginx jetty" to run a subset)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

PEERS=${PEERS:-"groundwire nginx helidon netty undertow jetty jdk microhttp"}
CONNECTIONS=${IDLE_CONNECTIONS:-10000}
PROBES=${IDLE_PROBES:-50}
IDLE_RUNS=${IDLE_RUNS:-$([ "$QUICK" = 1 ] && echo 1 || echo "$RUNS")}
# The server and the holding client each need one descriptor per connection.
ulimit -Hn 65536 2>/dev/null || true
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((CONNECTIONS + 1000)) ] || die "ulimit -n $(ulimit -n) is too low for $CONNECTIONS connections"

start_idle_server() {
  local peer=$1 port=$2 p=io.groundwire.benchmarks.peers
  case "$peer" in
    groundwire)
      has_class io.groundwire.benchmarks.ours.GroundwireHello || return 1
      start_java_peer "idle-$peer" io.groundwire.benchmarks.ours.GroundwireHello "$port" ;;
    nginx) start_nginx "idle-$peer" "$port" ;;
    helidon) start_java_peer "idle-$peer" $p.HelidonHello "$port" ;;
    netty) start_java_peer "idle-$peer" $p.NettyHello "$port" ;;
    undertow) start_java_peer "idle-$peer" $p.UndertowHello "$port" ;;
    jetty) start_java_peer "idle-$peer" $p.JettyHello "$port" ;;
    jdk) start_java_peer "idle-$peer" $p.JdkHello "$port" ;;
    microhttp) start_java_peer "idle-$peer" $p.MicrohttpHello "$port" ;;
    *) die "unknown peer $peer" ;;
  esac
}

for peer in $PEERS; do
  for run in $(seq "$IDLE_RUNS"); do
    pick_port_into port
    if ! start_idle_server "$peer" "$port"; then note "idle: $peer not available in this build, skipped"; break; fi
    pid=$LAST_PID
    if ! wait_port "$port" 60 "$pid"; then
      note "idle: $peer did not start (see logs/idle-$peer.log)"; stop_pid "$pid"; break
    fi
    is_jvm=1; [ "$peer" = nginx ] && is_jvm=0
    # Warm the request path so the baseline already holds the JIT-compiled code and buffers.
    wrk_run "$RESULTS_DIR/logs/idle-$peer-warmup-$run.txt" 16 "$WARMUP" "http://127.0.0.1:$port/" || true
    if [ "$is_jvm" = 1 ]; then full_gc "$pid"; sleep 1; fi
    rss0=$(rss_kib "$pid"); heap0=$([ "$is_jvm" = 1 ] && heap_used_kib "$pid" || echo 0)

    go="$RESULTS_DIR/work/idle-$peer-$run.go"; rm -f "$go"
    out="$RESULTS_DIR/logs/idle-$peer-client-$run.txt"
    start_pinned "$LOAD_CPU" "idle-$peer-client-$run" "$JAVA" $JVM_OPTS -cp "$(bench_classpath)" \
      io.groundwire.benchmarks.load.IdleHold 127.0.0.1 "$port" "$CONNECTIONS" "$PROBES" "$go" 180
    client=$LAST_PID
    for i in $(seq 1800); do
      grep -q '^ready' "$RESULTS_DIR/logs/idle-$peer-client-$run.log" 2>/dev/null && break
      kill -0 "$client" 2>/dev/null || break
      sleep 0.1
    done
    if ! grep -q '^ready' "$RESULTS_DIR/logs/idle-$peer-client-$run.log" 2>/dev/null; then
      note "idle: $peer: could not open $CONNECTIONS connections: $(tail -n 2 "$RESULTS_DIR/logs/idle-$peer-client-$run.log" | tr '\n' ' ')"
      stop_pid "$client"; stop_pid "$pid"; break
    fi
    if [ "$is_jvm" = 1 ]; then full_gc "$pid"; sleep 1; fi
    rss1=$(rss_kib "$pid"); heap1=$([ "$is_jvm" = 1 ] && heap_used_kib "$pid" || echo 0)
    touch "$go"
    for i in $(seq 600); do kill -0 "$client" 2>/dev/null || break; sleep 0.1; done
    stop_pid "$client"
    json=$(grep '^{' "$RESULTS_DIR/logs/idle-$peer-client-$run.log" || true)
    cp "$RESULTS_DIR/logs/idle-$peer-client-$run.log" "$out"
    if [ -z "$json" ]; then
      note "idle: $peer run $run: the fresh-request probe failed: $(tail -n 2 "$out" | tr '\n' ' ')"
    else
      p50=$(jq -r .fresh_request_ms_p50 <<< "$json"); max=$(jq -r .fresh_request_ms_max <<< "$json")
      record idle "fresh request with $CONNECTIONS idle" "p50 ms" lower "$peer" "$p50"
      record idle "fresh request with $CONNECTIONS idle" "max ms" lower "$peer" "$max"
    fi
    rss_per=$(awk -v a="$rss0" -v b="$rss1" -v n="$CONNECTIONS" 'BEGIN { printf "%.2f", (b - a) / n }')
    record idle "$CONNECTIONS idle connections" "RSS KiB/connection" lower "$peer" "$rss_per"
    if [ "$is_jvm" = 1 ]; then
      heap_per=$(awk -v a="$heap0" -v b="$heap1" -v n="$CONNECTIONS" 'BEGIN { printf "%.2f", (b - a) / n }')
      record idle "$CONNECTIONS idle connections" "heap KiB/connection" lower "$peer" "$heap_per"
    fi
    log "idle: $peer run $run: RSS $rss0 -> $rss1 KiB ($rss_per KiB/conn), heap $heap0 -> $heap1 KiB, probe ${json:-failed}"
    stop_pid "$pid"
  done
done
