#!/usr/bin/env bash
# A local consortium network on loopback: the four validators of the
# `local_testnet` chain (Alice, Bob, Charlie and Dave, four organizations),
# each with its own base path, ports and fixed node key (the peer ids the
# chain's genesis lists as well-known nodes).
#
#   scripts/local-testnet.sh start    # build if needed, start the four nodes, wait for finality
#   scripts/local-testnet.sh status   # best and finalized height and peer count of each node
#   scripts/local-testnet.sh stop     # stop them (SIGINT, then SIGKILL after 20 s)
#
# Data and logs live in .peer-testnet/<name>/ (kept between runs; `stop` then
# `rm -rf .peer-testnet` starts afresh). RPC: Alice 9944, Bob 9945, Charlie
# 9946, Dave 9947. Four validators because GRANDPA needs more than two thirds
# of them: four keep finalizing with one down, three would not.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DIR="${PEER_TESTNET_DIR:-${PEER_ROOT}/.peer-testnet}"
NAMES=(alice bob charlie dave)

node_key() { printf '%064x' "$1"; }
p2p_port() { echo $((30333 + $1)); }
rpc_port() { echo $((9944 + $1)); }
ALICE_PEER_ID=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
BOB_PEER_ID=12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD

running() { [ -f "$DIR/$1/pid" ] && kill -0 "$(cat "$DIR/$1/pid")" 2>/dev/null; }

start_node() {
	local i=$1 name=${NAMES[$1]}
	if running "$name"; then
		log "$name already running (pid $(cat "$DIR/$name/pid"))"
		return
	fi
	mkdir -p "$DIR/$name"
	# Everyone boots from Alice; Alice from Bob.
	local boot="/ip4/127.0.0.1/tcp/$(p2p_port 0)/p2p/${ALICE_PEER_ID}"
	[ "$i" -eq 0 ] && boot="/ip4/127.0.0.1/tcp/$(p2p_port 1)/p2p/${BOB_PEER_ID}"
	"$PEER_NODE" --chain local --base-path "$DIR/$name" --"$name" \
		--node-key "$(node_key $((i + 1)))" --port "$(p2p_port "$i")" --rpc-port "$(rpc_port "$i")" \
		--bootnodes "$boot" --no-prometheus --no-telemetry --no-mdns \
		>>"$DIR/$name/node.log" 2>&1 &
	echo $! >"$DIR/$name/pid"
	log "$name started (pid $!, rpc $(rpc_port "$i"), p2p $(p2p_port "$i"), log $DIR/$name/node.log)"
}

height() { # PORT METHOD -> block number
	local hash header
	if [ "$2" = finalized ]; then
		hash=$(rpc "$1" chain_getFinalizedHead | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])' 2>/dev/null) || return 1
		header=$(rpc "$1" chain_getHeader "[\"$hash\"]")
	else
		header=$(rpc "$1" chain_getHeader)
	fi
	python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"],16))' <<<"$header" 2>/dev/null
}

status() {
	printf '%-8s %-8s %6s %10s %6s\n' node pid best finalized peers
	for i in "${!NAMES[@]}"; do
		local name=${NAMES[$i]} port pid=- best=- fin=- peers=-
		port=$(rpc_port "$i")
		if running "$name"; then
			pid=$(cat "$DIR/$name/pid")
			best=$(height "$port" best || echo '?')
			fin=$(height "$port" finalized || echo '?')
			peers=$(rpc "$port" system_health | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["peers"])' 2>/dev/null || echo '?')
		fi
		printf '%-8s %-8s %6s %10s %6s\n' "$name" "$pid" "$best" "$fin" "$peers"
	done
}

stop() {
	for name in "${NAMES[@]}"; do
		if running "$name"; then
			kill -INT "$(cat "$DIR/$name/pid")"
		fi
	done
	for name in "${NAMES[@]}"; do
		[ -f "$DIR/$name/pid" ] || continue
		local pid waited=0
		pid=$(cat "$DIR/$name/pid")
		while kill -0 "$pid" 2>/dev/null && [ $waited -lt 20 ]; do
			sleep 1
			waited=$((waited + 1))
		done
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" && log "$name killed after 20 s"
		rm -f "$DIR/$name/pid"
		log "$name stopped"
	done
}

case "${1:-}" in
start)
	[ -x "$PEER_NODE" ] || "${PEER_ROOT}/scripts/build.sh"
	for i in "${!NAMES[@]}"; do start_node "$i"; done
	log "waiting (at most 120 s) for block 3 to be finalized"
	for _ in $(seq 120); do
		fin=$(height "$(rpc_port 0)" finalized || echo 0)
		[ "${fin:-0}" -ge 3 ] && break
		sleep 1
	done
	status
	[ "${fin:-0}" -ge 3 ] || { log "no finality yet: see $DIR/*/node.log"; exit 1; }
	log "Apps UI: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944"
	;;
status) status ;;
stop) stop ;;
*)
	echo "usage: $0 start|status|stop" >&2
	exit 2
	;;
esac
