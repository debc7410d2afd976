#!/usr/bin/env bash
# Installs the suite's packages (npm ci) and runs it against $PEER_NODE
# (scripts/lib.sh sets it), or target/release/peer-node.
# Each test file starts a dev node of its own (lib/chain.js devChain) and stops it.
set -euo pipefail
cd "$(dirname "$0")"
[ -x "${PEER_NODE:-../../target/release/peer-node}" ] || { echo "[e2e] build first: scripts/build.sh"; exit 1; }
echo "[e2e] npm ci"
npm ci --no-audit --no-fund --loglevel=error
echo "[e2e] node --test"
node --test --test-concurrency=1 --test-timeout=300000 tests/
