#!/usr/bin/env bash
# Sets up the machine and builds every crate of the workspace (node, runtime,
# pallets) in the release profile, once. Extra arguments go to cargo
# (`scripts/build.sh --features peer-node/benchmark-cli`); PEER_TIMINGS=1 adds
# `--timings` (a report under target/cargo-timings/).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"${PEER_ROOT}/scripts/setup.sh"
cd "$PEER_ROOT"
log "cargo build ${PEER_CARGO_FLAGS[*]}"
start=$(date +%s)
timings=()
[[ ${PEER_TIMINGS:-0} == 1 ]] && timings=(--timings)
python3 "${PEER_ROOT}/scripts/source-times.py" restore
cargo build "${PEER_CARGO_FLAGS[@]}" "${timings[@]}" "$@"
python3 "${PEER_ROOT}/scripts/source-times.py" record
# Keep the ten newest timing reports of the (shared) target directory.
if ((${#timings[@]})); then
	ls -t "${PEER_TARGET}"/cargo-timings/cargo-timing-*.html 2>/dev/null | tail -n +11 | xargs -r rm -f
fi
log "built in $(($(date +%s) - start)) s: $PEER_NODE (target directory $PEER_TARGET)"
