#!/usr/bin/env bash
# The try-runtime check of this checkout's runtime against a live chain, before
# an upgrade is proposed (docs/UPGRADES.md): takes a snapshot of the node's state
# (its finalized block, or BLOCK), then runs every pending migration with its
# pre/post checks, every pallet's try_state and a decode of the entire state on it
# (runtime/src/tests/try_runtime.rs, through Executive::try_runtime_upgrade).
#
#   scripts/try-runtime.sh [URL [BLOCK_HASH]]    URL: ws:// or http://, default the local node
#   scripts/try-runtime.sh --snapshot FILE         a snapshot already taken (scripts/e2e/lib/snapshot.js)
#
# Needs the build (scripts/build.sh); compiles nothing else. Fails if a check
# fails; prints the migrations' weight.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if [ "${1:-}" = --snapshot ]; then
	snap=${2:?a snapshot file}
else
	url=${1:-ws://127.0.0.1:9944}
	at=${2:-}
	snap=$(mktemp --suffix=.json)
	trap 'rm -f "$snap"' EXIT
	cd "${PEER_ROOT}/scripts/e2e"
	[ -d node_modules/@polkadot/api ] || npm ci --no-audit --no-fund --loglevel=error
	node lib/snapshot.js "$url" "$snap" ${at:+"$at"}
fi
cd "$PEER_ROOT"
log "the pending migrations on that state (cargo test … try_runtime)"
PEER_SNAPSHOT="$snap" cargo test "${PEER_CARGO_FLAGS[@]}" --lib -- \
	tests::try_runtime::pending_migrations_pass_their_checks_on_a_live_state \
	--exact --ignored --nocapture --test-threads 1 2>&1 |
	grep -v '^\s*Running\|^running 0 tests\|0 passed; 0 failed; 0 ignored\|^$'
