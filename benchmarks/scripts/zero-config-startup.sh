#!/usr/bin/env bash
# What the zero-configuration build adds to startup, as users see it: `java -jar` of the sample app
# without the Maven goal's manifest and hashed copies, so the app hashes its static files while it
# starts. For the sample's own static files, then with a TreeGenerator tree (4,000 files, 200 MB by
# default) packed into the jar as well. Each round starts each jar four ways: with
# assetbust.enabled=false (no assetbust work at all), with a manifest and hashed copies made at build
# time (the sample as packaged; for the tree, the CLI's build of the same files, as the goal would
# make it), and without: with an empty assetbust.build.output (first start), then again with the same
# output (restart). Prints the medians of Spring Boot's "Started ... in" time and of the build's own
# time from its INFO line. Needs zip and unzip.
#   benchmarks/scripts/zero-config-startup.sh [ROUNDS] [FILES] [MEGABYTES]
set -euo pipefail
rounds=${1:-3}
files=${2:-4000}
megabytes=${3:-200}
cd "$(dirname "$0")/../.."
sample=sample-app/target/assetbust-sample-app.jar
bench=benchmarks/target/benchmarks.jar
cli=assetbust-cli/target/assetbust-cli.jar
if [ ! -f "$sample" ] || [ ! -f "$bench" ] || [ ! -f "$cli" ]; then
  echo "build first: ./mvnw -q -DskipTests package" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the sample as an app that has only the starter: no manifest, no hashed copies (names have no spaces)
cp "$sample" "$work/sample.jar"
built=$(unzip -Z1 "$work/sample.jar" | grep -E '(^|/)META-INF/assetbust/|^BOOT-INF/classes/static/.*-[0-9a-f]{32}\.[^/.]+$')
zip -q -d "$work/sample.jar" $built

java -cp "$bench" io.github.assetbust.benchmarks.TreeGenerator "$work/tree/BOOT-INF/classes/static/tree" \
  "$files" "$megabytes" > /dev/null
cp "$work/sample.jar" "$work/tree.jar"
(cd "$work/tree" && zip -q -r "$work/tree.jar" BOOT-INF)

# the same files hashed at build time, into the manifest and copies the Maven goal would package
mv "$work/tree" "$work/goal"
(cd "$work/goal" && unzip -q "$work/sample.jar" 'BOOT-INF/classes/static/*')
classes="$work/goal/BOOT-INF/classes"
java -jar "$cli" build --root "$classes/static" --manifest "$classes/META-INF/assetbust/manifest.json" \
  --reproducible > /dev/null
rm -f "$classes"/META-INF/assetbust/.manifest.json.*
cp "$work/sample.jar" "$work/goal-tree.jar"
(cd "$work/goal" && zip -q -r "$work/goal-tree.jar" BOOT-INF)
rm -rf "$work/goal"

# starts JAR with OUTPUT and ARGS, stops it once started; prints "<started ms> <build ms>"
start() {
  local jar=$1 output=$2 log
  shift 2
  # a log of its own: the shell may look before the new process has emptied a reused one
  log=$(mktemp "$work/app-XXXXXX.log")
  java -jar "$jar" --server.port=0 --assetbust.build.output="$output" "$@" > "$log" 2>&1 &
  local pid=$! waited=0
  until grep -q 'Started SampleApplication in' "$log"; do
    if ! kill -0 "$pid" 2> /dev/null || [ $waited -gt 3000 ]; then
      cat "$log" >&2
      kill "$pid" 2> /dev/null || true
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  kill "$pid"
  wait "$pid" 2> /dev/null || true
  local started build
  started=$(grep -o 'Started SampleApplication in [0-9.]* seconds' "$log" | awk '{ printf "%d", $4 * 1000 }')
  build=$(grep -o 'static assets from .* in [0-9]* ms' "$log" | awk '{ print $(NF-1) }')
  echo "$started ${build:-0}"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() {
  local label=$1 jar=$2 goalJar=$3 assets
  local base=() goal=() first=() firstBuild=() again=() againBuild=()
  for round in $(seq "$rounds"); do
    local output="$work/output" run result build
    rm -rf "$output"
    run=$(start "$jar" "$output" --assetbust.enabled=false)
    read -r result build <<< "$run"
    base+=("$result")
    run=$(start "$goalJar" "$work/unused")
    read -r result build <<< "$run"
    goal+=("$result")
    run=$(start "$jar" "$output")
    read -r result build <<< "$run"
    first+=("$result")
    firstBuild+=("$build")
    run=$(start "$jar" "$output")
    read -r result build <<< "$run"
    again+=("$result")
    againBuild+=("$build")
    echo "$label round $round: off ${base[-1]} ms, goal ${goal[-1]} ms, first start ${first[-1]} ms" \
      "(build ${firstBuild[-1]} ms), restart ${again[-1]} ms (build ${againBuild[-1]} ms)" >&2
  done
  assets=$(unzip -Z1 "$jar" | grep -c '^BOOT-INF/classes/static/.*[^/]$')
  printf '| %s | %d | %d ms | %d ms | %d ms (build %d ms) | %d ms (build %d ms) |\n' "$label" "$assets" \
    "$(median "${base[@]}")" "$(median "${goal[@]}")" "$(median "${first[@]}")" "$(median "${firstBuild[@]}")" \
    "$(median "${again[@]}")" "$(median "${againBuild[@]}")"
}

echo "| static files | assets | assetbust off | Maven goal's manifest | zero config, first start | zero config, restart |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
measure "sample app" "$work/sample.jar" "$sample"
measure "sample app + tree" "$work/tree.jar" "$work/goal-tree.jar"
