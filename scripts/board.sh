#!/usr/bin/env bash
# Serves the built mission board (app/dist, plain static files) alone,
# against any node: scripts/board.sh [--rpc ws://HOST:PORT] [--port 8080] [--host 127.0.0.1]
# Builds it first if app/dist is missing (which needs scripts/build.sh's runtime).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -f "${PEER_ROOT}/app/dist/index.html" ] || "${PEER_ROOT}/scripts/build-board.sh"
exec node "${PEER_ROOT}/app/scripts/serve.mjs" "$@"
