#!/usr/bin/env bash
# Sets up the machine and builds every crate of the workspace (node, runtime,
# pallets) in the release profile, once.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"${PEER_ROOT}/scripts/setup.sh"
cd "$PEER_ROOT"
log "cargo build ${PEER_CARGO_FLAGS[*]}"
start=$(date +%s)
cargo build "${PEER_CARGO_FLAGS[@]}"
log "built in $(($(date +%s) - start)) s: $PEER_NODE"
