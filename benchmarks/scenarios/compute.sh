#!/usr/bin/env bash
# Handlers that compute (issue 3): GET / spins COMPUTE_MICROS (20 and 100) µs, then answers the
# hello text; wrk -t1 -c64 keep-alive. Here the server gets every CPU the machine has
# (COMPUTE_SERVER_CPU, default 0,1) since serving requests in parallel is the point; wrk stays on
# the load CPU and so shares it with the server. Records req/s, p99 (ms) and server CPU µs per
# request for our default engine (EVENT_LOOP), our VIRTUAL_THREADS engine and Helidon (a virtual
# thread per connection). Rounds alternate between the servers.
# Usage: scenarios/compute.sh [--quick]   (PEERS="groundwire helidon" for a subset)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

SERVER_CPU=${COMPUTE_SERVER_CPU:-0,1}
PEERS=${PEERS:-"groundwire groundwire-threads helidon"}
MICROS=${COMPUTE_MICROS:-"20 100"}
note "compute: servers on CPUs $SERVER_CPU (taskset -c $SERVER_CPU), wrk on CPU $LOAD_CPU"

# start_compute PEER PORT MICROS : starts that peer's compute server; sets LAST_PID.
start_compute() {
  local peer=$1 port=$2 micros=$3
  case "$peer" in
    groundwire) start_java_peer "compute-$peer-$micros" io.groundwire.benchmarks.ours.GroundwireCompute "$port" "$micros" ;;
    groundwire-threads) start_java_peer "compute-$peer-$micros" io.groundwire.benchmarks.ours.GroundwireCompute "$port" "$micros" VIRTUAL_THREADS ;;
    helidon) start_java_peer "compute-$peer-$micros" io.groundwire.benchmarks.peers.HelidonCompute "$port" "$micros" ;;
    *) die "unknown peer $peer" ;;
  esac
}

for micros in $MICROS; do
  declare -A PORT=() PID=()
  ready=()
  for peer in $PEERS; do
    pick_port_into port
    start_compute "$peer" "$port" "$micros"
    pid=$LAST_PID
    if ! wait_port "$port" 60 "$pid"; then
      note "compute: $peer did not start (see logs/compute-$peer-$micros.log)"; stop_pid "$pid"; continue
    fi
    PORT[$peer]=$port PID[$peer]=$pid
    ready+=("$peer")
  done
  for peer in "${ready[@]}"; do
    log "compute ${micros}us: $peer warmup ${WARMUP}s"
    wrk_run "$RESULTS_DIR/logs/compute-$peer-$micros-warmup.txt" 64 "$WARMUP" "http://127.0.0.1:${PORT[$peer]}/" || true
  done
  for run in $(seq "$RUNS"); do
    for peer in "${ready[@]}"; do
      out="$RESULTS_DIR/logs/compute-$peer-$micros-$run.txt"
      ticks=$(cpu_ticks "${PID[$peer]}")
      wrk_run "$out" 64 "$DURATION" "http://127.0.0.1:${PORT[$peer]}/" || true
      ticks=$(( $(cpu_ticks "${PID[$peer]}") - ticks ))
      record_wrk compute "compute ${micros}us keepalive-64" "$peer" "$peer ${micros}us run $run" \
        "$out" "$ticks" "$(wrk_errors "$out")"
    done
  done
  for peer in "${ready[@]}"; do stop_pid "${PID[$peer]}"; done
done
