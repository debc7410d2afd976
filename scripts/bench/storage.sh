#!/usr/bin/env bash
# What an idle chain costs on disk: starts a fresh `peer-node --dev` (ParityDB,
# default pruning: the state of the last 256 blocks, every block kept), lets it
# author WARMUP empty blocks (default 300, past the state-pruning window), then
# MINUTES minutes more (default 10), and prints the database's growth per block
# and per day at the block time. Always stops the node. Changes nothing.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
need_build
MINUTES="${MINUTES:-10}"
WARMUP="${WARMUP:-300}"
BASE=$(mktemp -d /tmp/peer-storage.XXXXXX)
trap 'stop_dev_node; rm -rf "$BASE"' EXIT
start_dev_node "$BASE/node.log" --base-path "$BASE"
RPC=$DEV_RPC_PORT
best() { rpc "$RPC" chain_getHeader | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"],16))'; }
for _ in $(seq 60); do best >/dev/null 2>&1 && break; sleep 1; done
# Past the state-pruning window (until then every block's state is kept), then measure.
while [ "$(best)" -lt "$WARMUP" ]; do sleep 2; done
db() { du -sb "$BASE/chains" | cut -f1; }
b0=$(best); s0=$(db)
log "idle for $MINUTES min from block #$b0, database $s0 bytes"
sleep $((MINUTES * 60))
b1=$(best); s1=$(db)
per_block=$(( (s1 - s0) / (b1 - b0) ))
block_ms=$(rpc "$RPC" state_call '["AuraApi_slot_duration","0x"]' | python3 -c 'import json,sys; h=json.load(sys.stdin)["result"][2:]; print(int.from_bytes(bytes.fromhex(h),"little"))')
per_day=$(( per_block * 86400000 / block_ms ))
log "blocks #$b0..#$b1 ($((b1 - b0)) blocks of ${block_ms} ms): $((s1 - s0)) bytes, ${per_block} bytes per block"
log "an idle chain grows by $((per_day / 1024 / 1024)) MiB per day ($((per_day * 365 / 1024 / 1024 / 1024)) GiB per year)"
