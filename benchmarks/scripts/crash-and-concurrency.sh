#!/usr/bin/env bash
# Crash and concurrency evidence on the 4,000-file tree (issue #14), as whole CLI processes:
#  - KILLS builds killed with SIGKILL at a random instant within one build's duration, each after
#    changing a few files; after every kill the tree is checked twice: independently (python: the
#    manifest parses, every entry's file exists and its md5 is the digest in its name) and with
#    `assetbust check` (also every rewritten reference resolves);
#  - PAIRS pairs of builds started at the same instant on the same root, then the same checks.
# Reports torn manifests, entries without files, digest mismatches and check failures (goal: 0).
# Not part of CI: about 30-40 minutes on 2 cores.
#   benchmarks/scripts/crash-and-concurrency.sh [WORK_DIR] [KILLS] [PAIRS]
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-$(mktemp -d)}
kills=${2:-200}
pairs=${3:-50}
jar=assetbust-cli/target/assetbust-cli.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$jar" ] && [ -f "$bench" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
# copies, so that a rebuild of the project during the run does not pull the jars away
mkdir -p "$work"
cp "$jar" "$work/assetbust-cli.jar"; jar="$work/assetbust-cli.jar"
cp "$bench" "$work/benchmarks.jar"; bench="$work/benchmarks.jar"
root="$work/site"
rm -rf "$root"
java -cp "$bench" io.github.assetbust.benchmarks.TreeGenerator "$root" > /dev/null
build=(java -jar "$jar" build --root "$root" --keep 1 --max-age 0)

# prints one of: ok, torn, missing N, digest N (N: how many entries)
inspect() {
  python3 - "$root" <<'PY'
import hashlib, json, os, re, sys
root = sys.argv[1]
try:
    with open(os.path.join(root, "asset-manifest.json"), "rb") as f:
        manifest = json.loads(f.read().decode("utf-8"))
except (ValueError, UnicodeDecodeError):
    print("torn"); sys.exit()
except FileNotFoundError:
    print("missing-manifest"); sys.exit()
missing = digest = 0
for entry in manifest["assets"].values():
    path = os.path.join(root, entry["path"])
    if not os.path.isfile(path):
        missing += 1
        continue
    named = re.search(r"-([0-9a-f]{32})(\.[^./]*)?$", entry["path"]).group(1)
    with open(path, "rb") as f:
        if hashlib.md5(f.read()).hexdigest() != named:
            digest += 1
print("ok" if missing == digest == 0 else f"missing {missing} digest {digest}")
PY
}

change() {
  find "$root" -name '*.css' -not -name '*-????????????????????????????????.css' | shuf -n 8 --random-source=<(yes "$1") |
    while read -r f; do printf '\n/* %s */\n' "$1" >> "$f"; done
}

"${build[@]}" > /dev/null
start=$(date +%s%N); change 0; "${build[@]}" > /dev/null; took=$(( ($(date +%s%N) - start) / 1000000 ))
echo "uninterrupted build after a change: $took ms"

torn=0; bad=0; check_failed=0; killed=0; finished=0
for i in $(seq "$kills"); do
  change "k$i"
  "${build[@]}" > /dev/null 2>&1 & pid=$!
  sleep "$(python3 -c "import random; print(random.uniform(0, $took / 1000))")"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  wait "$pid" 2>/dev/null || true
  result=$(inspect)
  case "$result" in ok) ;; torn) torn=$((torn + 1)); echo "kill $i: torn manifest" ;; *) bad=$((bad + 1)); echo "kill $i: $result" ;; esac
  java -jar "$jar" check --root "$root" > "$work/check.out" 2>&1 || { check_failed=$((check_failed + 1)); echo "kill $i: check failed"; head -5 "$work/check.out"; }
  [ $((i % 20)) -eq 0 ] && echo "  $i kills so far ($killed landed, $finished builds finished first)"
done
echo "SIGKILL: $killed builds killed ($finished finished before their instant); torn manifests: $torn; manifests with missing or wrong files: $bad; check failures: $check_failed"

pair_torn=0; pair_bad=0; pair_check=0; failed_builds=0
for i in $(seq "$pairs"); do
  change "p$i"
  "${build[@]}" > "$work/a.out" 2>&1 & a=$!
  "${build[@]}" > "$work/b.out" 2>&1 & b=$!
  wait "$a" || { failed_builds=$((failed_builds + 1)); head -2 "$work/a.out"; }
  wait "$b" || { failed_builds=$((failed_builds + 1)); head -2 "$work/b.out"; }
  result=$(inspect)
  case "$result" in ok) ;; torn) pair_torn=$((pair_torn + 1)) ;; *) pair_bad=$((pair_bad + 1)); echo "pair $i: $result" ;; esac
  java -jar "$jar" check --root "$root" > /dev/null 2>&1 || pair_check=$((pair_check + 1))
done
echo "Concurrent pairs: $pairs pairs; builds that failed: $failed_builds; torn manifests: $pair_torn; manifests with missing or wrong files: $pair_bad; check failures: $pair_check"
