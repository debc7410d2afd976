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

log "mission board: build (types from the runtime's wasm), unit tests"
"${PEER_ROOT}/scripts/build-app.sh"
(cd "${PEER_ROOT}/app" && npx vitest run)

# The JavaScript suite and the board's browser suite each start their own
# dev node and mostly wait for blocks: they run side by side, each with its
# own log, and both must pass.
log "end-to-end suite (@polkadot/api) and the board's browser suite (Playwright, Chromium), side by side"
logs=$(mktemp -d)
"${PEER_ROOT}/scripts/e2e/run.sh" >"$logs/e2e.log" 2>&1 &
e2e=$!
(cd "${PEER_ROOT}/app" && npm run --silent test:browser) >"$logs/board.log" 2>&1 &
board=$!
trap 'kill $e2e $board 2>/dev/null || true' EXIT
e2e_rc=0 board_rc=0
wait $e2e || e2e_rc=$?
wait $board || board_rc=$?
trap - EXIT
log "----- end-to-end suite (exit $e2e_rc) -----"
cat "$logs/e2e.log"
log "----- board's browser suite (exit $board_rc) -----"
cat "$logs/board.log"
((e2e_rc == 0 && board_rc == 0)) || { log "failed: e2e $e2e_rc, board $board_rc (screenshots of failures: app/test-results/)"; exit 1; }

log "network fault tests (four validators on loopback)"
"${PEER_ROOT}/scripts/fault-tests.sh"

log "all tests passed"
