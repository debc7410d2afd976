# Shared settings for Peer's scripts. Source it; it changes nothing by itself.

# Link the system OpenSSL (libssl-dev, installed by setup.sh) instead of
# compiling a vendored copy: about five minutes less of a cold build.
export OPENSSL_NO_VENDOR=1

# One build serves the dev chain, the tests and the benchmarks: release profile,
# with the runtime benchmarks and the try-runtime checks compiled in, so that
# `cargo build` and `cargo test` share every compiled dependency. The runtime's
# wasm is built without either (runtime/build.rs): it is what an upgrade carries.
# The node's `benchmark` subcommand is left out (feature `benchmark-cli`): only
# the benchmark scripts use it, and it brings some 130 crates; they build it
# with `need_benchmark_cli`.
PEER_CARGO_FLAGS=(--release --workspace --locked --features peer-node/runtime-benchmarks,peer-node/try-runtime)

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }
PEER_ROOT=$(repo_root)

# Where cargo builds. An explicit CARGO_TARGET_DIR wins; a checkout whose
# target/ is a real directory keeps it; otherwise the build lives in a cache
# outside the clone, keyed by the toolchain, as a CI cache does:
# ${XDG_CACHE_HOME:-~/.cache}/peer/target/<rustc release>-<commit>, exported as
# CARGO_TARGET_DIR (one absolute path in every checkout, so that paths compiled
# into the crates do not differ) and linked from target/ in the checkout. A
# fresh clone (CI's) then reuses every compiled crate of the last build on this
# machine: cargo's fingerprints decide what is stale, and
# scripts/source-times.py gives them the file times to decide it right. A new
# machine, or an empty cache, builds everything.
if [ -z "${CARGO_TARGET_DIR:-}" ] && { [ -L "${PEER_ROOT}/target" ] || [ ! -e "${PEER_ROOT}/target" ]; }; then
	rustc_release=$(rustc -vV | sed -n 's/^release: //p')
	rustc_commit=$(rustc -vV | sed -n 's/^commit-hash: //p' | cut -c1-12)
	export CARGO_TARGET_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/peer/target/${rustc_release}-${rustc_commit}"
	mkdir -p "$CARGO_TARGET_DIR"
	ln -sfn "$CARGO_TARGET_DIR" "${PEER_ROOT}/target"
fi
PEER_TARGET="${CARGO_TARGET_DIR:-${PEER_ROOT}/target}"
# The runtime's wasm build (substrate-wasm-builder) looks for the workspace's
# Cargo.lock upwards from the target directory; outside the clone it must be told
# where the workspace is, or the wasm would be built with unlocked versions.
export WASM_BUILD_WORKSPACE_HINT="$PEER_ROOT"
# With the node's `benchmark-cli` feature, frame-benchmarking-cli brings a test
# runtime whose wasm build looks itself up in this workspace's metadata, where an
# optional dependency does not appear, and fails; only `benchmark storage
# --validate-block-rounds` (parachains) would use that wasm.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
export PEER_TARGET
export PEER_NODE="${PEER_TARGET}/release/peer-node"
export PEER_INDEXER="${PEER_TARGET}/release/peer-indexer"
export PEER_RUNTIME_WASM="${PEER_TARGET}/release/wbuild/peer-runtime/peer_runtime.compact.compressed.wasm"

log() { printf '[%s] %s\n' "$(basename "$0")" "$*"; }

# How a development node started for a member (scripts/run.sh) serves RPC: to
# the board's origin on this machine (BOARD_PORT, 8080) unless PEER_RPC_CORS
# names others, and only the safe methods (the board, polkadot.js and the
# indexer need no other). Never `--rpc-cors all` with unsafe methods: a dev node
# serves them on localhost by default, and any web page the member opens could
# call author_insertKey or system_addReservedPeer (over a WebSocket, which has no
# CORS preflight, no origin list stops a page; refusing the methods does).
dev_rpc_cors() {
	local port=${1:-${BOARD_PORT:-8080}}
	printf '%s\n' "${PEER_RPC_CORS:-http://127.0.0.1:${port},http://localhost:${port}}"
}
DEV_RPC_METHODS=safe

# A TCP port nobody listens on (asks the kernel for one).
# A free TCP port on 127.0.0.1, picked at random (the kernel's next ephemeral
# port may be handed out twice in a row, to an RPC and a p2p port of one node).
free_port() {
	python3 -c '
import random, socket
while True:
    port = random.randint(20000, 59999)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        break
    except OSError:
        pass
    finally:
        s.close()
print(port)'
}

# JSON-RPC call against a node: rpc PORT METHOD [PARAMS_JSON]
rpc() {
	curl -s --max-time 5 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" \
		"http://127.0.0.1:$1"
}

# Makes sure $PEER_NODE has the `benchmark` subcommand: builds the workspace
# once more with the node's `benchmark-cli` feature if it has not. The next
# scripts/build.sh builds the node without it again (a relink and the crates
# only the subcommand uses).
# The runtime's wasm gets its benchmarks too (PEER_WASM_BENCHMARKS=1,
# runtime/build.rs): cargo rebuilds only what changed.
need_benchmark_cli() {
	export PEER_WASM_BENCHMARKS=1
	log "building peer-node with its benchmark subcommand (--features peer-node/benchmark-cli) and a wasm with the benchmarks"
	"${PEER_ROOT}/scripts/build.sh" --features peer-node/benchmark-cli
}

# Builds the workspace (scripts/build.sh, which sets the machine up first)
# unless peer-node, peer-indexer and the runtime's wasm are already built.
need_build() {
	if [ ! -x "$PEER_NODE" ] || [ ! -x "$PEER_INDEXER" ] || [ ! -f "$PEER_RUNTIME_WASM" ]; then
		"${PEER_ROOT}/scripts/build.sh"
	fi
}

# The one way the scripts start a development node:
#   start_dev_node LOG [peer-node arguments…]
# `peer-node --dev` in the background, its output to LOG (`-`: this terminal),
# RPC on a free port (or the arguments' `--rpc-port`; either way DEV_RPC_PORT),
# p2p on a free port (or theirs), no telemetry, no metrics unless DEV_METRICS=1
# or the arguments ask (`--prometheus-port`), a throw-away database unless they
# name `--base-path`. Sets DEV_NODE_PID and waits until the node answers RPC
# (60 s at most, else prints its log and fails). stop_dev_node stops it;
# callers put it in their EXIT trap.
start_dev_node() {
	local logfile=$1 i
	shift
	local args=("$@") base=(--tmp) metrics=(--no-prometheus) p2p_port=(--port "$(free_port)")
	[ "${DEV_METRICS:-0}" = 1 ] && metrics=()
	DEV_RPC_PORT=$(free_port)
	local rpc_port=(--rpc-port "$DEV_RPC_PORT")
	for ((i = 0; i < ${#args[@]}; i++)); do
		case "${args[i]}" in
		--base-path | --base-path=* | --tmp) base=() ;;
		--prometheus-port | --prometheus-port=* | --prometheus-external) metrics=() ;;
		--port | --port=*) p2p_port=() ;;
		--rpc-port) DEV_RPC_PORT=${args[i + 1]} rpc_port=() ;;
		--rpc-port=*) DEV_RPC_PORT=${args[i]#--rpc-port=} rpc_port=() ;;
		esac
	done
	local cmd=("$PEER_NODE" --dev "${base[@]}" "${rpc_port[@]}" "${p2p_port[@]}" \
		--no-telemetry "${metrics[@]}" "$@")
	if [ "$logfile" = - ]; then
		"${cmd[@]}" &
	else
		"${cmd[@]}" >"$logfile" 2>&1 &
	fi
	DEV_NODE_PID=$!
	local _
	for _ in $(seq 120); do
		rpc "$DEV_RPC_PORT" system_health | grep -q '"result"' && return 0
		kill -0 "$DEV_NODE_PID" 2>/dev/null || break
		sleep 0.5
	done
	log "peer-node --dev did not answer on 127.0.0.1:${DEV_RPC_PORT}"
	[ "$logfile" = - ] || tail -n 50 "$logfile"
	stop_dev_node
	return 1
}

# Stops the node start_dev_node started (SIGINT, then SIGKILL after 30 s).
stop_dev_node() {
	[ -n "${DEV_NODE_PID:-}" ] || return 0
	kill -INT "$DEV_NODE_PID" 2>/dev/null || true
	local _
	for _ in $(seq 60); do
		kill -0 "$DEV_NODE_PID" 2>/dev/null || break
		sleep 0.5
	done
	kill -KILL "$DEV_NODE_PID" 2>/dev/null || true
	wait "$DEV_NODE_PID" 2>/dev/null || true
	DEV_NODE_PID=
}
