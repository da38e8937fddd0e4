#!/usr/bin/env bash
# Every benchmark in one run, each reported as a ratio against a baseline measured in the same run:
# the build against the md5+copy floor, the no-change rebuild against the build (in process), the
# CLI and the goal as whole processes against the batched md5sum+cp floor, Django and --help, then
# JMH (lookups against Spring's resource chain, manifest load, Thymeleaf pages, also with a table
# of content). About 15 minutes on 2 cores; needs network once for the npm packages.
#   benchmarks/run-all.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
./mvnw -B -q -DskipTests install
./mvnw -B -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar

echo "== build: full vs floor, no-change vs full (4,000 files, 200 MB, 5 rounds)"
java -cp "$jar" io.github.assetbust.benchmarks.BuildBenchmark "$work/build" 4000 200 5

echo "== the CLI and the goal as processes: floor, Django, full, no-change, one-file builds (3 rounds)"
benchmarks/scripts/cli-speed.sh 3 "$work/speed"

echo "== JMH"
JMH_RESULT="$work/jmh.json" benchmarks/run-jmh.sh
echo "== JMH: the Thymeleaf pages with 50 table rows of content"
JMH_RESULT="$work/jmh-rows.json" benchmarks/run-jmh.sh ThymeleafBenchmark -p rows=50
