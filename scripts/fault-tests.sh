#!/usr/bin/env bash
# Fault tests of a consortium network (scripts/e2e/faults), three files run side
# by side, each with four validators of `--chain local` of its own:
# - faults.test.js: on loopback, killed and restarted, an unauthorized node,
#   session keys rotated, a validator added and removed by council vote;
# - partitions.test.js: each validator in a network namespace of its own
#   (lib/netns.js), partitioned 2|2 (transactions on both sides) and 3|1;
# - recovery.test.js: likewise, one on a slow link, then two lost for good and
#   the chain recovered by council vote while Prometheus, with
#   ops/prometheus/alerts.yml, watches.
# The namespaced ones need root (network namespaces).
# Needs a build (scripts/build.sh) and the e2e packages (installed here with
# npm ci). Every wait is bounded; every node, namespace and link is removed at
# the end (here too, by their prefix, if a test process was killed); the
# figures are printed as the tests go (lines starting `[net]`).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -x "$PEER_NODE" ] || { log "build first: scripts/build.sh"; exit 1; }
cd "${PEER_ROOT}/scripts/e2e"
[ -d node_modules/@polkadot/api ] || npm ci --no-audit --no-fund --loglevel=error
export PEER_NETNS_PREFIX="pf$$"
cleanup() {
	local ns
	for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^${PEER_NETNS_PREFIX}-" || true); do
		ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
		ip netns del "$ns" 2>/dev/null || true
	done
	for link in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | grep "^${PEER_NETNS_PREFIX}m" | cut -d@ -f1 || true); do
		ip link del "$link" 2>/dev/null || true
	done
}
trap cleanup EXIT
log "node --test faults/ (the three files side by side)"
# Each file has one suite, bounded as a whole. In faults.test.js each vote on
# the validator set takes effect two session changes later, so where the motion
# lands in a session moves the last step by up to two sessions (40 s on
# `local`); 509 s and over 600 s were both seen once with longer sessions;
# every wait inside is bounded.
node --test --test-concurrency=3 --test-timeout=900000 faults/
