#!/usr/bin/env bash
# Writes code: regenerates every weight file of the chain from benchmarks run
# on this machine (commit what it writes):
#   - pallets/<ours>/src/weights.rs      `peer-node benchmark pallet`, our template;
#   - runtime/src/weights/<pallet>.rs    `peer-node benchmark pallet` for the FRAME
#                                        pallets whose weights the runtime uses;
#   - runtime/src/weights/{block,extrinsic}_weights.rs
#                                        `peer-node benchmark overhead`.
# Storage is priced with the runtime's `DbWeight` (ParityDB, the node's only
# database). Steps and repeats are written into each file's header.
#
# Environment (defaults are what the committed files use):
#   STEPS, REPEAT        benchmark pallet sampling (50, 20);
#   PALLETS              our pallets to run ("missions consortium validator-set authorized-nodes");
#   FRAME_PALLETS        FRAME pallets to run (all of FRAME_ALL below);
#   OVERHEAD=0           skips `benchmark overhead`;
#   NO_BUILD=1           uses the node already built (with --features peer-node/benchmark-cli).
# A quick look: STEPS=2 REPEAT=1 PALLETS=missions FRAME_PALLETS= OVERHEAD=0.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

STEPS=${STEPS:-50}
REPEAT=${REPEAT:-20}
FRAME_ALL="frame_system frame_system_extensions pallet_balances pallet_transaction_payment \
pallet_timestamp pallet_utility pallet_collective pallet_parameters pallet_proxy \
pallet_multisig pallet_identity pallet_assets"
read -r -a OURS <<<"${PALLETS-missions consortium validator-set authorized-nodes}"
read -r -a FRAME <<<"${FRAME_PALLETS-$FRAME_ALL}"
OVERHEAD=${OVERHEAD:-1}

if [[ ${NO_BUILD:-0} == 1 ]]; then
	need_benchmark_cli
else
	"${PEER_ROOT}/scripts/build.sh" --features peer-node/benchmark-cli
fi
cd "$PEER_ROOT"
WASM=$PEER_RUNTIME_WASM
[[ -f $WASM ]] || { log "no runtime at $WASM"; exit 1; }

bench() {
	local pallet=$1
	shift
	"$PEER_NODE" benchmark pallet \
		--runtime "$WASM" \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		"$@"
}

for p in "${OURS[@]}"; do
	out="pallets/${p}/src/weights.rs"
	log "benchmarking pallet_${p//-/_}: steps ${STEPS}, repeat ${REPEAT} -> ${out}"
	bench "pallet_${p//-/_}" --template scripts/weight-template.hbs --output "$out"
	rustfmt --edition 2021 "$out" 2>/dev/null || true
done

mkdir -p runtime/src/weights
for p in "${FRAME[@]}"; do
	out="runtime/src/weights/${p}.rs"
	log "benchmarking ${p}: steps ${STEPS}, repeat ${REPEAT} -> ${out}"
	bench "$p" --header scripts/weight-header.txt --output "$out"
done

if [[ $OVERHEAD == 1 ]]; then
	log "benchmark overhead -> runtime/src/weights/{block,extrinsic}_weights.rs"
	"$PEER_NODE" benchmark overhead \
		--runtime "$WASM" \
		--genesis-builder-preset development \
		--wasm-execution compiled \
		--header scripts/weight-header.txt \
		--weight-path runtime/src/weights
fi
log "done; rebuild (scripts/build.sh) so the runtime uses the new weights"
