#!/usr/bin/env bash
# The first command: sets up the machine, builds peer-node, peer-indexer and
# the mission board, starts a development chain (Alice authors and finalizes;
# RPC on 127.0.0.1:9944; every block's state kept, so that the indexer can
# read any of them), the indexer's API at http://127.0.0.1:8090, and serves
# the board at http://127.0.0.1:8080.
# Extra arguments go to peer-node, e.g. `scripts/run.sh --rpc-port 9955`
# (BOARD_PORT and INDEXER_PORT change the other two ports). The node serves
# the safe RPC methods to the board's origin only (lib.sh dev_rpc_args);
# PEER_RPC_CORS (or --rpc-cors) names other origins, e.g.
# PEER_RPC_CORS=http://127.0.0.1:8080,https://polkadot.js.org.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"${PEER_ROOT}/scripts/build.sh"
"${PEER_ROOT}/scripts/build-board.sh"
base="${PEER_BASE_PATH:-${PEER_ROOT}/.peer-dev}"
rpc_port=9944
args=("$@")
node_args=()
board_port="${BOARD_PORT:-8080}"
cors_args=(--rpc-cors "$(dev_rpc_cors "$board_port")")
methods_args=(--rpc-methods "$DEV_RPC_METHODS")
for ((i = 0; i < ${#args[@]}; i++)); do
	case "${args[i]}" in
	--rpc-port)
		rpc_port="${args[i + 1]}"
		i=$((i + 1))
		continue
		;;
	# Given on the command line, they replace ours.
	--rpc-cors) cors_args=() ;;
	--rpc-methods) methods_args=() ;;
	esac
	node_args+=("${args[i]}")
done
indexer_port="${INDEXER_PORT:-8090}"
node "${PEER_ROOT}/app/scripts/serve.mjs" --port "$board_port" --rpc "ws://127.0.0.1:${rpc_port}" \
	--indexer "http://127.0.0.1:${indexer_port}" &
board=$!
mkdir -p "$base"
"$PEER_INDEXER" --rpc "ws://127.0.0.1:${rpc_port}" \
	--db "${base}/history.sqlite" --http "127.0.0.1:${indexer_port}" \
	--documents "${base}/documents" >"${base}/indexer.log" 2>&1 &
indexer=$!
# Whatever ends this script (Ctrl-C, a TERM, the node exiting) stops all three.
trap 'kill $board $indexer 2>/dev/null || true; stop_dev_node' EXIT INT TERM
log "starting peer-node --dev, chain data under $base"
log "chain:          ws://127.0.0.1:${rpc_port}"
log "mission board:  http://127.0.0.1:${board_port}/?indexer=http%3A%2F%2F127.0.0.1%3A${indexer_port}  (dev accounts Alice … Ferdie are offered on a dev chain)"
log "history API:    http://127.0.0.1:${indexer_port}/missions  (peer-indexer; its log: ${base}/indexer.log)"
log "documents:      http://127.0.0.1:${indexer_port}/documents  (the store beside the history; its files: ${base}/documents)"
log "node RPC:       ${cors_args[*]} ${methods_args[*]} (PEER_RPC_CORS names other origins)"
log "polkadot.js:    https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A${rpc_port}#/explorer  (with PEER_RPC_CORS=http://127.0.0.1:${board_port},https://polkadot.js.org)"
log "Ctrl-C stops all three"
# Metrics as an operator's node has them (127.0.0.1:9615), RPC on 9944 unless
# the arguments name another port.
DEV_METRICS=1 start_dev_node - --base-path "$base" --state-pruning archive-canonical \
	--rpc-port "$rpc_port" "${cors_args[@]}" "${methods_args[@]}" ${node_args[@]+"${node_args[@]}"}
wait "$DEV_NODE_PID"
