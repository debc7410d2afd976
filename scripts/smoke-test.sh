#!/usr/bin/env bash
# Starts `peer-node --dev --tmp` on free ports with the RPC origins scripts/run.sh
# gives it (lib.sh: dev_rpc_cors, DEV_RPC_METHODS), waits until block 3 is produced and finalized, checks that the node
# chose Peer's default transaction pool and that RPC from another web page's
# origin is not allowed and unsafe RPC methods are refused, stops the node with SIGINT and checks that it exits cleanly.
# Prints the node's log on any failure. Never waits longer than TIMEOUT seconds.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

TIMEOUT=${TIMEOUT:-120}
TARGET=${TARGET:-3}
[ -x "$PEER_NODE" ] || { log "no node at $PEER_NODE: run scripts/build.sh"; exit 1; }

logfile=$(mktemp /tmp/peer-smoke.XXXXXX.log)
board_port=8080
trap 'stop_dev_node' EXIT
start_dev_node "$logfile" --rpc-cors "$(PEER_RPC_CORS='' dev_rpc_cors "$board_port")" --rpc-methods "$DEV_RPC_METHODS" ||
	{ log "FAIL: the node did not start"; exit 1; }
pid=$DEV_NODE_PID
rpc_port=$DEV_RPC_PORT
node_alive() { kill -0 "$pid" 2>/dev/null; }
fail() {
	log "FAIL: $*"
	node_alive && kill -KILL "$pid" 2>/dev/null || true
	echo "----- node log ($logfile) -----"
	tail -n 200 "$logfile"
	exit 1
}

log "node pid $pid, rpc 127.0.0.1:$rpc_port; waiting for block $TARGET to be finalized"
deadline=$(($(date +%s) + TIMEOUT))
finalized=0
best=0
while :; do
	node_alive || fail "the node exited early"
	[ "$(date +%s)" -lt "$deadline" ] || fail "no finalized block $TARGET within ${TIMEOUT}s (best $best, finalized $finalized)"
	head=$(rpc "$rpc_port" chain_getFinalizedHead | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])' 2>/dev/null || true)
	if [ -n "$head" ]; then
		finalized=$(rpc "$rpc_port" chain_getHeader "[\"$head\"]" |
			python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"],16))' 2>/dev/null || echo 0)
		best=$(rpc "$rpc_port" chain_getHeader |
			python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"],16))' 2>/dev/null || echo 0)
		[ "$finalized" -ge "$TARGET" ] && break
	fi
	sleep 1
done
log "best #$best, finalized #$finalized ($head)"
# Peer's pool defaults (node/src/command.rs: DEFAULT_POOL_TYPE, DEFAULT_POOL_LIMIT), not Substrate's.
grep -q "Creating transaction pool txpool_type=SingleState ready=Limit { count: 65536" "$logfile" ||
	fail "the node did not start its default pool (single-state, 65,536 transactions)"

# What scripts/run.sh allows a web page: a browser asks the node first
# (a CORS preflight) and sends only if the node names the page's origin; the
# board's is named, another page's is not. And whatever a page sends (a
# WebSocket has no preflight), the unsafe methods are not served.
allowed_origin() {
	curl -s -o /dev/null -D - --max-time 5 -X OPTIONS -H "Origin: $1" \
		-H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: content-type' \
		"http://127.0.0.1:$rpc_port" | tr -d '\r' | sed -n 's/^access-control-allow-origin: //Ip'
}
[ "$(allowed_origin "http://127.0.0.1:$board_port")" = "http://127.0.0.1:$board_port" ] ||
	fail "the node does not let the board's origin call it"
[ -z "$(allowed_origin "https://evil.example")" ] || fail "the node lets another web page's origin call it"
insert=$(rpc "$rpc_port" author_insertKey '["aura","//Evil","0x'"$(printf '%064d' 0)"'"]')
grep -q '"error"' <<<"$insert" || fail "author_insertKey was served: $insert"
log "RPC: the board's origin allowed, another page's not; unsafe methods refused"

kill -INT "$pid"
for _ in $(seq 1 30); do node_alive || break; sleep 1; done
node_alive && fail "the node did not stop within 30 s of SIGINT"
set +e
wait "$pid"
rc=$?
set -e
[ "$rc" -eq 0 ] || fail "the node exited with status $rc after SIGINT"
DEV_NODE_PID=
log "PASS: finalized #$finalized, clean exit"
rm -f "$logfile"
