#!/usr/bin/env bash
# A tree of real front-end packages as npm ships them (CSS, JavaScript, source maps, fonts, images,
# SCSS and TypeScript sources): 587 files, 21 MB. Downloads the tarballs once into a cache folder
# beside DIR and unpacks each package into DIR/NAME-VERSION.
#   benchmarks/scripts/npm-tree.sh DIR
set -euo pipefail
dir=${1:?usage: $0 DIR}
packages=(bootstrap/5.3.8 chart.js/4.4.4 font-awesome/4.7.0 htmx.org/2.0.3 leaflet/1.9.4 normalize.css/8.0.1
  alpinejs/3.14.1)
cache="$dir.tarballs"
mkdir -p "$cache" "$dir"
for package in "${packages[@]}"; do
  name=${package%/*}; version=${package#*/}
  tarball="$cache/$name-$version.tgz"
  [ -s "$tarball" ] || curl -fsSL -o "$tarball" "https://registry.npmjs.org/$name/-/$name-$version.tgz"
  rm -rf "$dir/$name-$version"; mkdir -p "$dir/$name-$version"
  tar -xzf "$tarball" -C "$dir/$name-$version" --strip-components=1 --no-same-owner
done
echo "$(find "$dir" -type f | wc -l) files, $(du -sb "$dir" | cut -f1) bytes under $dir"
