#!/usr/bin/env bash
# Throughput of peer-node --dev: balance transfers and a mission workload in
# the same run on the same node (scripts/e2e/bench/throughput.js), then
# `peer-node benchmark block` re-executes the loaded blocks to compare the time
# they take with the weight they claim. Prints tables; changes nothing.
#   TRANSFERS=30000 OWNERS=96 POOL_LIMIT=200000 scripts/bench/throughput.sh   (the defaults)
#   NODE_ARGS="--pool-type fork-aware" scripts/bench/throughput.sh   (Substrate's default pool)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
need_benchmark_cli
cd "${PEER_ROOT}/scripts/e2e"
[ -d node_modules/@polkadot/api ] || npm ci --no-audit --no-fund --loglevel=error
BASE=$(mktemp -d /tmp/peer-bench.XXXXXX)
trap 'rm -rf "$BASE"' EXIT
start=$(date +%s)
BASE="$BASE" node bench/throughput.js | tee "$BASE/out.txt"
range=$(sed -n 's/^blocks with load: #\([0-9]*\)\.\.#\([0-9]*\).*/\1 \2/p' "$BASE/out.txt")
if [ -n "$range" ]; then
	read -r from to <<<"$range"
	# The first block `benchmark block` executes also pays for compiling the runtime (an
	# empty block measured 1.06 s): start one block earlier and leave that block out.
	log "re-executing blocks #$from..#$to (peer-node benchmark block, 3 repeats; #$((from - 1)) warms the runtime)"
	"$PEER_NODE" benchmark block --dev --base-path "$BASE" --from "$((from - 1))" --to "$to" --repeat 3 2>&1 |
		grep -E "Block [0-9]+ with" | grep -v -E "Block $((from - 1)) with" || true
fi
log "done in $(($(date +%s) - start)) s"
