#!/usr/bin/env bash
# Runs Groundwire's benchmarks against their peers and prints a summary with ratios.
#
#   benchmarks/run.sh [echo|http|compute|static|idle|jmh|client|time|all] [--quick] [--no-build]
#
# Server on CPU 0 (taskset -c 0; the compute scenario gives it every CPU), load generator on CPU 1
# (taskset -c 1), every JVM with -XX:+UseSerialGC on the JDK 21+ found (temurin-25 here). Each
# figure is the median of 3 runs.
# Results (raw tool output, logs, results.tsv, summary.txt) go to benchmarks/results/<timestamp>/.
# Every process the scripts start is stopped on exit, also on Ctrl-C.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

scenario=all
args=()
build=1
for arg in "$@"; do
  case "$arg" in
    --quick) args+=(--quick) ;;
    --no-build) build=0 ;;
    echo|http|compute|static|idle|jmh|client|time|all) scenario=$arg ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

source "$here/lib.sh" "${args[@]}"

if [ "$build" = 1 ]; then
  log "building benchmarks and groundwire.jar (mvn -pl benchmarks,cli -am package -DskipTests)"
  (cd "$REPO_ROOT" && mvn -q -B -pl benchmarks,cli -am package -DskipTests) >&2
fi
[ -f "$BENCH_DIR/target/classpath.txt" ] || die "benchmarks are not built; run without --no-build"

conditions | tee "$RESULTS_DIR/conditions.txt" >&2

case "$scenario" in
  all) scenarios=(echo http compute static idle jmh client time) ;;
  *) scenarios=("$scenario") ;;
esac
failed=()
for s in "${scenarios[@]}"; do
  log "=== scenario $s"
  if ! RESULTS_DIR="$RESULTS_DIR" JDK="$JDK" "$here/scenarios/$s.sh" "${args[@]}"; then
    failed+=("$s")
    note "scenario $s failed (see the log above)"
  fi
done

"$JAVA" -cp "$CLASSES" io.groundwire.benchmarks.Summary "$TSV" > "$RESULTS_DIR/summary.txt"
{
  echo "Conditions"; sed 's/^/  /' "$RESULTS_DIR/conditions.txt"
  cat "$RESULTS_DIR/summary.txt"
  if [ -s "$NOTES" ]; then echo; echo "Notes"; sed 's/^/  /' "$NOTES"; fi
  echo; echo "Results: $RESULTS_DIR"
}
[ ${#failed[@]} -eq 0 ] || { echo "failed scenarios: ${failed[*]}" >&2; exit 1; }
