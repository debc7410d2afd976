#!/usr/bin/env bash
# Catch-up rate of peer-indexer (printed, not asserted): a dev chain under
# BASE (default: a new temporary one) with every block's state kept runs
# until it has finalized BLOCKS blocks (default 1000; a new chain makes one
# every 2 s, so about 35 min the first time: keep BASE to measure again at
# once), then `peer-indexer --once` indexes it from genesis into a new
# database and prints blocks/s and events/s. Every process is stopped at the end.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
indexer="$PEER_INDEXER"
need_build
blocks="${BLOCKS:-1000}"
base="${BASE:-$(mktemp -d)}"
work=$(mktemp -d)
trap 'stop_dev_node; rm -rf "$work"' EXIT
start_dev_node "$work/node.log" --base-path "$base" --state-pruning archive-canonical
rpc_port=$DEV_RPC_PORT
finalized() {
	local hash
	hash=$(rpc "$rpc_port" chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')
	[ -n "$hash" ] || { echo 0; return; }
	printf '%d\n' "$(rpc "$rpc_port" chain_getHeader "[\"$hash\"]" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')"
}
log "chain under $base; waiting for $blocks finalized blocks"
for _ in $(seq 7200); do
	n=$(finalized 2>/dev/null || echo 0)
	[ "$n" -ge "$blocks" ] && break
	sleep 2
done
log "finalized #$n; indexing it from genesis"
"$indexer" --rpc "ws://127.0.0.1:${rpc_port}" --db "$work/history.sqlite" --once 2>"$work/indexer.log" |
	sed 's/^/[bench-indexer] /'
log "database: $(du -h "$work/history.sqlite" | cut -f1) for $n blocks"
