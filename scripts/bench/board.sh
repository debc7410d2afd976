#!/usr/bin/env bash
# Measures the mission board (printed, not asserted): bundle size gzipped and
# the time from navigation to a usable missions list with MISSIONS (200) live
# missions on a fresh `peer-node --dev --tmp`. RUNS page loads (5).
#   scripts/bench/board.sh
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
need_build
[ -f "${PEER_ROOT}/app/dist/index.html" ] || "${PEER_ROOT}/scripts/build-board.sh"
web_port=$(free_port)
logs=$(mktemp -d)
web_pid=
trap 'kill $web_pid 2>/dev/null || true; stop_dev_node' EXIT
start_dev_node "$logs/node.log"
rpc_port=$DEV_RPC_PORT
node "${PEER_ROOT}/app/scripts/serve.mjs" --port "$web_port" --rpc "ws://127.0.0.1:${rpc_port}" >"$logs/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 60); do
	rpc "$rpc_port" chain_getHeader | grep -q '"number":"0x[1-9a-f]' && break
	sleep 1
done
cd "${PEER_ROOT}/app"
node --experimental-websocket bench/load.mjs "ws://127.0.0.1:${rpc_port}" "http://127.0.0.1:${web_port}/"
