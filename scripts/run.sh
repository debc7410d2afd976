#!/usr/bin/env bash
# The first command: sets up the machine, builds peer-node and starts a
# development chain (Alice authors and finalizes; RPC on 127.0.0.1:9944).
# Extra arguments go to peer-node, e.g. `scripts/run.sh --rpc-port 9955`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"${PEER_ROOT}/scripts/build.sh"
base="${PEER_BASE_PATH:-${PEER_ROOT}/.peer-dev}"
log "starting peer-node --dev, chain data under $base"
log "open https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer"
log "(or any polkadot.js Apps: Settings > custom endpoint ws://127.0.0.1:9944); Ctrl-C stops it"
exec "$PEER_NODE" --dev --base-path "$base" --rpc-port 9944 --rpc-cors all "$@"
