#!/usr/bin/env bash
# Vendor the dashboard's browser libraries from npm (install time only; nothing is fetched at run time):
# Leaflet, Leaflet.markercluster, the world-atlas TopoJSON basemap and topojson-client, copied into
# src/veilleur/api/static/vendor/ (git-ignored). Idempotent: re-running with the files present is quick.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
npm_dir="$root/build/npm"
vendor="$root/src/veilleur/api/static/vendor"

LEAFLET_VERSION="${LEAFLET_VERSION:-1.9.4}"
WORLD_ATLAS_VERSION="${WORLD_ATLAS_VERSION:-2.0.2}"
TOPOJSON_CLIENT_VERSION="${TOPOJSON_CLIENT_VERSION:-3.1.0}"
MARKERCLUSTER_VERSION="${MARKERCLUSTER_VERSION:-1.5.3}"

need=(
  "leaflet/dist/leaflet.js"
  "leaflet/dist/leaflet.css"
  "world-atlas/countries-110m.json"
  "world-atlas/countries-50m.json"
  "topojson-client/dist/topojson-client.min.js"
  "leaflet.markercluster/dist/leaflet.markercluster.js"
  "leaflet.markercluster/dist/MarkerCluster.css"
  "leaflet.markercluster/dist/MarkerCluster.Default.css"
)

installed() {
  local f
  for f in "${need[@]}"; do
    [[ -f "$npm_dir/node_modules/$f" ]] || return 1
  done
  grep -q "\"version\": \"$LEAFLET_VERSION\"" "$npm_dir/node_modules/leaflet/package.json" || return 1
  grep -q "\"version\": \"$MARKERCLUSTER_VERSION\"" "$npm_dir/node_modules/leaflet.markercluster/package.json" \
    || return 1
}

if ! installed; then
  mkdir -p "$npm_dir"
  [[ -f "$npm_dir/package.json" ]] || printf '{\n  "name": "veilleur-vendor",\n  "private": true\n}\n' \
    > "$npm_dir/package.json"
  npm install --prefix "$npm_dir" --no-audit --no-fund --loglevel=error --save-exact \
    "leaflet@$LEAFLET_VERSION" "world-atlas@$WORLD_ATLAS_VERSION" "topojson-client@$TOPOJSON_CLIENT_VERSION" \
    "leaflet.markercluster@$MARKERCLUSTER_VERSION"
fi

mkdir -p "$vendor/images"
nm="$npm_dir/node_modules"
cp -f "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$vendor/"
cp -f "$nm/leaflet/dist/images/"*.png "$vendor/images/"
cp -f "$nm/world-atlas/countries-110m.json" "$nm/world-atlas/countries-50m.json" "$vendor/"
cp -f "$nm/topojson-client/dist/topojson-client.min.js" "$vendor/"
cp -f "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
  "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" "$vendor/"
cp -f "$nm/leaflet.markercluster/MIT-LICENCE.txt" "$vendor/LICENSE.leaflet.markercluster" 2>/dev/null || true
cp -f "$nm/leaflet/LICENSE" "$vendor/LICENSE.leaflet"
cp -f "$nm/world-atlas/LICENSE" "$vendor/LICENSE.world-atlas" 2>/dev/null || true
cp -f "$nm/topojson-client/LICENSE" "$vendor/LICENSE.topojson-client"
echo "vendored into ${vendor#"$root"/}: $(cd "$vendor" && ls | tr '\n' ' ')"
