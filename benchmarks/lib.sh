# Shared by run.sh and scenarios/*.sh: settings, process control, wrk parsing, result recording.
# Sourced, not run. Every process started through start_pinned is killed on exit (trap EXIT).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}

QUICK=0
for arg in "$@"; do [ "$arg" = "--quick" ] && QUICK=1; done
if [ "$QUICK" = 1 ]; then
  RUNS=${RUNS:-3}; WARMUP=${WARMUP:-1}; DURATION=${DURATION:-3}
else
  RUNS=${RUNS:-3}; WARMUP=${WARMUP:-5}; DURATION=${DURATION:-10}
fi

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- JDK: $JAVA_HOME if 21+, else the usual install locations ----------------------------------
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
find_jdk() {
  local dir major
  for dir in ${BENCH_JDK:-} ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/jcmd" ] || continue
    major=$(java_major "$dir/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$dir"; return 0; fi
  done
  return 1
}
JDK=${JDK:-$(find_jdk)} || die "no JDK 21+ found (set BENCH_JDK)"
JAVA="$JDK/bin/java"
JCMD="$JDK/bin/jcmd"
# A JVM pinned to one CPU sees one processor and would pick Serial GC by itself; say so explicitly,
# for every JVM alike. The heap is left at the JVM's default (1/4 of RAM, grown on demand).
JVM_OPTS=${JVM_OPTS:--XX:+UseSerialGC}
CLASSES="$BENCH_DIR/target/classes"
GROUNDWIRE_JAR="$REPO_ROOT/cli/target/groundwire.jar"
bench_classpath() { echo "$CLASSES:$(cat "$BENCH_DIR/target/classpath.txt")"; }

# --- results ---------------------------------------------------------------------------------------
if [ -z "${RESULTS_DIR:-}" ]; then
  RESULTS_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)"
fi
mkdir -p "$RESULTS_DIR/logs" "$RESULTS_DIR/work"
export RESULTS_DIR
TSV="$RESULTS_DIR/results.tsv"
NOTES="$RESULTS_DIR/notes.txt"
touch "$TSV" "$NOTES"

# record SCENARIO TEST METRIC higher|lower PEER VALUE
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$TSV"; }
note() { echo "$*" >> "$NOTES"; log "note: $*"; }

# --- processes -------------------------------------------------------------------------------------
STARTED_PIDS=()
cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do stop_pid "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_pinned CPU LOGNAME CMD... : runs CMD pinned to CPU in the background; sets LAST_PID.
start_pinned() {
  local cpu=$1 name=$2; shift 2
  taskset -c "$cpu" "$@" > "$RESULTS_DIR/logs/$name.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

# stop_pid PID : TERM, then KILL after 5 s; also its children (nginx workers).
stop_pid() {
  local pid=$1 i children
  kill -0 "$pid" 2>/dev/null || return 0
  children=$(pgrep -P "$pid" || true)
  kill "$pid" $children 2>/dev/null || true
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" $children 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# pick_port : a TCP and UDP port nothing listens on, below the ephemeral range, never handed out
# twice by this script (other programs on the machine may use fixed ports such as 8080 or 18080).
NEXT_PORT=${NEXT_PORT:-$((20000 + RANDOM % 10000))}
pick_port() {
  while ss -Htuln "sport = :$NEXT_PORT" | grep -q .; do NEXT_PORT=$((NEXT_PORT + 1)); done
  echo "$NEXT_PORT"
  NEXT_PORT=$((NEXT_PORT + 1))
}
# Call as `pick_port_into VAR` when the counter must advance in this shell (not in a $(...) subshell).
pick_port_into() {
  while ss -Htuln "sport = :$NEXT_PORT" | grep -q .; do NEXT_PORT=$((NEXT_PORT + 1)); done
  printf -v "$1" '%s' "$NEXT_PORT"
  NEXT_PORT=$((NEXT_PORT + 1))
}

# wait_port PORT [TIMEOUT_S] [PID] : until 127.0.0.1:PORT listens; with PID, the listening socket
# must belong to PID or one of its children (so another program's server is never measured).
wait_port() {
  local port=$1 timeout=${2:-30} pid=${3:-} i owners
  for i in $(seq $((timeout * 10))); do
    owners=$(ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u)
    if [ -n "$owners" ]; then
      [ -z "$pid" ] && return 0
      for p in $owners; do
        [ "$p" = "$pid" ] && return 0
        [ "$(ps -o ppid= -p "$p" 2>/dev/null | tr -d ' ')" = "$pid" ] && return 0
      done
    fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.1
  done
  return 1
}

# wait_port_free PORT : the previous server's socket is gone (bounded).
wait_port_free() {
  local i
  for i in $(seq 100); do ss -Hltn "sport = :$1" | grep -q . || return 0; sleep 0.1; done
  return 1
}

# proc_sum PID FILE AWK : the number AWK prints for /proc/<p>/FILE, summed over PID and its
# children (nginx's workers).
proc_sum() {
  local total=0 p v
  for p in "$1" $(pgrep -P "$1" || true); do
    v=$(awk "$3" "/proc/$p/$2" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

# rss_kib PID : resident memory of PID and its children, in KiB.
rss_kib() { proc_sum "$1" status '/^VmRSS:/ {print $2}'; }

# cpu_ticks PID : CPU time used so far (user + system, in clock ticks) by PID and its children,
# live ones (nginx's workers) and those that have ended (socat's child per connection).
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { proc_sum "$1" stat '{print $14 + $15 + $16 + $17}'; }

# heap_used_kib PID : used Java heap after a full GC (jcmd GC.heap_info), in KiB.
heap_used_kib() {
  "$JCMD" "$1" GC.heap_info 2>/dev/null \
    | awk '/total .* used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); s += v } }
           END { print s + 0 }'
}

full_gc() { "$JCMD" "$1" GC.run > /dev/null 2>&1 || true; }

# --- wrk ---------------------------------------------------------------------------------------------
# wrk_run OUTFILE CONNECTIONS SECONDS URL [EXTRA ARGS...] : wrk on the load CPU, one thread.
wrk_run() {
  local out=$1 conns=$2 secs=$3 url=$4; shift 4
  taskset -c "$LOAD_CPU" timeout $((secs + 30)) wrk -t1 -c"$conns" -d"${secs}s" --timeout 5s --latency "$@" "$url" > "$out" 2>&1
}
wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
wrk_requests() { awk '/ requests in / {print $1}' "$1"; }
# us_per_request TICKS REQUESTS : CPU microseconds per request (empty when nothing was served)
us_per_request() { awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN { if (n > 0) printf "%.2f", t * 1e6 / hz / n }'; }
# p99 latency in ms
wrk_p99_ms() {
  awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
         if (u == "us") v /= 1000; else if (u == "s") v *= 1000; else if (u == "m") v *= 60000; print v }' "$1"
}
# transfer rate in MiB/s
wrk_mib_s() {
  awk '/^Transfer\/sec:/ { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[A-Z]+$/, "", v);
         if (u == "B") v /= 1048576; else if (u == "KB") v /= 1024; else if (u == "GB") v *= 1024; print v }' "$1"
}
# errors: non-2xx responses plus socket errors (connect/read/write/timeout)
wrk_errors() {
  awk '/Non-2xx/ { e += $NF } /Socket errors/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$1"
}
# the same without read errors: a server that closes after each response without announcing
# `Connection: close` makes wrk count one read error per request, which is not a failure there.
wrk_errors_but_reads() {
  awk '/Non-2xx/ { e += $NF } /Socket errors/ { gsub(/,/, ""); e += $4 + $8 + $10 } END { print e + 0 }' "$1"
}

# record_wrk SCENARIO TEST LABEL WHAT OUTFILE TICKS ERRORS : records a measured wrk run (OUTFILE) as
# TEST of SCENARIO for LABEL: req/s, p99 (ms) and the server's CPU µs per request (TICKS of server
# CPU time during the run); notes wrk failing or ERRORS, and logs the figures as WHAT.
record_wrk() {
  local scenario=$1 test=$2 label=$3 what=$4 out=$5 ticks=$6 errors=$7 rps p99 cpu
  rps=$(wrk_rps "$out"); p99=$(wrk_p99_ms "$out")
  cpu=$(us_per_request "$ticks" "$(wrk_requests "$out")")
  if [ -z "$rps" ]; then note "$scenario: $what: wrk failed (see $out)"; return 0; fi
  [ "$errors" != 0 ] && note "$scenario: $what: $errors errors (see $out)"
  record "$scenario" "$test" "requests/s" higher "$label" "$rps"
  record "$scenario" "$test" "p99 ms" lower "$label" "$p99"
  [ -n "$cpu" ] && record "$scenario" "$test" "server CPU µs per request" lower "$label" "$cpu"
  log "$scenario: $what: $rps req/s, p99 ${p99} ms, server CPU ${cpu} µs/request, errors $errors"
}

# close_behaviour PORT PATH : how a server treats an HTTP/1.1 request with `Connection: close`:
#   "closes"    it answers and closes the connection (within 2 s);
#   "announces" it answers `Connection: close` but leaves closing to the client (wrk then closes);
#   "ignores"   it neither closes nor announces it: a client like wrk keeps reusing the connection.
close_behaviour() {
  local port=$1 path=${2:-/} reply rc=0
  reply=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port
    printf 'GET $path HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
    timeout 2 cat <&3" 2>/dev/null) || rc=$?
  if [ "$rc" = 0 ]; then echo closes
  elif printf '%s' "$reply" | tr -d '\r' | grep -qi '^connection: *close'; then echo announces
  else echo ignores
  fi
}

# --- nginx -----------------------------------------------------------------------------------------
# nginx_conf DIR PORT [STATIC_ROOT] : writes DIR/nginx.conf; one worker, hello at /, files under /static/.
nginx_conf() {
  local dir=$1 port=$2 root=${3:-} static=""
  mkdir -p "$dir/tmp"
  [ -n "$root" ] && static="location /static/ { alias $root/; }"
  cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
worker_rlimit_nofile 65536;
events { worker_connections 30000; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { text/html html; text/plain txt; application/octet-stream bin; }
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server {
    listen 127.0.0.1:$port backlog=4096;
    location = / { default_type text/plain; return 200 "Hello, World!"; }
    $static
  }
}
CONF
}

# start_nginx NAME PORT [STATIC_ROOT] : nginx pinned to the server CPU; sets LAST_PID.
start_nginx() {
  local name=$1 port=$2 root=${3:-} dir="$RESULTS_DIR/work/nginx-$1"
  nginx_conf "$dir" "$port" "$root"
  start_pinned "$SERVER_CPU" "$name" nginx -e "$dir/error.log" -c "$dir/nginx.conf"
}

# start_java_peer NAME CLASS ARGS... : a benchmarks main pinned to the server CPU; sets LAST_PID.
start_java_peer() {
  local name=$1 class=$2; shift 2
  start_pinned "$SERVER_CPU" "$name" "$JAVA" $JVM_OPTS -cp "$(bench_classpath)" "$class" "$@"
}

# has_class FQCN : whether the benchmarks build contains that class (ours land as branches merge).
has_class() { [ -f "$CLASSES/$(echo "$1" | tr . /).class" ]; }

conditions() {
  cat <<INFO
date: $(date -u +%Y-%m-%dT%H:%M:%SZ)
host: $(uname -srm), $(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
load average at start: $(cut -d' ' -f1-3 /proc/loadavg)
jdk: $JDK ($("$JAVA" -version 2>&1 | head -n 1))
jvm options (every JVM alike): $JVM_OPTS
pinning: server taskset -c $SERVER_CPU, load generator taskset -c $LOAD_CPU
runs per measurement: $RUNS (median reported), warmup ${WARMUP}s, duration ${DURATION}s$([ "$QUICK" = 1 ] && echo " (--quick)")
wrk: $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); nginx: $(nginx -v 2>&1 | cut -d/ -f2); socat: $(socat -V 2>/dev/null | awk '/socat version/ {print $3}')
git: $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null) on $(git -C "$REPO_ROOT" rev-parse --abbrev-ref HEAD 2>/dev/null)
INFO
}

# median_of SCENARIO TEST METRIC PEER : the median of the recorded runs (empty when none).
median_of() {
  awk -F'\t' -v s="$1" -v t="$2" -v m="$3" -v p="$4" '$1 == s && $2 == t && $3 == m && $5 == p { print $6 }' "$TSV" |
    sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
