#!/usr/bin/env bash
# TCP echo (issue 2): `groundwire echo-bench --json` on the load CPU against each echo server on the
# server CPU: streaming throughput with 1 and 16 connections and 64 KiB messages, and ping-pong
# round trips with 1 connection and 64-byte messages. Peers: ours (`groundwire echo-server` with its
# defaults, and `groundwire-nopoll`: the same with busy polling off, `--busy-poll 0s`), `socat -b 4096
# TCP-LISTEN:port,fork,reuseaddr PIPE`, a minimal Netty 4.2 echo, and c/echo.c (gcc -O2). For the
# round trips it also records the server's CPU time per round trip, which shows what busy polling costs.
# Usage: scenarios/echo.sh [--quick]   (PEERS="c netty" to run a subset)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

PEERS=${PEERS:-"groundwire groundwire-nopoll c netty socat"}
[ -f "$GROUNDWIRE_JAR" ] || die "$GROUNDWIRE_JAR is missing (run.sh builds it)"
if ! "$JAVA" -jar "$GROUNDWIRE_JAR" echo-bench --help 2>/dev/null | grep -q -- --json; then
  note "echo: this build's groundwire.jar has no echo-bench yet; the echo scenario needs it as load generator"
  exit 0
fi
c_echo="$RESULTS_DIR/work/c-echo"
gcc -O2 -o "$c_echo" "$BENCH_DIR/c/echo.c" || die "gcc could not build c/echo.c"

start_echo() {
  local peer=$1 port=$2
  case "$peer" in
    groundwire) start_pinned "$SERVER_CPU" "echo-$peer" "$JAVA" $JVM_OPTS -jar "$GROUNDWIRE_JAR" \
        echo-server --bind 127.0.0.1 --port "$port" ;;
    groundwire-nopoll) start_pinned "$SERVER_CPU" "echo-$peer" "$JAVA" $JVM_OPTS -jar "$GROUNDWIRE_JAR" \
        echo-server --bind 127.0.0.1 --port "$port" --busy-poll 0s ;;
    c) start_pinned "$SERVER_CPU" "echo-$peer" "$c_echo" "$port" ;;
    netty) start_java_peer "echo-$peer" io.groundwire.benchmarks.peers.NettyEcho "$port" ;;
    # -b 4096: with its default 8 KiB blocks socat can deadlock itself under backpressure, blocked
    # writing into its own pipe (anon_pipe_write); a block of at most PIPE_BUF always fits.
    socat) start_pinned "$SERVER_CPU" "echo-$peer" socat -b 4096 "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" PIPE ;;
    *) die "unknown peer $peer" ;;
  esac
}

# echo_bench OUT PORT CONNECTIONS SIZE MODE SECONDS : the load generator, pinned to the load CPU.
echo_bench() {
  local out=$1 port=$2 conns=$3 size=$4 mode=$5 secs=$6 warmup=""
  # Round trips are measured from the first message, so that the server's CPU over the whole call
  # belongs to the round trips counted (the server warmed up before the first run).
  [ "$mode" = latency ] && warmup="--warmup 0s"
  taskset -c "$LOAD_CPU" timeout $((secs + 60)) "$JAVA" $JVM_OPTS -jar "$GROUNDWIRE_JAR" echo-bench 127.0.0.1 "$port" \
    --connections "$conns" --size "$size" --mode "$mode" --duration "${secs}s" $warmup --json > "$out" 2> "$out.err"
}
# Figures from echo-bench's JSON: MB/s (10^6 bytes per second, as echo-bench reports) and the median RTT in µs.
json_mb_s() { jq -r '.megabytesPerSecond // empty' "$1"; }
json_p50_us() { jq -r '.rttP50Micros // empty' "$1"; }
json_messages() { jq -r '.messages // empty' "$1"; }

# All servers start first and stay up; runs go round-robin so load changes hit every server alike.
declare -A PORT PID
ready=()
for peer in $PEERS; do
  pick_port_into port
  start_echo "$peer" "$port"
  pid=$LAST_PID
  if ! wait_port "$port" 30 "$pid"; then
    note "echo: $peer did not start (see logs/echo-$peer.log)"; stop_pid "$pid"; continue
  fi
  reply=$(printf 'ping\n' | timeout 5 socat -t 2 - "TCP:127.0.0.1:$port" || true)
  if [ "$reply" != ping ]; then
    note "echo: $peer did not echo a line ('$reply'); skipped"; stop_pid "$pid"; continue
  fi
  PORT[$peer]=$port PID[$peer]=$pid
  ready+=("$peer")
done

for peer in "${ready[@]}"; do
  log "echo: $peer (pid ${PID[$peer]}): warmup ${WARMUP}s"
  echo_bench "$RESULTS_DIR/logs/echo-$peer-warmup.json" "${PORT[$peer]}" 1 65536 throughput "$WARMUP" || true
done

for run in $(seq "$RUNS"); do
  for peer in "${ready[@]}"; do
    for test in "throughput 1" "throughput 16" "latency 1"; do
      set -- $test
      mode=$1 conns=$2 size=65536; [ "$mode" = latency ] && size=64
      out="$RESULTS_DIR/logs/echo-$peer-$mode-$conns-$run.json"
      ticks=$(cpu_ticks "${PID[$peer]}")
      if ! echo_bench "$out" "${PORT[$peer]}" "$conns" "$size" "$mode" "$DURATION"; then
        note "echo: $peer $mode x$conns run $run failed: $(tail -n 1 "$out.err")"; continue
      fi
      if [ "$mode" = throughput ]; then
        v=$(json_mb_s "$out"); name="throughput, $conns connection(s), 64 KiB messages"; metric="MB/s"; better=higher
      else
        v=$(json_p50_us "$out"); name="ping-pong, 1 connection, 64-byte messages"; metric="median RTT µs"; better=lower
      fi
      [ -n "$v" ] || { note "echo: could not read the figure from $out"; continue; }
      record echo "$name" "$metric" "$better" "$peer" "$v"
      if [ "$mode" = latency ]; then
        # The server idles while the client JVM starts and measures from its first message (no
        # warm-up in latency runs), so its CPU over the call is what the counted round trips cost.
        cpu=$(us_per_request $(( $(cpu_ticks "${PID[$peer]}") - ticks )) "$(json_messages "$out")")
        [ -n "$cpu" ] && record echo "$name" "server CPU µs per round trip" lower "$peer" "$cpu"
      fi
      log "echo: $peer $mode x$conns run $run: $v $metric"
    done
  done
done
for peer in "${ready[@]}"; do stop_pid "${PID[$peer]}"; done
