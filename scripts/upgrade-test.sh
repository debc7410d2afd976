#!/usr/bin/env bash
# The live-upgrade test (scripts/e2e/upgrade, docs/UPGRADES.md): four validators
# of `local` start on the previous runtime (runtime/fixtures/previous.json),
# carry missions into every phase, check the pending migrations on a snapshot of
# their state (scripts/try-runtime.sh), upgrade to this build's runtime by a
# council vote, and check that nothing was lost. Needs a build
# (scripts/build.sh). Every wait is bounded; every node is stopped at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -x "$PEER_NODE" ] || { log "build first: scripts/build.sh"; exit 1; }
[ -f "$PEER_RUNTIME_WASM" ] || { log "no runtime wasm at $PEER_RUNTIME_WASM: scripts/build.sh"; exit 1; }
cd "${PEER_ROOT}/scripts/e2e"
[ -d node_modules/@polkadot/api ] || npm ci --no-audit --no-fund --loglevel=error
export PEER_RUNTIME_WASM
log "node --test upgrade/ ($(python3 "${PEER_ROOT}/scripts/wasm-version.py" "$PEER_RUNTIME_WASM"))"
node --test --test-concurrency=1 --test-timeout=900000 upgrade/
