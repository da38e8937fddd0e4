#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar, runs the JMH suite and prints its table with the ratios
# and goals of issue #7. Any arguments go to JMH, e.g. a regex of the benchmarks to run:
#   benchmarks/run-jmh.sh                     # everything, about 3 minutes on 2 cores
#   benchmarks/run-jmh.sh 'LookupBenchmark'   # the lookups only, about 1.5 minutes
#   benchmarks/run-jmh.sh -prof gc            # with allocation per operation
# JMH_RESULT names the JSON result file (default benchmarks/target/jmh-result.json).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am package -DskipTests
result="${JMH_RESULT:-benchmarks/target/jmh-result.json}"
java -jar benchmarks/target/benchmarks.jar -rf json -rff "$result" "$@"
echo
echo "$(nproc) cores, $(java -version 2>&1 | head -1), load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
java -cp benchmarks/target/benchmarks.jar io.github.assetbust.benchmarks.JmhSummary "$result"
