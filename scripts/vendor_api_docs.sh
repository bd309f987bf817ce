#!/usr/bin/env bash
# Vendor the interactive API documentation's browser files from npm (install time only; nothing is fetched at
# run time): Swagger UI (swagger-ui-dist) for /docs and ReDoc's standalone bundle for /redoc, copied into
# src/veilleur/api/docs_assets/ (git-ignored), which the API serves itself. Idempotent and quick when present.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
npm_dir="$root/build/npm-api-docs"
assets="$root/src/veilleur/api/docs_assets"

SWAGGER_UI_VERSION="${SWAGGER_UI_VERSION:-5.35.0}"
REDOC_VERSION="${REDOC_VERSION:-2.5.4}"

installed() {
  [[ -f "$npm_dir/node_modules/swagger-ui-dist/swagger-ui-bundle.js" ]] || return 1
  [[ -f "$npm_dir/node_modules/redoc/bundles/redoc.standalone.js" ]] || return 1
  grep -q "\"version\": \"$SWAGGER_UI_VERSION\"" "$npm_dir/node_modules/swagger-ui-dist/package.json" || return 1
  grep -q "\"version\": \"$REDOC_VERSION\"" "$npm_dir/node_modules/redoc/package.json" || return 1
}

if ! installed; then
  mkdir -p "$npm_dir"
  [[ -f "$npm_dir/package.json" ]] || printf '{\n  "name": "veilleur-api-docs-vendor",\n  "private": true\n}\n' \
    > "$npm_dir/package.json"
  # --ignore-scripts: only the published files are wanted, no install hooks run
  npm install --prefix "$npm_dir" --no-audit --no-fund --loglevel=error --save-exact --ignore-scripts \
    "swagger-ui-dist@$SWAGGER_UI_VERSION" "redoc@$REDOC_VERSION"
fi

mkdir -p "$assets"
nm="$npm_dir/node_modules"
cp -f "$nm/swagger-ui-dist/swagger-ui-bundle.js" "$nm/swagger-ui-dist/swagger-ui.css" \
  "$nm/swagger-ui-dist/favicon-32x32.png" "$assets/"
cp -f "$nm/swagger-ui-dist/LICENSE" "$assets/LICENSE.swagger-ui"
# ReDoc's side menu shows Redocly's logo from cdn.redoc.ly, a request offline pages must not make: the copy
# gets an empty image address instead (the image's own error handler then hides it; the text link stays).
sed 's#https://cdn\.redoc\.ly/redoc/logo-mini\.svg##g' "$nm/redoc/bundles/redoc.standalone.js" \
  > "$assets/redoc.standalone.js"
if grep -q "cdn\.redoc\.ly" "$assets/redoc.standalone.js"; then
  echo "redoc.standalone.js still loads from cdn.redoc.ly: update scripts/vendor_api_docs.sh" >&2
  exit 1
fi
cp -f "$nm/redoc/LICENSE" "$assets/LICENSE.redoc"
echo "vendored into ${assets#"$root"/}: $(cd "$assets" && ls | tr '\n' ' ')"
