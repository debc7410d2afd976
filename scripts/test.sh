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

log "docs: every file and name docs/ARCHITECTURE.md's tables claim exists (scripts/check-docs.py)"
docs_check() {
	python3 "${PEER_ROOT}/scripts/check_docs_test.py" && python3 "${PEER_ROOT}/scripts/check-docs.py"
}
step "docs claims check" docs_check

log "operators' files: Prometheus configuration and alerting rules (promtool), the systemd unit (scripts/check-ops.sh)"
step "ops files check" "${PEER_ROOT}/scripts/check-ops.sh"

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
step "board: npm ci, descriptors, build" "${PEER_ROOT}/scripts/build-board.sh"
board_unit() { (cd "${PEER_ROOT}/app" && npx vitest run); }
step "board: unit tests" board_unit
log "board: ESLint (typescript-eslint, react-hooks) and prettier --check"
board_lint() { (cd "${PEER_ROOT}/app" && npm run --silent lint && npm run --silent format:check); }
step "board: lint and format check" board_lint

# The JavaScript suite and the board's browser suite each start their own
# nodes and mostly wait for blocks: the two lanes run side by side, each suite
# with its own log, and both must pass. The live upgrade test runs beside the
# fault tests after them (below): the browser suite grew to the length of the
# end-to-end one, and the network step had room.
lanes() {
	log "lane 1: end-to-end suite (@polkadot/api); lane 2: the board's browser suite (Playwright, Chromium)"
	local logs e2e lane2 e2e_rc=0 lane2_rc=0
	logs=$(mktemp -d)
	timed() { # timed NAME COMMAND…: runs it, keeps its rc and wall time in $logs
		local name=$1 begin rc=0
		shift
		begin=$(date +%s)
		"$@" >"$logs/$name.log" 2>&1 || rc=$?
		echo "$rc $(($(date +%s) - begin))" >"$logs/$name.rc"
		return "$rc"
	}
	board() { (cd "${PEER_ROOT}/app" && npm run --silent test:browser); }
	timed e2e "${PEER_ROOT}/scripts/e2e/run.sh" &
	e2e=$!
	timed board board &
	lane2=$!
	trap 'kill $e2e $lane2 2>/dev/null || true; summary' EXIT
	wait $e2e || e2e_rc=$?
	wait $lane2 || lane2_rc=$?
	trap summary EXIT
	local name rc secs
	for name in e2e board; do
		read -r rc secs <"$logs/$name.rc" 2>/dev/null || { rc=missing; secs=0; }
		log "----- $name (exit $rc, $secs s) -----"
		cat "$logs/$name.log" 2>/dev/null || true
		steps+=("$(printf '%5d s  %s' "$secs" "  of which: $name")")
		[ "$rc" = 0 ] || lane2_rc=1
	done
	((e2e_rc == 0 && lane2_rc == 0)) || { log "failed (screenshots of the board's failures: app/test-results/)"; return 1; }
}
step "e2e ∥ browser (two lanes)" lanes

# The fault tests (three networks of four validators) and the live runtime
# upgrade by council vote with the try-runtime check (four more) side by side;
# the upgrade test's log follows the fault tests'.
network() {
	local logs up rc=0 up_rc=0 begin
	logs=$(mktemp -d)
	begin=$(date +%s)
	"${PEER_ROOT}/scripts/upgrade-test.sh" >"$logs/upgrade.log" 2>&1 &
	up=$!
	trap 'kill $up 2>/dev/null || true; summary' EXIT
	"${PEER_ROOT}/scripts/fault-tests.sh" || rc=$?
	wait $up || up_rc=$?
	trap summary EXIT
	log "----- upgrade (exit $up_rc, $(($(date +%s) - begin)) s from the step's start) -----"
	cat "$logs/upgrade.log"
	((rc == 0 && up_rc == 0))
}
log "network fault tests ∥ live runtime upgrade"
step "network fault tests ∥ upgrade" network

log "all tests passed"
