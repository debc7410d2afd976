#!/usr/bin/env bash
# Fault tests of a consortium network (scripts/e2e/faults): four validators
# of `--chain local` on loopback, killed and restarted, an unauthorized node,
# a validator added and removed by council vote. Needs a build
# (scripts/build.sh) and the e2e packages (installed here with npm ci).
# Every wait is bounded; every node is stopped at the end; the heights seen
# are printed as the tests go.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -x "$PEER_NODE" ] || { log "build first: scripts/build.sh"; exit 1; }
cd "${PEER_ROOT}/scripts/e2e"
[ -d node_modules/@polkadot/api ] || npm ci --no-audit --no-fund --loglevel=error
log "node --test faults/"
# One file, one top-level test: the bound is for all five steps. Each vote on
# the validator set takes effect two session changes later, so where the motion
# lands in a session moves the last step by up to two sessions (2 min on
# `local`): 509 s and over 600 s were both seen; every wait inside is bounded.
node --test --test-concurrency=1 --test-timeout=900000 faults/
