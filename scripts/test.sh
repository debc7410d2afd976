#!/usr/bin/env bash
# The second command: sets up the machine, builds everything once and runs
# every test the project has. Ends with the time each step took.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$PEER_ROOT"

steps=()
# step NAME COMMAND…: runs it and keeps its wall time for the summary.
step() {
	local name=$1 begin
	shift
	begin=$(date +%s)
	"$@"
	steps+=("$(printf '%5d s  %s' "$(($(date +%s) - begin))" "$name")")
}
summary() {
	((${#steps[@]})) || return 0
	log "time per step (wall):"
	printf '  %s\n' "${steps[@]}"
}
trap summary EXIT

# The build with --timings: the report (target/cargo-timings/) says where a cold
# build's minutes went; the slowest crates are printed.
export PEER_TIMINGS=1
step "setup and build (cargo build)" "${PEER_ROOT}/scripts/build.sh"
python3 "${PEER_ROOT}/scripts/cargo-timings.py" --top 20 || true

log "Rust format (cargo fmt --check, rustfmt.toml)"
step "Rust format check" cargo fmt --all -- --check

log "the build cache's file times (scripts/source-times.py)"
step "build cache tests" python3 "${PEER_ROOT}/scripts/source_times_test.py"

log "cargo test ${PEER_CARGO_FLAGS[*]}"
# The same flags as the build, so that the tests reuse every compiled crate; what
# the test build still compiles (the test harnesses, dev-dependencies) is printed.
step "Rust tests: build (cargo test --no-run)" cargo test "${PEER_CARGO_FLAGS[@]}" --no-run --timings
python3 "${PEER_ROOT}/scripts/cargo-timings.py" --top 10 || true
# The test build compiled from the same sources: record them (scripts/source-times.py).
python3 "${PEER_ROOT}/scripts/source-times.py" record
step "Rust tests: run" cargo test "${PEER_CARGO_FLAGS[@]}"

log "node smoke test"
step "node smoke test" "${PEER_ROOT}/scripts/smoke-test.sh"

log "mission board: build (types from the runtime's wasm), unit tests"
step "board: npm ci, descriptors, build" "${PEER_ROOT}/scripts/build-app.sh"
board_unit() { (cd "${PEER_ROOT}/app" && npx vitest run); }
step "board: unit tests" board_unit

# The JavaScript suite and the board's browser suite each start their own
# dev node and mostly wait for blocks: they run side by side, each with its
# own log, and both must pass.
side_by_side() {
	log "end-to-end suite (@polkadot/api) and the board's browser suite (Playwright, Chromium), side by side"
	local logs e2e board e2e_rc=0 board_rc=0
	logs=$(mktemp -d)
	"${PEER_ROOT}/scripts/e2e/run.sh" >"$logs/e2e.log" 2>&1 &
	e2e=$!
	(cd "${PEER_ROOT}/app" && npm run --silent test:browser) >"$logs/board.log" 2>&1 &
	board=$!
	trap 'kill $e2e $board 2>/dev/null || true; summary' EXIT
	wait $e2e || e2e_rc=$?
	wait $board || board_rc=$?
	trap summary EXIT
	log "----- end-to-end suite (exit $e2e_rc) -----"
	cat "$logs/e2e.log"
	log "----- board's browser suite (exit $board_rc) -----"
	cat "$logs/board.log"
	((e2e_rc == 0 && board_rc == 0)) || { log "failed: e2e $e2e_rc, board $board_rc (screenshots of failures: app/test-results/)"; return 1; }
}
step "e2e and browser suites (side by side)" side_by_side

log "network fault tests (four validators on loopback)"
step "network fault tests" "${PEER_ROOT}/scripts/fault-tests.sh"

log "live runtime upgrade by council vote, with the try-runtime check (four validators on loopback)"
step "live upgrade test" "${PEER_ROOT}/scripts/upgrade-test.sh"

log "all tests passed"
