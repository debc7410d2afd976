# Shared settings for Peer's scripts. Source it; it changes nothing by itself.

# Link the system OpenSSL (libssl-dev, installed by setup.sh) instead of
# compiling a vendored copy: about five minutes less of a cold build.
export OPENSSL_NO_VENDOR=1

# One build serves the dev chain, the tests and the benchmarks: release profile,
# with the runtime benchmarks compiled in, so that `cargo build` and
# `cargo test` share every compiled dependency.
PEER_CARGO_FLAGS=(--release --workspace --locked --features peer-node/runtime-benchmarks)

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }
PEER_ROOT=$(repo_root)
PEER_NODE="${PEER_ROOT}/target/release/peer-node"

log() { printf '[%s] %s\n' "$(basename "$0")" "$*"; }

# A TCP port nobody listens on (asks the kernel for one).
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# JSON-RPC call against a node: rpc PORT METHOD [PARAMS_JSON]
rpc() {
	curl -s --max-time 5 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" \
		"http://127.0.0.1:$1"
}
