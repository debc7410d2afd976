#!/usr/bin/env bash
# A long run of the random-call test (runtime/src/tests/random_calls.rs): random
# sequences of real calls through the whole runtime, every invariant checked
# after every block. Prints calls per second, how often each call succeeded,
# and the seed of any failure.
#
#   CALLS      calls in all (default 100000)
#   SEED       the first seed (default 1); each sequence takes the next one
#   PER_SEED   calls per sequence, on a fresh chain each (default 300)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$PEER_ROOT"
export PEER_RANDOM_CALLS=${CALLS:-100000}
export PEER_RANDOM_SEED=${SEED:-1}
export PEER_RANDOM_CALLS_PER_SEED=${PER_SEED:-300}
log "${PEER_RANDOM_CALLS} random calls from seed ${PEER_RANDOM_SEED}, ${PEER_RANDOM_CALLS_PER_SEED} per sequence"
start=$(date +%s)
cargo test "${PEER_CARGO_FLAGS[@]}" --lib -- tests::random_calls::random_calls_keep_every_invariant --exact --nocapture --test-threads 1 2>&1 |
	grep -E '^\[random-calls\]|panicked|FAILED|test result: FAILED'
log "done in $(($(date +%s) - start)) s"
