#!/usr/bin/env bash
# The second command: sets up the machine, builds everything once and runs
# every test the project has.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"${PEER_ROOT}/scripts/build.sh"
cd "$PEER_ROOT"

log "cargo test ${PEER_CARGO_FLAGS[*]}"
cargo test "${PEER_CARGO_FLAGS[@]}"

log "node smoke test"
"${PEER_ROOT}/scripts/smoke-test.sh"

log "end-to-end suite (@polkadot/api against peer-node --dev)"
"${PEER_ROOT}/scripts/e2e/run.sh"

log "network fault tests (four validators on loopback)"
"${PEER_ROOT}/scripts/fault-tests.sh"

log "all tests passed"
