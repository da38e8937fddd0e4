#!/usr/bin/env bash
# The CLI as a whole process (JVM start included) against the shell way of doing the bare job:
# md5sum every file and cp it to its hashed name, two at a time. Same tree, same run, fresh copies.
# Usage: benchmarks/scripts/cli-vs-shell.sh TREE_DIR [ROUNDS]
set -euo pipefail
tree=${1:?usage: $0 TREE_DIR [ROUNDS]}
rounds=${2:-3}
cd "$(dirname "$0")/../.."
jar=assetbust-cli/target/assetbust-cli.jar
[ -f "$jar" ] || { echo "build the CLI first: ./mvnw -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ms() { date +%s%3N; }

shell_hash_and_copy() {
  find "$1" -type f -print0 | xargs -0 -P 2 -n 64 bash -c '
    for f; do
      sum=$(md5sum < "$f"); sum=${sum%% *}
      base=${f##*/}; dir=${f%/*}
      case "$base" in *.*) cp "$f" "$dir/${base%.*}-$sum.${base##*.}" ;; *) cp "$f" "$f-$sum" ;; esac
    done' _
}

cli=(); shell=()
for round in $(seq "$rounds"); do
  rm -rf "$work/a" "$work/b"; cp -r "$tree" "$work/a"; cp -r "$tree" "$work/b"; sync
  start=$(ms); java -jar "$jar" build --root "$work/a" > /dev/null; cli+=($(( $(ms) - start )))
  start=$(ms); shell_hash_and_copy "$work/b"; shell+=($(( $(ms) - start )))
  echo "round $round: CLI ${cli[-1]} ms, md5sum+cp ${shell[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c=$(median "${cli[@]}"); s=$(median "${shell[@]}")
awk -v c="$c" -v s="$s" 'BEGIN { printf "| CLI process / md5sum+cp | %d ms / %d ms | %.2fx |\n", c, s, c / s }'
