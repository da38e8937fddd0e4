#!/usr/bin/env bash
# The CLI and the Maven goal as users run them: whole processes, cold JVM, fresh synced copies of
# the tree in every round. For each tree (a generated 4,000-file, 200 MB one and 587 files of real npm
# packages) it times, in the same round:
#   floor      find | xargs -0 -P2 -n 200 md5sum, then cp -a: the bare job done batched and in parallel
#   full       java -jar assetbust-cli.jar build, on a copy never built
#   no fsync   the same under eatmydata (fsync a no-op), when installed: what durability costs
#   no-change  the same build again
#   one file   the build again after one script changed
#   start-up   java -jar assetbust-cli.jar --help
#   django     Django's collectstatic with ManifestStaticFilesStorage, when python3-django is installed
# then, on the npm tree, the build goal's own time inside `mvn package` (from Maven's log timestamps)
# beside the CLI's full build. Prints the medians and the ratios the README reports.
#   benchmarks/scripts/cli-speed.sh [ROUNDS] [WORK_DIR]
# JAVA_OPTS goes to every CLI run (say -XX:TieredStopAtLevel=1). Needs `./mvnw -q -DskipTests install`
# first (the goal is run offline from the local repository).
set -euo pipefail
rounds=${1:-3}
cd "$(dirname "$0")/../.."
project=$PWD
work=${2:-$(mktemp -d)}
mkdir -p "$work"
cli=$project/assetbust-cli/target/assetbust-cli.jar
bench=$project/benchmarks/target/benchmarks.jar
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
if [ ! -f "$cli" ] || [ ! -f "$bench" ] \
    || [ ! -d "$HOME/.m2/repository/io/github/assetbust/assetbust-maven-plugin/$version" ]; then
  echo "build and install first: ./mvnw -q -DskipTests install" >&2
  exit 2
fi
java=${JAVA:-java}
read -r -a opts <<< "${JAVA_OPTS:-}"
cli() { "$java" "${opts[@]}" -jar "$cli" "$@" > /dev/null; }
eatmydata=$(command -v eatmydata || true)
python=/usr/bin/python3
django=no
if "$python" -c 'import django' 2> /dev/null; then django=yes; fi

ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
fresh() { rm -rf "$2"; cp -a "$1" "$2"; sync; }

cat > "$work/collect.py" <<'PY'
import sys
import django
from django.conf import settings
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from django.core.management import call_command


class DeepImports(ManifestStaticFilesStorage):
    # the generated tree's @import chains are up to 20 deep; Django stops after 5 passes by default
    max_post_process_passes = 50


source, target = sys.argv[1], sys.argv[2]
storage = "__main__.DeepImports"
settings.configure(INSTALLED_APPS=["django.contrib.staticfiles"], STATIC_URL="/static/", STATIC_ROOT=target,
                   STATICFILES_DIRS=[source], STATICFILES_STORAGE=storage,  # Django 3.2 and 4.x
                   STORAGES={"staticfiles": {"BACKEND": storage}})  # Django 4.2 and later
django.setup()
call_command("collectstatic", interactive=False, verbosity=0)
PY

[ -d "$work/generated" ] || "$java" -cp "$bench" io.github.assetbust.benchmarks.TreeGenerator "$work/generated" \
  4000 200 > /dev/null
[ -d "$work/npm" ] || benchmarks/scripts/npm-tree.sh "$work/npm" > /dev/null

measure_tree() {
  local tree=$1 name=$2
  local floor=() full=() nosync=() unchanged=() one=() help=() dj=()
  local changed
  changed=$(cd "$tree" && find . -name '*.js' -type f | sort | head -1)
  for round in $(seq "$rounds"); do
    fresh "$tree" "$work/floor"
    local start=$(ms)
    (cd "$work" && find floor -type f -print0 | xargs -0 -P2 -n 200 md5sum > /dev/null && cp -a floor floor.copy)
    floor+=($(( $(ms) - start )))
    rm -rf "$work/floor" "$work/floor.copy"

    if [ -n "$eatmydata" ]; then
      fresh "$tree" "$work/cli"
      start=$(ms); "$eatmydata" "$java" "${opts[@]}" -jar "$cli" build --root "$work/cli" > /dev/null
      nosync+=($(( $(ms) - start )))
      rm -rf "$work/cli"
    fi

    fresh "$tree" "$work/cli"
    start=$(ms); cli build --root "$work/cli"; full+=($(( $(ms) - start )))
    start=$(ms); cli build --root "$work/cli"; unchanged+=($(( $(ms) - start )))
    printf '\n/* changed in round %d */\n' "$round" >> "$work/cli/$changed"
    start=$(ms); cli build --root "$work/cli"; one+=($(( $(ms) - start )))
    start=$(ms); cli --help; help+=($(( $(ms) - start )))
    rm -rf "$work/cli"

    if [ "$django" = yes ]; then
      fresh "$tree" "$work/django"
      rm -rf "$work/django.out"
      start=$(ms); "$python" "$work/collect.py" "$work/django" "$work/django.out"; dj+=($(( $(ms) - start )))
      rm -rf "$work/django" "$work/django.out"
    fi
    echo "$name round $round: floor ${floor[-1]} ms, full ${full[-1]}${nosync:+ (no fsync ${nosync[-1]})}," \
      "no-change ${unchanged[-1]}, one file ${one[-1]}, start-up ${help[-1]}${dj:+, django ${dj[-1]}} ms" >&2
  done
  local f c n u o h d
  f=$(median "${floor[@]}"); c=$(median "${full[@]}"); u=$(median "${unchanged[@]}")
  o=$(median "${one[@]}"); h=$(median "${help[@]}")
  n=$([ -n "$eatmydata" ] && median "${nosync[@]}" || echo 0)
  d=$([ "$django" = yes ] && median "${dj[@]}" || echo 0)
  awk -v t="$name" -v f="$f" -v c="$c" -v n="$n" -v u="$u" -v o="$o" -v h="$h" -v d="$d" 'BEGIN {
    dj = (d > 0) ? sprintf("%.2f s (%.1fx the CLI)", d / 1000, d / c) : "not installed"
    ns = (n > 0) ? sprintf("%.2f s (%.2fx floor)", n / 1000, n / f) : "no eatmydata"
    printf "| %s | %.2f s | %.2f s (%.2fx floor) | %s | %.2f s (%.2fx start-up) | %.2f s (%.2fx start-up) | %.2f s | %s |\n",
      t, f / 1000, c / 1000, c / f, ns, u / 1000, u / h, o / 1000, o / h, h / 1000, dj }'
}

goal_project() {
  local dir=$1
  rm -rf "$dir"; mkdir -p "$dir/src/main/resources"
  cp -a "$work/npm" "$dir/src/main/resources/static"
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>goal-speed</artifactId>
  <version>1</version>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.assetbust</groupId>
        <artifactId>assetbust-maven-plugin</artifactId>
        <version>$version</version>
        <executions><execution><goals><goal>build</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
}

# the goal's time: from its "--- assetbust:VERSION:build" line to the next line Maven logs
goal_millis() {
  awk '/--- assetbust:.*:build / { start = $1; next }
       start != "" && /^[0-9]/ { print $1; print start; exit }' "$1" | {
    read -r end; read -r start
    echo $(( $(date -d "$end" +%s%3N) - $(date -d "$start" +%s%3N) ))
  }
}

measure_goal() {
  local goal=() full=()
  goal_project "$work/goal"
  "$project/mvnw" -q -o -f "$work/goal/pom.xml" package > /dev/null  # resolve and warm the local repository
  for round in $(seq "$rounds"); do
    rm -rf "$work/goal/target"; sync
    "$project/mvnw" -o -B -f "$work/goal/pom.xml" package -Dorg.slf4j.simpleLogger.showDateTime=true \
      -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS > "$work/goal.log"
    goal+=($(goal_millis "$work/goal.log"))
    fresh "$work/npm" "$work/cli"
    local start=$(ms); cli build --root "$work/cli"; full+=($(( $(ms) - start )))
    rm -rf "$work/cli"
    echo "goal round $round: goal ${goal[-1]} ms, CLI ${full[-1]} ms" >&2
  done
  local g c
  g=$(median "${goal[@]}"); c=$(median "${full[@]}")
  awk -v g="$g" -v c="$c" 'BEGIN {
    printf "| npm tree in mvn package | goal %.2f s | CLI full build %.2f s | %.2fx the CLI |\n", g / 1000, c / 1000, g / c }'
}

echo "| tree | hash+copy floor | CLI full build | the same without fsync | CLI no-change rebuild | CLI one-file build | CLI start-up | Django collectstatic |"
echo "|---|---|---|---|---|---|---|---|"
measure_tree "$work/generated" "4,000 files / 200 MB (generated)"
measure_tree "$work/npm" "587 files / 21 MB (npm packages)"
echo
measure_goal
