#!/usr/bin/env bash
# Regenerates every weights.rs of our pallets with `peer-node benchmark pallet`
# on this machine. STEPS and REPEAT can be lowered for a quick look
# (e.g. STEPS=2 REPEAT=1); the committed files use the defaults below.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

STEPS=${STEPS:-50}
REPEAT=${REPEAT:-20}
PALLETS=(${PALLETS:-missions consortium validator-set})

"${PEER_ROOT}/scripts/build.sh"
cd "$PEER_ROOT"
for p in "${PALLETS[@]}"; do
	out="pallets/${p}/src/weights.rs"
	name="pallet_${p//-/_}"
	log "benchmarking ${name}: steps ${STEPS}, repeat ${REPEAT} -> ${out}"
	"$PEER_NODE" benchmark pallet \
		--chain dev \
		--pallet "$name" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--template scripts/weight-template.hbs \
		--output "$out"
	rustfmt --edition 2021 "$out" 2>/dev/null || true
done
log "done; rebuild (scripts/build.sh) so the runtime uses the new weights"
