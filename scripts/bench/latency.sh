#!/usr/bin/env bash
# Confirmation latency on the four-validator local network: submit → in block
# and submit → finalized, at light load and under a transfer flood, as p50 /
# p90 / max (scripts/e2e/bench/latency.js). Starts the four nodes on free
# ports in a temporary directory and always stops them. Changes nothing.
#   SAMPLES=40 LOAD=6000 scripts/bench/latency.sh   (the defaults)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
need_build
cd "${PEER_ROOT}/scripts/e2e"
[ -d node_modules/@polkadot/api ] || npm ci --no-audit --no-fund --loglevel=error
start=$(date +%s)
node bench/latency.js
log "done in $(($(date +%s) - start)) s"
