#!/usr/bin/env bash
# Clippy over the whole workspace (every target: libraries, tests, benches),
# warnings as errors, with the settings of the root clippy.toml. Not part of
# scripts/test.sh: it type-checks the whole dependency tree once more in check
# mode, 14 minutes on a cold 2-core machine (docs/PERFORMANCE.md); after that,
# a change costs it seconds to a minute. Run it before sending a change.
# Extra arguments go to cargo clippy (`--fix --allow-dirty` applies its fixes).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$PEER_ROOT"
log "cargo clippy ${PEER_CARGO_FLAGS[*]} --all-targets -- -D warnings"
start=$(date +%s)
# The wasm runtime is built by `scripts/build.sh`; clippy checks its native code.
SKIP_WASM_BUILD=1 cargo clippy "${PEER_CARGO_FLAGS[@]}" --all-targets "$@" -- -D warnings
log "clippy clean in $(($(date +%s) - start)) s"
