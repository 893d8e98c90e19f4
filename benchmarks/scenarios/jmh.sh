#!/usr/bin/env bash
# JMH micro-benchmarks (issue 3): request-head parsing in http-core's codec, and whatever else lives
# in io.groundwire.benchmarks.jmh. One forked JVM per benchmark, pinned to the server CPU.
# Usage: scenarios/jmh.sh [--quick] [JMH_FILTER]   e.g. scenarios/jmh.sh RequestHeadParsing
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

filter='io\.groundwire\.benchmarks\.jmh\..*'
for arg in "$@"; do [ "$arg" != --quick ] && filter=$arg; done
if ! grep -q "io.groundwire.benchmarks.jmh" "$CLASSES/META-INF/BenchmarkList" 2>/dev/null; then
  note "jmh: no JMH benchmark in this build yet (the request-head parsing one needs http-core's codec)"
  exit 0
fi
if [ "$QUICK" = 1 ]; then
  jmh_args=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
else
  jmh_args=(-f 3 -wi 5 -w 2s -i 5 -r 2s)
fi
json="$RESULTS_DIR/jmh.json"
taskset -c "$SERVER_CPU" timeout 1800 "$JAVA" $JVM_OPTS -cp "$(bench_classpath)" org.openjdk.jmh.Main \
  "${jmh_args[@]}" -jvmArgs "$JVM_OPTS" -rf json -rff "$json" "$filter" 2>&1 | tee "$RESULTS_DIR/logs/jmh.txt" >&2
# One row per benchmark: JMH already reports the mean over its iterations and forks.
jq -r '.[] | [.benchmark, (.params // {} | to_entries | map("\(.key)=\(.value)") | join(",")), .primaryMetric.score, .primaryMetric.scoreUnit] | @tsv' "$json" |
  while IFS=$'\t' read -r name params score unit; do
    short=${name##*.jmh.}
    record jmh "${short}${params:+ [$params]}" "$unit" "$([[ "$unit" == */op ]] && echo lower || echo higher)" groundwire "$score"
  done
