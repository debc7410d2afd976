#!/usr/bin/env bash
# Builds the mission board (app/) against the runtime scripts/build.sh built:
# installs its packages (npm ci), generates the chain's types and doc texts
# from the runtime's compact wasm (never from a live node), type-checks and
# bundles it into app/dist, and prints the bundle's size.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
app="${PEER_ROOT}/app"
wasm="$PEER_RUNTIME_WASM"
[ -f "$wasm" ] || { log "no runtime wasm at $wasm: run scripts/build.sh first"; exit 1; }
cd "$app"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log "npm ci (app)"
npm ci --no-audit --no-fund --loglevel=error
node scripts/descriptors.mjs "$wasm"
log "tsc + vite build"
npm run --silent build >/dev/null
# What a member's browser downloads: every file of the build, gzipped (not the
# precompressed .gz/.br copies scripts/compress.mjs writes beside them).
total=0
for f in dist/index.html dist/assets/*; do
	case "$f" in *.gz | *.br) continue ;; esac
	size=$(gzip -9 -c "$f" | wc -c)
	total=$((total + size))
done
log "built app/dist: $(du -sk dist | cut -f1) KB on disk, $((total / 1024)) KB gzipped (target ≤ 400 KB)"
