#!/usr/bin/env bash
# Checks the operators' files (ops/): Prometheus' configuration and alerting
# rules (promtool check, then the rules' unit tests), and the systemd unit
# (systemd-analyze verify: an unknown or misspelt directive fails; its
# exposure score is printed). Run by scripts/test.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "${PEER_ROOT}/ops/prometheus"
promtool check config prometheus.yml
promtool test rules alerts.test.yml
# The unit names /usr/local/bin/peer-node and /etc/default/peer-node, which
# this machine need not have: verify a copy that runs /bin/true instead.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's#^ExecStart=/usr/local/bin/peer-node#ExecStart=/bin/true#; s#^EnvironmentFile=/#EnvironmentFile=-/#' \
	"${PEER_ROOT}/ops/systemd/peer-node.service" >"$work/peer-node.service"
out=$(systemd-analyze verify "$work/peer-node.service" 2>&1) || { echo "$out"; exit 1; }
[ -z "$out" ] || { echo "$out"; log "ops/systemd/peer-node.service: systemd-analyze verify complained"; exit 1; }
log "ops/systemd/peer-node.service verified; $(systemd-analyze security --offline=yes "$work/peer-node.service" 2>&1 | grep -o 'Overall exposure level.*' || echo 'exposure not computed')"
