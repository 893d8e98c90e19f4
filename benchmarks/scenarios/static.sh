#!/usr/bin/env bash
# Static files (issue 3): a 1 KiB and a 1 MiB file via wrk -t1 -c64 (keep-alive) against ours
# (StaticFiles), nginx (sendfile on) and Jetty 12's ResourceHandler. Records req/s and MiB/s.
# Usage: scenarios/static.sh [--quick]   (PEERS="nginx jetty" to run a subset)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

PEERS=${PEERS:-"groundwire nginx jetty"}
root="$RESULTS_DIR/work/static-root"
mkdir -p "$root"
head -c 1024 /dev/urandom > "$root/1k.bin"
head -c 1048576 /dev/urandom > "$root/1m.bin"

# start_static PEER PORT : sets LAST_PID and URL_PREFIX; returns 1 if unavailable.
start_static() {
  local peer=$1 port=$2
  case "$peer" in
    groundwire)
      has_class io.groundwire.benchmarks.ours.GroundwireStatic || return 1
      start_java_peer "static-$peer" io.groundwire.benchmarks.ours.GroundwireStatic "$port" "$root"
      URL_PREFIX="http://127.0.0.1:$port" ;;
    nginx) start_nginx "static-$peer" "$port" "$root"; URL_PREFIX="http://127.0.0.1:$port/static" ;;
    jetty) start_java_peer "static-$peer" io.groundwire.benchmarks.peers.JettyStatic "$port" "$root"
      URL_PREFIX="http://127.0.0.1:$port" ;;
    *) die "unknown peer $peer" ;;
  esac
}

# All servers start first and stay up; runs go round-robin so load changes hit every server alike.
declare -A PREFIX PID
ready=()
for peer in $PEERS; do
  pick_port_into port
  if ! start_static "$peer" "$port"; then note "static: $peer not available in this build, skipped"; continue; fi
  pid=$LAST_PID
  if ! wait_port "$port" 60 "$pid"; then
    note "static: $peer did not start (see logs/static-$peer.log)"; stop_pid "$pid"; continue
  fi
  ok=1
  for file in 1k.bin 1m.bin; do
    if ! curl -s --max-time 10 "$URL_PREFIX/$file" | cmp -s - "$root/$file"; then
      note "static: $peer did not serve $file byte-identical; skipped"; ok=0
    fi
  done
  [ "$ok" = 1 ] || { stop_pid "$pid"; continue; }
  PREFIX[$peer]=$URL_PREFIX PID[$peer]=$pid
  ready+=("$peer")
done

for peer in "${ready[@]}"; do
  log "static: $peer (pid ${PID[$peer]}): warmup ${WARMUP}s"
  wrk_run "$RESULTS_DIR/logs/static-$peer-warmup.txt" 64 "$WARMUP" "${PREFIX[$peer]}/1k.bin" || true
done

for run in $(seq "$RUNS"); do
  for peer in "${ready[@]}"; do
    for file in 1k.bin 1m.bin; do
      out="$RESULTS_DIR/logs/static-$peer-$file-$run.txt"
      wrk_run "$out" 64 "$DURATION" "${PREFIX[$peer]}/$file" || true
      rps=$(wrk_rps "$out"); mib=$(wrk_mib_s "$out"); errors=$(wrk_errors "$out")
      if [ -z "$rps" ]; then note "static: $peer $file run $run: wrk failed (see $out)"; continue; fi
      [ "$errors" != 0 ] && note "static: $peer $file run $run: $errors errors (see $out)"
      record static "file ${file%.bin}" "requests/s" higher "$peer" "$rps"
      record static "file ${file%.bin}" "MiB/s" higher "$peer" "$mib"
      log "static: $peer $file run $run: $rps req/s, $mib MiB/s, errors $errors"
    done
  done
done
for peer in "${ready[@]}"; do stop_pid "${PID[$peer]}"; done
